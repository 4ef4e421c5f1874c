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
    return re.compile(rf"(?<![\w-])({words})(?=[A-Z](?:[A-Z]|[a-z]))")


def unglue(text: str) -> str:
    """`dilansirAFP` -> `dilansir AFP`; the rest of the text is unchanged."""
    return _glued().sub(r"\1 ", text)
