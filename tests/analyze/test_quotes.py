"""Quotes: direct and indirect frames, speaker resolution, relay sources, nesting, and negatives."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _facts_helpers import make_article  # noqa: E402  (a helper module next to this test)

from warta.analyze.quotes import extract_quotes
from warta.model import Quote

PEOPLE = {
    "Volodymyr Zelensky": ("PER", "Volodymyr Zelensky"),
    "Zelensky": ("PER", "Volodymyr Zelensky"),
    "Rustem Umerov": ("PER", "Rustem Umerov"),
    "Umerov": ("PER", "Rustem Umerov"),
    "Ukraina": ("GPE", "Ukraine"),
    "Rusia": ("GPE", "Russia"),
    "Kyiv": ("GPE", "Kyiv"),
    "Moskow": ("GPE", "Moscow"),
}


def quotes(body: str, entities: dict | None = None, **kw) -> list[Quote]:
    art = make_article(body, PEOPLE if entities is None else entities, **kw)
    qs = extract_quotes(None, art)
    for q in qs:  # offsets always index the body
        assert art.body[q.start:q.end].strip() == q.quote
    return qs


def one(body: str, **kw) -> Quote:
    qs = quotes(body, **kw)
    assert len(qs) == 1, [(q.quote, q.speaker) for q in qs]
    return qs[0]


def test_direct_with_cue_after_and_name() -> None:
    q = one("“Kami tidak akan mundur dari garis depan,” kata Zelensky di Kyiv.")
    assert (q.kind, q.speaker, q.speaker_text, q.cue) == ("direct", "Volodymyr Zelensky", "Zelensky", "kata")
    assert q.quote == "Kami tidak akan mundur dari garis depan,"
    assert q.sentence and q.sentence.startswith("“Kami")


def test_direct_spanning_sentences_with_straight_quotes() -> None:
    q = one('"Situasinya sulit. Namun pasukan kami tetap bertahan di kota itu," ujar Umerov.')
    assert q.kind == "direct" and q.speaker == "Rustem Umerov"
    assert "Namun pasukan kami" in q.quote


def test_direct_pronoun_cue_resolves_to_last_person() -> None:
    body = ("Menteri Pertahanan Ukraina Rustem Umerov mengunjungi pasukan di timur.\n\n"
            "“Kami membutuhkan lebih banyak amunisi untuk bertahan,” ujarnya.")
    q = one(body)
    assert (q.speaker, q.speaker_text, q.cue) == ("Rustem Umerov", "ujarnya", "ujarnya")


def test_direct_with_cue_before() -> None:
    q = one("Zelensky mengatakan, “Kami siap berunding bila pasukan asing ditarik.”")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Volodymyr Zelensky", "mengatakan")


def test_bahwa_then_quote_is_direct() -> None:
    q = one("Umerov pada hari Kamis menyatakan bahwa “pasokan senjata tidak boleh berhenti sekarang.”")
    assert q.kind == "direct" and q.speaker == "Rustem Umerov"
    assert q.quote.startswith("pasokan senjata")


def test_indirect_with_bahwa_and_free_content() -> None:
    qs = quotes("Zelensky mengatakan bahwa pasukan Rusia menembaki pelabuhan itu semalam. "
                "Ia menegaskan bahwa pertahanan udara bekerja dengan baik.")
    assert [(q.kind, q.speaker, q.cue) for q in qs] == [
        ("indirect", "Volodymyr Zelensky", "mengatakan"), ("indirect", "Volodymyr Zelensky", "menegaskan")]
    assert qs[0].quote == "pasukan Rusia menembaki pelabuhan itu semalam"


def test_indirect_without_bahwa_after_mengatakan() -> None:
    q = one("Dalam pertemuan itu Zelensky mengatakan negaranya membutuhkan sistem pertahanan baru.")
    assert q.speaker == "Volodymyr Zelensky" and q.quote.startswith("negaranya membutuhkan")


def test_menurut_leads_the_sentence() -> None:
    q = one("Menurut pejabat Ukraina, tiga desa di perbatasan telah direbut kembali.")
    assert (q.cue, q.kind) == ("Menurut", "indirect")
    assert q.speaker == "Ukraine officials" and q.quote.startswith("tiga desa")


def test_menurut_inside_a_sentence_is_not_a_quote() -> None:
    assert quotes("Kota itu (atau Artemivsk menurut Rusia) hancur dalam pertempuran.") == []


def test_trailing_cue_makes_an_indirect_quote() -> None:
    q = one("Dua jembatan di sekitar kota telah diledakkan, kata Kemenhan Ukraina.")
    assert (q.kind, q.cue) == ("indirect", "kata")
    assert q.speaker == "Ministry of Defense of Ukraine"


def test_place_standing_for_government() -> None:
    q = one("Kyiv memperingatkan Moskow bahwa setiap serangan ke fasilitas nuklir akan dibalas.")
    assert q.speaker == "Ukraine" and q.speaker_text == "Kyiv" and q.cue == "memperingatkan"
    assert q.quote.startswith("setiap serangan")


def test_institution_coreference() -> None:
    body = ("Kementerian Luar Negeri Ukraina mengatakan bahwa dua diplomatnya dipanggil pulang.\n\n"
            "Kementerian itu juga menyatakan, perundingan hanya mungkin setelah gencatan senjata.")
    qs = quotes(body)
    assert [q.speaker for q in qs] == ["Ministry of Foreign Affairs of Ukraine"] * 2


def test_title_with_country_and_bare_title() -> None:
    body = ("Presiden Ukraina Volodymyr Zelensky bertemu wartawan asing.\n\n"
            "“Kami akan membangun kembali setiap kota yang hancur,” lanjut presiden yang juga mantan aktor itu.")
    q = one(body, entities={})
    assert q.speaker == "Volodymyr Zelensky" and q.cue == "lanjut"


def test_via_relay_source() -> None:
    q = one("“Serangan itu menargetkan gudang gandum milik warga,” kata Umerov, seperti dikutip dari AA.",
            cited={"AA": "Anadolu Agency"})
    assert q.via == "Anadolu Agency"


def test_nested_attribution_inside_a_statement() -> None:
    body = ("“Dalam pertemuan itu, presiden Ukraina menegaskan bahwa bantuan harus tiba sebelum musim dingin,” "
            "kata kantor kepresidenan dalam sebuah pernyataan.")
    qs = quotes(body, entities={"Zelensky": ("PER", "Volodymyr Zelensky")})
    kinds = sorted((q.kind, q.cue) for q in qs)
    assert kinds == [("direct", "kata"), ("indirect", "menegaskan")]
    outer = next(q for q in qs if q.kind == "direct")
    assert outer.speaker != "Volodymyr Zelensky"


def test_two_statements_in_one_sentence_are_split() -> None:
    qs = quotes("Rusia menuduh Ukraina menyerang kilang minyak di Belgorod, sementara Kyiv menyatakan bahwa "
                "pasukannya hanya menargetkan posisi militer.")
    assert [(q.speaker, q.cue) for q in qs] == [("Russia", "menuduh"), ("Ukraine", "menyatakan")]
    assert qs[0].quote.endswith("Belgorod")


def test_continuation_keeps_the_speaker() -> None:
    qs = quotes("Zelensky mengatakan pasukan asing harus ditarik, dengan catatan bahwa perundingan tetap terbuka.")
    assert [(q.speaker, q.cue) for q in qs] == [
        ("Volodymyr Zelensky", "mengatakan"), ("Volodymyr Zelensky", "dengan catatan")]


def test_no_quote_without_a_cue() -> None:
    body = ("“Perang Tanpa Akhir” menjadi judul laporan itu.\n\n"
            "Warga menyebut kota itu sebagai “benteng terakhir” di wilayah timur.\n\n"
            "“Kami lelah dengan semua ini dan ingin pulang ke rumah.”")
    assert quotes(body) == []


def test_scare_quotes_and_objects_are_not_quotes() -> None:
    body = ("Parlemen mengumumkan darurat militer di tiga provinsi. "
            "Kyiv menyatakan kesiapan untuk bekerja dengan mediator. "
            "Umerov tidak menjelaskan jumlah pasukan yang dikerahkan.")
    assert quotes(body) == []


def test_speaker_then_verb_after_the_quote_and_demikian() -> None:
    q = one("“Kami akan terus melawan sampai wilayah kami kembali,” Umerov mengatakan.")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Rustem Umerov", "mengatakan")
    q = one("“Tidak ada lagi yang bisa dinegosiasikan dengan pihak penyerang.” Demikian kata Zelensky.")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Volodymyr Zelensky", "kata")


def test_first_person_clause_inside_a_quote_is_not_a_new_quote() -> None:
    q = one("“Kami meyakini, ini adalah tugas bersama untuk memulihkan kota,” ujar Umerov.")
    assert q.speaker == "Rustem Umerov"


def test_menurutnya_and_relay_by_kepada() -> None:
    body = ("Umerov menegaskan bahwa pasokan tetap berjalan.\n\n"
            "Menurutnya, pasukan cadangan sudah disiapkan di dekat perbatasan.\n\n"
            "“Kota ini tidak akan kami serahkan begitu saja,” kata seorang komandan kepada Reuters.")
    qs = quotes(body)
    assert [(q.cue, q.speaker) for q in qs][:2] == [("menegaskan", "Rustem Umerov"), ("Menurutnya", "Rustem Umerov")]
    assert qs[2].via == "Reuters" and qs[2].speaker == "seorang komandan"
