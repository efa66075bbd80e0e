"""Workday career sites: `scrapy crawl workday [-a boards=kestrel/wd5/Kestrel_Careers,...]`."""

from scrapers.platforms.workday import WorkdaySpider as WorkdayBase


class WorkdaySpider(WorkdayBase):
    name = "workday"
