"""Statement tables, third round: headers split between title and header line,
dash cells glued to labels and figures, acronyms glued to figures, and tables
in other currencies. All text is invented; the figures add up."""

from __future__ import annotations

from datetime import date

from pipelines.document import prepare
from pipelines.financial.table_lines import _tokens
from pipelines.financial.table_periods import currencies, find_scale
from pipelines.financial.tables import extract_table_facts


def _facts(text: str):
    doc = prepare("t", text)
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
    return {(f.concept, f.period_end, f.months): f for f in facts}


def _tok(line: str) -> list[str]:
    return [t.group(0) for t in _tokens(line)]


# --- the first column's heading printed on the title's line ---

TITLE_COLUMN = """Quillmark Gaming Inc. reports third quarter results

Quillmark Gaming Inc. and Subsidiaries Consolidated Balance Sheets     As of  September 30, 2025 (Unaudited)

As of December 31, 2024 (Audited)

 ASSETS Current assets: Cash and cash equivalents$ 2,150,000$ 3,010,000 Accounts receivable, net 850,000 640,000 Total current assets 3,000,000 3,650,000 Property and equipment, net 1,000,000 1,100,000 Total assets$ 4,000,000$ 4,750,000 LIABILITIES AND SHAREHOLDERS' EQUITY Current liabilities: Accounts payable 700,000 900,000 Total liabilities 700,000 900,000 Total shareholders' equity 3,300,000 3,850,000 Total liabilities and equity$ 4,000,000$ 4,750,000
"""


def test_title_tail_is_first_column():
    idx = _facts(TITLE_COLUMN)
    s25, d24 = (date(2025, 9, 30), 0), (date(2024, 12, 31), 0)
    assert idx[("CashAndCashEquivalentsAtCarryingValue", *s25)].value == 2_150_000
    assert idx[("CashAndCashEquivalentsAtCarryingValue", *d24)].value == 3_010_000
    assert idx[("Assets", *s25)].value == 4_000_000
    assert idx[("Assets", *d24)].value == 4_750_000


# --- dash cells glued to their neighbours ---


def test_dash_before_parenthesized_figure_is_a_cell():
    assert _tok("operations-(20,712)Accretion") == ["operations", "-", "(20,712)", "Accretion"]


def test_dash_between_figure_and_next_label():
    assert _tok("stock7,721-Tax payments") == ["stock", "7,721", "-", "Tax", "payments"]


def test_day_first_date_is_not_cut():
    assert _tok("31-Dec-24 31-Dec-23") == ["31-Dec-24", "31-Dec-23"]


def test_parenthesized_figure_glued_both_sides():
    assert _tok("Contract assets(79,915)171,358") == ["Contract", "assets", "(79,915)", "171,358"]


def test_acronym_glued_to_figure():
    assert _tok("equity of QGMI121,279,092 105,072,994") == ["equity", "of", "QGMI", "121,279,092", "105,072,994"]
    assert _tok("attributable to QGMI$566,014") == ["attributable", "to", "QGMI", "$566,014"]


def test_currency_prefix_not_cut_as_acronym():
    # "HK$" is a currency, not an acronym glued to "$"
    assert "HK" not in _tok("Revenue HK$1,234 HK$1,000")


def test_minus_is_a_nil_cell_only_where_negatives_are_parenthesized():
    paren = "Provision for credit losses-168,750 Net loss (1,000) (2,000)"
    assert _tok(paren)[:6] == ["Provision", "for", "credit", "losses", "-", "168,750"]
    assert _tok("Provision for credit losses -168,750 Net loss (1,000)")[3:6] == ["losses", "-", "168,750"]
    minus = "Provision for credit losses-168,750 Net loss -1,000 -2,000"
    assert "168,750" not in _tok(minus)  # a minus sign here: no nil cell is made up


CASH_FLOW = """Larkspur Analytics Inc. announces second quarter results

LARKSPUR ANALYTICS INC. CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (UNAUDITED)

For the Six Months Ended June 30, 2025 2024 Revenue$ 5,000,000$ 4,000,000 Net loss$ (300,000)$ (500,000)

LARKSPUR ANALYTICS INC. CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (UNAUDITED)

For the Period Ended June 30, 20252024CASH FLOWS FROM OPERATING ACTIVITIES:   Net loss$ (300,000)$ (500,000)Depreciation and amortization40,000 30,000Provision for credit losses-20,000Accounts receivable(60,000)(45,000) Net cash provided by (used in) operating activities(320,000) (495,000) CASH FLOWS FROM INVESTING ACTIVITIES:   Purchase of equipment (50,000) (70,000)Proceeds from sale of equipment- 10,000 Net cash provided by (used) investing activities (50,000) (60,000) CASH FLOWS FROM FINANCING ACTIVITIES:  Repurchase of common stock7,000-Proceeds from notes 100,000 200,000 Net cash provided by financing activities 107,000 200,000 Net change in cash(263,000) (355,000) Cash and cash equivalents, beginning of period1,263,0001,855,000 Cash and cash equivalents, end of period   $ 1,000,000 $ 1,500,000
"""


def test_glued_dash_cells_let_the_sections_add_up():
    idx = _facts(CASH_FLOW)
    h25, h24 = (date(2025, 6, 30), 6), (date(2024, 6, 30), 6)
    # operating 2024: -500,000 + 30,000 + 20,000 - 45,000 = -495,000
    assert idx[("ProvisionForCreditLossesOperatingCashFlow", *h24)].value == 20_000
    assert idx[("ProvisionForCreditLossesOperatingCashFlow", *h25)].value == 0
    assert idx[("AccountsReceivableOperatingCashFlow", *h24)].value == -45_000
    # "(used)" without "in" is still the investing subtotal: -70,000 + 10,000 = -60,000
    assert idx[("NetCashProvidedByUsedInInvestingActivities", *h24)].value == -60_000
    assert idx[("ProceedsFromSaleOfEquipmentInvestingCashFlow", *h24)].value == 10_000
    # financing 2025: 7,000 + 100,000 = 107,000
    assert idx[("RepurchaseOfCommonStockFinancingCashFlow", *h25)].value == 7_000


# --- currencies ---


def test_currencies_named_by_headers():
    assert currencies("(in thousands of euros, except per share data)") == {"EUR"}
    assert currencies("EUR thousand") == {"EUR"}
    assert currencies("(in millions of RMB)") == {"CNY"}
    assert currencies("£'000") == {"GBP"}
    assert currencies("(in thousands of Canadian dollars)") == {"CAD"}
    assert currencies("HK$ 1,234") == {"HKD"}
    assert currencies("Revenue $ 1,234") == set()
    # names of things that are not the table's money
    assert currencies("Sterling Harbor Bancorp Balance Sheets") == set()
    assert currencies("EURO STOXX 50 index") == set()
    assert currencies("CAD program update") == set()


def test_scales_printed_with_currencies():
    assert find_scale("EUR thousand") == (1000, False)
    assert find_scale("(in € thousands, except per share data)") == (1000, False)
    assert find_scale("RMB'000") == (1000, False)
    assert find_scale("(€000)") == (1000, False)
    assert find_scale("(in millions of RMB)") == (1_000_000, False)


EURO = """Zentara Biologics N.V. reports first half 2025 results

CONSOLIDATED STATEMENT OF PROFIT OR LOSS (in thousands of euros)

| | Six months ended June 30, 2025 | Six months ended June 30, 2024 |
|---|---|---|
| Revenue | €12,345 | €10,100 |
| Research and development expenses | (8,200) | (7,900) |
| General and administrative expenses | (3,100) | (2,800) |
| Operating income | €1,045 | €(600) |
| Net loss | (1,500) | (900) |
| Basic and diluted loss per share (€) | (0.05) | (0.03) |
"""


def test_euro_table_units():
    idx = _facts(EURO)
    h25, h24 = (date(2025, 6, 30), 6), (date(2024, 6, 30), 6)
    rev = idx[("Revenues", *h25)]
    assert (rev.value, rev.unit) == (12_345_000, "EUR")
    assert idx[("Revenues", *h24)].value == 10_100_000
    assert idx[("OperatingIncomeLoss", *h24)].value == -600_000
    eps = idx[("EarningsPerShareBasicAndDiluted", *h25)]
    assert (eps.value, eps.unit) == (-0.05, "EUR/share")
    assert {f.unit for f in idx.values()} == {"EUR", "EUR/share"}


STERLING = """Harrowgate Therapeutics plc interim results

Condensed consolidated income statement

£'000

| | Six months ended 30 June 2025 | Six months ended 30 June 2024 |
|---|---|---|
| Revenue | 4,200 | 3,100 |
| Research and development expenses | (2,000) | (1,800) |
| Operating profit | 700 | 400 |
| Net income | 500 | 300 |
"""


def test_scale_and_currency_above_the_table():
    idx = _facts(STERLING)
    rev = idx[("Revenues", date(2025, 6, 30), 6)]
    assert (rev.value, rev.unit) == (4_200_000, "GBP")


TWO_CURRENCIES = """Jadeport Holdings reports 2024 results

CONSOLIDATED STATEMENTS OF OPERATIONS

| | Year ended December 31, 2024 (RMB) | Year ended December 31, 2024 (US$) |
|---|---|---|
| Revenue | 72,000 | 10,000 |
| Net income | 7,200 | 1,000 |
| Weighted average shares outstanding | 50,000,000 | 50,000,000 |
"""


def test_two_currencies_leave_money_unread():
    idx = _facts(TWO_CURRENCIES)
    assert not any(f.unit not in ("shares",) for f in idx.values())


def test_dollar_table_stays_usd():
    idx = _facts(TITLE_COLUMN)
    assert {f.unit for f in idx.values()} == {"USD"}
