"""Word 97-2003 .doc files, read per [MS-DOC].

doc_release.doc was saved by LibreOffice from an invented release (Lumora
Health, LMR-207) written as flat ODT: a headline, a footnote, a comment, a
hyperlink field, a page-number field, a line break, a non-breaking hyphen, a
table with empty cells and a two-paragraph cell, and a running header. The
cp1252, encrypted and non-Word cases are built from its streams with the small
OLE2 writer below (olefile only reads). doc_revisions.doc (Veltra
Therapeutics, invented) holds a tracked deletion and a hidden run.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile
import pytest

from pipelines.ingest import read_document
from pipelines.ingest_decode import RejectedInput
from pipelines.ingest_doc import doc_to_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
RELEASE = FIXTURES / "doc_release.doc"

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096


def ole2_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding ``streams`` at the top level. Each
    stream is padded with zeros to the mini-stream cutoff so every one lives
    in regular sectors (no mini FAT needed)."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    bodies = [streams[n].ljust(MINI_CUTOFF, b"\0") for n in names]
    counts = [-(-len(b) // SECTOR) for b in bodies]
    dir_sectors = -(-(len(names) + 1) // 4)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + dir_sectors + sum(counts):
        fat_sectors += 1
    fat = [FAT_SECTOR] * fat_sectors
    starts = []

    def chain(count: int) -> int:
        start = len(fat)
        fat.extend(range(start + 1, start + count))
        fat.append(END)
        return start

    dir_start = chain(dir_sectors)
    for count in counts:
        starts.append(chain(count))
    fat.extend([FREE] * (fat_sectors * 128 - len(fat)))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1, NO_STREAM, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 1 if names else NO_STREAM, NO_STREAM, END, 0)]
    for i, (name, start) in enumerate(zip(names, starts)):
        right = i + 2 if i + 1 < len(names) else NO_STREAM  # a chain of right siblings, in sorted order
        entries.append(entry(name, 2, NO_STREAM, right, start, len(bodies[i])))
    directory = b"".join(entries).ljust(dir_sectors * SECTOR, b"\0")
    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, fat_sectors, dir_start, 0,
                            MINI_CUTOFF, END, 0, END, 0)
              + struct.pack("<109I", *difat))
    body = b"".join(b.ljust(c * SECTOR, b"\0") for b, c in zip(bodies, counts))
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + body


def release_streams() -> dict[str, bytes]:
    with olefile.OleFileIO(str(RELEASE)) as ole:
        return {entry[0]: ole.openstream(entry).read() for entry in ole.listdir() if len(entry) == 1}


def read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def test_the_writer_round_trips_the_fixture():
    text = doc_to_text(ole2_file(release_streams()))
    assert text == doc_to_text(RELEASE.read_bytes())


# --- the LibreOffice fixture ------------------------------------------------------


def test_a_doc_release_reads_as_paragraphs_with_the_headline_first(tmp_path):
    doc = read(tmp_path, "release.doc", RELEASE.read_bytes())
    assert (doc.status, doc.format, doc.encoding) == ("read", "doc", None), doc.reject_reason
    blocks = doc.raw_text.split("\n\n")
    assert blocks[0] == "Lumora Health Announces Positive Topline Data for LMR-207"
    # The footnote reference (\x02) is dropped: no digit glued to "disease".
    assert blocks[1] == ("CAMBRIDGE, Mass., March 3, 2026 -- Lumora Health, Inc. (Nasdaq: LMRH) today announced "
                         "results from the Phase 2 trial of LMR-207 in Sj\u00f6gren\u2019s disease.")
    # UTF-16 text: micro sign, Greek delta, >=; the comment mark (\x05) is dropped.
    assert blocks[2] == ("The trial enrolled 148 patients at a dose of 50 \u00b5g/kg; the primary endpoint was met "
                         "(p<0.001, \u0394 \u2265 2.5 points).")
    assert blocks[-2:] == ["About Lumora Health",
                           "Lumora Health is a fictional company invented for these tests. Page 1.\n"]


def test_only_the_main_story_is_read():
    text = doc_to_text(RELEASE.read_bytes())
    for other_story in ("footnote text", "comment text", "running header"):
        assert other_story not in text


def test_deleted_revisions_and_hidden_text_are_left_out():
    # doc_revisions.doc: a tracked deletion of "$11.9 million" before the
    # inserted "$12.4 million", and a hidden run "(draft: $87.5 million)".
    # Both are stored in the piece table; only the shown text is read.
    assert doc_to_text((FIXTURES / "doc_revisions.doc").read_bytes()) == (
        "Veltra Therapeutics Reports Third Quarter 2026 Results\n\n"
        "Revenue was $12.4 million for the quarter.\n\n"
        "Cash was $88.0 million at quarter end.\n"
    )


def test_a_field_keeps_its_result_and_drops_its_code():
    text = doc_to_text(RELEASE.read_bytes())
    assert "Visit the investor site for details.\nSecond line of the same paragraph." in text
    assert "HYPERLINK" not in text and "lumora.example" not in text and "PAGE" not in text


def test_a_non_breaking_hyphen_is_a_hyphen():
    assert "\n\nThe antibody is well tolerated by non-smokers.\n\n" in doc_to_text(RELEASE.read_bytes())


def test_a_table_reads_as_tab_rows_with_empty_cells_kept():
    # Row ends are found from the paragraph properties (sprmPFTtp), so an
    # empty cell ("Placebo", empty, "12.2%") is not taken for a row end.
    text = doc_to_text(RELEASE.read_bytes())
    assert ("\n\nArm\tResponders\tRate\nLMR-207 50 \u00b5g/kg\t41\t55.4%\nPlacebo\t\t12.2%\n\tTwo paragraphs\t\n\n"
            in text)


# --- pieces: cp1252 (compressed) and UTF-16 ---------------------------------------


def _repieced(streams: dict[str, bytes], pieces: list[tuple[int, bool, int]], prcs: tuple[bytes, ...] = ()):
    """The fixture with its one UTF-16 piece cut into ``pieces`` (end CP,
    compressed, prm), as Word and fast saves write them: a compressed piece
    is re-encoded in cp1252 at the end of the WordDocument stream, the others
    stay where they are. ``prcs`` are the grpprls of Prc entries in the Clx."""
    word, table = bytearray(streams["WordDocument"]), streams["1Table"]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 418)
    assert table[fc_clx] == 0x02 and lcb_clx == 21  # one Pcdt with a single piece
    cp_end, = struct.unpack_from("<i", table, fc_clx + 9)
    fc, = struct.unpack_from("<I", table, fc_clx + 5 + 8 + 2)
    text = word[fc:fc + 2 * cp_end].decode("utf-16-le")
    cps, pcds, start = [0], b"", 0
    for end, compressed, prm in pieces:
        if compressed:
            pcds += struct.pack("<HIH", 0, 0x40000000 | 2 * len(word), prm)
            word += text[start:end].encode("cp1252")
        else:
            pcds += struct.pack("<HIH", 0, fc + 2 * start, prm)
        cps.append(end)
        start = end
    plc = struct.pack(f"<{len(cps)}i", *cps) + pcds
    clx = b"".join(b"\x01" + struct.pack("<h", len(g)) + g for g in prcs) + b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 418, len(table), len(clx))
    return {**streams, "WordDocument": bytes(word), "1Table": table + clx}, text


def test_a_cp1252_piece_and_a_utf16_piece_read_together():
    streams = release_streams()
    text = streams["WordDocument"][2048:2048 + 2 * 770].decode("utf-16-le")
    split = text.index("\r", text.index("\r") + 1) + 1  # the first two paragraphs
    mixed, _ = _repieced(streams, [(split, True, 0), (770, False, 0)])
    assert b"Sj\xf6gren\x92s disease\x02." in mixed["WordDocument"]  # the cp1252 bytes
    assert doc_to_text(ole2_file(mixed)) == doc_to_text(RELEASE.read_bytes())


def _sentence(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


@pytest.mark.parametrize("prm, prcs", [
    (0x41 << 1 | 0x0100, ()),  # Prm0: sprmCFRMarkDel on, by its index in the Prm0 table
    (0x5C << 1 | 0x0100, ()),  # Prm0: sprmCFVanish on
    (0 << 1 | 1, (struct.pack("<HB", 0x0800, 1),)),  # Prm1: a Prc entry holding sprmCFRMarkDel
])
def test_a_piece_deleted_or_hidden_as_a_whole_is_left_out(prm, prcs):
    streams = release_streams()
    text = streams["WordDocument"][2048:2048 + 2 * 770].decode("utf-16-le")
    start, end = _sentence(text, "Second line of the same paragraph.")
    streams, _ = _repieced(streams, [(start, False, 0), (end, False, prm), (770, False, 0)], prcs)
    assert "\n\nVisit the investor site for details.\n\nThe antibody" in doc_to_text(ole2_file(streams))


def test_a_piece_modifier_overrides_the_paragraph_properties():
    # A fast save may set sprmPFTtp through the piece holding a mark: the
    # mark after "Responders" then ends the row, whatever its PAPX says.
    streams = release_streams()
    text = streams["WordDocument"][2048:2048 + 2 * 770].decode("utf-16-le")
    _, mark = _sentence(text, "Arm\x07Responders")
    prm_ttp = 0x19 << 1 | 0x0100  # Prm0: sprmPFTtp = 1
    streams, _ = _repieced(streams, [(mark, False, 0), (mark + 1, False, prm_ttp), (770, False, 0)])
    assert "\n\nArm\tResponders\nRate\nLMR-207 50 \u00b5g/kg\t41" in doc_to_text(ole2_file(streams))


# --- what is rejected --------------------------------------------------------------


def test_an_encrypted_doc_is_rejected_with_its_reason(tmp_path):
    streams = release_streams()
    word = bytearray(streams["WordDocument"])
    word[11] |= 0x01  # fEncrypted
    doc = read(tmp_path, "locked.doc", ole2_file({**streams, "WordDocument": bytes(word)}))
    assert (doc.status, doc.format) == ("rejected", "doc")
    assert doc.reject_reason.startswith("encrypted Word document: password-protected")


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.97])
def test_a_truncated_doc_is_rejected_with_its_reason(tmp_path, keep):
    data = RELEASE.read_bytes()
    doc = read(tmp_path, "cut.doc", data[:int(len(data) * keep)])
    assert (doc.status, doc.format) == ("rejected", "doc")
    assert doc.reject_reason.startswith(("corrupt Word document (.doc): ", "unsupported OLE2 compound file: ")), \
        doc.reject_reason


def test_text_past_the_end_of_the_stream_is_a_corrupt_doc():
    # A piece table that claims more text than the stream holds, as when the
    # stream was cut short.
    streams = release_streams()
    word, table = bytearray(streams["WordDocument"]), bytearray(streams["1Table"])
    fc_clx, _ = struct.unpack_from("<II", word, 418)
    struct.pack_into("<i", word, 76, 1 << 20)  # ccpText
    struct.pack_into("<i", table, fc_clx + 9, 1 << 20)  # the piece's end CP
    with pytest.raises(RejectedInput, match=r"^corrupt Word document \(\.doc\): text past the end"):
        doc_to_text(ole2_file({**streams, "WordDocument": bytes(word), "1Table": bytes(table)}))


def test_a_word_document_that_is_not_a_fib_is_corrupt():
    streams = release_streams()
    word = b"\0\0" + streams["WordDocument"][2:]
    with pytest.raises(RejectedInput, match=r"^corrupt Word document \(\.doc\): FIB identifier 0x0000"):
        doc_to_text(ole2_file({**streams, "WordDocument": word}))


@pytest.mark.parametrize("name, streams, fmt, what", [
    ("prices.xls", {"Workbook": b"\x09\x08"}, "xls", "Excel workbook (.xls)"),
    ("deck.ppt", {"PowerPoint Document": b"\0", "Current User": b"\0"}, "ppt", "PowerPoint presentation (.ppt)"),
    ("note.msg", {"__properties_version1.0": b"\0", "__substg1.0_0037001F": b"S\0"}, "msg",
     "Outlook message (.msg): save it as .eml"),
    ("locked.docx", {"EncryptionInfo": b"\0", "EncryptedPackage": b"\0"}, "ole2",
     "password-protected Office document (encrypted .docx/.xlsx/.pptx)"),
])
def test_other_ole2_files_are_rejected_naming_what_they_are(tmp_path, name, streams, fmt, what):
    doc = read(tmp_path, name, ole2_file(streams))
    assert (doc.status, doc.format, doc.reject_reason) == ("rejected", fmt, f"unsupported OLE2 compound file: {what}")


def test_a_workbook_named_doc_is_still_a_workbook(tmp_path):
    doc = read(tmp_path, "release.doc", ole2_file({"Workbook": b"\x09\x08"}))
    assert (doc.status, doc.format, doc.reject_reason) == (
        "rejected", "xls", "unsupported OLE2 compound file: Excel workbook (.xls)")


def test_a_doc_without_a_suffix_is_read_by_its_content(tmp_path):
    doc = read(tmp_path, "download", RELEASE.read_bytes())
    assert (doc.status, doc.format) == ("read", "doc")


def test_huge_paragraph_properties_are_read_from_the_data_stream():
    # sprmPHugePapx points into the Data stream at a PrcData (2-byte size,
    # then sprms): there a row's sprmPFTtp and cell boundaries are found.
    from pipelines.ingest_doc import _Props, _sprms, _table_props

    sprms = struct.pack("<HB", 0x2416, 1) + struct.pack("<HB", 0x2417, 1) + \
        struct.pack("<HHB3h", 0xD608, 1 + 1 + 6, 2, 0, 1440, 4320)
    data_stream = b"\0" * 10 + struct.pack("<H", len(sprms)) + sprms
    papx = struct.pack("<HI", 0x6646, 10)
    props = _table_props(_sprms(papx), _Props(), data_stream)
    assert (props.in_table, props.row_end, props.edges) == (True, True, [1440, 4320])


def test_without_paragraph_properties_rows_are_found_by_their_empty_end_marks():
    # A damaged file whose PlcBtePapx is gone: the fallback still keeps the
    # empty cells of rows after the first (the first row sets the width).
    streams = release_streams()
    word = bytearray(streams["WordDocument"])
    struct.pack_into("<II", word, 154 + 13 * 8, 0, 0)  # fcPlcfBtePapx, lcbPlcfBtePapx
    text = doc_to_text(ole2_file({**streams, "WordDocument": bytes(word)}))
    assert "\n\nArm\tResponders\tRate\nLMR-207 50 \u00b5g/kg\t41\t55.4%\nPlacebo\t\t12.2%\n\tTwo paragraphs\t\n\n" in text
