"""A detail that fails never loses a posting its list shows: SmartRecruiters and Workable keep
the list entry (counted under ``…/<board>/detail_error``), and Workable reads the account
widget's own job list when its v3 list cannot be read. Fixtures are written here."""

from __future__ import annotations

import json
from typing import Any

from scrapy.http import Request, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.extractors import smartrecruiters, workable
from scrapers.extractors.workable import parse_account, widget_jobs
from scrapers.items import JobPosting
from tests.support.inprocess import jobsieve_stats, run_callback, spider_for

_COMPANY = {"identifier": "Fernhill", "name": "Fernhill Bakeries"}
_LISTED = {
    "id": "4000001",
    "name": "Night Baker",
    "company": _COMPANY,
    "location": {"city": "Leeds", "country": "gb"},
    "releasedDate": "2026-11-20T09:00:00.000Z",
}


def _response(url: str, body: object, *, status: int = 200, **cb_kwargs: object) -> TextResponse:
    request = Request(url, cb_kwargs=cb_kwargs, dont_filter=True)
    return TextResponse(
        url, status=status, body=json.dumps(body).encode(), encoding="utf-8", request=request
    )


def _failure(request: Request, status: int = 404) -> Failure:
    response = TextResponse(request.url, status=status, body=b"", request=request)
    try:
        raise HttpError(response, "Ignoring non-200 response")
    except HttpError:
        failure = Failure()
    failure.request = request  # as Scrapy's errback hands it
    return failure


# --- SmartRecruiters --------------------------------------------------------------------------


def _smartrecruiters_detail_request() -> tuple[Any, Request]:
    spider = spider_for("smartrecruiters", boards="Fernhill")
    page = {"offset": 0, "limit": 100, "totalFound": 1, "content": [_LISTED]}
    out = run_callback(
        spider,
        "parse_page",
        _response(smartrecruiters.postings_url("Fernhill"), page),
        board="Fernhill",
        offset=0,
    )
    [request] = out.requests
    return spider, request


def test_a_smartrecruiters_detail_request_carries_the_list_entry():
    _, request = _smartrecruiters_detail_request()
    listed = request.cb_kwargs["listed"]
    assert (listed["source_id"], listed["title"], listed["date_posted_raw"]) == (
        "4000001",
        "Night Baker",
        "2026-11-20T09:00:00.000Z",
    )


def test_a_failed_smartrecruiters_detail_exports_the_list_entry_and_counts_it():
    spider, request = _smartrecruiters_detail_request()
    item = spider.detail_failed(_failure(request, status=500))
    assert isinstance(item, JobPosting)
    assert (item.source_id, item.title, item.company, item.description_html) == (
        "4000001",
        "Night Baker",
        "Fernhill Bakeries",
        None,
    )
    assert jobsieve_stats(spider)["jobsieve/source/smartrecruiters/Fernhill/detail_error"] == 1


def test_a_smartrecruiters_detail_holding_no_posting_exports_the_list_entry():
    spider, request = _smartrecruiters_detail_request()
    out = run_callback(
        spider,
        "parse_posting",
        _response(request.url, {"message": "not a posting"}),
        **request.cb_kwargs,
    )
    assert [(i.source_id, i.title) for i in out.items] == [("4000001", "Night Baker")]
    assert jobsieve_stats(spider)["jobsieve/source/smartrecruiters/Fernhill/detail_error"] == 1


# --- Workable ---------------------------------------------------------------------------------

_WIDGET = {
    "name": "Fernhill Bakeries",
    "jobs": [
        # One job in two countries is listed twice, once per country.
        {
            "title": "Pastry Lead",
            "shortcode": "F00D0001",
            "telecommuting": False,
            "department": "Kitchen",
            "published_on": "2026-11-18",
            "locations": [{"country": "Ireland", "countryCode": "IE", "city": "Cork"}],
        },
        {
            "title": "Pastry Lead",
            "shortcode": "F00D0001",
            "telecommuting": False,
            "department": "Kitchen",
            "published_on": "2026-11-18",
            "locations": [{"country": "Portugal", "countryCode": "PT", "city": "Porto"}],
        },
        {
            "title": "Remote Recipe Writer",
            "shortcode": "F00D0002",
            "telecommuting": True,
            "published_on": "2026-11-19",
            "locations": [{"country": "Spain", "countryCode": "ES", "city": ""}],
        },
    ],
}


def test_the_widget_lists_each_job_once_with_every_country():
    jobs = widget_jobs(_WIDGET["jobs"])
    assert [(j["shortcode"], [p["countryCode"] for p in j["locations"]]) for j in jobs] == [
        ("F00D0001", ["IE", "PT"]),
        ("F00D0002", ["ES"]),
    ]
    assert [(j["remote"], j["published"]) for j in jobs] == [
        (False, "2026-11-18"),
        (True, "2026-11-19"),
    ]


def _workable_list_request():
    spider = spider_for("workable", boards="fernhill")
    account = parse_account(json.dumps(_WIDGET))
    return spider, spider.page_request("fernhill", account, token=None)


def test_a_failed_workable_list_reads_the_widget_jobs_instead():
    spider, request = _workable_list_request()
    requests = list(spider.page_failed(_failure(request)))
    assert [r.url for r in requests] == [
        workable.job_url("fernhill", "F00D0001"),
        workable.job_url("fernhill", "F00D0002"),
    ]
    listed = [r.cb_kwargs["listed"] for r in requests]
    assert [(p["title"], p["company"], p["remote"]) for p in listed] == [
        ("Pastry Lead", "Fernhill Bakeries", None),
        ("Remote Recipe Writer", "Fernhill Bakeries", "remote"),
    ]
    assert [loc["country"] for loc in listed[0]["locations"]] == ["IE", "PT"]
    stats = jobsieve_stats(spider)
    assert stats["jobsieve/source/workable/fernhill/list_fallback"] == 1
    assert "jobsieve/source/workable/fernhill/error" not in stats


def test_a_failed_workable_detail_exports_what_the_widget_listed():
    spider, request = _workable_list_request()
    detail = next(iter(spider.page_failed(_failure(request))))
    item = spider.detail_failed(_failure(detail, status=503))
    assert (item.source_id, item.title, item.date_posted_raw) == (
        "F00D0001",
        "Pastry Lead",
        "2026-11-18",
    )


def test_a_failed_later_workable_page_still_fails_the_board():
    spider, first = _workable_list_request()
    later = spider.page_request("fernhill", first.cb_kwargs["account"], token="next")
    assert list(spider.page_failed(_failure(later))) == []
    assert jobsieve_stats(spider)["jobsieve/source/workable/fernhill/error"] == 1


def test_an_account_widget_without_jobs_fails_the_board_as_before():
    spider = spider_for("workable", boards="fernhill")
    account = parse_account(json.dumps({"name": "Fernhill Bakeries", "jobs": []}))
    request = spider.page_request("fernhill", account, token=None)
    assert list(spider.page_failed(_failure(request))) == []
    assert jobsieve_stats(spider)["jobsieve/source/workable/fernhill/error"] == 1


def test_a_smartrecruiters_detail_requested_alone_is_read_without_a_list_entry():
    # A detail reached without its list (a lone posting URL) has no list entry to fall back on.
    spider = spider_for("smartrecruiters", boards="Fernhill")
    detail = {**_LISTED, "jobAd": {"sections": {"jobDescription": {"text": "<p>Bake.</p>"}}}}
    url = smartrecruiters.posting_url("Fernhill", "4000001")
    out = run_callback(spider, "parse_posting", _response(url, detail), board="Fernhill")
    assert [i.source_id for i in out.items] == ["4000001"]
