"""Employment type as a schema.org value (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN,
VOLUNTEER, PER_DIEM, OTHER) or None.

Decisions:
- a value naming several types ("Full-time, Temporary", "Full-time Internship") takes the most
  specific one: INTERN > VOLUNTEER > PER_DIEM > TEMPORARY > CONTRACTOR > PART_TIME > FULL_TIME >
  OTHER. Working hours say less about the job than its contract does.
- French "intérim" and fixed-term contracts (CDD, befristet) are TEMPORARY; apprenticeships and
  work-study (alternance, Ausbildung) are INTERN, as schema.org has no apprentice value.
- German "Werkstudent" (a student employee on reduced hours) is PART_TIME.
- hours offered either way ("full-or-part-time", "Vollzeit oder Teilzeit") are unknown, unless a
  contract type decides: neither FULL_TIME nor PART_TIME would be a fact.
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold

_PRECEDENCE = (
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "TEMPORARY",
    "CONTRACTOR",
    "PART_TIME",
    "FULL_TIME",
    "OTHER",
)

# Folded phrases; spaces stand for any run of spaces, hyphens or underscores, and a phrase may
# also be written glued ("FullTime", "full_time").
_PHRASES: dict[str, tuple[str, ...]] = {
    "FULL_TIME": (
        "full time", "fulltime", "cdi", "permanent", "permanent contract", "regular",
        "vollzeit", "festanstellung", "unbefristet", "temps plein", "temps complet",
        "tiempo completo", "jornada completa", "tempo integral", "tempo inteiro", "voltijd",
        "vaste aanstelling", "tempo pieno", "tempo indeterminato", "indefinido", "efetivo",
        "pełny etat", "heltid", "tillsvidare", "tillsvidareanstallning", "fast anstallning",
        "正社員",
    ),
    "PART_TIME": (
        "part time", "parttime", "teilzeit", "temps partiel", "tiempo parcial", "media jornada",
        "meio periodo", "tempo parcial", "deeltijd", "tempo parziale", "part time job",
        "werkstudent", "werkstudentin", "minijob", "geringfugige beschaftigung",
        "niepełny etat", "czesc etatu", "deltid", "アルバイト", "パート", "パートタイム",
    ),
    "CONTRACTOR": (
        "contract", "contractor", "contracting", "freelance", "freelancer", "independent",
        "independant", "self employed", "consultant", "autonomo", "autonoma", "zzp",
        "libero professionista", "partita iva", "b2b", "prestataire", "portage salarial",
        "umowa zlecenie", "umowa o dzielo", "konsult", "業務委託",
    ),
    "TEMPORARY": (
        "temporary", "temp", "fixed term", "fixed term contract", "seasonal", "cdd", "interim",
        "befristet", "saisonnier", "temporal", "temporario", "tijdelijk", "tempo determinato",
        "contrato temporal", "duree determinee", "vie", "volontariat international",
        "praca tymczasowa", "umowa na czas okreslony", "visstid", "visstidsanstallning",
        "vikariat", "契約社員", "派遣", "派遣社員",
    ),
    "INTERN": (
        "intern", "internship", "stage", "stagiaire", "praktikum", "praktikant", "praktikantin",
        "alternance", "alternant", "apprenticeship", "apprentice", "apprenti", "apprentissage",
        "ausbildung", "trainee", "traineeship", "practicas", "becario", "pasantia", "estagio",
        "estagiario", "stagiair", "tirocinio", "tirocinante", "apprendistato", "work study",
        "contrat de professionnalisation", "graduate program", "graduate programme",
        "staz", "praktyki", "praktykant", "praktik", "インターン", "インターンシップ",
    ),
    "VOLUNTEER": (
        "volunteer", "volunteering", "benevole", "benevolat", "ehrenamt", "ehrenamtlich",
        "voluntariado", "voluntario", "vrijwilliger", "vrijwilligerswerk", "volontariato",
    ),
    "PER_DIEM": ("per diem", "perdiem"),
    "OTHER": ("other", "autre", "autres", "sonstiges", "otro", "outro", "overig", "altro"),
}  # fmt: skip

_JOINERS = re.compile(r"[\s_\-]+")
_EITHER_HOURS = re.compile(
    r"full[\s_-]*(?:time)?[\s_-]*(?:or|/|oder|ou|o|of)[\s_-]*part[\s_-]*time"
    r"|part[\s_-]*(?:time)?[\s_-]*(?:or|/|oder|ou|o|of)[\s_-]*full[\s_-]*time"
    r"|vollzeit[\s_/-]*(?:oder|/)[\s_/-]*teilzeit|teilzeit[\s_/-]*(?:oder|/)[\s_/-]*vollzeit"
    r"|temps plein[\s_/-]*(?:ou|/)[\s_/-]*(?:temps )?partiel"
)


def _phrase_pattern(phrase: str) -> str:
    return r"[\s_\-]*".join(re.escape(word) for word in phrase.split())


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        kind,
        re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(_phrase_pattern(fold(p)) for p in sorted(phrases, key=len, reverse=True))
            + r")(?![a-z0-9])"
        ),
    )
    for kind, phrases in _PHRASES.items()
)
_EXACT: dict[str, str] = {
    _JOINERS.sub("", fold(phrase)): kind for kind, phrases in _PHRASES.items() for phrase in phrases
}


def normalise_employment_type(raw: str | None) -> str | None:
    if not isinstance(raw, str):
        return None
    text = fold(raw)
    if not text:
        return None
    exact = _EXACT.get(_JOINERS.sub("", text))
    if exact is not None:
        return exact
    found = {kind for kind, pattern in _PATTERNS if pattern.search(text)}
    if _EITHER_HOURS.search(text) and not found - {"FULL_TIME", "PART_TIME"}:
        return None
    return next((kind for kind in _PRECEDENCE if kind in found), None)
