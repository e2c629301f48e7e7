"""Fast paths of the outline and write stages held to the simple code they stand for."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from microsite import write
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
