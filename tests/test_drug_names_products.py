"""Product names introduced by their owner or rank, brands printed in capitals, and device products.

Every text here is invented for these tests (made-up companies and drugs in the
shapes found in real releases); no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import extract_pipeline_facts
from pipelines.drugs.names import find_mentions
from pipelines.model import CleanDocument, Section

RELEASE = date(2025, 3, 4)


def doc_of(text: str, company: str | None = None) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)


def facts(text: str, company: str | None = None) -> set[tuple[str, str, str]]:
    return {(f.drug, f.kind, f.value) for f in extract_pipeline_facts(doc_of(text, company))[0]}


def names(text: str, issuer: str | None = None) -> set[tuple[str, str]]:
    return {(m.name, m.kind) for m in find_mentions(text, issuer) if not m.comparator}


# ------------------------------------------------------------- owner or rank before the noun


def test_lead_drug_in_capitals_without_mark():
    text = (
        "Quorra Biotechnology is focused on its lead drug, TAVELDRA. Approved for HER2-positive breast cancer, "
        "TAVELDRA sales grew 12% in the quarter.\n"
    )
    assert ("TAVELDRA", "other") in names(text, "quorra")
    assert ("TAVELDRA", "indication", "HER2+ breast cancer") in facts("Quorra news\n\n" + text)


def test_company_lead_product_with_medicine_words():
    text = (
        "The company's lead product, Fenovra, recently became the first FDA-approved cell therapy for steroid-refractory "
        "acute graft-versus-host disease. Fenovra is now covered for most insured lives.\n"
    )
    assert ("Fenovra", "other") in names(text, "zentrix")


def test_ranked_drug_in_a_list_of_drugs():
    text = "The second drug, Calvopterin, is being developed for phenylketonuria (PKU), a rare metabolic disorder.\n"
    assert ("Calvopterin", "other") in names(text, "zentrix")


def test_possessive_drug_with_generic_named_once_gets_facts():
    text = "Dayone news\n\nThe company was awarded a PRV after its pediatric cancer drug, ZORVEMA (talvorafenib), received FDA approval.\n"
    assert ("ZORVEMA", "other") in names(text, "dayone")
    assert facts(text) == {("talvorafenib", "phase", "Approved"), ("talvorafenib", "regulatory", "approval")}


def test_product_that_is_a_device_is_no_drug():
    text = "Its flagship product, HeartSense, is an FDA-cleared ECG system for patients with arrhythmia.\n"
    assert names(text, "beatco") == set()


def test_product_in_a_device_release_is_no_drug():
    text = (
        "Seaview received a humanitarian device exemption last year. \"With our first commercial product, SEPTIMMUNE, in the "
        "initial launch phase, we expect to help patients with acute kidney injury,\" said the CEO.\n"
    )
    assert names(text, "seaview") == set()


# ------------------------------------------------------------- other introductions


def test_overlapping_apposition_finds_the_later_name():
    text = "Meanwhile, the company is advancing Corvasta, an investigational MSC therapy for ischemic heart failure.\n"
    assert ("Corvasta", "other") in names(text, "mesocorp")


def test_apposition_with_the_does_not_hide_an_approval_of():
    text = "Genmark made history with the approval of ZELTAVY, the first gene-edited therapy for sickle cell disease.\n"
    assert ("ZELTAVY", "other") in names(text, "genmark")


def test_capitalized_trial_of_a_product_in_a_sentence():
    text = "The company reported positive topline data from a Phase 3 Trial of Vira-Lok. The FDA meeting is next month.\n"
    assert ("Vira-Lok", "other") in names(text, "citrine")


def test_title_case_trial_of_a_descriptive_phrase_is_no_drug():
    text = "Nordica Doses First Subjects in Phase 1 Trial of Psychedelic-Based CNS Drug NRD-5\n\nNordica said the trial is underway.\n"
    got = {n for n, _k in names(text, "nordica")}
    assert "Psychedelic-Based" not in got


def test_lower_case_name_called_a_drug_for_a_disease():
    text = "First, belvaquinone, a drug for Friedreich ataxia (FA), has been submitted for FDA approval.\n"
    assert ("belvaquinone", "inn") in names(text, "ptx")


def test_lower_case_word_called_a_drug_without_a_disease_is_no_name():
    text = "Next, tomorrow, a drug that many know, will be discussed.\n"
    assert names(text, "ptx") == set()


# ------------------------------------------------------------- one brand in two prints


def test_marked_brand_also_read_in_capitals():
    text = (
        "Lumada markets CYTOVAX, the company's cytomegalovirus immune globulin, indicated for the prevention of CMV disease. "
        "Safety information for Cytovax®: Cytovax® is derived from human plasma.\n"
    )
    ms = [m for m in find_mentions(text, "lumada") if m.kind == "brand"]
    assert {m.name for m in ms} == {"Cytovax"}
    assert len(ms) == 3


def test_new_rare_disease_names_are_indications():
    text = "Zelbatinib, a drug for Friedreich ataxia, is in a Phase 3 trial. Zelbatinib was well tolerated.\n"
    assert ("zelbatinib", "indication", "FA") in facts(text)


# ------------------------------------------------------------- roundups, devices, gene therapies


def test_roundup_brand_of_a_listed_company_is_no_comparator():
    text = (
        "Roundup\n\nZelco Therapeutics (NASDAQ: ZELC) develops new lupus drugs. Brivo Pharma (NYSE: BRV) markets Brivax® "
        "for asthma. Brivax® sales rose 20% in the quarter. Brivax is a trademark of Brivo.\n"
    )
    got = {(m.name, m.comparator) for m in find_mentions(text, "zelco")}
    assert ("Brivax", False) in got


def test_trademark_of_an_unlisted_company_stays_a_comparator():
    text = "Zelco Therapeutics (NASDAQ: ZELC) compared its drug with Brivax®. Brivax is a trademark of Brivo.\n"
    got = {(m.name, m.comparator) for m in find_mentions(text, "zelco")}
    assert ("Brivax", True) in got


def test_marked_brand_printed_before_home_test_is_no_drug():
    text = (
        "Acmelab announced that its Quickflo® Plus RSV + Flu A/B + COVID Home Test received clearance. We expect the "
        "Quickflo 4-in-1 home test will be widely available.\n"
    )
    assert names(text, "acmelab") == set()


def test_research_use_only_brand_is_no_drug():
    text = (
        "Pathco unveiled TissueScope™ for immune phenotyping in NSCLC. TissueScope™ will be featured at ASCO.\n\n"
        "1 TissueScope™ is for research use only.\n"
    )
    assert names(text, "pathco") == set()


def test_two_word_gene_therapy_inn_and_its_brand():
    text = (
        "Bluewave reported data for its VELGENIA (motibeglogene autotemcel, or moti-cel) gene therapy for sickle cell "
        "disease. VELGENIA reduced vaso-occlusive events.\n"
    )
    got = names(text, "bluewave")
    assert ("motibeglogene autotemcel", "inn") in got
    assert ("VELGENIA", "brand") in got


def test_first_of_two_listed_trial_codes_is_no_drug():
    text = (
        "Among the 58 patients treated in the HGX-206 and HGX-210 studies, most had a complete response to "
        "motibeglogene autotemcel.\n"
    )
    got = {n for n, _k in names(text, "bluewave")}
    assert "HGX-206" not in got and "HGX-210" not in got


def test_abbreviation_inside_an_apposition():
    text = "One of its major advancements is VORONCIL, a mesenchymal stromal cell (MSC) therapy that received FDA approval.\n"
    assert ("VORONCIL", "other") in names(text, "mesoco")


def test_unmarked_brand_by_two_frames():
    text = (
        "When cannabidiol-based drug Epivexa successfully treated rare epilepsy, its developer doubled its value. "
        "Patients taking Epivexa had fewer seizures than those on placebo.\n"
    )
    assert ("Epivexa", "other") in names(text, "gwco")


def test_lower_case_name_without_stem_called_investigational():
    text = "Brevo is developing zelquinone, an investigational oral therapy for Friedreich ataxia.\n"
    assert ("zelquinone", "inn") in names(text, "brevo")


def test_lower_case_english_word_with_investigational_later_is_no_name():
    text = "The results, an early investigational readout, were strong. Patients improved.\n"
    assert names(text, "brevo") == set()
