"""The records that flow between the stages.

Every stage is a pure function from one of these to the next; the Dagster
assets only move them in and out of DuckDB. Offsets (``char_start``,
``char_end``) always index the *cleaned* text of the document, and
``evidence`` is always ``clean_text[char_start:char_end]``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

SECTION_KINDS = (
    "headline",
    "subheadline",
    "dateline",
    "body",
    "highlights",
    "financial_results",
    "guidance",
    "table",
    "about_company",
    "about_product",
    "forward_looking",
    "contacts",
    "footnotes",
    "other",
)

DOC_TYPES = ("earnings", "clinical", "regulatory", "deal", "corporate", "other")


@dataclass
class RawDocument:
    """One inbox file, read and decoded but otherwise untouched."""

    doc_id: str
    source_path: str
    sha256: str
    size_bytes: int
    format: str  # what was read (txt, md, html, pdf, docx, odt, rtf, eml, xml, json), by content; the suffix when rejected unread
    status: str  # 'read' or 'rejected'
    reject_reason: str | None = None
    encoding: str | None = None
    raw_text: str | None = None  # decoded text; HTML/PDF already turned to text


@dataclass(frozen=True)
class Section:
    section_no: int
    kind: str  # one of SECTION_KINDS
    heading: str | None
    text: str
    char_start: int
    char_end: int


@dataclass
class CleanDocument:
    """Normalized text of one release, its sections and what it says of itself."""

    doc_id: str
    text: str
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    release_date: date | None = None
    company: str | None = None
    ticker: str | None = None
    exchange: str | None = None
    doc_type: str = "other"

    def section_at(self, offset: int) -> Section | None:
        """The section that contains ``offset`` (sections are sorted, non-overlapping)."""
        if not self.sections:
            return None
        starts = [s.char_start for s in self.sections]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sections[i].char_end:
            return self.sections[i]
        return None

    def section_no_at(self, offset: int) -> int | None:
        s = self.section_at(offset)
        return s.section_no if s else None


@dataclass
class FinancialFact:
    concept: str  # us-gaap name, or a CamelCase name of the company's own line
    label: str  # the label as printed
    value: float | None  # base units (USD, USD/share, shares); XBRL sign
    unit: str  # 'USD', 'USD/share', 'shares'
    decimals: int  # XBRL decimals: -3 thousands, -5 for "$14.2 million", 2 cents
    period_start: date | None
    period_end: date | None
    months: int | None  # 0 for an instant
    fiscal_label: str | None  # e.g. '2QFY2011', 'FY2011', '6M FY2011'
    source: str  # 'table' or 'text'
    evidence: str
    char_start: int
    char_end: int
    section_no: int | None = None
    is_guidance: bool = False
    value_low: float | None = None
    value_high: float | None = None
    # Where a table fact sits: the n-th table of the release and its row in
    # logical top-down order (a reversed PDF table is put back the right way),
    # so checks can derive "total row = the rows above it" from the structure.
    table_no: int | None = None
    row_no: int | None = None


@dataclass
class Deal:
    kind: str  # upfront, milestone, potential_milestones, royalty, equity, grant
    counterparty: str | None
    amount: float | None  # in ``currency``
    drug: str | None
    trigger: str | None
    evidence: str
    char_start: int
    char_end: int
    section_no: int | None = None
    currency: str = "USD"  # ISO code as the release states the amount


@dataclass
class PipelineFact:
    drug: str  # canonical name
    kind: str  # phase, indication, target, payload, partner, trial, regulatory, milestone
    value: str
    detail: str | None
    evidence: str
    char_start: int
    char_end: int
    section_no: int | None = None
    expected_start: date | None = None
    expected_end: date | None = None
    # The disease a phase or regulatory event applies to, only where the
    # sentence ties them ("Phase 2 trial in SCLC"); a drug's phase can differ
    # by indication, so the timeline is kept per drug and indication.
    indication: str | None = None


@dataclass(frozen=True)
class DrugAlias:
    drug: str
    alias: str
    alias_type: str  # code, inn, brand, abbreviation, other
