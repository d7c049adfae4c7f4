"""The command line's conventions (issue 14): ``--db`` before or after the command, strict months,
text results on standard output, counts that agree and say what they count."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.cli.test_cli_adjust import Cli, appraisal_book, seed_workers
from tests.cli.test_cli_payroll import _seed
from ui.cli.main import main
from workforce.services.accounts import auth
from workforce.services.context import Database
from workforce.services.system import setup
from workforce.services.system.setup import InitReport


def test_db_is_accepted_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "after.db"
    assert main(["init", "--db", str(target)]) == 0
    assert target.exists()
    capsys.readouterr()
    assert main(["stats", "--json", "--db", str(target)]) == 0
    assert '"as_of"' in capsys.readouterr().out


def test_db_before_the_command_is_kept_when_not_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert main(["--db", str(before), "init"]) == 0
    assert before.exists()
    assert main(["--db", str(before), "init", "--db", str(after)]) == 0
    assert after.exists()


@pytest.mark.parametrize(
    "command",
    [
        ("payroll", "run", "--month", "2026-1"),
        ("payroll", "verify", "--month", "2026-3"),
        ("payroll", "deduction", "end", "1", "--last", "2026-1"),
    ],
)
def test_months_are_strict_yyyy_mm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    target = tmp_path / "w.db"
    assert main(["--db", str(target), "init"]) == 0
    capsys.readouterr()
    assert main(["--db", str(target), *command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    last = captured.err.strip().splitlines()[-1]
    assert last.startswith("错误：月份应写作 YYYY-MM（如 2026-03）")


def test_adjust_show_writes_its_summary_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``adjust show 1 2>/dev/null`` shows the run; with --json only the document is there."""
    target = tmp_path / "w.db"
    assert main(["--db", str(target), "init"]) == 0
    assert main(["--db", str(target), "adjust", "plan", "--year", "2026"]) == 0
    capsys.readouterr()
    assert main(["--db", str(target), "adjust", "show", "1"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("批次 1（2026年度，2026-01-01生效，已准备）：调级 0 人次")
    assert main(["--db", str(target), "adjust", "show", "1", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("{") and captured.err.startswith("批次 1")


def test_payroll_run_progress_counts_the_people_it_calculates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(tmp_path / "w.db", capsys)
    assert cli.run("init")[0] == 0
    _seed(cli.path)
    status, _, err = cli.run("payroll", "run", "--month", "2026-03")
    assert status == 0, err
    assert "计算 2/2 人 (100%)" in err
    assert "2026年3月：计算 2 人" in err


def test_adjust_apply_says_what_its_numbers_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two people in the plan, one moves a level: 1 人次, 2 people's state written."""
    cli = Cli(tmp_path / "w.db", capsys)
    assert cli.run("init")[0] == 0
    (_, n1, name1), _ = seed_workers(cli.path)
    rows = [(n1, name1, y, "称职") for y in (2023, 2024, 2025)]
    assert cli.run("appraisal", "import", str(appraisal_book(tmp_path / "kh.xlsx", rows)))[0] == 0
    assert cli.run("user", "add", "shenhe", "--role", "approver")[0] == 0
    plan = cli.json("adjust", "plan", "--year", "2026", "--json")
    assert plan["summary"]["person_times"] == 1 and len(plan["people"]) == 2
    assert cli.run("adjust", "approve", str(plan["run_id"]), "--user", "shenhe")[0] == 0
    status, _, err = cli.run("adjust", "apply", str(plan["run_id"]))
    assert status == 0, err
    assert "应用 2/2 人 (100%)" in err
    assert "已应用：调级 1 人次；计划所列 2 人的调级状态" in err


def test_user_add_uses_the_new_password_of_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set without --password, WORKFORCE_NEW_PASSWORD is the first password, and it says so."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    monkeypatch.delenv("WORKFORCE_PASSWORD", raising=False)
    cli = Cli(tmp_path / "w.db", capsys)
    assert cli.run("init")[0] == 0
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Guangming2026")
    assert cli.run("user", "passwd")[0] == 0
    monkeypatch.setenv("WORKFORCE_PASSWORD", "Guangming2026")
    monkeypatch.setenv("WORKFORCE_NEW_PASSWORD", "Shenhe-2026")
    status, _, err = cli.run("user", "add", "shenhe", "--role", "approver")
    assert status == 0, err
    assert "初始密码取自环境变量 WORKFORCE_NEW_PASSWORD" in err
    users = {u["username"]: u for u in cli.json("user", "list", "--json")}
    assert users["shenhe"]["has_password"]


def test_demo_reports_the_whole_time_of_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening (and migrating) the database counts too: a clock moved on by 7 s while the
    database opens shows in the time reported. No waiting: the clock is made to jump."""
    real, jump = time.perf_counter, [0.0]
    monkeypatch.setattr(time, "perf_counter", lambda: real() + jump[0])
    opening = setup.initialise

    def slow_opening(db: Database) -> InitReport:
        jump[0] += 7.0
        return opening(db)

    monkeypatch.setattr(setup, "initialise", slow_opening)
    assert main(["--db", str(tmp_path / "w.db"), "demo", "--workers", "5"]) == 0
    reported = capsys.readouterr().out.strip().splitlines()[-1]
    seconds = float(reported.rsplit("用时 ", 1)[1].split(" 秒")[0])
    assert seconds >= 7.0


def test_hints_name_a_real_next_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No approver yet: the hint says how to add one; then it names them; the lock has --month."""
    cli = Cli(tmp_path / "w.db", capsys)
    assert cli.run("init")[0] == 0
    seed_workers(cli.path)
    status, _, err = cli.run("payroll", "run", "--month", "2026-03")
    assert status == 0, err
    assert err.strip().splitlines()[-1] == (
        "下一步须由审核员完成，但还没有审核员账号：先添加一个"
        "（workforce user add 用户名 --role approver），"
        "再运行 workforce payroll approve --month 2026-03 --user 用户名"
    )
    assert cli.run("user", "add", "shenhe", "--role", "approver")[0] == 0
    err = cli.run("payroll", "run", "--month", "2026-03")[2]
    assert err.strip().splitlines()[-1] == (
        "下一步：workforce payroll approve --month 2026-03 --user shenhe"
    )
    status, _, err = cli.run("payroll", "approve", "--month", "2026-03", "--user", "shenhe")
    assert status == 0, err
    assert (
        err.strip().splitlines()[-1]
        == "下一步：workforce payroll lock --month 2026-03 --user admin"
    )
