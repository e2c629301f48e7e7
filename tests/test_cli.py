"""The command-line contract of DESIGN.md: commands, JSON shape, exit statuses, messages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "microsite", *args], capture_output=True,
                          text=True, cwd=cwd, check=False, timeout=120)


def test_outline_json_contract() -> None:
    done = run("outline", str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"title", "headings", "figures", "words"}
    assert data["title"].startswith("Why We Run from People Who Love Us")
    assert all(set(h) == {"text", "level", "page"} for h in data["headings"])
    assert all(set(f) == {"alt", "caption"} for f in data["figures"])
    assert len(data["figures"]) == 3
    assert 800 < data["words"] < 900
    pages = {h["text"]: h["page"] for h in data["headings"]}
    assert pages["Attachment Styles"] == "the-psychological-perspective/attachment-styles.md"


def test_outline_split_level_moves_headings_onto_pages() -> None:
    data = json.loads(run("outline", str(SEED), "--json", "--split-level", "2").stdout)
    pages = {h["text"]: h["page"] for h in data["headings"]}
    assert pages["Attachment Styles"] == "the-psychological-perspective.md"
    one = json.loads(run("outline", str(SEED), "--json", "--split-level", "1").stdout)
    assert {h["page"] for h in one["headings"]} == {"index.md"}


def test_outline_tree_is_readable() -> None:
    done = run("outline", str(SEED))
    assert done.returncode == 0
    assert "  ### Attachment Styles" in done.stdout
    assert "(3 figures," in done.stdout


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: _file(d, "empty.txt", b""), "empty"),
    (lambda d: _file(d, "blank.txt", b"  \n\t\n\xc2\xa0\n"), "empty"),
    (lambda d: _file(d, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "PNG image"),
    (lambda d: _file(d, "nul.txt", b"Title\n\nText\x00more."), "binary"),
])
def test_bad_input_gets_one_line_and_status_2(tmp_path: Path, make, message: str) -> None:
    source = make(tmp_path)
    for args in (["outline", str(source)], ["build", str(source), "--project",
                                            str(tmp_path / "out")]):
        done = run(*args)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and str(source.name) in lines[0]
    assert not (tmp_path / "out" / "docs").exists()  # nothing half-written


def test_bad_usage_is_status_2(tmp_path: Path) -> None:
    assert run("build").returncode == 2
    assert run("build", str(SEED), "--split-level", "0").returncode == 2
    assert run("build", str(SEED), str(SEED), "--project", str(tmp_path)).returncode == 2


def test_one_bad_source_among_several_writes_nothing(tmp_path: Path) -> None:
    done = run("build", str(SEED), str(tmp_path / "missing.txt"), "--project", str(tmp_path))
    assert done.returncode == 2
    assert not (tmp_path / "docs").exists()


def test_build_scaffolds_a_new_project_and_reports_edits(tmp_path: Path) -> None:
    project = tmp_path / "my-site"
    done = run("build", str(SEED), "--project", str(project))
    assert done.returncode == 0, done.stderr
    assert "Set up a new site project" in done.stdout
    assert (project / "site" / "index.html").exists()
    page = project / "docs" / "final-thoughts.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy note.\n", encoding="utf-8")
    again = run("build", str(SEED), "--project", str(project))
    assert again.returncode == 0
    assert "Kept docs/final-thoughts.md" in again.stderr
    assert "My note." in page.read_text(encoding="utf-8")


def test_failed_mkdocs_build_is_status_1(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: no-such-theme\n",
                                        encoding="utf-8")
    done = run("build", str(SEED), "--project", str(project))
    assert done.returncode == 1
    assert "mkdocs build --strict failed" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_lists_the_commands() -> None:
    done = run("--help")
    assert done.returncode == 0
    for command in ("outline", "build", "serve"):
        assert command in done.stdout


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


SMALL = SEED.parent.parent / "tests" / "fixtures" / "articles" / "flat-balcony-tomatoes.txt"


def test_site_url_gives_canonical_links_previews_and_a_sitemap(tmp_path: Path) -> None:
    project = tmp_path / "site-project"
    done = run("build", str(SMALL), "--project", str(project),
               "--site-url", "https://example.org/tomatoes")
    assert done.returncode == 0, done.stderr
    site = project / "site"
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text())
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(locations) == len(pages) >= 4
    assert all(loc.startswith("https://example.org/tomatoes/") for loc in locations)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/tomatoes/">' in home
    assert '<meta property="og:url" content="https://example.org/tomatoes/">' in home
    # Without the option the same project builds for no address in particular.
    done = run("build", str(SMALL), "--project", str(project))
    assert done.returncode == 0, done.stderr
    assert "<loc>" not in (site / "sitemap.xml").read_text()


@pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://", "https://a b/",
                                 "https://example.org/?page=1"])
def test_a_bad_site_url_is_one_line_and_status_2(tmp_path: Path, url: str) -> None:
    done = run("build", str(SMALL), "--project", str(tmp_path / "p"), "--site-url", url)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--site-url" in done.stderr, done.stderr
    assert not (tmp_path / "p").exists(), "nothing may be written for a bad option"


def test_site_url_needs_a_mkdocs_yml_that_reads_it(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert run("build", str(SMALL), "--project", str(project)).returncode == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: !ENV [SITE_URL]\n", ""))
    done = run("build", str(SMALL), "--project", str(project), "--site-url", "https://a.org/")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "site_url: !ENV [SITE_URL]" in done.stderr


OLD_TOOLTIPS_CONFIG = """  - pymdownx.snippets:
      base_path: [docs]
      check_paths: true
      auto_append:
        - includes/abbreviations.md
"""


def test_a_mkdocs_yml_that_appends_the_old_glossary_file_is_one_line_and_status_2(
        tmp_path: Path) -> None:
    # Before each page carried its own tooltips, every page was appended one glossary file.
    project = tmp_path / "p"
    assert run("build", str(SMALL), "--project", str(project)).returncode == 0
    assert not (project / "docs" / "includes").exists()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - abbr\n", "  - abbr\n" + OLD_TOOLTIPS_CONFIG))
    done = run("build", str(SMALL), "--project", str(project))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "includes/abbreviations.md" in done.stderr and "auto_append" in done.stderr
    # With the entry gone (the README says so), the project builds again.
    config.write_text(config.read_text().replace(OLD_TOOLTIPS_CONFIG, ""))
    assert run("build", str(SMALL), "--project", str(project)).returncode == 0
