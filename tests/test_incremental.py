"""Incremental nights: a night's requests grow with what changed, not with what exists.

Three real `scrapy crawlall` nights over a generated world of 1,200 postings on all 12 sources
(the benchmark's builder, where posting details dominate the requests): the world unchanged on
night 2; on night 3 the same world with 5 % of postings edited and 2 % removed; night 4 runs
`--full`. Then the detail cache's pieces one by one: nights of one spider (real crawls in the
test process, state and cache kept in one feeds folder), markers, revisit ages, the world's 304s.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy import Request
from scrapy.utils.test import get_crawler

from benchmarks.worlds import make_world
from scrapers import registry
from scrapers.revisit import card_marker, change_marker, revisit_due, without_relative_ages
from scrapers.world import Recording, World
from scrapers.world_middleware import WorldMiddleware
from tests.support.inprocess import Crawl, crawl
from tests.support.nights import run_night

POSTINGS = 1200
NIGHTS = {
    1: "2026-11-22T03:00:00Z",
    2: "2026-11-23T03:00:00Z",
    3: "2026-11-24T03:00:00Z",
    4: "2026-11-25T03:00:00Z",
}
# Sources whose lists carry every posting's body: no detail request on any night.
LIST_ONLY = {name for name, source in registry.sources().items() if not source.fetches_details}


def _night(feeds: Path, world: Path, sources: Path, night: int, *args: str) -> dict[str, Any]:
    # Removed postings show as expired the next night, not three nights later.
    done = run_night(
        feeds,
        *args,
        "-s",
        "JOBSIEVE_EXPIRE_AFTER=1",
        world=world,
        sources=sources,
        crawl_time=NIGHTS[night],
    )
    return {
        "report": done.report,
        "postings": {p["id"]: p for p in done.postings()},
        "expired": {e["id"] for e in done.lines("expired.jsonl")},
        "delta": done.lines("delta.jsonl"),
    }


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    root = tmp_path_factory.mktemp("incremental")
    first = make_world(POSTINGS, root / "first")
    later = make_world(POSTINGS, root / "later", changed=0.05, removed=0.02)
    feeds = root / "feeds"
    runs = {
        night: _night(feeds, built.world, first.sources_toml, night, *args)
        for night, built, args in (
            (1, first, ()),
            (2, first, ()),
            (3, later, ()),
            (4, later, ("--full",)),
        )
    }
    runs[0] = {"changed": len(later.changed), "removed": len(later.removed)}
    return runs


def _requests(run: dict[str, Any]) -> dict[str, int]:
    return run["report"]["requests"]["by_source"]


def _without_crawl_time(posting: dict[str, Any]) -> dict[str, Any]:
    """A posting minus what depends on the night: when it was crawled, its status, and a date
    resolved from a relative one ("3 weeks ago" on a recorded page is a day later each night)."""
    relative = re.search(r"ago|today|yesterday", posting.get("date_posted_raw") or "", re.I)
    night_bound = {"crawled_at", "status", *(("date_posted",) if relative else ())}
    return {k: v for k, v in posting.items() if k not in night_bound}


def test_first_night_fetches_every_detail(nights):
    report = nights[1]["report"]
    assert report["postings"] == POSTINGS
    assert report["requests"]["details_from_cache"] == 0


def test_second_night_sends_at_most_a_tenth_of_the_first_nights_requests(nights):
    first, second = nights[1]["report"]["requests"], nights[2]["report"]["requests"]
    assert second["sent"] <= 0.10 * first["sent"], (second, first)


def test_second_night_serves_every_detail_from_the_cache(nights):
    sources = nights[2]["report"]["sources"]
    for name, source in sources.items():
        expected = 0 if name in LIST_ONLY else source["postings"]
        assert source["details_from_cache"] == expected, name


def test_second_night_sees_every_posting_unchanged(nights):
    statuses = {p["status"] for p in nights[2]["postings"].values()}
    assert statuses == {"unchanged"}


def test_second_night_snapshot_holds_every_posting_as_the_first(nights):
    first, second = nights[1]["postings"], nights[2]["postings"]
    assert sorted(second) == sorted(first)
    assert all(_without_crawl_time(second[i]) == _without_crawl_time(first[i]) for i in first)


def test_second_night_expires_nothing(nights):
    assert nights[2]["expired"] == set()
    assert nights[2]["delta"] == []


def test_third_night_reports_the_edited_postings_as_updated(nights):
    postings = nights[3]["postings"]
    updated = {i for i, p in postings.items() if p["status"] == "updated"}
    edited = {i for i, p in postings.items() if p["title"].endswith(" (2)")}
    assert updated == edited
    assert len(updated) == nights[0]["changed"]


def test_third_night_reports_the_removed_postings_as_expired(nights):
    gone = set(nights[2]["postings"]) - set(nights[3]["postings"])
    assert nights[3]["expired"] == gone
    assert len(gone) == nights[0]["removed"]


def test_third_night_leaves_the_rest_untouched(nights):
    before, after = nights[2]["postings"], nights[3]["postings"]
    rest = [i for i, p in after.items() if p["status"] != "updated"]
    assert {after[i]["status"] for i in rest} == {"unchanged"}
    assert all(_without_crawl_time(after[i]) == _without_crawl_time(before[i]) for i in rest)


def test_third_night_fetches_only_the_edited_details(nights):
    second, third = _requests(nights[2]), _requests(nights[3])
    sources = nights[3]["report"]["sources"]
    for name in sorted(set(third) - LIST_ONLY):
        # Lists as on night 2, plus one detail per edited posting; nothing for the rest.
        assert third[name] - second[name] == sources[name]["updated"], name
        assert sources[name]["details_from_cache"] == sources[name]["unchanged"], name


def test_full_night_fetches_every_detail_again(nights):
    sources = nights[4]["report"]["sources"]
    assert nights[4]["report"]["requests"]["details_from_cache"] == 0
    for name in sorted(set(sources) - LIST_ONLY):
        assert sources[name]["requests_sent"] > sources[name]["postings"], name


def test_full_night_changes_no_posting(nights):
    statuses = {p["status"] for p in nights[4]["postings"].values()}
    assert statuses == {"unchanged"}


# --- one source, the cache's own rules -------------------------------------------------------


async def _crawl(spider: str, feeds: Path, crawl_time: str, **settings: Any) -> Crawl:
    """One night of one spider over the shipped world, its state and cache kept in ``feeds``: a
    real crawl in the test process."""
    return await crawl(
        spider, feeds=feeds, settings={"JOBSIEVE_CRAWL_TIME": crawl_time, **settings}
    )


@pytest_twisted.async_fixture(scope="module")
async def greenhouse_nights(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Crawl]:
    """A first night, then from a copy of what it left: the next night and a month later; and
    from another copy, the next night with incremental crawling off."""
    root = tmp_path_factory.mktemp("greenhouse-nights")
    first = await _crawl("greenhouse", root / "first", "2026-11-22T03:00:00Z")
    shutil.copytree(root / "first", root / "later")
    shutil.copytree(root / "first", root / "full")
    return {
        "first": first,
        "next": await _crawl("greenhouse", root / "later", "2026-11-23T03:00:00Z"),
        # Past every posting's revisit age (JOBSIEVE_REVISIT_DAYS = 30).
        "month_later": await _crawl("greenhouse", root / "later", "2026-12-23T03:00:00Z"),
        "next_full": await _crawl(
            "greenhouse", root / "full", "2026-11-23T03:00:00Z", JOBSIEVE_INCREMENTAL=False
        ),
    }


def test_plain_crawl_serves_unchanged_details_from_the_cache(greenhouse_nights):
    following = greenhouse_nights["next"]
    assert following.stats.get("httpcache/hit") == len(following.items) == 28


def test_plain_crawl_items_are_the_same_from_the_cache(greenhouse_nights):
    first, following = greenhouse_nights["first"].items, greenhouse_nights["next"].items
    assert [_without_crawl_time(i) for i in following] == [_without_crawl_time(i) for i in first]


def test_details_past_their_revisit_age_are_fetched_again(greenhouse_nights):
    stats = greenhouse_nights["month_later"].stats
    assert stats.get("jobsieve/cache/revisit") == 28
    assert stats.get("httpcache/hit") is None


def test_incremental_off_fetches_every_detail(greenhouse_nights):
    stats = greenhouse_nights["next_full"].stats
    assert stats.get("httpcache/hit") is None
    assert stats.get("httpcache/invalidate") == 28


@pytest_twisted.ensureDeferred
async def test_pages_without_a_marker_are_revalidated_with_a_conditional_get(tmp_path):
    """Career sites found through links have no lastmod: the second night asks with
    If-None-Match and the recorded site answers 304 for every unchanged page."""
    first = await _crawl("jobposting", tmp_path, "2026-11-22T03:00:00Z")
    second = await _crawl("jobposting", tmp_path, "2026-11-23T03:00:00Z")
    stats = second.stats
    assert stats.get("httpcache/revalidate", 0) > 0
    assert stats.get("httpcache/revalidate", 0) + stats.get("httpcache/hit", 0) >= len(first.items)
    assert [_without_crawl_time(i) for i in second.items] == [
        _without_crawl_time(i) for i in first.items
    ]


# --- markers and revisit ages ------------------------------------------------------------------


def test_change_marker_ignores_the_crawl_time():
    listed = {"title": "Data Engineer", "crawled_at": "2026-11-22T03:00:00Z"}
    later = {**listed, "crawled_at": "2026-11-23T03:00:00Z"}
    assert change_marker(listed) == change_marker(later)


def test_change_marker_changes_with_what_the_list_shows():
    listed = {"title": "Data Engineer", "location_raw": "Paris"}
    assert change_marker(listed) != change_marker({**listed, "title": "Data Engineer II"})


def test_change_marker_ignores_named_fields():
    listed = {"title": "Data Engineer", "date_posted_raw": "Posted 3 Days Ago"}
    later = {**listed, "date_posted_raw": "Posted 4 Days Ago"}
    assert change_marker(listed, ignore=("date_posted_raw",)) == change_marker(
        later, ignore=("date_posted_raw",)
    )


@pytest.mark.parametrize(
    ("shown", "kept"),
    [
        ("Data Engineer Mercari 2d $168,000 Hybrid", "Data Engineer Mercari $168,000 Hybrid"),
        ("Nurse · Boston · Posted 3 days ago", "Nurse · Boston ·"),
        ("Nurse · Posted Today", "Nurse ·"),
        ("Koch · Berlin · vor 2 Tagen", "Koch · Berlin ·"),
        ("Serveur · Lyon · il y a 5 jours", "Serveur · Lyon ·"),
        ("Analyst 30+ days ago", "Analyst"),
    ],
)
def test_relative_ages_leave_a_card_marker(shown, kept):
    assert without_relative_ages(shown) == kept


def test_card_marker_is_the_same_on_the_next_day():
    assert card_marker("Data Engineer Mercari 2d") == card_marker("Data Engineer Mercari 3d")


def test_card_marker_keeps_numbers_that_are_not_ages():
    assert card_marker("Engineer $120,000") != card_marker("Engineer $130,000")


def test_no_detail_is_due_before_half_its_revisit_age():
    keys = [f"key-{n}" for n in range(1000)]
    assert not any(revisit_due(k, "2026-11-01", "2026-11-15", 30) for k in keys)


def test_every_detail_is_due_at_its_full_revisit_age():
    keys = [f"key-{n}" for n in range(1000)]
    assert all(revisit_due(k, "2026-11-01", "2026-12-01", 30) for k in keys)


def test_revisits_spread_over_the_nights_between():
    keys = [f"key-{n}" for n in range(3000)]
    due_by_day = [
        sum(revisit_due(k, "2026-11-01", f"2026-11-{day:02d}", 30) for k in keys)
        for day in range(16, 31)
    ]
    # About 1/15 of the keys become due each night from day 15 to day 30, never a spike.
    steps = [b - a for a, b in zip([0, *due_by_day], due_by_day, strict=False)]
    assert max(steps) < 0.15 * len(keys)


def test_revisit_zero_trusts_the_list_for_ever():
    assert not revisit_due("key", "2020-01-01", "2026-11-22", 0)


# --- the recorded world answers conditional requests as a server would -------------------------


@pytest.fixture
def etag_world(tmp_path: Path) -> WorldMiddleware:
    world = World(tmp_path)
    world.save(
        Recording(
            "GET",
            "https://careers.example/jobs/1",
            200,
            [
                ("Content-Type", "text/html"),
                ("ETag", '"abc123"'),
                ("Last-Modified", "Sat, 21 Nov 2026 09:00:00 GMT"),
            ],
            b"<html>job</html>",
        )
    )
    crawler = get_crawler(settings_dict={"JOBSIEVE_WORLD": str(tmp_path)})
    return WorldMiddleware.from_crawler(crawler)


def _get(headers: dict[str, str]) -> Request:
    return Request("https://careers.example/jobs/1", headers=headers)


def test_world_answers_304_to_a_matching_etag(etag_world):
    assert etag_world.process_request(_get({"If-None-Match": '"abc123"'})).status == 304


def test_world_answers_304_to_a_weak_matching_etag(etag_world):
    assert etag_world.process_request(_get({"If-None-Match": 'W/"abc123"'})).status == 304


def test_world_answers_200_to_another_etag(etag_world):
    assert etag_world.process_request(_get({"If-None-Match": '"other"'})).status == 200


def test_world_answers_304_when_not_modified_since(etag_world):
    since = {"If-Modified-Since": "Sun, 22 Nov 2026 03:00:00 GMT"}
    assert etag_world.process_request(_get(since)).status == 304


def test_world_answers_200_when_modified_since(etag_world):
    since = {"If-Modified-Since": "Fri, 20 Nov 2026 03:00:00 GMT"}
    assert etag_world.process_request(_get(since)).status == 200


def test_world_answers_200_to_an_unconditional_get(etag_world):
    response = etag_world.process_request(_get({}))
    assert (response.status, response.body) == (200, b"<html>job</html>")


# --- the cache file ------------------------------------------------------------------------------


def _storage(tmp_path: Path, crawl_time: str, **settings: Any) -> tuple[Any, Any]:
    from scrapy import Spider

    from scrapers.detail_cache import SQLiteCacheStorage

    crawler = get_crawler(
        Spider,
        settings_dict={
            "JOBSIEVE_CACHE_DIR": str(tmp_path),
            "JOBSIEVE_CRAWL_TIME": crawl_time,
            "JOBSIEVE_REVISIT_DAYS": 30,
            **settings,
        },
    )
    spider = Spider.from_crawler(crawler, name="probe")
    crawler.spider = spider
    crawler.stats.open_spider()
    storage = SQLiteCacheStorage(crawler.settings)
    storage.open_spider(spider)
    return storage, spider


def _detail(marker: str = "v1") -> Request:
    return Request("https://api.example/jobs/1", meta={"jobsieve_marker": marker})


def _stored(tmp_path: Path) -> None:
    from scrapy.http import TextResponse

    storage, spider = _storage(tmp_path, "2026-11-22T03:00:00Z")
    response = TextResponse("https://api.example/jobs/1", body=b'{"id": 1}', encoding="utf-8")
    storage.store_response(spider, _detail(), response)
    storage.close_spider(spider)


def test_cache_serves_a_detail_under_the_same_marker(tmp_path):
    _stored(tmp_path)
    storage, spider = _storage(tmp_path, "2026-11-23T03:00:00Z")
    assert storage.retrieve_response(spider, _detail()).body == b'{"id": 1}'


def test_cache_refuses_a_detail_whose_marker_changed(tmp_path):
    _stored(tmp_path)
    storage, spider = _storage(tmp_path, "2026-11-23T03:00:00Z")
    assert storage.retrieve_response(spider, _detail("v2")) is None
    assert spider.crawler.stats.get_value("jobsieve/cache/changed") == 1


def test_cache_prunes_details_no_night_used_for_long(tmp_path):
    _stored(tmp_path)
    # 2 x JOBSIEVE_REVISIT_DAYS = 60 nights unused, and one more.
    storage, spider = _storage(tmp_path, "2027-01-22T03:00:00Z")
    storage.retrieve_response(spider, _detail())
    storage.close_spider(spider)
    assert spider.crawler.stats.get_value("jobsieve/cache/pruned") == 1


def test_cache_keeps_details_used_recently(tmp_path):
    _stored(tmp_path)
    storage, spider = _storage(tmp_path, "2026-12-20T03:00:00Z")
    storage.retrieve_response(spider, _detail())
    storage.close_spider(spider)
    assert spider.crawler.stats.get_value("jobsieve/cache/pruned") is None


def test_spider_that_caches_nothing_leaves_no_cache_file(tmp_path):
    storage, spider = _storage(tmp_path, "2026-11-22T03:00:00Z")
    storage.close_spider(spider)
    assert list(tmp_path.iterdir()) == []


def _garbled_world(root: Path) -> Path:
    """A Greenhouse board of two jobs whose second detail answers 200 with truncated JSON."""
    from scrapers.extractors.greenhouse import board_jobs_url, job_detail_url

    world = World(root)
    json_headers = [("Content-Type", "application/json")]
    jobs = [
        {
            "id": job_id,
            "title": f"Engineer {job_id}",
            "updated_at": "2026-11-20T10:00:00-05:00",
            "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{job_id}",
            "location": {"name": "Boston, MA"},
            "content": "&lt;p&gt;Build things with us.&lt;/p&gt;",
            "company_name": "Acme",
        }
        for job_id in (101, 102)
    ]
    world.save(
        Recording(
            "GET", board_jobs_url("acme"), 200, json_headers, json.dumps({"jobs": jobs}).encode()
        )
    )
    world.save(
        Recording(
            "GET", job_detail_url("acme", 101), 200, json_headers, json.dumps(jobs[0]).encode()
        )
    )
    world.save(Recording("GET", job_detail_url("acme", 102), 200, json_headers, b'{"id": 102, "ti'))
    return root


@pytest_twisted.ensureDeferred
async def test_an_unreadable_detail_is_fetched_again_the_next_night(tmp_path):
    world = _garbled_world(tmp_path / "world")
    feeds = tmp_path / "feeds"

    async def night(crawl_time: str) -> dict[str, Any]:
        done = await crawl(
            "greenhouse",
            feeds=feeds,
            world=world,
            settings={"JOBSIEVE_CRAWL_TIME": crawl_time},
            boards="acme",
        )
        return done.stats

    first = await night("2026-11-22T03:00:00Z")
    second = await night("2026-11-23T03:00:00Z")
    assert (first.get("jobsieve/cache/forgotten"), second.get("httpcache/hit")) == (1, 1)
    assert second.get("httpcache/miss") == 1  # the garbled one, asked for again


@pytest_twisted.ensureDeferred
async def test_a_corrupt_cache_file_means_a_full_crawl_not_a_failed_one(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "greenhouse.sqlite3").write_bytes(b"this is not a database " * 100)
    done = await _crawl("greenhouse", tmp_path, "2026-11-22T03:00:00Z")
    assert (len(done.items), done.stats.get("jobsieve/cache/unusable")) == (28, 1)
