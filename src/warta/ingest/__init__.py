"""Ingest: readers that turn files, directories, stdin, WARC archives, URLs and feeds into `Source`s.

`iter_sources` is the one entry point. It never raises on a bad input: it yields an `InputError`
naming the input and the reason, so a batch goes on without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import Source


def iter_sources(inputs: Iterable[str], **options: Any) -> Iterator[Source | InputError]:
    """Yield one `Source` per article found in `inputs`, or an `InputError` per unreadable input.

    `options` go to `warta.ingest.dispatch.iter_sources` (size cap, fetcher, stdin).
    """
    from .dispatch import iter_sources as _iter

    yield from _iter(inputs, **options)


__all__ = ["iter_sources", "InputError", "Source"]
