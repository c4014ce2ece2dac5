"""Drug-pipeline facts on the five ImmunoGen seed releases (the bar the extractor must meet).

Release dates are set here because the metadata stage is written in parallel:
000 2011-01-27, 001 2012-03-30, 002 2010-08-27, 003 none, 004 2011-06-14.
"""

from __future__ import annotations

from datetime import date

import pytest

try:  # works whether or not tests/ is a package
    from tests.conftest import seed_path
except ImportError:
    from conftest import seed_path
from pipelines.document import prepare
from pipelines.drugs import canonicalize, extract_pipeline_facts

DATES = {
    "000": date(2011, 1, 27),
    "001": date(2012, 3, 30),
    "002": date(2010, 8, 27),
    "003": None,
    "004": date(2011, 6, 14),
}


def load(prefix: str):
    path = seed_path(prefix)
    doc = prepare(prefix, path.read_text(encoding="utf-8"))
    doc.release_date = DATES[prefix]
    return doc


@pytest.fixture(scope="module")
def extracted():
    out = {}
    for prefix in DATES:
        doc = load(prefix)
        facts, aliases = extract_pipeline_facts(doc)
        out[prefix] = (doc, facts, aliases)
    return out


@pytest.fixture(scope="module")
def canonical(extracted):
    return canonicalize([(p, f, a) for p, (_d, f, a) in extracted.items()])


def facts_of(extracted, prefix, drug=None, kind=None):
    return [f for f in extracted[prefix][1] if (drug is None or f.drug == drug) and (kind is None or f.kind == kind)]


def values(facts):
    return {f.value for f in facts}


def test_evidence_is_exact_text_with_section(extracted):
    for prefix, (doc, facts, _aliases) in extracted.items():
        assert facts, prefix
        for f in facts:
            assert doc.text[f.char_start:f.char_end] == f.evidence
            assert f.section_no == doc.section_no_at(f.char_start)


def test_imgn901_phase_1_2_in_first_line_sclc_in_jan_2011(extracted):
    phases = facts_of(extracted, "000", "IMGN901", "phase")
    sclc = [f for f in phases if f.indication == "SCLC"]
    assert [f.value for f in sclc] == ["Phase 1/2"]
    assert sclc[0].detail.startswith("Phase I/II")
    assert "line=first-line" in sclc[0].detail
    assert "Phase I/II trial" in sclc[0].evidence


def test_imgn901_phase_2_north_in_march_2012(extracted):
    phases = facts_of(extracted, "001", "IMGN901", "phase")
    assert "Phase 2" in values(phases)
    assert any(f.indication == "SCLC" and f.value == "Phase 2" for f in phases)
    assert values(facts_of(extracted, "001", "IMGN901", "trial")) == {"NORTH"}


def test_imgn901_target_payload_and_orphan_designations(extracted):
    assert "CD56" in values(facts_of(extracted, "000", "IMGN901", "target"))
    assert "DM1" in values(facts_of(extracted, "001", "IMGN901", "payload"))
    orphan = [f for f in facts_of(extracted, "000", "IMGN901", "regulatory") if f.value == "orphan_drug_designation"]
    inds = {f.indication for f in orphan if f.indication}
    assert inds == {"MM", "SCLC", "MCC"}
    assert all("US" in f.detail for f in orphan)


def test_comparators_get_no_facts(extracted):
    drugs = {f.drug.lower() for _d, facts, _a in extracted.values() for f in facts}
    for name in ("lenalidomide", "revlimid", "carboplatin", "dexamethasone", "herceptin", "lapatinib", "etoposide", "velcade"):
        assert name not in drugs


def test_preclinical_compounds_and_ind_windows(extracted):
    assert "Preclinical" in values(facts_of(extracted, "000", "IMGN529", "phase"))
    assert "Preclinical" in values(facts_of(extracted, "000", "IMGN853", "phase"))
    ind529 = [f for f in facts_of(extracted, "000", "IMGN529", "milestone") if f.value == "IND submission"]
    ind853 = [f for f in facts_of(extracted, "000", "IMGN853", "milestone") if f.value == "IND submission"]
    assert {(f.expected_start, f.expected_end) for f in ind529} == {(date(2011, 5, 1), date(2011, 8, 31))}
    assert {(f.expected_start, f.expected_end) for f in ind853} == {(date(2012, 1, 1), date(2012, 4, 30))}
    assert "ovarian cancer" in values(facts_of(extracted, "000", "IMGN853", "indication"))
    assert "folate receptor 1" in values(facts_of(extracted, "000", "IMGN853", "target"))


def test_t_dm1_phase_3_partner_and_indication(extracted):
    assert "Phase 3" in values(facts_of(extracted, "000", "T-DM1", "phase"))
    assert {"Roche", "Genentech"} <= values(facts_of(extracted, "000", "T-DM1", "partner"))
    assert "HER2+ breast cancer" in values(facts_of(extracted, "000", "T-DM1", "indication"))


def test_t_dm1_refuse_to_file_and_emilia(extracted):
    reg = facts_of(extracted, "002", "T-DM1", "regulatory")
    assert "refuse_to_file" in values(reg)
    assert "region=US" in next(f.detail for f in reg if f.value == "refuse_to_file")
    assert "EMILIA" in values(facts_of(extracted, "002", "T-DM1", "trial"))
    # the refused BLA is not a "Filed" phase; the new BLA is a mid-2012 milestone
    assert "Filed" not in values(facts_of(extracted, "002", "T-DM1", "phase"))
    bla = [f for f in facts_of(extracted, "002", "T-DM1", "milestone") if f.value == "BLA submission"]
    assert [(f.expected_start, f.expected_end) for f in bla] == [(date(2012, 5, 1), date(2012, 8, 31))]


def test_t_dm1_under_review_is_filed_in_undated_release(extracted):
    assert "Filed" in values(facts_of(extracted, "003", "T-DM1", "phase"))


def test_sar3419_partner_phase_and_phase_2_window(extracted):
    assert "sanofi-aventis" in values(facts_of(extracted, "000", "SAR3419", "partner"))
    assert "Phase 1" in values(facts_of(extracted, "000", "SAR3419", "phase"))
    starts = [f for f in facts_of(extracted, "000", "SAR3419", "milestone") if f.value == "Phase 2 start"]
    assert [(f.expected_start, f.expected_end) for f in starts] == [(date(2011, 7, 1), date(2011, 12, 31))]
    # a future start is not the current phase
    assert "Phase 2" not in values(facts_of(extracted, "000", "SAR3419", "phase"))


def test_listed_drugs_share_a_phase(extracted):
    for drug in ("SAR650984", "SAR566658"):
        assert values(facts_of(extracted, "000", drug, "phase")) == {"Phase 1"}


def test_bt062_biotest_multiple_myeloma(extracted):
    assert values(facts_of(extracted, "000", "BT-062", "partner")) == {"Biotest"}
    assert "MM" in values(facts_of(extracted, "000", "BT-062", "indication"))
    assert any(f.value == "Phase 1" and f.indication == "MM" for f in facts_of(extracted, "000", "BT-062", "phase"))


def test_bay_94_9343_ind_target_payload_partner(extracted):
    drug = "BAY 94-9343"
    assert "ind_submitted" in values(facts_of(extracted, "004", drug, "regulatory"))
    assert "mesothelin" in values(facts_of(extracted, "004", drug, "target"))
    assert "DM4" in values(facts_of(extracted, "004", drug, "payload"))
    assert any(v.startswith("Bayer") for v in values(facts_of(extracted, "004", drug, "partner")))


def test_no_phase_from_dose_finding_or_expansion_phase(extracted):
    for f in facts_of(extracted, "003", kind="phase"):
        assert "dose-finding phase" not in f.detail and "expansion phase" not in f.detail


def test_canonical_names_and_aliases(canonical):
    by_doc, aliases = canonical
    drugs = {f.drug for facts in by_doc.values() for f in facts}
    assert {"IMGN901", "T-DM1", "SAR3419", "BT-062", "BAY 94-9343", "IMGN529", "IMGN853"} <= drugs
    alias = {(a.drug, a.alias) for a in aliases}
    assert ("IMGN901", "lorvotuzumab mertansine") in alias
    for name in ("trastuzumab emtansine", "Trastuzumab-DM1", "trastuzumab-DM1"):
        assert ("T-DM1", name) in alias
    assert all((d, d) in alias for d in drugs), "every drug has an alias row for itself"
    types = {(a.alias, a.alias_type) for a in aliases}
    assert ("IMGN901", "code") in types and ("lorvotuzumab mertansine", "inn") in types


def test_extraction_is_deterministic():
    doc = load("000")
    assert extract_pipeline_facts(doc) == extract_pipeline_facts(load("000"))
