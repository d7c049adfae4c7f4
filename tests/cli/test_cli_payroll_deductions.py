"""``workforce payroll deduction list|correct|end|delete`` end to end on SQLite: declarations
listed by person and unit, corrected, ended and deleted through the services, and the refusals a
clerk meets (unknown number, nothing changed, an approved month)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli_adjust import Cli
from tests.services.payroll_support import community, hire, user
from workforce.domain.vocab import Role
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.workers import load_worker


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def _seed(path: Path) -> list[str]:
    """Two workers: one in 光明社区, one in 朝阳社区; an approver."""
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        ids = [
            hire(db, admin, community(db, admin, name="光明社区"), 1),
            hire(db, admin, community(db, admin, name="朝阳社区"), 2),
        ]
        user(db, "shenhe", Role.APPROVER)
        return [load_worker(db, i).data.id_number for i in ids]
    finally:
        db.close()


def _add(cli: Cli, number: str, kind: str, amount: str, first: str) -> None:
    status, _, err = cli.run(
        "payroll", "deduction", "add", number, "--kind", kind, "--amount", amount, "--from", first
    )
    assert status == 0, err


def _listed(cli: Cli, *options: str) -> list[dict[str, object]]:
    document = cli.json("payroll", "deduction", "list", *options, "--json")
    rows: list[dict[str, object]] = document["declarations"]
    return rows


def test_list_by_person_and_unit(cli: Cli) -> None:
    first, second = _seed(cli.path)
    _add(cli, first, "住房租金", "1500", "2026-01")
    _add(cli, first, "子女教育", "2000", "2026-03")
    _add(cli, second, "赡养老人", "1000", "2026-01")

    everyone = _listed(cli)
    assert [(r["id_number"], r["kind"]) for r in everyone] == [
        (first, "住房租金"),
        (first, "子女教育"),
        (second, "赡养老人"),
    ]  # fmt: skip  (by street, community, name, then start month)
    mine = _listed(cli, "--id", first.lower())
    assert [(r["kind"], r["monthly_amount"], r["from_month"], r["to_month"]) for r in mine] == [
        ("住房租金", "1500.00", "2026-01", None),
        ("子女教育", "2000.00", "2026-03", None),
    ]
    assert [r["id_number"] for r in _listed(cli, "--unit", "新华街道/朝阳社区")] == [second]

    status, out, err = cli.run("payroll", "deduction", "list", "--unit", "光明社区")
    assert status == 0 and "共 2 条申报" in err
    assert f"\t{first}\t" in out and "每月 1,500.00\t2026年1月起长期" in out
    assert "没有身份证号为" in cli.refused("payroll", "deduction", "list", "--id", "X1")
    assert "没有名为「火星社区」" in cli.refused(
        "payroll", "deduction", "list", "--unit", "火星社区"
    )


def test_correct_end_and_delete(cli: Cli) -> None:
    first, _second = _seed(cli.path)
    _add(cli, first, "住房租金", "1500", "2026-01")
    _add(cli, first, "子女教育", "2000", "2026-01")
    rent, child = (r["id"] for r in _listed(cli, "--id", first))

    status, _, err = cli.run(
        "payroll", "deduction", "correct", str(rent), "--amount", "1,100", "--to", "2026-06"
    )
    assert status == 0, err
    assert "住房租金 每月 1,100.00，2026年1月至2026年6月" in err
    status, _, err = cli.run("payroll", "deduction", "correct", str(rent), "--open-ended")
    assert status == 0, err
    rows = {r["id"]: r for r in _listed(cli, "--id", first)}
    assert (rows[rent]["monthly_amount"], rows[rent]["to_month"]) == ("1100.00", None)
    assert "没有变化" in cli.refused("payroll", "deduction", "correct", str(rent), "--note", "")
    assert "不超过" in cli.refused(
        "payroll", "deduction", "correct", str(rent), "--amount", "99999"
    )

    status, _, err = cli.run("payroll", "deduction", "end", str(child), "--last", "2026-02")
    assert status == 0, err
    assert "扣除至2026年2月" in err
    assert _listed(cli, "--id", first)[1]["to_month"] == "2026-02"
    assert "不能早于起始月份" in cli.refused(
        "payroll", "deduction", "end", str(child), "--last", "2025-12"
    )

    # January is calculated and approved: a change reaching it is refused, naming the month.
    assert cli.run("payroll", "run", "--month", "2026-01")[0] == 0
    assert cli.run("payroll", "approve", "--month", "2026-01", "--user", "shenhe")[0] == 0
    assert "2026年1月工资已审核" in cli.refused("payroll", "deduction", "delete", str(child))
    assert cli.run("payroll", "return", "--month", "2026-01", "--reason", "更正申报")[0] == 0

    status, _, err = cli.run("payroll", "deduction", "delete", str(child))
    assert status == 0, err
    assert "已删除专项附加扣除申报" in err and "子女教育" in err
    assert [r["id"] for r in _listed(cli, "--id", first)] == [rent]
    assert "不存在" in cli.refused("payroll", "deduction", "delete", str(child))
    assert "不存在" in cli.refused("payroll", "deduction", "end", "999", "--last", "2026-05")
