"""Stage 3: every reported figure, guidance range and deal amount."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import preview, say, with_progress
from pipelines.tabulate import deals_frame, financial_frame
from warehouse.store import ensure_schema, load_clean_documents, replace_table


@dg.asset(kinds={"python", "duckdb"}, group_name="facts", deps=["cleaned_sections"])
def financial_facts(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Every figure a release reports, from its statement tables and its prose,
    with XBRL-style concept, period, unit, scale (`decimals`), sign and the exact
    quote and offsets it came from; guidance as ranges; deal money (upfront,
    milestones, royalties). A figure that cannot be placed with confidence is
    left out. Tables: `financial_facts`, `deals`."""
    # Imported at run time: loading the code location (UI, daemon) stays cheap.
    from pipelines.financial.extract import extract_financial

    with duckdb.get_connection() as conn:
        ensure_schema(conn)
        docs = load_clean_documents(conn)
    say(context, f"extracting financial facts from {len(docs)} releases")
    facts, deals = [], []
    for doc in with_progress(context, docs, "financial facts"):
        doc_facts, doc_deals = extract_financial(doc)
        facts.extend((doc.doc_id, f) for f in doc_facts)
        deals.extend((doc.doc_id, d) for d in doc_deals)
    facts_df = financial_frame(facts)
    deals_df = deals_frame(deals)
    with duckdb.get_connection() as conn:
        replace_table(conn, "financial_facts", facts_df)
        replace_table(conn, "deals", deals_df)
    say(context, f"{len(facts_df)} financial facts ({int((facts_df['source'] == 'table').sum())} from tables, "
                 f"{int(facts_df['is_guidance'].fillna(False).astype(bool).sum())} guidance), {len(deals_df)} deal terms")
    return dg.MaterializeResult(
        metadata={
            "financial_facts": len(facts_df),
            "from_tables": int((facts_df["source"] == "table").sum()),
            "from_text": int((facts_df["source"] == "text").sum()),
            "deals": len(deals_df),
            "releases_with_facts": int(facts_df["doc_id"].nunique()),
            "preview": preview(facts_df, ["concept", "value", "unit", "period_end", "months", "source", "evidence"]),
            "deals_preview": preview(deals_df, ["kind", "counterparty", "amount", "drug", "trigger"]),
        }
    )
