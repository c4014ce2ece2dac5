"""Span adjectives ("nine-month revenue") placed only where the release's quarter closes that span,
and bank income-statement phrases.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts

Q3_25 = (date(2025, 7, 1), date(2025, 9, 30))
M9_25 = (date(2025, 1, 1), date(2025, 9, 30))


def facts_of(text):
    doc = prepare("t", text)
    return {(f.concept, f.period_start, f.period_end): f.value for f in extract_text_facts(doc)}


NINE = """Zentrix Reports Q3 and Nine-Month 2025 Results

NEW YORK, November 12, 2025 -- Zentrix Inc. (NASDAQ: ZTRX) reported financial results for the three and nine months ended September 30, 2025, with nine-month revenue of $20.4 million.
"""


def test_nine_month_adjective_is_the_nine_months_the_quarter_closes():
    assert facts_of(NINE) == {("Revenues", *M9_25): 20400000.0}


UNPLACED = """Corvane Posts Q3 Revenue Growth

Corvane Inc. (NASDAQ: CRVN) reported Q3 2025 revenue of $2.58 million, up 113 percent year over year, and nine-month revenue increasing to $5.86 million.
"""


def test_nine_month_adjective_never_borrows_the_quarter():
    # The quarter the release reports is Q3 2025, so "nine-month" is January-September 2025.
    assert facts_of(UNPLACED) == {("Revenues", *Q3_25): 2580000.0, ("Revenues", *M9_25): 5860000.0}
    # A six-month span does not end with the third quarter: left out, never given the quarter.
    assert facts_of(UNPLACED.replace("nine-month", "six-month")) == {("Revenues", *Q3_25): 2580000.0}


BANK = """Harrowgate Bancorp Reports Third Quarter 2025 Results

ITHACA, N.Y., October 24, 2025 -- Harrowgate Bancorp (NYSE American: HRWB) reported results for the third quarter of 2025.

For the nine months ended September 30, 2025, net interest income was $180.7 million. Provision for credit losses for the third quarter of 2025 was $2.5 million compared to $2.2 million for the third quarter of 2024. Total deposits at September 30, 2025 were $7.1 billion.
"""


def test_bank_phrases():
    got = facts_of(BANK)
    assert got[("InterestIncomeExpenseNet", *M9_25)] == 180700000.0
    assert got[("ProvisionForLoanLeaseAndOtherLosses", *Q3_25)] == 2500000.0
    assert got[("ProvisionForLoanLeaseAndOtherLosses", date(2024, 7, 1), date(2024, 9, 30))] == 2200000.0
    assert got[("Deposits", None, date(2025, 9, 30))] == 7100000000.0


CAPS = """Harrowgate Bancorp Reports Third Quarter 2025 Results

ITHACA, N.Y., October 24, 2025 -- Harrowgate Bancorp (NYSE American: HRWB) reported results for the third quarter of 2025.

NET INTEREST INCOME Net interest income was $63.9 million for the third quarter of 2025, up $3.7 million compared to the second quarter of 2025.

Segment figures: MORTGAGE BANKING Net interest income was $9.1 million for the third quarter of 2025.
"""


def test_capitals_heading_run_into_its_paragraph():
    got = facts_of(CAPS)
    # the heading names the phrase itself; another capitalised name before it still qualifies the phrase
    assert got == {("InterestIncomeExpenseNet", *Q3_25): 63900000.0}
