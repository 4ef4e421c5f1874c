"""Loading the Indonesian spaCy pipeline once per process.

The trained pipeline ships inside the package (lang/id/model). Until it exists, or if it fails to load,
a blank Indonesian pipeline with the rule-based sentence splitter keeps every extractor working, so the
rest of warta never depends on a model being present.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent.parent / "lang" / "id" / "model"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shipped pipeline if present, else blank `id` with a sentencizer."""
    if (MODEL_DIR / "config.cfg").exists():
        return spacy.load(MODEL_DIR)
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp
