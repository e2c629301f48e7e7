"""Run MkDocs on a project: the strict build, and the live-reloading server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .errors import BuildError, ProjectError

_SHOWN_LINES = 20
# mkdocs.yml reads the site's address from this variable (`site_url: !ENV [SITE_URL]`).
SITE_URL_VARIABLE = "SITE_URL"
_OLD_GLOSSARY = "includes/abbreviations.md"
_READS_SITE_URL = re.compile(rf"^site_url:\s*!ENV\s.*\b{SITE_URL_VARIABLE}\b", re.MULTILINE)


def build(project: Path, site_url: str | None = None) -> None:
    """`mkdocs build --strict` into `project/site`; raise BuildError with MkDocs' complaints.

    `site_url`, when given, is where the site will be published: it reaches mkdocs.yml through
    the SITE_URL variable, so the project's mkdocs.yml must read it."""
    env = _environment()
    check_no_appended_glossary(project)
    if site_url is not None:
        check_reads_site_url(project)
        env[SITE_URL_VARIABLE] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                          env=env)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines()
                 if line.startswith(("WARNING", "ERROR", "Error", "Aborted", "  "))]
        detail = "\n".join(lines[:_SHOWN_LINES]) or done.stderr.strip()[-2000:]
        raise BuildError(f"mkdocs build --strict failed in {project}:\n{detail}")


def serve(project: Path, port: int) -> subprocess.Popen[bytes]:
    """Start `mkdocs serve` with live reload on 127.0.0.1:`port`; the caller waits on it."""
    check_no_appended_glossary(project)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
               "--config-file", str(project / "mkdocs.yml")]
    env = _environment()
    env.pop(SITE_URL_VARIABLE, None)  # served at the root, wherever it will be published
    return subprocess.Popen(command, cwd=project, env=env)


def normalize_site_url(url: str) -> str:
    """`url` as MkDocs wants a site's address (ending in "/"), or ValueError saying why not."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url.strip():
        raise ValueError(f"{url!r} is not a web address; give one such as"
                         " https://USER.github.io/REPO/")
    if parts.query or parts.fragment:
        raise ValueError(f"{url!r} has a query or a #fragment; give the site's address only.")
    return parts.geturl() if parts.path.endswith("/") else parts.geturl() + "/"


def _environment() -> dict[str, str]:
    """The environment for MkDocs, without Material's end-of-life banner at every build (the
    README says what comes next: Zensical)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def check_no_appended_glossary(project: Path) -> None:
    """Raise ProjectError if the project's mkdocs.yml still appends the glossary file that
    microsite wrote before each page carried its own tooltips (MkDocs would only say that a
    snippet is missing)."""
    config = project / "mkdocs.yml"
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # MkDocs says what is wrong with it
    if _OLD_GLOSSARY in text and not (project / "docs" / _OLD_GLOSSARY).exists():
        raise ProjectError(
            f"{config} appends {_OLD_GLOSSARY} to every page, a file microsite no longer"
            " writes (each page now ends with the tooltips of its own terms): remove the"
            " `pymdownx.snippets` entry that lists it under auto_append."
        )


def check_reads_site_url(project: Path) -> None:
    """Raise ProjectError unless the project's mkdocs.yml takes site_url from SITE_URL (a
    project not set up yet will be, with a mkdocs.yml that does)."""
    config = project / "mkdocs.yml"
    if not config.exists():
        return
    try:
        text = config.read_text(encoding="utf-8")
    except OSError as error:
        raise ProjectError(f"{config}: cannot be read ({error.strerror}).") from error
    if not _READS_SITE_URL.search(text):
        raise ProjectError(
            f"{config} does not read the site's address from SITE_URL, so --site-url would be"
            " ignored: add the line `site_url: !ENV [SITE_URL]` to it, or write the address"
            " there as `site_url:` and leave out --site-url."
        )
