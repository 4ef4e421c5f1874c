"""Convert ../shared/data into spaCy DocBin corpora under training/corpus/.

Deterministic (fixed seed). Outputs:
  ud-train.spacy    UD CSUI train + UD PUD + half A of UD GSD dev x6 (syntactic words, MWT split)
                    + IndoNLU POSP train with its own 23 tags only (TAG; no UPOS, morphology or heads)
  ud-dev.spacy      half B of UD GSD dev (held out from training; used for model selection and dev scores)
  ud-all.spacy      CSUI + PUD + all of GSD dev x6 + POSP train (for the shipped model, `ud_final`)
  ner-train.spacy   NERGrit train (x2) + lowercased NERGrit train + NERP train (lowercase)
                    + truecased NERP train, labels mapped to PER/ORG/LOC
  ner-all.spacy     the ner-train recipe over train + valid (for the shipped NER, `ner_final`)
  ner-dev.spacy     NERGrit valid + NERP valid (model selection)
  ner-dev-grit.spacy, ner-dev-nerp.spacy   the two valid sets separately (reporting)
  raw-text.jsonl    raw texts for tok2vec pretraining: the texts of NERGrit, NERP (truecased) and UD train

news-text/data_berita.csv declares no license and is meant for local benchmarking only, so by default it is
NOT used for anything that ends up in the shipped weights (pretraining text, truecasing table);
`--news-text` includes it for local experiments.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from warta.evaluate.corpora import read_bio, read_conllu

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
SEED = 1337
GSD_UPSAMPLE = 6  # GSD is the target treebank (its test split is the independent check): weigh its dev sentences up (x6 beat x3 by 1.1 LAS in 4-fold CV, training/README.md)

NERGRIT_MAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
NERP_MAP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}  # EVT, FNB dropped


# --------------------------------------------------------------------------- readers

def map_bio(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Map entity types; unknown types -> O; repair I- that does not continue the same type."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t == "O":
            out.append("O")
            prev = "O"
            continue
        pre, typ = t.split("-", 1)
        lab = mapping.get(typ)
        if lab is None:
            out.append("O")
            prev = "O"
            continue
        if pre == "I" and prev == lab:
            out.append("I-" + lab)
        else:
            out.append("B-" + lab)
        prev = lab
    return out


def ud_doc(vocab, s) -> Doc:
    return Doc(vocab, words=s["words"], spaces=s["spaces"], lemmas=s["lemmas"], pos=s["pos"],
               morphs=s["morphs"], heads=s["heads"], deps=s["deps"],
               sent_starts=[True] + [False] * (len(s["words"]) - 1))


def posp_docs(vocab, path: Path) -> list[Doc]:
    """POSP sentences carrying only POSP's own tags. They train an auxiliary tagger that shares the UD
    tok2vec and is left out of the shipped pipeline: 6,720 more news sentences teach the tok2vec what UD's
    2,200 cannot, while UD's UPOS, morphology and trees stay the only targets of the shipped components
    (mapping POSP onto UPOS instead cost 2.4 UPOS points: its conventions differ)."""
    return [Doc(vocab, words=w, tags=[t.split("-", 1)[-1] for t in tags],
                sent_starts=[True] + [None] * (len(w) - 1)) for w, tags in read_bio(path)]


def ner_doc(vocab, words, tags) -> Doc:
    return Doc(vocab, words=words, ents=tags)


# --------------------------------------------------------------------------- truecasing

WORD_RE = re.compile(r"\w[\w'-]*", re.UNICODE)


def casing_table(texts: list[str], cased_sents: list[list[str]]) -> dict[str, str]:
    """lowercase form -> most frequent surface form, from raw news text and cased NER data.

    Sentence-initial occurrences are not counted (they are capitalised for a different reason)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for line in text.splitlines():
            for sent in re.split(r"(?<=[.!?])\s+", line):
                toks = WORD_RE.findall(sent)
                for w in toks[1:]:
                    counts[w.lower()][w] += 1
    for ws in cased_sents:
        for w in ws[1:]:
            counts[w.lower()][w] += 1
    table = {}
    for low, c in counts.items():
        form, n = c.most_common(1)[0]
        if form != low and n >= 2 and n >= 0.5 * sum(c.values()):
            table[low] = form
    return table


def truecase(words: list[str], tags: list[str], table: dict[str, str]) -> list[str]:
    out = []
    for i, (w, t) in enumerate(zip(words, tags, strict=True)):
        if w in table:
            nw = table[w]
        elif t != "O" and w.isalpha() and len(w) > 1:
            nw = w[0].upper() + w[1:]
        else:
            nw = w
        if i == 0 and nw[:1].isalpha():
            nw = nw[0].upper() + nw[1:]
        out.append(nw)
    return out


# --------------------------------------------------------------------------- main

def raw_news_texts(data: Path) -> list[str]:
    path = data / "news-text" / "data_berita.csv"
    if not path.exists():
        return []
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as f:
        return [r["isi_berita"] for r in csv.DictReader(f) if r.get("isi_berita")]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--news-text", action="store_true",
                    help="also use news-text/data_berita.csv (no license: local experiments only, not for shipping)")
    args = ap.parse_args(argv)
    data, out = args.data, args.out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    nlp = spacy.blank("id")
    vocab = nlp.vocab

    # ---- UD
    ud = data / "ud"
    csui = read_conllu(ud / "id_csui-ud-train.conllu")
    pud = read_conllu(ud / "id_pud-ud-test.conllu")
    gsd_dev = read_conllu(ud / "id_gsd-ud-dev.conllu")
    idx = list(range(len(gsd_dev)))
    rng.shuffle(idx)
    half = set(idx[: len(idx) // 2])
    gsd_a = [s for i, s in enumerate(gsd_dev) if i in half]
    gsd_b = [s for i, s in enumerate(gsd_dev) if i not in half]
    posp = posp_docs(vocab, data / "indonlu" / "posp_pos-prosa" / "train_preprocess.txt")
    DocBin(docs=[ud_doc(vocab, s) for s in csui + pud + gsd_a * GSD_UPSAMPLE] + posp).to_disk(out / "ud-train.spacy")
    DocBin(docs=[ud_doc(vocab, s) for s in gsd_b]).to_disk(out / "ud-dev.spacy")
    DocBin(docs=[ud_doc(vocab, s) for s in csui + pud + gsd_dev * GSD_UPSAMPLE] + posp).to_disk(out / "ud-all.spacy")
    DocBin(docs=[ud_doc(vocab, s) for s in gsd_dev]).to_disk(out / "ud-gsd-dev-full.spacy")
    blocks = [b for b in (ud / "id_gsd-ud-dev.conllu").read_text(encoding="utf-8").split("\n\n") if b.strip()]
    assert len(blocks) == len(gsd_dev)
    (out / "gsd-dev-a.conllu").write_text("\n\n".join(b for i, b in enumerate(blocks) if i in half) + "\n\n", encoding="utf-8")
    (out / "gsd-dev-b.conllu").write_text("\n\n".join(b for i, b in enumerate(blocks) if i not in half) + "\n\n", encoding="utf-8")
    print(f"UD: train {len(csui)}+{len(pud)}+{len(gsd_a)} sents, dev (GSD dev half B) {len(gsd_b)}")

    # ---- NER
    ind = data / "indonlu"
    grit_tr = [(w, map_bio(t, NERGRIT_MAP)) for w, t in read_bio(ind / "nergrit_ner-grit" / "train_preprocess.txt")]
    grit_va = [(w, map_bio(t, NERGRIT_MAP)) for w, t in read_bio(ind / "nergrit_ner-grit" / "valid_preprocess.txt")]
    nerp_tr = [(w, map_bio(t, NERP_MAP)) for w, t in read_bio(ind / "nerp_ner-prosa" / "train_preprocess.txt")]
    nerp_va = [(w, map_bio(t, NERP_MAP)) for w, t in read_bio(ind / "nerp_ner-prosa" / "valid_preprocess.txt")]

    texts = raw_news_texts(data) if args.news_text else []
    table = casing_table(texts, [w for w, _ in grit_tr])
    nerp_true = [(truecase(w, t, table), t) for w, t in nerp_tr]
    grit_low = [([x.lower() for x in w], t) for w, t in grit_tr]

    train = []
    train += [ner_doc(vocab, w, t) for w, t in grit_tr] * 2
    train += [ner_doc(vocab, w, t) for w, t in grit_low]
    train += [ner_doc(vocab, w, t) for w, t in nerp_tr]
    train += [ner_doc(vocab, w, t) for w, t in nerp_true]
    rng.shuffle(train)
    DocBin(docs=train).to_disk(out / "ner-train.spacy")
    # ner-all: the same recipe over train + valid, for the shipped NER (`ner_final`: fixed number of steps)
    nerp_va_true = [(truecase(w, t, table), t) for w, t in nerp_va]
    grit_va_low = [([x.lower() for x in w], t) for w, t in grit_va]
    extra = [ner_doc(vocab, w, t) for w, t in grit_va] * 2 + [ner_doc(vocab, w, t) for w, t in grit_va_low]
    extra += [ner_doc(vocab, w, t) for w, t in nerp_va] + [ner_doc(vocab, w, t) for w, t in nerp_va_true]
    rng_all = random.Random(SEED)
    all_docs = train + extra
    rng_all.shuffle(all_docs)
    DocBin(docs=all_docs).to_disk(out / "ner-all.spacy")
    dev_g = [ner_doc(vocab, w, t) for w, t in grit_va]
    dev_p = [ner_doc(vocab, w, t) for w, t in nerp_va]
    DocBin(docs=dev_g + dev_p).to_disk(out / "ner-dev.spacy")
    DocBin(docs=dev_g).to_disk(out / "ner-dev-grit.spacy")
    DocBin(docs=dev_p).to_disk(out / "ner-dev-nerp.spacy")
    print(f"NER: train {len(train)} docs, dev {len(dev_g)} grit + {len(dev_p)} nerp; casing table {len(table)}")
    with (out / "truecase-sample.txt").open("w", encoding="utf-8") as f:
        for w, _ in nerp_true[:50]:
            f.write(" ".join(w) + "\n")

    # ---- raw text for pretraining
    with (out / "raw-text.jsonl").open("w", encoding="utf-8") as f:
        for t in texts:
            for para in t.splitlines():
                if para.strip():
                    f.write(json.dumps({"text": para.strip()}, ensure_ascii=False) + "\n")
        for w, _ in grit_tr + nerp_true:
            f.write(json.dumps({"text": " ".join(w)}, ensure_ascii=False) + "\n")
        for s in csui + pud:
            f.write(json.dumps({"text": " ".join(s["words"])}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
