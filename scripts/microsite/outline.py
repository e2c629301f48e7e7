"""Infer an article's structure: which lines are headings, and how they nest.

Explicit headings (`##` in text, `<h2>` in HTML) are taken as given: that is how a user corrects
a guess. Without them, a heading is a short stand-alone line that does not end like a sentence,
and nesting comes from the text's own evidence, weighed in this order:

1. numbering: "2.1 ..." sits under "2 ...";
2. closing headings ("Conclusion", "Final thoughts") stand at the top level;
3. a hub: a heading whose own text is a short introduction to the longer sections after it
   (or ends by announcing them with a colon, or is empty) is their parent;
4. a heading worded like the next one ("Healthy Habits" before "Keeping Healthy Habits Going")
   introduces it, unless the shared words are the article's topic (its title's words).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from .data.outline_rules import (
    CLOSING_HEADINGS,
    CLOSING_PUNCTUATION,
    DEFAULT_RULES,
    MINOR_WORDS,
    NUMBER_WORDS,
    Rules,
)
from .model import Article, Block, Figure, Heading, ListBlock, Paragraph, Quote, Section, Source
from .textutil import WORD, prose_words, sentences, stems

_ANNOUNCED = re.compile(
    rf"\b({'|'.join(NUMBER_WORDS)}|\d{{1,2}})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+s\b", re.IGNORECASE
)
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
    if text.endswith(":"):  # "Tips:" over a list introduces it; "Part One: Origins" heads
        return not isinstance(after, ListBlock) and is_title_case(text)
    return True


def _short(text: str, rules: Rules) -> bool:
    return len(text.split()) <= rules.heading_max_words and len(text) <= rules.heading_max_chars


def is_title_case(text: str) -> bool:
    """True when most words that title case capitalises are capitalised."""
    words = [w for w in WORD.findall(text) if w.lower() not in MINOR_WORDS]
    if not words:
        return False
    capital = sum(1 for w in words if not w[0].islower())
    return capital * 3 >= len(words) * 2


def infer_levels(flat: list[_Flat], title: str, rules: Rules = DEFAULT_RULES) -> list[int]:
    """A level (2 or deeper) for each heading, from numbering, closings, hubs and wording."""
    sizes = [prose_words(f.blocks) for f in flat]
    closing = [_is_closing(f.text) for f in flat]
    numbers = [_number(f.text) for f in flat]
    topic = stems(title)
    levels: list[int] = []
    hub_open = False  # the last top-level heading introduces the ones after it
    left: int | None = None  # how many parts the open hub announced and are still to come
    for i, item in enumerate(flat):
        if closing[i]:
            levels.append(2)
            hub_open = False
        elif numbers[i] is not None:  # under an unnumbered hub, numbered headings are its parts
            levels.append((3 if hub_open else 2) + numbers[i].count("."))  # type: ignore[union-attr]
        elif _is_hub(i, flat, sizes, closing, rules) or _introduces_next(i, flat, sizes, topic):
            levels.append(2)
            hub_open = True
            left = _announced(item.blocks, len(flat) - i - 1)
        else:
            levels.append(3 if hub_open else 2)
            if hub_open and left is not None:
                left -= 1
                hub_open = left > 0
    return levels


def _announced(blocks: tuple[Block, ...], following: int) -> int | None:
    """How many parts a hub's last sentence announces ("There are three methods..."), if it
    names a number that the headings after it can fill."""
    last = sentences(_last_text(blocks))
    match = _ANNOUNCED.search(last[-1]) if last else None
    if match is None:
        return None
    word = match.group(1).lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return count if 2 <= count <= following else None


def _is_hub(i: int, flat: list[_Flat], sizes: list[int], closing: list[bool],
            rules: Rules) -> bool:
    """True when heading `i` introduces the sections after it rather than being their peer."""
    after = []
    for j in range(i + 1, min(len(flat), i + 1 + rules.hub_lookahead)):
        if closing[j]:
            break
        after.append(sizes[j])
    if len(after) < 2:
        return False
    own = flat[i].blocks
    announces = bool(own) and _last_text(own).endswith(":")
    return sizes[i] == 0 or announces or sizes[i] <= rules.hub_ratio * statistics.median(after)


def _introduces_next(i: int, flat: list[_Flat], sizes: list[int], topic: frozenset[str]) -> bool:
    """True when the next heading repeats this one's words (beyond the article's topic) and
    says more: "Healthy Habits" then "Keeping Healthy Habits Going"."""
    if i + 1 >= len(flat) or _is_closing(flat[i + 1].text):
        return False
    mine, theirs = stems(flat[i].text) - topic, stems(flat[i + 1].text) - topic
    return (
        bool(mine & theirs)
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


def _nest(flat: list[_Flat]) -> tuple[Section, ...]:
    """Turn a flat run of leveled headings into a tree; a level never jumps by more than one."""
    root: list[tuple[_Flat, int, list]] = []  # type: ignore[type-arg]
    stack: list[tuple[_Flat, int, list]] = []  # type: ignore[type-arg]
    for item in flat:
        level = max(2, min(item.level, stack[-1][1] + 1 if stack else 2))
        while stack and stack[-1][1] >= level:
            stack.pop()
        node: tuple[_Flat, int, list] = (item, level, [])  # type: ignore[type-arg]
        (stack[-1][2] if stack else root).append(node)
        stack.append(node)

    def freeze(node: tuple[_Flat, int, list]) -> Section:  # type: ignore[type-arg]
        item, level, children = node
        return Section(item.text, level, item.blocks, tuple(freeze(c) for c in children))

    return tuple(freeze(node) for node in root)
