"""From decoded text to a CleanDocument: normalize, split into sections, describe."""

from __future__ import annotations

from pipelines.clean import clean_text
from pipelines.docmeta import describe
from pipelines.model import CleanDocument
from pipelines.sections import split_sections


def prepare(doc_id: str, raw_text: str) -> CleanDocument:
    """Clean ``raw_text`` and return the document with its sections and metadata."""
    text = clean_text(raw_text)
    sections = split_sections(text)
    doc = CleanDocument(doc_id=doc_id, text=text, sections=sections)
    describe(doc)
    return doc
