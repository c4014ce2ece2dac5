"""The 61 dev releases (2024-2025) through the whole pipeline: every file read,
every data-quality check passes, and the releases that say "phase" about
anything but drug development yield no drug facts."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from assets.quality import quality_checks
from pipelines.definitions import ASSETS
from pipelines.resources import InboxResource
from tests.test_drugs_dev import NON_DRUG


@pytest.fixture(scope="module")
def dev_warehouse(dev_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    result = dg.materialize(
        [*ASSETS, *quality_checks],
        resources={"inbox": InboxResource(path=str(dev_dir)), "duckdb": DuckDBResource(database=str(warehouse))},
    )
    assert result.success
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        yield conn


def test_every_dev_release_is_read(dev_warehouse, dev_dir):
    n_files = len([p for p in dev_dir.rglob("*") if p.is_file()])
    assert dev_warehouse.execute("SELECT count(*) FROM documents WHERE status = 'read'").fetchone()[0] == n_files


def test_every_check_passes_on_the_dev_releases(dev_warehouse):
    failed = dev_warehouse.execute(
        "SELECT check_name, doc_id, subject, observed, expected FROM quality_results WHERE NOT passed"
    ).fetchall()
    assert failed == []
    assert dev_warehouse.execute("SELECT count(*) FROM quality_results").fetchone()[0] > 0


def test_non_drug_releases_yield_no_drug_facts(dev_warehouse):
    rows = dev_warehouse.execute(
        """SELECT d.source_path, count(f.fact_id) FROM documents d
           LEFT JOIN pipeline_facts f USING (doc_id) GROUP BY 1"""
    ).fetchall()
    by_name = {path.rsplit("/", 1)[-1]: n for path, n in rows}
    for fragment, why in NON_DRUG.items():
        matches = [n for name, n in by_name.items() if fragment in name]
        assert matches, fragment
        assert matches == [0] * len(matches), why


def test_earnings_releases_yield_their_figures(dev_warehouse):
    # Kamada's Q1 2025 release states revenue of $44.0 million against $37.7 million a year earlier.
    rows = dev_warehouse.execute(
        """SELECT f.period_end, f.months, f.value FROM financial_facts f JOIN documents d USING (doc_id)
           WHERE d.source_path LIKE '%kamada-q1-results%' AND f.concept = 'Revenues' AND NOT f.is_guidance
           ORDER BY f.period_end"""
    ).fetchall()
    assert [(str(e), m, v) for e, m, v in rows] == [("2024-03-31", 3, 37_700_000), ("2025-03-31", 3, 44_000_000)]
