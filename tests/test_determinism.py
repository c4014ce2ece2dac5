"""A run can always be repeated with the same result: the extraction must not
depend on Python's per-process hash seed (set iteration order)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import DEV, SEEDS, SAMPLE_INBOX

DUMP = """
import json, sys
from dataclasses import asdict
from pathlib import Path
from pipelines.document import prepare
from pipelines.drugs import canonicalize, extract_pipeline_facts
from pipelines.financial.extract import extract_financial
from pipelines.inbox_state import list_inbox
from pipelines.ingest import read_document

out, per_doc = [], []
for root in sys.argv[1:]:
    for path in list_inbox(Path(root)):
        raw = read_document(path)
        if raw.status != "read":
            continue
        doc = prepare(raw.doc_id, raw.raw_text)
        facts, deals = extract_financial(doc)
        pf, aliases = extract_pipeline_facts(doc)
        per_doc.append((doc.doc_id, pf, aliases))
        out.append([doc.text, [asdict(s) for s in doc.sections], doc.doc_type, str(doc.release_date),
                    [asdict(f) for f in facts], [asdict(d) for d in deals]])
by_doc, aliases = canonicalize(per_doc)
out.append([[k, [asdict(f) for f in v]] for k, v in sorted(by_doc.items())])
out.append([asdict(a) for a in aliases])
print(json.dumps(out, default=str, sort_keys=True))
"""


def _dump(seed: str, roots: list[str]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", DUMP, *roots], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_same_output_under_different_hash_seeds():
    roots = [str(p) for p in (SEEDS, DEV, SAMPLE_INBOX) if p.is_dir()]
    first = _dump("1", roots)
    assert len(first) > 10_000
    assert _dump("2", roots) == first
    assert _dump("12345", roots) == first
