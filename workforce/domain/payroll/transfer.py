"""Who the bank file pays and who it does not (§8.6, §9): a worker with pay to transfer and a valid
account is paid through the bank; everyone else is on the 另行发放/未发放 list with the reason,
so that Σ bank file + Σ that list = Σ 实发 of the month, to the fen.

An account is valid when it is 12 to 30 digits (spaces allowed between groups); a Luhn failure is
only a warning on the worker's file (§10), never a reason to hold pay back.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

NO_PAY = "实发为0"
NO_ACCOUNT = "无银行账号"
BAD_ACCOUNT = "账号无效"
ACCOUNT_DIGITS = (12, 30)


def account_problem(account: str | None) -> str:
    """Why ``account`` cannot receive a transfer ("" when it can)."""
    if account is None or not account.strip():
        return NO_ACCOUNT
    digits = account.replace(" ", "")
    low, high = ACCOUNT_DIGITS
    if not digits.isdigit() or not low <= len(digits) <= high:
        return f"{BAD_ACCOUNT}（应为{low}–{high}位数字）"
    return ""


def transfer_problem(net: Decimal, account: str | None) -> str:
    """Why a payslip with ``net`` pay and ``account`` is not in the bank file ("" when it is)."""
    if net <= 0:
        return NO_PAY
    return account_problem(account)


def reconciles(bank: Iterable[Decimal], listed: Iterable[Decimal], net: Decimal) -> bool:
    """Σ bank file + Σ 另行发放/未发放 list = Σ 实发 (§8.6)."""
    return sum(bank, Decimal(0)) + sum(listed, Decimal(0)) == net
