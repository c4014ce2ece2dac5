"""Attribution and recall rules of round 6 (analyst notes, short briefs, catalyst lists).

Every text here is invented for these tests (made-up companies and drugs in the
shapes found in real releases); no release text is copied.
"""

from __future__ import annotations

from drug_text import facts, indications, triples

from pipelines.drugs import attributes


# ------------------------------------------------------------- regulatory events

def test_fda_acceptance_of_the_drug_nda_is_a_filing():
    text = (
        "Brenmor Inc. (NASDAQ: BRNM) reported progress toward launch. Recently the company achieved key milestones, "
        "including FDA acceptance of the BRX-3301 NDA with a September 14, 2026 PDUFA date, and presentation of "
        "positive Phase 3 data in adult patients with ADHD."
    )
    got = triples(text, "Brenmor Inc.")
    assert ("BRX-3301", "regulatory", "nda_submitted") in got
    assert ("BRX-3301", "phase", "Filed") in got
    # the Phase 3 data are the trials behind the filing: the drug's stage is Filed
    assert ("BRX-3301", "phase", "Phase 3") not in got
    assert ("BRX-3301", "milestone", "approval decision") in got


def test_the_nda_under_review_in_a_one_drug_note():
    text = (
        "Brenmor's update positions BRX-3301 toward a commercial launch as a treatment for ADHD. "
        "The NDA remains under FDA review under the 505(b)(2) pathway, and recent financing supports the thesis."
    )
    got = triples(text, "Brenmor Inc.")
    assert ("BRX-3301", "regulatory", "nda_submitted") in got
    assert ("BRX-3301", "phase", "Filed") in got


def test_a_crl_still_cancels_the_filed_stage():
    text = (
        "Brenmor received a Complete Response Letter for the BRX-3301 NDA. "
        "The NDA was accepted by the FDA in 2025 for the treatment of ADHD."
    )
    got = triples(text, "Brenmor Inc.")
    assert ("BRX-3301", "regulatory", "crl") in got
    assert ("BRX-3301", "phase", "Filed") not in got


def test_application_for_approval_in_a_country_is_a_filing():
    text = (
        "Qarvex posted sales growth, submitted an application for Zorlanidone approval in China, and initiated a U.S. Phase 2 trial "
        "for the drug in patients with liver fibrosis. Phase 3 data for Zorlanidone in liver fibrosis met the primary endpoint."
    )
    got = triples(text, "Qarvex Therapeutics")
    assert ("zorlanidone", "regulatory", "nda_submitted") in got
    assert ("zorlanidone", "phase", "Filed") in got
    assert ("zorlanidone", "phase", "Phase 3") not in got  # the data behind the filing


def test_orphan_and_rare_pediatric_designations_in_one_phrase():
    text = "The FDA cleared the IND for ZTX-2900, a nasal spray for Prader-Willi syndrome; the program has received Orphan Drug and Rare Pediatric Disease designations."
    got = triples(text, "Zentrix Pharma")
    assert ("ZTX-2900", "regulatory", "orphan_drug_designation") in got
    assert ("ZTX-2900", "regulatory", "rare_pediatric_disease") in got


def test_open_ind_and_secured_ethics_approval_are_clearances():
    text = "Kelvo reported FDA Fast Track Designation for KLV-201 in soft tissue sarcoma, with an open IND for a Phase 1 trial in patients."
    assert ("KLV-201", "regulatory", "ind_cleared") in triples(text, "Kelvo Bio")
    text = (
        "Following completion of a Phase 1 study in 2024, Nanovia plans to initiate a Phase 2 clinical trial of NVA-310 for mpox "
        "in Kenya by late 2026, with ethics approval already secured."
    )
    assert ("NVA-310", "regulatory", "ind_cleared") in triples(text, "Nanovia Inc.")


def test_approval_for_these_studies_is_a_clearance_of_the_drug_of_the_previous_sentence():
    text = (
        "In 2025, the company filed IND applications for Phase IIA clinical trials of ALZ-77 for bipolar disorder. "
        "By the end of 2025, the FDA granted approval for these studies via study may proceed letters."
    )
    got = triples(text, "Alzora Neuro")
    assert ("ALZ-77", "regulatory", "ind_cleared") in got
    assert ("ALZ-77", "regulatory", "approval") not in got


def test_issuer_named_after_an_opening_phrase_speaks_for_its_sole_drug():
    text = (
        "Hemora submitted an IND for HMX-101 for the treatment of acute myeloid leukemia. "
        "After re-manufacturing the vector, Hemora successfully addressed the FDA's concerns and received approval to proceed with the clinical trials."
    )
    assert ("HMX-101", "regulatory", "ind_cleared") in triples(text, "Hemora Pharmaceuticals")


def test_pdufa_date_assigned_in_the_sentence_after_the_nda():
    text = (
        "Among the four companies, Tavero is the most advanced. In Q1 2025, Tavero submitted its NDA for EPV-220, a treatment for anaphylaxis, and is preparing for a launch. "
        "The FDA assigned a PDUFA target action date of September 30, 2026. Meanwhile, Lodex advances LDX-12 in Phase 1 trials."
    )
    got = {(f.drug, f.kind, f.value, str(f.expected_end)) for f in facts(text, "Acme Newswire")}
    assert ("EPV-220", "regulatory", "pdufa_date", "2026-09-30") in got
    assert ("EPV-220", "milestone", "approval decision", "2026-09-30") in got


# ------------------------------------------------------------- partners

def test_partner_named_before_partnership_and_supply_agreement():
    text = (
        "Orvana advanced ORV-HER3, its osteosarcoma therapy, toward a BLA filing after its Phase 2 trial, supported by its Vexana partnership and a launch plan. "
        "It signed an exclusive commercial supply agreement with Pellham Bio Sciences to secure manufacturing for ORV-HER3."
    )
    got = triples(text, "Orvana Therapeutics")
    assert ("ORV-HER3", "partner", "Vexana") in got
    assert ("ORV-HER3", "partner", "Pellham Bio Sciences") in got


def test_no_partner_from_generic_or_technology_collaborations():
    text = (
        "Medrix's lead program, DermaPatch, is a dissolvable patch for basal cell carcinoma in a Phase 2 study. "
        "The acquisition expands the portfolio, while the Quorix Nanotech collaboration introduces vaccine development capabilities on thermostable platforms."
    )
    got = triples(text, "Medrix Pharma")
    assert not any(k == "partner" for _d, k, _v in got)
    assert attributes.partners("its U.S. collaboration", 0, 22, None) == []
    assert attributes.partners("its strategic Global partnership", 0, 32, None) == []


# ------------------------------------------------------------- milestones

def test_two_filings_share_the_date_printed_after_the_second():
    text = "The company secured FDA and MHRA meetings in 4Q25, providing plans for a UK MAA submission and a U.S. BLA filing in January 2026 for OST-HX2, its therapy for osteosarcoma."
    got = {(f.drug, f.value, str(f.expected_end)) for f in facts(text, "Ostra Inc.") if f.kind == "milestone"}
    assert ("OST-HX2", "MAA submission", "2026-01-31") in got
    assert ("OST-HX2", "BLA submission", "2026-01-31") in got


def test_trial_set_to_begin_and_phase_initiation_in_a_catalyst_list():
    text = (
        "Neurolis reported Phase 2b results for NRL-120 in patients with ALS. While advancing toward a global Phase 3 trial set to begin in H2 2026, "
        "Neurolis is simultaneously pursuing early access in Canada."
    )
    got = {(f.drug, f.value, str(f.expected_end)) for f in facts(text, "Neurolis Therapeutics") if f.kind == "milestone"}
    assert ("NRL-120", "Phase 3 start", "2026-12-31") in got
    text = "Zelvo reported Phase 2 data for ZLV-44 in patients with gout. Upcoming catalysts include Phase 3 initiation in the second half of 2026."
    got = {(f.drug, f.value, str(f.expected_end)) for f in facts(text, "Zelvo Inc.") if f.kind == "milestone"}
    assert ("ZLV-44", "Phase 3 start", "2026-12-31") in got


def test_ind_clearance_to_initiate_a_trial_is_a_trial_start():
    text = (
        "Solvane announced that it has received FDA clearance for an Investigational New Drug (\"IND\") application to initiate "
        "a Phase Ib/2a clinical trial of SLV-184 for patients with glioblastoma."
    )
    got = triples(text, "Solvane Pharma")
    assert ("SLV-184", "milestone", "Phase 1/2 start") in got
    assert ("SLV-184", "regulatory", "ind_cleared") in got


# ------------------------------------------------------------- phases, indications, trials, targets

def test_pre_ind_drug_description_is_preclinical():
    text = "Additional candidates include KORVA, a pre-IND oral immune checkpoint modulator for leukemia relapse, and BELTRA-9, a pre-IND gemcitabine prodrug for solid tumors."
    got = triples(text, "Halix Bio")
    assert ("BELTRA-9", "phase", "Preclinical") in got
    assert ("BELTRA-9", "indication", "solid tumors") in got


def test_planned_studies_name_the_sole_drugs_diseases():
    text = (
        "Lumera completed enrollment in the LMR-184 Phase 1a trial, which met all primary endpoints. "
        "The company also outlined plans for Phase 1b/2 studies in TNBC and bladder cancer."
    )
    got = triples(text, "Lumera Pharma")
    assert ("LMR-184", "indication", "TNBC") in got
    assert ("LMR-184", "indication", "bladder cancer") in got
    assert ("LMR-184", "milestone", "Phase 1/2 start") in got
    assert ("LMR-184", "phase", "Phase 2") not in got


def test_a_list_sharing_one_disease_noun():
    assert indications("trials explore the drug across solid tumors, including ovarian and colorectal cancers") == ["solid tumors", "ovarian cancer", "CRC"]
    assert indications("in development for gastric and colorectal cancers") == ["gastric cancer", "CRC"]
    assert indications("patients with breast, lung, or prostate cancers") == ["breast cancer", "lung cancer", "prostate cancer"]


def test_alopecia_areata_and_leukemia_names():
    assert indications("a gel for conditions such as alopecia areata") == ["alopecia areata"]
    assert indications("remission in post-transplant leukemia relapse") == ["leukemia"]
    assert indications("data at the Annual Lymphoma, Leukemia & Myeloma Congress") == []
    assert indications("acute myeloid leukemia") == ["AML"]


def test_trial_names_between_phase_and_data_and_before_a_described_study():
    text = "Sonex continued to build evidence for SNX-42X in obstructive sleep apnea (OSA), following full Phase 2 DreamOSA data in patients."
    assert ("SNX-42X", "trial", "DreamOSA") in triples(text, "Sonex Healthcare")
    text = "Catalysts for CYX-003 include topline data from the Phase 3 HORIZON study (Q4 2026) and ongoing enrollment of patients in the PERSIST long-term safety study."
    got = triples(text, "Cyxon Inc.")
    assert ("CYX-003", "trial", "PERSIST") in got
    assert ("CYX-003", "trial", "HORIZON") in got


def test_update_label_is_its_own_clause():
    text = (
        "Financing: the company raised $69.5M.\n\n"
        "PSY-002 and RHA-675 Update: In 4Q25, Inkora highlighted positive Phase 2 results for PSY-002 in generalized anxiety disorder. "
        "With an open IND, the Company is preparing a multi-jurisdiction clinical study. "
        "Meanwhile, RHA-675 remains in Phase 2 development for rheumatoid arthritis."
    )
    got = triples(text, "Inkora Healthcare")
    assert ("PSY-002", "phase", "Phase 2") in got
    assert ("PSY-002", "regulatory", "ind_cleared") in got
    assert ("RHA-675", "regulatory", "ind_cleared") not in got
    assert ("RHA-675", "indication", "GAD") not in got
    assert ("RHA-675", "indication", "RA") in got


def test_selective_tyrosine_kinase_inhibitor_is_a_target_but_a_prior_tki_class_is_not():
    got = triples("Maxen is advancing velotinib, an oral, selective tyrosine kinase inhibitor, in a Phase 3 trial for patients with ALS.", "Maxen SA")
    assert ("velotinib", "target", "tyrosine kinase") in got
    got = triples("The Phase 2 trial evaluates LPX-300 in NSCLC patients who have progressed after tyrosine kinase inhibitors.", "Lanta Pharma")
    assert not any(k == "target" for _d, k, _v in got)


# ------------------------------------------------------------- non-drug releases stay empty

def test_non_drug_phase_and_agreement_wording_yields_nothing():
    text = (
        "Northfield Mining completed Phase 2 drilling at the Aurora project and signed a supply agreement with Polar Freight. "
        "The company expects to begin Phase 3 construction in H2 2026 under its Tundra partnership."
    )
    assert facts(text, "Northfield Mining") == []


# ------------------------------------------------------------- later additions

def test_it_is_in_development_for_gives_the_drug_its_indications():
    text = (
        "Redora's lead drug, velanotinib, slowed weight gain in animal models of obesity and is in a Phase 1 trial. "
        "It is in development for multiple viral and inflammatory indications, including COVID-19 and Ebola."
    )
    got = triples(text, "Redora Pharma")
    assert ("velanotinib", "indication", "COVID-19") in got
    assert ("velanotinib", "indication", "Ebola") in got


def test_approved_by_the_us_fda():
    text = "In November 2019, Helicor® was approved by the U.S. FDA for the treatment of H. pylori infection in adults. Redora markets Helicor® in the U.S."
    got = triples(text, "Redora Pharma")
    assert ("Helicor", "regulatory", "approval") in got
    assert ("Helicor", "phase", "Approved") in got


def test_issuer_sentence_in_a_multi_company_article_goes_to_its_lead_drug():
    text = (
        "Two stocks to watch are Cardona Therapeutics and Kinexa Pharmaceuticals. Cardona Therapeutics lead product is CardoRx, "
        "a small molecule therapy for pericarditis. Kinexa markets ARCOLYST for recurrent pericarditis patients. "
        "Cardona Therapeutics (NASDAQ:CRDN) is expected to release topline data in June for its Phase 2 HEARTH-Pilot clinical trial."
    )
    got = triples(text, "Cardona Therapeutics")
    assert ("CardoRx", "phase", "Phase 2") in got
    assert ("CardoRx", "trial", "HEARTH-Pilot") in got
    assert ("ARCOLYST", "phase", "Phase 2") not in got


def test_data_readout_expected_in_a_two_digit_year_quarter():
    text = "Ostra continues to leverage its platform, with the OST-504 Phase 1b trial in prostate cancer patients completing its last visit and an initial data readout expected in 4Q26."
    got = {(f.drug, f.value, str(f.expected_end)) for f in facts(text, "Ostra Inc.") if f.kind == "milestone"}
    assert ("OST-504", "data", "2026-12-31") in got


def test_targets_from_analog_of_and_agonist_for():
    got = triples("Etna is developing a lead molecule called pegrafermin, a glycoPEGylated analog of fibroblast growth factor 21 (FGF21), for NASH patients in Phase 3.", "Etna Bio")
    assert ("pegrafermin", "target", "FGF21") in got
    assert attributes.targets("a dual agonist for both the GLP-1 hormone and GIP", 0, 49)[0][2] == "GLP-1"
    assert attributes.targets("its galectin antagonist called belatectin", 0, 41)[0][2] == "galectin-3"


def test_a_finished_study_result_yields_to_the_approval():
    text = (
        "In November 2019, Helicor® was approved by the U.S. FDA for the treatment of H. pylori infection in adults. "
        "In a pivotal Phase 3 study, Helicor® demonstrated 84% eradication of H. pylori infection. Redora markets Helicor®."
    )
    got = triples(text, "Redora Pharma")
    assert ("Helicor", "phase", "Approved") in got
    assert ("Helicor", "phase", "Phase 3") not in got


def test_the_asset_and_the_investigational_therapy_refer_to_the_sole_drug():
    base = "Zenthra Bio is developing ZTH-101, an oral inhibitor for patients with liver disease.\n\n"
    got = triples(base + "The asset received Fast Track designation from the FDA in 2025.", "Zenthra Bio")
    assert ("ZTH-101", "regulatory", "fast_track") in got
    got = triples(base + "The investigational therapy is being evaluated in a Phase 3 trial in patients with IPF.", "Zenthra Bio")
    assert ("ZTH-101", "phase", "Phase 3") in got
    assert ("ZTH-101", "indication", "IPF") in got
