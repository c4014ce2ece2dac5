"""Undated "increased from $A to $B" changes under a results heading (fictional releases)."""

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts

_HEAD = """# Zentorix Labs Reports {title} Financial Results

BOSTON, {date} -- Zentorix Labs, Inc. (NASDAQ: ZTRX) today reported financial results for the {span}.

{title} Financial Results

"""


def _facts(title: str, date: str, span: str, body: str) -> set:
    doc = prepare("zentorix", _HEAD.format(title=title, date=date, span=span) + body)
    return {(f.concept, str(f.period_end), f.months, f.value) for f in extract_text_facts(doc)}


def test_year_change_places_both_years():
    got = _facts("Full Year 2024", "March 20, 2025", "year ended December 31, 2024",
                 "Research and development expenses increased from $12.4 million to $15.1 million, "
                 "driven by the Phase 2 trial of ZTX-101.\n")
    assert ("ResearchAndDevelopmentExpense", "2024-12-31", 12, 15100000.0) in got
    assert ("ResearchAndDevelopmentExpense", "2023-12-31", 12, 12400000.0) in got


def test_quarter_change_needs_year_over_year_wording():
    body = "Research and development expenses increased from $3.1 million to $4.2 million.\n"
    got = _facts("First Quarter 2025", "May 12, 2025", "quarter ended March 31, 2025", body)
    assert ("ResearchAndDevelopmentExpense", "2025-03-31", 3, 4200000.0) in got
    assert not any(f[1] == "2024-03-31" for f in got)  # could be the quarter before
    got = _facts("First Quarter 2025", "May 12, 2025", "quarter ended March 31, 2025",
                 "Research and development expenses increased from $3.1 million to $4.2 million year over year.\n")
    assert ("ResearchAndDevelopmentExpense", "2024-03-31", 3, 3100000.0) in got


def test_misprinted_scale_is_left_out():
    got = _facts("Full Year 2024", "March 20, 2025", "year ended December 31, 2024",
                 "Research and development expenses increased from $1.300 million to $3,518 million.\n")
    assert not any(f[0] == "ResearchAndDevelopmentExpense" for f in got)
