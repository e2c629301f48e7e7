"""Infer an article's structure: which lines are headings, and how they nest.

Explicit headings (`##` in text, `<h2>` in HTML) are taken as given: that is how a user corrects
a guess. Without them, a heading is a short stand-alone line that does not end like a sentence
and is not code, a link, a pull quote or a question asked in passing. Headings are flat
(siblings) unless the text gives evidence of nesting, weighed in this order:

1. numbering: "2.1 ..." sits under "2 ...";
2. closing headings ("Conclusion", "Final thoughts") stand at the top level;
3. a hub: a heading whose text announces the sections after it ("There are three methods",
   "In this section ...", a closing colon), whose next heading repeats its words, or whose
   text is empty or a short introduction to longer sections, is their parent;
4. the group ends where its evidence does: after the parts it counted, the headings named in
   its announcement or repeating its words, a parallel run ("People with ..." three times),
   or the run of headings worded alike (a question or "Your ..." breaks it). A group with no
   visible end, running on over the rest of the article, is undone: flat is the default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data.outline_rules import (
    ANNOUNCING_PHRASES,
    ASIDE_OPENERS,
    ATTRIBUTION_DASHES,
    CLOSING_HEADINGS,
    CLOSING_PUNCTUATION,
    DEFAULT_RULES,
    MINOR_WORDS,
    NOT_HEADING_SHAPES,
    NUMBER_WORDS,
    PERSONAL_WORDS,
    PROSE_VERBS,
    QUESTION_WORDS,
    SECTION_POINTER,
    Rules,
)
from .model import Article, Block, Figure, Heading, ListBlock, Paragraph, Quote, Section, Source
from .textutil import WORD, prose_words, sentences, stems

# "There are three methods", "grouped in two major groups", "has four main characteristics"
_ANNOUNCED = re.compile(
    rf"\b(?:are|these|into|in|has|have)\s+({'|'.join(NUMBER_WORDS)}|\d{{1,2}})\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+s\b", re.IGNORECASE
)
_NOT_HEADING = re.compile("|".join(f"(?:{p})" for p in NOT_HEADING_SHAPES))
_POINTER = re.compile("|".join(f"(?:{p})" for p in ANNOUNCING_PHRASES), re.IGNORECASE)
_SECTION_POINTER = re.compile(SECTION_POINTER, re.IGNORECASE)
_GOES_ON = re.compile(r"\(|[a-z]+[\s,;]")  # "(In this case ...", "the count rises to 8"
_SENTENCE_INSIDE = re.compile(r"[.?!]\s+\S")
_POINTER_WORDS = ("section", "below", "follow", "here are")
"""A word of every phrase of _SECTION_POINTER and _POINTER ("in this section", "below", "as
follows", "the following", "there are several"): a sentence without one, lower-cased, cannot
match them (tests/test_fast_paths.py holds them to the patterns)."""
_FOLDS_TO_ASCII = ("İ", "ı", "ſ")
"""The letters that re.IGNORECASE takes for an ASCII letter ("ſ" for "s") though their lower
case is not that letter: with one of them in a sentence, only the regex can tell."""
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(
    r"^(?:(?:step|part|chapter|section|phase|stage|day|week|tip|lesson|rule)\s+)?"
    r"(\d{1,3}(?:\.\d{1,3})*)(?:[.):]|\s+[-–—:]|\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Flat:
    """A heading with the blocks up to the next heading, before nesting."""

    text: str
    level: int
    blocks: tuple[Block, ...]


def outline(source: Source, rules: Rules = DEFAULT_RULES) -> Article:
    """The article's title, introduction and tree of sections."""
    blocks = source.blocks
    if any(isinstance(block, Heading) for block in blocks):
        title, intro, flat = _explicit(blocks, rules)
    else:
        title, intro, flat = _inferred(blocks, rules)
    return Article(
        source=source.name,
        title=title or title_from_name(source.name),
        intro=intro,
        sections=_nest(flat),
    )


def title_from_name(name: str) -> str:
    """A title made from a file name: `why-we-run.txt` gives "Why we run"."""
    words = re.sub(r"[-_.\s]+", " ", Path(name).stem).strip()
    return words[:1].upper() + words[1:] if words else "Article"


# --- explicit headings ------------------------------------------------------------------------


def _explicit(
    blocks: tuple[Block, ...], rules: Rules
) -> tuple[str, tuple[Block, ...], list[_Flat]]:
    """Headings as marked; the title is a lone level-1 heading at the top or, failing that, a
    bare title-like first line; the other headings start at level 2."""
    title = ""
    first = next(i for i, b in enumerate(blocks) if isinstance(b, Heading))
    head = blocks[first]
    assert isinstance(head, Heading)
    rest = blocks
    if head.level == 1 and sum(isinstance(b, Heading) and b.level == 1 for b in blocks) == 1:
        title = head.text
        rest = blocks[:first] + blocks[first + 1:]
    elif first > 1 and _is_title(blocks[0], rules):
        assert isinstance(blocks[0], Paragraph)
        title = blocks[0].text
        rest = blocks[1:]
    headings = [b for b in rest if isinstance(b, Heading)]
    shift = 2 - min((h.level for h in headings), default=2)
    intro, flat = _split(rest, {i: b.level + shift for i, b in enumerate(rest)
                                if isinstance(b, Heading)})
    return title, intro, flat


# --- inferred headings ------------------------------------------------------------------------


def _inferred(
    blocks: tuple[Block, ...], rules: Rules
) -> tuple[str, tuple[Block, ...], list[_Flat]]:
    """Find the title and headings among stand-alone lines, then infer their levels."""
    title = ""
    if len(blocks) > 1 and _is_title(blocks[0], rules):
        assert isinstance(blocks[0], Paragraph)
        title = blocks[0].text
        blocks = blocks[1:]
    marks = [i for i in range(len(blocks) - 1) if _is_heading(blocks[i], blocks[i + 1], rules)]
    intro, flat = _split(blocks, {i: 2 for i in marks})
    levels = infer_levels(flat, title, rules)
    leveled = [_Flat(f.text, level, f.blocks) for f, level in zip(flat, levels, strict=True)]
    return title, intro, leveled


def _is_title(block: Block, rules: Rules) -> bool:
    return (
        isinstance(block, Paragraph)
        and block.standalone
        and len(block.text.split()) <= rules.title_max_words
        and len(block.text) <= 2 * rules.heading_max_chars
        and not block.text.endswith(tuple(CLOSING_PUNCTUATION))
    )


def _is_heading(block: Block, after: Block, rules: Rules) -> bool:
    """A stand-alone short line, starting like a heading and not ending like a sentence."""
    if not (isinstance(block, Paragraph) and block.standalone and _short(block.text, rules)):
        return False
    text = block.text
    first_letter = next((c for c in text if c.isalpha()), "")
    if first_letter.islower() or text.endswith(tuple(CLOSING_PUNCTUATION)):
        return False
    if _NOT_HEADING.search(text) or text[:1] in ATTRIBUTION_DASHES:
        return False  # code, a file name, a link, a citation or a quotation's credit
    if _is_credit(after):
        return False  # a pull quote over its credit line
    if isinstance(after, Paragraph) and _GOES_ON.match(after.text):
        return False  # the sentence goes on after it: an image's alt text or a label inline
    words = text.lower().split()
    if len(words) >= rules.statement_min_words and set(words) & PROSE_VERBS and not (
            text.endswith("?")):
        return False  # "Optimizing code is one way to save energy": a statement, not a title
    if text.endswith("?") and (len(text.split()) < 2 or _SENTENCE_INSIDE.search(text)):
        return False  # "Why?", "But why?" after a sentence: a question asked in the prose
    if text.endswith(":"):  # "Tips:" over a list introduces it; "Part One: Origins" heads
        return not isinstance(after, ListBlock) and is_title_case(text)
    return True


def _is_credit(block: Block) -> bool:
    """True for a quotation's credit line: "— Ada Lovelace"."""
    return isinstance(block, Paragraph) and block.text[:1] in ATTRIBUTION_DASHES


def _short(text: str, rules: Rules) -> bool:
    """Short enough for a heading (the length first: a paragraph's words are not split)."""
    return len(text) <= rules.heading_max_chars and len(text.split()) <= rules.heading_max_words


def is_title_case(text: str) -> bool:
    """True when most words that title case capitalises are capitalised."""
    words = [w for w in WORD.findall(text) if w.lower() not in MINOR_WORDS]
    if not words:
        return False
    capital = sum(1 for w in words if not w[0].islower())
    return capital * 3 >= len(words) * 2


@dataclass
class _Group:
    """An open run of subsections under a parent heading, while the inference walks on."""

    level: int
    """The children's level."""
    left: int | None
    """How many children the parent announced that are still to come, if it named a number."""
    named: frozenset[str]
    """Stems of the parent's announcing sentence: a heading named there is one of its parts."""
    reach: int
    """Index of the last heading that repeats the parent's own words: all up to it are in."""
    first: str = ""
    """The first child's text; later children must be worded alike (same form)."""
    lead_until: int = -1
    """When three or more children start with the same word, the index of the last of them:
    that parallel run is the whole group."""
    start: int = 0
    """Index of the parent heading."""
    words: frozenset[str] = frozenset()
    """Stems of the parent heading, beyond the article's topic and its own parents' words."""
    sure: bool = False
    """The parent's evidence says where the group ends (see `_Evidence.sure`)."""


def infer_levels(flat: list[_Flat], title: str, rules: Rules = DEFAULT_RULES) -> list[int]:
    """A level (2 or deeper) for each heading. Flat is the default: a heading opens a group of
    subsections only on evidence that it introduces them (see `_hub`), and the group ends where
    that evidence does: after the parts it announced, after the run of headings that repeat
    its words or are worded alike. Numbering and closing headings decide first."""
    sizes = [prose_words(f.blocks) for f in flat]
    closing = [_is_closing(f.text) for f in flat]
    topic = stems(title)
    hubs = [_hub(i, flat, sizes, closing, topic, rules) for i in range(len(flat))]
    levels: list[int] = []
    stack: list[_Group] = []
    for i, item in enumerate(flat):
        number = _number(item.text)
        if closing[i]:
            _flatten_swallowing(stack, levels)
            stack.clear()
            levels.append(2)
            continue
        while stack and not _continues(stack[-1], i, flat, hubs):
            stack.pop()
        if number is not None:  # under an unnumbered hub, numbered headings are its parts
            levels.append((stack[-1].level if stack else 2) + number.count("."))
            continue
        level = stack[-1].level if stack else 2
        levels.append(level)
        if stack:
            _take_child(stack[-1], i, flat)
        evidence = hubs[i]
        if evidence is not None:
            mine = stems(item.text) - topic - frozenset().union(*(g.words for g in stack))
            reach = _reach(i, mine, flat, hubs, closing) if evidence.sure else i
            stack.append(_Group(level + 1, evidence.count, evidence.named, reach, start=i,
                                words=mine, sure=evidence.sure))
    _flatten_swallowing(stack, levels)
    return levels


def _flatten_swallowing(stack: list[_Group], levels: list[int]) -> None:
    """Undo a top-level group that runs on to the closing headings or the end without naming
    its parts: a heading over all the rest of the article introduces it, and its sections
    are the article's own (no climb back means no evidence of where the group ends)."""
    group = stack[0] if stack else None
    if group and group.level == 3 and not group.sure and group.lead_until < 0:
        for j in range(stack[0].start + 1, len(levels)):
            levels[j] -= 1


def _continues(group: _Group, i: int, flat: list[_Flat],
               hubs: list[_Evidence | None]) -> bool:
    """True when heading `i` still belongs to `group`: it is an announced part, is named in
    the announcement, falls within the parent's repeated words, or is worded like the first
    child (a heading introducing parts of its own breaks such a run)."""
    if i <= group.reach or _named(flat[i].text, group.named):
        return True
    if group.left is not None:
        return group.left > 0
    if not group.first:
        return True
    if group.lead_until >= 0:
        return i <= group.lead_until
    return hubs[i] is None and _form(flat[i].text) == _form(group.first)


def _named(text: str, named: frozenset[str]) -> bool:
    """True when most of a heading's words are named in an announcing sentence."""
    mine = stems(text)
    return bool(mine) and len(mine & named) * 2 >= len(mine)


def _take_child(group: _Group, i: int, flat: list[_Flat]) -> None:
    """Count heading `i` as the next child of `group`."""
    if group.left is not None:
        group.left -= 1
    if not group.first:
        group.first = flat[i].text
        lead = _first_word(flat[i].text)
        run = i
        while run + 1 < len(flat) and _first_word(flat[run + 1].text) == lead:
            run += 1
        if run - i >= 2:
            group.lead_until = run


def _reach(i: int, mine: frozenset[str], flat: list[_Flat],
           hubs: list[_Evidence | None], closing: list[bool]) -> int:
    """Index of the last heading after `i` that repeats its words, before a closing heading or
    a heading that introduces parts of its own without repeating them."""
    reach = i
    for j in range(i + 1, len(flat)):
        shares = bool(stems(flat[j].text) & mine)
        if closing[j] or hubs[j] is not None and not shares:
            break
        if shares:
            reach = j
    return reach


def _form(text: str) -> tuple[bool, bool]:
    """How a heading is worded, coarsely: as a question, and as addressed to the reader."""
    first = _first_word(text)
    return (text.endswith("?") or first in QUESTION_WORDS, first in PERSONAL_WORDS)


def _first_word(text: str) -> str:
    word = WORD.search(text)
    return word.group(0).lower() if word else ""


@dataclass(frozen=True)
class _Evidence:
    """Why a heading is taken to introduce the headings after it."""

    sure: bool
    """Its text announces the parts or the next heading repeats its words: the group's end
    is known. Otherwise (a short or empty section) the group must end visibly."""
    count: int | None = None
    """How many parts it announces, if it names a number."""
    named: frozenset[str] = frozenset()
    """Stems of its announcing sentence."""


def _hub(i: int, flat: list[_Flat], sizes: list[int], closing: list[bool],
         topic: frozenset[str], rules: Rules) -> _Evidence | None:
    """Evidence that heading `i` introduces the headings after it, or None."""
    if i + 1 >= len(flat) or closing[i + 1] or _form(flat[i].text)[0] and _form(
            flat[i + 1].text)[0]:
        return None  # at the end, or a question over a question: peers in a run of questions
    if flat[i].text.split()[:2] == flat[i + 1].text.split()[:2] and \
            len(flat[i].text.split()) > 1:
        return None  # "Part Number 1" then "Part Number 2": parallel wording makes peers
    own = flat[i].blocks
    if not any(isinstance(b, (Paragraph, ListBlock, Quote)) for b in own):
        return _Evidence(sure=False)  # "Tips:" or a heading with no text of its own
    if _last_text(own).endswith(":"):
        return _Evidence(sure=True)  # its text ends by announcing what follows
    last = _last_paragraph(own)
    for block in own:
        if not isinstance(block, Paragraph):
            continue
        said = sentences(block.text)
        for sentence in said:
            points = _may_point(sentence) and bool(
                _SECTION_POINTER.search(sentence) or block is last and _POINTER.search(sentence))
            if not points and not (block is last and sentence is said[-1]):
                continue  # (the count is only asked of these: its search is slow)
            count = _announced_count(sentence, len(flat) - i - 1)
            if points:
                return _Evidence(True, count, stems(sentence))  # "In this section we ..."
            if count is not None:
                return _Evidence(True, count, stems(sentence))  # "There are three methods."
    if _introduces_next(i, flat, sizes, topic):
        return _Evidence(sure=True)
    if _is_short_intro(i, flat, sizes, closing, rules):
        return _Evidence(sure=False)
    return None


def _last_paragraph(blocks: tuple[Block, ...]) -> Paragraph | None:
    """The section's closing paragraph, if nothing but asides ("Note: ...") and figures follow
    it; None when a list or quote closes the section (what it announced came inside)."""
    for block in reversed(blocks):
        if isinstance(block, Paragraph) and not block.text.lower().startswith(ASIDE_OPENERS):
            return block
        if not isinstance(block, (Paragraph, Figure)):
            return None
    return None


def _announced_count(sentence: str, following: int) -> int | None:
    """How many parts a sentence announces ("There are three methods..."), if it names a
    number that the headings after it can fill."""
    if not _may_announce(sentence):
        return None
    match = _ANNOUNCED.search(sentence)
    if match is None:
        return None
    word = match.group(1).lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return count if 2 <= count <= following else None


def _may_point(sentence: str) -> bool:
    """False when `sentence` cannot match _SECTION_POINTER or _POINTER: it has none of their
    words. A few substring tests instead of the regex searches, which try every position of
    the sentence (case-insensitively): 2 million instructions a run on a short article."""
    if not _folds_plainly(sentence):
        return True
    lowered = sentence.lower()
    return any(word in lowered for word in _POINTER_WORDS)


def _may_announce(sentence: str) -> bool:
    """False when `sentence` cannot match _ANNOUNCED: it names no number, in digits or as a
    word between spaces (the same first look as `_may_point`). _ANNOUNCED puts spaces around
    the number, so a number word must be one of the sentence's words, lower-cased ("ten" in
    "often" is none, and would send the sentence to that slow search)."""
    if not _folds_plainly(sentence):
        return True
    return _DIGIT.search(sentence) is not None or not _NUMBER_WORDS.isdisjoint(
        sentence.lower().split())


_NUMBER_WORDS = frozenset(NUMBER_WORDS)


def _folds_plainly(sentence: str) -> bool:
    """True when whatever a case-insensitive pattern of ASCII letters matches in `sentence` is
    found, as typed in the pattern, in `sentence.lower()` (see _FOLDS_TO_ASCII)."""
    return sentence.isascii() or not any(letter in sentence for letter in _FOLDS_TO_ASCII)


def _is_short_intro(i: int, flat: list[_Flat], sizes: list[int], closing: list[bool],
                    rules: Rules) -> bool:
    """True when heading `i` has only a sentence or two of its own, far shorter than each
    section after it: an introduction to them rather than their peer."""
    after = []
    for j in range(i + 1, min(len(flat), i + 1 + rules.hub_lookahead)):
        if closing[j]:
            break
        after.append(sizes[j])
    own = [b for b in flat[i].blocks if not isinstance(b, Figure)]
    return (
        len(after) >= 2
        and len(own) == 1
        and isinstance(own[0], Paragraph)
        and len(sentences(own[0].text)) <= rules.intro_max_sentences
        and sizes[i] <= rules.hub_ratio * min(after)
    )


def _introduces_next(i: int, flat: list[_Flat], sizes: list[int], topic: frozenset[str]) -> bool:
    """True when the next heading repeats this one's words (beyond the article's topic) and
    says more: "Healthy Habits" then "Keeping Healthy Habits Going"."""
    if i + 1 >= len(flat) or _is_closing(flat[i + 1].text):
        return False
    mine, theirs = stems(flat[i].text) - topic, stems(flat[i + 1].text) - topic
    return (
        len(mine & theirs) >= 2
        and _first_word(flat[i].text) != _first_word(flat[i + 1].text)  # parallel: peers
        and len(flat[i + 1].text.split()) > len(flat[i].text.split())
        and sizes[i] <= sizes[i + 1]
    )


def _is_closing(text: str) -> bool:
    return text.lower().strip(" :?!.") in CLOSING_HEADINGS


def _number(text: str) -> str | None:
    match = _NUMBER.match(text)
    return match.group(1) if match else None


def _last_text(blocks: tuple[Block, ...]) -> str:
    for block in reversed(blocks):
        if isinstance(block, (Paragraph, Quote)):
            return block.text
        if isinstance(block, ListBlock):
            return block.items[-1]
        if isinstance(block, Figure):
            return block.caption or block.alt
    return ""


# --- nesting ----------------------------------------------------------------------------------


def _split(
    blocks: tuple[Block, ...], levels: dict[int, int]
) -> tuple[tuple[Block, ...], list[_Flat]]:
    """Cut blocks at the heading positions in `levels`: the introduction, then flat sections."""
    starts = sorted(levels)
    intro = blocks[: starts[0]] if starts else blocks
    flat = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        head = blocks[start]
        assert isinstance(head, (Heading, Paragraph))
        flat.append(_Flat(head.text, levels[start], blocks[start + 1: end]))
    return intro, flat


MAX_LEVEL = 6
"""The deepest heading level Markdown has."""


def _nest(flat: list[_Flat]) -> tuple[Section, ...]:
    """Turn a flat run of leveled headings into a tree; a level never jumps by more than one
    nor goes past MAX_LEVEL."""
    root: list[tuple[_Flat, int, list]] = []  # type: ignore[type-arg]
    stack: list[tuple[_Flat, int, list]] = []  # type: ignore[type-arg]
    for item in flat:
        level = max(2, min(item.level, stack[-1][1] + 1 if stack else 2, MAX_LEVEL))
        while stack and stack[-1][1] >= level:
            stack.pop()
        node: tuple[_Flat, int, list] = (item, level, [])  # type: ignore[type-arg]
        (stack[-1][2] if stack else root).append(node)
        stack.append(node)

    def freeze(node: tuple[_Flat, int, list]) -> Section:  # type: ignore[type-arg]
        item, level, children = node
        return Section(item.text, level, item.blocks, tuple(freeze(c) for c in children))

    return tuple(freeze(node) for node in root)
