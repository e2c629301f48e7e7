"""Fast paths of the outline and write stages held to the simple code they stand for."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from microsite import write
from microsite.outline import (
    _ANNOUNCED,
    _FOLDS_TO_ASCII,
    _POINTER,
    _SECTION_POINTER,
    _may_announce,
    _may_point,
)
from microsite.pipeline import generate
from microsite.write import _NAV_BLOCK, _package_files, _search_nav

_CONFIG_PIECES = st.sampled_from(
    ["nav:", "nav: []", "\n", "  ", "- a.md", "\t", "-", "site_name: x", "nav", ":", "x",
     "# nav:", " nav:", "\r\n", "navigation:", "nav:\n"])


@settings(max_examples=400)
@given(st.lists(_CONFIG_PIECES, max_size=14))
def test_nav_search_finds_what_the_regex_finds(pieces: list[str]) -> None:
    config = "".join(pieces)
    fast, slow = _search_nav(config), _NAV_BLOCK.search(config)
    assert (fast and fast.span()) == (slow and slow.span())


def test_generator_digest_lists_the_files_as_a_sorted_walk_does() -> None:
    root = os.path.dirname(write.__file__)
    walked = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            walked.append((path[len(root):].lstrip(os.sep), os.stat(path).st_mtime_ns))
    assert [(rel, stat.st_mtime_ns) for rel, stat in _package_files(root)] == walked


def test_only_the_listed_letters_fold_to_ascii_unlike_their_lower_case() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = [chr(c) for c in range(sys.maxunicode + 1)
           if ascii_letter.fullmatch(chr(c)) and not re.fullmatch("[a-z]", chr(c).lower())]
    assert sorted(odd) == sorted(_FOLDS_TO_ASCII)


_ASCII = st.characters(codec="ascii")


@settings(max_examples=300)
@given(st.one_of(st.from_regex(_SECTION_POINTER), st.from_regex(_POINTER),
                 st.from_regex(_SECTION_POINTER, alphabet=_ASCII),
                 st.from_regex(_POINTER, alphabet=_ASCII)))
def test_a_sentence_that_points_has_a_pointer_word(sentence: str) -> None:
    assert _may_point(sentence)


@settings(max_examples=300)
@given(st.one_of(st.from_regex(_ANNOUNCED), st.from_regex(_ANNOUNCED, alphabet=_ASCII)))
def test_a_sentence_that_announces_names_a_number(sentence: str) -> None:
    assert _may_announce(sentence)


def test_pointer_words_on_sentences_that_point() -> None:
    for sentence in ["In this section we look at three habits.", "They are listed BELOW:",
                     "The steps are as follows.", "Consider the following.",
                     "There are several ways.", "Here are a few ideas.", "Thiſ ſection."]:
        assert _may_point(sentence), sentence
    assert not _may_point("Nothing here points anywhere.")
    assert not _may_announce("Nothing here counts anything.")
    assert _may_announce("There are 3 kinds.") and _may_announce("It has FOUR parts.")


def test_a_new_folder_gets_what_an_existing_empty_one_gets(tmp_path: Path) -> None:
    new, empty = tmp_path / "new" / "project", tmp_path / "empty"
    empty.mkdir()
    reports = [generate([SEED], project) for project in (new, empty)]
    assert reports[0] == reports[1] and reports[0].scaffolded

    def files(project: Path) -> dict[str, bytes]:
        return {p.relative_to(project).as_posix(): p.read_bytes()
                for p in sorted(project.rglob("*")) if p.is_file()}

    assert files(new) == files(empty)
    assert sorted(p.relative_to(new) for p in new.rglob("*")) == sorted(
        p.relative_to(empty) for p in empty.rglob("*"))
