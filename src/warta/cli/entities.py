"""Entity commands: `warta entities ID` (an article's linked entities) and `warta kb lookup NAME`.

`kb lookup` shows what the linker would start from for a name on a date, which is what one needs when a
mention links to the wrong Aliyev or the wrong Georgia.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .app import app

kb_app = typer.Typer(help="Query the knowledge base (actors, organisations, places).", no_args_is_help=True)
app.add_typer(kb_app, name="kb", rich_help_panel="Analyse")


def _out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


def _fail(msg: str) -> None:
    Console(file=sys.stderr, highlight=False).print(f"[red]error:[/red] {msg}")
    raise typer.Exit(1)


def _rows_from_store(db: Path, article_id: str) -> list[dict[str, Any]]:
    """Entity rows of one stored article: the store's `entities` table, else the article's JSON."""
    if not db.exists():
        _fail(f"database not found: {db} (ingest articles first, or pass --db)")
    from ..store.sqlite import Store

    with Store(db, create=False) as store:
        if hasattr(store, "entities"):
            rows = store.entities(article_id)
            if rows:
                return [{"text": r.get("text"), "type": r.get("type"), "id": r.get("entity_id"),
                         "canonical": r.get("canonical"), "lat": r.get("lat"), "lon": r.get("lon"),
                         "start": r.get("start")} for r in rows]
        art = store.get(article_id)
        if art is None:
            _fail(f"no article with id {article_id!r} in {db}")
        return [e.__dict__ for e in art.entities]


@app.command("entities", rich_help_panel="Store")
def entities_cmd(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The stored article's id.")],
    db: Annotated[Path, typer.Option("--db", envvar="WARTA_DB", metavar="FILE",
                                     help="The SQLite database file (default $WARTA_DB, else ./warta.db).")] = Path(
        "warta.db"),
    mentions: Annotated[bool, typer.Option("--mentions", help="One row per mention instead of per entity.")] = False,
) -> None:
    """List the entities linked in one stored article, most mentioned first.

    Examples:

        warta entities h001
        warta entities h001 --mentions --db news.db
    """
    rows = _rows_from_store(db, article_id)
    table = Table(box=box.SIMPLE_HEAD)
    if mentions:
        for col in ("start", "text", "type", "canonical", "id"):
            table.add_column(col)
        for r in sorted(rows, key=lambda r: r.get("start") or 0):
            table.add_row(str(r.get("start")), r["text"], r["type"], r.get("canonical") or "", r.get("id") or "")
    else:
        counts: Counter[tuple[str, str, str]] = Counter()
        coords: dict[tuple[str, str, str], str] = {}
        surfaces: dict[tuple[str, str, str], set[str]] = {}
        for r in rows:
            k = (r.get("canonical") or r["text"], r["type"], r.get("id") or "")
            counts[k] += 1
            surfaces.setdefault(k, set()).add(r["text"])
            if r.get("lat") is not None:
                coords[k] = f"{r['lat']:.3f}, {r['lon']:.3f}"
        for col in ("n", "canonical", "type", "id", "as written", "lat, lon"):
            table.add_column(col)
        for k, n in counts.most_common():
            table.add_row(str(n), k[0], k[1], k[2], ", ".join(sorted(surfaces[k])), coords.get(k, ""))
    _out().print(table)


@kb_app.command("lookup")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name, office or institution as news writes it.")],
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD",
                                             help="Resolve offices and rank people as of this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many candidates.")] = 10,
) -> None:
    """Show the knowledge-base entries a name may denote, most likely first.

    Examples:

        warta kb lookup Aliyev --date 2020-10-01
        warta kb lookup "Presiden AS" --date 2022-05-01
        warta kb lookup "Kementerian Pertahanan Azerbaijan"
    """
    from ..kb import load_kb, resolve_title, split_title
    from ..kb.store import KBEntry

    kb = load_kb()
    found: list[KBEntry] = []
    role, rest = split_title(name)
    if role and rest:
        holder = resolve_title(name, date, kb)
        if holder is not None:
            found.append(holder)
    found += [e for e in kb.lookup(name, when=date) if e not in found]
    if not found:
        _fail(f"nothing in the knowledge base is called {name!r}")
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("id", "canonical", "type", "kind", "country", "lat, lon", "roles"):
        table.add_column(col)
    for e in found[:limit]:
        roles = "; ".join(f"{r[0]} {r[1]} {r[2] or '…'}–{r[3] or ''}" for r in e.roles[:4])
        ll = f"{e.lat:.3f}, {e.lon:.3f}" if e.lat is not None and e.lon is not None else ""
        table.add_row(e.id, e.name, e.type, e.kind, e.country or "", ll, roles)
    _out().print(table)
