"""warta's knowledge base: actors with roles and dates, organisations, countries, places with coordinates.

Built by `kb/build.py` (``make kb``) from GeoNames, pycountry, the Phoenix actor dictionaries and curated
Indonesian names; shipped as two compact files in `data/`. The public API:

    kb = load_kb()                                  # cached, well under a second
    kb.lookup("Aliyev", when="2020-10-01")          # -> [KBEntry(ilham-aliyev ...)], most likely first
    kb.get("AZE")                                   # -> KBEntry(Azerbaijan)
    resolve_name("Presiden Rusia", art)             # -> Vladimir Putin on the article's date

The quote and claim extractors use `resolve_name` to name speakers and claimants canonically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .fold import fold_key
from .roles import holders, resolve_title, split_title
from .store import KBEntry, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from ..model import Article

__all__ = ["KBEntry", "KnowledgeBase", "load_kb", "resolve_name", "holders", "split_title", "resolve_title"]


def _when(art: Article | None) -> str | None:
    p = (getattr(art, "published", None) or "").strip()
    return p[:10] if len(p) >= 4 and p[:4].isdigit() else None


def resolve_name(text: str, art: Article | None = None) -> KBEntry | None:
    """The knowledge-base entry a bare name denotes in the context of an article, or None.

    Works for a name ("Aliyev", "Ankara"), an institution ("Kementerian Pertahanan Azerbaijan"), an
    office ("Presiden Rusia", resolved to its holder on the article's date) or a title plus name
    ("Presiden Ilham Aliyev"). With an article, its linked entities come first, so "Aliyev" is the
    Aliyev the article has named, and a bare "Kemenhan" the ministry it named before.
    """
    text = (text or "").strip()
    if not text:
        return None
    kb = load_kb()
    when = _when(art)
    key = fold_key(text)
    ents = list(getattr(art, "entities", None) or [])
    # 1. What the article itself linked: same surface, or a surname of a person it named in full.
    for e in ents:
        if e.id and fold_key(e.text) == key:
            return kb.get(e.id)
    for e in ents:
        if e.id and e.type == "PER" and e.canonical and key in fold_key(e.canonical).split():
            return kb.get(e.id)
    # 2. An office: "Presiden Rusia", "Menlu AS".
    role, rest = split_title(text)
    if role is not None and rest:
        holder = resolve_title(text, when, kb)
        if holder is not None:
            return holder
        found = resolve_name(rest, art)  # "Presiden Ilham Aliyev"
        if found is not None and found.type == "PER":
            return found
        return None
    # 3. The knowledge base on its own; a bare ministry resolves to the default country's.
    return _lookup(kb, text, when, ents) or _misspelt(kb, key, ents) or _inside(kb, text, when, ents)


def _lookup(kb: KnowledgeBase, text: str, when: str | None, ents: list) -> KBEntry | None:
    for e in kb.lookup(text, when=when):
        if e.kind == "bare_institution":
            inst = e.data.get("institution")
            for x in ents:
                got = kb.get(x.id) if x.id else None
                if got is not None and got.data.get("institution") == inst:
                    return got
            default = e.data.get("default")
            return kb.get(f"{default}:{inst}") if default else e
        return e
    return None


def _misspelt(kb: KnowledgeBase, key: str, ents: list) -> KBEntry | None:
    """A one-edit misspelling of a name part of a person the article linked ("Alivev")."""
    from rapidfuzz.distance import OSA

    if len(key) < 5 or " " in key:
        return None
    for e in ents:
        if e.id and e.type == "PER" and e.canonical:
            for w in fold_key(e.canonical).split():
                if len(w) >= 4 and OSA.distance(w, key, score_cutoff=1) <= 1:
                    return kb.get(e.id)
    return None


def _inside(kb: KnowledgeBase, text: str, when: str | None, ents: list) -> KBEntry | None:
    """The name inside a longer phrase ("juru bicara Kementerian Pertahanan Armenia Shushan Stepanyan"):
    a person if one is named, else the longest name."""
    from .fold import fold_text

    folded = fold_text(text)
    found: list[tuple[int, int, KBEntry]] = []
    for start, end, k in kb.scan(folded):
        surface = text[start:end]
        words = surface.split()
        # Names are capitalised; a word that is also ordinary Indonesian ("ada") must be capitalised
        # and a well-known name, an acronym must be in capitals.
        if fold_key(text) == k or not any(w[:1].isupper() for w in words):
            continue
        if len(words) == 1 and not surface[0].isupper():
            continue
        hits = kb.hits(k)
        if all("w" in h.flags and h.prio < 3 for h in hits) or all(
                "c" in h.flags and not surface.isupper() for h in hits):
            continue
        got = _lookup(kb, surface, when, ents)
        if got is not None:
            found.append((0 if got.type == "PER" else 1, -(end - start), got))
    return min(found, key=lambda t: (t[0], t[1]))[2] if found else None
