"""Deal terms: seed 004's Bayer milestone, seed 000's Novartis upfront, and non-deals."""

import pytest

from conftest import seed_path
from pipelines.financial.deals import extract_deals
from pipelines.model import CleanDocument
from test_narrative import dev_doc, load_doc


def of_kind(deals, kind):
    found = [d for d in deals if d.kind == kind]
    assert len(found) == 1, (kind, deals)
    return found[0]


@pytest.fixture(scope="module")
def seed004():
    doc = load_doc(seed_path("004"))
    return doc, extract_deals(doc)


def test_seed004_milestone_triggered_by_ind(seed004):
    doc, deals = seed004
    d = of_kind(deals, "milestone")
    assert d.amount == 2_000_000
    assert d.counterparty.startswith("Bayer HealthCare")
    assert d.drug == "BAY 94-9343"
    assert d.trigger == "IND submission"
    assert doc.text[d.char_start:d.char_end] == d.evidence
    assert "$2 million milestone" in d.evidence


def test_seed004_potential_milestones_and_royalty(seed004):
    _, deals = seed004
    p = of_kind(deals, "potential_milestones")
    assert p.amount == 170_500_000
    assert p.counterparty.startswith("Bayer")
    r = of_kind(deals, "royalty")
    assert r.amount is None and r.counterparty.startswith("Bayer")
    assert len(deals) == 3


def test_seed000_upfront_from_novartis():
    doc = load_doc(seed_path("000"))
    d = of_kind(extract_deals(doc), "upfront")
    assert (d.amount, d.counterparty) == (45_000_000, "Novartis")


def test_fda_grant_kept_once(dev_dir):
    deals = extract_deals(dev_doc(dev_dir, "soligenix-issues-interim-results"))
    g = of_kind(deals, "grant")
    assert (g.amount, g.counterparty) == (2_600_000, "FDA")


def test_non_deal_dev_releases(dev_dir):
    for name in ["steppe-gold", "hive-digital", "leetah", "xoma-royalty", "kamada-q1-results", "ucore"]:
        for path in dev_dir.rglob(f"*{name}*"):
            assert extract_deals(load_doc(path)) == [], path


# Fixtures below are text written for these tests.

def test_financing_milestone_and_mining_royalty_are_not_deals():
    text = (
        "Goldco Reaches Financing Milestone\n\n"
        "Goldco reached the next financing milestone by making its second payment of $37 million to Lender Bank. "
        "The option agreement with Rockco grants a 2% NSR royalty on the claims.\n"
    )
    assert extract_deals(CleanDocument("t", text)) == []


def test_upfront_before_amount_and_equity():
    text = (
        "Acme Bio Signs License With Bigpharma for Phase 2 Antibody\n\n"
        "Acme Bio (Nasdaq: ACME), a clinical-stage biotechnology company, will receive an upfront payment of $25 million from Bigpharma Inc. "
        "Bigpharma will also make a $10 million equity investment in Acme Bio, "
        "and Acme Bio is eligible for milestone payments of up to $300 million plus tiered royalties on net sales "
        "of AB-101 under the license agreement with Bigpharma.\n"
    )
    deals = extract_deals(CleanDocument("t", text))
    assert of_kind(deals, "upfront").amount == 25_000_000
    assert of_kind(deals, "upfront").counterparty == "Bigpharma Inc"
    assert of_kind(deals, "equity").amount == 10_000_000
    pm = of_kind(deals, "potential_milestones")
    assert (pm.amount, pm.drug) == (300_000_000, "AB-101")
    assert of_kind(deals, "royalty").amount is None


def test_euro_terms_keep_their_currency():
    text = ("Acme (Nasdaq: ACME), a clinical-stage biotech developing an antibody therapy, receives a €5 million "
            "milestone payment from Eurocorp under the license agreement.\n")
    deals = extract_deals(CleanDocument("t", text))
    assert [(d.kind, d.amount, d.currency, d.counterparty) for d in deals] == [("milestone", 5_000_000, "EUR", "Eurocorp")]


def test_dollar_terms_are_usd():
    text = ("Acme (Nasdaq: ACME), a clinical-stage biotech developing an antibody therapy, receives a US$4.5 million "
            "milestone payment from Bigpharma Inc. under the license agreement.\n")
    deals = extract_deals(CleanDocument("t", text))
    assert [(d.kind, d.amount, d.currency) for d in deals] == [("milestone", 4_500_000, "USD")]


def test_precedent_deals_of_other_companies_are_skipped():
    text = (
        "Acme Bio Eyes Partnership, June 2, 2025\n\n"
        "Acme Bio (Nasdaq: ACME) is a clinical-stage biotech with a Phase 3 drug for patients with ALS. "
        "Bigpharma's 2021 collaboration with Otherbio set a precedent with a $700 million upfront payment.\n"
    )
    assert extract_deals(CleanDocument("t", text)) == []


def test_investor_buying_shares_is_an_equity_term_and_royalty_tiers_have_no_amount():
    text = (
        "Acme Bio (Nasdaq: ACME), a clinical-stage biotech developing an antibody therapy for patients with cancer, "
        "entered into a license agreement with Bigpharma Inc. Under the agreement, Bigpharma will pay Acme a $20 "
        "million upfront payment, Acme is eligible to receive up to $410 million in development and commercial "
        "milestones, plus tiered royalties ranging from high single-digit to low double-digit percentages on net "
        "sales. Bigpharma will also purchase $15 million of Acme's common stock.\n"
    )
    deals = extract_deals(CleanDocument("t", text))
    got = {(d.kind, d.amount) for d in deals}
    assert ("upfront", 20_000_000) in got
    assert ("potential_milestones", 410_000_000) in got
    assert ("royalty", None) in got
    assert ("equity", 15_000_000) in got
    assert all(d.counterparty == "Bigpharma Inc" for d in deals if d.kind == "equity")


def test_offerings_to_the_public_are_not_equity_terms():
    text = (
        "Acme Bio (Nasdaq: ACME), a clinical-stage biotech developing drugs for patients with cancer, announced an "
        "at-the-market offering under which it may sell up to $50 million of its common stock.\n"
    )
    assert extract_deals(CleanDocument("t", text)) == []
