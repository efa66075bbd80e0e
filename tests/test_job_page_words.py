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
        "https://www.example.fi/ura/varastotyontekija",
        "https://www.example.mx/bolsa-de-trabajo/cocinero-de-linea",
        "https://www.example.com.co/bolsa-de-empleo/auxiliar-de-bodega",
        "https://www.example.hu/karrier/szakacs/",
        "https://www.example.sk/volne-pracovne-miesta/skladnik",
        "https://www.example.gr/theseis-ergasias/mageiras/",
        "https://www.example.es/empleo-publico/convocatoria-conserje-2025",
        "https://www.example.ac.in/recruitment/assistant-professor-physics",
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


def _mail_page(paragraph: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>Panadero | Björkvik</title></head>'
        f"<body><main><h1>Panadero</h1><p>{BODY}</p><p>{paragraph}</p></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "paragraph",
    [
        "To apply, email your resume to <a href='mailto:jobs@example.org'>jobs@example.org</a>.",
        "Mándanos tu currículum a <a href='mailto:pan@example.org'>pan@example.org</a>.",
        "Ihre Bewerbungsunterlagen per E-Mail an <a href='mailto:hr@example.org'>hr@…</a>",
        "Envie o seu CV para <a href='mailto:rh@example.org'>rh@example.org</a>.",
        "Lähetä hakemuksesi osoitteeseen <a href='mailto:rekry@example.fi'>rekry@example.fi</a>.",
        "Önéletrajzát a <a href='mailto:allas@example.hu'>allas@example.hu</a> címre várjuk.",
        "Στείλτε βιογραφικό στο <a href='mailto:hr@example.gr'>hr@example.gr</a>.",
    ],
)
def test_an_application_by_email_is_an_apply_control(paragraph: str) -> None:
    result = _parse(_mail_page(paragraph))
    assert result.skip is None and result.postings


@pytest.mark.parametrize(
    "link",
    ["Download application form (PDF)", "Anexo II – Modelo de solicitud", "Bewerbungsformular"],
)
def test_a_form_to_send_in_is_an_apply_control(link: str) -> None:
    """Colleges and public employers take applications on a form downloaded from the page."""
    page = _mail_page(f"<a href='/files/form.pdf'>{link}</a>")
    result = _parse(page)
    assert result.skip is None and result.postings


def test_another_download_is_no_apply_control() -> None:
    result = _parse(_mail_page("<a href='/files/brochure.pdf'>Download our brochure (PDF)</a>"))
    assert result.skip == "not_a_job"


def test_a_contact_address_alone_is_no_apply_control() -> None:
    result = _parse(
        _mail_page("Questions? Write to <a href='mailto:info@example.org'>info@example.org</a>.")
    )
    assert result.skip == "not_a_job"


def _posting_with_links(links: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>Data Coordinator</title></head>'
        f"<body><nav>{links}</nav><main><h1>Data Coordinator</h1><p>{BODY}</p>"
        "</main></body></html>"
    ).encode()


def _parse_at(page: bytes, url: str) -> PageResult:
    return parse_page(
        page, url=url, crawled_at="2026-11-22T03:00:00Z", is_ats_host=lambda host: False
    )


def test_a_postings_own_pages_are_no_other_postings() -> None:
    """Its apply form, its print view and the search page: one posting, not a listing."""
    links = (
        "<a href='/postings/search'>Search Postings</a>"
        "<a href='/postings/48213/apply'>Apply for this Job</a>"
        "<a href='/postings/48213/print_preview'>Print Preview</a>"
        "<a href='/jobs/apply/48213'>Apply now</a>"
    )
    result = _parse_at(_posting_with_links(links), "https://jobs.example.edu/postings/48213")
    assert result.skip is None and result.postings


def test_links_to_three_other_postings_still_make_a_listing() -> None:
    links = "".join(f"<a href='/postings/{n}'>Role {n}</a>" for n in (48214, 48215, 48216))
    result = _parse_at(_posting_with_links(links), "https://jobs.example.edu/postings/48213")
    assert result.skip == "listing"


def test_a_listings_links_under_its_own_path_are_other_postings() -> None:
    links = "".join(f"<a href='/careers/role-{n}'>Role {n}</a>" for n in "abc")
    result = _parse_at(_posting_with_links(links), "https://www.example.org/careers/")
    assert result.skip == "listing"


def test_a_career_sites_menu_and_breadcrumb_are_no_other_postings() -> None:
    """The header menu links the career site's sections above the posting, the breadcrumb the
    pages it sits under: one posting, not a listing."""
    page = (
        '<html><head><meta charset="utf-8"><title>Ingénieur méthodes</title></head><body>'
        "<header><nav><a href='/recrutement/metiers/'>Nos métiers</a>"
        "<a href='/recrutement/temoignages/'>Témoignages</a>"
        "<a href='/recrutement/alternance/'>Alternance</a>"
        "<a href='/recrutement/offres/'>Offres</a></nav></header>"
        "<main><p class='crumbs'><a href='/recrutement/'>Recrutement</a> ›"
        " <a href='/recrutement/offres/'>Offres</a></p>"
        f"<h1>Ingénieur méthodes</h1><p>{BODY}</p></main></body></html>"
    ).encode()
    url = "https://www.example.fr/recrutement/offres/ingenieur-methodes.html"
    result = _parse_at(page, url)
    assert result.skip is None and result.postings


def test_a_posting_in_other_languages_is_no_other_posting() -> None:
    """A language switch links the same posting's pages: by its number or a lang attribute."""
    links = (
        "<a href='/fr/emplois/poste.html?id=4120'>FR</a>"
        "<a href='/it/lavoro/posto.html?id=4120'>IT</a>"
        "<a href='/en/jobs/engineer' hreflang='en'>EN</a>"
    )
    url = "https://www.example.ch/de/jobs/stelle.html?id=4120"
    result = _parse_at(_posting_with_links(links), url)
    assert result.skip is None and result.postings


def test_other_postings_in_the_menu_still_make_a_listing() -> None:
    """A menu's links as deep as the page are postings of their own, whatever the menu."""
    links = "".join(f"<a href='/recrutement/offres/role-{n}.html'>Role</a>" for n in "abc")
    url = "https://www.example.fr/recrutement/offres/ingenieur-methodes.html"
    assert _parse_at(_posting_with_links(links), url).skip == "listing"


def test_a_page_laid_out_in_a_table_has_its_body() -> None:
    """A hand-written site of the 2000s: no div, the posting in a table cell beside the menu."""
    page = (
        '<html><head><meta charset="utf-8"><title>Tornitore CNC</title></head><body><table>'
        "<tr><td><a href='index.htm'>Home</a> | <a href='azienda.htm'>Azienda</a></td></tr>"
        f"<tr><td><h1>Tornitore CNC</h1><p>{BODY}</p><ul><li>Turni 6-14</li></ul></td></tr>"
        "</table></body></html>"
    ).encode()
    result = _parse_at(page, "https://www.example.it/lavora-con-noi/tornitore.htm")
    assert result.skip is None and result.postings
    assert BODY.strip()[:40] in result.postings[0]["description_html"]
