"""The knowledge base at run time: entries and aliases read from the shipped data files.

Loading is cheap on purpose (well under a second): entries stay as raw JSON lines until asked for, and the
Aho-Corasick automaton over all aliases is built only when the linker first scans a text. Nothing here
needs GeoNames or the Phoenix dictionaries; `kb/build.py` turned them into the two files read below.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .fold import fold_key

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class KBEntry:
    """One actor, organisation or place: stable id, English canonical name, type and what disambiguates it."""

    id: str
    name: str
    type: str  # PER, ORG, GPE, LOC
    kind: str  # country, city, admin, place, region, person, institution, bare_institution, igo, outlet, ...
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    pop: int | None = None
    capital_of: str | None = None
    within: tuple[str, ...] = ()
    roles: tuple[tuple[str, str, str | None, str | None], ...] = ()
    curated: bool = False
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def active(self, when: str | None, role: str | None = None, org: str | None = None) -> bool:
        """Whether a role (any, or the one named) was held on `when` (ISO date; None = now)."""
        return any(
            (role is None or r[0] == role) and (org is None or r[1] == org) and _in_range(when, r[2], r[3])
            for r in self.roles
        )

    def last_active(self) -> str | None:
        """The end of the latest role ('9999' while in office), None without roles."""
        if not self.roles:
            return None
        return max((r[3] or "9999") for r in self.roles)


@dataclass(frozen=True)
class AliasHit:
    """One knowledge-base entry an alias names, with the alias's priority and flags.

    flags: c = acronym, matches only in capitals; w = also an ordinary Indonesian word, matches only
    when capitalised mid-sentence; s = a single name (surname) of a person.
    """

    id: str
    prio: int
    flags: str


def _in_range(when: str | None, start: str | None, end: str | None) -> bool:
    if when is None:
        return end is None
    when = when[:10]
    return (start is None or start[: len(when)] <= when) and (end is None or when <= end)


class KnowledgeBase:
    """Entries by id, aliases by folded key, and (lazily) one automaton over every alias."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir
        self._raw: dict[str, str] = {}
        self._entries: dict[str, KBEntry] = {}
        self.aliases: dict[str, list[AliasHit]] = {}
        self._automaton: Any = None
        self._by_country: dict[str, list[tuple[str, str]]] | None = None
        self._load()

    def _load(self) -> None:
        entries = self.data_dir / "entries.jsonl.gz"
        aliases = self.data_dir / "aliases.tsv.gz"
        for p in (entries, aliases):
            if not p.exists():
                raise FileNotFoundError(f"knowledge base file missing: {p} (rebuild it with `make kb`)")
        with gzip.open(entries, "rt", encoding="utf-8") as f:
            for line in f:
                # Lines start with {"id":"..." (the build writes id first): no JSON parse until asked.
                end = line.index('"', 7)
                self._raw[line[7:end]] = line
        # "key<TAB>id,prio,flags;..." per line; hits are parsed on first use of a key.
        with gzip.open(aliases, "rt", encoding="utf-8") as f:
            self._alias_raw: dict[str, str] = dict(line.rstrip("\n").split("\t", 1) for line in f)
        self.aliases = {}

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, eid: str) -> bool:
        return eid in self._raw

    def get(self, eid: str | None) -> KBEntry | None:
        """The entry with this id, or None."""
        if eid is None:
            return None
        e = self._entries.get(eid)
        if e is None:
            raw = self._raw.get(eid)
            if raw is None:
                return None
            d = json.loads(raw)
            e = KBEntry(
                id=d["id"], name=d["name"], type=d["type"], kind=d.get("kind", ""), country=d.get("country"),
                lat=d.get("lat"), lon=d.get("lon"), pop=d.get("pop"), capital_of=d.get("capital_of"),
                within=tuple(d.get("within") or ()),
                roles=tuple(tuple(r) for r in d.get("roles") or ()),  # type: ignore[misc]
                curated=bool(d.get("curated")), data=d,
            )
            self._entries[eid] = e
        return e

    def hits(self, key: str) -> list[AliasHit]:
        """Alias hits for a folded key (see `fold_key`)."""
        got = self.aliases.get(key)
        if got is None:
            raw = self._alias_raw.get(key)
            if raw is None:
                return []
            got = []
            for part in raw.split(";"):
                eid, prio, flags = part.rsplit(",", 2)
                got.append(AliasHit(eid, int(prio), flags))
            self.aliases[key] = got
        return got

    def lookup(self, text: str, *, when: str | None = None, types: set[str] | None = None) -> list[KBEntry]:
        """Entries an exact name (any alias, accents and case ignored) may denote, most likely first.

        Ranked by alias priority, then whether the person held office on `when`, then population: the
        same order the linker starts from before it looks at context.
        """
        out = []
        for hit in self.hits(fold_key(text)):
            e = self.get(hit.id)
            if e is None or (types and e.type not in types):
                continue
            out.append((self.prior(e, hit, when), e))
        out.sort(key=lambda t: -t[0])
        return [e for _, e in out]

    def prior(self, e: KBEntry, hit: AliasHit, when: str | None) -> float:
        """Context-free plausibility of `e` for a mention matched through `hit` on date `when`."""
        s = hit.prio * 10.0
        s += {"country": 9, "region": 5, "place": 5, "institution": 3, "igo": 2, "agency": 3, "outlet": 3}.get(
            e.kind, 0)
        if e.curated:
            s += 5
        if e.capital_of:
            s += 5
        if e.pop:
            s += min(math.log10(max(e.pop, 1)), 7.0)
        if e.type == "PER":
            if e.active(when):
                s += 8
            elif when and (e.last_active() or "0000") < str(int(when[:4]) - 6):
                s -= 6
        if "s" in hit.flags:
            s -= 8
        return s

    def automaton(self) -> Any:
        """An Aho-Corasick automaton over every alias key (built once, on first use)."""
        if self._automaton is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for key in self._alias_raw:
                a.add_word(key, key)
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def scan(self, folded: str, bounds: frozenset[int] | set[int] = frozenset()) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) of every alias occurring in `folded` on word boundaries.

        `bounds` adds offsets that count as word boundaries inside glued words ("dilansirAFP": 8).
        """
        n = len(folded)
        for last, key in self.automaton().iter(folded):
            start = last - len(key) + 1
            if (start == 0 or folded[start - 1] == " " or start in bounds) and (
                last + 1 == n or folded[last + 1] == " " or last + 1 in bounds
            ):
                yield start, last + 1, key

    def places_in(self, country: str) -> list[tuple[str, str]]:
        """(alias key, id) of the places of one country, for fuzzy matching anchored on the article."""
        if self._by_country is None:
            idx: dict[str, list[tuple[str, str]]] = {}
            geo = {"city", "admin", "place", "region", "country"}
            for key in self._alias_raw:
                for h in self.hits(key):
                    raw = self._raw.get(h.id, "")
                    m = raw.find('"country":"')
                    if m < 0 or '"type":"ORG"' in raw or '"type":"PER"' in raw:
                        continue
                    c = raw[m + 11 : m + 14]
                    kind_at = raw.find('"kind":"')
                    kind = raw[kind_at + 8 : raw.find('"', kind_at + 8)] if kind_at >= 0 else ""
                    if kind in geo:
                        idx.setdefault(c, []).append((key, h.id))
            self._by_country = idx
        return self._by_country.get(country, [])


@cache
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return KnowledgeBase()
