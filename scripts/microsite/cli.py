"""The command line: `microsite outline`, `build` and `serve`.

The only module that prints errors and sets exit statuses: 0 done, 1 the site did not build,
2 bad usage or bad input (one line on stderr saying what is wrong and what to do).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .data.outline_rules import Rules
from .errors import MicrositeError

F = TypeVar("F", bound=Callable[..., Any])

_SOURCES = click.argument(
    "sources", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=True)
)
_PROJECT = click.option(
    "--project", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
    show_default=True, help="The site project: docs/, mkdocs.yml and site/ go here.",
)
_SPLIT = click.option(
    "--split-level", type=click.IntRange(1, 6), default=None,
    help="Sections down to this heading level get pages of their own (1: one page; 2: a page"
    " per top-level section; 3: subsections too). Default: subsections get pages when they"
    " are substantial.",
)


_MAX_SIZE = click.option(
    "--max-size", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
    help="Largest article file to read, in megabytes.",
)


def _rules(max_size: float) -> Rules:
    return Rules(max_bytes=int(max_size * 1024 * 1024))


class Problem(click.ClickException):
    """The site did not build: the message on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"microsite: {self.format_message()}", err=True)


class BadInput(Problem):
    """Bad input or a project that cannot be used: one line on stderr, exit status 2."""

    exit_code = 2


def _speaks(command: F) -> F:
    """Turn the library's errors into messages and exit statuses, at the boundary only."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MicrositeError as error:
            raise (BadInput if error.exit_code == 2 else Problem)(str(error)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="microsite")
def main() -> None:
    """Turn an article (plain text) into a structured, searchable MkDocs microsite."""


@main.command("outline")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a tree.")
@_SPLIT
@_MAX_SIZE
@_speaks
def outline_command(source: Path, as_json: bool, split_level: int | None,
                    max_size: float) -> None:
    """Show the structure inferred from SOURCE, and the page each heading lands on.

    Nothing is written. Correct a wrong guess by marking headings in the text with `##` and
    `###`: marked headings are taken as given."""
    from .pipeline import plan_site
    from .render import outline_json

    data = outline_json(plan_site([source], split_level, _rules(max_size)))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"# {data['title']}")
    for heading in data["headings"]:  # type: ignore[attr-defined]
        indent = "  " * (heading["level"] - 2)
        marks = "#" * heading["level"]
        click.echo(f"{indent}{marks} {heading['text']}    -> docs/{heading['page']}")
    figures, words = data["figures"], data["words"]
    click.echo(f"({len(figures)} figures, {words} words)")  # type: ignore[arg-type]


@main.command("build")
@_SOURCES
@_PROJECT
@_SPLIT
@click.option("--force", is_flag=True,
              help="Overwrite generated pages even where they were edited by hand.")
@click.option("--site-url", metavar="URL",
              help="Where the site will be published (https://USER.github.io/REPO/): gives"
              " canonical links, link previews with an address, and sitemap.xml.")
@_MAX_SIZE
@_speaks
def build_command(sources: Sequence[Path], project: Path, split_level: int | None,
                  force: bool, site_url: str | None, max_size: float) -> None:
    """Generate PROJECT/docs/ from the SOURCE articles and build the site into PROJECT/site/.

    A PROJECT without mkdocs.yml is set up first (mkdocs.yml, overrides/, a GitHub Pages
    workflow). Several SOURCEs make one site with a section per article. Pages you edited by
    hand are kept unless --force is given."""
    from .pipeline import build

    _check_sources(sources)
    report = build(sources, project, split_level, force, _rules(max_size), _site_url(site_url),
                   _progress(sources))
    _tell(report, project)
    click.echo(f"Built the site in {project / 'site'}")


@main.command("serve")
@_SOURCES
@_PROJECT
@_SPLIT
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1.")
@_MAX_SIZE
@_speaks
def serve_command(sources: Sequence[Path], project: Path, split_level: int | None,
                  port: int, max_size: float) -> None:
    """Generate the site from the SOURCE articles and serve it on http://127.0.0.1:PORT.

    The page reloads when the site changes, and the pages are generated again when a SOURCE
    file changes. Stop with Ctrl+C."""
    from . import run_mkdocs
    from .pipeline import generate

    _check_sources(sources)
    rules = _rules(max_size)
    _tell(generate(sources, project, split_level, rules=rules, progress=_progress(sources)),
          project)
    server = run_mkdocs.serve(project, port)
    stamps = _stamps(sources)
    try:
        while server.poll() is None:
            time.sleep(1)
            if _stamps(sources) != stamps:
                stamps = _stamps(sources)
                try:
                    _tell(generate(sources, project, split_level, rules=rules), project)
                except MicrositeError as error:  # keep serving the last good pages
                    click.echo(f"microsite: {error}", err=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()


PROGRESS_MIN_ARTICLES = 10
"""From this many articles a run shows a progress bar (on a terminal only)."""


def _progress(sources: Sequence[Path]) -> Callable[[str, int, int], None]:
    """A one-line progress bar on stderr for a long run on a terminal; silent otherwise."""
    if len(sources) < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        return lambda step, done, total: None

    def show(step: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        click.echo(f"\r{step:<10} [{'#' * filled}{'-' * (width - filled)}] {done}/{total}",
                   err=True, nl=done >= total)

    return show


def _site_url(value: str | None) -> str | None:
    from .run_mkdocs import normalize_site_url

    if value is None:
        return None
    try:
        return normalize_site_url(value)
    except ValueError as error:
        raise BadInput(f"--site-url: {error}") from None


def _check_sources(sources: Sequence[Path]) -> None:
    seen: set[Path] = set()
    for source in sources:
        key = source.resolve()
        if key in seen:
            raise click.UsageError(f"{source} is given twice; give each article once.")
        seen.add(key)


def _stamps(sources: Sequence[Path]) -> tuple[float, ...]:
    return tuple(s.stat().st_mtime if s.exists() else 0.0 for s in sources)


def _tell(report: Any, project: Path) -> None:
    if report.scaffolded:
        click.echo(f"Set up a new site project in {project} (mkdocs.yml, overrides/, workflow)")
    click.echo(f"Wrote {len(report.written)} files, {len(report.unchanged)} unchanged,"
               f" {len(report.removed)} removed")
    for path in report.added:
        click.echo(f"Listed {path} in the nav: a page of your own")
    for path in report.kept:
        click.echo(f"Kept {path}: it was changed by hand (use --force to overwrite)", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
