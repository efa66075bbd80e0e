"""A night as an operator meets it: real `scrapy crawlall` processes, offline.

Killed (SIGKILL) at any point and run again, it equals a clean night; interrupted (SIGTERM,
SIGINT) it publishes and commits nothing; two at once in one folder, the second is refused; one
that cannot start leaves the published night untouched; an earlier night is refused unless
rebuilt; and each night's status and exit code (a degraded night: tests/test_crawl_offline.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from scrapers.completeness import Completeness
from scrapers.night.lock import LOCK_FILE
from scrapers.night.status import (
    EXIT_COMPLETE,
    EXIT_FAILED,
    EXIT_RUNNING,
    EXIT_USAGE,
    incomplete,
    night_status,
)
from tests.conftest import CRAWL_TIME, ROOT, run_scrapy
from tests.support.crash_points import crash_settings

FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _state_rows(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT * FROM postings ORDER BY id").fetchall()


def _state_nights(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT night FROM nights ORDER BY night")]


# Night 1 sees Mercari and Globex; night 2, four days later, Mercari and Nordwind: Nordwind's
# postings are new, Globex's expire, Mercari's are unchanged and Teal's copy stays a duplicate.
NIGHT_1_BOARDS = '[greenhouse]\nboards = ["mercari", "globex"]\n[teal]\npages = 5\n'
NIGHT_2_BOARDS = '[greenhouse]\nboards = ["mercari", "nordwindmobility"]\n[teal]\npages = 5\n'
LATER = "2026-11-26T03:00:00Z"
FIRST, SECOND = CRAWL_TIME[:10], LATER[:10]  # the two nights' folders


def _night_args(feeds: Path, sources: Path, crawl_time: str, *extra: str) -> list[str]:
    return [
        *("crawlall", "--offline", "-s", f"JOBSIEVE_SOURCES={sources}"),
        *("-s", f"JOBSIEVE_FEEDS_DIR={feeds}", "-s", f"JOBSIEVE_CRAWL_TIME={crawl_time}"),
        *extra,
    ]


def _night(feeds: Path, sources: Path, crawl_time: str, *extra: str):
    return run_scrapy(*_night_args(feeds, sources, crawl_time, *extra))


def _start_night(feeds: Path, sources: Path, crawl_time: str, *extra: str) -> subprocess.Popen:
    """A night in a process of its own, left running."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    return subprocess.Popen(
        [sys.executable, "-m", "scrapy", *_night_args(feeds, sources, crawl_time, *extra)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(path: Path, night: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert night.poll() is None, night.communicate()[1][-3000:]
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def boards(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("boards")
    (folder / "one.toml").write_text(NIGHT_1_BOARDS)
    (folder / "two.toml").write_text(NIGHT_2_BOARDS)
    return folder / "one.toml", folder / "two.toml"


@pytest.fixture(scope="module")
def reference(tmp_path_factory, boards) -> tuple[Path, Path]:
    """A clean pair of nights, and a copy of the state as night 1 left it."""
    feeds = tmp_path_factory.mktemp("reference")
    assert _night(feeds, boards[0], CRAWL_TIME).returncode == EXIT_COMPLETE
    after_one = feeds.parent / f"{feeds.name}-state-1.sqlite3"
    source, copy = sqlite3.connect(feeds / "state.sqlite3"), sqlite3.connect(after_one)
    with closing(source), closing(copy):
        source.backup(copy)
    result = _night(feeds, boards[1], LATER)
    assert result.returncode == EXIT_COMPLETE, result.stderr[-3000:]
    return feeds, after_one


@pytest.fixture
def after_night_1(tmp_path, reference) -> Path:
    """A feeds folder holding the state night 1 left, for night 2 to run on."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    shutil.copy(reference[1], feeds / "state.sqlite3")
    return feeds


@pytest.fixture
def after_night_2(tmp_path, reference) -> Path:
    """A copy of the reference feeds folder: both nights published and committed."""
    feeds = tmp_path / "feeds"
    shutil.copytree(reference[0], feeds)
    return feeds


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_equals_clean_night_2(feeds: Path, reference: tuple[Path, Path]) -> None:
    clean = reference[0]
    for name in FEEDS:
        assert (feeds / SECOND / name).read_bytes() == (clean / SECOND / name).read_bytes(), name
    assert _state_rows(feeds / "state.sqlite3") == _state_rows(clean / "state.sqlite3")
    assert _state_nights(feeds / "state.sqlite3") == [FIRST, SECOND]
    assert not list(feeds.glob(".*.partial")) and not list(feeds.glob(".*.replaced"))


def test_reference_second_night_has_new_unchanged_and_expired(reference):
    night = reference[0] / SECOND
    statuses = {p["status"] for p in _lines(night / "postings.jsonl")}
    assert statuses == {"new", "unchanged"}
    expired = _lines(night / "expired.jsonl")
    assert expired and {e["id"] for e in expired} <= {
        p["id"] for p in _lines(reference[0] / FIRST / "postings.jsonl")
    }
    assert json.loads((night / "report.json").read_text())["status"] == "complete"


# A night is published in one rename: "published" is one point, between that rename and the
# commit of the state.
@pytest.mark.parametrize("crash", ["items:10", "staged", "published", "committed"])
def test_killed_night_run_again_equals_a_clean_night(after_night_1, boards, reference, crash):
    feeds = after_night_1
    killed = _night(feeds, boards[1], LATER, *crash_settings(crash))
    assert killed.returncode == -9, killed.stderr[-2000:]
    published = crash in ("published", "committed")
    assert (feeds / SECOND).exists() == published
    if published:  # whole: every file of the night, never some
        assert _files(feeds / SECOND).keys() == _files(reference[0] / SECOND).keys()
    assert _state_nights(feeds / "state.sqlite3")[-1] == (SECOND if crash == "committed" else FIRST)
    # The dead night's lock file is left behind, and does not block the next night.
    assert (feeds / LOCK_FILE).exists()

    again = _night(feeds, boards[1], LATER)
    assert again.returncode == EXIT_COMPLETE, again.stderr[-3000:]
    _assert_equals_clean_night_2(feeds, reference)
    assert not (feeds / LOCK_FILE).exists()


def test_rerun_killed_once_published_drops_the_folder_it_replaced(after_night_2, boards, reference):
    feeds = after_night_2
    killed = _night(feeds, boards[1], LATER, *crash_settings("published"))
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert (feeds / SECOND).is_dir() and (feeds / f".{SECOND}.replaced").is_dir()

    again = _night(feeds, boards[1], LATER)
    assert again.returncode == EXIT_COMPLETE, again.stderr[-3000:]
    _assert_equals_clean_night_2(feeds, reference)


def test_night_killed_between_its_two_renames_is_put_back(after_night_2, boards, reference):
    """Killed after setting tonight's earlier folder aside, before renaming the new one in: the
    next night, whichever it is, finds the old folder back in place."""
    feeds = after_night_2
    before = _files(feeds / SECOND)
    (feeds / SECOND).rename(feeds / f".{SECOND}.replaced")
    (feeds / f".{SECOND}.partial").mkdir()

    later = _night(feeds, boards[1], "2026-11-27T03:00:00Z")
    assert later.returncode == EXIT_COMPLETE, later.stderr[-3000:]
    assert _files(feeds / SECOND) == before
    assert not list(feeds.glob(".*.partial")) and not list(feeds.glob(".*.replaced"))


INTERRUPTIONS = [
    # While the crawlers are still starting: Scrapy's stop of a crawler whose engine is not yet
    # running left its crawl unended, and the night hung until a second signal.
    ("opened", signal.SIGINT),
    ("opened", signal.SIGTERM),
    ("items:10", signal.SIGTERM),  # mid-crawl: Scrapy's graceful stop
    ("items:10", signal.SIGINT),
    ("crawled", signal.SIGTERM),
    ("settled", signal.SIGINT),  # mid-staging
    ("staged", signal.SIGTERM),  # staged, not yet published
]


@pytest.mark.parametrize(("point", "signum"), INTERRUPTIONS, ids=lambda v: getattr(v, "name", v))
def test_interrupted_night_publishes_and_commits_nothing(
    after_night_1, boards, reference, point, signum
):
    feeds = after_night_1
    state_before = _state_rows(feeds / "state.sqlite3")

    stopped = _night(feeds, boards[1], LATER, *crash_settings(point, signum))
    assert stopped.returncode == 128 + signum, stopped.stderr[-3000:]
    assert stopped.stderr.strip().splitlines()[-1] == (
        f"jobsieve night {SECOND} interrupted by {signum.name}: nothing published, "
        "the state unchanged"
    )
    assert "Traceback" not in stopped.stderr and stopped.stdout == ""
    assert not (feeds / SECOND).exists()
    assert _state_rows(feeds / "state.sqlite3") == state_before
    assert _state_nights(feeds / "state.sqlite3") == [FIRST]
    assert not list(feeds.glob(".*.partial")) and not (feeds / LOCK_FILE).exists()

    again = _night(feeds, boards[1], LATER)
    assert again.returncode == EXIT_COMPLETE, again.stderr[-3000:]
    _assert_equals_clean_night_2(feeds, reference)


def test_interrupted_rerun_leaves_the_published_night_as_it_was(after_night_2, boards):
    feeds = after_night_2
    before, state_before = _files(feeds / SECOND), _state_rows(feeds / "state.sqlite3")
    stopped = _night(feeds, boards[1], LATER, *crash_settings("staged", signal.SIGTERM))
    assert stopped.returncode == 143, stopped.stderr[-3000:]
    assert _files(feeds / SECOND) == before
    assert _state_rows(feeds / "state.sqlite3") == state_before


def test_a_signal_while_publishing_lets_the_night_finish(after_night_1, boards, reference):
    feeds = after_night_1
    hold = feeds.parent / "hold"
    night = _start_night(feeds, boards[1], LATER, *crash_settings("published", hold=hold))
    _wait_for(Path(f"{hold}.reached"), night)
    night.send_signal(signal.SIGTERM)
    hold.touch()
    out, err = night.communicate(timeout=120)
    assert night.returncode == EXIT_COMPLETE, err[-3000:]
    assert "SIGTERM came while the night was publishing: it was finished first" in err
    assert out.startswith(f"jobsieve night {SECOND} complete:")
    _assert_equals_clean_night_2(feeds, reference)


def test_a_second_signal_stops_the_night_at_once(after_night_1, boards, reference):
    feeds = after_night_1
    hold = feeds.parent / "hold"
    night = _start_night(feeds, boards[1], LATER, *crash_settings("published", hold=hold))
    _wait_for(Path(f"{hold}.reached"), night)
    night.send_signal(signal.SIGTERM)
    time.sleep(0.5)  # the first is noted: the night would finish publishing
    night.send_signal(signal.SIGTERM)
    _, err = night.communicate(timeout=60)  # never released: only the second signal ends it
    assert night.returncode == -signal.SIGTERM, err[-3000:]
    assert "SIGTERM again, stopping at once" in err
    # Stopped between publishing and committing, as a kill -9 there: the next night redoes it.
    assert _state_nights(feeds / "state.sqlite3") == [FIRST]
    again = _night(feeds, boards[1], LATER)
    assert again.returncode == EXIT_COMPLETE, again.stderr[-3000:]
    _assert_equals_clean_night_2(feeds, reference)


def test_two_nights_at_once_the_second_is_refused(after_night_1, boards, reference):
    feeds = after_night_1
    hold = feeds.parent / "hold"
    first = _start_night(feeds, boards[1], LATER, *crash_settings("crawled", hold=hold))
    _wait_for(Path(f"{hold}.reached"), first)

    second = _night(feeds, boards[1], LATER)
    hold.touch()
    _, err = first.communicate(timeout=120)

    assert second.returncode == EXIT_RUNNING, second.stderr[-3000:]
    line = second.stderr.strip().splitlines()[-1]
    assert line.startswith(f"another night is running in {feeds} (pid {first.pid}, started 20")
    assert f"night {SECOND}): this one did not start" in line
    assert "Traceback" not in second.stderr and second.stdout == ""
    assert first.returncode == EXIT_COMPLETE, err[-3000:]
    _assert_equals_clean_night_2(feeds, reference)


def test_a_night_that_cannot_start_leaves_the_published_night_untouched(after_night_2, boards):
    """A crawler that cannot start once the night has begun (a configured extension that does not
    import: nothing a check before the night sees) leaves everything as it was."""
    feeds = after_night_2
    before, state_before = _files(feeds / SECOND), _state_rows(feeds / "state.sqlite3")
    failed = _night(feeds, boards[1], LATER, "-s", 'EXTENSIONS={"nowhere.Extension": 500}')
    assert failed.returncode == EXIT_FAILED, failed.stderr[-3000:]
    last = failed.stderr.strip().splitlines()[-1]
    assert last == (
        f"jobsieve night {SECOND} could not start (greenhouse, teal: No module named 'nowhere'): "
        "nothing published, the state unchanged"
    )
    assert "Traceback" not in failed.stderr and failed.stdout == ""
    assert _files(feeds / SECOND) == before
    assert _state_rows(feeds / "state.sqlite3") == state_before
    assert _state_nights(feeds / "state.sqlite3") == [FIRST, SECOND]
    assert not list(feeds.glob(".*.partial"))


def test_a_spider_that_cannot_be_built_is_refused_before_the_night(after_night_2, boards):
    """Welcome to the Jungle given half of its Algolia credentials: the spider refuses to be
    built, and crawlall says so before the night, in one line."""
    feeds = after_night_2
    before = _files(feeds / SECOND)
    sources = feeds.parent / "with-wttj.toml"
    sources.write_text(boards[1].read_text() + '[welcometothejungle]\nboards = ["back-market"]\n')
    refused = _night(feeds, sources, LATER, "-s", "WTTJ_ALGOLIA_APP_ID=abcdefgh")
    assert refused.returncode == EXIT_USAGE, refused.stderr[-3000:]
    assert (
        "welcometothejungle: give both the Algolia application id and key, or none"
        in refused.stderr.strip().splitlines()[-1]
    )
    assert "Traceback" not in refused.stderr and _files(feeds / SECOND) == before


def test_a_night_over_a_missing_world_is_refused_before_it_starts(after_night_2, boards):
    feeds = after_night_2
    before, state_before = _files(feeds / SECOND), _state_rows(feeds / "state.sqlite3")
    refused = run_scrapy(
        *("crawlall", "-s", f"JOBSIEVE_WORLD={feeds.parent / 'no-world'}"),
        *("-s", f"JOBSIEVE_SOURCES={boards[1]}", "-s", f"JOBSIEVE_FEEDS_DIR={feeds}"),
        *("-s", f"JOBSIEVE_CRAWL_TIME={LATER}"),
    )
    assert refused.returncode == EXIT_USAGE, refused.stderr[-3000:]
    assert "JOBSIEVE_WORLD=" in refused.stderr and "Traceback" not in refused.stderr
    assert (_files(feeds / SECOND), _state_rows(feeds / "state.sqlite3")) == (before, state_before)


def test_an_earlier_night_is_refused(after_night_2, boards):
    feeds = after_night_2
    before, state_before = _files(feeds / FIRST), _state_rows(feeds / "state.sqlite3")
    refused = _night(feeds, boards[0], CRAWL_TIME)
    assert refused.returncode == EXIT_USAGE, refused.stderr[-3000:]
    assert (
        f"night {FIRST} is earlier than {SECOND}, the last night the state "
        f"{feeds / 'state.sqlite3'} remembers: not run (--rebuild"
    ) in refused.stderr
    assert _files(feeds / FIRST) == before
    assert _state_rows(feeds / "state.sqlite3") == state_before


def test_rebuild_reruns_an_earlier_night_and_forgets_the_later_ones(after_night_2, boards):
    feeds = after_night_2
    rebuilt = _night(feeds, boards[0], CRAWL_TIME, "--rebuild")
    assert rebuilt.returncode == EXIT_COMPLETE, rebuilt.stderr[-3000:]
    assert _state_nights(feeds / "state.sqlite3") == [FIRST]
    # Counted against the state night 2 left: Mercari's postings are known, not new.
    statuses = {p["status"] for p in _lines(feeds / FIRST / "postings.jsonl")}
    assert "unchanged" in statuses
    # Night 2 may run again, in order, without --rebuild.
    again = _night(feeds, boards[1], LATER)
    assert again.returncode == EXIT_COMPLETE, again.stderr[-3000:]
    assert _state_nights(feeds / "state.sqlite3") == [FIRST, SECOND]


# --- a night's status and exit code -------------------------------------------------------------


def _stats(
    name: str, *, finished: bool = True, read: tuple[str, ...] = ("good",), errors=()
) -> dict[str, object]:
    """A source's crawler stats: finished or not, boards read (postings counted) and a board error
    per name in ``errors``."""
    stats: dict[str, object] = {"finish_reason": "finished" if finished else "shutdown"}
    stats |= {f"jobsieve/source/{name}/{board}/postings": 3 for board in read}
    stats |= {f"jobsieve/source/{name}/{board}/error": 1 for board in errors}
    return stats


@pytest.mark.parametrize(
    ("stats", "exported", "status", "lines"),
    [
        ({"greenhouse": _stats("greenhouse"), "teal": _stats("teal")}, 40, "complete", []),
        (
            {"greenhouse": _stats("greenhouse", errors=("acme",)), "teal": _stats("teal")},
            40,
            "degraded",
            ["greenhouse/acme: 1 error(s)"],
        ),
        (
            {
                "greenhouse": _stats("greenhouse", finished=False),
                "teal": _stats("teal", finished=False),
            },
            40,
            "failed",  # no board read in full
            [
                "greenhouse: the crawl did not finish (shutdown)",
                "teal: the crawl did not finish (shutdown)",
            ],
        ),
        # nothing exported
        ({"greenhouse": _stats("greenhouse"), "teal": _stats("teal")}, 0, "failed", []),
        # every board that was read failed, though the crawls finished
        (
            {"greenhouse": _stats("greenhouse", read=(), errors=("acme",))},
            40,
            "failed",
            ["greenhouse/acme: 1 error(s)"],
        ),
    ],
)
def test_night_status(stats, exported, status, lines):
    completeness = Completeness.of(stats)
    assert (night_status(completeness, exported), incomplete(completeness)) == (status, lines)


def test_a_night_where_every_board_fails_is_failed(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[greenhouse]\nboards = ["nosuchcompany"]\n')
    failed = _night(tmp_path / "feeds", sources, CRAWL_TIME)
    assert failed.returncode == EXIT_FAILED, failed.stderr[-3000:]
    report = json.loads((tmp_path / "feeds" / FIRST / "report.json").read_text())
    assert (report["status"], report["postings"], report["failing_boards"]) == ("failed", 0, 1)
    assert failed.stdout.startswith(f"jobsieve night {FIRST} failed: 0 postings")
