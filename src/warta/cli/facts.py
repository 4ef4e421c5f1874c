"""Fact commands over the store: `warta quotes` (who said what) and `warta claims` (who claims how many).

Each row carries the article (id and title) and the sentence the fact was read from, so every quote and
every number can be checked against its evidence. Names match the way the evaluator matches them
("Aliyev" finds "Ilham Aliyev"; "Turki" finds "Turkey"), or exactly by knowledge-base id.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from ..errors import WartaError
from ..evaluate.normalize import names_match
from .app import app

DbOption = Annotated[Path, typer.Option(
    "--db", envvar="WARTA_DB", metavar="FILE",
    help="The SQLite database file. Defaults to $WARTA_DB when set, else ./warta.db.",
)]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most this many rows (0: all).")]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per row instead of the text listing.")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="DATE", help="Only articles published on or after DATE (ISO: 2020, 2020-11, 2020-11-10).")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="DATE", help="Only articles published on or before DATE, that whole day/month/year included.")]
CATEGORIES = ("killed", "injured", "missing", "captured", "displaced", "deployed", "destroyed", "other")


def _out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


def _fail(message: str) -> None:
    Console(file=sys.stderr, highlight=False).print(Text(f"Error: {message}", style="bold red"))
    raise typer.Exit(1)


def _open(db: Path) -> Any:
    from ..store import Store

    try:
        return Store(db, create=False)
    except WartaError as e:
        _fail(str(e))


def _in_range(published: str | None, since: str | None, until: str | None) -> bool:
    """Dates compare as ISO strings at the precision given, as `warta search` does."""
    if not since and not until:
        return True
    if not published:
        return False
    if since and published < since:
        return False
    return not (until and published[:len(until)] > until)


def _name_ok(wanted: str | None, name: str | None, ident: str | None, text: str | None = None) -> bool:
    if not wanted:
        return True
    return wanted == ident or names_match(wanted, name) or (text is not None and names_match(wanted, text))


def _rows(store: Any, table: str) -> list[dict[str, Any]]:
    """All rows of a fact table with their article's title and date; from the article JSON when the
    store has no such table (older databases)."""
    method = getattr(store, table, None)
    if method is not None:
        return list(method())
    rows: list[dict[str, Any]] = []
    for art in store.iter_articles():
        for item in getattr(art, table):
            d = dict(item.__dict__)
            d.update(article_id=art.id, article_title=art.title, article_published=art.published)
            rows.append(d)
    return rows


def _show(rows: list[dict[str, Any]], as_json: bool, line: Any) -> None:
    out = _out()
    for r in rows:
        if as_json:
            out.print(json.dumps({k: v for k, v in r.items() if k != "position"}, ensure_ascii=False),
                      markup=False, highlight=False)
            continue
        out.print(Text(f"{r.get('article_id')}  {r.get('article_published') or '?'}  {r.get('article_title') or ''}",
                       style="dim"))
        out.print(line(r))
        if r.get("sentence"):
            out.print(Text(f"    ⮡ {r['sentence']}", style="italic"))
    if not as_json:
        out.print(Text(f"{len(rows)} row(s)", style="dim"))


@app.command(rich_help_panel="Facts")
def quotes(
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", metavar="NAME",
                                                help="Only quotes by this speaker (name, surname or KB id).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct or indirect.")] = None,
    db: DbOption = Path("warta.db"),
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """Who said what: quotes from the stored articles, with the sentence as evidence.

    Examples:

        warta quotes --speaker Aliyev --since 2020-10

        warta quotes --speaker "Ministry of Defense of Azerbaijan" --kind indirect --json
    """
    if kind and kind not in ("direct", "indirect"):
        _fail(f"--kind {kind!r}: use direct or indirect")
    with _open(db) as store:
        rows = [r for r in _rows(store, "quotes")
                if _name_ok(speaker, r.get("speaker"), r.get("speaker_id"), r.get("speaker_text"))
                and _in_range(r.get("article_published"), since, until)
                and (not kind or r.get("kind") == kind)]
    rows = rows[:limit] if limit else rows

    def line(r: dict[str, Any]) -> Text:
        t = Text("  ")
        t.append(r.get("speaker") or "?", style="bold")
        t.append(f" ({r.get('kind')}, {r.get('cue')}", style="dim")
        t.append(f", via {r['via']})" if r.get("via") else ")", style="dim")
        t.append(f": “{r.get('quote')}”")
        return t

    _show(rows, as_json, line)


@app.command(rich_help_panel="Facts")
def claims(
    category: Annotated[str | None, typer.Option("--category", "-c", metavar="CATEGORY",
                                                 help="killed, injured, missing, captured, displaced, deployed, "
                                                      "destroyed or other.")] = None,
    claimant: Annotated[str | None, typer.Option("--claimant", metavar="NAME",
                                                 help="Only numbers claimed by NAME (name or KB id); "
                                                      "'none' for numbers the outlet states itself.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path("warta.db"),
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """Which numbers each side claims: casualties, troops, vehicles … with the claimant and the evidence.

    Examples:

        warta claims --category killed

        warta claims --claimant "Ministry of Defense of Azerbaijan" --since 2020-10 --json
    """
    if category and category not in CATEGORIES:
        _fail(f"--category {category!r}: use one of {', '.join(CATEGORIES)}")
    with _open(db) as store:
        rows = _rows(store, "claims")
    if claimant and claimant.lower() == "none":
        rows = [r for r in rows if not r.get("claimant")]
    else:
        rows = [r for r in rows if _name_ok(claimant, r.get("claimant"), r.get("claimant_id"))]
    rows = [r for r in rows if (not category or r.get("category") == category)
            and _in_range(r.get("article_published"), since, until)]
    rows = rows[:limit] if limit else rows

    def line(r: dict[str, Any]) -> Text:
        t = Text("  ")
        value = r.get("value")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        qual = {"exact": "", "at_least": "≥ ", "approx": "~ ", "at_most": "≤ "}.get(r.get("qualifier") or "", "")
        t.append(f"{qual}{value:,}" if isinstance(value, int | float) else str(value), style="bold")
        t.append(f" {r.get('category')}")
        if r.get("subject"):
            t.append(f" — {r['subject']}")
        t.append(f"  (“{r.get('text')}”, claimed by {r.get('claimant') or 'the outlet'})", style="dim")
        return t

    _show(rows, as_json, line)
