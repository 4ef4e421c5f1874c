"""Errors a user sees: each names the input and says what is wrong with it, in plain words."""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """One input cannot be read or analysed; the batch goes on without it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
