"""Salary strings as `{min, max, currency, period}` in major units, or None.

Decisions:
- a single amount is both min and max ("€50,000 a year" -> 50000..50000); "up to" / "jusqu'à" /
  "bis zu" keep only max, "from" / "à partir de" / "ab" / a trailing "+" keep only min.
- bare "$" is USD when `country` is None or "US", the country's own dollar or peso where "$" is
  written for it (CAD in Canada, MXN in Mexico), None elsewhere; a code in the text says which
  dollar ("CAD", "C$", "US$"). "kr" needs country SE/NO/DK/IS; "¥" is JPY unless the country
  is CN; 元 in Taiwan is TWD. An amount with no currency at all is paid in the currency of the
  country the job is in (``country``), when the text still shows it is pay.
- without a period word, the amount's size in its currency says it (``pay_scale`` in
  scrapers/data/salary.toml): an hourly rate, a month's pay or a year's ("R$ 3.001 a 4.000" is
  monthly, "700 000 – 850 000 kr" in Norway yearly, "€45" hourly).
- a single separator followed by exactly three digits groups thousands ("€3.500" = 3500,
  "1,500" = 1500); otherwise it is a decimal mark ("18,50" = 18.5).
- values that are whole numbers are ints (8000.00 -> 8000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from scrapers.normalise.countries import CURRENCY_BY_COUNTRY, DOLLAR_SIGN_CURRENCIES, fold
from scrapers.normalise.vocabulary import read_vocabulary, whole_words

Salary = dict[str, int | float | str | None]


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")

# --- amounts ----------------------------------------------------------------------------------

_MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(1_000),
    "mil": Decimal(1_000),  # es / pt "50 mil"
    "m": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "mio": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "millions": Decimal(1_000_000),
    "l": Decimal(100_000),  # Indian lakh
    "lakh": Decimal(100_000),
    "lakhs": Decimal(100_000),
    "lpa": Decimal(100_000),  # lakhs per annum
    "cr": Decimal(10_000_000),
    "万": Decimal(10_000),  # ja "30万円", zh "1.5万"
    "萬": Decimal(10_000),  # zh-Hant "4萬元"
    "만": Decimal(10_000),  # ko "4,200만원"
    "lac": Decimal(100_000),
    "lacs": Decimal(100_000),
    "crore": Decimal(10_000_000),
    "crores": Decimal(10_000_000),
    "千": Decimal(1_000),  # zh "8千", ja "800千円"
    "천": Decimal(1_000),  # ko
    "천만": Decimal(10_000_000),  # ko "5천만원"
    "백만": Decimal(1_000_000),  # ko
    "억": Decimal(100_000_000),  # ko
    "tys": Decimal(1_000),  # pl "6–8 tys. zł"
    "tis": Decimal(1_000),  # cs "30 tis. Kč"
    "ezer": Decimal(1_000),  # hu "550 ezer Ft"
    "тыс": Decimal(1_000),  # ru
    "тис": Decimal(1_000),  # uk
    "میلیون": Decimal(1_000_000),  # fa
    "ملايين": Decimal(1_000_000),  # ar
    "مليون": Decimal(1_000_000),  # ar
    "ألف": Decimal(1_000),  # ar "12 ألف"
    "triệu": Decimal(1_000_000),  # vi "15 - 25 triệu"
    "juta": Decimal(1_000_000),  # id, ms "Rp 4,5 – 5,5 juta"
    "ribu": Decimal(1_000),  # id, ms
    "tr": Decimal(1_000_000),  # vi "15tr"
    "лакх": Decimal(100_000),
    "लाख": Decimal(100_000),  # hi lakh
    "करोड़": Decimal(10_000_000),  # hi crore
}
_AMOUNT = re.compile(
    r"""(?<![\d.,'’])
    (?P<number>\d{1,2},\d{2},(?:\d{2},)*\d{3}(?!\d)  # Indian grouping: 12,00,000
              |\d{1,3}(?P<sep>[,.'’\ ])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d{1,2})?(?!\d)
              |\d+(?:[.,]\d+)?)
    (?:\ ?(?P<mult>[kK]|M|Mn|mn|Mio|mio|[Mm]illions?|mil|L|[Ll]akhs?|[Ll]acs?|LPA|lpa|Cr
                 |[Cc]rores?|万|萬|천만|백만|만|천|억|千|triệu|tr|juta|ribu|tys\.?|tis\.?|ezer|тыс\.?|тис\.?
                 |میلیون|ملايين|مليون|ألف|m|लाख|करोड़)
        (?![A-Za-z\u00c0-\u024f²³]))?  # no Latin letter after it ("55 000 Kč" is no 55 000k)
    (?P<after>\s*(?:%|\(k\)))?""",
    re.X,
)


@dataclass(frozen=True)
class _Amount:
    base: Decimal
    multiplier: Decimal | None
    start: int
    end: int

    @property
    def value(self) -> Decimal:
        return self.base * (self.multiplier or 1)


# --- currencies -------------------------------------------------------------------------------

# Currency tokens and codes, range joiners, bound words and "not given" phrases
# (scrapers/data/salary.toml).
_VOCABULARY = read_vocabulary("salary")
_CURRENCY_TOKENS: dict[str, str] = _VOCABULARY["currency_tokens"]
_ISO_4217 = frozenset(_VOCABULARY["iso_4217"])


def _token_pattern(token: str) -> str:
    # Letters need word edges ("Ft" is not in "Software"); symbols may touch ("55k€").
    pattern = re.escape(token)
    if token[0].isalpha():
        pattern = r"(?<![A-Za-z])" + pattern
    if token[-1].isalpha():
        pattern += r"(?![A-Za-z])"
    return pattern


_CURRENCY = re.compile(
    "|".join(_token_pattern(t) for t in sorted(_CURRENCY_TOKENS, key=len, reverse=True))
    + r"|(?<![A-Za-z])(?P<code>[A-Z]{3})(?![A-Za-z])|(?P<yen>[¥￥])"
    r"|(?<![A-Za-z])(?P<krona>[kK]r|kron(?:er|or|a|e))(?![A-Za-z])|(?P<dollar>\$|(?<![A-Za-z])dollars?(?![A-Za-z]))"
    # The rand's "R" and the quetzal's "Q" only glued to an amount ("R35 000", "Q5,500"): a lone
    # letter is anything.
    r"|(?<![A-Za-z])(?P<letter>[RQ])(?=\d)"
)
_KRONA_BY_COUNTRY = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}
# (token, country) -> the currency the token names there.
_LOCAL_UNIT: dict[tuple[str, str], str] = {
    (token, country): currency
    for token, by_country in _VOCABULARY["local_units"].items()
    for country, currency in by_country.items()
}
# A bare "$" is the dollar (or peso) of the country it is paid in.
_DOLLAR_BY_COUNTRY = {
    country: currency
    for country, currency in CURRENCY_BY_COUNTRY.items()
    if currency in DOLLAR_SIGN_CURRENCIES
}
# currency -> (an hourly rate stays below, a month's pay starts at, a year's pay starts at)
# (scrapers/data/salary.toml).
_PAY_SCALE: dict[str, tuple[int, int, int]] = {
    currency: (bounds[0], bounds[1], bounds[2])
    for currency, bounds in _VOCABULARY["pay_scale"].items()
}

# --- periods (matched on folded text) -----------------------------------------------------------

_PER = r"(?<![a-z])(?:per|a|an|each|every|/)\s*"
_PERIODS: tuple[tuple[str, str], ...] = (
    ("hour", _PER + r"(?:hour|hr|h)(?![a-z])|hourly|/\s*heure|(?:par|de l.)\s*heure|"
             r"(?:pro|/)\s*(?:stunde|std)(?![a-z])|stundenlohn|stundensatz|(?:por|/)\s*hora|"
             r"per uur|/\s*uur|(?:all.|l.|/)\s*ora(?![a-z])|時給|na godzine|za godzine"
             r"|godzinowo|(?:i|per|/)\s*tim(?:me|men)?(?![a-z])"),
    ("day", r"(?<!hours )(?<!hrs )(?:" + _PER + r"day(?![a-z])|daily|day rate|par jour|"
            r"/\s*(?:jour|j)(?![a-z])|tjm|(?:pro|/)\s*tag(?![a-z])|tagessatz|(?:por|/)\s*dia"
            r"(?![a-z])|per dag|al giorno|日給)"),
    ("week", r"(?<!days )(?<!hours )(?<!hrs )(?:" + _PER + r"(?:week|wk)(?![a-z])|weekly|"
             r"(?:par|/)\s*semaine|(?:pro|/)\s*woche|(?:por|/)\s*semana|a(?:lla)? settimana|週給)"),
    ("month", _PER + r"(?:month|mo|mth)(?![a-z])|monthly|(?:par|/)\s*mois|mensuel|"
              r"(?:pro|/)\s*monat|monatlich|monatsgehalt|(?:al|por|/)\s*mes(?![a-z])|mensual|"
              r"mensal|(?:per|/)\s*maand|maandelijks|(?:al|/)\s*mese(?![a-z])|mensile|"
              r"月給|月収|月額|miesiecznie|(?:na|/)\s*mies(?:iac)?(?![a-z])|i manaden"
              r"|(?:per|/)\s*man(?:ad)?(?![a-z])|manadslon"),
    ("year", _PER + r"(?:year|yr|annum)(?![a-z])|annual|yearly|(?<![a-z])p\.\s?a\.|"
             r"(?:par|/)\s*an(?![a-z])|annuel|(?:pro|/)\s*jahr|jahrlich|jahresgehalt|"
             r"brutto(?:jahres)?gehalt|(?:al|por|/)\s*ano(?![a-z])|anual|(?:per|/)\s*jaar|"
             r"jaarlijks|jaarsalaris|all.anno|annu[oa](?![a-z])|(?:/)\s*anno|(?<![a-z])ral"
             r"(?![a-z])|(?<![a-z])lpa(?![a-z])|年収|年俸|rocznie|(?:na|/)\s*rok(?![a-z])"
             r"|om aret|(?:per|/)\s*ar(?![a-z])|arslon"),
)  # fmt: skip
_PERIOD_PATTERNS = tuple((period, re.compile(pattern)) for period, pattern in _PERIODS) + tuple(
    # The period words of more languages, as data (scrapers/data/salary.toml, folded).
    (period, whole_words(fold(w) for w in words))
    for period, by_language in _VOCABULARY["period_words"].items()
    for words in [[w for ws in by_language.values() for w in ws]]
)

# --- bounds -----------------------------------------------------------------------------------

_RANGE_JOINERS = frozenset(_VOCABULARY["range_joiners"])
_JOINER_NOISE = re.compile(r"/\s*\w+|\bper\s+\w+|\s+")
_UP_TO = re.compile(r"(?<![a-z])(?:" + "|".join(_VOCABULARY["up_to"]) + r")\s*:?\s*$")
_FROM = re.compile(r"(?<![a-z])(?:" + "|".join(_VOCABULARY["from"]) + r")\s*:?\s*$")
_FLOOR = re.compile(r"(?<![a-z])(?:" + "|".join(_VOCABULARY["floor_words"]) + ")")
# After the amount: "+", or "or more" written after it ("4萬元或以上", "3,000만원 이상").
# "50k+", "$120,000+ DOE" (not "R$ 2.800 + VR", plus benefits); "22万円～" with nothing after
# the tilde.
_OPEN_TOP = re.compile(
    r"^(?:\+|\s+\+(?!\s*[^\W\d_])|\s*\S{0,3}\s*(?:"
    + "|".join(_VOCABULARY["open_top_after"])
    + r")|\s*\S{0,3}\s*[〜～~](?!\s*[\d$€£¥₩]))"
)
# Above any yearly pay, even in low-value currencies (IDR, VND).
_LARGEST_AMOUNT = Decimal(10) ** 10
_K401 = re.compile(r"401\s?\(?k\)?", re.I)


# Sources saying there is no figure to show: a null salary then is the fact, not a parse failure.
_UNSPECIFIED = re.compile("|".join(_VOCABULARY["unspecified"]))


def says_unspecified(raw: str | None) -> bool:
    """True when the text says the pay is not given ("Salaire : Non spécifié", "Competitive")."""
    return isinstance(raw, str) and bool(_UNSPECIFIED.search(fold(raw)))


def parse_salary(raw: str | None, *, country: str | None = None) -> Salary | None:
    """None when `raw` holds no amount ("Competitive", "Non spécifié", "DOE")."""
    if not isinstance(raw, str):
        return None
    text = _SPACES.sub(" ", _K401.sub(" ", raw)).strip()
    text = _WHOLE_DASH.sub("", _MAN_AND_REST.sub(_man_and_rest, text))
    text = _KOREAN_MAN.sub(lambda m: f"{int(m[1]) * 1000 + int(m[2] or 0) * 100}만", text)
    text = _THOUSAND_CURRENCY.sub("k ", text)
    amounts = _amounts(text)
    if not amounts:
        return None
    # "stillingskode 1434, kr 620 000 – 700 000": a number before the first amount written
    # with its currency is no pay.
    priced = [at for at, a in enumerate(amounts) if _priced(text, a)]
    if priced and priced[0] > 0:
        at = priced[0]
        if _is_range_joiner(text[amounts[at - 1].end : amounts[at].start]):
            at -= 1  # "6 000 - 8 000 DH": the currency written once, after the range
        amounts = amounts[at:]
    low, high = _bounds(text, amounts)
    if low is not None and high is not None and low > high:
        low, high = high, low
    currency = _currency(text, country)
    period = _period(fold(text))
    if not _CURRENCY.search(text) and period is None and not any(a.multiplier for a in amounts):
        return None  # a bare number (a phone number, an id, a head count) is not shown as pay
    if period is None:
        period = _usual_period(
            currency, [v for v in (low, high) if v is not None], (country or "").upper() or None
        )
    return {"min": _number(low), "max": _number(high), "currency": currency, "period": period}


# "3천5백만원" is 35,000,000: thousands and hundreds of ten-thousands.
_KOREAN_MAN = re.compile(r"(\d+)천(?:(\d+)백)?만")
# "1万2000円" is 12,000: ten-thousands, then the rest.
_MAN_AND_REST = re.compile(r"(?<![\d.,])(\d{1,4})[万萬만](\d,\d{3}|\d{1,4})(?![\d,万萬만])")
# "2.561,-", "6'200.–": a whole amount, no cents.
_WHOLE_DASH = re.compile(r"(?<=\d)[.,][-–—]{1,2}(?!\d)")


_RAND_BEFORE = re.compile(r"(?<![A-Za-z])[RQ]$")
_LETTER_CURRENCY = {"R": "ZAR", "Q": "GTQ"}
# "65–75 TEUR", "80 T€": thousands of euros (German).
_THOUSAND_CURRENCY = re.compile(r"(?<=\d)\s?T(?=EUR\b|€|CHF\b)")


def _man_and_rest(match: re.Match[str]) -> str:
    return str(int(match[1]) * 10_000 + int(match[2].replace(",", "")))


def _priced(text: str, amount: _Amount) -> bool:
    """The amount is written with a currency right before or after it."""
    before = text[max(0, amount.start - 4) : amount.start]
    after = text[amount.end : amount.end + 4]
    return bool(_CURRENCY.search(before) or _CURRENCY.match(after.lstrip()))


def _amounts(text: str) -> list[_Amount]:
    found = []
    for match in _AMOUNT.finditer(text):
        if match["after"]:  # "10%" bonus, "401(k)"
            continue
        base = _to_decimal(match["number"])
        if base is None:
            continue
        mult = match["mult"]
        multiplier = _MULTIPLIERS[mult.lower().rstrip(".")] if mult else None
        amount = _Amount(base, multiplier, match.start(), match.end())
        # Phone numbers, ids and runaway digits are not pay.
        if amount.value > _LARGEST_AMOUNT:
            continue
        found.append(amount)
    return found


def _to_decimal(number: str) -> Decimal | None:
    digits = number.replace("'", "").replace("’", "").replace(" ", "")
    if digits.count(",") >= 2 and len(set(len(part) for part in digits.split(",")[1:-1])) <= 1:
        digits = digits.replace(",", "")  # 12,00,000 (lakh grouping) and 1,000,000 alike
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        digits = digits.replace(grouping, "").replace(decimal_mark, ".")
    else:
        for mark in ",.":
            if mark in digits:
                parts = digits.split(mark)
                is_grouping = len(parts) > 2 or len(parts[-1]) == 3
                digits = digits.replace(mark, "" if is_grouping else ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _bounds(text: str, amounts: list[_Amount]) -> tuple[Decimal | None, Decimal | None]:
    first = amounts[0]
    if len(amounts) > 1 and _UP_TO.search(
        fold(_CURRENCY.sub(" ", text[first.end : amounts[1].start]))
    ):
        # "Min: USD 62,400/Yr. Max: USD 93,600/Yr.": the second amount labelled as the top.
        return first.value, amounts[1].value
    if len(amounts) > 1 and _is_range_joiner(text[first.end : amounts[1].start]):
        second = amounts[1]
        first, second = _share_multiplier(first, second)
        return first.value, second.value
    before = fold(_CURRENCY.sub(" ", text[: first.start])).rstrip()
    if _UP_TO.search(before):
        return None, first.value
    if _FROM.search(before) or _OPEN_TOP.match(text[first.end :]) or _FLOOR.search(fold(text)):
        return first.value, None
    return first.value, first.value


def _is_range_joiner(between: str) -> bool:
    between = _RAND_BEFORE.sub("", between)  # "R35 000 - R42 000"
    stripped = _JOINER_NOISE.sub("", _CURRENCY.sub("", between))
    return stripped.lower() in _RANGE_JOINERS


def _share_multiplier(first: _Amount, second: _Amount) -> tuple[_Amount, _Amount]:
    """ "45-55k" means 45k-55k; "500-1k" does not mean 500k-1k."""
    if first.multiplier is None and second.multiplier is not None:
        # "3,600 ~ 4,200만원" is 36–42 million won too: the bare number is no bigger.
        if first.base <= second.base * 10:
            first = _Amount(first.base, second.multiplier, first.start, first.end)
    elif second.multiplier is None and first.multiplier is not None:
        if second.base < 1000 and second.base * 10 >= first.base:
            second = _Amount(second.base, first.multiplier, second.start, second.end)
    elif first.multiplier is None and first.base < 1000 <= second.base:
        # "45 - 55 000 €": thousands written once, on the upper bound.
        scaled = first.base * 1000
        if second.base / 10 <= scaled <= second.base:
            first = _Amount(first.base, Decimal(1000), first.start, first.end)
    return first, second


def _currency(text: str, country: str | None) -> str | None:
    country = country.upper() if isinstance(country, str) else None
    # An ISO code beats a symbol: "$25,000 - $30,000 MXN" is in pesos.
    for match in _CURRENCY.finditer(text):
        if match["code"] and match["code"] in _ISO_4217:
            return match["code"]
    for match in _CURRENCY.finditer(text):
        if match["code"]:
            continue
        if match["letter"]:
            return _LETTER_CURRENCY[match["letter"]]
        if match["dollar"]:
            # A bare "$" is the country's dollar or peso, else the US dollar (Ukraine, Lebanon).
            return "USD" if country in (None, "US") else _DOLLAR_BY_COUNTRY.get(country, "USD")
        if match["yen"]:
            return "CNY" if country == "CN" else "JPY"
        if match["krona"]:
            return _KRONA_BY_COUNTRY.get(country or "")
        token = _CURRENCY_TOKENS[match[0]]
        # 元 is the yuan and, in Taiwan, the dollar; a riyal or a dinar is its country's.
        return _LOCAL_UNIT.get((match[0], country or ""), token)
    # A bare amount is paid in the currency of the country the job is in.
    return CURRENCY_BY_COUNTRY.get(country or "")
    return None


def _usual_period(
    currency: str | None, amounts: list[Decimal], country: str | None = None
) -> str | None:
    """The period an amount without one is paid by, read from its size in its currency: below
    the scale's hourly ceiling an hour, from its yearly floor a year, from its monthly floor a
    month ("R$ 3.001 a 4.000" is monthly, "700 000 – 850 000 kr" in Norway yearly). Dollars paid
    outside the countries that pay in them ("$2500–3500" in Ukraine) have their own scale."""
    abroad = currency == "USD" and country and CURRENCY_BY_COUNTRY.get(country) != "USD"
    scale = _PAY_SCALE.get(f"{currency}@abroad" if abroad else currency or "")
    if scale is None or not amounts:
        return None
    hour_below, month_from, year_from = scale
    smallest = min(amounts)
    if smallest >= year_from:
        return "year"
    if smallest < hour_below:
        return "hour"
    return "month" if smallest >= month_from else None


def _period(folded: str) -> str | None:
    """The period word that comes first in the text ("€500/day, 3 days a week" is daily)."""
    best: tuple[int, str] | None = None
    for period, pattern in _PERIOD_PATTERNS:
        match = pattern.search(folded)
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), period)
    return best[1] if best else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
