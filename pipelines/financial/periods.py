"""Period expressions in prose, resolved to dates.

A release names its periods in many ways: "2QFY2011", "the second quarter of
the Company's 2011 fiscal year", "three-month period ended December 31, 2010",
"Q1 2025", "as of December 31, 2010", "the same period last year". This module
finds those phrases (``find_periods``) and turns each into concrete
``Period`` values (``resolve``). Fiscal quarters depend on the company's fiscal
year end, which the release itself states ("fiscal year ending June 30, 2011");
without one we assume December.

Relative phrases ("the same period last year", "the year-ago first quarter")
need an *anchor*: the period most recently named before them in the sentence or
paragraph. ``narrative.py`` tracks anchors; here they are just an argument.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:19|20)\d\d"
_DATE = r"(?P<mon>" + _MONTH + r")\s+(?P<day>\d{1,2}),?\s+(?P<yr>" + _YEAR + r")"
_DATE_BARE = r"(?P<mon2>" + _MONTH + r")\s+(?P<day2>\d{1,2}),?\s+(?P<yr2>" + _YEAR + r")"
_DATE_EU_BARE = r"(?P<day>\d{1,2})\.?\s+(?P<mon>" + _MONTH + r")\s+(?P<yr>" + _YEAR + r")"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}


@dataclass(frozen=True)
class Period:
    start: date | None  # None for an instant
    end: date
    months: int  # 0 for an instant
    fiscal_label: str | None = None

    @property
    def is_instant(self) -> bool:
        return self.months == 0

    def as_instant(self) -> "Period":
        return Period(None, self.end, 0, None)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    """First day of the month ``n`` months after ``d``'s month."""
    idx = d.year * 12 + (d.month - 1) + n
    return date(idx // 12, idx % 12 + 1, 1)


def _shift_date(d: date, years: int) -> date:
    # Month ends stay month ends (Feb 28 <-> Feb 29).
    if d == _month_end(d.year, d.month):
        return _month_end(d.year + years, d.month)
    return d.replace(year=d.year + years)


class FiscalCalendar:
    """Fiscal years named by the calendar year they end in (FY2011 ends June 30, 2011)."""

    def __init__(self, end_month: int = 12, stated: bool = True):
        self.end_month = end_month
        # False when the release never says when its fiscal year ends: then a
        # phrase that says "fiscal" ("fiscal Q3 2025", "FY2024") cannot be placed.
        self.stated = stated
        self.ambiguous = False

    def fy_end(self, fy: int) -> date:
        return _month_end(fy, self.end_month)

    def fy_start(self, fy: int) -> date:
        return self.fy_end(fy - 1) + timedelta(days=1)

    def fy_of(self, d: date) -> int:
        return d.year if d.month <= self.end_month else d.year + 1

    def span(self, start: date, months: int) -> Period:
        end = _add_months(start, months) - timedelta(days=1)
        return Period(start, end, months, self.label(start, end, months))

    def quarter(self, fy: int, q: int) -> Period:
        return self.span(_add_months(self.fy_start(fy), 3 * (q - 1)), 3)

    def first_months(self, fy: int, months: int) -> Period:
        return self.span(self.fy_start(fy), months)

    def ending(self, end: date, months: int) -> Period:
        if months == 0:
            return Period(None, end, 0, None)
        start = _add_months(date(end.year, end.month, 1), 1 - months)
        return Period(start, end, months, self.label(start, end, months))

    def shifted(self, p: Period, years: int) -> Period:
        if p.is_instant:
            return Period(None, _shift_date(p.end, years), 0, None)
        start = _shift_date(p.start, years) if p.start else None
        end = _shift_date(p.end, years)
        return Period(start, end, p.months, self.label(start, end, p.months) if start else None)

    def label(self, start: date, end: date, months: int) -> str | None:
        """'2QFY2011', '6MFY2011', 'FY2011', or None for an odd span."""
        fy = self.fy_of(end)
        fs = self.fy_start(fy)
        offset = (start.year - fs.year) * 12 + start.month - fs.month
        if start.day != 1 or end != _month_end(end.year, end.month):
            return None
        if months == 12 and offset == 0:
            return f"FY{fy}"
        if months == 3 and offset % 3 == 0:
            return f"{offset // 3 + 1}QFY{fy}"
        if offset == 0 and months in (6, 9):
            return f"{months}MFY{fy}"
        return None


# --- the fiscal year end, as the release states it ------------------------

_FYE_RE = re.compile(
    r"(?:fiscal\s+)?year(?:\s+(?:19|20)\d\d)?,?\s+(?:end(?:ed|ing|s)?|that\s+end(?:s|ed)|closing)\s+(?:on\s+)?"
    r"(?P<mon>" + _MONTH + r")\s+\d{1,2}"
    r"|fiscal\s+year[- ]end\s+(?:of|is|on)\s+(?P<mon2>" + _MONTH + r")"
    # "closing out Fiscal 2025, ended March"
    r"|fiscal\s+(?:year\s+)?(?:19|20)\d\d,?\s+(?:which\s+)?end(?:ed|ing|s)\s+(?:in\s+)?(?P<mon3>" + _MONTH + r")",
    re.IGNORECASE,
)


# "the first and second quarters of 2024": two quarters, in that order
_QPAIR_RE = re.compile(
    r"\b(?P<o1>first|second|third|fourth)\s+and\s+(?P<o2>first|second|third|fourth)\s+quarters\s+of\s+"
    r"(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?)(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_PART_OF_YEAR_RE = re.compile(r"(?:\b[QH][1-4]|\b[1-4][QH]|quarter|half|months?|period)(?:\s+of)?(?:\s+the)?\s*$", re.IGNORECASE)


def _month_no(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")[:3]]


def _find_fye(text: str) -> re.Match | None:
    # Every candidate contains "year": jump between its occurrences rather than
    # running the whole pattern from every position of a long text.
    low = text.lower()
    i = low.find("year")
    while i >= 0:
        m = _FYE_RE.match(text, max(0, i - 7)) if low.startswith("fiscal", max(0, i - 7)) else None
        m = m or _FYE_RE.match(text, i)
        if m:
            return m
        i = low.find("year", i + 4)
    i = low.find("fiscal 20")
    while i >= 0:
        m = _FYE_RE.match(text, i)  # "Fiscal 2025, ended March": no "year" in it
        if m and not _PART_OF_YEAR_RE.search(text, max(0, i - 24), i):
            return m  # (but "Q1 Fiscal 2026 ended June 30" is a quarter's end)
        i = low.find("fiscal 20", i + 9)
    return None


# "its Q1 2027 financial results for the period ended June 30, 2026": a quarter named with its fiscal
# year next to the date it ended fixes the fiscal year end (here March), as a stated year end would.
_NAMED_QUARTER_ENDED_RE = re.compile(
    r"\b(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q|(?P<ord>first|second|third|fourth)[- ]quarter(?:\s+of)?)\s?"
    r"(?:(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?))?'?(?P<y>" + _YEAR + r")\b"
    r"(?P<gap>[^.;:()]{0,80}?)\b(?:quarter|three[- ]months?|period)\s+(?:that\s+)?end(?:ed|ing)\s+(?:on\s+)?" + _DATE,
    re.IGNORECASE,
)
_ORD_QUARTER_ENDED_RE = re.compile(
    r"\b(?P<ord>first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+(?:that\s+)?end(?:ed|ing)\s+(?:on\s+)?" + _DATE,
    re.IGNORECASE)
_NOT_SAME_SPAN_RE = re.compile(r"\b(?:compar\w*|versus|vs|from|prior|previous|same|last|and|through|to)\b", re.IGNORECASE)


def _fye_from_named_quarter(text: str) -> int | None:
    """The fiscal year end month the release's named quarters and their printed ends agree on."""
    head = text[:6000]
    if "ended" not in head and "ending" not in head:
        return None
    months = set()
    for g in _ENDED_GATE_RE.finditer(head.lower()):
        # only around a dated end ("ended June 30, 2026"): the full pattern is slow on a whole text
        m = _NAMED_QUARTER_ENDED_RE.search(head, max(0, g.start() - 140), g.end())
        if m is not None and m.end() == g.end() and not _NOT_SAME_SPAN_RE.search(m.group("gap")):
            q = int(m.group("q1") or m.group("q2") or _ORDINALS[(m.group("ord") or "first").lower()])
            year = int(m.group("y"))
        else:
            # "the third quarter ending July 31, 2025": the quarter's name and its end, no year named
            m = _ORD_QUARTER_ENDED_RE.search(head, max(0, g.start() - 60), g.end())
            if m is None or m.end() != g.end():
                continue
            q, year = _ORDINALS[m.group("ord").lower()], None
        d = _date_of(m)
        if d is None or d != _month_end(d.year, d.month):
            continue
        end_month = (d.month - 3 * q - 1) % 12 + 1
        cal = FiscalCalendar(end_month)
        if year is not None and cal.fy_of(d) != year:
            return None  # the year named is not the fiscal year that quarter falls in: no calendar fits
        months.add(end_month)
    return months.pop() if len(months) == 1 else None


# "Final Results for Fiscal Year 2025": a title about one whole fiscal year, no quarter or half of it.
_YEAR_TITLE_RE = re.compile(r"\b(?:fiscal|financial|full)[- ](?:year\s+)?(?P<y>20\d\d)\b|\b(?:FY\s?)(?P<y2>20\d\d)\b"
                            r"|\b(?P<y3>20\d\d)\s+(?:fiscal|financial)\s+year\b", re.IGNORECASE)
_PART_TITLE_RE = re.compile(r"\b(?:Q[1-4]|[1-4]Q|quarter\w*|half|H[12]|[12]H|months?|interim|nine|six)\b", re.IGNORECASE)
_BALANCE_WORD_RE = re.compile(r"\b(?:cash|liquidity|equity|assets|debt|balance\s+sheet)\b", re.IGNORECASE)


def _fye_from_year_end_balance(text: str) -> int | None:
    """A fiscal-year report that gives its balances "as of December 31, 2025" and no other date of
    that year: the fiscal year 2025 ends then."""
    nl = text.find("\n", 0, 400)
    title = text[:nl if nl > 0 else min(len(text), 300)]
    m = _YEAR_TITLE_RE.search(title)
    if m is None or _PART_TITLE_RE.search(title):
        return None
    fy = int(m.group("y") or m.group("y2") or m.group("y3"))
    head = text[:6000]
    months = set()
    for rx in (_INSTANT_RE, _INSTANT_EU_RE):
        for d_m in rx.finditer(head):
            d = _date_of(d_m)
            if d is None or d.year != fy:
                continue
            if d != _month_end(d.year, d.month) or not _BALANCE_WORD_RE.search(_sentence_around(head, d_m.start(), d_m.end())):
                return None  # another day of that year (an event, a mid-month balance): not only the year end
            months.add(d.month)
    return months.pop() if len(months) == 1 else None


# "the first nine months of the 2025/2026 financial year": a fiscal year across two calendar years.
# "(30 September 2025: EUR 304.3 million)": an interim balance beside the last year-end's.
_PAREN_DATE_RE = re.compile(r"\(\s*(?:" + _DATE_EU_BARE + r"|" + _DATE_BARE + r")\s*:")


def _split_end(m: re.Match) -> int | None:
    """The calendar year a "2025/2026" (or "2025/26") fiscal year ends in; None when the years do not follow."""
    y1, y2 = int(m.group("y1")), m.group("y2")
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    return y2 if y2 == y1 + 1 else None


def _fye_from_split_year(text: str) -> int | None:
    """A release on a "2025/2026 financial year" comparing its balances with "(30 September 2025: ...)":
    the year-end of the earlier calendar year named, the only month-end so printed, ends its fiscal year."""
    head = text[:6000]
    firsts = set()
    for m in _split_matches(head, 0, len(head)):
        if not (m.group("fy") or m.group("fw") or m.group("short")):
            continue
        end = _split_end(m)
        if end is None:
            return None
        firsts.add(end - 1)
    if not firsts:
        return None
    months = set()
    for m in _PAREN_DATE_RE.finditer(head):
        y, mon, day = int(m.group("yr") or m.group("yr2")), m.group("mon") or m.group("mon2"), m.group("day") or m.group("day2")
        try:
            d = date(y, _month_no(mon), int(day))
        except ValueError:
            return None
        if d != _month_end(d.year, d.month) or d.year not in firsts:
            return None
        months.add(d.month)
    return months.pop() if len(months) == 1 and 1 <= next(iter(months)) <= 11 else None


def fiscal_calendar(text: str) -> FiscalCalendar:
    """The calendar the release uses: "fiscal year ending June 30" -> June, else December."""
    m = _find_fye(text)
    if m is None:
        named = _fye_from_named_quarter(text)
        if named is not None and named != 12:
            return FiscalCalendar(named)
        closing = _fye_from_year_end_balance(text) or _fye_from_split_year(text)
        if closing is not None:
            return FiscalCalendar(closing)
        cal = FiscalCalendar(12, stated=False)
        # A release that speaks of "fiscal" periods without saying when its
        # fiscal year ends may not be on the calendar year: "Q1 2025" could be
        # October-December 2024. Only dated spans can be trusted then.
        cal.ambiguous = ("fiscal" in text.lower() or "FY" in text) and _FISCAL_ANYWHERE_RE.search(text) is not None
        if cal.ambiguous and (_calendar_quarters_confirmed(text, cal) or _fiscal_part_is_calendar_part(text)):
            # the release's named quarters end where calendar quarters end, or it names one part of a
            # year both as fiscal and as calendar: its fiscal year is the calendar year, so "fiscal
            # 2025" is placeable as well
            cal.ambiguous = False
            cal.stated = True
        return cal
    return FiscalCalendar(_month_no(m.group("mon") or m.group("mon2") or m.group("mon3")))


def _calendar_quarters_confirmed(text: str, cal: "FiscalCalendar") -> bool:
    """ "Q1 2024" and "the quarter ended March 31, 2024" in one release: its quarters are calendar quarters.

    Under any other fiscal year end a quarter named with a year would not end
    on the date the release gives for its quarter, so the coincidence settles it.
    """
    head = text[:6000]
    ends = set()
    for m in _ENDED_RE.finditer(head):
        d = _date_of(m)
        if d and _dur_word(m) == 3:
            ends.add(d)
    if not ends:
        return False
    for m in _QCOMPACT_RE.finditer(head):
        if m.group("fy"):
            continue
        if cal.quarter(_year(m.group("y")), int(m.group("q1") or m.group("q2"))).end in ends:
            return True
    for m in _QWORD_RE.finditer(head):
        if m.group("fy1") or m.group("fy2"):
            continue
        q = _ORDINALS[(m.group("ord") or m.group("ord2")).lower()]
        if cal.quarter(int(m.group("y") or m.group("y2")), q).end in ends:
            return True
    return False


# "the first half of fiscal year 2024" beside "the first half of 2024": one span under two names.
_PART_YEAR_RE = re.compile(
    r"\b(?:the\s+)?(?P<part>(?:first|second)[\s-]+half|first\s+(?:three|six|nine)\s+months|(?:first|second|third|fourth)[\s-]+quarter)"
    r"\s+of\s+(?:the\s+)?(?P<fy>fiscal\s+(?:year\s+)?)?(?P<y>" + _YEAR + r")\b(?!\s*[-–/]\s?\d)",
    re.IGNORECASE)


def _fiscal_part_is_calendar_part(text: str) -> bool:
    """The release names one part of a year both as "fiscal year 2024" and as plain 2024: its
    fiscal year is the calendar year (under any other year end the two would be different spans)."""
    head = text[:6000]
    fiscal, plain = set(), set()
    for m in _PART_YEAR_RE.finditer(head):
        key = (" ".join(m.group("part").lower().replace("-", " ").split()), m.group("y"))
        (fiscal if m.group("fy") else plain).add(key)
    return bool(fiscal & plain)


_AND_DATE_RE = re.compile(r",?\s+and\s+(?:(?:as\s+of|as\s+at|at|on)\s+)?" + _DATE + r"(?!\d)", re.IGNORECASE)


def _instant_pair(text: str, m: re.Match, d: date, e: int) -> "PeriodMention":
    """"at June 30, 2024, and June 30, 2023": two balance dates, in that order."""
    pair = _AND_DATE_RE.match(text, m.end(), e)
    other = _date_of(pair) if pair else None
    if other is None or other == d:
        return _explicit(m.start(), m.end(), m.group(0), Period(None, d, 0, None))
    return _explicit(m.start(), pair.end(), text[m.start():pair.end()], Period(None, d, 0, None), Period(None, other, 0, None))


def _date_of(m: re.Match, prefix: str = "") -> date | None:
    try:
        return date(int(m.group(prefix + "yr")), _month_no(m.group(prefix + "mon")), int(m.group(prefix + "day")))
    except ValueError:
        return None


def _year(s: str) -> int:
    y = int(s.strip("'"))
    return y if y >= 100 else 2000 + y


# --- period mentions --------------------------------------------------------

@dataclass(frozen=True)
class PeriodMention:
    """A period phrase at ``start:end``; ``kind`` says how to resolve it.

    kinds: 'explicit' (``periods`` set), 'relative' (``years`` back from the
    anchor, or to fiscal year ``fy``, optionally to quarter ``quarter``),
    'current' ("the quarter"), 'quarter' (a quarter without a year),
    'year' (a bare year, only meaningful in guidance).
    """

    start: int
    end: int
    kind: str
    periods: tuple[Period, ...] = ()
    years: int = 0
    fy: int | None = None
    quarter: int | None = None
    months: int | None = None  # for 'current': 3 for "the quarter", None for "the period"
    text: str = ""
    day: date | None = None  # for 'undated': the month and day printed (the year a placeholder)

    @property
    def is_comparative(self) -> bool:
        return self.kind == "relative"


def _dur_word(m: re.Match) -> int:
    if m.group("cnt"):
        return _COUNTS[m.group("cnt").lower()]
    unit = m.group("unit").lower()
    return 12 if "year" in unit else 3


_ENDED_RE = re.compile(
    r"(?:(?P<cnt>three|six|nine|twelve|3|6|9|12)[- ]months?(?:\s+period)?"
    r"|(?P<unit>(?:(?:first|second|third|fourth)\s+)?(?:fiscal\s+)?quarters?|(?:fiscal\s+)?years?(?:\s+(?:19|20)\d\d)?))"
    r"\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+|in\s+)?" + _DATE,
    re.IGNORECASE,
)
# "For the quarter ended Sept. 30, revenue rose ...": the year left to the release date.
_ENDED_NO_YEAR_RE = re.compile(
    r"\b(?:(?P<cnt>three|six|nine|twelve|3|6|9|12)[- ]months?(?:\s+period)?|(?P<unit>quarter|(?:fiscal\s+)?year))"
    r"\s+(?:that\s+)?end(?:ed|ing)\s+(?:on\s+)?(?P<mon>" + _MONTH + r")\s+(?P<day>\d{1,2})\b(?![,.]?\s?\d)",
    re.IGNORECASE,
)
_AND_YEAR_RE = re.compile(r",?\s+and\s+((?:19|20)\d\d)\b(?![,.]\d)")
_QCOMPACT_RE = re.compile(
    r"\b(?:(?P<q1>[1-4])Q|Q(?P<q2>[1-4]))\s?(?P<fy>FY|F|(?i:fiscal)\s+(?:(?i:year)\s+)?)?\s?[-'/]?\s?(?P<y>" + _YEAR
    + r"|\d{2})\b",
)
_YEAR_END_RE = re.compile(r"\bYE\s?(?P<y>" + _YEAR + r")\b")
# "2025 Q1 Results": the year first.
_YEAR_QUARTER_RE = re.compile(r"(?<![\d/-])\b(?P<y>" + _YEAR + r")\s+Q(?P<q>[1-4])\b(?!\s?['/-]?\s?\d)")
_QWORD_RE = re.compile(
    r"\b" + _ORD + r"[- ]quarter(?:\s+of)?\s+(?:the\s+)?(?:company's\s+|its\s+)?(?P<fy1>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>"
    + _YEAR + r")(?:\s+fiscal\s+year)?\b"
    r"|\b(?P<fy2>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y2>" + _YEAR + r")\s+(?P<ord2>first|second|third|fourth)[- ]quarter\b",
    re.IGNORECASE,
)
_FIRST_MONTHS_RE = re.compile(
    r"\b(?:the\s+)?(?:first\s+(?P<cnt>three|six|nine|3|6|9)\s+months\s+of|(?P<half>first[\s-]+half)(?:\s+of)?)\s+(?:the\s+company's\s+|its\s+)?"
    r"(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:(?P<y>" + _YEAR + r")|both\s+fiscal\s+years\s+(?P<ya>" + _YEAR
    + r")\s+and\s+(?P<yb>" + _YEAR + r"))(?:\s+fiscal\s+year)?\b",
    re.IGNORECASE,
)
# "Six Month 2025 Financial Results", "nine months 2025": the first months of that year.
_NMONTHS_YEAR_RE = re.compile(r"\b(?P<cnt>six|nine|6|9)[- ]months?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b", re.IGNORECASE)
_HALF_RE = re.compile(r"\b(?:1H|H1)\s?(?:FY)?\s?'?(?P<y>" + _YEAR + r"|\d{2})\b")
_FULL_YEAR_RE = re.compile(
    r"\b(?:full[- ]year(?:\s+of)?|fiscal\s+year(?:\s+of)?|fiscal|FY)\s?'?(?P<y>" + _YEAR + r"|(?<=FY)\d{2}|(?<=FY )\d{2})\b",
    re.IGNORECASE,
)
_INSTANT_RE = re.compile(r"\b(?:as\s+of|as\s+at|at|on|ended)\s+" + _DATE, re.IGNORECASE)
# The day before the month ("as of 31 March 2026", "nine months ended 30 June 2026"), as European releases print it.
_DATE_EU = r"(?P<day>\d{1,2})\.?\s+(?P<mon>" + _MONTH + r")\s+(?P<yr>" + _YEAR + r")\b"
# "(30 September 2025: EUR 304.3 million)": the date a comparative balance is at.
_INSTANT_EU_RE = re.compile(r"\b(?:as\s+of|as\s+at|at|on|ended)\s+(?:the\s+)?" + _DATE_EU, re.IGNORECASE)
_PAREN_EU_RE = re.compile(r"(?<=\()\s*" + _DATE_EU + r"(?=\s*:)", re.IGNORECASE)
_ENDED_EU_RE = re.compile(
    r"(?:(?P<cnt>three|six|nine|twelve|3|6|9|12)[- ]months?(?:\s+period)?"
    r"|(?P<unit>(?:(?:first|second|third|fourth)\s+)?(?:fiscal\s+|financial\s+)?quarters?|(?:fiscal\s+|financial\s+)?years?))"
    r"\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+)?" + _DATE_EU,
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(
    r"\b(?:the\s+)?(?:same|comparable|corresponding|prior[- ]year|previous[- ]year|year[- ]ago|year[- ]earlier)\s+"
    r"(?:(?P<qord>first|second|third|fourth)\s+)?(?P<what>period|quarter|three[- ]month\s+period|six[- ]month\s+period|nine[- ]month\s+period)"
    r"(?:\s+(?:(?:of|in)\s+(?:the\s+)?)?(?:(?P<fy>fiscal\s+(?:year\s+)?)?(?P<y>" + _YEAR + r")|(?:last|prior|previous|preceding)\s+(?:fiscal\s+)?year|a\s+year\s+(?:ago|earlier)))?"
    r"|\b(?:the\s+)?same\s+(?:period|quarter)\s+(?:last|a)\s+year(?:\s+(?:ago|earlier))?"
    r"|\b(?:the\s+)?(?P<qord2>first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+)?(?:last|prior|previous)\s+(?:fiscal\s+)?year"
    # "compared to $5.8 million in the prior year", "from $2.8 million a year ago"
    r"|\b(?:in|for|during|from|over|versus|vs\.?|than)\s+(?:the\s+)?(?:prior|previous|preceding)\s+(?:fiscal\s+)?year\b(?![- ](?:end|period|quarter))"
    r"|\b(?:in|for|during|from|over|versus|vs\.?|than)\s+(?:the\s+)?year[- ](?:ago|earlier)\s+(?:period|quarter)\b"
    r"|(?<![\w-])(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b(?!['’])",
    re.IGNORECASE,
)
_NO_YEAR_REF_RE = re.compile(
    r"(?:the\s+)?(?:same|comparable|corresponding)\s+(?:period|quarter|three[- ]month\s+period|six[- ]month\s+period"
    r"|nine[- ]month\s+period)", re.IGNORECASE,
)
_CURRENT_RE = re.compile(
    r"\b(?:the|this)\s+(?:current\s+|reporting\s+)?(?P<what>quarter|period|three[- ]month\s+period)\b(?!\s+(?:ended|ending|of))"
    r"|\bthe\s+(?P<what2>period)\s+under\s+review\b"
    r"|\bquarter[- ]end\b"
    # "ended the first half with $40.5 million in cash" in a half-year report
    r"|\bthe\s+(?P<half>first|second)[\s-]+half\b(?:\s+of\s+the\s+year\b)?(?!\s+(?:of|ended|ending|20\d\d|FY)\b)"
    r"|\bthe\s+(?P<fy>full|fiscal|entire)\s+year\b(?!\s+(?:ended|ending|of|20\d\d))"
    # "full-year Revenue jumped 63% to $151 million": the adjective before a measure
    r"|(?<![\w-])(?P<fy2>full[- ]year)(?=\s+[A-Za-z])(?!\s+(?:ended|ending|of|results?|guidance|outlook|fiscal|financial|\d))",
    re.IGNORECASE,
)
_QNOYEAR_RE = re.compile(
    r"\b(?:the\s+)?" + _ORD + r"[- ]quarter\b|\bQ(?P<q>[1-4])\b(?!\s?['/]?\d)",
    re.IGNORECASE,
)
# A bare year counts only where a forecast names its year: "for 2025", "the
# remainder of 2025", "2025 guidance" -- not "through 2027" or "2025-2027".
# Spans we recognise but cannot place ("the six-month period", "year-to-date",
# "November revenue"): their presence stops a figure from borrowing a period.
_OPAQUE_RE = re.compile(
    r"\b(?:the\s+)?(?:six|nine|twelve|6|9|12)[- ]month\s+period\b|\byear[- ]to[- ]date\b|\bYTD\b"
    r"|\b(?-i:H[12]|[12]H)\b(?!\s?(?:FY)?\s?'?\d)|\b(?:six|nine|twelve)[- ]months?\b(?!\s+(?:ended|ending|of|20\d\d))"
    r"|\b(?:first|second)[\s-]+half\b|\btrailing\b|(?<![\d,.$€£-])(?:19|20)\d\d(?:'s|’s)?(?![\d,.%-])|\b(?-i:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b(?!\s+\d)",
    re.IGNORECASE,
)
_OPAQUE_HINTS = ("month", "date", "half", "trailing", "ytd", "19", "20", "h1", "h2", "1h", "2h")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTH_END_RE = re.compile(
    r"\b(?:at\s+)?(?:the\s+)?end\s+of\s+(?P<mon>" + _MONTH + r")\s+(?P<yr>" + _YEAR + r")\b", re.IGNORECASE,
)
# "As of the end of September": a month end whose year the release date (or the reporting period) gives.
_MONTH_END_NO_YEAR_RE = re.compile(
    r"\b(?:at|as\s+of|as\s+at)\s+(?:the\s+)?end\s+of\s+(?P<mon>" + _MONTH + r")(?![\w.])(?!,?\s*\d)", re.IGNORECASE)
# "Kestova ended June with $62.3 million in cash": the balance at that month's end.
_ENDED_MONTH_RE = re.compile(r"\bended\s+(?P<mon>" + _MONTH + r")(?![\w.])(?!,?\s*\d)(?=\s+with\b)",
                             re.IGNORECASE)
# "up from $36.2 million at the end of 2023": the last day of that calendar year, whatever the fiscal one.
_YEAR_END_OF_RE = re.compile(r"\b(?:at|as\s+of|as\s+at)\s+(?:the\s+)?end\s+of\s+(?P<y>" + _YEAR + r")\b(?![,.]?\d|\s*[-–/])",
                             re.IGNORECASE)
_FISCAL_ANYWHERE_RE = re.compile(r"\b(?i:fiscal)\b|\bFY\s?\d")
_DATED_RE = re.compile(_MONTH + r"\s+\d{1,2}", re.IGNORECASE)
_FISCAL_WORD_RE = re.compile(r"(?i:fiscal)|\bFY|\dQ?FY|\dF\b")

_BARE_YEAR_RE = re.compile(
    r"\b(?:for|of|in|during|by|fiscal|full[- ]year|calendar)\s+(?:the\s+)?(?:(?:full|fiscal|calendar)\s+)?(?:year\s+)?"
    r"(?P<y>20\d\d)(?!\d|,\d|\.\d|%|\s?[-–]\s?\d|\s*(?:million|billion))"
    r"|\b(?P<y2>20\d\d)(?:'s)?\s+(?:financial\s+)?(?:guidance|outlook|revenues?)\b"
    # "Looking ahead to 2025, the company is targeting ..."
    r"|\blook(?:ing)?\s+ahead\s+(?:to|into)\s+(?:fiscal\s+)?(?P<y3>20\d\d)\b(?!,\d|\.\d|\s?[-–]\s?\d)",
    re.IGNORECASE,
)


# --- speed: the scan runs on every sentence that holds a figure -------------
#
# Python's regex engine tries a pattern at every position of the text. A
# leading lookahead on the characters a match can start with (either case
# where the pattern ignores case) lets most positions fail at once; it never
# changes what matches. Gates on the lowered segment (plain lowercase patterns
# with a literal start) skip the date patterns where no date can be.


def _lead(rx: re.Pattern, first: str) -> re.Pattern:
    """``rx`` with a lookahead on its possible first characters: the same matches, found faster."""
    return re.compile(r"(?=[" + first + r"])(?:" + rx.pattern + r")", rx.flags)


_RELATIVE_RE = _lead(_RELATIVE_RE, "tscpyfdioval")
_ENDED_RE = _lead(_ENDED_RE, "tsnfqy0-9")
_MONTH_END_RE = _lead(_MONTH_END_RE, "ate")
_INSTANT_RE = _lead(_INSTANT_RE, "aoe")
_FIRST_MONTHS_RE = _lead(_FIRST_MONTHS_RE, "tf")
_NMONTHS_YEAR_RE = _lead(_NMONTHS_YEAR_RE, "sn69")
_HALF_RE = _lead(_HALF_RE, "1H")
_QCOMPACT_RE = _lead(_QCOMPACT_RE, "1-4Q")
_QWORD_RE = _lead(_QWORD_RE, "fst1-4")
_FULL_YEAR_RE = _lead(_FULL_YEAR_RE, "f")
_OPAQUE_RE = _lead(_OPAQUE_RE, "tsnyhfjmaod0-9")
_CURRENT_RE = _lead(_CURRENT_RE, "tqf")
_QNOYEAR_RE = _lead(_QNOYEAR_RE, "tfsq1-4")
_BARE_YEAR_RE = _lead(_BARE_YEAR_RE, "foidcb2l")
_ENDED_MONTH_RE = _lead(_ENDED_MONTH_RE, "e")
_MONTH_END_NO_YEAR_RE = _lead(_MONTH_END_NO_YEAR_RE, "a")
_YEAR_END_OF_RE = _lead(_YEAR_END_OF_RE, "a")

_MON_LOW = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# Necessary conditions, tried on the lowered segment: a dated phrase needs a date.
_DATE_GATE_RE = re.compile(_MON_LOW + r"\s+\d{1,2},?\s+(?:19|20)\d\d")
_DATE_EU_GATE_RE = re.compile(r"\d\.?\s+" + _MON_LOW + r"\s+(?:19|20)\d\d")
_ENDED_GATE_RE = re.compile(r"end(?:ed|ing|s)\s+(?:on\s+|in\s+)?" + _MON_LOW + r"\s+\d{1,2},?\s+(?:19|20)\d\d")
_MONTH_END_GATE_RE = re.compile(r"end\s+of\s+" + _MON_LOW + r"\s+(?:19|20)\d\d")


_EVENT_BEFORE_RE = re.compile(r"\b(?:filed|submitted|announced|issued|released|dated|signed|received|published|closed|"
                              r"completed|entered|effective|held|granted)\b[^.;,]{0,25}$", re.IGNORECASE)


def _event_date(text: str, m: re.Match) -> bool:
    """ "filed with the SEC on March 8, 2024": the day something happened, not a balance date."""
    return m.group(0)[:2].lower() == "on" and _EVENT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) is not None


def _explicit(start: int, end: int, text: str, *periods: Period) -> PeriodMention:
    return PeriodMention(start, end, "explicit", tuple(periods), text=text)


def _scan(text: str, s: int, e: int, cal: FiscalCalendar, explicit_only: bool = False) -> list[PeriodMention]:
    out: list[PeriodMention] = []
    seg = text[s:e]
    low = seg.lower()
    # Cheap substring gates keep the dozen regexes off sentences they cannot match.
    has_quarter = "quarter" in low
    if not explicit_only and any(w in low for w in ("same", "comparable", "corresponding", "prior", "previous", "year-ago", "year ago",
                              "year-earlier", "year earlier", "last")):
        for m in _RELATIVE_RE.finditer(text, s, e):
            q = m.group("qord") or m.group("qord2")
            y = m.group("y")
            if re.search(r"\bend\s+of\s*$", text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
                continue  # "as of the end of the prior year" is a date we do not place
            if _NO_YEAR_REF_RE.fullmatch(m.group(0)):
                # "the same period" alone: the same as what, a year before or not?
                out.append(PeriodMention(m.start(), m.end(), "opaque", text=m.group(0)))
                continue
            out.append(PeriodMention(
                m.start(), m.end(), "relative", years=0 if y else -1,
                fy=int(y) if y else None, quarter=_ORDINALS[q.lower()] if q else None, text=m.group(0)))
    if "end" in low:
        has_date = _DATE_GATE_RE.search(low) is not None
        if not explicit_only and ("ended " in low or "ending " in low):
            out.extend(_undated_ends(text, s, e))
        for m in (_ENDED_RE.finditer(text, s, e) if has_date and _ENDED_GATE_RE.search(low) else ()):
            d = _date_of(m)
            if d:
                p = cal.ending(d, _dur_word(m))
                pair = _AND_YEAR_RE.match(text, m.end(), e)
                dated = None if pair else _AND_DATE_RE.match(text, m.end(), e)
                other_end = _date_of(dated) if dated else None
                if other_end is not None and other_end != d:
                    # "the quarters ended September 30, 2024, and September 30, 2023"
                    out.append(_explicit(m.start(), dated.end(), text[m.start():dated.end()], p,
                                         cal.ending(other_end, _dur_word(m))))
                elif pair:
                    # "the three months ended June 30, 2025 and 2024": both years, in that order
                    other = cal.shifted(p, int(pair.group(1)) - d.year)
                    out.append(_explicit(m.start(), pair.end(), text[m.start():pair.end()], p, other))
                else:
                    out.append(_explicit(m.start(), m.end(), m.group(0), p))
        for m in (_MONTH_END_RE.finditer(text, s, e) if _MONTH_END_GATE_RE.search(low) else ()):
            d = _month_end(int(m.group("yr")), _month_no(m.group("mon")))
            out.append(_explicit(m.start(), m.end(), m.group(0), Period(None, d, 0, None)))
        if "end of " in low:
            for m in _YEAR_END_OF_RE.finditer(text, s, e):
                out.append(_explicit(m.start(), m.end(), m.group(0), Period(None, date(int(m.group("y")), 12, 31), 0, None)))
        if not explicit_only and ("end of " in low or "ended " in low):
            for rx in (_MONTH_END_NO_YEAR_RE, _ENDED_MONTH_RE):
                for m in rx.finditer(text, s, e):
                    mon = _month_no(m.group("mon"))
                    out.append(PeriodMention(m.start(), m.end(), "undated", months=0, day=_month_end(2024, mon),
                                             text=m.group(0)))
        for m in (_INSTANT_RE.finditer(text, s, e) if has_date else ()):
            d = _date_of(m)
            if d and not _event_date(text, m):
                out.append(_instant_pair(text, m, d, e))
    elif ("as " in low or "at " in low or "on " in low) and _DATE_GATE_RE.search(low):
        for m in _INSTANT_RE.finditer(text, s, e):
            d = _date_of(m)
            if d and not _event_date(text, m):
                out.append(_instant_pair(text, m, d, e))
    if (" as " in low or "at " in low or "on " in low or "end" in low or "(" in seg) and _DATE_EU_GATE_RE.search(low):
        out.extend(_european_dates(text, s, e, cal))
    if "/" in seg:
        out.extend(_split_spans(text, s, e, cal))
    if ("YTD" in seg or "to-date" in low or "to date" in low or "Q1" in seg or "M " in seg or "M'" in seg) \
            and _CUMULATIVE_GATE_RE.search(seg):
        for m in _CUMULATIVE_RE.finditer(text, s, e):
            n = int(m.group("n")) if m.group("n") else 3 * int(m.group("q") or m.group("q2"))
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.first_months(_year(m.group("y")), n)))
    if "first" in low:
        for m in _FIRST_MONTHS_RE.finditer(text, s, e):
            n = 6 if m.group("half") else _COUNTS[m.group("cnt").lower()]
            years = [m.group("y")] if m.group("y") else [m.group("ya"), m.group("yb")]
            out.append(_explicit(m.start(), m.end(), m.group(0), *(cal.first_months(int(y), n) for y in years)))
    if "month" in low:
        for m in _NMONTHS_YEAR_RE.finditer(text, s, e):
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.first_months(int(m.group("y")), _COUNTS[m.group("cnt").lower()])))
    if "H1" in seg or "1H" in seg:
        for m in _HALF_RE.finditer(text, s, e):
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.first_months(_year(m.group("y")), 6)))
    if "Q" in seg:
        for m in _QCOMPACT_RE.finditer(text, s, e):
            q = int(m.group("q1") or m.group("q2"))
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.quarter(_year(m.group("y")), q)))
        for m in _YEAR_QUARTER_RE.finditer(text, s, e):
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.quarter(int(m.group("y")), int(m.group("q")))))
    if has_quarter:
        for m in _QWORD_RE.finditer(text, s, e):
            q = _ORDINALS[(m.group("ord") or m.group("ord2")).lower()]
            y = int(m.group("y") or m.group("y2"))
            pair = _AND_YEAR_RE.match(text, m.end(), e) if m.group("y") else None
            if pair is not None and int(pair.group(1)) != y:
                # "between the second quarter of 2023 and 2024": that quarter of both years
                out.append(_explicit(m.start(), pair.end(), text[m.start():pair.end()], cal.quarter(y, q),
                                     cal.quarter(int(pair.group(1)), q)))
                continue
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.quarter(y, q)))
        if "quarters" in low:
            for m in _QPAIR_RE.finditer(text, s, e):
                y = int(m.group("y"))
                qs = [_ORDINALS[m.group(g).lower()] for g in ("o1", "o2")]
                out.append(_explicit(m.start(), m.end(), m.group(0), *(cal.quarter(y, q) for q in qs)))
    if "fiscal" in low or "FY" in seg or "full" in low:
        for m in _FULL_YEAR_RE.finditer(text, s, e):
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.first_months(_year(m.group("y")), 12)))
    if "YE" in seg:
        # "YE 2025 total revenues of $18.2 million": the year that ended then
        for m in _YEAR_END_RE.finditer(text, s, e):
            if cal.stated:
                out.append(_explicit(m.start(), m.end(), m.group(0), cal.first_months(int(m.group("y")), 12)))
            else:
                out.append(PeriodMention(m.start(), m.end(), "opaque", text=m.group(0)))
    if explicit_only:
        pass  # the reporting period is an explicit span: skip what cannot be one
    elif any(w in low for w in _OPAQUE_HINTS) or any(mn in seg for mn in _MONTH_NAMES):
        for m in _OPAQUE_RE.finditer(text, s, e):
            out.append(PeriodMention(m.start(), m.end(), "opaque", text=m.group(0)))
    if not explicit_only and (has_quarter or "period" in low or " year" in low or "full" in low or "half" in low):
        for m in _CURRENT_RE.finditer(text, s, e):
            what = (m.group("what") or m.group("what2") or "quarter").lower()
            months = 12 if m.group("fy") or m.group("fy2") else 6 if m.group("half") else None if what == "period" else 3
            half = (1 if m.group("half").lower() == "first" else 2) if m.group("half") else None
            out.append(PeriodMention(m.start(), m.end(), "current", months=months, quarter=half, text=m.group(0)))
    if not explicit_only and (has_quarter or "Q" in seg):
        for m in _QNOYEAR_RE.finditer(text, s, e):
            q = _ORDINALS[m.group("ord").lower()] if m.group("ord") else int(m.group("q"))
            out.append(PeriodMention(m.start(), m.end(), "quarter", quarter=q, text=m.group(0)))
    if not explicit_only and "20" in seg:
        for m in _BARE_YEAR_RE.finditer(text, s, e):
            out.append(PeriodMention(m.start(), m.end(), "year", fy=int(m.group("y") or m.group("y2") or m.group("y3")),
                                     text=m.group(0)))
    if cal.ambiguous:
        out = [_dated_only(p) for p in out]
    elif not cal.stated:
        out = [_unless_fiscal(p, text) for p in out]
    return out


_SPLIT_SPAN_RE = re.compile(
    r"(?:\b(?:the\s+)?first\s+(?P<cnt>three|six|nine|3|6|9)\s+months\s+of\s+(?:the\s+)?"
    r"|\b(?:the\s+)?(?P<ord>first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+)?"
    r"|\b(?P<short>[369]M|H1|1H|Q[1-4])\s+)?"
    r"(?P<fy>(?:financial|fiscal)\s+year\s+|FY\s?)?"
    r"(?<![\d/])(?P<y1>(?:19|20)\d\d)/(?P<y2>(?:19|20)?\d\d)\b(?P<fw>\s+(?:financial|fiscal)\s+year)?",
    re.IGNORECASE,
)


# "YTD Q3 2024", "Q1-Q3 2024", "9M 2024": the fiscal year's first months up to that quarter's end.
_CUMULATIVE_RE = re.compile(
    r"(?:\b(?:YTD|(?i:year[- ]to[- ]date))\s+Q(?P<q>[1-4])|\bQ1\s?[-–]\s?Q(?P<q2>[2-4])|\b(?P<n>[369])M)"
    r"\s?'?(?P<y>" + _YEAR + r"|\d{2})\b(?![/.,]\d)")
_CUMULATIVE_GATE_RE = re.compile(r"Q[1-4]\s?'?\d\d|\b[369]M\s?'?\d\d")


_SLASH_YEARS_RE = re.compile(r"(?<![\d/])((?:19|20)\d\d)/((?:19|20)?\d\d)\b(?!/)")


def _split_matches(text: str, s: int, e: int) -> list[re.Match]:
    """``_SPLIT_SPAN_RE`` matches, looked for only around "2025/2026" pairs (the full pattern is slow)."""
    out = []
    i = text.find("/", s, e)
    while i >= 0:
        y = _SLASH_YEARS_RE.match(text, i - 4, e) if i - 4 >= s and text[i - 4:i - 2] in ("19", "20") else None
        i = text.find("/", i + 1, e)
        if y is None:
            continue
        y1, y2 = int(y.group(1)), y.group(2)
        if (int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)) != y1 + 1:
            continue
        for m in _SPLIT_SPAN_RE.finditer(text, max(s, y.start() - 48), min(e, y.end() + 24)):
            if m.start("y1") == y.start():
                out.append(m)
                break
    return out


def _split_spans(text: str, s: int, e: int, cal: FiscalCalendar) -> list[PeriodMention]:
    """"the first nine months of the 2025/2026 financial year", "9M 2024/2025", "financial year 2025/2026":
    spans of a fiscal year across two calendar years, placed only under a stated year end."""
    out = []
    for m in _split_matches(text, s, e):
        y2 = _split_end(m)
        if y2 is None or not (m.group("fy") or m.group("fw") or m.group("short")):
            continue
        if not cal.stated or cal.end_month == 12 or cal.ambiguous:
            out.append(PeriodMention(m.start(), m.end(), "opaque", text=m.group(0)))
            continue
        short = (m.group("short") or "").upper()
        if m.group("ord") or short.startswith("Q"):
            q = _ORDINALS[m.group("ord").lower()] if m.group("ord") else int(short[1])
            p = cal.quarter(y2, q)
        elif m.group("cnt") or short:
            n = _COUNTS[m.group("cnt").lower()] if m.group("cnt") else 6 if "H" in short else int(short[0])
            p = cal.first_months(y2, n)
        else:
            p = cal.first_months(y2, 12)
        out.append(_explicit(m.start(), m.end(), m.group(0), p))
    return out


def _european_dates(text: str, s: int, e: int, cal: FiscalCalendar) -> list[PeriodMention]:
    out = []
    for m in _ENDED_EU_RE.finditer(text, s, e):
        d = _date_of(m)
        if d:
            out.append(_explicit(m.start(), m.end(), m.group(0), cal.ending(d, _dur_word(m))))
    for rx in (_INSTANT_EU_RE, _PAREN_EU_RE):
        for m in rx.finditer(text, s, e):
            d = _date_of(m)
            if d and not _event_date(text, m):
                out.append(_explicit(m.start(), m.end(), m.group(0), Period(None, d, 0, None)))
    return out


def _undated_ends(text: str, s: int, e: int) -> list[PeriodMention]:
    out = []
    for m in _ENDED_NO_YEAR_RE.finditer(text, s, e):
        mon, day = _month_no(m.group("mon")), int(m.group("day"))
        if 1 <= day <= calendar.monthrange(2024, mon)[1]:
            out.append(PeriodMention(m.start(), m.end(), "undated", months=_dur_word(m), day=date(2024, mon, day),
                                     text=m.group(0)))
    return out


def _dated_only(p: PeriodMention) -> PeriodMention:
    """Under an unknown fiscal calendar keep spans and instants with a date."""
    if p.kind in ("quarter", "year") or (p.kind == "explicit" and not _DATED_RE.search(p.text)):
        return PeriodMention(p.start, p.end, "opaque", text=p.text)
    return p


def _unless_fiscal(p: PeriodMention, text: str) -> PeriodMention:
    """A "fiscal" phrase is opaque while the fiscal year end is unknown."""
    if p.kind in ("explicit", "relative", "year") and _FISCAL_WORD_RE.search(text, max(0, p.start - 8), p.end):
        if not (p.kind == "explicit" and "full" in p.text.lower()):
            return PeriodMention(p.start, p.end, "opaque", text=p.text)
    return p


_KIND_RANK = {"relative": 0, "explicit": 1, "undated": 1, "current": 2, "quarter": 3, "year": 4, "opaque": 5}


def find_periods(text: str, cal: FiscalCalendar, start: int = 0, end: int | None = None,
                 explicit_only: bool = False) -> list[PeriodMention]:
    """Non-overlapping period phrases in ``text[start:end]``, in text order.

    Where phrases overlap, a relative phrase wins ("the same period in fiscal
    2010" beats "fiscal 2010"), then an explicit one ("the second quarter of
    the Company's 2011 fiscal year" beats "the second quarter"), then the
    longer one.
    """
    end = len(text) if end is None else end
    found = _scan(text, start, end, cal, explicit_only)
    found.sort(key=lambda p: (_KIND_RANK[p.kind], -(p.end - p.start), p.start))
    kept: list[PeriodMention] = []
    for p in found:
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.start)
    return kept


# --- resolution ---------------------------------------------------------------

_UNSET = object()


class PeriodContext:
    """What a release says about its own time: calendar, current period, date.

    ``current`` (the period the release reports on) is found lazily from
    ``text`` the first time it is needed: most releases never need it.
    """

    def __init__(self, calendar: FiscalCalendar, current: Period | None | object = _UNSET,
                 release_date: date | None = None, text: str | None = None):
        self.calendar = calendar
        self.release_date = release_date
        self._text = text
        self._current = None if current is _UNSET and text is None else current
        # Set while the paragraph speaks of a span we cannot place ("revenue after nine months"):
        # "for the period" then is that span, not the release's reporting period.
        self.lost_span = False

    @property
    def current(self) -> Period | None:
        if self._current is _UNSET:
            self._current = current_period(self._text, self.calendar, self.release_date)
        return self._current

    @property
    def now(self) -> date | None:
        """The latest date a reported (not forecast) figure may describe."""
        if self.release_date:
            return self.release_date
        return self.current.end if self.current else None


def _quarter_of(ctx: PeriodContext, q: int, base: Period | None) -> Period | None:
    cal = ctx.calendar
    ref = base if base is not None and not base.is_instant else ctx.current
    if ref is not None:
        return cal.quarter(cal.fy_of(ref.end), q)
    if ctx.release_date:
        fy = cal.fy_of(ctx.release_date)
        p = cal.quarter(fy, q)
        if p.end <= ctx.release_date:
            return p
        # "revenues of $14.1 million for Q2" on June 17: under a calendar we only assumed, a quarter
        # that ended nearly a year before the release is less likely than a fiscal Q2 we cannot date.
        prev = cal.quarter(fy - 1, q)
        return prev if cal.stated or (ctx.release_date - prev.end).days <= 135 else None
    return None


def resolve(mention: PeriodMention, ctx: PeriodContext, anchor: Period | None) -> tuple[Period, ...]:
    """Concrete periods for a mention; () when it cannot be placed."""
    cal = ctx.calendar
    kind = mention.kind
    if kind == "explicit":
        return mention.periods
    if kind == "relative":
        base = anchor or ctx.current
        if base is None or base.is_instant:
            return ()
        if mention.quarter:
            # "the year-ago first quarter": that quarter, one fiscal year back.
            return (cal.quarter(cal.fy_of(base.end) - 1, mention.quarter),)
        years = mention.fy - cal.fy_of(base.end) if mention.fy else mention.years
        return (cal.shifted(base, years),) if years else ()
    if kind == "current":
        if mention.months is None and (ctx.lost_span or (
                anchor is not None and not anchor.is_instant and ctx.current is not None and anchor != ctx.current)):
            return ()  # "for the period" in a paragraph about nine months of a third-quarter release: which one?
        # "the quarter" is the quarter the release reports on; the paragraph's
        # latest period may be an aside ("fee changes in the third quarter of 2023").
        base = ctx.current or (anchor if anchor is not None and not anchor.is_instant else None)
        if base is not None and mention.months == 12 and base.months != 12 and base.end == cal.fy_end(cal.fy_of(base.end)):
            # "for the full year" in a fourth-quarter release: the fiscal year that quarter ends
            base = cal.first_months(cal.fy_of(base.end), 12)
        elif base is not None and mention.months == 3 and base.months == 12 and base.end == cal.fy_end(cal.fy_of(base.end)):
            # "$4.1 million for the quarter" in a full-year release: the quarter that closes the year
            base = cal.quarter(cal.fy_of(base.end), 4)
        if base is None or (mention.months and base.months != mention.months):
            return ()
        if mention.months == 6 and mention.quarter:
            fy = cal.fy_of(base.end)
            own = cal.first_months(fy, 6) if mention.quarter == 1 else cal.ending(cal.fy_end(fy), 6)
            if base != own:
                return ()  # "the second half" in a first-half report names another span
        return (base,)
    if kind == "quarter":
        # A quarter without a year belongs to the year the release reports on,
        # not to whatever the paragraph last mentioned.
        p = _quarter_of(ctx, mention.quarter, None)
        return (p,) if p else ()
    if kind == "year":
        return (cal.first_months(mention.fy, 12),)
    if kind == "undated":
        return _undated_period(mention, ctx)
    return ()


def place_undated(mentions: list[PeriodMention], ctx: PeriodContext) -> list[PeriodMention]:
    """Undated ends made explicit by the release date ("the quarter ended Sept. 30"), or opaque."""
    if not any(m.kind == "undated" for m in mentions):
        return mentions
    out = []
    for m in mentions:
        if m.kind == "undated":
            ps = _undated_period(m, ctx)
            m = PeriodMention(m.start, m.end, "explicit", ps, text=m.text) if ps else PeriodMention(
                m.start, m.end, "opaque", text=m.text)
        out.append(m)
    return out


def _undated_period(mention: PeriodMention, ctx: PeriodContext) -> tuple[Period, ...]:
    """The span ending on the last such day before the release, when the release came out within four
    months of it: a results release reports the period just closed."""
    rel = ctx.release_date
    day = mention.day
    month_end = mention.months == 0  # "the end of September", "ended June with": that month's last day
    if rel is None:
        # An undated release reports on its current period: an end printed without a year is that
        # period's end when the month and day agree ("as of the end of September" in a nine-month report).
        cur = ctx.current
        if cur is None or cur.is_instant or cur.end.month != day.month \
                or cur.end.day != (_month_end(cur.end.year, day.month).day if month_end else day.day):
            return ()
        return (ctx.calendar.ending(cur.end, mention.months),)
    for year in (rel.year, rel.year - 1):
        if month_end:
            d = _month_end(year, day.month)
        elif day.month == 2 and day.day == 29 and not calendar.isleap(year):
            continue
        else:
            d = date(year, day.month, day.day)
        if d <= rel:
            return (ctx.calendar.ending(d, mention.months),) if (rel - d).days <= 122 else ()
    return ()


_FORWARD_NEAR_RE = re.compile(
    r"\b(?:expect\w*|anticipat\w*|guidance|outlook|forecast\w*|project(?:s|ed|ing)|target\w*|plan\w*|will|goal)\b",
    re.IGNORECASE,
)


def _sentence_around(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    b = text.find(". ", end)
    nl = text.find("\n", end)
    if nl >= 0 and (b < 0 or nl < b):
        b = nl  # a line ends the sentence too ("... December 31, 2023.\n\nLooking ahead, ... expects")
    return text[a:b if b >= 0 else len(text)]


_RESULTS_AFTER_RE = re.compile(r"\s+(?:financial\s+|operating\s+|preliminary\s+)?results\b", re.IGNORECASE)


# A comparison cue shortly before a span, in its own sentence: the span is the earlier figure's.
_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:compar\w+|versus|vs\.?|than|from|year[- ]ago|prior|previous|last\s+year)\b(?:(?!\.\s)[^;\n])*$", re.IGNORECASE)


def current_period(text: str, cal: FiscalCalendar, release_date: date | None = None, limit: int = 6000) -> Period | None:
    """The period the release reports on: the latest span it names as a result.

    Looks at the opening of the release (title, first paragraphs). A span
    ending after the release date, or named in a forward-looking sentence, is
    a forecast; of the rest the latest is the reporting period (the earlier
    ones are comparatives).
    """
    if release_date is None:
        # Undated: a title naming one reporting span ("... Surges Ahead: Q1 2024 Sees 47% Revenue
        # Growth") says what the release reports on, whatever later sentences name.
        nl = text.find("\n", 0, 400)
        t_end = nl if nl > 0 else min(len(text), 300)
        spans = {q for m in find_periods(text, cal, 0, t_end, explicit_only=True)
                 for q in m.periods if not q.is_instant and q.months in (3, 6, 9, 12)}
        if len(spans) == 1 and not _FORWARD_NEAR_RE.search(text, 0, t_end):
            return spans.pop()
    best: Period | None = None
    for p in find_periods(text, cal, 0, min(len(text), limit), explicit_only=True):
        if p.kind != "explicit":
            continue
        for period in p.periods:
            if period.is_instant or period.months not in (3, 6, 9, 12):
                continue
            if release_date and period.end > release_date:
                continue
            if (not release_date and _FORWARD_NEAR_RE.search(_sentence_around(text, p.start, p.end))
                    and not _RESULTS_AFTER_RE.match(text, p.end)):
                continue  # a forecast, unless it is "reported Q1 2025 results and targets ..."
            if not release_date and _COMPARED_BEFORE_RE.search(text, max(0, p.start - 80), p.start):
                continue  # "much higher than the $2.7 million reported in Q1 2023": the comparative, not ours
            if best is None or period.end > best.end or (period.end == best.end and period.months < best.months):
                best = period
    return best


_PRINTED_DATE_RE = re.compile(r"\b" + _DATE)


class StatedEnds:
    """Period ends of a 52/53-week calendar, as the release prints them.

    "the quarter ended September 26, 2025": the quarter the release calls
    its third ends on that day, not on September 30. A span computed from a
    quarter's name ("Third Quarter 2025") takes the printed end of its month;
    a span whose end is never printed (the prior year's quarter) has no day
    we can name.
    """

    def __init__(self, dates: set[date], odd: dict[tuple[int, int], date]):
        self.dates = dates
        self.odd = odd

    def fit(self, cal: FiscalCalendar, p: Period) -> Period | None:
        if p.end in self.dates:
            return p
        day = self.odd.get((p.end.year, p.end.month))
        if day is None:
            return None
        return Period(None, day, 0, None) if p.is_instant else cal.ending(day, p.months)


def stated_ends(text: str, low: str | None = None) -> StatedEnds | None:
    """The release's printed period ends when one of them is not a month end (a 52/53-week
    calendar), else None (periods named by month are exact). ``low``: the text lower-cased."""
    low = text.lower() if low is None else low
    odd: dict[tuple[int, int], date] = {}
    for g in _ENDED_GATE_RE.finditer(low):
        *_, mon, day, year = g.group(0).replace(",", " ").split()
        if int(day) == calendar.monthrange(int(year), _month_no(mon))[1]:
            continue  # a month end: nothing odd here
        # only "ended <date>" after a span word counts ("the quarter ended ..."): read the words before it
        m = _ENDED_RE.search(text, max(0, g.start() - 40), g.end() + 8)
        if m is None:
            continue
        d = _date_of(m)
        if d is not None and d != _month_end(d.year, d.month):
            odd[(d.year, d.month)] = d
    if not odd:
        return None
    dates = {d for m in _PRINTED_DATE_RE.finditer(text) if (d := _date_of(m)) is not None}
    return StatedEnds(dates, odd)
