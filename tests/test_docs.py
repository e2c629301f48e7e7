"""The README documents every command and option of the command line."""

from __future__ import annotations

import click
import pytest

from conftest import REPO
from microsite.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_documented(name: str) -> None:
    command = main.commands[name]
    assert f"microsite {name}" in README
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), f"{name} {param.opts[0]}"


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:800]
    assert "make site" in head and "make test" in head
