"""Welcome to the Jungle: `scrapy crawl welcometothejungle [-a organizations=back-market,...]
[-a countries=FR] [-a query=...] [-a lang=fr|en]`."""

from scrapers.platforms.welcometothejungle import (
    WelcomeToTheJungleSpider as WelcomeToTheJungleBase,
)


class WelcomeToTheJungleSpider(WelcomeToTheJungleBase):
    name = "welcometothejungle"
