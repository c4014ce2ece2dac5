"""Deal terms in prose: upfront and milestone payments, potential milestones,
royalties, equity investments and grants.

A deal needs a kind word tied tightly to its amount ("a $2 million milestone
payment", "upfront payment of $45 million", "$30 million in upfront and
near-term payments", "up to $610 million in development, regulatory and
commercial milestone payments", "a total potential deal value of up to $1.2
billion", "a partnership ... worth up to $115 million", "$35 million upon the
first marketing authorization application", "a $2.6 million ... Grant", "$40
million in non-dilutive funding from ..."); a loose "payment" or a "financing
milestone" is not enough. A milestone's trigger is the event it is paid upon.

The counterparty is the first organisation named after "from"/"by"/"with" (or
as a possessive, or as "<Org> shareholders") in the sentence, else earlier in
the paragraph, else the partner the release names up front ("Northwind and
Halvorsen Pharma Enter into ...", "Grants Exclusive License to Scilex"), never
the issuer itself. A grant's counterparty is its public funder.

Amounts keep the currency the release states (``Deal.currency``: "USD",
"EUR", "GBP", ...), so a €-denominated milestone is kept as EUR, not dropped.
Never a term: another company's precedent deal, a price per share, a running
total of funding "to date", news about grants being cut.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from pipelines.financial.money import Money, fast_start, find_money, has_money_hint
from pipelines.financial.narrative import SKIP_SECTIONS, is_single_issuer, lowered, prose_blocks, sentences
from pipelines.model import CleanDocument, Deal

_DEAL_HINT_RE = re.compile(r"up-?front|milestone|royalt|grant|equity\s+investment|common\s+stock|ordinary\s+shares"
                           r"|non-dilutive|deal\s+value|investment\s+from|worth\s+up\s+to|awarded", re.IGNORECASE)
_UNSET = object()
_DEAL_WORDS = ("upfront", "up-front", "milestone", "royalt", "grant", "equity investment", "common stock",
               "ordinary shares", "non-dilutive", "deal value", "investment from", "worth up to", "awarded")


def _deal_word_starts(low: str, words: tuple[str, ...] = _DEAL_WORDS) -> list[int]:
    """Where each deal word starts, sorted: one pass per word over the whole text."""
    starts = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            starts.append(i)
            i = low.find(w, i + 1)
    starts.sort()
    return starts


def _any_between(starts: list[int], a: int, b: int) -> bool:
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b

# Kind words right after an amount ("$45 million upfront payment", "$2.6 million
# FDA Orphan Products Development Grant": up to five words in between).
_AFTER_RE = re.compile(
    r"\s+(?:in\s+)?(?:[\w-]+,?\s+){0,5}?(?:(?P<kind>up-?front|equity\s+investment|grant)s?\b"
    r"|(?P<mkind>milestone)s?\s+(?:payments?|fees?)\b|(?:in\s+)?(?P<mkind2>milestone)s\b"
    # "$40 million in non-dilutive funding from the U.S. Defense Health Agency"
    r"|(?P<gkind>non-dilutive)\s+(?:[\w.-]+\s+){0,2}?(?:funding|capital|grants?|awards?)\b"
    # "a $25 million investment from CK Life Sciences": an investor buying in
    r"|(?P<ekind>investment)\s+(?=(?:from|by)\s+[A-Z]))",
    re.IGNORECASE,
)
# Kind words right before it ("upfront payment of $45 million", "milestone
# payments potentially totaling up to $170.5 million", "grant of $1 million").
_BEFORE_RE = re.compile(
    r"\b(?P<kind>up-?front|milestone|equity\s+investment|grant|(?P<gkind>non-dilutive)\s+funding"
    r"|(?P<pkind>(?:(?:potential|total|aggregate)\s+)*(?:deal|transaction)\s+value))\s*(?:payments?|fees?|funding|awards?)?"
    r"\s+(?:of|totaling|totalling|aggregating|worth|potentially\s+totaling|potentially\s+totalling|valued\s+at|amounting\s+to)"
    r"(?:\s+(?:up\s+to|approximately|about|an\s+aggregate\s+of|a\s+total\s+of))?\s*$",
    re.IGNORECASE,
)
_POTENTIAL_RE = re.compile(r"\bup\s+to\b|\bpotential(?:ly)?\b|\baggregate\b|\bfuture\b|\beligible\b", re.IGNORECASE)
_ROYALTY_RE = re.compile(r"\broyalt(?:y|ies)\s+(?:payments\s+)?on\s+(?:net\s+|future\s+|product\s+|worldwide\s+)*sales\b"
                         r"|\btiered\s+royalt(?:y|ies)\b|\bplus\s+(?:tiered\s+|double-digit\s+|single-digit\s+|mid-\w+\s+|"
                         r"low-\w+\s+|high-\w+\s+)?royalt(?:y|ies)\b"
                         # "high single-digit royalties", "royalties ranging from ...", "royalties in the mid-teens"
                         r"|\b(?:double|single|mid|low|high)[\s-]+(?:single[\s-]+|double[\s-]+)?(?:digit|teens?)s?\s+"
                         r"(?:percent(?:age)?\s+)?(?:tiered\s+)?royalt(?:y|ies)\b"
                         r"|\broyalt(?:y|ies)\s+(?:ranging\s+from|in\s+the\s+(?:low|mid|high)|of\s+(?:up\s+to\s+)?\d+(?:\.\d+)?\s?%)",
                         re.IGNORECASE)
_NOT_PHARMA_RE = re.compile(r"\bNSR\b|\bsmelter\b|\bmineral\b|\bclaims\b|\bounces?\b|\bstreaming\b|\bmusic\b|\bsongs?\b",
                            re.IGNORECASE)
_DEAL_CONTEXT_RE = re.compile(r"\bagreement\b|\blicen[cs]e[ds]?\b|\blicensing\b|\bcollaborat\w*|\bpartner\w*|\balliance\b"
                              r"|\boption\b|\bmilestone\b|\bdeal\b", re.IGNORECASE)
# A grant is recorded only when it funds drug research from a public funder.
_BIOMED_RE = re.compile(r"\b(?:stud(?:y|ies)|trials?|clinical|therap\w*|drugs?|vaccines?|patients?|disease|cancer\w*"
                        r"|treatments?|preclinical|orphan|antibod\w*|anticancer)\b", re.IGNORECASE)

_ORG = r"[A-Z][A-Za-z0-9&.-]*(?:\s+(?:[A-Z][A-Za-z0-9&.-]*|&|and\s+(?=[A-Z])|of\s+(?=[A-Z])))*"
_ORG_CUE_RE = re.compile(r"\b(?:from|by|with)\s+(?:the\s+)?(?P<org>" + _ORG + r")"
                         r"|(?P<poss>" + _ORG + r")(?:'s|’s|'|’)\s+(?:submission|filing|decision|exercise|initiation|acceptance)"
                         # "Antev shareholders would receive ... up to $65 million in milestone payments"
                         r"|(?P<poss2>" + _ORG + r")\s+(?:shareholders|stockholders|equityholders)\s+(?:would|will|are|to)\b")
_STOP_ORGS = {"The", "This", "These", "Under", "In", "It", "Its", "Company", "Phase", "Event", "Investigational",
              "New", "Drug", "IND", "Patient", "Protection", "Each", "All", "Our", "We"}
_AGENCIES_RE = re.compile(r"\b(FDA|NIH|NCI|NIAID|NIDA|NHLBI|NINDS|BARDA|CIRM|CPRIT|DARPA|DTRA|DoD|Department of Defense"
                          r"|Defense Health Agency|ARPA-H|CDMRP|National Institutes of Health|National Cancer Institute|National Institute on Aging"
                          r"|European Commission|European Innovation Council|CARB-X|Wellcome|Gates Foundation)\b")
# Funders of medical research only: a grant from them needs no further proof that it funds research.
_HEALTH_AGENCIES = {"NIH", "NCI", "NIAID", "NIDA", "NHLBI", "NINDS", "BARDA", "CIRM", "CPRIT", "ARPA-H", "CDMRP",
                    "National Institutes of Health", "National Cancer Institute", "National Institute on Aging",
                    "Defense Health Agency"}
# "over $60 million in non-dilutive funding to date": a running total, not an award.
_TO_DATE_RE = re.compile(r"\bto\s+date\b|\bsince\s+(?:its\s+)?(?:inception|founding)\b|\bin\s+total\b", re.IGNORECASE)
_LISTING_RE = re.compile(r"(?P<org>[A-Z][\w&.-]*)(?:[ ,]+[A-Z][\w&.-]*){0,3}[ ,]*\((?:Nasdaq|NASDAQ|NYSE|OTC\w*|TSX\w*|Nasdag)[\w ]*:")

_DRUG_RE = re.compile(r"\b(?!FY|COVID|ISO|CAGR|NASDAQ|SEC|Q[1-4])(?:[A-Z]{2,6}\s\d{2}-\d{3,5}|[A-Z]{2,6}-[A-Z]{1,3}\d{2,5}\b|[A-Z]{2,6}-?\d{2,5}[A-Z]?(?:\s?SL)?)\b")
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
    if not any(w in text for w in _BIOTECH_WORDS):
        return False  # every match holds one of these (cheap substring scans first)
    return sum(1 for _ in zip(range(3), _BIOTECH_RE.finditer(text))) >= 3


_BIOTECH_WORDS = ("clinical", "FDA", "EMA", "Phase", "drug", "therap", "IND", "patient", "oncology", "antibod", "biotech",
                  "pharma")


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
            org = _clean_org(m.group("org") or m.group("poss") or m.group("poss2"))
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
        g = _GRANT_BEFORE_RE.search(text, max(clause_start, money.start - 130), money.start)
        if g and (g.group("what").lower() != "contract" or _AWARDED_RE.search(text, clause_start, g.start())):
            return "grant"  # "a grant award from the NIA of the NIH totaling approximately $30 million"
        if _WORTH_RE.search(text, max(clause_start, money.start - 80), money.start):
            return "potential_milestones"
        if (_UPON_RE.match(text, money.end) and text.find("milestone", clause_start, money.start) >= 0
                and not _UP_TO_BEFORE_RE.search(text, max(clause_start, money.start - 12), money.start)):
            return "milestone"  # "..., including $35 million upon the first MAA"
        return None
    groups = m.groupdict()
    if groups.get("gkind"):
        return "grant"
    if groups.get("ekind"):
        return "equity"
    if groups.get("pkind"):
        return "potential_milestones"
    word = m.group("kind") or (groups.get("mkind") or groups.get("mkind2"))
    kind = word.lower().replace("-", "").replace(" ", "_")
    kind = re.sub(r"_+", "_", re.sub(r"\s+", "_", kind))
    kind = {"upfront": "upfront", "milestone": "milestone", "equity_investment": "equity", "grant": "grant"}.get(kind)
    if kind == "milestone" and (money.end - money.start) and _POTENTIAL_RE.search(
            text, max(clause_start, money.start - 60), money.start):
        return "potential_milestones"
    return kind


# "a partnership with Advanz Pharma worth up to $115 million": the deal's potential value.
_WORTH_RE = re.compile(r"\b(?:partnership|agreement|deal|collaboration|licen[cs]e|alliance)\b[^.;$€£]{0,50}?\bworth\s+up\s+to\s*$",
                       re.IGNORECASE)
# "$35 million upon the first marketing authorization application in the European Union"
_UPON_RE = re.compile(r"\s+(?:upon|on|following|triggered\s+by|for\s+the\s+achievement\s+of)\s+(?:the\s+)?"
                      r"(?P<trig>(?:first|initial|successful|achievement|completion|acceptance|approval|submission|filing|"
                      r"initiation|commencement|receipt|start|dosing|enrollment|FDA|EMA|regulatory|marketing|launch)"
                      r"[^.;,()]{3,100}?)(?=\s*(?:[.;,()]|\s-\s|$|\s+and\s+(?:up\s+to|an?\s|\$)))",
                      re.IGNORECASE)
_GRANT_BEFORE_RE = re.compile(r"\b(?P<what>grant|award|contract)s?\b(?:\s+awards?)?[^.;$€£]{0,110}?"
                              r"\b(?:totaling|totalling|worth|valued\s+at|amounting\s+to)\s+"
                              r"(?:up\s+to\s+|approximately\s+|about\s+|nearly\s+)?$", re.IGNORECASE)
_AWARDED_RE = re.compile(r"\bawarded\b", re.IGNORECASE)
_UP_TO_BEFORE_RE = re.compile(r"\bup\s+to\s*$", re.IGNORECASE)
_TRIGGERED_RE = re.compile(r"\bmilestone\s+payments?\s+(?:triggered\s+by|upon|for)\s+(?:the\s+)?(?P<trig>[^.;,()]{5,100}?)"
                           r"(?=\s*(?:[.;,()]|$))", re.IGNORECASE)


def extract_deals(doc: CleanDocument) -> list[Deal]:
    """Deal terms stated in the release's prose."""
    text = doc.text
    # Without any money in the text only a royalty (which has no amount) can be a term.
    starts = _deal_word_starts(lowered(text), _DEAL_WORDS if has_money_hint(text) else ("royalt",))
    if not starts or not _is_biotech(text) or not is_single_issuer(text):
        return []  # the release-level tests first: they are dropped at the end anyway
    self_names = _SelfNames(doc)
    lead = _Lead(doc, self_names)
    latest = _UNSET
    deals: list[Deal] = []
    for b_start, b_end in prose_blocks(text):
        # A block ends at a line break, which no deal word spans: a word starting inside lies inside.
        if not _any_between(starts, b_start, b_end):
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
            deals.extend(_sentence_deals(doc, s, e, spans, self_names, lead))
    if not deals or not is_single_issuer(text) or not _is_biotech(text):
        return []
    return _dedupe(deals)


def _sentence_deals(doc: CleanDocument, s: int, e: int, spans: list[tuple[int, int]],
                    self_names: set[str], lead: "_Lead | None" = None) -> list[Deal]:
    text = doc.text
    if not _DEAL_HINT_RE.search(text, s, e) or _NOT_PHARMA_RE.search(text, s, e):
        return []
    # The terms first (cheap to rule out); partner, drug and context only for a sentence that has one.
    found = []
    if has_money_hint(text, s, e):
        for money in find_money(text, s, e):
            if money.per_share or money.is_range or money.value <= 0:
                continue
            kind = _kind(text, money, s)
            if kind is not None:
                found.append((money, kind))
    royalty = _ROYALTY_RE.search(text, s, e) is not None
    if not found and not royalty:
        return []
    out: list[Deal] = []
    drug_m = _first(_DRUG_RE, text, spans)
    drug = " ".join(drug_m.group(0).split()) if drug_m else None
    own_party = _counterparty(text, [(s, e)], self_names)
    party = own_party or _counterparty(text, spans[1:], self_names)
    in_deal = any(_DEAL_CONTEXT_RE.search(text, a, b) for a, b in spans)
    if party is None and lead is not None and in_deal:
        # "Northwind will receive an upfront payment of $40 million": the partner is named in the headline.
        party = lead.partner
    if drug is None and lead is not None and party is not None:
        drug = lead.drug
    for money, kind in found:
        trigger = None
        if kind == "equity" and _AGENCIES_RE.match(text, money.end + 1, min(e, money.end + 60)) is None \
                and _AGENCIES_RE.search(text, money.end, min(e, money.end + 60)):
            kind = "grant"  # "a $40 million investment from the U.S. Defense Health Agency": public funding
        if kind == "grant":
            who = _agency(text, s, e)
            if not _GRANT_VERB_RE.search(text, s, e) or _GRANT_CUT_RE.search(text, s, e):
                continue  # "$1.8 billion in NIH grants were cut": news about grants, not an award
            if _TO_DATE_RE.search(text, s, e):
                continue  # a running total of funding, not an award
            # The research it funds may be told in the next sentence ("This contract aims to develop antivirals ...").
            if who not in _HEALTH_AGENCIES and not _BIOMED_RE.search(text, s, min(len(text), e + 250)):
                continue
            if who is None and not re.search(r"\bfederal\b", text[s:e], re.IGNORECASE):
                continue  # charity and community grants are not deal terms
        else:
            who = party
            if who is None:
                continue
            if not in_deal and not (kind == "equity" and own_party and _INVESTOR_RE.search(text, s, e)):
                continue  # a payment with no partner or agreement in sight is not a deal
            if kind == "milestone":
                upon = _UPON_RE.match(text, money.end)
                if upon:
                    trigger = " ".join(upon.group("trig").split())
                else:
                    trigger = _trigger(text, s, e)
                    if trigger is None:
                        m = _TRIGGERED_RE.search(text, money.end, e)
                        trigger = " ".join(m.group("trig").split()) if m else None
        out.append(Deal(kind, who, money.value, drug, trigger,
                        text[s:e], s, e, doc.section_no_at(s), currency=money.unit))
    if royalty and party and in_deal:
        out.append(Deal("royalty", party, None, drug, None, text[s:e], s, e, doc.section_no_at(s)))
    return out


_GRANT_VERB_RE = re.compile(r"\b(?:award(?:ed|s)?|receiv\w*|secur\w*|won|wins|granted|provid\w*|fund(?:ed|ing|s)?|support\w*"
                            r"|backed|obtain\w*)\b", re.IGNORECASE)
# Lowercase only: "Defense Threat Reduction Agency" is a funder, not a cut.
_GRANT_CUT_RE = re.compile(r"\b(?:cuts?|cutting|reduc\w*|terminat\w*|cancel\w*|freez\w*|froze\w*|slash\w*)\b")

# An equity investor named in its own sentence ("a $3 million equity investment from The Bayshore Trust").
_INVESTOR_RE = re.compile(r"\b(?:equity\s+)?investment\s+(?:from|by)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)

_VERB_WORDS = r"(?:Enter|Sign|Announce|Form|Agree|Expand|Today|Complete|Close|Launch|Partner|Collaborate|Report)"
_ORG_NA = (r"(?!" + _VERB_WORDS + r"[a-z]*\b)[A-Z][A-Za-z0-9&.-]*(?:\s+(?!" + _VERB_WORDS + r"[a-z]*\b)[A-Z][A-Za-z0-9&.-]*)*")
# "Northwind Therapeutics and Halvorsen Pharma Enter into ...", "... (Nasdaq: NWTX) and Halvorsen Pharma AG today announced"
_CO_ANNOUNCER_RE = re.compile(r"\band\s+(?P<org>" + _ORG_NA + r")(?:\s*\([^()\n]{0,40}\))?,?\s+(?:today\s+)?"
                              r"(?i:announced?|enter(?:ed|s)?|sign(?:ed|s)?|form(?:ed|s)?|agree[ds]?|expand(?:ed|s)?)\b")
# "Grants Exclusive Worldwide License to Scilex for ...", "collaboration agreement with Bigpharma"
_LEAD_CUE_RE = re.compile(r"\b(?i:licen[cs]e[ds]?|licensing|agreement|partnership|collaboration|alliance)\b[^.;:\n$€£]{0,40}?"
                          r"\b(?:with|to|from|by)\s+(?:the\s+)?(?P<org>" + _ORG + r")")


class _Lead:
    """The partner and drug a deal release names up front (headline, dateline paragraph)."""

    def __init__(self, doc: CleanDocument, self_names):
        self._doc = doc
        self._self = self_names
        self._done = False
        self._partner: str | None = None
        self._drug: str | None = None

    def _work(self) -> None:
        self._done = True
        text = self._doc.text
        end = min(len(text), 1500)
        found: list[tuple[int, str]] = []
        for rx in (_CO_ANNOUNCER_RE, _LEAD_CUE_RE):
            for m in rx.finditer(text, 0, end):
                org = _clean_org(m.group("org"))
                if org and org.split()[0].lower() not in self._self and org.split()[0] not in _STOP_ORGS:
                    found.append((m.start("org"), org))
        if found:
            found.sort()
            first = found[0][1]
            # The fullest spelling of that name: "Halvorsen Pharma" -> "Halvorsen Pharma AG".
            same = [o for _, o in found if o.split()[0] == first.split()[0] and o.startswith(first)]
            self._partner = max(same, key=len)
        nl = text.find("\n")
        m = _DRUG_RE.search(text, 0, nl if nl > 0 else min(len(text), 300))
        self._drug = " ".join(m.group(0).split()) if m else None

    @property
    def partner(self) -> str | None:
        if not self._done:
            self._work()
        return self._partner

    @property
    def drug(self) -> str | None:
        if not self._done:
            self._work()
        return self._drug


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


# Same matches, found faster: a match can only start at one of these characters.
_DEAL_HINT_RE = fast_start(_DEAL_HINT_RE, "umrgecondiwa")
_PRECEDENT_RE = fast_start(_PRECEDENT_RE, "pcbsf")
_BIOTECH_RE = fast_start(_BIOTECH_RE, "cFEPdtIpoab")
_DEAL_CONTEXT_RE = fast_start(_DEAL_CONTEXT_RE, "alcpomd")
_NOT_PHARMA_RE = fast_start(_NOT_PHARMA_RE, "nsmco")
_ROYALTY_RE = fast_start(_ROYALTY_RE, "rtpdsmlh")
