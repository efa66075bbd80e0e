"""The boilerplate rules: data files read once into compiled patterns.

The rules live in `scrapers/data/boilerplate/`, one TOML file per category (its README.md says
how to write them), plus `precedence.toml` (which category wins when a block matches two) and
`terms.toml` (term lists several categories share). This module checks them (a malformed file is a
`RuleError` naming the file and the entry) and compiles them; `RULES` is the shipped set.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from scrapers.boilerplate.gate import Gate
from scrapers.boilerplate.triggers import required_prefixes

__all__ = ["CATEGORIES", "RULES", "TRAITS_CATEGORY", "RuleError", "Rules", "load_rules"]

CATEGORIES: tuple[str, ...] = (
    "navigation",
    "ui_chrome",
    "board_summary",
    "meta_widget",
    "apply_cta",
    "upsell",
    "sign_in_wall",
    "similar_jobs",
    "share",
    "report_job",
    "cookie",
    "footer",
    "repeated_block",
    "eeo",
    "scam_disclaimer",
    "privacy_notice",
    "other",
)

# The category of a sentence naming enough protected characteristics (`protected_traits`).
TRAITS_CATEGORY = "eeo"
# Kinds of rule a category file may hold, each with a precedence list.
KINDS = ("line", "statement", "section", "header")
# Lists read by code for one category, and the file that holds each.
_LISTS = {
    "protected_traits": TRAITS_CATEGORY,
    "widget_labels": "meta_widget",
    "skill_chip_labels": "meta_widget",
    "about_prefixes": "repeated_block",
    "requirement_phrases": TRAITS_CATEGORY,
}
_KEYS = frozenset({*KINDS, "co_occurrence", "line_heads_section", *_LISTS})
_PRECEDENCE_FILE = "precedence.toml"
_TERMS_FILE = "terms.toml"

# No re.IGNORECASE: the text is lower-cased once instead, which makes the big alternations about
# twice as fast.
FLAGS = re.NOFLAG
# Whole-block anchoring tolerates bullets/arrows before and punctuation/arrows after.
_LEAD = r"^[\s+←‹<»>•·*\-–—|]*(?:"
_TRAIL = r")[\s.!?:;»›→>…\-–—|]*$"


class RuleError(ValueError):
    """A rule file is malformed: named, with the entry at fault."""


@dataclass(frozen=True)
class Rules:
    """Every rule, compiled; per-category mappings are in precedence order."""

    # All whole-block rules as one anchored alternation, one named group per category: a single
    # match per block, and the first category in precedence order wins.
    line: re.Pattern[str]
    # Per category, all its statement rules as one alternation (what the gate must agree with).
    statements: dict[str, re.Pattern[str]]
    gate: Gate
    # Per category, rules whose every term group must occur in a sentence.
    co_occurrence: dict[str, tuple[tuple[re.Pattern[str], ...], ...]]
    # Per co-occurrence rule, the word prefixes its first group needs (None = always try it).
    co_occurrence_triggers: dict[str, tuple[frozenset[str] | None, ...]]
    # Any protected characteristic (plurals count too).
    traits: re.Pattern[str]
    sections: dict[str, re.Pattern[str]]
    # The section headings as one regex, the first category in precedence order winning.
    section: re.Pattern[str]
    header: dict[str, re.Pattern[str]]
    # Header rules for lines of a multi-line run of a text capture only ("Label : value").
    header_line: dict[str, re.Pattern[str]]
    widget_label: re.Pattern[str]
    widget_label_value: re.Pattern[str]
    skill_label: re.Pattern[str]
    about_prefixes: tuple[str, ...]
    # A sentence stating what the job requires ("must be physically capable of ..."): content,
    # never an EEO statement, whatever accommodation it mentions (``requirement_phrases``).
    requirement: re.Pattern[str]


def load_rules(directory: Traversable | Path | None = None) -> Rules:
    """The rules of `directory` (default: the shipped `scrapers/data/boilerplate`)."""
    where = directory or resources.files("scrapers").joinpath("data", "boilerplate")
    return _compile(_read(where))


@dataclass(frozen=True)
class _RuleText:
    """The rules as written (pieces joined), per kind and category in precedence order."""

    kinds: dict[str, dict[str, tuple[str, ...]]]
    co_occurrence: dict[str, tuple[tuple[str, ...], ...]]  # each group one alternation
    lists: dict[str, tuple[str, ...]]


def _read(directory: Traversable | Path) -> _RuleText:
    files = {f.name: f for f in directory.iterdir() if f.name.endswith(".toml")}
    for required in (_PRECEDENCE_FILE, _TERMS_FILE):
        if required not in files:
            raise RuleError(f"{required} is missing")
    precedence = _load(files.pop(_PRECEDENCE_FILE))
    if unknown := set(precedence) - set(KINDS):
        raise RuleError(f"{_PRECEDENCE_FILE}: unknown keys {sorted(unknown)}")
    terms = {
        name: _alternation(items, f"{_TERMS_FILE}: {name}")
        for name, items in _load(files.pop(_TERMS_FILE)).items()
    }
    text = _RuleText({kind: {} for kind in KINDS}, {}, {})
    for name in sorted(files):
        _read_category(name, _load(files[name]), terms, text)
    if missing := set(_LISTS) - set(text.lists):
        raise RuleError(f"lists missing: {sorted(missing)}")
    return _in_precedence(text, precedence)


def _read_category(name: str, data: dict[str, Any], terms: dict[str, str], text: _RuleText) -> None:
    """Add one category file's rules to `text`."""
    category = name.removesuffix(".toml")
    if category not in CATEGORIES:
        raise RuleError(f"{name}: {category!r} is not a category of the item contract")
    if unknown := set(data) - _KEYS:
        raise RuleError(f"{name}: unknown keys {sorted(unknown)}")
    for kind in KINDS:
        if kind in data:
            text.kinds[kind][category] = _patterns(data[kind], f"{name}: {kind}")
    if data.get("line_heads_section"):
        heads = text.kinds["section"].get(category, ()) + text.kinds["line"].get(category, ())
        text.kinds["section"][category] = heads
    if "co_occurrence" in data:
        text.co_occurrence[category] = _co_occurrence(data["co_occurrence"], terms, name)
    for key, owner in _LISTS.items():
        if key not in data:
            continue
        if category != owner:
            raise RuleError(f"{name}: {key} belongs in {owner}.toml")
        text.lists[key] = _strings(data[key], f"{name}: {key}")
        if key != "about_prefixes":  # the others are alternatives of a regex
            _alternation(data[key], f"{name}: {key}")


def _in_precedence(text: _RuleText, precedence: dict[str, Any]) -> _RuleText:
    """`text` with its categories in precedence order (statement order covers co-occurrence)."""
    order = {}
    for kind, rules in text.kinds.items():
        with_kind = {**rules, **text.co_occurrence} if kind == "statement" else rules
        order[kind] = _ordered(with_kind, precedence.get(kind), kind)
    return _RuleText(
        kinds={
            kind: {c: rules[c] for c in order[kind] if c in rules}
            for kind, rules in text.kinds.items()
        },
        co_occurrence={
            c: text.co_occurrence[c] for c in order["statement"] if c in text.co_occurrence
        },
        lists=text.lists,
    )


def _load(file: Traversable | Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{file.name}: {error}") from None


def _ordered(rules: Mapping[str, object], order: object, kind: str) -> list[str]:
    where = f"{_PRECEDENCE_FILE}: {kind}"
    if not isinstance(order, list) or not all(isinstance(c, str) for c in order):
        raise RuleError(f"{where} must be a list of categories")
    if unlisted := set(rules) - set(order):
        raise RuleError(f"{where} does not list {sorted(unlisted)}")
    if idle := set(order) - set(rules):
        raise RuleError(f"{where} lists {sorted(idle)}, which have no such rules")
    return order


def _patterns(entries: object, where: str) -> tuple[str, ...]:
    """A list of patterns, each a string or a list of pieces joined as they are."""
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"{where} must be a non-empty list of patterns")
    out = []
    for n, entry in enumerate(entries, 1):
        pieces = entry if isinstance(entry, list) else [entry]
        if not pieces or not all(isinstance(p, str) and p for p in pieces):
            raise RuleError(f"{where}, pattern {n}: a string or a list of strings")
        out.append(_checked("".join(pieces), f"{where}, pattern {n}"))
    return tuple(out)


def _strings(entries: object, where: str) -> tuple[str, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
        raise RuleError(f"{where} must be a list of non-empty strings")
    return tuple(entries)


def _alternation(entries: object, where: str) -> str:
    """A list of alternatives as one regex."""
    items = _strings(entries, where)
    for n, item in enumerate(items, 1):
        _checked(item, f"{where}, item {n}")
    return "|".join(items)


def _co_occurrence(rules: object, terms: dict[str, str], name: str) -> tuple[tuple[str, ...], ...]:
    where = f"{name}: co_occurrence"
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise RuleError(f"{where} must be [[co_occurrence]] tables")
    out = []
    for n, rule in enumerate(rules, 1):
        groups = rule.get("all_of")
        if set(rule) != {"all_of"} or not isinstance(groups, list) or len(groups) < 2:
            raise RuleError(f"{where} {n}: one key, all_of, a list of two groups or more")
        alternations = []
        for group in groups:
            if isinstance(group, dict):
                if set(group) != {"terms"} or group["terms"] not in terms:
                    raise RuleError(f"{where} {n}: {group} names no list of {_TERMS_FILE}")
                alternations.append(terms[group["terms"]])
            else:
                alternations.append(_alternation(group, f"{where} {n}"))
        out.append(tuple(alternations))
    return tuple(out)


def _checked(pattern: str, where: str) -> str:
    try:
        re.compile(pattern, FLAGS)
    except re.error as error:
        raise RuleError(f"{where}: {error}: {pattern!r}") from None
    return pattern


def _whole(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_LEAD + "|".join(f"(?:{p})" for p in patterns) + _TRAIL, FLAGS)


def _anywhere(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)


def _first_of(regexes: dict[str, re.Pattern[str]]) -> re.Pattern[str]:
    """One regex trying each category's in order, the category as the name of its group."""
    return re.compile("|".join(f"(?P<{c}>{r.pattern})" for c, r in regexes.items()), FLAGS)


def _compile(text: _RuleText) -> Rules:
    kinds, lists = text.kinds, text.lists
    widget_labels = "|".join(lists["widget_labels"])
    sections = {c: _whole(p) for c, p in kinds["section"].items()}
    return Rules(
        line=_first_of({c: _whole(p) for c, p in kinds["line"].items()}),
        statements={c: _anywhere(p) for c, p in kinds["statement"].items()},
        gate=Gate(((c, p) for c, ps in kinds["statement"].items() for p in ps), FLAGS),
        co_occurrence={
            c: tuple(tuple(re.compile(rf"\b(?:{g})", FLAGS) for g in rule) for rule in rules)
            for c, rules in text.co_occurrence.items()
        },
        co_occurrence_triggers={
            c: tuple(required_prefixes(rf"\b(?:{rule[0]})") for rule in rules)
            for c, rules in text.co_occurrence.items()
        },
        traits=re.compile(rf"\b(?:{'|'.join(lists['protected_traits'])})(?:s|es)?\b", FLAGS),
        sections=sections,
        section=_first_of(sections),
        header={c: _whole(p) for c, p in kinds["header"].items()},
        header_line={"meta_widget": _whole((rf"(?:{widget_labels}) ?: ?.{{1,60}}",))},
        widget_label=_whole((widget_labels,)),
        widget_label_value=re.compile(rf"^(?:{widget_labels})\b ?:? ?\S.{{0,40}}$", FLAGS),
        skill_label=_whole(("|".join(lists["skill_chip_labels"]),)),
        about_prefixes=lists["about_prefixes"],
        requirement=_anywhere(lists["requirement_phrases"]),
    )


RULES = load_rules()
