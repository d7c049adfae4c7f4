"""``workforce user …`` and passwords on the command line: no prompt on the single-clerk
database, the acting user's password once any account has one, a wrong one is one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.cli.test_cli_adjust import Cli
from workforce.services.accounts import auth


@pytest.fixture
def cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Cli]:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    monkeypatch.delenv("WORKFORCE_PASSWORD", raising=False)
    monkeypatch.delenv("WORKFORCE_NEW_PASSWORD", raising=False)
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    yield tool


def test_passwords_are_required_once_the_administrator_has_one(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.run("user", "add", "luru", "--role", "clerk", "--scope", "示范区")[0] == 0
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "12345678")
    assert "不能全是数字" in cli.refused("user", "passwd")
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Guangming2026")
    assert cli.run("user", "passwd")[0] == 0
    # stdin is not a terminal under pytest: no password, no prompt, one clear line
    assert "WORKFORCE_PASSWORD" in cli.refused("user", "list")
    monkeypatch.setenv("WORKFORCE_PASSWORD", "wrong-password")
    assert cli.refused("user", "list") == "错误：用户名或密码不正确"
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    users = {u["username"]: u for u in cli.json("user", "list", "--json")}
    assert users["admin"]["has_password"] and not users["luru"]["has_password"]
    assert users["luru"]["scope_org_id"] is not None
    assert "尚未设置密码" in cli.refused("user", "list", "--user", "luru")
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Xinhua-2026")
    assert cli.run("user", "passwd", "luru")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Xinhua-2026")
    assert "无权" in cli.refused("user", "unlock", "admin", "--user", "luru")


def test_lock_out_unlock_role_and_deactivate(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Shenhe-2026")
    assert "请先为当前用户「admin」设置密码" in cli.refused(
        "user", "add", "shenhe", "--role", "approver", "--password"
    )
    assert cli.json("user", "list", "--json")[-1]["username"] == "admin"  # nothing half-done
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Guangming2026")
    assert cli.run("user", "passwd")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Shenhe-2026")
    assert cli.run("user", "add", "shenhe", "--role", "approver", "--password")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "nope-nope")
    for _ in range(4):
        assert "不正确" in cli.refused("user", "list", "--user", "shenhe")
    assert "已锁定" in cli.refused("user", "list", "--user", "shenhe")
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Shenhe-2026")
    assert "已锁定" in cli.refused("user", "list", "--user", "shenhe")
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    assert cli.json("user", "list", "--json")[1]["locked"]
    assert cli.run("user", "unlock", "shenhe")[0] == 0
    assert cli.run("user", "role", "shenhe", "finance", "--scope", "示范区")[0] == 0
    shenhe = cli.json("user", "list", "--json")[1]
    assert (shenhe["role"], shenhe["locked"]) == ("finance", False)
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Shenhe-2026")
    assert "无权" in cli.refused("user", "deactivate", "admin", "--user", "shenhe")
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    assert cli.run("user", "deactivate", "shenhe")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Shenhe-2026")
    assert "已停用" in cli.refused("user", "list", "--user", "shenhe")
