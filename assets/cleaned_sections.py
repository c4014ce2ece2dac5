"""Stage 2: normalized text, sections, and what each release says of itself."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import preview, say, with_progress
from pipelines.tabulate import metadata_frame, sections_frame
from warehouse.store import ensure_schema, replace_table, update_document_metadata


@dg.asset(kinds={"python", "duckdb"}, group_name="clean", deps=["raw_documents"])
def cleaned_sections(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Cleaned text of every read release (unicode, markdown residue, escaped `$`,
    OCR slips, hard-wrapped lines joined) split into sections of a fixed kind
    vocabulary, with the release date as stated, company, ticker, exchange and
    document type. Tables: `sections`, and the metadata columns of `documents`."""
    # Imported at run time: loading the code location (UI, daemon) stays cheap.
    from pipelines.document import prepare

    with duckdb.get_connection() as conn:
        ensure_schema(conn)
        raw = conn.execute(
            "SELECT doc_id, raw_text FROM documents WHERE status = 'read' ORDER BY doc_id"
        ).fetchall()
    say(context, f"cleaning and sectioning {len(raw)} releases")
    docs = [prepare(doc_id, text or "") for doc_id, text in with_progress(context, raw, "cleaned")]
    meta = metadata_frame(docs)
    sections = sections_frame(docs)
    with duckdb.get_connection() as conn:
        update_document_metadata(conn, meta)
        replace_table(conn, "sections", sections)
    dated = int(meta["release_date"].notna().sum())
    say(context, f"{len(sections)} sections; {dated} of {len(docs)} releases state a date")
    return dg.MaterializeResult(
        metadata={
            "documents": len(docs),
            "sections": len(sections),
            "dated": dated,
            "doc_types": dg.MetadataValue.json(meta["doc_type"].value_counts().to_dict()),
            "section_kinds": dg.MetadataValue.json(sections["kind"].value_counts().to_dict()),
            "preview": preview(meta, ["doc_id", "title", "release_date", "company", "ticker", "doc_type"]),
        }
    )
