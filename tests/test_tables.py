"""Statement tables -> facts: the scrambled seed 000 exactly, and every other shape."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts
from tests.conftest import seed_path

Q10, Q09 = (date(2010, 10, 1), date(2010, 12, 31)), (date(2009, 10, 1), date(2009, 12, 31))
H10, H09 = (date(2010, 7, 1), date(2010, 12, 31)), (date(2009, 7, 1), date(2009, 12, 31))
COLS = [(Q10, 3), (Q09, 3), (H10, 6), (H09, 6)]

# concept -> (label, printed figures in thousands for the four columns), top-down
SEED_OPERATIONS = [
    ("ResearchAndDevelopmentSupportRevenue", "Research and development support", [2005, 1283, 3500, 2065]),
    ("LicenseAndMilestoneFeesRevenue", "License and milestone fees", [866, 827, 2676, 2658]),
    ("ClinicalMaterialsReimbursementRevenue", "Clinical materials reimbursement", [1307, 998, 1413, 1484]),
    ("Revenues", "Total revenues", [4178, 3108, 7589, 6207]),
    ("ResearchAndDevelopmentExpense", "Research and development", [16004, 12211, 29429, 24399]),
    ("GeneralAndAdministrativeExpense", "General and administrative", [3688, 3886, 7052, 7478]),
    ("OperatingExpenses", "Total operating expenses", [19692, 16097, 36481, 31877]),
    ("OperatingIncomeLoss", "Loss from operations", [-15514, -12989, -28892, -25670]),
    ("NonoperatingIncomeExpense", "Other income (expense), net", [1281, -19, 1771, 125]),
    ("IncomeLossBeforeIncomeTaxes", "Loss before taxes", [-14233, -13008, -27121, -25545]),
    ("IncomeTaxExpenseBenefit", "(Benefit)/provision for income taxes", [0, 0, 0, -162]),
    ("NetIncomeLoss", "Net loss", [-14233, -13008, -27121, -25383]),
]
SEED_BALANCE = [
    ("CashCashEquivalentsAndMarketableSecurities", [128486, 110298]),
    ("OtherAssets", [25319, 26910]),
    ("Assets", [153805, 137208]),
    ("LiabilitiesCurrent", [10738, 13822]),
    ("DeferredRevenueAndOtherLiabilitiesNoncurrent", [64890, 21338]),
    ("StockholdersEquity", [78177, 102048]),
    ("LiabilitiesAndStockholdersEquity", [153805, 137208]),
]


def _doc(text: str, doc_id: str = "fx"):
    return prepare(doc_id, text)


def _index(facts):
    return {(f.concept, f.period_end, f.months): f for f in facts}


def _assert_evidence(doc, facts):
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
        assert f.source == "table"
        assert f.section_no == doc.section_no_at(f.char_start)


@pytest.fixture(scope="module")
def seed000():
    path = seed_path("000")
    doc = prepare(path.stem, path.read_text(encoding="utf-8"))
    return doc, extract_table_facts(doc)


def test_seed000_has_exactly_70_figures(seed000):
    doc, facts = seed000
    assert len(facts) == 70
    _assert_evidence(doc, facts)


def test_seed000_statement_of_operations(seed000):
    _, facts = seed000
    idx = _index(facts)
    for row_no, (concept, label, figures) in enumerate(SEED_OPERATIONS):
        for ((start, end), months), printed in zip(COLS, figures):
            f = idx[(concept, end, months)]
            assert f.value == printed * 1000, (concept, end, months)
            assert (f.unit, f.decimals, f.period_start, f.label) == ("USD", -3, start, label)
            assert (f.table_no, f.row_no) == (1, row_no)


def test_seed000_per_share_and_shares(seed000):
    _, facts = seed000
    idx = _index(facts)
    eps = [-0.21, -0.23, -0.40, -0.44]
    shares = [67965, 57156, 67961, 57094]
    for ((start, end), months), e, s in zip(COLS, eps, shares):
        f = idx[("EarningsPerShareBasicAndDiluted", end, months)]
        assert (f.value, f.unit, f.decimals, f.period_start) == (e, "USD/share", 2, start)
        assert f.row_no == 12
        g = idx[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", end, months)]
        assert (g.value, g.unit, g.decimals) == (s * 1000, "shares", -3)
        assert g.row_no == 13


def test_seed000_balance_sheet(seed000):
    _, facts = seed000
    idx = _index(facts)
    dates = [date(2010, 12, 31), date(2010, 6, 30)]
    for row_no, (concept, figures) in enumerate(SEED_BALANCE):
        for d, printed in zip(dates, figures):
            f = idx[(concept, d, 0)]
            assert (f.value, f.unit, f.decimals, f.period_start) == (printed * 1000, "USD", -3, d)
            assert (f.table_no, f.row_no) == (0, row_no)


def test_seed000_evidence_holds_the_printed_figure(seed000):
    _, facts = seed000
    f = _index(facts)[("NetIncomeLoss", date(2010, 12, 31), 3)]
    assert f.evidence.startswith("Net loss") and "14,233" in f.evidence
    g = _index(facts)[("LicenseAndMilestoneFeesRevenue", date(2009, 12, 31), 6)]
    assert "2,658" in g.evidence


# --- other shapes: fixtures written for these tests, numbers invented ---------

TAB_TABLE = """Acme Bio Reports Third Quarter Results

Acme Bio reported revenue growth in the quarter, driven by its lead product.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands, except per share amounts)
\tThree Months Ended\t\tNine Months Ended
\tSeptember 30,\t\tSeptember 30,
\t2025\t2024\t2025\t2024
Revenues:\t\t\t\t
Product revenue, net\t$\t12,400\t$\t9,100\t$\t33,250\t$\t25,010
Collaboration revenue\t\t1,600\t\t900\t\t4,750\t\t2,990
Total revenues\t\t14,000\t\t10,000\t\t38,000\t\t28,000
Operating expenses:\t\t\t\t
Cost of goods sold\t\t2,100\t\t1,500\t\t5,700\t\t4,200
Research and development\t\t20,500\t\t18,250\t\t61,000\t\t55,400
Selling, general and administrative\t\t9,400\t\t8,250\t\t27,300\t\t24,400
Total operating expenses\t\t32,000\t\t28,000\t\t94,000\t\t84,000
Loss from operations\t\t(18,000)\t\t(18,000)\t\t(56,000)\t\t(56,000)
Interest income\t\t1,234.5\t\t800\t\t3,500\t\t2,600
Net loss\t$\t(16,765.5)\t$\t(17,200)\t$\t(52,500)\t$\t(53,400)
Net loss per share, basic and diluted\t$\t(0.32)\t$\t(0.41)\t$\t(1.01)\t$\t(1.27)
Weighted-average shares outstanding, basic and diluted\t\t52,390,114\t\t41,950,332\t\t51,980,001\t\t41,900,010
"""


def test_tab_separated_html_style_table():
    doc = _doc(TAB_TABLE)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    q3, ytd = date(2025, 9, 30), date(2025, 9, 30)
    f = idx[("RevenueFromContractWithCustomerProductRevenue", q3, 3)]
    assert f.value == 12_400_000 and f.period_start == date(2025, 7, 1)
    assert idx[("Revenues", date(2024, 9, 30), 9)].value == 28_000_000
    assert idx[("Revenues", ytd, 9)].period_start == date(2025, 1, 1)
    assert idx[("CostOfRevenue", q3, 3)].value == 2_100_000
    assert idx[("SellingGeneralAndAdministrativeExpense", q3, 3)].value == 9_400_000
    assert idx[("OperatingIncomeLoss", q3, 3)].value == -18_000_000
    i = idx[("InvestmentIncomeInterest", q3, 3)]
    assert (i.value, i.decimals) == (1_234_500, -2)
    assert idx[("NetIncomeLoss", q3, 3)].value == -16_765_500
    eps = idx[("EarningsPerShareBasicAndDiluted", q3, 3)]
    assert (eps.value, eps.unit, eps.decimals) == (-0.32, "USD/share", 2)
    # printed in full: a 52-billion-share company is implausible, so not scaled
    sh = idx[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", q3, 3)]
    assert (sh.value, sh.decimals) == (52_390_114, 0)
    assert len(facts) == 12 * 4


FLAT_TABLE = """Beta Therapeutics Reports Full Year Results

BETA THERAPEUTICS, INC.

CONDENSED CONSOLIDATED BALANCE SHEETS

December 31,

2025

2024

Current assets:

Cash and cash equivalents

$

41,250,300

$

38,100,700

Accounts receivable, net

2,400,100

1,900,000

Prepaid expenses and other current assets

649,600

299,300

44,300,000

40,300,000

Total assets

$

50,000,000

$

47,000,000

Accounts payable

1,250,000

-

Accumulated deficit

(91,000,500

)

(80,250,000

)

"""


def test_flattened_markdown_table():
    doc = _doc(FLAT_TABLE)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    d25, d24 = date(2025, 12, 31), date(2024, 12, 31)
    assert idx[("CashAndCashEquivalentsAtCarryingValue", d25, 0)].value == 41_250_300
    assert idx[("CashAndCashEquivalentsAtCarryingValue", d24, 0)].value == 38_100_700
    assert idx[("AccountsReceivableNetCurrent", d25, 0)].decimals == 0
    # the unlabeled run equals the sum of the current assets above it
    tot = idx[("AssetsCurrent", d25, 0)]
    assert tot.value == 44_300_000 and tot.label == "Total current assets"
    assert idx[("Assets", d24, 0)].value == 47_000_000
    assert idx[("AccountsPayableCurrent", d24, 0)].value == 0
    assert idx[("RetainedEarningsAccumulatedDeficit", d25, 0)].value == -91_000_500
    assert all(f.months == 0 and f.period_start == f.period_end for f in facts)


ALIGNED_TABLE = """Gamma Pharma Fourth Quarter 2024 Results

SELECTED CONSOLIDATED FINANCIAL DATA
(in millions, except per share data)
                                   Year Ended December 31,
                                      2024          2023
Total revenues                    $  1,204.6     $  980.2
Research and development              410.3        388.0
General and administrative            150.1        140.9
Net income                            212.8         98.4
Net income per share - diluted     $    2.31     $   1.07
"""


def test_aligned_columns_in_millions():
    doc = _doc(ALIGNED_TABLE)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    y24 = date(2024, 12, 31)
    rev = idx[("Revenues", y24, 12)]
    assert (rev.value, rev.decimals, rev.period_start) == (1_204_600_000, -5, date(2024, 1, 1))
    assert idx[("NetIncomeLoss", date(2023, 12, 31), 12)].value == 98_400_000
    eps = idx[("EarningsPerShareDiluted", y24, 12)]
    assert (eps.value, eps.unit) == (2.31, "USD/share")
    assert len(facts) == 10


NON_FINANCIAL = """Delta Bio Presents Phase 2 Data

Treatment-emergent adverse events were mostly mild.

Adverse event\tCohort A\tCohort B
\tN=24\tN=26
Nausea\t5\t7
Headache\t3\t4
Fatigue\t2\t6
Total patients\t24\t26

Dose (mg)  Patients  Responders
10         12        4
20         14        7

Market size  2024  2030
Global     $ 4,500  $ 9,800

Shares of the company closed at $12.50 on the Nasdaq.
"""


def test_non_financial_tables_yield_nothing():
    assert extract_table_facts(_doc(NON_FINANCIAL)) == []


def test_prose_only_release_bails_out():
    text = "Epsilon Bio announces a new CEO.\n\nRevenue was $4.2 million in 2024.\n"
    assert extract_table_facts(_doc(text)) == []


REVERSED_LOSS_POSITIVE = """STATEMENTS OF OPERATIONS
(in thousands)
Year Ended December 31, 2024 2023
Net loss\t5,000\t4,000
Loss from operations\t5,500\t4,200
Total operating expenses\t6,500\t5,200
Research and development\t4,000\t3,000
Total revenues\t1,000\t1,000
Revenues:\t\t
"""


def test_reversed_table_and_loss_printed_without_parentheses():
    doc = _doc(REVERSED_LOSS_POSITIVE)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    d = date(2024, 12, 31)
    assert idx[("NetIncomeLoss", d, 12)].value == -5_000_000
    assert idx[("OperatingIncomeLoss", d, 12)].value == -5_500_000
    order = {f.concept: f.row_no for f in facts}
    assert order["Revenues"] < order["ResearchAndDevelopmentExpense"] < order["NetIncomeLoss"]


def test_seed000_on_minimally_cleaned_text():
    """The same 70 figures when only \\$ and CRLF are normalized (no other cleaning)."""
    from pipelines.model import CleanDocument, Section

    path = seed_path("000")
    text = path.read_text(encoding="utf-8").replace("\\$", "$").replace("\r\n", "\n")
    doc = CleanDocument("000", text, [Section(0, "body", None, text, 0, len(text))])
    facts = extract_table_facts(doc)
    assert len(facts) == 70
    _assert_evidence(doc, facts)
    idx = _index(facts)
    assert idx[("NetIncomeLoss", date(2010, 12, 31), 3)].value == -14_233_000
    assert idx[("EarningsPerShareBasicAndDiluted", date(2009, 12, 31), 3)].value == -0.23
    assert idx[("IncomeTaxExpenseBenefit", date(2009, 12, 31), 6)].value == -162_000


# --- column periods and scale -------------------------------------------------

from pipelines.financial.table_periods import find_scale, parse_periods  # noqa: E402


def test_periods_grouped_layout():
    ps = parse_periods("Three Months Ended December 31, 2010 2009 Six Months Ended December 31, 2010 2009", False)
    assert [(p.start, p.end, p.months) for p in ps] == [
        (date(2010, 10, 1), date(2010, 12, 31), 3),
        (date(2009, 10, 1), date(2009, 12, 31), 3),
        (date(2010, 7, 1), date(2010, 12, 31), 6),
        (date(2009, 7, 1), date(2009, 12, 31), 6),
    ]


def test_periods_spanning_layout_and_glued_text():
    ps = parse_periods("Three Months Ended Year Ended September 30, 2025 2024 2025 2024", False)
    assert [p.months for p in ps] == [3, 3, 12, 12]
    assert ps[2].start == date(2024, 10, 1)
    ps = parse_periods("For the Three Months Ended June 30,For the Six Months Ended June 30, 2025202420252024", False)
    assert [(p.end.year, p.months) for p in ps] == [(2025, 3), (2024, 3), (2025, 6), (2024, 6)]


def test_periods_instants_and_unreadable_headers():
    ps = parse_periods("ACCETC December 31, 2010 June 30, 2010", True)
    assert [(p.start, p.end, p.months) for p in ps] == [
        (date(2010, 12, 31), date(2010, 12, 31), 0),
        (date(2010, 6, 30), date(2010, 6, 30), 0),
    ]
    assert parse_periods("September 30, December 31, 2024 2023", True)[1].end == date(2023, 12, 31)
    assert parse_periods("2025 2024", False) is None  # no month-day: not guessed
    assert parse_periods("December 31, 2024 2023", False) is None  # duration unknown
    assert parse_periods("Three Months Ended Nine Months Ended Year Ended June 30, 2025 2024", False) is None


def test_scale():
    assert find_scale("(in thousands, except per share amounts)") == (1000, False)
    assert find_scale("(In thousands, except share and per share amounts)") == (1000, True)
    assert find_scale("U.S. dollars in thousands") == (1000, False)
    assert find_scale("($ in millions)") == (1_000_000, False)
    assert find_scale("Revenue grew in 2024") is None


UNLABELED_AND_RECON = """CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)
\tYear Ended December 31,
\t2024\t2023
Operating expenses:\t\t
Research and development\t$\t7,000\t$\t6,000
General and administrative\t\t3,000\t\t2,500
\t\t10,000\t\t8,500
Loss from operations\t\t(10,000)\t\t(8,500)

Reconciliation of GAAP net loss to non-GAAP net loss
(in thousands)
\tYear Ended December 31,
\t2024\t2023
Net loss\t\t(10,000)\t\t(8,500)
Stock-based compensation\t\t1,200\t\t900
Non-GAAP net loss\t\t(8,800)\t\t(7,600)
"""


def test_unlabeled_total_and_reconciliation_tables():
    doc = _doc(UNLABELED_AND_RECON)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    d = date(2024, 12, 31)
    total = idx[("OperatingExpenses", d, 12)]
    assert total.value == 10_000_000 and total.label == "Total operating expenses"
    assert idx[("OperatingIncomeLoss", d, 12)].value == -10_000_000
    # the non-GAAP reconciliation yields nothing: only one table's facts
    assert {f.table_no for f in facts} == {0}
    assert len(facts) == 8


def test_unlabeled_run_that_is_not_a_sum_is_skipped():
    text = UNLABELED_AND_RECON.replace("\t\t10,000\t\t8,500", "\t\t11,000\t\t8,500")
    facts = extract_table_facts(_doc(text))
    assert ("OperatingExpenses", date(2024, 12, 31), 12) not in _index(facts)


def _raw_doc(text: str):
    """A document whose text is taken as is (cells still aligned with runs of spaces)."""
    from pipelines.model import CleanDocument, Section

    return CleanDocument("raw", text, [Section(0, "body", None, text, 0, len(text))])


def test_aligned_columns_with_gaps_kept():
    text = ALIGNED_TABLE + "Loss on disposal                      (1.5)           -\n"
    doc = _raw_doc(text)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    assert idx[("Revenues", date(2023, 12, 31), 12)].value == 980_200_000
    assert idx[("GeneralAndAdministrativeExpense", date(2024, 12, 31), 12)].evidence.startswith(
        "General and administrative"
    )
    assert idx[("LossOnDisposal", date(2024, 12, 31), 12)].value == -1_500_000
    assert idx[("LossOnDisposal", date(2023, 12, 31), 12)].value == 0


def test_merged_aligned_row_splits_by_cell():
    text = (
        "BALANCE SHEETS\n(in thousands)\n                     December 31, 2024    December 31, 2023\n"
        "Total current assets Other assets   $ 5,000 700    $ 4,000 600\n"
        "Total assets   5,700   4,600\n"
    )
    doc = _raw_doc(text)
    idx = _index(extract_table_facts(doc))
    assert idx[("AssetsCurrent", date(2024, 12, 31), 0)].value == 5_000_000
    assert idx[("OtherAssets", date(2023, 12, 31), 0)].value == 600_000
    assert idx[("Assets", date(2023, 12, 31), 0)].value == 4_600_000


def test_share_counts_printed_in_full_in_a_thousands_table():
    text = (
        "STATEMENTS OF OPERATIONS\n(in thousands, except per share amounts)\n"
        "\tThree Months Ended June 30,\n\t2025\t2024\n"
        "Net loss\t$\t(1,509)\t$\t(182)\n"
        "Net loss per share, basic and diluted\t$\t(0.16)\t$\t(0.02)\n"
        "Weighted average shares outstanding, basic and diluted\t\t9,227,307\t\t9,222,157\n"
    )
    idx = _index(extract_table_facts(_doc(text)))
    sh = idx[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", date(2025, 6, 30), 3)]
    assert (sh.value, sh.decimals) == (9_227_307, 0)
    assert idx[("NetIncomeLoss", date(2025, 6, 30), 3)].value == -1_509_000


def test_html_rows_with_dollar_and_parenthesis_cells():
    text = (
        "Condensed Consolidated Balance Sheets\n(in thousands)\n"
        "\tSeptember 30, 2025\t\tDecember 31, 2024\t\n"
        "Cash and cash equivalents\t$\t52,100\t\t$\t61,000\t\n"
        "Accumulated deficit\t\t(310,450\t)\t\t(290,120\t)\n"
        "Total stockholders' equity\t\t$ -\t\t\t12\t\n"
    )
    doc = _doc(text)
    facts = extract_table_facts(doc)
    _assert_evidence(doc, facts)
    idx = _index(facts)
    assert idx[("CashAndCashEquivalentsAtCarryingValue", date(2025, 9, 30), 0)].value == 52_100_000
    assert idx[("RetainedEarningsAccumulatedDeficit", date(2024, 12, 31), 0)].value == -290_120_000
    assert idx[("StockholdersEquity", date(2025, 9, 30), 0)].value == 0
    assert [f.row_no for f in facts] == [0, 0, 1, 1, 2, 2]


def test_year_in_a_title_and_a_change_column_are_not_periods():
    text = (
        "Q4 2024 FINANCIAL HIGHLIGHTS\n(in thousands)\n"
        "\tDecember 31, 2024\tDecember 31, 2023\tChange\n"
        "Cash and cash equivalents\t$ 10,000\t$ 8,000\t$ 2,000\n"
        "Total assets\t12,000\t9,000\t3,000\n"
    )
    # the Change column after the dated columns is not a period: its figures are left out
    facts = extract_table_facts(_doc(text))
    assert len(facts) == 4 and all("2,000" not in f.evidence or f.value != 2_000_000 for f in facts)
    idx = _index(facts)
    assert idx[("CashAndCashEquivalentsAtCarryingValue", date(2024, 12, 31), 0)].value == 10_000_000
    assert idx[("Assets", date(2023, 12, 31), 0)].value == 9_000_000


def test_extra_figures_without_a_change_header_are_skipped():
    text = (
        "BALANCE SHEETS\n(in thousands)\n"
        "\tDecember 31, 2024\tDecember 31, 2023\n"
        "Cash and cash equivalents\t$ 10,000\t$ 8,000\t$ 2,000\n"
        "Total assets\t12,000\t9,000\n"
    )
    facts = extract_table_facts(_doc(text))
    assert {f.concept for f in facts} == {"Assets"}
