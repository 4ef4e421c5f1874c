"""RSS and Atom feeds: a feed is a list of links, and each linked article is fetched like any URL.

Feed summaries are teasers, not articles, so they are never analysed; what the feed does know well is
the publication time (with its zone) and the headline, and those become hints on the fetched article.
A feed is recognised by its content type or, when servers send `text/xml` or even `text/html`, by
parsing it with feedparser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from ..errors import InputError
from ..model import Source
from .decode import DEFAULT_MAX_BYTES
from .web import Fetched, Fetcher, fetched_source, is_url

FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
})
_XML_TYPES = frozenset({"text/xml", "application/xml", "text/rss+xml", "text/atom+xml"})
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


@dataclass
class FeedEntry:
    """One item of a feed: where the article is, and the metadata the publisher states for it."""

    link: str
    title: str | None
    published: str | None


def looks_like_feed(media_type: str, body: bytes) -> bool:
    """Cheap test first (content type, root element); feedparser decides only for plain XML types."""
    if media_type in FEED_TYPES:
        return True
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    m = _FEED_ROOT.search(head[:1024])
    if m and b"<html" not in head[: m.start()].lower():  # the root element, not a tag inside a page
        return True
    if media_type in _XML_TYPES:
        return bool(feedparser.parse(body).get("version"))
    return False


def _published(entry: Any) -> str | None:
    """The entry's date as ISO 8601, keeping the publisher's zone offset.

    feedparser's `*_parsed` fields are normalised to UTC and lose the offset, so the raw string is
    parsed first (RFC 822 in RSS, RFC 3339 in Atom) and the UTC tuple is only the fallback.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return None


def parse_feed(body: bytes, name: str, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of a feed, in feed order, without duplicate links; `InputError` if it has none.

    feedparser is lenient (it reads broken XML and sets `bozo`), so a feed is refused only when
    nothing usable came out of it.
    """
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise InputError(name, f"not an RSS or Atom feed{f' ({why})' if why else ''}")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if base_url:
            link = urljoin(base_url, link)
        if not link or link in seen:
            continue
        seen.add(link)
        entries.append(FeedEntry(link=link, title=(entry.get("title") or "").strip() or None,
                                 published=_published(entry)))
    if not entries:
        raise InputError(name, "feed has no entries with links")
    return entries


def iter_feed_sources(
    body: bytes,
    name: str,
    fetcher: Fetcher,
    *,
    base_url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Source | InputError]:
    """Fetch every article a feed links to; one `Source` or `InputError` per entry, in feed order."""
    try:
        entries = parse_feed(body, name, base_url)
    except InputError as e:
        yield e
        return
    for i, entry in enumerate(entries, 1):
        where = f"{name}#entry-{i}"
        if not is_url(entry.link):
            yield InputError(where, f"entry link is not an http(s) URL: {entry.link!r}")
            continue
        try:
            fetched = fetcher.fetch(entry.link)
            if looks_like_feed(fetched.media_type, fetched.body):
                raise InputError(entry.link, "link is another feed, not an article")
            src = fetched_source(fetched, name=entry.link, max_bytes=max_bytes)
        except InputError as e:
            yield e
            continue
        src.title = entry.title
        src.published = entry.published
        yield src


def feed_from_fetched(fetched: Fetched, name: str, fetcher: Fetcher,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """The articles of a feed that was itself fetched from the web (relative links resolve against it)."""
    yield from iter_feed_sources(fetched.body, name, fetcher, base_url=fetched.url, max_bytes=max_bytes)
