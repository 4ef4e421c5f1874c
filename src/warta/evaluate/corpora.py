"""Readers of the public annotated corpora warta trains and scores its pipeline on.

One reader per format, shared by `training/convert.py` (which builds the training data) and
`warta.evaluate.nlp` (which scores the shipped model), so both see exactly the same sentences.
"""

from __future__ import annotations

from pathlib import Path


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of an IndoNLU BIO file (`word<TAB>tag`, blank line between sentences)."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split("\t")
        words.append(parts[0])
        tags.append(parts[1] if len(parts) > 1 else "O")
    if words:
        sents.append((words, tags))
    return sents


def read_conllu(path: Path) -> list[dict]:
    """Sentences of syntactic words from a UD CoNLL-U file (multi-word token ranges skipped, their parts
    kept, a space only after the range's last part when the range has one).

    Each sentence: words, spaces, lemmas, pos (UPOS), morphs, heads (absolute indices, the root pointing
    at itself as spaCy wants), deps.
    """
    sents = []
    cur: list[list[str]] = []
    spaces_after_mwt: dict[int, bool] = {}
    mwt_end: dict[int, int] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(_conllu_sent(cur, mwt_end, spaces_after_mwt))
            cur, mwt_end, spaces_after_mwt = [], {}, {}
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            a, b = map(int, cols[0].split("-"))
            mwt_end[b] = a
            spaces_after_mwt[b] = "SpaceAfter=No" not in cols[9]
            continue
        if "." in cols[0]:
            continue
        cur.append(cols)
    if cur:
        sents.append(_conllu_sent(cur, mwt_end, spaces_after_mwt))
    return sents


def _conllu_sent(rows: list[list[str]], mwt_end: dict[int, int], spaces_after_mwt: dict[int, bool]) -> dict:
    words, spaces, lemmas, pos, morphs, heads, deps = [], [], [], [], [], [], []
    inside: set[int] = set()
    for b, a in mwt_end.items():
        inside.update(range(a, b))  # words of an MWT except its last: no space after
    for cols in rows:
        i = int(cols[0])
        words.append(cols[1])
        if i in mwt_end:
            spaces.append(spaces_after_mwt[i])
        elif i in inside:
            spaces.append(False)
        else:
            spaces.append("SpaceAfter=No" not in cols[9])
        lemmas.append(cols[2] if cols[2] != "_" else cols[1])
        pos.append(cols[3])
        morphs.append("" if cols[5] == "_" else cols[5])
        heads.append(int(cols[6]))
        deps.append(cols[7])
    abs_heads = [h - 1 if h > 0 else i for i, h in enumerate(heads)]
    if not all(0 <= h < len(words) for h in abs_heads):
        raise ValueError(f"head out of range in the sentence starting {words[:5]}")
    return dict(words=words, spaces=spaces, lemmas=lemmas, pos=pos, morphs=morphs, heads=abs_heads, deps=deps)
