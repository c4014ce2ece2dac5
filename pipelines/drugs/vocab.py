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
def regulatory_any() -> re.Pattern[str]:
    """All regulatory patterns as one alternation: its search finds nothing exactly when
    none of ``regulatory()`` finds anything, so a span without events costs one scan."""
    return re.compile(r"(?<![\w-])(?:" + "|".join("(?:" + r["pattern"] + ")" for r in _rows("regulatory.csv")) + r")(?![\w])", re.I)


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


def _first_chars(pattern: str, flags: int) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with, or None when
    that is not known (a category, a negated set, any character, a back-reference,
    a non-ASCII literal, or a pattern that can match the empty string).

    Used to jump a scanner from one possible start to the next instead of
    letting ``re`` try its whole alternation at every position.
    """
    from re import _constants as C, _parser as P

    ignore = bool(flags & re.I)

    def add(out: set[str], code: int) -> bool:
        ch = chr(code)
        if code > 127:
            # non-ASCII starts always go to the full scanner; under IGNORECASE such a
            # literal may also match an ASCII letter (KELVIN SIGN and "k")
            return not ignore
        out.add(ch)
        if ignore:
            out.add(ch.lower())
            out.add(ch.upper())
        return True

    def seq(items) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for op, av in items:
            got, nullable = one(op, av)
            if got is None:
                return None, False
            out |= got
            if not nullable:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str] | None, bool]:
        if op is C.LITERAL:
            s: set[str] = set()
            return (s, False) if add(s, av) else (None, False)
        if op is C.IN:
            s = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    if not add(s, iav):
                        return None, False
                elif iop is C.RANGE:
                    lo, hi = iav
                    if hi > 127 and ignore:
                        return None, False
                    for c in range(lo, min(hi, 127) + 1):
                        add(s, c)
                else:
                    return None, False
            return s, False
        if op is C.SUBPATTERN:
            _g, add_flags, del_flags, p = av
            if (add_flags | del_flags) & re.I:
                return None, False
            return seq(p)
        if op is C.ATOMIC_GROUP:
            return seq(av)
        if op is C.BRANCH:
            s = set()
            nullable = False
            for p in av[1]:
                got, n = seq(p)
                if got is None:
                    return None, False
                s |= got
                nullable = nullable or n
            return s, nullable
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, p = av
            got, n = seq(p)
            if got is None:
                return None, False
            return got, n or lo == 0
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return set(), True  # zero-width: consumes nothing, restricts nothing here
        return None, False

    chars, nullable = seq(P.parse(pattern, flags))
    if chars is None or nullable:
        return None
    return frozenset(chars)


@lru_cache(maxsize=None)
def indication_long_starts() -> re.Pattern[str] | None:
    """Positions where the long-form scanner of ``indication_scanners`` can match:
    a possible first character (or any non-ASCII one) not preceded by a word
    character or hyphen. None when the first characters are not known."""
    long_re = indication_scanners()[0]
    first = _first_chars(long_re.pattern, long_re.flags)
    if first is None:
        return None
    cls = "".join(re.escape(c) for c in sorted(first))
    return re.compile(r"(?<![\w-])[" + cls + r"\u0080-\U0010ffff]")


@lru_cache(maxsize=None)
def indication_long_by_first() -> dict[str, re.Pattern[str]] | None:
    """ASCII first character -> the long-form scanner of ``indication_scanners``
    reduced to the alternatives that can start with it (same order, same group
    names), so a match at a position starting with that character is the same
    match. None when some alternative's first characters are not known."""
    long_re = indication_scanners()[0]
    rows = _rows("indications.csv")
    longs = [(len(r["pattern"]), f"(?P<i{i}>{r['pattern']})") for i, r in enumerate(rows) if r["pattern"]]
    alts = [p for _n, p in sorted(longs, key=lambda t: -t[0])]
    firsts = []
    for p in alts:
        f = _first_chars(p, long_re.flags)
        if f is None:
            return None
        firsts.append(f)
    out: dict[str, re.Pattern[str]] = {}
    for c in sorted(set().union(*firsts)):
        keep = [p for p, f in zip(alts, firsts) if c in f]
        out[c] = re.compile(r"(?<![\w-])(?:" + "|".join(keep) + r")(?![\w])", long_re.flags)
    return out


def _dispatch(alts: list[str], flags: int) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]] | None:
    """For ``(?<![\\w-])(?:alt0|alt1|...)(?![\\w])``: a regex of the positions where it
    can match, and per ASCII first character the same scanner reduced to the
    alternatives that can start with that character (same order, same groups)."""
    firsts = []
    for p in alts:
        f = _first_chars(p, flags)
        if f is None:
            return None
        firsts.append(f)
    chars = sorted(set().union(*firsts))
    starts = re.compile(r"(?<![\w-])[" + "".join(re.escape(c) for c in chars) + r"\u0080-\U0010ffff]")
    by_first = {
        c: re.compile(r"(?<![\w-])(?:" + "|".join(p for p, f in zip(alts, firsts) if c in f) + r")(?![\w])", flags)
        for c in chars
    }
    return starts, by_first


@lru_cache(maxsize=None)
def target_dispatch() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]] | None:
    """``_dispatch`` of the scanner of ``targets()``."""
    return _dispatch([f"(?P<t{i}>{r['pattern']})" for i, r in enumerate(_rows("targets.csv"))], 0)
