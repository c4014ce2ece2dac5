"""Attribution round 5: analyst-note bullets headed by a drug ("• ZTX-220 - ...", "Pipeline: ZTX-410: ...")
give that drug to the bullet's drug-less sentences; a Q&A answer about "the trial" takes the one drug
its question (or the previous answer) named.

Every text here is invented for these tests (made-up companies and drugs);
no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.document import prepare
from pipelines.drugs import extract_pipeline_facts
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 3, 3)


def facts(text: str):
    doc = CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE)
    return {(f.drug, f.kind, f.value, str(f.expected_end)) for f in extract_pipeline_facts(doc)[0]}


NOTE = """Stonegate-like Partners Updates Coverage on Zentova Therapeutics Inc.

DALLAS, TX -- March 3, 2025 -- Research coverage updated on Zentova Therapeutics Inc., a clinical-stage biopharmaceutical company developing ZTX-410 and ZTX-220.

Key Takeaways:

- ZTX-410: Phase 3 data expected in the first half of 2026. The Company plans to submit an NDA in the second half of 2026.

- ZTX-220 - The Phase 2 trial is fully enrolled. Topline data expected in the fourth quarter of 2025.

Pipeline: ZTX-410: The pivotal study in Fabry disease completed enrollment. Topline results are expected in mid-2026.

Valuation: We use a Discounted Cash Flow Model. Topline data are expected in the first quarter of 2027 for peers.
"""


def test_bullet_headed_by_a_drug_gives_it_the_whole_bullet():
    got = facts(NOTE)
    assert ("ZTX-220", "milestone", "data", "2025-12-31") in got
    assert ("ZTX-410", "milestone", "NDA submission", "2026-12-31") in got


def test_section_label_before_the_heading_drug():
    got = facts(NOTE)
    assert ("ZTX-410", "indication", "Fabry disease", "None") in got
    assert ("ZTX-410", "milestone", "data", "2026-08-31") in got


def test_a_new_section_label_ends_the_heading_drug():
    assert not any(v[3] == "2027-03-31" for v in facts(NOTE))


QA = """Zentova Therapeutics CEO Discusses Pipeline in Interview

BOSTON, March 3, 2025 -- Zentova Therapeutics Inc., a clinical-stage biopharmaceutical company developing ZTX-410 and ZTX-220, today released an interview with its Chief Executive Officer.

Q: Where does the Phase 3 trial of ZTX-410 in Fabry disease stand?

A: Enrollment is complete. We expect topline data from the trial in the second half of 2025.

Q: What comes next?

A: If the study is positive, we plan to submit an NDA in 2026.

Q: How do you compare ZTX-410 with ZTX-220?

A: We expect topline data from the study in the third quarter of 2026.
"""


def test_answer_takes_the_question_drug_and_keeps_it_for_the_next_question():
    got = facts(QA)
    assert ("ZTX-410", "milestone", "data", "2025-12-31") in got
    assert ("ZTX-410", "milestone", "NDA submission", "2026-12-31") in got


def test_answer_after_a_question_naming_two_drugs_is_left_out():
    assert not any(v[3] == "2026-09-30" for v in facts(QA))


SECTIONS = """Research coverage updated on Zentova Therapeutics Inc.

DALLAS, TX -- March 3, 2025 -- Research coverage updated on Zentova Therapeutics Inc., a clinical-stage biopharmaceutical company developing ZTX-410 and ZTX-220.

Regulatory Pathway and Launch Planning: Zentova submitted its New Drug Application for ZTX-410 in February 2025. The FDA is expected to accept the filing by 2Q25, which could set up a PDUFA date in the first quarter of 2026.

Scholar Award and Outreach: A PDUFA date is expected in the fourth quarter of 2026 for partnered programs. Zentova also funds research on ZTX-220.
"""


def test_a_label_headed_section_about_one_drug_gives_it_later_sentences():
    got = facts(SECTIONS)
    assert ("ZTX-410", "milestone", "approval decision", "2026-03-31") in got


def test_a_potential_pdufa_date_is_not_yet_assigned():
    assert ("ZTX-410", "regulatory", "pdufa_date", "2026-03-31") not in facts(SECTIONS)
    assigned = SECTIONS.replace("could set up a PDUFA date", "has a PDUFA date")
    assert ("ZTX-410", "regulatory", "pdufa_date", "2026-03-31") in facts(assigned)


def test_section_drug_does_not_speak_before_it_is_named():
    got = facts(SECTIONS)
    assert not any(v[3] == "2026-12-31" for v in got)



def test_a_phase_the_sentence_plans_to_start_is_a_milestone_not_the_current_phase():
    doc = prepare("t", "Quorvex Reports Progress\n\nQuorvex Bio (NASDAQ: QRVX), a clinical-stage biotechnology company, is "
                  "developing QRV-210, its lead drug candidate for ALS. QRV-210 is in a Phase 2 trial in ALS.\n\n"
                  "Quorvex plans to submit additional data in mid-2026, alongside commencing the Phase 3 HORIZON-ALS trial of QRV-210.")
    doc.release_date = date(2026, 2, 2)
    facts, _ = extract_pipeline_facts(doc)
    assert {f.value for f in facts if f.kind == "phase"} == {"Phase 2"}
    assert [f.value for f in facts if f.kind == "milestone"] == ["Phase 3 start"]


def test_the_issuers_name_in_a_study_nickname_is_no_trial_name():
    doc = prepare("t", "Quorvex Reports Interim Data\n\nBOSTON - July 28, 2026 (NEWMEDIAWIRE) - Quorvex Bio Corp. (Nasdaq: QRVX) "
                  '(the "Company" or "Quorvex") provides an interim update on the phase 1b, 12-week study QRV-CH-7 '
                  '(the "Study" or the "Quorvex Study") of QRV-210, its lead drug candidate for obesity.')
    facts, _ = extract_pipeline_facts(doc)
    assert [f.value for f in facts if f.kind == "trial"] == []
    assert {(f.kind, f.value) for f in facts} == {("indication", "obesity"), ("phase", "Phase 1")}
