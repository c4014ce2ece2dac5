"""Whole tables flattened onto one line (newswire markdown exports).

The fixture (``tests/fixtures/tables/glued_one_line.txt``, numbers invented and
consistent) glues rows to each other ("10,912Royalty"), labels to figures
("revenues$ 4,100"), parentheses to figures ("410(10)850(270)") and, in one
row, figures to figures ("4,1603,64012,05010,620"): the thousands groups allow
one reading only (4,160 | 3,640 | 12,050 | 10,620), so that row is read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts

FIXTURE = Path(__file__).parent / "fixtures" / "tables" / "glued_one_line.txt"
Q25, Q24, N25, N24 = (date(2025, 9, 30), 3), (date(2024, 9, 30), 3), (date(2025, 9, 30), 9), (date(2024, 9, 30), 9)
S25, D24 = (date(2025, 9, 30), 0), (date(2024, 12, 31), 0)


@pytest.fixture(scope="module")
def glued():
    doc = prepare("glued", FIXTURE.read_text(encoding="utf-8"))
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
    return {(f.concept, *f_key(f)): f for f in facts}, facts


def f_key(f):
    return (f.period_end, f.months)


def _v(idx, concept, col):
    return idx[(concept, *col)].value


def test_statement_of_operations_from_one_line(glued):
    idx, _ = glued
    assert _v(idx, "RevenueFromContractWithCustomerProductRevenue", Q25) == 4_100_000
    assert _v(idx, "RevenueFromContractWithCustomerProductRevenue", N24) == 10_500_000
    assert _v(idx, "CostOfRevenue", Q24) == 1_400_000
    assert _v(idx, "GrossProfit", N25) == 7_350_000
    assert _v(idx, "SellingGeneralAndAdministrativeExpense", Q24) == 2_000_000
    assert _v(idx, "ResearchAndDevelopmentExpense", N25) == 700_000
    assert _v(idx, "OperatingExpenses", N24) == 6_790_000
    # "410(10)850(270)": figures glued by their parentheses
    assert [_v(idx, "OperatingIncomeLoss", c) for c in (Q25, Q24, N25, N24)] == [410_000, -10_000, 850_000, -270_000]
    assert [_v(idx, "InterestExpense", c) for c in (Q25, Q24, N25, N24)] == [0, 0, 2_000, 3_000]
    assert _v(idx, "InvestmentIncomeInterest", N25) == 80_000
    assert _v(idx, "NonoperatingIncomeExpense", Q24) == 25_000
    assert _v(idx, "IncomeLossBeforeIncomeTaxes", N24) == -220_000
    assert [_v(idx, "NetIncomeLoss", c) for c in (Q25, Q24, N25, N24)] == [410_000, 15_000, 870_000, -220_000]
    eps = idx[("EarningsPerShareBasic", *N24)]
    assert (eps.value, eps.unit, eps.decimals) == (-0.02, "USD/share", 2)
    sh = idx[("WeightedAverageNumberOfSharesOutstandingBasic", *Q25)]
    assert (sh.value, sh.decimals) == (10_250_000, 0)  # printed in full: "except share ... amounts"
    assert idx[("NetIncomeLoss", *Q25)].fiscal_label == "3QFY2025"


def test_income_tax_printed_as_a_deduction_is_an_expense(glued):
    # "Income tax expense (20)": pre-tax 430 - net 410 = 20 of expense (XBRL positive)
    idx, _ = glued
    assert [_v(idx, "IncomeTaxExpenseBenefit", c) for c in (Q25, Q24, N25, N24)] == [20_000, 0, 40_000, 0]


def test_unreadable_and_ambiguous_rows_are_left_out(glued):
    idx, facts = glued
    # "Total net revenues 4,1603,64012,05010,620": one reading of the thousands groups
    assert [_v(idx, "Revenues", c) for c in (Q25, Q24, N25, N24)] == [4_160_000, 3_640_000, 12_050_000, 10_620_000]
    # A bare "Other income" line under "Other income (expense):" is one part of the block
    # that "Total other income (expense), net" closes: a company line, as printed
    assert [_v(idx, "OtherIncome", c) for c in (Q25, Q24, N25, N24)] == [-10_000, 5_000, -18_000, -7_000]
    # the figures glued to the label before it do not stop "Cost of goods sold" from being read
    cogs = idx[("CostOfRevenue", *Q25)]
    assert (cogs.value, cogs.label) == (1_600_000, "Cost of goods sold")
    assert cogs.evidence.startswith("Cost of goods sold")


def test_balance_sheet_from_one_line(glued):
    idx, _ = glued
    assert _v(idx, "CashAndCashEquivalentsAtCarryingValue", S25) == 3_000_000
    assert _v(idx, "AccountsReceivableNetCurrent", D24) == 1_300_000
    assert _v(idx, "InventoryNet", S25) == 2_900_000
    assert _v(idx, "AssetsCurrent", D24) == 6_500_000
    assert _v(idx, "Goodwill", S25) == 750_000
    assert _v(idx, "Assets", S25) == 8_300_000
    assert _v(idx, "AccountsPayableCurrent", D24) == 350_000
    assert _v(idx, "LiabilitiesCurrent", S25) == 700_000
    assert _v(idx, "Liabilities", D24) == 680_000
    # "Common stock, $.001 par value; 40,000,000 shares authorized; ... respectively 10 10":
    # the figures inside the label stay in the label
    assert _v(idx, "CommonStock", S25) == 10_000
    assert _v(idx, "PreferredStock", D24) == 0
    assert _v(idx, "AdditionalPaidInCapital", S25) == 150_000_000
    assert _v(idx, "RetainedEarningsAccumulatedDeficit", D24) == -142_280_000
    assert _v(idx, "StockholdersEquity", S25) == 7_600_000
    assert _v(idx, "LiabilitiesAndStockholdersEquity", D24) == 7_410_000


def test_projection_table_yields_nothing(glued):
    _, facts = glued
    assert not [f for f in facts if f.period_end == date(2025, 12, 31)]
    assert not [f for f in facts if "Projected" in f.evidence or "Increase" in f.evidence]


def test_exact_fact_count(glued):
    _, facts = glued
    # operations: 18 rows, 4 columns; balance sheet: 17 rows, 2 columns; the
    # projection table: nothing
    by_table = {}
    for f in facts:
        by_table[f.table_no] = by_table.get(f.table_no, 0) + 1
    assert by_table == {0: 4 * 18, 1: 2 * 17}
