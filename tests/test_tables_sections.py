"""Statement shapes read for recall on unseen releases, with invented figures:

* every line of a cash-flow section whose lines add up to its "Net cash ...
  activities" subtotal (column by column), the lines between the last
  subtotal and the change in cash where they add up to it, and supplemental
  lines in a column that a section verified;
* net income of the group, the non-controlling share and the company's part;
* a bare "Diluted" line under "<long measure>: Basic";
* a statement headed "For the Period Ended <date>" whose net income line
  equals one earlier column of the release: that column's duration;
* figures glued into one digit run, cut where exactly one cut adds up;
* a label's parenthetical details printed on a line of their own or with
  figures in them on a glued line;
* footnote marks after figures ("5,120¹", "3,000(1)", "1,100 *").
"""

from __future__ import annotations

from datetime import date

from table_text import per_line, table_values


Q3_25, Q3_24 = date(2025, 9, 30), date(2024, 9, 30)

CASH_FLOW = per_line(
    "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "Nine Months Ended September 30,", "2025", "2024",
    "Cash flows from operating activities:",
    "Net loss", "(2,500,000)", "(1,000,000)",
    "Adjustments to reconcile net loss to net cash used in operating activities:",
    "Amortization of intangible assets", "400,000", "400,000",
    "Stock-based compensation", "150,000", "120,000",
    "Deferred tax benefit", "(50,000)", "-",
    "Changes in operating assets and liabilities:",
    "Accounts receivable", "(30,000)", "25,000",
    "Accounts payable and accrued expenses", "600,000", "(400,000)",
    "Net cash used in operating activities", "(1,430,000)", "(855,000)",
    "Cash flows from investing activities:",
    "Payment of contingent consideration", "-", "(85,000)",
    "Net cash used in investing activities", "-", "(85,000)",
    "Cash flows from financing activities:",
    "Proceeds from the exercise of stock options", "40,000", "-",
    "Purchase of treasury stock", "-", "(7,000)",
    "Net cash used in financing activities", "40,000", "(7,000)",
    "Effect of exchange rate changes on cash", "10,000", "(3,000)",
    "Net decrease in cash and cash equivalents", "(1,380,000)", "(950,000)",
    "Cash and cash equivalents at beginning of period", "5,000,000", "6,000,000",
    "Cash and cash equivalents at end of period", "3,620,000", "5,050,000",
    "Supplemental disclosure of cash flow information:",
    "Cash paid for interest", "1,200", "900",
)


def test_cash_flow_sections_that_add_up_are_read_line_by_line():
    got = table_values("Tallis Quantum Reports Third Quarter 2025 Results\n\n" + CASH_FLOW)
    y25, y24 = (Q3_25, 9), (Q3_24, 9)
    # operating: -2,500,000 + 400,000 + 150,000 - 50,000 - 30,000 + 600,000 = -1,430,000
    assert got[("AccountsReceivableOperatingCashFlow", *y25)] == -30_000
    assert got[("AccountsReceivableOperatingCashFlow", *y24)] == 25_000
    assert got[("AccountsPayableAndAccruedExpensesOperatingCashFlow", *y24)] == -400_000
    assert got[("DeferredTaxBenefitOperatingCashFlow", *y25)] == -50_000
    assert got[("DeferredTaxBenefitOperatingCashFlow", *y24)] == 0
    assert got[("AmortizationOfIntangibleAssetsOperatingCashFlow", *y25)] == 400_000
    # investing: the 2025 column is all dashes, placed because 2024 adds up
    assert got[("PaymentOfContingentConsiderationInvestingCashFlow", *y24)] == -85_000
    assert got[("PaymentOfContingentConsiderationInvestingCashFlow", *y25)] == 0
    # "Net cash used in financing activities  40,000": the sum says it was provided
    assert got[("NetCashProvidedByUsedInFinancingActivities", *y25)] == 40_000
    assert got[("NetCashProvidedByUsedInFinancingActivities", *y24)] == -7_000
    assert got[("PurchaseOfTreasuryStockFinancingCashFlow", *y24)] == -7_000
    # -1,430,000 + 0 + 40,000 + 10,000 = -1,380,000
    assert got[("EffectOfExchangeRateOnCashAndCashEquivalents", *y25)] == 10_000
    assert got[("CashPaidForInterestSupplementalCashFlow", *y25)] == 1_200
    assert got[("CashAndCashEquivalentsAtCarryingValue", Q3_25, 0)] == 3_620_000


def test_a_section_that_does_not_add_up_keeps_only_its_known_lines():
    text = CASH_FLOW.replace("\n\n600,000\n\n", "\n\n610,000\n\n")
    got = table_values("Tallis Quantum Reports Third Quarter 2025 Results\n\n" + text)
    y25, y24 = (Q3_25, 9), (Q3_24, 9)
    assert ("AccountsReceivableOperatingCashFlow", *y25) not in got
    # the other column still adds up: its lines are read
    assert got[("AccountsReceivableOperatingCashFlow", *y24)] == 25_000
    assert got[("ShareBasedCompensation", *y25)] == 150_000
    assert got[("PurchaseOfTreasuryStockFinancingCashFlow", *y24)] == -7_000


Y24, Y23 = (date(2024, 12, 31), 12), (date(2023, 12, 31), 12)


def test_net_income_split_between_the_company_and_non_controlling_interests():
    text = "Orlan Gaming Reports 2024 Results\n\n" + per_line(
        "Consolidated Statements of Operations and Comprehensive Income (Loss)", "Year Ended December 31,",
        "2024", "2023",
        "Revenues", "150,000", "90,000",
        "Income (loss) before tax", "1,200", "15,400",
        "Provision for income taxes", "2,600", "1,500",
        "Net income (loss)", "(1,400)", "13,900",
        "Less: Net income attributable to noncontrolling interest", "70", "190",
        "Net income (loss) attributable to Orlan", "(1,470)", "13,710",
        "Foreign currency translation adjustments", "(4,800)", "(800)",
        "Comprehensive income (loss)", "(6,200)", "13,100",
        "Less: Net income attributable to noncontrolling interest", "70", "190",
        "Comprehensive income (loss) attributable to Orlan", "(6,270)", "12,910",
    )
    got = table_values(text)
    # -1,400 - 70 = -1,470; 13,900 - 190 = 13,710
    assert got[("ProfitLoss", *Y24)] == -1_400
    assert got[("NetIncomeLossAttributableToNoncontrollingInterest", *Y24)] == 70
    assert got[("NetIncomeLoss", *Y24)] == -1_470
    assert got[("NetIncomeLoss", *Y23)] == 13_710
    assert got[("ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest", *Y24)] == -6_200
    assert got[("ComprehensiveIncomeNetOfTax", *Y23)] == 12_910


def test_a_share_whose_sign_nothing_decides_is_left_out():
    text = "Orlan Gaming Reports 2024 Results\n\n" + per_line(
        "Consolidated Statements of Operations", "Year Ended December 31,", "2024", "2023",
        "Revenues", "150,000", "90,000",
        "Net income (loss)", "(1,400)", "13,900",
        "Net income attributable to noncontrolling interests", "70", "190",
        "Net income (loss) attributable to Orlan", "(1,500)", "13,710",
    )
    got = table_values(text)
    assert ("NetIncomeLossAttributableToNoncontrollingInterest", *Y24) not in got
    assert ("NetIncomeLoss", *Y24) not in got  # -1,400 - 70 is not -1,500
    assert got[("NetIncomeLoss", *Y23)] == 13_710


def test_diluted_under_a_long_basic_label_is_its_diluted_twin():
    text = "Orlan Gaming Reports 2024 Results\n\n" + per_line(
        "Consolidated Statements of Operations", "Year Ended December 31,", "2024", "2023",
        "Revenues", "150,000", "90,000",
        "Net income (loss)", "(1,400,000)", "13,900,000",
        "Net earnings (losses) per ordinary share attributable to Orlan: Basic", "(0.01)", "0.16",
        "Diluted", "(0.01)", "0.15",
    )
    got = table_values(text)
    assert got[("EarningsPerShareBasic", *Y24)] == -0.01
    assert got[("EarningsPerShareDiluted", *Y23)] == 0.15


def test_period_ended_dates_take_the_duration_whose_net_income_they_repeat():
    text = "Vantor Data Reports Third Quarter 2024 Results\n\n" + per_line(
        "STATEMENTS OF OPERATIONS", "Three Months Ended September 30,", "Nine Months Ended September 30,",
        "2024", "2023", "2024", "2023",
        "Revenue", "4,686", "5,348", "14,340", "15,112",
        "Net (loss) income", "(204)", "4,342", "(3,970)", "9,717",
    ) + "\n\n" + per_line(
        "STATEMENTS OF CASH FLOWS", "For the Period Ended September 30,", "2024", "2023",
        "Net (loss) income", "(3,970)", "9,717",
        "Stock-based compensation", "4,873", "4,920",
        "Net cash provided by operating activities", "903", "14,637",
    )
    got = table_values(text)
    assert got[("ShareBasedCompensation", Q3_24, 9)] == 4_873
    assert got[("NetCashProvidedByUsedInOperatingActivities", date(2023, 9, 30), 9)] == 14_637
    assert ("ShareBasedCompensation", Q3_24, 3) not in got


def test_period_ended_dates_matching_no_column_yield_nothing():
    text = "Vantor Data Reports Third Quarter 2024 Results\n\n" + per_line(
        "STATEMENTS OF OPERATIONS", "Three Months Ended September 30,", "2024", "2023",
        "Revenue", "4,686", "5,348",
        "Net (loss) income", "(204)", "4,342",
    ) + "\n\n" + per_line(
        "STATEMENTS OF CASH FLOWS", "For the Period Ended September 30,", "2024", "2023",
        "Net (loss) income", "(3,970)", "9,717",
        "Stock-based compensation", "4,873", "4,920",
    )
    got = table_values(text)
    assert not any(k[0] == "ShareBasedCompensation" for k in got)


GLUED = (
    "NORVEL, INC. STATEMENTS OF OPERATIONS (In thousands, except share and per share amounts) "
    "Three Months Ended December 31, Twelve Months Ended December 31, 2024 2023 2024 2023 "
    "Net revenue: Product revenues 3,849 3,198 14,035 14,110 Royalty and other revenues 21 56 127 128 "
    "Total net revenues 3,870 3,254 14,162 14,238 "
    "Operating expenses: Selling, general and administrative 1,872 2,411 7,676 8,911 "
    "Research and development 252208906873 Depreciation and amortization 3451135214 "
    "Total operating expenses 2,158 2,670 8,717 9,998 "
    "Operating income (loss) 1,712 584 5,445 4,240"
)


def test_a_glued_digit_run_is_cut_where_exactly_one_cut_adds_up():
    got = table_values("Norvel Reports Fourth Quarter 2024 Results\n\n" + GLUED)
    q24, y23 = (date(2024, 12, 31), 3), (date(2023, 12, 31), 12)
    # 2,158 = 1,872 + 252 + 34; 9,998 = 8,911 + 873 + 214
    assert got[("ResearchAndDevelopmentExpense", *q24)] == 252_000
    assert got[("ResearchAndDevelopmentExpense", *y23)] == 873_000
    assert got[("DepreciationAndAmortization", *q24)] == 34_000
    assert got[("DepreciationAndAmortization", date(2024, 12, 31), 12)] == 135_000
    assert got[("DepreciationAndAmortization", *y23)] == 214_000


def test_a_glued_digit_run_with_no_unique_cut_is_left_out():
    text = GLUED.replace("2,158 2,670 8,717 9,998", "2,160 2,670 8,717 9,998")
    got = table_values("Norvel Reports Fourth Quarter 2024 Results\n\n" + text)
    assert not any(k[0] in ("ResearchAndDevelopmentExpense", "DepreciationAndAmortization") for k in got)


D24, D23 = (date(2024, 12, 31), 0), (date(2023, 12, 31), 0)


def test_a_label_detail_printed_on_its_own_line_stays_with_the_label():
    text = "Brightwell Labs Reports 2024 Results\n\n" + per_line(
        "CONSOLIDATED BALANCE SHEETS", "December 31,", "2024", "2023",
        "Total assets", "20,000", "15,000",
        "Common stock", "1,000", "1,000",
        "Additional paid-in capital", "30,000", "25,000",
        "Treasury stock, at cost", "(December 2024: 59,796 shares)", "(2,000", ")", "-",
        "Accumulated deficit", "(9,000", ")", "(11,000", ")",
        "Total stockholders' equity", "20,000", "15,000",
    )
    got = table_values(text)
    assert got[("TreasuryStock", *D24)] == -2_000
    assert got[("TreasuryStock", *D23)] == 0
    assert got[("RetainedEarningsAccumulatedDeficit", *D24)] == -9_000


def test_a_label_detail_with_figures_on_a_glued_line():
    text = (
        "Orlan Gaming Reports 2024 Results\n\nCONSOLIDATED BALANCE SHEETS December 31, 2024 2023 "
        "Total assets 120,000 90,000 Additional paid-in capital 50,313 3,044 "
        "Treasury stock, at cost (December 2024 - 59,796 shares) (121) - "
        "Accumulated earnings 57,046 59,296 Total shareholders' equity 107,238 62,340"
    )
    got = table_values(text)
    assert got[("TreasuryStock", *D24)] == -121
    assert got[("AdditionalPaidInCapital", *D23)] == 3_044


def test_footnote_marks_after_figures_are_not_figures():
    q25, q24 = (date(2025, 6, 30), 3), (date(2024, 6, 30), 3)
    flat = "Corvana Bio Reports Results\n\n" + per_line(
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "Three Months Ended June 30,", "2025", "2024",
        "Revenue", "$", "5,120\u00b9", "$", "4,002",
        "Research and development", "3,000(1)", "2,500",
        "General and administrative", "1,200*", "1,100",
        "Loss from operations", "(2,000)\u2020", "(1,200)",
    )
    got = table_values(flat)
    assert got[("Revenues", *q25)] == 5_120
    assert got[("ResearchAndDevelopmentExpense", *q25)] == 3_000
    assert got[("GeneralAndAdministrativeExpense", *q25)] == 1_200
    assert got[("OperatingIncomeLoss", *q25)] == -2_000
    tabbed = (
        "Corvana Bio Reports Results\n\nSTATEMENTS OF OPERATIONS\n\tThree Months Ended June 30,\n\t2025\t2024\n"
        "Revenue\t$ 5,120(a)\t$ 4,002\nResearch and development\t3,000\t2,500\n"
        "General and administrative\t1,200\t1,100 *\n"
    )
    got = table_values(tabbed)
    assert got[("Revenues", *q25)] == 5_120
    assert got[("GeneralAndAdministrativeExpense", *q24)] == 1_100
    glued = (
        "Corvana Bio Reports Results\n\nSTATEMENTS OF OPERATIONS Three Months Ended June 30, 2025 2024 "
        "Revenue $ 5,120 $ 4,002 Research and development 3,000(1) 2,500 "
        "General and administrative 1,200 1,100 Loss from operations (2,000) (1,200)"
    )
    got = table_values(glued)
    assert got[("ResearchAndDevelopmentExpense", *q25)] == 3_000
    assert got[("ResearchAndDevelopmentExpense", *q24)] == 2_500


def test_a_negative_one_after_a_spaced_figure_is_still_a_figure():
    # "(1)" printed apart in a row with one figure per column: a value, not a mark
    text = "Corvana Bio Reports Results\n\nSTATEMENTS OF OPERATIONS Three Months Ended June 30, 2025 2024 " \
        "Revenue $ 5,120 $ 4,002 Other income (expense), net 3 (1) Loss from operations (2,000) (1,200)"
    got = table_values(text)
    assert got[("NonoperatingIncomeExpense", date(2025, 6, 30), 3)] == 3
    assert got[("NonoperatingIncomeExpense", date(2024, 6, 30), 3)] == -1


def test_balance_sheet_headed_by_years_alone_takes_the_fiscal_year_end():
    text = "Kestrel Health Reports Fiscal 2024 Results\n\n" + per_line(
        "Statement of Operations", "Year Ended June 30,", "2024", "2023",
        "Revenue", "13,968,535", "7,874,886",
        "Net (loss) income", "(15,602,792)", "(3,213,360)",
    ) + "\n\n" + per_line(
        "Balance Sheet", "2024", "2023",
        "Cash and cash equivalents", "6,707,695", "2,225,806",
        "Total assets", "7,950,615", "3,442,539",
        "Ordinary shares, Class A, $0.000004 par value, 6,250,000,000 shares authorized", "89", "53",
        "Accumulated deficit", "(24,755,793)", "(9,153,001)",
    )
    got = table_values(text)
    assert got[("CashAndCashEquivalentsAtCarryingValue", date(2024, 6, 30), 0)] == 6_707_695
    assert got[("Assets", date(2023, 6, 30), 0)] == 3_442_539
    assert got[("OrdinarySharesClassA", date(2024, 6, 30), 0)] == 89


def test_balance_sheet_headed_by_years_in_a_quarterly_release_is_not_read():
    text = "Kestrel Health Reports Third Quarter 2024 Results\n\n" + per_line(
        "Statement of Operations", "Three Months Ended September 30,", "2024", "2023",
        "Revenue", "3,968,535", "1,874,886",
        "Net (loss) income", "(1,602,792)", "(213,360)",
    ) + "\n\n" + per_line(
        "Balance Sheet", "2024", "2023",
        "Cash and cash equivalents", "6,707,695", "2,225,806",
        "Total assets", "7,950,615", "3,442,539",
    )
    got = table_values(text)
    assert not any(k[2] == 0 for k in got)


def test_statements_dated_alone_read_as_years_when_the_cash_flow_says_end_of_year():
    text = "Quarry Royalty Reports 2024 Results\n\n" + per_line(
        "STATEMENTS OF OPERATIONS", "Dec. 31,", "2024", "Dec. 31,", "2023",
        "TOTAL REVENUE", "807,089", "488,520",
        "NET LOSS", "(114,261)", "(1,113,645)",
    ) + "\n\n" + per_line(
        "STATEMENTS OF CASH FLOWS", "Dec. 31,", "2024", "Dec. 31,", "2023",
        "Net Loss", "(114,261)", "(1,113,645)",
        "Depreciation Expense", "1,586", "1,586",
        "Accounts Payable", "759,965", "874,936",
        "Net Cash Provided by (Used in) Operating Activities", "647,290", "(237,123)",
        "Net Change in Cash", "(62,798)", "(237,857)",
        "Cash - Beginning of Year", "372,286", "610,143",
        "Cash - End of Year", "309,488", "372,286",
    )
    got = table_values(text)
    y24, y23 = (date(2024, 12, 31), 12), (date(2023, 12, 31), 12)
    # 372,286 - 62,798 = 309,488 and 610,143 - 237,857 = 372,286
    assert got[("CashAndCashEquivalentsAtCarryingValue", date(2023, 12, 31), 0)] == 372_286
    # -114,261 + 1,586 + 759,965 = 647,290
    assert got[("AccountsPayableOperatingCashFlow", *y24)] == 759_965
    # the income statement's net loss is the cash-flow year's: read as years too
    assert got[("Revenues", *y23)] == 488_520
    assert got[("NetIncomeLoss", *y24)] == -114_261


def test_per_share_parts_of_the_result_under_basic_and_diluted():
    q24, q23 = (date(2024, 9, 30), 3), (date(2023, 9, 30), 3)
    text = (
        "Vantor Data Reports Third Quarter 2024 Results\n\nSTATEMENTS OF OPERATIONS Three Months Ended "
        "September 30, 2024 2023 Revenue 4,686,312 5,348,469 Net (loss) income (204,907) 4,342,091 "
        "Net (loss) income per share: Basic Continuing operations (0.01) 0.17 Discontinued operations - (0.03) "
        "Net (loss) income per share - basic (0.01) 0.14 Diluted Continuing operations (0.01) 0.16 "
        "Discontinued operations - (0.03) Net (loss) income per share - diluted (0.01) 0.13"
    )
    got = table_values(text)
    # 0.17 - 0.03 = 0.14 basic; 0.16 - 0.03 = 0.13 diluted
    assert got[("IncomeLossFromContinuingOperationsPerBasicShare", *q23)] == 0.17
    assert got[("IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare", *q23)] == -0.03
    assert got[("IncomeLossFromContinuingOperationsPerDilutedShare", *q23)] == 0.16
    assert got[("IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare", *q24)] == 0
    assert got[("EarningsPerShareDiluted", *q23)] == 0.13
    glued_head = (
        "Larkspur Medical Reports First Quarter 2025 Results\n\nConsolidated Statements of Comprehensive Loss "
        "For the three months ended March 31, 2025 2024 Revenue 436,378 336,968 Net Loss (38,563) (30,608) "
        "Loss Per Share - basic and diluted Loss from continuing operations ($0.01) ($0.01) "
        "Loss from discontinued operations ($0.00) ($0.00) Loss available to common stockholders ($0.01) ($0.01)"
    )
    got = table_values(glued_head)
    q25 = (date(2025, 3, 31), 3)
    assert got[("IncomeLossFromContinuingOperationsPerBasicAndDilutedShare", *q25)] == -0.01
    assert got[("IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare", *q25)] == 0
    assert got[("EarningsPerShareBasicAndDiluted", *q25)] == -0.01


def test_year_to_date_cash_flow_calling_its_cash_beginning_of_year_is_not_a_year():
    text = "Quarry Royalty Reports Third Quarter 2024 Results\n\n" + per_line(
        "STATEMENTS OF CASH FLOWS", "Sept. 30,", "2024", "Sept. 30,", "2023",
        "Net Loss", "(114,261)", "(1,113,645)",
        "Net Cash Provided by (Used in) Operating Activities", "(114,261)", "(1,113,645)",
        "Net Change in Cash", "(114,261)", "(1,113,645)",
        "Cash - Beginning of Year", "423,749", "1,485,931",
        "Cash - End of Year", "309,488", "372,286",
    )
    assert table_values(text) == {}


def test_cash_positions_under_a_supplemental_heading_are_not_period_amounts():
    text = CASH_FLOW + "\n\n" + per_line(
        "Cash and cash equivalents", "3,500,000", "4,950,000",
        "Restricted cash", "120,000", "100,000",
    )
    got = table_values("Tallis Quantum Reports Third Quarter 2025 Results\n\n" + text)
    assert got[("CashPaidForInterestSupplementalCashFlow", Q3_24, 9)] == 900
    assert not any(k[0].startswith(("CashAndCashEquivalentsSupplemental", "RestrictedCash")) for k in got)


def test_cash_flow_section_with_running_subtotals_and_a_less_line():
    text = "Vantor Data Reports Third Quarter 2024 Results\n\n" + per_line(
        "STATEMENTS OF CASH FLOWS", "Nine Months Ended September 30,", "2024", "2023",
        "Net (loss) income", "(3,970)", "9,717",
        "Less: Income from discontinued operations", "-", "7,603",
        "(Loss) income from continuing operations", "(3,970)", "2,114",
        "Adjustments to reconcile net (loss) income to net cash provided by operating activities: "
        "Depreciation and amortization", "23", "64",
        "Stock-based compensation expense", "4,873", "4,920",
        "Accounts receivable", "(1,198)", "(1,109)",
        "Net cash (used in) provided by operating activities - continuing operations", "(272)", "5,989",
        "Net cash used in operating activities - discontinued operations", "-", "(59)",
        "Net cash (used in) provided by operating activities", "(272)", "5,930",
    )
    got = table_values(text)
    y24, y23 = (Q3_24, 9), (date(2023, 9, 30), 9)
    # 2023: 9,717 - 7,603 = 2,114; 2,114 + 64 + 4,920 - 1,109 = 5,989; 5,989 - 59 = 5,930
    assert got[("LessIncomeFromDiscontinuedOperationsOperatingCashFlow", *y23)] == 7_603
    assert got[("DepreciationAndAmortizationOperatingCashFlow", *y24)] == 23
    assert got[("AccountsReceivableOperatingCashFlow", *y23)] == -1_109
    assert got[("NetCashUsedInOperatingActivitiesDiscontinuedOperationsOperatingCashFlow", *y23)] == -59
    assert got[("NetCashProvidedByUsedInOperatingActivities", *y23)] == 5_930
