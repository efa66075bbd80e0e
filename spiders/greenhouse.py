"""Greenhouse job boards: `scrapy crawl greenhouse [-a boards=mercari,...]`."""

from scrapers.platforms.greenhouse import GreenhouseSpider as GreenhouseBase


class GreenhouseSpider(GreenhouseBase):
    name = "greenhouse"
