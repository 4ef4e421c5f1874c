"""warta: Indonesian-language news turned into sourced, structured knowledge.

The public API is small on purpose: `analyze` is the one way to analyse an article (the CLI, the
store, the evaluator and any scale-out runner call it), and `load_nlp` gives the shipped spaCy pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Article, Source

__all__ = ["analyze", "load_nlp", "__version__"]


def analyze(source: Source, **kwargs: Any) -> Article:
    """Analyse one article (see `warta.analyze.pipeline.analyze`)."""
    from .analyze.pipeline import analyze as _analyze

    return _analyze(source, **kwargs)


def load_nlp() -> Any:
    """The shipped Indonesian spaCy pipeline, loaded once per process."""
    from .analyze.nlp import load_nlp as _load

    return _load()
