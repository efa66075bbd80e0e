"""Personio: board syntax, extraction from the recorded feeds (one assert per field), real
offline crawls of every company, the single-request big feed, and faults per board."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.personio import Feed, employment_type, parse_feed
from scrapers.world import Recording, World
from tests.conftest import CRAWL_TIME, SHIPPED_WORLD, crawl_offline, log_stats, run_scrapy

BOARDS = ("nordlicht-energie", "falkwerk-robotics.jobs.personio.com:en", "bergwerk-software")
BIG = "bergwerk-software"
XML_TYPE = [("Content-Type", "text/xml; charset=UTF-8")]


def _recorded(board: str) -> bytes:
    recording = World(SHIPPED_WORLD).lookup("GET", Feed.parse(board).url)
    assert recording is not None, board
    return recording.body


def _parse(body: bytes | str, board: str = "acme") -> list[dict]:
    return parse_feed(body, feed=Feed.parse(board), crawled_at=CRAWL_TIME).postings


def _feed(position: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><workzag-jobs>{position}</workzag-jobs>'


def _crawl(tmp: Path, boards: str, world: Path = SHIPPED_WORLD) -> tuple[list[dict], dict]:
    lines, log = crawl_offline("personio", tmp, "-a", f"boards={boards}", world=world)
    return lines, log_stats(log)


# --- board syntax -------------------------------------------------------------------------


def test_board_is_the_german_feed_on_the_de_host():
    assert Feed.parse("acme").url == "https://acme.jobs.personio.de/xml"


def test_board_with_language():
    assert Feed.parse("acme:en").url == "https://acme.jobs.personio.de/xml?language=en"


def test_board_on_the_com_host():
    assert Feed.parse("acme.jobs.personio.com:en").url == (
        "https://acme.jobs.personio.com/xml?language=en"
    )


def test_board_with_the_de_host_spelled_out():
    assert Feed.parse("Acme.jobs.personio.de") == Feed("acme", "de", None)


def test_default_feed_language_is_german():
    assert Feed.parse("acme").page_language == "de"


@pytest.mark.parametrize("board", ["not a board", "acme:english", "acme.example.com", "-acme"])
def test_bad_board_is_refused(board):
    with pytest.raises(ValueError):
        Feed.parse(board)


# --- extraction from the recorded world ---------------------------------------------------


@pytest.fixture(scope="module")
def postings() -> dict[str, dict]:
    boards = ("nordlicht-energie", "falkwerk-robotics.jobs.personio.com:en")
    return {p["source_id"]: p for board in boards for p in _parse(_recorded(board), board)}


@pytest.fixture(scope="module")
def backend(postings) -> dict:
    """German feed, two offices, "&" in the department."""
    return postings["1482391"]


@pytest.fixture(scope="module")
def robotics(postings) -> dict:
    """English feed on the .com host."""
    return postings["2210457"]


def test_every_position_of_the_hand_written_feeds(postings):
    assert sorted(postings) == ["1479025", "1482391", "2208133", "2210457"]


def test_url_is_the_job_page(backend):
    assert backend["url"] == "https://nordlicht-energie.jobs.personio.de/job/1482391"


def test_url_of_an_english_feed_asks_for_english(robotics):
    assert robotics["url"] == (
        "https://falkwerk-robotics.jobs.personio.com/job/2210457?language=en"
    )


def test_source(backend):
    assert backend["source"] == "personio"


def test_source_id(backend):
    assert backend["source_id"] == "1482391"


def test_title(backend):
    assert backend["title"] == "Senior Backend Engineer (m/w/d)"


def test_company_is_the_subcompany(backend):
    assert backend["company"] == "Nordlicht Energie GmbH"


def test_location_raw_joins_the_offices(backend):
    assert backend["location_raw"] == "Hamburg; Berlin"


def test_location_raw_single_office(postings):
    assert postings["1479025"]["location_raw"] == "Hamburg"


def test_employment_type_raw(backend):
    assert backend["employment_type_raw"] == "permanent, full-time"


def test_employment_type(backend):
    assert backend["employment_type"] == "FULL_TIME"


def test_intern(postings):
    assert postings["1479025"]["employment_type"] == "INTERN"


def test_freelance(postings):
    assert postings["2208133"]["employment_type"] == "CONTRACTOR"


def test_seniority_raw(backend):
    assert backend["seniority_raw"] == "experienced"


def test_date_posted_raw(backend):
    assert backend["date_posted_raw"] == "2026-11-13T09:12:40+01:00"


def test_department_unescaped_once(backend):
    assert backend["department"] == "IT & Digitalisierung"


def test_description_html_starts_with_the_first_heading(backend):
    assert backend["description_html"].startswith("<h3>Über uns</h3>\n<p>Nordlicht Energie")


def test_description_html_keeps_the_sections_in_order(backend):
    body = backend["description_html"]
    assert body.index("Deine Aufgaben") < body.index("Dein Profil") < body.index("Das bieten wir")


def test_description_html_is_the_cdata_html(backend):
    assert "<li>Du entwickelst" in backend["description_html"]


def test_apply_url_is_the_job_page(backend):
    assert backend["apply_url"] == backend["url"]


def test_page_language_of_the_default_feed(backend):
    assert backend["page_language"] == "de"


def test_page_language_of_the_english_feed(robotics):
    assert robotics["page_language"] == "en"


def test_crawled_at(backend):
    assert backend["crawled_at"] == CRAWL_TIME


def test_no_remote_field(backend):
    assert backend.get("remote_raw") is None


# --- quirks, on small inline feeds --------------------------------------------------------


def test_malformed_xml_is_a_format_error():
    with pytest.raises(SourceFormatError):
        _parse(b"<workzag-jobs><position><id>1</id>")


def test_html_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        _parse(b"<html><body><h1>Jobs</h1></body></html>")


def test_empty_feed_has_no_posting():
    assert _parse(b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs/>') == []


def test_position_without_name_is_skipped_with_reason():
    feed = _feed("<position><id>1</id></position><position><id>2</id><name>QA</name></position>")
    extracted = parse_feed(feed, feed=Feed.parse("acme"), crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["2"], 1)


def test_entity_escaped_value_without_cdata():
    description = (
        "<jobDescriptions><jobDescription><name>Tasks &amp; Team</name>"
        "<value>&lt;p&gt;Build &amp;amp; ship.&lt;/p&gt;</value></jobDescription></jobDescriptions>"
    )
    [posting] = _parse(_feed(f"<position><id>7</id><name>Dev</name>{description}</position>"))
    assert posting["description_html"] == "<h3>Tasks &amp; Team</h3>\n<p>Build &amp; ship.</p>"


def test_numeric_character_references():
    [posting] = _parse(
        _feed("<position><id>7</id><name>Entwickler f&#252;r M&#xFC;nchen</name></position>")
    )
    assert posting["title"] == "Entwickler für München"


def test_external_entity_is_not_read_and_the_text_around_it_is_kept():
    doctype = '<!DOCTYPE workzag-jobs [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    position = "<position><id>7</id><name>Dev &x;Ops</name></position>"
    [posting] = _parse(f"{doctype}<workzag-jobs>{position}</workzag-jobs>")
    assert posting["title"] == "Dev Ops"


def test_comment_inside_a_field_is_not_text():
    [posting] = _parse(_feed("<position><id>7</id><name>Dev<!-- draft -->Ops</name></position>"))
    assert posting["title"] == "DevOps"


def test_empty_elements_are_null():
    [posting] = _parse(
        _feed("<position><id>7</id><name>Dev</name><department/><office></office></position>")
    )
    assert (posting["department"], posting["location_raw"]) == (None, None)


def test_repeated_office_listed_once():
    offices = (
        "<office>Berlin</office>"
        "<additionalOffices><office>Berlin</office><office>Köln</office></additionalOffices>"
    )
    [posting] = _parse(_feed(f"<position><id>7</id><name>Dev</name>{offices}</position>"))
    assert posting["location_raw"] == "Berlin; Köln"


@pytest.mark.parametrize(
    ("contract", "schedule", "expected"),
    [
        ("permanent", "part-time", "PART_TIME"),
        ("temporary", "full-time", "TEMPORARY"),
        ("trainee", "full-time", "INTERN"),
        ("working_student", "part-time", "PART_TIME"),
        ("permanent", "full-or-part-time", None),
        ("something-new", "full-time", None),
    ],
)
def test_employment_type_from_contract_and_schedule(contract, schedule, expected):
    assert employment_type(contract, schedule) == expected


# --- real offline crawls ------------------------------------------------------------------


def _world_position_count() -> int:
    return sum(len(etree.fromstring(_recorded(board)).findall("position")) for board in BOARDS)


def test_boards_are_every_personio_company_of_the_world():
    hosts = {p.name for p in SHIPPED_WORLD.iterdir() if ".jobs.personio." in p.name}
    assert hosts == {Feed.parse(board).host.removeprefix("https://") for board in BOARDS}


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    return _crawl(tmp_path_factory.mktemp("personio-all"), ",".join(BOARDS))


def test_full_crawl_yields_every_posting_of_the_world(full_crawl):
    lines, _ = full_crawl
    assert len(lines) == _world_position_count()


def test_full_crawl_every_line_is_valid(full_crawl):
    lines, _ = full_crawl
    assert [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_full_crawl_misses_no_recording(full_crawl):
    _, stats = full_crawl
    assert "jobsieve/world/missing" not in stats


def test_full_crawl_requests_robots_and_one_feed_per_company(full_crawl):
    _, stats = full_crawl
    assert stats["downloader/request_count"] == 2 * len(BOARDS)


def test_full_crawl_places_every_posting(full_crawl):
    _, stats = full_crawl
    assert "jobsieve/normalise/locations/unparsed" not in stats


@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    return _crawl(tmp_path_factory.mktemp("personio-big"), BIG)


def test_big_feed_comes_back_complete(big_crawl):
    lines, stats = big_crawl
    assert len(lines) == stats[f"jobsieve/source/personio/{BIG}/postings"] == 60


def test_big_feed_is_one_request(big_crawl):
    _, stats = big_crawl
    assert (stats["downloader/request_count"], stats["robotstxt/request_count"]) == (2, 1)


def test_big_feed_misses_no_recording(big_crawl):
    _, stats = big_crawl
    assert "jobsieve/world/missing" not in stats


# --- faults per board ---------------------------------------------------------------------


def _faulty_world(root: Path) -> Path:
    """nordlicht-energie as shipped, plus a company Personio does not know (404), one answering
    malformed XML, one with an empty feed and one answering an HTML page."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for exchange in (SHIPPED_WORLD / "nordlicht-energie.jobs.personio.de").glob("*.json"):
        if ".body." not in exchange.name:
            world.save(shipped.read(exchange))
    text = [("Content-Type", "text/plain")]
    html = [("Content-Type", "text/html; charset=utf-8")]
    robots = b"User-agent: *\nAllow: /\n"
    for company in ("missing", "broken", "empty", "htmlpage"):
        world.save(Recording("GET", f"{Feed(company).host}/robots.txt", 200, text, robots))
    world.save(Recording("GET", Feed("missing").url, 404, html, b"<h1>Not found</h1>"))
    broken = b'<?xml version="1.0"?><workzag-jobs><position><id>1</id><name>A</name>'
    world.save(Recording("GET", Feed("broken").url, 200, XML_TYPE, broken))
    empty = b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs/>\n'
    world.save(Recording("GET", Feed("empty", language="en").url, 200, XML_TYPE, empty))
    world.save(Recording("GET", Feed("htmlpage").url, 200, html, b"<html><body>Hi</body></html>"))
    return root


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory) -> tuple[list[dict], dict]:
    tmp = tmp_path_factory.mktemp("personio-faults")
    world = _faulty_world(tmp / "world")
    return _crawl(tmp, "nordlicht-energie,missing,broken,empty:en,htmlpage", world)


def test_good_feed_still_yields_its_postings(faulty_crawl):
    lines, _ = faulty_crawl
    assert sorted(line["source_id"] for line in lines) == ["1479025", "1482391"]


@pytest.mark.parametrize("board", ["missing", "broken", "htmlpage"])
def test_failing_feed_is_counted(faulty_crawl, board):
    _, stats = faulty_crawl
    assert stats[f"jobsieve/source/personio/{board}/error"] == 1


def test_empty_feed_is_counted(faulty_crawl):
    _, stats = faulty_crawl
    assert stats["jobsieve/source/personio/empty:en/empty"] == 1


def test_good_feed_has_no_error(faulty_crawl):
    _, stats = faulty_crawl
    assert "jobsieve/source/personio/nordlicht-energie/error" not in stats


def test_faulty_crawl_misses_no_recording(faulty_crawl):
    _, stats = faulty_crawl
    assert "jobsieve/world/missing" not in stats


def test_bad_board_argument_fails_at_start():
    result = run_scrapy(
        "crawl",
        "personio",
        "-a",
        "boards=acme,acme:english",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
    )
    assert result.returncode != 0 and "is not a Personio company" in result.stderr
