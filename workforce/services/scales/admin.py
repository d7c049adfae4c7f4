"""Pay scales as versioned data (§3): import a new version from a sheet, list, show, compare, and
correct one amount of a version no applied adjustment has used. Versions are never overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import EllipsisType

from sqlalchemy import Exists, exists, func, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import to_money
from workforce.domain.payroll.payslip_codec import MonthBasis
from workforce.domain.problems import ActionRefused, Problem, refuse_on_errors
from workforce.domain.roster.cells import CellError
from workforce.domain.scale import PostRange, ScaleVersion, find_post
from workforce.domain.scales.table import (
    ScaleDifference,
    ScaleSheet,
    compare_scales,
    parse_amount,
    parse_scale_sheet,
    validate_posts,
)
from workforce.domain.sheet import SheetGrid
from workforce.persistence.adjustment import AdjustmentRun
from workforce.persistence.pay import PayScale, ScaleAmount, ScalePost
from workforce.persistence.payroll import PayrollMonth
from workforce.services.accounts import audit
from workforce.services.adjustment.run import APPLIED
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import (
    closed_months,
    dated_change,
    in_force_until,
    label,
    open_months,
)
from workforce.services.payroll.retro import PaidSlip, RetroPlan, retro_plan, write_retro
from workforce.services.scale import load_scale, posts_in_force, scale_id_in_force

ScaleRef = int | dt.date
"""A version by its id, or the version in force on a date."""


@dataclass(frozen=True, slots=True)
class ScaleInfo:
    """A version as lists show it; ``in_use``: an applied adjustment run used it (locked)."""

    scale_id: int
    name: str
    effective_date: dt.date
    note: str
    amounts: int
    in_use: bool


@dataclass(frozen=True, slots=True)
class ScaleDetail:
    info: ScaleInfo
    version: ScaleVersion


@dataclass(frozen=True, slots=True)
class ScaleImport:
    """The new version: its id, the sheet's shape, how many amounts, and the warnings."""

    scale_id: int
    form: str
    amounts: int
    warnings: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class ScaleComparison:
    old: ScaleInfo
    new: ScaleInfo
    differences: tuple[ScaleDifference, ...]

    @property
    def changed(self) -> tuple[ScaleDifference, ...]:
        return tuple(d for d in self.differences if d.changed)


def _used_by_applied_run(scale_id: InstrumentedAttribute[int] | int) -> Exists:
    return exists().where(AdjustmentRun.scale_id == scale_id, AdjustmentRun.status == APPLIED)


def _infos(session: Session, scale_id: int | None = None) -> list[ScaleInfo]:
    counts = (
        select(ScaleAmount.scale_id, func.count().label("n"))
        .group_by(ScaleAmount.scale_id)
        .subquery()
    )
    query = (
        select(
            PayScale.id,
            PayScale.name,
            PayScale.effective_date,
            PayScale.note,
            func.coalesce(counts.c.n, 0),
            _used_by_applied_run(PayScale.id),
        )
        .outerjoin(counts, counts.c.scale_id == PayScale.id)
        .order_by(PayScale.effective_date)
    )
    if scale_id is not None:
        query = query.where(PayScale.id == scale_id)
    return [ScaleInfo(*row) for row in session.execute(query).tuples()]


def _resolve(session: Session, ref: ScaleRef) -> int:
    if isinstance(ref, dt.date):
        found = scale_id_in_force(session, ref)
        if found is None:
            raise ActionRefused(f"{ref:%Y-%m-%d}没有生效的薪酬标准")
        return found
    if session.get(PayScale, ref) is None:
        raise ActionRefused(f"薪酬标准 {ref} 不存在")
    return ref


def list_scales(db: Database) -> list[ScaleInfo]:
    """Every version, oldest first."""
    with db.reading() as session:
        return _infos(session)


def scale_table(db: Database, ref: ScaleRef | None = None) -> ScaleDetail:
    """One version's posts and amounts: by id, or the one in force on a date (default today)."""
    with db.reading() as session:
        scale_id = _resolve(session, dt.date.today() if ref is None else ref)
        return ScaleDetail(_infos(session, scale_id)[0], load_scale(session, scale_id))


def compare(db: Database, old: ScaleRef, new: ScaleRef) -> ScaleComparison:
    """Per (post, level): the old and new monthly amounts and the difference."""
    with db.reading() as session:
        old_id, new_id = _resolve(session, old), _resolve(session, new)
        differences = compare_scales(load_scale(session, old_id), load_scale(session, new_id))
        return ScaleComparison(_infos(session, old_id)[0], _infos(session, new_id)[0], differences)


def _insert_version(
    session: Session, name: str, effective: dt.date, note: str, posts: tuple[PostRange, ...]
) -> int:
    scale = PayScale(name=name, effective_date=effective, note=note)
    session.add(scale)
    session.flush()
    session.execute(
        insert(ScalePost),
        [
            {
                "scale_id": scale.id,
                "code": p.code,
                "name": p.name,
                "aliases": ",".join(p.aliases),
                "min_level": p.min_level,
                "max_level": p.max_level,
                "paid_as": p.paid_as,
                "sort_order": order,
            }
            for order, p in enumerate(posts)
        ],
    )
    return scale.id


def import_scale(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    effective_date: dt.date,
    *,
    name: str,
    posts: tuple[PostRange, ...] | None = None,
    note: str = "",
) -> ScaleImport:
    """导入薪酬标准: a new version from ``effective_date``. Posts and ranges are those of the
    version in force unless given. Any error in the sheet refuses the whole import, and so does
    a date whose scale an approved or locked month paid (§8.6: ``import_scale_retroactively``)."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        change = (actor, grid, effective_date, name, posts, note)
        return _import(session, *change, retroactive=False)[0]


def import_scale_retroactively(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    effective_date: dt.date,
    *,
    name: str,
    posts: tuple[PostRange, ...] | None = None,
    note: str = "",
) -> tuple[ScaleImport, RetroPlan]:
    """The same import made on purpose into approved or locked months (追溯调整): they stay as
    paid; the 补发/补扣 lines ``preview_scale_import`` showed go into the next open month."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        change = (actor, grid, effective_date, name, posts, note)
        return _import(session, *change, retroactive=True)


def preview_scale_import(
    db: Database,
    actor: Actor,
    grid: SheetGrid,
    effective_date: dt.date,
    *,
    name: str,
    posts: tuple[PostRange, ...] | None = None,
) -> RetroPlan:
    """What ``import_scale_retroactively`` would put into the next open month (writes nothing)."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.reading() as session:
        version = _parsed(session, grid, effective_date, posts)[0]
        months = closed_months(session, effective_date, _following(session, effective_date))
        return _scale_plan(session, name.strip(), version, months)


def _following(session: Session, effective: dt.date) -> dt.date | None:
    """The date of the next version after ``effective``."""
    return session.scalar(
        select(func.min(PayScale.effective_date)).where(PayScale.effective_date > effective)
    )


def _parsed(
    session: Session, grid: SheetGrid, effective: dt.date, posts: tuple[PostRange, ...] | None
) -> tuple[ScaleVersion, ScaleSheet]:
    if posts is None:
        posts = posts_in_force(session, effective)
        if not posts:
            raise ActionRefused("还没有岗位设置可以沿用，请同时给出岗位及等级范围")
    refuse_on_errors("岗位设置有误", tuple(validate_posts(posts)))
    parsed = parse_scale_sheet(grid, posts)
    refuse_on_errors("薪酬标准表有误，未导入", parsed.problems)
    return ScaleVersion(effective, posts, dict(parsed.amounts)), parsed


def _scale_plan(
    session: Session, name: str, version: ScaleVersion, months: list[PayrollMonth]
) -> RetroPlan:
    change = f"薪酬标准「{name}」自{version.effective_date:%Y-%m-%d}起执行"

    def pricing(
        month: PayrollMonth, basis: MonthBasis, slips: Sequence[PaidSlip]
    ) -> dict[int, Decimal]:
        due, missing = {}, set()
        for slip in slips:
            try:
                due[slip.worker_id] = version.monthly_pay(slip.post, slip.level)
            except KeyError:
                missing.add(f"{slip.post} {slip.level}级")
        if missing:
            raise ActionRefused(
                f"新薪酬标准中没有{label(month.period)}已发放的岗位等级："
                + "、".join(sorted(missing)[:5])
            )
        return due

    return retro_plan(session, months, change, "岗位等级工资", frozenset({"scale"}), pricing)


def _import(
    session: Session,
    actor: Actor,
    grid: SheetGrid,
    effective_date: dt.date,
    name: str,
    posts: tuple[PostRange, ...] | None,
    note: str,
    *,
    retroactive: bool,
) -> tuple[ScaleImport, RetroPlan]:
    name = name.strip()
    if not name:
        raise ActionRefused("请填写薪酬标准名称")
    clash = session.scalar(select(PayScale.name).where(PayScale.effective_date == effective_date))
    if clash is not None:
        raise ActionRefused(
            f"{effective_date:%Y-%m-%d}已有薪酬标准「{clash}」，同一生效日期只能有一个版本"
        )
    version, parsed = _parsed(session, grid, effective_date, posts)
    months = dated_change(
        session,
        actor,
        effective_date,
        _following(session, effective_date),
        "导入薪酬标准",
        retroactive=retroactive,
    )
    plan = _scale_plan(session, name, version, months)
    source = grid.file_name or grid.name
    scale_id = _insert_version(
        session, name, effective_date, note or f"导入自{source}", version.posts
    )
    session.execute(
        insert(ScaleAmount),
        [
            {"scale_id": scale_id, "post": post, "level": level, "monthly_pay": amount}
            for (post, level), amount in sorted(parsed.amounts.items())
        ],
    )
    audit.record(
        session,
        actor,
        "import",
        "pay_scale",
        scale_id,
        {
            "name": (None, name),
            "effective_date": (None, effective_date),
            "amounts": (None, len(parsed.amounts)),
        },
        note=f"导入自{source}" + (f"（追溯调整，补扣发{len(plan.lines)}笔）" if plan.lines else ""),
    )
    write_retro(session, actor, plan)
    warnings = tuple(p for p in parsed.problems if not p.is_error)
    return ScaleImport(scale_id, parsed.form, len(parsed.amounts), warnings), plan


def set_amount(
    db: Database,
    actor: Actor,
    scale_id: int,
    post: str,
    level: int,
    amount: Decimal | int | str,
    *,
    expected: Decimal | EllipsisType | None = ...,
) -> Decimal | None:
    """Correct one monthly amount of a version that no applied adjustment run has used (a used
    version is history: import a new version instead). Returns the old amount.

    ``expected`` is the amount the user saw (None: no amount); if someone changed it since, the
    correction is refused rather than silently replacing theirs (optimistic check on the value)."""
    require(actor, Action.EDIT_CONFIGURATION)
    try:
        value = parse_amount(to_money(amount))
    except CellError as exc:
        raise ActionRefused(str(exc)) from None
    with db.transaction() as session:
        scale = session.get(PayScale, scale_id, with_for_update=True)
        if scale is None:
            raise ActionRefused(f"薪酬标准 {scale_id} 不存在")
        if session.scalar(select(_used_by_applied_run(scale_id))):
            raise ActionRefused(
                f"薪酬标准「{scale.name}」已被已应用的调级批次使用，不能修改；请导入新版本"
            )
        until = in_force_until(scale.effective_date, _following(session, scale.effective_date))
        open_months(session, actor, scale.effective_date, until, "修改薪酬标准")
        version = load_scale(session, scale_id)
        found = find_post(version.posts, post)
        if found is None:
            raise ActionRefused(f"薪酬标准「{scale.name}」中没有岗位「{post}」")
        if found.paid_as:
            target = version.post(found.paid_as)
            paid_as = target.name if target else found.paid_as
            raise ActionRefused(f"{found.name}按{paid_as}的标准发放，没有自己的金额")
        if not found.min_level <= level <= found.max_level:
            raise ActionRefused(
                f"{found.name}的等级范围是{found.min_level}–{found.max_level}级，没有{level}级"
            )
        row = session.scalar(
            select(ScaleAmount).where(
                ScaleAmount.scale_id == scale_id,
                ScaleAmount.post == found.code,
                ScaleAmount.level == level,
            )
        )
        old = row.monthly_pay if row is not None else None
        if expected is not ... and old != expected:
            raise ActionRefused(
                f"{found.name}{level}级月标准已被他人修改（{expected or '无'} → {old or '无'}），"
                "请刷新后再修改"
            )
        if row is None:
            session.add(
                ScaleAmount(scale_id=scale_id, post=found.code, level=level, monthly_pay=value)
            )
        else:
            row.monthly_pay = value
        audit.record(
            session,
            actor,
            "update",
            "pay_scale",
            scale_id,
            {f"{found.code}:{level}": (old, value)},
            note=f"修改{found.name}{level}级月标准",
        )
        return old
