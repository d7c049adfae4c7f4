"""Audit scenarios for accounts and logging in, and for the district's bank layouts.

Accounts are configuration (issue 7): a failed login counts failures and may lock the account,
so it leaves an audit row like any other change, and no row ever holds a password or its hash
(each scenario names the passwords it typed as ``secrets``; the test also looks for argon2).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.audit.scenarios import ANY_TEXT, Expect, Service, World, scenario
from workforce.domain.payroll.bank_layout import BankColumn, BankLayout
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.migrate import current_revision
from workforce.services.accounts.auth import authenticate
from workforce.services.accounts.export_audit import FULL_EXPORT
from workforce.services.accounts.users import create_user, reset_password
from workforce.services.backup import create_backup
from workforce.services.context import Actor
from workforce.services.payroll.bank_layouts import save_layout

NOW = dt.datetime(2026, 3, 15, 9, 0, tzinfo=dt.UTC)
LOCKED = "2026-03-15T09:15+00:00"  # NOW + the default 15 minutes
ADMIN_PASSWORD = "Guangming-2026"
CLERK_PASSWORD = "Xinhua-2026"
WRONG = "wrong-guess-1"


def _clerk(w: World) -> Actor:
    """录入员 luru with a password (the administrator needs one first to give one)."""
    reset_password(w.db, w.admin, w.admin.username, ADMIN_PASSWORD)
    user_id = create_user(w.db, w.admin, "luru", "录入员", Role.CLERK, password=CLERK_PASSWORD)
    return Actor(user_id, "luru", Role.CLERK)


def _fail(w: World, times: int) -> None:
    for _ in range(times):
        with pytest.raises(ActionRefused):
            authenticate(w.db, "luru", WRONG, now=NOW)


SECRETS = (ADMIN_PASSWORD, CLERK_PASSWORD, WRONG)


# -- logging in and passwords ----------------------------------------------------------------


@scenario("accounts.auth:authenticate")
def _authenticate(w: World, login: Service) -> tuple[Expect, ...]:
    clerk = _clerk(w)
    _fail(w, 4)
    with pytest.raises(ActionRefused, match="已锁定"):
        login(w.db, "luru", WRONG, now=NOW)  # the fifth wrong password in a row locks
    failed = Expect(
        "login_failed", "app_user", clerk.user_id, {"failed_logins": ("4", "0")}, clerk, SECRETS
    )
    return failed, Expect("lock", "app_user", clerk.user_id, {"locked_until": (None, LOCKED)})


@scenario("accounts.auth:change_own_password")
def _change_own_password(w: World, change: Service) -> Expect:
    clerk = _clerk(w)
    change(w.db, clerk, CLERK_PASSWORD, "Xinhua-2027")
    changes = {"must_change_password": ("是", "否")}
    secrets = (*SECRETS, "Xinhua-2027")
    return Expect("change_password", "app_user", clerk.user_id, changes, secrets=secrets)


@scenario("accounts.auth:set_initial_password")
def _initial_password(w: World, set_first: Service) -> Expect:
    admin = set_first(w.db, ADMIN_PASSWORD)
    assert admin == w.admin
    return Expect("change_password", "app_user", w.admin.user_id, actor=admin, secrets=SECRETS)


# -- user management -------------------------------------------------------------------------


@scenario("accounts.users:reset_password")
def _reset_password(w: World, reset: Service) -> Expect:
    clerk = _clerk(w)
    _fail(w, 2)
    reset(w.db, w.admin, "luru", "Xinhua-2028")
    changes = {"failed_logins": ("2", "0")}
    secrets = (*SECRETS, "Xinhua-2028")
    return Expect("reset_password", "app_user", clerk.user_id, changes, secrets=secrets)


@scenario("accounts.users:unlock_user")
def _unlock(w: World, unlock: Service) -> Expect:
    clerk = _clerk(w)
    _fail(w, 5)
    unlock(w.db, w.admin, "luru")
    changes = {"locked_until": (LOCKED, None)}
    return Expect("unlock", "app_user", clerk.user_id, changes, secrets=SECRETS)


@scenario("accounts.users:deactivate_user")
def _deactivate(w: World, deactivate: Service) -> Expect:
    deactivate(w.db, w.admin, w.approver.username)
    return Expect("deactivate", "app_user", w.approver.user_id, {"active": ("是", "否")})


@scenario("accounts.users:set_role")
def _set_role(w: World, set_role: Service) -> Expect:
    set_role(w.db, w.admin, w.approver.username, Role.FINANCE)
    return Expect("set_role", "app_user", w.approver.user_id, {"role": ("approver", "finance")})


# -- bank layouts (代发格式, settings keyed by name: the note names the layout) ----------------

ABC = BankLayout(
    "农行",
    "中国农业银行",
    "农行代发模板",
    "csv",
    (
        BankColumn("账号", "account"),
        BankColumn("户名", "account_name"),
        BankColumn("金额", "amount"),
    ),
)


@scenario("payroll.bank_layouts:save_layout")
def _save_layout(w: World, save: Service) -> Expect:
    save(w.db, w.admin, ABC)
    return Expect(
        "create", "bank_layout", None, {"name": (None, "农行"), "bank": (None, "中国农业银行")}
    )


@scenario("payroll.bank_layouts:delete_layout")
def _delete_layout(w: World, delete: Service) -> Expect:
    save_layout(w.db, w.admin, ABC)
    delete(w.db, w.admin, "农行")
    return Expect(
        "delete", "bank_layout", None, {"name": ("农行", None), "file_type": ("csv", None)}
    )


# -- the database (恢复) ----------------------------------------------------------------------


@scenario("backup:restore")
def _restore(w: World, restore: Service) -> Expect:
    if w.db.engine.dialect.name != "sqlite":
        pytest.skip("a server database is restored by its administrator (pg_restore)")
    head = current_revision(w.db.engine)
    copy = create_backup(w.db, w.admin)
    restore(w.db, w.admin, copy)
    return Expect("restore", "database", None, {"revision": (ANY_TEXT, head)})


# -- exports with full numbers (完整证件号导出留痕) -------------------------------------------


@scenario("accounts.export_audit:record_full_numbers")
def _full_numbers(w: World, record: Service) -> Expect:
    record(w.db, w.admin, "花名册", 2)
    return Expect(FULL_EXPORT, "export", None, {}, w.admin)
