"""Teal job listings: `scrapy crawl teal [-a query="data engineer"] [-a pages=3]`.

Unverified (sources.md §4 names no source; the most plausible real behaviour was chosen): the
listing is https://www.tealhq.com/jobs?query=…&page=N, ten jobs a page with a rel="next" link
while more follow; job pages embed ``window.__REACT_QUERY_STATE__`` (its employment types under
``employment_types``) and show the ATS link as an icon; Teal answers some non-browser clients
with HTTP 403, which is counted (``jobsieve/blocked``) and skipped. Details in
scrapers/extractors/teal.py and scrapers/platforms/teal.py.
"""

from scrapers.platforms.teal import TealSpider as TealBase


class TealSpider(TealBase):
    name = "teal"
