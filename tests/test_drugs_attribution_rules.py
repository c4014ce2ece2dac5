"""Attribution rules: a drug-less sentence continuing a paragraph about one drug,
partners without development verbs, past phases, trial names, month-only dates.

Every text here is invented for these tests (made-up companies and drugs);
no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import extract_pipeline_facts, milestones, phases
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 3, 10)


def doc_of(text: str, company: str | None = None) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)


def facts(text: str, company: str | None = None):
    return extract_pipeline_facts(doc_of(text, company))[0]


def triples(text: str, company: str | None = None):
    return {(f.drug, f.kind, f.value) for f in facts(text, company)}


def milestone_ends(text: str, company: str | None = None):
    return {(f.drug, f.value, f.expected_end) for f in facts(text, company) if f.kind == "milestone"}


# ------------------------------------------------------------- a paragraph about one drug

_TWO_DRUGS_TAIL = (
    "\n\nAbout Quorvane\nQuorvane Bio develops QRV-11, an intranasal compound for Alzheimer's disease, "
    "and QRV-12, a peptide for multiple sclerosis, both in preclinical development."
)


def test_sentence_after_a_one_drug_sentence_takes_its_plans():
    text = (
        "Quorvane Bio announced it expects data from two preclinical studies of its lead candidate QRV-10 within 90 days. "
        "QRV-10 is an intranasal spray designed to prevent post-traumatic stress disorder. "
        "Results will inform a planned IND application, potentially before year-end, with a Phase 1 clinical trial anticipated in 2026."
        + _TWO_DRUGS_TAIL
    )
    got = milestone_ends(text, "Quorvane Bio")
    assert ("QRV-10", "IND submission", date(2025, 12, 31)) in got
    assert ("QRV-10", "Phase 1 start", date(2026, 12, 31)) in got
    # the other drugs of the release take none of it
    assert not {m for m in got if m[0] != "QRV-10"}


def test_sentence_about_a_next_generation_drug_is_not_the_previous_drugs():
    text = (
        "Corvella Therapeutics is developing CVL-300 for NASH, now in a Phase 2b trial. "
        "The company is also developing a next generation, orally administered NASH drug, which had positive Phase 1 trial results."
        + _TWO_DRUGS_TAIL
    )
    assert ("CVL-300", "phase", "Phase 1") not in triples(text, "Corvella Therapeutics")
    assert ("CVL-300", "phase", "Phase 2") in triples(text, "Corvella Therapeutics")


# ------------------------------------------------------------- partners

def test_partner_from_licensed_from():
    text = "Brelvio Pharma is advancing BRV-21, an oral tablet for PTSD licensed from Eastfield University, into a Phase 2 trial."
    assert ("BRV-21", "partner", "Eastfield University") in triples(text, "Brelvio Pharma")


def test_partner_from_a_partnership_to_run_a_trial():
    text = (
        "Halvane Neuro announced a partnership with Northgate General Hospital to conduct a Phase II clinical trial "
        "of HNV-5 in patients with bipolar disorder."
    )
    assert ("HNV-5", "partner", "Northgate General Hospital") in triples(text, "Halvane Neuro")


def test_distribution_partnership_is_not_a_drug_partner():
    text = (
        "Tessaro® Flow is a fluid transfer system. Tessaro announced a partnership with Kelby Supply, a distributor, "
        "to represent sales of the Tessaro® Flow line to patients and pharma plants."
    )
    assert not {t for t in triples(text) if t[1] == "partner"}


def test_trial_funder_is_a_partner_but_a_papers_funder_is_not():
    text = "The forthcoming Phase 1b trial of DGW-16 in neuropathic pain is fully funded by the National Cancer Institute."
    assert ("DGW-16", "partner", "National Cancer Institute") in triples(text, "Dogwell Therapeutics")
    paper = "DGW-16 reduced tumor growth in a Phase 1 study in patients. This work was funded by the National Science Council of Freedonia."
    assert not {t for t in triples(paper) if t[1] == "partner"}


def test_funder_named_as_the_drugs_developer_is_not_a_partner():
    text = "In the Phase 3 trial, lorbaxistat lowered blood pressure in patients. The study was funded by Norvik Pharma, developer of lorbaxistat."
    assert not {t for t in triples(text) if t[1] == "partner"}


def test_partner_organisation_keeps_its_of_phrase():
    text = "ZXR-401 is being developed for acute stress disorder in the Phase 2 HARBOR study funded by the Department of Defense of Freedonia."
    assert ("ZXR-401", "partner", "Department of Defense of Freedonia") not in triples(text)
    assert ("ZXR-401", "partner", "Department of Defense") in triples(text)


# ------------------------------------------------------------- phases

def test_past_phase_yields_to_the_current_one():
    text = (
        "After a successful Phase 1 clinical trial of PRX-8, Pellora Bio has moved on to Phase 2 trials in Alzheimer's disease. "
        "Earlier Phase 2 data from ZNT-3 showed remissions; ZNT-3 is now in a Phase 3 program."
    )
    got = triples(text, "Pellora Bio")
    assert ("PRX-8", "phase", "Phase 2") in got and ("PRX-8", "phase", "Phase 1") not in got
    assert ("ZNT-3", "phase", "Phase 3") in got and ("ZNT-3", "phase", "Phase 2") not in got


def test_completed_phase_still_counts():
    text = "Marvel Eye has completed two Phase 3 trials of MVE-2 in patients with presbyopia and has submitted an NDA to the FDA."
    got = triples(text, "Marvel Eye")
    assert ("MVE-2", "phase", "Phase 3") in got


def test_past_phase_alone_is_kept():
    assert phases.is_past("after a successful Phase 1 trial", 19, 26, 0, 33)
    text = "After a successful Phase 1 trial, RLX-9 showed safety in patients."
    assert ("RLX-9", "phase", "Phase 1") in triples(text)


# ------------------------------------------------------------- trials

def test_trial_name_after_phase_range():
    text = "Cobalt Gene will present updated data from its HALCYON Phase 1/2 trial of CBG-101 in patients with sickle cell disease at a congress in June."
    assert ("CBG-101", "trial", "HALCYON") in triples(text, "Cobalt Gene")


def test_own_trial_named_in_apposition_for_the_sole_drug():
    text = (
        "Optira Inc. announced the submission of a regulatory application in India for its Phase IIb clinical trial, The Sapphire Study. "
        "The company's lead product, OPT-77, is an eyedrop for conjunctivitis in Phase 2b development."
    )
    assert ("OPT-77", "trial", "Sapphire") in triples(text, "Optira Inc.")


# ------------------------------------------------------------- milestones

def test_month_without_a_year_is_the_next_such_month():
    m = milestones.DATE_RE.search("topline data in early June")
    assert milestones.window(m, date(2024, 5, 28)) == (date(2024, 6, 1), date(2024, 6, 30))
    m = milestones.DATE_RE.search("results by February")
    assert milestones.window(m, date(2024, 5, 28)) == (date(2025, 2, 1), date(2025, 2, 28))
    # a modal "may" is not a month
    assert milestones.DATE_RE.search("the trial may read out") is None


def test_expected_approval_is_an_approval_decision_milestone():
    text = "Hydravel Bio submitted an NDA for HDV-9 in patients with liver fibrosis; approval of HDV-9 is anticipated in 2H26."
    assert ("HDV-9", "approval decision", date(2026, 12, 31)) in milestone_ends(text, "Hydravel Bio")


# ------------------------------------------------------------- more antecedents

def test_lead_candidate_reference_takes_the_named_lead():
    text = (
        "Ardent Oncology named ARD-230 its lead candidate. ARD-510, a second asset, is in preclinical development for glioma.\n\n"
        "Ardent's lead product candidate is in late-stage clinical studies to treat refractory solid tumors."
    )
    got = triples(text, "Ardent Oncology")
    assert ("ARD-230", "indication", "solid tumors") in got
    assert ("ARD-510", "indication", "solid tumors") not in got


def test_lead_reference_that_names_another_product_is_not_the_lead():
    text = (
        "Four rising stars in regenerative medicine. Lumen Cell's lead candidate, LMC-7, is in a Phase 1/2a trial in patients with macular degeneration.\n\n"
        "The company's lead product, Zorvia, recently became the first FDA-approved cell therapy for graft-versus-host disease."
    )
    got = triples(text, "Lumen Cell")
    assert ("LMC-7", "phase", "Approved") not in got
    assert ("LMC-7", "regulatory", "approval") not in got


def test_abbreviation_hiding_a_sentence_end_before_a_new_topic():
    text = (
        "PXA-001 and PXA-675 Update: PXA-001, a psilocybin drug for generalized anxiety disorder, showed positive Phase 2 results. "
        "The Company has secured IND clearance from the FDA for the Phase 2 trial, which will recruit 94 patients across the U.S. and U.K. "
        "Meanwhile, PXA-675, for rheumatoid arthritis, completed dosing in its Phase 2 trial."
    )
    got = triples(text, "Pexa Health")
    assert ("PXA-001", "regulatory", "ind_cleared") in got
    assert ("PXA-675", "regulatory", "ind_cleared") not in got


def test_phase_printed_right_before_a_drug_is_that_drugs():
    text = (
        "Costs fell due to the completion of the QTX-42 safety clinical trial and the move of resources "
        "from the Phase 2 QTX-675 Australia study to a larger study in patients."
    )
    got = triples(text, "Quantex")
    assert ("QTX-675", "phase", "Phase 2") in got
    assert ("QTX-42", "phase", "Phase 2") not in got


def test_paragraph_that_names_its_drug_after_describing_it():
    text = (
        "Several companies are chasing NASH with new drugs for patients.\n\n"
        "Galvani Therapeutics has an adaptive design Phase 2/3 study in NASH cirrhosis with an interim readout before year end 2025. "
        "Their galectin antagonist called velapectin showed complete prevention of varices in patients."
    )
    got = triples(text)
    assert ("velapectin", "phase", "Phase 2/3") in got
    assert ("velapectin", "indication", "NASH") in got


def test_company_scope_before_a_named_product_is_not_the_products():
    text = (
        "Jovian Neuro is a clinical-stage pharmaceutical company developing drugs to treat Alzheimer's disease and Parkinson's disease. "
        "The company also has a consumer longevity drug called Vitara, aimed at near-term revenue while its Phase 2 trial of JVN-1 continues."
    )
    got = triples(text, "Jovian Neuro")
    assert not {t for t in got if t[0] == "Vitara" and t[1] == "indication"}


def test_brand_the_company_markets_is_approved_but_a_device_is_not():
    text = (
        "Tarvix Medicines, the company's commercial subsidiary, markets Zelvra® (sumatriptan injection) 3 mg for the treatment of "
        "acute migraine in adults. Tarvix also runs a Phase 3 trial of TVX-102 in patients with fibromyalgia."
    )
    # the brand and its nonproprietary name in parentheses are one drug
    assert ("sumatriptan", "phase", "Approved") in triples(text, "Tarvix Pharmaceuticals")
    device = (
        "NeuraOne markets a high-precision electrode platform with FDA-cleared product families: Orvo® Cortical Electrodes. "
        "Its Phase 1 trial of NRO-5 enrolled patients with epilepsy."
    )
    assert not {t for t in triples(device, "NeuraOne") if t[0] == "Orvo"}


def test_disease_is_neither_target_nor_trial_name():
    text = "Akri Bio is targeting MASH with an FGF21 agonist, AKR-301, which showed liver fat reductions in its phase 2b MASH trial in patients."
    got = triples(text, "Akri Bio")
    assert ("AKR-301", "target", "FGF21") in got
    assert ("AKR-301", "target", "MASH") not in got
    assert ("AKR-301", "trial", "MASH") not in got


# ------------------------------------------------------------- weaker stage wording

def test_preclinical_data_on_a_drug_is_its_stage_unless_a_phase_is_printed():
    text = "Calder Bio presented new preclinical data on CDB-401 showing tumor elimination in mouse models of cancer."
    assert ("CDB-401", "phase", "Preclinical") in triples(text, "Calder Bio")
    later = text + " CDB-401 is now in a Phase 1 trial in patients with sarcoma."
    got = triples(later, "Calder Bio")
    assert ("CDB-401", "phase", "Phase 1") in got and ("CDB-401", "phase", "Preclinical") not in got


def test_preclinical_wording_next_to_a_clinical_phase_or_a_clinical_stage_company_is_not_the_stage():
    text = "ONX-2, a nasal spray, has demonstrated safety in Phase I and efficacy in preclinical models of concussion in patients."
    assert ("ONX-2", "phase", "Preclinical") not in triples(text)
    text = (
        "Annex Bio, a late-stage clinical drug company, announced new preclinical data demonstrating that its lead "
        "compound anvetap enhances cognition in models of Alzheimer's disease."
    )
    assert ("anvetap", "phase", "Preclinical") not in triples(text, "Annex Bio")


def test_a_phase_to_be_discussed_is_not_current():
    text = "Clemor will hold an End-of-Phase 2 meeting to review Phase 2 MS trial results of CLM-8 and discuss a Phase 3 study in patients."
    got = triples(text, "Clemor")
    assert ("CLM-8", "phase", "Phase 3") not in got
    assert ("CLM-8", "phase", "Phase 2") in got


def test_phase_whose_results_a_later_trial_follows_is_history():
    text = "CYX-3 received Breakthrough Therapy Designation, and its ongoing Phase 3 trial follows strong Phase 2 results showing remission in patients."
    got = triples(text, "Cyxis")
    assert ("CYX-3", "phase", "Phase 3") in got and ("CYX-3", "phase", "Phase 2") not in got


def test_partner_from_a_license_from():
    text = "Tornix is advancing TRX-1700 under a license from Eastbrook University to develop treatments for gastric cancer in a Phase 1 trial in patients."
    assert ("TRX-1700", "partner", "Eastbrook University") in triples(text, "Tornix")


# ------------------------------------------------------------- diseases and ingredients

def test_release_abbreviation_of_a_vocabulary_disease_counts_later():
    text = (
        "Severe oral mucositis (SOM) occurs when cancer treatment damages the mouth. "
        "Solvex's SVX-942 is an IV formulation of the regulator (IDR), dusvetide, for treating SOM in patients in a Phase 3 trial."
    )
    got = triples(text, "Solvex")
    assert ("SVX-942", "indication", "oral mucositis") in got
    # the ingredient named inside the description is not the subject
    assert ("dusvetide", "indication", "oral mucositis") not in got


def test_gene_long_form_is_not_a_disease_abbreviation():
    from pipelines.drugs.attributes import defined_aliases
    assert defined_aliases("mutant Kirsten rat sarcoma (KRAS) peptides") == {}
    assert defined_aliases("Severe oral mucositis (SOM) occurs") == {"SOM": "oral mucositis"}


def test_one_drug_release_takes_the_disease_its_own_trial_names():
    text = (
        "Annora Bio develops ANB-12 for neurodegeneration.\n\n"
        "Annora Bio announced that all 84 sites for its pivotal Phase 3 trial in early Alzheimer's disease are active. "
        "Separately, the company noted that many patients with Parkinson's disease lack treatments."
    )
    got = triples(text, "Annora Bio")
    assert ("ANB-12", "phase", "Phase 3") in got
    assert ("ANB-12", "indication", "Alzheimer's disease") in got
    # a disease the sentence names on its own is not the inferred drug's
    assert ("ANB-12", "indication", "Parkinson's disease") not in got


# ------------------------------------------------------------- trial names and funders

def test_trial_names_in_more_shapes():
    from pipelines.drugs.attributes import trials

    def names(s):
        return [h[2] for h in trials(s, 0, len(s), set())]

    assert names("The Phase 3 CORALbay Lipids Trial is a phase 3 trial") == ["CORALbay Lipids"]
    assert names("ORCHID-2 & ORCHID-3 Phase 3 Clinical Trials Targeted To Start") == ["ORCHID-2", "ORCHID-3"]
    assert names("dosing started for the clinical study entitled: QMT-801: A Phase II, Randomized") == ["QMT-801"]
    assert names("the first study (referred to as the BLAZE study) and its replication study (referred to as BLAZE2).") == ["BLAZE", "BLAZE2"]


def test_agency_that_awarded_a_contract_to_develop_the_drug_is_a_partner():
    text = (
        "Tarvix announced that the Threat Reduction Office (\"TRO\") awarded it a contract for up to $34 million "
        "to develop TVX-4200, an antiviral agent, through a Phase 1 trial in patients."
    )
    assert ("TVX-4200", "partner", "Threat Reduction Office") in triples(text, "Tarvix")


def test_stage_shared_by_a_list_of_described_drugs_keeps_each_ones_disease():
    text = (
        "Sulo Pharma develops SLC-15 in a Phase 1 trial for PTSD patients. Sulo's two preclinical programs are SLC-14, "
        "an intranasal compound for the treatment of Alzheimer's disease, and SLU-16, a peptide targeting multiple sclerosis."
    )
    ph = {(f.drug, f.value, f.indication) for f in facts(text, "Sulo Pharma") if f.kind == "phase"}
    assert ("SLC-14", "Preclinical", "Alzheimer's disease") in ph
    assert ("SLU-16", "Preclinical", "multiple sclerosis") in ph
    assert ("SLU-16", "Preclinical", "Alzheimer's disease") not in ph
    assert ("SLC-14", "Preclinical", "multiple sclerosis") not in ph


def test_forthcoming_trial_named_with_its_drug_is_not_the_current_phase():
    text = "The forthcoming DGW-16 IV Phase 1b trial in patients with neuropathic pain is fully funded by the National Cancer Institute."
    got = triples(text, "Dogwell Therapeutics")
    assert ("DGW-16", "phase", "Phase 1") not in got
    assert ("DGW-16", "partner", "National Cancer Institute") in got
    # the drug's name and route are not a trial name
    assert not {t for t in got if t[1] == "trial"}
