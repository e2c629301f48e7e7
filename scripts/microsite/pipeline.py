"""The whole flow, one call per stage: the place to read first.

    1. read     each article file becomes blocks (nothing is written before all are read)
    2. clean    scrape boilerplate is dropped
    3. outline  headings are found and nested
    4. plan     sections become pages with slugs, paths and a nav
    5. learn    key terms, cross-links, callouts, glossary, questions
    6. render   pages become Markdown, the nav YAML
    7. write    files go into docs/ and mkdocs.yml, keeping the user's edits
    8. build    MkDocs builds the site, strictly
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from . import run_mkdocs
from .clean import clean
from .data.outline_rules import DEFAULT_RULES, Rules
from .learn import learn
from .model import Article, Output, Site, Source, WriteReport
from .outline import outline
from .plan import plan
from .read import read_file
from .render import render
from .write import fingerprint, remember, unchanged_since, write

Progress = Callable[[str, int, int], None]
"""Told (step, done, total) as a long run goes on, for a progress bar."""


def _quiet(step: str, done: int, total: int) -> None:
    pass


def read_articles(paths: Sequence[Path], rules: Rules = DEFAULT_RULES,
                  progress: Progress = _quiet) -> tuple[Source, ...]:
    """Steps 1 and 2 for every article: blocks without boilerplate."""
    sources = []
    for done, path in enumerate(paths):
        progress("reading", done, len(paths))
        sources.append(clean(read_file(path, rules)))
    progress("reading", len(paths), len(paths))
    return tuple(sources)


def plan_site(
    paths: Sequence[Path], split_level: int | None = None, rules: Rules = DEFAULT_RULES,
    progress: Progress = _quiet,
) -> Site:
    """Steps 1 to 4: the site decided, nothing written."""
    # 1-2. read and clean every article
    sources = read_articles(paths, rules, progress)
    # 3. find the structure of each
    articles: tuple[Article, ...] = tuple(outline(source, rules) for source in sources)
    # 4. decide the pages and the nav
    return plan(articles, split_level, rules)


def render_site(
    paths: Sequence[Path], split_level: int | None = None, rules: Rules = DEFAULT_RULES,
    progress: Progress = _quiet,
) -> Output:
    """Steps 1 to 6: every file's text decided, nothing written."""
    site = plan_site(paths, split_level, rules, progress)
    # 5. add what helps readers study: terms, links, callouts, glossary, questions
    progress("learning", 0, 1)
    site = learn(site)
    progress("learning", 1, 1)
    # 6. write every page as Markdown
    return render(site, progress)


def generate(
    paths: Sequence[Path], project: Path, split_level: int | None = None, force: bool = False,
    rules: Rules = DEFAULT_RULES, progress: Progress = _quiet,
) -> WriteReport:
    """Steps 1 to 7: the project's docs/ and nav brought up to date with the articles."""
    # 0. the same articles, options and generator as last time, and no file touched since:
    # nothing to do
    stamp = fingerprint(paths, f"{split_level!r} {rules!r}")
    done = None if force else unchanged_since(project, stamp)
    if done is not None:
        return done
    output = render_site(paths, split_level, rules, progress)
    # 7. start writing files now that all data is gathered
    progress("writing", 0, 1)
    report = write(project, output, force)
    progress("writing", 1, 1)
    remember(project, stamp, report)
    return report


def build(
    paths: Sequence[Path], project: Path, split_level: int | None = None, force: bool = False,
    rules: Rules = DEFAULT_RULES, site_url: str | None = None, progress: Progress = _quiet,
) -> WriteReport:
    """The whole flow: generate the pages, then build the site with MkDocs (`site_url`: where
    it will be published, for canonical links and the sitemap)."""
    if site_url is not None:
        run_mkdocs.check_reads_site_url(project)
    report = generate(paths, project, split_level, force, rules, progress)
    # 8. build the site
    progress("building", 0, 1)
    run_mkdocs.build(project, site_url)
    progress("building", 1, 1)
    return report
