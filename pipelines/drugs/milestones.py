"""Expected events and fuzzy dates turned into windows.

Conventions (documented here because analysts query the windows):
- early YYYY = Jan 1..Apr 30, mid-YYYY = May 1..Aug 31, late YYYY = Sep 1..Dec 31
  (thirds of the year, so the three never overlap);
- 1H/first half = Jan..Jun, 2H/second half = Jul..Dec; nQYYYY, Qn YYYY,
  "the fourth quarter (of YYYY)" = that calendar quarter (release year when
  the year is not printed);
- "later this year", "by year-end", "this year" = release date..Dec 31;
- "next twelve months" / "within the next year" = release date..release date + 12 months;
- "by the end of YYYY" = release date (or Jan 1 of YYYY without one)..Dec 31 YYYY;
- "in YYYY" = the calendar year; a day without a year ("Aug. 15") = the next such day; "next month" = the following calendar month;
  "in June" (no year) = the next June on or after the release month.
A phrase that needs the release date yields no window when the date is unknown.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_Y = r"(?P<y>(?:19|20)\d\d)"

DATE_RE = re.compile(
    r"(?P<half>(?P<h>[12])H[ \t-]?(?:(?:19|20)?(?P<hy>\d\d))|(?P<hw>first|second|1st|2nd) half of (?:(?:calendar |fiscal )?(?P<hwy>(?:19|20)\d\d)|this year|the year|(?P<hwn>next year))|H(?P<hh>[12])[ \t](?P<hhy>(?:19|20)\d\d))"
    r"|(?P<q2>(?:the )?(?P<qa>first|second|third) and (?P<qb>second|third|fourth) (?:calendar )?quarters of (?P<q2y>(?:19|20)\d\d))"
    r"|(?P<season>(?:the )?(?P<sn>spring|summer|fall|autumn|winter)(?: of)? (?P<sy>(?:19|20)\d\d)|this (?P<sn2>spring|summer|fall|autumn|winter))"
    r"|(?P<q>(?P<qn>[1-4])Q[ \t]?(?P<qy>(?:19|20)\d\d|\d\d(?![\d%]))|Q(?P<qn2>[1-4])[ \t]+(?:of[ \t]+)?(?:(?:calendar|fiscal)[ \t]+(?:year[ \t]+)?)?(?P<qy2>(?:19|20)\d\d)|(?<![\w-])Q(?P<qn3>[1-4])(?![\w-]|[ \t]+(?:of[ \t]+)?(?:(?:calendar|fiscal)[ \t]+(?:year[ \t]+)?)?(?:19|20)\d\d)|(?:the )?(?P<qw>first|second|third|fourth) (?:calendar )?quarter(?!s)(?: of (?:(?:calendar |fiscal )?(?P<qwy>(?:19|20)\d\d)|this year|the year))?)"
    r"|(?P<rel>(?P<part>early|mid|late|end of|end)[- ](?:(?P<py>(?:19|20)\d\d)|this year|next year))"
    r"|(?P<later>later this (?:calendar )?year|later in the year|(?:by|before) (?:the )?(?:end of )?(?:this )?year[- ]end|(?:by|before) the end of (?:this|the) year|this year)"
    r"|(?P<next12>(?:the |within the )?next (?:twelve|12) months|within the next year|by this time next year)"
    r"|(?P<byend>by the end of (?:calendar |fiscal )?(?P<by>(?:19|20)\d\d))"
    r"|(?P<month>(?P<mn>January|February|March|April|May|June|July|August|September|October|November|December)(?: (?P<mday>\d{1,2}),)? (?P<my>(?:19|20)\d\d))"
    r"|(?P<md>(?P<mdn>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (?P<mdd>\d{1,2})\b(?!,? (?:19|20)\d\d))"
    # "topline data in early June": the next such month on or after the release
    r"|(?P<mny>\b(?:in|by|during|until) (?:early |mid-|mid |late )?(?P<mnn>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![ \t]+\d)(?!,?[ \t]+(?:19|20)\d\d))"
    r"|(?P<nextmonth>next month|over the next month)|(?P<thismonth>this month|later this month)"
    r"|(?P<year>\b(?:in|during|by|for) (?:calendar |fiscal )?(?P<yy>(?:19|20)\d\d)\b)",
    re.I,
)


# The drug an event names right after it: "topline data from the X Phase 2 program", "initiation of X's trial"
EVENT_OF = re.compile(r"[ \t]+(?:from|of|for)[ \t]+(?:the[ \t]+|its[ \t]+|our[ \t]+)?")


def _end_of_month(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def window(m: re.Match[str], release: date | None) -> tuple[date | None, date | None]:
    """The (start, end) window a date phrase means, relative to the release date when needed."""
    ry = release.year if release else None
    g = m.group
    if g("half"):
        if g("h"):
            h, y = int(g("h")), 2000 + int(g("hy")) if len(g("hy")) == 2 else int(g("hy"))
        elif g("hh"):
            h, y = int(g("hh")), int(g("hhy"))
        else:
            h, y = _ORD[g("hw").lower()], int(g("hwy")) if g("hwy") else ry
            if g("hwn") and y is not None:
                y += 1
        if y is None:
            return None, None
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    if g("q2"):
        y = int(g("q2y"))
        return date(y, 3 * _ORD[g("qa").lower()] - 2, 1), _end_of_month(y, 3 * _ORD[g("qb").lower()])
    if g("season"):
        name = (g("sn") or g("sn2")).lower()
        y = int(g("sy")) if g("sy") else ry
        if y is None:
            return None, None
        if name == "winter":  # December to February of the next year
            return date(y, 12, 1), _end_of_month(y + 1, 2)
        first = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9}[name]
        return date(y, first, 1), _end_of_month(y, first + 2)
    if g("q"):
        if g("qn"):
            q, y = int(g("qn")), int(g("qy"))
            if y < 100:  # "4Q25"
                y += 2000
        elif g("qn2"):
            q, y = int(g("qn2")), int(g("qy2"))
        elif g("qn3"):  # "Q4" alone: the release year
            q, y = int(g("qn3")), ry
        else:
            q, y = _ORD[g("qw").lower()], int(g("qwy")) if g("qwy") else ry
        if y is None:
            return None, None
        return date(y, 3 * q - 2, 1), _end_of_month(y, 3 * q)
    if g("rel"):
        part = g("part").lower()
        if g("py"):
            y = int(g("py"))
        elif ry is None:
            return None, None
        else:
            y = ry + (1 if "next" in g("rel").lower() else 0)
        if part == "early":
            return date(y, 1, 1), date(y, 4, 30)
        if part == "mid":
            return date(y, 5, 1), date(y, 8, 31)
        if part == "late":
            return date(y, 9, 1), date(y, 12, 31)
        start = release if release and release.year == y else date(y, 1, 1)
        return start, date(y, 12, 31)
    if g("later"):
        return (release, date(release.year, 12, 31)) if release else (None, None)
    if g("next12"):
        return (release, _add_months(release, 12)) if release else (None, None)
    if g("byend"):
        y = int(g("by"))
        start = release if release and release.year <= y else date(y, 1, 1)
        return start, date(y, 12, 31)
    if g("month"):
        mo, y = MONTHS[g("mn").lower()], int(g("my"))
        if g("mday"):  # "August 13, 2024": that day
            try:
                d = date(y, mo, int(g("mday")))
            except ValueError:
                return None, None
            return d, d
        return date(y, mo, 1), _end_of_month(y, mo)
    if g("md"):
        # "PDUFA goal date of Aug. 15": the next such day on or after the release
        if not release:
            return None, None
        mo = MONTHS[g("mdn").lower()[:3]]
        day = int(g("mdd"))
        try:
            d = date(release.year, mo, day)
            if d < release:
                d = date(release.year + 1, mo, day)
        except ValueError:
            return None, None
        return d, d
    if g("mny"):
        if not release:
            return None, None
        mo = MONTHS[g("mnn").lower()]
        y = release.year + (1 if mo < release.month else 0)
        return date(y, mo, 1), _end_of_month(y, mo)
    if g("nextmonth"):
        if not release:
            return None, None
        s = _add_months(release.replace(day=1), 1)
        return s, _end_of_month(s.year, s.month)
    if g("thismonth"):
        if not release:
            return None, None
        return release.replace(day=1), _end_of_month(release.year, release.month)
    if g("year"):
        y = int(g("yy"))
        return date(y, 1, 1), date(y, 12, 31)
    return None, None


# What is expected. Order matters: the first pattern that matches a clause wins.
EVENTS = (
    ("IND submission", re.compile(r"\bsubmi\w*\s+(?:\S+\s+){0,3}?(?:INDs?\b|Investigational New Drug)|\bIND\)? (?:application )?(?:submission|filing)|\bplanned IND\b|\bINDs? (?:to be |will be )?(?:submitted|filed)|toward IND filing", re.I)),
    ("BLA submission", re.compile(r"\b(?:submi\w*|fil(?:e|ing))\s+(?:(?!and\s|or\s)\S+\s+){0,3}?(?:BLA|Biologics? License Application)\b|\bBLA\b[^.;]{0,40}\b(?:submitted|submission|filed)|\b(?:Biologics? License Application\)?|BLA)[ \t]+(?:submission|filing)\b", re.I)),
    ("NDA submission", re.compile(r"\b(?:submi\w*|fil(?:e|ing))\s+(?:(?!and\s|or\s)\S+\s+){0,3}?(?:NDA|(?<!Investigational )New Drug Application)\b|\bNDA\b[^.;]{0,40}\b(?:submitted|submission|filed)|(?:(?<!Investigational )\bNew Drug Application\)?|\bNDA)[ \t]+(?:submission|filing)\b", re.I)),
    ("MAA submission", re.compile(r"\b(?:submi\w*|fil(?:e|ing))\s+(?:\w+\s+){0,3}?(?:MAA|Marketing Authori[sz]ation Application)\b|\b(?:MAA|Marketing Authori[sz]ation Application)\)?[ \t]+(?:submission|filing)\b", re.I)),
    # "The Phase 1b/2 ACME-1 study is scheduled to commence": a trial name may stand between
    ("PHASE start", re.compile(r"\b(?:Phase[ \t]*(?P<ph2>IV|I{1,3}|[1-4])(?:[abAB])?(?:/(?:I{1,3}|[1-4]))?)[ \t]+(?:[\w-]*[A-Z0-9][\w-]*[ \t]+)?(?:clinical[ \t]+)?(?:trials?|stud(?:y|ies))[ \t]+(?:(?:is |are )?(?:anticipated|expected|planned|slated|scheduled|set|targeted)\b|to (?:start|begin|commence|initiate|launch)\b)", re.I)),
    ("PHASE start", re.compile(r"\b(?:begin|start|initiat|commenc|advanc|enter|launch|mov)\w*\s+(?:(?!Phase\b)\S+\s+){0,6}?(?:pivotal\s+|registrational\s+)?(?:Phase[ \t]*(?P<ph>IV|I{1,3}|[1-4])(?:[abAB])?(?:/(?:I{1,3}|[1-4]))?)", re.I)),
    # "Phase 3 initiation in the second half of 2025" (a catalyst list)
    ("PHASE start", re.compile(r"\b(?:Phase[ \t]*(?P<ph5>IV|I{1,3}|[1-4])(?:[abAB])?(?:/(?:I{1,3}|[1-4]))?)[ \t]+(?:(?:clinical[ \t]+)?(?:trial|study)[ \t]+)?(?:initiation|start)\b", re.I)),
    # "outlined plans for Phase 1b/2 studies": trials still to start
    ("PHASE start", re.compile(r"\bplans for (?:a |an |the |its |our )?(?:pivotal[ \t]+|registrational[ \t]+)?(?:Phase[ \t]*(?P<ph4>IV|I{1,3}|[1-4])(?:[abAB])?(?:/(?:I{1,3}|[1-4]))?)", re.I)),
    # "plans to initiate the pivotal study in mid-2025": a pivotal study is Phase 3
    ("PHASE start", re.compile(r"\b(?:begin|start|initiat|commenc|launch)\w*\s+(?:the |a |its |our )?pivotal (?:clinical )?(?:study|trial)\b", re.I)),
    # "to advance an oral formulation of DMX-0000 to Phase 2a in Q2 2025"
    ("PHASE start", re.compile(r"\b(?:advanc|mov|progress)\w*\s+(?:\S+\s+){0,8}?(?:to|into)\s+(?:a |the |its )?(?:pivotal\s+|registrational\s+)?(?:Phase[ \t]*(?P<ph3>IV|I{1,3}|[1-4])(?:[abAB])?(?:/(?:I{1,3}|[1-4]))?)", re.I)),
    ("clinic entry", re.compile(r"\b(?:enter|advance into|move into)\s+(?:the\s+)?clinic(?:al testing|al trials)?\b|\bfirst[- ]in[- ]human (?:dosing|trials?|stud(?:y|ies))\b|\b(?:begin|start|initiate|commence)\w*\s+(?:human\s+)?clinical (?:trials|testing)\b", re.I)),
    # "approval is anticipated in 2H26", "targeting potential approval in Canada by H1 2026"
    ("approval decision", re.compile(r"\bPDUFA\b|\b(?:FDA|regulatory|approval) decision\b|\bapproval (?:of [\w-]+ )?(?:is |are )?(?:anticipated|expected)\b|\btargeting (?:potential )?(?:\w+ )?approval\b", re.I)),
    ("data", re.compile(r"\bdata (?:presentation|readout|read-out)s?\b|\bexpect\w*\s+(?:[\w()-]+\s+){0,5}?(?:data|results)\b|\b(?:report|disclos|present|announc|releas|shar|read ?out)\w*\s+(?:[\w-]+\s+){0,6}?(?:data|results|findings|readout)\b|\b(?:data|results|read[- ]?out|top-?line)\b[^.;]{0,40}\b(?:expected|anticipated)\b|\btop-?line (?:data|results|readouts?|read-outs?)\b(?:[^.;()]{0,60}?\b(?:expected|anticipated)\b)?"
                          # "a blinded interim efficacy analysis planned for 1H 2026"
                          r"|\binterim (?:[\w-]+ ){0,2}analys[ie]s\b(?: (?:is |are )?(?:planned|expected|anticipated|scheduled)\b)?", re.I)),
)
FUTURE = re.compile(
    r"\b(?:expect\w*|plan\w*|intend\w*|anticipat\w*|will|on track|scheduled|slated|due to|targeted to|aim\w*|goal|prepar\w+|upcoming|looks? forward|positioned to|priority is|target(?:s|ing)? (?:a |an )?(?:submission|filing)|targeting (?:potential )?(?:\w+ )?approval|set to (?:begin|start|launch|commence|initiate|read ?out)|catalysts (?:include|are)|cleared (?:\w+ )*?to (?:begin|start|initiate|commence)|clearance (?:[^\s.;]+ ){0,8}?to (?:begin|start|initiate|commence)|(?:trials?|stud(?:y|ies)) to (?:start|begin|commence|initiate|launch))\b",
    re.I,
)
