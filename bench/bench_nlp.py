"""Throughput of warta's full spaCy pipeline on raw news text, on one core, and peak memory.

    python bench/bench_nlp.py [--limit N] [--data ../shared/data] [--json]

Reads the article bodies of ../shared/data/news-text/data_berita.csv (1,000 detik.com articles, local
benchmarking only), runs `warta.load_nlp()` over them with `nlp.pipe` in one process with one thread, and
reports words/s (non-space tokens per second of wall-clock pipeline time), words per CPU-second (the same
over the process's CPU time: stable when other processes compete for the cores), whitespace-separated words
per second, load time and peak RSS. Skips with a message (exit 0) when the data is absent.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def read_texts(data: Path, limit: int) -> list[str]:
    csv.field_size_limit(10**9)
    with (data / "news-text" / "data_berita.csv").open(encoding="utf-8", newline="") as f:
        texts = [r["isi_berita"] for r in csv.DictReader(f) if r.get("isi_berita")]
    return texts[:limit] if limit else texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="number of articles (default: all)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    path = args.data / "news-text" / "data_berita.csv"
    if not path.exists():
        msg = f"skipped: {path} not found"
        print(json.dumps({"skipped": msg}) if args.json else msg)
        return 0
    # one process, one thread (env vars above); not pinned to a core, which other processes may be using
    texts = read_texts(args.data, args.limit)
    t0 = time.perf_counter()
    from warta import load_nlp

    nlp = load_nlp()
    nlp("Pemanasan.")
    load_s = time.perf_counter() - t0
    n_tok = n_ws = n_ents = n_sents = 0
    t1 = time.perf_counter()
    c1 = time.process_time()
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_tok += sum(1 for t in doc if not t.is_space)
        n_ents += len(doc.ents)
        n_sents += sum(1 for _ in doc.sents)
    run_s = time.perf_counter() - t1
    cpu_s = time.process_time() - c1
    n_ws = sum(len(t.split()) for t in texts)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res = {
        "articles": len(texts), "pipeline": nlp.pipe_names, "tokens": n_tok, "whitespace_words": n_ws,
        "seconds": round(run_s, 2), "cpu_seconds": round(cpu_s, 2), "words_per_s": round(n_tok / run_s),
        "words_per_cpu_s": round(n_tok / cpu_s), "whitespace_words_per_s": round(n_ws / run_s),
        "load_s": round(load_s, 2), "peak_rss_mb": round(rss_mb, 1), "sentences": n_sents, "entities": n_ents,
    }
    if args.json:
        print(json.dumps(res, ensure_ascii=False))  # one line: bench/run.py reads the last line
        return 0
    print(f"{'pipeline':24s} {' → '.join(res['pipeline'])}")
    for k in ("articles", "tokens", "whitespace_words", "seconds", "cpu_seconds", "words_per_s", "words_per_cpu_s",
              "whitespace_words_per_s",
              "load_s", "peak_rss_mb", "sentences", "entities"):
        print(f"{k:24s} {res[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
