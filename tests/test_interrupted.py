"""A run killed while writing leaves every file whole, and the next run repairs the project.

The run is a real `generate` in a child process; the child slows its own file operations (in
this test's harness, not in microsite) and reports each one, so the parent can kill it with
SIGKILL in the middle of staging or of renaming, deterministically.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, SEED
from microsite.pipeline import generate, render_site

CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import microsite.write as write
    from microsite.pipeline import generate

    watched = sys.argv[3]
    if watched == "stage":
        real = write._stage
        def slow(path, data, new=False):
            result = real(path, data, new)
            print("stage", flush=True); time.sleep(0.05)
            return result
        write._stage = slow
    else:
        real = os.replace
        def slow(a, b):
            real(a, b)
            print("replace", flush=True); time.sleep(0.05)
        os.replace = slow
    generate([Path(sys.argv[1])], Path(sys.argv[2]))
    print("done", flush=True)
""")


def _texts(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project / "docs").as_posix(): p.read_bytes()
            for p in sorted((project / "docs").rglob("*")) if p.is_file()}


@pytest.mark.parametrize("watched", ["stage", "replace"])
def test_kill_mid_write_then_rerun(tmp_path: Path, watched: str) -> None:
    old_source = tmp_path / "article.txt"
    old_source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    new_source = tmp_path / "new" / "article.txt"
    new_source.parent.mkdir()
    new_source.write_text(old_source.read_text(encoding="utf-8").replace("individuals", "people"),
                          encoding="utf-8")
    project = tmp_path / "project"
    generate([old_source], project)
    old = _texts(project)
    new = {f.path: f.text.encode("utf-8") for f in render_site([new_source]).files}
    changed = [path for path in new if new[path] != old.get(path)]
    assert len(changed) >= 6

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(new_source), str(project),
                              watched], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    seen = 0
    for line in child.stdout:
        seen += line.startswith(watched)
        if seen == len(changed) // 2:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    now = _texts(project)
    pages = {path: data for path, data in now.items() if not path.split("/")[-1].startswith(".")}
    for path, data in pages.items():
        assert data in (old.get(path), new.get(path)), f"{path} is neither old nor new"
    mixed = sum(pages[path] == new[path] for path in changed)
    if watched == "stage":
        assert pages == old  # killed before any rename: the previous docs/ is whole
        assert len(now) > len(pages)  # with staged temporaries left, for the rerun to clear
    else:
        assert 0 < mixed < len(changed)  # killed between renames: each file whole

    report = generate([new_source], project)  # the rerun repairs
    assert not report.kept
    repaired = _texts(project)
    scaffold = REPO / "scripts" / "microsite" / "scaffold" / "docs"
    for path in [p for p in repaired if p not in new]:  # the scaffold's, not generated
        assert (scaffold / path).is_file(), f"{path} is left over"
        del repaired[path]
    assert repaired == new  # every page new, no temporary file left
