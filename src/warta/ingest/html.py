"""HTML pages (.html, .htm): decoded here, parsed later by cleaning (trafilatura over lxml).

Broken markup is normal on news sites and lxml recovers from it, so this reader never rejects a page
for its markup; it only rejects what is not text at all (binary, empty, oversized). The page's own
`<meta charset>` is a hint for decoding when its bytes are not UTF-8.
"""

from __future__ import annotations

from ..model import Source
from .decode import DEFAULT_MAX_BYTES, decode_bytes, html_declared_charset, read_path


def html_source(data: bytes, *, id: str, name: str, url: str | None = None, declared: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file") -> Source:
    """One article from the bytes of an HTML page.

    `declared` is a charset from outside the page (an HTTP or WARC header); it wins over the page's
    own `<meta charset>`, as it does in browsers.
    """
    charset = declared or html_declared_charset(data)
    html = decode_bytes(data, name, declared=charset, max_bytes=max_bytes, what=what)
    return Source(id=id, html=html, url=url, name=name)


def read_html_file(path: str, *, id: str, name: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """One article from an .html/.htm file; the size cap is checked before the file is read."""
    name = name or path
    return html_source(read_path(path, name, max_bytes), id=id, name=name, max_bytes=max_bytes)


def looks_like_html(text: str) -> bool:
    """Whether sniffed text (stdin, an unknown extension) is markup rather than plain text.

    Plain article text rarely starts with `<` or contains structural tags; a page nearly always does.
    """
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<meta", "<!--")):
        return "<rss" not in head and "<feed" not in head
    return any(tag in head for tag in ("<html", "<body", "<div", "<p>", "<p ", "<article", "<br"))
