"""Validation of a feed line against the item contract's JSON Schema (no Scrapy import)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_RESOURCE = "schema/posting.schema.json"


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
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    inlined = _inline_refs(schema, schema.get("$defs", {}))
    return Draft202012Validator(inlined, format_checker=FormatChecker())


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


def validate_posting(item: dict[str, Any]) -> list[ContractError]:
    """Every way ``item`` breaks the contract, sorted by field; empty when it is valid."""
    errors: list[ContractError] = []
    for error in _validator().iter_errors(item):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        message = f"{path.lstrip('.') or '(item)'}: {error.message}"
        errors.extend(ContractError(name, message) for name in _field_of(error))
    return sorted(errors, key=lambda e: (e.field, e.message))
