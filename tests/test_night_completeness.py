"""Four real `scrapy crawlall` nights with ``JOBSIEVE_EXPIRE_AFTER=1``: after a first night over
the shipped world, two Greenhouse boards and every career site fail on nights 2 to 4 (a redirect
loop, HTTP 503, a site that answers nothing but 503), while one complete board drops a posting.
No posting of a board that failed expires, nor changes its ``last_seen``; the complete board's
removed posting expires on the first night it is missing; each report names every incomplete
board and why.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from scrapers.extractors.greenhouse import board_jobs_url
from scrapers.night.status import EXIT_COMPLETE, EXIT_DEGRADED
from scrapers.state import open_store
from scrapers.world import Recording, World, host_dir
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD, world_with
from tests.support.nights import Night, run_night, shipped_sources, sources_file

FIRST = CRAWL_TIME[:10]
NIGHTS = [(date.fromisoformat(FIRST) + timedelta(days=n)).isoformat() for n in range(4)]
CAREER_SITES = (
    "karriere.falkenstein.example",
    "jobs.maplewood.example",
    "www.sonnenhof-hotels.example",
    "careers.tidewater.example",
)
LOOP = board_jobs_url("globex")
LOOP_BACK = LOOP + "&page=2"


def _failing_world(root: Path) -> Path:
    """The shipped world where globex redirects in a loop, nordwindmobility and every career site
    answer 503, and mercari's list no longer shows its first job."""
    changes = [
        Recording("GET", LOOP, 301, [("Location", LOOP_BACK)], b""),
        Recording("GET", LOOP_BACK, 301, [("Location", LOOP)], b""),
        Recording("GET", board_jobs_url("nordwindmobility"), 503, [], b""),
    ]
    mercari = World(SHIPPED_WORLD).lookup("GET", board_jobs_url("mercari"))
    assert mercari is not None
    listed = json.loads(mercari.body)
    listed["jobs"] = listed["jobs"][1:]
    changes.append(Recording("GET", mercari.url, 200, mercari.headers, json.dumps(listed).encode()))
    world = World(SHIPPED_WORLD)
    for path in world.exchanges():
        if path.parent.name in CAREER_SITES:
            saved = world.read(path)
            changes.append(Recording(saved.method, saved.url, 503, [], b"", saved.request_body))
    assert {host_dir(c.url) for c in changes} >= set(CAREER_SITES)
    return world_with(root, *changes)


@pytest.fixture(scope="module")
def nights(tmp_path_factory) -> list[Night]:
    root = tmp_path_factory.mktemp("night-completeness")
    shipped = shipped_sources()
    sources = sources_file(
        root / "sources.toml",
        {
            "greenhouse": {"boards": ["mercari", "globex", "nordwindmobility"]},
            "jobposting": shipped["jobposting"],
        },
    )
    failing = _failing_world(root / "failing")
    return [
        run_night(
            root / "feeds",
            "-s",
            "JOBSIEVE_EXPIRE_AFTER=1",
            crawl_time=f"{night}T03:00:00Z",
            world=SHIPPED_WORLD if number == 0 else failing,
            sources=sources,
            # Nights 2-4 read some boards incompletely: degraded, and the exit code says so.
            exit_code=EXIT_COMPLETE if number == 0 else EXIT_DEGRADED,
        )
        for number, night in enumerate(NIGHTS)
    ]


def _ids(night: Night, prefix: str) -> set[str]:
    return {line["id"] for line in night.postings() if line["url"].startswith(prefix)}


def test_the_first_night_is_complete(nights):
    first = nights[0]
    assert (first.report["not_read_in_full"], len(first.postings("jobposting"))) == ([], 28)


def test_only_the_complete_boards_removed_posting_expires(nights):
    removed = json.loads(World(SHIPPED_WORLD).lookup("GET", board_jobs_url("mercari")).body)
    gone = f"greenhouse:{removed['jobs'][0]['id']}"
    assert [[(e["id"], e["reason"]) for e in night.lines("expired.jsonl")] for night in nights] == [
        [],
        [(gone, "not_seen")],
        [],
        [],
    ]


def test_no_posting_of_a_failed_board_expires_nor_changes_its_last_seen(nights):
    first = nights[0]
    kept = (
        {line["id"] for line in first.postings("jobposting")}
        | _ids(first, "https://job-boards.greenhouse.io/globex/")
        | _ids(first, "https://job-boards.greenhouse.io/nordwindmobility/")
    )
    store = open_store(first.feeds / "state.sqlite3")
    try:
        rows = store.get(kept)
    finally:
        store.close()
    assert len(kept) > 28 and {(r.expired, r.last_seen) for r in rows.values()} == {
        (None, CRAWL_TIME)
    }
    assert len(rows) == len(kept)


def test_each_failing_night_names_every_incomplete_board_and_why(nights):
    for night in nights[1:]:
        lines = night.report["not_read_in_full"]
        named = {line.split(": ", 1)[0] for line in lines}
        assert named == {
            "greenhouse/globex",
            "greenhouse/nordwindmobility",
            *(f"jobposting/{site}" for site in CAREER_SITES),
        }
        assert f"greenhouse/globex: redirect loop: {LOOP} -> {LOOP_BACK} -> {LOOP}" in lines
        assert any(line.startswith("greenhouse/nordwindmobility: HTTP 503 from") for line in lines)
        assert set(night.report["sources"]["greenhouse"]["not_read_in_full"]) == {
            "globex",
            "nordwindmobility",
        }
