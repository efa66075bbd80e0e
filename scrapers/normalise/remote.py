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
  "remote allowed" or "fully remote".
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold

# API enums that are lowercase single words whose meaning comes from the source, not the
# language ("no" = WTTJ: no remote), so they only count as an exact, case-sensitive value.
_EXACT_ENUMS: dict[str, str | None] = {
    "fulltime": "remote",  # WTTJ
    "partial": "hybrid",  # WTTJ
    "punctual": "hybrid",  # WTTJ: occasional remote days
    "no": "onsite",  # WTTJ
}

# Folded labels (accents stripped, lower case, hyphens/underscores as spaces).
_LABELS: dict[str, str] = {}
for _kind, _words in {
    "remote": (
        "remote",
        "fully remote",
        "full remote",
        "100% remote",
        "100 % remote",
        "remote only",
        "telecommute",
        "work from home",
        "wfh",
        "teletravail total",
        "teletravail complet",
        "full teletravail",
        "100% teletravail",
        "100 % teletravail",
        "remoto",
        "100% remoto",
        "totalmente remoto",
        "en remoto",
        "trabajo remoto",
        "trabalho remoto",
        "teletrabajo total",
        "100% teletrabajo",
        "remote total",
        "komplett remote",
        "vollstandig remote",
        "100% homeoffice",
        "100 % homeoffice",
        "fernarbeit",
        "op afstand",
        "volledig op afstand",
        "volledig remote",
        "da remoto",
        "lavoro da remoto",
        "completamente da remoto",
        "zdalnie",
        "praca zdalna",
        "w pełni zdalnie",
        "100% zdalnie",
        "pa distans",
        "distansarbete",
        "helt pa distans",
        "フルリモート",
        "完全リモート",
        "在宅勤務",
    ),
    "hybrid": (
        "hybrid",
        "hybrid remote",
        "remote hybrid",
        "partially remote",
        "partial remote",
        "a few days at home",  # Welcome to the Jungle, English UI
        "occasional remote",
        "hybride",
        "teletravail frequent",
        "teletravail occasionnel",
        "teletravail partiel",
        "teletravail possible",
        "teletravail regulier",
        "hibrido",
        "hybrides arbeiten",
        "homeoffice moglich",
        "home office moglich",
        "teilweise remote",
        "ibrido",
        "lavoro ibrido",
        "hybride werken",
        "deels op afstand",
        "trabajo hibrido",
        "trabalho hibrido",
        "modelo hibrido",
        "hybrydowo",
        "praca hybrydowa",
        "hybridarbete",
        "delvis distans",
        "ハイブリッド",
        "一部リモート",
    ),
    "onsite": (
        "onsite",
        "on site",
        "in office",
        "office based",
        "in person",
        "sur site",
        "presentiel",
        "100% presentiel",
        "pas de teletravail",
        "teletravail non autorise",
        "presencial",
        "vor ort",
        "praesenz",
        "prasenz",
        "kein homeoffice",
        "op locatie",
        "op kantoor",
        "in sede",
        "in presenza",
        "no remote",
        "no remote work",
        "not remote",
        "stacjonarnie",
        "praca stacjonarna",
        "pa plats",
        "pa kontoret",
        "出社",
        "オフィス勤務",
    ),
}.items():
    for _word in _words:
        _LABELS[fold(_word)] = _kind  # folded like the text (ブ loses its dakuten)

_UNDECIDED = frozenset({"unknown", "unspecified", "not specified", "flexible", "n/a"})

_JOINERS = re.compile(r"[-_\s]+")
# Segment separators inside titles and location strings.
_SEGMENTS = re.compile(r"\s*(?:[,;|()\[\]/·•:]|\s[-–—]\s)\s*")
# "Hybrid-Palo Alto", "Remote - US", "Remote US", "Remote in Germany"; not "Remote-friendly team"
# (a hyphen glued to a lower-case word makes a compound adjective, not a label).
_LEADING = re.compile(
    r"""^\s*(?P<label>(?:fully\s+|100\s*%\s*)?remote|hybrid|on[\s-]?site|in[\s-]office
        |remoto|h[ií]brido|hybride|presencial)
        (?=\s*$|\s*[-–—:(/,|]\s*(?-i:(?![a-z]))|\s+(?:(?-i:[A-Z(])|in\s|from\s|within\s))""",
    re.I | re.X,
)


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
    leading = _LEADING.match(text)
    if leading is not None:
        kinds.add(_label(leading.group("label")) or "")
    kinds.discard("")
    # Two different labels ("Remote or Hybrid", a multi-location list) decide nothing.
    return kinds.pop() if len(kinds) == 1 else None


def _key(text: str) -> str:
    return _JOINERS.sub(" ", fold(text)).strip()


def _label(text: str) -> str | None:
    return _LABELS.get(_key(text))
