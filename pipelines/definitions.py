"""The pressroom code location: assets, checks, job, schedule, sensor, resources.

Importing this opens no connection and reads no file: the UI and the daemon
import it often. Paths come from PRESSROOM_INBOX / PRESSROOM_WAREHOUSE, else
the bundled sample inbox and warehouse/pressroom.duckdb.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.cleaned_sections import cleaned_sections
from assets.financial_facts import financial_facts
from assets.pipeline_facts import pipeline_facts
from assets.quality import quality_checks
from assets.raw_documents import raw_documents
from assets.warehouse import warehouse
from pipelines.automation import daily_schedule, inbox_sensor, pressroom_job
from pipelines.resources import InboxResource, default_inbox, default_warehouse

ASSETS = [raw_documents, cleaned_sections, financial_facts, pipeline_facts, warehouse]


def build_definitions(inbox: Path | None = None, warehouse_path: Path | None = None) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=quality_checks,
        jobs=[pressroom_job],
        schedules=[daily_schedule],
        sensors=[inbox_sensor],
        resources={
            "inbox": InboxResource(path=str(inbox or default_inbox())),
            "duckdb": DuckDBResource(database=str(warehouse_path or default_warehouse())),
        },
    )


defs = build_definitions()
