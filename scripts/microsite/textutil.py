"""Small text helpers that several stages share: sentences, words and stems."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import pysbd
import snowballstemmer
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer

from .data.outline_rules import STOP_WORDS
from .model import Block, ListBlock, Paragraph, Quote, Term

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
"""A word: letters and digits of any script, with inner apostrophes and hyphens."""

_STEMMER = snowballstemmer.stemmer("english")


_ABBREVIATIONS = frozenset(a.lower() for a in English.Abbreviation.ABBREVIATIONS)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


_STOPS = ".!?"
_STOPS_TUPLE = tuple(_STOPS)
_OTHER_STOPS = "…。．！？"
"""The other characters _DOUBTFUL takes for a stop, none of them ASCII (its line breaks
never reach it: pysbd reads such a paragraph whole, see _read_across)."""
_QUOTES = "'’"
_STOP_THEN_CAPITAL = re.compile(r"[.!?]\s+(?=[A-Z][a-z]+\b|[AI]\s+[a-z])")
_PLAIN_WORD = re.compile(r"(?:[A-Za-z]+-)*([a-z]{2,})|[A-Za-z]+['’][a-z]{1,2}")
"""A sentence end no segmenter could doubt: a lower-case word of two letters or more (the last
part of a hyphenated one: "self-worth. Surrounding"), or a contraction ("don't. This"), not
an abbreviation, then a full stop (or ! or ?) and a space, then a capitalised word, or "A" or
"I" and a lower-case word ("... can be terrifying. Intimacy ...", "... patterns. A trained
..."). The word stands alone: no letter, digit, stop, quote or hyphen just before it."""
_PLAIN_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-")
_QUOTE_OR_STOP = re.compile(r"[.!?…。．！？\n\r'’]")
"""What a piece must hold for _DOUBTFUL to find anything (a fast first look)."""
_ROMAN = sorted(set(ListItemReplacer.ROMAN_NUMERALS), key=len, reverse=True)
_READ_ACROSS = "\n\r()[]\"“”«»‘•⁃"
"""Characters pysbd reads across a paragraph for (line breaks, brackets, quotes, bullets)."""
_STOP_THEN_SPACE = re.compile(r"\.(?=\s|\)|$)")
_LIST_MARKER = re.compile(r"\d{1,2}|[a-z]|" + "|".join(_ROMAN), re.IGNORECASE)
_MARKER_MAX = max(2, *map(len, _ROMAN))


def _read_across(text: str) -> bool:
    """Whether pysbd reads across the whole paragraph, so that a cut could change its
    reading: line breaks, quotes and brackets (it pairs them; a plain aside such as "(CBT)"
    does not count), "--", a quote opening a word, list markers ("1.", "a.", "iv.", "•").

    The same as one regex search for all of them, but that search tried every list marker
    at every space (30 microseconds a paragraph); a marker is looked for only before the
    stops instead, and the characters with `in`, each a quick scan of the text, where a
    search for a class of characters tests each position against the class
    (tests/test_sentences.py holds the two to the same answers)."""
    if "(" in text:
        text = _PLAIN_ASIDE.sub(" ", text)
    if any(character in text for character in _READ_ACROSS) or "--" in text or (
            "'" in text and _opens_quote(text)):
        return True
    for stop in _STOP_THEN_SPACE.finditer(text):
        end = start = stop.start()
        while start > 0 and end - start <= _MARKER_MAX and text[start - 1].isalnum():
            start -= 1
        if start < end and (start == 0 or text[start - 1] == "-" or text[start - 1].isspace()) \
                and _LIST_MARKER.fullmatch(text, start, end):
            return True
    return False


def _opens_quote(text: str) -> bool:
    """Whether a "'" opens a word of `text`: it starts the text or follows a space (what the
    regex (?<!\\S)' finds, but a regex starting with a look-behind tries every position)."""
    at = text.find("'")
    while at >= 0:
        if at == 0 or text[at - 1].isspace():
            return True
        at = text.find("'", at + 1)
    return False


_PLAIN_ASIDE = re.compile(r"(?<=\s)\([^\W\d_][^()\[\]\"“”«»‘’'.!?…\n\r]+\)(?=[,;:]?\s+[a-z])")
"""A bracketed aside pysbd reads as part of its sentence: after a space, words with no
stop, quote or bracket in them, then a lower-case word ("therapy (CBT) techniques")."""
_DOUBTFUL = re.compile(r"[.!?…。．！？\n\r]|(?<![^\W\d_])['’]|['’](?![^\W\d_])")
"""What makes pysbd look again at a piece: a stop, a line break, a quote mark (an
apostrophe inside a word is not one)."""


@lru_cache(maxsize=1 << 16)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a paragraph, each stripped; joined by spaces they give the text back.

    pysbd decides, but it is slow (about 5 microseconds a character), so in a paragraph with
    no quotes, brackets, line breaks or list markers the plain sentence ends it could not
    doubt are cut first (a bracketed aside such as "(CBT)" is no obstacle), and a piece with
    no other stop in it is one sentence without asking (tests/test_sentences.py holds the two
    to the same answers); when every stop ends a piece and every quote mark is inside a
    word, no piece needs that look (`_plain_pieces`). Cached: several stages ask for the same
    paragraph's sentences."""
    if _read_across(text):
        return _pysbd(text)
    stops = _stops(text)
    breaks = list(_plain_breaks(text, stops))
    pieces = [text[start:end]
              for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    if _plain_pieces(text, stops, breaks):
        return tuple(plain for piece in pieces if (plain := piece.strip()))
    found: list[str] = []
    for piece in pieces:
        plain = piece.strip()
        body = plain[:-1] if plain.endswith((".", "!", "?")) else plain  # its own stop aside
        if _QUOTE_OR_STOP.search(body) and _DOUBTFUL.search(body):
            found += _pysbd(piece)
        elif plain:
            found.append(plain)
    return tuple(found)


def _plain_pieces(text: str, stops: list[int], breaks: list[int]) -> bool:
    """Whether no piece of `text` cut at `breaks` is doubtful (_DOUBTFUL, its own closing stop
    aside), told for the whole text at once rather than by two searches of each piece: every
    stop (`stops`) closes a piece, the text has none of the other stops, and every quote mark
    stands between two letters (so it does in its piece too)."""
    closing = len(breaks) + text.rstrip().endswith(_STOPS_TUPLE)  # the last piece's own stop
    if len(stops) != closing:
        return False
    if not text.isascii() and any(stop in text for stop in _OTHER_STOPS):
        return False
    for quote in _QUOTES:
        at = text.find(quote)
        while at >= 0:
            if not (0 < at < len(text) - 1 and _is_letter(text[at - 1])
                    and _is_letter(text[at + 1])):
                return False
            at = text.find(quote, at + 1)
    return True


def _is_letter(character: str) -> bool:
    """What [^\\W\\d_] matches: a letter or a number that is no decimal digit."""
    return character.isalnum() and not character.isdecimal()


def _plain_breaks(text: str, stops: list[int] | None = None) -> Iterator[int]:
    """Where the plain sentence ends of `text` are (_PLAIN_WORD), as the offset just after
    each stop. Found from the stops back: a search for the word before every stop tried each
    position of the text; the word before each stop is checked instead. The stops themselves
    are found with str.find: a search for _STOP_THEN_CAPITAL tests every position against
    its class of stops, and a match can only start at a stop (and, ending before the next
    stop, never hides one)."""
    for end in _stops(text) if stops is None else stops:
        if not _STOP_THEN_CAPITAL.match(text, end):
            continue
        start = end
        while start > 0 and text[start - 1] in _PLAIN_WORD_CHARACTERS:
            start -= 1
        before = text[start - 1] if start > 0 else " "
        if start == end or before.isalnum() or before in "_.'’-":
            continue
        word = _PLAIN_WORD.fullmatch(text, start, end)
        if word and word.group(0).lower() not in _ABBREVIATIONS \
                and word.group(1) not in _ABBREVIATIONS:
            yield end + 1


def _stops(text: str) -> list[int]:
    """The offsets of the full stops, exclamation and question marks of `text`, in order."""
    found: list[int] = []
    for mark in _STOPS:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _pysbd(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _segmenter().segment(text) if s.strip())


@lru_cache(maxsize=1 << 16)
def stems(text: str) -> frozenset[str]:
    """Stems of a text's content words: "Healthy Relationships" gives "healthi", "relationship".

    Cached, and each word's stem too (`stem_word`): the outline compares every heading with
    its neighbours and the headings it may head, and the learning stems the same words."""
    words = [w.lower() for w in WORD.findall(text)]
    return frozenset([stem_word(w) for w in words if w not in STOP_WORDS])


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def prose_words(blocks: Iterable[Block]) -> int:
    """Words of prose in `blocks`: paragraphs, quotes and list items (not figures). Each
    text's words are counted once a run: outline and plan size the sections, and every page's
    words are counted again for its reading time, the home page's cards and the about page."""
    total = 0
    for block in blocks:
        if isinstance(block, (Paragraph, Quote)):
            total += _word_count(block.text)
        elif isinstance(block, ListBlock):
            total += sum(map(_word_count, block.items))
    return total


@lru_cache(maxsize=1 << 16)
def _word_count(text: str) -> int:
    return len(text.split())


@cache
def stem_word(word: str) -> str:
    """The stem of one word, lower-cased: "styles" gives "style"."""
    return str(_STEMMER.stemWord(word.lower()))


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of `text` (as WORD finds them) with their start and end offsets. Cached:
    key terms, stems and the reading grade all read a sentence's words.

    WORD is slow to run over a whole text (a match object and three calls per word), and
    a word never spans a space. So in a text spaced by single spaces (every sentence), the
    pieces between spaces are taken in turn: a piece of letters and digits only is a word as
    it stands, and so is one but its last character ("word," "word."); WORD looks only into
    the other pieces ("self-esteem", "(CBT)"), one in thirty (tests/test_fast_terms.py holds
    the two ways to the same words)."""
    pieces = text.split()
    if " ".join(pieces) != text:  # other spaces: their widths would be needed
        return tuple([(m.group(0), m.start(), m.end()) for m in WORD.finditer(text)])
    found: list[tuple[str, int, int]] = []
    start = 0
    for piece in pieces:
        end = start + len(piece)
        if piece.isalnum():  # (what [^\W_] matches is exactly what isalnum accepts)
            found.append((piece, start, end))
        elif piece[:-1].isalnum():  # a word and a mark after it
            found.append((piece[:-1], start, end - 1))
        else:
            found += [(m.group(0), m.start(), m.end()) for m in WORD.finditer(text, start, end)]
        start = end + 1
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def stems_of(text: str) -> tuple[str, ...]:
    """Stems of every content word of `text`, repeats kept (for term frequencies). Cached:
    a sentence is weighed for its page, its article and its page's takeaway."""
    return tuple(stem_word(w) for w, _, _ in words(text)
                 if w.lower() not in STOP_WORDS and not w.isdigit())


def mentions(term: Term, text: str) -> Iterator[re.Match[str]]:
    """The term's mentions in `text`: what `mention_pattern(term).finditer(text)` finds, found
    faster. The pattern is tried only where one of the term's spellings starts, found with
    str.find, whenever those places can be known exactly: always for a term matched with its
    case, and in ASCII text (where lower-casing is exact) for the others. A regex search tries
    every position of the text, and a page is searched for each term it names."""
    pattern, exact, needles = _needles(term.forms, term.label, term.expansion)
    if not exact and (not needles or not text.isascii()):
        yield from pattern.finditer(text)  # re's case-folds reach beyond lower-casing
        return
    haystack = text if exact else text.lower()
    starts: set[int] = set()
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            starts.add(at)
            at = haystack.find(needle, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end and (match := pattern.match(text, at)):
            yield match
            end = match.end()


def first_mention(term: Term, text: str) -> re.Match[str] | None:
    """The term's first mention in `text` (see `mentions`), or None. Most texts hold none of
    the term's spellings, and most that do mention it where the first one starts: these two
    are told without the generator, which gathers and sorts every place a spelling starts
    (the key terms, the questions and the pages ask this of every sentence for each term)."""
    pattern, exact, needles = _needles(term.forms, term.label, term.expansion)
    if not exact and (not needles or not text.isascii()):
        return pattern.search(text)  # (the first of pattern.finditer, as `mentions` gives)
    haystack = text if exact else text.lower()
    first = -1
    for needle in needles:
        at = haystack.find(needle)
        if at >= 0 and (first < 0 or at < first):
            first = at
    if first < 0:
        return None
    return pattern.match(text, first) or next(mentions(term, text), None)


def mention_pattern(term: Term) -> re.Pattern[str]:
    """A pattern that finds the term in any of its spellings, as whole words."""
    return _needles(term.forms, term.label, term.expansion)[0]


@lru_cache(maxsize=4096)
def _needles(forms: tuple[str, ...], label: str,
             expansion: str) -> tuple[re.Pattern[str], bool, tuple[str, ...]]:
    """The pattern of a term with these spellings (`mention_pattern`), whether it is matched
    case-sensitively, and the spellings to look for (lower case otherwise; none when a
    spelling is not ASCII, whose case-folds `re` widens).

    Cached on the spellings rather than on the term: each term is looked for as two Term
    objects, before its anchor and definition are known and after, and the pattern (escaped
    spellings, then a look-up in re's cache) costs more than the look-ups that find it."""
    spellings = set(forms) | {label, expansion} - {""}  # every spelling a mention may have
    ordered = sorted(spellings, key=lambda f: -len(f))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in ordered)
                         + r")(?![\w-])", 0 if expansion else re.IGNORECASE)
    if expansion:
        return pattern, True, tuple(spellings)
    if all(form.isascii() for form in spellings):
        return pattern, False, tuple(form.lower() for form in spellings)
    return pattern, False, ()
