"""Placeholder until its issue lands: returns nothing, so the contract's list stays empty."""

from __future__ import annotations

from typing import Any

from ..model import Article, Quote


def extract_quotes(doc: Any, art: Article) -> list[Quote]:
    return []
