"""Recruitee: extraction from the recorded world (one assert per field), real offline crawls of
every company, the single-request big board, and faults per board."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.recruitee import offers_url, parse_offers
from scrapers.world import Recording, World
from tests.conftest import CRAWL_TIME, SHIPPED_WORLD, crawl_offline, log_stats, run_scrapy

BOARDS = ("tulpdata", "sierraverde", "atelierlumen")
BIG = "atelierlumen"
JSON_TYPE = [("Content-Type", "application/json; charset=utf-8")]


def _recorded(board: str) -> bytes:
    recording = World(SHIPPED_WORLD).lookup("GET", offers_url(board))
    assert recording is not None, board
    return recording.body


def _parse(body: bytes, board: str = "acme") -> list[dict]:
    return parse_offers(body, company=board, crawled_at=CRAWL_TIME).postings


def _offer(**fields) -> bytes:
    return json.dumps({"offers": [{"id": 1, "title": "Engineer", "slug": "engineer", **fields}]})


def _crawl(tmp: Path, boards: str, world: Path = SHIPPED_WORLD) -> tuple[list[dict], dict]:
    lines, log = crawl_offline("recruitee", tmp, "-a", f"boards={boards}", world=world)
    return lines, log_stats(log)


# --- extraction from the recorded world ---------------------------------------------------


@pytest.fixture(scope="module")
def postings() -> dict[str, dict]:
    found = [p for board in ("tulpdata", "sierraverde") for p in _parse(_recorded(board), board)]
    return {p["source_id"]: p for p in found}


@pytest.fixture(scope="module")
def medior(postings) -> dict:
    """Dutch, hybrid, structured monthly pay, on the company's own careers domain."""
    return postings["2841137"]


@pytest.fixture(scope="module")
def backend(postings) -> dict:
    """Spanish, pay in the older flat fields."""
    return postings["2850291"]


def test_every_offer_of_the_hand_written_boards(postings):
    assert sorted(postings) == ["2836402", "2841137", "2847710", "2850291"]


def test_url_is_the_careers_url_on_the_company_domain(medior):
    assert medior["url"] == "https://werkenbij.tulpdata.nl/o/medior-data-engineer"


def test_url_on_the_recruitee_host(backend):
    assert backend["url"] == (
        "https://sierraverde.recruitee.com/o/ingenieroa-de-software-backend-python"
    )


def test_source(medior):
    assert medior["source"] == "recruitee"


def test_source_id(medior):
    assert medior["source_id"] == "2841137"


def test_title(medior):
    assert medior["title"] == "Medior Data Engineer"


def test_company(medior):
    assert medior["company"] == "Tulp Data B.V."


def test_location_raw(medior):
    assert medior["location_raw"] == "Utrecht, Utrecht, Netherlands"


def test_locations_from_the_address_fields(medior):
    assert medior["locations"] == [{"city": "Utrecht", "region": "Utrecht", "country": "NL"}]


def test_remote_raw(medior):
    assert medior["remote_raw"] == "Hybrid"


def test_remote_from_the_hybrid_flag(medior):
    assert medior["remote"] == "hybrid"


def test_remote_flag(postings):
    assert (postings["2836402"]["remote"], postings["2836402"]["remote_raw"]) == (
        "remote",
        "Remote",
    )


def test_on_site_flag(postings):
    assert postings["2847710"]["remote"] == "onsite"


def test_employment_type_raw_is_the_code(medior):
    assert medior["employment_type_raw"] == "fulltime_permanent"


def test_employment_type(medior):
    assert medior["employment_type"] == "FULL_TIME"


def test_fixed_term_is_temporary(postings):
    assert postings["2847710"]["employment_type"] == "TEMPORARY"


def test_part_time(postings):
    assert postings["2836402"]["employment_type"] == "PART_TIME"


def test_seniority_raw(medior):
    assert medior["seniority_raw"] == "mid_level"


def test_salary_from_the_structured_range(medior):
    assert medior["salary"] == {"min": 4200, "max": 5600, "currency": "EUR", "period": "month"}


def test_salary_raw_reads_the_range(medior):
    assert medior["salary_raw"] == "4,200 - 5,600 EUR per month"


def test_flat_salary_gives_salary_raw(backend):
    assert backend["salary_raw"] == "42,000 - 52,000 EUR"


def test_flat_salary_leaves_the_period_to_the_normaliser(backend):
    assert backend.get("salary") is None


def test_no_salary(postings):
    assert (postings["2836402"]["salary_raw"], postings["2836402"].get("salary")) == (None, None)


def test_date_posted_raw_is_published_at(medior):
    assert medior["date_posted_raw"] == "2026-11-12 08:30:00 UTC"


def test_department(medior):
    assert medior["department"] == "Data & Analytics"


def test_description_html_starts_with_description(medior):
    assert medior["description_html"].startswith("<h3>Over Tulp Data</h3>")


def test_description_html_then_requirements(medior):
    body = medior["description_html"]
    assert body.index("Wat ga je doen?") < body.index("Wat breng je mee?") < body.index("4.200")


def test_apply_url(medior):
    assert medior["apply_url"] == "https://werkenbij.tulpdata.nl/o/medior-data-engineer/c/new"


def test_page_language_from_translations(medior):
    assert medior["page_language"] == "nl"


def test_page_language_spanish(backend):
    assert backend["page_language"] == "es"


def test_crawled_at(medior):
    assert medior["crawled_at"] == CRAWL_TIME


# --- quirks, on small inline responses ----------------------------------------------------


def test_malformed_json_is_a_format_error():
    with pytest.raises(SourceFormatError):
        _parse(b'{"offers": [{"id": 1,')


def test_not_an_offers_list_is_a_format_error():
    with pytest.raises(SourceFormatError):
        _parse(b'{"error": "Not found"}')


def test_empty_board_has_no_posting():
    assert _parse(b'{"offers": []}') == []


def test_one_bad_offer_is_skipped_with_reason():
    body = b'{"offers": [{"id": 1, "title": ""}, {"id": 2, "title": "Engineer"}]}'
    extracted = parse_offers(body, company="acme", crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["2"], 1)


def test_several_workplace_flags_name_no_single_policy():
    [posting] = _parse(_offer(remote=True, hybrid=False, on_site=True))
    assert (posting["remote"], posting["remote_raw"]) == (None, "Remote, On-site")


def test_no_workplace_flag():
    [posting] = _parse(_offer(remote=False, hybrid=False, on_site=False))
    assert (posting["remote"], posting["remote_raw"]) == (None, None)


def test_salary_amounts_as_strings():
    salary = {"min": "52000.0", "max": "61000.0", "currency": "eur", "period": "year"}
    [posting] = _parse(_offer(salary=salary))
    assert posting["salary"] == {"min": 52000, "max": 61000, "currency": "EUR", "period": "year"}


def test_salary_object_of_nulls_is_no_salary():
    salary = {"min": None, "max": None, "currency": None, "period": None}
    [posting] = _parse(_offer(salary=salary))
    assert (posting["salary_raw"], posting.get("salary")) == (None, None)


def test_salary_with_unknown_period_keeps_it_null():
    salary = {"min": 20, "max": 25, "currency": "EUR", "period": "shift"}
    [posting] = _parse(_offer(salary=salary))
    assert posting["salary"]["period"] is None


def test_url_without_careers_url_is_built_from_company_and_slug():
    [posting] = _parse(_offer(), board="acme")
    assert posting["url"] == "https://acme.recruitee.com/o/engineer"


def test_apply_url_defaults_to_the_page():
    [posting] = _parse(_offer(), board="acme")
    assert posting["apply_url"] == posting["url"]


def test_us_region_is_the_state_code():
    address = {"city": "Austin", "state_name": "Texas", "state_code": "TX", "country_code": "US"}
    [posting] = _parse(_offer(**address))
    assert posting["locations"] == [{"city": "Austin", "region": "TX", "country": "US"}]


def test_locations_list_wins_over_flat_fields():
    places = [
        {"city": "Berlin", "country_code": "DE"},
        {"city": "Lisbon", "country_code": "PT"},
    ]
    [posting] = _parse(_offer(city="Berlin", country_code="DE", locations=places))
    assert [loc["country"] for loc in posting["locations"]] == ["DE", "PT"]


def test_location_without_country_is_left_to_the_normaliser():
    [posting] = _parse(_offer(city="Utrecht", location="Utrecht"))
    assert posting["locations"] == []


def test_department_object():
    [posting] = _parse(_offer(department={"id": 3, "name": "Security"}))
    assert posting["department"] == "Security"


def test_body_without_requirements():
    [posting] = _parse(_offer(description="<p>Build things.</p>", requirements=""))
    assert posting["description_html"] == "<p>Build things.</p>"


def test_page_language_unknown_when_no_translation_matches():
    [posting] = _parse(_offer(translations={"en": {"title": "Other"}, "de": {"title": "Anders"}}))
    assert posting["page_language"] is None


# --- real offline crawls ------------------------------------------------------------------


def _world_offer_count() -> int:
    return sum(len(json.loads(_recorded(board))["offers"]) for board in BOARDS)


def test_boards_are_every_recruitee_company_of_the_world():
    hosts = {p.name for p in SHIPPED_WORLD.iterdir() if p.name.endswith(".recruitee.com")}
    assert hosts == {f"{board}.recruitee.com" for board in BOARDS}


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    return _crawl(tmp_path_factory.mktemp("recruitee-all"), ",".join(BOARDS))


def test_full_crawl_yields_every_posting_of_the_world(full_crawl):
    lines, _ = full_crawl
    assert len(lines) == _world_offer_count()


def test_full_crawl_every_line_is_valid(full_crawl):
    lines, _ = full_crawl
    assert [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_full_crawl_misses_no_recording(full_crawl):
    _, stats = full_crawl
    assert "jobsieve/world/missing" not in stats


def test_full_crawl_requests_robots_and_one_list_per_company(full_crawl):
    _, stats = full_crawl
    assert stats["downloader/request_count"] == 2 * len(BOARDS)


def test_full_crawl_salary_of_the_flat_shape_is_normalised(full_crawl):
    lines, _ = full_crawl
    backend = next(line for line in lines if line["id"] == "recruitee:2850291")
    assert backend["salary"] == {"min": 42000, "max": 52000, "currency": "EUR", "period": "year"}


@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    return _crawl(tmp_path_factory.mktemp("recruitee-big"), BIG)


def test_big_board_comes_back_complete(big_crawl):
    lines, stats = big_crawl
    assert len(lines) == stats[f"jobsieve/source/recruitee/{BIG}/postings"] == 60


def test_big_board_is_one_request(big_crawl):
    _, stats = big_crawl
    assert (stats["downloader/request_count"], stats["robotstxt/request_count"]) == (2, 1)


def test_big_board_misses_no_recording(big_crawl):
    _, stats = big_crawl
    assert "jobsieve/world/missing" not in stats


# --- faults per board ---------------------------------------------------------------------


def _faulty_world(root: Path) -> Path:
    """tulpdata as shipped, plus a company Recruitee does not know (404 for every path), one
    answering malformed JSON, one with no offer and one answering an HTML page."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for exchange in (SHIPPED_WORLD / "tulpdata.recruitee.com").glob("*.json"):
        if ".body." not in exchange.name:
            world.save(shipped.read(exchange))
    text = [("Content-Type", "text/plain")]
    html = [("Content-Type", "text/html; charset=utf-8")]
    robots = b"User-agent: *\nAllow: /\n"
    for board in ("broken", "empty", "htmlpage"):
        world.save(Recording("GET", f"https://{board}.recruitee.com/robots.txt", 200, text, robots))
    world.save(Recording("GET", "https://missing.recruitee.com/robots.txt", 404, html, b"<h1>404"))
    world.save(Recording("GET", offers_url("missing"), 404, JSON_TYPE, b'{"error":"Not found"}'))
    world.save(Recording("GET", offers_url("broken"), 200, JSON_TYPE, b'{"offers": [{"id": 1,'))
    world.save(Recording("GET", offers_url("empty"), 200, JSON_TYPE, b'{"offers": []}'))
    world.save(Recording("GET", offers_url("htmlpage"), 200, html, b"<html><body>Hi</body></html>"))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    tmp = tmp_path_factory.mktemp("recruitee-faults")
    world = _faulty_world(tmp / "world")
    return _crawl(tmp, "tulpdata,missing,broken,empty,htmlpage", world)


def test_good_board_still_yields_its_postings(faulty_crawl):
    lines, _ = faulty_crawl
    assert sorted(line["source_id"] for line in lines) == ["2836402", "2841137"]


@pytest.mark.parametrize("board", ["missing", "broken", "htmlpage"])
def test_failing_board_is_counted(faulty_crawl, board):
    _, stats = faulty_crawl
    assert stats[f"jobsieve/source/recruitee/{board}/error"] == 1


def test_empty_board_is_counted(faulty_crawl):
    _, stats = faulty_crawl
    assert stats["jobsieve/source/recruitee/empty/empty"] == 1


def test_good_board_has_no_error(faulty_crawl):
    _, stats = faulty_crawl
    assert "jobsieve/source/recruitee/tulpdata/error" not in stats


def test_faulty_crawl_misses_no_recording(faulty_crawl):
    _, stats = faulty_crawl
    assert "jobsieve/world/missing" not in stats


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl",
        "recruitee",
        "-a",
        "boards=acme,not a company",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
    )
    assert result.returncode != 0 and "is not a Recruitee company subdomain" in result.stderr
