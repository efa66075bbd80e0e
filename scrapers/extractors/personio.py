"""Personio public XML feed → raw item fields. Pure: call it on the bytes of a response.

Feed: ``GET https://{company}.jobs.personio.de/xml`` (or ``.jobs.personio.com``), German unless
``?language=en`` (or another language the company publishes in) asks otherwise; every open
position at once (no paging) as ``<workzag-jobs><position>…</position>…</workzag-jobs>``. A
position's body is split into ``<jobDescriptions><jobDescription><name>heading</name><value>
<![CDATA[HTML]]></value>…``; its contract is the enums ``<employmentType>`` (permanent, intern,
trainee, freelance, temporary, working_student) and ``<schedule>`` (full-time, part-time,
full-or-part-time). The job page is ``https://{company}.jobs.personio.de/job/{id}``. A position
may state its pay: ``<salaryInformation><min>…</min><max>…</max><currencyCode>EUR</currencyCode>
<type>yearly</type></salaryInformation>`` (``max`` may be empty; ``type`` yearly, monthly,
hourly, …).

The feed names no language of its own: a board that names one (``acme:en``) is read in it; a
board that does not gets whatever default language the company set, so its language is told
from the feed's own text (one language for the whole feed).

A board names the feed: ``acme`` (the .de host, German), ``acme:en`` (in English),
``acme.jobs.personio.com:en`` (the .com host).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import html_to_text
from scrapers.extractors.common import text as _text
from scrapers.language import detect_language
from scrapers.urls import canonical_url

BOARD = re.compile(
    r"^(?P<company>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
    r"(?:\.jobs\.personio\.(?P<tld>de|com))?"
    r"(?::(?P<language>[A-Za-z]{2}))?$"
)
# ``<salaryInformation><type>`` as the item contract's salary period (other values: no period).
_PAY_PERIODS = {
    "yearly": "year",
    "annually": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
}
# How much of the feed's text is read to tell its language: enough for a clear answer.
_LANGUAGE_SAMPLE_CHARS = 4000

# Employment type and schedule as one schema.org value. Trainee (Ausbildung) is INTERN and a
# working student (Werkstudent) PART_TIME, as the employment normaliser decides. The value
# "working_student" is unverified; an unknown value is left to the normaliser (raw is kept).
_CONTRACTS = {
    "intern": "INTERN",
    "trainee": "INTERN",
    "freelance": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "working_student": "PART_TIME",
}
_SCHEDULES = {"full-time": "FULL_TIME", "part-time": "PART_TIME"}

# No DTD, no entity expansion beyond XML's own, no network: the feed is someone else's bytes.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True)
class Feed:
    """One company's feed in one language, as a board names it."""

    company: str
    tld: str = "de"
    language: str | None = None

    @classmethod
    def parse(cls, board: str) -> Feed:
        match = BOARD.match(board.strip())
        if not match:
            raise ValueError(f"{board!r} is not a Personio board (acme, acme:en, …)")
        language = match["language"]
        return cls(match["company"].lower(), match["tld"] or "de", language and language.lower())

    @property
    def host(self) -> str:
        return f"https://{self.company}.jobs.personio.{self.tld}"

    @property
    def url(self) -> str:
        return f"{self.host}/xml" + (f"?language={self.language}" if self.language else "")

    @property
    def page_language(self) -> str | None:
        """The language the board asks the feed in; None when it asks none (the company's
        default, which the feed does not name)."""
        return self.language

    def job_url(self, job_id: str) -> str:
        # The job page in the feed's language, so url and body agree.
        query = f"?language={self.language}" if self.language else ""
        return f"{self.host}/job/{job_id}{query}"


def _content(node: Any) -> str:
    """A node's text. An entity the parser left unexpanded (one a DTD declares) is dropped and
    the text around it kept; XML's own entities and character references are already text."""
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        if child.tag not in (etree.Entity, etree.Comment, etree.PI):
            parts.append(_content(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _child(position: Any, tag: str) -> str | None:
    return _text(_content(position.find(tag)))


def employment_type(contract: str | None, schedule: str | None) -> str | None:
    """A permanent contract says only that it does not end; the schedule says its hours."""
    contract, schedule = (contract or "").lower(), (schedule or "").lower()
    if contract in _CONTRACTS:
        return _CONTRACTS[contract]
    if contract in ("permanent", ""):
        return _SCHEDULES.get(schedule)
    return None


def _offices(position: Any) -> str | None:
    names = [_content(position.find("office"))]
    names += [_content(o) for o in position.iterfind("additionalOffices/office")]
    # Not ", ": "Berlin, Hamburg" would read as a city and its region.
    offices = [n for n in (_text(name) for name in names) if n]
    return "; ".join(dict.fromkeys(offices)) or None


def body_html(position: Any) -> str | None:
    """The sections in feed order, each under its heading, as the job page shows them."""
    parts = []
    for section in position.iterfind("jobDescriptions/jobDescription"):
        heading = _text(_content(section.find("name")))
        value = _content(section.find("value")).strip()
        if heading:
            parts.append(f"<h3>{html.escape(heading, quote=False)}</h3>")
        if value:
            parts.append(value)
    return "\n".join(parts) or None


def _amount(value: str | None) -> int | float | None:
    try:
        number = float((value or "").replace(",", ""))
    except ValueError:
        return None
    if number <= 0:
        return None
    return int(number) if number.is_integer() else number


def salary(position: Any) -> tuple[str | None, dict[str, Any] | None]:
    """``(salary_raw, salary)`` from ``<salaryInformation>``; (None, None) without an amount."""
    info = position.find("salaryInformation")
    if info is None:
        return None, None
    low, high = _amount(_child(info, "min")), _amount(_child(info, "max"))
    if low is None and high is None:
        return None, None
    currency = (_child(info, "currencyCode") or "").upper() or None
    kind = (_child(info, "type") or "").lower()
    # As the job page writes it: "€50,000 - 60,000 yearly", "4,200 CHF monthly".
    symbol = _child(info, "currencySymbol") or currency or ""
    amounts = " - ".join(f"{v:,}" for v in dict.fromkeys(v for v in (low, high) if v is not None))
    money = f"{symbol}{amounts}" if len(symbol) == 1 else f"{amounts} {symbol}".strip()
    raw = f"{money} {kind}".strip()
    structured = {
        "min": low,
        "max": high,
        "currency": currency if currency and re.fullmatch(r"[A-Z]{3}", currency) else None,
        "period": _PAY_PERIODS.get(kind),
    }
    return raw, structured if structured["currency"] else None


def feed_language(positions: list[Any]) -> str | None:
    """The language of a feed's own text (titles and bodies, read together up to a bound)."""
    parts: list[str] = []
    size = 0
    for position in positions:
        text = f"{_child(position, 'name') or ''}\n{html_to_text(body_html(position)) or ''}"
        parts.append(text)
        size += len(text)
        if size >= _LANGUAGE_SAMPLE_CHARS:
            break
    return detect_language("\n".join(parts)[:_LANGUAGE_SAMPLE_CHARS]).language


def parse_position(
    position: Any, *, feed: Feed, crawled_at: str, language: str | None = None
) -> dict[str, Any]:
    job_id, title = _child(position, "id"), _child(position, "name")
    if not job_id or not title:
        raise SourceFormatError(f"position without id or name: {etree.tostring(position)[:120]!r}")
    contract, schedule = _child(position, "employmentType"), _child(position, "schedule")
    url = canonical_url(feed.job_url(job_id))
    salary_raw, structured_salary = salary(position)
    return {
        "url": url,
        "source": "personio",
        "source_id": job_id,
        "title": title,
        "company": _child(position, "subcompany"),
        "location_raw": _offices(position),
        "employment_type_raw": ", ".join(v for v in (contract, schedule) if v) or None,
        "employment_type": employment_type(contract, schedule),
        "seniority_raw": _child(position, "seniority"),
        "salary_raw": salary_raw,
        "salary": structured_salary,
        "date_posted_raw": _child(position, "createdAt"),
        "department": _child(position, "department"),
        "description_html": body_html(position),
        # The application form is on the job page itself.
        "apply_url": url,
        "page_language": feed.page_language or language,
        "crawled_at": crawled_at,
    }


def parse_feed(body: bytes | str, *, feed: Feed, crawled_at: str) -> Extracted:
    """Every position of one feed, as raw item fields, in feed order.

    Bytes that are not well-formed XML, or XML that is not a Personio feed (an HTML page, an
    error document), raise SourceFormatError; one bad position is skipped, with why.
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SourceFormatError(f"malformed XML: {error}") from error
    if root is None or root.tag != "workzag-jobs":
        raise SourceFormatError(f"not a Personio feed: root element {getattr(root, 'tag', None)!r}")
    extracted = Extracted()
    positions = list(root.iterfind("position"))
    language = feed.page_language or feed_language(positions)
    for _, posting in each_entry(
        positions,
        lambda position: parse_position(
            position, feed=feed, crawled_at=crawled_at, language=language
        ),
        extracted,
        id_of=lambda position: position.findtext("id"),
        show=lambda position: etree.tostring(position, encoding="unicode"),
    ):
        extracted.postings.append(posting)
    return extracted
