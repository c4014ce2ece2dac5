"""Corrupted copies of the earnings release are flagged on the right release,
with the right subject, through the whole pipeline; the faithful copy stays clean."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from assets.quality import quality_checks
from pipelines.definitions import ASSETS
from pipelines.resources import InboxResource
from tests.conftest import seed_path


def _replace_in_line(text: str, line_start: str, old: str, new: str) -> str:
    """Change ``old`` to ``new`` in the one line that starts with ``line_start``."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(line_start) and old in line]
    assert len(hits) == 1, (line_start, old)
    lines[hits[0]] = lines[hits[0]].replace(old, new, 1)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    original = seed_path("000").read_text(encoding="utf-8")
    inbox = tmp_path_factory.mktemp("inbox")
    copies = {
        "faithful": original,
        "total": _replace_in_line(original, "Total assets", "153,805", "153,905"),
        "narrative": original.replace("a net loss of \\$14.2 million", "a net loss of \\$15.2 million", 1),
        "revenue_line": _replace_in_line(original, "Research and development support", "2,005 866", "2,005 966"),
    }
    assert copies["narrative"] != original
    for name, text in copies.items():
        (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
    warehouse = tmp_path_factory.mktemp("wh") / "w.duckdb"
    result = dg.materialize(
        [*ASSETS, *quality_checks],
        resources={"inbox": InboxResource(path=str(inbox)), "duckdb": DuckDBResource(database=str(warehouse))},
    )
    assert result.success  # findings are not run failures
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        rows = conn.execute(
            """SELECT regexp_extract(d.source_path, '([a-z_]+)\\.txt$', 1) AS copy, q.check_name, q.subject
               FROM quality_results q JOIN documents d USING (doc_id) WHERE NOT q.passed"""
        ).fetchall()
        statuses = conn.execute(
            """SELECT regexp_extract(d.source_path, '([a-z_]+)\\.txt$', 1), f.concept, f.period_end, f.months, f.source
               FROM financial_facts f JOIN documents d USING (doc_id) WHERE f.status = 'flagged'"""
        ).fetchall()
    failures: dict[str, set[tuple[str, str]]] = {}
    for copy, check, subject in rows:
        failures.setdefault(copy, set()).add((check, subject))
    return failures, statuses, result


def test_faithful_copy_is_clean(flagged):
    failures, statuses, _ = flagged
    assert "faithful" not in failures
    assert not [s for s in statuses if s[0] == "faithful"]


def test_changed_total_fails_the_balance_sheet_of_that_date(flagged):
    failures, statuses, _ = flagged
    subjects = {s for check, s in failures["total"] if check == "accounting_identities"}
    assert subjects and all(s.startswith("Assets 2010-12-31") for s in subjects)
    assert any("LiabilitiesAndStockholdersEquity" in s for s in subjects)
    assert ("total", "Assets", "2010-12-31", 0, "table") in {(c, k, str(e), m, s) for c, k, e, m, s in statuses}


def test_changed_narrative_figure_disagrees_with_the_table(flagged):
    failures, _, _ = flagged
    assert failures["narrative"] == {("text_agrees_with_table", "NetIncomeLoss 3M to 2010-12-31 text vs table")}


def test_changed_revenue_line_breaks_the_revenue_sum(flagged):
    failures, _, _ = flagged
    subjects = {s for check, s in failures["revenue_line"] if check == "accounting_identities"}
    assert subjects and all(s.startswith("Revenues 3M to 2010-12-31") for s in subjects)
    # The narrative's $0.9 million is now 66,000 away from the table's 966,000: also a true finding.
    assert ("text_agrees_with_table", "LicenseAndMilestoneFeesRevenue 3M to 2010-12-31 text vs table") in failures[
        "revenue_line"]


def test_findings_are_warnings_not_blocking(flagged):
    _, _, result = flagged
    failed = {e.check_name for e in result.get_asset_check_evaluations() if not e.passed}
    assert failed == {"accounting_identities", "text_agrees_with_table"}
    assert all(e.severity == dg.AssetCheckSeverity.WARN for e in result.get_asset_check_evaluations()
               if not e.passed)
