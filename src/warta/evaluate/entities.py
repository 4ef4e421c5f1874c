"""Entity scores against gold (../shared/gold/SCHEMA.md): detection F1 and linking accuracy.

Entities count once per article by (normalised surface, type), with GPE and LOC as one type, so a name
repeated twenty times weighs as much as one said once; linking accuracy is over the matched pairs, and
asks whether the predicted canonical name (or the text, when nothing was linked) names the gold one.

    python -m warta.evaluate.entities --gold ../shared/gold/seeds.jsonl

runs the linker on the gold bodies (the gold `text` lines listed in `body_lines`, joined as paragraphs),
so entity linking is measured apart from cleaning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from .normalize import names_match, norm_text


def _type(t: str | None) -> str:
    return "GPE" if t in ("GPE", "LOC") else (t or "")


def _keys(entities: list[dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """(surface, type) -> the canonical names given to it (the text when unlinked)."""
    out: dict[tuple[str, str], list[str]] = {}
    for e in entities or []:
        surface = norm_text(e.get("text"))
        if not surface:
            continue
        out.setdefault((surface, _type(e.get("type"))), []).append(e.get("canonical") or e.get("text") or "")
    return out


def score(gold_records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged entity precision, recall, F1 and linking accuracy over the gold records.

    A record without a prediction counts as predicting nothing (its gold entities are all misses).
    """
    tp = fp = fn = linked_ok = 0
    per_article = {}
    for g in gold_records:
        gid = g["id"]
        gold = _keys(g.get("entities") or [])
        pred = _keys((predictions.get(gid) or {}).get("entities") or [])
        matched = set(gold) & set(pred)
        ok = 0
        wrong = []
        for k in matched:
            want = gold[k][0]
            got = Counter(pred[k]).most_common(1)[0][0]
            if names_match(got, want):
                ok += 1
            else:
                wrong.append({"surface": k[0], "type": k[1], "gold": want, "predicted": got})
        tp += len(matched)
        fp += len(set(pred) - matched)
        fn += len(set(gold) - matched)
        linked_ok += ok
        per_article[gid] = {
            "tp": len(matched), "fp": sorted(" / ".join(k) for k in set(pred) - matched),
            "fn": sorted(" / ".join(k) for k in set(gold) - matched), "link_errors": wrong,
        }
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "entity_precision": round(p, 4), "entity_recall": round(r, 4), "entity_f1": round(f1, 4),
        "linking_accuracy": round(linked_ok / tp, 4) if tp else 0.0,
        "matched": tp, "articles": per_article,
    }


def gold_body(record: dict[str, Any]) -> str:
    """The article body as the gold sees it: its `body_lines` joined as paragraphs."""
    lines = record["text"].split("\n")
    idx = record.get("body_lines")
    chosen = [lines[i] for i in idx] if idx else lines
    return "\n\n".join(chosen)


def predict_on_gold(records: list[dict[str, Any]], nlp: Any = None) -> dict[str, dict[str, Any]]:
    """Run the NLP pipeline (the shipped one unless given) and the linker on each gold body.

    No cleaning stage is involved, so the score is about linking alone.
    """
    from dataclasses import asdict

    from ..analyze.link import link_entities
    from ..analyze.nlp import load_nlp
    from ..model import Article

    nlp = nlp or load_nlp()
    out = {}
    for g in records:
        art = Article(id=g["id"], body=gold_body(g), published=g.get("published"), language="id")
        doc = nlp(art.body)
        out[g["id"]] = {"id": g["id"], "entities": [asdict(e) for e in link_entities(doc, art)]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.evaluate.entities", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold/seeds.jsonl"))
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--model", type=Path, help="a spaCy pipeline directory to use instead of the shipped one")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false hits and link errors")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = None
    if args.model:
        import spacy

        nlp = spacy.load(args.model)
    result = score(records, predict_on_gold(records, nlp))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        for gid, a in result["articles"].items():
            print(f"== {gid}: {a['tp']} matched")
            for k in a["fn"]:
                print(f"   miss  {k}")
            for k in a["fp"]:
                print(f"   extra {k}")
            for w in a["link_errors"]:
                print(f"   link  {w['surface']}: {w['predicted']!r} != gold {w['gold']!r}")
    print(f"entities: P {result['entity_precision']:.3f}  R {result['entity_recall']:.3f}  "
          f"F1 {result['entity_f1']:.3f}  linking accuracy {result['linking_accuracy']:.3f} "
          f"({result['matched']} matched)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
