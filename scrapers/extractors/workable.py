"""Workable's public career-site API (apply.workable.com) → raw item fields. Pure: bytes in.

Three endpoints, all public and keyed by the account slug of ``apply.workable.com/{slug}``:

- ``GET /api/v1/widget/accounts/{slug}``: the account's ``name`` and ``description`` (the v3 list
  names no company), plus an unpaged job list (``jobs``: title, shortcode, department,
  ``telecommuting``, ``published_on``, ``locations``; a job in several countries is listed once
  per country). It stands in for the v3 list when that list cannot be read.
- ``POST /api/v3/accounts/{slug}/jobs`` with a JSON filter body: ``{total, results, nextPage}``,
  a page at a time; the next page is the same body plus ``"token": <nextPage>``, and the last
  page has no ``nextPage``. Results carry no body.
- ``GET /api/v2/accounts/{slug}/jobs/{shortcode}``: one job, the list's fields plus the body in
  three HTML parts, ``description``, ``requirements`` and ``benefits``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import html_to_text, load_json, structured_location
from scrapers.extractors.common import text as _text
from scrapers.urls import canonical_url

HOST = "https://apply.workable.com"
# Lower-case letters, digits and inner hyphens, as in apply.workable.com/atb-financial.
ACCOUNT_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")
# The list's filter body with every filter empty: "all published jobs".
JOBS_QUERY: dict[str, Any] = {
    "query": "",
    "location": [],
    "department": [],
    "worktype": [],
    "remote": [],
}

# `workplace` is an enum; `remote` (a boolean) predates it and says only "fully remote or not".
_WORKPLACE = {"on_site": "onsite", "hybrid": "hybrid", "remote": "remote"}
# `type` is the employment-type enum of the v3/v2 job ("full", "part", ...). The brief calls it
# `employment_type`, the widget's name for a label; "internship" and "volunteer" are the
# remaining choices of Workable's job editor (unverified as API values).
_EMPLOYMENT = {
    "full": "FULL_TIME",
    "part": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
    "volunteer": "VOLUNTEER",
    "other": "OTHER",
}
# The API gives requirements and benefits without their headings; the hosted page shows them
# under these headings in the posting's language (wording per language unverified).
SECTION_HEADINGS: dict[str, tuple[str, str]] = {
    "en": ("Requirements", "Benefits"),
    "fr": ("Profil recherché", "Avantages"),
    "de": ("Anforderungen", "Benefits"),
    "es": ("Requisitos", "Beneficios"),
    "nl": ("Functie-eisen", "Arbeidsvoorwaarden"),
}


@dataclass(frozen=True)
class Account:
    """The hiring company behind an account slug."""

    name: str | None
    description: str | None = None
    # The widget's own job list, in the v3 list's shape (see widget_jobs): the list read when
    # the v3 list fails.
    jobs: tuple[dict[str, Any], ...] = ()


@dataclass
class JobsPage(Extracted):
    """One page of the v3 list: its jobs (no body yet) and the token of the next page."""

    total: int = 0
    next_token: str | None = None


def account_url(slug: str) -> str:
    return f"{HOST}/api/v1/widget/accounts/{slug}"


def jobs_url(slug: str) -> str:
    return f"{HOST}/api/v3/accounts/{slug}/jobs"


def jobs_query(token: str | None = None) -> dict[str, Any]:
    return {**JOBS_QUERY, "token": token} if token else dict(JOBS_QUERY)


def job_url(slug: str, shortcode: str) -> str:
    return f"{HOST}/api/v2/accounts/{slug}/jobs/{shortcode}"


def hosted_url(slug: str, shortcode: str) -> str:
    return f"{HOST}/{slug}/j/{shortcode}/"


def parse_account(body: bytes | str) -> Account:
    data = load_json(body)
    if not isinstance(data, dict) or not ("name" in data or isinstance(data.get("jobs"), list)):
        raise SourceFormatError("not a Workable account: no 'name' nor 'jobs'")
    return Account(
        name=_text(data.get("name")),
        description=html_to_text(data.get("description")),
        jobs=tuple(widget_jobs(data.get("jobs"))),
    )


def widget_jobs(entries: Any) -> list[dict[str, Any]]:
    """The v1 widget's jobs as v3 list results: one per shortcode (the widget lists a job once
    per country; its locations are merged), ``telecommuting`` as ``remote``, ``published_on`` as
    ``published``. Entries without a shortcode are left for parse_job to skip."""
    merged: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            out.append(entry)
            continue
        shortcode = _text(entry.get("shortcode"))
        places = [p for p in entry.get("locations") or [] if isinstance(p, dict)]
        if shortcode and shortcode in merged:
            known = merged[shortcode]["locations"]
            known.extend(p for p in places if p not in known)
            continue
        job = {
            **entry,
            "locations": places,
            "remote": entry.get("telecommuting") is True,
            "published": entry.get("published_on") or entry.get("created_at"),
        }
        if shortcode:
            merged[shortcode] = job
        out.append(job)
    return out


def _location_text(location: dict[str, Any]) -> str | None:
    parts = [_text(location.get(k)) for k in ("city", "region", "country")]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def _locations(job: dict[str, Any]) -> list[dict[str, Any]]:
    """Every shown location of the job; `location` is the first of `locations`."""
    listed = [loc for loc in job.get("locations") or [] if isinstance(loc, dict)]
    shown = [loc for loc in listed if not loc.get("hidden")]
    primary = job.get("location")
    return shown or ([primary] if isinstance(primary, dict) else [])


def _remote(job: dict[str, Any]) -> tuple[str | None, str | None]:
    workplace = _text(job.get("workplace"))
    if workplace:
        return workplace, _WORKPLACE.get(workplace.lower())
    if job.get("remote") is True:
        return "remote", "remote"
    return None, None  # remote: false does not say on site or hybrid


def _employment(job: dict[str, Any]) -> tuple[str | None, str | None]:
    raw = _text(job.get("type") or job.get("employment_type"))
    return raw, _EMPLOYMENT.get(raw.lower()) if raw else None


def _department(job: dict[str, Any]) -> str | None:
    value = job.get("department")
    if isinstance(value, list):
        return " / ".join(t for t in (_text(v) for v in value) if t) or None
    return _text(value)


def _body_html(job: dict[str, Any]) -> str | None:
    """Description, then requirements and benefits under the headings the hosted page gives
    them, so the body reads as the page does."""
    language = _language(job) or "en"
    requirements, benefits = SECTION_HEADINGS.get(language, SECTION_HEADINGS["en"])
    parts = []
    for heading, key in (
        (None, "description"),
        (requirements, "requirements"),
        (benefits, "benefits"),
    ):
        html = job.get(key)
        if isinstance(html, str) and html.strip():
            parts.append((f"<h3>{heading}</h3>\n" if heading else "") + html.strip())
    return "\n".join(parts) or None


def _language(job: dict[str, Any]) -> str | None:
    code = (_text(job.get("language")) or "")[:2].lower()
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def parse_job(
    job: dict[str, Any], *, slug: str, account: Account, crawled_at: str
) -> dict[str, Any]:
    """A v3 list result or a v2 job as raw item fields (the body only the v2 job has)."""
    if not isinstance(job, dict) or not _text(job.get("shortcode")) or not _text(job.get("title")):
        raise SourceFormatError(f"not a Workable job: {str(job)[:120]}")
    shortcode = _text(job["shortcode"]) or ""
    url = canonical_url(hosted_url(slug, shortcode))
    places = _locations(job)
    remote_raw, remote = _remote(job)
    employment_raw, employment = _employment(job)
    locations = [
        loc
        for loc in (
            structured_location(
                p.get("city"), p.get("region"), p.get("countryCode"), country_name=p.get("country")
            )
            for p in places
        )
        if loc
    ]
    return {
        "url": url,
        "source": "workable",
        # The shortcode is the job's public id: it is in every URL and endpoint of the job.
        "source_id": shortcode,
        "title": _text(job["title"]),
        "company": account.name,
        "company_description": account.description,
        "location_raw": "; ".join(t for t in (_location_text(p) for p in places) if t) or None,
        "remote_raw": remote_raw,
        "employment_type_raw": employment_raw,
        "date_posted_raw": _text(job.get("published")),
        "department": _department(job),
        "description_html": _body_html(job),
        "apply_url": canonical_url(f"{url}apply/"),
        "page_language": _language(job),
        "crawled_at": crawled_at,
        "locations": locations,
        "remote": remote,
        "employment_type": employment,
    }


def parse_jobs_page(body: bytes | str, *, slug: str, account: Account, crawled_at: str) -> JobsPage:
    """One v3 page: its jobs in list order (no body) and the next page's token, if any."""
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise SourceFormatError("no 'results' list in the response")
    page = JobsPage(total=_int(data.get("total")), next_token=_text(data.get("nextPage")))
    for _, posting in each_entry(
        data["results"],
        lambda job: parse_job(job, slug=slug, account=account, crawled_at=crawled_at),
        page,
        id_of=_shortcode,
    ):
        page.postings.append(posting)
    return page


def widget_postings(*, slug: str, account: Account, crawled_at: str) -> Extracted:
    """The account widget's own job list (``Account.jobs``) read as the v3 list's jobs: the
    board's list when the v3 list cannot be read."""
    listed = Extracted()
    for _, posting in each_entry(
        account.jobs,
        lambda job: parse_job(job, slug=slug, account=account, crawled_at=crawled_at),
        listed,
        id_of=_shortcode,
    ):
        listed.postings.append(posting)
    return listed


def parse_job_detail(
    body: bytes | str, *, slug: str, account: Account, crawled_at: str
) -> Extracted:
    """The v2 job: one posting with its body, or a skipped entry saying why not."""
    data = load_json(body)
    extracted = Extracted()
    for _, posting in each_entry(
        [data],
        lambda job: parse_job(job, slug=slug, account=account, crawled_at=crawled_at),
        extracted,
        id_of=_shortcode,
    ):
        extracted.postings.append(posting)
    return extracted


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _shortcode(job: Any) -> Any:
    return job.get("shortcode") if isinstance(job, dict) else None
