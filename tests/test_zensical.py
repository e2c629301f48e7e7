"""Zensical, the Material team's successor to MkDocs, builds our projects from their mkdocs.yml.

Optional: runs only when a `zensical` command is beside this Python or on PATH (it is not in the
`test` extra, and never required). Zensical 0.0.73 is the newest that installs from PyPI here:
0.0.74 and later need `zensical-ui`, which the registry does not serve.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO

ARTICLE = REPO / "tests" / "fixtures" / "articles" / "hub-home-composting.txt"


def _zensical() -> str:
    beside = Path(sys.executable).parent / "zensical"
    if beside.exists():
        return str(beside)
    found = shutil.which("zensical")
    if found is None:
        pytest.skip("zensical is not installed (optional: pip install zensical)")
    return found


def _bundled(tmp_path: Path) -> Path:
    """A copy of this repository's project: mkdocs.yml, docs/, overrides/."""
    project = tmp_path / "bundled"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    return project


def _scaffolded(tmp_path: Path) -> Path:
    """A new project made by the real pipeline from a small article (pages only, no build)."""
    from microsite.pipeline import generate

    project = tmp_path / "scaffolded"
    generate([ARTICLE], project)
    return project


@pytest.mark.parametrize("make", [_bundled, _scaffolded], ids=["bundled", "scaffolded"])
def test_zensical_builds_the_project(make: Callable[[Path], Path], tmp_path: Path) -> None:
    command = _zensical()
    project = make(tmp_path)
    # --strict: abort on any warning (broken link or anchor), as `mkdocs build --strict` does.
    done = subprocess.run(
        [command, "build", "--strict", "--config-file", "mkdocs.yml"],
        cwd=project, capture_output=True, text=True, check=False, timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    site = project / "site"
    assert (site / "index.html").is_file()
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    # abbr: each page's own definitions make its glossary terms tooltips.
    assert any("<abbr title=" in html for html in pages.values())
    # admonition and pymdownx.details: the summaries and the collapsed answers.
    assert any('class="admonition abstract' in html for html in pages.values())
    assert any("<details" in html for html in pages.values())
    # attr_list + md_in_html: the home page's section cards.
    assert 'class="grid cards' in pages[site / "index.html"]
    # tags plugin: the topics page lists the tags.
    assert 'class="md-tag"' in (site / "topics" / "index.html").read_text(encoding="utf-8")
    # custom_dir: overrides/main.html adds link-preview metadata.
    assert 'property="og:title"' in pages[site / "index.html"]
    # search: an index of the pages.
    assert (site / "search.json").is_file() or (site / "search" / "search_index.json").is_file()
