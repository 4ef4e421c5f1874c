"""Placeholder until its issue lands: returns nothing, so the contract's list stays empty."""

from __future__ import annotations

from typing import Any

from ..model import Article, DateRef


def extract_dates(doc: Any, art: Article, anchor: str | None) -> list[DateRef]:
    return []
