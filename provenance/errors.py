"""One hierarchy of domain errors; each carries the exit code the CLI returns.

Exit codes (documented in the README):
  0 success, 1 unexpected internal error, 2 usage error, 3 invalid input,
  4 not found, 5 conflicts remain (``--fail-on-conflict``), 6 database error,
  7 ``check`` found problems, 8 output file problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class ProvenanceError(Exception):
    """Base class: a failure the user can act on, reported without a traceback.

    A message that names one of the library call's parameters writes it as
    ``{name}`` and lists it in ``params``: ``str()`` shows the parameter's name, and a
    front end shows whatever the user set it with (the CLI its option) through
    ``render``.
    """

    exit_code = 1

    def __init__(self, message: str = "", *, params: tuple[str, ...] = ()) -> None:
        self.template = message
        self.params = params
        super().__init__(self.render(lambda name: name))

    def render(self, spelled: Callable[[str], str]) -> str:
        """The message with each parameter spelled as the front end calls it."""
        text = self.template
        for name in self.params:
            text = text.replace("{" + name + "}", spelled(name))
        return text


class UsageError(ProvenanceError):
    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One defect in an input file: ``file:line: field: reason``."""

    file: str
    line: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class InputError(ProvenanceError):
    """Invalid input; nothing was written. Lists every problem found."""

    exit_code = 3

    def __init__(self, problems: list[Problem], total: int | None = None) -> None:
        self.problems = problems
        self.total = total if total is not None else len(problems)
        shown = "\n".join(str(p) for p in problems)
        more = self.total - len(problems)
        tail = f"\n… and {more} more problems" if more > 0 else ""
        noun = "problem" if self.total == 1 else "problems"
        super().__init__(f"{self.total} {noun} in the input; nothing was imported:\n{shown}{tail}")


class NotFoundError(ProvenanceError):
    exit_code = 4


class ConflictsRemain(ProvenanceError):
    exit_code = 5


class DatabaseError(ProvenanceError):
    exit_code = 6


class DatabaseBusyError(DatabaseError):
    """Another process is writing to the database, and this writer was not to wait."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer release; this one must not write to it."""


class CheckFailed(ProvenanceError):
    exit_code = 7


class OutputError(ProvenanceError):
    exit_code = 8
