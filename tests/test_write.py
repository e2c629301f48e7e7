"""Writing into a project: the user's edits and files are never lost, writes are atomic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from microsite.errors import ProjectError
from microsite.model import File, Output
from microsite.write import MANIFEST, current_nav, replace_nav, write

NAV = "nav:\n- Home: index.md\n- A: a.md\n"


def _output(**pages: str) -> Output:
    files = tuple(File(path=f"{name}.md", text=text) for name, text in pages.items())
    return Output(site_name="Test &amp; site", files=files, nav_yaml=NAV)


def test_new_project_is_scaffolded(tmp_path: Path) -> None:
    report = write(tmp_path, _output(index="home\n", a="A\n"))
    assert report.scaffolded
    assert sorted(report.written) == ["docs/a.md", "docs/index.md"]
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Test &amp; site"' in config
    assert current_nav(config) == NAV
    assert (tmp_path / "overrides/main.html").exists()
    assert (tmp_path / ".github/workflows/pages.yml").exists()
    assert (tmp_path / MANIFEST).exists()


def test_second_identical_run_writes_nothing(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n"))
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    report = write(tmp_path, _output(index="home\n"))
    assert report.written == () and report.unchanged == ("docs/index.md",)
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    assert {p: t for p, t in after.items() if p.name != "manifest.json"} == {
        p: t for p, t in before.items() if p.name != "manifest.json"}


def test_edited_page_is_kept_until_forced(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n", a="A\n"))
    (tmp_path / "docs/a.md").write_text("my own words\n", encoding="utf-8")
    report = write(tmp_path, _output(index="home 2\n", a="A 2\n"))
    assert report.kept == ("docs/a.md",)
    assert (tmp_path / "docs/a.md").read_text(encoding="utf-8") == "my own words\n"
    assert (tmp_path / "docs/index.md").read_text(encoding="utf-8") == "home 2\n"
    again = write(tmp_path, _output(index="home 2\n", a="A 3\n"))
    assert again.kept == ("docs/a.md",)  # still the user's: not adopted on the second run
    forced = write(tmp_path, _output(index="home 2\n", a="A 3\n"), force=True)
    assert forced.written == ("docs/a.md",)
    assert (tmp_path / "docs/a.md").read_text(encoding="utf-8") == "A 3\n"


def test_users_own_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("mine\n", encoding="utf-8")
    (tmp_path / "docs/notes.md").write_text("notes\n", encoding="utf-8")
    report = write(tmp_path, _output(index="generated\n"))
    assert report.kept == ("docs/index.md",)
    assert report.added == ("docs/notes.md",)
    assert (tmp_path / "docs/index.md").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "docs/notes.md").read_text(encoding="utf-8") == "notes\n"
    nav = current_nav((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert nav == NAV + '- "notes.md"\n'  # after the generated pages


def test_users_pages_go_in_the_nav_in_path_order_and_hidden_ones_stay_out(
        tmp_path: Path) -> None:
    for rel in ("a-b/x.md", "a/z.md", "a/b/y.md", "a.md", ".drafts/d.md", "a/.e.md",
                "includes/abbreviations.md", "notes.txt"):
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text("mine\n", encoding="utf-8")
    report = write(tmp_path, _output(index="home\n"))
    assert report.added == ("docs/a/b/y.md", "docs/a/z.md", "docs/a-b/x.md", "docs/a.md")
    assert report.added == tuple(sorted(report.added, key=lambda rel: Path(rel)))
    again = write(tmp_path, _output(index="home\n"))
    assert again.added == report.added and not again.written


def test_the_scaffold_is_listed_the_same_from_a_folder_and_a_traversable() -> None:
    from importlib import resources

    from microsite.write import _scaffold_files, _traversed

    root = resources.files("microsite") / "scaffold"

    class Wrapped:  # a Traversable that is not a folder on disk (as in a zipped package)
        def __init__(self, entry: Any) -> None:
            self.entry, self.name = entry, entry.name

        def iterdir(self) -> list[Wrapped]:
            return [Wrapped(e) for e in self.entry.iterdir()]

        def is_dir(self) -> bool:
            return bool(self.entry.is_dir())

    listed = _scaffold_files(root)
    assert listed == _traversed(root) == _scaffold_files(Wrapped(root))  # type: ignore[arg-type]
    assert {"mkdocs.yml", "overrides/main.html", ".github/workflows/pages.yml"} <= set(listed)
    assert not any("__pycache__" in rel for rel in listed)


def test_pages_no_longer_generated_are_removed_unless_edited(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n", a="A\n", b="B\n"))
    (tmp_path / "docs/b.md").write_text("B edited\n", encoding="utf-8")
    report = write(tmp_path, _output(index="home\n"))
    assert report.removed == ("docs/a.md",)
    assert not (tmp_path / "docs/a.md").exists()
    assert (tmp_path / "docs/b.md").read_text(encoding="utf-8") == "B edited\n"
    assert "docs/b.md" in report.kept


def test_mkdocs_yml_keeps_everything_but_the_nav(tmp_path: Path) -> None:
    config = ("# my comment\nsite_name: Mine  # inline comment\nnav:\n  - Old: old.md\n"
              "  # nav comment\n\n# before theme\ntheme:\n  name: material\n")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    report = write(tmp_path, _output(index="home\n"))
    assert not report.scaffolded
    new = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert new == ("# my comment\nsite_name: Mine  # inline comment\n" + NAV
                   + "\n# before theme\ntheme:\n  name: material\n")


def test_hand_edited_nav_is_kept(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n"))
    path = tmp_path / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- A: a.md", "- Mine: a.md"),
                    encoding="utf-8")
    report = write(tmp_path, _output(index="home\n"))
    assert "mkdocs.yml" in report.kept
    assert "- Mine: a.md" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("config, expected", [
    ("site_name: x\n", "site_name: x\n\n" + NAV),
    ("nav:\n- X: x.md\nsite_name: x\n", NAV + "site_name: x\n"),
    ("site_name: x\nnav: []\n", "site_name: x\n" + NAV),
    ("a: 1\nnav:\n\n  - X: x.md\n\nb: 2\n", "a: 1\n" + NAV + "\nb: 2\n"),
])
def test_replace_nav(config: str, expected: str) -> None:
    assert replace_nav(config, NAV) == expected


def test_damaged_manifest_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n"))
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(ProjectError, match="manifest.json.*--force"):
        write(tmp_path, _output(index="home\n"))


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n", a="A\n"))
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_rewritten_file_keeps_its_mode_and_a_new_one_is_an_ordinary_file(
        tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        write(tmp_path, _output(index="home\n", a="A\n"))
        page = tmp_path / "docs" / "index.md"
        assert page.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0o600
        assert (tmp_path / "docs" / "a.md").stat().st_mode & 0o777 == 0o644
        page.chmod(0o640)
        write(tmp_path, _output(index="home, again\n", a="A\n"))
        assert page.read_text(encoding="utf-8") == "home, again\n"
        assert page.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_page_in_a_new_folder_gets_its_folder(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n"))
    files = (File(path="index.md", text="home\n"), File(path="part/deep/b.md", text="B\n"))
    write(tmp_path, Output(site_name="T", files=files, nav_yaml=NAV))
    assert (tmp_path / "docs/part/deep/b.md").read_text(encoding="utf-8") == "B\n"


def test_temporaries_of_a_killed_run_are_cleared(tmp_path: Path) -> None:
    write(tmp_path, _output(index="home\n"))
    left = [tmp_path / "docs" / ".index.md.ab12_x9z.tmp",
            tmp_path / "docs" / "part" / "deep" / ".b.md.0123abcd.tmp",
            tmp_path / ".mkdocs.yml.a1b2c3d4.tmp",
            tmp_path / ".microsite" / ".manifest.json.a1b2c3d4.tmp"]
    mine = [tmp_path / "docs" / ".my-notes.tmp", tmp_path / ".my.tmp"]
    for path in left + mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half a pa", encoding="utf-8")
    write(tmp_path, _output(index="home\n"))
    assert not [path for path in left if path.exists()]
    assert all(path.exists() for path in mine)


def test_failed_staging_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, _output(index="home\n", a="A\n"))
    import microsite.write as module

    real = module._stage
    calls = []

    def failing(path: Path, data: bytes, new: bool = False) -> str:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data, new)

    monkeypatch.setattr(module, "_stage", failing)
    with pytest.raises(Exception, match="No space left"):
        write(tmp_path, _output(index="home 2\n", a="A 2\n"))
    assert (tmp_path / "docs/index.md").read_text(encoding="utf-8") == "home\n"
    assert (tmp_path / "docs/a.md").read_text(encoding="utf-8") == "A\n"
    assert not list(tmp_path.rglob("*.tmp"))


# --- A run with nothing to do is skipped (pipeline.generate, step 0) ---------------------------

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "flat-balcony-tomatoes.txt"


def _files(project: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()}


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, Path]:
    from microsite.pipeline import generate

    article = tmp_path / "tomatoes.txt"
    article.write_bytes(ARTICLE.read_bytes())
    project = tmp_path / "site"
    generate([article], project)
    return article, project


def test_run_over_unchanged_input_touches_nothing(generated: tuple[Path, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from microsite import pipeline

    article, project = generated
    before = _files(project)
    monkeypatch.setattr(pipeline, "render_site", lambda *a, **k: pytest.fail("re-rendered"))
    report = pipeline.generate([article], project)
    assert report.written == report.removed == report.kept == ()
    assert "docs/index.md" in report.unchanged
    assert _files(project) == before


@pytest.mark.parametrize("change, expect", [
    ("article", "written"), ("edit page", "kept"), ("delete page", "written"),
    ("own page", "added"), ("edit nav", "kept"), ("options", "written"),
])
def test_any_change_since_the_last_run_makes_a_full_run(
        generated: tuple[Path, Path], change: str, expect: str) -> None:
    from microsite.pipeline import generate

    article, project = generated
    split = None
    if change == "article":
        article.write_text(article.read_text() + "\nOne more sentence at the end.\n")
    elif change == "edit page":
        (project / "docs/index.md").write_text("my own words\n")
    elif change == "delete page":
        (project / "docs/about.md").unlink()
    elif change == "own page":
        (project / "docs/notes.md").write_text("# Notes\n")
    elif change == "edit nav":
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("- Home: index.md", "- Start: index.md"))
    else:
        split = 1
    report = generate([article], project, split)
    assert getattr(report, expect), report
    again = generate([article], project, split)  # and the next run has nothing more to write
    assert again.written == again.removed == (), again


def test_force_makes_a_full_run(generated: tuple[Path, Path]) -> None:
    from microsite.pipeline import generate

    article, project = generated
    (project / "docs/index.md").write_text("my own words\n")
    generate([article], project)
    report = generate([article], project, force=True)
    assert "docs/index.md" in report.written
    assert generate([article], project).written == ()


def test_a_new_projects_mkdocs_yml_is_written_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import microsite.write as module

    staged: list[str] = []
    real = module._stage

    def counting(path: Path | str, data: bytes, new: bool = False) -> str:
        staged.append(Path(path).name)
        return real(path, data, new)

    monkeypatch.setattr(module, "_stage", counting)
    write(tmp_path, _output(index="home\n"))
    assert staged.count("mkdocs.yml") == 1
    assert current_nav((tmp_path / "mkdocs.yml").read_text(encoding="utf-8")) == NAV
    assert len(staged) == len(set(staged))  # no file staged twice
