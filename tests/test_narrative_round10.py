"""Round 10: undated wire stories that still state their period, results told in journalists' words,
guidance phrasings ("revenue guidance of", "targeting a revenue range of", "sees", "projects") and
prior-period comparatives (fictional releases; exact facts asserted)."""

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts
from pipelines.financial.periods import fiscal_calendar


def _facts(text: str) -> set:
    doc = prepare("round10", text)
    return {(f.concept, str(f.period_end), f.months, f.value, f.value_low, f.value_high, f.is_guidance)
            for f in extract_text_facts(doc)}


# --- undated releases: the period the story states ----------------------------------------------

def test_three_months_ending_in_a_date_without_a_release_date():
    got = _facts("Pelavia Reports Record Third Quarter Revenue\n\nBy Staff Writer\n\n"
                 "For the three months ending in Sept. 30, 2024, Pelavia Mobile reported record revenue of $5.9 million, "
                 "up 218% year-over-year.\n")
    assert got == {("Revenues", "2024-09-30", 3, 5900000.0, None, None, False)}


def test_month_end_without_year_is_the_reporting_period_end_of_an_undated_release():
    got = _facts("Dorrin Narrows Its Loss For The First Nine Months\n\nBy Staff Writer\n\n"
                 "During the nine months ended September 30, 2024, Dorrin posted a net loss of $14.9 million, which was "
                 "much narrower than the $45.3 million loss it had in the same period a year ago.\n\n"
                 "As of the end of September, Dorrin had cash of $88.7 million, slightly lower than the $96.2 million as of "
                 "December 31, 2023.\n")
    assert got == {
        ("NetIncomeLoss", "2024-09-30", 9, -14900000.0, None, None, False),
        ("NetIncomeLoss", "2023-09-30", 9, -45300000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2024-09-30", 0, 88700000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2023-12-31", 0, 96200000.0, None, None, False),
    }


def test_month_end_without_year_not_matching_the_period_is_left_out():
    got = _facts("Dorrin Narrows Its Loss For The First Nine Months\n\nBy Staff Writer\n\n"
                 "During the nine months ended September 30, 2024, Dorrin posted a net loss of $14.9 million.\n\n"
                 "As of the end of October, Dorrin had cash of $88.7 million.\n")
    assert got == {("NetIncomeLoss", "2024-09-30", 9, -14900000.0, None, None, False)}


def test_fiscal_half_named_like_the_calendar_half_and_the_first_half_of_a_half_year_report():
    text = ("Velmora Had A Busy First Half Of 2024\n\nBy Staff Writer\n\n"
            "Velmora Limited shared a financial update for the first half of 2024, with revenue growing 95.7% "
            "year-over-year to $13.2 million.\n\n"
            "\"Our financial results for the first half of fiscal year 2024 demonstrate our discipline,\" said the CFO. "
            "Velmora ended the first half with $40.5 million in cash and cash equivalents, up from $36.2 million at the "
            "end of 2023.\n")
    assert not fiscal_calendar(text).ambiguous
    assert _facts(text) == {
        ("Revenues", "2024-06-30", 6, 13200000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2024-06-30", 0, 40500000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2023-12-31", 0, 36200000.0, None, None, False),
    }


def test_second_half_in_a_first_half_report_is_not_the_reporting_period():
    got = _facts("Velmora Reports First Half 2024 Results\n\nBy Staff Writer\n\n"
                 "Velmora reported revenue of $13.2 million for the first half of 2024.\n\n"
                 "Velmora ended the second half with $40.5 million in cash.\n")
    assert got == {("Revenues", "2024-06-30", 6, 13200000.0, None, None, False)}


# --- results in journalists' words ------------------------------------------------------------------

def test_amount_before_net_loss_and_a_comparative_loss_named_after_its_figure():
    got = _facts("Ostrava Mining Reports Strong Q3 Performance\n\n"
                 "Ostrava Mining announced impressive financial results for Q3 2024, driven by a 36% increase in revenue "
                 "to $52.3 million due to higher gold prices. Additionally, Ostrava Mining reported a reduced net loss of "
                 "$2.1 million, significantly lower than the $18.5 million loss in Q3 2023.\n\n"
                 "Financially, Ostrava ended Q3 with $14.6 million in cash and reported an $8.0 million operating loss, "
                 "reflecting lower grades.\n")
    assert got == {
        ("Revenues", "2024-09-30", 3, 52300000.0, None, None, False),
        ("NetIncomeLoss", "2024-09-30", 3, -2100000.0, None, None, False),
        ("NetIncomeLoss", "2023-09-30", 3, -18500000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2024-09-30", 0, 14600000.0, None, None, False),
        ("OperatingIncomeLoss", "2024-09-30", 3, -8000000.0, None, None, False),
    }


def test_amount_before_a_noun_that_goes_on_is_not_bound():
    got = _facts("Ostrava Reports Q3 2024 Results\n\n"
                 "Ostrava reported a $5.0 million net loss reduction in Q3 2024.\n")
    assert got == set()


def test_comparative_naming_the_other_direction_is_left_out():
    got = _facts("Ostrava Reports Q3 2024 Results\n\n"
                 "Ostrava reported a net loss of $2.1 million in Q3 2024, compared to the $1.5 million income in Q3 2023.\n")
    assert got == {("NetIncomeLoss", "2024-09-30", 3, -2100000.0, None, None, False)}


def test_growth_reaching_a_level_and_robust_cash_flow_beside_a_dated_other_figure():
    got = _facts("Tarsel Reports Third Quarter 2024 Results\n\n"
                 "In Q3 2024, the company reported an eye-popping 581% year-over-year revenue growth, reaching $3.12 "
                 "million compared to just $458,433 in Q3 2023.\n\n"
                 "During the quarter, cash flow from operations was robust at $7.1 million, and the company's working "
                 "capital stood at $58.5 million as of September 30, 2024.\n")
    assert got == {
        ("Revenues", "2024-09-30", 3, 3120000.0, None, None, False),
        ("Revenues", "2023-09-30", 3, 458433.0, None, None, False),
        ("NetCashProvidedByUsedInOperatingActivities", "2024-09-30", 3, 7100000.0, None, None, False),
    }


def test_new_item_after_a_comparison_and_eps_equating_to():
    got = _facts("Lumeris Reports Q3 2024 Financial Results\n\n"
                 "Lumeris's Q3 2024 financial results showcase its resilience. Overall, Lumeris reported net revenue of "
                 "$50 million, a slight increase from the previous year, and net income of $2.4 million, equating to an "
                 "EPS of $0.07.\n")
    assert got == {
        ("Revenues", "2024-09-30", 3, 50000000.0, None, None, False),
        ("NetIncomeLoss", "2024-09-30", 3, 2400000.0, None, None, False),
        ("EarningsPerShareBasicAndDiluted", "2024-09-30", 3, 0.07, None, None, False),
    }


def test_issuer_named_in_the_title_as_the_subject_under_the_title_period():
    got = _facts("Sorrel Medical Earnings Update: H1 2024 Revenue Up 29%\n\nBy Staff Writer\n\n"
                 "Sorrel Medical more than doubled its net income to $37.2 million from $16.6 million in H1 2023.\n")
    assert got == {
        ("NetIncomeLoss", "2024-06-30", 6, 37200000.0, None, None, False),
        ("NetIncomeLoss", "2023-06-30", 6, 16600000.0, None, None, False),
    }


def test_bank_balances_ended_the_quarter_at_and_mm_scale():
    got = _facts("Arbor Vale Bancorp Announces 2024 3rd Quarter Financial Results\n\n"
                 "ELM CITY, Calif. - October 18, 2024 - Arbor Vale Bancorp announced unaudited results for the quarter "
                 "ending September 30, 2024. Total assets reached $315.9 MM by the end of the quarter, and gross loans "
                 "ended the quarter at $261.1 MM.\n\n"
                 "Our Allowance for Credit Losses ended the quarter at $2,697,627.\n")
    assert got == {
        ("Assets", "2024-09-30", 0, 315900000.0, None, None, False),
        ("LoansAndLeasesReceivableGrossCarryingAmount", "2024-09-30", 0, 261100000.0, None, None, False),
        ("FinancingReceivableAllowanceForCreditLosses", "2024-09-30", 0, 2697627.0, None, None, False),
    }


# --- guidance ---------------------------------------------------------------------------------------

def test_guidance_nouns_targeting_and_looking_ahead_to_a_year():
    got = _facts("Tarsel Reports 581% Q3 Growth\n\n"
                 "In Q3 2024, Tarsel reported revenue of $3.12 million.\n\n"
                 "With plans to exceed its original 2024 revenue guidance of $6-8 million, Tarsel is primed to grow.\n\n"
                 "Looking ahead to 2025, Tarsel is targeting a revenue range of $25 million to $34.5 million.\n")
    assert got == {
        ("Revenues", "2024-09-30", 3, 3120000.0, None, None, False),
        ("Revenues", "2024-12-31", 12, None, 6000000.0, 8000000.0, True),
        ("Revenues", "2025-12-31", 12, None, 25000000.0, 34500000.0, True),
    }


def test_quarter_target_with_estimated_eps_and_full_year_eps_after_a_comparison():
    got = _facts("Lumeris Reports Q3 2024 Financial Results\n\n"
                 "Lumeris's Q3 2024 financial results showcase its resilience.\n\n"
                 "Looking ahead to Q4, Lumeris has set a revenue target of $53.6 million with an estimated EPS of $0.09. "
                 "For the full year of 2024, the company expects to achieve net revenue of $200 million, representing "
                 "a 9% growth from the prior year and an EPS of $0.20.\n")
    assert got == {
        ("Revenues", "2024-12-31", 3, 53600000.0, 53600000.0, 53600000.0, True),
        ("EarningsPerShareBasicAndDiluted", "2024-12-31", 3, 0.09, 0.09, 0.09, True),
        ("Revenues", "2024-12-31", 12, 200000000.0, 200000000.0, 200000000.0, True),
        ("EarningsPerShareBasicAndDiluted", "2024-12-31", 12, 0.2, 0.2, 0.2, True),
    }


def test_raised_guidance_to_sees_and_projects():
    got = _facts("Trevanta Systems Reports Fourth Quarter and Full Year 2024 Results\n\n"
                 "AUSTIN, Texas, March 4, 2025 -- Trevanta Systems, Inc. today announced results for the year ended "
                 "December 31, 2024.\n\n"
                 "Trevanta raised its 2025 revenue guidance to $160 million to $165 million. The company sees adjusted "
                 "EBITDA of $12 million to $14 million for 2025 and projects first-quarter 2025 revenue in the range of "
                 "$36 million to $37 million.\n")
    assert got == {
        ("Revenues", "2025-12-31", 12, None, 160000000.0, 165000000.0, True),
        ("AdjustedEBITDA", "2025-12-31", 12, None, 12000000.0, 14000000.0, True),
        ("Revenues", "2025-03-31", 3, None, 36000000.0, 37000000.0, True),
    }


def test_fiscal_year_placeable_once_the_quarters_are_calendar_quarters():
    got = _facts("Zentrovia Labs Reports Third Quarter 2024 Financial Results\n\n"
                 "BOSTON, Nov. 12, 2024 -- Zentrovia Labs, Inc. today reported financial results for the third quarter "
                 "ended September 30, 2024.\n\n"
                 "Zentrovia expects revenue of $50 million to $52 million for fiscal 2025.\n")
    assert got == {("Revenues", "2025-12-31", 12, None, 50000000.0, 52000000.0, True)}


def test_an_analysts_projection_is_not_guidance():
    got = _facts("Brightwell Research Reaffirms $4.00 Price Target for Kestrel Gaming\n\n"
                 "NEW YORK, May 23, 2025 -- The analysis values the company at a 2.75x multiple and projects 2025 "
                 "revenues of $200 million.\n")
    assert got == set()


def test_targeting_a_disease_is_no_forecast():
    got = _facts("Halvora Reports Q3 2024 Results\n\n"
                 "Halvora, a company targeting difficult cancers, reported revenue of $4.2 million for Q3 2024.\n")
    assert got == {("Revenues", "2024-09-30", 3, 4200000.0, None, None, False)}


def test_forecast_with_a_reported_dated_comparison():
    got = _facts("Marrow Motors Reports QoQ Revenue Growth\n\n"
                 "Marrow Motors today announced expectations to report a revenue increase for the quarter ended "
                 "September 30, 2024. Monthly cash burn for the quarter ended September 30, 2024, was about $12.7 million. "
                 "The company anticipates recording approximately $4.5 million in revenue in the "
                 "just-ended quarter, compared to $65,235.00 in the previous quarter ended June 30, 2024.\n")
    assert got == {("Revenues", "2024-06-30", 3, 65235.0, None, None, False)}


# --- a crypto miner's own quarter, peers' figures beside it ---------------------------------------

_MINER = ("Hashvale Posts Double-Digit Third Quarter Revenue Growth In A Challenging Market\n\nBy Staff Writer\n\n"
          "What sets Hashvale apart from peers such as Quarry Digital Inc (NASDAQ: QRYD), Blockhollow (NASDAQ: BKHW) and "
          "Minera Holdings Inc. (NASDAQ: MINR) is its asset-light model for bitcoin mining. For instance, in the second "
          "quarter, Hashvale reported revenue of $129.4 million and net income of $1.3 million. In comparison. Quarry "
          "Digital generated $70 million in revenue but reported a net loss of $(0.32) per share, while MINR recorded "
          "revenue of $145 million.\n\n"
          "Despite the bitcoin halving, Hashvale (NASDAQ: HSHV) grew in the third quarter. The company reported revenue of "
          "$90.3 million for the third quarter of 2024 and achieved adjusted EBITDA of $5.8 million. Bitcoin, crypto and "
          "token prices were volatile.\n\n"
          "Between the second quarter of 2023 and 2024, Hashvale reported positive net income of $1.3 million. In contrast, "
          "MINR posted a net loss of $199 million over the same period.\n")


def test_crypto_miner_reporting_its_own_quarter_revenue_without_peers_figures():
    assert _facts(_MINER) == {
        ("Revenues", "2024-06-30", 3, 129400000.0, None, None, False),
        ("NetIncomeLoss", "2024-06-30", 3, 1300000.0, None, None, False),
        ("Revenues", "2024-09-30", 3, 90300000.0, None, None, False),
        ("AdjustedEBITDA", "2024-09-30", 3, 5800000.0, None, None, False),
    }


def test_another_entitys_revenue_in_a_crypto_title_stays_out():
    got = _facts("Chainlens Reports Zeno's Protocol Revenue Reached An All-Time High In Q3 2024\n\n"
                 "Geneva, October 22, 2024 - Chainlens released a research report on the Zeno blockchain, its tokens "
                 "and crypto activity. The Zeno network generated revenue of $151.2 million in Q3 2024, a bitcoin-scale "
                 "record for the token.\n")
    assert got == set()


def test_a_quarter_of_two_years_places_no_single_figure():
    got = _facts("Hashvale Reports Third Quarter 2024 Results\n\n"
                 "Hashvale reported revenue of $90.3 million for the third quarter of 2024. Between the second quarter "
                 "of 2023 and 2024, Hashvale reported net income of $1.3 million.\n")
    assert got == {("Revenues", "2024-09-30", 3, 90300000.0, None, None, False)}


def test_interim_full_year_outlook_month_end_and_turned_positive():
    got = _facts("Kestova Bio Delivers Record Q2 2024 Revenue\n\nBy Staff Writer\n\n"
                 "Kestova Bio delivered record revenue of $21.4 million in Q2 2024, up 35% from $15.9 million in Q2 2023. "
                 "Adjusted EBITDA turned positive at $1.2 million. Kestova ended June with $62.3 million in cash and no "
                 "debt.\n\n"
                 "For the full year, Kestova now expects revenue between $88 million and $92 million.\n")
    assert got == {
        ("Revenues", "2024-06-30", 3, 21400000.0, None, None, False),
        ("Revenues", "2023-06-30", 3, 15900000.0, None, None, False),
        ("AdjustedEBITDA", "2024-06-30", 3, 1200000.0, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2024-06-30", 0, 62300000.0, None, None, False),
        ("Revenues", "2024-12-31", 12, None, 88000000.0, 92000000.0, True),
    }


def test_a_later_predicate_about_the_same_quarter_and_a_component_with_its_own_period():
    got = _facts("Pellmark Reports Q3 2024 Results\n\n"
                 "Pellmark reported its Q3 2024 financial results. The company posted an EPS of $(0.12) and closed the "
                 "quarter with a cash position of $9.6 million. This includes $0.9 million in revenue recognized during "
                 "the three months ended September 30, 2024 from a settlement.\n")
    assert got == {
        ("EarningsPerShareBasicAndDiluted", "2024-09-30", 3, -0.12, None, None, False),
        ("CashAndCashEquivalentsAtCarryingValue", "2024-09-30", 0, 9600000.0, None, None, False),
    }


def test_guidance_list_after_a_colon_and_continues_to_expect():
    got = _facts("Norvane Reports Third Quarter 2024 Results\n\n"
                 "DENVER, Nov. 6, 2024 -- Norvane Inc. today reported results for the third quarter ended September 30, "
                 "2024.\n\n"
                 "Norvane reaffirms its full-year 2024 guidance: revenue of $210 million to $215 million and adjusted "
                 "EBITDA of $30 million to $32 million. The Company continues to expect 2025 revenue in the range of "
                 "$240 million to $250 million.\n")
    assert got == {
        ("Revenues", "2024-12-31", 12, None, 210000000.0, 215000000.0, True),
        ("AdjustedEBITDA", "2024-12-31", 12, None, 30000000.0, 32000000.0, True),
        ("Revenues", "2025-12-31", 12, None, 240000000.0, 250000000.0, True),
    }


def test_month_end_without_year_in_a_dated_release_takes_that_months_last_day():
    got = _facts("Dorrin Reports Fourth Quarter and Full Year 2024 Results\n\n"
                 "MIAMI, March 20, 2025 -- Dorrin Inc. today reported results for the year ended December 31, 2024. As of "
                 "the end of February, Dorrin had cash of $88.7 million.\n")
    assert got == {("CashAndCashEquivalentsAtCarryingValue", "2025-02-28", 0, 88700000.0, None, None, False)}
