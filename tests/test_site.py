"""The bundled article's site, end to end: strict build, fidelity, determinism, freshness."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pysbd
import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import REPO, SEED, body_text
from microsite.audit import html_path, nav_pages
from microsite.pipeline import render_site
from microsite.write import current_nav

# The lines the scrape added around the article (checked by hand against the source).
SEED_BOILERPLATE = {"top of page", "Comments", "bottom of page"}


def _site_pages(project: Path) -> list[Path]:
    """Built pages in nav order."""
    return [project / "site" / html_path(md) for md in nav_pages(project)]


def _seed_lines() -> list[str]:
    lines = [" ".join(x.split()) for x in SEED.read_text(encoding="utf-8").splitlines()]
    return [x for x in lines if x and x not in SEED_BOILERPLATE]


def test_strict_build_has_no_warning(built_project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site-check"],
        cwd=built_project, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    # Material's end-of-life banner mentions NO_MKDOCS_2_WARNING; MkDocs' own warnings are
    # log lines that start with the level.
    assert not re.search(r"^(WARNING|ERROR)\s+-", done.stderr, re.MULTILINE), done.stderr


def test_every_sentence_appears_once_in_reading_order(built_project: Path) -> None:
    text = " ".join(body_text(p.read_text(encoding="utf-8")) for p in _site_pages(built_project))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    position = 0
    checked = 0
    for line in _seed_lines():
        for sentence in (s.strip() for s in segmenter.segment(line)):
            found = text.find(sentence, position)
            assert found >= 0, f"missing or out of order: {sentence!r}"
            position = found + len(sentence)
            if line.endswith((".", "!", "?")):  # titles and headings recur in nav and maps
                assert text.count(sentence) == 1, f"shown {text.count(sentence)} times: {sentence}"
            checked += 1
    assert checked > 40


def test_no_boilerplate_in_the_site(built_project: Path) -> None:
    for page in _site_pages(built_project):
        text = body_text(page.read_text(encoding="utf-8"))
        for line in SEED_BOILERPLATE:
            assert not re.search(rf"(^|[.!?] ){re.escape(line)}( |$)", text, re.IGNORECASE), page


def test_every_nav_page_was_built(built_project: Path) -> None:
    pages = _site_pages(built_project)
    assert len(pages) == 17
    assert all(p.exists() for p in pages)


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):
        project = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", "from microsite.pipeline import generate; import sys;"
             f" from pathlib import Path; generate([Path({str(SEED)!r})], Path({str(project)!r}))"],
            env=env, check=True,
        )
        trees.append({p.relative_to(project): p.read_bytes()
                      for p in sorted(project.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) > 15
    for data in trees[0].values():  # no absolute path of the machine in any file
        assert str(tmp_path).encode() not in data and str(SEED.parent).encode() not in data


def test_committed_docs_are_up_to_date() -> None:
    """The pages in docs/ are what the generator makes now: refresh them with `make site`."""
    output = render_site([SEED])
    for file in output.files:
        committed = REPO / "docs" / file.path
        assert committed.exists(), f"docs/{file.path} is missing: run `make site`"
        assert committed.read_text(encoding="utf-8") == file.text, (
            f"docs/{file.path} is stale: run `make site`")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert current_nav(config) == output.nav_yaml, "the nav in mkdocs.yml is stale: `make site`"


SCAFFOLD = REPO / "scripts" / "microsite" / "scaffold"


@pytest.mark.parametrize("rel", sorted(
    str(p.relative_to(SCAFFOLD)) for p in SCAFFOLD.rglob("*")
    if p.is_file() and p.name != "mkdocs.yml" and "__pycache__" not in p.parts))
def test_repository_files_match_the_scaffold(rel: str) -> None:
    """This repository is a project like any the generator sets up: same files."""
    assert (REPO / rel).read_text(encoding="utf-8") == (SCAFFOLD / rel).read_text(encoding="utf-8")


def test_repository_mkdocs_yml_is_the_scaffolded_one() -> None:
    ours = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    template = (SCAFFOLD / "mkdocs.yml").read_text(encoding="utf-8")
    name = yaml_load(ours)["site_name"]
    expected = template.replace("{{ site_name }}", f'"{name}"')
    assert ours.replace(current_nav(ours), "") == expected.replace(current_nav(expected), "")
