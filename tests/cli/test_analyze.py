"""`warta analyze` end to end through Typer's CliRunner: output shape, order, ids, hints, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app

pytest.importorskip("warta.clean.page", reason="the cleaning stage (warta.clean.page) has not landed")

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
CONTRACT_KEYS = {"id", "url", "outlet", "language", "title", "published", "authors", "cited_sources", "body",
                 "comments", "entities", "quotes", "claims", "events", "dates"}
runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, ["analyze", *args], input=input, catch_exceptions=False)


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_jsonl_keeps_ids_and_order():
    r = run(str(FIX / "berita.jsonl"))
    assert r.exit_code == 0, r.stderr
    out = lines(r.stdout)
    assert [o["id"] for o in out] == ["kb-003", "kb-001", "kb-002"]
    assert all(CONTRACT_KEYS <= set(o) for o in out)
    first = out[0]
    # metadata given in the record wins over what cleaning extracts
    assert first["url"] == "https://kabardaerah.example.id/read/2020/08/20/pelabuhan-sorong"
    assert first["published"] == "2020-08-20T08:30:00+09:00"
    assert first["outlet"] == "kabardaerah.example.id"
    assert "dermaga baru" in first["body"]
    assert "Festival Danau Toba" in (out[1]["title"] or "")
    assert r.stderr == ""


def test_text_file_is_cleaned():
    r = run(str(FIX / "banjir_garut.txt"))
    assert r.exit_code == 0, r.stderr
    [o] = lines(r.stdout)
    assert o["id"] == "banjir_garut"
    assert o["title"].startswith("Banjir Bandang Terjang Tiga Kecamatan")
    assert o["published"] == "2020-08-14T15:52:00+07:00"
    assert "412 warga" in o["body"]
    assert "Baca juga" not in o["body"]


def test_several_paths_keep_input_order(tmp_path):
    r = run(str(FIX / "halaman_berita.html"), str(FIX / "berita.jsonl"), str(FIX / "diplomasi_jakarta.txt"))
    assert r.exit_code == 0, r.stderr
    assert [o["id"] for o in lines(r.stdout)] == ["halaman_berita", "kb-003", "kb-001", "kb-002",
                                                  "diplomasi_jakarta"]


def test_json_format_is_one_array():
    r = run(str(FIX / "berita.jsonl"), "--format", "json")
    assert r.exit_code == 0
    arr = json.loads(r.stdout)
    assert isinstance(arr, list) and [o["id"] for o in arr] == ["kb-003", "kb-001", "kb-002"]


def test_json_format_with_no_articles_is_an_empty_array(tmp_path):
    (tmp_path / "kosong.txt").write_bytes(b"")
    r = run(str(tmp_path / "kosong.txt"), "--format", "json")
    assert r.exit_code == 1 and json.loads(r.stdout) == []


def test_pretty_format():
    r = run(str(FIX / "banjir_garut.txt"), "--format", "pretty")
    assert r.exit_code == 0
    assert "Banjir Bandang Terjang" in r.stdout
    # the fixture's facts are listed under their headings, with counts
    for heading in ("Entities (", "Quotes (", "Claims (", "Dates ("):
        assert heading in r.stdout
    assert "banjir_garut" in r.stdout


def test_hints_win_over_extracted():
    r = run(str(FIX / "banjir_garut.txt"), "--url", "https://priangan.example.id/banjir-garut",
            "--published", "2020-08-14T16:00:00+07:00", "--outlet", "priangan.example.id",
            "--title", "Judul dari Petunjuk")
    assert r.exit_code == 0, r.stderr
    [o] = lines(r.stdout)
    assert o["url"] == "https://priangan.example.id/banjir-garut"
    assert o["published"] == "2020-08-14T16:00:00+07:00"
    assert o["outlet"] == "priangan.example.id"
    assert o["title"] == "Judul dari Petunjuk"


def test_stdin(tmp_path):
    r = run("-", input=(FIX / "berita.jsonl").read_bytes())
    assert r.exit_code == 0
    assert [o["id"] for o in lines(r.stdout)] == ["kb-003", "kb-001", "kb-002"]


def test_some_bad_inputs_exit_1_with_one_line_each(tmp_path):
    d = tmp_path / "campur"
    d.mkdir()
    shutil.copy(FIX / "banjir_garut.txt", d / "a_baik.txt")
    (d / "b_kosong.txt").write_bytes(b"")
    (d / "c_foto.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = run(str(d), str(FIX / "campur.jsonl"), str(tmp_path / "tidak-ada.txt"))
    assert r.exit_code == 1
    ids = [o["id"] for o in lines(r.stdout)]
    assert ids[0] == "a_baik" and "ok-1" in ids and ids[-1] == "ok-8"
    err_lines = r.stderr.strip().splitlines()
    assert len(err_lines) == 2 + 4 + 1
    assert f"error: {d / 'b_kosong.txt'}: empty file" in err_lines
    assert f"error: {d / 'c_foto.png'}: binary file (PNG image), not text" in err_lines
    assert f"error: {tmp_path / 'tidak-ada.txt'}: no such file or directory" in err_lines
    assert any(line.startswith(f"error: {FIX / 'campur.jsonl'}:2: invalid JSON") for line in err_lines)
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [
    ["--format", "xml"],
    ["--published", "14/08/2020"],
    ["--url", "kompas.com/berita"],
    ["--max-size", "0"],
])
def test_usage_errors_exit_2(args):
    r = run(str(FIX / "banjir_garut.txt"), *args)
    assert r.exit_code == 2
    assert r.stdout == ""


def test_no_path_is_a_usage_error():
    assert run().exit_code == 2


def test_hints_with_several_paths_exit_2():
    r = run(str(FIX / "banjir_garut.txt"), str(FIX / "english.txt"), "--outlet", "x.id")
    assert r.exit_code == 2 and "one at a time" in r.stderr


def test_url_hint_on_a_multi_article_input_exits_2_before_output():
    r = run(str(FIX / "berita.jsonl"), "--url", "https://a.example.id/x")
    assert r.exit_code == 2 and r.stdout == ""
    assert "several articles" in r.stderr


def test_outlet_hint_applies_to_every_record():
    r = run(str(FIX / "berita.jsonl"), "--outlet", "arsip.example.id")
    assert r.exit_code == 0
    assert {o["outlet"] for o in lines(r.stdout)} == {"arsip.example.id"}


def test_other_language_is_flagged_not_analysed():
    r = run(str(FIX / "english.txt"))
    assert r.exit_code == 0
    [o] = lines(r.stdout)
    assert o["language"] != "id" and o["entities"] == [] and o["quotes"] == []


def test_help_has_examples():
    r = runner.invoke(app, ["analyze", "--help"], env={"COLUMNS": "120"})
    assert r.exit_code == 0
    assert "warta analyze berita.jsonl" in r.stdout and "--max-size" in r.stdout
