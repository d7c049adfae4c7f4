"""Problems are data: validators return them, the UI sorts and exports them.

Exceptions are for bugs and for refusing a whole action (``ActionRefused``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Where:
    """Where a problem sits: sheet, row (1-based, as Excel shows it), column header."""

    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""

    def describe(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"「{self.column}」列")
        if self.value:
            parts.append(f"值「{self.value}」")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    where: Where = Where()
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def describe(self) -> str:
        place = self.where.describe()
        return f"{place}：{self.message}" if place else self.message


def error(code: str, message: str, where: Where = Where()) -> Problem:
    return Problem(code, message, where, Severity.ERROR)


def warning(code: str, message: str, where: Where = Where()) -> Problem:
    return Problem(code, message, where, Severity.WARNING)


class ActionRefused(Exception):
    """A whole user action is refused (permission, validation, conflict); nothing was written."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


def refuse_on_errors(what: str, problems: Iterable[Problem]) -> None:
    """Refuse a whole action when any problem is an error: one line naming the first error and
    how many there are, with every error attached for the list or the error report."""
    errors = tuple(p for p in problems if p.is_error)
    if errors:
        more = f"（共{len(errors)}处错误）" if len(errors) > 1 else ""
        raise ActionRefused(f"{what}：{errors[0].describe()}{more}", errors)


def rejected_rows(problems: Iterable[Problem]) -> tuple[int, ...] | None:
    """The rows (as Excel numbers them) an error names, in order: what an import of the valid
    rows leaves out. None when an error names no row (a missing header): then no row is valid."""
    rows: set[int] = set()
    for problem in problems:
        if problem.is_error:
            if problem.where.row is None:
                return None
            rows.add(problem.where.row)
    return tuple(sorted(rows))
