"""The code location loads, with everything the UI and daemon need, and opens nothing."""

import dagster as dg

from pipelines.definitions import build_definitions, defs


def test_definitions_load_with_assets_checks_job_schedule_sensor(tmp_path):
    d = build_definitions(tmp_path / "inbox", tmp_path / "w.duckdb")
    dg.Definitions.validate_loadable(d)
    repo = d.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert keys == {"raw_documents", "cleaned_sections", "financial_facts", "pipeline_facts", "warehouse"}
    checks = {k.name for k in repo.asset_graph.asset_check_keys}
    assert checks == {
        "documents_complete", "no_duplicate_facts", "accounting_identities", "text_agrees_with_table",
        "signs_and_scale", "periods", "provenance", "pipeline_vocabulary",
    }
    assert d.resolve_job_def("pressroom_job") is not None
    assert d.resolve_schedule_def("pressroom_daily").cron_schedule == "0 6 * * *"
    assert d.resolve_sensor_def("inbox_sensor") is not None
    # Loading the location must not create the warehouse file.
    assert not (tmp_path / "w.duckdb").exists()


def test_module_level_defs_is_what_dagster_dev_loads():
    assert isinstance(defs, dg.Definitions)


def test_blocking_checks_are_the_pipeline_breakers():
    from assets.quality import SPECS

    assert {s.name for s in SPECS if s.blocking} == {"documents_complete", "no_duplicate_facts"}


def test_inbox_sensor_requests_once_per_change(tmp_path):
    from pipelines.automation import inbox_sensor
    from pipelines.resources import InboxResource

    (tmp_path / "a.txt").write_text("first release")
    inbox = InboxResource(path=str(tmp_path))
    ctx = dg.build_sensor_context(resources={"inbox": inbox})
    first = inbox_sensor(ctx)
    assert len(first.run_requests) == 1
    ctx = dg.build_sensor_context(cursor=first.cursor, resources={"inbox": inbox})
    again = inbox_sensor(ctx)
    assert not again.run_requests
    (tmp_path / "b.md").write_text("# second release")
    ctx = dg.build_sensor_context(cursor=again.cursor, resources={"inbox": inbox})
    third = inbox_sensor(ctx)
    assert len(third.run_requests) == 1
    assert third.run_requests[0].run_key != first.run_requests[0].run_key
