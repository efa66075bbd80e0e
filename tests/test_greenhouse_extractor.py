"""Greenhouse extraction rules on small inputs. The recorded Mercari board and its seed job are
golden cases (``tests/fixtures/golden/greenhouse/``: the board with and without the per-job pay
requests, and the seed job's detail), every field of every item."""

from __future__ import annotations

import pytest

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.greenhouse import (
    board_jobs_url,
    job_detail_url,
    parse_board_jobs,
    parse_job_detail,
    pay_fields,
)
from tests.support.inprocess import CRAWL_TIME, recording


def test_the_detail_keeps_every_field_the_list_gave():
    listed = parse_board_jobs(recording(board_jobs_url("mercari")).body, crawled_at=CRAWL_TIME)
    seed = next(p for p in listed.postings if p["source_id"] == "8519643002")
    detail = parse_job_detail(
        recording(job_detail_url("mercari", 8519643002)).body, crawled_at=CRAWL_TIME
    )
    assert {k: detail[k] for k in seed} == seed


@pytest.mark.parametrize(
    "body", [b'{"jobs": [', b'{"error": "Not found"}'], ids=["malformed-json", "not-a-board"]
)
def test_what_is_not_a_board_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        parse_board_jobs(body, crawled_at=CRAWL_TIME)


def test_one_bad_job_is_skipped_with_reason():
    body = b'{"jobs": [{"id": 1, "title": ""}, {"id": 2, "title": "Engineer"}], "meta": {}}'
    extracted = parse_board_jobs(body, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["2"], 1)


@pytest.mark.parametrize(
    ("ranges", "fields"),
    [
        (
            [{"min_cents": 3850, "max_cents": 4600, "currency_type": "USD", "title": "Hourly"}],
            {
                "salary_raw": "Hourly: 38.5 - 46 USD",
                "salary": {"min": 38.5, "max": 46, "currency": "USD", "period": "hour"},
            },
        ),
        (  # a range whose title names no interval has no period
            [{"min_cents": 100000, "max_cents": 200000, "currency_type": "EUR", "title": "Range"}],
            {
                "salary_raw": "Range: 1,000 - 2,000 EUR",
                "salary": {"min": 1000, "max": 2000, "currency": "EUR", "period": None},
            },
        ),
        ([], {}),
    ],
    ids=["hourly", "no-interval", "none"],
)
def test_pay_ranges_in_cents(ranges, fields):
    assert pay_fields(ranges) == fields
