"""Drug names and aliases, round 4: codes with a lower-case letter before the capitals, older WHO stems
(-grel, -glitazar), brands printed before or after a capitalized INN, generic products and their
"same active ingredient" link, and companies whose names look like codes.

Every text here is invented for these tests (made-up companies and drugs); no release text is copied.
"""

from __future__ import annotations

from drug_text import names, pairs, run

from pipelines.drugs.names import find_mentions


# ------------------------------------------------------------- lower-case letter before a code
def test_code_with_lower_case_first_letter():
    text = "Quvera reported that zKAV-204 reversed disease in an animal model, and zKAV-311 is in IND-enabling studies."
    assert names(text) == {("zKAV-204", "code"), ("zKAV-311", "code")}


def test_lower_case_letter_code_glued_to_a_word_is_not_read():
    text = "Developed with Nordhaven University, zKAV-204-comprising regimens enhanced responses in mice."
    assert names(text) == set()


# ------------------------------------------------------------- older WHO stems
def test_platelet_and_ppar_stems():
    text = "Already approved for heart disease, velogrel was tested with tanoglitazar in kidney disease models."
    assert names(text) == {("velogrel", "inn"), ("tanoglitazar", "inn")}


def test_capitalized_glitazar_mid_sentence_is_the_inn():
    text = "The combination of Tanoglitazar and a second agent reduced proteinuria; tanoglitazar is a dual PPAR agonist."
    assert names(text) == {("tanoglitazar", "inn")}


def test_nucleotide_chemistry_word_is_no_inn():
    text = "The serum contains polydeoxyribonucleotide (Polydeoxyribonucleotide) from salmon, a skincare staple."
    assert names(text) == set()


# ------------------------------------------------------------- brands next to a capitalized INN
def test_brand_before_capitalized_inn_in_parentheses():
    text = (
        "Costly drugs like Zentrova (Velmitinib) are hard to afford. While Zentrova has changed leukemia care, "
        "its price remains high for patients."
    )
    assert ("Zentrova", "velmitinib") in pairs(text)


def test_brand_with_english_ending_after_capitalized_inn():
    # "-ance" is an English ending; a word printed twice, capitalized after lower-case words, is a name
    text = (
        "The article compares Velmitinib (Zentrance) with generics. The high cost of brand-name Zentrance "
        "burdens patients with breast cancer."
    )
    assert ("Zentrance", "brand") in names(text)
    assert ("velmitinib", "Zentrance") in pairs(text)


def test_english_word_in_parentheses_after_inn_stays_out():
    text = "Velmitinib (Balance) was discussed once. Balance matters."
    assert ("Balance", "brand") not in names(text)


# ------------------------------------------------------------- generic products
def test_generic_version_of_links_the_generic_to_the_inn():
    text = (
        "Pharmacy sites list Ralnat, the generic version of velmitinib, for breast cancer. Ralnat is made in India."
    )
    assert ("Ralnat", "velmitinib") in pairs(text)


def test_generics_like_name_a_product_and_same_ingredient_links_it():
    text = (
        "Drugs like Zentrova (Velmitinib) are costly. Generics like Velnat, made by Ortano Labs in India, offer the same "
        "active ingredient as Zentrova, and patients can buy generics like Velnat online."
    )
    ms = names(text)
    assert ("Velnat", "other") in ms
    assert ("Velnat", "Zentrova") in pairs(text)


def test_two_products_linked_to_each_other_share_their_ingredient():
    # a brand and its generic both in apposition to one INN: one molecule, so both stay aliases
    text = (
        "Ralnat, the generic version of Velmitinib (Zentrova), costs less. Ralnat contains the same active ingredient "
        "as Zentrova for patients with breast cancer. Zentrova is marketed in the U.S."
    )
    got = pairs(text)
    assert ("Ralnat", "velmitinib") in got
    assert ("velmitinib", "Zentrova") in got


def test_generic_facts_go_to_the_inn_with_both_aliases():
    text = (
        "Generics Like Ibranol Cut Costs\n\nDrugs like Zentrova (Velmitinib) are costly. Zentrova, developed by Nortavo, is "
        "FDA-approved for treating chronic lymphocytic leukemia (CLL). Generics like Ibranol, made by Ortano Labs in India, "
        "offer the same active ingredient as Zentrova. Patients can buy generics like Ibranol online; no new clinical trials "
        "are required for generics.\n"
    )
    facts, aliases = run(text)
    assert {(f.drug, f.kind, f.value) for f in facts} == {
        ("velmitinib", "indication", "CLL"), ("velmitinib", "phase", "Approved"), ("velmitinib", "regulatory", "approval")}
    assert {(a.drug, a.alias, a.alias_type) for a in aliases} == {
        ("velmitinib", "Ibranol", "other"), ("velmitinib", "Zentrova", "brand"), ("velmitinib", "velmitinib", "inn")}


# ------------------------------------------------------------- companies shaped like codes
def test_company_named_like_a_code_is_no_drug():
    text = (
        "Quorix9, a leader in AI-driven drug discovery, received patents for two compounds. Said the CEO of Quorix9, "
        "the compounds are promising. Quorix9 is a digital drug discovery TechBio company founded in Vienna."
    )
    assert names(text) == set()


def test_code_described_as_a_drug_still_counts():
    text = "QRX-9 is an investigational drug for kidney disease, and QRX-9 is in Phase 2."
    assert names(text) == {("QRX-9", "code")}


# ------------------------------------------------------------- "X is the active ingredient in Y"
def test_active_ingredient_sentence_links_the_parenthesized_name():
    text = (
        "Their lead product, Lumextra™ (synthetic lumicin), treats skin lymphoma in a Phase 3 trial. "
        "Synthetic lumicin is the active ingredient in Lumextra™."
    )
    assert ("synthetic lumicin", "Lumextra") in pairs(text)


def test_active_ingredient_phrase_needs_the_parenthesis_too():
    text = "Lumextra™ treats skin lymphoma in a Phase 3 trial. Purified water is the active ingredient in Lumextra™."
    assert pairs(text) == set()


def test_inn_is_the_active_ingredient_of_two_coded_products():
    text = (
        "ZX-942 is an intravenous (IV) formulation of the Innate Defense Regulator (IDR), dusquetide, for oral mucositis. "
        "Dusquetide is also the active ingredient in Acme's ZX-945 for Behcet's disease."
    )
    got = pairs(text)
    assert ("ZX-942", "dusquetide") in got
    assert ("dusquetide", "ZX-945") in got


def test_clipped_inn_closing_the_parenthesis_is_an_alias():
    text = (
        "Its gene therapy ZENOVA (zenotibeglogene autotemcel, or zeno-cel) treats sickle cell disease. "
        "ZENOVA was approved in 2023."
    )
    got = pairs(text)
    assert got == {("ZENOVA", "zenotibeglogene autotemcel"), ("zenotibeglogene autotemcel", "zeno-cel")}


# ------------------------------------------------------------- an INN with the FDA suffix, introduced by the text
def test_biologic_suffix_inn_introduced_by_apposition():
    text = "Recently, the FDA approval for zelvomab-kpzl, an immune checkpoint inhibitor, changed care for skin cancer."
    ms = [m for m in find_mentions(text) if not m.comparator]
    assert [(m.name, m.kind, m.introduced) for m in ms] == [("zelvomab-kpzl", "inn", True)]


def test_inn_without_apposition_is_not_introduced():
    text = "Recently, the FDA approval for zelvomab-kpzl changed care for skin cancer."
    ms = [m for m in find_mentions(text) if not m.comparator]
    assert [(m.name, m.kind, m.introduced) for m in ms] == [("zelvomab-kpzl", "inn", False)]
