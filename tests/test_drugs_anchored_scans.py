"""The anchored scans of pipelines.drugs find exactly what the plain regex scans find."""

import re

from pipelines.drugs import names
from pipelines.drugs.text import anchored_finditer, literal_prefixes

TEXT = (
    "Zorvanti Bio (Nasdaq: ZRVB) said its lead product candidate, ZRV-101, an oral small molecule inhibitor, "
    "entered a Phase 2 trial of ZRV-101 in adults; the drug candidate QUX-7 and KLM-12A are preclinical compounds. "
    "A pro-drug, anti-drug antibodies and the MELODY-2 study were also named. Designation for ZRV-101 was granted, "
    "with approval of Velunotap expected. HER-2 cells, ABCDEFG-3 and X-1 are not short codes; LPH-5 is a candidate.\n"
    "Its immunotherapy, an eye drop formulation, and a fixed-dose combination therapy (GLP-1) are studied."
)


def spans(ms):
    return [m.span() for m in ms]


def test_literal_prefixes_drop_words_another_one_starts():
    assert literal_prefixes(("drug candidate", "drug", "drugs", "candidate")) == ("drug", "candidate")


def test_anchored_finditer_matches_finditer_on_the_heads():
    got = spans(anchored_finditer(names._HEAD_FIND, TEXT, names._HEAD_ANCHORS))
    assert got == spans(names._HEAD_FIND.finditer(TEXT))
    assert [TEXT[a:b] for a, b in got][:4] == ["product candidate", "small molecule", "inhibitor", "drug candidate"]


def test_anchored_finditer_matches_finditer_on_the_cues():
    assert spans(anchored_finditer(names._CUE_FIND, TEXT, names._CUE_ANCHORS)) == spans(names._CUE_FIND.finditer(TEXT))
    assert spans(anchored_finditer(names._INTRO_REG, TEXT, names._INTRO_REG_ANCHORS)) == spans(names._INTRO_REG.finditer(TEXT))


def test_anchored_finditer_resumes_after_each_match():
    rx = re.compile(r"ab(?:ab)*")
    assert spans(anchored_finditer(rx, "xababab ab", ("ab",))) == [(1, 7), (8, 10)]


def test_short_code_scan_matches_finditer():
    got = [m.group() for m in names._short_code_matches(TEXT)]
    assert got == [m.group() for m in names._SHORT_CODE.finditer(TEXT)]
    assert got == ["QUX-7", "KLM-12A", "MELODY-2", "HER-2", "LPH-5", "GLP-1"]


BRANDS = (
    "Quenvira® (velunotap) and KORLYX® (zandotinib) are approved; Miravent(R) and Tessa-Lumo™ are marketed. "
    "Pellix [®] no, Pellix[®] yes, Dorvex (®) and Dorvex(®) too, AlphaTM and OmegaTM-based ATMosphere®; "
    "under_score® and ABC® (nope) and ZENTRAX® (ravulimab) and snake_Case(TM) and Halvio(TM)."
)


def test_brand_scan_matches_finditer():
    got = [m.group() for m in names._brand_matches(BRANDS)]
    assert got == [m.group() for m in names.BRAND_RE.finditer(BRANDS)]
    assert got[:4] == ["Quenvira®", "KORLYX®", "Miravent(R)", "Tessa-Lumo™"]
    assert "Dorvex (®)" in got and "Pellix[®]" in got and "Halvio(TM)" in got and "ZENTRAX®" in got


def test_code_prefilter_is_the_plain_pattern():
    plain = re.compile(r"[A-Z][A-Za-z]{0,5}[ \t-]?\d")
    text = "ZRV-101, Abcdefgh12, KROS 101, Q3 2025, Lucid-21-302, BAY 94-9343 and T-DM1 at 10-K"
    assert [m.span() for m in names._CODE_PRE.finditer(text)] == [m.span() for m in plain.finditer(text)]
