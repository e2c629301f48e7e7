"""A rule-based sentence classifier: which sentences become "Try this" and "What research
says" callouts. The cues live in data/callout_cues.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from ..model import CalloutKind

KINDS: tuple[CalloutKind, ...] = ("research", "tip")
"""The kinds of callout, in the order they are tried: a sentence with both kinds' cues is
research."""
_OPEN = r"\b(?:"
"""How a kind's pattern starts: its cues, as one alternation, at a word boundary."""


@lru_cache(maxsize=1)
def cues() -> dict[CalloutKind, re.Pattern[str]]:
    """The cue patterns from the data file, one alternation per kind.

    They are matched case-insensitively. Cues written all in lower case (the usual case) are
    compiled case-sensitively and matched against the lower-cased sentence, which `re` does
    two to three times faster than with IGNORECASE; a cue with a capital anywhere (an escape
    such as `\\S` included) keeps IGNORECASE."""
    text = (resources.files("microsite") / "data" / "callout_cues.yml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C: 10x
    patterns: dict[CalloutKind, re.Pattern[str]] = {}
    for kind in KINDS:
        source = _OPEN + "|".join(f"(?:{p})" for p in data[kind]) + ")"
        patterns[kind] = re.compile(source, 0 if source.islower() else re.IGNORECASE)
    return patterns


def kind_of(sentence: str) -> CalloutKind | None:
    """"research" for a research claim, "tip" for advice, None for anything else."""
    return _classifier().kind_of(sentence)


def classify(sentences: tuple[str, ...]) -> tuple[tuple[str, CalloutKind], ...]:
    """The sentences to set off as callouts, with their kind, in reading order."""
    kind_of = _classifier().kind_of
    found = []
    for sentence in sentences:
        kind = kind_of(sentence)
        if kind is not None:
            found.append((sentence, kind))
    return tuple(found)


class _Classifier:
    """The cues of both kinds made ready to search a sentence: each kind's search and
    whether it reads the sentence as written (IGNORECASE) or lower-cased, and, when the two
    kinds can share a pattern, `either`: both kinds' cues in one alternation at a word
    boundary, which matches wherever one of the two patterns does. `re` tries every word
    boundary of a sentence against the alternation, so one pattern for both halves the scans
    of a sentence with no cue, the usual case."""

    def __init__(self, research: re.Pattern[str], tip: re.Pattern[str]) -> None:
        self.research, self.tip = research.search, tip.search
        self.research_as_written = bool(research.flags & re.IGNORECASE)
        self.tip_as_written = bool(tip.flags & re.IGNORECASE)
        shared = research.flags == tip.flags and _joinable(research) and _joinable(tip)
        self.either = re.compile(research.pattern[:-1] + "|" + tip.pattern[len(_OPEN):],
                                 research.flags).search if shared else None

    def kind_of(self, sentence: str) -> CalloutKind | None:
        """The kind of `sentence` (see `kind_of`). A cue of either kind matches where
        `either` first does; a research cue, if any, matches there or further on (none
        matches before), so the research cues are searched from there only."""
        lower = sentence.lower()
        if self.either is not None:
            text = sentence if self.research_as_written else lower
            found = self.either(text)
            if found is None:
                return None
            return "research" if self.research(text, found.start()) else "tip"
        if self.research(sentence if self.research_as_written else lower):
            return "research"
        if self.tip(sentence if self.tip_as_written else lower):
            return "tip"
        return None


def _classifier() -> _Classifier:
    """The classifier of the current cues."""
    patterns = cues()
    research, tip = patterns["research"], patterns["tip"]
    return _classifier_of(research.pattern, research.flags, tip.pattern, tip.flags)


@lru_cache(maxsize=1)
def _classifier_of(research: str, research_flags: int, tip: str,
                   tip_flags: int) -> _Classifier:
    """(Keyed by the patterns' text, whose hash Python keeps: a Pattern's hash reads its
    whole compiled code.)"""
    return _Classifier(re.compile(research, research_flags), re.compile(tip, tip_flags))


def _joinable(pattern: re.Pattern[str]) -> bool:
    """Whether a kind's cues can join another kind's in one alternation: they have no
    groups (a backreference counts them) and together make a pattern of their own (no cue
    closes a bracket it did not open), so that the joined alternation tries exactly the
    alternatives of the two."""
    if pattern.groups:
        return False
    try:
        re.compile(pattern.pattern[len(_OPEN):-1], pattern.flags)
    except re.error:
        return False
    return True
