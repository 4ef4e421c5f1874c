"""Score the HTML path on ../shared/data/news-html: 26 Indonesian article pages with expected values.

`expected_singlepage.json` (derived from the indonesian-news-scraper tests) gives, per page, the title,
the publication time as epoch milliseconds and the body text its site-specific scraper extracts. Pages go
through the one `analyze` function as HTML, without hints, so the score is about extraction.
The publication *day* is compared in Western Indonesian Time, the zone these sites publish in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ..model import Source
from .body import bag_overlap, prf
from .normalize import norm_text

WIB = timezone(timedelta(hours=7))


def expected_day(epoch_ms: int | float) -> str:
    """The expected publication day, in WIB."""
    return datetime.fromtimestamp(epoch_ms / 1000, WIB).date().isoformat()


def predicted_day(published: str | None) -> str | None:
    """The day of a predicted `published`, moved to WIB when it carries an offset."""
    if not published:
        return None
    try:
        dt = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published[:10]
    if dt.tzinfo is not None:
        dt = dt.astimezone(WIB)
    return dt.date().isoformat()


def read_page(path: Path) -> str:
    """Page bytes to text: the declared charset when there is one (3 pages are ISO-8859-1), else UTF-8."""
    raw = path.read_bytes()
    head = raw[:4000].decode("ascii", "ignore").lower()
    for enc in ("iso-8859-1", "windows-1252"):
        if f"charset={enc}" in head or f'charset="{enc}"' in head:
            return raw.decode("cp1252", "replace")
    return raw.decode("utf-8", "replace")


def evaluate_news_html(
    root: str | Path, *, on_each: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Per-page and overall scores: title accuracy, publication-day accuracy, body token P/R/F1."""
    from .. import analyze

    root = Path(root)
    expected = json.loads((root / "expected_singlepage.json").read_text(encoding="utf-8"))
    pages: dict[str, dict[str, Any]] = {}
    tp = ng = np_ = 0
    title_ok = day_ok = 0
    for rel, exp in expected.items():
        art = analyze(Source(id=rel, html=read_page(root / rel), name=rel))
        t, g, p = bag_overlap(exp.get("content") or "", art.body)
        tp, ng, np_ = tp + t, ng + g, np_ + p
        ok_title = norm_text(art.title) == norm_text(exp.get("title"))
        ok_day = predicted_day(art.published) == expected_day(exp["date"])
        title_ok += ok_title
        day_ok += ok_day
        pages[rel] = {
            "title": ok_title, "day": ok_day, "body": prf(t, g, p),
            "predicted_title": art.title, "predicted_published": art.published, "language": art.language,
        }
        if on_each:
            on_each()
    n = len(expected) or 1
    macro = {k: sum(pg["body"][k] for pg in pages.values()) / n for k in ("p", "r", "f1")}
    return {
        "pages": len(expected),
        "title": {"correct": title_ok, "total": len(expected), "accuracy": title_ok / n},
        "day": {"correct": day_ok, "total": len(expected), "accuracy": day_ok / n},
        "body": prf(tp, ng, np_),
        "body_macro": macro,
        "per_page": pages,
    }


__all__ = ["evaluate_news_html", "expected_day", "predicted_day", "read_page"]
