import pytest

from scrapers.normalise.location import parse_locations, resolve_places


def loc(city: str | None, region: str | None, country: str | None) -> dict[str, str | None]:
    return {"city": city, "region": region, "country": country}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seeds
        ("Porto, Portugal", [loc("Porto", None, "PT")]),
        ("Hybrid-Palo Alto, CA", [loc("Palo Alto", "CA", "US")]),
        # lists
        (
            "San Francisco, CA; New York, NY",
            [loc("San Francisco", "CA", "US"), loc("New York", "NY", "US")],
        ),
        ("London | Berlin", [loc("London", None, "GB"), loc("Berlin", None, "DE")]),
        ("Paris or Lyon", [loc("Paris", None, "FR"), loc("Lyon", None, "FR")]),
        ("Madrid o Barcelona", [loc("Madrid", None, "ES"), loc("Barcelona", None, "ES")]),
        ("Paris, France; Paris, France", [loc("Paris", None, "FR")]),
        # remote
        ("Remote - US", [loc(None, None, "US")]),
        ("Remote (EU)", []),
        ("Remote", []),
        ("Remote in Germany", [loc(None, None, "DE")]),
        ("Fully Remote - Canada", [loc(None, None, "CA")]),
        ("Paris (Télétravail total)", [loc("Paris", None, "FR")]),
        ("On-site - Berlin, Germany", [loc("Berlin", None, "DE")]),
        # city, country
        ("Paris, France", [loc("Paris", None, "FR")]),
        ("London, UK", [loc("London", None, "GB")]),
        ("Berlin, Germany", [loc("Berlin", None, "DE")]),
        ("Tokyo, Japan", [loc("Tokyo", None, "JP")]),
        ("Amsterdam, Netherlands", [loc("Amsterdam", None, "NL")]),
        ("Madrid, Spain", [loc("Madrid", None, "ES")]),
        ("London - UK", [loc("London", None, "GB")]),
        ("Paris (France)", [loc("Paris", None, "FR")]),
        # country names in other languages, and codes
        ("Berlin, Allemagne", [loc("Berlin", None, "DE")]),
        ("München, Deutschland", [loc("München", None, "DE")]),
        ("Madrid, España", [loc("Madrid", None, "ES")]),
        ("Ámsterdam, Países Bajos", [loc("Ámsterdam", None, "NL")]),
        ("Lisboa, Portogallo", [loc("Lisboa", None, "PT")]),
        ("Utrecht, Nederland", [loc("Utrecht", None, "NL")]),
        ("Zürich, Schweiz", [loc("Zürich", None, "CH")]),
        ("Lyon, FR", [loc("Lyon", None, "FR")]),
        ("Berlin, DE", [loc("Berlin", None, "DE")]),
        ("Germany", [loc(None, None, "DE")]),
        ("US", [loc(None, None, "US")]),
        # cities alone
        ("Bordeaux", [loc("Bordeaux", None, "FR")]),
        ("Lisbon", [loc("Lisbon", None, "PT")]),
        ("New York", [loc("New York", None, "US")]),
        ("Singapore", [loc("Singapore", None, "SG")]),
        # Every Springfield a board would mean (the gazetteer's biggest) is in the US.
        ("Springfield", [loc("Springfield", None, "US")]),
        # US states and Canadian provinces
        ("Austin, Texas, USA", [loc("Austin", "TX", "US")]),
        ("Wilmington, DE", [loc("Wilmington", "DE", "US")]),
        ("Toronto, ON", [loc("Toronto", "ON", "CA")]),
        ("Toronto, Ontario, Canada", [loc("Toronto", "ON", "CA")]),
        ("Montréal, Québec", [loc("Montréal", "QC", "CA")]),
        ("California", [loc(None, "CA", "US")]),
        ("New York, NY 10001", [loc("New York", "NY", "US")]),
        ("75008 Paris, France", [loc("Paris", None, "FR")]),
        # free-form region kept as written
        ("Bordeaux, Nouvelle-Aquitaine, France", [loc("Bordeaux", "Nouvelle-Aquitaine", "FR")]),
    ],
)
def test_parse_locations(raw: str, expected: list[dict[str, str | None]]) -> None:
    assert parse_locations(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [None, "", "   ", "Remote", "Hybrid", "Worldwide", "EMEA", "Multiple Locations", "Anywhere"],
)
def test_parse_locations_nothing_to_tell(raw: str | None) -> None:
    assert parse_locations(raw) == []


def test_parse_locations_never_raises_on_odd_text() -> None:
    for raw in ("()", " ; ; ", "- , -", "||", "12345", "Remote (", "😀"):
        assert isinstance(parse_locations(raw), list)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Warszawa, Polska", [loc("Warszawa", None, "PL")]),
        ("Kraków", [loc("Kraków", None, "PL")]),
        ("Stockholm, Sverige", [loc("Stockholm", None, "SE")]),
        ("Oslo, Norge", [loc("Oslo", None, "NO")]),
        ("東京", [loc("東京", None, "JP")]),
        ("東京都, 日本", [loc("東京都", None, "JP")]),
        ("Porto, Portugal", [loc("Porto", None, "PT")]),
        ("Palo Alto, CA", [loc("Palo Alto", "CA", "US")]),
        ("München", [loc("München", None, "DE")]),
        # an unknown name stays, with a null country (the pipeline counts it)
        ("Nowhere Land", [loc("Nowhere Land", None, None)]),
    ],
)
def test_parse_locations_more_languages(raw: str, expected: list[dict[str, str | None]]) -> None:
    assert parse_locations(raw) == expected


# What a source states of its places (extractors), read here and only here.
@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        # a place the source gives field by field is kept as it is
        ([loc("Bordeaux", "Gironde", "FR")], [loc("Bordeaux", "Gironde", "FR")]),
        # words: every place they name (Ashby's location without an address)
        ([{"text": "Berlin / München"}], [loc("Berlin", None, "DE"), loc("München", None, "DE")]),
        # the posting's country fills the places that name none (Lever)
        ([{"text": "New York, NY", "country": "US"}], [loc("New York", "NY", "US")]),
        ([{"text": "London", "country": "GB"}], [loc("London", None, "GB")]),
        ([{"text": "Porto", "country": "PT"}, {"text": "London, UK", "country": "PT"}],
         [loc("Porto", None, "PT"), loc("London", None, "GB")]),
        # ... and is the place when the words name none (Lever's "Remote")
        ([{"text": "Remote", "country": "PT"}], [loc(None, None, "PT")]),
        # one place in the country the source states for it (Workday's requisition location)
        ([{"text": "Paris", "country": "US", "one_place": True}], [loc("Paris", None, "US")]),
        ([{"text": "Remote - United States", "country": "US", "one_place": True}],
         [loc(None, None, "US")]),
        ([{"text": None, "country": "DE", "one_place": True}, {"text": "Hamburg"}],
         [loc(None, None, "DE"), loc("Hamburg", None, "DE")]),
        # a place named twice is one place
        ([loc("Porto", None, "PT"), {"text": "Porto, Portugal"}], [loc("Porto", None, "PT")]),
        # nothing stated, nothing named
        ([{"text": "Worldwide"}], []),
    ],
)  # fmt: skip
def test_resolve_places(entries, expected) -> None:
    assert resolve_places(entries) == expected


def test_an_iso_name_is_a_country_only_where_a_field_states_one():
    from scrapers.normalise.countries import country_from_stated

    assert [country_from_stated(n) for n in ("Panama", "Viet Nam", "Atlantis", "pa")] == [
        "PA",
        "VN",
        None,
        "PA",
    ]
    # Free text keeps to the table of usual names: a person's name is not a country there.
    assert parse_locations("Jordan")[0]["country"] is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The city without its district, postcode or region code, its country from GeoNames.
        ("Télétravail partiel à Nantes (44)", [loc("Nantes", "44", "FR")]),
        ("Baden AG", [loc("Baden", "AG", "CH")]),
        ("Melbourne VIC 3000", [loc("Melbourne", "VIC", "AU")]),
        ("Mississauga, ON L5B 1M2", [loc("Mississauga", "ON", "CA")]),
        ("København S", [loc("København", None, "DK")]),
        ("東京都港区", [loc("東京都", None, "JP")]),
        # Any country's region names its country.
        ("Sandton, Gauteng", [loc("Sandton", "Gauteng", "ZA")]),
        ("Hamilton Central, Waikato", [loc("Hamilton", "Waikato", "NZ")]),
        # A state code the city does not lie in is a region of the city's country.
        ("São José - SC", [loc("São José", "SC", "BR")]),
        # Cities far apart are several places; a street before the city is left out.
        (
            "Hamburg, München, Frankfurt am Main",
            [
                loc("Hamburg", None, "DE"),
                loc("München", None, "DE"),
                loc("Frankfurt am Main", None, "DE"),
            ],
        ),
        ("Karl Johans gate 14, 0154 Oslo", [loc("Oslo", None, "NO")]),
        # The whole country.
        ("Koko Suomi", [loc(None, None, "FI")]),
        ("Bundesweit", [loc(None, None, "DE")]),
    ],
)
def test_places_from_the_gazetteer(raw: str, expected: list[dict[str, str | None]]) -> None:
    assert parse_locations(raw) == expected


def test_a_national_boards_domain_chooses_among_cities_of_one_name():
    from scrapers.urls import country_of_site

    assert [
        country_of_site(u) for u in ("https://www.reed.co.uk/j/1", "https://jobs.lever.co/x")
    ] == [
        "GB",
        None,
    ]
    assert parse_locations("London", hint="CA") == [loc("London", None, "CA")]
    assert parse_locations("London") == [loc("London", None, "GB")]


@pytest.mark.parametrize(
    ("raw", "city"),
    [
        ("Alcobendas (Madrid)", "Alcobendas"),
        ("Wellington Central, Wellington", "Wellington"),
        ("Capital Federal, Buenos Aires", "Buenos Aires"),
    ],
)
def test_a_district_the_gazetteer_does_not_know_is_its_city(raw: str, city: str) -> None:
    assert parse_locations(raw)[0]["city"] == city


def test_an_abbreviation_in_brackets_is_no_second_city():
    assert [p["city"] for p in parse_locations("İstanbul(Avr.)")] == ["İstanbul"]


def test_the_whole_country_unnamed_is_the_sites_and_a_city_inside_unspaced_text_is_read():
    from scrapers.urls import country_of_site

    assert country_of_site("https://jp.indeed.com/viewjob?jk=1") == "JP"
    assert parse_locations("全国", hint="JP") == [loc(None, None, "JP")]
    assert parse_locations("全国") == []
    yokohama = [loc("横浜市", "神奈川県", "JP")]
    assert parse_locations("神奈川県 横浜市西区 みなとみらい駅") == yokohama


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A district named after its city, or beside it within its districts: the city.
        ("Marseille 8e - 13", [loc("Marseille", "13", "FR")]),
        ("Berlin Mitte", [loc("Berlin", None, "DE")]),
        ("Miraflores, Lima", [loc("Lima", None, "PE")]),
        ("Miguel Hidalgo, CDMX", [loc("Ciudad de México", None, "MX")]),
        # A town of its own stays, however close: these are cities, not districts.
        ("Frankfurt am Main", [loc("Frankfurt am Main", None, "DE")]),
        ("Kansas City", [loc("Kansas City", None, "US")]),
        # Two names of one city are one place.
        ("Gurgaon/Gurugram, Noida", [loc("Gurugram", None, "IN"), loc("Noida", None, "IN")]),
        # A city-state's districts are the city-state.
        ("觀塘區", [loc("Hong Kong", None, "HK")]),
        ("Jurong East, Singapore", [loc("Singapore", None, "SG")]),
    ],
)
def test_a_district_is_its_city_and_a_town_stays_itself(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_town_beyond_the_districts_of_the_big_city_beside_it_stays_itself() -> None:
    # Alcobendas is 15 km from Madrid's centre, beyond scrapers.gazetteer.DISTRICT_KM.
    assert parse_locations("Alcobendas, Madrid")[0]["city"] == "Alcobendas"


@pytest.mark.parametrize(
    ("raw", "region", "country"),
    [
        ("경기 성남시 분당구", "경기", "KR"),
        ("神奈川県横浜市西区", "神奈川県", "JP"),
        ("广东省深圳市南山区", "广东省", "CN"),
        ("लखनऊ, उत्तर प्रदेश", "उत्तर प्रदेश", "IN"),
    ],
)
def test_a_region_in_its_own_script_is_read(raw, region, country) -> None:
    from scrapers.normalise.countries import region_of

    (place,) = parse_locations(raw)
    assert (place["region"], place["country"]) == (region, country)
    assert region_of(region) is not None and region_of(region)[1] == country


def test_a_region_is_known_by_its_names_in_other_languages_and_its_kind_word() -> None:
    from scrapers.normalise.countries import region_of

    assert region_of("Bavière") == region_of("Bayern") == ("BY", "DE")
    assert region_of("神奈川県") == region_of("Kanagawa") == ("14", "JP")
    assert region_of("경기") == region_of("경기도") == ("41", "KR")
    assert region_of("County Galway") == region_of("Galway") == ("G", "IE")
    assert region_of("Zug", "CH") == region_of("ZG", "CH") == ("ZG", "CH")
    assert region_of("Zug") is None  # three letters without a country: a code, not a name
    assert region_of("Central Region") is None  # several countries have one


def test_a_page_in_a_language_of_one_country_is_the_hint() -> None:
    from scrapers.normalise.countries import country_of_language

    assert country_of_language("ja") == "JP"
    assert country_of_language("pt-BR") is None and country_of_language("en") is None
    assert country_of_language("nb_NO") == "NO"


def test_the_pipeline_takes_a_one_country_language_as_the_hint() -> None:
    from pipelines.normalise import NormalisePipeline
    from tests.support.inprocess import CRAWL_TIME
    from tests.support.pipelines import pipeline_crawler

    def normalised(**fields) -> dict:
        item = {"url": "https://jobs.example.org/1", "source": "jobposting", "title": "営業"}
        item |= {"crawled_at": CRAWL_TIME, **fields}
        return NormalisePipeline.from_crawler(pipeline_crawler()).process_item(item)

    assert normalised(location_raw="全国", page_language="ja")["locations"] == [
        loc(None, None, "JP")
    ]
    # A language of several countries says nothing: no place.
    assert normalised(location_raw="全国", page_language="zh")["locations"] == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The region beside a city chooses among cities of one name in several countries.
        ("Santiago, Región Metropolitana", "CL"),
        ("Valencia, Carabobo", "VE"),
        ("Córdoba, Veracruz", "MX"),
        ("Zaragoza, Zaragoza provincia", "ES"),
        # Failing any sign, the biggest city of the name: a known city always has its country.
        ("Reading, Berkshire", "GB"),
        ("Frederiksberg", "DK"),
    ],
)
def test_a_known_city_always_gets_a_country(raw: str, expected: str) -> None:
    assert parse_locations(raw)[0]["country"] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "神奈川県川崎市中原区（JR南武線「武蔵小杉駅」徒歩3分）",
            [loc("川崎市", "神奈川県", "JP")],
        ),
        ("İzmir / Bornova", [loc("İzmir", None, "TR")]),
        ("Manchester, Greater Manchester", [loc("Manchester", "Greater Manchester", "GB")]),
        ("北京·海淀区·中关村", [loc("北京", None, "CN")]),
        ("Koramangala, Bengaluru, Karnataka", [loc("Bengaluru", "Karnataka", "IN")]),
        ("Kocaeli(Gebze)", [loc("Gebze", "Kocaeli", "TR")]),
        ("Surry Hills, Sydney NSW", [loc("Sydney", "NSW", "AU")]),
        ("Paris, TX", [loc("Paris", "TX", "US")]),
        ("Porto Alegre - RS", [loc("Porto Alegre", "RS", "BR")]),
        ("Belgrade, RS", [loc("Belgrade", None, "RS")]),
        ("Kochi, IN", [loc("Kochi", None, "IN")]),
        ("Region Hovedstaden", [loc(None, "Region Hovedstaden", "DK")]),
        ("Eschborn bei Frankfurt am Main", [loc("Eschborn", None, "DE")]),
        ("Home-Office", []),
        ("フルリモート", []),
        ("2 Locations", []),
    ],
)
def test_places_as_boards_write_them(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_code_of_the_sites_country_is_its_region() -> None:
    assert parse_locations("Manno TI", hint="CH") == [loc("Manno", "TI", "CH")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("US-PA-Pittsburgh", [loc("Pittsburgh", "PA", "US")]),
        ("Hammersmith, London W6", [loc("London", None, "GB")]),
        ("Ballsbridge, Dublin 4", [loc("Dublin", None, "IE")]),
        ("Victoria Island, Lagos", [loc("Lagos", None, "NG")]),
        ("Palermo, CABA", [loc("Buenos Aires", None, "AR")]),
        ("Scheveningen, Den Haag", [loc("Den Haag", None, "NL")]),
        ("Niterói / RJ", [loc("Niterói", "RJ", "BR")]),
        ("Helsinki / Helsingfors", [loc("Helsinki", None, "FI")]),
        ("Petaling Jaya, Selangor", [loc("Petaling Jaya", "Selangor", "MY")]),
        ("Hajdú-Bihar megye, Debrecen", [loc("Debrecen", "Hajdú-Bihar megye", "HU")]),
        ("경남 창원시 성산구", [loc("창원시", "경남", "KR")]),
        ("東京都 港区", [loc("東京都", None, "JP")]),
        ("92 - Courbevoie", [loc("Courbevoie", "92", "FR")]),
        ("Piaseczno k. Warszawy", [loc("Piaseczno", None, "PL")]),
        ("421 30 Västra Frölunda", [loc("Västra Frölunda", None, "SE")]),
        ("وهران، الجزائر", [loc("وهران", None, "DZ")]),
        ("Berlin, Niemcy", [loc("Berlin", None, "DE")]),
        ("Montana", [loc(None, "MT", "US")]),
        ("100% Home Office", []),
        ("Ospecificerad arbetsort", []),
        ("远程办公（不限城市）", []),
        (
            "【東京本社】東京都中央区日本橋 【大阪支社】大阪府大阪市淀川区西中島",
            [loc("東京都", None, "JP"), loc("大阪市", "大阪府", "JP")],
        ),
    ],
)
def test_more_places_as_boards_write_them(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_place_no_gazetteer_knows_is_in_the_sites_country() -> None:
    assert parse_locations("2800 Kgs. Lyngby", hint="DK") == [loc("Kgs. Lyngby", None, "DK")]
    assert parse_locations("2800 Kgs. Lyngby") == [loc("Kgs. Lyngby", None, None)]


def test_a_region_abbreviation_is_its_region() -> None:
    from scrapers.normalise.countries import region_of

    assert region_of("N.L.", "MX") == region_of("Nuevo León", "MX")
    assert region_of("경남") == region_of("경상남도") == ("48", "KR")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Towns of their own beside a city of under 400,000, or a region named like a city.
        ("Vila Nova de Gaia, Porto", [loc("Vila Nova de Gaia", "Porto", "PT")]),
        ("Viña del Mar, Valparaíso", [loc("Viña del Mar", "Valparaíso", "CL")]),
        ("Salford, Greater Manchester", [loc("Salford", "Greater Manchester", "GB")]),
        # Two cities after a slash are two places; a bigger city is no district of a smaller.
        ("Milano / Roma", [loc("Milano", None, "IT"), loc("Roma", None, "IT")]),
        ("Bursa(Nilüfer)", [loc("Bursa", "Nilüfer", "TR")]),
    ],
)
def test_a_town_of_its_own_stays_itself(raw, expected) -> None:
    assert parse_locations(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Washington, D.C.", [loc("Washington", "DC", "US")]),
        # A town 19 km from Sydney's centre is no district of it, one 3 km away is.
        ("Parramatta, Sydney NSW", [loc("Parramatta", "NSW", "AU")]),
        ("Gqeberha (Port Elizabeth), Eastern Cape", [loc("Gqeberha", "Eastern Cape", "ZA")]),
        ("Saint-Denis (974)", [loc("Saint-Denis", None, "RE")]),
        ("Europe, Moyen-Orient et Afrique", []),
        ("América Latina", []),
        ("Donostia / San Sebastián, País Vasco", [loc("Donostia", "País Vasco", "ES")]),
        ("Ticino (diverse sedi)", [loc(None, "Ticino", "CH")]),
        ("Luxemburg-Kirchberg", [loc("Luxemburg", None, "LU")]),
        ("Brno-střed", [loc("Brno", None, "CZ")]),
        ("彰化縣鹿港鎮", [loc("鹿港鎮", "彰化縣", "TW")]),
        ("新加坡/吉隆坡", [loc("Singapore", None, "SG"), loc("吉隆坡", None, "MY")]),
        # No country for a word of a name, nor for a person's name.
        ("Central Region", [loc("Central Region", None, None)]),
        ("Jordan", [loc("Jordan", None, None)]),
    ],
)
def test_places_of_the_fourth_round(raw, expected) -> None:
    assert parse_locations(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("서울 영등포구", [loc("서울", None, "KR")]),
        ("대전 유성구", [loc("대전", None, "KR")]),
        ("Chapinero, Bogotá, D.C.", [loc("Bogotá", "D.C", "CO")]),
        ("Washington, D.C.", [loc("Washington", "DC", "US")]),
    ],
)
def test_a_ward_is_its_city_and_a_state_code_yields_to_the_citys_country(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_region_named_after_its_city_is_no_city() -> None:
    assert parse_locations("Stryków, Łódź Voivodeship, Poland") == [
        loc("Stryków", "Łódź Voivodeship", "PL")
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("US - SD - Sioux Falls", [loc("Sioux Falls", "SD", "US")]),
        ("United States-Wisconsin-Waukesha", [loc("Waukesha", "WI", "US")]),
        (
            "Chandigarh, Mohali, Panchkula",
            [
                loc("Chandigarh", None, "IN"),
                loc("Mohali", None, "IN"),
                loc("Panchkula", None, "IN"),
            ],
        ),
        (
            "Cluj-Napoca, Oradea, Sibiu",
            [loc("Cluj-Napoca", None, "RO"), loc("Oradea", None, "RO"), loc("Sibiu", None, "RO")],
        ),
        ("Savassi, Belo Horizonte - MG", [loc("Belo Horizonte", "MG", "BR")]),
        ("Italia (Da remoto)", [loc(None, None, "IT")]),
        ("Distans, Sverige", [loc(None, None, "SE")]),
        ("3 localizações", []),
        ("Rad od kuće", []),
        ("гр. Божурище", [loc("Божурище", None, None)]),
        ("Lasnamäe linnaosa, Tallinn", [loc("Tallinn", None, "EE")]),
        ("Kaunas, Kauno apskritis, Lietuva", [loc("Kaunas", "Kauno apskritis", "LT")]),
        ("Hlíðasmári 19, 201 Kópavogur", [loc("Kópavogur", None, "IS")]),
        ("المنصورة، الدقهلية، مصر", [loc("المنصورة", "الدقهلية", "EG")]),
        ("อ.ศรีราชา จ.ชลบุรี", [loc("ศรีราชา", "ชลบุรี", "TH")]),
        # Kalakhang Maynila is Metro Manila's name in Tagalog (region_names.tsv).
        (
            "Kapitolyo, Lungsod ng Pasig, Kalakhang Maynila",
            [loc("Pasig", "Kalakhang Maynila", "PH")],
        ),
        ("Santa Rosa, Calabarzon, Pilipinas", [loc("Santa Rosa", "Calabarzon", "PH")]),
        ("Manisa(Turgutlu)", [loc("Turgutlu", "Manisa", "TR")]),
        ("ባሕር ዳር፣ አማራ ክልል", [loc("ባሕር ዳር", "አማራ ክልል", "ET")]),
        (
            "Paris, Lyon, Marseille",
            [loc("Paris", None, "FR"), loc("Lyon", None, "FR"), loc("Marseille", None, "FR")],
        ),
        ("Mar del Plata, Buenos Aires", [loc("Mar del Plata", "Buenos Aires", "AR")]),
    ],
)
def test_places_of_the_fifth_round(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_word_naming_a_small_town_abroad_is_no_city_of_a_longer_name() -> None:
    assert parse_locations("Tarnowo Podgórne", hint="PL") == [loc("Tarnowo Podgórne", None, "PL")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Field Based", []),
        ("Flexibler Arbeitsort (Remote)", []),
        ("Više lokacija", []),
        ("当社各拠点（希望考慮）", []),
        ("Hyderabad/Secunderabad", [loc("Hyderabad", None, "IN")]),
        ("Porto Alegre/RS", [loc("Porto Alegre", "RS", "BR")]),
        ("Grand-Duché de Luxembourg", [loc(None, None, "LU")]),
        ("경기 용인시 기흥구", [loc("용인시", "경기", "KR")]),
        ("울산 울주군", [loc("울산", None, "KR")]),
        ("Phường Bến Thành, TP. Hồ Chí Minh", [loc("TP. Hồ Chí Minh", None, "VN")]),
    ],
)
def test_places_of_the_sixth_round(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_two_cities_16_km_apart_after_a_slash_are_two_places() -> None:
    assert parse_locations("Arnhem/Nijmegen") == [
        loc("Arnhem", None, "NL"),
        loc("Nijmegen", None, "NL"),
    ]


def test_a_region_is_known_by_its_english_exonym() -> None:
    from scrapers.normalise.countries import region_of

    assert region_of("Sicily") == region_of("Sicilia") == ("82", "IT")
    assert region_of("Lower Saxony") == region_of("Niedersachsen") == ("NI", "DE")
    assert region_of("Basque Country") == region_of("País Vasco")
    assert region_of("Αττική") == region_of("Attica") == ("I", "GR")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ISO 3166-2 lists Slovenia's and North Macedonia's towns as regions: a town alone.
        ("Domžale", [loc("Domžale", None, "SI")]),
        ("Region Hovedstaden", [loc(None, "Region Hovedstaden", "DK")]),
        # "Ciudad de" is part of a name, never a word to drop.
        ("Ciudad de la Costa, Canelones", [loc("Ciudad de la Costa", "Canelones", "UY")]),
    ],
)
def test_towns_that_iso_lists_as_regions_and_names_that_open_with_ciudad(raw, expected) -> None:
    assert parse_locations(raw) == expected


def test_a_region_written_with_two_names() -> None:
    from scrapers.normalise.countries import region_of

    assert region_of("Araba/Álava") == region_of("Álava") == ("VI", "ES")


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        # A name no gazetteer knows is in the country of the city beside it; a name known only
        # abroad beside a big city is its district.
        ("Hyllie, Malmö", None, [loc("Hyllie", "Malmö", "SE")]),
        ("Clifton, Karachi", None, [loc("Karachi", None, "PK")]),
        # A province code of the site's country before a US state's.
        ("Assago (MI)", "IT", [loc("Assago", "MI", "IT")]),
        ("Detroit, MI", "IT", [loc("Detroit", "MI", "US")]),
        ("Lansing, MI", None, [loc("Lansing", "MI", "US")]),
        # Amman in Arabic is Oman's name without its vowel marks.
        ("عمّان - العبدلي", None, [loc("عمّان", "العبدلي", "JO")]),
    ],
)
def test_places_of_the_eighth_round(raw, hint, expected) -> None:
    assert parse_locations(raw, hint=hint) == expected


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        # GeoNames puts Mestre and Lido di Ostia in the comuni of Venice and Rome (admin3), and
        # Surco, Long Island City and Altona are sections (PPLX) of Lima, New York and Hamburg.
        ("Mestre (VE)", "IT", [loc("Venice", "VE", "IT")]),
        ("Mestre", None, [loc("Venice", None, "IT")]),
        ("Lido di Ostia", None, [loc("Rome", None, "IT")]),
        ("Surco", None, [loc("Lima", None, "PE")]),
        ("Long Island City, NY 11101", None, [loc("New York City", "NY", "US")]),
        ("Altona", None, [loc("Hamburg", None, "DE")]),
        # A seat of its own municipality stays itself beside the big city within 10 km.
        ("Paterna, Valencia", None, [loc("Paterna", "Valencia", "ES")]),
    ],
)
def test_a_place_inside_another_municipality_is_that_municipality(raw, hint, expected) -> None:
    assert parse_locations(raw, hint) == expected
