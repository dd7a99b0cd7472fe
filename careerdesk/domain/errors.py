"""Errors a user can act on: each names where the problem is, never a traceback."""

from __future__ import annotations


class CareerdeskError(Exception):
    """A problem with the user's input or environment, told in one line."""


class InvalidRecord(CareerdeskError):
    """A field that breaks a rule. ``where`` reads like ``achievements[2].metrics[0].result``."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


class FileRefused(CareerdeskError):
    """A file could not be read or written, or was refused; the message names the file (and
    the record and field when the problem is inside it)."""


class NotFound(CareerdeskError):
    """A record the user named does not exist."""
