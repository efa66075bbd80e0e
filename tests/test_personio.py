"""Personio: board syntax, the XML feed and its rules, the shipped night (one request per feed)
and the source's own failing case.

Whole items are golden cases (``tests/fixtures/golden/personio/``): ``nordlicht-energie-feed``
(the default German feed: two offices, "&" in the department, a permanent full-time and an
intern position) and ``falkwerk-robotics-english-feed`` (an English feed on the .com host, whose
job URLs ask for English; a freelance position).
"""

from __future__ import annotations

import pytest
from lxml import etree

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.personio import Feed, employment_type, parse_feed
from tests.support.faults.personio import HTML_PAGE
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD, recording, spider_class
from tests.support.nights import shipped_sources

SOURCE = "personio"
BIG = "bergwerk-software"  # 60 positions, still one request


def _boards() -> list[str]:
    return shipped_sources()[SOURCE]["boards"]


def _world_positions(board: str) -> int:
    return len(etree.fromstring(recording(Feed.parse(board).url).body).findall("position"))


def _parse(body: bytes | str, board: str = "acme") -> list[dict]:
    return parse_feed(body, feed=Feed.parse(board), crawled_at=CRAWL_TIME).postings


def _feed(position: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><workzag-jobs>{position}</workzag-jobs>'


# --- board syntax -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("board", "url"),
    [
        ("acme", "https://acme.jobs.personio.de/xml"),  # the German feed on the .de host
        ("acme:en", "https://acme.jobs.personio.de/xml?language=en"),
        ("acme.jobs.personio.com:en", "https://acme.jobs.personio.com/xml?language=en"),
    ],
)
def test_board_names_its_feed(board, url):
    assert Feed.parse(board).url == url


def test_board_with_the_de_host_spelled_out():
    assert Feed.parse("Acme.jobs.personio.de") == Feed("acme", "de", None)


def test_a_board_naming_no_language_asks_the_company_default():
    assert Feed.parse("acme").page_language is None  # told from the feed's text


_ENGLISH_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<workzag-jobs>
  <position>
    <id>501</id><subcompany>Harbour Lights Ltd.</subcompany><office>Dublin</office>
    <name>Lighthouse Systems Engineer</name>
    <jobDescriptions><jobDescription><name>Your mission</name><value><![CDATA[
      <p>You will keep our coastal monitoring systems running day and night, work with the
      field teams on every repair and write down what you learn for the next engineer.</p>
    ]]></value></jobDescription></jobDescriptions>
    <employmentType>permanent</employmentType><schedule>full-time</schedule>
    <salaryInformation>
      <min>62000.00</min><max>75000.50</max>
      <currencySymbol>€</currencySymbol><currencyCode>EUR</currencyCode><type>yearly</type>
    </salaryInformation>
  </position>
  <position>
    <id>502</id><subcompany>Harbour Lights Ltd.</subcompany><office>Cork</office>
    <name>Harbour Pilot</name>
    <salaryInformation>
      <min>38.50</min><max></max>
      <currencySymbol>CHF</currencySymbol><currencyCode>chf</currencyCode><type>hourly</type>
    </salaryInformation>
  </position>
  <position>
    <id>503</id><name>Dock Hand</name>
    <salaryInformation><min></min><max></max><currencyCode>EUR</currencyCode></salaryInformation>
  </position>
</workzag-jobs>
"""


def _english_feed(board: str = "harbour-lights") -> dict[str, dict]:
    extracted = parse_feed(_ENGLISH_FEED, feed=Feed.parse(board), crawled_at=CRAWL_TIME)
    return {p["source_id"]: p for p in extracted.postings}


def test_salary_information_is_the_structured_salary_with_its_text():
    postings = _english_feed()
    assert (postings["501"]["salary_raw"], postings["501"]["salary"]) == (
        "€62,000 - 75,000.5 yearly",
        {"min": 62000, "max": 75000.5, "currency": "EUR", "period": "year"},
    )
    assert (postings["502"]["salary_raw"], postings["502"]["salary"]) == (
        "38.5 CHF hourly",
        {"min": 38.5, "max": None, "currency": "CHF", "period": "hour"},
    )
    assert (postings["503"]["salary_raw"], postings["503"]["salary"]) == (None, None)


def test_a_feed_in_the_company_default_language_is_told_by_its_text():
    assert {p["page_language"] for p in _english_feed().values()} == {"en"}


def test_a_board_naming_its_language_is_believed():
    assert {p["page_language"] for p in _english_feed("harbour-lights:fr").values()} == {"fr"}


@pytest.mark.parametrize("board", ["not a board", "acme:english", "acme.example.com", "-acme"])
def test_bad_board_is_refused(board):
    with pytest.raises(ValueError):
        Feed.parse(board)


def test_a_bad_board_argument_stops_the_spider_with_the_board_syntax():
    with pytest.raises(ValueError, match="'acme:english' is not a Personio company"):
        spider_class(SOURCE)(boards="acme,acme:english")


# --- quirks, on small inline feeds --------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"<workzag-jobs><position><id>1</id>", b"<html><body><h1>Jobs</h1></body></html>"],
    ids=["malformed-xml", "html-page"],
)
def test_not_a_feed_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        _parse(body)


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


# --- the shipped night ------------------------------------------------------------------------


def test_boards_are_every_personio_company_of_the_world():
    hosts = {p.name for p in SHIPPED_WORLD.iterdir() if ".jobs.personio." in p.name}
    assert hosts == {Feed.parse(board).host.removeprefix("https://") for board in _boards()}


def test_night_yields_every_position_of_every_feed(shipped_night):
    """The big feed too: its one answer holds every position."""
    expected = {board: {"postings": _world_positions(board)} for board in _boards()}
    lines = shipped_night.postings(SOURCE)
    big = [line for line in lines if line["url"].startswith(Feed.parse(BIG).host + "/")]
    assert (shipped_night.boards(SOURCE), len(lines), expected[BIG], len(big)) == (
        expected,
        sum(counts["postings"] for counts in expected.values()),
        {"postings": 60},
        60,
    )


def test_night_asks_for_robots_and_one_feed_per_company(shipped_night):
    assert shipped_night.requests(SOURCE) == (2 * len(_boards()), 0)


def test_night_places_every_posting(shipped_night):
    assert "locations" not in shipped_night.report["sources"][SOURCE]["fields_not_understood"]


# --- its own failing case, on the fault night -------------------------------------------------


def test_html_page_instead_of_the_feed_is_a_named_board_error(fault_night):
    assert (
        fault_night.boards(SOURCE)[HTML_PAGE],
        f"Board {HTML_PAGE!r} of {SOURCE} failed: " in fault_night.log,
    ) == ({"errors": 1}, True)
