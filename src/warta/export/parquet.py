"""Parquet export: the contract's nested lists as list<struct> columns (see `warta.store.parquet`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import Article
from ..store.parquet import write_articles


def write_parquet(articles: Iterable[Article], path: str | Path) -> int:
    """Write `articles` to one Parquet file (zstd), a row group per thousand articles."""
    return write_articles(articles, path)


__all__ = ["write_parquet"]
