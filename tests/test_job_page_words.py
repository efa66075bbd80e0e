"""A career site's job page is told in its own language: its path and its apply control."""

from __future__ import annotations

import pytest

from scrapers.extractors.jobposting import PageResult, parse_page, url_matcher

BODY = "Wir suchen Verstärkung für unser Lager. " * 12


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.se/jobb/lagerarbetare-orebro",
        "https://kariera.example.cz/kariera/skladnik-31",
        "https://example.pl/praca/magazynier-12",
        "https://www.example.it/lavora-con-noi/magazziniere",
        "https://www.example.no/ledige-stillinger/lagermedarbeider",
        "https://example.fi/avoimet-tyopaikat/varastotyontekija",
        "https://www.example.pt/carreiras/operador-armazem",
    ],
)
def test_job_paths_in_many_languages(url: str) -> None:
    assert url_matcher()(url)


@pytest.mark.parametrize("url", ["https://example.se/om-oss", "https://example.cz/kontakt"])
def test_other_pages_are_not_job_paths(url: str) -> None:
    assert not url_matcher()(url)


def _page(button: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>Lagerarbetare | Björkvik</title></head>'
        "<body><main>"
        f"<h1>Lagerarbetare</h1><p>{BODY}</p><a href='/x'>{button}</a></main></body></html>"
    ).encode()


def _parse(page: bytes) -> PageResult:
    return parse_page(
        page,
        url="https://example.org/om-oss/lager",
        crawled_at="2026-11-22T03:00:00Z",
        is_ats_host=lambda host: False,
    )


@pytest.mark.parametrize("button", ["Ansök nu", "今すぐ応募", "Hemen başvur", "Mám zájem"])
def test_an_apply_control_in_any_language_makes_a_job_page(button: str) -> None:
    result = parse_page(
        _page(button),
        url="https://example.org/om-oss/lager",
        crawled_at="2026-11-22T03:00:00Z",
        is_ats_host=lambda host: False,
    )
    assert result.skip is None and result.postings


def test_a_page_without_apply_control_off_job_paths_is_not_a_job() -> None:
    result = parse_page(
        _page("Läs mer"),
        url="https://example.org/om-oss/lager",
        crawled_at="2026-11-22T03:00:00Z",
        is_ats_host=lambda host: False,
    )
    assert result.skip == "not_a_job"
