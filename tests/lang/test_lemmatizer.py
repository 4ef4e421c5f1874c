"""Affix-aware rule lemmatizer (src/warta/lang/id/lemmatizer.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warta.lang.id.lemmatizer import Lemmatizer, lemmatize_token


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("menyebabkan", "sebab"),  # meny- → s, -kan
        ("mendukung", "dukung"),  # men-
        ("memukul", "pukul"),  # mem- → p
        ("membeli", "beli"),  # mem-
        ("menulis", "tulis"),  # men- → t
        ("mengirim", "kirim"),  # meng- → k
        ("mengambil", "ambil"),  # meng-
        ("melihat", "lihat"),  # me-
        ("digunakan", "guna"),  # di- -kan
        ("dilihat", "lihat"),  # di-
        ("bermain", "main"),  # ber-
        ("terletak", "letak"),  # ter-
        ("keuangan", "uang"),  # ke-…-an
        ("kemampuan", "mampu"),  # ke-…-an
        ("pembangunan", "bangun"),  # peN-…-an
        ("peralatan", "alat"),  # per-…-an
        ("laporan", "lapor"),  # -an
        ("rumahnya", "rumah"),  # -nya
        ("dialah", "dia"),  # -lah
        ("menghadiri", "hadir"),  # meng- -i
        ("anak-anak", "anak"),  # reduplication
        ("dan", "dan"),
    ],
)
def test_lemmas(word, lemma):
    assert lemmatize_token(word, "VERB") == lemma


def test_proper_nouns_keep_their_form():
    assert lemmatize_token("Jakarta", "PROPN") == "Jakarta"


def test_component_on_pretokenised_doc():
    nlp = spacy.blank("id")
    doc = Doc(nlp.vocab, words=["Tentara", "menyerang", "perbatasan"])
    doc = Lemmatizer()(doc)
    assert [t.lemma_ for t in doc] == ["tentara", "serang", "batas"]
