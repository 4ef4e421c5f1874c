"""Articles as Parquet: one row per article, the contract's nested lists as list<struct>.

Parquet is how a whole collection goes to pandas, DuckDB, Spark or a Dask cluster. The Arrow schema is
derived from the contract's dataclasses (`warta.model`), not written out by hand, so a field added to
`Quote` or `Event` appears here without anyone remembering to edit this file.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import model
from ..model import Article

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of one annotated dataclass field (optional-ness is Arrow's nullability)."""
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return pa.string()
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if set(args) == {int, float}:
            return pa.float64()  # a claim's value: 1166 or 2.5
        if len(args) == 1:
            return _arrow_type(args[0])
        raise TypeError(f"no Arrow type for {tp!r}")
    if origin is list:
        (item,) = typing.get_args(tp)
        return pa.list_(_arrow_type(item))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, vars(model))
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(tp)])
    if tp in _SCALARS:
        return _SCALARS[tp]
    raise TypeError(f"no Arrow type for {tp!r}")


def article_schema() -> pa.Schema:
    """The Arrow schema of `Article`, field for field."""
    struct = _arrow_type(Article)
    return pa.schema(list(struct))


def _restore_numbers(d: dict[str, Any]) -> dict[str, Any]:
    """Parquet keeps a claim's value as a double; give whole numbers back as int, as the contract has them."""
    for claim in d.get("claims") or []:
        value = claim.get("value")
        if isinstance(value, float) and value.is_integer():
            claim["value"] = int(value)
    return d


def write_articles(articles: Iterable[Article], path: str | Path, *, row_group_size: int = 1000) -> int:
    """Write articles to one Parquet file, `row_group_size` rows per group; return how many were written.

    Rows are written group by group so memory stays flat however big the collection is.
    """
    schema = article_schema()
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for article in articles:
            d = dataclasses.asdict(article)
            batch.append(d)
            if len(batch) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def read_articles(path: str | Path) -> Iterator[Article]:
    """Read articles back from a Parquet file written by `write_articles`, group by group."""
    pf = pq.ParquetFile(str(path))
    for i in range(pf.num_row_groups):
        for row in pf.read_row_group(i).to_pylist():
            yield Article.from_dict(_restore_numbers(row))


__all__ = ["article_schema", "read_articles", "write_articles"]
