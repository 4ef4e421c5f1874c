"""Reader comments: found apart from the article, returned as `Comment(author, text)`, never in `body`.

Comment widgets (wpDiscuz, Disqus, site-made ones) print each comment as: the author's name (often twice:
avatar alt text and link), a time stamp ("3 years ago", "2 jam yang lalu", a date), then the text. The
time stamp is the anchor: the short name-like lines right above it are the author, the lines after it up
to the next comment's author are the text.
"""

from __future__ import annotations

import re

from ..model import Comment
from .boilerplate import clutter_data, is_clutter, norm_key
from .metadata import find_date, is_name

_TIMESTAMP = re.compile(
    r"^(?:\d+|a|an|one|se)\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?|detik|menit|jam|hari|minggu|bulan|tahun)"
    r"(?:\s+(?:ago|yang lalu|lalu))?$|^(?:just now|baru saja|kemarin|yesterday)$",
    re.I,
)


def _is_timestamp(text: str) -> bool:
    if _TIMESTAMP.match(text):
        return True
    found = find_date(text)
    return found is not None and len(text) < 40


def _is_noise(text: str) -> bool:
    key = norm_key(text)
    return key in clutter_data().comment_noise or key.isdigit() or is_clutter(key)


def parse_comments(lines: list[str]) -> list[Comment]:
    """Comments from the lines of a comment section (header included or not).

    Without any time stamp the section cannot be split reliably; each non-noise paragraph then becomes
    one comment without an author, which is still better than letting it into the body.
    """
    lines = [ln.strip() for ln in lines]
    stamps = [i for i, ln in enumerate(lines) if ln and _is_timestamp(ln)]
    if not stamps:
        return [Comment(author=None, text=ln) for ln in lines if ln and not _is_noise(ln) and len(ln.split()) >= 3]

    def author_block(stamp: int, floor: int) -> tuple[int, str | None]:
        """Start index and name of the author lines just above a time stamp."""
        j, name = stamp, None
        while j - 1 > floor:
            prev = lines[j - 1]
            if not prev:
                if name is None:
                    j -= 1
                    continue
                break
            if not is_name(prev) or _is_noise(prev):
                break
            name = name or prev
            j -= 1
        return j, name

    comments: list[Comment] = []
    floor = -1
    blocks = []
    for stamp in stamps:
        start, name = author_block(stamp, floor)
        blocks.append((start, stamp, name))
        floor = stamp
    for k, (_start, stamp, name) in enumerate(blocks):
        stop = blocks[k + 1][0] if k + 1 < len(blocks) else len(lines)
        text_lines = []
        for ln in lines[stamp + 1 : stop]:
            if not ln:
                continue
            if _is_noise(ln):
                if text_lines:
                    break
                continue
            text_lines.append(ln)
        text = "\n".join(text_lines).strip()
        if text:
            comments.append(Comment(author=name, text=text))
    return comments


__all__ = ["parse_comments"]
