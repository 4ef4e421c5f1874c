"""Numeric claims: values, qualifiers, categories, subjects, claimants, and what is not a claim."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _facts_helpers import make_article  # noqa: E402  (a helper module next to this test)

from warta.analyze.claims import extract_claims
from warta.analyze.dates import extract_dates
from warta.analyze.quotes import extract_quotes
from warta.model import Claim

ENTS = {
    "Ukraina": ("GPE", "Ukraine"),
    "Rusia": ("GPE", "Russia"),
    "Rustem Umerov": ("PER", "Rustem Umerov"),
    "Umerov": ("PER", "Rustem Umerov"),
}


def claims(body: str) -> list[Claim]:
    art = make_article(body, ENTS)
    art.dates = extract_dates(None, art, art.published)
    art.quotes = extract_quotes(None, art)
    out = extract_claims(None, art)
    for c in out:
        assert art.body[c.start:c.end] == c.text
    return out


def table(body: str) -> list[tuple]:
    return [(c.text, c.value, c.qualifier, c.category, c.claimant) for c in claims(body)]


def test_casualties_by_the_outlet_have_no_claimant() -> None:
    assert table("Sedikitnya 14 tentara tewas dan 30 lainnya luka-luka dalam serangan itu.") == [
        ("14", 14, "at_least", "killed", None), ("30", 30, "exact", "injured", None)]


def test_transitive_verbs_give_the_category_of_their_object() -> None:
    assert table("Serangan itu menewaskan sedikitnya 1.204 warga sipil dan melukai 2.300 lainnya.") == [
        ("1.204", 1204, "at_least", "killed", None), ("2.300", 2300, "exact", "injured", None)]


def test_claimant_from_menurut_and_from_a_quote() -> None:
    body = ("Menurut pejabat Ukraina, 310 tentara Rusia dan dua tank telah dihancurkan. "
            "Umerov mengatakan hampir 5.000 pasukan musuh dikerahkan di dekat perbatasan.")
    got = table(body)
    assert got == [
        ("310", 310, "exact", "destroyed", "Ukraine officials"),
        ("dua", 2, "exact", "destroyed", "Ukraine officials"),
        ("5.000", 5000, "approx", "deployed", "Rustem Umerov"),
    ]


def test_direct_quote_speaker_is_the_claimant() -> None:
    body = "“Kami menahan 45 tawanan dan menemukan puluhan ranjau,” kata Umerov."
    assert table(body) == [("45", 45, "exact", "captured", "Rustem Umerov"),
                           ("puluhan", 10, "at_least", "other", "Rustem Umerov")]


def test_number_words_and_vague_amounts() -> None:
    assert table("Dua belas warga hilang, ratusan keluarga mengungsi, dan seratus rumah rusak.") == [
        ("Dua belas", 12, "exact", "missing", None),
        ("ratusan", 100, "at_least", "displaced", None),
        ("seratus", 100, "exact", "destroyed", None),
    ]


def test_seorang_counts_only_as_a_casualty() -> None:
    assert table("Seorang jurnalis meninggal dunia akibat serangan drone.") == [("Seorang", 1, "exact", "killed", None)]
    assert table("Ia ditemani seorang penerjemah dan seorang sopir.") == []


def test_qualifiers() -> None:
    got = table("Lebih dari 200 orang ditangkap. Sekitar 40 orang tewas. Hingga 600 tentara dikerahkan.")
    assert [(v, q, cat) for _, v, q, cat, _ in got] == [
        (200, "at_least", "captured"), (40, "approx", "killed"), (600, "at_most", "deployed")]


def test_other_counts_are_claims_in_category_other() -> None:
    assert table("Negara itu berpenduduk 44 juta jiwa dan memiliki tujuh pangkalan udara.") == [
        ("44 juta", 44000000, "exact", "other", None), ("tujuh", 7, "exact", "other", None)]


def test_ages_years_percentages_distances_durations_are_not_claims() -> None:
    body = ("Seorang pria berusia 63 tahun itu tinggal 15 km dari garis depan sejak 2014. "
            "Sekitar 20 persen wilayah dan 35% ladang gandum rusak selama lebih dari dua tahun. "
            "Konflik itu berlangsung hampir tiga dekade, dan pada pukul 14.30 sirene berbunyi. "
            "Kamis (11/3) rapat digelar di lantai 5, menurut Pasal 51 Piagam PBB.")
    assert table(body) == []


def test_ranks_references_and_identifiers_are_not_claims() -> None:
    body = ("Ukraina menjadi mitra nomor satu, salah satu yang terbesar. Hubungan antara dua negara memburuk. "
            "Rudal S-300 dan jet Su-27 dipamerkan. Resolusi 2334 disahkan. Warga Kamal (33) selamat.")
    assert table(body) == []


def test_subject_is_the_counted_noun_phrase() -> None:
    (c,) = claims("Sebanyak 12 kendaraan lapis baja dihancurkan.")
    assert c.subject == "kendaraan lapis baja" and c.category == "destroyed"
    assert c.sentence == "Sebanyak 12 kendaraan lapis baja dihancurkan."


def test_reporter_phrase_names_the_claimant_of_a_bare_number() -> None:
    got = table("Bentrokan itu menyebabkan puluhan—laporan lain menyebut ratusan—orang tewas.")
    assert got == [("puluhan", 10, "at_least", "killed", None), ("ratusan", 100, "at_least", "killed", "other reports")]


def test_personnel_counted_without_a_predicate_are_deployed_and_damage_is_destroyed() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Sebanyak 1.250 personel pengamanan disiagakan di sekitar stadion.\n"
                       "Banjir itu membuat ratusan rumah mengalami kerusakan.")
    got = [(c.value, c.category) for c in extract_claims(None, art)]
    assert (1250, "deployed") in got
    assert (100, "destroyed") in got


def test_an_outlet_relayed_in_the_sentence_is_the_claimant_when_nobody_else_is() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Dari sembilan hakim, seperti dilansir Reuters, Sabtu (30/8/2025), lima hakim menolak gugatan itu.",
                       {"Reuters": ("ORG", "Reuters")})
    got = {(c.value, c.claimant) for c in extract_claims(None, art)}
    assert (5, "Reuters") in got


def test_sting_arrests_stabbings_and_deployments_by_their_verbs() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Tiga anggota polisi terjaring OTT di jalan tol.\n"
                       "Polisi menerjunkan 40 penyidik untuk mengusut kasus itu.\n"
                       "Empat pemuda dibacok orang tak dikenal di depan warung.")
    got = [(c.value, c.category) for c in extract_claims(None, art)]
    assert got == [(3, "captured"), (40, "deployed"), (4, "injured")]


def test_a_name_set_off_by_commas_does_not_cut_the_count_from_its_predicate() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Seorang siswa SMP di Klaten, RDP, diduga tewas akibat perundungan.\n"
                       "Penembak tiga anggota Polres Bantul, Yogyakarta, hingga tewas itu dihukum mati.")
    assert [(c.value, c.category) for c in extract_claims(None, art)] == [(1, "killed"), (3, "killed")]


def test_washed_away_bridges_are_destroyed_and_people_missing() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Dua jembatan hanyut terbawa banjir.\nTiga warga hanyut saat menyeberangi sungai.")
    assert [(c.value, c.category) for c in extract_claims(None, art)] == [(2, "destroyed"), (3, "missing")]


def test_pupils_rushed_to_a_clinic_with_stomach_aches_are_injured() -> None:
    from _facts_helpers import make_article

    from warta.analyze.claims import extract_claims

    art = make_article("Puluhan siswa SMPN 3 Sleman dilarikan ke puskesmas setelah makan siang di sekolah.\n"
                       "Kepala sekolah mengatakan belasan anak mengeluhkan sakit perut secara bersamaan.")
    assert [(c.value, c.category) for c in extract_claims(None, art)] == [(10, "injured"), (11, "injured")]


def test_the_items_of_a_list_share_the_verb_that_heads_it() -> None:
    got = [(c.value, c.category) for c in claims(
        "Dinas PU mengerahkan 3 ekskavator, 2 buldoser, dan 5 truk ke lokasi longsor.\n"
        "Pemkab akan mengirimkan relawan mencakup empat perawat dan dua bidan ke desa itu.\n"
        "Mobilisasi bantuan dilakukan dari gudang Kota Baru, berupa 6 unit tangki air dan 8 unit tenda.")]
    assert got == [(3, "deployed"), (2, "deployed"), (5, "deployed"), (4, "deployed"), (2, "deployed"),
                   (6, "deployed"), (8, "deployed")]


def test_a_list_item_with_its_own_predicate_keeps_it() -> None:
    got = [(c.value, c.category) for c in claims(
        "Longsor itu menewaskan 4 orang, 9 rumah rusak berat.\n"
        "Barang bukti mencapai 120 botol, terdiri dari 70 botol anggur dan 50 botol tuak.")]
    assert got == [(4, "killed"), (9, "destroyed"), (120, "other"), (70, "other"), (50, "other")]


def test_a_denied_predicate_does_not_categorise_the_count() -> None:
    got = [(c.value, c.category) for c in claims(
        "Enam orang ditahan polisi, sementara 3 orang belum ditahan karena sakit.")]
    assert got == [(6, "captured"), (3, "other")]


def test_satu_is_a_numeral_while_seorang_is_an_article() -> None:
    got = [(c.text, c.category) for c in claims(
        "Satu tersangka masih buron, sementara satu pelaku lain tertangkap di Medan.\n"
        "Seorang warga mengatakan jalan itu rawan.\n"
        "Polisi tidak menemukan satu pun senjata, dan satu pihak menolak diperiksa.")]
    assert got == [("Satu", "other"), ("satu", "captured")]


def test_a_unit_number_in_a_name_is_not_a_count_and_an_acronym_in_brackets_does_not_end_the_clause() -> None:
    got = [(c.value, c.category) for c in claims(
        "Detasemen Khusus (Densus) 88 menangkap lima orang di Solo.\n"
        "Tiga anggota Organisasi Kemasyarakatan (Ormas) yang terjaring OTT diperiksa.")]
    assert got == [(5, "captured"), (3, "captured")]
