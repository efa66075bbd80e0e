"""Recruitee careers sites: `scrapy crawl recruitee [-a boards=company,...]`."""

from scrapers.platforms.recruitee import RecruiteeSpider as RecruiteeBase


class RecruiteeSpider(RecruiteeBase):
    name = "recruitee"
