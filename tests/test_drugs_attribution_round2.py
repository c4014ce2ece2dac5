"""Attribution round 2: combination-partner drug classes, shared-head receptor lists,
future phases chained after a planned one, diseases that describe another disease,
";" lists of designations, catalyst lists with parenthesised dates.

Every text here is invented for these tests (made-up companies and drugs);
no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import attributes, extract_pipeline_facts
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 9, 10)


def facts(text: str):
    doc = CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE)
    return extract_pipeline_facts(doc)[0]


def triples(text: str):
    return {(f.drug, f.kind, f.value) for f in facts(text)}


def test_drug_classes_given_with_the_drug_are_not_its_targets():
    t = "Pairing it with glucose-lowering medicines, such as KLMN4 inhibitors, might help patients."
    assert [h[2] for h in attributes.targets(t, 0, len(t))] == []
    t = "ZX-4410 is a KRAS inhibitor in Phase 2 for colorectal cancer."
    assert [h[2] for h in attributes.targets(t, 0, len(t))] == ["KRAS"]


def test_each_item_of_a_receptor_list_is_a_target():
    t = "ZX-4410 activates three receptors: FGF21, glucagon and GLP-1 receptors."
    assert sorted(h[2] for h in attributes.targets(t, 0, len(t))) == ["FGF21", "GLP-1", "glucagon"]
    t = "The kit detects common, rare and seasonal receptors."
    assert attributes.targets(t, 0, len(t)) == []


def test_a_phase_chained_after_a_planned_one_is_planned_too():
    t = ("Velora is preparing for a Phase Ib/Randomized Phase II study of VX-220 in patients with pancreatic cancer. "
         "VX-220 has completed Phase I studies in pancreatic cancer.")
    got = {v for d, k, v in triples(t) if k == "phase"}
    assert got == {"Phase 1"}


def test_an_ind_for_a_trial_is_not_the_trial():
    t = "Highlights include Fast Track Designation for VX-220 in glioma, with an open IND for a Phase 1 trial in patients."
    got = triples(t)
    assert ("VX-220", "regulatory", "fast_track") in got
    assert not any(k == "phase" for _d, k, _v in got)


def test_a_disease_describing_another_is_no_indication():
    t = ("The FDA cleared the IND of VX-220, an intranasal peptide for Kessler syndrome (KS), "
         "a rare disorder and leading cause of childhood obesity, in the third quarter.")
    inds = {v for d, k, v in triples(t) if k == "indication"}
    assert "obesity" not in inds


def test_a_semicolon_list_of_designations_keeps_its_drug():
    t = ("The company's lead candidate, VX-220, has received FDA Orphan Drug Designation for glioblastoma; "
         "Fast Track Designation for graft-versus-host disease (GvHD); and FDA IND clearance for chronic "
         "obstructive pulmonary disease (COPD).")
    got = triples(t)
    assert {("VX-220", "indication", "GvHD"), ("VX-220", "indication", "COPD"),
            ("VX-220", "regulatory", "ind_cleared"), ("VX-220", "regulatory", "fast_track")} <= got


def test_catalyst_list_items_take_the_drug_they_name():
    t = ("VX-220 and VX-310 are the company's clinical drug candidates. "
         "Key clinical catalysts include topline data from the VX-220 Phase 2 program in anxiety (Q1 2026), "
         "topline readouts from the VX-310 Phase 3 study in depression (Q4 2026), and initiation of the "
         "Phase 3 LUMEN study (Q4 2025).")
    ms = {(f.drug, f.value, str(f.expected_end)) for f in facts(t) if f.kind == "milestone"}
    assert ("VX-220", "data", "2026-03-31") in ms
    assert ("VX-310", "data", "2026-12-31") in ms
    assert ("VX-220", "data", "2026-12-31") not in ms


def _doc_with_headline(headline: str, body: str) -> CleanDocument:
    text = headline + "\n\n" + body
    h = len(headline)
    return CleanDocument("t", text, [Section(0, "headline", None, headline, 0, h), Section(1, "body", None, body, h + 2, len(text))],
                         release_date=RELEASE)


def test_a_headline_phase_the_body_calls_planned_is_dropped():
    doc = _doc_with_headline(
        "Velora Advances VX-220 for Kessler Syndrome Into Phase 2 Trial",
        "Velora announced that the FDA has cleared its IND to begin a Phase 2 trial of VX-220 in patients with Kessler syndrome.",
    )
    got = {(f.drug, f.kind, f.value) for f in extract_pipeline_facts(doc)[0]}
    assert not any(k == "phase" for _d, k, _v in got)
    assert ("VX-220", "milestone", "Phase 2 start") in got


def test_a_phase_printed_with_a_named_trial_of_one_drug():
    t = ("The LUMEN trial is a randomized study evaluating VX-220 in patients with glioma. "
         "These findings build upon Phase 2 LUMEN trial biomarker data presented in April.")
    got = triples(t)
    assert ("VX-220", "trial", "LUMEN") in got
    assert ("VX-220", "phase", "Phase 2") in got


def test_pre_ind_candidates_are_preclinical():
    got = triples("The Company also advances ZB-101, a pre-IND candidate for patients with leukemia.")
    assert ("ZB-101", "phase", "Preclinical") in got


def test_undated_plans_need_a_firm_plan():
    got = {(f.drug, f.value, f.expected_end) for f in facts(
        "VX-220 is progressing through IND-enabling studies, and we plan to initiate a Phase 1/2 clinical trial in patients with glioma.") if f.kind == "milestone"}
    assert got == {("VX-220", "Phase 1/2 start", None)}
    got = [f for f in facts("If cleared, Velora plans to advance VX-220 into a Phase 1 clinical trial in patients with glioma.") if f.kind == "milestone"]
    assert got == []


def test_partners_by_contract_funding_and_manufacturing():
    t = "VX-220, for which Velora has a contract with the U.S. Army's Medical Research Command, is in development."
    assert [h[2] for h in attributes.partners(t, 0, len(t), "velora")] == ["Medical Research Command"]
    t = "The Company completed the Department of Energy-funded preclinical study of VX-220 in a model."
    assert [h[2] for h in attributes.partners(t, 0, len(t), "velora")] == ["Department of Energy"]
    t = "Velora has a manufacturing partnership with Brightwell Biologics for the VX-220 program."
    assert [h[2] for h in attributes.partners(t, 0, len(t), "velora")] == ["Brightwell Biologics"]


def test_undated_starts_that_are_not_plans():
    for t in ("ZX-101 will complement the more advanced VX-220 Phase II study in patients.",
              "We look forward to advancing enrollment in the confirmatory Phase 3 study of VX-220 in patients.",
              "This will play a role in the regulatory strategy and potential BLA submission for VX-220 in patients with cancer."):
        assert [f for f in facts(t) if f.kind == "milestone"] == []
    got = [(f.drug, f.value, f.expected_end) for f in facts("The drug VX-220 will now progress to phase 3 in patients.") if f.kind == "milestone"]
    assert got == [("VX-220", "Phase 3 start", None)]


def test_a_regulator_funding_a_study_is_no_partner():
    t = "Interim results from the FDA-funded real-world study show that VX-220 works."
    assert attributes.partners(t, 0, len(t), "velora") == []


def test_an_enumerated_list_of_candidates_shares_its_stage():
    t = ("The Company also advances two pre-IND candidates: (i) ZB-101™, an oral modulator aimed at remission in "
         "patients with relapsed disease, and (ii) ZB-202™, a first-in-class oral prodrug.")
    got = {(d, v) for d, k, v in triples(t) if k == "phase"}
    assert got == {("ZB-101", "Preclinical"), ("ZB-202", "Preclinical")}


def test_a_cause_is_not_a_schedule():
    t = ("Research costs rose primarily due to greater investment in the advancement of VX-220 toward IND filing "
         "for patients with glioma.")
    assert [f for f in facts(t) if f.kind == "milestone"] == []
