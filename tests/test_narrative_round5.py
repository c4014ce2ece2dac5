"""Prose patterns from the second recall round: "decreased $X to $Y", headings run into the
first sentence, the lead paragraph naming the reported year, closing cash told without
"as of", 52/53-week quarter ends, bullet highlights under "(Unaudited)" headings.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts
from pipelines.financial.periods import stated_ends
from pipelines.sections import split_sections

FY24 = (date(2024, 1, 1), date(2024, 12, 31))
FY23 = (date(2023, 1, 1), date(2023, 12, 31))
Q4_24 = (date(2024, 10, 1), date(2024, 12, 31))
Q4_23 = (date(2023, 10, 1), date(2023, 12, 31))


def facts_of(text):
    doc = prepare("t", text)
    return {(f.concept, f.period_start, f.period_end, f.is_guidance): f for f in extract_text_facts(doc)}


def value(got, concept, period):
    f = got.get((concept, period[0], period[1], False))
    return None if f is None else f.value


def instant(got, concept, day):
    f = got.get((concept, None, day, False))
    return None if f is None else f.value


BANK = """Harlow Valley Bancorp Reports Results for the Fourth Quarter of 2024

Harlow Valley Bancorp (OTCQX: HVBX) announced earnings for the fourth quarter ending December 31, 2024.

Fourth Quarter EarningsNet income for the fourth quarter of 2024 decreased $195,000 to $1,528,000 compared to net income of $1,723,000 for the fourth quarter of 2023.

Net income for the year ended December 31, 2024 increased $12,537,000 to $21,703,000 compared to net income of $9,166,000 for the year ended December 31, 2023. Pre-tax income for the year ended December 31, 2024 decreased $2,907,000 to $8,380,000 as compared with $11,287,000 for the year ended December 31, 2023.
"""


def test_change_then_level_is_not_a_range():
    got = facts_of(BANK)
    assert value(got, "NetIncomeLoss", Q4_24) == 1528000
    assert value(got, "NetIncomeLoss", Q4_23) == 1723000
    assert value(got, "NetIncomeLoss", FY24) == 21703000
    assert value(got, "NetIncomeLoss", FY23) == 9166000
    assert value(got, "IncomeLossBeforeIncomeTaxes", FY24) == 8380000
    assert value(got, "IncomeLossBeforeIncomeTaxes", FY23) == 11287000
    assert all(f.value not in (195000, 12537000, 2907000) for f in got.values())


FILING = """Corvane Systems (OTC: CRVN) Files 2024 10-K With Growth in Focus

Net Income Swings Positive as Corvane Expands

CHICAGO, IL - April 16, 2025 (NEWMEDIAWIRE) - Corvane Systems (OTC: CRVN) today announced the filing of its annual report on Form 10-K for the fiscal year ended December 31, 2024, showcasing revenue growth.

Financial Highlights:

- Revenue increased 27.4% to $4.81 million, up from $3.78 million in 2023
- Net income reached $4.4 million
- Gross profit surged 145.7% to $2.98 million, up from $1.21 million in 2023
"""


def test_lead_paragraph_names_the_reported_year():
    got = facts_of(FILING)
    assert value(got, "Revenues", FY24) == 4810000
    assert value(got, "Revenues", FY23) == 3780000
    assert value(got, "NetIncomeLoss", FY24) == 4400000
    assert value(got, "GrossProfit", FY24) == 2980000
    assert value(got, "GrossProfit", FY23) == 1210000


def test_lead_paragraph_does_not_override_a_quarter_title():
    text = FILING.replace("Files 2024 10-K", "Reports Q3 2024 Results")
    got = facts_of(text)
    assert value(got, "Revenues", FY24) is None


CASH = """Pellucid Therapeutics Reports Third Quarter 2025 Financial Results

BOSTON, MA - November 12, 2025 (NEWMEDIAWIRE) - Pellucid Therapeutics, Inc. (NASDAQ: PLCD) today reported financial results for the third quarter ended September 30, 2025.

Third Quarter 2025 Financial Results

- Net loss was $4.1 million, compared to $3.2 million in the third quarter of 2024.
- Cash on hand of $13.2 million provides operational runway into the fourth quarter of 2026.
"""


def test_cash_without_as_of_is_the_closing_balance():
    got = facts_of(CASH)
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2025, 9, 30)) == 13200000
    assert not any(f.period_end == date(2026, 12, 31) for f in got.values())


def test_cash_raised_or_held_by_another_entity_is_no_balance():
    raised = CASH.replace("Cash on hand of $13.2 million provides operational runway into the fourth quarter of 2026.",
                          "Cash of $13.2 million was raised in the offering.")
    assert instant(facts_of(raised), "CashAndCashEquivalentsAtCarryingValue", date(2025, 9, 30)) is None
    other = CASH.replace("Cash on hand of $13.2 million provides operational runway into the fourth quarter of 2026.",
                         "Miravale held a cash balance of $13.2 million.")
    assert instant(facts_of(other), "CashAndCashEquivalentsAtCarryingValue", date(2025, 9, 30)) is None


def test_balance_with_a_date_of_its_own_is_not_the_quarter_end():
    text = ("Tessaro Holdings Reports Second Quarter 2025 Results\n\n"
            "DALLAS, TX - August 5, 2025 (NEWMEDIAWIRE) - Tessaro Holdings (NASDAQ: TSRO) reported results for the "
            "second quarter ended June 30, 2025.\n\n"
            "Tessaro ended Q2 with $6.1 million in cash and approximately $40 million in shareholders' equity as of March 31.\n")
    got = facts_of(text)
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2025, 6, 30)) == 6100000
    assert not any(f.concept == "StockholdersEquity" for f in got.values())


WEEKS = """Quenmar Instruments Reports Third Quarter 2025 Results

Quenmar Instruments Corporation (NYSE: QNM) today announced results for the quarter ended September 26, 2025.

Key Third Quarter 2025 Results

- Net earnings were $908 million.
- Revenues increased 4.5% year-over-year to $6.1 billion, compared to $5.8 billion in the third quarter of 2024.
"""


def test_52_week_quarter_ends_on_the_printed_day():
    got = facts_of(WEEKS)
    q3 = [f for f in got.values() if f.concept == "Revenues"]
    assert [(f.period_end, f.value) for f in q3] == [(date(2025, 9, 26), 6100000000)]
    assert value(got, "NetIncomeLoss", (date(2025, 7, 1), date(2025, 9, 26))) == 908000000
    # the prior year's quarter end is never printed: no September 30, 2024 (nor a guessed day)
    assert not any(f.period_end.year == 2024 for f in got.values())


def test_stated_ends_only_for_odd_days():
    assert stated_ends("for the quarter ended September 30, 2025") is None
    ends = stated_ends("for the quarter ended September 26, 2025 and as of December 27, 2024")
    assert ends is not None and ends.odd == {(2025, 9): date(2025, 9, 26)}
    assert date(2024, 12, 27) in ends.dates


def test_bullet_sentences_under_an_unaudited_heading_are_not_a_table():
    text = ("Brindle Royalty Corp Announces First Quarter 2025 Results\n\n"
            "Brindle Royalty Corp (NASDAQ: BRCX) announced results for the quarter ended March 31, 2025.\n\n"
            "First Quarter 2025 Key Highlights (Unaudited):\n\n"
            "- Total assets were $15,723,265, an increase from $15,040,664 from year end 2024.\n"
            "- Several portfolio holdings continued development work during the quarter.\n\n"
            "Condensed Balance Sheet (Unaudited)\n\n"
            "Total assets\n\n15,723,265\n\n15,040,664\n\nTotal liabilities\n\n1,741,896\n\n1,414,940\n\n"
            "Cash\n\n120,000\n\n114,138\n")
    sections = split_sections(text)
    kinds = {s.heading: s.kind for s in sections if s.heading}
    assert kinds["First Quarter 2025 Key Highlights (Unaudited):"] == "highlights"
    statement = next(s for s in sections if s.text.startswith("Condensed Balance Sheet"))
    assert statement.kind == "table"


def test_adjusted_basis_clause():
    text = ("Ostrava Shipping Reports First Quarter 2025 Results\n\n"
            "ATHENS - May 20, 2025 (NEWMEDIAWIRE) - Ostrava Shipping Corp. (NASDAQ: OSTR) reported results for the "
            "first quarter ended March 31, 2025.\n\n"
            "For the first quarter, Ostrava reported a net loss of $6.8 million compared to net income of $10.2 million "
            "in the year-ago first quarter. On an adjusted basis, the net loss was $5.2 million compared to $11.6 million "
            "in last year's first quarter. EBITDA was $6.6 million and $8 million on an adjusted basis.\n")
    got = facts_of(text)
    q1 = (date(2025, 1, 1), date(2025, 3, 31))
    q1_24 = (date(2024, 1, 1), date(2024, 3, 31))
    assert value(got, "NetIncomeLoss", q1) == -6800000
    assert value(got, "NetIncomeLoss", q1_24) == 10200000
    assert value(got, "AdjustedNetIncomeLoss", q1) == -5200000
    assert value(got, "AdjustedNetIncomeLoss", q1_24) is None  # the year-ago sign is not said
    assert value(got, "EBITDA", q1) == 6600000
    assert all(f.value != 8000000 for f in got.values())


def test_compared_to_period_of_amount():
    text = ("Brantwell Coatings Reports Third Quarter 2024 Results\n\n"
            "Brantwell Coatings (OTC: BRWL) reported results for the three months ended September 30, 2024.\n\n"
            "Cost of Goods Sold were $134,000 for the three months ended September 30, 2024. The Company decreased cost "
            "of goods sold by 28% compared to the same period in 2023 of $185,000.\n")
    got = facts_of(text)
    assert value(got, "CostOfRevenue", (date(2024, 7, 1), date(2024, 9, 30))) == 134000
    assert value(got, "CostOfRevenue", (date(2023, 7, 1), date(2023, 9, 30))) == 185000


def test_magazine_verbs_and_cash_position():
    text = ("Velmora Data Reports Record First Quarter 2025 Results\n\n"
            "TORONTO - April 14, 2025 (NEWMEDIAWIRE) - Velmora Data Inc. (OTCQB: VLMD) reported results for the "
            "three months ended March 31, 2025.\n\n"
            "Net income experienced a large increase, up by 970% to $229,063, compared to $21,384 in the previous "
            "year's first quarter. This performance has bolstered the company's reserves, resulting in a robust cash "
            "position of $1.31 million.\n")
    got = facts_of(text)
    assert value(got, "NetIncomeLoss", (date(2025, 1, 1), date(2025, 3, 31))) == 229063
    assert value(got, "NetIncomeLoss", (date(2024, 1, 1), date(2024, 3, 31))) == 21384
    assert instant(got, "CashAndCashEquivalentsAtCarryingValue", date(2025, 3, 31)) == 1310000


def test_net_cash_position_is_not_cash():
    text = ("Velmora Data Reports First Quarter 2025 Results\n\n"
            "TORONTO - April 14, 2025 (NEWMEDIAWIRE) - Velmora Data Inc. (OTCQB: VLMD) reported results for the "
            "three months ended March 31, 2025.\n\n"
            "Our net cash position increased to $14.4 million at March 31, 2025.\n")
    assert not any(f.concept.startswith("Cash") for f in facts_of(text).values())


def test_ending_the_year_with_cash_and_calendar_year_comparison():
    text = ("Ardent Biofuels Reports 2024 Fourth Quarter and Year-End Results\n\n"
            "Revenues were $268 million for the twelve months ended December 31, 2024, compared to $187 million for "
            "2023. The company finished 2024 strong, ending the year with cash of $4.2 million.\n")
    got = facts_of(text)
    assert value(got, "Revenues", FY24) == 268000000
    assert value(got, "Revenues", FY23) == 187000000


def test_fiscal_year_figures_after_a_leading_comparison():
    text = ("Larkspur Health Reports Fiscal 2024 Results\n\n"
            "Larkspur Health (NASDAQ: LKSP) reported results for its fiscal year ended June 30, 2024.\n\n"
            "Due however to a $13.9 million, or 316 percent, increase in total operating expenses in fiscal 2024 "
            "compared to the previous fiscal year, the company incurred a net loss of $15.6 million, or $(.56) per "
            "share, for fiscal 2024, as compared to a net loss of $3.2 million, or $(.13) per share, for fiscal 2023. "
            "For the fiscal year ended June 30, 2024, revenue came in at $1.6 million compared to $2.4 million for 2023.\n")
    got = facts_of(text)
    fy24, fy23 = (date(2023, 7, 1), date(2024, 6, 30)), (date(2022, 7, 1), date(2023, 6, 30))
    assert value(got, "NetIncomeLoss", fy24) == -15600000
    assert value(got, "NetIncomeLoss", fy23) == -3200000
    assert value(got, "EarningsPerShareBasicAndDiluted", fy24) == -0.56
    assert value(got, "Revenues", fy24) == 1600000
    assert value(got, "Revenues", fy23) == 2400000
    assert all(f.value != 13900000 for f in got.values())
