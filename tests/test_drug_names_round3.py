"""Drug names and aliases, round 3: codes printed before a trial's phase, a code in parentheses after
the studied drug, trademarks with a spaced "(TM)", formulation technologies named before a molecule,
mixed-case names after a code, and names given by the noun "vaccine".

Every text here is invented for these tests (made-up companies and drugs); no release text is copied.
"""

from __future__ import annotations

from drug_text import names, pairs, run


def facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.drug, f.kind, f.value) for f in run(text)[0]}


# ------------------------------------------------------------- a code before a trial's phase
def test_code_before_phase_trial_is_the_drug():
    text = "Nortavo completed enrollment in the QZ-417 Phase 1a trial, which met all primary endpoints in solid tumors."
    assert names(text) == {("QZ-417", "code")}
    assert ("QZ-417", "phase", "Phase 1") in facts(text)


def test_code_before_plain_trial_stays_a_trial_name():
    text = "Patients enrolled in the the QZ-417 trial received vemolitinib in a Phase 2 study."
    assert ("QZ-417", "code") not in names("Patients enrolled in the QZ-417 trial were followed for a year.")
    assert ("vemolitinib", "inn") in names(text)


# ------------------------------------------------------------- a code in parentheses after the studied drug
def test_code_in_parenthesis_after_studied_drug_is_its_other_name():
    text = "The FDA cleared an IND to start a Phase 1b/2 trial of WEX-002 (QZ-417) in combination with nivelstat in glioma."
    assert names(text) >= {("WEX-002", "code"), ("QZ-417", "code")}
    assert pairs(text) == {("WEX-002", "QZ-417")}


def test_protocol_number_after_studied_drug_stays_a_trial_id():
    text = "Enrollment began in a Phase 1 trial of NRV-101 (NRV-101-001) in adults with gout."
    assert names(text) == {("NRV-101", "code")}


# ------------------------------------------------------------- trademarks
def test_spaced_tm_mark_reads_a_brand():
    text = "Quorvi recently received FDA approval for Palendra (TM) , a non-opioid analgesic medicine for fibromyalgia."
    assert ("Palendra", "brand") in names(text)


def test_marked_technology_before_a_molecule_is_no_drug():
    text = "Venbro presents data on Nanoshell (TM) Velorolimus (Venb201) in breast cancer at the symposium."
    assert names(text) == {("velorolimus", "inn"), ("Venb201", "code")}
    assert not any(d == "Nanoshell" for d, _k, _v in facts(text))


# ------------------------------------------------------------- mixed-case name after a code
def test_mixed_case_name_in_parenthesis_after_code_is_an_alias():
    text = "The FDA granted Fast Track designation to KLD-310 (StarBurst), its oncolytic virus therapy for sarcoma."
    assert ("KLD-310", "StarBurst") in pairs(text)
    assert ("KLD-310", "StarBurst") in {(a.drug, a.alias) for a in run(text)[1]}


def test_plain_word_in_parenthesis_after_code_is_no_alias():
    text = "KLD-310 (Sarcoma) received Fast Track designation."
    assert not any(b == "Sarcoma" for _a, b in pairs(text))


# ------------------------------------------------------------- "vaccine NAME"
def test_name_in_capitals_after_vaccine_is_a_drug():
    # (the cue word "vaccine" alone lets the release through the introduction scan)
    assert names("Orvana - the developer of the therapeutic HIV vaccine ZEPVAX - announced a collaboration with a CRO.") == {("ZEPVAX", "other")}
    text = "Orvana is testing its therapeutic HIV vaccine ZEPVAX in a Phase 1 trial in adults living with HIV."
    assert facts(text) == {("ZEPVAX", "phase", "Phase 1"), ("ZEPVAX", "indication", "HIV")}


def test_short_abbreviation_after_vaccine_is_no_drug():
    assert names("The vaccine NIAID program funds early research.") == set()


def test_brand_before_lower_case_inn_stays_the_brand():
    text = "In the trial, daily doses of Zolvexa® velmitinib were compared with placebo."
    assert ("Zolvexa", "brand") in names(text)


def test_marked_technology_before_inn_and_product_code_is_no_drug():
    text = "Venbro's intravenous Nanoshell (TM) velorolimus (Venb201) entered a Phase 1 trial in breast cancer."
    assert ("Nanoshell", "brand") not in names(text)
    assert ("Venb201", "code") in names(text)


def test_hashtag_with_mark_is_no_brand():
    assert names("Visit our site. #PlanetFirstNow (TM)") == set()


# ------------------------------------------------------------- a brand the issuer's own sentence describes
def test_issuers_marked_brand_described_as_medicine_is_a_subject():
    text = (
        "Quorvi Therapeutics, Inc. (NASDAQ: QRVI) develops pain medicines. "
        "Quorvi recently received FDA approval for Palendra (TM) , a first-in-class, non-opioid medicine for the treatment of fibromyalgia."
    )
    got = facts(text)
    assert {("Palendra", "regulatory", "approval"), ("Palendra", "phase", "Approved"), ("Palendra", "indication", "fibromyalgia")} <= got


def test_brand_described_in_a_career_history_is_no_subject():
    text = (
        "Orvana Bio, Inc. appointed Jane Roe as Chief Commercial Officer. "
        "At Delta Biotech, Roe led the launch of Zentrova®, a treatment for patients with multiple myeloma."
    )
    assert facts(text) == set()


# ------------------------------------------------------------- links the text states
def test_marketed_as_and_brand_name_for_link_a_brand():
    assert pairs("velmitinib, marketed as Zolvexa, is approved in the US for melanoma.") == {("velmitinib", "Zolvexa")}
    assert pairs("velmitinib, sold under the brand name Zolvexa, is approved for melanoma.") == {("velmitinib", "Zolvexa")}
    assert pairs("Zolvexa, the brand name for velmitinib, is approved in the US.") == {("Zolvexa", "velmitinib")}
    assert ("Zolvexa", "brand") in names("velmitinib (marketed as Zolvexa) is approved for melanoma.")


def test_salt_after_inn_in_parenthesis_keeps_the_link():
    assert pairs("QRT-101 (velmitinib hydrochloride) entered a Phase 2 trial.") == {("QRT-101", "velmitinib")}


def test_salt_in_a_combination_parenthesis_is_no_link():
    text = "Quorvi launched Zolvexa (velmitinib magnesium, amoxiran and rifalide) in the UAE. Zolvexa is approved."
    assert not any("Zolvexa" in p for p in pairs(text))


def test_inn_label_in_parenthesis_links_the_code():
    text = "QRV-101 (INN: velmibart) is an anti-BCMA antibody being investigated for the treatment of multiple myeloma."
    assert names(text) == {("QRV-101", "code"), ("velmibart", "inn")}
    assert pairs(text) == {("QRV-101", "velmibart")}


# ------------------------------------------------------------- WHO stems for newer modalities
def test_new_modality_stems_read_inns():
    text = "The company doses velosiran, tominersen, ravotug and lurapitant in Phase 1 trials."
    assert {n for n, k in names(text) if k == "inn"} == {"velosiran", "tominersen", "ravotug", "lurapitant"}


def test_surnames_and_interleukin_are_no_inns():
    assert names("pedersen and gundersen measured interleukin levels.") == set()


# ------------------------------------------------------------- the owner's medicine named right after the noun
def test_owners_medication_named_after_the_noun():
    assert names("In the quarter, Quorvi grew revenue, with its ADHD medication Zentora PM growing prescriptions by 24 percent.") == {("Zentora PM", "other")}
    assert facts("The company said its drug Zentora is approved for ADHD in patients.") == {("Zentora", "indication", "ADHD")}


def test_english_word_after_drug_noun_is_no_name():
    assert names("Its drug Development Program is ongoing.") == set()


# ------------------------------------------------------------- technology + molecule products
def test_technology_in_capitals_before_a_known_molecule_names_the_product():
    text = ("Nutrivo is advancing development of AVERSA™ Fentanyl, an abuse-deterrent transdermal opioid patch. "
            "Nutrivo plans an NDA for AVERSA Fentanyl in 2026.")
    assert names(text) == {("AVERSA Fentanyl", "other")}


def test_capitals_before_an_ordinary_word_name_no_product():
    assert names("The ALPS Portfolio and the XPRIZE Healthspan program support the CDMO Agreement.") == set()


# ------------------------------------------------------------- the owner's products listed after the plural noun
def test_owners_listed_products_are_brands():
    text = ("In Q1 2025, Quorvi generated 149.2 million dollars in revenue from its chronic pain medications, with each of "
            "its flagship products-Palendra, Zentora ER, and the Novoxa franchise-posting year-over-year growth.")
    assert names(text) == {("Palendra", "brand"), ("Zentora ER", "brand"), ("Novoxa", "brand")}


def test_listed_products_outside_medicine_or_with_english_words_are_no_drugs():
    assert names("The company sells its products, including Apple, Google and Facebook ads.") == set()
    assert names("Its medications, including Several Options and Another, help patients.") == set()
