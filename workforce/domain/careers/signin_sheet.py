"""Reading a training sign-in sheet (签到表: 身份证号 and/or 姓名 per row, optionally 是否合格) for
one session; pure.

A row may give only the name: the service finds the person when exactly one worker has it. The
same person twice is an error on both rows (a sign-in sheet lists each attendee once).
"""

from __future__ import annotations

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
from workforce.domain.sheet import SheetGrid

HEADERS = {"id_number": "身份证号", "name": "姓名", "passed": "是否合格"}
ALIASES: dict[str, tuple[str, ...]] = {
    **PERSON_ALIASES,
    "passed": ("是否合格", "合格", "考核结果", "考核", "结业", "是否结业", "培训结果", "成绩"),
}
_PASSED = {"合格": True, "不合格": False, "结业": True, "未结业": False, "通过": True}


@dataclass(frozen=True, slots=True)
class SigninRecord:
    row: int
    id_number: str  # "" when the row gives only the name
    name: str
    passed: bool


class SigninSheet(PersonSheet[SigninRecord]):
    """A training sign-in sheet read: one record per person."""

    __slots__ = ()
    headers = HEADERS


def _passed(rows: Rows, row: int, value: object) -> bool | None:
    text = cells.text(value)
    if text is None:
        return True
    if text in _PASSED:
        return _PASSED[text]
    try:
        return cells.yes_no(value)
    except CellError:
        rows.fail("invalid_passed", "是否合格应填“是/否”或“合格/不合格”", row, "passed", value)
        return None


def _duplicates(records: list[SigninRecord], rows: Rows) -> list[SigninRecord]:
    groups: dict[str, list[SigninRecord]] = {}
    for record in records:
        groups.setdefault(record.id_number or f"姓名:{record.name}", []).append(record)
    kept = []
    for group in groups.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        listed = "、".join(str(r.row) for r in group)
        for record in group:
            key = "id_number" if record.id_number else "name"
            value = record.id_number or record.name
            message = f"同一人在签到表中重复出现（第{listed}行）"
            rows.fail("duplicate_person", message, record.row, key, value)
    return sorted(kept, key=lambda r: r.row)


def read_signin_sheet(grid: SheetGrid) -> SigninSheet:
    header = find_header(grid, ALIASES, [("id_number",), ("name",)])
    if header is None:
        problem = no_header(grid, "“身份证号”或“姓名”列")
        return SigninSheet(grid.name, 0, {}, (), (problem,))
    rows = Rows(grid, header, HEADERS)
    records: list[SigninRecord] = []
    for row, raw in rows.lines("id_number", "name"):
        before = len(rows.problems)
        named = rows.person(row, raw, id_required=False)
        passed = _passed(rows, row, raw.get("passed"))
        if named and passed is not None and len(rows.problems) == before:
            person = rows.people[-1]
            records.append(SigninRecord(row, person.id_number, person.name, passed))
    kept = _duplicates(records, rows)
    return rows.result(SigninSheet, kept)
