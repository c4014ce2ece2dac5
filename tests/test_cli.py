"""`pressroom run`: exit codes and the summary a user reads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from pipelines.cli import main
from pipelines.resources import SAMPLE_INBOX


def test_good_run_on_the_sample_inbox(tmp_path, capsys):
    warehouse = tmp_path / "w" / "sample.duckdb"
    assert main(["run", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    read = int(re.search(r"documents\s+(\d+) read, 0 rejected", out).group(1))
    assert read == len([p for p in SAMPLE_INBOX.rglob("*") if p.is_file()])
    assert "quality checks" in out and str(warehouse) in out
    assert int(re.search(r"financial facts\s+(\d+)", out).group(1)) > 0
    assert int(re.search(r"pipeline facts\s+(\d+)", out).group(1)) > 0
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as conn:
        deals = conn.execute(
            """SELECT kind, amount FROM deals JOIN documents USING (doc_id)
               WHERE source_path LIKE '%licensing-deal%' ORDER BY kind"""
        ).fetchall()
    # The sample licensing deal: each term once, though the subheadline repeats two of them.
    assert deals == [("milestone", 35e6), ("potential_milestones", 610e6), ("royalty", None), ("upfront", 40e6)]


def test_missing_inbox_is_a_one_line_error(tmp_path, capsys):
    assert main(["run", "--inbox", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"pressroom: error: inbox not found: {tmp_path / 'nope'}"]


def test_unwritable_warehouse(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["run", "--inbox", str(SAMPLE_INBOX), "--warehouse", str(blocker / "w.duckdb")]) == 2
    assert "pressroom: error:" in capsys.readouterr().err


def test_locked_warehouse(tmp_path, capsys):
    warehouse = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["run", "--inbox", str(SAMPLE_INBOX), "--warehouse", str(warehouse)]) == 2
        assert "locked by another process" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_rejected_files_are_reported_not_fatal(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "deck.pptx").write_bytes(b"PK\x03\x04 not a release")
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"documents\s+\d+ read, 2 rejected", out)
    assert "empty.txt" in out and "deck.pptx" in out


def test_strict_exits_3_when_a_check_fails(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    earnings = next(inbox.glob("*results*.txt"))
    text = earnings.read_text(encoding="utf-8")
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("Total assets"))
    first = re.search(r"\d[\d,]*", lines[i]).group(0)
    lines[i] = lines[i].replace(first, f"{int(first.replace(',', '')) + 100:,}", 1)
    earnings.write_text("\n".join(lines), encoding="utf-8")

    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--strict"]) == 3
    out = capsys.readouterr().out
    assert re.search(r"quality checks\s+\d+ passed, [1-9]\d* failed", out)
    assert "FAILED accounting_identities" in out and "Assets" in out
    # Without --strict the same findings are recorded but the run succeeded.
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(warehouse)]) == 0
