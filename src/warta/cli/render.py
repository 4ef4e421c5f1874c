"""One human view of an analysed article, shared by `warta analyze --format pretty` and `warta show`.

Both commands show the same object, so they render it the same way: metadata, the body (whole or an
excerpt) and every extracted fact with who asserts it.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Article


def print_article(out: Console, a: Article, *, excerpt: int | None = None) -> None:
    """Print `a`; with `excerpt`, only that many characters of the body (cut at a word)."""
    out.print(Text(a.title or "(untitled)", style="bold"))
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column(overflow="fold")
    for label, value in (("id", a.id), ("published", a.published), ("outlet", a.outlet), ("url", a.url),
                         ("language", a.language), ("authors", ", ".join(a.authors)),
                         ("sources", ", ".join(s.canonical or s.text for s in a.cited_sources)),
                         ("words", str(len(a.body.split())))):
        if value:
            meta.add_row(label, Text(str(value)))
    out.print(meta)
    out.print()
    body = a.body
    if excerpt is not None and len(body) > excerpt:
        body = body[:excerpt].rsplit(" ", 1)[0] + " …"
    for paragraph in body.split("\n\n"):
        out.print(Text(paragraph.strip()))
        out.print()
    if a.quotes:
        out.print(Text(f"Quotes ({len(a.quotes)})", style="bold"))
        for q in a.quotes:
            via = f" via {q.via}" if q.via else ""
            out.print(Text(f"  {q.speaker or '?'} ({q.kind}, {q.cue or '-'}{via}): “{q.quote}”"))
    if a.claims:
        out.print(Text(f"Claims ({len(a.claims)})", style="bold"))
        for c in a.claims:
            out.print(Text(f"  {c.category} {c.qualifier} {c.value} — {c.subject or ''}, per {c.claimant or 'the outlet'}"))
    if a.events:
        out.print(Text(f"Events ({len(a.events)})", style="bold"))
        for ev in a.events:
            out.print(Text(f"  {ev.date or '?'} {ev.type}: {ev.source or '?'} → {ev.target or '?'}"
                           f"{' at ' + ev.location if ev.location else ''}{' (negated)' if ev.negated else ''}"))
    if a.entities:
        names = Counter(f"{e.canonical or e.text} ({e.type})" for e in a.entities)
        out.print(Text(f"Entities ({len(a.entities)})", style="bold"))
        out.print(Text("  " + ", ".join(f"{n}×{k}" if k > 1 else n for n, k in names.most_common())))
    if a.dates:
        out.print(Text(f"Dates ({len(a.dates)})", style="bold"))
        out.print(Text("  " + ", ".join(f"{d.text} = {d.value}" for d in a.dates)))
    if a.comments:
        out.print(Text(f"Reader comments ({len(a.comments)})", style="bold"))
        for c in a.comments:
            out.print(Text(f"  {c.author or 'anonim'}: {c.text}"))
    if a.warnings:
        out.print(Text("Warnings: " + "; ".join(a.warnings), style="yellow"))
