"""The store commands end to end: ingest, search, show, export, stats, through Typer's CliRunner."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta
from warta.cli import app
from warta.model import Article, Comment, Source
from warta.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> object:
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def simple_analyze(source: Source, **_: object) -> Article:
    """A stand-in for `warta.analyze`, so the ingest mechanics are tested apart from cleaning quality."""
    text = source.text if source.text is not None else re.sub(r"<[^>]*>?", " ", source.html or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(id=source.id, url=source.url, title=lines[0] if lines else None,
                   body="\n\n".join(lines[1:]), language="id")


def make_mixed_dir(root: Path) -> Path:
    """One good article among an empty file, a PNG, a truncated .warc.gz, Latin-1 bytes and broken HTML."""
    root.mkdir()
    shutil.copy(FIXTURES / "banjir-bekasi.txt", root / "banjir-bekasi.txt")
    (root / "kosong.txt").write_bytes(b"")
    (root / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4)
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://berita.example/a\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 4000\r\n\r\n"
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
              + b"Pemerintah daerah menyiapkan posko banjir. " * 80)
    (root / "arsip.warc.gz").write_bytes(gzip.compress(record)[:300])
    (root / "latin1.txt").write_bytes(
        "Kafé di Jalan Braga\n\nPemilik kafé di Bandung mengatakan pengunjung naik dua kali lipat "
        "sejak libur panjang dimulai, terutama wisatawan dari Jakarta.".encode("latin-1"))
    (root / "rusak.html").write_bytes(b"<html><head><title></title><body><div><script>var x = '<p>'")
    return root


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "berita.db"


@pytest.fixture
def stored(db: Path) -> Path:
    """A database filled through the store API, for the read-only commands."""
    with Store(db) as store:
        store.upsert_many([
            Article(id="banjir-bekasi", title="Banjir Rendam Ribuan Rumah di Bekasi", language="id",
                    outlet="wartakota.example", published="2020-11-02T09:06:00+07:00", authors=["Dewi Kartika Sari"],
                    body="Banjir setinggi 1,5 meter merendam 2.300 rumah di Bekasi [lima kecamatan].\n\n"
                         "Warga mengungsi ke masjid terdekat.",
                    comments=[Comment(author="Rina", text="Semoga cepat surut.")]),
            Article(id="beras", title="Harga Beras Naik Jelang Akhir Tahun", language="id",
                    outlet="suarapasar.example", published="2021-12-14T10:15:00+07:00",
                    body="Harga beras medium naik menjadi Rp 11.200 per kilogram."),
        ], source_name="fixture")
    return db


# -- help ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command, options", [
    ("ingest", ["--db", "--batch-size", "--reanalyze"]),
    ("search", ["--since", "--until", "--outlet", "--entity", "--limit", "--raw", "--json", "--db"]),
    ("show", ["--format", "--db"]),
    ("export", ["--format", "--out", "--since", "--until", "--outlet", "--db"]),
    ("stats", ["--json", "--db"]),
])
def test_every_command_explains_every_option_with_examples(command: str, options: list[str]) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in options:
        assert option in result.output
    assert "Examples" in result.output and f"warta {command}" in result.output
    assert "WARTA_DB" in result.output


# -- read-only commands on a missing database ---------------------------------------------------------

@pytest.mark.parametrize("args", [["search", "banjir"], ["show", "x"], ["export"], ["stats"]])
def test_missing_database_is_a_clear_error(args: list[str], db: Path) -> None:
    result = run(*args, "--db", str(db))
    assert result.exit_code == 1
    assert "no database" in result.output and str(db) in result.output
    assert "Traceback" not in result.output
    assert not db.exists()


# -- search, show, export, stats --------------------------------------------------------------------

def test_search_prints_ranked_highlighted_hits(stored: Path) -> None:
    result = run("search", "banjir", "--db", str(stored))
    assert result.exit_code == 0, result.output
    assert "banjir-bekasi" in result.stdout and "Banjir Rendam" in result.stdout
    assert "[lima kecamatan]" in result.stdout  # brackets in text are text, not markup
    result = run("search", "beras", "--db", str(stored), "--json")
    hit = json.loads(result.stdout.splitlines()[0])
    assert hit["id"] == "beras" and "[beras]" in hit["snippet"]


def test_search_filters_and_env_db(stored: Path) -> None:
    env = {"WARTA_DB": str(stored)}
    assert "beras" in run("search", "harga", "--since", "2021", env=env).stdout
    out = run("search", "harga OR banjir", "--outlet", "wartakota.example", "--json", env=env).stdout
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["banjir-bekasi"]
    out = run("search", "harga", "beras", "--json", env=env).stdout  # several words, no shell quoting
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["beras"]
    result = run("search", "harga", "--since", "kemarin", env=env)
    assert result.exit_code == 1 and "ISO date" in result.output
    result = run("search", "gempa", env=env)
    assert result.exit_code == 0 and "No article" in result.output


def test_search_query_syntax_never_crashes(stored: Path) -> None:
    for query in ['beras"', "(harga", "harga:", "NOT", "AND OR"]:
        result = run("search", query, "--db", str(stored))
        assert result.exit_code in (0, 1) and "Traceback" not in result.output


def test_show_pretty_and_json(stored: Path) -> None:
    result = run("show", "banjir-bekasi", "--db", str(stored))
    assert result.exit_code == 0
    assert "Banjir Rendam Ribuan Rumah di Bekasi" in result.stdout and "Dewi Kartika Sari" in result.stdout
    assert "Semoga cepat surut." in result.stdout
    result = run("show", "banjir-bekasi", "--db", str(stored), "--format", "json")
    assert json.loads(result.stdout)["authors"] == ["Dewi Kartika Sari"]
    result = run("show", "tidak-ada", "--db", str(stored))
    assert result.exit_code == 1 and "no article 'tidak-ada'" in result.output


def test_export_formats(stored: Path, tmp_path: Path) -> None:
    result = run("export", "--db", str(stored))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["banjir-bekasi", "beras"]
    result = run("export", "--db", str(stored), "--format", "csv", "--since", "2021")
    assert result.stdout.splitlines()[0].startswith("id,url,outlet") and "beras" in result.stdout
    assert "banjir-bekasi" not in result.stdout
    out = tmp_path / "a.parquet"
    result = run("export", "--db", str(stored), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0 and out.exists() and "Exported 2 articles" in result.output
    result = run("export", "--db", str(stored), "--format", "parquet")
    assert result.exit_code == 2 and "--out" in result.output
    result = run("export", "--db", str(stored), "--format", "xml")
    assert result.exit_code == 2


def test_stats(stored: Path) -> None:
    result = run("stats", "--db", str(stored), "--json")
    figures = json.loads(result.stdout)
    assert figures["counts"]["articles"] == 2 and figures["counts"]["comments"] == 1
    assert "articles" in run("stats", "--db", str(stored)).stdout


# -- ingest mechanics (a stand-in analyze; the readers are real) ---------------------------------------

@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("warta.ingest.dispatch", reason="the ingest readers are not written yet")
    monkeypatch.setattr(warta, "analyze", simple_analyze)


def test_ingest_is_idempotent(stand_in: None, db: Path) -> None:
    result = run("ingest", str(FIXTURES), "--db", str(db))
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert len(store) == 3
    result = run("ingest", str(FIXTURES), "--db", str(db), "--batch-size", "1")
    assert result.exit_code == 0
    assert re.search(r"\b0\s+0\s+3\s+0\b", result.stdout), result.stdout  # added updated unchanged failed


def test_ingest_reanalyze_updates_only_what_changed(stand_in: None, db: Path, monkeypatch) -> None:
    run("ingest", str(FIXTURES), "--db", str(db))

    def analyze_v2(source: Source, **kw: object) -> Article:
        a = simple_analyze(source)
        if source.id == "banjir-bekasi":
            a.published = "2020-11-02T09:06:00+07:00"
        return a

    monkeypatch.setattr(warta, "analyze", analyze_v2)
    result = run("ingest", str(FIXTURES), "--db", str(db), "--reanalyze")
    assert re.search(r"\b0\s+1\s+2\s+0\b", result.stdout), result.stdout


def test_an_analysis_crash_fails_one_input_and_the_batch_goes_on(stand_in: None, db: Path, monkeypatch) -> None:
    def flaky(source: Source, **kw: object) -> Article:
        if source.id == "gencatan-senjata":
            raise ValueError("tokenizer bingung")
        return simple_analyze(source)

    monkeypatch.setattr(warta, "analyze", flaky)
    result = run("ingest", str(FIXTURES), "--db", str(db), "--batch-size", "1")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.search(r"failed\s+\S*gencatan-senjata.txt: analysis failed: ValueError: tokenizer bingung",
                     result.stdout), result.stdout
    with Store(db) as store:
        assert {a.id for a in store.iter_articles()} == {"banjir-bekasi", "harga-beras"}
    monkeypatch.setattr(warta, "analyze", simple_analyze)
    result = run("ingest", str(FIXTURES), "--db", str(db))
    assert result.exit_code == 0 and re.search(r"\b1\s+0\s+2\s+0\b", result.stdout), result.stdout


def test_ingest_mixed_directory_with_stand_in(stand_in: None, db: Path, tmp_path: Path) -> None:
    mixed = make_mixed_dir(tmp_path / "campur")
    result = run("ingest", str(mixed), "--db", str(db))
    _check_mixed(result, db, first=True)
    _check_mixed(run("ingest", str(mixed), "--db", str(db)), db, first=False)


def _check_mixed(result: object, db: Path, *, first: bool) -> None:
    output = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 1, output  # type: ignore[attr-defined]
    assert "Traceback" not in output
    failures = [line for line in result.stdout.splitlines() if line.startswith("failed ")]  # type: ignore[attr-defined]
    for bad in ("kosong.txt", "foto.png", "arsip.warc.gz", "rusak.html"):
        lines = [line for line in failures if bad in line]
        assert len(lines) >= 1, f"{bad} not reported:\n{output}"
        assert all(len(line.split(": ", 1)[1]) > 5 for line in lines)  # a reason, not just a name
    assert not any("banjir-bekasi" in line for line in failures)
    with Store(db) as store:
        ids = {a.id for a in store.iter_articles()}
    assert "banjir-bekasi" in ids
    table = re.search(r"\b(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\b", result.stdout)  # type: ignore[attr-defined]
    assert table, output
    added, updated, _, _ = map(int, table.groups())
    if first:
        assert added >= 1
    else:
        assert added == 0 and updated == 0  # a second identical ingest changes nothing
    export = runner.invoke(app, ["export", "--db", str(db)])
    assert any(json.loads(line)["id"] == "banjir-bekasi" for line in export.stdout.splitlines())


def test_db_defaults_to_env_then_cwd(stand_in: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARTA_DB", raising=False)
    assert run("ingest", str(FIXTURES / "banjir-bekasi.txt")).exit_code == 0
    assert (tmp_path / "warta.db").exists()
    env_db = tmp_path / "dari-env.db"
    assert run("ingest", str(FIXTURES / "harga-beras.html"), env={"WARTA_DB": str(env_db)}).exit_code == 0
    assert env_db.exists()
    assert "banjir-bekasi" in run("export").stdout
    assert "harga-beras" in run("export", env={"WARTA_DB": str(env_db)}).stdout


def test_stdin_and_a_missing_path(stand_in: None, db: Path, monkeypatch) -> None:
    text = (FIXTURES / "gencatan-senjata.txt").read_bytes()
    result = runner.invoke(app, ["ingest", "-", str(db.parent / "tidak-ada.txt"), "--db", str(db)],
                           input=text)
    assert result.exit_code == 1
    assert "tidak-ada.txt" in result.stdout
    with Store(db) as store:
        assert len(store) == 1


# -- end to end with the real cleaning ------------------------------------------------------------------

@pytest.fixture
def real() -> None:
    pytest.importorskip("warta.ingest.dispatch", reason="the ingest readers are not written yet")
    pytest.importorskip("warta.clean.page", reason="the cleaning stage is not written yet")


def test_end_to_end_fixtures(real: None, db: Path) -> None:
    result = run("ingest", str(FIXTURES), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert re.search(r"\b3\s+0\s+0\s+0\b", result.stdout), result.stdout
    result = run("ingest", str(FIXTURES), "--db", str(db), "--reanalyze")
    assert re.search(r"\b0\s+0\s+3\s+0\b", result.stdout), result.stdout  # analysis is deterministic
    hits = [json.loads(line) for line in run("search", "gencatan senjata", "--db", str(db), "--json").stdout.splitlines()]
    assert hits and hits[0]["id"] == "gencatan-senjata"
    shown = json.loads(run("show", "banjir-bekasi", "--db", str(db), "--format", "json").stdout)
    assert "Banjir" in (shown["title"] or "") and "Bagikan" not in shown["body"]
    records = [json.loads(line) for line in run("export", "--db", str(db)).stdout.splitlines()]
    assert {r["id"] for r in records} == {"banjir-bekasi", "gencatan-senjata", "harga-beras"}


def test_end_to_end_mixed_directory(real: None, db: Path, tmp_path: Path) -> None:
    mixed = make_mixed_dir(tmp_path / "campur")
    _check_mixed(run("ingest", str(mixed), "--db", str(db)), db, first=True)
    _check_mixed(run("ingest", str(mixed), "--db", str(db)), db, first=False)


# -- a killed ingest -----------------------------------------------------------------------------------

KILLED_INGEST = '''
import sys, time
import warta
from warta.model import Article

calls = 0
stall_at = int(sys.argv[3])

def slow(source, **kw):
    global calls
    calls += 1
    if calls == stall_at:
        print("stalled", flush=True)
        time.sleep(120)
    lines = source.text.splitlines()
    return Article(id=source.id, title=lines[0], body="\\n\\n".join(lines[1:]), language="id")

warta.analyze = slow
from warta.cli import app
sys.argv = ["warta", "ingest", sys.argv[1], "--db", sys.argv[2], "--batch-size", "5"]
app()
'''


def test_sigkill_during_ingest_then_rerun_finishes_without_duplicates(stand_in: None, tmp_path: Path) -> None:
    import signal
    import sqlite3
    import subprocess
    import sys

    src = tmp_path / "berita"
    src.mkdir()
    for i in range(23):
        (src / f"berita-{i:02d}.txt").write_text(
            f"Rapat Warga RT {i} Bahas Saluran Air\n\nWarga RT {i} di Kelurahan Sukamaju menggelar rapat "
            f"untuk membahas perbaikan saluran air yang tersumbat sejak pekan lalu, kata ketua RT {i}.\n",
            encoding="utf-8")
    script = tmp_path / "ingest.py"
    script.write_text(KILLED_INGEST)
    db = tmp_path / "warta.db"
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(db), "13"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "stalled"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10  # two whole batches of five
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 10
    conn.close()

    rerun = subprocess.run([sys.executable, str(script), str(src), str(db), "0"], capture_output=True, text=True,
                           timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert re.search(r"\b13\s+0\s+10\s+0\b", rerun.stdout), rerun.stdout  # added updated unchanged failed
    with Store(db) as store:
        assert len(store) == 23
        assert store.conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 23
