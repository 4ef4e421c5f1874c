"""Loading the Indonesian spaCy pipeline once per process.

The trained pipeline ships inside the package (lang/id/model), built by `training/train.py`:

    warta_sentences → tok2vec → morphologizer → parser → ner → warta_lemmatizer

with warta's news tokenizer (`warta.lang.id.tokenizer`). The custom components and the tokenizer are
registered by `register_components()` (importing `warta.lang.id.tokenizer`, `.sentences` and `.lemmatizer`),
which `load_pipeline` calls before loading, so the model directory also loads with a plain `spacy.load(path)`
once those modules are imported.

Until the model exists, or if it fails to load, a blank Indonesian pipeline with warta's tokenizer, the rule
sentence splitter and the rule lemmatizer keeps every extractor working, so the rest of warta never depends
on a model being present.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent.parent / "lang" / "id" / "model"

log = logging.getLogger(__name__)


def register_components() -> None:
    """Register warta's tokenizer and components with spaCy (idempotent)."""
    from ..lang.id import lemmatizer, sentences, tokenizer  # noqa: F401  (registration side effects)


def load_pipeline(path: str | Path) -> Language:
    """Load a pipeline directory written by training/train.py, with the current tokenizer rules."""
    register_components()
    from ..lang.id.tokenizer import build_tokenizer

    nlp = spacy.load(path)
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


def blank_pipeline() -> Language:
    """Rule-only pipeline: warta's tokenizer, sentence splitter and lemmatizer; no statistical components."""
    register_components()
    from ..lang.id.tokenizer import build_tokenizer

    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("warta_sentences")
    nlp.add_pipe("warta_lemmatizer")
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shipped pipeline if present, else a blank `id` pipeline with the rule components."""
    if (MODEL_DIR / "config.cfg").exists():
        try:
            return load_pipeline(MODEL_DIR)
        except Exception as exc:  # pragma: no cover - a broken model must not break analysis
            log.warning("could not load the shipped pipeline at %s (%s); using the rule-only pipeline", MODEL_DIR, exc)
    try:
        return blank_pipeline()
    except Exception as exc:  # pragma: no cover
        log.warning("rule components unavailable (%s); using blank id + sentencizer", exc)
        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        return nlp
