"""Speakers of Indonesian domestic news: officials with offices, ranks and names, appositions, new
reporting cues, passive and closing frames, nested subjects. Every sentence here is made up."""

from __future__ import annotations

from _facts_helpers import make_article

from warta.analyze.claims import extract_claims
from warta.analyze.quotes import extract_quotes


def rows(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.quote) for q in extract_quotes(None, make_article(body, entities))]


def speakers(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(None, make_article(body, entities))]


# -- offices, ranks and names ----------------------------------------------------------------------

def test_rank_between_office_and_name() -> None:
    body = '"Korban sudah kami evakuasi ke rumah sakit terdekat," ujar Kapolres Metro Bekasi Kombes Budi Hartono.'
    assert speakers(body) == ["Budi Hartono"]


def test_unit_head_with_rank_before_a_reporting_verb() -> None:
    body = ("Kasat Reskrim Polres Bogor AKP Teguh Santosa saat dikonfirmasi, Senin (3/3/2025), mengatakan "
            "pelaku sudah ditahan di markas.")
    assert speakers(body) == ["Teguh Santosa"]


def test_acronym_between_office_and_name() -> None:
    body = "Kepala BNPB Suharyanto dalam keterangannya menyampaikan bahwa tim gabungan masih mencari korban."
    assert rows(body) == [("indirect", "Suharyanto", "tim gabungan masih mencari korban")]


def test_office_then_name_in_commas_after_the_quote() -> None:
    body = ('"Banjir ini datang tiba-tiba sekali malam itu," kata Kepala Dinas Sosial Kota Bekasi, Rina Wulandari, '
            "saat ditemui di posko, Senin (3/3).")
    assert speakers(body) == ["Rina Wulandari"]


def test_role_with_an_institution_then_name() -> None:
    body = ('"Keluarga tidak pernah diberi kabar sama sekali," kata peneliti pada Lembaga Kajian Hukum Jakarta '
            "(LKHJ), Maria Ulfah.")
    assert speakers(body) == ["Maria Ulfah"]


def test_office_listing_its_fields_closes_with_the_name() -> None:
    body = ('"Ada tiga rumah rusak berat di desa itu menurut data kami," kata Kepala Pusat Data, Informasi, dan '
            "Komunikasi Badan Bencana Daerah Slamet Riyadi dalam keterangannya.")
    assert speakers(body) == ["Slamet Riyadi"]


def test_name_then_office_before_the_verb() -> None:
    body = "Rina Wulandari, Kepala Dinas Sosial Kota Bekasi, mengatakan bantuan sudah dikirim ke lokasi banjir."
    assert speakers(body) == ["Rina Wulandari"]


def test_menurut_office_then_name() -> None:
    body = "Menurut Kepala Sekolah SD Negeri 2 Cibadak, Siti Aminah, para siswa sudah dipulangkan lebih awal."
    assert rows(body) == [("indirect", "Siti Aminah", "para siswa sudah dipulangkan lebih awal")]


def test_name_the_linker_tied_to_someone_else_stays_as_written() -> None:
    # the recogniser found only the surname and the linker chose another person with it
    body = ('"Kami menunggu jawaban resmi dari kementerian," ujar Maria Kovacs kepada wartawan. '
            '"Ini harus dihentikan sekarang juga," tegasnya.')
    got = speakers(body, {"Kovacs": ("PER", "Peter Kovacs")})
    assert got == ["Maria Kovacs", "Maria Kovacs"]


def test_linked_full_name_is_kept() -> None:
    body = '"Kami tidak akan mundur dari perundingan ini," kata Erdogan kepada wartawan.'
    assert speakers(body, {"Erdogan": ("PER", "Recep Tayyip Erdogan")}) == ["Recep Tayyip Erdogan"]


# -- cues ------------------------------------------------------------------------------------------

def test_request_and_appeal_verbs_report_content() -> None:
    got = rows("Rudi Hartono meminta DPRD menyetujui anggaran tambahan bagi perbaikan tanggul sungai.")
    assert got == [("indirect", "Rudi Hartono",
                    "DPRD menyetujui anggaran tambahan bagi perbaikan tanggul sungai")]
    got = rows("Budi berjanji untuk memperbaiki seluruh jembatan desa tahun ini.")
    assert got == [("indirect", "Budi", "memperbaiki seluruh jembatan desa tahun ini")]
    assert speakers("Para aktivis PBB, pada Maret lalu, sempat menyerukan penghentian proyek tambang itu.") == [
        "United Nations activists"]


def test_requests_without_content_and_purposes_are_not_quotes() -> None:
    assert rows("Polisi meminta keterangan tiga orang saksi di lokasi.") == []
    assert rows("Warga itu tidak memiliki alasan untuk meminta bantuan militer dari negara lain.") == []


def test_pronoun_after_an_appeal_goes_to_its_speaker() -> None:
    body = ("Sejumlah utusan PBB sempat menyerukan penghentian proyek tambang itu. "
            "Mereka mengatakan bahwa izinnya cacat hukum.")
    assert speakers(body) == ["United Nations", "United Nations"]


def test_negated_admission_is_a_statement() -> None:
    assert rows("Andi tak memungkiri longsor itu dipicu penggundulan bukit.") == [
        ("indirect", "Andi", "longsor itu dipicu penggundulan bukit")]


def test_existential_clause_after_a_comp_verb() -> None:
    got = rows("BPBD lalu menjelaskan ada sembilan sekolah di pesisir yang ikut diliburkan.")
    assert [(k, q) for k, _, q in got] == [("indirect", "ada sembilan sekolah di pesisir yang ikut diliburkan")]
    assert "BPBD" in (got[0][1] or "")


def test_continuation_cue_after_the_quote() -> None:
    body = ('"Hujan turun tanpa henti selama dua hari," ujar Andi Pratama. '
            '"Sungai di belakang rumah langsung meluap," sambungnya.')
    assert speakers(body) == ["Andi Pratama", "Andi Pratama"]


def test_fronted_passive_cue_with_agent() -> None:
    assert rows("Disebutkan Hartono bahwa tersangka sudah ditahan di rumah tahanan polres.") == [
        ("indirect", "Hartono", "tersangka sudah ditahan di rumah tahanan polres")]


def test_demikian_report_closing_a_direct_quote() -> None:
    body = '"Semua korban sudah dibawa ke rumah sakit daerah," demikian laporan tertulis BPBD Garut Asep Sumarna.'
    assert [(k, sp) for k, sp, _ in rows(body)] == [("direct", "Garut Asep Sumarna")]
    body = '"Hukuman sudah dijalankan terhadap kedua terpidana itu," demikian dilaporkanKantor Berita Nusa, Senin (2/2).'
    assert speakers(body) == ["Kantor Berita Nusa"]


def test_kata_x_in_commas_before_the_content() -> None:
    assert rows("Kemudian, kata Budi Santoso, pembangunan jalan itu akan dimulai tahun depan.") == [
        ("indirect", "Budi Santoso", "pembangunan jalan itu akan dimulai tahun depan")]


def test_menurut_closing_the_statement() -> None:
    got = rows("Wabah itu menjangkiti hampir 500 anak, menurut kementerian kesehatan yang dibentuk pemerintah "
               "sementara, dalam rilis mingguannya.")
    assert got == [("indirect", "Ministry of Health", "Wabah itu menjangkiti hampir 500 anak")]


def test_lowercase_subject_inside_a_quote_is_not_a_new_speaker() -> None:
    body = ('"Catatan posko pagi ini menyebutkan dua nelayan meninggal di dermaga itu," kata '
            "Kepala BPBD Tanjungsari Made Sudarsana.")
    ents = {"Tanjungsari": ("GPE", "Tanjungsari Regency")}
    got = rows(body, ents)
    assert [sp for _, sp, _ in got] == ["Made Sudarsana"]
    art = make_article(body, ents)
    art.quotes = extract_quotes(None, art)
    claims = extract_claims(None, art)
    assert [(c.text, c.category, c.claimant) for c in claims] == [("dua", "killed", "Made Sudarsana")]


# -- claims ----------------------------------------------------------------------------------------

def claims(body: str) -> list[tuple[str, str]]:
    return [(c.text, c.category) for c in extract_claims(None, make_article(body))]


def test_execution_is_killing_and_hitting_buildings_destroys() -> None:
    assert claims("Rezim itu mengeksekusi 120 tahanan politik dalam satu dekade.") == [("120", "killed")]
    assert claims("Badai itu menghantam 40 kapal nelayan di teluk.") == [("40", "destroyed")]


def test_count_in_brackets_shares_the_predicate() -> None:
    assert claims("Camat menyebut tujuh keluarga (20 orang) harus mengungsi ke gedung olahraga.") == [
        ("tujuh", "displaced"), ("20", "displaced")]


def test_a_count_with_its_own_predicate_does_not_take_the_next_one() -> None:
    assert claims("Gempa membuat ratusan bangunan terdampak dan belasan nelayan mengungsi.") == [
        ("ratusan", "other"), ("belasan", "displaced")]


def test_list_items_count_what_the_head_counts() -> None:
    got = claims("Sebanyak 60 orang mengungsi ke tiga tempat, antara lain Gedung Serbaguna Melati 25 orang dan "
                 "Masjid Nurul Huda 35 orang.")
    assert got == [("60", "displaced"), ("tiga", "other"), ("25", "displaced"), ("35", "displaced")]


def test_money_is_not_a_claim() -> None:
    assert claims("Proyek itu menelan dana ratusan juta rupiah dari kas desa.") == []


# -- more frames -----------------------------------------------------------------------------------

def test_closing_cue_followed_by_the_day() -> None:
    assert rows("Korban sudah dibawa ke rumah sakit terdekat, kata Budi Santoso kepada wartawan, Senin (1/1).") == [
        ("indirect", "Budi Santoso", "Korban sudah dibawa ke rumah sakit terdekat")]
    assert speakers("Korban sudah dibawa ke rumah sakit terdekat, kata Kapolsek Cimanggis Kompol Jupriono, "
                    "Senin (1/1).") == ["Jupriono"]


def test_cue_set_off_by_commas_inside_the_statement() -> None:
    assert rows("Polisi, kata Kapolda Irjen Nanang Wibowo, masih menyelidiki penyebab ambruknya gedung itu.") == [
        ("indirect", "Nanang Wibowo", "masih menyelidiki penyebab ambruknya gedung itu")]
    body = "Dedi Kurniawan tiba di sekolah. Sekolah itu, lanjut Dedi, sudah menyiapkan pendampingan bagi siswa."
    assert speakers(body, {"Dedi Kurniawan": ("PER", "Dedi Kurniawan")}) == ["Dedi Kurniawan"]


def test_source_inside_a_statement_is_not_a_new_speaker() -> None:
    body = "Presiden Budi Santoso mengatakan, menurut informasi intelijen, jumlah korban jauh lebih tinggi."
    got = rows(body)
    assert [sp for _, sp, _ in got] == ["Budi Santoso"]


def test_hal_itu_disampaikan_names_the_speaker_of_the_quote_before() -> None:
    body = ('"Kami akan terus mengawal kasus ini sampai tuntas." Hal itu disampaikan Kapolres Bogor AKBP Rio Wahyu '
            "saat jumpa pers, Senin (2/2).")
    assert speakers(body) == ["Rio Wahyu"]


def test_hal_senada_is_an_antecedent_not_the_speaker_of_the_quote_before() -> None:
    body = ('Ahmad Fauzi menjelaskan: "Kami langsung melapor ke polsek setelah melihat korban tergeletak." '
            "Hal senada disampaikan oleh tetangga korban, Siti Rahma. Menurutnya, korban dikenal pendiam dan ramah.")
    assert speakers(body) == ["Ahmad Fauzi", "Siti Rahma"]


def test_statement_of_intent_without_bahwa() -> None:
    assert rows("Kuasa hukum sekolah, Dedi Kurniawan, menyatakan akan kooperatif dengan polisi.") == [
        ("indirect", "Dedi Kurniawan", "akan kooperatif dengan polisi")]


def test_more_categories() -> None:
    assert claims("Hingga Kamis pagi, 59 santri masih dalam pencarian tim SAR.") == [("59", "missing")]
    assert claims("Polisi mengamankan 23 orang yang diduga provokator.") == [("23", "captured")]
    assert claims("Sebanyak 120 siswa mengalami keracunan usai makan siang.") == [("120", "injured")]


def test_month_of_a_relative_year_and_vague_spans() -> None:
    from warta.analyze.dates import find_dates

    got = [(d.text, d.value) for d in find_dates("Stadion itu dibuka pada April tahun depan, bukan Maret tahun lalu.",
                                                 "2025-10-17T10:00:00+07:00")]
    assert got == [("April tahun depan", "2026-04"), ("Maret tahun lalu", "2024-03")]
    assert find_dates("Jembatan itu ambruk hampir dua tahun lalu.", "2025-10-17T10:00:00+07:00") == []
    got = [(d.text, d.value) for d in find_dates("Jembatan itu ambruk dua tahun lalu.", "2025-10-17T10:00:00+07:00")]
    assert got == [("dua tahun lalu", "2023")]


def test_bracketed_abbreviation_inside_an_office() -> None:
    body = ('"Para tersangka kami jerat dengan pasal berlapis," kata Direktur Reserse Kriminal Umum (Dirreskrimum) '
            "Polda Kota Raya Kombes Wira Satya Putra kepada wartawan.")
    assert speakers(body) == ["Wira Satya Putra"]


def test_definite_description_points_back_to_the_person() -> None:
    body = 'Budi Santoso tiba di lokasi. "Saya langsung lari keluar rumah," ujar pria berusia 45 tahun itu.'
    assert speakers(body, {"Budi Santoso": ("PER", "Budi Santoso")}) == ["Budi Santoso"]


def test_menurut_with_a_direct_quote() -> None:
    assert rows('Menurut Kepala Desa Sukamaju, Ujang Suherman, "Air datang sangat cepat sekali malam itu."') == [
        ("direct", "Ujang Suherman", "Air datang sangat cepat sekali malam itu.")]


def test_personal_pronoun_prefers_the_person_over_an_institution() -> None:
    body = ("Kapolres Bogor AKBP Rio Wahyu mengatakan pelaku sudah ditangkap. Polres juga mencatat ada tiga saksi "
            "yang diperiksa. Ia menambahkan bahwa motif pelaku masih didalami.")
    assert speakers(body) == ["Rio Wahyu", "Polres", "Rio Wahyu"]


def test_institution_spelled_out_with_its_acronym() -> None:
    body = ("Badan Gizi Nasional (BGN) menutup dapur itu. Badan Gizi Nasional menyatakan bahwa evaluasi akan "
            "dilakukan segera. BGN juga menegaskan bahwa menu akan diperiksa ulang.")
    assert speakers(body) == ["BGN", "BGN"]
    body = ("Kantor berita Nordic Press Service (NPS) melaporkan putusan itu. NPS menyebut terdakwa dihukum "
            "atas kasus penipuan.")
    assert speakers(body) == ["Nordic Press Service (NPS)"]


def test_unlinked_institution_entity_takes_its_acronym() -> None:
    from warta.model import Entity

    body = ("Badan Gizi Nasional (BGN) menutup dapur itu. Badan Gizi Nasional menyatakan bahwa evaluasi akan "
            "dilakukan segera.")
    art = make_article(body)
    pos = body.index("Badan Gizi Nasional menyatakan")
    art.entities = [Entity(text="Badan Gizi Nasional", start=pos, end=pos + 19, type="ORG", id=None, canonical=None)]
    assert [q.speaker for q in extract_quotes(None, art)] == ["BGN"]


def test_rank_before_an_apposed_name() -> None:
    body = ('"Kami akan membalas setiap serangan terhadap wilayah kami," kata juru bicara militer, Letnan Kolonel '
            "Amir Hadad, Senin (6/10).")
    assert speakers(body) == ["Amir Hadad"]


def test_short_quotation_with_its_own_cue_is_speech() -> None:
    assert rows('"Situasinya sangat mengerikan," ujar relawan Ahmed Kamal kepada wartawan.') == [
        ("direct", "Ahmed Kamal", "Situasinya sangat mengerikan,")]
    assert rows('Kawasan itu kini dijuluki "kampung paling sepi" oleh warga sekitar.') == []


def test_noun_that_looks_like_a_verb_stays_in_the_subject() -> None:
    assert speakers("Kantor berita resmi KBN melaporkan bahwa 12 tentara tewas dalam serangan itu.") == [
        "Kantor berita resmi KBN"]


def test_menurut_without_a_comma_after_the_source() -> None:
    assert rows("Soal kasus keracunan itu, menurut Budi Santoso masih dalam batas wajar.") == [
        ("indirect", "Budi Santoso", "masih dalam batas wajar")]
    assert rows("Menurut Budi Santoso para siswa sudah dipulangkan lebih awal.") == [
        ("indirect", "Budi Santoso", "para siswa sudah dipulangkan lebih awal")]


def test_verb_and_glued_credit_after_the_speaker_are_cut() -> None:
    body = '"Belum pernah ada tawaran resmi sama sekali," kata Kim Sang-woo dilansirdetikSport dalam wawancara.'
    assert speakers(body) == ["Kim Sang-woo"]


def test_an_office_the_ner_took_for_an_organisation_still_names_its_holder() -> None:
    body = ('Perdana Menteri Republik Ceko Andrej Babis menyebut kesepakatan itu sulit.\n'
            '"Keputusan ini berat bagi semua warga," lanjut PM yang juga seorang pengusaha itu.')
    ents = {"Andrej Babis": ("PER", "Andrej Babis"), "PM": ("ORG", "PM")}
    assert speakers(body, ents)[-1] == "Andrej Babis"
