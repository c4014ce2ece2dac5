"""Reading inbox files: every kind of bad input is rejected with a reason, never raised."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from pipelines.ingest import MAX_BYTES, read_document, scan_inbox

SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "pipelines" / "sample_inbox"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text stream and a correct xref table."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    return _assemble_pdf(objects)


def textless_pdf() -> bytes:
    """A page with no content stream: what a scan without OCR looks like to pypdf."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    return _assemble_pdf(objects)


def _assemble_pdf(objects: list[str]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- identity -------------------------------------------------------------------


def test_identity_fields_follow_the_contract(tmp_path):
    path = write(tmp_path, "release.txt", b"Acme Reports Data\n\nBody.\n")
    doc = read_document(path)
    source = str(path.resolve())
    digest = hashlib.sha256(b"Acme Reports Data\n\nBody.\n").hexdigest()
    assert doc.status == "read"
    assert doc.source_path == source
    assert doc.sha256 == digest
    assert doc.size_bytes == 25
    assert doc.format == "txt"
    assert doc.doc_id == hashlib.sha256(f"{source}\0{digest}".encode()).hexdigest()[:16]
    assert doc.raw_text == "Acme Reports Data\n\nBody.\n"


def test_scan_inbox_is_sorted_recursive_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path, "b/2.md", b"# Two\n")
    write(tmp_path, "a.txt", b"One\n")
    write(tmp_path, ".DS_Store", b"\x00\x01")
    write(tmp_path, ".git/config", b"[core]\n")
    write(tmp_path, "c.docx", b"PK\x03\x04")
    docs = scan_inbox(tmp_path)
    names = [Path(d.source_path).name for d in docs]
    assert names == ["a.txt", "2.md", "c.docx"]
    assert [d.status for d in docs] == ["read", "read", "rejected"]
    assert docs[2].format == "docx"
    assert docs[2].reject_reason == "corrupt DOCX: not a readable ZIP archive (File is not a zip file)"


def test_scan_inbox_of_missing_directory_is_empty(tmp_path):
    assert scan_inbox(tmp_path / "nope") == []


# --- bad input ------------------------------------------------------------------


def test_empty_file_is_rejected(tmp_path):
    doc = read_document(write(tmp_path, "empty.txt", b""))
    assert (doc.status, doc.reject_reason, doc.raw_text) == ("rejected", "empty file", None)


def test_oversized_file_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    doc = read_document(path)
    assert doc.status == "rejected"
    assert "too large" in doc.reject_reason and f"{MAX_BYTES + 1:,}" in doc.reject_reason
    assert doc.size_bytes == MAX_BYTES + 1


def test_binary_junk_in_a_txt_is_rejected(tmp_path):
    junk = bytes(range(256)) * 20
    doc = read_document(write(tmp_path, "junk.txt", junk))
    assert (doc.status, doc.reject_reason) == ("rejected", "binary file of unknown type (first bytes 00 01 02 03 04 05 06 07)")


def test_control_characters_without_nuls_are_rejected(tmp_path):
    junk = b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100
    doc = read_document(write(tmp_path, "junk.md", junk))
    assert doc.reject_reason == "binary file of unknown type (first bytes 01 02 03 04 05 06 07 08)"


def test_directory_named_like_a_release_does_not_raise(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    doc = read_document(tmp_path / "folder.txt")
    assert (doc.status, doc.reject_reason) == ("rejected", "not a regular file: directory")


def test_fifo_is_rejected_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    doc = read_document(fifo)
    assert (doc.status, doc.reject_reason) == ("rejected", "not a regular file: special file")
    assert scan_inbox(tmp_path) == []


def test_missing_file_is_rejected(tmp_path):
    doc = read_document(tmp_path / "gone.md")
    assert doc.status == "rejected" and doc.reject_reason.startswith("FileNotFoundError")


def test_truncated_pdf_is_rejected_with_pypdfs_message(tmp_path):
    pdf = minimal_pdf(["Acme Bio Reports Data"])
    doc = read_document(write(tmp_path, "cut.pdf", pdf[: len(pdf) // 2]))
    assert doc.status == "rejected"
    assert doc.reject_reason.startswith("corrupt PDF: ")
    assert len(doc.reject_reason) > len("corrupt PDF: ")


def test_pdf_without_text_layer_is_rejected(tmp_path):
    doc = read_document(write(tmp_path, "scan.pdf", textless_pdf()))
    assert (doc.status, doc.reject_reason) == ("rejected", "PDF has no text layer")


def test_hard_wrapped_pdf_text_is_joined_by_the_cleaner(tmp_path):
    from pipelines.document import prepare

    lines = [
        "Acme Bio Starts Phase 2 Trial",
        "BOSTON, May 1, 2025 -- Acme Bio, Inc. (Nasdaq: ACME), a clinical-stage biotechnology company,",
        "today announced that the first patient has been dosed in its Phase 2 trial of ACM-101 in adults",
        "with moderate to severe disease, a population with few options and a large unmet medical need.",
        "The trial will enroll about 120 patients at 30 sites in the United States and Europe, and the",
        "company expects to report topline data from the trial in the first half of 2026, it said today.",
        "About Acme Bio, Inc.",
        "Acme Bio is an invented company used by this test; it develops invented medicines for testing.",
    ]
    raw = read_document(write(tmp_path, "wrapped.pdf", minimal_pdf(lines))).raw_text
    doc = prepare("pdf", raw)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Acme Bio Starts Phase 2 Trial"
    assert paragraphs[1].startswith("BOSTON, May 1, 2025 -- Acme Bio, Inc. (Nasdaq: ACME), a clinical-stage")
    assert paragraphs[1].endswith("in the first half of 2026, it said today.")
    assert paragraphs[2] == "About Acme Bio, Inc."
    assert (doc.release_date.isoformat(), doc.ticker, doc.doc_type) == ("2025-05-01", "ACME", "clinical")


def test_valid_pdf_text_is_extracted_with_its_lines(tmp_path):
    pdf = minimal_pdf(["Acme Bio Reports Data", "BOSTON, May 1, 2025 -- Acme Bio (Nasdaq: ACME) today said"])
    doc = read_document(write(tmp_path, "ok.pdf", pdf))
    assert doc.status == "read" and doc.format == "pdf"
    assert doc.raw_text.splitlines() == [
        "Acme Bio Reports Data",
        "BOSTON, May 1, 2025 -- Acme Bio (Nasdaq: ACME) today said",
    ]


# --- decoding -------------------------------------------------------------------

TEXT = "Acme’s “first” drug® – approved\nSecond line\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_unicode_and_windows_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, "r.txt", data))
    assert doc.status == "read"
    assert doc.encoding == encoding
    assert doc.raw_text == TEXT


def test_cp1252_with_crlf_is_decoded_and_normalised(tmp_path):
    data = "He said \u201cyes\u201d \u2013 Brand\u00ae 2025\r\nNext\r\n".encode("cp1252")
    assert b"\x93" in data and b"\xae" in data
    doc = read_document(write(tmp_path, "w.txt", data))
    assert doc.encoding == "cp1252"
    assert doc.raw_text == "He said \u201cyes\u201d \u2013 Brand\u00ae 2025\nNext\n"


def test_mojibake_is_repaired_but_symbols_and_quotes_are_kept(tmp_path):
    garbled = "Itâ€™s cafÃ© time for Revlimid Â® and “this”™\n"
    doc = read_document(write(tmp_path, "m.md", garbled.encode("utf-8")))
    assert doc.raw_text == "It’s café time for Revlimid ® and “this”™\n"


def test_latin1_accents_without_windows_punctuation_still_decode(tmp_path):
    data = "Société Générale à Paris, été 2025\n".encode("latin-1")
    doc = read_document(write(tmp_path, "fr.txt", data))
    assert doc.status == "read"
    assert doc.raw_text == "Société Générale à Paris, été 2025\n"


# --- HTML -----------------------------------------------------------------------


def test_html_table_rows_become_tab_separated_lines():
    doc = read_document(FIXTURES / "table_release.html")
    assert doc.status == "read" and doc.format == "html"
    lines = doc.raw_text.splitlines()
    assert lines[0] == "Zenith Bio Announces Results & Outlook"
    header = lines.index("\tThree Months Ended\t\tChange")
    assert lines[header + 1] == "Revenue\t$ 1,200\t$ 900\t33%"
    assert lines[header + 2] == "Net loss\t(3,400)\t(2,100)\tn/m"
    assert lines[header + 3] == "Cash at end of period\t\t\t"  # colspan 3: written once, then empty cells
    assert lines[header - 1] == "" and lines[header + 4] == ""


def test_html_drops_scripts_and_navigation_and_decodes_entities():
    text = read_document(FIXTURES / "table_release.html").raw_text
    assert "analytics" not in text and "Home | News" not in text
    assert "BOSTON, March 3, 2025 -- Zenith Bio, Inc. (Nasdaq: ZNTH) today" in text
    assert "\u00a0" not in text
    assert "About Zenith Bio, Inc.\n\nZenith Bio develops" in text


def test_html_headline_comes_from_first_h1_without_title(tmp_path):
    html = b"<html><body><div>menu</div><h1>Big News</h1><p>Body text.</p></body></html>"
    doc = read_document(write(tmp_path, "n.htm", html))
    assert doc.raw_text.splitlines()[0] == "Big News"
    assert doc.raw_text.count("Big News") == 1


def test_html_headline_drops_the_site_name_of_the_title(tmp_path):
    html = b"<html><head><title>Big News | Acme Inc.</title></head><body><h1>Big News</h1><p>Body.</p></body></html>"
    doc = read_document(write(tmp_path, "t.html", html))
    assert doc.raw_text == "Big News\n\nBody.\n"


def test_broken_html_does_not_raise(tmp_path):
    doc = read_document(write(tmp_path, "b.html", b"<html><p>Unclosed <b>bold <table><tr><td>1"))
    assert doc.status == "read"
    assert "Unclosed bold" in doc.raw_text


# --- the sample inbox -----------------------------------------------------------


def test_every_sample_inbox_file_reads():
    docs = scan_inbox(SAMPLE_INBOX)
    assert len(docs) == 7
    assert all(d.status == "read" for d in docs), [(d.source_path, d.reject_reason) for d in docs]
    by_name = {Path(d.source_path).name: d for d in docs}
    assert by_name["2026-03-05-northwind-q4-2025-results.docx"].format == "docx"
    assert by_name["2026-01-08-northwind-aurora-2-enrollment.eml"].format == "eml"
    assert by_name["2025-06-20-northwind-appoints-cfo.txt"].encoding == "cp1252"
    assert "\r" not in by_name["2025-06-20-northwind-appoints-cfo.txt"].raw_text
    assert by_name["2025-12-01-northwind-fda-fast-track.html"].format == "html"
    assert by_name["2025-09-15-northwind-phase-2-start.md"].format == "md"


# A column header split over two lines ("Three Months Ended December 31," then
# "2010 2009"), in text and as two HTML header rows, stays on two lines in the
# cleaned text; the table reader still takes its periods from both.
@pytest.mark.parametrize("name", ["split_header.txt", "split_header.html"])
def test_a_column_header_split_over_two_lines_still_gives_the_periods(name):
    from datetime import date

    from pipelines.document import prepare
    from pipelines.financial.tables import extract_table_facts

    raw = read_document(FIXTURES / name)
    doc = prepare(raw.doc_id, raw.raw_text)
    assert "Three Months Ended December 31," in doc.text and "2010" in doc.text
    facts = {(f.concept, f.period_end, f.months): f.value for f in extract_table_facts(doc)}
    q10, q09 = date(2010, 12, 31), date(2009, 12, 31)
    assert facts == {
        ("Revenues", q10, 3): 4178e3, ("Revenues", q09, 3): 3108e3,
        ("Revenues", q10, 6): 7589e3, ("Revenues", q09, 6): 6207e3,
        ("ResearchAndDevelopmentExpense", q10, 3): 16004e3, ("ResearchAndDevelopmentExpense", q09, 3): 12211e3,
        ("ResearchAndDevelopmentExpense", q10, 6): 29429e3, ("ResearchAndDevelopmentExpense", q09, 6): 24399e3,
        ("NetIncomeLoss", q10, 3): -15514e3, ("NetIncomeLoss", q09, 3): -12989e3,
        ("NetIncomeLoss", q10, 6): -28892e3, ("NetIncomeLoss", q09, 6): -25670e3,
    }
