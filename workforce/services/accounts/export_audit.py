"""Exports with full ID numbers or bank accounts (完整证件号导出留痕).

Exports mask ID numbers (110105********002X) and bank accounts (************4567) unless the
user asks for them in full; that choice is recorded — who, what, when — like any change."""

from __future__ import annotations

from workforce.domain.idcard import mask_id_number
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database

FULL_EXPORT = "export_full"


def mask_account(account: str | None) -> str | None:
    """A bank account with all but its last four digits hidden."""
    if not account or len(account) <= 4:
        return account
    return "*" * (len(account) - 4) + account[-4:]


def masked_id(number: str) -> str:
    return mask_id_number(number)


def record_full_numbers(db: Database, actor: Actor, what: str, count: int | None = None) -> None:
    """Audit one export that shows ID numbers or bank accounts in full."""
    people = f"，{count}人" if count is not None else ""
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            FULL_EXPORT,
            "export",
            None,
            note=f"导出{what}（含完整身份证号或银行账号{people}）",
        )
