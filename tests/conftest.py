"""Shared fixtures: where the real corpus lives, and skipping when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
DEV = CORPUS / "dev"
SAMPLE_INBOX = PROJECT / "pipelines" / "sample_inbox"


def _require(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"corpus not found at {path} (the shared corpus sits beside the project)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _require(SEEDS)


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _require(DEV)


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ('000', '001', ...)."""
    _require(SEEDS)
    matches = sorted(SEEDS.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]
