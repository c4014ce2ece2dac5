"""Figures in other currencies keep their ISO code; a "$" the release leaves open is left out;
a quarter end printed without its year takes the year from the release date.

Every text here is written for these tests (invented companies and numbers).
"""

from datetime import date

import pandas as pd

from expectations.check_signs import _per_share_bounded
from pipelines.document import prepare
from pipelines.financial.money import find_money
from pipelines.financial.narrative import extract_text_facts

Q2_25 = (date(2025, 4, 1), date(2025, 6, 30))


def facts_of(text):
    doc = prepare("t", text)
    return {(f.concept, f.period_start, f.period_end): f for f in extract_text_facts(doc)}


def test_codes_and_signs_read_as_iso_units():
    got = [(m.value, m.unit) for m in find_money(
        "CHF 12.3 million, SEK1.2 billion, RMB 40 million, HK$3.2 million, NZ$ 5 million, ₹20 million, EUR 0.45 per share")]
    assert got == [(12300000.0, "CHF"), (1200000000.0, "SEK"), (40000000.0, "CNY"), (3200000.0, "HKD"),
                   (5000000.0, "NZD"), (20000000.0, "INR"), (0.45, "EUR/share")]


def test_unnamed_dollars_and_yen_sign_are_not_money():
    # "NT$", "R$": a dollar or real we do not name; "¥": yen or yuan.
    assert find_money("NT$5 million, R$ 4 million and ¥300 million") == []
    assert find_money("Europe 5 million") == []


SWISS = """Velmora Therapeutics Reports Second Quarter 2025 Results

ZUG, Switzerland, August 6, 2025 -- Velmora Therapeutics AG (SIX: VLMR) today reported results for the second quarter of 2025.

Revenue for the second quarter of 2025 was CHF 14.2 million, compared to CHF 9.8 million for the second quarter of 2024. Net loss for the second quarter of 2025 was CHF 3.1 million, or CHF 0.21 per share.
"""


def test_swiss_franc_figures_keep_their_currency():
    got = facts_of(SWISS)
    rev = got[("Revenues", *Q2_25)]
    assert (rev.value, rev.unit) == (14200000.0, "CHF")
    prior = got[("Revenues", date(2024, 4, 1), date(2024, 6, 30))]
    assert (prior.value, prior.unit) == (9800000.0, "CHF")
    loss = got[("NetIncomeLoss", *Q2_25)]
    assert (loss.value, loss.unit) == (-3100000.0, "CHF")
    eps = [f for k, f in got.items() if k[0].startswith("EarningsPerShare")]
    assert [(f.value, f.unit) for f in eps] == [(-0.21, "CHF/share")]


CANADIAN = """Northarrow Minerals Reports Second Quarter 2025 Results

VANCOUVER, August 12, 2025 -- Northarrow Minerals Corp. (TSX: NRM) today reported results for the second quarter of 2025. All amounts are expressed in Canadian dollars unless otherwise stated.

Revenue for the second quarter of 2025 was $22.4 million. Net income for the second quarter of 2025 was US$1.5 million.
"""


def test_stated_canadian_dollars_make_bare_dollars_cad():
    got = facts_of(CANADIAN)
    rev = got[("Revenues", *Q2_25)]
    assert (rev.value, rev.unit) == (22400000.0, "CAD")
    ni = got[("NetIncomeLoss", *Q2_25)]
    assert (ni.value, ni.unit) == (1500000.0, "USD")


MIXED = """Brightfold Holdings Reports Second Quarter 2025 Results

TORONTO, August 12, 2025 -- Brightfold Holdings Inc. (TSX: BFH) today reported results for the second quarter of 2025.

Revenue for the second quarter of 2025 was $22.4 million. The company repaid a C$5.0 million term loan during the quarter.
"""


def test_bare_dollar_beside_another_dollar_is_left_out():
    got = facts_of(MIXED)
    assert ("Revenues", *Q2_25) not in got


UNDATED = """Quillon Systems Reports Third Quarter Results

BOSTON, October 28, 2025 -- Quillon Systems, Inc. (NASDAQ: QLNS) today reported financial results.

For the quarter ended Sept. 30, revenue rose 4% to $61.5 million.
"""


def test_quarter_end_without_year_takes_the_release_year():
    got = facts_of(UNDATED)
    rev = got[("Revenues", date(2025, 7, 1), date(2025, 9, 30))]
    assert (rev.value, rev.unit) == (61500000.0, "USD")


def test_undated_end_far_from_release_is_not_placed():
    text = UNDATED.replace("October 28, 2025", "March 20, 2026")
    assert not any(k[0] == "Revenues" for k in facts_of(text))


def test_per_share_bound_applies_to_every_currency_but_small_units():
    units = pd.Series(["USD/share", "EUR/share", "JPY/share", "USD", "shares", None])
    assert _per_share_bounded(units).tolist() == [True, True, False, False, False, False]


HALF = """Tessaro Holding Reports Half-Year 2025 Results

LUCERNE, Switzerland, September 10, 2025 -- Tessaro Holding AG (SIX: TSSR) reported results for the first half of 2025.

Net income for the first half of 2025 came to -CHF 1.95m (H1 2024: -CHF 0.52m).
"""


def test_signed_comparative_in_parentheses_keeps_its_own_period():
    got = {(k[0], k[2]): (f.value, f.unit) for k, f in facts_of(HALF).items()}
    assert got == {("NetIncomeLoss", date(2025, 6, 30)): (-1950000.0, "CHF"),
                   ("NetIncomeLoss", date(2024, 6, 30)): (-520000.0, "CHF")}
