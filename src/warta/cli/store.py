"""Store commands: ingest, search, show, export, stats — the article database from the command line.

Every command takes `--db` (default `$WARTA_DB`, else ./warta.db). Progress and errors go to stderr;
results go to stdout, so `warta export --format jsonl > all.jsonl` and pipes work.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from ..errors import InputError, WartaError
from ..model import Article, Source
from .app import app
from .render import print_article

# -- shared options ----------------------------------------------------------------------------------

DbOption = Annotated[Path, typer.Option(
    "--db", envvar="WARTA_DB", metavar="FILE", show_default=True,
    help="The SQLite database file. Defaults to $WARTA_DB when set, else ./warta.db.",
)]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="DATE", help="Only articles published on or after DATE (ISO: 2020, 2020-11, 2020-11-10).",
)]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="DATE", help="Only articles published on or before DATE, that whole day/month/year included.",
)]
OutletOption = Annotated[str | None, typer.Option(
    "--outlet", metavar="NAME", help="Only articles from this outlet, e.g. kompas.com (subdomains included).",
)]
DEFAULT_DB = Path("warta.db")


def _stdout() -> Console:
    # Made per call, not at import, so the streams a test runner swaps in are the ones used.
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _stderr().print(Text(f"Error: {message}", style="bold red"))
    raise typer.Exit(code)


def _open(db: Path, *, create: bool = False) -> Any:
    from ..store import Store

    try:
        return Store(db, create=create)
    except WartaError as e:
        _fail(str(e))


# -- ingest ------------------------------------------------------------------------------------------

class _Ingest:
    """One ingest run: analyses sources, stores them a batch per transaction and keeps the tally.

    Analysis happens outside the transaction, so the write lock is held only for the few milliseconds a
    batch takes to write; a crash loses at most the current, uncommitted batch, which a re-run redoes.
    """

    def __init__(self, store: Any, batch_size: int, reanalyze: bool) -> None:
        self.store = store
        self.batch_size = batch_size
        self.reanalyze = reanalyze
        self.counts: Counter[str] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.pending: list[tuple[Article, str, str]] = []
        self.analyze = _analyzer()

    def take(self, item: Source | InputError) -> None:
        from ..store import source_fingerprint

        if isinstance(item, InputError):
            self.fail(item.name, item.reason)
            return
        name = item.name or item.id
        fingerprint = source_fingerprint(item)
        if not self.reanalyze and self.store.seen(fingerprint):
            self.counts["unchanged"] += 1
            return
        try:
            article = self.analyze(item)
        except Exception as e:  # one bad article must not stop the batch
            self.fail(name, f"analysis failed: {type(e).__name__}: {e}")
            return
        if not article.body.strip():
            why = "; ".join(w for w in article.warnings if w.strip().lower() != "no article text found")
            self.fail(name, f"no article text found ({why})" if why else "no article text found")
            return
        self.pending.append((article, name, fingerprint))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def fail(self, name: str, reason: str) -> None:
        self.counts["failed"] += 1
        self.failures.append((name, reason))

    def flush(self) -> None:
        """Write the pending articles in one transaction."""
        if not self.pending:
            return
        with self.store.transaction():
            statuses = [self.store.upsert(a, source_name=n, source_hash=h) for a, n, h in self.pending]
        self.counts.update(statuses)
        self.pending.clear()


def _analyzer() -> Callable[[Source], Article]:
    """`warta.analyze`, the one pipeline, looked up once per run.

    Importing the `warta.analyze` subpackage rebinds the package attribute `warta.analyze` from the
    function to the module, so after the first analysis the name may hold the module; the function
    it wraps is then taken from `warta.analyze.pipeline` directly.
    """
    import warta

    fn = getattr(warta, "analyze", None)
    if callable(fn):
        return fn  # type: ignore[no-any-return]
    from ..analyze.pipeline import analyze

    return analyze


def _summary(run: _Ingest, db: Path) -> None:
    out = _stdout()
    table = Table(title=f"ingest into {db}", box=box.SIMPLE_HEAVY, title_justify="left")
    for column in ("added", "updated", "unchanged", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(run.counts[c]) for c in ("added", "updated", "unchanged", "failed")))
    out.print(table)
    for name, reason in run.failures:
        line = Text("failed  ", style="red")
        line.append(f"{name}: {reason}")
        out.print(line)


@app.command(rich_help_panel="Store")
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        metavar="PATH|URL...",
        help="Files (.txt, .html, .jsonl, .warc, .warc.gz), directories (read recursively), http(s) URLs, "
             "RSS/Atom feeds, or - for stdin.", show_default=False)],
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N",
        help="Articles written per transaction. A crash loses at most the batch being written.")] = 50,
    reanalyze: Annotated[bool, typer.Option(
        "--reanalyze",
        help="Analyse inputs again even when this database already has them (e.g. after upgrading warta); "
             "articles whose analysis changed are updated.")] = False,
) -> None:
    """Read articles, analyse them and store them in the database.

    Safe to repeat: an article already stored (same canonical URL or same words) counts as
    unchanged, one whose text changed is updated in place. Work is committed a batch at a time,
    so an interrupted run can simply be started again. A bad input never stops the run: it is
    listed at the end with the reason. Exit status 0 when every input was stored, 1 when some failed.

    Examples:

      warta ingest examples/

      warta ingest crawl.warc.gz https://www.antaranews.com/rss/terkini.xml --db berita.db

      cat records.jsonl | warta ingest - --batch-size 200
    """
    from ..ingest import iter_sources

    store = _open(db, create=True)
    run = _Ingest(store, batch_size, reanalyze)
    interrupted = False
    try:
        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(), console=_stderr(), transient=True)
        with progress:
            task = progress.add_task("ingesting", total=None)
            try:
                for item in iter_sources(inputs):
                    name = item.name if isinstance(item, InputError) else (item.name or item.id)
                    progress.update(task, description=_short(name))
                    run.take(item)
                    progress.advance(task)
            except KeyboardInterrupt:
                interrupted = True
            except WartaError:
                raise
            except Exception as e:  # a reader bug: keep what was analysed, say where it stopped
                run.fail("(reading inputs)", f"stopped early: {type(e).__name__}: {e}")
            run.flush()
    except (WartaError, sqlite3.Error) as e:
        store.close()
        _fail(f"{e}" if isinstance(e, WartaError) else f"database error in {db}: {e}; "
              "what was committed before is kept, run the same command again to finish")
    store.close()
    _summary(run, db)
    if interrupted:
        _stderr().print("Interrupted: what was analysed is stored; run the same command again to finish.")
        raise typer.Exit(130)
    raise typer.Exit(1 if run.failures else 0)


def _short(name: str, width: int = 48) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1):]


# -- search ------------------------------------------------------------------------------------------

@app.command(rich_help_panel="Store")
def search(
    words: Annotated[list[str], typer.Argument(
        metavar="QUERY...",
        help='Words to find. Every word must occur; "double quotes" make a phrase (quote them for the shell '
             "too), a trailing * a prefix, and upper-case OR / NOT combine terms.", show_default=False)],
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    entity: Annotated[str | None, typer.Option(
        "--entity", metavar="NAME", help="Only articles mentioning this entity (knowledge-base id, canonical "
        "name or the name as written).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many results.")] = 20,
    raw: Annotated[bool, typer.Option(
        "--raw", help="Pass QUERY to SQLite FTS5 as is (NEAR(), column filters such as title:banjir).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per hit instead of a table.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search over titles and bodies, best match first (bm25), with highlighted snippets.

    Examples:

      warta search gencatan senjata

      warta search banjir --outlet detik.com --since 2020-11 --limit 5

      warta search '"harga beras" OR inflasi' --until 2021-12-31 --json
    """
    query = " ".join(words)
    with _open(db) as store:
        try:
            hits = store.search(query, since=since, until=until, outlet=outlet, entity=entity, limit=limit, raw=raw)
        except WartaError as e:
            _fail(str(e))
    out = _stdout()
    if as_json:
        for h in hits:
            out.print_json(json.dumps({"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published,
                                       "url": h.url, "score": h.score, "snippet": h.snippet()}),
                           indent=None)
        return
    if not hits:
        _stderr().print(f"No article in {db} matches {query!r}.")
        return
    table = Table(box=box.SIMPLE, show_lines=True, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("id", no_wrap=True, overflow="fold")
    table.add_column("published", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title and snippet", ratio=1)
    for i, h in enumerate(hits, 1):
        cell = Text(h.title or "(untitled)", style="bold")
        cell.append("\n")
        for text, is_match in h.snippet_parts:
            cell.append(re.sub(r"\s+", " ", text), style="bold yellow" if is_match else None)
        table.add_row(str(i), h.id, (h.published or "")[:16].replace("T", " "), h.outlet or "", cell)
    out.print(table)


# -- show --------------------------------------------------------------------------------------------

@app.command(rich_help_panel="Store")
def show(
    article_id: Annotated[str, typer.Argument(
        metavar="ID", help="The article's id (as listed by search) or its URL.", show_default=False)],
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="pretty|json",
        help="pretty: readable text with the extracted facts; json: the contract's JSON object.")] = "pretty",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one stored article with its metadata and everything extracted from it.

    Examples:

      warta show banjir-bekasi

      warta show https://news.detik.com/berita/d-123/judul --format json
    """
    if fmt not in ("pretty", "json"):
        _fail(f"--format must be pretty or json, not {fmt!r}", code=2)
    with _open(db) as store:
        article = store.get(article_id)
    if article is None:
        _fail(f"no article {article_id!r} in {db}; find ids with `warta search WORDS --db {db}`")
    if fmt == "json":
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    print_article(_stdout(), article)


# -- export ------------------------------------------------------------------------------------------

@app.command(rich_help_panel="Store")
def export(
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="jsonl|csv|parquet",
        help="jsonl: the contract's JSON, one article per line; csv: one flat row per article (lists of "
             "names joined with '; ', lists of objects as JSON); parquet: nested lists as list<struct>.")] = "jsonl",
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", metavar="FILE", help="Write to FILE (required for parquet). Default: stdout.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the stored articles out, oldest first, as JSONL, CSV or Parquet.

    Examples:

      warta export > articles.jsonl

      warta export --format csv --out articles.csv --since 2020-11

      warta export --format parquet --out articles.parquet --db berita.db
    """
    from ..export import FORMATS, write

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", code=2)
    if fmt == "parquet" and out is None:
        _fail("parquet is a binary format: give a file with --out, e.g. --out articles.parquet", code=2)
    with _open(db) as store:
        try:
            n = write(store.iter_articles(since=since, until=until, outlet=outlet), fmt, out)  # type: ignore[arg-type]
        except WartaError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"cannot write {out}: {e.strerror or e}")
    if out is not None:
        _stderr().print(f"Exported {n} article{'s' if n != 1 else ''} to {out}.")


# -- stats -------------------------------------------------------------------------------------------

@app.command(rich_help_panel="Store")
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """What the database holds: articles, comments, extracted facts, date range and top outlets.

    Examples:

      warta stats

      warta stats --db berita.db --json
    """
    with _open(db) as store:
        figures = store.stats()
    out = _stdout()
    if as_json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{db} (schema v{figures['schema_version']})", box=box.SIMPLE, title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in figures["counts"].items():
        table.add_row(name, str(count))
    out.print(table)
    if figures["published_first"]:
        out.print(f"published {figures['published_first']} … {figures['published_last']}")
    if figures["outlets"]:
        out.print("outlets   " + ", ".join(f"{k} ({v})" for k, v in figures["outlets"].items()))
    if figures["languages"]:
        out.print("languages " + ", ".join(f"{k} ({v})" for k, v in figures["languages"].items()))


__all__ = ["export", "ingest", "search", "show", "stats"]
