"""Cleaning: from raw page text or HTML to an article body, its metadata and its reader comments.

`clean(source)` is the single entry point; `analyze` calls it. HTML goes through trafilatura and then
the same Indonesian text pass as already-extracted text, so both kinds of input get the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CitedSource, Comment, Source


@dataclass
class Cleaned:
    """What cleaning knows about one article before any language analysis."""

    body: str = ""
    title: str | None = None
    published: str | None = None  # ISO 8601, with offset when the page gives a time zone
    authors: list[str] = field(default_factory=list)
    cited_sources: list[CitedSource] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def clean(source: Source) -> Cleaned:
    """Clean one article; see `warta.clean.page.clean_page`."""
    from .page import clean_page

    return clean_page(source)


__all__ = ["Cleaned", "clean"]
