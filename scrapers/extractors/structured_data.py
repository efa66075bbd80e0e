"""Structured data in HTML pages → plain dicts. Pure: no Scrapy import.

- JSON-LD (``<script type="application/ld+json">``), in every shape seen in the wild: one object,
  a top-level array, ``@graph``, several blocks per page, the thing nested in ``WebPage`` /
  ``ItemList`` / ``mainEntity``. Broken blocks are repaired only where the repair cannot change
  what a well-formed block means: raw control characters inside strings, trailing commas before
  ``}``/``]``, HTML comment or CDATA wrappers, and a whole block HTML-escaped once.
- Microdata (``itemscope``/``itemtype``/``itemprop``) and RDFa Lite (``vocab``/``typeof``/
  ``property``), read by one walker into the same JSON-LD-like dicts (``{"@type": …, prop: …}``).
- Names as sites write them: :func:`schema_names` reads ``"Title"``, ``"DatePosted"``,
  ``"joblocation"`` or ``"hiringOrganisation"`` under schema.org's spelling (the names and
  misspellings are data: scrapers/data/schema_org.toml).

A small reader on lxml rather than extruct: see docs/jobposting.md for the measurement.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from scrapers.extractors.common import loads
from scrapers.normalise.vocabulary import read_vocabulary

_LD_SCRIPTS = '//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'
# Wrappers CMSs put around a script's text so old browsers ignore it.
_WRAPPER_START = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)\s*")
_WRAPPER_END = re.compile(r"\s*(?://\s*)?(?:-->|\]\]>)\s*$")
_ESCAPED = re.compile(r"&(?:quot|#34|#x22);")


@dataclass
class JsonLdResult:
    """Every parsed block of a page, what was repaired, and the blocks no safe repair could read."""

    blocks: list[Any] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _drop_trailing_commas(text: str) -> str:
    """Remove commas directly before ``}`` or ``]``, never inside a string."""
    out: list[str] = []
    in_string = escaped = False
    pending_comma: int | None = None
    for char in text:
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char in "}]" and pending_comma is not None:
            del out[pending_comma]
        if char == ",":
            pending_comma = len(out)
        elif not char.isspace():
            pending_comma = None
        if char == '"':
            in_string = True
        out.append(char)
    return "".join(out)


def parse_json_ld(text: str) -> tuple[Any, list[str]]:
    """One block's value and the repairs it needed; ValueError when no safe repair reads it."""
    repairs: list[str] = []
    stripped = text.strip()
    unwrapped = _WRAPPER_END.sub("", _WRAPPER_START.sub("", stripped))
    if unwrapped != stripped:
        repairs.append("comment")
    if _ESCAPED.search(unwrapped) and '"' not in unwrapped:
        unwrapped = html.unescape(unwrapped)
        repairs.append("html_escaped")
    no_commas = _drop_trailing_commas(unwrapped)
    # Each attempt: (text, strict?, the repairs it adds); the first that reads wins.
    attempts = [
        (unwrapped, True, []),
        (unwrapped, False, ["control_characters"]),
        (no_commas, True, ["trailing_commas"]),
        (no_commas, False, ["trailing_commas", "control_characters"]),
    ]
    error: ValueError | None = None
    for candidate, strict, added in attempts:
        try:
            return loads(candidate, strict=strict), repairs + added
        except ValueError as failure:
            error = error or failure
    raise ValueError(f"unreadable JSON-LD: {error}")


def read_json_ld(document: lxml_html.HtmlElement) -> JsonLdResult:
    result = JsonLdResult()
    for index, script in enumerate(document.xpath(_LD_SCRIPTS)):
        raw = script.text or ""
        if not raw.strip():
            continue
        try:
            value, repairs = parse_json_ld(raw)
        except ValueError as error:
            result.errors.append(f"block {index + 1}: {error}")
            continue
        result.blocks.append(value)
        result.repairs.extend(repairs)
    return result


def type_names(node: dict[str, Any]) -> list[str]:
    """``@type`` as short names: ``"schema:JobPosting"``, ``"http://schema.org/JobPosting"`` and
    ``["JobPosting", "Thing"]`` all hold ``JobPosting``."""
    declared = node.get("@type", node.get("type"))
    values = declared if isinstance(declared, list) else [declared]
    return [re.split(r"[/#:]", v)[-1] for v in values if isinstance(v, str) and v]


def find_typed(value: Any, wanted: str) -> Iterator[dict[str, Any]]:
    """Every dict of type ``wanted`` anywhere in ``value`` (``@graph``, arrays, ``mainEntity``,
    ``itemListElement`` …), in document order; a match is not searched further."""
    if isinstance(value, list):
        for member in value:
            yield from find_typed(member, wanted)
    elif isinstance(value, dict):
        if wanted in type_names(value):
            yield value
            return
        for member in value.values():
            yield from find_typed(member, wanted)


# --- microdata and RDFa Lite -------------------------------------------------------------------


@dataclass(frozen=True)
class _Syntax:
    name: str
    scope: str  # the attribute that opens an item
    type: str
    prop: str


MICRODATA = _Syntax("microdata", "itemscope", "itemtype", "itemprop")
RDFA = _Syntax("rdfa", "typeof", "typeof", "property")

_URL_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "object": "data",
}


def _property_names(element: lxml_html.HtmlElement, syntax: _Syntax) -> list[str]:
    # RDFa may prefix a term ("schema:title"); a full IRI keeps its last segment.
    return [re.split(r"[/#:]", name)[-1] for name in (element.get(syntax.prop) or "").split()]


def _value(element: lxml_html.HtmlElement) -> str:
    """A property's value as the HTML microdata and RDFa rules give it. An element with child
    elements keeps its inner HTML (a description's paragraphs); readers strip tags as needed."""
    if element.get("content") is not None:
        return element.get("content")
    attribute = _URL_ATTRIBUTES.get(element.tag)
    if attribute and element.get(attribute) is not None:
        return element.get(attribute)
    if element.tag == "time" and element.get("datetime"):
        return element.get("datetime")
    if element.tag in {"data", "meter"} and element.get("value") is not None:
        return element.get("value")
    if len(element):
        inner = (element.text or "") + "".join(
            lxml_html.tostring(child, encoding="unicode") for child in element
        )
        return inner.strip()
    return element.text_content().strip()


def _item(element: lxml_html.HtmlElement, syntax: _Syntax) -> dict[str, Any]:
    item: dict[str, Any] = {}
    types = [re.split(r"[/#:]", t)[-1] for t in (element.get(syntax.type) or "").split()]
    if types:
        item["@type"] = types if len(types) > 1 else types[0]
    _collect(element, syntax, item)
    return item


def _collect(parent: lxml_html.HtmlElement, syntax: _Syntax, item: dict[str, Any]) -> None:
    for child in parent.iterchildren():
        if not isinstance(child.tag, str):
            continue
        names = _property_names(child, syntax)
        opens_item = child.get(syntax.scope) is not None
        if names:
            value: Any = _item(child, syntax) if opens_item else _value(child)
            for name in names:
                _add(item, name, value)
        if not opens_item:
            _collect(child, syntax, item)


def _add(item: dict[str, Any], name: str, value: Any) -> None:
    if name not in item:
        item[name] = value
    elif isinstance(item[name], list):
        item[name].append(value)
    else:
        item[name] = [item[name], value]


def read_items(document: lxml_html.HtmlElement, syntax: _Syntax) -> list[dict[str, Any]]:
    """Top-level microdata or RDFa items of the page: those that are no item's property."""
    return [
        _item(element, syntax)
        for element in document.iter()
        if isinstance(element.tag, str)
        and element.get(syntax.scope) is not None
        and not _property_names(element, syntax)
    ]


def resolve_references(blocks: list[Any]) -> list[Any]:
    """Replace ``{"@id": …}`` stubs by the node of that ``@id`` (a ``@graph`` names the hiring
    Organization once and points at it from the JobPosting). One level: enough for the
    references JobPosting properties make, and no cycles."""
    nodes: dict[str, dict[str, Any]] = {}
    stack = list(blocks)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                nodes.setdefault(node["@id"], node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)

    def resolve(value: Any, depth: int) -> Any:
        if isinstance(value, list):
            return [resolve(v, depth) for v in value]
        if not isinstance(value, dict):
            return value
        if set(value) == {"@id"} and value["@id"] in nodes:
            return nodes[value["@id"]]
        return {k: resolve(v, depth + 1) for k, v in value.items()} if depth < 8 else value

    return [resolve(block, 0) for block in blocks]


# --- names as sites write them -----------------------------------------------------------------

_SCHEMA = read_vocabulary("schema_org")


def _fold_name(name: str) -> str:
    return re.sub(r"[^0-9a-z@]", "", name.lower())


_PROPERTIES = {_fold_name(name): name for name in _SCHEMA["properties"]}
_ALIASES = {_fold_name(name): meant for name, meant in _SCHEMA["aliases"].items()}
_TYPES = {_fold_name(name): name for name in _SCHEMA["types"]}
_KEYWORDS = {_fold_name(k): k for k in ("@type", "@id", "@graph", "@context", "@value")}


def _type_name(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    short = re.split(r"[/#:]", value)[-1]
    return _TYPES.get(_fold_name(short), value)


def schema_names(value: Any) -> Any:
    """``value`` with every known property and type under schema.org's spelling, at any depth.

    A key written in another case is renamed; a known misspelling is renamed only when the
    object does not hold the property itself; a key written both ways keeps the one spelled
    right. Unknown keys and all values other than ``@type`` stay as written."""
    if isinstance(value, list):
        return [schema_names(member) for member in value]
    if not isinstance(value, dict):
        return value
    renamed: dict[str, Any] = {}
    for key, member in value.items():
        folded = _fold_name(key) if isinstance(key, str) else key
        name = _KEYWORDS.get(folded) or _PROPERTIES.get(folded) or key
        if name == key or name not in value:
            renamed.setdefault(name, schema_names(member))
        else:
            renamed.setdefault(key, schema_names(member))
    for key in list(renamed):
        meant = _ALIASES.get(_fold_name(key))
        if meant and meant not in renamed:
            renamed[meant] = renamed.pop(key)
    if "@type" in renamed:
        declared = renamed["@type"]
        renamed["@type"] = (
            [_type_name(t) for t in declared]
            if isinstance(declared, list)
            else _type_name(declared)
        )
    return renamed
