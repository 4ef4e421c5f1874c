"""Words a publisher's CMS glued to the name after them ("dilansirAFP", "dikutip dariCNA").

The space goes missing where a link followed the word in the page, and the name it loses is exactly the
one attribution needs: the cited agency or the speaker. Only the cue words of the language pack are split,
and only before a capitalised name, so ordinary words are never touched.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang.id import grammar_word_list


@cache
def _glued() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in grammar_word_list("glued_before_name")), key=len, reverse=True))
    # a capitalised name ("AFP", "Reuters") or a camel-cased outlet ("detikSulsel", "kumparanNEWS"), but not
    # the reverent "-Nya" ("daripadaNya")
    return re.compile(rf"(?<![\w-])({words})(?=[A-Z](?:[A-Z]|[a-z])|(?![a-z]*Nya\b)[a-z]{{3,}}[A-Z])")


def unglue(text: str) -> str:
    """`dilansirAFP` -> `dilansir AFP`, `kepadadetikSulsel` -> `kepada detikSulsel`; nothing else changes."""
    return _glued().sub(r"\1 ", text)
