"""The bank file written by a clerk's own layout: column order and titles, header total in the
layout's amount format, GBK encoding, and user data that stays text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from reports.payroll.bank_file import write_bank_file
from workforce.domain.payroll.bank_layout import BankColumn, BankLayout, amount_text
from workforce.domain.problems import ActionRefused
from workforce.services.payroll.bank import BankRow, BankView
from workforce.services.payroll.views import MonthHeader

HEADER = MonthHeader(
    dt.date(2026, 3, 1), "2026年3月", "示范地区", "locked", "已锁定", 0, "", "", ""
)
ROWS = (
    BankRow('=HYPERLINK("x")', "6222020000000001", "11010519491231002X", "工行", D("12345.60")),
    BankRow("李四", "6222020000000002", "11010519491231002X", "+建行", D("0.45")),
)
VIEW = BankView(HEADER, "2026年3月工资", ROWS, D("12346.05"), ())

ICBC = BankLayout(
    "工行批量",
    "中国工商银行",
    "工行网银批量代发",
    "csv",
    (
        BankColumn("收款人账号", "account"),
        BankColumn("收款人户名", "account_name"),
        BankColumn("金额（分）", "amount"),
        BankColumn("用途", "memo"),
        BankColumn("所属月份", "month"),
    ),
    ("{bank}代发,{count},{total}",),
    memo="{unit}{month}工资",
    encoding="gbk",
    amount_format="fen",
)


def test_csv_in_the_banks_order_encoding_and_amount_format(tmp_path: Path) -> None:
    path = tmp_path / "icbc.csv"
    write_bank_file(path, VIEW, ICBC)
    lines = list(csv.reader(io.StringIO(path.read_bytes().decode("gbk"))))
    assert lines[0] == ["中国工商银行代发", "2", "1234605"]
    assert lines[1] == ["收款人账号", "收款人户名", "金额（分）", "用途", "所属月份"]
    assert lines[2] == [
        "6222020000000001",
        '\'=HYPERLINK("x")',  # an apostrophe: Excel on finance's PC shows text, never a formula
        "1234560",
        "示范地区2026年3月工资",
        "2026年3月",
    ]
    assert sum(int(line[2]) for line in lines[2:]) == 1234605


def test_a_name_gbk_cannot_hold_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    rare = BankRow("王䶮", "6222020000000003", "11010519491231002X", "工行", D("100.00"))
    view = BankView(HEADER, "", (rare,), D("100.00"), ())
    path = tmp_path / "icbc.csv"
    with pytest.raises(ActionRefused, match="第 1 笔（王䶮）含有 GBK 编码无法表示的字「䶮」"):
        write_bank_file(path, view, ICBC)
    assert not path.exists()


def test_xlsx_keeps_user_data_as_text_and_the_total_in_the_header(tmp_path: Path) -> None:
    layout = BankLayout(
        "建行",
        "中国建设银行",
        "",
        "xlsx",
        (
            BankColumn("姓名", "account_name"),
            BankColumn("卡号", "account"),
            BankColumn("开户网点", "bank"),
            BankColumn("发放金额", "amount"),
        ),
        ("{unit}{month}代发", "合计笔数 {count}，合计金额 {total}"),
        amount_format="comma",
    )
    path = tmp_path / "ccb.xlsx"
    write_bank_file(path, VIEW, layout)
    sheet = openpyxl.load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][0] == "合计笔数 2，合计金额 12,346.05"
    assert values[2] == ("姓名", "卡号", "开户网点", "发放金额")
    name = sheet.cell(row=4, column=1)
    assert (name.value, name.data_type) == ('=HYPERLINK("x")', "s")  # text, not a formula
    assert sheet.cell(row=5, column=3).data_type == "s"
    assert sheet.cell(row=4, column=4).number_format == "#,##0.00"
    cached = openpyxl.load_workbook(path, data_only=True).active
    assert values[-1][0] == "合计"
    assert D(str(list(cached.iter_rows(values_only=True))[-1][3])) == D("12346.05")


def test_amount_formats() -> None:
    assert [amount_text(123456789, f) for f in ("plain", "comma", "fen")] == [
        "1234567.89",
        "1,234,567.89",
        "123456789",
    ]
    assert amount_text(-5, "plain") == "-0.05"
