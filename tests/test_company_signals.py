"""The company of a career page without structured data (scrapers/extractors/company_signals.py):
each signal on its own, their agreement, the traps (the career software's name, partner badges, a
web agency in the footer), and the labelled pages of evaluation/company.py."""

from __future__ import annotations

import pytest

from evaluation.company import evaluate
from scrapers.extractors import company_signals, main_content


def company(html: str, url: str = "https://www.example-site.com/jobs/role-1") -> str | None:
    doc = main_content.document(html)
    return company_signals.best_company(doc, url, role=main_content.page_title(doc))


def page(head: str = "", body: str = "", h1: str = "Backend Developer") -> str:
    return f"<html><head>{head}</head><body><h1>{h1}</h1>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            page('<meta property="og:site_name" content="Acme Careers">'),
            "Acme",
            id="og:site_name without the career word",
        ),
        pytest.param(
            page("<title>Backend Developer at Rowan Labs</title>"), "Rowan Labs", id="Role at X"
        ),
        pytest.param(
            page("<title>Jobs bei Rowan Labs – Backend Developer (m/w/d)</title>"),
            "Rowan Labs",
            id="Jobs bei X – Role",
        ),
        pytest.param(
            page("<title>Backend Developer | Rowan Labs</title>"), "Rowan Labs", id="Role | X"
        ),
        pytest.param(
            page(body='<header><a href="/"><img src="/l.svg" alt="Rowan Labs logo"></a></header>'),
            "Rowan Labs",
            id="logo alt text",
        ),
        pytest.param(
            page(body="<footer>© 2025 Rowan Labs GmbH. Alle Rechte vorbehalten.</footer>"),
            "Rowan Labs GmbH",
            id="copyright line keeps the legal form when only it names the company",
        ),
        pytest.param(
            page(body="<footer>Rowan Labs AS © 2025</footer>"),
            "Rowan Labs AS",
            id="name before the copyright sign",
        ),
        pytest.param(page(), "Example Site", id="the host as a last resort"),
    ],
)
def test_each_signal_names_the_company(html, expected):
    assert company(html) == expected


def test_the_brand_of_the_header_beats_the_legal_entity_of_the_footer():
    html = page(
        "<title>Backend Developer | Rowan Labs</title>",
        "<footer>© 2025 Rowan Labs GmbH</footer>",
    )
    assert company(html) == "Rowan Labs"


def test_agreeing_signals_beat_a_single_stronger_one():
    html = page(
        '<meta property="og:site_name" content="Tallis Media">',
        '<a href="/"><img alt="Rowan Labs logo" src="/l.png"></a>'
        "<footer>© 2025 Rowan Labs</footer>",
    )
    assert company(html, "https://careers.rowanlabs.io/jobs/1") == "Rowan Labs"


def test_the_career_softwares_name_is_not_the_company():
    html = page(
        '<meta property="og:site_name" content="Personio">'
        "<title>Backend Developer at Rowan Labs</title>"
    )
    assert company(html, "https://rowan-labs.jobs.personio.de/job/1") == "Rowan Labs"


def test_partner_badges_and_a_web_agency_are_not_the_company():
    html = page(
        body='<div><img alt="Great Place to Work" src="a.png"><img alt="Top Employer" src="b.png">'
        "</div><footer>Website by Pixelforge</footer>"
    )
    assert company(html, "https://www.rowan-labs.co.nz/jobs/1") == "Rowan Labs"


def test_a_page_naming_nothing_and_an_ip_host_has_no_company():
    assert company(page(), "http://127.0.0.1:8080/jobs/1") is None


def test_labelled_pages_keep_their_figures():
    """The evaluation set: the tuning part all right, the held-out part as measured when the
    mechanism was written (10 of 13, the two pages the quality gate skips among the misses)."""
    cases = evaluate()
    tune = [c for c in cases if c.part == "tune"]
    held_out = [c for c in cases if c.part == "heldout"]
    assert sum(c.right for c in tune) == len(tune) == 22
    assert sum(c.right for c in held_out) >= 10
