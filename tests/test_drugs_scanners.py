"""The fast scanners (per-first-character dispatch, the INN regex without backtracking)
find exactly what the plain regexes find."""

import re

from pipelines.drugs import attributes, names, vocab

_TEXTS = [
    "Patients with non-small cell lung cancer (NSCLC) and metastatic breast cancer; HER2-positive tumors.",
    "A Phase 2 trial in early Parkinson's disease, Parkinson’s disease and knee osteoarthritis (OA).",
    "KELVIN \u212a test: μ-opioid receptor agonist, mu-opioid receptor, CD19, BCMA-targeting, folate receptor alpha.",
    "lorvotuzumab mertansine, Trastuzumab-DM1, pembrolizumab, sotatercept, Hydronidone, xmab, abcdmab.",
    "(?:relapsed or refractory) T-cell lymphoma, soft-tissue sarcomas, high blood pressure, pink eye.",
    "",
    "ß ſ İ ı — “quoted” Über-therapy, café, naïve résumé; ÅBC-123 ÆDM mab-mab",
]


def _spans(it):
    return [(m.span(), m.lastgroup, m.group()) for m in it]


def _corpus_texts():
    out = list(_TEXTS)
    for s in list(_TEXTS):
        out.append(s.upper())
        out.append(s.lower())
    return out


def test_indication_dispatch_matches_plain_scanner():
    long_re = vocab.indication_scanners()[0]
    for text in _corpus_texts():
        for a in range(0, len(text), 7):
            for b in (len(text), a + 40):
                b = min(b, len(text))
                assert _spans(attributes._long_matches(long_re, text, a, b)) == _spans(long_re.finditer(text, a, b))


def test_target_dispatch_matches_plain_scanner():
    rx = vocab.targets()[1]
    for text in _corpus_texts():
        for a in range(0, len(text), 5):
            b = len(text)
            assert _spans(attributes._dispatched(rx, vocab.target_dispatch(), text, a, b)) == _spans(rx.finditer(text, a, b))


def test_first_chars():
    assert vocab._first_chars(r"(?<![\w-])(?:(?:ab)?c|d)", re.I) == frozenset("aAcCdD")
    assert vocab._first_chars(r"\w+", 0) is None
    assert vocab._first_chars(r"(?:x)?", 0) is None
    assert vocab._first_chars("\u212a", re.I) is None
    assert vocab.indication_long_by_first() is not None
    assert vocab.target_dispatch() is not None


def test_inn_regex_matches_reference():
    fast, ref = names._inn_re(), names._inn_re_reference()
    for text in _corpus_texts():
        got = [(m.span(), m.group("w"), m.group("conj")) for m in fast.finditer(text)]
        want = [(m.span(), m.group("w"), m.group("conj")) for m in ref.finditer(text)]
        assert got == want
