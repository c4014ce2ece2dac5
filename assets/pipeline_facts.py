"""Stage 4: each drug with its aliases, phase, indications, partners and events."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import preview, say, with_progress
from pipelines.tabulate import aliases_frame, pipeline_frame
from warehouse.store import ensure_schema, load_clean_documents, replace_table


@dg.asset(kinds={"python", "duckdb"}, group_name="facts", deps=["cleaned_sections"])
def pipeline_facts(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Drug-pipeline facts: every drug (code name, nonproprietary name, brand)
    with its phase, indications, target, payload, partner, trials, regulatory
    events and expected milestones (fuzzy dates turned into windows), one
    canonical name per molecule across all releases. Releases that say "phase"
    about anything but drug development yield nothing. Tables:
    `pipeline_facts`, `drug_aliases`; views `drug_timeline`, `drug_status`."""
    # Imported at run time: loading the code location (UI, daemon) stays cheap.
    from pipelines.drugs import canonicalize, extract_pipeline_facts

    with duckdb.get_connection() as conn:
        ensure_schema(conn)
        docs = load_clean_documents(conn)
    say(context, f"extracting drug-pipeline facts from {len(docs)} releases")
    per_doc = []
    for doc in with_progress(context, docs, "pipeline facts"):
        facts, aliases = extract_pipeline_facts(doc)
        per_doc.append((doc.doc_id, facts, aliases))
    facts_by_doc, aliases = canonicalize(per_doc)
    facts_df = pipeline_frame([(doc_id, f) for doc_id, fs in sorted(facts_by_doc.items()) for f in fs])
    aliases_df = aliases_frame(aliases)
    with duckdb.get_connection() as conn:
        replace_table(conn, "pipeline_facts", facts_df)
        replace_table(conn, "drug_aliases", aliases_df)
    say(context, f"{len(facts_df)} pipeline facts on {facts_df['drug'].nunique()} drugs, {len(aliases_df)} aliases")
    return dg.MaterializeResult(
        metadata={
            "pipeline_facts": len(facts_df),
            "drugs": int(facts_df["drug"].nunique()),
            "aliases": len(aliases_df),
            "kinds": dg.MetadataValue.json(facts_df["kind"].value_counts().to_dict()),
            "preview": preview(facts_df, ["drug", "kind", "value", "detail", "expected_start", "expected_end"]),
        }
    )
