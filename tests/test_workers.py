"""Nights with workers (`scrapy crawlall --offline --workers N`, scrapers/workers/) against the
real Redis on 127.0.0.1:6379 publish what the single-process night publishes: the same
postings.jsonl, jobs.jsonl, delta.jsonl, expired.jsonl and deadletter.jsonl, ids and contents,
crawl timestamps aside — with 1, 2 and 4 workers, with a worker killed (SIGKILL) after the first
item of a board (its boards go back to the queue when its lease runs out, and are crawled whole
by another), and with the state in PostgreSQL. Skipped only when no Redis server answers."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.nights import Night, run_night
from tests.support.postgres import fresh_schema
from tests.support.redis_server import SERVER, need_redis

FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl", "deadletter.jsonl")
CRAWL_TIMESTAMPS = ("crawled_at", "dropped_at")


def _plain(line: dict[str, Any]) -> dict[str, Any]:
    line = {k: v for k, v in line.items() if k not in CRAWL_TIMESTAMPS}
    if isinstance(line.get("item"), dict):
        line["item"] = _plain(line["item"])
    return line


def _same_feeds(one: Night, other: Night) -> None:
    for name in FEEDS:
        ours = [_plain(line) for line in other.lines(name)]
        theirs = [_plain(line) for line in one.lines(name)]
        assert [line.get("id") for line in ours] == [line.get("id") for line in theirs], name
        assert ours == theirs, name


def _workers_night(tmp_path, workers: int, *args: str) -> Night:
    need_redis()
    return run_night(
        tmp_path / "feeds",
        "--workers",
        str(workers),
        "-s",
        f"JOBSIEVE_REDIS_URL={SERVER}",
        *args,
    )


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_n_workers_publish_the_single_process_night(tmp_path, shipped_night, workers):
    night = _workers_night(tmp_path, workers)
    _same_feeds(shipped_night, night)
    assert night.report["status"] == shipped_night.report["status"]
    for source, report in shipped_night.report["sources"].items():
        ours = night.report["sources"][source]
        assert ours["postings"] == report["postings"], source
        assert ours["not_read_in_full"] == report["not_read_in_full"], source
        assert night.boards(source) == shipped_night.boards(source), source
    logs = sorted((tmp_path / "feeds" / "logs" / night.night).glob("worker-*.log"))
    assert len(logs) == workers
    _progress_and_durations(night)


def _progress_and_durations(night: Night) -> None:
    """The coordinator shows the night's progress from what the workers published (a line per
    source as its last board is staged, off a terminal), and each source's duration is its own."""
    sources = list(night.report["sources"])
    done = re.findall(r"Night progress: (\d+)/(\d+) sources done \((\w+) finished", night.log)
    assert [int(n) for n, _, _ in done] == list(range(1, len(sources) + 1))
    assert {total for _, total, _ in done} == {str(len(sources))}
    assert sorted(name for _, _, name in done) == sorted(sources)
    so_far = re.findall(r"so far (\d+) requests, (\d+) postings", night.log)
    assert int(so_far[-1][1]) == night.report["postings"]
    assert int(so_far[-1][0]) == night.report["requests"]["sent"]
    durations = [s["duration_seconds"] for s in night.report["sources"].values()]
    assert len(set(durations)) > 1, "each source's own crawl time, not the night's"
    assert max(durations) <= night.report["duration_seconds"]


def test_a_worker_killed_mid_board_has_its_boards_crawled_whole_by_another(
    tmp_path, shipped_night, monkeypatch
):
    # The worker crawling lever's farfetch board kills itself (SIGKILL) after its first item;
    # a lease of 3 s, so the board is back in the queue soon.
    monkeypatch.setenv("JOBSIEVE_TEST_KILL_WORKER", "lever/farfetch")
    night = _workers_night(tmp_path, 2, "-s", "JOBSIEVE_WORKER_LEASE=3")
    _same_feeds(shipped_night, night)
    assert night.boards("lever") == shipped_night.boards("lever")
    logs = "".join(
        log.read_text(encoding="utf-8")
        for log in (tmp_path / "feeds" / "logs" / night.night).glob("worker-*.log")
    )
    assert "killing this worker (SIGKILL)" in logs
    assert "a worker ended" in night.log, "the coordinator saw it and started another"
    _progress_and_durations(night)


def test_workers_with_the_state_in_postgresql_publish_the_same_postings(tmp_path, shipped_night):
    with fresh_schema() as url:
        night = _workers_night(tmp_path, 2, "-s", f"JOBSIEVE_STATE={url}")
    _same_feeds(shipped_night, night)


def test_no_redis_is_one_line_and_nothing_published(tmp_path):
    from scrapers.night.status import EXIT_FAILED
    from tests.conftest import run_scrapy

    feeds = tmp_path / "feeds"
    result = run_scrapy(
        "crawlall",
        "--offline",
        "--workers",
        "2",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={feeds}",
        "-s",
        "JOBSIEVE_REDIS_URL=redis://127.0.0.1:1/0",
    )
    assert result.returncode == EXIT_FAILED
    assert "cannot reach Redis at redis://127.0.0.1:1/0" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in feeds.iterdir() if p.name[:1].isdigit()]
