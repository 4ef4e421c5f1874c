"""Scores of the cleaning stage against gold (../shared/gold/SCHEMA.md): body, title, published, authors,
cited sources, comments.

Body is scored as the article-extraction benchmarks do: a bag of normalised word tokens of the gold body
lines against the predicted `body`, precision/recall/F1 summed over all articles (micro) and also
averaged per article (macro), because one long article should not hide a short one done badly.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .normalize import names_match, norm_text, tokens


def gold_body(record: dict[str, Any]) -> str:
    """The gold body text: the `body_lines` of `text`, or the whole text when lines are not marked."""
    text = record.get("text") or ""
    lines = record.get("body_lines")
    if lines is None:
        return record.get("body") or text
    split = text.split("\n")
    return "\n".join(split[i] for i in lines if 0 <= i < len(split))


def bag_overlap(gold: str, pred: str) -> tuple[int, int, int]:
    """(overlap, gold size, predicted size) of the two token bags."""
    g, p = Counter(tokens(gold)), Counter(tokens(pred))
    return sum((g & p).values()), sum(g.values()), sum(p.values())


def prf(tp: float, n_gold: float, n_pred: float) -> dict[str, float]:
    """Precision, recall, F1; an empty side scores 1.0 only when both are empty."""
    if n_gold == 0 and n_pred == 0:
        return {"p": 1.0, "r": 1.0, "f1": 1.0}
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f}


def set_f1(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    """(matched, gold size, predicted size) with one-to-one name matching (SCHEMA's name rule)."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and names_match(g, p):
                used.add(j)
                tp += 1
                break
    return tp, len(gold), len(pred)


def _published_equal(gold: str | None, pred: str | None) -> bool:
    """Equal to the minute with the offset; to the day when gold has a date only; null equals null."""
    if not gold:
        return not pred
    if not pred:
        return False
    if len(gold) <= 10:
        return pred[:10] == gold[:10]
    g_off, p_off = gold[19:] or "", pred[19:] or ""
    return gold[:16] == pred[:16] and g_off == p_off


def _source_names(items: list[Any]) -> list[str]:
    out = []
    for c in items or []:
        if isinstance(c, dict):
            out.append(c.get("canonical") or c.get("text") or "")
        else:
            out.append(getattr(c, "canonical", None) or getattr(c, "text", ""))
    return out


def score(gold_records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per-field scores of the cleaning stage; `predictions` maps id -> the contract's JSON object."""
    body_tp = body_g = body_p = 0
    macro: list[dict[str, float]] = []
    per_article: dict[str, dict[str, Any]] = {}
    title_ok = title_n = pub_ok = pub_n = 0
    auth = [0, 0, 0]
    src = [0, 0, 0]
    com = [0, 0, 0]
    for rec in gold_records:
        pred = predictions.get(rec["id"]) or {}
        tp, ng, np_ = bag_overlap(gold_body(rec), pred.get("body") or "")
        body_tp, body_g, body_p = body_tp + tp, body_g + ng, body_p + np_
        art = prf(tp, ng, np_)
        macro.append(art)
        row: dict[str, Any] = {"body": art}
        if "title" in rec:
            title_n += 1
            ok = norm_text(rec.get("title")) == norm_text(pred.get("title"))
            title_ok += ok
            row["title"] = ok
        if "published" in rec and ("title" in rec or rec.get("published")):
            pub_n += 1
            ok = _published_equal(rec.get("published"), pred.get("published"))
            pub_ok += ok
            row["published"] = ok
        if "authors" in rec:
            r = set_f1(rec.get("authors") or [], pred.get("authors") or [])
            auth = [a + b for a, b in zip(auth, r, strict=True)]
        if "cited_sources" in rec:
            r = set_f1(_source_names(rec.get("cited_sources")), _source_names(pred.get("cited_sources")))
            src = [a + b for a, b in zip(src, r, strict=True)]
        if "comments" in rec:
            gold_c = [c.get("text", "") for c in rec.get("comments") or []]
            pred_c = [c.get("text", "") for c in pred.get("comments") or []]
            matched = sum(1 for g in gold_c if any(norm_text(g) == norm_text(p) for p in pred_c))
            com = [com[0] + matched, com[1] + len(gold_c), com[2] + len(pred_c)]
        per_article[rec["id"]] = row
    n = len(macro) or 1
    out: dict[str, Any] = {
        "articles": len(gold_records),
        "body": prf(body_tp, body_g, body_p),
        "body_macro": {k: sum(m[k] for m in macro) / n for k in ("p", "r", "f1")},
        "per_article": per_article,
    }
    if title_n:
        out["title"] = {"correct": title_ok, "total": title_n, "accuracy": title_ok / title_n}
    if pub_n:
        out["published"] = {"correct": pub_ok, "total": pub_n, "accuracy": pub_ok / pub_n}
    if auth[1] or auth[2]:
        out["authors"] = prf(*auth)
    if src[1] or src[2]:
        out["cited_sources"] = prf(*src)
    if com[1] or com[2]:
        out["comments"] = prf(*com)
    return out


__all__ = ["bag_overlap", "gold_body", "prf", "score", "set_f1"]
