"""Rule sentence boundaries (src/warta/lang/id/sentences.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warta.lang.id.sentences import SentenceSegmenter
from warta.lang.id.tokenizer import build_tokenizer


@pytest.fixture(scope="module")
def sents():
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    seg = SentenceSegmenter()
    return lambda text: [s.text.strip() for s in seg(nlp(text)).sents]


def test_basic_split(sents):
    assert sents("Armenia membantah. Azerbaijan menuduh.") == ["Armenia membantah.", "Azerbaijan menuduh."]


def test_line_break_ends_sentence(sents):
    assert sents("Perang di Karabakh\nJakarta - Pertempuran berlanjut") == [
        "Perang di Karabakh", "Jakarta - Pertempuran berlanjut"]


def test_abbreviations_do_not_end_sentences(sents):
    text = "Kata dr. Budi di Jl. Sudirman No. 5 kepada H. Ahmad. Lalu ia pergi."
    assert sents(text) == ["Kata dr. Budi di Jl. Sudirman No. 5 kepada H. Ahmad.", "Lalu ia pergi."]


def test_multi_sentence_quote_stays_intact(sents):
    text = ("Aliyev berbicara. “Kami tidak akan mundur. Kami akan terus berjuang sampai akhir,” kata Aliyev, "
            "Minggu (4/10). Armenia membantah.")
    assert sents(text) == [
        "Aliyev berbicara.",
        "“Kami tidak akan mundur. Kami akan terus berjuang sampai akhir,” kata Aliyev, Minggu (4/10).",
        "Armenia membantah.",
    ]


def test_straight_quotes(sents):
    text = 'Dia berkata. "Kami siap. Kami menunggu." Lalu dia pergi.'
    assert sents(text) == ["Dia berkata.", '"Kami siap. Kami menunggu."', "Lalu dia pergi."]


def test_quote_followed_by_lowercase_cue(sents):
    assert sents('"Kami siap. Kami menunggu." kata dia. Selesai.') == [
        '"Kami siap. Kami menunggu." kata dia.', "Selesai."]


def test_unbalanced_quote_does_not_swallow(sents):
    out = sents('Dia berkata "kami siap. Lalu pergi.\nBaris baru di sini.')
    assert out[-1] == "Baris baru di sini."


def test_pretokenised_doc():
    nlp = spacy.blank("id")
    doc = Doc(nlp.vocab, words=["Ia", "datang", ".", "Kami", "pergi", "."])
    doc = SentenceSegmenter()(doc)
    assert [s.text for s in doc.sents] == ["Ia datang .", "Kami pergi ."]
