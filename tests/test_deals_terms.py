"""Deal terms in the shapes real releases print them: our Northwind sample release and written fixtures."""

from conftest import SAMPLE_INBOX
from pipelines.document import prepare
from pipelines.financial.deals import extract_deals
from pipelines.model import CleanDocument


def terms(deals):
    return sorted(((d.kind, d.amount, d.counterparty) for d in deals), key=str)


def northwind():
    path = SAMPLE_INBOX / "2025-10-02-northwind-licensing-deal.txt"
    return prepare(path.stem, path.read_text(encoding="utf-8"))


def test_northwind_license_terms():
    deals = extract_deals(northwind())
    got = {d.kind: d for d in deals}
    assert sorted(got) == ["milestone", "potential_milestones", "royalty", "upfront"], deals
    assert len(deals) == 4
    assert got["upfront"].amount == 40_000_000
    assert got["potential_milestones"].amount == 610_000_000
    assert got["milestone"].amount == 35_000_000
    assert got["milestone"].trigger == "first marketing authorization application in the European Union"
    assert got["royalty"].amount is None
    assert "tiered royalties ranging from the high single digits" in got["royalty"].evidence
    for d in deals:
        assert d.counterparty == "Halvorsen Pharma AG", d
        assert d.drug == "NWX-101", d
        assert d.currency == "USD"


def doc(body: str, head: str = "Acme Bio Announces Agreement") -> CleanDocument:
    text = (f"{head}\n\n"
            "Acme Bio, Inc. (Nasdaq: ACME), a clinical-stage biotechnology company developing antibody therapies "
            "for patients with cancer, today announced an update.\n\n" + body + "\n")
    return CleanDocument("t", text)


def test_upfront_and_near_term_payments_and_milestones():
    deals = extract_deals(doc(
        "Under the collaboration agreement with Bigpharma Inc., Acme will receive $30 million in upfront and "
        "near-term payments and up to $500 million in milestones."))
    assert terms(deals) == [("potential_milestones", 500_000_000, "Bigpharma Inc"), ("upfront", 30_000_000, "Bigpharma Inc")]


def test_total_potential_deal_value_is_a_potential_term():
    deals = extract_deals(doc(
        "The license agreement with Bigpharma Inc. has a total potential deal value of up to $1.2 billion, "
        "including $50 million upfront."))
    assert terms(deals) == [("potential_milestones", 1_200_000_000, "Bigpharma Inc"), ("upfront", 50_000_000, "Bigpharma Inc")]


def test_milestone_upon_an_event_and_milestone_triggered_by():
    deals = extract_deals(doc(
        "Under the license agreement with Bigpharma Inc., Acme is eligible for milestone payments and will receive "
        "$10 million upon the initiation of the first Phase 3 trial of AB-101. Separately, Acme earned a $5 million "
        "milestone payment triggered by the first patient dosed in the Phase 2 study."))
    got = {(d.kind, d.amount): d for d in deals}
    assert got[("milestone", 10_000_000)].trigger == "initiation of the first Phase 3 trial of AB-101"
    assert got[("milestone", 5_000_000)].trigger == "first patient dosed"
    assert all(d.counterparty == "Bigpharma Inc" for d in deals)


def test_equity_investment_at_a_premium_from_a_named_investor():
    deals = extract_deals(doc("Acme secured a $3 million equity investment from The Kestrel Trust at a 20% premium."))
    assert terms(deals) == [("equity", 3_000_000, "Kestrel Trust")]


def test_partner_named_only_in_the_headline():
    deals = extract_deals(doc(
        "Under the terms of the agreement, Acme will receive an upfront payment of $12 million and is eligible "
        "for tiered royalties on net sales.",
        head="Acme Bio Grants Exclusive License to Bigpharma for AB-101 in Japan"))
    assert terms(deals) == [("royalty", None, "Bigpharma"), ("upfront", 12_000_000, "Bigpharma")]
    assert {d.drug for d in deals} == {"AB-101"}


def test_grants_from_public_funders():
    deals = extract_deals(doc(
        "Acme has been awarded a $2 million grant from the National Cancer Institute (NCI) to fund its "
        "preclinical program. Acme also received $4.5 million in non-dilutive funding from CPRIT."))
    assert terms(deals) == [("grant", 2_000_000, "National Cancer Institute"), ("grant", 4_500_000, "CPRIT")]


def test_grant_news_and_running_totals_are_not_awards():
    deals = extract_deals(doc(
        "Over $1.8 billion in NIH grants for cancer research were cut in 2025. Acme has received more than "
        "$60 million in non-dilutive funding from BARDA to date."))
    assert deals == []


def test_acquisition_price_per_share_is_not_a_deal_term():
    deals = extract_deals(doc(
        "Bigpharma Inc. will acquire Acme for $4.25 per share in cash under the merger agreement, plus a "
        "contingent value right of up to $1.00 per share payable upon approval of AB-101."))
    assert deals == []


def test_precedent_deal_of_another_company_without_a_year_is_skipped():
    deals = extract_deals(doc(
        "For example, Bigpharma's collaboration with Otherbio included $700 million upfront.",
        head="Acme Bio Eyes Partnership for AB-101"))
    assert deals == []


def test_royalty_shapes_without_an_amount():
    for phrase in ("high single-digit royalties on net sales", "royalties ranging from 8% to 12% of net sales",
                   "royalties of 10% on sales of AB-101", "low double-digit percentage royalties"):
        deals = extract_deals(doc(f"Under the license agreement with Bigpharma Inc., Acme is eligible to receive {phrase}."))
        assert terms(deals) == [("royalty", None, "Bigpharma Inc")], phrase


def test_royalty_outside_a_deal_is_not_a_term():
    deals = extract_deals(doc("Acme pays royalties of 5% on product sales under its patent settlement."))
    assert deals == []
