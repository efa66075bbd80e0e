"""NoDegree job board (``jobs.nodegree.com``) pages → raw item fields. Pure: call it on bytes.

NoDegree publishes no API, sitemap or markup documentation; what this module reads is modelled
on the seed capture (a browser's text of one real job page, tests/fixtures/seeds/) and
assumed, not verified:

- listings are server-rendered HTML: an organisation's jobs at
  ``/organizations/<org>/jobs`` (page 1) and ``…/jobs?page=N``, every job at ``/jobs?page=N``;
  the results sit in ``[data-testid="job-list"]`` (present, maybe empty, on every listing) and a
  ``rel="next"`` link leads to the following page until the last one;
- a job page ``/organizations/<org>/jobs/<title-slug>-J<32 hex>_O<board><10-char id>`` is a
  Next.js page: ``<h1>`` title, the board's one-line summary, chips (location, level, age,
  salary, company) marked by their icon, a company card (name + blurb), the employer's text in
  its own container, a "+ Show Original Job Post" link to the employer's posting, then a sidebar
  repeating title / location / category / "About <Company>" / blurb. Class names are CSS-module
  names (``JobDescription_body__h4sh``): they are matched by their stable prefix only;
- some pages (not the seed's) carry a schema.org ``JobPosting`` in JSON-LD: its values win where
  it has them, the markup fills the rest (and everything on pages without it);
- a job that closed still answers HTTP 200 with "This job is no longer available" (a soft 404).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector, SelectorList

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.common import (
    card_heading,
    card_text,
    html_text,
    join,
    listing_card,
    loads,
    text,
)
from scrapers.urls import canonical_url

HOST = "https://jobs.nodegree.com"
BOARD_NAME = "NoDegree"
ORGANIZATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
JOB_PATH = re.compile(
    r"^/organizations/(?P<org>[A-Za-z0-9_-]+)/jobs/(?P<slug>[^/?#]*?)-?"
    r"J(?P<id>[0-9a-fA-F]{32})_O(?P<ref>[A-Za-z0-9]+)/?$"
)
_GONE = re.compile(
    r"no longer available|no longer accepting applications|(?:job|posting) (?:has )?expired"
    r"|(?:job|position) (?:has been|was) (?:filled|closed|removed)",
    re.I,
)
# Chip icons, by the item field they mark.
_CHIP_ICONS = {
    "location": "location_raw",
    "map-pin": "location_raw",
    "signal": "seniority_raw",
    "bar-chart": "seniority_raw",
    "clock": "date_posted_raw",
    "banknote": "salary_raw",
    "building": "company",
    "briefcase": "department",
}
# For chips without a known icon: what the text itself looks like.
_AGE_TEXT = re.compile(r"\b(?:ago|today|yesterday|just posted)\b", re.I)
# An amount with its currency: "€40,000 - €55,000 / year", "USD 30/hour".
_PAY_TEXT = re.compile(r"[$€£]\s?\d|\b(?:USD|EUR|GBP|CHF)\s?\d|\d\s?(?:USD|EUR|GBP|CHF)\b")
_LEVEL_TEXT = re.compile(
    r"\b(?:level|intern(?:ship)?|entry|junior|mid|senior|lead|executive)\b", re.I
)


class PostingGone(Exception):
    """The page is the board's "job no longer available" page (served with HTTP 200)."""


@dataclass
class Listing:
    """The job pages one listing page links to, and the next listing page if there is one."""

    job_urls: list[str] = field(default_factory=list)
    next_url: str | None = None
    # Visible text of each job's card (title, company, place, age), by job URL: what the listing
    # says of the job's version.
    cards: dict[str, str] = field(default_factory=dict)
    # What each card shows as raw item fields, by job URL (none for a card without a title):
    # the posting exported when its job page cannot be read.
    postings: dict[str, dict[str, Any]] = field(default_factory=dict)


def organization_jobs_url(org: str, page: int = 1) -> str:
    base = f"{HOST}/organizations/{org}/jobs"
    return base if page <= 1 else f"{base}?page={page}"


def all_jobs_url(page: int = 1) -> str:
    return f"{HOST}/jobs" if page <= 1 else f"{HOST}/jobs?page={page}"


def job_url_parts(url: str) -> tuple[str, str] | None:
    """``(organisation, job hash)`` of a job page URL, or None for any other URL."""
    parts = urlsplit(url)
    if parts.hostname != urlsplit(HOST).hostname:
        return None
    match = JOB_PATH.match(parts.path)
    return (match["org"], match["id"].lower()) if match else None


def _selector(body: bytes | str) -> Selector:
    page = html_text(body)
    return Selector(text=page or "<html></html>")


def _by_class(root: Selector | SelectorList, prefix: str) -> SelectorList:
    """Elements whose CSS-module class starts with ``prefix`` (the hash suffix changes)."""
    return root.xpath(f".//*[starts-with(@class, '{prefix}__') or contains(@class, ' {prefix}__')]")


def _text_of(nodes: SelectorList | Selector) -> str | None:
    return text(" ".join(nodes.xpath(".//text()[not(ancestor::svg)]").getall()))


def card_posting(card: Selector, *, url: str, crawled_at: str) -> dict[str, Any] | None:
    """What one listing card shows of a job, as raw item fields (as the job page shows them:
    title, company, place, level, age, pay); None for a card without a title or off the board.

    The title is the card's ``JobCard_title`` (else its first heading), the company its
    ``JobCard_company`` (else a chip marked as the company); its ``JobCard_meta`` lines and chips
    are read as the job page's chips are, by icon, else by what they say."""
    parts = job_url_parts(url)
    title = _text_of(_by_class(card, "JobCard_title")[:1]) or card_heading(card)
    if parts is None or not title:
        return None
    meta = _marked([*_by_class(card, "JobCard_meta"), *_by_class(card, "Chip_root")])
    return {
        "url": url,
        "source": "nodegree",
        "source_id": parts[1],
        "title": title,
        "company": _text_of(_by_class(card, "JobCard_company")[:1]) or meta.get("company"),
        "location_raw": meta.get("location_raw"),
        "seniority_raw": meta.get("seniority_raw"),
        "salary_raw": meta.get("salary_raw"),
        "date_posted_raw": meta.get("date_posted_raw"),
        "department": meta.get("department"),
        "crawled_at": crawled_at,
    }


def parse_listing(body: bytes | str, url: str, *, crawled_at: str) -> Listing:
    """Job page URLs (canonical, in page order), what each card shows (``card_posting``) and
    the next page of one listing page."""
    sel = _selector(body)
    results = sel.css('[data-testid="job-list"]')
    if not results:
        raise SourceFormatError(f"not a NoDegree job listing: {url}")
    listing = Listing()
    for anchor in results.css("a[href]"):
        absolute = canonical_url(urljoin(url, anchor.attrib["href"]))
        if job_url_parts(absolute) and absolute not in listing.job_urls:
            listing.job_urls.append(absolute)
            listing.cards[absolute] = card_text(anchor)
            card = card_posting(listing_card(anchor), url=absolute, crawled_at=crawled_at)
            if card is not None:
                listing.postings[absolute] = card
    following = sel.css('a[rel~="next"]::attr(href), link[rel~="next"]::attr(href)').get()
    if following:
        listing.next_url = canonical_url(urljoin(url, following))
    return listing


# --- JSON-LD ------------------------------------------------------------------------------------


def _json_ld_objects(sel: Selector) -> list[dict[str, Any]]:
    objects: list[Any] = []
    for raw in sel.css('script[type="application/ld+json"]::text').getall():
        try:
            # strict=False: boards leave raw newlines inside JSON-LD strings.
            data = loads(raw, strict=False)
        except ValueError:
            continue
        objects.extend(data if isinstance(data, list) else [data])
    flat: list[dict[str, Any]] = []
    for obj in objects:
        if isinstance(obj, dict):
            flat.extend([obj, *[g for g in obj.get("@graph") or [] if isinstance(g, dict)]])
    return flat


def _job_posting(sel: Selector) -> dict[str, Any]:
    for obj in _json_ld_objects(sel):
        kinds = obj.get("@type")
        if "JobPosting" in (kinds if isinstance(kinds, list) else [kinds]):
            return obj
    return {}


def _ld_name(value: Any) -> str | None:
    return text(value.get("name")) if isinstance(value, dict) else text(value)


def _ld_location(posting: dict[str, Any]) -> str | None:
    places = posting.get("jobLocation") or []
    places = places if isinstance(places, list) else [places]
    labels = []
    for place in (p for p in places if isinstance(p, dict)):
        address = place.get("address") or {}
        if isinstance(address, dict):
            labels.append(
                join(
                    [
                        address.get("addressLocality"),
                        address.get("addressRegion"),
                        _ld_name(address.get("addressCountry")),
                    ]
                )
            )
    if not labels and posting.get("jobLocationType") == "TELECOMMUTE":
        required = posting.get("applicantLocationRequirements")
        labels.append(join(["Remote", _ld_name(required)], " - "))
    return join(labels, " / ")


def _ld_description(posting: dict[str, Any]) -> str | None:
    description = posting.get("description")
    if not isinstance(description, str) or not description.strip():
        return None
    description = description.strip()
    # Some boards entity-escape the HTML inside JSON-LD; unescape it once.
    if description and "<" not in description and "&lt;" in description:
        description = html.unescape(description)
    return description


def _ld_salary(posting: dict[str, Any]) -> dict[str, Any]:
    salary = posting.get("baseSalary")
    if not isinstance(salary, dict) or not isinstance(salary.get("value"), dict):
        return {}
    value, currency = salary["value"], text(salary.get("currency"))
    low, high = value.get("minValue"), value.get("maxValue")
    period = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}.get(
        str(value.get("unitText") or "").upper()
    )
    if not currency or not isinstance(low, int | float) or not isinstance(high, int | float):
        return {}
    return {
        "salary": {"min": low, "max": high, "currency": currency.upper(), "period": period},
        "salary_raw": f"{low:,} - {high:,} {currency} {value.get('unitText') or ''}".strip(),
    }


def _ld_fields(posting: dict[str, Any]) -> dict[str, Any]:
    if not posting:
        return {}
    employment = posting.get("employmentType")
    valid = re.match(r"\d{4}-\d{2}-\d{2}", str(posting.get("validThrough") or ""))
    organization = posting.get("hiringOrganization")
    fields = {
        "title": text(posting.get("title")),
        "company": _ld_name(organization),
        "company_description": text(organization.get("description"))
        if isinstance(organization, dict)
        else None,
        "location_raw": _ld_location(posting),
        "remote_raw": text(posting.get("jobLocationType")),
        "employment_type_raw": join(employment if isinstance(employment, list) else [employment]),
        "date_posted_raw": text(posting.get("datePosted")),
        "department": text(posting.get("occupationalCategory")),
        "description_html": _ld_description(posting),
        "valid_through": valid[0] if valid else None,
    }
    return {k: v for k, v in fields.items() if v} | _ld_salary(posting)


# --- markup -------------------------------------------------------------------------------------


def _chips(article: SelectorList) -> dict[str, str]:
    return _marked(_by_class(article, "Chip_root"))


def _marked(nodes: Iterable[Selector]) -> dict[str, str]:
    """Item fields of a page's chips or a card's meta lines: by their icon, else by their text
    (the first of each field wins)."""
    found: dict[str, str] = {}
    unmarked: list[str] = []
    for chip in nodes:
        value = _text_of(chip)
        icon = chip.css("svg::attr(data-icon)").get()
        name = _CHIP_ICONS.get(icon or "")
        if not value:
            continue
        if name:
            found.setdefault(name, value)
        else:
            unmarked.append(value)
    # A chip whose icon changed still reads as what it says.
    for value in unmarked:
        if _AGE_TEXT.search(value):
            found.setdefault("date_posted_raw", value)
        elif _PAY_TEXT.search(value):
            found.setdefault("salary_raw", value)
        elif _LEVEL_TEXT.search(value):
            found.setdefault("seniority_raw", value)
        else:
            found.setdefault("location_raw", value)
    return found


def _body_html(article: SelectorList) -> str | None:
    body = _by_class(article, "JobDescription_body")[:1]
    inner = "".join(body.xpath("node()").getall()).strip()
    return inner if _text_of(body) else None


def _sidebar_department(sel: Selector, location: str | None, title: str | None) -> str | None:
    sidebar = _by_class(sel, "JobSidebar_card")[:1]
    marked = sidebar.xpath(".//svg[@data-icon='briefcase']/..")
    if marked:
        return _text_of(marked[:1])
    # Without the icon: the card's line that is neither the title nor the location.
    lines = [_text_of(node) for node in _by_class(sidebar, "JobSidebar_meta")]
    return next((v for v in lines if v and v not in (location, title)), None)


def _original_url(sel: Selector, page_url: str) -> str | None:
    for link in sel.css("main a[href]"):
        label = _text_of(link) or ""
        if re.search(r"show original (?:job )?post", label, re.I):
            href = urljoin(page_url, link.attrib["href"])
            return canonical_url(href) if href.startswith(("http://", "https://")) else None
    return None


def _markup_fields(sel: Selector, page_url: str) -> dict[str, Any]:
    article = sel.css("main article") or sel.css("main")
    chips = _chips(article)
    card = _by_class(article, "CompanyCard_root")[:1]
    title = _text_of(article.css("h1")[:1])
    fields = {
        "title": title,
        "company": _text_of(card.css("h2, h3")[:1]) or chips.get("company"),
        "company_description": _text_of(card.css("p")[:1]),
        "location_raw": chips.get("location_raw"),
        "seniority_raw": chips.get("seniority_raw"),
        "salary_raw": chips.get("salary_raw"),
        "date_posted_raw": chips.get("date_posted_raw"),
        "department": _sidebar_department(sel, chips.get("location_raw"), title),
        "description_html": _body_html(article),
        "original_url": _original_url(sel, page_url),
    }
    return {k: v for k, v in fields.items() if v}


def _gone(sel: Selector, markup: dict[str, Any]) -> bool:
    if markup.get("description_html"):
        return False
    headline = _text_of(sel.css("main h1, main h2, main p")) or _text_of(sel.css("title")) or ""
    return bool(_GONE.search(headline))


def _page_language(sel: Selector) -> str | None:
    lang = text(sel.xpath("/html/@lang").get())
    return lang.split("-")[0].lower() if lang else None


def parse_job_page(body: bytes | str, url: str, *, crawled_at: str) -> dict[str, Any]:
    """Raw item fields of one job page.

    Raises PostingGone for the board's soft 404 page and SourceFormatError for anything that is
    not a NoDegree job page.
    """
    parts = job_url_parts(url)
    if parts is None:
        raise SourceFormatError(f"not a NoDegree job URL: {url}")
    sel = _selector(body)
    markup = _markup_fields(sel, url)
    if _gone(sel, markup):
        raise PostingGone(url)
    # Structured data first; the markup fills what JSON-LD lacks (or everything without it).
    fields = markup | _ld_fields(_job_posting(sel))
    for name in ("location_raw", "salary_raw", "company_description", "department"):
        # What the page shows outranks JSON-LD's reconstruction of it.
        if markup.get(name):
            fields[name] = markup[name]
    if not fields.get("title") or not fields.get("description_html"):
        raise SourceFormatError(f"no job title or body on {url}")
    canonical = canonical_url(url)
    return {
        "url": canonical,
        "source": "nodegree",
        "source_id": parts[1],
        "title": fields["title"],
        "company": fields.get("company"),
        "company_description": fields.get("company_description"),
        "location_raw": fields.get("location_raw"),
        "remote_raw": fields.get("remote_raw"),
        "seniority_raw": fields.get("seniority_raw"),
        "employment_type_raw": fields.get("employment_type_raw"),
        "salary_raw": fields.get("salary_raw"),
        "salary": fields.get("salary"),
        "date_posted_raw": fields.get("date_posted_raw"),
        "valid_through": fields.get("valid_through"),
        "department": fields.get("department"),
        "description_html": fields["description_html"],
        # Candidates apply through the employer's posting: NoDegree has no form of its own.
        "apply_url": fields.get("original_url"),
        "original_url": fields.get("original_url"),
        "page_language": _page_language(sel),
        "crawled_at": crawled_at,
    }
