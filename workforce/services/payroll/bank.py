"""银行代发 (§8.6, §9): the bank file of an approved or locked month, with its 另行发放/未发放
list — everyone the file does not pay (no account, an invalid one, nothing to pay), with the
reason — so that Σ bank file + Σ list = Σ 实发 of the month, to the fen.

Before the lock the file follows the worker's file (an account added after approval is used);
a locked month pays as paid. An account added after the lock reaches the list's people only
through ``reissue_transfers``: an explicit, audited transfer file of those people, recorded in
``pay_reissue``; the locked month and its payslips do not change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.idcard import mask_id_number
from workforce.domain.money import ZERO
from workforce.domain.payroll.transfer import NO_PAY, account_problem, reconciles, transfer_problem
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import User
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayReissue, PayrollMonth, Payslip, bulk_table
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import APPROVED, LOCKED, STATUS_NAMES, get_month, label
from workforce.services.payroll.paid_as import payee, who
from workforce.services.payroll.views import MonthHeader, in_units, month_header, yuan
from workforce.services.roster.scope import scope_units

REISSUE_ACTION = "reissue"


@dataclass(frozen=True, slots=True)
class BankRow:
    account_name: str
    account: str
    id_number: str
    bank: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Unpaid:
    """One line of the 另行发放/未发放 list: a worker the bank file does not pay, and why;
    ``reissued`` says when a later transfer (补发代发) sent it, "" until then."""

    worker_id: int
    street: str
    community: str
    name: str
    id_number: str
    amount: Decimal
    reason: str
    reissued: str = ""


@dataclass(frozen=True, slots=True)
class BankView:
    header: MonthHeader
    memo: str
    rows: tuple[BankRow, ...]
    total: Decimal
    unpaid: tuple[Unpaid, ...] = ()
    net_total: Decimal = ZERO  # Σ 实发 of the payslips the file and the list cover

    @property
    def unpaid_total(self) -> Decimal:
        return sum((u.amount for u in self.unpaid), ZERO)


Payee = tuple[int, str, str, str, str | None, str | None, str, str | None, int]
"""worker, street, community, name, 户名, 账号, ID number, 开户行, net (fen)."""


def _payees(
    session: Session, month: PayrollMonth, units: set[int] | None, as_paid: bool
) -> list[Payee]:
    """The month's payslips with who and where (as paid when ``as_paid``, else today's file),
    by community and worker."""
    raw = bulk_table(Payslip)
    community, street = aliased(OrgUnit), aliased(OrgUnit)
    street_name, community_name, _name, _number = who(raw, street, community, as_paid)
    query = (
        select(raw.c.worker_id, street_name, community_name, *payee(raw, as_paid), raw.c.net)
        .select_from(raw)
        .join(Worker, Worker.id == raw.c.worker_id)
        .join(community, community.id == raw.c.community_id)
        .outerjoin(street, street.id == community.parent_id)
        .where(raw.c.month_id == month.id, in_units(raw.c.community_id, units))
        .order_by(raw.c.community_id, raw.c.worker_id)
    )
    rows: list[Any] = list(session.execute(query).all())
    return [
        (w, s or "", c or "", n, holder, account, number, bank, net)
        for w, s, c, n, holder, account, number, bank, net in rows
    ]


def _unpaid(row: Payee, reason: str, masked: bool, reissued: str = "") -> Unpaid:
    worker, street, community, name, _holder, _account, number, _bank, net = row
    shown = mask_id_number(number) if masked else number
    return Unpaid(worker, street, community, name, shown, yuan(net), reason, reissued)


def _split(
    rows: list[Payee], masked: bool, reissued: dict[int, str]
) -> tuple[list[BankRow], list[Unpaid]]:
    paid: list[BankRow] = []
    unpaid: list[Unpaid] = []
    for row in rows:
        _worker, _s, _c, name, holder, account, number, bank, net = row
        reason = transfer_problem(yuan(net), account)
        if reason:
            unpaid.append(_unpaid(row, reason, masked, reissued.get(row[0], "")))
        else:
            paid.append(BankRow(holder or name, account or "", number, bank or "", yuan(net)))
    return paid, unpaid


def unpaid_now(session: Session, month: PayrollMonth) -> list[Unpaid]:
    """Who the month's bank file would leave out as the files stand (approval's warning)."""
    return _split(_payees(session, month, None, month.status == LOCKED), True, {})[1]


def _reissued(session: Session, month_id: int) -> dict[int, str]:
    rows = session.execute(
        select(PayReissue.worker_id, PayReissue.issued_at, User.display_name)
        .outerjoin(User, User.id == PayReissue.issued_by)
        .where(PayReissue.month_id == month_id)
    ).all()
    return {w: f"已补发 {at.astimezone():%Y-%m-%d} {who or ''}".strip() for w, at, who in rows}


def _payable_month(session: Session, actor: Actor, period: dt.date) -> PayrollMonth:
    """Nothing leaves before approval (§8.6): the bank file is for an approved or locked month."""
    require(actor, Action.EXPORT_PAYROLL)
    month = get_month(session, period)
    if month.status not in (APPROVED, LOCKED):
        raise ActionRefused(
            f"{label(period)}工资{STATUS_NAMES[month.status]}，尚未审核，不能生成代发文件；"
            "审核后才能发放"
        )
    return month


def _checked(view: BankView) -> BankView:
    listed = (u.amount for u in view.unpaid)
    if not reconciles((r.amount for r in view.rows), listed, view.net_total):
        raise ActionRefused(
            f"代发合计 {view.total} 与另行发放/未发放合计 {view.unpaid_total} 之和"
            f"不等于实发合计 {view.net_total}，未生成代发文件"
        )
    return view


def bank_view(
    db: Database,
    actor: Actor,
    period: dt.date,
    *,
    masked_list: bool = True,
    preview: bool = False,
) -> BankView:
    """银行代发: one transfer per worker with pay and a valid account; everyone else on the
    另行发放/未发放 list with the reason (ID numbers masked there unless ``masked_list`` is
    False). Refuses a month not yet approved, unless for a ``preview`` on screen (a bank
    layout's editor shows a calculated month in the layout; no file is written from it)."""
    with db.reading() as session:
        if preview:
            require(actor, Action.EXPORT_PAYROLL)
            month = get_month(session, period)
        else:
            month = _payable_month(session, actor, period)
        header = month_header(session, month)
        rows = _payees(session, month, scope_units(session, actor), month.status == LOCKED)
        reissued = _reissued(session, month.id)
    paid, unpaid = _split(rows, masked_list, reissued)
    record_full_numbers(db, actor, f"{period:%Y-%m}银行代发文件")  # accounts must be whole
    return _checked(
        BankView(
            header,
            f"{header.label}工资",
            tuple(paid),
            sum((r.amount for r in paid), ZERO),
            tuple(unpaid),
            sum((yuan(row[-1]) for row in rows), ZERO),
        )
    )


def reissue_transfers(db: Database, actor: Actor, period: dt.date) -> BankView:
    """补发代发: a transfer file for the people of a locked month's 另行发放/未发放 list who have
    a valid account now (added after the lock) and were not re-issued before. Each transfer is
    recorded (``pay_reissue``) and the whole audited; the locked month does not change. The
    view's list names those still without a valid account."""
    require(actor, Action.LOCK_PAYROLL)
    with db.transaction() as session:
        month = get_month(session, period, for_update=True)
        if month.status != LOCKED:
            raise ActionRefused(
                f"{label(period)}工资{STATUS_NAMES[month.status]}：补发代发只用于已锁定的月份；"
                "锁定前的代发文件已使用人员档案中的最新账号"
            )
        header = month_header(session, month)
        done = set(_reissued(session, month.id))
        as_paid = _payees(session, month, scope_units(session, actor), True)
        waiting = [
            row
            for row in as_paid
            if row[0] not in done and transfer_problem(yuan(row[-1]), row[5]) not in ("", NO_PAY)
        ]
        now = {
            row[0]: row
            for row in _payees(session, month, None, False)
            if row[0] in {w[0] for w in waiting}
        }
        paid: list[BankRow] = []
        still: list[Unpaid] = []
        for row in waiting:
            current = now[row[0]]
            _w, _s, _c, name, holder, account, number, bank, _net = current
            reason = account_problem(account)
            if reason:
                still.append(_unpaid(row, reason, True))
                continue
            amount = yuan(row[-1])  # the month's 实发, as locked
            paid.append(BankRow(holder or name, account or "", number, bank or "", amount))
            session.add(
                PayReissue(
                    month_id=month.id,
                    worker_id=row[0],
                    amount=amount,
                    bank_account_name=holder or name,
                    bank_name=bank or "",
                    bank_account=account or "",
                    issued_by=actor.user_id,
                )
            )
        if not paid:
            raise ActionRefused(
                f"{label(period)}工资没有可补发的人员：另行发放/未发放名单中"
                + ("的人员仍无有效银行账号" if still else "没有待补发的人员")
            )
        total = sum((r.amount for r in paid), ZERO)
        audit.record(
            session,
            actor,
            REISSUE_ACTION,
            "payroll_month",
            month.id,
            {"reissued": (None, len(paid))},
            note=f"{label(period)}工资补发代发{len(paid)}人，合计{total}"
            + (f"；仍无有效账号{len(still)}人" if still else ""),
        )
    record_full_numbers(db, actor, f"{period:%Y-%m}补发代发文件")
    return BankView(
        header,
        f"{header.label}工资（补发）",
        tuple(paid),
        total,
        tuple(still),
        total + sum((u.amount for u in still), ZERO),
    )
