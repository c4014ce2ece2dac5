"""split_sections: typed, ordered, gap-free sections over the cleaned text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.clean import clean_text
from pipelines.ingest import read_document
from pipelines.model import SECTION_KINDS
from pipelines.sections import split_sections
from tests.conftest import seed_path

SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "pipelines" / "sample_inbox"


def sections_of(text: str):
    return split_sections(clean_text(text))


def seed_sections(prefix: str):
    text = clean_text(seed_path(prefix).read_text(encoding="utf-8"))
    return text, split_sections(text)


def assert_well_formed(text: str, sections) -> None:
    """Sorted, numbered from 0, non-overlapping, text == slice, and every
    non-blank paragraph inside some section."""
    previous_end = 0
    for number, section in enumerate(sections):
        assert section.section_no == number
        assert section.kind in SECTION_KINDS
        assert section.text == text[section.char_start:section.char_end]
        assert section.char_start >= previous_end
        assert text[previous_end:section.char_start].strip() == ""
        assert section.text.strip() == section.text and section.text
        previous_end = section.char_end
    assert text[previous_end:].strip() == ""


def kinds(sections) -> list[str]:
    return [s.kind for s in sections]


def headed(sections, kind: str) -> list[str]:
    return [s.heading for s in sections if s.kind == kind]


# --- synthetic ------------------------------------------------------------------

RELEASE = """Acme Bio Reports Fourth Quarter 2024 Financial Results

- Company Expects Two Data Readouts in 2025 -

BOSTON, Feb. 27, 2025 (GLOBE NEWSWIRE) -- Acme Bio, Inc. (Nasdaq: ACME) today reported results.

Fourth Quarter 2024 Financial Results

Net loss was $5.0 million.

Revenue was $1.0 million.

2025 Financial Guidance

Acme expects operating expenses of $40 million to $45 million.

About the ALPHA-1 Trial

ALPHA-1 is a Phase 2 trial.

About Acme Bio, Inc.

Acme Bio develops invented medicines.

Forward-Looking Statements

This press release contains forward-looking statements.

ACME BIO, INC.
CONDENSED CONSOLIDATED BALANCE SHEETS
(in thousands)
\tDecember 31, 2024\tDecember 31, 2023
Cash\t$ 10,000\t$ 12,000
Total assets\t$ 11,000\t$ 13,000

Media Contact:
Jane Roe, jane@acme.example
"""


def test_synthetic_release_gets_every_kind_in_order():
    text = clean_text(RELEASE)
    sections = split_sections(text)
    assert_well_formed(text, sections)
    assert kinds(sections) == [
        "headline", "subheadline", "dateline", "body", "financial_results", "guidance",
        "about_product", "about_company", "forward_looking", "table", "contacts",
    ]
    by_kind = {s.kind: s for s in sections}
    assert by_kind["dateline"].text == "BOSTON, Feb. 27, 2025 (GLOBE NEWSWIRE) --"
    assert by_kind["body"].text.startswith("Acme Bio, Inc. (Nasdaq: ACME) today")
    assert by_kind["financial_results"].heading == "Fourth Quarter 2024 Financial Results"
    assert by_kind["financial_results"].text.endswith("Revenue was $1.0 million.")
    assert by_kind["table"].text.startswith("ACME BIO, INC.\n\nCONDENSED CONSOLIDATED BALANCE SHEETS")
    assert by_kind["table"].text.endswith("Total assets\t$ 11,000\t$ 13,000")
    assert by_kind["about_company"].heading == "About Acme Bio, Inc."
    assert by_kind["about_product"].heading == "About the ALPHA-1 Trial"


def test_empty_text_has_no_sections():
    assert split_sections("") == []


def test_one_line_text_is_a_headline():
    text = "Just a headline"
    sections = split_sections(text)
    assert [(s.kind, s.text) for s in sections] == [("headline", "Just a headline")]


def test_top_bullets_are_highlights_and_release_without_dateline_has_body():
    text = clean_text("# Acme Starts Trial\n\n* First patient dosed\n* Data in 2026\n\nAcme (NASDAQ: ACME) dosed the first patient in its long awaited trial of a new medicine today, it said in a statement to investors.")
    sections = split_sections(text)
    assert_well_formed(text, sections)
    assert kinds(sections) == ["headline", "highlights", "body"]
    assert sections[1].text == "- First patient dosed\n\n- Data in 2026"


def test_flattened_markdown_table_is_one_table_section():
    cells = "\n\n".join(["Total assets", "$", "21,676,801", "$", "23,887,268", "Total liabilities", "5,000", "6,000"])
    text = clean_text(f"# Title\n\nAcme reported results for the year in a long sentence about them.\n\nCONSOLIDATED BALANCE SHEETS\n\n{cells}\n\nAbout Acme\n\nAcme makes things.")
    sections = split_sections(text)
    assert_well_formed(text, sections)
    table = [s for s in sections if s.kind == "table"]
    assert len(table) == 1
    assert table[0].text.startswith("CONSOLIDATED BALANCE SHEETS\n\nTotal assets")
    assert table[0].text.endswith("6,000")


def test_about_the_company_and_about_us_are_the_issuer():
    for heading in ("About the Company", "About Us"):
        text = clean_text(f"Acme (Nasdaq: ACME) News\n\nAcme did a thing today, it said in a long sentence here.\n\n{heading}\n\nAcme makes things.")
        assert [s.kind for s in split_sections(text)][-1] == "about_company", heading


def test_forward_looking_paragraph_without_heading_opens_its_section():
    text = clean_text("Title\n\nBody sentence one that is long enough to be body text here.\n\nThis press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995 and more words.")
    assert kinds(split_sections(text)) == ["headline", "body", "forward_looking"]


# --- seeds ----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_sections_are_well_formed(prefix):
    text, sections = seed_sections(prefix)
    assert_well_formed(text, sections)
    assert sections[0].kind == "headline"


def test_seed_000_has_the_earnings_layout():
    text, sections = seed_sections("000")
    found = set(kinds(sections))
    assert {"headline", "subheadline", "dateline", "body", "highlights", "financial_results", "guidance",
            "table", "about_company", "forward_looking", "contacts", "footnotes"} <= found
    assert sections[2].text == "WALTHAM, Mass., Jan 27, 2011 (BUSINESS WIRE) --"
    tables = [s for s in sections if s.kind == "table"]
    assert len(tables) == 2
    assert tables[0].text.startswith("IMMUNOGEN, INC. SELECTED FINANCIAL INFORMATION")
    assert "Total assets\t$ 153,805" in tables[0].text
    assert tables[1].text.startswith("CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)")
    assert "Net loss\t$ (14,233)" in tables[1].text
    assert headed(sections, "financial_results") == ["Financial Results"]
    assert headed(sections, "guidance") == ["Financial Guidance"]
    assert headed(sections, "about_company") == ["About ImmunoGen, Inc."]
    footnote = next(s for s in sections if s.kind == "footnotes")
    assert footnote.text.startswith("Revlimid® is a registered trademark")
    assert next(s for s in sections if s.kind == "contacts").text.startswith("SOURCE: ImmunoGen, Inc.")


def test_seed_001_about_sections_footnotes_and_forward_looking():
    text, sections = seed_sections("001")
    assert headed(sections, "about_product") == [
        "About the NORTH Trial",
        "About IMGN901 (lorvotuzumab mertansine)",
        "About Small-Cell Lung Cancer (SCLC)",
    ]
    assert headed(sections, "about_company") == ["About ImmunoGen, Inc."]
    footnotes = next(s for s in sections if s.kind == "footnotes")
    assert footnotes.text.startswith("1ACS Cancer Facts & Figures 2011 (2012).")
    assert footnotes.text.count("\n\n") == 3
    assert kinds(sections)[-2:] == ["forward_looking", "other"]
    dateline = sections[1]
    assert (dateline.kind, dateline.text) == ("dateline", "WALTHAM, MA, March 30, 2012 -")
    assert sections[2].kind == "body" and sections[2].text.startswith("ImmunoGen, Inc. (Nasdaq: IMGN) today")


def test_seed_002_dash_subheadline_guidance_and_conference_call():
    text, sections = seed_sections("002")
    assert kinds(sections)[:4] == ["headline", "subheadline", "dateline", "body"]
    assert sections[2].text == "WALTHAM, Mass.--(BUSINESS WIRE)--"
    assert headed(sections, "guidance") == ["Updated Financial Guidance"]
    assert headed(sections, "other") == ["Conference Call"]
    assert headed(sections, "contacts")[0] == "Contacts"


def test_seed_003_without_dateline():
    text, sections = seed_sections("003")
    assert "dateline" not in kinds(sections)
    assert kinds(sections)[:4] == ["headline", "subheadline", "subheadline", "contacts"]
    assert next(s for s in sections if s.kind == "body").text.startswith("(NASDAQ: IMGN), a biotechnology company")


def test_seed_004_ocr_release_sections():
    text, sections = seed_sections("004")
    assert kinds(sections) == ["headline", "subheadline", "dateline", "body", "about_company", "footnotes", "forward_looking"]
    assert sections[4].heading == "About ImmunoGen, Inc."
    assert sections[5].text.startswith("IMesothelin, Encyclopedia of Cancer, 2009.")


def test_dev_files_are_well_formed(dev_dir):
    for path in sorted(dev_dir.rglob("*.md")):
        text = clean_text(path.read_text(encoding="utf-8"))
        sections = split_sections(text)
        assert_well_formed(text, sections)
        assert sections[0].kind == "headline", path.name


# --- sample inbox ---------------------------------------------------------------


def test_sample_earnings_release_has_two_tables_with_captions():
    raw = read_document(SAMPLE_INBOX / "2025-11-06-northwind-q3-2025-results.txt").raw_text
    text = clean_text(raw)
    sections = split_sections(text)
    assert_well_formed(text, sections)
    tables = [s for s in sections if s.kind == "table"]
    assert [t.text.split("\n\n")[1] for t in tables] == [
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
        "CONDENSED CONSOLIDATED BALANCE SHEETS",
    ]
    assert tables[0].text.endswith("Weighted-average shares outstanding, basic and diluted\t58,412\t47,905\t56,870\t47,633")
    assert headed(sections, "guidance") == ["2025 Financial Guidance"]
    assert headed(sections, "highlights") == ["Third Quarter 2025 and Recent Highlights"]


def test_sample_html_release_keeps_its_table_rows_together():
    raw = read_document(SAMPLE_INBOX / "2025-12-01-northwind-fda-fast-track.html").raw_text
    text = clean_text(raw)
    sections = split_sections(text)
    table = next(s for s in sections if s.kind == "table")
    assert table.text.startswith("Northwind Pipeline\n\nProgram\tTarget\tIndication\tStage\tNext milestone\n")
    assert table.text.count("\n") == 6  # caption, blank line, five rows on consecutive lines
