"""Run `analyze` over a gold file and score every field the project can score so far.

Scorers are modules of `warta.evaluate` with a `score(gold_records, predictions) -> dict` function.
`body` (cleaning) is always there; the later fields (`entities`, `facts` for quotes/claims/dates/events)
are picked up when their modules exist, so adding a scorer never touches this file.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..model import Source

SCORERS = ("body", "entities", "facts")


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records of a JSONL file; a line that is not JSON is an error naming the file and line."""
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON object ({exc.msg})") from exc
    return records


def source_of(record: dict[str, Any], *, hints: bool) -> Source:
    """The `Source` analyze gets for one gold record: its text, and with `hints` its url/published/outlet."""
    return Source(
        id=str(record["id"]),
        text=record.get("text"),
        html=record.get("html"),
        url=record.get("url") if hints else None,
        published=record.get("published") if hints else None,
        outlet=record.get("outlet") if hints else None,
        # The gold's anchor for pages without a date is like a crawl date: not a publication-date hint,
        # but the day weekday references resolve against, so it is always passed.
        date_anchor=record.get("date_anchor"),
        name=str(record["id"]),
    )


def predict(
    records: Iterable[dict[str, Any]], *, hints: bool = False, on_each: Callable[[], None] | None = None
) -> dict[str, dict[str, Any]]:
    """id -> the contract's JSON object, through the one `analyze` function."""
    from .. import analyze

    out = {}
    for rec in records:
        out[str(rec["id"])] = analyze(source_of(rec, hints=hints)).to_dict()
        if on_each:
            on_each()
    return out


def available_scorers() -> dict[str, Callable[..., dict[str, Any]]]:
    """The scorer modules that exist in this install, by field group."""
    found = {}
    for name in SCORERS:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ImportError:
            continue
        fn = getattr(module, "score", None)
        if callable(fn):
            found[name] = fn
    return found


def evaluate(
    gold_path: str | Path, *, hints: bool = False, on_each: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Scores per field group for one gold file: {"gold": path, "hints": bool, "body": {...}, ...}."""
    records = read_gold(gold_path)
    predictions = predict(records, hints=hints, on_each=on_each)
    result: dict[str, Any] = {"gold": str(gold_path), "hints": hints, "articles": len(records)}
    for name, fn in available_scorers().items():
        result[name] = fn(records, predictions)
    return result


__all__ = ["available_scorers", "evaluate", "predict", "read_gold", "source_of"]
