"""What every suite returns, and the helpers that build it.

A suite evaluates many small things (one identity, one fact's sign, one
inbox file). Each evaluation becomes one ``quality_results`` row, passed or
not, so the warehouse records what was proven as well as what failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# quality_results minus run_id/checked_at, which the caller stamps.
RESULT_COLUMNS = ["check_name", "doc_id", "subject", "passed", "severity", "observed", "expected"]

MAX_FIRST_FAILURES = 5


@dataclass
class SuiteResult:
    check_name: str
    rows: pd.DataFrame
    # financial_facts.fact_id values to mark status='flagged' (never deleted).
    flagged_fact_ids: set[str] = field(default_factory=set)
    passed: bool = True
    # True only for checks whose failure means the pipeline itself is broken
    # (a constant of the check, not of this run).
    blocking: bool = False
    summary: dict = field(default_factory=dict)
    # pipeline_facts.fact_id values implicated in failures; kept apart from
    # flagged_fact_ids because pipeline_facts has no status column and its ids
    # are a separate namespace.
    flagged_pipeline_fact_ids: set[str] = field(default_factory=set)

    @property
    def failures(self) -> pd.DataFrame:
        return self.rows[~self.rows["passed"].astype(bool)] if len(self.rows) else self.rows

    @property
    def severity(self) -> str | None:
        """'error' if any failed row is an error, 'warn' if only warnings failed, else None."""
        f = self.failures
        if not len(f):
            return None
        return "error" if (f["severity"] == "error").any() else "warn"


def _txt(v: object, missing: str = "null") -> str:
    return missing if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


class RowCollector:
    """Accumulates evaluation rows and the fact ids their failures implicate."""

    def __init__(self, check_name: str) -> None:
        self.check_name = check_name
        self._rows: list[dict] = []
        self.flagged: set[str] = set()
        self.flagged_pipeline: set[str] = set()

    def add(
        self,
        *,
        doc_id: object,
        subject: str,
        passed: bool,
        severity: str = "error",
        observed: object = None,
        expected: object = None,
        fact_ids: object = (),
        pipeline_fact_ids: object = (),
    ) -> None:
        passed = bool(passed)
        self._rows.append(
            {
                "check_name": self.check_name,
                "doc_id": None if doc_id is None or pd.isna(doc_id) else str(doc_id),
                "subject": subject,
                "passed": passed,
                "severity": severity,
                "observed": None if observed is None else str(observed),
                "expected": None if expected is None else str(expected),
            }
        )
        if not passed:
            self.flagged.update(str(f) for f in fact_ids if f is not None and not pd.isna(f))
            self.flagged_pipeline.update(
                str(f) for f in pipeline_fact_ids if f is not None and not pd.isna(f)
            )

    def result(self, *, blocking: bool = False) -> SuiteResult:
        rows = pd.DataFrame(self._rows, columns=RESULT_COLUMNS)
        rows["passed"] = rows["passed"].astype(bool)
        failed = rows[~rows["passed"]]
        summary = {
            "evaluated": int(len(rows)),
            "failed": int(len(failed)),
            "failed_errors": int((failed["severity"] == "error").sum()),
            "flagged_facts": len(self.flagged),
            "first_failures": [
                f"{_txt(r.doc_id, '-')}: {r.subject} (observed {_txt(r.observed)}, expected {_txt(r.expected)})"
                for r in failed.head(MAX_FIRST_FAILURES).itertuples()
            ],
        }
        return SuiteResult(
            check_name=self.check_name,
            rows=rows,
            flagged_fact_ids=set(self.flagged),
            passed=failed.empty,
            blocking=blocking,
            summary=summary,
            flagged_pipeline_fact_ids=set(self.flagged_pipeline),
        )
