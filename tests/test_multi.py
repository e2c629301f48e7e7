"""Several articles, one site: a section per article, one glossary and search index, links
between articles where they share terms, and a progress bar for long runs on a terminal."""

from __future__ import annotations

import io
import posixpath
import re
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import REPO
from microsite.audit import nav_pages
from microsite.pipeline import build, render_site
from microsite.plan import SHELF_SIZE

CORPUS = REPO / "tests" / "corpus"
# One article in each input format, from the same open-source guide: they share terms.
THREE = [CORPUS / "osg-maintaining-balance" / "article.txt",
         CORPUS / "osg-code-of-conduct" / "article.md",
         CORPUS / "osg-legal" / "article.html"]
LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("three")
    build(THREE, project)
    return project


def _inline_links(project: Path) -> list[tuple[str, str, str]]:
    """(page, linked words, target page) of every link in the prose of every page."""
    found = []
    docs = project / "docs"
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        body = page.read_text(encoding="utf-8").split("\n## ", 1)[0]  # before study blocks
        for words, target in LINK.findall(body):
            found.append((rel, words, posixpath.normpath(posixpath.join(posixpath.dirname(rel),
                                                                        target))))
    return found


def test_three_formats_make_one_site_with_a_section_per_article(three: Path) -> None:
    pages = nav_pages(three)
    folders = {p.split("/")[0] for p in pages if "/" in p}
    assert len(folders) == 3, folders
    assert {"index.md", "glossary.md", "topics.md", "about.md"} <= set(pages)
    assert (three / "site" / "search" / "search_index.json").is_file()
    assert len(list((three / "site").rglob("search_index.json"))) == 1


def test_articles_link_to_each_other_where_they_share_terms(three: Path) -> None:
    links = _inline_links(three)
    across = [(page, words, target) for page, words, target in links
              if "/" in page and "/" in target and page.split("/")[0] != target.split("/")[0]]
    assert across, "no link from one article's prose to another's"
    for page, words, target in across:
        assert (three / "docs" / target).is_file(), (page, target)
        # single words mean different things in different articles: only phrases cross
        assert len(words.split()) > 1 or words.isupper(), (page, words, target)
    built = {p.relative_to(three / "site").as_posix() for p in (three / "site").rglob("*.html")}
    for _, _, target in across:
        stem = target[: -len(".md")]
        assert f"{stem.removesuffix('/index')}/index.html" in built or f"{stem}.html" in built


def test_unrelated_articles_share_no_single_word_links(tmp_path: Path) -> None:
    fixtures = REPO / "tests" / "fixtures" / "articles"
    output = render_site([REPO / "content" / "why-we-run.txt",
                          fixtures / "hub-home-composting.txt",
                          fixtures / "levels-sourdough-marked.txt"])
    for file in output.files:
        if "/" not in file.path:
            continue
        body = file.text.split("\n## ", 1)[0]
        for words, target in LINK.findall(body):
            goes = posixpath.normpath(posixpath.join(posixpath.dirname(file.path), target))
            if "/" in goes and goes.split("/")[0] != file.path.split("/")[0]:
                assert len(words.split()) > 1, (file.path, words, goes)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_for_many_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    from microsite.cli import PROGRESS_MIN_ARTICLES, _progress

    many = [Path(f"a{i}.txt") for i in range(PROGRESS_MIN_ARTICLES)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    show = _progress(many)
    for done in range(4):
        show("reading", done, 3)
    shown = terminal.getvalue()
    assert "\rreading    [----------" in shown and "3/3\n" in shown

    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    _progress(many[:-1])("reading", 1, 3)  # a few articles: no bar
    assert quiet.getvalue() == ""
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    _progress(many)("reading", 1, 3)  # not a terminal: no bar
    assert piped.getvalue() == ""


def test_pipeline_reports_every_step(tmp_path: Path) -> None:
    from microsite.pipeline import generate

    seen: list[tuple[str, int, int]] = []
    generate(THREE[:2], tmp_path / "p", progress=lambda *step: seen.append(step))
    steps = [s for s, _, _ in seen]
    assert steps[0] == "reading" and ("reading", 2, 2) in seen
    assert {"learning", "rendering", "writing"} <= set(steps)
    assert all(0 <= done <= total for _, done, total in seen)


def test_many_articles_are_shelved_in_the_nav_and_each_page_carries_its_own_shelf(
        tmp_path: Path) -> None:
    count = SHELF_SIZE + 2
    sources = []
    for number in range(count):
        source = tmp_path / f"a{number:02d}.txt"
        source.write_text(f"Notes on Topic {number}\n\nTopic {number} is a subject with a few"
                          f" sentences of text. It has a second sentence about topic {number}"
                          " that is long enough to read.\n", encoding="utf-8")
        sources.append(source)
    project = tmp_path / "p"
    build(sources, project)
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    labels = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["nav"]]
    assert labels[:3] == ["Home", f"Articles 1–{SHELF_SIZE}",
                          f"Articles {SHELF_SIZE + 1}–{count}"], labels
    shelves = [next(iter(entry.values())) for entry in config["nav"][1:3]]
    assert [len(shelf) for shelf in shelves] == [SHELF_SIZE, 2]
    pages = nav_pages(project)
    assert len([p for p in pages if p.startswith("notes-on-topic-")]) == count
    assert {"index.md", "about.md"} <= set(pages)
    # navigation.prune: a page holds its own shelf's entries, and only a link for the other
    site = project / "site"
    first = (site / "notes-on-topic-0" / "index.html").read_text(encoding="utf-8")
    last = (site / f"notes-on-topic-{count - 1}" / "index.html").read_text(encoding="utf-8")
    for page, own, other in ((first, 0, count - 1), (last, count - 1, 0)):
        nav = page.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
        assert f"Notes on Topic {own}\n" in nav or f"Notes on Topic {own}<" in nav
        assert f"Notes on Topic {other}<" not in nav and f"Notes on Topic {other}\n" not in nav
    assert first.count("md-nav__link") < SHELF_SIZE + 15


def test_a_few_articles_are_not_shelved(three: Path) -> None:
    config = yaml_load((three / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not any(str(next(iter(entry))).startswith("Articles ")
                   for entry in config["nav"] if isinstance(entry, dict))
