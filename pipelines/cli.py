"""`pressroom`: run the whole pipeline through Dagster, or query the warehouse.

    pressroom run [--inbox DIR] [--warehouse FILE] [--strict]
    pressroom query "SELECT ..." [--warehouse FILE]

Exit codes: 0 the run worked (data-quality findings are recorded, not fatal);
3 with --strict when any check failed; 2 bad input (missing inbox, warehouse
not writable or locked by another process); 1 the run itself failed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import warnings
from pathlib import Path

EXIT_OK, EXIT_RUN_FAILED, EXIT_BAD_INPUT, EXIT_CHECKS_FAILED = 0, 1, 2, 3


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


def _check_inbox(inbox: Path) -> Path:
    if not inbox.exists():
        raise CliError(f"inbox not found: {inbox}")
    if not inbox.is_dir():
        raise CliError(f"inbox is not a folder: {inbox}")
    return inbox.resolve()


def _check_warehouse(path: Path) -> Path:
    """Open and close the warehouse once, so a lock or a read-only folder is
    reported in one line before Dagster starts."""
    import duckdb

    path = path.expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CliError(f"cannot create the warehouse folder {path.parent}: {e.strerror or e}") from None
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        raise CliError(f"warehouse folder is not writable: {path.parent}")
    try:
        duckdb.connect(str(path)).close()
    except duckdb.IOException as e:
        message = str(e)
        if "lock" in message.lower():
            raise CliError(f"warehouse {path} is locked by another process (close it and retry)") from None
        raise CliError(f"cannot open warehouse {path}: {message.splitlines()[0]}") from None
    except duckdb.Error as e:
        raise CliError(f"cannot open warehouse {path}: {str(e).splitlines()[0]}") from None
    return path


def _progress_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    log = logging.getLogger("pressroom.progress")
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


def _first_failure(result) -> str:
    for event in result.all_events:
        if event.is_failure and event.step_key:
            error = getattr(event.event_specific_data, "error", None)
            # Dagster wraps the user's exception: report the innermost cause.
            while error is not None and error.cause is not None:
                error = error.cause
            reason = error.message.strip().splitlines()[0] if error else event.message
            return f"step {event.step_key} failed: {reason}"
    return "the run failed"


def run(inbox: Path, warehouse_path: Path, strict: bool) -> int:
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.summary import summarize

    inbox = _check_inbox(inbox)
    warehouse_path = _check_warehouse(warehouse_path)
    _progress_to_stderr()
    warnings.filterwarnings("ignore", category=dg.BetaWarning)
    warnings.filterwarnings("ignore", category=dg.PreviewWarning)
    print(f"pressroom: {inbox} -> {warehouse_path}", file=sys.stderr)
    started = time.perf_counter()
    job = build_definitions(inbox, warehouse_path).resolve_job_def("pressroom_job")
    result = job.execute_in_process(
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
        # Dagster's own event log would drown the progress lines.
        run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
    )
    elapsed = time.perf_counter() - started
    if not result.success:
        print(f"pressroom: error: {_first_failure(result)}", file=sys.stderr)
        return EXIT_RUN_FAILED
    summary = summarize(warehouse_path)
    print(summary.render(elapsed))
    if strict and summary.checks_failed:
        return EXIT_CHECKS_FAILED
    return EXIT_OK


def query(sql: str, warehouse_path: Path) -> int:
    import duckdb

    path = warehouse_path.expanduser().resolve()
    if not path.exists():
        raise CliError(f"warehouse not found: {path} (run `pressroom run` first)")
    try:
        with duckdb.connect(str(path), read_only=True) as conn:
            frame = conn.execute(sql).df()
    except duckdb.Error as e:
        raise CliError(str(e).splitlines()[0]) from None
    print(frame.to_string(index=False, max_colwidth=60, na_rep="NULL") if len(frame) else "(no rows)")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    from pipelines.resources import default_inbox, default_warehouse

    parser = argparse.ArgumentParser(prog="pressroom", description="Press releases to a DuckDB warehouse of facts.")
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="read the inbox and build the warehouse through Dagster")
    run_p.add_argument("--inbox", type=Path, default=None, help="folder of releases (default: the sample inbox)")
    run_p.add_argument("--warehouse", type=Path, default=None, help="DuckDB file (default: warehouse/pressroom.duckdb)")
    run_p.add_argument("--strict", action="store_true", help="exit 3 when any data-quality check failed")
    q_p = sub.add_parser("query", help="run one SQL statement on the warehouse, read-only")
    q_p.add_argument("sql")
    q_p.add_argument("--warehouse", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return run(args.inbox or default_inbox(), args.warehouse or default_warehouse(), args.strict)
        return query(args.sql, args.warehouse or default_warehouse())
    except CliError as e:
        print(f"pressroom: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
