"""In Chromium, an article full of markup and script shows as text and runs nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import launch, nav_pages, serve, settle, watch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_injection import ARTICLE, HEADING, TITLE  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def nasty_url(browser_available: None, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[str]:
    from microsite.pipeline import build

    project = tmp_path_factory.mktemp("nasty-browser")
    source = project / "nasty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    build([source], project)
    with serve(project / "site") as url:
        yield url


def test_nothing_runs_and_text_shows_literally(playwright_driver: Playwright, nasty_url: str,
                                               tmp_path: Path) -> None:
    context = launch(playwright_driver, tmp_path / "profile")
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        log = watch(page)
        page.goto(nasty_url, wait_until="load")
        settle(page)
        assert TITLE in page.title()
        assert TITLE in page.inner_text("article")
        urls = nav_pages(page)
        assert len(urls) >= 3 and any("matters" in url for url in urls)
        for url in urls:
            page.goto(url, wait_until="load")
            settle(page)
            if "matters" in url:
                text = page.inner_text("article")
                assert HEADING in text and '--8<-- "/etc/passwd"' in text
        assert page.evaluate("document.querySelectorAll('article img, article script').length") == 0
        assert dialogs == []
        assert not log.page_errors and not log.console_errors
    finally:
        context.close()
