"""Teal (www.tealhq.com) pages as the site serves them: listing pages and server-rendered job
pages with the React Query state embedded.

A record's ``[teal]`` table: ``id`` (37 hex), and optionally ``slug``, ``original_url`` (else
built from ``ats``/``ats_board``/``ats_id``/``ats_site``), ``posted_at``, ``location``,
``workplace_type``, ``career_levels``, ``employment_types``, ``employees``,
``external_job_id`` and ``state`` (``embedded``, ``absent`` or ``malformed``).
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

from parsel import Selector

from scrapers.world import Recording
from world.builder.common import ats_posting_url
from world.builder.phrasebook import PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

SITE = "https://www.tealhq.com"
# A job page's server-rendered state: this global, assigned a JSON object in an inline script.
STATE_MARKER = "window.__REACT_QUERY_STATE__"
# The moment the world was captured (the seeds' clock): the ages printed on pages count from it.
CAPTURED_AT = datetime(2026, 11, 22, 3, 0, 0, tzinfo=UTC)
PAGE_SIZE = 10
HTML_HEADERS = [("Content-Type", "text/html; charset=utf-8")]
ROBOTS = """\
# www.tealhq.com
User-agent: *
Disallow: /app/
Disallow: /api/
Disallow: /users/
Disallow: /sign_in
Disallow: /sign_up
Disallow: /*?*utm_
Disallow: /jobs?*sort=
Allow: /

Sitemap: https://www.tealhq.com/sitemap.xml
"""

# Teal's fixed body sections, in the order the page shows them.
SECTIONS = (
    ("about", "About The Position"),
    ("requirements", "Requirements"),
    ("nice", "Nice To Haves"),
    ("responsibilities", "Responsibilities"),
    ("benefits", "Benefits"),
)
_HEADING_RULES = (
    ("benefits", re.compile(r"benefit|perks|what we offer|rewards|compensation", re.I)),
    ("nice", re.compile(r"nice to have|bonus points|preferred", re.I)),
    ("responsibilities", re.compile(r"responsibilit|what you.?ll do|duties|day to day", re.I)),
    ("requirements", re.compile(r"requirement|qualification|who you are|profil", re.I)),
    ("about", re.compile(r"about|overview|position|the role|summary", re.I)),
)
_PHRASEBOOK_HEADINGS = {
    str(words[key]).lower(): section
    for words in PHRASEBOOK.values()
    for key, section in (
        ("about", "about"),
        ("role", "about"),
        ("requirements", "requirements"),
        ("benefits", "benefits"),
    )
}
_WORKPLACE_WORDS = tuple(
    (str(words[key]), label)
    for words in PHRASEBOOK.values()
    for key, label in (("remote", "Remote"), ("hybrid", "Hybrid"))
)
_CAREER_LEVELS = (
    ["entry_level"],
    ["mid_level"],
    ["mid_level"],
    ["senior"],
    ["entry_level", "mid_level"],
)
# Pay as Teal prints it: a symbol before the amounts (else the code and a space), a unit after
# them except for yearly pay.
_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$"}
_PAY_UNITS = {"hour": "/hr", "day": "/day", "week": "/wk", "month": "/mo", "year": ""}
_ICON = (
    '<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">'
    '<path d="M6 3h7v7M13 3 4 12"/></svg>'
)


def listing_url(page: int) -> str:
    """The job listing, newest first; the first page has no query."""
    return f"{SITE}/jobs" + (f"?page={page}" if page > 1 else "")


def job_url(slug: str, job_id: str) -> str:
    return f"{SITE}/job/{slug}_{job_id}"


def _amount(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def pay_label(
    low: float | None, high: float | None, currency: str | None, period: str | None
) -> str | None:
    """``$168,000 - $252,000``, ``€45,000+``, ``Up to $30/hr``; None without amounts."""
    if low is None and high is None:
        return None
    symbol = _CURRENCY_SYMBOLS.get(currency or "", f"{currency} " if currency else "")
    unit = _PAY_UNITS.get(period or "year", "")
    if low is not None and high is not None:
        return f"{symbol}{_amount(low)} - {symbol}{_amount(high)}{unit}"
    if low is not None:
        return f"{symbol}{_amount(low)}+{unit}"
    return f"Up to {symbol}{_amount(high)}{unit}"


def slugify(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _utc(moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_age(posted_at: str, now: datetime = CAPTURED_AT) -> str:
    """Teal's age label: ``5h``, ``2d``, ``30d+``."""
    hours = max(int((now - datetime.fromisoformat(posted_at)).total_seconds() // 3600), 1)
    if hours < 24:
        return f"{hours}h"
    return f"{hours // 24}d" if hours < 30 * 24 else "30d+"


def _workplace(location: str | None) -> tuple[str, str | None]:
    """(Teal's workplace type, the location without its remote/hybrid prefix)."""
    for word, label in _WORKPLACE_WORDS:
        if location and location.lower().startswith(word.lower()):
            return label, location[len(word) :].strip(" -") or None
    return "Onsite", location


def teal_ats_url(placed: dict[str, Any], record: PostingRecord, location: str | None) -> str:
    """The employer's ATS posting a Teal job copies (``ats``, ``ats_board``, ``ats_id``,
    ``ats_site`` of its placement): the page's apply link and the state's ``url``."""
    ats, board, ats_id = placed.get("ats"), placed.get("ats_board"), placed.get("ats_id")
    where = re.sub(r"[^A-Za-z0-9]+", "-", (location or "Remote").split(",")[0]).strip("-")
    if ats == "workday":
        title = re.sub(r"[^A-Za-z0-9]+", "-", record.title).strip("-")
    else:
        title = slugify(record.title)
    return ats_posting_url(
        ats or "greenhouse", board, ats_id, site=placed.get("ats_site"), where=where, slug=title
    )


def _blocks(body_html: str) -> list[tuple[str, str | list[str]]]:
    """The record's body as (tag, text) blocks: headings and paragraphs as text, lists as items."""
    blocks: list[tuple[str, str | list[str]]] = []
    for element in Selector(text=body_html).xpath("//body/*"):
        tag = element.root.tag
        if tag in {"ul", "ol"}:
            items = [_flat(li.xpath("string()").get()) for li in element.xpath("./li")]
            blocks.append(("list", [i for i in items if i]))
        elif text := _flat(element.xpath("string()").get()):
            blocks.append(("heading" if re.fullmatch(r"h[1-6]", tag) else "p", text))
    return blocks


def _flat(value: str | None) -> str:
    return " ".join((value or "").split())


def _section_of(heading: str) -> str | None:
    found = _PHRASEBOOK_HEADINGS.get(heading.lower())
    return found or next((s for s, rule in _HEADING_RULES if rule.search(heading)), None)


def teal_sections(body_html: str) -> list[tuple[str, list[str]]]:
    """Teal's rewrite of an employer's body: prose under about-like headings becomes one "About
    The Position" paragraph, lists fill the fixed sections, and what follows a section's list
    (pay notes, EEO statements) and unknown sections are left out."""
    about: list[str] = []
    lists: dict[str, list[str]] = {}
    current: str | None = "about"
    for kind, value in _blocks(body_html):
        if kind == "heading":
            current = _section_of(str(value))
        elif kind == "p" and current and not lists.get(current):
            about.append(str(value))
        elif kind == "list" and current and current != "about":
            lists.setdefault(current, []).extend(value)
    found = {"about": [" ".join(about)] if about else [], **lists}
    return [(title, found[key]) for key, title in SECTIONS if found.get(key)]


def plain_text(body_html: str) -> str:
    """The ATS body as the state's ``body`` carries it: one line per heading, paragraph, item."""
    lines: list[str] = []
    for _, value in _blocks(body_html):
        lines.extend(value if isinstance(value, list) else [value])
    return "\n".join(lines)


def _humanised(values: list[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(v, v.replace("_", " ").title()) for v in values)


_LEVEL_LABELS = {"entry_level": "Entry Level", "mid_level": "Mid Level", "senior": "Senior"}
_TYPE_LABELS = {"full_time": "Full-time", "part_time": "Part-time", "contract": "Contract"}


class _Job:
    """Everything a Teal page shows of one record."""

    def __init__(self, record: PostingRecord) -> None:
        placed = record.placements["teal"]
        self.record, self.placed = record, placed
        self.id: str = placed["id"]
        self.url = job_url(placed.get("slug") or slugify(record.title), self.id)
        workplace, location = _workplace(record.location)
        self.workplace: str = placed.get("workplace_type", workplace)
        self.location: str | None = placed.get("location", location)
        self.original_url: str = placed.get("original_url") or teal_ats_url(
            placed, record, location
        )
        self.posted_at: str = placed.get("posted_at") or _utc(record.published)
        self.career_levels: list[str] = list(placed.get("career_levels") or ["mid_level"])
        kind = slugify(record.employment_type or "full-time").replace("-", "_")
        self.employment_types: list[str] = list(placed.get("employment_types") or [kind])
        self.employees: str | None = placed.get("employees")
        self.state: str = placed.get("state", "embedded")
        salary = record.salary or {}
        self.salary_text = pay_label(
            salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period")
        )

    @property
    def age(self) -> str:
        return format_age(self.posted_at)

    def meta_spans(self) -> str:
        parts = (self.age, self.salary_text, self.workplace)
        return "".join(f'<span class="whitespace-nowrap">{_e(p)}</span>' for p in parts if p)

    def state_json(self) -> dict[str, Any]:
        salary = self.record.salary or {}
        job = {
            "id": self.id,
            "slug": self.url.rsplit("/", 1)[1].rsplit("_", 1)[0],
            "title": self.record.title,
            "company": {"name": self.record.company, "slug": slugify(self.record.company)},
            "location": self.location,
            "employment_types": self.employment_types,
            "workplace_type": self.workplace,
            "industry": None,
            "salary_currency": salary.get("currency", "USD"),
            "salary_pay_period": salary.get("period", "year"),
            "max_salary": salary.get("max"),
            "min_salary": salary.get("min"),
            "min_education_level": None,
            "job_function": None,
            "career_levels": self.career_levels,
            "posted_at": self.posted_at,
            "created_at": _utc(self.record.updated),
            "updated_at": _utc(self.record.updated),
            "archived_at": None,
            "external_job_id": self.placed.get("external_job_id")
            or hashlib.sha1(self.original_url.encode()).hexdigest(),
            "url": self.original_url,
            "body": plain_text(self.record.body_html),
        }
        query_state = {
            "data": {"job": job},
            "dataUpdateCount": 1,
            "dataUpdatedAt": int(CAPTURED_AT.timestamp() * 1000),
            "error": None,
            "errorUpdateCount": 0,
            "errorUpdatedAt": 0,
            "fetchFailureCount": 0,
            "fetchFailureReason": None,
            "fetchMeta": None,
            "isInvalidated": False,
            "status": "success",
            "fetchStatus": "idle",
        }
        key = ["job", self.id]
        return {
            "queries": [{"state": query_state, "queryKey": key, "queryHash": json.dumps(key)}],
            "mutations": [],
        }


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _script_json(value: Any) -> str:
    # As Rails' json_escape: no "</script>" can end the script early.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _state_script(job: _Job) -> str:
    if job.state == "absent":
        return ""
    payload = _script_json(job.state_json())
    if job.state == "malformed":
        # A serializer that writes line breaks raw inside strings: not JSON any more.
        payload = payload.replace("\\n", "\n")
    return f"<script>\n      {STATE_MARKER} = {payload};\n</script>\n"


def _head(title: str, url: str, description: str) -> str:
    return (
        '<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f'<meta name="description" content="{_e(description)}">\n'
        f'<link rel="canonical" href="{_e(url)}">\n'
        '<link rel="stylesheet" href="/vite/assets/application-5c2e1f0a.css">\n'
        '<script type="module" src="/vite/assets/application-9b7d3e41.js"></script>\n'
        "</head>\n"
    )


_NAV = (
    '<nav class="site-nav"><a href="/" aria-label="Teal home">'
    '<svg aria-hidden="true" width="64" height="24" viewBox="0 0 64 24"><path d="M2 4h20v4H2z"/>'
    "</svg></a></nav>\n"
)
_FOOTER = (
    '<footer class="site-footer">\n<p>© 2024 Teal Labs, Inc</p>\n<nav class="legal">'
    '<a href="/privacy-policy">Privacy Policy</a><a href="/terms-of-service">Terms of Service</a>'
    "</nav>\n</footer>\n"
)


def _body_sections(job: _Job) -> str:
    out = []
    for title, parts in teal_sections(job.record.body_html):
        if title == "About The Position":
            content = "".join(f"<p>{_e(p)}</p>" for p in parts)
        else:
            content = "<ul>" + "".join(f"<li>{_e(p)}</li>" for p in parts) + "</ul>"
        out.append(f'<div class="job-section">\n<h2>{_e(title)}</h2>\n{content}\n</div>\n')
    return "".join(out)


def _offers(job: _Job) -> str:
    rows = (
        ("Job Type", _humanised(job.employment_types, _TYPE_LABELS)),
        ("Career Level", _humanised(job.career_levels, _LEVEL_LABELS)),
        ("Number of Employees", job.employees),
    )
    cells = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in rows if v)
    return (
        f'<section class="job-offers">\n<h2>What This Job Offers</h2>\n<dl>{cells}</dl>\n'
        "</section>\n"
    )


def job_page(job: _Job) -> bytes:
    record = job.record
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n'
        + _head(
            f"{record.title} - {record.company} | Teal",
            job.url,
            f"{record.title} at {record.company}. Apply with Teal.",
        )
        + '<body>\n<div id="root">\n'
        + _NAV
        + f'<main class="job-page">\n<article class="job-posting" data-job-id="{job.id}">\n'
        + '<header class="job-header">\n'
        + f"<h1>{_e(record.title)}</h1>\n"
        + f'<div class="job-company">{_e(record.company)}</div>\n'
        + f'<div class="job-meta">{job.meta_spans()}</div>\n'
        + f'<a class="job-apply" href="{_e(job.original_url)}" target="_blank" '
        + f'rel="noopener nofollow" aria-label="Apply on the company site">{_ICON}</a>\n'
        + "</header>\n"
        + f'<section class="job-description">\n{_body_sections(job)}</section>\n'
        + "</article>\n"
        + '<aside class="resume-match">\n<h2>Stand Out From the Crowd</h2>\n'
        + "<p>Upload your resume and get instant feedback on how well it matches this job.</p>\n"
        + '<button type="button">Upload and Match Resume</button>\n</aside>\n'
        + _offers(job)
        + "</main>\n"
        + _FOOTER
        + "</div>\n"
        + _state_script(job)
        + "</body>\n</html>\n"
    )
    return page.encode("utf-8")


def listing_page(jobs: list[_Job], page: int, pages: int) -> bytes:
    cards = "".join(
        f'<li class="job-card"><a href="{_e(job.url.removeprefix(SITE))}">'
        f"<h2>{_e(job.record.title)}</h2><p>{_e(job.record.company)}</p>"
        f"<p>{job.meta_spans()}</p></a></li>\n"
        for job in jobs
    )
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{_e(listing_url(page - 1))}">Previous</a>')
    links.append(f"<span>Page {page} of {pages}</span>")
    if page < pages:
        links.append(f'<a rel="next" href="{_e(listing_url(page + 1))}">Next</a>')
    url = listing_url(page)
    html_page = (
        '<!DOCTYPE html>\n<html lang="en">\n'
        + _head("Jobs | Teal", url, "Search jobs from thousands of companies with Teal.")
        + '<body>\n<div id="root">\n'
        + _NAV
        + '<main class="jobs-page">\n<h1>Jobs</h1>\n'
        + f'<ul class="job-list">\n{cards}</ul>\n'
        + f'<nav class="pagination" aria-label="Pagination">{" ".join(links)}</nav>\n'
        + "</main>\n"
        + _FOOTER
        + "</div>\n</body>\n</html>\n"
    )
    return html_page.encode("utf-8")


def placed_jobs(records: list[PostingRecord]) -> list[_Job]:
    """The records' Teal pages in listing order: newest first."""
    jobs = [_Job(record) for record in records]
    return sorted(jobs, key=lambda job: (job.posted_at, job.id), reverse=True)


def render(records: list[PostingRecord]) -> list[Recording]:
    jobs = placed_jobs(records)
    pages = [jobs[i : i + PAGE_SIZE] for i in range(0, len(jobs), PAGE_SIZE)] or [[]]
    robots = Recording(
        "GET", f"{SITE}/robots.txt", 200, [("Content-Type", "text/plain")], ROBOTS.encode()
    )
    recordings = [robots]
    for number, listed in enumerate(pages, start=1):
        body = listing_page(listed, number, len(pages))
        recordings.append(Recording("GET", listing_url(number), 200, HTML_HEADERS, body))
    recordings += [Recording("GET", job.url, 200, HTML_HEADERS, job_page(job)) for job in jobs]
    return recordings


def _ats_id(ats: str, spec: CompanySpec, index: int, rng: random.Random) -> str:
    if ats == "lever":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if ats == "workday":
        return f"R-{100_000 + (spec.seed % 900) * 1000 + index}"
    if ats == "smartrecruiters":
        return str(744_000_100_000_000 + (spec.seed % 1000) * 1000 + index)
    return str(7_200_000_000 + (spec.seed % 1000) * 1000 + index)


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    options = spec.options
    ats = str(options.get("ats", "greenhouse"))
    digest = hashlib.sha1(f"teal:{spec.board}:{spec.seed}:{index}".encode()).hexdigest()
    placed: dict[str, Any] = {
        # Teal's ids seen so far are 37 hex digits starting 7ea1a.
        "id": "7ea1a" + digest[:32],
        "ats": ats,
        "ats_board": options.get("ats_board", spec.board),
        "ats_site": options.get("ats_site", "External"),
        "ats_id": _ats_id(ats, spec, index, rng),
        "career_levels": list(_CAREER_LEVELS[rng.randrange(len(_CAREER_LEVELS))]),
    }
    if options.get("employees"):
        placed["employees"] = options["employees"]
    if index in options.get("without_state", []):
        placed["state"] = "absent"
    elif index in options.get("malformed_state", []):
        placed["state"] = "malformed"
    return placed
