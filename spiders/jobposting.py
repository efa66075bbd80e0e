"""Any career site publishing schema.org JobPosting (or plain job pages):
`scrapy crawl jobposting -a domains=careers.example.com` (robots.txt sitemaps, /sitemap.xml,
else links), `-a sitemap_urls=URL,...`, `-a start_urls=URL,...`; `-a url_patterns=REGEX,...` and
`-a max_depth=N` tune discovery. Details in scrapers/platforms/jobposting.py and
scrapers/extractors/jobposting.py.
"""

from scrapers.platforms.jobposting import JobPostingSpider as JobPostingBase


class JobPostingSpider(JobPostingBase):
    name = "jobposting"
