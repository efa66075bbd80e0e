"""The jobposting extractor: JSON-LD in every shape and its repairs, microdata, RDFa, the page
itself, the quality gate, the schema.org and Google examples field by field, and the options."""

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
from scrapers.world import World
from spiders.jobposting import MAX_DEPTH, JobPostingSpider
from spiders.jobposting import url_patterns as parse_patterns
from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD
from world.builder import world_records
from world.builder.jobposting import SITES, break_json, page_url

MAPLEWOOD = SITES["maplewood"].origin
FALKENSTEIN = SITES["falkenstein"].origin
SONNENHOF = SITES["sonnenhof"].origin
TIDEWATER = SITES["tidewater"].origin


def _parse(url: str):
    recording = World(SHIPPED_WORLD).lookup("GET", url)
    assert recording is not None, f"no recording for {url}"
    return parse_page(recording.body, url=url, crawled_at=CRAWL_TIME, is_ats_host=is_ats_host)


def _one(url: str) -> dict:
    result = _parse(url)
    assert result.skip is None and len(result.postings) == 1, (result.skip, result.problems)
    return result.postings[0]


# --- the examples schema.org and Google document ------------------------------------------------

GOOGLE_URL = f"{MAPLEWOOD}/jobs/google-example-software-engineer"
GOOGLE = {
    "url": GOOGLE_URL,
    "source": "jobposting",
    "source_id": "1234567",
    "title": "Software Engineer",
    "company": "Google",
    "location_raw": "Mountain View, CA, US",
    "remote_raw": None,
    "employment_type_raw": "CONTRACTOR",
    "salary_raw": "USD 40 per hour",
    "date_posted_raw": "2017-01-18",
    "description_html": (
        "<p>Google aspires to be an organization that reflects the globally diverse audience "
        "that our products and technology serve. We believe that in addition to hiring the best "
        "talent, a diversity of perspectives, ideas and cultures leads to the creation of better "
        "products and services.</p>"
    ),
    "apply_url": None,
    "original_url": None,
    "page_language": "en",
    "crawled_at": CRAWL_TIME,
    "locations": [{"city": "Mountain View", "region": "CA", "country": "US"}],
    "remote": None,
    "employment_type": "CONTRACTOR",
    "salary": {"min": 40, "max": 40, "currency": "USD", "period": "hour"},
    "date_posted": "2017-01-18",
    "valid_through": "2017-03-18",
}

SCHEMA_ORG_URL = f"{MAPLEWOOD}/jobs/schema-org-example-software-engineer"
SCHEMA_ORG = {
    "url": SCHEMA_ORG_URL,
    "source_id": None,
    "title": "Software Engineer",
    "company": None,  # the example names no hiringOrganization
    "location_raw": "Kirkland, WA",
    "employment_type_raw": "Full-time",
    "employment_type": "FULL_TIME",
    "salary_raw": "USD 100,000",
    # A bare baseSalary with salaryCurrency, and no unit: the period is unknown.
    "salary": {"min": 100000, "max": 100000, "currency": "USD", "period": None},
    "date_posted_raw": "2011-10-31",
    "date_posted": "2011-10-31",
    "valid_through": None,
    "description_html": (
        "Description: ABC Company Inc. seeks a full-time mid-level software engineer to develop "
        "in-house tools."
    ),
    # Kirkland, WA names no country: the pipeline reads location_raw.
    "locations": [],
}


@pytest.mark.parametrize(("field", "expected"), GOOGLE.items())
def test_google_example_field(field, expected):
    assert _one(GOOGLE_URL)[field] == expected


@pytest.mark.parametrize(("field", "expected"), SCHEMA_ORG.items())
def test_schema_org_example_field(field, expected):
    assert _one(SCHEMA_ORG_URL)[field] == expected


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


# --- mapping, one assert per field ---------------------------------------------------------------

BACKEND = {
    "url": f"{FALKENSTEIN}/stellen/senior-backend-entwickler-4711",
    "source_id": "FW-4711",
    "title": "Senior Backend-Entwickler (m/w/d)",
    "company": "Falkenstein Werke",
    "location_raw": "Stuttgart, Baden-Württemberg, DE",
    "locations": [{"city": "Stuttgart", "region": "Baden-Württemberg", "country": "DE"}],
    "employment_type": "FULL_TIME",
    "salary": {"min": 65000, "max": 80000, "currency": "EUR", "period": "year"},
    "salary_raw": "EUR 65,000–80,000 per year",
    "date_posted": "2026-11-12",
    "valid_through": "2026-12-31",
    "apply_url": f"{FALKENSTEIN}/stellen/senior-backend-entwickler-4711",  # directApply
    "page_language": "de",
}
REMOTE = {
    "remote_raw": "TELECOMMUTE",
    "remote": "remote",
    "location_raw": "Germany / Austria",
    "locations": [
        {"city": None, "region": None, "country": "DE"},
        {"city": None, "region": None, "country": "AT"},
    ],
    "original_url": "https://job-boards.greenhouse.io/falkensteinwerke/jobs/4714000",
    "apply_url": "https://job-boards.greenhouse.io/falkensteinwerke/jobs/4714000",
    "page_language": "en",
}
LAB = {
    "company": "Maplewood Health",  # by @id in the @graph
    "employment_type_raw": "FULL_TIME, PART_TIME",
    "employment_type": None,  # two values: the pipeline decides
    "salary": {"min": 28, "max": 34.5, "currency": "USD", "period": "hour"},
    "salary_raw": "USD 28–34.50 per hour",
    "locations": [{"city": "Boston", "region": "MA", "country": "US"}],
}
KOCH = {
    "title": "Koch / Köchin (m/w/d)",
    "company": "Sonnenhof Hotels",
    "source_id": "SH-201",
    "location_raw": "Lindau, Bayern, DE",
    "salary": {"min": 2800, "max": 3300, "currency": "EUR", "period": "month"},
    "date_posted": "2026-11-08",
    "employment_type": "FULL_TIME",
}
HOUSEKEEPING = {
    "title": "Housekeeping Supervisor",
    "source_id": "SH-204",
    "locations": [{"city": "Zürich", "region": None, "country": "CH"}],
    "salary": {"min": 5200, "max": 5200, "currency": "CHF", "period": "month"},
}
FORKLIFT = {
    "url": f"{TIDEWATER}/jobs/forklift-operator-night-shift",
    "source_id": None,
    "title": "Forklift Operator - Night Shift",
    "company": "Tidewater Logistics",
    "location_raw": "Savannah, GA",
    "date_posted_raw": "2026-11-09",
    "page_language": "en",
    "original_url": None,
}


@pytest.mark.parametrize(("field", "expected"), BACKEND.items())
def test_json_ld_field(field, expected):
    assert _one(BACKEND["url"])[field] == expected


@pytest.mark.parametrize(("field", "expected"), REMOTE.items())
def test_telecommute_field(field, expected):
    assert _one(f"{FALKENSTEIN}/stellen/data-engineer-remote-4714")[field] == expected


@pytest.mark.parametrize(("field", "expected"), LAB.items())
def test_graph_field(field, expected):
    assert _one(f"{MAPLEWOOD}/jobs/clinical-laboratory-technician-3101")[field] == expected


@pytest.mark.parametrize(("field", "expected"), KOCH.items())
def test_microdata_field(field, expected):
    assert _one(f"{SONNENHOF}/karriere/koch-201")[field] == expected


@pytest.mark.parametrize(("field", "expected"), HOUSEKEEPING.items())
def test_rdfa_field(field, expected):
    assert _one(f"{SONNENHOF}/karriere/housekeeping-supervisor-204")[field] == expected


@pytest.mark.parametrize(("field", "expected"), FORKLIFT.items())
def test_page_without_structured_data_field(field, expected):
    assert _one(FORKLIFT["url"])[field] == expected


def test_page_without_structured_data_body_is_the_posting_not_the_chrome():
    body = _one(FORKLIFT["url"])["description_html"]
    assert "Operate sit-down and reach forklifts" in body
    assert "Job alerts" not in body and "© 2026" not in body and "<h1" not in body


def test_page_without_structured_data_points_at_the_ats():
    posting = _one(f"{TIDEWATER}/jobs/planificateur-transport-le-havre")
    assert posting["original_url"].startswith("https://jobs.lever.co/tidewater/")


def test_microdata_description_keeps_its_html():
    assert (
        "<li>Warenannahme und Lagerhaltung</li>"
        in _one(f"{SONNENHOF}/karriere/koch-201")["description_html"]
    )


def test_each_syntax_is_read():
    kinds = {
        _parse(url).kind
        for url in (
            BACKEND["url"],
            f"{SONNENHOF}/karriere/koch-201",
            f"{SONNENHOF}/karriere/housekeeping-supervisor-204",
            FORKLIFT["url"],
        )
    }
    assert kinds == {"jsonld", "microdata", "rdfa", "page"}


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
    assert (fields["location_raw"], fields["locations"]) == ("Paris, FR / Berlin", [])


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
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    urls = [page_url(r) for r in records if "jobposting" in r.placements]
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


def test_spider_has_no_boards():
    with pytest.raises(ValueError, match="has no boards"):
        JobPostingSpider(boards="x")
