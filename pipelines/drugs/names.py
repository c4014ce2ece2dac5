"""Drug-name recognition: company code names, INNs (by WHO stem), trademarked brands.

A mention is one occurrence of a drug name in the cleaned text. Aliases are the
in-text links between two names of one molecule ("IMGN901 (lorvotuzumab
mertansine)", "trastuzumab-DM1, or T-DM1", "X, also known as Y").

Precision rules (why each exists):
- code names need >= 3 digits (or a payload suffix such as T-DM1 / CNM-Au8) so
  antigens and hormones (HER2, CD56, GLP-1), quarters (Q1) and forms (10-K) do
  not qualify; prefixes of standards, exchanges, gene families and single letters
  are listed in non_drug_codes.csv.
- a space between prefix and digits is allowed only in the "BAY 94-9343" shape,
  because "ISO 9001", "Suite 1200" and "Passcode 2469462" share the plain shape.
- a bare antibody INN that only names the antibody part of a conjugate printed
  in the same release ("lorvotuzumab" of "lorvotuzumab mertansine") is not a
  separate drug.
- brands declared "a registered trademark of <another company>" are comparators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.drugs import vocab

_CODE_SUFFIX = r"(?:[ \t](?:SL|XR|ER|IR|CR|OD|LA|SR)(?![\w-]))?"
CODE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<p1>[A-Z]{2,6}|[A-Z][a-z]{2,5})(?:[ \t]|-)?(?P<d1>\d{2}-\d{3,5})"  # BAY 94-9343, Lucid-21-302
    r"|(?P<p2>[A-Z]{2,6})-?(?P<d2>\d{3,6})(?:-(?P<x2>\d{1,3}))?"  # IMGN901, BT-062, RLS-0071
    r"|(?P<p3>[A-Z])-(?P<d3>[A-Z]{2,3}\d{1,2})"  # T-DM1
    r"|(?P<p4>[A-Z]{2,5})-(?P<d4>[A-Z][a-z]\d{1,2})"  # CNM-Au8
    r"|(?P<p5>[A-Z]{2,5})-(?P<d5>[A-Z]{1,3}\d{1,3})"  # IGC-AD1, TTX-MC138
    r"|(?P<p6>[A-Z][a-z]{2,4}|[A-Z]{2,4}[a-z])-?(?P<d6>\d{3,5})"  # Sapu003, CTx-1301
    r")" + _CODE_SUFFIX + r"(?![A-Za-z0-9])"
)

# INN: a word (optionally capitalized) ending in a WHO stem, optionally followed
# by the conjugate/payload word of an ADC ("lorvotuzumab mertansine") or a
# hyphenated payload code ("Trastuzumab-DM1").
_CONJ = r"(?:[a-z]*(?:tansine|vedotin|tecan|ozogamicin|mafodotin|pegol|govitecan|deruxtecan|tirumotecan))"


@lru_cache(maxsize=None)
def _inn_re() -> re.Pattern[str]:
    stems = sorted({s for s, _ in vocab.inn_stems()}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<w>[A-Za-z][a-z]{3,}(?:" + "|".join(stems) + r"))"
        r"(?P<conj>[ \t]" + _CONJ + r"|-(?:DM1|DM4))?(?![\w])"
    )


BRAND_RE = re.compile(
    r"(?<![\w-])(?:(?P<b>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]+)?)"
    r"(?:®|™|\[®\]|\(R\)|\(TM\)|\s?\(®\)|TM(?![A-Za-z]))"
    # all-capital brands only when they introduce their generic name,
    # "LUCEMYRA® (lofexidine)": capitals with ® are as often trials or platforms
    r"|(?P<B>[A-Z][A-Z0-9]{3,})(?:®|™|\[®\])(?=\s*\([a-z]{5,}))"
)
# A lowercase word introduced as the studied agent of a trial ("Phase III study
# of buntanetap"): catches INNs without a WHO stem.
INTRODUCED_RE = re.compile(
    r"(?:studies|study|trials?) (?:of|with|evaluating|assessing) (?P<w>[a-z]{8,})(?![\w-])"
)
_NOT_INTRODUCED = re.compile(
    r"(?:therapy|therapies|tion|sion|ment|ness|ity|ing|ed|al|ous|ive|ics|ogy|ance|ence|ers|ists|able|ible|ful|less|ship|ants|ents|ates|ures|ies|ism|ian|ors|ary|ory)$"
)
_STOP_WORDS = frozenset(
    "children adolescents volunteers individuals subjects patients participants infants "
    "newborns neonates veterans approximately specifically"
    .split()
)
_TRADEMARK_OF = re.compile(
    r"(?P<b>[A-Z][\w-]+)(?:®|™|\[®\])?\s+(?:is|are) (?:a )?(?:registered )?trademarks? of (?P<o>[A-Z][\w-]+)"
)
_PLATFORM_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:(?:[\w-]+\s+){0,2}?(?:processing |delivery |formulation )?technology|platform|system|device|software|app\b|network|wire|ai\b|formulation technology"
    r"|Biologics|Therapeutics|Pharma|Inc\b|Bio\b|Biosciences|Labs?\b|Holdings|Corp|Ltd|LLC|Group|Medical|Sciences|Program|Foundation)",
    re.I,
)
_PLATFORM_BEFORE = re.compile(r"(?:technology|platform|system|device)[,:]?\s+(?:called|named|known as)?\s*$", re.I)
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w&.-]*[ \t](?:(?:of|for|and|&|the|de)[ \t])?$")
_GENERIC_MARKED = frozenset(
    "therapy foundation release band lift alliance traits advertising system platform test program "
    "network institute solutions health care clinic studio labs".split()
)
# A trademarked test, device or software is not a drug.
_DEVICE_NEAR = re.compile(
    r"(?:®|™|TM)?[ \t,]{0,3}(?:[\w+/-]+[ \t]+){0,4}?(?:tool|AI|model|test|tests|screening|assay|device|ablation|cryoablation|kit|diagnostic|detection|imaging|"
    r"monitor\w*|electrode|procedure|technique|software|app|algorithm|sensor|implant|campaign|award|finalist|system)\b",
    re.I,
)
_DEVICE_BEFORE = re.compile(r"\b(?:AI-powered|cryoablation|diagnostic|screening|device|test)\s+(?:\w+\s+){0,2}$", re.I)
_YEAR = re.compile(r"(?:19[89]\d|20[0-4]\d)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # printed form, whitespace collapsed
    kind: str  # code, inn, brand, other
    comparator: bool = False


def _norm(s: str) -> str:
    return " ".join(s.split())


def issuer_key(text: str, company: str | None) -> str | None:
    """First word of the issuing company, lower-cased ('immunogen'), to tell partners from self."""
    if company:
        return company.split()[0].strip(",.").lower()
    m = re.search(
        r"([A-Z][\w&'-]*)(?:[ \t][A-Z][\w&'-]*){0,3},? (?:Inc\.|Corp\.|Ltd\.|Corporation|plc|Limited|AG|S\.A\.)?\s*\((?:NASDAQ|Nasdaq|Nasdag|NYSE|OTC\w*|TSX\w*|CSE|ASX)\b",
        text[:3000],
    )
    if m:
        return m.group(1).lower()
    m = re.search(r"(?m)^\s*About ([A-Z][\w&'-]*)[^\n]{0,40}\b(?:Inc|Corp|Ltd|Corporation|plc|Limited|AG|Therapeutics|Pharmaceuticals|Biosciences)\b", text)
    if m:
        return m.group(1).lower()
    m = re.search(r"([A-Z][\w&'-]*),? (?:Inc|Corp|Ltd)\.", text)
    return m.group(1).lower() if m else None


_CODE_PRE = re.compile(r"[A-Z][A-Za-z]{0,5}[ \t-]?\d")
_WORD7 = re.compile(r"[A-Za-z][a-z]{6,}")
_MARKS = ("®", "™", "TM", "(R)")
_INTRO_CUES = ("study of", "studies of", "trial of", "trials of", "study with", "trial with", "evaluating", "assessing")


def find_mentions(text: str, issuer: str | None = None) -> list[Mention]:
    """Every drug-name mention in ``text``, sorted and non-overlapping.

    Speed matters (24k releases, most not about drugs): each recognizer runs a
    cheap prefilter (a plain character class, a substring test) before its
    full pattern, since Python's ``re`` pays per position scanned.
    """
    prefixes = vocab.non_drug_prefixes()
    comps = vocab.comparators()
    raw: list[Mention] = []
    pos = 0
    for h in _CODE_PRE.finditer(text):
        if h.start() < pos:
            continue
        m = CODE_RE.search(text, max(pos, h.start() - 8), h.end() + 40)
        if m is None:
            continue
        pos = m.end()
        prefix = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p4") or m.group("p5") or m.group("p6")
        if prefix.upper() in prefixes:
            continue
        d2 = m.group("d2") or m.group("d6")
        if d2 and len(d2) == 4 and _YEAR.fullmatch(d2):
            continue  # "CES2025"-style event/year labels
        raw.append(Mention(m.start(), m.end(), _norm(m.group()), "code"))
    stems = vocab.inn_stems()
    suffixes = tuple(s for s, _ in stems)
    cands = {w for w in set(_WORD7.findall(text)) if w.lower().endswith(suffixes)}
    if cands:
        for m in _inn_re().finditer(text):
            w = m.group("w").lower()
            if len(w) < 7 or any(w.endswith(s) and w in ex for s, ex in stems):
                continue
            kind = "other" if (m.group("conj") or "").startswith("-") else "inn"
            name = _norm(m.group())
            if name[0].isupper() and kind == "inn" and not text[max(0, m.start() - 2):m.start()].strip() in ("", ".", "-", "(", '"'):
                # capitalized mid-sentence: a proper name, not an INN (INNs are lower case)
                if not m.group("conj"):
                    continue
            if name[0].isupper() and kind == "inn":
                name = name[0].lower() + name[1:]
            raw.append(Mention(m.start(), m.end(), name, kind, name.lower() in comps))
    brands: dict[str, bool] = {}
    if any(k in text for k in _MARKS):
        owners = {mm.group("b"): mm.group("o").lower() for mm in _TRADEMARK_OF.finditer(text)} if "trademark" in text else {}
        for m in BRAND_RE.finditer(text):
            b = m.group("b") or m.group("B")
            if _PLATFORM_AFTER.match(text, m.end()) or b.upper() in prefixes or _PLATFORM_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                brands[b] = None  # a technology platform or an organization: never a drug
                continue
            if issuer and (b.lower() == issuer or b.lower().startswith(issuer) or issuer.startswith(b.lower())):
                continue  # the company's own trademarked name
            plain = b[:1].isupper() and b[1:].islower()
            if (plain and _CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start())) or b.lower() in _GENERIC_MARKED:
                continue  # last word of a multi-word name: "Research Foundation®", "Texas Radiotherapy™"
            if _DEVICE_NEAR.match(text, m.end()) or _DEVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                brands[b] = None  # a test, device or system: never a drug
                continue
            if b in brands:
                continue
            owner = owners.get(b)
            brands[b] = b.lower() in comps or (owner is not None and owner != issuer)
    if any(k in text for k in _INTRO_CUES):
        for m in INTRODUCED_RE.finditer(text):
            w = m.group("w")
            if w in _STOP_WORDS or _NOT_INTRODUCED.search(w) or w in comps:
                continue
            raw.append(Mention(m.start("w"), m.end("w"), w, "inn"))
    brands = {b: c for b, c in brands.items() if c is not None}
    if brands:
        for b in sorted(brands, key=len, reverse=True):
            for a in _occurrences(text, b):
                raw.append(Mention(a, a + len(b), b, "brand", brands[b]))
    introduced = {mm.name for mm in raw if mm.kind == "inn"}
    # the same INN elsewhere in the release, including sentence-initial capitals
    for w in sorted(introduced, key=len, reverse=True):
        for form in {w, w[:1].upper() + w[1:]}:
            for a in _occurrences(text, form):
                raw.append(Mention(a, a + len(form), w, "inn", w.lower() in comps))
    return _resolve(raw)


def _occurrences(text: str, word: str) -> list[int]:
    """Start offsets of ``word`` as a whole word (str.find: no per-release regex compile)."""
    out = []
    i = text.find(word)
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after == "_"):
            out.append(i)
        i = text.find(word, i + n)
    return out


def _resolve(raw: list[Mention]) -> list[Mention]:
    """Drop overlaps (longest wins) and antibody parts of a printed conjugate."""
    raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in raw:
        if m.start < last_end:
            continue
        out.append(m)
        last_end = m.end
    conj_heads = {m.name.split()[0].lower() for m in out if m.kind == "inn" and " " in m.name}
    conj_heads |= {m.name.split("-")[0].lower() for m in out if m.kind == "other"}
    return [m for m in out if not (m.kind == "inn" and " " not in m.name and m.name.lower() in conj_heads)]


_LINK = re.compile(
    r"\s*(?:\(|,\s*(?:or|also known as|also called|formerly|formerly known as|a\.k\.a\.)\s+(?:the\s+)?|\s+(?:\(?also known as|formerly known as)\s+)\s*$"
)


def find_aliases(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs of adjacent mentions that the text presents as two names of one drug."""
    pairs = []
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end:b.start]
        if len(gap) > 30 or "\n\n" in gap:
            continue
        if _LINK.fullmatch(gap) or re.fullmatch(r"\s*\(", gap) or re.fullmatch(r",\s*(?:also known as|or)\s+", gap):
            if a.comparator or b.comparator:
                continue
            pairs.append((a, b))
    return pairs
