"""The errors the library raises; the CLI alone turns them into messages and exit codes."""

from __future__ import annotations


class MicrositeError(Exception):
    """Base of every error microsite raises on purpose."""

    exit_code = 1


class InputError(MicrositeError):
    """Raised by `read` (and the CLI's checks) when an article cannot be used: exit status 2.

    The message names the file, says what is wrong and what to do."""

    exit_code = 2


class ProjectError(MicrositeError):
    """Raised by `write` when the project folder cannot be used (mkdocs.yml unreadable,
    docs/ not writable): exit status 2."""

    exit_code = 2


class BuildError(MicrositeError):
    """Raised by `run_mkdocs` when MkDocs did not build the site: exit status 1."""

    exit_code = 1
