from warta.clean.language import detect_language
from warta.clean.page import clean_page
from warta.model import Source

ID = ("Pemerintah daerah menyiapkan posko pengungsian bagi warga yang rumahnya terendam banjir. "
      "Bantuan makanan dan obat-obatan sudah dikirim sejak kemarin sore, kata kepala dinas sosial.")
EN = ("The regional government prepared evacuation shelters for residents whose houses were flooded. "
      "Food and medicine have been sent since yesterday afternoon, the head of the social agency said.")
MS = ("Kerajaan negeri akan melaksanakan dasar baharu bagi membantu rakyat yang terjejas akibat banjir "
      "dan kenyataan itu dikeluarkan oleh pejabat menteri besar pada petang semalam.")


def test_indonesian():
    assert detect_language(ID) == "id"


def test_english_is_flagged():
    assert detect_language(EN) == "en"


def test_malay_is_close_to_indonesian():
    assert detect_language(MS) in {"id", "ms"}


def test_short_and_empty_text():
    assert detect_language("Selamat pagi") == "id"
    assert detect_language("") is None
    assert detect_language("   ") is None


def test_other_language_is_stored_not_analysed():
    cleaned = clean_page(Source(id="en", text=EN))
    assert cleaned.language == "en"
    assert cleaned.body  # kept, flagged
