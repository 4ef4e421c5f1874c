"""Benchmark: what quotes, claims and dates add to the analysis of an article.

Runs `warta.analyze.pipeline.analyze` over articles of ../shared/data/news-text/data_berita.csv and times
the three extractors (dates, quotes, claims) against everything else analyze does (cleaning, the spaCy
pipeline, linking). The issue's budget: the three together add at most 30 % to an article's analysis.

    python bench/bench_facts.py [--csv PATH] [--limit 200]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "news-text" / "data_berita.csv"
BUDGET = 0.30


def _published(tanggal: str) -> str | None:
    """'10/21/2025 20:43' (month first) -> ISO, the hint analyze gets from a caller that knows the date."""
    try:
        day_part, *time_part = tanggal.split()
        m, d, y = (int(x) for x in day_part.split("/"))
        hm = time_part[0] if time_part else "00:00"
        hh, mm = (int(x) for x in hm.split(":"))
        return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00"
    except (ValueError, IndexError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--limit", type=int, default=200, help="articles to analyse (0: all)")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line (for make bench)")
    args = ap.parse_args(argv)
    if not args.csv.exists():
        print(f"not found: {args.csv} (the news-text data set lives in ../shared/data)", file=sys.stderr)
        return 2

    from warta.analyze import pipeline
    from warta.analyze.nlp import load_nlp
    from warta.model import Source

    spent = {"dates": 0.0, "quotes": 0.0, "claims": 0.0}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **kw: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    pipeline.extract_dates = timed("dates", pipeline.extract_dates)
    pipeline.extract_quotes = timed("quotes", pipeline.extract_quotes)
    pipeline.extract_claims = timed("claims", pipeline.extract_claims)

    csv.field_size_limit(1 << 30)
    with args.csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if args.limit:
        rows = rows[: args.limit]
    nlp = load_nlp()
    pipeline.analyze(Source(id="warmup", text=rows[0]["isi_berita"]), nlp=nlp)  # load models and lexicons
    for k in spent:
        spent[k] = 0.0

    totals: list[float] = []
    ratios: list[float] = []
    n_quotes = n_claims = n_dates = 0
    for r in rows:
        before = dict(spent)
        t0 = time.perf_counter()
        art = pipeline.analyze(Source(id=r["id"], text=r["isi_berita"], title=r.get("judul") or None,
                                      url=r.get("tautan") or None, published=_published(r.get("tanggal", ""))),
                               nlp=nlp)
        total = time.perf_counter() - t0
        facts = sum(spent[k] - before[k] for k in spent)
        totals.append(total)
        if total - facts > 0:
            ratios.append(facts / (total - facts))
        n_quotes += len(art.quotes)
        n_claims += len(art.claims)
        n_dates += len(art.dates)

    total = sum(totals)
    facts = sum(spent.values())
    rest = total - facts
    overall = facts / rest if rest else float("inf")
    print(f"{len(rows)} articles, {total:.2f}s in analyze ({1000 * total / len(rows):.1f} ms/article)")
    for k, v in spent.items():
        print(f"  {k:7s} {1000 * v / len(rows):7.2f} ms/article")
    print(f"  rest    {1000 * rest / len(rows):7.2f} ms/article (cleaning, spaCy, linking)")
    print(f"  found: {n_quotes} quotes, {n_claims} claims, {n_dates} dates")
    print(f"  quotes+claims+dates add {100 * overall:.1f} % to the rest of analyze "
          f"(median per article {100 * statistics.median(ratios):.1f} %); budget {100 * BUDGET:.0f} %")
    if args.json:
        figures = {f"{k}_ms_per_article": round(1000 * v / len(rows), 2) for k, v in spent.items()}
        figures |= {"rest_ms_per_article": round(1000 * rest / len(rows), 2),
                    "facts_share_of_rest_pct": round(100 * overall, 1), "budget_pct": round(100 * BUDGET)}
        print(json.dumps(figures))
    return 0 if overall <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
