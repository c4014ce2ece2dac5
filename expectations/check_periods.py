"""periods: a reported figure is in the past, guidance in the future, durations make sense.

Rules (each one quality_results row per fact it applies to):

* reported (not guidance): period_end ≤ the release date;
* guidance: period_end > the release date (both skipped without a release date);
* months ∈ {0, 3, 6, 9, 12};
* guidance: value_low ≤ value_high;
* period_start ≤ period_end;
* (warn) a duration's dates span about ``months`` months (±16 days), so a
  6-month figure labelled 3M is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from .frames import fact_label, fmt_date, fmt_num, table
from .gx_runner import GXRunner, shared_runner
from .results import RowCollector, SuiteResult

MONTHS = [0, 3, 6, 9, 12]
DAYS_PER_MONTH = 365.25 / 12
SPAN_SLACK_DAYS = 16


def _pair(a: str, b: str, or_equal: bool) -> tuple[str, dict]:
    return ("ExpectColumnPairValuesAToBeGreaterThanB",
            {"column_A": a, "column_B": b, "or_equal": or_equal, "ignore_row_if": "either_value_is_missing"})


def _span_observed(f: dict, release: object, gap: float) -> str:
    return f"{fmt_date(f['period_start'])}..{fmt_date(f['period_end'])} ({gap:.0f} days off)"


@dataclass(frozen=True)
class Rule:
    what: str  # appended to the fact's label in the subject
    spec: tuple[str, dict]
    severity: str
    observed: Callable[[dict, object, float], str]  # (fact, release date, span gap)
    expected: Callable[[dict, object], str]


RULES = [
    Rule("reported by release date", _pair("rep_release", "rep_end", True), "error",
         lambda f, rel, gap: fmt_date(f["period_end"]), lambda f, rel: f"≤ {fmt_date(rel)}"),
    Rule("guidance after release date", _pair("gd_end", "gd_release", False), "error",
         lambda f, rel, gap: fmt_date(f["period_end"]), lambda f, rel: f"> {fmt_date(rel)}"),
    Rule("months", ("ExpectColumnValuesToBeInSet", {"column": "months_f", "value_set": [float(m) for m in MONTHS]}),
         "error", lambda f, rel, gap: fmt_num(f["months"]), lambda f, rel: "one of 0, 3, 6, 9, 12"),
    Rule("guidance range", _pair("gd_high", "gd_low", True), "error",
         lambda f, rel, gap: f"{fmt_num(f['value_low'])}..{fmt_num(f['value_high'])}", lambda f, rel: "low ≤ high"),
    Rule("start before end", _pair("end", "start", True), "error",
         lambda f, rel, gap: f"{fmt_date(f['period_start'])}..{fmt_date(f['period_end'])}",
         lambda f, rel: "start ≤ end"),
    Rule("dates span months", ("ExpectColumnValuesToBeBetween", {"column": "span_gap_days", "max_value": SPAN_SLACK_DAYS}),
         "warn", _span_observed,
         lambda f, rel: f"about {round(float(f['months']) * DAYS_PER_MONTH)} days ±{SPAN_SLACK_DAYS}"),
]


def periods(frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None) -> SuiteResult:
    rows = RowCollector("periods")
    ff = table(frames, "financial_facts")
    if ff.empty:
        return rows.result()
    docs = table(frames, "documents")
    release = ff["doc_id"].map(
        docs.drop_duplicates("doc_id").set_index("doc_id")["release_date"]
    ) if not docs.empty else pd.Series(pd.NaT, index=ff.index)
    release = pd.to_datetime(release).astype("datetime64[ns]")
    guid = ff["is_guidance"]
    nat = pd.Series(pd.NaT, index=ff.index, dtype="datetime64[ns]")

    ev = pd.DataFrame(index=ff.index)
    ev["rep_release"] = release.where(~guid, nat)
    ev["rep_end"] = ff["period_end"].where(~guid, nat)
    ev["gd_release"] = release.where(guid, nat)
    ev["gd_end"] = ff["period_end"].where(guid, nat)
    ev["months_f"] = ff["months"].astype("float64")
    ev["gd_high"] = ff["value_high"].where(guid)
    ev["gd_low"] = ff["value_low"].where(guid)
    ev["end"], ev["start"] = ff["period_end"], ff["period_start"]
    span_days = (ff["period_end"] - ff["period_start"]).dt.days + 1
    ev["span_gap_days"] = (span_days - ff["months"].astype("float64") * DAYS_PER_MONTH).abs().where(
        ff["months"].astype("float64") > 0
    ).astype("float64")

    results = (runner or shared_runner()).passed_each("periods", ev, [r.spec for r in RULES])

    facts = ff.to_dict("records")
    present = {c: ev[c].notna().to_numpy() for c in ev.columns}
    gaps = ev["span_gap_days"].to_numpy()
    for rule, ok in zip(RULES, results):
        kwargs = rule.spec[1]
        cols = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
        for pos, passed in enumerate(ok):
            if not all(present[c][pos] for c in cols):
                continue  # the rule does not apply to this fact
            f, rel = facts[pos], release.iat[pos]
            label = fact_label(f["concept"], f["period_end"], f["months"], f["source"], f["is_guidance"])
            rows.add(
                doc_id=f["doc_id"], subject=f"{label} {rule.what}", passed=passed, severity=rule.severity,
                observed=rule.observed(f, rel, gaps[pos]), expected=rule.expected(f, rel),
                fact_ids=[f["fact_id"]],
            )
    return rows.result()
