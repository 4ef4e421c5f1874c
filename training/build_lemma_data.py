"""Build the lemmatizer's data files from the UD treebanks in ../shared/data/ud.

Writes src/warta/lang/id/data/lemma_lookup.tsv (form → most frequent lemma, lower-cased, proper nouns left
out) and lemma_roots.txt (every lemma seen: the root lexicon the affix rules check against).

`--check` first builds tables from CSUI + PUD only and reports the lemma accuracy of the lookup+rules and of
the rules alone on GSD dev (words not in the lookup), so the rules are measured on unseen data.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
OUT = HERE.parent / "src" / "warta" / "lang" / "id" / "data"


def rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) != 10 or not c[0].isdigit():
            continue
        yield c[1], c[2], c[3]


def build(paths: list[Path]) -> tuple[dict[str, str], set[str]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    roots: set[str] = set()
    for p in paths:
        for form, lemma, upos in rows(p):
            if upos in ("PROPN", "PUNCT", "SYM", "X", "NUM") or lemma == "_":
                continue
            f, lem = form.lower(), lemma.lower()
            if not f.isalpha() or not lem.replace("-", "").isalpha():
                continue
            counts[f][lem] += 1
            roots.add(lem)
    roots = prune_roots(roots, counts)
    lookup = {}
    for f, c in counts.items():
        lem, _ = c.most_common(1)[0]
        if lem != f:
            lookup[f] = lem
    return lookup, roots


def prune_roots(roots: set[str], counts) -> set[str]:
    """Drop "roots" that are affixed forms of another root (annotation noise such as lemma `perbaikan`),
    unless the word is mostly its own lemma in the treebanks."""
    from warta.lang.id.lemmatizer import _strip_prefixes, _strip_suffixes

    out = set()
    for r in roots:
        own = counts.get(r, {}).get(r, 0)
        total = sum(counts.get(r, {}).values())
        if total and own / total >= 0.5:
            out.add(r)
            continue
        cands = []
        for stem, _ in _strip_suffixes(r):
            if stem != r:
                cands.append(stem)
            cands.extend(_strip_prefixes(stem))
        if any(c in roots and len(c) >= 4 for c in cands):
            continue
        out.add(r)
    return out


def write(lookup: dict[str, str], roots: set[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "lemma_lookup.tsv").open("w", encoding="utf-8") as f:
        f.write("# form\tlemma — built by training/build_lemma_data.py from UD Indonesian (CC BY-SA 4.0)\n")
        for k in sorted(lookup):
            f.write(f"{k}\t{lookup[k]}\n")
    with (out / "lemma_roots.txt").open("w", encoding="utf-8") as f:
        f.write("# roots — built by training/build_lemma_data.py from UD Indonesian lemmas (CC BY-SA 4.0)\n")
        for r in sorted(roots):
            f.write(r + "\n")


def check(data: Path) -> None:
    import warta.lang.id.lemmatizer as L

    ud = data / "ud"
    lookup, roots = build([ud / "id_csui-ud-train.conllu", ud / "id_pud-ud-test.conllu"])
    L.lookup_table.cache_clear()
    L.roots.cache_clear()
    L.lemmatize_word.cache_clear()
    orig_lookup, orig_roots = L.lookup_table, L.roots
    L.lookup_table = lambda: lookup  # type: ignore[assignment]
    L.roots = lambda: frozenset(roots)  # type: ignore[assignment]
    try:
        n = ok = n_unseen = ok_unseen = 0
        for form, lemma, upos in rows(ud / "id_gsd-ud-dev.conllu"):
            if upos in ("PROPN", "PUNCT", "SYM", "X", "NUM") or not form.isalpha():
                continue
            pred = L.lemmatize_token(form, upos)
            n += 1
            ok += pred == lemma.lower()
            if form.lower() not in lookup:
                n_unseen += 1
                ok_unseen += pred == lemma.lower()
        print(f"lemma accuracy on GSD dev (tables from CSUI+PUD): {ok / n:.3f} over {n} words; "
              f"words not in the lookup: {ok_unseen / max(n_unseen, 1):.3f} over {n_unseen}")
    finally:
        L.lookup_table, L.roots = orig_lookup, orig_roots
        L.lemmatize_word.cache_clear()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.check:
        check(args.data)
    ud = args.data / "ud"
    lookup, roots = build(sorted(ud.glob("*.conllu")))
    write(lookup, roots, args.out)
    print(f"lemma data: {len(lookup)} lookup forms, {len(roots)} roots -> {args.out}")


if __name__ == "__main__":
    main()
