"""`warta analyze`: articles in, the output contract out, one JSON object per article, no database.

This is the thinnest path through warta (ingest readers -> `warta.analyze` -> JSON), the one a script
or a pipeline uses, so results go to stdout and nothing else does: errors and progress go to stderr.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..errors import InputError
from ..model import Article, Source
from .app import app
from .render import print_article

_MULTI_EXTS = (".jsonl", ".ndjson", ".warc", ".warc.gz", ".jsonl.gz", ".ndjson.gz", ".rss", ".atom", ".xml")
_EXCERPT = 600


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


@app.command(rich_help_panel="Analyse")
def analyze(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", show_default=False,
        help="Articles to analyse: .txt and .html/.htm files (one article each), .jsonl/.ndjson files "
             "(one article per record), .warc/.warc.gz archives, .gz of any of these, directories "
             "(read recursively, hidden files skipped), http(s) URLs and RSS/Atom feeds, or - for stdin. "
             "Other extensions are recognised by their content.")],
    format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="jsonl: one JSON object per line, written as each article is done (for pipes and large "
             "inputs). json: one JSON array. pretty: a readable summary per article for a terminal.")]
        = OutputFormat.jsonl,
    url: Annotated[str | None, typer.Option(
        "--url", metavar="U",
        help="The article's URL (also gives the outlet). Only for an input holding a single article.")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", metavar="ISO",
        help="Publication time in ISO 8601, e.g. 2020-08-14T15:52:00+07:00 or 2020-08-14. "
             "Also anchors relative dates such as 'Kamis (13/8)'.")] = None,
    outlet: Annotated[str | None, typer.Option(
        "--outlet", metavar="NAME", help="The outlet that published it, e.g. kompas.com.")] = None,
    title: Annotated[str | None, typer.Option(
        "--title", metavar="T",
        help="The article's headline. Only for an input holding a single article.")] = None,
    max_size: Annotated[float, typer.Option(
        "--max-size", metavar="MB", min=0.001,
        help="Refuse an article (file, record, download) larger than this many megabytes.")] = 20,
) -> None:
    """Analyse news articles and print the result as JSON, one object per article.

    Output keeps input order and each input's id (a JSONL record's "id", else the file name without extension, else a hash of the URL). Its fields follow the output contract: title, published, authors, cited sources, body, reader comments, entities, quotes, claims, events and dates.

    [bold]Hints[/bold] (--url, --published, --outlet, --title) are metadata you already know. They win over what warta extracts and over the same field in the input. They need a single PATH; --url and --title also need that PATH to hold a single article.

    Nothing is stored: use [bold]warta ingest[/bold] to keep articles in a database. A bad input is reported on stderr, one line naming it and why, and the rest go on. Exit status: 0 when every input was analysed, 1 when some failed, 2 on a usage error.

    [bold]Examples:[/bold]

      warta analyze artikel.txt

      warta analyze halaman.html --url https://www.kompas.com/global/read/2020/11/10/x --format pretty

      warta analyze berita.jsonl > hasil.jsonl

      warta analyze arsip/ crawl.warc.gz --format json > hasil.json

      curl -s https://example.id/berita | warta analyze - --published 2020-08-14T15:52:00+07:00
    """
    from ..ingest.dispatch import iter_sources
    from ..ingest.jsonl import normalize_published

    if any(h is not None for h in (url, published, outlet, title)) and len(paths) > 1:
        raise typer.BadParameter(
            f"hints describe one input, but {len(paths)} PATHs were given; analyse them one at a time",
            param_hint="--url/--published/--outlet/--title")
    if url is not None and not url.lower().startswith(("http://", "https://")):
        raise typer.BadParameter(f"not an http(s) URL: {url!r}", param_hint="--url")
    if published is not None:
        try:
            published = normalize_published(published)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--published") from None

    max_bytes = int(max_size * 2**20)
    sources: Iterator[Source | InputError] = iter_sources(paths, max_bytes=max_bytes)
    if url is not None or title is not None:
        sources = _single_article(sources, "--url" if url is not None else "--title")
    hints = {"url": url, "published": published, "outlet": outlet, "title": title}

    err = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    # A bar only helps when results go elsewhere: on a terminal it would tear through the JSON or the
    # pretty view, and in a log file (stderr not a TTY) it would be noise.
    show_progress = sys.stderr.isatty() and not sys.stdout.isatty() and _many(paths)
    writer = _Writer(format, sys.stdout)
    progress = Progress(SpinnerColumn(), TextColumn("analysing {task.completed} articles"),
                        TextColumn("[dim]{task.description}"), TimeElapsedColumn(),
                        console=err, transient=True, disable=not show_progress,
                        redirect_stdout=False, redirect_stderr=False)
    try:
        failures = _run(sources, hints, writer, progress)
    except BrokenPipeError:  # `warta analyze big.jsonl | head`: the reader left; stop quietly
        _silence_stdout()
        raise typer.Exit(0) from None
    raise typer.Exit(1 if failures else 0)


def _run(sources: Iterator[Source | InputError], hints: dict[str, str | None], writer: _Writer,
         progress: Progress) -> int:
    """Analyse and write each source in turn; return how many inputs failed."""
    failures = 0
    with progress:
        task = progress.add_task("", total=None)
        for item in sources:
            if isinstance(item, InputError):
                failures += 1
                _report(progress.console, item.name, item.reason)
                continue
            progress.update(task, description=_short(item.name or item.id))
            for key, value in hints.items():
                if value is not None:
                    setattr(item, key, value)
            try:
                article = _analyze(item)
            except InputError as e:
                failures += 1
                _report(progress.console, e.name, e.reason)
                continue
            writer.write(article)
            progress.advance(task)
    writer.close()
    return failures


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _analyze(source: Source) -> Article:
    """Run the one pipeline; an unexpected failure on one article is reported, not a traceback.

    It is a bug, not bad input, but one bug must not lose a whole batch; WARTA_DEBUG=1 re-raises it.
    """
    from ..analyze.pipeline import analyze as run

    try:
        return run(source)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001
        if os.environ.get("WARTA_DEBUG"):
            raise
        raise InputError(source.name or source.id,
                         f"analysis failed ({type(e).__name__}: {e}); set WARTA_DEBUG=1 to see where") from None


def _single_article(sources: Iterator[Source | InputError], option: str) -> Iterator[Source | InputError]:
    """Pass sources through, but stop with a usage error before any output if a second article appears.

    A URL or headline belongs to one article; applying it to every record of a JSONL file would
    silently make them all wrong.
    """
    first: list[Source | InputError] = []
    for item in sources:
        first.append(item)
        if sum(isinstance(x, Source) for x in first) > 1:
            raise typer.BadParameter("the input holds several articles; this hint describes only one",
                                     param_hint=option)
    yield from first


def _many(paths: list[str]) -> bool:
    """Whether a progress display is worth it: several inputs, or one that holds many articles."""
    if len(paths) > 1:
        return True
    p = paths[0]
    return p == "-" or p.lower().endswith(_MULTI_EXTS) or Path(p).is_dir()


def _short(name: str, width: int = 48) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1):]


def _report(console: Console, name: str, reason: str) -> None:
    """One line per bad input, naming it and why; Text, so a name with [brackets] is not markup."""
    console.print(Text.assemble(("error: ", "bold red"), f"{name}: {reason}"))


class _Writer:
    """Writes articles as they come, so output starts at once and memory stays flat on big inputs."""

    def __init__(self, fmt: OutputFormat, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0
        self.console = Console(file=out, highlight=False, soft_wrap=False) if fmt is OutputFormat.pretty else None

    def write(self, article: Article) -> None:
        d = article.to_dict()
        if self.fmt is OutputFormat.jsonl:
            self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif self.fmt is OutputFormat.json:
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(d, ensure_ascii=False, indent=2))
        else:
            assert self.console is not None
            print_article(self.console, article, excerpt=_EXCERPT)
            self.console.rule(style="dim")
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt is OutputFormat.json:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
            self.out.flush()


__all__ = ["analyze", "OutputFormat"]
