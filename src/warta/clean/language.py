"""Language identification: is this article Indonesian, and so worth the Indonesian pipeline?

py3langid confuses Indonesian and Malay on short or formal text (they share most of their vocabulary),
and on headlines it sometimes answers Javanese or Minangkabau. warta's models are Indonesian, and Malay
text is close enough for them, so a Malay or regional answer counts as Indonesian unless the classifier
is very sure of Malay. Only a sample of the text is classified: the label does not change after the first
few hundred words, and classification is the costliest step of cleaning otherwise.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SAMPLE_CHARS = 800
_SHORT_CHARS = 40
_CLOSE_TO_ID = frozenset({"id", "ms", "jv", "su", "min", "ace", "bjn", "ban", "bug", "mad"})
_SURE_MALAY = 0.95


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """One normalised-probability identifier per process (loading the model takes ~0.3 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        from py3langid.langid import MODEL_DIR

        path = MODEL_DIR / MODEL_FILE
    except ImportError:  # older layouts ship the model path whole
        path = MODEL_FILE
    return LanguageIdentifier.from_modelpath(path, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of `text`: 'id' for Indonesian (and Malay unless clearly Malay), None if unknown.

    Very short text (a caption, a title alone) carries too little signal: it is called Indonesian when
    Indonesian or Malay is among the three best guesses, and unknown otherwise.
    """
    if not text or not text.strip():
        return None
    sample = text[:_SAMPLE_CHARS]
    try:
        ranked = _identifier().rank(sample)[:3]
    except Exception:  # a broken model file must not stop cleaning
        return None
    if not ranked:
        return None
    top, p_top = ranked[0]
    if len(sample.strip()) < _SHORT_CHARS:
        if any(lang in {"id", "ms"} for lang, _ in ranked):
            return "id"
        return top if p_top >= 0.9 else None
    if top == "ms" and p_top >= _SURE_MALAY:
        return "ms"
    if top in {"id", "ms"} or (top in _CLOSE_TO_ID and any(lang in {"id", "ms"} for lang, _ in ranked[1:])):
        return "id"
    return top


__all__ = ["detect_language"]
