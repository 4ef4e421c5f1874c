"""Who is speaking: the text layout and speaker resolution shared by quotes and claims.

Quotes and claims both need (a) the article cut into paragraphs, sentences and quotation spans, with
reading aids such as "(Baca juga: ...)" masked out, and (b) a way to turn the words that name a speaker
("Aliyev", "ujarnya", "Kementerian itu", "PM yang juga seorang jurnalis itu", "Ankara") into one canonical
name. Names come, in order of trust, from the linked entities of the article, the knowledge base's
`resolve_name` when it exists, and a small grammar of Indonesian institution names and government seats kept
in the language pack (speaker_bodies.tsv, speaker_countries.tsv, speaker_titles.tsv, speaker_words.tsv).
Pronouns and definite descriptions resolve against the speakers and persons the article has named so far.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

from ..lang.id import grammar_word_list, grammar_words, load_tsv
from ..model import Article, Entity

# --------------------------------------------------------------------------------------------------
# Language data


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str


@dataclass(frozen=True)
class SpeakerLexicon:
    words: dict[str, str]                 # speaker_words.tsv: word -> its first kind
    by_kind: dict[str, frozenset[str]]    # kind -> words (a word may have several kinds)
    countries: dict[str, Country]         # Indonesian country name or seat -> country
    seats: frozenset[str]                 # the keys of `countries` that are seats of government
    bodies: dict[str, str]                # Indonesian institution phrase -> English pattern
    plural_default: frozenset[str]        # phrases whose "singular|plural" pattern defaults to the plural
    titles: dict[str, str]                # title -> key
    country_alt: str
    country_re: re.Pattern[str]
    body_re: re.Pattern[str]
    title_re: re.Pattern[str]
    title_low_re: re.Pattern[str]  # the same, case-sensitive, for scanning lower-cased text


def _alt(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> SpeakerLexicon:
    words: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    for row in load_tsv("speaker_words.tsv"):
        words.setdefault(row[0], row[1])
        kinds.setdefault(row[1], set()).add(row[0])
    countries: dict[str, Country] = {}
    seats: set[str] = set()
    for row in load_tsv("speaker_countries.tsv"):
        c = Country(row[1], row[2] if len(row) > 2 else row[1])
        countries[row[0]] = c
        if len(row) > 3 and row[3]:
            for seat in row[3].split("|"):
                countries.setdefault(seat, c)
                seats.add(seat)
    rows = load_tsv("speaker_bodies.tsv")
    bodies = {row[0]: row[1] for row in rows}
    plural_default = frozenset(row[0] for row in rows if row[2:] == ("many",))
    titles = {row[0]: row[1] for row in load_tsv("speaker_titles.tsv")}
    return SpeakerLexicon(
        words=words, by_kind={k: frozenset(v) for k, v in kinds.items()}, countries=countries, seats=frozenset(seats), bodies=bodies,
        plural_default=plural_default, titles=titles,
        country_alt=_alt(countries),
        country_re=re.compile(rf"(?<![\w-])({_alt(countries)})(?![\w-])", re.IGNORECASE),
        body_re=re.compile(rf"(?<![\w-])({_alt(bodies)})(?![\w-])", re.IGNORECASE),
        title_re=re.compile(rf"(?<![\w-])({_alt(titles)})(?:nya)?(?![\w-])", re.IGNORECASE),
        title_low_re=re.compile(rf"(?<![\w-])({_alt(titles)})(?:nya)?(?![\w-])"),
    )


def words_of(kind: str) -> frozenset[str]:
    """The words of speaker_words.tsv of one kind (stop, aux, preposition, noun …)."""
    return lexicon().by_kind.get(kind, frozenset())


# --------------------------------------------------------------------------------------------------
# Layout: paragraphs, sentences, quotation spans, masked clutter

_CLUTTER = re.compile(
    r"\(\s*(?:Baca|Lihat|Simak)(?:\s+(?:juga|pula))?\s*:[^)\n]*\)?|^\s*(?:Baca|Lihat|Simak)\s+(?:juga|pula)?\s*:.*$",
    re.IGNORECASE | re.MULTILINE,
)
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Dr|dr|Prof|No|no|Jl|St|Tn|Ny|Sdr|H|Hj|dll|dsb|dkk|a\.n|Kol|Letjen|Mayjen|Brigjen|Jend|Kapt|Lt|Mr|Mrs|Ms|Ir|Drs|Bpk|Ibu))\.$")
DOUBLE_QUOTES = "\"“”„«»"
_DEMONSTRATIVE_END = re.compile(r"\s+(?:" + _alt(grammar_word_list("demonstrative")) + r")\s*$")
_OFFICE_GOES_ON = re.compile(r"\s+(?:" + _alt(grammar_word_list("office_conjunction"))
                             + r")\s+[A-Z]")
_AUX_THEN_VERB = re.compile(r"\s+(?:(?:" + _alt(grammar_word_list("aux_verb")) + r")\s+)?(?P<v>\w+)")
_QUOTE_CHARS = re.compile(r"[\"“”„«»‘\n]")
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"


def mask_clutter(body: str) -> str:
    """`body` with reading aids ("(Baca juga: ...)") blanked out, same length so offsets still hold."""
    return _CLUTTER.sub(lambda m: " " * len(m.group(0)), body)


@dataclass
class QuoteSpan:
    """A stretch of text between quotation marks: `start`/`end` include the marks, `cs`/`ce` do not."""

    start: int
    end: int
    cs: int
    ce: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.cs, self.ce


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks: curly or straight double quotes pair with the next double mark of either
    kind (sites mix “ and "), single ‘ … ’ pair when not apostrophes. A quotation left open at the end of
    a paragraph continues when the next paragraph opens with a quotation mark (multi-paragraph quotes)."""
    spans: list[QuoteSpan] = []
    n = len(text)
    open_at: int | None = None
    skip_to = -1
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        c = text[i]
        if c == "\n":
            if open_at is None:
                continue
            # continue only if the next paragraph (after a blank line) opens with a quotation mark
            j = i
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] in DOUBLE_QUOTES and "\n\n" in text[i:j + 1] + "\n":
                skip_to = j + 1
                continue
            open_at = None
        elif c in DOUBLE_QUOTES:
            if open_at is None:
                if c in CLOSE_DOUBLE and not (i == 0 or text[i - 1] in " \t\n(—-"):
                    continue
                open_at = i
            else:
                spans.append(QuoteSpan(open_at, i + 1, open_at + 1, i))
                open_at = None
        elif c == "‘" and open_at is None and (i == 0 or not text[i - 1].isalnum()):
            end = text.find("\n", i)
            end = n if end < 0 else end
            for k in re.finditer("’", text[i + 1:end]):
                j = i + 1 + k.start()
                if j + 1 == n or not text[j + 1].isalnum():
                    spans.append(QuoteSpan(i, j + 1, i + 1, j))
                    skip_to = j + 1
                    break
    return spans


@dataclass
class Sentence:
    start: int
    end: int
    para: int


def split_sentences(text: str, quotes: list[QuoteSpan]) -> list[Sentence]:
    """Sentences per paragraph (a line break always ends one); `.`, `!`, `?` end a sentence before an
    upper-case word or an opening quote, never inside a quotation nor after an abbreviation."""
    inside = bytearray(len(text))
    for q in quotes:
        for k in range(q.cs, q.ce):
            inside[k] = 1
    out: list[Sentence] = []
    para = 0
    pos = 0
    for line in text.split("\n"):
        lstart, lend = pos, pos + len(line)
        pos = lend + 1
        if not line.strip():
            para += 1
            continue
        s = lstart
        for m in re.finditer(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9ÀÇÉÖÜ])", line):
            e = lstart + m.end()
            if inside[lstart + m.start()]:
                continue
            if _ABBREV.search(line[: m.start() + 1]):
                continue
            out.append(Sentence(s, e, para))
            s = e
            while s < lend and text[s] == " ":
                s += 1
        if s < lend and text[s:lend].strip():
            out.append(Sentence(s, lend, para))
        para += 1
    return out


@dataclass(frozen=True)
class Layout:
    """The masked text of a body with its quotation spans and sentences, computed once per body."""

    text: str
    quotes: tuple[QuoteSpan, ...]
    sentences: tuple[Sentence, ...]


@lru_cache(maxsize=8)
def layout(body: str) -> Layout:
    """Shared by the quote and claim extractors, which read the same body one after the other."""
    text = mask_clutter(body)
    spans = find_quote_spans(text)
    return Layout(text, tuple(spans), tuple(split_sentences(text, spans)))


# --------------------------------------------------------------------------------------------------
# Speaker resolution


@dataclass
class Resolved:
    """A speaker as resolved: canonical name (or text as written), KB id, kind (PER/ORG/GPE/GROUP)."""

    name: str | None
    id: str | None = None
    kind: str = "ORG"
    key: str | None = None  # institution or title key, for "Kementerian itu" / "PM ... itu"
    members: tuple[str, ...] = ()


@dataclass
class History:
    """What the article has said so far about who speaks: speakers in order, persons named, titles."""

    speakers: list[tuple[int, Resolved]] = field(default_factory=list)
    titles: dict[str, Resolved] = field(default_factory=dict)      # "presiden turki" / "prime-minister"
    last_pair: Resolved | None = None
    indirect_bodies: set[int] = field(default_factory=set)  # cue positions of institutions' reported speech
    indirect_spans: list[tuple[int, int]] = field(default_factory=list)  # contents of reported speech


def _try_kb() -> Any:
    try:  # the knowledge base lands in its own issue; use it when it is there
        from ..kb import resolve_name  # type: ignore[attr-defined]

        return resolve_name
    except Exception:  # noqa: BLE001 - any import problem means "no KB yet"
        return None


_NAME_RUN = re.compile(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’\-]*(?:[ \t]+(?:[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’\-]*|"
                       + "|".join(map(re.escape, grammar_word_list("name_run_particle"))) + "))*")
_SPACE = re.compile(r"\s+")
_CAP_WORD = r"(?:[A-Z]\.|[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’\-]*)"
_TITLED_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:\([^)\n]{{1,30}}\)|{_CAP_WORD}))*")


_NAME_ONLY = re.compile(r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*(?:\s+[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*){0,4}")


def _names_fit(written: str, canonical: str, *, strict: bool = False) -> bool:
    """Whether every word of a written person name has a counterpart in the canonical name (equal, or a
    spelling variant: Sergei/Sergey, Mevlüt/Mevlut); a single written word always fits (a surname)."""
    def fold(t: str) -> list[str]:
        t = "".join(ch for ch in unicodedata.normalize("NFKD", t.lower()) if not unicodedata.combining(ch))
        return [w for w in re.findall(r"[^\W\d_]+", t.replace("ı", "i")) if len(w) > 1]

    ww, cw = fold(written), fold(canonical)
    if not cw or not ww:
        return True
    if len(ww) < 2:
        return not strict or ww[0] in cw
    for w in ww:
        if not any(c == w or (c[:1] == w[:1] and SequenceMatcher(None, w, c).ratio() >= 0.7) for c in cw):
            return False
    return True


@cache
def _units() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in load_tsv("speaker_units.tsv"):
        out.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
    return out


@cache
def _unit_re() -> re.Pattern[str]:
    u = _units()
    return re.compile(
        rf"(?<![\w-])(?P<type>(?i:{_alt(list(u['police']) + list(u['court']))}))(?:\s+\([A-Za-z]+\))?"
        r"(?P<rest>(?:[ \t]+(?:[A-Z][\w-]*|[IVX]+(?:-\d+)?|\d[\w.-]*))*)")


def unit_name(text: str) -> str | None:
    """A police unit or court named by its seat, in English: "Polres Bangka Barat" -> "West Bangka
    Police", "Pengadilan Militer I-04 Palembang" -> "Palembang Military Court I-04"; None for other text."""
    m = _unit_re().fullmatch(" ".join(text.split()))
    if not m:
        return None
    u = _units()
    typ = " ".join(m.group("type").lower().split())
    english = u["police"].get(typ) or u["court"].get(typ)
    words = m.group("rest").split()
    codes = [w for w in words if re.fullmatch(r"[IVX]+(?:-\d+)?|\d[\w.-]*", w)]
    place = [w for w in words if w not in codes]
    if not place or english is None:
        return None
    compass = u["compass"]
    low = [w.lower() for w in place]
    for n in (2, 1):  # "Bangka Barat" -> "West Bangka"
        if len(low) > n and " ".join(low[-n:]) in compass:
            place = [compass[" ".join(low[-n:])]] + place[:-n]
            break
    return " ".join(place + english.split() + codes)


_OPENERS = grammar_words("name_opener")
_ACRONYM_DEF = re.compile(
    r"(?P<long>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|" + "|".join(map(re.escape, grammar_word_list("acronym_connector")))
    + r")){1,8})[ \t]+\((?P<acr>[A-Z][A-Za-z0-9]{1,9})\)")
_ALIAS_DEF = re.compile(
    r"(?P<full>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3})[ \t]+\((?P<alias>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}|[A-Z]{2,5})\)")


_SINGLE_BEFORE = re.compile(r"(?:^|\s)(?:" + _alt(grammar_word_list("single_marker"))
                            + r")\s*$", re.IGNORECASE)
_PLURAL_BEFORE = re.compile(r"(?:^|\s)(?:" + _alt(grammar_word_list("plural_marker"))
                            + r")\s*$", re.IGNORECASE)


def _number(pattern: str, before: str, noun: str, after: str, plural_default: bool) -> str:
    """"prosecutor|prosecutors": the plural when the phrase marks one ("para jaksa", "sejumlah saksi",
    "siswa-siswi"), else the singular; Indonesian leaves number unsaid, and one speaker is the common case."""
    if "|" not in pattern:
        return pattern
    one, many = pattern.split("|", 1)
    if plural_default:  # plural unless one source is marked: "seorang sumber", "salah satu sumber", "sumber itu"
        return one if _SINGLE_BEFORE.search(before) or _DEMONSTRATIVE_END.search(after) else many
    reduplicated = "-" in noun.split()[0]  # "siswa-siswi"
    return many if _PLURAL_BEFORE.search(before) or reduplicated else one


def _is_description(english: str | None) -> bool:
    """An English description of unnamed people ("protesters", "residents"), as opposed to a body's name:
    speaker_bodies.tsv writes descriptions in lower case."""
    return bool(english) and english[:1].islower() and "{" not in english  # type: ignore[index]


def _is_acronym(text: str) -> bool:
    """"BEM UI", "KBRI": an institution's acronym, not a person's name (initials like "RN" stay names)."""
    words = text.split()
    return bool(words) and all(w.isupper() and w.isalpha() for w in words) and (len(words) >= 2 or len(words[0]) >= 3)


_PLURAL_GROUP = grammar_words("plural_group")
_HUMAN_REACH = 1200  # characters back a personal pronoun looks for a person before settling for an institution
_NAME_PARTICLES = grammar_words("name_particle")


class Attributor:
    """Resolves speaker phrases of one article to canonical names, remembering what came before."""

    def __init__(self, art: Article, body: str) -> None:
        self.art = art
        self.body = body
        self.lex = lexicon()
        self.entities: list[Entity] = sorted(art.entities or [], key=lambda e: e.start)
        self.kb = _try_kb()
        self._kb_cache: dict[str, Resolved | None] = {}
        self.low = body.lower() if len(body.lower()) == len(body) else body
        self.history = History()
        self.known: dict[str, Resolved] = {}
        for e in self.entities:
            if e.type == "PER":
                self.known.setdefault(self.entity_name(e), Resolved(self.entity_name(e), e.id, "PER"))
        self.aliases: dict[str, str] = {}
        self._aliases_from_text()
        self._titles_from_text()
        self._mentions = self._person_mentions()
        self._voiced = self._voiced_persons()
        self.acronyms = self._acronyms_from_text()

    # -- entities -----------------------------------------------------------------------------------

    def _aliases_from_text(self) -> None:
        """A person's nickname given in brackets after the full name ("Menteri Sosial Saifullah Yusuf (Gus
        Ipul)", "Abdul Rahman (Abah)"): later mentions of the nickname name the same person."""
        for m in _ALIAS_DEF.finditer(self.body):
            full, alias = " ".join(m.group("full").split()), " ".join(m.group("alias").split())
            per = next((e for e in self.entities if e.type == "PER" and e.start <= m.start("full") < e.end), None) \
                or next((e for e in self.entities if e.type == "PER" and e.end == m.end("full")), None)
            initials = "".join(w[0] for w in self.entity_name(per).split()).lower() if per is not None else ""
            person_acronym = alias.isupper() and len(alias) >= 2 and initials.endswith(alias.lower())
            if (alias.isupper() and not person_acronym) or full.split()[0].lower() in words_of("orgword") \
                    or self.lex.title_re.fullmatch(full.split()[0]) or alias.lower() in self.lex.countries:
                continue  # an acronym or an institution's short form, not a nickname ("HNW" for a person is)
            if per is None and any(e.type in ("ORG", "GPE", "LOC") and e.start <= m.start("full") < e.end
                                   for e in self.entities):
                continue
            name = self.entity_name(per) if per is not None else full
            # the run may start with an office word ("Sosial Saifullah Yusuf"): keep the name at its end
            name = self.name_at_end(name) or name if per is None else name
            if name and name.lower() != alias.lower():
                self.aliases[alias.lower()] = name
                self.known.setdefault(name, Resolved(name, per.id if per is not None else None, "PER"))

    def alias_of(self, name: str | None) -> str | None:
        if not name:
            return name
        return self.aliases.get(" ".join(name.lower().split()), name)

    def entities_in(self, a: int, b: int) -> list[Entity]:
        return [e for e in self.entities if e.start >= a and e.end <= b]

    def entity_name(self, e: Entity) -> str:
        """The entity's canonical name, unless the linker tied a person to someone whose names do not
        fit the written ones ("Francesca Albanese" linked to Anthony Albanese): then the name as written."""
        aliases = getattr(self, "aliases", None)
        if e.type == "PER" and aliases and (e.text.lower() in aliases or (e.canonical or "").lower() in aliases):
            return aliases.get(e.text.lower()) or aliases[(e.canonical or "").lower()]
        if e.type == "PER" and e.canonical and e.canonical != e.text:
            written = self._written_name(e)
            if not _names_fit(written, e.canonical):
                return written
        if e.type == "ORG" and not e.id:
            acr = getattr(self, "acronyms", {}).get(" ".join(e.text.split()).lower())
            if acr:
                return acr  # an unlinked institution the article spelled out with its acronym
        return e.canonical or e.text

    def _written_name(self, e: Entity) -> str:
        """The person's name as written around a PER entity, with the given names the recogniser left
        out ("Francesca [Albanese]"); titles, ranks, office words and sentence openers are not names."""
        m = re.search(r"(?:[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’-]*[ \t]+){1,3}$", self.body[max(0, e.start - 60):e.start])
        if not m:
            return e.text
        words = m.group(0).split()
        keep: list[str] = []
        ranks, orgs = words_of("rank"), words_of("orgword")
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            wl = w.lower()
            if (len(w) > 1 and w.isupper()) or wl in ranks or wl in orgs or wl in self.lex.countries \
                    or self.lex.title_re.fullmatch(w) or wl in _OPENERS or wl in self.lex.words:
                break
            keep.insert(0, w)
        return " ".join(keep + [e.text]) if keep else e.text

    def name_at_end(self, phrase: str, start: int | None = None) -> str | None:
        """The person's name closing an office phrase, as written: "Kapolres Metro Depok Kombes Budi
        Santoso" -> "Budi Santoso", "Kepala BNPB Suharyanto" -> "Suharyanto". The name is the run of
        capitalised words at the end that are not an acronym, a rank, an office or institution word
        (speaker_words.tsv), a title, a country, or a place or organisation the linker found."""
        lex = self.lex
        ranks, orgs = words_of("rank"), words_of("orgword")
        phrase = re.sub(r"[\s,.;:]+$", "", phrase)
        out: list[str] = []
        for m in reversed(list(re.finditer(r"\S+", phrase))):
            t = m.group(0)
            tl = t.lower().rstrip(".")
            if out and tl in _NAME_PARTICLES:
                out.append(t)
                continue
            if not t[:1].isupper() or (len(t) > 1 and t.isupper() and not t.endswith(".")) \
                    or any(ch.isdigit() for ch in t) or tl in ranks or tl in orgs \
                    or tl in lex.countries or lex.title_re.fullmatch(t):
                break
            # a place or a linked organisation ends the name (the recogniser's unlinked ORG spans often
            # swallow the person: "BNPB Abdul Muhari")
            if start is not None and any((e.type in ("GPE", "LOC") or (e.type == "ORG" and e.id))
                                         and e.start <= start + m.start() < e.end for e in self.entities):
                break
            out.append(t)
            if len(out) >= 5:
                break
        while out and out[-1].lower().rstrip(".") in _NAME_PARTICLES:
            out.pop()
        if not out:
            return None
        name = " ".join(reversed(out))
        return None if self.lex.body_re.fullmatch(name) else name

    def has_office(self, phrase: str) -> bool:
        """Whether a phrase holds an office, rank, institution word or acronym besides a name."""
        ranks, orgs = words_of("rank"), words_of("orgword")
        if self.lex.title_re.search(phrase) or self.lex.body_re.search(phrase):
            return True
        return any(w.lower() in ranks or w.lower() in orgs or (len(w) > 1 and w.isupper())
                   for w in re.findall(r"[\w-]+", phrase))

    def _person_mentions(self) -> list[tuple[int, int, Resolved]]:
        """Where persons are named: PER entities, else every occurrence of a person the article introduced
        with a title ("Menteri Pertahanan Turki Hulusi Akar"), by full name or surname."""
        out = [(e.start, e.end, Resolved(self.entity_name(e), e.id, "PER")) for e in self.entities if e.type == "PER"]
        if out:
            return out
        for name, res in self.known.items():
            if not name:
                continue
            forms = {name, name.split()[-1]}
            for form in forms:
                if len(form) < 3:
                    continue
                for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.body):
                    if not any(a <= m.start() < b for a, b, _ in out):
                        out.append((m.start(), m.end(), res))
        out.sort(key=lambda t: t[0])
        return out

    def _opens_sentence(self, pos: int) -> bool:
        """Whether the name at `pos` is the subject opening its sentence, after an optional clause and
        comma and the office and rank before the name ("Setelah diadang, Sergei …", "Kapolres X AKBP Y …"),
        or the agent of a reporting passive ("disampaikan oleh X")."""
        seg = re.split(r"[.!?\n]\s*", self.body[max(0, pos - 200):pos])[-1]
        if re.search(r"\b(?:di|)(?:sampaikan|ungkapkan|katakan|jelaskan|tegaskan|paparkan|umumkan)\s+(?:oleh\s+)?$", seg):
            return True
        return bool(re.fullmatch(r"(?:[^,]*,\s*)?(?:(?:[A-Z][\w.-]*|\([^)]*\))\s+){0,8}", seg))

    def _voiced_persons(self) -> set[str]:
        """Persons the article gives a standing to speak: named anywhere with an office, rank or title
        ("Kapolres … AKBP Budi"), or as a witness ("warga bernama Budi", "Budi, warga setempat"). Persons
        named only bare or in a role the story is about ("tersangka Erwin", "korban Riky") are not in it."""
        voice, part = words_of("voice"), words_of("participant")
        out: set[str] = set()
        for start, end, res in self._mentions:
            if not res.name or res.name in out:
                continue
            before = re.split(r"[.!?;\n]\s", self.body[max(0, start - 60):start])[-1]
            words = re.findall(r"[\w-]+", before)[-4:]
            app = re.match(r"\s*(?:\(\d+\))?\s*,\s*(?:seorang\s+|salah\s+(?:satu|seorang)\s+)?([\w-]+)",
                           self.body[end:end + 60])
            text = self.body[start:end]
            if any(w.lower() in part for w in words[-2:]):
                continue
            titled = [w for w in words if w[:1].isupper() and w.lower() not in self.lex.countries]
            if self.has_office(text) or (titled and self.has_office(" ".join(titled))) \
                    or any(w.lower() in voice for w in words[-3:]) \
                    or (app is not None and app.group(1).lower() in voice):
                out.add(res.name)
        return out

    def expand_name(self, name: str) -> Resolved | None:
        """A person named before in full, by the full name or the surname ("Aliyev" -> Ilham Aliyev)."""
        low = " ".join(name.lower().split())
        if low in self.aliases:
            return self.known.get(self.aliases[low]) or Resolved(self.aliases[low], None, "PER")
        for full, res in self.known.items():
            fl = full.lower()
            if fl == low or (fl.split() and fl.split()[-1] == low) or fl.endswith(" " + low):
                return res
        # Indonesian names are often shortened to the first name ("Bimo" for Bimo Wijayanto)
        if " " not in low and len(low) >= 3:
            hits = {full: res for full, res in self.known.items() if low in full.lower().split()[:-1]}
            if len(hits) == 1:
                return next(iter(hits.values()))
        return None

    def persons_before(self, pos: int, inside_quote: Any) -> list[tuple[int, Resolved]]:
        """Persons named before `pos` as subjects (not after a preposition, not inside a quotation)."""
        preps = words_of("preposition")
        out = []
        for start, end, res in self._mentions:
            if end > pos or inside_quote(start):
                continue
            if any(a <= start < b for a, b in self.history.indirect_spans):
                continue  # "Andreas mengatakan Prabowo perlu … Dia menambahkan": named in the report, not its voice
            # walk back over the title and capitalised words before the name ("dengan Menteri Luar
            # Negeri Turki Mevlut Cavusoglu"): the word before them decides whether it is a subject
            prev = self.body[max(0, start - 80):start].split()
            while prev and prev[-1].lower() not in preps and (prev[-1][:1].isupper() or self.lex.title_re.fullmatch(prev[-1])
                            or prev[-1].lower() in ("luar", "negeri", "dalam", "pertahanan")):
                prev.pop()
            prev_word = prev[-1].lower().strip(",") if prev else ""
            if prev_word in preps:
                continue
            if re.fullmatch(r"(?:me|mem|men|meng|meny)[a-z]{3,}", prev_word) and not self.lex.title_re.fullmatch(prev_word):
                continue  # "KPK memeriksa Yudi": the object of a verb, not who speaks next
            out.append((start, res))
        return out

    def _titles_from_text(self) -> None:
        """Remember "Presiden Turki Recep Tayyip Erdogan" as who "presiden Turki" / "presiden" is."""
        lex = self.lex
        for m in lex.title_low_re.finditer(self.low):
            key = lex.titles[" ".join(m.group(1).lower().split())]
            rest = self.body[m.end():m.end() + 80]
            cm = re.match(rf"\s+(?:(?P<country>{lex.country_alt})\s+)?", rest, re.IGNORECASE)
            after = m.end() + (cm.end() if cm else 0)
            person = next((e for e in self.entities if e.type == "PER" and after <= e.start <= after + 2), None)
            if person is not None:
                res = Resolved(self.entity_name(person), person.id, "PER", key=key)
            else:
                nm = _TITLED_RUN.match(self.body, after)
                if not nm or nm.start() != after:
                    continue
                # "Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa": drop brackets; a long run holds the rest
                # of the office before the name, which is its last words
                run = re.sub(r"\([^)]*\)", lambda b: " " * len(b.group(0)), nm.group(0))
                found = self.name_at_end(run, after)
                if found is None:
                    continue  # "Media UNRWA", "Kementerian …": an organisation, not a person's name
                words = found.split()
                name = " ".join(words if len(words) <= 3 else words[-2:])
                if name.lower() in lex.countries or lex.title_re.fullmatch(name):
                    continue
                if lex.body_re.search(name):
                    continue
                if _OFFICE_GOES_ON.match(self.body, nm.end(), nm.end() + 12):
                    continue  # "Dirjen Pelayanan dan Kepatuhan Kementerian HAM": the office goes on
                at = after + run.rfind(found)
                if any(e.type in ("GPE", "LOC", "ORG") and e.start <= at < e.end for e in self.entities):
                    continue  # "Kepala Kepolisian Resor Aceh Timur": the office's place, not a name
                # "Hakim Rudy" after "Ketua Majelis Hakim, Rudy Ruswoyo": the person already named in full
                res = self.expand_name(name) or Resolved(name, None, "PER", key=key)
                if res.key != key:
                    res = Resolved(res.name, res.id, res.kind, key=key, members=res.members)
            self.known.setdefault(res.name or "", res)
            country = cm.group("country") if cm and cm.group("country") else None
            if country:
                self.history.titles[f"{key}|{self._country(country).name.lower()}"] = res
            self.history.titles.setdefault(f"{key}|first", res)
            self.history.titles[f"{key}|pos{m.start()}"] = res

    def _acronyms_from_text(self) -> dict[str, str]:
        """Institutions the article spells out with their acronym ("Badan Gizi Nasional (BGN)", "Saudi
        Press Agency (SPA)"): long form and acronym -> one name. An Indonesian long form gives the acronym
        (its English name is the knowledge base's business; the acronym is what every reader shares), a
        foreign one gives "Long Form (ACR)"."""
        out: dict[str, str] = {}
        orgs = words_of("orgword")
        for m in _ACRONYM_DEF.finditer(self.body):
            long, acr = " ".join(m.group("long").split()), m.group("acr")
            words = long.split()
            if len(words) < 2 or not any(ch.isupper() for ch in acr[1:]) and not acr.isupper():
                continue
            initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
            if acr.lower()[:1] != initials[:1]:
                continue  # "Kepala Dinas Sosial (Kadinsos)" and friends: a title, not an institution
            if self.lex.title_re.match(long):
                continue
            indonesian = any(w.lower() in orgs for w in words) or any(w.lower() in ("dan", "untuk", "pada") for w in words)
            name = acr if indonesian else f"{long} ({acr})"
            out.setdefault(long.lower(), name)
            out.setdefault(acr.lower(), name)
        return out

    # -- the grammar fallback -----------------------------------------------------------------------

    def _country(self, text: str) -> Country:
        t = " ".join(text.lower().split())
        return self.lex.countries.get(t) or Country(text, text)

    def _body_pattern(self, np: str, m: re.Match[str]) -> str:
        """The English pattern of the body phrase `m` found in `np`, in the number the phrase marks."""
        phrase = " ".join(m.group(1).lower().split())
        return _number(self.lex.bodies[phrase], np[:m.start()], m.group(1), " " + np[m.end():],
                       phrase in self.lex.plural_default)

    def _body_name(self, np: str, after: str) -> tuple[str, str] | None:
        """"kementerian pertahanan Azerbaijan" -> ("Ministry of Defense of Azerbaijan", key)."""
        m = self.lex.body_re.search(np)
        if not m or m.start() > 12:
            return None
        pattern = self._body_pattern(np, m)
        tail = np[m.end():]
        cm = self.lex.country_re.search(tail) or (
            re.match(r"\s*di\s+", after) and self.lex.country_re.match(after, re.match(r"\s*di\s+", after).end())
        )
        if "{" not in pattern:
            return pattern, pattern
        key = re.sub(r"\s*(?:of\s+)?\{\w+\}\s*", " ", pattern).strip()
        if cm:
            c = self._country(cm.group(1))
            return pattern.format(country=c.name, adj=c.adjective), key
        return "", key

    # -- resolution ---------------------------------------------------------------------------------

    def remember(self, pos: int, res: Resolved) -> None:
        if res.name:
            self.history.speakers.append((pos, res))
            if res.members:
                self.history.last_pair = res

    def last_speaker(self, pos: int, pred: Any = None) -> Resolved | None:
        for p, r in reversed(self.history.speakers):
            if p <= pos and (pred is None or pred(r)):
                return r
        return None

    def resolve(self, np: str, start: int, *, after: str = "", exclude: set[str] | None = None,
                inside_quote: Any = None) -> Resolved:
        alias = re.search(r"\s+(?:alias|a\.k\.a\.?)\s+\S", np)
        if alias and alias.start() > 0:
            np = np[:alias.start()]  # "Budi (40) alias Si Kancil": the name, not the nickname
        res = self._resolve(np, start, after=after, exclude=exclude, inside_quote=inside_quote)
        if not res.name or res.id:
            return res
        named = unit_name(res.name)
        if named:
            return Resolved(named, None, "ORG", res.key)
        low = " ".join(res.name.lower().split())
        u = _units()
        for kind, pick in (("generic-police", self._police_unit), ("generic-court", self._court_near)):
            if low in u[kind]:
                found = pick(start)
                if found:
                    return Resolved(found, None, "ORG", res.key)
        return res

    def _unit_mentions(self, police: bool) -> list[tuple[int, str, str]]:
        """(position, Indonesian phrase, English name) of the police units or the courts the article names."""
        key = "_police_m" if police else "_court_m"
        if not hasattr(self, key):
            u = _units()
            types = u["police"] if police else u["court"]
            out = []
            for m in _unit_re().finditer(self.body):
                if " ".join(m.group("type").lower().split()) not in types or not m.group(0)[:1].isupper():
                    continue
                # "Kapolres" is not "Polres": the office word holds the unit too
                name = unit_name(m.group(0))
                if name:
                    out.append((m.start(), m.group(0), name))
            if police:
                for m in re.finditer(r"(?<![\w-])Ka(?=pol(?:res|resta|restabes|sek|da)\b)", self.body):
                    end = _unit_re().match(self.body, m.end())
                    if end:
                        rest = end.group(0)
                        # drop a rank and name after the seat ("Kapolres Bangka Barat AKBP Pradana …")
                        cut = re.split(r"\s+(?=(?:AKBP|AKP|Kombes|Kompol|Iptu|Ipda|Irjen|Brigjen|Komjen)\b)", rest)[0]
                        name = unit_name(cut)
                        if name:
                            out.append((m.start(), cut, name))
            out.sort()
            setattr(self, key, out)
        return getattr(self, key)

    def _police_unit(self, pos: int) -> str | None:
        """The police unit of the story, for "Polisi menyebut …": the unit named most often, the first
        of them on a tie."""
        ms = self._unit_mentions(True)
        if not ms:
            return None
        counts: dict[str, int] = {}
        for _, _, n in ms:
            counts[n] = counts.get(n, 0) + 1
        best = max(counts.values())
        return next(n for _, _, n in ms if counts[n] == best)

    def _court_near(self, pos: int) -> str | None:
        """The court a panel speaks for ("majelis hakim menyatakan"): the nearest "majelis hakim <court>",
        else the nearest court named before, else the first one named."""
        ms = self._unit_mentions(False)
        if not ms:
            return None
        panels = [(p, n) for p, _, n in ms if re.search(r"(?i)majelis\s+hakim\s+$", self.body[max(0, p - 20):p])]
        if panels:
            return min(panels, key=lambda t: abs(t[0] - pos))[1]
        before = [(p, n) for p, _, n in ms if p < pos]
        return (before[-1] if before else (ms[0][0], ms[0][2]))[1]

    def _resolve(self, np: str, start: int, *, after: str = "", exclude: set[str] | None = None,
                 inside_quote: Any = None) -> Resolved:
        """The canonical speaker named by `np` (text at `start` in the body).

        Order of trust: pronouns and continuations (history), linked entities, titles the article
        introduced, institution names with their country, places standing for governments, the same
        institution named before, the knowledge base, and last the text as written.
        """
        raw = np
        np = _SPACE.sub(" ", np).strip(" ,.:;-–—")
        np = re.sub(r"\s*\([^)]*\)\s*$", "", np).strip()
        # "dan Komunikasi Kebencanaan BNPB Abdul Muhari" (the end of a listed office), "kementerian
        # kesehatan yang dikelola Hamas" (a relative clause describing the speaker)
        lead = re.match(r"(?:dan|serta)\s+(?=[A-Z])", np)
        if lead:
            np, start = np[lead.end():], start + lead.end()
        rel = re.search(r"\s+yang\s+", np)
        if rel and rel.start() > 0 and not np[:1].isupper():
            np = np[:rel.start()]
            raw = raw[:raw.lower().find(" yang ")] if " yang " in raw.lower() else raw
        low = re.sub(r"^(?:para|sang|kalangan)\s+(?=\w)", "", np.lower())
        words = self.lex.words
        exclude = exclude or set()
        inside_quote = inside_quote or (lambda _p: False)
        if not np:
            return Resolved(None)
        base = _DEMONSTRATIVE_END.sub("", low)
        if low in ("seraya", "sambil", "dan", "lalu", "kemudian", "serta", "selain itu"):
            # "…, seraya menambahkan bahwa", "Dan menambahkan bahwa": the last speaker goes on
            return self.last_speaker(start) or Resolved(None)
        kind = words.get(base)
        if kind is None and re.fullmatch(r"[a-z]+nya", low) and base not in self.lex.bodies:
            kind = "person"
        if kind is None and base != low and low.split()[0] in words_of("personnoun"):
            kind = "person"  # "pria berusia 45 tahun itu", "perempuan tersebut": the person just named
        if kind in ("person", "group", "statement"):
            if kind == "group" and base in _PLURAL_GROUP:
                grp = self._group(start, exclude, inside_quote)
                if grp is not None:
                    return grp
                described = self._body_name(np, after)
                if described is not None and _is_description(described[0]):
                    return Resolved(described[0], None, "ORG", key=described[1])  # "massa": protesters
            return self._pronoun(kind, start, exclude, inside_quote,
                                 human=base in ("ia", "dia", "beliau", "dirinya") or kind == "person" and base != low
                                 or kind == "person" and bool(re.fullmatch(r"[a-z]+nya", low)) and "speaker")
        if kind == "pair":
            return self.history.last_pair or self._pronoun("group", start, exclude, inside_quote)

        a = start + (len(raw) - len(raw.lstrip()))
        ents = self.entities_in(a, start + len(raw))
        pers = [e for e in ents if e.type == "PER"]
        if re.search(r"\s(?:dan|serta)\s", np):
            names = tuple(dict.fromkeys(self.entity_name(e) for e in pers))
            if len(names) < 2:
                # one side not linked (a misspelt or unknown name): resolve each side on its own
                m2 = re.search(r"\s(?:dan|serta)\s", raw)
                if m2:
                    r1 = self.resolve(raw[:m2.start()], start)
                    r2 = self.resolve(raw[m2.end():], start + m2.end())
                    if r1.kind == "PER" and r2.kind == "PER" and r1.name and r2.name and r1.name != r2.name:
                        names = (r1.name, r2.name)
            if len(names) >= 2:
                return Resolved(" and ".join(names), None, "GROUP", members=names)
        if pers:
            e = pers[-1]
            if _is_acronym(e.text):  # a misread institution: its acronym is the name every reader shares
                return Resolved(" ".join(e.text.split()), None, "ORG")
            return Resolved(self.entity_name(e), e.id, "PER")
        body = self._body_name(np, after)
        if body is not None and not body[0]:
            # the country as the linker named it ("Kementerian Kesehatan Gaza" with Gaza linked)
            place = next((e for e in ents if e.type in ("GPE", "LOC")), None)
            pattern = self._body_pattern(np, self.lex.body_re.search(np))  # type: ignore[arg-type]
            if place is not None and "{" in pattern:
                name = self.entity_name(place)
                body = (pattern.format(country=name, adj=name), body[1])
        # an office the NER took for an organisation ("PM" tagged ORG) names no body: the title path reads it
        orgs = [e for e in ents if e.type == "ORG" and not self.lex.title_re.fullmatch(" ".join(e.text.lower().split()))]
        if orgs and self.lex.title_re.match(np):
            # "Kepala Departemen Kajian BEM UI Dialo Hujanbiru": an office in an institution, held by the
            # person whose name closes the phrase
            tail = self.name_at_end(np, a)
            if tail and len(tail.split()) >= 2 and not any(e.start <= a + np.rfind(tail) < e.end for e in orgs) \
                    and tail.split()[-1].lower() not in self.lex.countries and not self.lex.body_re.search(tail):
                return self.expand_name(tail) or self._kb(tail) or Resolved(tail, None, "PER")
        if body is not None and _is_description(body[0]):
            # "jaksa KPK", "warga Desa Sukamaju": people described by the body or place they belong to
            head_end = self.lex.body_re.search(np).end()  # type: ignore[union-attr]
            owner = next((e for e in ents if e.type in ("ORG", "GPE", "LOC") and e.start >= a + head_end), None)
            if owner is not None:
                return Resolved(f"{self.entity_name(owner)} {body[0]}", None, "ORG", key=body[1])
            inner = self._body_name(np[head_end:].lstrip(), after)  # "aktivis PBB": a body the grammar names
            if inner is not None and inner[0] and not _is_description(inner[0]):
                return Resolved(f"{inner[0]} {body[0]}", None, "ORG", key=body[1])
            name = self.name_at_end(np, a)  # "relawan Ahmed Kamal": one of them, named
            if name and len(name.split()) >= 2 and np.rstrip().endswith(name) and inner is None:
                return self.expand_name(name) or Resolved(name, None, "PER")
        if orgs:
            e = max(orgs, key=lambda e: e.end - e.start)
            if e.end - e.start >= 0.5 * len(np) or body is None or not body[0]:
                return Resolved(self.entity_name(e), e.id, "ORG", key=body[1] if body else None)

        # a title standing for a person: "presiden Turki", "PM yang juga seorang jurnalis itu"
        tm = self.lex.title_re.match(low)
        if tm and not pers:
            # "Juru bicara militer Sudan Brigadir Jenderal Nabil Abdallah": a name closes the phrase
            tail = self.name_at_end(np, a)
            if tail:
                words = tail.split()
                name = " ".join(words if len(words) <= 4 else words[-3:])
                last = name.split()[-1].lower()
                if last not in self.lex.countries and not self.lex.body_re.search(name) \
                        and not self.lex.title_re.fullmatch(name):
                    return self.expand_name(name) or self._kb(name) or Resolved(name, None, "PER")
        if tm:
            key = self.lex.titles[" ".join(tm.group(1).split())]
            rest = np[tm.end():]
            cm0 = re.match(rf"\s+(?:{self.lex.country_alt})(?![\w-])", rest, re.IGNORECASE)
            if cm0:
                rest = rest[cm0.end():]
            run = re.match(r"\s+([A-Z\u00C0-\u00DE][^\s,]*(?:\s+[A-Z\u00C0-\u00DE][^\s,]*)*)", rest)
            if run and not pers:
                name = run.group(1)
                place_at = a + tm.end() + run.start(1)
                place = next((e for e in ents if e.type in ("GPE", "LOC") and e.start <= place_at < e.end
                              and e.end >= place_at + len(name)), None)
                if place is not None:
                    # "Wali Kota Bekasi menegaskan": the office holder of that place, unnamed
                    office = key.replace("-", " ").capitalize()
                    return Resolved(f"{office} of {self.entity_name(place)}", None, "PER", key=key)
                return self.expand_name(name) or self._kb(np) or Resolved(name, None, "PER")
            if not run:
                cm = self.lex.country_re.search(low, tm.end())
                hit = None
                if cm and cm.start() - tm.end() <= 2:
                    hit = self.history.titles.get(f"{key}|{self._country(cm.group(1)).name.lower()}")
                if hit is None and not cm:
                    prior = [(int(k.split("|pos")[1]), v) for k, v in self.history.titles.items()
                             if k.startswith(f"{key}|pos") and int(k.split("|pos")[1]) < start]
                    if prior:
                        hit = max(prior, key=lambda t: t[0])[1]
                if hit is None:
                    hit = self._kb(np)
                if hit is not None:
                    return hit
        if body is not None and body[0]:
            return Resolved(body[0], None, "ORG", key=body[1])
        # a place names the speaker only when it is (nearly) the whole phrase: "Departemen Kepolisian New
        # York" is a police department, not the city
        gpes = [e for e in ents if e.type in ("GPE", "LOC") and (e.end - e.start) >= 0.6 * len(np)]
        for e in reversed(gpes):
            gov = self._government(e.text, e.id)
            if gov is not None:
                return gov
        if gpes:
            e = gpes[-1]
            return Resolved(self.entity_name(e), e.id, "GPE")
        gov = self._government(np, None)
        if gov is not None:
            return gov
        if body is not None:
            key = body[1]
            prior = self.last_speaker(start, lambda r: r.key == key or (r.name or "").startswith(key))
            if prior is None and np.split()[0].lower() in ("kementerian", "kemenhan", "kemenlu", "kemlu") \
                    and len(np.split()) <= 3:
                prior = self.last_speaker(start, lambda r: (r.name or "").startswith(("Ministry", "Department"))
                                          or (r.key or "").startswith(("Ministry", "Department")))
            if prior is not None:
                return prior
        if body is not None and not np[:1].isupper() and not ents:
            # "menurut kementerian kesehatan": a description naming no country; the knowledge base
            # would pick one (the outlet's own), the text does not
            eng = body[1]
            if len([w for w in eng.split() if w.lower() not in ("of", "officials", "authorities")]) >= 2:
                return Resolved(eng, None, "ORG", key=body[1])
        # a role noun before a person's name: "relawan Ahmed Kamal", "warga bernama Siti Aminah"
        rm = re.fullmatch(r"(?:[a-z][\w-]*\s+){1,4}(?P<name>[A-Z\u00C0-\u00DE].*)", np)
        if rm and body is None and not pers:
            name = self.name_at_end(np, a)
            if name and name == rm.group("name") and len(name.split()) >= 2:
                return self.expand_name(name) or Resolved(name, None, "PER")
        acr = self.acronyms.get(re.sub(r"\s*\([^)]*\)\s*$", "", np).lower()) if self.acronyms else None
        if acr is not None and not pers:
            return Resolved(acr, None, "ORG")
        # an acronym or a rank before a name: "BPBD Garut Asep Sumarna", "AKP Teguh Santosa"
        if body is None and len(np.split()) >= 2 and re.search(r"\b(?:[A-Z][A-Z0-9]+)\b", np) \
                or any(w.lower() in words_of("rank") for w in np.split()[:-1]):
            name = self.name_at_end(np, a)
            if name and name != np and (len(name.split()) >= 2 or self.has_office(np)):
                return self.expand_name(name) or Resolved(name, None, "PER")
        kb = self._kb(np)
        if kb is not None:
            return kb
        if body is not None:
            # an institution without its country: its English name when it has one ("kementerian
            # kesehatan" -> Ministry of Health), else as written ("pejabat" has no name of its own)
            eng = body[1]
            if len([w for w in eng.split() if w.lower() not in ("of", "officials", "authorities")]) >= 2:
                return Resolved(eng, None, "ORG", key=body[1])
            return Resolved(np, None, "ORG", key=body[1])
        # a short name standing for a longer one named before ("Aliyev" after "Ilham Aliyev")
        known = self.expand_name(np)
        if known is not None:
            return known
        # an office the grammar does not know, closed by the holder's name ("Petugas P2BK Cisolok Andri")
        if len(np.split()) >= 2 and (self.lex.title_re.match(np) or any(
                w.lower() in words_of("rank") or (len(w) > 1 and w.isupper()) for w in np.split()[:-1])):
            name = self.name_at_end(np, a)
            if name and name != np:
                return self.expand_name(name) or Resolved(name, None, "PER")
        kind_guess = "PER" if np[:1].isupper() and len(np.split()) <= 4 and not self.has_office(np) else "ORG"
        return Resolved(np, None, kind_guess)

    def _government(self, text: str, ent_id: str | None) -> Resolved | None:
        """A country name or a seat of government standing for the state ("Ankara" -> Turkey)."""
        low = " ".join(text.lower().split())
        c = self.lex.countries.get(low)
        if c is not None:
            return Resolved(c.name, None, "GPE")
        if self.kb is not None and ent_id:
            try:
                from ..kb import load_kb

                kb = load_kb()
                entry = kb.get(ent_id)
                if entry is not None and entry.capital_of:
                    country = kb.get(entry.capital_of)
                    if country is not None:
                        return Resolved(country.name, country.id, "GPE")
            except Exception:  # noqa: BLE001 - the KB is an aid here, never a requirement
                return None
        return None

    def _kb(self, np: str) -> Resolved | None:
        """The knowledge base's reading of a phrase, when the KB is installed and knows it."""
        if self.kb is None:
            return None
        key = " ".join(np.split())
        if key in self._kb_cache:
            return self._kb_cache[key]
        self._kb_cache[key] = None  # also guards against re-entry
        res = self._kb_uncached(np)
        self._kb_cache[key] = res
        return res

    def _kb_uncached(self, np: str) -> Resolved | None:
        try:
            r = self.kb(np, self.art)  # type: ignore[misc]
        except Exception:  # noqa: BLE001 - a KB failure must not lose the quote
            return None
        if not r:
            return None
        name = getattr(r, "name", None) or getattr(r, "canonical", None) or (r if isinstance(r, str) else None)
        if not name:
            return None
        typ = getattr(r, "type", "ORG")
        if typ in ("PER", "GPE", "LOC") and _NAME_ONLY.fullmatch(np.strip()) and not getattr(r, "capital_of", None) \
                and not _names_fit(np, name, strict=True):
            return None  # a fuzzy hit on another name ("Budi Santoso" -> Budy, a town): keep the name as written
        if typ in ("GPE", "LOC") and getattr(r, "capital_of", None):
            gov = self._government(np, getattr(r, "id", None))
            if gov is not None:
                return gov
        return Resolved(name, getattr(r, "id", None), typ)

    def _group(self, pos: int, exclude: set[str], inside_quote: Any) -> Resolved | None:
        """What "mereka"/"massa" stand for: the most recent institution or group that spoke or opened a
        sentence as its subject ("Massa dari BEM UI melakukan demonstrasi … Mereka mendesak …"), not the
        person who spoke last for it."""
        cands = [(p, r) for p, r in self.history.speakers if r.kind != "PER" and not inside_quote(p)]
        for e in self.entities:
            if not (e.type == "ORG" or _is_acronym(e.text)) or e.end > pos or pos - e.start > _HUMAN_REACH \
                    or inside_quote(e.start):
                continue
            line_start = max(self.body.rfind("\n", 0, e.start), self.body.rfind(". ", 0, e.start)) + 1
            # the institution's name may begin before the recognised span ("Badan Eksekutif Mahasiswa
            # [Universitas Indonesia]")
            if re.fullmatch(r"\s*(?:(?!me|ber|di)[\w-]+\s+){0,2}(?:dari\s+)?(?:[A-Z][\w-]*\s+){0,5}", self.body[line_start:e.start]):
                name = " ".join(e.text.split()) if e.type != "ORG" else self.entity_name(e)
                acr = re.match(r"[^()\n]{0,80}?\((?P<a>[A-Z][A-Za-z]{1,9}(?:\s[A-Z]{1,5})?)\)", self.body[e.end:e.end + 90])
                if acr and self.body[e.end:e.end + acr.start("a") - 1].strip() == "":
                    name = acr.group("a")  # "Universitas Indonesia (BEM UI)" keeps the acronym given
                cands.append((e.start, Resolved(name, e.id, "ORG")))
        cands = [(p, r) for p, r in cands if p < pos and r.name and r.name not in exclude
                 and r.name.lower() not in _PLURAL_GROUP and not _is_description(r.name)]
        if not cands:
            return None
        return max(cands, key=lambda t: t[0])[1]

    def _pronoun(self, kind: str, pos: int, exclude: set[str], inside_quote: Any, human: bool | str = False) -> Resolved:
        """The most recent fitting speaker or subject person before `pos`. "Ia"/"dia"/"beliau" name a
        person, so a person named shortly before wins over an institution that spoke since ("Kapolres X
        mengatakan … Polres mencatat … Ia menambahkan"); "-nya" cues may stand for an institution."""
        cands: list[tuple[int, Resolved]] = list(self.history.speakers)
        if kind == "person":
            mentioned = self.persons_before(pos, inside_quote)
            spoke = {r.name for p, r in self.history.speakers if p < pos}
            standing = [(p, r) for p, r in mentioned if r.name in spoke or r.name in self._voiced]
            if standing or any(p < pos and p >= pos - _HUMAN_REACH for p, _ in self.history.speakers):
                # a person the story is about ("tersangka Erwin kabur …") does not take "katanya" from
                # the officer who has been speaking or the official just introduced
                mentioned = standing
            if human == "speaker":
                # "…," ujarnya goes to who speaks, or to a person who opens a sentence as its subject;
                # not to one named inside it ("tim itu dipimpin Ipda X", "di depan rumah X")
                mentioned = [(p, r) for p, r in mentioned if self._opens_sentence(p)]
            cands += mentioned
        elif kind == "statement":
            cands = list(self.history.speakers)
        cands = [(p, r) for p, r in cands if p < pos and r.name and r.name not in exclude]
        if not cands:
            return Resolved(None)
        if human == "speaker":
            # "…," tegasnya: the voice of the quotations goes on; an institution or group reported in
            # indirect speech since ("Mereka mendesak …", "otoritas X mengungkapkan …") does not take it
            voiced = [(p, r) for p, r in cands if p not in self.history.indirect_bodies]
            return max(voiced or cands, key=lambda t: t[0])[1]
        if human is True:
            topic = self.previous_subject(pos, exclude)
            if topic is not None:
                return topic
        if human:
            people = [(p, r) for p, r in cands if r.kind == "PER" and p >= pos - _HUMAN_REACH]
            if people:
                return max(people, key=lambda t: t[0])[1]
        return max(cands, key=lambda t: t[0])[1]

    def previous_subject(self, pos: int, exclude: set[str], verbs: Any = None) -> Resolved | None:
        """"Musk berselisih dengan Trump … Dia mengatakan …": a "dia" opening a sentence continues the
        person who opened the sentence before as the subject of an active verb (centering), even when
        someone else spoke last. Only then: after a passive or a quotation the older rules decide. With
        `verbs`, only a subject of one of those verbs counts (a speech verb before a quotation)."""
        head = self.body[max(0, pos - 3):pos]
        if head.strip() and not re.search(r"[.!?\n]\s*$", head):
            return None  # the pronoun must open its sentence
        end = len(self.body[:pos].rstrip())
        prev_start = max(self.body.rfind(". ", 0, end - 1) + 2, self.body.rfind("\n", 0, end - 1) + 1, 0)
        if verbs is not None and self.body[pos - 1:pos] == "\n":
            # a quotation opening a paragraph: the speech act may open the paragraph before ("Pengacara
            # terdakwa, Tuti Wijaya menyampaikan kekecewaannya … Terlebih, …")
            prev_start = self.body.rfind("\n", 0, end - 1) + 1
        sent = self.body[prev_start:end]
        if not sent or sent.lstrip()[:1] in "\"“'‘" or _QUOTE_CHARS.search(sent):
            return None
        for e in self.entities:
            if e.type != "PER" or not (prev_start <= e.start < end) or not self._opens_sentence(e.start):
                continue
            verb = _AUX_THEN_VERB.match(self.body[e.end:end])
            if verb and re.match(r"(?:me|ber)[a-z]{3,}$", verb.group("v")) and self.entity_name(e) not in exclude \
                    and (verbs is None or verb.group("v").lower() in verbs):
                # the whole subject phrase decides: "Kepala Kepolisian Resor Aceh Timur" is the police unit,
                # not the place the NER saw in it
                s0 = max(self.body.rfind(". ", 0, e.start) + 2, self.body.rfind("\n", 0, e.start) + 1, 0)
                res = self._resolve(self.body[s0:e.end], s0)
                if res.name and res.kind == "PER":
                    return res
                return None
            break
        return None
