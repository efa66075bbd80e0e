"""Any career site publishing schema.org JobPosting (or plain job pages):
`scrapy crawl jobposting -a domains=careers.example.com`.

Where it starts (each also a key of the ``[jobposting]`` table of sources.toml):

- ``domains``: robots.txt's ``Sitemap:`` lines, else ``/sitemap.xml``, else the home page's links;
- ``sitemap_urls``: sitemaps or sitemap indexes, plain or gzipped (``.xml.gz``);
- ``start_urls``: pages or listing pages, whose same-site links are followed to ``max_depth``.

Sitemap entries are kept when their URL matches ``url_patterns`` (job-page regexes); each entry's
``<lastmod>`` rides along in ``Request.meta["lastmod"]`` (so ``response.meta["lastmod"]`` in the
page callback) and is counted under ``jobsieve/jobposting/lastmod``, for a later night to skip
unchanged pages. Pages that are not one posting are counted under
``jobsieve/jobposting/skipped/<reason>`` and never exported. Faults are counted per host:
``jobsieve/source/jobposting/<host>/…``; a site is one board: a page, sitemap or robots.txt lost
to anything but a 404/410 (an error, a block, a timeout) leaves it incomplete, so none of its
postings expires that night. Sitemaps are read with Scrapy's own
``scrapy.utils.sitemap`` and ``scrapy.utils.gz`` (what ``SitemapSpider`` uses), in a spider that
keeps ``async def start()`` and the JobSpider counters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from scrapers import registry
from scrapers.extractors.base import ExpectedSkip
from scrapers.extractors.jobposting import DEFAULT_URL_PATTERNS, parse_page, url_matcher
from scrapers.options import SpiderOption, domains, urls, values, whole_number
from scrapers.registry import Source
from scrapers.revisit import MARKER_META
from scrapers.spider import JobSpider, failure_reason, is_gone

DEFAULT_DEPTH = 2
MAX_DEPTH = 10
MAX_SITEMAP_NESTING = 3


def url_patterns(value: Any) -> tuple[str, ...]:
    """Job-page URL regexes: at least one, each a valid regular expression."""
    patterns = tuple(values(value))
    try:
        url_matcher(patterns)
    except re.error as error:
        raise ValueError(f"url_patterns: bad regular expression: {error}") from None
    if not patterns:
        raise ValueError("url_patterns is empty")
    return patterns


class JobPostingSpider(JobSpider):
    """``-a domains=…``, ``-a sitemap_urls=…``, ``-a start_urls=…`` (comma-separated),
    ``-a url_patterns=REGEX,…`` (job-page URLs; defaults in scrapers/extractors/jobposting.py),
    ``-a max_depth=N`` (link depth from start pages, 0–10, default 2)."""

    name = "jobposting"
    # Its domains are the sites it is given (set in from_crawler).
    source = Source(kind="career_site")
    board_pattern = None
    board_hint = "use -a domains=, sitemap_urls= or start_urls="
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "start_urls": SpiderOption(urls, (), group="start"),
        "sitemap_urls": SpiderOption(urls, (), group="start"),
        "domains": SpiderOption(domains, (), group="start"),
        "url_patterns": SpiderOption(url_patterns, DEFAULT_URL_PATTERNS),
        "max_depth": SpiderOption(whole_number("max_depth", 0, MAX_DEPTH), DEFAULT_DEPTH),
    }

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> JobPostingSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Set before spider_opened, where the offsite middleware reads it.
        hosts = {urlsplit(u).hostname for u in (*spider.start_urls, *spider.sitemap_urls)}
        spider.allowed_domains = sorted({*spider.domains, *filter(None, hosts)})
        spider.is_job_url = url_matcher(spider.url_patterns)
        spider.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        # Per site: URLs url_patterns judged (sitemap entries, links), and those it matched.
        spider.urls_seen = Counter()
        spider.urls_matched = Counter()
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not (self.domains or self.sitemap_urls or self.start_urls):
            self.logger.warning(
                "jobposting: nothing to crawl; give -a domains=, sitemap_urls= or start_urls= "
                "(or the same keys in the [jobposting] table of the sources file)"
            )
        for domain in self.domains:
            yield self.board_request(
                f"https://{domain}/robots.txt", domain, self.parse_robots, errback=self.no_robots
            )
        for url in self.sitemap_urls:
            yield self.sitemap_request(url)
        for url in self.start_urls:
            yield self.page_request(url, depth=0)

    # --- discovery -----------------------------------------------------------------------------

    def sitemap_request(self, url: str, nesting: int = 0, **kwargs: Any) -> scrapy.Request:
        return self.board_request(
            url, _host(url), self.parse_sitemap, cb_kwargs={"nesting": nesting}, **kwargs
        )

    def page_request(
        self, url: str, depth: int | None, lastmod: str | None = None
    ) -> scrapy.Request:
        """``depth`` None: a sitemap entry (not followed further)."""
        # The sitemap's lastmod is the page's version; without one the detail cache asks the
        # site with If-None-Match / If-Modified-Since.
        meta: dict[str, Any] = {"jobposting_depth": depth, MARKER_META: lastmod or ""}
        if lastmod:
            meta["lastmod"] = lastmod
        return self.board_request(
            url, _host(url), self.parse_job_page, errback=self.page_failed, meta=meta
        )

    def parse_robots(self, response: Response, board: str) -> Iterator[scrapy.Request]:
        sitemaps = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not sitemaps:
            self.logger.info("%s: robots.txt names no sitemap; trying /sitemap.xml", board)
            yield self.sitemap_request(f"https://{board}/sitemap.xml", errback=self.no_sitemap)
        for url in sitemaps:
            yield self.sitemap_request(url)

    def no_robots(self, failure: Failure) -> scrapy.Request:
        board = failure.request.cb_kwargs["board"]
        self.logger.info(
            "%s: no robots.txt (%s); trying /sitemap.xml", board, failure_reason(failure)
        )
        if not is_gone(failure):
            # robots.txt may name sitemaps /sitemap.xml does not hold.
            self.board_incomplete(board, f"robots.txt unread: {failure_reason(failure)}")
        return self.sitemap_request(f"https://{board}/sitemap.xml", errback=self.no_sitemap)

    def no_sitemap(self, failure: Failure) -> scrapy.Request:
        """No sitemap at all: crawl the site from its home page instead."""
        board = failure.request.cb_kwargs["board"]
        self.board_count(board, "no_sitemap")
        self.logger.info(
            "%s: no sitemap (%s); following links from /", board, failure_reason(failure)
        )
        if not is_gone(failure):
            self.board_incomplete(board, f"sitemap unread: {failure_reason(failure)}")
        return self.page_request(f"https://{board}/", depth=0)

    def sitemap_body(self, response: Response) -> bytes | None:
        """The XML of a sitemap response, gunzipped when the file itself is gzip (as
        ``SitemapSpider._get_sitemap_body``; Content-Encoding is undone by the middleware)."""
        if gzip_magic_number(response):
            try:
                return gunzip(response.body, max_size=self.max_size)
            except Exception:
                return None
        return response.body if response.body.lstrip().startswith(b"<") else None

    def parse_sitemap(self, response: Response, board: str, nesting: int) -> Iterator[Any]:
        body = self.sitemap_body(response)
        try:
            sitemap = Sitemap(body) if body else None
        except Exception:
            sitemap = None
        if sitemap is None or sitemap.type not in {"sitemapindex", "urlset"}:
            self.board_error(board, f"not a sitemap: {response.url}")
            return
        entries = list(sitemap)
        if sitemap.type == "sitemapindex":
            if nesting >= MAX_SITEMAP_NESTING:
                self.board_error(board, f"sitemap indexes nested too deep at {response.url}")
                return
            for entry in entries:
                yield self.sitemap_request(entry["loc"], nesting + 1)
            return
        yield from self.sitemap_entries(board, entries)

    def sitemap_entries(
        self, board: str, entries: list[dict[str, Any]]
    ) -> Iterator[scrapy.Request]:
        kept = [e for e in entries if self.is_job_url(e.get("loc", ""))]
        self.urls_seen[board] += len(entries)
        self.urls_matched[board] += len(kept)
        self.crawler.stats.inc_value("jobsieve/jobposting/sitemap/entries", len(entries))
        self.crawler.stats.inc_value(
            "jobsieve/jobposting/sitemap/not_job_url", len(entries) - len(kept)
        )
        for entry in kept:
            lastmod = entry.get("lastmod")
            if lastmod:
                self.crawler.stats.inc_value("jobsieve/jobposting/lastmod")
            yield self.page_request(entry["loc"], depth=None, lastmod=lastmod)

    # --- pages ---------------------------------------------------------------------------------

    def parse_job_page(self, response: Response, board: str) -> Iterator[Any]:
        if not hasattr(response, "text"):
            self.skipped(board, "not_html", response.url)
            return
        page = parse_page(
            response.body,
            url=response.url,
            crawled_at=self.crawled_at(),
            is_ats_host=registry.is_ats_host,
            is_job_url=self.is_job_url,
        )
        for repair in page.repairs:
            self.crawler.stats.inc_value(f"jobsieve/jobposting/jsonld_repaired/{repair}")
        if page.problems:
            self.forget_cached(response)
        for problem in page.problems:
            self.crawler.stats.inc_value("jobsieve/jobposting/jsonld_unreadable")
            self.logger.warning("%s: %s", response.url, problem)
        if page.skip:
            self.skipped(board, page.skip, response.url)
        else:
            self.crawler.stats.inc_value(
                f"jobsieve/jobposting/found/{page.kind}", len(page.postings)
            )
            yield from self.board_items(board, page.postings)
        self.urls_seen[board] += len(page.links)
        self.urls_matched[board] += sum(map(self.is_job_url, page.links))
        self.board_entries(board, page)
        yield from self.follow(response, page.links)

    def follow(self, response: Response, links: list[str]) -> Iterator[scrapy.Request]:
        depth = response.meta.get("jobposting_depth")
        if depth is None or depth >= self.max_depth:
            return
        for link in links:
            yield self.page_request(link, depth=depth + 1)

    def closed(self, reason: str) -> None:
        """A site whose every URL url_patterns rejected gave nothing: say so, with the counts."""
        stats = self.crawler.stats
        for board, seen in sorted(self.urls_seen.items()):
            postings = stats.get_value(f"jobsieve/source/{self.name}/{board}/postings", 0)
            if seen and not self.urls_matched[board] and not postings:
                self.logger.warning(
                    "%s: url_patterns matched none of the %d URLs seen (sitemap entries and "
                    "links), kept 0, and the site gave no posting; url_patterns: %s",
                    board,
                    seen,
                    ", ".join(self.url_patterns),
                )

    def skipped(self, board: str, reason: str, url: str) -> None:
        self.crawler.stats.inc_value(f"jobsieve/jobposting/skipped/{reason}")
        self.logger.info("%s: not a job posting (%s); skipped", url, reason)

    def page_failed(self, failure: Failure) -> None:
        """A page that cannot be fetched is one page lost; the site goes on, not read completely
        (a 404 or 410 is an answer: that page is gone). A start page that fails fails the site:
        nothing of it was read."""
        board = failure.request.cb_kwargs.get("board", "?")
        if failure.request.meta.get("jobposting_depth") == 0:
            self.board_failed(failure, "start page")
            return
        # INFO: a page gone is an answer; one lost is said (WARNING) by board_incomplete.
        self.board_skipped(board, [ExpectedSkip(failure_reason(failure))])
        if not is_gone(failure):
            self.board_incomplete(board, f"page lost: {failure_reason(failure)}")


def _host(url: str) -> str:
    return urlsplit(url).hostname or "?"
