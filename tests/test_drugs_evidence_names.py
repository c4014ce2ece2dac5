"""Drug names recognized by evidence (set-7 rules): frames, INN-like endings, glued formulations.

Every text here is invented for these tests (made-up companies and drugs in the
shapes found in real releases); no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import extract_pipeline_facts
from pipelines.drugs.names import find_mentions
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 6, 2)


def doc_of(text: str, company: str | None = None) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)


def triples(text: str, company: str | None = None):
    return {(f.drug, f.kind, f.value) for f in extract_pipeline_facts(doc_of(text, company))[0]}


def names(text: str, issuer: str | None = None) -> set[str]:
    return {m.name for m in find_mentions(text, issuer) if not m.comparator}


# ------------------------------------------------------------- two cues

def test_camelcase_brand_in_two_development_frames_is_a_drug():
    text = (
        "Veltra Pharma Corp. (NASDAQ: VLTP) today gave an update.\n\n"
        "The company completed a Phase 1 study for DermaVex in adults with basal cell carcinoma. "
        "If DermaVex is approved, Veltra expects to launch it in 2027."
    )
    assert "DermaVex" in names(text, "veltra")
    assert ("DermaVex", "indication", "BCC") in triples(text, "Veltra Pharma")


def test_one_frame_alone_is_not_enough_for_a_capitalized_word():
    text = "Orrin Labs said Harbourside demonstrated strong demand in the quarter, and its Phase 2 trial is enrolling."
    assert "Harbourside" not in names(text, "orrin")


def test_lowercase_inn_like_word_in_a_development_sentence():
    text = (
        "Quenta Bio (NYSE: QNTB) said its pivotal Phase 3 trial in early Parkinson's disease is fully enrolled, "
        "moving it closer to bringing velunotap to patients."
    )
    assert "velunotap" in names(text, "quenta")
    assert ("velunotap", "phase", "Phase 3") in triples(text, "Quenta Bio")


def test_lowercase_inn_like_word_in_a_frame():
    text = "Patients receiving coravistat had fewer flares. Dosing of coravistat continues in the extension."
    assert "coravistat" in names(text)


def test_english_words_with_inn_endings_are_not_names():
    text = "The concept of the Phase 2 trial was presented; the peptide showed activity in patients."
    assert not names(text)


def test_component_in_a_brand_parenthesis_and_class_of_regimens_are_not_subjects():
    text = (
        "Merrow Health launched Pylorex (esomeprazole, penimoxacillin and rifampin) to treat infection. "
        "Failure rates of dorimycin-based therapies remain high in patients."
    )
    got = names(text, "merrow")
    assert "penimoxacillin" not in got and "dorimycin" not in got


def test_company_or_joint_venture_in_frames_is_not_a_drug():
    text = (
        "Sorrelane, a $50 million joint venture with a hospital group, runs diagnostics. "
        "Kelvo completed a pivotal clinical trial with Sorrelane. Additionally, Sorrelane has received approvals to commence a study."
    )
    assert "Sorrelane" not in names(text, "kelvo")


def test_trial_name_in_mixed_case_is_not_a_drug():
    text = (
        "Results from the GlenHTN Phase 2 clinical trial showed that patients treated with GlenHTN-style dosing improved. "
        "GlenHTN demonstrated a benefit."
    )
    assert "GlenHTN" not in names(text)


# ------------------------------------------------------------- other shapes

def test_lead_compound_apposition_at_sentence_end():
    text = "Through its subsidiary, Norvane is focused on its lead compound, Tessa-RX. Tessa-RX is a new chemical entity."
    assert "Tessa-RX" in names(text, "norvane")


def test_brand_glued_to_an_inn_is_its_own_product():
    text = "Pelora is preparing clinical testing of oral FlexiSORB-semaglutide, and FlexiSORB-semaglutide outperformed the control."
    assert "FlexiSORB-semaglutide" in names(text, "pelora")


def test_short_code_in_preclinical_development():
    text = "Additional viruses such as OVX-12, which carries a new coat, are in preclinical development with partners."
    assert "OVX-12" in names(text)


def test_platform_company_description_does_not_block_the_sole_drug():
    text = (
        "Tarvin Bio (NYSE: TRVB), a late-stage clinical drug platform company, said all sites for its pivotal Phase 3 trial "
        "in early Alzheimer's disease are enrolling, as it works toward bringing dulonetap to patients."
    )
    assert ("dulonetap", "phase", "Phase 3") in triples(text, "Tarvin Bio")


def test_short_camelcase_name_introduced_with_its_owner():
    text = "Pellam Bio said ZiVax, its proprietary, heat-stable subunit vaccine candidate, protected animals."
    assert "ZiVax" in names(text, "pellam")


def test_company_in_one_result_frame_is_not_a_drug():
    text = "With years of experience, NuTissa offers wound products. NuTissa achieved record revenue, and NuTissa's commitment grows."
    assert "NuTissa" not in names(text)


def test_inn_like_word_named_only_in_a_title_case_title():
    text = (
        "Quenta Bio Advances Velunotap in Pivotal Phase 3 Trial\n\n"
        "Quenta Bio (NYSE: QNTB) said its pivotal Phase 3 trial in early Parkinson's disease is fully enrolled."
    )
    assert "velunotap" in names(text, "quenta")
    assert ("velunotap", "phase", "Phase 3") in triples(text, "Quenta Bio")


def test_english_title_words_are_not_names():
    text = "Quenta Bio Reports Positive Clinical Concept Data\n\nQuenta Bio said its Phase 2 trial is enrolling."
    assert not names(text, "quenta")


# ------------------------------------------------------------- regulatory precision (set 7)

def test_long_if_clause_hedges_an_approval_and_a_voucher_is_no_priority_review():
    text = (
        "Norvik Bio said ZX-501 received rare pediatric disease designation for neuroblastoma. If a Biologics License "
        "Application for ZX-501 for the treatment of neuroblastoma is approved by the FDA, Norvik may be eligible to receive "
        "a Priority Review Voucher."
    )
    got = triples(text, "Norvik Bio")
    assert ("ZX-501", "regulatory", "rare_pediatric_disease") in got
    assert not {f for f in got if f[2] in ("approval", "priority_review", "Approved")}


def test_approved_components_are_not_the_products_approval():
    text = "PMX-201, in Phase 2 for ALS, combines two FDA-approved drugs in a novel formulation."
    got = triples(text)
    assert ("PMX-201", "indication", "ALS") in got
    assert ("PMX-201", "phase", "Approved") not in got


def test_ind_enabling_is_no_trial_name():
    text = "Sorin Pharma Engages a Lab for IND-Enabling Study of PTSD Drug SRN-15\n\nSorin said SRN-15 is in preclinical development for PTSD."
    assert not {f for f in triples(text, "Sorin Pharma") if f[1] == "trial"}


def test_rare_pediatric_drug_designation_and_plural_designations_of_the_program():
    text = (
        "Lumen Onc said LX-184 will enter a pediatric trial in brain tumors. "
        "The program holds Rare Pediatric Disease and Orphan Drug designations."
    )
    got = triples(text, "Lumen Onc")
    assert ("LX-184", "regulatory", "rare_pediatric_disease") in got
    assert ("LX-184", "regulatory", "orphan_drug_designation") in got
    text2 = "Tavor Bio was granted Rare Pediatric Drug Designation (RPDD) by the FDA for TV-301 for the treatment of retinoblastoma."
    assert ("TV-301", "regulatory", "rare_pediatric_disease") in triples(text2, "Tavor Bio")


def test_two_codes_joined_by_a_slash_are_one_drug():
    text = (
        "Lumen Onc said the FDA supported adding a cohort for LX-284/NOVA-002, the company's lead investigational therapy, "
        "for atypical teratoid rhabdoid tumor. The program holds Orphan Drug designation."
    )
    got = triples(text, "Lumen Onc")
    drugs = {d for d, _k, _v in got}
    assert len(drugs) == 1
    assert any(v == "orphan_drug_designation" for _d, _k, v in got)


def test_completed_phase_is_clinical_context():
    text = "NV-501, an antiviral drug, previously completed Phase I."
    assert ("NV-501", "phase", "Phase 1") in triples(text)


def test_target_before_a_ligand_agonist():
    text = "Koro Pharma presented new preclinical data on its investigational small molecule GITR ligand agonist, KRX101."
    assert ("KRX101", "target", "GITR") in triples(text, "Koro Pharma")
