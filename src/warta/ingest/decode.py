"""Bytes to text: the one place where raw input becomes a Python string.

Every reader (files, stdin, gzip members, WARC payloads, HTTP bodies) goes through `decode_bytes`, so
binary files, empty files, oversized inputs and legacy encodings get the same answer and the same
error message wherever they come from. Mojibake repair (text that was decoded wrongly *before* it reached
us) is not done here: that is cleaning's job (`warta.clean`), because it needs the decoded text.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Size cap for one article's bytes: far above any news page, far below what hurts memory."""

_SNIFF = 8192  # bytes looked at for binary signatures and control characters

# Signatures of the binary formats a news directory actually contains (images, PDFs, archives, office
# files, executables). Naming the format tells the user what went wrong better than "undecodable".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls that never appear in text; tab, newlines, form feed, vertical tab and ESC do.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b") + b"\x7f"
_CONTROL_RE = re.compile(b"[" + re.escape(_CONTROL) + b"]")
_MAX_CONTROL_RATIO = 0.02

# Single-byte encodings that can hold Indonesian and European text; in mostly-ASCII input a detector
# cannot tell them apart from Baltic or Central European code pages, so we do not let it try.
_WESTERN = "cp1252"


def format_size(n: int) -> str:
    """`52428800` -> `50.0 MB` (MB meaning 2**20 bytes, as `ls -h` and most users count)."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.1f} KB"


def format_limit(n: int) -> str:
    """The cap as users set it: `20 MB`, not `20.0 MB`."""
    return f"{n / 2**20:g} MB" if n >= 2**20 else f"{n / 1024:g} KB"


def check_size(name: str, size: int, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file") -> None:
    """Reject an input by its size before reading it, so a 50 MB file costs a `stat`, not 50 MB."""
    if size > max_bytes:
        raise InputError(name, f"{what} is {format_size(size)}, over the {format_limit(max_bytes)} limit")


def read_capped(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "input") -> bytes:
    """Read a stream whose size is unknown (stdin, a gzip member) without ever holding more than the cap."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"{what} is over the {format_limit(max_bytes)} limit")
    return data


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data` ("PNG image"), or None if it may be text.

    Run before decoding: a PNG decodes "successfully" as Latin-1, and analysing it would produce
    nonsense instead of a clear error.
    """
    head = data[:_SNIFF]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "Windows executable" and b"\x00" not in head:
                continue  # "MZ" also starts ordinary words; only trust it with binary bytes after
            return kind
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if _bom_encoding(head) or _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(_CONTROL_RE.findall(head))
    if controls >= 4 and controls / len(head) > _MAX_CONTROL_RATIO:
        return f"{controls} control characters in the first {len(head)} bytes"
    return None


def _bom_encoding(head: bytes) -> str | None:
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM (some Windows exports): ASCII letters leave a NUL in every other byte."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode a stray byte in otherwise-UTF-8 text as Windows-1252.

    Scraped files often mix a UTF-8 page with a Latin-1 snippet pasted in; replacing those bytes with
    U+FFFD would lose letters we can recover.
    """
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode(_WESTERN, errors="replace").replace("\ufffd", ""), err.end


codecs.register_error("warta-cp1252", _cp1252_fallback)


def _decode_legacy(data: bytes, declared: str | None) -> str:
    """Decode bytes that are not UTF-8: the declared charset if usable, else a guess.

    Mostly-ASCII input (Indonesian, English, French with a few accents) is Windows-1252 in practice;
    charset detectors guess Baltic or Central European code pages for it, turning "é" into "ė". Only
    when non-ASCII bytes are common (Cyrillic, Arabic, CJK) is a statistical detector better.
    """
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        # A page declaring "utf-8" or "iso-8859-1" that is not valid UTF-8 is, per the WHATWG
        # encoding standard, windows-1252 in the second case; in the first the declaration is wrong.
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = _WESTERN
        if codec and codec not in ("utf-8",):
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
    if _latin_script(data[:65536]):
        return data.decode(_WESTERN, errors="warta-cp1252")
    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode(_WESTERN, errors="warta-cp1252")


_TOKEN = re.compile(rb"\S+")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_HIGH = re.compile(rb"[\x80-\xff]")


def _latin_script(sample: bytes) -> bool:
    """True when high bytes sit inside ASCII words ("caf\xe9") rather than forming words of their own.

    In Latin-script text a legacy encoding only spells the odd accented letter or curly quote; in
    Cyrillic, Greek, Arabic or CJK nearly every word is made of high bytes.
    """
    tokens = _TOKEN.findall(sample)
    if not tokens:
        return True
    foreign = sum(1 for t in tokens if _HIGH_RUN.search(t) and len(_HIGH.findall(t)) * 2 >= len(t))
    return foreign / len(tokens) < 0.2


def _mostly_utf8(data: bytes) -> bool:
    """True when UTF-8 multi-byte sequences outnumber the bytes that break UTF-8."""
    text = data[: 1 << 20].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) >= 0x80 and ch != "\ufffd")
    return good > bad


def decode_bytes(
    data: bytes,
    name: str,
    *,
    declared: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    what: str = "file",
) -> str:
    """Turn the raw bytes of one input into NFC text with `\\n` line ends, or raise `InputError`.

    Order of evidence: a byte-order mark, then valid UTF-8 (a declaration saying otherwise is usually
    wrong), then the `declared` charset (HTTP header, HTML meta, WARC), then detection.
    """
    check_size(name, len(data), max_bytes, what)
    if not data:
        raise InputError(name, f"empty {what}")
    kind = binary_kind(data)
    if kind:
        raise InputError(name, f"binary {what} ({kind}), not text")
    enc = _bom_encoding(data[:4]) or _utf16_without_bom(data[:_SNIFF])
    if enc:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            raise InputError(name, f"invalid {enc.upper()} text at byte {e.start}") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if _mostly_utf8(data):
                text = data.decode("utf-8", errors="warta-cp1252")
            else:
                text = _decode_legacy(data, declared)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError(name, f"empty {what} (only whitespace)")
    return text


_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (`<meta charset>` or http-equiv)."""
    m = _META_CHARSET.search(data[:2048])
    return m.group(1).decode("ascii", "replace") if m else None


def content_type_charset(content_type: str | None) -> str | None:
    """`text/html; charset=ISO-8859-1` -> `ISO-8859-1`."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def read_path(path: str, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole file, refusing it by size first and naming OS errors in plain words."""
    try:
        with open(path, "rb") as f:
            check_size(name, os.fstat(f.fileno()).st_size, max_bytes)
            return read_capped(f, name, max_bytes, "file")  # the file may grow while we read
    except OSError as e:
        raise InputError(name, os_reason(e)) from None


def os_reason(e: OSError) -> str:
    """`[Errno 2] No such file or directory: 'x'` -> `no such file or directory`."""
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return (e.strerror or str(e) or type(e).__name__).lower()
