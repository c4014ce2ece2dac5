"""Blocking checks: a failure here means the pipeline itself is broken.

* ``documents_complete`` — every inbox file became a documents row (read, or
  rejected with a reason), something was read when the inbox was not empty,
  and no rejected row lacks its reason.
* ``no_duplicate_facts`` — fact ids are present and unique, and no financial
  fact is stored twice under the natural key
  (doc_id, concept, period_end, months, source, is_guidance, char_start).

Rows are per document (or per inbox file), so the result says *which*
release is affected.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .frames import has_frame, isnull, records, table
from .gx_runner import GXRunner, shared_runner
from .results import RowCollector, SuiteResult

NATURAL_KEY = ["doc_id", "concept", "period_end", "months", "source", "is_guidance", "char_start"]
STATUSES = ["read", "rejected"]


# -- documents_complete ---------------------------------------------------------
def _norm_path(p: object) -> str | None:
    if isnull(p):
        return None
    s = str(p).strip().replace("\\", "/")
    while s.startswith("./"):
        s = s[2:]
    return s or None


def _match(path: str, doc_paths: dict[str, str], by_name: dict[str, list[str]] | None = None) -> str | None:
    """doc_id whose source_path is this inbox path (absolute/relative forms both accepted)."""
    if path in doc_paths:
        return doc_paths[path]
    # Only paths with the same file name can be suffixes of each other: look
    # there instead of scanning every document (24k of them on the archive).
    name = path.rsplit("/", 1)[-1]
    candidates = by_name.get(name, ()) if by_name is not None else doc_paths
    for dp in candidates:
        if path.endswith("/" + dp) or dp.endswith("/" + path):
            return doc_paths[dp]
    return None


def _inbox_paths(frames: Mapping[str, pd.DataFrame]) -> list[str] | None:
    if not has_frame(frames, "inbox_files"):
        return None
    inbox = frames["inbox_files"]
    if not isinstance(inbox, pd.DataFrame):
        inbox = pd.DataFrame({"path": list(inbox)})
    col = next((c for c in ("path", "source_path", "file") if c in inbox.columns), None)
    if col is None and len(inbox.columns):
        col = inbox.columns[0]
    if col is None:
        return []
    return [p for p in (_norm_path(v) for v in inbox[col]) if p]


def documents_complete(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    """One evaluation per inbox file (and per document no inbox file accounts for).

    A file passes when it has a documents row whose status is read or
    rejected, with a reason if rejected. The subject names what failed.
    """
    rows = RowCollector("documents_complete")
    runner = runner or shared_runner()
    docs = table(frames, "documents")
    reason = docs["reject_reason"].map(lambda r: None if isnull(r) or not str(r).strip() else r)
    doc_path = docs["source_path"].map(_norm_path).tolist()
    doc_ids, statuses, reasons = docs["doc_id"].tolist(), docs["status"].tolist(), reason.tolist()

    # Evaluation rows: (inbox path or None, position of the documents row or None)
    items: list[tuple[str | None, int | None]] = []
    paths = _inbox_paths(frames)
    if paths:
        pos_of: dict[str, int] = {}
        for pos, p in enumerate(doc_path):
            if p is not None:
                pos_of.setdefault(p, pos)
        by_name: dict[str, list[str]] = {}
        for p in pos_of:
            by_name.setdefault(p.rsplit("/", 1)[-1], []).append(p)
        lookup = {p: str(pos) for p, pos in pos_of.items()}
        matched: set[int] = set()
        for p in paths:
            hit = _match(p, lookup, by_name)
            pos = None if hit is None else int(hit)
            items.append((p, pos))
            if pos is not None:
                matched.add(pos)
        items += [(None, pos) for pos in range(len(docs)) if pos not in matched]
    else:
        items = [(None, pos) for pos in range(len(docs))]

    if items:
        ev = pd.DataFrame({
            "doc_id": [None if pos is None else (doc_ids[pos] or f"<row {pos}>") for _, pos in items],
            "status": [None if pos is None else (statuses[pos] or "<null>") for _, pos in items],
            "reason": [
                "n/a" if pos is None or statuses[pos] != "rejected" else reasons[pos] for _, pos in items
            ],
        })
        specs = [("ExpectColumnValuesToBeInSet", {"column": "status", "value_set": STATUSES}),
                 ("ExpectColumnValuesToNotBeNull", {"column": "reason"})]
        if paths:
            specs.insert(0, ("ExpectColumnValuesToNotBeNull", {"column": "doc_id"}))
        results = runner.passed_each("documents_files", ev, specs)
        has_doc = results[0] if paths else [True] * len(items)
        status_ok, reason_ok = results[-2], results[-1]
        for k, (path, pos) in enumerate(items):
            shown = None if pos is None else (doc_path[pos] or doc_ids[pos])
            if not has_doc[k] or pos is None:
                rows.add(doc_id=None, subject=f"inbox file {path} has a documents row", passed=False,
                         observed="no documents row", expected="a documents row (read or rejected)")
            elif not status_ok[k]:
                rows.add(doc_id=doc_ids[pos], subject=f"document {shown} status", passed=False,
                         observed=ev["status"].iat[k], expected="read or rejected")
            elif not reason_ok[k]:
                rows.add(doc_id=doc_ids[pos], subject=f"rejected document {shown} has a reason",
                         passed=False, observed="no reason", expected="a non-empty reject_reason")
            else:
                status = statuses[pos] if statuses[pos] != "rejected" else f"rejected: {reasons[pos]}"
                subject = (f"inbox file {path} has a documents row" if path is not None
                           else f"document {shown} status")
                rows.add(doc_id=doc_ids[pos], subject=subject, passed=True, observed=status,
                         expected="a documents row, read or rejected with a reason")

    if paths:
        n_read = int((docs["status"] == "read").sum())
        ok = runner.passed(
            "documents_read", pd.DataFrame({"read": [float(n_read)]}),
            ("ExpectColumnValuesToBeBetween", {"column": "read", "min_value": 1}),
        )
        rows.add(
            doc_id=None, subject="at least one inbox document read", passed=ok[0],
            observed=f"{n_read} read of {len(paths)} inbox files", expected="≥ 1 read",
        )
    return rows.result(blocking=True)


# -- no_duplicate_facts -----------------------------------------------------------
def _key_strings(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    # Nulls compare unequal in SQL but a duplicate with a null key part is
    # still a duplicate row for us: spell them out so they compare equal.
    return pd.DataFrame({c: df[c].map(lambda v: "<null>" if isnull(v) else str(v)) for c in cols})


def _per_doc_rows(rows: RowCollector, name: str, df: pd.DataFrame, bad: pd.Series, what: str,
                  flag_financial: bool) -> None:
    for doc_id, g in df.groupby(df["doc_id"].fillna("<null>"), sort=False):
        b = bad.loc[g.index]
        offenders = sorted({str(x) for x in g.loc[b, "fact_id"] if not isnull(x)})
        n = int(b.sum())
        ids = offenders if flag_financial else []
        rows.add(
            doc_id=None if doc_id == "<null>" else doc_id, subject=f"{name} {what}", passed=n == 0,
            observed=f"{n} offending rows" + (f": {', '.join(offenders[:5])}" if offenders else ""),
            expected="0", fact_ids=ids, pipeline_fact_ids=[] if flag_financial else offenders,
        )


def no_duplicate_facts(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    rows = RowCollector("no_duplicate_facts")
    runner = runner or shared_runner()
    for name in ("financial_facts", "pipeline_facts"):
        df = table(frames, name)
        if df.empty:
            continue
        ev = pd.DataFrame({"fact_id": df["fact_id"]})
        specs = [
            ("ExpectColumnValuesToNotBeNull", {"column": "fact_id"}),
            ("ExpectColumnValuesToBeUnique", {"column": "fact_id"}),
        ]
        if name == "financial_facts":
            ev = pd.concat([ev, _key_strings(df, NATURAL_KEY).add_prefix("k_")], axis=1)
            specs.append(
                ("ExpectCompoundColumnsToBeUnique", {"column_list": [f"k_{c}" for c in NATURAL_KEY]})
            )
        results = runner.passed_each(f"keys_{name}", ev, specs)
        fin = name == "financial_facts"
        checks = ["fact_id not null", "fact_id unique", "natural key unique"]
        for what, ok in zip(checks, results):
            bad = ~pd.Series(ok, index=df.index)
            if what == "natural key unique":
                what = f"({', '.join(NATURAL_KEY)}) unique"
            _per_doc_rows(rows, name, df, bad, what, fin)
    return rows.result(blocking=True)
