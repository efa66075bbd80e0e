"""What two copies of one job share in any language: the employer's reference number, its contact
addresses, the amounts it states (no Scrapy import).

A board that translates, re-wraps or summarises a posting keeps these as they are: "Ref.
DE-2026-114", "jobs@acme.example", "€60,000" written "60.000 €". The reference is also what tells
apart two requisitions of one role whose text is otherwise the same. The label words are data
(``[evidence]`` in scrapers/data/dedup.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scrapers.dedup.phrases import REFERENCE_LABELS

# A labelled reference: "Ref: DE-2026-114", "Kennziffer 4711", "求人番号：A-1203". Found as a
# token holding a digit, then the label just before it: scanning the whole body for some sixty
# labels at every character cost ten times more.
_DIGITS = re.compile(r"\d+")
_TOKEN_REST = re.compile(r"[A-Za-z0-9\-_/.]*")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/.")
_MAX_TOKEN = 32
_LABEL_BEFORE = re.compile(
    rf"(?<!\w)(?:{REFERENCE_LABELS})(?![^\W\d_])\s*(?:n[ºo°]\.?|nr\.?)?[\s:：#.\-–(\[]*$",
    re.IGNORECASE,
)
_LABEL_REACH = 40
# A code shaped like a requisition id anywhere: letters then digits ("REQ-10234", "JR104512").
_CODE = re.compile(r"\b[A-Z]{1,6}[-_/ ]?\d{3,}(?:[-_/.]\d+)*\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d(?![\w])")
# An amount of money: thousands grouped by , . ' or a space, or written with k ("60k"). Patterns
# open with a digit so the engine skips to digits; what may not precede one is checked after.
_AMOUNT = re.compile(
    r"(\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+|\d{4,7})(?:[,.]\d{2})?(?![\d])"
    r"|(\d{2,3})\s?[kK]\b"
)
_CURRENCY = re.compile(
    r"[$€£¥₹₩₺₫₱₽¢]|\b(?:usd|eur|gbp|chf|jpy|inr|cad|aud|sgd|pln|czk|sek|nok|dkk|brl|mxn|ars|cop"
    r"|try|krw|cny|rmb|idr|vnd|aed|zar|huf|ron|zł|kr|kč|r\$|rs|lakh|lpa|円|万円|元|원|만원)",
    re.IGNORECASE,
)
_YEARS = range(1900, 2101)


def _plain(code: str) -> str:
    return re.sub(r"[^0-9a-z]", "", code.lower())


def _after(text: str, start: int, forbidden: str) -> bool:
    """The character before ``start`` is none of a word's, nor one of ``forbidden``."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in forbidden)


def references(text: str | None) -> frozenset[str]:
    """The reference numbers a text labels as the posting's own (each holds a digit)."""
    text = text or ""
    found = set()
    done = 0
    for digits in _DIGITS.finditer(text):
        if digits.start() < done:
            continue  # inside the token just read
        start = digits.start()
        while start > 0 and text[start - 1] in _TOKEN_CHARS and digits.start() - start < _MAX_TOKEN:
            start -= 1
        end = _TOKEN_REST.match(text, digits.end()).end()  # type: ignore[union-attr]
        done = end
        raw = text[start:end]
        at = start + len(raw) - len(raw.lstrip("-_/."))  # where the token, trimmed, begins
        ref = _plain(raw)
        if len(ref) >= 3 and _LABEL_BEFORE.search(text, max(0, at - _LABEL_REACH), at):
            found.add(ref)
    return frozenset(found)


def amounts(text: str | None) -> frozenset[int]:
    """The amounts a text states, as whole numbers: "€60,000", "60.000 €", "60k" are 60000.
    Years and numbers under 1,000 say nothing of one posting."""
    found = set()
    text = text or ""
    for match in _AMOUNT.finditer(text):
        if not _after(text, match.start(), "_.,"):
            continue
        # Only money: a currency beside it (a phone number or a reference is no amount).
        context = (
            text[max(0, match.start() - 6) : match.start()] + text[match.end() : match.end() + 16]
        )
        if not _CURRENCY.search(context):
            continue
        grouped, thousands = match.groups()
        value = int(thousands) * 1000 if thousands else int(re.sub(r"\D", "", grouped))
        if value >= 1000 and value not in _YEARS:
            found.add(value)
    return frozenset(found)


def shared_tokens(text: str | None, labelled: frozenset[str] | None = None) -> frozenset[str]:
    """Everything a copy of the posting keeps verbatim, each named by its kind: references and
    codes (``ref:``), e-mail addresses (``mail:``), links (``url:``), phone numbers (``tel:``)
    and amounts (``amount:``). ``labelled``: the text's :func:`references`, when already read."""
    text = text or ""
    tokens = {f"ref:{r}" for r in (references(text) if labelled is None else labelled)}
    tokens.update(f"ref:{_plain(c)}" for c in _CODE.findall(text))
    tokens.update(f"mail:{m.lower()}" for m in _EMAIL.findall(text))
    for url in _URL.findall(text):
        tokens.add("url:" + re.sub(r"^https?://(www\.)?", "", url.lower()).rstrip("/.,;"))
    for match in _PHONE.finditer(text):
        if not _after(text, match.start(), "_."):
            continue
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 15:
            tokens.add(f"tel:{digits[-9:]}")
    tokens.update(f"amount:{a}" for a in amounts(text))
    return frozenset(tokens)


_NUMBER = re.compile(r"\d+")
# Years near a posting's own (a start date, a deadline, "since 2019") are stated by many.
_NEAR_YEARS = frozenset(str(year) for year in range(2015, 2036))
# A posting keeps this many of its numbers: enough to tell one from another.
MAX_NUMBERS = 24


def numbers(text: str | None) -> frozenset[str]:
    """The numbers a body states, each run of digits of two or more (hours, years, team sizes,
    founding years, amounts): a translation keeps every one of them. Runs of zeros ("60.000"
    and "60,000" both hold "000") say nothing."""
    found: list[str] = []
    for run in _NUMBER.findall(text or ""):
        value = run.lstrip("0")
        if len(value) >= 2 and value not in found:
            found.append(value)
            if len(found) >= MAX_NUMBERS:
                break
    return frozenset(found)


def telling_numbers(numbers: Iterable[str]) -> frozenset[str]:
    """Of a body's numbers, those only it would state: three digits or more (a plant's size, a
    headcount, a founding year), not a year near the posting's own."""
    return frozenset(n for n in numbers if len(n) >= 3 and n not in _NEAR_YEARS)
