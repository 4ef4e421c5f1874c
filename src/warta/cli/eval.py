"""`warta eval`: score `analyze` against hand-annotated gold, or the HTML path against news-html."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from .app import app


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


_SKIP = {"per_article", "per_page", "articles", "pages", "gold", "hints"}


def _rows(prefix: str, scores: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """Flatten one scorer's dict into table rows: metric, P, R, F1 / accuracy, detail.

    Scorers written by different modules shape their numbers differently ({p, r, f1}, {precision,
    recall, f1}, {accuracy, correct, total} or a bare float); all of them become rows.
    """
    rows = []
    for key, val in scores.items():
        if key in _SKIP:
            continue
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(val, float):
            rows.append((name, "", "", _fmt(val), ""))
        elif not isinstance(val, dict):
            continue
        elif {"p", "r", "f1"} <= val.keys():
            rows.append((name, _fmt(val["p"]), _fmt(val["r"]), _fmt(val["f1"]), ""))
        elif {"precision", "recall", "f1"} <= val.keys():
            n = f"{val['tp']}/{val['gold']}" if {"tp", "gold"} <= val.keys() else ""
            rows.append((name, _fmt(val["precision"]), _fmt(val["recall"]), _fmt(val["f1"]), n))
        elif "accuracy" in val:
            rows.append((name, "", "", _fmt(val["accuracy"]), f"{val.get('correct')}/{val.get('total')}"))
        else:
            rows.extend(_rows(name, val))
    return rows


def _table(title: str, groups: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=title, show_lines=False)
    for col, justify in (("metric", "left"), ("P", "right"), ("R", "right"), ("F1 / acc", "right"), ("n", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for prefix, scores in groups.items():
        for row in _rows(prefix, scores):
            table.add_row(*row)
    return table


@app.command("eval")
def eval_command(
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold JSONL file (../shared/gold/SCHEMA.md).")] = None,
    hints: Annotated[bool, typer.Option("--hints", help="Pass each record's url/published/outlet to analyze.")] = False,
    news_html: Annotated[Path | None, typer.Option(
        "--news-html", help="A news-html folder (expected_singlepage.json + html/) to score the HTML path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON instead of a table.")] = False,
) -> None:
    """Score warta's output against gold annotations.

    Examples:

      warta eval --gold ../shared/gold/seeds.jsonl

      warta eval --gold ../shared/gold/seeds.jsonl --hints --json

      warta eval --news-html ../shared/data/news-html
    """
    if gold is None and news_html is None:
        raise typer.BadParameter("give --gold FILE.jsonl and/or --news-html DIR")
    console = Console(stderr=True)
    result: dict[str, Any] = {}
    try:
        if gold is not None:
            from ..evaluate.run import evaluate, read_gold

            total = len(read_gold(gold))
            with Progress(TextColumn("scoring {task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True) as progress:
                task = progress.add_task(gold.name, total=total)
                result["gold"] = evaluate(gold, hints=hints, on_each=lambda: progress.advance(task))
        if news_html is not None:
            from ..evaluate.newshtml import evaluate_news_html

            expected = json.loads((news_html / "expected_singlepage.json").read_text(encoding="utf-8"))
            with Progress(TextColumn("scoring {task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True) as progress:
                task = progress.add_task(news_html.name, total=len(expected))
                result["news_html"] = evaluate_news_html(news_html, on_each=lambda: progress.advance(task))
    except (OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc

    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    out = Console()
    if "gold" in result:
        r = result["gold"]
        groups = {k: v for k, v in r.items() if isinstance(v, dict)}
        out.print(_table(f"{r['gold']} — {r['articles']} articles{' (hints)' if r['hints'] else ''}", groups))
    if "news_html" in result:
        r = result["news_html"]
        out.print(_table(f"news-html — {r['pages']} pages", {"": r}))
