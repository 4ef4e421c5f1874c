"""Who held a role on a date: "Presiden Rusia" in 2020 is Vladimir Putin, "Presiden AS" in 2022 Joe Biden.

News names people by office as often as by name, and offices change hands; a quote by "Menlu AS" in 2019
and in 2025 comes from two people. Role titles are Indonesian data (`data/role_titles.tsv`); who held what
and when is in the knowledge-base entries (`roles`: role, country or organisation id, start, end).
"""

from __future__ import annotations

from functools import cache

from .fold import fold_key
from .store import DATA_DIR, KBEntry, KnowledgeBase, load_kb


@cache
def role_titles() -> tuple[tuple[str, str], ...]:
    """(folded title, role) pairs, longest title first so "Wakil Presiden" wins over "Presiden"."""
    pairs = []
    for line in (DATA_DIR / "role_titles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, titles = line.split("\t", 1)
        for t in titles.split("|"):
            if t.strip():
                pairs.append((fold_key(t), role.strip()))
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


def split_title(text: str) -> tuple[str | None, str]:
    """("president", "Rusia") for "Presiden Rusia"; (None, text) when it does not start with a title.

    The rest is returned as written (not folded) so that callers can resolve it like any name.
    """
    key = fold_key(text)
    for title, role in role_titles():
        if key == title or key.startswith(title + " "):
            words = text.split()
            n = len(title.split())
            return role, " ".join(words[n:])
    return None, text


@cache
def _holders_index(kb_id: int) -> dict[tuple[str, str], list[str]]:
    kb = _kb_by_id[kb_id]
    idx: dict[tuple[str, str], list[str]] = {}
    for eid, raw in kb._raw.items():
        if '"roles"' not in raw or '"curated"' not in raw:
            continue
        e = kb.get(eid)
        if e is None:
            continue
        for r in e.roles:
            idx.setdefault((r[0], r[1]), []).append(eid)
    return idx


_kb_by_id: dict[int, KnowledgeBase] = {}


def holders(role: str, org: str, when: str | None, kb: KnowledgeBase | None = None) -> list[KBEntry]:
    """People who held `role` of `org` (ISO3 country or organisation id) on `when` (None = today).

    Only curated roles carry titles (Phoenix codes say "government", not which office), so this is
    exact for the heads of state, ministers and commanders in kb/curated/persons.tsv.
    """
    kb = kb or load_kb()
    _kb_by_id[id(kb)] = kb
    out = []
    for eid in _holders_index(id(kb)).get((role, org), []):
        e = kb.get(eid)
        if e is not None and e.active(when, role, org):
            out.append(e)
    return out


def resolve_title(text: str, when: str | None, kb: KnowledgeBase | None = None) -> KBEntry | None:
    """The holder of an office named like "Presiden Rusia", "Menlu AS" or "Perdana Menteri Armenia"."""
    kb = kb or load_kb()
    role, rest = split_title(text)
    if role is None or not rest:
        return None
    for org in kb.lookup(rest, when=when, types={"GPE", "ORG"})[:3]:
        oid = org.id if org.kind in ("country", "place", "igo", "militant", "party") else org.country
        if not oid:
            continue
        # "Kanselir Jerman" is a prime minister in the data; "PM" of a country without one finds nobody.
        found = holders(role, oid, when, kb)
        if found:
            return found[0]
    return None
