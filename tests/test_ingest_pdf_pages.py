"""A PDF's running heads, feet and page numbers are page furniture, not text."""

from pathlib import Path

from test_ingest import _assemble_pdf

from pipelines.document import prepare
from pipelines.financial.extract import extract_financial
from pipelines.ingest import read_document

HEAD = "Orlen Therapeutics, Inc. | Third Quarter 2024 Results"


def _pages_pdf(pages: list[list[str]]) -> bytes:
    """One Helvetica text stream per page, lines top to bottom."""
    count = len(pages)
    font = 3 + 2 * count
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{3 + 2 * i} 0 R" for i in range(count)) + f"] /Count {count} >>"]
    for i, lines in enumerate(pages):
        content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >>"
                       f" /Contents {4 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _assemble_pdf(objects)


PAGES = [
    [HEAD, "Orlen Therapeutics Reports Third Quarter 2024 Results",
     "CAMBRIDGE, Mass., Nov. 6, 2024 -- Orlen Therapeutics, Inc. (Nasdaq: ORLN) today reported results.",
     "Net loss was $5.2 million for the third quarter", "Page 1 of 3"],
    [HEAD, "of 2024, compared with $4.1 million for the third quarter of 2023.",
     "Cash and cash equivalents were $88.0 million as of September 30, 2024.", "Page 2 of 3"],
    [HEAD, "About Orlen Therapeutics", "Orlen Therapeutics develops medicines for rare diseases.", "- 3 -"],
]


def test_running_heads_and_page_numbers_are_dropped_and_the_first_copy_kept(tmp_path):
    path = tmp_path / "q3.pdf"
    path.write_bytes(_pages_pdf(PAGES))
    text = read_document(path).raw_text
    assert text.count(HEAD) == 1 and text.startswith(HEAD)
    for furniture in ("Page 1 of 3", "Page 2 of 3", "- 3 -"):
        assert furniture not in text
    assert "Orlen Therapeutics develops medicines for rare diseases." in text


def test_a_sentence_cut_by_a_page_break_is_read_whole(tmp_path):
    path = tmp_path / "q3.pdf"
    path.write_bytes(_pages_pdf(PAGES))
    doc = prepare(str(path), read_document(path).raw_text)
    facts = {(f.concept, str(f.period_end), f.months, f.value) for f in extract_financial(doc)[0]}
    assert ("NetIncomeLoss", "2024-09-30", 3, -5_200_000) in facts
    assert ("NetIncomeLoss", "2023-09-30", 3, -4_100_000) in facts


def test_a_table_cell_at_the_foot_of_a_page_is_not_a_page_number(tmp_path):
    # A flattened table one cell per line: its last cell on the page is a bare 12.
    pages = [["Orlen Therapeutics Reports Results", "Revenue", "44", "12"], ["Net loss", "(7)", "(9)"]]
    path = tmp_path / "cells.pdf"
    path.write_bytes(_pages_pdf(pages))
    lines = read_document(path).raw_text.split("\n")
    assert "12" in lines and "44" in lines


def test_pdftotext_pages_split_by_form_feeds_lose_their_furniture():
    from pipelines.clean import clean_text

    raw = "\f".join("\n".join(page) for page in PAGES)
    text = clean_text(raw)
    assert text.count(HEAD) == 1 and "Page 2 of 3" not in text and "\f" not in text
    assert "Net loss was $5.2 million for the third quarter of 2024, compared with $4.1 million" in text
    assert clean_text(text) == text
