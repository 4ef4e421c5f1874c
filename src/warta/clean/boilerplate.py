"""The line classifier: which lines of a scraped page are the article, and what every other line is.

A scraped page is a column of lines: site chrome, the title, a dateline and byline, the article with
clutter woven in (captions, "Baca juga" links, ads), then related headlines, share prompts, comments
and footers. The article is the block of *prose* — lines that read as sentences — and the classifier
works in three passes:

1. per line, features that need no context: blank, known clutter (language-pack data), caption,
   dateline, byline, source line, sentence-likeness, capitalisation, repetition on the page;
2. the body block: from the first prose line to the last one before an end marker (related news,
   comment section, footer);
3. inside the block, short non-prose lines are judged by their shape: a sentence-case subheading stays,
   a Title Case teaser, a "Turki: ..." related headline, a repeated line or a line inside a related-news
   list goes.

Nothing here knows a particular site; the word lists live in lang/id/data/clutter.json.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from ..lang.id import load_json
from .metadata import Byline, Dateline, is_source_line, parse_byline, parse_dateline


class Label(StrEnum):
    BLANK = "blank"
    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    META = "meta"  # "Sumber: ...", editor lines: metadata, never body
    BODY = "body"
    NOISE = "noise"  # inside the article, not article text: captions, "Baca juga", ads, initials
    CLUTTER = "clutter"  # page chrome around the article
    COMMENT = "comment"


@dataclass
class Line:
    """One page line with the features the passes read."""

    index: int
    text: str
    key: str  # casefolded, whitespace collapsed: for clutter look-ups and repetition
    label: Label = Label.CLUTTER
    prose: bool = False
    clutter: bool = False
    caption: bool = False
    dateline: Dateline | None = None
    byline: Byline | None = None
    source: bool = False
    initials: bool = False
    list_header: bool = False
    end_marker: bool = False
    comment_header: bool = False


@dataclass
class Layout:
    """The classified page: every line labelled, plus where the title, body and comments are."""

    lines: list[Line]
    title: int | None = None
    body_start: int | None = None
    body_end: int | None = None
    comments_start: int | None = None
    body_paragraphs: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class _Clutter:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    regex: re.Pattern[str] | None
    inline: tuple[re.Pattern[str], ...]
    list_headers: frozenset[str]
    end_markers: frozenset[str]
    comment_headers: re.Pattern[str] | None
    comment_noise: frozenset[str]
    caption: tuple[re.Pattern[str], ...]


def _union(patterns: list[str], flags: int = 0) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


@lru_cache(maxsize=1)
def clutter_data() -> _Clutter:
    """clutter.json compiled once per process."""
    d = load_json("clutter.json")
    return _Clutter(
        exact=frozenset(d.get("exact", [])),
        prefixes=tuple(sorted(d.get("prefix", []), key=len, reverse=True)),
        regex=_union(d.get("regex", [])),
        inline=tuple(re.compile(p, re.I) for p in d.get("inline", [])),
        list_headers=frozenset(h.rstrip(":").strip() for h in d.get("list_headers", [])),
        end_markers=frozenset(d.get("end_markers", [])),
        comment_headers=_union(d.get("comment_headers", [])),
        comment_noise=frozenset(d.get("comment_noise", [])),
        caption=tuple(re.compile(p) for p in d.get("caption", [])),
    )


# -------------------------------------------------------------------------------------- features

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_TERMINAL = tuple('.!?"”’)…»')
_INITIALS = re.compile(r"^[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})*\s*[)\]]$")
# "Turki: Terlambat, penjajah ..." — a short attribution, a colon, a capitalised statement: headline style.
# '"...," kata X' / '"...!" ujarnya': a quotation with its attribution is always running text
_QUOTE_SPEECH = re.compile(r"[,.!?…][\"”’']\s+[a-z]")
_HAS_WORD = re.compile(r"[^\W\d_]{2,}")
_BULLET = re.compile(r"^(?:[-–—•·*▪►]|\d{1,2}[.)]\s|[a-z][.)]\s)")


def norm_key(text: str) -> str:
    """Casefolded, whitespace collapsed, trailing colons and spaces dropped."""
    return _WS.sub(" ", text).strip().casefold()


def title_case_ratio(text: str) -> float:
    """Share of words after the first that start with a capital: ~0.2 in prose, ~0.8 in headlines."""
    words = _WORD.findall(text)[1:]
    words = [w for w in words if len(w) > 2 or w[0].isupper()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def is_prose(text: str) -> bool:
    """Reads as running text: a sentence end, several words, not capitalised like a headline.

    Names weigh on capitalisation ('kata Wakil Ketua KPK Johanis Tanak'), so long lines and quoted speech
    get a wider margin; headlines are short and never carry a quotation with its speaker.
    """
    n_words = len(text.split())
    if n_words < 4:
        return False
    ratio = title_case_ratio(text)
    if text.endswith(_TERMINAL) or (text.endswith(":") and n_words >= 8):
        if _QUOTE_SPEECH.search(text) or len(text) >= 200:
            return True
        return ratio < 0.6 or (len(text) >= 100 and ratio < 0.9)
    # long paragraphs that lost their final full stop
    return len(text) >= 160 and ratio < 0.5


def is_clutter(key: str) -> bool:
    """A known clutter line (language-pack data): navigation, ads, share and subscribe prompts, footers."""
    c = clutter_data()
    bare = key.strip(" :|•·-–—>»«")
    if key in c.exact or bare in c.exact:
        return True
    if key.startswith(c.prefixes):
        return True
    return bool(c.regex and c.regex.search(key))


def is_caption(text: str) -> bool:
    """A photo caption or credit ('... Foto/Azernews', '... /Net', '(ANTARA FOTO/...)')."""
    if len(text) > 300:
        return False
    return any(p.search(text) for p in clutter_data().caption)


def is_related_headline(text: str) -> bool:
    """A headline-shaped line that links elsewhere: 'Turki: statement', a teaser cut with '...'.

    Indonesian headlines attribute with a colon ("Azerbaijan: Armenia telah ..."); the words right before
    the colon are a short name, and the line has no closing full stop. Body sentences with a colon end
    with one, list items start with a bullet, and subheadings that introduce a list end with the colon.
    """
    if text.endswith(("...", "…")) and not text.endswith(('."', ".”")):
        return True
    if len(text) > 160 or text.endswith((".", ":", ".”", '."', ".’")) or _BULLET.match(text):
        return False
    head, colon, tail = text.partition(": ")
    if not colon or not tail or not (tail[0].isupper() or tail[0] in "‘'\"“"):
        return False
    speaker = head.rsplit(",", 1)[-1].split()
    return 1 <= len(speaker) <= 3 and speaker[0][:1].isupper() and "." not in head


def line_features(index: int, text: str) -> Line:
    """Context-free features of one (already repaired) line."""
    key = norm_key(text)
    line = Line(index=index, text=text, key=key)
    if not key:
        line.label = Label.BLANK
        return line
    c = clutter_data()
    bare = key.rstrip(": ").strip()
    line.list_header = bare in c.list_headers
    line.end_marker = bare in c.end_markers
    line.comment_header = bool(c.comment_headers and c.comment_headers.search(key))
    line.clutter = line.list_header or line.end_marker or line.comment_header or is_clutter(key)
    line.initials = bool(_INITIALS.match(key))
    line.caption = not line.clutter and is_caption(text)
    line.dateline = parse_dateline(text)
    if not line.clutter and line.dateline is None:
        line.byline = parse_byline(text)
        line.source = is_source_line(text)
    line.prose = (
        not (line.clutter or line.caption or line.initials or line.source)
        and line.dateline is None
        and line.byline is None
        and is_prose(text)
    )
    return line


# ---------------------------------------------------------------------------------------- passes


def _find_comments(lines: list[Line], after: int) -> int | None:
    """Where the reader-comment section opens (a 'N Comments' header after the article began)."""
    for line in lines[after:]:
        if line.comment_header:
            return line.index
    return None


def _find_title(lines: list[Line], start: int, stop: int, hint_key: str | None) -> int | None:
    """The headline among the lines above the article.

    Headline-shaped (3-30 words, no sentence end), not chrome; repeated lines and lines right above the
    dateline score higher, then longer ones. A title hint from the caller wins when a line equals it.
    """
    if hint_key:
        for line in lines:
            if line.key.strip(" .") == hint_key:
                return line.index
    dateline_at = [ln.index for ln in lines[start:stop] if ln.dateline is not None or ln.byline is not None]
    keys = Counter(ln.key for ln in lines[start:stop] if ln.key)
    best, best_score = None, 0.0
    for line in lines[start:stop]:
        if line.label is Label.BLANK or line.clutter or line.caption or line.dateline or line.byline:
            continue
        n = len(line.text.split())
        if n < 3 or n > 30 or line.text.endswith(("...", "…", ".")):
            continue
        score = float(n)
        if keys[line.key] > 1:
            score += 10
        if any(0 < d - line.index <= 3 for d in dateline_at):
            score += 5
        if score > best_score:
            best, best_score = line.index, score
    return best


def _body_bounds(lines: list[Line], comments_start: int | None) -> tuple[int | None, int | None]:
    """First and last lines of the article block.

    The block runs from the first prose line to the last one before an end marker, then on through a
    list that closes the article ('Berikut daftar saksi:' and its numbered items), which has no prose.
    """
    limit = comments_start if comments_start is not None else len(lines)
    start = next((ln.index for ln in lines[:limit] if ln.prose), None)
    if start is None:
        return None, None
    end_marker = next((ln.index for ln in lines[start + 1 : limit] if ln.end_marker), limit)
    end = max((ln.index for ln in lines[start:end_marker] if ln.prose), default=start)
    for ln in lines[end + 1 : end_marker]:
        if ln.label is Label.BLANK:
            continue
        if ln.clutter or ln.caption or ln.dateline or ln.byline or ln.source or ln.initials:
            break
        if not (_BULLET.match(ln.text) or ln.text.endswith(":")):
            break
        end = ln.index
    return start, end


def _is_subheading(lines: list[Line], line: Line) -> bool:
    """A short Title Case line that opens the paragraph after it ('Lestarikan Budaya Pangan Lokal').

    Related-article headlines are longer and punctuated (commas, '?', '!'); a subheading is a few words
    and is followed by prose.
    """
    text = line.text
    if len(text.split()) > 8 or any(ch in text for ch in ",?!;\"“”"):
        return False
    nxt = next((ln for ln in lines[line.index + 1 :] if ln.label is not Label.BLANK), None)
    return nxt is not None and nxt.prose


def _cut_inline(text: str) -> str:
    """Cut inline '(Baca juga: ...)' links and trailing editor initials; keep the rest of the line."""
    for pattern in clutter_data().inline:
        text = pattern.sub("", text)
    return text.strip()


def classify(raw_lines: list[str], title_hint: str | None = None) -> Layout:
    """Label every line of a page and collect the article body as paragraphs."""
    lines = [line_features(i, t) for i, t in enumerate(raw_lines)]
    layout = Layout(lines=lines)
    if not lines:
        return layout

    first_prose = next((ln.index for ln in lines if ln.prose), 0)
    layout.comments_start = _find_comments(lines, first_prose)
    start, end = _body_bounds(lines, layout.comments_start)
    hint_key = norm_key(title_hint).strip(" .") if title_hint else None
    layout.title = _find_title(lines, 0, start if start is not None else len(lines), hint_key)
    title_key = lines[layout.title].key if layout.title is not None else hint_key
    # a line printed twice on a page is a headline teaser or widget; list intros ("Cara membuat:") repeat
    # legitimately in recipes and how-tos
    repeats = Counter(ln.key for ln in lines if len(ln.key.split()) >= 4 and not ln.key.endswith(":"))
    layout.body_start, layout.body_end = start, end

    in_list = False
    for line in lines:
        i = line.index
        if line.label is Label.BLANK:
            continue
        if layout.comments_start is not None and i >= layout.comments_start:
            line.label = Label.COMMENT
            continue
        if i == layout.title:
            line.label = Label.TITLE
            continue
        if line.dateline is not None:
            line.label = Label.DATELINE
            continue
        if line.byline is not None:
            line.label = Label.BYLINE
            continue
        if line.source:
            line.label = Label.META
            continue
        inside = start is not None and end is not None and start <= i <= end
        if not inside:
            line.label = Label.CLUTTER
            continue
        if line.list_header:
            in_list = True
        if line.clutter or line.caption or line.initials or (title_key and line.key == title_key):
            line.label = Label.NOISE
            continue
        if line.prose and not is_related_headline(line.text):
            in_list = False
            text = _cut_inline(line.text)
            if text:
                line.label = Label.BODY
                layout.body_paragraphs.append(text)
            else:
                line.label = Label.NOISE
            continue
        # a short non-prose line inside the article: subheading, list item, or headline-shaped clutter
        bullet = bool(_BULLET.match(line.text))
        title_case = (
            title_case_ratio(line.text) >= 0.75 and len(line.text.split()) >= 3 and not line.text.endswith(":")
        )
        if (
            in_list
            or repeats[line.key] > 1
            or is_related_headline(line.text)
            or (title_case and not bullet and not _is_subheading(lines, line))
        ):
            line.label = Label.NOISE
            continue
        text = _cut_inline(line.text)
        if text and _HAS_WORD.search(text) and not is_clutter(norm_key(text)):
            line.label = Label.BODY
            layout.body_paragraphs.append(text)
        else:
            line.label = Label.NOISE
    return layout


__all__ = ["Label", "Layout", "Line", "classify", "clutter_data", "is_caption", "is_clutter", "is_prose",
           "is_related_headline", "line_features", "norm_key", "title_case_ratio"]
