"""Drug-pipeline facts on the project's own sample inbox (fictional Northwind releases).

AURORA-2 is NWX-101's Phase 2 trial, never a drug, in every release (also where the release
names it without a trial word); OncoRelief® is another company's brand in a CFO's career
sentence, so the company boilerplate's "Phase 2" is not its phase.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.document import prepare
from pipelines.drugs import canonicalize, extract_pipeline_facts
from pipelines.ingest import read_document

INBOX = Path(__file__).resolve().parents[1] / "pipelines" / "sample_inbox"


@pytest.fixture(scope="module")
def sample():
    per_doc = []
    for p in sorted(INBOX.iterdir()):
        r = read_document(p)
        assert r.status == "read", p
        facts, aliases = extract_pipeline_facts(prepare(r.doc_id, r.raw_text or ""))
        per_doc.append((p.name, facts, aliases))
    assert len(per_doc) == 7
    facts, aliases = canonicalize(per_doc)
    return {name: fs for name, fs in facts.items()}, aliases


def _all(sample):
    return [f for fs in sample[0].values() for f in fs]


def test_trial_and_foreign_brand_are_no_drugs(sample):
    facts, aliases = sample
    names = {f.drug for f in _all(sample)} | {a.drug for a in aliases} | {a.alias for a in aliases}
    assert not {n for n in names if n.upper().startswith(("AURORA", "ONCORELIEF"))}, names
    assert facts["2025-06-20-northwind-appoints-cfo.txt"] == []


def test_nwx101_facts(sample):
    facts, aliases = sample
    nwx = [f for f in _all(sample) if f.drug == "NWX-101"]
    assert {f.value for f in nwx if f.kind == "trial"} == {"AURORA-2"}
    assert "Phase 2" in {f.value for f in nwx if f.kind == "phase"}
    assert ("NWX-101", "velotuzumab zamtesine") in {(a.drug, a.alias) for a in aliases}
    ft = facts["2025-12-01-northwind-fda-fast-track.html"]
    assert {(f.drug, f.kind, f.value) for f in ft if f.kind == "regulatory"} == {("NWX-101", "regulatory", "fast_track")}
    # both releases that name the trial with a trial word give NWX-101 the trial
    for name in ("2025-09-15-northwind-phase-2-start.md", "2025-11-06-northwind-q3-2025-results.txt"):
        assert ("NWX-101", "AURORA-2") in {(f.drug, f.value) for f in facts[name] if f.kind == "trial"}, name


def test_trial_named_once_is_a_trial_everywhere_in_the_release():
    from pipelines.drugs.names import find_mentions

    text = (
        "Acme Bio dosed the first patient in ZENITH-3, a randomized Phase 2 trial of ACM-201. "
        "ZENITH-3 will enroll 80 patients. ACM-201 is an antibody-drug conjugate in Phase 2."
    )
    assert {m.name for m in find_mentions(text)} == {"ACM-201"}
    # a drug code followed by "trial of patients" stays a drug
    text2 = "The ABC-123 Phase 1 trial of patients with NSCLC dosed ABC-123 and XYZ-456 in Phase 1."
    assert "ABC-123" in {m.name for m in find_mentions(text2)}


def test_career_brand_is_context():
    from pipelines.drugs.extract import _own_marketed
    from pipelines.drugs.names import Mention

    text = "She most recently led finance at a company that markets a cancer therapy under the OncoRelief® brand."
    i = text.index("OncoRelief")
    assert not _own_marketed(text, Mention(i, i + 10, "OncoRelief", "brand"), "acme")
    text = "Acme's commercial subsidiary, the company's sales arm, markets Zembrace® in the US."
    i = text.index("Zembrace")
    assert _own_marketed(text, Mention(i, i + 8, "Zembrace", "brand"), "acme")
