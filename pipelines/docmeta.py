"""What a release says about itself: title, release date, issuer, listing, type.

Everything comes from the release text. A release that states no date gets
``release_date=None`` (never the run date); a date mentioned in passing ("as of
December 31, 2010") is not a release date: only the dateline, a bare or labelled
("Release Date: ...") date line under the headline, or "today, <date>" count.
"""

from __future__ import annotations

import re
from datetime import date

from pipelines.model import CleanDocument, Section
from pipelines.text_dates import DATE, LABELLED_DATE, TODAY_DATE, date_from_match
from pipelines.text_keywords import DOC_TYPE_KEYWORDS, EXCHANGE_ALIASES, TITLE_COMBOS
from pipelines.text_names import CORPORATE_NAME, Listing, first_listing, name_before

ABOUT_PREFIX = re.compile(r"^about\s+(?:the\s+)?", re.I)
GENERIC_SUBJECTS = frozenset({"company", "us", "issuer", "the company"})
BARE_DATE = re.compile(rf"\(?(?:{DATE.pattern})\)?\s*")
TITLE_WEIGHT = 3
BODY_CHARS = 1000
BIOTECH_CHARS = 3000
MAX_NAME_PARAGRAPHS = 12
BIOTECH_MIN_TERMS = 3
MIN_TYPE_SCORE = 4
# Tie-break: the more specific event wins.
TYPE_ORDER = ("earnings", "regulatory", "deal", "clinical", "corporate")


def describe(doc: CleanDocument) -> None:
    text = doc.text
    sections = doc.sections
    # split_sections puts the headline first.
    headline = sections[0] if sections and sections[0].kind == "headline" else _first_of(sections, "headline")
    doc.title = (headline.text.split("\n", 1)[0].strip() if headline else text.split("\n", 1)[0].strip()) or None
    doc.release_date = release_date(text, doc.sections)
    listing = first_listing(text)
    if listing:
        doc.exchange = EXCHANGE_ALIASES[" ".join(listing.group(1).lower().split())]
        doc.ticker = listing.group(2)
    doc.company = issuer_name(text, doc.sections, listing)
    body_start = headline.char_end if headline else 0
    doc.doc_type = _classify(
        doc.title or "", text[body_start:body_start + BODY_CHARS], text[:BIOTECH_CHARS],
        lambda: _wider_tail(text, headline, body_start),
    )


def _wider_tail(text: str, headline: Section | None, body_start: int) -> str | None:
    """The part of the wider zone (``text[:BIOTECH_CHARS]``) after the title
    and body zones, such that its words and theirs are the wider zone's
    words; None when the zones do not line up that way."""
    end = body_start + BODY_CHARS
    if (
        headline is None or headline.char_start != 0 or end >= BIOTECH_CHARS
        or "\n" in headline.text  # the title is then the whole headline
        or (body_start < len(text) and not text[body_start].isspace())
        or "\u0130" in text[:BIOTECH_CHARS] or "\u03a3" in text[:BIOTECH_CHARS]  # lower() not char by char
    ):
        return None
    start = end
    if end < len(text) and not text[end].isspace() and not text[end - 1].isspace():
        # A word cut by the body zone: the tail starts with the whole word.
        start = end - 1
        while not text[start - 1].isspace():
            start -= 1
    return text[start:BIOTECH_CHARS]


def _first_of(sections: list[Section], kind: str) -> Section | None:
    return next((s for s in sections if s.kind == kind), None)


def release_date(text: str, sections: list[Section]) -> date | None:
    """The date the release states for itself, or None."""
    for section in sections[:8]:
        if section.kind == "dateline":
            m = DATE.search(section.text)
            if m:
                return date_from_match(m)
        elif section.kind == "subheadline":
            m = BARE_DATE.fullmatch(section.text) or LABELLED_DATE.fullmatch(section.text)
            if m:
                return date_from_match(m)
        elif section.kind not in ("headline", "highlights", "contacts"):
            break
    # "in" first: it rules "today" out in half the time of the regex scan (whose
    # first character, "t", is everywhere), and most releases lack it.
    m = TODAY_DATE.search(text) if "today" in text else None
    return date_from_match(m) if m else None


def issuer_name(text: str, sections: list[Section], listing: Listing | None) -> str | None:
    """The issuer: the name before its listing, else the "About X" company,
    else a corporate name opening the headline or a paragraph."""
    if listing:
        name = name_before(text, listing.start())
        if name:
            return name
    for section in sections:
        if section.kind == "about_company" and section.heading:
            name = ABOUT_PREFIX.sub("", section.heading).strip(" :")
            if name and name.lower() not in GENERIC_SUBJECTS:
                return name
    for paragraph in text.split("\n\n", MAX_NAME_PARAGRAPHS)[:MAX_NAME_PARAGRAPHS]:
        m = CORPORATE_NAME.match(paragraph)
        if m:
            return m.group(1)
    return None


# A whitespace-split token is a keyword with punctuation stuck to it ("trial,",
# "(FDA)"). Every such spelling is precomputed so one C-level set intersection
# finds the keywords of a zone, with no per-word Python work.
TOKEN_PREFIXES = ("", "(", '"', "'", "[")
TOKEN_SUFFIXES = ("", ".", ",", ";", ":", ")", '"', "'", "!", "?", "),", ").", '",', '."', "'s", "'s,", "'s.")


def _keyword_tables():
    """Single words (looked up through their spellings) and multi-word phrases."""
    single: dict[str, list[tuple[str, int]]] = {}
    multi: list[tuple[str, str, str, int]] = []  # first word, " phrase", type, weight
    for doc_type, weight, phrases in DOC_TYPE_KEYWORDS:
        for phrase in phrases:
            if " " in phrase:
                multi.append((phrase.split()[0], " " + phrase, doc_type, weight))
            else:
                single.setdefault(phrase, []).append((doc_type, weight))
    first_words = {first for first, _, _, _ in multi}
    spelling: dict[str, str] = {}
    for word in set(single) | first_words:
        for prefix in TOKEN_PREFIXES:
            for suffix in TOKEN_SUFFIXES:
                spelling.setdefault(prefix + word + suffix, word)
    return single, spelling, frozenset(spelling), multi


SINGLE_KEYWORDS, SPELLING_TO_WORD, KEYWORD_SPELLINGS, MULTI_KEYWORDS = _keyword_tables()
MULTI_BY_FIRST: dict[str, list[tuple[str, str, int]]] = {}
for _first, _phrase, _type, _weight in MULTI_KEYWORDS:
    MULTI_BY_FIRST.setdefault(_first, []).append((_phrase, _type, _weight))
BIOTECH_WORDS = frozenset(w for w, hits in SINGLE_KEYWORDS.items() if any(t == "biotech" for t, _ in hits))
# First word -> its biotech phrases, only for first words that have one.
BIOTECH_MULTI_BY_FIRST = {
    first: [p for p, t, _ in phrases if t == "biotech"]
    for first, phrases in MULTI_BY_FIRST.items()
    if any(t == "biotech" for _, t, _ in phrases)
}
# The same tables without the unscored "biotech" type, for classify().
SCORED_SINGLE = {
    word: tuple(hit for hit in hits if hit[0] in TYPE_ORDER)
    for word, hits in SINGLE_KEYWORDS.items()
    if any(hit[0] in TYPE_ORDER for hit in hits)
}
SCORED_MULTI_BY_FIRST = {
    first: tuple(p for p in phrases if p[1] in TYPE_ORDER)
    for first, phrases in MULTI_BY_FIRST.items()
    if any(p[1] in TYPE_ORDER for p in phrases)
}
# The keys as sets: set.intersection() walks a dict argument key by key,
# but of two sets only the smaller (a zone's few keywords).
MULTI_FIRSTS = frozenset(MULTI_BY_FIRST)
BIOTECH_MULTI_FIRSTS = frozenset(BIOTECH_MULTI_BY_FIRST)
SCORED_SINGLE_WORDS = frozenset(SCORED_SINGLE)
SCORED_MULTI_FIRSTS = frozenset(SCORED_MULTI_BY_FIRST)
TITLE_COMBO_SETS = tuple(
    (doc_type, weight, frozenset(first), frozenset(second), frozenset(unless))
    for doc_type, weight, first, second, unless in TITLE_COMBOS
)
Zone = tuple[set[str], str]  # keywords present (base form), lower-cased text


def classify(title: str, body: str, wider: str = "") -> str:
    """Doc type by keyword weights over the title and the opening of the body;
    "other" for releases that are not about drugs (judged on ``wider`` text
    when the opening alone does not show it)."""
    return _classify(title, body, wider, None)


def _classify(title: str, body: str, wider: str, wider_tail) -> str:
    """``classify``; ``wider_tail()``, when given and not None, is the part of
    ``wider`` past the title and body whose words with theirs make up the
    words of ``wider`` (so only it needs splitting)."""
    title_zone = _zone(title)
    body_zone = _zone(body)
    scores = dict.fromkeys(TYPE_ORDER, 0)
    for (words, lower), factor in ((title_zone, TITLE_WEIGHT), (body_zone, 1)):
        # The hits of _hits, restricted beforehand to the scored types.
        for word in words.intersection(SCORED_SINGLE_WORDS):
            for doc_type, weight in SCORED_SINGLE[word]:
                scores[doc_type] += weight * factor
        for first in words.intersection(SCORED_MULTI_FIRSTS):
            for phrase, doc_type, weight in SCORED_MULTI_BY_FIRST[first]:
                if phrase in lower:
                    scores[doc_type] += weight * factor
    title_words = set(title_zone[1].replace(",", " ").split())  # the zone's text is " " + title.lower()
    for doc_type, weight, first, second, unless in TITLE_COMBO_SETS:
        if not title_words.isdisjoint(first) and not title_words.isdisjoint(second) and title_words.isdisjoint(unless):
            scores[doc_type] += weight * TITLE_WEIGHT
    best = max(TYPE_ORDER, key=scores.__getitem__)  # max() keeps the first of equals
    if scores[best] < MIN_TYPE_SCORE:
        return "other"
    biotech = _biotech_terms(title_zone) | _biotech_terms(body_zone)
    if len(biotech) < BIOTECH_MIN_TERMS and wider:
        tail = wider_tail() if wider_tail is not None else None
        if tail is None:
            biotech |= _biotech_terms(_zone(wider))
        else:
            tail_words = _zone(tail)[0]
            biotech |= tail_words.intersection(BIOTECH_WORDS)
            # A phrase found in the wider text has its first word there, so
            # testing the phrases of every first word seen is exact.
            firsts = (title_zone[0] | body_zone[0] | tail_words).intersection(BIOTECH_MULTI_FIRSTS)
            if firsts:
                lower = " " + wider.lower()
                for first in firsts:
                    biotech.update(p for p in BIOTECH_MULTI_BY_FIRST[first] if p in lower)
    return best if len(biotech) >= BIOTECH_MIN_TERMS else "other"


def _zone(text: str) -> Zone:
    lower = text.lower()
    words = {SPELLING_TO_WORD[t] for t in KEYWORD_SPELLINGS.intersection(lower.split())}
    return words, " " + lower


def _hits(zone: Zone) -> list[tuple[str, int]]:
    words, lower = zone
    hits = [hit for word in words if word in SINGLE_KEYWORDS for hit in SINGLE_KEYWORDS[word]]
    for first in words.intersection(MULTI_FIRSTS):
        hits += [(t, w) for phrase, t, w in MULTI_BY_FIRST[first] if phrase in lower]
    return hits


def _biotech_terms(zone: Zone) -> set[str]:
    words, lower = zone
    terms = words.intersection(BIOTECH_WORDS)
    for first in words.intersection(BIOTECH_MULTI_FIRSTS):
        terms.update(p for p in BIOTECH_MULTI_BY_FIRST[first] if p in lower)
    return terms
