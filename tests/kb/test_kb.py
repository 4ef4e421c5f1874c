"""The shipped knowledge base: loading, lookup, offices held on a date, bare-name resolution."""

from __future__ import annotations

import subprocess
import sys

import pytest

from warta.kb import load_kb, resolve_name
from warta.kb.fold import fold_key, fold_text
from warta.kb.roles import resolve_title, split_title
from warta.model import Article, Entity


def test_fold_keeps_offsets() -> None:
    text = "Menlu Çavuşoğlu (Türkiye) — İlham Əliyev"
    assert len(fold_text(text)) == len(text)
    assert fold_key("Çavuşoğlu") == "cavusoglu"
    assert fold_key("Nagorno-Karabakh") == fold_key("nagorno karabakh")


def test_loads_small() -> None:
    # Measured in a fresh process: the test process's own peak RSS includes every model other tests
    # loaded. Load time is a speed figure and is reported by `make bench`, not asserted here.
    # VmHWM, not getrusage: ru_maxrss survives fork+exec, so a child would report pytest's own peak.
    code = (
        "from warta.kb.store import KnowledgeBase; kb = KnowledgeBase(); "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
        "print(len(kb), int(hwm) // 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    entries, peak_mb = (int(x) for x in out.split())
    assert entries > 50000
    assert peak_mb < 300


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Turki", "TUR"),
        ("Amerika Serikat", "USA"),
        ("AS", "USA"),
        ("Tiongkok", "CHN"),
        ("Prancis", "FRA"),
        ("Korea Selatan", "KOR"),
        ("Arab Saudi", "SAU"),
        ("Inggris", "GBR"),
        ("PBB", "united-nations"),
        ("DK PBB", "unsc"),
        ("Grup Minsk", "minsk-group"),
        ("Uni Eropa", "eu"),
        ("OKI", "oic"),
        ("Kementerian Pertahanan Azerbaijan", "AZE:defense"),
        ("Kemenhan Rusia", "RUS:defense"),
        ("Kementerian Luar Negeri Armenia", "ARM:foreign"),
        ("Karabakh Atas", "nagorno-karabakh"),
        ("Tovush", "tovuz"),
        ("Shushi", "shusha"),
        ("Khankendi", "stepanakert"),
        ("Anadolu Agency", "anadolu-agency"),
    ],
)
def test_lookup(name: str, expected: str) -> None:
    assert load_kb().lookup(name)[0].id == expected


def test_places_have_coordinates_and_capitals_are_marked() -> None:
    kb = load_kb()
    ankara = kb.lookup("Ankara")[0]
    assert ankara.capital_of == "TUR" and ankara.lat == pytest.approx(39.9, abs=0.2)
    for name in ("Shusha", "Tovuz", "Martakert", "Hadrut", "Madagiz", "Nagorno-Karabakh", "Baku"):
        e = kb.lookup(name)[0]
        assert e.lat is not None and e.lon is not None, name


@pytest.mark.parametrize(
    ("title", "date", "who"),
    [
        ("Presiden Rusia", "2020-03-01", "Vladimir Putin"),
        ("Presiden AS", "2020-03-01", "Donald Trump"),
        ("Presiden AS", "2022-03-01", "Joe Biden"),
        ("Presiden AS", "2025-03-01", "Donald Trump"),
        ("Presiden Azerbaijan", "2021-01-01", "Ilham Aliyev"),
        ("Presiden Indonesia", "2024-10-19", "Joko Widodo"),
        ("Presiden RI", "2024-10-21", "Prabowo Subianto"),
        ("Menhan Turki", "2021-01-01", "Hulusi Akar"),
        ("Menteri Luar Negeri Rusia", "2023-01-01", "Sergey Lavrov"),
        ("PM Armenia", "2022-01-01", "Nikol Pashinyan"),
    ],
)
def test_office_holder_on_date(title: str, date: str, who: str) -> None:
    holder = resolve_title(title, date)
    assert holder is not None and holder.name == who


def test_split_title_prefers_longest() -> None:
    assert split_title("Wakil Presiden AS") == ("vice_president", "AS")
    assert split_title("Ilham Aliyev") == (None, "Ilham Aliyev")


def test_resolve_name_with_article_context() -> None:
    art = Article(id="t", published="2020-10-05T08:00:00+07:00", body="Presiden Heydar Aliyev ...")
    art.entities = [Entity("Heydar Aliyev", 9, 22, "PER", "heydar-aliyev", "Heydar Aliyev")]
    # The article named Heydar, so its "Aliyev" is Heydar; without the article, 2020's Aliyev is Ilham.
    assert resolve_name("Aliyev", art).id == "heydar-aliyev"
    assert resolve_name("Aliyev", Article(id="u", published="2020-10-05")).id == "ilham-aliyev"
    assert resolve_name("Presiden Rusia", art).name == "Vladimir Putin"
    assert resolve_name("Kementerian Pertahanan Azerbaijan", art).name == "Ministry of Defense of Azerbaijan"
    assert resolve_name("Ankara", art).capital_of == "TUR"
    assert resolve_name("tidak ada nama seperti ini", art) is None


def test_home_ministries_named_without_country_and_embassies_with_it() -> None:
    kb = load_kb()
    assert kb.get("IDN:social").name == "Ministry of Social Affairs"  # type: ignore[union-attr]
    assert kb.get("AZE:defense").name == "Ministry of Defense of Azerbaijan"  # type: ignore[union-attr]
    assert kb.get("IDN:embassy").name == "Embassy of Indonesia"  # type: ignore[union-attr]


def test_prabowo_cabinet_and_agency_heads() -> None:
    kb = load_kb()
    assert [e.id for e in kb.lookup("Gus Ipul", when="2025-10-19")][:1] == ["saifullah-yusuf"]
    assert [e.id for e in kb.lookup("Dadan Hindayana", when="2025-10-19")][:1] == ["dadan-hindayana"]
    assert resolve_name("WhatsApp") is not None


def test_plain_words_list_ships() -> None:
    from warta.analyze.link import plain_words

    words = plain_words()
    assert {"sosial", "bencana", "pertama"} <= words
    assert "budi" not in words  # a given name, capitalised mid-sentence
