"""The serialization hooks spaCy calls on every pipeline component, for rule components with no state.

The sentence splitter and the lemmatizer read the language pack at load time, so saving or loading a
pipeline has nothing of theirs to write or read; spaCy still requires the four methods.
"""

from __future__ import annotations

from typing import Any


class Stateless:
    """Mix-in: `nlp.to_disk` / `from_disk` / `to_bytes` / `from_bytes` are no-ops for this component."""

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        pass

    def from_disk(self, path: Any, *, exclude: Any = ()) -> Stateless:
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> Stateless:
        return self
