"""Exports round-trip: what is written as JSONL, CSV or Parquet reads back as the same articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from warta.errors import WartaError
from warta.export import write
from warta.export.csv import COLUMNS, JOINER
from warta.export.jsonl import read_jsonl
from warta.model import Article, CitedSource, Claim, Comment, DateRef, Entity, Event, Quote
from warta.store.parquet import article_schema, read_articles

BODY = (
    "Kementerian Pertahanan menyebut sedikitnya 14 warga sipil tewas dalam serangan artileri di desa "
    "perbatasan pada Selasa (10/11).\n\n"
    "\"Kami akan membalas setiap serangan,\" kata juru bicara kementerian, seperti dikutip dari Reuters."
)


def full() -> Article:
    """An article with every list of the contract filled, including a fractional and a whole number."""
    return Article(
        id="gencatan", url="https://kabardunia.example/2020/11/10/gencatan", outlet="kabardunia.example",
        language="id", title="Gencatan Senjata Disepakati; Kedua Pihak Saling Tuduh",
        published="2020-11-10T14:38:00+07:00", authors=["Rizal Hakim Nasution", "Ayu Lestari"],
        cited_sources=[CitedSource(text="Reuters", canonical="Reuters")], body=BODY,
        comments=[Comment(author=None, text="Semoga damai, \"amin\"; jangan ada korban lagi.")],
        entities=[Entity(text="Reuters", start=BODY.index("Reuters"), end=BODY.index("Reuters") + 7, type="ORG",
                         id="reuters", canonical="Reuters"),
                  Entity(text="Tovuz", start=0, end=5, type="GPE", lat=40.99, lon=45.63)],
        quotes=[Quote(quote="Kami akan membalas setiap serangan,", kind="direct", speaker="juru bicara kementerian",
                      speaker_id=None, speaker_text="juru bicara kementerian", cue="kata", start=118, end=154,
                      via="Reuters", sentence="\"Kami akan membalas setiap serangan,\" kata juru bicara.")],
        claims=[Claim(text="14", value=14, qualifier="at_least", category="killed", subject="warga sipil",
                      claimant="Kementerian Pertahanan"),
                Claim(text="2,5 ribu", value=2500.5, qualifier="approx", category="displaced", subject="warga",
                      claimant=None)],
        events=[Event(type="ASSAULT", mode=None, source="Armenia", source_id="ARM", target="Azerbaijan",
                      target_id="AZE", location="Tovuz", location_id="tovuz", lat=40.99, lon=45.63, date="2020-07",
                      claimant="Kementerian Pertahanan", negated=False, text="serangan artileri di desa perbatasan")],
        dates=[DateRef(text="Selasa (10/11)", value="2020-11-10", start=100, end=114)],
    )


def sparse() -> Article:
    return Article(id="kosong", title=None, body="Teks pendek tanpa metadata.", warnings=["no title found"])


ARTICLES = [full(), sparse()]


def test_jsonl_is_the_contract_and_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    assert write(ARTICLES, "jsonl", out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == ARTICLES[0].to_dict()
    assert "dikutip dari Reuters" in lines[0]  # UTF-8, not \\u-escaped
    assert list(read_jsonl(out)) == ARTICLES


def test_jsonl_and_csv_to_a_stream() -> None:
    buf = io.StringIO()
    write(ARTICLES, "jsonl", stream=buf)
    assert len(buf.getvalue().splitlines()) == 2
    buf = io.StringIO()
    write(ARTICLES, "csv", stream=buf)
    assert buf.getvalue().startswith(",".join(COLUMNS))


def test_csv_one_flat_row_per_article_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert write(ARTICLES, "csv", out) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 and tuple(rows[0]) == COLUMNS
    row, original = rows[0], ARTICLES[0]
    assert row["authors"].split(JOINER) == original.authors
    assert row["sources"] == "Reuters"
    assert row["n_claims"] == "2" and row["n_entities"] == "2"
    assert row["body"] == original.body  # line breaks survive quoting
    rebuilt = Article.from_dict({
        **{k: row[k] or None for k in ("id", "url", "outlet", "language", "title", "published")},
        "body": row["body"], "authors": row["authors"].split(JOINER),
        **{k: json.loads(row[k]) for k in ("cited_sources", "comments", "entities", "quotes", "claims",
                                           "events", "dates")},
    })
    assert rebuilt == original
    assert rows[1]["title"] == "" and rows[1]["warnings"] == "no title found"


def test_parquet_nested_lists_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    assert write(ARTICLES, "parquet", out) == 2
    table = pq.read_table(out)
    assert table.schema.equals(article_schema(), check_metadata=False)
    assert str(table.schema.field("quotes").type).startswith("list<element: struct<quote: string")
    assert str(table.schema.field("claims").type.value_type.field("value").type) == "double"
    back = list(read_articles(out))
    assert back == ARTICLES
    assert isinstance(back[0].claims[0].value, int) and back[0].claims[1].value == 2500.5


def test_parquet_of_nothing_is_a_valid_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "kosong.parquet"
    assert write([], "parquet", out) == 0
    assert pq.read_table(out).num_rows == 0


def test_parquet_needs_a_file_and_formats_are_checked() -> None:
    with pytest.raises(WartaError, match="--out"):
        write(ARTICLES, "parquet")
    with pytest.raises(WartaError, match="unknown export format"):
        write(ARTICLES, "xml")  # type: ignore[arg-type]


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def broken():
        yield full()
        raise RuntimeError("disk penuh")

    out = tmp_path / "a.jsonl"
    with pytest.raises(RuntimeError):
        write(broken(), "jsonl", out)
    assert list(tmp_path.iterdir()) == []
