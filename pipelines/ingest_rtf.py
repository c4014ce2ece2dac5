"""RTF to plain text: a small tokenizer over control words and groups.

Why not the ``striprtf`` package: it writes table cells as "|" (the table
reader wants TAB rows), encodes \\uN characters back into the code page with
errors="strict" (a Greek mu in a cp1252 file raises), and builds its output by
repeated bytes concatenation. What a release needs is small: paragraphs,
TAB-joined table rows, the \\'hh and \\uN escapes, and skipping the
destination groups (font and colour tables, stylesheet, document info,
pictures, headers, field instructions) that hold no body text.
"""

from __future__ import annotations

import codecs
import re

from pipelines.ingest_decode import RejectedInput

TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional numeric argument
    r"|\\'([0-9a-fA-F]{2})"  # byte in the document's code page
    r"|\\([^a-zA-Z])"  # control symbol
    r"|([{}])"
    r"|[\r\n]+"  # raw line ends are not text in RTF
    r"|([^\\{}\r\n]+)"
)
# Groups whose text is never body text. "\*" marks any other optional one.
SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "object", "objdata", "themedata", "colorschememapping",
    "datastore", "latentstyles", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
    "xmlnstbl", "filetbl", "fldinst", "bkmkstart", "bkmkend", "listtext", "pntext", "pntxta", "pntxtb",
    "nonshppict", "shpinst", "sp", "sn", "sv", "template", "userprops", "docvar", "atnid", "atnauthor",
    "annotation", "comment", "private", "xe", "tc", "txe", "rxe", "pgdsctbl", "mmathPr", "ftnsep",
    "ftnsepc", "aftnsep", "aftnsepc", "ftncn", "aftncn", "passwordhash", "blipuid",
})
SYMBOLS = {
    "par": "PAR", "sect": "PAR", "page": "PAR", "line": "\n", "tab": "\t", "cell": "CELL",
    "nestcell": "CELL", "row": "ROW", "nestrow": "ROW", "emdash": "\u2014", "endash": "\u2013",
    "emspace": " ", "enspace": " ", "qmspace": " ", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
}
CHARSET_CODEPAGES = {"ansi": "cp1252", "mac": "mac_roman", "pc": "cp437", "pca": "cp850"}
SPACES = re.compile(r"[ \u00a0]+")
MAX_COLUMNS = 50
MAX_DEPTH = 512  # groups nested deeper than this are malformed, not prose


class _Writer:
    """Paragraphs and table rows, as the HTML converter writes them."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self.rows: list[tuple[list[str], list[int]]] = []
        self.cellx: list[int] = []  # right edges of the current row's cells (\cellxN)

    def write(self, text: str, in_table: bool) -> None:
        if self.rows and not in_table and not self.cells and text.strip():
            self._flush_rows()  # the first text after a table
        self.text.append(text)

    def paragraph(self, in_table: bool) -> None:
        if in_table:
            self.text.append(" ")  # a paragraph break inside a cell
            return
        self._flush_rows()
        self._flush_text()

    def cell(self) -> None:
        self.cells.append(" ".join("".join(self.text).replace("\t", " ").split()))
        self.text = []

    def row(self) -> None:
        if "".join(self.text).strip():  # text after the last \cell
            self.cell()
        self.text = []
        if any(self.cells):
            self.rows.append((self.cells, self.cellx if len(self.cellx) == len(self.cells) else []))
        self.cells = []

    def finish(self) -> list[str]:
        self._flush_rows()
        self._flush_text()
        return self.blocks

    def _flush_text(self) -> None:
        lines = (SPACES.sub(" ", line).strip(" ") for line in "".join(self.text).split("\n"))
        paragraph = "\n".join(line for line in lines if line.strip())
        if paragraph:
            self.blocks.append(paragraph)
        self.text = []

    def _flush_rows(self) -> None:
        if self.cells:
            self.row()
        if self.rows:
            self._flush_text()
            self.blocks.append("\n".join(_row_text(cells, edges, self.rows) for cells, edges in self.rows))
            self.rows = []


def _row_text(cells: list[str], edges: list[int], rows: list) -> str:
    """A merged cell (one wide \\cellx) is written once and followed by empty
    cells, one per column of the table it covers, as the HTML converter does
    with colspan, so the columns line up."""
    grid = sorted({x for _, row_edges in rows for x in row_edges})
    if not edges or len(grid) > 2 * MAX_COLUMNS:
        return "\t".join(cells)
    out: list[str] = []
    left = -1
    for cell, right in zip(cells, edges):
        span = sum(1 for x in grid if left < x <= right)
        out.append(cell)
        out.extend([""] * min(max(span - 1, 0), MAX_COLUMNS))
        left = right
    return "\t".join(out)


def rtf_to_text(data: bytes) -> str:
    source = data.decode("latin-1")  # one char per byte: \'hh and 8-bit text are re-decoded below
    writer = _Writer()
    notes = _Writer()
    out = writer
    codepage = "cp1252"
    pending = bytearray()  # \'hh bytes, decoded together (multi-byte code pages)
    stack: list[tuple] = []
    skip_group = False
    uc = 1  # fallback characters that follow each \uN
    to_skip = 0
    in_table = False
    group_start = False
    pos = 0

    def flush_bytes() -> None:
        if pending:
            out.write(bytes(pending).decode(codepage, errors="replace"), in_table)
            pending.clear()

    while pos < len(source):
        match = TOKEN.match(source, pos)
        if match is None:  # a lone backslash at the end
            break
        pos = match.end()
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if hexbyte is None:
            flush_bytes()
        if brace == "{":
            if len(stack) >= MAX_DEPTH:
                raise RejectedInput(f"malformed RTF: groups nested deeper than {MAX_DEPTH}")
            stack.append((skip_group, uc, out, in_table))
            group_start = True
            continue
        if brace == "}":
            if stack:
                inner = out
                skip_group, uc, out, in_table = stack.pop()
                if inner is notes and out is not notes:
                    notes.paragraph(False)  # one footnote ends
            to_skip = 0
            group_start = False
            continue
        starts_group, group_start = group_start, False
        if word is not None:
            if word == "bin" and arg:
                pos += max(0, int(arg))  # raw binary data (inside a picture)
                continue
            if skip_group:
                continue
            if word in SKIPPED or word == "footnote" and starts_group:
                if word == "footnote":
                    out = notes
                    continue
                skip_group = True
                continue
            if word != "u":
                to_skip = 0
            if word == "u" and arg is not None:
                out.write(chr(int(arg) % 65536), in_table)
                to_skip = uc
            elif word == "uc" and arg is not None:
                uc = max(0, int(arg))
            elif word == "ansicpg" and arg:
                codepage = _codepage(f"cp{arg}", codepage)
            elif word in CHARSET_CODEPAGES:
                codepage = CHARSET_CODEPAGES[word]
            elif word == "pard":
                in_table = False
            elif word == "intbl":
                in_table = True
            elif word == "trowd":
                out.cellx = []
            elif word == "cellx" and arg is not None:
                out.cellx.append(int(arg))
            elif word in SYMBOLS:
                _emit(out, SYMBOLS[word], in_table)
            continue
        if skip_group:
            continue
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
            else:
                pending.append(int(hexbyte, 16))
        elif symbol is not None:
            if symbol == "*" and starts_group:
                skip_group = True
            elif to_skip:
                to_skip -= 1
            elif symbol in "\\{}":
                out.write(symbol, in_table)
            elif symbol == "~":
                out.write(" ", in_table)
            elif symbol == "_":
                out.write("-", in_table)
            elif symbol in "\r\n":
                _emit(out, "PAR", in_table)
        elif text is not None:
            if to_skip:
                dropped = min(to_skip, len(text))
                text, to_skip = text[dropped:], to_skip - dropped
            if text:
                if not text.isascii():
                    text = text.encode("latin-1").decode(codepage, errors="replace")
                out.write(text, in_table)
    flush_bytes()
    blocks = writer.finish() + notes.finish()
    result = "\n\n".join(blocks)
    if any("\ud800" <= c <= "\udfff" for c in result):
        # \uN pairs outside the BMP arrive as two surrogates.
        result = result.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")
    if not result.strip():
        raise RejectedInput("RTF has no text")
    return result + "\n"


def _emit(out: _Writer, token: str, in_table: bool) -> None:
    if token == "PAR":
        out.paragraph(in_table)
    elif token == "CELL":
        out.cell()
    elif token == "ROW":
        out.row()
    else:
        out.write(token, in_table)


def _codepage(name: str, default: str) -> str:
    try:
        codecs.lookup(name)
    except LookupError:
        return default
    return name
