"""Bytes to text: BOMs, BOM-less UTF-16, strict UTF-8, then a detector's guess.

After decoding, mojibake (UTF-8 read as cp1252, e.g. "â€™") is repaired with
ftfy, configured so that it only repairs encodings: it must not straighten
quotes, fold ligatures or normalise characters, because that is the cleaner's
job and ``raw_text`` should stay close to the source.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

FTFY_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text files (tab, LF, VT, FF, CR and
# ESC excluded); TEXT_BYTES is every other byte.
BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
TEXT_BYTES = bytes(b for b in range(256) if b not in BINARY_BYTES)
ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "cp1252"})
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
SAMPLE = 4096
MAX_CONTROL_RATIO = 0.05
MOJIBAKE_LEADS = "\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00e2"
MOJIBAKE = re.compile(
    "[" + MOJIBAKE_LEADS + "][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Non-ASCII characters that cp1252 can produce but Western prose rarely has.
NOT_WESTERN = re.compile(r"[^\x00-\x7f\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u20ac\u2122]|[\u00a4\u00a6\u00a8\u00aa\u00af\u00b8\u00b9\u00bc-\u00be\u00d0\u00de\u00f0\u00fe]")


class RejectedInput(Exception):
    """Input we refuse to read; the message is the reject reason."""


class MalformedInput(RejectedInput):
    """Input that does not parse as the format its content suggested (XML,
    JSON): without that format's suffix it is read as plain text instead."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns (text with LF line ends, encoding name)."""
    text, encoding = _decode(data)
    # For byte-compatible encodings the byte check in _decode has already
    # counted the control characters; UTF-16/32 and guesses need a text check.
    if encoding not in ASCII_COMPATIBLE and _mostly_control(text):
        raise RejectedInput("binary content, not text")
    if _may_be_mojibake(text):
        text = ftfy.fix_text(text, FTFY_ENCODING_ONLY)
    if "\r" in text:  # a one-character test is far cheaper than two replace() passes
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _may_be_mojibake(text: str) -> bool:
    # ftfy costs milliseconds per release; it runs only when a UTF-8 lead
    # character read as cp1252/latin-1 ("Ã", "Â", "â"...) is followed by what
    # a continuation byte turns into ("©", "€", "™"...).
    if text.isascii() or not any(lead in text for lead in MOJIBAKE_LEADS):
        return False
    return bool(MOJIBAKE.search(text))


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:SAMPLE] or _binary_ratio(data) > MAX_CONTROL_RATIO:
        raise RejectedInput("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _as_western_text(data)
    if western is not None:
        return western, "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise RejectedInput("undecodable text: no encoding fits")
    encoding = best.encoding
    return data.decode(encoding, errors="replace"), encoding


def _as_western_text(data: bytes) -> str | None:
    """The cp1252 reading of ``data`` when nearly all its non-ASCII characters
    are Western letters or typographic symbols, else None.

    On short English text detectors often guess a DOS or Central European code
    page (cp775, cp1250); in those, curly quotes and accented Latin letters come
    out as box-drawing or Slavic letters. cp1252 is by far the most common
    non-UTF-8 encoding of press releases, so it wins when its reading is clean.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    unusual = len(NOT_WESTERN.findall(text))
    high = len(NON_ASCII.findall(text))
    return text if high and unusual <= 0.1 * high else None


def _bomless_utf16(data: bytes) -> str | None:
    # ASCII-range text in UTF-16 has a NUL in every other byte; which half holds
    # the NULs tells the byte order.
    sample = data[:SAMPLE]
    # Without a NUL byte neither half can be mostly NULs.
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _binary_ratio(data: bytes) -> float:
    sample = data[:SAMPLE]
    # translate() deleting every allowed byte leaves the control bytes: a
    # C-level count, much faster than a regex over the sample.
    return len(sample.translate(None, TEXT_BYTES)) / max(1, len(sample))


def _mostly_control(text: str) -> bool:
    sample = text[:SAMPLE]
    if not CONTROL_CHARS.search(sample):
        return False
    return len(CONTROL_CHARS.findall(sample)) > MAX_CONTROL_RATIO * max(1, len(sample))
