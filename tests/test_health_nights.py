"""Two real `scrapy crawlall` nights with ``JOBSIEVE_EXPIRE_AFTER=1`` (processes, offline): on the
second, every Lever list answers an empty list while Greenhouse's mercari board drops a posting.
The night exits 3 (degraded) with one health error naming lever; no Lever posting expires and all
stay live in the state, while mercari's removed posting expires as usual; the state keeps each
night's figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.extractors.greenhouse import board_jobs_url
from scrapers.night.status import EXIT_DEGRADED
from scrapers.state import open_store
from scrapers.world import Recording, World, host_dir
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD, world_with
from tests.support.nights import Night, run_night, sources_file

NIGHT_2 = "2026-11-23T03:00:00Z"
LEVER_HOSTS = ("api.lever.co", "api.eu.lever.co")


def _silent_lever_world(root: Path) -> Path:
    """The shipped world where every Lever site lists no posting, and mercari's list no longer
    shows its first job."""
    world = World(SHIPPED_WORLD)
    changes = []
    for path in world.exchanges():
        if path.parent.name in LEVER_HOSTS and "/v0/postings/" in (saved := world.read(path)).url:
            changes.append(Recording("GET", saved.url, 200, saved.headers, b"[]"))
    assert {host_dir(c.url) for c in changes} == set(LEVER_HOSTS)
    mercari = world.lookup("GET", board_jobs_url("mercari"))
    assert mercari is not None
    listed = json.loads(mercari.body)
    listed["jobs"] = listed["jobs"][1:]
    changes.append(Recording("GET", mercari.url, 200, mercari.headers, json.dumps(listed).encode()))
    return world_with(root, *changes)


@pytest.fixture(scope="module")
def nights(tmp_path_factory) -> list[Night]:
    root = tmp_path_factory.mktemp("health-nights")
    sources = sources_file(
        root / "sources.toml",
        {
            "greenhouse": {"boards": ["mercari", "globex"]},
            "lever": {
                "boards": ["farfetch", "eu:backmarket"],
                "companies": {"farfetch": "Farfetch", "backmarket": "Back Market"},
            },
        },
    )
    common = ("-s", "JOBSIEVE_EXPIRE_AFTER=1")
    first = run_night(root / "feeds", *common, world=SHIPPED_WORLD, sources=sources)
    second = run_night(
        root / "feeds",
        *common,
        crawl_time=NIGHT_2,
        world=_silent_lever_world(root / "silent"),
        sources=sources,
        exit_code=EXIT_DEGRADED,
    )
    return [first, second]


def test_the_first_night_has_no_previous_night_and_no_finding(nights):
    first = nights[0]
    assert (first.report["status"], first.report["health"]) == ("complete", [])
    assert len(first.postings("lever")) == 6


def test_a_source_returning_nothing_is_one_health_error_naming_it(nights):
    first, second = nights
    assert second.report["status"] == "degraded"
    assert second.report["health"] == [
        {
            "severity": "error",
            "source": "lever",
            "board": None,
            "measure": "postings",
            "before": len(first.postings("lever")),
            "now": 0,
            "threshold": "zero postings",
            "message": f"lever returned no postings tonight ({len(first.postings('lever'))} "
            "on its last night with any); none of its postings expires tonight",
        }
    ]
    assert list(second.report)[:3] == ["night", "status", "health"]


def test_none_of_its_postings_expires_and_all_stay_live(nights):
    first, second = nights
    lever = {line["id"] for line in first.postings("lever")}
    expired = {line["id"] for line in second.lines("expired.jsonl")}
    assert not lever & expired
    store = open_store(first.feeds / "state.sqlite3")
    try:
        rows = store.get(lever)
    finally:
        store.close()
    assert len(rows) == len(lever)
    assert {(row.expired, row.last_seen) for row in rows.values()} == {(None, CRAWL_TIME)}


def test_other_sources_still_expire_what_went(nights):
    removed = json.loads(World(SHIPPED_WORLD).lookup("GET", board_jobs_url("mercari")).body)
    expired = [(e["id"], e["reason"]) for e in nights[1].lines("expired.jsonl")]
    assert expired == [(f"greenhouse:{removed['jobs'][0]['id']}", "not_seen")]
    # Counted beside its source's statuses in the report, and nowhere else.
    by_source = {name: s.get("expired", 0) for name, s in nights[1].report["sources"].items()}
    assert by_source["greenhouse"] == 1 and sum(by_source.values()) == 1


def test_its_boards_are_named_as_not_read_in_full_with_why(nights):
    report = nights[1].report
    incomplete = report["sources"]["lever"]["not_read_in_full"]
    assert sorted(incomplete) == ["eu:backmarket", "farfetch"]
    assert all("held by the health check" in why[0] for why in incomplete.values())


def test_the_state_keeps_each_nights_figures(nights):
    store = open_store(nights[0].feeds / "state.sqlite3")
    try:
        history = store.night_figures(before="2026-11-24", limit=7)
    finally:
        store.close()
    assert [night for night, _ in history] == ["2026-11-22", "2026-11-23"]
    first, second = (figures for _, figures in history)
    assert (first["lever"]["postings"], second["lever"]["postings"]) == (
        len(nights[0].postings("lever")),
        0,
    )
    assert set(first["lever"]["boards"]) == {"farfetch", "eu:backmarket"}
    assert first["greenhouse"]["coverage"]["company"] == 1.0
