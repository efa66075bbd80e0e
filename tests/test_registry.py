"""The source registry: every spider declares who it is, and what others derive from it holds."""

from __future__ import annotations

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from scrapers import registry
from scrapers.registry import PostingKey, Source

# A public posting URL of each source that keys postings, built from its own template, and the
# key clustering must read back from it (with tracking, an apply suffix, upper-case UUIDs).
POSTINGS = {
    "greenhouse": ({"board": "mercari", "id": "8519643002"}, "greenhouse:8519643002"),
    "lever": (
        {"board": "farfetch", "id": "0B5C3D9E-1111-4222-8333-944455556666"},
        "lever:0b5c3d9e-1111-4222-8333-944455556666",
    ),
    "ashby": (
        {"board": "backmarket", "id": "b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3"},
        "ashby:b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3",
    ),
    "workable": ({"board": "kestrel-robotics", "id": "A1B2C3D4E5"}, "workable:A1B2C3D4E5"),
    "smartrecruiters": (
        {"board": "LumenBank", "id": "744000079536114", "slug": "senior-engineer"},
        "smartrecruiters:744000079536114",
    ),
    "recruitee": (
        {"board": "tulpdata", "id": "medior-data-engineer"},
        "recruitee:tulpdata:medior-data-engineer",
    ),
    "personio": ({"board": "falkwerk", "id": "1712345"}, "personio:falkwerk:1712345"),
    "workday": (
        {
            "board": "kestrel",
            "instance": "wd5",
            "site": "Kestrel_Careers",
            "where": "Austin-TX",
            "slug": "Warehouse-Lead",
            "id": "R-1042",
        },
        "workday:kestrel:R-1042",
    ),
    "welcometothejungle": (
        {"lang": "fr", "board": "back-market", "slug": "backend-engineer_bordeaux_BM_p7Yxz"},
        "wttj:BM_p7Yxz",
    ),
}


def test_every_spider_declares_its_source():
    settings = get_project_settings()
    names = set(SpiderLoader.from_settings(settings).list())
    assert set(registry.sources()) == names


def test_the_ats_are_the_employers_own_sources():
    assert registry.ats_names() == {
        "ashby",
        "greenhouse",
        "lever",
        "personio",
        "recruitee",
        "smartrecruiters",
        "workable",
        "workday",
    }


def test_every_keyed_source_is_in_the_round_trip_table():
    keyed = {n for n, s in registry.sources().items() if s.posting_key is not None}
    assert keyed == set(POSTINGS)


@pytest.mark.parametrize("name", sorted(POSTINGS))
def test_a_posting_url_reads_back_as_its_key(name):
    fields, key = POSTINGS[name]
    url = registry.source(name).posting_key.posting_url(**fields)
    assert registry.posting_key(url) == key


@pytest.mark.parametrize("name", sorted(POSTINGS))
def test_tracking_and_apply_suffix_do_not_change_the_key(name):
    fields, key = POSTINGS[name]
    url = registry.source(name).posting_key.posting_url(**fields)
    assert registry.posting_key(f"{url}/apply?utm_source=board&ref=x") == key


def test_an_embedded_greenhouse_job_is_keyed_by_its_query():
    assert registry.posting_key("https://careers.acme.example/jobs?gh_jid=4242") == (
        "greenhouse:4242"
    )


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://careers.acme.example/jobs/4242",
        "https://job-boards.greenhouse.io/mercari",  # the board, not a posting
        "https://notgreenhouse.io/x/jobs/1",
        "http://[bad",
    ],
)
def test_urls_that_name_no_posting_have_no_key(url):
    assert registry.posting_key(url) is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("job-boards.greenhouse.io", True),
        ("jobs.eu.lever.co", True),
        ("acme.jobs.personio.com", True),
        ("acme.teamtailor.com", True),  # an ATS without a spider here
        ("www.welcometothejungle.com", False),  # a board copies postings; it is no ATS
        ("personio.de", False),
        ("careers.acme.example", False),
    ],
)
def test_ats_hosts(host, expected):
    assert registry.is_ats_host(host) is expected


def test_a_spider_crawls_only_its_declared_domains():
    from spiders.greenhouse import GreenhouseSpider

    assert GreenhouseSpider.allowed_domains == list(GreenhouseSpider.source.domains)


def test_a_posting_key_is_declared_with_its_own_pattern():
    key = PostingKey(domains=("example.org",), path=r"/p/(?P<id>\d+)$", key="x:{id}", url="")
    source = Source(kind="ats", posting_key=key)
    assert (source.is_ats, key.of_path("a.example.org", "/p/7"), key.serves("example.org")) == (
        True,
        "x:7",
        True,
    )


NEW_ATS = """
from scrapers.registry import PostingKey, Source
from scrapers.spider import JobSpider


class AcmeAtsSpider(JobSpider):
    name = "acmeats"
    source = Source(
        kind="ats",
        domains=("api.acmeats.example",),
        posting_key=PostingKey(
            domains=("acmeats.example",),
            path=r"/jobs/(?P<id>\\d+)$",
            key="acmeats:{id}",
            url="https://{board}.acmeats.example/jobs/{id}",
        ),
    )
"""


@pytest.fixture
def with_a_new_ats(tmp_path, monkeypatch):
    package = tmp_path / "more_spiders"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "acmeats.py").write_text(NEW_ATS)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "SPIDER_PACKAGES", (*registry.SPIDER_PACKAGES, "more_spiders"))
    registry.forget()
    yield
    registry.forget()


def test_a_new_ats_is_one_spider_module_away(with_a_new_ats):
    """Its declaration alone makes clustering key its postings, the canonical choice prefer it,
    the career-site spider take its links for the employer's and its spider crawl its API."""
    from more_spiders.acmeats import AcmeAtsSpider

    url = "https://widgets.acmeats.example/jobs/77?utm_source=x"
    assert (
        registry.posting_key(url),
        "acmeats" in registry.ats_names(),
        registry.is_ats_host("widgets.acmeats.example"),
        AcmeAtsSpider.allowed_domains,
    ) == ("acmeats:77", True, True, ["api.acmeats.example"])
