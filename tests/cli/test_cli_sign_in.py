"""Signing in on the command line (issue 13, part 9): a password set by an administrator allows
nothing but changing it, and a role that may not do a command is refused before any password."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from tests.cli.test_cli_adjust import Cli
from tests.cli.test_cli_payroll import _seed
from ui.cli.main import build_parser
from workforce.persistence.accounts import User
from workforce.persistence.payroll import PayrollMonth
from workforce.services.accounts import auth
from workforce.services.context import Database


@pytest.fixture
def cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Cli]:
    """A calculated March; the administrator has a password and set the approver's."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    monkeypatch.delenv("WORKFORCE_PASSWORD", raising=False)
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    _seed(tool.path)
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Guangming2026")
    assert tool.run("user", "passwd")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Shenhe-2026")
    assert tool.run("user", "passwd", "shenhe")[0] == 0
    assert tool.run("payroll", "run", "--month", "2026-03")[0] == 0
    yield tool


def _status(path: Path) -> str:
    db = Database.open(str(path))
    try:
        with db.reading() as session:
            return session.scalars(select(PayrollMonth.status)).one()
    finally:
        db.close()


def test_a_password_set_by_the_administrator_allows_only_changing_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Shenhe-2026")
    refusal = cli.refused("payroll", "approve", "--month", "2026-03", "--user", "shenhe")
    assert "须先修改密码" in refusal and "workforce user passwd --user shenhe" in refusal
    assert "须先修改密码" in cli.refused("audit", "list", "--as", "shenhe")  # reading neither
    assert _status(cli.path) == "calculated"

    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Shenhe-own-2026")
    status, _, err = cli.run("user", "passwd", "--user", "shenhe")
    assert status == 0 and "已修改用户 shenhe 的密码" in err
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Shenhe-own-2026")
    assert cli.run("payroll", "approve", "--month", "2026-03", "--user", "shenhe")[0] == 0
    assert _status(cli.path) == "approved"


def test_a_role_that_may_not_is_refused_before_the_password(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKFORCE_PASSWORD")  # asking for it would be refused differently
    assert cli.refused("payroll", "lock", "--month", "2026-03", "--user", "shenhe") == (
        "错误：当前用户「shenhe」（审核员）无权执行此操作"
    )
    allowance = ("allowance", "set", "基础绩效", "-", "999", "--effective", "2026-04-01")
    assert "（财务）无权" in cli.refused(*allowance, "--user", "caiwu")
    # an unknown name goes on to the password like any other: nothing is said about it
    assert "须输入密码" in cli.refused("payroll", "lock", "--month", "2026-03", "--user", "nobody")
    assert "须输入密码" in cli.refused("payroll", "lock", "--month", "2026-03", "--user", "caiwu")
    db = Database.open(str(cli.path))
    try:
        with db.reading() as session:
            assert session.scalars(select(User.failed_logins)).all() == [0, 0, 0]
    finally:
        db.close()


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))
    if parser.get_default("handler") is not None:
        yield " ".join(path), parser


def test_every_command_declares_the_action_it_needs() -> None:
    """``opened`` checks the declared action before the password: a command without one would
    ask the password first again (None is a declaration: no role is refused)."""
    commands = dict(_commands(build_parser()))
    assert len(commands) > 70
    assert [name for name, parser in commands.items() if "needs" not in parser._defaults] == []
