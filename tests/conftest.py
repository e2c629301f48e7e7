"""Shared fixtures: the repository's paths, a freshly built site, and page-text extraction."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from microsite.model import Block, Figure, ListBlock

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "why-we-run.txt"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new project built from the bundled article by the real pipeline and MkDocs."""
    from microsite.pipeline import build

    project = tmp_path_factory.mktemp("project")
    shutil.copy(SEED, project / SEED.name)
    build([project / SEED.name], project)
    return project


class BodyText(HTMLParser):
    """The text a reader sees in a page's article body, without what the generator adds that
    repeats the article (links `ms-links`, summaries `ms-summary`, questions `ms-quiz`) and
    the headings' permalink signs."""

    SKIP_CLASSES = frozenset({"ms-links", "ms-summary", "ms-quiz", "headerlink"})
    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_in_article = 0
        self.skipping = 0
        self.chunks: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth_in_article:
            self.depth_in_article += 1
            self.tags.append(tag)
            if self.skipping or classes & self.SKIP_CLASSES:
                self.skipping += 1
        elif tag == "article" and "md-content__inner" in classes:
            self.depth_in_article = 1
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote"):
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.depth_in_article:
            return
        self.depth_in_article -= 1
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.depth_in_article and not self.skipping:
            self.chunks.append(data)


def body_text(html: str) -> str:
    """The article body's text of a built page, white space folded."""
    parser = BodyText()
    parser.feed(html)
    return " ".join("".join(parser.chunks).split())


def block_texts(blocks: Iterable[Block]) -> list[str]:
    """Every piece of text of `blocks`: paragraphs, list items, alt texts and captions."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            texts += block.items
        elif isinstance(block, Figure):
            texts += [block.alt, block.caption]
        else:
            texts.append(block.text)
    return texts


def scaffold_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions a scaffolded mkdocs.yml turns on."""
    config = yaml_load(
        (REPO / "scripts/microsite/scaffold/mkdocs.yml").read_text(encoding="utf-8")
        .replace("{{ site_name }}", "x"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = dict(options or {})
    return markdown.Markdown(extensions=names, extension_configs=configs)
