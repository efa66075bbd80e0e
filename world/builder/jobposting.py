"""Career sites publishing schema.org JobPosting, in the shapes found in the wild.

A record's ``[jobposting]`` table places it on one of the sites below::

    [jobposting]
    site = "falkenstein"                # a key of SITES
    path = "/stellen/backend-4711"      # the posting's page
    id = "FW-4711"                      # optional: identifier (PropertyValue) value
    shape = "jsonld"                    # how the page carries the posting (SHAPES)
    repair = "trailing_commas"          # optional: the JSON-LD is broken this way
    address = { addressLocality = "Stuttgart", addressCountry = "DE" }  # optional
    employment_types = ["FULL_TIME", "PART_TIME"]  # optional: a list instead of employment_type
    remote = true                       # optional: jobLocationType TELECOMMUTE
    applicant_countries = ["DE", "AT"]  # optional, with remote
    valid_through = "2026-12-31"        # optional
    direct_apply = true                 # optional
    ats_url = "https://…"               # optional: the ATS posting the page links to
    jsonld = '''{…}'''                  # shape "raw": the block exactly as written

Each site also serves the pages a real career site has that are not postings (a listing, a blog
post, a soft 404, a login wall), which the spider must skip. Sites are discovered the ways the
spider supports: robots.txt ``Sitemap:`` → sitemap index → gzipped sitemaps; ``/sitemap.xml``
without a robots line; or links only.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from scrapers.world import Recording
from world.builder.phrasebook import COUNTRY_NAMES
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

HTML = [("Content-Type", "text/html; charset=utf-8")]
XML = [("Content-Type", "application/xml; charset=utf-8")]
GZIP = [("Content-Type", "application/gzip")]
SHAPES = (
    "jsonld",  # one object
    "jsonld-list",  # a top-level array: Organization, JobPosting
    "jsonld-typelist",  # "@type": ["JobPosting", "Thing"]
    "jsonld-multi",  # a BreadcrumbList block, then the JobPosting block
    "jsonld-webpage",  # WebPage with mainEntity JobPosting
    "jsonld-itemlist",  # ItemList holding the one JobPosting
    "graph",  # @graph: WebSite, Organization, WebPage, JobPosting (hiringOrganization by @id)
    "microdata",
    "rdfa",
    "plain",  # no structured data at all
    "raw",  # the record's own JSON-LD text
)
REPAIRS = ("trailing_commas", "control_characters", "comment", "html_escaped")


@dataclass(frozen=True)
class Site:
    host: str
    name: str
    language: str
    discovery: str  # "sitemap-index-gz" | "sitemap" | "links"
    listing: str  # the listing page's path
    blog: str
    soft_404: str
    login_wall: str | None = None

    @property
    def origin(self) -> str:
        return f"https://{self.host}"


SITES = {
    "falkenstein": Site(
        "karriere.falkenstein.example",
        "Falkenstein Werke",
        "de",
        "sitemap-index-gz",
        listing="/stellen/",
        blog="/karriere/blog/ausbildung-bei-falkenstein",
        soft_404="/stellen/lagerist-2019-0815",
    ),
    "maplewood": Site(
        "jobs.maplewood.example",
        "Maplewood Health",
        "en",
        "sitemap",
        listing="/jobs/",
        blog="/jobs/stories/a-day-in-the-lab",
        soft_404="/jobs/expired-1999",
        login_wall="/jobs/internal/staff-nurse-ward-7",
    ),
    "sonnenhof": Site(
        "www.sonnenhof-hotels.example",
        "Sonnenhof Hotels",
        "de",
        "links",
        listing="/karriere/",
        blog="/karriere/blog/sommer-am-see",
        soft_404="/karriere/stelle-rezeption-2020",
    ),
    "tidewater": Site(
        "careers.tidewater.example",
        "Tidewater Logistics",
        "en",
        "links",
        listing="/jobs",
        blog="/blog/life-at-tidewater",
        soft_404="/jobs/dock-supervisor-2018",
        login_wall="/jobs/team-lead-internal",
    ),
}


def placed(record: PostingRecord) -> dict[str, Any]:
    return record.placements["jobposting"]


def page_url(record: PostingRecord) -> str:
    return SITES[placed(record)["site"]].origin + placed(record)["path"]


# --- JSON-LD -----------------------------------------------------------------------------------


def _address(record: PostingRecord) -> dict[str, Any] | None:
    """The record's address, else one read off ``location`` (``City, Region|Country``; a
    country by its English name, as records and generated postings write it)."""
    table = placed(record)
    if table.get("address"):
        return {"@type": "PostalAddress", **table["address"]}
    shown = (record.location or "").split(" - ", 1)[-1]
    parts = [p.strip() for p in shown.split(",") if p.strip()]
    if not parts:
        return None
    address = {"@type": "PostalAddress", "addressLocality": parts[0]}
    if len(parts) > 1:
        key = "addressCountry" if parts[-1] in COUNTRY_NAMES.values() else "addressRegion"
        address[key] = parts[-1]
    return address


def job_posting(record: PostingRecord) -> dict[str, Any]:
    """The JobPosting of a record, as a careful site writes it (Google's recommended fields)."""
    table = placed(record)
    job: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": record.title,
        "description": record.body_html.strip(),
        "datePosted": record.published,
        "hiringOrganization": {"@type": "Organization", "name": record.company},
        "url": page_url(record),
    }
    if table.get("id"):
        job["identifier"] = {"@type": "PropertyValue", "name": record.company, "value": table["id"]}
    if table.get("valid_through"):
        job["validThrough"] = table["valid_through"]
    if table.get("employment_types") or record.employment_type:
        job["employmentType"] = table.get("employment_types") or record.employment_type
    if table.get("remote"):
        job["jobLocationType"] = "TELECOMMUTE"
        job["applicantLocationRequirements"] = [
            {"@type": "Country", "name": c} for c in table.get("applicant_countries", [])
        ]
    elif address := _address(record):
        job["jobLocation"] = {"@type": "Place", "address": address}
    if record.salary:
        job["baseSalary"] = _salary(record.salary)
    if "direct_apply" in table:
        job["directApply"] = bool(table["direct_apply"])
    return job


def _salary(salary: dict[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary["period"].upper()}
    if salary.get("min") == salary.get("max"):
        value["value"] = salary["min"]
    else:
        value |= {"minValue": salary.get("min"), "maxValue": salary.get("max")}
    return {"@type": "MonetaryAmount", "currency": salary["currency"], "value": value}


def _graph(record: PostingRecord, job: dict[str, Any]) -> dict[str, Any]:
    site = SITES[placed(record)["site"]]
    org = {"@type": "Organization", "@id": f"{site.origin}/#organization", "name": record.company}
    posting = {k: v for k, v in job.items() if k != "@context"}
    posting["hiringOrganization"] = {"@id": org["@id"]}
    return {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{site.origin}/#website", "name": site.name},
            org,
            {"@type": "WebPage", "@id": page_url(record), "name": record.title},
            posting,
        ],
    }


def json_ld_blocks(record: PostingRecord) -> list[str]:
    """The page's JSON-LD script bodies, broken as the record asks."""
    table = placed(record)
    shape = table.get("shape", "jsonld")
    if shape == "raw":
        return [table["jsonld"].strip()]
    job = job_posting(record)
    bare = {k: v for k, v in job.items() if k != "@context"}
    values: list[Any] = {
        "jsonld": [job],
        "jsonld-list": [
            [
                {"@context": "https://schema.org", "@type": "Organization", "name": record.company},
                job,
            ]
        ],
        "jsonld-typelist": [job | {"@type": ["JobPosting", "Thing"]}],
        "jsonld-multi": [_breadcrumbs(record), job],
        "jsonld-webpage": [
            {
                "@context": "https://schema.org",
                "@type": "WebPage",
                "url": page_url(record),
                "mainEntity": bare,
            }
        ],
        "jsonld-itemlist": [
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "itemListElement": [{"@type": "ListItem", "position": 1, "item": bare}],
            }
        ],
        "graph": [_graph(record, job)],
    }[shape]
    texts = [json.dumps(v, indent=2, ensure_ascii=False) for v in values]
    if table.get("repair"):
        texts[-1] = break_json(texts[-1], table["repair"])
    return texts


def _breadcrumbs(record: PostingRecord) -> dict[str, Any]:
    site = SITES[placed(record)["site"]]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": site.name, "item": f"{site.origin}/"},
            {"@type": "ListItem", "position": 2, "name": record.title, "item": page_url(record)},
        ],
    }


def break_json(text: str, repair: str) -> str:
    """Break well-formed JSON the way a careless template does (reference for the repairs)."""
    if repair == "trailing_commas":
        # A comma after the last member of every multi-line object and array.
        return re.sub(r"(?<=[^\[{,\s])(\n\s*[}\]])", r",\1", text)
    if repair == "control_characters":
        # A template pasting the body raw: newlines and tabs inside the string.
        return text.replace("\\n", "\n").replace("\\t", "\t")
    if repair == "comment":
        return f"<!--\n{text}\n-->"
    if repair == "html_escaped":
        return html.escape(text, quote=True)
    raise ValueError(f"unknown JSON-LD repair {repair!r} (one of {', '.join(REPAIRS)})")


# --- pages -------------------------------------------------------------------------------------


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _page(site: Site, title: str, head: str, main: str, *, lang: str | None = None) -> bytes:
    """A career-site page: chrome around ``main`` (the chrome a main-content scorer must skip)."""
    nav = (
        f'<a href="/">{_e(site.name)}</a> <a href="{site.listing}">Jobs</a> '
        f'<a href="{site.blog}">Blog</a>'
    )
    page = f"""<!DOCTYPE html>
<html lang="{lang or site.language}">
<head>
<meta charset="utf-8">
<title>{_e(title)} | {_e(site.name)}</title>
<meta property="og:site_name" content="{_e(site.name)}">
{head}
</head>
<body>
<header><nav>{nav}</nav></header>
{main}
<aside><h2>Job alerts</h2><p>Get new jobs by e-mail: write to alerts@{site.host}.</p></aside>
<footer><p>© 2026 {_e(site.name)} · <a href="/about">About us</a></p></footer>
</body>
</html>
"""
    return page.encode("utf-8")


def _apply(record: PostingRecord, site: Site) -> str:
    # Small sites take applications by e-mail: a link the spider must not follow.
    target = placed(record).get("ats_url") or f"mailto:jobs@{site.host}"
    label = {"de": "Jetzt bewerben", "fr": "Postuler", "es": "Solicitar"}.get(
        record.language or site.language, "Apply now"
    )
    return f'<p><a class="apply-button" href="{_e(target)}">{label}</a></p>'


def _visible(record: PostingRecord, site: Site) -> str:
    """What any posting page shows: the title, a meta line, the body, the apply button."""
    date = record.published[:10]
    return (
        f"<main><article>\n<h1>{_e(record.title)}</h1>\n"
        f'<p class="job-meta"><span class="job-location">{_e(record.location or "")}</span> · '
        f'<time datetime="{date}">{date}</time></p>\n'
        f'<div class="job-description">\n{record.body_html.strip()}\n</div>\n'
        f"{_apply(record, site)}\n</article></main>"
    )


def _microdata(record: PostingRecord, site: Site, rdfa: bool) -> str:
    """The same visible page, annotated in microdata or RDFa Lite."""
    job = job_posting(record)

    def scope(kind: str, prop: str | None = None) -> str:
        if rdfa:
            return (f' property="{prop}"' if prop else ' vocab="https://schema.org/"') + (
                f' typeof="{kind}"'
            )
        return (f' itemprop="{prop}"' if prop else "") + (
            f' itemscope itemtype="https://schema.org/{kind}"'
        )

    def prop(name: str) -> str:
        return f'property="{name}"' if rdfa else f'itemprop="{name}"'

    def meta(name: str, value: Any) -> str:
        return f'<meta {prop(name)} content="{_e(value)}">'

    parts = [
        f"<main><article{scope('JobPosting')}>",
        f"<h1 {prop('title')}>{_e(record.title)}</h1>",
    ]
    parts.append(
        f'<p class="job-meta"><span{scope("Organization", "hiringOrganization")}>'
        f"<span {prop('name')}>{_e(record.company)}</span></span> · "
    )
    if address := job.get("jobLocation", {}).get("address"):
        fields = "".join(
            f"<span {prop(k)}>{_e(v)}</span> " for k, v in address.items() if k != "@type"
        )
        parts.append(
            f'<span class="job-location"{scope("Place", "jobLocation")}>'
            f"<span{scope('PostalAddress', 'address')}>{fields.strip()}</span></span> · "
        )
    parts.append(
        f'<time {prop("datePosted")} datetime="{job["datePosted"]}">'
        f"{record.published[:10]}</time></p>"
    )
    if "identifier" in job:
        parts.append(
            f"<div{scope('PropertyValue', 'identifier')}>"
            f"{meta('name', record.company)}{meta('value', job['identifier']['value'])}</div>"
        )
    for name in ("employmentType", "validThrough", "url"):
        if name in job:
            parts.append(meta(name, job[name]))
    if salary := job.get("baseSalary"):
        value = salary["value"]
        amounts = "".join(meta(k, v) for k, v in value.items() if k != "@type")
        parts.append(
            f"<div{scope('MonetaryAmount', 'baseSalary')}>{meta('currency', salary['currency'])}"
            f"<div{scope('QuantitativeValue', 'value')}>{amounts}</div></div>"
        )
    parts.append(
        f'<div class="job-description" {prop("description")}>\n{record.body_html.strip()}\n</div>'
    )
    parts.append(_apply(record, site))
    parts.append("</article></main>")
    return "\n".join(parts)


def posting_page(record: PostingRecord) -> bytes:
    table = placed(record)
    site = SITES[table["site"]]
    shape = table.get("shape", "jsonld")
    if shape not in SHAPES:
        raise ValueError(f"{record.key}: unknown jobposting shape {shape!r}")
    head = f'<link rel="canonical" href="{_e(page_url(record))}">'
    if shape in {"microdata", "rdfa"}:
        main = _microdata(record, site, rdfa=shape == "rdfa")
    else:
        main = _visible(record, site)
        if shape != "plain":
            head += "".join(
                f'\n<script type="application/ld+json">\n{block}\n</script>'
                for block in json_ld_blocks(record)
            )
    return _page(site, record.title, head, main, lang=record.language)


# --- the pages that are not postings -----------------------------------------------------------


def _listing(site: Site, records: list[PostingRecord]) -> bytes:
    items = "\n".join(
        f'<li><a href="{_e(placed(r)["path"])}">{_e(r.title)}</a> – {_e(r.location or "")}</li>'
        for r in records
    )
    extra = [site.soft_404] + ([site.login_wall] if site.login_wall else [])
    items += "".join(f'\n<li><a href="{p}">{_e(p.rsplit("/", 1)[-1])}</a></li>' for p in extra)
    head = ""
    if site.discovery == "sitemap":
        # A listing with teaser JobPostings, each pointing at its own page.
        teasers = [
            {
                "@type": "ListItem",
                "position": i + 1,
                "item": {
                    "@type": "JobPosting",
                    "title": r.title,
                    "url": page_url(r),
                    "hiringOrganization": r.company,
                    "datePosted": r.published,
                },
            }
            for i, r in enumerate(records)
        ]
        block = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": teasers}
        head = (
            f'<script type="application/ld+json">{json.dumps(block, ensure_ascii=False)}</script>'
        )
    main = f"<main><h1>Open positions</h1>\n<p>{len(records)} jobs</p>\n<ul>\n{items}\n</ul></main>"
    return _page(site, "Open positions", head, main)


def _blog(site: Site) -> bytes:
    article = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": f"Life at {site.name}",
        "datePublished": "2026-10-02",
    }
    head = (
        f'<meta property="og:type" content="article">\n'
        f'<script type="application/ld+json">{json.dumps(article)}</script>'
    )
    paragraphs = "".join(
        f"<p>{_e(site.name)} is a place where people grow. Our teams share what a working day "
        f"looks like, from the first coffee to the last meeting, part {n} of our series.</p>"
        for n in range(1, 5)
    )
    main = f"<main><article><h1>Life at {_e(site.name)}</h1>{paragraphs}</article></main>"
    return _page(site, f"Life at {site.name}", head, main)


def _soft_404(site: Site) -> bytes:
    main = (
        "<main><h1>Page not found</h1><p>Sorry, this job is no longer available. "
        f'Browse our <a href="{site.listing}">open positions</a>.</p></main>'
    )
    return _page(site, "Page not found", "", main)


def _login_wall(site: Site) -> bytes:
    main = (
        "<main><h1>Sign in</h1><p>Sign in to view this internal job posting.</p>"
        '<form method="post" action="/login"><input type="email" name="email">'
        '<input type="password" name="password"><button type="submit">Log in</button></form></main>'
    )
    return _page(site, "Sign in", "", main)


def _home(site: Site) -> bytes:
    main = (
        f"<main><h1>Careers at {_e(site.name)}</h1><p>Join us.</p>"
        f'<p><a href="{site.listing}">See all open positions</a> · '
        '<a href="/about">About us</a></p></main>'
    )
    return _page(site, "Careers", "", main)


def _about(site: Site) -> bytes:
    text = " ".join([f"{site.name} was founded in 1952 and has grown ever since."] * 6)
    return _page(site, "About us", "", f"<main><h1>About us</h1><p>{_e(text)}</p></main>")


def site_pages(site: Site, records: list[PostingRecord]) -> dict[str, bytes]:
    """Path → page of every page of the site that is not a posting."""
    pages = {
        "/": _home(site),
        "/about": _about(site),
        site.listing: _listing(site, records),
        site.blog: _blog(site),
        site.soft_404: _soft_404(site),
    }
    if site.login_wall:
        pages[site.login_wall] = _login_wall(site)
    return pages


# --- discovery: robots.txt and sitemaps --------------------------------------------------------


def _urlset(entries: list[tuple[str, str | None]]) -> bytes:
    rows = "".join(
        f"  <url>\n    <loc>{xml_escape(loc)}</loc>\n"
        + (f"    <lastmod>{lastmod}</lastmod>\n" if lastmod else "")
        + "  </url>\n"
        for loc, lastmod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</urlset>\n"
    ).encode()


def _index(locs: list[str]) -> bytes:
    rows = "".join(f"  <sitemap>\n    <loc>{xml_escape(loc)}</loc>\n  </sitemap>\n" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</sitemapindex>\n"
    ).encode()


def lastmod(record: PostingRecord) -> str:
    return placed(record).get("lastmod") or record.updated


def _gz(body: bytes) -> bytes:
    return gzip.compress(body, mtime=0)  # mtime 0: the same world byte for byte


def discovery(site: Site, records: list[PostingRecord], pages: dict[str, bytes]) -> list[Recording]:
    robots = "User-agent: *\nDisallow: /login\n"
    out: list[Recording] = []
    entries = [(page_url(r), lastmod(r)) for r in records]
    other = [(site.origin + path, None) for path in pages if path != site.login_wall]
    if site.discovery == "sitemap-index-gz":
        index = f"{site.origin}/sitemap_index.xml"
        robots += f"\nSitemap: {index}\n"
        half = (len(entries) + 1) // 2
        parts = {
            f"{site.origin}/sitemaps/stellen-1.xml.gz": entries[:half],
            f"{site.origin}/sitemaps/stellen-2.xml.gz": entries[half:],
            f"{site.origin}/sitemaps/seiten.xml.gz": other,
        }
        out.append(Recording("GET", index, 200, XML, _index(list(parts))))
        out += [Recording("GET", u, 200, GZIP, _gz(_urlset(e))) for u, e in parts.items()]
    elif site.discovery == "sitemap":
        wall = [(site.origin + site.login_wall, None)] if site.login_wall else []
        sitemap = _urlset(entries + other + wall)
        out.append(Recording("GET", f"{site.origin}/sitemap.xml", 200, XML, sitemap))
    out.append(
        Recording(
            "GET",
            f"{site.origin}/robots.txt",
            200,
            [("Content-Type", "text/plain")],
            robots.encode(),
        )
    )
    return out


def site_records(records: list[PostingRecord]) -> dict[str, list[PostingRecord]]:
    by_site: dict[str, list[PostingRecord]] = {name: [] for name in SITES}
    for record in records:
        name = placed(record).get("site")
        if name not in SITES:
            raise ValueError(f"{record.key}: unknown jobposting site {name!r}")
        by_site[name].append(record)
    return {name: sorted(rs, key=lambda r: placed(r)["path"]) for name, rs in by_site.items() if rs}


def render(records: list[PostingRecord]) -> list[Recording]:
    recordings: list[Recording] = []
    for name, placed_records in site_records(records).items():
        site = SITES[name]
        pages = site_pages(site, placed_records)
        recordings += discovery(site, placed_records, pages)
        for path, body in pages.items():
            recordings.append(Recording("GET", site.origin + path, 200, HTML, body))
        for record in placed_records:
            body = posting_page(record)
            recordings.append(
                Recording("GET", page_url(record), 200, HTML + validators(record, body), body)
            )
    return recordings


def validators(record: PostingRecord, body: bytes) -> list[tuple[str, str]]:
    """ETag and Last-Modified, as the web server of a static career site sends them: a later
    night may ask with If-None-Match / If-Modified-Since and get a 304."""
    modified = datetime.fromisoformat(record.updated).astimezone(UTC)
    return [
        ("ETag", f'"{hashlib.sha1(body).hexdigest()[:16]}"'),
        ("Last-Modified", format_datetime(modified, usegmt=True)),
    ]


_GENERATED_SHAPES = ("jsonld", "jsonld-list", "jsonld-typelist", "jsonld-multi", "jsonld-webpage")


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    site = spec.options.get("site", spec.board)
    number = 5000 + (spec.seed % 100) * 100 + index
    path = spec.options.get("path_prefix", "/stellen/stelle-")
    return {
        "site": site,
        "path": f"{path}{number}",
        "id": f"{spec.board[:2].upper()}-{number}",
        "shape": spec.options.get("shape") or _GENERATED_SHAPES[index % len(_GENERATED_SHAPES)],
        "direct_apply": rng.random() < 0.5,
    }
