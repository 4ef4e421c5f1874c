"""WARC archives (.warc, .warc.gz): the web archive format of crawlers (Heritrix, wget, Common Crawl).

Only successful HTML responses are articles (plus `resource` records holding HTML or text); requests,
metadata, redirects, images and scripts are skipped. The record's `WARC-Target-URI` is the article URL.
`WARC-Date` is deliberately not used as the publication date: it is when the crawler fetched the
page, which may be years after the article appeared.

warcio does not notice truncation (it just stops), and a crawl cut short by a full disk is common,
so this reader checks it: gzip decompression is done with Python's `gzip` (which raises on a missing
end-of-stream marker) and every record's bytes are counted against its `Content-Length`. A truncated
archive yields the records read so far, then one `InputError` saying where it broke.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from ..errors import InputError
from ..model import Source
from .decode import DEFAULT_MAX_BYTES, content_type_charset, format_limit, os_reason
from .html import html_source
from .text import text_source
from .web import HTML_TYPES, TEXT_TYPES, url_id

_CHUNK = 1 << 16


class _Truncated(Exception):
    """A record ended before its declared length, or its header broke off before declaring one."""


class _GzipTruncated(Exception):
    """The gzip stream ended before its end-of-stream marker (not an EOFError: warcio swallows those)."""

    def __str__(self) -> str:
        return "the gzip stream ends before its end-of-stream marker"


class _StrictGzip:
    """A gzip reader whose truncation is an error warcio lets through instead of a silent end."""

    def __init__(self, fileobj: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=fileobj, mode="rb")

    def read(self, size: int = -1) -> bytes:
        # read1: hand over what was decompressed before the break, so the records before it survive
        try:
            return self._gz.read1(size)
        except EOFError:
            raise _GzipTruncated() from None

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._gz.readline(size)
        except EOFError:
            raise _GzipTruncated() from None

    def close(self) -> None:
        self._gz.close()


def _drain(stream: Any) -> None:
    while stream.read(_CHUNK):
        pass


def _read_payload(record: Any, max_bytes: int) -> bytes | None:
    """The record's payload (dechunked, decompressed), or None when over the cap (then skipped)."""
    stream = record.content_stream()
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _check_complete(record: Any) -> None:
    """Read what is left of the record and fail if it holds fewer bytes than `Content-Length` says."""
    raw = record.raw_stream
    _drain(raw)
    if record.rec_headers.get_header("Content-Length") is None:
        raise _Truncated("its header has no Content-Length")
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise _Truncated("it is cut short")


def _media_type(record: Any) -> tuple[str, str | None]:
    """Media type and charset of the payload: the HTTP header for responses, the WARC one otherwise."""
    ctype = ""
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    if not ctype:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return ctype.split(";")[0].strip().lower(), content_type_charset(ctype)


def _is_article(record: Any, media_type: str) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:  # e.g. dns: records
            return False
        status = record.http_headers.get_statuscode() or ""
        return status.startswith("2") and media_type in HTML_TYPES
    if record.rec_type == "resource":
        return media_type in HTML_TYPES or media_type in TEXT_TYPES
    return False


def iter_warc(stream: BinaryIO, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Yield a `Source` per HTML article in a WARC stream (already decompressed), then any error.

    Records are named `name#record-N` (N counts every WARC record from 1, as `warcio index` does), so
    an error points at the record to look at.
    """
    n = 0
    complete = 0  # records read to their end; what a truncation error reports
    try:
        for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
            n += 1
            where = f"{name}#record-{n}"
            media_type, charset = _media_type(record)
            if not _is_article(record, media_type):
                _check_complete(record)
                complete += 1
                continue
            payload = _read_payload(record, max_bytes)
            _check_complete(record)
            complete += 1
            if payload is None:
                yield InputError(where, f"record is over the {format_limit(max_bytes)} limit")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            sid = url_id(url) if url else f"{Path(name).name.split('.')[0]}-{n}"
            try:
                if media_type in TEXT_TYPES:
                    yield text_source(payload, id=sid, name=where, url=url, declared=charset,
                                      max_bytes=max_bytes, what="record")
                else:
                    yield html_source(payload, id=sid, name=where, url=url, declared=charset,
                                      max_bytes=max_bytes, what="record")
            except InputError as e:
                yield e
    except _Truncated as e:
        yield InputError(name, f"truncated or corrupt WARC after {complete} records (record {n}: {e})")
    except Exception as e:  # noqa: BLE001 -- warcio and zlib raise many types on corrupt data; all mean the same
        detail = str(e).strip().splitlines()[0][:120] if str(e).strip() else type(e).__name__
        if n == 0 and not isinstance(e, _GzipTruncated):
            yield InputError(name, f"not a WARC file, or corrupt from the start ({detail})")
        else:
            yield InputError(name, f"truncated or corrupt WARC after {complete} records ({detail})")
    else:
        if n == 0:  # warcio treats a stream that breaks inside the first header as an empty archive
            yield InputError(name, "not a WARC file, or truncated before the first record ended")


def read_warc_file(path: str, *, name: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Articles of a .warc or .warc.gz file (gzip is recognised by its magic bytes, not the name)."""
    name = name or path
    try:
        f = open(path, "rb")
    except OSError as e:
        yield InputError(name, os_reason(e))
        return
    with f:
        magic = f.read(2)
        f.seek(0)
        if not magic:
            yield InputError(name, "empty file")
        elif magic == b"\x1f\x8b":
            gz = _StrictGzip(f)
            try:
                yield from iter_warc(gz, name, max_bytes=max_bytes)  # type: ignore[arg-type]
            finally:
                gz.close()
        else:
            yield from iter_warc(f, name, max_bytes=max_bytes)
