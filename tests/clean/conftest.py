"""Shared helpers of the cleaning tests: the fixture folder, written by the project (no copied news)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"


@pytest.fixture
def fixture_text():
    """Read one fixture file by name."""

    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
