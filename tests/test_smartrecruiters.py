"""SmartRecruiters: extraction from the recorded responses (one assert per field), paging, faults
per board, and a whole offline crawl whose every line meets the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.smartrecruiters import (
    PostingsPage,
    parse_posting,
    parse_posting_detail,
    parse_postings_page,
    posting_url,
    postings_url,
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

HOST_DIR = "api.smartrecruiters.com"
BIG = "CorvidPayments"
COMPANIES = ("HalvardMaritime", "SonnenfeldEnergie", BIG)
JSON = [("Content-Type", "application/json;charset=UTF-8")]
SEED = "744000081904217"  # Halvard Maritime, Marine Software Engineer


def _body(url: str) -> bytes:
    recording = World(SHIPPED_WORLD).lookup("GET", url)
    assert recording is not None, f"GET {url} is not in the shipped world"
    return recording.body


def _detail(company: str, posting_id: str) -> dict:
    [posting] = parse_posting_detail(
        _body(posting_url(company, posting_id)), crawled_at=CRAWL_TIME
    ).postings
    return posting


# --- extraction -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def posting() -> dict:
    return _detail("HalvardMaritime", SEED)


@pytest.fixture(scope="module")
def remote_posting() -> dict:
    return _detail("SonnenfeldEnergie", "744000082377580")


@pytest.fixture(scope="module")
def german_posting() -> dict:
    return _detail("SonnenfeldEnergie", "744000080733925")


@pytest.fixture(scope="module")
def onsite_posting() -> dict:
    return _detail("HalvardMaritime", "744000079536114")


@pytest.fixture(scope="module")
def listed() -> dict:
    page = parse_postings_page(_body(postings_url("HalvardMaritime")), crawled_at=CRAWL_TIME)
    return next(p for p in page.postings if p["source_id"] == SEED)


def test_url_is_the_posting_url(posting):
    assert posting["url"] == (
        "https://jobs.smartrecruiters.com/HalvardMaritime/744000081904217-marine-software-engineer"
    )


def test_source(posting):
    assert posting["source"] == "smartrecruiters"


def test_source_id(posting):
    assert posting["source_id"] == SEED


def test_title(posting):
    assert posting["title"] == "Marine Software Engineer"


def test_company(posting):
    assert posting["company"] == "Halvard Maritime"


def test_company_description_from_its_section(posting):
    assert posting["company_description"].startswith("Halvard Maritime designs and operates")


def test_location_raw(posting):
    assert posting["location_raw"] == "Rotterdam, South Holland, Netherlands"


def test_lower_case_country_becomes_iso(posting):
    assert posting["locations"] == [
        {"city": "Rotterdam", "region": "South Holland", "country": "NL"}
    ]


def test_remote_raw_from_the_hybrid_flag(posting):
    assert posting["remote_raw"] == "Hybrid"


def test_remote(posting):
    assert posting["remote"] == "hybrid"


def test_employment_type_raw(posting):
    assert posting["employment_type_raw"] == "Full-time"


def test_seniority_raw(posting):
    assert posting["seniority_raw"] == "Mid-Senior Level"


def test_salary_raw_from_a_custom_field(posting):
    assert posting["salary_raw"] == "€60,000 - €75,000 per year"


def test_date_posted_raw(posting):
    assert posting["date_posted_raw"] == "2026-11-16T07:45:00.000Z"


def test_department(posting):
    assert posting["department"] == "Vessel Systems"


def test_description_html_sections_in_page_order(posting):
    html = posting["description_html"]
    assert (
        html.index("<h2>Job Description</h2>")
        < html.index("<h2>Qualifications</h2>")
        < (html.index("<h2>Additional Information</h2>"))
    )


def test_description_html_leaves_the_company_blurb_out(posting):
    assert "Company Description" not in posting["description_html"]


def test_apply_url(posting):
    assert posting["apply_url"] == posting["url"] + "?oga=true"


def test_page_language(posting):
    assert posting["page_language"] == "en"


def test_crawled_at(posting):
    assert posting["crawled_at"] == CRAWL_TIME


def test_remote_flag_is_remote(remote_posting):
    assert (remote_posting["remote_raw"], remote_posting["remote"]) == ("Remote", "remote")


def test_pay_range_custom_field(remote_posting):
    assert remote_posting["salary_raw"] == "$140,000 - $165,000 per year"


def test_us_location(remote_posting):
    assert remote_posting["locations"] == [{"city": "Austin", "region": "TX", "country": "US"}]


def test_workplace_custom_field_when_the_flags_are_false(german_posting):
    assert (german_posting["remote_raw"], german_posting["remote"]) == ("Hybrid", None)


def test_german_section_titles(german_posting):
    assert german_posting["description_html"].startswith("<h2>Stellenbeschreibung</h2>")


def test_german_page_language(german_posting):
    assert german_posting["page_language"] == "de"


def test_no_workplace_signal_is_unknown(onsite_posting):
    assert (onsite_posting["remote_raw"], onsite_posting["remote"]) == (None, None)


def test_no_salary_field_is_null(onsite_posting):
    assert onsite_posting["salary_raw"] is None


def test_list_entry_builds_the_hosted_url(listed, posting):
    assert listed["url"] == posting["url"]


def test_list_entry_has_no_body(listed):
    assert listed["description_html"] is None


def test_title_slug_of_an_accented_title():
    entry = {"id": "1", "name": "Développeur Backend (H/F)", "company": {"identifier": "Acme"}}
    assert parse_posting(entry, crawled_at=CRAWL_TIME)["url"] == (
        "https://jobs.smartrecruiters.com/Acme/1-developpeur-backend-h-f"
    )


def test_big_company_first_page():
    page = parse_postings_page(_body(postings_url(BIG)), crawled_at=CRAWL_TIME)
    assert (len(page.postings), page.total, page.next_offset) == (100, 112, 100)


def test_big_company_last_page():
    page = parse_postings_page(_body(postings_url(BIG, 100)), crawled_at=CRAWL_TIME)
    assert (len(page.postings), page.next_offset) == (12, None)


def test_offset_at_total_is_the_end():
    page = PostingsPage(postings=[{}], offset=100, limit=100, total=200)
    assert page.next_offset is None


def test_empty_page_is_the_end():
    assert PostingsPage(offset=0, limit=100, total=500).next_offset is None


def test_malformed_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_postings_page(b'{"content": [', crawled_at=CRAWL_TIME)


def test_not_a_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_postings_page(b'{"message": "Not found"}', crawled_at=CRAWL_TIME)


def test_a_posting_without_id_is_skipped_with_reason():
    content = [{"name": "A"}, {"id": "2", "name": "B"}]
    body = json.dumps({"offset": 0, "limit": 100, "totalFound": 2, "content": content})
    page = parse_postings_page(body, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in page.postings], len(page.skipped)) == (["2"], 1)


# --- offline crawls ---------------------------------------------------------------------------


def _crawl(tmp: Path, boards: str, world: Path = SHIPPED_WORLD) -> tuple[list[dict], str]:
    return crawl_offline("smartrecruiters", tmp, "-a", f"boards={boards}", world=world)


def _recorded(company: str) -> tuple[int, int]:
    """(list pages, posting details) the shipped world holds for a company."""
    world = World(SHIPPED_WORLD)
    urls = [world.read(p).url for p in world.exchanges() if p.parent.name == HOST_DIR]
    pages = sum(u.startswith(postings_url(company).split("?")[0] + "?") for u in urls)
    details = sum(u.startswith(posting_url(company, "")) for u in urls)
    return pages, details


@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    return _crawl(tmp_path_factory.mktemp("smartrecruiters-big"), BIG)


def test_big_company_needs_two_pages():
    assert _recorded(BIG) == (2, 112)


def test_paging_request_count(big_crawl):
    pages, details = _recorded(BIG)
    _, log = big_crawl
    # robots.txt + the list pages + one detail per posting
    assert log_stat(log, "downloader/request_count") == 1 + pages + details


def test_paging_asks_for_nothing_unrecorded(big_crawl):
    _, log = big_crawl
    assert log_stat(log, "jobsieve/world/missing") is None


def test_paging_yields_every_posting(big_crawl):
    lines, _ = big_crawl
    assert len({line["source_id"] for line in lines}) == 112


def _faulty_world(root: Path) -> Path:
    """SmartRecruiters' shipped exchanges plus a company answering garbage and an empty one; any
    other company is missing, which the world answers 404."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for path in shipped.exchanges():
        if path.parent.name == HOST_DIR:
            world.save(shipped.read(path))
    empty = {"offset": 0, "limit": 100, "totalFound": 0, "content": []}
    world.save(Recording("GET", postings_url("BrokenCo"), 200, JSON, b'{"content": [{"id": '))
    world.save(Recording("GET", postings_url("EmptyCo"), 200, JSON, json.dumps(empty).encode()))
    # A company listing a posting whose detail is gone (withdrawn between list and detail).
    listed = [{"id": "11", "name": "Kept"}, {"id": "99", "name": "Gone"}]
    half = {"offset": 0, "limit": 100, "totalFound": 2, "content": listed}
    kept = {**listed[0], "jobAd": {"sections": {"jobDescription": {"text": "<p>Open.</p>"}}}}
    world.save(Recording("GET", postings_url("HalfCo"), 200, JSON, json.dumps(half).encode()))
    world.save(Recording("GET", posting_url("HalfCo", "11"), 200, JSON, json.dumps(kept).encode()))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("smartrecruiters-faults")
    world = _faulty_world(tmp / "world")
    return _crawl(tmp, "HalvardMaritime,GoneCo,BrokenCo,EmptyCo,HalfCo", world)


def test_good_board_still_yields_its_postings(faulty_crawl):
    lines, _ = faulty_crawl
    assert sorted(line["source_id"] for line in lines) == ["11", "744000079536114", SEED]


def test_missing_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/smartrecruiters/GoneCo/error") == 1


def test_missing_board_is_named_in_the_log(faulty_crawl):
    _, log = faulty_crawl
    assert "Board 'GoneCo' of smartrecruiters failed: HTTP 404" in log


def test_malformed_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/smartrecruiters/BrokenCo/error") == 1


def test_empty_board_is_counted(faulty_crawl):
    _, log = faulty_crawl
    assert log_stat(log, "jobsieve/source/smartrecruiters/EmptyCo/empty") == 1


def test_vanished_posting_is_skipped_not_a_board_error(faulty_crawl):
    _, log = faulty_crawl
    assert (
        log_stat(log, "jobsieve/source/smartrecruiters/HalfCo/skipped"),
        log_stat(log, "jobsieve/source/smartrecruiters/HalfCo/error"),
    ) == (1, None)


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl",
        "smartrecruiters",
        "-a",
        "boards=Acme Corp",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
    )
    assert result.returncode != 0 and "is not a SmartRecruiters company identifier" in (
        result.stderr
    )


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> list[dict]:
    lines, _ = _crawl(tmp_path_factory.mktemp("smartrecruiters-all"), ",".join(COMPANIES))
    return lines


def test_full_crawl_yields_every_posting_of_the_world(full_crawl):
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    assert len(full_crawl) == sum("smartrecruiters" in r.placements for r in records)


def test_full_crawl_every_line_is_valid(full_crawl):
    assert [validate_posting(line) for line in full_crawl] == [[]] * len(full_crawl)


def test_full_crawl_covers_every_company(full_crawl):
    assert {line["url"].split("/")[3] for line in full_crawl} == set(COMPANIES)
