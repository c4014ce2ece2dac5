"""Data-quality expectations that prove the warehouse's numbers.

Pure functions over the warehouse tables as pandas DataFrames; the Dagster
asset checks call them. Each suite is ``suite(frames, *, runner=None) ->
SuiteResult``; ``run_all(frames)`` runs them all with one shared GX context.

Great Expectations is imported only when a suite actually runs (see
``gx_runner``), so importing this package stays fast for the Dagster
webserver and daemon.
"""

from .check_keys import documents_complete, no_duplicate_facts
from .check_numbers import accounting_identities, text_agrees_with_table
from .check_periods import periods
from .check_provenance import provenance
from .check_signs import signs_and_scale
from .check_vocabulary import pipeline_vocabulary
from .gx_runner import GXRunner
from .results import RESULT_COLUMNS, SuiteResult
from .suites import BLOCKING, SUITES, results_frame, run_all, run_suite, shared_runner

__all__ = [
    "BLOCKING",
    "GXRunner",
    "RESULT_COLUMNS",
    "SUITES",
    "SuiteResult",
    "accounting_identities",
    "documents_complete",
    "no_duplicate_facts",
    "periods",
    "pipeline_vocabulary",
    "provenance",
    "results_frame",
    "run_all",
    "run_suite",
    "shared_runner",
    "signs_and_scale",
    "text_agrees_with_table",
]
