"""Running the entity linker on a sentence written for a test, with optional NER spans standing in for
the model, and checking the offsets contract on every result."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from warta.analyze.link import link_entities
from warta.model import Article, Entity

NLP = spacy.blank("id")


def run_linker(body: str, ents: list[tuple[str, str]] = (), *, published: str | None) -> list[Entity]:
    """Link `body`; `ents` are (surface, label) pairs set as the Doc's NER spans (first occurrence)."""
    doc = NLP(body)
    if ents:
        spans = []
        for text, label in ents:
            i = body.index(text)
            span = doc.char_span(i, i + len(text), label=label, alignment_mode="expand")
            assert isinstance(span, Span)
            spans.append(span)
        doc.ents = spans
    out = link_entities(doc, Article(id="t", body=body, published=published))
    for e in out:
        assert body[e.start : e.end] == e.text
    assert [e.start for e in out] == sorted(e.start for e in out)
    return out


def by_text(ents: list[Entity]) -> dict[str, Entity]:
    return {e.text: e for e in ents}
