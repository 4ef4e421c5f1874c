"""The output contract of warta (see DESIGN.md), as plain dataclasses.

Every extractor fills these; `Article.to_dict()` is the one place that turns them into the JSON the
CLI, the store, the API and the evaluator share, so the contract cannot drift between code paths.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "GPE", "LOC"]
QuoteKind = Literal["direct", "indirect"]
Qualifier = Literal["exact", "at_least", "approx", "at_most"]
ClaimCategory = Literal["killed", "injured", "missing", "captured", "displaced", "deployed", "destroyed", "other"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass
class Source:
    """One article as it arrives: raw text or HTML plus the metadata the caller already knows.

    Metadata given here is a hint that wins over what cleaning extracts, because the caller
    (a feed, a crawler, a JSONL export) usually knows the URL and date better than the page does.
    """

    id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    # The day relative dates ("Jumat", "kemarin") resolve against when `published` is unknown,
    # e.g. a crawl date; never reported as the publication date.
    date_anchor: str | None = None
    name: str = ""  # where it came from (file path, URL, WARC record), for error messages


@dataclass
class CitedSource:
    text: str
    canonical: str


@dataclass
class Comment:
    author: str | None
    text: str


@dataclass
class Entity:
    text: str
    start: int
    end: int
    type: EntityType
    id: str | None = None
    canonical: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Quote:
    quote: str
    kind: QuoteKind
    speaker: str | None
    speaker_id: str | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    via: str | None = None
    sentence: str | None = None


@dataclass
class Claim:
    text: str
    value: float | int
    qualifier: Qualifier
    category: ClaimCategory
    subject: str | None
    claimant: str | None
    claimant_id: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str | None = None


@dataclass
class Event:
    type: str
    mode: str | None
    source: str | None
    source_id: str | None
    target: str | None
    target_id: str | None
    location: str | None
    location_id: str | None
    lat: float | None
    lon: float | None
    date: str | None
    claimant: str | None
    negated: bool
    text: str


@dataclass
class DateRef:
    text: str
    value: str
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    """One analysed article: clean text, metadata and every fact with its evidence."""

    id: str
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    cited_sources: list[CitedSource] = field(default_factory=list)
    body: str = ""
    comments: list[Comment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object; `warnings` only when there are some, to keep output lean."""
        d = asdict(self)
        if not d["warnings"]:
            d.pop("warnings")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an Article from stored JSON (the store keeps the contract's JSON verbatim)."""
        return cls(
            id=d["id"], url=d.get("url"), outlet=d.get("outlet"), language=d.get("language"),
            title=d.get("title"), published=d.get("published"), authors=list(d.get("authors") or []),
            cited_sources=[CitedSource(**c) for c in d.get("cited_sources") or []],
            body=d.get("body") or "",
            comments=[Comment(**c) for c in d.get("comments") or []],
            entities=[Entity(**e) for e in d.get("entities") or []],
            quotes=[Quote(**q) for q in d.get("quotes") or []],
            claims=[Claim(**c) for c in d.get("claims") or []],
            events=[Event(**e) for e in d.get("events") or []],
            dates=[DateRef(**x) for x in d.get("dates") or []],
            warnings=list(d.get("warnings") or []),
        )
