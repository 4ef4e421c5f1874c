"""Error classes found on blind passages, each checked with made-up sentences: which numbers count
people or things (and which count abstract items, law articles or relatives), nicknames in brackets,
offices held in an institution, plural pronouns for groups, "-nya" cues after a group's reported speech,
law identifiers and counted spans among the dates. Every sentence here is made up."""

from __future__ import annotations

from _facts_helpers import make_article

from warta.analyze.claims import extract_claims, head_kind
from warta.analyze.dates import find_dates
from warta.analyze.quotes import extract_quotes


def claims(body: str) -> list[tuple[str, str]]:
    return [(c.text, c.category) for c in extract_claims(None, make_article(body))]


def speakers(body: str, entities: dict[str, tuple[str, str]] | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(None, make_article(body, entities))]


def dates(body: str, published: str = "2024-05-08T09:00:00+07:00") -> list[tuple[str, str]]:
    return [(body[d.start:d.end], d.value) for d in find_dates(body, published)]


# -- claims: what is counted ---------------------------------------------------------------------------

def test_head_noun_kinds() -> None:
    assert head_kind("warga desa") == "person"
    assert head_kind("barang bukti") == "thing"
    assert head_kind("tuntutan mahasiswa") == "abstract"
    assert head_kind("ahli waris korban") == "relative"
    assert head_kind("program kerja") == "abstract"
    assert head_kind(None) is None


def test_counts_of_abstract_items_are_not_claims() -> None:
    body = ("Gubernur menyampaikan lima prioritas pembangunan dan tiga program bantuan. "
            "Para buruh membawa sepuluh tuntutan ke gedung dewan.")
    assert claims(body) == []


def test_law_articles_are_not_claims_even_when_glued() -> None:
    body = "Pelaku dijerat Pasal 340junctoPasal 55 KUHP serta Pasal 12 ayat 4 UU Perlindungan Anak."
    assert claims(body) == []


def test_counts_of_concrete_things_are_claims_and_abstract_ones_are_not() -> None:
    # the rule: every count is a claim except ages, years, percentages, distances, durations (and
    # identifiers, money, abstract nouns); a count of things nobody named a category for is "other"
    assert claims("Panitia menyiapkan 40 kursi lipat dan 12 meja panjang.") == [("40", "other"), ("12", "other")]
    assert claims("Petugas menyita 15 unit sepeda motor dari gudang itu.") == [("15", "other")]
    assert claims("Ada dua partai politik yang dominan dan tiga tuntutan utama.") == []
    assert claims("Air setinggi 30 sentimeter merendam jalan itu, kata petugas di nomor 0852 6692 4247.") == []


def test_relatives_of_victims_are_other() -> None:
    body = ("Pemda memberikan santunan kepada 14 ahli waris korban meninggal. "
            "Bantuan juga diberikan kepada 9 keluarga korban luka-luka.")
    assert claims(body) == [("14", "other"), ("9", "other")]


def test_a_part_of_a_count_before_is_a_claim() -> None:
    body = "Korban tewas banjir bandang itu mencapai 41 jiwa. Sebanyak 17 di antaranya sudah dimakamkan."
    assert claims(body) == [("41", "killed"), ("17", "other")]


def test_care_and_poisoning_in_the_sentence_make_people_injured() -> None:
    body = ("Jumlah murid yang diduga keracunan nasi kotak (MBG) bertambah menjadi 57 orang. "
            "Dari total 57 murid itu, yang dirawat di RSUD Kota 30 orang.")
    assert claims(body) == [("57", "injured"), ("57", "injured"), ("30", "injured")]


def test_facilities_where_people_are_treated_are_not_claims() -> None:
    assert claims("Sebagian pasien masih dirawat di dua klinik setempat.") == []


def test_a_definite_count_of_people_is_still_a_claim() -> None:
    assert claims("Puluhan nelayan itu sempat disekap di sebuah kapal.") == [("Puluhan", "captured")]


def test_coordinated_people_share_the_predicate_before() -> None:
    body = "Aparat menembak mati 4 orang terkait perampokan dan 3 orang lainnya terkait penculikan."
    assert claims(body) == [("4", "killed"), ("3", "killed")]


def test_a_second_count_with_its_own_state_keeps_it() -> None:
    body = "Laporan itu menyebutkan tiga warga meninggal dan 60 KK terdampak di kecamatan itu."
    assert [(t.split()[0], c) for t, c in claims(body)] == [("tiga", "killed"), ("60", "other")]


# -- speakers -------------------------------------------------------------------------------------------

def test_nickname_in_brackets_names_the_full_name() -> None:
    body = ("Wali Kota Surakarta, Hendra Wirawan (Mas Hendra) meninjau lokasi kebakaran. "
            '"Kami siapkan hunian sementara untuk warga," kata Mas Hendra.')
    got = speakers(body, {"Hendra Wirawan": ("PER", "Hendra Wirawan"), "Mas Hendra": ("PER", "Mas Hendra")})
    assert got == ["Hendra Wirawan"]


def test_office_inside_an_institution_is_held_by_the_name_that_closes_it() -> None:
    body = ("Ketua Divisi Advokasi LBH Makassar Rudi Salampessy mengatakan mereka akan mendampingi para "
            "nelayan.")
    got = speakers(body, {"LBH Makassar": ("ORG", "Lembaga Bantuan Hukum Makassar")})
    assert got == ["Rudi Salampessy"]


def test_name_after_an_office_and_a_comma_before_a_relay_credit() -> None:
    body = ('"Semua korban sudah kami data," kata Kepala Dinas Sosial (Dinsos) Kota Ambon, Yohana Latupeirissa '
            "dilansir detikSulsel, Rabu (8/5/2024).")
    assert speakers(body) == ["Yohana Latupeirissa"]


def test_plural_pronoun_names_the_group_not_its_spokesperson() -> None:
    body = ("Massa dari Serikat Petani Rakyat (SPR) berunjuk rasa di depan kantor bupati. "
            "Ketua SPR Darman Sitompul mengatakan aksi itu digelar damai. "
            '"Kami hanya ingin didengar," ujarnya. '
            "Mereka mendesak bupati mencabut izin tambang.")
    got = speakers(body, {"Serikat Petani Rakyat": ("ORG", "Serikat Petani Rakyat"), "SPR": ("ORG", "SPR"),
                          "Darman Sitompul": ("PER", "Darman Sitompul")})
    assert got[0] == "Darman Sitompul" and got[1] == "Darman Sitompul"
    assert got[2] in ("Serikat Petani Rakyat", "SPR")


def test_nya_cue_after_a_groups_reported_speech_goes_back_to_the_quoted_person() -> None:
    body = ('"Kami menolak tambang itu," kata Darman Sitompul. '
            "Mereka juga meminta DPRD memanggil perusahaan. "
            '"Sawah kami sudah rusak," tegasnya.')
    got = speakers(body, {"Darman Sitompul": ("PER", "Darman Sitompul"), "DPRD": ("ORG", "DPRD")})
    assert got[0] == "Darman Sitompul" and got[-1] == "Darman Sitompul"


def test_an_acronym_read_as_a_person_is_an_institution() -> None:
    body = "BEM UNPAD mengatakan aksi akan berlanjut pekan depan."
    assert speakers(body, {"BEM UNPAD": ("PER", "BEM UNPAD")}) == ["BEM UNPAD"]


# -- dates ----------------------------------------------------------------------------------------------

def test_years_inside_law_identifiers_are_not_dates() -> None:
    body = ("Ia dijerat Undang-Undang Nomor 35 Tahun 2014 tentang Perlindungan Anak dan PP No. 7 Tahun 2019. "
            "Kasus itu dilaporkan pada 2023.")
    assert dates(body) == [("2023", "2023")]


def test_hari_itu_after_a_count_is_a_span_not_a_day() -> None:
    body = "Korban dikurung selama 4 hari. Selama empat hari itu ia tidak diberi makan."
    assert dates(body) == []


def test_counted_nouns_that_look_like_verbs_are_still_subjects() -> None:
    body = "Polisi menetapkan 12 tersangka dan menangkap 3 terduga pelaku. Sebanyak 5 terdakwa divonis."
    assert claims(body) == [("12", "other"), ("3", "captured"), ("5", "other")]


def test_things_cannot_be_killed_or_captured() -> None:
    body = "Ratusan polisi dikerahkan untuk mengamankan 45 gereja. Ada satu barang bukti yang disita."
    assert claims(body) == [("Ratusan", "deployed"), ("45", "other"), ("satu", "other")]


def test_places_count_only_when_something_happens_there() -> None:
    assert claims("Program beasiswa itu kini berjalan di 34 provinsi.") == []
    assert claims("Banjir bandang melanda tiga kecamatan di kabupaten itu.") == [("tiga", "other")]


def test_bare_numbers_and_fractions_are_not_claims() -> None:
    body = ("Kementerian itu meraih skor 3,42 dalam survei. Penyaluran tahap dua dimulai pada triwulan empat. "
            "Negeri itu berpenduduk 12 juta.")
    assert claims(body) == [("12 juta", "other")]


def test_habitual_weekdays_and_law_acronyms_are_not_dates() -> None:
    body = ("Setiap hari Jumat petugas berpatroli. Aturan itu diatur dalam PMK 81 Tahun 2023 dan Perpres 12 "
            "tahun 2021. Pemeriksaan digelar Senin (6/5).")
    assert dates(body) == [("Senin (6/5)", "2024-05-06")]


def test_the_object_of_a_verb_is_not_who_speaks_next() -> None:
    body = ('"Pemeriksaan masih berjalan," ujar juru bicara KPK Rudi Hartono. '
            "Hari ini KPK memeriksa Joko Santoso di gedung KPK. "
            '"Saksi didalami soal pengadaan alat," tuturnya.')
    got = speakers(body, {"Rudi Hartono": ("PER", "Rudi Hartono"), "Joko Santoso": ("PER", "Joko Santoso"),
                          "KPK": ("ORG", "KPK")})
    assert got == ["Rudi Hartono", "Rudi Hartono"]


def test_a_person_named_in_reported_speech_is_not_its_voice() -> None:
    body = ("Pengamat politik Sari Wulandari mengatakan Bupati Anton Wijaya perlu mengevaluasi program itu. "
            '"Anggarannya terlalu besar untuk hasil sekecil itu," kata dia.')
    got = speakers(body, {"Sari Wulandari": ("PER", "Sari Wulandari"), "Anton Wijaya": ("PER", "Anton Wijaya")})
    assert got == ["Sari Wulandari", "Sari Wulandari"]


def test_a_predicate_of_the_first_count_is_not_shared_across_dan() -> None:
    body = "Seorang tahanan tewas dikeroyok teman sekamar dan 4 anggota ormas terjaring razia."
    assert claims(body) == [("Seorang", "killed"), ("4", "captured")]
