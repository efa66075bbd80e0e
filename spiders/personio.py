"""Personio job feeds: `scrapy crawl personio [-a boards=acme,acme:en,...]`."""

from scrapers.platforms.personio import PersonioSpider as PersonioBase


class PersonioSpider(PersonioBase):
    name = "personio"
