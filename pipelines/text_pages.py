"""Page furniture in text that came off printed pages.

A PDF (or pdftotext's output, pages split by form feeds) repeats a running
head or foot on every page and numbers the pages; left in, they cut sentences
and tables wherever a page breaks.
"""

from __future__ import annotations

import re

# Page furniture: "Page 2 of 5", "- 3 -", a bare page number.
# A bare number counts only when it is the page's own number: a flattened
# table's last cell is a bare number too.
PAGE_NUMBER = re.compile(r"^\s*(?:page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*(?:of|/)\s*\d{1,3}"
                         r"|[-\u2013]\s*\d{1,3}\s*[-\u2013])\s*$", re.I)
BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
TABLE_HEAD_WORDS = re.compile(r"thousand|million|billion|except|ended|months|weeks|unaudited|audited|statements?\b"
                              r"|balance|cash flows?|operations|income|assets|liabilit|\bas of\b", re.I)
EDGE_LINES = 3  # running heads and feet sit within the first or last lines of a page


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running heads and feet ("Acme Corp. | Q3 2024 Results | Page 2")
    and page numbers, which otherwise cut sentences and tables where a page
    breaks. A running line is one printed at the edge of two or more pages,
    digits aside; the first page keeps its copy (it may be the letterhead)."""
    if len(pages) < 2:
        return [_drop_page_numbers(p) for p in pages]
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(line) for line in _edge_lines(page)}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, count in seen.items() if count >= 2 and key}
    return [_drop_page_numbers(page, number, running) for number, page in enumerate(pages)]


def _drop_page_numbers(page: str, number: int = 0, running: frozenset | set = frozenset()) -> str:
    edges = set(_edge_lines(page))

    def furniture(line: str) -> bool:
        bare = BARE_NUMBER.match(line)
        return (PAGE_NUMBER.match(line) is not None or (bare is not None and int(bare.group(1)) == number + 1)
                or (number > 0 and _running_key(line) in running))

    return "\n".join(line for line in page.split("\n") if line not in edges or not furniture(line))


def _edge_lines(page: str) -> list[str]:
    lines = [line for line in page.split("\n") if line.strip()]
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def _running_key(line: str) -> str:
    """The line with its digits blanked; empty for lines that cannot be furniture
    (no letters, table-like rows of figures, long prose) or that head a table
    (its title, scale and period line must stay on every page that has one)."""
    squeezed = " ".join(line.split())
    if (len(squeezed) > 120 or not re.search(r"[A-Za-z]{2}", squeezed) or len(re.findall(r"\d+", squeezed)) > 3
            or TABLE_HEAD_WORDS.search(squeezed)):
        return ""
    return re.sub(r"\d+", "#", squeezed)


def split_form_feed_pages(text: str) -> str:
    """Text whose pages are separated by form feeds (pdftotext), furniture dropped."""
    if "\f" not in text:
        return text
    return "\n\n".join(p.strip("\n") for p in drop_running_lines(text.split("\f")))
