"""Indonesian numbers as written in news: `1.166`, `2.000`, `5,5`, `83 juta`, `dua belas`, `ratusan`.

Indonesian swaps the English separators ('.' groups thousands, ',' marks decimals) and mixes digits with
number words ("1,5 juta", "tiga ratus ribu"); vague plurals ("ratusan" = hundreds) are amounts too, kept
with their lower bound so that a claim of "hundreds killed" is not lost. The word list is language data
(`lang/id/data/numbers.tsv`); this module only knows how to combine the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang.id import load_tsv


@dataclass(frozen=True)
class NumberWord:
    word: str
    value: int
    kind: str  # unit | teen | mult | big | big1 | vague | person


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text: where, as written, its value and how it was written."""

    start: int
    end: int
    text: str
    value: int | float
    kind: str  # digits | words | vague | person


@cache
def number_words() -> dict[str, NumberWord]:
    """The number lexicon of the language pack, keyed by lower-case word or phrase."""
    return {row[0]: NumberWord(row[0], int(row[1]), row[2]) for row in load_tsv("numbers.tsv")}


def _alt(words: list[str]) -> str:
    """A regex alternation, longest first so that "puluhan ribu" wins over "puluhan"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def number_regex() -> re.Pattern[str]:
    """One compiled pattern for every way a quantity is written (digits, words, vague, seorang)."""
    lex = number_words()
    vague = _alt([w for w, n in lex.items() if n.kind == "vague"])
    person = _alt([w for w, n in lex.items() if n.kind == "person"])
    big = _alt([w for w, n in lex.items() if n.kind == "big"])
    first = _alt([w for w, n in lex.items() if n.kind in ("unit", "big1")])
    word = _alt([w for w, n in lex.items() if n.kind in ("unit", "teen", "mult", "big", "big1")])
    digits = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    pattern = (
        rf"(?<![\w.,/:\-])(?P<digits>(?:{digits})(?:\s*(?:{big})\b)?)(?![\w/\-]|[.,]\d)"
        rf"|\b(?P<vague>{vague})\b"
        rf"|\b(?P<person>{person})\b"
        rf"|\b(?P<words>(?:{first})(?:\s+(?:{word}))*)\b(?!-)"
    )
    return re.compile(pattern)  # applied to lower-cased text (see find_numbers): faster than IGNORECASE


_DIGITS_BIG = re.compile(r"^(?P<num>[\d.,]+)\s*(?P<big>[^\d\s.,]+)?$")


def _parse_digits(s: str) -> int | float | None:
    """`1.166` -> 1166, `5,5` -> 5.5, `2.000` -> 2000; a lone '.' before other than 3 digits is a decimal."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"\d+(?:\.\d+)?", s):
        return None
    v = float(s)
    return int(v) if v.is_integer() else v


def _parse_words(words: list[str]) -> int | None:
    """Combine number words: `dua belas` 12, `tiga ratus ribu` 300000, `seratus lima puluh` 150."""
    lex = number_words()
    # `pending` is the unit just read, `current` the part below a thousand, `total` the closed groups.
    total, current, pending, seen = 0, 0, 0, False
    for w in words:
        n = lex.get(w)
        if n is None:
            return None
        seen = True
        if n.kind == "unit":
            current += pending
            pending = n.value
        elif n.kind == "teen":
            pending = (pending or 1) + 10
        elif n.kind == "mult":
            current += (pending or 1) * n.value
            pending = 0
        elif n.kind == "big1":
            total += current + pending + n.value
            current = pending = 0
        elif n.kind == "big":
            total += ((current + pending) or 1) * n.value
            current = pending = 0
        else:
            return None
    return total + current + pending if seen else None


def parse_number(text: str) -> int | float | None:
    """The value of one written number (digits, words, digits + `juta`, vague word), or None."""
    t = " ".join(text.lower().split())
    lex = number_words()
    if t in lex and lex[t].kind in ("vague", "person"):
        return lex[t].value
    m = _DIGITS_BIG.match(t)
    if m:
        base = _parse_digits(m.group("num"))
        if base is None:
            return None
        if m.group("big"):
            big = lex.get(m.group("big"))
            if big is None or big.kind != "big":
                return None
            v = base * big.value
            return int(v) if float(v).is_integer() else v
        return base
    words = t.split()
    first = lex.get(words[0]) if words else None
    if first is None or first.kind not in ("unit", "big1"):
        return None  # "juta" or "belas" alone is no number
    return _parse_words(words)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every quantity written in `text`, with offsets, in order."""
    out: list[NumberMatch] = []
    low = text.lower()
    if len(low) != len(text):  # keep offsets aligned when a character lower-cases to two
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for m in number_regex().finditer(low):
        kind = m.lastgroup or "words"
        s = text[m.start():m.end()]
        value = parse_number(s)
        if value is None:
            continue
        out.append(NumberMatch(m.start(), m.end(), s, value, kind))
    return out
