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
- Years of experience stated in the body ("3 to 5 years of experience", "mindestens 5 Jahre
  Berufserfahrung", "3 ans d'expérience") are the weakest signal, used only when neither the
  title nor the board's level field tells. The first such statement counts (it is the headline
  requirement; later ones are usually about a single tool), and its lower bound decides.
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold
from scrapers.normalise.vocabulary import read_vocabulary

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
        # "Semi Senior" (Ssr), a Latin American level between junior and senior, is no senior.
        ("senior", r"(?<!semi )(?<!semi-)(?<!semi)\b(?:senior|sr|snr|senior[ae]?)\b\.?"),
        (
            "mid",
            r"\b(?:mid|mid[\s-]level|intermediate|medior|confirme(?:e)?|middle"
            r"|semi[\s-]?senior|ssr)\b(?![\s-]senior)",
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

# Career-level field values and the words of "N years of experience" (scrapers/data/seniority.toml).
_VOCABULARY = read_vocabulary("seniority")
# Field values, folded, with non-alphanumerics as "_" and "level"/"career level" dropped.
_RAW_LEVELS: dict[str, str] = {
    value: level for level, values in _VOCABULARY["levels"].items() for value in values
}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEVEL_WORDS = re.compile(r"(?:^|_)(?:career_)?level(?:_|$)")
_YEARS_RANGE = re.compile(r"^(\d+)(?:_(months?|years?))?_(?:to_)?(\d+)_years?$")
_YEARS_BOUND = re.compile(r"^(less|more)_than_(\d+)_(months?|years?)$")
_YEARS_PLUS = re.compile(r"^(\d+)(?:_plus)?_years?(?:_of_experience|_experience)?$")
_PLUS_SIGN = re.compile(r"(\d)\s*\+")


def normalise_seniority(title: str | None, raw: str | None, body: str | None = None) -> str | None:
    """Title, then the board's level field, then years of experience asked for in the body."""
    return _from_title(title) or _from_raw(raw) or seniority_from_body(body)


# Lower-cased, not folded: folding a whole body costs more than listing the accented spellings.
_YEAR_WORDS = "(?:" + "|".join(_VOCABULARY["body"]["year_words"]) + ")"
_EXPERIENCE = "(?:" + "|".join(_VOCABULARY["body"]["experience_words"]) + ")"
# "3 to 5 years", "5+ years", "3 ans", "経験3年": digits first, so a scan skips most text.
_YEARS = re.compile(
    r"(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to|a|à|bis|tot|al|y|e|ou|or)\s*\d{1,2}\s*\+?\s*)?"
    + _YEAR_WORDS
    + r"(?![a-z])"
)
# ... of experience: "years of experience", "Jahre Berufserfahrung", "ans d'expérience".
_EXPERIENCE_AFTER = re.compile(r"[^.\n;]{0,40}?" + _EXPERIENCE)
# experience ... : "experience of at least 3 years", "Experiencia de al menos 2 años", "経験3年".
_EXPERIENCE_BEFORE = re.compile(
    _EXPERIENCE
    + r"\s*(?:of|de|von|van|di)?\s*(?:"
    + "|".join(_VOCABULARY["body"]["at_least"])
    + r")?\s*$"
)


def seniority_from_body(body: str | None) -> str | None:
    """Level from the first "N years of experience" in `body`; None when it states none."""
    if not isinstance(body, str) or not body:
        return None
    text = body.lower()
    for match in _YEARS.finditer(text):
        start = match.start()
        if start and text[start - 1] in "0123456789.,":
            continue  # "2.5", "10,5", "2024": part of another number
        if not (
            _EXPERIENCE_AFTER.match(text, match.end(), match.end() + 60)
            or _EXPERIENCE_BEFORE.search(text, max(0, start - 40), start)
        ):
            continue
        years = int(match[1])
        # "20 years of experience" on an about-us line is the company's, not the role's ask.
        return _level_for_years(years) if years <= 15 else None
    return None


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
