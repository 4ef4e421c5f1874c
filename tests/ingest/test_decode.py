"""Bytes to text: encodings, byte-order marks, normalisation, and refusing what is not text."""

from __future__ import annotations

import codecs
import io
import unicodedata

import pytest

from warta.errors import InputError
from warta.ingest.decode import (
    binary_kind,
    check_size,
    content_type_charset,
    decode_bytes,
    html_declared_charset,
    read_capped,
)

INDONESIAN = "Menteri Luar Negeri Prancis Jean-Yves Le Drian bertemu mitranya di Jakarta, Kamis (13/8)."
ACCENTED = "Menteri Luar Negeri Prancis, Jean-Yves Le Drian, menyebut pertemuan di café dekat Champs-Élysées « très utile »."


def test_utf8_passes_through():
    assert decode_bytes(INDONESIAN.encode("utf-8"), "a.txt") == INDONESIAN


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_and_windows1252_decode_correctly(encoding):
    # charset detectors guess Baltic or Central European code pages for mostly-ASCII text; we must not.
    assert decode_bytes(ACCENTED.encode(encoding), "a.txt") == ACCENTED


def test_windows1252_curly_quotes():
    text = "“Kami tidak akan mundur,” katanya — tegas."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == text


def test_non_latin_legacy_encoding_is_detected():
    text = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе. " * 5
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_stray_latin1_byte_in_utf8_is_recovered():
    data = b"Pertemuan di Paris berjalan lancar, kata pejabat." + " Café".encode("latin-1")
    assert decode_bytes(data, "a.txt").endswith(" Café")


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_bom_is_honoured_and_removed(bom, encoding):
    assert decode_bytes(bom + ACCENTED.encode(encoding), "a.txt") == ACCENTED


def test_utf16_without_bom():
    assert decode_bytes(INDONESIAN.encode("utf-16-le"), "a.txt") == INDONESIAN


def test_nfc_and_line_endings():
    decomposed = unicodedata.normalize("NFD", "Café\r\nBaris dua\rBaris tiga")
    assert decode_bytes(decomposed.encode(), "a.txt") == "Café\nBaris dua\nBaris tiga"


def test_declared_charset_used_when_not_utf8():
    text = "Приднестровье " * 3
    assert decode_bytes(text.encode("koi8-r"), "a.html", declared="koi8-r") == text


def test_wrong_utf8_declaration_falls_back_to_detection():
    assert decode_bytes(ACCENTED.encode("latin-1"), "a.html", declared="utf-8") == ACCENTED


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00", "GIF image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
    (b"PK\x03\x04\x14\x00", "ZIP archive"),
])
def test_binary_formats_are_named(data, kind):
    assert binary_kind(data) == kind
    with pytest.raises(InputError) as e:
        decode_bytes(data, "foto.bin")
    assert e.value.name == "foto.bin"
    assert e.value.reason == f"binary file ({kind}), not text"


def test_nul_bytes_and_control_characters_are_binary():
    with pytest.raises(InputError, match="NUL bytes"):
        decode_bytes(b"teks\x00biner" * 10, "x")
    with pytest.raises(InputError, match="control characters"):
        decode_bytes(bytes(range(1, 9)) * 50, "x")


def test_text_with_a_few_control_characters_is_text():
    assert decode_bytes(b"Judul\x0c\nIsi berita yang panjang sekali.\x1a", "x").startswith("Judul")


def test_empty_and_whitespace():
    with pytest.raises(InputError, match="^x: empty file$"):
        decode_bytes(b"", "x")
    with pytest.raises(InputError, match="empty file"):
        decode_bytes(b" \n\t\r\n ", "x")


def test_size_cap_message():
    with pytest.raises(InputError) as e:
        check_size("besar.txt", 50 * 2**20)
    assert e.value.reason == "file is 50.0 MB, over the 20 MB limit"
    with pytest.raises(InputError, match="file is 2.0 KB, over the 1 KB limit"):
        decode_bytes(b"x" * 2048, "x", max_bytes=1024)


def test_read_capped_stops_at_the_cap():
    stream = io.BytesIO(b"a" * 101)
    with pytest.raises(InputError, match="over the"):
        read_capped(stream, "-", max_bytes=100)
    assert stream.tell() == 101  # read cap + 1, never the whole stream


def test_charset_hints():
    assert html_declared_charset(b'<html><head><meta charset="windows-1252">') == "windows-1252"
    assert html_declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "ISO-8859-1"
    assert html_declared_charset(b"<html><body>tanpa</body>") is None
    assert content_type_charset("text/html; charset=UTF-8") == "UTF-8"
    assert content_type_charset("text/html") is None
