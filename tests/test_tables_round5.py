"""Statement tables, round 5: a bank summary flattened into one paragraph whose
income statement prints dates only, and a one-cell-per-line fiscal-year snapshot.
All text is invented."""

from __future__ import annotations

from datetime import date

from tests.table_text import per_line, table_values

S24, S23 = date(2024, 9, 30), date(2023, 9, 30)

_BANK = (
    "ORCHARD VALLEY BANCORP - (Wire) - October 20, 2024 - Orchard Valley Bancorp announces results for the "
    "quarter ending September 30, 2024.\n\n"
    "   Orchard Valley Bank  Financial Summary  For Quarter Ending September 30, 2024        "
    "BALANCE SHEET September 30,        2024 2023  ASSETS        Cash & Cash Equivalents  $   12,500,000  $   11,000,000"
    "    Gross Loans                   90,000,000                   80,000,000"
    "    Other Assets                   7,500,000                   9,000,000"
    "      TOTAL ASSETS  $   110,000,000  $   100,000,000             LIABILITIES        Deposits  $   95,000,000  $   86,500,000"
    "      TOTAL LIABILITIES  $   95,000,000  $   86,500,000             SHAREHOLDER CAPITAL/EQUITY"
    "        Total Stock, Equity, Retained Earnings  $   13,800,000  $   12,400,000"
    "    Net Income  $   1,200,000  $   1,100,000      TOTAL EQUITY/CAPITAL  $   15,000,000  $   13,500,000"
    "               TOTAL LIABILITIES & CAPITAL/EQUITY  $   110,000,000  $   100,000,000"
    "                                STATEMENT OF INCOME AND EXPENSE            September 30,        2024 2023"
    "    Total Interest Income  $   4,000,000  $   3,600,000    Total Interest Expense      (1,000,000)      (900,000)"
    "      NET INTEREST INCOME  $   3,000,000  $   2,700,000"
    "    Total Other Non-Interest Income  $   300,000  $   250,000"
    "    Provision for Loan Loss      (100,000)      (50,000)"
    "      INCOME BEFORE TAXES  $   1,700,000  $   1,560,000    Income Tax Expense  $   (500,000)  $   (460,000)"
    "      NET INCOME  $   1,200,000  $   1,100,000"
    "                FINANCIAL RATIOS        Return on Average Assets (ROAA) 1.10% 1.05%"
    "    Net Income - Quarter  $   420,000  $   390,000    Earnings Per Share (Basic) - Quarter  $   0.42  $   0.39"
    "    Earnings Per Share (Basic) - YTD  $   1.20  $   1.10\n\n"
    "Contact: Investor Relations"
)


def test_equity_net_income_dates_the_income_statement_year_to_date():
    v = table_values(_BANK)
    # the equity line is an instant: total equity less the line above it
    assert v[("NetIncomeLossInEquity", S24, 0)] == 1_200_000
    assert v[("NetIncomeLossInEquity", S23, 0)] == 1_100_000
    assert v[("Assets", S24, 0)] == 110_000_000
    # the income statement's net income equals it: nine months to September 30
    assert v[("NetIncomeLoss", S24, 9)] == 1_200_000
    assert v[("NetIncomeLoss", S23, 9)] == 1_100_000
    assert v[("NetInterestIncome", S24, 9)] == 3_000_000
    assert v[("IncomeTaxExpenseBenefit", S23, 9)] == 460_000
    # title-case and hyphenated labels are whole labels, not seams between rows
    assert v[("TotalOtherNonInterestIncome", S24, 9)] == 300_000
    assert v[("ProvisionForLoanLoss", S23, 9)] == -50_000
    # the ratios block after the statement is not read as its lines
    assert not any(m in (3, 9) and val in (420_000, 0.42, 1.2) for (_, _, m), val in v.items())
    assert all(m in (0, 9) for (_, _, m) in v)


def test_income_statement_dates_alone_without_equity_line_stay_unread():
    text = _BANK.replace("    Net Income  $   1,200,000  $   1,100,000      TOTAL EQUITY", "      TOTAL EQUITY")
    v = table_values(text)
    assert ("Assets", S24, 0) in v
    assert not any(m for (_, _, m) in v)


def test_equity_line_that_does_not_add_up_is_not_read():
    text = _BANK.replace("TOTAL EQUITY/CAPITAL  $   15,000,000", "TOTAL EQUITY/CAPITAL  $   15,100,000")
    v = table_values(text)
    assert ("NetIncomeLossInEquity", S24, 0) not in v
    assert not any(m for (_, _, m) in v)


_LETTER = (
    "Kestrel Holdings reports its 2025 fiscal year-ended June 30, 2025 results to shareholders.\n\n"
    "Dear shareholders, as we close the year we want to update you on our business. This letter is no "
    "substitute for our filings; some of it is opinion, and the forward-looking statements notice applies.\n\n"
    + per_line(
        "Kestrel Holdings Financial Snapshot 2025",
        "Profit and Loss",
        "Revenue",
        "$4,000,000",
        "Cost of Goods",
        "2,500,000",
        "Gross Profit",
        "$1,500,000",
        "G & A",
        "1,100,000",
        "Net Operating Income",
        "$400,000",
        "Other Income",
        "$50,000",
        "Net Income",
        "$450,000",
        "Balance Sheets",
        "Current Assets",
        "$1,800,000",
        "Long-term Assets",
        "200,000",
        "Total Assets",
        "$2,000,000",
        "Current Liabilities",
        "$300,000",
        "Long-term Liabilities",
        "0",
        "Total Liabilities",
        "$300,000",
    )
    + "\n\nWe thank you for your support, which has carried us through the year."
)
J25 = date(2025, 6, 30)


def test_snapshot_column_is_the_stated_fiscal_year():
    v = table_values(_LETTER)
    assert v[("Revenues", J25, 12)] == 4_000_000
    assert v[("CostOfRevenue", J25, 12)] == 2_500_000
    assert v[("GeneralAndAdministrativeExpense", J25, 12)] == 1_100_000
    assert v[("NetOperatingIncome", J25, 12)] == 400_000
    # "Other Income" takes operating income to net income: a part of that step
    assert v[("OtherIncome", J25, 12)] == 50_000
    assert v[("NetIncomeLoss", J25, 12)] == 450_000
    assert v[("AssetsCurrent", J25, 0)] == 1_800_000
    assert v[("LongTermLiabilities", J25, 0)] == 0
    assert v[("Liabilities", J25, 0)] == 300_000


def test_snapshot_without_a_stated_year_end_or_with_a_quarter_stays_unread():
    assert table_values(_LETTER.replace("fiscal year-ended June 30, 2025", "fiscal year")) == {}
    assert table_values(_LETTER.replace("Snapshot 2025", "Snapshot Q4 2025")) == {}
    # a year still "ending": its figures may be projections
    assert table_values(_LETTER.replace("year-ended June 30", "year-ending June 30")) == {}
    # a year other than the one the release says ended
    assert table_values(_LETTER.replace("Snapshot 2025", "Snapshot 2024")) == {}


def test_gross_profit_that_contradicts_its_lines_is_left_out_with_them():
    v = table_values(_LETTER.replace("$1,500,000", "$1,500,900"))
    assert not any(c in ("Revenues", "CostOfRevenue", "GrossProfit") for (c, _, _) in v)
    assert v[("NetIncomeLoss", J25, 12)] == 450_000
