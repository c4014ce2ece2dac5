"""Attribution and recall rules of round 7 (paid features, stock roundups, abstracts, pharmacy pieces).

Every text here is invented for these tests (made-up companies and drugs in the
shapes found in real releases); no release text is copied.
"""

from __future__ import annotations

from drug_text import indications, triples

from pipelines.drugs import attributes


# ------------------------------------------------------------- review fixes

def test_an_appositive_describing_the_disease_is_not_a_second_indication():
    text = (
        "Quorvel Inc. recently received FDA approval for Zentorva, a non-opioid analgesic for the treatment of "
        "fibromyalgia, a chronic pain condition that affects many adults."
    )
    got = triples(text, "Quorvel Inc.")
    assert {(d, k, v) for d, k, v in got if k in ("indication", "regulatory", "phase")} == {
        ("Zentorva", "indication", "fibromyalgia"),
        ("Zentorva", "regulatory", "approval"),
        ("Zentorva", "phase", "Approved"),
    }


def test_an_appositive_is_dropped_but_a_listed_second_disease_is_kept():
    assert indications("for the treatment of fibromyalgia, a chronic pain condition") == ["fibromyalgia"]
    assert "chronic pain" in indications("for the treatment of fibromyalgia and chronic pain")


def test_phases_said_not_to_be_required_are_not_phases():
    text = (
        "Pelsar Labs said the NDA for PVX-2204 in opioid use disorder will rely on data from a single Phase 1 abuse potential study, "
        "with no Phase 2 or Phase 3 trials required."
    )
    got = {(d, k, v) for d, k, v in triples(text, "Pelsar Labs") if k == "phase"}
    assert got == {("PVX-2204", "phase", "Phase 1")}


def test_a_phase_without_the_need_is_not_a_phase():
    text = "Pelsar Labs plans to file PVX-2204 for opioid use disorder without the need for a Phase 3 trial, after its Phase 2 study."
    got = {(d, k, v) for d, k, v in triples(text, "Pelsar Labs") if k == "phase"}
    assert ("PVX-2204", "phase", "Phase 3") not in got


def test_a_described_regulatory_pathway_is_not_an_event():
    text = (
        "- FDA grants Type C meeting for PVX-2204 to discuss the manufacturing pathway from IND submission "
        "through NDA approval and commercialization"
    )
    got = triples(text, "Pelsar Labs")
    assert not any(k == "regulatory" for _d, k, _v in got)


def test_an_ind_submission_that_happened_is_still_an_event():
    text = "Pelsar Labs submitted an IND for PVX-2204 in opioid use disorder in January to begin a Phase 1 trial."
    assert ("PVX-2204", "regulatory", "ind_submitted") in triples(text, "Pelsar Labs")


# ------------------------------------------------------------- recall rules (set 10 shapes)

def test_these_studies_opening_a_paragraph_go_on_about_the_previous_drug():
    text = (
        "In a comparability study, Dermavex announced that DVX-3301 also demonstrated continued improvement in "
        "treated patients with cutaneous T-cell lymphoma.\n\n"
        "These studies both built on results from the company's first phase 3 placebo-controlled study (referred to "
        "as the GLOW study), and further support the recently initiated confirmatory phase 3 placebo-controlled "
        "replication study (referred to as GLOW2)."
    )
    got = triples(text, "Dermavex")
    assert ("DVX-3301", "trial", "GLOW") in got
    assert ("DVX-3301", "trial", "GLOW2") in got
    assert ("DVX-3301", "phase", "Phase 3") in got


def test_receptor_vocabulary_targets():
    t = "Positive Results from Phase 2 Study of Oral Melanocortin-1 Receptor Agonist QX-7711 in ulcerative colitis"
    assert [h[2] for h in attributes.targets(t, 0, len(t))] == ["MC1R"]
    t = "QX-7722, a dual PPAR α/γ agonist, and QX-7733, a calcineurin inhibitor"
    assert [h[2] for h in attributes.targets(t, 0, len(t))] == ["PPAR", "calcineurin"]


def test_common_disease_vocabulary():
    text = (
        "approved for treating a range of blood cancers, including Small Lymphocytic Lymphoma (SLL), "
        "Mantle Cell Lymphoma (MCL), Chronic Graft versus Host Disease (cGVHD) and type 1 diabetes"
    )
    assert set(indications(text)) == {"blood cancers", "SLL", "MCL", "cGVHD", "T1D"}


def test_a_disease_treated_by_a_procedure_the_patients_undergo_is_not_the_drug_indication():
    text = "ZL-410 seeks to protect patients who will undergo bone marrow transplant to treat hematologic cancers."
    assert indications(text) == []


def test_an_appositive_developer_is_not_a_partner():
    text = (
        "Imbrova, developed by Halden Pharma and Corvix Labs, is FDA-approved for treating chronic lymphocytic "
        "leukemia (CLL)."
    )
    assert not any(k == "partner" for _d, k, _v in triples(text, "MedSave Pharmacy"))
