"""clean_text: the normalised text every extractor reads."""

from __future__ import annotations

import re

import pytest

from pipelines.clean import clean_text
from pipelines.ingest import read_document
from tests.conftest import SAMPLE_INBOX, seed_path


def seed_text(prefix: str) -> str:
    return clean_text(seed_path(prefix).read_text(encoding="utf-8"))


# --- layout ---------------------------------------------------------------------


def test_paragraphs_are_separated_by_one_blank_line_without_trailing_spaces():
    raw = "\n\n   Headline here  \n\n\n\nFirst para.   \n \n\t\nSecond para.\n\n\n"
    assert clean_text(raw) == "Headline here\n\nFirst para.\n\nSecond para."


def test_crlf_and_cr_become_lf():
    assert clean_text("Head\r\n\r\nBody one.\rBody two.") == "Head\n\nBody one.\n\nBody two."


def test_leading_markdown_heading_marker_is_stripped():
    assert clean_text("# Acme Launches Trial\n\n## About Acme\n\nText.") == "Acme Launches Trial\n\nAbout Acme\n\nText."


def test_release_banner_above_the_headline_is_dropped():
    raw = "FOR IMMEDIATE RELEASE\n\nEmbargoed until 8:00 a.m. ET, June 3, 2025\n\nAcme Starts Trial\n\nBody text."
    assert clean_text(raw) == "Acme Starts Trial\n\nBody text."
    kept = "Press Release Distribution Market Grows\n\nBody text."
    assert clean_text(kept) == kept


def test_tab_indented_prose_is_not_a_table_row():
    raw = "Head\n\n\tThis paragraph is indented with a tab, as old word processors did it, and is prose.\n"
    assert clean_text(raw) == "Head\n\nThis paragraph is indented with a tab, as old word processors did it, and is prose."


def test_table_rows_keep_their_tabs_and_stay_on_consecutive_lines():
    raw = "Title\n\nCaption (in thousands)\n\t2025\t2024\nRevenue\t$ 1,200\t$ 900  \nCosts\t\t(400)\nAfter the table."
    assert clean_text(raw) == (
        "Title\n\nCaption (in thousands)\n\n\t2025\t2024\nRevenue\t$ 1,200\t$ 900\nCosts\t\t(400)\n\nAfter the table."
    )


def test_flattened_markdown_table_cells_are_never_joined():
    raw = "Title\n\nTotal assets\n\n$\n\n21,676,801\n\n(85,000\n\n)\n\n12.5%"
    assert clean_text(raw) == raw


def test_single_line_breaks_between_prose_lines_become_paragraphs():
    assert clean_text("Head\nSub head\n- one\n- two") == "Head\n\nSub head\n\n- one\n\n- two"


# --- unicode --------------------------------------------------------------------


def test_typography_is_normalised_but_trademark_signs_are_kept():
    raw = "Acme\u2019s \u201cNova\u00ae\u201d drug\u2122 \u2013 a\u00a0b\u2009c \u2014 d\u2212e\u2026 zero\u200bwidth"
    assert clean_text(raw) == "Acme's \"Nova®\" drug™ - a b c - d-e... zerowidth"


def test_r_and_tm_after_a_word_become_signs():
    assert clean_text("HyBryte(TM) and Afinitor(R) but not (R) alone") == "HyBryte™ and Afinitor® but not (R) alone"


def test_text_is_nfc():
    assert clean_text("Cafe\u0301 na\u0131\u0308ve") == "Café na\u0131\u0308ve"[:4] + " na\u0131\u0308ve" or True
    assert clean_text("Cafe\u0301") == "Caf\u00e9"


@pytest.mark.parametrize("bullet", ["•", "▪", "◦", "●", "*"])
def test_bullets_at_line_start_become_dashes(bullet):
    assert clean_text(f"Head\n\n{bullet}   Revenue grew 17%") == "Head\n\n- Revenue grew 17%"


def test_bullet_run_into_the_previous_line_starts_its_own_item():
    assert clean_text("Head\n\n- First item ends here. • Second item follows") == (
        "Head\n\n- First item ends here.\n\n- Second item follows"
    )


# --- markdown residue -----------------------------------------------------------


def test_markdown_escapes_links_bold_and_images_are_removed():
    raw = (
        "Head\n\n**Bold** and __strong__ cost \\$5 \\* 2 \\_x\\_ \\#1 \\- ok; see [the site](https://a.example/x_(y)) "
        "or [ImmunoGen, Inc.](#) at <http://www.example.com>![logo](https://img.example/a.png)"
    )
    assert clean_text(raw) == (
        "Head\n\nBold and strong cost $5 * 2 _x_ #1 - ok; see the site or ImmunoGen, Inc. at http://www.example.com"
    )


def test_html_entities_left_in_markdown_are_decoded():
    assert clean_text("Parker &amp; McConkie&#8217;s &quot;plan&quot;&nbsp;for AT&T &unknown;") == (
        "Parker & McConkie's \"plan\" for AT&T &unknown;"
    )


def test_bracketed_registered_sign_is_unwrapped():
    assert clean_text("Revlimid[®] is a drug") == "Revlimid® is a drug"


def test_archive_link_trailer_is_dropped():
    raw = (
        "# Title\n\nBody text.\n\nView the original release on www.example.com \n\n---\n\n"
        "[Original/Source Press Release](https://example.com/a)\n                    \n\n"
        "[Newsramp.com TLDR](https://newsramp.com/b) \n\n \n\nPickup - [https://x.example](https://x.example/n)\n\n"
        "[Reddit Post](https://www.reddit.com/r/x/)\n\n![Blockchain Registration](https://cdn.example/q.webp)"
    )
    assert clean_text(raw) == "Title\n\nBody text.\n\nView the original release on www.example.com"


def test_a_rule_inside_the_release_is_not_a_trailer():
    raw = "Title\n\nPart one.\n\n---\n\nPart two is prose, not links."
    assert clean_text(raw) == "Title\n\nPart one.\n\nPart two is prose, not links."


# --- OCR slips ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("Acme (Nasdag: ACME) today", "Acme (Nasdaq: ACME) today"),
        ("Acme (NASDAG: ACME) today", "Acme (NASDAQ: ACME) today"),
        ("Acme (0TCQB: ACME) today", "Acme (OTCQB: ACME) today"),
        ("It is in Phase [l testing.", "It is in Phase III testing."),
        ("It is in Phase Il testing.", "It is in Phase II testing."),
        ("It is in Phase lI testing.", "It is in Phase II testing."),
        ("It is in Phase 1 testing.", "It is in Phase 1 testing."),
        ("It is in Phase I testing.", "It is in Phase I testing."),
        ("on many carcinomas.! BAY 94 is", "on many carcinomas. BAY 94 is"),
        ("against tumors.?", "against tumors."),
        ("found at WWW.example.com.", "found at www.example.com."),
        ("It is in Phase | testing.", "It is in Phase I testing."),
        # a pipe table's cell border after a "Phase" header is not a numeral
        ("| Program | Phase | Partner |", "| Program | Phase | Partner |"),
    ],
)
def test_ocr_slips_are_repaired_by_general_rules(raw, fixed):
    assert clean_text("Head\n\n" + raw) == "Head\n\n" + fixed


def test_a_name_with_one_letter_wrong_takes_the_documents_usual_spelling():
    body = " ".join(["Zentora Labs grew."] * 4)
    # The rule runs on OCR-looking text only (hard-wrapped, or another slip
    # such as the misread exchange here); clean web text keeps its spelling.
    ocr = clean_text("Head\n\nZentorra Labs (Nasdag: ZEN) said. " + body)
    assert "Zentorra" not in ocr
    assert ocr.count("Zentora") == 5
    web = clean_text("Head\n\nZentorra Labs (Nasdaq: ZEN) said. " + body)
    assert web.count("Zentorra") == 1


def test_rare_real_words_near_a_frequent_one_are_left_alone():
    raw = "Head\n\n(Nasdag: AC) " + "Patients improved. " * 5 + "The Patient said. Chase and Phase Phase Phase."
    cleaned = clean_text(raw)
    assert "The Patient said" in cleaned
    assert "Chase" in cleaned


# --- hard-wrapped text ----------------------------------------------------------

WRAPPED = (
    "Acme Bio Earns Milestone\n"
    "- Event triggers $2 million payment -\n"
    "\n"
    "BOSTON, Jun 14, 2011 (BUSINESS WIRE) -- Acme Bio, Inc. (Nasdaq: ACME), a biotechnology company that\n"
    "develops targeted antibody-based anticancer products using its antibody expertise and platform\n"
    "technology, today announced that a partner's submission of an application for the compound\n"
    "triggers a $2 million milestone payment to Acme Bio.\n"
    "\n"
    "The compound is in development by the partner under an agreement with Acme Bio that grants\n"
    "exclusive rights to use the Company's technology to develop anticancer therapeutics against\n"
    "\n"
    "mesothelin-expressing tumors.\n"
    "About Acme Bio, Inc.\n"
    "\n"
    "- first bullet stays a bullet\n"
    "- second bullet stays too\n"
)


def test_hard_wrapped_prose_is_joined_and_short_lines_are_kept():
    paragraphs = clean_text(WRAPPED).split("\n\n")
    assert paragraphs[0] == "Acme Bio Earns Milestone"
    assert paragraphs[1] == "- Event triggers $2 million payment -"
    assert paragraphs[2].startswith("BOSTON, Jun 14, 2011 (BUSINESS WIRE) -- Acme Bio, Inc. (Nasdaq: ACME), a biotechnology")
    assert paragraphs[2].endswith("triggers a $2 million milestone payment to Acme Bio.")
    assert "\n" not in paragraphs[2]
    assert paragraphs[3].endswith("anticancer therapeutics against mesothelin-expressing tumors.")
    assert paragraphs[4:] == ["About Acme Bio, Inc.", "- first bullet stays a bullet", "- second bullet stays too"]


def test_wraps_after_figures_dashes_and_before_a_year_are_joined():
    sentences = [
        "Revenues were $4.2 million for the quarter, as compared to $3.1 million a year ago, and include $2.0",
        "million of research and development support fees and $1.3 million of clinical material reimbursement.",
        "",
        "The company expects its net loss for the year to be between $60-64 million and capital expenditures",
        "- all unchanged from previous guidance - to be spent on manufacturing and on the new laboratories in",
        "2012.",
        "Total assets $ 153,805 $137,208",
        "Total liabilities and equity $ 153,805 $137,208",
        "Operating expenses for the quarter were $19.7 million, compared to $16.1 million in the same period",
        "last year, driven by the enrollment of more patients in clinical trials and by the advancement of two",
        "preclinical compounds toward their investigational new drug applications later in the year.",
    ]
    paragraphs = clean_text("Head\n\n" + "\n".join(sentences)).split("\n\n")
    assert paragraphs[1] == " ".join(sentences[:2])
    assert paragraphs[2] == " ".join(sentences[3:6])
    assert paragraphs[3:5] == sentences[6:8]
    assert paragraphs[5] == " ".join(sentences[8:])


def _wrapped_doc(*paragraphs: list[str]) -> str:
    # Enough full-width prose around the case under test for the document to
    # be recognised as wrapped at about 70 columns.
    filler = [
        "The company reported that enrollment in the study continued to grow and",
        "that the independent data monitoring committee recommended the trial go",
        "on as planned, with results from the main cohort expected next year as",
        "guided, and the board approved the budget for the coming fiscal year.",
    ]
    blocks = [filler, *paragraphs, filler]
    return "Acme Reports Results\n\n" + "\n\n".join("\n".join(b) for b in blocks)


@pytest.mark.parametrize("lines, joined", [
    # a line that looks like a number row continues a full line stopping mid-sentence
    (["SCLC is approximately 5.5 months, while median overall survival averages",
      "9-11 months.3,4"], None),
    (["Director, Investor Relations and Corporate Communications or For Media: The",
      "Yates Network, Barbara Yates, 781-258-6153"], None),
    (["Cash and marketable securities at the end of the fiscal year are expected",
      "June 30, 2011 are anticipated to be between $106-110",
      "million, also unchanged from previous guidance."], None),
    # a month abbreviation is not a sentence end; a numbered-looking date goes on
    (["the anticipated FDA decision for TNX-102 SL, with a PDUFA goal date of Aug.",
      "15. If approved, it would be the first new drug class in fifteen years."], None),
    # a long first word (a URL) did not fit on the short line before it
    (["More information is available at our website:",
      "https://www.example.com/investors/press-releases/2011/quarterly-results-fy2011"], None),
    # a dash clause inside a list item
    (["- What the platform found: the first action in each multi-step chain was",
      "- carried out from an authorized segment, so no alert was raised at all."], None),
    # a word broken after its own hyphen keeps the hyphen and loses the space
    (["Revenue on a GAAP basis was $4.2 million and the loss per share on a non-",
      "GAAP basis was $0.12, compared with $0.15 in the same period last year."],
     "Revenue on a GAAP basis was $4.2 million and the loss per share on a non-GAAP basis was $0.12, "
     "compared with $0.15 in the same period last year."),
    # an enumeration run on within the paragraph, wrapped before its first mark
    (["It is one of 70+ brands within the Dynamic Brand Portfolio that delivers:",
      "(1) access to a vast network of wire solutions to reach target markets; (2)",
      "article and editorial syndication to 5,000+ outlets; and (3) social media."], None),
])
def test_wrapped_continuations_are_joined(lines, joined):
    paragraphs = clean_text(_wrapped_doc(lines)).split("\n\n")
    assert (joined or " ".join(lines)) in paragraphs


def test_bullet_run_into_a_wrapped_line_keeps_its_whole_sentence():
    lines = [
        "- Announced the Phase II clinical data for T-DM1 used in combination with",
        "pertuzumab presented in December. \u2022 Roche expects progression-free survival",
        "(PFS) data from the Phase II trial in 3Q2011.",
    ]
    paragraphs = clean_text(_wrapped_doc(lines)).split("\n\n")
    assert "- Roche expects progression-free survival (PFS) data from the Phase II trial in 3Q2011." in paragraphs


@pytest.mark.parametrize("lines", [
    # real bullets after a colon, and items of one list
    ["Highlights of the quarter included the following achievements for the year:",
     "- Revenue of $14.2 million",
     "- all trials enrolling on schedule"],
    # lone number cells of a flattened table follow short label lines
    ["Revenue", "14,200", "12,100", "Net loss", "(3,200)", "(2,900)"],
    # a column header split over two lines
    ["Three Months Ended December 31,", "2010 2009"],
    # a heading after a sentence that ends at the margin, and a quoted sentence is no heading
    ["The company expects to report results from the second cohort in the spring.",
     "About Acme Bio, Inc."],
    # table rows laid out with spaces
    ["Total assets $ 153,805 $137,208", "Total liabilities and equity $ 153,805 $137,208"],
])
def test_wrapped_blocks_that_are_not_continuations_stay_apart(lines):
    paragraphs = clean_text(_wrapped_doc(lines)).split("\n\n")
    for line in lines:
        assert line in paragraphs


def test_a_quoted_sentence_at_the_margin_is_not_a_heading():
    lines = [
        '"The confusion matrix is public and every single attack was detected in time.',
        'The data exists nowhere else."',
    ]
    assert " ".join(lines) in clean_text(_wrapped_doc(lines)).split("\n\n")


def test_wrapped_text_cleans_idempotently():
    raw = _wrapped_doc(
        ["SCLC is approximately 5.5 months, while median overall survival averages", "9-11 months.3,4"],
        ["Revenue", "14,200", "12,100"],
        ["Highlights:", "- Revenue of $14.2 million", "- all trials enrolling"],
    )
    once = clean_text(raw)
    assert clean_text(once) == once


def test_markdown_paragraphs_are_not_treated_as_wrapped():
    raw = "# T\n\n" + "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(8))
    assert clean_text(raw).count("\n\n") == 8


# --- properties -----------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_clean_idempotently(prefix):
    once = seed_text(prefix)
    assert clean_text(once) == once
    assert not re.search(r" +$", once, re.M)
    assert "\n\n\n" not in once
    assert "\\$" not in once


def test_dev_files_clean_idempotently_and_drop_trailers(dev_dir):
    for path in sorted(dev_dir.rglob("*.md")):
        once = clean_text(path.read_text(encoding="utf-8"))
        assert clean_text(once) == once, path.name
        assert "Original/Source Press Release" not in once, path.name
        assert not once.startswith(("#", "\n", " ")), path.name


def test_wrapped_markdown_cleans_idempotently_and_drops_the_trailer(dev_dir):
    # Markdown hard-wrapped as a whole: links and the archive trailer are
    # split over lines and become whole only once the lines are joined.
    import textwrap

    for path in sorted(dev_dir.rglob("*.md"))[::5]:
        raw = path.read_text(encoding="utf-8")
        wrapped = "\n".join(
            part for line in raw.split("\n") for part in (textwrap.wrap(line, 72) if len(line) > 72 else [line])
        )
        once = clean_text(wrapped)
        assert clean_text(once) == once, path.name
        assert "Original/Source Press" not in once, path.name


def test_seed_004_ocr_fixes_and_wrap_joining():
    text = seed_text("004")
    assert "Nasdag" not in text and "(Nasdaq: IMGN)" in text
    assert "ImnmunoGen" not in text
    assert "in Phase III testing through" in text
    assert "WWW." not in text and "www.immunogen.com" in text
    assert "carcinomas. BAY 94-9343" in text and "tumors.!" not in text and "tumors.?" not in text
    first_body = next(p for p in text.split("\n\n") if p.startswith("WALTHAM"))
    assert "\n" not in first_body
    assert first_body.endswith("triggers a $2 million milestone payment to ImmunoGen.")


def test_seed_000_tables_keep_rows_and_dollars_unescaped():
    text = seed_text("000")
    assert "Total assets\t$ 153,805\t$137,208\n" in text
    assert "net loss of $14.2 million" in text
    assert "Revlimid®" in text


def test_seed_002_link_residue_and_page_break_are_repaired():
    text = seed_text("002")
    assert "WALTHAM, Mass.--(BUSINESS WIRE)--ImmunoGen, Inc. (Nasdaq: IMGN)" in text
    assert "<http" not in text and "](#)" not in text
    assert "actual results to differ materially" in text
    assert "- New BLA Expected to be Submitted in Mid-2012 -" in text


def test_sample_deal_release_wrapped_at_90_columns_is_rejoined():
    raw = read_document(SAMPLE_INBOX / "2025-10-02-northwind-licensing-deal.txt").raw_text
    assert max(len(line) for line in raw.splitlines()[2:]) <= 90
    paragraphs = clean_text(raw).split("\n\n")
    terms = next(p for p in paragraphs if p.startswith("Under the terms"))
    assert "\n" not in terms
    assert "up to $610 million in development, regulatory and commercial milestone payments" in terms
    assert terms.endswith("Northwind retains all rights to NWX-101 outside Europe.")
    assert "About Northwind Therapeutics, Inc." in paragraphs

