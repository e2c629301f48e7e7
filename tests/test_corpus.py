"""The real-article corpus of the structure benchmark (tests/corpus): every article's source and
licence recorded, and its truth and renderings exactly what scripts/corpus_render.py makes."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
REFRESH = ".venv/bin/python scripts/corpus_render.py"
# licences that let us keep and adapt the text here; each article's meta.yml names one
OPEN_LICENCES = ("CC BY 4.0", "CC BY-SA 2.5", "CC0 1.0", "Public domain")
META_KEYS = ("title", "subject", "repository", "path", "commit", "source_url", "page_url",
             "licence", "licence_url", "licence_evidence", "attribution", "changes")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_render", REPO / "scripts" / "corpus_render.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_render"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


corpus_render = _load_script()
FOLDERS = corpus_render.articles(CORPUS)


def test_corpus_has_at_least_twelve_articles() -> None:
    assert len(FOLDERS) >= 12


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_article_records_its_source_and_open_licence(folder: Path) -> None:
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    missing = [key for key in META_KEYS if not meta.get(key)]
    assert not missing, f"{folder.name}/meta.yml lacks {missing}"
    assert re.fullmatch(r"[0-9a-f]{40}", meta["commit"])
    assert meta["source_url"] == (
        f"https://github.com/{meta['repository']}/blob/{meta['commit']}/{meta['path']}")
    assert any(name in meta["licence"] for name in OPEN_LICENCES), meta["licence"]
    truth = corpus_render.read_markdown((folder / "article.md").read_text(encoding="utf-8"))
    assert meta["title"] == truth.title


def test_readme_credits_every_article() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert [f.name for f in FOLDERS if f"`{f.name}`" not in readme] == []


def test_truth_and_renderings_are_what_the_script_makes() -> None:
    expected = corpus_render.build(CORPUS)
    stale = [str(path.relative_to(CORPUS)) for path, text in expected.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"stale corpus files {stale}: run {REFRESH}"


def test_renderings_are_deterministic() -> None:
    assert corpus_render.build(CORPUS) == corpus_render.build(CORPUS)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_plain_text_carries_no_markdown_markers(folder: Path) -> None:
    doc = corpus_render.read_markdown((folder / "article.md").read_text(encoding="utf-8"))
    code = {line for block in doc.blocks if block.kind == "code"
            for line in block.text.splitlines()}
    prose = [line for line in (folder / "article.txt").read_text(encoding="utf-8").splitlines()
             if line not in code]
    markers = re.compile(r"\s*(#{1,6} |> |[-*+] |\d+\. )|.*(\]\(|\*\*|`)")
    marked = [line for line in prose if markers.match(line)]
    assert marked == []
    assert prose[0] == doc.title


@pytest.mark.parametrize(("source", "truth"), [
    ("(label)=\n# Title\n", "# Title\n"),
    ("Text {cite:ps}`a2020`, {cite:ps}`b2021`.\n", "Text.\n"),
    ("See {ref}`the guide<(target)>` now\n", "See the guide now\n"),
    ('{% image "a/b.jpg" "A "quoted" alt" %}\n', '![A "quoted" alt](/a/b.jpg)\n'),
    ("{% include toc.html %}\n\nText {{site.baseurl}}/x\n", "Text /x\n"),
    ("> Box\n{: .challenge}\n", "> Box\n"),
    ('## <a name="tabs"></a> Multiple tabs\n', "## Multiple tabs\n"),
    ("~~~\ncode\n~~~~\n", "~~~\ncode\n~~~\n"),
    ("Intro:\n* one\n* two\n", "Intro:\n\n* one\n* two\n"),
    ("A <!-- note --> word\n", "A  word\n"),
    ("---\ntitle: T\nlayout: post\ntags: [a]\n---\nText\n", "---\ntitle: T\n---\nText\n"),
    ("```{figure} f.png\n---\nname: x\nalt: The alt\n---\nThe caption.\n```\n",
     "![The alt](f.png)\nThe caption.\n"),
    ('<aside markdown="1" class="pquote">\n  <img src="a.png" class="pquote-avatar" alt="">\n'
     '  Quoted words.\n  <p markdown="1" class="pquote-credit">\n— @someone\n  </p>\n</aside>\n',
     "> Quoted words.\n>\n> — @someone\n"),
])
def test_cleanups(source: str, truth: str) -> None:
    assert corpus_render.clean(source) == truth
