"""Normalising warehouse frames before any check looks at them.

The checks receive whatever the warehouse (or a test) hands over: frames may be
missing, empty, lack optional columns, or carry DuckDB/pandas dtypes that do not
compare well (``pd.NA`` in a boolean context, ``datetime.date`` objects next to
timestamps). Every suite goes through :func:`table` so that it can assume the
contract's columns exist with predictable dtypes; a missing column becomes all
nulls, which makes the evaluations that need it silently not apply rather than
fail.
"""

from __future__ import annotations

import math
from collections import namedtuple
from collections.abc import Mapping

import pandas as pd

COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "str", "source_path": "str", "sha256": "str", "format": "str",
        "status": "str", "reject_reason": "str", "title": "str", "release_date": "date",
        "company": "str", "ticker": "str", "exchange": "str", "doc_type": "str",
        "clean_text": "str",
    },
    "financial_facts": {
        "fact_id": "str", "doc_id": "str", "section_no": "int", "concept": "str",
        "label": "str", "value": "float", "unit": "str", "decimals": "int",
        "period_start": "date", "period_end": "date", "months": "int",
        "fiscal_label": "str", "source": "str", "is_guidance": "bool",
        "value_low": "float", "value_high": "float", "evidence": "str",
        "char_start": "int", "char_end": "int", "status": "str",
        "table_no": "int", "row_no": "int",
    },
    "pipeline_facts": {
        "fact_id": "str", "doc_id": "str", "section_no": "int", "drug": "str",
        "kind": "str", "value": "str", "detail": "str", "expected_start": "date",
        "expected_end": "date", "evidence": "str", "char_start": "int", "char_end": "int",
    },
    "drug_aliases": {"drug": "str", "alias": "str", "alias_type": "str"},
    "deals": {
        "doc_id": "str", "kind": "str", "counterparty": "str", "amount": "float",
        "drug": "str", "trigger": "str", "evidence": "str", "char_start": "int",
        "char_end": "int",
    },
    "inbox_files": {"path": "str"},
}


def _as_str(s: pd.Series) -> pd.Series:
    # Plain object column of Python str / None: GX and ``==`` behave the same on it.
    return s.astype(object).where(s.notna(), None).map(lambda v: v if v is None else str(v))


def _as_int(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype("Float64").round().astype("Int64")


def _as_float(s: pd.Series) -> pd.Series:
    # numpy float64 with NaN for missing: arithmetic and GX column-pair checks
    # both work on it, unlike the nullable Float64 dtype.
    return pd.to_numeric(s, errors="coerce").astype("float64")


def _as_bool(s: pd.Series) -> pd.Series:
    # Missing is_guidance means "not guidance": the contract says BOOL NOT NULL in spirit.
    def conv(v: object) -> bool:
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return False
        if isinstance(v, str):
            return v.strip().lower() in {"true", "t", "1", "yes"}
        return bool(v)

    return s.astype(object).map(conv).astype(bool)


def _as_date(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, errors="coerce").astype("datetime64[ns]").dt.normalize()


_NORMALISED = "expectations.normalised"

_CONVERT = {"str": _as_str, "int": _as_int, "float": _as_float, "bool": _as_bool, "date": _as_date}


def table(frames: Mapping[str, pd.DataFrame] | None, name: str) -> pd.DataFrame:
    """A copy of ``frames[name]`` with every contract column present and typed.

    Unknown extra columns are kept. A missing frame yields an empty frame
    with the contract's columns, so callers never special-case absence.
    """
    df = None if frames is None else frames.get(name)
    if (
        isinstance(df, pd.DataFrame)
        and df.attrs.get(_NORMALISED) == name
        and df.index.equals(pd.RangeIndex(len(df)))
    ):
        return df  # already done by normalise(); suites never modify frames in place
    if df is None:
        df = pd.DataFrame()
    elif not isinstance(df, pd.DataFrame):
        df = pd.DataFrame(df)
    df = df.copy().reset_index(drop=True)
    for col, kind in COLUMNS.get(name, {}).items():
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), dtype=object)
        df[col] = _CONVERT[kind](df[col])
    df.attrs[_NORMALISED] = name
    return df


def normalise(frames: Mapping[str, pd.DataFrame] | None) -> dict[str, pd.DataFrame]:
    """Every contract frame normalised once, so a run of all suites converts each table once.

    Frames outside the contract (none today) are passed through untouched;
    absent frames stay absent (some checks distinguish "no table" from "empty table").
    """
    out: dict[str, pd.DataFrame] = {}
    for name, df in (frames or {}).items():
        out[name] = table(frames, name) if name in COLUMNS and df is not None else df
    return out


def has_frame(frames: Mapping[str, pd.DataFrame] | None, name: str) -> bool:
    return frames is not None and frames.get(name) is not None


def fmt_date(ts: object) -> str:
    if ts is None or ts is pd.NaT or (isinstance(ts, float) and math.isnan(ts)):
        return "?"
    try:
        return pd.Timestamp(ts).date().isoformat()
    except (TypeError, ValueError):
        return str(ts)


def period_text(period_end: object, months: object) -> str:
    """'2010-12-31' for an instant, '3M to 2010-12-31' for a duration."""
    end = fmt_date(period_end)
    if months is None or months is pd.NA or (isinstance(months, float) and math.isnan(months)):
        return end
    m = int(months)
    return end if m == 0 else f"{m}M to {end}"


def fmt_num(v: object) -> str:
    """A figure as plain digits (no exponent, no thousands separators)."""
    if v is None or v is pd.NA:
        return "null"
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    if math.isnan(f):
        return "null"
    if f == int(f) and abs(f) < 1e15:
        return str(int(f))
    return f"{f:.10g}"


def isnull(v: object) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def half_unit(decimals: object) -> float:
    """XBRL rounding: a figure reported to ``decimals`` is exact within ±0.5 × 10^(−decimals).

    Unknown decimals are treated as exact (no tolerance granted), so a figure
    whose precision we cannot vouch for is never excused by rounding.
    """
    if isnull(decimals):
        return 0.0
    return 0.5 * 10.0 ** (-int(decimals))


def fact_label(concept: object, period_end: object, months: object, source: object,
               is_guidance: object = False) -> str:
    """'NetIncomeLoss 3M to 2010-12-31 (text)': names one fact in a subject."""
    tags = [str(source)] if not isnull(source) else []
    if is_guidance is True or (not isnull(is_guidance) and bool(is_guidance)):
        tags.append("guidance")
    tag = f" ({', '.join(tags)})" if tags else ""
    return f"{concept} {period_text(period_end, months)}{tag}"


def records(df: pd.DataFrame) -> list:
    """Rows as namedtuples, like ``itertuples(index=False)`` but built column-wise
    (pandas 3's itertuples is slow enough to dominate a large warehouse run)."""
    if df is None or df.empty:
        return []
    Row = namedtuple("Row", [str(c) for c in df.columns], rename=True)
    return [Row(*vals) for vals in zip(*(df[c].tolist() for c in df.columns))]
