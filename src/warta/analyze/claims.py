"""Placeholder until its issue lands: returns nothing, so the contract's list stays empty."""

from __future__ import annotations

from typing import Any

from ..model import Article, Claim


def extract_claims(doc: Any, art: Article) -> list[Claim]:
    return []
