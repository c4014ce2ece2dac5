"""Stage 5: the warehouse as analysts query it: documented tables and views."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import preview, say
from warehouse.store import ensure_schema

TABLES = ("documents", "sections", "financial_facts", "deals", "pipeline_facts", "drug_aliases", "quality_results")


@dg.asset(kinds={"duckdb"}, group_name="warehouse", deps=["financial_facts", "pipeline_facts"])
def warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """The DuckDB warehouse analysts query: its tables and the views built on
    them (`document_quality`, `reported_figures`, `guidance`, `drug_timeline`,
    `drug_status`). See warehouse/README.md for every column and example queries."""
    with duckdb.get_connection() as conn:
        ensure_schema(conn)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        status = conn.execute("SELECT * FROM drug_status ORDER BY drug, indication").df()
    say(context, "warehouse views ready: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return dg.MaterializeResult(
        metadata={
            **{f"rows_{t}": n for t, n in counts.items()},
            "drug_status": preview(status, list(status.columns), rows=20),
        }
    )
