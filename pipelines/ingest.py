"""Read inbox files into RawDocuments: decode text, turn HTML and PDF into text.

Nothing here raises on bad input: a file we cannot read becomes a RawDocument
with ``status='rejected'`` and a reason, so one broken upload never stops a run.
The text is not cleaned here (see ``pipelines.clean``); only decoding, mojibake
repair and line-ending normalisation happen, so ``raw_text`` stays faithful.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import stat
from functools import lru_cache
from pathlib import Path

from pipelines.ingest_decode import RejectedInput, decode_bytes
from pipelines.model import RawDocument

MAX_BYTES = 25 * 1024 * 1024

# Suffix -> format name; everything else is rejected as unsupported.
FORMATS = {".txt": "txt", ".md": "md", ".htm": "html", ".html": "html", ".pdf": "pdf"}


def scan_inbox(inbox: Path) -> list[RawDocument]:
    """Every non-hidden regular file under ``inbox``, read (or rejected),
    sorted by path. Symlinked directories are not followed."""
    root = Path(inbox)
    if not root.is_dir():
        return []
    root = Path(_resolved(root))
    found: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_log_walk_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if name.startswith(".") or not path.is_file():  # no FIFOs, sockets, broken links
                continue
            # Under a resolved root, walked without following directory links,
            # only a file symlink still needs resolving (resolve() is slow).
            found.append((path, _resolved(path) if path.is_symlink() else str(path)))
    found.sort()
    return [_read(path, source_path) for path, source_path in found]


def _log_walk_error(error: OSError) -> None:
    # An unreadable sub-directory must not hide the rest of the inbox.
    logging.getLogger(__name__).warning("scan_inbox: %s", error)


def _resolved(path: Path) -> str:
    """str(path.resolve()), with the directory part cached: resolve() stats
    every component, which costs more than reading a small release. A file
    that is itself a symlink is resolved in full."""
    try:
        # ".." must be resolved physically (after symlinks), not lexically.
        if path.name in ("", ".", "..") or ".." in path.parts or path.is_symlink():
            return str(path.resolve())
        return os.path.join(_resolved_directory(os.path.abspath(path.parent)), path.name)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path.absolute())


@lru_cache(maxsize=256)
def _resolved_directory(directory: str) -> str:
    return os.path.realpath(directory)


def doc_id_for(source_path: str, sha256: str) -> str:
    # Path and content together: the same bytes in two places are two documents,
    # and an edited file at the same path is a new document.
    return hashlib.sha256(f"{source_path}\0{sha256}".encode()).hexdigest()[:16]


def read_document(path: Path) -> RawDocument:
    """Read one file; never raises."""
    path = Path(path)
    return _read(path, _resolved(path))


def _read(path: Path, source_path: str) -> RawDocument:
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix, suffix.lstrip(".") or "none")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # Reading a FIFO would block forever; a directory cannot be read.
            kind = "directory" if stat.S_ISDIR(status.st_mode) else "special file"
            return _rejected(source_path, hashlib.sha256(b"").hexdigest(), 0, fmt, f"not a regular file: {kind}")
        size = status.st_size
        if size > MAX_BYTES:
            # Too large to read at all: hash it in chunks for a stable doc_id.
            reason = (f"file too large: {size:,} bytes (limit {MAX_BYTES:,})" if suffix in FORMATS
                      else _unsupported(suffix))
            return _rejected(source_path, _sha256_of_file(path), size, fmt, reason)
        data = path.read_bytes()
    except OSError as e:
        return _rejected(source_path, hashlib.sha256(b"").hexdigest(), 0, fmt, f"{type(e).__name__}: {e}")
    digest = hashlib.sha256(data).hexdigest()
    doc = RawDocument(
        doc_id=doc_id_for(source_path, digest), source_path=source_path, sha256=digest,
        size_bytes=len(data), format=fmt, status="read",
    )
    try:
        doc.raw_text, doc.encoding = _convert(data, suffix)
    except RejectedInput as e:
        _reject(doc, str(e))
    except Exception as e:  # noqa: BLE001 - any parser failure is a rejection, not a crash
        _reject(doc, f"{type(e).__name__}: {e}")
    return doc


def _rejected(source_path: str, digest: str, size: int, fmt: str, reason: str) -> RawDocument:
    return RawDocument(
        doc_id=doc_id_for(source_path, digest), source_path=source_path, sha256=digest,
        size_bytes=size, format=fmt, status="rejected", reject_reason=reason,
    )


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _reject(doc: RawDocument, reason: str) -> None:
    doc.status = "rejected"
    doc.reject_reason = reason
    doc.raw_text = None


def _convert(data: bytes, suffix: str) -> tuple[str, str | None]:
    if suffix not in FORMATS:
        raise RejectedInput(_unsupported(suffix))
    if not data:
        raise RejectedInput("empty file")
    if len(data) > MAX_BYTES:
        raise RejectedInput(f"file too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    if suffix == ".pdf":
        return _pdf_to_text(data), None
    text, encoding = decode_bytes(data)
    if suffix in (".htm", ".html"):
        from pipelines.ingest_html import html_to_text

        return html_to_text(text), encoding
    return text, encoding


def _unsupported(suffix: str) -> str:
    return f"unsupported file type '{suffix or '(none)'}'"


def _pdf_to_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs warnings for every recoverable flaw; they are noise per document.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except PyPdfError as e:
        raise RejectedInput(f"corrupt PDF: {type(e).__name__}: {e}") from e
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise RejectedInput("PDF has no text layer")
    return text.replace("\r\n", "\n").replace("\r", "\n")
