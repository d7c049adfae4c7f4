"""``workforce payroll rates|bounds|layouts`` and ``payroll bank --layout`` end to end on SQLite."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.test_cli_adjust import Cli
from tests.cli.test_cli_payroll import _seed, adopt


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    tool = Cli(tmp_path / "w.db", capsys)
    assert tool.run("init")[0] == 0
    return tool


def test_rates_and_bounds_list_and_set(cli: Cli) -> None:
    listed = cli.json("payroll", "rates", "list", "--date", "2026-03-01", "--json")
    assert next((r["name"], r["employer_rate"]) for r in listed["rates"]) == ("养老", "0.160000")
    status, out, _ = cli.run("payroll", "rates", "list", "--date", "2026-03-01")
    assert status == 0
    assert "公积金\t单位 12%\t个人 12%\t到元\t2020-01-01起" in out

    status, _, err = cli.run(
        "payroll", "rates", "set", "养老", "--employer", "15%", "--individual", "8%",
        "--effective", "2026-07-01",
    )  # fmt: skip
    assert status == 0, err
    assert "已设置养老，单位 15%，个人 8%，到分，2026-07-01起生效" in err
    history = cli.json("payroll", "rates", "list", "--history", "--item", "pension", "--json")
    assert [h["effective_date"] for h in history["history"]] == ["2020-01-01", "2026-07-01"]
    assert "含义不明" in cli.refused(
        "payroll", "rates", "set", "养老", "--employer", "16", "--individual", "8%",
        "--effective", "2026-07-01",
    )  # fmt: skip

    assert cli.run(
        "payroll", "bounds", "set", "--floor", "5,000", "--ceiling", "25000",
        "--effective", "2026-07-01",
    )[0] == 0  # fmt: skip
    bounds = cli.json("payroll", "bounds", "list", "--date", "2026-07-01", "--json")
    assert bounds["bounds"] == [
        {"floor": "5000.00", "ceiling": "25000.00", "effective_date": "2026-07-01", "note": ""}
    ]
    assert "应小于上限" in cli.refused(
        "payroll", "bounds", "set", "--floor", "9", "--ceiling", "8", "--effective", "2026-08-01"
    )


def test_a_banks_own_layout_from_json_to_the_transfer_file(cli: Cli, tmp_path: Path) -> None:
    _seed(cli.path)
    adopt(cli.path)
    exported = tmp_path / "csv.json"
    assert cli.run("payroll", "layouts", "export", "csv", str(exported))[0] == 0
    document = json.loads(exported.read_text("utf-8"))
    document.update(
        name="工行", bank="中国工商银行", encoding="gbk", amount_format="fen", title_row=True
    )
    document["header"] = ["{bank},{month},{count},{total}"]
    mine = tmp_path / "icbc.json"
    mine.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    status, _, err = cli.run("payroll", "layouts", "import", str(mine))
    assert status == 0, err
    listed = cli.json("payroll", "layouts", "list", "--json")["layouts"]
    assert [(x["name"], x["builtin"]) for x in listed] == [
        ("default", True), ("csv", True), ("工行", False)
    ]  # fmt: skip

    net = Decimal(cli.json("payroll", "run", "--month", "2026-03", "--json")["net"])
    bank = tmp_path / "icbc.csv"
    assert "尚未审核" in cli.refused(  # nothing leaves before approval
        "payroll", "bank", "--month", "2026-03", str(bank), "--layout", "工行"
    )
    assert cli.run("payroll", "approve", "--month", "2026-03", "--user", "shenhe")[0] == 0
    status, _, err = cli.run("payroll", "bank", "--month", "2026-03", str(bank), "--layout", "工行")
    assert status == 0, err
    lines = bank.read_bytes().decode("gbk").splitlines()
    assert lines[0] == f"中国工商银行,2026年3月,2,{int(net * 100)}"
    assert lines[1] == "账号,户名,金额,身份证号,摘要"
    assert sum(int(line.split(",")[2]) for line in lines[2:]) == int(net * 100)

    document["columns"].append({"title": "账号", "field": "bank"})
    mine.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert "第 6 列「账号」：标题重复" in cli.refused("payroll", "layouts", "import", str(mine))
    assert "不能删除" in cli.refused("payroll", "layouts", "delete", "default")
    assert cli.run("payroll", "layouts", "delete", "工行")[0] == 0
    assert "没有名为「工行」" in cli.refused(
        "payroll", "bank", "--month", "2026-03", str(bank), "--layout", "工行"
    )
