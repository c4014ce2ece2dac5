"""What the drug-rule tests share: an invented text as a one-section release, and what the extractor finds in it."""

from __future__ import annotations

from datetime import date

from pipelines.drugs import attributes, extract_pipeline_facts
from pipelines.drugs.names import find_aliases, find_mentions
from pipelines.model import CleanDocument, Section

RELEASE = date(2026, 3, 2)
NAMES_RELEASE = date(2025, 6, 2)


def doc_of(text: str, company: str | None = None, release: date = RELEASE) -> CleanDocument:
    return CleanDocument("t", text, [Section(0, "body", None, text, 0, len(text))], release_date=release, company=company)


def facts(text: str, company: str | None = None):
    return extract_pipeline_facts(doc_of(text, company))[0]


def triples(text: str, company: str | None = None):
    return {(f.drug, f.kind, f.value) for f in facts(text, company)}


def indications(text: str) -> list[str]:
    forms = attributes.indication_forms(text)
    return [h[2] for h in attributes.indications(text, 0, len(text), forms)]


def run(text: str):
    """Facts and aliases of ``text`` released on NAMES_RELEASE."""
    return extract_pipeline_facts(doc_of(text, release=NAMES_RELEASE))


def names(text: str) -> set[tuple[str, str]]:
    return {(m.name, m.kind) for m in find_mentions(text) if not m.comparator}


def pairs(text: str) -> set[tuple[str, str]]:
    ms = find_mentions(text)
    return {(a.name, b.name) for a, b in find_aliases(text, ms)}
