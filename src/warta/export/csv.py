"""CSV export: one row per article with flat columns, for spreadsheets and quick looks.

Lists of names (authors, cited sources' canonical names) are joined with "; " so they read well in a
cell; lists of objects (entities, quotes, …) are JSON in their cell, so nothing of the contract is lost.
Counts of each list come first, so a spreadsheet can sort by them without parsing JSON.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..model import Article

JOINER = "; "
_JSON_LISTS = ("cited_sources", "comments", "entities", "quotes", "claims", "events", "dates")
COLUMNS: tuple[str, ...] = (
    "id", "url", "outlet", "language", "title", "published", "authors", "sources",
    *(f"n_{name}" for name in _JSON_LISTS[1:]),
    "body", *_JSON_LISTS, "warnings",
)


def article_row(article: Article) -> dict[str, Any]:
    """The flat CSV row of one article."""
    d = article.to_dict()
    row: dict[str, Any] = {k: d.get(k) for k in ("id", "url", "outlet", "language", "title", "published", "body")}
    row["authors"] = JOINER.join(article.authors)
    row["sources"] = JOINER.join(s.canonical or s.text for s in article.cited_sources)
    for name in _JSON_LISTS:
        row[name] = json.dumps(d.get(name) or [], ensure_ascii=False)
        if name != "cited_sources":
            row[f"n_{name}"] = len(d.get(name) or [])
    row["warnings"] = JOINER.join(article.warnings)
    return row


def write_csv(articles: Iterable[Article], stream: TextIO) -> int:
    """Write a header and one row per article (RFC 4180 quoting; bodies keep their line breaks)."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="raise", lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in articles:
        writer.writerow(article_row(article))
        n += 1
    stream.flush()
    return n


__all__ = ["COLUMNS", "JOINER", "article_row", "write_csv"]
