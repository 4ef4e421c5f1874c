"""Entity linking: find the names in an article's body and tie each to a knowledge-base entry.

Candidates come from two places: the NER spans of the spaCy Doc (when the shipped pipeline has an NER)
and one Aho-Corasick pass of every knowledge-base alias over the folded body, so linking works from the
knowledge base alone before (or without) a trained NER. Each candidate is then disambiguated by:

- type (an NER label PER/ORG/LOC prefers entries of that type),
- context (places inside a country or region the article names elsewhere win: Martuni in Nagorno-Karabakh
  over Martuni in Armenia when the article is about Karabakh; Georgia the country over the US state),
- date (people in office on the publication date win; "Aliyev" in 2020 is Ilham, not Heydar),
- in-document coreference ("Aliyev" after "Ilham Aliyev"; "Kemenhan" after "Kementerian Pertahanan
  Azerbaijan"), with fuzzy matching of misspellings anchored on names already in the article ("Alivev"),
- metonymy (a capital acting as the subject, "Ankara memperingatkan Yerevan", stands for its country).

Offsets index `art.body` exactly, because the fold keeps one character per character.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..kb.fold import fold_key, fold_text
from ..kb.roles import split_title
from ..kb.store import DATA_DIR, AliasHit, KBEntry, KnowledgeBase, load_kb
from ..model import Article, Entity

_SENT_END = set(".!?:;\"“”'‘’\n|•")
_GEO_KINDS = {"country", "city", "admin", "place", "region"}


@cache
def cues() -> dict[str, frozenset[str]]:
    """Cue word lists of `kb/data/link_cues.tsv`, folded."""
    out: dict[str, set[str]] = {}
    for line in (DATA_DIR / "link_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, words = line.split("\t", 1)
        out.setdefault(kind.strip(), set()).update(fold_key(w) for w in words.split("|") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@dataclass
class Mention:
    """A span of the body with the entry it names (None: a name the knowledge base does not know)."""

    start: int
    end: int
    type: str
    entry: KBEntry | None = None
    label: str | None = None  # NER label, if the span came from (or agrees with) the NER
    hits: tuple[AliasHit, ...] = ()
    surname_only: bool = False


def article_date(art: Article) -> str | None:
    """The publication date (YYYY-MM-DD) that roles and offices are resolved against."""
    p = (art.published or "").strip()
    return p[:10] if len(p) >= 4 and p[:4].isdigit() else None


def _sentence_initial(body: str, start: int) -> bool:
    """Whether a word starts a sentence (or a line), where Indonesian capitalises any word."""
    i = start - 1
    while i >= 0 and (body[i].isspace() or body[i] in "(“\"'‘-–—"):
        if body[i] == "\n":
            return True
        i -= 1
    return i < 0 or body[i] in _SENT_END


def _neighbour_capitalised(body: str, start: int, end: int) -> bool:
    """A capitalised word right before or after: the match is one word of a longer name ("Kerja Sama")."""
    j = start - 1
    while j >= 0 and body[j] in " \t\xa0":
        j -= 1
    k = j
    while k >= 0 and body[k].isalpha():
        k -= 1
    before = body[k + 1 : j + 1]
    if before and before[0].isupper() and not _sentence_initial(body, k + 1):
        return True
    m = end
    while m < len(body) and body[m] in " \t\xa0":
        m += 1
    n = m
    while n < len(body) and body[n].isalpha():
        n += 1
    after = body[m:n]
    return bool(after) and after[0].isupper() and m > end


def _acceptable(hit: AliasHit, surface: str, initial: bool) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return False
    caps = all(c.isupper() for c in letters)
    if "c" in hit.flags and not caps:
        return False
    if "w" in hit.flags and not ((surface[0].isupper() and not initial) or (caps and len(letters) >= 4)):
        return False
    return True


def _neighbour_name(kb: KnowledgeBase, body: str, start: int, end: int) -> bool:
    """A capitalised word next to a single-word match that is neither a title nor a country: the match
    is then part of a person's or organisation's name ("Andi Wijaya"), not a town."""
    if not _neighbour_capitalised(body, start, end):
        return False
    stop = cues()["stop"]
    before = body[:start].split()[-1:] or [""]
    after = body[end:].split()[:1] or [""]
    for w in (before[0], after[0]):
        k = fold_key(w)
        if not w or not w[0].isupper() or k in stop:
            continue
        if any((e := kb.get(h.id)) is not None and e.kind == "country" for h in kb.hits(k)):
            continue
        if w is before[0] and _sentence_initial(body, start - len(w) - 1):
            continue
        return True
    return False


def _notable(kb: KnowledgeBase, hit: AliasHit) -> bool:
    e = kb.get(hit.id)
    return e is not None and (hit.prio >= 3 or e.curated or e.kind == "country" or (e.pop or 0) >= 100000)


def _has_name_case(surface: str) -> bool:
    """A name is capitalised: one word must start with a capital (a multi-word one: any word)."""
    words = surface.split()
    if len(words) == 1:
        return surface[0].isupper()
    return any(w[0].isupper() for w in words if w)


def _prev_word(folded: str, start: int) -> str:
    j = start - 1
    while j >= 0 and folded[j] == " ":
        j -= 1
    k = j
    while k >= 0 and folded[k] != " ":
        k -= 1
    return folded[k + 1 : j + 1]


def _next_words(folded: str, end: int, n: int = 2) -> list[str]:
    return folded[end : end + 60].split()[:n]


def _kb_mentions(kb: KnowledgeBase, body: str, folded: str) -> list[Mention]:
    """Alias matches on word boundaries, filtered by case rules, longest leftmost first."""
    stop = cues()["stop"]
    raw: list[tuple[int, int, list[AliasHit]]] = []
    for start, end, key in kb.scan(folded):
        surface = body[start:end]
        if not _has_name_case(surface):
            continue
        if " " not in key and key in stop:
            continue
        initial = _sentence_initial(body, start)
        hits = [h for h in kb.hits(key) if _acceptable(h, surface, initial)]
        if hits and " " not in key and all("w" in h.flags for h in hits):
            # A name that is also a common word: only the well-known (curated, big places) and only
            # when it stands alone, not as one word of a longer capitalised name ("Kerja Sama").
            hits = [h for h in hits if _notable(kb, h)]
            if hits and _neighbour_capitalised(body, start, end) and not surface.isupper():
                hits = []
        if hits:
            raw.append((start, end, hits))
    raw.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: list[Mention] = []
    occupied = bytearray(len(body) + 1)
    for start, end, hits in raw:
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(Mention(start, end, "", hits=tuple(hits)))
    taken.sort(key=lambda m: m.start)
    return taken


def _ner_spans(doc: Any) -> list[tuple[int, int, str]]:
    ents = getattr(doc, "ents", None) or ()
    out = []
    for ent in ents:
        label = ent.label_.upper()
        if label in ("PER", "PERSON"):
            label = "PER"
        elif label in ("ORG", "NOR"):
            label = "ORG"
        elif label in ("LOC", "GPE", "FAC"):
            label = "LOC"
        else:
            continue
        out.append((ent.start_char, ent.end_char, label))
    return out


def _strip_title(body: str, start: int, end: int) -> int:
    """Start of the name inside an NER span that begins with a title ("Presiden Ilham Aliyev")."""
    role, rest = split_title(body[start:end])
    if role and rest:
        return end - len(rest) if body[start:end].endswith(rest) else start
    return start


class _Linker:
    def __init__(self, kb: KnowledgeBase, art: Article, doc: Any) -> None:
        self.kb = kb
        self.art = art
        self.body = art.body
        self.folded = fold_text(art.body)
        self.when = article_date(art)
        self.doc = doc

    # -- disambiguation -------------------------------------------------------------------------------
    def context(self, mentions: Iterable[Mention]) -> tuple[set[str], set[str]]:
        """Countries and ids the article names unambiguously, the context places are judged against."""
        countries: set[str] = set()
        ids: set[str] = set()
        for m in mentions:
            if len(m.hits) == 1 or m.entry is not None:
                e = m.entry or self.kb.get(m.hits[0].id)
                if e is None:
                    continue
                ids.add(e.id)
                if e.kind == "country":
                    countries.add(e.id)
                elif e.kind in ("place", "region") and e.country:
                    countries.add(e.country)
        return countries, ids

    def score(self, e: KBEntry, hit: AliasHit, m: Mention, countries: set[str], ids: set[str]) -> float:
        s = self.kb.prior(e, hit, self.when)
        if m.label:
            s += 15 if (e.type == m.label or (m.label == "LOC" and e.type in ("GPE", "LOC"))) else -15
        if e.kind in _GEO_KINDS and e.kind != "country":
            if e.country in countries:
                s += 6
            s += 8 * sum(1 for w in e.within if w in ids and w != e.country)
        if e.type == "PER":
            prev = _prev_word(self.folded, m.start)
            role, _ = split_title(prev) if prev else (None, "")
            if role and any(r[0] == role for r in e.roles):
                s += 10
            if e.country in countries:
                s += 3
        return s

    def plausible(self, e: KBEntry, hit: AliasHit, m: Mention, countries: set[str], ids: set[str]) -> bool:
        """Whether a town, district or acronym match is credible here.

        GeoNames holds tens of thousands of small towns whose names are also given names ("Budi",
        "Andi") or English words; a small one counts only with a cue ("di", "desa", "kota") before it,
        inside a region the article names, in a conflict country the article names, or when the NER
        also calls it a place.
        """
        surface = self.body[m.start : m.end]
        letters = [c for c in surface if c.isalpha()]
        capital = e.kind == "country" or bool(e.capital_of)
        if len(letters) <= 5 and all(c.isupper() for c in letters) and "c" not in hit.flags and not capital:
            return False  # "KAI", "SIM": capitals-only words are acronyms, not towns
        if e.kind not in ("city", "admin") or capital:
            return True
        if m.label:
            return m.label == "LOC"
        if " " not in surface.strip() and _neighbour_name(self.kb, self.body, m.start, m.end):
            return False
        prev = _prev_word(self.folded, m.start)
        if prev in cues()["place_cue"] or any(w in ids for w in e.within):
            return True
        if (e.pop or 0) >= 100000 or (e.kind == "admin" and (hit.prio >= 3 or e.country in countries)):
            return True
        return bool(e.data.get("dense")) and e.country in countries

    def choose(self, m: Mention, countries: set[str], ids: set[str]) -> None:
        best: tuple[float, KBEntry, AliasHit] | None = None
        for h in m.hits:
            e = self.kb.get(h.id)
            if e is None or not self.plausible(e, h, m, countries, ids):
                continue
            sc = self.score(e, h, m, countries, ids)
            if best is None or sc > best[0]:
                best = (sc, e, h)
        if best is not None:
            m.entry = best[1]
            m.type = best[1].type
            m.surname_only = "s" in best[2].flags

    # -- the pass -------------------------------------------------------------------------------------
    def run(self) -> list[Entity]:
        kb, body = self.kb, self.body
        mentions = _kb_mentions(kb, body, self.folded)
        ner = _ner_spans(self.doc)
        occupied = bytearray(len(body) + 1)
        for m in mentions:
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
        by_span = {(m.start, m.end): m for m in mentions}
        extra: list[Mention] = []
        for s, e, label in ner:
            s = _strip_title(body, s, e)
            if (s, e) in by_span:
                by_span[(s, e)].label = label
                continue
            inside = [m for m in mentions if m.start >= s and m.end <= e]
            if inside:
                for m in inside:
                    if m.end - m.start == e - s or len(inside) == 1:
                        m.label = label
                continue
            if any(occupied[s:e]):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            hits = tuple(kb.hits(fold_key(body[s:e])))
            extra.append(Mention(s, e, "PER" if label == "PER" else ("ORG" if label == "ORG" else "GPE"),
                                 label=label, hits=hits))
        mentions = sorted(mentions + extra, key=lambda m: m.start)

        countries, ids = self.context(mentions)
        for m in mentions:
            if m.hits:
                self.choose(m, countries, ids)
        self.coreference(mentions)
        mentions += self.name_parts(mentions, occupied)
        mentions.sort(key=lambda m: m.start)
        self.fuzzy_places(mentions, countries)
        self.institutions(mentions)
        mentions += self.acronyms(mentions, occupied)
        mentions += self.place_lists(mentions, occupied)
        mentions.sort(key=lambda m: m.start)
        return [self.entity(m) for m in mentions if self.keep(m)]

    def place_lists(self, mentions: list[Mention], occupied: bytearray) -> list[Mention]:
        """Unknown names listed with known places after a place cue are places too: in "desa X, Y
        dan Z" or "di Terter, Y dan Z" every item is a place, whether or not the knowledge base has it."""
        import re

        c = cues()
        out = []
        item = r"[A-Z][\w'’-]+"
        pattern = re.compile(rf"\b(\w+)\s+({item}(?:\s*,\s*{item})*\s*,?\s+(?:dan|serta)\s+{item})")
        for g in pattern.finditer(self.body):
            if fold_key(g.group(1)) not in c["place_cue"]:
                continue
            names = [(x.start() + g.start(2), x.end() + g.start(2)) for x in re.finditer(item, g.group(2))]
            if len(names) < 2 or any(self.body[s:e].isupper() or e - s < 4 for s, e in names):
                continue
            # A strong cue ("desa", "kota", "distrik") among the words just before, or a known place
            # in the list: "di" alone introduces lists of anything.
            before = set(self.folded[max(0, g.start() - 40) : g.end(1)].split())
            known = any(m.entry is not None and m.entry.kind in _GEO_KINDS and s <= m.start < e
                        for m in mentions for s, e in [(names[0][0], names[-1][1])])
            if not (before & c["strong_place_cue"]) and not known:
                continue
            spans = [(s, e) for s, e in names if fold_key(self.body[s:e]) not in c["stop"]]
            if len(spans) != len(names):
                continue
            # Only when no item is something else the article already named (a person, an org).
            if any(m.type in ("PER", "ORG") and m.start < e and s < m.end for m in mentions for s, e in spans):
                continue
            for s, e in spans:
                if not any(occupied[s:e]):
                    occupied[s:e] = b"\x01" * (e - s)
                    out.append(Mention(s, e, "GPE", label="LOC"))
        return out

    def acronyms(self, mentions: list[Mention], occupied: bytearray) -> list[Mention]:
        """An acronym in parentheses right after an organisation's name is that organisation:
        "Partai Keadilan dan Pembangunan (AK)"; the acronym alone later in the article too."""
        import re

        found: dict[str, Mention] = {}
        for m in mentions:
            if m.type != "ORG" or m.entry is None:
                continue
            g = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", self.body[m.end : m.end + 12])
            if g:
                found[g.group(1)] = m
        out = []
        for m in mentions:
            if m.entry is None and self.body[m.start : m.end] in found:
                src = found[self.body[m.start : m.end]]
                m.entry, m.type = src.entry, "ORG"
        for acr, src in found.items():
            for g in re.finditer(rf"\b{re.escape(acr)}\b", self.body):
                s, e = g.start(), g.end()
                if not any(occupied[s:e]):
                    occupied[s:e] = b"\x01" * (e - s)
                    out.append(Mention(s, e, "ORG", entry=src.entry, label=src.label))
        return out

    def coreference(self, mentions: list[Mention]) -> None:
        """Surnames to the full names the article uses ("Aliyev" after "Ilham Aliyev")."""
        full = [m.entry for m in mentions if m.entry is not None and m.type == "PER" and not m.surname_only]
        for m in mentions:
            if m.type != "PER" and not (m.label == "PER" and m.entry is None):
                continue
            if m.entry is not None and not m.surname_only:
                continue
            key = fold_key(self.body[m.start : m.end])
            for e in full:
                words = fold_key(e.name).split()
                if key in words or (len(key.split()) > 1 and fold_key(e.name).endswith(key)):
                    m.entry, m.type, m.surname_only = e, "PER", False
                    break
            else:
                if m.entry is None and " " not in key:
                    parts = {w: e for e in full for w in fold_key(e.name).split() if len(w) >= 4}
                    hit = _typo_of(key, parts)
                    if hit is not None and not kb_says_other(self.kb, key):
                        m.entry, m.type = hit, "PER"

    def name_parts(self, mentions: list[Mention], occupied: bytearray) -> list[Mention]:
        """Capitalised words elsewhere in the body that are part of (or one typo away from) a name the
        article already used for a person: "Akar" after "Hulusi Akar", "Alivev" after "Ilham Aliyev"."""
        parts: dict[str, Mention] = {}
        stop = cues()["stop"]
        for m in mentions:
            if m.type != "PER" or m.surname_only:
                continue
            name = m.entry.name if m.entry else self.body[m.start : m.end]
            words = fold_key(name).split()
            if len(words) < 2:
                continue
            for w in words:
                if len(w) >= 4 and w not in stop:
                    parts.setdefault(w, m)
        if not parts:
            return []
        out = []
        import re

        for tok in re.finditer(r"[^\W\d_][\w'’-]*", self.body):
            s, e = tok.start(), tok.end()
            word = tok.group()
            if not word[0].isupper() or any(occupied[s:e]) or len(word) < 4:
                continue
            key = fold_key(word)
            if key in stop:
                continue
            src = parts.get(key)
            if src is None and not _sentence_initial(self.body, s) and not kb_says_other(self.kb, key):
                src = _typo_of(key, parts)
            if src is None:
                continue
            occupied[s:e] = b"\x01" * (e - s)
            out.append(Mention(s, e, "PER", entry=src.entry, label=src.label))
        return out

    def fuzzy_places(self, mentions: list[Mention], countries: set[str]) -> None:
        """An NER place the knowledge base does not know: the closest spelling among the places of the
        countries the article names ("Gorus" -> Goris), one edit away at most."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        for m in mentions:
            if m.entry is not None or m.label != "LOC":
                continue
            key = fold_key(self.body[m.start : m.end])
            if len(key) < 5:
                continue
            choices: list[tuple[str, str]] = []
            for c in sorted(countries):
                choices.extend(self.kb.places_in(c))
            if not choices:
                continue
            got = process.extractOne(key, [k for k, _ in choices], scorer=Levenshtein.distance, score_cutoff=1)
            if got is not None:
                m.entry = self.kb.get(choices[got[2]][1])
                if m.entry is not None:
                    m.type = m.entry.type

    def institutions(self, mentions: list[Mention]) -> None:
        """A ministry named without its country ("Kemenhan") is the one of that kind named before it,
        else the default country's (Indonesian news: Indonesia's own)."""
        last: dict[str, KBEntry] = {}
        for m in mentions:
            e = m.entry
            if e is None:
                continue
            inst = e.data.get("institution")
            if e.kind == "institution" and inst:
                last[inst] = e
            elif e.kind == "bare_institution" and inst:
                target = last.get(inst)
                if target is None and e.data.get("default"):
                    target = self.kb.get(f"{e.data['default']}:{inst}")
                if target is not None:
                    m.entry = target

    # -- output ---------------------------------------------------------------------------------------
    def keep(self, m: Mention) -> bool:
        text = self.body[m.start : m.end]
        if not text.strip() or not _has_name_case(text):
            return False
        if m.entry is None and not m.label:
            return False
        # A lone surname that no full name in the article supports is kept only for people in the
        # curated set (famous enough to be named by surname alone).
        if m.surname_only and m.entry is not None and not m.entry.curated:
            return False
        return True

    def entity(self, m: Mention) -> Entity:
        text = self.body[m.start : m.end]
        e = m.entry
        if e is None:
            typ = m.type or "GPE"
            if m.label == "LOC":
                typ = "LOC" if _prev_word(self.folded, m.start) in cues()["loc_cue"] else "GPE"
            return Entity(text=text, start=m.start, end=m.end, type=typ, id=None, canonical=text)  # type: ignore[arg-type]
        if e.capital_of and self.metonymy(m):
            country = self.kb.get(e.capital_of)
            if country is not None:
                e = country
        typ = e.type
        if typ == "GPE" and e.kind in ("region",):
            typ = "LOC"
        lat = e.lat if typ in ("GPE", "LOC") else None
        lon = e.lon if typ in ("GPE", "LOC") else None
        return Entity(text=text, start=m.start, end=m.end, type=typ, id=e.id, canonical=e.name,  # type: ignore[arg-type]
                      lat=lat, lon=lon)

    def metonymy(self, m: Mention) -> bool:
        """A capital right before a verb of saying or acting, and not after "di"/"ke"/"dari", is its
        government speaking: "Ankara memperingatkan Yerevan"."""
        c = cues()
        if _prev_word(self.folded, m.start) in c["metonymy_block"]:
            return False
        before = self.body[: m.start].split()[-1:]
        if before and before[0][:1].isupper() and not _sentence_initial(self.body, m.start - len(before[0]) - 1):
            return False  # "Pengadilan Tipikor Jakarta memutuskan": part of an institution's name
        nxt = _next_words(self.folded, m.end, 3)
        if not nxt or self.body[m.end : m.end + 1] in ",.-–—:;":
            return False
        verbs = c["metonymy_verb"]
        return nxt[0] in verbs and (nxt[0].startswith(("me", "ber", "di")) or (len(nxt) > 1 and nxt[1] in verbs))


def _typo_of(key: str, parts: dict[str, Any]) -> Any:
    """The value of the part `key` is a misspelling of: one edit (a transposition counts as one) in
    names under nine letters, two from nine on; None for short words, which collide too easily."""
    from rapidfuzz.distance import OSA

    if len(key) < 5:
        return None
    limit = 1 if len(key) < 9 else 2
    for p, v in parts.items():
        if abs(len(p) - len(key)) <= limit and OSA.distance(p, key, score_cutoff=limit) <= limit:
            return v
    return None


def kb_says_other(kb: KnowledgeBase, key: str) -> bool:
    """True when the word is itself a known name (then it is not a misspelling of another)."""
    return bool(kb.hits(key))


def link_entities(doc: Any, art: Article) -> list[Entity]:
    """Named entities of `art.body`, linked to the knowledge base, sorted by start offset.

    `doc` is the spaCy Doc of `art.body`; its `ents` (if the pipeline has an NER) add names the
    knowledge base lacks and tell person from place where an alias is ambiguous.
    """
    if not art.body:
        return []
    return _Linker(load_kb(), art, doc).run()
