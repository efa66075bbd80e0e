"""Bad input, as an operator types it, in real `scrapy` processes: one line saying what is wrong
and what is expected, no traceback, exit code 2 and nothing crawled or published; and `scrapy
crawl` exits 3 when every board it tried failed (the codes: scrapers/crawl_outcome.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scrapers import registry
from scrapers.crawl_outcome import EXIT_EVERY_BOARD_FAILED, EXIT_USAGE, every_board_failed
from tests.conftest import CRAWL_TIME, SHIPPED_WORLD, run_scrapy
from tests.support.faults import greenhouse as greenhouse_faults
from tests.support.inprocess import world_with

WORLD = ("-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}")


def assert_refused(result: subprocess.CompletedProcess, line: str) -> None:
    """Exit 2, ``line`` as Scrapy's one error line, and no traceback of any kind."""
    output = result.stdout + result.stderr
    assert result.returncode == EXIT_USAGE, output[-3000:]
    errors = [text for text in result.stderr.splitlines() if "error" in text.lower()]
    # Scrapy's parser names the program: "scrapy: error: …" (or "__main__.py" for python -m).
    assert len(errors) == 1 and errors[0].endswith(f": error: {line}"), output[-3000:]
    assert "Traceback" not in output
    assert "Task exception was never retrieved" not in output
    assert "Spider opened" not in output  # nothing was crawled


def sources(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


BAORDS = '[greenhouse]\nbaords = ["mercari"]\n'
BAORDS_LINE = (
    "[greenhouse] has no key 'baords' (did you mean 'boards'? known: enabled, boards, pay_ranges)"
)
ENABLED_NO = '[greenhouse]\nenabled = "no"\nboards = ["mercari"]\n'
ENABLED_NO_LINE = "[greenhouse] enabled = 'no' is not true or false"
CRAWL_TIME_LINE = (
    "setting JOBSIEVE_CRAWL_TIME='yesterday' is not an ISO 8601 date and time, such as "
    "2026-11-22T03:00:00Z, or unset (the real time)"
)
EXPIRE_AFTER_LINE = "setting JOBSIEVE_EXPIRE_AFTER='abc' is not a whole number of nights, 1 or more"


# --- scrapy crawl ---------------------------------------------------------------------------------


def test_an_unknown_argument():
    assert_refused(
        run_scrapy("crawl", "greenhouse", "-a", "bords=mercari", *WORLD),
        "greenhouse: unknown argument -a bords= (did you mean boards? known: boards, pay_ranges)",
    )


def test_an_unknown_spider():
    result = run_scrapy("crawl", "greenhous")
    assert_refused(
        result,
        f"no spider named 'greenhous' (did you mean greenhouse? known: "
        f"{', '.join(sorted(registry.sources()))})",
    )


@pytest.mark.parametrize(
    ("setting", "line"),
    [
        ("JOBSIEVE_EXPIRE_AFTER=abc", EXPIRE_AFTER_LINE),
        ("JOBSIEVE_CRAWL_TIME=yesterday", CRAWL_TIME_LINE),
    ],
)
def test_a_setting_that_cannot_be_right(setting, line):
    result = run_scrapy("crawl", "greenhouse", "-a", "boards=mercari", *WORLD, "-s", setting)
    assert_refused(result, line)


def test_a_sources_file_that_is_not_toml_stops_a_crawl_that_needs_it(tmp_path):
    """Lever reads its boards in start(): this crawl exited 0 with the error in the log."""
    path = sources(tmp_path, "[lever]\nboards = [\n")
    result = run_scrapy("crawl", "lever", *WORLD, "-s", f"JOBSIEVE_SOURCES={path}")
    assert_refused(
        result, f"sources file {path} is not valid TOML: Invalid value (at end of document)"
    )


@pytest.mark.parametrize(("text", "line"), [(BAORDS, BAORDS_LINE), (ENABLED_NO, ENABLED_NO_LINE)])
def test_a_sources_file_key_that_cannot_be_right(tmp_path, text, line):
    path = sources(tmp_path, text)
    result = run_scrapy("crawl", "greenhouse", *WORLD, "-s", f"JOBSIEVE_SOURCES={path}")
    assert_refused(result, f"{path}: {line}")


# --- scrapy crawlall ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "text", "line"),
    [
        ("JOBSIEVE_EXPIRE_AFTER=abc", None, EXPIRE_AFTER_LINE),
        ("JOBSIEVE_CRAWL_TIME=yesterday", None, CRAWL_TIME_LINE),
        ("JOBSIEVE_SOURCES={path}", BAORDS, "{path}: " + BAORDS_LINE),
        ("JOBSIEVE_SOURCES={path}", ENABLED_NO, "{path}: " + ENABLED_NO_LINE),
    ],
)
def test_crawlall_refuses_bad_input_before_the_night(tmp_path, setting, text, line):
    path = sources(tmp_path, text) if text else None
    feeds = tmp_path / "feeds"
    result = run_scrapy(
        "crawlall",
        "--offline",
        "-s",
        setting.format(path=path),
        "-s",
        f"JOBSIEVE_FEEDS_DIR={feeds}",
    )
    assert_refused(result, line.format(path=path))
    assert not feeds.exists()


# --- every board failed ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fault_world(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("world") / "world"
    return world_with(root, *greenhouse_faults.recordings())


def test_a_crawl_whose_every_board_failed_exits_4(fault_world):
    result = run_scrapy(
        "crawl", "greenhouse", "-a", "boards=missing,broken",
        "-s", f"JOBSIEVE_WORLD={fault_world}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )  # fmt: skip
    assert result.returncode == EXIT_EVERY_BOARD_FAILED, result.stderr[-3000:]
    assert "greenhouse: every board failed (broken, missing) and nothing was scraped" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_crawl_that_read_one_board_exits_0(fault_world, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_scrapy(
        "crawl", "greenhouse", "-a", "boards=missing,mercari",
        "-s", f"JOBSIEVE_WORLD={fault_world}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-O", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Board 'missing' of greenhouse failed: HTTP 404" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7


@pytest.mark.parametrize(
    ("stats", "failed"),
    [
        ({"jobsieve/source/g/a/error": 1, "jobsieve/source/g/b/error": 2}, True),
        ({"jobsieve/source/g/a/error": 1, "jobsieve/source/g/b/postings": 3}, False),
        ({"jobsieve/source/g/a/error": 1, "jobsieve/source/g/b/empty": 1}, False),
        ({"jobsieve/source/g/a/error": 1, "item_scraped_count": 1}, False),
        ({"jobsieve/source/g/eu:x/error": 1, "jobsieve/source/other/y/postings": 1}, True),
        ({"item_scraped_count": 0}, False),  # no board tried: nothing failed
    ],
)
def test_every_board_failed_reads_the_board_counters(stats, failed):
    assert every_board_failed("g", stats) is failed
