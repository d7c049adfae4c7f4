"""``workforce backup`` end to end on a SQLite file: create, list with a preview, restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli_adjust import Cli, seed_workers
from tests.damage import damage_file


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def test_create_list_and_restore(cli: Cli) -> None:
    status, _, err = cli.run("backup", "create", "--reason", "年终前")
    assert status == 0 and "已备份到" in err
    seed_workers(cli.path)
    assert cli.run("backup", "create")[0] == 0

    listed = cli.json("backup", "list", "--json")
    assert [(b["reason"], b["workers"]) for b in listed] == [("手动", 2), ("年终前", 0)]
    assert listed[0]["last_locked_month"] is None and listed[0]["revision"]
    status, out, _ = cli.run("backup", "list")
    assert "年终前" in out and "人员 2（在职 2）" in out

    oldest = Path(listed[1]["file"]).name
    assert "加 --yes" in cli.refused("backup", "restore", oldest)
    assert cli.run("backup", "restore", oldest, "--yes")[0] == 0
    after = cli.json("backup", "list", "--json")
    assert after[0]["reason"] == "恢复前" and after[0]["workers"] == 2
    assert cli.json("stats", "--json")["headcount"] == 0


def test_restore_of_a_missing_file_is_one_line(cli: Cli) -> None:
    assert "找不到备份文件" in cli.refused("backup", "restore", "nope.db", "--yes")


def test_check_says_whether_the_file_is_intact(cli: Cli) -> None:
    status, out, err = cli.run("check")
    assert status == 0 and out == "" and "数据库完好" in err
    assert cli.run("demo", "--workers", "300", "--seed", "2")[0] == 0
    damage_file(cli.path)

    status, out, err = cli.run("check")
    assert status == 1 and out == ""
    assert f"数据库文件「{cli.path}」已损坏" in err and "workforce backup restore" in err
    assert "page" in err  # SQLite's own lines follow


def test_check_of_a_missing_file_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = Cli(tmp_path / "nothing.db", capsys)
    status, _, err = missing.run("check")
    assert status == 1 and "数据库文件不存在" in err and not missing.path.exists()
