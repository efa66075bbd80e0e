"""The jobposting extractor: JSON-LD in every shape and its repairs, microdata, RDFa, the page
itself, the quality gate, the rules seen on the world's pages, and the options.

The recorded career sites' pages are golden cases, each item whole (tests/fixtures/golden/
jobposting/): the schema.org and Google examples, JSON-LD (a @graph, repaired blocks,
TELECOMMUTE), microdata, RDFa and pages without markup.
"""

from __future__ import annotations

import json

import pytest

from scrapers.extractors.jobposting import (
    PageFacts as Facts,
)
from scrapers.extractors.jobposting import (
    parse_page,
    posting_fields,
    salary,
    url_matcher,
)
from scrapers.extractors.structured_data import parse_json_ld
from scrapers.options import domains as parse_domains
from scrapers.options import urls as parse_urls
from scrapers.options import whole_number
from scrapers.registry import is_ats_host
from spiders.jobposting import MAX_DEPTH, JobPostingSpider
from spiders.jobposting import url_patterns as parse_patterns
from tests.support.inprocess import CRAWL_TIME, recording, spider_for
from tests.support.nights import shipped_records
from world.builder.jobposting import SITES, break_json, page_url

MAPLEWOOD = SITES["maplewood"].origin
FALKENSTEIN = SITES["falkenstein"].origin
SONNENHOF = SITES["sonnenhof"].origin
TIDEWATER = SITES["tidewater"].origin


def _parse(url: str):
    body = recording(url).body
    return parse_page(body, url=url, crawled_at=CRAWL_TIME, is_ats_host=is_ats_host)


def _one(url: str) -> dict:
    result = _parse(url)
    assert result.skip is None and len(result.postings) == 1, (result.skip, result.problems)
    return result.postings[0]


# --- rules seen on the world's pages ---------------------------------------------------------

SCHEMA_ORG_URL = f"{MAPLEWOOD}/jobs/schema-org-example-software-engineer"
LAB_URL = f"{MAPLEWOOD}/jobs/clinical-laboratory-technician-3101"
BACKEND_URL = f"{FALKENSTEIN}/stellen/senior-backend-entwickler-4711"
REMOTE_URL = f"{FALKENSTEIN}/stellen/data-engineer-remote-4714"


@pytest.mark.parametrize(
    ("url", "field", "expected"),
    [
        pytest.param(
            SCHEMA_ORG_URL,
            "company",
            "Maplewood Health",
            id="schema.org example names no hiringOrganization: the site names the company",
        ),
        pytest.param(
            SCHEMA_ORG_URL,
            "salary",
            {"min": 100000, "max": 100000, "currency": "USD", "period": None},
            id="bare baseSalary with salaryCurrency and no unit: period unknown",
        ),
        pytest.param(
            SCHEMA_ORG_URL,
            "locations",
            [{"city": "Kirkland", "region": "WA", "country": "US"}],
            id="an address without a country is read field by field: WA is a US state",
        ),
        pytest.param(
            LAB_URL, "company", "Maplewood Health", id="hiringOrganization by @id in @graph"
        ),
        pytest.param(
            LAB_URL, "employment_type", None, id="two employment types: the pipeline decides"
        ),
        pytest.param(BACKEND_URL, "apply_url", BACKEND_URL, id="directApply: apply on the page"),
        pytest.param(REMOTE_URL, "remote", "remote", id="jobLocationType TELECOMMUTE"),
    ],
)
def test_rule_on_a_world_page(url, field, expected):
    assert _one(url)[field] == expected


# --- JSON-LD shapes ----------------------------------------------------------------------------

JOB = {"@type": "JobPosting", "title": "Welder", "identifier": {"value": "W-1"}}


def _page(*blocks: str, body: str = "") -> bytes:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html lang='en'><head>{scripts}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "blocks",
    [
        [json.dumps(JOB)],
        [json.dumps([{"@type": "Organization", "name": "X"}, JOB])],
        [json.dumps(JOB | {"@type": ["JobPosting", "Thing"]})],
        [json.dumps(JOB | {"@type": "http://schema.org/JobPosting"})],
        [json.dumps({"@type": "BreadcrumbList", "itemListElement": []}), json.dumps(JOB)],
        [json.dumps({"@type": "WebPage", "mainEntity": JOB})],
        [json.dumps({"@type": "ItemList", "itemListElement": [{"item": JOB}]})],
        [json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, JOB]})],
        ["{not json", json.dumps(JOB)],
    ],
    ids=[
        "object",
        "array",
        "type-list",
        "type-iri",
        "two-blocks",
        "webpage",
        "itemlist",
        "graph",
        "broken-block-beside",
    ],
)
def test_json_ld_shape_gives_the_posting(blocks):
    result = parse_page(
        _page(*blocks),
        url="https://x.example/jobs/1",
        crawled_at=CRAWL_TIME,
        is_ats_host=is_ats_host,
    )
    assert (result.kind, [(p["title"], p["source_id"]) for p in result.postings]) == (
        "jsonld",
        [("Welder", "W-1")],
    )


def test_unreadable_block_is_reported_not_fatal():
    result = parse_page(
        _page("{not json", json.dumps(JOB)),
        url="https://x.example/j",
        crawled_at=CRAWL_TIME,
        is_ats_host=is_ats_host,
    )
    assert len(result.problems) == 1 and "unreadable JSON-LD" in result.problems[0]


def test_graph_resolves_the_hiring_organization_by_id():
    graph = {
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Acme"},
            JOB | {"hiringOrganization": {"@id": "#org"}},
        ]
    }
    result = parse_page(
        _page(json.dumps(graph)),
        url="https://x.example/j",
        crawled_at=CRAWL_TIME,
        is_ats_host=is_ats_host,
    )
    assert result.postings[0]["company"] == "Acme"


def test_listing_of_teasers_with_their_own_pages_is_skipped():
    teasers = [JOB | {"url": f"https://x.example/jobs/{n}"} for n in range(3)]
    result = parse_page(
        _page(json.dumps({"@type": "ItemList", "itemListElement": teasers})),
        url="https://x.example/jobs/",
        crawled_at=CRAWL_TIME,
        is_ats_host=is_ats_host,
    )
    assert (result.skip, result.postings) == ("listing", [])


# --- repairs -----------------------------------------------------------------------------------

WELL_FORMED = json.dumps(
    {
        "@type": "JobPosting",
        "title": "Cook",
        "description": "<p>Line one\nline\ttwo</p>",
        "jobLocation": [{"address": {"addressLocality": "Bern"}}],
    },
    indent=2,
)


@pytest.mark.parametrize(
    ("repair", "repairs"),
    [
        ("trailing_commas", ["trailing_commas"]),
        ("control_characters", ["control_characters"]),
        ("comment", ["comment"]),
        ("html_escaped", ["html_escaped"]),
    ],
)
def test_broken_json_is_repaired_to_the_same_value(repair, repairs):
    broken = break_json(WELL_FORMED, repair)
    with pytest.raises(ValueError):
        json.loads(broken)
    assert parse_json_ld(broken) == (json.loads(WELL_FORMED), repairs)


def test_cdata_wrapper_is_removed():
    assert parse_json_ld('//<![CDATA[\n{"a": 1}\n//]]>') == ({"a": 1}, ["comment"])


def test_trailing_comma_inside_a_string_is_kept():
    assert parse_json_ld('{"a": "x,]", "b": [1,],}') == (
        {"a": "x,]", "b": [1]},
        ["trailing_commas"],
    )


def test_unrepairable_json_is_an_error():
    with pytest.raises(ValueError, match="unreadable JSON-LD"):
        parse_json_ld('{"a": 1 "b": 2}')


@pytest.mark.parametrize(
    ("path", "repair"),
    [
        ("/stellen/senior-backend-entwickler-4711", "trailing_commas"),
        ("/stellen/elektroniker-betriebstechnik-4712", "control_characters"),
        ("/stellen/ingenieur-qualite-fournisseurs-4713", "comment"),
        ("/stellen/data-engineer-remote-4714", "html_escaped"),
    ],
)
def test_world_page_with_broken_json_ld_is_repaired(path, repair):
    result = _parse(FALKENSTEIN + path)
    assert repair in result.repairs and result.postings and not result.problems


# --- mapping, on small postings ----------------------------------------------------------------

FACTS = Facts("https://x.example/jobs/1", "en", None)


def _fields(job: dict) -> dict:
    return posting_fields(job, page_url=FACTS.canonical, crawled_at=CRAWL_TIME, page=FACTS)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (
            {
                "currency": "EUR",
                "value": {"minValue": 50000, "maxValue": 60000, "unitText": "YEAR"},
            },
            {"min": 50000, "max": 60000, "currency": "EUR", "period": "year"},
        ),
        (
            {"currency": "GBP", "value": {"value": "25.50", "unitText": "HOUR"}},
            {"min": 25.5, "max": 25.5, "currency": "GBP", "period": "hour"},
        ),
        (
            {"currency": "USD", "value": {"minValue": 90000, "unitText": "YEAR"}},
            {"min": 90000, "max": None, "currency": "USD", "period": "year"},
        ),
        (
            {"currency": "USD", "value": 4000, "unitText": "MONTH"},
            {"min": 4000, "max": 4000, "currency": "USD", "period": "month"},
        ),
        ({"currency": "USD", "value": {"value": "competitive"}}, None),
    ],
)
def test_base_salary_shapes(base, expected):
    assert salary({"baseSalary": base})[1] == expected


def test_unparsable_salary_keeps_the_raw_text_for_the_pipeline():
    assert salary({"baseSalary": {"value": {"value": "competitive"}}}) == ("competitive", None)


def test_hiring_organization_as_a_string_and_identifier_as_a_number():
    fields = _fields({"title": "A", "hiringOrganization": "Acme", "identifier": 42})
    assert (fields["company"], fields["source_id"]) == ("Acme", "42")


def test_several_places_are_joined():
    fields = _fields(
        {
            "title": "A",
            "jobLocation": [
                {"@type": "Place", "address": {"addressLocality": "Paris", "addressCountry": "FR"}},
                {"@type": "Place", "address": "Berlin"},
            ],
        }
    )
    # The address is read field by field; the place given as words is left to the pipeline.
    assert (fields["location_raw"], fields["locations"]) == (
        "Paris, FR / Berlin",
        [{"city": "Paris", "region": None, "country": "FR"}, {"text": "Berlin"}],
    )


def test_url_on_another_host_is_the_original():
    fields = _fields({"title": "A", "url": "https://jobs.lever.co/acme/1?lever-source=x"})
    assert (fields["url"], fields["original_url"]) == (
        FACTS.canonical,
        "https://jobs.lever.co/acme/1",
    )


def test_entity_escaped_description_is_unescaped_once():
    assert (
        _fields({"title": "A", "description": "&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;"})[
            "description_html"
        ]
        == "<p>Hi &amp; bye</p>"
    )


# --- the quality gate --------------------------------------------------------------------------

NON_JOB = [
    (f"{FALKENSTEIN}/stellen/", "listing"),
    (f"{FALKENSTEIN}/karriere/blog/ausbildung-bei-falkenstein", "blog_post"),
    (f"{FALKENSTEIN}/stellen/lagerist-2019-0815", "soft_404"),
    (f"{MAPLEWOOD}/jobs/", "listing"),
    (f"{MAPLEWOOD}/jobs/stories/a-day-in-the-lab", "blog_post"),
    (f"{MAPLEWOOD}/jobs/expired-1999", "soft_404"),
    (f"{MAPLEWOOD}/jobs/internal/staff-nurse-ward-7", "login_wall"),
    (f"{SONNENHOF}/karriere/", "listing"),
    (f"{SONNENHOF}/karriere/blog/sommer-am-see", "blog_post"),
    (f"{SONNENHOF}/karriere/stelle-rezeption-2020", "soft_404"),
    (f"{TIDEWATER}/jobs", "listing"),
    (f"{TIDEWATER}/blog/life-at-tidewater", "blog_post"),
    (f"{TIDEWATER}/jobs/dock-supervisor-2018", "soft_404"),
    (f"{TIDEWATER}/jobs/team-lead-internal", "login_wall"),
    (f"{TIDEWATER}/about", "not_a_job"),
    (f"{TIDEWATER}/", "too_short"),
]


@pytest.mark.parametrize(("url", "reason"), NON_JOB)
def test_quality_gate_skips_the_page(url, reason):
    result = _parse(url)
    assert (result.skip, result.postings) == (reason, [])


def test_every_recorded_posting_page_passes_the_gate():
    urls = [page_url(r) for r in shipped_records("jobposting")]
    assert len(urls) >= 20
    assert [u for u in urls if _parse(u).skip] == []


# --- URLs and options --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/jobs/123", True),
        ("https://x.example/job/backend", True),
        ("https://x.example/careers/backend-engineer", True),
        ("https://x.example/karriere/koch", True),
        ("https://x.example/offres/dev-123", True),
        ("https://x.example/stellenangebote/1", True),
        ("https://x.example/vacancies/7", True),
        ("https://x.example/blog-post", False),
        ("https://x.example/about", False),
        ("https://x.example/jobsearch-tips", False),
    ],
)
def test_default_job_url_patterns(url, expected):
    assert url_matcher()(url) is expected


@pytest.mark.parametrize(
    ("parse", "value", "message"),
    [
        (parse_urls, "ftp://x.example/a", "is not an http"),
        (parse_domains, "not a domain", "is not a domain"),
        (parse_patterns, "([", "bad regular expression"),
        (whole_number("max_depth", 0, MAX_DEPTH), "11", "from 0 to 10"),
        (whole_number("max_depth", 0, MAX_DEPTH), "two", "from 0 to 10"),
    ],
)
def test_bad_option_is_a_clear_error(parse, value, message):
    with pytest.raises(ValueError, match=message):
        parse(value)


def test_options_accept_lists_from_the_sources_file():
    assert parse_domains(["A.example", " b.example "]) == ("a.example", "b.example")


def test_spider_options_are_typed():
    spider = JobPostingSpider(domains="a.example,b.example", max_depth="3")
    assert (spider.domains, spider.max_depth, spider.start_urls) == (
        ("a.example", "b.example"),
        3,
        (),
    )


def test_a_bad_argument_stops_the_spider_at_start():
    with pytest.raises(
        ValueError, match=r"^jobposting: max_depth='99' is not a whole number from 0 to 10"
    ):
        spider_for("jobposting", max_depth="99")


def test_spider_has_no_boards():
    with pytest.raises(ValueError, match="has no boards"):
        JobPostingSpider(boards="x")
