"""pipeline_vocabulary: pipeline facts and deals use the controlled vocabularies.

The vocabularies are data (``vocabularies.csv``). An unknown pipeline kind,
phase or deal kind is an error (the schema downstream depends on them); an
unknown regulatory event and a drug without aliases are warnings: the
vocabulary may simply lag behind a new kind of event.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import vocabularies as vocab
from .frames import has_frame, records, table
from .gx_runner import GXRunner, shared_runner
from .results import RowCollector, SuiteResult

NULL = "<null>"


def _in_set(column: str, values) -> tuple[str, dict]:
    return ("ExpectColumnValuesToBeInSet", {"column": column, "value_set": list(values)})


def pipeline_vocabulary(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    rows = RowCollector("pipeline_vocabulary")
    runner = runner or shared_runner()

    pf = table(frames, "pipeline_facts")
    if not pf.empty:
        ev = pd.DataFrame(index=pf.index)
        # A null kind is not in any vocabulary: make it visible to GX, which skips nulls.
        ev["kind"] = pf["kind"].fillna(NULL)
        ev["phase"] = pf["value"].where(pf["kind"] == "phase")
        ev.loc[(pf["kind"] == "phase") & pf["value"].isna(), "phase"] = NULL
        ev["regulatory"] = pf["value"].where(pf["kind"] == "regulatory")
        ev.loc[(pf["kind"] == "regulatory") & pf["value"].isna(), "regulatory"] = NULL
        specs = [
            _in_set("kind", vocab.pipeline_kinds()),
            _in_set("phase", vocab.phases()),
            _in_set("regulatory", vocab.regulatory_events()),
        ]
        results = runner.passed_each("vocabulary_pipeline", ev, specs)
        meta = [
            ("kind", "pipeline kind", "error", vocab.pipeline_kinds()),
            ("phase", "phase", "error", vocab.phases()),
            ("regulatory", "regulatory event", "warn", vocab.regulatory_events()),
        ]
        facts = pf.to_dict("records")
        for (col, what, severity, allowed), ok in zip(meta, results):
            for pos, passed in enumerate(ok):
                observed = ev[col].iat[pos]
                if observed is None or (isinstance(observed, float) and pd.isna(observed)):
                    continue
                f = facts[pos]
                rows.add(
                    doc_id=f["doc_id"], subject=f"{f['drug']} {what}", passed=passed,
                    severity=severity, observed=observed,
                    expected=_allowed_text(allowed), pipeline_fact_ids=[f["fact_id"]],
                )

        if has_frame(frames, "drug_aliases"):
            aliases = table(frames, "drug_aliases")
            known = sorted({d for d in aliases["drug"] if d is not None})
            drugs = pf[pf["drug"].notna()].drop_duplicates(["doc_id", "drug"])[["doc_id", "drug", "fact_id"]]
            if not drugs.empty:
                ok = runner.passed("vocabulary_aliases", drugs, _in_set("drug", known))
                for pos, d in enumerate(records(drugs)):
                    rows.add(
                        doc_id=d.doc_id, subject=f"{d.drug} has aliases", passed=ok[pos],
                        severity="warn", observed=d.drug, expected="≥ 1 row in drug_aliases",
                    )

    deals = table(frames, "deals")
    if not deals.empty:
        ev = pd.DataFrame({"kind": deals["kind"].fillna(NULL)})
        ok = runner.passed("vocabulary_deals", ev, _in_set("kind", vocab.deal_kinds()))
        for pos, d in enumerate(records(deals)):
            rows.add(
                doc_id=d.doc_id, subject=f"deal {d.counterparty or '?'} kind", passed=ok[pos],
                observed=ev["kind"].iat[pos], expected=_allowed_text(vocab.deal_kinds()),
            )
    return rows.result()


def _allowed_text(values, limit: int = 8) -> str:
    values = list(values)
    head = ", ".join(values[:limit])
    return f"one of {head}" + (f", … ({len(values)} values)" if len(values) > limit else "")
