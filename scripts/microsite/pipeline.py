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

from collections.abc import Sequence
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


def read_articles(paths: Sequence[Path], rules: Rules = DEFAULT_RULES) -> tuple[Source, ...]:
    """Steps 1 and 2 for every article: blocks without boilerplate."""
    return tuple(clean(read_file(path, rules)) for path in paths)


def plan_site(
    paths: Sequence[Path], split_level: int | None = None, rules: Rules = DEFAULT_RULES
) -> Site:
    """Steps 1 to 4: the site decided, nothing written."""
    # 1-2. read and clean every article
    sources = read_articles(paths, rules)
    # 3. find the structure of each
    articles: tuple[Article, ...] = tuple(outline(source, rules) for source in sources)
    # 4. decide the pages and the nav
    return plan(articles, split_level, rules)


def render_site(
    paths: Sequence[Path], split_level: int | None = None, rules: Rules = DEFAULT_RULES
) -> Output:
    """Steps 1 to 6: every file's text decided, nothing written."""
    site = plan_site(paths, split_level, rules)
    # 5. add what helps readers study: terms, links, callouts, glossary, questions
    site = learn(site)
    # 6. write every page as Markdown
    return render(site)


def generate(
    paths: Sequence[Path], project: Path, split_level: int | None = None, force: bool = False,
    rules: Rules = DEFAULT_RULES,
) -> WriteReport:
    """Steps 1 to 7: the project's docs/ and nav brought up to date with the articles."""
    # 0. the same articles, options and generator as last time, and no file touched since:
    # nothing to do
    stamp = fingerprint(paths, f"{split_level!r} {rules!r}")
    done = None if force else unchanged_since(project, stamp)
    if done is not None:
        return done
    output = render_site(paths, split_level, rules)
    # 7. start writing files now that all data is gathered
    report = write(project, output, force)
    remember(project, stamp, report)
    return report


def build(
    paths: Sequence[Path], project: Path, split_level: int | None = None, force: bool = False,
    rules: Rules = DEFAULT_RULES, site_url: str | None = None,
) -> WriteReport:
    """The whole flow: generate the pages, then build the site with MkDocs (`site_url`: where
    it will be published, for canonical links and the sitemap)."""
    if site_url is not None:
        run_mkdocs.check_reads_site_url(project)
    report = generate(paths, project, split_level, force, rules)
    # 8. build the site
    run_mkdocs.build(project, site_url)
    return report
