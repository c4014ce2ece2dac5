"""The one place that talks to Great Expectations (GX Core 1.x).

Suites compute, in pandas, a frame of evaluations (one row per thing to
check: an identity, a fact, a file), then hand it here with the GX
expectations that decide pass/fail. We validate the whole frame as a batch of
an in-memory pandas asset and read back which rows GX found unexpected, using
``result_format=COMPLETE`` with ``unexpected_index_column_names`` naming a
key column we add, so each failure maps back to exactly one evaluation row.

GX is imported lazily: importing :mod:`expectations` must stay cheap because
the Dagster webserver and daemon import the code location, and GX alone
takes seconds to import. One :class:`GXRunner` holds one ephemeral context
(nothing written to disk) and is meant to be reused for a whole ``run_all``.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from collections.abc import Sequence
from typing import Any

import pandas as pd

KEY = "_eval_key"

# (expectation class name in great_expectations.expectations, kwargs)
Spec = tuple[str, dict[str, Any]]


def _quiet_gx() -> None:
    # No usage statistics (and no network attempt for them), no chatty logs.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)


class GXRunner:
    def __init__(self) -> None:
        self._context = None
        self._datasource = None
        self._batch_defs: dict[str, Any] = {}
        self._gx = None
        self._gxe = None
        # GX's context and datasource are not meant for concurrent mutation;
        # a shared runner serialises its validations.
        self._lock = threading.RLock()

    # -- setup ---------------------------------------------------------------
    def _ensure(self) -> None:
        if self._context is not None:
            return
        _quiet_gx()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import great_expectations as gx
            import great_expectations.expectations as gxe
            from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx, self._gxe = gx, gxe
        context = gx.get_context(mode="ephemeral")
        try:
            # Explicit as well as the env var, in case GX was imported (and the
            # env read) before we got here. This build sends nothing anyway.
            context.enable_analytics(False)
        except Exception:  # noqa: BLE001 - analytics are optional; never fail a check over them
            pass
        # tqdm bars on every metric calculation would litter Dagster's compute logs.
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self._context = context
        self._datasource = context.data_sources.add_pandas(name="pressroom_checks")

    def _batch_definition(self, asset_name: str):
        bd = self._batch_defs.get(asset_name)
        if bd is None:
            asset = self._datasource.add_dataframe_asset(name=asset_name)
            bd = asset.add_batch_definition_whole_dataframe(f"{asset_name}_whole")
            self._batch_defs[asset_name] = bd
        return bd

    # -- validation ----------------------------------------------------------
    def failing_keys(self, asset_name: str, frame: pd.DataFrame, specs: Sequence[Spec]) -> list[set]:
        """For each spec, the set of ``frame[KEY]`` values GX found unexpected.

        ``frame`` must carry a unique ``KEY`` column. Rows should already be
        restricted to the rows the expectation applies to (the caller decides
        the domain, so that every row it records as an evaluation really was
        evaluated).
        """
        if frame is None or frame.empty or not specs:
            return [set() for _ in specs]
        with self._lock:
            return self._failing_keys(asset_name, frame, specs)

    def _failing_keys(self, asset_name: str, frame: pd.DataFrame, specs: Sequence[Spec]) -> list[set]:
        self._ensure()
        gx, gxe = self._gx, self._gxe

        suite = gx.ExpectationSuite(name=f"{asset_name}_suite")
        for i, (cls_name, kwargs) in enumerate(specs):
            expectation = getattr(gxe, cls_name)(**kwargs, meta={"spec_index": i})
            suite.add_expectation(expectation)

        # Hand GX only the columns the expectations read (plus the key): the
        # evaluation frames also carry lists of fact ids and free text that GX
        # has no business converting.
        cols = [KEY]
        for _, kwargs in specs:
            for name in ("column", "column_A", "column_B"):
                if name in kwargs and kwargs[name] not in cols:
                    cols.append(kwargs[name])
            cols += [c for c in kwargs.get("column_list", ()) if c not in cols]
        batch = self._batch_definition(asset_name).get_batch(
            batch_parameters={"dataframe": frame[cols].reset_index(drop=True)}
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = batch.validate(
                suite,
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [KEY]},
            )

        out: list[set] = [set() for _ in specs]
        for r in result.results:
            i = int(r.expectation_config.meta["spec_index"])
            message = _raised(getattr(r, "exception_info", None))
            if message is not None:
                # A metric that could not be computed is a bug in the suite
                # (a dtype we failed to normalise), not a data failure: say so
                # loudly instead of flagging every fact.
                raise RuntimeError(f"GX could not evaluate {specs[i][0]} on {asset_name}: {message}")
            if r.success:
                continue
            index_list = (r.result or {}).get("unexpected_index_list") or []
            keys = {row[KEY] for row in index_list if isinstance(row, dict) and KEY in row}
            if not keys:
                # Failed without row-level detail (should not happen for the
                # map expectations we use): treat every row as failing rather
                # than silently passing.
                keys = set(frame[KEY])
            out[i] = keys
        return out

    def passed_each(self, asset_name: str, frame: pd.DataFrame, specs: Sequence[Spec]) -> list[list[bool]]:
        """For each spec, per row of ``frame`` (by position): did GX find the row as expected?

        All specs run in one ``batch.validate`` call (one suite), which is
        what keeps a full ``run_all`` within a couple of seconds.
        """
        if frame is None or frame.empty:
            return [[] for _ in specs]
        keyed = frame.reset_index(drop=True).copy()
        keyed[KEY] = range(len(keyed))
        bad = self.failing_keys(asset_name, keyed, specs)
        return [[k not in b for k in keyed[KEY]] for b in bad]

    def passed(self, asset_name: str, frame: pd.DataFrame, spec: Spec) -> list[bool]:
        """Per row of ``frame`` (by position): did GX find it as expected under ``spec``?"""
        return self.passed_each(asset_name, frame, [spec])[0]


_shared: GXRunner | None = None
_shared_lock = threading.Lock()


def shared_runner() -> GXRunner:
    """One GX context per process: creating it (and importing GX) costs seconds,
    so every suite and every Dagster check run in the same process reuses it."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = GXRunner()
        return _shared


def _raised(info: object) -> str | None:
    """The exception message in a GX result's exception_info, if any.

    GX 1.x nests it per metric ({metric_id: {"raised_exception": ...}}); older
    results put it at the top level. Both are handled.
    """
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for v in info.values():
        if isinstance(v, dict) and v.get("raised_exception"):
            return str(v.get("exception_message"))
    return None
