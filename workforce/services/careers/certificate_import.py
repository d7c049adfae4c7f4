"""Bulk certificate import (证书批量导入): plan (a dry run that writes nothing), then apply all or
nothing, to the roster import's error standard (sheet, row, column, value, reason).

Each record (a person's certificate of one level, with every registration date its rows give) is
matched to the certificate with the same number, else to the person's certificate of that level,
else it is new. A match gains the registrations it lacks (a later date is a renewal), a missing
number and a missing or different date obtained. A number already on file for another person or
level is an error, as is any date out of order (obtained ≤ registered ≤ today). A registration
date entered wrongly is fixed with 更正登记日期, not by an import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.certificate_sheet import CertificateRecord, read_certificate_sheet
from workforce.domain.careers.certificates import date_problems
from workforce.domain.careers.compliance import SOCIAL_WORK
from workforce.domain.problems import Problem, Where, error
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.sheet import SheetGrid
from workforce.persistence.careers import CertificateRegistration
from workforce.persistence.people import Certificate
from workforce.services.accounts import audit
from workforce.services.careers import facts as career_facts
from workforce.services.context import Actor, Database, require
from workforce.services.sheet_import import (
    RowPlan,
    RowsImported,
    chunks,
    in_row_order,
    look_up_people,
    matched,
    open_batch,
    plan_valid_rows,
)

NEW, RENEW, UPDATE = "新增", "再登记", "补充"


@dataclass(frozen=True, slots=True)
class CertificateChange:
    """One certificate to write; ``certificate_id`` is None for a new one."""

    action: str  # 新增, 再登记, 补充
    row: int
    worker_id: int
    id_number: str
    name: str
    level: str
    certificate_id: int | None
    number: str | None
    old_number: str | None
    obtained: dt.date | None
    old_obtained: dt.date | None
    registrations: tuple[dt.date, ...]
    old_registrations: tuple[dt.date, ...]

    @property
    def is_new(self) -> bool:
        return self.certificate_id is None


CertificatePlan = RowPlan[CertificateChange]
CertificateImportResult = RowsImported


@dataclass(frozen=True, slots=True)
class _Held:
    certificate_id: int
    worker_id: int
    level: str
    number: str | None
    obtained: dt.date | None
    registrations: tuple[dt.date, ...]
    has_rows: bool


def _held(session: Session, worker_ids: Sequence[int], numbers: Sequence[str]) -> list[_Held]:
    """The social-work certificates of these workers and any certificate with these numbers."""
    columns = (
        Certificate.id,
        Certificate.worker_id,
        Certificate.level,
        Certificate.number,
        Certificate.obtained_date,
        Certificate.registered_date,
    )
    rows: dict[int, tuple[Any, ...]] = {}
    for chunk in chunks(sorted(set(worker_ids))):
        query = select(*columns).where(
            Certificate.worker_id.in_(chunk), Certificate.kind == SOCIAL_WORK
        )
        rows.update((r[0], tuple(r)) for r in session.execute(query))
    for some in chunks(sorted(set(numbers))):
        rows.update(
            (r[0], tuple(r))
            for r in session.execute(select(*columns).where(Certificate.number.in_(some)))
        )
    dates: dict[int, list[dt.date]] = {}
    for chunk in chunks(sorted(rows)):
        dates.update(career_facts.registrations(session, list(chunk)))
    return [
        _Held(
            cid,
            w,
            level,
            number,
            obtained,
            tuple(dates.get(cid) or ([reg] if reg else [])),
            cid in dates,
        )
        for cid, w, level, number, obtained, reg in rows.values()
    ]


class _Planner:
    """Matches records to certificates on file and collects the changes and problems."""

    def __init__(self, sheet: str, label: Any, held: list[_Held], today: dt.date) -> None:
        self.sheet = sheet
        self.label = label
        self.today = today
        self.by_number = {h.number: h for h in held if h.number}
        self.by_level: dict[tuple[int, str], list[_Held]] = {}
        for h in sorted(held, key=lambda h: (h.registrations[-1:], h.certificate_id)):
            self.by_level.setdefault((h.worker_id, h.level), []).append(h)
        self.problems: list[Problem] = []

    def fail(
        self, code: str, message: str, record: CertificateRecord, key: str, value: str
    ) -> None:
        where = Where(self.sheet, record.row, self.label(key), value)
        self.problems.append(error(code, message, where))

    def match(self, record: CertificateRecord, worker_id: int) -> tuple[bool, _Held | None]:
        """(usable, the certificate on file it updates or None for a new one)."""
        number = record.number or ""
        if record.number and (held := self.by_number.get(record.number)):
            if held.worker_id != worker_id:
                self.fail("number_taken", "证书编号已登记在其他人员名下", record, "number", number)
                return False, None
            if held.level != record.level:
                message = f"系统中该编号的证书等级为{held.level}"
                self.fail("number_level", message, record, "level", record.level)
                return False, None
            return True, held
        same = self.by_level.get((worker_id, record.level), [])
        candidates = [h for h in same if not h.number or h.number == record.number]
        if same and not candidates and record.number:
            numbers = "、".join(h.number or "" for h in same)
            message = f"该人员已有{record.level}证书（编号{numbers}），编号与表中不符"
            self.fail("number_mismatch", message, record, "number", number)
            return False, None
        return True, (candidates[-1] if candidates else None)

    def change(
        self, record: CertificateRecord, worker_id: int, name: str
    ) -> CertificateChange | None:
        """The change the record asks for; None when it fails or changes nothing."""
        ok, held = self.match(record, worker_id)
        if not ok:
            return None
        old_regs = held.registrations if held else ()
        old_number = held.number if held else None
        old_obtained = held.obtained if held else None
        obtained = record.obtained or old_obtained
        registrations = tuple(sorted(set(old_regs) | set(record.registrations)))
        problems = date_problems(obtained, registrations, self.today)
        shown = "、".join(f"{d:%Y-%m-%d}" for d in record.registrations)
        for message in problems:
            self.fail("dates_out_of_order", message, record, "registered", shown)
        number = old_number or record.number
        same = (number, obtained, registrations) == (old_number, old_obtained, old_regs)
        if problems or (held is not None and same):
            return None
        if held is None:
            action = NEW
        elif registrations and (not old_regs or registrations[-1] > old_regs[-1]):
            action = RENEW
        else:
            action = UPDATE
        return CertificateChange(
            action,
            record.row,
            worker_id,
            record.id_number,
            name,
            record.level,
            held.certificate_id if held else None,
            number,
            old_number,
            obtained,
            old_obtained,
            registrations,
            old_regs,
        )


def _make_plan(
    session: Session,
    grid: SheetGrid,
    today: dt.date,
    progress: ProgressFn,
    cancel: CancelToken | None,
) -> CertificatePlan:
    sheet = read_certificate_sheet(grid, today)
    people, problems = look_up_people(session, sheet, progress, cancel)
    numbers = [r.number for r in sheet.records if r.number]
    held = _held(session, [w for w, _ in people.values()], numbers)
    planner = _Planner(sheet.sheet, sheet.label, held, today)
    changes: list[CertificateChange] = []
    unchanged = 0
    for record in sheet.records:
        found = matched(people, record)
        if found is None:
            continue
        before = len(planner.problems)
        change = planner.change(record, found[0], found[1])
        if change is not None:
            changes.append(change)
        elif len(planner.problems) == before:
            unchanged += 1
    problems.extend(planner.problems)
    return RowPlan(
        sheet.sheet,
        sheet.header_row,
        sheet.data_rows,
        tuple(changes),
        unchanged,
        in_row_order(problems),
    )


def plan_certificate_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> CertificatePlan:
    """The dry run: what the import would write and every problem. Writes nothing."""
    require(actor, Action.RECORD_CERTIFICATES)
    with db.reading() as session:
        return _make_plan(session, grid, today or dt.date.today(), progress, cancel)


def _write(
    session: Session, actor: Actor, changes: Sequence[CertificateChange], batch_id: int
) -> None:
    """New certificates, updated ones and every registration row they lack; in bulk."""
    new = [c for c in changes if c.certificate_id is None]
    ids: list[int] = []
    if new:
        rows = [
            {
                "worker_id": c.worker_id,
                "kind": SOCIAL_WORK,
                "level": c.level,
                "number": c.number,
                "obtained_date": c.obtained,
                "registered_date": c.registrations[-1] if c.registrations else None,
            }
            for c in new
        ]
        returning = insert(Certificate).returning(Certificate.id, sort_by_parameter_order=True)
        ids = list(session.scalars(returning, rows))
    certificate_of = {id(c): cid for c, cid in zip(new, ids, strict=True)}
    old = [c for c in changes if c.certificate_id is not None]
    if old:
        table = cast(Table, Certificate.__table__)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("target"))
            .values(
                number=bindparam("new_number"),
                obtained_date=bindparam("new_obtained"),
                registered_date=bindparam("new_registered"),
            ),
            [
                {
                    "target": c.certificate_id,
                    "new_number": c.number,
                    "new_obtained": c.obtained,
                    "new_registered": c.registrations[-1] if c.registrations else None,
                }
                for c in old
            ],
        )
    on_file = career_facts.registrations(
        session, [c.certificate_id for c in old if c.certificate_id]
    )
    registrations = [
        {"certificate_id": cid, "registered_date": day, "source": "import"}
        for c in changes
        for cid in [c.certificate_id or certificate_of[id(c)]]
        for day in c.registrations
        if day not in on_file.get(cid, [])
    ]
    if registrations:
        session.execute(insert(CertificateRegistration), registrations)
    audit.record_many(
        session,
        actor,
        "certificate",
        "worker",
        (
            (
                c.worker_id,
                {
                    f"{c.level}:number": (c.old_number, c.number),
                    f"{c.level}:obtained_date": (c.old_obtained, c.obtained),
                    f"{c.level}:registrations": (
                        "、".join(map(str, c.old_registrations)) or None,
                        "、".join(map(str, c.registrations)) or None,
                    ),
                },
            )
            for c in changes
        ),
        batch_id=batch_id,
        note="证书导入",
    )


def apply_certificate_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    today: dt.date | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    valid_only: bool = False,
) -> RowsImported:
    """导入证书: plan again inside one transaction and write all or nothing; ``valid_only``
    writes the rows without errors and leaves the others out (``rejected``; audited)."""
    require(actor, Action.RECORD_CERTIFICATES)
    today = today or dt.date.today()
    with db.transaction() as session:
        rows = plan_valid_rows(
            lambda sheet: _make_plan(session, sheet, today, progress, cancel),
            grid,
            valid_only=valid_only,
            refused="证书表有误，未导入",
        )
        plan = rows.plan
        file_name = grid.file_name or grid.name
        batch = open_batch(
            session,
            actor,
            "certificate",
            file_name,
            plan.created,
            plan.updated,
            rejected=rows.left_out,
        )
        if cancel is not None:
            cancel.check()
        _write(session, actor, plan.changes, batch.id)
        return RowsImported(
            plan.created, plan.updated, plan.unchanged, batch.id, rejected=rows.rejected
        )
