"""Seniority: intern | junior | mid | senior | lead | principal | manager | director | executive.

The title's own signal outranks the board's career-level widget: boards fill the widget from
coarse buckets (Teal shows "Mid Level" for "Sr. Software Engineer"), the employer writes the title.

Decisions:
- "Staff" (Staff Engineer, Staff Data Scientist) is "lead": it sits between senior and principal
  on the IC ladder. Only before a technical role word, since "Staff Accountant" is an entry role.
- "Head of" is "director"; VP / Chief / C-level are "executive".
- "manager" means a manager of people: of a technical team ("Engineering Manager", "Team
  Manager"), or the head of a unit of people, a store, branch, restaurant, plant, site,
  warehouse, area, shift, HR or operations ("Store Manager", "Responsable RH", "Filialleiter",
  "Jefe de tienda", "Vedoucí prodejny", "Mağaza Müdürü", "店長", "매장 관리자"). "Product
  Manager", "Account Manager" or "Project Manager" name a role, not a level, and give no signal.
  The head's own word decides between manager and director ("Directeur de magasin" is director).
- "Team Lead", "Teamleiter", "Chef d'équipe", "Jefe de equipo", "팀장" are "lead": the
  leader of a team, as "Team Lead"; a manager of one ("Team Manager", "Responsable d'équipe",
  "Kierownik zespołu") is "manager". The leader, supervisor or foreman of a shift or a crew is
  "lead" too ("Shift Supervisor", "Schichtleiter", "Jefe de turno", "班长").
- A level word glued to a role noun, as Swedish, Danish, Norwegian and German write it, is read:
  "Seniorkonsult", "Juniorutvecklare", "Seniorrådgiver"; "Seniorenbetreuer" (a carer of the
  elderly) is not one.
- The US grade ladder after a role noun: I (and 1) is junior, II mid, III and IV senior
  ("Software Engineer II", "SDE-3", "Analista de Sistemas II"); two grades, the higher.
- Several signals in one title: the highest wins ("Senior Engineering Manager" -> manager,
  "Senior Staff Engineer" -> lead). Where two phrases overlap, the longer one is read: "Semi
  Senior" is mid, "Directeur général" executive.
- Years of experience (WTTJ `3_TO_4_YEARS`, "5+ years"): under 2 -> junior, 2 to 4 -> mid,
  5 and more -> senior. LinkedIn's "Mid-Senior level" and "Associate" give no signal.
- A career-level field value the board's lists do not name whole is read in its parts, the
  highest wins as in a title ("Júnior/Trainee" is junior: a junior entry post), then as a title
  ("Junior Executive" is junior: in Singapore, India and the Gulf an executive is a professional).
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


def _fold(text: str) -> str:
    """`text` folded (case, accents) and recomposed (Hangul syllables, ジ), punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        c for c in decomposed if not unicodedata.combining(c) or _KEPT_MARKS.match(c)
    )
    return unicodedata.normalize("NFC", stripped.casefold()).translate(_LETTERS)


def _words(text: str) -> str:
    """`text` folded (`_fold`), with letters, digits and marks kept and every run of anything
    else as one space."""
    return _spaced(_fold(text))


def _spaced(folded: str) -> str:
    """Letters, digits and marks kept, every run of anything else as one space."""
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


def _longest(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=lambda word: (-len(word), word))


def _longest_first(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first."""
    return "|".join(map(re.escape, _longest(words)))


def _compound_pattern() -> str:
    """A level word glued to a role noun ("seniorkonsult", "juniorutvecklare"): the level word is
    matched, the role noun at the start of the rest of the word."""
    table = _VOCABULARY["title_compounds"]
    prefixes = [_words(prefix) for prefix in table["prefixes"]]
    for prefix in prefixes:
        if prefix not in _TITLE_LEVELS:
            raise ValueError(f"seniority.toml: compound prefix {prefix!r} is no title phrase")
    roles = (_words(role) for words in table["roles"].values() for role in words)
    return f"(?:{_longest_first(prefixes)})(?=(?:{_longest_first(roles)}))"


def _by_first_letter(phrases: Iterable[str], fragment: Callable[[str], str]) -> str:
    """The phrases' regex fragments as one alternation, their first letter factored out: the
    regex engine skips a branch whose first letter is not the text's, so that a position tries
    only the phrases that start with its letter. Longest first within a letter."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        first = re.escape(phrase[0])
        groups.setdefault(first, []).append(fragment(phrase).removeprefix(first))
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def _title_pattern() -> re.Pattern[str]:
    """Every title phrase, longest first so that the longer of two overlapping phrases is read
    ("semi senior" before "senior"): whole words, or anywhere for a phrase in a script written
    without spaces; and a level word glued to a role noun."""
    context = _context_patterns()
    phrases = sorted(_TITLE_LEVELS, key=lambda phrase: (-len(phrase), phrase))
    spaced = _by_first_letter(
        (p for p in phrases if not unspaced(p)), lambda p: context.get(p, re.escape(p))
    )
    # A word of a spaced script is bounded by a space, the text's ends or an unspaced script.
    other = r"[^\s\u0e00-\u0e7f\u2e80-\U0010ffff]"
    pattern = rf"(?<!{other})(?:{spaced})(?!{other})|(?<!{other}){_compound_pattern()}"
    if any(unspaced(p) for p in phrases):
        pattern += "|" + _by_first_letter((p for p in phrases if unspaced(p)), re.escape)
    return re.compile(pattern)


_TITLE = _title_pattern()


def _grade_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """A grade after a role noun ("Software Engineer II", "Analyst 2", "SDE-3", "SDE2", "Engineer
    I/II", "Analista de Sistemas II"), on the folded title with its punctuation. Roman "ii" to "iv"
    end a word; "i" (Polish and Catalan "and") and the digits ("Developer 2 days a week") must end
    the title or come before punctuation."""
    table = _VOCABULARY["grades"]
    levels = _by_phrase({"grades": table["levels"]}, str.casefold)
    grade = _longest_first(levels)
    roles = []
    for language, words in table["roles"].items():
        role = f"(?:{_by_first_letter(_longest(_fold(word) for word in words), re.escape)})s?"
        if within := int(table["within"].get(language, 0)):
            # Words between the role noun and its grade, none a counter ("Turno 2", "Nivel 3").
            counters = _longest_first(_fold(word) for word in table["counters"].get(language, []))
            role += rf"(?: (?!(?:{counters})(?![^\W_]))[^\W\d_]+){{0,{within}}}"
        roles.append(role)
    # ii, iii, iv: before anything but a letter or digit; i and 1-4: before the end or
    # punctuation, not a number's ("Teaching Assistant - 1:1 support", "Agent 1-2 days") nor a
    # slash's ("Engineer - I/O").
    end = (
        r"(?:(?<=[iv][iv])(?![^\W_])|(?<![iv][iv])"
        r"(?= *(?:$|[;|()\[\]–—]|[,:-](?! *\d))))"
    )
    chain = rf"(?:{grade})(?: */ *(?:{grade}))*"
    pattern = rf"(?<![^\W_])(?:{'|'.join(roles)})(?: *[-–] *| +|(?=\d))({chain}){end}"
    return re.compile(pattern), levels


_GRADE, _GRADE_LEVELS = _grade_pattern()
_GRADE_SPLIT = re.compile(r" */ *")

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


# A gender ending written after a slash or in brackets, left out so that a phrase reads whole:
# "Jefe/a de tienda", "Encargado(a) de tienda", "Gérant(e) de portefeuille", "מנהל/ת סניף".
# After two letters at least ("I/O" is no "I").
_GENDER_ENDING = re.compile(
    r"(?<=[^\W\d_]{2})(?:/|\()(?:as|os|a|o|euse|trice|rice|ice|ere|ne|se|es|e|innen|in|ית|ת|ה)\)?"
    r"(?![^\W_])"
)


def _from_title(title: str | None) -> str | None:
    if not isinstance(title, str):
        return None
    folded = _fold(title)
    if "/" in folded or "(" in folded:
        folded = _GENDER_ENDING.sub("", folded)
    levels = [_TITLE_LEVELS[match.group()] for match in _TITLE.finditer(_spaced(folded))]
    for match in _GRADE.finditer(folded):
        levels.extend(_GRADE_LEVELS[grade] for grade in _GRADE_SPLIT.split(match[1]))
    best = _highest(levels)
    return None if best == _NO_LEVEL else best


def _highest(levels: Iterable[str | None]) -> str | None:
    """The highest of `levels` (no_level below every level), None when there is none."""
    return max(filter(None, levels), key=_RANK.__getitem__, default=None)


def _from_raw(raw: str | None) -> str | None:
    if not isinstance(raw, str):
        return None
    level = _field_level(raw)
    return None if level == _NO_LEVEL else level


# Between the values of one field ("Júnior/Trainee", "Entry Level, Mid Level").
_FIELD_PARTS = re.compile(r"[/|,;()\[\]&]")


def _field_level(raw: str) -> str | None:
    """A field value as the board's list names it ("Mid Level"), else years ("3-5 years"), else
    its parts, the highest wins ("Júnior/Trainee" is junior), else read as a title: a level word
    before a role noun ("Junior Executive", "Senior Associate")."""
    key = _field_key(raw)
    if not key:
        return None
    level = _RAW_LEVELS.get(key) or _from_years(key) or _years_in_field(raw)
    if level is not None:
        return level
    parts = [part for part in _FIELD_PARTS.split(raw) if _field_key(part)]
    if len(parts) > 1:
        return _highest(map(_field_level, parts))
    return _from_title(raw)


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
