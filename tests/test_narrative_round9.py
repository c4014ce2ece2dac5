"""Round 9: crypto issuers' own results, European layouts, fiscal calendars read from the text
(fictional releases; exact facts asserted)."""

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts
from pipelines.financial.periods import fiscal_calendar


def _facts(text: str) -> set:
    doc = prepare("round9", text)
    return {(f.concept, str(f.period_end), f.months, f.value, f.unit, f.is_guidance) for f in extract_text_facts(doc)}


_CRYPTO_BODY = (
    "Boca Raton, Florida, March 31, 2026 - Quillon Holdings, Inc. (\"Quillon\") (Nasdaq: QLLN), a digital asset treasury "
    "company holding the native token of the Zeno blockchain, today reported its financial results for the fourth quarter "
    "and full year ended December 31, 2025. The Company deploys crypto capital, stakes tokens, holds stablecoins and "
    "participates in DeFi protocols on the blockchain.\n\n"
    "Fourth Quarter FY 2025 Financial Highlights\n\n"
    "Q4 net revenue was approximately $1.4M, a decrease of 18% from $1.7M in Q4 2024. Operating loss was $(38.6)M, "
    "compared to $(3.8)M in Q4 2024, driven primarily by $18.6M in non-cash stock-based compensation and a $6.0M increase "
    "in compensation costs. Net loss attributable to Quillon Holdings was $(69.6)M, compared to $(8.8)M in Q4 2024.\n\n"
    "As of December 31, 2025, the Company had no outstanding debt and maintained $32.5M in cash and cash equivalents.\n"
)


def test_crypto_issuer_reporting_its_own_results_is_read():
    got = _facts("Quillon Reports Fourth Quarter and Full Year 2025 Financial Results\n\n" + _CRYPTO_BODY)
    assert got == {
        ("Revenues", "2025-12-31", 3, 1400000.0, "USD", False),
        ("Revenues", "2024-12-31", 3, 1700000.0, "USD", False),
        ("OperatingIncomeLoss", "2025-12-31", 3, -38600000.0, "USD", False),
        ("OperatingIncomeLoss", "2024-12-31", 3, -3800000.0, "USD", False),
        ("NetIncomeLoss", "2025-12-31", 3, -69600000.0, "USD", False),
        ("NetIncomeLoss", "2024-12-31", 3, -8800000.0, "USD", False),
        ("CashAndCashEquivalentsAtCarryingValue", "2025-12-31", 0, 32500000.0, "USD", False),
    }


def test_crypto_text_without_a_periodic_results_title_stays_out():
    # "Marks January 2026 with Record Earnings": no quarter or year of results, so the crypto gate holds
    assert _facts("Quillon Marks January 2026 with Record Earnings and Token Burn\n\n" + _CRYPTO_BODY) == set()


def test_net_loss_attributable_to_someone_else_is_not_the_issuers():
    got = _facts("Quillon Reports Fourth Quarter 2025 Financial Results\n\n"
                 "March 31, 2026 - Quillon Holdings, Inc. today reported results for the fourth quarter of 2025.\n\n"
                 "Net loss attributable to noncontrolling interests was $(1.2)M in Q4 2025.\n")
    assert got == set()


def test_change_by_approximately_then_level_and_prior():
    got = _facts("Corvane Files 2025 Annual Report\n\n"
                 "SHENZHEN, May 15, 2026 - Corvane Holdings Limited announced results for the fiscal year ended "
                 "December 31, 2025.\n\n"
                 "- Gross profit decreased by approximately $3.7 million, or 32.8%, to approximately $7.6 million for the "
                 "year ended December 31, 2025, from approximately $11.2 million for the year ended December 31, 2024.\n")
    assert got == {("GrossProfit", "2025-12-31", 12, 7600000.0, "USD", False),
                   ("GrossProfit", "2024-12-31", 12, 11200000.0, "USD", False)}


def test_named_fiscal_quarter_with_its_end_date_sets_the_calendar():
    text = ("Pelloran Tech Q1 2027 Financial Results\n\n"
            "Pelloran Tech (OTC: PLTC) recently announced its Q1 2027 financial results for the period ended June 30, 2026, "
            "compared to the same period in fiscal year 2026 (\"Q1 2026\").\n\n"
            "The company recorded $9.0 million in revenue in Q1 2027, up from $8.8 million in Q1 2026. For Q1 2027, key "
            "highlights included $9.0 million in revenue, $715,697 in net income, $707,131 in net cash, and $10.4 million "
            "in total assets.\n")
    assert fiscal_calendar(text).end_month == 3
    got = _facts(text)
    assert ("Revenues", "2026-06-30", 3, 9000000.0, "USD", False) in got
    assert ("Revenues", "2025-06-30", 3, 8800000.0, "USD", False) in got
    assert ("NetIncomeLoss", "2026-06-30", 3, 715697.0, "USD", False) in got
    assert ("Assets", "2026-06-30", 0, 10400000.0, "USD", False) in got
    assert not any(f[3] == 707131.0 for f in got)  # "net cash": cash less debt, not the balance


_EU_Q1 = ("Veltrano Publishes Figures for Q1 2026\n\n"
          "JENA, GERMANY - April 22, 2026 - Veltrano AG generated revenues of EUR 7.9 million in the first quarter of the "
          "financial year 2026 (previous year: EUR 9.1 million). Despite the anticipated decline in revenues, a positive "
          "EBIT of EUR 0.1 million was achieved.\n\n")


def test_european_quarter_statement():
    got = _facts(_EU_Q1 +
                 "Gross profit amounted to EUR 3.9 million in the reporting period (previous year: EUR 4.4 million). "
                 "R&D expenses decreased by 11% and stood at EUR 1.7 million (previous year: EUR 1.9 million). "
                 "At EUR 1.3 million, selling and marketing expenses were down 19% year-on-year (previous year: EUR 1.6 "
                 "million).\n\n"
                 "Cash flow from operating activities improved significantly to EUR 2.9 million in the reporting period, "
                 "compared to a cash outflow of EUR 0.1 million in the previous year. Cash and cash equivalents climbed by "
                 "25% to EUR 10.9 million as of 31 March 2026 (31 December 2025: EUR 8.8 million).\n")
    q, p = ("2026-03-31", 3), ("2025-03-31", 3)
    assert got == {
        ("Revenues", *q, 7900000.0, "EUR", False), ("Revenues", *p, 9100000.0, "EUR", False),
        ("OperatingIncomeLoss", *q, 100000.0, "EUR", False),
        ("GrossProfit", *q, 3900000.0, "EUR", False), ("GrossProfit", *p, 4400000.0, "EUR", False),
        ("ResearchAndDevelopmentExpense", *q, 1700000.0, "EUR", False),
        ("ResearchAndDevelopmentExpense", *p, 1900000.0, "EUR", False),
        ("SellingAndMarketingExpense", *q, 1300000.0, "EUR", False),
        ("SellingAndMarketingExpense", *p, 1600000.0, "EUR", False),
        ("NetCashProvidedByUsedInOperatingActivities", *q, 2900000.0, "EUR", False),
        ("NetCashProvidedByUsedInOperatingActivities", *p, -100000.0, "EUR", False),
        ("CashAndCashEquivalentsAtCarryingValue", "2026-03-31", 0, 10900000.0, "EUR", False),
        ("CashAndCashEquivalentsAtCarryingValue", "2025-12-31", 0, 8800000.0, "EUR", False),
    }


def test_interim_equity_previous_year_is_left_out():
    got = _facts(_EU_Q1.rstrip() + " Equity increased to EUR 12.0 million (previous year: EUR 11.0 million).\n")
    assert ("StockholdersEquity", "2026-03-31", 0, 12000000.0, "EUR", False) in got
    assert not any(f[3] == 11000000.0 for f in got)  # the prior March or the last year-end: not said


def test_fiscal_year_report_with_year_end_balance_date():
    got = _facts("Harrowgate SE Publishes Final Results for Fiscal Year 2025\n\n"
                 "WINTERBACH, GERMANY - April 15, 2026 - Harrowgate SE today published its audited results for the 2025 "
                 "fiscal year.\n\n"
                 "Revenue for fiscal year 2025 rose by 17.4% to EUR 449.9 million (previous year: EUR 383.1 million), "
                 "clearly exceeding expected market growth. Adjusted EBITDA, excluding IPO-related personnel expenses, "
                 "increased overproportionately by 24.0% to EUR 80.1 million (previous year: EUR 64.6 million). Net profit "
                 "grew even stronger, rising by 53.2% to EUR 51.7 million (previous year: EUR 33.8 million).\n\n"
                 "Equity increased to EUR 205.2 million (previous year: EUR 83.7 million). Net liquidity amounted to "
                 "EUR 19.2 million as of December 31, 2025.\n")
    y, p = ("2025-12-31", 12), ("2024-12-31", 12)
    assert got == {
        ("Revenues", *y, 449900000.0, "EUR", False), ("Revenues", *p, 383100000.0, "EUR", False),
        ("AdjustedEBITDA", *y, 80100000.0, "EUR", False), ("AdjustedEBITDA", *p, 64600000.0, "EUR", False),
        ("NetIncomeLoss", *y, 51700000.0, "EUR", False), ("NetIncomeLoss", *p, 33800000.0, "EUR", False),
        ("StockholdersEquity", "2025-12-31", 0, 205200000.0, "EUR", False),
        ("StockholdersEquity", "2024-12-31", 0, 83700000.0, "EUR", False),
    }


def test_excluding_items_is_no_gaap_figure():
    got = _facts("Acme Corp Reports Full Year 2025 Results\n\n"
                 "NEW YORK, March 3, 2026 -- Acme Corp today reported results for the year ended December 31, 2025.\n\n"
                 "Net loss, excluding one-time charges, was $4.0 million for the year ended December 31, 2025.\n")
    assert got == set()


def test_split_financial_year_nine_months():
    got = _facts("Marlow Retail Properties AG Publishes Quarterly Statement for the First Nine Months of the 2025/2026 "
                 "Financial Year\n\n"
                 "POTSDAM, GERMANY - August 12, 2026 - Marlow Retail Properties AG today published its financial results "
                 "for the first nine months of the 2025/2026 financial year.\n\n"
                 "Equity increased to EUR 397.0 million (30 September 2025: EUR 304.3 million). Interest expenses declined "
                 "to EUR 10.7 million (9M 2024/2025: EUR 18.7 million).\n\n"
                 "As a result of the ongoing property sales, rental income decreased to EUR 48.0 million (9M 2024/2025: "
                 "EUR 52.7 million). The result for the period improved to EUR -25.7 million (9M 2024/2025: EUR -32.6 "
                 "million).\n")
    m9, p9 = ("2026-06-30", 9), ("2025-06-30", 9)
    assert got == {
        ("StockholdersEquity", "2026-06-30", 0, 397000000.0, "EUR", False),
        ("StockholdersEquity", "2025-09-30", 0, 304300000.0, "EUR", False),
        ("InterestExpense", *m9, 10700000.0, "EUR", False), ("InterestExpense", *p9, 18700000.0, "EUR", False),
        ("OperatingLeaseIncome", *m9, 48000000.0, "EUR", False), ("OperatingLeaseIncome", *p9, 52700000.0, "EUR", False),
        ("NetIncomeLoss", *m9, -25700000.0, "EUR", False), ("NetIncomeLoss", *p9, -32600000.0, "EUR", False),
    }


def test_ytd_quarter_label_is_nine_months_and_segment_sections_are_skipped():
    got = _facts("Kestrel Kliniken AG Reports Strong EBIT Growth\n\n"
                 "BERLIN - November 18, 2025 - Kestrel Kliniken AG closed the first nine months of 2025.\n\n"
                 "Key Financials at a Glance\n\n"
                 "* Group revenue: +6.7% to EUR 274.3 million (YTD Q3 2024: EUR 257.2 million)\n"
                 "* EBIT: +11% to EUR 24.5 million (YTD Q3 2024: EUR 22.1 million)\n\n"
                 "Solid Revenue Growth in the Trading Segment\n\n"
                 "* EBIT: -41.4% to EUR 3.4 million (YTD Q3 2024: EUR 5.8 million)\n")
    m9, p9 = ("2025-09-30", 9), ("2024-09-30", 9)
    assert got == {
        ("Revenues", *m9, 274300000.0, "EUR", False), ("Revenues", *p9, 257200000.0, "EUR", False),
        ("OperatingIncomeLoss", *m9, 24500000.0, "EUR", False), ("OperatingIncomeLoss", *p9, 22100000.0, "EUR", False),
    }


def test_the_period_in_a_nine_month_paragraph_of_a_quarterly_release():
    got = _facts("Indra Group Records Strong Third Quarter\n\n"
                 "COLOGNE - November 12, 2025 - Indra Group increased revenue in the third quarter of 2025.\n\n"
                 "At EUR 1.274 billion, revenue after nine months was nearly level with the previous year. Adjusted EBITA "
                 "for the period was EUR 104.2 million. EBIT totaled EUR 88.7 million (previous year: EUR 95.9 million).\n")
    assert ("OperatingIncomeLoss", "2025-09-30", 3, 88700000.0, "EUR", False) not in got
    assert not any(f[2] == 3 and f[3] == 88700000.0 for f in got)


def test_undated_release_takes_no_comparative_as_its_period():
    got = _facts("Borlund Q1 Earnings: Adjusted EBITDA Up 430.9% To $49.4 Million\n\n"
                 "For the first three months of the year, total revenue was $144.4 million compared to $58 million in "
                 "the year-ago first quarter. Net income of $35.3 million was much higher than the $2.7 million reported "
                 "in Q1 2023.\n")
    assert not any(f[1].startswith("2023") and f[3] in (35300000.0, 49400000.0) for f in got)
    assert not any(f[1].startswith("2022") for f in got)


def test_more_than_doubled_and_list_of_figures():
    got = _facts("Supraline Reports Q3 and Nine-Month 2025 Results\n\n"
                 "Supraline (NASDAQ: SPLN) reported financial results for the nine months ended Sept. 30, 2025. Operating "
                 "income nearly tripled to $3 million, net income more than doubled to $6 million and non-GAAP net income "
                 "reached $9.3 million.\n")
    assert ("OperatingIncomeLoss", "2025-09-30", 9, 3000000.0, "USD", False) in got
    assert ("NetIncomeLoss", "2025-09-30", 9, 6000000.0, "USD", False) in got
    assert not any(f[3] == 9300000.0 for f in got)


def test_higher_than_a_half_year_is_a_comparison():
    got = _facts("Silvan Mining Remains Profitable Through Second Quarter of 2025\n\n"
                 "LIMA, August 29, 2025 - Silvan Mining reported results for the second quarter of 2025.\n\n"
                 "- Pre-tax income during 1H25 was 131% higher than 1H24 ($166k vs. a loss of $539k).\n")
    assert not any(f[3] == 166000.0 and f[1] == "2024-06-30" for f in got)


def test_ordinal_quarter_with_its_end_date_sets_the_calendar():
    text = ("Tarnow Brands Releases Financial Numbers\n\n"
            "Tarnow Brands announced its financial results for fiscal year 2023 and the fourth quarter ending November 30, "
            "2023. Tarnow Brands reported revenues of $671,000 for the year. For the fourth quarter alone, Tarnow generated "
            "revenues of $395,876.\n")
    assert fiscal_calendar(text).end_month == 11
    got = _facts(text)
    assert ("Revenues", "2023-11-30", 12, 671000.0, "USD", False) in got
    assert ("Revenues", "2023-11-30", 3, 395876.0, "USD", False) in got
    assert not any(f[3] == 671000.0 and f[2] == 3 for f in got)


def test_sales_alone_binds_only_as_the_subject():
    head = ("Skyforge Reports Third Quarter 2025 Results\n\n"
            "TORONTO, November 5, 2025 - Skyforge Inc. announced results for the third quarter ended September 30, 2025. ")
    got = _facts(head + "Sales were $4.2 million for the third quarter of 2025.\n")
    assert got == {("Revenues", "2025-09-30", 3, 4200000.0, "USD", False)}
    got = _facts(head + "The company received proceeds from sales of $1.5 million in the third quarter of 2025.\n")
    assert got == set()


def test_ye_year_is_the_fiscal_year_that_ended():
    got = _facts("Corvane Files 2025 Annual Report\n\n"
                 "- YE 2025 total revenues of $18.2 million, representing a decrease of 38.8% year-over-year\n\n"
                 "SHENZHEN, May 15, 2026 - Corvane Holdings Limited filed its annual report for the fiscal year ended "
                 "December 31, 2025.\n")
    assert got == {("Revenues", "2025-12-31", 12, 18200000.0, "USD", False)}
