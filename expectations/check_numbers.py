"""Suites that prove the numbers: accounting identities and text-vs-table agreement."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .frames import fmt_num, half_unit, period_text, records, table
from .gx_runner import GXRunner, shared_runner
from .identities import identity_evaluations, reported_table_facts
from .results import RowCollector, SuiteResult

# abs_diff ≤ tolerance, decided by GX on the evaluation frame.
WITHIN_TOLERANCE = (
    "ExpectColumnPairValuesAToBeGreaterThanB",
    {"column_A": "tolerance", "column_B": "abs_diff", "or_equal": True},
)


def _with_float_slack(ev: pd.DataFrame) -> pd.DataFrame:
    # Sums of doubles are not exact: 4178000 vs 2005000+866000+1307000 is,
    # but EPS quotients are not. A relative 1e-9 slack absorbs that noise only.
    ev = ev.copy()
    scale = ev[["lhs", "rhs"]].abs().max(axis=1).clip(lower=1.0)
    ev["tolerance"] = ev["tolerance"].astype(float) + scale * 1e-9
    ev["abs_diff"] = ev["abs_diff"].astype(float)
    return ev


def accounting_identities(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    """Totals equal their parts, results follow from their terms, EPS from net income ÷ shares."""
    rows = RowCollector("accounting_identities")
    ev = identity_evaluations(table(frames, "financial_facts"))
    if not ev.empty:
        ev = _with_float_slack(ev)
        ok = (runner or shared_runner()).passed("identity_evaluations", ev, WITHIN_TOLERANCE)
        for r, passed in zip(records(ev), ok):
            rows.add(
                doc_id=r.doc_id, subject=r.subject, passed=passed, observed=r.observed,
                expected=r.expected, fact_ids=r.fact_ids,
            )
    return rows.result()


def proven_table_facts(ev: pd.DataFrame) -> set[str]:
    """Table facts in at least one identity that holds and none that fails."""
    if ev.empty:
        return set()
    ok = ev["abs_diff"] <= ev["tolerance"] + ev[["lhs", "rhs"]].abs().max(axis=1).clip(lower=1) * 1e-9
    good = {f for ids in ev.loc[ok, "fact_ids"] for f in ids}
    bad = {f for ids in ev.loc[~ok, "fact_ids"] for f in ids}
    return good - bad


def text_agrees_with_table(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    """A narrative figure matches the table figure within the narrative's rounding.

    On disagreement the narrative fact is flagged, and the table fact too
    unless the table's own identities prove it (then the text is the odd one out).
    """
    rows = RowCollector("text_agrees_with_table")
    ff = table(frames, "financial_facts")
    if ff.empty:
        return rows.result()
    text = ff[(ff["source"].str.lower() == "text") & ~ff["is_guidance"] & ff["value"].notna()]
    text = text[text["period_end"].notna() & text["concept"].notna()]
    tab = reported_table_facts(ff)
    if text.empty or tab.empty:
        return rows.result()
    keys = ["doc_id", "concept", "unit", "period_end", "_months"]
    text = text.assign(_months=text["months"].fillna(-1))
    tab = tab.assign(_months=tab["months"].fillna(-1))
    pairs = text.merge(tab, on=keys, suffixes=("_text", "_table"))
    if pairs.empty:
        return rows.result()
    pairs["tolerance"] = [
        half_unit(a) + half_unit(b) for a, b in zip(pairs["decimals_text"], pairs["decimals_table"])
    ]
    pairs["abs_diff"] = (pairs["value_text"] - pairs["value_table"]).abs()
    pairs["lhs"], pairs["rhs"] = pairs["value_text"], pairs["value_table"]
    pairs["expected"] = [
        f"{fmt_num(v)} ± {fmt_num(t)}" for v, t in zip(pairs["value_table"], pairs["tolerance"])
    ]
    pairs = _with_float_slack(pairs)
    ok = (runner or shared_runner()).passed("text_vs_table", pairs, WITHIN_TOLERANCE)
    proven = proven_table_facts(identity_evaluations(ff))
    for r, passed in zip(records(pairs), ok):
        flag = [r.fact_id_text] + ([] if r.fact_id_table in proven else [r.fact_id_table])
        rows.add(
            doc_id=r.doc_id,
            subject=f"{r.concept} {period_text(r.period_end, r.months_text)} text vs table",
            passed=passed,
            observed=fmt_num(r.value_text),
            expected=r.expected,
            fact_ids=flag,
        )
    return rows.result()
