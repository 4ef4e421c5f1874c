"""One article page to a `Cleaned` record: dispatch HTML vs text, run the Indonesian text pass, apply hints.

The text pass is shared: HTML goes through trafilatura first (html.py) and its extracted text then gets
the same line classifier and metadata rules as text that was scraped with its clutter. Metadata the
caller passes in `Source` (url, title, published, outlet) is a hint and wins over what the page says.
"""

from __future__ import annotations

import re

from ..model import Source
from . import Cleaned
from .boilerplate import Label, Layout, classify
from .comments import parse_comments
from .language import detect_language
from .metadata import find_cited_sources, is_name, outlet_from_lines, outlet_from_url
from .repair import repair_text
from .unglue import unglue

# Text beyond this is not an article (a dump, a log, a binary mistaken for text): clean the head only.
MAX_CHARS = 2_000_000
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml)|<(?:p|div|article|body)[\s>]", re.I)


def looks_like_html(text: str) -> bool:
    """A 'text' input that is really a page's HTML (pasted or mislabelled)."""
    head = text[:2000]
    return bool(_LOOKS_HTML.search(head)) and head.count("<") >= 5


def strip_tags(line: str) -> str:
    """Drop stray markup left in scraped text ('LAPORAN: <a href=...>RENI ERINA</a>')."""
    if "<" not in line:
        return line
    return _TAG.sub("", line).strip()


def _published(layout: Layout) -> str | None:
    """The publication time: the dateline under the title, not the page's "today" date above it.

    Pages print today's date in their chrome, above the headline; the article's own dateline sits
    between the headline and the body. Without a title, a dateline with a time in the header counts;
    failing that, one after the body (some sites print it at the end).
    """
    lines = layout.lines
    start = layout.body_start if layout.body_start is not None else len(lines)
    header = [ln for ln in lines[:start] if ln.label is Label.DATELINE and ln.dateline]
    if layout.title is not None:
        after_title = [ln for ln in header if ln.index > layout.title]
        if after_title:
            timed = [ln for ln in after_title if ln.dateline.has_time]
            return (timed or after_title)[0].dateline.iso
        return None
    timed = [ln for ln in header if ln.dateline.has_time]
    if timed:
        return timed[0].dateline.iso
    end = layout.body_end if layout.body_end is not None else len(lines)
    tail = [ln for ln in lines[end + 1 :] if ln.label is Label.DATELINE and ln.dateline and ln.dateline.has_time]
    return tail[0].dateline.iso if tail else None


def _authors(layout: Layout) -> list[str]:
    """Names from bylines; a lone 'Penulis' label takes the name line next to it (Kompas prints the
    name above the label)."""
    lines = layout.lines
    names: list[str] = []
    for line in lines:
        if line.label is not Label.BYLINE or line.byline is None:
            continue
        if line.byline.role != "author":
            continue
        if line.byline.names:
            names.extend(line.byline.names)
            continue
        if line.byline.label_only:
            neighbours = [ln for ln in lines[max(0, line.index - 3) : line.index] if ln.text][-1:]
            neighbours += [ln for ln in lines[line.index + 1 : line.index + 4] if ln.text][:1]
            for ln in neighbours:
                if ln.index != layout.title and ln.label is not Label.BODY and is_name(ln.text):
                    names.append(ln.text.strip())
                    break
    return list(dict.fromkeys(names))


def clean_text(
    text: str,
    *,
    title_hint: str | None = None,
    url: str | None = None,
    outlet_hint: str | None = None,
) -> Cleaned:
    """The Indonesian text pass over already-extracted page text."""
    warnings: list[str] = []
    if len(text) > MAX_CHARS:
        warnings.append(f"text of {len(text):,} characters cut to the first {MAX_CHARS:,} for cleaning")
        text = text[:MAX_CHARS]
    repaired = unglue(repair_text(text))
    raw_lines = [strip_tags(line) for line in repaired.split("\n")]
    layout = classify(raw_lines, title_hint=title_hint)
    lines = layout.lines

    body = "\n\n".join(layout.body_paragraphs)
    title = lines[layout.title].text if layout.title is not None else None
    meta_lines = [ln.text for ln in lines if ln.label is Label.META]
    comments = []
    if layout.comments_start is not None:
        comments = parse_comments([ln.text for ln in lines[layout.comments_start :]])
    outlet = outlet_hint or outlet_from_url(url) or outlet_from_lines([ln.text for ln in lines if ln.text])
    return Cleaned(
        body=body,
        title=title,
        published=_published(layout),
        authors=_authors(layout),
        cited_sources=find_cited_sources(layout.body_paragraphs, meta_lines),
        comments=comments,
        outlet=outlet,
        url=url,
        language=detect_language(body) if body else None,
        warnings=warnings,
    )


def clean_page(source: Source) -> Cleaned:
    """Clean one `Source`; never raises on odd input (empty, binary-ish, huge), it warns instead."""
    try:
        if source.html is not None or (source.text and looks_like_html(source.text)):
            from .html import clean_html

            cleaned = clean_html(source.html if source.html is not None else source.text or "", source)
        else:
            cleaned = clean_text(
                source.text or "", title_hint=source.title, url=source.url, outlet_hint=source.outlet
            )
    except Exception as exc:  # cleaning must not take the batch down; say what happened
        cleaned = Cleaned(warnings=[f"cleaning failed on {source.name or source.id}: {type(exc).__name__}: {exc}"])
    # hints win
    cleaned.url = source.url or cleaned.url
    cleaned.title = source.title or cleaned.title
    cleaned.published = source.published or cleaned.published
    cleaned.outlet = source.outlet or cleaned.outlet or outlet_from_url(cleaned.url)
    if not cleaned.body.strip():
        cleaned.warnings.append("no article text found")
    return cleaned


__all__ = ["clean_page", "clean_text", "looks_like_html", "strip_tags"]
