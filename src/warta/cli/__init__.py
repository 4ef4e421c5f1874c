"""The `warta` command line: one Typer app, one module per group of commands (as spaCy's cli/)."""

from __future__ import annotations

from . import analyze as _analyze  # noqa: F401  (registers commands)
from . import entities as _entities  # noqa: F401
from . import eval as _eval  # noqa: F401
from . import facts as _facts  # noqa: F401
from . import store as _store  # noqa: F401
from .app import app


def main() -> None:
    """Entry point of the `warta` script."""
    app()


__all__ = ["app", "main"]
