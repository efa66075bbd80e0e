"""schema.org JobPosting as career sites really write it, and pages holding several postings.

Every page here is written for the test, in the shapes real services serve: property names in
another case or misspelt, ``addressCountry`` in every form, addresses without a country, a salary
whose currency is said elsewhere on the page, dates in machine formats, several JobPostings
without URLs of their own on one page.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from scrapers.extractors.jobposting import PageFacts, parse_page, posting_fields
from scrapers.extractors.page_currency import page_currency, stated_currencies
from scrapers.extractors.structured_data import schema_names
from scrapers.normalise.countries import country_from_stated
from scrapers.urls import canonical_url, posting_url
from scrapers.world import Recording
from tests.support.inprocess import CRAWL_TIME, file_response, run_callback, spider_for
from tests.support.pipelines import ITEM_PIPELINES, pipeline_crawler

PAGE = "https://careers.example.org/jobs/listing"
FACTS = PageFacts(canonical=PAGE, language="en", ats_link=None)


def _page(*blocks: Any, lang: str = "en", head: str = "", body: str = "") -> bytes:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(block)}</script>' for block in blocks
    )
    return (
        f'<html lang="{lang}"><head><title>Jobs</title>{head}{scripts}</head>'
        f"<body><main>{body}</main></body></html>"
    ).encode()


def _parse(body: bytes, url: str = PAGE):
    return parse_page(body, url=url, crawled_at=CRAWL_TIME, is_ats_host=lambda host: False)


def _only(body: bytes, url: str = PAGE) -> dict[str, Any]:
    result = _parse(body, url)
    assert result.skip is None and len(result.postings) == 1, result.skip
    return result.postings[0]


# --- property names in any case, misspellings --------------------------------------------------


def test_pascal_case_keys_are_read_as_schema_org_names() -> None:
    posting = _only(
        _page(
            {
                "@context": "http://schema.org",
                "@type": "JobPosting",
                "Title": "Track Inspector",
                "DatePosted": "2024-02-01T00:00:00",
                "Description": "<p>Inspect the tracks.</p>",
                "HiringOrganization": {"@type": "Organization", "Name": "Northern Rail Co"},
                "JobLocation": {
                    "@type": "Place",
                    "Address": {
                        "AddressLocality": "Winnipeg",
                        "AddressRegion": "Manitoba",
                        "AddressCountry": {"@type": "Country", "Name": "CA"},
                    },
                },
            }
        )
    )
    assert posting["title"] == "Track Inspector"
    assert posting["company"] == "Northern Rail Co"
    assert posting["date_posted"] == "2024-02-01"
    assert posting["description_html"] == "<p>Inspect the tracks.</p>"
    assert posting["locations"] == [{"city": "Winnipeg", "region": "MB", "country": "CA"}]


def test_a_lower_case_type_is_a_job_posting() -> None:
    assert _only(_page({"@type": "jobposting", "title": "Welder"}))["title"] == "Welder"


def test_misspellings_are_read_and_the_right_spelling_wins() -> None:
    named = schema_names(
        {
            "@type": "JobPosting",
            "hiringOrganisation": {"name": "Acme"},
            "validThru": "2024-03-01",
            "datePublished": "2024-01-01",
            "datePosted": "2024-01-02",
            "Title": "Wrong",
            "title": "Right",
            "customField": "kept",
        }
    )
    assert named["hiringOrganization"] == {"name": "Acme"}
    assert named["validThrough"] == "2024-03-01"
    assert named["datePosted"] == "2024-01-02"
    assert named["title"] == "Right"
    assert named["customField"] == "kept"


def test_an_rdfa_property_in_lower_case_gives_the_location() -> None:
    body = (
        b'<html lang="en"><body><div vocab="http://schema.org/" typeof="JobPosting">'
        b'<h1 property="title">Baker</h1>'
        b'<div property="joblocation" typeof="Place"><div property="address" '
        b'typeof="PostalAddress"><span property="addressLocality">Halifax</span>, '
        b'<span property="addressRegion">NS</span></div></div>'
        b"</div></body></html>"
    )
    posting = _only(body)
    assert posting["locations"] == [{"city": "Halifax", "region": "NS", "country": "CA"}]


# --- addressCountry in every form -------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "country"),
    [
        ("us", "US"),
        ("Us", "US"),
        ("GB", "GB"),
        ("uk", "GB"),
        ("USA", "US"),
        ("deu", "DE"),
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("United States of America", "US"),
        ("Canadá", "CA"),
        ({"@type": "Country", "name": "fr"}, "FR"),
        ({"@type": "Country", "name": "Netherlands"}, "NL"),
        ([{"@type": "Country", "name": "ES"}], "ES"),
        ("Narnia", None),
        ("XX", None),
    ],
)
def test_address_country_in_every_form(stated: Any, country: str | None) -> None:
    job = {
        "title": "A",
        "jobLocation": {"address": {"addressLocality": "Somewhere", "addressCountry": stated}},
    }
    fields = posting_fields(job, page_url=PAGE, crawled_at=CRAWL_TIME, page=FACTS)
    assert fields["locations"] == [{"city": "Somewhere", "region": None, "country": country}]


def test_country_from_stated_never_reads_a_word_as_a_country() -> None:
    assert country_from_stated("remote") is None
    assert country_from_stated("") is None


def test_an_address_is_read_field_by_field_never_reparsed() -> None:
    # A locality with a comma would split into two places if the address were flattened.
    job = {
        "title": "A",
        "jobLocation": [
            {"address": {"addressLocality": "Paris, 8e", "addressCountry": "fr"}},
            {"address": {"addressLocality": "Austin", "addressRegion": "Texas"}},
            {"address": {"addressLocality": "Lyon"}},
            {"name": "Head office, Ghent"},
        ],
    }
    fields = posting_fields(job, page_url=PAGE, crawled_at=CRAWL_TIME, page=FACTS)
    assert fields["locations"] == [
        {"city": "Paris, 8e", "region": None, "country": "FR"},
        {"city": "Austin", "region": "TX", "country": "US"},
        {"city": "Lyon", "region": None, "country": "FR"},
        {"text": "Head office, Ghent"},
    ]


# --- the salary's currency from the page --------------------------------------------------------

HOURLY = {"@type": "MonetaryAmount", "value": {"@type": "QuantitativeValue", "value": 30}}


def _salary(*blocks: Any, lang: str = "en", head: str = "") -> dict[str, Any] | None:
    return _parse(_page(*blocks, lang=lang, head=head)).postings[0]["salary"]


def test_currency_on_the_quantitative_value_is_the_salary_s() -> None:
    base = {"@type": "MonetaryAmount", "value": {"value": 30, "currency": "nzd"}}
    assert _salary({"@type": "JobPosting", "title": "A", "baseSalary": base})["currency"] == "NZD"


def test_currency_stated_elsewhere_on_the_page() -> None:
    job = {"@type": "JobPosting", "title": "A", "baseSalary": HOURLY}
    offer = {"@type": "Offer", "price": "10", "priceCurrency": "CHF"}
    assert _salary(job, offer)["currency"] == "CHF"


def test_currency_of_the_places_country() -> None:
    job = {
        "@type": "JobPosting",
        "title": "A",
        "baseSalary": HOURLY,
        "jobLocation": {"address": {"addressLocality": "Calgary", "addressRegion": "AB"}},
    }
    assert _salary(job, lang="en-US")["currency"] == "CAD"


def test_currency_of_the_locale_s_region() -> None:
    job = {"@type": "JobPosting", "title": "A", "baseSalary": HOURLY}
    assert _salary(job, lang="en-AU")["currency"] == "AUD"
    head = '<meta property="og:locale" content="en_GB">'
    assert _salary(job, lang="en", head=head)["currency"] == "GBP"


def test_no_currency_rather_than_a_guess() -> None:
    job = {"@type": "JobPosting", "title": "A", "baseSalary": HOURLY}
    assert _salary(job)["currency"] is None
    # Places in countries paying different currencies: none of them.
    assert page_currency(set(), ["US", "CA"], None) is None
    # Two currencies stated on the page: the posting's country decides.
    assert page_currency({"USD", "EUR"}, ["DE"], None) == "EUR"
    assert stated_currencies([{"salaryCurrency": "usd"}, {"currency": "not a code"}]) == {"USD"}


def test_the_salary_s_own_currency_wins() -> None:
    job = {
        "@type": "JobPosting",
        "title": "A",
        "baseSalary": {"currency": "USD", "value": {"value": 30}},
        "jobLocation": {"address": {"addressLocality": "Toronto", "addressCountry": "CA"}},
    }
    assert _salary(job)["currency"] == "USD"


# --- dates in machine formats, the page's locale ordering numeric dates -------------------------


def test_java_date_to_string_in_microdata() -> None:
    body = (
        b'<html lang="en"><body><div itemscope itemtype="http://schema.org/JobPosting">'
        b'<h1 itemprop="title">Lifeguard</h1>'
        b'<meta itemprop="datePosted" content="Wed Oct 18 00:00:00 UTC 2023">'
        b'<meta itemprop="validThrough" content="Fri Nov 03 23:59:00 EDT 2023">'
        b"</div></body></html>"
    )
    posting = _only(body)
    assert (posting["date_posted"], posting["valid_through"]) == ("2023-10-18", "2023-11-03")


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        ("en-US", "", "2026-03-11"),
        ("en-GB", "", "2026-11-03"),
        ("en", '<meta property="og:locale" content="en_GB">', "2026-11-03"),
        ("en", '<meta property="og:locale" content="fr_FR">', None),
        ("en", "", None),
    ],
)
def test_the_page_s_locale_orders_a_numeric_date(lang: str, head: str, expected: str) -> None:
    job = {"@type": "JobPosting", "title": "A", "datePosted": "03/11/2026"}
    assert _only(_page(job, lang=lang, head=head))["date_posted"] == expected


def test_epoch_milliseconds_as_a_number() -> None:
    job = {"@type": "JobPosting", "title": "A", "datePosted": 1697587200000}
    assert _only(_page(job))["date_posted"] == "2023-10-18"


# --- one page, many postings ------------------------------------------------------------------


def _listing(*jobs: dict[str, Any]) -> bytes:
    return _page(
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "mainEntity": [{"@type": "JobPosting", **job} for job in jobs],
        }
    )


TITLE_ONLY = ({"title": "Welder"}, {"title": "Fitter"}, {"title": "Welder"})


def test_each_posting_of_a_page_has_a_url_of_its_own() -> None:
    urls = [p["url"] for p in _parse(_listing(*TITLE_ONLY)).postings]
    assert urls == [f"{PAGE}#job-welder", f"{PAGE}#job-fitter", f"{PAGE}#job-welder-2"]


def test_the_fragment_is_the_identifier_when_there_is_one() -> None:
    jobs = ({"title": "Welder", "identifier": {"value": "R-17"}}, {"title": "Fitter"})
    urls = [p["url"] for p in _parse(_listing(*jobs)).postings]
    assert urls == [f"{PAGE}#job-r-17", f"{PAGE}#job-fitter"]


def test_the_fragment_stays_when_the_page_s_order_changes() -> None:
    first = {p["title"]: p["url"] for p in _parse(_listing(*TITLE_ONLY[:2])).postings}
    second = {p["title"]: p["url"] for p in _parse(_listing(*reversed(TITLE_ONLY[:2]))).postings}
    assert first == second


def test_a_posting_s_url_or_same_as_is_its_own() -> None:
    jobs = (
        {"title": "Welder", "url": "/jobs/welder-1"},
        {"title": "Fitter", "sameAs": "https://careers.example.org/jobs/fitter-2"},
    )
    result = _parse(_listing(*jobs))
    # Each points at a page of its own: the listing's teasers, followed rather than exported.
    assert result.skip == "listing"


def test_one_posting_keeps_the_page_url() -> None:
    assert _only(_listing({"title": "Welder"}))["url"] == PAGE


def test_a_posting_fragment_survives_canonical_url_and_others_do_not() -> None:
    assert canonical_url(f"{PAGE}#job-welder") == f"{PAGE}#job-welder"
    assert canonical_url(f"{PAGE}#apply") == PAGE
    assert posting_url(f"{PAGE}#top", "Senior Welder (Night)") == f"{PAGE}#job-senior-welder-night"


def test_several_postings_of_a_page_are_all_exported_through_the_spider_and_pipelines() -> None:
    spider = spider_for("jobposting", start_urls=PAGE, max_depth="0")
    response = file_response(
        Recording("GET", PAGE, 200, [("Content-Type", "text/html")], _listing(*TITLE_ONLY)),
        callback=spider.parse_job_page,
        cb_kwargs={"board": "careers.example.org"},
        meta={"jobposting_depth": 0},
    )
    items = run_callback(spider, "parse_job_page", response, board="careers.example.org").items
    crawler = pipeline_crawler("jobposting")
    pipelines = [pipeline.from_crawler(crawler) for pipeline in ITEM_PIPELINES]
    exported = []
    for item in items:
        for pipeline in pipelines:
            item = pipeline.process_item(item)
        exported.append(item)
    assert [item.title for item in exported] == ["Welder", "Fitter", "Welder"]
    assert len({item.id for item in exported}) == 3
    assert len({item.url for item in exported}) == 3
