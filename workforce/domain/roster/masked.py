"""A roster exported with masked ID numbers (110105********002X) is for reading, not importing.

The export says so in its first row (``MASKED_NOTE``); an import refuses such a sheet with one
message for the file instead of one "前17位应为数字" per row (issue 16). A sheet without the note
is refused too when most of its ID numbers are masked (the note row deleted by hand).
"""

from __future__ import annotations

from workforce.domain.roster.columns import HeaderMap
from workforce.domain.sheet import SheetGrid

MASKED_NOTE = (
    "注意：本表身份证号、银行账号已遮挡（*），仅供查看，不能用于导入。"
    "需要改后导回时，请导出“完整号码”的花名册。"
)
MASK = "*"


def masked_refusal(grid: SheetGrid, header: HeaderMap | None) -> str | None:
    """The message refusing ``grid`` when it is a masked export, else None."""
    marked = any(
        isinstance(cell, str) and cell.startswith(MASKED_NOTE[:12])
        for row in grid.rows[: (header.row if header else 0) + 1]
        for cell in row
    )
    masked = total = 0
    if header is not None and "id_number" in header.columns:
        col = header.columns["id_number"]
        for index in range(header.row + 1, len(grid.rows)):
            value = grid.cell(index, col)
            if isinstance(value, str) and value.strip():
                total += 1
                masked += MASK in value
    if not marked and (total == 0 or masked * 2 <= total):
        return None
    name = grid.file_name or grid.name
    count = f"（{masked}人的身份证号带*）" if masked else ""
    return (
        f"「{name}」是身份证号已遮挡的花名册导出{count}，仅供查看，不能导入。"
        "请在“导出花名册”时选择显示完整身份证号和银行账号，修改后再导入该文件。"
    )
