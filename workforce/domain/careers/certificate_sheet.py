"""Reading a certificate list (社工证登记表: 身份证号, 姓名, 证书等级, 证书编号, 取得日期, 登记日期)
into one record per person and level; pure.

Several rows of the same person and level are that certificate's registrations (the first and each
renewal): they must agree on the number and the date obtained. A number on two people or two
levels is an error on every row that has it. Dates must be in order: obtained ≤ registered ≤
today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from workforce.domain.person_sheet import (
    PERSON_ALIASES,
    PersonSheet,
    Rows,
    find_header,
    no_header,
)
from workforce.domain.roster import cells
from workforce.domain.roster.cells import CellError
from workforce.domain.roster.columns import COLUMN_BY_KEY
from workforce.domain.sheet import SheetGrid

HEADERS = {
    "id_number": "身份证号",
    "name": "姓名",
    "level": "证书等级",
    "number": "证书编号",
    "obtained": "取得日期",
    "registered": "登记日期",
}
ALIASES: dict[str, tuple[str, ...]] = {
    **PERSON_ALIASES,
    "level": (
        *("证书等级", "证书级别", "资格等级", "等级", "级别", "职业资格等级"),
        *COLUMN_BY_KEY["certificate_level"].spellings,
    ),
    "number": (
        *("证书编号", "证书号", "证书号码", "社工证编号", "社工证号", "证书管理号", "管理号"),
        *("资格证书编号", "职业资格证书编号", "登记证书编号"),
    ),
    "obtained": (
        *("取得日期", "取得时间", "取证日期", "发证日期", "获证日期", "取得年月"),
        *COLUMN_BY_KEY["certificate_obtained"].spellings,
    ),
    "registered": (
        *("登记日期", "续期日期", "再登记日期", "注册登记日期", "初始登记日期"),
        *COLUMN_BY_KEY["certificate_registered"].spellings,
    ),
}


@dataclass(frozen=True, slots=True)
class CertificateRecord:
    """One person's certificate of one level as the sheet gives it, with every registration date
    its rows name. ``rows`` are the sheet rows (Excel numbering); ``row`` the first."""

    rows: tuple[int, ...]
    id_number: str
    name: str
    level: str
    number: str | None
    obtained: dt.date | None
    registrations: tuple[dt.date, ...]

    @property
    def row(self) -> int:
        return self.rows[0]


class CertificateSheet(PersonSheet[CertificateRecord]):
    """A certificate list read: one record per person and level."""

    __slots__ = ()
    headers = HEADERS


@dataclass(frozen=True, slots=True)
class _Line:
    row: int
    id_number: str
    name: str
    level: str
    number: str | None
    obtained: dt.date | None
    registered: dt.date | None


def _number(value: object) -> str | None:
    text = cells.digits(value, "证书编号") if isinstance(value, int | float) else cells.text(value)
    return text.replace(" ", "").upper() if text else None


def _read(rows: Rows, row: int, raw: Mapping[str, object], today: dt.date) -> _Line | None:
    before = len(rows.problems)
    named = rows.person(row, raw)
    level: str | None = None
    try:
        level = cells.certificate_level(raw.get("level"))
        if level is None:
            rows.fail("missing_level", "证书等级不能为空", row, "level", raw.get("level"))
    except CellError as exc:
        rows.fail("invalid_level", str(exc), row, "level", raw.get("level"))
    try:
        number = _number(raw.get("number"))
    except CellError as exc:
        rows.fail("lost_digits_number", str(exc), row, "number", raw.get("number"))
        number = None
    _, obtained = rows.date(row, raw, "obtained")
    _, registered = rows.date(row, raw, "registered")
    for key, day in (("obtained", obtained), ("registered", registered)):
        if day is not None and day > today:
            rows.fail(f"future_{key}", f"{HEADERS[key]}晚于今天", row, key, raw.get(key))
    if obtained and registered and registered < obtained:
        rows.fail(
            "registered_before_obtained",
            f"登记日期早于取得日期（{obtained:%Y-%m-%d}）",
            row,
            "registered",
            raw.get("registered"),
        )
    if len(rows.problems) > before or level is None or not named:
        return None
    person = rows.people[-1]
    return _Line(row, person.id_number, person.name, level, number, obtained, registered)


def _merge(lines: list[_Line], rows: Rows) -> list[CertificateRecord]:
    """One record per person and level; a number on two people or levels fails every such row."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        if line.number:
            owners.setdefault(line.number, set()).add((line.id_number, line.level))
    groups: dict[tuple[str, str], list[_Line]] = {}
    for line in lines:
        if line.number and len(owners[line.number]) > 1:
            listed = "、".join(str(x.row) for x in lines if x.number == line.number)
            rows.fail(
                "duplicate_number",
                f"证书编号在本表中属于不同人员或等级（第{listed}行）",
                line.row,
                "number",
                line.number,
            )
            continue
        groups.setdefault((line.id_number, line.level), []).append(line)
    records = []
    for (number, level), group in groups.items():
        numbers = {x.number for x in group if x.number}
        obtained = {x.obtained for x in group if x.obtained}
        listed = "、".join(str(x.row) for x in group)
        if len(numbers) > 1 or len(obtained) > 1:
            what = "证书编号" if len(numbers) > 1 else "取得日期"
            key = "number" if len(numbers) > 1 else "obtained"
            for x in group:
                rows.fail(
                    f"conflicting_{key}",
                    f"同一人同一等级的证书在第{listed}行的{what}不一致",
                    x.row,
                    key,
                    x.number if key == "number" else x.obtained,
                )
            continue
        registrations = tuple(sorted({x.registered for x in group if x.registered}))
        records.append(
            CertificateRecord(
                tuple(x.row for x in group),
                number,
                group[0].name,
                level,
                next(iter(numbers), None),
                next(iter(obtained), None),
                registrations,
            )
        )
    return sorted(records, key=lambda r: r.row)


def read_certificate_sheet(grid: SheetGrid, today: dt.date) -> CertificateSheet:
    """Every data row of the sheet as part of a record, or problems."""
    header = find_header(grid, ALIASES, [("id_number", "level")])
    if header is None:
        problem = no_header(
            grid, "“身份证号”和“证书等级”列（以及“姓名”“证书编号”“取得日期”“登记日期”）"
        )
        return CertificateSheet(grid.name, 0, {}, (), (problem,))
    rows = Rows(grid, header, HEADERS)
    data = rows.lines("id_number", "level", "number")
    lines = [line for row, raw in data if (line := _read(rows, row, raw, today))]
    records = _merge(lines, rows)
    return rows.result(CertificateSheet, records)
