from warta.clean.html import clean_title
from warta.clean.page import clean_page, looks_like_html
from warta.model import Source


def test_html_page(fixture_text):
    cleaned = clean_page(Source(id="h", html=fixture_text("page_detik_like.html")))
    assert cleaned.title == "Pemprov Jateng Salurkan Bantuan Air Bersih ke 40 Desa"
    assert cleaned.published == "2023-09-04T10:25:00+07:00"
    assert cleaned.authors == ["Andi Prasetyo"]
    assert cleaned.outlet == "detik.com"
    assert cleaned.language == "id"
    assert cleaned.body.startswith("Semarang - Pemerintah Provinsi Jawa Tengah")
    assert cleaned.body.endswith("agar pengiriman bisa diatur lebih cepat.")
    for clutter in ("Baca juga", "(apl/ega)", "Home", "Copyright", "Pedoman", "Terima kasih pak gubernur"):
        assert clutter not in cleaned.body, clutter
    assert "\n\n" in cleaned.body  # paragraphs separated by a blank line
    assert [c.text for c in cleaned.comments] == ["Terima kasih pak gubernur, desa kami sudah dapat kiriman air."]


def test_hints_win(fixture_text):
    cleaned = clean_page(Source(id="h", html=fixture_text("page_detik_like.html"), url="https://www.example.co.id/a",
                                published="2023-09-05T08:00:00+07:00", title="Judul dari umpan", outlet="contoh"))
    assert cleaned.title == "Judul dari umpan"
    assert cleaned.published == "2023-09-05T08:00:00+07:00"
    assert cleaned.outlet == "contoh"
    assert cleaned.url == "https://www.example.co.id/a"


def test_html_given_as_text_is_detected(fixture_text):
    html = fixture_text("page_detik_like.html")
    assert looks_like_html(html)
    assert clean_page(Source(id="h", text=html)).title == "Pemprov Jateng Salurkan Bantuan Air Bersih ke 40 Desa"


def test_broken_and_empty_html_do_not_raise():
    for html in ("", "<html><body><p>Hanya", "<<<>>>", "\x00\x01\x02"):
        cleaned = clean_page(Source(id="b", html=html))
        assert isinstance(cleaned.body, str)


def test_site_names_are_cut_from_titles():
    assert clean_title("Gempa Guncang Cianjur - Kompas.com", outlet="kompas.com") == "Gempa Guncang Cianjur"
    assert clean_title("Portal.com: Musik - Konser Amal Digelar di Solo") == "Konser Amal Digelar di Solo"
    assert clean_title("FOTO: Banjir di Demak | Republika Online", outlet="republika.co.id") == "FOTO: Banjir di Demak"
    assert clean_title("Jakarta Bisa Belajar dari Finlandia: Menteri") == "Jakarta Bisa Belajar dari Finlandia: Menteri"
