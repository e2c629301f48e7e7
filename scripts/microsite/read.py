"""Read an article file: bytes in, blocks out, whatever the format.

This is the only stage that knows which format an article came in. It decodes the bytes,
detects the format, and reduces it to the blocks of `model` (paragraphs, explicit headings,
lists, quotes, figures). Plain text is read here; Markdown (`read_markup`) and saved web pages
(`read_html`) plug in through `READERS`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from .data.html_rules import CHARSET_ALIASES
from .data.outline_rules import (
    ATTRIBUTION_DASHES,
    CLOSING_PUNCTUATION,
    DEFAULT_RULES,
    LIST_MARKER,
    NOT_HEADING_SHAPES,
    Rules,
)
from .errors import InputError
from .escape import one_line
from .model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Source
from .outline import is_title_case
from .read_html import read_html
from .read_markup import read_markdown

# Signatures of binary files people may pass by mistake, with what to call them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a zip archive (or .docx, .epub)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"{\\rtf", "an RTF document"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.01  # more control characters than this and it is not text
# The start of a web page: an optional XML declaration and comments, then the doctype or the
# <html>, <head> or <body> tag.
_HTML_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<(?:html|head|body)[\s>])",
    re.IGNORECASE | re.DOTALL)
# One complete tag or comment: a .html file without any is plain text.
_MARKUP = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|</[a-zA-Z][a-zA-Z0-9-]*\s*>|<!--")
# Where a page declares its encoding, and how far in browsers look for it (they stop at 1024
# bytes; saved pages with long heads put it later).
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-zA-Z0-9._:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([a-zA-Z0-9._-]+)", re.I)
_DECLARATION_BYTES = 4096
# A valid UTF-8 sequence of two to four bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# charset-normalizer's guesses this close in chaos and coherence (0 to 1) count as a tie.
_DETECTION_TIE = 0.01

_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(={3,}|-{3,})[ \t]*$")
_RULE = re.compile(r"^[ \t]*(?:[-*_=~·•][ \t]*){3,}$")
_MARKED = re.compile(rf"^[ \t]*({LIST_MARKER})(.*)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]$|^[a-zA-Z][.)]$")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?(.*)$")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "”", "’", ")")
_WRAP_MIN_WIDTH = 40  # lines wrapped by an editor are at least this wide
_NOT_HEADING = re.compile("|".join(f"(?:{p})" for p in NOT_HEADING_SHAPES))


def read_file(path: Path, rules: Rules = DEFAULT_RULES) -> Source:
    """Read the article at `path` into blocks, or raise InputError saying what is wrong."""
    max_bytes = rules.max_bytes
    if not path.exists():
        raise InputError(f"{path}: no such file. Check the path, or give the article's file.")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article. Give the article's file.")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit for one article."
                " Split it into several files, or raise the limit with --max-size."
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}).") from error
    return read_bytes(path.name, data, rules)


def read_bytes(name: str, data: bytes, rules: Rules = DEFAULT_RULES) -> Source:
    """Decode an article's bytes and read them with the reader for its format."""
    text = decode(name, data)
    if not text.strip():
        raise InputError(f"{name}: the file is empty. Give an article with some text.")
    source = READERS[detect_format(name, text)](name, text, rules)
    if not source.blocks:
        raise InputError(f"{name}: no text found in the file. Give an article with some text.")
    return source


def decode(name: str, data: bytes) -> str:
    """Bytes to text. A byte-order mark decides first, then the pattern of NULs that UTF-16
    leaves; then UTF-8 if the bytes are valid UTF-8; then a web page's own declaration
    (`<meta charset>`); else charset-normalizer's guess, where a Western guess for bytes that
    are mostly UTF-8 means UTF-8 with a few Windows-1252 bytes pasted in. Line endings of
    every kind become `\\n`."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: is {kind}, not a text article. Save the article as"
                             " plain text (.txt) and give that file.")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _bomless_utf16(data)
    if encoding is None and b"\x00" in data:
        encoding = _detected(data)  # UTF-16 of text that is not mostly ASCII, or binary
        if not encoding.startswith(("utf_16", "utf_32")):
            raise InputError(
                f"{name}: looks like a binary file (it holds NUL bytes), not an article."
                " Give a text file."
            )
    if encoding is None:
        text = _decode_unmarked(name, data)
    else:
        try:
            text = data.decode(encoding,
                               errors=_LEGACY if encoding.startswith("utf-8") else "strict")
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: is not valid {_unicode_name(encoding)} text."
                             " Save it as UTF-8.") from error
    if "\x00" in text:
        raise InputError(f"{name}: holds NUL characters, so it is not plain text.")
    if len(_CONTROL.findall(text)) > _CONTROL_SHARE * len(text):
        raise InputError(f"{name}: holds control characters, so it is not plain text."
                         " Give a text file.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _unicode_name(encoding: str) -> str:
    """"UTF-16" for utf_16_le and the like."""
    return "UTF-" + next((bits for bits in ("16", "32") if bits in encoding), "8")


def _decode_unmarked(name: str, data: bytes) -> str:
    """Text without a byte-order mark: UTF-8, a web page's declared encoding, the single- or
    multi-byte encoding charset-normalizer finds, or UTF-8 mixed with Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(name, data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared, errors=_LEGACY if declared == "cp1252" else "strict")
        except UnicodeDecodeError:
            pass  # the page says wrong: guess as for any file
    detected = _detected(data)
    if detected in ("cp1252", "utf_8") and _mostly_utf8(data):
        return data.decode("utf-8", errors=_LEGACY)  # UTF-8 with Windows-1252 pasted in
    return data.decode("cp1252" if detected == "utf_8" else detected, errors=_LEGACY)


def _declared_charset(name: str, data: bytes) -> str | None:
    """The encoding a web page declares in `<meta charset>`, `<meta http-equiv>` or an XML
    declaration, as Python names it; None for other files or an unknown label."""
    head = data[:_DECLARATION_BYTES]
    if Path(name).suffix.lower() not in (".html", ".htm", ".xhtml") and not _HTML_DOCUMENT.match(
            head.decode("latin-1")):
        return None
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii").strip().lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name.replace("_", "-") if label != "cp1252" else label
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True when most bytes above ASCII form valid UTF-8 sequences: a UTF-8 file with a few
    Windows-1252 bytes pasted in, not a Windows-1252 file."""
    high = len(data.translate(None, bytes(range(128))))  # the bytes above ASCII
    utf8 = sum(len(sequence) for sequence in _UTF8_SEQUENCE.findall(data))
    return utf8 * 2 >= high


def _detected(data: bytes) -> str:
    """The encoding charset-normalizer finds for bytes that are not UTF-8. Where Windows-1252
    decodes them as well as its first guess (short or Western texts, where it often prefers
    Central European cp1250), Windows-1252 is taken, as browsers do."""
    from charset_normalizer import from_bytes  # here: only files that are not UTF-8 pay for it

    matches = list(from_bytes(data))
    if not matches:
        return "cp1252"
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + _DETECTION_TIE
            and m.coherence >= best.coherence - _DETECTION_TIE]
    if any("cp1252" in (m.encoding, *m.could_be_from_charset) for m in tied):
        return "cp1252"
    return str(best.encoding)


def _legacy_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode a byte that is not UTF-8 as Windows-1252 (Latin-1 for its five gaps)."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start:error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


_LEGACY = "microsite-cp1252"
codecs.register_error(_LEGACY, _legacy_byte)


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when NULs fill one byte of each pair, as in mostly-ASCII
    UTF-16 text without a byte-order mark; None otherwise."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    pairs = len(data) // 2
    if odd > 0.3 * pairs and even == 0:
        return "utf-16-le"
    if even > 0.3 * pairs and odd == 0:
        return "utf-16-be"
    return None


def detect_format(name: str, text: str) -> str:
    """The article's format from its content, then its suffix: a file that starts as a web
    page is HTML whatever its name, a .html file without a single tag is plain text, .md is
    Markdown, and anything else is plain text."""
    if _HTML_DOCUMENT.match(text):
        return "html"
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html" if _MARKUP.search(text) else "txt"
    if suffix in (".md", ".markdown"):
        return "md"
    return "txt"


# --- plain text -------------------------------------------------------------------------------


def read_text(name: str, text: str, rules: Rules = DEFAULT_RULES) -> Source:
    """Plain text to blocks: each run of non-blank lines becomes one or more blocks."""
    blocks: list[Block] = []
    for group in _line_groups(text):
        blocks.extend(_group_blocks(group, rules))
    return Source(name=name, blocks=tuple(blocks))


def _line_groups(text: str) -> list[list[str]]:
    """Runs of non-blank lines; lines holding only white space (no-break spaces too) are blank."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in text.expandtabs(4).split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if current:
                groups.append(current)
            current = []
        elif not _RULE.match(line) or _SETEXT.match(line.strip()) and current:
            current.append(line)
        elif current:  # a horizontal rule separates like a blank line
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _group_blocks(lines: list[str], rules: Rules) -> list[Block]:
    """Blocks of one group: explicit headings, marked lists and quotes, then plain lines."""
    blocks: list[Block] = []
    plain: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        atx = _ATX.match(line) if _is_marked_heading(lines, i) else None
        setext = i + 1 < len(lines) and _SETEXT.match(lines[i + 1].strip())
        if atx or setext or _MARKED.match(line) or _QUOTE.match(line):
            blocks.extend(_plain_blocks(plain, rules))
            plain = []
        if atx:
            blocks.append(Heading(text=one_line(atx.group(2)), level=len(atx.group(1))))
            i += 1
        elif setext and not _MARKED.match(line):
            level = 1 if lines[i + 1].strip().startswith("=") else 2
            blocks.append(Heading(text=one_line(line), level=level))
            i += 2
        elif _MARKED.match(line) and len(lines) == 1 and _NUMBERED.match(
                _MARKED.match(line).group(1).strip()):  # type: ignore[union-attr]
            # "1. Buy Good Shoes" alone between blank lines: maybe a numbered heading
            plain.append(line)
            i += 1
        elif len(lines) == 1 and line.lstrip()[:1] in ATTRIBUTION_DASHES:
            plain.append(line)  # "— Ada Lovelace" alone: a quotation's credit, not a list
            i += 1
        elif _MARKED.match(line):
            i = _read_list(lines, i, blocks)
        elif _QUOTE.match(line):
            quoted = []
            while i < len(lines) and (m := _QUOTE.match(lines[i])):
                quoted.append(m.group(1))
                i += 1
            if one_line(" ".join(quoted)):
                blocks.append(Quote(text=one_line(" ".join(quoted))))
        else:
            plain.append(line)
            i += 1
    blocks.extend(_plain_blocks(plain, rules))
    return blocks


def _is_marked_heading(lines: list[str], i: int) -> bool:
    """True when line `i`, if it starts with `#`, marks a heading rather than commenting code:
    its words are not code, and no code follows it in its group."""
    atx = _ATX.match(lines[i])
    if atx is None or len(atx.group(1)) == 1 and _NOT_HEADING.search(atx.group(2)):
        return False  # "## ..." is a heading whatever it says; "# f(x) => 1" is a comment
    after = lines[i + 1: i + 3]
    return not any(x.startswith((" ", "\t")) or _NOT_HEADING.search(x) for x in after)


def _read_list(lines: list[str], i: int, blocks: list[Block]) -> int:
    """Read marked list items from line `i`; indented lines continue the item before them."""
    items: list[str] = []
    ordered = False
    while i < len(lines):
        marked = _MARKED.match(lines[i])
        if marked:
            ordered = bool(_NUMBERED.match(marked.group(1).strip()))
            items.append(marked.group(2))
        elif lines[i].startswith((" ", "\t")) and items:
            items[-1] += " " + lines[i]
        else:
            break
        i += 1
    texts = tuple(t for t in (one_line(item) for item in items) if t)
    if texts:
        blocks.append(ListBlock(items=texts, ordered=ordered))
    return i


def _plain_blocks(lines: list[str], rules: Rules) -> list[Block]:
    """Plain lines of one group: a paragraph, a figure, a list, or separate lines."""
    lines = [folded for line in lines if (folded := one_line(line))]
    if not lines:
        return []
    if len(lines) == 1:
        return [Paragraph(text=lines[0], standalone=True)]
    if len(lines) == 2 and _is_figure(lines[0], lines[1], rules):
        return [Figure(alt=lines[0], caption=lines[1])]
    if _is_wrapped(lines):
        return [Paragraph(text=" ".join(lines))]
    if all(_words(line) <= rules.list_item_max_words for line in lines):
        if lines[0].endswith(":") and len(lines) > 2:  # "Fixed costs include:" over its items
            return [Paragraph(text=lines[0], standalone=True), ListBlock(items=tuple(lines[1:]))]
        if not _ends_sentence(lines[0]) and all(_ends_sentence(x) for x in lines[1:]):
            # a title line over sentences, not a list
            return [Paragraph(text=lines[0], standalone=True), *_plain_blocks(lines[1:], rules)]
        return [ListBlock(items=tuple(lines))]
    # One paragraph a line, as scrapes without blank lines give them. The last line ends the
    # run, so it heads nothing: it is no candidate for a heading.
    return [Paragraph(text=line, standalone=n < len(lines) - 1) for n, line in enumerate(lines)]


def _is_wrapped(lines: list[str]) -> bool:
    """True when the line breaks fall inside sentences: prose wrapped at a fixed width.

    A break is inside a sentence when the next line goes on in lower case, or when the lines
    run to a common width (all but the last near the longest, as a wrapping editor leaves
    them) and the line does not end a sentence."""
    breaks = len(lines) - 1
    widest = max(len(line) for line in lines)
    even = widest >= _WRAP_MIN_WIDTH and all(len(x) >= 0.6 * widest for x in lines[:-1])
    inside = sum(
        1
        for line, after in zip(lines, lines[1:], strict=False)
        if not line.endswith(_SENTENCE_END) and (after[:1].islower() or even)
    )
    return inside * 2 >= breaks


def _is_figure(alt: str, caption: str, rules: Rules) -> bool:
    """An alt-text line (descriptive, unpunctuated) directly followed by a short caption that
    starts afresh rather than finishing the first line's sentence. The caption may be a
    sentence when the alt text is not worded like a heading (a title-case line over a sentence
    is a heading over its paragraph); a line repeated as its own caption is a figure too."""
    if alt == caption:
        return _words(alt) <= 3 * rules.heading_max_words
    return (
        rules.figure_alt_min_words <= _words(alt) <= 3 * rules.heading_max_words
        and not _ends_sentence(alt)
        and _words(caption) <= 2 * rules.heading_max_words
        and not caption[:1].islower()
        and (not caption.endswith((".", "!", "?")) or not is_title_case(alt))
    )


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(tuple(CLOSING_PUNCTUATION))


def _words(line: str) -> int:
    return len(line.split())


READERS: dict[str, Callable[[str, str, Rules], Source]] = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
}
"""Format name to reader: each turns decoded text into blocks."""
