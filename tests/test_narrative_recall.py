"""Biotech quarterly-results prose: headings, bullets, "respectively", prior-year phrasing.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

from pipelines.financial.narrative import extract_text_facts
from pipelines.model import CleanDocument, Section

Q3_25 = (date(2025, 7, 1), date(2025, 9, 30))
Q3_24 = (date(2024, 7, 1), date(2024, 9, 30))
Q4_25 = (date(2025, 10, 1), date(2025, 12, 31))
FY25 = (date(2025, 1, 1), date(2025, 12, 31))
FY24 = (date(2024, 1, 1), date(2024, 12, 31))


def facts_of(text, release=None, sections=None):
    doc = CleanDocument("t", text, release_date=release, sections=sections or [])
    return {(f.concept, f.period_start, f.period_end, f.is_guidance): f for f in extract_text_facts(doc)}


def value(got, concept, period, guidance=False):
    f = got.get((concept, period[0], period[1], guidance))
    return None if f is None else f.value


def _sections(text, headings):
    """Sections starting at each heading line (kind financial_results)."""
    out = []
    starts = [text.index(h) for h in headings] + [len(text)]
    out.append(Section(0, "body", None, text[:starts[0]], 0, starts[0]))
    for i, h in enumerate(headings):
        out.append(Section(i + 1, "financial_results", h, text[starts[i]:starts[i + 1]], starts[i], starts[i + 1]))
    return out


def test_section_heading_places_bare_figures():
    text = (
        "Zentrix Bio Reports Third Quarter 2025 Financial Results\n\n"
        "Third Quarter 2025 Financial Results\n\n"
        "- R&D Expenses: Research and development expenses were $41.7 million, compared to $36.2 million "
        "for the third quarter of 2024.\n\n"
        "- Net Loss: Net loss was $52.3 million, or $0.61 per share, compared to a net loss of $47.9 million, "
        "or $0.58 per share, for the same period in 2024.\n\n"
        "Full Year 2024 Financial Results\n\n"
        "- Total revenue was $12.5 million.\n"
    )
    got = facts_of(text, date(2025, 11, 6), _sections(text, ["Third Quarter 2025 Financial Results",
                                                              "Full Year 2024 Financial Results"]))
    assert value(got, "ResearchAndDevelopmentExpense", Q3_25) == 41_700_000
    assert value(got, "ResearchAndDevelopmentExpense", Q3_24) == 36_200_000
    assert value(got, "NetIncomeLoss", Q3_25) == -52_300_000
    assert value(got, "EarningsPerShareBasicAndDiluted", Q3_25) == -0.61
    assert value(got, "NetIncomeLoss", Q3_24) == -47_900_000
    assert value(got, "EarningsPerShareBasicAndDiluted", Q3_24) == -0.58
    assert value(got, "Revenues", FY24) == 12_500_000


def test_title_period_places_subject_figures_only():
    text = (
        "Corvane Therapeutics Reports Third Quarter 2025 Financial Results\n\n"
        "Net loss was $18.4 million. Cash and cash equivalents totaled $210.5 million at quarter end.\n\n"
        "Its Diagnostics unit rebounded to $3.2 million in revenue with new contracts.\n"
    )
    got = facts_of(text, date(2025, 11, 6))
    assert value(got, "NetIncomeLoss", Q3_25) == -18_400_000
    assert got[("CashAndCashEquivalentsAtCarryingValue", None, date(2025, 9, 30), False)].value == 210_500_000
    assert all(f.value != 3_200_000 for f in got.values())


def test_title_naming_two_spans_places_nothing():
    text = (
        "Corvane Therapeutics Reports Fourth Quarter and Full Year 2025 Financial Results\n\n"
        "- Net revenue was $8.1 million, compared to $6.0 million in the fourth quarter of 2024.\n"
    )
    got = facts_of(text, date(2026, 3, 5))
    assert value(got, "Revenues", (date(2024, 10, 1), date(2024, 12, 31))) == 6_000_000
    assert all(f.value != 8_100_000 for f in got.values())


def test_prior_year_and_year_ago_comparatives():
    text = (
        "Helionyx Reports Results for the Third Quarter of 2025\n\n"
        "Revenue for the third quarter of 2025 was $9.4 million, compared to $7.7 million in the prior year. "
        "Q3 R&D expenses rose to $6.3 million from $5.8 million a year ago, while G&A fell to $2.2 million "
        "from $2.9 million.\n"
    )
    got = facts_of(text, date(2025, 11, 6))
    assert value(got, "Revenues", Q3_25) == 9_400_000
    assert value(got, "Revenues", Q3_24) == 7_700_000
    assert value(got, "ResearchAndDevelopmentExpense", Q3_24) == 5_800_000
    assert value(got, "GeneralAndAdministrativeExpense", Q3_25) == 2_200_000


def test_income_comparative_keeps_its_own_sign_for_eps():
    text = (
        "Pellora Reports First Quarter 2026 Financial Results\n\n"
        "GAAP net loss was ($4.1 million) or ($0.31) per share, compared to net income of $2.2 million or "
        "$0.17 per share in the first quarter of 2025.\n"
    )
    got = facts_of(text, date(2026, 5, 12))
    q1_25 = (date(2025, 1, 1), date(2025, 3, 31))
    assert value(got, "NetIncomeLoss", q1_25) == 2_200_000
    assert all(f.value != -0.17 for f in got.values())


def test_respectively_pairs_figures_with_periods():
    text = (
        "Ostrava Bio Reports Fourth Quarter and Full Year 2025 Results\n\n"
        "Net loss widened for the fourth quarter and for the full year to $3.3 million and $11.9 million, "
        "respectively. Net loss per common share was $0.21 and $0.26 for the three months ended December 31, "
        "2025 and 2024, respectively.\n"
    )
    got = facts_of(text, date(2026, 3, 5))
    assert value(got, "NetIncomeLoss", Q4_25) == -3_300_000
    assert value(got, "NetIncomeLoss", FY25) == -11_900_000
    assert value(got, "EarningsPerShareBasicAndDiluted", Q4_25) == -0.21
    assert value(got, "EarningsPerShareBasicAndDiluted", (date(2024, 10, 1), date(2024, 12, 31))) == -0.26


def test_sequential_and_year_ago_comparisons_in_one_sentence():
    text = (
        "Quillon Reports First Quarter 2026 Financial Results\n\n"
        "Operating expenses totaled $12.6 million for the first quarter of 2026, compared to $17.3 million in the "
        "fourth quarter of 2025 and $9.9 million in the first quarter of 2025.\n"
    )
    got = facts_of(text, date(2026, 5, 12))
    assert value(got, "OperatingExpenses", (date(2026, 1, 1), date(2026, 3, 31))) == 12_600_000
    assert value(got, "OperatingExpenses", Q4_25) == 17_300_000
    assert value(got, "OperatingExpenses", (date(2025, 1, 1), date(2025, 3, 31))) == 9_900_000


def test_attributable_to_common_stockholders_and_worded_eps():
    text = (
        "Marlow Pharma Announces First Quarter 2026 Financial Results\n\n"
        "Net loss attributable to common stockholders for the first quarter of 2026 was $6.2 million or $0.19 "
        "basic and diluted net loss per share, compared to a net loss attributable to common stockholders of "
        "$9.0 million, or $1.35 basic and diluted net loss per share, for the first quarter of 2025.\n"
    )
    got = facts_of(text, date(2026, 5, 12))
    q1 = (date(2026, 1, 1), date(2026, 3, 31))
    assert value(got, "NetIncomeLossAvailableToCommonStockholdersBasic", q1) == -6_200_000
    assert value(got, "EarningsPerShareBasicAndDiluted", q1) == -0.19
    assert value(got, "EarningsPerShareBasicAndDiluted", (date(2025, 1, 1), date(2025, 3, 31))) == -1.35


def test_forward_quarter_is_the_next_one_and_ranges_are_guidance():
    text = (
        "Selvane Reports Fourth Quarter and Full Year 2025 Financial Results\n\n"
        "The Company anticipates first quarter revenue to be in the range of $5 million to $6 million. "
        "Selvane expects total revenue for 2026 to range between $28 million and $31 million.\n"
    )
    got = facts_of(text, date(2026, 3, 5))
    q1 = got[("Revenues", date(2026, 1, 1), date(2026, 3, 31), True)]
    assert (q1.value, q1.value_low, q1.value_high) == (None, 5_000_000, 6_000_000)
    fy = got[("Revenues", date(2026, 1, 1), date(2026, 12, 31), True)]
    assert (fy.value_low, fy.value_high) == (28_000_000, 31_000_000)


def test_parts_restatements_and_shares_of_totals_are_not_totals():
    text = (
        "Drevon Reports Third Quarter 2025 Financial Results\n\n"
        "Revenue for the third quarter of 2025 was $20.4 million. Hospital revenue represented 80% of total "
        "revenue, or $16.3 million. Tax credits were recognized as revenue of $1.4 million and $2.6 million in "
        "Fuel and Grain segments respectively. The restatement corrects initially reported revenue of $21.0 "
        "million for the third quarter of 2025.\n"
    )
    got = facts_of(text, date(2025, 11, 6))
    assert value(got, "Revenues", Q3_25) == 20_400_000
    assert {f.value for f in got.values()} == {20_400_000}


def test_gross_loss_comparative_is_negative():
    text = (
        "Ferrox Reports First Quarter 2026 Results\n\n"
        "Gross profit for the first quarter of 2026 was $2.8 million, compared to a gross loss of $5.1 million "
        "during the first quarter of 2025.\n"
    )
    got = facts_of(text, date(2026, 5, 12))
    assert value(got, "GrossProfit", (date(2025, 1, 1), date(2025, 3, 31))) == -5_100_000


def test_a_later_clause_naming_another_span_does_not_borrow_the_quarter():
    text = (
        "Navira Reports Second Quarter 2024 Results\n\n"
        "Q2 2024 net revenue rose 52% to $43.1 million, while H1 revenue grew by 75% to $81.4 million.\n"
    )
    got = facts_of(text, date(2024, 8, 20))
    assert value(got, "Revenues", (date(2024, 4, 1), date(2024, 6, 30))) == 43_100_000
    assert all(f.value != 81_400_000 for f in got.values())


def test_cash_with_restricted_cash_is_not_cash():
    text = (
        "Ruvex Announces Fourth Quarter and Full Year 2025 Results\n\n"
        "Ruvex ended the full year 2025 with revenues of $0.5 million and with $15.7 million in cash, cash "
        "equivalents and restricted cash.\n"
    )
    got = facts_of(text, date(2026, 3, 5))
    assert all(f.value != 15_700_000 for f in got.values())


def test_rounded_and_exact_prints_of_one_figure_keep_the_exact_one():
    text = (
        "Tellis Reports Fourth Quarter 2025 Financial Results\n\n"
        "Tellis reported a net loss of $3.6 million for the fourth quarter of 2025. "
        "Net loss for the fourth quarter of 2025 was $3,551,000, or $0.11 per share.\n"
    )
    got = facts_of(text, date(2026, 3, 5))
    f = got[("NetIncomeLoss", Q4_25[0], Q4_25[1], False)]
    assert (f.value, f.decimals) == (-3_551_000, -3)


def test_bare_prior_year_after_a_calendar_year_figure():
    text = (
        "Orbis Announces Fourth Quarter and Fiscal Year 2024 Financial Results\n\n"
        "Selling, general and administrative expenses for the year ended December 31, 2024 were $7.7 million, "
        "compared with $8.9 million in 2023. Selling, general and administrative expenses for the fourth quarter "
        "of 2024 were $1.9 million, compared with $2.4 million in 2023.\n"
    )
    got = facts_of(text, date(2025, 3, 6))
    assert value(got, "SellingGeneralAndAdministrativeExpense", FY24) == 7_700_000
    assert value(got, "SellingGeneralAndAdministrativeExpense", (date(2023, 1, 1), date(2023, 12, 31))) == 8_900_000
    assert value(got, "SellingGeneralAndAdministrativeExpense", (date(2024, 10, 1), date(2024, 12, 31))) == 1_900_000
    # "in 2023" compared with a quarter of 2024: the same quarter a year earlier (like with like)
    assert value(got, "SellingGeneralAndAdministrativeExpense", (date(2023, 10, 1), date(2023, 12, 31))) == 2_400_000
    assert [f.period_end for f in got.values() if f.value == 2_400_000] == [date(2023, 12, 31)]


def test_balance_at_the_end_of_a_named_quarter_and_fiscal_year_ended():
    text = (
        "Quorra Reports First Quarter 2026 Financial Results\n\n"
        "As of March 31, 2026, cash and cash equivalents totaled $13.7 million, compared to $29.5 million at the "
        "end of the fourth quarter of 2025.\n\n"
        "For the fiscal year 2025 ended December 31, 2025, the Company had revenue of $14.0 million.\n"
    )
    got = facts_of(text, date(2026, 5, 12))
    assert got[("CashAndCashEquivalentsAtCarryingValue", None, date(2025, 12, 31), False)].value == 29_500_000
    assert value(got, "Revenues", FY25) == 14_000_000
