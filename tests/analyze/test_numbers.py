"""Indonesian number parsing: separators, multipliers, number words, vague amounts."""

from __future__ import annotations

import pytest

from warta.analyze.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.166", 1166),
        ("2.000", 2000),
        ("12.500.000", 12500000),
        ("5,5", 5.5),
        ("83 juta", 83000000),
        ("1,5 juta", 1500000),
        ("2 ribu", 2000),
        ("tiga", 3),
        ("dua belas", 12),
        ("seratus", 100),
        ("seratus lima puluh", 150),
        ("tiga ratus ribu", 300000),
        ("empat puluh dua", 42),
        ("seribu lima ratus", 1500),
        ("dua juta tiga ratus ribu", 2300000),
        ("seorang", 1),
        ("puluhan", 10),
        ("ratusan", 100),
        ("ribuan", 1000),
        ("puluhan ribu", 10000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_find_numbers_offsets_and_kinds() -> None:
    text = "Sekitar 1.200 tentara dan ratusan warga, dua belas di antaranya anak."
    found = [(n.text, n.value, n.kind) for n in find_numbers(text)]
    assert found == [("1.200", 1200, "digits"), ("ratusan", 100, "vague"), ("dua belas", 12, "words")]
    n = find_numbers(text)[0]
    assert text[n.start:n.end] == "1.200"


@pytest.mark.parametrize("text", ["kedua negara", "Su-27", "rudal S-300", "KTT G20", "pukul 10.00", "Rp531 juta",
                                  "satu-satunya jalan"])
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_bare_multiplier_is_not_a_number() -> None:
    assert parse_number("juta") is None
