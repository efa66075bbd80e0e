"""The night's pages: ``<night>/report.html`` and the feeds folder's ``index.html``
(``scrapers/night/html/``), made by real ``scrapy crawlall`` nights and read in a real browser.

Two nights share one feeds folder (the trend charts need more than one): the shipped world's
night, then the night after over the same world with every source's failing boards
(``tests/support/faults/``), so the page has failing boards, boards not read in full and
dropped items to show. Headless Chromium (Debian's ``chromium``, driven by Playwright) renders
both pages, takes screenshots, fails on any console message of level error, page error or
failed load, and every number the page marks with ``data-report`` is compared with the
``report.json`` it names.
"""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import html5lib
import pytest

from scrapers.night.html import render_index, render_report
from scrapers.night.html.fields import (
    BOARD_OLD,
    REQUESTS_OLD,
    SOURCE_OLD,
    TOP_OLD,
    ReportView,
    resolve,
)
from scrapers.night.html.history import nights
from scrapers.night.report import source_problem_lines
from scrapers.night.status import EXIT_COMPLETE, EXIT_DEGRADED
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD
from tests.support.nights import Night, add_faults, run_night, shipped_sources, sources_file

SECOND = CRAWL_TIME
FIRST = f"{date.fromisoformat(CRAWL_TIME[:10]) - timedelta(days=1)}{CRAWL_TIME[10:]}"
# Where Debian puts its browser; `.ci/run` installs it when it can.
CHROMIUM = next(
    (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None
)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def feeds(tmp_path_factory) -> tuple[Path, Night, Night]:
    root = tmp_path_factory.mktemp("report-html")
    world_dir = root / "world"
    shutil.copytree(SHIPPED_WORLD, world_dir)
    tables = shipped_sources()
    first = run_night(
        root / "feeds",
        crawl_time=FIRST,
        world=world_dir,
        sources=sources_file(root / "shipped.toml", tables),
        exit_code=EXIT_COMPLETE,
    )
    add_faults(world_dir, tables)
    second = run_night(
        root / "feeds",
        crawl_time=SECOND,
        world=world_dir,
        sources=sources_file(root / "faults.toml", tables),
        exit_code=EXIT_DEGRADED,
    )
    return root / "feeds", first, second


def _parse(text: str):
    return html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)


def test_each_night_has_its_page_and_the_folder_an_index(feeds):
    folder, first, second = feeds
    for night in (first, second):
        assert (night.folder / "report.html").is_file()
        assert night.report["files"]["report.html"] == str(night.folder / "report.html")
    index = (folder / "index.html").read_text(encoding="utf-8")
    # Newest first, each linking to its page.
    assert index.index(f'href="{second.night}/report.html"') < index.index(
        f'href="{first.night}/report.html"'
    )
    assert not list(folder.glob(".index.html*")), "the index's temporary file was left behind"


def test_the_page_loads_nothing_and_runs_nothing(feeds):
    _, _, second = feeds
    tree = _parse((second.folder / "report.html").read_text(encoding="utf-8"))
    assert tree.findall(".//script") == []
    assert tree.findall(".//link") == []
    for element in tree.iter():
        assert "src" not in element.attrib, element.tag
        href = element.get("href")
        if href is not None:
            assert href.startswith("#") or href == "../index.html", href


def test_the_page_shows_tonights_failures_and_dead_letters(feeds):
    _, _, second = feeds
    text = (second.folder / "report.html").read_text(encoding="utf-8")
    view = ReportView(second.report)
    failing = {
        (source.name, board)
        for source in view.sources()
        for board in source.mapping("failing_boards")
    }
    assert failing, "the fault night has failing boards"
    tree = _parse(text)
    shown = {
        "".join(row.find("td").itertext())
        for row in tree.iterfind(".//details[@class='source']//table/tbody/tr")
    }
    assert {board for _, board in failing} <= shown
    lines = second.lines("deadletter.jsonl")
    anchors = {a.get("href") for a in tree.iter("a")}
    if lines:  # every group of samples is linked from its drop count
        groups = {d.get("id") for d in tree.iterfind(".//div[@class='dead']")}
        assert groups and {f"#{g}" for g in groups} <= anchors


def _hostile_report(report: dict[str, Any]) -> dict[str, Any]:
    report = json.loads(json.dumps(report))
    source = next(iter(report["sources"].values()))
    source["errors"] = {HOSTILE: 2}
    source["incomplete"] = {HOSTILE: [HOSTILE]}
    source["dropped"] = {HOSTILE: 1}
    source["boards"][HOSTILE] = {"postings": 1, "hits": 1}
    source["languages"][HOSTILE] = 3
    report["sources"][HOSTILE] = source
    report["health"] = [
        {
            "severity": "error",
            "source": HOSTILE,
            "board": HOSTILE,
            "measure": HOSTILE,
            "before": 1,
            "now": 0,
            "threshold": HOSTILE,
            "message": HOSTILE,
        }
    ]
    return report


def test_the_page_lists_the_problems_the_summary_ends_with(feeds):
    _, _, second = feeds
    tree = _parse((second.folder / "report.html").read_text(encoding="utf-8"))
    shown = ["".join(li.itertext()) for li in tree.iterfind(".//ul[@id='problems']/li")]
    expected = [
        line.removeprefix("problem: ")
        for line in source_problem_lines(second.report, "the night's log")
    ]
    assert expected, "the fault night has problems"
    assert shown == expected


def test_text_from_crawled_sites_cannot_inject_html(feeds):
    _, first, _ = feeds
    report = _hostile_report(first.report)
    deadletter = [
        {
            "spider": next(iter(report["sources"])),
            "reason": HOSTILE,
            "message": HOSTILE,
            "details": [{"raw": HOSTILE}],
            "item": {"title": HOSTILE, "url": HOSTILE},
        }
    ]
    page = render_report(report, [first.report, report], deadletter)
    tree = _parse(page)
    assert tree.findall(".//script") == []
    assert tree.findall(".//img") == []
    assert not [(e.tag, a) for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    # Shown as the text it is, everywhere it was put.
    assert "".join(tree.itertext()).count(HOSTILE) >= 8
    index = _parse(render_index([]))
    assert index.findall(".//script") == []


def _one_generation(report: dict[str, Any], keep: str) -> dict[str, Any]:
    """``report`` with only its new names (``keep="new"``: as after the old ones are dropped) or
    only its old ones (``"old"``: as a night written before issue 19)."""
    report = json.loads(json.dumps(report))

    def strip(node: dict[str, Any], table: dict[str, str]) -> None:
        for new, old in table.items():
            if new in node and old in node:
                del node[old if keep == "new" else new]

    strip(report, TOP_OLD)
    strip(report["requests"], REQUESTS_OLD)
    for source in report["sources"].values():
        if keep == "old":
            for split in (
                "fields_given_as_unspecified",
                "fields_none_found",
                "fields_read_from_body",
            ):
                source.pop(split, None)
        strip(source, SOURCE_OLD)
        for counters in source.get("boards", {}).values():
            strip(counters, BOARD_OLD)
    return report


def test_old_and_new_report_names_show_the_same_numbers(feeds):
    _, _, second = feeds
    if "items" not in second.report:
        pytest.skip("this report has the new names only")
    old, new = _one_generation(second.report, "old"), _one_generation(second.report, "new")
    assert "items" not in new and "postings" in new and "postings" not in old

    def shown(page: str) -> list[tuple[str, list[list[Any]]]]:
        return [
            (e.text or "", json.loads(e.get("data-report")))
            for e in _parse(page).iter("span")
            if e.get("data-report")
            # The old "unparsed" mixed four counts the new report keeps apart (docs/report.md).
            and not any(
                {"unparsed", "fields_not_understood"} & set(map(str, path))
                for path in json.loads(e.get("data-report"))
            )
        ]

    old_numbers, new_numbers = shown(render_report(old)), shown(render_report(new))
    assert [text for text, _ in old_numbers] == [text for text, _ in new_numbers]
    # Each read where it is: the old name in the old report, the new one in the new.
    for (_, old_paths), (_, new_paths) in zip(old_numbers, new_numbers, strict=True):
        for path in old_paths:
            resolve(old, path)
        for path in new_paths:
            resolve(new, path)
    assert ["sources", "ashby", "postings"] in (p for _, ps in new_numbers for p in ps)


def test_the_index_names_a_night_it_cannot_read(tmp_path):
    (tmp_path / "2026-11-20").mkdir()
    (tmp_path / "2026-11-20" / "report.json").write_text("{cut short", encoding="utf-8")
    (tmp_path / ".2026-11-21.partial").mkdir()
    page = render_index(nights(tmp_path))
    assert "report.json unreadable" in page
    assert "2026-11-21" not in page


# In the browser: every mark of a figure, as the DOM holds it.
_COLLECT = """() => Array.from(document.querySelectorAll('[data-report]')).map(e => ({
    tag: e.tagName.toLowerCase(),
    night: e.getAttribute('data-night'),
    paths: JSON.parse(e.getAttribute('data-report')),
    fmt: e.getAttribute('data-fmt'),
    length: e.hasAttribute('data-report-len'),
    value: e.getAttribute('data-value'),
    text: e.textContent,
}))"""


def _shown_number(text: str, fmt: str | None) -> float:
    text = text.replace(",", "").replace("\u00a0", " ").strip()
    if fmt == "pct":
        return float(text.removesuffix("%").strip())
    if fmt == "secs":
        return float(text.removesuffix("s").strip())
    return float(text)


def _decimals(text: str) -> int:
    number = text.replace(",", "").split()[0]
    return len(number.split(".")[1]) if "." in number else 0


def _check_numbers(marks: list[dict[str, Any]], reports: dict[str, dict[str, Any]]) -> int:
    checked = 0
    for mark in marks:
        report = reports[mark["night"]]
        values = [resolve(report, path) for path in mark["paths"]]
        expected = len(values[0]) if mark["length"] else sum(values)
        if mark["value"] is not None:  # a chart's mark: the value it was drawn from
            assert float(mark["value"]) == pytest.approx(expected), mark
        else:
            shown = _shown_number(mark["text"], mark["fmt"])
            scale = 100 if mark["fmt"] == "pct" else 1
            rounded = round(expected * scale, _decimals(mark["text"]))
            assert shown == pytest.approx(rounded), mark
        checked += 1
    return checked


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (Debian: apt-get install chromium)")
def test_the_pages_in_chromium(feeds, tmp_path):
    # Playwright's sync API refuses a thread whose asyncio loop runs, as the test's does (the
    # asyncio reactor of pytest-twisted): the browser is driven from a thread of its own.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(_in_chromium, feeds, tmp_path).result()


def _in_chromium(feeds: tuple[Path, Night, Night], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder, first, second = feeds
    reports = {night.night: night.report for night in (first, second)}
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for name, width, url in (
                ("report-laptop", 1280, (second.folder / "report.html").as_uri()),
                ("report-phone", 390, (second.folder / "report.html").as_uri()),
                ("index", 1280, (folder / "index.html").as_uri()),
            ):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on(
                    "console",
                    lambda m, name=name: (
                        problems.append(f"{name}: console {m.type}: {m.text}")
                        if m.type in ("error", "assert")
                        else None
                    ),
                )
                page.on("pageerror", lambda e, name=name: problems.append(f"{name}: {e}"))
                page.on(
                    "requestfailed",
                    lambda r, name=name: problems.append(f"{name}: failed {r.url}: {r.failure}"),
                )
                page.on(
                    "request",
                    lambda r, name=name, url=url: (
                        None if r.url == url else problems.append(f"{name}: loads {r.url}")
                    ),
                )
                page.goto(url, wait_until="load")
                page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
                assert (tmp_path / f"{name}.png").stat().st_size > 10_000
                # On a phone the page itself never scrolls sideways: wide tables scroll inside.
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 0, f"{name}: {overflow}px wider than the screen"
                marks = page.evaluate(_COLLECT)
                checked = _check_numbers(marks, reports)
                if name.startswith("report"):
                    assert checked > 200
                    # The charts were drawn from both nights' reports.
                    assert {m["night"] for m in marks if m["value"] is not None} == set(reports)
                    assert page.locator("#health").is_visible()
                else:
                    assert checked >= 10
                    assert page.locator(f'a[href="{first.night}/report.html"]').count() == 1
                page.close()
        finally:
            browser.close()
    assert problems == []
