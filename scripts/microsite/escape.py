"""Escaping: article text is data, so whatever it holds renders as the literal text it was.

Every character that means something to Markdown, to the Markdown extensions the site uses, or
to HTML is escaped. Page titles, descriptions and nav labels are HTML-escaped as well, because
Material's templates print them unescaped.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

# Characters escaped wherever they stand. Backslash escapes for what Python-Markdown itself can
# escape; character references for the rest, which work whatever extensions are on.
_INLINE = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}", "[": "\\[",
    "]": "\\]", "#": "\\#", "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
    "~": "&#126;", "^": "&#94;", "$": "&#36;",
}
_INLINE_TO_NUL = bytes.maketrans("".join(_INLINE).encode(), bytes(len(_INLINE)))
"""A bytes translation turning each character escaped inline into a NUL byte."""
_NOT_INLINE = bytes(byte for byte in range(256) if chr(byte) not in _INLINE)
"""Every byte but those of the characters escaped inline."""
_INLINE_ORDER = "\\&#" + "".join(c for c in _INLINE if c not in "\\&#")
"""The characters escaped inline, in an order in which each replaced in turn is escaped once:
the backslash, "&" and "#" first, as the escapes of others bring them in."""
# At the start of a line: list markers, rules and fences, admonitions ("!!!", "???"),
# definition lists (":"), and ordered-list numbers ("1. ").
_LINE_START = re.compile(r"^(?:[-+=:]|!|\?|(\d+)\.)")
_LINE_START_CHARACTERS = "-+=:!?"
"""What _LINE_START may begin with, digits aside."""


@lru_cache(maxsize=1 << 16)
def escape(text: str) -> str:
    """`text` as Markdown that renders exactly as the text, on one line of its own. Cached:
    a title or a term is written on many pages (nav links, maps, questions)."""
    return escape_start(escape_inline(one_line(text)))


def one_line(text: str) -> str:
    """`" ".join(text.split())`: the words of `text` between single spaces. A text that is
    already so (most are) is told without making a string of each word: str.isprintable is
    false for every white space character but the space (tests/test_render.py)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def escape_inline(text: str) -> str:
    """`text` as Markdown for the inside of a line: white space is left as it is.

    Most texts have nothing to escape, which their UTF-8 bytes translated tell at a few
    instructions a character (no character escaped is part of another's UTF-8 bytes), and the
    others one or two of the characters, each replaced at once. A regex substitution took
    about 50 instructions a character to find nothing, and a Python call for each character
    it escaped (str.translate is slower still on non-ASCII text)."""
    data = text.encode("utf-8", "surrogatepass")
    if 0 not in data.translate(_INLINE_TO_NUL):
        return text
    for char in sorted(set(data.translate(None, _NOT_INLINE).decode()), key=_INLINE_ORDER.find):
        text = text.replace(char, _INLINE[char])
    return text


def escape_start(line: str) -> str:
    """An inline-escaped line made safe to begin a Markdown line. Most lines begin with none
    of the characters _LINE_START begins with, which their first one tells without a regex
    (\\d is what str.isdecimal tells)."""
    first = line[:1]
    if first not in _LINE_START_CHARACTERS and not first.isdecimal():
        return line
    return _LINE_START.sub(_escape_start, line, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "\\."
    return {"?": "&#63;", ":": "&#58;", "=": "&#61;"}.get(match.group(0), "\\" + match.group(0))


def escape_html(text: str) -> str:
    """`text` safe inside HTML text and double-quoted attributes."""
    return (one_line(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


_PLAIN_YAML = re.compile(r"[^\W\d_][\w ,.'’‘“”…%()/&;!?+–—-]*(?<! )")
"""Text safe as a plain YAML scalar: a letter first (no indicator, number or date), then
letters, digits, spaces and punctuation with no meaning in block context (no ":", "#", quotes
or brackets that open something), no trailing space."""
_YAML_WORDS = frozenset("y n yes no true false on off null".split())
"""Plain words YAML 1.1 reads as booleans or null."""
_YAML_UNREADABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""What a YAML reader refuses or takes for a line break inside a quoted scalar, though JSON
leaves it as it is."""


def yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly that string: plain when that is
    unambiguous ("Attachment Styles"), else double-quoted, which is JSON's string syntax
    (json.dumps quotes it) with the few characters YAML cannot read raw escaped too.

    For front matter and the nav: PyYAML's emitter takes about ten times as long for a
    page's three fields, and the result reads back the same (tests/test_render.py)."""
    if _PLAIN_YAML.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return _YAML_UNREADABLE.sub(_yaml_escape, json.dumps(text, ensure_ascii=False))


def _yaml_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"
