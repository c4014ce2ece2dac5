"""Split cleaned text into typed sections.

The text is a sequence of paragraphs (see ``pipelines.clean``). Each paragraph
gets a kind; consecutive paragraphs of the same kind under the same heading
form one section. Sections are sorted, do not overlap, cover every paragraph,
and ``section.text == text[char_start:char_end]``.

How kinds are decided, in order:

* the first paragraph is the headline;
* between the headline and the dateline come subheadlines (bullet lines there
  are ``highlights``); without a dateline, short unpunctuated lines right after
  the headline are subheadlines;
* the dateline: when the dateline paragraph goes on with the first body
  sentence ("CITY, State, Month DD, YYYY (WIRE) -- Company today ..."), the
  ``dateline`` section is only the prefix up to and including its separator
  and the rest of that paragraph opens the ``body`` section;
* tables: runs of tab-separated rows or flattened one-cell lines (with the
  short label lines between them), plus the caption lines just above;
* a heading (short line, no final period, followed by a paragraph) opens a
  section whose kind comes from its wording; a heading with no telling
  wording carries on the kind it sits in;
* a paragraph that by itself starts forward-looking boilerplate, contacts or
  footnotes opens that kind even without a heading.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.model import Section
from pipelines.text_dates import DATE, DATELINE, DATELINE_ALONE
from pipelines.text_names import CORPORATE_NAME, first_listing, name_before

PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

# A flattened table cell: a number, a currency sign, a parenthesis, a dash...
CELL = re.compile(r"(?:[$€£]|\(?[$€£]?\s?[-+]?\.?\d[\d,.]*+\s?(?:%|x|pts?|bps)?\)?|\)|%|-+|N/?A|n/?a|NM|nm|\*+)")
CELL_START = frozenset("$€£(+-.)%Nn*")
TABLE_TITLE = re.compile(
    r"balance sheets?|statements? of (?:operations|income|loss|cash flows?|comprehensive|financial (?:position|condition)|"
    r"(?:stockholders|shareholders)' equity)|selected (?:consolidated )?financial|in thousands|in millions|\(unaudited\)|"
    r"reconciliation of|financial (?:information|data)\b",
    re.I,
)
TABLE_TITLE_LOWER = re.compile(TABLE_TITLE.pattern)
MAX_LABEL = 120
MAX_LABEL_GAP = 4
MAX_CAPTION_LINES = 6

MAX_DATELINE_INDEX = 8
MAX_DATELINE_CHARS = 250
SHORT_PARAGRAPH = 300
HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 12
SENTENCE_END = frozenset('.!?,;"')

# Heading wording -> kind, tried in order; guidance before financial results
# so "Financial Guidance" is guidance.
HEADING_KINDS = [
    ("guidance", re.compile(r"\bguidance\b|\boutlook\b|\bexpectations? for (?:fiscal|the year|20\d\d)")),
    ("forward_looking", re.compile(r"forward[- ]looking|safe harbou?r|cautionary (?:note|statement|language)")),
    ("contacts", re.compile(
        r"^(?:(?:media|investors?|press|company|analyst|ir|pr)(?: and (?:media|investors?))?\s*(?:contacts?|inquiries|relations)\b|"
        r"contacts?\b|contact (?:information|details|us)\b|for (?:investors?|media|press)\b|source:)")),
    ("table", TABLE_TITLE_LOWER),
    ("financial_results", re.compile(
        r"financial (?:results|highlights|summary|review|update|overview|performance)|results of operations|"
        r"(?:quarter|year|annual|fiscal|months|fy|q[1-4])\b[^.]{0,40}\b(?:results|financials?)\b|operating results")),
    ("highlights", re.compile(
        r"highlights|key (?:achievements|accomplishments|takeaways|points)|recent (?:developments|achievements|progress|"
        r"accomplishments)|business (?:update|review)|(?:corporate|pipeline|program|clinical|operational) (?:update|progress)s?\b|"
        r"milestones")),
    ("footnotes", re.compile(r"^(?:references?|notes?|footnotes?|sources?|citations?)\s*:?$")),
    ("about_product", re.compile(
        r"important safety information|indications? and usage|prescribing information|boxed warning|^about the (?:study|trial)",
    )),
    ("other", re.compile(
        r"conference call|webcast|earnings call|investor (?:call|event|day)|upcoming (?:events|presentations)|"
        r"presentation details|event details|back to (?:news|top)|disclaimer|terms of use")),
]
# For each kind, substrings one of which every match of its pattern holds
# (read off the alternatives above): a pattern is searched only when one is
# in the heading, which spares most regex calls.
HEADING_KIND_NEEDLES = {
    "guidance": ("guidance", "outlook", "expectation"),
    "forward_looking": ("looking", "harbo", "cautionary"),
    "contacts": ("contact", "inquiries", "relations", "for ", "source:"),
    "table": ("balance sheet", "statement", "selected ", "in thousands", "in millions", "(unaudited)",
              "reconciliation of", "financial "),
    "financial_results": ("results", "financial"),
    "highlights": ("highlights", "key ", "recent ", "business ", "update", "progress", "milestones"),
    "footnotes": ("reference", "note", "source", "citation"),
    "about_product": ("safety information", " and usage", "prescribing information", "boxed warning", "about the "),
    "other": ("conference call", "webcast", "earnings call", "investor ", "upcoming ", "details", "back to ",
              "disclaimer", "terms of use"),
}
GATED_HEADING_KINDS = [(kind, pattern, HEADING_KIND_NEEDLES[kind]) for kind, pattern in HEADING_KINDS]
ABOUT = re.compile(r"^about\s+(?:the\s+)?(.+)$", re.I)
PRODUCT_INFO = next(pattern for kind, pattern in HEADING_KINDS if kind == "about_product")
CORPORATE_SUFFIX = re.compile(
    r"\b(?:inc|corp|corporation|ltd|limited|llc|plc|ag|sa|s\.a|nv|n\.v|gmbh|co|company|holdings?|group|se|asa|ab|a/s|lp)\.?\)?$",
    re.I,
)
# CORPORATE_SUFFIX ends at the end: searching only this many last characters
# finds the same match ("corporation.)" is 13 long; \b still sees the
# character before the search start).
SUFFIX_REACH = 16

# Paragraphs that open a kind on their own, without a heading. Patterns
# anchored on the "\n\n" before a paragraph run over the whole text (the
# literal prefix keeps the scan fast); the forward-looking test runs on the
# lower-cased first characters of each paragraph.
FORWARD_LOOKING = re.compile(r"forward[- ]looking statement|safe harbou?r|cautionary (?:note|statement)")
FORWARD_LOOKING_REACH = 250
FORWARD_LOOKING_OPENERS = ("forward", "safe", "cautionary")
OPENER_CHARS = max(map(len, FORWARD_LOOKING_OPENERS))
# Only these characters lower-case to an opener's first letter.
OPENER_INITIALS = frozenset("fFsScC")
assert {opener[0] for opener in FORWARD_LOOKING_OPENERS} == set("fsc")
CONTACT_OPENERS = (
    r"(?:media|investors?|press|company|analyst|ir|pr) (?:contacts?|inquiries|relations)\s*:|contacts?\s*:|"
    r"for (?:investors|media|press)(?: (?:inquiries|relations|contacts?))?\s*:|source:\s|contact information\s*:"
)
STARTS_CONTACTS = re.compile(CONTACT_OPENERS)  # on a lower-cased paragraph start
CONTACTS_AT_START = re.compile(rf"\n\n(?i:{CONTACT_OPENERS})")
FOOTNOTE_AT_START = re.compile(r"\n\n(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]|I(?=[A-Z][a-z]))[A-Z][\w-]*[ ,.]|\n\n\[\d{1,2}\]|\n\n\(\d{1,2}\)\s")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TRADEMARK_NOTICE = re.compile(r"[^.]{1,160}\b(?:is|are) (?:a |the )?(?:registered )?trademarks?\b", re.I)
OTHER_AT_START = re.compile(r"\n\n(?:(?i:back to (?:news|top)|view (?:the )?original)|###|-?\s?30\s?-(?:\n|$))")
# A short paragraph with an e-mail address is a contact block ("Jane Roe,
# 617-555-0100, jane@acme.example"); "@" first keeps the scan cheap.
EMAIL = re.compile(r"@[A-Za-z0-9-]+\.[A-Za-z]")
CONTACT_BLOCK_CHARS = 160
BULLET = re.compile(r"(?:- |\d{1,2}[.)] )")
# The paragraph starts where any of the three patterns above can match: one
# scan finds them (consuming only the first "\n", so that no start is
# skipped); each pattern is then tried there alone.
_AT_START = (OTHER_AT_START, FOOTNOTE_AT_START, CONTACTS_AT_START)
# Each pattern's alternatives all open with "\n\n" (and only they hold one):
# the scan consumes the first "\n" and looks ahead for the rest.
assert [p.pattern.count(r"\n\n") for p in _AT_START] == [1, 3, 1]
ANY_AT_START = re.compile(
    r"\n(?=" + "|".join("(?:" + pattern.pattern.replace(r"\n\n", r"\n") + ")" for pattern in _AT_START) + ")"
)


# Kinds a heading without telling wording continues; after any other kind it
# starts plain body text.
CONTINUABLE = frozenset({"highlights", "financial_results", "guidance", "about_product", "body", "contacts"})
# Kinds text resumes after a table interrupted it.
RESUMABLE = frozenset({"body", "highlights", "financial_results", "guidance", "about_company", "about_product"})


def split_sections(text: str) -> list[Section]:
    spans = [m.span() for m in PARAGRAPH.finditer(text)]
    if not spans:
        return []
    paragraphs = [text[s:e] for s, e in spans]
    units = _classify(paragraphs, spans, _issuer_word(text, paragraphs), _own_kinds(text, spans, paragraphs))
    _promote_last_about(units)
    return _merge(text, units)


# A unit is (start, end, kind, heading, opens_new_section).
Unit = tuple[int, int, str, "str | None", bool]


def _classify(
    paragraphs: list[str], spans: list[tuple[int, int]], issuer: str | None, own_kinds: dict[int, str]
) -> list[Unit]:
    n = len(paragraphs)
    table_at = _find_tables(paragraphs)
    units: list[Unit] = [(spans[0][0], spans[0][1], "headline", None, True)]
    i = _classify_top(paragraphs, spans, units, table_at)
    kind, heading = "body", None
    while i < n:
        start, end = spans[i]
        para = paragraphs[i]
        if i in table_at:
            last = table_at[i]
            units.append((start, spans[last][1], "table", None, True))
            i = last + 1
            # Text after a table continues the section kind it interrupted,
            # but as a new section that no heading opens.
            kind, heading = (kind if kind in RESUMABLE else "other"), None
            continue
        own_kind = own_kinds.get(i)
        if own_kind:
            kind, heading = own_kind, None
            units.append((start, end, kind, None, own_kind != units[-1][2]))
        elif i + 1 < n and len(para) <= HEADING_MAX_CHARS and _is_heading(para):
            previous = kind
            kind = _heading_kind(para, issuer, kind)
            if kind == "table" and _is_prose(paragraphs[i + 1]):
                # "Key Highlights (Unaudited):", "Balance Sheet Management:" over bullet sentences
                kind = _heading_kind(para, issuer, previous, skip_table=True)
            heading = para
            units.append((start, end, kind, heading, True))
        else:
            units.append((start, end, kind, heading, False))
        i += 1
    return units


def _promote_last_about(units: list[Unit]) -> None:
    """Without an About section naming the issuer, the last "About X" (not
    "About the ...", not safety information) is the issuer's boilerplate:
    releases end with it."""
    for unit in units:
        if unit[2] == "about_company":
            return
    candidates = [
        i for i, (_, _, kind, heading, new) in enumerate(units)
        if kind == "about_product" and new and heading and ABOUT.match(heading)
        and not heading.lower().startswith("about the") and not _names_product_info(heading)
    ]
    if not candidates:
        return
    i = candidates[-1]
    while True:
        start, end, _, heading, new = units[i]
        units[i] = (start, end, "about_company", heading, new)
        i += 1
        if i >= len(units) or units[i][4] or units[i][2] != "about_product":
            return


def _names_product_info(heading: str) -> bool:
    return bool(PRODUCT_INFO.search(heading.lower()))


def _classify_top(paragraphs, spans, units, table_at) -> int:
    """Subheadlines, top highlights and the dateline; returns the next index."""
    n = len(paragraphs)
    dateline_at, dateline = _find_dateline(paragraphs)
    i = 1
    while i < n and i not in table_at:
        para = paragraphs[i]
        start, end = spans[i]
        if i == dateline_at:
            _add_dateline(para, dateline.end(), start, end, units)
            return i + 1
        if dateline_at is None and not _looks_like_subheadline(para):
            return i
        if BULLET.match(para) and not _dash_wrapped(para):
            units.append((start, end, "highlights", None, units[-1][2] != "highlights"))
        elif _starts_contacts(para):
            units.append((start, end, "contacts", None, True))
        else:
            units.append((start, end, "subheadline", None, True))
        i += 1
    return i


def _find_dateline(paragraphs: list[str]) -> tuple[int | None, re.Match | None]:
    """The dateline is among the first paragraphs, no later than the first long
    one (a long paragraph is the body, with or without a dateline prefix)."""
    for j in range(1, min(len(paragraphs), MAX_DATELINE_INDEX + 1)):
        para = paragraphs[j]
        m = DATELINE.match(para, 0, MAX_DATELINE_CHARS) if _may_hold_dateline(para) else None
        if m:
            return j, m
        # A date needs a year: "19" or "20" first rules most lines out cheaply.
        if len(para) <= MAX_DATELINE_CHARS and "\n" not in para and ("19" in para or "20" in para):
            m = DATELINE_ALONE.fullmatch(para)
            if m and DATE.search(para):
                # A wire's own date line may sit above the release's dateline,
                # which then wins (the two disagree when the wire's is a typo).
                after = DATELINE.match(paragraphs[j + 1], 0, MAX_DATELINE_CHARS) if j + 1 < len(paragraphs) else None
                return (j + 1, after) if after else (j, m)
        if len(para) > SHORT_PARAGRAPH and not BULLET.match(para):
            break
    return None, None


def _may_hold_dateline(para: str) -> bool:
    """False when DATELINE cannot match the paragraph's head: it needs a wire
    ("(" or "/") or a year ("19" or "20"), and a closing "-", ":" or "/".
    Most paragraphs the search passes are ruled out this way, far cheaper
    than by the regex's backtracking over a capitalised "place"."""
    head = para[:MAX_DATELINE_CHARS]
    return ("(" in head or "/" in head or "19" in head or "20" in head) and ("-" in head or ":" in head or "/" in head)


def _add_dateline(para: str, prefix_end: int, start: int, end: int, units: list[Unit]) -> None:
    rest = para[prefix_end:]
    body_offset = prefix_end + len(rest) - len(rest.lstrip())
    if body_offset >= len(para):
        units.append((start, end, "dateline", None, True))
        return
    dateline_end = start + len(para[:prefix_end].rstrip())
    units.append((start, dateline_end, "dateline", None, True))
    units.append((start + body_offset, end, "body", None, True))


def _dash_wrapped(para: str) -> bool:
    """"- New BLA Expected in Mid-2012 -": a subheadline set off by dashes."""
    return len(para) > 4 and para[0] == "-" and para[-1] == "-" and "\n" not in para


def _looks_like_subheadline(para: str) -> bool:
    if BULLET.match(para) or _starts_contacts(para):
        return True
    if len(para) > 300 or "\n" in para:
        return False
    return para[-1] not in ".:" or _dash_wrapped(para)


def _is_heading(para: str) -> bool:
    if len(para) > HEADING_MAX_CHARS or "\n" in para or "\t" in para:
        return False
    last = para[-1]
    # BULLET needs a leading "-" (never a heading start) or digit.
    first = para[0]
    if first.isdecimal():
        if BULLET.match(para):
            return False
    elif not (first.isupper() or first.isdigit()):
        return False
    # "About Acme, Inc." ends in a period that is not a sentence end.
    if last in SENTENCE_END and not (last == "." and CORPORATE_SUFFIX.search(para, max(0, len(para) - SUFFIX_REACH))):
        return False
    words = para.count(" ") + 1
    if last == ":" and words > 6:
        return False
    return words <= HEADING_MAX_WORDS


def _starts_contacts(para: str) -> bool:
    return bool(STARTS_CONTACTS.match(para[:60].lower()))


WORD = re.compile(r"[A-Za-z]{3,}")
NUMBER = re.compile(r"\d[\d,.]*")


def _is_prose(paragraph: str) -> bool:
    """Sentences, bulleted or not: most lines run to five words or more (table rows and cells do not)."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    wordy = sum(1 for line in lines if (words := len(WORD.findall(line))) >= 5 and len(NUMBER.findall(line)) <= words
                and (line[0] in "-*•" or line[-1] in ".:;"))
    return bool(lines) and 2 * wordy > len(lines)


def _heading_kind(heading: str, issuer: str | None, current: str, skip_table: bool = False) -> str:
    lower = heading.lower()
    about = ABOUT.match(heading)
    if about:
        subject = about.group(1)
        if _is_issuer(subject, issuer):
            return "about_company"
        return "about_product"
    for kind, pattern, needles in GATED_HEADING_KINDS:
        if skip_table and kind == "table":
            continue
        for needle in needles:
            if needle in lower:
                if pattern.search(lower):
                    return kind
                break
    return current if current in CONTINUABLE else "body"


def _is_issuer(subject: str, issuer: str | None) -> bool:
    if subject.strip(" :").lower() in ("company", "us", "the company"):  # "About the Company", "About Us"
        return True
    first = subject.split(maxsplit=1)[0].strip(",.").lower() if subject.strip() else ""
    if issuer and first == issuer:
        return True
    return bool(CORPORATE_SUFFIX.search(subject.rstrip(" ,.:"))) and not issuer


def _issuer_word(text: str, paragraphs: list[str]) -> str | None:
    """First word of the issuer's name, lower-cased: from the name before its
    stock listing, else from a corporate name or first word of the headline."""
    listing = first_listing(text)
    name = name_before(text, listing.start()) if listing else None
    if not name:
        m = CORPORATE_NAME.match(paragraphs[0])
        name = m.group(1) if m else paragraphs[0]
    words = name.split(maxsplit=1)
    return words[0].strip(",.:").lower() if words else None


def _own_kinds(text: str, spans: list[tuple[int, int]], paragraphs: list[str]) -> dict[int, str]:
    """Paragraphs that open a kind by themselves, by index. Later (stronger)
    rules overwrite earlier ones: contacts > forward-looking > footnotes >
    other. Patterns anchored on a paragraph start run once over the whole
    text (a literal "\n\n" prefix keeps that fast)."""
    starts = [start for start, _ in spans]
    kinds: dict[int, str] = {}
    other_ends, footnote_ends, contact_ends = _ends_at_start(text)
    for end in other_ends:
        i = bisect_right(starts, end) - 1
        if len(paragraphs[i]) < 40:
            kinds[i] = "other"
    for end in footnote_ends:
        i = bisect_right(starts, end) - 1
        if len(paragraphs[i]) < 300 and YEAR.search(paragraphs[i]):
            kinds[i] = "footnotes"
    # Lower-casing a slice equals slicing the lower-cased text unless the text
    # holds the one character whose lower case is longer (U+0130) or a
    # capital sigma (lower-cased by context).
    if "\u0130" in text or "\u03a3" in text:
        _opening_markers_in_lowered(text.lower(), spans, paragraphs, kinds)
    else:
        _opening_markers(text, spans, paragraphs, kinds)
    if "@" in text:
        for m in EMAIL.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            # Only in the back half: mid-body, a short line with an address
            # would turn the paragraphs after it into contacts.
            if len(paragraphs[i]) < CONTACT_BLOCK_CHARS and i > 2 and 2 * i >= len(paragraphs):
                kinds.setdefault(i, "contacts")
    for end in contact_ends:
        kinds[bisect_right(starts, end) - 1] = "contacts"
    kinds.pop(0, None)  # the headline is always the headline
    return kinds


def _opening_markers(text: str, spans: list[tuple[int, int]], paragraphs: list[str], kinds: dict[int, str]) -> None:
    """Forward-looking and trademark markers sit in a paragraph's first
    characters, so short slices are tested instead of scanning the text."""
    for i in range(1, len(paragraphs)):
        start, end = spans[i]
        length = end - start
        head = None
        # A short paragraph opens the kind only when it starts with the
        # marker: test that first (its initial first), before scanning its head.
        if length > 120 or (
            text[start] in OPENER_INITIALS and text[start:start + OPENER_CHARS].lower().startswith(FORWARD_LOOKING_OPENERS)
        ):
            head = text[start:min(end, start + FORWARD_LOOKING_REACH)].lower()
            if ("looking" in head or "harbo" in head or "cautionary" in head) and FORWARD_LOOKING.search(head):
                kinds[i] = "forward_looking"
                continue
        if length < 300:
            lowered = head if head is not None and length <= FORWARD_LOOKING_REACH else paragraphs[i].lower()
            if "trademark" in lowered and TRADEMARK_NOTICE.match(paragraphs[i]):
                kinds[i] = "footnotes"


def _opening_markers_in_lowered(
    lower: str, spans: list[tuple[int, int]], paragraphs: list[str], kinds: dict[int, str]
) -> None:
    """_opening_markers on slices of the whole lower-cased text."""
    for i in range(1, len(paragraphs)):
        start, end = spans[i]
        if end - start > 120 or lower[start:start + OPENER_CHARS].startswith(FORWARD_LOOKING_OPENERS):
            head = lower[start:min(end, start + FORWARD_LOOKING_REACH)]
            if ("looking" in head or "harbo" in head or "cautionary" in head) and FORWARD_LOOKING.search(head):
                kinds[i] = "forward_looking"
                continue
        if end - start < 300 and "trademark" in lower[start:end] and TRADEMARK_NOTICE.match(paragraphs[i]):
            kinds[i] = "footnotes"


def _ends_at_start(text: str) -> tuple[list[int], list[int], list[int]]:
    """Match ends of OTHER_AT_START, FOOTNOTE_AT_START and CONTACTS_AT_START,
    exactly as each one's finditer() would give them (a match hides later
    ones of the same pattern that start inside it)."""
    found: tuple[list[int], list[int], list[int]] = ([], [], [])
    if "\n" not in text:
        return found
    last_end = [0, 0, 0]
    for candidate in ANY_AT_START.finditer(text):
        pos = candidate.start()
        for k, pattern in enumerate(_AT_START):
            if pos >= last_end[k]:
                m = pattern.match(text, pos)
                if m:
                    found[k].append(m.end())
                    last_end[k] = m.end()
    return found


def _find_tables(paragraphs: list[str]) -> dict[int, int]:
    """First paragraph index of each table -> its last paragraph index."""
    # CELL can only start with one of CELL_START, a digit or a space: test
    # the first character before calling the regex.
    is_row = [
        ("\t" in p)
        or ((p[0] in CELL_START or p[0].isdecimal() or p[0].isspace()) and CELL.fullmatch(p) is not None)
        for p in paragraphs
    ]
    tables: dict[int, int] = {}
    n = len(paragraphs)
    i = 1
    while i < n:
        if not is_row[i]:
            i += 1
            continue
        first = last = i
        rows = 1
        j = i + 1
        while j < n:
            if is_row[j]:
                last, rows = j, rows + 1
                j += 1
                continue
            gap_end = j
            while gap_end < n and not is_row[gap_end] and gap_end - j < MAX_LABEL_GAP and _is_label(paragraphs[gap_end]):
                gap_end += 1
            if gap_end < n and is_row[gap_end] and gap_end > j and not any(
                TABLE_TITLE.search(paragraphs[k]) for k in range(j, gap_end)
            ):
                j = gap_end
                continue
            break
        if rows >= 2 or "\t" in paragraphs[first]:
            first = _caption_start(paragraphs, first, tables)
            tables[first] = last
        i = last + 1
    return tables


def _is_label(para: str) -> bool:
    # "ACME THERAPEUTICS, INC." above a statement ends in a period but is a title.
    return len(para) <= MAX_LABEL and (para[-1] != "." or para.isupper()) and "\n" not in para


def _caption_start(paragraphs: list[str], first: int, tables: dict[int, int]) -> int:
    """Include the caption lines (titles, units, period headers) just above."""
    previous_end = max(tables.values(), default=0)
    k = first
    while k - 1 > previous_end and first - (k - 1) <= MAX_CAPTION_LINES:
        para = paragraphs[k - 1]
        if not (_is_label(para) or TABLE_TITLE.search(para)) or len(para) > 200:
            break
        if ABOUT.match(para) or _starts_contacts(para):
            break
        if not TABLE_TITLE.search(para) and _heading_names_other_kind(para):
            break
        k -= 1
    return k


def _heading_names_other_kind(para: str) -> bool:
    lower = para.lower()
    return any(pattern.search(lower) for kind, pattern in HEADING_KINDS if kind != "table")


def _merge(text: str, units: list[Unit]) -> list[Section]:
    sections: list[Section] = []
    cur_start, cur_end, cur_kind, cur_heading = units[0][0], units[0][1], units[0][2], units[0][3]
    for start, end, kind, heading, new in units[1:]:
        if new or kind != cur_kind:
            sections.append(_section(text, len(sections), cur_kind, cur_heading, cur_start, cur_end))
            cur_start, cur_kind, cur_heading = start, kind, heading
        cur_end = end
    sections.append(_section(text, len(sections), cur_kind, cur_heading, cur_start, cur_end))
    return sections


def _section(text: str, no: int, kind: str, heading: str | None, start: int, end: int) -> Section:
    return Section(no, kind, heading, text[start:end], start, end)
