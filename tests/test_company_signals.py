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


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        pytest.param(
            page(
                '<meta property="og:site_name" content="Mi sitio">'
                "<title>Trabaja con nosotros | Mi sitio</title>",
                '<img alt="" src="/pan.png"><p>Somos un obrador.</p>',
            ),
            "https://rowanpan.wixsite.com/obrador/trabaja-con-nosotros",
            "Rowanpan",
            id="a website builder's default site name",
        ),
        pytest.param(
            page(
                '<meta property="og:site_name" content="My Site">',
                "<footer><p>© 2026 por Obrador Rowan. Creado con Wix.com</p></footer>",
            ),
            "https://rowan.example/jobs/1",
            "Obrador Rowan",
            id="'© year por X' and the builder's credit",
        ),
        pytest.param(
            page(
                body='<div class="footer">Rowan and Pine Joinery Pty Ltd &middot; ABN 41 087'
                " &middot; 7 Collier Rd, Bayswater<br>Site by Perth Web Co.</div>"
            ),
            "https://www.example.com.au/careers.html",
            "Rowan and Pine Joinery Pty Ltd",
            id="the footer's legal-name line, not the agency's",
        ),
        pytest.param(
            page(body="<footer>© 2026 RL – Rowan Lodges, S.A. · NIPC 509 876 543</footer>"),
            "https://carreiras.rlgrupo.pt/vagas/rececionista",
            "Rowan Lodges, S.A.",
            id="an acronym before its full name in the copyright line",
        ),
        pytest.param(
            page(
                "<title>Job Details | Careers</title>",
                "<footer>© 2026 Rowan Infotech Pvt. Ltd. | CIN: U72200PN2009</footer>",
            ),
            "https://jobs.rwninfotech.com/Jobs/Details/118",
            "Rowan Infotech Pvt. Ltd.",
            id="a generic page title is no company",
        ),
        pytest.param(
            page('<meta property="og:site_name" content="Rowan Tech 採用サイト">'),
            "https://jobs.saiyo.example/rowan/positions/1",
            "Rowan Tech",
            id="a career word of an unspaced script",
        ),
        pytest.param(
            page('<meta property="og:site_name" content="Rowan Tech採用情報">'),
            "https://jobs.saiyo.example/rowan/positions/1",
            "Rowan Tech",
            id="a career word glued to the name",
        ),
    ],
)
def test_what_is_no_company_and_where_else_it_stands(html, url, expected):
    assert company(html, url) == expected


def test_a_credit_line_with_a_legal_form_is_not_the_company():
    html = page(body="<footer><p>Website by Pixelforge Ltd</p></footer>")
    assert company(html, "https://www.rowan-labs.co.nz/jobs/1") == "Rowan Labs"


@pytest.mark.parametrize(
    ("label", "name", "expected"),
    [
        ("bkanlagenbau", "Brenner & Kühn Anlagenbau GmbH & Co. KG", True),
        ("wattlepine", "Wattle and Pine Joinery", True),
        ("sunlife", "Sun Life Financial", True),
        ("rowanlabs", "Perth Web Co.", False),
        ("acme", "Acme", False),  # one word: the plain comparison's case
        ("hsrowanberg", "Hogeschool Rowanberg", True),  # a short abbreviation of a word
        ("hxrowanberg", "Hogeschool Rowanberg", False),
    ],
)
def test_a_host_spells_a_name_by_words_and_initials(label, name, expected):
    assert company_signals.spells(label, name) is expected


def test_a_host_spelling_initials_backs_the_full_name():
    html = page(
        "<title>Backend Developer | Tallis Media</title>",
        '<div id="fuss"><p>Brenner &amp; Kühn Anlagenbau GmbH &amp; Co. KG · Gewerbestraße 14</p>'
        "</div>",
    )
    assert company(html, "https://www.bk-anlagenbau.de/karriere/x/") == (
        "Brenner & Kühn Anlagenbau GmbH & Co. KG"
    )


def test_labelled_pages_keep_their_figures():
    """The evaluation set: the tuning part all right, the held-out part as measured when the
    mechanism was written (10 of 13, the two pages the quality gate skips among the misses); the
    fresh parts all right."""
    cases = evaluate()
    tune = [c for c in cases if c.part == "tune"]
    held_out = [c for c in cases if c.part == "heldout"]
    fresh = [c for c in cases if c.part == "fresh"]
    fresh2 = [c for c in cases if c.part == "fresh2"]
    assert sum(c.right for c in tune) == len(tune) == 22
    assert sum(c.right for c in held_out) >= 10
    # 16 of 24 before the credit, placeholder, legal-line, acronym and gate changes.
    assert sum(c.right for c in fresh) >= 24
    # 18 of 24 when measured; 24 after the words, public-body, self-description and gate changes.
    assert sum(c.right for c in fresh2) >= 24
    # 24 of 30 when measured; 30 after the listing gate's menus, the Spanish job board path,
    # names in other scripts, department names and equal-opportunity sentences.
    assert sum(c.right for c in cases if c.part == "fresh3") >= 30
    # 23 of 30 when measured (5 skipped by the gate); 30 after more languages' job paths, the
    # application form, file-name logo alts and a website builder's site title.
    assert sum(c.right for c in cases if c.part == "fresh4") >= 30


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        pytest.param(
            page(
                "<title>Satış Danışmanı | Rowan Moda Kariyer</title>"
                '<meta property="og:site_name" content="Rowan Moda Kariyer">'
            ),
            "https://kariyer.rowanmoda.com.tr/ilan/1",
            "Rowan Moda",
            id="a Turkish career word",
        ),
        pytest.param(
            page(
                '<meta property="og:site_name" content="Tallis Media">',
                '<a href="https://www.rowan.nl/" aria-label="Naar de homepage"><svg></svg></a>',
            ),
            "https://werkenbij.example.nl/vacatures/1",
            "Tallis Media",
            id="the Dutch way home is no name",
        ),
        pytest.param(
            page(body='<div><img src="/assets/logo" alt="Company Logo"></div>'),
            "https://rowanlabs.wd3.myworkdayjobs.com/External/job/1",
            "Rowanlabs",
            id="a career portal's stock alt text",
        ),
        pytest.param(
            page(body='<div class="hdr"><a href="#">Sign In</a></div>'),
            "https://www.rowan-labs.com/jobs/1",
            "Rowan Labs",
            id="a script's button is no link home",
        ),
        pytest.param(
            page(body='<div class="footer"><p>Rekryteringssystem från Tallisrekry AB</p></div>'),
            "https://web1.reachmee.com/ext/I01/job?job_id=3",
            None,
            id="a hosted recruitment system and its credit line",
        ),
    ],
)
def test_words_of_career_sites_in_many_languages(html, url, expected):
    assert company(html, url) == expected


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        ("Rowanby kommun · Storgatan 12 · 574 21 Rowanby", "Rowanby kommun"),
        ("Stadt Rowanfeld | Rathausplatz 1 | 12345 Rowanfeld", "Stadt Rowanfeld"),
        ("City of Rowan Falls · 100 Main St", "City of Rowan Falls"),
        ("Rowanby kommun har som mål att erbjuda alla en god arbetsmiljö", None),
    ],
)
def test_a_public_employers_name_stands_on_a_footer_line(footer, expected):
    html = page(body=f'<div class="footer"><p>{footer}</p></div>')
    assert company(html, "http://10.0.0.1/jobs/1") == expected


@pytest.mark.parametrize(
    ("paragraph", "url", "expected"),
    [
        pytest.param(
            "Rowan Freight Systems is a family of regional carriers serving the Southeast.",
            "https://rowanfreight.wd3.myworkdayjobs.com/External/job/1",
            "Rowan Freight Systems",
            id="the employer says what it is, the host backs it",
        ),
        pytest.param(
            "Rowanby Labs is an Equal Opportunity Employer.",
            "http://10.0.0.1/jobs/1",
            "Rowanby Labs",
            id="the equal-opportunity line",
        ),
        pytest.param(
            "Hogeschool Rowanberg is een middelgrote hogeschool in Oost-Nederland.",
            "https://werkenbij.hs-rowanberg.nl/vacatures/1",
            "Hogeschool Rowanberg",
            id="the host abbreviates a word of it",
        ),
        pytest.param(
            "Our Team is a small group of engineers.",
            "http://10.0.0.1/jobs/1",
            None,
            id="a paragraph about the team names no company",
        ),
        pytest.param(
            "Backend Developer is a role in our platform team.",
            "http://10.0.0.1/jobs/1",
            None,
            id="the role is no company",
        ),
    ],
)
def test_a_paragraph_where_the_employer_says_what_it_is(paragraph, url, expected):
    assert company(page(body=f"<main><p>{paragraph}</p></main>"), url) == expected


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        pytest.param(
            page(
                "<title>דרושים: נהג/ת חלוקה | מאפיית הכרמל</title>"
                '<meta property="og:site_name" content="מאפיית הכרמל">',
                '<a href="/"><img src="/logo.svg" alt="מאפיית הכרמל - לוגו"></a>',
                h1="נהג/ת חלוקה",
            ),
            "https://www.karmelbakery.co.il/careers/driver",
            "מאפיית הכרמל",
            id="Hebrew: site name, title and logo agree, the career and logo words go",
        ),
        pytest.param(
            page(body="<footer><p>מאפיית הכרמל בע״מ · רחוב הזית 14</p></footer>", h1="נהג/ת חלוקה"),
            "http://10.0.0.1/jobs/1",
            "מאפיית הכרמל בע״מ",
            id="Hebrew: a legal line in a script without capitals",
        ),
        pytest.param(
            page(
                "<title>【正社員】設計エンジニア｜採用情報｜ローワン工業株式会社</title>",
                '<a href="/"><img src="/logo.png" alt="株式会社ローワン工業 ロゴ"></a>',
                h1="設計エンジニア",
            ),
            "http://10.0.0.1/recruit/1",
            "株式会社ローワン工業",
            id="Japanese: the legal form written onto the name, before or after it",
        ),
        pytest.param(
            page('<meta property="og:site_name" content="Вакансии — ООО Рябина">'),
            "http://10.0.0.1/jobs/1",
            "ООО Рябина",
            id="Russian: a career word goes",
        ),
    ],
)
def test_names_in_scripts_without_latin_letters(html, url, expected):
    assert company(html, url) == expected


def test_a_name_in_another_script_keeps_its_letters_and_drops_its_legal_form():
    assert company_signals._key("ミナト精工株式会社") == company_signals._key("株式会社ミナト精工")
    assert company_signals._key("מאפיית הגליל בע״מ") == company_signals._key("מאפיית הגליל")
    assert company_signals._key("ООО Рябина") == company_signals._key("Рябина")
    assert company_signals._key("ミナト精工") != company_signals._key("ミナト電機")
    assert company_signals._key("Müller GmbH") == "mueller"


@pytest.mark.parametrize("department", ["Human Resources", "Recursos Humanos", "Personalabteilung"])
def test_the_department_running_the_career_pages_is_not_the_company(department):
    html = page(
        f'<title>Lab Coordinator | {department}</title><meta property="og:site_name" '
        f'content="{department}">',
        '<div class="bar"><a href="https://www.rowanford.edu/"><img src="/wordmark.svg" '
        'alt="Rowanford University"></a></div>'
        "<footer><p>© 2025 Rowanford University</p></footer>",
        h1="Lab Coordinator",
    )
    assert company(html, "https://hr.rowanford.edu/careers/lab-coordinator") == (
        "Rowanford University"
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "We offer medical cover and a learning wallet. Rowanby Systems is an equal "
            "opportunity employer.",
            "Rowanby Systems",
            id="the equal-opportunity sentence closing a paragraph",
        ),
        pytest.param(
            "Nous offrons une mutuelle et du télétravail. Rowan Santé est un employeur inclusif.",
            "Rowan Santé",
            id="in French",
        ),
        pytest.param(
            "You will work for our clients. Tallis Bank is a leading retail bank in the region.",
            None,
            id="a later sentence that is no equal-opportunity statement names no employer",
        ),
    ],
)
def test_an_equal_opportunity_sentence_names_the_employer(paragraph, expected):
    assert company(page(body=f"<main><p>{paragraph}</p></main>"), "http://10.0.0.1/jobs/1") == (
        expected
    )


def test_the_equal_opportunity_sentence_spells_the_name_the_footer_gives_a_legal_form():
    html = page(
        body="<main><p>We offer a learning wallet. Rowanby Systems is an equal opportunity "
        "employer.</p></main><footer><p>© 2025 Rowanby Systems Private Limited. All rights "
        "reserved.</p></footer>"
    )
    assert company(html, "http://10.0.0.1/jobs/1") == "Rowanby Systems"


def test_a_logo_alt_that_is_its_file_name_is_no_name():
    """Builders fill an image's alt text with its file name: the footer's name stands."""
    html = page(
        "<title>Rececionista | Recrutamento</title>",
        '<header><a href="https://www.example-site.com"><img src="/m/l.png"'
        ' alt="Logotipo final horizontal.png"></a></header>'
        "<footer><p>© 2025 Quinta do Rowan</p></footer>",
        h1="Rececionista",
    )
    assert company(html) == "Quinta do Rowan"


def test_a_website_builders_site_title_names_the_company():
    """Squarespace writes the owner's site name into its context script; the brand it gives
    beats the footer's legal entity ("Rowan Studio ApS")."""
    html = page(
        "<title>Junior designer</title>",
        "<footer><p>Rowan Studio ApS · Istedgade 1 · CVR 12 34 56 78</p></footer>"
        '<script>Static.SQUARESPACE_CONTEXT = {"website":{"identifier":"rowan",'
        '"siteTitle":"Rowan Studio","location":{}}};</script>',
        h1="Junior designer",
    )
    assert company(html, "https://www.rowanstudio.dk/job/junior-designer") == "Rowan Studio"


def test_a_builders_site_title_is_read_with_its_escapes_and_without_career_words():
    html = page(
        body='<script>var ctx = {"siteTitle":"Caf\\u00e9 Rowan Careers"};</script>',
    )
    assert company(html, "https://www.example-site.com/jobs/1") == "Café Rowan"
