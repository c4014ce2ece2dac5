"""Data-quality checks: the Great Expectations suites of `expectations/`, run as
Dagster asset checks right after the asset they prove.

Each check pulls the DataFrames it needs from DuckDB, runs its suite, stores
every evaluation in `quality_results` (replacing its own previous ones) and
flags the facts that failed (`status = 'flagged'` in financial_facts or pipeline_facts, never
deleted). Findings on individual releases are warnings; a check whose failure
means the pipeline itself is broken is blocking.
"""


from dataclasses import dataclass
from datetime import datetime, timezone

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from assets.common import preview, say
from assets.financial_facts import financial_facts
from assets.pipeline_facts import pipeline_facts
from assets.raw_documents import raw_documents
from pipelines.inbox_state import list_inbox
from pipelines.resources import InboxResource
from warehouse.store import read_frames, replace_check_results


@dataclass(frozen=True)
class CheckSpec:
    name: str
    asset: dg.AssetsDefinition
    tables: tuple[str, ...]
    description: str
    blocking: bool = False
    needs_inbox: bool = False


FACTS = ("documents", "financial_facts")
SPECS = (
    CheckSpec("documents_complete", raw_documents, ("documents",),
              "Every inbox file has a documents row, read or rejected with a reason; "
              "a non-empty inbox yields at least one read release.", blocking=True, needs_inbox=True),
    CheckSpec("no_duplicate_facts", financial_facts, ("financial_facts", "pipeline_facts"),
              "Fact keys are present and unique; no fact is stored twice.", blocking=True),
    CheckSpec("accounting_identities", financial_facts, FACTS,
              "Balance sheets balance, parts sum to totals, the income statement chains "
              "(revenue - expenses = operating result, ... = net result), EPS = net result / shares; "
              "with XBRL Calculations 1.1 rounding tolerance."),
    CheckSpec("text_agrees_with_table", financial_facts, FACTS,
              "A figure stated in the narrative matches the statement table within the narrative's rounding."),
    CheckSpec("signs_and_scale", financial_facts, FACTS,
              "Expenses and totals are not negative; per-share, share counts and thousands are not mixed up."),
    CheckSpec("periods", financial_facts, FACTS,
              "Reported periods end by the release date, guidance after it; months in {0,3,6,9,12}; low <= high."),
    CheckSpec("provenance", financial_facts, ("documents", "financial_facts", "deals", "pipeline_facts"),
              "Every fact's evidence sits at its offsets in the cleaned text and contains the figure."),
    CheckSpec("pipeline_vocabulary", pipeline_facts, ("pipeline_facts", "drug_aliases", "deals"),
              "Phases, fact kinds, regulatory events and deal kinds come from their vocabularies; "
              "every drug has an alias row."),
)


def _failures_table(rows: pd.DataFrame) -> dg.MetadataValue:
    failed = rows[~rows["passed"].astype(bool)] if len(rows) else rows
    return preview(failed, ["doc_id", "subject", "observed", "expected"], rows=20)


def _make_check(spec: CheckSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=spec.asset, name=spec.name, blocking=spec.blocking, description=spec.description)
    def _check(
        context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource, inbox: InboxResource
    ) -> dg.AssetCheckResult:
        from expectations.suites import run_suite  # GX is heavy: load it only when a check runs

        with duckdb.get_connection() as conn:
            frames = read_frames(conn, spec.tables)
        if spec.needs_inbox:
            frames["inbox_files"] = pd.DataFrame({"source_path": [str(p.resolve()) for p in list_inbox(inbox.root())]})
        result = run_suite(spec.name, frames)
        rows = result.rows.assign(
            run_id=context.run.run_id, checked_at=datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        )
        with duckdb.get_connection() as conn:
            flagged = set(result.flagged_fact_ids) | result.flagged_pipeline_fact_ids
            replace_check_results(conn, spec.name, rows, flagged)
        failed = int((~rows["passed"].astype(bool)).sum()) if len(rows) else 0
        say(context, f"check {spec.name}: {len(rows) - failed} passed, {failed} failed")
        return dg.AssetCheckResult(
            passed=result.passed,
            severity=dg.AssetCheckSeverity.ERROR if spec.blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "evaluated": len(rows),
                "failed": failed,
                "flagged_facts": len(flagged),
                "failures": _failures_table(rows),
            },
        )

    return _check


quality_checks = [_make_check(spec) for spec in SPECS]
