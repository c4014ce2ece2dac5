"""All financial facts of one release: statement tables, narrative, guidance, deals."""

from __future__ import annotations

from pipelines.financial.deals import extract_deals
from pipelines.financial.narrative import extract_text_facts
from pipelines.financial.tables import extract_table_facts
from pipelines.model import CleanDocument, Deal, FinancialFact


def extract_financial(doc: CleanDocument) -> tuple[list[FinancialFact], list[Deal]]:
    facts = extract_table_facts(doc) + extract_text_facts(doc)
    facts.sort(key=lambda f: (f.char_start, f.source, f.concept, str(f.period_end)))
    return facts, extract_deals(doc)
