"""Workable career sites: `scrapy crawl workable [-a boards=kestrel-robotics,...]`."""

from scrapers.platforms.workable import WorkableSpider as WorkableBase


class WorkableSpider(WorkableBase):
    name = "workable"
