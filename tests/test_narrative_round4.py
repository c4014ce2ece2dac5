"""Prose patterns from the recall round: periods implied by headings, quarter and year in one
sentence, "from $X to $Y", loss ranges in parentheses, magazine-style verbs.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

from pipelines.document import prepare
from pipelines.financial.guidance import guidance_values
from pipelines.financial.money import find_money
from pipelines.financial.narrative import extract_text_facts
from pipelines.financial.periods import find_periods, fiscal_calendar

FY24 = (date(2024, 1, 1), date(2024, 12, 31))
FY23 = (date(2023, 1, 1), date(2023, 12, 31))
FY22 = (date(2022, 1, 1), date(2022, 12, 31))
Q4_24 = (date(2024, 10, 1), date(2024, 12, 31))
Q4_23 = (date(2023, 10, 1), date(2023, 12, 31))
Q4_25 = (date(2025, 10, 1), date(2025, 12, 31))
Q3_24 = (date(2024, 7, 1), date(2024, 9, 30))
Q3_23 = (date(2023, 7, 1), date(2023, 9, 30))
M9_24 = (date(2024, 1, 1), date(2024, 9, 30))
Q1_25 = (date(2025, 1, 1), date(2025, 3, 31))
Q1_24 = (date(2024, 1, 1), date(2024, 3, 31))


def facts_of(text):
    doc = prepare("t", text)
    return {(f.concept, f.period_start, f.period_end, f.is_guidance): f for f in extract_text_facts(doc)}


def value(got, concept, period, guidance=False):
    f = got.get((concept, period[0], period[1], guidance))
    return None if f is None else f.value


def instant(got, concept, day):
    f = got.get((concept, None, day, False))
    return None if f is None else f.value


def test_quarter_and_full_year_in_one_sentence():
    got = facts_of(
        "Zentrex Bio Reports Fourth Quarter and Full Year 2024 Financial Results\n\n"
        "BOSTON, March 3, 2025 -- Zentrex Bio, Inc. (Nasdaq: ZTX) today reported results.\n\n"
        "Revenue was $4.1 million for the quarter and $15.2 million for the full year.\n\n"
        "Net loss was $2.2 million for the fourth quarter and $9.9 million for the full year 2024.\n"
    )
    assert value(got, "Revenues", Q4_24) == 4_100_000
    assert value(got, "Revenues", FY24) == 15_200_000
    assert value(got, "NetIncomeLoss", Q4_24) == -2_200_000
    assert value(got, "NetIncomeLoss", FY24) == -9_900_000


def test_full_year_adjective_and_the_next_figures_period():
    got = facts_of(
        "Corvel Gaming Reports Record 2024 Results\n\n"
        "Fourth Quarter Revenue Up 40% to $46 Million and Full-Year Revenue Up 30% to $151 Million\n\n"
        "LAS VEGAS, March 20, 2025 -- Corvel Gaming Inc. (Nasdaq: CVGM) announced results for the fiscal year "
        "ended December 31, 2024.\n\n"
        "Financial Highlights\n\n"
        "- Gross profit for the fourth quarter rose 45% to $27 million and full-year gross profit increased by 30% "
        "to $89 million.\n\n"
        "Operational Highlights\n\n"
        "- Brightbet reported a 14% growth of full-year revenue to $106 million.\n"
    )
    assert value(got, "Revenues", Q4_24) == 46_000_000
    assert value(got, "Revenues", FY24) == 151_000_000
    assert value(got, "GrossProfit", Q4_24) == 27_000_000
    assert value(got, "GrossProfit", FY24) == 89_000_000


def test_loss_range_in_parentheses_is_one_forecast_range():
    m = find_money("net loss of $(4.9) million to $(4.4) million.")
    assert [(x.value, x.value_high, x.negative) for x in m] == [(-4_900_000, -4_400_000, True)]
    assert guidance_values(m[0], -1) == (None, -4_900_000, -4_400_000)
    # a mixed range stays two amounts, neither read as a single forecast
    assert len(find_money("$(2.0) million to $1.0 million")) == 2
    got = facts_of(
        "Halvik Labs Reports Third Quarter 2025 Results\n\n"
        "AUSTIN, Nov. 5, 2025 -- Halvik Labs (Nasdaq: HVK) reported results for the third quarter ended "
        "September 30, 2025.\n\n"
        "For the fourth quarter of 2025, Halvik expects adjusted EBITDA loss to range between $(4.9) million and "
        "$(4.4) million and net loss of $(6.0) million to $2.0 million.\n"
    )
    f = got[("AdjustedEBITDA", Q4_25[0], Q4_25[1], True)]
    assert (f.value, f.value_low, f.value_high) == (None, -4_900_000, -4_400_000)
    assert not [k for k in got if k[0] == "NetIncomeLoss"]


def test_change_on_the_way_to_a_loss_and_its_comparison():
    got = facts_of(
        "Parlo Inc. Reports Results for Third Quarter 2024\n\n"
        "NEW YORK, Nov. 12, 2024 -- Parlo Inc. (Nasdaq: PRLO) announced results for the third quarter ended "
        "September 30, 2024.\n\n"
        "- Loss from operations for the three months ended September 30, 2024 increased by 333.3%, or $1.3 million, "
        "to a loss of $1.7 million, compared to a loss of $0.4 million for the three months ended September 30, 2023.\n\n"
        "- Cash and cash equivalents totaled $12.1 million at September 30, 2024, a decrease of $1.5 million "
        "compared to $13.6 million at December 31, 2023.\n\n"
        "- Operating income for the three months ended September 30, 2024 was $2.0 million, compared to a loss of "
        "$0.5 million for the three months ended September 30, 2023.\n"
    )
    assert value(got, "OperatingIncomeLoss", Q3_24) in (-1_700_000, None)
    assert got[("OperatingIncomeLoss", Q3_23[0], Q3_23[1], False)].value != 500_000  # never the wrong sign
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2024, 9, 30)) == 12_100_000
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2023, 12, 31)) == 13_600_000


def test_change_then_level_binds_past_the_change():
    got = facts_of(
        "Parlo Inc. Reports Results for Third Quarter 2024\n\n"
        "NEW YORK, Nov. 12, 2024 -- Parlo Inc. (Nasdaq: PRLO) announced results for the third quarter ended "
        "September 30, 2024.\n\n"
        "- Loss from operations for the three months ended September 30, 2024 increased by 333.3%, or $1.3 million, "
        "to a loss of $1.7 million, compared to a loss of $0.4 million for the three months ended September 30, 2023.\n"
    )
    assert value(got, "OperatingIncomeLoss", Q3_24) == -1_700_000
    assert value(got, "OperatingIncomeLoss", Q3_23) == -400_000
    assert not [f for f in got.values() if abs(f.value) == 1_300_000]


def test_from_to_with_a_period_each():
    got = facts_of(
        "Verdant Fuels Reports 2024 Fourth Quarter and Year-End Results\n\n"
        "CUPERTINO, CA - March 13, 2025 -- Verdant Fuels, Inc. (Nasdaq: VFUL) announced results for the fourth "
        "quarter and year ending December 31, 2024.\n\n"
        "Cost of goods sold decreased from $70 million during the fourth quarter of 2023 to $49 million during the "
        "fourth quarter of 2024.\n\n"
        "Selling, general and administrative expenses rose from $9.8 million to $11.4 million.\n"
    )
    assert value(got, "CostOfRevenue", Q4_23) == 70_000_000
    assert value(got, "CostOfRevenue", Q4_24) == 49_000_000
    assert not [k for k in got if k[0] == "SellingGeneralAndAdministrativeExpense"]


def test_years_ended_pair_and_instant_pair_with_respectively():
    got = facts_of(
        "Pellora Announces Fourth Quarter and Fiscal Year 2024 Financial Results\n\n"
        "NEWARK, NJ - March 6, 2025 -- Pellora Inc. (Nasdaq: PLRA) announced results for the year ended "
        "December 31, 2024.\n\n"
        "Research and development expenses for the years ended December 31, 2024 and 2023 were $0.9 million, "
        "respectively.\n\n"
        "Cash and cash equivalents at December 31, 2024, and December 31, 2023, was $6.7 million and $2.2 million, "
        "respectively.\n\n"
        "Selling, general and administrative expenses for the fourth quarter of 2024 were approximately $1.9 million, "
        "compared with $2.4 million in 2023.\n"
    )
    assert value(got, "ResearchAndDevelopmentExpense", FY24) == 900_000
    assert value(got, "ResearchAndDevelopmentExpense", FY23) == 900_000
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2024, 12, 31)) == 6_700_000
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2023, 12, 31)) == 2_200_000
    assert value(got, "SellingGeneralAndAdministrativeExpense", Q4_23) == 2_400_000


def test_period_pairs_in_mentions():
    text = "for the years ended December 31, 2024, and 2023 and at June 30, 2024, and June 30, 2023"
    spans = [m.periods for m in find_periods(text, fiscal_calendar(text), 0, len(text)) if m.kind == "explicit"]
    assert [(p.start, p.end) for p in spans[0]] == [FY24, FY23]
    assert [p.end for p in spans[1]] == [date(2024, 6, 30), date(2023, 6, 30)]


def test_heading_line_places_the_bullets_below_it():
    got = facts_of(
        "Parlo Inc. Reports Results for Third Quarter 2024\n\n"
        "NEW YORK, Nov. 12, 2024 -- Parlo Inc. (Nasdaq: PRLO) announced results for the third quarter ended "
        "September 30, 2024.\n\n"
        "Key Financial Highlights for the Nine Months Ended September 30, 2024 Compared to Prior Year Period\n\n"
        "- Revenue decreased 16.2% to $6.9 million\n\n"
        "- Net cash used in operating activities increased 58.2% to $1.6 million\n"
    )
    assert value(got, "Revenues", M9_24) == 6_900_000
    assert value(got, "NetCashProvidedByUsedInOperatingActivities", M9_24) == -1_600_000
    assert value(got, "Revenues", Q3_24) is None


def test_magazine_verbs_and_cash_flow_phrases():
    got = facts_of(
        "Kestrel Bio Announces Dividend After Record-Breaking Year\n\n"
        "By Jane Roe, Benzinga\n\n"
        "REHOVOT, Israel - March 14, 2025 -- Kestrel Bio Ltd. (Nasdaq: KSTB) reported results for the year ended "
        "December 31, 2024.\n\n"
        "Moreover, adjusted EBITDA landed at $34.1 million for 2024, up 42% on a year-over-year basis. "
        "Furthermore, operating cash flow for 2024 hit $47.6 million.\n\n"
        "Management is expecting the total 2025 revenue to land between $178 million and $182 million.\n"
    )
    assert value(got, "AdjustedEBITDA", FY24) == 34_100_000
    assert value(got, "NetCashProvidedByUsedInOperatingActivities", FY24) == 47_600_000
    f = got[("Revenues", date(2025, 1, 1), date(2025, 12, 31), True)]
    assert (f.value_low, f.value_high) == (178_000_000, 182_000_000)


def test_lower_than_is_a_comparison_not_the_next_sentences_period():
    got = facts_of(
        "Ambrose Mining Reports Strong Q3 Performance\n\n"
        "Ambrose Mining (NYSE: AMBM) announced results for Q3 2024, with revenue up 36% to $52.3 million. "
        "The company reported a net loss of $2.1 million, significantly lower than the $18.5 million loss in "
        "Q3 2023. Operating cash flow rose to $23.2 million.\n"
    )
    assert value(got, "Revenues", Q3_24) == 52_300_000
    assert value(got, "NetIncomeLoss", Q3_23) in (None, -18_500_000)
    assert value(got, "NetCashProvidedByUsedInOperatingActivities", Q3_23) is None


def test_market_share_is_not_a_market_size():
    got = facts_of(
        "Corvel Gaming Posts Strong First Quarter 2025 Results\n\n"
        "LAS VEGAS, May 8, 2025 -- Corvel Gaming Inc. (Nasdaq: CVGM) announced results for the first quarter ended "
        "March 31, 2025.\n\n"
        "Financial Highlights\n\n"
        "- Adjusted EBITDA declined by $0.3 million, or 5%, to $5.6 million, as spending rose to improve our market "
        "share in support of full-year growth initiatives.\n"
    )
    assert value(got, "AdjustedEBITDA", Q1_25) == 5_600_000
    assert not [f for f in got.values() if abs(f.value or 0) == 300_000]


def test_contract_award_is_not_a_result():
    got = facts_of(
        "Vantor Defense Awarded Contract\n\n"
        "DALLAS, May 1, 2025 -- Vantor Defense (Nasdaq: VTD) was awarded a contract for up to $34 million over "
        "five years.\n"
    )
    assert got == {}


def test_fiscal_year_end_said_in_passing_and_q4_fiscal():
    assert fiscal_calendar("Orvik closed out Fiscal 2025, ended March, with record revenue.").end_month == 3
    assert fiscal_calendar("preliminary results for Q1 Fiscal 2026 ended June 30, with revenue up").end_month == 12
    got = facts_of(
        "Orvik Metals Reports Record Q4 Results for Fiscal 2025\n\n"
        "Orvik Metals (NYSE: ORVK) delivered its strongest fourth quarter, closing out Fiscal 2025, ended March, "
        "with growth in revenue.\n\n"
        "Revenue for Q4 Fiscal 2025 reached $75.1 million, a 76% increase compared to $42.7 million in the same "
        "quarter last year.\n"
    )
    assert value(got, "Revenues", (date(2025, 1, 1), date(2025, 3, 31))) == 75_100_000
    assert value(got, "Revenues", (date(2024, 1, 1), date(2024, 3, 31))) == 42_700_000


def test_quarters_ended_two_dates_each_and_growth_before_the_second_figure():
    got = facts_of(
        "Pellora Announces Financial Results for Quarter Ended September 30, 2024\n\n"
        "NEWARK, NJ - Nov. 7, 2024 -- Pellora Inc. (Nasdaq: PLRA) announced results for the quarter ended "
        "September 30, 2024.\n\n"
        "Research and development expenses for each of the quarters ended September 30, 2024, and September 30, "
        "2023, were $0.2 million.\n\n"
        "Adjusted EBITDA rose 69% to $6.5 million for the third quarter and 4% to $22.2 million for the first nine "
        "months of 2024.\n"
    )
    assert value(got, "ResearchAndDevelopmentExpense", Q3_24) == 200_000
    assert value(got, "ResearchAndDevelopmentExpense", Q3_23) == 200_000
    assert value(got, "AdjustedEBITDA", Q3_24) == 6_500_000
    assert value(got, "AdjustedEBITDA", M9_24) == 22_200_000


def test_guidance_for_two_quarters_respectively():
    got = facts_of(
        "Novo Harvest Reports Strong Financial Performance for 2023\n\n"
        "Novo Harvest (CSE: NOVH) reported results for the year ended December 31, 2023.\n\n"
        "Looking ahead, the CEO provided revenue guidance for the first and second quarters of 2024, expecting "
        "revenues to range between $5.2-$5.3 million and $5.7-$6.0 million, respectively.\n"
    )
    q1 = got[("Revenues", date(2024, 1, 1), date(2024, 3, 31), True)]
    q2 = got[("Revenues", date(2024, 4, 1), date(2024, 6, 30), True)]
    assert (q1.value_low, q1.value_high, q2.value_low, q2.value_high) == (5_200_000, 5_300_000, 5_700_000, 6_000_000)
