"""The CMS glue between a cue word and a linked name ("dilansirAFP") is undone, nothing else is touched."""

from __future__ import annotations

import pytest

from warta.clean.unglue import unglue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seperti dilansirAFP, Kamis (18/9)", "seperti dilansir AFP, Kamis (18/9)"),
        ("Dilansir dariCNA, Selasa", "Dilansir dari CNA, Selasa"),
        ("kata dia kepadaBBC Indonesia", "kata dia kepada BBC Indonesia"),
        ("ujar Iptu Sulpakar kepadadetikSulsel, Senin", "ujar Iptu Sulpakar kepada detikSulsel, Senin"),
    ],
)
def test_glued_cue_words_are_split(text: str, expected: str) -> None:
    assert unglue(text) == expected


@pytest.mark.parametrize("text", ["darinya", "Dariman datang", "dari sana", "kepadanya", "olehnya", "diAFP", "dariX", "daripadaNya"])
def test_other_words_are_left_alone(text: str) -> None:
    assert unglue(text) == text
