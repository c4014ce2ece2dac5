"""provenance: every fact points at the text it came from, and that text shows the figure.

* ``evidence == clean_text[char_start:char_end]`` of the fact's document, for
  financial_facts, pipeline_facts and deals (a missing document, text or
  offsets fails: an unprovable fact is not a proven one);
* a financial fact's evidence contains its figure as printed — see
  :mod:`expectations.printed` for the forms tried (scaled "14,233",
  "(14,233)", "14.2", "0.21", "19,000" ...). A guidance range must show both
  ends.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .frames import fact_label, fmt_num, has_frame, isnull, records, table
from .gx_runner import GXRunner, shared_runner
from .printed import describe_forms, find_printed
from .results import RowCollector, SuiteResult

MISSING = "\u0000<no text at these offsets>"
NO_EVIDENCE = "\u0000<no evidence>"

EVIDENCE_AT_OFFSETS = (
    "ExpectColumnPairValuesToBeEqual", {"column_A": "evidence_s", "column_B": "at_offsets"}
)
FIGURE_PRINTED = ("ExpectColumnValuesToNotBeNull", {"column": "printed_form"})


def _slice(texts: dict, doc_id, start, end) -> str:
    text = texts.get(doc_id)
    if text is None or isnull(start) or isnull(end):
        return MISSING
    start, end = int(start), int(end)
    if start < 0 or end < start or end > len(text):
        return MISSING
    return text[start:end]


def _offsets_frame(facts: pd.DataFrame, texts: dict) -> pd.DataFrame:
    ev = pd.DataFrame(index=facts.index)
    ev["evidence_s"] = facts["evidence"].map(lambda e: NO_EVIDENCE if isnull(e) else str(e))
    ev["at_offsets"] = [
        _slice(texts, d, s, e) for d, s, e in zip(facts["doc_id"], facts["char_start"], facts["char_end"])
    ]
    return ev


def _printed(f) -> str | None:
    """The printed form found for the fact's figure(s); None if any is missing."""
    if not isnull(f.value):
        return find_printed(f.evidence, f.value, f.decimals)
    ends = [v for v in (f.value_low, f.value_high) if not isnull(v)]
    if not ends:
        return "(no figure)"
    found = [_range_end(f.evidence, v, f.decimals) for v in ends]
    return None if any(x is None for x in found) else " .. ".join(found)


def _range_end(evidence, value, decimals) -> str | None:
    """A range's decimals are its coarser end's: the other end may print finer
    ("$25 million to $34.5 million" has decimals -6)."""
    if isnull(decimals):
        return find_printed(evidence, value, decimals)
    for extra in (0, 1, 2):
        form = find_printed(evidence, value, int(decimals) + extra)
        if form is not None:
            return form
    return None


def _short(s: str, n: int = 80) -> str:
    s = s.replace("\u0000", "")
    return s if len(s) <= n else s[: n - 1] + "…"


def provenance(frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None) -> SuiteResult:
    rows = RowCollector("provenance")
    runner = runner or shared_runner()
    docs = table(frames, "documents")
    texts = {
        d: t for d, t in zip(docs["doc_id"], docs["clean_text"]) if d is not None and t is not None
    }
    check_offsets = has_frame(frames, "documents")

    ff = table(frames, "financial_facts")
    if not ff.empty:
        ev = _offsets_frame(ff, texts)
        facts = records(ff)
        ev["printed_form"] = [_printed(f) for f in facts]
        specs = [EVIDENCE_AT_OFFSETS, FIGURE_PRINTED] if check_offsets else [FIGURE_PRINTED]
        results = runner.passed_each("provenance_financial", ev, specs)
        at_ok = results[0] if check_offsets else None
        fig_ok = results[-1]
        at, evid, forms = ev["at_offsets"].tolist(), ev["evidence_s"].tolist(), ev["printed_form"].tolist()
        for pos, f in enumerate(facts):
            label = fact_label(f.concept, f.period_end, f.months, f.source, f.is_guidance)
            if at_ok is not None:
                rows.add(
                    doc_id=f.doc_id, subject=f"{label} evidence at offsets", passed=at_ok[pos],
                    observed=_short(at[pos]), expected=_short(evid[pos]), fact_ids=[f.fact_id],
                )
            if forms[pos] == "(no figure)":
                continue  # nothing numeric to look for
            figure = f.value if not isnull(f.value) else f.value_low
            rows.add(
                doc_id=f.doc_id, subject=f"{label} figure in evidence", passed=fig_ok[pos],
                observed=_short(str(f.evidence)) if not isnull(f.evidence) else None,
                expected=f"{fmt_num(figure)} printed as {describe_forms(figure, f.decimals)}",
                fact_ids=[f.fact_id],
            )

    if not check_offsets:
        return rows.result()

    pf = table(frames, "pipeline_facts")
    if not pf.empty:
        ev = _offsets_frame(pf, texts)
        ok = runner.passed("provenance_pipeline", ev, EVIDENCE_AT_OFFSETS)
        at, evid = ev["at_offsets"].tolist(), ev["evidence_s"].tolist()
        for pos, f in enumerate(records(pf)):
            rows.add(
                doc_id=f.doc_id, subject=f"{f.drug} {f.kind} {f.value} evidence at offsets",
                passed=ok[pos], observed=_short(at[pos]), expected=_short(evid[pos]),
                pipeline_fact_ids=[f.fact_id],
            )

    deals = table(frames, "deals")
    if not deals.empty:
        ev = _offsets_frame(deals, texts)
        ok = runner.passed("provenance_deals", ev, EVIDENCE_AT_OFFSETS)
        at, evid = ev["at_offsets"].tolist(), ev["evidence_s"].tolist()
        for pos, d in enumerate(records(deals)):
            rows.add(
                doc_id=d.doc_id,
                subject=f"deal {d.kind} {d.counterparty or ''} {fmt_num(d.amount)} evidence at offsets".replace("  ", " "),
                passed=ok[pos], observed=_short(at[pos]), expected=_short(evid[pos]),
            )
    return rows.result()
