"""Seniority: intern | junior | mid | senior | lead | principal | manager | director | executive.

The title's own signal outranks the board's career-level widget: boards fill the widget from
coarse buckets (Teal shows "Mid Level" for "Sr. Software Engineer"), the employer writes the title.

Decisions:
- "Staff" (Staff Engineer, Staff Data Scientist) is "lead": it sits between senior and principal
  on the IC ladder. Only before a technical role word, since "Staff Accountant" is an entry role.
- "Head of" is "director"; VP / Chief / C-level are "executive".
- "manager" means a people manager of a technical team ("Engineering Manager", "Team Manager");
  "Product Manager" or "Account Manager" name a role, not a level, and give no signal.
- "Team Lead", "Teamleiter", "Chef d'équipe", "Jefe de equipo", "팀장" are "lead": the
  leader of a team, as "Team Lead"; a manager of one ("Team Manager", "Responsable d'équipe",
  "Kierownik zespołu") is "manager".
- Several signals in one title: the highest wins ("Senior Engineering Manager" -> manager,
  "Senior Staff Engineer" -> lead). Where two phrases overlap, the longer one is read: "Semi
  Senior" is mid, "Directeur général" executive.
- Years of experience (WTTJ `3_TO_4_YEARS`, "5+ years"): under 2 -> junior, 2 to 4 -> mid,
  5 and more -> senior. LinkedIn's "Mid-Senior level" and "Associate" give no signal.
- Years of experience stated in the body ("3 to 5 years of experience", "mindestens 5 Jahre
  Berufserfahrung", "3 ans d'expérience") are the weakest signal, used only when neither the
  title nor the board's level field tells. The first such statement counts (it is the headline
  requirement; later ones are usually about a single tool), and its lower bound decides.

The words, per language, are in scrapers/data/seniority.toml: title words, career-level field
values, and the words of "N years of experience"; the lists of all languages are read as one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from scrapers.normalise.vocabulary import read_vocabulary, unspaced

# Highest first: of several levels a title names, the first in this order wins.
LEVELS = (
    "executive",
    "director",
    "manager",
    "principal",
    "lead",
    "senior",
    "mid",
    "junior",
    "intern",
)
# Title phrases that contain a level word but name no level ("Lead Generation").
_NO_LEVEL = "no_level"
_RANK = {level: len(LEVELS) - rank for rank, level in enumerate(LEVELS)} | {_NO_LEVEL: 0}

# Level words per language: titles, career-level field values, and the words of "N years of
# experience" (scrapers/data/seniority.toml).
_VOCABULARY = read_vocabulary("seniority")

# Letters that keep their own code point when accents are dropped, written both ways by sites.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"})
# Marks that make another letter, kept: Indic and Thai vowel signs, the kana voicing marks (ジ is
# not シ: エンジニア, engineer, is no シニア, senior).
_KEPT_MARKS = re.compile(r"[\u0900-\u0dff\u0e00-\u0e7f\u3099\u309a]")


def _words(text: str) -> str:
    """`text` folded (case, accents) and recomposed (Hangul syllables, ジ), with letters, digits
    and marks kept and every run of anything else as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        c for c in decomposed if not unicodedata.combining(c) or _KEPT_MARKS.match(c)
    )
    folded = unicodedata.normalize("NFC", stripped.casefold()).translate(_LETTERS)
    kept = (c if c.isalnum() or unicodedata.category(c)[0] == "M" else " " for c in folded)
    return " ".join("".join(kept).split())


def _by_phrase(
    tables: Mapping[str, Mapping[str, Iterable[str]]], key: Callable[[str], str]
) -> dict[str, str]:
    """Level per phrase key, from {language: {level: [phrase, ...]}}. A phrase that two
    languages (or two levels) give two different levels is a mistake in the data."""
    levels: dict[str, str] = {}
    for language, table in tables.items():
        for level, phrases in table.items():
            if level not in _RANK:
                raise ValueError(f"seniority.toml: unknown level {level!r} ({language})")
            for phrase in phrases:
                phrase_key = key(phrase)
                if levels.setdefault(phrase_key, level) != level:
                    raise ValueError(
                        f"seniority.toml: {phrase!r} ({language}) is both "
                        f"{levels[phrase_key]} and {level}"
                    )
    return levels


# --- The title -------------------------------------------------------------------------------
_TITLE_LEVELS = _by_phrase(_VOCABULARY["titles"], _words)


def _context_patterns() -> dict[str, str]:
    """Pattern per word that names a level only before a role word ("Staff Data Engineer"), at
    most `within` words on; the role words match as a word's start ("engineers")."""
    roles = sorted(
        {_words(word) for words in _VOCABULARY["role_words"].values() for word in words},
        key=lambda word: (-len(word), word),
    )
    role = "(?:" + "|".join(map(re.escape, roles)) + ")"
    patterns: dict[str, str] = {}
    for rule in _VOCABULARY["title_context"]:
        word = _words(rule["word"])
        if _TITLE_LEVELS.setdefault(word, rule["level"]) != rule["level"]:
            raise ValueError(f"seniority.toml: {word!r} is both {_TITLE_LEVELS[word]} and context")
        patterns[word] = rf"{re.escape(word)}(?= (?:\S+ ){{0,{int(rule['within'])}}}{role})"
    return patterns


def _title_pattern() -> re.Pattern[str]:
    """Every title phrase, longest first so that the longer of two overlapping phrases is read
    ("semi senior" before "senior"): whole words, or anywhere for a phrase in a script written
    without spaces."""
    context = _context_patterns()
    phrases = sorted(_TITLE_LEVELS, key=lambda phrase: (-len(phrase), phrase))
    spaced = "|".join(context.get(p, re.escape(p)) for p in phrases if not unspaced(p))
    # A word of a spaced script is bounded by a space, the text's ends or an unspaced script.
    other = r"[^\s\u0e00-\u0e7f\u2e80-\U0010ffff]"
    pattern = rf"(?<!{other})(?:{spaced})(?!{other})"
    if any(unspaced(p) for p in phrases):
        pattern += "|" + "|".join(re.escape(p) for p in phrases if unspaced(p))
    return re.compile(pattern)


_TITLE = _title_pattern()

# --- The career-level field ------------------------------------------------------------------
_NOISE = re.compile(
    r"(?:^|_)(?:"
    + "|".join(
        re.escape(_words(w).replace(" ", "_"))
        for w in sorted(
            {w for words in _VOCABULARY["field_noise"].values() for w in words},
            key=lambda w: (-len(w), w),
        )
    )
    + r")(?:_|$)"
)
_PLUS_SIGN = re.compile(r"(\d)\s*\+")


def _field_key(raw: str) -> str:
    """A field value folded, words joined by "_", the [field_noise] words left out."""
    key = _words(_PLUS_SIGN.sub(r"\1 plus", raw)).replace(" ", "_")
    return _NOISE.sub("_", key).strip("_")


# Field values, folded as `_field_key` folds them ("Mid Level" is "mid").
_RAW_LEVELS = _by_phrase(_VOCABULARY["levels"], _field_key)

_YEARS_RANGE = re.compile(r"^(\d+)(?:_(months?|years?))?_(?:to_)?(\d+)_years?$")
_YEARS_BOUND = re.compile(r"^(less|more)_than_(\d+)_(months?|years?)$")
_YEARS_PLUS = re.compile(r"^(\d+)(?:_plus)?_years?(?:_of_experience|_experience)?$")


def normalise_seniority(title: str | None, raw: str | None, body: str | None = None) -> str | None:
    """Title, then the board's level field, then years of experience asked for in the body."""
    return _from_title(title) or _from_raw(raw) or seniority_from_body(body)


# --- The body --------------------------------------------------------------------------------
def _body_words(field: str) -> str:
    """One regex alternation of the [body.<lang>] `field` lists of every language."""
    words = dict.fromkeys(w for table in _VOCABULARY["body"].values() for w in table[field])
    return "(?:" + "|".join(words) + ")"


# Lower-cased, not folded: folding a whole body costs more than listing the accented spellings.
_YEAR_WORDS = _body_words("year_words")
_EXPERIENCE = _body_words("experience_words")
# "3 to 5 years", "5+ years", "3 ans", "経験3年": digits first, so a scan skips most text.
_YEARS = re.compile(
    r"(\d{1,2})\s*(?:\+|plus)?\s*(?:"
    + _body_words("range_words")
    + r"\s*\d{1,2}\s*\+?\s*)?"
    + _YEAR_WORDS
    + r"(?![a-z])"
)
# ... of experience: "years of experience", "Jahre Berufserfahrung", "ans d'expérience".
_EXPERIENCE_AFTER = re.compile(r"[^.\n;]{0,40}?" + _EXPERIENCE)
# experience ... : "experience of at least 3 years", "Experiencia mínima de 2 años", "経験3年",
# "Опыт работы: от 3 лет".
_EXPERIENCE_BEFORE = re.compile(
    _EXPERIENCE
    + r"\s*(?:(?:"
    + _body_words("linking_words")
    + "|"
    + _body_words("at_least")
    + r"|[:：])\s*){0,3}$"
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
    best = _NO_LEVEL
    for match in _TITLE.finditer(_words(title)):
        level = _TITLE_LEVELS[match.group()]
        if _RANK[level] > _RANK[best]:
            best = level
    return None if best == _NO_LEVEL else best


def _from_raw(raw: str | None) -> str | None:
    if not isinstance(raw, str):
        return None
    key = _field_key(raw)
    if not key:
        return None
    level = _RAW_LEVELS.get(key)
    if level is not None:
        return None if level == _NO_LEVEL else level
    return _from_years(key) or _years_in_field(raw)


def _years_in_field(raw: str) -> str | None:
    """A field value that is only years of experience, in any language ("3 à 5 ans", "5+ Jahre
    Berufserfahrung", "3-5年"): its lower bound decides."""
    text = raw.strip().lower()
    match = _YEARS.match(text)
    if match is None:
        return None
    if match.end() < len(text) and not _EXPERIENCE_AFTER.fullmatch(text, match.end()):
        return None
    return _level_for_years(int(match[1]))


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
