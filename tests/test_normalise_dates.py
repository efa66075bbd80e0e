import re
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scrapers.normalise.dates import resolve_date, without_relative_ages

CRAWLED_AT = "2026-11-22T03:00:00Z"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seeds
        ("2 weeks ago", "2026-11-08"),
        ("2d", "2026-11-20"),
        # ISO: the source's own calendar date, offset or not
        ("2026-11-03T10:00:00+01:00", "2026-11-03"),
        ("2026-11-03T23:30:00-05:00", "2026-11-03"),
        ("2026-11-03", "2026-11-03"),
        ("2026-11-03T10:00:00.000Z", "2026-11-03"),
        # epochs
        ("1731400000000", "2024-11-12"),
        (1731400000000, "2024-11-12"),
        ("1731400000", "2024-11-12"),
        (1731400000, "2024-11-12"),
        # short ages, against the crawl instant in UTC
        ("3h", "2026-11-22"),
        ("5h", "2026-11-21"),
        ("1w", "2026-11-15"),
        ("2mo", "2026-09-23"),
        # English
        ("3 days ago", "2026-11-19"),
        ("a month ago", "2026-10-23"),
        ("1 year ago", "2025-11-22"),
        ("yesterday", "2026-11-21"),
        ("today", "2026-11-22"),
        ("just posted", "2026-11-22"),
        ("Just Posted", "2026-11-22"),
        ("Posted Today", "2026-11-22"),
        ("Posted 3 Days Ago", "2026-11-19"),
        ("Posted 30+ Days Ago", "2026-10-23"),
        # other languages
        ("il y a 3 jours", "2026-11-19"),
        ("Publiée il y a 2 semaines", "2026-11-08"),
        ("il y a un an", "2025-11-22"),
        ("avant-hier", "2026-11-20"),
        ("vor 5 Tagen", "2026-11-17"),
        ("gestern", "2026-11-21"),
        ("hace 1 semana", "2026-11-15"),
        ("hace una semana", "2026-11-15"),
        ("há 2 dias", "2026-11-20"),
        ("3 dagen geleden", "2026-11-19"),
        ("2 giorni fa", "2026-11-20"),
        ("3日前", "2026-11-19"),
        ("2時間前", "2026-11-22"),
        # absolute dates
        ("Publiée le 03/11/2026", "2026-11-03"),
        ("12 novembre 2026", "2026-11-12"),
        ("1er novembre 2026", "2026-11-01"),
        ("12. November 2026", "2026-11-12"),
        ("12 de noviembre de 2026", "2026-11-12"),
        ("Nov 12, 2026", "2026-11-12"),
        ("November 12th, 2026", "2026-11-12"),
        ("Thu, 12 Nov 2026 10:00:00 GMT", "2026-11-12"),
        ("12.11.2026", "2026-11-12"),
        ("13/11/2026", "2026-11-13"),
        ("11/13/2026", "2026-11-13"),
        ("2026年11月3日", "2026-11-03"),
    ],
)
def test_resolve_date(raw: str | int, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("03/11/2026", "fr", "2026-11-03"),
        ("03/11/2026", "de-DE", "2026-11-03"),
        ("03/11/2026", "en-US", "2026-03-11"),
        ("03/11/2026", None, None),
        ("03/11/2026", "en", None),
    ],
)
def test_resolve_date_numeric_order(raw: str, language: str | None, expected: str | None) -> None:
    assert resolve_date(raw, CRAWLED_AT, language=language) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "recently",
        "Nov 12",
        "11月3日",
        "in 3 days",
        "dans 3 jours",
        "2026-13-45",
        "31/02/2026",
        "Posted at 9 am",
        "99999999 days ago",
        "123",
        True,
        12.5,
    ],
)
def test_resolve_date_unknown(raw: object) -> None:
    assert resolve_date(raw, CRAWLED_AT) is None  # type: ignore[arg-type]


def test_relative_date_needs_a_valid_crawl_time() -> None:
    assert resolve_date("2d", "not a timestamp") is None
    assert resolve_date("2026-11-03", "not a timestamp") == "2026-11-03"


def test_naive_crawl_time_is_utc() -> None:
    assert resolve_date("5h", "2026-11-22T03:00:00") == "2026-11-21"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # pl
        ("3 dni temu", "2026-11-19"),
        ("2 tygodnie temu", "2026-11-08"),
        ("1 miesiąc temu", "2026-10-23"),
        ("wczoraj", "2026-11-21"),
        ("dzisiaj", "2026-11-22"),
        # sv
        ("för 2 dagar sedan", "2026-11-20"),
        ("3 veckor sedan", "2026-11-01"),
        ("igår", "2026-11-21"),
        ("idag", "2026-11-22"),
        # ja
        ("3日前", "2026-11-19"),
        ("2週間前", "2026-11-08"),
        ("5時間前", "2026-11-21"),
        ("2026年11月3日", "2026-11-03"),
        # issue forms, every language
        ("30+ days ago", "2026-10-23"),
        ("il y a 3 jours", "2026-11-19"),
        ("vor 5 Tagen", "2026-11-17"),
        ("hace 1 semana", "2026-11-15"),
        ("há 2 dias", "2026-11-20"),
        ("3 dagen geleden", "2026-11-19"),
        ("2 giorni fa", "2026-11-20"),
        ("Publiée le 03/11/2026", "2026-11-03"),
        ("12 novembre 2026", "2026-11-12"),
        ("Nov 12, 2026", "2026-11-12"),
        ("12.11.2026", "2026-11-12"),
        ("1763000000000", "2025-11-13"),
    ],
)
def test_resolve_date_more_languages(raw: str, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected


# Every language jobsieve's sources speak, as their boards write posting dates and ages, against
# the crawl clock 2026-11-22T03:00:00Z: at least three per language (scrapers/data/dates.toml).
_BY_LANGUAGE = {
    "en": [
        ("Posted 18 November by Acme Recruiting", "2026-11-18"),
        ("Posted Dec 24", "2025-12-24"),
        ("an hour ago", "2026-11-22"),
        ("Posted 5 days ago", "2026-11-17"),
    ],
    "fr": [
        ("Publiée il y a 3 jours", "2026-11-19"),
        ("Publié aujourd’hui", "2026-11-22"),
        ("Mise en ligne le 18 nov.", "2026-11-18"),
        ("il y a une semaine", "2026-11-15"),
    ],
    "de": [
        ("Veröffentlicht am 18. Nov.", "2026-11-18"),
        ("vor einem Monat", "2026-10-23"),
        ("Online seit gestern", "2026-11-21"),
        ("18. Dezember 2025", "2025-12-18"),
    ],
    "es": [
        ("Publicado hace 2 semanas", "2026-11-08"),
        ("Publicado el 18 de noviembre", "2026-11-18"),
        ("anteayer", "2026-11-20"),
        ("hace 3 horas", "2026-11-22"),
    ],
    "pt": [
        ("Publicada há 5 dias", "2026-11-17"),
        ("Publicado em 18 de novembro", "2026-11-18"),
        ("ontem", "2026-11-21"),
        ("faz 2 semanas", "2026-11-08"),
    ],
    "it": [
        ("Pubblicato 3 giorni fa", "2026-11-19"),
        ("Pubblicato il 18 novembre", "2026-11-18"),
        ("l’altro ieri", "2026-11-20"),
    ],
    "nl": [
        ("Geplaatst 2 weken geleden", "2026-11-08"),
        ("Geplaatst op 18 nov", "2026-11-18"),
        ("eergisteren", "2026-11-20"),
    ],
    "pl": [
        ("Opublikowana: 18 listopada 2026", "2026-11-18"),
        ("Dodano 3 dni temu", "2026-11-19"),
        ("tydzień temu", "2026-11-15"),
        ("Opublikowano 18.11.", "2026-11-18"),
    ],
    "sv": [
        ("Publicerad 18 november", "2026-11-18"),
        ("för 3 veckor sedan", "2026-11-01"),
        ("en vecka sedan", "2026-11-15"),
        ("i går", "2026-11-21"),
    ],
    "da": [
        ("Slået op for 3 dage siden", "2026-11-19"),
        ("for en måned siden", "2026-10-23"),
        ("i går", "2026-11-21"),
        ("18. november 2026", "2026-11-18"),
    ],
    "nb": [
        ("Publisert for 2 uker siden", "2026-11-08"),
        ("i forgårs", "2026-11-20"),
        ("Publisert 18. nov.", "2026-11-18"),
    ],
    "fi": [
        ("Julkaistu eilen", "2026-11-21"),
        ("Julkaistu 3 päivää sitten", "2026-11-19"),
        ("viikko sitten", "2026-11-15"),
        ("18. marraskuuta 2026", "2026-11-18"),
    ],
    "cs": [
        ("Přidáno 18. listopadu", "2026-11-18"),
        ("před 3 dny", "2026-11-19"),
        ("před měsícem", "2026-10-23"),
        ("předevčírem", "2026-11-20"),
    ],
    "sk": [
        ("Pridané 18. novembra", "2026-11-18"),
        ("pred 2 týždňami", "2026-11-08"),
        ("včera", "2026-11-21"),
    ],
    "hu": [
        ("3 napja", "2026-11-19"),
        ("2 hete", "2026-11-08"),
        ("Tegnap", "2026-11-21"),
        ("2026. november 18.", "2026-11-18"),
        ("Közzétéve: 2026. 11. 18.", "2026-11-18"),
    ],
    "ro": [
        ("Publicat acum 3 zile", "2026-11-19"),
        ("acum o lună", "2026-10-23"),
        ("ieri", "2026-11-21"),
        ("18 noiembrie 2026", "2026-11-18"),
    ],
    "tr": [
        ("3 gün önce", "2026-11-19"),
        ("bir hafta önce", "2026-11-15"),
        ("Dün", "2026-11-21"),
        ("İlan tarihi: 18 Kasım", "2026-11-18"),
        ("18 KASIM 2026", "2026-11-18"),
    ],
    "el": [
        ("πριν από 3 ημέρες", "2026-11-19"),
        ("Χθες", "2026-11-21"),
        ("Δημοσιεύτηκε 18 Νοεμβρίου", "2026-11-18"),
        ("18 Νοεμβρίου 2026", "2026-11-18"),
    ],
    "ja": [
        ("3日前", "2026-11-19"),
        ("掲載日：11月18日", "2026-11-18"),
        ("昨日", "2026-11-21"),
        ("2026年11月18日", "2026-11-18"),
    ],
    "ko": [
        ("3일 전", "2026-11-19"),
        ("한 달 전", "2026-10-23"),
        ("어제", "2026-11-21"),
        ("등록일 26/11/18", "2026-11-18"),
        ("2026년 11월 18일", "2026-11-18"),
    ],
    "zh-hans": [
        ("11-20发布", "2026-11-20"),
        ("发布于2周前", "2026-11-08"),
        ("昨天", "2026-11-21"),
        ("三天前", "2026-11-19"),
    ],
    "zh-hant": [
        ("2個月前", "2026-09-23"),
        ("5小時前", "2026-11-21"),
        ("昨天", "2026-11-21"),
        ("11月18日刊登", "2026-11-18"),
    ],
    "ar": [
        ("منذ 3 أيام", "2026-11-19"),
        ("منذ ٣ أيام", "2026-11-19"),
        ("منذ يومين", "2026-11-20"),
        ("نشر منذ أسبوع", "2026-11-15"),
        ("أمس", "2026-11-21"),
        ("18 نوفمبر 2026", "2026-11-18"),
    ],
    "he": [
        ("לפני 3 ימים", "2026-11-19"),
        ("לפני שבועיים", "2026-11-08"),
        ("אתמול", "2026-11-21"),
        ("פורסם 18 בנובמבר", "2026-11-18"),
    ],
    "hi": [
        ("3 दिन पहले", "2026-11-19"),
        ("2 सप्ताह पहले", "2026-11-08"),
        ("आज", "2026-11-22"),
        ("18 नवंबर 2026", "2026-11-18"),
    ],
    "bg": [
        ("преди 4 дни", "2026-11-18"),
        ("вчера", "2026-11-21"),
        ("18 ноември 2026", "2026-11-18"),
    ],
    "hr": [
        ("prije 3 dana", "2026-11-19"),
        ("jučer", "2026-11-21"),
        ("18. studenoga 2026.", "2026-11-18"),
    ],
    "fa": [
        ("۳ روز پیش", "2026-11-19"),
        ("2 هفته پیش", "2026-11-08"),
        ("۱ ماه پیش", "2026-10-23"),
    ],
    "ur": [
        ("3 دن پہلے", "2026-11-19"),
        ("2 ہفتے پہلے", "2026-11-08"),
        ("آج", "2026-11-22"),
        ("18 نومبر 2026", "2026-11-18"),
    ],
    "id": [
        ("3 hari yang lalu", "2026-11-19"),
        ("sebulan yang lalu", "2026-10-23"),
        ("kemarin", "2026-11-21"),
        ("Diposting 18 Nov", "2026-11-18"),
    ],
    "vi": [
        ("3 ngày trước", "2026-11-19"),
        ("cách đây 2 tuần", "2026-11-08"),
        ("hôm qua", "2026-11-21"),
        ("Ngày đăng: 18/11/2026", "2026-11-18"),
        ("18 tháng 11, 2026", "2026-11-18"),
        ("Đăng ngày 18 tháng 11", "2026-11-18"),
    ],
    "th": [
        ("3 วันที่แล้ว", "2026-11-19"),
        ("2 สัปดาห์ที่แล้ว", "2026-11-08"),
        ("เมื่อวาน", "2026-11-21"),
        ("18 พ.ย. 2569", "2026-11-18"),
        ("ประกาศเมื่อ 18 พ.ย.", "2026-11-18"),
    ],
    "uk": [
        ("3 дні тому", "2026-11-19"),
        ("тиждень тому", "2026-11-15"),
        ("вчора", "2026-11-21"),
        ("Опубліковано 18 листопада", "2026-11-18"),
    ],
    "ru": [
        ("3 дня назад", "2026-11-19"),
        ("неделю назад", "2026-11-15"),
        ("час назад", "2026-11-22"),
        ("вчера", "2026-11-21"),
        ("Вакансия опубликована 18 ноября 2026", "2026-11-18"),
    ],
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(raw, expected, id=f"{language}:{raw}")
        for language, cases in _BY_LANGUAGE.items()
        for raw, expected in cases
    ],
)
def test_resolve_date_every_language(raw: str, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected


def test_every_language_has_three_examples() -> None:
    assert set(_VOCABULARY["words"]) <= set(_BY_LANGUAGE)
    assert all(len(cases) >= 3 for cases in _BY_LANGUAGE.values())


@pytest.mark.parametrize(
    "raw",
    [
        # future ages, before or after the count
        "om 3 dagar",
        "za 3 dni",
        "через 2 дня",
        "за 3 дні",
        "3 gün sonra",
        "3 nap múlva",
        "3 hari lagi",
        "בעוד 3 ימים",
        "3日後",
        "3일 후",
        "อีก 3 วัน",
        # an unspaced unit without its ago word is a day of the month
        "3 วัน",
        # a month, not 18 months; a date without a year and without a posting word
        "18 tháng 11",
        "18. listopadu",
        # English "time" is no Danish hour
        "a long time ago",
        # a day that does not exist
        "Posted 31 November",
    ],
)
def test_resolve_date_unknown_in_every_language(raw: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the most recent such day on or before the crawl day
        ("Posted 22 November", "2026-11-22"),
        ("Posted 23 November", "2025-11-23"),
        ("Posted 29 February", "2024-02-29"),
        ("Publicado 24/11", "2025-11-24"),
        ("Dodano 18.11.", "2026-11-18"),
        ("11月3日发布", "2026-11-03"),
    ],
)
def test_a_date_without_a_year_is_the_most_recent_past_one(raw: str, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected


def test_a_posting_date_without_a_year_needs_no_posting_word_when_the_caller_says() -> None:
    # Alone it may be a closing date (valid_through goes through the same reader).
    assert resolve_date("18 November", CRAWLED_AT) is None
    assert resolve_date("18 November", CRAWLED_AT, past=True) == "2026-11-18"
    assert resolve_date("11/24", CRAWLED_AT, language="en-US", past=True) == "2025-11-24"
    assert resolve_date("3/4", CRAWLED_AT, past=True) is None


_VOCABULARY = tomllib.loads(
    (Path(__file__).parents[1] / "scrapers" / "data" / "dates.toml").read_text("utf-8")
)
_CRAWLED = datetime(2026, 11, 22, 3, tzinfo=UTC)
_LENGTHS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}


def _aged(language: str, count: str, unit: str) -> str:
    """An age in the language's own words: "3 días" after "hace", "3日" before "前"."""
    words = _VOCABULARY["words"].get(language, {})
    glue = "" if re.match(r"[\u3040-\u9fff]", unit) else " "
    if words.get("ago_after"):
        return f"{count}{glue}{unit}{glue}{words['ago_after'][0]}"
    return f"{words['ago_before'][0]} {count}{glue}{unit}" if words.get("ago_before") else ""


@pytest.mark.parametrize(
    ("language", "month", "name"),
    [
        (language, int(month), name)
        for language, months in _VOCABULARY["months"].items()
        for month, names in months.items()
        for name in names
    ],
)
def test_every_month_name_reads(language: str, month: int, name: str) -> None:
    assert resolve_date(f"18 {name} 2026", CRAWLED_AT) == f"2026-{month:02d}-18"
    assert resolve_date(f"18 {name.upper()} 2025", CRAWLED_AT) == f"2025-{month:02d}-18"


@pytest.mark.parametrize(
    ("language", "unit", "name"),
    [
        (language, unit, name)
        for language, units in _VOCABULARY["units"].items()
        for unit, names in units.items()
        for name in names
        if not (len(name) == 1 and name.isascii())
    ],
)
def test_every_unit_reads(language: str, unit: str, name: str) -> None:
    expected = (_CRAWLED - 3 * _LENGTHS[unit]).date().isoformat()
    assert resolve_date(_aged(language, "3", name), CRAWLED_AT) == expected


@pytest.mark.parametrize(
    ("language", "count", "word"),
    [
        (language, int(count), word)
        for language, numbers in _VOCABULARY["numbers"].items()
        for count, words in numbers.items()
        for word in words
    ],
)
def test_every_number_word_reads(language: str, count: int, word: str) -> None:
    day = next(
        d for d in _VOCABULARY["units"][language]["day"] if not (len(d) == 1 and d.isascii())
    )
    expected = (_CRAWLED - count * _LENGTHS["day"]).date().isoformat()
    assert resolve_date(_aged(language, word, day), CRAWLED_AT) == expected


@pytest.mark.parametrize(
    ("language", "days", "word"),
    [
        (language, int(days), word)
        for language, by_days in _VOCABULARY["days_ago"].items()
        for days, words in by_days.items()
        for word in words
    ],
)
def test_every_word_of_days_ago_reads(language: str, days: int, word: str) -> None:
    expected = (_CRAWLED - timedelta(days=days)).date().isoformat()
    assert resolve_date(word, CRAWLED_AT) == expected
    assert resolve_date(word.capitalize(), CRAWLED_AT) == expected


@pytest.mark.parametrize(
    ("language", "word"),
    [
        (language, word)
        for language, words in _VOCABULARY["words"].items()
        for word in words.get("posted", [])
    ],
)
def test_every_posting_word_dates_a_day_without_a_year(language: str, word: str) -> None:
    months = _VOCABULARY["months"].get(language)
    if months:
        shown = f"{word} 18 {months['11'][0]}"
    else:
        markers = _VOCABULARY["date_markers"][language]
        shown = f"{word} 11{markers['month'][0]}18{markers['day'][0]}"
    assert resolve_date(shown, CRAWLED_AT) == "2026-11-18"


@pytest.mark.parametrize(
    ("language", "word"),
    [
        (language, word)
        for language, words in _VOCABULARY["words"].items()
        for word in words.get("future", [])
    ],
)
def test_every_future_word_makes_no_posting_age(language: str, word: str) -> None:
    day = next(d for d in _VOCABULARY["units"].get(language, {}).get("day", ["days"]) if len(d) > 1)
    assert resolve_date(f"{word} 3 {day}", CRAWLED_AT) is None


@pytest.mark.parametrize(
    ("shown", "kept"),
    [
        ("Разработчик · Москва · 3 дня назад", "Разработчик · Москва ·"),
        ("Inżynier · Kraków · 3 dni temu", "Inżynier · Kraków ·"),
        ("エンジニア 東京 3日前", "エンジニア 東京"),
        ("エンジニア 東京 11月3日", "エンジニア 東京 11月3日"),
        ("Developer Praha · Přidáno před týdnem", "Developer Praha ·"),
        ("Yazılımcı · İstanbul · 3 gün önce", "Yazılımcı · İstanbul ·"),
        ("مطور · الرياض · منذ يومين", "مطور · الرياض ·"),
        ("Serveur · Lyon · Publié aujourd’hui", "Serveur · Lyon ·"),
        ("Kế toán · 3 ngày trước", "Kế toán ·"),
        ("พนักงานขาย · 3 วันที่แล้ว", "พนักงานขาย ·"),
        ("ÉCOLE · Il y a 3 JOURS", "ÉCOLE ·"),
    ],
)
def test_every_language_leaves_a_card_marker(shown: str, kept: str) -> None:
    assert without_relative_ages(shown) == kept


@pytest.mark.parametrize(
    ("language", "count", "unit", "word"),
    [
        (language, int(count), unit, word)
        for language, by_count in _VOCABULARY["counted_units"].items()
        for count, by_unit in by_count.items()
        for unit, words in by_unit.items()
        for word in words
    ],
)
def test_every_counted_unit_reads_next_to_an_ago_word(
    language: str, count: int, unit: str, word: str
) -> None:
    words = _VOCABULARY["words"][language]
    if words.get("ago_before"):
        shown = f"{words['ago_before'][0]} {word}"
    else:
        shown = f"{word} {words['ago_after'][0]}"
    expected = (_CRAWLED - count * _LENGTHS[unit]).date().isoformat()
    assert resolve_date(shown, CRAWLED_AT) == expected
    # alone it is no age (nor is "time", a Danish hour, in "a long time ago")
    assert resolve_date(word, CRAWLED_AT) is None


def test_the_pipeline_orders_a_numeric_date_by_the_jobs_country_when_the_page_names_none():
    from pipelines.normalise import NormalisePipeline
    from tests.support.inprocess import CRAWL_TIME
    from tests.support.pipelines import pipeline_crawler

    def posted(url: str, language: str) -> str | None:
        item = {"url": url, "source": "jobposting", "title": "Estate Agent"}
        item |= {"crawled_at": CRAWL_TIME, "page_language": language}
        item |= {"date_posted_raw": "Posted: 09/11/2026"}
        return NormalisePipeline.from_crawler(pipeline_crawler()).process_item(item)["date_posted"]

    assert posted("https://www.cv-library.co.uk/job/1", "en") == "2026-11-09"
    assert posted("https://www.cv-library.co.uk/job/1", "en-US") == "2026-09-11"


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("कल पोस्ट किया गया", "hi", "2026-11-21"),
        ("3 دن پہلے", "ur", "2026-11-19"),
        ("آج", "ur", "2026-11-22"),
    ],
)
def test_hindi_and_urdu_ages(raw: str, language: str, expected: str) -> None:
    assert resolve_date(raw, "2026-11-22T03:00:00Z", language=language, past=True) == expected


def test_a_czech_date_with_spaces_after_its_dots() -> None:
    assert resolve_date("Zveřejněno 16. 11. 2026", "2026-11-22T03:00:00Z", language="cs") == (
        "2026-11-16"
    )
