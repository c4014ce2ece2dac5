"""Read inbox files into RawDocuments: decode text, turn every other format into text.

The content decides the reader, not the suffix (``pipelines.ingest_sniff``):
a web page saved as .txt is read as HTML, a PDF named .html as a PDF, a file
without a suffix by its magic bytes. Read: plain text and markdown, HTML and
XHTML, PDF, Word .docx and 97-2003 .doc, OpenDocument .odt, RTF, e-mail (.eml) and web archives
(.mht), news XML (NewsML-G2, NITF, RSS items) and JSON wire exports. The
recorded ``format`` says what was read.

Nothing here raises on bad input: a file we cannot read becomes a RawDocument
with ``status='rejected'`` and a reason, so one broken upload never stops a run.
The text is not cleaned here (see ``pipelines.clean``); only decoding, mojibake
repair and line-ending normalisation happen, so ``raw_text`` stays faithful.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from pipelines.ingest_decode import MalformedInput, RejectedInput, decode_bytes
from pipelines.ingest_sniff import LEGACY_OFFICE, sniff_binary, sniff_text
from pipelines.model import RawDocument
from pipelines.text_pages import drop_running_lines

MAX_BYTES = 25 * 1024 * 1024
# A release is a few pages; a PDF of thousands is a report or a trap, and
# extracting it would stall the run.
MAX_PDF_PAGES = 300
MAX_EMAIL_DEPTH = 2  # a forwarded message inside a forwarded message is as deep as we read

# Suffix -> the format a file is expected to hold; recorded when it is
# rejected before its content is known (too large, unreadable).
FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".htm": "html", ".html": "html",
    ".xhtml": "html", ".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".eml": "eml",
    ".mht": "eml", ".mhtml": "eml", ".xml": "xml", ".json": "json",
}
LEGACY_SUFFIXES = frozenset({".doc", ".dot", ".xls", ".ppt", ".pps", ".msg"})


def scan_inbox(inbox: Path) -> list[RawDocument]:
    """Every non-hidden regular file under ``inbox``, read (or rejected),
    sorted by path. Symlinked directories are not followed."""
    root = Path(inbox)
    if not root.is_dir():
        return []
    root = Path(_resolved(root))
    found: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_log_walk_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if name.startswith(".") or not path.is_file():  # no FIFOs, sockets, broken links
                continue
            # Under a resolved root, walked without following directory links,
            # only a file symlink still needs resolving (resolve() is slow).
            found.append((path, _resolved(path) if path.is_symlink() else str(path)))
    found.sort()
    return [_read(path, source_path) for path, source_path in found]


def _log_walk_error(error: OSError) -> None:
    # An unreadable sub-directory must not hide the rest of the inbox.
    logging.getLogger(__name__).warning("scan_inbox: %s", error)


def _resolved(path: Path) -> str:
    """str(path.resolve()), with the directory part cached: resolve() stats
    every component, which costs more than reading a small release. A file
    that is itself a symlink is resolved in full."""
    try:
        # ".." must be resolved physically (after symlinks), not lexically.
        if path.name in ("", ".", "..") or ".." in path.parts or path.is_symlink():
            return str(path.resolve())
        return os.path.join(_resolved_directory(os.path.abspath(path.parent)), path.name)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path.absolute())


@lru_cache(maxsize=256)
def _resolved_directory(directory: str) -> str:
    return os.path.realpath(directory)


def doc_id_for(source_path: str, sha256: str) -> str:
    # Path and content together: the same bytes in two places are two documents,
    # and an edited file at the same path is a new document.
    return hashlib.sha256(f"{source_path}\0{sha256}".encode()).hexdigest()[:16]


def read_document(path: Path) -> RawDocument:
    """Read one file; never raises."""
    path = Path(path)
    return _read(path, _resolved(path))


def _read(path: Path, source_path: str) -> RawDocument:
    suffix = path.suffix.lower()
    fmt = _suffix_format(suffix)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # Reading a FIFO would block forever; a directory cannot be read.
            kind = "directory" if stat.S_ISDIR(status.st_mode) else "special file"
            return _rejected(source_path, hashlib.sha256(b"").hexdigest(), 0, fmt, f"not a regular file: {kind}")
        size = status.st_size
        if size > MAX_BYTES:
            # Too large to read at all: hash it in chunks for a stable doc_id.
            reason = f"file too large: {size:,} bytes (limit {MAX_BYTES:,})"
            return _rejected(source_path, _sha256_of_file(path), size, fmt, reason)
        data = path.read_bytes()
    except OSError as e:
        return _rejected(source_path, hashlib.sha256(b"").hexdigest(), 0, fmt, f"{type(e).__name__}: {e}")
    digest = hashlib.sha256(data).hexdigest()
    doc = RawDocument(
        doc_id=doc_id_for(source_path, digest), source_path=source_path, sha256=digest,
        size_bytes=len(data), format=fmt, status="read",
    )
    try:
        doc.raw_text, doc.encoding = _convert(data, suffix, doc)
    except RejectedInput as e:
        _reject(doc, str(e))
    except Exception as e:  # noqa: BLE001 - any parser failure is a rejection, not a crash
        _reject(doc, f"{type(e).__name__}: {e}")
    return doc


def _rejected(source_path: str, digest: str, size: int, fmt: str, reason: str) -> RawDocument:
    return RawDocument(
        doc_id=doc_id_for(source_path, digest), source_path=source_path, sha256=digest,
        size_bytes=size, format=fmt, status="rejected", reject_reason=reason,
    )


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _reject(doc: RawDocument, reason: str) -> None:
    doc.status = "rejected"
    doc.reject_reason = reason
    doc.raw_text = None


def _suffix_format(suffix: str) -> str:
    return FORMATS.get(suffix, suffix.lstrip(".") or "none")


def _convert(data: bytes, suffix: str, doc: RawDocument, depth: int = 0) -> tuple[str, str | None]:
    """Text and encoding of ``data``; sets ``doc.format`` to what the content
    turned out to be as soon as that is known, so a rejection records it too."""
    if not data:
        raise RejectedInput("empty file")
    if len(data) > MAX_BYTES:
        raise RejectedInput(f"file too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    kind = sniff_binary(data)
    if kind is not None:
        return _convert_binary(data, suffix, kind, doc), None
    try:
        text, encoding = decode_bytes(data)
    except RejectedInput as e:
        if str(e) == "binary content, not text":
            raise RejectedInput(f"binary file of unknown type ({_magic(data)})") from e
        raise
    doc.format = sniff_text(text, suffix)
    if doc.format in ("txt", "md"):
        return text, encoding
    if doc.format == "eml":
        return _convert_email(data, depth), None  # each MIME part declares its own charset
    try:
        return _convert_text(text, doc.format), encoding
    except MalformedInput:
        if suffix in FORMATS and FORMATS[suffix] == doc.format:
            raise
        # "<Acme Bio> announces..." or "[Embargoed] ..." only looked like XML or JSON.
        doc.format = "md" if FORMATS.get(suffix) == "md" else "txt"
        return text, encoding


def _convert_binary(data: bytes, suffix: str, kind: str, doc: RawDocument) -> str:
    if kind in ("pdf", "docx", "odt", "rtf", "doc"):
        doc.format = kind
    if kind == "pdf":
        return _pdf_to_text(data)
    if kind == "docx":
        from pipelines.ingest_office import docx_to_text

        return docx_to_text(data)
    if kind == "odt":
        from pipelines.ingest_office import odt_to_text

        return odt_to_text(data)
    if kind == "rtf":
        from pipelines.ingest_rtf import rtf_to_text

        return rtf_to_text(data)
    if kind == "doc":
        from pipelines.ingest_doc import doc_to_text

        return doc_to_text(data)
    if kind.startswith("ole2:"):
        fmt, what = kind[5:].split(":", 1)
        doc.format = suffix.lstrip(".") if fmt == "ole2" and suffix in LEGACY_SUFFIXES else fmt
        raise RejectedInput(f"{LEGACY_OFFICE}: {what}")
    if kind.startswith("badole2:"):
        from pipelines.ingest_sniff import OLE2_SUFFIXES

        doc.format = suffix.lstrip(".") if suffix in LEGACY_SUFFIXES else "ole2"
        name = OLE2_SUFFIXES.get(suffix, "OLE2 compound file")
        raise RejectedInput(f"corrupt {name}: not a readable OLE2 compound file ({kind[8:]})")
    if kind.startswith("zip:"):
        doc.format = "zip" if suffix in FORMATS else _suffix_format(suffix)
        raise RejectedInput(f"unsupported file type: {kind[4:]}")
    if kind.startswith("badzip:"):
        name = {".docx": "DOCX", ".odt": "ODT"}.get(suffix, "ZIP file")
        raise RejectedInput(f"corrupt {name}: not a readable ZIP archive ({kind[7:]})")
    raise RejectedInput(f"binary file of unknown type ({kind.split(':', 1)[1]})")


def _convert_text(text: str, fmt: str) -> str:
    from pipelines.ingest_html import html_to_text

    if fmt == "xml":
        from pipelines.ingest_news import xml_to_text

        return xml_to_text(text, html_to_text)
    if fmt == "json":
        from pipelines.ingest_news import json_to_text

        return json_to_text(text, html_to_text)
    return html_to_text(text)


def _convert_email(data: bytes, depth: int) -> str:
    from pipelines.ingest_email import email_to_text
    from pipelines.ingest_html import html_to_text

    def attachment(payload: bytes, suffix: str) -> str:
        # A release attached to the message: read it as if dropped in the inbox.
        if depth >= MAX_EMAIL_DEPTH:
            raise RejectedInput("e-mail attachments nested too deeply")
        holder = RawDocument(doc_id="", source_path="", sha256="", size_bytes=len(payload), format="", status="read")
        return _convert(payload, suffix, holder, depth + 1)[0]

    return email_to_text(data, attachment, html_to_text)


def _magic(data: bytes) -> str:
    return "first bytes " + data[:8].hex(" ")


def _pdf_to_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    # pypdf logs warnings for every recoverable flaw; they are noise per document.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RejectedInput("encrypted PDF: a password is needed to read it")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise RejectedInput(f"PDF has {len(reader.pages):,} pages (limit {MAX_PDF_PAGES}): not a press release")
        pages = [_pdf_page_text(page, number == 0) for number, page in enumerate(reader.pages)]
    except FileNotDecryptedError as e:
        raise RejectedInput(f"encrypted PDF: {e}") from e
    except PyPdfError as e:
        raise RejectedInput(f"corrupt PDF: {type(e).__name__}: {e}") from e
    text = "\n\n".join(p.strip("\n") for p in drop_running_lines(pages))
    if not text.strip():
        raise RejectedInput("PDF has no text layer")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A figure alone on its line: in stream order, a table drawn column by column
# comes out as runs of these instead of rows.
LONE_NUMBER = re.compile(r"^[ \t]*[($]*[ ]?-?\d[\d,]*(?:\.\d+)?\)?%?[ \t]*$", re.M)
NUMBER_CELL = re.compile(r"(?<![\w.,])[($]*-?\d[\d,]*(?:\.\d+)?\)?%?(?![\w.,])")
MIN_LONE_NUMBERS = 3


def _pdf_page_text(page, first: bool) -> str:
    """The page in content-stream order, which keeps wrapped titles and row
    labels whole; but when that scatters a table's figures onto lines of their
    own and the positional ("layout") reading puts more of them back into rows,
    the layout reading."""
    chunks: list[tuple[str, float]] = []
    plain = page.extract_text(visitor_text=lambda text, cm, tm, font, size: chunks.append((text, _font_size(cm, tm, size))))
    plain = plain or ""
    if first:
        plain = _title_on_one_line(plain, chunks)
    if len(LONE_NUMBER.findall(plain)) < MIN_LONE_NUMBERS:
        return plain
    layout = page.extract_text(extraction_mode="layout") or ""
    if _number_rows(layout) >= _number_rows(plain) + 2:
        return "\n".join(line.rstrip() for line in layout.split("\n"))
    return plain


def _font_size(cm, tm, size) -> float:
    # The size set by Tf, scaled by the text and transformation matrices
    # (some writers set "1 Tf" and scale the text matrix instead).
    try:
        scale = abs(float(tm[3]) * float(cm[3])) or abs(float(tm[0]) * float(cm[0])) or 1.0
        return float(size) * scale
    except (TypeError, ValueError, IndexError):
        return 0.0


TITLE_SCALE = 1.2  # a headline's font is at least this much larger than the body's
MAX_TITLE_LINES = 6


def _title_on_one_line(text: str, chunks: list[tuple[str, float]]) -> str:
    """A headline set in a large font wraps over several short lines, which
    the cleaner cannot tell from headings; written on one line, as its own
    paragraph, it is the first line, the headline, as in every other format.
    Only the leading lines of the first page, all in one font size clearly
    above the body's, are joined; the text is otherwise unchanged."""
    sizes = _line_sizes(chunks)
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    body = _body_size(lines, sizes)
    if start >= len(lines) or not body:
        return text
    title_size = sizes.get(start, 0.0)
    end = start
    while (end < len(lines) and end - start < MAX_TITLE_LINES and lines[end].strip()
           and title_size >= TITLE_SCALE * body and abs(sizes.get(end, 0.0) - title_size) <= 0.05 * title_size):
        end += 1
    if end - start < 2 or (end < len(lines) and sizes.get(end, 0.0) >= 0.95 * title_size):
        return text
    title = " ".join(line.strip() for line in lines[start:end])
    # The drop back to body size ends the headline's paragraph.
    return "\n".join([*lines[:start], title, "", *lines[end:]])


def _line_sizes(chunks: list[tuple[str, float]]) -> dict[int, float]:
    """Line number (in the joined text) -> the largest font size on it."""
    sizes: dict[int, float] = {}
    line = 0
    for text, size in chunks:
        stripped = text.lstrip()
        if stripped:
            at = line + text[: len(text) - len(stripped)].count("\n")
            sizes[at] = max(sizes.get(at, 0.0), size)
        line += text.count("\n")
    return sizes


def _body_size(lines: list[str], sizes: dict[int, float]) -> float:
    weight: dict[float, int] = {}
    for number, size in sizes.items():
        if number < len(lines):
            weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(lines[number])
    return max(weight, key=lambda size: (weight[size], -size)) if weight else 0.0


def _number_rows(text: str) -> int:
    return sum(1 for line in text.split("\n") if len(NUMBER_CELL.findall(line)) >= 2)
