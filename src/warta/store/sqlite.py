"""The embedded article store: one SQLite file in WAL mode, with an FTS5 index over title and body.

Why SQLite: one file a journalist can copy, no server, full-text search with bm25 built in, and
transactions that survive a killed process. Each ingest batch is one `BEGIN IMMEDIATE … COMMIT`, so a
SIGKILL leaves either the whole batch or none of it, and a re-run skips what is already stored.

The contract's full JSON is kept verbatim in `articles.analysis` (the source of truth for `get` and
exports); the columns and the child tables repeat parts of it so they can be filtered and joined in SQL.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ..errors import WartaError
from ..model import Article
from .identity import canonical_url, content_hash
from .schema import MIGRATIONS, SCHEMA_VERSION

Status = Literal["added", "updated", "unchanged"]

_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?$")
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n\s*\n")
_CHILD_TABLES = ("comments", "sources", "entities", "quotes", "claims", "dates", "events")


class StoreError(WartaError):
    """The database cannot be opened or queried as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Hit:
    """One search result: the article's key facts, its bm25 score and a snippet with the matches marked."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float
    snippet_parts: tuple[tuple[str, bool], ...]

    def snippet(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet as one string, each matched term wrapped in the given marks."""
        return "".join(f"{open_mark}{text}{close_mark}" if hit else text for text, hit in self.snippet_parts)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _split_script(script: str) -> Iterator[str]:
    """Split a migration into statements (trigger bodies contain `;`, so a naive split would not do).

    `executescript` cannot be used: it commits first, and a migration must be one transaction.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending[:80]!r}")


def _check_date(value: str | None, option: str) -> str | None:
    if value is None or value == "":
        return None
    if not _ISO_PREFIX.match(value):
        raise StoreError(f"{option} {value!r} is not an ISO date; use e.g. 2020, 2020-11 or 2020-11-10")
    return value.replace(" ", "T")


def fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query.

    Every word is quoted, so punctuation such as `Covid-19`, `S&P` or a stray `:` cannot be read as
    FTS5 syntax; "double-quoted phrases", a trailing `*` for a prefix, and upper-case AND/OR/NOT keep
    their meaning. Operators with nothing on one side are dropped rather than reported as errors.
    """
    terms: list[str] = []
    for token in re.findall(r'"[^"]*"|\S+', query):
        if token in _FTS_OPERATORS:
            if terms and terms[-1] not in _FTS_OPERATORS:
                terms.append(token)
            continue
        prefix = False
        if token.startswith('"') and token.endswith('"') and len(token) >= 2:
            word = token[1:-1].strip()
        else:
            prefix = token.endswith("*")
            word = token.rstrip("*").replace('"', " ").strip()
        if not word or not re.search(r"\w", word):
            continue
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    while terms and terms[-1] in _FTS_OPERATORS:
        terms.pop()
    if not terms:
        raise StoreError(f"the search query {query!r} has no words to look for")
    return " ".join(terms)


def _sentence_around(body: str, start: int | None, end: int | None) -> str | None:
    """The sentence of `body` holding the span start:end, as evidence for facts that carry only offsets."""
    if start is None or end is None or not (0 <= start <= end <= len(body)):
        return None
    left = 0
    for m in _SENTENCE_END.finditer(body, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(body, end)
    right = m.start() if m else len(body)
    return body[left:right].strip() or None


def _child_rows(article: Article, article_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """The child-table rows of one article, in the order of the contract's lists."""
    body = article.body
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _CHILD_TABLES}
    for i, c in enumerate(article.comments):
        rows["comments"].append((article_id, i, c.author, c.text))
    for i, s in enumerate(article.cited_sources):
        rows["sources"].append((article_id, i, s.text, s.canonical))
    for i, e in enumerate(article.entities):
        rows["entities"].append((article_id, i, e.text, e.type, e.id, e.canonical, e.lat, e.lon, e.start,
                                 e.end, _sentence_around(body, e.start, e.end)))
    for i, q in enumerate(article.quotes):
        rows["quotes"].append((article_id, i, q.quote, q.kind, q.speaker, q.speaker_id, q.speaker_text,
                               q.cue, q.via, q.start, q.end,
                               q.sentence or _sentence_around(body, q.start, q.end)))
    for i, c in enumerate(article.claims):
        rows["claims"].append((article_id, i, c.text, c.value, c.qualifier, c.category, c.subject,
                               c.claimant, c.claimant_id, c.start, c.end,
                               c.sentence or _sentence_around(body, c.start, c.end)))
    for i, d in enumerate(article.dates):
        rows["dates"].append((article_id, i, d.text, d.value, d.start, d.end,
                              _sentence_around(body, d.start, d.end)))
    for i, ev in enumerate(article.events):
        rows["events"].append((article_id, i, ev.type, ev.mode, ev.source, ev.source_id, ev.target,
                               ev.target_id, ev.location, ev.location_id, ev.lat, ev.lon, ev.date,
                               ev.claimant, int(bool(ev.negated)), ev.text, ev.text))
    return rows


_CHILD_INSERTS = {
    "comments": "INSERT INTO comments (article_id, position, author, text) VALUES (?,?,?,?)",
    "sources": "INSERT INTO sources (article_id, position, text, canonical) VALUES (?,?,?,?)",
    "entities": "INSERT INTO entities (article_id, position, text, type, entity_id, canonical, lat, lon, "
                "start_char, end_char, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "quotes": "INSERT INTO quotes (article_id, position, quote, kind, speaker, speaker_id, speaker_text, cue, "
              "via, start_char, end_char, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "claims": "INSERT INTO claims (article_id, position, text, value, qualifier, category, subject, claimant, "
              "claimant_id, start_char, end_char, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "dates": "INSERT INTO dates (article_id, position, text, value, start_char, end_char, sentence) "
             "VALUES (?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (article_id, position, type, mode, source, source_id, target, target_id, "
              "location, location_id, lat, lon, date, claimant, negated, text, sentence) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
}


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the pending migrations up to `target`, each in one transaction; return the new version.

    Two processes opening an old database at once are safe: `BEGIN IMMEDIATE` takes the write lock
    and the version is read again under it, so each migration runs once.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(f"the database has schema version {version}, newer than this warta knows "
                         f"({len(MIGRATIONS)}); upgrade warta to open it")
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                conn.execute("COMMIT")
                break
            for statement in _split_script(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
    return version


class Store:
    """An article database: `with Store("warta.db") as store: store.upsert(article, source_name=...)`.

    With `create=False` a missing file is an error rather than a new empty database, which is what
    read-only commands (search, show, export) want: a typo in `--db` should not look like "no results".
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no database at {self.path}; create one with `warta ingest PATH --db {self.path}` "
                             "or point --db / $WARTA_DB at an existing one")
        if not self.path.parent.is_dir():
            raise StoreError(f"cannot create {self.path}: the folder {self.path.parent} does not exist")
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so batches are exactly one transaction.
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open {self.path}: {e}") from e
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            migrate(self.conn)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"cannot open {self.path} as a warta database: {e}") from e
        except BaseException:
            self.conn.close()
            raise

    # -- life cycle --------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (WAL content is checkpointed into the main file by SQLite)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is committed together or not at all.

        `BEGIN IMMEDIATE` takes the write lock up front, so a second writer waits (busy_timeout)
        instead of failing half-way through a batch. Nested use joins the outer transaction.
        """
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing -----------------------------------------------------------------------------------

    def seen(self, source_hash: str) -> bool:
        """Whether an input with this fingerprint (see `identity.source_fingerprint`) is already stored."""
        row = self.conn.execute("SELECT 1 FROM inputs WHERE source_hash = ?", (source_hash,)).fetchone()
        return row is not None

    def upsert(self, article: Article, *, source_name: str = "", source_hash: str | None = None) -> Status:
        """Store one analysed article and say whether it was added, updated or already there.

        Identity, in order: the same canonical URL; else the same id, unless both have URLs that
        differ (then it is another article, stored under a suffixed id); else the same words (content
        hash) with no conflicting URL, which counts as a copy already stored. A known article whose
        words or analysis changed is updated in place: its child rows are replaced, its id kept.
        """
        with self.transaction():
            status, article_id = self._upsert(article, source_name)
            if source_hash:
                self.conn.execute(
                    "INSERT INTO inputs (source_hash, article_id, name, seen_at) VALUES (?,?,?,?) "
                    "ON CONFLICT(source_hash) DO UPDATE SET article_id = excluded.article_id, "
                    "name = excluded.name, seen_at = excluded.seen_at",
                    (source_hash, article_id, source_name, _now()))
            return status

    def upsert_many(self, articles: Iterable[Article], *, source_name: str = "",
                    batch_size: int = 50) -> list[Status]:
        """Store many articles, `batch_size` per transaction; return one status per article, in order."""
        statuses: list[Status] = []
        batch: list[Article] = []

        def flush() -> None:
            with self.transaction():
                statuses.extend(self.upsert(a, source_name=source_name) for a in batch)
            batch.clear()

        for article in articles:
            batch.append(article)
            if len(batch) >= max(1, batch_size):
                flush()
        if batch:
            flush()
        return statuses

    def _upsert(self, article: Article, source_name: str) -> tuple[Status, str]:
        chash = content_hash(article.title, article.body)
        curl = canonical_url(article.url)
        row = None
        if curl:
            row = self.conn.execute("SELECT * FROM articles WHERE canonical_url = ?", (curl,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is not None and curl and row["canonical_url"] and row["canonical_url"] != curl:
                row = None  # same id, another page: a different article
        if row is None:
            copy = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND (canonical_url IS NULL OR ? IS NULL "
                "OR canonical_url = ?) LIMIT 1", (chash, curl, curl)).fetchone()
            if copy is not None:
                return "unchanged", copy["id"]
            article_id = self._free_id(article.id, chash)
            self._write(article, article_id, chash, curl, source_name, existing=None)
            return "added", article_id
        article_id = row["id"]
        if row["content_hash"] == chash and _same_analysis(row["analysis"], article):
            return "unchanged", article_id
        self._write(article, article_id, chash, curl or row["canonical_url"], source_name, existing=row)
        return "updated", article_id

    def _free_id(self, wanted: str, chash: str) -> str:
        """`wanted` if no stored article has it, else `wanted-<hash>` (two pages that share an id)."""
        candidate, n = wanted, 0
        while self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{chash[:8]}" + (f"-{n}" if n > 1 else "")
        return candidate

    @staticmethod
    def _analysis_json(article: Article, article_id: str) -> str:
        data = article.to_dict()
        data["id"] = article_id
        return json.dumps(data, ensure_ascii=False)

    def _write(self, article: Article, article_id: str, chash: str, curl: str | None, source_name: str,
               existing: sqlite3.Row | None) -> None:
        now = _now()
        values = {
            "id": article_id, "content_hash": chash, "canonical_url": curl, "url": article.url,
            "outlet": article.outlet, "title": article.title, "published": article.published,
            "language": article.language, "body": article.body or "",
            "authors": json.dumps(article.authors, ensure_ascii=False), "source_name": source_name,
            "updated_at": now, "analysis": self._analysis_json(article, article_id),
        }
        if existing is None:
            values["ingested_at"] = now
            cols = ", ".join(values)
            self.conn.execute(f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(values))})",
                              tuple(values.values()))
        else:
            values.pop("id")
            sets = ", ".join(f"{c} = ?" for c in values)
            self.conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*values.values(), article_id))
            for table in _CHILD_TABLES:
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for table, rows in _child_rows(article, article_id).items():
            if rows:
                self.conn.executemany(_CHILD_INSERTS[table], rows)

    def delete(self, article_id: str) -> bool:
        """Remove an article with its child rows and index entries; False if there was none."""
        with self.transaction():
            cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cur.rowcount > 0

    # -- reading -----------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or with this URL (any variant of it), or None."""
        row = self.conn.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and (curl := canonical_url(article_id)) and curl.startswith("http"):
            row = self.conn.execute("SELECT analysis FROM articles WHERE canonical_url = ?",
                                    (curl,)).fetchone()
        return Article.from_dict(json.loads(row["analysis"])) if row else None

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def _filters(self, since: str | None, until: str | None, outlet: str | None,
                 entity: str | None) -> tuple[list[str], list[Any]]:
        """WHERE clauses shared by search and iteration.

        Dates compare as ISO strings at the precision given: `since 2020-11` keeps everything from
        November 2020 on, `until 2020-11-10` keeps all of the 10th (in the article's own time zone,
        which is the day its readers saw on the page).
        """
        since = _check_date(since, "--since")
        until = _check_date(until, "--until")
        where: list[str] = []
        params: list[Any] = []
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("substr(a.published, 1, ?) <= ?")
            params += [len(until), until]
        if outlet:
            where.append("(a.outlet = ? COLLATE NOCASE OR a.outlet LIKE ? ESCAPE '\\')")
            params += [outlet, "%." + outlet.replace("%", "\\%").replace("_", "\\_")]
        if entity:
            where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND "
                         "(e.entity_id = ? OR e.canonical = ? COLLATE NOCASE OR e.text = ? COLLATE NOCASE))")
            params += [entity, entity, entity]
        return where, params

    def search(self, query: str, *, since: str | None = None, until: str | None = None,
               outlet: str | None = None, entity: str | None = None, limit: int = 20,
               raw: bool = False) -> list[Hit]:
        """Full-text search over title and body, best first (bm25, a title match weighing 5x).

        `query` is read with `fts_query` (words quoted, "phrases", `prefix*`, AND/OR/NOT); `raw=True`
        passes FTS5 syntax through for those who want NEAR() or column filters.
        """
        match = query if raw else fts_query(query)
        where, params = self._filters(since, until, outlet, entity)
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, a.url, bm25(articles_fts, 5.0, 1.0) AS score, "
            f"snippet(articles_fts, 1, '{_MARK_OPEN}', '{_MARK_CLOSE}', '…', 24) AS snip "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? " + "".join(f"AND {w} " for w in where) +
            "ORDER BY score LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (match, *params, max(1, limit))).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot search for {query!r}: {e}. Put phrases in double quotes, "
                             "e.g. \"gencatan senjata\"") from e
        return [Hit(id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"], url=r["url"],
                    score=float(r["score"]), snippet_parts=_parse_snippet(r["snip"] or "")) for r in rows]

    def iter_articles(self, *, since: str | None = None, until: str | None = None,
                      outlet: str | None = None, entity: str | None = None) -> Iterator[Article]:
        """Every stored article (optionally filtered), oldest publication first, read in chunks."""
        where, params = self._filters(since, until, outlet, entity)
        sql = ("SELECT a.analysis FROM articles a " + ("WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY a.published IS NULL, a.published, a.rowid")
        cur = self.conn.execute(sql, params)
        while chunk := cur.fetchmany(256):
            for row in chunk:
                yield Article.from_dict(json.loads(row["analysis"]))

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, the publication range and the biggest outlets."""
        counts = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", *_CHILD_TABLES)}
        first, last = self.conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        outlets = self.conn.execute(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles "
            "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10").fetchall()
        languages = self.conn.execute(
            "SELECT coalesce(language, '(unknown)') AS language, count(*) AS n FROM articles "
            "GROUP BY 1 ORDER BY n DESC").fetchall()
        return {
            "path": str(self.path), "schema_version": self.schema_version, "counts": counts,
            "published_first": first, "published_last": last,
            "outlets": {r["outlet"]: r["n"] for r in outlets},
            "languages": {r["language"]: r["n"] for r in languages},
        }

    # -- query helpers for the analysis tables -------------------------------------------------------

    def _rows(self, table: str, where: list[str], params: list[Any], limit: int | None) -> list[dict[str, Any]]:
        sql = (f"SELECT t.*, a.title AS article_title, a.published AS article_published, a.outlet AS "
               f"article_outlet FROM {table} t JOIN articles a ON a.id = t.article_id "
               + ("WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published IS NULL, a.published, t.article_id, t.position")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.conn.execute(sql, params)]

    def entities(self, article_id: str | None = None, *, name: str | None = None,
                 type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Entity mentions, by article, by name (KB id, canonical name or text) and/or by type."""
        where, params = [], []
        if article_id:
            where.append("t.article_id = ?")
            params.append(article_id)
        if name:
            where.append("(t.entity_id = ? OR t.canonical = ? COLLATE NOCASE OR t.text = ? COLLATE NOCASE)")
            params += [name, name, name]
        if type:
            where.append("t.type = ?")
            params.append(type.upper())
        return self._rows("entities", where, params, limit)

    def quotes(self, article_id: str | None = None, *, speaker: str | None = None,
               kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Quotes, by article and/or by speaker (KB id, canonical name or the words used for them)."""
        where, params = [], []
        if article_id:
            where.append("t.article_id = ?")
            params.append(article_id)
        if speaker:
            where.append("(t.speaker_id = ? OR t.speaker = ? COLLATE NOCASE OR t.speaker_text = ? COLLATE NOCASE)")
            params += [speaker, speaker, speaker]
        if kind:
            where.append("t.kind = ?")
            params.append(kind)
        return self._rows("quotes", where, params, limit)

    def claims(self, article_id: str | None = None, *, category: str | None = None,
               claimant: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Numeric claims, by article, category and/or claimant: who says how many of what."""
        where, params = [], []
        if article_id:
            where.append("t.article_id = ?")
            params.append(article_id)
        if category:
            where.append("t.category = ?")
            params.append(category)
        if claimant:
            where.append("(t.claimant_id = ? OR t.claimant = ? COLLATE NOCASE)")
            params += [claimant, claimant]
        return self._rows("claims", where, params, limit)

    def events(self, article_id: str | None = None, *, type: str | None = None,
               actor: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Events, by article, PLOVER type and/or an actor on either side."""
        where, params = [], []
        if article_id:
            where.append("t.article_id = ?")
            params.append(article_id)
        if type:
            where.append("t.type = ?")
            params.append(type.upper())
        if actor:
            where.append("(t.source_id = ? OR t.target_id = ? OR t.source = ? COLLATE NOCASE "
                         "OR t.target = ? COLLATE NOCASE)")
            params += [actor, actor, actor, actor]
        return self._rows("events", where, params, limit)


def _same_analysis(stored: str, article: Article) -> bool:
    """Whether the stored analysis says the same as `article`, apart from the id and the URL variant.

    The id and the raw URL only say how this copy arrived (an AMP link, a WARC record); if they counted,
    two copies of one page in a collection would update each other on every run.
    """
    old = json.loads(stored)
    new = article.to_dict()
    for key in ("id", "url"):
        old.pop(key, None)
        new.pop(key, None)
    return bool(old == new)


def _parse_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """Split an FTS5 snippet with our control-character marks into (text, is_match) parts.

    Control characters cannot occur in cleaned text, so unlike `[`/`<` they never collide with it.
    """
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({_MARK_OPEN}[^{_MARK_CLOSE}]*{_MARK_CLOSE})", snippet):
        if not piece:
            continue
        if piece.startswith(_MARK_OPEN):
            parts.append((piece[1:-1], True))
        else:
            parts.append((piece, False))
    return tuple(parts)


__all__ = ["Hit", "SCHEMA_VERSION", "Status", "Store", "StoreError", "fts_query", "migrate"]
