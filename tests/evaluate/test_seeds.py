"""The cleaning targets of issue 2, measured on ../shared (skipped with the reason when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "gold" / "seeds.jsonl"
NEWS_HTML = SHARED / "data" / "news-html"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_scores():
    if not SEEDS.exists():
        pytest.skip(f"../shared/gold not found: {SEEDS} is needed to score cleaning against the seed gold")
    from warta.evaluate.body import score
    from warta.evaluate.run import predict, read_gold

    records = read_gold(SEEDS)
    predictions = predict(records, hints=False)
    return score(records, predictions), predictions


def test_body_tokens(seed_scores):
    scores, _ = seed_scores
    assert scores["body"]["f1"] >= 0.98
    assert scores["body"]["p"] >= 0.98


def test_title_and_published(seed_scores):
    scores, _ = seed_scores
    assert scores["title"]["correct"] == 5
    assert scores["published"]["accuracy"] == 1.0  # 4 with +07:00 to the minute, 004 null


def test_authors_sources_comments(seed_scores):
    scores, predictions = seed_scores
    assert scores["authors"]["f1"] >= 0.9
    assert scores["cited_sources"]["f1"] >= 0.8
    comments = predictions["004_727c0a491c695f60"]["comments"]
    assert [c["author"] for c in comments] == ["Azhari", "Muhammad Nur"]


def test_news_html():
    if not NEWS_HTML.exists():
        pytest.skip(f"../shared/data/news-html not found: {NEWS_HTML} is needed to score the HTML path")
    from warta.evaluate.newshtml import evaluate_news_html

    scores = evaluate_news_html(NEWS_HTML)
    assert scores["title"]["accuracy"] >= 0.9
    assert scores["day"]["accuracy"] >= 0.9
    assert scores["body"]["f1"] >= 0.9
