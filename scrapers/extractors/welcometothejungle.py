"""Welcome to the Jungle (WTTJ) → raw item fields. Pure: call it on the bytes of a response.

Discovery is the site's own: an Algolia index searched from the browser.

- Credentials: the site publishes them, ``window.env = {"ALGOLIA_APPLICATION_ID": …,
  "ALGOLIA_API_KEY_CLIENT": …, "ALGOLIA_JOBS_INDEX_PREFIX": …}`` on its pages, and
  ``GET /api/env`` as JS with ``PUBLIC_ALGOLIA_*`` keys (unverified). The key rotates with deploys.
- Search: ``POST https://{app}-dsn.algolia.net/1/indexes/wttj_jobs_production_{lang}/query``
  with a JSON body of Algolia parameters, headers ``x-algolia-application-id``,
  ``x-algolia-api-key`` and ``Referer: https://www.welcometothejungle.com/`` (without it Algolia
  answers 403 "Method not allowed with this referer"). Answer ``{hits, nbHits, page, nbPages,
  hitsPerPage}``; one query reaches at most 1,000 hits however large ``nbHits`` is, so bigger
  queries are cut into ``published_at_timestamp`` windows. One record exists per syndication
  site, so a job's ``reference`` repeats across hits.
- Detail: ``GET https://api.welcometothejungle.com/api/v1/organizations/{org}/jobs/{slug}`` →
  ``{"job": {…}}``; its body is ``description`` + ``profile`` + ``recruitment_process`` (HTML).
- Fallback: the job page ``/{lang}/companies/{org}/jobs/{slug}``: visible metadata block,
  ``job-section-*`` bodies, ``window.__INITIAL_DATA__`` (a JS string holding the React-Query
  state) and JSON-LD ``JobPosting`` (whose strings may hold raw control characters). The page sits
  behind AWS WAF: a challenge page (``gokuProps`` / ``awsWafCookieDomainList``) is not a posting.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector

from scrapers.extractors.base import (
    FailedPosting,
    SourceFormatError,
    each_entry,
    without_surrogates,
)
from scrapers.extractors.common import html_text, load_json, loads
from scrapers.extractors.common import text as _text
from scrapers.revisit import change_marker
from scrapers.urls import canonical_url

SOURCE = "welcometothejungle"
SITE = "https://www.welcometothejungle.com"
API = "https://api.welcometothejungle.com"
REFERER = f"{SITE}/"
LANGUAGES = ("fr", "en")
DEFAULT_INDEX_PREFIX = "wttj_jobs_production"
# Algolia's paginationLimitedTo on the WTTJ index: hits past the 1,000th are never served.
HITS_CAP = 1000
MAX_HITS_PER_PAGE = 100
ORG_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")
# "*" = every organisation of the index (a whole-board search, narrowed by countries or query).
ALL_ORGANIZATIONS = "*"
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
APP_ID = re.compile(r"^[A-Za-z0-9]{6,16}$")
API_KEY = re.compile(r"^[A-Za-z0-9]{16,128}$")
# Only what the spider reads; objectID always comes back.
HIT_ATTRIBUTES = (
    "reference",
    "name",
    "slug",
    "organization",
    "department",
    "published_at",
    "published_at_timestamp",
)
# Fixed outer bounds of the date windows, so the windows a query is cut into depend on the index
# alone, never on the clock: a replayed crawl asks for the same windows on any day. Hits outside
# them still count, in the open-ended windows either side.
WINDOW_START = 1_262_304_000  # 2010-01-01, before WTTJ published jobs
WINDOW_END = 2**31  # 2038-01-19
_WAF_MARKERS = (b"gokuProps", b"awsWafCookieDomainList", b"AwsWafIntegration")
_SALARY_PERIODS = {
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
}
# The job page's salary widget, in the UI's language (fr seen on seed 2; en inferred).
SALARY_LABELS = {
    "fr": ("Salaire : ", "Non spécifié", "{low} à {high}", " par {period}"),
    "en": ("Salary: ", "Not specified", "{low} to {high}", " per {period}"),
}
_PERIOD_WORDS = {
    "fr": {"year": "an", "month": "mois", "week": "semaine", "day": "jour", "hour": "heure"},
    "en": {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"},
}
_CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}
_APPLY_SUFFIX = re.compile(r"/(?:apply|application)/?$")


class BlockedError(SourceFormatError):
    """The response is the WAF's challenge or refusal, not the page asked for."""


# --------------------------------------------------------------------------------------------
# Credentials
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlgoliaEnv:
    app_id: str
    api_key: str
    index_prefix: str = DEFAULT_INDEX_PREFIX

    def index(self, lang: str) -> str:
        return f"{self.index_prefix}_{lang}"

    def query_url(self, lang: str) -> str:
        return f"https://{self.app_id.lower()}-dsn.algolia.net/1/indexes/{self.index(lang)}/query"

    def headers(self) -> dict[str, str]:
        return {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Referer": REFERER,
            "x-algolia-application-id": self.app_id,
            "x-algolia-api-key": self.api_key,
        }


def env_page_url(lang: str) -> str:
    """The job-search page: a client-rendered shell that carries ``window.env``."""
    return f"{SITE}/{lang}/jobs"


def env_api_url() -> str:
    return f"{SITE}/api/env"


def _env_value(source: str, name: str) -> str | None:
    # Both shapes: "ALGOLIA_APPLICATION_ID":"…" in window.env, PUBLIC_ALGOLIA_… in /api/env.
    match = re.search(rf"""["']?(?:PUBLIC_)?{name}["']?\s*:\s*["']([^"']+)["']""", source)
    return match.group(1).strip() if match else None


def parse_env(body: bytes | str) -> AlgoliaEnv:
    """Algolia credentials from a page's ``window.env`` or the ``/api/env`` script."""
    raw = body if isinstance(body, bytes) else body.encode("utf-8")
    if is_waf_challenge(raw):
        raise BlockedError("WAF challenge instead of the site's environment")
    source = html_text(raw)
    app_id = _env_value(source, "ALGOLIA_APPLICATION_ID")
    api_key = _env_value(source, "ALGOLIA_API_KEY_CLIENT")
    prefix = _env_value(source, "ALGOLIA_JOBS_INDEX_PREFIX") or DEFAULT_INDEX_PREFIX
    if not app_id or not APP_ID.match(app_id) or not api_key or not API_KEY.match(api_key):
        raise SourceFormatError("no Algolia application id and search key in the environment")
    return AlgoliaEnv(app_id, api_key, prefix)


def is_waf_challenge(body: bytes) -> bool:
    return any(marker in body[:20_000] for marker in _WAF_MARKERS)


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """``published_at_timestamp`` in [start, end); None = open on that side."""

    start: int | None = None
    end: int | None = None

    def filters(self) -> list[str]:
        bounds = []
        if self.start is not None:
            bounds.append(f"published_at_timestamp>={self.start}")
        if self.end is not None:
            bounds.append(f"published_at_timestamp<{self.end}")
        return bounds

    def split(self) -> list[Window]:
        """Smaller windows covering this one exactly; [] when it cannot be cut further."""
        if self.start is None and self.end is None:
            return [
                Window(None, WINDOW_START),
                Window(WINDOW_START, WINDOW_END),
                Window(WINDOW_END),
            ]
        if self.start is None or self.end is None or self.end - self.start < 2:
            return []
        middle = (self.start + self.end) // 2
        return [Window(self.start, middle), Window(middle, self.end)]


WHOLE = Window()


@dataclass(frozen=True)
class Search:
    """One Algolia query: an organisation (or all of them) narrowed by countries and text."""

    organization: str = ALL_ORGANIZATIONS
    countries: tuple[str, ...] = ()
    query: str = ""
    hits_per_page: int = MAX_HITS_PER_PAGE
    window: Window = WHOLE

    def facet_filters(self) -> list[list[str]]:
        # Inner lists are ORed, the outer list ANDed.
        filters = []
        if self.organization != ALL_ORGANIZATIONS:
            filters.append([f"organization.slug:{self.organization}"])
        if self.countries:
            filters.append([f"offices.country_code:{c}" for c in self.countries])
        return filters

    def body(self, page: int, *, probe: bool = False) -> dict[str, Any]:
        """The query's JSON body; a probe (``hitsPerPage`` 0) asks only how many hits match."""
        body: dict[str, Any] = {
            "query": self.query,
            "hitsPerPage": 0 if probe else self.hits_per_page,
            "page": page,
            "attributesToRetrieve": list(HIT_ATTRIBUTES),
            "attributesToHighlight": [],
        }
        if facets := self.facet_filters():
            body["facetFilters"] = facets
        if bounds := self.window.filters():
            body["numericFilters"] = bounds
        return body

    def last_page(self, nb_hits: int) -> int:
        """Index of the last page holding hits Algolia will serve."""
        reachable = min(nb_hits, HITS_CAP)
        return max(0, -(-reachable // self.hits_per_page) - 1)

    def windows(self) -> list[Search]:
        return [replace(self, window=w) for w in self.window.split()]


@dataclass(frozen=True)
class Hit:
    object_id: str
    reference: str
    slug: str
    organization: str
    company: str | None = None
    title: str | None = None
    department: str | None = None
    published_at: str | None = None
    # What the search record shows of the job's version (scrapers.revisit.change_marker).
    marker: str = ""


@dataclass
class SearchPage:
    hits: list[Hit]
    nb_hits: int
    skipped: list[str]
    failed: list[FailedPosting] = field(default_factory=list)


def _hit(record: Any) -> Hit:
    if not isinstance(record, dict):
        raise SourceFormatError(f"not an Algolia hit: {str(record)[:120]}")
    organization = record.get("organization") or {}
    reference, slug = _text(record.get("reference")), _text(record.get("slug"))
    org_slug = _text(organization.get("slug")) if isinstance(organization, dict) else None
    if not reference or not slug or not org_slug:
        raise SourceFormatError(f"hit {record.get('objectID')!r} lacks reference, slug or org")
    return Hit(
        object_id=str(record.get("objectID") or reference),
        reference=reference,
        slug=slug,
        organization=org_slug,
        company=_text(organization.get("name")),
        title=_text(record.get("name")),
        department=_text(record.get("department")),
        published_at=_text(record.get("published_at")),
        # One record per syndication site (objectID) and Algolia's own annotations say nothing
        # about the job itself.
        marker=change_marker(
            record, ignore=("objectID", "_highlightResult", "_snippetResult", "_rankingInfo")
        ),
    )


def parse_search_page(body: bytes | str) -> SearchPage:
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("hits"), list):
        message = data.get("message") if isinstance(data, dict) else None
        raise SourceFormatError(f"not an Algolia answer: {message or str(data)[:120]}")
    page = SearchPage([], 0, [])
    for _, hit in each_entry(data["hits"], _hit, page, id_of=_reference):
        page.hits.append(hit)
    nb_hits = data.get("nbHits")
    page.nb_hits = nb_hits if isinstance(nb_hits, int) else len(page.hits)
    return page


def _reference(record: Any) -> Any:
    return record.get("reference") if isinstance(record, dict) else None


# --------------------------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------------------------


def job_api_url(organization: str, slug: str) -> str:
    return f"{API}/api/v1/organizations/{organization}/jobs/{slug}"


def job_page_url(lang: str, organization: str, slug: str) -> str:
    return f"{SITE}/{lang}/companies/{organization}/jobs/{slug}"


def url_language(url: str) -> str | None:
    first = urlsplit(url).path.strip("/").split("/")[0]
    return first if re.fullmatch(r"[a-z]{2}", first) else None


def _amount(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return int(value) if float(value).is_integer() else value


def structured_salary(job: dict[str, Any]) -> dict[str, Any] | None:
    low, high = _amount(job.get("salary_min")), _amount(job.get("salary_max"))
    currency = _text(job.get("salary_currency"))
    if low is None and high is None:
        return None
    return {
        "min": low,
        "max": high,
        "currency": currency.upper() if currency and len(currency) == 3 else None,
        "period": _SALARY_PERIODS.get(str(job.get("salary_period") or "").lower()),
    }


def _short(amount: int | float | None) -> str:
    if amount is None:
        return "?"
    return f"{amount / 1000:g}K" if amount >= 1000 else f"{amount:g}"


def salary_label(lang: str, salary: dict[str, Any] | None) -> str:
    """The salary line as the job page shows it ("Salaire : Non spécifié", "Salaire : 45K à 55K €
    par an"); the renderer draws pages with it, so page and API give one salary_raw."""
    prefix, unknown, span, per = SALARY_LABELS.get(lang, SALARY_LABELS["en"])
    if not salary:
        return prefix + unknown
    low, high = salary.get("min"), salary.get("max")
    amounts = (
        span.format(low=_short(low), high=_short(high)) if low and high else _short(low or high)
    )
    currency = salary.get("currency")
    symbol = _CURRENCY_SYMBOLS.get(currency or "", currency or "")
    period = _PERIOD_WORDS.get(lang, _PERIOD_WORDS["en"]).get(salary.get("period") or "")
    return f"{prefix}{amounts} {symbol}".rstrip() + (per.format(period=period) if period else "")


def _remote(value: Any) -> str | None:
    remote = _text(value)
    # "unknown" is WTTJ's way of saying nothing; the contract wants null, not a placeholder.
    return None if not remote or remote.lower() == "unknown" else remote


def _location(office: Any) -> str | None:
    if not isinstance(office, dict):
        return None
    address = _text(office.get("address"))
    return (
        address
        or ", ".join(p for p in (_text(office.get("city")), _text(office.get("country_code"))) if p)
        or None
    )


def _body_html(*parts: Any) -> str | None:
    html_parts = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    return "\n".join(html_parts) or None


def _links(apply_url: Any, page_url: str) -> dict[str, str | None]:
    """``apply_url`` is the employer's ATS when the job is not applied for on WTTJ itself; its
    posting (``original_url``) is the apply link without the ATS's /apply step."""
    link = _text(apply_url)
    if not link or not link.startswith(("http://", "https://")):
        return {"apply_url": f"{page_url}/apply", "original_url": None}
    link = canonical_url(link)
    if urlsplit(link).hostname in {"www.welcometothejungle.com", "welcometothejungle.com"}:
        return {"apply_url": link, "original_url": None}
    return {"apply_url": link, "original_url": _APPLY_SUFFIX.sub("", link)}


def _job_fields(job: dict[str, Any], *, hit: Hit, url: str, lang: str) -> dict[str, Any]:
    salary = structured_salary(job)
    organization = job.get("organization") if isinstance(job.get("organization"), dict) else {}
    return {
        "url": url,
        "source": SOURCE,
        "source_id": _text(job.get("reference")) or hit.reference,
        "title": _text(job.get("name")) or hit.title,
        "company": hit.company or _text(organization.get("name")),
        "location_raw": _location(job.get("office")),
        "remote_raw": _remote(job.get("remote")),
        "employment_type_raw": _text(job.get("contract_type")),
        "seniority_raw": _text(job.get("experience_level")),
        "salary_raw": salary_label(lang, salary),
        "salary": salary,
        "date_posted_raw": _text(job.get("published_at")),
        "department": hit.department,
        "description_html": _body_html(
            job.get("description"), job.get("profile"), job.get("recruitment_process")
        ),
        **_links(job.get("apply_url"), url),
        "page_language": lang,
    }


def listed_posting(hit: Hit, *, lang: str, crawled_at: str) -> dict[str, Any] | None:
    """What the search hit shows of a job, as raw item fields: kept when neither the detail API
    nor the job page can be read. None when the hit names no title (nothing to export)."""
    if not hit.title:
        return None
    url = canonical_url(job_page_url(lang, hit.organization, hit.slug))
    return {
        "url": url,
        "source": SOURCE,
        "source_id": hit.reference,
        "title": hit.title,
        "company": hit.company,
        "date_posted_raw": hit.published_at,
        "department": hit.department,
        **_links(None, url),
        "page_language": lang,
        "crawled_at": crawled_at,
    }


def parse_job_api(body: bytes | str, *, hit: Hit, lang: str, crawled_at: str) -> dict[str, Any]:
    """One job from the detail API, as raw item fields.

    ``remote_raw`` is the API's enum (``partial``), as the API gives it; the job page shows a
    label instead ("Télétravail fréquent"). Both normalise alike.
    """
    data = load_json(body)
    job = data.get("job") if isinstance(data, dict) else None
    if not isinstance(job, dict) or not _text(job.get("name")):
        raise SourceFormatError(f"no job in the detail answer: {str(data)[:120]}")
    url = canonical_url(job_page_url(lang, hit.organization, hit.slug))
    return _job_fields(job, hit=hit, url=url, lang=lang) | {"crawled_at": crawled_at}


# --------------------------------------------------------------------------------------------
# Job page (fallback)
# --------------------------------------------------------------------------------------------

_INITIAL_DATA = re.compile(r"window\.__INITIAL_DATA__\s*=\s*(\"(?:[^\"\\]|\\.)*\")", re.S)


def _initial_job(page: str) -> dict[str, Any] | None:
    """The job in the React-Query state: a JSON document inside a JS string literal."""
    match = _INITIAL_DATA.search(page)
    if not match:
        return None
    try:
        state = json.loads(json.loads(match.group(1), strict=False), strict=False)
    except ValueError:
        return None
    for query in state.get("queries") or [] if isinstance(state, dict) else []:
        data = (query.get("state") or {}).get("data") if isinstance(query, dict) else None
        if isinstance(data, dict) and data.get("reference") and data.get("name"):
            # A JSON string inside a JS string: lone surrogates hide behind two escapes.
            return without_surrogates(data)
    return None


def _json_ld_posting(selector: Selector) -> dict[str, Any] | None:
    for block in selector.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            # WTTJ's JSON-LD may hold raw newlines and tabs inside strings: invalid JSON that
            # browsers accept; strict=False reads it the same way.
            data = loads(block, strict=False)
        except ValueError:
            continue
        for candidate in data if isinstance(data, list) else [data]:
            if isinstance(candidate, dict) and candidate.get("@type") == "JobPosting":
                return candidate
    return None


def _json_ld_fields(posting: dict[str, Any]) -> dict[str, Any]:
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    address = next((p.get("address") for p in places if isinstance(p, dict)), None)
    location = None
    if isinstance(address, dict):
        parts = (address.get("addressLocality"), address.get("addressCountry"))
        location = ", ".join(t for t in map(_text, parts) if t) or None
    organization = posting.get("hiringOrganization") or {}
    identifier = posting.get("identifier") or {}
    return {
        "name": _text(posting.get("title")),
        "reference": _text(identifier.get("value")) if isinstance(identifier, dict) else None,
        "organization": {"name": _text(organization.get("name"))},
        "office": {"address": location},
        "contract_type": _text(posting.get("employmentType")),
        "published_at": _text(posting.get("datePosted")),
        "description": posting.get("description"),
        **_json_ld_salary(posting.get("baseSalary")),
    }


def _json_ld_salary(salary: Any) -> dict[str, Any]:
    if not isinstance(salary, dict) or not isinstance(salary.get("value"), dict):
        return {}
    value = salary["value"]
    unit = str(value.get("unitText") or "").lower()
    period = {"year": "yearly", "month": "monthly", "week": "weekly", "day": "daily"}.get(unit)
    return {
        "salary_min": value.get("minValue"),
        "salary_max": value.get("maxValue"),
        "salary_currency": salary.get("currency"),
        "salary_period": period or ("hourly" if unit == "hour" else None),
    }


def _widget(block: Selector, icon: str) -> str | None:
    return _text(block.xpath(f'string(.//i[@name="{icon}"]/following-sibling::span[1])').get())


def _sections_html(selector: Selector) -> str | None:
    """The employer's text: the content of each ``job-section-*`` block, without WTTJ's titles."""
    parts = []
    for section in selector.css('[data-testid^="job-section-"]'):
        content = section.xpath("./div[last()]/node()").getall()
        parts.append("".join(content).strip())
    return _body_html(*parts)


def parse_job_page(body: bytes, *, url: str, hit: Hit, crawled_at: str) -> dict[str, Any]:
    """A job from its page: visible widgets first (what a reader sees), then the page's embedded
    React-Query state, then its JSON-LD. A WAF challenge raises BlockedError."""
    if is_waf_challenge(body):
        raise BlockedError(f"WAF challenge instead of {url}")
    page = html_text(body)
    selector = Selector(text=page)
    posting = _json_ld_posting(selector)
    job = _initial_job(page) or (_json_ld_fields(posting) if posting else None)
    block = selector.css('[data-testid="job-metadata-block"]')
    if job is None or not block:
        raise SourceFormatError(f"not a Welcome to the Jungle job page: {url}")
    lang = url_language(url) or _text(selector.xpath("/html/@lang").get()) or "fr"
    fields = _job_fields(job, hit=hit, url=canonical_url(url), lang=lang)
    company = _text(block.css('a[href*="/companies/"] span::text').get())
    visible = {
        "title": _text(block.css("h2::text").get()),
        "company": company,
        "remote_raw": _widget(block, "remote"),
        "salary_raw": _widget(block, "salary"),
        "description_html": _sections_html(selector),
    }
    fields |= {k: v for k, v in visible.items() if v}
    return fields | {"crawled_at": crawled_at}
