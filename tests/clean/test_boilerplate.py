from warta.clean.boilerplate import Label, classify, is_caption, is_prose, is_related_headline
from warta.clean.repair import repair_text


def _layout(text):
    return classify(repair_text(text).split("\n"))


def test_sindo_like_page_keeps_article_and_drops_clutter(fixture_text):
    layout = _layout(fixture_text("scraped_sindo_like.txt"))
    body = "\n\n".join(layout.body_paragraphs)
    assert body.startswith("DEMAK - Banjir rob kembali")
    assert body.endswith("terutama saat malam hari.")
    for clutter in ("loading", "A A A", "Foto/", "Dapatkan berita", "Berita Terkait", "Tanggul Jebol",
                    "jam yang lalu", "Copyright", "(abc)", "Banjir Rob Rendam Ratusan..."):
        assert clutter not in body, clutter
    # the inline related link is cut, the sentence it followed stays
    assert "(Baca" not in body and "Pemkab Demak Siapkan" not in body
    assert "terdampak genangan." in body
    # a sentence-case subheading inside the article stays
    assert "Kondisi Pengungsian" in layout.body_paragraphs


def test_title_dateline_and_caption_are_labelled(fixture_text):
    layout = _layout(fixture_text("scraped_sindo_like.txt"))
    labels = {ln.text: ln.label for ln in layout.lines if ln.text}
    assert labels["Banjir Rob Rendam Ratusan Rumah di Pesisir Demak, Warga Mengungsi ke Masjid"] is Label.TITLE
    assert labels["Selasa, 12 Maret 2024 - 07:45 WIB"] is Label.DATELINE
    assert labels["(abc)"] is not Label.BODY


def test_related_headlines_inside_body_are_dropped_but_subheadings_stay(fixture_text):
    layout = _layout(fixture_text("scraped_blog_comments.txt"))
    body = "\n".join(layout.body_paragraphs)
    assert "Pemerintah: Kami tidak akan mundur" not in body
    assert "Nelayan meminta jaminan keamanan" in body
    assert "Sumber: Reuters" not in body
    assert "Semoga patroli" not in body  # comments never in body
    assert "Kabar Nusantara" not in body and "Thursday" not in body


def test_baca_juga_lines_and_promos_are_dropped(fixture_text):
    layout = _layout(fixture_text("scraped_kompas_like.txt"))
    body = "\n".join(layout.body_paragraphs)
    assert "Baca juga" not in body
    assert "Simak breaking news" not in body
    assert "Harga Beras Premium" not in body
    assert "Penulis" not in body and "Rina Kusumawati" not in body
    assert body.startswith("CIANJUR, KOMPAS.com - Gempa")


def test_line_shapes():
    assert is_prose("Warga yang panik berlarian keluar rumah sejak sore tadi.")
    assert not is_prose("Harga Beras Premium Naik Lagi di Pasar Induk Cipinang")
    assert is_prose('"(Bupati) Koltim," kata Wakil Ketua KPK Johanis Tanak saat dihubungi, Kamis (7/8/2025).')
    assert is_related_headline("Azerbaijan: Armenia telah aktifkan sistem rudal, akan kami hancurkan")
    assert is_related_headline("Harga Cabai Melonjak...")
    assert not is_related_headline("Cara membuat:")
    assert not is_related_headline("- Penerima bantuan: 398.714 keluarga")
    assert is_caption("Warga menyeberangi jalan. Foto/Dok. BPBD Demak")
    assert is_caption("Presiden Joko Widodo/Net")
    assert is_caption("Petugas memeriksa tanggul di Demak. (ANTARA FOTO/Aji Styawan)")
    assert not is_caption("Petugas memeriksa tanggul di Demak pada Senin pagi.")


def test_text_without_header_or_clutter_is_all_body():
    text = ("Harga beras di pasar tradisional naik dua kali dalam sebulan terakhir.\n\n"
            "Pedagang mengatakan pasokan dari daerah sentra berkurang karena panen mundur.\n\n"
            "\"Pembeli mulai mengurangi jumlah belanja,\" kata Wati, pedagang di pasar itu.")
    layout = _layout(text)
    assert len(layout.body_paragraphs) == 3


def test_degenerate_inputs():
    assert classify([]).body_paragraphs == []
    assert _layout("").body_paragraphs == []
    assert _layout("Menu\nHome\nBerita\n").body_paragraphs == []
    huge = ("Kalimat biasa yang cukup panjang untuk dianggap sebagai paragraf berita.\n\n") * 20000
    assert len(_layout(huge).body_paragraphs) == 20000
