"""HTML to plain text in the shape the cleaner expects.

Block elements become paragraphs separated by a blank line; each table row
becomes one line with its cells joined by TAB, rows of a table on consecutive
lines, so tables survive as rows the financial extractors can read. The page
title (or first <h1>) is put first because every later stage takes the first
line as the headline.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Content that is never part of the release text. <nav> is menus; <footer> is
# kept because releases often put contacts there.
DROPPED = frozenset({"script", "style", "noscript", "head", "template", "iframe", "svg", "nav", "form", "button"})
BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "blockquote", "header", "footer", "main", "aside", "pre",
    "figure", "figcaption", "address", "center", "hr", "caption", "body", "html",
})
CELLS = frozenset({"td", "th"})
MAX_BLOCKS_BEFORE_HEADLINE = 6
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")

# A wire's web page wraps the release in site chrome: cookie banners, share
# bars, breadcrumbs and "related news" lists naming other companies' drugs and
# figures. Such elements are recognised by their ARIA role or a class/id word.
CHROME_ROLES = frozenset({"navigation", "banner", "complementary", "search", "dialog", "alertdialog"})
CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|breadcrumbs?|related|recommended|trending|popular"
    r"|sidebar|newsletter|subscribe|subscription|advert\w*|ads?|promo\w*|modal|popup|navbar|menu|masthead"
    r"|comments?|disqus|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
# An element named like chrome that holds this much of the page is the page
# ("article social-enabled"), not chrome around it.
MAX_CHROME_SHARE = 0.25


def html_to_text(markup: str) -> str:
    if not markup.strip():
        return ""
    # lxml refuses str input that carries an XML encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    root = lxml.html.document_fromstring(markup)
    title = _title(root)
    out = _BlockWriter()
    body = root.find("body")
    body = body if body is not None else root
    _prune_chrome(body)
    _walk(body, out)
    blocks = out.finish()
    if title:
        # The headline usually repeats as the page's <h1>: keep one copy, first.
        if title in blocks[:MAX_BLOCKS_BEFORE_HEADLINE]:
            blocks.remove(title)
        blocks.insert(0, title)
    return "\n\n".join(blocks) + "\n"


def _title(root) -> str | None:
    """The headline: the <title>, unless the first <h1> is the same headline
    without the site name a <title> often carries ("Headline | Acme Inc.")."""
    title = _text_of(root.find(".//title"))
    h1 = _text_of(root.find(".//h1"))
    if h1 and (not title or h1 in title):
        return h1
    return title or None


def _prune_chrome(body) -> None:
    """Drop site chrome around the release; the release itself stays whole.

    An <aside> or <header> is chrome only outside the release's <article> or
    <main> (inside, it is the release's own highlights box or headline). Nothing that holds the
    <h1> or a quarter of the page's text is dropped, whatever it is called.
    """
    total = len(_squash(body.text_content())) or 1
    doomed = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        kind = _chrome_kind(el)
        if kind and not _holds_release(el, total, named_only=kind == "named"):
            doomed.append(el)
    for el in doomed:
        el.drop_tree()  # keeps the tail text, which belongs to the parent


def _chrome_kind(el) -> str | None:
    """"tag" or "role" when the markup says chrome, "named" when only a class or id does."""
    tag = el.tag.lower()
    if tag in ("aside", "header"):
        inside = any(isinstance(a.tag, str) and a.tag.lower() in ("article", "main") for a in el.iterancestors())
        return None if inside else "tag"
    if (el.get("role") or "").lower() in CHROME_ROLES:
        return "role"
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return "named" if names.strip() and CHROME_WORDS.search(names) else None


def _holds_release(el, total: int, named_only: bool) -> bool:
    if el.find(".//h1") is not None or el.tag.lower() in ("article", "main", "table", "tr", "td", "th"):
        return True
    # A class word is a weak sign: a big element so named is the page itself.
    return named_only and len(_squash(el.text_content())) > MAX_CHROME_SHARE * total


def _text_of(el) -> str:
    return _squash(el.text_content()) if el is not None else ""


def _squash(text: str) -> str:
    return SPACES.sub(" ", text).strip()


class _BlockWriter:
    """Collects inline text into the current paragraph; blocks flush it."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[str] = []

    def text(self, s: str | None) -> None:
        if s:
            self.inline.append(s)

    def flush(self) -> None:
        if self.inline:
            paragraph = _squash("".join(self.inline))
            self.inline = []
            if paragraph:
                self.blocks.append(paragraph)

    def block(self, text: str) -> None:
        self.flush()
        if text.strip():
            self.blocks.append(text)

    def finish(self) -> list[str]:
        self.flush()
        return self.blocks


def _walk(el, out: _BlockWriter) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None:  # comment or processing instruction: only its tail is text
            out.text(child.tail)
            continue
        tag = tag.lower()
        if tag in DROPPED:
            pass
        elif tag == "table":
            out.block(_table_text(child))
        elif tag == "br":
            out.flush()
        elif tag in BLOCKS:
            out.flush()
            out.text(child.text)
            _walk(child, out)
            out.flush()
        else:
            out.text(child.text)
            _walk(child, out)
        out.text(child.tail)


def _table_text(table) -> str:
    rows = []
    for tr in table.iter("tr"):
        # Rows of nested tables are reached by iter() too; only own rows count.
        if _nearest_table(tr) is not table:
            continue
        cells = []
        for cell in tr:
            if isinstance(cell.tag, str) and cell.tag.lower() in CELLS:
                # A spanning cell is written once, followed by empty cells so
                # the row keeps its column count (and stays a TAB row).
                cells.append(_squash(_cell_text(cell)))
                cells.extend([""] * (_colspan(cell) - 1))
        if any(cells):
            rows.append("\t".join(cells))
    caption = table.find("caption")
    if caption is not None and _squash(caption.text_content()):
        return _squash(caption.text_content()) + "\n\n" + "\n".join(rows)
    return "\n".join(rows)


def _colspan(cell) -> int:
    try:
        return max(1, min(int(cell.get("colspan", "1")), 50))
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    # <br> inside a cell separates words, it must not glue them together.
    parts = []
    for node in cell.iter():
        if node is not cell and isinstance(node.tag, str) and node.tag.lower() == "br":
            parts.append(" ")
        if node.text and (node is cell or not isinstance(node, etree._Comment)):
            parts.append(node.text)
        if node is not cell and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and not (isinstance(parent.tag, str) and parent.tag.lower() == "table"):
        parent = parent.getparent()
    return parent
