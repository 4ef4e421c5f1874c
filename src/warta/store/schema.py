"""The SQLite schema, as an ordered list of migrations.

`PRAGMA user_version` records how many of them a database has; opening a database applies the rest,
in order, each in its own transaction. A migration is only ever appended, never edited, so a database
written by any earlier warta can be brought up to date. Every statement is idempotent
(`IF NOT EXISTS`), so a half-made database from a crashed first run is finished rather than broken.
"""

from __future__ import annotations

# 1: articles, the inputs already seen, comments, cited sources and the full-text index.
#
# `rowid` is declared so that it is stable across VACUUM: the external-content FTS index refers to
# articles by rowid, and SQLite may renumber an undeclared rowid. `id` is the article's public id.
_V1 = """
CREATE TABLE IF NOT EXISTS articles (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,
    canonical_url TEXT,
    url           TEXT,
    outlet        TEXT,
    title         TEXT,
    published     TEXT,
    language      TEXT,
    body          TEXT NOT NULL DEFAULT '',
    authors       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    source_name   TEXT,
    ingested_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    analysis      TEXT NOT NULL CHECK (json_valid(analysis))
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_canonical_url ON articles(canonical_url)
    WHERE canonical_url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

-- Every raw input stored so far, by fingerprint, so a re-run skips them without analysing again.
CREATE TABLE IF NOT EXISTS inputs (
    source_hash TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    name        TEXT,
    seen_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inputs_article ON inputs(article_id);

CREATE TABLE IF NOT EXISTS comments (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position   INTEGER NOT NULL,
    author     TEXT,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- The agencies and outlets an article relays ("dikutip dari AA").
CREATE TABLE IF NOT EXISTS sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    canonical  TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS sources_canonical ON sources(canonical);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body,
    content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
"""

# 2: the analysis results as tables, one row per fact with its evidence sentence, so commands such
# as `warta quotes --speaker` or `search --entity` are plain SQL over indexed columns.
_V2 = """
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    entity_id  TEXT,
    canonical  TEXT,
    lat        REAL,
    lon        REAL,
    start_char INTEGER,
    end_char   INTEGER,
    sentence   TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS entities_entity_id ON entities(entity_id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entities_text ON entities(text COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS quotes (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position     INTEGER NOT NULL,
    quote        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    speaker      TEXT,
    speaker_id   TEXT,
    speaker_text TEXT,
    cue          TEXT,
    via          TEXT,
    start_char   INTEGER,
    end_char     INTEGER,
    sentence     TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS claims (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL,
    qualifier   TEXT,
    category    TEXT,
    subject     TEXT,
    claimant    TEXT,
    claimant_id TEXT,
    start_char  INTEGER,
    end_char    INTEGER,
    sentence    TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS claims_category ON claims(category);
CREATE INDEX IF NOT EXISTS claims_claimant ON claims(claimant COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    start_char INTEGER,
    end_char   INTEGER,
    sentence   TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);

CREATE TABLE IF NOT EXISTS events (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
    position    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    mode        TEXT,
    source      TEXT,
    source_id   TEXT,
    target      TEXT,
    target_id   TEXT,
    location    TEXT,
    location_id TEXT,
    lat         REAL,
    lon         REAL,
    date        TEXT,
    claimant    TEXT,
    negated     INTEGER NOT NULL DEFAULT 0,
    text        TEXT,
    sentence    TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
"""Ordered migrations; the database's `user_version` is how many have been applied."""

SCHEMA_VERSION = len(MIGRATIONS)

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]
