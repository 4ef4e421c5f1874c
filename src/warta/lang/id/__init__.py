"""The Indonesian language pack.

Everything warta knows about Indonesian as data — cue verbs, number words, month and day names, clutter
patterns, agency names — lives in `data/` as small TSV/JSON/TXT files, read through these loaders and
cached. Extractors in `warta.analyze` and `warta.clean` import the loaders, never hard-code the words.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """Path of one data file of the pack; raises FileNotFoundError naming it if missing."""
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"language pack file missing: {path}")
    return path


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, stripped lines of a .txt file; lines starting with `#` are comments."""
    lines = (line.strip() for line in data_path(name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file; lines starting with `#` are comments."""
    rows = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def load_json(name: str) -> Any:
    """A JSON data file (cached: treat the result as read-only)."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


@cache
def grammar_word_list(kind: str) -> tuple[str, ...]:
    """Words of one kind in `grammar_words.tsv`, in file order (order matters for regex alternations)."""
    words = tuple(row[1] for row in load_tsv("grammar_words.tsv") if row[0] == kind)
    if not words:
        raise KeyError(f"no grammar words of kind {kind!r} in grammar_words.tsv")
    return words


@cache
def grammar_words(kind: str) -> frozenset[str]:
    """Function words of one kind (`grammar_words.tsv`: `kind<TAB>word`), as a set for membership tests."""
    return frozenset(grammar_word_list(kind))
