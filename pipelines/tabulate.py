"""Records to DataFrames shaped like the warehouse tables, with stable ids.

Ids are hashes of what identifies a row (never of run time or order of
arrival), so the same inbox always gives the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, fields
from datetime import datetime

import pandas as pd

from pipelines.model import CleanDocument, Deal, DrugAlias, FinancialFact, PipelineFact, RawDocument, Section


def stable_id(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    # Built with an explicit column list so an empty batch still has its shape.
    return pd.DataFrame(rows, columns=columns)


def documents_frame(docs: list[RawDocument], now: datetime) -> pd.DataFrame:
    rows = []
    for d in docs:
        row = asdict(d)
        row["ingested_at"] = now
        rows.append(row)
    cols = [f.name for f in fields(RawDocument)] + ["ingested_at"]
    return _frame(rows, cols)


def metadata_frame(docs: list[CleanDocument]) -> pd.DataFrame:
    cols = ["doc_id", "clean_text", "title", "release_date", "company", "ticker", "exchange", "doc_type"]
    rows = [
        {
            "doc_id": d.doc_id,
            "clean_text": d.text,
            "title": d.title,
            "release_date": d.release_date,
            "company": d.company,
            "ticker": d.ticker,
            "exchange": d.exchange,
            "doc_type": d.doc_type,
        }
        for d in docs
    ]
    frame = _frame(rows, cols)
    frame["release_date"] = pd.to_datetime(frame["release_date"]).dt.date
    return frame


def sections_frame(docs: list[CleanDocument]) -> pd.DataFrame:
    cols = ["doc_id"] + [f.name for f in fields(Section)]
    rows = [{"doc_id": d.doc_id, **asdict(s)} for d in docs for s in d.sections]
    return _frame(rows, cols)


def financial_frame(facts: list[tuple[str, FinancialFact]]) -> pd.DataFrame:
    cols = ["fact_id", "doc_id"] + [f.name for f in fields(FinancialFact)] + ["status"]
    rows = []
    for doc_id, f in facts:
        row = asdict(f)
        row["doc_id"] = doc_id
        row["fact_id"] = stable_id(
            doc_id, f.source, f.concept, f.period_end, f.months, f.is_guidance, f.char_start, f.char_end, f.label
        )
        row["status"] = "ok"
        rows.append(row)
    return _dedupe(_frame(rows, cols), "fact_id")


def deals_frame(deals: list[tuple[str, Deal]]) -> pd.DataFrame:
    cols = ["deal_id", "doc_id"] + [f.name for f in fields(Deal)]
    rows = []
    for doc_id, d in deals:
        row = asdict(d)
        row["doc_id"] = doc_id
        row["deal_id"] = stable_id(doc_id, d.kind, d.counterparty, d.amount, d.char_start, d.char_end)
        rows.append(row)
    frame = _frame(rows, cols).sort_values(["doc_id", "char_start"], kind="stable")
    # A term announced in the subheadline and again in the body is one term:
    # keep its first statement.
    term = ["doc_id", "kind", "counterparty", "amount", "currency", "drug", "trigger"]
    frame = frame.drop_duplicates(subset=term, keep="first")
    return _dedupe(frame, "deal_id")


def pipeline_frame(facts: list[tuple[str, PipelineFact]]) -> pd.DataFrame:
    cols = ["fact_id", "doc_id"] + [f.name for f in fields(PipelineFact)] + ["status"]
    rows = []
    for doc_id, f in facts:
        row = asdict(f)
        row["doc_id"] = doc_id
        row["fact_id"] = stable_id(doc_id, f.drug, f.kind, f.value, f.detail, f.indication, f.char_start, f.char_end)
        row["status"] = "ok"
        rows.append(row)
    return _dedupe(_frame(rows, cols), "fact_id")


def aliases_frame(aliases: list[DrugAlias]) -> pd.DataFrame:
    rows = sorted({(a.drug, a.alias): a.alias_type for a in aliases}.items())
    return _frame([{"drug": d, "alias": a, "alias_type": t} for (d, a), t in rows], ["drug", "alias", "alias_type"])


def _dedupe(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    # The same statement found twice (identical in every identifying field) is
    # one fact; keeping the first is deterministic because inputs are ordered.
    return frame.drop_duplicates(subset=[key], keep="first").reset_index(drop=True)
