"""PLACEHOLDER until the sectioning module lands: the whole text is one body section."""

from pipelines.model import Section


def split_sections(text: str) -> list[Section]:
    return [Section(0, "body", None, text, 0, len(text))]
