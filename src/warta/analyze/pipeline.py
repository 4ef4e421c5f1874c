"""The one `analyze` function: clean an article, then run every extractor over one spaCy Doc.

The CLI, the store, the evaluator and the scale-out runner all call this, so there is exactly one code
path from input to the output contract.
"""

from __future__ import annotations

from typing import Any

from ..clean import clean
from ..model import Article, Source
from .claims import extract_claims
from .dates import extract_dates, reanchor_quoted
from .link import link_entities
from .nlp import load_nlp
from .quotes import extract_quotes


def analyze(source: Source, *, nlp: Any = None) -> Article:
    """Clean `source` and extract entities, quotes, claims and dates from its body.

    Text in another language is kept (with `language` set) but not analysed further: the Indonesian
    models and lexicons would only produce noise on it.
    """
    cleaned = clean(source)
    art = Article(
        id=source.id,
        url=source.url or cleaned.url,
        outlet=source.outlet or cleaned.outlet,
        language=cleaned.language,
        title=source.title or cleaned.title,
        published=source.published or cleaned.published,
        authors=cleaned.authors,
        cited_sources=cleaned.cited_sources,
        body=cleaned.body,
        comments=cleaned.comments,
        warnings=list(cleaned.warnings),
    )
    if art.language != "id" or not art.body.strip():
        return art
    nlp = nlp or load_nlp()
    doc = nlp(art.body)
    anchor = art.published or source.date_anchor
    # Each extractor reads the Doc and what earlier ones filled: quotes and claims name their speakers
    # through the linked entities, and dates resolve against the publication time.
    art.entities = link_entities(doc, art)
    art.dates = extract_dates(doc, art, anchor)
    art.quotes = extract_quotes(doc, art)
    reanchor_quoted(art)  # a quote's "hari ini" is the day it was given, once the quotes are known
    art.claims = extract_claims(doc, art)
    return art
