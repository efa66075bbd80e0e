"""Shared lookup data for the normalisers: countries, US states, Canadian provinces, major cities.

Tables are kept as plain text so that adding a name is a one-line data change; they are parsed once
at import into dicts keyed by `fold()`ed names, so lookups ignore case, accents and spacing.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Países Bajos" and "paises  bajos" must meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


# ISO 3166-1 alpha-2, as in tzdata's iso3166.tab.
_ISO_CODES_TEXT = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
ISO_CODES: frozenset[str] = frozenset(_ISO_CODES_TEXT.split())

# Codes people write that are not the ISO code of the country they mean.
CODE_ALIASES: dict[str, str] = {"UK": "GB", "EL": "GR"}

# ISO code, then names in en / fr / de / es / pt / nl / it (duplicates across languages are fine).
# A code may take several lines.
# Georgia (GE) is deliberately absent: "Atlanta, Georgia" (the US state) is far more common in
# postings than the country.
_COUNTRY_NAMES = """
AE United Arab Emirates|UAE|Émirats arabes unis|Vereinigte Arabische Emirate|Emiratos Árabes Unidos
AE Emirados Árabes Unidos|Verenigde Arabische Emiraten|Emirati Arabi Uniti
AR Argentina|Argentine|Argentinien|Argentinië
AT Austria|Autriche|Österreich|Oostenrijk
AU Australia|Australie|Australien|Austrália|Australië
BE Belgium|Belgique|Belgien|Bélgica|België|Belgio
BG Bulgaria|Bulgarie|Bulgarien|Bulgária|Bulgarije
BR Brazil|Brésil|Brasilien|Brasil|Brazilië|Brasile
BY Belarus|Biélorussie|Weißrussland|Bielorrusia|Bielorrússia|Wit-Rusland|Bielorussia
CA Canada|Kanada|Canadá
CH Switzerland|Suisse|Schweiz|Suiza|Suíça|Zwitserland|Svizzera
CL Chile|Chili|Cile
CN China|Chine|Cina
CO Colombia|Colombie|Kolumbien|Colômbia
CR Costa Rica
CY Cyprus|Chypre|Zypern|Chipre|Cipro
CZ Czech Republic|Czechia|République tchèque|Tchéquie|Tschechien|Tschechische Republik
CZ República Checa|Chequia|Chéquia|República Tcheca|Tsjechië|Repubblica Ceca
DE Germany|Allemagne|Deutschland|Alemania|Alemanha|Duitsland|Germania
DK Denmark|Danemark|Dänemark|Dinamarca|Denemarken|Danimarca|Danmark
EE Estonia|Estonie|Estland|Estônia|Estónia
EG Egypt|Égypte|Ägypten|Egipto|Egito|Egypte|Egitto
ES Spain|Espagne|Spanien|España|Espanha|Spanje|Spagna
FI Finland|Finlande|Finnland|Finlandia|Finlândia
FR France|Frankreich|Francia|França|Frankrijk
GB United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|Royaume-Uni
GB Angleterre|Écosse|Vereinigtes Königreich|Großbritannien|Reino Unido|Inglaterra
GB Verenigd Koninkrijk|Engeland|Regno Unito|Inghilterra
GR Greece|Grèce|Griechenland|Grecia|Grécia|Griekenland
HK Hong Kong
HR Croatia|Croatie|Kroatien|Croacia|Croácia|Kroatië|Croazia
HU Hungary|Hongrie|Ungarn|Hungría|Hungria|Hongarije|Ungheria
ID Indonesia|Indonésie|Indonesien|Indonésia|Indonesië
IE Ireland|Irlande|Irland|Irlanda|Ierland
IL Israel|Israël|Israele
IN India|Inde|Indien|Índia|Indië
IS Iceland|Islande|Islandia|Islândia|IJsland|Islanda
IT Italy|Italie|Italien|Italia|Itália|Italië
JP Japan|Japon|Japón|Japão|Giappone|日本
KE Kenya|Kenia|Quénia|Quênia
KR South Korea|Korea|Republic of Korea|Corée du Sud|Südkorea|Corea del Sur|Coreia do Sul|Zuid-Korea
KR Corea del Sud
LT Lithuania|Lituanie|Litauen|Lituania|Lituânia|Litouwen
LU Luxembourg|Luxemburg|Luxemburgo|Lussemburgo
LV Latvia|Lettonie|Lettland|Letonia|Letónia|Letônia|Letland|Lettonia
MA Morocco|Maroc|Marokko|Marruecos|Marrocos|Marocco
MT Malta|Malte
MX Mexico|Mexique|Mexiko|México|Messico
MY Malaysia|Malaisie|Malasia|Malásia|Maleisië|Malesia
NG Nigeria|Nigéria
NL Netherlands|The Netherlands|Holland|Pays-Bas|Niederlande|Países Bajos|Países Baixos|Holanda
NL Nederland|Paesi Bassi|Olanda
NO Norway|Norvège|Norwegen|Noruega|Noorwegen|Norvegia|Norge
NZ New Zealand|Nouvelle-Zélande|Neuseeland|Nueva Zelanda|Nova Zelândia|Nieuw-Zeeland|Nuova Zelanda
PE Peru|Pérou|Perú
PH Philippines|Philippinen|Filipinas|Filipijnen|Filippine
PK Pakistan|Paquistán|Paquistão
PL Poland|Pologne|Polen|Polonia|Polônia|Polónia|Polska
PT Portugal|Portogallo
RO Romania|Roumanie|Rumänien|Rumania|Roménia|Romênia|Roemenië
RS Serbia|Serbie|Serbien|Sérvia|Servië
SA Saudi Arabia|Arabie saoudite|Saudi-Arabien|Arabia Saudita|Arábia Saudita|Saoedi-Arabië
SE Sweden|Suède|Schweden|Suecia|Suécia|Zweden|Svezia|Sverige
SG Singapore|Singapour|Singapur|Singapura
SI Slovenia|Slovénie|Slowenien|Eslovenia|Eslovênia|Eslovénia|Slovenië
SK Slovakia|Slovaquie|Slowakei|Eslovaquia|Eslováquia|Slowakije|Slovacchia
TH Thailand|Thaïlande|Tailandia|Tailândia|Thailandia
TR Turkey|Türkiye|Turquie|Türkei|Turquía|Turquia|Turkije|Turchia
TW Taiwan|Taïwan|Taiwán
UA Ukraine|Ucrania|Ucrânia|Oekraïne|Ucraina
US United States|United States of America|USA|U.S.|U.S.A.|US of A|États-Unis|Vereinigte Staaten
US Estados Unidos|EE. UU.|EE.UU.|EEUU|EUA|Verenigde Staten|Stati Uniti
UY Uruguay
VN Vietnam|Viêt Nam|Viêt-nam
ZA South Africa|Afrique du Sud|Südafrika|Sudáfrica|África do Sul|Zuid-Afrika|Sudafrica
"""

# Postal code, then names. Region output is the postal code.
_US_STATES = """
AL Alabama
AK Alaska
AZ Arizona
AR Arkansas
CA California|Californie|Kalifornien
CO Colorado
CT Connecticut
DE Delaware
DC District of Columbia|Washington DC|Washington D.C.
FL Florida|Floride
GA Georgia|Géorgie
HI Hawaii
ID Idaho
IL Illinois
IN Indiana
IA Iowa
KS Kansas
KY Kentucky
LA Louisiana|Louisiane
ME Maine
MD Maryland
MA Massachusetts
MI Michigan
MN Minnesota
MS Mississippi
MO Missouri
MT Montana
NE Nebraska
NV Nevada
NH New Hampshire
NJ New Jersey
NM New Mexico
NY New York|New York State
NC North Carolina|Caroline du Nord
ND North Dakota
OH Ohio
OK Oklahoma
OR Oregon
PA Pennsylvania|Pennsylvanie
RI Rhode Island
SC South Carolina|Caroline du Sud
SD South Dakota
TN Tennessee
TX Texas
UT Utah
VT Vermont
VA Virginia|Virginie
WA Washington|Washington State
WV West Virginia
WI Wisconsin
WY Wyoming
PR Puerto Rico
"""

_CA_PROVINCES = """
AB Alberta
BC British Columbia|Colombie-Britannique
MB Manitoba
NB New Brunswick|Nouveau-Brunswick
NL Newfoundland and Labrador|Terre-Neuve-et-Labrador
NS Nova Scotia|Nouvelle-Écosse
NT Northwest Territories|Territoires du Nord-Ouest
NU Nunavut
ON Ontario
PE Prince Edward Island|Île-du-Prince-Édouard
QC Quebec|Québec
SK Saskatchewan
YT Yukon
"""

# Country code, then major job-market cities and their local / other-language spellings. Only
# names that are not ambiguous in practice (no Cambridge, Santiago, Portland): the table is used
# only when the location gives no country or region of its own.
_CITIES = """
US New York|New York City|NYC|San Francisco|SF|Los Angeles|Chicago|Seattle|Boston|Austin|Denver
US Atlanta|Miami|Dallas|Houston|Philadelphia|Washington DC|San Diego|San Jose|Palo Alto
US Mountain View|Menlo Park|Sunnyvale|Pittsburgh|Minneapolis|Phoenix|Salt Lake City|Nashville
US Raleigh
CA Toronto|Montreal|Montréal|Vancouver|Ottawa|Calgary
GB London|Londres|Londen|Londra|Manchester|Edinburgh|Édimbourg|Glasgow|Bristol|Leeds
IE Dublin|Dublín|Dublino|Cork
FR Paris|Parigi|Parijs|Lyon|Lione|Marseille|Marsella|Toulouse|Bordeaux|Burdeos|Nantes|Lille
FR Montpellier|Strasbourg|Straßburg|Nice|Rennes|Grenoble|Sophia Antipolis
DE Berlin|Berlín|Berlijn|Berlino|Munich|München|Múnich|Monaco di Baviera|Hamburg|Hambourg|Hamburgo
DE Amburgo|Frankfurt|Frankfurt am Main|Francfort|Fráncfort|Cologne|Köln|Colonia|Keulen|Stuttgart
DE Düsseldorf|Leipzig|Dresden|Nuremberg|Nürnberg|Karlsruhe
NL Amsterdam|Ámsterdam|Amsterdão|Rotterdam|The Hague|Den Haag|La Haye|Utrecht|Eindhoven
BE Brussels|Bruxelles|Brüssel|Bruselas|Bruxelas|Brussel|Antwerp|Anvers|Antwerpen|Ghent|Gand|Gent
LU Luxembourg City|Ville de Luxembourg
CH Zurich|Zürich|Geneva|Genève|Genf|Ginebra|Ginevra|Basel|Bâle|Lausanne|Bern|Berne
AT Vienna|Vienne|Wien|Viena|Graz
ES Madrid|Barcelona|Barcelone|Barcellona|Valencia|Seville|Sevilla|Séville|Málaga|Bilbao
PT Lisbon|Lisbonne|Lissabon|Lisboa|Lisbona|Porto|Oporto|Braga
IT Milan|Milano|Mailand|Milán|Milão|Rome|Roma|Rom|Turin|Torino|Bologna|Florence|Firenze|Naples
IT Napoli
DK Copenhagen|Copenhague|Kopenhagen|København|Aarhus
SE Stockholm|Estocolmo|Gothenburg|Göteborg|Malmö|Uppsala
NO Oslo
FI Helsinki|Helsingfors
PL Warsaw|Varsovie|Warschau|Varsovia|Warszawa|Krakow|Kraków|Cracovie|Wrocław|Wroclaw|Gdańsk|Gdansk
PL Poznań|Poznan|Łódź|Lodz|Katowice
CZ Prague|Prag|Praga|Praha|Brno
HU Budapest
RO Bucharest|Bucarest|Bukarest|București|Bucuresti|Cluj-Napoca
GR Athens|Athènes|Athen|Atenas|Atene
EE Tallinn
LT Vilnius
LV Riga
UA Kyiv|Kiev|Lviv
TR Istanbul|İstanbul|Estambul
IL Tel Aviv|Tel Aviv-Yafo
AE Dubai|Abu Dhabi
IN Bangalore|Bengaluru|Mumbai|Hyderabad|Pune|Chennai|Gurgaon|Gurugram|Noida|New Delhi
SG Singapore|Singapour|Singapur
HK Hong Kong
JP Tokyo|Tokio|Tóquio|Osaka|Kyoto|東京|東京都|大阪|京都|福岡|Fukuoka
KR Seoul|Séoul|Seúl
CN Beijing|Shanghai|Shenzhen
TW Taipei
AU Sydney|Melbourne|Brisbane|Perth|Adelaide
NZ Auckland|Wellington
BR São Paulo|Sao Paulo|Rio de Janeiro|Belo Horizonte|Florianópolis
MX Mexico City|Ciudad de México|CDMX|Guadalajara|Monterrey
AR Buenos Aires
CO Bogotá|Bogota|Medellín|Medellin
CL Santiago de Chile
ZA Cape Town|Johannesburg
NG Lagos
KE Nairobi
EG Cairo
"""


def _parse_table(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        code, _, names = line.partition(" ")
        for name in names.split("|"):
            table[fold(name)] = code
    return table


COUNTRY_BY_NAME: dict[str, str] = _parse_table(_COUNTRY_NAMES)
US_STATE_BY_NAME: dict[str, str] = _parse_table(_US_STATES)
CA_PROVINCE_BY_NAME: dict[str, str] = _parse_table(_CA_PROVINCES)
US_STATE_CODES: frozenset[str] = frozenset(US_STATE_BY_NAME.values())
CA_PROVINCE_CODES: frozenset[str] = frozenset(CA_PROVINCE_BY_NAME.values())
COUNTRY_BY_CITY: dict[str, str] = _parse_table(_CITIES)


def country_from_name(text: str) -> str | None:
    """ISO code for a country name in any of the tabled languages ("Allemagne" -> "DE")."""
    return COUNTRY_BY_NAME.get(fold(text))


def country_from_code(text: str) -> str | None:
    """ISO code for a written code; only upper case counts ("de" is a word, "DE" a code)."""
    code = text.strip().rstrip(".")
    if len(code) != 2 or not code.isupper():
        return None
    code = CODE_ALIASES.get(code, code)
    return code if code in ISO_CODES else None


def subdivision(text: str) -> tuple[str, str] | None:
    """(region code, country) for a US state or Canadian province, written as a code or a name."""
    stripped = text.strip().rstrip(".")
    if len(stripped) == 2 and stripped.isupper():
        if stripped in US_STATE_CODES:
            return stripped, "US"
        if stripped in CA_PROVINCE_CODES:
            return stripped, "CA"
        return None
    key = fold(stripped)
    if key in US_STATE_BY_NAME:
        return US_STATE_BY_NAME[key], "US"
    if key in CA_PROVINCE_BY_NAME:
        return CA_PROVINCE_BY_NAME[key], "CA"
    return None


def country_from_city(text: str) -> str | None:
    return COUNTRY_BY_CITY.get(fold(text))
