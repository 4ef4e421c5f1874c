"""The date grammar: bracketed, weekday, relative and absolute dates resolved against publication."""

from __future__ import annotations

import pytest

from warta.analyze.dates import extract_dates, find_dates
from warta.model import Article

# 2021-03-12 is a Friday
ANCHOR = "2021-03-12T10:15:00+07:00"


def values(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pertemuan digelar Kamis (11/3).", [("Kamis (11/3)", "2021-03-11")]),
        ("kata dia, Senin (8/3/2021).", [("Senin (8/3/2021)", "2021-03-08")]),
        ("pada 9/11/2020 lalu", [("9/11/2020", "2020-11-09")]),
        ("Serangan dimulai pada 27 Februari.", [("27 Februari", "2021-02-27")]),
        ("Gencatan senjata berlaku sejak 3 Desember.", [("3 Desember", "2020-12-03")]),
        ("Jumat, 12 Maret 2021 pukul 10.15 WIB", [("Jumat, 12 Maret 2021", "2021-03-12")]),
        ("Konflik meletus sejak 1994 dan kembali pecah pada tahun 2016.", [("1994", "1994"), ("2016", "2016")]),
        ("Kendaraan itu model 2019 buatan luar negeri.", [("2019", "2019")]),
        ("Bulan lalu, bentrokan terjadi di perbatasan.", [("Bulan lalu", "2021-02")]),
        ("Tahun lalu ia terpilih.", [("Tahun lalu", "2020")]),
        ("Ia tiba kemarin.", [("kemarin", "2021-03-11")]),
        ("Rapat digelar pekan lalu.", [("pekan lalu", "2021-03-05")]),
        ("Dua hari lalu pasukan mundur.", [("Dua hari lalu", "2021-03-10")]),
        ("Sejak Oktober 2020 wilayah itu dikepung.", [("Oktober 2020", "2020-10")]),
    ],
)
def test_absolute_and_relative(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_weekdays_resolve_on_or_before_publication() -> None:
    text = ("Militer mengatakan pada hari Rabu bahwa serangan berlanjut Selasa malam. "
            "Sabtu kemarin juga ada ledakan. Menteri bicara Jumat pagi. Minggu lalu kota itu jatuh.")
    assert values(text) == [
        ("hari Rabu", "2021-03-10"),
        ("Selasa malam", "2021-03-09"),
        ("Sabtu kemarin", "2021-03-06"),
        ("Jumat pagi", "2021-03-12"),
        ("Minggu lalu", "2021-03-07"),
    ]


def test_minggu_as_week_is_not_a_sunday() -> None:
    assert values("Perang memasuki minggu keenam; dua minggu lagi bantuan tiba.") == []
    assert values("pada hari Minggu") == [("hari Minggu", "2021-03-07")]


def test_same_day_and_nth_day() -> None:
    text = "Pertempuran memasuki hari keenam.\nParlemen bersidang pada hari yang sama."
    assert values(text, "2021-03-12") == [("hari keenam", "2021-03-12"), ("hari yang sama", "2021-03-12")]


def test_counts_durations_and_percentages_are_not_dates() -> None:
    assert values("Sebanyak 2.000 tentara bertugas selama 25 tahun, sekitar 20% dari pasukan.") == []
    assert values("lebih dari 2000 orang mengungsi") == []


def test_without_anchor_only_absolute_dates() -> None:
    assert values("Kamis (11/3) dan 5 Mei 2019, juga kemarin dan sejak 1991.", None) == [
        ("5 Mei 2019", "2019-05-05"), ("1991", "1991")]


def test_extract_dates_offsets_index_the_body() -> None:
    art = Article(id="t", body="Delegasi tiba Kamis (11/3).\n\nPada 1 Maret lalu rapat digelar.")
    for d in extract_dates(None, art, ANCHOR):
        assert art.body[d.start:d.end] == d.text


def test_a_quotes_today_is_the_day_it_was_given() -> None:
    from _facts_helpers import make_article

    from warta.analyze.dates import reanchor_quoted
    from warta.analyze.quotes import extract_quotes

    body = ('"Sampai hari ini tim kami masih di lapangan," kata Rudi Santoso kepada wartawan, Senin (8/3).\n'
            "Hari ini, bupati meninjau lokasi.")
    art = make_article(body, {"Rudi Santoso": ("PER", "Rudi Santoso")}, published=ANCHOR)
    art.dates = find_dates(body, ANCHOR)
    art.quotes = extract_quotes(None, art)
    reanchor_quoted(art)
    assert [(d.text, d.value) for d in art.dates] == [
        ("hari ini", "2021-03-08"), ("Senin (8/3)", "2021-03-08"), ("Hari ini", "2021-03-12")]


def test_last_night_is_the_day_before() -> None:
    assert values("Kebakaran terjadi tadi malam di pasar.") == [("tadi malam", "2021-03-11")]
