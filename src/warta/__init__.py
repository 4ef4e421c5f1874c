"""warta: Indonesian-language news turned into sourced, structured knowledge.

The public API is small on purpose: `analyze` is the one way to analyse an article (the CLI, the
store, the evaluator and any scale-out runner call it), and `load_nlp` gives the shipped spaCy pipeline.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Imported eagerly and bound last: importing the `warta.analyze` subpackage sets the attribute
# `warta.analyze` to the module, which would shadow the function for every caller after the first.
from .analyze.nlp import load_nlp  # noqa: E402
from .analyze.pipeline import analyze  # noqa: E402

__all__ = ["analyze", "load_nlp", "__version__"]
