"""Helpers for table tests written as invented flattened text."""

from __future__ import annotations

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts


def table_values(text: str) -> dict:
    """(concept, period_end, months) -> value of every table fact, after
    checking that each fact's evidence is exactly its span of the text."""
    doc = prepare("fx", text)
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
    return {(f.concept, f.period_end, f.months): f.value for f in facts}


def per_line(*cells: str) -> str:
    """A table flattened to one cell per paragraph, as the wire archive prints it."""
    return "\n\n".join(cells)
