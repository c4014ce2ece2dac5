"""What the inbox holds now, compared with what the sensor saw last time.

The state is path -> [size, mtime_ns, sha256]. A file is only re-hashed when
its size or mtime moved, and only a different hash (or a new or removed path)
counts as a change: touching a file, or copying it over with the same bytes,
never triggers a run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def list_inbox(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, sorted: what a run reads."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def snapshot(root: Path, previous: dict[str, list]) -> dict[str, list]:
    state: dict[str, list] = {}
    for path in list_inbox(root):
        stat = path.stat()
        key = path.relative_to(root).as_posix()
        old = previous.get(key)
        if old and old[0] == stat.st_size and old[1] == stat.st_mtime_ns:
            state[key] = old
        else:
            state[key] = [stat.st_size, stat.st_mtime_ns, _sha256(path)]
    return state


def changes(previous: dict[str, list], current: dict[str, list]) -> list[str]:
    """Paths added, removed, or whose content hash differs."""
    keys = set(previous) | set(current)
    return sorted(
        k for k in keys
        if k not in previous or k not in current or previous[k][2] != current[k][2]
    )


def load_cursor(cursor: str | None) -> dict[str, list]:
    return json.loads(cursor) if cursor else {}


def dump_cursor(state: dict[str, list]) -> str:
    return json.dumps(state, sort_keys=True, separators=(",", ":"))
