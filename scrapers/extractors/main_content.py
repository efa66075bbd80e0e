"""A job page without structured data: its title, company, location, date and main body, and the
quality gate that tells a single posting from the other pages of a career site. Pure: no Scrapy.

Main-content detection is a small readability-style scorer: the container whose paragraphs and
list items carry the most text with the least link text wins, after dropping the page chrome
(``nav``, ``header``, ``footer``, ``aside``, forms, scripts). It keeps the short meta lines that
page-level extractors such as trafilatura drop (measured in docs/jobposting.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from scrapers.extractors.common import text
from scrapers.normalise.vocabulary import read_vocabulary, whole_words

_CHROME = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside")
# A table cell too: hand-written sites of the 2000s lay the page out in a table.
_CANDIDATES = "//main | //article | //*[@role='main'] | //section | //div | //td"
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•-]\s+|\s+::\s+")
_MIN_BODY = 200  # letters; a posting shorter than this is a stub, a teaser or an error page

_SOFT_404 = re.compile(
    r"\b(?:page not found|not found|404|no longer available|no longer exists|has expired"
    r"|page introuvable|n'existe plus|seite nicht gefunden|nicht gefunden|nicht mehr verfügbar"
    r"|página no encontrada|pagina non trovata)\b",
    re.I,
)
_LOGIN = re.compile(
    r"\b(?:sign in|log in|login|anmelden|se connecter|connexion|iniciar sesión)\b", re.I
)


_APPLY = whole_words(read_vocabulary("job_pages")["apply"]["words"])
_EMAIL_APPLY = whole_words(read_vocabulary("job_pages")["apply"]["email_words"])
_BLOCKS = {"p", "li", "td", "dd", "div"}
_EMAIL_BLOCK = 600  # characters: a paragraph, not a section
# A posting's number as the last part of its path (/postings/48213), not a year (/jobs/2026).
_POSTING_NUMBER = re.compile(r"(?!(?:19|20)\d{2}$)\d{3,}")

_EDITORIAL_PATH = re.compile(r"/(?:blog|news|press|magazine|stories|actualites)/", re.I)
_LOCATION_HOOK = re.compile(r"location|standort|lieu|ubicaci|localiza|city|place", re.I)
_COMPANY_HOOK = re.compile(r"company|employer|entreprise|unternehmen|empresa|hiring", re.I)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePosted",
    "date",
    "DC.date.issued",
)


@dataclass(frozen=True)
class Heuristic:
    """What a page without structured data shows of a posting (raw, as shown)."""

    title: str | None
    company: str | None
    location_raw: str | None
    date_posted_raw: str | None
    description_html: str | None
    body_letters: int


def document(body: bytes | str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(body or b"<html></html>")


def meta(doc: lxml_html.HtmlElement, name: str) -> str | None:
    values = doc.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return text(values[0]) if values else None


def _text_of(element: lxml_html.HtmlElement | None) -> str | None:
    return text(element.text_content()) if element is not None else None


def page_title(doc: lxml_html.HtmlElement) -> str | None:
    """h1, else og:title, else ``<title>`` without the site name (``Role | Site``)."""
    h1 = doc.xpath("//body//h1")
    if h1 and _text_of(h1[0]):
        return _text_of(h1[0])
    return og_or_title(doc)


def og_or_title(doc: lxml_html.HtmlElement) -> str | None:
    if og := meta(doc, "og:title"):
        return og
    title = _text_of(next(iter(doc.xpath("//head/title")), None))
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    site = meta(doc, "og:site_name")
    kept = [p for p in parts if not site or p.strip().lower() != site.lower()]
    # Without og:site_name, the site's name is the last part by the usual "Role | Site" order.
    return text(kept[0] if site else parts[0]) if kept else text(title)


def _hooked(doc: lxml_html.HtmlElement, hook: re.Pattern[str]) -> str | None:
    """The text of the first element whose class, id or itemprop names the field."""
    for element in doc.xpath("//body//*[@class or @id]"):
        names = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if hook.search(names) and element.tag not in {"body", "main", "article", "section"}:
            value = _text_of(element)
            if value and len(value) < 120:
                return value
    return None


def company_hook(doc: lxml_html.HtmlElement) -> str | None:
    """What the markup labels as the employer (a ``company``/``employer`` class or id)."""
    return _hooked(doc, _COMPANY_HOOK)


def posted_date(doc: lxml_html.HtmlElement) -> str | None:
    for name in _DATE_META:
        if value := meta(doc, name):
            return value
    times = doc.xpath("//body//time[@datetime]/@datetime")
    return text(times[0]) if times else None


def _strip_chrome(doc: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    cleaned = lxml_html.document_fromstring(lxml_html.tostring(doc))
    for element in cleaned.xpath("|".join(f"//{tag}" for tag in _CHROME) + "|//form"):
        element.drop_tree()
    return cleaned


def _score(element: lxml_html.HtmlElement) -> float:
    blocks = element.xpath(".//p | .//li | .//h2 | .//h3")
    letters = sum(len(b.text_content().strip()) for b in blocks)
    linked = sum(len(a.text_content().strip()) for a in element.xpath(".//a"))
    total = max(len(element.text_content().strip()), 1)
    # Text in paragraphs counts; text in links (menus, related jobs) counts against.
    return letters * (1 - linked / total)


def main_container(doc: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The container with the best score; a parent wins ties over a child (it holds the same
    text plus its headings)."""
    best, best_score = None, 0.0
    for element in doc.xpath(_CANDIDATES):
        score = _score(element)
        if score > best_score * 1.1 or (
            best is not None and score >= best_score and _holds(element, best)
        ):
            best, best_score = element, score
    return best


def _holds(parent: lxml_html.HtmlElement, child: lxml_html.HtmlElement) -> bool:
    return any(a is parent for a in child.iterancestors())


def body_html(container: lxml_html.HtmlElement) -> str:
    """The container's inner HTML without its h1 (the title, already a field of its own)."""
    for h1 in container.xpath(".//h1"):
        h1.drop_tree()
    inner = (container.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in container
    )
    return inner.strip()


def extract(doc: lxml_html.HtmlElement) -> Heuristic:
    cleaned = _strip_chrome(doc)
    container = main_container(cleaned)
    letters = len(re.sub(r"\W", "", container.text_content())) if container is not None else 0
    return Heuristic(
        title=page_title(doc),
        company=_hooked(doc, _COMPANY_HOOK) or meta(doc, "og:site_name"),
        location_raw=_hooked(doc, _LOCATION_HOOK),
        date_posted_raw=posted_date(doc),
        description_html=(body_html(container) or None) if container is not None else None,
        body_letters=letters,
    )


# --- the quality gate --------------------------------------------------------------------------


def same_site_links(doc: lxml_html.HtmlElement, page_url: str) -> list[str]:
    """Absolute http(s) links of the page on the page's own host, in order, once each."""
    host = urlsplit(page_url).hostname
    links: dict[str, None] = {}
    for href in doc.xpath("//a/@href"):
        absolute = urljoin(page_url, href.strip()).split("#", 1)[0]
        parts = urlsplit(absolute)
        if parts.scheme in {"http", "https"} and parts.hostname == host and absolute != page_url:
            links[absolute] = None
    return list(links)


def skip_reason(
    doc: lxml_html.HtmlElement,
    page_url: str,
    found: Heuristic,
    job_link_count: int,
    *,
    looks_like_job_url: bool,
    structured_types: list[str] | None = None,
) -> str | None:
    """Why a page without a JobPosting is not one posting, or None when it reads as one.

    Reasons (counted as ``jobsieve/jobposting/skipped/<reason>``): ``login_wall``, ``soft_404``,
    ``blog_post``, ``listing``, ``no_title``, ``too_short``, ``not_a_job``.
    """
    heading = " ".join(filter(None, (found.title, og_or_title(doc))))
    if doc.xpath("//input[@type='password']") and _LOGIN.search(doc.text_content()):
        return "login_wall"
    if _SOFT_404.search(heading):
        return "soft_404"
    types = set(structured_types or [])
    # Career sites set og:type=article on job pages too: it counts only off job URLs.
    if (
        types & {"BlogPosting", "Article", "NewsArticle"}
        or _EDITORIAL_PATH.search(urlsplit(page_url).path)
        or (meta(doc, "og:type") == "article" and not looks_like_job_url)
    ):
        return "blog_post"
    if job_link_count >= 3 or "ItemList" in types:
        return "listing"
    if not found.title:
        return "no_title"
    if found.body_letters < _MIN_BODY:
        return "too_short"
    if not looks_like_job_url and not _has_apply(doc):
        return "not_a_job"
    return None


def _has_apply(doc: lxml_html.HtmlElement) -> bool:
    """An apply control: a link or button saying so, or an application sent by e-mail (a
    paragraph with a mailto link and an application word: "To apply, email your resume to …")."""
    controls = doc.xpath("//a | //button | //input[@type='submit']/@value")
    if any(_APPLY.search(c if isinstance(c, str) else c.text_content() or "") for c in controls):
        return True
    for mailto in doc.xpath("//body//a[starts-with(normalize-space(@href), 'mailto:')]"):
        block = next((a for a in mailto.iterancestors() if a.tag in _BLOCKS), None)
        # The paragraph around the address, not a wrapper holding the whole page's words.
        said = block.text_content() if block is not None else ""
        if len(said) <= _EMAIL_BLOCK and _EMAIL_APPLY.search(said):
            return True
    return False


def own_pages(doc: lxml_html.HtmlElement, page_url: str) -> set[str]:
    """Links of a posting that lead to no other posting: its apply control (/jobs/apply/118
    "Apply now"), the pages carrying its number (/postings/48213 links its print_preview,
    ?id=4120 links the French page ?id=4120), the posting in other languages (a link with
    ``hreflang`` or ``lang``), the pages above it (/careers/ of /careers/design, a breadcrumb) and
    the site's menus' links to pages shallower than it (/recruit/people/ in the header of
    /recruit/career/design.html: sections of the career site). A listing's links under its own
    path stay other postings."""
    own: set[str] = set()
    page = urlsplit(page_url)
    last = page.path.rstrip("/").rsplit("/", 1)[-1]
    numbers = {last} if _POSTING_NUMBER.fullmatch(last) else set()
    numbers |= {v for v in _query_values(page.query) if _POSTING_NUMBER.fullmatch(v)}
    above = _ancestors(page.path)
    depth = len(_segments(page.path))
    for link in doc.xpath("//a[@href]"):
        absolute = urljoin(page_url, link.get("href").strip()).split("#", 1)[0]
        parts = urlsplit(absolute)
        segments = _segments(parts.path)
        carried = set(segments) | set(_query_values(parts.query))
        in_menu = any(a.tag in _MENUS for a in link.iterancestors())
        if (
            _APPLY.search(link.text_content() or "")
            or numbers & carried
            or link.get("hreflang")
            or link.get("lang")
            or (parts.path.rstrip("/") in above and not parts.query)
            or (in_menu and len(segments) < depth)
        ):
            own.add(absolute)
    return own


# Where a site puts its menus: their links are its sections, not a listing's postings.
_MENUS = {"nav", "header", "footer"}


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _ancestors(path: str) -> set[str]:
    """The paths above a page's own (/careers and /careers/it of /careers/it/design), without
    the site's root (a home link is no posting anyway)."""
    segments = _segments(path)
    return {"/" + "/".join(segments[:n]) for n in range(1, len(segments))}


def _query_values(query: str) -> list[str]:
    return [v for pair in query.split("&") for v in pair.split("=", 1)[1:]]
