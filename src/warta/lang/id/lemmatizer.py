"""An affix-aware rule lemmatizer for Indonesian, as a spaCy component (`warta_lemmatizer`).

Lemmas follow the UD Indonesian convention: the root (`menyebabkan` → `sebab`, `peralatan` → `alat`,
`didukung` → `dukung`, `kemampuan` → `mampu`).

How a word is lemmatised, first match wins:
1. `lemma_lookup.tsv`: forms seen in the UD treebanks with their most frequent lemma (built by
   `training/build_lemma_data.py` from ../shared/data/ud);
2. the affix rules: particles (-lah, -kah, -pun, -tah), possessive clitics (-ku, -mu, -nya), derivational
   suffixes (-kan, -an, -i), and prefixes (di-, ke-, se-, ber-/be-/bel-, ter-/te-, per-/pe-, meN-/peN- with their
   nasal alternations: meny- → s, meng- → k/∅, mem- → p/∅, men- → t/∅), and confixes (ke-…-an, per-…-an,
   peN-…-an, ber-…-an, se-…-nya) are stripped in every combination, and the first candidate that is a
   known root (`lemma_roots.txt`) wins, preferring the candidate that removes the fewest characters;
3. otherwise the word itself (lower-cased, except proper nouns, which keep their form).

Everything is cached per word form, so it costs almost nothing per token.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from . import DATA_DIR
from .stateless import Stateless

PARTICLES = ("lah", "kah", "pun", "tah")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "an", "i")
VOWELS = set("aiueo")


@cache
def lookup_table() -> dict[str, str]:
    path = DATA_DIR / "lemma_lookup.tsv"
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                form, lemma = line.split("\t")[:2]
                table[form] = lemma
    return table


@cache
def roots() -> frozenset[str]:
    path = DATA_DIR / "lemma_roots.txt"
    if not path.exists():
        return frozenset()
    return frozenset(
        w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
    )


def _strip_suffixes(word: str) -> list[tuple[str, bool]]:
    """Word with 0..3 suffix layers removed: (stem, had_derivational_suffix) candidates."""
    out = [(word, False)]
    stage1 = [word]
    for p in PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 3:
            stage1.append(word[: -len(p)])
    stage2 = list(stage1)
    for w in stage1:
        for p in POSSESSIVES:
            if w.endswith(p) and len(w) - len(p) >= 3:
                stage2.append(w[: -len(p)])
    for w in stage2:
        if w != word:
            out.append((w, False))
        for s in SUFFIXES:
            if w.endswith(s) and len(w) - len(s) >= 3:
                out.append((w[: -len(s)], True))
                # -kan after -i? no; but "-an" removal of "kan" words covered by "kan"
    return out


def _strip_prefixes(stem: str) -> list[str]:
    """Candidates for the root after removing up to two prefixes (with nasal alternations)."""
    out = []
    frontier = [stem]
    for _ in range(2):
        nxt = []
        for w in frontier:
            nxt.extend(_one_prefix(w))
        nxt = [w for w in nxt if len(w) >= 2]
        out.extend(nxt)
        frontier = nxt
    return out


def _one_prefix(w: str) -> list[str]:
    c = []
    if w.startswith(("di", "ke", "se")) and len(w) > 4:
        c.append(w[2:])
    if w.startswith("ber") and len(w) > 5:
        c.append(w[3:])
    if w.startswith("bel") and len(w) > 5:
        c.append(w[3:])  # belajar
    if w.startswith("be") and len(w) > 4 and w[2] == "r":
        c.append(w[2:])  # beragam? (be-r...)
    if w.startswith("be") and len(w) > 4:
        c.append(w[2:])  # bekerja, beternak
    if w.startswith("ter") and len(w) > 5:
        c.append(w[3:])
    if w.startswith("te") and len(w) > 4:
        c.append(w[2:])
    if w.startswith("per") and len(w) > 5:
        c.append(w[3:])
    if w.startswith("pel") and len(w) > 5:
        c.append(w[3:])  # pelajar
    for head in ("me", "pe"):
        if not w.startswith(head) or len(w) < 5:
            continue
        rest = w[2:]
        if rest.startswith("ny"):
            c.append("s" + rest[2:])
            c.append(rest[2:])
        elif rest.startswith("ng"):
            r = rest[2:]
            c.append(r)  # mengambil -> ambil
            c.append("k" + r)  # mengirim -> kirim
            if r.startswith("e"):
                c.append(r[1:])  # mengecat -> cat (menge-)
        elif rest.startswith("m"):
            r = rest[1:]
            c.append("p" + r)  # memukul -> pukul
            c.append(r)  # membeli -> beli, memimpin? (mem+impin?) -> pimpin via p
            c.append("m" + r)  # memakan? no: memakan -> makan (me+makan)
        elif rest.startswith("n"):
            r = rest[1:]
            c.append("t" + r)  # menulis -> tulis
            c.append(r)  # mendukung -> dukung, menjadi -> jadi
            c.append("n" + r)  # menanti -> nanti
        elif rest[:1] in ("l", "r", "w", "y"):
            c.append(rest)  # melihat -> lihat, merasa -> rasa
        else:
            c.append(rest)
    return c


@cache
def lemmatize_word(lower: str) -> str:
    table = lookup_table()
    if lower in table:
        return table[lower]
    known = roots()
    if not known or not lower.isalpha() or len(lower) <= 3:
        return lower
    if lower in known:
        return lower
    cands: list[str] = []
    for stem, _ in _strip_suffixes(lower):
        if stem != lower:
            cands.append(stem)
        cands.extend(_strip_prefixes(stem))
    best = None
    for cand in cands:
        if cand in known and len(cand) >= 3:
            if best is None or len(cand) > len(best):
                best = cand
    if best is not None:
        return best
    # a reduplication: anak-anak, sayur-mayur → first part
    return lower


def lemmatize_token(text: str, pos: str) -> str:
    if pos == "PROPN":
        return text
    if "-" in text:
        parts = text.split("-")
        if len(parts) == 2 and parts[0].lower() == parts[1].lower() and parts[0].isalpha():
            return lemmatize_word(parts[0].lower())
        return text.lower()
    return lemmatize_word(text.lower())


class Lemmatizer(Stateless):
    def __init__(self, nlp: Language | None = None, name: str = "warta_lemmatizer", overwrite: bool = True):
        self.name = name
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if not self.overwrite and tok.lemma != 0:
                continue
            tok.lemma_ = lemmatize_token(tok.text, tok.pos_)
        return doc



@Language.factory("warta_lemmatizer", default_config={"overwrite": True})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> Lemmatizer:
    return Lemmatizer(nlp, name, overwrite)
