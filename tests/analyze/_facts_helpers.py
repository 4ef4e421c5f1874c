"""Building test articles for the quote and claim extractors without the linker or the spaCy model."""

from __future__ import annotations

import re

from warta.model import Article, CitedSource, Entity


def make_article(body: str, entities: dict[str, tuple[str, str]] | None = None, *,
                 published: str | None = "2021-03-12T10:15:00+07:00",
                 cited: dict[str, str] | None = None) -> Article:
    """An article whose entities are every occurrence of the given surfaces: {surface: (type, canonical)}."""
    ents: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for surface, (typ, canonical) in sorted((entities or {}).items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            ents.append(Entity(text=surface, start=m.start(), end=m.end(), type=typ,  # type: ignore[arg-type]
                               id=canonical.lower().replace(" ", "-"), canonical=canonical))
    ents.sort(key=lambda e: e.start)
    return Article(id="fixture", language="id", published=published, body=body, entities=ents,
                   cited_sources=[CitedSource(text=k, canonical=v) for k, v in (cited or {}).items()])
