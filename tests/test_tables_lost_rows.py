"""Rows the archive's statements used to lose (``tests/fixtures/tables/lost_rows.py``,
numbers invented and consistent): every printed figure must come out exactly,
and nothing else.

* equity lines whose labels carry share counts and par values ("Preferred
  Stock: $0.0001 par value; 5,000,000 shares authorized, ..."): the counts are
  not amounts, "Preferred Stock:" is not a heading;
* headings glued to the first label ("Shareholders' equity: Preferred stock",
  "LIABILITIESDeposits", "Other Income (Expense) Interest expense: ...");
* dashes glued to the label before them ("related party- 501"), a cell whose
  figure is missing ("$$ 12,912"), figures run together ("1,017,6592,878,437");
* company lines that are parts of a total ("Other income" above "Total Other
  Income (Expense)") get a concept named from their label.
"""

from __future__ import annotations

import pytest

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts
from tests.fixtures.tables import lost_rows as L

CASES = {
    "equity_flat": (L.equity_flat, L.EQUITY_FLAT_EXPECTED),
    "glued_equity": (L.glued_equity, L.GLUED_EQUITY_EXPECTED),
    "glued_runs": (L.glued_runs, L.GLUED_RUNS_EXPECTED),
    "aligned_share_counts": (L.aligned_share_counts, L.ALIGNED_EXPECTED),
}


def _facts(name):
    doc = prepare(name, CASES[name][0]())
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
    return doc, facts


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_printed_figure_exactly_and_nothing_else(name):
    _, facts = _facts(name)
    got = {}
    for f in facts:
        key = (f.concept, f.period_end, f.months)
        assert got.setdefault(key, f.value) == f.value, key
    assert got == CASES[name][1]


def test_share_counts_in_labels_are_not_amounts():
    _, facts = _facts("equity_flat")
    values = {f.value for f in facts}
    assert not values & {5_000_000, 100_000_000, 15_000_000, 14_000_000, 50_000}
    common = next(f for f in facts if f.concept == "CommonStock" and f.period_end == L.D25[0])
    assert common.label.startswith("Common Stock") and common.unit == "USD"


def test_glued_figures_have_their_own_evidence():
    # "1,017,6592,878,437": the row does not show each figure on its own, so a
    # glued figure's evidence is the label and the figure, or the figure alone
    _, facts = _facts("glued_runs")
    sm = {(f.period_end.year, f.months): f for f in facts if f.concept == "SellingAndMarketingExpense"}
    assert sm[(2025, 3)].evidence == "Sales and marketing1,495,710 1,017,6592,878,4372,072,800"  # a figure of its own
    assert sm[(2024, 3)].evidence == "Sales and marketing1,495,710 1,017,659"
    assert sm[(2025, 6)].evidence == "2,878,437"
    assert sm[(2024, 6)].evidence == "2,072,800"


def test_current_and_noncurrent_lines_of_one_name():
    # "Operating lease liability" under "Current liabilities:" and under
    # "Non-current liabilities:" are two lines
    text = L.HEAD + (
        "BALANCE SHEETS\n\nJune 30, 2025\n\nDecember 31, 2024\n\n"
        "Current liabilities:\n\nTrade payables\n\n136\n\n315\n\nOperating lease liability\n\n468\n\n527\n\n"
        "Total current liabilities\n\n604\n\n842\n\nNon-current liabilities:\n\nOperating lease liability\n\n"
        "1,163\n\n1,476\n\nTotal liabilities\n\n1,767\n\n2,318\n"
    )
    facts = extract_table_facts(prepare("ol", text))
    got = {(f.concept, f.period_end): f.value for f in facts}
    assert got[("OperatingLeaseLiabilityCurrent", L.D25[0])] == 468
    assert got[("OperatingLeaseLiabilityNoncurrent", L.D24[0])] == 1_476
    assert got[("LiabilitiesCurrent", L.D24[0])] == 842


def test_figures_that_cannot_be_separated_are_left_out():
    # "1,234567" (a figure without separators glued on) and "252208" cannot be split
    text = L.HEAD + (
        "CORVANE HOLDINGS, INC. STATEMENTS OF OPERATIONS Three Months Ended June 30, 2025 2024 "
        "Revenue $ 5,000 $ 4,000 Research and development 1,234567 General and administrative 252208 "
        "Total operating expenses 1,801 1,775 Net loss $ (1,801) $ (1,775)\n"
    )
    facts = extract_table_facts(prepare("bad", text))
    assert not [f for f in facts if f.concept in ("ResearchAndDevelopmentExpense", "GeneralAndAdministrativeExpense")]
    assert {f.value for f in facts if f.concept == "OperatingExpenses"} == {1_801, 1_775}
