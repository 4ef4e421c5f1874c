"""Rule-based sentence boundaries for Indonesian news, as a spaCy component (`warta_sentences`).

Rules, in order of strength:

1. A line break ends a sentence, always (paragraphs, headlines, datelines, "Baca juga" lines).
2. `.`, `!`, `?`, `…` end a sentence, but not inside a quotation: a quotation that spans several sentences
   stays in one sentence, with its attribution when it follows directly (`"Kami siap. Kami tunggu," kata
   Aliyev.` is one sentence), so the quote extractor sees speaker, cue and quote together.
3. After a closing quote or bracket that follows sentence-final punctuation, a lower-case word continues the
   sentence (`"… tunggu." kata dia.`), an upper-case word starts a new one.
4. Abbreviations (`dr.`, `Jl.`, `No.`, initials `H.`) are single tokens (see `tokenizer.py`) and so never end
   a sentence.

The component sets `is_sent_start` on every token. It runs before the parser, which respects the
boundaries, and it works on any Doc, also one built from pre-tokenised words (`Doc(vocab, words=...)`).
Unbalanced quotes never swallow text: a quotation is only honoured if it closes within its paragraph and
within `max_quote_tokens` tokens.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .stateless import Stateless

FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???", ".."}
OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
STRAIGHT = {'"', "''", "``"}
CLOSERS = {")", "]", "}", "”", "»", '"', "’", "'"}


def _abbrev_stem(text: str) -> bool:
    """A word that, followed by a period, is an abbreviation or an initial (`dr`, `Jl`, `H`)."""
    from .tokenizer import abbreviations

    return (len(text) == 1 and text.isupper()) or (text + ".") in abbreviations()


class SentenceSegmenter(Stateless):
    def __init__(self, nlp: Language | None = None, name: str = "warta_sentences", max_quote_tokens: int = 250):
        self.name = name
        self.max_quote_tokens = max_quote_tokens

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0 or doc.has_annotation("DEP"):
            return doc  # nothing to split, or a parse already defines the sentences
        texts = [t.text for t in doc]
        is_space = [t.is_space for t in doc]
        # paragraph boundaries: a token after a newline (in a space token or in trailing whitespace)
        newline_before = [False] * n
        for i, tok in enumerate(doc):
            if i + 1 < n and ("\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)):
                newline_before[i + 1] = True
        inside, closing, opening = self._quoted(texts, newline_before)
        starts = [False] * n
        starts[0] = True

        def is_final(k: int) -> bool:
            t = texts[k]
            if t == "." and k > 0 and _abbrev_stem(texts[k - 1]):
                return False  # pre-tokenised text: "dr ." / "H ." / "Jl ." (raw text keeps "dr." whole)
            return t in FINAL or (len(t) > 1 and set(t) <= set(".!?…"))

        def is_closer(k: int) -> bool:
            t = texts[k]
            if t in STRAIGHT:
                # a paired closing quote, or an unpaired one glued to final punctuation
                return k in closing or (k not in opening and k > 0 and is_final(k - 1) and not doc[k - 1].whitespace_)
            return t in CLOSERS

        i = 0
        while i < n:
            if i > 0 and newline_before[i] and not is_space[i]:
                starts[i] = True
            # final punctuation outside quotes, or a closing quote right after final punctuation
            boundary = (is_final(i) and not inside[i]) or (i in closing and i > 0 and is_final(i - 1))
            if not boundary:
                i += 1
                continue
            j = i + 1
            closed = i in closing
            while j < n and not newline_before[j] and (is_closer(j) or is_final(j)):
                closed = closed or is_closer(j)
                j += 1
            while j < n and is_space[j]:
                j += 1
            if j < n and not newline_before[j]:
                nxt = texts[j]
                if closed and not nxt[:1].isupper() and not nxt[:1].isdigit() and nxt not in OPEN_QUOTES:
                    pass  # "… tunggu." kata dia
                elif nxt[:1].islower() and texts[i] in ("…", "...", ".."):
                    pass  # ellipsis inside a sentence
                else:
                    starts[j] = True
            i = max(j, i + 1)
        # a space token never starts a sentence unless it is the first token; one array write (setting
        # Token.is_sent_start one by one re-checks the whole doc each time: quadratic on long articles)
        arr = numpy.fromiter(
            (1 if k == 0 or (starts[k] and not is_space[k]) else -1 for k in range(n)), dtype="int64", count=n
        )
        doc.from_array([SENT_START], arr.astype("uint64").reshape(-1, 1))
        return doc

    def _quoted(self, texts: list[str], newline_before: list[bool]):
        """Tokens strictly inside a balanced quotation (within one paragraph), and the quote positions."""
        n = len(texts)
        inside = [False] * n
        closing: set[int] = set()
        opening: set[int] = set()
        open_at: int | None = None
        open_kind = ""
        for i, t in enumerate(texts):
            if newline_before[i]:
                open_at = None
            if open_at is not None and i - open_at > self.max_quote_tokens:
                open_at = None
            if open_at is None:
                if t in OPEN_QUOTES or t in STRAIGHT:
                    open_at, open_kind = i, t
                continue
            closes = (open_kind in STRAIGHT and t in STRAIGHT) or (open_kind not in STRAIGHT and t in CLOSE_QUOTES)
            if closes:
                for k in range(open_at + 1, i):
                    inside[k] = True
                opening.add(open_at)
                closing.add(i)
                open_at = None
        return inside, closing, opening



@Language.factory("warta_sentences", default_config={"max_quote_tokens": 250})
def make_sentences(nlp: Language, name: str, max_quote_tokens: int) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, max_quote_tokens)
