"""Which reader a file needs, from its bytes first and its suffix second.

Analysts save releases under any name: a web page as ``.txt``, a PDF as
``.html``, a download with no suffix at all. The content decides; the suffix
only breaks ties between formats that look alike (markdown and plain text,
XML and XHTML) and names what we reject.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from pipelines.ingest_decode import TEXT_BYTES

# Magic numbers of binary containers we cannot read, named in the reject reason.
KNOWN_BINARIES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
LEGACY_OFFICE = "unsupported OLE2 compound file"  # the legacy binary Office container
OUTLOOK_MESSAGE = "Outlook message (.msg): save it as .eml"
# OLE2 streams that name what a compound file holds: (stream, format, what it is).
# Only "WordDocument" is read; the others are named in the reject reason.
OLE2_KINDS = (
    ("WordDocument", "doc", "Word document (.doc)"),
    ("Workbook", "xls", "Excel workbook (.xls)"),
    ("Book", "xls", "Excel 5.0/95 workbook (.xls)"),
    ("PowerPoint Document", "ppt", "PowerPoint presentation (.ppt)"),
    ("__properties_version1.0", "msg", OUTLOOK_MESSAGE),
    ("EncryptedPackage", "ole2", "password-protected Office document (encrypted .docx/.xlsx/.pptx)"),
    ("VisioDocument", "vsd", "Visio drawing (.vsd)"),
)
OLE2_OTHER = "OLE2 compound file of an unknown kind (no WordDocument, Workbook or PowerPoint Document stream)"
# What a broken OLE2 file was meant to be, by its suffix.
OLE2_SUFFIXES = {
    ".doc": "Word document (.doc)", ".dot": "Word document (.doc)", ".xls": "Excel workbook (.xls)",
    ".ppt": "PowerPoint presentation (.ppt)", ".pps": "PowerPoint presentation (.ppt)",
    ".msg": "Outlook message (.msg)",
}

# First bytes of every magic below, whitespace and a UTF-8 BOM (PDF and RTF
# headers may follow those).
MAGIC_FIRST_BYTES = frozenset(
    bytes([m[0]]) for m in (b"%", b"{", b"P", OLE2, *(magic for magic, _ in KNOWN_BINARIES))
) | frozenset({b" ", b"\t", b"\r", b"\n", b"\xef"})
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".mdown": "md"}
HTML_SUFFIXES = frozenset({".htm", ".html", ".xhtml", ".xht", ".shtml", ".htm5", ".html5"})
EMAIL_SUFFIXES = frozenset({".eml", ".mht", ".mhtml"})
HEAD = 2048

PAGE_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
DOCTYPE_HTML = re.compile(r"<!doctype\s+html", re.I)
PROLOG = re.compile(r"(?:\s*<\?.*?\?>|\s*<!--.*?-->|\s*<!doctype[^>]*>)*\s*", re.I | re.S)
XML_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*[\s/>]")
PAGE_ROOTS = frozenset({"html", "head", "body"})
HTML_TAGS = PAGE_ROOTS | frozenset({
    "meta", "title", "link", "style", "script", "p", "div", "span", "table", "h1", "h2", "h3", "h4",
    "h5", "h6", "br", "b", "i", "u", "a", "font", "center", "article", "section", "header", "main",
    "nav", "ul", "ol", "img", "strong", "em", "pre", "blockquote", "hr", "base",
})
# An RFC 822 header block: name, colon, value, continuation lines, ending in a blank line.
HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,40}):.*|[ \t]+\S.*")
EMAIL_MARKERS = frozenset({"mime-version", "received", "message-id", "return-path", "x-mailer", "content-transfer-encoding"})
EMAIL_HEADERS = frozenset({"from", "to", "cc", "subject", "date", "reply-to", "content-type", "sender"}) | EMAIL_MARKERS
MAX_HEADER_LINES = 400
EMAIL_HEAD = 32768  # DKIM signatures and Received chains make long header blocks


def sniff_binary(data: bytes) -> str | None:
    """The format of a binary container ("pdf", "docx", "odt", "doc"), "rtf"
    for RTF, "zip:<what>", "ole2:<format>:<what>" or "binary:<what>" for
    containers and binaries we cannot read, "badzip:<error>" or
    "badole2:<error>" for broken ones, or None when the bytes should be read
    as text."""
    head = data[:1024]
    if data[:1] not in MAGIC_FIRST_BYTES and b"%PDF-" not in head:
        return None  # the common case, a text file: no magic can match
    if head.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in head and b"%%EOF" in data[-2048:]):
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return _zip_kind(data)
    if head.startswith(OLE2):
        return _ole2_kind(data)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return "rtf"
    # "MZ" or "BZh" may also open a line of prose: a magic counts only when
    # control bytes follow it, as they do in every real image or archive.
    if head.translate(None, TEXT_BYTES):
        for magic, name in KNOWN_BINARIES:
            if head.startswith(magic):
                return f"binary:{name}"
    return None


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and "mimetype" in names:
                info = archive.getinfo("mimetype")
                mimetype = archive.read(info)[:100] if info.file_size <= 100 else b""
                if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
                return "zip:OpenDocument file that is not a text document"
            if "xl/workbook.xml" in names:
                return "zip:Excel workbook (.xlsx)"
            if "ppt/presentation.xml" in names:
                return "zip:PowerPoint presentation (.pptx)"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError) as e:
        return f"badzip:{e}"
    return "zip:ZIP archive that is not a Word or OpenDocument text document"


def _ole2_kind(data: bytes) -> str:
    import olefile  # only OLE2 files need it

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            # Top-level streams only: an embedded object's storage may hold a
            # workbook without the file being one.
            names = {entry[0] for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1}
    except (OSError, ValueError, IndexError, EOFError, struct.error) as e:
        return f"badole2:{e}"
    for stream, fmt, what in OLE2_KINDS:
        if stream in names:
            return "doc" if fmt == "doc" else f"ole2:{fmt}:{what}"
    if any(name.startswith("__substg1.0_") for name in names):
        return f"ole2:msg:{OUTLOOK_MESSAGE}"
    return f"ole2:ole2:{OLE2_OTHER}"


def sniff_text(text: str, suffix: str) -> str:
    """The format of decoded text: "eml", "html", "xml", "json", or "txt"/"md"."""
    head = text[:HEAD].lstrip("\ufeff \t\r\n")
    first = head[:1]
    if suffix in EMAIL_SUFFIXES or (first.isalpha() and _looks_like_email(head, text, suffix)):
        return "eml"
    if first == "<":
        kind = _markup_kind(head, suffix)
        if kind:
            return kind
    elif "<" in head[:512] and PAGE_START.search(head[:512]):
        return "html"  # a saved page with a stray line before its doctype
    if first in ("{", "[") and (suffix == ".json" or _is_json_start(head)):
        return "json"
    if suffix in HTML_SUFFIXES and ANY_TAG.search(text):
        return "html"
    if suffix == ".json":
        return "json"
    if suffix == ".xml":
        return "xml"
    return TEXT_SUFFIXES.get(suffix, "txt")


def _markup_kind(head: str, suffix: str) -> str | None:
    """"html", "xml" or None (text that merely starts with "<") from the first
    element after the prolog: a NewsML file that embeds XHTML is XML, a page
    fragment starting with <p> or <table> is HTML."""
    prolog = PROLOG.match(head)
    if DOCTYPE_HTML.search(prolog.group(0)):
        return "html"
    match = XML_ROOT.match(head, prolog.end())
    if not match:
        return None
    root = match.group(2).lower()
    if suffix in (".md", ".markdown", ".mdown"):
        # Markdown may open with an HTML block; only a whole page is HTML.
        return "html" if root in PAGE_ROOTS else None
    if root in HTML_TAGS and not match.group(1):
        return "html"
    if head.startswith("<?xml") or suffix == ".xml" or suffix not in TEXT_SUFFIXES:
        return "xml"
    return None


def _is_json_start(head: str) -> bool:
    # A markdown link "[Logo](...)" also starts with "[": JSON needs a quote,
    # bracket, brace, digit or literal next.
    return bool(re.match(r'[{\[]\s*(?:["{\[\]}\d-]|true|false|null)', head))


def _looks_like_email(head: str, text: str, suffix: str) -> bool:
    """An RFC 822 header block at the very start, ended by a blank line, with
    From or MIME-Version and another mail header. In a .txt/.md a memo-style
    "To:/From:/Subject:" block is text, so there a header only mail software
    writes (MIME-Version, Received...) is required."""
    if not HEADER_LINE.match(head):
        return False
    head = text[:EMAIL_HEAD].lstrip("\ufeff \t\r\n")
    names: set[str] = set()
    for number, line in enumerate(head.split("\n", MAX_HEADER_LINES)):
        line = line.rstrip("\r")
        if not line:
            break
        match = HEADER_LINE.fullmatch(line)
        if not match or number >= MAX_HEADER_LINES:
            return False
        if match.group(1):
            names.add(match.group(1).lower())
    else:
        return False  # no blank line ends the block within the sample
    if suffix in TEXT_SUFFIXES:
        return bool(names & EMAIL_MARKERS)
    known = names & EMAIL_HEADERS
    return ("from" in known or "mime-version" in known) and len(known) >= 2
