"""Throughput and memory of the extraction, on one core, over a folder of releases.

    python -m pipelines.benchmark [PATH] [--limit N]

PATH is a folder or a .tar.gz of releases (default: the shared archive). It
prints, in documents per second: a baseline (read each file and run one regex
over it), then decode + clean + sections + metadata, financial facts and
drug-pipeline facts, each stage timed on its own (CPU time of one process),
the whole, the peak memory, and what was found. Nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from pipelines.ingest import FORMATS
from pipelines.resources import PROJECT_ROOT

DEFAULT_ARCHIVE = PROJECT_ROOT.parent / "shared" / "corpus" / "archive" / "press-release-archive.tar.gz"
SUFFIXES = set(FORMATS)
# CPU time of this process: a fair "one core" figure even when the machine is busy.
_clock = time.process_time
BASELINE_RE = re.compile(r"\$\s?\d[\d,.]*\s*(?:million|billion)?")


def _files(root: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if limit and limit < len(files):
        # An even stride over the sorted paths samples every wire and year alike.
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def _unpack(archive: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="pressroom-bench-"))
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.0f} docs/s  ({seconds * 1000 / max(n, 1):.3f} ms/doc, {seconds:.2f}s)"


def run(root: Path, limit: int | None) -> dict:
    from pipelines.document import prepare
    from pipelines.drugs import extract_pipeline_facts
    from pipelines.financial.extract import extract_financial
    from pipelines.ingest import read_document

    files = _files(root, limit)
    n = len(files)

    t = _clock()
    hits = 0
    for path in files:
        hits += len(BASELINE_RE.findall(path.read_text(encoding="utf-8", errors="replace")))
    baseline = _clock() - t

    t = _clock()
    raws = [read_document(p) for p in files]
    read_s = _clock() - t

    t = _clock()
    docs = [prepare(r.doc_id, r.raw_text or "") for r in raws if r.status == "read"]
    prepare_s = _clock() - t

    t = _clock()
    fin = [extract_financial(d) for d in docs]
    fin_s = _clock() - t

    t = _clock()
    drugs = [extract_pipeline_facts(d) for d in docs]
    drug_s = _clock() - t

    total = read_s + prepare_s + fin_s + drug_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    facts = sum(len(f) for f, _ in fin)
    deals = sum(len(d) for _, d in fin)
    pfacts = sum(len(f) for f, _ in drugs)
    print(f"documents: {n} ({n - len(docs)} rejected)")
    print(f"baseline (read + one regex): {_rate(n, baseline)}  [{hits} regex hits]")
    print(f"read + decode:               {_rate(n, read_s)}")
    print(f"clean + sections + meta:     {_rate(len(docs), prepare_s)}")
    print(f"financial facts:             {_rate(len(docs), fin_s)}")
    print(f"pipeline facts:              {_rate(len(docs), drug_s)}")
    print(f"extraction (all stages):     {_rate(n, total)}")
    print(f"extraction after decode:     {_rate(len(docs), prepare_s + fin_s + drug_s)}")
    print(f"peak memory (RSS):           {peak_mb:.0f} MB")
    print(f"found: {facts} financial facts in {sum(1 for f, _ in fin if f)} releases, {deals} deal terms, "
          f"{pfacts} pipeline facts in {sum(1 for f, _ in drugs if f)} releases")
    return {"documents": n, "docs_per_s": n / total, "baseline_docs_per_s": n / baseline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--limit", type=int, default=None, help="only N files, evenly spread over the sorted paths")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"benchmark: not found: {args.path}", file=sys.stderr)
        return 2
    root = _unpack(args.path) if args.path.is_file() else args.path
    run(root, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
