"""Text and name normalisation used by every score, following ../shared/gold/SCHEMA.md.

Gold and predictions differ in accents, quotes and case in ways that say nothing about quality;
normalising both sides the same way keeps the scores about content.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = "\"'“”‘’„‟«»‹›`´"
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_NAME_STOP = {"of", "the", "officials", "official", "government"}
# A few Indonesian/English folds the gold schema names; the knowledge base covers the rest.
_NAME_FOLDS = {
    "turki": "turkey", "rusia": "russia", "pbb": "united nations", "as": "united states",
    "amerika serikat": "united states", "prancis": "france", "perancis": "france", "inggris": "united kingdom",
    "tiongkok": "china", "cina": "china", "armenia": "armenia", "azerbaijan": "azerbaijan",
}


def repair(text: str) -> str:
    """Mojibake repair, so that gold and output compare on the same letters."""
    from ..clean.repair import repair_text

    return repair_text(text)


def norm_text(text: str | None) -> str:
    """Repair, strip accents, fold case, drop quotes, punctuation to spaces, collapse whitespace."""
    if not text:
        return ""
    text = repair(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    text = "".join(c for c in text if c not in _QUOTES)
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def tokens(text: str | None) -> list[str]:
    """Normalised word tokens."""
    return norm_text(text).split()


def norm_name(name: str | None) -> str:
    n = norm_text(name)
    return _NAME_FOLDS.get(n, n)


def names_match(a: str | None, b: str | None) -> bool:
    """Equal after normalisation, or the words of one (minus stop words) a subset of the other's."""
    if not a or not b:
        return False
    na, nb = norm_name(a), norm_name(b)
    if na == nb:
        return True
    wa = {w for w in na.split() if w not in _NAME_STOP}
    wb = {w for w in nb.split() if w not in _NAME_STOP}
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa
