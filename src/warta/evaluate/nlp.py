"""Score the shipped spaCy pipeline on gold-tokenised data, through `warta.load_nlp()`.

    python -m warta.evaluate.nlp --ner FILE --format nergrit|nerp     # IndoNLU BIO files
    python -m warta.evaluate.nlp --conllu FILE                        # UD CoNLL-U

NER: exact span + type F1 over PER/ORG/LOC (micro-averaged, with per-type figures). NERGrit's PERSON,
PLACE, ORGANISATION map to PER, LOC, ORG; NERP's PPL, PLC, IND map to PER, LOC, ORG and its EVT and FNB
are left out (on both sides). Predicted entities of other labels are ignored.

UD: UPOS accuracy, UAS, LAS (universal relation, subtypes stripped, as in the CoNLL 2018 shared task) and
LAS with full labels, over syntactic words (multiword-token ranges skipped, their parts scored). Each gold
sentence is one Doc built from the gold words (`Doc(nlp.vocab, words=..., spaces=...)`), and every
pipeline component runs on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .corpora import read_bio, read_conllu

NERGRIT_MAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
NERP_MAP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}
LABELS = ("PER", "ORG", "LOC")


# --------------------------------------------------------------------------- readers

def bio_spans(tags: list[str], mapping: dict[str, str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, label) spans; an I- that does not continue its type starts a new span.

    Spans are delimited on the raw types, then mapped; types without a mapping are dropped."""
    spans = set()
    start, typ = None, None

    def close(end: int) -> None:
        if start is not None and typ in mapping:
            spans.add((start, end, mapping[typ]))

    for i, t in enumerate(tags):
        if t == "O" or "-" not in t:
            close(i)
            start, typ = None, None
            continue
        pre, ty = t.split("-", 1)
        if pre == "B" or ty != typ:
            close(i)
            start, typ = i, ty
    close(len(tags))
    return spans


# --------------------------------------------------------------------------- scoring

def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_ner(nlp, path: Path, fmt: str, lowercase: bool = False) -> dict[str, Any]:
    mapping = NERGRIT_MAP if fmt == "nergrit" else NERP_MAP
    data = read_bio(path)
    docs = [Doc(nlp.vocab, words=[w.lower() if lowercase else w for w in words]) for words, _ in data]
    counts: dict[str, Counter] = {lab: Counter() for lab in LABELS}
    for doc, (_, tags) in zip(nlp.pipe(docs, batch_size=64), data, strict=True):
        gold = bio_spans(tags, mapping)
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS}
        for lab in LABELS:
            g = {s for s in gold if s[2] == lab}
            p = {s for s in pred if s[2] == lab}
            counts[lab]["tp"] += len(g & p)
            counts[lab]["fp"] += len(p - g)
            counts[lab]["fn"] += len(g - p)
    total = sum(counts.values(), Counter())
    return {
        "task": "ner", "file": str(path), "format": fmt, "sentences": len(data),
        **_prf(total["tp"], total["fp"], total["fn"]),
        "per_type": {lab: _prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()},
    }


def score_conllu(nlp, path: Path) -> dict[str, Any]:
    sents = read_conllu(path)
    docs = [Doc(nlp.vocab, words=s["words"], spaces=s["spaces"]) for s in sents]
    n = pos_ok = uas = las = las_full = 0
    for doc, s in zip(nlp.pipe(docs, batch_size=64), sents, strict=True):
        for tok, gp, gh, gd in zip(doc, s["pos"], s["heads"], s["deps"], strict=True):
            n += 1
            gh = -1 if gh == tok.i else gh  # the corpus reader points the root at itself
            pos_ok += tok.pos_ == gp
            ph = -1 if tok.head.i == tok.i else tok.head.i
            pd = tok.dep_.lower()
            if pd == "root" or ph == -1:
                pd, ph = "root", -1
            if ph == gh:
                uas += 1
                if pd.split(":")[0] == gd.split(":")[0]:
                    las += 1
                if pd == gd:
                    las_full += 1
    return {
        "task": "ud", "file": str(path), "sentences": len(sents), "words": n,
        "upos": round(pos_ok / n, 4), "uas": round(uas / n, 4), "las": round(las / n, 4),
        "las_full_label": round(las_full / n, 4),
    }


def score_seeds(nlp, path: Path) -> dict[str, Any]:
    """Entity recognition on the gold sample articles (../shared/gold/seeds.jsonl), raw text through the
    whole pipeline: unique (text, type) pairs per article, GPE counted as LOC (GPE vs LOC is the knowledge
    base's call). A rough news-domain check: the gold lists real names only, once per article."""
    tp = fp = fn = 0
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    for rec in records:
        gold = {(e["text"], "LOC" if e["type"] == "GPE" else e["type"]) for e in rec.get("entities", [])}
        doc = nlp(rec["text"])
        pred = {(e.text, e.label_) for e in doc.ents if e.label_ in LABELS}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return {"task": "seeds", "file": str(path), "articles": len(records), **_prf(tp, fp, fn)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.evaluate.nlp", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", type=Path, action="append", default=[], help="IndoNLU BIO file (repeatable)")
    ap.add_argument("--format", choices=("nergrit", "nerp"), action="append", default=[],
                    help="format of each --ner file, in order (default: guessed from the path)")
    ap.add_argument("--lowercase", action="store_true", help="lower-case the NER input (robustness check)")
    ap.add_argument("--conllu", type=Path, action="append", default=[], help="UD CoNLL-U file (repeatable)")
    ap.add_argument("--seeds", type=Path, default=None, help="gold seeds.jsonl: entity check on raw articles")
    ap.add_argument("--model", type=Path, default=None, help="score this pipeline dir instead of the shipped one")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    if not args.ner and not args.conllu and not args.seeds:
        ap.error("give --ner FILE, --conllu FILE and/or --seeds FILE")

    if args.model:
        from ..analyze.nlp import load_pipeline

        nlp = load_pipeline(args.model)
    else:
        from .. import load_nlp

        nlp = load_nlp()
    results = []
    for i, path in enumerate(args.ner):
        fmt = args.format[i] if i < len(args.format) else ("nerp" if "nerp" in str(path) else "nergrit")
        results.append(score_ner(nlp, path, fmt, lowercase=args.lowercase))
    for path in args.conllu:
        results.append(score_conllu(nlp, path))
    if args.seeds:
        results.append(score_seeds(nlp, args.seeds))
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    for r in results:
        if r["task"] == "ner":
            print(f"NER {r['format']:8s} {r['file']}  ({r['sentences']} sentences)")
            print(f"  {'':5s} {'P':>7s} {'R':>7s} {'F1':>7s}")
            print(f"  {'ALL':5s} {r['p']:7.4f} {r['r']:7.4f} {r['f']:7.4f}")
            for lab, s in r["per_type"].items():
                print(f"  {lab:5s} {s['p']:7.4f} {s['r']:7.4f} {s['f']:7.4f}")
        elif r["task"] == "seeds":
            print(f"seeds {r['file']} ({r['articles']} articles): P {r['p']:.4f} R {r['r']:.4f} F1 {r['f']:.4f}")
        else:
            print(f"UD {r['file']}  ({r['sentences']} sentences, {r['words']} words)")
            print(f"  UPOS {r['upos']:.4f}  UAS {r['uas']:.4f}  LAS {r['las']:.4f}  "
                  f"LAS(full labels) {r['las_full_label']:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
