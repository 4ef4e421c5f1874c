from warta.clean.repair import fix_mixed_mojibake, normalize_whitespace, repair_text


def test_mixed_mojibake_beside_correct_accents_is_repaired():
    # "Çavuşoğlu" with its ş and ğ mis-decoded as cp1252, next to a correct Ç and ü
    broken = "Menlu Mevlüt Ça" + "vu\u00c5\u0178o\u00c4\u0178lu dan Presiden Erdo\u00c4\u0178an"
    assert repair_text(broken) == "Menlu Mevlüt Çavuşoğlu dan Presiden Erdoğan"


def test_correct_accented_text_is_untouched():
    text = "Café di Bakı, Şuşa dan Ağdam — «kutipan» “lengkung” ‘tunggal’ naïve Ç à"
    assert repair_text(text) == text


def test_curly_quotes_are_kept():
    assert repair_text("“Kami siap,” katanya.") == "“Kami siap,” katanya."


def test_uniform_mojibake_is_fixed_by_ftfy():
    assert repair_text("Rp 5 juta â€“ kata dia") == "Rp 5 juta – kata dia"


def test_fix_mixed_leaves_non_sequences():
    assert fix_mixed_mojibake("Ä tanpa lanjutan") == "Ä tanpa lanjutan"


def test_whitespace_lines_and_blank_runs():
    text = "Judul\u00a0 berita \r\n\r\n\r\n\r\nParagraf\u200b satu.\t\tLagi.  \n"
    assert normalize_whitespace(text) == "Judul berita\n\nParagraf satu. Lagi."


def test_empty_and_binaryish_input_never_raise():
    assert repair_text("") == ""
    assert repair_text(None) == ""
    out = repair_text("\x00\x01PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 50)
    assert isinstance(out, str)
    assert "\x00" not in out
