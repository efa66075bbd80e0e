"""Teal (tealhq.com) job pages → raw item fields. Pure: call it on the bytes of a response.

Teal is an aggregator: each posting is copied from an employer's ATS and its body rewritten into
fixed sections ("About The Position", "Requirements", "Nice To Haves", "Responsibilities",
"Benefits"). Pages are server-rendered (Rails + React) with the job in
``<script>window.__REACT_QUERY_STATE__ = {"queries":[{"state":{"data":{"job":{…}}}}]};</script>``:
``title``, ``workplace_type`` (Onsite/Remote/Hybrid), ``min_salary``/``max_salary``,
``salary_currency``, ``salary_pay_period``, ``career_levels`` (``mid_level``…), ``posted_at``,
``url`` (the original ATS posting), ``body`` (the ATS text, plain, with ``\\n``),
``external_job_id``. When the state is absent or malformed the visible page is read instead.

Unverified (no public source documents these; the most plausible real shape was
chosen): the listing ``/jobs`` with ``?query=`` and ``?page=N`` (10 jobs a page, ``rel="next"``
link while more follow); the state keys ``employment_types`` (``["full_time"]``), ``company``
(``{"name": …}``) and ``location``; the page's markup hooks (``job-company``, ``job-meta``,
``job-apply``, ``job-description``, ``job-offers``, ``job-list``); how Teal prints pay
(``$168,000 - $252,000``, ``/hr`` for hourly pay).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from parsel import Selector

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.common import card_heading, card_text, html_text, listing_card, load_json
from scrapers.extractors.common import text as _text
from scrapers.normalise.dates import resolve_date
from scrapers.urls import canonical_url

SITE = "https://www.tealhq.com"
# /job/<title-slug>_<id>: 37 hex digits (7ea1a…), or a UUID on some postings.
JOB_PATH = re.compile(
    r"^/job/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)_(?P<id>[0-9a-f]{37}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}"
    r"-[0-9a-f]{12})/?$"
)
STATE_MARKER = "window.__REACT_QUERY_STATE__"

# The header line runs age, pay and workplace together: "2d$168,000 - $252,000Hybrid".
_AGE = re.compile(r"^(?:\d+\s?(?:mo|[mhdwy])\+?(?![a-z])|(?i:today|just now))")
_WORKPLACE = re.compile(r"(?i:on-site|on site|onsite|remote|hybrid)$")
_AMOUNT = r"(?:[$€£]\s?|(?:USD|EUR|GBP|CAD|AUD)\s?)?\d[\d,.]*\s?[kKM]?"
_SALARY = re.compile(
    rf"(?:Up to\s)?{_AMOUNT}(?:\s?(?:-|–|—|to)\s?{_AMOUNT})?\+?"
    r"(?:\s?/\s?(?:yr|year|hr|hour|mo|month|wk|week|day)|\s(?:per|a|an)\s(?:year|hour|month|week|day))?"
)
_CURRENCY_MARK = re.compile(r"[$€£]|\b(?:USD|EUR|GBP|CAD|AUD)\b")
_SEPARATORS = " ·•|,"

_EMPLOYMENT_LABELS = {
    "full_time": ("Full-time", "FULL_TIME"),
    "part_time": ("Part-time", "PART_TIME"),
    "contract": ("Contract", "CONTRACTOR"),
    "contractor": ("Contract", "CONTRACTOR"),
    "temporary": ("Temporary", "TEMPORARY"),
    "internship": ("Internship", "INTERN"),
    "volunteer": ("Volunteer", "VOLUNTEER"),
    "per_diem": ("Per Diem", "PER_DIEM"),
}
_LEVEL_LABELS = {
    "entry_level": "Entry Level",
    "mid_level": "Mid Level",
    "senior": "Senior",
    "senior_level": "Senior Level",
    "internship": "Internship",
    "lead": "Lead",
    "manager": "Manager",
    "director": "Director",
    "executive": "Executive",
}
_EMPLOYMENT_KEYS = ("employment_types", "job_types", "employment_type")
_WORKPLACES = {"onsite": "onsite", "on-site": "onsite", "remote": "remote", "hybrid": "hybrid"}
_PERIODS = {"hour", "day", "week", "month", "year"}
_PERIOD_SUFFIX = {"hour": "/hr", "day": "/day", "week": "/wk", "month": "/mo", "year": ""}
_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$"}

# Fields where the state holds the very string the page shows; for the others (age, pay) the
# state only holds machine values, so the page's own text is the raw field.
_STATE_FIRST = (
    "source_id",
    "title",
    "company",
    "location_raw",
    "remote_raw",
    "employment_type_raw",
    "seniority_raw",
    "department",
    "original_url",
)
_PAGE_FIRST = ("date_posted_raw", "salary_raw", "description_html", "page_language")


@dataclass(frozen=True)
class HeaderParts:
    """The three values of Teal's header line; any may be missing."""

    age: str | None = None
    salary: str | None = None
    workplace: str | None = None


@dataclass
class Listing:
    job_urls: list[str] = field(default_factory=list)
    has_next: bool = False
    skipped: list[str] = field(default_factory=list)
    # Visible text of each job's card (title, company, age, pay), by job URL: what the listing
    # says of the job's version.
    cards: dict[str, str] = field(default_factory=dict)
    # What each card shows as raw item fields, by job URL (none for a card without a title):
    # the posting exported when its job page cannot be read.
    postings: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class JobPage:
    """One job page's raw item fields; ``state_problem`` says why the embedded state was not
    used when it was there but unreadable (the fields then come from the visible page)."""

    posting: dict[str, Any]
    has_state: bool
    state_problem: str | None = None


def listing_url(query: str | None = None, page: int = 1) -> str:
    params = [("query", query)] if query else []
    params += [("page", str(page))] if page > 1 else []
    return f"{SITE}/jobs" + (f"?{urlencode(params)}" if params else "")


def job_url(slug: str, job_id: str) -> str:
    return f"{SITE}/job/{slug}_{job_id}"


def job_id_from_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.hostname not in {"www.tealhq.com", "tealhq.com"}:
        return None
    match = JOB_PATH.match(parts.path)
    return match["id"] if match else None


def split_header_line(line: str | None) -> HeaderParts:
    """``"2d$168,000 - $252,000Hybrid"`` → age ``2d``, salary ``$168,000 - $252,000``,
    workplace ``Hybrid``. A middle part that does not read as pay is dropped, not guessed."""
    rest = " ".join((line or "").split())
    age = workplace = None
    if match := _AGE.match(rest):
        age, rest = match.group(0), rest[match.end() :]
    if match := _WORKPLACE.search(rest):
        workplace, rest = match.group(0), rest[: match.start()]
    rest = rest.strip(_SEPARATORS)
    salary = rest if _SALARY.fullmatch(rest) and _CURRENCY_MARK.search(rest) else None
    return HeaderParts(_text(age), _text(salary), _text(workplace))


def _amount(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def format_salary(
    low: float | None, high: float | None, currency: str | None, period: str | None
) -> str | None:
    """Pay as Teal prints it: ``$168,000 - $252,000``, ``€45,000+``, ``$25 - $30/hr``."""
    if low is None and high is None:
        return None
    symbol = _CURRENCY_SYMBOLS.get(currency or "", f"{currency} " if currency else "")
    suffix = _PERIOD_SUFFIX.get(period or "year", "")
    if low is not None and high is not None:
        return f"{symbol}{_amount(low)} - {symbol}{_amount(high)}{suffix}"
    if low is not None:
        return f"{symbol}{_amount(low)}+{suffix}"
    return f"Up to {symbol}{_amount(high)}{suffix}"


def _is_header_line(line: str) -> bool:
    """A card line that is Teal's run-together age, pay and workplace, not a name."""
    parts = split_header_line(line)
    return bool(parts.age or parts.salary) or parts.workplace == " ".join(line.split())


def card_posting(card: Selector, *, url: str, crawled_at: str) -> dict[str, Any] | None:
    """What one listing card shows of a job, as raw item fields (the job page's own values for
    title, company, age, pay and workplace); None for a card without a title.

    The card's lines after its title heading: the company first, the header line (the one
    reading as age, pay and workplace, as on the job page), and a location when a further line
    shows one (unverified: the world's cards show none)."""
    title = card_heading(card)
    if not title:
        return None
    blocks = card.xpath(".//p | .//div[not(.//p or .//div or .//h1 or .//h2 or .//h3 or .//h4)]")
    lines = [_text(block.xpath("string()").get()) for block in blocks]
    header = next((line for line in lines if line and _is_header_line(line)), None)
    names = [line for line in lines if line and line != header and line != title]
    parts = split_header_line(header)
    return {
        "url": url,
        "source": "teal",
        "source_id": job_id_from_url(url),
        "title": title,
        "company": names[0] if names else None,
        "location_raw": names[1] if len(names) > 1 else None,
        "remote_raw": parts.workplace,
        "salary_raw": parts.salary,
        "date_posted_raw": parts.age,
        "crawled_at": crawled_at,
    }


def parse_listing(body: bytes | str, *, url: str, crawled_at: str) -> Listing:
    """The job pages a listing page links to, in its order, whether a next page follows, and
    what each card shows (``card_posting``)."""
    selector = Selector(text=_decode(body))
    cards = selector.css("ul.job-list")
    if not cards:
        raise SourceFormatError("not a Teal job listing (no job list)")
    listing = Listing(has_next=bool(selector.css('a[rel~="next"]')))
    for anchor in cards.css("a[href]"):
        href = anchor.attrib["href"]
        absolute = canonical_url(urljoin(url, href))
        if not job_id_from_url(absolute):
            listing.skipped.append(f"not a Teal job link: {href!r}")
        elif absolute not in listing.job_urls:
            listing.job_urls.append(absolute)
            listing.cards[absolute] = card_text(anchor)
            card = card_posting(listing_card(anchor), url=absolute, crawled_at=crawled_at)
            if card is not None:
                listing.postings[absolute] = card
    return listing


def _decode(body: bytes | str) -> str:
    return html_text(body)


def read_state(selector: Selector) -> dict[str, Any] | None:
    """The job of the embedded React Query state; None when the page has no state, and
    SourceFormatError when it has one that cannot be read."""
    script = selector.xpath(f'//script[contains(., "{STATE_MARKER}")]/text()').get()
    if script is None:
        return None
    payload = script.split(STATE_MARKER, 1)[1].strip().removeprefix("=").strip().rstrip(";")
    state = load_json(payload)
    queries = state.get("queries") if isinstance(state, dict) else None
    for query in queries if isinstance(queries, list) else []:
        data = ((query or {}).get("state") or {}).get("data") if isinstance(query, dict) else None
        if isinstance(data, dict) and isinstance(data.get("job"), dict):
            return data["job"]
    raise SourceFormatError("no job in the embedded state")


def _labels(values: Any, labels: dict[str, Any]) -> list[str]:
    values = values if isinstance(values, list) else [values]
    out = []
    for value in (v for v in (_text(v) for v in values) if v):
        label = labels.get(value.lower())
        label = label[0] if isinstance(label, tuple) else label
        out.append(label or (value.replace("_", " ").title() if "_" in value else value))
    return out


def _employment_values(job: dict[str, Any]) -> list[str]:
    found = next((job[k] for k in _EMPLOYMENT_KEYS if job.get(k)), [])
    return [v for v in (_text(x) for x in (found if isinstance(found, list) else [found])) if v]


def _company_name(job: dict[str, Any]) -> str | None:
    company = job.get("company")
    if isinstance(company, dict):
        return _text(company.get("name"))
    return _text(company) or _text(job.get("company_name"))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return value


def _state_salary(job: dict[str, Any]) -> dict[str, Any] | None:
    low, high = _number(job.get("min_salary")), _number(job.get("max_salary"))
    currency = _text(job.get("salary_currency"))
    if (low is None and high is None) or not currency or not re.fullmatch(r"[A-Za-z]{3}", currency):
        return None
    period = _text(job.get("salary_pay_period"))
    return {
        "min": low,
        "max": high,
        "currency": currency.upper(),
        "period": period.lower() if period and period.lower() in _PERIODS else None,
    }


def _state_date(value: Any) -> str | None:
    # The project's one date reader (absolute dates only: a state's posted_at is a timestamp).
    return resolve_date(value if isinstance(value, int | float | str) else None, "")


def _from_state(job: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(raw fields, structured fields) of a state job."""
    employment = _employment_values(job)
    salary = _state_salary(job)
    raw = {
        "source_id": _text(job.get("id")),
        "title": _text(job.get("title")),
        "company": _company_name(job),
        "location_raw": _text(job.get("location")),
        "remote_raw": _text(job.get("workplace_type")),
        "employment_type_raw": ", ".join(_labels(employment, _EMPLOYMENT_LABELS)) or None,
        "seniority_raw": ", ".join(_labels(job.get("career_levels"), _LEVEL_LABELS)) or None,
        "department": _text(job.get("job_function")),
        "original_url": _text(job.get("url")),
        "salary_raw": salary and format_salary(salary["min"], salary["max"], *_pay(salary)),
        "date_posted_raw": _text(job.get("posted_at")),
    }
    structured: dict[str, Any] = {
        "salary": salary,
        "remote": _WORKPLACES.get((raw["remote_raw"] or "").lower()),
        "date_posted": _state_date(job.get("posted_at")),
    }
    # Only one known type maps to one schema.org value; several stay for the pipeline to read.
    if len(employment) == 1 and isinstance(_EMPLOYMENT_LABELS.get(employment[0].lower()), tuple):
        structured["employment_type"] = _EMPLOYMENT_LABELS[employment[0].lower()][1]
    body = job.get("body")
    raw["description"] = body.strip() if isinstance(body, str) and body.strip() else None
    return raw, {k: v for k, v in structured.items() if v}


def _pay(salary: dict[str, Any]) -> tuple[str, str | None]:
    return salary["currency"], salary["period"]


def _widget(selector: Selector) -> dict[str, str]:
    """The "What This Job Offers" rows: label → value."""
    rows = {}
    for label in selector.css("section.job-offers dt"):
        value = label.xpath("following-sibling::dd[1]")
        key, shown = _text(label.xpath("string()").get()), _text(value.xpath("string()").get())
        if key and shown:
            rows[key.lower()] = shown
    return rows


def _from_page(selector: Selector) -> dict[str, Any]:
    header = split_header_line(selector.css(".job-meta").xpath("string()").get())
    widget = _widget(selector)
    body = selector.css("section.job-description")
    body_html = "".join(body.xpath("./node()").getall()).strip() if body else ""
    lang = _text(selector.xpath("/html/@lang").get())
    return {
        "title": _text(selector.css("h1").xpath("string()").get()),
        "company": _text(selector.css(".job-company").xpath("string()").get()),
        "remote_raw": header.workplace,
        "employment_type_raw": widget.get("job type"),
        "seniority_raw": widget.get("career level"),
        "salary_raw": header.salary,
        "date_posted_raw": header.age,
        "original_url": _text(selector.css("a.job-apply::attr(href)").get()),
        "description_html": body_html or None,
        "page_language": lang.split("-")[0].lower() if lang else None,
    }


def _first(*values: Any) -> Any:
    return next((v for v in values if v), None)


def parse_job_page(body: bytes | str, *, url: str, crawled_at: str) -> JobPage:
    """One job page as raw item fields (plus the state's structured salary, workplace, date and
    employment type). Raises SourceFormatError when the page is not a Teal job page."""
    selector = Selector(text=_decode(body))
    problem = None
    try:
        job = read_state(selector)
    except SourceFormatError as error:
        job, problem = None, f"malformed state: {error}"
    state, structured = _from_state(job) if job else ({}, {})
    page = _from_page(selector)
    fields = {k: _first(state.get(k), page.get(k)) for k in _STATE_FIRST}
    fields |= {k: _first(page.get(k), state.get(k)) for k in _PAGE_FIRST}
    if not fields["title"]:
        raise SourceFormatError(f"not a Teal job page (no title): {url}")
    canonical = canonical_url(url)
    original = canonical_url(fields["original_url"]) if fields["original_url"] else None
    posting = {
        **fields,
        "url": canonical,
        "source": "teal",
        # The id in the page's own URL is Teal's; the state's id is the same when present.
        "source_id": job_id_from_url(canonical) or fields["source_id"],
        "original_url": original,
        "apply_url": original,
        # Only when the page shows no body section: the ATS text the state carries.
        "description": None if fields["description_html"] else state.get("description"),
        "crawled_at": crawled_at,
        **structured,
    }
    return JobPage(posting=posting, has_state=job is not None, state_problem=problem)
