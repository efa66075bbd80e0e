"""Welcome to the Jungle: the seed page, extraction rules, Algolia windows and dedup, the WAF.

Seed 2 is Back Market's "Backend Engineer" in the French UI: its visible text is
tests/fixtures/seeds/welcometothejungle-backmarket-backend-engineer.txt, and the page must give
the values tests/fixtures/seeds/seeds.toml lists for it; the body is the employer's text from
`Back Market is the world’s leading…` to the recruitment process. Whole callback outputs are
golden cases (tests/fixtures/golden/welcometothejungle/); whole crawls are the shared shipped and
fault nights (tests/support/nights.py); the capped query and the credentials' fallback are real
crawls in the test process (tests.support.inprocess.crawl) over the shipped world, a few answers
changed for the fallback.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import pytest_twisted

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.welcometothejungle import (
    REFERER,
    SITE,
    WINDOW_END,
    WINDOW_START,
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
from tests.support.faults.welcometothejungle import VERROU
from tests.support.inprocess import (
    CRAWL_TIME,
    SHIPPED_WORLD,
    Crawl,
    crawl,
    recording,
    spider_for,
    world_with,
)
from tests.support.nights import shipped_records, shipped_sources
from tests.support.seeds import load_seeds
from tests.support.visible import capture_lines, visible_lines

SOURCE = "welcometothejungle"
SEED_ORG, SEED_SLUG = "back-market", "backend-engineer_bordeaux_BM_po9OalJ"
SEED_URL = job_page_url("fr", SEED_ORG, SEED_SLUG)
# The seed's search record, as the back-market search answers it.
SEED_HIT = Hit(
    object_id="364ecf4b-c04c-5680-bb21-5b9eea7ac8a3",
    reference="BM_po9OalJ",
    slug=SEED_SLUG,
    organization=SEED_ORG,
    company="Back Market",
    title="Backend Engineer",
    department="Bureau of Technology",
    marker="a9318146fb40d6dbe42a",
)
SEED = load_seeds()[SOURCE]
# What the seed page shows, as captured; the spider leaves the figure to the pipelines.
SEED_PAGE = SEED.page | {"salary": None}
FALLBACK_ORG, FALLBACK_SLUG = "maison-verdier", "developpeur-full-stack-h-f_lyon_MV_q7Lr2Xa"
FALLBACK_HIT = Hit("1", "MV_q7Lr2Xa", FALLBACK_SLUG, FALLBACK_ORG, "Maison Verdier")
WAF_PAGE = job_page_url("fr", FALLBACK_ORG, "product-designer_paris_MV_Zk81pQe")
ALGOLIA_HOST = "csekhvms53-dsn.algolia.net"
ALGOLIA_ROBOTS = f"https://{ALGOLIA_HOST}/robots.txt"
# The search key the shipped world's pages publish.
SEARCH_KEY = "4bd8f6215d0cc52b26430765769e65a0"
CAPPED = "relais-emploi"  # ~1,150 hits for 460 jobs: past what one Algolia query reaches
# The boards of the shipped night (sources.toml).
NIGHTLY = tuple(shipped_sources()[SOURCE]["boards"])


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _search_answer(lang: str, search: Search) -> dict:
    env = parse_env(recording(env_page_url(lang)).body)
    return json.loads(
        recording(env.query_url(lang), "POST", json.dumps(search.body(0)).encode()).body
    )


@pytest.fixture(scope="module")
def wttj_records() -> list:
    return shipped_records(SOURCE)


def _of(wttj_records, organization: str) -> list:
    return [r for r in wttj_records if r.placements[SOURCE]["organization"] == organization]


def _hits(records: list) -> int:
    return sum(int(r.placements[SOURCE].get("syndications", 1)) for r in records)


# --------------------------------------------------------------------------------------------
# The seed page (its whole item: golden welcometothejungle/seed-job-page)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page() -> bytes:
    return recording(SEED_URL).body


@pytest.fixture(scope="module")
def seed(seed_page) -> dict:
    return parse_job_page(seed_page, url=SEED_URL, hit=SEED_HIT, crawled_at=CRAWL_TIME)


def test_seed_page_visible_text_is_the_capture_line_for_line(seed_page):
    # The capture's list markers are the capture tool's: a browser's text has none.
    assert visible_lines(seed_page.decode("utf-8"), bullet="") == capture_lines(
        SEED.text(), markers=False
    )


def test_seed_page_gives_what_the_page_shows(seed):
    assert {field: seed[field] for field in SEED_PAGE} == SEED_PAGE


def test_seed_body_is_the_employer_text_to_the_recruitment_process(seed):
    body = seed["description_html"]
    assert (
        body.startswith("<p>Back Market is the world’s leading"),
        "Descriptif" in body,
        "<li>Back Market Values fit interview</li>" in body,
    ) == (True, False, True)


def test_api_and_page_differ_only_in_remote_raw(seed):
    # The spider's documented choice: from the API it keeps WTTJ's enum, which normalises alike.
    body = recording(job_api_url(SEED_ORG, SEED_SLUG)).body
    from_api = parse_job_api(body, hit=SEED_HIT, lang="fr", crawled_at=CRAWL_TIME)
    fields = from_api.keys() | seed.keys()
    assert {
        k: (from_api.get(k), seed.get(k)) for k in fields if from_api.get(k) != seed.get(k)
    } == {name: (value, SEED.page[name]) for name, value in SEED.api.items()}


def test_api_answer_without_a_job_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_api(b'{"error":"Not Found"}', hit=SEED_HIT, lang="fr", crawled_at=CRAWL_TIME)


# --------------------------------------------------------------------------------------------
# The page fallback: embedded state, JSON-LD with raw control characters, WAF
# (golden welcometothejungle/job-page-fallback and job-page-waf-challenge)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fallback_page() -> bytes:
    return recording(job_page_url("fr", FALLBACK_ORG, FALLBACK_SLUG)).body


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


def test_waf_challenge_is_answered_202_recognised_and_never_a_posting():
    waf = recording(WAF_PAGE)
    assert (waf.status, is_waf_challenge(waf.body)) == (202, True)
    with pytest.raises(BlockedError):
        parse_job_page(waf.body, url=SEED_URL, hit=SEED_HIT, crawled_at=CRAWL_TIME)


def test_page_that_is_not_a_job_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_page(b"<html><body>Hi</body></html>", url=SEED_URL, hit=SEED_HIT, crawled_at="")


# --------------------------------------------------------------------------------------------
# Credentials, search bodies, windows
# --------------------------------------------------------------------------------------------


def test_env_from_the_jobs_page():
    env = parse_env(recording(env_page_url("fr")).body)
    assert (env.app_id, env.index("fr")) == ("CSEKHVMS53", "wttj_jobs_production_fr")


def test_env_from_api_env_script():
    env = parse_env(recording(env_api_url()).body)
    assert env.query_url("en") == (
        "https://csekhvms53-dsn.algolia.net/1/indexes/wttj_jobs_production_en/query"
    )


def test_env_page_behind_waf_is_blocked():
    with pytest.raises(BlockedError):
        parse_env(recording(WAF_PAGE).body)


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


@pytest.mark.parametrize(
    ("window", "parts"),
    [
        (
            Window(),
            [Window(None, WINDOW_START), Window(WINDOW_START, WINDOW_END), Window(WINDOW_END)],
        ),
        (Window(10, 21), [Window(10, 15), Window(15, 21)]),
        (Window(10, 11), []),  # one second cannot be cut
    ],
    ids=["whole: open guards and a bounded middle", "halves cover it exactly", "one second"],
)
def test_window_split(window, parts):
    assert window.split() == parts


def test_last_page_stops_at_the_thousandth_hit():
    assert Search(hits_per_page=100).last_page(1160) == 9


def test_search_page_with_a_bad_hit_skips_it():
    body = b'{"hits": [{"objectID": "1"}], "nbHits": 1}'
    assert len(parse_search_page(body).skipped) == 1


def test_algolia_error_is_a_format_error():
    with pytest.raises(SourceFormatError, match="referer"):
        parse_search_page(b'{"message":"Method not allowed with this referer","status":403}')


def test_world_has_a_query_past_the_algolia_cap():
    assert _search_answer("fr", Search(CAPPED))["nbHits"] > 1000


def test_world_repeats_references_across_hits():
    hits = _search_answer("fr", Search("back-market"))["hits"]
    assert [h["reference"] for h in hits] == ["BM_po9OalJ"] * 3


# --------------------------------------------------------------------------------------------
# Referer and arguments: Algolia refuses the search key without the site's Referer
# --------------------------------------------------------------------------------------------


def test_search_request_sends_the_referer_and_the_credentials():
    spider = spider_for(
        SOURCE,
        organizations="back-market",
        algolia_app_id="CSEKHVMS53",
        algolia_api_key=SEARCH_KEY,
    )
    headers = spider.search_request("back-market", Search("back-market"), 0).headers
    assert (headers.get("Referer"), headers.get("x-algolia-api-key")) == (
        REFERER.encode(),
        SEARCH_KEY.encode(),
    )


def test_every_world_search_answer_requires_the_referer():
    # The replay answers a search sent without the header with 403, as Algolia does: every night
    # over the shipped world would fail its WTTJ boards if the spider forgot it.
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


# --------------------------------------------------------------------------------------------
# The capped query, crawled in-process: cut into date windows, every job once
# (its first answer: golden welcometothejungle/capped-search-split)
# --------------------------------------------------------------------------------------------


@pytest_twisted.async_fixture(scope="module")
async def capped(tmp_path_factory) -> Crawl:
    feeds = tmp_path_factory.mktemp("wttj-capped")
    return await crawl(SOURCE, feeds=feeds, boards=CAPPED)


def _capped_stat(capped: Crawl, what: str) -> int | None:
    return capped.stats.get(f"jobsieve/source/{SOURCE}/{CAPPED}/{what}")


def test_capped_query_is_split_into_windows_that_each_fit(capped):
    assert (_capped_stat(capped, "split") >= 1, _capped_stat(capped, "truncated")) == (True, None)


def test_capped_query_yields_every_reference_exactly_once(capped, wttj_records):
    # A reference yielded twice would be dropped by the repeated-id pipeline, so none is dropped.
    references = Counter(item["source_id"] for item in capped.items)
    expected = {r.placements[SOURCE]["reference"] for r in _of(wttj_records, CAPPED)}
    assert (set(references), max(references.values()), capped.stats.get("item_dropped_count")) == (
        expected,
        1,
        None,
    )


def test_capped_query_fetches_repeated_references_once(capped, wttj_records):
    records = _of(wttj_records, CAPPED)
    assert (_capped_stat(capped, "hits"), _capped_stat(capped, "duplicate_hits")) == (
        _hits(records),
        _hits(records) - len(records),
    )


def test_every_search_sends_the_referer_and_the_credentials(capped):
    searches = [r for r in capped.sent if r.method == "POST"]
    sent = {(r.headers.get("Referer"), r.headers.get("x-algolia-api-key")) for r in searches}
    assert len(searches) > 10 and sent == {(REFERER.encode(), SEARCH_KEY.encode())}


def test_capped_query_lines_are_valid_in_several_languages(capped):
    # The lines as exported; an invalid one would have been dropped (item_dropped_count).
    invalid = [line["url"] for line in capped.items if validate_posting(line)]
    assert (
        invalid,
        capped.stats.get("item_dropped_count"),
        {line["language"] for line in capped.items},
    ) == ([], None, {"fr", "nl", "de"})


# --------------------------------------------------------------------------------------------
# Credentials when the jobs page is behind the WAF, crawled in-process with the English UI
# --------------------------------------------------------------------------------------------


def _env_page(lang: str, status: int) -> Recording:
    waf = recording(WAF_PAGE)
    body = waf.body if status == 202 else b"<h1>403 Forbidden</h1>"
    return Recording("GET", env_page_url(lang), status, waf.headers, body)


@pytest.mark.parametrize("status", [202, 403], ids=["WAF challenge", "refused"])
@pytest_twisted.ensureDeferred
async def test_credentials_fall_back_to_api_env(tmp_path, status):
    world = world_with(tmp_path / "world", _env_page("en", status))
    done = await crawl(
        SOURCE, world=world, feeds=tmp_path / "feeds", organizations="back-market", lang="en"
    )
    query = parse_env(recording(env_api_url()).body).query_url("en")
    # Each host's robots.txt is fetched before its first request.
    assert (
        [r.url for r in done.sent[:5]],
        [(line["source_id"], line["url"], line["page_language"]) for line in done.items],
        [validate_posting(line) for line in done.items],
    ) == (
        [f"{SITE}/robots.txt", env_page_url("en"), env_api_url(), ALGOLIA_ROBOTS, query],
        [("BM_po9OalJ", job_page_url("en", SEED_ORG, SEED_SLUG), "en")],
        [[]],
    )


@pytest_twisted.ensureDeferred
async def test_without_credentials_every_board_fails_named(tmp_path):
    api_env = Recording("GET", env_api_url(), 403, [], b"")
    world = world_with(tmp_path / "world", _env_page("en", 202), api_env)
    done = await crawl(
        SOURCE,
        world=world,
        feeds=tmp_path / "feeds",
        organizations="back-market,maison-verdier",
        lang="en",
    )
    errors = {k: v for k, v in done.counters().items() if k.endswith("/error")}
    assert (done.items, errors) == (
        [],
        {
            f"jobsieve/source/{SOURCE}/{board}/error": 1
            for board in ("back-market", "maison-verdier")
        },
    )


# --------------------------------------------------------------------------------------------
# The shipped night (French UI, the organisations of sources.toml)
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feed(shipped_night) -> list[dict]:
    return shipped_night.postings(SOURCE)


def test_every_recorded_posting_once(feed, wttj_records):
    # A job whose detail and page both fail is still exported, from its search hit.
    expected = [
        r.placements[SOURCE]["reference"] for org in NIGHTLY for r in _of(wttj_records, org)
    ]
    assert sorted(line["source_id"] for line in feed) == sorted(expected)


@pytest.mark.parametrize("organization", NIGHTLY)
def test_repeated_references_are_fetched_once(shipped_night, wttj_records, organization):
    records, counts = _of(wttj_records, organization), shipped_night.boards(SOURCE)[organization]
    assert (counts["listed"], counts.get("listed_again", 0)) == (
        _hits(records),
        _hits(records) - len(records),
    )


def test_two_search_pages(shipped_night):
    assert shipped_night.boards(SOURCE)["maison-verdier"]["listed"] > 100


def test_waf_page_is_counted_blocked_and_the_search_hit_is_exported(shipped_night, feed):
    # The challenge is never parsed: the posting is what the search shows, without a body.
    posting = next(line for line in feed if line["source_id"] == "MV_Zk81pQe")
    assert (
        shipped_night.boards(SOURCE)["maison-verdier"].get("blocked"),
        shipped_night.boards(SOURCE)["maison-verdier"].get("postings_held"),
        (posting["title"], posting["description_html"]),
    ) == (1, None, ("Product Designer", None))


def test_page_fallback_item(feed):
    posting = next(line for line in feed if line["source_id"] == "MV_q7Lr2Xa")
    assert (posting["remote_raw"], posting["salary_raw"], posting["remote"]) == (
        "Télétravail occasionnel",
        "Salaire : 45K à 55K € par an",
        "hybrid",
    )


def test_no_board_error_and_no_missing_recording(shipped_night):
    report = shipped_night.report["sources"][SOURCE]
    assert (report["failing_boards"], report["missing_recordings"]) == ({}, 0)


def test_bodies_in_several_languages(shipped_night):
    assert {"en", "fr", "es"} <= set(shipped_night.report["sources"][SOURCE]["languages"])


# --------------------------------------------------------------------------------------------
# Its own failing boards on the fault night (tests/support/faults/welcometothejungle.py)
# --------------------------------------------------------------------------------------------


def test_a_refused_search_fails_its_board_named(fault_night):
    assert (
        fault_night.boards(SOURCE)["refused-org"],
        "Board 'refused-org' of welcometothejungle failed: HTTP 403 from" in fault_night.log,
    ) == ({"errors": 1}, True)


def test_a_job_without_detail_whose_page_is_refused_is_counted_blocked(fault_night):
    # The search hit names no title, so there is nothing to export: held, it does not expire
    # while its page is refused.
    page = job_page_url("fr", VERROU.organization, VERROU.slug)
    assert (
        fault_night.boards(SOURCE)["verrou"],
        f"Blocked (HTTP 403) on board 'verrou' of welcometothejungle: {page}" in fault_night.log,
        VERROU.reference in {line["source_id"] for line in fault_night.postings(SOURCE)},
    ) == ({"listed": 1, "detail_failures": 1, "blocked": 1, "postings_held": 1}, True, False)


# --------------------------------------------------------------------------------------------
# Neither detail nor page: the search hit's fields are the posting
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "blocked"), [(500, None), (403, 1)], ids=["page fails", "page refused"]
)
@pytest_twisted.ensureDeferred
async def test_a_job_without_detail_or_page_exports_the_search_hit(tmp_path, status, blocked):
    page = job_page_url("en", SEED_ORG, SEED_SLUG)
    world = world_with(
        tmp_path / "world",
        Recording("GET", job_api_url(SEED_ORG, SEED_SLUG), 500, [], b"oops"),
        Recording("GET", page, status, [], b"<h1>no</h1>"),
    )
    done = await crawl(
        SOURCE, world=world, feeds=tmp_path / "feeds", organizations="back-market", lang="en"
    )
    counters = done.counters()
    [item] = done.items
    assert (
        {k: item[k] for k in ("url", "source_id", "title", "company", "date_posted_raw")},
        (item["description_html"], item["apply_url"], validate_posting(item)),
        counters.get(f"jobsieve/source/{SOURCE}/back-market/detail_error"),
        counters.get(f"jobsieve/source/{SOURCE}/back-market/blocked"),
        counters.get(f"jobsieve/source/{SOURCE}/back-market/held"),
        "exporting the search hit's fields" in "\n".join(done.log),
    ) == (
        {
            "url": page,
            "source_id": "BM_po9OalJ",
            "title": "Backend Engineer",
            "company": "Back Market",
            "date_posted_raw": "2026-11-02T09:00:00+01:00",
        },
        (None, f"{page}/apply", []),
        1,
        blocked,
        None,
        True,
    )
