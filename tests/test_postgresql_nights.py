"""Real `scrapy crawlall --offline` nights with the state in PostgreSQL
(``-s JOBSIEVE_STATE=postgresql://…``) publish what the same nights publish with the state in
SQLite: the same postings, jobs, delta and expired lines (crawl timestamps aside), the same
report verdicts, and leave the same state behind.

Three nights each: the first (everything new), the next one over every source (everything
unchanged, the health figures of the night before compared with), and a later one over a few
sources only, whose jobs hold postings of the others read back from the state. The PostgreSQL
nights run in a schema of their own (tests/support/postgres.py); skipped only when no server
answers on 127.0.0.1:5432.

Also: a server that cannot be reached, or a driver that is not installed, is one line and no
traceback.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scrapers.night.status import EXIT_FAILED, EXIT_USAGE
from scrapers.state import open_store
from tests.conftest import CRAWL_TIME, run_scrapy
from tests.support.nights import Night, run_night
from tests.support.postgres import fresh_schema

NIGHTS = (
    (CRAWL_TIME, ()),
    ("2026-11-23T03:00:00Z", ()),
    # A few sources: the jobs they share with the others are completed from the state.
    ("2026-11-25T03:00:00Z", ("--sources", "lever,nodegree,teal")),
)
FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl")
# What a line says of when it was crawled; a line may differ in nothing else.
CRAWL_TIMESTAMPS = ("crawled_at",)


def _nights(feeds: Path, *settings: str, first: Night | None = None) -> list[Night]:
    """The nights of NIGHTS into ``feeds`` (the first one's folder copied from ``first``)."""
    done = []
    for number, (crawl_time, args) in enumerate(NIGHTS):
        if number == 0 and first is not None:
            shutil.copytree(first.feeds, feeds)
            done.append(Night(feeds, first.night, first.log))
            continue
        done.append(run_night(feeds, *args, *settings, crawl_time=crawl_time))
    return done


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with fresh_schema() as url:
        yield url


@pytest.fixture(scope="module")
def sqlite_nights(tmp_path_factory, shipped_night) -> list[Night]:
    """The shared first night (state in SQLite, the default), then the others."""
    return _nights(tmp_path_factory.mktemp("sqlite") / "feeds", first=shipped_night)


@pytest.fixture(scope="module")
def postgres_nights(tmp_path_factory, postgres_url) -> list[Night]:
    feeds = tmp_path_factory.mktemp("postgresql") / "feeds"
    return _nights(feeds, "-s", f"JOBSIEVE_STATE={postgres_url}")


def _without_timestamps(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in line.items() if k not in CRAWL_TIMESTAMPS} for line in lines]


@pytest.mark.parametrize("number", range(len(NIGHTS)))
@pytest.mark.parametrize("name", FEEDS)
def test_each_night_publishes_the_same_lines(sqlite_nights, postgres_nights, number, name):
    sqlite, postgres = sqlite_nights[number], postgres_nights[number]
    assert postgres.night == sqlite.night
    expected = _without_timestamps(sqlite.lines(name))
    assert _without_timestamps(postgres.lines(name)) == expected
    if name in ("postings.jsonl", "jobs.jsonl"):
        assert expected, f"night {sqlite.night} published no {name}"


def test_the_nights_say_what_they_should(postgres_nights):
    first, second, third = (night.lines() for night in postgres_nights)
    assert {p["status"] for p in first} == {"new"}
    assert {(p["status"], p["first_seen"]) for p in second} == {("unchanged", CRAWL_TIME)}
    assert {p["source"] for p in third} == {"lever", "nodegree", "teal"}
    # A job of tonight's sources holding a posting of another source, known from the state.
    others = [
        s
        for job in postgres_nights[2].lines("jobs.jsonl")
        for s in job["sources"]
        if s["source"] not in {"lever", "nodegree", "teal"}
    ]
    assert others and all(s["status"] is None and s["last_seen"] for s in others)


@pytest.mark.parametrize("number", range(len(NIGHTS)))
def test_each_night_reports_the_same_verdicts(sqlite_nights, postgres_nights, number):
    def verdicts(report: dict[str, Any]) -> dict[str, Any]:
        keep = ("status", "health", "postings", "live_jobs", "new_or_updated_jobs")
        return {
            **{k: report.get(k) for k in keep},
            "expired": report.get("expired_postings"),
            "sources": {
                name: {k: source.get(k) for k in ("postings", "new", "updated", "unchanged")}
                for name, source in report["sources"].items()
            },
        }

    sqlite, postgres = sqlite_nights[number], postgres_nights[number]
    assert verdicts(postgres.report) == verdicts(sqlite.report)
    assert postgres.report["state"].startswith("postgresql://")


def test_both_states_remember_the_same(sqlite_nights, postgres_nights, postgres_url):
    sqlite = open_store(sqlite_nights[-1].feeds / "state.sqlite3")
    postgres = open_store(postgres_url)
    try:
        ids = [p["id"] for night in sqlite_nights for p in night.lines()]
        assert postgres.count() == sqlite.count() > 0
        assert postgres.get(ids) == sqlite.get(ids)
        assert postgres.nights() == sqlite.nights() == [n.night for n in sqlite_nights]
        before = "2026-12-01"
        assert [n for n, _ in postgres.night_figures(before, 7)] == [
            n for n, _ in sqlite.night_figures(before, 7)
        ]
    finally:
        sqlite.close()
        postgres.close()


def test_an_unreachable_server_stops_the_night_in_one_line(tmp_path):
    # Port 1: nothing listens there.
    url = "postgresql://jobsieve:s3cret@127.0.0.1:1/jobsieve"
    result = run_scrapy(
        "crawlall",
        "--offline",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp_path}",
        "-s",
        f"JOBSIEVE_STATE={url}",
    )
    assert result.returncode == EXIT_FAILED, result.stderr[-2000:]
    last = result.stderr.strip().splitlines()[-1]
    assert re.match(
        r"jobsieve night \d{4}-\d\d-\d\d could not start \(state "
        r"postgresql://jobsieve:\*\*\*@127\.0\.0\.1:1/jobsieve: cannot connect to PostgreSQL: ",
        last,
    ), last
    assert last.endswith("): nothing published, the state unchanged")
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr


def test_a_missing_driver_is_a_usage_error(tmp_path, monkeypatch):
    # An installation without psycopg: an import of it fails, as it would.
    blocked = tmp_path / "blocked" / "psycopg"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('No module named psycopg')\n")
    monkeypatch.setenv("PYTHONPATH", str(blocked.parent))
    result = run_scrapy(
        "crawlall",
        "--offline",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp_path / 'feeds'}",
        "-s",
        "JOBSIEVE_STATE=postgresql://postgres@127.0.0.1:5432/test",
    )
    assert result.returncode == EXIT_USAGE, result.stderr[-2000:]
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            ": error: setting JOBSIEVE_STATE='postgresql://postgres@127.0.0.1:5432/test': the "
            "PostgreSQL driver is not installed: pip install 'jobsieve[postgresql]' (psycopg 3)"
        )
    )
    assert "Traceback" not in result.stderr
