"""warta's news tokenizer (src/warta/lang/id/tokenizer.py)."""

from __future__ import annotations

import pytest
import spacy

from warta.lang.id.tokenizer import build_tokenizer


@pytest.fixture(scope="module")
def tok():
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    return lambda text: [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tewas 1.166 orang", ["tewas", "1.166", "orang"]),
        ("2.000 tentara", ["2.000", "tentara"]),
        ("83 juta dolar", ["83", "juta", "dolar"]),
        ("Kamis 13/8 lalu", ["Kamis", "13/8", "lalu"]),
        ("Kamis (13/8).", ["Kamis", "(", "13/8", ")", "."]),
        ("Senin (9/11/2020) malam", ["Senin", "(", "9/11/2020", ")", "malam"]),
        ("Nagorno-Karabakh", ["Nagorno-Karabakh"]),
        ("perbatasan Turki-Azerbaijan", ["perbatasan", "Turki-Azerbaijan"]),
        ("anak-anak ke-3 tahun 2020-an", ["anak-anak", "ke-3", "tahun", "2020-an"]),
        ("kata dr. Budi", ["kata", "dr.", "Budi"]),
        ("H. Ahmad", ["H.", "Ahmad"]),
        ("di Jl. Sudirman No. 5", ["di", "Jl.", "Sudirman", "No.", "5"]),
        ("PM Pashinyan", ["PM", "Pashinyan"]),
        ("Kemenhan menyatakan", ["Kemenhan", "menyatakan"]),
        ("menurut Azerbaijan.(Baca juga", ["menurut", "Azerbaijan", ".", "(", "Baca", "juga"]),
        ("pukul 14.30 WIB", ["pukul", "14.30", "WIB"]),
        ("Rp 1,5 triliun", ["Rp", "1,5", "triliun"]),
    ],
)
def test_news_tokens(tok, text, expected):
    assert tok(text) == expected


def test_quotes_split_off(tok):
    assert tok('"Kami siap," katanya.') == ['"', "Kami", "siap", ",", '"', "katanya", "."]
    assert tok("“Kami siap,” kata Aliyev.") == ["“", "Kami", "siap", ",", "”", "kata", "Aliyev", "."]
    assert tok("‘perang’") == ["‘", "perang", "’"]


def test_url_email_hashtag(tok):
    toks = tok("Lihat https://news.detik.com/berita/d-8171947/a-b?x=1 atau tulis ke redaksi@detik.com #SaveKarabakh @detikcom")
    assert "https://news.detik.com/berita/d-8171947/a-b?x=1" in toks
    assert "redaksi@detik.com" in toks
    assert "#SaveKarabakh" in toks
    assert "@detikcom" in toks


def test_registered_for_config():
    from spacy.util import registry

    assert registry.tokenizers.get("warta.id_tokenizer.v1")
