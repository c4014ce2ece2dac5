"""PLACEHOLDER until the metadata module lands."""

from pipelines.model import CleanDocument


def describe(doc: CleanDocument) -> None:
    first = doc.text.strip().splitlines()[0] if doc.text.strip() else None
    doc.title = first
