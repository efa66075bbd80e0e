import pytest

from scrapers.normalise.employment import normalise_employment_type


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # full time, however it is written
        ("Full-time", "FULL_TIME"),
        ("Full Time", "FULL_TIME"),
        ("FullTime", "FULL_TIME"),
        ("full_time", "FULL_TIME"),
        ("FULL_TIME", "FULL_TIME"),
        ("CDI", "FULL_TIME"),
        ("Permanent", "FULL_TIME"),
        ("Vollzeit", "FULL_TIME"),
        ("Temps plein", "FULL_TIME"),
        ("Tiempo completo", "FULL_TIME"),
        ("Full-time - Permanent", "FULL_TIME"),
        ("CDI - Temps plein", "FULL_TIME"),
        ("Job Type Full-time", "FULL_TIME"),
        # part time
        ("Part-time", "PART_TIME"),
        ("PartTime", "PART_TIME"),
        ("Teilzeit", "PART_TIME"),
        ("Temps partiel", "PART_TIME"),
        ("Werkstudent", "PART_TIME"),
        # contract
        ("Freelance", "CONTRACTOR"),
        ("Contract", "CONTRACTOR"),
        ("Contractor", "CONTRACTOR"),
        ("Contract (6 months)", "CONTRACTOR"),
        ("FREELANCE", "CONTRACTOR"),
        # temporary
        ("CDD", "TEMPORARY"),
        ("Temporary", "TEMPORARY"),
        ("Fixed-term", "TEMPORARY"),
        ("Befristet", "TEMPORARY"),
        ("Full-time, Temporary", "TEMPORARY"),
        # internships and apprenticeships
        ("Stage", "INTERN"),
        ("Internship", "INTERN"),
        ("INTERNSHIP", "INTERN"),
        ("Praktikum", "INTERN"),
        ("Alternance", "INTERN"),
        ("apprenticeship", "INTERN"),
        ("APPRENTICESHIP", "INTERN"),
        ("Stagiaire - 6 mois", "INTERN"),
        ("Full-time Internship", "INTERN"),
        # the rest of schema.org
        ("Volunteer", "VOLUNTEER"),
        ("Per diem", "PER_DIEM"),
        ("OTHER", "OTHER"),
    ],
)
def test_normalise_employment_type(raw: str, expected: str) -> None:
    assert normalise_employment_type(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "N/A", "Engineering", "Flexible hours", "-"])
def test_normalise_employment_type_unknown(raw: str | None) -> None:
    assert normalise_employment_type(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "permanent, full-or-part-time",
        "Full or part time",
        "Vollzeit oder Teilzeit",
        "Full-time/Part-time",
    ],
)
def test_either_hours_is_unknown(raw: str) -> None:
    assert normalise_employment_type(raw) is None


def test_either_hours_with_a_contract_type_takes_the_contract() -> None:
    assert normalise_employment_type("Internship, full-or-part-time") == "INTERN"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # de
        ("Minijob", "PART_TIME"),
        ("Werkstudent", "PART_TIME"),
        ("Vollzeit", "FULL_TIME"),
        # pt
        ("Tempo integral", "FULL_TIME"),
        # pl
        ("Pełny etat", "FULL_TIME"),
        ("Część etatu", "PART_TIME"),
        ("Umowa zlecenie", "CONTRACTOR"),
        ("Praca tymczasowa", "TEMPORARY"),
        ("Staż", "INTERN"),
        # sv
        ("Heltid", "FULL_TIME"),
        ("Deltid", "PART_TIME"),
        ("Visstidsanställning", "TEMPORARY"),
        ("Tillsvidareanställning", "FULL_TIME"),
        # ja
        ("正社員", "FULL_TIME"),
        ("契約社員", "TEMPORARY"),
        ("派遣社員", "TEMPORARY"),
        ("アルバイト", "PART_TIME"),
        ("業務委託", "CONTRACTOR"),
        ("インターン", "INTERN"),
        # a contract that says nothing about hours or term is no guess
        ("Umowa o pracę", None),
    ],
)
def test_normalise_employment_type_more_languages(raw: str, expected: str | None) -> None:
    assert normalise_employment_type(raw) == expected
