"""Rebuild warta's shipped Indonesian pipeline from ../shared/data, with fixed seeds.

    .venv/bin/python training/train.py --all            # everything (about an hour on 2 cores)
    .venv/bin/python training/train.py convert lemma ud # selected steps, in the order given

Steps:
  convert   ../shared/data → training/corpus/*.spacy (convert.py)
  lemma     UD lemmas → src/warta/lang/id/data/lemma_*.tsv/txt (build_lemma_data.py)
  pretrain  characters-objective pretraining (spacy pretrain) of the NER and the UD tok2vec on the texts of
            the training sets → output/pretrain, output/pretrain-ud
  ner       NER (PER/ORG/LOC) on NERGrit + NERP (+ case variants), configs/ner.cfg → output/ner
  ner_final the same NER recipe retrained on train + valid of both sets for as many steps as the best
            checkpoint of `ner` took → output/ner-final (shipped; dev figures come from `ner`)
  ud        morphologizer (UPOS+features) + parser, configs/ud.cfg, trained on CSUI + PUD + half A of GSD dev
            (x6), model selection and dev scores on half B of GSD dev → output/ud
  ud_final  the same config retrained on CSUI + PUD + all of GSD dev (x6) for as many steps as the best
            checkpoint of `ud` took → output/ud-final (shipped; its dev figure is not independent)
  assemble  one pipeline → src/warta/lang/id/model (warta tokenizer, sentences, tok2vec, morphologizer,
            parser, ner with its own tok2vec, entity trim, lemmatizer)
  evaluate  dev scores of the assembled pipeline → training/output/dev-scores.json

Every run uses seed 1337 (configs' [system] seed and convert.py's shuffles).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
CONFIGS = HERE / "configs"
MODEL_DIR = ROOT / "src" / "warta" / "lang" / "id" / "model"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
STEPS = ["convert", "lemma", "pretrain", "ner", "ner_final", "ud", "ud_final", "assemble", "evaluate"]


def run(cmd: list[str], log: Path) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    print("$", " ".join(cmd), f"> {log}", flush=True)
    t0 = time.time()
    with log.open("w") as f:
        proc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=HERE)
    print(f"  done in {time.time() - t0:.0f}s (exit {proc.returncode})", flush=True)
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)} (see {log})")


def spacy_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "spacy", *args]


def step_convert(args) -> None:
    import convert

    convert.main(["--data", str(args.data), "--out", str(CORPUS)])


def step_lemma(args) -> None:
    import build_lemma_data

    build_lemma_data.main(["--data", str(args.data)])


def pretrained_weights(task: str) -> Path | None:
    """Last checkpoint of `spacy pretrain` for the tok2vec of configs/<task>.cfg, if any."""
    out = OUTPUT / ("pretrain" if task == "ner" else f"pretrain-{task}")
    bins = sorted(out.glob("model*.bin"), key=lambda p: p.stat().st_mtime)
    last = [p for p in bins if p.name.startswith("model-last")]
    return (last or bins or [None])[-1]


def step_pretrain(args) -> None:
    """Characters-objective pretraining of both tok2vecs on raw-text.jsonl (texts of the training sets)."""
    for task, out, log in (("ner", OUTPUT / "pretrain", "pretrain.log"), ("ud", OUTPUT / "pretrain-ud", "pretrain-ud.log")):
        if out.exists():
            shutil.rmtree(out)
        run(spacy_cmd("pretrain", str(CONFIGS / f"{task}.cfg"), str(out), "--paths.raw",
                      str(CORPUS / "raw-text.jsonl"), "--pretraining.max_epochs", str(args.pretrain_epochs)),
            OUTPUT / "logs" / log)


def use_pretrained(args, task: str) -> list[str]:
    if not (args.pretrain or "pretrain" in args.steps):
        return []
    weights = pretrained_weights(task)
    return ["--paths.init_tok2vec", str(weights)] if weights else []


def spacy_train(args, task: str, out: str, train: str, dev: str, steps: int = 0) -> None:
    """One `spacy train` of configs/<task>.cfg on corpus files, into training/output/<out> (log: logs/<out>.log)."""
    cmd = spacy_cmd("train", str(CONFIGS / f"{task}.cfg"), "-o", str(OUTPUT / out),
                    "--paths.train", str(CORPUS / train), "--paths.dev", str(CORPUS / dev))
    cmd += use_pretrained(args, task)
    if steps:
        cmd += ["--training.max_steps", str(steps)]
    run(cmd, OUTPUT / "logs" / f"{out}.log")


def step_ner(args) -> None:
    spacy_train(args, "ner", "ner", "ner-train.spacy", "ner-dev.spacy", args.ner_steps)


def step_ud(args) -> None:
    spacy_train(args, "ud", "ud", "ud-train.spacy", "ud-dev.spacy", args.ud_steps)


def best_step(log: Path, config: Path, default: int = 1000) -> int:
    """Step of the best checkpoint in a spaCy training log: the config's score weights applied to the logged
    metrics (the SCORE column is rounded to two decimals, too coarse to break ties)."""
    from spacy.util import load_config

    weights = {k.upper(): float(v) for k, v in load_config(config)["training"]["score_weights"].items() if v}
    best, step, names = -1.0, default, None
    if not log.exists():
        return default
    for line in log.read_text(errors="replace").splitlines():
        toks = line.split()
        if toks[:2] == ["E", "#"]:
            names, i = [], 0
            while i < len(toks):
                if toks[i] == "LOSS" and i + 1 < len(toks):
                    names.append("LOSS_" + toks[i + 1])
                    i += 2
                else:
                    names.append(toks[i])
                    i += 1
            continue
        if names and len(toks) == len(names) and toks[0].isdigit() and toks[1].isdigit():
            row = dict(zip(names, toks, strict=True))
            score = sum(w * float(row.get(k, 0)) for k, w in weights.items())
            if score > best:
                best, step = score, int(row["#"])
    return max(step, 200)


def step_ner_final(args) -> None:
    steps = args.ner_steps or best_step(OUTPUT / "logs" / "ner.log", CONFIGS / "ner.cfg", default=3000)
    spacy_train(args, "ner", "ner-final", "ner-all.spacy", "ner-dev.spacy", steps)


def step_ud_final(args) -> None:
    steps = args.ud_steps or best_step(OUTPUT / "logs" / "ud.log", CONFIGS / "ud.cfg")
    spacy_train(args, "ud", "ud-final", "ud-all.spacy", "ud-dev.spacy", steps)


def assemble(ner_dir: Path, ud_dir: Path, out_dir: Path) -> None:
    import spacy

    from warta.analyze.nlp import register_components

    register_components()
    ner_nlp = spacy.load(ner_dir)
    if "tok2vec" in ner_nlp.pipe_names:
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    ud_nlp = spacy.load(ud_dir)
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "warta.id_tokenizer.v1"}}})
    nlp.add_pipe("warta_sentences")
    for name in ("tok2vec", "morphologizer", "parser"):
        nlp.add_pipe(name, source=ud_nlp)
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe("warta_entity_trim")
    nlp.add_pipe("warta_lemmatizer")
    nlp.meta.update({
        "name": "warta_news",
        "version": "0.1.0",
        "description": "Indonesian news pipeline of warta: news tokenizer, rule sentences (line breaks, quotes), "
                       "UPOS+morphology, dependency parse (UD; tok2vec also trained on POSP tags), NER PER/ORG/LOC "
                       "(NERGrit+NERP, beam search), affix lemmatizer.",
        "license": "CC BY-SA 4.0 (trained on UD Indonesian CSUI/GSD/PUD, CC BY-SA 4.0/3.0; NER and POSP data "
                   "IndoNLU, Apache-2.0)",
        "author": "warta",
        "sources": [
            {"name": "UD_Indonesian-CSUI", "url": "https://github.com/UniversalDependencies/UD_Indonesian-CSUI", "license": "CC BY-SA 4.0"},
            {"name": "UD_Indonesian-GSD (dev split)", "url": "https://github.com/UniversalDependencies/UD_Indonesian-GSD", "license": "CC BY-SA 4.0"},
            {"name": "UD_Indonesian-PUD", "url": "https://github.com/UniversalDependencies/UD_Indonesian-PUD", "license": "CC BY-SA 3.0"},
            {"name": "IndoNLU NERGrit, NERP (NER); POSP (auxiliary tagging task of the UD tok2vec)",
             "url": "https://github.com/IndoNLP/indonlu", "license": "Apache-2.0"},
        ],
    })
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    print(f"pipeline {nlp.pipe_names} written to {out_dir} ({size / 1e6:.1f} MB)")


def step_assemble(args) -> None:
    ud = OUTPUT / "ud-final" / "model-last"
    if not ud.exists():
        ud = OUTPUT / "ud" / "model-best"
    ner = OUTPUT / "ner-final" / "model-last"
    if not ner.exists():
        ner = OUTPUT / "ner" / "model-best"
    assemble(ner, ud, Path(args.model_dir))


def evaluate(model_dir: Path, data: Path) -> dict:
    """Dev scores. The `ner` and `ud` models never saw the valid sets / GSD dev half B; the shipped
    `ner_final` and `ud_final` did, so the independent figures come from a pipeline assembled from the former
    (training/output/dev-pipeline), and the shipped pipeline's own figures are only a sanity check."""
    from warta.analyze.nlp import load_pipeline
    from warta.evaluate.nlp import score_conllu, score_ner

    ind = data / "indonlu"
    grit = ind / "nergrit_ner-grit" / "valid_preprocess.txt"
    nerp = ind / "nerp_ner-prosa" / "valid_preprocess.txt"
    res = {}
    dev_dir = Path(model_dir)
    if (OUTPUT / "ud" / "model-best").exists() and (OUTPUT / "ner" / "model-best").exists():
        dev_dir = OUTPUT / "dev-pipeline"
        assemble(OUTPUT / "ner" / "model-best", OUTPUT / "ud" / "model-best", dev_dir)
    dev = load_pipeline(dev_dir)
    res["ner_nergrit_valid"] = score_ner(dev, grit, "nergrit")
    res["ner_nerp_valid"] = score_ner(dev, nerp, "nerp")
    res["ner_nergrit_valid_lowercased"] = score_ner(dev, grit, "nergrit", lowercase=True)
    res["ud_gsd_dev_half_b"] = score_conllu(dev, CORPUS / "gsd-dev-b.conllu")
    shipped = load_pipeline(model_dir)
    res["shipped_ner_nergrit_valid"] = score_ner(shipped, grit, "nergrit")
    res["shipped_ner_nerp_valid"] = score_ner(shipped, nerp, "nerp")
    res["shipped_ud_gsd_dev_half_b"] = score_conllu(shipped, CORPUS / "gsd-dev-b.conllu")
    return res


def step_evaluate(args) -> None:
    res = evaluate(Path(args.model_dir), args.data)
    (OUTPUT / "dev-scores.json").write_text(json.dumps(res, indent=2))
    meta_path = Path(args.model_dir) / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["performance"] = {
        "ner_f_nergrit_valid": res["ner_nergrit_valid"]["f"],
        "ner_f_nerp_valid": res["ner_nerp_valid"]["f"],
        "ner_f_nergrit_valid_lowercased": res["ner_nergrit_valid_lowercased"]["f"],
        "ud_upos_gsd_dev_half_b": res["ud_gsd_dev_half_b"]["upos"],
        "ud_las_gsd_dev_half_b": res["ud_gsd_dev_half_b"]["las"],
    }
    meta["performance_note"] = ("dev figures of the same recipe trained without the valid sets / GSD dev half B; "
                                "the shipped NER and parser were retrained with them (training/README.md)")
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    for k, r in res.items():
        if r["task"] == "ner":
            note = "  (shipped model: trained on it, not independent)" if k.startswith("shipped") else ""
            print(f"{k:32s} P {r['p']:.4f} R {r['r']:.4f} F1 {r['f']:.4f}  "
                  + " ".join(f"{lab} {s['f']:.3f}" for lab, s in r["per_type"].items()) + note)
        else:
            note = "  (shipped model: trained on it, not independent)" if k.startswith("shipped") else ""
            print(f"{k:32s} UPOS {r['upos']:.4f} UAS {r['uas']:.4f} LAS {r['las']:.4f}{note}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("steps", nargs="*", help=f"steps to run, of {', '.join(STEPS)} (default: all)")
    ap.add_argument("--all", action="store_true", help="run every step (pretraining included); the default")
    ap.add_argument("--pretrain", action="store_true",
                    help="initialise the tok2vecs from earlier pretraining output (implied when `pretrain` runs)")
    ap.add_argument("--pretrain-epochs", type=int, default=8)
    ap.add_argument("--ner-steps", type=int, default=0, help="override configs/ner.cfg max_steps")
    ap.add_argument("--ud-steps", type=int, default=0, help="override configs/ud.cfg max_steps (and ud_final's)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model-dir", default=str(MODEL_DIR))
    args = ap.parse_args(argv)
    if args.all or not args.steps:
        args.steps = list(STEPS)
    unknown = [s for s in args.steps if s not in STEPS]
    if unknown:
        ap.error(f"unknown steps {unknown}; choose from {STEPS}")
    if not args.data.exists():
        sys.exit(f"data not found: {args.data}")
    t0 = time.time()
    for step in [s for s in STEPS if s in args.steps]:
        print(f"== {step}", flush=True)
        globals()[f"step_{step}"](args)
    print(f"total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
