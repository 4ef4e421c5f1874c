"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="warta: Indonesian-language news turned into sourced, structured knowledge.\n\n"
    "Analyse articles (analyze), keep them in an embedded SQLite store (ingest, search, show, export), "
    "and score the output against gold annotations (eval).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
