"""JSONL (.jsonl, .ndjson): one article record per line, the exchange format of scrapers and datasets.

A record is `{"id", "text" | "html", "url"?, "published"?, "outlet"?, "title"?}`. A bad line costs only
that line: it becomes an `InputError` naming `file.jsonl:LINE` and the reason, and reading goes on,
because one malformed record in a million-line export must not lose the other 999,999.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Source
from .decode import DEFAULT_MAX_BYTES, decode_bytes, format_limit, os_reason

_META_FIELDS = ("url", "published", "outlet", "title")

# ISO 8601 at any precision the output contract allows: 2020, 2020-07, 2020-07-13, or a date-time.
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


def content_id(content: str) -> str:
    """A stable id for a record that has none: the same text always gets the same id, across runs."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def normalize_published(value: str) -> str:
    """Check a `published` hint is ISO 8601 and return it in canonical form; raise ValueError if not.

    The hint wins over the date cleaning extracts, so a value like "14/08/2020" would silently corrupt
    the output; it is better refused with a reason.
    """
    v = value.strip()
    if _PARTIAL_DATE.match(v):
        return v
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00") if v.endswith("Z") else v)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date: {value!r}") from None
    if len(v) == 10:  # date only: keep the day precision instead of inventing midnight
        return dt.date().isoformat()
    return dt.isoformat()


def _nfc(s: str) -> str:
    return s if s.isascii() else unicodedata.normalize("NFC", s)


def _string_field(rec: dict[str, Any], key: str) -> str | None:
    v = rec.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise ValueError(f'"{key}" must be a string, not {type(v).__name__}')
    v = _nfc(v).strip()
    return v or None


def parse_record(rec: Any, where: str) -> Source:
    """Turn one decoded JSON value into a `Source`, or raise `InputError(where, reason)`."""
    if not isinstance(rec, dict):
        raise InputError(where, f"record is a JSON {type(rec).__name__}, not an object")
    try:
        text = _string_field(rec, "text")
        html = _string_field(rec, "html")
        meta = {k: _string_field(rec, k) for k in _META_FIELDS}
        if meta["published"]:
            meta["published"] = normalize_published(meta["published"])
    except ValueError as e:
        raise InputError(where, f"bad field: {e}") from None
    if text is None and html is None:
        raise InputError(where, 'record has no "text" or "html"')
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int, type(None))):
        raise InputError(where, f'bad field: "id" must be a string or a number, not {type(rid).__name__}')
    rid = str(rid).strip() if rid is not None else ""
    if not rid:
        rid = content_id(html if html is not None else text or "")
    return Source(id=rid, text=text, html=html, name=where, **meta)


def _decode_line(raw: bytes, where: str, lineno: int) -> str:
    """UTF-8 as JSON requires; other encodings are decoded like any file rather than refused."""
    if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, where, what="line")


def iter_jsonl(stream: BinaryIO, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Yield a `Source` per good line and an `InputError` per bad one, streaming.

    Memory stays bounded by the longest line (itself capped at `max_bytes`). A read error of the
    stream itself (a truncated .jsonl.gz) ends the file with one error saying how far it got.
    """
    lineno = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
        except Exception as e:  # gzip/zlib/OS errors differ by Python version; all mean "cannot read on"
            yield InputError(name, f"truncated or corrupt file after {lineno} lines ({_reason(e)})")
            return
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            yield InputError(where, f"line is over the {format_limit(max_bytes)} limit")
            try:
                while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    pass
            except Exception as e:
                yield InputError(name, f"truncated or corrupt file after {lineno} lines ({_reason(e)})")
                return
            continue
        if not raw.strip():
            continue
        try:
            line = _decode_line(raw, where, lineno)
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(where, f"invalid JSON ({e.msg} at column {e.colno})") from None
            src = parse_record(rec, where)
        except InputError as e:
            yield e
            continue
        yield src


def _reason(e: BaseException) -> str:
    msg = str(e).strip()
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def read_jsonl_file(path: str, *, name: str | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Records of a .jsonl/.ndjson file, in file order."""
    name = name or path
    try:
        f = open(path, "rb")
    except OSError as e:
        yield InputError(name, os_reason(e))
        return
    with f:
        yield from iter_jsonl(f, name, max_bytes=max_bytes)
