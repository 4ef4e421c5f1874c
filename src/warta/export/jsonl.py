"""JSONL export: one line per article, exactly the contract's JSON (what `warta analyze --format jsonl` prints)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..model import Article


def write_jsonl(articles: Iterable[Article], stream: TextIO) -> int:
    """Write one JSON object per line (UTF-8, not ASCII-escaped, so Indonesian text stays readable)."""
    n = 0
    for article in articles:
        stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    stream.flush()
    return n


def read_jsonl(path: str | Path) -> Iterator[Article]:
    """Read a JSONL export back into Articles (blank lines are skipped)."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Article.from_dict(json.loads(line))


__all__ = ["read_jsonl", "write_jsonl"]
