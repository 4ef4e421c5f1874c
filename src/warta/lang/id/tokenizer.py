"""A news-tuned tokenizer for Indonesian, built on spaCy's `id` defaults.

Changes against spaCy's rules (each one seen in real news text):

* numbers: `1.166`, `2.000`, `14.30`, `1,5` stay one token (spaCy already does this); `83 juta` stays two;
* dates: `13/8` and `9/11/2020` stay one token, and `(13/8)`, `(9/11/2020)` split off their brackets (spaCy
  splits at every slash and keeps `8)` together because `8)` is an emoticon exception);
* hyphenated names and reduplications stay whole: `Nagorno-Karabakh`, `Turki-Azerbaijan`, `anak-anak`,
  `ke-3`, `2020-an`;
* abbreviations with a period (`dr.`, `H.`, `Jl.`, `No.`, `Prof.` …, list in `data/tok_abbreviations.txt`) and
  initials (`H.`, `A.`) stay one token;
* glued punctuation splits: `Azerbaijan.(Baca` → `Azerbaijan . ( Baca`, `kata:"Kami` → `kata : " Kami`;
* straight and curly quotes always split off; URLs, e-mail addresses, hashtags and @mentions stay whole.

The tokenizer is registered as `warta.id_tokenizer.v1` so a pipeline's config can name it. The rules are built
from this code and the data file, so a pipeline loaded through `warta.load_nlp()` always uses the current rules.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.lang.id import Indonesian
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import load_lines

ALPHA = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſƀ-ɏ"
QUOTES = "\"'“”‘’«»„‚‹›`"


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations (with their final period) that stay one token and never end a sentence."""
    out: set[str] = set()
    for a in load_lines("tok_abbreviations.txt"):
        out.add(a)
        out.add(a[0].upper() + a[1:])
        out.add(a.upper())
        out.add(a.lower())
    return frozenset(out)


def _exceptions() -> dict:
    exc = {}
    for orth, value in Indonesian.Defaults.tokenizer_exceptions.items():
        # emoticon exceptions such as "8)" or "(8" break "(13/8)"; drop every exception that mixes a digit
        # with a bracket, and punctuation-only emoticons glued to brackets.
        if re.search(r"\d", orth) and re.search(r"[()\[\]]", orth):
            continue
        exc[orth] = value
    for a in abbreviations():
        exc[a] = [{ORTH: a}]
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        exc[ch + "."] = [{ORTH: ch + "."}]
    return exc


def _prefixes() -> list[str]:
    pre = [p for p in Indonesian.Defaults.prefixes if p != "/"]
    return pre + [re.escape(q) for q in QUOTES]


def _suffixes() -> list[str]:
    suf = list(Indonesian.Defaults.suffixes)
    # "8)" etc. are handled by the base suffix rules once the emoticon exceptions are gone; "US$." splits
    return suf + [re.escape(q) for q in QUOTES] + [r"(?<=[0-9])\)", r"—", r"(?<=\$)[.,;:]"]


def _infixes() -> list[str]:
    # drop every spaCy infix rule that would split a hyphen inside a word (Nagorno-Karabakh, anak-anak, ke-3,
    # 2020-an) or a slash between digits (13/8, 9/11/2020); they are found by testing, not by their text
    keep = []
    for inf in Indonesian.Defaults.infixes:
        rx = re.compile(inf)
        if any(rx.search(probe) for probe in ("Nagorno-Karabakh", "ke-3", "2020-an", "13/8", "Turki-Azerbaijan")):
            continue
        keep.append(inf)
    extra = [
        # Azerbaijan.(Baca  /  kata:"Kami  /  perang."Kami
        rf"(?<=[{ALPHA}0-9])[.,;:!?](?=[(\[{re.escape(QUOTES)}])",
        rf"(?<=[.,;:!?])[(\[{re.escape(QUOTES)}](?=[{ALPHA}0-9])",
        # quotes glued inside a word: ujar"Kami  or  kami"katanya
        rf"(?<=[{ALPHA}0-9.,!?])[“”\"](?=[{ALPHA}0-9])",
        # slash between words: dan/atau, Kemenhan/TNI
        rf"(?<=[{ALPHA}])/(?=[{ALPHA}])",
        # em/en dash and double hyphen between words: Jakarta—Presiden
        rf"(?<=[{ALPHA}0-9])(?:[—–]|--)(?=[{ALPHA}0-9])",
    ]
    return keep + extra


def build_tokenizer(nlp) -> Tokenizer:
    """A Tokenizer for `nlp.vocab` with warta's news rules."""
    prefix_re = compile_prefix_regex(_prefixes())
    suffix_re = compile_suffix_regex(_suffixes())
    infix_re = compile_infix_regex(_infixes())
    defaults = Indonesian.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=_exceptions(),
        prefix_search=prefix_re.search,
        suffix_search=suffix_re.search,
        infix_finditer=infix_re.finditer,
        token_match=_token_match,
        url_match=defaults.url_match,
    )


# hashtags and @mentions, e-mail addresses, and numeric dates (13/8, 9/11/2020, 2020-11-09) stay whole;
# one compiled pattern, so the tokenizer can be serialised with the pipeline
_TOKEN_MATCH = re.compile(
    r"^(?:[#@][\w_]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?)$"
)
_token_match = _TOKEN_MATCH.match


@spacy.registry.tokenizers("warta.id_tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return build_tokenizer(nlp)

    return make
