"""Numeric claims: which numbers the article reports, what they count, and who asserts them.

"Attribution is data": a casualty figure in war reporting is a claim by one side, so every number keeps its
claimant — the speaker of the quote that contains it ("Menurut pejabat Nagorno-Karabakh, 1.166 pasukan …"),
the source of a "menurut X" or "X menyebut N" phrase, or none when the outlet states it itself.

Numbers are read by `numbers.find_numbers`; this module decides which of them are claims and of what:
ages, years, dates, percentages, distances, durations, ranks and identifiers are not
(claim_exclusions.tsv); a qualifier before the number gives at_least/approx/at_most (claim_qualifiers.tsv);
the category comes from the predicate around it (claim_categories.tsv: "menewaskan 91" and "45 … tewas"
are killed, "melukai 400" injured). "seorang" and "satu" are articles more often than counts, so they are
claims only in a casualty-type context.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lang.id import grammar_word_list, grammar_words, load_tsv
from ..model import Article, Claim, Quote
from .attribution import Attributor, layout
from .dates import find_dates
from .numbers import NumberMatch, find_numbers


@dataclass(frozen=True)
class ClaimGrammar:
    qualifier_re: re.Pattern[str]        # a qualifier ending right before the number
    qualifiers: dict[str, str]
    before_excl_re: re.Pattern[str]      # an exclusion word right before the number
    after_excl_re: re.Pattern[str]       # an exclusion word right after the number
    cat_before_re: re.Pattern[str]       # transitive verbs whose object is the number
    cat_after_re: re.Pattern[str]        # predicates after the counted subject
    cat_any_re: re.Pattern[str]          # nouns like "korban tewas" anywhere in the clause
    categories: dict[str, str]
    reporter_re: re.Pattern[str]         # "X menyebut/melaporkan <number>"
    menurut_re: re.Pattern[str]
    cat_sentence_re: re.Pattern[str]     # care/poisoning words anywhere in the sentence of a people count
    heads: dict[str, str]                # counted head noun -> person | thing | place | abstract | relative
    head_categories: dict[str, str]      # counted head noun -> category when its clause names none
    affected_re: re.Pattern[str]         # words that make a count of places a claim (claim_affected.tsv)


def _words_alt(kind: str) -> str:
    """Regex alternation of the grammar words of a kind, in file order; a space matches any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in grammar_word_list(kind))


def _alt(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def claim_grammar() -> ClaimGrammar:
    quals = {r[0]: r[1] for r in load_tsv("claim_qualifiers.tsv")}
    cats = load_tsv("claim_categories.tsv")
    categories = {r[0]: r[1] for r in cats}
    excl = load_tsv("claim_exclusions.tsv")
    before = [r[1] for r in excl if r[0] == "before"]
    after = [r[1] for r in excl if r[0] == "after"]
    return ClaimGrammar(
        qualifier_re=re.compile(rf"(?<![\w-])(?P<q>{_alt(quals)})\s*$", re.IGNORECASE),
        qualifiers=quals,
        before_excl_re=re.compile(rf"(?<![\w-])(?:{_alt(before)})\s*$", re.IGNORECASE),
        after_excl_re=re.compile(rf"\s*(?:{_alt(after)})(?![\w])", re.IGNORECASE),
        cat_before_re=re.compile(
            rf"(?<![\w-])(?P<k>{_alt([r[0] for r in cats if r[2] == 'before'])})(?![\w-])", re.IGNORECASE),
        cat_after_re=re.compile(
            rf"(?<![\w-])(?P<k>{_alt([r[0] for r in cats if r[2] in ('after', 'any')])})(?![\w-])", re.IGNORECASE),
        cat_any_re=re.compile(
            rf"(?<![\w-])(?P<k>{_alt([r[0] for r in cats if r[2] == 'any'])})(?![\w-])", re.IGNORECASE),
        categories=categories,
        reporter_re=re.compile(
            r"(?P<np>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:" + _words_alt("reporter_verb") + r")\s+(?:[\w-]+\s+){0,2}$",
            re.IGNORECASE),
        menurut_re=re.compile(r"\b(?:" + _words_alt("according_to") + r")\s+(?P<np>[^,.;]{2,60})", re.IGNORECASE),
        cat_sentence_re=re.compile(
            rf"(?<![\w-])(?P<k>{_alt([r[0] for r in cats if r[2] == 'sentence'])})(?![\w-])", re.IGNORECASE),
        heads={r[0]: r[1] for r in load_tsv("claim_subjects.tsv")},
        head_categories={r[0]: r[1] for r in cats if r[2] == "head"},
        affected_re=re.compile(
            rf"(?<![\w-])(?:{_alt([r[0] for r in load_tsv('claim_affected.tsv')])})(?![\w-])", re.IGNORECASE),
    )


_CLAUSE_END = re.compile(r"[,;:.!?()]")
_SUBJECT_STOP = re.compile(r"^(?:" + _words_alt("subject_stop") + r"|(?:me|ber|di|ter)[a-z]{3,})$", re.IGNORECASE)
_PREV_WORD = re.compile(r"(\S+)\s+$")
_COUNT_NOUN = re.compile(rf"\s+(?:{_words_alt('count_noun')})\b", re.IGNORECASE)
# predicates of a count that fall in no category ("puluhan rumah terdampak dan belasan warga mengungsi")
_STATE_PREDICATES = grammar_words("state_predicate")
_RELAYED = re.compile(rf"(?<![\w-])(?:{_words_alt('relay_cue')})\s+(?P<np>[A-Z][^,.;()]{{0,50}}?)\s*(?=[,.;(]|$)",
                      re.IGNORECASE)
_SWEPT = re.compile(rf"(?<![\w-])(?:{_words_alt('swept_away')})(?![\w-])", re.IGNORECASE)
_NEGATED = re.compile(rf"(?<![\w-])(?:{_words_alt('negation')})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# a count continuing a list after a comma or "dan" ("mengerahkan 4 ekskavator, 2 wheel loader, dan 2 motor
# grader"): the text between two items, with no verb or predicate of its own
_VERB_FORM = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}", re.IGNORECASE)
_LIST_NEXT = re.compile(r"[^.;:()]{0,40}?(?:,\s*(?:dan|serta)?|\s(?:dan|serta))\s+", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\(\d{1,3}\))?\s*,")
_LIST_OPEN = re.compile(rf"\b(?:{_words_alt('list_open')})\b", re.IGNORECASE)


def _category(g: ClaimGrammar, text: str, ns: int, ne: int, c_start: int, c_end: int) -> str:
    """The category of the number at [ns, ne) from its clause [c_start, c_end)."""
    before = text[c_start:ns]
    tail = before[-45:]
    hits = list(g.cat_before_re.finditer(tail))
    if hits:
        gap = tail[hits[-1].end():]
        # the verb's object only if nothing but a qualifier stands between ("menewaskan sedikitnya 91"),
        # not across another verb or a coordination ("menahan 45 tawanan dan menemukan puluhan ranjau")
        if _nwords(gap) <= 3 and not re.search(r"\b(?:dan|serta|atau|(?:me|di|ber)[a-z]{3,})\b|[,;]", gap,
                                               re.IGNORECASE) or g.qualifier_re.fullmatch(gap.strip()):
            return g.categories[" ".join(hits[-1].group("k").lower().split())]
    m = g.cat_after_re.search(text, ne, c_end)
    if m and not text[ne:m.start()].strip():
        # the counted noun itself ("tawanan", "pengungsi") gives way to a predicate of its own
        # ("seorang tahanan tewas")
        m2 = g.cat_after_re.search(text, m.end(), c_end)
        if m2 and not _own_predicate_before(text, ne, m2.start()) and _nwords(text[m.end():m2.start()]) <= 4:
            m = m2
    if m and not _own_predicate_before(text, ne, m.start()):
        # the predicate of this number, not of a later one ("puluhan rumah terdampak dan belasan warga
        # mengungsi": the houses are not displaced)
        if _NEGATED.search(text, max(ne, m.start() - 20), m.start()):
            return "other"  # "satu tersangka belum ditahan": a predicate denied says what did not happen
        return g.categories[" ".join(m.group("k").lower().split())]
    hits = list(g.cat_any_re.finditer(before))
    if hits:
        return g.categories[" ".join(hits[-1].group("k").lower().split())]
    return "other"


def _list_head_category(g: ClaimGrammar, text: str, s_start: int, lo_start: int, category: str) -> str:
    """The category of a list's items from the verb or noun heading it, when the head itself is uncounted
    ("Unpad akan mengirimkan tenaga profesional mencakup lima dokter, …", "mobilisasi bantuan dilakukan
    dari Depo X, berupa 2 unit mobile water tank")."""
    head = text[max(s_start, lo_start - 80):lo_start]
    hits = list(g.cat_before_re.finditer(head)) + list(g.cat_any_re.finditer(head))
    if not hits:
        return category
    last = max(hits, key=lambda m: m.end())
    between = head[last.end():]
    if _nwords(between) > 8 or find_numbers(between) or re.search(r"[.;:]", between):
        return category
    return g.categories[" ".join(last.group("k").lower().split())]


def _own_predicate_before(text: str, ne: int, pred_start: int) -> bool:
    """Whether the number has its own predicate before another number takes the one at `pred_start`
    ("puluhan rumah terdampak dan belasan warga mengungsi"), unlike coordinated counts sharing one
    ("310 tentara dan dua tank telah dihancurkan")."""
    others = [n for n in find_numbers(text[ne:pred_start]) if n.kind != "person"]
    if not others:
        return False
    between = text[ne:ne + others[0].start]
    g = claim_grammar()
    return bool(g.cat_after_re.search(between)) or any(w.lower() in _STATE_PREDICATES for w in re.findall(r"[\w-]+", between))


_POPULATION_LEAD = re.compile(rf"(?<![\w-])(?:{_words_alt('population_lead')})\s+(?:\w+\s+)?$", re.IGNORECASE)
_COUNT_LEAD = re.compile(rf"(?<![\w-])(?:{_words_alt('count_lead')})\s+$", re.IGNORECASE)
_ANAPHORIC = re.compile(rf"\s+(?:{_words_alt('anaphoric')})\b", re.IGNORECASE)


def head_kind(subject: str | None) -> str | None:
    """The kind of the counted head noun (claim_subjects.tsv): person, thing, place, abstract, relative."""
    if not subject:
        return None
    words = [w.strip(".,;:()\"'").lower() for w in subject.split()]
    heads = claim_grammar().heads
    if len(words) >= 2 and f"{words[0]} {words[1]}" in heads:
        return heads[f"{words[0]} {words[1]}"]
    return heads.get(words[0]) if words else None


def _nwords(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _subject(text: str, ne: int, c_end: int) -> str | None:
    """The counted noun phrase right after the number: "tentara Azerbaijan", "kendaraan lapis baja Armenia"."""
    words = []
    aside = re.match(r"\s*[—–][^—–]*[—–]", text[ne:c_end])  # "ratusan—laporan lain menyebut ribuan—orang"
    if aside:
        ne += aside.end()
    for m in re.finditer(r"\S+", text[ne:c_end]):
        w = m.group(0).strip("—–-\"“”'")
        if not w or (_SUBJECT_STOP.match(w) and not (not words and w.lower() in claim_grammar().heads)) \
                or len(words) >= 4:
            break
        words.append(w)
    return " ".join(words) or None


def _clause(text: str, s_start: int, s_end: int, ns: int, ne: int) -> tuple[int, int]:
    """The comma-delimited clause around a number, within its sentence. Brackets do not end it when the
    number counts the same thing twice ("lima kepala keluarga (11 jiwa) terpaksa mengungsi")."""
    a = s_start
    for m in _CLAUSE_END.finditer(text, s_start, ns):
        if m.group(0) in "()" and re.fullmatch(r"\(\s*[^(),]{0,25}\)?", text[m.start():ns + 1] if m.group(0) == "(" else "("):
            continue
        if not (m.group(0) in ".," and m.start() > 0 and text[m.start() - 1].isdigit()
                and m.end() < len(text) and text[m.end()].isdigit()):
            a = m.end()
    b = s_end
    skip_close = -1
    skip_until = -1
    for m in _CLAUSE_END.finditer(text, ne, s_end):
        if m.start() == skip_close or m.start() <= skip_until:
            continue
        if m.group(0) == ",":
            appo = _APPOSITION.match(text, m.start())
            if appo and appo.end() <= s_end:
                skip_until = appo.end() - 1
                continue  # "Seorang siswa SMP di Grobogan, ABP, diduga tewas": a name set off by commas
        if m.group(0) == ")" and "(" in text[max(s_start, ns - 25):ns] and "," not in text[ne:m.start()]:
            continue  # the number in brackets: the clause goes on after them
        if m.group(0) == "(" and re.match(r"\(\s*(?:[\d.,]+\s*[a-zA-Z]*|[A-Z][^\W\d]*(?:\s+[^\W\d]+){0,2})\s*\)",
                                          text[m.start():m.start() + 40]):
            close = text.find(")", m.start())
            if close > 0 and not _CLAUSE_END.search(text, m.start() + 1, close):
                skip_close = close
                continue  # "lima kepala keluarga (11 jiwa) mengungsi", "4 anggota LSM (NGO) yang terjaring"
        b = m.start()
        break
    return a, b


def _excluded(g: ClaimGrammar, text: str, n: NumberMatch, s_start: int) -> bool:
    """Ages, years, percentages, distances, durations, ranks and identifiers are not claims."""
    before = text[max(s_start, n.start - 25):n.start]
    if g.before_excl_re.search(before):
        return True
    if g.after_excl_re.match(text, n.end):
        return True
    if n.kind == "digits" and re.fullmatch(r"(?:19|20)\d\d", n.text):
        return True  # a year that the date grammar did not need (dates are found separately)
    pm = _PREV_WORD.search(before)
    if pm and n.start > s_start:
        prev = pm.group(1).strip("()")
        # "Resolusi 2334", "Su 27", "(Densus) 88": a capitalised word right before a numeral names a thing
        if n.kind == "digits" and prev[:1].isupper() and prev.isalpha() and not g.qualifier_re.search(prev) \
                and not _COUNT_NOUN.match(text, n.end):
            return True  # but "Musala Assidiqie 40 jiwa" counts people
    if re.match(r"[-/]\w", text[n.end:n.end + 2]) or re.search(r"\w[-/]$", before):
        return True
    dm = re.match(r"\s+([a-z]\w*)(?:\s+[a-z]\w*)?\s+(?:ini|itu|tersebut)\b", text[n.end:n.end + 60])
    if n.kind != "vague" and dm and head_kind(dm.group(1)) not in ("person", "thing", "place"):
        return True  # "kerja sama dua negara ini": a definite reference to things counted before
    if n.kind == "digits" and before.endswith("(") and text[n.end:n.end + 1] == ")":
        return True  # "Kamal Mopangga (33)": an age in brackets after a name
    return False


def extract_claims(doc: Any, art: Article) -> list[Claim]:
    """Numeric claims of `art.body` with value, qualifier, category, subject and claimant."""
    if not art.body.strip():
        return []
    g = claim_grammar()
    lay = layout(art.body)
    text, sents = lay.text, lay.sentences
    dates = art.dates if art.dates and all(d.start is not None for d in art.dates) else find_dates(text, art.published)
    date_spans = [(d.start or 0, d.end or 0) for d in dates]
    quotes: list[Quote] = sorted(art.quotes or [], key=lambda q: q.end - q.start)
    att: Attributor | None = None
    out: list[Claim] = []
    numbers = find_numbers(text)
    starts = [n.start for n in numbers]
    for s in sents:
        for n in numbers[bisect_left(starts, s.start):bisect_left(starts, s.end)]:
            if n.end > s.end:
                continue
            if any(a < n.end and n.start < b for a, b in date_spans):
                continue
            if _excluded(g, text, n, s.start):
                continue
            c_start, c_end = _clause(text, s.start, s.end, n.start, n.end)
            category = _category(g, text, n.start, n.end, c_start, c_end)
            # "seorang" is an article as often as a count; "satu" is the numeral
            one = n.kind == "person" and not n.text.lower().startswith("satu")
            if one and category == "other" and not (
                    _COUNT_LEAD.search(text, max(s.start, n.start - 12), n.start)
                    and head_kind(_subject(text, n.end, c_end)) in ("person", "thing")):
                continue  # "seorang"/"satu" are articles, unless a count ("ada satu barang bukti")
            if n.kind == "words" and text[n.start].isupper() and text[s.start:n.start].strip(" \t\n\"“”'‘’(") \
                    and not g.qualifier_re.search(text, max(s.start, n.start - 30), n.start):
                continue  # "di Lima", "Tim Tujuh": a capitalised number word inside a sentence is a name
            lo = _LIST_OPEN.search(text, s.start, n.start) if category == "other" else None
            prev_claim = next((c for c in reversed(out) if c.start is not None and s.start <= c.start
                               and lo is not None and (c.end or 0) <= lo.start() and c.category != "other"), None)
            if lo is not None and prev_claim is not None:
                # "85 warga mengungsi di beberapa titik, di antaranya pos balai desa 10 jiwa, …": the items
                # of a list count the same thing as its head
                category = prev_claim.category
            elif lo is not None:
                category = _list_head_category(g, text, s.start, lo.start(), category)
            prev = out[-1] if out and out[-1].start is not None and s.start <= (out[-1].start or 0) else None
            if category == "other" and prev is not None and prev.category != "other" \
                    and _LIST_NEXT.fullmatch(text, prev.end or 0, n.start) \
                    and not any(_VERB_FORM.fullmatch(w) for w in re.findall(r"[\w-]+", text[prev.end or 0:n.start])) \
                    and not g.cat_after_re.search(text, prev.end or 0, n.start) \
                    and not g.cat_after_re.search(text, n.end, c_end):
                category = prev.category  # the next item of a list shares its verb
            anaphoric = bool(_ANAPHORIC.match(text, n.end))
            subject = None if anaphoric else _subject(text, n.end, c_end)
            if category == "other" and subject is None and not anaphoric \
                    and not _POPULATION_LEAD.search(text, max(s.start, n.start - 30), n.start):
                continue  # a bare number counting nothing named ("nomor urut 3", "skor 3,35", "triwulan empat")
            if isinstance(n.value, float) and not float(n.value).is_integer():
                continue  # people and things come in whole numbers: a score, a rate, a measure
            if category == "other" and subject is not None:
                category = g.head_categories.get(subject.split()[0].lower(), category)
            if subject is not None and subject[:1].isdigit():
                continue  # "0852 6692 4247": a group of a phone or record number, counting nothing
            kind = head_kind(subject)
            if kind == "abstract":
                continue  # "tiga mandat", "delapan tuntutan": counts of abstract things are not claims
            if kind == "person" and category == "destroyed" and _SWEPT.search(text, n.end, c_end):
                category = "missing"  # "dua warga hanyut": people swept away are missing, bridges destroyed
            if kind in ("thing", "place") and category in ("killed", "injured", "missing", "captured", "displaced"):
                category = "other"  # "mengamankan 45 gereja": securing buildings, not capturing people
            if kind is None and subject is not None and category in ("captured", "displaced"):
                continue  # "mengamankan 10.000 botol", "mengevakuasi 30 dokumen": only people are taken or moved
            if one and category == "other" and not _COUNT_LEAD.search(text, max(s.start, n.start - 12), n.start):
                continue
            if kind == "relative":
                category = "other"  # "38 ahli waris korban meninggal": the heirs are not the dead
            if kind == "thing" and category == "other" \
                    and re.search(r"(?<![\w-])di\s+$", text[max(s.start, n.start - 6):n.start], re.IGNORECASE):
                continue  # "dirawat di dua puskesmas": where something happens, not what is counted
            if kind == "place" and category == "other" and not g.affected_re.search(text, s.start, s.end):
                continue  # "program berjalan di 34 provinsi": where an agency works, nothing affected there
            if kind == "person" and category == "other" and prev is not None and prev.category != "other" \
                    and head_kind(prev.subject) == "person" \
                    and re.fullmatch(r"[^.;:]{0,60}?\s(?:dan|serta)\s+", text[prev.end or 0:n.start]) \
                    and not g.cat_after_re.search(text, prev.end or 0, n.start) \
                    and not any(w.lower() in _STATE_PREDICATES for w in re.findall(r"[\w-]+", text[n.end:c_end])):
                category = prev.category  # "mengeksekusi 33 orang terkait terorisme dan 202 orang lainnya"
            if kind == "person" and category == "other":
                sm = g.cat_sentence_re.search(text, s.start, s.end)
                if sm:  # "232 siswa yang (diduga keracunan)", "158 orang dirawat di …"
                    category = g.categories[" ".join(sm.group("k").lower().split())]
            qm = g.qualifier_re.search(text, max(s.start, n.start - 30), n.start)
            qualifier = g.qualifiers[" ".join(qm.group("q").lower().split())] if qm else "exact"
            if n.kind == "vague" and qualifier == "exact":
                qualifier = "at_least"
            claimant, claimant_id = None, None
            q = next((q for q in quotes if q.start <= n.start and n.end <= q.end), None)
            if q is not None and q.speaker:
                claimant, claimant_id = q.speaker, q.speaker_id
            else:
                np, np_start = None, 0
                rm = g.reporter_re.search(text, max(c_start, n.start - 60), n.start)
                mm = g.menurut_re.search(text, s.start, s.end)
                lm = _RELAYED.search(text, s.start, n.start)
                if rm:
                    np, np_start = rm.group("np"), rm.start("np")
                elif mm and (mm.start() == s.start or text[s.start:mm.start()].strip().endswith(",")):
                    np, np_start = mm.group("np"), mm.start("np")
                elif lm:
                    # "…, seperti dilansir AFP, Sabtu (30/8), tujuh hakim menyatakan …": the outlet relayed
                    # is the only source the sentence names
                    np, np_start = lm.group("np"), lm.start("np")
                if np:
                    att = att or Attributor(art, text)
                    res = att.resolve(np, np_start)
                    claimant, claimant_id = res.name, res.id
            out.append(Claim(
                text=art.body[n.start:n.end], value=n.value, qualifier=qualifier,  # type: ignore[arg-type]
                category=category, subject=subject,  # type: ignore[arg-type]
                claimant=claimant, claimant_id=claimant_id, start=n.start, end=n.end,
                sentence=art.body[s.start:s.end].strip(),
            ))
    return out
