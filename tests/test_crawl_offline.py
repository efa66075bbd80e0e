"""Real `scrapy crawl` and `scrapy crawlall` processes against recorded worlds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.sources import load_sources
from scrapers.world import Recording, World
from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD, run_scrapy


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def greenhouse_feed(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("crawl") / "out.jsonl"
    result = run_scrapy(
        "crawl",
        "greenhouse",
        "-a",
        "boards=mercari",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-O",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return _lines(out)


def test_crawl_yields_every_job_of_the_board(greenhouse_feed):
    assert len(greenhouse_feed) == 7


def test_every_line_is_valid(greenhouse_feed):
    assert [validate_posting(line) for line in greenhouse_feed] == [[]] * 7


def test_seed_job_is_in_the_feed(greenhouse_feed):
    seed = next(line for line in greenhouse_feed if line["id"] == "greenhouse:8519643002")
    assert (seed["title"], seed["location_raw"], seed["remote"], seed["language"]) == (
        "Sr. Software Engineer, Backend",
        "Hybrid-Palo Alto, CA",
        "hybrid",
        "en",
    )


def test_seed_body_lost_its_boilerplate_but_kept_benefits(greenhouse_feed):
    seed = next(line for line in greenhouse_feed if line["id"] == "greenhouse:8519643002")
    assert (
        "equal opportunity" not in seed["description"] and "- Flexibility:" in seed["description"]
    )


def test_seed_boilerplate_kept_aside(greenhouse_feed):
    seed = next(line for line in greenhouse_feed if line["id"] == "greenhouse:8519643002")
    assert "eeo" in {b["category"] for b in seed["boilerplate"]}


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl", "greenhouse", "-a", "boards=not a token", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}"
    )
    assert result.returncode != 0 and "is not a Greenhouse board token" in result.stderr


def _faulty_world(root: Path) -> Path:
    """The shipped world plus a board serving malformed JSON and a job the contract rejects."""
    world = World(root)
    for exchange in World(SHIPPED_WORLD).exchanges():
        world.save(World(SHIPPED_WORLD).read(exchange))
    json_type = [("Content-Type", "application/json; charset=utf-8")]
    api = "https://boards-api.greenhouse.io/v1/boards"
    world.save(
        Recording("GET", f"{api}/broken/jobs?content=true", 200, json_type, b'{"jobs": [{"id": 1,')
    )
    world.save(Recording("GET", f"{api}/empty/jobs?content=true", 200, json_type, b'{"jobs": []}'))
    bad_job = {
        "id": 77,
        "title": "Engineer",
        "absolute_url": "javascript:alert(1)",
        "location": {"name": "Berlin"},
        "content": "&lt;p&gt;Build things.&lt;/p&gt;",
    }
    world.save(
        Recording(
            "GET",
            f"{api}/invalid/jobs?content=true",
            200,
            json_type,
            json.dumps({"jobs": [bad_job], "meta": {"total": 1}}).encode(),
        )
    )
    return root


@pytest.fixture(scope="module")
def night(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("night")
    world = _faulty_world(tmp / "world")
    sources = tmp / "sources.toml"
    sources.write_text(
        '[greenhouse]\nboards = ["mercari", "missing", "broken", "invalid", "empty"]\n'
    )
    result = run_scrapy(
        "crawlall",
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_SOURCES={sources}",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp / 'feeds'}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "feeds" / "2026-11-22"


def test_crawlall_writes_postings_of_the_good_board(night):
    assert len(_lines(night / "postings.jsonl")) == 7


def test_crawlall_report_names_failing_boards(night):
    report = json.loads((night / "report.json").read_text())
    assert sorted(report["sources"]["greenhouse"]["errors"]) == ["broken", "missing"]


def test_crawlall_report_counts_drops(night):
    report = json.loads((night / "report.json").read_text())
    assert report["dropped"] == {"invalid": 1}


def test_crawlall_report_counts_requests(night):
    report = json.loads((night / "report.json").read_text())
    # robots.txt + 5 boards + a pay request per listed job (7 of mercari, 1 of "invalid")
    assert report["requests"]["by_source"]["greenhouse"] == 14


def test_crawlall_report_counts_empty_boards(night):
    report = json.loads((night / "report.json").read_text())
    assert report["sources"]["greenhouse"]["boards"]["empty"] == {"empty": 1, "postings": 0}


def test_crawlall_deadletter_holds_the_invalid_item_and_why(night):
    [line] = _lines(night / "deadletter.jsonl")
    assert (
        line["reason"],
        line["item"]["source_id"],
        sorted({d["field"] for d in line["details"]}),
    ) == ("invalid", "77", ["apply_url", "url"])


@pytest.fixture(scope="module")
def offline_night(tmp_path_factory) -> Path:
    feeds = tmp_path_factory.mktemp("offline")
    result = run_scrapy(
        "crawlall",
        "--offline",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={feeds}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return feeds / "2026-11-22"


def test_crawlall_offline_crawls_every_source_of_the_sources_file(offline_night):
    report = json.loads((offline_night / "report.json").read_text())
    assert sorted(report["sources"]) == sorted(load_sources(ROOT / "sources.toml"))


def test_crawlall_offline_misses_no_recording(offline_night):
    report = json.loads((offline_night / "report.json").read_text())
    assert {n: s["missing_recordings"] for n, s in report["sources"].items()} == {
        n: 0 for n in report["sources"]
    }


def test_crawlall_offline_has_no_board_error(offline_night):
    report = json.loads((offline_night / "report.json").read_text())
    assert {n: s["errors"] for n, s in report["sources"].items()} == {
        n: {} for n in report["sources"]
    }


def test_crawlall_offline_every_line_valid(offline_night):
    lines = _lines(offline_night / "postings.jsonl")
    assert lines and all(validate_posting(line) == [] for line in lines)


def test_crawlall_offline_seed_jobs(offline_night):
    ids = {line["id"] for line in _lines(offline_night / "postings.jsonl")}
    assert "greenhouse:8519643002" in ids


def test_crawlall_offline_is_deterministic(offline_night, tmp_path):
    again = run_scrapy(
        "crawlall",
        "--offline",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp_path}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert (tmp_path / "2026-11-22" / "postings.jsonl").read_bytes() == (
        offline_night / "postings.jsonl"
    ).read_bytes()
