"""Certificates, training and the pipeline from the command line, end to end on a SQLite file:
certs import (refused whole, then applied), reminders --json, training import, pipeline move and
eligible --json, and the three .xlsx exports read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.factories import make_worker
from ui.cli.main import main
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.appraisals import AppraisalEntry, record_appraisals
from workforce.services.context import Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

ON = "2026-03-01"


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


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def seed(path: Path) -> list[tuple[str, str]]:
    """Two workers of 光明社区 with passing appraisals for 2024 and 2025."""
    db = Database.open(str(path))
    try:
        admin = actor_for(db)
        with db.transaction() as session:
            community = UnitResolver(session, admin, default_district_id(session)).resolve(
                "新华街道", "光明社区", None
            )[0]
        ids = [create_worker(db, admin, make_worker(community, n)) for n in (1, 2)]
        for year in (2024, 2025):
            entries = [AppraisalEntry(w, "称职") for w in ids]
            record_appraisals(db, admin, year, entries, today=dt.date(2026, 3, 1))
        return [(load_worker(db, w).data.id_number, load_worker(db, w).data.name) for w in ids]
    finally:
        db.close()


def book(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    sheet.append(["（标题）"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_certificates_reminders_training_and_pipeline(cli: Cli, tmp_path: Path) -> None:
    (n1, name1), (n2, name2) = seed(cli.path)
    header = ["身份证号", "姓名", "证书等级", "证书编号", "取得日期", "登记日期"]
    bad = book(
        tmp_path / "bad.xlsx",
        header,
        [
            [n1, name1, "中级", "S-1", "2020-01-01", "2020-06-01"],
            [n2, "李四", "助理", "A-2", None, None],
        ],
    )
    status, out, err = cli.run(
        "certs", "import", str(bad), "--errors", str(tmp_path / "err.xlsx"), "--json"
    )
    assert status == 2 and "有错误，未导入任何数据" in err
    plan = json.loads(out)["plan"]
    assert [(p["code"], p["where"]["row"], p["where"]["column"]) for p in plan["problems"]] == [
        ("name_mismatch", 4, "姓名")
    ]
    report = openpyxl.load_workbook(tmp_path / "err.xlsx")
    assert report.sheetnames == ["名单", "问题清单"]
    assert "姓名与该身份证号" in str(report["名单"].cell(4, 7).value)
    assert cli.json("certs", "show", n1, "--json")["certificates"] == []

    good = book(
        tmp_path / "certs.xlsx",
        header,
        [
            [n1, name1, "中级", "S-1", "2020-01-01", "2020-06-01"],
            [n1, name1, "中级", "S-1", "2020-01-01", "2023-05-20"],
            [n2, name2, "助理", "A-2", "2022-10-01", "2023-06-10"],
        ],
    )
    result = cli.json("certs", "import", str(good), "--json")["result"]
    assert (result["created"], result["updated"]) == (2, 0)
    shown = cli.json("certs", "show", n1, "--json")["certificates"][0]
    assert shown["registrations"] == ["2020-06-01", "2023-05-20"]
    assert (shown["valid_until"], shown["allowance_from"]) == ("2026-05-19", "2020-07-01")

    signin = book(tmp_path / "signin.xlsx", ["序号", "姓名", "签名"], [[1, name1, "✓"]])
    session = ["--session-title", "社工继续教育", "--date", "2025-09-01", "--hours", "24"]
    status, _, err = cli.run("training", "import", str(signin), *session, "--level", "市级")
    assert status == 0, err

    reminders = cli.json("reminders", "--date", ON, "--json")
    found = {(r["id_number"], r["kind"]) for r in reminders["reminders"]}
    assert found == {
        (n1, "registration_lapsing"),
        (n1, "ce_short"),
        (n1, "yearly_short"),
        (n2, "ce_short"),
        (n2, "yearly_short"),
    }
    lapsing = next(r for r in reminders["reminders"] if r["kind"] == "registration_lapsing")
    assert lapsing["text"] == "社会工作师登记有效期至2026-05-19，还有80天到期，请办理再登记"

    reserve = ["pipeline", "move", n1, "--stage", "后备人选", "--target-role", "副职"]
    status, _, err = cli.run(
        *reserve, "--date", "2025-12-01", "--reason", "民主推荐", "--source", "组织推荐"
    )
    assert status == 0, err
    status, _, err = cli.run(*reserve, "--date", "2025-12-02", "--reason", "重复")
    assert status == 1 and err.strip() == "错误：「测试1」：已是副职后备人选（自2025-12-01）"
    listing = cli.json("pipeline", "eligible", "--target", "副职", "--date", ON, "--json")
    people = {p["id_number"]: p for p in listing["people"]}
    assert set(people) == {n1, n2} and listing["eligible"] == 0
    assert people[n1]["pool_since"] == "2025-12-01"
    assert people[n1]["reasons"] == ["2025年培训24学时，不足40学时"]
    assert people[n2]["reasons"] == ["2025年培训0学时，不足40学时"]
    assert people[n2]["checks"][1] == {
        "rule": "community_years",
        "passed": True,
        "text": "社区工作8年，满足3年",
    }
    pool = cli.json("pipeline", "eligible", "--target", "副职", "--pool", "--date", ON, "--json")
    assert [p["id_number"] for p in pool["people"]] == [n1]
    assert cli.json("pipeline", "history", n1, "--json")["history"][0]["source"] == "组织推荐"

    exports = {
        "register": ("certs", "export", str(tmp_path / "register.xlsx"), "--date", ON),
        "compliance": (
            "training",
            "compliance",
            "--year",
            "2025",
            "--xlsx",
            str(tmp_path / "c.xlsx"),
        ),
        "eligible": (
            "pipeline",
            "eligible",
            "--target",
            "副职",
            "--xlsx",
            str(tmp_path / "e.xlsx"),
        ),
    }
    for args in exports.values():
        status, _, err = cli.run(*args)
        assert status == 0, err
    register = openpyxl.load_workbook(tmp_path / "register.xlsx")["证书台账"]
    assert [c.value for c in register[3]][3:6] == [name1, n1, "社会工作师"]
    assert register.cell(3, 12).value == "即将到期"
    summary = openpyxl.load_workbook(tmp_path / "c.xlsx")["汇总"]
    assert [c.value for c in summary[3]] == ["新华街道", "光明社区", 2, 0, 2, 56, 2, 2]
    assert summary.cell(4, 3).value == "=SUM(C3:C3)"
    eligible = openpyxl.load_workbook(tmp_path / "e.xlsx")["资格审查"]
    assert eligible.cell(3, 6).value == "不符合"


def test_certificates_valid_only_imports_the_good_row_and_hands_back_the_bad(
    cli: Cli, tmp_path: Path
) -> None:
    (n1, name1), (n2, _name2) = seed(cli.path)
    header = ["身份证号", "姓名", "证书等级", "证书编号", "取得日期", "登记日期"]
    bad = book(
        tmp_path / "证书.xlsx",
        header,
        [
            [n1, name1, "中级", "S-1", "2020-01-01", "2020-06-01"],
            [n2, "李四", "助理", "A-2", None, None],
        ],
    )
    status, out, err = cli.run("certs", "import", str(bad), "--valid-only", "--json")
    assert status == 0, err
    assert json.loads(out)["result"]["rejected"] == [4]
    left_out = tmp_path / "证书-未导入的行.xlsx"
    said = f"有错误的 1 行未导入，已原样写入：{left_out}（“问题”列说明原因；改正后导入该文件即可）"
    assert said in err
    rows = list(openpyxl.load_workbook(left_out).active.values)
    assert rows[1] == (*header, "问题")
    assert rows[2][:2] == (n2, "李四") and "姓名与该身份证号" in rows[2][-1]
    assert len(rows) == 3
    assert len(cli.json("certs", "show", n1, "--json")["certificates"]) == 1
    assert cli.json("certs", "show", n2, "--json")["certificates"] == []
