"""Article metadata from page lines: publication time, authors, outlet and the agencies an article relays.

Every word list (months, days, time zones, byline labels, outlets, agencies) comes from the Indonesian
language pack, so the rules below are grammar, not vocabulary. The functions are small and pure so that
the line classifier can ask "is this a dateline?" per line and the page pass can pick among candidates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from ..lang.id import load_lines, load_tsv
from ..model import CitedSource

# ---------------------------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class Dateline:
    """A date (and maybe a time and zone) found in one line; `iso` is what `published` becomes."""

    iso: str
    has_time: bool
    span: tuple[int, int]


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {name.casefold(): int(num) for name, num, *_ in load_tsv("months.tsv")}


@lru_cache(maxsize=1)
def _days() -> dict[str, int]:
    return {name.casefold(): int(num) for name, num, *_ in load_tsv("days.tsv")}


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.casefold(): offset for name, offset, *_ in load_tsv("timezones.tsv")}


def _alt(words: list[str]) -> str:
    """A regex alternation, longest first so 'agustus' wins over 'agu'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """Dateline grammars, compiled once from the month, day and zone tables."""
    month = _alt(list(_months()))
    day = _alt(list(_days()))
    zone = _alt(list(_zones()))
    time = rf"(?:\s*(?:[,|\-–—•/]|pukul|jam|at)?\s*(?:pukul\s*)?(?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})(?:[:.]\d{{2}})?\s*(?P<Z>{zone})?\b)?"
    dayname = rf"(?:(?:{day})\s*,?\s*)?"
    return (
        # Jumat, 14 Agustus 2020, 15:52 WIB / Senin, 02 November 2020 - 09:06 WIB / 23 Feb 2016 15:32
        re.compile(rf"\b{dayname}(?P<d>\d{{1,2}})\s+(?P<mon>{month})\.?\s+(?P<y>(?:19|20)\d{{2}}){time}", re.I),
        # Kompas.com - 10/11/2020, 14:38 WIB / Kamis, 05/11/2015 09:25 WIB (day first, as Indonesia writes)
        re.compile(rf"\b{dayname}(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>(?:19|20)\d{{2}}){time}", re.I),
        # Friday, March 29, 2024 (English page chrome)
        re.compile(rf"\b{dayname}(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}}){time}", re.I),
        # 2020-11-10 14:38
        re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2}))?", re.I),
    )


def find_date(line: str) -> Dateline | None:
    """The first well-formed date in `line`, as ISO 8601 with the zone's offset when one is written."""
    for pattern in _date_patterns():
        for m in pattern.finditer(line):
            g = m.groupdict()
            month = _months().get(g["mon"].casefold()) if g.get("mon") else int(g["m"])
            try:
                day = date(int(g["y"]), month or 0, int(g["d"]))
            except (ValueError, TypeError):
                continue
            if g.get("H") is None or int(g["H"]) > 23 or int(g["M"]) > 59:
                return Dateline(day.isoformat(), False, m.span())
            offset = _zones().get((g.get("Z") or "").casefold(), "")
            iso = f"{day.isoformat()}T{int(g['H']):02d}:{int(g['M']):02d}:00{offset}"
            return Dateline(iso, True, m.span())
    return None


_DATELINE_REST = re.compile(r"[\W_]+")


def parse_dateline(line: str) -> Dateline | None:
    """A date when the line is *about* the date (a dateline), not a sentence that mentions one.

    What is left once the date is cut out must be short: an outlet name, "Diterbitkan", a bullet.
    """
    if len(line) > 90:
        return None
    found = find_date(line)
    if found is None:
        return None
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    rest_words = _DATELINE_REST.sub(" ", rest).split()
    if len(rest_words) > 4:
        return None
    return found


# -------------------------------------------------------------------------------------------- bylines


@lru_cache(maxsize=1)
def _byline_re() -> re.Pattern[str]:
    """`LABEL: names` or `LABEL names`, label from byline_cues.txt."""
    labels = [line.split("\t")[-1].strip() for line in load_lines("byline_cues.txt")]
    return re.compile(rf"^[\s•·|\-–—]*(?P<label>{_alt(labels)})\b\s*(?P<colon>[:：\-–—|/])?\s*(?P<rest>.*)$", re.I)


@lru_cache(maxsize=1)
def _byline_roles() -> dict[str, str]:
    out = {}
    for line in load_lines("byline_cues.txt"):
        role, _, label = line.partition("\t")
        out[label.strip().casefold()] = role.strip()
    return out


_NAME_TOKEN = re.compile(r"^[A-ZÀ-Ý][\w'’.\-]*$|^(?:bin|binti|van|von|de|da|al|el|der|di)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|;|\band\b|\bdan\b)\s*")
_DIGIT = re.compile(r"\d")


def is_name(text: str) -> bool:
    """Looks like a person's name: one to six capitalised words, no digits, no sentence punctuation."""
    text = text.strip()
    if not text or len(text) > 60 or _DIGIT.search(text) or text[-1] in "!?:" or text.endswith(".."):
        return False
    words = text.split()
    return 1 <= len(words) <= 6 and all(_NAME_TOKEN.match(w) for w in words)


def split_names(text: str) -> list[str]:
    """'A, B dan C' -> three names; anything that is not a name is dropped."""
    return [part.strip(" .") for part in _NAME_SPLIT.split(text) if is_name(part.strip(" ."))]


@dataclass(frozen=True)
class Byline:
    role: str  # "author" or "editor"
    names: tuple[str, ...]
    label_only: bool  # "Penulis" alone on a line: the name is on a neighbouring line


def parse_byline(line: str) -> Byline | None:
    """Read a byline: 'LAPORAN: RENI ERINA', 'Penulis: A | Editor: B', 'Oleh Budi Santoso', 'Penulis'.

    A label that is also a common word ('oleh', 'by', 'foto') needs a colon or a name right after it, so
    'Oleh karena itu, ...' stays prose.
    """
    if len(line) > 160:
        return None
    parts = [p for p in re.split(r"\s*[|•·]\s*|\s{2,}", line) if p.strip()]
    role, names, label_only, seen = "author", [], False, False
    for part in parts:
        m = _byline_re().match(part)
        if not m:
            if seen and is_name(part):
                names.extend(split_names(part))
            continue
        rest = m.group("rest").strip()
        label = m.group("label").casefold()
        this_role = _byline_roles().get(label, "author")
        if not rest:
            if part.strip(" :•·|-–—").casefold() == label:
                role, label_only, seen = this_role, True, True
            continue
        if not m.group("colon") and label in {"oleh", "by", "foto", "author", "writer", "editing"} and not is_name(rest):
            continue
        found = split_names(rest)
        if not found:
            continue
        seen = True
        if this_role == "author":
            role = "author"
            names.extend(found)
        elif not names:
            role = this_role
    if not seen:
        return None
    return Byline(role, tuple(dict.fromkeys(names)) if role == "author" else (), label_only and not names)


# --------------------------------------------------------------------------------------------- outlet


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Domain table (casefolded) and one regex of the case-sensitive page-name aliases."""
    domains: dict[str, str] = {}
    names: dict[str, str] = {}
    for alias, outlet, *_ in load_tsv("outlets.tsv"):
        if "." in alias and " " not in alias and alias == alias.lower():
            domains[alias] = outlet
        else:
            names[alias] = outlet
    pattern = re.compile(rf"(?<![\w.]){_alt(list(names))}(?![\w])") if names else None
    return {**domains, **{k.casefold(): v for k, v in names.items() if "." in k}}, pattern


_SECOND_LEVEL = {"co", "or", "go", "ac", "web", "my", "sch", "com", "net", "org", "gov", "edu", "ne"}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's domain from a URL: 'https://news.detik.com/x' -> 'detik.com'."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    except ValueError:
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    if not host or "." not in host:
        return None
    domains, _ = _outlets()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in domains:
            return domains[candidate]
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_DOMAIN_IN_TEXT = re.compile(r"\b([A-Za-z0-9-]{2,}\.(?:com|co\.id|id|net|org|co|tv|news))\b", re.I)


def outlet_from_lines(lines: list[str]) -> str | None:
    """The outlet a page names most often (known outlet names first, any domain-like name second).

    Known names are preferred because pages also print ad networks and partner domains; counting
    keeps one stray mention from winning over the outlet's own footer and dateline.
    """
    domains, pattern = _outlets()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        for m in _DOMAIN_IN_TEXT.finditer(line):
            outlet = domains.get(m.group(1).casefold())
            if outlet:
                counts[outlet] = counts.get(outlet, 0) + 1
                first.setdefault(outlet, i)
        if pattern is not None:
            for m in pattern.finditer(line):
                outlet = _outlets_names()[m.group(0)]
                counts[outlet] = counts.get(outlet, 0) + 1
                first.setdefault(outlet, i)
    if counts:
        return max(counts, key=lambda o: (counts[o], -first[o]))
    for line in lines[:8] + lines[-8:]:
        m = _DOMAIN_IN_TEXT.search(line)
        if m:
            return m.group(1).casefold()
    return None


@lru_cache(maxsize=1)
def _outlets_names() -> dict[str, str]:
    return {alias: outlet for alias, outlet, *_ in load_tsv("outlets.tsv")}


# ------------------------------------------------------------------------------------- cited sources


def fold(text: str) -> str:
    """Case and accents folded, for table look-ups ('Yeni Şafak' == 'yeni safak')."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    return {fold(alias): canonical for alias, canonical, *_ in load_tsv("agencies.tsv")}


def canonical_agency(name: str) -> str | None:
    """The agency table's canonical name for `name`, or None when it is not a known agency."""
    return _agencies().get(fold(name))


# Cue, optional lowercase filler ("kantor berita negara", "laman"), then a capitalised name.
_NAME = r"(?P<name>(?:[A-Z][\w.\-’']*|[A-Z]{2,})(?:\s+(?:[A-Z][\w.\-’']*|of|the|de|al|el|&))*)"
_FILLER = r"(?:(?:kantor berita|agensi berita|media|surat kabar|harian|situs(?: berita)?|laman(?: berita)?|portal(?: berita)?|stasiun (?:televisi|tv)|televisi|jaringan berita|outlet(?: berita)?|negara|pemerintah|resmi|milik pemerintah|dari|oleh|asal \w+|\w+ berbahasa \w+)\s+)*"
_STRONG_CUES = re.compile(
    rf"\b(?i:dikutip|mengutip|dilansir|melansir|lansir|kutip)\s+{_FILLER}{_NAME}"
)
_AGENCY_CUES = re.compile(
    rf"\b(?i:menurut|kata|laporan|lapor|via|kepada|dari|dilaporkan|diberitakan|diwartakan|melaporkan)\s+{_FILLER}{_NAME}"
)
_SOURCE_LINE = re.compile(rf"^\(?\s*(?i:sumber(?: berita)?|source)\s*:\s*{_NAME}")
_KANTOR_BERITA = re.compile(rf"(?i:kantor berita)\s+(?:(?i:negara|pemerintah|resmi|\w+ milik negara)\s+)*{_NAME}")


@lru_cache(maxsize=1)
def _not_source_words() -> frozenset[str]:
    """Words that end a captured name: day and month names ('Daily Sabah Senin (9/11)')."""
    return frozenset(list(_days()) + list(_months()))


@lru_cache(maxsize=1)
def _person_openers() -> frozenset[str]:
    """First words that make a name a person or an office, not an outlet ('mengutip Presiden ...')."""
    return frozenset(fold(w) for w in load_lines("not_sources.txt"))


def _trim_name(name: str) -> str:
    """Cut a captured name at the first day/month word ('Daily Sabah Senin' -> 'Daily Sabah')."""
    words = name.split()
    out = []
    for w in words:
        if w.casefold().strip(".,") in _not_source_words():
            break
        out.append(w)
    return " ".join(out).strip(" .,-’'")


def find_cited_sources(lines: list[str], meta_lines: list[str] = ()) -> list[CitedSource]:  # type: ignore[assignment]
    """Agencies and outlets the article relays, with canonical names from the agency table.

    After a strong cue ('dikutip dari', 'dilansir', 'kantor berita') any capitalised name counts; after
    a weak one ('menurut', 'kata') only a name in the agency table does, so 'menurut Prabowo' is not a
    source. 'Sumber: X' lines count whatever X is.
    """
    found: dict[str, CitedSource] = {}

    def add(raw: str, need_known: bool) -> None:
        name = _trim_name(raw)
        if not name or len(name.split()) > 5 or fold(name.split()[0]) in _person_openers():
            return
        canonical = canonical_agency(name)
        if canonical is None:
            # "Anadolu Agency (AA)": the longest known prefix counts
            words = name.split()
            for k in range(len(words) - 1, 0, -1):
                canonical = canonical_agency(" ".join(words[:k]))
                if canonical:
                    name = " ".join(words[:k])
                    break
        if canonical is None:
            if need_known:
                return
            canonical = name
        found.setdefault(fold(canonical), CitedSource(text=name, canonical=canonical))

    for line in lines:
        for m in _KANTOR_BERITA.finditer(line):
            add(m.group("name"), need_known=False)
        for m in _STRONG_CUES.finditer(line):
            add(m.group("name"), need_known=False)
        for m in _AGENCY_CUES.finditer(line):
            add(m.group("name"), need_known=True)
    for line in meta_lines:
        m = _SOURCE_LINE.match(line)
        if m:
            add(m.group("name"), need_known=False)
    return list(found.values())


def is_source_line(line: str) -> bool:
    """'Sumber: Daily Sabah' — metadata, not body."""
    return bool(_SOURCE_LINE.match(line)) and len(line) < 80


__all__ = [
    "Byline", "Dateline", "canonical_agency", "find_cited_sources", "find_date", "fold", "is_name",
    "is_source_line", "outlet_from_lines", "outlet_from_url", "parse_byline", "parse_dateline", "split_names",
]
