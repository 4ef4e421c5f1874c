"""Folding text for alias matching, one character in, one character out.

The linker runs one Aho-Corasick automaton over the folded body and reports matches by offset, so the
fold must keep every character in place: accents dropped, case folded, punctuation turned into spaces.
The build script folds aliases with the same function, so "Nagorno-Karabakh", "nagorno karabakh" and
"Çavuşoğlu"/"Cavusoglu" meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD leaves alone but that readers (and gold annotators) spell with a plain Latin letter.
_SPECIAL = {
    "ı": "i", "ə": "a", "Ə": "a", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
    "ß": "s", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "þ": "t", "ð": "d", "ʼ": " ", "’": " ",
}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    if c.isascii():
        return c.lower() if c.isalnum() else " "
    d = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    d = d.lower()
    if len(d) != 1:
        d = d[:1] if d else " "
    return d if d.isalnum() else " "


def fold_text(text: str) -> str:
    """Fold `text` keeping its length: `fold_text(t)[i]` is the folded form of `t[i]`."""
    if text.isascii():
        return "".join(c.lower() if c.isalnum() else " " for c in text)
    return "".join(_fold_char(c) for c in text)


def fold_key(text: str) -> str:
    """The lookup key of a name: folded, whitespace collapsed, trimmed."""
    return _SPACES.sub(" ", fold_text(text)).strip()
