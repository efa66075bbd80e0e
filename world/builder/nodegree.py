"""NoDegree (``jobs.nodegree.com``) server-rendered pages: listings, job pages, soft 404s.

NoDegree's markup is not public; these pages follow the layout of the seed capture. A record's
``[nodegree]`` table::

    [nodegree]
    organization = "farfetch"                 # the slug in /organizations/<slug>/jobs
    id = "ce7672804fe64ff4946cef925788478e"   # the J… job hash (32 hex)
    ref = "jnw1Dw13VD"                        # the organisation's 10-char id (_ONoDegree<ref>)
    blurb = "Online luxury fashion …"         # the company card's one-liner
    summary = "Develop scalable …"            # optional: the board's AI summary line
    level = "Mid-Level"                       # optional: default read from the title
    category = "Engineering"                  # optional: default the record's department
    original_url = "https://…"                # optional: default the record's Lever / Ashby /
                                              #   Greenhouse posting, if it has one
    jsonld = true                             # optional: the page carries JSON-LD JobPosting
    expired = true                            # optional: the page is the soft 404

Generated companies (world/generated/nodegree.toml) take ``blurb``, ``jsonld``, ``ats``
(``lever`` | ``ashby``: where their original postings live) and ``expired`` (posting indexes).
"""

from __future__ import annotations

import html
import json
import random
import re
import string
import unicodedata
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapers.world import Recording
from world.builder.common import ats_posting_url
from world.builder.phrasebook import COUNTRY_NAMES
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

HOST = "https://jobs.nodegree.com"
# The site's name: in page titles, in its job ids (…_ONoDegree<ref>) and its JSON-LD identifiers.
BOARD_NAME = "NoDegree"
# The seeds' clock: ages on the pages ("2 weeks ago") are as of this capture.
CAPTURED_AT = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
# The site-wide count in the header of every page, as on the seed capture.
SITE_JOB_COUNT = 141313
PAGE_SIZE = 10
HTML_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate"),
    ("X-Powered-By", "Next.js"),
]
# Search queries and the app's data routes are off limits; listings, paging and jobs are not.
ROBOTS = b"""User-agent: *
Allow: /
Disallow: /api/
Disallow: /_next/data/
Disallow: /auth/
Disallow: /*?*q=
Disallow: /*?*sort=

Sitemap: https://jobs.nodegree.com/sitemap.xml
"""
_COUNTRY_CODES = {name: code for code, name in COUNTRY_NAMES.items()}
_EMPLOYMENT = {"full-time": "FULL_TIME", "part-time": "PART_TIME", "cdi": "FULL_TIME"}
_LEVELS = (
    ("Entry-Level", re.compile(r"\b(?:junior|jr|débutant|einsteiger)\b", re.I)),
    ("Senior-Level", re.compile(r"\b(?:senior|sr|staff|lead|principal)\b", re.I)),
)


def all_jobs_url(page: int = 1) -> str:
    """Every organisation's jobs, newest first; the first page has no query."""
    return f"{HOST}/jobs" if page <= 1 else f"{HOST}/jobs?page={page}"


def organization_jobs_url(organization: str, page: int = 1) -> str:
    base = f"{HOST}/organizations/{organization}/jobs"
    return base if page <= 1 else f"{base}?page={page}"


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def _placed(record: PostingRecord) -> dict[str, Any]:
    return record.placements["nodegree"]


def job_path(record: PostingRecord) -> str:
    placed = _placed(record)
    return (
        f"/organizations/{placed['organization']}/jobs/"
        f"{_slug(record.title)}-J{placed['id']}_O{BOARD_NAME}{placed['ref']}"
    )


def _published(record: PostingRecord) -> datetime:
    moment = datetime.fromisoformat(record.published)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _age(record: PostingRecord) -> str:
    days = (CAPTURED_AT - _published(record)).days
    for size, unit in ((30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = days // size
            return f"{count} {unit}{'s' if count > 1 else ''} ago"
    return "today"


def _level(record: PostingRecord) -> str:
    found = _placed(record).get("level")
    return found or next((lv for lv, p in _LEVELS if p.search(record.title)), "Mid-Level")


def _original_url(record: PostingRecord) -> str | None:
    placed = _placed(record)
    if "original_url" in placed:
        return placed["original_url"] or None
    if lever := record.placements.get("lever"):
        instance = lever.get("instance", "global")
        return ats_posting_url("lever", lever["site"], lever["id"], instance)
    if ashby := record.placements.get("ashby"):
        return ats_posting_url("ashby", ashby["board"], ashby["id"])
    if greenhouse := record.placements.get("greenhouse"):
        return ats_posting_url("greenhouse", greenhouse["board"], str(greenhouse["id"]))
    return None


def _salary_text(record: PostingRecord) -> str | None:
    salary = record.salary
    if not salary:
        return None
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(salary["currency"], salary["currency"] + " ")
    return f"{symbol}{salary['min']:,} - {symbol}{salary['max']:,} / {salary.get('period', 'year')}"


def _summary(record: PostingRecord) -> str:
    # The board writes its own one-liner (in English) above every posting.
    return _placed(record).get("summary") or (
        f"Join {record.company} as {record.title} and help the team deliver its roadmap"
    )


# --- JSON-LD ------------------------------------------------------------------------------------


def _ld_place(location: str | None) -> dict[str, Any]:
    if not location:
        return {}
    kind, _, place = location.partition(" - ") if " - " in location else ("", "", location)
    parts = [p.strip() for p in place.split(",")]
    if kind and len(parts) == 1:
        country = _COUNTRY_CODES.get(parts[0], parts[0])
        return {
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": {"@type": "Country", "name": country},
        }
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": parts[0]}
    last = parts[-1] if len(parts) > 1 else None
    if last in _COUNTRY_CODES:
        address["addressCountry"] = _COUNTRY_CODES[last]
    elif last:
        address |= {"addressRegion": last, "addressCountry": "US"}
    return {"jobLocation": {"@type": "Place", "address": address}}


def _json_ld(record: PostingRecord) -> str:
    placed = _placed(record)
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": record.title,
        "description": record.body_html.strip(),
        "identifier": {"@type": "PropertyValue", "name": BOARD_NAME, "value": placed["id"]},
        "datePosted": record.published,
        "validThrough": (_published(record) + timedelta(days=60)).date().isoformat(),
        "hiringOrganization": {
            "@type": "Organization",
            "name": record.company,
            "sameAs": organization_jobs_url(placed["organization"]),
            "description": placed.get("blurb"),
        },
        "url": HOST + job_path(record),
        "directApply": False,
    } | _ld_place(record.location)
    if employment := _EMPLOYMENT.get((record.employment_type or "").lower()):
        posting["employmentType"] = employment
    if salary := record.salary:
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": salary["currency"],
            "value": {
                "@type": "QuantitativeValue",
                "minValue": salary["min"],
                "maxValue": salary["max"],
                "unitText": salary.get("period", "year").upper(),
            },
        }
    # "</" must not close the script element early.
    data = json.dumps(posting, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">{data}</script>\n'


# --- pages --------------------------------------------------------------------------------------


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _document(title: str, main: str, head: str = "", canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{_e(canonical)}"/>\n' if canonical else ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{_e(title)}</title>
{link}{head}<link rel="stylesheet" href="/_next/static/css/4b1d0c7e9a2f6e31.css" data-precedence="next"/>
<script src="/_next/static/chunks/webpack-8f3c2a1d9e7b6c54.js" async=""></script>
</head>
<body class="__className_d65c78">
<div id="__next">
<header class="Header_root__k2Jd9">
<a class="Header_logo__Rt6pQ" href="/" aria-label="NoDegree home"><svg class="Header_mark__pL2s0" aria-hidden="true" viewBox="0 0 24 24"><path d="M3 3h18v18H3z"></path></svg></a>
<nav class="Header_nav__x8Hn1"><a class="Header_allJobs__f81Kq" href="/jobs">View All Jobs <span class="Header_count__Zp0aQ">{SITE_JOB_COUNT}</span></a></nav>
</header>
{main}
<footer class="Footer_root__a1Bc3"><div class="Footer_spacer__q0Wd2"></div></footer>
</div>
<script src="/_next/static/chunks/main-app-2d6f0b8e4c1a9f37.js" async=""></script>
</body>
</html>
"""  # noqa: E501
    return page.encode("utf-8")


def _icon(name: str) -> str:
    return (
        f'<svg class="Icon_root__Zx81c" data-icon="{name}" aria-hidden="true" width="16" '
        f'height="16" viewBox="0 0 24 24"><use href="/icons.svg#{name}"></use></svg>'
    )


def _chip(icon: str, content: str) -> str:
    return f'<div class="Chip_root__c5Hv1">{_icon(icon)}<span>{content}</span></div>'


def _job_page(record: PostingRecord) -> bytes:
    placed = _placed(record)
    org, blurb = placed["organization"], placed.get("blurb")
    category = placed.get("category") or record.department
    chips = [_chip("map-pin", _e(record.location))] if record.location else []
    chips.append(_chip("signal", _e(_level(record))))
    chips.append(_chip("clock", _e(_age(record))))
    if salary := _salary_text(record):
        chips.append(_chip("banknote", _e(salary)))
    org_link = f'<a href="/organizations/{_e(org)}/jobs">{_e(record.company)}</a>'
    chips.append(_chip("building", org_link))
    original = _original_url(record)
    original_link = (
        f'<a class="JobDescription_original__w2Lp7" href="{_e(original)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">+ Show Original Job Post</a>\n'
        if original
        else ""
    )
    blurb_html = f'<p class="CompanyCard_blurb__Ua8Tb">{_e(blurb)}</p>' if blurb else ""
    about = (
        f'<div class="JobSidebar_about__Ld0Wq"><h3>About {_e(record.company)}</h3>'
        f"{blurb_html}</div>"
    )
    meta = [f'<div class="JobSidebar_meta__Bv5Ts">{_icon("map-pin")}{_e(record.location)}</div>']
    if category:
        meta.append(f'<div class="JobSidebar_meta__Bv5Ts">{_icon("briefcase")}{_e(category)}</div>')
    main = f"""<main class="JobPage_main__3nB7x">
<div class="JobPage_columns__pQ2xs">
<article class="JobPage_job__Lm4Rt">
<h1 class="JobHeader_title__a8Kd2">{_e(record.title)}</h1>
<p class="JobHeader_summary__Vb3Qe">{_e(_summary(record))}</p>
<div class="JobHeader_chips__u2Xn7">
{chr(10).join(chips)}
</div>
<section class="CompanyCard_root__Hn4Ke">
<img class="CompanyCard_logo__Jr7Yc" src="/api/logos/{_e(org)}.png" alt="" width="48" height="48"/>
<div><h2 class="CompanyCard_name__Qm2Zd">{_e(record.company)}</h2>{blurb_html}</div>
</section>
<section class="JobDescription_root__T9vXe">
<h2 class="JobDescription_title__Ke3Ws">{_e(record.title)}</h2>
<div class="JobDescription_body__h4Rq8">
{record.body_html.strip()}
</div>
{original_link}</section>
</article>
<aside class="JobSidebar_root__Gc6Nm">
<div class="JobSidebar_card__Yp1Fv">
<h3 class="JobSidebar_title__Sd3Kx">{_e(record.title)}</h3>
{"".join(meta)}
</div>
{about}
</aside>
</div>
</main>"""
    head = _json_ld(record) if placed.get("jsonld") else ""
    canonical = HOST + job_path(record)
    return _document(f"{record.title} at {record.company} | {BOARD_NAME}", main, head, canonical)


def _gone_page(record: PostingRecord) -> bytes:
    org = _placed(record)["organization"]
    main = f"""<main class="JobPage_main__3nB7x">
<div class="NotFound_root__Vx2Mn">
<h1 class="NotFound_title__Kq8Wd">This job is no longer available</h1>
<p class="NotFound_text__Pe3Ra">The employer has closed this position. Browse other jobs at <a href="/organizations/{_e(org)}/jobs">{_e(record.company)}</a>.</p>
</div>
</main>"""  # noqa: E501
    head = '<meta name="robots" content="noindex"/>\n'
    return _document(f"Job not available | {BOARD_NAME}", main, head)


def _card(record: PostingRecord) -> str:
    href = _e(job_path(record))
    return (
        f'<li class="JobCard_root__Qw3e1"><a class="JobCard_link__Hb7Ty" href="{href}">'
        f'<h2 class="JobCard_title__Mn4Pz">{_e(record.title)}</h2></a>'
        f'<div class="JobCard_company__Tr2Lk">{_e(record.company)}</div>'
        f'<div class="JobCard_meta__Xc5Vb">{_e(record.location or "")}</div>'
        f'<div class="JobCard_meta__Xc5Vb">{_e(_age(record))}</div></li>'
    )


def _pagination(page: int, pages: int, url_of: Any) -> str:
    if pages <= 1:
        return ""
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{_e(url_of(page - 1))}">Previous</a>')
    for number in range(1, pages + 1):
        current = ' aria-current="page"' if number == page else ""
        links.append(f'<a href="{_e(url_of(number))}"{current}>{number}</a>')
    if page < pages:
        links.append(f'<a rel="next" href="{_e(url_of(page + 1))}">Next</a>')
    return f'<nav class="Pagination_root__Wq2Jd" aria-label="Pagination">{" ".join(links)}</nav>'


def _listing_pages(
    heading: str, intro: str, records: list[PostingRecord], url_of: Any
) -> list[Recording]:
    pages = max(1, -(-len(records) // PAGE_SIZE))
    recordings = []
    for page in range(1, pages + 1):
        shown = records[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        cards = "\n".join(_card(r) for r in shown)
        empty = "" if records else '<p class="JobList_empty__Rf3Ds">No open positions</p>'
        main = f"""<main class="ListPage_main__Jw4Ne">
<h1 class="ListPage_title__Bn8Cx">{_e(heading)}</h1>
<p class="ListPage_intro__Ty5Pk">{_e(intro)}</p>
<ul class="JobList_root__Ge9Hs" data-testid="job-list">
{cards}
</ul>
{empty}{_pagination(page, pages, url_of)}
</main>"""
        title = f"{heading} | {BOARD_NAME}" + (f" – page {page}" if page > 1 else "")
        body = _document(title, main, canonical=url_of(page))
        recordings.append(Recording("GET", url_of(page), 200, HTML_HEADERS, body))
    return recordings


def _newest_first(records: list[PostingRecord]) -> list[PostingRecord]:
    return sorted(records, key=lambda r: (_published(r), _placed(r)["id"]), reverse=True)


def render(records: list[PostingRecord]) -> list[Recording]:
    organizations: dict[str, list[PostingRecord]] = defaultdict(list)
    for record in records:
        organizations[_placed(record)["organization"]].append(record)
    recordings = [
        Recording("GET", f"{HOST}/robots.txt", 200, [("Content-Type", "text/plain")], ROBOTS)
    ]
    recordings += _listing_pages(
        "All Jobs", f"{SITE_JOB_COUNT} jobs", _newest_first(records), all_jobs_url
    )
    for org in sorted(organizations):
        listed = _newest_first(organizations[org])
        company = listed[0].company
        blurb = next((_placed(r).get("blurb") for r in listed if _placed(r).get("blurb")), "")
        recordings += _listing_pages(
            f"Jobs at {company}",
            f"{len(listed)} open positions. {blurb}".strip(),
            listed,
            lambda page, org=org: organization_jobs_url(org, page),
        )
        for record in listed:
            page = _gone_page(record) if _placed(record).get("expired") else _job_page(record)
            url = HOST + job_path(record)
            recordings.append(Recording("GET", url, 200, HTML_HEADERS, page))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    options = spec.options
    # The _O… id is the organisation's: the same on every job of the board.
    org_rng = random.Random(f"nodegree:{spec.board}")
    ref = "".join(org_rng.choice(string.ascii_letters + string.digits) for _ in range(10))
    placed: dict[str, Any] = {
        "organization": spec.board,
        "id": f"{rng.getrandbits(128):032x}",
        "ref": ref,
        "blurb": options.get("blurb"),
        "jsonld": bool(options.get("jsonld", False)),
    }
    posting_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    ats = options.get("ats")
    placed["original_url"] = ats_posting_url(ats, spec.board, posting_id) if ats else ""
    if index in options.get("expired", []):
        placed["expired"] = True
    return {k: v for k, v in placed.items() if v is not None}
