"""Controlled vocabularies, kept as data (``vocabularies.csv``).

The drug/pipeline engineer owns what a regulatory event may be called; they
add a line to the CSV rather than editing code. Lines starting with ``#``
are comments.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

VOCABULARIES_CSV = Path(__file__).with_name("vocabularies.csv")


@lru_cache(maxsize=1)
def _load() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    with VOCABULARIES_CSV.open(newline="", encoding="utf-8") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#"))
        for row in csv.DictReader(lines):
            vocab, value = (row.get("vocabulary") or "").strip(), (row.get("value") or "").strip()
            if vocab and value:
                out.setdefault(vocab, []).append(value)
    return {k: tuple(v) for k, v in out.items()}


def vocabulary(name: str) -> tuple[str, ...]:
    """Allowed values of one vocabulary, in file order (empty if unknown)."""
    return _load().get(name, ())


def pipeline_kinds() -> tuple[str, ...]:
    return vocabulary("pipeline_kind")


def phases() -> tuple[str, ...]:
    return vocabulary("phase")


def regulatory_events() -> tuple[str, ...]:
    return vocabulary("regulatory")


def deal_kinds() -> tuple[str, ...]:
    return vocabulary("deal_kind")
