"""Every bad or odd input gets a clear answer: a valid site, or exit 2 with one line.

Each row is an input a user may bring; it either builds a strict-clean site with unique, safe
slugs, or exits with status 2 and a single line on stderr naming the file and the problem.
Never a traceback, never a half-written docs/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from microsite.cli import main

SAFE_NAME = re.compile(r"^[^\x00-\x1f/\\:*?\"<>|]{1,80}$")
WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                   *(f"lpt{i}" for i in range(10))}


def _text(text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "article.txt"
        path.write_text(text, encoding="utf-8")
        return path
    return make


def _bytes(data: bytes, name: str = "article.txt") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def _many(count: int) -> str:
    return "Many Headings\n\nAn introduction.\n\n" + "\n\n".join(
        f"Part Number {i}\n\nText about part {i}. It has two sentences." for i in range(count))


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Caf\u00e9 Walks | A Site</title></head>
<body><nav><a href="/">Home</a> <a href="/walks">Walks</a></nav>
<article><h1>Caf\u00e9 Walks</h1><p>Three short walks that start and end at a caf\u00e9.</p>
<h2>The Canal Loop</h2><p>Follow the towpath east for a mile, then cross at the lock.</p>
<blockquote><p>\u201cThe best mile in town,\u201d says the lock keeper.</p></blockquote>
<h2>The Park Circuit</h2><p>Enter by the north gate and keep the lake on your left.</p>
</article><footer><p>\u00a9 A Site</p></footer></body></html>
"""

REJECTED = [
    ("missing", lambda d: d / "missing.txt", "no such file"),
    ("folder", lambda d: d, "is a folder"),
    ("empty", _bytes(b""), "empty"),
    ("whitespace", _bytes(b" \n\t\n\xc2\xa0\n"), "empty"),
    ("png", _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png"), "PNG image"),
    ("pdf", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "x.pdf"), "PDF document"),
    ("nul-byte", _bytes(b"Title\n\nSome text\x00 more."), "NUL bytes"),
    ("control-bytes", _bytes(bytes(range(1, 9)) * 40), "control characters"),
    ("broken-utf16", _bytes(b"\xff\xfeT\x00i\x00\x00\xd8"), "not valid UTF-16"),
    ("over-limit", _bytes(b"Title\n\n" + b"word " * 300_000), "over the"),
    ("html-only-navigation", _bytes(
        b"<!doctype html><html><head><title>Menu</title></head><body><nav><a href='/'>Home"
        b"</a></nav><script>go()</script></body></html>", "page.html"), "no article text"),
    ("html-empty-body", _bytes(b"<html><body>\n</body></html>", "page.htm"), "no article text"),
    ("html-only-a-comment", _bytes(b"<!doctype html><!-- saved -->", "page.html"),
     "no article text"),
    ("txt-that-is-an-empty-page", _bytes(b"<!DOCTYPE html>\n<html><body></body></html>",
                                         "saved.txt"), "no article text"),
]


@pytest.mark.parametrize("make, message", [(m, msg) for _, m, msg in REJECTED],
                         ids=[name for name, _, _ in REJECTED])
def test_rejected_with_one_line(tmp_path: Path, make: Callable[[Path], Path],
                                message: str) -> None:
    source = make(tmp_path)
    project = tmp_path / "site-project"
    result = CliRunner().invoke(main, ["build", str(source), "--project", str(project),
                                       "--max-size", "1"])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0] and source.name in lines[0]
    assert "Traceback" not in result.output + result.stderr
    assert not (project / "docs").exists()


BUILT = [
    ("single-line", _text("Just one line of text without a full stop"), 1),
    ("no-headings", _text("A first sentence. A second one.\n\nAnother paragraph here.\n"), 1),
    ("500-headings", _text(_many(500)), 501),
    ("1mb-line", _text("Title\n\n" + "word " * 200_000 + "end.\n"), 1),
    ("300-char-heading", _text("Title\n\n## " + "Long " * 60 + "\n\nText.\n"), 2),
    ("duplicate-headings",
     _text("T\n\n## Same\n\nOne.\n\n## Same\n\nTwo.\n\n## Same\n\nThree."), 4),
    ("empty-slugs", _text("T\n\n## 🎉🎉\n\nParty.\n\n## !!!\n\nBang.\n\n## ...\n\nDots.\n"), 4),
    ("reserved-names", _text("T\n\n## index\n\nA.\n\n## glossary\n\nB.\n\n## CON\n\nC.\n\n"
                             "## ../../etc/passwd\n\nD.\n\n## About\n\nE.\n\n## topics\n\nF.\n"),
     7),
    ("greek-cyrillic-cjk-arabic", _text(
        "Ελληνικά και άλλα\n\nΕισαγωγή εδώ.\n\n## Κεφάλαιο Ένα\n\nΚείμενο εδώ.\n\n"
        "## Глава два\n\nТекст здесь.\n\n## 第三章\n\n这是中文文本。\n\n"
        "## الفصل الرابع\n\nنص عربي هنا.\n"),
     5),
    ("cp1252-and-utf8-mixed", _bytes("Caf\u00e9 Notes\n\nA na\u00efve start.\n".encode()
                                     + b"Then \x93quoted\x94 text.\n"), 1),
    ("utf16", _bytes("Title\n\nSome text here.\n".encode("utf-16")), 1),
    ("crlf", _bytes(b"Title\r\n\r\nFirst.\r\n\r\nHeading Here\r\n\r\nSecond.\r\n"), 2),
    ("html-page", _bytes(PAGE.encode(), "page.html"), 3),
    ("txt-that-is-a-web-page", _bytes(PAGE.encode(), "saved.txt"), 3),
    ("html-without-markup", _bytes(b"Plain Title\n\nSome text, and no tags at all.\n",
                                   "notes.html"), 1),
    ("cp1252-html-page", _bytes(PAGE.replace("utf-8", "windows-1252").encode("cp1252"),
                                "page.htm"), 3),
    ("utf16-html-page", _bytes(PAGE.encode("utf-16"), "page.html"), 3),
]


@pytest.mark.parametrize("make, pages", [(m, n) for _, m, n in BUILT],
                         ids=[name for name, _, _ in BUILT])
def test_odd_input_builds_a_valid_site(tmp_path: Path, make: Callable[[Path], Path],
                                       pages: int) -> None:
    source = make(tmp_path)
    project = tmp_path / "site-project"
    result = CliRunner().invoke(main, ["build", str(source), "--project", str(project)])
    assert result.exit_code == 0, result.output + result.stderr
    assert (project / "site" / "index.html").exists()
    docs = project / "docs"
    content = [p for p in docs.rglob("*.md") if p.parent.name != "includes"
               and p.name not in ("about.md", "glossary.md", "topics.md")]
    assert len(content) == pages
    for path in docs.rglob("*"):
        relative = path.relative_to(docs)
        assert ".." not in relative.parts
        for part in relative.parts:
            assert SAFE_NAME.match(part), part
            assert part.split(".")[0].lower() not in WINDOWS_DEVICES, part
