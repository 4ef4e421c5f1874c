import pytest

from warta.clean.metadata import (
    find_cited_sources,
    outlet_from_lines,
    outlet_from_url,
    parse_byline,
    parse_dateline,
)
from warta.clean.page import clean_text


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("  • Jumat, 14 Agustus 2020, 15:52 WIB", "2020-08-14T15:52:00+07:00"),
        ("Senin, 02 November 2020 - 09:06 WIB", "2020-11-02T09:06:00+07:00"),
        ("Kompas.com - 10/11/2020, 14:38 WIB", "2020-11-10T14:38:00+07:00"),
        ("Rabu, 5 Mei 2021 | 20:15 WITA", "2021-05-05T20:15:00+08:00"),
        ("Kamis, 06/01/2022 08.30 WIT", "2022-01-06T08:30:00+09:00"),
        ("Selasa, 23 Feb 2016 15:32", "2016-02-23T15:32:00"),
        ("Friday, March 29, 2024", "2024-03-29"),
    ],
)
def test_datelines(line, iso):
    assert parse_dateline(line).iso == iso


def test_sentence_with_a_date_is_not_a_dateline():
    assert parse_dateline("Rapat digelar pada Senin, 02 November 2020 di gedung DPR bersama para menteri.") is None
    assert parse_dateline("Jumat, 31 Februari 2020") is None  # no such day


def test_today_date_above_title_is_not_publication(fixture_text):
    cleaned = clean_text(fixture_text("scraped_blog_comments.txt"))
    assert cleaned.title == "Nelayan Natuna keluhkan kapal asing, TNI AL tambah patroli"
    assert cleaned.published is None


def test_published_from_dateline_under_title(fixture_text):
    assert clean_text(fixture_text("scraped_kompas_like.txt")).published == "2024-01-21T19:12:00+07:00"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("LAPORAN: RENI WULANDARI", ("RENI WULANDARI",)),
        ("Reporter: Budi Santoso | Editor: Ani Lestari", ("Budi Santoso",)),
        ("Penulis: Dewi Anggraini, Yoga Pratama dan Sari", ("Dewi Anggraini", "Yoga Pratama", "Sari")),
        ("Oleh Fajar Nugroho", ("Fajar Nugroho",)),
        ("Pewarta: Nur Hidayah", ("Nur Hidayah",)),
    ],
)
def test_bylines(line, names):
    byline = parse_byline(line)
    assert byline.role == "author" and byline.names == names


def test_editor_and_prose_are_not_authors():
    assert parse_byline("Editor: Ani Lestari").role == "editor"
    assert parse_byline("Editor: Ani Lestari").names == ()
    assert parse_byline("Oleh karena itu, pemerintah menunda rencana tersebut.") is None


def test_label_above_name_kompas_style(fixture_text):
    assert clean_text(fixture_text("scraped_kompas_like.txt")).authors == ["Rina Kusumawati"]


def test_cited_sources_with_canonical_names():
    lines = [
        "kata Agus, seperti dikutip dari AA, Jumat (14/8).",
        "Menteri itu, dikutip oleh kantor berita negara Azertac, menyatakan siap berunding.",
        "seperti dilansir dari Yeni Safak, Minggu (8/11/2020).",
        "Dilansir Daily Sabah Senin (9/11/2020), kota itu strategis.",
        "Menurut Anadolu Agency (AA), pasukan mundur.",
        "menurut Prabowo, dan mengutip Presiden Joko Widodo, rencana berjalan; dilansir Senin (2/11).",
    ]
    found = {(c.text, c.canonical) for c in find_cited_sources(lines, ["Sumber: Reuters"])}
    assert found == {("AA", "Anadolu Agency"), ("Azertac", "Azertac"), ("Yeni Safak", "Yeni Safak"),
                     ("Daily Sabah", "Daily Sabah"), ("Reuters", "Reuters")}


def test_outlets():
    assert outlet_from_url("https://news.detik.com/berita/d-1/x") == "detik.com"
    assert outlet_from_url("http://nasional.republika.co.id/berita/x") == "republika.co.id"
    assert outlet_from_url("not a url") is None
    assert outlet_from_lines(["IklanKu.id Mobile", "IklanKu.id", "Temukan berita dari Kantor Berita Politik RMOL."]) == "rmol.id"
    assert outlet_from_lines(["NUSANTARANEWS.ID – RANAI. Nelayan ..."]) == "nusantaranews.id"
