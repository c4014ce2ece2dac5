"""Unit tests of the drug-pipeline recognizers on text written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipelines.drugs import canonicalize, extract_pipeline_facts
from pipelines.drugs import milestones, phases
from pipelines.drugs.names import find_aliases, find_mentions
from pipelines.model import CleanDocument, DrugAlias, PipelineFact, Section


def doc_of(text: str, release: date | None = date(2024, 3, 15)) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=release)


def facts_of(text: str, release: date | None = date(2024, 3, 15)):
    facts, aliases = extract_pipeline_facts(doc_of(text, release))
    return facts, aliases


# ------------------------------------------------------------- fuzzy dates

@pytest.mark.parametrize(
    "phrase, release, start, end",
    [
        ("mid-2011", date(2011, 1, 27), date(2011, 5, 1), date(2011, 8, 31)),
        ("2H2011", date(2011, 1, 27), date(2011, 7, 1), date(2011, 12, 31)),
        ("early 2012", date(2011, 1, 27), date(2012, 1, 1), date(2012, 4, 30)),
        ("late 2026", None, date(2026, 9, 1), date(2026, 12, 31)),
        ("2Q2011", date(2011, 1, 27), date(2011, 4, 1), date(2011, 6, 30)),
        ("Q3 2025", None, date(2025, 7, 1), date(2025, 9, 30)),
        ("the fourth quarter", date(2011, 6, 14), date(2011, 10, 1), date(2011, 12, 31)),
        ("second half of 2025", None, date(2025, 7, 1), date(2025, 12, 31)),
        ("later this year", date(2011, 6, 14), date(2011, 6, 14), date(2011, 12, 31)),
        ("next twelve months", date(2011, 6, 14), date(2011, 6, 14), date(2012, 6, 14)),
        ("by the end of 2025", date(2025, 3, 1), date(2025, 3, 1), date(2025, 12, 31)),
        ("in 2026", date(2025, 3, 1), date(2026, 1, 1), date(2026, 12, 31)),
        ("Aug. 15", date(2025, 5, 13), date(2025, 8, 15), date(2025, 8, 15)),
        ("March 2012", None, date(2012, 3, 1), date(2012, 3, 31)),
    ],
)
def test_fuzzy_date_windows(phrase, release, start, end):
    m = milestones.DATE_RE.search(phrase)
    assert m is not None and m.group().strip() == phrase.strip()
    assert milestones.window(m, release) == (start, end)


def test_relative_date_without_release_date_has_no_window():
    m = milestones.DATE_RE.search("later this year")
    assert milestones.window(m, None) == (None, None)


# ------------------------------------------------------------- phases

@pytest.mark.parametrize(
    "printed, value",
    [
        ("Phase I/II", "Phase 1/2"), ("Phase 1/2", "Phase 1/2"), ("Phase 2a", "Phase 2"),
        ("Phase IIb", "Phase 2"), ("Phase III", "Phase 3"), ("phase 1b", "Phase 1"),
        ("Phase 2/3", "Phase 2/3"), ("Phase 1b/2a", "Phase 1/2"), ("Phase IV", "Approved"),
        ("phase two", "Phase 2"),
    ],
)
def test_phase_normalization(printed, value):
    m = phases.PHASE_RE.search(printed)
    assert m is not None
    assert phases.normalize(m) == value


def test_phase_order_for_views():
    assert phases.PHASES == ("Preclinical", "Phase 1", "Phase 1/2", "Phase 2", "Phase 2/3", "Phase 3", "Filed", "Approved")


# ------------------------------------------------------------- names

@pytest.mark.parametrize(
    "code",
    ["IMGN901", "SAR3419", "BAY 94-9343", "BT-062", "BIIB015", "T-DM1", "CAN-2409", "LFD-200", "NXP800",
     "TNX-102 SL", "CNM-Au8", "LP-184", "HDP-101", "BRTX-100", "RLS-0071", "MB-105", "INM-901", "IGC-AD1",
     "TTX-MC138", "Lucid-21-302", "CTx-1301"],
)
def test_code_names_are_recognized(code):
    text = f"The company dosed the first patient with {code} in its clinical trial."
    names = [m.name for m in find_mentions(text)]
    assert names == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Cases of COVID-19 rose.", "A GLP-1 agonist was used.", "HER2 and CD56 are antigens.",
        "Results for Q1 2025.", "See the Form 10-K.", "An SBIR Phase II grant.", "The GLP-1-H24-4 study.",
        "Certified to ISO 9001 and ISO 13485.", "A technical report under NI 43-101.", "In FY2025 revenue grew.",
        "Call 781-895-0600.", "The ERC-721 token standard.", "Under Rule 10b5-1 plans.",
    ],
)
def test_non_drug_codes_are_not_names(text):
    assert find_mentions(text) == []


def test_inn_stems_and_english_exceptions():
    text = "A peptide and a thermostat were used with pembrolizumab and lorvotuzumab mertansine."
    got = {(m.name, m.kind, m.comparator) for m in find_mentions(text)}
    assert got == {("pembrolizumab", "inn", True), ("lorvotuzumab mertansine", "inn", False)}


def test_aliases_from_parentheses_and_or():
    text = "We develop ZX-4410 (fabulimab vedotin). Its partner, fabulimab-DM1, or ZX-4410, is similar."
    ms = find_mentions(text)
    pairs = {(a.name, b.name) for a, b in find_aliases(text, ms)}
    assert pairs == {("ZX-4410", "fabulimab vedotin"), ("fabulimab-DM1", "ZX-4410")}


def test_brand_of_another_company_is_a_comparator():
    text = "Zolvex® was combined with KX-301 in patients. Zolvex is a registered trademark of Other Corp."
    ms = {m.name: m.comparator for m in find_mentions(text, issuer="acme")}
    assert ms == {"Zolvex": True, "KX-301": False}


# ------------------------------------------------------------- extraction rules

def test_no_facts_when_phase_is_not_drug_development():
    texts = [
        "Acme Mining begins Phase 2 drilling at its gold deposit; the clinical-grade assay lab supports patients.",
        "Token presale enters Phase 3 as investors rush; the trial of the app drew 10,000 users.",
        "Acme Bio won an SBIR Phase II grant of $1.5 million for KX-301 research in patients.",
        "The company launches Phase 2 of its growth plan for its clinical software.",
    ]
    for text in texts:
        assert facts_of(text)[0] == [], text


def test_subject_is_the_drug_not_the_combination_partner():
    text = "KX-301 is in a Phase 2 trial in combination with lenalidomide and dexamethasone for multiple myeloma (MM)."
    facts, _ = facts_of(text)
    phase = [f for f in facts if f.kind == "phase"]
    assert [(f.drug, f.value) for f in phase] == [("KX-301", "Phase 2")]
    assert phase[0].indication == "MM"


def test_future_phase_start_is_a_milestone_with_window():
    text = "Acme plans to begin a Phase 3 trial of KX-301 in patients in the second half of 2025."
    facts, _ = facts_of(text)
    assert [f.kind for f in facts] == ["milestone"]
    f = facts[0]
    assert (f.drug, f.value, f.expected_start, f.expected_end) == ("KX-301", "Phase 3 start", date(2025, 7, 1), date(2025, 12, 31))


def test_heading_drug_gives_bullets_their_subject():
    text = (
        "KX-301 - in preclinical development for ovarian cancer\n\n"
        "- Acme intends to submit an IND for this compound in early 2026.\n\n"
        "Financial Results\n\n"
        "- Revenue grew in 2025 with a plan to submit more filings."
    )
    facts, _ = facts_of(text)
    got = {(f.drug, f.kind, f.value) for f in facts}
    assert ("KX-301", "phase", "Preclinical") in got
    assert ("KX-301", "indication", "ovarian cancer") in got
    ind = [f for f in facts if f.value == "IND submission"]
    assert [(f.expected_start, f.expected_end) for f in ind] == [(date(2026, 1, 1), date(2026, 4, 30))]


def test_hard_wrapped_sentence_and_exact_evidence():
    text = "Acme announced the submission of an Investigational New Drug (IND)\napplication for KX-301 to the FDA."
    facts, _ = facts_of(text)
    reg = [f for f in facts if f.kind == "regulatory"]
    assert [(f.drug, f.value) for f in reg] == [("KX-301", "ind_submitted")]
    assert text[reg[0].char_start:reg[0].char_end] == reg[0].evidence == text


def test_indication_uses_abbreviation_defined_in_release():
    text = "KX-301 is in Phase 1 for small-cell lung cancer (SCLC). KX-301 also showed activity in SCLC models in patients."
    facts, _ = facts_of(text)
    assert {f.value for f in facts if f.kind == "indication"} == {"SCLC"}


# ------------------------------------------------------------- canonical names

def _fact(drug: str) -> PipelineFact:
    return PipelineFact(drug, "phase", "Phase 1", "Phase 1", "x", 0, 1)


def test_canonicalize_links_names_across_releases_and_prefers_codes():
    per_doc = [
        ("b", [_fact("fabulimab vedotin")], [DrugAlias("fabulimab vedotin", "fabulimab vedotin", "inn")]),
        ("a", [_fact("ZX-4410")], [DrugAlias("ZX-4410", "ZX-4410", "code"), DrugAlias("ZX-4410", "fabulimab vedotin", "inn")]),
        ("c", [_fact("Fabulix")], [DrugAlias("Fabulix", "Fabulix", "brand"), DrugAlias("Fabulix", "fabulimab vedotin", "inn")]),
    ]
    by_doc, aliases = canonicalize(per_doc)
    assert list(by_doc) == ["a", "b", "c"]
    assert {f.drug for fs in by_doc.values() for f in fs} == {"ZX-4410"}
    assert [(a.drug, a.alias, a.alias_type) for a in aliases] == [
        ("ZX-4410", "ZX-4410", "code"), ("ZX-4410", "fabulimab vedotin", "inn"), ("ZX-4410", "Fabulix", "brand"),
    ]
    assert canonicalize(list(reversed(per_doc)))[1] == aliases


def test_every_extracted_drug_has_a_self_alias():
    facts, aliases = facts_of("KX-301 (fabulimab vedotin) is in a Phase 2 study for breast cancer.")
    assert {f.drug for f in facts} == {"KX-301"}
    assert ("KX-301", "KX-301", "code") in {(a.drug, a.alias, a.alias_type) for a in aliases}
    assert re.fullmatch(r"Phase 2.*", next(f.detail for f in facts if f.kind == "phase"))


def test_readiness_and_advancing_to_a_phase_are_not_current_phases():
    facts, _ = facts_of("Acme completes the Phase 1a trial of KX-301 in patients, advancing to Phase 2 evaluation.")
    assert {f.value for f in facts if f.kind == "phase"} == {"Phase 1"}
    facts, _ = facts_of("The deal adds Phase 3-ready KX-301 for patients with melanoma.")
    assert [f for f in facts if f.kind == "phase"] == []


def test_recommended_phase_2_dose_and_planned_trials_are_not_phases():
    facts, _ = facts_of(
        "The Phase 1a trial of KX-301 in patients established the recommended Phase 2 dose, "
        "enabling planned Phase 1b/2 trials in breast cancer."
    )
    assert {f.value for f in facts if f.kind == "phase"} == {"Phase 1"}
