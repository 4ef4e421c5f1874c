"""The quote, claim and date extractors against the hand-annotated seeds in ../shared/gold.

Scored on the gold bodies (the annotated body lines), so that this test measures these extractors and the
linker, not cleaning. The thresholds are the issue's acceptance targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.evaluate.facts import load_gold, predict_on_gold_body, score, token_f1

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.jsonl"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def result() -> dict:
    if not GOLD.exists():
        pytest.skip(f"../shared/gold not found ({GOLD}): the seeds live outside the repository")
    gold = load_gold(GOLD)
    preds = {rec["id"]: predict_on_gold_body(rec) for rec in gold}
    return score(gold, preds)


def test_attributed_quotes(result: dict) -> None:
    assert result["quotes_attributed"]["f1"] >= 0.85, result["quotes_attributed"]


def test_claims_and_claimants(result: dict) -> None:
    assert result["claims"]["f1"] >= 0.80, result["claims"]
    assert result["claimant_accuracy"] >= 0.75


def test_dates(result: dict) -> None:
    assert result["dates"]["f1"] >= 0.85, result["dates"]


def test_score_follows_the_schema() -> None:
    """Greedy one-to-one matching at token F1 >= 0.5; attribution needs the speaker too."""
    gold = [{"id": "a", "quotes": [{"quote": "kami akan terus bertahan di kota ini", "kind": "direct",
                                    "speaker": "Ilham Aliyev"}],
             "claims": [{"value": 12, "category": "killed", "claimant": None},
                        {"value": 5, "category": "destroyed", "claimant": "Ministry of Defense of Azerbaijan"}],
             "dates": [{"value": "2020-10-02"}, {"value": "2020-10-02"}, {"value": "1991"}]}]
    pred = {"a": {"quotes": [{"quote": "“Kami akan terus bertahan di kota ini,”", "kind": "direct", "speaker": "Aliyev"},
                             {"quote": "kami akan terus bertahan", "kind": "indirect", "speaker": "Aliyev"}],
                  "claims": [{"value": 12.0, "category": "killed", "claimant": None},
                             {"value": 5, "category": "destroyed", "claimant": "Armenia"},
                             {"value": 7, "category": "other", "claimant": None}],
                  "dates": [{"value": "2020-10-02T09:00+03:00"}, {"value": "1991"}]}}
    s = score(gold, pred)
    assert s["quotes"]["tp"] == 1 and s["quotes"]["predicted"] == 2
    assert s["quotes_attributed"]["tp"] == 1 and s["quote_kind_accuracy"] == 1.0
    assert s["claims"]["tp"] == 2 and s["claims"]["predicted"] == 3
    assert s["claimant_accuracy"] == 0.5
    assert s["dates"]["tp"] == 2 and s["dates"]["gold"] == 3
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)
