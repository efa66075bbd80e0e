"""Welcome to the Jungle: seed page and extraction, Algolia windows and dedup, WAF, crawls.

Seed expectations: ../shared/seeds/README.md (seed 2). The world is the shipped one
(world/recorded, built from world/records and world/generated/welcometothejungle.toml).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from scrapy.utils.test import get_crawler

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.welcometothejungle import (
    REFERER,
    WINDOW_END,
    WINDOW_START,
    AlgoliaEnv,
    BlockedError,
    Hit,
    Search,
    Window,
    env_api_url,
    env_page_url,
    is_waf_challenge,
    job_api_url,
    job_page_url,
    parse_env,
    parse_job_api,
    parse_job_page,
    parse_search_page,
)
from scrapers.world import Recording, World
from spiders.welcometothejungle import WelcomeToTheJungleSpider
from tests.conftest import CRAWL_TIME, FIXTURES, ROOT, SHIPPED_WORLD, run_scrapy
from world.builder import world_records

SOURCE = "welcometothejungle"
SEED_ORG, SEED_SLUG = "back-market", "backend-engineer_bordeaux_BM_po9OalJ"
SEED_URL = job_page_url("fr", SEED_ORG, SEED_SLUG)
SEED_HIT = Hit(
    object_id="9d1c",
    reference="BM_po9OalJ",
    slug=SEED_SLUG,
    organization=SEED_ORG,
    company="Back Market",
    title="Backend Engineer",
)
ASHBY_POSTING = "https://jobs.ashbyhq.com/backmarket/b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3"
FALLBACK_ORG, FALLBACK_SLUG = "maison-verdier", "developpeur-full-stack-h-f_lyon_MV_q7Lr2Xa"
FALLBACK_HIT = Hit("1", "MV_q7Lr2Xa", FALLBACK_SLUG, FALLBACK_ORG, "Maison Verdier")
WAF_SLUG = "product-designer_paris_MV_Zk81pQe"
ALGOLIA_HOST = "csekhvms53-dsn.algolia.net"
CRAWLED = ("back-market", "maison-verdier", "relais-emploi")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

_NOT_RENDERED = {"head", "script", "style", "template", "noscript", "svg"}
_INLINE = {"a", "span", "strong", "em", "b", "i", "u", "code", "small", "time", "img", "label"}
# The capture tool drew list items with a marker ("- ", "• "); a browser's text has none.
_LIST_MARKER = re.compile(r"^[-•]\s+")


def visible_lines(page: str) -> list[str]:
    """The page's text as a browser lays it out: block elements on lines of their own, nothing
    from scripts, styles or hidden elements; whitespace collapsed, empty lines dropped."""
    chunks: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        rendered = isinstance(element.tag, str) and element.tag not in _NOT_RENDERED
        if rendered and element.get("hidden") is None:
            block = element.tag not in _INLINE
            chunks.append("\n" if block else "")
            chunks.append(element.text or "")
            for child in element:
                walk(child)
            chunks.append("\n" if block else "")
        chunks.append(element.tail or "")

    walk(lxml.html.document_fromstring(page))
    return [line for line in (" ".join(x.split()) for x in "".join(chunks).splitlines()) if line]


def capture_lines(text: str) -> list[str]:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [_LIST_MARKER.sub("", line) for line in lines if line]


def _recorded(method: str, url: str, body: bytes = b"") -> Recording:
    found = World(SHIPPED_WORLD).lookup(method, url, body)
    assert found is not None, f"no recording for {method} {url}"
    return found


def _search_answer(lang: str, search: Search, *, probe: bool = False) -> dict:
    env = parse_env(_recorded("GET", env_page_url(lang)).body)
    body = json.dumps(search.body(0, probe=probe)).encode()
    return json.loads(_recorded("POST", env.query_url(lang), body).body)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def wttj_records() -> list:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return [r for r in records if SOURCE in r.placements]


# --------------------------------------------------------------------------------------------
# The seed page and its extraction (one assert per field)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page() -> bytes:
    return _recorded("GET", SEED_URL).body


@pytest.fixture(scope="module")
def seed(seed_page) -> dict:
    return parse_job_page(seed_page, url=SEED_URL, hit=SEED_HIT, crawled_at=CRAWL_TIME)


def test_seed_page_visible_text_is_the_capture_line_for_line(seed_page):
    capture = FIXTURES / "seeds" / "welcometothejungle-backmarket-backend-engineer.txt"
    assert visible_lines(seed_page.decode("utf-8")) == capture_lines(capture.read_text("utf-8"))


def test_seed_url(seed):
    assert seed["url"] == SEED_URL


def test_seed_source(seed):
    assert seed["source"] == SOURCE


def test_seed_source_id_is_the_reference(seed):
    assert seed["source_id"] == "BM_po9OalJ"


def test_seed_title(seed):
    assert seed["title"] == "Backend Engineer"


def test_seed_company(seed):
    assert seed["company"] == "Back Market"


def test_seed_page_language(seed):
    assert seed["page_language"] == "fr"


def test_seed_salary_raw(seed):
    assert seed["salary_raw"] == "Salaire : Non spécifié"


def test_seed_salary_not_specified_is_null(seed):
    assert seed["salary"] is None


def test_seed_remote_raw_is_the_visible_label(seed):
    assert seed["remote_raw"] == "Télétravail fréquent"


def test_seed_original_url_is_the_ashby_posting(seed):
    assert seed["original_url"] == ASHBY_POSTING


def test_seed_apply_url(seed):
    assert seed["apply_url"] == f"{ASHBY_POSTING}/application"


def test_seed_location_raw(seed):
    assert seed["location_raw"] == "Bordeaux, France"


def test_seed_employment_type_raw(seed):
    assert seed["employment_type_raw"] == "full_time"


def test_seed_date_posted_raw(seed):
    assert seed["date_posted_raw"] == "2026-11-02T08:00:00Z"


def test_seed_body_is_the_employer_text_only(seed):
    body = seed["description_html"]
    assert body.startswith("<p>Back Market is the world’s leading") and "Descriptif" not in body


def test_seed_body_keeps_the_recruitment_process(seed):
    assert "<li>Back Market Values fit interview</li>" in seed["description_html"]


def test_seed_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


@pytest.fixture(scope="module")
def seed_from_api() -> dict:
    body = _recorded("GET", job_api_url(SEED_ORG, SEED_SLUG)).body
    return parse_job_api(body, hit=SEED_HIT, lang="fr", crawled_at=CRAWL_TIME)


def test_api_remote_raw_is_the_api_enum(seed_from_api):
    # Documented choice: from the API the spider keeps WTTJ's value, which normalises alike.
    assert seed_from_api["remote_raw"] == "partial"


def test_api_salary_raw_reads_as_the_page_shows_it(seed_from_api):
    assert seed_from_api["salary_raw"] == "Salaire : Non spécifié"


def test_api_and_page_give_the_same_body(seed_from_api, seed):
    assert seed_from_api["description_html"] == seed["description_html"]


def test_api_original_url(seed_from_api):
    assert seed_from_api["original_url"] == ASHBY_POSTING


def test_api_answer_without_a_job_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_api(b'{"error":"Not Found"}', hit=SEED_HIT, lang="fr", crawled_at=CRAWL_TIME)


# --------------------------------------------------------------------------------------------
# The page fallback: embedded state, JSON-LD with raw control characters, WAF
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fallback_page() -> bytes:
    return _recorded("GET", job_page_url("fr", FALLBACK_ORG, FALLBACK_SLUG)).body


def test_fallback_page_reads_structured_salary(fallback_page):
    url = job_page_url("fr", FALLBACK_ORG, FALLBACK_SLUG)
    posting = parse_job_page(fallback_page, url=url, hit=FALLBACK_HIT, crawled_at=CRAWL_TIME)
    assert posting["salary"] == {"min": 45000, "max": 55000, "currency": "EUR", "period": "year"}


def test_json_ld_holds_raw_control_characters(fallback_page):
    block = re.search(rb'<script type="application/ld\+json">(.*?)</script>', fallback_page, re.S)
    with pytest.raises(ValueError):
        json.loads(block.group(1))


def test_page_without_embedded_state_is_read_from_its_json_ld(fallback_page):
    url = job_page_url("fr", FALLBACK_ORG, FALLBACK_SLUG)
    page = re.sub(rb"<script>window.__INITIAL_DATA__.*?</script>", b"", fallback_page, flags=re.S)
    posting = parse_job_page(page, url=url, hit=FALLBACK_HIT, crawled_at=CRAWL_TIME)
    assert (posting["location_raw"], posting["employment_type_raw"], posting["salary"]["min"]) == (
        "Lyon, FR",
        "FULL_TIME",
        45000,
    )


def test_waf_challenge_is_recorded_as_202():
    assert _recorded("GET", job_page_url("fr", FALLBACK_ORG, WAF_SLUG)).status == 202


def test_waf_challenge_is_recognised():
    assert is_waf_challenge(_recorded("GET", job_page_url("fr", FALLBACK_ORG, WAF_SLUG)).body)


def test_waf_challenge_is_never_a_posting():
    body = _recorded("GET", job_page_url("fr", FALLBACK_ORG, WAF_SLUG)).body
    with pytest.raises(BlockedError):
        parse_job_page(body, url=SEED_URL, hit=SEED_HIT, crawled_at=CRAWL_TIME)


def test_page_that_is_not_a_job_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_page(b"<html><body>Hi</body></html>", url=SEED_URL, hit=SEED_HIT, crawled_at="")


# --------------------------------------------------------------------------------------------
# Credentials, search bodies, windows
# --------------------------------------------------------------------------------------------


def test_env_from_the_jobs_page():
    env = parse_env(_recorded("GET", env_page_url("fr")).body)
    assert (env.app_id, env.index("fr")) == ("CSEKHVMS53", "wttj_jobs_production_fr")


def test_env_from_api_env_script():
    env = parse_env(_recorded("GET", env_api_url()).body)
    assert env.query_url("en") == (
        "https://csekhvms53-dsn.algolia.net/1/indexes/wttj_jobs_production_en/query"
    )


def test_env_page_behind_waf_is_blocked():
    with pytest.raises(BlockedError):
        parse_env(_recorded("GET", job_page_url("fr", FALLBACK_ORG, WAF_SLUG)).body)


def test_search_body_filters():
    body = Search("back-market", ("FR", "ES"), "python", 20).body(3)
    assert (body["query"], body["hitsPerPage"], body["page"], body["facetFilters"]) == (
        "python",
        20,
        3,
        [
            ["organization.slug:back-market"],
            ["offices.country_code:FR", "offices.country_code:ES"],
        ],
    )


def test_search_over_every_organisation_has_no_organisation_filter():
    assert Search("*", ("ES",)).body(0)["facetFilters"] == [["offices.country_code:ES"]]


def test_window_body_has_numeric_filters():
    body = Search("x", window=Window(100, 200)).body(0, probe=True)
    assert (body["numericFilters"], body["hitsPerPage"]) == (
        ["published_at_timestamp>=100", "published_at_timestamp<200"],
        0,
    )


def test_whole_window_splits_into_open_guards_and_a_bounded_middle():
    assert Window().split() == [
        Window(None, WINDOW_START),
        Window(WINDOW_START, WINDOW_END),
        Window(WINDOW_END, None),
    ]


def test_window_halves_cover_it_exactly():
    assert Window(10, 21).split() == [Window(10, 15), Window(15, 21)]


def test_one_second_window_cannot_be_cut():
    assert Window(10, 11).split() == []


def test_last_page_stops_at_the_thousandth_hit():
    assert Search(hits_per_page=100).last_page(1160) == 9


def test_search_page_with_a_bad_hit_skips_it():
    body = b'{"hits": [{"objectID": "1"}], "nbHits": 1}'
    assert len(parse_search_page(body).skipped) == 1


def test_algolia_error_is_a_format_error():
    with pytest.raises(SourceFormatError, match="referer"):
        parse_search_page(b'{"message":"Method not allowed with this referer","status":403}')


def test_world_has_a_query_past_the_algolia_cap():
    assert _search_answer("fr", Search("relais-emploi"))["nbHits"] > 1000


def test_world_repeats_references_across_hits():
    hits = _search_answer("fr", Search("back-market"))["hits"]
    assert [h["reference"] for h in hits] == ["BM_po9OalJ"] * 3


# --------------------------------------------------------------------------------------------
# Referer: Algolia refuses the search key without the site's Referer
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spider() -> WelcomeToTheJungleSpider:
    crawler = get_crawler(
        WelcomeToTheJungleSpider, {"JOBSIEVE_SOURCES": str(ROOT / "sources.toml")}
    )
    return crawler._create_spider(organizations="back-market", lang="en")


def test_search_request_sends_the_referer(spider):
    spider.env = AlgoliaEnv("CSEKHVMS53", "4bd8f6215d0cc52b26430765769e65a0")
    request = spider.search_request("back-market", Search("back-market"), 0)
    assert request.headers.get("Referer") == REFERER.encode()


def test_search_request_sends_the_credentials(spider):
    spider.env = AlgoliaEnv("CSEKHVMS53", "4bd8f6215d0cc52b26430765769e65a0")
    request = spider.search_request("back-market", Search("back-market"), 0)
    assert request.headers.get("x-algolia-api-key") == b"4bd8f6215d0cc52b26430765769e65a0"


def test_every_world_search_answer_requires_the_referer():
    # The replay keys on method, URL and body, so it cannot answer 403 to a request without the
    # header itself: each Algolia exchange states the rule for a header-aware replay instead.
    world = World(SHIPPED_WORLD)
    searches = [world.read(p) for p in world.exchanges() if p.parent.name == ALGOLIA_HOST]
    notes = {r.notes.get("requires_header") for r in searches if r.method == "POST"}
    assert searches and notes == {f"Referer: {REFERER}"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"lang": "de"}, "lang='de' is not one of fr, en"),
        ({"countries": "France"}, "ISO 3166 alpha-2"),
        ({"hits_per_page": "500"}, "hits_per_page='500' is not a whole number from 1 to 100"),
        ({"organizations": "Back Market"}, "is not a Welcome to the Jungle organisation slug"),
    ],
)
def test_bad_arguments_fail_with_a_clear_message(arguments, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        WelcomeToTheJungleSpider(**arguments)


def test_bad_argument_stops_the_crawl_at_start():
    result = run_scrapy("crawl", SOURCE, "-a", "lang=de", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}")
    assert result.returncode != 0 and "lang='de' is not one of fr, en" in result.stderr


# --------------------------------------------------------------------------------------------
# A crawl of the shipped world (French UI), organisations from a sources file
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def night(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("wttj-night")
    sources = tmp / "sources.toml"
    sources.write_text(f'[{SOURCE}]\nboards = {json.dumps(list(CRAWLED))}\nlang = "fr"\n')
    out = tmp / "out.jsonl"
    result = run_scrapy(
        "crawl",
        SOURCE,
        "-s",
        f"JOBSIEVE_SOURCES={sources}",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-O",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return _lines(out), result.stderr


@pytest.fixture(scope="module")
def feed(night) -> list[dict]:
    return night[0]


def _stat(log: str, name: str) -> int | None:
    """A counter of the stats Scrapy dumps at the end of a crawl."""
    found = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(found.group(1)) if found else None


def _board_stat(night: tuple[list[dict], str], board: str, what: str) -> int | None:
    return _stat(night[1], f"jobsieve/source/{SOURCE}/{board}/{what}")


def _expected(wttj_records, organization: str) -> list:
    return [r for r in wttj_records if r.placements[SOURCE]["organization"] == organization]


def _readable(record) -> bool:
    placed = record.placements[SOURCE]
    return placed.get("api", "ok") == "ok" or placed.get("page", "ok") == "ok"


def test_every_line_is_valid(feed):
    assert feed and [validate_posting(line) for line in feed] == [[]] * len(feed)


def test_seed_item(feed):
    seed = next(line for line in feed if line["source_id"] == "BM_po9OalJ")
    assert (seed["url"], seed["title"], seed["company"], seed["page_language"]) == (
        SEED_URL,
        "Backend Engineer",
        "Back Market",
        "fr",
    )


def test_seed_item_normalised(feed):
    seed = next(line for line in feed if line["source_id"] == "BM_po9OalJ")
    assert (seed["remote"], seed["salary"], seed["language"], seed["original_url"]) == (
        "hybrid",
        None,
        "en",
        ASHBY_POSTING,
    )


def test_every_recorded_posting_once(feed, wttj_records):
    expected = {
        r.placements[SOURCE]["reference"]
        for org in CRAWLED
        for r in _expected(wttj_records, org)
        if _readable(r)
    }
    assert sorted(line["source_id"] for line in feed) == sorted(expected)


def test_capped_query_was_split_into_windows(night):
    assert _board_stat(night, "relais-emploi", "split") >= 1
    assert _board_stat(night, "relais-emploi", "truncated") is None


def test_capped_query_yields_every_reference_exactly_once(feed, wttj_records):
    references = [line["source_id"] for line in feed if "/relais-emploi/" in line["url"]]
    expected = {r.placements[SOURCE]["reference"] for r in _expected(wttj_records, "relais-emploi")}
    assert len(references) == len(expected) and set(references) == expected


@pytest.mark.parametrize("organization", CRAWLED)
def test_repeated_references_are_fetched_once(night, wttj_records, organization):
    records = _expected(wttj_records, organization)
    hits = sum(int(r.placements[SOURCE].get("syndications", 1)) for r in records)
    assert (
        _board_stat(night, organization, "hits"),
        _board_stat(night, organization, "duplicate_hits"),
    ) == (hits, hits - len(records))


def test_waf_page_is_counted_blocked(night):
    counted = (_stat(night[1], "jobsieve/blocked"), _board_stat(night, "maison-verdier", "blocked"))
    assert counted == (1, 1)


def test_waf_page_is_not_an_item(feed):
    assert "MV_Zk81pQe" not in {line["source_id"] for line in feed}


def test_page_fallback_item(feed):
    posting = next(line for line in feed if line["source_id"] == "MV_q7Lr2Xa")
    assert (posting["remote_raw"], posting["salary_raw"], posting["remote"]) == (
        "Télétravail occasionnel",
        "Salaire : 45K à 55K € par an",
        "hybrid",
    )


def test_two_listing_pages(night):
    assert _board_stat(night, "maison-verdier", "hits") > 100


def test_no_board_error_and_no_missing_recording(night):
    errors = re.findall(rf"'jobsieve/source/{SOURCE}/([^/']+)/error'", night[1])
    assert (errors, _stat(night[1], "jobsieve/world/missing")) == ([], None)


def test_bodies_in_several_languages(feed):
    assert {"en", "fr", "es", "de", "nl"} <= {line["language"] for line in feed}


# --------------------------------------------------------------------------------------------
# A faulty world, English UI: faults are counted per board while the crawl goes on
# --------------------------------------------------------------------------------------------

_VERROU = Hit("v1", "VR_k2Jd9Qa", "chef-de-projet_nantes_VR_k2Jd9Qa", "verrou", "Verrou")


def _faulty_world(root: Path) -> Path:
    """The WTTJ part of the shipped world, plus: the jobs page behind the WAF (credentials then
    come from /api/env), an organisation answering broken JSON, one with no recording, and one
    whose only job has no detail and a 403 page."""
    world, shipped = World(root), World(SHIPPED_WORLD)
    for host in ("www.welcometothejungle.com", "api.welcometothejungle.com", ALGOLIA_HOST):
        for exchange in (SHIPPED_WORLD / host).glob("*.json"):
            if ".body." not in exchange.name:
                world.save(shipped.read(exchange))
    html = [("Content-Type", "text/html; charset=utf-8")]
    waf = _recorded("GET", job_page_url("fr", FALLBACK_ORG, WAF_SLUG))
    world.save(Recording("GET", env_page_url("en"), 202, waf.headers, waf.body))
    env = parse_env(_recorded("GET", env_api_url()).body)
    json_type = [("Content-Type", "application/json; charset=utf-8")]
    broken = json.dumps(Search("broken").body(0)).encode()
    world.save(Recording("POST", env.query_url("en"), 200, json_type, b'{"hits": [', broken))
    hit = {
        "objectID": "v1",
        "reference": _VERROU.reference,
        "slug": _VERROU.slug,
        "organization": {"slug": "verrou", "name": "Verrou"},
    }
    answer = json.dumps({"hits": [hit], "nbHits": 1, "page": 0, "nbPages": 1}).encode()
    query = json.dumps(Search("verrou").body(0)).encode()
    world.save(Recording("POST", env.query_url("en"), 200, json_type, answer, query))
    world.save(Recording("GET", job_api_url("verrou", _VERROU.slug), 404, json_type, b"{}"))
    page = job_page_url("en", "verrou", _VERROU.slug)
    world.save(Recording("GET", page, 403, html, b"<h1>403 Forbidden</h1>"))
    return root


@pytest.fixture(scope="module")
def faulty(tmp_path_factory) -> tuple[list[dict], str]:
    tmp = tmp_path_factory.mktemp("wttj-faulty")
    world = _faulty_world(tmp / "world")
    out = tmp / "out.jsonl"
    result = run_scrapy(
        "crawl",
        SOURCE,
        "-a",
        "organizations=back-market,broken,missing,verrou",
        "-a",
        "lang=en",
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-s",
        "LOG_LEVEL=DEBUG",
        "-O",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return _lines(out), result.stderr


def test_faulty_crawl_goes_on_with_the_good_board(faulty):
    lines, _ = faulty
    assert [(line["source_id"], line["url"]) for line in lines] == [
        ("BM_po9OalJ", job_page_url("en", SEED_ORG, SEED_SLUG))
    ]


def test_english_ui_page_language(faulty):
    lines, _ = faulty
    assert lines[0]["page_language"] == "en"


def test_faulty_lines_are_valid(faulty):
    lines, _ = faulty
    assert [validate_posting(line) for line in lines] == [[]]


def test_credentials_fall_back_to_api_env(faulty):
    _, log = faulty
    assert f"trying {env_api_url()}" in log and "wttj_jobs_production_en/query" in log


@pytest.mark.parametrize("board", ["broken", "missing"])
def test_failing_boards_are_counted(faulty, board):
    _, log = faulty
    assert _stat(log, f"jobsieve/source/{SOURCE}/{board}/error") == 1


def test_forbidden_page_is_blocked(faulty):
    _, log = faulty
    counted = (
        _stat(log, "jobsieve/blocked"),
        _stat(log, f"jobsieve/source/{SOURCE}/verrou/blocked"),
    )
    assert counted == (1, 1)


def test_every_search_was_sent_with_the_referer(faulty):
    _, log = faulty
    searches = re.findall(
        rf"Crawled \(\d+\) <POST https://{ALGOLIA_HOST}/[^>]*> \(referer: ([^)]*)\)", log
    )
    assert searches and set(searches) == {REFERER}
