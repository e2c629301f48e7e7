"""A rule-based sentence classifier: which sentences become "Try this" and "What research
says" callouts. The cues live in data/callout_cues.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from ..model import CalloutKind


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
    kinds: tuple[CalloutKind, ...] = ("research", "tip")
    for kind in kinds:
        source = r"\b(?:" + "|".join(f"(?:{p})" for p in data[kind]) + ")"
        patterns[kind] = re.compile(source, 0 if source.islower() else re.IGNORECASE)
    return patterns


def kind_of(sentence: str) -> CalloutKind | None:
    """"research" for a research claim, "tip" for advice, None for anything else."""
    lower = sentence.lower()
    for kind, pattern in cues().items():
        if pattern.search(sentence if pattern.flags & re.IGNORECASE else lower):
            return kind
    return None


def classify(sentences: tuple[str, ...]) -> tuple[tuple[str, CalloutKind], ...]:
    """The sentences to set off as callouts, with their kind, in reading order."""
    found = []
    for sentence in sentences:
        kind = kind_of(sentence)
        if kind is not None:
            found.append((sentence, kind))
    return tuple(found)
