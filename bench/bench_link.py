"""How much entity linking adds to the analysis of an article (target: at most 25 %).

    .venv/bin/python bench/bench_link.py [--n 200] [--csv ../shared/data/news-text/data_berita.csv]

Runs the one `analyze` function over real Indonesian news texts, timing `link_entities` inside it (by
wrapping the pipeline's reference), and reports link time against the rest of the analysis. The one-off
costs (loading the knowledge base, building the alias automaton) are paid in a warm-up and reported apart,
since a batch or a server pays them once per process.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=ROOT.parent / "shared/data/news-text/data_berita.csv")
    ap.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--model", type=Path, help="a spaCy pipeline to use instead of the shipped one")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line (for make bench)")
    args = ap.parse_args(argv)
    if not args.csv.exists():
        print(f"news texts not found: {args.csv}", file=sys.stderr)
        return 2
    csv.field_size_limit(10**9)
    with args.csv.open(encoding="utf-8") as f:
        texts = [r["isi_berita"] for _, r in zip(range(args.n), csv.DictReader(f), strict=False)]

    from warta.analyze import pipeline
    from warta.analyze.nlp import load_nlp
    from warta.kb.store import load_kb
    from warta.model import Source

    t = time.perf_counter()
    kb = load_kb()
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    kb.automaton()
    t_automaton = time.perf_counter() - t
    if args.model:
        import spacy

        nlp = spacy.load(args.model)
    else:
        nlp = load_nlp()

    spent = [0.0]
    real = pipeline.link_entities

    def timed(doc, art):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return real(doc, art)
        finally:
            spent[0] += time.perf_counter() - t0

    pipeline.link_entities = timed
    try:
        pipeline.analyze(Source(id="warmup", text=texts[0]), nlp=nlp)
        spent[0] = 0.0
        n_ents = 0
        t = time.perf_counter()
        for i, text in enumerate(texts):
            art = pipeline.analyze(Source(id=str(i), text=text), nlp=nlp)
            n_ents += len(art.entities)
        total = time.perf_counter() - t
    finally:
        pipeline.link_entities = real
    rest = total - spent[0]
    chars = sum(len(x) for x in texts)
    print(f"articles: {len(texts)} ({chars / 1e6:.2f} M chars), entities: {n_ents}")
    print(f"one-off: KB load {t_load:.2f} s, alias automaton {t_automaton:.2f} s")
    print(f"analyze total {total:.2f} s = link {spent[0]:.2f} s + rest {rest:.2f} s")
    print(f"per article: link {1000 * spent[0] / len(texts):.1f} ms, rest {1000 * rest / len(texts):.1f} ms")
    print(f"linking adds {100 * spent[0] / rest:.1f} % to the rest of the analysis (target <= 25 %)")
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.json:
        print(json.dumps({
            "kb_load_s": round(t_load, 2), "alias_automaton_s": round(t_automaton, 2),
            "link_ms_per_article": round(1000 * spent[0] / len(texts), 2),
            "rest_ms_per_article": round(1000 * rest / len(texts), 2),
            "link_share_of_rest_pct": round(100 * spent[0] / rest, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
