"""Run MkDocs on a project: the strict build, and the live-reloading server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import BuildError

_SHOWN_LINES = 20


def build(project: Path) -> None:
    """`mkdocs build --strict` into `project/site`; raise BuildError with MkDocs' complaints."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines()
                 if line.startswith(("WARNING", "ERROR", "Error", "Aborted", "  "))]
        detail = "\n".join(lines[:_SHOWN_LINES]) or done.stderr.strip()[-2000:]
        raise BuildError(f"mkdocs build --strict failed in {project}:\n{detail}")


def serve(project: Path, port: int) -> subprocess.Popen[bytes]:
    """Start `mkdocs serve` with live reload on 127.0.0.1:`port`; the caller waits on it."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
               "--config-file", str(project / "mkdocs.yml")]
    return subprocess.Popen(command, cwd=project)
