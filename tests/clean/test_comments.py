from warta.clean.comments import parse_comments
from warta.clean.page import clean_text


def test_comment_section_of_a_page(fixture_text):
    cleaned = clean_text(fixture_text("scraped_blog_comments.txt"))
    assert [(c.author, c.text) for c in cleaned.comments] == [
        ("Rahmat Hidayat", "Semoga patroli ditambah terus, nelayan kita jangan sampai takut di laut sendiri"),
        ("Siti Aminah", "Pemerintah harus tegas menjaga kedaulatan laut kita."),
    ]
    assert "Semoga patroli" not in cleaned.body


def test_indonesian_time_stamps_and_replies():
    lines = ["Budi", "2 jam yang lalu", "", "Setuju sekali dengan langkah ini.", "Balas",
             "Ani Rahma", "kemarin", "Semoga cepat selesai.", "Suka"]
    out = parse_comments(lines)
    assert [(c.author, c.text) for c in out] == [("Budi", "Setuju sekali dengan langkah ini."),
                                                 ("Ani Rahma", "Semoga cepat selesai.")]


def test_without_time_stamps_each_paragraph_is_a_comment():
    out = parse_comments(["Komentar", "Terima kasih atas beritanya, sangat membantu.", "Reply"])
    assert [(c.author, c.text) for c in out] == [(None, "Terima kasih atas beritanya, sangat membantu.")]


def test_empty():
    assert parse_comments([]) == []
