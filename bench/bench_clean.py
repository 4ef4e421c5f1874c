"""Benchmark of the cleaning stage, on one core.

- text path: cleaning + metadata (`warta.clean.clean`) articles/s over ../shared/data/news-text/data_berita.csv
  (goal >= 200/s);
- HTML path: `clean` on the news-html pages as a ratio to `trafilatura.extract` alone on the same pages
  (goal <= 1.2), measured in process CPU time so other processes on the machine disturb it less;
- peak RSS of the process.

    python bench/bench_clean.py [--shared ../shared] [--json] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

csv.field_size_limit(sys.maxsize)


def _texts(shared: Path) -> list[str]:
    with open(shared / "data/news-text/data_berita.csv", encoding="utf-8", newline="") as fh:
        return [row["isi_berita"] for row in csv.DictReader(fh)]


def _pages(shared: Path) -> list[str]:
    from warta.evaluate.newshtml import read_page

    root = shared / "data/news-html"
    expected = json.loads((root / "expected_singlepage.json").read_text(encoding="utf-8"))
    return [read_page(root / rel) for rel in expected]


def _best(fn, items, repeat: int) -> float:
    """Best-of-`repeat` CPU seconds for one pass of `fn` over `items`."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - t0)
    return best


def run(shared: Path, repeat: int) -> dict[str, float]:
    import trafilatura

    from warta.clean import clean
    from warta.model import Source

    texts = _texts(shared)
    pages = _pages(shared)
    clean(Source(id="warm", text=texts[0]))  # load data files and the language model once
    for page in pages[:3]:
        trafilatura.extract(page)
        clean(Source(id="warm", html=page))

    text_s = _best(lambda t: clean(Source(id="b", text=t)), texts, repeat)
    html_s = extract_s = float("inf")
    for _ in range(repeat):  # interleave so both sides see the same machine load; best of each side
        extract_s = min(extract_s, _best(trafilatura.extract, pages, 1))
        html_s = min(html_s, _best(lambda p: clean(Source(id="b", html=p)), pages, 1))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "text_articles": len(texts),
        "text_articles_per_s": len(texts) / text_s,
        "text_ms_per_article": 1000 * text_s / len(texts),
        "html_pages": len(pages),
        "html_ms_per_page": 1000 * html_s / len(pages),
        "extract_ms_per_page": 1000 * extract_s / len(pages),
        "html_to_extract_ratio": html_s / extract_s,
        "peak_rss_mb": peak_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.shared / "data/news-text/data_berita.csv").exists():
        sys.exit(f"{args.shared}/data not found: the benchmark needs ../shared/data")
    result = run(args.shared.resolve(), args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    goals = {"text_articles_per_s": ">= 200", "html_to_extract_ratio": "<= 1.2"}
    table = Table(title="warta cleaning benchmark (one core, CPU time)")
    for col in ("measure", "value", "goal"):
        table.add_column(col)
    for key, value in result.items():
        table.add_row(key, f"{value:,.2f}" if isinstance(value, float) else str(value), goals.get(key, ""))
    Console().print(table)


if __name__ == "__main__":
    main()
