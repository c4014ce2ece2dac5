"""Prose patterns from the blind-set round: IFRS comparatives, preliminary releases, change vs level.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

from pipelines.financial.narrative import extract_text_facts
from pipelines.model import CleanDocument

FY25_JUL = (date(2024, 8, 1), date(2025, 7, 31))
FY24_JUL = (date(2023, 8, 1), date(2024, 7, 31))
FY23 = (date(2023, 1, 1), date(2023, 12, 31))
FY22 = (date(2022, 1, 1), date(2022, 12, 31))
Q4_23 = (date(2023, 10, 1), date(2023, 12, 31))
Q1_26 = (date(2026, 1, 1), date(2026, 3, 31))
Q4_25 = (date(2025, 10, 1), date(2025, 12, 31))
Q1_25 = (date(2025, 1, 1), date(2025, 3, 31))
Q3_25 = (date(2025, 7, 1), date(2025, 9, 30))
YTD_Q3_25 = (date(2025, 1, 1), date(2025, 9, 30))
FY25_SEP = (date(2024, 10, 1), date(2025, 9, 30))
FY24_SEP = (date(2023, 10, 1), date(2024, 9, 30))


def facts_of(text, release=None):
    doc = CleanDocument("t", text, release_date=release, sections=[])
    return {(f.concept, f.period_start, f.period_end, f.is_guidance): f for f in extract_text_facts(doc)}


def value(got, concept, period, guidance=False):
    f = got.get((concept, period[0], period[1], guidance))
    return None if f is None else f.value


def test_ifrs_parenthetical_prior_year_and_comprehensive_loss():
    text = (
        "Korvia Oncology Announces Fiscal 2025 Year-End Results\n\n"
        "Korvia Oncology (TSX: KOV) announced results for the fiscal year ended July 31, 2025.\n\n"
        "The Company reported a net loss and total comprehensive loss of $4,105,000 or $0.08 per common share "
        "for the year ended July 31, 2025, (July 31, 2024: $8,164,000 or $0.19 per common share).\n\n"
        "Research & Development expenses for the year ended July 31, 2025, totaled $2,448,000 (2024: $4,967,000).\n"
    )
    got = facts_of(text, date(2025, 10, 29))
    assert value(got, "NetIncomeLoss", FY25_JUL) == -4_105_000
    assert value(got, "NetIncomeLoss", FY24_JUL) == -8_164_000
    assert value(got, "EarningsPerShareBasicAndDiluted", FY24_JUL) == -0.19
    assert value(got, "ResearchAndDevelopmentExpense", FY25_JUL) == 2_448_000
    assert value(got, "ResearchAndDevelopmentExpense", FY24_JUL) == 4_967_000


def test_own_year_and_a_clause_naming_its_quarter():
    text = (
        "Vintra Sciences Reports Strong Financial Performance for 2023\n\n"
        "Vintra Sciences reported results for the fourth quarter and full year ended December 31, 2023. "
        "Revenue surged by 131% to $11.7 million in 2023, compared to $4.5 million in 2022, with fourth quarter "
        "revenue growing by 85% to $3.5 million.\n"
    )
    got = facts_of(text, date(2024, 4, 30))
    assert value(got, "Revenues", FY23) == 11_700_000
    assert value(got, "Revenues", FY22) == 4_500_000
    assert value(got, "Revenues", Q4_23) == 3_500_000


def test_another_companys_year_figure_in_a_forecast_sentence_is_not_read():
    text = (
        "Telmora Announces Fiscal Year 2024 Results\n\n"
        "Telmora reported results for the year ended December 31, 2024.\n\n"
        "Target Co has a fast growing offering and achieved unaudited revenues approximately $17 million in 2024 "
        "and expects to exceed $1.1m in operating profits this year.\n"
    )
    got = facts_of(text, date(2025, 6, 6))
    assert not [k for k in got if k[0] == "Revenues"]


def test_current_period_named_by_the_comparison():
    text = (
        "Quellon Bio Reports First Quarter 2026 Financial Results\n\n"
        "Quellon Bio reported results for the quarter ended March 31, 2026.\n\n"
        "Gross profit was $2.8 million, representing a gross margin of 61%, compared to $8.8 million in the fourth "
        "quarter of 2025, and $14.1 million in the first quarter of 2025.\n\n"
        "GAAP net loss was ($7.8 million) or ($0.42) per share, compared to net income of $2.9 million or $0.13 "
        "per share in the first quarter of 2025.\n"
    )
    got = facts_of(text, date(2026, 5, 14))
    assert value(got, "GrossProfit", Q1_26) == 2_800_000
    assert value(got, "GrossProfit", Q4_25) == 8_800_000
    assert value(got, "NetIncomeLoss", Q1_26) == -7_800_000
    assert value(got, "EarningsPerShareBasicAndDiluted", Q1_26) == -0.42


def test_change_amounts_and_signs_in_words_are_not_figures():
    text = (
        "Brevan Labs Reports First Quarter 2024 Results\n\n"
        "Brevan Labs reported results for the quarter ended March 31, 2024. "
        "This helped slash the operating loss by $15.6 million, from $26.4 million to $10.8 million. "
        "Adjusted EBITDA was $3.6 million, compared to a negative $0.8 million in the first quarter of last year. "
        "The remaining increase in operating expenses of $84,604 in the quarter came from payroll.\n"
    )
    got = facts_of(text, date(2024, 5, 20))
    assert not [k for k, f in got.items() if k[0] == "OperatingIncomeLoss" and f.value == -15_600_000]
    assert not [k for k, f in got.items() if abs(f.value or 0) == 800_000]
    assert not [k for k, f in got.items() if k[0] == "OperatingExpenses"]


def test_increase_in_a_measure_to_a_level_is_the_level():
    text = (
        "Norvane Reports Full Year 2024 Results\n\n"
        "For the fourth quarter, Norvane posted a 6% increase in net revenue to $31.7 million.\n"
    )
    got = facts_of(text, date(2025, 4, 15))
    assert value(got, "Revenues", (date(2024, 10, 1), date(2024, 12, 31))) == 31_700_000


def test_year_to_date_in_a_quarterly_release():
    text = (
        "Altrex Labs Reports Record Revenue for Its Third Quarter\n\n"
        "Altrex Labs reported results for the quarter ended September 30, 2025. "
        "On a year-to-date basis, the Company has generated $2,410,204 in revenues.\n"
    )
    got = facts_of(text, date(2025, 11, 4))
    assert value(got, "Revenues", YTD_Q3_25) == 2_410_204


def test_preliminary_release_expects_figure_for_an_ended_year():
    text = (
        "Medora Announces Preliminary Unaudited Product Revenue for Fiscal 2025\n\n"
        "Medora today announced preliminary unaudited product revenue for the fiscal year ended September 30, 2025.\n\n"
        "The Company expects total product revenue in fiscal year 2025 to increase to a record $8.1 million, "
        "compared to $2.5 million in fiscal 2024. Additionally, as of September 30, 2025, the Company had "
        "preliminary cash and cash equivalents of $5.6 million.\n"
    )
    got = facts_of(text, date(2025, 10, 6))
    assert value(got, "ProductRevenue", FY25_SEP) == 8_100_000
    assert value(got, "ProductRevenue", FY24_SEP) == 2_500_000
    assert value(got, "CashAndCashEquivalentsAtCarryingValue", (None, date(2025, 9, 30))) == 5_600_000


def test_expects_in_a_regular_release_stays_a_forecast_only():
    text = (
        "Medora Announces Fiscal 2025 Results\n\n"
        "Medora reported results for the fiscal year ended September 30, 2025.\n\n"
        "The Company expects total product revenue in fiscal year 2025 to increase to a record $8.1 million.\n"
    )
    got = facts_of(text, date(2025, 12, 6))
    assert value(got, "ProductRevenue", FY25_SEP) is None


def test_misplaced_current_quarter_takes_its_comparison_along():
    text = (
        "Valtra Pharma Hits Record 2nd Quarter Revenue\n\n"
        "The company reported revenues of $14.1 million for Q2, an increase from the $13.6 million recorded "
        "in the same quarter of 2023.\n"
    )
    got = facts_of(text, date(2024, 6, 17))
    assert not [k for k in got if k[0] == "Revenues"]
