"""Which reader reads which input: files by extension (content sniffed when it says nothing),
directories recursively, `-` for stdin, http(s) URLs and feeds.

`iter_sources` never raises for a bad input. It yields an `InputError` naming it and the reason, and
goes on, so one PNG in a directory of articles costs one line of output, not the run.

Identity: a JSONL record keeps its own `id`; a file is known by its stem (by its path relative to the
directory, without extension, when found by walking one, so `2020/a.txt` and `2021/a.txt` stay apart);
a URL by a hash of its final address. `name` says where an article came from in error messages:
the path, the URL, `file.jsonl:LINE` or `file.warc.gz#record-N`.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Source
from .decode import DEFAULT_MAX_BYTES, decode_bytes, format_limit, os_reason, read_capped, read_path
from .html import html_source, looks_like_html
from .jsonl import iter_jsonl, read_jsonl_file
from .text import text_source
from .warc import iter_warc, read_warc_file
from .web import Fetcher, is_url, url_id

TEXT_EXTS = frozenset({".txt", ".text"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})

_SNIFF = 65536
STDIN_NAME = "<stdin>"


class _LazyFetcher:
    """Create the HTTP client only if some input is a URL, and close it when the run ends."""

    def __init__(self, fetcher: Fetcher | None, max_bytes: int) -> None:
        self._given = fetcher
        self._made: Fetcher | None = None
        self._max_bytes = max_bytes

    def get(self) -> Fetcher:
        if self._given is not None:
            return self._given
        if self._made is None:
            self._made = Fetcher(max_bytes=self._max_bytes)
        return self._made

    def close(self) -> None:
        if self._made is not None:
            self._made.close()


def iter_sources(
    inputs: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Source | InputError]:
    """Yield one `Source` per article in `inputs`, in input order, or an `InputError` per bad input.

    `max_bytes` caps one article (a file, a record, a response); `fetcher` and `stdin` are injectable
    so tests need neither a network nor a terminal.
    """
    web = _LazyFetcher(fetcher, max_bytes)
    try:
        for inp in inputs:
            try:
                if inp == "-":
                    yield from _from_stdin(stdin or sys.stdin.buffer, web, max_bytes)
                elif is_url(inp):
                    yield from _from_url(inp, web, max_bytes)
                else:
                    yield from _from_path(inp, web, max_bytes)
            except Exception as e:  # noqa: BLE001 -- a parser failing in a way we did not foresee
                # Still this input's problem, not the batch's: name it and go on. WARTA_DEBUG shows where.
                if os.environ.get("WARTA_DEBUG"):
                    raise
                yield InputError(STDIN_NAME if inp == "-" else inp,
                                 f"could not be read ({type(e).__name__}: {e})")
    finally:
        web.close()


def _from_path(inp: str, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    path = Path(inp)
    try:
        if path.is_dir():
            yield from _from_dir(path, web, max_bytes)
            return
        if not path.exists():
            yield InputError(inp, "no such file or directory")
            return
    except OSError as e:
        yield InputError(inp, os_reason(e))
        return
    yield from _from_file(inp, _stem(path.name), web, max_bytes)


def _from_dir(root: Path, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    """Every non-hidden file under `root`, in sorted path order, so runs are reproducible."""
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(root)
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            # hidden files are tooling (.DS_Store, .gitignore); FIFOs and devices would block or never end
            if fn.startswith(".") or not (os.path.isfile(full) or os.path.islink(full)):
                continue
            found.append(((rel_dir / fn).parts, full))
    found.sort()
    for parts, full in found:
        rid = "/".join((*parts[:-1], _stem(parts[-1])))
        yield from _from_file(full, rid, web, max_bytes)


def _stem(filename: str) -> str:
    """`a.html.gz` -> `a`, `b.warc.gz` -> `b`, `c.txt` -> `c`, `.x` stays: the article's name, not its format."""
    name = filename
    for _ in range(2):
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem:
            break
        name = stem
        if "." + ext.lower() not in {".gz"}:
            break
    return name


def _from_file(path: str, rid: str, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    low = path.lower()
    ext = os.path.splitext(low)[1]
    try:
        if low.endswith((".warc", ".warc.gz")):
            yield from read_warc_file(path, max_bytes=max_bytes)
        elif ext in JSONL_EXTS:
            yield from read_jsonl_file(path, max_bytes=max_bytes)
        elif ext == ".gz":
            yield from _from_gzip(path, rid, web, max_bytes)
        elif ext in TEXT_EXTS:
            yield text_source(read_path(path, path, max_bytes), id=rid, name=path, max_bytes=max_bytes)
        elif ext in HTML_EXTS:
            yield html_source(read_path(path, path, max_bytes), id=rid, name=path, max_bytes=max_bytes)
        else:
            yield from _sniff_file(path, rid, web, max_bytes)
    except InputError as e:
        yield e


def _from_gzip(path: str, rid: str, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    """A gzipped article or JSONL file; the inner extension decides, else its content."""
    inner_ext = os.path.splitext(path.lower()[:-3])[1]
    try:
        f = open(path, "rb")
    except OSError as e:
        raise InputError(path, os_reason(e)) from None
    with f:
        gz = gzip.GzipFile(fileobj=f, mode="rb")
        if inner_ext in JSONL_EXTS:
            yield from iter_jsonl(gz, path, max_bytes=max_bytes)  # type: ignore[arg-type]
            return
        try:
            data = read_capped(gz, path, max_bytes, "decompressed data")  # type: ignore[arg-type]
        except EOFError:
            raise InputError(path, "truncated gzip file (it ends before its end-of-stream marker)") from None
        except (gzip.BadGzipFile, zlib.error, OSError) as e:
            raise InputError(path, f"corrupt gzip file ({e})") from None
    if inner_ext in TEXT_EXTS:
        yield text_source(data, id=rid, name=path, max_bytes=max_bytes)
    elif inner_ext in HTML_EXTS:
        yield html_source(data, id=rid, name=path, max_bytes=max_bytes)
    else:
        yield from _sniff_bytes(data, rid, path, web, max_bytes)


def _sniff_file(path: str, rid: str, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    """A file whose extension says nothing: look at its first bytes to pick the reader.

    JSONL and WARC are streamed from the file (they may be large); the rest is one article and is read
    whole, under the size cap.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF)
    except OSError as e:
        raise InputError(path, os_reason(e)) from None
    if head.startswith(b"\x1f\x8b"):
        yield from _from_gzip(path, rid, web, max_bytes)
    elif head.startswith(b"WARC/"):
        yield from read_warc_file(path, max_bytes=max_bytes)
    elif _looks_like_jsonl(head):
        yield from read_jsonl_file(path, max_bytes=max_bytes)
    else:
        yield from _sniff_bytes(read_path(path, path, max_bytes), rid, path, web, max_bytes)


def _looks_like_jsonl(head: bytes) -> bool:
    """The first non-blank line is a JSON object: JSONL (an article never starts like that)."""
    for line in head.lstrip(b"\xef\xbb\xbf").splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith(b"{"):
            return False
        try:
            return isinstance(json.loads(line), dict)
        except (ValueError, UnicodeDecodeError):
            return False
    return False


def _sniff_bytes(data: bytes, rid: str, name: str, web: _LazyFetcher, max_bytes: int,
                 what: str = "file") -> Iterator[Source | InputError]:
    """Bytes of unknown kind, already in memory: JSONL, WARC, feed, HTML or text, in that order."""
    if data.startswith(b"\x1f\x8b"):
        try:
            data = read_capped(gzip.GzipFile(fileobj=BytesIO(data)), name, max_bytes, "decompressed data")
        except EOFError:
            raise InputError(name, "truncated gzip data (it ends before its end-of-stream marker)") from None
        except (gzip.BadGzipFile, zlib.error, OSError) as e:
            raise InputError(name, f"corrupt gzip data ({e})") from None
    if data.startswith(b"WARC/"):
        yield from iter_warc(BytesIO(data), name, max_bytes=max_bytes)
        return
    if _looks_like_jsonl(data[:_SNIFF]):
        yield from iter_jsonl(BytesIO(data), name, max_bytes=max_bytes)
        return
    from .feeds import iter_feed_sources, looks_like_feed

    if looks_like_feed("", data):
        yield from iter_feed_sources(data, name, web.get(), max_bytes=max_bytes)
        return
    text = decode_bytes(data, name, max_bytes=max_bytes, what=what)
    if looks_like_html(text):
        yield Source(id=rid, html=text, name=name)
    else:
        yield Source(id=rid, text=text, name=name)


def _from_stdin(stream: BinaryIO, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    """Standard input: JSONL is streamed line by line (a pipe may be endless); anything else is one
    article, read under the size cap and sniffed."""
    try:
        first = stream.readline(max_bytes + 1)
        if _looks_like_jsonl(first):
            yield from iter_jsonl(_Prepend(first, stream), STDIN_NAME, max_bytes=max_bytes)  # type: ignore[arg-type]
            return
        rest = stream.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else b""
        data = first + rest
        if len(data) > max_bytes:
            raise InputError(STDIN_NAME, f"input is over the {format_limit(max_bytes)} limit")
        if not data.strip():
            raise InputError(STDIN_NAME, "empty input")
        yield from _sniff_bytes(data, "stdin", STDIN_NAME, web, max_bytes, what="input")
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(STDIN_NAME, os_reason(e))


class _Prepend:
    """A line reader that first returns an already-read line, then the rest of the stream."""

    def __init__(self, first: bytes, stream: BinaryIO) -> None:
        self._first: bytes | None = first
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        if self._first is not None:
            line, self._first = self._first, None
            return line
        return self._stream.readline(size)


def _from_url(url: str, web: _LazyFetcher, max_bytes: int) -> Iterator[Source | InputError]:
    """A web page, or a feed whose linked articles are each fetched."""
    from .feeds import feed_from_fetched, looks_like_feed
    from .web import fetched_source

    try:
        fetcher = web.get()
        fetched = fetcher.fetch(url)
        if looks_like_feed(fetched.media_type, fetched.body):
            yield from feed_from_fetched(fetched, url, fetcher, max_bytes=max_bytes)
            return
        yield fetched_source(fetched, name=url, id=url_id(fetched.url), max_bytes=max_bytes)
    except InputError as e:
        yield e
