"""Allowance tables as versioned data (issue 3): the amounts in force on a date, the history of
one amount, and a new dated amount. Rows are only ever appended; history is never overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import FEN, ZERO, to_money
from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.payslip_codec import MonthBasis
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import CERTIFICATE_ALIASES, CERTIFICATE_LEVELS
from workforce.persistence.pay import AllowanceRate
from workforce.persistence.payroll import PayrollMonth
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.arrears import ScalesByDate
from workforce.services.payroll.basis import allowances_from
from workforce.services.payroll.guard import closed_months, dated_change
from workforce.services.payroll.people import load_people
from workforce.services.payroll.retro import PaidSlip, RetroPlan, retro_plan, write_retro

KIND_NAMES = {
    "certificate": "职业资格津贴",
    "one_shoulder": "一肩挑津贴",
    "basic_performance": "基础绩效",
    "reward_performance": "奖励绩效",
}
KIND_PERIODS = {
    "certificate": "month",
    "one_shoulder": "month",
    "basic_performance": "month",
    "reward_performance": "year",
}
KEYED_KINDS = frozenset({"certificate", "reward_performance"})
PERIOD_NAMES = {"month": "月", "year": "年"}


@dataclass(frozen=True, slots=True)
class AllowanceInfo:
    """One dated amount: ``key`` is the certificate level or appraisal grade, "" for none."""

    kind: str
    kind_name: str
    key: str
    amount: Decimal
    period: str
    effective_date: dt.date


def kind_code(text: str) -> str:
    """The kind's code from its code or Chinese name; refuses an unknown kind."""
    text = text.strip()
    if text in KIND_NAMES:
        return text
    for code, name in KIND_NAMES.items():
        if text == name:
            return code
    known = "、".join(f"{name}（{code}）" for code, name in KIND_NAMES.items())
    raise ActionRefused(f"没有「{text}」这种津贴；可用：{known}")


def _info(row: AllowanceRate) -> AllowanceInfo:
    return AllowanceInfo(
        row.kind,
        KIND_NAMES.get(row.kind, row.kind),
        row.key,
        row.amount,
        row.period,
        row.effective_date,
    )


def _order(info: AllowanceInfo) -> tuple[int, str]:
    kinds = list(KIND_NAMES)
    return (kinds.index(info.kind) if info.kind in KIND_NAMES else len(kinds), info.key)


def _in_force(session: Session, on: dt.date) -> dict[tuple[str, str], AllowanceInfo]:
    found: dict[tuple[str, str], AllowanceInfo] = {}
    rows = session.scalars(
        select(AllowanceRate)
        .where(AllowanceRate.effective_date <= on)
        .order_by(AllowanceRate.effective_date)
    )
    for row in rows:
        found[(row.kind, row.key)] = _info(row)  # later dates replace earlier ones
    return found


def allowances_in_force(db: Database, on: dt.date) -> list[AllowanceInfo]:
    """For each (kind, key), the newest amount effective on or before ``on``."""
    with db.reading() as session:
        return sorted(_in_force(session, on).values(), key=_order)


def _key(kind: str, key: str) -> str:
    key = key.strip()
    if kind not in KEYED_KINDS:
        if key:
            raise ActionRefused(f"{KIND_NAMES[kind]}不分档次，不需要填写「{key}」")
        return ""
    if not key:
        what = "证书等级" if kind == "certificate" else "考核等次"
        raise ActionRefused(f"{KIND_NAMES[kind]}请填写{what}")
    if kind == "certificate":
        key = CERTIFICATE_ALIASES.get(key, key)
        if key not in CERTIFICATE_LEVELS:
            raise ActionRefused(f"没有「{key}」这个证书等级；可用：{'、'.join(CERTIFICATE_LEVELS)}")
    return key


def allowance_history(db: Database, kind: str, key: str = "") -> list[AllowanceInfo]:
    """Every dated amount of one (kind, key), oldest first."""
    code = kind_code(kind)
    key = _key(code, key)
    with db.reading() as session:
        rows = session.scalars(
            select(AllowanceRate)
            .where(AllowanceRate.kind == code, AllowanceRate.key == key)
            .order_by(AllowanceRate.effective_date)
        )
        return [_info(row) for row in rows]


def _amount(value: Decimal | int | str) -> Decimal:
    try:
        amount = to_money(value)
    except (InvalidOperation, ValueError):
        raise ActionRefused(f"金额「{value}」不是数字") from None
    if not amount.is_finite():
        raise ActionRefused(f"金额「{value}」不是数字")
    if amount < 0:
        raise ActionRefused(f"金额不能为负数：{amount}")
    if amount != amount.quantize(FEN):
        raise ActionRefused(f"金额最多两位小数（到分）：{amount}")
    return amount.quantize(FEN)


def set_allowance(
    db: Database,
    actor: Actor,
    kind: str,
    key: str,
    amount: Decimal | int | str,
    effective_date: dt.date,
    period: str | None = None,
) -> AllowanceInfo:
    """调整津贴标准: a new amount for (kind, key) from ``effective_date``, appended as a new row.
    Refuses a second amount at the same date (history is never overwritten), and a date whose
    amount an approved or locked month paid (§8.6: see ``set_allowance_retroactively``)."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        change = (actor, kind, key, amount, effective_date, period)
        return _set(session, *change, retroactive=False)[0]


def set_allowance_retroactively(
    db: Database,
    actor: Actor,
    kind: str,
    key: str,
    amount: Decimal | int | str,
    effective_date: dt.date,
) -> tuple[AllowanceInfo, RetroPlan]:
    """The same change made on purpose into approved or locked months (追溯调整): they stay as
    paid; the 补发/补扣 lines ``preview_allowance`` showed go into the next open month."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        return _set(session, actor, kind, key, amount, effective_date, None, retroactive=True)


def preview_allowance(
    db: Database,
    actor: Actor,
    kind: str,
    key: str,
    amount: Decimal | int | str,
    effective_date: dt.date,
) -> RetroPlan:
    """What ``set_allowance_retroactively`` would put into the next open month (writes nothing)."""
    require(actor, Action.EDIT_CONFIGURATION)
    code = kind_code(kind)
    key = _key(code, key)
    value = _amount(amount)
    with db.reading() as session:
        months = closed_months(
            session, effective_date, _following(session, code, key, effective_date)
        )
        return _plan(session, code, key, value, effective_date, months)


def _label(code: str, key: str) -> str:
    return f"{KIND_NAMES[code]}{f'（{key}）' if key else ''}"


def _following(session: Session, code: str, key: str, effective: dt.date) -> dt.date | None:
    """The date of the next version of (kind, key) after ``effective``."""
    return session.scalar(
        select(func.min(AllowanceRate.effective_date)).where(
            AllowanceRate.kind == code,
            AllowanceRate.key == key,
            AllowanceRate.effective_date > effective,
        )
    )


def _plan(
    session: Session,
    code: str,
    key: str,
    value: Decimal,
    effective: dt.date,
    months: list[PayrollMonth],
) -> RetroPlan:
    name = f"{code}:{key}" if key else code
    change = f"{_label(code, key)}自{effective:%Y-%m-%d}起调整为{value}元/月"
    scales = ScalesByDate(session)

    def pricing(
        month: PayrollMonth, basis: MonthBasis, slips: Sequence[PaidSlip]
    ) -> dict[int, Decimal]:
        flat = {n: Decimal(a) for n, a in basis.allowances.items()} | {name: value}
        allowances = allowances_from(flat, basis.certificate_from_next_month)
        span = MonthSpan.of(month.period)
        scale = scales.on(basis.scale_effective_date)
        new = {
            p.worker_id: sum((line.amount for line in p.regular if line.code == code), ZERO)
            for p in load_people(session, span, scale, allowances)
        }
        # A worker whose slip had no such line is touched only when the line was absent for
        # want of an amount (a new allowance), not for want of the facts that earn it.
        appears = not Decimal(basis.allowances.get(name, "0"))
        return {
            s.worker_id: new.get(s.worker_id, ZERO) for s in slips if code in s.codes or appears
        }

    return retro_plan(session, months, change, KIND_NAMES[code], frozenset({code}), pricing)


def _set(
    session: Session,
    actor: Actor,
    kind: str,
    key: str,
    amount: Decimal | int | str,
    effective_date: dt.date,
    period: str | None,
    *,
    retroactive: bool,
) -> tuple[AllowanceInfo, RetroPlan]:
    code = kind_code(kind)
    key = _key(code, key)
    value = _amount(amount)
    expected = KIND_PERIODS[code]
    if period is not None and period != expected:
        raise ActionRefused(f"{KIND_NAMES[code]}按{PERIOD_NAMES.get(expected, expected)}计发")
    label = _label(code, key)
    clash = session.scalar(
        select(AllowanceRate.amount).where(
            AllowanceRate.kind == code,
            AllowanceRate.key == key,
            AllowanceRate.effective_date == effective_date,
        )
    )
    if clash is not None:
        raise ActionRefused(
            f"{label}在{effective_date:%Y-%m-%d}已有标准{clash}元，同一生效日期只能有一个标准；"
            "请另选生效日期"
        )
    months: list[PayrollMonth] = []
    if expected == "month":  # a yearly amount is not part of the monthly payroll
        following = _following(session, code, key, effective_date)
        months = dated_change(
            session, actor, effective_date, following, f"调整{label}", retroactive=retroactive
        )
    plan = _plan(session, code, key, value, effective_date, months)
    before = _in_force(session, effective_date).get((code, key))
    row = AllowanceRate(
        kind=code, key=key, amount=value, period=expected, effective_date=effective_date
    )
    session.add(row)
    try:  # another user set the same date a moment ago: the unique key has the last word
        session.flush()
    except IntegrityError:
        raise ActionRefused(
            f"{label}在{effective_date:%Y-%m-%d}已由他人设置了标准，同一生效日期只能有一个标准"
        ) from None
    audit.record(
        session,
        actor,
        "create",
        "allowance_rate",
        row.id,
        {
            "kind": (None, code),
            "key": (None, key),
            "amount": (before.amount if before else None, value),
            "effective_date": (None, effective_date),
        },
        note=f"{label}自{effective_date:%Y-%m-%d}起调整为{value}元/{PERIOD_NAMES[expected]}"
        + (f"（追溯调整，补扣发{len(plan.lines)}笔）" if plan.lines else ""),
    )
    write_retro(session, actor, plan)
    return _info(row), plan
