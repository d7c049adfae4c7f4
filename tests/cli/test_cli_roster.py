"""``workforce roster``: what a clerk sees on the terminal, the exit status, the files written."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.roster_samples import messy_roster
from ui.cli.main import main


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "w.db"
    assert main(["--db", str(path), "init"]) == 0
    return str(path)


def test_rejected_rows_exit_2_with_one_line_per_problem(
    db_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = messy_roster(tmp_path / "花名册.xlsx")
    report = tmp_path / "错误.xlsx"
    capsys.readouterr()
    status = main(["--db", db_path, "roster", "import", str(sheet), "--errors", str(report)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert "错误 5 处（有错误时整表不导入；--valid-only 只导入无误的行）：" in lines
    assert (
        "工作表「花名册」 第11行 「岗位级别」列 值「13」：其他社区工作者的岗位等级应在1–12级之间"
    ) in lines
    assert any(line.startswith("工作表「花名册」 第8行 「身份证号码」列 值「150102198803140000」：")
               for line in lines)  # fmt: skip
    assert "有错误，未导入任何数据" in lines
    assert openpyxl.load_workbook(report).sheetnames == ["花名册", "问题清单"]
    assert main(["--db", db_path, "roster", "export", str(tmp_path / "空.xlsx")]) == 0
    assert "已导出 0 人" in capsys.readouterr().err


def test_dry_run_then_import_then_export_round_trip(
    db_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = str(messy_roster(tmp_path / "m.xlsx", errors=False))
    assert main(["--db", db_path, "roster", "import", sheet, "--dry-run", "--json"]) == 0
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert document["result"] is None
    assert [c["name"] for c in document["plan"]["creates"]] == ["张伟", "李娜", "王芳", "赵强"]
    assert document["plan"]["has_errors"] is False
    assert "试运行：未写入任何数据" in err
    assert "  新华街道/光明社区/第一网格" in err.splitlines()

    assert main(["--db", db_path, "roster", "import", sheet, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["result"]["created"] == 4
    assert "导入完成：新增 4 人，更新 0 人" in err

    exported = str(tmp_path / "导出.xlsx")
    export = ["roster", "export", exported, "--unit", "光明社区", "--full-id"]  # to import back
    assert main(["--db", db_path, *export]) == 0
    assert "已导出 3 人" in capsys.readouterr().err
    assert main(["--db", db_path, "roster", "import", exported, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "新增 0 人" in err
    assert "未变 3 人" in err


def test_template_and_clear_errors(
    db_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "模板.xlsx"
    assert main(["--db", db_path, "roster", "template", str(template)]) == 0
    assert template.exists()
    capsys.readouterr()
    assert main(["--db", db_path, "roster", "import", str(tmp_path / "无.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：文件")
    assert "Traceback" not in err
    assert main(["--db", db_path, "roster", "export", str(tmp_path / "x.csv")]) == 1
    assert "须保存为 .xlsx 文件" in capsys.readouterr().err
    assert (
        main(["--db", db_path, "roster", "export", str(tmp_path / "y.xlsx"), "--unit", "无此社区"])
        == 1
    )
    assert "没有名为「无此社区」的单位" in capsys.readouterr().err


FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("name", "rejected"),
    [
        ("roster-messy.xls", [4, 8, 9, 10, 11]),
        # the 街道 merged down rows 4–6 names rows 5–6 too (reports.ods_merges)
        ("roster-messy.ods", [4, 8, 9, 10, 11]),
    ],
)
def test_valid_only_imports_an_xls_or_ods_roster_and_writes_the_rejected_rows(
    name: str,
    rejected: list[int],
    db_path: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The messy roster as WPS or LibreOffice saved it (soffice --convert-to xls|ods)."""
    sheet = tmp_path / name
    sheet.write_bytes((FIXTURES / name).read_bytes())
    capsys.readouterr()
    assert main(["--db", db_path, "roster", "import", str(sheet)]) == 2  # all or nothing
    capsys.readouterr()

    status = main(["--db", db_path, "roster", "import", str(sheet), "--valid-only", "--json"])
    out, err = capsys.readouterr()
    assert status == 0
    assert json.loads(out)["result"]["rejected"] == rejected
    path = tmp_path / "roster-messy-未导入的行.xlsx"
    said = f"有错误的 {len(rejected)} 行未导入，已原样写入：{path}"
    assert any(line.startswith(said) for line in err.splitlines())
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[2][-1] == "问题"
    assert rows[3][4] == "张  伟"  # as typed
    assert [r[4] for r in rows[-4:]] == ["孙敏", "周杰", "吴刚", "郑丽"]
    assert main(["--db", db_path, "roster", "export", str(tmp_path / "out.xlsx")]) == 0
    assert f"已导出 {8 - len(rejected)} 人" in capsys.readouterr().err
