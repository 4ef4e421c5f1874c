"""Fetching over HTTP with httpx.MockTransport: redirects, retries, size cap, timeouts, feeds. No network."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import httpx
import pytest

from warta.errors import InputError
from warta.ingest.dispatch import iter_sources
from warta.ingest.feeds import looks_like_feed, parse_feed
from warta.ingest.web import USER_AGENT, Fetcher, url_id
from warta.model import Source

ARTICLE = ("<html><head><title>Bandara Kertajati Kembali Layani Penerbangan Umrah</title></head><body>"
           "<article><p>MAJALENGKA - Bandara Internasional Jawa Barat di Kertajati kembali melayani "
           "penerbangan umrah mulai pekan depan.</p></article></body></html>")


def fetcher(handler: Callable[[httpx.Request], httpx.Response], **kw) -> tuple[Fetcher, list[float]]:
    slept: list[float] = []
    f = Fetcher(transport=httpx.MockTransport(handler), sleep=slept.append, **kw)
    return f, slept


def html(body: str = ARTICLE, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={"Content-Type": "text/html; charset=utf-8", **headers},
                          content=body.encode())


def fetch_all(f: Fetcher, *urls: str) -> list[Source | InputError]:
    return list(iter_sources(list(urls), fetcher=f))


def test_page_becomes_html_source_with_user_agent():
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return html()

    f, _ = fetcher(handler)
    [src] = fetch_all(f, "https://berita.example.id/a")
    assert isinstance(src, Source)
    assert src.url == "https://berita.example.id/a" and src.name == "https://berita.example.id/a"
    assert src.id == url_id("https://berita.example.id/a")
    assert "Kertajati" in src.html
    assert seen[0].headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("warta/")


def test_redirects_are_followed_and_final_url_kept():
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/s/xyz":
            return httpx.Response(301, headers={"Location": "https://berita.example.id/baca/2021/05/01/kertajati"})
        if req.url.path == "/baca/2021/05/01/kertajati":
            return html()
        return httpx.Response(404)

    f, _ = fetcher(handler)
    [src] = fetch_all(f, "https://pendek.example.id/s/xyz")
    assert src.url == "https://berita.example.id/baca/2021/05/01/kertajati"
    assert src.name == "https://pendek.example.id/s/xyz"


def test_redirect_loop_is_an_error():
    f, _ = fetcher(lambda req: httpx.Response(302, headers={"Location": str(req.url)}))
    [err] = fetch_all(f, "https://berita.example.id/putar")
    assert isinstance(err, InputError) and err.reason == "too many redirects"


def test_5xx_is_retried_with_backoff_then_succeeds():
    calls = Counter()

    def handler(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(503) if calls["n"] < 3 else html()

    f, slept = fetcher(handler, retries=2, backoff=0.5)
    [src] = fetch_all(f, "https://berita.example.id/a")
    assert isinstance(src, Source)
    assert calls["n"] == 3 and slept == [0.5, 1.0]


def test_retries_exhausted_names_the_status():
    f, slept = fetcher(lambda req: httpx.Response(502), retries=2)
    [err] = fetch_all(f, "https://berita.example.id/a")
    assert err.name == "https://berita.example.id/a"
    assert err.reason == "HTTP 502 Bad Gateway after 3 attempts"
    assert len(slept) == 2


def test_retry_after_header_is_respected():
    calls = Counter()

    def handler(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(429, headers={"Retry-After": "3"}) if calls["n"] == 1 else html()

    f, slept = fetcher(handler)
    assert isinstance(fetch_all(f, "https://berita.example.id/a")[0], Source)
    assert slept == [3.0]


def test_404_is_not_retried():
    calls = Counter()

    def handler(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(404)

    f, slept = fetcher(handler)
    [err] = fetch_all(f, "https://berita.example.id/hilang")
    assert err.reason == "HTTP 404 Not Found" and calls["n"] == 1 and slept == []


def test_connection_error_is_retried():
    calls = Counter()

    def handler(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            raise httpx.ConnectError("connection refused", request=req)
        return html()

    f, _ = fetcher(handler)
    assert isinstance(fetch_all(f, "https://berita.example.id/a")[0], Source)


def test_timeout_is_a_clear_error():
    def handler(req: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=req)

    f, slept = fetcher(handler, retries=1)
    [err] = fetch_all(f, "https://lambat.example.id/a")
    assert err.name == "https://lambat.example.id/a"
    assert err.reason == "timed out (read) after 2 attempts"
    assert slept == [0.5]


def test_size_cap_by_content_length():
    f, _ = fetcher(lambda req: html("x" * 5000), max_bytes=1024)
    [err] = fetch_all(f, "https://berita.example.id/besar")
    assert err.reason == "response is 4.9 KB, over the 1 KB limit"


def test_size_cap_while_streaming_without_content_length():
    produced = Counter()

    def endless():
        for _ in range(10_000):
            produced["chunks"] += 1
            yield b"<p>" + b"a" * 1021

    f, _ = fetcher(lambda req: httpx.Response(200, headers={"Content-Type": "text/html"}, content=endless()),
                   max_bytes=4096)
    [err] = fetch_all(f, "https://berita.example.id/tanpa-akhir")
    assert err.reason == "response is over the 4 KB limit"
    assert produced["chunks"] < 10  # stopped early, did not read 10 MB


def test_plain_text_and_binary_responses():
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/teks":
            return httpx.Response(200, headers={"Content-Type": "text/plain; charset=iso-8859-1"},
                                  content="Café di Bandung".encode("latin-1"))
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=b"\x89PNG\r\n\x1a\n\x00")

    f, _ = fetcher(handler)
    text, err = fetch_all(f, "https://a.example.id/teks", "https://a.example.id/foto")
    assert text.text == "Café di Bandung" and text.html is None
    assert err.reason == "binary response (PNG image), not an article"


def test_malformed_url():
    f, _ = fetcher(lambda req: html())
    [err] = fetch_all(f, "https://")
    assert isinstance(err, InputError) and err.reason.startswith("invalid URL")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Terkini</title><link>https://kabar.example.id/</link>
<item><title>Bandara Kertajati Kembali Layani Penerbangan Umrah</title>
<link>https://kabar.example.id/baca/1</link><pubDate>Sat, 01 May 2021 09:30:00 +0700</pubDate>
<description>Ringkasan singkat.</description></item>
<item><title>Harga Cabai Turun Jelang Panen</title>
<link>/baca/2</link><pubDate>Sat, 01 May 2021 10:05:00 +0700</pubDate></item>
<item><title>Duplikat</title><link>https://kabar.example.id/baca/1</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<entry><title>Satu</title><link href="https://kabar.example.id/atom/1"/><updated>2021-05-01T09:30:00+07:00</updated></entry>
</feed>"""


def feed_handler(feed: str, feed_type: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/rss":
            return httpx.Response(200, headers={"Content-Type": feed_type}, content=feed.encode())
        if req.url.path == "/baca/2":
            return html(ARTICLE.replace("Bandara Kertajati", "Harga Cabai"))
        return html()
    return handler


@pytest.mark.parametrize("feed_type", ["application/rss+xml", "text/xml", "text/html"])
def test_feed_with_two_linked_articles(feed_type):
    f, _ = fetcher(feed_handler(RSS, feed_type))
    items = fetch_all(f, "https://kabar.example.id/rss")
    assert all(isinstance(x, Source) for x in items)
    assert [s.url for s in items] == ["https://kabar.example.id/baca/1", "https://kabar.example.id/baca/2"]
    assert items[0].published == "2021-05-01T09:30:00+07:00"
    assert items[1].title == "Harga Cabai Turun Jelang Panen"
    assert "Harga Cabai" in items[1].html


def test_feed_entry_that_fails_is_reported_and_others_go_on():
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/rss":
            return httpx.Response(200, headers={"Content-Type": "application/rss+xml"}, content=RSS.encode())
        if req.url.path == "/baca/1":
            return httpx.Response(410)
        return html()

    f, _ = fetcher(handler)
    err, src = fetch_all(f, "https://kabar.example.id/rss")
    assert isinstance(err, InputError) and err.name == "https://kabar.example.id/baca/1"
    assert err.reason == "HTTP 410 Gone"
    assert src.url == "https://kabar.example.id/baca/2"


def test_atom_feed_keeps_offset():
    [e] = parse_feed(ATOM.encode(), "atom")
    assert e.link == "https://kabar.example.id/atom/1" and e.published == "2021-05-01T09:30:00+07:00"


def test_feed_detection():
    assert looks_like_feed("application/atom+xml", b"")
    assert looks_like_feed("text/html", RSS.encode())
    assert not looks_like_feed("text/html", ARTICLE.encode())
    assert not looks_like_feed("application/xml", b"<?xml version='1.0'?><urlset></urlset>")


def test_local_feed_file_fetches_its_links(tmp_path):
    p = tmp_path / "terkini.rss"
    p.write_text(RSS.replace("/baca/2", "https://kabar.example.id/baca/2"))
    f, _ = fetcher(feed_handler(RSS, "application/rss+xml"))
    items = list(iter_sources([str(p)], fetcher=f))
    assert [s.url for s in items] == ["https://kabar.example.id/baca/1", "https://kabar.example.id/baca/2"]
