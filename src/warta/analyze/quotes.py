"""Who said what: direct and indirect quotations with their speakers.

Indonesian news reports speech in a handful of frames, all driven by a reporting cue (quote_cues.tsv):

- direct, cue after: `"…," kata Aliyev` / `"…," ujarnya` / `"…," lanjut PM yang juga seorang jurnalis itu`
- direct or indirect, cue before: `Aliyev mengatakan, "…"` / `Akar menyatakan bahwa “…”` / `Dia mengatakan
  negaranya siap …` / `Ankara memperingatkan Yerevan bahwa …`
- a source leading the sentence: `Menurut X, …` / `Dilansir Daily Sabah, …`
- a cue closing the sentence: `…, kata Kemenhan.` / `…, tegasnya.`
- a statement noun: `pernyataan Yerevan bahwa …`; continuations: `…, dengan catatan bahwa …`
- requests and promises with content: `Dia meminta Kongres memberinya …`, `bersumpah untuk …`
- a fronted passive: `Disebutkan Arriola bahwa …`; a report closing a quote: `"…," demikian laporan tertulis X`
- a cue set off by commas: `Kemudian, kata X, …` / `Polisi, kata Kapolda X, masih …`; a source closing the
  statement: `…, menurut penghitungan resmi AFP.`; `"…." Hal itu disampaikan X …` naming the quote's speaker

Speakers of Indonesian domestic news are offices with ranks and names ("Kapolres Metro Depok Kombes X",
"Kepala Pusat Data, Informasi, dan Komunikasi BNPB X", "kata Kepala Dinas Y, X, saat …"): the person's name
as written is the speaker (`Attributor.name_at_end`, `_apposed_name`), never the office.

A quotation without a cue is not reported: the outlet's own words in quotation marks (titles, scare
quotes) are not speech. Quotes nested in quotes ("presiden Turki lebih lanjut menekankan bahwa …" inside a
statement) are kept as their own quotes. Speakers resolve through `attribution.Attributor`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lang.id import grammar_word_list, grammar_words, load_tsv
from ..model import Article, Quote
from .attribution import (
    DOUBLE_QUOTES,
    Attributor,
    QuoteSpan,
    Resolved,
    Sentence,
    layout,
    lexicon,
    words_of,
)

MIN_DIRECT_WORDS = 4   # fewer words in quotation marks is a term or scare quote ("provokatif"), not speech
MIN_CONTENT_WORDS = 3  # an indirect quote needs a clause, not a lone object ("menyebut ribuan")
MAX_GAP_WORDS = 8      # words allowed between a cue and its "bahwa" (an object, a time, "dalam pernyataan")


@dataclass(frozen=True)
class Cue:
    text: str
    role: str   # say | lead | cont | noun
    frame: str  # free | clause | comp | post


@dataclass(frozen=True)
class CueGrammar:
    cues: dict[str, Cue]
    verb_re: re.Pattern[str]       # pre-position say verbs
    verb_low_re: re.Pattern[str]   # the same, case-sensitive, for scanning lower-cased text
    inverted_re: re.Pattern[str]   # `"…," Aliyev mengatakan.`: speaker, then the verb, after the quote
    post_re: re.Pattern[str]       # cue right after a closing quote or a comma
    lead_re: re.Pattern[str]       # sentence-opening source
    cont_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    via_re: re.Pattern[str]
    trailing_re: re.Pattern[str]   # "…, kata X." at the end of a sentence
    time_tail_re: re.Pattern[str]  # "pada hari Jumat", "Senin (9/11/2020)" closing a speaker phrase
    aux_tail_re: re.Pattern[str]
    passive_re: re.Pattern[str]    # "Disebutkan Arriola bahwa …": a fronted passive cue, its agent, bahwa
    report_re: re.Pattern[str]     # `"…," demikian laporan tertulis X` / `demikian dilaporkan X`
    trail_lead_re: re.Pattern[str]  # "…, menurut X." / "…, menurut X, dalam …" closing a statement


def _alt(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _word_alt(kind: str) -> str:
    """Regex alternation of the grammar words of a kind, in file order; a space matches any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in grammar_word_list(kind))


_CONNECTIVES = _word_alt("connective")


@cache
def cue_grammar() -> CueGrammar:
    cues = {row[0]: Cue(row[0], row[1], row[2]) for row in load_tsv("quote_cues.tsv")}
    say_pre = [c for c, v in cues.items() if v.role == "say" and v.frame != "post"]
    say_any = [c for c, v in cues.items() if v.role == "say"]
    lead = [c for c, v in cues.items() if v.role == "lead"]
    cont = [c for c, v in cues.items() if v.role == "cont"]
    noun = [c for c, v in cues.items() if v.role == "noun"]
    passive = [c for c, v in cues.items() if v.role == "passive"]
    report = [c for c, v in cues.items() if v.role == "report"]
    days = []
    for name in ("days.tsv", "date_days.tsv"):
        try:
            days += [r[0] for r in load_tsv(name) if not r[0].endswith("day")]
        except FileNotFoundError:
            pass
    day_alt = _alt(days) if days else "senin|selasa|rabu|kamis|jumat|sabtu|minggu"
    aux = sorted(words_of("aux"), key=len, reverse=True)
    return CueGrammar(
        cues=cues,
        verb_re=re.compile(rf"(?<![\w-])(?P<cue>{_alt(say_pre)})(?![\w-])", re.IGNORECASE),
        verb_low_re=re.compile(rf"(?<![\w-])(?P<cue>{_alt(say_pre)})(?![\w-])"),
        inverted_re=re.compile(
            rf"\s*,?\s*(?P<np>[A-Z][^,.;:!?\"“”\n]{{0,60}}?)\s+(?P<cue>{_alt(say_pre)})(?![\w-])\s*[.,]",
            re.IGNORECASE),
        post_re=re.compile(rf"[\s,]*(?:\.\s*demikian\s+|demikian\s+)?(?P<cue>{_alt(say_any)})(?![\w-])", re.IGNORECASE),
        lead_re=re.compile(
            rf"(?:(?:{_CONNECTIVES})\s*,?\s*)?(?P<cue>{_alt(lead)}|(?:kata|ujar|tutur)(?=\s+[^,]{{1,60}},))(?![\w-])[ \t]*",
            re.IGNORECASE),
        cont_re=re.compile(rf",\s*(?P<cue>{_alt(cont)})\s+bahwa\b", re.IGNORECASE),
        noun_re=re.compile(
            rf"(?<![\w-])(?P<cue>{_alt(noun)})\s+(?P<np>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,4}})\s+bahwa\s+",
        ),
        via_re=re.compile(
            r"(?:seperti|sebagaimana)?\s*(?:dikutip|dilansir|mengutip|dilaporkan|diberitakan)\s+(?:dari|oleh)?\s*"
            r"(?P<src>[^,.;()\n]{2,60})", re.IGNORECASE),
        trailing_re=re.compile(
            rf",\s*(?P<cue>{_alt(say_any)})(?![\w-])(?P<np>[^,.;:!?\"“”\n]{{0,80}})"
            rf"(?:,\s*(?:pada\s+)?(?:hari\s+)?(?:{day_alt})\b[^,;:!?\"“”\n]{{0,25}}?)?[.!?]?\s*$", re.IGNORECASE),
        time_tail_re=re.compile(
            rf"(?:\s+(?:pada|hari|pada\s+hari|sejak|kemarin|tadi)?\s*(?:\b(?:{day_alt})\b)(?:\s*\(\d[\d/]*\))?"
            rf"(?:\s+(?:pagi|siang|sore|malam|lalu|kemarin))?|\s*\(\d[\d/]*\))$",
            re.IGNORECASE),
        aux_tail_re=re.compile(rf"(?:\s+(?:{_alt(aux)}))+$", re.IGNORECASE),
        passive_re=re.compile(
            rf"(?:(?:{_CONNECTIVES})\s*,?\s*)?(?P<cue>{_alt(passive)})\s+(?:oleh\s+)?"
            rf"(?P<np>[A-Z][^,.;:!?\"“”\n]{{0,80}}?)\s*,?\s+bahwa\s+", re.IGNORECASE),
        report_re=re.compile(
            rf"[\s,]*\.?\s*demikian\s+(?P<cue>{_alt([*report, *grammar_word_list('demikian_cue')])})(?:(?=\s)|(?=(?-i:[A-Z])))", re.IGNORECASE),
        trail_lead_re=re.compile(
            r",\s*(?P<cue>menurut)\s+(?P<np>[^,.;:!?\"“”\n]{2,80}?)\s*(?=[.!?]?\s*$|,\s*(?:dalam|pada|di|seperti|"
            r"sebagaimana|berdasarkan|yang|mengutip|dikutip|dilansir|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b)",
            re.IGNORECASE),
    )


@cache
def _agencies() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """News agencies of the language pack (agencies.tsv, shared with cleaning): alias -> canonical.
    Aliases match as written (case-sensitive), so "AP" is not found inside ordinary words."""
    try:
        rows = load_tsv("agencies.tsv")
    except FileNotFoundError:
        return None, {}
    table = {r[0].lower(): r[1] for r in rows if len(r) > 1}
    return re.compile(rf"(?<!\w)(?:{_alt([r[0] for r in rows if len(r) > 1])})(?!\w)"), table


_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^\s*[A-Z]{3,}[\w .,'’]{0,40}?\s[-–—]\s+")
_SUBORD = re.compile(rf"^.*\b(?:{_word_alt('subordinator')})\b\s*", re.IGNORECASE)
_LEAD_PREP = re.compile(rf"^(?:{_word_alt('lead_prep')})\b", re.IGNORECASE)
_CONJ_ONLY = re.compile(rf"^(?:{_word_alt('conj_only')})$", re.IGNORECASE)
_PARENTHETICAL = re.compile(rf"^(?:{_word_alt('parenthetical')})\b", re.IGNORECASE)
# "… saat dikonfirmasi", "… ketika ditemui di lokasi", "… dalam keterangannya", "… kepada wartawan" between
# a speaker and the reporting verb
_CIRCUMSTANCE_TAIL = re.compile(
    r"(?:\s+(?:saat|ketika|usai|seusai|sewaktu|sesaat|tatkala)\s+(?:di|ber|me)[a-z]+\b(?:\s+[^\s,]+){0,4}"
    r"|\s+(?:dalam|melalui|lewat|via)\s+(?:keterangan|pernyataan|siaran|rilis|konferensi|jumpa|unggahan|akun)[^,]{0,50}"
    r"|\s+(?:kepada|pada|di\s+hadapan)\s+(?:para\s+)?(?:wartawan|awak\s+media|media|jurnalis|pers))$",
    re.IGNORECASE)
_VERB_PREFIX = re.compile(r"^(?:me[mny]?|meng|ber|di|ter)[a-z]{3,}$")
_AUX_VERB = grammar_words("aux_verb")
_PRONOUNS_CLAUSE = grammar_words("pronoun_clause")
_ASIDE = re.compile(rf",\s*(?P<cue>{_word_alt('aside_cue')})\s+(?P<np>[^,.;:!?\"“”\n]{{2,80}}?)\s*,\s*", re.IGNORECASE)
_MODAL_OPENERS = grammar_words("modal_opener")
# "Hal itu disampaikan Kapolres X saat …": names the speaker of what came before
_SAID_BY = re.compile(
    r"(?:(?:hal|pernyataan|keterangan|penjelasan)\s+(?:itu|ini|tersebut|senada|serupa|yang\s+sama)|"
    r"demikian\s+(?:hal\s+itu\s+)?)\s*(?:juga\s+)?(?P<cue>" + _word_alt("said_by_cue") + r")\s+(?:oleh\s+)?(?P<np>[^,.;:!?\"“”\n]{2,120})",
    re.IGNORECASE)
_REQ_EMPTY = grammar_words("request_empty")
_EXISTENTIAL = grammar_words("existential")
_PUNCT_TRIM = " \t\n,.:;"
_FIRST_PERSON = grammar_words("first_person")
_NEGATED = re.compile(r"\b(?:" + _word_alt("negator") + r")(?:\s+(?:pernah|mau|ingin|secara\s+\w+))?\s+$",
                      re.IGNORECASE)


_PREDICATE_MARKERS = grammar_words("predicate_marker")
_PREDICATE_VERB = re.compile(r"^(?:me[mny]?|meng|ber|di)[a-z]{4,}$")  # not ter-: mostly adjectives (terbesar)
_NO_PREDICATE_BEFORE = grammar_words("no_predicate_before")
_INLINE_LEAD = re.compile(r",\s*(?P<cue>" + _word_alt("inline_lead") + r")\s*,\s*", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(r"^\s*(?:" + _word_alt("np_not_subject_start") + r")\s|\s(?:"
                            + _word_alt("np_not_subject_end") + r")\s*$", re.IGNORECASE)
_OPENING_QUOTES = "\"“‘'"
_ZONES = "|".join(re.escape(row[0]) for row in load_tsv("timezones.tsv"))
_AS_OF = re.compile(rf"\s*(?:{_word_alt('as_of')})\s+(?:{_word_alt('clock_word')})\s+\d{{1,2}}[.:]\d{{2}}"
                    rf"(?:\s*(?:{_ZONES}))?(?![\w])", re.IGNORECASE)
_NAME_THEN_CLAUSE_LEADS = tuple(grammar_word_list("name_then_clause_lead"))


def _has_predicate(words: list[str]) -> bool:
    """Whether the first words of a content read as subject + predicate ("pemerintah terus memperkuat"),
    not as a noun with a purpose or relative clause ("kesiapan untuk bekerja", "proses yang dibuka")."""
    if not words or words[0].lower() in _NO_PREDICATE_BEFORE or words[0].lower() in _PREDICATE_MARKERS:
        return False
    for i, w in enumerate(words[1:], start=1):
        lw = w.lower().strip(",.;:")
        if w.endswith((",", ";", ".")) and lw not in _PREDICATE_MARKERS:
            return False
        prev = words[i - 1].lower().strip(",.;:")
        if prev in _NO_PREDICATE_BEFORE:
            continue
        if lw in _PREDICATE_MARKERS or (_PREDICATE_VERB.match(lw) and w[:1].islower() and lw not in words_of("noun")):
            return True
    return False


@cache
def _time_aside_re() -> re.Pattern[str]:
    names = [r[0] for name in ("months.tsv", "days.tsv") for r in load_tsv(name)]
    return re.compile(
        rf"(?:pada|sejak|hingga|sampai|sekitar)\s+(?:(?:hari|bulan|tahun|pekan|minggu|pagi|siang|sore|malam)\s+)?"
        rf"(?:(?:{_alt(names)})\b|\d[\d/]*|\(\d[\d/]*\))(?:\s+\S+){{0,3}}", re.IGNORECASE)


def _time_aside(seg: str) -> bool:
    """A comma-delimited time adverbial: "pada April lalu", "pada Senin (3/3)", "sejak 2020"."""
    return bool(_time_aside_re().fullmatch(seg.strip()))


def _is_name(s: str) -> bool:
    """A short run of capitalised words, as a person's name is written."""
    words = s.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def _nwords(s: str) -> int:
    return len(_WORD.findall(s))


@dataclass
class _Cand:
    """A quote before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: str
    cue_pos: int
    np: str | None          # speaker phrase as written (None: inherit from `parent`)
    np_start: int
    after: str = ""
    parent: _Cand | None = None  # the candidate whose speaker a continuation inherits
    sent: Sentence | None = None
    nested: bool = False
    via: str | None = None


class _Extractor:
    def __init__(self, art: Article) -> None:
        self.art = art
        self.g = cue_grammar()
        self._speech_verbs = frozenset(c for c, v in self.g.cues.items() if v.role == "say" and v.frame != "post")
        lay = layout(art.body)
        self.text = lay.text
        self.qspans = list(lay.quotes)
        self.sents = list(lay.sentences)
        self.att = Attributor(art, self.text)
        self.inside = bytearray(len(self.text))
        for q in self.qspans:
            if _nwords(self.text[q.cs:q.ce]) >= MIN_DIRECT_WORDS:
                for k in range(q.cs, q.ce):
                    self.inside[k] = 1
        self.cands: list[_Cand] = []
        self.said_by: list[tuple[int, str, int]] = []
        self.nouns = words_of("noun")
        self.stops = words_of("stop")

    # -- helpers ------------------------------------------------------------------------------------

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sents:
            if s.start <= pos < s.end:
                return s
        return None

    def in_quote(self, pos: int) -> bool:
        return 0 <= pos < len(self.inside) and bool(self.inside[pos])

    def quote_containing(self, pos: int) -> QuoteSpan | None:
        for q in self.qspans:
            if q.cs <= pos < q.ce and _nwords(self.text[q.cs:q.ce]) >= MIN_DIRECT_WORDS:
                return q
        return None

    def quote_starting(self, pos: int, end: int) -> QuoteSpan | None:
        """The quotation that opens at `pos` (after spaces) and closes at `end` (before punctuation)."""
        while pos < end and self.text[pos] in " \t:":
            pos += 1
        for q in self.qspans:
            if q.start == pos:
                rest = self.text[q.end:end]
                if not rest.strip(_PUNCT_TRIM + "”\"'’"):
                    return q
        return None

    def speaker_after(self, pos: int, limit: int) -> tuple[str, int, str]:
        """The speaker phrase following a post cue: up to punctuation or a stop word."""
        seg = self.text[pos:limit]
        # brackets inside an office stay ("Direktur Reserse Kriminal Umum (Dirreskrimum) Polda …")
        m = re.match(r"(?:[^,.;:!?()\n\"“”]|\([^()\n\"“”]{1,40}\))*", seg)
        phrase = m.group(0) if m else ""
        words = list(re.finditer(r"\S+", phrase))
        keep_end = 0
        for i, w in enumerate(words):
            lw = w.group(0).lower()
            if i > 0 and (lw in self.stops or self.g.time_tail_re.fullmatch(" " + w.group(0))):
                break
            keep_end = w.end()
        np = phrase[:keep_end]
        # glued relay credits ("Shin Tae-yong dilansirdetikSport") and a verb after the name end it
        glued = re.search(r"\s(?:dilansir|dikutip|mengutip|seperti)\w*", np, re.IGNORECASE)
        if glued:
            np = np[:glued.start()]
        vm = re.search(r"\s(me(?:ng|ny|m|n)?[a-z]{3,})\b", np)
        if vm and vm.group(1) not in self.nouns and not self.att.lex.title_re.fullmatch(vm.group(1)):
            np = np[:vm.start()]  # "…," Shin Tae-yong menegaskan: the speaker, then a verb of its own
        start = pos + (len(np) - len(np.lstrip()))
        if np.strip() and self._is_office(np.strip()):
            appo = self._apposed_name(pos, limit)
            if appo is not None:
                return appo[0], appo[1], self.text[appo[1] + len(appo[0]):appo[1] + len(appo[0]) + 40]
        return np.strip(), start, seg[keep_end:keep_end + 40]

    def _is_office(self, np: str) -> bool:
        """A speaker phrase that names an office or a role rather than a person ("Kepala Dinas
        Kesehatan Kota Depok", "peneliti pada …"), so a name may follow it after a comma."""
        first = np.split()[0]
        if first.lower() in words_of("person") or first.lower() in words_of("group"):
            return False
        return bool(self.att.lex.title_re.match(np)) or first[:1].islower() \
            or first.lower() in words_of("orgword")

    def _apposed_name(self, pos: int, limit: int) -> tuple[str, int] | None:
        """The person's name set off by commas after an office: `kata Kepala Dinas Kesehatan Kota Depok,
        Budi Santoso, …`, `kata peneliti pada Organisasi HAM X (ESOHR), Duaa Dhainy`, or closing an office
        that lists its fields (`Kepala Pusat Data, Informasi, dan Komunikasi BNPB Abdul Muhari`)."""
        s = self.sentence_at(pos)
        end = min(limit, s.end) if s is not None else limit
        seg_text = self.text[pos:end]
        masked = re.sub(r"\([^()\n]*\)", lambda b: " " * len(b.group(0)), seg_text)
        segs: list[tuple[int, str]] = []
        a = 0
        for cm in re.finditer(",", masked):
            segs.append((pos + a, seg_text[a:cm.start()]))
            a = cm.end()
        segs.append((pos + a, seg_text[a:]))
        stops = self.stops
        for i, (off, raw) in enumerate(segs[1:5], start=1):
            body = raw.strip()
            if not body:
                return None
            lead = off + len(raw) - len(raw.lstrip())
            # cut at a stop word or a time ("dalam keterangannya", "saat dihubungi", "Rabu (10/9)")
            words = list(re.finditer(r"\S+", body))
            cut = len(body)
            for k, w in enumerate(words):
                if k > 0 and (w.group(0).lower() in stops or self.g.time_tail_re.fullmatch(" " + w.group(0))
                              or re.match(r"(?:dilansir|dikutip|mengutip|seperti)", w.group(0), re.IGNORECASE)):
                    cut = w.start()  # "…, Budi Santoso dilansir detikX": a relay credit ends the name
                    break
            body = body[:cut].rstrip(" .")
            listed = re.match(r"(?:dan|serta)\s+", body)
            if listed:
                name = self.att.name_at_end(body, lead)
                return (name, lead + body.rfind(name)) if name else None
            name = self.att.name_at_end(body, lead) if _is_name(body) else None
            ranks = words_of("rank")
            if name and not self.g.time_tail_re.fullmatch(" " + body) \
                    and all(w.lower().rstrip(".") in ranks for w in body[:len(body) - len(name)].split()):
                # "…, Budi Santoso," / "…, Letnan Kolonel Avichay Adraee,": a name, maybe after a rank
                lead += body.rfind(name)
                body = name
                nxt = segs[i + 1][1].strip() if i + 1 < len(segs) else ""
                if len(body.split()) == 1 and re.match(r"(?:dan|serta)\s", nxt):
                    continue  # one field of an office's list ("Data, Informasi, dan Komunikasi")
                return body, lead
            if not body[:1].isupper() or len(body.split()) > 6:
                return None
        return None

    def subject_before(self, s: Sentence, cue_pos: int) -> tuple[str, int]:
        """The speaker phrase before a pre-position cue: the clause subject, without leading adverbials
        ("Dalam pertemuan itu"), datelines ("BAKU -"), trailing times and auxiliaries ("pada hari Jumat",
        "juga"), or a coordinated verb phrase ("menolak tuduhan … dan")."""
        left = self.text[s.start:cue_pos]
        base = s.start
        q = self.quote_containing(cue_pos)
        if q is not None and q.cs > s.start:
            left, base = self.text[q.cs:cue_pos], q.cs
        left = left.rstrip()
        for _ in range(3):
            new = self.g.aux_tail_re.sub("", left)
            new = self.g.time_tail_re.sub("", new).rstrip(" ,")
            new = _CIRCUMSTANCE_TAIL.sub("", new).rstrip(" ,")
            if new == left:
                break
            left = new
        if re.search(r"\byang$", left):
            head = re.sub(r"\byang$", "", left).rstrip(" ,")
            runs = list(re.finditer(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", head))
            if runs and runs[-1].end() >= len(head) - 2:
                return runs[-1].group(0), base + runs[-1].start()
            left = head  # "seorang petugas polisi yang memperkirakan": the noun phrase before "yang"
            ada = re.search(r"(?:^|[\s,])(?:ada|terdapat)\s+(?=\S+$|\S+\s+\S+$)", left, re.IGNORECASE)
            if ada:  # "ada kesaksian yang menyebut": the testimony, not "ada"
                left = " " * ada.end() + left[ada.end():]
        dl = _DATELINE.match(left)
        if dl:
            left = " " * dl.end() + left[dl.end():]
        segs = [(m.start(), m.group(0)) for m in re.finditer(r"[^,—–]+", left)]
        chosen: tuple[int, str] | None = None
        for idx in range(len(segs) - 1, -1, -1):
            off, seg = segs[idx]
            st = seg.strip()
            if not st:
                continue
            if _PARENTHETICAL.match(st) and idx > 0:
                continue
            if idx > 0 and _time_aside(st) and segs[idx - 1][1].strip():
                continue  # "Para pakar PBB, pada April lalu, sempat menyerukan": a time aside
            if _CONJ_ONLY.match(st) and idx > 0:
                off, seg = segs[idx - 1]
                chosen = (off, self._cut_at_verb(seg))
                break
            if idx > 0 and self.att.lex.title_re.match(st) and _is_name(segs[idx - 1][1].strip()) \
                    and not _LEAD_PREP.match(segs[idx - 1][1].strip()) \
                    and not self.g.time_tail_re.search(" " + segs[idx - 1][1].strip()) \
                    and not any(e.type == "PER" for e in self.att.entities_in(base + off, base + off + len(seg))) \
                    and len((self.att.name_at_end(st, base + off + seg.find(st)) or "").split()) < 2:
                # "Adnan Abu Hasna, Penasihat Media UNRWA mengatakan": the name before the title speaks
                poff, pseg = segs[idx - 1]
                chosen = (poff, pseg)
                break
            chosen = (off, seg)
            break
        if chosen is None:
            return "", cue_pos
        off, seg = chosen
        # a dateline "BAKU - " opening the paragraph
        dm = _DATELINE.match(seg.lstrip())
        if dm:
            lead = len(seg) - len(seg.lstrip())
            off, seg = off + lead + dm.end(), seg.lstrip()[dm.end():]
        sm = _SUBORD.match(seg)
        if sm:
            off, seg = off + sm.end(), seg[sm.end():]
        seg_l = seg.lstrip()
        off += len(seg) - len(seg_l)
        seg = seg_l
        if _LEAD_PREP.match(seg):
            # drop the adverbial up to the first word that can open a subject
            words = list(re.finditer(r"\S+", seg))
            for w in words[1:]:
                tok = w.group(0)
                if tok[0].isupper() or tok.lower() in _PRONOUNS_CLAUSE or tok.lower() in self.nouns:
                    off, seg = off + w.start(), seg[w.start():]
                    break
            else:
                return "", cue_pos
            dm2 = re.match(r"(?:itu|ini|tersebut)\s+", seg)
            if dm2:
                off, seg = off + dm2.end(), seg[dm2.end():]
        seg = self._cut_at_verb(seg)
        # "Min Aung Hlaing dalam pidatonya sehari sebelumnya": an adverbial after the subject
        pm = re.search(r"\s(?:dalam|melalui|lewat|kepada|saat|ketika|usai|setelah|sebelum|di\s+hadapan)\s", seg)
        if pm and pm.start() > 0:
            seg = seg[:pm.start()]
        dm3 = re.match(r"(?:itu|ini|tersebut|pun)\s+", seg)
        if dm3:
            off, seg = off + dm3.end(), seg[dm3.end():]
        lead_ws = len(seg) - len(seg.lstrip())
        return seg.strip(), base + off + lead_ws

    def _cut_at_verb(self, seg: str) -> str:
        words = list(re.finditer(r"\S+", seg))
        protected = [(m.start(), m.end()) for rx in (self.att.lex.body_re, self.att.lex.title_re)
                     for m in rx.finditer(seg)]
        for i, w in enumerate(words):
            lw = w.group(0).lower().strip(",.")
            if i == 0 or not w.group(0)[0].islower():
                continue
            if any(a <= w.start() < b for a, b in protected):
                continue
            if lw in _AUX_VERB or (_VERB_PREFIX.match(lw) and lw not in self.nouns
                                   and not self.att.lex.title_re.fullmatch(lw)
                                   and not self.att.lex.body_re.fullmatch(lw)):
                return seg[:w.start()].rstrip()
        return seg.rstrip()

    def via_in(self, a: int, b: int) -> str | None:
        """The relay source credited in text[a:b] ("seperti dikutip dari AA"), by its canonical name."""
        m = self.g.via_re.search(self.text, a, b)
        if not m:
            # "kata seorang saksi kepada Reuters": told to an agency, which relays it
            k = re.search(r"\bkepada\s+(?P<src>[A-Z][^,.;()\n]{1,40})", self.text[a:b])
            if not k:
                return None
            src = k.group("src")
            known = self._known_source(src)
            return known
        src = m.group("src")
        known = self._known_source(src)
        if known:
            return known
        run = re.search(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*", src)
        return run.group(0) if run else None

    def _known_source(self, src: str) -> str | None:
        """A relay source by the canonical name the article or the agency list gives it."""
        for c in self.art.cited_sources or []:
            if re.search(rf"(?<!\w){re.escape(c.text)}(?!\w)", src):
                return c.canonical
        rx, table = _agencies()
        m = rx.search(src) if rx is not None else None
        return table[m.group(0).lower()] if m else None

    # -- finders ------------------------------------------------------------------------------------

    def find_post_direct(self) -> None:
        """`"…," kata X` and `"…," ujarnya`: the cue right after the closing mark."""
        for q in self.qspans:
            nw = _nwords(self.text[q.cs:q.ce])
            if nw < MIN_DIRECT_WORDS - 2:
                continue
            para_end = self.text.find("\n", q.end)
            para_end = len(self.text) if para_end < 0 else para_end
            m = self.g.post_re.match(self.text, q.end, para_end)
            if nw < MIN_DIRECT_WORDS and (m is None or self.text[q.ce - 1:q.ce] not in ",.!?"):
                continue  # a short quotation is speech only when a cue follows its own comma ("Sangat buruk," kata X)
            np, np_start, after = None, q.end, ""
            if m:
                cue = m.group("cue")
                if cue.lower().endswith("nya") and cue.lower() in self.g.cues:
                    np, np_start = cue, m.start("cue")
                    after = self.text[m.end():m.end() + 40]
                else:
                    np, np_start, after = self.speaker_after(m.end(), para_end)
                cue_pos = m.start("cue")
            elif (rm := self.g.report_re.match(self.text, q.end, para_end)) is not None:
                # `"…," demikian laporan tertulis X` / `demikian dilaporkanSaudi Press Agency`
                cue = rm.group("cue")
                np, np_start, after = self.speaker_after(rm.end(), para_end)
                cue_pos = rm.start("cue")
                if not np:
                    continue
            elif (sb := self._said_by_after(q.end)) is not None and not self._cue_before(q):
                cue, np, np_start, cue_pos = sb
            else:
                inv = self.g.inverted_re.match(self.text, q.end, para_end)
                if not inv:
                    continue
                cue = inv.group("cue")
                np, np_start = inv.group("np"), inv.start("np")
                cue_pos = inv.start("cue")
            s = self.sentence_at(q.start) or self.sentence_at(q.cs)
            kind, start, end = "direct", q.cs, q.ce
            if s is not None and s.start < q.start:
                before = self.text[s.start:q.start]
                if _nwords(before) >= 2 and not re.search(r":\s*$", before.rstrip(" “\"")) \
                        and not self.g.verb_re.search(before.rstrip(" ,").split(",")[-1]) \
                        and not self.g.post_re.match(before.rstrip(" ,").split(",")[-1].strip()):
                    kind, start, end = "indirect", s.start, q.end
            sent = self.sentence_at(cue_pos) or s
            via = self.via_in(cue_pos, sent.end if sent else cue_pos + 120)
            self.cands.append(_Cand(start, end, kind, cue, cue_pos, np, np_start, after=after, sent=s,
                                    nested=False, via=via))

    def content_after(self, s: Sentence, cue_end: int, frame: str, sent_end: int) -> int | None:
        """Where the content of a pre-position cue starts, or None when the frame does not allow it."""
        text = self.text
        window = text[cue_end:sent_end]
        words = list(re.finditer(r"\S+", window))
        for i, w in enumerate(words[:MAX_GAP_WORDS + 1]):
            tok = w.group(0)
            if tok.lower().strip(",") == "bahwa":
                return cue_end + w.end()
            if re.search(r"[.;]$", tok) or tok[0] in DOUBLE_QUOTES or self.g.verb_re.fullmatch(tok):
                break
            if i < len(words) - 1 and tok.endswith(","):
                if i == 0 or re.match(r"(?:kepada|pada|dalam|di|melalui|lewat|saat|ketika|usai|menurut)\b",
                                      words[0].group(0), re.IGNORECASE):
                    return cue_end + w.end()
                break
        stripped = window.lstrip()
        lead = cue_end + len(window) - len(stripped)
        if stripped[:1] in ",:":
            return lead + 1
        if stripped[:1] in DOUBLE_QUOTES:
            return lead
        if frame == "req" and words:
            # "meminta Kongres memberinya …", "bersumpah untuk …", "mendesak agar …"; not "meminta maaf",
            # "meminta keterangan saksi" (a request with no content to report)
            first = words[0].group(0).lower().strip(",")
            if first in _REQ_EMPTY:
                return None
            if first in ("untuk", "agar", "supaya") and len(words) > 1:
                return cue_end + words[1].start()
            return lead
        if frame == "free":
            return lead if words else None
        if frame in ("clause", "comp") and words:
            # "menyatakan 17.711 siswa tewas", "mengumumkan mereka gagal", "menekankan pemerintah terus
            # memperkuat …": a clause with its own subject and predicate; a noun with no predicate of its
            # own ("menyatakan kesiapan untuk bekerja", "mengumumkan darurat militer") is an object instead
            first = words[0].group(0)
            if first.lower() in _PRONOUNS_CLAUSE - {"ini", "itu"} or first[0].isupper() or first[0].isdigit():
                if frame == "clause" or _nwords(window) >= 4:
                    return lead
            if first.lower() in _EXISTENTIAL and _nwords(window) >= 4:
                return lead  # "menjelaskan ada empat kecamatan …", "memastikan tidak ada korban …"
            if first.lower() in _MODAL_OPENERS and _nwords(window) >= 3:
                return lead  # "menyatakan akan kooperatif …": the subject's own predicate, a statement
            if _nwords(window) >= 4 and _has_predicate([w.group(0) for w in words[:6]]):
                return lead
        return None

    def find_pre(self) -> None:
        """`X mengatakan (bahwa) …`, `Ankara memperingatkan Yerevan bahwa …`, nested ones included."""
        all_hits = list(self.g.verb_low_re.finditer(self.att.low))
        hit_starts = [m.start() for m in all_hits]
        for s in self.sents:
            hits = all_hits[bisect_left(hit_starts, s.start):bisect_left(hit_starts, s.end)]
            # a cue directly after a closing quote or a comma belongs to the post frame, not this one
            for m in hits:
                cue = self.text[m.start("cue"):m.end("cue")]
                info = self.g.cues.get(" ".join(cue.lower().split()))
                if info is None:
                    continue
                prev = self.text[max(s.start, m.start() - 3):m.start()]
                if re.search(r"[”\"’]\s*,?\s*$", prev) and not self.in_quote(m.start()):
                    continue
                q_in = self.quote_containing(m.start())
                end_lim = q_in.ce if q_in is not None else s.end
                cstart = self.content_after(s, m.end(), info.frame, end_lim)
                if cstart is None:
                    continue
                if _NEGATED.search(self.text, max(s.start, m.start() - 30), m.start()):
                    continue  # "Trump tidak menyebutkan negara mana …" reports no statement
                if re.search(r"\buntuk\s+$", self.text[max(s.start, m.start() - 8):m.start()], re.IGNORECASE):
                    continue  # "tidak memiliki dasar untuk meminta …": a purpose, not a statement
                np, np_start = self.subject_before(s, m.start())
                if not np or _NOT_A_SUBJECT.search(np):
                    continue  # "dari UUD 1945 yang menegaskan", "polisi turun ke lokasi dan menyarankan"
                if q_in is not None and not self._speaker_like(np, at_quote_start=np_start <= q_in.cs + 1):
                    continue  # "Data sementara yang diterima … menyebutkan" inside a quotation: the quote's own words
                cend = self._content_end(s, cstart, end_lim, m)
                if self.text[max(s.start, np_start - 3):np_start].strip().endswith(("—", "–")):
                    # a speaker inside a dash aside ("ratusan—laporan lain menyebut ribuan—orang tewas")
                    dash = re.search(r"[—–]", self.text[cstart:cend])
                    if dash:
                        cend = cstart + dash.start()
                dq = self.quote_starting(cstart, cend)
                if dq is not None and _nwords(self.text[dq.cs:dq.ce]) >= 2:
                    start, end, kind = dq.cs, dq.ce, "direct"
                else:
                    start, end, kind = cstart, cend, "indirect"
                    while start < end and self.text[start] in " ,:":
                        start += 1
                if _nwords(self.text[start:end]) < MIN_CONTENT_WORDS:
                    continue
                if cue.lower().startswith("menyebut") and re.search(r"^(?:\S+\s+){0,4}sebagai\b", self.text[start:end]):
                    continue  # "menyebut kota itu sebagai benteng": naming, not a statement
                via = self.via_in(s.start, m.start())
                self.cands.append(_Cand(start, end, kind, cue, m.start(), np, np_start, sent=s,
                                        nested=q_in is not None, via=via,
                                        after=self.text[m.end():m.end() + 40]))
                for cm in self.g.cont_re.finditer(self.text, cstart, end_lim):
                    c_start = cm.end()
                    c_end = self._content_end(s, c_start, end_lim, cm)
                    if _nwords(self.text[c_start:c_end]) >= MIN_CONTENT_WORDS:
                        self.cands.append(_Cand(c_start, c_end, "indirect", cm.group("cue"), cm.start("cue"),
                                                None, cm.start(), parent=self.cands[-1], sent=s,
                                                nested=q_in is not None))

    def _name_then_clause(self, a: int, b: int) -> tuple[str, int] | None:
        """A name followed directly by a clause in text[a:b] ("Prabowo masih dalam koridor manusiawi"):
        the name and where the clause starts, or None when the stretch is a source phrase only."""
        seg = self.text[a:b]
        lead = len(seg) - len(seg.lstrip())
        nm = re.match(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|\([^)\n]{1,30}\)))*", seg[lead:])
        if not nm:
            return None
        rest = seg[lead + nm.end():]
        when = _AS_OF.match(rest)
        if when:
            # "Berdasarkan data BPBD Banyumas hingga pukul 18.52 WIB bencana tersebut …": the time the
            # figures hold at belongs to the source
            rest = rest[when.end():]
        words = rest.split()
        if len(words) < MIN_CONTENT_WORDS or not words[0][:1].islower():
            return None
        first = words[0].lower().strip(",")
        if first in _NO_PREDICATE_BEFORE or first in self.stops or first in ("dan", "serta", "atau", "bahwa"):
            return None  # "menurut Amnesty International dalam laporannya": still the source
        if not (when or first in _PREDICATE_MARKERS or first in _EXISTENTIAL or first in _MODAL_OPENERS
                or _has_predicate(words[:6]) or _PREDICATE_VERB.match(first)):
            return None
        return nm.group(0), b - len(rest.lstrip())

    def _speaker_like(self, np: str, at_quote_start: bool = False) -> bool:
        """Whether a subject inside a quotation can be a new speaker: a name, a pronoun, a title or an
        institution, not a lower-case noun or a relative pronoun ("data sementara", "yang"), nor a common
        noun capitalised only because it opens the quotation ("Catatan posko pagi ini menyebutkan …")."""
        low = np.lower()
        words = np.split()
        if np[:1].isupper() and not (at_quote_start and len(words) > 1 and all(w[:1].islower() for w in words[1:])):
            return True
        return low in words_of("person") or low in words_of("group") or low in words_of("pair") \
            or bool(self.att.lex.title_re.match(low)) or bool(self.att.lex.body_re.match(low)) \
            or bool(self.att.lex.country_re.match(low))

    def find_passive(self) -> None:
        """`Disebutkan Arriola bahwa …`, `Dikatakan oleh X, bahwa …`: a fronted passive cue with its agent."""
        for s in self.sents:
            m = self.g.passive_re.match(self.text, s.start, s.end)
            if not m:
                continue
            cstart = m.end()
            cend = self._content_end(s, cstart, s.end, m)
            if _nwords(self.text[cstart:cend]) < MIN_CONTENT_WORDS:
                continue
            self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), m.group("np").strip(),
                                    m.start("np"), sent=s, nested=self.in_quote(m.start())))

    def _said_by_after(self, pos: int) -> tuple[str, str, int, int] | None:
        """`"…." Hal itu disampaikan Kapolres X saat …`: the sentence after a quote naming its speaker."""
        m = re.match(r"[\s.,]*", self.text[pos:pos + 4])
        start = pos + (m.end() if m else 0)
        sb = _SAID_BY.match(self.text, start)
        if sb is None or re.match(r"\w+\s+(?:senada|serupa|yang\s+sama)", sb.group(0), re.IGNORECASE):
            return None  # "Hal senada disampaikan X": X said something similar, not this
        s = self.sentence_at(start)
        np, np_start, _ = self.speaker_after(sb.start("np"), s.end if s is not None else sb.end())
        if not np:
            return None
        return sb.group("cue"), np, np_start, sb.start("cue")

    def _cue_before(self, q: QuoteSpan) -> bool:
        """Whether a reporting verb opens the quotation's sentence (`Ahmad menjelaskan: "…"`)."""
        s = self.sentence_at(q.start)
        return s is not None and s.start < q.start and bool(self.g.verb_re.search(self.text, s.start, q.start))

    def remember_said_by(self) -> None:
        """Speakers named by "Hal itu disampaikan X" become antecedents for later "ujarnya"/"Menurutnya"."""
        for sb in _SAID_BY.finditer(self.text):
            if self.in_quote(sb.start()) or not re.search(r"(?:^|\n|[.!?][\"”’]?\s+)$", self.text[max(0, sb.start() - 3):sb.start()]):
                continue  # only where a sentence opens
            s = self.sentence_at(sb.start())
            np, np_start, _ = self.speaker_after(sb.start("np"), s.end if s is not None else sb.end())
            if np:
                self.said_by.append((sb.start("cue"), np, np_start))

    def find_aside(self) -> None:
        """`Polisi, kata Kapolda X, masih menyelidiki …`: a cue set off by commas inside the statement."""
        for s in self.sents:
            for m in _ASIDE.finditer(self.text, s.start, s.end):
                if m.start() == s.start or self.in_quote(m.start()):
                    continue
                before = self.text[s.start:m.start()]
                if self.g.lead_re.match(before) or _nwords(before) > 6 or before.rstrip()[-1:] in "”\"’" \
                        or self.g.verb_re.search(before):
                    continue  # a long clause before the aside is a statement of its own
                np = m.group("np").strip()
                if not np or _time_aside(np) or self.g.time_tail_re.fullmatch(" " + np):
                    continue
                cstart = m.end()
                cend = self._content_end(s, cstart, s.end, m)
                rest = self.text[cstart:cend]
                first = rest.split()[0].lower() if rest.split() else ""
                if _nwords(rest) < MIN_CONTENT_WORDS or not rest[:1].islower() or first in self.stops \
                        or first in _NO_PREDICATE_BEFORE:
                    continue  # "…, kata X, Senin (1/1)" / "…, menurut X, dalam rilisnya": not the rest of a statement
                self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), np,
                                        m.start("np") + (len(m.group("np")) - len(m.group("np").lstrip())),
                                        sent=s, after=self.text[m.end():m.end() + 40]))
                break

    def find_inline_lead(self) -> None:
        """`…, karena, menurutnya, Komnas HAM perlu melihat CCTV …`: a pronoun source set off by commas
        inside a sentence; what follows it is the statement."""
        for s in self.sents:
            for m in _INLINE_LEAD.finditer(self.text, s.start, s.end):
                if self.in_quote(m.start()) or m.start() == s.start:
                    continue
                cstart = m.end()
                cend = self._content_end(s, cstart, s.end, m)
                if _nwords(self.text[cstart:cend]) < MIN_CONTENT_WORDS:
                    continue
                cue_low = " ".join(m.group("cue").lower().split())
                np = "mereka" if cue_low.endswith("mereka") else "dia"
                self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), np,
                                        m.start("cue"), sent=s))
                break

    def find_trailing_lead(self) -> None:
        """`…, menurut penghitungan resmi AFP.` / `…, menurut kementerian kesehatan, dalam angka …`: the
        source named after the statement."""
        for s in self.sents:
            for m in self.g.trail_lead_re.finditer(self.text, s.start, s.end):
                if self.in_quote(m.start()):
                    continue
                content = self.text[s.start:m.start()]
                if self.g.lead_re.match(content) or _nwords(content) < MIN_CONTENT_WORDS:
                    continue
                if self.g.verb_re.search(content):
                    continue  # "Putin mengatakan, menurut informasi Moskow, …": a source inside a statement
                np = m.group("np")
                np_start = m.start("np")
                split = self._name_then_clause(np_start, m.end("np"))
                if split is not None:
                    # "Soal kasus itu, menurut Prabowo masih dalam koridor …": the source, then its content
                    cend = self._content_end(s, split[1], s.end, m)
                    if _nwords(self.text[split[1]:cend]) >= MIN_CONTENT_WORDS:
                        self.cands.append(_Cand(split[1], cend, "indirect", m.group("cue"), m.start("cue"),
                                                split[0], np_start, sent=s))
                    break
                self.cands.append(_Cand(s.start, m.start(), "indirect", m.group("cue"), m.start("cue"), np,
                                        np_start, sent=s, after=self.text[m.end():m.end() + 40]))
                break

    def _content_end(self, s: Sentence, cstart: int, end_lim: int, cue_m: re.Match[str]) -> int:
        """The content runs to the sentence end, unless a comma opens another speaker's clause
        (", saat itu Ankara memperingatkan …"), a continuation cue (", dengan catatan bahwa") or a
        closing cue (", kata X")."""
        end = end_lim
        cm = self.g.cont_re.search(self.text, cstart, end_lim)
        if cm:
            end = cm.start()
        for m in self.g.verb_re.finditer(self.text, cstart, end):
            between = self.text[cstart:m.start()]
            if re.search(r"\bbahwa\b", between, re.IGNORECASE):
                break
            comma = between.rfind(",")
            if comma >= 0:
                clause = between[comma + 1:]
                if _nwords(clause) <= 7 and not self.in_quote(cstart + comma):
                    end = cstart + comma
                    break
        # a dash aside or a verb phrase going back to the main subject (", dan bersiap …") ends it too
        dm = re.compile(r",\s*(?:dan|serta|lalu|kemudian|sambil|seraya)\s+(?:me|ber|di)[a-z]{3,}\b").search(
            self.text, cstart, end)
        if dm and _nwords(self.text[cstart:dm.start()]) >= 1:
            end = dm.start()
        tm = self.g.trailing_re.search(self.text, cstart, end)
        if tm and (self.g.cues.get(" ".join(tm.group("cue").lower().split())) or None):
            if self.g.cues[" ".join(tm.group("cue").lower().split())].frame == "post":
                end = tm.start()
        while end > cstart and self.text[end - 1] in " .,;:\n":
            end -= 1
        return end

    def find_lead(self) -> None:
        """`Menurut X, …`, `Dilansir Daily Sabah Senin (9/11/2020), …` opening a sentence."""
        for s in self.sents:
            m = self.g.lead_re.match(self.text, s.start, s.end)
            if not m:
                continue
            cue_low = " ".join(m.group("cue").lower().split())
            if cue_low.endswith("nya") or cue_low in ("menurut mereka", "menurut dia"):
                # "Menurutnya, …": the source is a pronoun folded into the cue
                np_start = m.start("cue") + (8 if cue_low.startswith("menurut ") else 0)
                # "Menurutnya, …" / "Menurutnya saat ini …"
                cstart = m.end() + 1 if self.text[m.end():m.end() + 1] == "," else m.end()
                cend = self._content_end(s, cstart, s.end, m)
                while cstart < cend and self.text[cstart] == " ":
                    cstart += 1
                if _nwords(self.text[cstart:cend]) >= MIN_CONTENT_WORDS:
                    np = "dia" if cue_low.endswith("nya") or cue_low.endswith("dia") else "mereka"
                    self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), np, np_start,
                                            sent=s, nested=self.in_quote(m.start())))
                continue
            comma = self.text.find(",", m.end(), s.end)
            split = self._name_then_clause(m.end(), comma if comma >= 0 else s.end)
            if split is not None and m.group("cue").lower().startswith(_NAME_THEN_CLAUSE_LEADS):
                # "Menurut Prabowo setiap hari …", "Berdasarkan data BPBD hingga pukul 18.52 WIB bencana
                # …": no comma after the source
                name, cstart = split
                cend = self._content_end(s, cstart, s.end, m)
                if _nwords(self.text[cstart:cend]) >= MIN_CONTENT_WORDS:
                    self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), name,
                                            m.end(), sent=s, nested=self.in_quote(m.start())))
                continue
            if comma < 0:
                continue
            np = self.text[m.end():comma]
            if _nwords(np) > 14:
                continue
            if np.strip() and self._is_office(np.strip()):
                # "Menurut Kepala Sekolah X, Siti Aminah, para siswa …": the name after the office
                appo = self._apposed_name(m.end(), s.end)
                if appo is not None:
                    after_name = appo[1] + len(appo[0])
                    c2 = re.match(r"[^,]{0,40}?,", self.text[after_name:s.end])
                    if c2:
                        np, comma = appo[0], after_name + c2.end() - 1
                        cstart = comma + 1
                        cend = self._content_end(s, cstart, s.end, m)
                        while cstart < cend and self.text[cstart] == " ":
                            cstart += 1
                        kind = "indirect"
                        dq = self.quote_starting(cstart, cend)
                        if dq is not None and _nwords(self.text[dq.cs:dq.ce]) >= 2:
                            kind, cstart, cend = "direct", dq.cs, dq.ce
                        if _nwords(self.text[cstart:cend]) >= MIN_CONTENT_WORDS:
                            self.cands.append(_Cand(cstart, cend, kind, m.group("cue"), m.start("cue"), np,
                                                    appo[1], sent=s, nested=self.in_quote(m.start())))
                        continue
            np_clean = self.g.time_tail_re.sub("", np.rstrip())
            lp = re.match(r"\s*(?:dalam|dari|oleh|di|kepada)\s+", np_clean, re.IGNORECASE)
            if lp:
                np_clean = np_clean[lp.end():]
            cstart = comma + 1
            cend = self._content_end(s, cstart, s.end, m)
            while cstart < cend and self.text[cstart] == " ":
                cstart += 1
            if _nwords(self.text[cstart:cend]) < MIN_CONTENT_WORDS:
                continue
            kind = "indirect"
            dq = self.quote_starting(cstart, cend)
            if dq is not None and _nwords(self.text[dq.cs:dq.ce]) >= 2:
                kind, cstart, cend = "direct", dq.cs, dq.ce  # `Menurut X, "…"`
            self.cands.append(_Cand(cstart, cend, kind, m.group("cue"), m.start("cue"), np_clean, m.end(),
                                    sent=s, nested=self.in_quote(m.start())))

    def find_trailing(self) -> None:
        """`…, kata Kemenhan.` / `…, tegasnya.`: an indirect quote closed by a post cue."""
        for s in self.sents:
            m = self.g.trailing_re.search(self.text, s.start, s.end)
            if not m:
                continue
            info = self.g.cues.get(" ".join(m.group("cue").lower().split()))
            if info is None or info.frame != "post":
                continue
            content = self.text[s.start:m.start()]
            if content.rstrip()[-1:] in "”\"’":
                continue  # a direct quote, found by find_post_direct
            if self.g.lead_re.match(content) or _nwords(content) < MIN_CONTENT_WORDS:
                continue
            cue = m.group("cue")
            if cue.lower().endswith("nya"):
                np, np_start = cue, m.start("cue")
            else:
                np, np_start, _ = self.speaker_after(m.end("cue"), s.end)
            if not np:
                continue
            self.cands.append(_Cand(s.start, m.start(), "indirect", cue, m.start("cue"), np, np_start, sent=s,
                                    nested=self.in_quote(m.start("cue")),
                                    after=self.text[m.end():m.end() + 40]))

    def find_noun(self) -> None:
        """`pernyataan Yerevan bahwa mereka akan …` - a statement noun with its author."""
        for m in self.g.noun_re.finditer(self.text):
            s = self.sentence_at(m.start())
            if s is None:
                continue
            cstart = m.end()
            cend = self.text.find(",", cstart, s.end)
            cend = s.end if cend < 0 else cend
            while cend > cstart and self.text[cend - 1] in " .;":
                cend -= 1
            if _nwords(self.text[cstart:cend]) < MIN_CONTENT_WORDS:
                continue
            self.cands.append(_Cand(cstart, cend, "indirect", m.group("cue"), m.start("cue"), m.group("np"),
                                    m.start("np"), sent=s))

    # -- assembly -----------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        self.find_post_direct()
        self.find_pre()
        self.find_lead()
        self.find_trailing()
        self.find_passive()
        self.find_aside()
        self.find_trailing_lead()
        self.find_inline_lead()
        self.find_noun()
        self.remember_said_by()
        cands = self._dedupe(self.cands)
        self.att.history.indirect_spans = [(c.start, c.end) for c in cands if c.kind == "indirect"]
        out: list[Quote] = []
        resolved: dict[int, Resolved] = {}  # by id() of the candidate
        order = sorted(range(len(cands)), key=lambda i: (cands[i].cue_pos, cands[i].start))
        said_by = sorted(self.said_by)
        for i in order:
            c = cands[i]
            while said_by and said_by[0][0] < c.cue_pos:
                pos, np, np_start = said_by.pop(0)
                if not any(k.cue_pos == pos for k in cands):
                    self.att.remember(pos, self.att.resolve(np, np_start, inside_quote=self.in_quote))
            if c.np is None and c.parent is not None and id(c.parent) in resolved:
                res, np_text = resolved[id(c.parent)], c.parent.np
            else:
                exclude = self._mentioned(c) if c.np else set()
                res = self.att.resolve(c.np or "", c.np_start, after=c.after, exclude=exclude,
                                       inside_quote=self.in_quote)
                np_text = c.np
                if c.kind == "direct" and c.np and c.np == c.cue and c.np.lower().endswith("nya") \
                        and self.text[c.start - 1:c.start] in _OPENING_QUOTES:
                    # 'Tuti menyampaikan kekecewaannya. "Kami berharap …," katanya.': the person whose
                    # speech act opens the sentence before the quotation is its voice
                    topic = self.att.previous_subject(c.start - 1, exclude, verbs=self._speech_verbs)
                    if topic is not None:
                        res = topic
            resolved[id(c)] = res
            if c.nested and (c.np or "").lower() in _FIRST_PERSON:
                continue  # "Kita meyakini, …" inside a quotation: the quoted speaker's own words, not a new quote
            if not c.nested:
                self.att.remember(c.cue_pos, res)
                if c.kind == "indirect" and res.kind != "PER":
                    self.att.history.indirect_bodies.add(c.cue_pos)
            quote_text = self.art.body[c.start:c.end]
            sent = c.sent
            out.append(Quote(
                quote=quote_text.strip(), kind=c.kind, speaker=res.name or np_text, speaker_id=res.id,
                speaker_text=np_text, cue=c.cue, start=c.start, end=c.end, via=c.via,
                sentence=self.art.body[sent.start:sent.end].strip() if sent else None,
            ))
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _mentioned(self, c: _Cand) -> set[str]:
        """Names the quote itself speaks of in the third person; its speaker is someone else."""
        names: set[str] = set()
        if c.kind != "direct":
            return names
        for e in self.att.entities_in(c.start, c.end):
            if e.type == "PER":
                names.add(self.att.entity_name(e))
        for m in self.att.lex.title_re.finditer(self.text, c.start, c.end):
            r = self.att.resolve(self.text[m.start():m.end() + 30].split(",")[0], m.start())
            if r.name and r.kind == "PER":
                names.add(r.name)
        return names

    @staticmethod
    def _dedupe(cands: list[_Cand]) -> list[_Cand]:
        """One quote per stretch of text: when two finders cover the same words keep the better framed
        one (a direct quote over the indirect frame around it, the longer over the shorter)."""
        keep: list[_Cand] = []
        for c in cands:  # finders run from the most to the least specific frame
            dup = False
            for k in keep:
                ov = min(k.end, c.end) - max(k.start, c.start)
                if ov > 0 and (k.cue_pos == c.cue_pos or ov >= 0.9 * max(k.end - k.start, c.end - c.start)):
                    dup = True
                    break
            if not dup:
                keep.append(c)
        return keep


def extract_quotes(doc: Any, art: Article) -> list[Quote]:
    """Direct and indirect quotes of `art.body`, with canonical speakers, cues, offsets and sentences."""
    if not art.body.strip():
        return []
    return _Extractor(art).run()


__all__ = ["extract_quotes", "cue_grammar", "lexicon"]
