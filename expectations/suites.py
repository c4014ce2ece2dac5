"""The suites, in the order the warehouse wants them run, and ``run_all``."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import pandas as pd

from .check_keys import documents_complete, no_duplicate_facts
from .check_numbers import accounting_identities, text_agrees_with_table
from .check_periods import periods
from .check_provenance import provenance
from .check_signs import signs_and_scale
from .check_vocabulary import pipeline_vocabulary
from .frames import normalise
from .gx_runner import GXRunner, shared_runner
from .results import SuiteResult

Suite = Callable[..., SuiteResult]

# Blocking checks first: if the pipeline is broken the rest is noise.
SUITES: dict[str, Suite] = {
    "documents_complete": documents_complete,
    "no_duplicate_facts": no_duplicate_facts,
    "accounting_identities": accounting_identities,
    "text_agrees_with_table": text_agrees_with_table,
    "signs_and_scale": signs_and_scale,
    "periods": periods,
    "provenance": provenance,
    "pipeline_vocabulary": pipeline_vocabulary,
}

BLOCKING = frozenset({"documents_complete", "no_duplicate_facts"})

def run_suite(
    name: str, frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    """Run one suite by its check name (``SUITES`` keys)."""
    try:
        suite = SUITES[name]
    except KeyError:
        raise KeyError(f"unknown expectation suite {name!r}; known: {', '.join(SUITES)}") from None
    t0 = time.perf_counter()
    result = suite(frames, runner=runner or shared_runner())
    result.summary["seconds"] = round(time.perf_counter() - t0, 3)
    return result


def run_all(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> list[SuiteResult]:
    """Every suite on the same frames, sharing one GX context (it is slow to create)."""
    runner = runner or shared_runner()
    frames = normalise(frames)
    return [run_suite(name, frames, runner=runner) for name in SUITES]


def results_frame(results: list[SuiteResult]) -> pd.DataFrame:
    """All rows of all suites, ready for quality_results (add run_id, checked_at)."""
    frames = [r.rows for r in results if len(r.rows)]
    if not frames:
        from .results import RESULT_COLUMNS

        return pd.DataFrame(columns=RESULT_COLUMNS)
    return pd.concat(frames, ignore_index=True)
