"""Dates named in an article, resolved to ISO values against its publication time.

Indonesian news dates events by weekday with a day/month in brackets ("Kamis (13/8)"), by bare weekday
("pada hari Minggu", "Sabtu malam" - the last such day on or before publication), by relative words
("kemarin", "bulan lalu", "Minggu lalu"), by day and month ("27 September", year taken from publication),
and by year ("sejak 1991"). dateparser handles some of these but not bare weekdays resolved backwards,
"Minggu" (Sunday) against "minggu" (week) or years among counts, so this is a small grammar whose words
live in the language pack (months.tsv, days.tsv, date_words.tsv, date_parts.tsv).

Values carry the precision the text gives: `2020`, `2020-07`, `2020-07-13`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from ..lang.id import load_tsv
from ..model import Article, DateRef


@dataclass(frozen=True)
class _Grammar:
    months: dict[str, int]
    days: dict[str, int]
    relative: dict[str, tuple[str, int, str]]
    parts: tuple[str, ...]
    full: re.Pattern[str]       # [Weekday,] D Month [YYYY]
    bracket: re.Pattern[str]    # [Weekday] (D/M[/YYYY]) or D/M/YYYY
    month_year: re.Pattern[str]  # [lead] Month [YYYY]
    weekday: re.Pattern[str]    # [hari] Weekday [part]
    relword: re.Pattern[str]    # kemarin, bulan lalu ...
    ago: re.Pattern[str]        # N hari/pekan/bulan/tahun (yang) lalu
    nth_day: re.Pattern[str]    # memasuki hari keenam
    year: re.Pattern[str]       # 1991 in a date context


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _rows(*names: str) -> list[tuple[str, ...]]:
    """Rows of the first files of `names` that exist (months.tsv is shared with cleaning)."""
    out: list[tuple[str, ...]] = []
    for name in names:
        try:
            out.extend(load_tsv(name))
        except FileNotFoundError:
            continue
    return out


@cache
def grammar() -> _Grammar:
    """Compile the date grammar once from the language pack."""
    months = {r[0].lower(): int(r[1]) for r in _rows("months.tsv", "date_months.tsv")}
    days = {r[0].lower(): int(r[1]) for r in _rows("days.tsv", "date_days.tsv")}
    relative = {r[0]: (r[1], int(r[2]), r[3]) for r in _rows("date_words.tsv")}
    parts_rows = _rows("date_parts.tsv")
    parts = tuple(r[0] for r in parts_rows if r[1] == "part")
    id_days = [d for d in days if d.isascii() and not d.endswith("day")] + [d for d in days if not d.isascii()]
    day_alt = _alt(id_days)
    month_alt = _alt(list(months))
    long_months = _alt([m for m in months if len(m) >= 3])
    part_alt = _alt(parts)
    # The patterns run case-sensitively over a lower-cased copy of the body (much faster than IGNORECASE);
    # where case matters ("Minggu" the day, "minggu" the week) the code looks at the body itself.
    # Each pattern opens on its distinctive core (a digit, a month, a weekday) and words that may stand
    # before it are checked by looking back (`*_before`), which keeps the scan over a long body fast.
    full = re.compile(
        rf"(?<![\d/])(?P<d>[0-3]?\d)\s+(?P<m>{month_alt})\.?(?:\s+(?P<y>(?:19|20)\d\d))?\b",
    )
    bracket = re.compile(
        r"\((?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>(?:19|20)?\d\d))?\)"
        r"|(?<![\w/])(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/(?P<y2>(?:19|20)\d\d)(?![\w/])",
    )
    month_year = re.compile(
        rf"\b(?P<m>{long_months})\b(?:\s+(?P<y>(?:19|20)\d\d)\b"
        rf"|\s+(?:tahun\s+)(?P<ry>depan|mendatang|lalu|kemarin|ini)\b"
        rf"|\s+(?P<rel>lalu|kemarin|silam|mendatang|depan)\b)?",
    )
    weekday = re.compile(
        rf"\b(?P<wd>{day_alt})\b(?:\s+(?P<part>{part_alt}|depan|mendatang)\b)?",
    )
    relword = re.compile(rf"(?<![\w-])(?P<w>{_alt(list(relative))})\b")
    ago = re.compile(
        r"(?<![\w-])(?P<n>\d+|satu|se|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s*"
        r"(?P<u>hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?(?:lalu|silam)\b",
    )
    nth_day = re.compile(r"\bmemasuki\s+(?P<t>hari\s+ke-?\w+)")
    year = re.compile(r"(?<![\w/.,\-])(?P<y>(?:19|20)\d\d)(?![\w/\-]|[.,]\d)")
    return _Grammar(months, days, relative, parts, full, bracket, month_year, weekday, relword, ago,
                    nth_day, year)


_WEEKDAY_BEFORE_TPL = r"\b(?P<wd>{days})\s*,?\s*$"
_HEDGE_BEFORE = re.compile(r"\b(?:hampir|sekitar|kurang\s+lebih|lebih\s+dari|beberapa)\s+$")
_HARI_BEFORE = re.compile(r"\b[Hh]ari\s+$")
_MONTH_LEAD_BEFORE = re.compile(r"\b(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|medio|bulan|selama|per)\s+$",
                                re.IGNORECASE)
_YEAR_LEAD_BEFORE = re.compile(
    r"\b(?:tahun|sejak|pada|hingga|sampai|awal|akhir|pertengahan|model|periode|era|musim|medio|edisi|usai|"
    r"sebelum|setelah|selama|th\.?|thn)\s+$|\($", re.IGNORECASE)
_LAW_BEFORE = re.compile(
    r"\b(?:nomor|no\.?|nomer)\s*[\w./-]+\s+tahun\s+$", re.IGNORECASE)
_LAW_ACR_BEFORE = re.compile(r"\b(?:UU|PP|Perpres|Perppu|Perpu|Permen\w*|PMK|Perda|Pergub|Perwal|Perbup|Keppres|Inpres|"
                             r"Kepmen\w*|SE|Perkap|Perpol)\s+\d+[\w./-]*\s+[Tt]ahun\s+$")
_HABITUAL_BEFORE = re.compile(r"\b(?:setiap|tiap|saban)\s+(?:hari\s+)?$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"(?:\d+|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|beberapa))\s+$")
_YEAR_TAIL = re.compile(r"\s*(?:[.,;:)]|$|lalu\b|silam\b)", re.IGNORECASE)


@cache
def _weekday_prefix_re() -> re.Pattern[str]:
    g = grammar()
    return re.compile(_WEEKDAY_BEFORE_TPL.format(days=_alt([d for d in g.days if not d.endswith("day")])),
                      re.IGNORECASE)


_NUM_WORDS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
              "delapan": 8, "sembilan": 9, "sepuluh": 10}


def parse_anchor(anchor: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string (the local day as written), or None."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _year_for(month: int, day: int | None, anchor: date) -> int:
    """The year of a day/month written without one: the anchor's, or the previous year when that would put
    the date more than two months after publication (news reports the past)."""
    y = anchor.year
    try:
        cand = date(y, month, day or 1)
    except ValueError:
        return y
    if (cand - anchor).days > 62:
        return y - 1
    return y


def _shift_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _weekday_before(anchor: date, iso_wd: int, forward: bool = False) -> date:
    """The last day with ISO weekday `iso_wd` on or before `anchor` (or the next one after, if forward)."""
    if forward:
        delta = (iso_wd - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(anchor.isoweekday() - iso_wd) % 7)


def _is_sunday(text: str, m: re.Match[str], body: str) -> bool:
    """"Minggu" is Sunday, "minggu" a week: Sunday when capitalised or after "hari", and not counted
    ("dua minggu") or ordinal ("minggu keenam")."""
    word = body[m.start("wd"):m.end("wd")]
    if word.lower() != "minggu":
        return True
    after = body[m.end("wd"):m.end("wd") + 12].lower()
    if re.match(r"\s+(ke-?\w+|ini|depan|terakhir|pertama|kedua)\b", after):
        return False
    if _HARI_BEFORE.search(body, max(0, m.start("wd") - 6), m.start("wd")):
        return True
    before = body[max(0, m.start("wd") - 12):m.start("wd")].lower()
    if re.search(r"(\d|satu|dua|tiga|empat|lima|enam|beberapa|per|se)\s*$", before):
        return False
    return word[0].isupper()


def extract_dates(doc: Any, art: Article, anchor: str | None) -> list[DateRef]:
    """Every date expression in `art.body` with its ISO value (see the module docstring)."""
    return find_dates(art.body, anchor)


def find_dates(body: str, anchor: str | None) -> list[DateRef]:
    """The date grammar over a text; patterns apply from the most to the least specific and a character
    belongs to one expression only, so "Kamis (13/8)" is not also "Kamis" and "13/8"."""
    g = grammar()
    base = parse_anchor(anchor)
    low = body.lower()
    if len(low) != len(body):  # a few characters lower-case to two ("İ"); keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in body)
    taken = bytearray(len(body))
    found: list[DateRef] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(a: int, b: int, value: str | None) -> None:
        if value is None or not free(a, b):
            return
        for i in range(a, b):
            taken[i] = 1
        found.append(DateRef(text=body[a:b], value=value, start=a, end=b))

    wd_before = _weekday_prefix_re()

    def with_weekday(start: int) -> int:
        """Extend a date back over the weekday written before it ("Jumat, 14 Agustus", "Kamis (13/8)")."""
        w = wd_before.search(body, max(0, start - 14), start)
        return w.start() if w else start

    # Parenthesised and slashed dates: Kamis (13/8), Senin (2/11/2020), 9/11/2020
    for m in g.bracket.finditer(low):
        d, mo, y = m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2")
        day, month = int(d), int(mo)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if y:
            year = int(y) + (2000 if len(y) == 2 else 0)
        elif base:
            year = _year_for(month, day, base)
        else:
            continue
        add(with_weekday(m.start()), m.end(), _iso(year, month, day))

    # Day and month: 27 September, Jumat, 14 Agustus 2020
    for m in g.full.finditer(low):
        month = g.months.get(m.group("m").lower())
        day = int(m.group("d"))
        if not month or not 1 <= day <= 31:
            continue
        if body[m.start("m")].islower() and len(m.group("m")) <= 4:
            continue  # "5 des" in running text is rarely a date; page chrome is handled by cleaning
        if m.group("y"):
            year = int(m.group("y"))
        elif base:
            year = _year_for(month, day, base)
        else:
            continue
        add(with_weekday(m.start()), m.end(), _iso(year, month, day))

    # Month with year, or after a lead word: Juli 2020, sejak Oktober
    for m in g.month_year.finditer(low):
        month = g.months.get(m.group("m").lower())
        if not month or not body[m.start("m")].isupper():
            continue
        if m.group("y"):
            add(m.start("m"), m.end(), f"{int(m.group('y')):04d}-{month:02d}")
        elif m.group("ry") and base:
            # "April tahun depan", "Maret tahun lalu": the month of the year named relative to the report
            shift = {"depan": 1, "mendatang": 1, "lalu": -1, "kemarin": -1}.get(m.group("ry"), 0)
            add(m.start("m"), m.end(), f"{base.year + shift:04d}-{month:02d}")
        elif m.group("rel") and base:
            rel = m.group("rel").lower()
            if rel in ("mendatang", "depan"):
                year = base.year + (1 if month < base.month else 0)
            else:
                year = base.year - (1 if month >= base.month else 0)
            add(m.start("m"), m.end(), f"{year:04d}-{month:02d}")
        elif base and _MONTH_LEAD_BEFORE.search(body, max(0, m.start() - 14), m.start()):
            add(m.start("m"), m.end(), f"{_year_for(month, None, base):04d}-{month:02d}")

    # "memasuki hari keenam": the day being entered is the day of the report
    if base:
        for m in g.nth_day.finditer(low):
            add(m.start("t"), m.end("t"), base.isoformat())

    # N units ago: dua hari lalu, tiga tahun silam
    if base:
        for m in g.ago.finditer(low):
            if _HEDGE_BEFORE.search(low, max(0, m.start() - 14), m.start()):
                for i in range(m.start(), m.end()):
                    taken[i] = 1  # "hampir dua tahun lalu": a vague span, not a date (nor "tahun lalu")
                continue
            n_text = m.group("n").lower()
            n = int(n_text) if n_text.isdigit() else _NUM_WORDS.get(n_text, 0)
            unit = m.group("u").lower()
            if unit == "hari":
                add(m.start(), m.end(), (base - timedelta(days=n)).isoformat())
            elif unit in ("pekan", "minggu"):
                add(m.start(), m.end(), (base - timedelta(days=7 * n)).isoformat())
            elif unit == "bulan":
                add(m.start(), m.end(), _shift_months(base, -n).strftime("%Y-%m"))
            else:
                add(m.start(), m.end(), f"{base.year - n:04d}")

    # Weekdays: pada hari Minggu, Sabtu malam, Minggu lalu, Kamis
    if base:
        for m in g.weekday.finditer(low):
            if not _is_sunday(m.group("wd"), m, body):
                continue
            if _HABITUAL_BEFORE.search(low, max(0, m.start() - 14), m.start()):
                continue  # "setiap hari Rabu", "tiap Jumat": a habit, no particular day
            wd = g.days.get(m.group("wd").lower())
            if not wd:
                continue
            part = (m.group("part") or "").lower()
            forward = part in ("depan", "mendatang")
            day = _weekday_before(base, wd, forward=forward)
            if part == "lalu" and day == base:
                day -= timedelta(days=7)
            h = _HARI_BEFORE.search(body, max(0, m.start() - 6), m.start())
            add(h.start() if h else m.start(), m.end(), day.isoformat())

    # Relative words: kemarin, bulan lalu, tahun lalu, hari yang sama
    if base:
        for m in g.relword.finditer(low):
            unit, offset, precision = g.relative[" ".join(m.group("w").lower().split())]
            if unit == "same":
                if _COUNT_BEFORE.search(low, max(0, m.start() - 20), m.start()):
                    continue  # "selama 3 hari itu": the span just counted, not a day
                value = _same_day(body, m.start(), found) or base.isoformat()
            elif unit == "day":
                value = (base + timedelta(days=offset)).isoformat()
            elif unit == "week":
                value = (base + timedelta(days=7 * offset)).isoformat()
            elif unit == "month":
                value = _shift_months(base, offset).strftime("%Y-%m")
            else:
                value = f"{base.year + offset:04d}"
            add(m.start(), m.end(), value)

    # Years in a date context: sejak 1991, pada tahun 1994, model 2019, (2020)
    for m in g.year.finditer(low):
        if _LAW_BEFORE.search(body, max(0, m.start("y") - 50), m.start("y")) \
                or _LAW_ACR_BEFORE.search(body, max(0, m.start("y") - 40), m.start("y")):
            continue  # "Undang-Undang Nomor 1 Tahun 2024", "PP No 5 Tahun 2019": part of a law's identifier
        if _YEAR_LEAD_BEFORE.search(body, max(0, m.start() - 14), m.start()) or _YEAR_TAIL.match(body, m.end()):
            add(m.start("y"), m.end("y"), m.group("y"))

    found.sort(key=lambda r: r.start or 0)
    return found


def _same_day(body: str, pos: int, found: list[DateRef]) -> str | None:
    """"hari yang sama" names the last day-precise date of its paragraph, if any."""
    para_start = body.rfind("\n", 0, pos) + 1
    best: DateRef | None = None
    for r in found:
        if r.start is not None and para_start <= r.start < pos and len(r.value) >= 10:
            if best is None or (r.start or 0) > (best.start or 0):
                best = r
    return best.value[:10] if best else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def reanchor_quoted(art: Article) -> None:
    """Relative dates inside a direct quote count from the day the quote was given, when its attribution
    dates it ('"… sampai hari ini …," kata Yusril, Minggu (15/6)'): the speaker's "today" is that Sunday,
    not the publication day. Run after the quotes are found; changes `art.dates` in place."""
    if not art.dates or not art.quotes:
        return
    body = art.body
    for q in art.quotes:
        if q.kind != "direct" or q.start is None or q.end is None:
            continue
        line_end = body.find("\n", q.end)
        limit = min(q.end + 160, line_end if line_end >= 0 else len(body))
        said = next((d for d in art.dates if d.start is not None and q.end <= d.start < limit
                     and len(d.value) == 10 and any(ch.isdigit() for ch in d.text)), None)
        if said is None:
            continue
        inner = [d for d in art.dates if d.start is not None and q.start <= d.start and (d.end or 0) <= q.end
                 and not any(ch.isdigit() for ch in d.text)]
        if not inner:
            continue
        again = {(r.start, r.end): r.value for r in find_dates(body[q.start:q.end], said.value)}
        for d in inner:
            value = again.get((d.start - q.start, (d.end or 0) - q.start))  # type: ignore[operator]
            if value:
                d.value = value
