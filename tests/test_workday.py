"""Workday: extraction from the recorded responses (one assert per field), paging, faults, feed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.workday import (
    Board,
    detail_url,
    parse_detail,
    parse_search,
    search_body,
    search_url,
)
from scrapers.world import Recording, World
from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD, run_scrapy
from world.builder import world_records

KESTREL = Board.parse("kestrel/wd5/Kestrel_Careers")  # hand-written records, one page
BRIGHTWATER = Board.parse("brightwater/wd3/Brightwater_External")  # 47 postings, 3 pages
OSTARA = Board.parse("ostara/wd1/OstaraCareers")  # 40 postings, page 1 says 45, repeats
ALL_BOARDS = ",".join(map(str, (KESTREL, BRIGHTWATER, OSTARA)))


def _search(board: Board, offset: int = 0):
    recording = World(SHIPPED_WORLD).lookup("POST", search_url(board), search_body(offset))
    assert recording is not None, f"no recorded search page of {board} at offset {offset}"
    return parse_search(recording.body, board=board, crawled_at=CRAWL_TIME)


def _req_id(path: str) -> str:
    return path.rsplit("_", 1)[-1]


# --- extraction -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page():
    return _search(KESTREL)


@pytest.fixture(scope="module")
def listed(page):
    return {_req_id(path): p for path, p in zip(page.paths, page.postings, strict=True)}


@pytest.fixture(scope="module")
def postings(page, listed):
    found = {}
    for path in page.paths:
        recording = World(SHIPPED_WORLD).lookup("GET", detail_url(KESTREL, path))
        assert recording is not None, path
        found[_req_id(path)] = parse_detail(
            recording.body, crawled_at=CRAWL_TIME, listed=listed[_req_id(path)]
        )
    return found


@pytest.fixture(scope="module")
def seed(postings):
    return postings["R-10482"]  # Senior Software Engineer, Motion Planning (Pittsburgh)


SEED_URL = (
    "https://kestrel.wd5.myworkdayjobs.com/Kestrel_Careers/job/Pittsburgh-PA/"
    "Senior-Software-Engineer-Motion-Planning_R-10482"
)


def test_first_page_total(page):
    assert page.total == 5


def test_every_posting_of_the_page(page):
    assert len(page.postings) == 5


def test_url_is_the_public_page(seed):
    assert seed["url"] == SEED_URL


def test_source(seed):
    assert seed["source"] == "workday"


def test_source_id_is_the_posting_id(seed):
    assert seed["source_id"] == "3f8a2c1e9b7d4a60b5e2c8d1f0a4b7c3"


def test_title(seed):
    assert seed["title"] == "Senior Software Engineer, Motion Planning"


def test_company_from_hiring_organization(seed):
    assert seed["company"] == "Kestrel Robotics"


def test_location_raw(seed):
    assert seed["location_raw"] == "Pittsburgh, PA"


def test_locations_with_workday_country(seed):
    assert seed["locations"] == [{"city": "Pittsburgh", "region": "PA", "country": "US"}]


def test_remote_raw(seed):
    assert seed["remote_raw"] == "Hybrid"


def test_remote(seed):
    assert seed["remote"] == "hybrid"


def test_employment_type_raw(seed):
    assert seed["employment_type_raw"] == "Full time"


def test_employment_type(seed):
    assert seed["employment_type"] == "FULL_TIME"


def test_date_posted_raw_is_the_start_date(seed):
    assert seed["date_posted_raw"] == "2026-11-19"


def test_department_from_job_family(seed):
    assert seed["department"] == "Software Engineering"


def test_description_html(seed):
    assert seed["description_html"].startswith("<p><b>About Kestrel Robotics</b></p>")


def test_description_html_keeps_the_pay_paragraph(seed):
    assert "$168,000 - $212,000 per year" in seed["description_html"]


def test_apply_url(seed):
    assert seed["apply_url"] == SEED_URL + "/apply"


def test_no_salary_field_without_a_structured_range(seed):
    assert "salary" not in seed and "salary_raw" not in seed


def test_no_page_language(seed):
    assert "page_language" not in seed


def test_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


def test_listing_url_is_the_detail_url(listed, seed):
    assert listed["R-10482"]["url"] == seed["url"]


def test_listing_has_no_posting_id(listed):
    assert listed["R-10482"]["source_id"] is None


def test_listing_date_is_relative(listed):
    assert listed["R-10482"]["date_posted_raw"] == "Posted 3 Days Ago"


def test_listing_n_locations_is_no_place(listed):
    assert listed["R-10377"]["location_raw"] is None


def test_additional_locations_join_location_raw(postings):
    assert postings["R-10377"]["location_raw"] == "München, Germany; Hamburg, Germany"


def test_additional_locations_are_locations(postings):
    assert [loc["city"] for loc in postings["R-10377"]["locations"]] == ["München", "Hamburg"]


def test_flexible_remote_type_is_kept_raw(postings):
    assert postings["R-10377"]["remote_raw"] == "Flexible"


def test_flexible_remote_type_decides_nothing(postings):
    assert postings["R-10377"]["remote"] is None


def test_on_site(postings):
    assert postings["R-10455"]["remote"] == "onsite"


def test_fully_remote(postings):
    assert postings["R-10214"]["remote"] == "remote"


def test_remote_location_has_only_a_country(postings):
    assert postings["R-10214"]["locations"] == [{"city": None, "region": None, "country": "US"}]


def test_part_time(postings):
    assert postings["R-10214"]["employment_type"] == "PART_TIME"


def test_without_start_date_the_relative_age_is_kept(postings):
    assert postings["R-10214"]["date_posted_raw"] == "Posted 30+ Days Ago"


def test_accented_title_kept_while_url_slug_drops_accents(postings):
    assert (postings["R-10511"]["title"], postings["R-10511"]["url"].split("/")[-1]) == (
        "Ingénieur Vision par ordinateur (H/F)",
        "Ingnieur-Vision-par-ordinateur-HF_R-10511",
    )


def test_later_pages_report_total_zero():
    assert [_search(BRIGHTWATER, offset).total for offset in (0, 20, 40)] == [47, 0, 0]


def test_last_page_is_short():
    assert len(_search(BRIGHTWATER, 40).postings) == 7


def test_page_past_the_end_repeats_the_last_one():
    assert _search(OSTARA, 40).paths == _search(OSTARA, 20).paths


def test_malformed_json_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_search(b'{"total": 3, "jobPostings": [', board=KESTREL, crawled_at=CRAWL_TIME)


def test_error_answer_is_not_a_search_page():
    body = b'{"errorCode": "HTTP_422", "httpStatus": 422}'
    with pytest.raises(SourceFormatError):
        parse_search(body, board=KESTREL, crawled_at=CRAWL_TIME)


def test_detail_without_posting_info_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_detail(b'{"hiringOrganization": {}}', crawled_at=CRAWL_TIME)


def test_listing_without_external_path_is_skipped_with_reason():
    jobs = [{"title": "A"}, {"title": "B", "externalPath": "/job/x/B_1"}]
    body = json.dumps({"total": 2, "jobPostings": jobs}).encode()
    page = parse_search(body, board=KESTREL, crawled_at=CRAWL_TIME)
    assert (page.paths, len(page.skipped)) == (["/job/x/B_1"], 1)


def test_detail_without_external_url_uses_the_listing_url(listed):
    body = b'{"jobPostingInfo": {"id": "1", "title": "Engineer"}}'
    posting = parse_detail(body, crawled_at=CRAWL_TIME, listed=listed["R-10482"])
    assert posting["url"] == SEED_URL


@pytest.mark.parametrize(
    "value", ["kestrel", "kestrel/Kestrel_Careers", "kestrel/5/Kestrel_Careers", "a b/wd5/x"]
)
def test_board_syntax_is_checked(value):
    with pytest.raises(ValueError, match="tenant/wdN/site"):
        Board.parse(value)


# --- real crawls ------------------------------------------------------------------------------


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _stats(log: str) -> dict[str, int]:
    """The numeric stats Scrapy dumps at the end of a crawl's log."""
    dump = log.split("Dumping Scrapy stats:", 1)[1]
    return {key: int(value) for key, value in re.findall(r"'([^']+)': (\d+)[,}]", dump)}


def _crawl(tmp: Path, boards: str, world: Path = SHIPPED_WORLD, *extra: str) -> tuple[list, str]:
    out, log = tmp / "out.jsonl", tmp / "crawl.log"
    result = run_scrapy(
        "crawl",
        "workday",
        "-a",
        f"boards={boards}",
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-s",
        f"JOBSIEVE_DEADLETTER={tmp / 'deadletter.jsonl'}",
        "--logfile",
        str(log),
        *extra,
        "-O",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return _lines(out), log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def big_board(tmp_path_factory) -> tuple[list, str]:
    return _crawl(tmp_path_factory.mktemp("big"), str(BRIGHTWATER), SHIPPED_WORLD, "-L", "DEBUG")


def test_paging_requests_robots_pages_and_details_only(big_board):
    assert _stats(big_board[1])["downloader/request_count"] == 1 + 3 + 47


def test_paging_requests_each_existing_page(big_board):
    assert big_board[1].count("<POST https://brightwater.wd3.myworkdayjobs.com/") == 3


def test_paging_misses_no_recording(big_board):
    assert "jobsieve/world/missing" not in _stats(big_board[1])


def test_paging_yields_every_posting(big_board):
    assert len(big_board[0]) == 47


@pytest.fixture(scope="module")
def every_board(tmp_path_factory) -> tuple[list, str]:
    return _crawl(tmp_path_factory.mktemp("every"), ALL_BOARDS)


def test_feed_has_every_workday_posting_of_the_world(every_board):
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    assert len(every_board[0]) == sum("workday" in r.placements for r in records)


def test_feed_lines_are_all_valid(every_board):
    assert [validate_posting(line) for line in every_board[0]] == [[]] * len(every_board[0])


def test_feed_ids_are_unique(every_board):
    assert len({line["id"] for line in every_board[0]}) == len(every_board[0])


def test_repeated_page_stops_paging_and_is_counted(every_board):
    key = f"jobsieve/source/workday/{OSTARA}/repeated_page"
    assert _stats(every_board[1])[key] == 1


def test_every_board_requests_only_recorded_exchanges(every_board):
    stats = _stats(every_board[1])
    # 3 robots.txt + 3 + 3 (the repeat included) + 1 search pages + 92 details
    assert (stats["downloader/request_count"], stats.get("jobsieve/world/missing")) == (102, None)


def test_feed_resolves_the_relative_age(every_board):
    line = next(x for x in every_board[0] if x["source_id"] == "7b3e0d9c2a5f4e18b6d1c4a9e8f2b051")
    assert line["date_posted"] == "2026-10-23"


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl",
        "workday",
        "-a",
        "boards=kestrel/Kestrel_Careers",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
    )
    assert result.returncode != 0 and "is not a Workday board: tenant/wdN/site" in result.stderr


# --- faults: each counted per board while the good board still yields ----------------------

FAULTY = {
    "gone": (404, b'{"errorCode": "HTTP_404", "httpStatus": 404}'),
    "garbled": (200, b'{"total": 3, "jobPostings": [{"title": '),
    "strict": (422, b'{"errorCode": "HTTP_422", "httpStatus": 422}'),
    "flaky": (500, b'{"errorCode": "HTTP_500", "httpStatus": 500}'),
    "quiet": (200, b'{"total": 0, "jobPostings": [], "facets": []}'),
}
HALFWAY_PATH = "/job/Leeds-United-Kingdom/Warehouse-Operations-Lead_R-900"


def _faulty_world(root: Path) -> Path:
    """Kestrel as shipped, plus an `acme` tenant whose sites each fail in one way."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for exchange in shipped.exchanges():
        if exchange.parent.name == "kestrel.wd5.myworkdayjobs.com":
            world.save(shipped.read(exchange))
    json_type = [("Content-Type", "application/json;charset=UTF-8")]
    robots = b"User-agent: *\nAllow: /\n"
    host = "https://acme.wd1.myworkdayjobs.com"
    world.save(
        Recording("GET", f"{host}/robots.txt", 200, [("Content-Type", "text/plain")], robots)
    )
    for site, (status, body) in FAULTY.items():
        url = search_url(Board("acme", "wd1", site))
        world.save(Recording("POST", url, status, json_type, body, search_body(0)))
    # Page 1 over-counts (the next page is empty) and lists a posting whose detail is gone.
    halfway = Board("acme", "wd1", "halfway")
    listing = {"title": "Warehouse Operations Lead", "externalPath": HALFWAY_PATH}
    listing |= {"locationsText": "Leeds, United Kingdom", "postedOn": "Posted Yesterday"}
    for offset, total, jobs in ((0, 21, [listing]), (20, 0, [])):
        body = json.dumps({"total": total, "jobPostings": jobs, "facets": []}).encode()
        world.save(
            Recording("POST", search_url(halfway), 200, json_type, body, search_body(offset))
        )
    gone = b'{"errorCode": "HTTP_404"}'
    world.save(Recording("GET", detail_url(halfway, HALFWAY_PATH), 404, json_type, gone))
    return root


@pytest.fixture(scope="module")
def faulty_night(tmp_path_factory) -> tuple[dict, list]:
    tmp = tmp_path_factory.mktemp("faults")
    boards = [str(KESTREL), *(f"acme/wd1/{site}" for site in [*FAULTY, "halfway"])]
    sources = tmp / "sources.toml"
    sources.write_text(f"[workday]\nboards = {json.dumps(boards)}\n", encoding="utf-8")
    result = run_scrapy(
        "crawlall",
        "-s",
        f"JOBSIEVE_WORLD={_faulty_world(tmp / 'world')}",
        "-s",
        f"JOBSIEVE_SOURCES={sources}",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp / 'feeds'}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    night = tmp / "feeds" / "2026-11-22"
    report = json.loads((night / "report.json").read_text(encoding="utf-8"))
    return report["sources"]["workday"], _lines(night / "postings.jsonl")


def test_faulty_boards_are_named_errors(faulty_night):
    expected = ["acme/wd1/flaky", "acme/wd1/garbled", "acme/wd1/gone", "acme/wd1/strict"]
    assert sorted(faulty_night[0]["errors"]) == expected


def test_empty_board_is_counted(faulty_night):
    assert faulty_night[0]["boards"]["acme/wd1/quiet"] == {"empty": 1, "postings": 0}


def test_good_board_yields_beside_the_faulty_ones(faulty_night):
    assert faulty_night[0]["boards"][str(KESTREL)] == {"postings": 5}


def test_empty_page_after_an_over_counted_first_page_stops_paging(faulty_night):
    assert faulty_night[0]["boards"]["acme/wd1/halfway"]["empty_page"] == 1


def test_missing_detail_is_counted(faulty_night):
    assert faulty_night[0]["boards"]["acme/wd1/halfway"]["detail_error"] == 1


def test_missing_detail_keeps_the_listed_posting(faulty_night):
    line = next(x for x in faulty_night[1] if x["url"].endswith(HALFWAY_PATH))
    assert (line["title"], line["date_posted"], line["description"]) == (
        "Warehouse Operations Lead",
        "2026-11-21",
        "",
    )


def test_faulty_night_lines_are_valid(faulty_night):
    assert len(faulty_night[1]) == 6
    assert all(validate_posting(line) == [] for line in faulty_night[1])


def test_faulty_night_misses_no_recording(faulty_night):
    assert faulty_night[0]["missing_recordings"] == 0
