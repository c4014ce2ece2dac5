"""Word (.docx) and OpenDocument (.odt) text to plain text, with zipfile and lxml.

The output has the shape of the HTML converter's: paragraphs (headings and
list items included) in document order separated by a blank line, each table
row one line with its cells joined by TAB, so the table reader downstream sees
the rows. Footnotes and endnotes follow the body; a footnote's reference mark
in the text is dropped, because a digit glued to a figure ("$6.7 million2")
would change the figure.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from pipelines.ingest_decode import RejectedInput

# A zip bomb inflates a small file into gigabytes: no member we parse may
# inflate past this, whatever its header claims.
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_SPAN = 50  # colspan / repeated columns, as in the HTML converter
MAX_REPEATED_ROWS = 20
SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f]+")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def xml_parser() -> etree.XMLParser:
    # No entity expansion, no DTD or network fetches: untrusted input.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_member(archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """A member's bytes, refusing to inflate past MAX_MEMBER_BYTES."""
    with archive.open(name) as member:
        data = member.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise RejectedInput(f"{kind} part {name} inflates past {MAX_MEMBER_BYTES:,} bytes (zip bomb guard)")
    return data


def _open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as e:
        raise RejectedInput(f"corrupt {kind}: {e}") from e


def _parse(archive: zipfile.ZipFile, name: str, kind: str):
    try:
        return etree.fromstring(read_member(archive, name, kind), xml_parser())
    except etree.XMLSyntaxError as e:
        raise RejectedInput(f"corrupt {kind}: {name}: {e}") from e
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as e:  # RuntimeError: encrypted member
        raise RejectedInput(f"corrupt {kind}: {name}: {e}") from e


def _finish(blocks: list[str], kind: str) -> str:
    blocks = [b for b in blocks if b.strip()]
    if not blocks:
        raise RejectedInput(f"{kind} has no text")
    return "\n\n".join(blocks) + "\n"


def _squash(text: str) -> str:
    # Runs of spaces collapse; TABs and line breaks are kept: a tab-aligned
    # paragraph is a table row.
    lines = (SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip())


# --- .docx ------------------------------------------------------------------


def docx_to_text(data: bytes) -> str:
    with _open_zip(data, "DOCX") as archive:
        names = set(archive.namelist())
        document = _parse(archive, "word/document.xml", "DOCX")
        notes = []
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part in names:
                notes.append((_parse(archive, part, "DOCX"), tag))
    body = document.find(f"{W}body")
    blocks: list[str] = []
    if body is not None:
        _docx_blocks(body, blocks)
    for root, tag in notes:
        for note in root.iter(f"{W}{tag}"):
            # Separator notes (type="separator"...) hold only a rule line.
            if note.get(f"{W}type") in (None, "normal"):
                _docx_blocks(note, blocks)
    return _finish(blocks, "DOCX")


DOCX_CONTAINERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag", f"{W}txbxContent"})


def _docx_blocks(parent, blocks: list[str]) -> None:
    for child in parent:
        tag = child.tag
        if tag == f"{W}p":
            text, boxes = _docx_paragraph(child)
            blocks.append(_squash(text))
            for box in boxes:
                _docx_blocks(box, blocks)
        elif tag == f"{W}tbl":
            blocks.append(_docx_table(child))
        elif tag in DOCX_CONTAINERS:
            _docx_blocks(child, blocks)


def _docx_paragraph(p) -> tuple[str, list]:
    """The paragraph's visible text, and the text boxes anchored in it (each
    box holds paragraphs of its own, written after this one)."""
    parts: list[str] = []
    boxes: list = []
    _docx_inline(p, parts, boxes)
    return "".join(parts), boxes


def _docx_inline(el, parts: list[str], boxes: list) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}txbxContent":
            boxes.append(child)
        elif tag == MC_FALLBACK or tag in (f"{W}del", f"{W}rPr", f"{W}pPr", f"{W}instrText", f"{W}delText"):
            continue  # a duplicate rendering, deleted or field-code text, or formatting
        elif tag == f"{W}r" and _hidden(child):
            continue
        elif isinstance(tag, str):
            _docx_inline(child, parts, boxes)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val") not in ("0", "false", "off")


def _docx_table(tbl) -> str:
    rows = []
    for tr in tbl.iter(f"{W}tr"):
        if _nearest(tr, f"{W}tbl") is not tbl:
            continue  # a nested table's row: its text is in the outer cell
        cells: list[str] = []
        for tc in tr.iter(f"{W}tc"):
            if tc.getparent() is not tr and _nearest(tc, f"{W}tr") is not tr:
                continue
            cells.append(_docx_cell(tc))
            cells.extend([""] * (_span(tc.find(f"{W}tcPr/{W}gridSpan"), f"{W}val") - 1))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _docx_cell(tc) -> str:
    parts: list[str] = []
    for p in tc.iter(f"{W}p"):
        text, _ = _docx_paragraph(p)
        parts.append(text)
    return " ".join(" ".join(parts).replace("\t", " ").replace("\n", " ").split())


def _nearest(el, tag: str):
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _span(el, attribute: str) -> int:
    if el is None:
        return 1
    try:
        return max(1, min(int(el.get(attribute, "1")), MAX_SPAN))
    except ValueError:
        return 1


# --- .odt -------------------------------------------------------------------


def odt_to_text(data: bytes) -> str:
    with _open_zip(data, "ODT") as archive:
        content = _parse(archive, "content.xml", "ODT")
    text = content.find(f"{OFFICE}body/{OFFICE}text")
    blocks: list[str] = []
    notes: list[str] = []
    if text is not None:
        _odt_blocks(text, blocks, notes)
    return _finish(blocks + notes, "ODT")


ODT_CONTAINERS = frozenset({
    f"{TEXT}section", f"{TEXT}list", f"{TEXT}list-item", f"{TEXT}list-header", f"{TEXT}index-body",
    f"{TEXT}table-of-content", f"{TEXT}illustration-index", f"{TEXT}alphabetical-index",
})
ODT_SKIPPED = frozenset({f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{TEXT}note-citation",
                         f"{TEXT}sequence-decls", f"{TEXT}variable-decls", f"{TEXT}index-title-template"})


def _odt_blocks(parent, blocks: list[str], notes: list[str]) -> None:
    for child in parent:
        tag = child.tag
        if tag in (f"{TEXT}p", f"{TEXT}h"):
            blocks.append(_squash(_odt_inline(child, notes)))
        elif tag == f"{TABLE}table":
            blocks.append(_odt_table(child, notes))
        elif tag in ODT_CONTAINERS:
            _odt_blocks(child, blocks, notes)


def _odt_inline(el, notes: list[str]) -> str:
    parts = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == f"{TEXT}s":
            parts.append(" " * _span(child, f"{TEXT}c"))
        elif tag == f"{TEXT}tab":
            parts.append("\t")
        elif tag == f"{TEXT}line-break":
            parts.append("\n")
        elif tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            if body is not None:
                note_blocks: list[str] = []
                _odt_blocks(body, note_blocks, notes)
                notes.extend(note_blocks)
        elif tag in ODT_SKIPPED or not isinstance(tag, str):
            pass
        elif tag in (f"{TEXT}p", f"{TEXT}h"):  # a paragraph inside a frame's text box
            parts.append("\n" + _odt_inline(child, notes) + "\n")
        else:
            parts.append(_odt_inline(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table, notes: list[str]) -> str:
    rows = []
    for tr in table.iter(f"{TABLE}table-row"):
        if _nearest(tr, f"{TABLE}table") is not table:
            continue
        cells: list[str] = []
        for cell in tr:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            text = _odt_cell(cell, notes) if cell.tag == f"{TABLE}table-cell" else ""
            repeat = _span(cell, f"{TABLE}number-columns-repeated")
            # A spanning cell is followed by covered cells: the row keeps its width.
            cells.extend([text] * repeat)
        while cells and not cells[-1] and len(cells) > MAX_SPAN:
            cells.pop()
        if any(cells):
            row = "\t".join(cells)
            rows.extend([row] * min(_span(tr, f"{TABLE}number-rows-repeated"), MAX_REPEATED_ROWS))
    return "\n".join(rows)


def _odt_cell(cell, notes: list[str]) -> str:
    parts: list[str] = []
    inner: list[str] = []
    _odt_blocks(cell, inner, notes)
    parts.extend(inner)
    return " ".join(" ".join(parts).replace("\t", " ").replace("\n", " ").split())
