"""The payroll screen's 办理人 picker starts on the signed-in account unless it did the calculation
(a finance clerk signed in to lock should not find the administrator chosen for them)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from ui.desktop.payroll.accounts import AccountPicker
from workforce.domain.vocab import Role
from workforce.services.accounts.users import UserInfo

pytestmark = pytest.mark.gui

WHEN = dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)


def _user(user_id: int, username: str, name: str, role: Role) -> UserInfo:
    return UserInfo(user_id, username, name, role, True, WHEN, has_password=True)


USERS = [
    _user(1, "admin", "系统管理员", Role.ADMIN),
    _user(2, "shenhe", "审核员", Role.APPROVER),
    _user(3, "caiwu", "财务", Role.FINANCE),
]


@pytest.mark.parametrize(
    ("current", "calculated", "chosen"),
    [
        ("caiwu", "系统管理员 2026-07-31 09:00", "caiwu"),  # finance signed in to lock
        ("shenhe", "系统管理员 2026-07-31 09:00", "shenhe"),  # the approver signed in
        ("admin", "系统管理员 2026-07-31 09:00", "shenhe"),  # the calculator: someone else
        ("admin", "", "admin"),  # nothing calculated yet
    ],
)
def test_picker_prefers_the_signed_in_account_unless_it_calculated(
    qtbot: QtBot, current: str, calculated: str, chosen: str
) -> None:
    picker = AccountPicker()
    qtbot.addWidget(picker)
    picker.set_accounts(USERS, current, calculated)
    assert picker.currentData() == chosen


def test_picker_keeps_what_the_clerk_chose(qtbot: QtBot) -> None:
    picker = AccountPicker()
    qtbot.addWidget(picker)
    picker.set_accounts(USERS, "caiwu", "系统管理员 2026-07-31 09:00")
    picker.setCurrentIndex(picker.findData("admin"))
    picker.set_accounts(USERS, "caiwu", "系统管理员 2026-07-31 09:00")
    assert picker.currentData() == "admin"
