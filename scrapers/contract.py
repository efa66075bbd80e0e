"""Validation of a feed line against the item contract's JSON Schema (no Scrapy import).

Two checkers share one schema. The full ``jsonschema`` validator explains every error (dead-letter
messages, per-field counts) but costs most of a millisecond per item; nearly every item is valid,
so a fast checker compiled from the same schema answers "valid or not" first and the full
validator only runs on items it rejects. The fast checker implements the keywords the schema uses
with jsonschema's exact semantics, and refuses (at compile time) a schema with any other keyword,
so a schema change can never go silently unchecked: then every item takes the full validator.
"""

from __future__ import annotations

import itertools
import json
import logging
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_RESOURCE = "schema/posting.schema.json"

logger = logging.getLogger(__name__)

Check = Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class ContractError:
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@cache
def load_schema() -> dict[str, Any]:
    text = resources.files("scrapers").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its local ``$ref``s replaced by what they name: the file stays readable
    with ``$defs``, and validation skips a reference lookup per field (most of its cost)."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            # Siblings of a $ref here are annotations ("description"): kept beside the target.
            target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            return {**target, **siblings} if isinstance(target, dict) else target
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@cache
def inlined_schema() -> dict[str, Any]:
    """The contract schema, checked against its metaschema, with local ``$ref``s inlined."""
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return _inline_refs(schema, schema.get("$defs", {}))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(inlined_schema(), format_checker=FormatChecker())


# --- fast checker -------------------------------------------------------------------------------


class UnsupportedSchemaError(ValueError):
    """The schema uses something the fast checker does not implement."""


# Keywords that never change validity: skipped. Anything neither here nor implemented is refused.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated"}
    | {"readOnly", "writeOnly"}
)
_IMPLEMENTED = frozenset(
    {"type", "enum", "const", "format", "anyOf", "oneOf", "allOf", "not"}
    | {"pattern", "minLength", "maxLength"}
    | {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"properties", "required", "additionalProperties"}
    | {"items", "minItems", "maxItems", "uniqueItems"}
)
_TYPES = frozenset({"null", "boolean", "string", "integer", "number", "object", "array"})


def _accept(instance: Any) -> bool:
    return True


def _reject(instance: Any) -> bool:
    return False


def _unbool(element: Any, true: object = object(), false: object = object()) -> Any:
    # JSON Schema's true is not 1 and false is not 0 (Python's bool is an int): as jsonschema does.
    if element is True:
        return true
    if element is False:
        return false
    return element


def _equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema's ``enum``/``const``/``uniqueItems`` define it (its
    ``_utils.equal``, private there): bools apart from numbers, sequences and mappings deeply."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(_equal(i, j) for i, j in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(
            key in two and _equal(value, two[key]) for key, value in one.items()
        )
    return _unbool(one) == _unbool(two)


def _unique(items: list[Any]) -> bool:
    """jsonschema's ``_utils.uniq``: sorted neighbours when the items sort, else every pair."""
    if all(type(item) is str for item in items):
        # The common case (a list of skills): str equality is hash-consistent, so a set decides.
        return len(set(items)) == len(items)
    try:
        ordered = sorted(_unbool(item) for item in items)
        return not any(_equal(i, j) for i, j in itertools.pairwise(ordered))
    except (NotImplementedError, TypeError):
        seen: list[Any] = []
        for item in items:
            item = _unbool(item)
            if any(_equal(other, item) for other in seen):
                return False
            seen.append(item)
    return True


def _all_of(checks: list[Check]) -> Check:
    """One check that passes when every one of ``checks`` does (cheapest shapes for 0–2)."""
    if not checks:
        return _accept
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda instance: first(instance) and second(instance)
    frozen = tuple(checks)

    def every(instance: Any) -> bool:
        # A loop, not all(<generator>): no generator to build on every call of a hot path.
        for check in frozen:  # noqa: SIM110
            if not check(instance):
                return False
        return True

    return every


def _is_null(instance: Any) -> bool:
    return instance is None


def _any_of(checks: list[Check]) -> Check:
    """One check that passes when any of ``checks`` does."""
    if _is_null in checks:
        # "X or null" is on most fields: None is told apart without a call.
        rest = _any_of([c for c in checks if c is not _is_null]) if len(checks) > 1 else _reject
        return lambda instance: instance is None or rest(instance)
    if len(checks) == 1:
        return checks[0]
    frozen = tuple(checks)

    def first_match(instance: Any) -> bool:
        # A loop, not any(<generator>): no generator to build on every call of a hot path.
        for check in frozen:  # noqa: SIM110
            if check(instance):
                return True
        return False

    return first_match


class _Compiler:
    """Turns a (``$ref``-free) draft 2020-12 schema into nested closures answering "valid?".

    Every schema node becomes one dispatch on the instance's Python type to a check for that
    JSON type, which runs only the keywords that apply to it: what jsonschema does keyword by
    keyword ("pattern" ignores a non-string, ...), decided once per node instead of per keyword.
    """

    def __init__(self, format_checker: FormatChecker | None) -> None:
        self.format_checker = format_checker

    def compile(self, schema: Any, where: str = "#") -> Check:
        if schema is True:
            return _accept
        if schema is False:
            return _reject
        if not isinstance(schema, dict):
            raise UnsupportedSchemaError(f"{where}: a schema is an object or a boolean")
        unknown = sorted(set(schema) - _IMPLEMENTED - _ANNOTATIONS)
        if unknown:
            raise UnsupportedSchemaError(f"{where}: keyword(s) {unknown} not implemented")

        types = self._types(schema, where)
        common = self._common(schema, where)

        def takes(name: str) -> bool:
            return types is None or name in types

        def kind(allowed: bool, own: list[Check]) -> Check:
            return _all_of([*own, *common]) if allowed else _reject

        number_checks = self._number(schema)
        numeric = takes("number")
        integral = numeric or takes("integer")
        by_kind: dict[str, Check] = {
            "null": kind(takes("null"), []),
            "boolean": kind(takes("boolean"), []),
            "string": kind(takes("string"), self._string(schema)),
            "integer": kind(integral, number_checks),
            # 1.0 is an integer in JSON Schema (and to jsonschema's draft 6+ type checker).
            "float": kind(
                integral, number_checks if numeric else [float.is_integer, *number_checks]
            ),
            # Decimal, Fraction...: numbers, never integers (jsonschema: isinstance(x, int)).
            "other_number": kind(numeric, number_checks),
            "object": kind(takes("object"), self._object(schema, where)),
            "array": kind(takes("array"), self._array(schema, where)),
            # Anything else (a tuple, a datetime) has no JSON type: only an untyped schema takes it.
            "other": kind(types is None, []),
        }
        # Exact builtin types dispatch with one dict lookup; subclasses go the isinstance way.
        by_type: dict[type, Check] = {
            type(None): by_kind["null"],
            bool: by_kind["boolean"],
            str: by_kind["string"],
            int: by_kind["integer"],
            float: by_kind["float"],
            dict: by_kind["object"],
            list: by_kind["array"],
        }

        def by_isinstance(instance: Any) -> bool:
            # The order of jsonschema's type checks: bool before int, int before Number.
            if instance is None:
                name = "null"
            elif isinstance(instance, bool):
                name = "boolean"
            elif isinstance(instance, str):
                name = "string"
            elif isinstance(instance, dict):
                name = "object"
            elif isinstance(instance, list):
                name = "array"
            elif isinstance(instance, int):
                name = "integer"
            elif isinstance(instance, float):
                name = "float"
            elif isinstance(instance, numbers.Number):
                name = "other_number"
            else:
                name = "other"
            return by_kind[name](instance)

        lookup = by_type.get

        def check(instance: Any) -> bool:
            return lookup(type(instance), by_isinstance)(instance)

        # Shortcuts for the commonest nodes: no dispatch for "anything", a sentinel for "null".
        if all(c is _accept for c in by_kind.values()):
            return _accept
        if by_kind["null"] is _accept and all(
            c is _reject for name, c in by_kind.items() if name != "null"
        ):
            return _is_null
        return check

    @staticmethod
    def _types(schema: dict[str, Any], where: str) -> frozenset[str] | None:
        if "type" not in schema:
            return None
        value = schema["type"]
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(n in _TYPES for n in names):
            raise UnsupportedSchemaError(f"{where}: type {value!r} not understood")
        return frozenset(names)

    def _common(self, schema: dict[str, Any], where: str) -> list[Check]:
        """Keywords that apply to an instance of any type (cheapest first)."""
        checks: list[Check] = []
        if "enum" in schema:
            checks.append(self._enum(schema["enum"]))
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda instance: _equal(instance, const))
        if "format" in schema and self.format_checker is not None:
            fmt, checker = schema["format"], self.format_checker
            # The full validator checks a format only when its FormatChecker knows it (the
            # "date" checker needs nothing installed; others such as "uri" need extra
            # packages): ask the same checker, so both agree whatever is installed.
            if fmt in checker.checkers:
                conforms = checker.conforms
                checks.append(lambda instance: conforms(instance, fmt))
        if "allOf" in schema:
            checks.append(_all_of(self._each(schema, "allOf", where)))
        if "anyOf" in schema:
            checks.append(_any_of(self._each(schema, "anyOf", where)))
        if "oneOf" in schema:
            one_of = self._each(schema, "oneOf", where)
            checks.append(lambda instance: sum(1 for c in one_of if c(instance)) == 1)
        if "not" in schema:
            negated = self.compile(schema["not"], f"{where}/not")
            checks.append(lambda instance: not negated(instance))
        return checks

    def _each(self, schema: dict[str, Any], keyword: str, where: str) -> list[Check]:
        return [self.compile(s, f"{where}/{keyword}/{i}") for i, s in enumerate(schema[keyword])]

    @staticmethod
    def _enum(members: list[Any]) -> Check:
        def any_member_equal(instance: Any) -> bool:
            return any(_equal(member, instance) for member in members)

        if all(m is None or type(m) is str for m in members):
            # Strings and null only (every enum of this contract): a set lookup decides for a
            # str or None; anything else (a str subclass, a number) is compared as jsonschema does.
            allowed = frozenset(members)
            return lambda x: x in allowed if type(x) is str or x is None else any_member_equal(x)
        return any_member_equal

    @staticmethod
    def _string(schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        low, high = schema.get("minLength"), schema.get("maxLength")
        # len() counts code points, as JSON Schema's lengths do.
        if low is not None:
            checks.append(lambda s: len(s) >= low)
        if high is not None:
            checks.append(lambda s: len(s) <= high)
        if "pattern" in schema:
            # jsonschema: re.search(pattern, instance), so unanchored unless the pattern says so.
            search = re.compile(schema["pattern"]).search
            checks.append(lambda s: search(s) is not None)
        return checks

    @staticmethod
    def _number(schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "minimum" in schema:
            minimum = schema["minimum"]
            checks.append(lambda n: not n < minimum)
        if "exclusiveMinimum" in schema:
            ex_minimum = schema["exclusiveMinimum"]
            checks.append(lambda n: not n <= ex_minimum)
        if "maximum" in schema:
            maximum = schema["maximum"]
            checks.append(lambda n: not n > maximum)
        if "exclusiveMaximum" in schema:
            ex_maximum = schema["exclusiveMaximum"]
            checks.append(lambda n: not n >= ex_maximum)
        return checks

    def _object(self, schema: dict[str, Any], where: str) -> list[Check]:
        if not {"properties", "required", "additionalProperties"} & schema.keys():
            return []
        properties = {
            name: self.compile(sub, f"{where}/properties/{name}")
            for name, sub in schema.get("properties", {}).items()
        }
        required = frozenset(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        # None: extra keys are fine; else the check every extra key's value must pass.
        extra_check = (
            None if extra is True else self.compile(extra, f"{where}/additionalProperties")
        )
        get = properties.get

        def check(obj: dict[str, Any]) -> bool:
            if not obj.keys() >= required:
                return False
            for key, value in obj.items():
                sub = get(key)
                if sub is None:
                    if extra_check is not None and not extra_check(value):
                        return False
                elif not sub(value):
                    return False
            return True

        return [check]

    def _array(self, schema: dict[str, Any], where: str) -> list[Check]:
        checks: list[Check] = []
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low is not None:
            checks.append(lambda a: len(a) >= low)
        if high is not None:
            checks.append(lambda a: len(a) <= high)
        if "items" in schema:
            each = self.compile(schema["items"], f"{where}/items")
            if each is not _accept:
                checks.append(lambda a: all(map(each, a)))
        if schema.get("uniqueItems"):  # truthy, as jsonschema tests it
            checks.append(_unique)
        return checks


def compile_checker(schema: Any, format_checker: FormatChecker | None = None) -> Check:
    """A function telling whether an instance is valid under ``schema`` (draft 2020-12, no
    ``$ref``), as ``Draft202012Validator(schema, format_checker=...)`` would.

    Raises ``UnsupportedSchemaError`` when the schema uses a keyword it does not implement.
    """
    return _Compiler(format_checker).compile(schema)


@cache
def fast_checker() -> Check | None:
    """The contract's fast checker, or None when it cannot be compiled (a warning says why)."""
    validator = _validator()  # first: a broken schema fails here, as it always did
    try:
        return compile_checker(inlined_schema(), validator.format_checker)
    except UnsupportedSchemaError as error:
        logger.warning(
            "Contract schema not compilable to the fast checker (%s): every item is validated "
            "by the full jsonschema validator, which is much slower",
            error,
        )
        return None


# --- validation ---------------------------------------------------------------------------------


def _field_of(error: Any) -> list[str]:
    # Stats are per top-level field, so nested errors (locations[0].country) count on "locations";
    # object-level errors name the missing or unexpected keys themselves.
    if error.absolute_path:
        return [str(error.absolute_path[0])]
    if error.validator == "required":
        return [p for p in error.validator_value if p not in error.instance]
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return sorted(k for k in error.instance if k not in allowed)
    return ["_item"]


def _fast_valid(item: dict[str, Any]) -> bool:
    check = fast_checker()
    if check is None:
        return False
    try:
        return check(item)
    except Exception:
        # The full validator is the arbiter: a value the fast checker trips on (a complex number
        # compared with a minimum) gets whatever answer, or exception, it gave before.
        return False


def validate_posting(item: dict[str, Any]) -> list[ContractError]:
    """Every way ``item`` breaks the contract, sorted by field; empty when it is valid."""
    if _fast_valid(item):
        return []
    # Invalid (or undecided): the full validator's errors are the messages and the stats.
    errors: list[ContractError] = []
    for error in _validator().iter_errors(item):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        message = f"{path.lstrip('.') or '(item)'}: {error.message}"
        errors.extend(ContractError(name, message) for name in _field_of(error))
    return sorted(errors, key=lambda e: (e.field, e.message))
