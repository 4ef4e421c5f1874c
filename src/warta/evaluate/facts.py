"""Scores for quotes, numeric claims and dates against hand-annotated gold (../shared/gold/SCHEMA.md).

`score(gold_records, predictions)` follows the schema's table exactly so that numbers reported here, by
`warta eval` and by the independent check agree:

- quotes: one-to-one greedy matching on token F1 of the quote text >= 0.5 ("quotes"); "quotes_attributed"
  matches the same way among pairs whose speakers also match (`names_match`); kind accuracy over matches;
- claims: one-to-one matching on equal value and category; claimant accuracy over matches (null = null);
- dates: the multiset of values (first 10 characters) per article.

Run `python -m warta.evaluate.facts --gold ../shared/gold/seeds.jsonl` to score the extractors on the gold
bodies (body lines joined with blank lines, so cleaning cannot hide or cause an error), or add
`--through-analyze` to score the full `warta.analyze` output from the raw page text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .normalize import names_match, tokens

QUOTE_MIN_F1 = 0.5


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-words F1 of two texts after the schema's normalisation."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    if not ta or not tb:
        return 0.0
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(tb.values()), overlap / sum(ta.values())
    return 2 * p * r / (p + r)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching taking the best-scoring pairs first (gold index, prediction index)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _score_quotes(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    f1s = [[token_f1(g.get("quote"), p.get("quote")) for p in pred] for g in gold]
    pairs = [(f1s[gi][pi], gi, pi) for gi in range(len(gold)) for pi in range(len(pred))
             if f1s[gi][pi] >= QUOTE_MIN_F1]
    matched = _greedy(pairs)
    attributed = _greedy(
        (f, gi, pi) for f, gi, pi in pairs if names_match(gold[gi].get("speaker"), pred[pi].get("speaker"))
    )
    kind_ok = sum(1 for gi, pi in matched if gold[gi].get("kind") == pred[pi].get("kind"))
    return {"matched": matched, "attributed": attributed, "kind_ok": kind_ok}


def _same_value(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _claimant_ok(g: dict, p: dict) -> bool:
    gc, pc = g.get("claimant"), p.get("claimant")
    if not gc and not pc:
        return True
    return names_match(gc, pc)


def _score_claims(gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    # Among equal (value, category) pairs prefer the one whose claimant agrees, so that the claimant
    # accuracy does not depend on the order predictions happen to come in.
    pairs = [
        (1.0 + _claimant_ok(g, p), gi, pi)
        for gi, g in enumerate(gold) for pi, p in enumerate(pred)
        if _same_value(g.get("value"), p.get("value")) and g.get("category") == p.get("category")
    ]
    matched = _greedy(pairs)
    claimant_ok = sum(1 for gi, pi in matched if _claimant_ok(gold[gi], pred[pi]))
    return {"matched": matched, "claimant_ok": claimant_ok}


def _date_values(items: list[dict]) -> Counter[str]:
    return Counter(str(d.get("value"))[:10] for d in items if d.get("value"))


def score(gold_records: list[dict], predictions: dict[str, dict]) -> dict:
    """Micro-averaged quote, claim and date scores of `predictions` (by id) against `gold_records`.

    An article missing from `predictions` counts as predicting nothing, so recall stays honest.
    """
    q_tp = q_att = q_kind = q_pred = q_gold = 0
    c_tp = c_claimant = c_pred = c_gold = 0
    d_tp = d_pred = d_gold = 0
    per_article: dict[str, dict[str, Any]] = {}
    for rec in gold_records:
        pred = predictions.get(rec["id"]) or {}
        gq, pq = rec.get("quotes") or [], pred.get("quotes") or []
        gc, pc = rec.get("claims") or [], pred.get("claims") or []
        qs = _score_quotes(gq, pq)
        cs = _score_claims(gc, pc)
        gd, pd = _date_values(rec.get("dates") or []), _date_values(pred.get("dates") or [])
        dt = sum((gd & pd).values())
        q_tp += len(qs["matched"])
        q_att += len(qs["attributed"])
        q_kind += qs["kind_ok"]
        q_pred += len(pq)
        q_gold += len(gq)
        c_tp += len(cs["matched"])
        c_claimant += cs["claimant_ok"]
        c_pred += len(pc)
        c_gold += len(gc)
        d_tp += dt
        d_pred += sum(pd.values())
        d_gold += sum(gd.values())
        per_article[rec["id"]] = {
            "quotes_attributed": _prf(len(qs["attributed"]), len(pq), len(gq)),
            "claims": _prf(len(cs["matched"]), len(pc), len(gc)),
            "dates": _prf(dt, sum(pd.values()), sum(gd.values())),
        }
    return {
        "quotes": _prf(q_tp, q_pred, q_gold),
        "quotes_attributed": _prf(q_att, q_pred, q_gold),
        "quote_kind_accuracy": round(q_kind / q_tp, 4) if q_tp else 0.0,
        "claims": _prf(c_tp, c_pred, c_gold),
        "claimant_accuracy": round(c_claimant / c_tp, 4) if c_tp else 0.0,
        "dates": _prf(d_tp, d_pred, d_gold),
        "articles": per_article,
    }


# --------------------------------------------------------------------------------------------------
# Running the extractors on gold records


def gold_body(rec: dict) -> str:
    """The article body the gold annotates: its `body_lines`, joined with blank lines as cleaning does."""
    lines = rec["text"].split("\n")
    idx = rec.get("body_lines")
    if idx is None:
        return rec["text"]
    return "\n\n".join(lines[i] for i in idx)


def _gold_entities(rec: dict, body: str) -> list[Any]:
    """Every occurrence of the gold entities in `body`, as a stand-in for the linker (`--gold-entities`)."""
    import re

    from ..model import Entity

    out: list[Entity] = []
    seen: set[tuple[int, int]] = set()
    for e in sorted(rec.get("entities") or [], key=lambda e: -len(e["text"])):
        for m in re.finditer(r"(?<!\w)" + re.escape(e["text"]) + r"(?!\w)", body):
            if any(a < m.end() and m.start() < b for a, b in seen):
                continue
            seen.add((m.start(), m.end()))
            out.append(Entity(text=e["text"], start=m.start(), end=m.end(), type=e["type"],
                              id=None, canonical=e.get("canonical")))
    out.sort(key=lambda e: e.start)
    return out


def predict_on_gold_body(rec: dict, *, use_gold_entities: bool = False, nlp: Any = None) -> dict:
    """Run linking, dates, quotes and claims on the gold body of `rec` (no cleaning), as `analyze` would."""
    from ..analyze.claims import extract_claims
    from ..analyze.dates import extract_dates
    from ..analyze.link import link_entities
    from ..analyze.nlp import load_nlp
    from ..analyze.quotes import extract_quotes
    from ..model import Article, CitedSource

    body = gold_body(rec)
    art = Article(
        id=rec["id"], url=rec.get("url"), outlet=rec.get("outlet"), language="id", title=rec.get("title"),
        published=rec.get("published"), body=body,
        cited_sources=[CitedSource(text=c["text"], canonical=c["canonical"]) for c in rec.get("cited_sources") or []],
    )
    doc = (nlp or load_nlp())(body)
    art.entities = _gold_entities(rec, body) if use_gold_entities else link_entities(doc, art)
    anchor = art.published or rec.get("date_anchor")
    art.dates = extract_dates(doc, art, anchor)
    art.quotes = extract_quotes(doc, art)
    art.claims = extract_claims(doc, art)
    return art.to_dict()


def predict_through_analyze(rec: dict, *, hints: bool = False) -> dict:
    """The full pipeline from the raw page text, as a user would run it; with `hints` the record's
    url, publication time and outlet are passed as `warta eval --hints` does."""
    from ..analyze.pipeline import analyze
    from .run import source_of

    return analyze(source_of(rec, hints=hints)).to_dict()


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _explain(rec: dict, pred: dict, out: Any) -> None:
    """Print what was missed and what was extra, for working on the extractors."""
    print(f"== {rec['id']}", file=out)
    gq, pq = rec.get("quotes") or [], pred.get("quotes") or []
    qs = _score_quotes(gq, pq)
    att = dict(qs["attributed"])
    mg = dict(qs["matched"])
    for gi, g in enumerate(gq):
        if gi in att:
            continue
        if gi in mg:
            p = pq[mg[gi]]
            print(f"  Q-SPEAKER gold={g['speaker']!r} pred={p.get('speaker')!r} ({p.get('speaker_text')!r}, "
                  f"{p.get('cue')!r}): {g['quote'][:70]}", file=out)
        else:
            print(f"  Q-MISS [{g['speaker']} / {g['cue']}] {g['quote'][:90]}", file=out)
    used = {pi for _, pi in qs["matched"]}
    for pi, p in enumerate(pq):
        if pi not in used:
            print(f"  Q-EXTRA [{p.get('speaker')} / {p.get('cue')}] {p.get('quote', '')[:90]}", file=out)
    gc, pc = rec.get("claims") or [], pred.get("claims") or []
    cs = _score_claims(gc, pc)
    mc = dict(cs["matched"])
    for gi, g in enumerate(gc):
        if gi not in mc:
            print(f"  C-MISS {g['text']!r} {g['value']} {g['category']} by {g['claimant']}", file=out)
        elif not _claimant_ok(g, pc[mc[gi]]):
            print(f"  C-CLAIMANT {g['text']!r} gold={g['claimant']!r} pred={pc[mc[gi]].get('claimant')!r}", file=out)
    usedc = set(mc.values())
    for pi, p in enumerate(pc):
        if pi not in usedc:
            print(f"  C-EXTRA {p.get('text')!r} {p.get('value')} {p.get('category')} by {p.get('claimant')}", file=out)
    gd, pd = _date_values(rec.get("dates") or []), _date_values(pred.get("dates") or [])
    if gd - pd:
        print(f"  D-MISS {dict(gd - pd)}", file=out)
    if pd - gd:
        extra = [d for d in pred.get("dates") or [] if (pd - gd).get(str(d.get('value'))[:10])]
        print(f"  D-EXTRA {[(d['text'], d['value']) for d in extra]}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.evaluate.facts", description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold/seeds.jsonl"), help="gold JSONL")
    ap.add_argument("--through-analyze", action="store_true",
                    help="score the full warta.analyze output from the raw text (needs cleaning)")
    ap.add_argument("--hints", action="store_true",
                    help="with --through-analyze: pass url/published/outlet as `warta eval --hints` does")
    ap.add_argument("--gold-entities", action="store_true",
                    help="stand the gold entities in for the linker (isolates this stage's errors)")
    ap.add_argument("--explain", action="store_true", help="list misses and extras per article on stderr")
    ap.add_argument("--json", action="store_true", help="print the whole score as JSON")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold)
    preds: dict[str, dict] = {}
    t0 = time.perf_counter()
    for rec in gold:
        if args.through_analyze:
            preds[rec["id"]] = predict_through_analyze(rec, hints=args.hints)
        else:
            preds[rec["id"]] = predict_on_gold_body(rec, use_gold_entities=args.gold_entities)
        if args.explain:
            _explain(rec, preds[rec["id"]], sys.stderr)
    elapsed = time.perf_counter() - t0
    result = score(gold, preds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    mode = "through analyze" if args.through_analyze else "on gold bodies"
    print(f"{len(gold)} articles {mode} in {elapsed:.2f}s")
    for key in ("quotes", "quotes_attributed", "claims", "dates"):
        s = result[key]
        print(f"  {key:18s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"({s['tp']} of {s['predicted']} predicted, {s['gold']} gold)")
    print(f"  quote kind accuracy {result['quote_kind_accuracy']:.3f}   "
          f"claimant accuracy {result['claimant_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
