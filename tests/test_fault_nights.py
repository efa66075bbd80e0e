"""Real ``scrapy crawlall`` nights over the fault server, with ``JOBSIEVE_EXPIRE_AFTER=1`` so an
expiry would show the night after a posting is missed.

A first night reads every board of a Greenhouse and Lever sources file well. Then two runs of
three nights from it:

- **degraded**: six boards fail every night (a connection reset or cut mid-body, a redirect
  loop, a WAF 403, an HTML page, HTTP 503), one good board drops a posting and one turns latin-1;
  each night is degraded (exit 3), the dropped posting expires the night after, and no posting
  of a failing board expires or changes its ``last_seen``;
- **no network**: every connection refused; each night failed (exit 4; it used to exit 0 and
  expire everything), nothing expires, nothing changes.

And one night SIGTERMed while a download hangs on the server: it stops, publishes nothing and
leaves the state as it was. (Interruptions at other points, two nights at once and a night that
cannot start are ``tests/test_night_operations.py``'s, over the recorded world.)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from scrapers.night.status import EXIT_COMPLETE, EXIT_DEGRADED, EXIT_FAILED
from scrapers.state import PostingState, open_store
from tests.support.faultserver import FaultServer
from tests.support.faultserver.crawls import fault_night, night_arguments
from tests.support.faultserver.postings import posting_ids
from tests.support.inprocess import CRAWL_TIME, ROOT
from tests.support.nights import Night, sources_file

FIRST = date.fromisoformat(CRAWL_TIME[:10])
NIGHTS = [f"{FIRST + timedelta(days=n)}T03:00:00Z" for n in range(4)]
EXPIRE = ("-s", "JOBSIEVE_EXPIRE_AFTER=1")
# Board -> its fault from the second night on (None: read well every night).
BOARDS = {
    "greenhouse": {
        "good-acme": None,
        "good-shrinks": "fewer",
        "good-resets": "reset",
        "good-loops": "redirectloop",
        "good-walled": "waf403",
        "good-html": "html",
    },
    "lever": {
        "good-lever": None,
        "good-latin": "latin1",
        "good-cut": "truncated",
        "good-down": "error503",
    },
}
# What a board read well from the second night on turns into: it stays complete.
COMPLETE = {"fewer", "latin1", None}
EVERY = {(source, board) for source, boards in BOARDS.items() for board in boards}
FAILING = {
    (source, board)
    for source, boards in BOARDS.items()
    for board, fault in boards.items()
    if fault not in COMPLETE
}
OVERRIDES = {
    f"{source}/{board}": fault
    for source, boards in BOARDS.items()
    for board, fault in boards.items()
    if fault
}


def _ids(boards: set[tuple[str, str]]) -> set[str]:
    return set().union(*(posting_ids(source, board) for source, board in boards))


def _state(feeds: Path, ids: set[str]) -> dict[str, PostingState]:
    store = open_store(feeds / "state.sqlite3")
    try:
        return store.get(ids)
    finally:
        store.close()


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    return sources_file(
        tmp_path_factory.mktemp("fault-nights") / "sources.toml",
        {source: {"boards": list(boards)} for source, boards in BOARDS.items()},
    )


@pytest.fixture(scope="module")
def nights(fault_server, closed_port, sources, tmp_path_factory) -> dict[str, list[Night]]:
    root = tmp_path_factory.mktemp("nights")

    def night(port: int, run: str, crawl_time: str, exit_code: int) -> Night:
        return fault_night(
            port, root / run, sources, *EXPIRE, crawl_time=crawl_time, exit_code=exit_code
        )

    fault_server.reset()
    first = night(fault_server.port, "degraded", NIGHTS[0], EXIT_COMPLETE)
    shutil.copytree(root / "degraded", root / "offline")
    runs = {"degraded": [first], "offline": [Night(root / "offline", first.night, first.log)]}
    fault_server.overrides.update(OVERRIDES)
    for crawl_time in NIGHTS[1:]:
        runs["degraded"].append(night(fault_server.port, "degraded", crawl_time, EXIT_DEGRADED))
        runs["offline"].append(night(closed_port, "offline", crawl_time, EXIT_FAILED))
    fault_server.reset()
    return runs


def test_each_night_says_how_it_went(nights):
    assert {run: [night.report["status"] for night in runs] for run, runs in nights.items()} == {
        "degraded": ["complete", "degraded", "degraded", "degraded"],
        "offline": ["complete", "failed", "failed", "failed"],
    }


def test_the_first_night_reads_every_board(nights):
    first = nights["degraded"][0]
    assert ({line["id"] for line in first.postings()}, first.report["not_read_in_full"]) == (
        _ids(EVERY),
        [],
    )


# --- some boards failing every night ----------------------------------------------------------


def test_only_the_complete_boards_dropped_posting_expires(nights):
    [dropped] = posting_ids("greenhouse", "good-shrinks", range(1))
    assert [
        [(e["id"], e["reason"]) for e in night.lines("expired.jsonl")]
        for night in nights["degraded"]
    ] == [
        [],
        [(dropped, "not_seen")],
        [],
        [],
    ]


def test_no_posting_of_a_failing_board_expires_nor_changes_last_seen(nights):
    feeds = nights["degraded"][-1].feeds
    rows = _state(feeds, _ids(FAILING))
    assert (len(rows), {(row.expired, row.last_seen) for row in rows.values()}) == (
        len(_ids(FAILING)),
        {(None, NIGHTS[0])},
    )


def test_the_complete_boards_postings_are_seen_every_night(nights):
    feeds = nights["degraded"][-1].feeds
    good = {("greenhouse", "good-acme"), ("lever", "good-lever"), ("lever", "good-latin")}
    rows = _state(feeds, _ids(good))
    assert {(row.expired, row.last_seen) for row in rows.values()} == {(None, NIGHTS[-1])}


def test_each_degraded_night_names_every_failing_board_and_why(nights):
    for night in nights["degraded"][1:]:
        named = {
            tuple(line.split(": ", 1)[0].split("/")) for line in night.report["not_read_in_full"]
        }
        assert named == FAILING
        loops = night.report["sources"]["greenhouse"]["not_read_in_full"]["good-loops"]
        assert loops[0].startswith("redirect loop: https://boards-api.greenhouse.io/")


# --- no network at all ------------------------------------------------------------------------


def test_no_network_for_three_nights_expires_nothing_and_changes_nothing(nights):
    offline = nights["offline"]
    rows = _state(offline[-1].feeds, _ids(EVERY))
    assert (
        [night.lines("expired.jsonl") for night in offline],
        len(rows),
        {(row.expired, row.last_seen) for row in rows.values()},
    ) == ([[], [], [], []], len(_ids(EVERY)), {(None, NIGHTS[0])})


def test_no_network_names_every_board_refused(nights):
    for night in nights["offline"][1:]:
        lines = night.report["not_read_in_full"]
        assert len(lines) == sum(map(len, BOARDS.values()))
        assert all("Connection refused" in line for line in lines), lines


# --- a signal while a download hangs ----------------------------------------------------------


TIMEOUT = 2  # DOWNLOAD_TIMEOUT of the night a signal stops while a download hangs


def _start(server: FaultServer, feeds: Path, sources: Path, crawl_time: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    command = night_arguments(server.port, feeds, sources, crawl_time)
    return subprocess.Popen(
        [sys.executable, "-m", "scrapy", *command, *EXPIRE, "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigterm_while_a_download_hangs_stops_the_night_and_publishes_nothing(
    faults, nights, sources, tmp_path
):
    feeds = tmp_path / "feeds"
    shutil.copytree(nights["degraded"][-1].feeds, feeds)
    every = _ids(EVERY)
    before = _state(feeds, every)
    later = f"{FIRST + timedelta(days=4)}T03:00:00Z"
    faults.overrides["greenhouse/good-acme"] = "stall"
    night = _start(faults, feeds, sources, later)
    try:
        assert faults.stalled.wait(60), "the night never asked for the stalled board"
        night.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        _, err = night.communicate(timeout=60)
    finally:
        if night.poll() is None:
            night.kill()
    took = time.monotonic() - signalled
    assert (night.returncode, err.strip().splitlines()[-1]) == (
        128 + signal.SIGTERM,
        f"jobsieve night {later[:10]} interrupted by SIGTERM: nothing published, the state "
        "unchanged",
    ), err[-3000:]
    # Scrapy's graceful stop waits for the download in flight, no longer than DOWNLOAD_TIMEOUT.
    assert took < TIMEOUT + 10, took
    assert not (feeds / later[:10]).exists() and not list(feeds.glob(".*.partial"))
    assert _state(feeds, every) == before
