"""Forecast figures: seed 000's fiscal 2011 guidance and a calendar-year range."""

from datetime import date

import pytest

from conftest import seed_path
from pipelines.financial.narrative import extract_text_facts
from pipelines.model import CleanDocument
from test_narrative import dev_doc, load_doc, pick

FY11 = (date(2010, 7, 1), date(2011, 6, 30))


@pytest.fixture(scope="module")
def guidance000():
    doc = load_doc(seed_path("000"))
    return [f for f in extract_text_facts(doc) if f.is_guidance]


@pytest.mark.parametrize(
    "concept, low, high",
    [
        ("NetIncomeLoss", -64_000_000, -60_000_000),
        ("NetCashProvidedByUsedInOperatingActivities", -4_000_000, 0),
        ("PaymentsToAcquirePropertyPlantAndEquipment", 2_000_000, 3_000_000),
    ],
)
def test_seed000_fiscal_2011_guidance(guidance000, concept, low, high):
    f = pick(guidance000, concept, *FY11, guidance=True)
    assert (f.value_low, f.value_high) == (low, high)
    assert f.value is None  # a range has no single printed value
    assert (f.months, f.fiscal_label, f.decimals) == (12, "FY2011", -6)


def test_seed000_cash_guidance_is_an_instant(guidance000):
    f = pick(guidance000, "CashCashEquivalentsAndMarketableSecurities", end=date(2011, 6, 30), guidance=True)
    assert (f.period_start, f.months, f.value_low, f.value_high) == (None, 0, 106_000_000, 110_000_000)


def test_kamada_2025_revenue_guidance(dev_dir):
    facts = [f for f in extract_text_facts(dev_doc(dev_dir, "kamada-q1-results")) if f.is_guidance]
    rev = pick(facts, "Revenues", date(2025, 1, 1), date(2025, 12, 31), guidance=True)
    assert (rev.value_low, rev.value_high) == (178_000_000, 182_000_000)
    ebitda = pick(facts, "AdjustedEBITDA", date(2025, 1, 1), date(2025, 12, 31), guidance=True)
    assert (ebitda.value_low, ebitda.value_high) == (38_000_000, 42_000_000)
    assert len(facts) == 2  # restated in the forward-looking list, kept once


def test_single_figure_guidance_and_past_periods():
    text = (
        "Acme Reports First Quarter 2025 Results\n\n"
        "Acme expects full year 2025 revenue of approximately $50 million. "
        "As expected, revenue was $9.0 million for the first quarter of 2025.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text, release_date=date(2025, 5, 1)))
    g = pick(facts, "Revenues", date(2025, 1, 1), date(2025, 12, 31), guidance=True)
    assert (g.value, g.value_low, g.value_high) == (50_000_000, 50_000_000, 50_000_000)
    # a forecast word before a past figure: neither a result nor a forecast
    assert not [f for f in facts if not f.is_guidance]


def test_no_guidance_without_a_known_present():
    text = "Acme expects revenue of $50 million for fiscal 2026.\n"
    assert extract_text_facts(CleanDocument("t", text)) == []
