"""Skills named in a posting: canonical names from the taxonomy in scrapers/data/skills.toml.

Matching:
- whole tokens only: a form is not matched inside a longer token, where tokens may contain
  ".", "#" and "+" ("C" is not in "C#" or "C++", "Java" is not in "JavaScript", "NET" is not in
  "ASP.NET"); a form that starts with "." may follow a letter (".NET" in "command of.NET").
- the longest form wins at a position ("Azure Service Bus" is not also "Azure"; a separate
  mention of "Azure" still counts), and each skill is listed once, in order of first mention
  (title first, then body).
- forms are case-insensitive, except the taxonomy's `exact` forms: English words that are also
  technologies count only in their technical spelling — "Go" (never "go", nor "Go to",
  "Go-live"), "R" and "C" (only inside a list: "Python, R", "C/C++"; never "R&D" or "Series C"),
  "Swift", "Rust", "Spark", "React", "Chef" (not "Chef de projet"), "Excel", "Spring" (not
  "Spring 2027"), and the like. A capitalised English word opening a sentence ("Rust removal")
  is a known, accepted false positive: rare in job bodies, unlike the lower-case word.

Whole-text alternations are compiled as a character trie, so one scan of the text costs about
the same whatever the size of the taxonomy.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_SPACE = re.compile(r"\s+")
# A token may contain "." (Node.js), "#" (C#) and "+" (C++): none of them may touch a match.
_LEFT = r"(?:(?<![\w#+.])|(?=\.))"
_RIGHT = r"(?![\w#+]|\.\w)"
# Letters that are ordinary labels, not languages, in front of a one-letter name.
_NOT_LIST_AFTER = "".join(
    f"(?<!{word} )"
    for word in ("Series", "Vitamin", "Type", "Level", "Grade", "Class", "Plan", "Part", "Tier")
)
_LIST_BEFORE = r"(?:(?<=[,/(;])|(?<=[,/(;] )|(?<=\band )|(?<=\bor )|(?<=\bund )|(?<=\bet ))"
_LIST_AFTER = r"(?=\s*(?:[,/);]|$)|\s+(?:and|or|und|et|ou|y|e)\s)"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed: named, with the entry at fault."""


@dataclass(frozen=True)
class Taxonomy:
    names: frozenset[str]
    folded: dict[str, str]  # lower-cased form -> canonical name
    exact: dict[str, str]  # case-sensitive form -> canonical name
    # Case-sensitive, run on the lower-cased text (cheaper than IGNORECASE), or with
    # IGNORECASE on the rare text whose lower-casing changes its length.
    insensitive_re: re.Pattern[str]
    ignorecase_re: re.Pattern[str]
    exact_re: re.Pattern[str] | None  # exact forms, with their context rules


def extract_skills(*texts: str | None, taxonomy: Taxonomy | None = None) -> list[str]:
    """Canonical skill names mentioned in `texts` (e.g. title, clean body), first mention first."""
    tax = taxonomy or load_taxonomy()
    found: dict[str, int] = {}
    offset = 0
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        for position, name in _matches(text, tax):
            found.setdefault(name, offset + position)
        offset += len(text) + 1
    return sorted(found, key=found.__getitem__)


def _matches(text: str, tax: Taxonomy) -> list[tuple[int, str]]:
    spans: list[tuple[int, int, str]] = []
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = tax.insensitive_re.finditer(lowered)
    else:
        matches = tax.ignorecase_re.finditer(text)
    for match in matches:
        name = tax.folded.get(_key(match[0]))
        if name is not None:  # a case-mapping quirk (e.g. the Kelvin sign) is no mention
            spans.append((match.start(), match.end(), name))
    if tax.exact_re is not None:
        for match in tax.exact_re.finditer(text):
            spans.append((match.start(), match.end(), tax.exact[_SPACE.sub(" ", match[0])]))
    # Longest first at each start; a span inside an earlier, longer one is not a mention.
    spans.sort(key=lambda span: (span[0], span[0] - span[1]))
    kept: list[tuple[int, str]] = []
    covered_to = -1
    for start, end, name in spans:
        if start >= covered_to:
            kept.append((start, name))
            covered_to = end
    return kept


def _key(form: str) -> str:
    return _SPACE.sub(" ", form).lower()


@cache
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped in the package (parsed and compiled once per process)."""
    raw = resources.files("scrapers").joinpath("data", "skills.toml").read_text(encoding="utf-8")
    return build_taxonomy(tomllib.loads(raw))


def build_taxonomy(data: dict[str, Any]) -> Taxonomy:
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    guarded: list[str] = []  # exact forms with context rules, as whole patterns
    guarded_forms: set[str] = set()
    names: set[str] = set()
    for category, entries in data.items():
        if not isinstance(entries, dict):
            raise TaxonomyError(f"[{category}] must be a table of skills")
        for name, spec in entries.items():
            if name in names:
                raise TaxonomyError(f"{name!r} is listed twice")
            names.add(name)
            for form, kind, rule in _forms(category, name, spec):
                if rule is not None:
                    guarded.append(rule)
                    guarded_forms.add(form)
                table = folded if kind == "insensitive" else exact
                key = _key(form) if kind == "insensitive" else _SPACE.sub(" ", form)
                if table.get(key, name) != name:
                    raise TaxonomyError(f"{form!r} names both {table[key]!r} and {name!r}")
                table[key] = name
    insensitive = _LEFT + _trie_pattern(folded) + _RIGHT
    unguarded = {form: name for form, name in exact.items() if form not in guarded_forms}
    exact_alternatives = guarded + (
        [_LEFT + _trie_pattern(unguarded) + _RIGHT] if unguarded else []
    )
    return Taxonomy(
        names=frozenset(names),
        folded=folded,
        exact=exact,
        insensitive_re=re.compile(insensitive),
        ignorecase_re=re.compile(insensitive, re.IGNORECASE),
        exact_re=re.compile("|".join(exact_alternatives)) if exact_alternatives else None,
    )


def _forms(category: str, name: str, spec: Any) -> list[tuple[str, str, str | None]]:
    """(form, "insensitive" | "exact", context pattern or None) for one taxonomy entry."""
    where = f"[{category}] {name!r}"
    if isinstance(spec, list):
        spec = {"aliases": spec, "name_insensitive": True}
    if not isinstance(spec, dict):
        raise TaxonomyError(f"{where}: expected a list of aliases or an inline table")
    unknown = set(spec) - {"aliases", "exact", "not_before", "list_only", "name_insensitive"}
    if unknown:
        raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}")
    aliases = list(spec.get("aliases", []))
    exact_forms = list(spec.get("exact", []))
    if spec.get("name_insensitive") or not exact_forms:
        aliases.insert(0, name)
    if not all(isinstance(f, str) and f.strip() for f in aliases + exact_forms):
        raise TaxonomyError(f"{where}: every alias must be a non-empty string")
    rule = _context_rule(spec, where)
    forms = [(form, "insensitive", None) for form in aliases]
    for form in exact_forms:
        pattern = None
        if rule is not None:
            # The leading lookahead lets the engine reject most positions on one character.
            core = _LEFT + _form_pattern(form) + _RIGHT + rule
            pattern = f"(?={re.escape(form[0])}){core}"
            if spec.get("list_only"):
                pattern = (
                    f"(?={re.escape(form[0])}){_NOT_LIST_AFTER}"
                    f"(?:{_LIST_BEFORE}{core}|{core}{_LIST_AFTER})"
                )
        forms.append((form, "exact", pattern))
    return forms


def _context_rule(spec: dict[str, Any], where: str) -> str | None:
    """The lookahead an `exact` form must pass, "" for list_only alone, None for no rule."""
    not_before = spec.get("not_before")
    if not_before:
        try:
            re.compile(not_before)
        except re.error as error:
            raise TaxonomyError(f"{where}: bad not_before pattern: {error}") from None
        return f"(?!{not_before})"
    return "" if spec.get("list_only") else None


def _form_pattern(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


def _trie_pattern(forms: dict[str, str]) -> str:
    """One alternation for all forms, shared prefixes factored out; longer forms tried first."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy: the longer form is tried first, the shorter one is the fallback.
        return f"(?:{body})?"
    return body
