"""Greenhouse extraction from the recorded board response: one assert per field."""

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
from scrapers.world import World
from tests.conftest import CRAWL_TIME, SHIPPED_WORLD


@pytest.fixture(scope="module")
def postings():
    recording = World(SHIPPED_WORLD).lookup("GET", board_jobs_url("mercari"))
    assert recording is not None
    return {
        p["source_id"]: p for p in parse_board_jobs(recording.body, crawled_at=CRAWL_TIME).postings
    }


@pytest.fixture(scope="module")
def seed(postings):
    return postings["8519643002"]


def test_every_job_of_the_board(postings):
    assert len(postings) == 7


def test_url(seed):
    assert seed["url"] == "https://job-boards.greenhouse.io/mercari/jobs/8519643002"


def test_source(seed):
    assert seed["source"] == "greenhouse"


def test_title(seed):
    assert seed["title"] == "Sr. Software Engineer, Backend"


def test_title_trailing_space_trimmed(postings):
    assert postings["8498832002"]["title"] == "Software Engineer, Data"


def test_company(seed):
    assert seed["company"] == "Mercari"


def test_location_raw(seed):
    assert seed["location_raw"] == "Hybrid-Palo Alto, CA"


def test_date_posted_raw_is_first_published(seed):
    assert seed["date_posted_raw"] == "2026-11-18T16:05:11-08:00"


def test_department_empty_list_is_null(seed):
    assert seed["department"] is None


def test_department(postings):
    assert postings["8498832002"]["department"] == "Engineering"


def test_employment_type_from_metadata(postings):
    assert postings["8530214002"]["employment_type_raw"] == "Full-time"


def test_description_html_unescaped_once(seed):
    assert seed["description_html"].startswith("<h2><strong>About The Position</strong></h2>")


def test_description_html_keeps_entities_of_the_html(seed):
    assert "&lt;" not in seed["description_html"]


def test_apply_url(seed):
    assert seed["apply_url"] == seed["url"]


def test_page_language(seed):
    assert seed["page_language"] == "en"


def test_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


def test_malformed_json_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_board_jobs(b'{"jobs": [', crawled_at=CRAWL_TIME)


def test_not_a_board_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_board_jobs(b'{"error": "Not found"}', crawled_at=CRAWL_TIME)


def test_one_bad_job_is_skipped_with_reason():
    body = b'{"jobs": [{"id": 1, "title": ""}, {"id": 2, "title": "Engineer"}], "meta": {}}'
    extracted = parse_board_jobs(body, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["2"], 1)


@pytest.fixture(scope="module")
def seed_detail():
    recording = World(SHIPPED_WORLD).lookup("GET", job_detail_url("mercari", 8519643002))
    assert recording is not None
    return parse_job_detail(recording.body, crawled_at=CRAWL_TIME)


def test_detail_salary_from_pay_range_in_cents(seed_detail):
    assert seed_detail["salary"] == {
        "min": 168000,
        "max": 252000,
        "currency": "USD",
        "period": "year",
    }


def test_detail_salary_raw(seed_detail):
    assert seed_detail["salary_raw"] == "Annual Base Salary: 168,000 - 252,000 USD"


def test_detail_keeps_the_listed_fields(seed_detail, seed):
    assert {k: seed_detail[k] for k in seed} == seed


def test_hourly_pay_range():
    ranges = [{"min_cents": 3850, "max_cents": 4600, "currency_type": "USD", "title": "Hourly"}]
    assert pay_fields(ranges)["salary"] == {
        "min": 38.5,
        "max": 46,
        "currency": "USD",
        "period": "hour",
    }


def test_pay_range_without_interval_has_no_period():
    ranges = [{"min_cents": 100000, "max_cents": 200000, "currency_type": "EUR", "title": "Range"}]
    assert pay_fields(ranges)["salary"]["period"] is None


def test_no_pay_range_no_salary():
    assert pay_fields([]) == {}
