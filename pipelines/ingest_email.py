"""E-mail (.eml) and saved web archives (.mht, MIME too) to plain text, with the stdlib.

The HTML part is preferred, through the HTML converter, because a release's
tables survive there as rows; else the text/plain part. Transfer encodings
(base64, quoted-printable) and declared charsets are decoded; an undeclared
or unknown charset goes through the same detection as a .txt file. The
Subject becomes the title line when the body does not start with it, since
every later stage takes the first line as the headline. A message whose body
is only a cover note ("please find attached") is read from its attached
release when there is exactly one readable attachment.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import re
from email import policy
from email.message import Message
from typing import Callable

from pipelines.ingest_decode import RejectedInput, decode_bytes

MAX_PARTS = 200
FORWARD_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|wg|tr)\s*:\s*)+", re.I)
COVER_NOTE_CHARS = 400  # shorter than any release: a "see attached" note
MAX_BLOCKS_BEFORE_HEADLINE = 6
GREETING = re.compile(r"(?:hi|hello|dear|good (?:morning|afternoon)|team|all)\b", re.I)
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".odt", ".rtf", ".htm", ".html", ".txt", ".md")

Convert = Callable[[bytes, str], str]  # (bytes, suffix) -> text, raising RejectedInput


def email_to_text(data: bytes, convert: Convert, html_to_text: Callable[[str], str]) -> str:
    message = email.message_from_bytes(data, policy=policy.compat32)
    parts = [p for _, p in zip(range(MAX_PARTS), message.walk())]
    html = _first_body(parts, "text/html")
    plain = _first_body(parts, "text/plain")
    if html is not None:
        body = html_to_text(_part_text(html))
    elif plain is not None:
        body = _part_text(plain)
    else:
        body = ""
    if len(body.strip()) < COVER_NOTE_CHARS:
        attached = _attached_release(parts, convert)
        if attached:
            body = attached
    if not body.strip():
        raise RejectedInput("e-mail has no text or HTML body and no readable attachment")
    return _with_subject(body, _subject(message))


def _first_body(parts: list[Message], content_type: str) -> Message | None:
    for part in parts:
        if part.get_content_type() == content_type and not _is_attachment(part):
            return part
    return None


def _is_attachment(part: Message) -> bool:
    return (part.get("Content-Disposition") or "").strip().lower().startswith("attachment")


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            text = payload.decode(charset)
            return text.replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset name (cp1252 sent as utf-8): detect instead
    try:
        return decode_bytes(payload)[0] if payload else ""
    except RejectedInput:
        return ""


def _attached_release(parts: list[Message], convert: Convert) -> str | None:
    readable = []
    for part in parts:
        name = (part.get_filename() or "").strip()
        if part.is_multipart() or not name.lower().endswith(ATTACHMENT_SUFFIXES):
            continue
        readable.append((name, part))
    if len(readable) != 1:
        return None  # none, or several: which one is the release is a guess
    name, part = readable[0]
    payload = part.get_payload(decode=True) or b""
    try:
        return convert(payload, "." + name.rsplit(".", 1)[-1].lower())
    except RejectedInput:
        return None


def _subject(message: Message) -> str:
    raw = message.get("Subject")
    if not raw:
        return ""
    try:
        text = str(email.header.make_header(email.header.decode_header(raw)))
    except (UnicodeDecodeError, LookupError, email.errors.HeaderParseError):
        text = str(raw)
    return " ".join(FORWARD_PREFIX.sub("", text).split())


def _with_subject(body: str, subject: str) -> str:
    body = body.strip("\n") + "\n"
    if not subject:
        return body
    blocks = body.strip("\n").split("\n\n")
    # The headline may sit under a greeting or a forwarding banner: keep one
    # copy, first, as the HTML converter does with a page's <title>.
    for i, block in enumerate(blocks[:MAX_BLOCKS_BEFORE_HEADLINE]):
        if " ".join(block.split()) == subject:
            return "\n\n".join([subject, *blocks[:i], *blocks[i + 1:]]) + "\n"
    if _is_title(blocks[0]):
        return body  # a subject such as "Press release for tomorrow" is no headline
    return "\n\n".join([subject, *blocks]) + "\n"


def _is_title(block: str) -> bool:
    line = block.strip()
    return ("\n" not in line and 10 <= len(line) <= 250 and line[-1] not in ".,:;!"
            and not GREETING.match(line) and "@" not in line)
