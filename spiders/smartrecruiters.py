"""SmartRecruiters companies: `scrapy crawl smartrecruiters [-a boards=LumenBank,...]`."""

from scrapers.platforms.smartrecruiters import SmartRecruitersSpider as SmartRecruitersBase


class SmartRecruitersSpider(SmartRecruitersBase):
    name = "smartrecruiters"
