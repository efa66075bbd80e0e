"""The crawls a user runs, end to end: `scrapy crawl -O` of one source, `scrapy crawlall
--offline` (the README's command) and a night with failing boards and an invalid job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.settings import Settings

from scrapers.commands.crawlall import offline_folders
from scrapers.contract import validate_posting
from scrapers.sources import load_sources
from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD, run_scrapy
from tests.support.faults.greenhouse import INVALID_JOB
from tests.support.nights import run_night, shipped_sources


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def greenhouse_feed(tmp_path_factory) -> list[dict]:
    """The README's live-crawl command, on the recorded world: `scrapy crawl … -O file`."""
    out = tmp_path_factory.mktemp("crawl") / "out.jsonl"
    result = run_scrapy(
        "crawl", "greenhouse", "-a", "boards=mercari",
        "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-O", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return _lines(out)


def test_crawl_writes_every_job_of_the_board_each_valid(greenhouse_feed):
    assert [validate_posting(line) for line in greenhouse_feed] == [[]] * 7


def test_crawl_writes_the_seed_job_clean(greenhouse_feed):
    seed = next(line for line in greenhouse_feed if line["id"] == "greenhouse:8519643002")
    assert (
        seed["title"],
        seed["location_raw"],
        seed["remote"],
        seed["language"],
        "equal opportunity" in seed["description"],
        "- Flexibility:" in seed["description"],
        "eeo" in {b["category"] for b in seed["boilerplate"]},
    ) == (
        "Sr. Software Engineer, Backend",
        "Hybrid-Palo Alto, CA",
        "hybrid",
        "en",
        False,
        True,
        True,
    )


def test_crawl_equals_the_nights_lines_of_the_board(greenhouse_feed, shipped_night):
    """`scrapy crawl` and the night run the same spider and pipelines: same lines, but for the
    night's cross-source annotations."""
    night = [p for p in shipped_night.postings("greenhouse") if "/mercari/" in p["url"]]
    annotated = ("status", "first_seen", "duplicate_of")
    strip = lambda line: {k: v for k, v in line.items() if k not in annotated}  # noqa: E731
    assert sorted(map(json.dumps, map(strip, greenhouse_feed))) == sorted(
        map(json.dumps, map(strip, night))
    )


def test_a_bad_board_argument_stops_a_real_crawl_at_start():
    result = run_scrapy(
        "crawl", "greenhouse", "-a", "boards=not a token", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}"
    )
    assert result.returncode != 0 and "is not a Greenhouse board token" in result.stderr


# --- the README's night ---------------------------------------------------------------------------


def test_night_crawls_every_source_of_the_sources_file(shipped_night):
    assert sorted(shipped_night.report["sources"]) == sorted(load_sources(ROOT / "sources.toml"))


def test_night_misses_no_recording_and_no_board_fails(shipped_night):
    sources = shipped_night.report["sources"]
    assert {n: (s["missing_recordings"], s["failing_boards"]) for n, s in sources.items()} == {
        n: (0, {}) for n in sources
    }


def test_night_every_line_valid(shipped_night):
    lines = shipped_night.postings()
    assert lines and all(validate_posting(line) == [] for line in lines)


@pytest.mark.parametrize("source", sorted(shipped_sources()))
def test_night_each_source_yields_lines_each_valid(shipped_night, source):
    lines = shipped_night.postings(source)
    assert lines and [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_night_is_deterministic(shipped_night, tmp_path):
    again = run_night(tmp_path)
    for name in ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl"):
        assert (again.folder / name).read_bytes() == (shipped_night.folder / name).read_bytes()


# --- a night with failing boards (the board-fault contract: tests/test_board_faults.py) ------


def test_night_with_failing_boards_is_degraded(fault_night, shipped_night):
    # run_night checked the exit codes: EXIT_DEGRADED, and EXIT_COMPLETE for the README's night.
    assert (fault_night.report["status"], shipped_night.report["status"]) == (
        "degraded",
        "complete",
    )


def test_night_drops_the_invalid_job_and_counts_why(fault_night):
    assert fault_night.report["sources"]["greenhouse"]["dropped_by_reason"] == {"invalid": 1}


def test_night_keeps_the_invalid_job_in_the_dead_letters_with_every_error(fault_night):
    [line] = [d for d in fault_night.lines("deadletter.jsonl") if d.get("spider") == "greenhouse"]
    assert (
        line["reason"],
        line["item"]["source_id"],
        sorted({d["field"] for d in line["details"]}),
    ) == ("invalid", str(INVALID_JOB["id"]), ["apply_url", "url"])


def test_night_counts_the_requests_sent_to_failing_boards(fault_night, shipped_night):
    # A list request per failing board, and the invalid job's own request for its pay.
    sent = fault_night.report["requests"]["by_source"]["greenhouse"]
    assert sent == shipped_night.report["requests"]["by_source"]["greenhouse"] + 5


# --- offline and live nights never mix ----------------------------------------------------------


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder run as the project (its own scrapy.cfg): where a user's feeds/ would be."""
    (tmp_path / "scrapy.cfg").write_text("[settings]\ndefault = scrapers.settings\n")
    return tmp_path


def test_offline_and_live_nights_keep_their_own_feeds_and_state(project):
    clock = ("-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}")
    offline = run_scrapy("crawlall", "--offline", "--sources", "teal", *clock, cwd=project)
    assert offline.returncode == 0, offline.stderr[-3000:]
    night = CRAWL_TIME[:10]
    assert offline.stdout.startswith(f"jobsieve night {night} complete:")
    assert _lines(project / "feeds" / "offline" / night / "postings.jsonl")
    assert (project / "feeds" / "offline" / "state.sqlite3").exists()
    assert (project / "feeds" / "offline" / "cache" / "teal.sqlite3").exists()
    assert sorted(p.name for p in (project / "feeds").iterdir()) == ["offline"]

    # A live night (the shipped world standing in for the network) knows none of them.
    live = run_scrapy(
        "crawlall", "--sources", "teal", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}", *clock,
        cwd=project,
    )  # fmt: skip
    assert live.returncode == 0, live.stderr[-3000:]
    postings = _lines(project / "feeds" / night / "postings.jsonl")
    assert postings and {p["status"] for p in postings} == {"new"}
    assert (project / "feeds" / "state.sqlite3").exists()


def test_offline_night_moves_a_configured_state_and_cache_but_not_command_line_ones():
    settings = Settings()
    settings.setmodule("scrapers.settings", priority="project")
    settings.set("JOBSIEVE_STATE", "/srv/live/state.sqlite3", priority="project")
    settings.set("JOBSIEVE_CACHE_DIR", "/srv/live/cache", priority="cmdline")
    offline_folders(settings)
    assert (
        settings.get("JOBSIEVE_FEEDS_DIR"),
        settings.get("JOBSIEVE_STATE"),
        settings.get("JOBSIEVE_CACHE_DIR"),
    ) == ("feeds/offline", None, "/srv/live/cache")


def test_logfile_folder_is_created_on_a_fresh_clone(project):
    """The deploy/ cron line's --logfile feeds/crawlall.log, before any feeds/ exists."""
    result = run_scrapy(
        "crawlall", "--offline", "--sources", "teal", "--logfile", "feeds/crawlall.log",
        "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}", cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    log = (project / "feeds" / "crawlall.log").read_text(encoding="utf-8")
    assert "Spider closed (finished)" in log
