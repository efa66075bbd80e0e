"""Ashby: extraction from the recorded boards (one assert per field), faults per board."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.ashby import BOARD, job_board_url, parse_job, parse_job_board
from scrapers.extractors.base import Extracted, SourceFormatError
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

SEED_ID = "b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3"
ANALYST_ID = "9e7fd556-3886-4146-8d3e-7246dd2ff00b"
INTERN_ID = "e1d603b2-43f6-454e-aefb-149cef9b3e91"
ROBOTICS_ID = "70e388be-8397-4818-8bb2-1d695f7d5234"
TECHNIKER_ID = "a66e3197-76c9-4e50-b256-78a46c88c633"
UNLISTED_ID = "d8a268b1-3a23-4111-8506-c3decc448eca"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def _board(board: str) -> Extracted:
    recording = World(SHIPPED_WORLD).lookup("GET", job_board_url(board))
    assert recording is not None, f"no recording of {board}"
    return parse_job_board(recording.body, board=board, crawled_at=CRAWL_TIME)


@pytest.fixture(scope="module")
def backmarket() -> dict[str, dict]:
    return {p["source_id"]: p for p in _board("backmarket").postings}


@pytest.fixture(scope="module")
def larkspur() -> Extracted:
    return _board("larkspur")


@pytest.fixture(scope="module")
def robotics(larkspur) -> dict:
    return next(p for p in larkspur.postings if p["source_id"] == ROBOTICS_ID)


@pytest.fixture(scope="module")
def seed(backmarket) -> dict:
    return backmarket[SEED_ID]


# --- extraction: the seed job (Back Market "Backend Engineer", Bordeaux) ----------------------


def test_every_job_of_the_board(backmarket):
    assert len(backmarket) == 3


def test_url(seed):
    assert seed["url"] == f"https://jobs.ashbyhq.com/backmarket/{SEED_ID}"


def test_source(seed):
    assert seed["source"] == "ashby"


def test_source_id_is_the_job_uuid(seed):
    assert seed["source_id"] == SEED_ID


def test_title(seed):
    assert seed["title"] == "Backend Engineer"


def test_company_is_not_in_the_api(seed):
    assert seed["company"] is None


def test_location_raw(seed):
    assert seed["location_raw"] == "Bordeaux"


def test_locations_from_postal_address(seed):
    assert seed["locations"] == [
        {"city": "Bordeaux", "region": "Nouvelle-Aquitaine", "country": "FR"}
    ]


def test_remote_raw_is_the_workplace_type(seed):
    assert seed["remote_raw"] == "Hybrid"


def test_remote(seed):
    assert seed["remote"] == "hybrid"


def test_employment_type_raw(seed):
    assert seed["employment_type_raw"] == "FullTime"


def test_employment_type(seed):
    assert seed["employment_type"] == "FULL_TIME"


def test_no_compensation_no_salary(seed):
    assert (seed["salary"], seed["salary_raw"]) == (None, None)


def test_date_posted_raw_is_published_at(seed):
    assert seed["date_posted_raw"] == "2026-11-02T08:00:00.000+00:00"


def test_department_and_team(seed):
    assert seed["department"] == "Bureau of Technology / Backend"


def test_description_html(seed):
    assert seed["description_html"].startswith(
        "<p>Back Market is the world’s leading refurbished electronics marketplace"
    )


def test_description_html_keeps_the_recruitment_process(seed):
    assert seed["description_html"].endswith("<li>Back Market Values fit interview</li>\n</ul>")


def test_apply_url(seed):
    assert seed["apply_url"] == f"https://jobs.ashbyhq.com/backmarket/{SEED_ID}/application"


def test_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


# --- extraction: the quirks of the other jobs -------------------------------------------------


def test_yearly_salary_from_the_salary_component(backmarket):
    assert backmarket[ANALYST_ID]["salary"] == {
        "min": 55000,
        "max": 68000,
        "currency": "EUR",
        "period": "year",
    }


def test_salary_raw_is_the_scrapeable_summary(backmarket):
    assert backmarket[ANALYST_ID]["salary_raw"] == "€55K - €68K"


def test_monthly_internship_pay(backmarket):
    assert backmarket[INTERN_ID]["salary"]["period"] == "month"


def test_intern_employment_type(backmarket):
    assert backmarket[INTERN_ID]["employment_type"] == "INTERN"


def test_on_site(backmarket):
    assert backmarket[INTERN_ID]["remote"] == "onsite"


def test_unlisted_job_is_skipped(larkspur):
    assert UNLISTED_ID not in {p["source_id"] for p in larkspur.postings}


def test_unlisted_job_skip_says_why(larkspur):
    assert larkspur.skipped == [f"job {UNLISTED_ID} is unlisted (isListed: false)"]


def test_tiers_fold_into_one_range(robotics):
    assert robotics["salary"] == {"min": 165000, "max": 225000, "currency": "USD", "period": "year"}


def test_remote_job(robotics):
    assert (robotics["remote_raw"], robotics["remote"]) == ("Remote", "remote")


def test_secondary_locations_in_location_raw(robotics):
    assert robotics["location_raw"] == "Remote - US; Pittsburgh HQ"


def test_secondary_location_structured_with_state_code(robotics):
    assert robotics["locations"] == [
        {"city": None, "region": None, "country": "US"},
        {"city": "Pittsburgh", "region": "PA", "country": "US"},
    ]


def test_part_time(larkspur):
    techniker = next(p for p in larkspur.postings if p["source_id"] == TECHNIKER_ID)
    assert techniker["employment_type"] == "PART_TIME"


def test_german_city_keeps_its_spelling(larkspur):
    techniker = next(p for p in larkspur.postings if p["source_id"] == TECHNIKER_ID)
    assert techniker["locations"] == [{"city": "München", "region": "Bayern", "country": "DE"}]


def _job(**fields) -> dict:
    return {"id": "j1", "title": "Engineer", **fields}


def _salary(summary: str, currency: str = "USD", interval: str = "1 YEAR", **bounds) -> dict:
    return {
        "compensationType": "Salary",
        "summary": summary,
        "currencyCode": currency,
        "interval": interval,
        **bounds,
    }


def test_hidden_compensation_is_not_read():
    job = _job(
        shouldDisplayCompensationOnJobPostings=False,
        compensation={"summaryComponents": [_salary("$90K", minValue=90000, maxValue=90000)]},
    )
    assert parse_job(job, board="acme", crawled_at=CRAWL_TIME)["salary"] is None


def test_tiers_in_two_currencies_are_no_single_range():
    tiers = [
        {"components": [_salary("$90K – $100K", minValue=90000, maxValue=100000)]},
        {"components": [_salary("€80K – €90K", "EUR", minValue=80000, maxValue=90000)]},
    ]
    parsed = parse_job(_job(compensation={"compensationTiers": tiers}), board="a", crawled_at="")
    assert (parsed["salary"], parsed["salary_raw"]) == (None, "$90K – $100K; €80K – €90K")


def test_equity_is_not_salary():
    equity = {"compensationType": "EquityPercentage", "interval": "NONE", "minValue": 0.1}
    parsed = parse_job(_job(compensation={"summaryComponents": [equity]}), board="a", crawled_at="")
    assert parsed["salary"] is None


def test_is_remote_without_workplace_type():
    parsed = parse_job(_job(isRemote=True), board="acme", crawled_at=CRAWL_TIME)
    assert parsed["remote"] == "remote"


def test_is_remote_false_says_nothing():
    parsed = parse_job(_job(isRemote=False), board="acme", crawled_at=CRAWL_TIME)
    assert parsed["remote"] is None


def test_workplace_type_wins_over_is_remote():
    parsed = parse_job(_job(isRemote=True, workplaceType="Hybrid"), board="a", crawled_at="")
    assert parsed["remote"] == "hybrid"


def test_job_url_built_when_missing():
    assert parse_job(_job(), board="acme", crawled_at=CRAWL_TIME)["url"] == (
        "https://jobs.ashbyhq.com/acme/j1"
    )


def test_malformed_json_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_board(b'{"jobs": [', board="acme", crawled_at=CRAWL_TIME)


def test_not_a_board_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_board(b'{"success": false}', board="acme", crawled_at=CRAWL_TIME)


@pytest.mark.parametrize("value", ["not a board", "eu:backmarket", "back/market"])
def test_not_a_board(value):
    assert not BOARD.match(value)


# --- real crawls ------------------------------------------------------------------------------


def _crawl(tmp: Path, *args: str) -> tuple[list[dict], str]:
    return crawl_offline("ashby", tmp, *FAST, *args, world=None)


@pytest.fixture(scope="module")
def world_postings() -> int:
    """Listed Ashby jobs of the world (an unlisted one is in the response, not on the board)."""
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return sum(
        r.placements.get("ashby", {}).get("listed", True)
        for r in records
        if "ashby" in r.placements
    )


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    """Every Ashby company of the shipped world, boards and names from a sources file."""
    tmp = tmp_path_factory.mktemp("ashby-all")
    sources = tmp / "sources.toml"
    sources.write_text(
        '[ashby]\nboards = ["backmarket", "larkspur", "windrose"]\n'
        'companies = { backmarket = "Back Market", larkspur = "Larkspur Robotics" }\n',
        encoding="utf-8",
    )
    return _crawl(tmp, "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}", "-s", f"JOBSIEVE_SOURCES={sources}")


def test_crawl_yields_every_listed_job_of_the_world(full_crawl, world_postings):
    assert len(full_crawl[0]) == world_postings


def test_crawl_every_line_is_valid(full_crawl):
    assert [validate_posting(line) for line in full_crawl[0]] == [[]] * len(full_crawl[0])


def test_crawl_requests_robots_and_one_page_per_board(full_crawl):
    assert log_stat(full_crawl[1], "downloader/request_count") == 4


def test_crawl_misses_no_recording(full_crawl):
    assert log_stat(full_crawl[1], "jobsieve/world/missing") is None


def test_crawl_counts_the_unlisted_job(full_crawl):
    assert log_stat(full_crawl[1], "jobsieve/source/ashby/larkspur/skipped") == 1


def test_crawl_company_from_the_sources_file(full_crawl):
    seed = next(line for line in full_crawl[0] if line["source_id"] == SEED_ID)
    assert seed["company"] == "Back Market"


def test_crawl_keeps_the_structured_salary(full_crawl):
    analyst = next(line for line in full_crawl[0] if line["source_id"] == ANALYST_ID)
    assert analyst["salary"] == {"min": 55000, "max": 68000, "currency": "EUR", "period": "year"}


def _faulty_world(root: Path) -> Path:
    """The shipped Ashby boards plus a missing board, a malformed one and an empty one."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for exchange in shipped.exchanges():
        if exchange.parent.name == "api.ashbyhq.com":
            world.save(shipped.read(exchange))
    json_type = [("Content-Type", "application/json; charset=utf-8")]
    for board, status, body in (
        ("gone", 404, b'{"success":false,"errors":["not found"]}'),
        ("broken", 200, b'{"apiVersion": "1", "jobs": [{"id": '),
        ("empty", 200, b'{"apiVersion": "1", "jobs": []}'),
    ):
        world.save(Recording("GET", job_board_url(board), status, json_type, body))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("ashby-faults")
    world = _faulty_world(tmp / "world")
    return _crawl(tmp, "-a", "boards=backmarket,gone,broken,empty", "-s", f"JOBSIEVE_WORLD={world}")


def test_missing_board_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/ashby/gone/error") == 1


def test_missing_board_is_named_in_the_log(faulty_crawl):
    assert "Board 'gone' of ashby failed: HTTP 404" in faulty_crawl[1]


def test_malformed_json_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/ashby/broken/error") == 1


def test_empty_board_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/ashby/empty/empty") == 1


def test_good_board_still_yields_its_jobs(faulty_crawl):
    assert len(faulty_crawl[0]) == 3


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl", "ashby", "-a", "boards=not a board", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}"
    )
    assert result.returncode != 0 and "'not a board' is not an Ashby job board" in result.stderr
