"""Word 97-2003 binary documents (.doc) to plain text, per [MS-DOC].

olefile opens the OLE2 container; the rest is read here from the
specification: the FIB at the start of the WordDocument stream, the piece
table (Clx) in the 0Table/1Table stream, and the paragraph properties (PAPX
FKPs) that say which paragraph marks close table cells and rows.

Only the main document story is read (the first ccpText characters):
footnotes, headers, comments and text boxes are separate stories after it.
Text as shown, not as stored: a tracked deletion stays in the file until the
change is accepted, so deleted and hidden runs (CHPX, or a fast-saved piece's
own modifier) are left out, as the .docx converter leaves out w:del runs; a
field keeps its result and drops its code.
The output has the shape of the .docx converter's: paragraphs separated by a
blank line, each table row one line with its cells joined by TAB (a merged
cell followed by empty cells, one per grid column it covers).
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right

from pipelines.ingest_decode import RejectedInput
from pipelines.ingest_office import _finish, _squash
from pipelines.ingest_rtf import _row_text

WORD_IDENT = 0xA5EC
# Word 6.0/95 files share wIdent but have another FIB layout; Word 97 wrote nFib 193.
MIN_NFIB = 0x00C0
F_ENCRYPTED = 0x0100
F_WHICH_TBL = 0x0200
F_OBFUSCATED = 0x8000
FIB_CCP_TEXT = 76  # FibRgLw97.ccpText
FIB_RG_FC_LCB = 154  # FibRgFcLcb97 starts here (after csw/fibRgW and cslw/fibRgLw)
FC_PLCF_BTE_CHPX = 12  # index of the fcPlcfBteChpx/lcbPlcfBteChpx pair
FC_PLCF_BTE_PAPX = 13
FC_CLX = 33
FKP_SIZE = 512
PCD_SIZE = 8
MAX_PIECES = 1 << 16

# Paragraph sprms that place a paragraph in a table.
SPRM_IN_TABLE = 0x2416  # sprmPFInTable
SPRM_TTP = 0x2417  # sprmPFTtp: the mark ends a table row
SPRM_INNER_TTP = 0x244C  # sprmPFInnerTtp: ends a nested table's row
SPRM_ITAP = 0x6649  # sprmPItap: table depth
SPRM_DEF_TABLE = 0xD608  # sprmTDefTable: cell boundaries of the row
SPRM_CHG_TABS = 0xC615  # sprmPChgTabs: its operand size has its own rule
SPRM_HUGE_PAPX = 0x6646  # sprmPHugePapx: the paragraph's sprms are in the Data stream
TABLE_SPRMS = frozenset({SPRM_IN_TABLE, SPRM_TTP, SPRM_INNER_TTP, SPRM_ITAP, SPRM_DEF_TABLE})
# Character sprms of text that is not in the document as shown: deleted in a
# tracked change (still stored until the change is accepted) and hidden.
SPRM_DELETED = 0x0800  # sprmCFRMarkDel
SPRM_HIDDEN = 0x083C  # sprmCFVanish
HIDING_SPRMS = frozenset({SPRM_DELETED, SPRM_HIDDEN})
# A toggle operand: 1 on, 0x81 the opposite of the style's value (not hidden
# in the styles Word writes), 0 and 0x80 off or as the style.
TOGGLE_ON = frozenset({b"\x01", b"\x81"})
# A piece's one-sprm modifier (Prm0) names its sprm by a 7-bit index: the
# entries of the [MS-DOC] table that matter here.
PRM0_SPRMS = {0x18: SPRM_IN_TABLE, 0x19: SPRM_TTP, 0x41: SPRM_DELETED, 0x5C: SPRM_HIDDEN}
OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6 is variable

PARAGRAPH_END, LINE_BREAK, PAGE_BREAK, COLUMN_BREAK, CELL = "\r", "\x0b", "\x0c", "\x0e", "\x07"
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
# Marks with no text of their own: object/picture anchors (\x01 \x08), footnote
# and annotation references (\x02 \x05: a digit glued to a figure would change
# it), separators, and the optional hyphen (\x1f) that only shows at a line end.
DROPPED = str.maketrans({c: None for c in "\x00\x01\x02\x03\x04\x05\x06\x08\x0f\x10\x11\x12\x16\x17\x18\x19"
                         "\x1a\x1b\x1c\x1d\x1f"} | {"\x1e": "-"})
CONTROL = re.compile(r"[\r\x07\x0b\x0c\x0e\x13\x14\x15]")


class _Props:
    """What a paragraph's PAPX says about tables."""

    __slots__ = ("in_table", "row_end", "edges")

    def __init__(self, base: _Props | None = None) -> None:
        self.in_table = base.in_table if base else False
        self.row_end = base.row_end if base else False
        self.edges: list[int] = base.edges if base else []


def doc_to_text(data: bytes) -> str:
    word, table, data_stream = _streams(data)
    ccp_text, fc_clx, lcb_clx = _fib(word)
    plc, prcs = _clx(table, fc_clx, lcb_clx)
    paragraphs = _ParagraphProps(_bte_pages(word, table, FC_PLCF_BTE_PAPX), data_stream)
    hidden = _hidden_ranges(_bte_pages(word, table, FC_PLCF_BTE_CHPX))
    writer = _Writer()
    for count, fc, compressed, prm in _pieces(plc, ccp_text):
        text, step = _piece_text(word, count, fc, compressed)
        modifiers = _piece_sprms(prm, prcs)
        if any(sprm in HIDING_SPRMS and operand in TOGGLE_ON for sprm, operand in modifiers):
            continue  # a piece deleted or hidden as a whole
        text = _blank_hidden(text, fc, step, hidden)
        overrides = [(sprm, operand) for sprm, operand in modifiers if sprm in TABLE_SPRMS]
        _read_piece(text, fc, step, lambda at: paragraphs.at(at, overrides), writer)
    return _finish(writer.finish(), "DOC")


# --- container and FIB -------------------------------------------------------


def _corrupt(detail: str) -> RejectedInput:
    return RejectedInput(f"corrupt Word document (.doc): {detail}")


def _streams(data: bytes) -> tuple[bytes, bytes, bytes]:
    """The WordDocument, table and Data (may be empty) streams."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise _corrupt("no WordDocument stream")
            word = ole.openstream("WordDocument").read()
            if len(word) < FIB_RG_FC_LCB + 8 * (FC_CLX + 1):
                raise _corrupt(f"WordDocument stream of {len(word)} bytes is too short for a FIB")
            wident, nfib, flags = struct.unpack_from("<HHxxxxxxH", word, 0)
            if wident != WORD_IDENT:
                raise _corrupt(f"FIB identifier {wident:#06x}, expected 0xa5ec")
            if flags & (F_ENCRYPTED | F_OBFUSCATED):
                raise RejectedInput("encrypted Word document: password-protected; save it without a password, "
                                    "or as .docx or PDF")
            if nfib < MIN_NFIB:
                raise RejectedInput(f"Word 6.0/95 document (nFib {nfib}): save as .docx or PDF")
            name = "1Table" if flags & F_WHICH_TBL else "0Table"
            if not ole.exists(name):
                raise _corrupt(f"no {name} stream")
            data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
            return word, ole.openstream(name).read(), data_stream
    except RejectedInput:
        raise
    except (OSError, ValueError, IndexError, struct.error, EOFError) as e:
        # olefile raises OSError subclasses (and a few others) on damaged containers.
        raise _corrupt(f"not a readable OLE2 compound file ({e})") from e


def _fib(word: bytes) -> tuple[int, int, int]:
    (ccp_text,) = struct.unpack_from("<i", word, FIB_CCP_TEXT)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, FIB_RG_FC_LCB + 8 * FC_CLX)
    if ccp_text <= 0:
        raise RejectedInput("DOC has no text")
    return ccp_text, fc_clx, lcb_clx


def _bte_pages(word: bytes, table: bytes, index: int) -> list[bytes]:
    """The 512-byte FKP pages a PlcBteChpx/PlcBtePapx lists. A page that
    cannot be read is left out: its runs go without properties."""
    fc, lcb = struct.unpack_from("<II", word, FIB_RG_FC_LCB + 8 * index)
    plc = table[fc:fc + lcb]
    if len(plc) != lcb or lcb < 12 or (lcb - 4) % 8:
        return []
    count = (lcb - 4) // 8
    pages = []
    for (pn,) in struct.iter_unpack("<I", plc[4 * (count + 1):]):
        page = word[(pn & 0x3FFFFF) * FKP_SIZE:][:FKP_SIZE]
        if len(page) == FKP_SIZE:
            pages.append(page)
    return pages


def _fkp_runs(page: bytes, entry_size: int):
    """(first fc, end fc, offset of its properties or 0) of each run of an
    FKP page; CHPX entries are one byte, PAPX entries (BxPap) thirteen."""
    crun = page[FKP_SIZE - 1]
    if not crun or 4 * (crun + 1) + entry_size * crun > FKP_SIZE - 1:
        return
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    for i in range(crun):
        yield fcs[i], fcs[i + 1], 2 * page[4 * (crun + 1) + entry_size * i]


# --- piece table ---------------------------------------------------------------


def _clx(table: bytes, fc: int, lcb: int) -> tuple[bytes, list[bytes]]:
    """The PlcPcd of the Clx, and the grpprls of the Prc entries before it
    (properties that fast-saved files apply to whole pieces)."""
    clx = table[fc:fc + lcb]
    if lcb == 0 or len(clx) < lcb:
        raise _corrupt("piece table (Clx) outside the table stream")
    pos = 0
    prcs = []
    while pos + 3 <= len(clx) and clx[pos] == 0x01:
        (cb,) = struct.unpack_from("<h", clx, pos + 1)
        prcs.append(clx[pos + 3:pos + 3 + max(cb, 0)])
        pos += 3 + max(cb, 0)
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise _corrupt("no piece table (Pcdt) in the Clx")
    (lcb_plc,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb_plc]
    if len(plc) < lcb_plc or (lcb_plc - 4) % (4 + PCD_SIZE):
        raise _corrupt("truncated piece table")
    return plc, prcs


def _pieces(plc: bytes, ccp_text: int) -> list[tuple[int, int, bool, int]]:
    """(character count, fc, compressed, prm) of each piece of the main story."""
    count = (len(plc) - 4) // (4 + PCD_SIZE)
    if count <= 0 or count > MAX_PIECES:
        raise _corrupt(f"{count} text pieces")
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    out = []
    for i in range(count):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if start >= ccp_text:
            break
        if end <= start:
            continue
        fc_compressed, prm = struct.unpack_from("<IH", plc, 4 * (count + 1) + PCD_SIZE * i + 2)
        compressed = bool(fc_compressed & 0x40000000)
        fc = fc_compressed & 0x3FFFFFFF
        out.append((end - start, fc // 2 if compressed else fc, compressed, prm))
    return out


def _piece_text(word: bytes, count: int, fc: int, compressed: bool) -> tuple[str, int]:
    """The piece's text and bytes per character: 8-bit cp1252 when
    compressed, else UTF-16LE."""
    step = 1 if compressed else 2
    raw = word[fc:fc + count * step]
    if len(raw) < count * step:
        raise _corrupt("text past the end of the WordDocument stream (truncated file)")
    return raw.decode("cp1252" if compressed else "utf-16-le", "replace"), step


def _piece_sprms(prm: int, prcs: list[bytes]) -> list[tuple[int, bytes]]:
    """The sprms a piece's Prm applies to all of its text."""
    if prm & 1:  # Prm1: an index into the Clx's Prc entries
        index = prm >> 1
        return list(_sprms(prcs[index])) if index < len(prcs) else []
    sprm = PRM0_SPRMS.get((prm >> 1) & 0x7F)
    return [(sprm, bytes([prm >> 8]))] if sprm else []


# --- paragraph properties ------------------------------------------------------


class _ParagraphProps:
    """Table properties of the paragraph holding a file position, from the
    PAPX FKP pages listed in PlcBtePapx."""

    def __init__(self, pages: list[bytes], data_stream: bytes) -> None:
        self.runs = sorted(
            ((start, end, _papx(page, offset, data_stream) if offset else None)
             for page in pages for start, end, offset in _fkp_runs(page, 13)),
            key=lambda run: run[0],
        )
        self.starts = [run[0] for run in self.runs]

    def at(self, fc: int, overrides: list[tuple[int, bytes]]) -> _Props | None:
        """The properties at ``fc``, with the table sprms of the piece that
        holds it (``overrides``) applied on top."""
        i = bisect_right(self.starts, fc) - 1
        props = self.runs[i][2] if i >= 0 and fc < self.runs[i][1] else None
        if overrides:
            props = _table_props(overrides, _Props(props), b"")
        return props


def _papx(page: bytes, offset: int, data_stream: bytes) -> _Props | None:
    if offset >= FKP_SIZE - 1:
        return None
    cb = page[offset]
    if cb:
        grpprl = page[offset + 1:offset + 2 * cb]
    else:
        grpprl = page[offset + 2:offset + 2 + 2 * page[offset + 1]]
    return _table_props(_sprms(grpprl[2:]), _Props(), data_stream)  # the first two bytes are the style (istd)


def _table_props(sprms, props: _Props, data_stream: bytes) -> _Props:
    for sprm, operand in sprms:
        if sprm == SPRM_IN_TABLE:
            props.in_table = operand[:1] == b"\x01"
        elif sprm == SPRM_ITAP and len(operand) == 4:
            props.in_table = props.in_table or struct.unpack("<i", operand)[0] >= 1
        elif sprm == SPRM_TTP:
            props.row_end = operand[:1] == b"\x01"
        elif sprm == SPRM_INNER_TTP:
            props.row_end = props.row_end or operand[:1] == b"\x01"
        elif sprm == SPRM_DEF_TABLE and operand:
            columns = operand[0]
            if len(operand) >= 1 + 2 * (columns + 1):
                props.edges = list(struct.unpack_from(f"<{columns + 1}h", operand, 1))[1:]
        elif sprm == SPRM_HUGE_PAPX and len(operand) == 4 and data_stream:
            # A PrcData: a 2-byte size then the sprms (never nested).
            (at,) = struct.unpack("<I", operand)
            size = struct.unpack_from("<H", data_stream, at)[0] if at + 2 <= len(data_stream) else 0
            _table_props(_sprms(data_stream[at + 2:at + 2 + size]), props, b"")
    return props


def _hidden_ranges(pages: list[bytes]) -> list[tuple[int, int]]:
    """File ranges of deleted or hidden text, from the CHPX FKP pages."""
    ranges = []
    for page in pages:
        for start, end, offset in _fkp_runs(page, 1):
            if offset and offset < FKP_SIZE - 1:
                grpprl = page[offset + 1:offset + 1 + page[offset]]
                if any(sprm in HIDING_SPRMS and operand in TOGGLE_ON for sprm, operand in _sprms(grpprl)):
                    ranges.append((start, end))
    return sorted(ranges)


def _blank_hidden(text: str, fc: int, step: int, hidden: list[tuple[int, int]]) -> str:
    """The piece with its deleted and hidden characters, marks included,
    turned into NULs (dropped later), so positions still map to file offsets."""
    end_fc = fc + len(text) * step
    chars = None
    # CHPX runs do not overlap: the first that can reach this piece is the
    # last one starting at or before it.
    for start, end in hidden[max(bisect_right(hidden, (fc, fc)) - 1, 0):]:
        if start >= end_fc:
            break
        if end <= fc:
            continue
        first = max(0, -(-(start - fc) // step))
        last = min(len(text), -(-(end - fc) // step))
        if first < last:
            chars = chars if chars is not None else list(text)
            chars[first:last] = "\0" * (last - first)
    return text if chars is None else "".join(chars)


def _sprms(grpprl: bytes):
    """(sprm, operand) pairs; a truncated last one ends the list."""
    pos, end = 0, len(grpprl)
    while pos + 2 <= end:
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        size = OPERAND_SIZES.get(sprm >> 13)
        if size is None:  # variable: a size prefix
            if sprm == SPRM_DEF_TABLE:
                if pos + 2 > end:
                    return
                size = struct.unpack_from("<H", grpprl, pos)[0] - 1
                pos += 2
            elif pos >= end:
                return
            elif sprm == SPRM_CHG_TABS and grpprl[pos] == 255:
                size = _chg_tabs_size(grpprl, pos + 1)
                pos += 1
            else:
                size = grpprl[pos]
                pos += 1
        if size < 0 or pos + size > end:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def _chg_tabs_size(grpprl: bytes, pos: int) -> int:
    # PChgTabsDelClose (count, deleted and close positions) then PChgTabsAdd.
    if pos >= len(grpprl):
        return -1
    deleted = grpprl[pos]
    add = pos + 1 + 4 * deleted
    if add >= len(grpprl):
        return -1
    return 1 + 4 * deleted + 1 + 3 * grpprl[add]


# --- text ----------------------------------------------------------------------


class _Writer:
    """Paragraphs and table rows, as the other converters write them."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self.rows: list[tuple[list[str], list[int]]] = []
        self.fields: list[bool] = []  # per open field: its result is showing
        self.in_code = 0  # open fields still in their code part
        self.last_mark = ""

    def write(self, text: str) -> None:
        if not self.in_code:
            self.text.append(text)

    def paragraph(self, props: _Props | None) -> None:
        # Without paragraph properties, a paragraph after a cell mark of an
        # unfinished row is taken to be inside the row's next cell.
        if props.in_table if props is not None else bool(self.cells):
            self.text.append(" ")  # a paragraph inside a cell
            return
        self._flush_rows()
        self._flush_text()

    def cell_mark(self, props: _Props | None) -> None:
        if props is None:
            row_end = self._looks_like_row_end()
        else:
            row_end = props.row_end
        cell = " ".join("".join(self.text).replace("\t", " ").split())
        if not row_end or cell:  # a row-end mark holds no text: any there is a last cell
            self.cells.append(cell)
        if row_end:
            self._end_row(props.edges if props is not None else [])
        self.text = []

    def _looks_like_row_end(self) -> bool:
        """Without paragraph properties (a damaged FKP): a row ends at an
        empty mark right after a cell mark, once the row has as many cells as
        the row before it. An empty cell in the middle of a table's first row
        is then misread as its end; this is only the fallback."""
        if self.last_mark != CELL or not self.cells or "".join(self.text).strip():
            return False
        return not self.rows or len(self.cells) >= len(self.rows[-1][0])

    def field(self, mark: str) -> None:
        if mark == FIELD_BEGIN:
            self.fields.append(False)  # the field code comes first
            self.in_code += 1
        elif self.fields and mark == FIELD_SEPARATOR and not self.fields[-1]:
            self.fields[-1] = True
            self.in_code -= 1
        elif self.fields and mark == FIELD_END and not self.fields.pop():
            self.in_code -= 1

    def finish(self) -> list[str]:
        self._flush_rows()
        self._flush_text()
        return self.blocks

    def _end_row(self, edges: list[int]) -> None:
        if any(self.cells):
            self.rows.append((self.cells, edges if len(edges) == len(self.cells) else []))
        self.cells = []

    def _flush_text(self) -> None:
        paragraph = _squash("".join(self.text))
        if paragraph:
            self.blocks.append(paragraph)
        self.text = []

    def _flush_rows(self) -> None:
        if self.cells:
            self._end_row([])
        if self.rows:
            self.blocks.append("\n".join(_row_text(cells, edges, self.rows) for cells, edges in self.rows))
            self.rows = []


def _read_piece(text: str, fc: int, step: int, props_at, writer: _Writer) -> None:
    """Writes the piece's text; each paragraph and cell mark is looked up by
    its file position for the table properties of the paragraph it ends."""
    pos = 0
    for match in CONTROL.finditer(text):
        at = match.start()
        if at > pos:
            writer.write(text[pos:at].translate(DROPPED))
        mark = match.group()
        if mark in (LINE_BREAK, COLUMN_BREAK):
            writer.write("\n")
        elif mark in (PARAGRAPH_END, PAGE_BREAK):
            # A section or page break also ends the paragraph before it.
            writer.paragraph(props_at(fc + at * step) if mark == PARAGRAPH_END else None)
        elif mark == CELL:
            writer.cell_mark(props_at(fc + at * step))
        else:
            writer.field(mark)
        writer.last_mark = mark
        pos = at + 1
    if pos < len(text):
        writer.write(text[pos:].translate(DROPPED))
