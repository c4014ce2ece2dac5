"""Second names of a drug (aliases) and descriptive product names.

Every text here is invented for these tests (made-up companies and drugs in the
shapes found in real releases); no release text is copied.
"""

from __future__ import annotations

from datetime import date

from pipelines.drugs import canonicalize, extract_pipeline_facts
from pipelines.drugs.names import find_aliases, find_mentions
from pipelines.model import CleanDocument, DrugAlias, PipelineFact, Section

RELEASE = date(2025, 3, 4)


def doc_of(text: str, company: str | None = None) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=RELEASE, company=company)


def run(text: str, company: str | None = None):
    return extract_pipeline_facts(doc_of(text, company))


def pairs(text: str, issuer: str | None = None) -> set[tuple[str, str]]:
    ms = find_mentions(text, issuer)
    return {(a.name, b.name) for a, b in find_aliases(text, ms)}


def names(text: str, issuer: str | None = None) -> set[tuple[str, str]]:
    return {(m.name, m.kind) for m in find_mentions(text, issuer) if not m.comparator}


def aliases(text: str, company: str | None = None) -> set[tuple[str, str]]:
    return {(a.drug, a.alias) for a in run(text, company)[1]}


# ------------------------------------------------------------- code forms

def test_code_printed_with_a_space_is_the_same_code():
    text = "Korvanta is testing KROS-101 in a Phase 2 trial in patients with anemia. KROS 101 was well tolerated. KROS101 enters Phase 3 next year."
    assert pairs(text) == {("KROS-101", "KROS 101"), ("KROS-101", "KROS101")}
    facts, als = run(text, "Korvanta Bio")
    assert {f.drug for f in facts} == {"KROS-101"}
    assert {(a.drug, a.alias) for a in als} == {("KROS-101", "KROS-101"), ("KROS-101", "KROS 101"), ("KROS-101", "KROS101")}


def test_space_alone_is_no_code():
    # "ISO 9001" and "Suite 1200" share the shape: a spaced code counts only beside its printed code
    assert names("The plant is ISO 9001 certified; the Phase 2 trial of the drug is at Suite 1200.") == set()


def test_code_forms_are_one_drug_across_releases():
    f1 = PipelineFact("KROS-101", "phase", "Phase 2", None, "e", 0, 10)
    f2 = PipelineFact("KROS101", "phase", "Phase 3", None, "e", 0, 10)
    out, rows = canonicalize([
        ("d1", [f1], [DrugAlias("KROS-101", "KROS-101", "code")]),
        ("d2", [f2], [DrugAlias("KROS101", "KROS101", "code"), DrugAlias("KROS101", "KROS101", "code")]),
    ])
    assert out["d1"][0].drug == out["d2"][0].drug == "KROS101"
    assert {(r.drug, r.alias) for r in rows} == {("KROS101", "KROS101"), ("KROS101", "KROS-101")}


# ------------------------------------------------------------- link shapes

def test_unmarked_brand_before_its_inn():
    text = "The FDA approved VELQARO (tesotinib) in 2021 for breast cancer. VELQARO is marketed by Ondria in the U.S."
    assert ("VELQARO", "tesotinib") in pairs(text)
    assert ("VELQARO", "brand") in names(text)


def test_capitalized_english_word_before_a_paren_is_no_brand():
    text = "Treatment (tesotinib) in a Phase 2 trial was well tolerated; tesotinib is dosed daily."
    assert {n for n, _k in names(text)} == {"tesotinib"}


def test_formerly_called_introduces_the_old_name():
    text = "ZT-401, formerly called Quenvora, entered a Phase 2 trial in gout. Quenvora was licensed from Arbel in 2020."
    assert ("ZT-401", "Quenvora") in pairs(text)
    assert ("Quenvora", "other") in names(text)


def test_old_code_in_parenthesis_after_a_new_name():
    text = "Brivana (formerly QT-220) is in a Phase 2 trial in patients with psoriasis."
    assert pairs(text) == {("Brivana", "QT-220")}
    assert ("QT-220", "Brivana") in aliases(text)


def test_also_referred_to_as():
    text = "Our Phase 3 trial of ZT-550 (also referred to as Lumora) in eczema completed enrollment."
    assert pairs(text) == {("ZT-550", "Lumora")}


def test_formerly_does_not_take_a_company():
    text = "ZT-401 entered a Phase 2 trial. Halvex, formerly Quenvora Therapeutics, runs the trial."
    assert {n for n, _k in names(text)} == {"ZT-401"}


def test_apposition_with_the_company_s_lead_candidate():
    text = "Results for dorvaletide, the company's lead candidate ZR-942, were positive in the Phase 3 trial in patients with oral mucositis."
    assert pairs(text) == {("dorvaletide", "ZR-942")}
    assert ("ZR-942", "dorvaletide") in aliases(text)


def test_apposition_of_two_codes_is_not_an_alias():
    text = "ZR-100, its lead candidate ZR-200 and ZR-300 are in Phase 1 trials."
    assert pairs(text) == set()


def test_inn_slash_code():
    text = "Velquara's velquitinib/STAR-001 entered a Phase 2 trial in lymphoma."
    assert pairs(text) == {("velquitinib", "STAR-001")}


def test_inn_slash_code_combination_is_not_an_alias():
    text = "The velquitinib/STAR-001 combination entered a Phase 2 trial in lymphoma."
    assert pairs(text) == set()


def test_code_slash_code_after_the_slash_is_read():
    text = "Velquara's LP-284/STAR-001 entered a Phase 2 trial in lymphoma."
    assert pairs(text) == {("LP-284", "STAR-001")}


def test_quoted_second_name_in_parenthesis():
    text = (
        'NV-CoV-9 ("API QV-387") is the company\'s drug candidate for influenza. '
        "QV-387 is in a Phase 2 trial for RSV."
    )
    assert pairs(text) == {("NV-CoV-9", "API QV-387")}
    ms = {(m.name, m.kind) for m in find_mentions(text)}
    assert ("API QV-387", "other") in ms and ("QV-387", "code") in ms


def test_company_plural_possessive_introduces_a_code():
    text = "NV-CoV-9-R is NanoVirexes' other drug candidate for influenza."
    assert ("NV-CoV-9-R", "code") in names(text)


def test_enzyme_name_in_parenthesis():
    text = "Its portfolio includes TRX-1300 (opioid esterase), a biologic in Phase 2 development for overdose."
    assert pairs(text) == {("TRX-1300", "opioid esterase")}
    assert ("TRX-1300", "opioid esterase") in aliases(text, "Trenox Pharma")


def test_disease_in_parenthesis_is_no_enzyme():
    text = "TRX-1300 (rare disease) is in a Phase 2 trial."
    assert pairs(text) == set()


# ------------------------------------------------------------- descriptive names

def test_route_and_protein_abbreviation_name_a_product():
    text = (
        "Kolmada gave an update on the phase 3 trial of its inhaled beta-2 macroglobulin (BMG) therapy. "
        "Enrollment in the phase 3 trial of inhaled BMG therapy continued in Europe."
    )
    assert ("inhaled BMG", "other") in names(text)
    facts, _ = run(text, "Kolmada Ltd")
    assert ("inhaled BMG", "phase", "Phase 3") in {(f.drug, f.kind, f.value) for f in facts}


def test_route_name_printed_once_is_no_product():
    text = "Kolmada gave an update on the phase 3 trial of its inhaled beta-2 macroglobulin (BMG) therapy."
    assert names(text) == set()


def test_route_and_class_abbreviation_is_no_product():
    text = "Patients in the Phase 2 trial took oral TKI therapy. Oral TKI therapy continued after the trial."
    assert names(text) == set()


def test_unmarked_brand_and_inn_printed_once_stay_in_passing():
    text = (
        "Solvane Bio was awarded a voucher after its drug, KELVARO (tesotinib), received FDA approval. "
        "Vouchers help small biotech companies fund clinical trials for patients."
    )
    assert ("KELVARO", "brand") not in names(text)
    assert run(text, "Halbrook Capital")[0] == []


def test_inn_with_the_fda_suffix_is_a_product_of_the_molecule():
    text = "The FDA approved velocimab-qrtz for skin cancer; velocimab is also in a Phase 2 trial in patients with melanoma."
    assert pairs(text) == {("velocimab-qrtz", "velocimab")}
    assert names("Patients received dorastemcel-L in the Phase 3 trial.") == {("dorastemcel-L", "inn")}


def test_english_word_after_an_inn_hyphen_is_no_suffix():
    assert names("Results of velocimab-based therapy in a Phase 2 trial; velocimab-from the study.") == {("velocimab", "inn")}


def test_capitalized_name_with_a_letter_version_is_not_an_inn_suffix():
    text = "Actorimab-B is in a Phase 3 trial in AML. Actorimab-B, a radiolabeled antibody, targets CD33."
    assert {n for n, _k in names(text)} == {"Actorimab-B"}


def test_product_family_sibling_of_a_drug():
    text = (
        "Radiant Bio's Orbimab-B is in a Phase 3 trial in AML, and Orbimab-B, a radiolabeled antibody, targets CD45. "
        "The company also advanced Orbimab-GT, designed for conditioning before transplants in sickle cell disease patients."
    )
    got = names(text, "radiant")
    assert ("Orbimab-B", "other") in got and ("Orbimab-GT", "other") in got


def test_sibling_needs_a_drug_of_the_family():
    assert names("Cloud-BTC and Cloud-ETH mining began; a Phase 2 trial is unrelated.") == set()


def test_quoted_abbreviation_without_digits_is_no_second_name():
    text = 'The study of DehydraTECH-velotide ("DVT") arms in a Phase 1 trial in patients continued; DehydraTECH-velotide was well tolerated.'
    assert ("DehydraTECH-velotide", "DVT") not in pairs(text)


def test_mixed_case_code_forms_are_one_drug_across_releases():
    f1 = PipelineFact("Zapu-003", "phase", "Phase 2", None, "e", 0, 10)
    f2 = PipelineFact("Zapu003", "phase", "Phase 2", None, "e", 0, 10)
    out, _rows = canonicalize([("d1", [f1], [DrugAlias("Zapu-003", "Zapu-003", "code")]), ("d2", [f2], [DrugAlias("Zapu003", "Zapu003", "code")])])
    assert out["d1"][0].drug == out["d2"][0].drug


def test_capital_brand_gives_its_generic_name_without_a_known_stem():
    text = (
        "Alvora received approval for its Alzheimer's therapy ZELVORA (benzoxalamine) and plans a Phase 2 trial in TBI. "
        "ZELVORA sales grew in the quarter."
    )
    got = names(text, "alvora")
    assert ("benzoxalamine", "inn") in got and ("ZELVORA", "brand") in got
    assert pairs(text, "alvora") == {("ZELVORA", "benzoxalamine")}


def test_capital_abbreviation_before_an_english_word_is_no_brand():
    assert names("EBITDA (adjusted) rose; EBITDA guidance for the Phase 2 trial year was kept.") == set()


def test_unmarked_brand_in_parenthesis_after_its_inn():
    text = "Ivora's corvileucel (Corvanta) is approved in melanoma; corvileucel is also in a Phase 2 trial in lung cancer."
    assert pairs(text) == {("corvileucel", "Corvanta")}


def test_numbered_product_whose_name_starts_with_the_issuer():
    text = "NEK Bio is developing NEKVAX-NEO1, a personalized cancer vaccine; clinical trials of NEKVAX-NEO1 begin in patients next year."
    assert ("NEKVAX-NEO1", "code") in names(text, "nek")


def test_trademarked_capital_name_with_one_development_frame():
    text = (
        "Jovian's flagship product JOVREL™ is an oral resveratrol formulation. "
        "A phase 1 trial of JOVREL showed it was well tolerated in patients, and a phase 2 program in Parkinson's disease is planned."
    )
    assert ("JOVREL", "other") in names(text, "jovian")


def test_trademarked_name_without_a_development_frame_is_no_drug():
    text = "Our SOLVARA™ skincare line launched in May. SOLVARA sales grew, and a clinical trial of another product is planned."
    assert names(text) == set()


def test_abbreviation_in_parenthesis_does_not_introduce_a_protein():
    text = "KTM-2 is in a Phase 1 trial. It is not a substrate for P-glycoprotein (P-gp), a membrane protein that pumps drugs out of the brain."
    assert {n for n, _k in names(text)} == {"KTM-2"}


def test_lower_case_letter_variant_of_a_named_code_is_its_alias():
    text = ("Quellix Bio is developing QLX-4400, a fusion protein candidate for gastric cancer. "
            "In mouse models, its murine form mQLX-4400 reduced metastases.")
    assert ("QLX-4400", "mQLX-4400") in pairs(text, "quellix")


def test_lower_case_letter_glued_to_a_word_is_no_code_variant():
    text = "Quellix Bio is developing QLX-4400, a candidate for gastric cancer. See doc-mQLX-4400 and xyQLX-4400."
    names = {m.name for m in find_mentions(text, "quellix")}
    assert "QLX-4400" in names and not any(n.endswith("QLX-4400") and n != "QLX-4400" for n in names)


def test_lower_case_word_in_parentheses_after_a_code_is_its_generic():
    text = ("Quellix Bio is developing QLX-5500 (levomorphazine), a candidate for narcolepsy. "
            "Levomorphazine is taken once daily.")
    names = {(m.name, m.kind) for m in find_mentions(text, "quellix")}
    assert ("levomorphazine", "inn") in names
    assert ("QLX-5500", "levomorphazine") in pairs(text, "quellix")


def test_disease_word_in_parentheses_after_a_code_is_no_generic():
    text = "Quellix Bio is developing QLX-5500 (fibromatosis), a candidate in Phase 2."
    assert "fibromatosis" not in {m.name for m in find_mentions(text, "quellix")}
