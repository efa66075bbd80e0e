"""docs/report.png: the top of a real offline night's report.html, after three offline nights of
the shipped world in a scratch feeds folder (so the trend charts have more than one night).

    .venv/bin/python tools/screenshot_report.py [--out docs/report.png] [--chromium PATH]

Needs the `test` extra (Playwright) and a Chromium (Debian: `apt-get install chromium`);
Playwright drives that browser, it downloads none.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NIGHTS = ("2026-11-20", "2026-11-21", "2026-11-22")  # the last is the seeds' clock (tests)
WIDTH = 1100  # a laptop's page width, small enough for the README to show it whole


def run_nights(feeds: Path) -> Path:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    for night in NIGHTS:
        subprocess.run(
            [
                *(sys.executable, "-m", "scrapy", "crawlall", "--offline"),
                *("-s", f"JOBSIEVE_FEEDS_DIR={feeds}"),
                *("-s", f"JOBSIEVE_CRAWL_TIME={night}T03:00:00Z"),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return feeds / NIGHTS[-1] / "report.html"


def screenshot(page_path: Path, out: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            page.goto(page_path.as_uri(), wait_until="load")
            # From the top to the end of the trend charts: health, figures, sources, trends.
            box = page.locator("#trends").bounding_box()
            assert box is not None
            page.screenshot(
                path=str(out),
                full_page=True,
                clip={"x": 0, "y": 0, "width": WIDTH, "height": box["y"] + box["height"] + 16},
            )
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jobsieve-screenshot-") as scratch:
        page = run_nights(Path(scratch) / "feeds")
        screenshot(page, opts.out, opts.chromium)
    print(f"wrote {opts.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
