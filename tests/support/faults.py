"""Boards that fail, for every source with boards: the world they need and where they are.

The board-fault contract (``tests/test_board_faults.py``) asks the same of every source: a board
the source does not know (HTTP 404), a board answering something that is not the source's format
and a board listing no job are each counted and named, and the source's good boards still yield
every posting. Each source says here, once, how such boards look on it (``Faults``); the shared
fault night (``tests/support/nights.py``) crawls all of them in one ``scrapy crawlall``.

A source's own oddities (paging that repeats, a detail that vanished, a bot wall) are extra
boards of its ``Faults``, checked in its own test module against the same night.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from scrapers.extractors import (
    ashby,
    greenhouse,
    lever,
    nodegree,
    personio,
    recruitee,
    smartrecruiters,
    welcometothejungle,
    workable,
    workday,
)
from scrapers.world import Recording
from tests.support.inprocess import recording

JSON = [("Content-Type", "application/json; charset=utf-8")]
XML = [("Content-Type", "application/xml; charset=utf-8")]
HTML = [("Content-Type", "text/html; charset=utf-8")]
TEXT = [("Content-Type", "text/plain")]
ALLOW_ALL = b"User-agent: *\nAllow: /\n"


@dataclass(frozen=True)
class Faults:
    """How the contract's boards look on one source. ``gone``/``broken``/``empty`` name boards
    (None where the source has no such case: an unknown Welcome to the Jungle organisation is
    just an empty search); ``recordings`` makes their answers (a board with no recording at all
    is answered 404 by the world, as a source answers an unknown board); ``extra`` are further
    boards the source's own tests check on the same night."""

    gone: str | None
    broken: str | None
    empty: str | None
    recordings: Callable[[], list[Recording]]
    extra: tuple[str, ...] = ()
    # Options of the source's table in the sources file beside its boards.
    options: dict[str, object] = field(default_factory=dict)

    @property
    def boards(self) -> tuple[str, ...]:
        return tuple(b for b in (self.gone, self.broken, self.empty, *self.extra) if b)


def _get(url: str, body: bytes, status: int = 200, headers=JSON) -> Recording:
    return Recording("GET", url, status, headers, body)


def _robots(origin: str) -> Recording:
    return _get(f"{origin}/robots.txt", ALLOW_ALL, headers=TEXT)


def _greenhouse() -> list[Recording]:
    url = greenhouse.board_jobs_url
    return [
        _get(url("missing"), b'{"status": 404, "error": "Job not found"}', status=404),
        _get(url("broken"), b'{"jobs": [{"id": 1,'),
        _get(url("empty"), b'{"jobs": [], "meta": {"total": 0}}'),
    ]


def _lever() -> list[Recording]:
    url = lever.postings_url
    return [
        _get(url("gone", 0), b'{"ok":false,"error":"Document not found"}', status=404),
        _get(url("broken", 0), b'[{"id": "a1", "text": "Engin'),
        _get(url("empty", 0), b"[]"),
    ]


def _ashby() -> list[Recording]:
    url = ashby.job_board_url
    return [
        _get(url("gone"), b'{"success":false,"errors":["not found"]}', status=404),
        _get(url("broken"), b'{"apiVersion": "1", "jobs": [{"id": '),
        _get(url("empty"), b'{"apiVersion": "1", "jobs": []}'),
    ]


def _workable() -> list[Recording]:
    query = json.dumps(workable.jobs_query()).encode()
    made = [
        _get(workable.account_url("gone-board"), b'{"error": "Not found"}', status=404),
        _get(workable.account_url("broken-board"), b'{"name": "Broken", "jobs": ['),
    ]
    widget = {"name": "Empty Board", "description": None, "jobs": []}
    made.append(_get(workable.account_url("empty-board"), json.dumps(widget).encode()))
    empty = b'{"total": 0, "results": []}'
    made.append(Recording("POST", workable.jobs_url("empty-board"), 200, JSON, empty, query))
    return made


def _smartrecruiters() -> list[Recording]:
    url = smartrecruiters.postings_url
    empty = {"offset": 0, "limit": 100, "totalFound": 0, "content": []}
    return [
        _get(url("GoneCo"), b'{"message": "Company not found"}', status=404),
        _get(url("BrokenCo"), b'{"content": [{"id": '),
        _get(url("EmptyCo"), json.dumps(empty).encode()),
    ]


def _recruitee() -> list[Recording]:
    url = recruitee.offers_url
    made = [_robots(f"https://{c}.recruitee.com") for c in ("missing", "broken", "empty")]
    made += [
        _get(url("missing"), b'{"error":"Not found"}', status=404),
        _get(url("broken"), b'{"offers": [{"id": 1,'),
        _get(url("empty"), b'{"offers": []}'),
    ]
    return made


def _personio() -> list[Recording]:
    feed = personio.Feed
    made = [_robots(feed(c).host) for c in ("missing", "broken", "empty")]
    broken = b'<?xml version="1.0"?><workzag-jobs><position><id>1</id><name>A</name>'
    empty = b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs/>\n'
    made += [
        _get(feed("missing").url, b"<h1>Not found</h1>", status=404, headers=HTML),
        _get(feed("broken").url, broken, headers=XML),
        _get(feed("empty").url, empty, headers=XML),
    ]
    return made


def _workday() -> list[Recording]:
    made = [_robots("https://acme.wd1.myworkdayjobs.com")]
    answers = {
        "gone": (404, b'{"errorCode": "HTTP_404"}'),
        "garbled": (200, b'{"total": 3, "jobPostings": [{"title": '),
        "quiet": (200, b'{"total": 0, "jobPostings": [], "facets": []}'),
    }
    for site, (status, body) in answers.items():
        url = workday.search_url(workday.Board("acme", "wd1", site))
        made.append(Recording("POST", url, status, JSON, body, workday.search_body(0)))
    return made


def _nodegree() -> list[Recording]:
    url = nodegree.organization_jobs_url
    page = b"<html><body><main>%s</main></body></html>"
    listing = b'<ul data-testid="job-list"></ul>'
    return [
        _get(url("gone"), page % b"Not found", status=404, headers=HTML),
        _get(url("broken"), page % b"Oops", headers=HTML),
        _get(url("empty"), page % listing, headers=HTML),
    ]


def _welcometothejungle() -> list[Recording]:
    env_page = recording(welcometothejungle.env_page_url("fr"))
    env = welcometothejungle.parse_env(env_page.body)
    made = []
    for board, body in (
        ("broken-org", b'{"hits": [{"reference": '),
        ("empty-org", b'{"hits": [], "nbHits": 0, "page": 0, "nbPages": 0, "hitsPerPage": 100}'),
    ):
        search = welcometothejungle.Search(board, (), "", welcometothejungle.MAX_HITS_PER_PAGE)
        query = json.dumps(search.body(0)).encode()
        made.append(Recording("POST", env.query_url("fr"), 200, JSON, body, query))
    return made


FAULTS: dict[str, Faults] = {
    "greenhouse": Faults("missing", "broken", "empty", _greenhouse),
    "lever": Faults("gone", "broken", "empty", _lever),
    "ashby": Faults("gone", "broken", "empty", _ashby),
    "workable": Faults("gone-board", "broken-board", "empty-board", _workable),
    "smartrecruiters": Faults("GoneCo", "BrokenCo", "EmptyCo", _smartrecruiters),
    "recruitee": Faults("missing", "broken", "empty", _recruitee),
    "personio": Faults("missing", "broken", "empty", _personio),
    "workday": Faults("acme/wd1/gone", "acme/wd1/garbled", "acme/wd1/quiet", _workday),
    "nodegree": Faults("gone", "broken", "empty", _nodegree),
    "welcometothejungle": Faults(None, "broken-org", "empty-org", _welcometothejungle),
}
