"""One invented biotech release in every table shape we receive -> the same exact facts.

The statements live in ``tests/fixtures/tables/shapes.py`` (numbers made up, internally
consistent); each test renders them in one shape, runs the real cleaner
(``prepare``) and the table extractor, and compares every figure.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts
from pipelines.ingest_html import html_to_text
from tests.fixtures.tables import shapes as S
from tests.conftest import seed_path

SHAPES = {
    "html": lambda: html_to_text(S.html()),
    "aligned": S.aligned,
    "pipes": S.pipes,
    "per_line": S.per_line,
    "one_line": S.one_line,
}


def _facts(text: str, doc_id: str = "fx"):
    doc = prepare(doc_id, text)
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
        assert f.source == "table"
    return doc, facts


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_yields_the_same_exact_facts(shape):
    _, facts = _facts(SHAPES[shape]())
    got = {}
    for f in facts:
        key = (f.concept, f.period_end, f.months)
        # the cash-flow table repeats the net loss of the statement of operations
        assert got.get(key, f.value) == f.value, key
        got[key] = f.value
    assert got == S.expected()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_units_decimals_and_fiscal_labels(shape):
    _, facts = _facts(SHAPES[shape]())
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    q3 = date(2025, 9, 30)
    eps = idx[("EarningsPerShareBasicAndDiluted", q3, 3)]
    assert (eps.unit, eps.decimals, eps.fiscal_label) == ("USD/share", 2, "3QFY2025")
    sh = idx[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", date(2024, 9, 30), 9)]
    assert (sh.unit, sh.decimals, sh.fiscal_label) == ("shares", 0, "9MFY2024")
    rd = idx[("ResearchAndDevelopmentExpense", q3, 3)]
    assert (rd.unit, rd.decimals, rd.period_start) == ("USD", -3, date(2025, 7, 1))
    cash = idx[("CashAndCashEquivalentsAtCarryingValue", date(2024, 12, 31), 0)]
    assert (cash.months, cash.period_start, cash.fiscal_label) == (0, date(2024, 12, 31), None)


def test_wrapped_labels_are_joined_not_misread():
    # "Net loss per share, basic and" / "diluted  $ (0.42)": not diluted EPS;
    # "Weighted-average common shares" / "outstanding, basic and diluted": not a money line.
    _, facts = _facts(S.aligned())
    concepts = {f.concept for f in facts}
    assert "EarningsPerShareDiluted" not in concepts
    assert "WeightedAverageNumberOfDilutedSharesOutstanding" not in concepts
    assert all(f.unit != "USD" or abs(f.value) < 1e9 for f in facts)


def test_seed000_fiscal_labels_follow_the_stated_june_year_end():
    path = seed_path("000")
    _, facts = _facts(path.read_text(encoding="utf-8"), path.stem)
    labels = {(f.period_end, f.months): f.fiscal_label for f in facts}
    assert labels[(date(2010, 12, 31), 3)] == "2QFY2011"
    assert labels[(date(2009, 12, 31), 3)] == "2QFY2010"
    assert labels[(date(2010, 12, 31), 6)] == "6MFY2011"
    assert labels[(date(2009, 12, 31), 6)] == "6MFY2010"
    assert labels[(date(2010, 6, 30), 0)] is None


# --- header shapes ---------------------------------------------------------------

Q_HEADER = """Zeta Bio Reports Third Quarter 2025 Results

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands, except per share data)
\tQ3 2025\tQ3 2024
Collaboration revenue\t$ 3,000\t$ 2,000
Research and development\t10,000\t9,000
General and administrative\t4,000\t3,500
Total operating expenses\t14,000\t12,500
Loss from operations\t(11,000)\t(10,500)
Net loss\t$ (10,200)\t$ (9,900)
"""


def test_quarter_column_headers():
    _, facts = _facts(Q_HEADER)
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    f = idx[("OperatingIncomeLoss", date(2024, 9, 30), 3)]
    assert (f.value, f.period_start, f.fiscal_label) == (-10_500_000, date(2024, 7, 1), "3QFY2024")
    assert idx[("CollaborationRevenue", date(2025, 9, 30), 3)].value == 3_000_000
    assert len(facts) == 12


def test_quarter_columns_of_a_june_fiscal_year():
    text = "Kappa Bio's fiscal year ends June 30.\n\n" + Q_HEADER.replace("Q3 2025", "Q2 2026").replace(
        "Q3 2024", "Q2 2025"
    )
    _, facts = _facts(text)
    f = next(f for f in facts if f.concept == "NetIncomeLoss" and f.value == -10_200_000)
    assert (f.period_start, f.period_end, f.fiscal_label) == (date(2025, 10, 1), date(2025, 12, 31), "2QFY2026")


YEARS_CHANGE = """Eta Pharma Reports Full Year 2024 Results

CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except share and per share data)
For the Years Ended December 31,
2024 2023 Change % Change
License revenue $ 5,000 $ 4,000 $ 1,000 25%
Research and development 20,000 25,000 (5,000) (20)%
General and administrative 8,000 6,000 2,000 33%
Total operating expenses 28,000 31,000 (3,000) (10)%
Loss from operations (23,000) (27,000) 4,000 (15)%
Net loss $ (21,500) $ (26,000) $ 4,500 (17)%
"""


def test_years_ended_with_change_and_percent_columns():
    _, facts = _facts(YEARS_CHANGE)
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    assert len(facts) == 12  # the change columns yield nothing
    rd = idx[("ResearchAndDevelopmentExpense", date(2023, 12, 31), 12)]
    assert (rd.value, rd.period_start, rd.fiscal_label) == (25_000_000, date(2023, 1, 1), "FY2023")
    assert idx[("NetIncomeLoss", date(2024, 12, 31), 12)].value == -21_500_000
    assert idx[("LicenseRevenue", date(2024, 12, 31), 12)].value == 5_000_000


ABBREVIATED_DATES = """Theta Therapeutics Balance Sheet Data

CONDENSED CONSOLIDATED BALANCE SHEET DATA
(in thousands)
\tSep. 30, 2025\tDec. 31, 2024
\t(unaudited)\t
Cash, cash equivalents and marketable securities\t$ 150,000\t$ 190,000
Total assets\t165,000\t204,000
Total liabilities\t25,000\t30,000
Total stockholders' equity\t140,000\t174,000
"""


def test_abbreviated_month_dates_and_unaudited_row():
    _, facts = _facts(ABBREVIATED_DATES)
    idx = {(f.concept, f.period_end, f.months): f.value for f in facts}
    assert idx == {
        ("CashCashEquivalentsAndMarketableSecurities", date(2025, 9, 30), 0): 150_000_000,
        ("CashCashEquivalentsAndMarketableSecurities", date(2024, 12, 31), 0): 190_000_000,
        ("Assets", date(2025, 9, 30), 0): 165_000_000,
        ("Assets", date(2024, 12, 31), 0): 204_000_000,
        ("Liabilities", date(2025, 9, 30), 0): 25_000_000,
        ("Liabilities", date(2024, 12, 31), 0): 30_000_000,
        ("StockholdersEquity", date(2025, 9, 30), 0): 140_000_000,
        ("StockholdersEquity", date(2024, 12, 31), 0): 174_000_000,
    }


# --- what must yield nothing ---------------------------------------------------

CLINICAL = """Lambda Bio Reports Phase 2 Results

| Adverse event | Placebo (N=40) | 10 mg (N=41) | 30 mg (N=42) |
|---|---|---|---|
| Nausea | 4 | 6 | 9 |
| Headache | 3 | 5 | 4 |
| Total patients with an event | 7 | 11 | 13 |

Dose cohort Patients Responders Median PFS (months) Cohort A 12 4 5.6 Cohort B 14 7 8.1 Cohort C 15 9 10.2 Total 41 20 8.0

Production Q3 2025 Q3 2024
Gold ounces produced 12,400 11,900
Silver ounces produced 410,000 395,000
"""


def test_clinical_and_production_tables_yield_nothing():
    assert _facts(CLINICAL)[1] == []


def test_bank_income_statement_lines_are_not_forced_onto_company_concepts():
    text = """Mu Bancorp Reports Results

CONSOLIDATED STATEMENTS OF INCOME
(in thousands)
\tThree Months Ended September 30,
\t2025\t2024
Interest and fees on loans\t$ 12,000\t$ 11,000
Total interest income\t14,000\t13,000
Total interest expense\t5,000\t4,500
Net interest income\t9,000\t8,500
Provision for credit losses\t500\t400
Net income\t$ 2,100\t$ 2,000
"""
    _, facts = _facts(text)
    concepts = {f.concept for f in facts}
    assert "InvestmentIncomeInterest" not in concepts
    assert "Revenues" not in concepts and "OperatingExpenses" not in concepts
    net = [f for f in facts if f.concept == "NetIncomeLoss"]
    assert sorted(f.value for f in net) == [2_000_000, 2_100_000]


PER_LINE_WRAPPED = """Nu Bio Reports Results

STATEMENTS OF OPERATIONS

(in thousands, except per share data)

Three Months Ended June 30,

2025

2024

Net loss

$

(5,000

)

$

(4,000

)

Net loss per share attributable to common stockholders, basic and

diluted

$

(0.25

)

$

(0.20

)

Net loss attributable to common

stockholders

(5,300

)

(4,300

)
"""


def test_label_wrapped_over_two_lines_in_one_cell_per_line_tables():
    _, facts = _facts(PER_LINE_WRAPPED)
    got = {(f.concept, f.period_end): f.value for f in facts}
    assert got == {
        ("NetIncomeLoss", date(2025, 6, 30)): -5_000_000,
        ("NetIncomeLoss", date(2024, 6, 30)): -4_000_000,
        ("EarningsPerShareBasicAndDiluted", date(2025, 6, 30)): -0.25,
        ("EarningsPerShareBasicAndDiluted", date(2024, 6, 30)): -0.20,
        ("NetIncomeLossAvailableToCommonStockholdersBasic", date(2025, 6, 30)): -5_300_000,
        ("NetIncomeLossAvailableToCommonStockholdersBasic", date(2024, 6, 30)): -4_300_000,
    }
