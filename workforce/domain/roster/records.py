"""A roster row as read: the worker's fields it fills, its 社工证 and its unit names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from workforce.domain.problems import Problem
from workforce.domain.roster.cells import shown_number
from workforce.domain.roster.worker import CertificateInput

UNIT_KEYS = ("district", "street", "community", "grid")
CERTIFICATE_KEYS = ("certificate_level", "certificate_obtained", "certificate_registered")


@dataclass(frozen=True, slots=True)
class UnitNames:
    """Where a row puts the worker; None where the sheet leaves it blank."""

    district: str | None = None
    street: str | None = None
    community: str | None = None
    grid: str | None = None


@dataclass(frozen=True, slots=True)
class RosterRecord:
    """One data row: ``values`` are ``WorkerInput`` fields (no ids) the row fills."""

    row: int
    values: Mapping[str, object]
    certificate: CertificateInput | None
    unit: UnitNames
    problems: tuple[Problem, ...] = ()

    @property
    def id_number(self) -> str | None:
        number = self.values.get("id_number")
        return number if isinstance(number, str) else None

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def shown(value: object) -> str:
    """A cell's value as the problem list shows it."""
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return shown_number(value)
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d}" if value.time() == dt.time() else str(value)
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value).strip()
