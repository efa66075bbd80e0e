"""Any career page → raw item fields: schema.org ``JobPosting`` from JSON-LD, microdata or RDFa,
else the page itself behind a quality gate. Pure: call it on the bytes of a response.

Property mapping (schema.org/JobPosting and Google's job-posting structured-data guidelines):

==============================  ==================================================================
``title``                       ``title``
``hiringOrganization``          ``company`` (a string or an Organization's ``name``);
                                ``company_description`` from its ``description`` or
                                ``employerOverview``
``identifier``                  ``source_id`` (a PropertyValue's ``value``, or the plain value)
``jobLocation``                 ``location_raw`` (Place → PostalAddress locality, region,
                                country; several places joined with `` / ``) and ``locations``
                                (each address read field by field; words as ``{"text": …}``)
``jobLocationType``             ``remote_raw``; ``TELECOMMUTE`` → ``remote = "remote"``
``applicantLocationRequirements``  where a remote job may be done from: ``location_raw`` and
                                ``locations`` of a TELECOMMUTE job without ``jobLocation``
``employmentType``              ``employment_type_raw`` (a list joined), ``employment_type`` when
                                it is exactly one schema.org value
``baseSalary``                  ``salary`` (MonetaryAmount → QuantitativeValue ``value`` or
                                ``minValue``/``maxValue``, ``unitText``) and a readable
                                ``salary_raw``; a bare number uses ``salaryCurrency``; no
                                currency: the page's (scrapers/extractors/page_currency.py)
``datePosted``/``validThrough``  ``date_posted_raw``, ``date_posted``, ``valid_through`` (the
                                one date reader, the page's locale ordering numeric dates)
``description``                 ``description_html`` (unescaped once when entity-escaped)
``url`` (else ``sameAs``)       ``url`` when on the page's site, else ``original_url``; several
                                postings sharing the page's URL: ``#job-<slug>`` each
``directApply``                 ``apply_url`` = the posting's URL when true
==============================  ==================================================================

Property names are read in any case and under known misspellings (structured_data.schema_names).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from scrapers.extractors import company_signals, main_content, structured_data
from scrapers.extractors.base import FailedPosting, each_entry
from scrapers.extractors.common import text
from scrapers.extractors.page_currency import page_currency, stated_currencies
from scrapers.normalise.countries import country_from_city, country_from_stated, subdivision
from scrapers.normalise.dates import resolve_date
from scrapers.normalise.vocabulary import read_vocabulary
from scrapers.urls import canonical_url, posting_url, slug

SOURCE = "jobposting"
# Path fragments of job pages on career sites (scrapers/data/job_pages.toml).
DEFAULT_URL_PATTERNS = tuple(read_vocabulary("job_pages")["url"]["patterns"])
EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
_PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class PageResult:
    """What one page gave: its postings, else why it was skipped; and what it links to."""

    postings: list[dict[str, Any]] = field(default_factory=list)
    kind: str | None = None  # jsonld | microdata | rdfa | page
    skip: str | None = None
    repairs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    # Structured postings of the page that could not be read: skipped with why, or failed.
    skipped: list[str] = field(default_factory=list)
    failed: list[FailedPosting] = field(default_factory=list)
    # Every currency the page's structured data states, for salaries that state none.
    currencies: frozenset[str] = frozenset()


def url_matcher(patterns: Iterable[str] = DEFAULT_URL_PATTERNS) -> Callable[[str], bool]:
    """Does a URL's path (and query) look like a job page? ValueError on a bad pattern."""
    compiled = [re.compile(p, re.I) for p in patterns]

    def matches(url: str) -> bool:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return any(p.search(target) for p in compiled)

    return matches


# --- small readers -----------------------------------------------------------------------------


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _plain(value: Any) -> str | None:
    """A property as text: microdata keeps inner HTML, so tags are stripped here."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, dict | list):
        return None
    shown = str(value)
    if "<" in shown:
        shown = lxml_html.fragment_fromstring(shown, create_parent="div").text_content()
    return text(html.unescape(shown))


def _name(value: Any) -> str | None:
    value = _first(value)
    return _plain(value.get("name")) if isinstance(value, dict) else _plain(value)


def page_date(value: Any, *, crawled_at: str, locale: str | None) -> str | None:
    """A JobPosting date through the project's one date reader, the page's locale ordering a
    numeric date (a number stays a number: an epoch)."""
    value = _first(value)
    shown = value if isinstance(value, int | float) else _plain(value)
    return resolve_date(shown, crawled_at, language=locale)


def _amount(value: Any) -> float | int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = value
    else:
        shown = re.sub(r"[\s,$€£¥]", "", _plain(value) or "")
        if not _NUMBER.fullmatch(shown):
            return None
        number = float(shown)
    if number <= 0:
        return None
    return int(number) if float(number).is_integer() else float(number)


def _format(amount: float | int) -> str:
    return f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"


# --- JobPosting → contract ---------------------------------------------------------------------


def salary(
    job: dict[str, Any], fallback_currency: str | None = None
) -> tuple[str | None, dict[str, Any] | None]:
    """(readable raw string, structured salary) of ``baseSalary``; (None, None) without one.

    The currency is the one the salary states (``currency`` on the MonetaryAmount or, as some
    sites write it, on its QuantitativeValue; else the posting's ``salaryCurrency``); without
    one, ``fallback_currency`` (what the rest of the page says:
    scrapers/extractors/page_currency.py) goes into the structured salary, not the raw string."""
    base = _first(job.get("baseSalary"))
    if base is None:
        return None, None
    currency = job.get("salaryCurrency")
    value, unit = base, None
    if isinstance(base, dict):
        currency = base.get("currency") or currency
        value, unit = base.get("value"), base.get("unitText")
    low = high = None
    if isinstance(value, dict):
        currency = currency or value.get("currency")
        unit = value.get("unitText") or unit
        low, high = _amount(value.get("minValue")), _amount(value.get("maxValue"))
        if low is None and high is None:
            low = high = _amount(value.get("value"))
    else:
        low = high = _amount(value)
    currency, unit = _plain(currency), _plain(unit)
    if low is None and high is None:
        shown = value.get("value") if isinstance(value, dict) else value
        return _plain(shown), None
    period = _PERIODS.get((unit or "").upper())
    amounts = _format(low) if low == high else "–".join(_format(a) for a in (low, high) if a)
    raw = " ".join(filter(None, (currency, amounts))) + (f" per {unit.lower()}" if unit else "")
    code = currency.upper() if currency and re.fullmatch(r"[A-Za-z]{3}", currency) else None
    return raw, {"min": low, "max": high, "currency": code or fallback_currency, "period": period}


def _country(value: Any) -> str | None:
    """``addressCountry`` in every form: an ISO code in any case, a name in any language, a
    ``Country`` object (its ``name``, else its ``identifier``)."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("identifier") or value.get("alternateName")
    shown = _plain(value)
    return country_from_stated(shown) if shown else None


def _address(place: Any) -> dict[str, Any] | str | None:
    if isinstance(place, dict):
        address = place.get("address", place)
        if isinstance(_first(address), str):
            return _plain(address)
        return _first(address) if address is not place or "addressLocality" in place else None
    return _plain(place)


def address_place(address: dict[str, Any]) -> dict[str, str | None] | None:
    """A PostalAddress as the contract's place, read field by field (never flattened to a
    string and re-parsed): the region a US state or Canadian province code, as the location
    parser writes it; the country from ``addressCountry``, else the region, else the city."""
    city = _plain(address.get("addressLocality"))
    region = _plain(address.get("addressRegion"))
    country = _country(address.get("addressCountry"))
    stated = subdivision(region) if region else None
    if stated and country in (None, stated[1]):
        region, country = stated
    if country is None and city:
        country = country_from_city(city)
    if not (city or region or country):
        return None
    return {"city": city, "region": region, "country": country}


def locations(job: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    """(``location_raw``, ``locations``) from ``jobLocation``: each PostalAddress as a place
    read from its fields; a place given as words as ``{"text": …}``, which the pipeline reads
    (scrapers.normalise.location.resolve_places)."""
    places = job.get("jobLocation")
    places = places if isinstance(places, list) else [places] if places else []
    shown: list[str] = []
    parsed: list[dict[str, Any]] = []
    for place in places:
        address = _address(place)
        words = None
        if isinstance(address, dict):
            parts = [
                _plain(address.get("addressLocality")),
                _plain(address.get("addressRegion")),
                _name(address.get("addressCountry")),
            ]
            shown.append(", ".join(p for p in parts if p))
            found = address_place(address)
            if found:
                parsed.append(found)
        elif address:
            words = address
        elif isinstance(place, dict) and _plain(place.get("name")):
            words = _plain(place.get("name"))
        if words:
            shown.append(words)
            parsed.append({"text": words})
    raw = " / ".join(s for s in shown if s) or None
    return raw, parsed


def remote_locations(job: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    """Where a TELECOMMUTE job may be done from (``applicantLocationRequirements``)."""
    required = job.get("applicantLocationRequirements")
    required = required if isinstance(required, list) else [required] if required else []
    names = [n for n in (_name(r) for r in required) if n]
    countries = [_country(r) for r in required]
    parsed = [{"city": None, "region": None, "country": c} for c in countries if c]
    return (" / ".join(names) or None), parsed if len(parsed) == len(required) else []


def employment(job: dict[str, Any]) -> tuple[str | None, str | None]:
    value = job.get("employmentType")
    values = value if isinstance(value, list) else re.split(r"\s*,\s*", str(value or ""))
    shown = [v for v in (_plain(v) for v in values) if v]
    folded = {re.sub(r"[^A-Z]", "", v.upper()) for v in shown}
    known = {t.replace("_", ""): t for t in EMPLOYMENT_TYPES}
    single = known.get(next(iter(folded))) if len(folded) == 1 else None
    return (", ".join(shown) or None), single


def _description(value: Any) -> str | None:
    shown = _first(value)
    if not isinstance(shown, str) or not shown.strip():
        return None
    # Some sites entity-escape the HTML of the description once (&lt;p&gt;…).
    if "&lt;" in shown and "<" not in shown:
        shown = html.unescape(shown)
    return shown.strip()


def _is_true(value: Any) -> bool:
    value = _first(value)
    return value is True or str(value).strip().lower() == "true"


def _same_site(url: str, page_url: str) -> bool:
    return urlsplit(url).hostname == urlsplit(page_url).hostname


def _identifier(job: dict[str, Any]) -> Any:
    identifier = _first(job.get("identifier"))
    if isinstance(identifier, dict):
        identifier = identifier.get("value", identifier.get("@id"))
    return identifier


def _declared_url(job: dict[str, Any]) -> str | None:
    """The posting's own URL: ``url``, else ``sameAs``, else an ``identifier`` that is a URL."""
    for value, only_a_url in (
        (job.get("url"), False),
        (job.get("sameAs"), False),
        (_identifier(job), True),
    ):
        shown = _plain(value)
        if shown and (not only_a_url or re.match(r"https?://", shown)):
            return shown
    return None


def posting_fields(
    job: dict[str, Any], *, page_url: str, crawled_at: str, page: PageFacts
) -> dict[str, Any]:
    """The contract fields of one JobPosting (raw fields plus the structured ones it states)."""
    company = _first(job.get("hiringOrganization"))
    company_description = company.get("description") if isinstance(company, dict) else None
    identifier = _identifier(job)
    declared = _declared_url(job)
    declared = canonical_url(urljoin(page_url, declared)) if declared else None
    on_site = declared if declared and _same_site(declared, page_url) else None
    elsewhere = declared if declared and not on_site else None
    url = on_site or page.canonical
    location_type = _plain(job.get("jobLocationType"))
    remote = "remote" if location_type and "TELECOMMUTE" in location_type.upper() else None
    location_raw, places = locations(job)
    if remote and not location_raw:
        location_raw, places = remote_locations(job)
    countries = [p.get("country") for p in places]
    currency = page_currency(page.currencies, countries, page.locale)
    salary_raw, structured_salary = salary(job, currency)
    employment_raw, employment_type = employment(job)
    original = elsewhere or page.ats_link
    return {
        "url": url,
        "source": SOURCE,
        "source_id": _plain(identifier),
        "title": _plain(job.get("title") or job.get("name")),
        # A posting without hiringOrganization is the page's company's (its site, logo, footer).
        "company": _name(company) or page.company,
        "company_description": _plain(company_description or job.get("employerOverview")),
        "location_raw": location_raw,
        "remote_raw": location_type,
        "employment_type_raw": employment_raw,
        "salary_raw": salary_raw,
        "date_posted_raw": _plain(job.get("datePosted")),
        "description_html": _description(job.get("description")),
        "apply_url": original or (url if _is_true(job.get("directApply")) else None),
        "original_url": original,
        "page_language": page.language,
        "crawled_at": crawled_at,
        "locations": places,
        "remote": remote,
        "employment_type": employment_type,
        "salary": structured_salary,
        "date_posted": page_date(job.get("datePosted"), crawled_at=crawled_at, locale=page.locale),
        "valid_through": page_date(
            job.get("validThrough"), crawled_at=crawled_at, locale=page.locale
        ),
    }


# --- a whole page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageFacts:
    """What every posting of a page shares: its canonical URL, UI language, ATS link, the
    company the page itself names (site name, title, logo, copyright line, host), and its locale
    as written (``en-GB``: the region orders numeric dates, the language alone does not)."""

    canonical: str
    language: str | None
    ats_link: str | None
    company: str | None = None
    locale: str | None = None
    # Every currency the page's structured data states (scrapers/extractors/page_currency.py).
    currencies: frozenset[str] = frozenset()


def page_facts(
    doc: lxml_html.HtmlElement, url: str, is_ats_host: Callable[[str], bool]
) -> PageFacts:
    canonical = canonical_url(url)
    for href in doc.xpath('//link[@rel="canonical"]/@href'):
        candidate = canonical_url(urljoin(url, href))
        if _same_site(candidate, url):
            canonical = candidate
            break
    lang = text(next(iter(doc.xpath("/html/@lang")), None))
    # <html lang> first; a page that states no region there may in og:locale ("en_GB") or its
    # Content-Language, when that is the same language.
    stated = [
        text(value)
        for value in (
            lang,
            *doc.xpath('//meta[@property="og:locale"]/@content'),
            *doc.xpath(
                '//meta[translate(@http-equiv, "CONTENTLANGUAGE", "contentlanguage")'
                '="content-language"]/@content'
            ),
        )
    ]
    language = lang.split("-")[0].lower() if lang else None
    locale = next(
        (
            tag
            for tag in stated
            if tag
            and re.fullmatch(r"[A-Za-z]{2,3}[-_][A-Za-z0-9-]+", tag)
            and language in (None, re.split(r"[-_]", tag)[0].lower())
        ),
        lang,
    )
    ats = next(
        (
            canonical_url(urljoin(url, href))
            for href in doc.xpath("//a/@href")
            if is_ats_host(urlsplit(urljoin(url, href)).hostname or "")
        ),
        None,
    )
    company = company_signals.best_company(
        doc, url, role=main_content.page_title(doc), hook=main_content.company_hook(doc)
    )
    return PageFacts(canonical, language, ats, company, locale)


def _structured(doc: lxml_html.HtmlElement, result: PageResult) -> tuple[str, list[Any]]:
    """The first syntax that holds a JobPosting, with its postings; else every item found."""
    found = structured_data.read_json_ld(doc)
    result.repairs, result.problems = found.repairs, found.errors
    # Property and type names as schema.org spells them, whatever case the site wrote.
    syntaxes: list[tuple[str, list[Any]]] = [
        ("jsonld", structured_data.schema_names(structured_data.resolve_references(found.blocks))),
        (
            "microdata",
            structured_data.schema_names(
                structured_data.read_items(doc, structured_data.MICRODATA)
            ),
        ),
        (
            "rdfa",
            structured_data.schema_names(structured_data.read_items(doc, structured_data.RDFA)),
        ),
    ]
    result.currencies = frozenset(stated_currencies([items for _, items in syntaxes]))
    for kind, items in syntaxes:
        jobs = list(structured_data.find_typed(items, "JobPosting"))
        if jobs:
            return kind, jobs
    return "page", [item for _, items in syntaxes for item in items]


def _all_types(items: list[Any]) -> list[str]:
    types: list[str] = []
    stack = list(items)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            types += structured_data.type_names(node)
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return types


def parse_page(
    body: bytes | str,
    *,
    url: str,
    crawled_at: str,
    is_ats_host: Callable[[str], bool],
    is_job_url: Callable[[str], bool] | None = None,
) -> PageResult:
    """The postings of one page (JobPosting first, the page itself second), or why none.

    ``is_ats_host`` tells a link to an applicant-tracking system (the employer's original
    posting) from the site's own links; ``is_job_url`` a job page's URL from others'."""
    is_job_url = is_job_url or url_matcher()
    doc = main_content.document(body)
    result = PageResult(links=main_content.same_site_links(doc, url))
    facts = page_facts(doc, url, is_ats_host)
    kind, found = _structured(doc, result)
    result.kind = kind
    facts = replace(facts, currencies=result.currencies)
    if kind != "page":
        return _from_jobs(found, result, url=url, crawled_at=crawled_at, facts=facts)
    heuristic = main_content.extract(doc)
    own = main_content.own_pages(doc, url)
    job_links = [
        link
        for link in result.links
        if is_job_url(link) and link != facts.canonical and link not in own
    ]
    result.skip = main_content.skip_reason(
        doc,
        url,
        heuristic,
        len(job_links),
        looks_like_job_url=is_job_url(url),
        structured_types=_all_types(found),
    )
    if result.skip is None:
        result.postings.append(_from_page(heuristic, crawled_at=crawled_at, facts=facts))
    return result


def _from_jobs(
    jobs: list[dict[str, Any]], result: PageResult, *, url: str, crawled_at: str, facts: PageFacts
) -> PageResult:
    postings = [
        posting
        for _, posting in each_entry(
            jobs,
            lambda job: posting_fields(job, page_url=url, crawled_at=crawled_at, page=facts),
            result,
            id_of=_identifier,
        )
    ]
    # Several postings each pointing at a page of its own are a listing's teasers: those pages
    # hold the postings, so the listing is skipped (and its links followed).
    own_pages = {p["url"] for p in postings if p["url"] != facts.canonical}
    if len(postings) > 1 and len(own_pages) == len(postings):
        result.skip = "listing"
        return result
    titled = [p for p in postings if p["title"]]
    if not titled:
        result.skip = "no_title"
    result.postings = own_urls(titled)
    return result


def own_urls(postings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Postings sharing one URL (a page holding several JobPostings, each without a URL of its
    own) each get the URL with a fragment of their own, so each is one posting with its own id:
    the fragment is the posting's ``identifier``, else its title, as a slug (``#job-<slug>``,
    ``-2``, ``-3`` … when two are alike). Derived from what the posting says, not from its place
    on the page, so it stays the same night after night while the page's order changes."""
    sharing = Counter(p["url"] for p in postings)
    taken: set[tuple[str, str]] = set()
    for posting in postings:
        if sharing[posting["url"]] < 2:
            continue
        key = slug(posting["source_id"] or posting["title"] or "") or "posting"
        fragment, n = key, 1
        while (posting["url"], fragment) in taken:
            n += 1
            fragment = f"{key}-{n}"
        taken.add((posting["url"], fragment))
        posting["url"] = posting_url(posting["url"], fragment)
    return postings


def _from_page(found: main_content.Heuristic, *, crawled_at: str, facts: PageFacts) -> dict:
    return {
        "url": facts.canonical,
        "source": SOURCE,
        "source_id": None,
        "title": found.title,
        "company": facts.company,
        "location_raw": found.location_raw,
        "date_posted_raw": found.date_posted_raw,
        "description_html": found.description_html,
        "apply_url": facts.ats_link,
        "original_url": facts.ats_link,
        "page_language": facts.language,
        "crawled_at": crawled_at,
    }
