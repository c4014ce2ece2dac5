"""Normalize a release's decoded text into the text every extractor reads.

Conventions the other stages rely on (all fact offsets index this text):

* the text starts with the headline line; paragraphs are separated by exactly
  one blank line; no trailing spaces;
* a table row is one line with its cells separated by TAB (empty cells kept);
  consecutive rows of a table stay on consecutive lines; every other line is a
  paragraph of its own;
* hard-wrapped prose (PDF/OCR text) is joined back into one line per paragraph;
* typography is plain ASCII where it carries no meaning (quotes, dashes,
  ellipsis, odd spaces) but ® and ™ are kept;
* markdown residue and the archive's link trailer are removed, and a few OCR
  slips are repaired by general rules (see ``pipelines.text_ocr``).

``clean_text`` is idempotent and deterministic.
"""

from __future__ import annotations

import html
import re
import unicodedata

from pipelines.text_pages import split_form_feed_pages
from pipelines.text_ocr import fix_ocr_slips
from pipelines.text_wrap import join_wrapped_lines

# Single-character typography. Applied as "if ch in text: replace" per
# character: both are C-level scans, measured faster here than one regex
# with a callback or str.translate (which looks up every character).
CHAR_REPLACEMENTS = {
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f", ""),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d", "-"),
    "\u2026": "...",
    "\u000b": "\n",
    "\u000c": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\uff1a": ":",
}
# Entities left in markdown exports ("Parker &amp; McConkie", "&#8217;").
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
CHAR_REPLACEMENT_ITEMS = tuple(CHAR_REPLACEMENTS.items())
# No replacement holds a character that is replaced, so the order of the
# replacements does not matter. The common marks and those below U+0100 are
# tested first; once they are gone, a text that fits in Latin-1 can hold none
# of the rest, which spares testing them one by one (some, such as U+3000,
# are slow to look for in a two-byte string).
COMMON_WIDE_MARKS = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026")
FIRST_REPLACEMENTS = tuple((c, r) for c, r in CHAR_REPLACEMENT_ITEMS if ord(c) < 0x100 or c in COMMON_WIDE_MARKS)
RARE_REPLACEMENTS = tuple((c, r) for c, r in CHAR_REPLACEMENT_ITEMS if ord(c) >= 0x100 and c not in COMMON_WIDE_MARKS)

# The archive appends a "---" rule and then only link lines (source, TLDR,
# Reddit, "Pickup - ", a QR image); none of it is the release.
# A link may be wrapped over lines ("[Original/Source Press\nRelease](...)").
TRAILER_LINK = r"!?\[[^\]]*\]\([^)]*\)"
TRAILER_LINE = rf"(?:{TRAILER_LINK}|Pickup -[ \t]*(?:{TRAILER_LINK}|[^\n]*))"
TRAILER = re.compile(rf"[ \t]*(?:-{{3,}}|\*{{3,}}|_{{3,}})[ \t]*\n(?:[ \t]*\n|[ \t]*{TRAILER_LINE}[ \t]*(?:\n|\Z))*")

# Line-start patterns match after a "\n": clean_text works on "\n" + text so
# the first line is covered, and a literal first character keeps re fast.
MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
MD_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
MD_BRACKETED_MARK = re.compile(r"\[([®™©])\]")
ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+|www\.[^>\s]+|[\w.+-]+@[\w-]+\.[\w.-]+)>")
# Bold text must not start or end with a marker character, so rules such as
# "_____" are not read as bold around an underscore.
MD_BOLD = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
MD_STRAY_EMPHASIS = re.compile(r"\*\*\**")
# A doubled backslash is left alone: unescaping it would expose a new escape
# to the next pass and break idempotence.
MD_ESCAPE = re.compile(r"(?<!\\)\\([`*_{}\[\]()#+\-.!$|>~<])")
MD_HEADING = re.compile(r"\n[ \t]*#{1,6}(?:[ \t]+#{1,6})*[ \t]+")
MD_RULE = re.compile(r"\n[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})(?=\n|$)")
TRADEMARK = re.compile(r"\((R|TM)\)")
TRADEMARK_SIGN = {"R": "®", "TM": "™"}

BLANK_LINES = re.compile(r"\n[ \t]+(?=\n)")
BULLET = re.compile(r"\n[ \t]*(?:[•▪◦●■◆►▸‣⁃∙·○□➢✓✔]|\*(?=[ \t]))[ \t]*(?=[^\s])")
# Spaces padding a table cell ("Revenue \t $ 1,200").
CELL_PADDING = re.compile(r" *\t *")
# Two literal spaces first: re then skips single spaces (most of them)
# without trying a match at each.
SPACE_RUN = re.compile(r"   *")
# Bullets that a PDF export ran into the previous item's line: "... in
# December. • Roche expects ...".
INLINE_BULLET_MARKS = "•▪◦●■"
INLINE_BULLET = re.compile(r"(?<=[.;!?]) [•▪◦●■] +(?=\S)")
MANY_NEWLINES = re.compile(r"\n\n\n+")
# Literal tests: a compiled regex finds a short literal faster than "in" does
# in release text (measured), so the gates below use these.
THREE_NEWLINES = re.compile(r"\n\n\n")
DOUBLE_NEWLINE = re.compile(r"\n\n")
LINK_OPEN = re.compile(r"\]\(")
DOUBLE_STAR = re.compile(r"\*\*")
DOUBLE_UNDERSCORE = re.compile(r"__")
TRIPLE_DASH = re.compile(r"---")
TRIPLE_STAR = re.compile(r"\*\*\*")
TRIPLE_UNDERSCORE = re.compile(r"___")
SINGLE_NEWLINE = re.compile(r"\n(?!\n)(?<=[^\n]\n)")

# A paragraph that stops mid-sentence (page break, stray blank line in a PDF
# export) continues in the next one when that starts in lower case and is
# itself prose (not a lone "or" in a contact block).
PARAGRAPH_BREAK_BEFORE_LOWER = re.compile(r"\n\n(?!https?:|www\.)(?=[a-z][^\n\t]{15})")
MIN_BROKEN_LINE = 40

# Banner lines that precede the headline of many releases.
# Only the banner itself, or the banner and a date ("Embargoed until 8 a.m.
# ET, June 3, 2025"), so a headline such as "Press Release Market Grows" stays.
RELEASE_BANNER = re.compile(
    r"(?i:for immediate release|immediate release|press release|news release|media release|"
    r"for release|embargoed|under embargo)(?:[^\n]{0,40}?(?:19|20)\d\d)?[ .:]*\n\n"
)
# A tab that only indents a prose line (not a table row, which has more tabs).
INDENT_TAB = re.compile(r"\n\t+(?=[^\t\n]{60,}(?:\n|$))")


def clean_text(raw: str) -> str:
    text, was_wrapped = _clean(raw)
    if was_wrapped or LINK_OPEN.search(text):
        # Markdown that was wrapped too ("[Original/Source Press\nRelease](...)")
        # is whole only once its lines are joined: clean the joined text again
        # until nothing changes, so that cleaning stays idempotent.
        for _ in range(MAX_REPASSES):
            again, _ = _clean(text)
            if again == text:
                break
            text = again
    return text


MAX_REPASSES = 3


def _clean(raw: str) -> tuple[str, bool]:
    if not raw:
        return "", False
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    if "\f" in text:
        text = split_form_feed_pages(text)  # pdftotext's pages
    text = _drop_trailer(text)
    if "&" in text:
        text = HTML_ENTITY.sub(_unescape_entity, text)
    if not text.isascii():
        text, latin1 = _plain_typography(text)
        # Latin-1 holds no combining mark: such a text is always NFC.
        if not latin1 and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    text = _tidy_spaces(_strip_markdown("\n" + text))
    # One regex search (literal "(" first) is cheaper than two substring scans.
    if TRADEMARK.search(text):
        text = TRADEMARK.sub(_trademark, text)
    # An upper bound; findall counts "\n\n" as count() does, only faster.
    single_newlines = text.count("\n") - 2 * len(DOUBLE_NEWLINE.findall(text))
    text, was_wrapped = join_wrapped_lines(text, single_newlines)
    # Bullets run into a line are split off after the wrap is undone: the
    # layout broke the whole printed line, not the item that starts inside it.
    if not text.isascii() and ("•" in text or "▪" in text or "◦" in text or "●" in text or "■" in text):
        text, split = INLINE_BULLET.subn("\n- ", text)
        single_newlines += split
    if THREE_NEWLINES.search(text):
        text = MANY_NEWLINES.sub("\n\n", text)
    if single_newlines > 0:
        text = SINGLE_NEWLINE.sub(_newline_between if "\t" in text else "\n\n", text)
    text = _join_broken_paragraphs(text)
    text = fix_ocr_slips(text, was_wrapped)
    return _drop_release_banner(text.strip("\n ")), was_wrapped


def _drop_release_banner(text: str) -> str:
    # "FOR IMMEDIATE RELEASE" above the headline would otherwise be taken for it.
    while True:
        m = RELEASE_BANNER.match(text)
        if not m or m.end() >= len(text):
            return text
        text = text[m.end():]


def _drop_trailer(text: str) -> str:
    # Only the last rule of the text can open the trailer; checking it with
    # fullmatch avoids scanning the whole text with a regex.
    rule = text.rfind("\n---")
    if rule < 0:
        rule = max(text.rfind("\n***") if "*" in text else -1, text.rfind("\n___") if "_" in text else -1)
    if rule >= 0 and TRAILER.fullmatch(text, rule + 1):
        return text[:rule + 1]
    return text


def _unescape_entity(m: re.Match) -> str:
    return html.unescape(m.group(0))


def _replace_typography(text: str) -> str:
    return _plain_typography(text)[0]


def _plain_typography(text: str) -> tuple[str, bool]:
    """Plain typography, stored one byte a character when it fits, and
    whether it fits in Latin-1."""
    for char, replacement in FIRST_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    try:
        return text.encode("latin-1").decode("latin-1"), True
    except UnicodeEncodeError:
        pass
    for char, replacement in RARE_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    narrow = _narrow(text)
    return narrow, narrow is not text


def _narrow(text: str) -> str:
    """The same text stored one byte a character when it fits: once the
    typography is plain, most releases do, and every later scan is faster."""
    try:
        return text.encode("latin-1").decode("latin-1")
    except UnicodeEncodeError:
        return text


def _trademark(m: re.Match) -> str:
    start = m.start()
    # Only a mark written right after a word ("Afinitor(R)"), not "(R)" alone.
    if start and (m.string[start - 1].isalnum() or m.string[start - 1] == "."):
        return TRADEMARK_SIGN[m.group(1)]
    return m.group(0)


def _strip_markdown(text: str) -> str:
    # Each rule is gated by a one-character test first: a single-character
    # "in" is a memchr, many times cheaper than a multi-character search.
    # Escapes go first, so that what they reveal ("\*\*", "\[x\](u)") is
    # handled in this same pass and a second pass finds nothing to do.
    if "\\" in text:
        text = MD_ESCAPE.sub(r"\1", text)
    if "]" in text and LINK_OPEN.search(text):
        text = MD_IMAGE.sub("", text)
        text = MD_LINK.sub(r"\1", text)
    if "[" in text:
        text = MD_BRACKETED_MARK.sub(r"\1", text)
    if "<" in text:
        text = ANGLE_URL.sub(r"\1", text)
    if ("*" in text and DOUBLE_STAR.search(text)) or ("_" in text and DOUBLE_UNDERSCORE.search(text)):
        text = MD_BOLD.sub(r"\2", text)
        text = MD_STRAY_EMPHASIS.sub("", text)
    if "#" in text:
        text = MD_HEADING.sub("\n", text)
    # Bullets before rules: "* ---" becomes "- ---", itself a rule. In ASCII
    # text only "*" can be a bullet mark.
    if "*" in text or not text.isascii():
        text = BULLET.sub("\n- ", text)
    if (("-" in text and TRIPLE_DASH.search(text)) or ("*" in text and TRIPLE_STAR.search(text))
            or ("_" in text and TRIPLE_UNDERSCORE.search(text))):
        text = MD_RULE.sub("\n", text)
    return text


def _strip_lines(text: str) -> str:
    # One split/strip pass is cheaper than whole-text regexes; tabs are kept
    # because they separate table cells, empty ones included.
    return "\n".join([line.strip(" ") for line in text.split("\n")])


def _tidy_spaces(text: str) -> str:
    text = _strip_lines(text)
    if "\t" in text:
        text = CELL_PADDING.sub("\t", text)
        text = BLANK_LINES.sub("\n", text)
        text = INDENT_TAB.sub("\n", text)
    # One regex pass collapses every run of spaces; it measured faster than
    # repeated "in" + replace passes. Most texts have no run left once lines
    # are stripped, and "in" rules them out faster than the regex scan does
    # (a space, its first character, is everywhere).
    return SPACE_RUN.sub(" ", text) if "  " in text else text


def _newline_between(m: re.Match) -> str:
    """Keep a single newline only between two table rows; else start a paragraph."""
    s = m.string
    pos = m.start()
    prev_start = s.rfind("\n", 0, pos) + 1
    next_end = s.find("\n", pos + 1)
    if next_end < 0:
        next_end = len(s)
    if "\t" in s[prev_start:pos] and "\t" in s[pos + 1:next_end]:
        return "\n"
    return "\n\n"


def _join_broken_paragraphs(text: str) -> str:
    # A join can lengthen the previous line past the threshold for the next
    # break, so repeat until stable (idempotence); usually one pass.
    while True:
        joined = PARAGRAPH_BREAK_BEFORE_LOWER.sub(_join_broken_paragraph, text)
        if joined == text:
            return text
        text = joined


def _join_broken_paragraph(m: re.Match) -> str:
    s = m.string
    pos = m.start()
    prev_start = s.rfind("\n", 0, pos) + 1
    previous = s[prev_start:pos]
    if len(previous) >= MIN_BROKEN_LINE and previous[-1] in ABC_COMMA and "\t" not in previous:
        return " "
    return m.group(0)


ABC_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")
