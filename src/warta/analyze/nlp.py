"""Loading the Indonesian spaCy pipeline once per process.

The trained pipeline ships inside the package (lang/id/model), built by `training/train.py`:

    warta_sentences → tok2vec → morphologizer → parser → ner → warta_entity_trim → warta_lemmatizer

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
from spacy.tokens import Doc, Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "lang" / "id" / "model"

log = logging.getLogger(__name__)


def _edge(tok, ent_text: str) -> bool:
    """A token that must not start or end an entity."""
    if tok.is_space:
        return True
    if tok.is_punct:
        return not (tok.text == ")" and "(" in ent_text)
    return False


@Language.component("warta_entity_trim")
def entity_trim(doc: Doc) -> Doc:
    """Entities never start or end with whitespace or punctuation and never span a line break.

    The NER model never saw whitespace tokens in training; on raw text it sometimes runs an entity over a
    trailing "\\n\\n" or across a headline break. Pieces keep the entity's label."""
    if not doc.ents:
        return doc
    new: list[Span] = []
    changed = False
    for ent in doc.ents:
        pieces, start = [], ent.start
        for i in range(ent.start, ent.end):
            if doc[i].is_space:
                pieces.append((start, i))
                start = i + 1
            elif "\n" in doc[i].whitespace_:
                pieces.append((start, i + 1))
                start = i + 1
        pieces.append((start, ent.end))
        for a, b in pieces:
            while a < b and _edge(doc[a], ent.text):
                a += 1
            while b > a and _edge(doc[b - 1], ent.text):
                b -= 1
            if a < b:
                new.append(Span(doc, a, b, label=ent.label))
            if (a, b) != (ent.start, ent.end):
                changed = True
    if changed:
        doc.set_ents(new, default="outside")
    return doc


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
