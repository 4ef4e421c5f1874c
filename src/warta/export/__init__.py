"""Exports: stored articles written out as JSONL (the contract), CSV (one flat row each) or Parquet.

`write(articles, fmt, out)` is the one entry point the CLI and the API use; each format lives in its own
module. JSONL and CSV go to a text stream (stdout by default); Parquet needs a file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal, TextIO

from ..errors import WartaError
from ..model import Article

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")


def write(articles: Iterable[Article], fmt: Format, out: str | Path | None = None,
          stream: TextIO | None = None) -> int:
    """Write `articles` in `fmt` to the file `out`, or to `stream` (default stdout); return the count.

    Files are written under a temporary name and renamed at the end, so an interrupted export never
    leaves a half-written file that looks complete.
    """
    if fmt not in FORMATS:
        raise WartaError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise WartaError("Parquet is a binary file format: give a file with --out, e.g. --out articles.parquet")
        from .parquet import write_parquet

        return _atomic(Path(out), lambda tmp: write_parquet(articles, tmp))
    from .csv import write_csv
    from .jsonl import write_jsonl

    writer = write_jsonl if fmt == "jsonl" else write_csv
    if out is None:
        return writer(articles, stream or sys.stdout)

    def to_file(tmp: Path) -> int:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            return writer(articles, fh)

    return _atomic(Path(out), to_file)


def _atomic(path: Path, produce: Callable[[Path], int]) -> int:
    tmp = path.with_name(f".{path.name}.partial")
    try:
        n = produce(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return int(n)


__all__ = ["FORMATS", "Format", "write"]
