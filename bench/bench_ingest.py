"""Ingest rate into SQLite: articles/s through analyse + store, the store alone, a re-run, and peak RSS.

Input: ../shared/data/news-text/data_berita.csv (1,000 detik.com articles). By default the rows become
`Source`s in memory, as a crawler would hand them over; `--files` writes them to a temporary JSONL
file first and reads it back with `warta.ingest.iter_sources`, so the readers are timed too.

    python bench/bench_ingest.py            # a table
    python bench/bench_ingest.py --json     # one JSON object (what `make bench` collects)
    python bench/bench_ingest.py --limit 200 --store-only
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.model import Article, Source
from warta.store import Store, source_fingerprint

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-text" / "data_berita.csv"
QUERIES = ("inflasi", "harga beras", "presiden", "korupsi OR suap", '"pemerintah daerah"')


def read_rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    """The CSV's rows (columns id, judul, tautan, tanggal, isi_berita, …)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("isi_berita") or "").strip()]
    return rows[:limit] if limit else rows


def _published(value: str) -> str | None:
    """detik's `10/21/2025 20:43` as ISO 8601 in WIB, the zone detik publishes in."""
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y %H:%M").strftime("%Y-%m-%dT%H:%M:00+07:00")
    except ValueError:
        return None


def to_source(row: dict[str, str]) -> Source:
    return Source(id=f"detik-{row['id']}", text=row["isi_berita"], url=row.get("tautan") or None,
                  title=row.get("judul") or None, published=_published(row.get("tanggal", "")),
                  outlet="detik.com", name=f"data_berita.csv:{row['id']}")


def to_article(source: Source) -> Article:
    """What the store receives when analysis is skipped (`--store-only`): the text as body, unanalysed."""
    return Article(id=source.id, url=source.url, outlet=source.outlet, language="id", title=source.title,
                   published=source.published, body=source.text or "")


def sources_via_files(sources: list[Source], tmp: Path) -> Iterator[Any]:
    """Write the sources as one JSONL file and read them back through the ingest readers."""
    from warta.ingest import iter_sources

    path = tmp / "data_berita.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for s in sources:
            fh.write(json.dumps({"id": s.id, "text": s.text, "url": s.url, "published": s.published,
                                 "outlet": s.outlet}, ensure_ascii=False) + "\n")
    yield from iter_sources([str(path)])


def ingest(store: Store, items: Any, analyze: Any, batch_size: int) -> tuple[Counter[str], float, float]:
    """The CLI's ingest loop without the progress bar: returns statuses, analyse seconds, store seconds."""
    counts: Counter[str] = Counter()
    pending: list[tuple[Article, str, str]] = []
    t_analyze = t_store = 0.0

    def flush() -> None:
        nonlocal t_store
        t0 = time.perf_counter()
        with store.transaction():
            counts.update(store.upsert(a, source_name=n, source_hash=h) for a, n, h in pending)
        t_store += time.perf_counter() - t0
        pending.clear()

    for item in items:
        if not isinstance(item, Source):
            counts["failed"] += 1
            continue
        fingerprint = source_fingerprint(item)
        if store.seen(fingerprint):
            counts["unchanged"] += 1
            continue
        t0 = time.perf_counter()
        try:
            article = analyze(item)
        except Exception:
            counts["failed"] += 1
            continue
        finally:
            t_analyze += time.perf_counter() - t0
        pending.append((article, item.name, fingerprint))
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    return counts, t_analyze, t_store


def run(limit: int | None, batch_size: int, store_only: bool, via_files: bool) -> dict[str, Any]:
    rows = read_rows(DATA, limit)
    sources = [to_source(r) for r in rows]
    analyze: Any = to_article
    mode = "store only (no analysis)"
    if not store_only:
        try:
            import warta.clean.page  # noqa: F401
            from warta import analyze as analyze

            mode = "analyse + store"
        except ImportError as e:
            mode = f"store only (analysis unavailable: {e})"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        items = sources_via_files(sources, Path(tmp)) if via_files else iter(sources)
        with Store(db) as store:
            t0 = time.perf_counter()
            counts, t_analyze, t_store = ingest(store, items, analyze, batch_size)
            total = time.perf_counter() - t0
            # The same inputs again: every one is recognised and skipped.
            items = sources_via_files(sources, Path(tmp)) if via_files else iter(sources)
            t0 = time.perf_counter()
            again, _, _ = ingest(store, items, analyze, batch_size)
            rerun = time.perf_counter() - t0
            # Storing the analysed articles once more, bypassing the skip: the upsert path decides "unchanged".
            articles = list(store.iter_articles())
            t0 = time.perf_counter()
            statuses = Counter(store.upsert_many(articles, source_name="bench", batch_size=batch_size))
            upsert_unchanged = time.perf_counter() - t0
            t0 = time.perf_counter()
            for q in QUERIES:
                store.search(q, limit=20)
            search_ms = (time.perf_counter() - t0) / len(QUERIES) * 1000
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*")) / 1e6
    n = len(sources)
    return {
        "mode": mode + (" via JSONL files" if via_files else ""),
        "articles": n,
        "added": counts["added"], "updated": counts["updated"], "unchanged": counts["unchanged"], "failed": counts["failed"],
        "ingest_articles_per_s": round(n / total, 1),
        "analyse_s": round(t_analyze, 2),
        "store_s": round(t_store, 3),
        "store_articles_per_s": round(counts["added"] / t_store, 1) if t_store else None,
        "rerun_articles_per_s": round(n / rerun, 1),
        "rerun_all_unchanged": again["unchanged"] == n,
        "upsert_unchanged_articles_per_s": round(len(articles) / upsert_unchanged, 1),
        "upsert_unchanged_all": statuses["unchanged"] == len(articles),
        "search_ms_avg": round(search_ms, 2),
        "db_mb": round(db_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=50, help="articles per transaction (default 50)")
    parser.add_argument("--store-only", action="store_true", help="skip analysis: time the store alone")
    parser.add_argument("--files", action="store_true", help="go through a JSONL file and the ingest readers")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"benchmark data not found: {DATA} (it comes with ../shared)", file=sys.stderr)
        return 2
    figures = run(args.limit, args.batch_size, args.store_only, args.files)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="warta ingest into SQLite", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, str(value))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
