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
from scrapers.normalise.vocabulary import read_vocabulary

# API enums that are lowercase single words whose meaning comes from the source, not the
# language ("no" = WTTJ: no remote), so they only count as an exact, case-sensitive value.
_EXACT_ENUMS: dict[str, str | None] = {
    "fulltime": "remote",  # WTTJ
    "partial": "hybrid",  # WTTJ
    "punctual": "hybrid",  # WTTJ: occasional remote days
    "no": "onsite",  # WTTJ
}

# Labels per workplace type (scrapers/data/remote.toml), folded as the text is (ブ loses its
# dakuten).
_VOCABULARY = read_vocabulary("remote")
_LABELS: dict[str, str] = {
    fold(label): kind for kind, labels in _VOCABULARY["labels"].items() for label in labels
}
_UNDECIDED = frozenset(_VOCABULARY["undecided"])

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
