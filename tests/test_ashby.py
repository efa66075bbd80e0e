"""Ashby: the extractor's rules on small inputs, board syntax, and the shared nights. The recorded
Back Market and Larkspur boards are golden cases (``tests/fixtures/golden/ashby/``), every field
of every job; the board-fault contract (``tests/test_board_faults.py``) covers Ashby's failing
boards."""

from __future__ import annotations

import pytest

from scrapers.extractors.ashby import BOARD, job_board_url, locations, parse_job, parse_job_board
from scrapers.extractors.base import SourceFormatError
from tests.support.inprocess import CRAWL_TIME, recording, spider_class
from tests.support.nights import shipped_records

SEED_ID = "b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3"
ANALYST_ID = "9e7fd556-3886-4146-8d3e-7246dd2ff00b"
UNLISTED_ID = "d8a268b1-3a23-4111-8506-c3decc448eca"

# --- extraction rules -------------------------------------------------------------------------


def test_an_unlisted_job_is_skipped_saying_why():
    body = recording(job_board_url("larkspur")).body
    larkspur = parse_job_board(body, board="larkspur", crawled_at=CRAWL_TIME)
    assert larkspur.skipped == [f"job {UNLISTED_ID} is unlisted (isListed: false)"]


def _parsed(**fields) -> dict:
    return parse_job({"id": "j1", "title": "Engineer", **fields}, board="acme", crawled_at="")


def _salary(summary: str, currency: str = "USD", interval: str = "1 YEAR", **bounds) -> dict:
    return {
        "compensationType": "Salary",
        "summary": summary,
        "currencyCode": currency,
        "interval": interval,
        **bounds,
    }


@pytest.mark.parametrize(
    ("job", "salary", "salary_raw"),
    [
        (
            {
                "shouldDisplayCompensationOnJobPostings": False,
                "compensation": {
                    "summaryComponents": [_salary("$90K", minValue=90000, maxValue=90000)]
                },
            },
            None,
            None,
        ),
        (
            {
                "compensation": {
                    "compensationTiers": [
                        {"components": [_salary("$90K – $100K", minValue=90000, maxValue=100000)]},
                        {
                            "components": [
                                _salary("€80K – €90K", "EUR", minValue=80000, maxValue=90000)
                            ]
                        },
                    ]
                }
            },
            None,
            "$90K – $100K; €80K – €90K",
        ),
        (
            {
                "compensation": {
                    "summaryComponents": [
                        {
                            "compensationType": "EquityPercentage",
                            "interval": "NONE",
                            "minValue": 0.1,
                        }
                    ]
                }
            },
            None,
            None,
        ),
    ],
    ids=["hidden-compensation-is-not-read", "tiers-in-two-currencies-are-no-range", "equity"],
)
def test_salary_rule(job, salary, salary_raw):
    parsed = _parsed(**job)
    assert (parsed["salary"], parsed["salary_raw"]) == (salary, salary_raw)


@pytest.mark.parametrize(
    ("job", "remote"),
    [
        ({"isRemote": True}, "remote"),
        ({"isRemote": False}, None),
        ({"isRemote": True, "workplaceType": "Hybrid"}, "hybrid"),
    ],
    ids=["is-remote-without-workplace-type", "is-remote-false-says-nothing", "workplace-type-wins"],
)
def test_remote_rule(job, remote):
    assert _parsed(**job)["remote"] == remote


def test_job_url_built_when_missing():
    assert _parsed()["url"] == "https://jobs.ashbyhq.com/acme/j1"


def test_company_is_not_in_the_api():
    assert _parsed()["company"] is None


@pytest.mark.parametrize(
    "body", [b'{"jobs": [', b'{"success": false}'], ids=["malformed-json", "not-a-board"]
)
def test_what_is_not_a_board_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        parse_job_board(body, board="acme", crawled_at=CRAWL_TIME)


# --- board syntax -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["not a board", "eu:backmarket", "back/market"])
def test_not_a_board(value):
    assert not BOARD.match(value)


def test_a_bad_board_argument_is_named_at_start():
    with pytest.raises(ValueError, match="'not a board' is not an Ashby job board"):
        spider_class("ashby")(boards="not a board")


# --- the shipped night ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def night_postings(shipped_night) -> dict[str, dict]:
    return {line["source_id"]: line for line in shipped_night.postings("ashby")}


def test_the_night_yields_every_listed_ashby_job_of_the_world(night_postings):
    """An unlisted job is in the board's response, not on the board."""
    listed = sum(r.placements["ashby"].get("listed", True) for r in shipped_records("ashby"))
    assert len(night_postings) == listed


def test_the_night_requests_robots_and_one_page_per_board(shipped_night):
    ashby = shipped_night.report["sources"]["ashby"]
    assert (ashby["requests_sent"], ashby["missing_recordings"]) == (4, 0)


def test_the_night_counts_the_unlisted_job(shipped_night):
    assert shipped_night.boards("ashby")["larkspur"] == {"postings": 2, "entries_skipped": 1}


def test_the_night_keeps_company_and_salary_through_the_pipelines(night_postings):
    assert (night_postings[SEED_ID]["company"], night_postings[ANALYST_ID]["salary"]) == (
        "Back Market",
        {"min": 55000, "max": 68000, "currency": "EUR", "period": "year"},
    )


def test_the_structured_address_names_the_country_a_region_text_does_not():
    # "LatAm" is a region, not a place; the address names the country, one postings rarely
    # write (not in the project's table of usual names: any ISO 3166 name counts here).
    job = {"location": "LatAm", "address": {"postalAddress": {"addressCountry": "Panama"}}}
    assert locations(job) == [{"city": None, "region": None, "country": "PA"}]
    job["address"] = {"postalAddress": {"addressCountry": "Bolivia, Plurinational State of"}}
    assert locations(job) == [{"city": None, "region": None, "country": "BO"}]
