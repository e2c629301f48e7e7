"""Write the generated files into a project, never losing what a user wrote.

The generator records every file it wrote, with a hash of its content, in
`.microsite/manifest.json`. On the next run it rewrites a file only if the file still holds what
it wrote last time; a file the user changed, or one the user added, is kept and reported, and
`force` is the only way past that. `mkdocs.yml` belongs to the user: only its `nav:` block is the
generator's. Every file is replaced atomically (written beside, then renamed), and the manifest
last, so a run killed at any point leaves whole files and the next run repairs the rest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
from collections.abc import Iterable, Iterator, Sequence, Set
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import ProjectError
from .model import Output, WriteReport

MANIFEST = Path(".microsite") / "manifest.json"
LAST_RUN = Path(".microsite") / "last-run.json"
"""What the last run was made from (articles, options, generator), to skip a run that would
write nothing."""
CONFIG = "mkdocs.yml"
_NAV_BLOCK = re.compile(r"^nav:[^\n]*\n(?:(?:[ \t-][^\n]*)?\n)*", re.MULTILINE)
_NAV_KEY = "nav:"
"""How _NAV_BLOCK starts, at the start of a line."""
_SCAFFOLD_NAME = "{{ site_name }}"
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # what _stage names (and mkstemp did)


def write(project: Path, output: Output, force: bool = False) -> WriteReport:
    """Write `output` into `project` (docs/ and the nav of mkdocs.yml); scaffold it if new."""
    try:
        return _write(project, output, force)
    except OSError as error:
        where = error.filename or project
        raise ProjectError(f"{where}: cannot write ({error.strerror}). Check the folder's"
                           " permissions and free space.") from error


def _write(project: Path, output: Output, force: bool) -> WriteReport:
    fresh = _make_project(project)
    root = os.fspath(project)
    scaffolded = fresh or not os.path.exists(os.path.join(root, CONFIG))
    config = scaffold(project, output.site_name, output.nav_yaml, fresh) if scaffolded else None
    pages: list[str] = []
    recorded: dict[str, str] = {}
    if not fresh:  # (a folder this run made holds the scaffold only: nothing to look for)
        temporaries, pages = _walk_docs(project)
        for temporary in temporaries + _stale_temporaries(project):
            os.unlink(temporary)
        recorded = _load_manifest(project)
    wanted = {f"docs/{f.path}": f.text for f in output.files}
    written, unchanged, kept = [], [], []
    hashes: dict[str, str] = {}
    changes: dict[str, bytes] = {}
    new_files: set[str] = set()  # (no mode to keep: no need to ask)
    for rel, text in wanted.items():
        target = os.path.join(root, rel)
        current = None if fresh else _read(target)
        new = text.encode("utf-8")
        if current == new:
            unchanged.append(rel)
            hashes[rel] = _hash(new)
        elif current is None or force or recorded.get(rel) == _hash(current):
            changes[target] = new
            if current is None:
                new_files.add(target)
            written.append(rel)
            hashes[rel] = _hash(new)
        else:
            kept.append(rel)
            if rel in recorded:  # still ours, and still edited: keep watching it
                hashes[rel] = recorded[rel]
    if fresh:
        _make_folders(root, changes)
    replace_all(changes, new_files)
    removed = []
    for rel, digest in sorted(recorded.items()):
        stale = project / rel
        if rel in wanted or rel == CONFIG or not stale.exists():
            continue
        if force or _hash(stale.read_bytes()) == digest:
            stale.unlink()
            removed.append(rel)
            _prune_empty(stale.parent, project / "docs")
        else:
            kept.append(rel)
    added = _users_pages(pages, set(wanted) | set(recorded))
    nav_yaml = output.nav_yaml + "".join(f"- {json.dumps(rel[5:])}\n" for rel in added)
    nav_hash = _update_nav(project, nav_yaml, recorded.get(CONFIG), force, kept, config)
    if nav_hash:
        hashes[CONFIG] = nav_hash
    if fresh:
        _make_folders(root, [os.path.join(root, MANIFEST)])
    _save_manifest(project, hashes, new=fresh)
    if not fresh:
        (project / LAST_RUN).unlink(missing_ok=True)  # `remember` records this run if whole
    return WriteReport(written=tuple(written), unchanged=tuple(unchanged), kept=tuple(kept),
                       removed=tuple(removed), added=tuple(added), scaffolded=scaffolded)


def _make_project(project: Path) -> bool:
    """Make the project's folder if it is missing; True when this call made it, so that it
    is empty. A new project is the common case (the first run of every site), and knowing
    it empty spares a system call or more for each file it is to hold: the look for its
    pages, temporary files and manifest, and the folders' failed opens."""
    try:
        project.mkdir(parents=True)
    except OSError:
        if not project.is_dir():
            raise
        return False  # (as project.mkdir(parents=True, exist_ok=True) would have done)
    return True


def _make_folders(root: str, paths: Iterable[str]) -> None:
    """Make the folders of `paths` (files about to be written under `root`, a folder this run
    made) parents first, with one mkdir each, where `_stage` would first fail to open a
    file there, then look for the folder, then make it."""
    made = {root}
    for path in paths:
        missing = []
        folder = os.path.dirname(path)
        while folder not in made:
            missing.append(folder)
            folder = os.path.dirname(folder)
        for folder in reversed(missing):
            with contextlib.suppress(FileExistsError):  # (made by an earlier step of the run)
                os.mkdir(folder)
            made.add(folder)


def fingerprint(paths: Sequence[Path], settings: str) -> str | None:
    """A digest of everything a run's output depends on: the articles' names and bytes, the
    `settings`, and the generator's own files; None if an article cannot be read (the read
    stage will say why)."""
    digest = hashlib.sha256(_generator_digest().encode() + settings.encode())
    try:
        for path in paths:
            digest.update(path.name.encode() + b"\0" + _hash(path.read_bytes()).encode())
    except OSError:
        return None
    return digest.hexdigest()


def unchanged_since(project: Path, stamp: str | None) -> WriteReport | None:
    """The report of a run that has nothing to do, or None if it has: the last run had the
    same fingerprint, every file it wrote is still as it wrote it, and no page of the user's
    came or went."""
    try:
        last = json.loads((project / LAST_RUN).read_text(encoding="utf-8"))
        recorded = _load_manifest(project)
        config = (project / CONFIG).read_text(encoding="utf-8")
    except (OSError, ValueError, ProjectError):
        return None
    if stamp is None or not isinstance(last, dict) or last.get("fingerprint") != stamp:
        return None
    for rel, digest in recorded.items():
        if rel == CONFIG:
            same = _hash(current_nav(config).encode()) == digest
        else:
            target = project / rel
            same = target.is_file() and _hash(target.read_bytes()) == digest
        if not same:
            return None
    added = _users_pages(_walk_docs(project)[1], set(recorded))
    if added != last.get("added"):
        return None
    return WriteReport(written=(), unchanged=tuple(sorted(set(recorded) - {CONFIG})), kept=(),
                       removed=(), added=tuple(added))


def remember(project: Path, stamp: str | None, report: WriteReport) -> None:
    """Record what this run was made from, when it left every generated file as generated."""
    if stamp is not None and not report.kept:
        record = {"fingerprint": stamp, "added": list(report.added)}
        atomic_write(project / LAST_RUN, (json.dumps(record, indent=2) + "\n").encode())


@cache
def _generator_digest() -> str:
    """A digest of the package's own files, by name, size and modification time (a stat,
    not a read, of each): another version of the generator, another run."""
    files = _package_files(os.path.dirname(__file__))
    listing = "".join(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0" for rel, stat in files)
    return hashlib.sha256(listing.encode()).hexdigest()


def _package_files(folder: str, prefix: str = "") -> Iterator[tuple[str, os.stat_result]]:
    """Each file under `folder` (but __pycache__) with its stat, in the order of a sorted
    `os.walk`: a folder's files, then its subfolders (not followed if links). One scandir
    a folder and no path joins: `os.walk` and an `os.stat` of each joined path cost 40%
    more instructions."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    subfolders = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and not entry.is_symlink():
                subfolders.append(entry)
        else:
            yield prefix + entry.name, entry.stat()
    for entry in subfolders:
        yield from _package_files(entry.path, f"{prefix}{entry.name}{os.sep}")


def replace_all(changes: dict[str, bytes], new_files: Set[str] = frozenset()) -> None:
    """Write every changed file beside its target first, then rename them all into place: an
    error (or a kill) while writing leaves every target as it was; one during the renames
    leaves each file whole, old or new, and the next run finishes the job."""
    staged: list[tuple[str, str]] = []
    try:
        for target, data in changes.items():
            staged.append((_stage(target, data, target in new_files), target))
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def _users_pages(pages: list[str], ours: set[str]) -> list[str]:
    """Of the Markdown pages under docs/ (`_walk_docs`), those the user added: not
    generated, not recorded as ours, not hidden, not in docs/includes. Sorted as paths are
    (folder by folder): they go in the nav after the generated pages."""
    found = []
    for rel in pages:
        inside = rel.split("/")[1:]
        if rel not in ours and not any(p.startswith(".") for p in inside) and \
                inside[0] != "includes":
            found.append(rel)
    return sorted(found, key=lambda rel: rel.split("/"))


def _walk_docs(project: Path) -> tuple[list[str], list[str]]:
    """One walk of docs/: the temporary files a killed run left there (full paths), and every
    Markdown file (paths relative to the project, with "/"). Symbolic links to folders are
    not followed."""
    temporaries, pages = [], []
    root = os.fspath(project)
    docs = os.path.join(root, "docs")
    for folder, _subfolders, names in os.walk(docs):
        rel = "docs" + folder[len(docs):].replace(os.sep, "/")  # (relpath asks for the cwd)
        for name in names:
            if name.endswith(".md"):
                pages.append(f"{rel}/{name}")
            elif name.endswith(".tmp") and _TEMPORARY.match(name):
                temporaries.append(os.path.join(folder, name))
    return temporaries, pages


def _stale_temporaries(project: Path) -> list[str]:
    """Temporary files a killed run left beside mkdocs.yml or the manifest."""
    found = []
    for folder in (os.fspath(project), os.path.join(project, MANIFEST.parent)):
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            continue
        found += [os.path.join(folder, name) for name in names if _TEMPORARY.match(name)]
    return found


def scaffold(project: Path, site_name: str, nav_yaml: str = "",
             fresh: bool = False) -> str | None:
    """Create mkdocs.yml (with `nav_yaml`, if given, so that it is written once),
    overrides/ (microsite's styles included) and the Pages workflow in a new project; a file
    already there is left as it is (`fresh`: the project's folder was just made, so none is).
    Returns the text of mkdocs.yml as it will read back, if written."""
    root = resources.files("microsite") / "scaffold"
    files = _scaffold_files(root)
    if fresh:
        _make_folders(os.fspath(project), [os.path.join(project, rel) for rel in files])
    config = None
    for rel in files:
        target = os.path.join(project, rel)
        if not fresh and os.path.exists(target):
            continue
        data = (root / rel).read_bytes()
        if rel == CONFIG:
            text = data.decode("utf-8").replace(_SCAFFOLD_NAME,
                                                json.dumps(site_name, ensure_ascii=False))
            text = replace_nav(text, nav_yaml) if nav_yaml else text
            data = text.encode("utf-8")
            config = text.replace("\r\n", "\n").replace("\r", "\n")  # (as read_text reads)
        atomic_write(target, data, new=True)
    return config


def _scaffold_files(root: resources.abc.Traversable) -> list[str]:
    """The scaffold's files, relative to it, with "/", sorted folder by folder."""
    if isinstance(root, os.PathLike):  # an installed package: a folder (faster to walk)
        files = []
        top = os.fspath(root)
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            rel = folder[len(top):].lstrip(os.sep).replace(os.sep, "/")
            files += [f"{rel}/{name}" if rel else name for name in names]
        return sorted(files, key=lambda rel: rel.split("/"))
    return _traversed(root)


def _traversed(root: resources.abc.Traversable, prefix: str = "") -> list[str]:
    files = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            files += _traversed(entry, f"{prefix}{entry.name}/")
        else:
            files.append(prefix + entry.name)
    return files


def replace_nav(config: str, nav_yaml: str) -> str:
    """mkdocs.yml text with its top-level `nav:` block replaced (or added at the end);
    every other line, comments included, is kept as it was."""
    match = _search_nav(config)
    if match is None:
        return config.rstrip("\n") + "\n\n" + nav_yaml
    block = match.group(0)
    trailing = block[len(block.rstrip("\n")) + 1:]  # blank lines after the block stay
    return config[: match.start()] + nav_yaml + trailing + config[match.end():]


def current_nav(config: str) -> str:
    """The text of mkdocs.yml's `nav:` block, without trailing blank lines ("" if none)."""
    match = _search_nav(config)
    return match.group(0).rstrip("\n") + "\n" if match else ""


def _search_nav(config: str) -> re.Match[str] | None:
    """`_NAV_BLOCK.search(config)`, tried only where a line starts with "nav:": the search
    itself tried its `^` at every character of the file (a quarter of a million instructions
    for the scaffold's mkdocs.yml, four times a run)."""
    start = 0
    while True:
        if config.startswith(_NAV_KEY, start):
            match = _NAV_BLOCK.match(config, start)
            if match is not None:
                return match
        start = config.find("\n" + _NAV_KEY, start) + 1
        if start == 0:
            return None


def _update_nav(project: Path, nav_yaml: str, recorded: str | None, force: bool,
                kept: list[str], config: str | None = None) -> str | None:
    """Put the nav into mkdocs.yml (whose text is `config`, if this run just wrote it) unless
    the user edited the one the generator wrote; returns the hash of the nav now recorded as
    the generator's."""
    path = project / CONFIG
    if config is None:
        try:
            config = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise ProjectError(f"{path}: is not UTF-8 text. Save it as UTF-8.") from error
    nav = current_nav(config)
    ours = not nav or force or recorded is None or _hash(nav.encode()) == recorded
    if not ours:
        kept.append(CONFIG)
        return recorded
    new = replace_nav(config, nav_yaml)
    if new != config:
        atomic_write(path, new.encode("utf-8"))
    return _hash(current_nav(new).encode())


def atomic_write(path: str | Path, data: bytes, new: bool = False) -> None:
    """Write `data` to `path` so that a reader never sees a partly written file (`new`: the
    caller just found no file there)."""
    os.replace(_stage(path, data, new), path)


def _stage(path: str | Path, data: bytes, new: bool = False) -> str:
    """`data` written to a temporary file beside `path`, ready to be renamed onto it: with
    the mode of the file it replaces, or an ordinary file's (0o666 less the umask) if new
    (`new`: known to be, so not asked). A folder is made only when it is missing (one failed
    open, not a mkdir per file)."""
    path = os.fspath(path)
    mode: int | None = None
    if not new:
        with contextlib.suppress(FileNotFoundError):
            mode = os.stat(path).st_mode & 0o777
    folder, name = os.path.split(path)
    while True:
        tmp = os.path.join(folder, f".{name}.{_NAMES.getrandbits(32):08x}.tmp")  # _TEMPORARY
        try:
            fd = os.open(tmp, _NEW_FILE, 0o600 if mode is not None else 0o666)
            break
        except FileExistsError:
            continue
        except FileNotFoundError:
            if os.path.isdir(folder):
                raise
            os.makedirs(folder, exist_ok=True)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        if mode is not None and mode != 0o600:
            os.chmod(tmp, mode)  # (os.fchmod is not on every system)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _read(path: str) -> bytes | None:
    """The bytes of the file at `path`, or None if there is none."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


_NAMES = random.Random()
"""Random temporary names, seeded once from the system (not a system call for each file: an
O_EXCL open makes a clash harmless)."""
_NEW_FILE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_BINARY", 0))  # as mkstemp opens: no newline translation on Windows


def _load_manifest(project: Path) -> dict[str, str]:
    path = project / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise ValueError("entries must map paths to hashes")
        return dict(files)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ProjectError(
            f"{path}: the record of generated files is damaged ({error}). Delete it and run"
            " again with --force to regenerate every page."
        ) from error


def _save_manifest(project: Path, hashes: dict[str, str], new: bool = False) -> None:
    text = json.dumps({"version": 1, "files": dict(sorted(hashes.items()))}, indent=2)
    atomic_write(project / MANIFEST, (text + "\n").encode("utf-8"), new)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
