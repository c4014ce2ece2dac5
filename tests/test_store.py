"""Warehouse writes: batched, idempotent, a changed file replaces its old rows."""

from datetime import datetime

import duckdb
import pandas as pd
import pytest

from pipelines.model import RawDocument
from pipelines.tabulate import documents_frame
from warehouse.store import ensure_schema, replace_check_results, replace_table, upsert_documents


@pytest.fixture()
def conn():
    c = duckdb.connect()
    ensure_schema(c)
    yield c
    c.close()


def _doc(path: str, sha: str) -> RawDocument:
    return RawDocument(doc_id=f"{path}-{sha}", source_path=path, sha256=sha, size_bytes=3, format="txt",
                       status="read", raw_text=f"text {sha}")


def test_upsert_is_idempotent_and_replaces_changed_files(conn):
    t1, t2 = datetime(2026, 1, 1), datetime(2026, 1, 2)
    first = documents_frame([_doc("/in/a.txt", "1"), _doc("/in/b.txt", "2")], t1)
    assert upsert_documents(conn, first) == {"added": 2, "replaced": 0, "unchanged": 0}
    conn.execute("INSERT INTO sections VALUES ('/in/a.txt-1', 0, 'body', NULL, 'x', 0, 1)")
    before = conn.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()

    # Same inbox again, later: nothing changes, not even ingested_at.
    assert upsert_documents(conn, documents_frame([_doc("/in/a.txt", "1"), _doc("/in/b.txt", "2")], t2)) == {
        "added": 0, "replaced": 0, "unchanged": 2}
    assert conn.execute("SELECT * FROM documents ORDER BY doc_id").fetchall() == before

    # a.txt edited: its old row and everything derived from it go.
    counts = upsert_documents(conn, documents_frame([_doc("/in/a.txt", "9"), _doc("/in/b.txt", "2")], t2))
    assert counts == {"added": 1, "replaced": 1, "unchanged": 1}
    ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    assert ids == ["/in/a.txt-9", "/in/b.txt-2"]
    assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] == 0


def test_check_results_replace_their_own_rows_and_derive_status(conn):
    replace_table(conn, "financial_facts", pd.DataFrame(
        {"fact_id": ["f1", "f2"], "doc_id": ["d", "d"], "concept": ["Assets", "Revenues"], "status": ["ok", "ok"]}))
    rows = pd.DataFrame({"check_name": ["c1"], "doc_id": ["d"], "subject": ["Assets"], "passed": [False]})
    replace_check_results(conn, "c1", rows, {"f1"})
    assert conn.execute("SELECT fact_id, status FROM financial_facts ORDER BY 1").fetchall() == [
        ("f1", "flagged"), ("f2", "ok")]
    # The same check passing later clears its flag.
    replace_check_results(conn, "c1", rows.assign(passed=True), set())
    assert conn.execute("SELECT count(*) FROM financial_facts WHERE status = 'flagged'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM quality_results").fetchone()[0] == 1


def test_a_deal_term_stated_twice_is_kept_once():
    from pipelines.model import Deal
    from pipelines.tabulate import deals_frame

    head = Deal("upfront", "Acme AG", 40e6, "NWX-1", None, "$40 million upfront", 10, 29)
    body = Deal("upfront", "Acme AG", 40e6, "NWX-1", None, "an upfront payment of $40 million", 300, 333)
    milestone = Deal("milestone", "Acme AG", 40e6, "NWX-1", "approval", "$40 million upon approval", 400, 425)
    frame = deals_frame([("d", body), ("d", head), ("d", milestone)])
    assert frame[["kind", "char_start"]].values.tolist() == [["upfront", 10], ["milestone", 400]]


def test_a_warehouse_from_before_the_indication_column_gains_it():
    c = duckdb.connect()
    try:
        # pipeline_facts as the first release of pressroom created it
        c.execute("""CREATE TABLE pipeline_facts (fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,
            section_no INTEGER, drug VARCHAR NOT NULL, kind VARCHAR NOT NULL, value VARCHAR, detail VARCHAR,
            expected_start DATE, expected_end DATE, evidence VARCHAR, char_start INTEGER, char_end INTEGER,
            status VARCHAR)""")
        c.execute("INSERT INTO pipeline_facts (fact_id, doc_id, drug, kind, value) VALUES ('f1', 'd1', 'NWX-101', 'phase', 'Phase 2')")
        ensure_schema(c)
        frame = pd.DataFrame([{"fact_id": "f2", "doc_id": "d1", "drug": "NWX-101", "kind": "phase",
                               "value": "Phase 2", "indication": "IPF"}])
        replace_table(c, "pipeline_facts", frame)
        assert c.execute("SELECT drug, indication FROM drug_timeline").fetchall() == [("NWX-101", "IPF")]
    finally:
        c.close()
