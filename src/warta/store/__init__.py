"""Storage: the embedded SQLite article store (`sqlite.py`) and Parquet files of the contract (`parquet.py`).

`Store` is what the CLI, the API and the corpus stage open; Parquet is for handing a whole collection
to pandas, DuckDB or a Dask cluster.
"""

from __future__ import annotations

from .identity import canonical_url, content_hash, source_fingerprint
from .sqlite import SCHEMA_VERSION, Hit, Status, Store, StoreError, fts_query

__all__ = [
    "SCHEMA_VERSION", "Hit", "Status", "Store", "StoreError",
    "canonical_url", "content_hash", "fts_query", "source_fingerprint",
]
