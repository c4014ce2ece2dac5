"""News XML (NewsML-G2, NITF, RSS items, generic exports) and JSON wire/API
exports to plain text: the headline first, then the body.

Both carry one release as a record with a headline field and a body field.
A body that holds markup (inline XHTML, an HTML string) goes through the HTML
converter so its tables stay TAB rows. A file holding several releases is
rejected rather than glued into one document: which one is wanted is a guess.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Callable

from lxml import etree

from pipelines.ingest_decode import MalformedInput, RejectedInput
from pipelines.ingest_office import xml_parser

HtmlToText = Callable[[str], str]
ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]")
MAX_BLOCKS_BEFORE_HEADLINE = 6
MAX_DEPTH = 6

# Field and element names, normalised (lower case, no "_", "-", "." or ":"),
# in order of preference.
HEADLINES = ("headline", "hl1", "title", "headlinetext")
SUBHEADLINES = ("subheadline", "hl2", "subtitle", "subhead", "dek")
DATELINES = ("dateline",)
BODIES = ("bodycontent", "inlinexml", "bodyhtml", "contentencoded", "encoded", "body", "content",
          "contenthtml", "bodytext", "fulltext", "text", "story", "description")
RECORDS = ("newsitem", "item", "entry", "article", "release", "pressrelease", "story", "nitf")


def _norm(name: str) -> str:
    return re.sub(r"[-_.:\s]", "", name).lower()


def _assemble(headline: str, parts: list[str], body: str) -> str:
    blocks = [b for b in body.strip("\n").split("\n\n") if b.strip()]
    for i, block in enumerate(blocks[:MAX_BLOCKS_BEFORE_HEADLINE]):
        if headline and " ".join(block.split()) == headline:
            del blocks[i]
            break
    # The headline always leads (every later stage takes the first line as
    # the headline); a subheadline or dateline only when the body lacks it.
    lead = [headline] if headline else []
    lead += [part for part in parts if part and part not in body]
    return "\n\n".join([*lead, *blocks]) + "\n"


def _as_text(value: str, html_to_text: HtmlToText) -> str:
    if ANY_TAG.search(value):
        return html_to_text(value)
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- XML --------------------------------------------------------------------


def xml_to_text(text: str, html_to_text: HtmlToText) -> str:
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        root = etree.fromstring(markup, xml_parser())
    except etree.XMLSyntaxError as e:
        raise MalformedInput(f"malformed XML: {e}") from e
    if _local(root) == "html":
        return html_to_text(text)
    record = _xml_record(root)
    headline = _squash(_xml_first_text(record, HEADLINES))
    body_el = _xml_first(record, BODIES)
    body = _xml_body(body_el, html_to_text) if body_el is not None else ""
    if not body.strip():
        what = "a headline but no body" if headline else "no headline or body element"
        raise RejectedInput(f"XML is not a readable news item: {what} (root <{_local(root)}>)")
    parts = [_squash(_xml_first_text(record, SUBHEADLINES)), _squash(_xml_first_text(record, DATELINES))]
    return _assemble(headline, parts, body)


def _local(el) -> str:
    return _norm(etree.QName(el).localname) if isinstance(el.tag, str) else ""


def _xml_record(root):
    records = [el for el in root.iter() if _local(el) in RECORDS]
    top = [el for el in records if not any(_local(a) in RECORDS for a in el.iterancestors())]
    if len(top) > 1:
        raise RejectedInput(f"XML holds {len(top)} news items; one release per file is read")
    return top[0] if top else root


def _xml_first(record, names: tuple[str, ...]):
    found = {}
    for el in record.iter():
        name = _local(el)
        if name in names and name not in found:
            found[name] = el
    return next((found[n] for n in names if n in found), None)


def _xml_first_text(record, names: tuple[str, ...]) -> str:
    el = _xml_first(record, names)
    return "".join(el.itertext()) if el is not None else ""


def _xml_body(el, html_to_text: HtmlToText) -> str:
    if len(el) == 0:
        return _as_text(el.text or "", html_to_text)
    # Inline XHTML or NITF paragraphs: drop namespaces so the HTML parser
    # knows <p> and <table>, then convert like a page.
    body = copy.deepcopy(el)
    for node in body.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(body)
    for head in body.findall(".//head"):  # an embedded page's <title> is no body text
        head.getparent().remove(head)
    inner = (body.text or "") + "".join(etree.tostring(child, encoding="unicode", method="html") for child in body)
    return html_to_text(f"<html><body>{inner}</body></html>")


# --- JSON -------------------------------------------------------------------


def json_to_text(text: str, html_to_text: HtmlToText) -> str:
    try:
        data = json.loads(text)
    except RecursionError as e:
        raise RejectedInput("JSON nested too deeply") from e
    except ValueError as e:
        raise MalformedInput(f"invalid JSON: {e}") from e
    records = _json_records(data, 0)
    if not records:
        raise RejectedInput("JSON holds no release: no object with a title/headline and a body/content/text field")
    if len(records) > 1:
        raise RejectedInput(f"JSON holds {len(records)} releases; one release per file is read")
    record = records[0]
    headline = _squash(_json_string(_json_field(record, HEADLINES)))
    body = _json_body(_json_field(record, BODIES), html_to_text)
    if not body.strip():
        raise RejectedInput("JSON release has an empty body")
    parts = [_squash(_json_string(_json_field(record, SUBHEADLINES))),
             _squash(_json_string(_json_field(record, DATELINES)))]
    return _assemble(headline, parts, body)


def _json_records(value, depth: int) -> list[dict]:
    """The top-most objects with both a headline and a body field."""
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, dict):
        if _json_field(value, HEADLINES) is not None and _json_field(value, BODIES) is not None:
            return [value]
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return []
    return [r for child in children for r in _json_records(child, depth + 1)]


def _json_field(record: dict, names: tuple[str, ...]):
    keys = {}
    for key, value in record.items():
        keys.setdefault(_norm(str(key)), value)
    for name in names:
        value = keys.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _json_string(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):  # {"text": "..."} or {"value": "..."}
        return next((v for k, v in value.items() if _norm(str(k)) in ("text", "value", "plain") and isinstance(v, str)), "")
    return ""


def _json_body(value, html_to_text: HtmlToText) -> str:
    if isinstance(value, str):
        return _as_text(value, html_to_text)
    if isinstance(value, list):
        # Paragraphs as strings or as {"type": "paragraph", "text": ...} objects.
        paragraphs = [_json_body(v, html_to_text) for v in value]
        return "\n\n".join(p.strip("\n") for p in paragraphs if p.strip())
    if isinstance(value, dict):
        inner = _json_field(value, ("html", "bodyhtml", "text", "content", "value", "plain"))
        return _json_body(inner, html_to_text) if inner is not None else ""
    return ""
