"""What makes two stored articles the same article: a canonical URL and a content hash.

The same story reaches warta many ways: the AMP page and the desktop page, a link shared with
`utm_*` tags, a mobile host, a WARC capture and a JSONL export of the same text. Re-ingesting any
of them must not add a second copy, so the store compares these two keys instead of raw URLs or ids.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Source

# Query keys that only say how the reader arrived, never which article it is.
_TRACKING_KEYS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "ref", "ref_src", "ref_url", "src", "source", "tag_from", "utm", "amp", "outputtype",
    "share", "s_cid", "cmpid", "spm",
})
# Keys that show the same article on one page (`?page=all`, `?single=1`) rather than another article.
_SAME_PAGE_VALUES = {"page": {"all"}, "single": {"1", "true"}}
# Host labels for mobile or AMP copies of the same site.
_COPY_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """The URL that names an article, whatever variant of it was fetched.

    http and https, `www.`/`m.`/`amp.` hosts, `/amp` path segments, tracking parameters, fragments,
    default ports and trailing slashes all collapse to one form; the remaining query keys are sorted.
    Anything that is not an http(s) URL comes back stripped but otherwise untouched.
    """
    if not url or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    for prefix in _COPY_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[0].lower() == "amp":
        segments = segments[1:]
    if segments and segments[-1].lower() in ("amp", "amp.html"):
        segments = segments[:-1]
    path = "/" + "/".join(segments)
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        low = key.lower()
        if low.startswith("utm_") or low in _TRACKING_KEYS:
            continue
        if value.lower() in _SAME_PAGE_VALUES.get(low, ()):
            continue
        query.append((key, value))
    return urlunsplit(("https", netloc, path, urlencode(sorted(query)), ""))


def _normalise(text: str | None) -> str:
    """Text as compared for identity: NFC, case-folded, whitespace collapsed.

    Re-cleaning the same page can change line breaks or a letter's case in a heading; neither makes
    it a different article.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "").casefold()).strip()


def content_hash(title: str | None, body: str | None) -> str:
    """A short, stable fingerprint of an article's words (title and body)."""
    data = _normalise(title) + "\x1f" + _normalise(body)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def source_fingerprint(source: Source) -> str:
    """A fingerprint of one raw input, so a re-run can skip inputs it already stored.

    It covers the raw text or HTML and every hint the caller gave, because a changed hint (a
    corrected date, say) should lead to a fresh analysis.
    """
    payload = [source.id, source.text, source.html, source.url, source.published, source.outlet, source.title]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


__all__ = ["canonical_url", "content_hash", "source_fingerprint"]
