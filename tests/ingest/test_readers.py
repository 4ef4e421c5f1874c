"""Readers per format and the dispatcher that picks them: ids, names, URLs, order, and bad records."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.errors import InputError
from warta.ingest.dispatch import iter_sources
from warta.ingest.jsonl import content_id, normalize_published
from warta.model import Source

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def read(*inputs: str, **kw) -> list[Source | InputError]:
    return list(iter_sources(list(inputs), **kw))


def sources(items):
    return [x for x in items if isinstance(x, Source)]


def errors(items):
    return [x for x in items if isinstance(x, InputError)]


# -- text and HTML -----------------------------------------------------------------------------------

def test_text_file():
    [src] = read(str(FIX / "banjir_garut.txt"))
    assert isinstance(src, Source)
    assert src.id == "banjir_garut"
    assert src.name == str(FIX / "banjir_garut.txt")
    assert src.html is None and src.url is None
    assert "Jumat, 14 Agustus 2020, 15:52 WIB" in src.text
    assert "Baca juga:" in src.text  # clutter is cleaning's business, not the reader's


def test_html_file_keeps_markup():
    [src] = read(str(FIX / "halaman_berita.html"))
    assert src.id == "halaman_berita"
    assert src.text is None
    assert src.html.startswith("<!DOCTYPE html>")
    assert "Pasar Induk Beras Cipinang" in src.html


def test_html_meta_charset_decodes_legacy_page(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><p>Déjà vu di Paris.</p></body></html>'
    p = tmp_path / "lama.htm"
    p.write_bytes(page.encode("latin-1"))
    [src] = read(str(p))
    assert "Déjà vu" in src.html


def test_gzipped_text_and_html(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Isi berita dalam gzip."))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Halaman</p></body></html>"))
    a, b = read(str(tmp_path / "a.txt.gz"), str(tmp_path / "b.html.gz"))
    assert (a.id, a.text) == ("a", "Isi berita dalam gzip.")
    assert b.id == "b" and b.html.startswith("<html>")


def test_truncated_plain_gzip_is_an_error(tmp_path):
    data = gzip.compress(("Berita panjang. " * 2000).encode())
    p = tmp_path / "potong.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    [err] = read(str(p))
    assert isinstance(err, InputError)
    assert err.name == str(p)
    assert "truncated gzip" in err.reason


def test_corrupt_gzip_is_an_error(tmp_path):
    p = tmp_path / "bukan.txt.gz"
    p.write_bytes(b"ini bukan gzip sama sekali")
    [err] = read(str(p))
    assert isinstance(err, InputError) and "gzip" in err.reason


# -- JSONL -------------------------------------------------------------------------------------------

def test_jsonl_keeps_ids_order_and_metadata():
    items = read(str(FIX / "berita.jsonl"))
    assert [s.id for s in items] == ["kb-003", "kb-001", "kb-002"]
    first, second, third = items
    assert first.url == "https://kabardaerah.example.id/read/2020/08/20/pelabuhan-sorong"
    assert first.published == "2020-08-20T08:30:00+09:00"
    assert first.outlet == "kabardaerah.example.id"
    assert first.name == f"{FIX / 'berita.jsonl'}:1"
    assert second.html and second.text is None
    assert third.title == "Nelayan Natuna Keluhkan Kapal Asing di Perairan Utara"


def test_jsonl_bad_lines_are_errors_and_the_rest_goes_on():
    path = str(FIX / "campur.jsonl")
    items = read(path)
    good = sources(items)
    assert [s.id for s in good][0] == "ok-1"
    assert good[-1].id == "ok-8"
    no_id = good[1]
    assert no_id.id == content_id(no_id.text) and len(no_id.id) == 16
    bad = {e.name: e.reason for e in errors(items)}
    assert set(bad) == {f"{path}:2", f"{path}:3", f"{path}:5", f"{path}:7"}
    assert bad[f"{path}:2"].startswith("invalid JSON")
    assert bad[f"{path}:3"] == 'record has no "text" or "html"'
    assert bad[f"{path}:5"] == "record is a JSON list, not an object"
    assert "not an ISO 8601 date" in bad[f"{path}:7"]
    # errors come in file order, interleaved with the good records
    assert [x.name.rsplit(":", 1)[1] for x in items] == ["1", "2", "3", "5", "6", "7", "8"]


def test_jsonl_missing_id_is_stable_across_runs():
    a = sources(read(str(FIX / "campur.jsonl")))[1].id
    b = sources(read(str(FIX / "campur.jsonl")))[1].id
    assert a == b


def test_jsonl_bad_field_types(tmp_path):
    p = tmp_path / "x.ndjson"
    p.write_text("\n".join([
        json.dumps({"id": 7, "text": "angka sebagai id"}),
        json.dumps({"id": ["a"], "text": "x"}),
        json.dumps({"id": "u", "text": "x", "url": 5}),
        json.dumps({"id": "e", "text": "   "}),
    ]) + "\n")
    items = read(str(p))
    assert isinstance(items[0], Source) and items[0].id == "7"
    assert '"id" must be a string or a number' in items[1].reason
    assert '"url" must be a string' in items[2].reason
    assert 'no "text" or "html"' in items[3].reason


def test_jsonl_gz_truncated_yields_records_then_error(tmp_path):
    lines = "".join(json.dumps({"id": f"r{i}", "text": f"Berita nomor {i}. " * 50}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    p = tmp_path / "arsip.jsonl.gz"
    p.write_bytes(data[: int(len(data) * 0.6)])
    items = read(str(p))
    good, bad = sources(items), errors(items)
    assert 0 < len(good) < 200
    assert [s.id for s in good] == [f"r{i}" for i in range(len(good))]
    assert len(bad) == 1 and "truncated or corrupt file" in bad[0].reason and bad[0] is items[-1]


@pytest.mark.parametrize("value,expected", [
    ("2020", "2020"), ("2020-07", "2020-07"), ("2020-07-13", "2020-07-13"),
    ("2020-08-14T15:52:00+07:00", "2020-08-14T15:52:00+07:00"),
    ("2020-08-14 15:52+07:00", "2020-08-14T15:52:00+07:00"),
    ("2020-08-14T08:52:00Z", "2020-08-14T08:52:00+00:00"),
])
def test_normalize_published(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize("value", ["14/08/2020", "Jumat, 14 Agustus 2020", "2020-13", ""])
def test_normalize_published_refuses(value):
    with pytest.raises(ValueError):
        normalize_published(value)


# -- WARC --------------------------------------------------------------------------------------------

def _page(i: int) -> bytes:
    return (f"<html><head><title>Berita {i}</title></head><body><article><p>Paragraf pertama berita "
            f"nomor {i} tentang banjir di Kabupaten Bandung.</p>" + "<p>Isi lanjutan.</p>" * 40
            + "</article></body></html>").encode()


def build_warc(gz: bool) -> bytes:
    """A small crawl: warcinfo, a request, three HTML responses, an image, a redirect, a 404."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("uji.warc", {"software": "pytest", "format": "WARC File Format 1.1"}))

    def response(url: str, status: str, ctype: str, body: bytes, extra=()) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    req = StatusAndHeaders("GET /berita/0 HTTP/1.1", [("Host", "contoh.example.id")], is_http_request=True)
    w.write_record(w.create_warc_record("https://contoh.example.id/berita/0", "request", http_headers=req))
    response("https://contoh.example.id/berita/0", "200 OK", "text/html; charset=utf-8", _page(0))
    response("https://contoh.example.id/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00")
    response("https://contoh.example.id/berita/1", "200 OK", "text/html", _page(1))
    response("https://contoh.example.id/lama", "301 Moved Permanently", "text/html", b"",
             [("Location", "https://contoh.example.id/berita/1")])
    response("https://contoh.example.id/hilang", "404 Not Found", "text/html", b"<p>tidak ada</p>")
    latin = "<html><body><p>Café de Flore, Paris: pertemuan dua menteri.</p></body></html>".encode("latin-1")
    response("https://contoh.example.id/berita/2", "200 OK", "text/html; charset=ISO-8859-1", latin)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_only(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(build_warc(gz))
    items = read(str(p))
    assert all(isinstance(x, Source) for x in items)
    assert [s.url for s in items] == [f"https://contoh.example.id/berita/{i}" for i in range(3)]
    assert [s.name for s in items] == [f"{p}#record-3", f"{p}#record-5", f"{p}#record-8"]
    assert "Berita 0" in items[0].html
    assert "Café de Flore" in items[2].html  # the HTTP header's charset is used
    assert all(s.published is None for s in items)  # WARC-Date is crawl time, never publication
    assert len({s.id for s in items}) == 3


def test_truncated_warc_gz_yields_what_was_read_then_error(tmp_path):
    data = build_warc(gz=True)
    p = tmp_path / "potong.warc.gz"
    p.write_bytes(data[: int(len(data) * 0.75)])
    items = read(str(p))
    good = sources(items)
    assert 1 <= len(good) < 3
    assert good[0].url == "https://contoh.example.id/berita/0"
    assert isinstance(items[-1], InputError)
    assert items[-1].name == str(p)
    assert items[-1].reason.startswith("truncated or corrupt WARC after ")


def test_truncated_plain_warc(tmp_path):
    data = build_warc(gz=False)
    p = tmp_path / "potong.warc"
    p.write_bytes(data[: data.index(b"berita nomor 1") + 20])
    items = read(str(p))
    assert [s.url for s in sources(items)] == ["https://contoh.example.id/berita/0"]
    assert "truncated or corrupt WARC after 4 records" in items[-1].reason


def test_not_a_warc(tmp_path):
    p = tmp_path / "palsu.warc"
    p.write_text("ini hanya teks biasa\n")
    [err] = read(str(p))
    assert isinstance(err, InputError) and "WARC" in err.reason


# -- dispatch: directories, stdin, sniffing ----------------------------------------------------------

def test_directory_recursive_sorted_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Berita Z")
    (tmp_path / "a.txt").write_text("Berita A")
    (tmp_path / "c.html").write_text("<p>Berita C</p>")
    (tmp_path / ".tersembunyi.txt").write_text("rahasia")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    items = read(str(tmp_path))
    assert [s.id for s in items] == ["a", "b/z", "c"]


def test_missing_path():
    [err] = read("/tidak/ada/berkas.txt")
    assert err.name == "/tidak/ada/berkas.txt" and err.reason == "no such file or directory"


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "halaman.php").write_text("<!DOCTYPE html><html><body><p>Isi</p></body></html>")
    (tmp_path / "catatan.md").write_text("Judul\n\nIsi berita biasa.")
    (tmp_path / "ekspor.json").write_text(json.dumps({"id": "j1", "text": "satu"}) + "\n")
    (tmp_path / "arsip.dat").write_bytes(build_warc(gz=True))
    items = read(*(str(tmp_path / n) for n in ("halaman.php", "catatan.md", "ekspor.json", "arsip.dat")))
    assert items[0].html and items[1].text and items[2].id == "j1"
    assert [s.url for s in items[3:]] == [f"https://contoh.example.id/berita/{i}" for i in range(3)]


@pytest.mark.parametrize("data,check", [
    (b'{"id": "s1", "text": "satu"}\n{"id": "s2", "html": "<p>dua</p>"}\n',
     lambda items: [s.id for s in items] == ["s1", "s2"] and items[0].name == "<stdin>:1"),
    (b"<html><body><p>Halaman dari pipa</p></body></html>",
     lambda items: items[0].html is not None and items[0].id == "stdin" and items[0].name == "<stdin>"),
    (b"Judul Berita\n\nIsi berita dari pipa.",
     lambda items: items[0].text.startswith("Judul") and items[0].id == "stdin"),
    (b"", lambda items: isinstance(items[0], InputError) and items[0].reason == "empty input"),
])
def test_stdin_auto_detect(data, check):
    assert check(read("-", stdin=io.BytesIO(data)))


def test_input_order_is_kept_across_kinds(tmp_path):
    shutil.copy(FIX / "berita.jsonl", tmp_path / "b.jsonl")
    items = read(str(FIX / "english.txt"), str(tmp_path / "b.jsonl"), str(FIX / "rusak.html"))
    assert [s.id for s in items] == ["english", "kb-003", "kb-001", "kb-002", "rusak"]


def test_unforeseen_reader_failure_is_reported_not_raised(monkeypatch, tmp_path):
    import warta.ingest.dispatch as dispatch

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")
        yield  # pragma: no cover

    monkeypatch.delenv("WARTA_DEBUG", raising=False)
    monkeypatch.setattr(dispatch, "_from_path", boom)
    [err] = read(str(tmp_path / "x.txt"))
    assert isinstance(err, InputError)
    assert err.reason == "could not be read (RuntimeError: parser exploded)"
