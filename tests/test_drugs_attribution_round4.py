"""Attribution round 4: trial permits printed as "approval to proceed with", "Phase 2 Trial
Approval", "Study may proceed" letters and active INDs; "FDA-approved" as a clinic's badge;
a manufacturing partner of the release's one drug; the company's own platform.

Every text here is invented for these tests (made-up companies and drugs);
no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import extract_pipeline_facts, regulatory
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 9, 3)


def facts(text: str, company: str | None = None):
    doc = CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)
    return {(f.drug, f.kind, f.value) for f in extract_pipeline_facts(doc)[0]}


def values(s: str) -> list[tuple[str, bool]]:
    return [(v, hedged) for _a, _b, v, hedged in regulatory.events(s, 0, len(s))]


def test_trial_permits_are_ind_clearances():
    assert values("Orvane Bio received approval to proceed with the clinical trials after resolving the FDA's questions.") == [("ind_cleared", False)]
    assert values("Orvane Bio Receives Phase 2 Trial Approval for QL-310") == [("ind_cleared", False)]
    assert values("Orvane Bio received Australian approval to begin the TALON Phase 3 study of QL-310.") == [("ind_cleared", False)]
    assert values("By year-end the FDA issued Study may proceed letters for both trials.") == [("ind_cleared", False)]
    assert values("QL-310 is now under an Investigational New Drug (IND) application with the FDA.") == [("ind_cleared", False)]


def test_applying_for_a_trial_permit_is_no_clearance_yet():
    assert values("Toxicology is a key step before applying to the FDA for approval to begin human trials.") == [("ind_cleared", True)]


def test_ethics_approval_in_a_country_still_counts():
    assert values("Orvane Bio received ethics approval in Norway to commence Phase 1 clinical trials for QL-310.") == [("ind_cleared", False)]


def test_fda_approved_badge_of_a_clinic_gives_no_facts():
    t = ("Dr. Halvorsen's studio treats every patient with Zelquil, an advanced, FDA-approved, long-acting formulation of a local anesthetic. "
         "Patients receive Zelquil before each procedure and leave the studio without pain. Zelquil keeps working for three days.\n")
    assert facts(t) == set()


def test_fda_approved_drug_in_a_development_release_is_kept():
    t = ("PL-410, an FDA-approved injection for post-surgical pain, is Pelmora's lead product. "
         "Pelmora began a Phase 2 trial of PL-410 in knee surgery patients.\n")
    assert ("PL-410", "phase", "Phase 2") in facts(t, "Pelmora Therapeutics")


def test_manufacturing_partner_of_the_one_drug():
    t = ("Korvale Pharma is developing KV-220, a transdermal patch for chronic pain, toward a Phase 3 trial. "
         "Korvale recently completed the commercial manufacturing scale-up with its partner Brightwell Contract Labs, a global CDMO.\n")
    assert ("KV-220", "partner", "Brightwell Contract Labs") in facts(t, "Korvale Pharma")


def test_the_companys_own_platform_does_not_stop_a_continuation():
    t = ("Trenova Bio received FDA clearance to start a Phase 2 trial of TV-880 for patients with glioma. "
         "The program builds on data from an ongoing Phase 1a trial and is advanced with Trenova's AI-driven PRISM® platform.\n")
    assert ("TV-880", "phase", "Phase 1") in facts(t, "Trenova Bio")


def _prepared(body: str):
    from pipelines.document import prepare

    raw = ("# Corvane Bio Reports Pipeline Progress\n\nDENVER, June 2, 2025 -- Corvane Bio today reported progress "
           "across its clinical programs for patients with immune diseases.\n\n" + body + "\n")
    return {(f.drug, f.kind, f.value) for f in extract_pipeline_facts(prepare("t.md", raw))[0]}


def test_pipe_pipeline_table_rows_give_stage_indication_and_partner():
    body = ("| Program | Indication | Stage | Partner |\n|---|---|---|---|\n"
            "| CVB-101 | Psoriasis | Phase 2 | Orbis Pharma |\n| CVB-205 | Crohn's disease | Preclinical | - |")
    got = _prepared(body)
    assert {("CVB-101", "phase", "Phase 2"), ("CVB-101", "indication", "psoriasis"), ("CVB-101", "partner", "Orbis Pharma"),
            ("CVB-205", "phase", "Preclinical"), ("CVB-205", "indication", "Crohn's disease")} <= got
    assert not any(d == "CVB-205" and k == "partner" for d, k, _v in got)


def test_tab_pipeline_table_rows_and_planned_stages():
    body = ("Candidate\tDisease\tStatus\nCVB-101\tPsoriasis\tPhase 2/3\nCVB-330\tLupus\tPhase 1 (planned 2026)")
    got = _prepared(body)
    assert ("CVB-101", "phase", "Phase 2/3") in got
    assert not any(d == "CVB-330" and k == "phase" for d, k, _v in got)


def test_financial_table_is_no_pipeline_table():
    body = ("Operating results\tQ2 2025\tQ2 2024\nResearch and development\t12,400\t10,100\nPhase 2 costs\t3,000\t2,000")
    assert _prepared(body) == set()


def test_partner_of_the_paragraphs_drug_in_a_two_drug_release():
    t = ("Korvale Pharma is developing two programs. KV-330 is a Phase 1 antibody for lupus.\n\n"
         "KV-220 is a transdermal patch in a Phase 2 trial for chronic pain. "
         "Korvale is running the trial with its partner Brightwell Labs.\n")
    got = facts(t, "Korvale Pharma")
    assert ("KV-220", "partner", "Brightwell Labs") in got
    assert ("KV-330", "partner", "Brightwell Labs") not in got
