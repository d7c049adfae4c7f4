"""Roster workbooks as clerks really send them, built in code (no binary in the repository).

``messy_roster`` has a merged title row, a two-row header with a merged 社工证 group, aliases
for half the headers, a 街道 merged down several rows, dates typed every way, names padded with
spaces, a footer row, and (when asked) the classic mistakes: an ID typed as a number, a bad check
digit, a duplicate, a level outside the post's range. ``MESSY_ROWS`` says which Excel row holds
which case so tests can assert on exact positions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from workforce.domain.idcard import make_id_number

BORN = dt.date(1988, 3, 14)


def person_id(sequence: int, birth: dt.date = BORN, male: bool = True) -> str:
    return make_id_number("150102", birth, sequence, male)


def excel_serial(day: dt.date) -> int:
    """A date as Excel stores it when the cell is formatted as a number."""
    return (day - dt.date(1899, 12, 30)).days


TITLE = "示范区社区工作者花名册（2025年12月）"
PARENT = [
    "序号", "街道/乡镇", "社区（村）", "网格", "姓  名", "性别", "身份证号码", "出生年月",
    "政治面貌", "学历", "进社区时间", "岗位", "岗位级别", "社工证", None, None, "手机号码",
    "银行卡号", "备注",
]  # fmt: skip
CHILD = [None] * 13 + ["等级", "取得日期", "登记日期"] + [None] * 3
HEADER_LAST_ROW = 3  # Excel row of the header's last line


@dataclass(frozen=True)
class MessyRow:
    """One person line of the messy sheet: the cells as typed."""

    street: str | None
    community: str
    grid: str | None
    name: str
    sex: str | None
    id_cell: object
    birth: object
    political: str
    education: str
    community_start: object
    post: str
    level: object
    certificate: tuple[object, object, object] = (None, None, None)
    phone: object = None
    account: object = None
    remarks: str | None = None


def _rows(errors: bool) -> list[MessyRow]:
    rows = [
        MessyRow("新华街道", "光明社区", "第一网格", "张  伟", "男", person_id(1), "1988.03",
                 "党员", "大学本科", "2015.03", "其他", 3, ("助理", "2019-06-16", "2019.9"),
                 13800000001, "6222020200112233446"),
        MessyRow(None, "光明社区", None, "李娜", None, person_id(2, male=False), None,
                 "群众", "大专", "2016年5月", "社区副职", "五级", phone="13800000002"),
        MessyRow(None, "光明社区", None, "王芳", "女", person_id(3, male=False), "1988-3-14",
                 "中共预备党员", "本科学历", dt.date(2017, 4, 1), "正职", "7级",
                 account="6222020200112233441"),
        MessyRow("解放街道", "幸福社区", "第二网格", "赵强", "男", person_id(4), excel_serial(BORN),
                 "团员", "硕士研究生", 42430, "专职网格员", 4.0, ("中级", 43000, None)),
    ]  # fmt: skip
    if errors:
        rows += [
            MessyRow("解放街道", "幸福社区", None, "孙敏", "女", float(person_id(5, male=False)),
                     None, "群众", "本科", "2018.01", "其他", 2),
            MessyRow("解放街道", "幸福社区", None, "周杰", "男", person_id(6)[:17] + "0", None,
                     "群众", "本科", "2018.01", "其他", 2),
            MessyRow("解放街道", "幸福社区", None, "吴刚", "男", person_id(1), None,
                     "群众", "本科", "2018.01", "其他", 2),
            MessyRow("解放街道", "幸福社区", None, "郑丽", "女", person_id(8, male=False),
                     None, "群众", "本科", "2018.01", "其他", 13),
        ]  # fmt: skip
    return rows


MESSY_ROWS = {
    "clean": (4, 5, 6, 7),
    "number_id": 8,
    "bad_check_digit": 9,
    "duplicate": (4, 10),
    "level_out_of_range": 11,
}


def messy_roster(path: Path, *, errors: bool = True) -> Path:
    """Write the messy roster; data starts on Excel row 4."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(PARENT))
    sheet.append(PARENT)
    sheet.append(CHILD)
    for column in range(1, len(PARENT) + 1):
        if column not in (14, 15, 16):
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells(start_row=2, start_column=14, end_row=2, end_column=16)
    rows = _rows(errors)
    for number, row in enumerate(rows, 1):
        sheet.append(
            [number, row.street, row.community, row.grid, row.name, row.sex, row.id_cell,
             row.birth, row.political, row.education, row.community_start, row.post, row.level,
             *row.certificate, row.phone, row.account, row.remarks]
        )  # fmt: skip
    # 新华街道 is merged down over the three 光明社区 rows, as clerks do.
    sheet.merge_cells(start_row=4, start_column=2, end_row=6, end_column=2)
    sheet.append([None, "合计", None, None, f"{len(rows)}人"])
    sheet.append(["填表人：李明", None, None, None, None, None, "审核人：王红"])
    workbook.save(path)
    return path


def simple_roster(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    """A plain sheet: one header row, then the rows as given."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
