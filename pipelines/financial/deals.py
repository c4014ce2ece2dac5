"""Deal terms in prose: upfront and milestone payments, potential milestones,
royalties, equity investments and grants.

A deal needs a kind word tied tightly to its amount ("a $2 million milestone
payment", "upfront payment of $45 million", "milestone payments potentially
totaling up to $170.5 million", "a $2.6 million ... Grant"); a loose "payment"
or a "financing milestone" is not enough. The counterparty is the first
organisation named after "from"/"by"/"with" (or as a possessive) in the
sentence, else earlier in the paragraph, never the issuer itself. Amounts are
Amounts keep the currency the release states (``Deal.currency``: "USD",
"EUR", "GBP", ...), so a €-denominated milestone is kept as EUR, not dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.financial.money import Money, find_money, has_money_hint
from pipelines.financial.narrative import SKIP_SECTIONS, is_single_issuer, prose_blocks, sentences
from pipelines.model import CleanDocument, Deal

_DEAL_HINT_RE = re.compile(r"up-?front|milestone|royalt|grant|equity\s+investment|common\s+stock|ordinary\s+shares",
                           re.IGNORECASE)
_UNSET = object()
_DEAL_WORDS = ("upfront", "up-front", "milestone", "royalt", "grant", "equity investment", "common stock",
               "ordinary shares")


def _has_deal_word(low: str, a: int = 0, b: int | None = None) -> bool:
    b = len(low) if b is None else b
    return any(low.find(w, a, b) >= 0 for w in _DEAL_WORDS)

# Kind words right after an amount ("$45 million upfront payment", "$2.6 million
# FDA Orphan Products Development Grant": up to five words in between).
_AFTER_RE = re.compile(
    r"\s+(?:in\s+)?(?:[\w-]+\s+){0,5}?(?:(?P<kind>up-?front|equity\s+investment|grant)s?\b"
    r"|(?P<mkind>milestone)s?\s+(?:payments?|fees?)\b|(?:in\s+)?(?P<mkind2>milestone)s\b)",
    re.IGNORECASE,
)
# Kind words right before it ("upfront payment of $45 million", "milestone
# payments potentially totaling up to $170.5 million", "grant of $1 million").
_BEFORE_RE = re.compile(
    r"\b(?P<kind>up-?front|milestone|equity\s+investment|grant)\s*(?:payments?|fees?|funding|awards?)?"
    r"\s+(?:of|totaling|totalling|aggregating|worth|potentially\s+totaling|potentially\s+totalling|valued\s+at|amounting\s+to)"
    r"(?:\s+(?:up\s+to|approximately|about|an\s+aggregate\s+of|a\s+total\s+of))?\s*$",
    re.IGNORECASE,
)
_POTENTIAL_RE = re.compile(r"\bup\s+to\b|\bpotential(?:ly)?\b|\baggregate\b|\bfuture\b|\beligible\b", re.IGNORECASE)
_ROYALTY_RE = re.compile(r"\broyalt(?:y|ies)\s+(?:payments\s+)?on\s+(?:net\s+|future\s+|product\s+|worldwide\s+)*sales\b"
                         r"|\btiered\s+royalt(?:y|ies)\b|\bplus\s+royalt(?:y|ies)\b", re.IGNORECASE)
_NOT_PHARMA_RE = re.compile(r"\bNSR\b|\bsmelter\b|\bmineral\b|\bclaims\b|\bounces?\b|\bstreaming\b|\bmusic\b|\bsongs?\b",
                            re.IGNORECASE)
_DEAL_CONTEXT_RE = re.compile(r"\bagreement\b|\blicen[cs]e[ds]?\b|\blicensing\b|\bcollaborat\w*|\bpartner\w*|\balliance\b"
                              r"|\boption\b|\bmilestone\b|\bdeal\b", re.IGNORECASE)
# A grant is recorded only when it funds drug research from a public funder.
_BIOMED_RE = re.compile(r"\b(?:stud(?:y|ies)|trials?|clinical|therap\w*|drugs?|vaccines?|patients?|disease|cancer\w*"
                        r"|treatments?|preclinical|orphan|antibod\w*|anticancer)\b", re.IGNORECASE)

_ORG = r"[A-Z][A-Za-z0-9&.-]*(?:\s+(?:[A-Z][A-Za-z0-9&.-]*|&|and\s+(?=[A-Z])|of\s+(?=[A-Z])))*"
_ORG_CUE_RE = re.compile(r"\b(?:from|by|with)\s+(?:the\s+)?(?P<org>" + _ORG + r")"
                         r"|(?P<poss>" + _ORG + r")(?:'s|’s|'|’)\s+(?:submission|filing|decision|exercise|initiation|acceptance)")
_STOP_ORGS = {"The", "This", "These", "Under", "In", "It", "Its", "Company", "Phase", "Event", "Investigational",
              "New", "Drug", "IND", "Patient", "Protection", "Each", "All", "Our", "We"}
_AGENCIES_RE = re.compile(r"\b(FDA|NIH|NCI|NIAID|NIDA|NHLBI|NINDS|BARDA|CIRM|CPRIT|DARPA|DTRA|DoD|Department of Defense"
                          r"|European Commission|European Innovation Council|CARB-X|Wellcome|Gates Foundation)\b")
_LISTING_RE = re.compile(r"(?P<org>[A-Z][\w&.-]*)(?:[ ,]+[A-Z][\w&.-]*){0,3}[ ,]*\((?:Nasdaq|NASDAQ|NYSE|OTC\w*|TSX\w*|Nasdag)[\w ]*:")

_DRUG_RE = re.compile(r"\b(?!FY|COVID|ISO|CAGR|NASDAQ|SEC|Q[1-4])(?:[A-Z]{2,6}\s\d{2}-\d{3,5}|[A-Z]{2,6}-?\d{2,5}[A-Z]?(?:\s?SL)?)\b")
_TRIGGER_RE = re.compile(
    r"\b(?P<code>IND|NDA|BLA|MAA|CTA|sNDA)\b[^.;]{0,40}?\b(?P<noun>submission|filing|acceptance|approval|clearance)"
    r"|\b(?P<noun2>submission|filing|acceptance|approval|clearance)\b[^.;]{0,60}?\((?P<code2>IND|NDA|BLA|MAA|CTA)\)"
    r"|\b(?P<dose>first\s+patient\s+(?:dosed|treated|enrolled))"
    r"|\b(?P<init>initiation\s+of\s+(?:a\s+|the\s+)?Phase\s+(?:[123]|I{1,3})[ab]?)",
    re.IGNORECASE,
)


def _self_names(doc: CleanDocument) -> set[str]:
    """First words that name the issuer: its company field, its listing line, its most named word."""
    names: set[str] = set()
    if doc.company:
        names.add(doc.company.split()[0].strip(",.").lower())
    m = _LISTING_RE.search(doc.text[:3000])
    if m:
        names.add(m.group("org").strip(",.").lower())
    if not names:
        # No company field, no listing line: the most named word is the issuer.
        words = Counter(w for w in re.findall(r"\b[A-Z][A-Za-z]{3,}\b", doc.text) if w not in _STOP_ORGS)
        if words:
            names.add(words.most_common(1)[0][0].lower())
    return names


# Deals are recorded for drug developers only: the text must talk like one.
_BIOTECH_RE = re.compile(r"\b(?:clinical|FDA|EMA|Phase\s+(?:[123]|I{1,3})\b|drugs?|therap\w*|IND|patients?|preclinical"
                         r"|oncology|antibod\w*|biotech\w*|pharma\w*|biopharma\w*)\b")
# "GSK's 2021 deal with Alector included $700 million upfront": a precedent
# from another company, not this release's deal.
_PRECEDENT_RE = re.compile(r"\b(?:precedent|comparable|benchmark|similar\s+deals?|for\s+example|for\s+instance)\b",
                           re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _is_biotech(text: str) -> bool:
    return sum(1 for _ in zip(range(3), _BIOTECH_RE.finditer(text))) >= 3


def _release_year(doc: CleanDocument) -> int | None:
    """The release's year: its date, else the first year of its dateline."""
    if doc.release_date:
        return doc.release_date.year
    m = _YEAR_RE.search(doc.text, 0, 600)
    if m:
        return int(m.group(0))
    # Else the latest year it names: a release is no older than what it reports.
    return max((int(y) for y in _YEAR_RE.findall(doc.text)), default=None)


def _historical(text: str, s: int, e: int, latest_year: int | None) -> bool:
    if _PRECEDENT_RE.search(text, s, e):
        return True
    if latest_year is None:
        return False
    return any(int(y) < latest_year for y in _YEAR_RE.findall(text, s, e))


class _SelfNames:
    """The issuer's names, worked out only when a counterparty is looked for."""

    def __init__(self, doc: CleanDocument):
        self._doc = doc
        self._names: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._names is None:
            self._names = _self_names(self._doc)
        return word in self._names


def _clean_org(org: str) -> str | None:
    words = org.replace("\n", " ").split()
    # "Bigpharma Inc. Bigpharma will ...": a word ending in a period ends the name.
    for i, w in enumerate(words):
        if w.endswith("."):
            words = words[:i + 1]
            break
    while words and (words[-1] in {"and", "of", "&"} or words[-1].rstrip(".") in _STOP_ORGS):
        words.pop()
    while words and words[0] in _STOP_ORGS:
        words.pop(0)
    name = re.sub(r"(?:'s|’s|'|’)$", "", " ".join(words).rstrip(".,"))
    return name or None


def _counterparty(text: str, spans: list[tuple[int, int]], self_names: set[str]) -> str | None:
    for a, b in spans:
        for m in _ORG_CUE_RE.finditer(text, a, b):
            org = _clean_org(m.group("org") or m.group("poss"))
            if org and org.split()[0].lower() not in self_names:
                return org
    return None


def _agency(text: str, a: int, b: int) -> str | None:
    m = _AGENCIES_RE.search(text, a, b)
    return m.group(1) if m else None


def _first(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]) -> re.Match | None:
    for a, b in spans:
        m = pattern.search(text, a, b)
        if m:
            return m
    return None


def _trigger(text: str, a: int, b: int) -> str | None:
    m = _TRIGGER_RE.search(text, a, b)
    if not m:
        return None
    if m.group("code") or m.group("code2"):
        code = (m.group("code") or m.group("code2")).upper()
        return f"{code} {(m.group('noun') or m.group('noun2')).lower()}"
    return " ".join((m.group("dose") or m.group("init")).split())


# "Bigpharma will purchase $15 million of Acme's common stock": an equity investment.
_BUY_BEFORE_RE = re.compile(r"\b(?:purchase|buy|subscribe\s+for|invest)\s+(?:up\s+to\s+|an\s+aggregate\s+of\s+|approximately\s+)?$",
                            re.IGNORECASE)
_STOCK_AFTER_RE = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+company's\s+|its\s+|our\s+|[A-Z][\w.-]*(?:'s|’s)\s+|newly\s+issued\s+)?"
    r"(?:common\s+stock|common\s+shares|ordinary\s+shares|shares|equity|preferred\s+stock)\b",
    re.IGNORECASE,
)


def _kind(text: str, money: Money, clause_start: int) -> str | None:
    if _STOCK_AFTER_RE.match(text, money.end) and _BUY_BEFORE_RE.search(text, max(clause_start, money.start - 40),
                                                                         money.start):
        return "equity"
    after = _AFTER_RE.match(text, money.end)
    before = _BEFORE_RE.search(text, max(clause_start, money.start - 90), money.start)
    m = after or before
    if m is None:
        return None
    word = m.group("kind") or (m.groupdict().get("mkind") or m.groupdict().get("mkind2"))
    kind = word.lower().replace("-", "").replace(" ", "_")
    kind = re.sub(r"_+", "_", re.sub(r"\s+", "_", kind))
    kind = {"upfront": "upfront", "milestone": "milestone", "equity_investment": "equity", "grant": "grant"}.get(kind)
    if kind == "milestone" and (money.end - money.start) and _POTENTIAL_RE.search(
            text, max(clause_start, money.start - 60), money.start):
        return "potential_milestones"
    return kind


def extract_deals(doc: CleanDocument) -> list[Deal]:
    """Deal terms stated in the release's prose."""
    text = doc.text
    low = text.lower()
    if not _has_deal_word(low):
        return []
    self_names = _SelfNames(doc)
    latest = _UNSET
    deals: list[Deal] = []
    for b_start, b_end in prose_blocks(text):
        if not _has_deal_word(low, b_start, b_end):
            continue
        sec = doc.section_at(b_start)
        if sec is not None and sec.kind in SKIP_SECTIONS:
            continue
        sents = sentences(text, b_start, b_end)
        if latest is _UNSET:
            latest = _release_year(doc)
        for i, (s, e) in enumerate(sents):
            if not _DEAL_HINT_RE.search(text, s, e) or _historical(text, s, e, latest):
                continue
            # The sentence first, then the paragraph before it ("Under this agreement, ...").
            spans = [(s, e)] + list(reversed(sents[:i]))
            deals.extend(_sentence_deals(doc, s, e, spans, self_names))
    if not deals or not is_single_issuer(text) or not _is_biotech(text):
        return []
    return _dedupe(deals)


def _sentence_deals(doc: CleanDocument, s: int, e: int, spans: list[tuple[int, int]],
                    self_names: set[str]) -> list[Deal]:
    text = doc.text
    if not _DEAL_HINT_RE.search(text, s, e) or _NOT_PHARMA_RE.search(text, s, e):
        return []
    out: list[Deal] = []
    drug_m = _first(_DRUG_RE, text, spans)
    drug = " ".join(drug_m.group(0).split()) if drug_m else None
    party = _counterparty(text, spans, self_names)
    if has_money_hint(text, s, e):
        for money in find_money(text, s, e):
            if money.per_share or money.is_range or money.value <= 0:
                continue
            kind = _kind(text, money, s)
            if kind is None:
                continue
            if kind == "grant":
                if not _BIOMED_RE.search(text, s, e):
                    continue
                who = _agency(text, s, e)
                if who is None and not re.search(r"\bfederal\b", text[s:e], re.IGNORECASE):
                    continue  # charity and community grants are not deal terms
            else:
                who = party
                if who is None or not any(_DEAL_CONTEXT_RE.search(text, a, b) for a, b in spans):
                    continue  # a payment with no partner or agreement in sight is not a deal
            out.append(Deal(kind, who, money.value, drug, _trigger(text, s, e) if kind == "milestone" else None,
                            text[s:e], s, e, doc.section_no_at(s), currency=money.unit))
    if _ROYALTY_RE.search(text, s, e) and party and any(_DEAL_CONTEXT_RE.search(text, a, b) for a, b in spans):
        out.append(Deal("royalty", party, None, drug, None, text[s:e], s, e, doc.section_no_at(s)))
    return out


def _dedupe(deals: list[Deal]) -> list[Deal]:
    """A term restated (headline, quote, summary) is kept once, at its first mention."""
    seen: set = set()
    out = []
    for d in deals:
        key = (d.kind, d.amount, d.currency)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
