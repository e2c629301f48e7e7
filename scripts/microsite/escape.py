"""Escaping: article text is data, so whatever it holds renders as the literal text it was.

Every character that means something to Markdown, to the Markdown extensions the site uses, or
to HTML is escaped. Page titles, descriptions and nav labels are HTML-escaped as well, because
Material's templates print them unescaped.
"""

from __future__ import annotations

import re

# Characters escaped wherever they stand. Backslash escapes for what Python-Markdown itself can
# escape; character references for the rest, which work whatever extensions are on.
_INLINE = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}", "[": "\\[",
    "]": "\\]", "#": "\\#", "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
    "~": "&#126;", "^": "&#94;", "$": "&#36;",
}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
# At the start of a line: list markers, rules and fences, admonitions ("!!!", "???"),
# definition lists (":"), and ordered-list numbers ("1. ").
_LINE_START = re.compile(r"^(?:[-+=:]|!|\?|(\d+)\.)")


def escape(text: str) -> str:
    """`text` as Markdown that renders exactly as the text, on one line of its own."""
    return escape_start(escape_inline(" ".join(text.split())))


def escape_inline(text: str) -> str:
    """`text` as Markdown for the inside of a line: white space is left as it is."""
    return _INLINE_RE.sub(_inline_escape, text)  # str.translate is slower on non-ASCII text


def _inline_escape(match: re.Match[str]) -> str:
    return _INLINE[match.group(0)]


def escape_start(line: str) -> str:
    """An inline-escaped line made safe to begin a Markdown line."""
    return _LINE_START.sub(_escape_start, line, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "\\."
    return {"?": "&#63;", ":": "&#58;", "=": "&#61;"}.get(match.group(0), "\\" + match.group(0))


def escape_html(text: str) -> str:
    """`text` safe inside HTML text and double-quoted attributes."""
    return (" ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))
