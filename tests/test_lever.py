"""Lever: extraction from the recorded pages (one assert per field), paging, faults per board."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.lever import (
    BOARD,
    parse_posting,
    parse_postings_page,
    postings_url,
    split_board,
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

SEED_ID = "4e661362-45c4-43d1-9df3-93c231cb78dc"
BROWNS_ID = "b347fb36-a1e7-467c-8266-b93f033e1876"
STADIUM_ID = "3aafb6cc-00f5-4333-83a4-c156f72dfee6"
LISBOA_ID = "4ab8f5ec-ad37-4377-9eab-55b4e8a8f5aa"
BACKMARKET_ID = "c683ca6f-c761-47f0-9255-d884167bb880"
LEVER_HOSTS = ("api.lever.co", "api.eu.lever.co")
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def _page(board: str, skip: int = 0) -> dict[str, dict]:
    recording = World(SHIPPED_WORLD).lookup("GET", postings_url(board, skip))
    assert recording is not None, f"no recording of {board} skip={skip}"
    extracted = parse_postings_page(recording.body, board=board, crawled_at=CRAWL_TIME)
    return {p["source_id"]: p for p in extracted.postings}


@pytest.fixture(scope="module")
def farfetch() -> dict[str, dict]:
    return _page("farfetch")


@pytest.fixture(scope="module")
def seed(farfetch) -> dict:
    return farfetch[SEED_ID]


@pytest.fixture(scope="module")
def backmarket() -> dict:
    return _page("eu:backmarket")[BACKMARKET_ID]


# --- extraction: the seed posting (Farfetch "Backend Engineer", Porto) ------------------------


def test_every_posting_of_the_page(farfetch):
    assert len(farfetch) == 4


def test_url(seed):
    assert seed["url"] == f"https://jobs.lever.co/farfetch/{SEED_ID}"


def test_source(seed):
    assert seed["source"] == "lever"


def test_source_id_is_the_posting_uuid(seed):
    assert seed["source_id"] == SEED_ID


def test_title(seed):
    assert seed["title"] == "Backend Engineer"


def test_company_is_not_in_the_api(seed):
    assert seed["company"] is None


def test_location_raw(seed):
    assert seed["location_raw"] == "Porto, Portugal"


def test_locations_from_iso_country(seed):
    assert seed["locations"] == [{"city": "Porto", "region": None, "country": "PT"}]


def test_unspecified_workplace_is_no_remote_raw(seed):
    assert seed["remote_raw"] is None


def test_unspecified_workplace_leaves_remote_to_the_pipeline(seed):
    assert seed["remote"] is None


def test_employment_type_raw_is_the_commitment(seed):
    assert seed["employment_type_raw"] == "Full-time"


def test_date_posted_raw_is_created_at_epoch_ms(seed):
    assert seed["date_posted_raw"] == "1793959920000"  # 2026-11-06T10:12:00Z


def test_department_and_same_team_once(seed):
    assert seed["department"] == "Engineering"


def test_no_salary_range_no_salary(seed):
    assert (seed["salary"], seed["salary_raw"]) == (None, None)


def test_description_starts_with_the_opening(seed):
    assert seed["description_html"].startswith("<p>As a Backend Engineer, you will join")


def test_description_lists_and_additional_in_page_order(seed):
    headings = re.findall(r"<h3>(.*?)</h3>", seed["description_html"])
    assert headings == [
        "What You'll Do",
        "Who You Are",
        "Rewards &amp; Benefits",
        "Equal Opportunities Statement",
        "Scam Disclaimer",
    ]


def test_list_items_kept_verbatim(seed):
    assert (
        "<li>Master the Stack: .NET (C#), PostgreSQL, Hangfire, Azure Service Bus, Azure, "
        "Terraform, CI/CD (Bitbucket Pipelines).</li>"
    ) in seed["description_html"]


def test_description_ends_with_the_scam_disclaimer(seed):
    assert seed["description_html"].endswith(
        "will never ask candidates for any form of payment during the recruitment process.</li>\n"
        "</ul>"
    )


def test_apply_url(seed):
    assert seed["apply_url"] == f"https://jobs.lever.co/farfetch/{SEED_ID}/apply"


def test_page_language_unknown(seed):
    assert seed.get("page_language") is None


def test_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


# --- extraction: the quirks of the other postings ---------------------------------------------


def test_brand_told_apart_by_department(farfetch):
    assert farfetch[STADIUM_ID]["department"] == "Stadium Goods - Commercial / Consignment"


def test_hourly_wage_is_structured(farfetch):
    assert farfetch[BROWNS_ID]["salary"] == {
        "min": 13.85,
        "max": 15.5,
        "currency": "GBP",
        "period": "hour",
    }


def test_hourly_wage_raw(farfetch):
    assert farfetch[BROWNS_ID]["salary_raw"] == "13.85 - 15.50 GBP per hour"


def test_yearly_salary_is_structured(farfetch):
    assert farfetch[STADIUM_ID]["salary"] == {
        "min": 70000,
        "max": 85000,
        "currency": "USD",
        "period": "year",
    }


def test_on_site_workplace(farfetch):
    assert (farfetch[BROWNS_ID]["remote_raw"], farfetch[BROWNS_ID]["remote"]) == (
        "on-site",
        "onsite",
    )


def test_hybrid_workplace(farfetch):
    assert farfetch[STADIUM_ID]["remote"] == "hybrid"


def test_remote_workplace(farfetch):
    assert farfetch[LISBOA_ID]["remote"] == "remote"


def test_all_locations_in_location_raw(farfetch):
    assert farfetch[LISBOA_ID]["location_raw"] == "Remote - Portugal; Lisbon, Portugal"


def test_all_locations_structured(farfetch):
    assert farfetch[LISBOA_ID]["locations"] == [
        {"city": None, "region": None, "country": "PT"},
        {"city": "Lisbon", "region": None, "country": "PT"},
    ]


def test_additional_follows_the_lists(farfetch):
    body = farfetch[STADIUM_ID]["description_html"]
    assert (
        body.index("Rewards &amp; Benefits")
        < body.index("$70,000 - $85,000")
        < body.index("Equal Opportunities Statement")
    )


def test_eu_instance_hosted_url(backmarket):
    assert backmarket["url"] == f"https://jobs.eu.lever.co/backmarket/{BACKMARKET_ID}"


def test_eu_instance_location_with_country(backmarket):
    assert backmarket["locations"] == [{"city": "Bordeaux", "region": None, "country": "FR"}]


def test_description_without_body_falls_back_to_description():
    posting = {"id": "x1", "text": "Engineer", "description": "<p>All of it</p>", "lists": []}
    parsed = parse_posting(posting, board="acme", crawled_at=CRAWL_TIME)
    assert parsed["description_html"] == "<p>All of it</p>"


def test_hosted_url_built_when_missing():
    parsed = parse_posting({"id": "x1", "text": "Engineer"}, board="eu:acme", crawled_at=CRAWL_TIME)
    assert parsed["url"] == "https://jobs.eu.lever.co/acme/x1"


def test_one_time_interval_has_no_period():
    posting = {
        "id": "x1",
        "text": "Engineer",
        "salaryRange": {"min": 5000, "max": 5000, "currency": "EUR", "interval": "one-time"},
    }
    parsed = parse_posting(posting, board="acme", crawled_at=CRAWL_TIME)
    assert parsed["salary"] == {"min": 5000, "max": 5000, "currency": "EUR", "period": None}


def test_company_from_the_caller():
    parsed = parse_posting(
        {"id": "x1", "text": "Engineer"}, board="acme", crawled_at=CRAWL_TIME, company="Acme"
    )
    assert parsed["company"] == "Acme"


def test_malformed_json_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_postings_page(b'[{"id": "x1",', board="acme", crawled_at=CRAWL_TIME)


def test_error_object_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_postings_page(
            b'{"ok": false, "error": "Document not found"}', board="acme", crawled_at=CRAWL_TIME
        )


def test_one_bad_posting_is_skipped_with_reason():
    body = b'[{"id": "x1", "text": ""}, {"id": "x2", "text": "Engineer"}]'
    extracted = parse_postings_page(body, board="acme", crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["x2"], 1)


# --- board syntax -----------------------------------------------------------------------------


def test_global_board():
    assert split_board("farfetch") == ("global", "farfetch")


def test_eu_board():
    assert split_board("eu:backmarket") == ("eu", "backmarket")


def test_eu_board_url():
    assert postings_url("eu:backmarket", 100) == (
        "https://api.eu.lever.co/v0/postings/backmarket?mode=json&skip=100&limit=100"
    )


@pytest.mark.parametrize("value", ["us:farfetch", "not a site", "eu:", "farfetch/jobs"])
def test_not_a_board(value):
    assert not BOARD.match(value)


# --- real crawls ------------------------------------------------------------------------------


def _crawl(tmp: Path, *args: str) -> tuple[list[dict], str]:
    return crawl_offline("lever", tmp, *FAST, *args, world=None)


@pytest.fixture(scope="module")
def world_postings() -> int:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return sum("lever" in r.placements for r in records)


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    """Every Lever company of the shipped world, boards and names from a sources file."""
    tmp = tmp_path_factory.mktemp("lever-all")
    sources = tmp / "sources.toml"
    sources.write_text(
        '[lever]\nboards = ["farfetch", "eu:backmarket", "pelicanbay"]\n'
        'companies = { farfetch = "Farfetch", "eu:backmarket" = "Back Market" }\n',
        encoding="utf-8",
    )
    return _crawl(tmp, "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}", "-s", f"JOBSIEVE_SOURCES={sources}")


def test_crawl_yields_every_posting_of_the_world(full_crawl, world_postings):
    assert len(full_crawl[0]) == world_postings


def test_crawl_every_line_is_valid(full_crawl):
    assert [validate_posting(line) for line in full_crawl[0]] == [[]] * len(full_crawl[0])


def test_crawl_requests_robots_and_each_page_once(full_crawl):
    # robots.txt of 2 hosts + farfetch + eu:backmarket + pelicanbay's 2 pages (130 postings);
    # with no recording missed (below), these are exactly the pages the world has.
    assert log_stat(full_crawl[1], "downloader/request_count") == 6


def test_crawl_misses_no_recording(full_crawl):
    assert log_stat(full_crawl[1], "jobsieve/world/missing") is None


def test_crawl_reads_both_pages_of_the_big_site(full_crawl):
    assert log_stat(full_crawl[1], "jobsieve/source/lever/pelicanbay/postings") == 130


def test_crawl_company_from_the_sources_file(full_crawl):
    seed = next(line for line in full_crawl[0] if line["source_id"] == SEED_ID)
    assert seed["company"] == "Farfetch"


def test_crawl_company_unknown_without_an_entry(full_crawl):
    assert {line["company"] for line in full_crawl[0] if "/pelicanbay/" in line["url"]} == {None}


def test_crawl_seed_date_posted(full_crawl):
    seed = next(line for line in full_crawl[0] if line["source_id"] == SEED_ID)
    assert seed["date_posted"] == "2026-11-06"


def _posting(n: int, site: str = "hundred") -> dict:
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "text": f"Warehouse Associate {n}",
        "categories": {"location": "Austin, TX", "commitment": "Full-time"},
        "country": "US",
        "workplaceType": "on-site",
        "createdAt": 1793606400000,
        "opening": "<p>Join our warehouse team in Austin.</p>",
        "descriptionBody": "<p>You will pick, pack and ship orders for our customers.</p>",
        "lists": [],
        "additional": "",
        "hostedUrl": f"https://jobs.lever.co/{site}/00000000-0000-4000-8000-{n:012d}",
    }


def _faulty_world(root: Path) -> Path:
    """The shipped Lever sites plus a missing site, a malformed one, an empty one, one of
    exactly 100 postings (its second page is empty) and one that ignores `skip`."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for exchange in shipped.exchanges():
        if exchange.parent.name in LEVER_HOSTS:
            world.save(shipped.read(exchange))
    json_type = [("Content-Type", "application/json; charset=utf-8")]
    pages = {
        ("gone", 0, 404): b'{"ok":false,"error":"Document not found"}',
        ("broken", 0, 200): b'[{"id": "a1", "text": "Engin',
        ("empty", 0, 200): b"[]",
        ("hundred", 0, 200): json.dumps([_posting(n) for n in range(100)]).encode(),
        ("hundred", 100, 200): b"[]",
        ("stuck", 0, 200): json.dumps([_posting(n, "stuck") for n in range(500, 600)]).encode(),
        ("stuck", 100, 200): json.dumps([_posting(n, "stuck") for n in range(500, 600)]).encode(),
    }
    for (board, skip, status), body in pages.items():
        world.save(Recording("GET", postings_url(board, skip), status, json_type, body))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("lever-faults")
    world = _faulty_world(tmp / "world")
    return _crawl(
        tmp,
        "-a",
        "boards=farfetch,gone,broken,empty,hundred,stuck",
        "-s",
        f"JOBSIEVE_WORLD={world}",
    )


def test_missing_site_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/lever/gone/error") == 1


def test_missing_site_is_named_in_the_log(faulty_crawl):
    assert "Board 'gone' of lever failed: HTTP 404" in faulty_crawl[1]


def test_malformed_json_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/lever/broken/error") == 1


def test_empty_site_is_counted(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/lever/empty/empty") == 1


def test_good_site_still_yields_its_postings(faulty_crawl):
    assert sum("/farfetch/" in line["url"] for line in faulty_crawl[0]) == 4


def test_full_last_page_asks_for_the_next_one(faulty_crawl):
    # robots.txt + the 6 boards' first pages + hundred's and stuck's second pages, all recorded
    assert (
        log_stat(faulty_crawl[1], "downloader/request_count"),
        log_stat(faulty_crawl[1], "jobsieve/world/missing"),
    ) == (9, None)


def test_empty_page_after_a_full_one_is_not_an_empty_site(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/lever/hundred/empty") is None


def test_site_of_exactly_one_page_yields_it_all(faulty_crawl):
    assert sum("/hundred/" in line["url"] for line in faulty_crawl[0]) == 100


def test_site_ignoring_skip_stops_with_an_error(faulty_crawl):
    assert log_stat(faulty_crawl[1], "jobsieve/source/lever/stuck/error") == 1


def test_site_ignoring_skip_yields_its_first_page_once(faulty_crawl):
    assert sum("/stuck/" in line["url"] for line in faulty_crawl[0]) == 100


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl",
        "lever",
        "-a",
        "boards=farfetch,us:farfetch",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
    )
    assert result.returncode != 0 and "'us:farfetch' is not a Lever site" in result.stderr
