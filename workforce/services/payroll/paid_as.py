"""Who a locked month paid, as paid (§8.6): each payslip keeps the name, ID number, street and
community and bank account the worker had when the month was locked (paid), so the month's bank
file, workbook, slips and tax summary are the same whenever they are produced.

Until the lock the files follow the worker's file (a clerk who adds a missing account sees it in
the approved month's bank file); the lock copies it onto the payslips in one statement.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from workforce.domain.payroll.month_seal import PAYSLIP_PAID_AS
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Worker

PAID_AS_COLUMNS = PAYSLIP_PAID_AS
"""The payslip's columns of who was paid (migration 0007)."""

_FREEZE = text(
    """
UPDATE payslip SET
  (name, id_number, bank_account_name, bank_name, bank_account) = (
    SELECT w.name, w.id_number, w.bank_account_name, w.bank_name, w.bank_account
    FROM worker w WHERE w.id = payslip.worker_id),
  (street_name, community_name) = (
    SELECT COALESCE(s.name, ''), c.name
    FROM org_unit c LEFT JOIN org_unit s ON s.id = c.parent_id
    WHERE c.id = payslip.community_id)
WHERE month_id = :month_id
"""
)


def freeze_paid_as(session: Session, month_id: int) -> None:
    """Copy each paid worker's identity, unit and account onto the month's payslips (at lock)."""
    session.execute(_FREEZE, {"month_id": month_id})


def who(raw: TableClause, street: type[OrgUnit], community: type[OrgUnit], locked: bool) -> Any:
    """(street, community, name, ID number) of the payslips ``raw``: as paid when the month is
    locked, else today's (``Worker`` and the ``street`` and ``community`` aliases joined)."""
    if locked:
        return (raw.c.street_name, raw.c.community_name, raw.c.name, raw.c.id_number)
    return (street.name, community.name, Worker.name, Worker.id_number)


def payee(raw: TableClause, locked: bool) -> Any:
    """(name, 户名, 账号, ID number, 开户行) for the bank file, as ``who`` decides."""
    if locked:
        return (
            raw.c.name,
            raw.c.bank_account_name,
            raw.c.bank_account,
            raw.c.id_number,
            raw.c.bank_name,
        )
    return (
        Worker.name,
        Worker.bank_account_name,
        Worker.bank_account,
        Worker.id_number,
        Worker.bank_name,
    )
