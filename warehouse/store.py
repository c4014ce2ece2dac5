"""Reading and writing the warehouse.

Every write here is one batch inside one transaction, so a run that fails
half-way leaves the previous tables intact, and re-running over the same
inbox leaves identical rows. Connections are passed in: nothing here opens
one, least of all at import time (the Dagster UI and daemon import this).
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import duckdb

FACT_TABLES = ("sections", "financial_facts", "deals", "pipeline_facts")


def _sql(name: str) -> str:
    return resources.files("warehouse").joinpath(name).read_text(encoding="utf-8")


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the tables (if missing) and (re)create every view."""
    for name in ("schema.sql", "views.sql", "drug_views.sql"):
        sql = _sql(name)
        if sql.strip():
            conn.execute(sql)


def table_columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def _conform(conn: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Order and complete the frame's columns as the table has them."""
    return frame.reindex(columns=table_columns(conn, table))


def replace_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Replace the whole content of ``table`` with ``frame`` in one transaction."""
    data = _conform(conn, table, frame)
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute(f"DELETE FROM {table}")
        if len(data):
            conn.register("_incoming", data)
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
            conn.unregister("_incoming")
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return len(data)


def upsert_documents(conn: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> dict[str, int]:
    """Write the inbox's documents: new files are added, a changed file replaces
    the rows of its previous version (in every table), an unchanged file keeps
    its row untouched (so ``ingested_at`` stays the first time it was read).
    """
    existing = conn.execute("SELECT doc_id, source_path FROM documents").df()
    known_ids = set(existing["doc_id"])
    incoming = frame[~frame["doc_id"].isin(known_ids)]
    # A path that now holds different bytes: its old doc_id goes, everywhere.
    stale = existing[
        existing["source_path"].isin(incoming["source_path"]) & ~existing["doc_id"].isin(frame["doc_id"])
    ]["doc_id"].tolist()
    data = _conform(conn, "documents", incoming)
    conn.execute("BEGIN TRANSACTION")
    try:
        if stale:
            conn.register("_stale", pd.DataFrame({"doc_id": stale}))
            for table in ("documents", *FACT_TABLES):
                conn.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _stale)")
            conn.unregister("_stale")
        if len(data):
            conn.register("_incoming", data)
            conn.execute("INSERT INTO documents BY NAME SELECT * FROM _incoming")
            conn.unregister("_incoming")
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return {"added": len(data), "replaced": len(stale), "unchanged": len(frame) - len(data)}


def update_document_metadata(conn: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> None:
    """Set the cleaned text and what each release says of itself."""
    cols = ["clean_text", "title", "release_date", "company", "ticker", "exchange", "doc_type"]
    if frame.empty:
        return
    conn.register("_meta", frame[["doc_id", *cols]])
    assignments = ", ".join(f"{c} = m.{c}" for c in cols)
    conn.execute(f"UPDATE documents SET {assignments} FROM _meta m WHERE documents.doc_id = m.doc_id")
    conn.unregister("_meta")


def read_frames(conn: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    return {t: conn.execute(f"SELECT * FROM {t}").df() for t in tables}


def replace_check_results(
    conn: duckdb.DuckDBPyConnection,
    check_name: str,
    results: pd.DataFrame,
    flagged_fact_ids: set[str],
) -> None:
    """Store one check's evaluations and flags, replacing that check's previous
    ones, and re-derive the facts' ``status`` from all checks' flags."""
    cols = table_columns(conn, "quality_results")
    data = results.reindex(columns=cols)
    flags = pd.DataFrame({"check_name": check_name, "fact_id": sorted(flagged_fact_ids)}, dtype=object)
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("DELETE FROM quality_results WHERE check_name = ?", [check_name])
        conn.execute("DELETE FROM fact_flags WHERE check_name = ?", [check_name])
        if len(data):
            conn.register("_results", data)
            conn.execute("INSERT INTO quality_results BY NAME SELECT * FROM _results")
            conn.unregister("_results")
        if len(flags):
            conn.register("_flags", flags)
            conn.execute("INSERT INTO fact_flags BY NAME SELECT * FROM _flags")
            conn.unregister("_flags")
        for table in ("financial_facts", "pipeline_facts"):
            conn.execute(
                f"""UPDATE {table} SET status = CASE
                       WHEN fact_id IN (SELECT fact_id FROM fact_flags) THEN 'flagged' ELSE 'ok' END"""
            )
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise


def load_clean_documents(conn: duckdb.DuckDBPyConnection) -> list:
    """Rebuild the cleaned releases from the warehouse, so later stages read
    what stage 2 stored instead of cleaning everything again."""
    from pipelines.model import CleanDocument, Section

    docs = conn.execute(
        """SELECT doc_id, clean_text, title, release_date, company, ticker, exchange, doc_type
           FROM documents WHERE status = 'read' AND clean_text IS NOT NULL ORDER BY doc_id"""
    ).fetchall()
    by_doc: dict[str, list[Section]] = {}
    for row in conn.execute(
        "SELECT doc_id, section_no, kind, heading, text, char_start, char_end FROM sections ORDER BY doc_id, section_no"
    ).fetchall():
        by_doc.setdefault(row[0], []).append(Section(*row[1:]))
    return [
        CleanDocument(
            doc_id=d[0], text=d[1], sections=by_doc.get(d[0], []), title=d[2], release_date=d[3],
            company=d[4], ticker=d[5], exchange=d[6], doc_type=d[7] or "other",
        )
        for d in docs
    ]
