"""The adjustment commands end to end on a SQLite file: scales, appraisals from an .xlsx, users,
plan → override → approve by a second user → apply → show → revert, and one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.factories import make_worker
from ui.cli.main import main
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

DEMO_SCALE = Path(__file__).parents[2] / "workforce" / "data" / "demo-scale.csv"


class Cli:
    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def run(self, *args: str) -> tuple[int, str, str]:
        status = main(["--db", str(self.path), *args])
        out, err = self.capsys.readouterr()
        return status, out, err

    def json(self, *args: str) -> Any:
        status, out, err = self.run(*args)
        assert status == 0, err
        return json.loads(out)

    def refused(self, *args: str) -> str:
        status, out, err = self.run(*args)
        assert status != 0
        assert out == ""
        assert "Traceback" not in err
        last = err.strip().splitlines()[-1]
        assert last.startswith("错误：")
        return last


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def seed_workers(path: Path) -> list[tuple[int, str, str]]:
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        with db.transaction() as session:
            community = UnitResolver(session, admin, default_district_id(session)).resolve(
                "新华街道", "光明社区", None
            )[0]
        ids = [
            create_worker(db, admin, make_worker(community, 1, level=3, level_start_year=2023)),
            create_worker(db, admin, make_worker(community, 2, level=3, level_start_year=2024)),
        ]
        files = [load_worker(db, w).data for w in ids]
        return [(w, f.id_number, f.name) for w, f in zip(ids, files, strict=True)]
    finally:
        db.close()


def level_of(path: Path, worker_id: int) -> int:
    db = Database.open(str(path))
    try:
        return load_worker(db, worker_id).data.level
    finally:
        db.close()


def appraisal_book(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "考核结果"
    sheet.append(["2023–2025年度考核结果"])
    sheet.append(["身份证号", "姓名", "年度", "考核结果"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_scale_commands(cli: Cli) -> None:
    shown = cli.json("scale", "show", "--json")
    assert shown["effective_date"] == "2020-01-01"
    assert {"post": "staff", "level": 3, "monthly_pay": "3738.00"} in shown["table"]
    status, _, err = cli.run(
        "scale", "import", str(DEMO_SCALE), "--effective", "2026-01-01", "--name", "2026标准"
    )
    assert status == 0 and "长表，36个月标准" in err
    compared = cli.json("scale", "compare", "2020-01-01", "2026-01-01", "--json")
    assert not any(d["changed"] for d in compared["differences"])
    assert cli.refused("scale", "import", str(DEMO_SCALE), "--effective", "2026-01-01") == (
        "错误：2026-01-01已有薪酬标准「2026标准」，同一生效日期只能有一个版本"
    )
    assert "不是日期" in cli.refused("scale", "import", str(DEMO_SCALE), "--effective", "明年")
    assert cli.refused("scale", "show", "--effective", "1999-01-01") == (
        "错误：1999-01-01没有生效的薪酬标准"
    )


def test_plan_approve_apply_show_revert(cli: Cli, tmp_path: Path) -> None:
    (w1, n1, name1), (w2, n2, name2) = seed_workers(cli.path)
    rows = [(n1, name1, y, "称职") for y in (2023, 2024, 2025)]
    rows += [(n2, name2, 2024, "优秀"), (n2, name2, 2025, "优秀")]
    imported = cli.json(
        "appraisal", "import", str(appraisal_book(tmp_path / "kh.xlsx", rows)), "--json"
    )
    assert imported["result"]["created"] == 5
    assert [w["code"] for w in imported["result"]["warnings"]] == ["excellent_quota"] * 2

    assert cli.run("user", "add", "shenhe", "--role", "approver", "--name", "审核员")[0] == 0
    plan = cli.json("adjust", "plan", "--year", "2026", "--json")
    run_id = plan["run_id"]
    assert (plan["year"], plan["effective_date"], plan["since_last"]) == (2026, "2026-01-01", None)
    people = {p["id_number"]: p for p in plan["people"]}
    assert people[n1]["old_level"] == 3 and people[n1]["new_level"] == 4
    assert people[n1]["old_post"] == "其他社区工作者"
    assert people[n1]["reasons"] == ["任职年限晋级：2023–2025 连续三年称职，晋升1级"]
    assert people[n1]["monthly_delta"] == "170.00" and people[n1]["yearly_delta"] == "2040.00"
    assert people[n2]["reasons"][0].startswith("破格晋级：2024–2025 连续两年优秀")
    assert plan["summary"]["person_times"] == 2
    assert plan["summary"]["yearly_cost"] == "4080.00"
    assert plan["summary"]["by_district"] == {
        "示范区": {"person_times": 2, "yearly_cost": "4080.00"}
    }

    again = cli.json("adjust", "plan", "--year", "2026", "--json")
    assert again["since_last"] == {"added": [], "removed": [], "changed": []}
    run_id = again["run_id"]
    superseded = str(plan["run_id"])
    assert "不能再修改" in cli.refused("adjust", "exclude", superseded, n2, "--reason", "x")
    assert "--level" in cli.refused("adjust", "override", str(run_id), n2, "--reason", "x")
    status, _, err = cli.run(
        "adjust", "override", str(run_id), n2, "--level", "5", "--reason", "组织决定"
    )
    assert status == 0, err

    assert "双人复核" in cli.refused("adjust", "approve", str(run_id))
    assert "不存在" in cli.refused("adjust", "approve", str(run_id), "--user", "nobody")
    assert cli.run("adjust", "approve", str(run_id), "--user", "shenhe")[0] == 0
    status, _, err = cli.run("adjust", "apply", str(run_id))
    assert status == 0 and "调级 2 人次；计划所列 2 人" in err
    assert (level_of(cli.path, w1), level_of(cli.path, w2)) == (4, 5)

    out = tmp_path / "result.xlsx"
    shown = cli.json("adjust", "show", str(run_id), "--json", "--out", str(out))
    assert (shown["status"], shown["approved_by"]) == ("applied", "审核员")
    assert shown["summary"]["yearly_cost"] == "6120.00"
    assert {p["id_number"]: p["status"] for p in shown["people"]} == {
        n1: "changed",
        n2: "overridden",
    }
    book = openpyxl.load_workbook(out, data_only=True)
    assert book.sheetnames == ["汇总", "明细"]

    assert "不能重复调级" in cli.refused("adjust", "plan", "--year", "2026")
    assert cli.run("adjust", "revert", str(run_id), "--reason", "考核结果有误")[0] == 0
    assert (level_of(cli.path, w1), level_of(cli.path, w2)) == (3, 3)
    assert "已撤销" in cli.refused("adjust", "apply", str(run_id))


def test_appraisal_import_with_errors_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    (_, n1, name1), _ = seed_workers(cli.path)
    book = appraisal_book(
        tmp_path / "bad.xlsx", [(n1, name1, 2025, "称职"), (n1, "李四", 2024, "特优")]
    )
    report = tmp_path / "errors.xlsx"
    status, out, err = cli.run("appraisal", "import", str(book), "--errors", str(report), "--json")
    assert status == 2
    document = json.loads(out)
    assert document["result"] is None and document["plan"]["has_errors"]
    texts = [p["text"] for p in document["plan"]["problems"]]
    assert any("第4行 「姓名」列 值「李四」" in t for t in texts)
    assert any("值「特优」" in t for t in texts)
    assert "有错误，未导入任何数据" in err
    assert report.exists()
    status, out, _ = cli.run("appraisal", "import", str(book), "--dry-run", "--json")
    assert status == 2
    assert json.loads(out)["plan"]["created"] == 1  # the refused import wrote not even that row


def test_user_commands_need_an_administrator(cli: Cli) -> None:
    assert cli.run("user", "add", "luru", "--role", "clerk")[0] == 0
    assert "无权" in cli.refused("user", "add", "caiwu", "--role", "finance", "--user", "luru")
    assert "已存在" in cli.refused("user", "add", "luru", "--role", "clerk")
    users = cli.json("user", "list", "--json")
    assert [(u["username"], u["role"]) for u in users] == [("admin", "admin"), ("luru", "clerk")]
    assert "无权" in cli.refused("adjust", "approve", "1", "--user", "luru")


def test_list_runs_and_the_employer_share(cli: Cli, tmp_path: Path) -> None:
    (_, n1, name1), (_, n2, name2) = seed_workers(cli.path)
    rows = [(n1, name1, y, "称职") for y in (2023, 2024, 2025)]
    rows += [(n2, name2, 2024, "优秀"), (n2, name2, 2025, "优秀")]
    assert cli.run("appraisal", "import", str(appraisal_book(tmp_path / "kh.xlsx", rows)))[0] == 0
    assert cli.run("user", "add", "shenhe", "--role", "approver", "--name", "审核员")[0] == 0
    assert cli.run("user", "add", "caiwu", "--role", "finance", "--name", "财务")[0] == 0
    assert cli.json("adjust", "list", "--json") == []

    # the demo region's employer rates sum to 0.16 + 0.08 + 0.005 + 0.002 + 0.12 = 0.367; each
    # worker gains 170.00 a month: 170 × 0.367 = 62.39, 12 × 232.39 = 2788.68
    plan = cli.json("adjust", "plan", "--year", "2026", "--with-employer-share", "--json")
    assert [p["yearly_delta"] for p in plan["people"]] == ["2788.68", "2788.68"]
    assert plan["summary"]["yearly_cost"] == "5577.36"
    assert plan["summary"]["employer_share_rate"] == "0.367"
    run_id = str(plan["run_id"])
    assert cli.run("adjust", "approve", run_id, "--user", "shenhe")[0] == 0
    assert cli.run("adjust", "apply", run_id)[0] == 0

    runs = cli.json("adjust", "list", "--json", "--user", "caiwu")
    assert len(runs) == 1
    listed = runs[0]
    assert (listed["run_id"], listed["year"], listed["status"]) == (plan["run_id"], 2026, "applied")
    assert (listed["prepared_by"], listed["approved_by"], listed["applied_by"]) == (
        "系统管理员",
        "审核员",
        "系统管理员",
    )
    assert (listed["person_times"], listed["yearly_cost"]) == (2, "5577.36")
    assert listed["effective_date"] == "2026-01-01" and listed["applied_at"]
    assert cli.json("adjust", "list", "--year", "2025", "--json") == []
    status, out, _ = cli.run("adjust", "list", "--year", "2026")
    assert status == 0 and "2 人次" in out and "5,577.36 元" in out and "已应用" in out
    assert cli.json("adjust", "show", run_id, "--json", "--user", "caiwu")["status"] == "applied"
