"""Statement shapes added for recall on unseen releases, with invented figures:

* one cell per line with change columns named below the years ("2025 to 2024",
  "% Change"), not in the year header;
* day-first dates as column heads ("31-Dec-25 31-Dec-24", "30 June 2025");
* cash at the beginning / end of a cash-flow column, read as instants only
  where opening + the period's change = closing;
* share-capital lines whose details print dates ("... issued at June 30, 2025
  and December 31, 2024"): a line of the balance sheet, not a new table;
* "Income tax credit (expense)" and "Share-based compensation" lines.
"""

from __future__ import annotations

from datetime import date

from table_text import per_line, table_values


Y25, Y24 = (date(2025, 3, 31), 12), (date(2024, 3, 31), 12)


def test_change_columns_named_under_the_years_are_not_periods():
    text = "Quillmere Health Reports Fiscal 2025 Results\n\n" + per_line(
        "Statement of Operations", "Year Ended March 31,", "2025", "2024", "2025 to 2024", "USD", "USD", "% Change",
        "Revenue", "5,120,400", "4,002,000", "27.9",
        "Cost of revenue", "(3,010,200)", "(2,500,100)", "20.4",
        "Gross profit", "2,110,200", "1,501,900", "40.5",
        "Operating expenses:",
        "Salaries and benefits", "1,200,000", "900,000", "33.3",
        "Share-based compensation", "310,000", "-", "100.0",
        "Total operating expenses", "1,510,000", "900,000", "67.8",
        "Income before income tax", "600,200", "601,900", "(0.3)",
        "Income tax credit (expense)", "(90,000)", "12,000", "(850.0)",
        "Net income", "510,200", "613,900", "(16.9)",
    )
    got = table_values(text)
    assert got[("Revenues", *Y25)] == 5120400.0
    assert got[("Revenues", *Y24)] == 4002000.0
    assert got[("CostOfRevenue", *Y25)] == 3010200.0
    assert got[("ShareBasedCompensationExpense", *Y25)] == 310000.0
    assert got[("ShareBasedCompensationExpense", *Y24)] == 0.0
    assert got[("OperatingExpenses", *Y24)] == 900000.0
    # XBRL sign: an expense is positive, a credit (benefit) negative
    assert got[("IncomeTaxExpenseBenefit", *Y25)] == 90000.0
    assert got[("IncomeTaxExpenseBenefit", *Y24)] == -12000.0
    assert got[("NetIncomeLoss", *Y24)] == 613900.0
    assert not [k for k, v in got.items() if v in (27.9, 20.4, 40.5, 100.0, -850.0)]


def test_day_first_dates_head_balance_sheet_columns():
    text = "Brightfen Group Reports 2025 Results\n\n" + per_line(
        "Consolidated Balance Sheets", "As of", "31-Dec-25", "31-Dec-24",
        "Cash and cash equivalents", "4,210,000", "3,900,500",
        "Total current assets", "6,000,000", "5,100,000",
        "Total assets", "9,500,000", "8,000,000",
        "Total liabilities", "2,500,000", "2,000,000",
    )
    got = table_values(text)
    assert got[("CashAndCashEquivalentsAtCarryingValue", date(2025, 12, 31), 0)] == 4210000.0
    assert got[("CashAndCashEquivalentsAtCarryingValue", date(2024, 12, 31), 0)] == 3900500.0
    assert got[("Assets", date(2024, 12, 31), 0)] == 8000000.0
    assert got[("Liabilities", date(2025, 12, 31), 0)] == 2500000.0


def _cash_flows(opening: tuple[str, str]) -> str:
    return "Tarnwick Bio Reports Third Quarter 2025 Results\n\n" + per_line(
        "CONDENSED STATEMENTS OF CASH FLOWS", "(in thousands)", "Nine Months Ended September 30,", "2025", "2024",
        "Net loss", "(20,100)", "(18,000)",
        "Net cash used in operating activities", "(15,500)", "(14,000)",
        "Net cash provided by investing activities", "2,500", "1,000",
        "Net cash provided by financing activities", "10,000", "30,000",
        "Net (decrease) increase in cash and cash equivalents", "(3,000)", "17,000",
        "Cash and cash equivalents at beginning of period", *opening,
        "Cash and cash equivalents at end of period", "37,000", "57,400",
    )


def test_cash_at_beginning_and_end_of_a_cash_flow_column_are_instants():
    got = table_values(_cash_flows(("40,000", "40,400")))
    cash = "CashAndCashEquivalentsAtCarryingValue"
    assert got[(cash, date(2024, 12, 31), 0)] == 40000000.0  # the day before the nine months of 2025
    assert got[(cash, date(2023, 12, 31), 0)] == 40400000.0
    assert got[(cash, date(2025, 9, 30), 0)] == 37000000.0
    assert got[(cash, date(2024, 9, 30), 0)] == 57400000.0
    assert got[("CashAndCashEquivalentsPeriodIncreaseDecrease", date(2025, 9, 30), 9)] == -3000000.0


def test_cash_lines_that_do_not_roll_forward_are_left_out():
    # the export printed the opening figures in the wrong columns: neither column adds up
    got = table_values(_cash_flows(("40,400", "40,000")))
    assert not [k for k in got if k[0] == "CashAndCashEquivalentsAtCarryingValue"]
    assert got[("NetCashProvidedByUsedInOperatingActivities", date(2024, 9, 30), 9)] == -14000000.0


def test_share_capital_line_with_dates_stays_in_the_balance_sheet():
    text = (
        "Ostrava Diagnostics Reports Second Quarter 2025 Results\n\n"
        "BALANCE SHEETS (in thousands) June 30, 2025 December 31, 2024 "
        "Cash and cash equivalents 5,400 6,100 Total assets 9,000 9,800 "
        "Total liabilities 2,000 2,500 "
        "Stockholders' equity: Common stock, $.001 par value; 50,000,000 shares authorized at June 30, 2025 "
        "and December 31, 2024; 12,000,000 and 11,000,000 shares issued and outstanding at June 30, 2025 "
        "and December 31, 2024, respectively 12 11 "
        "Additional paid-in capital 60,988 60,289 Accumulated deficit (54,000) (53,000) "
        "Total stockholders' equity 7,000 7,300 Total liabilities and stockholders' equity 9,000 9,800\n"
    )
    got = table_values(text)
    j25, d24 = (date(2025, 6, 30), 0), (date(2024, 12, 31), 0)
    assert got[("AdditionalPaidInCapital", *j25)] == 60988000.0
    assert got[("RetainedEarningsAccumulatedDeficit", *d24)] == -53000000.0
    assert got[("StockholdersEquity", *j25)] == 7000000.0
    assert got[("LiabilitiesAndStockholdersEquity", *d24)] == 9800000.0
    assert got[("CommonStock", *j25)] == 12000.0
    assert got[("CommonStock", *d24)] == 11000.0
