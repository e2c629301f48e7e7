"""Take the README's screenshots of the built site in headless Chromium.

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]

SITE_DIR defaults to site/, OUT_DIR to docs/assets/screenshots/. Serves the site on 127.0.0.1
(a port the OS picks) and drives Debian's /usr/bin/chromium through Playwright: the home page,
a content page, the same page in the dark palette, the home page at phone width, and the map
of ideas in the light palette and in the dark one at phone width.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# (file name, page path, viewport, palette, the element to show or None for the window)
SHOTS = [
    ("home.png", "", {"width": 1280, "height": 860}, "light", None),
    ("content-page.png", "the-psychological-perspective/attachment-styles/",
     {"width": 1280, "height": 860}, "light", None),
    ("dark.png", "breaking-the-cycle/", {"width": 1280, "height": 860}, "dark", None),
    ("phone.png", "", {"width": 375, "height": 740}, "light", None),
    ("map.png", "", {"width": 1280, "height": 860}, "light", ".ms-map"),
    ("map-dark-phone.png", "", {"width": 375, "height": 740}, "dark", ".ms-map"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def main(site: Path, out: Path) -> int:
    from playwright.sync_api import sync_playwright

    if not (site / "index.html").exists():
        print(f"{site}/index.html not found: run `make site` first", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
            for name, path, viewport, scheme, element in SHOTS:
                context = driver.chromium.launch_persistent_context(
                    f"{profile}/{name}", executable_path=CHROMIUM, args=ARGS, headless=True,
                    viewport=viewport, color_scheme=scheme, timeout=30_000)
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle", timeout=15_000)
                if element:  # without the sticky header over the element
                    page.add_style_tag(content=".md-header { visibility: hidden; }")
                    page.locator(element).screenshot(path=str(out / name))
                else:
                    page.screenshot(path=str(out / name))
                context.close()
                print(f"wrote {out / name}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main(Path(arguments[0] if arguments else "site"),
                  Path(arguments[1] if len(arguments) > 1 else "docs/assets/screenshots")))
