"""Financial figures stated in prose, as XBRL-shaped facts.

A figure becomes a fact only when three things are certain: the amount (see
``money.py``), the concept (a phrase from ``narrative_concepts.csv`` bound to
the amount by a tight grammar) and the period (see ``periods.py``). Anything
less is left out: a wrong number in the warehouse is worse than a missing one.

How a sentence is read:

* it is cut into clauses (";" and enumerations "3) ..."), each clause into
  segments at comparison words ("compared to", "versus", "up from" ...);
  segment 0 is the current figure, later segments the comparatives;
* an amount binds to a concept either *after* it ("$2.0 million of research
  and development support fees", "$76.3 million in cash") or *before* it
  ("net loss of $14.2 million", "Operating expenses for 2QFY2011 were ..."),
  the words in between being only verbs and fillers;
* an amount with no concept in a comparative segment takes the concept of the
  amount in the same position in segment 0 ("... $1.3 million and $1.0
  million, respectively");
* its period is the period phrase of its own segment, else (segment 0 only)
  the period the paragraph is talking about.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipelines.financial import guidance
from pipelines.financial.money import CURRENCY_START, Money, fast_start, find_money, has_money_hint
from pipelines.financial.periods import (
    Period,
    PeriodContext,
    PeriodMention,
    find_periods,
    fiscal_calendar,
    place_undated,
    resolve,
    stated_ends,
)
from pipelines.model import CleanDocument, FinancialFact

_CSV = Path(__file__).with_name("narrative_concepts.csv")

# Sections whose prose never carries a reported figure of the release itself.
SKIP_SECTIONS = {"table", "forward_looking", "contacts", "about_company", "footnotes"}


@dataclass(frozen=True)
class Concept:
    name: str
    sign: int  # -1 when the phrase names a loss or an outflow ("net loss", "cash used in")
    instant: bool
    per_share: bool


@lru_cache(maxsize=1)
def _concepts() -> tuple[dict[str, Concept], re.Pattern]:
    table: dict[str, Concept] = {}
    with _CSV.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["phrase"].strip().lower()] = Concept(
                row["concept"].strip(), int(row["sign"]), row["period_type"].strip() == "instant",
                row["unit"].strip() == "USD/share",
            )
    # Longest phrase first so "research and development support fees" wins
    # over "research and development ..." at the same position.
    alts = sorted(table, key=len, reverse=True)
    # "Adjusted EBITDA1 loss": a footnote digit glued to a word inside a phrase (``_key`` drops it).
    # "Research & Development expenses": "&" between words stands for "and" (``_key`` maps it back).
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(
            re.escape(a).replace(r"\ and\ ", "\0").replace(r"\ ", _FOOTNOTE + r"\s+")
            .replace("\0", _FOOTNOTE + r"\s+(?:and|&)\s+").replace("'", "['’]"))
    # Speed: the phrases grouped by first character, each group behind a lookahead on it, so a
    # position tries one group instead of every phrase. Only the phrases of one group can match
    # at a position (distinct first characters accept distinct characters, ignoring case or
    # not), in their longest-first order: the matches are the same.
    body = "|".join("(?=" + ("['’]" if c == "'" else re.escape(c)) + ")(?:" + "|".join(ps) + ")"
                    for c, ps in groups.items())
    # "Financial ResultsNet revenue was", "Fourth Quarter EarningsNet income for": a heading run into
    # its first sentence (a lowercase letter right before a capital).
    pattern = re.compile(r"(?:(?<![A-Za-z&])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))(?:" + body
                         + r")(?![A-Za-z&])", re.IGNORECASE)
    return table, pattern


_FOOTNOTE = r"(?:(?<=[A-Za-z])[1-9](?=\s))?"
_FOOTNOTE_RE = re.compile(r"(?<=[a-z])[1-9](?=\s)")


def _key(phrase: str) -> str:
    return " ".join(_FOOTNOTE_RE.sub("", phrase.lower().replace("’", "'")).replace(" & ", " and ").split())


def concept_for(phrase: str) -> Concept | None:
    return _concepts()[0].get(_key(phrase))


# --- prose layout: paragraphs and sentences --------------------------------

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_TABLE_LINE_RE = re.compile(r"\t|\||\S {3,}\S.* {3,}")
_BLOCK_START_RE = re.compile(r"\s*(?:[-*•#]|\d+\.\s)")
# A sentence ends at ". " before a capital (or quote/bracket), but not after
# common abbreviations ("Inc.", "Mass.", "U.S.", "Jan.").
_SENT_END = r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[A-Z0-9•*-])"
_SENT_END_RE = re.compile(_SENT_END)
# "... -241% * Revenue for the quarter was": a bullet run into the line before also ends a sentence.
_SENT_OR_BULLET_RE = re.compile(_SENT_END + r"|(?<=[\w%)])[ \t]+(?=[*•][ \t]+[A-Z])|(?<=%)(?=[*•][ \t]+[A-Z])")
_ABBREV_RE = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Adj|Mass|Calif|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|Dr|Mr|Ms|Mrs"
    r"|St|approx|U\.S|e\.g|i\.e|Ph\.D|et al|Sr|Jr)\.|\b[A-Z]\.)$"
)


def prose_blocks(text: str) -> list[tuple[int, int]]:
    """Prose blocks: runs of lines between blank lines, bullets and headings.

    A hard-wrapped paragraph (seed 004) is one block; a table line (tabs,
    pipes or wide space runs) is never part of one. The blocks of the last
    text are kept: the narrative facts and the deals both walk them.
    """
    last = _LAST_BLOCKS
    if last[0] is not text:
        last = _remember_blocks(text, _prose_blocks(text))
    return list(last[1])


def _remember_blocks(text: str, blocks: list[tuple[int, int]]) -> tuple:
    global _LAST_BLOCKS
    _LAST_BLOCKS = (text, tuple(blocks))  # one assignment: a reader sees the old or the new pair
    return _LAST_BLOCKS


_LAST_BLOCKS: tuple = (None, ())


def _prose_blocks(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for para in _BLANK_LINE_RE.split(text):
        start = text.index(para, pos) if para else pos
        pos = start + len(para)
        b_start = None
        line_start = start
        for line in para.split("\n"):
            line_end = line_start + len(line)
            is_table = ("\t" in line or "|" in line or "   " in line) and bool(_TABLE_LINE_RE.search(line))
            new_block = is_table or _BLOCK_START_RE.match(line) is not None
            if b_start is not None and new_block:
                out.append((b_start, line_start - 1))
                b_start = None
            if not is_table and line.strip():
                if b_start is None:
                    b_start = line_start
            elif is_table and b_start is not None:
                out.append((b_start, line_start - 1))
                b_start = None
            line_start = line_end + 1
        if b_start is not None:
            out.append((b_start, start + len(para)))
    return out


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    inline_bullet = text.find("* ", start, end) >= 0 or text.find("• ", start, end) >= 0
    for m in (_SENT_OR_BULLET_RE if inline_bullet else _SENT_END_RE).finditer(text, start, end):
        if _ABBREV_RE.search(text, max(s, m.start() - 12), m.start()):
            continue
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [_strip(text, a, b) for a, b in out if text[a:b].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --- clauses and segments ---------------------------------------------------

# ", with fourth quarter revenue growing by 85% to $4.5 million": a new clause naming its own period.
_CLAUSE_CUT_RE = re.compile(r";|,?\s\(?\d{1,2}\)\s|,\s+(?:while|whereas)\b"
                            r"|,\s+with\s+(?=(?:the\s+)?(?:first|second|third|fourth|full[- ]year|Q[1-4]|[1-4]Q|fiscal)\b)")
# From here on a clause explains a change ("primarily due to ... $5.3M in capital
# expenditures"); the figures it cites are not tied to the clause's periods.
_EXPLAIN_RE = re.compile(
    r"\b(?:(?:primarily|mainly|largely|partially|partly|principally)\s+)?(?:due\s+to|driven\s+(?:(?:primarily|mainly|largely|partially|partly|principally)\s+)?by|attributable\s+to(?!\s+(?:the\s+)?(?:common\s+|ordinary\s+)?(?:stock|share)holders)"
    r"|as\s+a\s+result\s+of|resulting\s+from|offset\s+by|reflecting|led\s+by)\b",
    re.IGNORECASE,
)
_PERIODISH = r"(?:the\s+)?(?:same|prior|previous|year[- ]ago|year[- ]earlier|last|Q[1-4]|[1-4]Q|first|second|third|fourth|fiscal|FY|full|(?:19|20)\d\d|H[12]|[12]H)"
_COMPARE_RE = re.compile(
    r"\b(?:as\s+)?compar(?:ed|ing|es)\s+(?:to|with)\b|\bversus\b|\bvs\.?(?=\s)|\b(?:up|down)\s+from\b"
    r"|\b(?:up|down|an?\s+increase\s+of|a\s+decrease\s+of)\s+[\d.,]+\s?(?:%|percent)\s+(?:from|over|compared)\b"
    r"|\bfrom\b(?=\s+(?:the\s+|negative\s+|positive\s+)?(?:approximately\s+|about\s+)?" + CURRENCY_START + ")"
    r"|\b(?:from|over)\b(?=\s+" + _PERIODISH + r")(?!\s+(?:the\s+)?first\s+(?:three|six|nine|\d+)\s+months)"
    r"|\bwhich\s+compares\s+to\b|\brelative\s+to\b"
    # "significantly lower than the $18.5 million loss in Q3 2023"
    r"|\b(?:lower|higher|better|worse|smaller|larger|greater|narrower|wider)\s+than\b(?=\s+(?:(?:the\s+)?" + CURRENCY_START + "|" + _PERIODISH + r"))"
    r"|\((?=[^()]{1,30}:\s*[-–]?\s?" + CURRENCY_START + ")",  # "(H1 2024: EUR 9.7 million)", "(H1 2024: -CHF 0.52m)"
    re.IGNORECASE,
)


_AND_AMOUNT_RE = re.compile(r",?\s+and\s+(?=" + CURRENCY_START + r"\s?\(?\d)")


def _cut(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    out, s = [], start
    for m in pattern.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.start()
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


# --- binding an amount to a concept ----------------------------------------

# Words allowed between a concept phrase and its amount ("net loss for its
# fiscal year ending June 30, 2011 to be between $60-64 million": period
# phrases are blanked first). Anything else ("attributable", "contribution",
# "by") breaks the link.
_GAP_WORDS = frozenset(
    """was were is are be been being of at to for in during by full fiscal calendar totaled totalled totaling totalling total
    amounted amounting reached reaching approximately approx about around roughly nearly almost some net
    reported recorded increased decreased rose fell grew declined up down expected expects anticipated
    projected estimated forecast between a an the its our their company's it we this quarter period year
    will remain remained stood end ended ending came in decrease increase of percent or and were also
    respectively range ranging narrowed widened improved climbed dropped jumped surged soared lower higher flat
    record growing rising falling increasing decreasing declining hit hitting landed land landing clocked stands stand
    steady constant each which experienced saw large significant substantial sharp strong significantly slightly
    sharply considerably markedly unchanged even stronger faster further doubled tripled quadrupled reach
    had has have grown robust solid healthy turned positive""".split()
)
_GAP_PHRASE_RE = re.compile(
    r"\b(?:on\s+an?\s+)?(?:year[- ](?:over|on)[- ]year|quarter[- ](?:over|on)[- ]quarter|yoy|y/y)(?:\s+basis)?\b|\bsequentially\b"
    r"|^\s*and\s+(?:total\s+)?comprehensive\s+(?:loss|income)\b",
    re.IGNORECASE,
)
_GUIDANCE_GAP_RE = re.compile(r"^\s*(?:guidance|target|outlook|forecast|estimate)\s+(?=(?:of|to|at)\b)", re.IGNORECASE)
_MORE_THAN_RE = re.compile(r"\bmore\s+than\s+(?=doubled|tripled|quadrupled)", re.IGNORECASE)
_EXCLUDING_RE = re.compile(r",\s*excluding\s+[^,$€£;]{1,60},")
_NOT_ADVERBS = frozenset("""monthly quarterly weekly daily yearly family supply assembly july italy early only
    anomaly""".split())
_PARTICIPLES = frozenset("growing rising falling increasing decreasing declining".split())
_APPROX_WORDS = frozenset("approximately approx about around roughly nearly almost some".split())
_GAP_TOKEN_RE = re.compile(r"[A-Za-z&']+|\d+(?:\.\d+)?%?|%|[^\sA-Za-z\d]")
_GAP_PUNCT = frozenset(",()-–:+")
# The word right before an amount bound *after* it ("had $128.5 million in
# cash"); "raised $10 million in cash" or "saved $27 million in capex" are not
# balances or results.
_PRE_WORDS = frozenset(
    """is was were are had has have held include includes included including with on and approximately
    about around roughly nearly almost generated reported recorded recognized posted totaled totaling of
    at to be between maintained""".split()
)
# An amount followed by one of these is an event or a change, never a line item.
_NOT_A_FIGURE_RE = re.compile(
    r"\s*(?:upfront|up-front|milestone|difference|increase|decrease|reduction|improvement|change|payment"
    r"|investment|offering|financing|loan|grant|award|contract|deal|private|registered|facility|note)\b",
    re.IGNORECASE,
)
# Sentences about markets, economies or valuations are not the company's figures.
# A hyphenated compound ("mid-market", "market-leading", "go-to-market") only
# describes the company, so it does not block its figures.
_BLOCK_RE = re.compile(
    r"\b(?:(?<!-)market(?:s|place)?(?!\s+share|-)|industry|economy|cagr|addressable|peak\s+sales|valuation|market\s+cap"
    r"|worldwide\s+sales|global\s+sales|per\s+barrel|per\s+ounce|per\s+tonne|token)\b",
    re.IGNORECASE,
)
# A segment that speaks of a span we cannot name ("during the three years",
# "annual revenue", "to date") is left alone rather than pinned to a quarter.
_UNPLACED_SPAN_RE = re.compile(
    r"\b(?:annual(?:ly|ized)?|run[- ]rate|cumulative(?:ly)?|to\s+date|per\s+(?:year|month|annum)|lifetime"
    r"|over\s+(?:the\s+)?(?:next|past|last|coming)|(?:during|over|for)\s+the\s+\w+\s+years)\b",
    re.IGNORECASE,
)
_INSTANT_CUE_RE = re.compile(
    r"\bend(?:ed|ing)\s+the\s+(?:quarter|year|period|half)\s+at\b|\bend(?:ed|ing)\b[^.;]{0,60}\bwith\b|\bend\s+of\b|\bas\s+of\b|\bas\s+at\b|\bquarter[- ]end\b|\bclosed\b[^.;]{0,40}\bwith\b"
    r"|\bfinished\b[^.;]{0,40}\bwith\b",
    re.IGNORECASE,
)


@dataclass
class _Amount:
    money: Money
    seg: int
    concept: Concept | None = None
    label: str | None = None
    skipped: bool = False  # bound to a qualified phrase ("non-GAAP net loss"): not a fact, not a source
    subject: bool = False  # its concept phrase opens the clause ("Net loss was $5.0 million")
    per_share: bool = False  # a bare "$0.30" bound to a per-share phrase
    word_sign: int = 0  # "negative $0.9 million" (-1), "positive $0.6 million" (+1): read only for signed concepts
    src: "_Amount | None" = None  # the segment-0 figure a comparative took its concept from
    after_end: int = -1  # where the concept phrase named after it ends ("$9.0 million in revenue")


_BY_CHANGE_RE = re.compile(
    r"\b(?:by|(?<=increased|decreased)|(?<=rose|fell|grew)|(?<=declined|improved|narrowed)|(?<=climbed|dropped)"
    r"|(?<=jumped|surged)|(?<=widened))\s+(?:approximately\s+|about\s+)?(?:[\d.,]+\s?(?:%|percent)|(?:[$€£]|US\$)\s?[\d.,]+(?:\s*(?:million|billion|thousand|[MBK]))?)"
    r"(?:,?\s+or\s+(?:approximately\s+|about\s+)?(?:(?:[$€£]|US\$)\s?[\d.,]+(?:\s*(?:million|billion|thousand|[MBK]))?|[\d.,]+\s?(?:%|percent)))?,?"
    r"(?=\s+to\b)", re.IGNORECASE)


def _gap_ok(text: str, a: int, b: int, periods: list[PeriodMention], sign: int = 1, adjusted: bool = False) -> bool:
    pieces, pos = [], a
    for p in periods:
        if p.end <= a or p.start >= b:
            continue
        pieces.append(text[pos:max(pos, p.start)])
        pos = max(pos, p.end)
    pieces.append(text[pos:b])
    gap = " ".join(pieces)
    if "by" in gap or "$" in gap:
        # "increased by 333.3%, or $1.3 million, to ...", "decreased $195,000 to ...": the change
        # is told on the way to the level
        gap = _BY_CHANGE_RE.sub(" ", gap)
    if len(gap) > 90:
        return False
    low = gap.lower()
    if "year" in low or "yoy" in low or "y/y" in low or "quarter" in low or "sequential" in low or "comprehensive" in low:
        # "was down 16% year-over-year to $91 million"; "net loss and total comprehensive loss of $5,205,000"
        gap = _GAP_PHRASE_RE.sub(" ", gap)
    if "than" in gap:
        gap = _MORE_THAN_RE.sub(" ", gap)  # "net income more than doubled to $6 million" (but not "higher than 1H24")
    if "guidance" in low or "target" in low or "outlook" in low or "forecast" in low or "estimate" in low:
        # "its 2024 revenue guidance of $6-8 million", "a revenue target of $53.6 million": the forecast
        # word makes the clause forward-looking, so only a future period can take the figure (``_make_fact``)
        gap = _GUIDANCE_GAP_RE.sub(" ", gap)
    if adjusted and "excluding" in gap:
        gap = _EXCLUDING_RE.sub(" ", gap)  # "Adjusted EBITDA, excluding IPO-related personnel expenses, increased to"
    tokens = [t.lower() for t in _GAP_TOKEN_RE.findall(gap)]
    if tokens[-2:] == ["at", "least"]:
        tokens.pop()  # "revenue of at least $50 million": a floor, read as one (``_make_fact``)
    if tokens and tokens[-1] in ("negative", "positive", "minus"):
        tokens.pop()  # "was negative $2.3 million": a sign in words (``_make_fact``)
    if sign < 0 and tokens[-4:-2] == ["to", "a"] and tokens[-2:] in (["loss", "of"], ["deficit", "of"]):
        del tokens[-3:]  # "increased by $1.3 million to a loss of $1.7 million": the level, still a loss
    for t in tokens:
        if t in _GAP_WORDS or t in _GAP_PUNCT or t[0].isdigit() or (t.endswith("ly") and t not in _NOT_ADVERBS):
            continue  # ("overproportionately", "markedly": how it changed, not what)
        return False
    if tokens and tokens[-1] == "by":
        return False  # "slash the operating loss by $16.6 million": a change
    # "gross profit increased $0.8 million" is a change; "decreased 28% to $7.1 million" a level.
    if len(pieces) > 1 and any(t in _PARTICIPLES for t in tokens):
        return False  # "$35.9 million in revenue for 2025, growing to $66.1 million": another period's figure
    while tokens and (tokens[-1] in _APPROX_WORDS or tokens[-1] in ("a", "record")):
        tokens.pop()  # "narrowed to about $3.8 million", "increased to a record $9.1 million"
    if any(t in _CHANGE_WORDS for t in tokens) and (not tokens or tokens[-1] != "to") and tokens[-2:] != ["stood", "at"]:
        return False  # (but "decreased by 11% and stood at EUR 1.7 million" ends on the level)
    return True


# "581% year-over-year revenue growth, reaching $3.12 million": the growth told on the way to the level.
_GROWTH_TO_LEVEL_RE = re.compile(r"\s*(?:growth|increase)\s*,?\s+(?:to|reaching)\s+(?:a\s+(?:record\s+)?)?"
                                 r"(?:approximately\s+|about\s+|nearly\s+)?$", re.IGNORECASE)


# A concept phrase qualified by one of these names another measure
# ("non-GAAP net loss", "adjusted quarterly net income", "segment revenue",
# "Cash Operating Expenses", "general and administrative and research and
# development expenses").
_QUALIFIER_RE = re.compile(
    r"(?:\badj\.\s*|\b(?:non-gaap|non-ifrs|adjusted|pro\s+forma|segment|underlying|core|organic|cash|restricted|deferred"
    r"|combined|annualized|incremental|additional|potential|projected|per-share|division|subsidiary"
    r"|initially|previously|originally|restated)\b[\w\s-]{0,20}"
    r"|\b(?:administrative|development|expenses?|costs?|revenues?|sales)\s*(?:,|and|&)\s*)$",
    re.IGNORECASE,
)
# Words that may stand right before a concept phrase; any other noun
# ("technology systems revenue", "hosting revenue") makes it a component.
_LEAD_WORDS = frozenset(
    """the its our their a an total gross consolidated quarterly record reported gaap company's of in and with on
    posted generated recorded achieved had has was were is are to for that while both also as meanwhile however
    additionally overall further its' quarter year fiscal full-year first-quarter second-quarter third-quarter
    fourth-quarter full year-end q1 q2 q3 q4 h1 h2 higher lower strong solid record-high include includes included
    including expects expect expected anticipates anticipated sees projects forecasts reiterated reaffirmed said
    reports announced delivered saw its' that's be being been will would from at by than reaffirming reaffirms
    maintaining maintained raised raising lowered lowering tightened narrowed updated revised confirms confirmed estimated
    targeting achieve generate deliver reach report post record guidance outlook forecast expectations
    gaap results highlights preliminary unaudited furthermore moreover notably finally lastly similarly likewise
    expecting anticipating projecting robust healthy positive group held holds hold maintained anticipate project
    forecast see modest small slight reduced narrower smaller wider larger year-over-year year-on-year yoy
    quarter-over-quarter sequential""".split()
)
_LIST_AND_RE = re.compile(r"(\S+)\s+(?:and|&)\s*$")
_AMOUNT_END_RE = re.compile(r"\d|(?i:million|billion|thousand)|[MBK]\)?,?$")
# "... by the end of the quarter, and gross loans ended ...": a comma after a period closes the item before.
_PERIOD_END_RE = re.compile(r"(?:quarter|year|period|half|month|(?:19|20)\d\d)\)?,$", re.IGNORECASE)
_PART_OF_RE = re.compile(r"\b(?:division|segment|subsidiary|business\s+unit)\b[^.;]*$", re.IGNORECASE)
_PREV_WORD_RE = re.compile(r"([A-Za-z0-9&'’-]+)[\s,:]*$")


_SHARE_OF_RE = re.compile(r"(?:%|\bpercent|\bportion|\bpart|\bshare|\bmajority|\bhalf|\bfraction)\s+of\s+(?:the\s+|its\s+|our\s+|total\s+)*$",
                          re.IGNORECASE)
_CHANGE_IN_RE = re.compile(r"\b(?:increases?|decreases?|changes?|growth|reductions?|declines?|rises?|drops?"
                           r"|improvements?|savings?)\s+in\s+(?:the\s+|our\s+|its\s+|total\s+)*$", re.IGNORECASE)
_LEVEL_GAP_RE = re.compile(r"\b(?:to|totaling|totalling|totaled|totalled|reaching|reached|at)\b", re.IGNORECASE)
_BULLET_LABEL_RE = re.compile(r"[\s\-*•–—]*(?![^:\n]{0,40}(?i:non-gaap|non-ifrs|adjusted|pro\s+forma|segment|division))"
                              r"[A-Z][\w&/'’ -]{0,40}:\s*")
_LEAD_IN_RE = re.compile(r"[\s\-*•–—]*")


def _caps_heading_before(text: str, phrase_start: int, own_phrase: str) -> bool:
    """The phrase's own name in capitals right before it, a heading the sections did not split off."""
    n = len(own_phrase)
    before = text[max(0, phrase_start - n - 3):phrase_start].rstrip(" :-\n")
    return n >= 6 and " " in own_phrase and before[-n:] == own_phrase.upper() and (
        len(before) == n or not before[-n - 1].isalnum())


def _qualified(text: str, phrase_start: int, own_phrase: str, floor: int = 0) -> bool:
    """True when the concept phrase at ``phrase_start`` is a variant or a part of the measure.

    ``floor`` is where the clause starts: a heading or sentence before it
    ("First Quarter 2026 Financial Results") does not qualify the phrase.
    """
    floor = _LEAD_IN_RE.match(text, floor, phrase_start).end() if floor <= phrase_start else floor
    if floor < phrase_start and (why := _EXPLAIN_RE.match(text, floor, phrase_start)) \
            and (comma := text.find(", ", why.end(), phrase_start)) >= 0:
        floor = comma + 2  # "As a result of the property sales, rental income ...": the lead qualifies nothing
    if floor < phrase_start and text[phrase_start].isupper() and text[phrase_start - 1].islower():
        floor = phrase_start  # "Fourth Quarter EarningsNet income was": the heading run into it qualifies nothing
    label = _BULLET_LABEL_RE.match(text, floor, phrase_start)
    if label:
        floor = label.end()  # "- R&D Expenses: Research and development expenses were ..."
    elif _caps_heading_before(text, phrase_start, own_phrase):
        floor = phrase_start  # "NET INTEREST INCOME Net interest income was ...": the heading run into its paragraph
    before = text[max(floor, phrase_start - 80):phrase_start]
    if _SHARE_OF_RE.search(before):
        return True  # "87% of total revenue, or $5.4 million": a part of it
    if before.count("(") > before.count(")"):
        return True  # "liquidity (investments, deposits and cash) totaled ..."
    joined = _LIST_AND_RE.search(before)
    if joined and not _AMOUNT_END_RE.search(joined.group(1)) and not _PERIOD_END_RE.search(joined.group(1)):
        # "net income and adjusted net income were ...": a list, not one measure
        # (but "$178 million and adjusted EBITDA of ..." starts a new item).
        return True
    if own_phrase.lower().startswith("adjusted"):
        window = text[max(floor, phrase_start - 30):phrase_start]
        return re.search(r"non-gaap|pro\s+forma", window, re.IGNORECASE) is not None
    window = text[max(floor, phrase_start - 30):phrase_start]
    if _QUALIFIER_RE.search(window):
        return True
    # "The NovaVision division, which remains in development, generated revenues"
    if _PART_OF_RE.search(text, max(floor, phrase_start - 80), phrase_start):
        return True
    if phrase_start <= floor:
        return False
    m = _PREV_WORD_RE.search(text, max(floor, phrase_start - 30), phrase_start)
    if m is None:
        return False
    word = m.group(1).lower()
    raw = m.group(1)
    if "," in text[m.end(1):phrase_start] and _AMOUNT_END_RE.search(raw):
        return False  # "tripled to $3 million, net income more than doubled": the next item of a list of figures
    if raw[0].isupper() and raw[-2:] in ("'s", "’s") and len(raw) > 3 and text.find(raw[:-2], 0, 400) >= 0:
        return False  # "SeaStar's net loss": the issuer, named in the title or dateline
    return not (word in _LEAD_WORDS or word[0].isdigit() or re.fullmatch(r"[1-4]q\d*|q[1-4]\d*", word) is not None)


# Phrases too common in other senses ("equity financing", "private equity") to bind anywhere but as the subject.
_SUBJECT_ONLY = frozenset(("equity", "sales"))
_POST_RE = re.compile(r"\s+(?:of|in)\s+")
_POST_WIDER_RE = re.compile(r"(?:total|net)\s+", re.IGNORECASE)
# "$9.0 million in revenue, $6.3 million in gross profit, and $10.4 million in total assets": a list
# of figures each named after it, led by the first one's verb.
_AFTER_LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:approximately\s+|about\s+)?")


def _named_after_end(text: str, money: Money) -> int:
    post = _POST_RE.match(text, money.end)
    if not post:
        return -1
    pattern = _concepts()[1]
    wider = _POST_WIDER_RE.match(text, post.end())
    m = pattern.match(text, post.end()) or (pattern.match(text, wider.end()) if wider else None)
    return m.end() if m else -1


def _bind_after(text: str, money: Money, seg_start: int, prev_end: int,
                list_from: int = -1) -> tuple[Concept, str] | None:
    table, pattern = _concepts()
    post = _POST_RE.match(text, money.end)
    if not post:
        return _bind_adjacent(text, money, seg_start, prev_end)
    m = pattern.match(text, post.end())  # "in net income", "in total assets": the phrase itself
    if not m:
        wider = _POST_WIDER_RE.match(text, post.end())
        m = pattern.match(text, wider.end()) if wider else None
        if not m:
            return None
        if table[_key(m.group(0))].instant and wider.group(0).lower().startswith("net"):
            return None  # "$707,131 in net cash": cash net of debt, not the balance
    if _key(m.group(0)) in _SUBJECT_ONLY:
        return None  # "raised $5 million in equity": a financing
    before = text[max(seg_start, prev_end):money.start].strip().rstrip(",").split()
    if before and before[-1].lower().strip(",") not in _PRE_WORDS \
            and not (list_from >= 0 and _AFTER_LIST_JOIN_RE.fullmatch(text, list_from, money.start)):
        return None
    if _FUTURE_BOOK_RE.search(text, max(seg_start, money.start - 80), money.start):
        return None  # "contracts in backlog represented $40.7 million in revenue"
    if _NOUN_AFTER_RE.match(text, m.end()):
        return None  # "$2.4 million in product revenue growth"
    if _LIST_AFTER_RE.match(text, m.end()):
        return None  # "$15.7 million in cash, cash equivalent and restricted cash": a wider measure
    return table[_key(m.group(0))], m.group(0)


# "reported an $8.0 million net loss, reflecting ...": the result named right after its figure. Only
# a result (a loss or income line) so named, ending its phrase; "a $5 million revenue increase" or
# "$2 million sales milestone" go on with another noun.
_ADJACENT_CONCEPTS = frozenset(("NetIncomeLoss", "OperatingIncomeLoss", "IncomeLossBeforeIncomeTaxes", "GrossProfit",
                                "AdjustedEBITDA", "EBITDA", "AdjustedNetIncomeLoss"))
_ADJACENT_END_RE = re.compile(r"\s*(?:[,.;)]|$|(?:for|in|during|compared|versus|vs\.?|from|and|which|while)\b)", re.IGNORECASE)
_ADJACENT_PRE_RE = re.compile(
    r"\b(?:reported|posted|recorded|incurred|generated|delivered|achieved|had|has|saw|booked|realized|realised)\s+(?:an?|its)\s*$",
    re.IGNORECASE)


def _bind_adjacent(text: str, money: Money, seg_start: int, prev_end: int) -> tuple[Concept, str] | None:
    if money.per_share or money.is_range or not text.startswith(" ", money.end):
        return None
    table, pattern = _concepts()
    m = pattern.match(text, money.end + 1)
    if m is None or not _ADJACENT_PRE_RE.search(text, max(seg_start, prev_end, money.start - 40), money.start):
        return None
    concept = table[_key(m.group(0))]
    if concept.name not in _ADJACENT_CONCEPTS or not _ADJACENT_END_RE.match(text, m.end()):
        return None
    return concept, m.group(0)


_LIST_AFTER_RE = re.compile(
    r",?\s+(?:and\s+|&\s+|,\s*)?(?:cash\s+equivalents?|restricted|marketable|short[- ]term|long[- ]term|investments?"
    r"|deposits|securities|equivalents?|receivables|other)\b",
    re.IGNORECASE,
)
_FUTURE_BOOK_RE = re.compile(r"\b(?:backlog|bookings|pipeline|contracted|contract\s+value|orders|purchase\s+orders)\b",
                             re.IGNORECASE)
# After a post-bound phrase: a further noun makes it a modifier ("in revenue growth").
_NOUN_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:in|of))?[ \t]+(?:growth|synerg\w*|opportunit\w*|potential|run[- ]rate|target|backlog|pipeline"
    r"|funding|grants?|tax|credits?|incentives?|collaborations?|agreements?|services|programs?|activities|partnerships?"
    r"|carry-?forwards?|margin|capabilit\w*|projects?|efforts?|initiatives?)\b",
    re.IGNORECASE,
)
# "a gross profit of $28.3 million ... on a non-GAAP basis": the clause is non-GAAP.
_NON_GAAP_RE = re.compile(r"\bnon-(?:gaap|ifrs)\s+basis\b|\(non-(?:gaap|ifrs)\)", re.IGNORECASE)
# "On an adjusted basis, the net loss was $5.2 million": the clause's measures are the adjusted ones;
# "EBITDA was $6.6 million and $8 million on an adjusted basis": only the figure before it is.
_ADJUSTED_BASIS_RE = re.compile(r"\b(?:on\s+an?\s+)?adjusted\s+basis\b", re.IGNORECASE)
_ADJUSTED_OF = {"NetIncomeLoss": "AdjustedNetIncomeLoss", "EBITDA": "AdjustedEBITDA"}


_CHANGE_WORDS = frozenset("""increased decreased rose fell grew declined up down increase decrease narrowed widened
    improved climbed dropped jumped surged soared growing rising falling increasing decreasing declining doubled tripled
    quadrupled""".split())
# What may follow an amount bound to a concept printed *before* it: the end of
# the clause, a period, a comparison, "or $0.21 per share". "$2.5 million
# backlog" or "$9.1 million non-cash ... expense" name something else.
_AFTER_WORDS = frozenset(
    """for during as at on compared comparing versus vs up down from or and which while with an a driven primarily
    mainly due reflecting representing respectively reported recorded year-over-year yoy to this an increase
    decrease was were is are marking marked reaching exceeding provides providing ensuring supporting""".split()
)
_BY_END_RE = re.compile(r"\s*by\s+(?:the\s+)?end\s+of\b", re.IGNORECASE)
_FROM_COMPARE_RE = re.compile(r"\s*from\s+(?:the\s+)?(?:[$€£(]|US\$|EUR\s|" + _PERIODISH + r")", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")


def _tail_ok(text: str, money: Money, periods: list[PeriodMention], limit: int | None = None) -> bool:
    m = _NEXT_WORD_RE.match(text, money.end, len(text) if limit is None else limit)
    if m is None:
        return True  # punctuation or the end of the sentence
    word = m.group(1).lower()
    if word in ("in", "of"):
        # "$4.2 million in 2QFY2011" yes, "$0.1 million in restricted cash" no.
        nxt = re.compile(r"\s*(?:the\s+)?").match(text, m.end()).end()
        return any(p.start <= nxt < p.end or p.start == nxt for p in periods)
    if word == "by":
        return _BY_END_RE.match(text, money.end) is not None  # "$315.9 MM by the end of the quarter"
    if word == "from":
        # "from $9.9 million" or "from the prior-year period" compares; "from our Kentucky plant" is a part.
        return _FROM_COMPARE_RE.match(text, money.end) is not None
    return word in _AFTER_WORDS


_QUALIFIED = ("qualified", "")


# A span adjective right before the phrase: "nine-month revenue", "year-to-date net income".
_SPAN_ADJ_RE = re.compile(r"\b(?:six|nine|6|9)[- ]month\s+$|\b(?:year[- ]to[- ]date|YTD)\s+$", re.IGNORECASE)


def _bind_before(text: str, money: Money, lo: int, periods: list[PeriodMention],
                 floor: int = 0, limit: int | None = None) -> tuple[Concept, str] | None:
    table, pattern = _concepts()
    last = None
    for m in pattern.finditer(text, lo, money.start):
        last = m
    if last is None:
        return None
    concept = table[_key(last.group(0))]
    gap_from = _issuer_share_end(text, last.end()) if concept.name == "NetIncomeLoss" else None
    if _GROWTH_TO_LEVEL_RE.fullmatch(text, last.end(), money.start):
        gap_from = money.start
    if not _gap_ok(text, gap_from or last.end(), money.start, periods, concept.sign, concept.name.startswith("Adjusted")):
        return None
    if not _tail_ok(text, money, periods, limit):
        return None
    adj = _SPAN_ADJ_RE.search(text, max(lo, last.start() - 16), last.start())
    if adj is not None:
        if not any(p.kind == "explicit" and p.start <= adj.start() < p.end for p in periods):
            return None  # "nine-month revenue of ..." where we cannot place the nine months
        floor = last.start()  # "nine-month revenue": the span, placed, qualifies nothing
    if _key(last.group(0)) in _SUBJECT_ONLY and not _is_subject(text, floor, last.start()):
        return None  # "equity" alone names the balance only as the clause's subject ("Equity increased to ...")
    if _qualified(text, last.start(), last.group(0), floor):
        return _QUALIFIED
    if _CHANGE_IN_RE.search(text, max(lo, last.start() - 40), last.start()) \
            and not _LEVEL_GAP_RE.search(text, last.end(), money.start):
        # "the remaining increase in operating expenses of $94,604": a change, not the level
        # (but "a 52% increase in net revenue to $167.5 million" is the level)
        return _QUALIFIED
    return table[_key(last.group(0))], last.group(0), last.start()


# "Net loss attributable to Greenlane Holdings was $(69.6)M": the parent's share of the result, which
# is what ``NetIncomeLoss`` means; the holder must be the issuer (named in the title or dateline).
_ISSUER_SHARE_RE = re.compile(
    r"\s+attributable\s+to\s+(?:the\s+)?(?:(?:share|stock|equity\s+)?(?:holders|owners)\s+of\s+(?:the\s+)?)?"
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})")
_ISSUER_WORDS = frozenset(("Company", "Parent", "Group"))


def _issuer_share_end(text: str, pos: int) -> int | None:
    m = _ISSUER_SHARE_RE.match(text, pos)
    if m is None:
        return None
    name = m.group("name").rstrip(".")
    if name in _ISSUER_WORDS or (len(name) >= 3 and text.find(name, 0, min(pos, 600)) >= 0):
        return m.end()
    return None


_AT_FRONT_RE = re.compile(r"[\s\-*•–—]*At\s+(?:approximately\s+|about\s+)?")
_FRONT_JOIN_RE = re.compile(r",\s*(?:the\s+|its\s+|our\s+)?")
_FRONT_VERB_RE = re.compile(r"\s+(?:was|were|is|are|stood|came\s+in|amounted|totaled|totalled|remained)\b", re.IGNORECASE)


def _bind_fronted(text: str, money: Money, seg: tuple[int, int]) -> tuple[Concept, str, int] | None:
    """"At EUR 1.3 million, selling and marketing expenses were down 19%": the figure leads the clause
    and its measure is the subject right after it."""
    lead = _AT_FRONT_RE.match(text, seg[0])
    if lead is None or lead.end() != money.start:
        return None
    join = _FRONT_JOIN_RE.match(text, money.end)
    if join is None:
        return None
    table, pattern = _concepts()
    m = pattern.match(text, join.end())
    if m is None or not _FRONT_VERB_RE.match(text, m.end()):
        return None
    return table[_key(m.group(0))], m.group(0), m.start()


def _per_share_concept(base: Concept, basis: str | None) -> Concept | None:
    """EPS from a net income/loss binding: "net loss of $14.2 million, or $0.21 per ... share"."""
    if base.per_share:
        return base
    if base.name not in ("NetIncomeLoss", "NetIncomeLossAvailableToCommonStockholdersBasic"):
        return None
    if basis == "basic and diluted" or (basis == "" and base.sign < 0):
        name = "EarningsPerShareBasicAndDiluted"
    elif basis == "diluted":
        name = "EarningsPerShareDiluted"
    elif basis == "basic":
        name = "EarningsPerShareBasic"
    else:
        return None  # "net income of $0.10 per share": basic or diluted is not said
    return Concept(name, base.sign, False, True)


# Only a list of concept phrases joined by commas and "and" may lead a
# "respectively" sentence ("net income and adjusted net income were ...").
_LIST_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)


def _bind_respectively(text: str, seg: tuple[int, int], amounts: list[_Amount],
                       periods: list[PeriodMention]) -> bool:
    """"R&D and G&A expenses were $X and $Y, respectively": phrases map to amounts in order."""
    if len(amounts) < 2 or "respectively" not in text[seg[0]:seg[1]].lower():
        return False
    if any(a.money.per_share or a.money.is_range for a in amounts):
        return False
    table, pattern = _concepts()
    phrases = list(pattern.finditer(text, seg[0], amounts[0].money.start))
    if len(phrases) != len(amounts):
        return False
    for left, right in zip(phrases, phrases[1:]):
        if _LIST_JOIN_RE.fullmatch(text, left.end(), right.start()) is None:
            return False
    if not _gap_ok(text, phrases[-1].end(), amounts[0].money.start, periods):
        return False
    for left, right in zip(amounts, amounts[1:]):
        if _LIST_JOIN_RE.fullmatch(text, left.money.end, right.money.start) is None:
            return False
    for a, m in zip(amounts, phrases):
        concept = table[_key(m.group(0))]
        if concept.per_share:
            return False
        a.concept, a.label = concept, m.group(0)
    return True


# "$1.4 million and $2.6 million in Dairy RNG and California Ethanol segments": parts, not the total.
_PART_AFTER_RE = re.compile(
    r"(?:\s+(?:and|or)\s+[$€£]?[\d.,]+\s*(?:million|billion|thousand|[MBK])?)*"
    r"\s+(?:in|from|for|at|of)\s+(?:the\s+|our\s+|its\s+)?(?:[A-Z][\w&-]*\s+){1,4}(?:(?:and|&)\s+(?:[A-Z][\w&-]*\s+){1,4})?"
    r"(?:segments?|divisions?|business(?:es)?|units?|subsidiar(?:y|ies)|operations)\b"
)


# "compared to a negative $0.9 million": a sign in words. It is carried only for measures that can
# take either sign (``_SIGNED_CONCEPTS``) named by a neutral phrase ("net income", not "net loss").
_SIGN_WORD_RE = re.compile(r"\b(?:(negative|minus)|positive)\s*$", re.IGNORECASE)
# Non-GAAP measures (EBITDA, adjusted net income) keep the old rule: their sign in words is not read.
_SIGNED_CONCEPTS = frozenset({
    "NetIncomeLoss", "OperatingIncomeLoss", "NetCashProvidedByUsedInOperatingActivities", "IncomeLossBeforeIncomeTaxes",
    "NetIncomeLossAvailableToCommonStockholdersBasic", "NonoperatingIncomeExpense", "InterestIncomeExpenseNet",
    "GrossProfit",
})


_EPS_BASES = frozenset(("NetIncomeLoss", "NetIncomeLossAvailableToCommonStockholdersBasic"))
_EPS_JOIN_RE = re.compile(r"\s*,?\s*(?:or|and|equating\s+to|equal\s+to|equaling|equalling|which\s+equaled|representing)\s+"
                          r"(?:an?\s+|the\s+)?", re.IGNORECASE)
_SIGNED_JOINER_RE = re.compile(r",?\s*(?:or|and)\s+(?:a\s+)?(?:net\s+)?(loss|income|earnings)\s+of")


def _bind_segment(text: str, seg: tuple[int, int], amounts: list[_Amount], periods: list[PeriodMention],
                  floor: int = 0) -> None:
    if _bind_respectively(text, seg, amounts, periods):
        return
    prev_end = change_lo = seg[0]
    prev: _Amount | None = None
    respectively = "respectively" in text[seg[0]:seg[1]].lower()
    for a in amounts:
        money = a.money
        if word := _SIGN_WORD_RE.search(text, max(seg[0], money.start - 12), money.start):
            a.word_sign = -1 if word.group(1) else 1
        if _NOT_A_FIGURE_RE.match(text, money.end) or _PART_AFTER_RE.match(text, money.end):
            prev_end, prev = money.end, None
            continue
        lo = prev_end
        if prev_end > seg[0] and a is not amounts[0]:
            # "increased by 333.3%, or $1.3 million, to a loss of $1.7 million": the figure before
            # was the change on the way to this one, which binds past it to the clause's phrase
            change = _BY_CHANGE_RE.search(text, max(seg[0], prev_end - 60), money.start)
            if change is not None and change.end() >= prev_end and change.start() < prev_end:
                lo = change_lo
        change_lo = lo
        list_from = prev.after_end if prev is not None else -1
        after = _bind_after(text, money, seg[0], prev_end, list_from)
        if after or (list_from >= 0 and _AFTER_LIST_JOIN_RE.fullmatch(text, list_from, money.start)):
            a.after_end = _named_after_end(text, money)  # the list goes on past an item left out
        bound = after or _bind_before(text, money, lo, periods, floor, seg[1]) or _bind_fronted(text, money, seg)
        if bound is _QUALIFIED:
            a.skipped = True
            prev_end, prev = money.end, None
            continue
        if (bound and bound[0].per_share and not money.per_share and abs(money.value) < 1000 and money.decimals > 0
                and not money.is_range and "/" not in money.unit):
            # "Net loss per common share was $0.30": the phrase says it is per share
            a.concept, a.label, a.per_share = bound[0], bound[1], True
            a.subject = len(bound) > 2 and _is_subject(text, floor, bound[2])
            if not a.subject and len(bound) > 2 and prev is not None and prev.subject and prev.concept is not None \
                    and prev.concept.name in _EPS_BASES and _EPS_JOIN_RE.fullmatch(text, prev.money.end, bound[2]):
                a.subject = True  # "net income of $2.4 million, equating to an EPS of $0.07": the subject's share
            prev_end, prev = money.end, a
            continue
        if bound and not money.per_share and abs(money.value) < 1000 and money.decimals > 0:
            # "the net loss was $0.27": cents bound to a total are a per-share figure misread.
            prev_end, prev = money.end, None
            continue
        if money.per_share:
            base = bound
            if base is None and prev is not None and prev.concept is not None:
                joiner = text[prev.money.end:money.start].strip().lower()
                said = _SIGNED_JOINER_RE.fullmatch(joiner)
                if joiner in (", or", "or", ",or", "(", ", or a") or (
                        said and (said.group(1) == "loss") == (prev.concept.sign < 0)):
                    # "a net loss of $176,861 and a loss of $0.01 per share"
                    base = (prev.concept, prev.label)
                    a.subject = prev.subject
            if base is bound and bound is not None and len(bound) > 2:
                a.subject = _is_subject(text, floor, bound[2])
            concept = _per_share_concept(base[0], money.share_basis) if base else None
            if concept:
                basis = f" ({money.share_basis})" if money.share_basis else ""
                label = base[1] if base[0].per_share else f"{base[1]} per share{basis}"
                a.concept, a.label = concept, label
        elif bound is None and prev is not None and prev.concept is not None and respectively \
                and _LIST_JOIN_RE.fullmatch(text, prev.money.end, money.start) \
                and (money.unit == prev.money.unit or (prev.per_share and abs(money.value) < 1000)):
            # "Net loss per common share was $0.30 and $0.43 for ..., respectively": one measure, several figures
            a.concept, a.label, a.per_share, a.subject = prev.concept, prev.label, prev.per_share, prev.subject
        elif bound and not bound[0].per_share:
            a.concept, a.label = bound[0], bound[1]
            a.subject = len(bound) > 2 and _is_subject(text, prev_end if prev is not None and prev.subject else floor,
                                                       bound[2])
        prev_end, prev = money.end, a


_SUBJECT_WORDS = frozenset(
    """the company company's we our its it total gaap reported posted had has generated recorded delivered achieved
    saw net and also additionally meanwhile overall however consolidated quarterly record a an on basis while whereas
    full year fiscal first second third fourth quarter furthermore moreover notably finally lastly group""".split()
)
_SUBJECT_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’]*|[^\sA-Za-z]")


def _is_subject(text: str, floor: int, phrase_start: int) -> bool:
    """Only lead-ins ("- ", "The Company's", "GAAP") stand between the clause start and the phrase."""
    label = _BULLET_LABEL_RE.match(text, floor, phrase_start) if floor <= phrase_start else None
    if label and label.end() <= phrase_start:
        floor = label.end()
    elif floor < phrase_start and (why := _EXPLAIN_RE.match(text, _LEAD_IN_RE.match(text, floor).end(), phrase_start)) \
            and (comma := text.find(", ", why.end(), phrase_start)) >= 0:
        floor = comma + 2  # "Due to the higher share count, FFO per share decreased ...": the subject follows
    if phrase_start < floor or phrase_start - floor > 60:
        return False
    name = _ISSUER_LEAD_RE.match(text, floor, phrase_start)
    if name is not None and _in_title(text, name.group(1)):
        floor = name.end()  # "SBC Medical more than doubled its net income": the issuer, named in the title, did
        words = _SUBJECT_WORDS | _ISSUER_VERBS
    else:
        words = _SUBJECT_WORDS
    for t in _SUBJECT_TOKEN_RE.findall(text, floor, phrase_start):
        if t.lower() not in words and t not in "-*•–—:,":
            return False
    return True


_ISSUER_LEAD_RE = re.compile(r"[\s\-*•–—]*((?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,3})(?=\s+[a-z])")
_ISSUER_VERBS = frozenset("more than doubled tripled increased grew raised lifted boosted improved narrowed reduced cut".split())


def _in_title(text: str, name: str) -> bool:
    nl = text.find("\n", 0, 400)
    return len(name) >= 3 and text.find(name, 0, nl if nl > 0 else min(len(text), 300)) >= 0


_LEAD_COMPARE_RE = re.compile(r"\s*(?:That|This|These|Which|It)\s*", re.IGNORECASE)


def _own_dated(text: str, a: _Amount, seg: tuple[int, int], amounts: list[_Amount], resolved: list[_Resolved]) -> bool:
    """"..., compared to the previous fiscal year, the company incurred a net loss of $15.6 million, or
    $(.56) per share, for fiscal 2024": a figure bound to its own phrase and followed by its own dated
    span is a statement of its own, not a comparison with segment 0."""
    if a.src is not None:
        return False
    skip = [(b.money.start, b.money.end) for b in amounts if b.seg == a.seg]
    for r in resolved:
        if seg[0] <= r.mention.start < seg[1] and r.mention.start >= a.money.end:
            return r.mention.kind == "explicit" and len(r.periods) == 1 \
                and _only_filler(text, a.money.end, r.mention.start, skip)
    return False


_OF_RE = re.compile(r"\s*of\s+")


def _compared_of(text: str, segs: list[tuple[int, int]], amounts: list[_Amount],
                 resolved: list[_Resolved]) -> set[str]:
    """"The Company decreased cost of goods sold by 28% compared to the same period in 2023 of
    $185,000": segment 0 names the measure without a figure, the comparison gives the earlier one."""
    table, pattern = _concepts()
    found = list(pattern.finditer(text, *segs[0]))
    if len(found) != 1 or not _OF_COMPARE_START_RE.match(text, segs[1][0]):
        return set()
    phrase = found[0]
    concept = table[_key(phrase.group(0))]
    if concept.per_share:
        return set()
    verb = _PREV_WORD_RE.search(text, max(segs[0][0], phrase.start() - 30), phrase.start())
    if verb is None or verb.group(1).lower() not in _CHANGE_WORDS or _QUALIFIER_RE.search(text, segs[0][0], phrase.start()):
        return set()  # "decreased cost of goods sold by 28%": the measure is the verb's object
    for a in amounts:
        if a.seg != 1 or a.concept is not None:
            continue
        if any(segs[1][0] <= r.mention.start and _OF_RE.fullmatch(text, r.mention.end, a.money.start)
               and _only_space(text, _OF_COMPARE_START_RE.match(text, segs[1][0]).end(), r.mention.start)
               for r in resolved):
            a.concept, a.label = concept, phrase.group(0)
            return {concept.name}
    return set()


_OF_COMPARE_START_RE = re.compile(r"(?:compared\s+(?:to|with)|versus|vs\.?)\s+", re.IGNORECASE)


def _adjusted_basis(text: str, c_start: int, adj: re.Match, amounts: list[_Amount]) -> None:
    table = _concepts()[0]
    opens = _LEAD_IN_RE.match(text, c_start).end() == adj.start()
    for a in amounts:
        if a.concept is None or a.concept.name.startswith("Adjusted"):
            continue
        if opens and a.seg == 0 and a.concept.name in _ADJUSTED_OF:
            # the adjusted measure under its own name (the CSV's "adjusted ..." phrase)
            a.concept = next((c for c in table.values() if c.name == _ADJUSTED_OF[a.concept.name]
                              and c.sign == a.concept.sign), None)
            a.label = f"{a.label} (adjusted basis)" if a.label else None
        elif opens or a.money.end <= adj.start() and _only_space(text, a.money.end, adj.start()):
            a.concept = None  # a comparison's sign is not said; a figure "on an adjusted basis" is no GAAP one


def _only_space(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


_OWN_MEASURE_RE = re.compile(r"\b(?:rising|growing|falling|increasing|decreasing|declining|climbing|reaching|totaling"
                             r"|totalling)\b[^$€£]{0,12}$", re.IGNORECASE)


def _inherit(text: str, segs: list[tuple[int, int]], amounts: list[_Amount], stop: int) -> None:
    """Comparative amounts without a concept take segment 0's, position by position.

    Figures after ``stop`` (where the clause starts explaining: "driven primarily by $18.6M in
    stock-based compensation") are not comparatives and do not count in the pairing."""
    amounts = [a for a in amounts if a.money.start < stop]
    for k in range(1, len(segs)):
        # From the segment just before: "... non-GAAP net loss of $3.3 million,
        # compared to $3.4 million" must not borrow the GAAP concept of segment 0.
        first = [a for a in amounts if a.seg == k - 1]
        these = [a for a in amounts if a.seg == k]
        if not these or all(a.concept for a in these):
            continue
        # In text order (a set's order changes from run to run): the total before a
        # per-share figure gets its concept first, which ``_opposite_base`` reads.
        for unit in dict.fromkeys(a.money.unit for a in these):
            src = [a for a in first if a.money.unit == unit and not _NOT_A_FIGURE_RE.match(text, a.money.end)
                   and not _is_change(text, a, segs[k - 1][0])]
            dst = [a for a in these if a.money.unit == unit and not _is_change(text, a, segs[k][0])]
            if len(src) != len(dst) or not all(a.concept for a in src) or any(a.skipped for a in first):
                continue
            if len(dst) > 1 and "respectively" not in text[segs[k][0]:segs[k][1]].lower() and unit.endswith("share") is False:
                continue
            for s, d in zip(src, dst):
                if d.concept is None and not _NOT_A_FIGURE_RE.match(text, d.money.end):
                    if _OWN_MEASURE_RE.search(text, segs[k][0], d.money.start):
                        continue  # "up from the year-ago period, with nine-month earnings rising to $11.8 million"
                    if d.money.per_share and _opposite_base(these, d, s):
                        continue  # "... compared to net income of $3.9 million or $0.23 per share"
                    if s.per_share and not (abs(d.money.value) < 1000 and d.money.decimals > 0):
                        continue  # a per-share figure compared with a total is no comparison
                    if not s.per_share and s.concept.per_share is False and abs(d.money.value) < 1000 and d.money.decimals > 0 \
                            and abs(s.money.value) >= 1000:
                        continue  # "$5.0 million, compared to $0.43": not the same kind of figure
                    said = _DIRECTION_RE.search(text, max(segs[k][0], d.money.start - 30), d.money.start)
                    concept = s.concept
                    if said and (said.group(1).lower() in _NEGATIVE_WORDS) != (s.concept.sign < 0):
                        if said.group(1).lower() not in _FLOW_WORDS or s.concept.name not in _SIGNED_CONCEPTS \
                                or s.per_share or d.money.negative:
                            continue  # "operating income of $2.0 million, compared to a loss of $0.4 million"
                        # "Cash flow from operating activities improved to EUR 2.9 million, compared to a cash
                        # outflow of EUR 0.1 million": the same flow, the other way
                        concept = Concept(s.concept.name, -s.concept.sign, s.concept.instant, s.concept.per_share)
                    d.concept, d.label, d.per_share, d.src = concept, s.label, s.per_share, s


_DIRECTION_RE = re.compile(r"\b(loss|deficit|income|profit|gain|earnings|outflow|inflow)\s+(?:of\s+)?(?:approximately\s+|about\s+)?$",
                           re.IGNORECASE)
_NEGATIVE_WORDS = frozenset(("loss", "deficit", "outflow"))
_FLOW_WORDS = frozenset(("outflow", "inflow"))
_CHANGE_OF_RE = re.compile(r"\b(?:increase|decrease|decline|reduction|improvement|change|growth|rise|drop)s?\s+of\s+"
                           r"(?:approximately\s+|about\s+)?$", re.IGNORECASE)


def _is_change(text: str, a: _Amount, floor: int) -> bool:
    """An amount told as a change ("a decrease of $1.5 million", "by 12%, or $1.3 million, to"), not a level."""
    start = a.money.start
    if _CHANGE_OF_RE.search(text, max(floor, start - 40), start):
        return True
    change = _BY_CHANGE_RE.search(text, max(floor, start - 60), a.money.end + 40)
    return change is not None and change.start() < start and change.end() >= a.money.end


# "... in the fourth quarter and 4% to $22.2 million for the full year": the growth may lead the second figure
_PAIR_JOIN_RE = re.compile(r"\s*,?\s*and\s+(?:(?:a|an)\s+)?(?:(?:by\s+)?[\d.]+\s?(?:%|percent)\s+to\s+)?$", re.IGNORECASE)
_PERIOD_LEAD_RE = re.compile(r"\s*,?\s*(?:for|in|during|over)\s+(?:the\s+)?", re.IGNORECASE)


def _share_across_periods(text: str, amounts: list[_Amount], resolved: list[_Resolved]) -> None:
    """"$4.1 million for the quarter and $15.2 million for the full year": one measure, each figure
    followed by its own period; the second takes the first's concept."""
    for prev, a in zip(amounts, amounts[1:]):
        if a.concept is not None or a.skipped or prev.concept is None or prev.seg != a.seg:
            continue
        if prev.money.unit != a.money.unit or prev.money.per_share or a.money.per_share or prev.per_share:
            continue
        first = _period_right_after(text, prev.money.end, a.money.start, resolved)
        if first is None or _PAIR_JOIN_RE.fullmatch(text, first.mention.end, a.money.start) is None:
            continue
        second = _period_right_after(text, a.money.end, None, resolved)
        if second is None or second.periods == first.periods:
            continue
        a.concept, a.label, a.subject = prev.concept, prev.label, prev.subject


def _period_right_after(text: str, pos: int, limit: int | None, resolved: list[_Resolved]) -> _Resolved | None:
    lead = _PERIOD_LEAD_RE.match(text, pos)
    if lead is None:
        return None
    for r in resolved:
        if r.mention.start == lead.end() or (lead.start() < r.mention.start <= lead.end()):
            if limit is not None and r.mention.end > limit:
                return None
            return r if r.periods and r.mention.kind != "opaque" else None
    return None


def _opposite_base(these: list[_Amount], d: _Amount, src: _Amount) -> bool:
    """A per-share figure right after a total of the other direction (income vs loss) is not ``src``'s kind."""
    i = these.index(d)
    prev = these[i - 1] if i > 0 else None
    if prev is None or prev.money.per_share:
        return False
    if prev.concept is None:
        return True  # the figure it qualifies is unbound: nothing says which measure it is
    return prev.concept.sign != src.concept.sign


# --- periods for amounts ------------------------------------------------------

@dataclass
class _Resolved:
    mention: PeriodMention
    periods: tuple[Period, ...]


def _resolve_sentence(mentions: list[PeriodMention], ctx: PeriodContext, anchor: Period | None,
                      forward_from: int | None = None, forward_to: int = 0) -> list[_Resolved]:
    """Resolve every mention; relative ones against the latest named period before them."""
    out: list[_Resolved] = []
    base = anchor
    for m in mentions:
        periods = resolve(m, ctx, base)
        if (forward_from is not None and forward_from <= m.start < forward_to and m.kind == "quarter"
                and ctx.now is not None):
            # "expects first quarter revenue of ...": the next such quarter, not the last one
            cal = ctx.calendar
            fy = cal.fy_of(ctx.now)
            p = cal.quarter(fy, m.quarter)
            periods = (p if p.end > ctx.now else cal.quarter(fy + 1, m.quarter),)
        elif (forward_from is not None and m.start < forward_to and m.kind == "current" and m.months == 12
              and not periods and ctx.now is not None and ctx.current is not None and not ctx.current.is_instant):
            # "For the full year, the company now expects revenue between ..." in an interim release:
            # the fiscal year its reporting period belongs to
            cal = ctx.calendar
            p = cal.first_months(cal.fy_of(ctx.current.end), 12)
            periods = (p,) if p.end > ctx.now else ()
        out.append(_Resolved(m, periods))
        if m.kind in ("explicit", "current", "quarter") and len(periods) == 1 and not periods[0].is_instant:
            base = periods[0]
    return out


_FILLER_RE = re.compile(
    r"(?:[\s,()]|\b(?:for|in|during|of|at|as|on|the|or|per|share|basic|diluted|and|common|a|an|respectively|end|close|full"
    r"|reported|recorded|previous|prior|preceding|by)\b"
    r"|\b\d+(?:\.\d+)?\s?%)*", re.IGNORECASE,
)


def _only_filler(text: str, a: int, b: int, skip: list[tuple[int, int]]) -> bool:
    """True when text[a:b], minus the ``skip`` spans, is prepositions and commas only."""
    pos = a
    for s, e in sorted(skip):
        if e <= a or s >= b:
            continue
        if _FILLER_RE.fullmatch(text, pos, max(pos, s)) is None:
            return False
        pos = max(pos, e)
    return _FILLER_RE.fullmatch(text, pos, b) is not None


_SPACE_RE = re.compile(r"[ \t-]*")


def _period_for(text: str, money: Money, seg: tuple[int, int], resolved: list[_Resolved],
                skip: list[tuple[int, int]]) -> tuple[Period, ...] | None | bool:
    """The periods of an amount; None when the segment names none; False when it
    names one we cannot place (then the paragraph's period must not be borrowed)."""
    inside = [r for r in resolved if seg[0] <= r.mention.start and r.mention.end <= seg[1]]
    # "For the fourth quarter, revenue of $9 million" where that quarter cannot be dated: no borrowing either
    opaque = any(r.mention.kind == "opaque" or (not r.periods and r.mention.end <= money.start) for r in inside)
    inside = [r for r in inside if r.periods]
    # Right after the amount, past only fillers and other figures:
    # "$14.2 million, or $0.21 per basic and diluted share, for 2QFY2011".
    for r in inside:
        if r.mention.start >= money.end and _only_filler(text, money.end, r.mention.start, skip):
            nxt = _concepts()[1].match(text, _SPACE_RE.match(text, r.mention.end, seg[1]).end(), seg[1])
            if nxt is not None and has_money_hint(text, nxt.end(), seg[1]):
                continue  # "$14.2 million and Fourth-Quarter Net Revenue of $3.9 million": the next figure's period
            return r.periods
    before = [r for r in inside if r.mention.end <= money.start]
    if before:
        return before[-1].periods
    if opaque or any(r.mention.start >= money.end for r in inside):
        return False  # a period later in the segment, or one we cannot place
    return None


def _reported_comparison(text: str, seg: tuple[int, int], resolved: list[_Resolved], periods: tuple,
                         ctx: PeriodContext) -> bool:
    """A comparative segment of a forecast that names its own, already ended, dated period and no
    forecast word of its own ("compared to our prior outlook of ..." stays a forecast)."""
    if ctx.now is None or guidance.is_forward_looking(text[seg[0]:seg[1]]):
        return False
    own = [r for r in resolved if seg[0] <= r.mention.start < seg[1] and r.mention.kind == "explicit" and r.periods]
    return bool(own) and all(p in own[0].periods and p.end < ctx.now for p in periods)


_AND_ENDED_RE = re.compile(r"\s*,?\s*and\s+(?:it\s+|the\s+company\s+)?(?:closed|ended|finished|exited)\s+", re.IGNORECASE)


def _later_periods_agree(text: str, a: _Amount, seg: tuple[int, int], resolved: list[_Resolved],
                         anchor: Period | None) -> bool:
    """The segment goes on to another predicate ("and closed the quarter with ...") whose period ends
    where the paragraph's period ends, and names none before the figure."""
    if anchor is None or anchor.is_instant:
        return False
    inside = [r for r in resolved if seg[0] <= r.mention.start and r.mention.end <= seg[1]]
    if not inside or any(r.mention.start < a.money.end for r in inside) \
            or not _AND_ENDED_RE.fullmatch(text, a.money.end, inside[0].mention.start):
        return False
    return all(r.mention.kind != "opaque" and r.periods and all(p.end == anchor.end and (p.is_instant or p == anchor)
                                                                for p in r.periods) for r in inside)


def _dates_of_later_figures(text: str, a: _Amount, amounts: list[_Amount], seg: tuple[int, int],
                            resolved: list[_Resolved]) -> bool:
    """Whether every period named after a flow figure is a balance date that another, later figure
    stands right before: those dates are that figure's, and a flow has none of its own there."""
    later = [r for r in resolved if seg[0] <= r.mention.start and r.mention.end <= seg[1] and r.mention.start >= a.money.end]
    if not later:
        return False
    others = [b.money.end for b in amounts if b.money.start > a.money.end]
    for r in later:
        if r.mention.kind != "explicit" or not r.periods or not all(p.is_instant for p in r.periods):
            return False
        if not any(end <= r.mention.start and _only_filler(text, end, r.mention.start, []) for end in others):
            return False
    return True


def _respective_periods(text: str, segs: list[tuple[int, int]], amounts: list[_Amount],
                        resolved: list[_Resolved]) -> dict:
    """"... for the fourth quarter and for the full year to $2.1 million and $1.5 million, respectively".

    In a "respectively" segment that names several periods before its figures,
    the n-th figure of a kind belongs to the n-th period; when the counts do
    not match, none of them can be placed.
    """
    out: dict = {}
    for k, (a0, b0) in enumerate(segs):
        if "respectively" not in text[a0:b0].lower():
            continue
        these = [a for a in amounts if a.seg == k and a.concept is not None]
        if not these:
            continue
        first, last = these[0].money.start, these[-1].money.end
        spans: list[Period] = []
        for r in resolved:
            if a0 <= r.mention.start and r.mention.end <= first and r.mention.kind != "opaque":
                spans.extend(r.periods)
        if len(spans) < 2:
            # "$0.30 and $0.43 for the three months ended June 30, 2025 and 2024, respectively"
            spans = [p for r in resolved if last <= r.mention.start and r.mention.end <= b0
                     and r.mention.kind != "opaque" for p in r.periods]
        same = len({a.concept.name for a in these}) == 1 and len(these) > 1
        if len(spans) < 2:
            if same:
                for a in these:
                    out[id(a)] = False  # one measure, several figures, periods we cannot pair
            continue
        for unit in dict.fromkeys(a.money.unit for a in these):
            group = [a for a in these if a.money.unit == unit]
            if len(these) == 1 and _RESPECTIVELY_NEXT_RE.match(text, group[0].money.end, b0):
                # "R&D expenses for the years ended December 31, 2024 and 2023 were $0.9 million, respectively"
                out[id(group[0])] = tuple(spans)
            elif len(group) == len(spans):
                for a, p in zip(group, spans):
                    out[id(a)] = (p,)
            else:
                for a in group:
                    out[id(a)] = False
    return out


_RESPECTIVELY_NEXT_RE = re.compile(r",?\s*respectively\b", re.IGNORECASE)


# "... $40 million in shareholders' equity as of March 31": a date of its own follows the figure.
_OTHER_DATE_AFTER_RE = re.compile(r"[^$€£;.]{0,40}?\b(?:as\s+(?:of|at)|at)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8})")
# A balance told without "as of" or "ended with" is the reported period's closing balance only in a
# sentence that states it; money raised, used, expected or spent is a flow or another moment.
_NOT_BALANCE_RE = re.compile(
    r"\b(?:rais\w*|proceeds|used|uses?|using|burn\w*|spen[dt]\w*|generat\w*|offering|placement|financ\w*|receiv\w*"
    r"|paid|pay\w*|repurchas\w*|dividends?|acqui\w*|invest\w*|expect\w*|anticipat\w*|will|would|could|may|pro\s+forma"
    r"|plus|includ\w*|net\s+of|added|adding|operations|flows?|outflows?|inflows?|consideration|purchas\w*"
    r"|sales?|sold|convert\w*|loans?|debt|borrow\w*|restricted|combined|approximately|about|nearly|almost|over|more\s+than"
    r"|less|following|after|before|subsequent\w*|since|prior|previous\w*|last|year[- ]end|beginning|start\w*|opening"
    r"|increas\w*|decreas\w*|declin\w*|grew|growth|rose|fell|up|down|from|compared|versus|vs)\b", re.IGNORECASE)
_BALANCE_CONCEPTS = frozenset(("CashAndCashEquivalentsAtCarryingValue", "CashCashEquivalentsAndMarketableSecurities",
                               "CashCashEquivalentsAndShortTermInvestments"))


_FIRST_WORD_RE = re.compile(r"[\s\-*•–—]*([A-Z][\w'’&.-]*)")
_BALANCE_LEADS = frozenset("""The This That Its It Our We Cash Total With Ending Ended As At And In On Additionally
    Also Meanwhile Furthermore Moreover Finally Overall Importantly Notably Further Liquidity Balance Other""".split())


def _generic_lead(text: str, c_start: int) -> bool:
    """The clause opens on no name ("Other key metrics also improved, with ..."): its figures are the issuer's."""
    first = _FIRST_WORD_RE.match(text, c_start)
    return first is not None and first.group(1) in _BALANCE_LEADS


def _current_balance(text: str, c_start: int, money: Money, seg: tuple[int, int], ctx: PeriodContext,
                     p: Period, anchor: Period | None) -> bool:
    """"Cash on hand of $13.2 million", "Cash reserves stood at $30 million" in a release whose reporting
    period is certain (a title or heading names it): the cash at that period's end."""
    if p.is_instant or ctx.now is None or p.end > ctx.now \
            or (p != anchor and p != getattr(ctx, "balance_anchor", None)):
        return False
    first = _FIRST_WORD_RE.match(text, c_start, money.start)
    if first and first.group(1) not in _BALANCE_LEADS and text.find(first.group(1), 0, 400) < 0:
        return False  # "Insighta held a cash balance of $79.8 million": an affiliate's, not the issuer's
    before = [m.end for m in find_money(text, c_start, money.start)]
    start = before[-1] if before else c_start  # "a net loss of $0.8 million on reduced expenses and $9.8 million in cash"
    stop = text.find(",", money.end, seg[1])
    return _NOT_BALANCE_RE.search(text, start, seg[1] if stop < 0 else stop) is None


_STOCK_CONCEPTS = frozenset(("Assets", "StockholdersEquity", "Liabilities", "Deposits"))


def _fit_period(p: Period, concept: Concept, clause: str) -> Period | None:
    """An instant concept needs a date; a flow concept needs a span."""
    if concept.instant:
        if p.is_instant:
            return p
        # "ended the quarter with $76.3 million in cash": the balance at its end.
        # Total assets or equity are never a flow: "Q1 results ... $10.4 million in total assets" is at the quarter's end.
        return p.as_instant() if _INSTANT_CUE_RE.search(clause) or concept.name in _STOCK_CONCEPTS else None
    return None if p.is_instant else p


# --- the entry point --------------------------------------------------------------

# Words every concept phrase contains one of: a block without any cannot bind.
_CONCEPT_WORDS = ("revenue", "loss", "income", "expense", "cash", "earnings", "ebitda", "expenditure", "capex",
                  "sales", "profit", "grant", "cost", "assets", "research and development", "r&d", "g&a", "reimbursement",
                  "fees", "equity", "ebit", "ffo", "funds from operations", "result for the period", "eps", "loans")


def _has_concept_word(text: str, a: int, b: int) -> bool:
    low = text[a:b].lower()
    return any(w in low for w in _CONCEPT_WORDS)


def _context(doc: CleanDocument) -> PeriodContext:
    cal = fiscal_calendar(doc.text)
    ctx = PeriodContext(cal, release_date=doc.release_date, text=doc.text)
    ctx.odd_ends = stated_ends(doc.text, lowered(doc.text))
    return ctx


# Exchange listings "(NASDAQ: KSCP)": three different companies in one text
# make it a roundup or a newsletter, whose figures belong to no single issuer.
_LISTING_RE = re.compile(
    r"\((?:NASDAQ|Nasdaq|NYSE|OTC|TSX|CSE|ASX|LSE|AMEX|NEO|Cboe)[\w .-]{0,20}:\s*\$?([A-Z][A-Z0-9.]{0,6})\)"
)
# Crypto texts: "revenue" and "$" there describe networks and tokens.
_CRYPTO_RE = re.compile(r"\b(?:blockchain|crypto\w*|tokens?|bitcoin|btc|defi|web3|stablecoins?|usdt|presale|memecoin)\b",
                        re.IGNORECASE)
_CRYPTO_LOW_RE = re.compile(r"(?=[bcdtwsupm])" + _CRYPTO_RE.pattern)  # the same words on lowered text


_ROUNDUP_TITLE_RE = re.compile(r"\b(?:stocks|companies|players|names|sector|industry|market|roundup|watch(?:list)?|newsletter"
                               r"|weekly|recap|digest)\b", re.IGNORECASE)


def _own_results_title(text: str) -> bool:
    """"BioRestorative Ends Q3 In Strong Financial Position, Reports ...": one issuer's results, whatever
    peers (Novo, Lilly) the story names."""
    nl = text.find("\n", 0, 400)
    title = text[:nl if nl > 0 else min(len(text), 300)]
    return (_RESULTS_WORD_RE.search(title) is not None and _PERIOD_HINT_RE.search(title) is not None
            and not _roundup_title(title))


# "... Revenue Growth In A Challenging Market": the market the issuer works in, not a market roundup.
_IN_A_MARKET_RE = re.compile(r"\bin\s+(?:a|an|the|this|today's)\s+(?:[\w-]+\s+)?market\b", re.IGNORECASE)


def _roundup_title(title: str) -> bool:
    return _ROUNDUP_TITLE_RE.search(_IN_A_MARKET_RE.sub(" ", title)) is not None


def is_single_issuer(text: str) -> bool:
    """False for roundups (three or more listed companies) and crypto-heavy texts.

    The answer for the last text asked about is kept: the narrative facts and
    the deals both ask it of the same release, before any other work.
    """
    last = _LAST_ISSUER
    if last[0] is not text:
        last = _remember_issuer(text, _is_single_issuer(text))
    return last[1]


def _remember_issuer(text: str, answer: bool) -> tuple:
    global _LAST_ISSUER
    _LAST_ISSUER = (text, answer)  # one assignment: a reader sees the old or the new pair
    return _LAST_ISSUER


_LAST_ISSUER: tuple = (None, True)


# "Greenlane Reports Fourth Quarter and Full Year 2025 Financial Results": a periodic results report
# by name, stricter than ``_own_results_title`` ("Greelance Marks January 2024 with Record Earnings,
# Token Burn" or "Messari Reports Strong Q1 for TRON" are no issuer's results).
_RESULTS_NOUN_RE = re.compile(r"\b(?:results|earnings)\b", re.IGNORECASE)
_SPAN_WORD_RE = re.compile(r"\b(?:quarter\w*|Q[1-4]|[1-4]Q|full[- ]year|fiscal|FY\w*|annual|half[- ]year|H[12]|year)\b",
                           re.IGNORECASE)


_OWN_REVENUE_TITLE_RE = re.compile(
    r"^[^\n]{0,60}?\b(?:posts|reports|delivers|announces)\b[^\n]{0,60}?\b(?:quarter\w*|Q[1-4]|[1-4]Q|half[- ]year|full[- ]year"
    r"|fiscal)\b[^\n]{0,20}?\b(?:revenues?|sales)\b", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"\w['’]s?\b(?!\w)")


def _periodic_results_title(text: str) -> bool:
    nl = text.find("\n", 0, 400)
    title = text[:nl if nl > 0 else min(len(text), 300)]
    if _roundup_title(title):
        return False
    if _RESULTS_NOUN_RE.search(title) is not None and _SPAN_WORD_RE.search(title) is not None:
        return True
    # "BitCo Posts Double-Digit Third Quarter Revenue Growth": the issuer's own quarter's revenue (but not
    # "Messari Reports TRON's Protocol Revenue ...": another's)
    m = _OWN_REVENUE_TITLE_RE.search(title)
    return m is not None and not _POSSESSIVE_RE.search(title, 0, m.end())


def _is_single_issuer(text: str) -> bool:
    if len(set(_LISTING_RE.findall(text))) >= 3 and not _own_results_title(text):
        return False
    # A crypto company's own periodic results are its figures, whatever the words around them.
    return _crypto_count(text) < 5 or _periodic_results_title(text)


def lowered(text: str) -> str:
    """``text.lower()``, kept for the last text asked about (the crypto test and the deals share it)."""
    last = _LAST_LOWER
    if last[0] is not text:
        last = _remember_lower(text, text.lower())
    return last[1]


def _remember_lower(text: str, low: str) -> tuple:
    global _LAST_LOWER
    _LAST_LOWER = (text, low)
    return _LAST_LOWER


_LAST_LOWER: tuple = (None, "")

# The only characters outside ASCII that match an ASCII letter ignoring case
# ("ſ" for "s", the Kelvin sign for "k", dotted and dotless i); "İ" also
# lowers to two characters. Without them, ``_CRYPTO_RE`` on the text matches
# exactly where its lowercase twin matches on the lowered text.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
_CRYPTO_WORDS = ("blockchain", "crypto", "token", "bitcoin", "btc", "defi", "web3", "stablecoin", "usdt", "presale",
                 "memecoin")


def _crypto_count(text: str) -> int:
    """How many crypto words the text holds, counting up to five."""
    if not text.isascii() and any(c in text for c in _FOLD_ODD):
        return sum(1 for _ in zip(range(5), _CRYPTO_RE.finditer(text)))
    low = lowered(text)
    if not any(w in low for w in _CRYPTO_WORDS):
        return 0  # every crypto word contains one of these
    return sum(1 for _ in zip(range(5), _CRYPTO_LOW_RE.finditer(low)))


def extract_text_facts(doc: CleanDocument) -> list[FinancialFact]:
    """Every figure the release states in prose, reported or forecast."""
    text = doc.text
    if not has_money_hint(text) or not is_single_issuer(text):
        return []  # a roundup or a crypto text: its figures are dropped at the end anyway
    ctx: PeriodContext | None = None
    facts: list[FinancialFact] = []
    anchors: dict = {}
    lead: tuple = (None, _NO_LEAD)  # (section, period) of the last heading line in prose
    for b_start, b_end in prose_blocks(text):
        if not has_money_hint(text, b_start, b_end):
            if _heading_line(text, b_start, b_end):
                if ctx is None:
                    ctx = _context(doc)
                lead = _lead_line(doc, ctx, b_start, b_end)
            continue
        if not _has_concept_word(text, b_start, b_end):
            continue
        sec = doc.section_at(b_start)
        if sec is not None and (sec.kind in SKIP_SECTIONS or (sec.heading and _PART_HEADING_RE.search(sec.heading))):
            continue  # (under "Solid Revenue Growth in the Trading Segment": a segment's figures)
        if ctx is None:
            ctx = _context(doc)
        anchor = _section_anchor(doc, ctx, sec, anchors)
        if lead[1] is not _NO_LEAD and lead[0] is sec:
            anchor = lead[1]  # "Key Financial Highlights for the Nine Months Ended ...", a line over the bullets
        ctx.weak_anchor = anchor
        ctx.balance_anchor = anchors.get("balance")
        ctx.lost_span = False
        for s, e in sentences(text, b_start, b_end):
            anchor = _sentence(doc, ctx, s, e, anchor, facts)
    if not facts or not is_single_issuer(text):
        return []
    return _dedupe(facts)


_PART_HEADING_RE = re.compile(r"\b(?:segments?|divisions?|business\s+units?|subsidiar(?:y|ies))\b", re.IGNORECASE)
_NO_LEAD = object()
_LEAD_WORD_RE = re.compile(r"\b(?:highlights|results|summary|performance)\b", re.IGNORECASE)


def _heading_line(text: str, start: int, end: int) -> bool:
    """A short one-line block without a sentence end: a heading the sections did not mark."""
    if end - start > 160 or end - start < 12 or text.find("\n", start, end) >= 0:
        return False
    last = text[end - 1]
    return last not in ".!?;" and _LEAD_WORD_RE.search(text, start, end) is not None


def _lead_line(doc: CleanDocument, ctx: PeriodContext, start: int, end: int) -> tuple:
    """(section, period) a heading line gives the bullets under it; period None when it names
    another span or two ("Results for the Three and Nine Months"), _NO_LEAD when it names none."""
    text = doc.text
    sec = doc.section_at(start)
    if sec is None or sec.kind in SKIP_SECTIONS or sec.kind in ("headline", "subheadline", "dateline"):
        return (None, _NO_LEAD)
    if _PERIOD_HINT_RE.search(text, start, end) is None:
        return (sec, _NO_LEAD)
    cmp = _COMPARE_RE.search(text, start, end)
    return (sec, _sole_span(text, ctx, start, cmp.start() if cmp else end))


_RESULTS_WORD_RE = re.compile(r"\b(?:results?|reports?|reported|announces?|posts|financials?|earnings)\b", re.IGNORECASE)
_PERIOD_HINT_RE = re.compile(r"(?:19|20)\d\d|\b(?:months?|quarter\w*|years?|half|annual|fiscal|ytd|[1-4]Q|Q[1-4]|H[12]|FY\w*)\b",
                             re.IGNORECASE)
_HEADING_KINDS = ("financial_results", "highlights", "body", "subheadline", "guidance")


def _sole_span(text: str, ctx: PeriodContext, start: int, end: int) -> Period | None:
    """The one span a heading or title names ("Third Quarter 2025 Financial Results"), if only one."""
    mentions = [m for m in place_undated(find_periods(text, ctx.calendar, start, end), ctx) if m.kind != "opaque"]
    spans = set()
    for m in mentions:
        for p in resolve(m, ctx, None):
            spans.add(p)
    if len(spans) != 1 or any(m.kind not in ("explicit", "current", "quarter") for m in mentions):
        return None
    p = spans.pop()
    if p.is_instant or (ctx.now is not None and p.end > ctx.now):
        return None
    return p


_QUARTERLY = r"\b(?:three|3)[- ]months?\b|\bquarter\s+ended\b"
_OTHER_SPANS_RE = {
    3: re.compile(r"\b(?:six|nine|twelve|6|9|12)[- ]months?\b|\b(?:first|second)[- ]half\b|\b[HQ]?[12]H\b|\bH[12]\b"
                  r"|\byear[- ]to[- ]date\b|\bYTD\b|\bfull[- ]year\b|\byears?\s+ended\b|\bfiscal\s+year\b", re.IGNORECASE),
    6: re.compile(_QUARTERLY + r"|\bsecond\s+quarter\b|\bQ2\b|\b2Q", re.IGNORECASE),
    9: re.compile(_QUARTERLY + r"|\bthird\s+quarter\b|\bQ3\b|\b3Q", re.IGNORECASE),
    12: re.compile(_QUARTERLY + r"|\bfourth\s+quarter\b|\bQ4\b|\b4Q", re.IGNORECASE),
}


def _section_anchor(doc: CleanDocument, ctx: PeriodContext, sec, cache: dict) -> Period | None:
    """The period a block starts out talking about: its section heading's, else the title's.

    "Third Quarter 2025 Financial Results" over a section, or a results
    release whose title names one period, place the bare "Net loss was $X
    million" below them. A heading or title naming two spans places nothing.
    """
    key = sec.section_no if sec is not None else None
    if key in cache:
        return cache[key]
    found = None
    if sec is not None and sec.heading:
        h = sec.heading
        if sec.kind in _HEADING_KINDS:
            found = _sole_span(h, ctx, 0, len(h))
        if found is None and _PERIOD_HINT_RE.search(h):
            cache[key] = None  # "Six Month 2025 Financial Results": a span we cannot take from the title
            return None
    if found is None:
        if "title" not in cache:
            text = doc.text
            nl = text.find("\n", 0, 400)
            t_end = nl if nl > 0 else min(len(text), 300)
            title = None
            if _RESULTS_WORD_RE.search(text, 0, t_end):
                title = _sole_span(text, ctx, 0, t_end)
                if title is not None and ctx.current is not None and title != ctx.current:
                    title = None
            if title is None:
                title = _lead_span(doc, ctx, t_end)
            # Balances ("Cash reserves stood at $30 million") need only the reported period's end,
            # whichever other spans (the fourth quarter of a full year) end on it.
            cache["balance"] = title if title is not None and title == ctx.current else None
            other = _OTHER_SPANS_RE.get(title.months) if title is not None else None
            if other is not None and _reports_other_span(doc, other):
                title = None  # the release also reports another span: a bare figure could be either
            cache["title"] = title
        found = cache["title"]
    cache[key] = found
    return found


# "... announced its operating and financial results for the year ending December 31, 2024", "the filing of
# its annual report on Form 10-K for the fiscal year ended December 31, 2024": the lead says what is reported.
_LEAD_RESULTS_RE = re.compile(
    r"\b(?:results|annual\s+report|form\s+10-[KQ])\s+(?:for|of)\s+(?:the\s+|its\s+)?"
    r"((?:fiscal\s+)?(?:(?:full\s+)?year|quarter|(?:three|six|nine|twelve)\s+months)\s+(?:ended|ending)\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d)\b", re.IGNORECASE)
_TITLE_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")
_YEAR_HINTS = frozenset(("annual", "fiscal", "year", "fy"))


def _lead_span(doc: CleanDocument, ctx: PeriodContext, t_end: int) -> Period | None:
    """The period the lead paragraph says the release reports, when the title names no span but
    its year ("Reports 2024 Financial Results", "Files 2024 10-K")."""
    text = doc.text
    end = min(len(text), t_end + 1500)
    low = lowered(text)
    if low.find("results ", t_end, end) < 0 and low.find("report ", t_end, end) < 0 and low.find("10-", t_end, end) < 0:
        return None  # (a cheap test first: most leads name no reported period)
    m = _LEAD_RESULTS_RE.search(text, t_end, end)
    if m is None:
        return None
    title = text[:t_end]
    fw = guidance._FORWARD_RE.search(title)
    if fw is not None:
        title = title[:fw.start()]  # "Reports Record 2024 Revenues and Forecasts ... Growth in Q1 2025"
    hints = {h.lower() for h in _PERIOD_HINT_RE.findall(_TITLE_YEAR_RE.sub("", title))}
    if hints - _YEAR_HINTS:
        return None  # the title names a span of its own (a quarter, six months): not ours to override
    sec = doc.section_at(m.start())
    if sec is None or sec.kind in SKIP_SECTIONS or guidance.is_forward_looking(text[max(t_end, m.start() - 200):m.start()]):
        return None
    p = _sole_span(text, ctx, m.start(1), m.end(1))
    if p is None or p != ctx.current or (hints and p.months != 12):
        return None
    years = {int(y) for y in _TITLE_YEAR_RE.findall(title)}
    if years and years != {ctx.calendar.fy_of(p.end)}:
        return None  # "Reports 2024 Results" over a lead about 2025: one of them is not the period
    return p


_PLAN_NOUN_RE = re.compile(r"\s+(?:growth|initiatives?|plans?|goals?|targets?|guidance|outlook|expectations?|forecasts?"
                           r"|objectives?|priorities)\b", re.IGNORECASE)


def _reports_other_span(doc: CleanDocument, other: re.Pattern) -> bool:
    """Whether the release reports figures for a span other than its title's.

    "... in support of full-year growth initiatives" or an outlook for the full
    year is not a reported span: only mentions outside forecasts and boilerplate count.
    """
    text = doc.text
    for m in other.finditer(text):
        sec = doc.section_at(m.start())
        if sec is not None and (sec.kind in SKIP_SECTIONS or sec.kind == "guidance"):
            continue
        if _PLAN_NOUN_RE.match(text, m.end()):
            continue  # "full-year growth initiatives", "full-year guidance"
        a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = text.find(". ", m.end())
        b = len(text) if b < 0 else b
        nl = text.find("\n", m.end(), b)
        if not guidance.is_forward_looking(text[a:nl if nl >= 0 else b]):
            return True
    return False


def _sentence(doc: CleanDocument, ctx: PeriodContext, s: int, e: int, anchor: Period | None,
              out: list[FinancialFact]) -> Period | None:
    """Facts of one sentence; returns the period the paragraph now talks about."""
    text = doc.text
    money_here = has_money_hint(text, s, e)
    if not money_here and _RESULTS_WORD_RE.search(text, s, e) is None:
        return anchor  # no figure and no results: nothing to read, the paragraph's period stays
    mentions = place_undated(find_periods(text, ctx.calendar, s, e), ctx)
    if mentions and _RUNWAY_RE.search(text, s, e):
        mentions = [m for m in mentions if not _HORIZON_BEFORE_RE.search(text, max(s, m.start - 60), m.start)]
    forward = guidance.is_forward_looking(text[s:e])
    if not forward:
        # "These metrics compare favorably to 2023's gross profit": a year we do
        # not place, so the figure must not borrow the paragraph's period.
        mentions = [_own_year(text, s, m, ctx) if m.kind == "year" else _year_to_date(m, ctx) if m.kind == "opaque"
                    else m for m in mentions]
    if mentions and any(m.kind == "current" for m in mentions):
        mentions = [m for m in mentions if m.kind != "current" or not _inside_phrase(text, m)]
    fw = guidance._FORWARD_RE.search(text, s, e) if forward else None
    cmp = _COMPARE_RE.search(text, s, e) if fw else None
    lost = not forward and _names_lost_span(text, s, e, mentions)
    ctx.lost_span = ctx.lost_span or lost
    resolved = _resolve_sentence(mentions, ctx, anchor, fw.start() if fw else None, cmp.start() if cmp else e)
    # A sentence without figures moves the paragraph's period only when it speaks of results
    # ("announced financial results for the first quarter of 2025"); "... completed its IPO in
    # the fourth quarter of 2023" is an aside, not what the next figure is about.
    moves = money_here or _RESULTS_WORD_RE.search(text, s, e) is not None
    placed = _next_anchor(text, s, e, resolved) if moves else None
    if placed is not None:
        ctx.lost_span = False
    new_anchor = placed or (None if lost else anchor)
    if not money_here or _blocked(text, s, e) or _tableish(text, s, e):
        return new_anchor
    pieces = [p for c in _cut(text, s, e, _CLAUSE_CUT_RE) for p in _items_after_comparison(text, *c)]
    for i, (c_start, c_end, fw_from) in enumerate(pieces):
        if _other_listed_subject(text, c_start, c_end):
            continue  # "In comparison, Riot Platforms generated $70 million in revenue": a peer's figures
        # "R&D rose to $3.3 million in Q2, while G&A fell to $1.7 million": a
        # later clause without a period of its own speaks of the sentence's.
        _clause(doc, ctx, c_start, c_end, (s, e), resolved, anchor if i == 0 else (new_anchor or anchor), forward, out,
                weak=i > 0, fw_from=fw_from)
    return new_anchor


_CLAUSE_LEAD_RE = re.compile(r"[\s,;\-*•–—]*(?:(?:while|whereas|and|but|meanwhile|in\s+comparison|in\s+contrast|by\s+comparison"
                             r"|by\s+contrast|for\s+comparison)\b[\s,]*)?", re.IGNORECASE)
_NAMED_SUBJECT_RE = re.compile(r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+(?:also\s+)?(?:generated|reported|posted"
                               r"|recorded|achieved|had|saw|delivered|suffered|earned|booked|incurred|registered|logged)\b")


def _other_listed_subject(text: str, c_start: int, c_end: int) -> bool:
    """The clause's subject is another listed company the text names ("Riot Platforms Inc (NASDAQ:
    RIOT)", "MARA"), not one named in the title."""
    if "(" not in text:
        return False
    lead = _CLAUSE_LEAD_RE.match(text, c_start, c_end)
    m = _NAMED_SUBJECT_RE.match(text, lead.end(), c_end)
    if m is None:
        return False
    first = m.group("name").split()[0].rstrip(".")
    if len(first) < 3 or _in_title(text, first):
        return False
    return first in _listed_names(text)


def _listed_names(text: str) -> frozenset:
    last = _LAST_LISTED
    if last[0] is not text:
        names = set()
        for m in _LISTING_NAME_RE.finditer(text):
            names.add(m.group("ticker"))
            names.update(w.rstrip(".") for w in m.group("name").split())
        last = _remember_listed(text, frozenset(names))
    return last[1]


def _remember_listed(text: str, names: frozenset) -> tuple:
    global _LAST_LISTED
    _LAST_LISTED = (text, names)
    return _LAST_LISTED


_LAST_LISTED: tuple = (None, frozenset())
_LISTING_NAME_RE = re.compile(
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+\((?:NASDAQ|Nasdaq|NYSE|OTC|TSX|CSE|ASX|LSE|AMEX|NEO|Cboe)"
    r"[\w .-]{0,20}:\s*\$?(?P<ticker>[A-Z][A-Z0-9.]{0,6})\)")


_AND_ITEM_RE = re.compile(r",?\s+and\s+(?:an?\s+|the\s+|its\s+)?")
_ITEM_VERB_RE = re.compile(r"\s+(?:of|was|were|came\s+in\s+at|totaled|totalled|stood\s+at|amounted\s+to)\s", re.IGNORECASE)


def _items_after_comparison(text: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """"net revenue of $50 million, a slight increase from the previous year, and net income of $2.4
    million": after a comparison, "and <measure> of $X" starts a figure of its own, not a compared
    one. The piece keeps the clause start for telling a forecast (``fw_from``)."""
    if text.find(" and ", a, b) < 0:
        return [(a, b, a)]
    cmp = _COMPARE_RE.search(text, a, b)
    if cmp is None or "respectively" in text[a:b].lower():
        return [(a, b, a)]
    pattern = _concepts()[1]
    for m in _AND_ITEM_RE.finditer(text, cmp.end(), b):
        ph = pattern.match(text, m.end())
        if ph is None or not _ITEM_VERB_RE.match(text, ph.end()) or not has_money_hint(text, ph.end(), b):
            continue
        cut = text.index("and", m.start())  # the piece opens on "and": a lead-in, not a list before the phrase
        return [(a, m.start(), a), (cut, b, a)]
    return [(a, b, a)]


_LOST_SPAN_RE = re.compile(r"month|half|\b[HQ]?[12]H\b|\bH[12]\b|year[- ]to[- ]date|\bYTD\b|trailing", re.IGNORECASE)


def _inside_phrase(text: str, m: PeriodMention) -> bool:
    """"The result for the period": the period words are part of the measure's name."""
    pattern = _concepts()[1]
    for c in pattern.finditer(text, max(0, m.start - 30), m.end):
        if c.start() < m.start and c.end() >= m.end:
            return True
    return False


def _names_lost_span(text: str, s: int, e: int, mentions: list[PeriodMention]) -> bool:
    """The sentence leads with a span we cannot place ("revenue after nine months"), not a comparison."""
    if not any(m.kind == "opaque" for m in mentions):
        return False
    cmp = _COMPARE_RE.search(text, s, e)
    lead_end = cmp.start() if cmp else e
    return any(m.kind == "opaque" and m.start < lead_end and _LOST_SPAN_RE.search(m.text or "") for m in mentions)


def _blocked(text: str, s: int, e: int) -> bool:
    """A sentence about markets or valuations, unless it opens on the company's measure and names the
    market only after its figures ("Revenue rose to EUR 449.9 million, clearly exceeding market growth")."""
    m = _BLOCK_RE.search(text, s, e)
    if m is None:
        return False
    monies = find_money(text, s, m.start())
    if not monies or find_money(text, m.start(), e):
        return True
    return _concepts()[1].match(text, _LEAD_IN_RE.match(text, s).end()) is None


# "Cash of $13.2 million provides runway into the fourth quarter of 2026": the horizon is
# no period of the figure.
_RUNWAY_RE = re.compile(r"\b(?:runway|fund(?:s|ing)?\s+(?:\w+\s+){0,2}operations|sufficient\s+to)\b", re.IGNORECASE)
_HORIZON_BEFORE_RE = re.compile(
    r"\b(?:runway|operations|plan|needs|requirements)\b[^.;$]{0,30}\b(?:into|through|until|till|beyond)\s+(?:the\s+)?$",
    re.IGNORECASE)


_AMOUNT_IN_RE = re.compile(r"(?:\d|million|billion|thousand|\d[MBK])\s+(?:in\s+)?$", re.IGNORECASE)
_DIVISION_RE = re.compile(r"\b(?:division|segment|subsidiar(?:y|ies)|business\s+unit)\b", re.IGNORECASE)


def _own_year(text: str, s: int, m: PeriodMention, ctx: PeriodContext) -> PeriodMention:
    """A bare year is opaque, unless it is the December fiscal year the release reports on, right
    after a figure ("$12.7 million in 2023") and not in a paragraph about a division."""
    cur = ctx.current
    if cur is not None and cur.months == 3 and cur.end == ctx.calendar.fy_end(ctx.calendar.fy_of(cur.end)):
        cur = ctx.calendar.first_months(ctx.calendar.fy_of(cur.end), 12)  # a fourth-quarter release reports its year too
    if cur is not None and cur.months == 12 and ctx.calendar.end_month == 12 and ctx.calendar.stated \
            and (m.text or "").lower().startswith(("in ", "for ", "during ")) \
            and not _DIVISION_RE.search(text, max(0, s - 400), m.start) \
            and resolve(m, ctx, None) == (cur,):
        return PeriodMention(m.start, m.end, "explicit", periods=(cur,), fy=_OWN_YEAR, text=m.text)
    return PeriodMention(m.start, m.end, "opaque", text=m.text)


_OWN_YEAR = -1  # marks a bare year taken as the release's own fiscal year (``_own_year``)


_YTD_RE = re.compile(r"(?:the\s+)?(?:year[- ]to[- ]date|YTD)", re.IGNORECASE)


# "nine-month revenue of $20.4 million" in a third-quarter release: the nine months the quarter closes.
_NMONTHS_RE = re.compile(r"(?:the\s+)?(?P<n>six|nine|6|9)[- ]months?(?:\s+period)?", re.IGNORECASE)


def _year_to_date(m: PeriodMention, ctx: PeriodContext) -> PeriodMention:
    """"On a year-to-date basis" in a quarterly release: the fiscal year up to the quarter's end;
    "six-month", "nine-month": that span, when it ends with the reported quarter."""
    ytd = _YTD_RE.fullmatch(m.text or "")
    span = None if ytd else _NMONTHS_RE.fullmatch(m.text or "")
    if ytd is None and span is None:
        return m
    cur = ctx.current
    n = None if ytd else 6 if span.group("n").lower() in ("six", "6") else 9
    if cur is None or cur.months not in (3, n) or cur.is_instant:
        return m
    cal = ctx.calendar
    fy = cal.fy_of(cur.end)
    for months in ((3, 6, 9, 12) if ytd else (n,)):
        p = cal.first_months(fy, months)
        if p.end == cur.end:
            return PeriodMention(m.start, m.end, "explicit", periods=(p,), text=m.text)
    return m


_GROUPED_NUMBER_RE = re.compile(r"\d{1,3},\d{3}")


def _tableish(text: str, s: int, e: int) -> bool:
    """A flattened table row run into one "sentence": many grouped numbers, few words."""
    return len(_GROUPED_NUMBER_RE.findall(text, s, e)) >= 6


def _next_anchor(text: str, s: int, e: int, resolved: list[_Resolved]) -> Period | None:
    """The first non-comparative span named in the sentence's leading segments."""
    if not resolved:
        return None
    first_cmp = _COMPARE_RE.search(text, s, e)
    limit = first_cmp.start() if first_cmp else e
    for r in resolved:
        if r.mention.start >= limit:
            break
        if r.mention.kind in ("explicit", "current", "quarter") and len(r.periods) == 1 and not r.periods[0].is_instant:
            return r.periods[0]
    return None


def _clause(doc: CleanDocument, ctx: PeriodContext, c_start: int, c_end: int, sent: tuple[int, int],
            resolved: list[_Resolved], anchor: Period | None, forward: bool, out: list[FinancialFact],
            weak: bool = False, fw_from: int | None = None) -> None:
    text = doc.text
    monies = find_money(text, c_start, c_end)
    if not monies:
        return
    if any(m.is_range for m in monies):
        monies = _undated_from_to(doc, ctx, c_start, c_end, sent, resolved, anchor, weak, monies, out)
        if not monies:
            return
        monies = _split_change_ranges(text, monies)
    segs = _cut(text, c_start, c_end, _COMPARE_RE)
    if len(segs) > 1 and "respectively" not in text[c_start:c_end].lower():
        # "compared to $10.1 million in Q4 2025 and $16.0 million in Q1 2025": one comparison each
        segs = segs[:1] + [piece for seg in segs[1:] for piece in _cut(text, seg[0], seg[1], _AND_AMOUNT_RE)]
    from_to = _from_to(text, segs, monies, resolved)
    if from_to is not None:
        segs = [(segs[0][0], segs[1][1])] + segs[2:]  # "rose from $9.8 million in Q4 2023 to $11.4 million in Q4 2024"
    amounts: list[_Amount] = []
    for money in monies:
        k = next(i for i, (a, b) in enumerate(segs) if a <= money.start < b or i == len(segs) - 1)
        amounts.append(_Amount(money, k))
    mentions = [r.mention for r in resolved]
    for k, seg in enumerate(segs):
        _bind_segment(text, seg, [a for a in amounts if a.seg == k], mentions, c_start)
    if from_to is not None:
        for a in amounts[:2]:
            a.concept, a.label, a.subject = from_to[0], from_to[1], True
    _share_across_periods(text, amounts, resolved)
    explain = _explain_at(text, c_start, c_end)
    _inherit(text, segs, amounts, explain.start() if explain else c_end)
    # A comparative segment compares: its figures must be of a concept that
    # segment 0 states ("... versus $5.8 million in the prior-year period,
    # G&A expenses declined to $1.1 million" is not a prior-year G&A figure).
    first_concepts = {a.concept.name for a in amounts if a.seg == 0 and a.concept}
    if len(segs) > 1 and not any(a.seg == 0 for a in amounts):
        first_concepts |= _compared_of(text, segs, amounts, resolved)
    if len(segs) > 1 and not any(a.seg == 0 for a in amounts) and _LEAD_COMPARE_RE.fullmatch(text, *segs[0]):
        # "That compares with a net loss of $12.7 million ... in the year-ago quarter"
        first_concepts = {a.concept.name for a in amounts if a.seg == 1 and a.concept}
    for a in amounts:
        if a.seg > 0 and a.concept and a.concept.name not in first_concepts \
                and not _own_dated(text, a, segs[a.seg], amounts, resolved):
            a.concept = None
    if _NON_GAAP_RE.search(text, c_start, c_end):
        for a in amounts:
            if a.concept and not a.concept.name.startswith("Adjusted"):
                a.concept = None
    adj = _ADJUSTED_BASIS_RE.search(text, c_start, c_end)
    if adj is not None:
        _adjusted_basis(text, c_start, adj, amounts)
    if explain:
        for a in amounts:
            if a.money.start > explain.start():
                a.concept = None
    clause_text = text[c_start:c_end]
    assigned = _respective_periods(text, segs, amounts, resolved)
    if from_to is not None and id(amounts[0]) not in assigned and (
            bare := _bare_year_before(text, amounts[0].money.end, amounts[1].money.start, resolved,
                                      _period_right_after(text, amounts[1].money.end, c_end, resolved))):
        assigned[id(amounts[0])] = bare.periods
    # Figures and concept phrases may sit between an amount and its period.
    skip = [(a.money.start, a.money.end) for a in amounts]
    for a in amounts:
        if a.seg > 0 and a.concept is not None and a.src is not None:
            echo = _ECHO_RE.match(text, a.money.end, c_end)
            if echo is not None:
                if _echo_agrees(echo.group("w"), a.concept):
                    skip.append(echo.span())  # "than the $18.5 million loss in Q3 2023": the measure's own noun
                else:
                    a.concept = None  # "compared to $0.4 million income": not the loss segment 0 speaks of
    if any(a.concept is not None for a in amounts) and any(
            amounts[0].money.end <= r.mention.start < c_end for r in resolved):
        # only a period after a figure needs them (the scan is the costliest regex here)
        skip += [m.span() for m in _concepts()[1].finditer(text, amounts[0].money.end, c_end)]
    first_period: Period | None = None
    placed: dict[int, Period] = {}
    impossible = False
    for i, a in enumerate(amounts):
        if a.concept is None or _UNPLACED_SPAN_RE.search(text, *segs[a.seg]):
            continue
        # Forward-looking only if the forecast word leads up to the figure:
        # "ended Q2 with $15.9 million in cash and expects ..." is a result.
        forward = guidance.is_forward_looking(text[c_start if fw_from is None else fw_from:a.money.start])
        periods = assigned[id(a)] if id(a) in assigned else _period_for(text, a.money, segs[a.seg], resolved, skip)
        if periods is False and id(a) not in assigned and (
                (not a.concept.instant and _dates_of_later_figures(text, a, amounts, segs[a.seg], resolved))
                or _later_periods_agree(text, a, segs[a.seg], resolved, anchor)):
            # "... was $7.1 million, and working capital stood at $58.5 million as of September 30";
            # "posted an EPS of $(0.12) and closed the quarter with ...": a later period that is not
            # this figure's, or is the paragraph's own, leaves it the paragraph's
            periods = None
        if forward and periods and a.src is not None and _reported_comparison(text, segs[a.seg], resolved, periods, ctx):
            # "anticipates $4.5 million in revenue in the just-ended quarter, compared to $65,235 in the
            # previous quarter ended June 30, 2024": the comparison is a reported figure of its own date
            forward = False
        if periods and not a.subject and _by_adjective(segs[a.seg], a.money, resolved, periods):
            periods = False  # "Meridianbet reported a 14% growth of full-year revenue": only the clause's subject
        if periods is None and a.seg == 0 and anchor is not None:
            # A period taken from a heading or the title places only the
            # clause's subject: "Net loss was $5.0 million", not "India
            # Biodiesel rebounded to $10.5 million in revenue".
            if not (weak or anchor is getattr(ctx, "weak_anchor", None)) or a.subject:
                periods = (anchor,)
        if periods and not forward and any(r.mention.kind == "year" and segs[a.seg][0] <= r.mention.start < segs[a.seg][1]
                                           for r in resolved):
            # a bare year in a forecast sentence ("achieved $27 million in 2024 and expects ...") is
            # read for the forecast; a result it places is not the release's own period
            periods = False
        if a.seg == 0 and periods and not a.subject and any(
                r.mention.fy == _OWN_YEAR and segs[0][0] <= r.mention.start < segs[0][1] for r in resolved):
            # "Fortytwo ... achieved revenues of approximately $27 million in 2024": a bare year
            # places only the clause's subject, the release's own measure
            periods = False
        if periods is None and a.seg == 0 and not forward and a.concept.name in _BALANCE_CONCEPTS \
                and getattr(ctx, "balance_anchor", None) is not None:
            periods = (ctx.balance_anchor,)  # placed only as a closing balance (``_current_balance``)
        if periods is None and a.seg == 0 and len(segs) > 1 and not forward and (a.subject or _generic_lead(text, c_start)):
            # "Gross profit was $3.8 million, compared to $9.8 million in the fourth quarter of 2025":
            # the comparison's spans say the figure is the release's own period of that length.
            periods = _current_by_comparison(text, segs, resolved, ctx, a.concept.instant)
        if a.seg == 0 and periods and not forward and ctx.now is not None and any(p.end > ctx.now for p in periods):
            # "revenues of $14.1 million for Q2, an increase from the $13.6 million recorded in the same
            # quarter of 2023": a current period we misplace (an unknown fiscal calendar) misplaces its comparison too.
            impossible = True
        if a.seg == 0 and periods is False and _period_for(text, a.money, segs[0], resolved, skip) is False:
            # "$6.63 million for fiscal 2023 compared to $5.75 million in the previous year": a current
            # period we cannot name leaves "the previous year" unnamed too
            impossible = True
        if a.seg > 0 and impossible:
            continue
        if a.seg == 0 and periods and len(periods) == 1:
            first_period = placed[id(a)] = periods[0]
        elif a.seg > 0 and first_period is not None and text.startswith("(", segs[a.seg][0]) \
                and (pp := _paren_prior(text, segs[a.seg], first_period, ctx, a.concept.instant)):
            periods = pp  # "$5,205,000 for the year ended July 31, 2025 (July 31, 2024: $9,264,000)"
        elif a.seg > 0 and not periods and first_period is not None:
            # "$7.7 million for the year ended December 31, 2024, compared with $8.9 million in 2023":
            # a bare year compared with a calendar year is that year.
            own = placed.get(id(a.src), first_period) if a.src is not None else first_period
            periods = _prior_calendar_year(text, a.money, segs[a.seg], resolved, own, ctx) or periods
            if not periods and own is anchor and not weak:
                periods = _undated_from(doc, ctx, segs[a.seg], sent, resolved, a, own) or periods
        if periods and len(periods) > 1 and id(a) not in assigned and not _SAME_IN_BOTH_RE.search(clause_text):
            continue  # "$6.7 million at June 30, 2024 and June 30, 2023": one figure for two dates, unless said to be flat
        for p in periods or ():
            fact = _make_fact(doc, ctx, a, p, clause_text, sent, forward,
                              a.concept.name in _BALANCE_CONCEPTS and not forward and _current_balance(text, c_start, a.money, segs[a.seg], ctx, p, anchor))
            if fact is not None:
                out.append(fact)


# The noun a comparative figure repeats ("the $18.5 million loss it had in the same period a year ago").
_ECHO_RE = re.compile(r"\s+(?:net\s+)?(?P<w>loss|profit|income|earnings|revenues?|sales)\b"
                      r"(?:\s+(?:it|that\s+it|which\s+it|the\s+company)\s+(?:had|posted|reported|recorded|generated|incurred))?",
                      re.IGNORECASE)
_ECHO_INCOME = frozenset(("NetIncomeLoss", "OperatingIncomeLoss", "IncomeLossBeforeIncomeTaxes", "AdjustedNetIncomeLoss"))


def _echo_agrees(word: str, concept: Concept) -> bool:
    word = word.lower()
    if word.startswith("revenue") or word == "sales":
        return concept.name == "Revenues"
    if concept.name not in _ECHO_INCOME:
        return False
    return (word == "loss") == (concept.sign < 0)


# "Net income decreased $195,000 to $1,528,000": a change and the level it reached, not a range.
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:increased|decreased|rose|fell|grew|declined|dropped|climbed|improved|narrowed|widened|jumped|surged"
    r"|(?:was|were)\s+(?:up|down))(?:\s+by)?\s*$", re.IGNORECASE)
_RANGE_TO_RE = re.compile(r"\s+to\s+")


def _explain_at(text: str, c_start: int, c_end: int) -> re.Match | None:
    """Where the clause starts explaining; "net loss attributable to <the issuer>" explains nothing,
    and "As a result of the property sales, rental income decreased to ..." explains up to its comma."""
    m = _EXPLAIN_RE.search(text, c_start, c_end)
    while m is not None:
        if m.group(0).lower().startswith("attributable") and _issuer_share_end(text, m.start() - 1) is not None:
            m = _EXPLAIN_RE.search(text, m.end(), c_end)
        elif _LEAD_IN_RE.match(text, c_start).end() == m.start() and (comma := text.find(", ", m.end(), c_end)) >= 0 \
                and not find_money(text, m.end(), comma):
            m = _EXPLAIN_RE.search(text, comma, c_end)
        elif m.group(0).lower().startswith(("driven", "led")) and _RESULTS_NOUN_RE.search(text, c_start, m.start()) \
                and not has_money_hint(text, c_start, m.start()):
            # "announced financial results for Q3 2024, driven by a 36% increase in revenue to $52.3
            # million": what drives the results are its own figures
            m = _EXPLAIN_RE.search(text, m.end(), c_end)
        else:
            break
    return m


def _split_change_ranges(text: str, monies: list[Money]) -> list[Money]:
    out = []
    for m in monies:
        to = _RANGE_TO_RE.search(text, m.start, m.end) if m.is_range and not m.per_share else None
        if to is None or not _CHANGE_BEFORE_RE.search(text, max(0, m.start - 30), m.start):
            out.append(m)
            continue
        first, second = find_money(text, m.start, to.start()), find_money(text, to.end(), m.end)
        if len(first) != 1 or len(second) != 1 or first[0].is_range or second[0].is_range \
                or first[0].end != to.start() or second[0].end != m.end:
            out.append(m)  # "$5 to 10 million": the level borrows the scale, not a change we can split
            continue
        out += [first[0], second[0]]
    return out


# "Revenue grew from $5.2 million to $6.0 million": a change with no period of its own.
_UNDATED_FROM_VERB_RE = re.compile(
    r"(?:\s+(?:was|were|has|have|had))?\s+(?:increased|decreased|rose|fell|grew|declined|dropped|climbed|improved"
    r"|jumped|surged|growing|increasing|decreasing|rising|falling|declining)(?:\s+[a-z]+ly)?\s+from\s*$", re.IGNORECASE)
# A quarter's "from $A" is the year-earlier quarter only where the sentence says so (else it may be sequential).
_YOY_RE = re.compile(
    r"\b(?:year[- ]over[- ]year|year[- ]on[- ]year|prior[- ]year|previous\s+year|year[- ]ago|a\s+year\s+earlier"
    r"|same\s+(?:period|quarter)\s+(?:of\s+|in\s+)?(?:last|the\s+prior|the\s+previous|a)\s+year)\b", re.IGNORECASE)
_SEQUENTIAL_RE = re.compile(r"\b(?:sequential(?:ly)?|previous\s+quarter|prior\s+quarter|quarter[- ]over[- ]quarter"
                            r"|quarter[- ]on[- ]quarter|last\s+quarter)\b", re.IGNORECASE)


def _undated_from_to(doc: CleanDocument, ctx: PeriodContext, c_start: int, c_end: int, sent: tuple[int, int],
                     resolved: list[_Resolved], anchor: Period | None, weak: bool, monies: list[Money],
                     out: list[FinancialFact]) -> list[Money]:
    """"Operating expenses increased from $5.89 million to $7.35 million" in a paragraph about
    fiscal 2024: the later figure is the paragraph's period, the earlier one the year before
    (for a quarter, only where the sentence says the comparison is year over year). The
    figures are placed only when the sentence names no period, the paragraph's period is the
    clause's own (not a later clause's) and the release reports no other span an undated
    figure could belong to. A range read this way leaves the clause (it is no forecast)."""
    text = doc.text
    if anchor is None or anchor.is_instant or weak or ctx.calendar.ambiguous \
            or any(sent[0] <= r.mention.start < sent[1] for r in resolved):
        return monies
    out_monies = []
    for m in monies:
        pair = _change_pair(text, c_start, m)
        if pair is None:
            out_monies.append(m)
            continue
        concept, label, first, second = pair
        if not 0.02 <= second.value / max(first.value, 1e-9) <= 50:
            # "grew from $1.300 million to $3,518 million": a misprinted scale, not a 2,700-fold change
            out_monies.append(m)
            continue
        if concept.instant or concept.per_share or guidance.is_forward_looking(text[c_start:m.start]):
            out_monies.append(m)
            continue
        other = _OTHER_SPANS_RE.get(anchor.months)
        if (anchor.months == 3 and anchor.end.month == ctx.calendar.end_month) \
                or (other is not None and _reports_other_span(doc, other)):
            return monies  # "fourth quarter and year-end results": an undated change could be either span
        clause = text[c_start:c_end]
        for money, period in ((second, anchor), (first, _year_before(text, sent, anchor, ctx))):
            if period is None:
                continue
            fact = _make_fact(doc, ctx, _Amount(money, 0, concept, label, subject=True), period, clause, sent, False)
            if fact is not None:
                out.append(fact)
    return out_monies


_FROM_ONLY_RE = re.compile(r"from\s+(?:approximately\s+|about\s+)?(?:a\s+)?$", re.IGNORECASE)


def _undated_from(doc: CleanDocument, ctx: PeriodContext, seg: tuple[int, int], sent: tuple[int, int],
                  resolved: list[_Resolved], a: _Amount, own: Period) -> tuple[Period, ...] | None:
    """"Operating loss improved to $7.3 million from $8.4 million" in a paragraph about fiscal 2025:
    a sentence naming no period at all compares the paragraph's period with the one a year before
    (for a quarter, only where it says year over year), unless the release reports another span
    an undated figure could belong to (as ``_undated_from_to``)."""
    text = doc.text
    if a.src is None or a.src.seg != 0 or ctx.calendar.ambiguous or own.is_instant \
            or any(sent[0] <= r.mention.start < sent[1] for r in resolved) \
            or not _FROM_ONLY_RE.fullmatch(text, seg[0], a.money.start):
        return None
    other = _OTHER_SPANS_RE.get(own.months)
    if (own.months == 3 and own.end.month == ctx.calendar.end_month) or (other is not None and _reports_other_span(doc, other)):
        return None
    prior = _year_before(text, sent, own, ctx)
    return (prior,) if prior is not None else None


def _change_pair(text: str, c_start: int, m: Money) -> tuple[Concept, str, Money, Money] | None:
    if not m.is_range or m.per_share:
        return None
    verb = _UNDATED_FROM_VERB_RE.search(text, max(c_start, m.start - 40), m.start)
    if verb is None:
        return None
    table, pattern = _concepts()
    label = None
    for lm in pattern.finditer(text, c_start, verb.start()):
        label = lm
    if label is None or label.end() != verb.start() or not _is_subject(text, c_start, label.start()) \
            or _qualified(text, label.start(), label.group(0), c_start):
        return None
    to = _RANGE_TO_RE.search(text, m.start, m.end)
    if to is None:
        return None
    first, second = find_money(text, m.start, to.start()), find_money(text, to.end(), m.end)
    if len(first) != 1 or len(second) != 1 or first[0].is_range or second[0].is_range \
            or first[0].end != to.start() or second[0].end != m.end:
        return None
    concept = table[_key(label.group(0))]
    return concept, label.group(0), first[0], second[0]


def _year_before(text: str, sent: tuple[int, int], anchor: Period, ctx: PeriodContext) -> Period | None:
    if anchor.months != 12 and (_YOY_RE.search(text, *sent) is None or _SEQUENTIAL_RE.search(text, *sent)):
        return None
    if anchor.months not in (3, 6, 9, 12):
        return None
    return ctx.calendar.shifted(anchor, -1)


_SAME_IN_BOTH_RE = re.compile(r"\b(?:remained|remains|unchanged|flat|steady|stable|both|each|respectively)\b", re.IGNORECASE)


_FROM_TO_VERB_RE = re.compile(
    r"(?:\s+(?:was|were|has|have|had))?\s+(?:increased|decreased|rose|fell|grew|declined|dropped|climbed|improved|narrowed"
    r"|widened|went|jumped|surged|moved|changed|swung|swings?|turned|shifted)\s*$", re.IGNORECASE)


def _from_to(text: str, segs: list[tuple[int, int]], monies: list[Money],
             resolved: list[_Resolved]) -> tuple[Concept, str] | None:
    """"Cost of goods sold decreased from $70 million during Q4 2023 to $49 million during Q4 2024":
    the clause's phrase holds both figures, each followed by its own period."""
    if len(segs) < 2 or len(monies) < 2 or monies[0].start < segs[1][0] or not text.startswith("from", segs[1][0]):
        return None
    first, second = monies[0], monies[1]
    if second.start >= segs[1][1] or first.per_share or second.per_share or first.is_range or second.is_range:
        return None
    table, pattern = _concepts()
    label = None
    for m in pattern.finditer(text, segs[0][0], segs[0][1]):
        label = m
    if label is None or _FROM_TO_VERB_RE.fullmatch(text, label.end(), segs[0][1]) is None:
        return None
    if not _is_subject(text, segs[0][0], label.start()) or _qualified(text, label.start(), label.group(0), segs[0][0]):
        return None
    p2 = _period_right_after(text, second.end, segs[1][1], resolved)
    p1 = _period_right_after(text, first.end, second.start, resolved) or _bare_year_before(
        text, first.end, second.start, resolved, p2)
    if p1 is None or p2 is None or p1.periods == p2.periods or len(p1.periods) != 1 or len(p2.periods) != 1:
        return None
    if _TO_RE.fullmatch(text, p1.mention.end, second.start) is None:
        return None
    concept = table[_key(label.group(0))]
    return None if concept.per_share else (concept, label.group(0))


def _bare_year_before(text: str, pos: int, limit: int, resolved: list[_Resolved],
                      later: _Resolved | None) -> _Resolved | None:
    """"from negative $236,877 in 2023 to positive $646,290 in 2024": a bare year left unplaced on its
    own is the full year before the other bare year, once that one is placed as a calendar year."""
    lead = _PERIOD_LEAD_RE.match(text, pos)
    if lead is None or later is None or len(later.periods) != 1 or not _BARE_YEAR_RE.fullmatch(later.mention.text or ""):
        return None
    p = later.periods[0]
    if p.months != 12 or p.start is None or p.start.month != 1 or p.start.day != 1:
        return None  # only a calendar year shifts by a plain year
    for r in resolved:
        if lead.start() < r.mention.start <= lead.end() and r.mention.end <= limit:
            year = _BARE_YEAR_RE.fullmatch(r.mention.text or "")
            if r.periods or year is None or int(year.group(1)) != p.end.year - 1:
                return None
            return _Resolved(r.mention, (Period(date(p.start.year - 1, 1, 1), date(p.end.year - 1, 12, 31), 12,
                                                f"FY{p.end.year - 1}"),))
    return None


_BARE_YEAR_RE = re.compile(r"(?:(?:in|for|during)\s+)?((?:19|20)\d\d)")
_TO_RE = re.compile(r",?\s+to\s+(?:(?:a\s+)?(?:negative|positive)\s+)?", re.IGNORECASE)


def _by_adjective(seg: tuple[int, int], money: Money, resolved: list[_Resolved], periods: tuple) -> bool:
    """Whether the periods come from a bare "full-year" before a measure (a weak cue, like a heading's)."""
    for r in resolved:
        if seg[0] <= r.mention.start < money.start and r.periods == periods and r.mention.kind == "current" \
                and (r.mention.text or "").lower().startswith("full"):
            return True
    return False


def _current_by_comparison(text: str, segs: list[tuple[int, int]], resolved: list[_Resolved],
                           ctx: PeriodContext, instant: bool) -> tuple[Period, ...] | None:
    cur = ctx.current
    if cur is None or cur.is_instant:
        return None
    spans = []
    for r in resolved:
        if segs[0][0] <= r.mention.start < segs[0][1]:
            return None  # segment 0 names a period: not ours to guess
        if segs[1][0] <= r.mention.start < segs[-1][1]:
            if r.mention.kind == "opaque" or len(r.periods) != 1:
                return None
            spans.append(r.periods[0])
    if not spans:
        return None
    if text.startswith("(", segs[1][0]) and len(set(spans)) == 1:
        # European comparatives: "rose to EUR 48.0 million (9M 2024/2025: EUR 52.7 million)" is the same
        # span a year later; "Equity increased to EUR 397.0 million (30 September 2025: ...)" is at the
        # reporting date
        p = spans[0]
        if p.is_instant:
            return (cur.as_instant(),) if instant and p.end < cur.end else None
        later = ctx.calendar.shifted(p, 1)
        if not instant and later.end == cur.end:
            return (later,)
    if instant or any(p.is_instant or p.months != cur.months or p.end >= cur.end for p in spans):
        return None
    return (cur,)


_PAREN_PRIOR_RE = re.compile(r"\(\s*(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+)?((?:19|20)\d\d)\s*:")
# "(previous year: EUR 9.1 million)": the European comparative names no period; by convention it is
# the same span one year earlier, whatever the length of the reported one.
_PAREN_YEAR_AGO_RE = re.compile(
    r"\(\s*(?:the\s+)?(?:previous|prior|preceding|last)[- ]year(?:'s)?(?:\s+(?:period|figure|value|quarter|half[- ]year))?\s*:"
    r"|\(\s*(?:PY|prior[- ]year\s+period|same\s+period\s+(?:of\s+the\s+|last\s+|previous\s+|prior\s+)year)\s*:",
    re.IGNORECASE)


def _paren_prior(text: str, seg: tuple[int, int], first: Period, ctx: PeriodContext,
                 instant: bool = False) -> tuple[Period, ...] | None:
    """The year-earlier period of an IFRS-style comparison "(2024: $X)", "(July 31, 2024: $X)" or
    "(previous year: $X)"."""
    if first.is_instant or first.start is None:
        return None  # a balance's "(previous year: ...)" is as likely the last year-end
    if instant and first.end != ctx.calendar.fy_end(ctx.calendar.fy_of(first.end)):
        return None  # an interim balance's "(previous year: ...)": the prior June or the last year-end?
    if _PAREN_YEAR_AGO_RE.match(text, seg[0], seg[1]):
        return (ctx.calendar.shifted(first, -1),)
    m = _PAREN_PRIOR_RE.match(text, seg[0], seg[1])
    if m is None:
        return None
    if int(m.group(3)) != first.end.year - 1:
        return None
    if m.group(1):
        try:
            month = _MONTHS.index(m.group(1)[:3].lower()) + 1
        except ValueError:
            return None
        if month != first.end.month or int(m.group(2)) != first.end.day:
            return None
    return (ctx.calendar.shifted(first, -1),)


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_BARE_YEAR_AFTER_RE = re.compile(r"\s*(?:,\s*)?(?:in|for|during)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b(?![,.]?\d|\s*[-–]|'s)")


def _prior_calendar_year(text: str, money: Money, seg: tuple[int, int], resolved: list[_Resolved], first: Period,
                         ctx: PeriodContext) -> tuple[Period, ...] | None:
    m = _BARE_YEAR_AFTER_RE.match(text, money.end, seg[1])
    if m is None and "respectively" in text[money.end:seg[1]].lower():
        # "compared to $3.0 million and $11.8 million in 2023, respectively"
        m = _BARE_YEAR_AFTER_RE.search(text, money.end, seg[1])
    if m is None or first.is_instant or ctx.calendar.ambiguous:
        return None
    cal = ctx.calendar
    if cal.end_month != 12:
        # "for the fiscal year ended June 30, 2024, revenue came in at $1.6 million compared to $2.4
        # million for 2023": against the stated fiscal year, the bare year is the fiscal year before
        if not cal.stated or first != cal.first_months(cal.fy_of(first.end), 12):
            return None
    elif not cal.stated and (first.months != 12 or first.start != date(first.end.year, 1, 1)):
        return None  # "compared to $187 million for 2023" against a calendar year: the year before, whatever the fiscal one
    elif first.start is None or first.start.year != first.end.year or first.months not in (3, 6, 9, 12):
        return None  # "$2.4 million in 2023" against a calendar-year span only
    year = int(m.group(1))
    if year != cal.fy_of(first.end) - 1:
        return None
    if any(r.mention.kind not in ("opaque",) for r in resolved if seg[0] <= r.mention.start < m.end()):
        return None  # the segment names a period of its own (later clauses about segments do not count)
    return (ctx.calendar.shifted(first, -1),)


_PRELIMINARY_RE = re.compile(r"\bpreliminary\b", re.IGNORECASE)
_EXPECTS_RE = re.compile(r"\b(?:expects|anticipates)\b", re.IGNORECASE)


def _preliminary(doc: CleanDocument) -> bool:
    """A release announcing preliminary results (said in its title): "expects fiscal 2025 revenue
    of $9.1 million" about a period already ended is the preliminary figure, not a forecast."""
    text = doc.text
    nl = text.find("\n", 0, 400)
    return _PRELIMINARY_RE.search(text, 0, nl if nl > 0 else min(len(text), 300)) is not None


# "The analysis ... projects 2025 revenues of $200 million": an analyst's forecast, not the company's guidance.
_THIRD_PARTY_RE = re.compile(r"\b(?:analysts?|analysis|consensus|price\s+target|(?:initiat\w+|maintain\w*)\s+coverage"
                             r"|research\s+(?:firm|note|report)|(?:buy|sell|hold|outperform|overweight)\s+rating)\b", re.IGNORECASE)
_AT_LEAST_RE = re.compile(r"\bat\s+least\s*$", re.IGNORECASE)
_BETWEEN_END_RE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_RANGE_NEXT_RE = re.compile(r"\s*(?:to|-|–|—)\s*(?:\(|" + CURRENCY_START + ")")
_RANGE_PREV_RE = re.compile(r"(?:\d|\)|million|billion|thousand|[MBK])\s*(?:to|-|–|—)\s*$")


# "All amounts are in Canadian dollars unless otherwise stated": what a bare "$" means here.
_DOLLAR_STATED_RE = re.compile(
    r"\b(?:amounts?|figures|dollars?|expressed|stated|presented|reported|denominated)\b[^.;\n]{0,60}?\bin\s+"
    r"(?P<cur>Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|U\.\s?S\.|US|United\s+States)\s+dollars\b",
    re.IGNORECASE,
)
_DOLLAR_CODES = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD"}
# Another dollar printed anywhere ("C$12 million", "AUD 3 million"): a bare "$" there may be either.
_OTHER_DOLLAR_RE = re.compile(r"(?<![A-Za-z])(?:C|CA|A|AU|HK|NZ|S)\$|\b(?:CAD|AUD|HKD|NZD|SGD)\b")
_EXPLICIT_USD_RE = re.compile(r"US\$|USD")


def _unit_of(text: str, money: Money) -> str | None:
    """The ISO code of a money phrase; None for a bare "$" the release does not pin to one dollar."""
    if not money.unit.startswith("USD") or _EXPLICIT_USD_RE.search(money.text):
        return money.unit.split("/")[0]
    return _bare_dollar(text)


def _bare_dollar(text: str) -> str | None:
    last = _LAST_DOLLAR
    if last[0] is not text:
        last = _remember_dollar(text, _read_bare_dollar(text))
    return last[1]


def _read_bare_dollar(text: str) -> str | None:
    stated = {_DOLLAR_CODES.get(" ".join(m.group("cur").lower().split()), "USD") for m in _DOLLAR_STATED_RE.finditer(text)}
    if stated:
        return stated.pop() if len(stated) == 1 else None
    return None if _OTHER_DOLLAR_RE.search(text) else "USD"


def _remember_dollar(text: str, unit: str | None) -> tuple:
    global _LAST_DOLLAR
    _LAST_DOLLAR = (text, unit)
    return _LAST_DOLLAR


_LAST_DOLLAR: tuple = (None, "USD")


def _make_fact(doc: CleanDocument, ctx: PeriodContext, a: _Amount, period: Period, clause: str,
               sent: tuple[int, int], forward: bool, balance: bool = False) -> FinancialFact | None:
    concept, money = a.concept, a.money
    if a.word_sign and (forward or concept.sign < 0 or concept.name not in _SIGNED_CONCEPTS or money.negative
                        or money.is_range or money.per_share or a.per_share):
        return None
    p = _fit_period(period, concept, clause)
    if p is None and balance:
        p = period.as_instant()  # "Cash on hand of $13.2 million": the balance at the reported period's end
    odd = getattr(ctx, "odd_ends", None)
    if p is not None and odd is not None:
        p = odd.fit(ctx.calendar, p)  # "Third Quarter 2025" of a quarter ended September 26, 2025
    if p is None:
        return None
    if concept.instant and not period.is_instant and _OTHER_DATE_AFTER_RE.match(doc.text, money.end):
        return None  # "ended Q2 with ... $40 million in shareholders' equity as of March 31": another date
    unit = _unit_of(doc.text, money)
    if unit is None:
        return None  # a "$" whose dollar the release leaves open
    unit += "/share" if money.per_share or a.per_share else ""
    if concept.per_share != (money.per_share or a.per_share):
        return None
    is_guidance = forward and guidance.is_future(p, ctx) and not _THIRD_PARTY_RE.search(doc.text, sent[0], sent[1])
    if forward and not is_guidance and not (_preliminary(doc) and not money.is_range and ctx.now is not None
                                            and p.end <= ctx.now and _EXPECTS_RE.search(doc.text, sent[0], money.start)):
        return None  # "is estimated to result in $25 million": neither result nor dated forecast
    if not is_guidance:
        now = ctx.now
        if money.is_range or (now is not None and p.end > now):
            return None  # a range is a forecast; a future period cannot be reported yet
    if is_guidance and not money.is_range and (
            _BETWEEN_END_RE.search(doc.text, max(0, money.start - 16), money.start)
            or _RANGE_NEXT_RE.match(doc.text, money.end) or _RANGE_PREV_RE.search(doc.text, max(0, money.start - 30),
                                                                                 money.start)):
        return None  # "between $(4.9)M and $(4.4)M", "$(2.0)M to $1.0M": a range we could not read, not a single figure
    floor = _AT_LEAST_RE.search(doc.text, max(0, money.start - 16), money.start) is not None
    if floor and (not is_guidance or money.is_range):
        return None  # "at least $5 million" reports no figure
    s, e = sent
    evidence = doc.text[s:e]
    if is_guidance:
        value, low, high = guidance.guidance_values(money, concept.sign)
        if floor:
            # A floor only: "revenue of at least $50 million" (for a loss, a ceiling in XBRL sign).
            value = None
            low, high = (low, None) if concept.sign > 0 else (None, high)
    else:
        value = (-abs(money.value) if concept.sign < 0 else money.value) + 0.0  # no "-0.0" for "$0.00"
        if a.word_sign:
            value = a.word_sign * abs(money.value) + 0.0
        low = high = None
    return FinancialFact(
        concept=concept.name,
        label=a.label or concept.name,
        value=value,
        unit=unit,
        decimals=money.decimals,
        period_start=p.start,
        period_end=p.end,
        months=p.months,
        fiscal_label=p.fiscal_label,
        source="text",
        evidence=evidence,
        char_start=s,
        char_end=e,
        section_no=doc.section_no_at(s),
        is_guidance=is_guidance,
        value_low=low,
        value_high=high,
    )


def _rounds_to(precise: tuple, other: tuple) -> bool:
    """Whether ``other`` is ``precise`` rounded to ``other``'s printed precision (same for range ends)."""
    dec = other[3]
    for a, b in zip(precise[:3], other[:3]):
        if a is None or b is None:
            if a is not b:
                return False
            continue
        if abs(round(a, dec) - b) > 1e-9 * max(1.0, abs(b)):
            return False
    return True


def _dedupe(facts: list[FinancialFact]) -> list[FinancialFact]:
    """The same figure restated later (a summary, a quote) is kept once, first mention.

    Two different values for one concept and period mean one of them is
    something else (a segment, an "excluding ..." figure): both are dropped.
    """
    values: dict = {}
    for f in facts:
        values.setdefault((f.concept, f.period_start, f.period_end, f.is_guidance, f.unit), set()).add(
            (f.value, f.value_low, f.value_high, f.decimals))
    keep: dict = {}
    for key, vals in values.items():
        precise = max(vals, key=lambda v: v[3])
        if all(v == precise or _rounds_to(precise, v) for v in vals):  # (a range's ends may print finer than its decimals)
            # "$3,551,000" and "$3.6 million": one figure printed twice, keep the precise print
            keep[key] = precise[:3]
    facts = [f for f in facts if keep.get((f.concept, f.period_start, f.period_end, f.is_guidance, f.unit))
             == (f.value, f.value_low, f.value_high)]
    seen: set = set()
    out = []
    for f in facts:
        key = (f.concept, f.period_start, f.period_end, f.value, f.value_low, f.value_high, f.is_guidance, f.unit)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# Same matches, found faster: a match can only start at one of these characters.
_RESULTS_WORD_RE = fast_start(_RESULTS_WORD_RE, "rapfe")
_LEAD_RESULTS_RE = fast_start(_LEAD_RESULTS_RE, "raf")
_COMPARE_RE = fast_start(_COMPARE_RE, "acvudfowr(lhbsgn")
_EXPLAIN_RE = fast_start(_EXPLAIN_RE, "pmldaro")
_BLOCK_RE = fast_start(_BLOCK_RE, "miecapvwgt")
_CLAUSE_CUT_RE = fast_start(_CLAUSE_CUT_RE, r";,\s")
_SENT_OR_BULLET_RE = fast_start(_SENT_OR_BULLET_RE, "\"”')\\]\\s*•")
