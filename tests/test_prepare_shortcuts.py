"""The cheap pre-checks and shortcuts of clean/sections/docmeta give exactly
what the full rules give (fictional releases)."""

from __future__ import annotations

import pytest

from pipelines.clean import SPACE_RUN, clean_text
from pipelines.docmeta import classify, describe
from pipelines.model import CleanDocument
from pipelines.sections import (
    CORPORATE_SUFFIX,
    MAX_DATELINE_CHARS,
    PARAGRAPH,
    SUFFIX_REACH,
    _may_hold_dateline,
    _opening_markers,
    _opening_markers_in_lowered,
    split_sections,
)
from pipelines.text_dates import DATELINE

DATELINES = [
    "BOSTON, Mass., May 4, 2023 (GLOBE NEWSWIRE) -- Quillfen Bio today reported",
    "SAN DIEGO--(BUSINESS WIRE)--Marrowlake Therapeutics, Inc. announced",
    "CAMBRIDGE, England / Oakridge Wire / 12 March 2021 / Vantorix plc said",
    "May 4, 2023 -- Quillfen Bio today reported",
    "2024-06-30: Hollowbrook Pharma reported",
    "TORONTO, ON, June 28, 2024 10:45 - Eldergate announced",
]
NOT_DATELINES = [
    "Quillfen Bio today reported results from its trial of QF-101 in adults.",
    "About Marrowlake Therapeutics",
    "Investors and media: please call the company at its main office.",
    "The Study Enrolled Patients In Three Countries: Results Follow",
]


@pytest.mark.parametrize("paragraph", DATELINES + NOT_DATELINES)
def test_dateline_precheck_never_rules_out_a_dateline(paragraph):
    if DATELINE.match(paragraph, 0, MAX_DATELINE_CHARS):
        assert _may_hold_dateline(paragraph)


def test_dateline_precheck_rules_out_plain_paragraphs():
    assert all(DATELINE.match(p, 0, MAX_DATELINE_CHARS) for p in DATELINES)
    assert not _may_hold_dateline("Quillfen Bio today reported results from its study")
    assert not _may_hold_dateline("About Marrowlake Therapeutics")


@pytest.mark.parametrize("heading", [
    "About Marrowlake Biologics Corporation.", "About Vantorix S.A.", "About Eldergate (Holdings) Ltd.)",
    "About Zinc.", "Results of Quillfen Inc.", "A Very Long Heading That Ends Without Any Corporate Form At All.",
    "About Hollowbrook A/S.", "Inc.",
])
def test_corporate_suffix_searched_in_the_tail_only(heading):
    full = CORPORATE_SUFFIX.search(heading)
    tail = CORPORATE_SUFFIX.search(heading, max(0, len(heading) - SUFFIX_REACH))
    assert (full and full.span()) == (tail and tail.span())


def test_space_runs_collapse_to_one_space():
    assert SPACE_RUN.sub(" ", "a  b   c d    e") == "a b c d e"
    assert clean_text("Quillfen  Bio   reported   results.") == "Quillfen Bio reported results."


MARKER_TEXT = (
    "Quillfen Bio Reports Phase 2 Data\n\n"
    "Forward-Looking Statements\n\n"
    "This press release contains forward-looking statements about QF-101.\n\n"
    "Safe harbor statement under the Private Securities Litigation Reform Act.\n\n"
    "QUILLFEN is a registered trademark of Quillfen Bio, Inc.\n\n"
    + "Quillfen Bio develops medicines for rare kidney diseases. " * 6 + "\n\n"
    "Cautionary note: results may differ. " + "More words follow here. " * 12
)


def test_opening_markers_agree_with_markers_read_off_the_lowered_text():
    text = clean_text(MARKER_TEXT)
    spans = [m.span() for m in PARAGRAPH.finditer(text)]
    paragraphs = [text[start:end] for start, end in spans]
    direct: dict[int, str] = {}
    lowered: dict[int, str] = {}
    _opening_markers(text, spans, paragraphs, direct)
    _opening_markers_in_lowered(text.lower(), spans, paragraphs, lowered)
    assert direct == lowered
    kinds = {text[spans[i][0]:spans[i][1]][:20]: kind for i, kind in direct.items()}
    assert kinds == {
        "Forward-Looking Stat": "forward_looking",
        "Safe harbor statemen": "forward_looking",
        "QUILLFEN is a regist": "footnotes",
        "Cautionary note: res": "forward_looking",
    }


def test_doc_type_with_title_combination_and_scored_keywords():
    assert classify(
        "Quillfen Bio Reports Third Quarter 2025 Financial Results",
        "Quillfen Bio, a clinical-stage biotechnology company developing therapies for patients with "
        "kidney disease, reported revenue and net loss for the quarter ended September 30, 2025.",
    ) == "earnings"
    assert classify("Quillfen Bio Reports Results of Annual General Meeting", "The drug trial patients vote.") != "earnings"


def test_describe_reads_headline_first():
    text = clean_text(
        "Quillfen Bio Doses First Patient in Phase 2 Trial of QF-101\n\n"
        "BOSTON, Mass., May 4, 2023 (GLOBE NEWSWIRE) -- Quillfen Bio, Inc. (Nasdaq: QFB) today announced "
        "that the first patient was dosed in its Phase 2 clinical trial of QF-101 for patients with kidney disease."
    )
    doc = CleanDocument(doc_id="q", text=text, sections=split_sections(text))
    describe(doc)
    assert doc.title == "Quillfen Bio Doses First Patient in Phase 2 Trial of QF-101"
    assert str(doc.release_date) == "2023-05-04"
    assert (doc.company, doc.ticker, doc.exchange) == ("Quillfen Bio, Inc.", "QFB", "NASDAQ")
    assert doc.doc_type == "clinical"
