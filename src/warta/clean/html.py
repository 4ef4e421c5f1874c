"""HTML pages: one trafilatura pass for body, metadata and comments, then the Indonesian text pass.

trafilatura is the costliest step, so it runs once (`bare_extraction` with metadata and comments):
comments come out apart from the body, the metadata feeds title, date, author and site name, and the
extracted text goes through the same line classifier as scraped text, which removes what trafilatura
keeps ("Baca juga" links, captions, editor initials, bylines).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Source
from . import Cleaned
from .comments import parse_comments
from .metadata import find_date, is_name, outlet_from_lines, outlet_from_url, parse_byline
from .page import clean_text
from .repair import repair_text

_TITLE_SEP = re.compile(r"(\s+[|–—\-»]\s+|\s*\|\s*|:\s+)")
# A time-bearing publication stamp in the page head (meta tags, JSON-LD): keys found with str.find, the
# value read with an anchored regex, so the page is never scanned by a slow case-insensitive pattern.
_COMMENT_MARKERS = ("wpd-comment", "comment-content", "commentlist", "comment-list", "comment-body",
                    "comment-text", "class=\"comment\"", "class='comment'", "komentar-isi", "comment-respond")
_HEAD_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
_PUBLISHED_KEYS = ("published_time", "datePublished", "pubdate", "publishdate", "date_published", "DC.date")
_PUBLISHED_VALUE = re.compile(
    r"(\d{4}-\d{2}-\d{2})\s*[T ]\s*(\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?"
)


def _site_words(doc: Any, outlet: str | None) -> set[str]:
    """Lowercased names of the site, to recognise them in a `Title - Site` string."""
    words = set()
    for name in (getattr(doc, "sitename", None), getattr(doc, "hostname", None), outlet):
        if name:
            n = name.casefold().removeprefix("www.")
            words.add(n)
            words.add(n.split(".")[0])
    return {w for w in words if w}


def clean_title(title: str | None, doc: Any = None, outlet: str | None = None) -> str | None:
    """'Kapanlagi.com: Musik - Judul Berita' -> 'Judul Berita': drop the site name and short section
    labels at either end of a page title, keep colons that belong to the headline ('FOTO: ...')."""
    if not title:
        return None
    title = repair_text(title).replace("\n", " ").strip()
    site = _site_words(doc, outlet)
    pieces = _TITLE_SEP.split(title)  # [part, sep, part, sep, part ...]
    parts, seps = pieces[0::2], pieces[1::2]

    def is_site(part: str) -> bool:
        p = part.casefold().strip()
        return p in site or any(s in p for s in site if len(s) >= 4) or ".com" in p or ".co." in p

    def droppable(part: str, sep: str) -> bool:
        # a one-word section label goes only across a dash or bar, never across a colon
        return is_site(part) or (len(part.split()) <= 1 and ":" not in sep)

    while len(parts) > 1 and droppable(parts[0], seps[0]):
        parts, seps = parts[1:], seps[1:]
    while len(parts) > 1 and droppable(parts[-1], seps[-1]):
        parts, seps = parts[:-1], seps[:-1]
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip() or title


def page_head(html: str) -> str:
    """The `<head>` of a page (or its first 300 kB): where meta tags and the `<title>` live."""
    end = html.find("</head>", 0, 300_000)
    return html[: end if end > 0 else 300_000]


def _published(head: str, day: str | None, text_date: str | None) -> str | None:
    """Day from trafilatura, time (and zone) from the page head or a dateline when they agree on the day."""
    m = None
    for key in _PUBLISHED_KEYS:
        at = head.find(key)
        if at >= 0:
            m = _PUBLISHED_VALUE.search(head, at, at + 160)
            if m:
                break
    if m and (day is None or m.group(1) == day):
        zone = m.group(4) or ""
        if zone == "Z":
            zone = "+00:00"
        elif zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        return f"{m.group(1)}T{m.group(2)}:{m.group(3)}:00{zone}"
    if text_date and (day is None or text_date[:10] == day):
        return text_date
    return day


def _authors(doc_author: str | None) -> list[str]:
    """trafilatura's author string ('Pewarta Nur Imansyah; B Kunto') as names."""
    if not doc_author:
        return []
    names = []
    for part in re.split(r"\s*[;|]\s*", doc_author):
        byline = parse_byline(part)
        if byline is not None:
            if byline.role == "author":
                names.extend(byline.names)
        elif is_name(part):
            names.append(part.strip())
    return names


def has_server_comments(html: str | bytes) -> bool:
    """Whether the page renders reader comments in its HTML (WordPress and wpDiscuz markup).

    Most Indonesian news sites load comments with JavaScript (Disqus, Facebook), so their HTML holds none;
    trafilatura's comment pass costs about an eighth of its run time, so it runs only where comments are.
    The body never contains comments either way: without the pass, trafilatura discards comment sections.
    """
    head = html[:2_000_000] if isinstance(html, str) else html[:2_000_000].decode("utf-8", "ignore")
    return any(marker in head for marker in _COMMENT_MARKERS)


def clean_html(html: str | bytes, source: Source) -> Cleaned:
    """Extract and clean one HTML page; an empty or unparsable page gives an empty `Cleaned` with a warning."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=source.url, include_comments=has_server_comments(html), with_metadata=True,
        include_tables=True, favor_precision=True,
    )
    if doc is None:
        return Cleaned(url=source.url, warnings=["trafilatura found no article text in the HTML"])
    text = doc.text or ""
    url = source.url or doc.url
    outlet = source.outlet or outlet_from_url(url) or outlet_from_url(doc.hostname)
    title = source.title or clean_title(doc.title, doc, outlet)
    cleaned = clean_text(text, title_hint=title, url=url, outlet_hint=outlet)
    # the text pass sees only the article block: metadata comes from the page, the text pass fills gaps
    cleaned.title = title or cleaned.title
    html_str = html if isinstance(html, str) else html[:200_000].decode("utf-8", "replace")
    text_date = cleaned.published
    if text_date is None and text:
        for line in text.split("\n")[:5]:
            found = find_date(line)
            if found and found.has_time:
                text_date = found.iso
                break
    head = page_head(html_str)
    cleaned.published = _published(head, doc.date, text_date)
    cleaned.authors = list(dict.fromkeys(_authors(doc.author) + cleaned.authors))
    if doc.comments:
        cleaned.comments = parse_comments(repair_text(doc.comments).split("\n")) + cleaned.comments
    if not cleaned.outlet:
        m = _HEAD_TITLE.search(head)
        named = [x for x in (doc.sitename, m.group(1) if m else None, doc.title, doc.author) if x]
        cleaned.outlet = outlet_from_lines(named) if named else None
    return cleaned


__all__ = ["clean_html", "clean_title"]
