"""Speakers who are not named: crowds, organisers, witnesses, residents, sources; people described by the
body they belong to; and three source frames without a reporting verb after the source ("Berdasarkan data X
hingga pukul …", "…, menurutnya, …", "…," demikian bunyi/pernyataan X). Every sentence here is made up."""

from __future__ import annotations

from _facts_helpers import make_article

from warta.analyze.claims import extract_claims
from warta.analyze.dates import find_dates
from warta.analyze.quotes import extract_quotes


def quotes(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.quote) for q in extract_quotes(None, make_article(body, entities))]


def speakers(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(None, make_article(body, entities))]


def test_unnamed_groups_get_an_english_description() -> None:
    assert speakers("Penyelenggara mengatakan sekitar lima ribu orang ikut dalam pawai itu.") == ["organisers"]
    assert speakers("Sejumlah massa menuntut pemerintah daerah membuka kembali pasar lama.") == ["protesters"]
    assert speakers("Para saksi mengatakan pengendara motor itu melaju ke arah selatan.") == ["witnesses"]
    assert speakers("Saksi mengatakan pengendara motor itu melaju ke arah selatan.") == ["witness"]
    assert speakers("Siswa-siswi mengatakan pagar sekolah roboh sejak pagi.") == ["students"]
    assert speakers("Sumber diplomatik mengatakan kedua menteri akan bertemu pekan depan.") == ["diplomatic sources"]
    assert speakers("Seorang sumber diplomatik mengatakan kedua menteri akan bertemu pekan depan.") == ["diplomatic source"]
    assert speakers("Warga setempat mengatakan air naik dengan cepat menjelang subuh.") == ["residents"]
    assert speakers("Pihak keluarga mengatakan korban berangkat kerja seperti biasa.") == ["family"]


def test_massa_after_a_named_group_stands_for_it() -> None:
    body = ("Ikatan Mahasiswa Tani Nusantara menggelar aksi di depan kantor bupati.\n"
            "Massa meminta pemerintah menurunkan harga pupuk bersubsidi.")
    got = speakers(body, {"Ikatan Mahasiswa Tani Nusantara": ("ORG", "Ikatan Mahasiswa Tani Nusantara")})
    assert got == ["Ikatan Mahasiswa Tani Nusantara"]


def test_description_qualified_by_the_body_or_place_it_belongs_to() -> None:
    assert speakers("Jaksa Kejari Sleman mengatakan terdakwa tidak kooperatif selama persidangan.",
                    {"Kejari Sleman": ("ORG", "Sleman District Attorney")}) == ["Sleman District Attorney prosecutor"]
    assert speakers("Warga Desa Karangjati mengatakan jembatan gantung itu sudah lama rapuh.",
                    {"Desa Karangjati": ("GPE", "Karangjati")}) == ["Karangjati residents"]


def test_a_named_member_of_a_described_group_is_the_speaker() -> None:
    body = '"Airnya datang dari hulu," ujar relawan Dimas Pratama kepada wartawan.'
    assert speakers(body) == ["Dimas Pratama"]


def test_foreign_office_takes_the_country_adjective() -> None:
    assert speakers("Kantor Jaksa Agung Italia mengatakan penyelidikan akan selesai tahun depan.") == [
        "Italian Attorney General's Office"]


def test_data_source_without_comma_and_with_the_time_it_holds_at() -> None:
    body = ("Berdasarkan data Badan Penanggulangan Bencana Daerah (BPBD) Sleman hingga pukul 17.30 WIB bencana "
            "itu terdiri dari enam banjir dan tiga tanah longsor.")
    got = quotes(body, {"Badan Penanggulangan Bencana Daerah (BPBD) Sleman": ("ORG", "BPBD Sleman")})
    assert got == [("indirect", "BPBD Sleman", "bencana itu terdiri dari enam banjir dan tiga tanah longsor")]
    art = make_article(body, {"Badan Penanggulangan Bencana Daerah (BPBD) Sleman": ("ORG", "BPBD Sleman")})
    art.quotes = extract_quotes(None, art)  # claims take their claimant from the statement around them
    claims = extract_claims(None, art)
    assert [(c.value, c.claimant) for c in claims] == [(6, "BPBD Sleman"), (3, "BPBD Sleman")]


def test_a_data_source_needs_the_time_or_a_clause() -> None:
    body = "Berdasarkan data BPBD Sleman dan laporan warga, tim menyisir sungai sejak pagi."
    assert [q.cue for q in extract_quotes(None, make_article(body))] != ["Berdasarkan data"] or \
        quotes(body)[0][2] != "dan laporan warga, tim menyisir sungai sejak pagi"


def test_inline_menurutnya_between_commas() -> None:
    body = ("Kepala dinas Rudi Santoso meninjau tanggul itu kemarin.\n"
            "Perbaikan belum bisa dimulai karena, menurutnya, anggaran darurat belum cair dari provinsi.")
    got = quotes(body)
    assert ("indirect", "Rudi Santoso", "anggaran darurat belum cair dari provinsi") in got


def test_inline_menurutnya_at_sentence_start_is_the_ordinary_lead() -> None:
    body = "Rudi Santoso meninjau tanggul itu.\nMenurutnya, anggaran darurat belum cair dari provinsi."
    assert quotes(body, {"Rudi Santoso": ("PER", "Rudi Santoso")}) == [
        ("indirect", "Rudi Santoso", "anggaran darurat belum cair dari provinsi")]


def test_demikian_pernyataan_and_bunyi_close_a_direct_quote() -> None:
    body = ('"Semua bukti yang dapat dikumpulkan harus diserahkan kepada penyidik," demikian pernyataan '
            "Kantor Jaksa Agung Italia.")
    assert quotes(body) == [("direct", "Italian Attorney General's Office",
                             "Semua bukti yang dapat dikumpulkan harus diserahkan kepada penyidik,")]
    body = '"Air bersih untuk semua, bukan untuk pabrik," demikian bunyi spanduk yang dibawa Sejumlah massa.'
    assert [q.cue for q in extract_quotes(None, make_article(body))] == ["bunyi"]


def test_a_statement_noun_still_opens_an_indirect_quote() -> None:
    body = "Pernyataan Yerevan bahwa pasukannya mundur dibantah oleh Baku."
    assert all(q.cue != "bunyi" for q in extract_quotes(None, make_article(body)))


def test_parts_of_today_are_dates() -> None:
    anchor = "2021-03-12T10:15:00+07:00"
    got = [(d.text, d.value) for d in find_dates("Rapat digelar siang ini, setelah hujan reda pagi tadi.", anchor)]
    assert got == [("siang ini", "2021-03-12"), ("pagi tadi", "2021-03-12")]


def test_a_persons_initials_in_brackets_name_them_later() -> None:
    body = ("Wakil Ketua DPRD Rahmat Budi Santoso (RBS) meninjau lokasi banjir.\n"
            '"Tanggul harus segera diperbaiki," ujar RBS.')
    assert speakers(body, {"Rahmat Budi Santoso": ("PER", "Rahmat Budi Santoso")}) == ["Rahmat Budi Santoso"]


def test_a_phrase_opening_with_a_preposition_or_ending_in_yang_is_not_a_speaker() -> None:
    body = "Dasar hukumnya jelas, dari Undang-Undang Dasar 1945 yang menegaskan Indonesia adalah negara hukum."
    assert speakers(body) == []
    body = "Petugas turun ke lokasi dan menyarankan warga itu untuk membuat laporan resmi."
    assert all(not (s or "").endswith("dan") for s in speakers(body))


def test_an_unnamed_court_takes_its_country() -> None:
    body = "Putusan pengadilan banding AS menyatakan presiden telah melampaui kewenangannya."
    assert speakers(body, {"AS": ("GPE", "United States")}) == ["Court of Appeals of United States"]


def test_new_reporting_verbs_of_decisions_and_requests() -> None:
    got = quotes("Majelis hakim memutuskan bahwa terdakwa bersalah atas pembakaran pasar.\n"
                 "Warga minta pemerintah segera membangun tanggul baru.")
    assert [(k, q) for k, _, q in got] == [("indirect", "terdakwa bersalah atas pembakaran pasar"),
                                         ("indirect", "pemerintah segera membangun tanggul baru")]


def test_dia_continues_the_subject_of_the_sentence_before() -> None:
    body = ('"Partai ketiga itu konyol," kata Bambang Wirawan kepada wartawan.\n'
            "Sutrisno Hadi berselisih dengan Bambang Wirawan soal anggaran. Dia mengatakan rencana itu akan "
            "menambah utang daerah.")
    ents = {"Bambang Wirawan": ("PER", "Bambang Wirawan"), "Sutrisno Hadi": ("PER", "Sutrisno Hadi")}
    assert speakers(body, ents) == ["Bambang Wirawan", "Sutrisno Hadi"]


def test_after_a_passive_dia_is_still_the_last_speaker() -> None:
    body = ('"Pelaku sudah kami tahan," kata Kapolres Kombes Arif Wibowo.\n'
            "Tersangka Joko Santoso ditahan di rutan. Dia menambahkan penyidik masih mencari barang bukti.")
    ents = {"Arif Wibowo": ("PER", "Arif Wibowo"), "Joko Santoso": ("PER", "Joko Santoso")}
    assert speakers(body, ents) == ["Arif Wibowo", "Arif Wibowo"]


def test_a_judge_named_in_full_then_by_title_and_first_name() -> None:
    body = ("Ketua Majelis Hakim, Rudi Hartanto menyatakan putusan belum siap dibacakan pekan ini.\n"
            '"Putusan kami tunda karena masih dimusyawarahkan," kata Hakim Rudi di PN Sleman, Selasa (9/3).')
    assert speakers(body, {"Rudi Hartanto": ("PER", "Rudi Hartanto")}) == ["Rudi Hartanto", "Rudi Hartanto"]


def test_an_office_named_with_dan_is_not_a_person() -> None:
    body = ('"Belum ada bukti ke arah sana," kata Dirjen Pelayanan dan Kepatuhan Kementerian HAM, Sinta Larasati, '
            "di Jakarta, Kamis (11/3).")
    assert speakers(body, {"Sinta Larasati": ("PER", "Sinta Larasati")}) == ["Sinta Larasati"]


def test_katanya_after_a_paragraph_opened_by_a_speech_act() -> None:
    body = ('"Putusan kami tunda," kata Hakim Rudi Hartanto di ruang sidang.\n'
            "Pengacara terdakwa, Sinta Larasati menyampaikan kekecewaannya atas penundaan ini. Terlebih, jadwal "
            "sudah dua kali berubah.\n"
            '"Kami berharap hari ini jadi hari putusan," katanya usai sidang.')
    ents = {"Rudi Hartanto": ("PER", "Rudi Hartanto"), "Sinta Larasati": ("PER", "Sinta Larasati")}
    assert speakers(body, ents)[-1] == "Sinta Larasati"


def test_katanya_after_a_narrative_paragraph_stays_with_the_speaker() -> None:
    body = ('"Pelaku sudah kami tahan," kata Kapolres Kombes Arif Wibowo.\n'
            "Joko Santoso menembak korban dua kali dari jarak dekat.\n"
            '"Motifnya masih kami dalami," katanya.')
    ents = {"Arif Wibowo": ("PER", "Arif Wibowo"), "Joko Santoso": ("PER", "Joko Santoso")}
    assert speakers(body, ents) == ["Arif Wibowo", "Arif Wibowo"]


def test_asking_for_money_is_a_transaction_not_a_statement() -> None:
    assert quotes("Pelaku kemudian meminta uang Rp 42 juta kepada korban untuk membeli emas.") == []
    assert quotes("Warga meminta pemerintah segera membangun tanggul baru di desa itu.") != []


def test_an_executive_head_named_after_the_office() -> None:
    body = ('"Jembatan darurat itu hanyut terbawa arus," kata Kalakhar BPBD Kabupaten Sleman, Sutrisno, '
            "Selasa (9/3).")
    assert speakers(body) == ["Sutrisno"]


def test_the_place_in_an_office_is_not_a_person_for_later_pronouns() -> None:
    body = ("Kepala Kepolisian Resor Sleman mengatakan para korban kini dirawat di puskesmas.\n"
            '"Dua orang masih kami cari di sungai," ujarnya kepada wartawan.')
    ents = {"Kepolisian Resor Sleman": ("ORG", "Sleman Police"), "Sleman": ("GPE", "Sleman")}
    assert speakers(body, ents) == ["Sleman Police", "Sleman Police"]


def test_an_unnamed_office_holder_of_a_place() -> None:
    body = "Wali Kota Sleman menegaskan bahwa bantuan logistik akan disalurkan ke seluruh posko mulai hari ini."
    assert speakers(body, {"Sleman": ("GPE", "Sleman")}) == ["Mayor of Sleman"]
