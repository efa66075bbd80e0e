"""Equal-opportunity statements as employers write them, and requirements that only mention
accommodation: the first are stripped as ``eeo`` in every language the rules cover, the second
stay in the body (a requirement is never an equal-opportunity statement)."""

from __future__ import annotations

import pytest

from scrapers.boilerplate import strip_boilerplate

_DUTIES = (
    "<p>You will plan the weekly delivery routes for our regional warehouse and keep the "
    "drivers' schedules up to date.</p>"
)


def _removed_eeo(paragraph: str) -> list[str]:
    html = f"<h2>Your role</h2>{_DUTIES}<p>{paragraph}</p>"
    stripped = strip_boilerplate(html=html, title="Route planner", company="Northwind")
    return [entry["text"] for entry in stripped.boilerplate if entry["category"] == "eeo"]


@pytest.mark.parametrize(
    "statement",
    [
        # en
        "Northwind is an equal opportunity employer committed to hiring people with diverse "
        "backgrounds and experiences.",
        "Northwind is an equal opportunity employer committed to building a team that reflects "
        "the communities we serve.",
        "We are an equal-opportunity employer and value diversity at our company.",
        "Northwind is proud to be an equal opportunity workplace.",
        # The statement and why diversity matters, in one paragraph: the second sentence is the
        # longer one, so it must count as part of the statement.
        "Northwind is an equal opportunity employer committed to hiring people with diverse "
        "backgrounds. We believe that diversity, different life paths and many cultures make our "
        "work more creative and our decisions better for everyone we serve.",
        "Reasonable accommodations may be made to enable individuals with disabilities to perform "
        "the essential functions of the role.",
        "Should you need an accommodation during the interview process, please tell us.",
        # fr
        "Northwind est un employeur qui garantit l'égalité des chances et s'engage à recruter "
        "des personnes aux parcours variés.",
        "Northwind est un employeur qui garantit l'égalité des chances. Nous sommes convaincus "
        "que la diversité des parcours et des cultures rend nos équipes plus créatives et plus "
        "justes.",
        "Northwind est un employeur engagé pour l'égalité des chances, attaché à recruter des "
        "profils divers.",
        # de
        "Northwind ist ein Arbeitgeber, der Chancengleichheit fördert und sich verpflichtet, "
        "Menschen mit unterschiedlichen Hintergründen einzustellen.",
        "Wir sind ein Arbeitgeber, der Chancengleichheit bietet, und freuen uns über "
        "Bewerbungen von Menschen mit vielfältigen Hintergründen.",
        "Northwind ist ein Arbeitgeber, der Chancengleichheit bietet. Wir sind davon überzeugt, "
        "dass Vielfalt an Lebenswegen und Kulturen unsere Teams kreativer und besser macht.",
        # es
        "Northwind es un empleador que ofrece igualdad de oportunidades y está comprometido con "
        "la contratación de personas de orígenes diversos.",
        "Somos una empresa que promueve la igualdad de oportunidades en el empleo.",
        "Northwind ofrece igualdad de oportunidades. Creemos que la diversidad de trayectorias y "
        "culturas hace a nuestros equipos más creativos y nuestras decisiones más justas.",
        # nl
        "Northwind is een werkgever die gelijke kansen biedt en zet zich in om mensen met "
        "uiteenlopende achtergronden aan te nemen.",
        "Wij zijn een werkgever met gelijke kansen voor iedereen.",
        "Northwind biedt gelijke kansen. Wij geloven dat diversiteit in achtergronden en culturen "
        "onze teams creatiever en onze beslissingen beter maakt.",
    ],
)
def test_an_equal_opportunity_statement_is_stripped(statement: str) -> None:
    assert _removed_eeo(statement) == [statement]


@pytest.mark.parametrize(
    "requirement",
    [
        "Must be physically capable of performing required duties (accommodation will be "
        "provided as required by law).",
        "Able to lift 25 kg and stand for long periods; reasonable accommodations may be made "
        "for individuals with disabilities to perform the essential functions.",
        "Must be able to work outdoors in all weather conditions, with accommodation available "
        "where needed.",
        "Valid driving licence required; accommodation is provided for overnight routes.",
    ],
)
def test_a_requirement_mentioning_accommodation_stays(requirement: str) -> None:
    assert _removed_eeo(requirement) == []
