"""Text repair: mojibake, Unicode normal form and whitespace, before any line is classified.

Scraped Indonesian pages often carry UTF-8 that was decoded once as cp1252 or Latin-1 ("ErdoÄŸan" for
"Erdoğan"). ftfy fixes a whole string when it is uniformly broken, but it leaves *mixed* strings alone: in
"Mevlüt ÇavuÅŸoÄŸlu" a correct "ü" and "Ç" sit beside the broken pairs, so ftfy cannot prove that
re-decoding the whole run is safe. `fix_mixed_mojibake` works pair by pair instead: only a run that reads
as a valid UTF-8 sequence once re-encoded (a lead byte followed by its continuation bytes) is replaced, so
correct accented letters, which never form such a run, are never touched.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy


def _cp1252_byte_of() -> dict[str, int]:
    """Map each character that a single cp1252/Latin-1 byte decodes to, back to that byte."""
    table: dict[str, int] = {}
    for b in range(0x80, 0x100):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            table[chr(b)] = b  # bytes cp1252 leaves undefined come through as C1 controls
    for b in range(0x80, 0xA0):  # Latin-1 reading of the same bytes
        table.setdefault(chr(b), b)
    return table


_BYTE_OF = _cp1252_byte_of()
_CONT = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF)
_LEAD2 = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0xC2 <= b <= 0xDF)
_LEAD3 = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0xE0 <= b <= 0xEF)
_LEAD4 = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0xF0 <= b <= 0xF4)
# One mis-decoded UTF-8 sequence: a lead byte and exactly the continuation bytes it announces.
_MOJIBAKE_SEQ = re.compile(
    f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}"
)
# Cheap pre-check: no lead character, no work.
_HAS_LEAD = re.compile(f"[{_LEAD2}{_LEAD3}{_LEAD4}]")

_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MANY_BLANKS = re.compile(r"\n{3,}")


def _redecode(match: re.Match[str]) -> str:
    """Turn one mis-decoded sequence back into its character; leave it if it does not decode."""
    run = match.group(0)
    try:
        fixed = bytes(_BYTE_OF[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return run
    # A sequence that decodes to a control or private-use code point was probably real text.
    if unicodedata.category(fixed[0]) in {"Cc", "Co", "Cs"}:
        return run
    return fixed


def fix_mixed_mojibake(text: str) -> str:
    """Re-decode cp1252/Latin-1 pair runs that ftfy leaves when correct accents sit beside them."""
    if not _HAS_LEAD.search(text):
        return text
    return _MOJIBAKE_SEQ.sub(_redecode, text)


def normalize_whitespace(text: str) -> str:
    """One space between words, no trailing spaces, `\\n` line ends, at most one blank line in a row.

    Lines are kept: the boilerplate classifier works line by line, and a blank line is a paragraph break.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip("\n")


def repair_text(text: str | None) -> str:
    """ftfy (quotes kept curly), then the mixed-run fix, NFC and whitespace; never raises.

    Pure-ASCII text skips ftfy: it cannot hold mojibake, and ftfy is the slowest step of cleaning.
    """
    if not text:
        return ""
    if not text.isascii():
        try:
            text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
        except Exception:  # ftfy on pathological input: keep going with the raw text
            pass
        text = fix_mixed_mojibake(text)
        text = unicodedata.normalize("NFC", text)
    return normalize_whitespace(text)


__all__ = ["fix_mixed_mojibake", "normalize_whitespace", "repair_text"]
