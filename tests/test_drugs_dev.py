"""Drug-pipeline facts on the dev corpus: positives verified by reading, and
releases that say "phase" about anything but drug development (zero facts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.document import prepare
from pipelines.drugs import extract_pipeline_facts


def _find(dev_dir: Path, fragment: str) -> Path:
    hits = sorted(p for p in dev_dir.rglob("*.md") if fragment in p.name)
    if not hits:
        pytest.skip(f"dev release '{fragment}' not in {dev_dir}")
    return hits[0]


def _extract(dev_dir: Path, fragment: str):
    path = _find(dev_dir, fragment)
    doc = prepare(path.stem[:40], path.read_text(encoding="utf-8"))
    # dev files sit under <wire>/<YYYY>/<MMDD>/: use that as the release date
    mmdd, yyyy = path.parent.name, path.parent.parent.name
    doc.release_date = date(int(yyyy), int(mmdd[:2]), int(mmdd[2:]))
    return extract_pipeline_facts(doc)


# Each of these says "phase" (or looks biotech) but is about no drug's development:
NON_DRUG = {
    "metavesco-accelerates-phase-1-of-bitcoin": "phase 1 of a bitcoin treasury plan",
    "hive-digital-nasdaq-hive": "bitcoin miner growth",
    "raadr-doing-business-as-telvantis": "phase 2 of a corporate growth plan",
    "pandoshi-pambo-in-phase-3": "token presale phase",
    "leetah-launches-presale-phase": "token presale phase",
    "tectum-blockchain-hits": "blockchain record attempt phase 1",
    "ucore-rare-metals": "phase 2 of a rare-earth facility",
    "steppe-gold-announces": "phase 2 expansion of a gold mine",
    "atha-energy-prepares-for-phase-i": "phase I diamond drilling",
    "early-bird-registration-now-open": "life-sciences summit",
    "j-p-morgans-monica-dicenso": "life-sciences summit",
    "bioutah-and-the-university-of-utahs": "startup pitch event",
    "fc-glycoengineering-enhancements": "next phase of a CRO's technology (no drug)",
    "tevard-biosciences-names": "executive appointment, 'next phase' of a platform",
}


@pytest.mark.parametrize("fragment", sorted(NON_DRUG))
def test_non_drug_releases_yield_no_facts(dev_dir, fragment):
    facts, aliases = _extract(dev_dir, fragment)
    assert facts == [], (NON_DRUG[fragment], [(f.drug, f.kind, f.value) for f in facts])
    assert aliases == []


def _has(facts, drug, kind, value, detail_part=None, indication=None):
    return any(
        f.drug == drug and f.kind == kind and f.value == value
        and (detail_part is None or detail_part in (f.detail or ""))
        and (indication is None or f.indication == indication)
        for f in facts
    )


def test_clene_cnm_au8_phase_2_in_als(dev_dir):
    facts, _ = _extract(dev_dir, "clenes-nasdaq-clnn-cnm-au8-r-affects")
    assert _has(facts, "CNM-Au8", "phase", "Phase 2", indication="ALS")


def test_soligenix_hybryte_phase_3_ctcl(dev_dir):
    facts, aliases = _extract(dev_dir, "expands-european-medical-advisory")
    assert _has(facts, "HyBryte", "phase", "Phase 3", indication="CTCL")
    assert ("HyBryte", "brand") in {(a.alias, a.alias_type) for a in aliases}


def test_annovis_buntanetap_phase_3_parkinsons(dev_dir):
    facts, _ = _extract(dev_dir, "annovis-bio-nyse-anvs")
    assert _has(facts, "buntanetap", "phase", "Phase 3", indication="Parkinson's disease")


def test_tonix_tnx_102_sl_fast_track_and_pdufa_date(dev_dir):
    facts, _ = _extract(dev_dir, "tonix-pharmaceuticals-holding-corp")
    assert _has(facts, "TNX-102 SL", "regulatory", "fast_track", indication="fibromyalgia")
    pdufa = [f for f in facts if f.drug == "TNX-102 SL" and f.value == "pdufa_date"]
    assert pdufa and pdufa[0].expected_start == pdufa[0].expected_end == date(2025, 8, 15)
    # a planned NDA is not a submitted one
    assert not _has(facts, "TNX-102 SL", "regulatory", "nda_submitted")


def test_biorestorative_brtx_100_fast_track(dev_dir):
    facts, _ = _extract(dev_dir, "biorestorative-therapies-receives-fda-fast-track")
    assert _has(facts, "BRTX-100", "regulatory", "fast_track", "region=US")


def test_realta_rls_0071_ema_orphan_gvhd_and_inn_alias(dev_dir):
    facts, aliases = _extract(dev_dir, "realta-life-sciences-receives-ema-orphan")
    assert _has(facts, "RLS-0071", "regulatory", "orphan_drug_designation", "region=EU", indication="GvHD")
    assert _has(facts, "RLS-0071", "phase", "Phase 2", indication="GvHD")
    assert ("RLS-0071", "pegtarazimod", "inn") in {(a.drug, a.alias, a.alias_type) for a in aliases}


def test_march_biosciences_mb_105_rmat(dev_dir):
    facts, _ = _extract(dev_dir, "march-biosciences-granted-fda-rmat")
    assert _has(facts, "MB-105", "regulatory", "rmat", "region=US")
    assert _has(facts, "MB-105", "target", "CD5")


def test_ethics_committee_permit_is_not_a_marketing_approval(dev_dir):
    facts, _ = _extract(dev_dir, "venture-sapu-nano-receives-approval")
    assert not any(f.kind == "phase" and f.value == "Approved" for f in facts)
    assert _has(facts, "Sapu003", "regulatory", "ind_cleared")


def test_comparison_drug_of_another_company_gets_no_phase(dev_dir):
    facts, _ = _extract(dev_dir, "lexaria-provides-positive-interim")
    assert not any(f.drug.lower() in ("rybelsus", "semaglutide") for f in facts)
    # the H24-4 study code is not a drug
    assert not any("H24" in f.drug for f in facts)


def test_immunic_vidofludimus_phase_2_emphasis(dev_dir):
    # named once, but as the studied agent of the trial: a subject, not context
    facts, _ = _extract(dev_dir, "immunic-phase-2-emphasis")
    assert _has(facts, "vidofludimus", "phase", "Phase 2", indication="multiple sclerosis")
    assert _has(facts, "vidofludimus", "trial", "EMPhASIS")


def test_igc_ad1_phase_2_alzheimers_and_preclinical_igc_m3(dev_dir):
    facts, _ = _extract(dev_dir, "igc-pharma-releases-positive-interim")
    assert _has(facts, "IGC-AD1", "phase", "Phase 2", indication="Alzheimer's disease")
    assert _has(facts, "IGC-M3", "phase", "Preclinical")


def test_heidelberg_hdp_101_adc_payload_and_phase(dev_dir):
    facts, _ = _extract(dev_dir, "heidelberg-pharma-to-present")
    assert _has(facts, "HDP-101", "payload", "amanitin")
    assert _has(facts, "HDP-101", "phase", "Phase 1/2")
