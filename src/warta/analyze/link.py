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

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..kb.fold import fold_key, fold_text
from ..kb.roles import split_title
from ..kb.store import DATA_DIR, AliasHit, KBEntry, KnowledgeBase, load_kb
from ..lang.id import grammar_words
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


@cache
def compass() -> dict[str, str]:
    """Indonesian direction words in names and their English ("timur" -> "East"), from `link_cues.tsv`."""
    for line in (DATA_DIR / "link_cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("compass\t"):
            pairs = [p.split("=", 1) for p in line.split("\t", 1)[1].split("|") if "=" in p]
            return {fold_key(a): b.strip() for a, b in pairs}
    return {}


@cache
def _heads(kind: str) -> dict[str, list[tuple[str, ...]]]:
    """Head words of a cue kind by their first folded word, longest heads first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for h in cues().get(kind, ()):
        words = tuple(h.split())
        out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=lambda w: -len(w))
    return out


@cache
def plain_words() -> frozenset[str]:
    """Words Indonesian news almost never capitalises mid-sentence ("sosial", "bencana"), built by
    `kb/build.py` from word counts: a tagger's name made of these only is a title-cased phrase."""
    import gzip

    p = DATA_DIR / "plain_words.txt.gz"
    if not p.exists():
        return frozenset()
    with gzip.open(p, "rt", encoding="utf-8") as f:
        return frozenset(w.strip() for w in f if w.strip())


_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_INITIALS = re.compile(r"[A-Z]{1,4}\.?")
# detik.com's own desks glued or not: "detikcom", "detikSulsel", "detikJatim", "detikNews"
_DETIK = re.compile(r"(?<![A-Za-z])detik(?:com|[A-Z][a-z]+)|(?<=[a-z])detik(?:com|[A-Z][a-z]+)")


def _glue_bounds(body: str) -> set[int]:
    """Offsets inside glued words that are word boundaries: "dilansirAFP", "detikNewsdariNew Arab"."""
    out: set[int] = set()
    glue = "|".join(sorted(cues().get("glue", ()), key=len, reverse=True))
    if glue:
        for g in re.finditer(rf"\b(?:{glue})(?=[^\W\d_])", body, re.IGNORECASE):
            out.add(g.end())
    for g in re.finditer(r"\b([a-z]{4,})(?=[A-Z])", body):
        out.add(g.end())
    for g in re.finditer(r"(?<=[a-z])(?:dari|oleh|dan)(?=[A-Z])", body):
        out.add(g.start())
        out.add(g.end())
    return out


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
    fixed: bool = False  # from a name pattern ("Kabupaten X", "Polres X", "X (ACR)"): type and span are final
    canonical: str | None = None  # canonical name of an unlinked mention (else its text)
    latlon: tuple[float, float] | None = None


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
        return surface[0].isupper() or (surface[0].islower() and any(c.isupper() for c in surface[1:]))
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


def _kb_mentions(kb: KnowledgeBase, body: str, folded: str, bounds: set[int] | None = None) -> list[Mention]:
    """Alias matches on word boundaries, filtered by case rules, longest leftmost first."""
    stop = cues()["stop"] | cues().get("not_name", frozenset())
    raw: list[tuple[int, int, list[AliasHit]]] = []
    for start, end, key in kb.scan(folded, bounds or frozenset()):
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


def _clean_ner(
    body: str, s: int, e: int, bounds: set[int], label: str = "", kb: KnowledgeBase | None = None
) -> tuple[int, int]:
    """An NER span without what the tagger wrongly took along: a glued reporting word in front
    ("dilaporkanSaudi Press Agency"), leading and trailing lowercase words and numbers
    ("sungai Cibening", "Direktorat Investigasi Kriminal diyakini", "Desa Yeh Kuning 10")."""
    for b in sorted(bounds):
        if s < b < e and (b == s + 1 or not any(c.isspace() for c in body[s:b])):
            if body[b].isupper() or body[s:b].islower():
                s = b
                break
    toks = [(t.start() + s, t.end() + s) for t in _TOKEN.finditer(body[s:e])]
    not_name = cues().get("not_name", frozenset())

    def wordlike(a: int, z: int) -> bool:
        w = body[a:z]
        return any(c.isupper() for c in w) and fold_key(w) not in not_name

    while (
        toks
        and not wordlike(*toks[0])
        and not body[toks[0][0] : toks[0][1]]
        .lower()
        .startswith(("al-", "el-", "bin", "binti", "van", "von", "de", "da", "ibn"))
    ):
        toks.pop(0)
    while toks and not wordlike(*toks[-1]):
        toks.pop()
    if label == "PER" and len(toks) > 1:
        # titles and ranks in front of a person ("Kombes Pol Ade", "Bupati Sukabumi Asep", "Wali Kota Bogor X")
        breaks = cues().get("name_break", frozenset())
        prefixes = cues().get("place_prefix", frozenset())
        n = 0
        titled = False
        while n < len(toks) - 1:
            w = fold_key(body[toks[n][0] : toks[n][1]])
            if w in breaks:
                n, titled = n + 1, True
                continue
            if not titled:
                break
            if w in prefixes:
                n += 1
                continue
            # the place the title is of ("Bupati Sukabumi", "Kapolres Metro Depok"): the longest known
            # place name right after the title
            took = 0
            if kb is not None:
                for k in range(min(3, len(toks) - n - 1), 0, -1):
                    key = fold_key(body[toks[n][0] : toks[n + k - 1][1]])
                    if any(
                        (x := kb.get(h.id)) is not None and x.type in ("GPE", "LOC") and h.prio >= 2
                        for h in kb.hits(key)
                    ):
                        took = k
                        break
            if not took:
                break
            n += took
        toks = toks[n:]
    if label == "PER" and kb is not None and len(toks) >= 3:
        # "Walhi Jatim Wahyu Eka Setyawan" -> the person without the place of the title before it
        k0 = fold_key(body[toks[0][0] : toks[0][1]])
        if any(
            (x := kb.get(h.id)) is not None and x.type in ("GPE", "ORG") and h.prio >= 2 for h in kb.hits(k0)
        ) and not any((x := kb.get(h.id)) is not None and x.type == "PER" for h in kb.hits(k0)):
            toks = toks[1:]
    if not toks:
        return s, s
    return toks[0][0], toks[-1][1]


class _Patterns:
    """Names recognised by their form: an Indonesian head word and the name after it ("Kabupaten
    Sukabumi", "Polres Bogor", "Jalan Hangtuah"), a long name with its acronym in parentheses
    ("Badan Nasional Penanggulangan Bencana (BNPB)"), a person after a cue ("warga bernama X")."""

    def __init__(self, linker: _Linker) -> None:
        self.lk = linker
        self.kb = linker.kb
        self.body = linker.body
        self.toks = [(t.start(), t.end()) for t in _TOKEN.finditer(self.body)]
        self.keys = [fold_key(self.body[a:z]) for a, z in self.toks]
        c = cues()
        self.breaks = c.get("name_break", frozenset()) | c.get("not_name", frozenset())
        self.place_prefix = c.get("place_prefix", frozenset())
        self.person_starts = {a for a, _, lab in _ner_spans(linker.doc) if lab == "PER"}

    def gap_ok(self, i: int, allow_dot: bool = False) -> bool:
        """Tokens i and i+1 are separated by spaces only (a name does not run over punctuation)."""
        if i + 1 >= len(self.toks):
            return False
        g = self.body[self.toks[i][1] : self.toks[i + 1][0]]
        if allow_dot and g.startswith("."):
            g = g[1:]
        return g.strip(" \t\xa0") == "" and "\n" not in g and len(g) <= 2

    def name_word(self, i: int, digits: bool) -> bool:
        a, z = self.toks[i]
        w = self.body[a:z]
        if self.keys[i] in self.breaks:
            return False
        if w[0].isdigit():
            return digits
        return w[0].isupper()

    def match_head(self, i: int, kind: str) -> int:
        """Number of tokens of a `kind` head starting at token i (0: none)."""
        for words in _heads(kind).get(self.keys[i], ()):
            n = len(words)
            if tuple(self.keys[i : i + n]) != words:
                continue
            a, z = self.toks[i]
            w = self.body[a:z]
            if not w[0].isupper():
                continue
            if (
                len(words) == 1
                and len(words[0]) <= 4
                and kind == "org_head"
                and not w.isupper()
                and words[0] not in ("kab", "jl", "jln", "prov")
            ):
                # short heads written in capitals as acronyms ("SD", "PT") must be so in the text
                if not any(c.isupper() for c in w[1:]) and len(w) <= 3:
                    continue
            if all(self.gap_ok(i + k) for k in range(n - 1)):
                return n
        return 0

    def name_after(self, j: int, digits: bool, max_words: int = 4, allow_dot: bool = False) -> int:
        """Index after the last name token from token j on (j: no name)."""
        k = j
        while k < len(self.toks) and k - j < max_words and self.name_word(k, digits and k - j < 2):
            if k > j and not self.gap_ok(k - 1):
                break
            if k > j and self.toks[k][0] in self.person_starts:
                break  # "BNPB Abdul Muhari": the organisation's name ends where a person's begins
            k += 1
        while k > j and self.body[self.toks[k - 1][0]].isdigit():
            k -= 1
        # a name is not digits only
        if not any(self.body[self.toks[x][0]].isalpha() for x in range(j, k)):
            return j
        return k

    # -- the kinds of pattern --------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        n = len(self.toks)
        while i < n:
            m = None
            for kind in ("place_prefix", "org_head", "loc_head"):
                h = self.match_head(i, kind)
                if not h:
                    continue
                allow_dot = self.keys[i] in ("kab", "jl", "jln", "prov")
                if i + h < n and not self.gap_ok(i + h - 1, allow_dot):
                    continue
                head_text = self.body[self.toks[i][0] : self.toks[i + h - 1][1]]
                end = self.name_after(
                    i + h,
                    digits=kind == "org_head",
                    max_words=3 if head_text.isupper() else (4 if kind != "loc_head" else 5),
                )
                if end == i + h:
                    continue
                m = self.make(kind, i, i + h, end)
                if m is not None:
                    out.append(m)
                    if kind == "place_prefix":
                        out.extend(self.place_list(m, end, self.keys[i]))
                    i = end - 1
                break
            i += 1
        out.extend(self.acronym_names())
        out.extend(self.person_cues())
        out.extend(self.detik_desks())
        out.extend(self.particle_names())
        return out

    def detik_desks(self) -> list[Mention]:
        """detik.com and its desks, written lower-case and often glued to the words around them
        ("Liputandetikcomdi tempat", "dikutip detikJabar")."""
        out = []
        for g in _DETIK.finditer(self.body):
            text = g.group()
            cut = re.search(r"(?<=[a-z]{3})(?:dari|oleh|dan|di)$", text[5:])
            e = g.end() - (len(cut.group()) if cut and text[5:6].isupper() else 0)
            text = self.body[g.start() : e]
            entry = next(
                (
                    x
                    for h in self.kb.hits(fold_key(text))
                    if (x := self.kb.get(h.id)) is not None and x.type == "ORG"
                ),
                None,
            )
            if entry is not None and fold_key(entry.name) != fold_key(text):
                entry = None  # "detikcom" is named so, not "Detik.com"
            out.append(Mention(g.start(), e, "ORG", entry=entry, label="ORG", fixed=True, canonical=text))
        return out

    def particle_names(self) -> list[Mention]:
        """Arabic names with a lower-case particle the tagger splits: "Abdullah al-Derazi", "Jalal al-Labbad"."""
        out = []
        skip = self.breaks | cues()["stop"] | self.place_prefix
        for g in re.finditer(
            r"(?<![\w-])((?:[A-Z][a-z'’]+ ){1,2})((?:al|el|bin|binti|ibn)[- ][A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)",
            self.body,
        ):
            words = g.group(1).split()
            while words and fold_key(words[0]) in skip:
                words.pop(0)
            if not words:
                continue
            s = g.end(1) - len(" ".join(words)) - 1
            if _sentence_initial(self.body, s) and len(words) == 1 and fold_key(words[0]) in plain_words():
                continue
            if any(
                (x := self.kb.get(h.id)) is not None and x.type != "PER"
                for h in self.kb.hits(fold_key(self.body[s : g.end()]))
            ):
                continue
            out.append(Mention(s, g.end(), "PER", label="PER", fixed=True))
        return out

    def place_end(self, j: int, end: int) -> int:
        """The end of the longest known place the tokens from j begin with ("Kabupaten Bogor" in
        "Kabupaten Bogor Ade Hasanudin"), else `end`."""
        start = j + 1 if self.keys[j] in self.place_prefix else j
        for k in range(end - 1, start, -1):
            key = fold_key(self.body[self.toks[start][0] : self.toks[k - 1][1]])
            if any(
                (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC") and h.prio >= 2
                for h in self.kb.hits(key)
            ):
                # only when what follows is not a direction or a part of the place's name
                nxt = self.keys[k]
                rest = fold_key(self.body[self.toks[k][0] : self.toks[end - 1][1]])
                if (
                    nxt in compass()
                    or nxt in ("metro", "raya", "kota")
                    or any(
                        (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC")
                        for h in self.kb.hits(rest)
                    )
                ):
                    return end
                return k
        return end

    def make(self, kind: str, i: int, j: int, end: int) -> Mention | None:
        if kind == "org_head" and end - j >= 2:
            end = self.place_end(j, end)  # "BPBD Kabupaten Bogor Ade Hasanudin": the person is not in it
        if (
            kind == "org_head"
            and i > 0
            and self.keys[i - 1] in self.breaks
            and self.place_end(j, end + 1 if end < len(self.toks) else end)
            == (end + 1 if end < len(self.toks) else end)
            and any(
                (x := self.kb.get(h.id)) is not None and x.type == "ORG" for h in self.kb.hits(self.keys[i])
            )
            and not any(
                (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC")
                for h in self.kb.hits(fold_key(self.body[self.toks[j][0] : self.toks[end - 1][1]]))
            )
        ):
            return None  # "Ketua KPU Afifudin": the title's organisation, then a person
        s, e = self.toks[i][0], self.toks[end - 1][1]
        name_s = self.toks[j][0]
        head = self.keys[i]
        name = self.body[name_s:e]
        if kind == "place_prefix":
            if head == "kota" and i > 0 and self.keys[i - 1] == "ibu":
                return None  # "Ibu Kota Azerbaijan": the capital of a country, not a town called so
            first = self.kb.lookup(name)
            if first and first[0].kind == "country" and fold_key(first[0].name) == fold_key(name):
                return None
            return self.place(s, e, name, head)
        typ = "ORG" if kind == "org_head" else "LOC"
        entry = None
        for h in self.kb.hits(fold_key(self.body[s:e])):
            x = self.kb.get(h.id)
            if x is not None and (x.type == typ or (typ == "LOC" and x.type == "GPE")):
                entry = x
                break
        canonical = None
        if entry is None and kind == "org_head" and fold_key(name) in ("ri", "republik indonesia", "pusat"):
            # "KPU RI", "Bawaslu RI": the national body itself
            entry = next(
                (
                    x
                    for h in self.kb.hits(self.keys[i])
                    if (x := self.kb.get(h.id)) is not None and x.type == "ORG"
                ),
                None,
            )
        if entry is None and kind == "org_head":
            head_text = fold_key(self.body[s : self.toks[j - 1][1]])
            place = self.body[name_s:e]
            metro = fold_key(place).startswith("metro ")
            if metro:
                place = place.split(None, 1)[1]
            bare = (
                place.split(None, 1)[1]
                if fold_key(place.split()[0]) in self.place_prefix and " " in place
                else place
            )
            known = [
                x
                for k in (place, bare)
                for h in self.kb.hits(fold_key(k))
                if (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC") and h.prio >= 2
            ]
            if known and len(place.split()) > 1:
                place = known[0].name  # "Provinsi Jawa Barat" -> "West Java"
            if metro:
                place += " Metro"  # "Polres Metro Depok" -> "Depok Metro Police"
            canonical = _org_english(head_text, place)
        return Mention(
            s,
            e,
            typ if entry is None else entry.type,
            entry=entry,
            label=typ,
            fixed=True,
            canonical=canonical,
        )

    def place(self, s: int, e: int, name: str, head: str) -> Mention:
        """An administrative place: linked through its full or bare name, else named without the prefix."""
        small = head in cues().get("small_place_prefix", frozenset())
        entry = None
        for key in [fold_key(self.body[s:e])] + ([] if small else [fold_key(name)]):
            cands = [
                x
                for h in self.kb.hits(key)
                if (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC") and x.kind != "country"
            ]
            if cands:
                cands.sort(
                    key=lambda x: (
                        x.kind != "city" if head == "kota" else False,
                        x.country != "IDN" if head != "kota" else False,
                        -(x.pop or 0) if not x.curated else -(10**9),
                    )
                )
                entry = cands[0]
                break
        canon = None
        latlon = None
        if entry is not None and head == "kabupaten" and entry.kind == "city":
            canon, latlon = f"{entry.name} Regency", (entry.lat, entry.lon) if entry.lat is not None else None
            entry = None
        if entry is None and canon is None:
            canon = name if small else _english_place(name, head)
        return Mention(
            s,
            e,
            "GPE" if entry is None else entry.type,
            entry=entry,
            label="LOC",
            fixed=True,
            canonical=canon,
            latlon=latlon,
        )

    def place_list(self, first: Mention, k: int, head: str) -> list[Mention]:
        """ "Kabupaten Jembrana, Gianyar, Tabanan, dan Klungkung": the names listed after a prefixed place."""
        items: list[tuple[int, int]] = []
        saw_and = False
        n = len(self.toks)
        while k < n:
            g = self.body[self.toks[k - 1][1] : self.toks[k][0]]
            j = k
            sep_and = False
            if self.keys[k] in ("dan", "serta") and g.strip() in ("", ","):
                sep_and = True
                j = k + 1
            elif g.strip() != ",":
                break
            if j >= n or "\n" in self.body[self.toks[k - 1][1] : self.toks[j][0]]:
                break
            if self.keys[j] in self.place_prefix:
                saw_and = saw_and or sep_and
                break
            end = self.name_after(j, digits=False, max_words=3)
            if end == j or self.known_org(j, end):
                break
            # a name followed by more capitalised words or a verb is not a list item of places
            items.append((j, end))
            saw_and = saw_and or sep_and
            k = end
            if sep_and:
                break
        if not items:
            return []
        out = []
        for j, end in items:
            s, e = self.toks[j][0], self.toks[end - 1][1]
            m = self.place(s, e, self.body[s:e], head)
            known = m.entry is not None or m.latlon is not None
            if saw_and or known:
                out.append(m)
        return out if (saw_and or all(m.entry is not None or m.latlon for m in out)) else []

    def acronym_names(self) -> list[Mention]:
        """ "Badan Nasional Penanggulangan Bencana (BNPB)": the long name and the acronym are one organisation."""
        out = []
        org_word = cues().get("org_word", frozenset())
        connect = grammar_words("acronym_link_word")
        defined: dict[str, str] = {}
        for g in re.finditer(r"\(([A-Z][A-Za-z0-9-]{1,9}(?: [A-Z][A-Za-z0-9-]{0,9})?)\)", self.body):
            acr = g.group(1)
            # "(BNPB)", "(BEM UI)"; a syllable acronym ("(Ponpes)", "(Dinkes)") must begin like the name
            syllabic = sum(c.isupper() for c in acr) < 2
            if syllabic and (" " in acr or len(acr) < 4):
                continue
            # tokens before "("
            idx = [t for t, (a, z) in enumerate(self.toks) if z <= g.start()]
            if not idx:
                continue
            t = idx[-1]
            if self.body[self.toks[t][1] : g.start()].strip():
                continue
            first = t
            k = t
            while k >= 0:
                w = self.body[self.toks[k][0] : self.toks[k][1]]
                if not (self.keys[k] in connect and k < t) and (
                    self.keys[k] in self.breaks or not w[0].isupper()
                ):
                    break
                first = k
                if k == 0 or not self.gap_ok(k - 1):
                    break
                k -= 1
            while first < t and self.keys[first] in connect:
                first += 1
            # "Kementerian Sosial dan Palang Merah Indonesia (PMI)": a known organisation and "dan"
            # before the name are not part of it
            for c in range(t - 1, first, -1):
                if self.keys[c] in ("dan", "serta") and any(
                    (x := self.kb.get(h.id)) is not None and x.type == "ORG"
                    for h in self.kb.hits(fold_key(self.body[self.toks[first][0] : self.toks[c - 1][1]]))
                ):
                    first = c + 1
                    break
            # "Mahasiswa Universitas Gadjah Mada (UGM)": an ordinary word capitalised at the start of
            # a sentence is not the first word of the name
            while (
                first < t
                and _sentence_initial(self.body, self.toks[first][0])
                and self.keys[first] in plain_words()
                and self.keys[first] not in org_word
                and not self.match_head(first, "org_head")
            ):
                first += 1
            if t - first < 1:
                continue
            if syllabic and self.keys[first][:1] != fold_key(acr)[:1]:
                continue
            s, e = self.toks[first][0], self.toks[t][1]
            prev = defined.get(acr)
            if prev and self.body[s:e] != prev and self.body[s:e].endswith(" " + prev):
                s = e - len(prev)  # "Rapat Koordinasi ... Indonesia National Single Window (INSW)" again
            defined.setdefault(acr, self.body[s:e])
            words = set(fold_key(self.body[s:e]).split())
            entry = None
            for h in self.kb.hits(fold_key(acr)):
                x = self.kb.get(h.id)
                if x is not None and x.type == "ORG":
                    entry = x
                    break
            if entry is None:
                for h in self.kb.hits(fold_key(self.body[s:e])):
                    x = self.kb.get(h.id)
                    if x is not None and x.type == "ORG":
                        entry = x
                        break
            head_words = any(self.match_head(x, "org_head") for x in range(first, min(first + 2, t + 1)))
            if entry is None and not (words & org_word) and not head_words:
                continue
            # "Dinas Kesehatan (Dinkes) Seram Bagian Barat", "Kedutaan Besar RI (KBRI) Phnom Penh": the
            # name goes on after the acronym with the place or name it is of; then it is one name
            tail = self.bracket_tail(g.end(), acr)
            # an organisation the knowledge base lacks is named by its acronym ("BEM UI"), the part
            # of its canonical name any English rendering keeps: "... Executive Board (BEM UI)"
            canonical = acr if entry is None else self.body[s:e]
            if tail is not None:
                e, canonical, tail_entry = tail
                entry = tail_entry
            long_m = Mention(s, e, "ORG", entry=entry, label="ORG", fixed=True, canonical=canonical)
            out.append(long_m)
            for a in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", self.body):
                if s <= a.start() < e:
                    continue
                out.append(
                    Mention(
                        a.start(),
                        a.end(),
                        "ORG",
                        entry=entry,
                        label="ORG",
                        fixed=True,
                        canonical=canonical,
                    )
                )
        return out

    def bracket_tail(self, pos: int, acr: str) -> tuple[int, str, KBEntry | None] | None:
        """The name after "(ACR) " that the long name goes on with: the end of the whole name, its
        canonical and entry (None: the name is not one)."""
        nxt = [x for x in range(len(self.toks)) if self.toks[x][0] >= pos][:1]
        if not nxt:
            return None
        j = nxt[0]
        if self.body[pos : self.toks[j][0]] != " ":
            return None
        end = self.name_after(j, digits=False, max_words=4)
        if end == j:
            return None
        head = fold_key(acr)

        def place_of(a: int, z: int) -> KBEntry | None:
            key = fold_key(self.body[self.toks[a][0] : self.toks[z - 1][1]])
            return next(
                (
                    x
                    for h in self.kb.hits(key)
                    if (x := self.kb.get(h.id)) is not None and x.type in ("GPE", "LOC") and h.prio >= 2
                ),
                None,
            )

        # "(Dinkes) Seram Bagian Barat": a place, the whole; "(Ponpes) Al-Khoziny Sidoarjo": a name and
        # the place it is in, the name only; else a name the acronym heads ("(KBRI) X")
        for k in range(end, j, -1):
            name = self.body[self.toks[j][0] : self.toks[k - 1][1]]
            whole = f"{acr} {name}"
            hit = next(
                (
                    x
                    for h in self.kb.hits(fold_key(whole))
                    if (x := self.kb.get(h.id)) is not None and x.type == "ORG"
                ),
                None,
            )
            if hit is not None:
                return self.toks[k - 1][1], hit.name, hit
            place = place_of(j, k)
            if place is not None:
                return self.toks[k - 1][1], _org_english(head, place.name) or whole, None
        if head not in _heads("org_head"):
            return None
        for k in range(j + 1, end):
            if place_of(k, end) is not None:
                end = k
                break
        name = self.body[self.toks[j][0] : self.toks[end - 1][1]]
        return self.toks[end - 1][1], _org_english(head, name) or f"{acr} {name}", None

    def person_cues(self) -> list[Mention]:
        """A capitalised name right after "bernama", "milik", "berinisial"... is a person's, and so are the
        names listed with it ("milik Euis (1 KK) dan Ronasih")."""
        out = []
        pc = cues().get("person_cue", frozenset())
        n = len(self.toks)
        for i in range(n - 1):
            if self.keys[i] not in pc or not self.gap_ok(i) or not self.body[self.toks[i][0]].islower():
                continue  # "Korban Banjir" in a title is no cue
            j = i + 1
            while j < n:
                end = self.name_after(j, digits=False, max_words=3)
                if end == j or self.known_non_person(j, end):
                    break
                if self.keys[j] in self.place_prefix or any(self.match_head(x, "org_head") for x in (j,)):
                    break
                out.append(Mention(self.toks[j][0], self.toks[end - 1][1], "PER", label="PER", fixed=True))
                # continue over "(...)" and "dan"/"," to the next name
                rest = self.body[self.toks[end - 1][1] :]
                g = re.match(r"\s*(\([^()\n]{0,40}\))?\s*(,\s*(dan|serta)?|dan|serta)\s+(?=[A-Z])", rest)
                if not g:
                    break
                pos = self.toks[end - 1][1] + g.end()
                nxt = [x for x in range(end, n) if self.toks[x][0] == pos]
                if not nxt:
                    break
                j = nxt[0]
        return out

    def known_org(self, j: int, end: int) -> bool:
        """The name is an organisation the knowledge base knows ("BPOM"), or begins with an org head."""
        key = fold_key(self.body[self.toks[j][0] : self.toks[end - 1][1]])
        if self.match_head(j, "org_head"):
            return True
        return any((x := self.kb.get(h.id)) is not None and x.type == "ORG" for h in self.kb.hits(key))

    def known_non_person(self, j: int, end: int) -> bool:
        """The name is a country, a big place or an organisation the knowledge base knows."""
        for h in self.kb.hits(fold_key(self.body[self.toks[j][0] : self.toks[end - 1][1]])):
            x = self.kb.get(h.id)
            if x is None or x.type == "PER":
                continue
            if x.kind == "country" or x.type == "ORG" or x.curated or (x.pop or 0) >= 100000:
                return True
        return False


@cache
def _org_templates() -> dict[str, str]:
    """English canonical templates of Indonesian organisation heads ("polres" -> "{} Police"),
    from `link_cues.tsv`."""
    out: dict[str, str] = {}
    for line in (DATA_DIR / "link_cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("org_english\t"):
            for pair in line.split("\t", 1)[1].split("|"):
                if "=" in pair:
                    heads, tpl = pair.split("=", 1)
                    for h in heads.split(","):
                        out[fold_key(h)] = tpl.strip()
    return out


def _org_english(head: str, name: str) -> str | None:
    """ "Polres" + "Bogor" -> "Bogor Police"; None for heads without a template."""
    tpl = _org_templates().get(fold_key(head))
    if tpl is None or not name:
        return None
    return tpl.replace("{}", name)


def _english_place(name: str, head: str = "") -> str:
    """The canonical of an unlinked Indonesian place: "Denpasar Timur" -> "East Denpasar",
    "Kabupaten Jembrana" -> "Jembrana Regency", "Provinsi Timur" -> "Eastern Province"."""
    cp = compass()
    words = name.split()
    key = fold_key(name)
    if key in cp and head in ("provinsi", "prov"):
        adj = cp[key]
        adj = {"West": "Western", "East": "Eastern", "North": "Northern", "South": "Southern"}.get(adj, adj)
        return f"{adj} Province"
    for n in (2, 1):
        if len(words) > n and fold_key(" ".join(words[-n:])) in cp:
            name = f"{cp[fold_key(' '.join(words[-n:]))]} {' '.join(words[:-n])}"
            break
    if head in ("kabupaten", "kab"):
        return f"{name} Regency"
    return name


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
            if m.entry is None and len(m.hits) > 1:
                # a country's own name beats the towns named after it ("Armenia", Colombia)
                top = [
                    x
                    for h in m.hits
                    if h.prio >= 3 and (x := self.kb.get(h.id)) is not None and x.kind == "country"
                ]
                if len(top) == 1:
                    countries.add(top[0].id)
                    ids.add(top[0].id)
                continue
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
        prev = _prev_word(self.folded, m.start)
        if prev in cues().get("name_break", frozenset()) and (e.curated or (e.pop or 0) >= 50000):
            return True  # "Bupati Sukabumi Asep", "Kapolres Metro Depok": the title's jurisdiction
        if " " not in surface.strip() and _neighbour_name(self.kb, self.body, m.start, m.end):
            return False
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
        bounds = _glue_bounds(body)
        mentions = _kb_mentions(kb, body, self.folded, bounds)
        mentions = self.with_patterns(mentions)
        ner = _ner_spans(self.doc)
        occupied = bytearray(len(body) + 1)
        fixed = bytearray(len(body) + 1)
        for m in mentions:
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
            if m.fixed:
                fixed[m.start : m.end] = b"\x01" * (m.end - m.start)
        by_span = {(m.start, m.end): m for m in mentions}
        extra: list[Mention] = []
        for s, e, label in ner:
            s, e = _clean_ner(body, s, e, bounds, label, kb)
            if label == "PER" and e > s and any(fixed[s:e]) and not fixed[e - 1]:
                # "BPBD Kabupaten Bogor Ade Hasanudin": the person after an organisation's name
                k = max(i for i in range(s, e) if fixed[i]) + 1
                while k < e and body[k] == " ":
                    k += 1
                if k < e and body[k].isupper() and " " in body[k:e]:
                    s = k
            if e <= s or any(fixed[s:e]):
                continue
            if " " not in body[s:e].strip() and fold_key(body[s:e]) in cues()["stop"]:
                continue
            s = _strip_title(body, s, e)
            e = self.ner_extend(s, e, label, fixed)
            if (s, e) in by_span:
                by_span[(s, e)].label = label
                continue
            inside = [m for m in mentions if m.start >= s and m.end <= e]
            if (
                label == "LOC"
                and len(inside) == 1
                and inside[0].end == e
                and inside[0].start > s
                and any((x := kb.get(h.id)) is not None and x.kind == "country" for h in inside[0].hits)
            ):
                # "Gorus Azerbaijan": a place followed by its country; the place is a name of its own
                head = body[s : inside[0].start].rstrip()
                if head and head[0].isupper() and not any(occupied[s : s + len(head)]):
                    inside[0].label = label
                    occupied[s : s + len(head)] = b"\x01" * len(head)
                    extra.append(
                        Mention(s, s + len(head), "GPE", label="LOC", hits=tuple(kb.hits(fold_key(head))))
                    )
                    continue
            if inside and not self.ner_wins(s, e, label, inside):
                for m in inside:
                    if m.end - m.start == e - s or len(inside) == 1:
                        m.label = label
                continue
            if inside:
                mentions = [m for m in mentions if m not in inside]
                for m in inside:
                    occupied[m.start : m.end] = b"\x00" * (m.end - m.start)
            if any(occupied[s:e]):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            hits = tuple(kb.hits(fold_key(body[s:e])))
            extra.append(
                Mention(
                    s,
                    e,
                    "PER" if label == "PER" else ("ORG" if label == "ORG" else "GPE"),
                    label=label,
                    hits=hits,
                )
            )
        mentions = sorted(mentions + extra, key=lambda m: m.start)

        countries, ids = self.context(mentions)
        for m in mentions:
            if m.hits and not m.fixed:
                self.choose(m, countries, ids)
        mentions = self.extend(mentions, occupied)
        self.coreference(mentions)
        mentions += self.name_parts(mentions, occupied)
        mentions.sort(key=lambda m: m.start)
        self.fuzzy_places(mentions, countries)
        self.institutions(mentions, countries)
        mentions += self.acronyms(mentions, occupied)
        mentions += self.place_lists(mentions, occupied)
        mentions.sort(key=lambda m: m.start)
        self.agree(mentions)
        return [self.entity(m) for m in mentions if self.keep(m)]

    def agree(self, mentions: list[Mention]) -> None:
        """One name, one reading within an article: a bare place name takes the canonical of the
        prefixed place it names ("Lombok Utara" after "Kabupaten Lombok Utara"); an unlinked name the
        tagger typed differently at different places takes its most frequent type (a fixed pattern's
        first); "Metro Jakarta Pusat" of a police title is the place "Jakarta Pusat"."""
        from collections import Counter

        prefixes = self.place_prefix_names(mentions)
        for m in mentions:
            text = self.body[m.start : m.end]
            if (
                m.entry is not None
                and m.type == "GPE"
                and fold_key(text).startswith("metro ")
                and m.entry.kind != "city"
            ):
                m.start += len(text) - len(text.split(None, 1)[1])
            if m.entry is None and not m.fixed and m.type in ("GPE", "LOC"):
                src = prefixes.get(fold_key(text))
                if src is not None:
                    m.canonical, m.latlon, m.type = src.canonical, src.latlon, src.type
        by_text: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.entry is None and m.type and (m.label or m.fixed):
                by_text.setdefault(fold_key(self.body[m.start : m.end]), []).append(m)
        for ms in by_text.values():
            kinds = Counter("GEO" if m.type in ("GPE", "LOC") else m.type for m in ms)
            if len(kinds) < 2:
                continue
            fixed = [m for m in ms if m.fixed]
            top = (
                ("GEO" if fixed[0].type in ("GPE", "LOC") else fixed[0].type)
                if fixed
                else kinds.most_common(1)[0][0]
            )
            model = next(m for m in ms if ("GEO" if m.type in ("GPE", "LOC") else m.type) == top)
            for m in ms:
                if ("GEO" if m.type in ("GPE", "LOC") else m.type) != top:
                    m.type, m.canonical, m.latlon = model.type, model.canonical, model.latlon

    def place_prefix_names(self, mentions: list[Mention]) -> dict[str, Mention]:
        out: dict[str, Mention] = {}
        pp = cues().get("place_prefix", frozenset())
        for m in mentions:
            if m.entry is None and m.fixed and m.type in ("GPE", "LOC"):
                words = self.body[m.start : m.end].split(None, 1)
                if len(words) == 2 and fold_key(words[0]) in pp:
                    out.setdefault(fold_key(words[1]), m)
        return out

    def ner_extend(self, s: int, e: int, label: str, fixed: bytearray) -> int:
        """A tagged name cut short ("Dialo" of "Dialo Hujanbiru", "Chrey" of "Chrey Tum"): take up to two
        more capitalised words right after it that are neither known names, titles, days nor ordinary
        words."""
        if label not in ("PER", "LOC") or self.kb.hits(fold_key(self.body[s:e])):
            return e
        c = cues()
        skip = c["stop"] | c.get("name_break", frozenset()) | c.get("not_name", frozenset())
        for _ in range(2):
            g = re.match(r" ([A-Z][a-z][\w'’-]*)", self.body[e : e + 40])
            if not g or any(fixed[e : e + g.end()]):
                break
            key = fold_key(g.group(1))
            if key in skip or key in plain_words() or self.kb.hits(key) or key in _heads("org_head"):
                break
            e += g.end()
        return e

    def with_patterns(self, mentions: list[Mention]) -> list[Mention]:
        """Pattern names (`_Patterns`) replace the alias matches inside them ("Polres Bogor" over "Bogor");
        an alias match that contains a pattern name wins over it."""
        pats = _Patterns(self).run()
        pats.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[Mention] = []
        occ = bytearray(len(self.body) + 1)
        for p in pats:
            if any(occ[p.start : p.end]):
                continue
            if any(
                m.start <= p.start and p.end <= m.end and (m.end - m.start) > (p.end - p.start)
                for m in mentions
            ):
                continue
            occ[p.start : p.end] = b"\x01" * (p.end - p.start)
            taken.append(p)
        kept = [m for m in mentions if not any(occ[m.start : m.end])]
        return sorted(kept + taken, key=lambda m: m.start)

    def ner_wins(self, s: int, e: int, label: str, inside: list[Mention]) -> bool:
        """Whether an NER name replaces the alias matches inside it: "Francesca Albanese" is not Anthony
        Albanese, "Mahkamah Agung Saudi" is a court, not Saudi Arabia."""
        if label not in ("PER", "ORG"):
            return False
        text = self.body[s:e]
        words = [w for w in text.split() if w[:1].isupper()]
        if len(words) < 2 or any(m.fixed for m in inside):
            return False
        if any(self.kb.get(h.id) is not None for h in self.kb.hits(fold_key(text))):
            return False
        covered = sum(m.end - m.start for m in inside)
        if covered >= len(text.replace(" ", "")) - 1:
            return False
        if label == "PER":
            # every match inside is a lone surname, or a place/organisation (no person of that full name)
            for m in inside:
                ents = [self.kb.get(h.id) for h in m.hits]
                if any(
                    x is not None and x.type == "PER" and "s" not in h.flags
                    for h, x in zip(m.hits, ents, strict=True)
                ):
                    return False
                if any(x is not None and x.kind == "country" for x in ents):
                    return False
            return True
        first = fold_key(text.split()[0])
        c = cues()
        return first in c.get("org_word", frozenset()) or first in _heads("org_head")

    def extend(self, mentions: list[Mention], occupied: bytearray) -> list[Mention]:
        """Names that run on: an organisation followed by its country ("Mahkamah Agung Saudi"), a town
        followed by a direction ("Denpasar Utara", a district of its own)."""
        out: list[Mention] = []
        c = cues()
        cp = compass()
        org_word = c.get("org_word", frozenset())
        i = 0
        while i < len(mentions):
            m = mentions[i]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            text = self.body[m.start : m.end]
            if (
                nxt is not None
                and m.type == "ORG"
                and not m.fixed
                and nxt.entry is not None
                and nxt.entry.kind == "country"
                and self.body[m.end : nxt.start] == " "
                and (
                    fold_key(text.split()[0]) in org_word
                    or (
                        m.entry is not None
                        and m.entry.kind in ("institution", "bare_institution", "government", "military")
                    )
                )
            ):
                whole = self.body[m.start : nxt.end]
                entry = next(
                    (
                        x
                        for h in self.kb.hits(fold_key(whole))
                        if (x := self.kb.get(h.id)) is not None and x.type == "ORG"
                    ),
                    None,
                )
                if entry is None and m.entry is not None and m.entry.kind == "bare_institution":
                    inst = m.entry.data.get("institution")
                    entry = self.kb.get(f"{nxt.entry.id}:{inst}")
                out.append(
                    Mention(m.start, nxt.end, "ORG", entry=entry, label="ORG", fixed=True, canonical=whole)
                )
                i += 2
                continue
            if m.type in ("GPE", "LOC") and (m.entry is None or m.entry.kind in ("city", "admin", "place")):
                g = re.match(
                    r" ((?:Barat|Timur|Utara|Selatan|Tengah|Tenggara)(?: (?:Daya|Laut))?)\b",
                    self.body[m.end : m.end + 20],
                )
                if g and fold_key(g.group(1)) in cp and not (nxt is not None and nxt.start < m.end + g.end()):
                    e = m.end + g.end()
                    name = self.body[m.start : e]
                    base = m.entry.name if m.entry is not None else text
                    occupied[m.start : e] = b"\x01" * (e - m.start)
                    out.append(
                        Mention(
                            m.start,
                            e,
                            "GPE",
                            label="LOC",
                            fixed=True,
                            canonical=f"{cp[fold_key(g.group(1))]} {base}"
                            if m.entry is not None
                            else _english_place(name),
                            latlon=(m.entry.lat, m.entry.lon)
                            if m.entry is not None and m.entry.lat is not None
                            else None,
                        )
                    )
                    i += 1
                    continue
            out.append(m)
            i += 1
        return out

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
            known = any(
                m.entry is not None and m.entry.kind in _GEO_KINDS and s <= m.start < e
                for m in mentions
                for s, e in [(names[0][0], names[-1][1])]
            )
            if not (before & c["strong_place_cue"]) and not known:
                continue
            spans = [(s, e) for s, e in names if fold_key(self.body[s:e]) not in c["stop"]]
            if len(spans) != len(names):
                continue
            # Only when no item is something else the article already named (a person, an org); an
            # unlinked tagger guess in the list ("Alibeyli" as a person) is a place like the others.
            clash = [
                m
                for m in mentions
                for s, e in spans
                if m.type in ("PER", "ORG") and m.start < e and s < m.end
            ]
            if any(m.entry is not None or m.fixed for m in clash):
                continue
            for m in clash:
                m.type, m.label = "GPE", "LOC"
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
        # names of people the knowledge base does not know, by their words and word tails:
        # "Albanese" after "Francesca Albanese", "Al-Derazi" after "Abdullah al-Derazi"
        unknown: dict[str, str] = {}
        for m in mentions:
            if m.type == "PER" and m.entry is None:
                words = fold_key(self.body[m.start : m.end]).split()
                if len(words) >= 2:
                    for k in range(1, len(words)):
                        unknown.setdefault(" ".join(words[k:]), self.body[m.start : m.end])
                    for w in words:
                        if len(w) >= 4:
                            unknown.setdefault(w, self.body[m.start : m.end])
        for m in mentions:
            key = fold_key(self.body[m.start : m.end])
            if (
                m.entry is None
                and not m.fixed
                and m.type != "PER"
                and key in unknown
                and m.label in ("ORG", "LOC")
            ):
                m.type, m.label, m.canonical = "PER", "PER", unknown[key]
                continue
            if m.type != "PER" and not (m.label == "PER" and m.entry is None):
                continue
            if m.entry is None and not m.type and m.label == "PER":
                # an alias match the knowledge base could not place, which the tagger calls a person
                m.type = "PER"
                if key in unknown:
                    m.canonical = unknown[key]
            if m.entry is not None and not m.surname_only:
                continue
            if m.surname_only and key in unknown and not any(key in fold_key(e.name).split() for e in full):
                m.entry, m.surname_only, m.canonical, m.label = None, False, unknown[key], "PER"
                continue
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
            for k in range(1, len(words) - 1):
                if words[k] in ("al", "el", "bin", "ibn", "abu"):
                    parts.setdefault(" ".join(words[k:]), m)  # "Al-Derazi" after "Abdullah al-Derazi"
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
            if _neighbour_capitalised(self.body, s, e) and not _sentence_initial(self.body, s):
                continue  # one word of a longer name ("Maulana" in "UIN Maulana Malik Ibrahim")
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
            if m.entry is not None or m.label != "LOC" or m.fixed:
                continue
            key = fold_key(self.body[m.start : m.end])
            if len(key) < 5:
                continue
            choices: list[tuple[str, str]] = []
            for c in sorted(countries):
                choices.extend(self.kb.places_in(c))
            if not choices:
                continue
            got = process.extractOne(
                key, [k for k, _ in choices], scorer=Levenshtein.distance, score_cutoff=1
            )
            if got is not None:
                m.entry = self.kb.get(choices[got[2]][1])
                if m.entry is not None:
                    m.type = m.entry.type

    def institutions(self, mentions: list[Mention], countries: set[str] | None = None) -> None:
        """A ministry named without its country ("Kemenhan") is the one of that kind named before it,
        else the default country's (Indonesian news: Indonesia's own), else that of the country the
        article names most ("Kongres" in an article about Peru)."""
        from collections import Counter

        named = Counter(m.entry.id for m in mentions if m.entry is not None and m.entry.kind == "country")
        main = named.most_common(1)[0][0] if named else None
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
                if target is None and main is not None:
                    target = self.kb.get(f"{main}:{inst}")
                if target is not None:
                    m.entry = target

    # -- output ---------------------------------------------------------------------------------------
    def keep(self, m: Mention) -> bool:
        text = self.body[m.start : m.end]
        if not text.strip() or not (_has_name_case(text) or _DETIK.fullmatch(text)):
            return False
        if m.entry is None and not m.label and not m.fixed:
            return False
        key = fold_key(text)
        if key in cues().get("not_name", frozenset()) or (
            " " not in key and key in cues().get("place_prefix", frozenset())
        ):
            return False
        kw = key.split()
        ne = cues().get("not_entity", frozenset())
        if any(" ".join(kw[:n]) in ne for n in range(1, len(kw) + 1)) or kw[0] in cues().get("law_head", ()):
            return False  # laws and programmes ("KUHP", "UU ITE", "MBG") are not names of actors
        if m.entry is None and m.type == "PER" and _INITIALS.fullmatch(text):
            return False  # a suspect named by initials only ("RN", "M")
        if _INITIALS.fullmatch(text) and (
            _prev_word(self.folded, m.start) in cues().get("initials_cue", frozenset())
            or re.match(r" ?\(\d{1,2}\)", self.body[m.end : m.end + 6])
        ):
            return False  # "tersangka berinisial AS (25)": initials, not the United States
        if (
            m.entry is None
            and not m.canonical
            and " " not in key
            and (key in _heads("org_head") or key in _heads("loc_head"))
        ):
            return False  # a head word without its name ("dibawa ke Mapolres")
        if m.entry is None and (not m.fixed or m.type == "PER") and self.plain_phrase(text):
            return False
        if (
            m.entry is None
            and not m.fixed
            and m.type == "PER"
            and " " in key
            and key.split()[0] in plain_words()
            and not m.canonical
        ):
            return False  # "Tim Monitoring", "Kandang X": a person's name does not begin with a common noun
        # A lone surname that no full name in the article supports is kept only for people in the
        # curated set (famous enough to be named by surname alone).
        if m.surname_only and m.entry is not None and not m.entry.curated:
            return False
        return True

    def plain_phrase(self, text: str) -> bool:
        """A title-cased run of ordinary words the tagger took for a name ("Keamanan Pangan", "Kelima"),
        possibly with an acronym the knowledge base knows as an organisation ("Non Alam Kemensos")."""
        plain = plain_words()
        nn = cues().get("not_name", frozenset())
        words = [fold_key(w) for w in _TOKEN.findall(text)]
        if not words:
            return False
        n_plain = 0
        for w in words:
            if w in plain or w in nn:
                n_plain += 1
                continue
            if len(words) > 1 and any(
                (x := self.kb.get(h.id)) is not None and x.type == "ORG" for h in self.kb.hits(w)
            ):
                continue
            return False
        return n_plain > 0

    def entity(self, m: Mention) -> Entity:
        text = self.body[m.start : m.end]
        e = m.entry
        if e is None:
            typ = m.type or "GPE"
            if m.fixed:
                pass
            elif m.label == "LOC":
                typ = "LOC" if _prev_word(self.folded, m.start) in cues()["loc_cue"] else "GPE"
            lat, lon = m.latlon if m.latlon and typ in ("GPE", "LOC") else (None, None)
            return Entity(
                text=text,
                start=m.start,
                end=m.end,
                type=typ,
                id=None,  # type: ignore[arg-type]
                canonical=m.canonical or text,
                lat=lat,
                lon=lon,
            )
        if e.capital_of and self.metonymy(m):
            country = self.kb.get(e.capital_of)
            if country is not None:
                e = country
        typ = e.type
        if typ == "GPE" and e.kind in ("region",):
            typ = "LOC"
        lat = e.lat if typ in ("GPE", "LOC") else None
        lon = e.lon if typ in ("GPE", "LOC") else None
        return Entity(
            text=text,
            start=m.start,
            end=m.end,
            type=typ,
            id=e.id,
            canonical=e.name,  # type: ignore[arg-type]
            lat=lat,
            lon=lon,
        )

    def metonymy(self, m: Mention) -> bool:
        """A capital right before a verb of saying or acting, and not after "di"/"ke"/"dari", is its
        government speaking: "Ankara memperingatkan Yerevan"."""
        c = cues()
        if _prev_word(self.folded, m.start) in c["metonymy_block"]:
            return False
        before = self.body[: m.start].split()[-1:]
        if (
            before
            and before[0][:1].isupper()
            and not _sentence_initial(self.body, m.start - len(before[0]) - 1)
        ):
            return False  # "Pengadilan Tipikor Jakarta memutuskan": part of an institution's name
        nxt = _next_words(self.folded, m.end, 3)
        if not nxt or self.body[m.end : m.end + 1] in ",.-–—:;":
            return False
        verbs = c["metonymy_verb"]
        return nxt[0] in verbs and (
            nxt[0].startswith(("me", "ber", "di")) or (len(nxt) > 1 and nxt[1] in verbs)
        )


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
