"""Workable: extraction from the recorded responses (one assert per field), paging, faults per
board, and a whole offline crawl whose every line meets the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.workable import (
    Account,
    account_url,
    job_url,
    jobs_query,
    jobs_url,
    parse_account,
    parse_job,
    parse_job_detail,
    parse_jobs_page,
)
from scrapers.world import Recording, World
from tests.conftest import (
    CRAWL_TIME,
    ROOT,
    SHIPPED_WORLD,
    crawl_offline,
    log_stat,
    run_scrapy,
)
from world.builder import world_records

HOST_DIR = "apply.workable.com"
BIG = "tidewell-health"
ACCOUNTS = ("stillwater-analytics", "lumiere-logistique", BIG)
JSON = [("Content-Type", "application/json; charset=utf-8")]


def _body(method: str, url: str, request_body: bytes = b"") -> bytes:
    recording = World(SHIPPED_WORLD).lookup(method, url, request_body)
    assert recording is not None, f"{method} {url} is not in the shipped world"
    return recording.body


def _first_page_body() -> bytes:
    return json.dumps(jobs_query()).encode()


# --- extraction -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def account() -> Account:
    return parse_account(_body("GET", account_url("stillwater-analytics")))


@pytest.fixture(scope="module")
def job(account) -> dict:
    body = _body("GET", job_url("stillwater-analytics", "8F21C4A9D3"))
    [posting] = parse_job_detail(
        body, slug="stillwater-analytics", account=account, crawled_at=CRAWL_TIME
    ).postings
    return posting


@pytest.fixture(scope="module")
def remote_job(account) -> dict:
    body = _body("GET", job_url("stillwater-analytics", "B7E0935F1C"))
    [posting] = parse_job_detail(
        body, slug="stillwater-analytics", account=account, crawled_at=CRAWL_TIME
    ).postings
    return posting


@pytest.fixture(scope="module")
def french_job() -> dict:
    slug = "lumiere-logistique"
    account = parse_account(_body("GET", account_url(slug)))
    body = _body("GET", job_url(slug, "5D1A77E20B"))
    [posting] = parse_job_detail(body, slug=slug, account=account, crawled_at=CRAWL_TIME).postings
    return posting


@pytest.fixture(scope="module")
def first_page(account):
    body = _body("POST", jobs_url(BIG), _first_page_body())
    return parse_jobs_page(body, slug=BIG, account=account, crawled_at=CRAWL_TIME)


def test_url(job):
    assert job["url"] == "https://apply.workable.com/stillwater-analytics/j/8F21C4A9D3/"


def test_source(job):
    assert job["source"] == "workable"


def test_source_id_is_the_shortcode(job):
    assert job["source_id"] == "8F21C4A9D3"


def test_title(job):
    assert job["title"] == "Senior Data Engineer"


def test_company_from_the_account(job):
    assert job["company"] == "Stillwater Analytics"


def test_company_description_is_plain_text(job):
    assert job["company_description"].startswith("Stillwater Analytics turns water-network")


def test_location_raw(job):
    assert job["location_raw"] == "London, England, United Kingdom"


def test_locations_structured(job):
    assert job["locations"] == [{"city": "London", "region": "England", "country": "GB"}]


def test_remote_raw_is_the_workplace_enum(job):
    assert job["remote_raw"] == "hybrid"


def test_remote(job):
    assert job["remote"] == "hybrid"


def test_employment_type_raw_is_the_type_enum(job):
    assert job["employment_type_raw"] == "full"


def test_employment_type(job):
    assert job["employment_type"] == "FULL_TIME"


def test_no_structured_salary(job):
    assert "salary" not in job and job.get("salary_raw") is None


def test_date_posted_raw(job):
    assert job["date_posted_raw"] == "2026-11-17T09:30:00.000Z"


def test_department(job):
    assert job["department"] == "Data Platform"


def test_description_html_starts_with_the_description(job):
    assert job["description_html"].startswith("<p>Stillwater Analytics helps water utilities")


def test_description_html_parts_in_page_order(job):
    html = job["description_html"]
    assert (
        html.index("<h3>What you will do</h3>")
        < html.index("<h3>Requirements</h3>")
        < (html.index("<h3>Benefits</h3>"))
    )


def test_description_html_keeps_the_benefits(job):
    assert "£75,000 - £90,000 per year" in job["description_html"]


def test_apply_url(job):
    assert job["apply_url"] == "https://apply.workable.com/stillwater-analytics/j/8F21C4A9D3/apply/"


def test_page_language(job):
    assert job["page_language"] == "en"


def test_crawled_at(job):
    assert job["crawled_at"] == CRAWL_TIME


def test_remote_job_location_is_a_country(remote_job):
    assert remote_job["locations"] == [{"city": None, "region": None, "country": "GB"}]


def test_remote_job_remote(remote_job):
    assert remote_job["remote"] == "remote"


def test_onsite_enum_is_onsite():
    listed = {"shortcode": "X1", "title": "Picker", "workplace": "on_site"}
    posting = parse_job(listed, slug="a", account=Account("A"), crawled_at=CRAWL_TIME)
    assert (posting["remote_raw"], posting["remote"]) == ("on_site", "onsite")


def test_remote_boolean_without_workplace_is_remote():
    listed = {"shortcode": "X1", "title": "Picker", "remote": True}
    posting = parse_job(listed, slug="a", account=Account("A"), crawled_at=CRAWL_TIME)
    assert posting["remote"] == "remote"


def test_remote_false_without_workplace_is_unknown():
    listed = {"shortcode": "X1", "title": "Picker", "remote": False}
    posting = parse_job(listed, slug="a", account=Account("A"), crawled_at=CRAWL_TIME)
    assert posting["remote"] is None


def test_hidden_locations_are_left_out():
    listed = {
        "shortcode": "X1",
        "title": "Picker",
        "locations": [
            {"city": "Lyon", "country": "France", "countryCode": "FR", "hidden": False},
            {"city": "Lille", "country": "France", "countryCode": "FR", "hidden": True},
        ],
    }
    posting = parse_job(listed, slug="a", account=Account("A"), crawled_at=CRAWL_TIME)
    assert posting["location_raw"] == "Lyon, France"


def test_us_region_becomes_its_postal_code():
    place = {"city": "Austin", "region": "Texas", "country": "United States", "countryCode": "US"}
    listed = {"shortcode": "X1", "title": "Picker", "location": place}
    posting = parse_job(listed, slug="a", account=Account("A"), crawled_at=CRAWL_TIME)
    assert posting["locations"] == [{"city": "Austin", "region": "TX", "country": "US"}]


def test_french_parts_under_french_headings(french_job):
    assert "<h3>Profil recherché</h3>" in french_job["description_html"]


def test_several_departments_joined(french_job):
    assert french_job["department"] == "Tech / Entrepôt"


def test_french_page_language(french_job):
    assert french_job["page_language"] == "fr"


def test_list_page_holds_ten_jobs(first_page):
    assert len(first_page.postings) == 10


def test_list_page_has_a_next_token(first_page):
    assert first_page.next_token


def test_list_page_total(first_page):
    assert first_page.total == 24


def test_list_results_have_no_body(first_page):
    assert {p["description_html"] for p in first_page.postings} == {None}


def test_last_page_has_no_next_token(account, first_page):
    second = parse_jobs_page(
        _body("POST", jobs_url(BIG), json.dumps(jobs_query(first_page.next_token)).encode()),
        slug=BIG,
        account=account,
        crawled_at=CRAWL_TIME,
    )
    third = parse_jobs_page(
        _body("POST", jobs_url(BIG), json.dumps(jobs_query(second.next_token)).encode()),
        slug=BIG,
        account=account,
        crawled_at=CRAWL_TIME,
    )
    assert (len(third.postings), third.next_token) == (4, None)


def test_malformed_list_is_a_format_error(account):
    with pytest.raises(SourceFormatError):
        parse_jobs_page(b'{"results": [', slug="a", account=account, crawled_at=CRAWL_TIME)


def test_not_a_list_is_a_format_error(account):
    with pytest.raises(SourceFormatError):
        parse_jobs_page(b'{"error": "Not found"}', slug="a", account=account, crawled_at=CRAWL_TIME)


def test_not_an_account_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_account(b'["no", "account"]')


def test_a_job_without_shortcode_is_skipped_with_reason(account):
    body = b'{"total": 2, "results": [{"title": "A"}, {"shortcode": "B2", "title": "B"}]}'
    page = parse_jobs_page(body, slug="a", account=account, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in page.postings], len(page.skipped)) == (["B2"], 1)


# --- offline crawls ---------------------------------------------------------------------------


def _crawl(tmp: Path, boards: str, world: Path = SHIPPED_WORLD) -> tuple[list[dict], str]:
    return crawl_offline("workable", tmp, "-a", f"boards={boards}", world=world)


def _recorded(account: str) -> tuple[int, int]:
    """(list pages, job details) the shipped world holds for an account."""
    world = World(SHIPPED_WORLD)
    exchanges = [world.read(p) for p in world.exchanges() if p.parent.name == HOST_DIR]
    pages = sum(e.method == "POST" and e.url == jobs_url(account) for e in exchanges)
    details = sum(e.url.startswith(job_url(account, "")) for e in exchanges)
    return pages, details


@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    return _crawl(tmp_path_factory.mktemp("workable-big"), BIG)


def test_big_account_needs_three_pages():
    assert _recorded(BIG) == (3, 24)


def test_paging_requests_exactly_the_recorded_pages(big_crawl):
    pages, _ = _recorded(BIG)
    _, log = big_crawl
    assert log_stat(log, "downloader/request_method_count/POST") == pages


def test_paging_request_count(big_crawl):
    pages, details = _recorded(BIG)
    _, log = big_crawl
    # robots.txt + the account widget + the list pages + one detail per job
    assert log_stat(log, "downloader/request_count") == 1 + 1 + pages + details


def test_paging_asks_for_nothing_unrecorded(big_crawl):
    _, log = big_crawl
    assert log_stat(log, "jobsieve/world/missing") is None


def test_paging_yields_every_job(big_crawl):
    lines, _ = big_crawl
    assert len({line["source_id"] for line in lines}) == 24


def _faulty_world(root: Path) -> Path:
    """Workable's shipped exchanges plus a board answering garbage and an empty board; any
    other board is missing, which the world answers 404."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for path in shipped.exchanges():
        if path.parent.name == HOST_DIR:
            world.save(shipped.read(path))
    query = json.dumps(jobs_query()).encode()
    boards = {
        "broken-board": b'{"total": 3, "results": [{"id": ',
        "empty-board": b'{"total": 0, "results": []}',
    }
    # A board listing a job whose detail is gone (closed between the list and the detail).
    listed = [{"shortcode": "AAA111", "title": "Kept"}, {"shortcode": "ZZZ999", "title": "Gone"}]
    boards["half-board"] = json.dumps({"total": 2, "results": listed}).encode()
    detail = {"shortcode": "AAA111", "title": "Kept", "description": "<p>Still open.</p>"}
    world.save(
        Recording("GET", job_url("half-board", "AAA111"), 200, JSON, json.dumps(detail).encode())
    )
    for slug, body in boards.items():
        widget = {"name": slug.title(), "description": None, "jobs": []}
        world.save(Recording("GET", account_url(slug), 200, JSON, json.dumps(widget).encode()))
        world.save(Recording("POST", jobs_url(slug), 200, JSON, body, query))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("workable-faults")
    world = _faulty_world(tmp / "world")
    boards = "stillwater-analytics,gone-board,broken-board,empty-board,half-board"
    return _crawl(tmp, boards, world)


def test_good_board_still_yields_its_jobs(faulty_crawl):
    lines, _ = faulty_crawl
    assert sorted(line["source_id"] for line in lines) == ["8F21C4A9D3", "AAA111", "B7E0935F1C"]


def test_missing_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/workable/gone-board/error") == 1


def test_missing_board_is_named_in_the_log(faulty_crawl):
    _, log = faulty_crawl
    assert "Board 'gone-board' of workable failed: HTTP 404" in log


def test_malformed_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/workable/broken-board/error") == 1


def test_empty_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/workable/empty-board/empty") == 1


def test_vanished_job_is_skipped_not_a_board_error(faulty_crawl):
    _, log = faulty_crawl
    assert (
        log_stat(log, "jobsieve/source/workable/half-board/skipped"),
        log_stat(log, "jobsieve/source/workable/half-board/error"),
    ) == (1, None)


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl", "workable", "-a", "boards=Not A Slug", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}"
    )
    assert result.returncode != 0 and "is not a Workable account slug" in result.stderr


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> list[dict]:
    lines, _ = _crawl(tmp_path_factory.mktemp("workable-all"), ",".join(ACCOUNTS))
    return lines


def test_full_crawl_yields_every_posting_of_the_world(full_crawl):
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    assert len(full_crawl) == sum("workable" in r.placements for r in records)


def test_full_crawl_every_line_is_valid(full_crawl):
    assert [validate_posting(line) for line in full_crawl] == [[]] * len(full_crawl)


def test_full_crawl_covers_every_account(full_crawl):
    assert {line["url"].split("/")[3] for line in full_crawl} == set(ACCOUNTS)
