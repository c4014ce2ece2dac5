"""The vocabularies the recognizers use, loaded once from the CSV files beside this module.

Keeping vocabularies as data means a new stem, target or disease is a one-line
change reviewed as data, not as regex surgery in code.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if any((v or "").strip() for v in r.values())]


@lru_cache(maxsize=None)
def inn_stems() -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for r in _rows("inn_stems.csv"):
        excl = frozenset(w.strip().lower() for w in (r.get("exclude") or "").split("|") if w.strip())
        out.append((r["stem"].strip().lower(), excl))
    return tuple(out)


@lru_cache(maxsize=None)
def non_drug_prefixes() -> frozenset[str]:
    return frozenset(r["prefix"].strip().upper() for r in _rows("non_drug_codes.csv"))


@lru_cache(maxsize=None)
def comparators() -> frozenset[str]:
    return frozenset(r["name"].strip().lower() for r in _rows("comparators.csv"))


@lru_cache(maxsize=None)
def targets() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """(names by row, one regex with a named group ``t<row>`` per target)."""
    rows = _rows("targets.csv")
    rx = re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?P<t{i}>{r['pattern']})" for i, r in enumerate(rows)) + r")(?![\w])"
    )
    return tuple(r["target"] for r in rows), rx


@lru_cache(maxsize=None)
def payloads() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (r["payload"], re.compile(r"(?<![\w-])(?:" + r["pattern"] + r")(?![\w])", re.I if r["payload"].islower() else 0))
        for r in _rows("payloads.csv")
    )


@lru_cache(maxsize=None)
def indications() -> tuple[tuple[str, str, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """(canonical, abbreviation, long-form pattern (case-insensitive), abbreviation pattern (case-sensitive))."""
    out = []
    for r in _rows("indications.csv"):
        long = re.compile(r"(?<![\w-])(?:" + r["pattern"] + r")(?![\w])", re.I) if r["pattern"] else None
        abbr = re.compile(r"(?<![\w-])(?:" + r["abbr_pattern"] + r")(?![\w-])") if r["abbr_pattern"] else None
        out.append((r["indication"], r["abbreviation"], long, abbr))
    return tuple(out)


@lru_cache(maxsize=None)
def indications_needing_long_form() -> frozenset[str]:
    """Diseases whose bare abbreviation is ambiguous ("GAD" is also an enzyme, "OA" an access model):
    the abbreviation counts only in a release that also prints the long form."""
    return frozenset(r["indication"] for r in _rows("indications.csv") if (r.get("needs_long") or "").strip() == "1")


@lru_cache(maxsize=None)
def regulatory() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # word-bounded so that "RMAT" does not fire inside "information"
    return tuple((r["value"], re.compile(r"(?<![\w-])(?:" + r["pattern"] + r")(?![\w])", re.I)) for r in _rows("regulatory.csv"))


@lru_cache(maxsize=None)
def non_phase_contexts() -> re.Pattern[str]:
    return re.compile("|".join("(?:" + r["pattern"] + ")" for r in _rows("non_phase_contexts.csv")), re.I)


@lru_cache(maxsize=None)
def indication_scanners() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """One case-insensitive regex for all long forms and one case-sensitive regex
    for all abbreviations, each alternative a named group ``i<row>``.

    Two passes over a sentence instead of two per disease: the per-disease loop
    cost milliseconds per release. Longer patterns come first so that, at one
    position, "non-small cell lung cancer" wins over "lung cancer".
    """
    rows = _rows("indications.csv")
    longs, abbrs = [], []
    for i, r in enumerate(rows):
        if r["pattern"]:
            longs.append((len(r["pattern"]), f"(?P<i{i}>{r['pattern']})"))
        if r["abbr_pattern"]:
            abbrs.append((len(r["abbr_pattern"]), f"(?P<i{i}>{r['abbr_pattern']})"))
    long_re = re.compile(r"(?<![\w-])(?:" + "|".join(p for _n, p in sorted(longs, key=lambda t: -t[0])) + r")(?![\w])", re.I)
    abbr_re = re.compile(r"(?<![\w-])(?:" + "|".join(p for _n, p in sorted(abbrs, key=lambda t: -t[0])) + r")(?![\w-])")
    return long_re, abbr_re, {f"i{i}": i for i in range(len(rows))}


@lru_cache(maxsize=None)
def indication_stems() -> frozenset[str] | None:
    """First four letters of every literal word (>= 4 letters) in the long-form patterns.

    A span none of whose words starts with one of these cannot match any long
    form, so the (slow, ~110-way, case-insensitive) scanner is skipped there.
    None when some pattern has no such word (then the filter would be unsound).
    """
    stems: set[str] = set()
    for r in _rows("indications.csv"):
        if not r["pattern"]:
            continue
        for alt in _top_level_alternatives(r["pattern"]):
            mandatory = re.sub(r"\((?:[^()]|\([^()]*\))*\)\?|\(\?[!<][^()]*\)", " ", alt)  # drop optional groups, lookarounds
            if not re.search(r"[A-Za-z]{4,}", mandatory):
                return None
            stems.update(w[:4].lower() for w in re.findall(r"[A-Za-z]{4,}", alt))
    return frozenset(stems)


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for c in pattern:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    out.append(cur)
    return out
