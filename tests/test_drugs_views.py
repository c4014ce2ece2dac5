"""drug_timeline and drug_status over the seed extraction, in an in-memory DuckDB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

try:  # works whether or not tests/ is a package
    from tests.conftest import seed_path
except ImportError:
    from conftest import seed_path
from pipelines.document import prepare
from pipelines.drugs import canonicalize, extract_pipeline_facts
from pipelines.model import PipelineFact

VIEWS = Path(__file__).resolve().parents[1] / "warehouse" / "drug_views.sql"
DATES = {
    "000": date(2011, 1, 27),
    "001": date(2012, 3, 30),
    "002": date(2010, 8, 27),
    "003": None,
    "004": date(2011, 6, 14),
}

TABLES = """
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, release_date DATE, company VARCHAR, title VARCHAR);
CREATE TABLE pipeline_facts (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR, section_no INTEGER, drug VARCHAR, kind VARCHAR,
    value VARCHAR, indication VARCHAR, detail VARCHAR, expected_start DATE, expected_end DATE, evidence VARCHAR,
    char_start INTEGER, char_end INTEGER);
"""


def _insert(con, doc_id: str, release: date | None, company: str, facts: list[PipelineFact]) -> None:
    con.execute("INSERT INTO documents VALUES (?, ?, ?, ?)", [doc_id, release, company, None])
    for i, f in enumerate(facts):
        con.execute(
            "INSERT INTO pipeline_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f"{doc_id}-{i}", doc_id, f.section_no, f.drug, f.kind, f.value, f.indication, f.detail,
             f.expected_start, f.expected_end, f.evidence, f.char_start, f.char_end],
        )


@pytest.fixture(scope="module")
def con():
    per_doc = []
    for prefix, release in DATES.items():
        doc = prepare(prefix, seed_path(prefix).read_text(encoding="utf-8"))
        doc.release_date = release
        facts, aliases = extract_pipeline_facts(doc)
        per_doc.append((prefix, facts, aliases))
    by_doc, _aliases = canonicalize(per_doc)
    c = duckdb.connect(":memory:")
    c.execute(TABLES)
    for prefix, facts in by_doc.items():
        _insert(c, prefix, DATES[prefix], "ImmunoGen, Inc.", facts)
    c.execute(VIEWS.read_text(encoding="utf-8"))
    yield c
    c.close()


def test_imgn901_sclc_timeline_goes_phase_1_2_then_phase_2(con):
    rows = con.execute(
        "SELECT release_date, phase FROM drug_timeline WHERE drug = 'IMGN901' AND indication = 'SCLC' "
        "AND release_date IS NOT NULL ORDER BY release_date"
    ).fetchall()
    assert rows == [(date(2011, 1, 27), "Phase 1/2"), (date(2012, 3, 30), "Phase 2")]


def test_timeline_has_one_row_per_drug_indication_release_with_evidence(con):
    dupes = con.execute(
        "SELECT count(*) FROM (SELECT drug, indication, doc_id FROM drug_timeline "
        "GROUP BY ALL HAVING count(*) > 1)"
    ).fetchone()[0]
    assert dupes == 0
    ev = con.execute(
        "SELECT evidence FROM drug_timeline WHERE drug = 'IMGN901' AND indication = 'SCLC' AND doc_id = '000'"
    ).fetchone()[0]
    assert "Phase I/II" in ev


def test_undated_release_sorts_first_in_timeline(con):
    rows = con.execute(
        "SELECT doc_id, release_date FROM drug_timeline WHERE drug = 'IMGN901' AND indication = 'SCLC'"
    ).fetchall()
    assert rows[0] == ("003", None)


def test_status_says_phase_2_for_imgn901_in_sclc(con):
    row = con.execute(
        "SELECT phase, as_of, doc_id, company FROM drug_status WHERE drug = 'IMGN901' AND indication = 'SCLC'"
    ).fetchone()
    assert row == ("Phase 2", date(2012, 3, 30), "001", "ImmunoGen, Inc.")


def test_status_ignores_undated_release_when_a_dated_one_exists(con):
    # 003 (no date) says T-DM1 is Filed; the dated releases say Phase 3
    row = con.execute(
        "SELECT phase, as_of FROM drug_status WHERE drug = 'T-DM1' AND indication IS NULL"
    ).fetchone()
    assert row == ("Phase 3", date(2012, 3, 30))


def test_status_covers_preclinical_compounds(con):
    got = dict(con.execute(
        "SELECT drug, phase FROM drug_status WHERE drug IN ('IMGN529', 'IMGN853') AND indication IS NOT NULL"
    ).fetchall())
    assert got == {"IMGN529": "Preclinical", "IMGN853": "Preclinical"}
