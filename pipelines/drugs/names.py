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
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter, methodcaller

from pipelines.drugs import vocab
from pipelines.drugs.text import anchored_finditer, literal_prefixes

_CODE_SUFFIX = r"(?:[ \t](?:SL|XR|ER|IR|CR|OD|LA|SR)(?![\w-]))?"
CODE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<p1>[A-Z]{2,6}|[A-Z][a-z]{2,5})(?:[ \t]|-)?(?P<d1>\d{2}-\d{3,5})"  # BAY 94-9343, Lucid-21-302
    r"|(?P<p2>[A-Z]{2,6})-?(?P<d2>\d{3,6})(?:-(?P<x2>\d{1,3})|-[A-Z](?![\w-]))?(?:[A-Z](?![a-z]))?"  # IMGN901, BT-062, RLS-0071, IHL-675A
    r"|(?P<p3>[A-Z])-(?P<d3>[A-Z]{2,3}\d{1,2})"  # T-DM1
    r"|(?P<p4>[A-Z]{2,5})-(?P<d4>[A-Z][a-z]\d{1,2})"  # CNM-Au8
    r"|(?P<p5>[A-Z]{2,5})-(?P<d5>[A-Z]{1,3}\d{1,3})"  # IGC-AD1, TTX-MC138
    r"|(?P<p6>[A-Z][a-z]{2,4}|[A-Z]{2,4}[a-z])-?(?P<d6>\d{3,5})"  # Sapu003, CTx-1301
    r"|(?P<p7>[A-Z]-[A-Z]{2,6})(?P<d7>\d{2,4})"  # D-PLEX100
    # iTOL-102: one lower-case letter before the capitals (archive-wide this shape only ever prints a product code)
    r"|(?P<p8>[a-z][A-Z]{2,5})-(?P<d8>\d{3,5})(?![\w-])"  # (not "mTNX-1700-comprising": a glued word)
    r")" + _CODE_SUFFIX + r"(?![A-Za-z0-9])"
)

# INN: a word (optionally capitalized) ending in a WHO stem, optionally followed
# by the conjugate/payload word of an ADC ("lorvotuzumab mertansine") or a
# hyphenated payload code ("Trastuzumab-DM1").
# (and the vector or cell word of a gene therapy: "lovotibeglogene autotemcel", "onasemnogene abeparvovec")
_CONJ = r"(?:[a-z]*(?:tansine|vedotin|tecan|ozogamicin|mafodotin|pegol|govitecan|deruxtecan|tirumotecan|tesirine|talirine|tesine|temcel|parvovec|denovec|pavec))"


@lru_cache(maxsize=None)
def _inn_re() -> re.Pattern[str]:
    # Same matches as "(?P<w>[A-Za-z][a-z]{3,}(?:stem|...))": what follows ``w`` (a space,
    # a hyphen or no word character) is never a lower-case letter, so ``w`` is always the
    # whole letter run; taking the run at once and testing its ending by look-behinds
    # (one per stem length, four letters before the stem) spares the backtracking over
    # every split point of every word.
    stems = sorted({s for s, _ in vocab.inn_stems()}, key=len, reverse=True)
    assert all(re.fullmatch(r"[a-z]+", s) for s in stems)
    by_len: dict[int, list[str]] = {}
    for s in stems:
        by_len.setdefault(len(s), []).append(s)
    ends = "|".join(r"(?<=[A-Za-z][a-z]{3}(?:" + "|".join(ss) + "))" for _k, ss in sorted(by_len.items(), reverse=True))
    return re.compile(
        r"(?<![\w-])(?P<w>[A-Za-z][a-z]{3,}+(?:" + ends + r"))"
        r"(?P<conj>[ \t]" + _CONJ + r"|-(?:DM1|DM4))?(?![\w])"
    )


def _inn_re_reference() -> re.Pattern[str]:
    """The plain form of ``_inn_re`` (tests check that both find the same)."""
    stems = sorted({s for s, _ in vocab.inn_stems()}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<w>[A-Za-z][a-z]{3,}(?:" + "|".join(stems) + r"))"
        r"(?P<conj>[ \t]" + _CONJ + r"|-(?:DM1|DM4))?(?![\w])"
    )


BRAND_RE = re.compile(
    r"(?<![\w#-])(?:(?P<b>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]+)?)"  # ("#Name™": a hashtag)
    r"(?:®|™|\[®\]|[ \t]?\(R\)|[ \t]?\(TM\)|\s?\(®\)|TM(?![A-Za-z]))"
    # all-capital brands only when they introduce their generic name,
    # "LUCEMYRA® (lofexidine)": capitals with ® are as often trials or platforms
    r"|(?P<B>[A-Z][A-Z0-9]{3,})(?:®|™|\[®\])(?=\s*\([a-z]{5,}))"
)
# Every BRAND_RE match is a run of name characters, then a mark holding one of
# _MARKS ("(TM)" holds "TM", "[®]" and " (®)" hold "®") at most two characters
# past the run's end; the look-behind makes the match start where the run does.
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


def _run_start(text: str, end: int) -> int:
    """Start of the run of name characters that ends at ``end``."""
    while end > 0 and text[end - 1] in _NAME_CHARS:
        end -= 1
    return end


def _brand_matches(text: str) -> Iterator[re.Match[str]]:
    """``BRAND_RE.finditer(text)``, tried only at the start of the name before each mark (found by
    a literal scan) instead of at every position of the release."""
    starts: set[int] = set()
    for mark in _MARKS:
        a = text.find(mark)
        while a >= 0:
            starts.add(_run_start(text, a))  # "X®", "X(R)", "XTM"
            if a > 0 and text[a - 1] in "[(":
                starts.add(_run_start(text, a - 1))  # "X[®]", "X(®)", "X(TM)"
                if a > 1:
                    starts.add(_run_start(text, a - 2))  # "X (®)"
            a = text.find(mark, a + 1)
    end = 0
    for i in sorted(starts):
        if i < end:
            continue
        m = BRAND_RE.match(text, i)
        if m is not None:
            end = m.end()
            yield m


# A lowercase word introduced as the studied agent of a trial ("Phase III study
# of buntanetap"): catches INNs without a WHO stem.
INTRODUCED_RE = re.compile(
    r"(?:studies|study|trials?) (?:of|with|evaluating|assessing) (?P<w>[a-z]{8,})(?![\w-])"
)
_NOT_INTRODUCED = re.compile(
    r"(?:therapy|therapies|tion|sion|ment|ness|ity|ing|ed|al|ous|ive|ics|ogy|ance|ence|ers|ists|able|ible|ful|less|ship|ants|ents|ates|ures|ies|ism|ian|ors|ary|ory|ly)$"
)
_STOP_WORDS = frozenset(
    "however therefore although because whereas including between through without within another several various "
    "meanwhile additionally furthermore moreover currently previously recently together whether "
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
_PLATFORM_BEFORE = re.compile(
    r"(?:(?:technology|platform|system|device)[,:]?\s+(?:called|named|known as)?|(?:Program|Center|Centre|Institute|Foundation|University|Consortium|Network|Council)\s*\()\s*$", re.I
)
_WORD_NEXT = re.compile(r"[ \t]+([A-Za-z]{7,})(?![\w-])")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w&.-]*[ \t](?:(?:of|for|and|&|the|de|by|in|on|to|with|at)[ \t])?$")
_GENERIC_MARKED = frozenset(
    "therapy foundation release band lift alliance traits advertising system platform test program "
    "network institute solutions health care clinic studio labs".split()
)
# A trademarked test, device or software is not a drug.
_DEVICE_NEAR = re.compile(
    r"(?:®|™|TM)?[ \t,]{0,3}(?:[\w+/-]+[ \t]+){0,4}?(?:tool|AI|model|test|tests|screening|assay|device|ablation|cryoablation|kit|diagnostic|detection|imaging|"
    r"monitor\w*|electrode|procedure|technique|software|app|algorithm|sensor|implant|campaign|award|finalist|system"
    r"|fertilizer|biofertility|soil|supplement|cosmetic|skincare|serum|beverage|feed|peptide complex)\b",
    re.I,
)
# an unmarked print of a marked brand names the product too: "the Flowflex 4-in-1 home test", "X is for research use only"
_BRAND_DEVICE_AFTER = re.compile(
    r"(?:®|™)?[ \t]+(?:[\w+/-]+[ \t]+){0,3}?(?:home test|tests?|test kit|assay|device|diagnostic|kit|sensor|implant|software|app)\b", re.I
)
_RUO = re.compile(r"research use only|not for use in diagnostic", re.I)


def _device_brand(text: str, b: str) -> bool:
    for a in _occurrences(text, b):
        if _BRAND_DEVICE_AFTER.match(text, a + len(b)):
            return True
        s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
        s1 = text.find(". ", a)
        if _RUO.search(text, s0, len(text) if s1 < 0 else s1):
            return True
    return False


_DEVICE_BEFORE = re.compile(r"\b(?:AI-powered|cryoablation|diagnostic|screening|device|test)\s+(?:\w+\s+){0,2}$", re.I)
_YEAR = re.compile(r"(?:19[89]\d|20[0-4]\d)")


# Names without a code or stem shape, introduced as a drug by the text itself:
# "our lead candidate, rademikibart,", "SPC-14, an intranasal compound",
# "Teverelix, a next-generation GnRH antagonist", "trial of Ketamir-2".
_NAME = r"(?<![\w-])(?P<n>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){0,3}(?:[ \t](?:PF|XR|ER|SR|IR|OE|LA|SL)(?![\w-]))?|[a-z]{6,}(?:-[A-Z0-9][A-Za-z0-9]*|-[a-z]{4}(?![\w-]))?)(?:®|™|\(R\)|TM(?![A-Za-z])|[ \t]\((?:R|TM)\)[ \t]?(?=,))?"
_HEAD_WORDS = (
    "product candidate", "drug candidate", "candidate", "inhibitor", "antagonist", "agonist", "antibody", "conjugate", "therapy",
    "therapeutic", "compound", "molecule", "drug", "analog", "analogue", "vaccine", "eyedrop", "eye drop", "formulation",
    "modulator", "degrader", "prodrug", "peptide", "prophylactic", "immunotherapy", "medicine", "medication", "biologic",
    "fixed-dose combination", "small molecule", "treatment", "immunoglobulin", "immune globulin", "capsule combination",
    "tablet combination",
)
_HEAD = "(?:" + "|".join(_HEAD_WORDS) + ")"
_INTRO_AFTER = re.compile(
    # 'NV-CoV-9 ("API QV-387") is the company's ... candidate': a second name in parentheses may sit between
    # (a quoted or coded one: "P-glycoprotein (P-gp), a membrane protein that pumps drugs" is no drug)
    _NAME + r"(?:[ \t](?:IV|SC|oral))?(?:[ \t]*\([^()\n\d\"“]{0,30}[\d\"“][^()\n]{0,30}\))?(?:,|\s+is|\s+as|[ \t]+[-–—])\s+"
    r"(?P<det>a|an|the [Cc]ompany(?:'s|’s)|the|its|our|their|another|[A-Z][\w-]+(?:'s|’s|s'|s’))\s+"
    # (a defined abbreviation may sit in the description: "a mesenchymal stromal cell (MSC) therapy")
    r"(?P<desc>(?:\(?[\w/+-]+\)?,?\s+){0,7}?)" + _HEAD + r"s?\b"
)
_INTRO_BEFORE = re.compile(
    r"\b(?:lead|leading|flagship|investigational|novel|proprietary|advanced|clinical|development|drug|product|therapeutic|other)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:candidates?|compounds?|assets?|programs?|agents?)(?:,|\s+is|\s+are|\s+includes?|:)?\s+" + _NAME
)
_HEAD_FIND = re.compile(r"(?<![\w-])" + _HEAD + r"s?\b")
_HEAD_ANCHORS = literal_prefixes(_HEAD_WORDS)
_CUE_FIND = re.compile(r"\b(?:called|named|agents?|candidates?|compounds?|assets?|programs?|[Tt]rials? (?:of|evaluating|assessing|with)|[Ss]tud(?:y|ies) (?:of|evaluating|assessing|with))\b")
# every _CUE_FIND match starts with one of these (see anchored_finditer)
_CUE_ANCHORS = ("called", "named", "agent", "candidate", "compound", "asset", "program", "Trial", "trial", "Stud", "stud")
_INTRO_CALLED = re.compile(
    r"\b(?:drug|molecule|candidate|compound|antagonist|agonist|inhibitor|antibody|therapy|analog|analogue)s?\s+(?:is\s+)?(?:called|named)\s+" + _NAME
)
# "its HEMO-CAR-T product candidate": a coded name right before the noun
_INTRO_NOUN = re.compile(_NAME + r"\s+(?:product |drug |lead |clinical |therapeutic )?candidate\b")
# "its lead drug, NERLYNX.", "The company's lead product, Ryoncil, recently became the first FDA-approved ...",
# "The second drug, Sepiapterin, is being developed", "its pediatric cancer drug, OJEMDA (tovorafenib), received FDA
# approval": an owner or a rank before the noun, the name in apposition right after it
_INTRO_OWN = re.compile(
    r"(?:\b(?:its|their|our|[Tt]he [Cc]ompany(?:'s|’s)|[A-Z][\w-]+(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?"
    r"|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:lead|leading|flagship|first|second|third|approved|FDA-approved|marketed|commercial)\s+(?:[\w-]+\s+){0,2}?)"
    r"(?P<noun>drug|product|medicine|medication),\s+" + _NAME + r"(?=\s*(?:,|\(|\.(?:\s|$)|is\b|was\b|has\b|received\b|became\b))"
)
# "the therapeutic HIV vaccine ICVAX": a name in capitals right after the noun "vaccine"
_INTRO_VACCINE = re.compile(r"\bvaccine[ \t]+(?P<n>[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)?)(?![\w-])")
# "generics like Ibrunat": a generic product of a molecule, named by its maker's brand
_INTRO_GENERIC = re.compile(r"\b[Gg]enerics?(?:[ \t]+versions?)?[ \t]+(?:like|such as|including)[ \t]+(?P<n>[A-Z][a-z]{4,}|[A-Z]{5,})(?:®|™)?(?![\w-])")
# "Palnat, the generic version of palbociclib"
_INTRO_GENERIC_OF = re.compile(r"(?<![\w-])(?P<n>[A-Z][a-z]{4,}|[A-Z]{5,})(?:®|™)?,[ \t]+(?:the|a)[ \t]+generic[ \t]+(?:version|form|equivalent)[ \t]+of\b")
_OWN_CUES = ("drug, ", "product, ", "medicine, ", "medication, ")
# "its ADHD medication Jornay PM growing prescriptions": the owner's medicine named right after the noun
_INTRO_OWN_BARE = re.compile(
    r"\b(?:its|their|our|[Tt]he [Cc]ompany(?:'s|’s)|[A-Z][\w-]+(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>drug|medicine|medication)[ \t]+(?P<n>[A-Z][a-z]{4,}(?:[ \t](?:PM|AM|XR|ER|SR|CR|LA|IR)(?![\w-]))?)(?![\w-])(?![ \t][A-Z])"
)
_BARE_CUES = (" drug ", " medicine ", " medication ")
# a product named this way is a medicine only in a sentence about one
_MEDICINE_CUE = re.compile(r"\b(?:FDA|approv\w*|therap(?:y|ies|eutic)|treat\w*|indicated|prescri\w*|patients|disease|Phase|clinical|launch\w*)\b")
_INTRO_STUDY = re.compile(r"\b(?:[Tt]rials?|[Ss]tud(?:y|ies)) (?:of|evaluating|assessing|with) " + _NAME)
_INTRO_REG = re.compile(
    r"\b(?:[Dd]esignations?|BLA|NDA|MAA|[Aa]pplication(?: \((?:BLA|NDA|MAA)\))?|[Aa]pproval|commerciali[sz]ation|commerciali[sz]e) (?:to|for|of) " + _NAME
)
_INTRO_REG_ANCHORS = ("Designation", "designation", "BLA", "NDA", "MAA", "Application", "application", "Approval", "approval", "commerciali")
_NOT_DRUG_DESC = re.compile(
    r"\b(?:device|system|platform|technology|test|assay|diagnostic|software|app|tool|procedure|stimulation|cryoablation|implant|target|results?|biotech|biotechnology|firm|developer|provider|leader|services|screening"
    r"|service|clinic|company|protocol|network|array|patch|supplement)\b",
    re.I,
)
_COMPANY_NEXT = re.compile(r"s?\s+(?:development\s+|discovery\s+)?(?:company|companies|developer|firm|biotech|business|maker|provider|leader|organization)\b", re.I)
_COMPANY_AFTER = re.compile(
    r"(?:,)?[ \t]+(?:Inc\b|Corp|Ltd|LLC|ApS|A/S|AG\b|GmbH|plc\b|S\.A\.|N\.V\.|Therapeutics|Pharma|Biosciences|Biotherapeutics|Biopharma|Bio\b|Holdings|Medical|Labs?\b|Health\b)"
)
# Endings of nonproprietary names (WHO stems and common endings); a lower-case
# word introduced as a drug must end like one.
_INN_LIKE = re.compile(
    r"(?:mab|orep|[a-z]ib|stat|vir|tide|cept|kinra|imod|gene|cel|ast|xaban|gatran|fungin|parin|dronate|triptan|oxetine|peridone"
    r"|apine|semide|lutamide|coxib|profen|cycline|idine|sone|olone|azole|fermin|prodil|idone|bart|sen|siran|tug|prant|pran|relix"
    r"|imus|pril|sartan|olol|dipine|fibrate|gliptin|mycin|cillin|micin|floxacin|vudine|stim|poetin|ase|feron|tecan|vedotin|platin"
    r"|taxel|rubicin|limus|domide|gliflozin|navir|previr|asvir|tegravir|setron|lukast|mut|pectin|noson|limab|tamab|rsen)$"
)
_DISEASE_WORD = re.compile(r"(?:iasis|itis|osis|oma|emia|opathy|syndrome|disease|disorder|cancer|virus)$", re.I)
_NAME_STOP = frozenset(
    "system program platform product treatment therapy molecule compound medicine receptor agent pathway approach "
    "technology solution delivery formulation candidate The This That These Those Its Our Their Company Inc Corp Phase Study Trial Patients FDA EMA Data Results Treatment "
    "Therapy Drug Candidate Program Platform Technology Dr Professor University With Both".split()
)


_INTRODUCED_CUES = ("enerics ", "eneric version", "candidate", ", a", " is a", "® - a", "™ - a", "® – a", "™ – a", "trial of", "study of", "Trial of", "Study of", " called ", " named ", "esignation", "BLA", "NDA", "pproval", "ommerciali", "vaccine ")


def _introduced(text: str, issuer: str | None, prefixes: frozenset[str], own: set[str] | None = None) -> dict[str, str]:
    """Printed name -> kind for names the text introduces as a drug (see _INTRO_*); ``own`` collects
    the names introduced by their owner or rank ("its lead drug, X")."""
    if not any(c in text for c in _INTRODUCED_CUES) and not any(c in text for c in _OWN_CUES) and not any(c in text for c in _BARE_CUES):
        return {}
    out: dict[str, str] = {}
    # Anchored search: find the cue words first (cheap), then run the full
    # pattern only in a window around each; a pattern that starts with a
    # name would otherwise be tried at every position of every release.
    found: dict[tuple[int, int], list[tuple[re.Pattern[str], re.Match[str]]]] = {}
    for h in anchored_finditer(_HEAD_FIND, text, _HEAD_ANCHORS):
        lo = max(0, h.start() - 160)
        if text.find(", ", lo, h.start()) < 0 and text.find(" is ", lo, h.start()) < 0 and text.find(" as ", lo, h.start()) < 0 and text.find(" - ", lo, h.start()) < 0 and text.find(" – ", lo, h.start()) < 0:
            continue  # the pattern needs "X, a ...", "X is a ..." or "X as a ..."
        # matches may overlap: "Meanwhile, the company is advancing Revascor, an investigational MSC therapy"
        # reads "Meanwhile" first (rejected later), then "Revascor" from just after that name
        i = lo
        while (m := _INTRO_AFTER.search(text, i, h.end())) is not None:
            if m.end() == h.end():
                found.setdefault(m.span("n"), []).append((_INTRO_AFTER, m))
            i = m.start("n") + 1
    if "BLA" in text or "NDA" in text or "esignation" in text or "pproval" in text or "ommerciali" in text:
        for m in anchored_finditer(_INTRO_REG, text, _INTRO_REG_ANCHORS):
            n = m.group("n")
            coded = any(c.isdigit() for c in n)
            if (coded or (n.isupper() and len(n) >= 5)) and not _DEVICE_NEAR.match(text, m.end()):
                found.setdefault(m.span("n"), []).append((_INTRO_REG, m))
    for h in anchored_finditer(_CUE_FIND, text, _CUE_ANCHORS):
        m = _INTRO_BEFORE.search(text, max(0, h.start() - 60), min(len(text), h.end() + 60))
        if m is not None:
            found.setdefault(m.span("n"), []).append((_INTRO_BEFORE, m))
        m = _INTRO_STUDY.match(text, h.start())
        if m is not None:
            found.setdefault(m.span("n"), []).append((_INTRO_STUDY, m))
        if h.group().startswith("candidate"):
            m = _INTRO_NOUN.search(text, max(0, h.start() - 50), h.end())
            if m is not None and m.end() == h.end() and any(c.isdigit() or c == "-" for c in m.group("n")):
                found.setdefault(m.span("n"), []).append((_INTRO_NOUN, m))
        if h.group() in ("called", "named"):
            m = _INTRO_CALLED.search(text, max(0, h.start() - 30), min(len(text), h.end() + 60))
            if m is not None:
                found.setdefault(m.span("n"), []).append((_INTRO_CALLED, m))
    if "vaccine " in text:
        for m in _INTRO_VACCINE.finditer(text):
            found.setdefault(m.span("n"), []).append((_INTRO_VACCINE, m))
    if "enerics " in text or "eneric version" in text:
        for m in _INTRO_GENERIC.finditer(text):
            found.setdefault(m.span("n"), []).append((_INTRO_GENERIC, m))
        for cue in (", the generic ", ", a generic "):
            i = text.find(cue)
            while i >= 0:
                m = _INTRO_GENERIC_OF.search(text, max(0, i - 30), i + len(cue) + 20)
                if m is not None and m.end("n") <= i:
                    found.setdefault(m.span("n"), []).append((_INTRO_GENERIC_OF, m))
                i = text.find(cue, i + len(cue))
    for cue in _OWN_CUES:
        i = text.find(cue)
        while i >= 0:
            m = _INTRO_OWN.search(text, max(0, i - 80), i + len(cue) + 40)
            if m is not None and m.start("n") == i + len(cue):
                found.setdefault(m.span("n"), []).append((_INTRO_OWN, m))
            i = text.find(cue, i + len(cue))
    for cue in _BARE_CUES:
        i = text.find(cue)
        while i >= 0:
            j = i + len(cue)
            if j < len(text) and "A" <= text[j] <= "Z":
                m = _INTRO_OWN_BARE.search(text, max(0, i - 60), j + 30)
                if m is not None and m.start("n") == j:
                    found.setdefault(m.span("n"), []).append((_INTRO_OWN_BARE, m))
            i = text.find(cue, j)
    for _span, cands in sorted(found.items()):
        for rx, m in cands:
            got = _intro_ok(text, rx, m, issuer, prefixes)
            if got is not None:
                out.setdefault(*got)
                if own is not None and (rx is _INTRO_OWN or rx is _INTRO_OWN_BARE or rx is _INTRO_AFTER and _issuer_before(text, m.start("n"), issuer)):
                    # (and "Tonix received approval for TONMYRA®, a first-in-class ... medicine": a trademarked name
                    # the issuer's own sentence describes; not "At Legend, he launched Carvykti®, a treatment for ...")
                    own.add(got[0])
                break
    return out


def _issuer_before(text: str, at: int, issuer: str | None) -> bool:
    """The issuer is named earlier in the sentence that reaches ``at``."""
    if not issuer:
        return False
    a = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    return issuer in text[a:at].lower()


def _intro_ok(text: str, rx: re.Pattern[str], m: re.Match[str], issuer: str | None, prefixes: frozenset[str]) -> tuple[str, str] | None:
    """The name of one introducing match and its kind, or None when the name is no drug's."""
    n = m.group("n")
    if n.endswith("TM") and n[-3:-2].islower():
        n = n[:-2]  # "TherapyTM": a trademark sign glued to a word
    if "desc" in rx.groupindex and m.group("desc") and _NOT_DRUG_DESC.search(m.group("desc")):
        return None
    if _PLATFORM_AFTER.match(text, m.end("n")) and rx is not _INTRO_AFTER:
        return None
    if (rx is _INTRO_OWN or rx is _INTRO_OWN_BARE) and not _own_product_ok(text, m):
        return None
    coded = any(c.isdigit() for c in n) or "-" in n
    if n in _NAME_STOP or n.split("-")[0].upper() in prefixes:
        return None
    if issuer and n.lower().startswith(issuer) and not (re.search(r"-\w*\d", n) and not _COMPANY_AFTER.match(text, m.end("n"))):
        return None  # the company's name, not "Telomir-1" or "NEKVAX-NEO1" (numbered products named after it)
    if rx is _INTRO_STUDY and not coded:
        return None  # lower-case agents of a study are INTRODUCED_RE's job
    if rx is _INTRO_STUDY and m.group()[:1].isupper() and not any(c.isdigit() for c in n) and re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
        return None  # a title in Title Case: "Phase 1 Trial of Psychedelic-Based CNS Drug"
    if not coded and n.isupper() and len(n) < 5:
        return None  # an abbreviation ("ARC", "MDD"), not a name
    if not coded and n[:1].isupper() and len(n) < 6 and not (
        len(n) >= 4 and rx is _INTRO_AFTER and m.group("det") in ("its", "our", "their") and _CAMEL.search(n)
    ) and not (rx is _INTRO_VACCINE and n.isupper() and len(n) == 5):
        return None  # "CiVax, its proprietary ... vaccine candidate": a short invented name with its owner
    if not coded and (_NOT_INTRODUCED.search(n.lower()) or n.lower() in _STOP_WORDS):
        return None  # an English word ("potential", "conducted")
    if n.islower() and not _INN_LIKE.search(n.split("-")[0]) and not _drug_for(text, rx, m, n):
        return None  # lower case and no nonproprietary-name ending: an English word ("include", "develop")
    if not coded and rx is _INTRO_AFTER and (m.group("det") == "the" or len((m.group("desc") or "").split()) > 5):
        return None  # "Denmark, the results may not be generalizable to other medications"
    if coded and _target_rx().fullmatch(n):
        return None  # "study of ANGPTL3": a target, not a drug
    if _DISEASE_WORD.search(n):
        return None  # "Human African Trypanosomiasis, a century-old treatment": a disease, not a drug
    if rx is _INTRO_AFTER and _COMPANY_NEXT.match(text, m.end()):
        return None  # "Lophora is a clinical-stage CNS drug development company"
    if rx is _INTRO_BEFORE and text[m.start("n") - 2:m.start("n")] == ", " and not re.match(r"\s*(?:,|\(|is\b|was\b|\.(?:\s|$))", text[m.end("n"):m.end("n") + 5]):
        return None  # "... clinical program, Okogen is developing": a new clause, not an apposition
    if any(_COMPANY_AFTER.match(text, a + len(n)) or _PLATFORM_AFTER.match(text, _skip_mark(text, a + len(n))) for a in _occurrences(text, n)):
        return None  # the name of a company, or a platform ("DehydraTECH™ enhanced processing technology")
    if any(_IS_COMPANY.match(text, a + len(n)) or _ROLE_OF.search(text, max(0, a - 40), a) for a in _occurrences(text, n)):
        return None  # "Delta4 is a digital drug discovery TechBio company", "CEO of Delta4": a company, not its drug
    own = rx is _INTRO_AFTER and m.group("det") in ("its", "our", "their") and re.search(r"[a-z][A-Z]", n)
    if not coded and n[:1].isupper() and not own and _CAPITAL_BEFORE.search(text, max(0, m.start("n") - 30), m.start("n")):
        return None  # last word of a multi-word name ("Sigyn Therapy")
    if n[:1].isupper() and not coded and _occurrences(text, n.lower()):
        n = n.lower()
        if not _INN_LIKE.search(n):
            return None  # "Health" / "health": an English word
    return n, ("code" if coded and any(c.isdigit() for c in n) else ("inn" if n.islower() else "other"))


_IS_COMPANY = re.compile(
    r"(?:®|™)?,?[ \t]+(?:is[ \t]+)?(?:a|an)[ \t]+(?:(?!(?:of|by|from|the|with|for)[ \t])[\w$.-]+[ \t]+){0,5}?"
    r"(?:company|firm|startup|start-up|organization)\b(?![\w'’-])"
)
_ROLE_OF = re.compile(r"\b(?:CEO|Chief Executive Officer|[Ff]ounder|[Cc]o-[Ff]ounder|Chairman|President)[ \t]+(?:of|at)[ \t]+$")


_DEVICE_WORD = re.compile(
    r"\b(?:devices?|system|platform|technology|test|tests|testing|assay|diagnostics?|software|app|tool|implant|kit|supplements?|cosmetics?"
    r"|sensor|monitor\w*|510\(k\)|FDA-cleared|FDA clearance|cleared)\b", re.I
)


def _drug_for(text: str, rx: re.Pattern[str], m: re.Match[str], n: str) -> bool:
    """"vatiquinone, a drug for Friedreich ataxia", "zelquinone, an investigational ... therapy": a long lower-case
    word called a drug for a disease, or an investigational one."""
    if rx is not _INTRO_AFTER or len(n) < 8:
        return False
    if m.group("det") in ("a", "an") and re.match(r"investigational\b", m.group("desc") or ""):
        return True  # "zelquinone, an investigational oral therapy": development context names an INN without a known stem
    return m.group().endswith(("drug", "drugs", "medicine", "medication")) and re.match(r"\s+(?:for|to treat)\b", text[m.end():m.end() + 12]) is not None


_DEVICE_RELEASE = re.compile(r"\b(?:[Dd]evices?|510\(k\)|PMA|De Novo|FDA-cleared|FDA clearance|[Dd]iagnostic tests?)\b")
_OWNER_HEAD = re.compile(r"^(?:[Tt]he [Cc]ompany(?:'s|’s)|\S+)\s+")


def _own_product_ok(text: str, m: re.Match[str]) -> bool:
    """"its flagship product, the ..." is a medicine only without device words and, for a product, with medicine words."""
    a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    b = text.find(". ", m.end())
    b = len(text) if b < 0 else b
    desc = _OWNER_HEAD.sub("", text[m.start():m.start("noun")], count=1)
    if _NOT_DRUG_DESC.search(desc) or _DEVICE_WORD.search(text, a, b) or _DEVICE_NEAR.match(text, m.end("n")):
        return False  # "its flagship product, HeartSense, an FDA-cleared ECG system"
    if m.group("noun") != "product":
        return True
    # "our first commercial product, QUELIMMUNE, in the initial launch phase" in a release about a medical device
    return _MEDICINE_CUE.search(text, a, b) is not None and _DEVICE_RELEASE.search(text) is None


# Short codes ("SPC-15", "IHL-42X", "LPH-5") share their shape with genes, hormones,
# cell lines and trial names (GLP-1, IL-6, HT-29, KOASTAL-2): one counts only when a
# sentence that names it also says candidate/Phase/IND/drug/therapy/dosed.
_SHORT_CODE = re.compile(r"(?<![\w/.#-])(?P<p>[A-Z]{2,6})-(?P<d>\d{1,2}[A-Z]?)(?![\w-])")
_SHORT_CUE = re.compile(r"\b(?:candidates?|[Pp]re-?clinical (?:development|studies|stage)|Phase|IND|drug|therap(?:y|ies|eutic)|treatment|compound|dosed|dosing|molecule|formulation)\b")
_SHORT_NOT = re.compile(r"[ \t]+(?:cells?|cell line|trial|study|receptor|gene|protein|pathway|antibod|inhibitor|agonist|antagonist|levels?|variant|mutation)", re.I)


# "MELODY-2 & MELODY-3 Phase 3 Clinical Trials": names of trials
_SHORT_TRIAL = re.compile(
    r"(?:\s*(?:&|and|,)\s*[A-Z]{2,}-\d{1,2}[A-Z]?)*\s+(?:Phase\s+\w+\s+)?(?:[Cc]linical\s+)?(?:[Tt]rials?|[Ss]tud(?:y|ies)|TRIALS?|STUDY)\b"
)


# viruses, genes, antibodies and scores written like short codes
_SHORT_PREFIX_STOP = frozenset(
    "HSV HPV HCV HBV HIV RSV CMV EBV VZV HHV HTLV MERS BRCA APOE SMN HLA IGF TGF VEGF FGF HIF NF MMP TLR TNF STAT "
    "CCR CXCR CYP UGT ABC SLC KIR MHC TCR BCR ACE AT PHQ HAM MADRS GAD UPDRS ECOG NYHA GOLD ASA CTCAE MMSE ADAS CDR".split()
)


# A short code holds "-" and a digit; its start is then fixed: the run of capitals before the
# hyphen (a later capital would follow a word character, which the look-behind refuses).
_HYPHEN_DIGIT = re.compile(r"-\d")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _short_code_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SHORT_CODE.finditer(text)``, tried only before a "-<digit>" (found by a literal scan)
    instead of at every position of the release."""
    for h in _HYPHEN_DIGIT.finditer(text):
        q = h.start()
        r = q
        while r > 0 and text[r - 1] in _CAPITALS and q - r <= 6:
            r -= 1
        if 2 <= q - r <= 6:
            m = _SHORT_CODE.match(text, r)
            if m is not None:
                yield m


def _short_codes(text: str, prefixes: frozenset[str]) -> set[str]:
    out: set[str] = set()
    for m in _short_code_matches(text):
        name = m.group()
        if name in out or m.group("p") in prefixes or m.group("p") in _SHORT_PREFIX_STOP or _SHORT_NOT.match(text, m.end()) or _SHORT_TRIAL.match(text, m.end()):
            continue
        a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = text.find(". ", m.end())
        if _SHORT_CUE.search(text, a, b if b >= 0 else len(text)):
            out.add(name)
    return out


# A code that only ever names a trial ("a Phase 1 trial (SKNJCT-001)", "the ABC-004 trial").
_CODE_PLATFORM = re.compile(r"[ \t]+(?:[Pp]latform|[Ss]ystem|[Dd]evice|[Ss]oftware|[Aa]pp\b|[Tt]ool|[Cc]hip|[Rr]eactor|[Ss]ensor|[Ss]canner|[Rr]obot)")
_TRIAL_BEFORE = re.compile(r"(?:trial|study|studies)(?:[^.;()]{0,40}\(|\s+(?:entitled|titled|named|called)[:\s]*)\s*$", re.I)
_TRIAL_AFTER = re.compile(r"\s*(?:\)|(?:(?:randomi[sz]ed|pivotal|clinical|Phase \w+)\s+)*(?:trial|study)\b)", re.I)


def _skip_mark(text: str, i: int) -> int:
    for mark in ("®", "™", "(R)", "(TM)", "TM"):
        if text.startswith(mark, i):
            return i + len(mark)
    return i


# A code the release names as a trial once names a trial everywhere in it: "AURORA-2 (NCT00000000) is a
# randomized ... trial", "AURORA-2, the Phase 2 trial of NWX-101", "Phase 2 AURORA-2 Trial of NWX-101",
# "About the AURORA-2 Trial".
_TRIAL_ADJ = r"(?:(?:randomi[sz]ed|open-label|double-blind|placebo-controlled|global|multi-?cent(?:er|re)|multinational|pivotal|registrational|ongoing|adaptive|first-in-human|clinical|Phase[ \t]+[\w/]+),?\s+)"
_TRIAL_NAMED = re.compile(
    r"\s*\(NCT\d{6,}\)\s*(?:(?:is|was)\s+(?:a|an|the)\s+[^.;]{0,100}?\b(?:trial|study)\b|(?:trial|study)\b)"
    r"|,?\s+(?:(?:a|an|the|our|its)\s+)?" + _TRIAL_ADJ + r"{0,6}(?:trial|study)\s+(?:of|evaluating|assessing|investigating|testing)\s+(?:the\s+|its\s+|our\s+)?\**(?P<d>[A-Za-z][\w-]*)",
    re.I,
)
_ABOUT_TRIAL = re.compile(r"(?:^|\n)[#* \t]*About the $")
_ABOUT_TRIAL_AFTER = re.compile(r"[ \t]+(?:Phase[ \t]+\w+[ \t]+)?(?:Clinical[ \t]+)?(?:Trial|Study)[ \t]*(?:\n|$)")


def _trial_named(text: str, ms: list["Mention"]) -> bool:
    """One mention of the code is printed as a trial's name ("X (NCT...) is a ... trial", "X, the Phase 2 trial of Y")."""
    for m in ms:
        end = _skip_mark(text, m.end)
        t = _TRIAL_NAMED.match(text, end)
        if t is not None and (t.group("d") is None or t.group("d") != m.name and t.group("d").lower() not in ("patients", "adults", "subjects", "children", "participants", "people", "healthy")):
            return True
        if _ABOUT_TRIAL.search(text, max(0, m.start - 20), m.start) and _ABOUT_TRIAL_AFTER.match(text, end):
            return True
    return False


# "the HGB-206 and HGB-210 studies": the first of two listed trial codes
_LISTED_TRIAL_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z][A-Z0-9-]{3,}[ \t]+(?:(?:randomi[sz]ed|pivotal|clinical|Phase \w+)[ \t]+)*(?:trials|studies)\b", re.I)


# "a trial of STAR-001 (LP-184)": the parenthesis after the studied drug holds the drug's other name,
# unless it extends the drug's code into a protocol number ("NWX-101 (NWX-101-001)")
_TRIAL_OF_PAREN = re.compile(r"(?:[Tt]rial|[Ss]tud(?:y|ies))\s+(?:of|evaluating|with)\s+(?P<x>[A-Z][A-Za-z]*)-?\d[\w-]*(?:®|™)?[ \t]*\($")


def _trial_only(text: str, ms: list["Mention"]) -> bool:
    for m in ms:
        before = text[max(0, m.start - 60):m.start]
        t = _TRIAL_OF_PAREN.search(before)
        if t is not None and not m.name.upper().startswith(t.group("x").upper()):
            return False
        # "the LP-184 Phase 1a trial" is the drug's trial; "the AURORA-2 trial" names one
        ta = _TRIAL_AFTER.match(text, m.end)
        after_trial = (ta and text[m.end] != ")" and "hase" not in ta.group()) or _LISTED_TRIAL_AFTER.match(text, m.end)
        listed = re.search(r"[A-Z][A-Z0-9-]{3,} and $", before) and re.match(r"\s*(?:(?:randomi[sz]ed|pivotal|clinical|Phase \w+)\s+)*(?:trials|studies)\b", text[m.end:m.end + 60], re.I)
        if not (_TRIAL_BEFORE.search(before) or (before.endswith(("the ", "The ")) and after_trial) or listed):
            return False
    return True


def _target_rx() -> re.Pattern[str]:
    return vocab.targets()[1]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # printed form, whitespace collapsed
    kind: str  # code, inn, brand, other
    comparator: bool = False
    introduced: bool = False  # the text itself presents it as a drug ("our lead candidate, X")


def _norm(s: str) -> str:
    return " ".join(s.split())


def issuer_key(text: str, company: str | None) -> str | None:
    """First word of the issuing company, lower-cased ('immunogen'), to tell partners from self."""
    if company:
        return company.split()[0].strip(",.").lower()
    head = text[:3000]
    # each pattern needs a literal (an exchange right after "(", "About ", "Inc." ...):
    # test it with ``in`` before running the pattern
    m = re.search(
        r"([A-Z][\w&'-]*)(?:[ \t][A-Z][\w&'-]*){0,3},? (?:Inc\.|Corp\.|Ltd\.|Corporation|plc|Limited|AG|S\.A\.)?\s*\((?:NASDAQ|Nasdaq|Nasdag|NYSE|OTC\w*|TSX\w*|CSE|ASX)\b",
        head,
    ) if any(x in head for x in _EXCHANGE_CUES) else None
    if m:
        return m.group(1).lower()
    m = re.search(r"(?m)^\s*About ([A-Z][\w&'-]*)[^\n]{0,40}\b(?:Inc|Corp|Ltd|Corporation|plc|Limited|AG|Therapeutics|Pharmaceuticals|Biosciences)\b", text) if "About " in text else None
    if m:
        return m.group(1).lower()
    m = re.search(r"([A-Z][\w&'-]*),? (?:Inc|Corp|Ltd)\.", text) if ("Inc." in text or "Corp." in text or "Ltd." in text) else None
    return m.group(1).lower() if m else None


_LISTED = re.compile(r"([A-Z][\w&'-]*)(?:[ \t][A-Z][\w&'.-]*){0,3},? \((?:NASDAQ|Nasdaq|NYSE|OTC\w*|TSX\w*|CSE|ASX)[\w -]*:")


def _listed_companies(text: str) -> frozenset[str]:
    """First words of the companies a release prints with a ticker: in a roundup of several companies
    ("Cardiol Therapeutics (NASDAQ: CRDL) ... Mesoblast (Nasdaq: MESO)") each one's brand is a subject,
    not another company's comparator."""
    if not any(x in text for x in _EXCHANGE_CUES):
        return frozenset()
    return frozenset(m.group(1).lower() for m in _LISTED.finditer(text))


_EXCHANGE_CUES = ("(NASDAQ", "(Nasdaq", "(Nasdag", "(NYSE", "(OTC", "(TSX", "(CSE", "(ASX")


SALT = re.compile(r"[ \t](calcium|sodium|potassium|magnesium|hydrochloride|dihydrochloride|mesylate|maleate|tartrate|citrate|succinate|fumarate|besylate|tosylate|phosphate|sulfate|acetate|bromide)(?![\w-])")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
# Possessive: fewer letters leave a letter where a separator or digit must be, so
# giving letters back can never match; not trying spares that at every capital.
_CODE_PRE = re.compile(r"[A-Z][A-Za-z]{0,5}+[ \t-]?+\d")
_WORD7 = re.compile(r"[A-Za-z][a-z]{6,}")
_MARKS = ("®", "™", "TM", "(R)")
_INTRO_CUES = ("study of", "studies of", "trial of", "trials of", "study with", "trial with", "evaluating", "assessing")


_GLUED_PREFIX = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][A-Za-z]*(?:®|™)?|(?<![\w-])[A-Z]{4,}(?:®|™)?")
_CODE_TAIL = re.compile(r"(?P<c>.+?)-(?:the|a|an|and|or|which|with|its|in|for|is|was|this|that)$")


def _trim_code_tail(m: Mention) -> Mention:
    t = _CODE_TAIL.fullmatch(m.name) if "-" in m.name else None
    if t is None or not CODE_RE.fullmatch(t.group("c")):
        return m
    c = t.group("c")
    return Mention(m.start, m.start + len(c), c, "code", m.comparator, m.introduced)


_LONG_STEMS = tuple(s for s in (
    "tansine vedotin tinib ciclib parib lisib rafenib zomib degib platin taxel rubicin limus domide gliflozin glutide "
    "gliptin vastatin floxacin conazole navir previr tegravir leucel temcel sertib lukast setron xaban gatran fungin "
    "dronate triptan oxetine peridone semide lutamide profen cycline fermin prodil idone glitazar glitazone").split())


@lru_cache(maxsize=None)
def _stems_by_tail() -> dict[str, tuple[str, ...]]:
    """WHO stems grouped by their last three letters (every stem has at least three)."""
    out: dict[str, list[str]] = {}
    for s, _ in vocab.inn_stems():
        assert len(s) >= 3
        out.setdefault(s[-3:], []).append(s)
    return {k: tuple(v) for k, v in out.items()}


_LAST3 = itemgetter(slice(-3, None))


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
    # "D-PLEX₁₀₀" and "D-PLEX100" are one code: read subscript digits as digits
    # (a one-to-one translation, so offsets stay those of ``text``).
    ctext = text.translate(_SUBSCRIPTS) if any(c in text for c in "₀₁₂₃₄₅₆₇₈₉") else text
    for h in _CODE_PRE.finditer(ctext):
        if h.start() < pos:
            continue
        m = CODE_RE.search(ctext, max(pos, h.start() - 8), h.end() + 40)
        if m is None:
            continue
        pos = m.end()
        prefix = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p4") or m.group("p5") or m.group("p6") or m.group("p7") or m.group("p8")
        if prefix.upper() in prefixes:
            continue
        d2 = m.group("d2") or m.group("d6") or m.group("d8")
        if d2 and len(d2) == 4 and _YEAR.fullmatch(d2):
            continue  # "CES2025"-style event/year labels
        raw.append(Mention(m.start(), m.end(), _norm(m.group()), "code"))
    if raw:
        raw += _spaced_codes(ctext, raw)
    stems = vocab.inn_stems()
    words7 = set(_WORD7.findall(text))
    # Which words end in a WHO stem: lower-casing and the look-up by the last three letters run
    # through map() (no Python step per word, a release has hundreds); few words remain to test.
    lows = list(map(str.lower, words7))
    tails = list(map(_stems_by_tail().get, map(_LAST3, lows)))
    cands = {w for w, lw, t in compress(zip(words7, lows, tails), tails) if lw.endswith(t)}
    if cands:
        for m in _inn_re().finditer(text):
            w = m.group("w").lower()
            if len(w) < 7 or any(w.endswith(s) and w in ex for s, ex in stems):
                continue
            kind = "other" if (m.group("conj") or "").startswith("-") else "inn"
            name = _norm(m.group())
            if name[0].isupper() and kind == "inn" and not text[max(0, m.start() - 2):m.start()].strip() in ("", ".", "-", "(", '"'):
                # capitalized mid-sentence: a proper name, not an INN (INNs are lower case),
                # unless it ends in a long WHO stem no English or proper name has ("Hydronidone")
                if not m.group("conj") and not w.endswith(_LONG_STEMS):
                    continue
            if name[0].isupper() and kind == "inn":
                name = name[0].lower() + name[1:]
            end = m.end()
            # (printed in lower case: "Actimab-A" is a capitalized product name, not an INN's version)
            sfx = _INN_SUFFIX.match(text, end) if kind == "inn" and m.group("w")[0].islower() and not m.group("conj") and text.startswith("-", end) else None
            if sfx is not None and sfx.group(1) not in _SUFFIX_STOP:
                name, end = name + sfx.group(), sfx.end()  # "cosibelimab-ipdl", "remestemcel-L": a product of the molecule
            raw.append(Mention(m.start(), end, name, kind, name.lower() in comps))
        # "DehydraTECH-liraglutide": a company's formulation of a known molecule, named by a
        # capitalized prefix glued to the INN, is its own product
        for w in cands:
            if not w.islower():
                continue
            i = text.find("-" + w)
            while i >= 0:
                h = _GLUED_PREFIX.search(text, max(0, i - 20), i)
                j = i + 1 + len(w)
                if h is not None and h.end() == i and not (j < len(text) and (text[j].isalnum() or text[j] == "-")):
                    pre = h.group()
                    if pre.upper() not in prefixes and not (issuer and pre.lower() == issuer) and len(pre) >= 4:
                        raw.append(Mention(h.start(), j, text[h.start():j], "other"))
                i = text.find("-" + w, i + 1)
    brands: dict[str, bool] = {}
    if any(k in text for k in _MARKS):
        owners = {mm.group("b"): mm.group("o").lower() for mm in _TRADEMARK_OF.finditer(text)} if "trademark" in text else {}
        for m in _brand_matches(text):
            b = m.group("b") or m.group("B")
            if _PLATFORM_AFTER.match(text, m.end()) or b.upper() in prefixes or _PLATFORM_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                brands[b] = None  # a technology platform or an organization: never a drug
                continue
            if issuer and (b.lower() == issuer or issuer.startswith(b.lower()) or (b.lower().startswith(issuer) and _COMPANY_AFTER.match(text, m.end()))):
                continue  # the company's own trademarked name ("CardiolRx" is a product, "Cardiol" the company)
            plain = b[:1].isupper() and b[1:].islower()
            if (plain and _CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start())) or b.lower() in _GENERIC_MARKED:
                continue  # last word of a multi-word name: "Research Foundation®", "Texas Radiotherapy™"
            if _DEVICE_NEAR.match(text, m.end()) or _DEVICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                brands[b] = None  # a test, device or system: never a drug
                continue
            if cands and (nx := _WORD_NEXT.match(text, m.end())) is not None and nx.group(1) in cands and (
                nx.group(1)[0].isupper() or CODE_RE.match(text, nx.end() + 2) is not None and text.startswith(" (", nx.end())
            ):
                # "Deciparticle™ Everolimus", "Deciparticle™ everolimus (Sapu003)": a formulation technology heads a
                # product named after the molecule (a brand before its INN alone, "Rybelsus® semaglutide", is the brand)
                brands[b] = None
                continue
            if b in brands:
                continue
            owner = owners.get(b)
            brands[b] = b.lower() in comps or (owner is not None and owner != issuer and owner not in _listed_companies(text))
    if any(k in text for k in _INTRO_CUES):
        for m in INTRODUCED_RE.finditer(text):
            w = m.group("w")
            if w in _STOP_WORDS or _NOT_INTRODUCED.search(w) or w in comps:
                continue
            raw.append(Mention(m.start("w"), m.end("w"), w, "inn"))
    poss = {w for w in _possessive_names(text) if w not in comps} if ("'s " in text or "’s " in text) else set()
    known = {mm.name for mm in raw}
    own: set[str] = set()
    intro = _introduced(text, issuer, prefixes, own)
    if "-" in text:
        for n in _short_codes(text, prefixes):
            intro.setdefault(n, "code")
    for n, kind in _framed_names(text, issuer, prefixes, comps, words7).items():
        if n not in known:
            intro.setdefault(n, kind)
    # "cosibelimab-ipdl, an immune checkpoint inhibitor": an INN read by its stem that the text also presents
    # as a drug is introduced (a subject even when printed once)
    intro_inns = {n for n, kind in intro.items() if kind == "inn" and n in known and n.lower() not in comps}
    for n, kind in intro.items():
        if n in known or n.lower() in comps or brands.get(n) is not None:
            continue  # a trademarked name stays a brand ("HyBryte™", introduced or not)
        forms = {n, n[:1].upper() + n[1:]} if kind == "inn" else {n}
        for form in forms:
            for a in _occurrences(text, form):
                raw.append(Mention(a, a + len(form), n, kind, introduced=True))
    # "LP-284-the first ...": an em dash read as a hyphen glued a word to the code
    raw = [_trim_code_tail(mm) for mm in raw]
    brands = {b: c for b, c in brands.items() if c is not None and not _device_brand(text, b)}
    if brands:
        for b in sorted(brands, key=len, reverse=True):
            # "Cytogam®" and "CYTOGAM" in one release: the brand printed in capitals is the same product,
            # unless the capitals name a technology ("AVERSA technology")
            forms = (b, b.upper()) if len(b) >= 5 and not b.isupper() and not _CAMEL.search(b) else (b,)
            spans = [(a, form) for form in forms for a in _occurrences(text, form)]
            if len(forms) > 1 and any(_PLATFORM_AFTER.match(text, _skip_mark(text, a + len(f))) or _DEVICE_NEAR.match(text, _skip_mark(text, a + len(f)))
                                      for a, f in spans if f != b):
                continue
            # a brand its owner names ("its lead drug, TAVELDRA®") is a subject even when printed once
            for a, form in spans:
                raw.append(Mention(a, a + len(form), b, "brand", brands[b], introduced=b in own))
    if "(" in text:
        raw += _caps_brand_generics(text, comps)
    introduced = {mm.name for mm in raw if mm.kind == "inn"} | poss
    # the same INN elsewhere in the release, including sentence-initial capitals
    for w in sorted(introduced, key=len, reverse=True):
        for form in {w, w[:1].upper() + w[1:]}:
            for a in _occurrences(text, form):
                raw.append(Mention(a, a + len(form), w, "inn", w.lower() in comps))
    if introduced and "(" in text:
        raw += _unmarked_brands(text, introduced, issuer, prefixes, comps)
    if "(" in text and any(r in text for r in _ROUTES):
        raw += _route_products(text)
    if words7:
        raw += _technology_products(text, words7, cands, issuer, prefixes)
    if "products" in text or "medicines" in text or "medications" in text or "brands" in text:
        raw += _listed_products(text, issuer, prefixes, comps)
    codes: dict[str, list[Mention]] = {}
    for mm in raw:
        if mm.kind == "code":
            codes.setdefault(mm.name, []).append(mm)
    trial_ids = {n for n, ms in codes.items() if _trial_only(text, ms)}
    if len(codes) > 1 and ("rial" in text or "tudy" in text):
        trial_ids |= {n for n, ms in codes.items() if n not in trial_ids and _trial_named(text, ms)}
    # a code that names a platform or a device ("the K2Global SMB500 Platform") is no drug
    trial_ids |= {n for n, ms in codes.items() if any(_CODE_PLATFORM.match(text, _skip_mark(text, mm.end)) for mm in ms)}
    if trial_ids:
        raw = [mm for mm in raw if mm.name not in trial_ids]
    out = _resolve(raw)
    if ", and " in text or ", or " in text:
        extra = _listed_names(text, out, comps)
        if extra:
            for w in extra:
                for a in _occurrences(text, w):
                    raw.append(Mention(a, a + len(w), w, "inn"))
            out = _resolve(raw)
    if out:
        linked = _linked_names(text, out, issuer, prefixes, comps) + _sibling_names(text, out, issuer)
        if " active ingredient " in text:
            linked += _ingredient_phrases(text)
        linked += _letter_variants(text, out) + _code_generics(text, out, comps)
        if linked:
            out = _resolve(raw + linked)
    if intro_inns:
        out = [replace(mm, introduced=True) if mm.kind == "inn" and mm.name in intro_inns else mm for mm in out]
    return out


# "AVERSA Fentanyl": a technology name in capitals before the capitalized molecule it carries names the product
_TECH_BEFORE = re.compile(r"(?<![\w-])(?P<x>[A-Z]{4,})(?:®|™|[ \t]?\(TM\)|[ \t]?\(R\))?[ \t]$")
_TECH_CUE = re.compile(r"\b(?:candidates?|[Pp]hase|IND|NDA|BLA|FDA|drug|therap(?:y|ies|eutic)|treatment|patch|product|development)\b")


@lru_cache(maxsize=None)
def _capitalized_comparators() -> frozenset[str]:
    return frozenset(c[:1].upper() + c[1:] for c in vocab.comparators())


def _technology_products(text: str, words7: set[str], cands: set[str], issuer: str | None, prefixes: frozenset[str]) -> list[Mention]:
    """A product named by a technology in capitals and a known molecule ("AVERSA Fentanyl"), at least twice
    or once in a sentence about a drug. (Anchored on the molecule: a capitalized word that is a marketed
    molecule or ends in a WHO stem; few releases print one.)"""
    mols = (words7 & _capitalized_comparators()) | {w for w in cands if w[0].isupper() and w[1:].islower()}
    out: list[Mention] = []
    for y in sorted(mols):
        found: dict[str, list[tuple[int, int]]] = {}
        for at in _occurrences(text, y):
            h = _TECH_BEFORE.search(text, max(0, at - 20), at)
            if h is not None:
                found.setdefault(h.group("x"), []).append((h.start(), at + len(y)))
        for x, spans in found.items():
            if x.upper() in prefixes or x in _ABBREV_STOP() or x in _FRAME_STOP or (issuer and x.lower().startswith(issuer)):
                continue
            if len(spans) < 2:
                a = max(text.rfind(". ", 0, spans[0][0]), text.rfind("\n", 0, spans[0][0])) + 1
                b = text.find(". ", spans[0][1])
                if not _TECH_CUE.search(text, a, b if b >= 0 else len(text)):
                    continue
            out += [Mention(i, j, x + " " + y, "other", introduced=True) for i, j in spans]  # ("AVERSA™ Fentanyl" too)
    return out


# "each of its flagship products—Belbuca, Xtampza ER, and the Nucynta franchise—posting growth": the owner's
# medicines listed right after the plural noun; every item must read as a product name, or none counts
_LIST_OWNER = re.compile(r"\b(?:its|their|our|[Tt]he [Cc]ompany(?:'s|’s)|[A-Z][\w-]+(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?$")
_LIST_START = re.compile(r"[ \t]*(?:—|–|-(?=[A-Z])|:|,?[ \t]+(?:including|such as))[ \t]*(?P<list>[^.;:()—–\n]{4,160})")
_LIST_NOUNS = ("products", "medicines", "medications", "brands")
_LIST_ITEM = re.compile(r"(?:the[ \t]+)?(?P<n>[A-Z][a-z]{4,}(?:[ \t](?:PM|AM|XR|ER|SR|CR|LA|IR))?)(?:®|™)?(?:[ \t]+(?:franchise|brand|family))?")
_LIST_SPLIT = re.compile(r",[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
_LIST_MEDICINE = re.compile(r"\b(?:FDA|approv\w*|therap(?:y|ies|eutic)|treat\w*|indicated|prescri\w*|patients|disease|pain|medications?|medicines?)\b")


def _product_lists(text: str) -> Iterator[re.Match[str]]:
    """Matches of _LIST_START after an owner's plural noun ("its flagship products—"), found from the noun."""
    for noun in _LIST_NOUNS:
        i = text.find(noun)
        while i >= 0:
            j = i + len(noun)
            m = _LIST_START.match(text, j)
            if m is not None and _LIST_OWNER.search(text, max(0, i - 60), i) is not None:
                yield m
            i = text.find(noun, j)


def _listed_products(text: str, issuer: str | None, prefixes: frozenset[str], comps) -> list[Mention]:
    out: list[Mention] = []
    for m in _product_lists(text):
        items = [x.strip() for x in _LIST_SPLIT.split(m.group("list").strip())]
        if len(items) < 2:
            continue
        got = [_LIST_ITEM.fullmatch(x) for x in items[:-1]]
        last = _LIST_ITEM.match(items[-1])  # the list may run into the rest of the clause ("... franchise posting growth")
        if last is None or not all(got) or not (last.end() == len(items[-1]) or items[-1][last.end()] in " -"):
            continue
        names = [g.group("n") for g in got + [last]]
        a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1  # (m starts at the noun)
        if not _LIST_MEDICINE.search(text, a, m.end()) or _DEVICE_WORD.search(text, a, m.end()):
            continue
        if any(n in _NAME_STOP or n in _FRAME_STOP or n.lower() in _STOP_WORDS or _NOT_INTRODUCED.search(n.lower()) or n.upper() in prefixes
               or (issuer and n.lower().startswith(issuer)) or _occurrences(text, n.lower()) for n in names):
            continue  # an English word or the company itself: not a list of product names
        for n in names:
            # ("products-Palendra": the first item may be glued to the noun by a dash read as a hyphen)
            at = set(_occurrences(text, n)) | {text.find(n, m.start("list"), m.end())}
            out += [Mention(x, x + len(n), n, "brand", n.lower() in comps, introduced=True) for x in sorted(at)]
    return out


def _code_generics(text: str, ms: list[Mention], comps) -> list[Mention]:
    """"CTx-1302 (dextroamphetamine)": a lower-case word in parentheses right after a code is the code's
    generic name even without a known WHO stem (archive-wide, this shape only ever pairs code and INN)."""
    words = set()
    for m in ms:
        if m.kind == "code" and not m.comparator and text.startswith(" (", m.end):
            g = _PAREN_WORD.match(text, m.end + 1)
            if g and not _DISEASE_WORD.search(g["g"]) and g["g"] not in _NAME_STOP:
                words.add(g["g"])
    return [Mention(a, a + len(w), w, "inn", w in comps) for w in words for a in _occurrences(text, w)]


def _letter_variants(text: str, ms: list[Mention]) -> list[Mention]:
    """"mTNX-1700" beside "TNX-1700": a one-letter lower-case prefix names a variant (murine, modified) of a
    code the release already names; the code's own pattern cannot see it behind the letter."""
    out = []
    for name in {m.name for m in ms if m.kind == "code" and not m.comparator}:
        i = text.find(name, 1)
        while i > 0:
            j = i + len(name)
            if ("a" <= text[i - 1] <= "z" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] in "-_/."))
                    and (j >= len(text) or not (text[j].isalnum() or text[j] == "-"))):
                out.append(Mention(i - 1, j, text[i - 1:j], "code"))
            i = text.find(name, j)
    return out


# "survodutide, retatrutide, and cagrisema": a lower-case word listed after drugs is one too
_LIST_TAIL = re.compile(r",?\s+(?:and|or)\s+(?P<w>[a-z]{7,})(?![\w-])")


def _listed_names(text: str, ms: list["Mention"], comps) -> set[str]:
    out: set[str] = set()
    for a, b in zip(ms, ms[1:]):
        if a.kind != "inn" or b.kind != "inn" or text[a.end:b.start] != ", ":
            continue
        t = _LIST_TAIL.match(text, b.end)
        if t is None:
            continue
        w = t.group("w")
        if w in _STOP_WORDS or _NOT_INTRODUCED.search(w) or _DISEASE_WORD.search(w) or w in comps or w in _POSSESSIVE_STOP:
            continue
        out.add(w)
    return out


# "buntanetap's disease-modifying potential": a lower-case name whose mechanism or efficacy the text discusses
_POSSESSIVE_CUE = re.compile(r"(?:'s|’s) (?:[\w-]+ ){0,2}?(?:mechanism|efficacy|safety|potential|disease-modifying|therapeutic|pharmacokinetic|mode of action)\b")
_POSSESSIVE_WORD = re.compile(r"(?<![\w-])[a-z]{7,}$")
_POSSESSIVE_STOP = frozenset(
    "company platform pipeline product approach vaccine medicine molecule compound program portfolio antibody candidate "
    "science research startup business country region economy market industry sector network system patient drug "
    "children investor investors nation society version formula protein receptor enzyme pathway mission strategy "
    "partner partners management leadership universe procedure technique surgery exposure structure culture "
    "contract agreement acquisition merger partnership collaboration offering melatonin caffeine nicotine cannabis "
    "collagen supplement probiotic creatine".split()
)


def _possessive_names(text: str) -> set[str]:
    out: set[str] = set()
    for q in ("'s ", "’s "):
        i = text.find(q)
        while i >= 0:
            w = _POSSESSIVE_WORD.search(text, max(0, i - 30), i)
            if w is not None and _POSSESSIVE_CUE.match(text, i):
                word = w.group()
                if (word not in _POSSESSIVE_STOP and word not in _STOP_WORDS and not _NOT_INTRODUCED.search(word)
                        and not _DISEASE_WORD.search(word) and len(_occurrences(text, word)) >= 2):
                    out.add(word)
            i = text.find(q, i + 3)
    return out


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


# "(bremelanotide injection)": a parenthesis that holds just the other name (and a dosage form)
# ("(velmitinib hydrochloride)": the INN's salt may follow it, the parenthesis closing right after; not
# "(omeprazole magnesium, amoxicillin and rifabutin)", a combination)
_PAREN_CLOSE = re.compile(r"[ \t](?:calcium|sodium|potassium|magnesium|hydrochloride|dihydrochloride|mesylate|maleate|tartrate|citrate|succinate|fumarate|besylate|tosylate|phosphate|sulfate|acetate|bromide)[ \t]*\)|\s*(?:(?:for )?(?:injection|infusion|tablets?|capsules?|oral solution|cream|gel|nasal spray|ophthalmic solution)\s*)?[\"”'’]?\s*(?:[),;]|or\s)", re.I)
_LINK = re.compile(
    r"\s*(?:\(|,\s*(?:or|also known as|also called|formerly|formerly known as|previously known as|a\.k\.a\.)\s+(?:the\s+)?|\s+(?:\(?also known as|formerly known as)\s+"
    r"|\(\s*(?:formerly|previously|also called|a\.k\.a\.|f/k/a)(?: known as)?\s+"
    # "X, formerly called Y", "X (also referred to as Y)", "X, previously Y"
    r"|[ \t]*[,(][ \t]*(?:(?:formerly|previously)(?:[ \t]+(?:known as|referred to as|called|named))?|also[ \t]+(?:known as|referred to as|called|named)|a\.k\.a\.|f/k/a)[ \t]+[\"“]?"
    # "HDP-101 (INN: pamlectabart)", "X (generic name: Y)"
    r"|[ \t]*\([ \t]*(?:INN|USAN|generic[ \t]+name|international[ \t]+nonproprietary[ \t]+name)[ \t]*[:-]?[ \t]*"
    # "X, marketed as Y", "X, the brand name for Y"
    r"|[ \t]*[,(][ \t]*(?:(?:marketed|sold)[ \t]+(?:as|under[ \t]+the[ \t]+(?:brand[ \t]+|trade[ \t]+)?names?)|the[ \t]+(?:brand|trade)[ \t]+name[ \t]+(?:for|of))[ \t]+[\"“]?"
    # "Palnat, the generic version of palbociclib": a generic product of the molecule
    r"|[ \t]*,[ \t]*(?:the|a)[ \t]+generic[ \t]+(?:version|form|equivalent)[ \t]+of[ \t]+"
    r")\s*$"
)
# "Zolnat, manufactured by Acme in India, offers the same active ingredient as Zolvexa": two products of one molecule
# "Dusquetide is also the active ingredient in Acme's SGX-945"; "ZX-943 is an investigational, IV formulation of the
# IDR, dusquetide": one molecule in two products (the text's own words)
_SAME_INGREDIENT = re.compile(
    r"(?:®|™)?(?:[ \t]*,[^,.;()\n]{1,60},)?[ \t]+(?:contains?|offers?|has|have|shares?)[ \t]+the[ \t]+same[ \t]+active[ \t]+ingredient[ \t]+as[ \t]+(?:in[ \t]+)?(?:both[ \t]+)?"
    r"|(?:®|™)?[ \t]+is[ \t]+(?:also[ \t]+)?the[ \t]+active[ \t]+ingredient[ \t]+(?:in|of)[ \t]+(?:[A-Z][\w-]+(?:'s|’s)[ \t]+)?"
    r"|(?:®|™)?[ \t]+is[ \t]+(?:an?|the)[ \t]+(?:[\w-]+,?[ \t]+|\([A-Z]{2,4}\)[ \t]+){0,4}formulation[ \t]+of[ \t]+(?:the[ \t]+(?:[\w-]+[ \t]+){0,4}(?:\([A-Z]{2,5}\))?,[ \t]+)?"
)


# ---------------------------------------------------------------- second names of a drug
# A release often prints a drug's other name in a shape that no recognizer of its own
# reads: the code with a space ("KROS 101" beside "KROS-101"), a brand without a mark
# before its INN ("NERLYNX (neratinib)"), an old name after "formerly", a quoted second
# name ('NV-CoV-2 ("API NV-387")'), an enzyme's plain name ("TNX-1300 (cocaine esterase)").
# Each counts only next to a name already read as a drug, so the link itself is the cue.
_CODE_PARTS = re.compile(r"([A-Z]{2,6})-?(\d{3,6})")


def _code_key(name: str) -> str:
    """"KROS 101", "KROS-101" and "KROS101" are one code."""
    return re.sub(r"[\s-]", "", name).upper()


def _spaced_codes(text: str, raw: list[Mention]) -> list[Mention]:
    """"KROS 101" where the release also prints "KROS-101" or "KROS101" (a space alone is "ISO 9001")."""
    out: list[Mention] = []
    seen: set[str] = set()
    for mm in raw:
        m = _CODE_PARTS.fullmatch(mm.name)
        if m is None or m.group() in seen:
            continue
        seen.add(m.group())
        form = m.group(1) + " " + m.group(2)
        for a in _occurrences(text, form):
            out.append(Mention(a, a + len(form), form, "code"))
    return out


# the FDA's four-letter suffix of a biologic ("-ipdl") or a letter version ("-L") glued to an INN
_INN_SUFFIX = re.compile(r"-([a-z]{4}|[A-Z])(?![\w-])")
_SUFFIX_STOP = frozenset(
    "from like free only type high dose rich test time care when with that this into over data than also then both each "
    "will were have more less most well long term year week month based arms step rate wide role risk loss gain".split()
)
_BRAND_BEFORE = re.compile(r"(?<![\w-])(?P<b>[A-Z]{4,}|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]{4,})[ \t]*\($")
_BRAND_AFTER = re.compile(r"[ \t]*\((?P<b>[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]{4,}|[A-Z]{4,})\)")
_PAREN_ONLY = re.compile(
    r"\s*(?:(?:for )?(?:injection|infusion|tablets?|capsules?|oral solution|oral suspension|cream|gel|nasal spray|ophthalmic solution)\s*)?"
    r"(?:,\s*(?:or|also known as)\s+[a-z][\w-]{2,12}\s*)?\)", re.I  # "(lovotibeglogene autotemcel, or lovo-cel)"
)


def _unmarked_brands(text: str, inns: set[str], issuer: str | None, prefixes: frozenset[str], comps) -> list[Mention]:
    """A capitalized name right before a parenthesis that holds just an INN is its brand: "NERLYNX (neratinib)"."""
    brands: dict[str, tuple[str, bool]] = {}
    for w in sorted(inns):
        # "Imbruvica (Ibrutinib)": a pharmacy or news text may print the INN capitalized
        i = _find_either(text, "(" + w, "(" + w[:1].upper() + w[1:], 0)
        while i >= 0:
            j = i + 1 + len(w)
            m = _BRAND_BEFORE.search(text, max(0, i - 30), i + 1) if _PAREN_ONLY.match(text, j) else None
            if m is not None and _brand_word_ok(text, m.group("b"), m.start("b"), inns, issuer, prefixes):
                brands[m.group("b")] = (w, m.group("b").lower() in comps or w.lower() in comps)
            i = _find_either(text, "(" + w, "(" + w[:1].upper() + w[1:], i + 1)
        # "lifileucel (Amtagvi)": the brand in the parenthesis after the INN
        for a in sorted(set(_occurrences(text, w)) | set(_occurrences(text, w[:1].upper() + w[1:]))):
            m = _BRAND_AFTER.match(text, a + len(w))
            if m is not None and _brand_word_ok(text, m.group("b"), m.start("b"), inns, issuer, prefixes):
                brands[m.group("b")] = (w, m.group("b").lower() in comps or w.lower() in comps)
    out: list[Mention] = []
    for b, (w, comp) in brands.items():
        occ = _occurrences(text, b)
        if len(occ) < 2 and len(_occurrences(text, w)) + len(_occurrences(text, w[:1].upper() + w[1:])) < 2:
            continue  # "OJEMDA (tovorafenib)" printed once: the pair names one drug once, still in passing
        out += [Mention(a, a + len(b), b, "brand", comp) for a in occ]
    return out


def _find_either(text: str, a: str, b: str, start: int) -> int:
    """First offset of ``a`` or ``b`` at or after ``start`` (-1 if neither)."""
    i, j = text.find(a, start), text.find(b, start)
    return j if i < 0 else i if j < 0 else min(i, j)


# "ZELVORA (benzoxalamine)": a generic name without a known WHO stem, given by its capitalized brand
# (anchored on the parenthesis: a pattern that starts with a capital would be tried at every capital)
_PAREN_WORD = re.compile(r"\((?P<g>[a-z]{8,})\)")
_CAPS_BEFORE = re.compile(r"(?<![\w-])(?P<b>[A-Z]{5,})(?:®|™)?[ \t]*$")


def _caps_brand_generics(text: str, comps) -> list[Mention]:
    out: list[Mention] = []
    for m in _PAREN_WORD.finditer(text):
        c = _CAPS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if c is None:
            continue
        b, g = c.group("b"), m.group("g")
        if g in comps or g in _STOP_WORDS or g in _ENGLISH_MORPH or _NOT_INTRODUCED.search(g) or _DISEASE_WORD.search(g):
            continue  # "EBITDA (adjusted)"
        if b in _ABBREV_STOP() or b in _FRAME_STOP or (len(_occurrences(text, b)) < 2 and len(_occurrences(text, g)) < 2):
            continue
        out.append(Mention(m.start("g"), m.end("g"), g, "inn"))
    return out


def _brand_word_ok(text: str, b: str, at: int, inns: set[str], issuer: str | None, prefixes: frozenset[str]) -> bool:
    if b in _NAME_STOP or b in _FRAME_STOP or b.lower() in _STOP_WORDS or b.lower() in inns or b.upper() in prefixes:
        return False
    if issuer and (b.lower().startswith(issuer) or issuer.startswith(b.lower())):
        return False
    if b.isupper() and b in _ABBREV_STOP() or b.lower() in _DISEASE_NAMES() or _DISEASE_WORD.search(b):
        return False
    if _occurrences(text, b.lower()) or (not _CAMEL.search(b) and _NOT_INTRODUCED.search(b.lower()) and not _mid_sentence_name(text, b)):
        return False  # an English word ("Increase (decrease)")
    return not _capital_before(text, at)  # the last word of a longer name ("Merck Serono (...)")


_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])(?:[a-z]{2,}|[a-z]+-[a-z]+)[ \t]+$")


def _mid_sentence_name(text: str, b: str) -> bool:
    """"the high cost of brand-name Ibrance": a word with an English ending ("-ance") that the text prints at
    least twice, never in lower case (checked before), and capitalized after a lower-case word is a name."""
    occ = _occurrences(text, b)
    return len(occ) >= 2 and any(_LOWER_WORD_BEFORE.search(text, max(0, a - 20), a) for a in occ)


_ROUTES = ("inhaled ", "intranasal ", "nebulized ", "nebulised ", "subcutaneous ", "intravenous ", "intrathecal ", "oral ", "topical ")
_ROUTE_PRODUCT = re.compile(
    r"(?<![\w-])(?P<r>inhaled|intranasal|nebuli[sz]ed|subcutaneous|intravenous|intrathecal|oral|topical)[ \t]+"
    r"(?:(?P<long>[a-z][a-z0-9-]*(?:[ \t][a-z][a-z0-9-]*){0,3})[ \t]+\((?P<a1>[A-Z][A-Z0-9]{1,5})\)|(?P<a2>[A-Z][A-Z0-9]{1,5}))"
    r"[ \t]+(?:therapy|therapeutic|product candidate|drug candidate|candidate|treatment)\b"
)
_ROUTE_CUE = re.compile(r"\b(?:[Pp]hase|trials?|candidate|developing|development|IND|BLA|NDA)\b")
_CLASS_ABBREV = frozenset("TKI TKIS ADC ADCS NSAID SSRI SNRI PPI JAK BTK PARP CAR GLP GIP SGLT DPP ACE ARB MAB AAV RNA DNA ASO".split())


def _route_products(text: str) -> list[Mention]:
    """"inhaled alpha-1 antitrypsin (AAT) therapy" ... "inhaled AAT therapy": a route and a protein's
    abbreviation name the company's product when printed at least twice and in development sentences."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for m in _route_matches(text):
        abbr = m.group("a1") or m.group("a2")
        if m.group("long") and not _abbreviates(m.group("long"), abbr):
            continue
        if abbr in _CLASS_ABBREV or abbr in _ABBREV_STOP() or _target_rx().fullmatch(abbr):
            continue
        a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = text.find(". ", m.end())
        if not _ROUTE_CUE.search(text, a, b if b >= 0 else len(text)):
            continue
        end = m.end("a1") + 1 if m.group("a1") else m.end("a2")
        hits.setdefault(f"{m.group('r')} {abbr}", []).append((m.start(), end))
    out: list[Mention] = []
    for name, spans in hits.items():
        spans = sorted(set(spans) | {(a, a + len(name)) for a in _occurrences(text, name)})
        if len(spans) >= 2:
            out += [Mention(a, b, name, "other", introduced=True) for a, b in spans]
    return out


def _route_matches(text: str):
    for r in _ROUTES:
        i = text.find(r)
        while i >= 0:
            m = _ROUTE_PRODUCT.match(text, i)
            if m is not None:
                yield m
            i = text.find(r, i + len(r))


def _abbreviates(long: str, abbr: str) -> bool:
    """Schwartz-Hearst: the abbreviation's letters occur in order in the long form, the first one first."""
    low, i = long.lower(), 0
    if not low.startswith(abbr[0].lower()):
        return False
    for c in abbr.lower():
        if not c.isalnum():
            continue
        i = low.find(c, i)
        if i < 0:
            return False
        i += 1
    return True


_NAME2 = r"(?P<n>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){0,3}|[a-z]{6,})"
_LINK_WORDS = (
    r"(?:formerly|previously)(?:[ \t]+(?:known as|referred to as|called|named))?"
    r"|also[ \t]+(?:known as|referred to as|called|named)|a\.k\.a\.|f/k/a"
)
# "velmitinib, marketed as Zolvexa", "velmitinib, sold under the brand name Zolvexa", "Zolvexa, the brand name for
# velmitinib": the text itself says the capitalized name is the brand
_BRAND_WORDS = r"(?:marketed|sold)[ \t]+(?:as|under[ \t]+the[ \t]+(?:brand[ \t]+|trade[ \t]+)?names?)|the[ \t]+(?:brand|trade)[ \t]+name[ \t]+(?:for|of)"
_BRAND_LINKED_AFTER = re.compile(r"(?:®|™)?[ \t]*(?:,[ \t]*|\([ \t]*)(?:" + _BRAND_WORDS + r")[ \t]+[\"“]?(?P<n>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)(?![\w-])")
_BRAND_LINKED_BEFORE = re.compile(r"(?<![\w-])(?P<n>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)(?:®|™)?[ \t]*,[ \t]*(?:" + _BRAND_WORDS + r")[ \t]+$")
_LINKED_AFTER = re.compile(r"(?:®|™)?[ \t]*(?:,[ \t]*|\([ \t]*)(?:" + _LINK_WORDS + r")[ \t]+[\"“]?" + _NAME2 + r"(?![\w-])")
_LINKED_BEFORE = re.compile(_NAME2 + r"(?:®|™)?[ \t]*(?:,[ \t]*|\([ \t]*)(?:" + _LINK_WORDS + r")[ \t]+[\"“]?$")
_QUOTED_AFTER = re.compile(r"(?:®|™)?[ \t]*\([ \t]*[\"“](?P<n>[A-Z][A-Za-z0-9-]*(?:[ \t][A-Za-z0-9-]+){0,2})[\"”][ \t]*\)")
_ENZYME_AFTER = re.compile(r"(?:®|™)?[ \t]*\((?P<n>(?:[a-z]{3,}[ \t]){0,2}[a-z]{3,}ase)\)")
# "LYFGENIA (lovotibeglogene autotemcel, or lovo-cel)": the INN's clipped form closing the parenthesis
_SHORT_INN_AFTER = re.compile(r"[ \t]*,[ \t]*(?:or|also known as|also called)[ \t]+(?P<n>[a-z]{2,8}-[a-z]{2,8})(?=\))")
_ACTIVE_IN = re.compile(r"[ \t]+is[ \t]+(?:also[ \t]+)?the[ \t]+active[ \t]+ingredient[ \t]+(?:in|of)[ \t]")
_WORDS_BEFORE = re.compile(r"(?<![\w-])[A-Za-z][a-z]{2,}(?:[ \t][a-z]{3,}){0,2}$")


def _ingredient_phrases(text: str) -> list[Mention]:
    """"Synthetic hypericin is the active ingredient in HyBryte™" where the release also prints "HyBryte™
    (synthetic hypericin)": the phrase is the product's ingredient name (two cues: the parenthesis and the
    sentence); read at the sentence only, which links it to the product named right after."""
    out: list[Mention] = []
    i = text.find(" active ingredient ")
    while i >= 0:
        lo = max(0, i - 60)
        a = _ACTIVE_IN.search(text, lo, i + 40)
        if a is not None and a.start() < i:
            w = _WORDS_BEFORE.search(text, lo, a.start())
            if w is not None:
                words = w.group().split()
                for k in range(len(words), 0, -1):  # the longest phrase printed in parentheses
                    phrase = " ".join(words[-k:])
                    low = phrase[:1].lower() + phrase[1:]
                    if low not in _STOP_WORDS and "(" + low + ")" in text:
                        out.append(Mention(a.start() - len(phrase), a.start(), low, "other", introduced=True))
                        break
        i = text.find(" active ingredient ", i + 1)
    return out
# "LP-284/STAR-001": the code after the slash (codes are otherwise never read right after "/", as in "10/100")
_SLASH_AFTER = re.compile(r"/(?P<n>[A-Z][A-Za-z0-9-]{2,15})(?![\w/-])")
# "CLD-201 (SuperNova)": an invented mixed-case word alone in the parenthesis after a code is the code's name
_CAMEL_PAREN = re.compile(r"[ \t]\((?P<n>[A-Z][a-z]+[A-Z][a-z][A-Za-z]*)(?:®|™)?\)")
_NOT_ENZYME = frozenset("disease release increase decrease phase case base database purchase showcase lease cease ease chase erase please".split())


def _linked_names(text: str, ms: list[Mention], issuer: str | None, prefixes: frozenset[str], comps) -> list[Mention]:
    """Names printed as another name of a drug already read: "X, formerly Y", "Y (formerly X)",
    'X ("Y")', "X (cocaine esterase)"."""
    starts = {m.start for m in ms}
    names = {m.name for m in ms}
    found: dict[str, str] = {}
    for m in ms:
        if m.comparator:
            continue
        for rx, how in ((_LINKED_AFTER, "name"), (_QUOTED_AFTER, "quoted"), (_ENZYME_AFTER, "enzyme"), (_SLASH_AFTER, "slash"), (_SHORT_INN_AFTER, "clipped")):
            t = rx.match(text, m.end)
            if t is not None and t.start("n") not in starts:
                found.setdefault(t.group("n"), how)
        if m.kind in ("inn", "code") and ("arketed" in text or "sold" in text or "name" in text):
            t = _BRAND_LINKED_AFTER.match(text, m.end)
            if t is not None and t.start("n") not in starts:
                found.setdefault(t.group("n"), "brand")
            t = _BRAND_LINKED_BEFORE.search(text, max(0, m.start - 60), m.start)
            if t is not None and t.end() == m.start and t.start("n") not in starts:
                found.setdefault(t.group("n"), "brand")
        if m.kind == "code" and text.startswith(" (", m.end):
            t = _CAMEL_PAREN.match(text, m.end)
            if t is not None and t.start("n") not in starts:
                found.setdefault(t.group("n"), "name")
        if ("ormerly" in text or "reviously" in text or "lso " in text or "k/a" in text or "k.a." in text):
            t = _LINKED_BEFORE.search(text, max(0, m.start - 80), m.start)
            if t is not None and t.end() == m.start and t.start("n") not in starts:
                found.setdefault(t.group("n"), "name")
    out: list[Mention] = []
    for n, how in found.items():
        if n in names or n.lower() in comps or not _linked_name_ok(text, n, how, issuer, prefixes):
            continue
        # a quoted phrase ("API QV-387") is a label, not the code itself: a plain code stays the canonical name
        # (a clipped INN, "lovo-cel", is a nickname: the full INN stays the canonical name)
        kind = "brand" if how == "brand" else "other" if how == "clipped" else "code" if any(c.isdigit() for c in n) and " " not in n else ("inn" if n.islower() and " " not in n else "other")
        for a in _occurrences(text, n):
            out.append(Mention(a, a + len(n), n, kind, introduced=True))
    return out


def _linked_name_ok(text: str, n: str, how: str, issuer: str | None, prefixes: frozenset[str]) -> bool:
    if how == "enzyme":
        return n.split()[-1] not in _NOT_ENZYME
    if how == "brand" and (n in _NAME_STOP or n in _FRAME_STOP or len(n) < 4 or n.upper() in prefixes or (issuer and n.lower().startswith(issuer))):
        return False
    if how == "quoted" and not any(c.isdigit() for c in n):
        return False  # 'DehydraTECH (“DHT”)': a defined abbreviation, not a second drug name
    if how == "slash":
        c = CODE_RE.fullmatch(n)
        return c is not None and n.split("-")[0].upper() not in prefixes and not _YEAR.fullmatch(c.group("d2") or "")
    if len(n) < 3 or n in _NAME_STOP or n in _FRAME_STOP or n.lower() in _STOP_WORDS or n.split("-")[0].upper() in prefixes:
        return False
    if issuer and n.lower().startswith(issuer):
        return False
    if n.islower():
        return _INN_LIKE.search(n) is not None
    return not any(_COMPANY_AFTER.match(text, a + len(n)) for a in _occurrences(text, n))


# "Iomab-B" read as a drug: "Iomab-ACT" in the same release is a product of the same family
_FAMILY = re.compile(r"(?P<p>[A-Z][a-z]{3,}[A-Za-z]*)-(?P<s>[A-Z][A-Z0-9]{0,4})")


def _sibling_names(text: str, ms: list[Mention], issuer: str | None) -> list[Mention]:
    stems = {f.group("p") for m in ms if not m.comparator and m.kind in ("other", "code") and (f := _FAMILY.fullmatch(m.name))}
    stems = {p for p in stems if not (issuer and p.lower().startswith(issuer))}
    if not stems:
        return []
    names = {m.name for m in ms}
    out: list[Mention] = []
    for p in sorted(stems):
        for f in re.finditer(r"(?<![\w-])" + re.escape(p) + r"-[A-Z][A-Z0-9]{0,4}(?![\w-])", text):
            n = f.group()
            if n in names or _TRIAL_NEXT.match(text, f.end()) or _PLATFORM_NEAR.match(text, f.end()) or _COMPANY_AFTER.match(text, f.end()):
                continue
            out.append(Mention(f.start(), f.end(), n, "other", introduced=True))
    return out


_APPOSITION = re.compile(
    r",\s+(?:the\s+[Cc]ompany(?:'s|’s)|its|our|[A-Z][\w-]+(?:'s|’s|s'|s’))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:candidate|asset|compound|molecule|product|drug|program)\s*,?\s*"
)
_SLASH_COMBO = re.compile(r"\s*(?:combination|combo|regimen|doublet|triplet)\b", re.I)


def _code_variant_pairs(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """"KROS-101" / "KROS101" / "KROS 101", and "cosibelimab" / "cosibelimab-ipdl", printed in one release."""
    first: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        if m.comparator:
            continue
        if m.kind == "code":
            key = _code_key(m.name[1:] if m.name[:1].islower() else m.name)
            first.setdefault(key, {}).setdefault(m.name, m)
        elif m.kind == "inn" and " " not in m.name:
            first.setdefault(m.name.split("-")[0].lower(), {}).setdefault(m.name, m)
    pairs = []
    for forms in first.values():
        ms = list(forms.values())
        pairs += [(ms[0], x) for x in ms[1:]]
    return pairs


def _clipped_of(short: str, inn: str) -> bool:
    """"lovo-cel" of "lovotibeglogene autotemcel": the INN's own nickname, not a second product."""
    head, _, tail = short.lower().partition("-")
    low = inn.lower()
    return bool(head) and bool(tail) and low.startswith(head) and low.endswith(tail)


def find_aliases(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs of adjacent mentions that the text presents as two names of one drug."""
    pairs = []
    explicit: set[tuple[int, int]] = set()  # pairs the text links in so many words (same active ingredient, generic of)
    for a, b in zip(mentions, mentions[1:]):
        gap = re.sub(r"^(?:®|™|\(R\)|\(TM\)|TM)", "", text[a.end:b.start])  # "LUCEMYRA® (lofexidine)"
        gap = re.sub(r"\(\s*[\"“'‘]$", "(", gap)  # 'HyBryte™ ("SGX301" or ...)' 
        # "dusquetide, the company's lead candidate SGX942": an apposition of two names
        appos = len(gap) <= 80 and not (a.kind == b.kind == "code") and _APPOSITION.fullmatch(gap) is not None
        same = len(gap) <= 120 and ("ingredient" in gap or "formulation" in gap) and _SAME_INGREDIENT.fullmatch(text, a.end, b.start) is not None
        if (len(gap) > 30 and not appos and not same) or "\n\n" in gap:
            continue
        # "LP-284/STAR-002": two codes of one molecule (a program and its subsidiary's name); "velquitinib/ZT-101":
        # an INN and its code (not "X/Y combination")
        slash = gap == "/" and (
            (a.kind == b.kind == "code" and a.name.split("-")[0] != b.name.split("-")[0])
            or ({a.kind, b.kind} == {"code", "inn"} and not _SLASH_COMBO.match(text, b.end)
                and "combination" not in text[max(0, a.start - 40):a.start].lower())
        )
        if slash or appos or same or _LINK.fullmatch(gap) or re.fullmatch(r"\s*\(", gap) or re.fullmatch(r",\s*(?:also known as|or)\s+", gap):
            if a.comparator or b.comparator:
                continue
            if gap.rstrip().endswith("(") and not _PAREN_CLOSE.match(text, b.end):
                continue  # "BP1001-A (prexigebersen with enhanced ...)": a description, not a second name
            pairs.append((a, b))
            if same or "generic" in gap:
                explicit.add((a.start, b.start))
    # "Zembrace (sumatriptan injection) and Tosymra (sumatriptan nasal spray)": one ingredient of two products
    # is no alias of either (unless the text itself says so: "X is the active ingredient in Y")
    brands_of: dict[str, set[str]] = {}
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if x.kind == "inn" and y.kind != "inn" and not _clipped_of(y.name, x.name):
                brands_of.setdefault(x.name, set()).add(y.name)
    # (unless the text links the products to each other: "Palnat contains the same active ingredient as Ibrance")
    linked = {frozenset((a.name, b.name)) for a, b in pairs}
    shared = {n for n, bs in brands_of.items() if len(bs) > 1 and not all(any(frozenset((x, y)) in linked for y in bs if y != x) for x in bs)}
    if shared:
        pairs = [(a, b) for a, b in pairs if (a.start, b.start) in explicit or (a.name not in shared and b.name not in shared)]
    return pairs + _code_variant_pairs(mentions)


# ---------------------------------------------------------------- names by evidence
# A word without a code shape or WHO stem is a drug when the text uses it the way
# releases use drug names, by at least two independent cues: drug-development
# frames around it ("a Phase 2 trial of X", "X is being evaluated", "treatment
# with X", "X demonstrated", "X received Fast Track", "X, an investigational ..."),
# an INN-like ending (lower case) or an invented-brand shape (CamelCase), and the
# title naming it too. One frame and an INN-like ending suffice for a lower-case
# word; a capitalized word needs two cues beside its shape.
_W = r"(?P<x>[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]{5,}|[A-Z]{4,}|[a-z]{7,})(?:®|™|\(R\)|TM(?![A-Za-z]))?"
_FRAMES_AFTER = (  # (literal cue, kind, pattern matched at the cue)
    ("tudy ", "trial", re.compile(r"(?:[Ss]tud(?:y|ies)|[Tt]rials?) (?:of|for|evaluating|assessing|investigating|with|testing) (?:the |its |our |oral |intravenous |topical )?" + _W + r"(?![\w-])")),
    ("tudies ", "trial", re.compile(r"[Ss]tudies (?:of|for|evaluating|assessing|investigating|with|testing) (?:the |its |our |oral |intravenous |topical )?" + _W + r"(?![\w-])")),
    ("rial ", "trial", re.compile(r"[Tt]rial (?:of|for|evaluating|assessing|investigating|with|testing) (?:the |its |our |oral |intravenous |topical )?" + _W + r"(?![\w-])")),
    ("rials ", "trial", re.compile(r"[Tt]rials (?:of|for|evaluating|assessing|investigating|with|testing) (?:the |its |our |oral |intravenous |topical )?" + _W + r"(?![\w-])")),
    (" with ", "treat", re.compile(r"(?:treatment|treated|therapy|dosed|combination|patients|participants) with " + _W + r"(?![\w-])")),
    (" of ", "dose", re.compile(r"(?:dosing|doses?|administration|infusions?|injections?|efficacy|safety|tolerability|pharmacokinetics|development|approval|commerciali[sz]ation|launch) of " + _W + r"(?![\w-])")),
    ("receiving ", "treat", re.compile(r"receiving " + _W + r"(?![\w-])")),
    (" taking ", "treat", re.compile(r"(?:[Pp]atients|[Pp]articipants|[Ss]ubjects|[Pp]eople|[Cc]hildren|[Aa]dults) taking " + _W + r"(?![\w-])")),
)
_FRAMES_BEFORE = (  # (literal cue, kind, pattern searched backward: the name ends where the cue phrase begins)
    (" being ", "dev", re.compile(_W + r"(?:®|™)? (?:is|was|are|has been|is currently) being (?:evaluated|developed|studied|investigated|tested|assessed)")),
    (" demonstrat", "result", re.compile(_W + r" (?:has |have |also )?demonstrat")),
    (" showed", "result", re.compile(_W + r" (?:also )?showed")),
    (" achieved", "result", re.compile(_W + r" achieved")),
    (" successfully treated", "result", re.compile(_W + r" successfully treated")),
    (" was well tolerated", "result", re.compile(_W + r" was well tolerated")),
    (" received", "reg", re.compile(_W + r" (?:has |also )?received (?:[\w-]+ ){0,3}(?:Fast Track|Orphan|Breakthrough|Priority|Rare Pediatric|FDA|approval|[Dd]esignation|clearance)")),
    (" granted", "reg", re.compile(_W + r" (?:was|has been) granted")),
    (" approved", "reg", re.compile(r"(?:[Ii]f|[Oo]nce|[Ww]hen|[Ss]hould) " + _W + r" (?:is|be|gets|was) approved")),
    (" investigational", "appos", re.compile(_W + r", (?:an?|the|its|our) (?:[\w-]+ ){0,2}investigational")),
    (" Phase", "phase", re.compile(_W + r" (?:is|was|entered|entering|completed|has completed|advanced|advances|moves) (?:now |currently )?(?:in|into|through)? ?(?:a |the |its |an )?(?:[\w-]+ ){0,2}Phase")),
    (" Phase", "phase", re.compile(_W + r" (?:Phase|phase) (?:[1-3I]{1,3}[ab]?|I{1,3}[ab]?)\b")),
)
# a lower-case word that ends like a nonproprietary name (strict: no English-heavy endings)
_INN_MORPH = re.compile(
    r"(?:mab|[a-z]{2}nib|lisib|[a-z]tap|stat|tide|[a-z]{3}cept|parin|pril|sartan|olol|azole|cillin|mycin|[a-z]{3}vir|siran|rsen|[a-z]{3}sen|gepant|pitant|afil"
    r"|xaban|gliptin|gliflozin|tinib|zumab|ximab|umab|ciclib|parib|rafenib|degib|floxacin|triptan|dronate|setron|vastatin|glutide|relix|kinra|bart|orep|tug|prant|imod)$"
)
_CONTEXT_STOP = re.compile(r"\b(?:approved|marketed|standard of care|such as|including|like|versus|compared)\b")
_TITLE_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{7,}(?![\w-])")
_DEV_CONTEXT = re.compile(r"\b(?:[Pp]hase|[Tt]rials?|[Cc]linical|patients|therap(?:y|ies|eutic)|treatment|FDA|drug|candidate|doses?|dosing|investigational)\b")
_INN_MORPH_ENDS = tuple(
    "mab nib sib tap stat tide cept parin pril sartan olol azole cillin mycin vir siran sen gepant pitant afil xaban gliptin "
    "gliflozin floxacin triptan dronate setron relix kinra bart orep tug prant imod".split()
)
_ENDS_INN_MORPH = methodcaller("endswith", _INN_MORPH_ENDS)
# words right before an "after" cue ("dosing of", "treated with"): a cheap test before the pattern
_FRAME_PRE = {
    " with ": ("treatment", "treated", "therapy", "dosed", "combination", "patients", "participants"),
    " of ": ("dosing", "dose", "doses", "administration", "infusion", "infusions", "injection", "injections", "efficacy", "safety",
             "tolerability", "pharmacokinetics", "development", "approval", "commercialization", "commercialisation", "launch"),
}
# the first letter of a name after a cue (names start with a letter; "of 2025" and "with 12" do not)
_FRAME_NEXT = tuple("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ENGLISH_MORPH = frozenset(
    "peptide polypeptide dipeptide tripeptide nucleotide oligonucleotide neuropeptide concept intercept precept transcept thermostat rheostat hemostat riptide yuletide undercut mishap handicap "
    "workshop chosen unchosen flaxseen".split()
)
_FRAME_STOP = frozenset(
    "placebo standard chemotherapy radiation radiotherapy surgery vehicle control either another multiple single several "
    "patients participants subjects healthy volunteers adults children adolescents women people individuals "
    "company companies partner investors management medicine medicines products product programs program pipeline "
    "therapies treatments drugs compounds candidates vaccines molecules antibodies agents options approaches "
    "results findings analysis interim topline clinical preclinical additional further potential novel proprietary "
    "following primary secondary overall positive negative significant statistically promising encouraging "
    "Company Companies Results Findings Patients Participants Treatment Therapy Therapies Data Analysis Investors Management "
    "Research Science Sciences Medicine Medicines Pharma Pharmaceuticals Therapeutics Biotech Biosciences Holdings "
    "January February March April June July August September October November December Monday Tuesday Wednesday Thursday Friday "
    "Additionally Furthermore Moreover Meanwhile However Importantly Notably Overall Previously Recently Together "
    "America American Canada Canadian Europe European Australia Australian Japan Japanese China Chinese Germany Israel "
    "Health Healthcare Hospital University Institute Center Centre Foundation Society Association Council Agency Administration "
    "Preclinical Clinical Pivotal Interim Topline Primary Secondary Positive Negative Additional Further Phase Study Trial "
    "PATIENTS RESULTS STUDY TRIAL PHASE CLINICAL TREATMENT THERAPY DATA FDA EMA NASDAQ NYSE".split()
)
_FRAME_CUES = tuple(c for c, _k, _r in _FRAMES_AFTER + _FRAMES_BEFORE)
_CAMEL = re.compile(r"[a-z][A-Z]")
_ORG_NEXT = re.compile(r"(?:®|™)?,? (?:is )?(?:a|an|the|its|our) (?:[\w$.-]+ ){0,5}?(?:joint venture|company|subsidiary|unit|division|firm|startup|organization|institute|hospital|university|foundation|provider|laboratory|lab|CRO)\b")
_TRIAL_NEXT = re.compile(r"(?:®|™)?[ \t]+(?:\([^)]{0,20}\)[ \t]+)?(?:(?:[Pp]hase \w+|[\w-]+) ){0,3}?(?:[Tt]rials?|[Ss]tud(?:y|ies)|TRIALS?|STUDY|[Pp]rogram|[Cc]ohort|[Rr]egistry)\b")


def _framed_names(text: str, issuer: str | None, prefixes: frozenset[str], comps, words7=()) -> dict[str, str]:
    """Names the text uses as drugs, by two independent cues (see above)."""
    cues: dict[str, set[str]] = {}
    # a lower-case INN-like word in a sentence about development ("bringing buntanetap to patients" after
    # "its pivotal Phase 3 trial"): the ending and the context are the two cues
    # (the first two tests through filter()/map(), no Python step per word: a release has hundreds)
    lower_words = list(filter(str.islower, words7))
    for w in compress(lower_words, map(_ENDS_INN_MORPH, lower_words)):
        if _INN_MORPH.search(w) and w not in _ENGLISH_MORPH:
            for a in _occurrences(text, w):
                if text.startswith("-", a + len(w)):
                    continue  # "clarithromycin-based therapies": a class of regimens
                s0 = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
                if text.rfind("(", s0, a) > text.rfind(")", s0, a):
                    continue  # "Brand (omeprazole, amoxicillin and rifabutin)": a component
                if _CONTEXT_STOP.search(text, s0, a):
                    continue
                e0 = text.find(". ", a)
                if _DEV_CONTEXT.search(text, s0, e0 if e0 >= 0 else len(text)):
                    cues.setdefault(w, set()).add("context")
                    break
    for cue, kind, rx in _FRAMES_AFTER:
        i = text.find(cue)
        pre = _FRAME_PRE.get(cue)
        while i >= 0:
            if pre is not None and not text.endswith(pre, max(0, i - 16), i):
                i = text.find(cue, i + len(cue))
                continue  # cheap test of the word before the cue
            if cue[-1] == " " and not text.startswith(_FRAME_NEXT, i + len(cue)):
                i = text.find(cue, i + len(cue))
                continue
            m = rx.search(text, max(0, i - 20), i + len(cue) + 60)
            if m is not None and m.start() <= i + len(cue) and m.end("x") > i:
                cues.setdefault(m.group("x"), set()).add(kind)
            i = text.find(cue, i + len(cue))
    for cue, kind, rx in _FRAMES_BEFORE:
        i = text.find(cue)
        while i >= 0:
            lo = max(0, i - 40)
            for m in rx.finditer(text, lo, i + len(cue) + 60):
                if m.end("x") <= i + 1 and m.end("x") >= i - 25 and m.end() > i:
                    cues.setdefault(m.group("x"), set()).add(kind)
            i = text.find(cue, i + len(cue))
    title_end = text.find("\n")
    title = text[:title_end] if 0 < title_end < 300 else ""
    # a title in Title Case names the drug with a capital ("Quenta Advances Velunotap in Phase 3"): an
    # INN-like word there, in a title that speaks of development, is the lower-case name
    if title and _DEV_CONTEXT.search(title):
        for w in _TITLE_WORD.findall(title):
            lw = w.lower()
            if lw.endswith(_INN_MORPH_ENDS) and _INN_MORPH.search(lw) and lw not in _ENGLISH_MORPH and not _NOT_INTRODUCED.search(lw):
                cues.setdefault(lw, set()).add("title")
    if not cues:
        return {}
    out: dict[str, str] = {}
    for x, kinds in list(cues.items()):
        if x.endswith("TM") and x[-3:-2].islower():
            x = x[:-2]  # "HyBryteTM": a trademark sign glued to the name
        if x in _FRAME_STOP or x.lower() in _STOP_WORDS or x.lower() in comps or x in _NAME_STOP or x.lower() in _FRAME_STOP:
            continue
        lower = x.islower()
        occ = _occurrences(text, x)
        n_cues = len(kinds)
        if lower:
            if not _INN_MORPH.search(x) or x in _ENGLISH_MORPH or _NOT_INTRODUCED.search(x) or _DISEASE_WORD.search(x) or x in _POSSESSIVE_STOP:
                continue
            n_cues += 1  # the INN-like ending
        else:
            if x.upper() in prefixes or _DISEASE_WORD.search(x) or (issuer and (x.lower().startswith(issuer) or issuer.startswith(x.lower()))):
                continue
            if _occurrences(text, x.lower()) or (x.isupper() and _occurrences(text, x[:1] + x[1:].lower())):
                continue  # also printed as an ordinary word: English ("Treatment", "Omega")
            if not _CAMEL.search(x) and _NOT_INTRODUCED.search(x.lower()):
                continue
            if x.lower() in _DISEASE_NAMES() or any(_POSSESSIVE_DISEASE.match(text, a + len(x)) for a in occ):
                continue  # "treatment for Measles", "Parkinson's disease"
            if x.isupper() and (len(x) < 5 or x in _ABBREV_STOP()):
                continue
            if any(_TRIAL_NEXT.match(text, a + len(x)) for a in occ):
                continue  # a trial's name ("the GlenHTN Phase 2 clinical trial") or a platform ("DehydraTECH technology")
            if x.lower() in _PLATFORM_WORDS or any(_PLATFORM_NEAR.match(text, _skip_mark(text, a + len(x))) for a in occ):
                continue
            bad = sum(1 for a in occ if _COMPANY_AFTER.match(text, _skip_mark(text, a + len(x))) or _PLATFORM_AFTER.match(text, _skip_mark(text, a + len(x)))
                      or _capital_before(text, a))
            if bad * 2 >= len(occ):
                continue  # mostly a company, a platform or a word of a longer name
            if any(_DEVICE_NEAR.match(text, a + len(x)) or _ORG_NEXT.match(text, a + len(x)) for a in occ):
                continue
        if not lower and len(occ) > 1 and any(text.startswith(("®", "™"), a + len(x)) for a in occ):
            n_cues += 1  # "a phase 1 trial of JOVREL" and "JOVREL™": a trademarked name the text studies
        if lower and title and x in title and len(occ) > 1:
            n_cues += 1  # the title names it too
        if n_cues >= 2:
            out[x] = "inn" if lower else "other"
    return out


_POSSESSIVE_DISEASE = re.compile(r"(?:'s|’s|s)? (?:disease|syndrome|disorder)\b")
_PLATFORM_WORDS = frozenset("platform technology system device".split())
_PLATFORM_NEAR = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:platform|technology|system|device|process)\b", re.I)


@lru_cache(maxsize=1)
def _DISEASE_NAMES() -> frozenset[str]:
    return frozenset(c.lower() for c, _a, _l, _r in vocab.indications()) | frozenset(
        "measles mpox influenza smallpox covid parkinson alzheimer huntington crohn behcet cancer".split())


_FUNCTION_CAPS = frozenset("If Once When Should After Before While With For The A An In On At By Of To And Or But As That This Its Our Their".split())


def _capital_before(text: str, a: int) -> bool:
    """``text[a:]`` continues a capitalized multi-word name ("Sigyn Therapy"), not a sentence's "If"."""
    m = _CAPITAL_BEFORE.search(text, max(0, a - 30), a)
    if m is None:
        return False
    w = m.group().split()[0]
    return w not in _FUNCTION_CAPS and text[m.start() - 2:m.start()] not in (". ", "") and text[m.start() - 1:m.start()] != "\n"


@lru_cache(maxsize=1)
def _ABBREV_STOP() -> frozenset[str]:
    from pipelines.drugs import attributes
    return frozenset(a.upper() for a in attributes.all_abbreviations())
