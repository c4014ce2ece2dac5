"""The end-of-run summary, read back from the warehouse (read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RunSummary:
    warehouse: Path
    read: int = 0
    rejected: int = 0
    rejections: list[tuple[str, str]] = field(default_factory=list)
    sections: int = 0
    financial_facts: int = 0
    deals: int = 0
    pipeline_facts: int = 0
    drugs: int = 0
    checks_evaluated: int = 0
    checks_failed: int = 0
    failures: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def render(self, seconds: float) -> str:
        lines = [
            f"pressroom: run finished in {seconds:.1f}s",
            f"  documents        {self.read} read, {self.rejected} rejected",
        ]
        lines += [f"    rejected {path}: {reason}" for path, reason in self.rejections[:10]]
        lines += [
            f"  sections         {self.sections}",
            f"  financial facts  {self.financial_facts} (+ {self.deals} deal terms)",
            f"  pipeline facts   {self.pipeline_facts} on {self.drugs} drugs",
            f"  quality checks   {self.checks_evaluated - self.checks_failed} passed, {self.checks_failed} failed",
        ]
        for check, doc, subject, observed, expected in self.failures[:10]:
            lines.append(f"    FAILED {check} [{doc}] {subject}: observed {observed}, expected {expected}")
        if self.checks_failed > len(self.failures[:10]):
            lines.append(f"    ... {self.checks_failed - 10} more: SELECT * FROM quality_results WHERE NOT passed")
        lines += [
            f"  warehouse        {self.warehouse}",
            f'  query it with    pressroom query "SELECT * FROM document_quality" --warehouse {self.warehouse}',
        ]
        return "\n".join(lines)


def summarize(warehouse: Path) -> RunSummary:
    import duckdb

    s = RunSummary(warehouse=warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as conn:

        def one(sql: str) -> int:
            return conn.execute(sql).fetchone()[0]

        s.read = one("SELECT count(*) FROM documents WHERE status = 'read'")
        s.rejected = one("SELECT count(*) FROM documents WHERE status = 'rejected'")
        s.rejections = conn.execute(
            "SELECT source_path, reject_reason FROM documents WHERE status = 'rejected' ORDER BY source_path"
        ).fetchall()
        s.sections = one("SELECT count(*) FROM sections")
        s.financial_facts = one("SELECT count(*) FROM financial_facts")
        s.deals = one("SELECT count(*) FROM deals")
        s.pipeline_facts = one("SELECT count(*) FROM pipeline_facts")
        s.drugs = one("SELECT count(DISTINCT drug) FROM pipeline_facts")
        s.checks_evaluated = one("SELECT count(*) FROM quality_results")
        s.checks_failed = one("SELECT count(*) FROM quality_results WHERE NOT passed")
        s.failures = conn.execute(
            """SELECT check_name, doc_id, subject, observed, expected FROM quality_results
               WHERE NOT passed ORDER BY severity, check_name, doc_id, subject LIMIT 10"""
        ).fetchall()
    return s
