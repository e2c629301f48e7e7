"""Drop what a scrape adds around an article: page anchors, share buttons, comment prompts."""

from __future__ import annotations

import re
from dataclasses import replace

from .data.boilerplate import ANYWHERE, AT_EDGES
from .escape import one_line
from .model import Block, ListBlock, Paragraph, Source

_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in ANYWHERE), re.IGNORECASE)
_AT_EDGES = re.compile("|".join(f"(?:{p})" for p in AT_EDGES + ANYWHERE), re.IGNORECASE)


def clean(source: Source) -> Source:
    """The source without boilerplate lines; what was dropped is listed in `dropped`."""
    blocks = source.blocks
    head = _edge_length(blocks)
    tail = len(blocks) - _edge_length(tuple(reversed(blocks)))
    kept: list[Block] = []
    dropped: list[str] = list(source.dropped)
    for index, block in enumerate(blocks):
        pattern = _AT_EDGES if index < head or index >= tail else _ANYWHERE
        if isinstance(block, Paragraph) and block.standalone and _matches(pattern, block.text):
            dropped.append(block.text)
        elif isinstance(block, ListBlock) and all(_matches(pattern, i) for i in block.items):
            dropped.extend(block.items)
        else:
            kept.append(block)
    return replace(source, blocks=tuple(kept), dropped=tuple(dropped))


def _edge_length(blocks: tuple[Block, ...]) -> int:
    """How many blocks at the start are short stand-alone lines or lists: the page's chrome."""
    count = 0
    for block in blocks:
        if not (isinstance(block, ListBlock) or isinstance(block, Paragraph) and block.standalone
                and len(block.text.split()) <= 20):
            break
        count += 1
    return count


def _matches(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches the whole of `text`, its white space folded (`one_line`: a
    text already folded, as most are, is not split into words) and its edges' marks off."""
    return pattern.fullmatch(one_line(text).strip(" .:|·•-–—")) is not None
