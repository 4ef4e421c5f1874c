"""Entity F1 and linking accuracy on the gold seeds (../shared/gold), against the issue's thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.evaluate.entities import predict_on_gold, score

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.jsonl"

pytestmark = pytest.mark.shared


def test_score_rules() -> None:
    gold = [{"id": "a", "entities": [
        {"text": "Turki", "type": "GPE", "canonical": "Turkey"},
        {"text": "Kaukasus", "type": "LOC", "canonical": "Caucasus"},
        {"text": "Aliyev", "type": "PER", "canonical": "Ilham Aliyev"},
    ]}]
    pred = {"a": {"entities": [
        {"text": "Turki", "type": "GPE", "canonical": "Turkey"},
        {"text": "Turki", "type": "GPE", "canonical": "Turkey"},
        {"text": "Kaukasus", "type": "GPE", "canonical": "Caucasus"},  # GPE and LOC count as one type
        {"text": "Aliyev", "type": "PER", "canonical": "Heydar Aliyev"},
        {"text": "Baku", "type": "GPE", "canonical": "Baku"},
    ]}}
    r = score(gold, pred)
    assert r["matched"] == 3
    assert r["entity_precision"] == pytest.approx(3 / 4)
    assert r["entity_recall"] == 1.0
    assert r["linking_accuracy"] == pytest.approx(2 / 3, abs=1e-3)


def test_seeds_meet_thresholds() -> None:
    if not GOLD.exists():
        pytest.skip(f"../shared/gold not found (looked for {GOLD}); the seeds are not part of the repo")
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    r = score(records, predict_on_gold(records))
    assert r["entity_f1"] >= 0.80, r
    assert r["linking_accuracy"] >= 0.90, r
