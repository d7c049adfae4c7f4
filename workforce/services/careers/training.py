"""Training (§6): sessions, attendance entered as a batch of workers or imported from a sign-in
sheet, and a person's hours against the yearly target and the continuing-education requirement.

A sign-in import is planned first (a dry run that writes nothing) and applied all or nothing, to
the roster import's error standard. A row may name a person by 身份证号, or by 姓名 alone when
exactly one active worker has that name. With a new session the import creates the session and
its attendance in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.compliance import ORGANISER_LEVELS
from workforce.domain.careers.signin_sheet import read_signin_sheet
from workforce.domain.problems import ActionRefused, Problem, Where, error
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting
from workforce.persistence.people import TrainingAttendance, TrainingSession, Worker
from workforce.services.accounts import audit
from workforce.services.careers.facts import YEARLY_HOURS_SETTING
from workforce.services.context import Actor, Database, require
from workforce.services.sheet_import import (
    CountedPlan,
    in_row_order,
    open_batch,
    people_by_id,
    people_by_number,
    person_problem,
    plan_valid_rows,
)

MAX_HOURS = Decimal(1000)


@dataclass(frozen=True, slots=True)
class SessionInput:
    """培训班: title, organiser level (市级/旗县区/街道), dates, hours (学时), 必修 or 选修."""

    title: str
    organiser_level: str
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    required: bool = True


@dataclass(frozen=True, slots=True)
class AttendanceChange:
    worker_id: int
    id_number: str
    name: str
    old: bool | None  # passed before (None: not on the list yet)
    new: bool
    row: int | None = None

    @property
    def is_new(self) -> bool:
        return self.old is None


@dataclass(frozen=True, slots=True)
class SigninPlan(CountedPlan):
    sheet: str
    header_row: int
    total_rows: int
    session_title: str
    changes: tuple[AttendanceChange, ...]
    unchanged: int
    problems: tuple[Problem, ...]

    @property
    def added(self) -> int:
        return self.created


@dataclass(frozen=True, slots=True)
class AttendanceResult:
    session_id: int
    added: int
    updated: int
    unchanged: int
    batch_id: int | None = None
    rejected: tuple[int, ...] = ()
    """The rows (Excel numbers) a valid-only import left out."""


def check_session(data: SessionInput) -> SessionInput:
    """The session as stored (title trimmed), or refused with every reason."""
    problems = []
    title = data.title.strip()
    if not title:
        problems.append("培训名称不能为空")
    elif len(title) > 200:
        problems.append("培训名称不能超过200字")
    if data.organiser_level not in ORGANISER_LEVELS:
        problems.append(f"主办层级应为{'、'.join(ORGANISER_LEVELS)}之一")
    if data.end_date < data.start_date:
        problems.append("结束日期早于开始日期")
    if isinstance(data.hours, float) or not Decimal(0) < data.hours < MAX_HOURS:
        problems.append("学时应大于0且小于1000")
    elif data.hours != data.hours.quantize(Decimal("0.1")):
        problems.append("学时最多保留一位小数")
    if problems:
        raise ActionRefused("；".join(problems))
    return SessionInput(
        title, data.organiser_level, data.start_date, data.end_date, data.hours, data.required
    )


def _add_session(session: Session, actor: Actor, data: SessionInput) -> int:
    row = TrainingSession(
        title=data.title,
        organiser_level=data.organiser_level,
        start_date=data.start_date,
        end_date=data.end_date,
        hours=data.hours,
        required=data.required,
    )
    session.add(row)
    session.flush()
    changes = {
        "title": (None, data.title),
        "organiser_level": (None, data.organiser_level),
        "dates": (None, f"{data.start_date}–{data.end_date}"),
        "hours": (None, data.hours),
        "kind": (None, "必修" if data.required else "选修"),
    }
    audit.record(session, actor, "create", "training_session", row.id, changes)
    return row.id


def create_session(db: Database, actor: Actor, data: SessionInput) -> int:
    """新建培训班."""
    require(actor, Action.RECORD_TRAINING)
    data = check_session(data)
    with db.transaction() as session:
        return _add_session(session, actor, data)


def _session_title(session: Session, session_id: int) -> str:
    title = session.scalar(select(TrainingSession.title).where(TrainingSession.id == session_id))
    if title is None:
        raise ActionRefused(f"培训班 {session_id} 不存在")
    return title


def _on_list(session: Session, session_id: int) -> dict[int, bool]:
    rows = session.execute(
        select(TrainingAttendance.worker_id, TrainingAttendance.passed).where(
            TrainingAttendance.session_id == session_id
        )
    ).tuples()
    return dict(rows.all())


def _write(
    session: Session,
    actor: Actor,
    session_id: int,
    changes: Sequence[AttendanceChange],
    batch_id: int | None,
) -> None:
    new = [
        {"session_id": session_id, "worker_id": c.worker_id, "passed": c.new}
        for c in changes
        if c.old is None
    ]
    if new:
        session.execute(insert(TrainingAttendance), new)
    changed = [{"target": c.worker_id, "now": c.new} for c in changes if c.old is not None]
    if changed:
        table = cast(Table, TrainingAttendance.__table__)
        session.execute(
            update(table)
            .where(table.c.session_id == session_id, table.c.worker_id == bindparam("target"))
            .values(passed=bindparam("now")),
            changed,
        )
    audit.record_many(
        session,
        actor,
        "training",
        "worker",
        ((c.worker_id, {f"training:{session_id}": (c.old, c.new)}) for c in changes),
        batch_id=batch_id,
    )


def record_attendance(
    db: Database,
    actor: Actor,
    session_id: int,
    worker_ids: Sequence[int],
    *,
    passed: bool = True,
) -> AttendanceResult:
    """录入参训人员: put the workers picked (from the tree) on the session's list."""
    require(actor, Action.RECORD_TRAINING)
    if len(set(worker_ids)) != len(worker_ids):
        raise ActionRefused("同一人在一次录入中出现了多次")
    with db.transaction() as session:
        _session_title(session, session_id)
        people = people_by_id(session, worker_ids)
        listed = _on_list(session, session_id)
        changes = [
            AttendanceChange(w, *people[w], listed.get(w), passed)
            for w in worker_ids
            if listed.get(w) != passed
        ]
        _write(session, actor, session_id, changes, None)
        added = sum(1 for c in changes if c.old is None)
        return AttendanceResult(
            session_id, added, len(changes) - added, len(worker_ids) - len(changes)
        )


def _resolve(
    session: Session, grid: SheetGrid, session_id: int | None
) -> tuple[SigninPlan, list[AttendanceChange]]:
    sheet = read_signin_sheet(grid)
    problems = list(sheet.problems)
    numbers = sorted({p.id_number for p in sheet.people if p.id_number})
    names = sorted({p.name for p in sheet.people if not p.id_number})
    by_number = people_by_number(session, numbers)
    by_name: dict[str, list[tuple[int, str]]] = {}
    for w, n, name in session.execute(
        select(Worker.id, Worker.id_number, Worker.name).where(
            Worker.name.in_(names), Worker.status.in_([s.value for s in ACTIVE_STATUSES])
        )
    ).tuples():
        by_name.setdefault(name, []).append((w, n))
    found: dict[int, tuple[int, str, str]] = {}  # row → worker id, id number, name
    for cell in sheet.people:
        if cell.id_number:
            hit = by_number.get(cell.id_number)
            problem = person_problem(sheet, cell, hit)
            if problem is not None:
                problems.append(problem)
            elif hit is not None:
                found[cell.row] = (hit[0], cell.id_number, hit[1])
            continue
        hits = by_name.get(cell.name, [])
        where = Where(sheet.sheet, cell.row, sheet.label("name"), cell.name)
        if len(hits) == 1:
            found[cell.row] = (hits[0][0], hits[0][1], cell.name)
        elif not hits:
            problems.append(error("unknown_name", "在职人员中没有此姓名，请填写身份证号", where))
        else:
            message = f"在职人员中有{len(hits)}人同名，请填写身份证号"
            problems.append(error("ambiguous_name", message, where))
    listed = _on_list(session, session_id) if session_id is not None else {}
    changes: list[AttendanceChange] = []
    seen: dict[int, int] = {}
    unchanged = 0
    for record in sheet.records:
        if record.row not in found:
            continue
        worker_id, number, name = found[record.row]
        if worker_id in seen:
            where = Where(sheet.sheet, record.row, sheet.label("name"), name)
            message = f"与第{seen[worker_id]}行是同一人"
            problems.append(error("duplicate_person", message, where))
            continue
        seen[worker_id] = record.row
        old = listed.get(worker_id)
        if old == record.passed:
            unchanged += 1
        else:
            changes.append(
                AttendanceChange(worker_id, number, name, old, record.passed, record.row)
            )
    ordered = in_row_order(problems)
    title = _session_title(session, session_id) if session_id is not None else ""
    plan = SigninPlan(
        sheet.sheet, sheet.header_row, sheet.data_rows, title, tuple(changes), unchanged, ordered
    )
    return plan, changes


def plan_signin_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    session_id: int | None = None,
    new_session: SessionInput | None = None,
) -> SigninPlan:
    """The dry run of a sign-in import for an existing session or a new one; writes nothing."""
    require(actor, Action.RECORD_TRAINING)
    if (session_id is None) == (new_session is None):
        raise ActionRefused("请指定已有的培训班或新培训班的信息（二者选一）")
    title = check_session(new_session).title if new_session is not None else ""
    with db.reading() as session:
        plan, _ = _resolve(session, grid, session_id)
    return plan if session_id is not None else _titled(plan, title)


def _titled(plan: SigninPlan, title: str) -> SigninPlan:
    return SigninPlan(
        plan.sheet,
        plan.header_row,
        plan.total_rows,
        title,
        plan.changes,
        plan.unchanged,
        plan.problems,
    )


def apply_signin_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    *,
    session_id: int | None = None,
    new_session: SessionInput | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    valid_only: bool = False,
) -> AttendanceResult:
    """导入签到表: check again inside one transaction; create the session when new; write the
    attendance all or nothing, or with ``valid_only`` the rows without errors (the others are
    left out, named in ``rejected`` and audited)."""
    require(actor, Action.RECORD_TRAINING)
    if (session_id is None) == (new_session is None):
        raise ActionRefused("请指定已有的培训班或新培训班的信息（二者选一）")
    data = check_session(new_session) if new_session is not None else None
    with db.transaction() as session:
        progress(0, 1)
        rows = plan_valid_rows(
            lambda sheet: _resolve(session, sheet, session_id)[0],
            grid,
            valid_only=valid_only,
            refused="签到表有误，未导入",
        )
        plan = rows.plan
        if cancel is not None:
            cancel.check()
        target = session_id if data is None else _add_session(session, actor, data)
        file_name = grid.file_name or grid.name
        batch = open_batch(
            session,
            actor,
            "training",
            file_name,
            plan.added,
            plan.updated,
            rejected=rows.left_out,
        )
        assert target is not None
        _write(session, actor, target, plan.changes, batch.id)
        progress(1, 1)
        return AttendanceResult(
            target, plan.added, plan.updated, plan.unchanged, batch.id, rows.rejected
        )


def set_yearly_target(db: Database, actor: Actor, hours: Decimal) -> None:
    """The yearly training hours asked of every worker (demo 40 学时)."""
    require(actor, Action.EDIT_CONFIGURATION)
    if isinstance(hours, float) or hours < 0 or hours >= MAX_HOURS:
        raise ActionRefused("年度学时要求应在0到1000之间")
    with db.transaction() as session:
        setting = session.get(Setting, YEARLY_HOURS_SETTING)
        old = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=YEARLY_HOURS_SETTING, value=str(hours)))
        else:
            setting.value = str(hours)
        audit.record(
            session, actor, "update", "setting", None, {YEARLY_HOURS_SETTING: (old, str(hours))}
        )
