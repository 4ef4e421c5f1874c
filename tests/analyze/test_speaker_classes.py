"""Speaker classes that recur in crime, court and disaster news: "-nya" cues after a story about a suspect
or a victim, police units and courts standing behind "Polisi" and "majelis hakim", nicknames after
"alias", "mengaku" with a verb phrase. Every sentence here is made up."""

from __future__ import annotations

from _facts_helpers import make_article

from warta.analyze.attribution import unit_name
from warta.analyze.quotes import extract_quotes

PER = {
    "Bambang Sutrisno": ("PER", "Bambang Sutrisno"), "Bambang": ("PER", "Bambang Sutrisno"),
    "Joko": ("PER", "Joko"), "Tono": ("PER", "Tono"),
    "Dewi Lestari": ("PER", "Dewi Lestari"), "Dewi": ("PER", "Dewi Lestari"),
    "Yusuf Hamdani": ("PER", "Yusuf Hamdani"), "Yusuf": ("PER", "Yusuf Hamdani"),
    "Rina": ("PER", "Rina"),
}


def speakers(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(None, make_article(body, entities if entities is not None else PER))]


# -- "-nya" after sentences about the suspect and the victim -----------------------------------------

def test_nya_cue_goes_to_the_official_not_the_suspect_named_since() -> None:
    body = ("Kapolsek Sukamaju AKP Bambang Sutrisno, kasus ini bermula dari sengketa tanah. "
            "Saat itu tersangka Joko mendatangi rumah Tono sambil membawa parang.\n"
            '"Pelaku datang dalam keadaan marah dan langsung menyerang," jelasnya.\n'
            "Tono, kata Bambang, sempat melarikan diri. Joko kemudian kabur ke hutan.\n"
            '"Kami masih memburu pelaku bersama warga," katanya.')
    assert speakers(body) == ["Bambang Sutrisno", "Bambang Sutrisno", "Bambang Sutrisno"]


def test_nya_cue_skips_a_person_named_inside_a_sentence() -> None:
    body = ('"Laporan itu sudah kami terima pekan lalu," kata Kabid Humas Polda Jambi Kombes Yusuf Hamdani.\n'
            "Selain itu, ada saksi yang melihat mobil hitam di depan rumah Dewi.\n"
            '"Kami masih memeriksa rekaman kamera di sekitar lokasi," ujarnya.')
    assert speakers(body) == ["Yusuf Hamdani", "Yusuf Hamdani"]


def test_nya_cue_goes_to_a_witness_who_opens_the_sentence() -> None:
    body = ('"Api sudah padam sejak pagi," kata Kapolsek Sukamaju AKP Bambang Sutrisno.\n'
            "Rina, warga setempat, melihat api muncul dari dapur.\n"
            '"Saya langsung berteriak minta tolong," ujarnya.')
    assert speakers(body) == ["Bambang Sutrisno", "Rina"]


def test_nya_cue_after_a_led_team_stays_with_the_speaker() -> None:
    body = ('"Tim sudah berangkat sejak subuh," tegas Kapolres Sukamaju AKBP Bambang Sutrisno.\n'
            "Tim tersebut dipimpin oleh Ipda Dewi Lestari.\n"
            '"Perjalanan ke lokasi memakan waktu enam jam," ujarnya.')
    assert speakers(body) == ["Bambang Sutrisno", "Bambang Sutrisno"]


# -- police units and courts ------------------------------------------------------------------------

def test_unit_names_in_english() -> None:
    assert unit_name("Polres Sukamaju Barat") == "West Sukamaju Police"
    assert unit_name("Polresta Sukamaju") == "Sukamaju Police"
    assert unit_name("Pengadilan Negeri Sukamaju Selatan") == "South Sukamaju District Court"
    assert unit_name("Pengadilan Militer Tinggi II Sukamaju") == "Sukamaju High Military Court II"
    assert unit_name("Pengadilan Militer (Dilmil) II-07 Sukamaju") == "Sukamaju Military Court II-07"
    assert unit_name("Polisi") is None
    assert unit_name("Polres") is None


def test_polisi_is_the_police_unit_of_the_story() -> None:
    body = ("Polisi menyebut kedua pelaku sudah meninggalkan kota. "
            "Tim Polres Sukamaju Barat masih melakukan pengejaran di hutan.")
    assert speakers(body, {}) == ["West Sukamaju Police"]


def test_polisi_stays_without_a_unit() -> None:
    body = "Polisi menyebut kedua pelaku sudah meninggalkan kota."
    assert speakers(body, {}) == ["Polisi"]


def test_panel_speaks_for_the_court_named_with_it() -> None:
    body = ("Sidang digelar di Pengadilan Negeri Sukamaju pada Senin lalu.\n"
            "Dalam putusannya, Majelis hakim berpendapat bahwa terdakwa terbukti bersalah.\n"
            "Putusan Majelis Hakim Pengadilan Negeri Sukamaju itu dibacakan siang hari.")
    assert speakers(body, {}) == ["Sukamaju District Court"]


# -- nicknames and "mengaku" -----------------------------------------------------------------------

def test_alias_keeps_the_name_not_the_nickname() -> None:
    body = "Pedagang asal Sukamaju, Yusuf Hamdani (52) alias Pak Kumis, mengaku kehilangan seluruh dagangannya."
    ents = {"Yusuf Hamdani": ("PER", "Yusuf Hamdani"), "Pak Kumis": ("PER", "Pak Kumis")}
    assert speakers(body, ents) == ["Yusuf Hamdani"]


def test_mengaku_takes_a_verb_phrase() -> None:
    qs = extract_quotes(None, make_article("Dewi Lestari mengaku dipukul dua orang tak dikenal di pasar.", PER))
    assert [(q.speaker, q.quote) for q in qs] == [("Dewi Lestari", "dipukul dua orang tak dikenal di pasar")]


# -- claims: incident counts, a count opening a quotation, people heads -------------------------------

def _claims(body: str) -> list[tuple[object, str, str | None]]:
    from warta.analyze.claims import extract_claims
    from warta.analyze.dates import extract_dates

    art = make_article(body, PER)
    art.dates = extract_dates(None, art, art.published)
    art.quotes = extract_quotes(None, art)
    return [(c.value, c.category, c.claimant) for c in extract_claims(None, art)]


def test_incident_counts_are_claims() -> None:
    body = "Hujan deras sejak sore memicu lima banjir, tiga tanah longsor dan dua kejadian pohon tumbang."
    assert [(v, cat) for v, cat, _ in _claims(body)] == [(5, "other"), (3, "other"), (2, "other")]


def test_a_count_word_opening_a_quotation_is_a_count() -> None:
    body = '"Tiga buronan itu masih bersembunyi di hutan," kata Kapolsek Sukamaju AKP Bambang Sutrisno.'
    assert _claims(body) == [(3, "other", "Bambang Sutrisno")]


def test_a_capitalised_number_word_inside_a_sentence_is_still_a_name() -> None:
    body = "Kelompok Tujuh Pemuda menggelar pertemuan di balai desa."
    assert _claims(body) == []


def test_protest_crowds_are_people() -> None:
    body = "Menurut polisi, sekitar dua ratus pendemo berkumpul di depan gedung dewan."
    assert [(v, cat) for v, cat, _ in _claims(body)] == [(200, "other")]


# -- relative clauses: "X yang menyebut" --------------------------------------------------------------

def test_speaker_before_yang_keeps_whole_words() -> None:
    body = "Selain itu, ada keterangan saksi yang menyebut tiga orang berlari ke arah sungai."
    qs = extract_quotes(None, make_article(body, {}))
    assert [(q.speaker_text, q.cue) for q in qs] == [("keterangan saksi", "menyebut")]
