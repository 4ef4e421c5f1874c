"""Fetching articles over HTTP(S) with httpx: polite, bounded, and honest about failures.

News servers are flaky (5xx under load, dropped connections) and sometimes hostile (endless bodies,
redirect loops), so every fetch has timeouts, a few retries with exponential backoff for errors that
may pass, a size cap enforced while streaming the body, and a User-Agent that says who is asking.
Each failure becomes one `InputError` naming the URL and the reason.

The client is injectable (`Fetcher(client=...)` or `Fetcher(transport=httpx.MockTransport(...))`) so
tests run without a network, and `sleep` is injectable so retry tests do not wait.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx

from .. import __version__
from ..errors import InputError
from ..model import Source
from .decode import (
    DEFAULT_MAX_BYTES,
    binary_kind,
    content_type_charset,
    decode_bytes,
    format_limit,
    format_size,
)
from .html import html_source, looks_like_html
from .text import text_source

USER_AGENT = f"warta/{__version__} (Indonesian news analysis; python-httpx/{httpx.__version__})"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_RETRIES = 2  # so three attempts in all
DEFAULT_BACKOFF = 0.5  # seconds; doubles each retry
MAX_RETRY_AFTER = 30.0  # a server asking us to wait longer is treated as down

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_NOT_ARTICLES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/octet-stream", "application/vnd.")


def url_id(url: str) -> str:
    """A stable id for an article known only by its URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def is_url(s: str) -> bool:
    """Whether an input names a web resource rather than a file."""
    return s.lower().startswith(("http://", "https://"))


@dataclass
class Fetched:
    """One successful response: the final URL after redirects, its media type and its body."""

    url: str
    media_type: str  # lower case, without parameters; "" when the server sent none
    charset: str | None
    body: bytes


class Fetcher:
    """Fetch URLs with timeouts, retries, a size cap and redirects; reusable across many URLs."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 10,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._own_client = client is None
        self.client = client or httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"},
        )
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.sleep = sleep

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool if this fetcher created it (an injected client is the caller's)."""
        if self._own_client:
            self.client.close()

    def fetch(self, url: str) -> Fetched:
        """GET `url`, following redirects; raise `InputError(url, reason)` when it cannot be had."""
        _check_url(url)
        attempts = self.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                return self._fetch_once(url)
            except _Retryable as e:
                if last:
                    raise InputError(url, f"{e.reason} after {attempts} attempts") from None
                self.sleep(e.wait if e.wait is not None else self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _fetch_once(self, url: str) -> Fetched:
        try:
            with self.client.stream("GET", url) as resp:
                status = resp.status_code
                if status == 429 or status >= 500:
                    raise _Retryable(f"HTTP {status} {resp.reason_phrase}".rstrip(), _retry_after(resp))
                if status >= 400:
                    raise InputError(url, f"HTTP {status} {resp.reason_phrase}".rstrip())
                if status >= 300:  # a redirect without a usable Location
                    raise InputError(url, f"HTTP {status} redirect without a target")
                body = self._read_capped(resp, url)
                ctype = resp.headers.get("content-type", "")
                return Fetched(
                    url=str(resp.url),
                    media_type=ctype.split(";")[0].strip().lower(),
                    charset=content_type_charset(ctype),
                    body=body,
                )
        except httpx.TooManyRedirects:
            raise InputError(url, "too many redirects") from None
        except httpx.TimeoutException as e:
            raise _Retryable(f"timed out ({_phase(e)})", None) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as e:
            raise InputError(url, f"invalid URL ({e})") from None
        except httpx.TransportError as e:  # connect/read errors, dropped connections, protocol errors
            raise _Retryable(f"connection failed ({type(e).__name__}: {e})", None) from None
        except (httpx.DecodingError, ValueError) as e:  # a garbled response (bad gzip, bad header) or URL
            raise InputError(url, f"unreadable response ({type(e).__name__}: {e})") from None

    def _read_capped(self, resp: httpx.Response, url: str) -> bytes:
        """Stream the body, stopping as soon as it passes the cap: never trust Content-Length alone."""
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError(url, f"response is {format_size(int(declared))}, over the "
                                  f"{format_limit(self.max_bytes)} limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(url, f"response is over the {format_limit(self.max_bytes)} limit")
            chunks.append(chunk)
        return b"".join(chunks)


def _check_url(url: str) -> None:
    """Refuse a malformed URL up front, with a reason, instead of an error from deep inside httpx."""
    try:
        u = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise InputError(url, f"invalid URL ({e})") from None
    if u.scheme not in ("http", "https") or not u.host:
        raise InputError(url, "invalid URL (an http(s) URL with a host is needed)")


class _Retryable(Exception):
    """A failure that may pass (5xx, 429, timeout, dropped connection); `wait` from Retry-After."""

    def __init__(self, reason: str, wait: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _retry_after(resp: httpx.Response) -> float | None:
    v = resp.headers.get("retry-after", "")
    if v.strip().isdigit():
        return min(float(v), MAX_RETRY_AFTER)
    return None


def _phase(e: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "connect",
        httpx.ReadTimeout: "read",
        httpx.WriteTimeout: "write",
        httpx.PoolTimeout: "pool",
    }.get(type(e), "timeout")


def fetched_source(fetched: Fetched, *, name: str, id: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Turn a response into a `Source`: HTML or text by content type, sniffed when the type is vague.

    The final URL (after redirects) is the article's URL: it is the page's canonical address more
    often than the link that led to it (feed trackers, shorteners).
    """
    mt = fetched.media_type
    sid = id or url_id(fetched.url)
    if mt.startswith(_NOT_ARTICLES):
        kind = binary_kind(fetched.body)
        detail = f"binary response ({kind})" if kind else f"content type {mt}"
        if kind or mt != "application/octet-stream":
            raise InputError(name, f"{detail}, not an article")
    if mt in HTML_TYPES:
        return html_source(fetched.body, id=sid, name=name, url=fetched.url, declared=fetched.charset,
                           max_bytes=max_bytes, what="response")
    if mt in TEXT_TYPES:
        return text_source(fetched.body, id=sid, name=name, url=fetched.url, declared=fetched.charset,
                           max_bytes=max_bytes, what="response")
    # No or vague content type (application/octet-stream, text/x-whatever): look at the bytes.
    text = decode_bytes(fetched.body, name, declared=fetched.charset, max_bytes=max_bytes, what="response")
    if looks_like_html(text):
        return Source(id=sid, html=text, url=fetched.url, name=name)
    return Source(id=sid, text=text, url=fetched.url, name=name)
