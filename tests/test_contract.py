"""The item contract's JSON Schema, and that the item class and schema agree."""

from __future__ import annotations

import copy
import enum
import json
import logging
import re
from collections import OrderedDict
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from scrapers import contract
from scrapers.contract import (
    Check,
    UnsupportedSchemaError,
    compile_checker,
    fast_checker,
    inlined_schema,
    load_schema,
    validate_posting,
)
from scrapers.items import FIELD_NAMES, JobPosting

from .conftest import FIXTURES

VALID = asdict(
    JobPosting(
        url="https://job-boards.greenhouse.io/mercari/jobs/8519643002",
        source="greenhouse",
        source_id="8519643002",
        title="Sr. Software Engineer, Backend",
        company="Mercari",
        location_raw="Hybrid-Palo Alto, CA",
        crawled_at="2026-11-22T03:00:00Z",
        id="greenhouse:8519643002",
        locations=[{"city": "Palo Alto", "region": "CA", "country": "US"}],
        remote="hybrid",
        salary={"min": 168000, "max": 252000, "currency": "USD", "period": "year"},
        date_posted="2026-11-20",
        description="About The Position\n\nMercari is Your Marketplace.",
        boilerplate=[{"category": "eeo", "text": "Mercari is an equal opportunity employer."}],
        language="en",
        language_confidence=0.99,
    )
)


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# Optional in the schema, so that feeds written before it was added still validate; every line
# jobsieve writes has it (docs/items.md).
OPTIONAL_FIELDS = {"truncated"}


def test_schema_requires_every_item_field_but_the_optional_ones():
    assert sorted(load_schema()["required"]) == sorted(set(FIELD_NAMES) - OPTIONAL_FIELDS)


def test_truncated_is_optional_and_names_only_the_bodies():
    without = {k: v for k, v in VALID.items() if k != "truncated"}
    assert validate_posting(without) == []
    assert validate_posting(_broken(truncated=["description_html", "description"])) == []
    assert [e.field for e in validate_posting(_broken(truncated=["title"]))] == ["truncated"]
    assert [e.field for e in validate_posting(_broken(truncated=None))] == ["truncated"]


def test_schema_knows_every_item_field():
    assert sorted(load_schema()["properties"]) == sorted(FIELD_NAMES)


def test_valid_item_has_no_errors():
    assert validate_posting(VALID) == []


def _broken(**changes):
    item = copy.deepcopy(VALID)
    item.update(changes)
    return item


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"company": ""}, "company"),
        ({"title": " padded "}, "title"),
        ({"url": "not a url"}, "url"),
        ({"url": "https://example.com/jobs/1#apply"}, "url"),
        ({"remote": "sometimes"}, "remote"),
        ({"employment_type": "Full-time"}, "employment_type"),
        ({"date_posted": "2 weeks ago"}, "date_posted"),
        ({"date_posted": "2026-02-30"}, "date_posted"),
        ({"crawled_at": "2026-11-22 03:00"}, "crawled_at"),
        ({"locations": [{"city": "Porto", "region": None, "country": "Portugal"}]}, "locations"),
        ({"salary": {"min": None, "max": None, "currency": "USD", "period": "year"}}, "salary"),
        ({"salary": {"min": 1, "max": 2, "currency": "dollars", "period": "year"}}, "salary"),
        ({"boilerplate": [{"category": "spam", "text": "x"}]}, "boilerplate"),
        ({"language": "english"}, "language"),
        ({"language_confidence": 1.5}, "language_confidence"),
        ({"id": "8519643002"}, "id"),
        ({"status": "seen"}, "status"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_contract_breaks_are_reported_on_their_field(changes, field):
    assert field in {e.field for e in validate_posting(_broken(**changes))}


def test_missing_field_is_reported_by_name():
    item = copy.deepcopy(VALID)
    del item["source"]
    assert [e.field for e in validate_posting(item)] == ["source"]


# --- the fast checker ---------------------------------------------------------------------------
# validate_posting answers "valid" from closures compiled from the schema and runs jsonschema only
# on what they reject: the two must agree on every instance, or an invalid item would be exported.

# A few dozen real feed lines (every source, the nulls and non-nulls of every field, salaries,
# 0-2 locations, boilerplate), cut from a `scrapy crawlall --offline` feed; long bodies shortened.
# A JSON array, one line per posting: *.jsonl is git-ignored (feeds), this file must be committed.
REAL_LINES: list[dict[str, Any]] = json.loads(
    (FIXTURES / "contract_postings.json").read_text(encoding="utf-8")
)
REFERENCE = Draft202012Validator(inlined_schema(), format_checker=FormatChecker())


def _fast() -> Check:
    check = fast_checker()
    assert check is not None, "the contract schema must compile to the fast checker"
    return check


def _compare(items: list[Any]) -> tuple[list[str], set[bool]]:
    """Where the fast checker and jsonschema disagree, and which verdicts jsonschema gave."""
    fast, disagreements, verdicts = _fast(), [], set()
    for item in items:
        verdict = REFERENCE.is_valid(item)
        verdicts.add(verdict)
        if fast(item) != verdict:
            disagreements.append(f"fast={fast(item)} jsonschema={verdict}: {item!r:.400}")
    return disagreements, verdicts


def test_fast_checker_accepts_every_real_line():
    assert len(REAL_LINES) >= 30 and len({line["source"] for line in REAL_LINES}) >= 10
    fast = _fast()
    for line in [*REAL_LINES, VALID]:
        assert REFERENCE.is_valid(line), line["id"]  # the fixture is what the crawl exports
        assert fast(line), line["id"]


class Text(str):
    """A str subclass: takes the isinstance path of the checker, not its exact-type shortcut."""


class Rank(enum.IntEnum):
    ONE = 1


NAN = float("nan")
# Values of every JSON type and the Python values that blur them (bool is an int, 1.0 an integer).
ANY_VALUES: list[Any] = [
    *(None, True, False, 0, 1, -1, 0.0, -0.0, 1.0, 0.5, 1.5, 168000, 2**70, -(2**70)),
    *(float("inf"), NAN, Decimal("0.5"), Decimal("-1"), Fraction(1, 3), Rank.ONE),
    *("", " ", "x", " x", "x ", "\n", "a b", Text("en"), Text(""), "EN", "en", "eng", "é"),
    *("USD", "usd", "US", "Portugal", "hybrid", "FULL_TIME", "eeo", "new", "year"),
    *("2026-11-20", "2026-02-30", "2026-11-20\n", "2026-11-20T00:00:00Z", "٢٠٢٦-١١-٢٠"),
    *("2026-11-22T03:00:00Z", "2026-11-22T03:00:00.123Z", "2026-11-22T03:00:00+00:00"),
    *("https://example.com/jobs/1", "http://x", "https://", "ftp://example.com/x"),
    *("https://example.com/jobs/1#apply", "https://example.com/a b", "greenhouse:1"),
    *("greenhouse:", "Greenhouse:1", "0123456789abcdef", "0123456789ABCDEF", "0123456789abcde"),
    *("f" * 64, "f" * 65, "x" * 10_000, date(2026, 11, 20)),
    *([], [None], ["x"], ["x", "x"], [""], [1], [{}], (), ("x",), {}, {"x": 1}),
    *(OrderedDict(), {1: "x"}, {"city": None, "region": None, "country": None}),
]


def _variant(base: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    item = copy.deepcopy(base)
    *parents, last = path
    node: Any = item
    for step in parents:
        node = node[step]
    node[last] = value
    return item


def _without(base: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    item = copy.deepcopy(base)
    *parents, last = path
    node: Any = item
    for step in parents:
        node = node[step]
    del node[last]
    return item


# Bases with every nested shape filled in: a salary with both bounds, two locations, boilerplate
# and skills; and the fixture's real lines for the fields they fill differently.
RICH = _broken(
    locations=[
        {"city": "Palo Alto", "region": "CA", "country": "US"},
        {"city": None, "region": None, "country": None},
    ],
    skills=["Go", "PHP"],
    valid_through="2026-12-31",
    duplicate_of="greenhouse:1",
    secondary_language="fr",
)
BASES = [RICH, REAL_LINES[1]]


@pytest.mark.parametrize("field", sorted(FIELD_NAMES))
def test_fast_checker_agrees_on_every_value_of_every_field(field):
    # Shallow copies: only the top-level value changes.
    variants = [base | {field: value} for base in BASES for value in ANY_VALUES]
    # Values that belong to other fields: the right JSON type in the wrong place.
    variants += [RICH | {field: value} for value in REAL_LINES[0].values()]
    variants += [_without(RICH, (field,))]
    disagreements, verdicts = _compare(variants)
    assert not disagreements
    # Some variants are invalid, and (but for the free-text body) not every value is rejected.
    assert verdicts == {True, False} or (field == "description" and verdicts == {False})


NESTED_PATHS = [
    *(("locations", 0, key) for key in ("city", "region", "country")),
    *(("locations", 1, key) for key in ("city", "region", "country")),
    *(("salary", key) for key in ("min", "max", "currency", "period")),
    *(("boilerplate", 0, key) for key in ("category", "text")),
    ("locations", 0),
    ("locations", 1),
    ("boilerplate", 0),
    ("skills", 0),
    ("skills", 1),
]


@pytest.mark.parametrize("path", NESTED_PATHS, ids=lambda p: ".".join(map(str, p)))
def test_fast_checker_agrees_inside_nested_objects(path):
    variants = [_variant(RICH, path, value) for value in ANY_VALUES]
    variants.append(_without(RICH, path))
    if isinstance(path[-1], str):  # a key of a nested object: an unexpected one beside it
        variants.append(_variant(RICH, (*path[:-1], "surprise"), "x"))
    disagreements, verdicts = _compare(variants)
    assert not disagreements
    assert verdicts == {True, False}


@pytest.mark.parametrize(
    "changes",
    [
        {"salary": {"min": None, "max": None, "currency": None, "period": None}},
        {"salary": {"min": None, "max": 1, "currency": None, "period": None}},
        {"salary": {"min": 1.0, "max": None, "currency": "EUR", "period": "hour"}},
        {"salary": {"min": True, "max": 2, "currency": "EUR", "period": "hour"}},
        {"salary": {"min": 0, "max": 2, "currency": "EUR", "period": "hour"}},
        {"salary": {"min": 2, "max": 1, "currency": "EUR", "period": "hour"}},
        {"salary": {"min": 1, "max": 2, "currency": "EUR"}},
        {"salary": {"min": 1, "max": 2, "currency": "EUR", "period": "year", "extra": 1}},
        {"salary": OrderedDict(min=1, max=2, currency="EUR", period="year")},
        {"salary": []},
        {"locations": [{"city": "Porto", "region": None}]},
        {"locations": [{"city": "Porto", "region": None, "country": "PT", "zip": "4000"}]},
        {"locations": [OrderedDict(city="Porto", region=None, country="PT")]},
        {"locations": ({"city": "Porto", "region": None, "country": "PT"},)},
        {"locations": [None]},
        {"locations": [{"city": "Porto", "region": None, "country": "PT"}] * 2},
        {"skills": ["Go", "Go"]},
        {"skills": ["Go", Text("Go")]},
        {"skills": [1, True]},
        {"skills": [1, 1.0]},
        {"skills": [[1], [1]]},
        {"skills": [NAN, NAN]},
        {"boilerplate": [{"category": "eeo"}]},
        {"boilerplate": [{"category": "eeo", "text": "x", "score": 1}]},
        {"boilerplate": [{"category": "eeo", "text": "x"}] * 2},
        {"language_confidence": 1, "remote": None, "status": None, "first_seen": None},
        {"remote": Text("hybrid"), "title": Text("Engineer")},
        {"url": None, "source": None, "title": None, "description": None},
    ],
)
def test_fast_checker_agrees_on_nested_breaks(changes):
    assert _compare([_broken(**changes), RICH | changes])[0] == []


def test_fast_checker_agrees_on_whole_item_breaks():
    items: list[Any] = [None, [], [VALID], "item", 1, OrderedDict(VALID), VALID | {"extra": 1}]
    items += [VALID | {1: "x"}, {}, {"url": VALID["url"]}]
    items += [_without(VALID, (field,)) for field in FIELD_NAMES]
    assert _compare(items) == ([], {True, False})  # an OrderedDict is a JSON object


def test_validate_posting_skips_jsonschema_for_a_valid_item(monkeypatch):
    _fast()  # compiled before the full validator goes away

    def no_full_validator():
        raise AssertionError("the full validator ran on a valid item")

    monkeypatch.setattr(contract, "_validator", no_full_validator)
    assert [validate_posting(line) for line in REAL_LINES] == [[]] * len(REAL_LINES)


@pytest.mark.parametrize(
    "changes",
    [
        {"company": "", "remote": "sometimes"},
        {"locations": [{"city": "Porto", "region": None, "country": "Portugal", "zip": 1}]},
        {"salary": {"min": None, "max": None, "currency": "USD", "period": "year"}},
        {"date_posted": "2026-02-30", "surprise": 1},
        {"language_confidence": True},
    ],
)
def test_invalid_items_get_the_full_validators_errors(monkeypatch, changes):
    item = _broken(**changes)
    errors = validate_posting(item)
    monkeypatch.setattr(contract, "fast_checker", lambda: None)
    assert errors and errors == validate_posting(item)


@pytest.mark.parametrize(
    ("schema", "keyword"),
    [
        ({"type": "object", "patternProperties": {"^x": {}}}, "patternProperties"),
        ({"properties": {"n": {"type": "integer", "multipleOf": 2}}}, "multipleOf"),
        ({"items": {"anyOf": [{"$ref": "#/$defs/x"}]}}, "$ref"),
        ({"prefixItems": [{"type": "string"}]}, "prefixItems"),
        ({"if": {"type": "string"}, "then": {"minLength": 1}}, "if"),
        ({"properties": {"a": {"dependentRequired": {"a": ["b"]}}}}, "dependentRequired"),
        ({"properties": {"a": {"type": "int"}}}, "int"),
        ({"properties": {"a": "string"}}, "properties/a"),
    ],
)
def test_compiler_refuses_what_it_does_not_implement(schema, keyword):
    with pytest.raises(UnsupportedSchemaError, match=re.escape(keyword)):
        compile_checker(schema, FormatChecker())


def test_unsupported_schema_falls_back_to_the_full_validator(monkeypatch, caplog):
    schema = inlined_schema() | {"unevaluatedProperties": False}
    monkeypatch.setattr(contract, "inlined_schema", lambda: schema)
    contract.fast_checker.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="scrapers.contract"):
            assert contract.fast_checker() is None
            assert validate_posting(VALID) == []
            assert [e.field for e in validate_posting(_broken(remote="x"))] == ["remote"]
        assert "unevaluatedProperties" in caplog.text
    finally:
        monkeypatch.undo()
        contract.fast_checker.cache_clear()
    assert contract.fast_checker() is not None


# Keywords the compiler implements beyond what the contract uses today, each with the instances
# where JSON Schema and Python disagree: checked against jsonschema on every pair.
# Schemas that take every instance (a format jsonschema does not know is not checked).
TAKE_ALL: list[Any] = [
    True,
    {},
    {"title": "annotations only", "description": "x", "$comment": "x", "default": 1},
    {"format": "not-a-format"},
    {"items": True},
    {"uniqueItems": False},
]
SCHEMAS: list[Any] = [
    *TAKE_ALL,
    False,
    *({"type": name} for name in ("null", "boolean", "integer", "number", "string")),
    *({"type": name} for name in ("array", "object")),
    {"type": ["integer", "null"]},
    {"type": ["integer", "string"], "minimum": 2, "minLength": 2},
    {"type": "integer", "minimum": 1, "exclusiveMaximum": 10},
    {"maximum": 1, "exclusiveMinimum": 0},
    {"enum": [1, True, "a", None, [1, 2], {"k": 1}]},
    {"enum": [0, 1.5]},
    {"enum": ["a", None]},
    {"const": 1},
    {"const": False},
    {"const": None},
    {"const": [1, {"a": None}]},
    {"type": "string", "minLength": 2, "maxLength": 3},
    {"maxLength": 0},
    {"pattern": "^a"},
    {"pattern": "b$"},
    {"format": "date"},
    {"format": "email"},
    {"format": "ipv4"},
    {"minItems": 1, "maxItems": 2},
    {"items": {"type": "integer"}},
    {"items": False},
    {"uniqueItems": True},
    {"required": ["a"]},
    {"properties": {"a": {"type": "integer"}}, "additionalProperties": {"type": "string"}},
    {"properties": {"a": True, "b": False}},
    {"additionalProperties": False},
    {"additionalProperties": True, "required": ["a", "b"]},
    {"anyOf": [{"type": "integer"}, {"minLength": 2}]},
    {"anyOf": [{"type": "null"}]},
    {"oneOf": [{"type": "number"}, {"type": "integer"}]},
    {"allOf": [{"minimum": 0}, {"maximum": 5}, {"type": "number"}]},
    {"not": {"type": "null"}},
    {"not": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
]
INSTANCES: list[Any] = [
    *ANY_VALUES,
    *(2, 9, 10, 9.999, 10.0, 2.0, True, Decimal("2"), "ab", "abc", "abcd", "ba", "x@y"),
    *("1.2.3.4", "1.2.3", [1, 2], [1, 2, 3], [1, 1], [1, 1.0], [1, True], [True, True]),
    *([0, False], ["a", "a"], [[1], [1]], [{"a": 1}, {"a": 1}], [{"a": 1}, {"a": 2}], [NAN, NAN]),
    *([1, {"a": None}], [1, {"a": 0}], [True, {"a": None}], (1, 2), {"k": 1}, {"k": True}),
    *({"a": 1}, {"a": 1.0}, {"a": True}, {"a": "x"}, {"a": 1, "b": "s"}, {"a": 1, "b": 2}),
    *({"b": "s"}, {"a": None, "b": None}),
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: json.dumps(s)[:60])
def test_compiled_keywords_agree_with_jsonschema(schema):
    fast = compile_checker(schema, FormatChecker())
    reference = Draft202012Validator(schema, format_checker=FormatChecker())
    disagreements = [
        f"fast={fast(instance)}: {instance!r:.80}"
        for instance in INSTANCES
        if fast(instance) != reference.is_valid(instance)
    ]
    assert not disagreements
    verdicts = {reference.is_valid(instance) for instance in INSTANCES}
    assert verdicts == (
        {True} if schema in TAKE_ALL else {False} if schema is False else {True, False}
    )
