"""The inbox sensor's memory: only real content changes count."""

import os

from pipelines.inbox_state import changes, dump_cursor, list_inbox, load_cursor, snapshot


def test_new_changed_removed_and_touched_files(tmp_path):
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("beta")
    (tmp_path / ".hidden").write_text("ignored")

    first = snapshot(tmp_path, {})
    assert sorted(first) == ["a.txt", "sub/b.md"]
    assert changes({}, first) == ["a.txt", "sub/b.md"]

    # Same bytes with a new mtime: re-hashed, but not a change.
    st = os.stat(tmp_path / "a.txt")
    os.utime(tmp_path / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    second = snapshot(tmp_path, load_cursor(dump_cursor(first)))
    assert changes(first, second) == []

    (tmp_path / "a.txt").write_text("alpha, edited")
    (tmp_path / "sub" / "b.md").unlink()
    (tmp_path / "c.html").write_text("<p>gamma</p>")
    third = snapshot(tmp_path, second)
    assert changes(second, third) == ["a.txt", "c.html", "sub/b.md"]


def test_list_inbox_skips_hidden_and_missing(tmp_path):
    assert list_inbox(tmp_path / "nope") == []
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    (tmp_path / "r.txt").write_text("r")
    assert [p.name for p in list_inbox(tmp_path)] == ["r.txt"]
