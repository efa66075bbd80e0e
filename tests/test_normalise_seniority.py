import pytest

from scrapers.normalise.seniority import normalise_seniority


@pytest.mark.parametrize(
    ("title", "raw", "expected"),
    [
        # seeds
        ("Sr. Software Engineer, Backend", "Mid Level", "senior"),
        ("Backend Engineer", "Mid-Level", "mid"),
        ("Backend Engineer", None, None),
        # the title's own signal
        ("Senior Backend Engineer", None, "senior"),
        ("Sr Data Engineer", None, "senior"),
        ("Lead Engineer", "Mid Level", "lead"),
        ("Tech Lead, Payments", None, "lead"),
        ("Staff Software Engineer", "senior", "lead"),
        ("Staff Machine Learning Engineer", None, "lead"),
        ("Senior Staff Engineer", None, "lead"),
        ("Principal Engineer", None, "principal"),
        ("Junior Developer", "senior", "junior"),
        ("Jr. Frontend Developer", None, "junior"),
        ("Software Engineering Intern", None, "intern"),
        ("Stage - Développeur Backend", None, "intern"),
        ("Head of Engineering", None, "director"),
        ("Director of Data", None, "director"),
        ("VP Engineering", None, "executive"),
        ("Chief Technology Officer", None, "executive"),
        ("CTO", None, "executive"),
        ("Engineering Manager", "senior", "manager"),
        ("Senior Engineering Manager", None, "manager"),
        ("Manager, Software Engineering", None, "manager"),
        # no signal in the title: the widget decides
        ("Product Manager", "senior", "senior"),
        ("Staff Accountant", None, None),
        ("Lead Generation Specialist", None, None),
        ("Early-stage Startup Engineer", None, None),
        ("International Sales", None, None),
        # widget values
        (None, "Mid-Level", "mid"),
        (None, "Mid Level", "mid"),
        (None, "mid_level", "mid"),
        (None, "Career Level Mid Level", "mid"),
        (None, "entry_level", "junior"),
        (None, "3_TO_4_YEARS", "mid"),
        (None, "LESS_THAN_6_MONTHS", "junior"),
        (None, "6_MONTHS_TO_1_YEAR", "junior"),
        (None, "5_TO_10_YEARS", "senior"),
        (None, "MORE_THAN_10_YEARS", "senior"),
        (None, "5+ years", "senior"),
        (None, "senior", "senior"),
        (None, "Director", "director"),
        (None, "C-Level", "executive"),
    ],
)
def test_normalise_seniority(title: str | None, raw: str | None, expected: str | None) -> None:
    assert normalise_seniority(title, raw) == expected


@pytest.mark.parametrize(
    ("title", "raw"),
    [(None, None), ("", ""), ("Engineer", "Mid-Senior level"), (None, "Associate"), (None, "xyz")],
)
def test_normalise_seniority_unknown(title: str | None, raw: str | None) -> None:
    assert normalise_seniority(title, raw) is None


@pytest.mark.parametrize(
    ("title", "raw", "body", "expected"),
    [
        # the body is the weakest signal
        ("Backend Engineer", None, "You have 3 to 5 years of experience.", "mid"),
        ("Backend Engineer", None, "5+ years of professional experience", "senior"),
        ("Backend Engineer", None, "1-2 years experience with Python", "junior"),
        ("Entwickler", None, "mindestens 5 Jahre Berufserfahrung", "senior"),
        ("Développeur", None, "3 ans d'expérience minimum", "mid"),
        ("Desarrollador", None, "Experiencia de al menos 2 años", "mid"),
        ("Desenvolvedor", None, "2 anos de experiência", "mid"),
        ("Ontwikkelaar", None, "3 jaar werkervaring", "mid"),
        ("Sviluppatore", None, "almeno 4 anni di esperienza", "mid"),
        ("エンジニア", None, "経験3年以上", "mid"),
        ("Utvecklare", None, "5 års erfarenhet", "senior"),
        # stronger signals win
        ("Junior Engineer", None, "5+ years of experience", "junior"),
        ("Engineer", "Mid-Level", "8 years of experience", "mid"),
        # not a requirement
        ("Engineer", None, "We have 20 years of experience in retail", None),
        ("Engineer", None, "Founded 3 years ago", None),
        # title signals in other languages
        ("Stagiaire Data", None, None, "intern"),
        ("Alternant développeur", None, None, "intern"),
        ("Développeur Confirmé", None, None, "mid"),
        ("Werkstudent Software", None, None, "intern"),
        ("Praktikant Marketing", None, None, "intern"),
    ],
)
def test_normalise_seniority_with_body(
    title: str, raw: str | None, body: str | None, expected: str | None
) -> None:
    assert normalise_seniority(title, raw, body) == expected
