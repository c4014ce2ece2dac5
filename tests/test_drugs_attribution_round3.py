"""Attribution round 3: spelled-out filings, interim analyses, trial names between the
phase and "study", "plans for Phase X studies", clearances to begin a trial, the issuer
named after an opening phrase, registry numbers as trial values, and program codes the
name finder did not take.

Every text here is invented for these tests (made-up companies and drugs);
no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import attributes, extract_pipeline_facts, milestones
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 8, 14)


def facts(text: str, company: str | None = None):
    doc = CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)
    return extract_pipeline_facts(doc)[0]


def events(text: str, company: str | None = None):
    return {(f.drug, f.value, f.expected_start, f.expected_end) for f in facts(text, company) if f.kind == "milestone"}


def test_spelled_out_new_drug_application_submission_after_a_one_drug_sentence():
    t = ("The company will meet the FDA this quarter to review survival data for lead candidate ZT-411 in ALS. "
         "These steps are intended to support a potential New Drug Application submission under the accelerated "
         "approval pathway for ALS by year-end 2025.\n")
    assert ("ZT-411", "NDA submission", RELEASE, date(2025, 12, 31)) in events(t)


def test_biologics_license_application_submission_is_a_bla_submission():
    s = "a Biologics License Application submission"
    assert any(name == "BLA submission" and rx.search(s) for name, rx in milestones.EVENTS)
    assert not any(name == "NDA submission" and rx.search("an Investigational New Drug Application submission")
                   for name, rx in milestones.EVENTS)


def test_interim_analysis_planned_is_a_data_event():
    t = ("Zentrofa completed the first safety review of the Phase 3 BRAVO study of ZT-522 in psoriasis patients. "
         "Enrollment is progressing, with a blinded interim efficacy analysis planned for 1H 2026.\n")
    assert ("ZT-522", "data", date(2026, 1, 1), date(2026, 6, 30)) in events(t)


def test_trial_name_between_phase_and_study_is_a_start():
    t = ("Zentrofa is developing ZT-633, its lead candidate for retinal disease. "
         "The Phase 1b/2 brIGHT-1 study is scheduled to commence in the summer of 2025.\n")
    assert ("ZT-633", "Phase 1/2 start", date(2025, 6, 1), date(2025, 8, 31)) in events(t)


def test_plans_for_phase_studies_and_clearance_to_begin_are_starts():
    t = "Zentrofa received FDA clearance for an IND application to initiate a Phase 1b/2a clinical trial of ZT-744 in glioma.\n"
    assert ("ZT-744", "Phase 1/2 start", None, None) in events(t)
    t = "The Phase 2 data for ZT-855 were positive in gout patients. The company outlined plans for Phase 3 studies in gout.\n"
    assert ("ZT-855", "Phase 3 start", None, None) in events(t)


def test_issuer_named_after_an_opening_phrase_plans_the_drugs_trial():
    t = ("ZT-966 is an antiviral drug candidate in development for patients with influenza. "
         "Following completion of a Phase 1 study in 2023, Zentrofa plans to initiate a Phase 2 trial by late 2025 or early 2026.\n")
    got = events(t, "Zentrofa, Inc.")
    assert ("ZT-966", "Phase 2 start", date(2025, 9, 1), date(2025, 12, 31)) in got


def test_registry_number_is_a_trial_value():
    t = "The HALO trial (NCT01234567) is evaluating ZT-177 in patients with sepsis."
    assert [h[2] for h in attributes.trials(t, 0, len(t), set())] == ["HALO", "NCT01234567"]
    got = {(f.drug, f.value) for f in facts(t + "\n") if f.kind == "trial"}
    assert got == {("ZT-177", "HALO"), ("ZT-177", "NCT01234567")}
    t = "The study is registered as NCT0123 and with the WHO; a template prints NCT00000000."
    assert attributes.trials(t, 0, len(t), set()) == []


def test_an_unnamed_program_code_keeps_the_sole_drug_out():
    # "QX-184" is printed only as a study's subject, so the finder may not take it as a drug;
    # the release's one recognised drug must not take the plans that follow it
    t = ("Zentrofa reported results for ZT-288 in lymphoma.\n\n"
         "Zentrofa completed enrollment in the QX-184 Phase 1a trial. "
         "The company also outlined plans for Phase 1b/2 studies in breast cancer.\n")
    assert not any(f.value == "Phase 1/2 start" and f.drug == "ZT-288" for f in facts(t))


def test_a_registry_number_alone_gives_a_product_no_facts():
    t = "ZX-7021 capsules for patients are in an ongoing clinical trial (NCT07654321).\n"
    assert facts(t) == []
    t = "ZX-7021 capsules for patients with gout are in an ongoing clinical trial (NCT07654321).\n"
    assert {(f.kind, f.value) for f in facts(t)} == {("indication", "gout"), ("trial", "NCT07654321")}


def test_a_program_an_agency_sponsored_is_the_agencys_partnership():
    t = "Zentrofa is preparing analyses of NIH-sponsored Expanded Access Program data for ZT-411 in ALS patients."
    assert [h[2] for h in attributes.partners(t, 0, len(t), "zentrofa")] == ["NIH"]


def test_pipeline_rows_and_bullets_keep_each_drugs_disease_and_plan():
    t = ("Zentrofa pipeline update for patients.\n\n"
         "ZT-101 | Psoriasis | Phase 2\nZT-202 | Gout | Phase 1\nZT-303 | Lupus nephritis | Preclinical\nZT-404 | Lupus | Phase 1\n")
    got = {(f.drug, f.value) for f in facts(t) if f.kind == "indication"}
    assert got == {("ZT-101", "psoriasis"), ("ZT-202", "gout"), ("ZT-303", "lupus nephritis"), ("ZT-404", "SLE")}
    t = ("Zentrofa pipeline update for patients with cancer.\n\n"
         "- ZT-101 (psoriasis): Phase 2 trial ongoing; topline data expected in Q2 2026.\n"
         "- ZT-202 (gout): Phase 1 study to start in 2H 2026.\n")
    got = {(f.drug, f.kind, f.value, f.expected_end) for f in facts(t) if f.kind in ("phase", "milestone")}
    assert got == {("ZT-101", "phase", "Phase 2", None), ("ZT-101", "milestone", "data", date(2026, 6, 30)),
                   ("ZT-202", "milestone", "Phase 1 start", date(2026, 12, 31))}
