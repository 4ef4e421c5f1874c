"""Plain-text articles (.txt): already extracted page text, possibly still carrying page clutter.

The reader only decodes; telling title, dateline, byline and clutter apart is cleaning's job, so a
text file and a JSONL `text` field reach `clean` in exactly the same shape.
"""

from __future__ import annotations

from ..model import Source
from .decode import DEFAULT_MAX_BYTES, decode_bytes, read_path


def text_source(data: bytes, *, id: str, name: str, url: str | None = None, declared: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file") -> Source:
    """One article from the bytes of a text file (or a gzip member, stdin, an HTTP body).

    `declared` is a charset stated outside the bytes (an HTTP header), used when they are not UTF-8.
    """
    text = decode_bytes(data, name, declared=declared, max_bytes=max_bytes, what=what)
    return Source(id=id, text=text, url=url, name=name)


def read_text_file(path: str, *, id: str, name: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """One article from a .txt file; the size cap is checked before the file is read."""
    name = name or path
    return text_source(read_path(path, name, max_bytes), id=id, name=name, max_bytes=max_bytes)
