"""The SQLite store: schema and migrations, identity, search, and what a crash leaves behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from warta.model import Article, CitedSource, Claim, Comment, Entity, Quote
from warta.store import SCHEMA_VERSION, Store, StoreError, canonical_url, content_hash, fts_query
from warta.store.schema import MIGRATIONS
from warta.store.sqlite import migrate

BODY_BANJIR = (
    "Banjir setinggi 1,5 meter merendam sedikitnya 2.300 rumah di Kota Bekasi setelah hujan deras sejak "
    "Minggu malam.\n\n"
    "\"Kami sudah mengevakuasi sekitar 1.100 warga ke masjid terdekat,\" kata Hendra Wibisono, Kepala BPBD "
    "Kota Bekasi, Senin (2/11).\n\n"
    "Tidak ada korban jiwa, namun tiga orang mengalami luka ringan."
)
BODY_BERAS = (
    "Harga beras medium di Pasar Induk Cipinang naik menjadi Rp 11.200 per kilogram pada Selasa (14/12).\n\n"
    "Pedagang mengeluhkan pasokan dari Jawa Tengah yang berkurang menjelang akhir tahun."
)
BODY_GENCATAN = (
    "Kedua negara menyepakati gencatan senjata yang mulai berlaku Selasa dini hari.\n\n"
    "Dikutip dari Reuters, sedikitnya 14 warga sipil tewas sejak pertempuran pecah pada akhir September."
)


def banjir(**changes: object) -> Article:
    """A fully analysed article, as `analyze` would return it, with facts in every child table."""
    hendra = BODY_BANJIR.index("Hendra Wibisono")
    quote_start = BODY_BANJIR.index("\"Kami")
    a = Article(
        id="banjir-bekasi", url="https://megapolitan.wartakota.example/read/2020/11/02/banjir-bekasi",
        outlet="wartakota.example", language="id", title="Banjir Rendam Ribuan Rumah di Bekasi",
        published="2020-11-02T09:06:00+07:00", authors=["Dewi Kartika Sari"], body=BODY_BANJIR,
        cited_sources=[CitedSource(text="BPBD", canonical="BPBD Kota Bekasi")],
        comments=[Comment(author="Rina", text="Semoga cepat surut, kasihan warga Jatiasih.")],
        entities=[Entity(text="Hendra Wibisono", start=hendra, end=hendra + 15, type="PER"),
                  Entity(text="Kota Bekasi", start=BODY_BANJIR.index("Kota Bekasi"),
                         end=BODY_BANJIR.index("Kota Bekasi") + 11, type="GPE", id="bekasi", canonical="Bekasi")],
        quotes=[Quote(quote="Kami sudah mengevakuasi sekitar 1.100 warga ke masjid terdekat,", kind="direct",
                      speaker="Hendra Wibisono", speaker_id=None, speaker_text="Hendra Wibisono", cue="kata",
                      start=quote_start, end=quote_start + 66)],
        claims=[Claim(text="tiga orang", value=3, qualifier="exact", category="injured", subject="orang",
                      claimant="Hendra Wibisono")],
    )
    for key, value in changes.items():
        setattr(a, key, value)
    return a


def simple(i: int, **kw: object) -> Article:
    return Article(id=f"a{i}", title=f"Berita nomor {i}", body=f"Isi berita nomor {i} tentang pasar dan harga.",
                   language="id", **kw)  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warta.db"


# -- schema ----------------------------------------------------------------------------------------

def test_new_database_has_current_schema_wal_and_foreign_keys(db: Path) -> None:
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "comments", "sources", "entities", "quotes", "claims", "dates", "events",
            "articles_fts", "inputs"} <= tables


def test_empty_v0_database_is_migrated(db: Path) -> None:
    sqlite3.connect(db).close()  # an existing, empty file at user_version 0
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.upsert(banjir(), source_name="t") == "added"


def test_old_database_is_migrated_and_keeps_its_articles(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=1)  # as written by a warta that knew only the first migration
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.execute("INSERT INTO articles (id, content_hash, title, body, ingested_at, updated_at, analysis) "
                 "VALUES ('lama', 'h', 'Judul lama', 'Isi berita lama tentang banjir', 'now', 'now', '{\"id\": \"lama\"}')")
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get("lama") is not None
        assert [h.id for h in store.search("banjir")] == ["lama"]
        assert store.upsert(banjir(), source_name="t") == "added"
        assert len(store.entities("banjir-bekasi")) == 2


def test_migrations_are_idempotent(db: Path) -> None:
    Store(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA user_version = 0")  # as if the version bump had been lost
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_is_refused(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_missing_database_is_an_error_when_not_creating(db: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store(db, create=False)
    assert not db.exists()


def test_database_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "tidak-ada" / "warta.db")


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("ini bukan basis data\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


# -- identity --------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "https://news.detik.com/berita/d-5247911/judul-berita",
    "http://news.detik.com/berita/d-5247911/judul-berita/",
    "https://NEWS.DETIK.COM/berita/d-5247911/judul-berita?utm_source=twitter&utm_medium=social",
    "https://news.detik.com/berita/d-5247911/judul-berita#komentar",
    "https://news.detik.com/berita/d-5247911/judul-berita/amp",
    "https://news.detik.com/amp/berita/d-5247911/judul-berita?fbclid=IwAR0x",
    "https://news.detik.com:443/berita/d-5247911/judul-berita?tag_from=wp_nhl",
    "https://news.detik.com/berita/d-5247911/judul-berita?single=1",
])
def test_canonical_url_variants(variant: str) -> None:
    assert canonical_url(variant) == "https://news.detik.com/berita/d-5247911/judul-berita"


def test_canonical_url_keeps_what_names_the_article() -> None:
    assert canonical_url("https://www.kompas.com/read?id=12&b=2&a=1") == "https://kompas.com/read?a=1&b=2&id=12"
    assert canonical_url("https://m.antaranews.com/berita/1") == canonical_url("https://www.antaranews.com/berita/1")
    assert canonical_url("https://a.example/berita/1") != canonical_url("https://a.example/berita/2")
    assert canonical_url(None) is None and canonical_url("  ") is None
    assert canonical_url("urn:x:1") == "urn:x:1"


def test_content_hash_ignores_case_and_spacing_only() -> None:
    assert content_hash("Judul", "Satu  dua\n\ntiga") == content_hash("JUDUL", "satu dua tiga")
    assert content_hash("Judul", "satu dua tiga") != content_hash("Judul", "satu dua empat")


def test_upsert_added_unchanged_updated(db: Path) -> None:
    with Store(db) as store:
        assert store.upsert(banjir(), source_name="a.txt") == "added"
        assert store.upsert(banjir(), source_name="a.txt") == "unchanged"
        changed = banjir(body=BODY_BANJIR + "\n\nHingga Senin sore air mulai surut.", claims=[])
        assert store.upsert(changed, source_name="a.txt") == "updated"
        assert len(store) == 1
        got = store.get("banjir-bekasi")
        assert got is not None and got.body.endswith("air mulai surut.")
        assert store.claims("banjir-bekasi") == []  # child rows replaced, not appended
        assert len(store.entities("banjir-bekasi")) == 2
        assert [h.id for h in store.search("surut")] == ["banjir-bekasi"]
        assert store.search("Jatiasih") == []  # the comment is not indexed, only title and body


def test_same_article_through_another_url_variant_is_unchanged(db: Path) -> None:
    with Store(db) as store:
        store.upsert(banjir(), source_name="a.txt")
        amp = banjir(id="amp-copy",
                     url="http://megapolitan.wartakota.example/amp/read/2020/11/02/banjir-bekasi?utm_source=wa")
        assert store.upsert(amp, source_name="b.html") == "unchanged"
        assert len(store) == 1


def test_same_url_with_new_text_updates_under_the_first_id(db: Path) -> None:
    with Store(db) as store:
        store.upsert(banjir(), source_name="a.txt")
        newer = banjir(id="crawl-7", title="Banjir Rendam Ribuan Rumah di Bekasi (Diperbarui)")
        assert store.upsert(newer, source_name="crawl.warc") == "updated"
        assert len(store) == 1
        assert store.get("banjir-bekasi").title.endswith("(Diperbarui)")  # type: ignore[union-attr]
        assert store.get("crawl-7") is None
        assert store.get("https://megapolitan.wartakota.example/read/2020/11/02/banjir-bekasi?utm_campaign=x") is not None


def test_same_words_without_url_are_a_copy(db: Path) -> None:
    with Store(db) as store:
        store.upsert(banjir(), source_name="a.txt")
        assert store.upsert(banjir(id="salinan", url=None), source_name="salinan.txt") == "unchanged"
        assert len(store) == 1


def test_same_id_on_another_page_is_another_article(db: Path) -> None:
    with Store(db) as store:
        store.upsert(simple(1, url="https://a.example/1"), source_name="a.jsonl")
        other = simple(1, url="https://b.example/1")
        other.body = "Isi yang sama sekali berbeda tentang gempa bumi."
        assert store.upsert(other, source_name="b.jsonl") == "added"
        assert len(store) == 2
        assert store.upsert(other, source_name="b.jsonl") == "unchanged"


def test_inputs_seen_are_recorded_in_the_same_transaction(db: Path) -> None:
    with Store(db) as store:
        assert not store.seen("abc")
        store.upsert(banjir(), source_name="a.txt", source_hash="abc")
        assert store.seen("abc")
        store.delete("banjir-bekasi")
        assert not store.seen("abc")  # deleting an article forgets its inputs, so it can come back


# -- search ----------------------------------------------------------------------------------------

@pytest.fixture
def corpus(db: Path) -> Store:
    store = Store(db)
    store.upsert_many([
        banjir(),
        Article(id="beras", title="Harga Beras Naik Jelang Akhir Tahun", body=BODY_BERAS, language="id",
                outlet="suarapasar.example", published="2021-12-14T10:15:00+07:00"),
        Article(id="gencatan", title="Gencatan Senjata Disepakati", body=BODY_GENCATAN, language="id",
                outlet="kabardunia.example", published="2020-11-10T14:38:00+07:00"),
        Article(id="tanpa-tanggal", title="Warga Bekasi Gotong Royong", body="Warga membersihkan lumpur sisa banjir.",
                language="id"),
    ], source_name="fixture")
    yield store
    store.close()


def test_search_ranks_and_highlights(corpus: Store) -> None:
    hits = corpus.search("banjir")
    assert {h.id for h in hits} == {"banjir-bekasi", "tanpa-tanggal"}
    top = hits[0]
    assert top.id == "banjir-bekasi"  # title match weighs more
    assert any(hit and text.lower() == "banjir" for text, hit in top.snippet_parts)
    assert "[Banjir]" in top.snippet() or "[banjir]" in top.snippet()
    assert hits[0].score <= hits[1].score  # bm25: lower is better


def test_search_phrase_prefix_and_operators(corpus: Store) -> None:
    assert [h.id for h in corpus.search('"gencatan senjata"')] == ["gencatan"]
    assert corpus.search('"senjata gencatan"') == []
    assert [h.id for h in corpus.search("bera*")] == ["beras"]
    assert {h.id for h in corpus.search("beras OR gencatan")} == {"beras", "gencatan"}
    assert [h.id for h in corpus.search("banjir NOT rumah")] == ["tanpa-tanggal"]


def test_search_syntax_is_safe(corpus: Store) -> None:
    for query in ['beras"', "beras:", "(beras", "AND beras", "beras OR", "harga-beras", "NEAR(", "*beras"]:
        corpus.search(query)  # no exception: words are quoted
    with pytest.raises(StoreError, match="no words"):
        corpus.search("  ?? ")
    with pytest.raises(StoreError, match="cannot search"):
        corpus.search('beras"', raw=True)
    assert fts_query('Covid-19 "harga beras" bank*') == '"Covid-19" "harga beras" "bank"*'


def test_search_filters(corpus: Store) -> None:
    assert [h.id for h in corpus.search("warga", since="2020-11-05")] == ["gencatan"]
    assert [h.id for h in corpus.search("warga", until="2020-11-02")] == ["banjir-bekasi"]
    assert {h.id for h in corpus.search("warga", since="2020-11", until="2020-11")} == {"banjir-bekasi", "gencatan"}
    assert [h.id for h in corpus.search("harga", outlet="suarapasar.example")] == ["beras"]
    assert corpus.search("harga", outlet="kabardunia.example") == []
    assert [h.id for h in corpus.search("warga", entity="Bekasi")] == ["banjir-bekasi"]
    assert [h.id for h in corpus.search("warga", entity="hendra wibisono")] == ["banjir-bekasi"]
    assert corpus.search("warga", limit=1)[0].id
    with pytest.raises(StoreError, match="ISO date"):
        corpus.search("warga", since="kemarin")


def test_iter_articles_stats_and_fact_queries(corpus: Store) -> None:
    ids = [a.id for a in corpus.iter_articles()]
    assert ids == ["banjir-bekasi", "gencatan", "beras", "tanpa-tanggal"]
    assert [a.id for a in corpus.iter_articles(since="2021")] == ["beras"]
    stats = corpus.stats()
    assert stats["counts"]["articles"] == 4 and stats["counts"]["comments"] == 1
    assert stats["published_first"].startswith("2020-11-02")
    quotes = corpus.quotes(speaker="hendra wibisono")
    assert len(quotes) == 1 and quotes[0]["sentence"].startswith("\"Kami sudah")
    assert corpus.claims(category="injured")[0]["value"] == 3
    assert corpus.claims(category="killed") == []
    ent = corpus.entities(name="bekasi")
    assert ent[0]["sentence"] and "Kota Bekasi" in ent[0]["sentence"]
    assert corpus.get("banjir-bekasi") == banjir()


# -- transactions and crashes ------------------------------------------------------------------------

def _consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
    conn.close()


def test_exception_inside_a_batch_writes_nothing(db: Path) -> None:
    class Boom(Exception):
        pass

    def articles():
        yield from (simple(i) for i in range(3))
        raise Boom

    with Store(db) as store:
        with pytest.raises(Boom):
            store.upsert_many(articles(), source_name="x", batch_size=10)
        assert len(store) == 0
        assert store.upsert_many((simple(i) for i in range(3)), source_name="x") == ["added"] * 3
    _consistent(db)


CHILD = textwrap.dedent("""
    import sys, time
    from warta.model import Article, Comment
    from warta.store import Store

    path, batch, kill_in_batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    articles = [Article(id=f"a{i}", title=f"Berita {i}", body=f"Isi berita nomor {i} tentang banjir.",
                        comments=[Comment(author="pembaca", text=f"komentar {i}")]) for i in range(120)]
    with Store(path) as store:
        for b, start in enumerate(range(0, len(articles), batch)):
            with store.transaction():
                for j, a in enumerate(articles[start:start + batch]):
                    store.upsert(a, source_name="child", source_hash=f"h{a.id}")
                    if b == kill_in_batch and j == batch // 2:
                        print("inside", flush=True)
                        time.sleep(60)
            print("committed", b, flush=True)
""")


def test_sigkill_mid_batch_leaves_whole_batches_and_a_rerun_completes(db: Path, tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    proc = subprocess.Popen([sys.executable, str(script), str(db), "50", "1"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.strip() == "inside":
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert lines == ["committed 0", "inside"]

    _consistent(db)
    with Store(db) as store:
        assert len(store) == 50  # the first batch, whole; nothing of the second
        assert store.conn.execute("SELECT count(*) FROM comments").fetchone()[0] == 50
        assert not store.seen("ha50")
    rerun = subprocess.run([sys.executable, str(script), str(db), "50", "-1"], capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    _consistent(db)
    with Store(db) as store:
        assert len(store) == 120
        assert store.conn.execute("SELECT count(*) FROM comments").fetchone()[0] == 120
        assert store.conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 120
