"""Dagster resources: where the inbox is. The warehouse is dagster-duckdb's DuckDBResource."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_INBOX = Path(__file__).resolve().parent / "sample_inbox"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "pressroom.duckdb"


def default_inbox() -> Path:
    return Path(os.environ.get("PRESSROOM_INBOX", SAMPLE_INBOX))


def default_warehouse() -> Path:
    return Path(os.environ.get("PRESSROOM_WAREHOUSE", DEFAULT_WAREHOUSE))


class InboxResource(dg.ConfigurableResource):
    """The folder of releases to read (recursively)."""

    path: str

    def root(self) -> Path:
        return Path(self.path).expanduser().resolve()
