"""Passwords and logging in: argon2 hashes, the policy, lock-out, unlock, deactivate, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry, Setting, User
from workforce.services.accounts import auth
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.auth import (
    authenticate,
    change_own_password,
    initial_password_due,
    login_required,
    password_change_due,
    set_initial_password,
)
from workforce.services.accounts.users import (
    create_user,
    deactivate_user,
    list_users,
    reset_password,
    set_role,
    unlock_user,
)
from workforce.services.context import Actor, Database

NOW = dt.datetime.now(dt.UTC)  # list_users compares lock-outs with the real clock


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap argon2 parameters: the tests are about the rules, not the cost."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    yield


def _hash(db: Database, username: str) -> str:
    with db.reading() as session:
        return session.scalars(select(User.password_hash).where(User.username == username)).one()


def test_the_first_password_makes_everybody_log_in(db: Database) -> None:
    assert initial_password_due(db) and not login_required(db)
    admin = set_initial_password(db, "Guangming2026")
    assert admin.role is Role.ADMIN
    assert login_required(db) and not initial_password_due(db)
    assert _hash(db, "admin").startswith("$argon2id$")
    assert "Guangming2026" not in _hash(db, "admin")
    with pytest.raises(ActionRefused, match="已设置"):
        set_initial_password(db, "Another2026")
    with pytest.raises(ActionRefused, match="已启用密码登录"):
        actor_for(db)  # no more acting by name alone
    assert authenticate(db, "admin", "Guangming2026").user_id == admin.user_id
    assert not password_change_due(db, admin)


@pytest.mark.parametrize(
    ("password", "message"),
    [("Ab1", "至少8个字符"), ("12345678", "不能全是数字"), ("LIURU001", "不能与用户名相同")],
)
def test_the_password_policy_speaks_chinese(db: Database, password: str, message: str) -> None:
    admin = set_initial_password(db, "Guangming2026")
    create_user(db, admin, "liuru001", "刘茹", Role.CLERK)
    with pytest.raises(ActionRefused, match=message):
        reset_password(db, admin, "liuru001", password)
    assert _hash(db, "liuru001") == ""


def test_wrong_passwords_lock_the_account_then_admin_unlocks(db: Database) -> None:
    admin = set_initial_password(db, "Guangming2026")
    create_user(db, admin, "luru", "录入甲", Role.CLERK)
    reset_password(db, admin, "luru", "Xinhua-2026")
    with db.transaction() as session:
        session.add(Setting(key="login_max_failures", value=3))
    for _ in range(2):
        with pytest.raises(ActionRefused, match="用户名或密码不正确"):
            authenticate(db, "luru", "wrong-one", now=NOW)
    with pytest.raises(ActionRefused, match="已锁定"):
        authenticate(db, "luru", "wrong-one", now=NOW)
    with pytest.raises(ActionRefused, match="已锁定"):  # even the right password, while locked
        authenticate(db, "luru", "Xinhua-2026", now=NOW + dt.timedelta(minutes=14))
    later = NOW + dt.timedelta(minutes=16)  # 15 minutes by default
    clerk = authenticate(db, "luru", "Xinhua-2026", now=later)
    assert clerk.role is Role.CLERK and password_change_due(db, clerk)
    for _ in range(3):
        with pytest.raises(ActionRefused):
            authenticate(db, "luru", "wrong-one", now=later)
    assert [u.locked_until is not None for u in list_users(db)] == [False, True]
    unlock_user(db, admin, "luru")
    assert authenticate(db, "luru", "Xinhua-2026", now=later).username == "luru"
    with db.reading() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.changes, AuditEntry.note).where(
                AuditEntry.entity == "app_user"
            )
        ).all()
    actions = [a for a, _, _ in entries]
    assert actions.count("login_failed") == 6 and actions.count("lock") == 2
    assert {"unlock", "login", "reset_password", "change_password"} <= set(actions)
    text = repr(entries)
    assert "Xinhua-2026" not in text and "argon2" not in text and "wrong-one" not in text


def test_unknown_and_deactivated_users_cannot_log_in(db: Database) -> None:
    admin = set_initial_password(db, "Guangming2026")
    create_user(db, admin, "shenhe", "审核乙", Role.APPROVER)
    reset_password(db, admin, "shenhe", "Shenhe-2026")
    with pytest.raises(ActionRefused, match="用户名或密码不正确"):
        authenticate(db, "Secret-typed-as-name", "whatever1")
    with db.reading() as session:
        failed = session.execute(
            select(AuditEntry.username, AuditEntry.note).where(AuditEntry.action == "login_failed")
        ).one()
    assert failed == ("（未知用户）", "无此用户名")  # never what was typed
    deactivate_user(db, admin, "shenhe")
    with pytest.raises(ActionRefused, match="已停用"):
        authenticate(db, "shenhe", "Shenhe-2026")
    with pytest.raises(ActionRefused, match="唯一的管理员"):
        set_role(db, admin, "admin", Role.CLERK)
    with pytest.raises(ActionRefused, match="当前登录"):
        deactivate_user(db, admin, "admin")


def test_users_change_their_own_password(db: Database) -> None:
    admin = set_initial_password(db, "Guangming2026")
    create_user(db, admin, "caiwu", "财务丙", Role.FINANCE)
    reset_password(db, admin, "caiwu", "Caiwu-2026")
    finance = authenticate(db, "caiwu", "Caiwu-2026")
    assert password_change_due(db, finance)
    with pytest.raises(ActionRefused, match="当前密码不正确"):
        change_own_password(db, finance, "nope-nope", "Better-2026")
    change_own_password(db, finance, "Caiwu-2026", "Better-2026")
    assert not password_change_due(db, finance)
    with pytest.raises(ActionRefused):
        authenticate(db, "caiwu", "Caiwu-2026")
    assert authenticate(db, "caiwu", "Better-2026").username == "caiwu"


def test_hashes_made_with_old_parameters_are_renewed_at_login(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_initial_password(db, "Guangming2026")
    old = _hash(db, "admin")
    stronger = PasswordHasher(time_cost=2, memory_cost=2048)
    assert stronger.check_needs_rehash(old)
    monkeypatch.setattr(auth, "HASHER", stronger)
    authenticate(db, "admin", "Guangming2026")
    renewed = _hash(db, "admin")
    assert renewed != old and not stronger.check_needs_rehash(renewed)
    assert authenticate(db, "admin", "Guangming2026").username == "admin"


def test_only_an_administrator_manages_users(db: Database, admin: Actor) -> None:
    create_user(db, admin, "luru", "录入甲", Role.CLERK)
    clerk = actor_for(db, "luru")
    for call in (
        lambda: create_user(db, clerk, "other", "", Role.CLERK),
        lambda: reset_password(db, clerk, "luru", "Xinhua-2026"),
        lambda: unlock_user(db, clerk, "admin"),
        lambda: deactivate_user(db, clerk, "admin"),
        lambda: set_role(db, clerk, "luru", Role.ADMIN),
    ):
        with pytest.raises(ActionRefused, match="无权"):
            call()


def _calculated_month(db: Database, admin: Actor) -> None:
    from tests.services.payroll_support import community, hire
    from workforce.services.payroll.calc import calculate_month

    hire(db, admin, community(db, admin), 1)
    calculate_month(db, admin, "2026-03")


def _month_status(db: Database) -> str:
    from workforce.persistence.payroll import PayrollMonth

    with db.reading() as session:
        return session.scalars(select(PayrollMonth.status)).one()


def test_a_password_set_by_an_administrator_must_be_changed_before_anything_else(
    db: Database,
) -> None:
    from workforce.services.accounts.acting_user import sign_in
    from workforce.services.payroll.lifecycle import approve_month

    admin = set_initial_password(db, "Guangming2026")
    _calculated_month(db, admin)
    create_user(db, admin, "shenhe", "审核甲", Role.APPROVER, password="Shenhe-2026")

    approver = authenticate(db, "shenhe", "Shenhe-2026")  # the desktop's "sign as" at one desk
    assert approver.must_change_password
    with pytest.raises(ActionRefused, match=r"须先修改密码.*workforce user passwd --user shenhe"):
        approve_month(db, approver, "2026-03")
    with pytest.raises(ActionRefused, match="须先修改密码"):
        sign_in(db, "shenhe", lambda: "Shenhe-2026")  # the command line: nothing at all
    assert _month_status(db) == "calculated"

    own = sign_in(db, "shenhe", lambda: "Shenhe-2026", changing_password=True)
    changed = change_own_password(db, own, "Shenhe-2026", "Shenhe-own-2026")
    assert not changed.must_change_password
    approve_month(db, sign_in(db, "shenhe", lambda: "Shenhe-own-2026"), "2026-03")
    assert _month_status(db) == "approved"


def test_the_role_is_checked_before_the_password_is_asked(db: Database) -> None:
    from workforce.domain.accounts.permissions import Action
    from workforce.services.accounts.acting_user import sign_in

    admin = set_initial_password(db, "Guangming2026")
    create_user(db, admin, "shenhe", "审核甲", Role.APPROVER, password="Shenhe-2026")

    def never() -> str:
        raise AssertionError("the password was asked")

    with pytest.raises(ActionRefused, match="当前用户「shenhe」（审核员）无权执行此操作"):
        sign_in(db, "shenhe", never, action=Action.LOCK_PAYROLL)
    with pytest.raises(ActionRefused, match="用户名或密码不正确"):  # an unknown name: no hint
        sign_in(db, "nobody", lambda: "whatever-2026", action=Action.LOCK_PAYROLL)
    with db.reading() as session:
        failures = session.scalars(select(User.failed_logins).where(User.username == "shenhe"))
        assert failures.one() == 0  # refusing the role is not a failed login
