"""End to end: `dg.materialize` over the five seed releases into a temporary warehouse."""

from __future__ import annotations

from datetime import date

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from assets.quality import quality_checks
from pipelines.definitions import ASSETS
from pipelines.resources import InboxResource

TABLES = ("documents", "sections", "financial_facts", "deals", "pipeline_facts", "drug_aliases")


def _materialize(inbox, warehouse):
    return dg.materialize(
        [*ASSETS, *quality_checks],
        resources={"inbox": InboxResource(path=str(inbox)), "duckdb": DuckDBResource(database=str(warehouse))},
        raise_on_error=True,
    )


@pytest.fixture(scope="module")
def seeded(seeds_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("wh") / "seeds.duckdb"
    result = _materialize(seeds_dir, warehouse)
    assert result.success
    conn = duckdb.connect(str(warehouse), read_only=True)
    yield conn, result, seeds_dir, warehouse
    conn.close()


def _by_name(conn) -> dict[str, str]:
    rows = conn.execute("SELECT doc_id, source_path FROM documents").fetchall()
    return {path.rsplit("/", 1)[-1][:3]: doc_id for doc_id, path in rows}


def test_documents_and_metadata(seeded):
    conn, *_ = seeded
    rows = conn.execute(
        "SELECT source_path, status, release_date, company, ticker, exchange, doc_type FROM documents ORDER BY source_path"
    ).fetchall()
    assert [r[1] for r in rows] == ["read"] * 5
    assert [r[2] for r in rows] == [date(2011, 1, 27), date(2012, 3, 30), date(2010, 8, 27), None, date(2011, 6, 14)]
    assert {r[3] for r in rows} == {"ImmunoGen, Inc."}
    assert {(r[4], r[5]) for r in rows} == {("IMGN", "NASDAQ")}
    assert [r[6] for r in rows] == ["earnings", "clinical", "regulatory", "clinical", "deal"]
    # Every section's text is exactly its slice of the cleaned text.
    bad = conn.execute(
        """SELECT count(*) FROM sections s JOIN documents d USING (doc_id)
           WHERE substr(d.clean_text, s.char_start + 1, s.char_end - s.char_start) <> s.text"""
    ).fetchone()[0]
    assert bad == 0


def test_financial_facts_of_the_earnings_release(seeded):
    conn, *_ = seeded
    earnings = _by_name(conn)["000"]
    table = conn.execute(
        "SELECT count(*) FROM financial_facts WHERE doc_id = ? AND source = 'table'", [earnings]
    ).fetchone()[0]
    assert table == 70

    def value(concept, end, months, source="table"):
        return conn.execute(
            """SELECT value FROM financial_facts WHERE doc_id = ? AND concept = ? AND period_end = ?
               AND months = ? AND source = ? AND NOT is_guidance""",
            [earnings, concept, end, months, source],
        ).fetchone()[0]

    assert value("NetIncomeLoss", date(2010, 12, 31), 3) == -14_233_000
    assert value("NetIncomeLoss", date(2009, 12, 31), 6) == -25_383_000
    assert value("Assets", date(2010, 12, 31), 0) == 153_805_000
    assert value("EarningsPerShareBasicAndDiluted", date(2010, 12, 31), 3) == pytest.approx(-0.21)
    assert value("NetIncomeLoss", date(2010, 12, 31), 3, "text") == pytest.approx(-14_200_000)
    guidance = conn.execute(
        "SELECT concept, value_low, value_high FROM financial_facts WHERE doc_id = ? AND is_guidance ORDER BY concept",
        [earnings],
    ).fetchall()
    assert ("NetIncomeLoss", -64_000_000, -60_000_000) in guidance
    assert len(guidance) == 4


def test_deals(seeded):
    conn, *_ = seeded
    rows = conn.execute("SELECT kind, counterparty, amount FROM deals ORDER BY kind, amount").fetchall()
    kinds = {(k, a) for k, _, a in rows}
    assert ("upfront", 45_000_000) in kinds
    assert ("milestone", 2_000_000) in kinds
    assert ("potential_milestones", 170_500_000) in kinds


def test_drug_timeline_and_status(seeded):
    conn, *_ = seeded
    timeline = conn.execute(
        "SELECT release_date, phase FROM drug_timeline WHERE drug = 'IMGN901' AND indication = 'SCLC' "
        "AND release_date IS NOT NULL ORDER BY release_date"
    ).fetchall()
    assert (date(2011, 1, 27), "Phase 1/2") in timeline
    assert (date(2012, 3, 30), "Phase 2") in timeline
    status = conn.execute("SELECT phase FROM drug_status WHERE drug = 'IMGN901' AND indication = 'SCLC'").fetchone()
    assert status == ("Phase 2",)
    aliases = {a for (a,) in conn.execute("SELECT alias FROM drug_aliases WHERE drug = 'IMGN901'").fetchall()}
    assert "lorvotuzumab mertansine" in aliases


def test_every_check_passes_on_the_seeds(seeded):
    conn, result, *_ = seeded
    evaluations = result.get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} >= {"accounting_identities", "provenance", "documents_complete"}
    assert all(e.passed for e in evaluations), [e.check_name for e in evaluations if not e.passed]
    failed = conn.execute("SELECT check_name, subject FROM quality_results WHERE NOT passed").fetchall()
    assert failed == []
    subjects = {s for (s,) in conn.execute(
        "SELECT subject FROM quality_results WHERE check_name = 'accounting_identities'").fetchall()}
    assert any("2010-12-31" in s and s.startswith("Assets") for s in subjects)
    assert any("2010-06-30" in s and s.startswith("Assets") for s in subjects)
    compared = conn.execute(
        "SELECT count(*) FROM quality_results WHERE check_name = 'text_agrees_with_table'").fetchone()[0]
    assert compared >= 8
    assert conn.execute("SELECT bool_and(is_clean) FROM document_quality").fetchone()[0] is True


def test_rerun_leaves_identical_tables(seeded):
    conn, _, seeds_dir, warehouse = seeded
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    conn.close()
    _materialize(seeds_dir, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as again:
        after = {t: again.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    for t in TABLES:
        assert after[t] == before[t], t
