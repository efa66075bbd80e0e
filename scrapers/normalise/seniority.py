"""Seniority: intern | junior | mid | senior | lead | principal | manager | director | executive.

The title's own signal outranks the board's career-level widget: boards fill the widget from
coarse buckets (Teal shows "Mid Level" for "Sr. Software Engineer"), the employer writes the title.

Decisions:
- "Staff" (Staff Engineer, Staff Data Scientist) is "lead": it sits between senior and principal
  on the IC ladder. Only before a technical role word, since "Staff Accountant" is an entry role.
- "Head of" is "director"; VP / Chief / C-level are "executive".
- "manager" means a people manager of a technical team ("Engineering Manager", "Team Manager");
  "Product Manager" or "Account Manager" name a role, not a level, and give no signal.
- Several signals in one title: the highest wins ("Senior Engineering Manager" -> manager,
  "Senior Staff Engineer" -> lead).
- Years of experience (WTTJ `3_TO_4_YEARS`, "5+ years"): under 2 -> junior, 2 to 4 -> mid,
  5 and more -> senior. LinkedIn's "Mid-Senior level" and "Associate" give no signal.
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold

_ROLE_WORDS = (
    r"(?:engineer|engineering|developer|scientist|designer|architect|researcher|analyst|swe|sre"
    r"|devops|programmer|product|data|software|machine|ml|security|backend|frontend|front[\s-]end"
    r"|back[\s-]end|full[\s-]?stack|platform|infrastructure|site|mobile|ios|android|web|cloud"
    r"|systems?|applied|technical|ux|ui|quality|qa|test)"
)
_MANAGED = (
    r"(?:engineering|development|software|team|people|technical|tech|delivery|it|data|qa"
    r"|security|infrastructure|platform|devops|sre|r&d)"
)

# Highest level first: the first pattern that matches the (folded) title wins.
_TITLE_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern))
    for level, pattern in (
        (
            "executive",
            r"\b(?:chief|c[teofipd]o|ciso|vp|svp|evp|vice[\s-]president|vice[\s-]presidente"
            r"|managing director|geschaftsfuhrer(?:in)?|directeur general|directrice generale)\b",
        ),
        (
            "director",
            r"\b(?:head of|director|directrice|directeur|direktor(?:in)?|directora|diretora?"
            r"|direttore|responsabile di|leiter(?:in)? der)\b",
        ),
        (
            "manager",
            rf"\b(?:{_MANAGED}\s+manager|manager,?\s+(?:of\s+)?(?:software\s+)?(?:engineering|development))\b"
            r"|\b(?:engineering|entwicklungs?|team)(?:leiter|leitung)(?:in)?\b",
        ),
        ("principal", r"\b(?:principal|distinguished|fellow)\b"),
        (
            "lead",
            rf"\b(?:staff(?=\s+(?:\S+\s+){{0,2}}{_ROLE_WORDS})|lead(?!\s+gen)|tech lead|team lead"
            r"|teamleiter(?:in)?|leader)\b",
        ),
        ("senior", r"\b(?:senior|sr|snr|senior[ae]?)\b\.?"),
        (
            "mid",
            r"\b(?:mid|mid[\s-]level|intermediate|medior|confirme(?:e)?|middle)\b(?![\s-]senior)",
        ),
        (
            "junior",
            r"\b(?:junior|jr|entry[\s-]level|graduate|new grad|debutant(?:e)?"
            r"|berufseinsteiger(?:in)?|young professional)\b",
        ),
        (
            "intern",
            # "Stage" is French for internship, but not in "early-stage" or "Stage Manager".
            r"\b(?:intern|internship|stagiaire|(?<!early )(?<!early-)stage(?! manager)"
            r"|praktikant(?:in)?|praktikum|werkstudent(?:in)?|alternant(?:e)?|alternance|apprenti(?:e)?|apprentice|trainee|becario|becaria"
            r"|estagiario|estagiaria|stagiair|tirocinante)\b",
        ),
    )
)

# Widget values, folded, with non-alphanumerics as "_" and "level"/"career level" dropped.
_RAW_LEVELS: dict[str, str] = {
    "intern": "intern",
    "internship": "intern",
    "stage": "intern",
    "student": "intern",
    "entry": "junior",
    "junior": "junior",
    "jr": "junior",
    "graduate": "junior",
    "beginner": "junior",
    "debutant": "junior",
    "mid": "mid",
    "middle": "mid",
    "intermediate": "mid",
    "medior": "mid",
    "experienced": "mid",
    "confirme": "mid",
    "senior": "senior",
    "sr": "senior",
    "expert": "senior",
    "lead": "lead",
    "staff": "lead",
    "team_lead": "lead",
    "tech_lead": "lead",
    "principal": "principal",
    "manager": "manager",
    "management": "manager",
    "director": "director",
    "head": "director",
    "executive": "executive",
    "c": "executive",
    "vp": "executive",
}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEVEL_WORDS = re.compile(r"(?:^|_)(?:career_)?level(?:_|$)")
_YEARS_RANGE = re.compile(r"^(\d+)(?:_(months?|years?))?_(?:to_)?(\d+)_years?$")
_YEARS_BOUND = re.compile(r"^(less|more)_than_(\d+)_(months?|years?)$")
_YEARS_PLUS = re.compile(r"^(\d+)(?:_plus)?_years?(?:_of_experience|_experience)?$")
_PLUS_SIGN = re.compile(r"(\d)\s*\+")


def normalise_seniority(title: str | None, raw: str | None) -> str | None:
    return _from_title(title) or _from_raw(raw)


def _from_title(title: str | None) -> str | None:
    if not isinstance(title, str):
        return None
    text = fold(title)
    for level, pattern in _TITLE_SIGNALS:
        if pattern.search(text):
            return level
    return None


def _from_raw(raw: str | None) -> str | None:
    if not isinstance(raw, str):
        return None
    key = _NON_ALNUM.sub("_", _PLUS_SIGN.sub(r"\1 plus", fold(raw))).strip("_")
    key = _LEVEL_WORDS.sub("_", key).strip("_")
    if not key:
        return None
    if key in _RAW_LEVELS:
        return _RAW_LEVELS[key]
    return _from_years(key)


def _from_years(key: str) -> str | None:
    if match := _YEARS_RANGE.match(key):
        low = int(match[1]) / (12 if (match[2] or "").startswith("month") else 1)
        return _level_for_years(low)
    if match := _YEARS_BOUND.match(key):
        bound = int(match[2]) / (12 if match[3].startswith("month") else 1)
        if match[1] == "less":
            return "junior" if bound <= 2 else None
        return _level_for_years(bound)
    if match := _YEARS_PLUS.match(key):
        return _level_for_years(int(match[1]))
    return None


def _level_for_years(years: float) -> str:
    if years < 2:
        return "junior"
    if years < 5:
        return "mid"
    return "senior"
