"""Where the command line gets a passphrase (contract.md): ``$CAREERDESK_PASSPHRASE``, else
a prompt that does not echo (a new passphrase is typed twice). When standard input is not a
terminal, the prompt reads its lines from there instead, so a script can pipe them in.

A wrong passphrase typed at a terminal is asked again, a few times; one from the
environment or a pipe is refused at once.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from careerdesk.domain.errors import CareerdeskError
from careerdesk.store import cipher
from careerdesk.store.cipher import (
    NEW_PASSPHRASE_VARIABLE,
    PASSPHRASE_VARIABLE,
    Passphrase,
    WrongPassphrase,
)

ATTEMPTS = 3
T = TypeVar("T")


class PassphraseRefused(CareerdeskError):
    pass


def _typed(prompt: str) -> str:
    if _at_terminal():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise PassphraseRefused(f"no passphrase given: set ${PASSPHRASE_VARIABLE}, or type it "
                                "when asked")
    return line.removesuffix("\n").removesuffix("\r")


def _checked(text: str, where: str) -> Passphrase:
    try:
        return Passphrase(text)
    except ValueError as error:
        raise PassphraseRefused(f"{where}: {error}") from None


def _at_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def current(path: Path) -> tuple[Passphrase, bool]:
    """The passphrase of the journal at ``path``, and whether a person typed it at a
    terminal (and so can be asked again)."""
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given is not None:
        return _checked(given, f"${PASSPHRASE_VARIABLE}"), False
    return _checked(_typed(f"Passphrase of {path}: "), "the passphrase"), _at_terminal()


def new(variable: str = PASSPHRASE_VARIABLE) -> Passphrase:
    """A new passphrase: from ``variable``, else typed twice (the two must match)."""
    given = os.environ.get(variable)
    if given is not None:
        return _checked(given, f"${variable}")
    print("A forgotten passphrase cannot be recovered, by anyone: keep it somewhere safe.",
          file=sys.stderr)
    first = _checked(_typed("New passphrase: "), "the new passphrase")
    again = _typed("New passphrase again: ")
    if again != first.reveal():
        raise PassphraseRefused("the two passphrases differ; nothing was changed")
    return first


def new_for_change() -> Passphrase:
    """The new passphrase of ``careerdesk passphrase``: ``$CAREERDESK_NEW_PASSPHRASE``, since
    ``$CAREERDESK_PASSPHRASE`` holds the current one; else typed twice."""
    return new(NEW_PASSPHRASE_VARIABLE)


def with_journal_passphrase(path: Path, attempt: Callable[[Passphrase | None], T]) -> T:
    """Runs ``attempt`` with the passphrase of the journal at ``path`` (None for a plain
    journal), asking again after a wrong one typed at the prompt."""
    if not cipher.is_encrypted(path):
        return attempt(None)
    for tries_left in range(ATTEMPTS - 1, -1, -1):
        passphrase, prompted = current(path)
        try:
            return attempt(passphrase)
        except WrongPassphrase:
            if not prompted or tries_left == 0:
                raise
            print("The passphrase is wrong; try again.", file=sys.stderr)
    raise AssertionError("unreachable")  # the loop returns or raises
