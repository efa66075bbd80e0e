"""Tests for scrapers.boilerplate: the three seeds of tests/fixtures/seeds and unit cases.

Seed expectations are the product's first acceptance cases, written from the three captured pages
(browser text, chrome included) in tests/fixtures/seeds/seeds.toml: each text capture, given as
`text=` with the seed's extracted fields, must become the employer's clean body, and every line of
the board's chrome must be in `boilerplate` with its category.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from scrapers.boilerplate import CATEGORIES, Stripped, strip_boilerplate
from scrapers.textblocks import Block, blocks_from_html, blocks_from_text
from tests.support.seeds import load_seeds

SEEDS = load_seeds()
NODEGREE, WTTJ, TEAL = "nodegree", "welcometothejungle", "teal"
FARFETCH_BLURB = SEEDS[NODEGREE].page["company_description"]


def seed_fields(source: str) -> dict:
    """What the seed's spider extracts from the page's header, as strip_boilerplate takes it."""
    seed = SEEDS[source]
    return {
        "title": seed.page["title"],
        "company": seed.page["company"],
        "location": seed.page.get("location_raw"),
        "company_description": seed.page.get("company_description"),
        "header_values": seed.header_values,
    }


def seed_text(source: str) -> str:
    return SEEDS[source].text()


@cache
def stripped(source: str) -> Stripped:
    return strip_boilerplate(text=seed_text(source), **seed_fields(source))


def removed(source: str) -> list[tuple[str, str]]:
    return [(e["category"], e["text"]) for e in stripped(source).boilerplate]


def description_lines(source: str) -> list[str]:
    return stripped(source).description.split("\n")


def seed_items_between(source: str, start: str, end: str) -> list[str]:
    """The seed's list items under heading `start`, up to heading `end`."""
    blocks = blocks_from_text(seed_text(source))
    texts = [b.text for b in blocks]
    first = texts.index(start) + 1
    return [b.text for b in blocks[first : texts.index(end, first)] if b.kind == "item"]


def category_of(source: str, text: str) -> list[str]:
    return [c for c, t in removed(source) if t == text]


# ============================================================================================
# Every seed: its body as tests/fixtures/seeds/seeds.toml states it
# ============================================================================================


@pytest.mark.parametrize("source", SEEDS)
def test_seed_description_starts_with_the_employer_text(source: str) -> None:
    assert stripped(source).description.startswith(SEEDS[source].body["start"])


@pytest.mark.parametrize("source", SEEDS)
def test_seed_description_ends_with_the_employer_text(source: str) -> None:
    assert stripped(source).description.endswith(SEEDS[source].body["end"])


# The WTTJ capture draws its one heading as a list item (among its kept lines).
@pytest.mark.parametrize(
    ("source", "heading"),
    [(source, h) for source in (NODEGREE, TEAL) for h in SEEDS[source].body["headings"]],
)
def test_seed_keeps_section_heading(source: str, heading: str) -> None:
    assert heading in description_lines(source)


@pytest.mark.parametrize(
    ("source", "line"), [(source, line) for source in SEEDS for line in SEEDS[source].body["lines"]]
)
def test_seed_keeps_body_line(source: str, line: str) -> None:
    assert line in description_lines(source)


@pytest.mark.parametrize(
    ("source", "start", "end"),
    [(source, *section) for source in SEEDS for section in SEEDS[source].body["sections"]],
)
def test_seed_keeps_every_item_of_kept_sections(source: str, start: str, end: str) -> None:
    lines = description_lines(source)
    assert [f"- {i}" for i in seed_items_between(source, start, end) if f"- {i}" not in lines] == []


@pytest.mark.parametrize(
    ("source", "category", "text"),
    [(source, *line) for source in SEEDS for line in SEEDS[source].removed],
)
def test_seed_boilerplate_line(source: str, category: str, text: str) -> None:
    assert (category, text) in removed(source)


# ============================================================================================
# NoDegree
# ============================================================================================


def test_nodegree_trailing_sidebar_is_one_repeated_block_run() -> None:
    assert [t for c, t in removed(NODEGREE) if c == "repeated_block"] == [
        "Backend Engineer",
        "Porto, Portugal",
        "Engineering",
        "About Farfetch",
        FARFETCH_BLURB,
    ]


@pytest.mark.parametrize(
    "text", ["Porto, Portugal", "Mid-Level", "2 weeks ago", "Farfetch", FARFETCH_BLURB]
)
def test_nodegree_header_lines_leave_body(text: str) -> None:
    assert text not in description_lines(NODEGREE)


def test_nodegree_header_lines_come_before_body_in_boilerplate() -> None:
    assert removed(NODEGREE)[:10] == [
        ("navigation", "View All Jobs 141313"),
        ("ui_chrome", "Backend Engineer"),
        (
            "board_summary",
            "Develop scalable backend services to support luxury fashion marketplace operations",
        ),
        ("ui_chrome", "Porto, Portugal"),
        ("meta_widget", "Mid-Level"),
        ("meta_widget", "2 weeks ago"),
        ("ui_chrome", "Farfetch"),
        ("ui_chrome", "Farfetch"),
        ("ui_chrome", FARFETCH_BLURB),
        ("ui_chrome", "Backend Engineer"),
    ]


@pytest.mark.parametrize("fragment", ["Equal Opportunities", "Scam", "Show Original", "FARFETCH"])
def test_nodegree_removed_text_absent_from_description(fragment: str) -> None:
    assert fragment not in stripped(NODEGREE).description


# ============================================================================================
# Welcome to the Jungle
# ============================================================================================


def test_wttj_empty_line_runs_collapse() -> None:
    assert "\n\n\n" not in stripped(WTTJ).description


def test_wttj_repeated_company_lines_removed() -> None:
    assert category_of(WTTJ, "Back Market") == ["ui_chrome", "ui_chrome"]


def test_wttj_title_line_removed() -> None:
    assert category_of(WTTJ, "Backend Engineer") == ["ui_chrome"]


# ============================================================================================
# Teal
# ============================================================================================


@pytest.mark.parametrize("link", ["Privacy Policy", "Terms of Service"])
def test_teal_footer_links_removed(link: str) -> None:
    # The capture glues the two links into one line, "Privacy PolicyTerms of Service".
    assert any(c == "footer" and link in t for c, t in removed(TEAL))


# ============================================================================================
# All seeds
# ============================================================================================


@pytest.mark.parametrize("source", SEEDS)
def test_seed_categories_are_the_contracts(source: str) -> None:
    assert {c for c, _ in removed(source)} <= set(CATEGORIES)


@pytest.mark.parametrize("source", SEEDS)
def test_seed_nothing_lost(source: str) -> None:
    kept = [b.text for b in blocks_from_text(stripped(source).description)]
    assert Counter(kept + [t for _, t in removed(source)]) == Counter(
        b.text for b in blocks_from_text(seed_text(source))
    )


@pytest.mark.parametrize("source", SEEDS)
def test_seed_removed_in_document_order(source: str) -> None:
    texts = [b.text for b in blocks_from_text(seed_text(source))]
    positions, cursor = [], 0
    for _, text in removed(source):
        cursor = texts.index(text, cursor)
        positions.append(cursor)
        cursor += 1
    assert positions == sorted(positions)


@pytest.mark.parametrize("source", SEEDS)
def test_seed_is_deterministic(source: str) -> None:
    assert strip_boilerplate(text=seed_text(source), **seed_fields(source)) == stripped(source)


# ============================================================================================
# Statements in several languages
# ============================================================================================

EEO_AND_BENEFITS = {
    "en": (
        "We are an equal opportunity employer. All qualified applicants will receive "
        "consideration for employment without regard to race, color, religion, sex, national "
        "origin, disability or veteran status.",
        "We offer private health insurance, 25 days of paid vacation, a yearly learning budget "
        "and a remote-friendly schedule.",
    ),
    "fr": (
        "Nous sommes un employeur garantissant l'égalité des chances. Toutes les candidatures "
        "sont étudiées sans distinction d'origine, de genre, d'âge, de handicap ou "
        "d'orientation sexuelle.",
        "Nous offrons une mutuelle prise en charge à 100 %, des tickets restaurant, 30 jours de "
        "congés payés et deux jours de télétravail par semaine.",
    ),
    "de": (
        "Wir sind ein Arbeitgeber, der Chancengleichheit lebt. Wir freuen uns über alle "
        "Bewerbungen unabhängig von Geschlecht, Nationalität, ethnischer und sozialer Herkunft, "
        "Religion, Behinderung, Alter sowie sexueller Orientierung und Identität.",
        "Wir bieten dir 30 Urlaubstage, ein Jobticket, flexible Arbeitszeiten und ein "
        "jährliches Weiterbildungsbudget von 1.500 Euro.",
    ),
    "es": (
        "Somos una empresa que promueve la igualdad de oportunidades. Todas las candidaturas "
        "serán consideradas sin distinción de raza, color, religión, sexo, orientación sexual, "
        "edad o discapacidad.",
        "Ofrecemos seguro médico privado, 25 días de vacaciones, horario flexible y un "
        "presupuesto anual para formación.",
    ),
    "pt": (
        "Somos uma empresa comprometida com a diversidade e a igualdade de oportunidades. Todas "
        "as candidaturas serão consideradas sem distinção de raça, cor, religião, gênero, "
        "orientação sexual, idade ou deficiência.",
        "Oferecemos plano de saúde, vale-refeição, 25 dias de férias e horário flexível.",
    ),
    "nl": (
        "Wij zijn een werkgever die gelijke kansen biedt. Wij verwelkomen alle sollicitaties, "
        "ongeacht geslacht, leeftijd, afkomst, religie, seksuele geaardheid of beperking.",
        "Wij bieden een goed salaris, 25 vakantiedagen, een reiskostenvergoeding en een "
        "opleidingsbudget.",
    ),
    "it": (
        "Siamo un'azienda che promuove le pari opportunità. Le candidature saranno valutate "
        "senza distinzione di genere, età, origine, religione, orientamento sessuale o "
        "disabilità.",
        "Offriamo assicurazione sanitaria integrativa, buoni pasto, orario flessibile e 25 "
        "giorni di ferie.",
    ),
}


def _strip_paragraphs(*paragraphs: str) -> Stripped:
    return strip_boilerplate(html="".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.mark.parametrize("lang", sorted(EEO_AND_BENEFITS))
def test_eeo_paragraph_removed(lang: str) -> None:
    eeo, benefits = EEO_AND_BENEFITS[lang]
    assert _strip_paragraphs(benefits, eeo).boilerplate == [{"category": "eeo", "text": eeo}]


@pytest.mark.parametrize("lang", sorted(EEO_AND_BENEFITS))
def test_benefits_paragraph_in_same_language_stays(lang: str) -> None:
    eeo, benefits = EEO_AND_BENEFITS[lang]
    assert _strip_paragraphs(benefits, eeo).description == benefits


def test_passing_mention_of_diversity_stays() -> None:
    text = (
        "You will join a diverse team of engineers and help us grow the diversity of payment "
        "methods we support across Europe."
    )
    assert _strip_paragraphs(text).description == text


def test_eeo_sentence_inside_a_benefits_paragraph_does_not_remove_it() -> None:
    text = (
        "We offer private health insurance, 25 days of paid vacation, a yearly learning budget, "
        "a home-office allowance and a generous parental leave policy for all parents. "
        "We are an equal opportunity employer."
    )
    assert _strip_paragraphs(text).description == text


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (
            "scam_disclaimer",
            "Please note that we will never ask candidates for payment or bank details during "
            "the recruitment process.",
        ),
        (
            "scam_disclaimer",
            "Attention : nous ne vous demanderons jamais de paiement ou de virement au cours du "
            "recrutement.",
        ),
        (
            "privacy_notice",
            "Your personal data will be processed in accordance with our applicant privacy notice.",
        ),
        (
            "privacy_notice",
            "Vos données personnelles sont traitées conformément au RGPD dans le cadre de votre "
            "candidature.",
        ),
        ("cookie", "We use cookies to improve your experience on our website."),
        ("cookie", "Wir verwenden Cookies, um unsere Website zu verbessern."),
    ],
)
def test_statement_paragraph_removed(category: str, text: str) -> None:
    assert _strip_paragraphs(text).boilerplate == [{"category": category, "text": text}]


@pytest.mark.parametrize(
    "text",
    [
        "You will build models that detect fraud and scams on our marketplace.",
        "Experience with GDPR and personal data protection is a plus.",
        "The salary range for this role is $120,000 - $150,000 per year, plus equity.",
        "Applications close on 15 December 2026; please apply before then.",
        "Our recruitment process: a 30-minute call, a technical interview and a team meeting.",
        "Nous accompagnons des personnes en situation de handicap au quotidien.",
    ],
)
def test_employer_content_stays(text: str) -> None:
    assert _strip_paragraphs(text).description == text


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("apply_cta", "Apply now"),
        ("apply_cta", "Postuler"),
        ("apply_cta", "Jetzt bewerben"),
        ("share", "Share this job"),
        ("share", "Partager"),
        ("report_job", "Report this job"),
        ("report_job", "Segnala annuncio"),
        ("navigation", "Back to jobs"),
        ("navigation", "Zurück zur Übersicht"),
        ("sign_in_wall", "Sign in to see more"),
        ("sign_in_wall", "Inicia sesión para ver el salario"),
        ("similar_jobs", "Similar jobs"),
        ("similar_jobs", "Vergelijkbare vacatures"),
        ("footer", "© 2025 Acme Inc. All rights reserved."),
        ("footer", "Mentions légales | Politique de confidentialité"),
        ("cookie", "Accept all cookies"),
        ("upsell", "Upload your CV"),
    ],
)
def test_chrome_line_removed(category: str, text: str) -> None:
    assert _strip_paragraphs("We build tools for small shops across Europe.", text).boilerplate == [
        {"category": category, "text": text}
    ]


# ============================================================================================
# Sections, header and structure
# ============================================================================================


def test_html_section_takes_its_body_until_same_rank_heading() -> None:
    html = (
        "<h2>Benefits</h2><ul><li>Health</li></ul>"
        "<h3>Equal opportunity</h3><p>All welcome.</p><p><b>Details</b></p><p>More.</p>"
        "<h3>How to apply</h3><p>Send a CV by 1 May.</p>"
    )
    assert strip_boilerplate(html=html).description == (
        "Benefits\n\n- Health\n\nHow to apply\n\nSend a CV by 1 May."
    )


def test_widget_heading_without_rows_stays() -> None:
    html = "<h3>Job Summary</h3><p>We are looking for an engineer to build our billing system.</p>"
    assert strip_boilerplate(html=html).description.startswith("Job Summary")


def test_employer_about_section_matching_blurb_stays() -> None:
    blurb = "Acme builds accounting software for small shops."
    html = (
        "<p>You will own our billing service end to end, from design to on-call.</p>"
        f"<h3>About Acme</h3><p>{blurb}</p>"
    )
    result = strip_boilerplate(html=html, company="Acme", company_description=blurb)
    assert result.description.endswith(blurb)


def test_salary_label_paragraph_in_html_body_stays() -> None:
    html = "<p>Salary: $120,000 - $150,000</p><p>You will own our billing service end to end.</p>"
    assert strip_boilerplate(html=html).description.startswith("Salary: $120,000")


def test_header_values_glued_on_one_line_leave_body() -> None:
    text = (
        "Data Engineer\nAcme\n3d€60,000 - €70,000Remote\n\n"
        "We are hiring a data engineer to own our pipelines."
    )
    result = strip_boilerplate(
        text=text,
        title="Data Engineer",
        company="Acme",
        header_values=["3d", "€60,000 - €70,000", "Remote"],
    )
    assert result.description == "We are hiring a data engineer to own our pipelines."


def test_html_nothing_lost() -> None:
    html = (
        "<nav>Back to jobs</nav><h1>Engineer</h1><p>Acme · Berlin</p><p>Build things with us "
        "every day and learn fast.</p><h3>EEO</h3><p>We are an equal opportunity employer.</p>"
        "<footer>© 2025 Acme</footer>"
    )
    result = strip_boilerplate(html=html, title="Engineer", company="Acme", location="Berlin")
    kept = [b.text for b in blocks_from_text(result.description)]
    assert Counter(kept + [e["text"] for e in result.boilerplate]) == Counter(
        b.text for b in blocks_from_html(html)
    )


def test_empty_input() -> None:
    assert strip_boilerplate(text="") == Stripped(description="", boilerplate=[])


def test_html_preferred_over_text() -> None:
    assert (
        strip_boilerplate(html="<p>From HTML.</p>", text="From text.").description == "From HTML."
    )


def test_block_type_is_reexported_shape() -> None:
    assert blocks_from_html("<li>x</li>") == [Block("item", "x")]


def test_french_employer_heading_le_poste_inside_the_body_stays():
    html = (
        "<h3>Qui sommes-nous ?</h3><p>Nous aidons chaque jour des milliers d'entreprises à gérer "
        "leurs opérations avec des outils simples et fiables.</p><h3>Le poste</h3>"
        "<p>Vous rejoindrez une équipe bienveillante qui attache de l'importance à la qualité.</p>"
    )
    assert "Le poste" in strip_boilerplate(html=html).description


# --------------------------------------------------------------------------------------------
# The rule gate: word-prefix triggers may only skip rules that cannot match
# --------------------------------------------------------------------------------------------


def _all_sentences() -> list[str]:
    from evaluation.dataset import load_pages
    from scrapers.boilerplate.statements import SENTENCE_SPLIT_RE
    from scrapers.boilerplate.text import norm

    texts = [p.text for p in load_pages()] + [seed_text(source) for source in SEEDS]
    return [
        sentence
        for text in texts
        for line in text.splitlines()
        if line.strip()
        for sentence in SENTENCE_SPLIT_RE.split(norm(line))
    ]


def test_gated_statement_rules_agree_with_ungated_on_every_known_sentence() -> None:
    from scrapers.boilerplate.statements import BlockRules, sentence_category

    for sentence in _all_sentences():
        gated = sentence_category(sentence, BlockRules.of(sentence))
        assert gated == sentence_category(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "we are an equal opportunity employer.",
        "(equal opportunity employer) all qualified applicants will receive consideration.",
        "beware of jobbetrug: wir verlangen niemals geld.",
        "sin ninguna discriminación por razón de sexo.",
        "l'entreprise garantit l'égalité des chances.",
        "by continuing to browse this site you accept cookies.",
        "we celebrate diversity in all its forms.",
    ],
)
def test_gate_lets_statements_through(sentence: str) -> None:
    from scrapers.boilerplate.statements import BlockRules, sentence_category

    assert sentence_category(sentence, BlockRules.of(sentence)) == sentence_category(sentence)
    assert sentence_category(sentence) is not None


# --------------------------------------------------------------------------------------------
# Repeated blocks across postings (the site's template, learnt as the crawl goes)
# --------------------------------------------------------------------------------------------

APP_PROMO = "Get the JobHunt app for iOS and Android"
TAGLINE = "JobHunt: find work near you"


def _board_posting(company: str, n: int) -> str:
    return (
        f"{TAGLINE}\nPost a job for free\n\n"
        f"{company} is hiring for role number {n}, a position in our growing warehouse team.\n\n"
        "Requirements\n\n"
        f"- Experience number {n} with forklifts and inventory systems\n\n"
        f"{APP_PROMO}\n"
    )


def test_template_memory_learns_after_n_postings_from_two_companies() -> None:
    from scrapers.boilerplate import TemplateMemory, strip_boilerplate

    memory = TemplateMemory(min_postings=3)
    results = []
    for n in range(5):
        stripped = strip_boilerplate(
            text=_board_posting(("Acme", "Globex")[n % 2], n), template=memory.template("board")
        )
        memory.observe("board", ("Acme", "Globex")[n % 2], stripped.edge_keys)
        results.append(stripped)
    # The first three teach, the later ones lose the template lines.
    assert APP_PROMO in results[2].description
    for later in results[3:]:
        assert APP_PROMO not in later.description and TAGLINE not in later.description
        assert {"category": "repeated_block", "text": APP_PROMO} in later.boilerplate
        # A section heading every posting shares, inside the body, is the body's own.
        assert "Requirements" in later.description


def test_template_memory_keeps_one_employers_repeated_content() -> None:
    from scrapers.boilerplate import TemplateMemory, strip_boilerplate

    memory = TemplateMemory(min_postings=2)
    blurb = "Acme makes anvils for coyotes."
    for n in range(4):
        text = f"We need a welder number {n} for the night shift in our Arizona plant.\n\n{blurb}\n"
        stripped = strip_boilerplate(text=text, template=memory.template("acme-ats"))
        memory.observe("acme-ats", "Acme", stripped.edge_keys)
        assert blurb in stripped.description


def test_template_memory_is_per_source() -> None:
    from scrapers.boilerplate import TemplateMemory

    memory = TemplateMemory(min_postings=2)
    for company in ("A", "B"):
        memory.observe("one", company, {"apply on our app"})
    assert "apply on our app" in memory.template("one")
    assert "apply on our app" not in memory.template("two")


def test_template_memory_zero_learns_nothing() -> None:
    """JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS = 0 turns template learning off, as documented."""
    from scrapers.boilerplate import TemplateMemory

    memory = TemplateMemory(min_postings=0)
    for company in ("A", "B", "C", "D", "E", "F"):
        memory.observe("one", company, {"apply on our app"})
    assert memory.template("one") == frozenset()


def test_template_memory_stays_bounded() -> None:
    from scrapers.boilerplate import TemplateMemory

    memory = TemplateMemory(min_postings=2, max_keys=100)
    for n in range(500):
        memory.observe("board", "A", {f"unique line {n}"})
    assert len(memory._seen["board"]) <= 100


def test_boilerplate_pipeline_learns_the_template_with_the_setting() -> None:
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from pipelines.boilerplate import BoilerplatePipeline

    crawler = get_crawler(Spider, {"JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS": 2})
    pipeline = BoilerplatePipeline.from_crawler(crawler)
    items = [
        pipeline.process_item(
            {"source": "board", "company": c, "description": _board_posting(c, n)}
        )
        for n, c in enumerate(("Acme", "Globex", "Initech"))
    ]
    assert APP_PROMO in items[1]["description"]
    assert APP_PROMO not in items[2]["description"]
    # The tagline, its second line and the app promotion.
    assert crawler.stats.get_value("jobsieve/boilerplate/repeated_block") == 3


# --------------------------------------------------------------------------------------------
# Speed-ups that must not change a result
# --------------------------------------------------------------------------------------------


def _evaluation_lines() -> list[str]:
    from evaluation.dataset import load_pages

    texts = [p.text for p in load_pages()] + [seed_text(source) for source in SEEDS]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def test_norm_equals_its_regex_and_translate_form() -> None:
    import re
    import unicodedata

    from scrapers.boilerplate.text import QUOTES, norm

    def reference(text: str) -> str:
        folded = unicodedata.normalize("NFKC", text).translate(QUOTES)
        return re.sub(r"\s+", " ", folded).strip().lower()

    odd = [
        "’‘ʼ`“”„ quotes ’‘ʼ`“”„",
        "ﬁne Ｆｕｌｌ－ｗｉｄｔｈ ① ¨ ´ ǅ ẞ İ ﬀ",  # NFKC changes these, some into spaces
        "\u00a0nbsp\u2002en\u3000ideo\u202fnnbsp\u2028line\x1cfs\x85nel ",
        "ASCII only, `backtick` and  double  spaces\t\n",
        "",
        "   ",
    ]
    for text in odd + _evaluation_lines():
        assert norm(text) == reference(text), text


def test_section_headings_as_one_regex_equal_the_rule_by_rule_loop() -> None:
    from scrapers.boilerplate.block_rules import section_category
    from scrapers.boilerplate.rules import RULES
    from scrapers.boilerplate.text import norm

    def reference(normed: str) -> str | None:
        return next((cat for cat, regex in RULES.sections.items() if regex.match(normed)), None)

    headings = [
        "Equal Opportunity Statement",
        "Similar jobs",
        "What This Job Offers",
        "Protect yourself from scams",
        "Datenschutzhinweise",
        "Benefits",
    ]
    norms = [norm(line) for line in headings + _evaluation_lines()]
    assert any(reference(n) for n in norms)
    for normed in norms:
        assert section_category(normed) == reference(normed), normed


BODY_HTML = (
    "<h3>Backend Engineer</h3><p>Acme · Berlin</p><h3>About the role</h3><p>You will build and "
    "run our billing services with a small, friendly team.</p><ul><li>Go</li><li>SQL</li></ul>"
    "<p><strong>Equal Opportunities</strong></p><p>We are an equal opportunity employer.</p>"
    "<p>Apply now</p><script>track()</script>"
)


@pytest.mark.parametrize(
    "html",
    [
        BODY_HTML,
        "<title>Job</title>" + BODY_HTML,  # the classifier's blocks come from parsel's parse
        "<b>Benefits</b>",
        "   ",
    ],
)
def test_parsed_body_strips_as_its_string(html: str) -> None:
    from scrapers.textblocks import parse_html

    fields = {"title": "Backend Engineer", "company": "Acme", "location": "Berlin"}
    assert strip_boilerplate(html=parse_html(html), **fields) == strip_boilerplate(
        html=html, **fields
    )


def test_boilerplate_pipeline_output_is_the_stripper_output_html_left_as_given() -> None:
    # description_html is sanitised before this stage (SanitisePipeline, tests/test_sanitise.py).
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from pipelines.boilerplate import BoilerplatePipeline

    pipeline = BoilerplatePipeline.from_crawler(get_crawler(Spider))
    item = pipeline.process_item(
        {
            "source": "s",
            "title": "Backend Engineer",
            "company": "Acme",
            "description_html": BODY_HTML,
        }
    )
    expected = strip_boilerplate(html=BODY_HTML, title="Backend Engineer", company="Acme")
    assert item["description_html"] == BODY_HTML
    assert item["description"] == expected.description
    assert item["boilerplate"] == expected.boilerplate
