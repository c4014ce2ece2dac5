"""Reported figures in prose: seed 000 in full, dev releases, and what must not become a fact."""

from datetime import date
from pathlib import Path

import pytest

from conftest import seed_path
from pipelines.clean import clean_text
from pipelines.financial.narrative import concept_for, extract_text_facts
from pipelines.model import CleanDocument, Section

# Helpers below are shared with test_guidance.py and test_deals.py.


def load_doc(path: Path) -> CleanDocument:
    """A corpus file's cleaned text as one document; sections and metadata are not needed here."""
    return CleanDocument(doc_id=path.stem, text=clean_text(path.read_text(encoding="utf-8")))


def dev_doc(dev_dir: Path, name_part: str) -> CleanDocument:
    matches = sorted(dev_dir.rglob(f"*{name_part}*"))
    if not matches:
        pytest.skip(f"dev release matching {name_part!r} not found")
    return load_doc(matches[0])


def pick(facts, concept, start=None, end=None, guidance=False):
    """The single fact for a concept and period (end date, and start when given)."""
    found = [
        f for f in facts
        if f.concept == concept and f.is_guidance == guidance
        and (end is None or f.period_end == end) and (start is None or f.period_start == start)
    ]
    assert len(found) == 1, (concept, start, end, found)
    return found[0]


Q2FY11 = (date(2010, 10, 1), date(2010, 12, 31))
Q2FY10 = (date(2009, 10, 1), date(2009, 12, 31))
H1FY11 = (date(2010, 7, 1), date(2010, 12, 31))
H1FY10 = (date(2009, 7, 1), date(2009, 12, 31))


@pytest.fixture(scope="module")
def seed000():
    doc = load_doc(seed_path("000"))
    return doc, extract_text_facts(doc)


def reported(facts):
    return [f for f in facts if not f.is_guidance]


@pytest.mark.parametrize(
    "concept, period, value, decimals",
    [
        ("NetIncomeLoss", Q2FY11, -14_200_000, -5),
        ("NetIncomeLoss", Q2FY10, -13_000_000, -5),
        ("EarningsPerShareBasicAndDiluted", Q2FY11, -0.21, 2),
        ("EarningsPerShareBasicAndDiluted", Q2FY10, -0.23, 2),
        ("Revenues", Q2FY11, 4_200_000, -5),
        ("Revenues", Q2FY10, 3_100_000, -5),
        ("ResearchAndDevelopmentSupportRevenue", Q2FY11, 2_000_000, -5),
        ("ResearchAndDevelopmentSupportRevenue", Q2FY10, 1_300_000, -5),
        ("ClinicalMaterialsReimbursementRevenue", Q2FY11, 1_300_000, -5),
        ("ClinicalMaterialsReimbursementRevenue", Q2FY10, 1_000_000, -5),
        ("LicenseAndMilestoneFeesRevenue", Q2FY11, 900_000, -5),
        ("LicenseAndMilestoneFeesRevenue", Q2FY10, 800_000, -5),
        ("OperatingExpenses", Q2FY11, 19_700_000, -5),
        ("OperatingExpenses", Q2FY10, 16_100_000, -5),
        ("ResearchAndDevelopmentExpense", Q2FY11, 16_000_000, -5),
        ("ResearchAndDevelopmentExpense", Q2FY10, 12_200_000, -5),
        ("GeneralAndAdministrativeExpense", Q2FY11, 3_700_000, -5),
        ("GeneralAndAdministrativeExpense", Q2FY10, 3_900_000, -5),
        ("NonoperatingIncomeExpense", Q2FY11, 1_300_000, -5),
        ("NonoperatingIncomeExpense", Q2FY10, -19_000, -3),
        ("GrantIncome", Q2FY11, 1_200_000, -5),
        ("NetCashProvidedByUsedInOperatingActivities", H1FY11, 18_400_000, -5),
        ("NetCashProvidedByUsedInOperatingActivities", H1FY10, -20_300_000, -5),
        ("PaymentsToAcquirePropertyPlantAndEquipment", H1FY11, 900_000, -5),
        ("PaymentsToAcquirePropertyPlantAndEquipment", H1FY10, 900_000, -5),
    ],
)
def test_seed000_reported_flows(seed000, concept, period, value, decimals):
    doc, facts = seed000
    f = pick(reported(facts), concept, *period)
    assert f.value == pytest.approx(value)
    assert f.decimals == decimals
    assert f.source == "text"
    assert doc.text[f.char_start:f.char_end] == f.evidence


def test_seed000_quarter_facts_carry_fiscal_label_and_months(seed000):
    _, facts = seed000
    f = pick(reported(facts), "NetIncomeLoss", *Q2FY11)
    assert (f.months, f.fiscal_label, f.unit) == (3, "2QFY2011", "USD")
    eps = pick(reported(facts), "EarningsPerShareBasicAndDiluted", *Q2FY11)
    assert eps.unit == "USD/share"
    cash = pick(reported(facts), "NetCashProvidedByUsedInOperatingActivities", *H1FY11)
    assert (cash.months, cash.fiscal_label) == (6, "6MFY2011")


def test_seed000_cash_balances_are_instants(seed000):
    _, facts = seed000
    now = pick(reported(facts), "CashCashEquivalentsAndMarketableSecurities", end=date(2010, 12, 31))
    before = pick(reported(facts), "CashCashEquivalentsAndMarketableSecurities", end=date(2010, 6, 30))
    assert (now.value, now.period_start, now.months) == (128_500_000, None, 0)
    assert before.value == 110_300_000


def test_seed000_evidence_contains_the_figure(seed000):
    _, facts = seed000
    f = pick(reported(facts), "GeneralAndAdministrativeExpense", *Q2FY11)
    assert "$3.7 million" in f.evidence and "2QFY11" in f.evidence


def test_seed000_differences_and_deals_are_not_facts(seed000):
    _, facts = seed000
    values = {abs(f.value) for f in facts if f.value is not None}
    assert 38_700_000 not in values  # "This $38.7 million difference"
    assert 45_000_000 not in values  # the upfront payment is a deal
    assert 1_100_000 not in values  # "received $1.1 million of this amount"


def test_seed000_no_fact_outside_the_list(seed000):
    _, facts = seed000
    assert len(reported(facts)) == 27
    assert len([f for f in facts if f.is_guidance]) == 4


def test_kamada_quarter_and_year_ago_quarter(dev_dir):
    facts = extract_text_facts(dev_doc(dev_dir, "kamada-q1-results"))
    now = pick(reported(facts), "Revenues", date(2025, 1, 1), date(2025, 3, 31))
    ago = pick(reported(facts), "Revenues", date(2024, 1, 1), date(2024, 3, 31))
    assert (now.value, ago.value) == (44_000_000, 37_700_000)
    cash = pick(reported(facts), "CashAndCashEquivalentsAtCarryingValue", end=date(2025, 3, 31))
    assert (cash.value, cash.months) == (76_300_000, 0)
    ebitda = pick(reported(facts), "AdjustedEBITDA", date(2025, 1, 1), date(2025, 3, 31))
    assert ebitda.value == 11_600_000
    # "$25 million in revenue during the three years" has no placeable period
    assert all(f.value != 25_000_000 for f in facts)


def test_tonix_first_quarter(dev_dir):
    facts = extract_text_facts(dev_doc(dev_dir, "tonix-pharmaceuticals-holding-corp-nasdaq-tnxp-prepares"))
    q1 = (date(2025, 1, 1), date(2025, 3, 31))
    assert pick(facts, "NetIncomeLoss", *q1).value == -16_800_000
    assert pick(facts, "ProductRevenue", *q1).value == 2_400_000
    cash = pick(facts, "CashAndCashEquivalentsAtCarryingValue", end=date(2025, 3, 31))
    assert cash.value == 131_700_000
    # "a contract for up to $34 million over five years" is not a figure
    assert all(f.value != 34_000_000 for f in facts)


def test_lantern_cash_at_end_of_q2(dev_dir):
    facts = extract_text_facts(dev_doc(dev_dir, "lantern-pharma-inc-nasdaq-ltrn-reports-q2"))
    cash = pick(facts, "CashAndCashEquivalentsAtCarryingValue", end=date(2025, 6, 30))
    assert (cash.value, cash.decimals) == (15_900_000, -5)
    assert len(facts) == 1


def test_theriva_year_earlier_period(dev_dir):
    facts = extract_text_facts(dev_doc(dev_dir, "theriva-biologics-hits"))
    assert pick(facts, "GeneralAndAdministrativeExpense", date(2023, 1, 1), date(2023, 12, 31)).value == 7_100_000
    assert pick(facts, "GeneralAndAdministrativeExpense", date(2022, 1, 1), date(2022, 12, 31)).value == 9_900_000


def test_non_financial_dev_releases_give_nothing(dev_dir):
    names = ["metavesco", "hive-digital", "leetah", "pandoshi", "steppe-gold", "xoma-royalty", "ucore",
             "biorestorative-therapies-receives", "igc-pharma"]
    for name in names:
        for path in dev_dir.rglob(f"*{name}*"):
            assert extract_text_facts(load_doc(path)) == [], path


# Fixtures below are text written for these tests, not corpus excerpts.

def test_market_sizes_share_prices_and_raises_are_not_facts():
    text = (
        "Acme Bio Reports Results for the First Quarter of 2025\n\n"
        "The global oncology market generated $5 billion in revenue in 2024. "
        "Beta Corp will acquire Acme for $1.16 per share in cash. "
        "Acme raised $10 million in cash in a private placement during the quarter. "
        "The company saved $3 million in capital expenditures.\n"
    )
    assert extract_text_facts(CleanDocument("t", text)) == []


def test_table_lines_are_left_to_the_table_extractor():
    text = (
        "Acme Reports First Quarter 2025 Results\n\n"
        "Net loss    $ (1,200)    $ (900)    $ (2,100)\n"
        "Revenue\t$ 5,000\t$ 4,000\n"
    )
    assert extract_text_facts(CleanDocument("t", text)) == []


def test_hard_wrapped_sentence_and_sections():
    text = (
        "Acme Reports Results for the Quarter Ended March 31, 2025\n\n"
        "Acme reported a net loss of $3.4 million for the first quarter of 2025,\n"
        "compared to a net loss of $2.9 million for the same period last year.\n\n"
        "Forward-looking statements: net loss of $9.9 million for the first quarter of 2025.\n"
    )
    fl_start = text.index("Forward-looking")
    doc = CleanDocument("t", text, sections=[
        Section(0, "body", None, text[:fl_start], 0, fl_start),
        Section(1, "forward_looking", None, text[fl_start:], fl_start, len(text)),
    ])
    facts = extract_text_facts(doc)
    assert sorted(f.value for f in facts) == [-3_400_000, -2_900_000]
    prior = pick(facts, "NetIncomeLoss", date(2024, 1, 1), date(2024, 3, 31))
    assert "\n" in prior.evidence and prior.section_no == 0


def test_release_date_rejects_periods_not_yet_ended():
    text = "Acme Update\n\nAcme reported revenue of $4.0 million for the fourth quarter of 2025.\n"
    doc = CleanDocument("t", text, release_date=date(2025, 11, 1))
    assert extract_text_facts(doc) == []
    doc = CleanDocument("t", text, release_date=date(2026, 2, 1))
    assert [f.value for f in extract_text_facts(doc)] == [4_000_000]


def test_concept_mapping_lives_in_the_csv():
    assert concept_for("research and development support fees").name == "ResearchAndDevelopmentSupportRevenue"
    assert concept_for("clinical material reimbursement").name == "ClinicalMaterialsReimbursementRevenue"
    assert concept_for("license and milestone fees").name == "LicenseAndMilestoneFeesRevenue"
    assert concept_for("cash used in operations").sign == -1
    assert concept_for("adjusted EBITDA").name == "AdjustedEBITDA"


def test_variants_and_parts_of_a_measure_are_not_the_measure():
    text = (
        "Acme Reports Results for the First Quarter of 2025\n\n"
        "Acme reported a GAAP net loss of $3.6 million for the first quarter of 2025, compared to a GAAP net loss "
        "of $3.8 million for the first quarter of 2024, and a non-GAAP net loss of $3.3 million for the first quarter "
        "of 2025, compared to $3.4 million for the first quarter of 2024. "
        "The Devices division, which is still small, generated revenues of $0.5 million for the first quarter of 2025. "
        "On an adjusted per-share basis, the net loss was $0.27 for the first quarter of 2025.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text))
    assert sorted(f.value for f in facts) == [-3_800_000, -3_600_000]


def test_same_period_without_a_year_is_not_placed():
    text = (
        "Acme Reports Results for the First Quarter of 2025\n\n"
        "Revenue was $5.0 million for the first quarter of 2025. "
        "The company beat its 2024 performance for the same period with $4.4 million in gross profit.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text))
    assert [(f.concept, f.value) for f in facts] == [("Revenues", 5_000_000)]


def test_explanations_and_other_items_in_comparisons_are_left_out():
    text = (
        "Acme Reports Results for the First Quarter of 2025\n\n"
        "R&D expenses were $5.2 million versus $5.8 million in the prior-year period, while G&A expenses declined "
        "to $1.1 million from $2.0 million. Free cash flow was $(13.5) million for the first quarter of 2025, down "
        "from $7.2 million in the prior-year period, primarily due to $5.3 million in capital expenditures.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text))
    got = sorted((f.concept, f.value, f.period_end.year) for f in facts)
    assert ("PaymentsToAcquirePropertyPlantAndEquipment", 5_300_000, 2024) not in got
    assert ("GeneralAndAdministrativeExpense", 1_100_000, 2024) not in got
    assert ("ResearchAndDevelopmentExpense", 5_800_000, 2024) in got


def test_seed000_through_the_real_document_stage():
    """Same facts once cleaning, sections and the release date come from ``prepare``."""
    try:
        from pipelines.document import prepare

        doc = prepare("seed000", seed_path("000").read_text(encoding="utf-8"))
    except ImportError as exc:  # a stage still being written by its owner
        pytest.skip(f"document stage not importable: {exc}")
    facts = extract_text_facts(doc)
    assert len([f for f in facts if not f.is_guidance]) == 27
    assert len([f for f in facts if f.is_guidance]) == 4
    f = pick(reported(facts), "NetIncomeLoss", *Q2FY11)
    assert f.value == -14_200_000 and doc.text[f.char_start:f.char_end] == f.evidence
    assert f.section_no == doc.section_no_at(f.char_start)


def test_eps_label_names_the_share_basis(seed000):
    _, facts = seed000
    eps = pick(reported(facts), "EarningsPerShareBasicAndDiluted", *Q2FY11)
    assert eps.label == "net loss per share (basic and diluted)"


def test_same_concept_two_values_same_period_is_dropped():
    text = (
        "Acme Reports Results for the First Quarter of 2025\n\n"
        "Revenue for the first quarter of 2025 was $3.5 million, including revenue of $2.1 million from our plant. "
        "Our loss from operations of $5.2 million for the first quarter of 2025 included a charge; "
        "excluding the charge, the loss from operations was $0.7 million for the first quarter of 2025.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text))
    assert [(f.concept, f.value) for f in facts] == [("Revenues", 3_500_000)]


def test_respectively_maps_a_list_of_concepts_in_order():
    text = (
        "Acme Reports Results for the Second Quarter of 2025\n\n"
        "Net income and adjusted net income for the second quarter of 2025 were $2.9 million and $3.8 million, "
        "respectively, compared to net income of $14.1 million and adjusted net income of $16.0 million in the "
        "second quarter of 2024.\n"
    )
    facts = extract_text_facts(CleanDocument("t", text))
    got = {(f.concept, f.period_end.year): f.value for f in facts}
    assert got[("NetIncomeLoss", 2025)] == 2_900_000
    assert got[("AdjustedNetIncomeLoss", 2025)] == 3_800_000
    assert got[("NetIncomeLoss", 2024)] == 14_100_000
    assert got.get(("AdjustedNetIncomeLoss", 2024)) in (None, 16_000_000)


@pytest.mark.parametrize("text", [
    "Bitcoin and BTC tokens on the blockchain", "ſtablecoins Token bitcoin DEFI web3 Crypto presale",
    "\u212aEY tokens: token token token token token", "İ token “quoted” cryptocurrency", "tokenized assets",
    "no such words here", "",
])
def test_crypto_count_is_the_ignorecase_regex_count(text):
    # The crypto test reads the lowered text where that is exact; it must count as the regex does.
    from pipelines.financial.narrative import _CRYPTO_RE, _crypto_count

    assert _crypto_count(text) == min(5, len(_CRYPTO_RE.findall(text)))


def test_concept_phrases_match_as_one_longest_first_alternation():
    # The phrases are grouped by first character for speed: the same phrase wins at each position.
    from pipelines.financial.narrative import _concepts

    _, pattern = _concepts()
    text = ("Research & Development expenses were $3.3 million; net loss attributable to common stockholders rose,"
            " and Adjusted EBITDA1 loss was")
    assert [m.group(0) for m in pattern.finditer(text)] == [
        "Research & Development expenses", "net loss attributable to common stockholders", "Adjusted EBITDA1 loss"]
