import pytest

from scrapers.normalise.salary import parse_salary, says_unspecified


def pay(
    low: float | None, high: float | None, currency: str | None, period: str | None
) -> dict[str, float | str | None]:
    return {"min": low, "max": high, "currency": currency, "period": period}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seed (Teal)
        ("$168,000 - $252,000", pay(168000, 252000, "USD", "year")),
        # range joiners
        ("$168K–$252K", pay(168000, 252000, "USD", "year")),
        ("£40,000 — £50,000 per annum", pay(40000, 50000, "GBP", "year")),
        ("$120k to $150k", pay(120000, 150000, "USD", "year")),
        ("40 000 € à 50 000 € brut annuel", pay(40000, 50000, "EUR", "year")),
        ("60.000 bis 70.000 EUR pro Jahr", pay(60000, 70000, "EUR", "year")),
        ("De 40.000 a 50.000 €", pay(40000, 50000, "EUR", "year")),
        # No period written: the amount's size in its currency says it (issue 18).
        ("¥5,000,000〜¥8,000,000", pay(5000000, 8000000, "JPY", "year")),
        ("between $100,000 and $120,000", pay(100000, 120000, "USD", "year")),
        # multipliers shared across a range
        ("45-55k€", pay(45000, 55000, "EUR", "year")),
        ("45 - 55 000 €", pay(45000, 55000, "EUR", "year")),
        ("$1.2M", pay(1200000, 1200000, "USD", "year")),
        ("$500 - $1,000", pay(500, 1000, "USD", None)),
        # separators and decimal commas
        ("18,50 € / heure", pay(18.5, 18.5, "EUR", "hour")),
        ("CHF 110'000", pay(110000, 110000, "CHF", "year")),
        ("€3.500 per maand", pay(3500, 3500, "EUR", "month")),
        ("€45.000 - €55.000 brut/an", pay(45000, 55000, "EUR", "year")),
        ("R$ 8.000,00", pay(8000, 8000, "BRL", "month")),
        ("3 500 € par mois", pay(3500, 3500, "EUR", "month")),
        ("EUR 3,500 - 4,000 monthly", pay(3500, 4000, "EUR", "month")),
        # currencies
        ("US$ 120,000 a year", pay(120000, 120000, "USD", "year")),
        ("1 500 zł", pay(1500, 1500, "PLN", "month")),
        ("₹12 LPA", pay(1200000, 1200000, "INR", "year")),
        ("¥300,000 per month", pay(300000, 300000, "JPY", "month")),
        ("CAD 90,000 - 110,000", pay(90000, 110000, "CAD", "year")),
        # periods
        ("$25/hr", pay(25, 25, "USD", "hour")),
        ("$50 - 70 an hour", pay(50, 70, "USD", "hour")),
        ("$50 - $70 per hour", pay(50, 70, "USD", "hour")),
        ("25 € pro Stunde", pay(25, 25, "EUR", "hour")),
        ("2.000 € al mes", pay(2000, 2000, "EUR", "month")),
        ("R$ 5.000 por mês", pay(5000, 5000, "BRL", "month")),
        ("€500/day, 3 days a week", pay(500, 500, "EUR", "day")),
        ("€60k, 4 days a week in office", pay(60000, 60000, "EUR", "year")),
        ("£900 per week", pay(900, 900, "GBP", "week")),
        # one-sided
        ("Up to 90K", pay(None, 90000, None, None)),
        ("Up to $90,000", pay(None, 90000, "USD", "year")),
        ("from €50k", pay(50000, None, "EUR", "year")),
        ("À partir de 45 000 €", pay(45000, None, "EUR", "year")),
        ("$150k+", pay(150000, None, "USD", "year")),
        # min > max is swapped; bonus percentages and 401(k) are not amounts
        ("$252,000 - $168,000", pay(168000, 252000, "USD", "year")),
        ("$120k-$150k + 10% bonus + 401(k)", pay(120000, 150000, "USD", "year")),
        # no period word and small amounts: no guess
        ("€3.500", pay(3500, 3500, "EUR", "month")),
        ("$8,000 - $12,000", pay(8000, 12000, "USD", None)),
    ],
)
def test_parse_salary(raw: str, expected: dict[str, float | str | None]) -> None:
    result = parse_salary(raw)
    assert result == expected
    for key in ("min", "max"):
        # integers stay ints: 168000, not 168000.0
        assert type(result[key]) is type(expected[key])


@pytest.mark.parametrize(
    ("raw", "country", "currency"),
    [
        ("$120,000", None, "USD"),
        ("$120,000", "US", "USD"),
        ("$120,000", "us", "USD"),
        # A bare "$" is the dollar or peso of the country it is paid in (issue 18).
        ("$120,000", "CA", "CAD"),
        ("$120,000", "MX", "MXN"),
        # Where no dollar or peso is paid, "$" is the US dollar (Ukraine's IT boards, Lebanon).
        ("$120,000", "DE", "USD"),
        ("US$120,000", "CA", "USD"),
        ("C$120,000", "CA", "CAD"),
        ("30 000 kr", None, None),
        ("30 000 kr", "SE", "SEK"),
        ("30 000 kr", "NO", "NOK"),
        ("¥5,000", None, "JPY"),
        ("¥5,000", "CN", "CNY"),
    ],
)
def test_parse_salary_currency_depends_on_country(
    raw: str, country: str | None, currency: str | None
) -> None:
    result = parse_salary(raw, country=country)
    assert result is not None
    assert result["currency"] == currency


def test_year_is_inferred_only_with_a_currency() -> None:
    assert parse_salary("120,000", country=None) is None  # a bare number with no currency
    # US dollars paid abroad are read on their own scale: 120,000 a year, 2,500 a month.
    assert parse_salary("$120,000", country="DE") == pay(120000, 120000, "USD", "year")
    assert parse_salary("$2500–3500", country="UA") == pay(2500, 3500, "USD", "month")


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "Competitive",
        "competitive salary",
        "Non spécifié",
        "Salaire : Non spécifié",
        "Selon profil",
        "DOE",
        "Negotiable",
        "10% bonus",
    ],
)
def test_parse_salary_unspecified(raw: str | None) -> None:
    assert parse_salary(raw) is None


@pytest.mark.parametrize("raw", ["Call 555 1234", "Team of 12", "Ref 40212"])
def test_bare_numbers_are_not_pay(raw: str) -> None:
    assert parse_salary(raw) is None


@pytest.mark.parametrize(
    "raw",
    ["Salaire : Non spécifié", "Competitive", "DOE", "Gehalt nach Vereinbarung", "Selon profil"],
)
def test_says_unspecified(raw: str) -> None:
    assert says_unspecified(raw)


@pytest.mark.parametrize("raw", ["$120,000", "Salary: 45k-55k", "Sign-on bonus"])
def test_does_not_say_unspecified(raw: str) -> None:
    assert not says_unspecified(raw)


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # ja: 万 is ten thousand
        ("月給30万円", None, pay(300000, 300000, "JPY", "month")),
        ("年収 600万円〜900万円", None, pay(6000000, 9000000, "JPY", "year")),
        ("時給 1,500円", None, pay(1500, 1500, "JPY", "hour")),
        # pl
        ("120 000 zł rocznie", None, pay(120000, 120000, "PLN", "year")),
        ("8 000 - 12 000 zł brutto miesięcznie", None, pay(8000, 12000, "PLN", "month")),
        ("15 000 PLN / mies.", None, pay(15000, 15000, "PLN", "month")),
        ("100 zł/h", None, pay(100, 100, "PLN", "hour")),
        # sv: "kr" is a krona only where the country says which
        ("30 000 kr i månaden", "SE", pay(30000, 30000, "SEK", "month")),
        ("45 000 kr/mån", "SE", pay(45000, 45000, "SEK", "month")),
        ("SEK 40 000 i månaden", None, pay(40000, 40000, "SEK", "month")),
        ("30 000 kr i månaden", None, pay(30000, 30000, None, "month")),
        # en-IN lakh grouping
        ("₹ 12,00,000 - 18,00,000", None, pay(1200000, 1800000, "INR", "year")),
        # issue forms
        ("18,50 €", None, pay(18.5, 18.5, "EUR", "hour")),
        ("€3.500", None, pay(3500, 3500, "EUR", "month")),
        ("4.000 a 5.000 € al mes", None, pay(4000, 5000, "EUR", "month")),
        ("50k – 60k € brut annuel", None, pay(50000, 60000, "EUR", "year")),
        ("€4.000 per maand", None, pay(4000, 4000, "EUR", "month")),
        ("£30,000 to £40,000 a year", None, pay(30000, 40000, "GBP", "year")),
        ("$80 - $40 an hour", None, pay(40, 80, "USD", "hour")),
    ],
)
def test_parse_salary_more_languages(
    raw: str, country: str | None, expected: dict[str, float | str | None]
) -> None:
    assert parse_salary(raw, country=country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("6.5-10 Lacs P.A.", "IN", pay(650000, 1000000, "INR", "year")),
        ("연봉 3,600 ~ 4,200만원", "KR", pay(36000000, 42000000, "KRW", "year")),
        ("經常性薪資達4萬元或以上", "TW", pay(40000, None, "TWD", "month")),
        ("1.5-2.5万", "CN", pay(15000, 25000, "CNY", "month")),
        ("Net maaş: 45.000 TL - 60.000 TL", "TR", pay(45000, 60000, "TRY", "month")),
        ("S/ 2,500.00", "PE", pay(2500, 2500, "PEN", "month")),
        ("Lønn: 700 000 – 850 000 kr", "NO", pay(700000, 850000, "NOK", "year")),
        ("40 000 – 55 000 Kč", "CZ", pay(40000, 55000, "CZK", "month")),
        ("$500 - $1,000", None, pay(500, 1000, "USD", None)),
        ("$28 - $32", "NZ", pay(28, 32, "NZD", "hour")),
    ],
)
def test_pay_in_its_countrys_currency_and_usual_period(raw, country, expected) -> None:
    assert parse_salary(raw, country=country) == expected


@pytest.mark.parametrize(
    ("raw", "country", "period"),
    [
        ("الراتب الشهري: 2,000 - 3,000 دولار أمريكي", "AE", "month"),
        ("Net maaş: 45.000 TL aylık", "TR", "month"),
        ("3 300 – 3 900 € / kk", "FI", "month"),
        ("Løn: 45.000–52.000 kr. pr. md.", "DK", "month"),
        ("时薪 50元", "CN", "hour"),
        ("연봉 4,000만원", "KR", "year"),
        ("Rp 8.000.000 per bulan", "ID", "month"),
    ],
)
def test_a_period_word_in_more_languages(raw, country, period) -> None:
    found = parse_salary(raw, country=country)
    assert found is not None and found["period"] == period


@pytest.mark.parametrize(
    "raw",
    [
        "Mindestgehalt lt. KV: € 2.561,- brutto/Monat, Überzahlung je nach Qualifikation möglich",
        "KV-Mindestentgelt EUR 2.561 brutto monatlich, Bereitschaft zur Überzahlung",
        "Minimum salary €2,561 per month",
    ],
)
def test_a_stated_minimum_is_a_floor(raw: str) -> None:
    assert parse_salary(raw, country="AT") == {
        "min": 2561,
        "max": None,
        "currency": "EUR",
        "period": "month",
    }


def test_a_single_amount_without_floor_words_is_fixed() -> None:
    assert parse_salary("€ 2.561 brutto/Monat", country="AT")["max"] == 2561


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("R35 000 - R42 000 per month CTC", "ZA", (35000, 42000, "ZAR", "month")),
        ("₹18,000 से ₹25,000 तक प्रति माह", "IN", (18000, 25000, "INR", "month")),
        ("3 - 4.5 लाख प्रति वर्ष", "IN", (300000, 450000, "INR", "year")),
        ("6 000 - 8 000 DH", "MA", (6000, 8000, "MAD", "month")),
        ("35.000,00 €/año - 42.000,00 €/año", "ES", (35000, 42000, "EUR", "year")),
        ("Até R$ 6.000 por mês", "BR", (None, 6000, "BRL", "month")),
        ("CHF 6'200.– bis 7'000.– pro Monat x 13", "CH", (6200, 7000, "CHF", "month")),
        ("Jahresbruttogehalt ab EUR 52.000,-", "AT", (52000, None, "EUR", "year")),
        ("až 60 000 Kč/měsíc", "CZ", (None, 60000, "CZK", "month")),
        ("od 8 000 do 10 000 zł brutto", "PL", (8000, 10000, "PLN", "month")),
        ("Kuukausipalkka alkaen 2 950 €", "FI", (2950, None, "EUR", "month")),
        # A job code before the priced amount is no pay.
        (
            "stillingskode 1434, kr 620 000 – 700 000 brutto per år",
            "NO",
            (620000, 700000, "NOK", "year"),
        ),
        ("日給1万2000円", "JP", (12000, 12000, "JPY", "day")),
        ("일급 15만원", "KR", (150000, 150000, "KRW", "day")),
        ("연봉 4,000만원", "KR", (40000000, 40000000, "KRW", "year")),
        # An ISO code beats a symbol.
        ("$25,000 - $30,000 MXN mensuales", "MX", (25000, 30000, "MXN", "month")),
    ],
)
def test_pay_as_each_country_writes_it(raw, country, expected) -> None:
    got = parse_salary(raw, country=country)
    assert (got["min"], got["max"], got["currency"], got["period"]) == expected


def test_a_lone_r_is_no_rand() -> None:
    assert parse_salary("R&D budget $5,000", country="US")["currency"] == "USD"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Salaire : 350 000 FCFA", "SN", (350000, 350000, "XOF", "month")),
        ("350 000 FCFA", "CM", (350000, 350000, "XAF", "month")),
        ("$U 45.000 nominales", "UY", (45000, 45000, "UYU", "month")),
        ("₡650.000 mensuales", "CR", (650000, 650000, "CRC", "month")),
        # Benefits added to a pay are no open top; a glued "+" is.
        ("Salário: R$ 2.800 + VR + VA", "BR", (2800, 2800, "BRL", "month")),
        ("$120,000+ DOE", "US", (120000, None, "USD", "year")),
        ("Årslønn fra 650 000 kroner", "NO", (650000, None, "NOK", "year")),
        ("時給1,300円～ ※研修期間中は時給1,200円", "JP", (1300, None, "JPY", "hour")),
        ("月給22万円～＋賞与年2回", "JP", (220000, None, "JPY", "month")),
        ("20万円～30万円", "JP", (200000, 300000, "JPY", "month")),
        ("8千-1.2万/月", "CN", (8000, 12000, "CNY", "month")),
        ("من 6000 إلى 8000 ر.ق", "QA", (6000, 8000, "QAR", "month")),
        ("15 - 25 triệu", "VN", (15000000, 25000000, "VND", "month")),
        ("от 150 000 до 200 000 ₽ на руки", "RU", (150000, 200000, "RUB", "month")),
        ("NGN 250,000 - 350,000", "NG", (250000, 350000, "NGN", "month")),
        ("RM 4,000 – RM 5,500 per month", "MY", (4000, 5500, "MYR", "month")),
    ],
)
def test_pay_in_more_currencies_and_languages(raw, country, expected) -> None:
    got = parse_salary(raw, country=country)
    assert (got["min"], got["max"], got["currency"], got["period"]) == expected


def test_every_country_pays_in_its_cldr_currency() -> None:
    from scrapers.normalise.countries import CURRENCY_BY_COUNTRY

    assert CURRENCY_BY_COUNTRY["SN"] == "XOF" and CURRENCY_BY_COUNTRY["HR"] == "EUR"
    assert CURRENCY_BY_COUNTRY["PA"] == "USD"  # currencies.toml [paid_in]


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Min: USD $62,400.00/Yr. Max: USD $93,600.00/Yr.", "US", (62400, 93600, "USD", "year")),
        ("₦4.2m - ₦5.4m per annum", "NG", (4200000, 5400000, "NGN", "year")),
        ("GH₵ 3,500 - GH₵ 4,500", "GH", (3500, 4500, "GHS", "month")),
        ("₹500 प्रति दिन", "IN", (500, 500, "INR", "day")),
        ("35,000 - 45,000 روپے ماہانہ", "PK", (35000, 45000, "PKR", "month")),
        ("1 200 - 1 500 DT", "TN", (1200, 1500, "TND", "month")),
        ("$2,800 semanales", "MX", (2800, 2800, "MXN", "week")),
        ("Q5,500.00 - Q6,500.00 (Mensual)", "GT", (5500, 6500, "GTQ", "month")),
        ("Salário: 350.000,00 Kz", "AO", (350000, 350000, "AOA", "month")),
        ("65–75 TEUR p.a.", "DE", (65000, 75000, "EUR", "year")),
        ("6–8 tys. zł brutto / mies.", "PL", (6000, 8000, "PLN", "month")),
        ("bruttó 550–650 ezer Ft/hó", "HU", (550000, 650000, "HUF", "month")),
        ("Salariu: între 4.500 și 5.500 lei brut/lună", "RO", (4500, 5500, "RON", "month")),
        ("Plata: 120.000 - 150.000 din. neto", "RS", (120000, 150000, "RSD", "month")),
        ("연봉 5천만원 이상", "KR", (50000000, None, "KRW", "year")),
        ("주급 60만원", "KR", (600000, 600000, "KRW", "week")),
        ("200-300元/天", "CN", (200, 300, "CNY", "day")),
        ("الراتب: 400 - 550 دينار بحريني", "BH", (400, 550, "BHD", "month")),
    ],
)
def test_pay_of_the_fourth_round(raw, country, expected) -> None:
    got = parse_salary(raw, country=country)
    assert (got["min"], got["max"], got["currency"], got["period"]) == expected


def test_square_metres_are_no_millions() -> None:
    assert parse_salary("5m²", country="DE") is None


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        (
            "Monatsbruttogehalt: EUR 3.450,– (Vollzeit, 14 x jährlich)",
            "AT",
            (3450, 3450, "EUR", "month"),
        ),
        ("200 € / giorno (P.IVA)", "IT", (200, 200, "EUR", "day")),
        ("bruttó 900 000 Ft-tól", "HU", (900000, None, "HUF", "month")),
        ("Od 95.000 dinara neto", "RS", (95000, None, "RSD", "month")),
        ("연봉 3천5백만원 (협의 가능)", "KR", (35000000, 35000000, "KRW", "year")),
        ("Trên 20 triệu", "VN", (20000000, None, "VND", "month")),
        ("Gaji Rp 4,5 – 5,5 juta", "ID", (4500000, 5500000, "IDR", "month")),
        ("বেতন: ২৫০০০ - ৩৫০০০ টাকা (মাসিক)", "BD", (25000, 35000, "BDT", "month")),
    ],
)
def test_pay_of_the_sixth_round(raw, country, expected) -> None:
    got = parse_salary(raw, country=country)
    assert (got["min"], got["max"], got["currency"], got["period"]) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Salário: 45.000,00 MT", "MZ", (45000, 45000, "MZN", "month")),
        ("80 000 DA net", "DZ", (80000, 80000, "DZD", "month")),
        ("Нетно 1 400 - 1 700 евро", "BG", (1400, 1700, "EUR", "month")),
        ("Tunnitasu alates 9 €", "EE", (9, None, "EUR", "hour")),
        ("من 12 ألف إلى 15 ألف جنيه", "EG", (12000, 15000, "EGP", "month")),
        ("Rp 150.000 / hari", "ID", (150000, 150000, "IDR", "day")),
    ],
)
def test_pay_of_the_eighth_round(raw, country, expected) -> None:
    got = parse_salary(raw, country=country)
    assert (got["min"], got["max"], got["currency"], got["period"]) == expected
