"""Workplace type: "onsite" | "hybrid" | "remote" | None.

Only short labels count: a whole value ("Télétravail fréquent", WTTJ `partial`), a whole segment
of it ("Backend Engineer (Remote)", "Paris - Hybrid") or a leading location token
("Hybrid-Palo Alto, CA", "Remote - US"). A sentence that merely mentions remote work ("a
remote-friendly team") says nothing about the job.

Decisions:
- occasional remote days (fr "Télétravail occasionnel", WTTJ `punctual`) are "hybrid": the job
  is neither fully on site nor remote.
- a value naming two different workplace types ("Remote or Hybrid") is not decisive.
- bare "Télétravail" / "Home office" are not decisive: across languages they mean either
  "remote allowed" or "fully remote". Nor is the "remote OK" tag of Japanese, Korean and
  Chinese boards (リモート可, 재택근무 가능, 可远程), which they put on fully remote jobs too.
- a word for remote or distance work, or working from home, is "remote" in every language
  ("Remoto", "Praca zdalna", "Etätyö", "Hjemmearbejde", "재택근무", "العمل عن بعد").
- some days at the office and some at home ("2 days in office", "週3日出社", "2 Tage
  Homeoffice", 1 to 4 days) are "hybrid".

The labels, per language, are in scrapers/data/remote.toml; the lists of all languages are read
as one.
"""

from __future__ import annotations

import re
import unicodedata

from scrapers.normalise.vocabulary import read_vocabulary

# API enums that are lowercase single words whose meaning comes from the source, not the
# language ("no" = WTTJ: no remote), so they only count as an exact, case-sensitive value.
_EXACT_ENUMS: dict[str, str | None] = {
    "fulltime": "remote",  # WTTJ
    "partial": "hybrid",  # WTTJ
    "punctual": "hybrid",  # WTTJ: occasional remote days
    "no": "onsite",  # WTTJ
}

# Labels per language and workplace type, undecided labels, numbers of days and leading labels
# (scrapers/data/remote.toml).
_VOCABULARY = read_vocabulary("remote")
_KINDS = ("remote", "hybrid", "onsite")

# Letters that keep their own code point when accents are dropped, written both ways by sites.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"})
# Marks that make another letter, kept: Indic and Thai vowel signs, the kana voicing marks.
_KEPT_MARKS = re.compile(r"[\u0900-\u0dff\u0e00-\u0e7f\u3099\u309a]")
_SPACES = re.compile(r"\s+")


def _strip_marks(text: str) -> str:
    """`text` without accents (kept: the marks that make another letter), case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        c for c in decomposed if not unicodedata.combining(c) or _KEPT_MARKS.match(c)
    )
    return unicodedata.normalize("NFC", stripped)


def _fold(text: str) -> str:
    """Case- and accent-insensitive, spaces collapsed: "Télétravail  fréquent" is
    "teletravail frequent"; Hangul syllables and ジ stay whole."""
    folded = _strip_marks(text).casefold().translate(_LETTERS)
    return _SPACES.sub(" ", folded).strip()


_JOINERS = re.compile(r"[-_\s]+")
_BEFORE_PERCENT = re.compile(r"\s+%")


def _key(text: str) -> str:
    """A value as labels are looked up: folded, hyphens and underscores as spaces, "100 %" as
    "100%"."""
    return _BEFORE_PERCENT.sub("%", _JOINERS.sub(" ", _fold(text))).strip()


def _labels() -> tuple[dict[str, str], list[tuple[str, re.Pattern[str], str]]]:
    """Workplace per label key; and the "{n} days" labels as (the words before the number, one
    pattern of the rest, workplace). A label that two languages give two different workplaces
    is a mistake in the data."""
    days = sorted(
        {_key(word) for words in _VOCABULARY["numbers"].values() for word in words},
        key=lambda word: (-len(word), word),
    )
    number = r"(?:[1-4](?: ?[-~〜～] ?[1-4]| [1-4])?|" + "|".join(map(re.escape, days)) + ")"
    labels: dict[str, str] = {}
    rests: dict[tuple[str, str], list[str]] = {}
    for language, table in _VOCABULARY["labels"].items():
        for kind, phrases in table.items():
            if kind not in _KINDS:
                raise ValueError(f"remote.toml: unknown workplace {kind!r} ({language})")
            for phrase in phrases:
                key = _key(phrase)
                if "{n}" in key:
                    prefix, _, rest = key.partition("{n}")
                    rests.setdefault((prefix, kind), []).append(re.escape(rest))
                elif labels.setdefault(key, kind) != kind:
                    raise ValueError(
                        f"remote.toml: {phrase!r} ({language}) is both {labels[key]} and {kind}"
                    )
    days_labels = [
        (prefix, re.compile(f"{number}(?:{'|'.join(rest)})"), kind)
        for (prefix, kind), rest in rests.items()
    ]
    return labels, days_labels


_LABELS, _DAY_LABELS = _labels()
_UNDECIDED = frozenset(
    _key(label) for labels in _VOCABULARY["undecided"].values() for label in labels
)

# Segment separators inside titles and location strings (CJK and Arabic punctuation too).
_SEGMENTS = re.compile(r"\s*(?:[,;|()\[\]/·•:、，；｜（）［］【】「」『』／：・،؛]|\s[-–—]\s)\s*")


def _leading() -> re.Pattern[str]:
    """ "Hybrid-Palo Alto", "Remote - US", "Remote US", "Remote in Germany", "Remoto en España";
    not "Remote-friendly team" (a hyphen glued to a lower-case word makes a compound adjective,
    not a label). Read on the value without accents, its case kept."""
    tables = _VOCABULARY["leading"].values()
    labels = sorted({_fold(label) for t in tables for label in t["labels"]}, key=len, reverse=True)
    label = "|".join(
        r"[\s-]*".join(re.escape(word).replace("%", r"\s*%") for word in phrase.split())
        for phrase in labels
    )
    then = "|".join(sorted({re.escape(word) for t in tables for word in t["then"]}))
    return re.compile(
        rf"""^\s*(?P<label>{label})
        (?=\s*$|\s*[-–—:(/,|]\s*(?-i:(?![a-z]))|\s+(?:(?-i:[A-Z(])|(?:{then})\s))""",
        re.I | re.X,
    )


_LEADING = _leading()


def normalise_remote(*values: str | None) -> str | None:
    """First decisive value wins; callers pass remote_raw, then location_raw, then title."""
    for value in values:
        kind = _classify(value)
        if kind is not None:
            return kind
    return None


def _classify(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text in _EXACT_ENUMS:
        return _EXACT_ENUMS[text]
    whole = _label(text)
    if whole is not None or _key(text) in _UNDECIDED:
        return whole
    kinds = {kind for kind in map(_label, _SEGMENTS.split(text)) if kind is not None}
    leading = _LEADING.match(_strip_marks(text))
    if leading is not None:
        kinds.add(_label(leading.group("label")) or "")
    kinds.discard("")
    # Two different labels ("Remote or Hybrid", a multi-location list) decide nothing.
    return kinds.pop() if len(kinds) == 1 else None


def _label(text: str) -> str | None:
    """The workplace a label names, or None for no label."""
    key = _key(text)
    kind = _LABELS.get(key)
    if kind is None:
        kind = next(
            (
                kind
                for prefix, rest, kind in _DAY_LABELS
                if key.startswith(prefix) and rest.fullmatch(key, len(prefix))
            ),
            None,
        )
    return kind


def is_workplace_label(text: str) -> bool:
    """True for a text that is wholly a work-mode label in any language ("Home-Office",
    "フルリモート", "Remote"): a location text's token that names no place."""
    return _label(text) is not None or _key(text) in _UNDECIDED
