"""One roster row against the database: a new worker, or the changes to an existing one.

Problems from the worker's validation (``validate_worker``) are moved onto the sheet's row and
column; a column already reported for the row is not reported twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster.columns import COLUMN_BY_KEY, HeaderMap
from workforce.domain.roster.parse import RosterRecord
from workforce.domain.roster.worker import (
    FIELD_LABELS,
    CertificateInput,
    WorkerInput,
    field_changes,
    validate_worker,
)
from workforce.domain.scale import PostRange
from workforce.services.roster.units import Place, UnitPlan

Change = tuple[str, str, str, str]
"""(field, label, old, new) as text."""

CREATE_REQUIRES = ("name", "post", "level", "street", "community")
CERTIFICATE_LABELS = (
    ("certificate_level", "社工证等级", "level"),
    ("certificate_obtained", "社工证取得日期", "obtained_date"),
    ("certificate_registered", "社工证登记日期", "registered_date"),
)
_FIELD_OF_LABEL = {label: name for name, label in FIELD_LABELS.items()}
_KEY_OF_FIELD = {"community_id": "community", "grid_id": "grid"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """``data`` is what to write (None: nothing, because unchanged or rejected)."""

    data: WorkerInput | None
    problems: tuple[Problem, ...] = ()
    path: str = ""
    changes: tuple[Change, ...] = ()
    certificate: CertificateInput | None = None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def certificate_change(
    old: CertificateInput | None, given: CertificateInput | None
) -> tuple[CertificateInput | None, list[Change]]:
    """The certificate to add (history is never overwritten) and the changes it shows."""
    if given is None:
        return None, []
    same_level = old is not None and old.level == given.level
    new = CertificateInput(
        given.level,
        given.obtained_date or (old.obtained_date if old and same_level else None),
        given.registered_date or (old.registered_date if old and same_level else None),
    )
    changes = [
        (key, label, _text(getattr(old, attr, None)), _text(getattr(new, attr)))
        for key, label, attr in CERTIFICATE_LABELS
        if getattr(old, attr, None) != getattr(new, attr)
    ]
    return (new if changes else None), changes


class RowPlanner:
    """Plans rows of one sheet; remembers required columns the sheet lacks."""

    def __init__(
        self,
        header: HeaderMap,
        units: UnitPlan,
        posts: dict[str, PostRange],
        target_district: int,
        today: dt.date,
        sheet: str,
    ) -> None:
        self.header = header
        self.units = units
        self.posts = posts
        self.target = target_district
        self.today = today
        self.sheet = sheet
        self._missing_columns: Counter[str] = Counter()

    def _where(self, row: int, key: str, value: str = "") -> Where:
        return Where(self.sheet, row, self.header.label(key), value)

    def _validate(self, data: WorkerInput, row: int, flagged: set[str]) -> list[Problem]:
        found = []
        for problem in validate_worker(data, self.posts, self.today):
            name = _FIELD_OF_LABEL.get(problem.where.column, "")
            key = _KEY_OF_FIELD.get(name, name)
            label = self.header.label(key) if key in self.header.columns else problem.where.column
            if label not in flagged:
                where = Where(self.sheet, row, label, problem.where.value)
                found.append(replace(problem, where=where))
                flagged.add(label)
        return found

    def create(self, record: RosterRecord) -> Outcome:
        flagged = {p.where.column for p in record.problems}
        values, unit = record.values, record.unit
        problems: list[Problem] = []
        missing = False
        for key in CREATE_REQUIRES:
            if values.get(key) is not None or getattr(unit, key, None):
                continue
            missing = True
            if key not in self.header.columns:
                self._missing_columns[key] += 1
            elif self.header.label(key) not in flagged:
                message = f"新增人员须填写{COLUMN_BY_KEY[key].header}"
                problems.append(error(f"missing_{key}", message, self._where(record.row, key)))
        if missing or unit.street is None or unit.community is None:
            return Outcome(None, tuple(problems))
        district = self.units.district(unit.district) if unit.district else self.target
        place = Place(district, unit.street, unit.community, unit.grid)
        community, grid = self.units.locate(place)
        fields: dict[str, Any] = dict(values)
        data = WorkerInput(community_id=community, grid_id=grid, **fields)
        problems += self._validate(data, record.row, flagged)
        if record.has_errors or any(p.is_error for p in problems):
            return Outcome(None, tuple(problems))
        return Outcome(data, tuple(problems), self.units.describe(community, grid))

    def _move(self, record: RosterRecord, old: WorkerInput) -> tuple[int, int | None] | Problem:
        """The community and grid an update row names; the worker's own when it names none."""
        given = record.unit
        current = self.units.place_of(old.community_id, old.grid_id)
        district = (
            self.units.district(given.district)
            if given.district
            else current.district
            if current
            else self.target
        )
        if given.community:
            same_district = current is not None and current.district == district
            street = given.street or (current.street if current and same_district else None)
            if street is None:
                where = self._where(record.row, "street")
                return error("missing_street", "填写了社区，但未填写街道", where)
            same = current is not None and (current.street, current.community) == (
                street,
                given.community,
            )
            if same and not given.grid and same_district:
                return old.community_id, old.grid_id  # same community: keep the grid
            return self.units.locate(Place(district, street, given.community, given.grid))
        if given.grid and current is not None:
            return self.units.locate(replace(current, grid=given.grid))
        moved = (given.street and (current is None or given.street != current.street)) or (
            given.district and (current is None or district != current.district)
        )
        if moved:
            where = self._where(record.row, "street" if given.street else "district")
            return error("missing_community", "调整所在单位时须同时填写街道和社区", where)
        return old.community_id, old.grid_id

    def update(
        self, record: RosterRecord, old: WorkerInput, old_certificate: CertificateInput | None
    ) -> Outcome:
        moved = self._move(record, old)
        if isinstance(moved, Problem):
            return Outcome(None, (moved,))
        given: dict[str, Any] = {**record.values, "community_id": moved[0], "grid_id": moved[1]}
        differ = {name: value for name, value in given.items() if getattr(old, name) != value}
        certificate, certificate_changes = certificate_change(old_certificate, record.certificate)
        if not differ and not certificate_changes:
            return Outcome(None)  # the common case of a re-import: build nothing
        new = replace(old, **differ)
        changes = [
            (name, FIELD_LABELS[name], self._show(name, before), self._show(name, after))
            for name, (before, after) in field_changes(old, new).items()
        ]
        changes += certificate_changes
        flagged = {p.where.column for p in record.problems}
        problems = self._validate(new, record.row, flagged)
        if record.has_errors or any(p.is_error for p in problems):
            return Outcome(None, tuple(problems))
        return Outcome(new, tuple(problems), changes=tuple(changes), certificate=certificate)

    def _show(self, name: str, value: object) -> str:
        if name == "post" and isinstance(value, str):
            post = self.posts.get(value)
            return post.name if post else value
        if name == "community_id" and isinstance(value, int):
            return self.units.describe(value, None)
        if name == "grid_id" and isinstance(value, int):
            return self.units.unit_name(value)
        return _text(value)

    def sheet_problems(self) -> list[Problem]:
        """One problem per required column the sheet lacks while rows would add workers."""
        problems = []
        for key, count in self._missing_columns.items():
            header = COLUMN_BY_KEY[key].header
            message = f"表中没有“{header}”列：新增人员须填写此项（本表有{count}行是新增人员）"
            where = Where(self.sheet, self.header.excel_row, header)
            problems.append(error(f"missing_column_{key}", message, where))
        return problems
