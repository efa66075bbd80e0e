"""Small readers every extractor needs (no Scrapy import)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes
from parsel import Selector
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

from scrapers.extractors.base import SourceFormatError, without_surrogates
from scrapers.normalise.countries import (
    country_from_code,
    country_from_stated,
    subdivision,
)
from scrapers.textblocks import blocks_from_html


def text(value: Any) -> str | None:
    """A trimmed string, or None for None / blank (the contract never holds "")."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def join(values: Any, separator: str = ", ") -> str | None:
    parts = [t for t in (text(v) for v in values or []) if t]
    return separator.join(dict.fromkeys(parts)) or None


# --- bytes to text ---------------------------------------------------------------------------

# A \uD800-\uDFFF escape: JSON may hold one unpaired, which decodes to a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
# Decoded text holding a character other than ASCII and U+FFFD: valid UTF-8 sequences were read.
_BEYOND_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_REPLACEMENT = "\ufffd".encode()
# Detection trusted over windows-1252 only for a body with this many non-Latin letters: on a few
# accented Latin letters, charset detection guesses wildly (cp775 for "München").
_DETECTION_MIN_LETTERS = 32


@dataclass(frozen=True)
class Decoded:
    """A body as text, how it was read, and whether it was read as it declared itself."""

    text: str
    encoding: str  # the Python codec that read it
    replaced: int = 0  # replacement characters put in for bytes no codec could read
    fallback: bool = False  # not valid in its declared charset: read by detection or replacement


def codec_of(charset: str | None) -> str | None:
    """The Python codec of a declared charset name (WHATWG's mapping: latin-1 reads as cp1252)."""
    return resolve_encoding(charset) if charset else None


def decode_body(body: bytes, declared: str | None = None) -> Decoded:
    """``body`` as text: as its ``declared`` charset (None: UTF-8) when valid in it; else a body
    that is UTF-8 apart from a few bad bytes keeps UTF-8 with those replaced (U+FFFD); else the
    single-byte charset detection finds (windows-1252 unless the text is plainly another
    script's); at worst UTF-8 with replacement characters."""
    codec = codec_of(declared) or "utf-8"
    try:
        return Decoded(body.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        pass
    loose = body.decode("utf-8", "replace")
    replaced = loose.count("\ufffd") - body.count(_REPLACEMENT)
    if _BEYOND_ASCII.search(loose) is None:
        guess = _single_byte_charset(body)
        if guess is not None:
            return Decoded(body.decode(guess), guess, fallback=True)
    return Decoded(loose, "utf-8", replaced, fallback=True)


def _single_byte_charset(body: bytes) -> str | None:
    best = from_bytes(body).best()
    if best is not None:
        letters = [c for c in str(best) if ord(c) > 127 and c.isalpha()]
        foreign = sum(not unicodedata.name(c, "").startswith("LATIN") for c in letters)
        if len(letters) >= _DETECTION_MIN_LETTERS and foreign * 2 > len(letters):
            return best.encoding
    try:
        body.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding if best is not None else None
    return "cp1252"


def html_text(body: bytes | str) -> str:
    """An HTML page as text: as its BOM or ``<meta charset>`` says, else UTF-8; a body not valid
    in it falls back as :func:`decode_body` says."""
    if isinstance(body, str):
        return body
    bom, _ = read_bom(body)
    return decode_body(body, bom or html_body_declared_encoding(body)).text


def loads(text: str | bytes, *, strict: bool = True) -> Any:
    """``json.loads`` whose strings hold no lone surrogate (an unpaired ``\\ud800`` escape),
    each replaced by U+FFFD: such a string cannot be written as UTF-8, nor hashed."""
    value = json.loads(text, strict=strict)
    pattern = _SURROGATE_ESCAPE_BYTES if isinstance(text, bytes) else _SURROGATE_ESCAPE
    return without_surrogates(value) if pattern.search(text) else value  # type: ignore[arg-type]


def load_json(body: bytes | str) -> Any:
    """A JSON answer; bytes not valid UTF-8 are read by :func:`decode_body`'s fallbacks."""
    try:
        try:
            return loads(body)
        except UnicodeDecodeError:
            if not isinstance(body, bytes):
                raise
            return loads(decode_body(body).text)
    except ValueError as error:
        raise SourceFormatError(f"malformed JSON: {error}") from error


def html_to_text(html: str | None) -> str | None:
    """One line of plain text from an HTML fragment (for blurbs compared with body lines)."""
    if not html or not html.strip():
        return None
    return text(" ".join(block.text for block in blocks_from_html(html)))


def structured_location(
    city: Any, region: Any, country: Any, *, country_name: Any = None
) -> dict[str, str | None] | None:
    """``{city, region, country}`` from an API's separate fields, in the contract's conventions
    (ISO-2 upper-case country, US/Canadian regions as postal codes); None when all are empty."""
    city, region = text(city), text(region)
    code = text(country)
    iso = country_from_code(code.upper()) if code else None
    if iso is None and text(country_name):
        name = text(country_name) or ""
        # A field naming the country may name any country, not only those postings usually do.
        iso = country_from_stated(name)
    if region and (found := subdivision(region)) and iso in (None, found[1]):
        region, iso = found
    if not (city or region or iso):
        return None
    return {"city": city, "region": region, "country": iso}


def listing_card(anchor: Selector) -> Selector:
    """The listing card (list item) holding a job link, or the link itself outside a list."""
    found = anchor.xpath("ancestor-or-self::li[1]")
    return found[0] if found else anchor


def card_text(anchor: Selector) -> str:
    """The visible text of the listing card (list item) holding a job link, or of the link."""
    return " ".join(" ".join(listing_card(anchor).xpath(".//text()").getall()).split())


def card_heading(card: Selector) -> str | None:
    """A listing card's first heading: the job title a card shows. Only a heading is trusted as
    the title; a link's own text may be "Apply" or "Job"."""
    return text(card.xpath("string((.//h1|.//h2|.//h3|.//h4)[1])").get())
