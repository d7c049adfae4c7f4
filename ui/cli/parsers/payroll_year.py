"""The payroll year's commands' arguments: ``payroll opening import|list|show`` (期初累计 of a year
begun outside the program) and ``payroll discard`` (撤销计算); their code,
``ui.cli.commands.payroll_year``, is imported when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.payroll_year")


def register_year(commands: Any) -> None:
    opening = commands.add_parser(
        "opening", help="期初累计：年中开始使用本系统时，导入此前各月的累计收入、扣除和已预缴税额"
    )
    actions = opening.add_subparsers(dest="opening_command", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import",
        help="导入扣缴客户端导出的累计数（身份证号、姓名、所属期止、累计收入额、累计免税收入、"
        "累计专项扣除、累计专项附加扣除、累计其他扣除、累计已预缴税额；累计减除费用可选）；"
        "有错误时整表不导入，除非 --valid-only",
    )
    imported.add_argument(
        "file", metavar="FILE", help="期初累计表（.xlsx、.xlsm、.xls、.ods 或 .csv）"
    )
    imported.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一张有数据的表）")
    add_check_options(imported)
    add_user_option(imported)
    imported.set_defaults(handler=later("run_opening_import"), needs=Action.EDIT_PAY_INPUTS)

    listed = actions.add_parser("list", help="列出一年的期初累计（每人一行）")
    listed.add_argument("--year", type=int, metavar="YYYY", help="年度（默认最近有期初累计的年度）")
    listed.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    add_user_option(listed)
    listed.set_defaults(handler=later("run_opening_list"), needs=Action.EXPORT_PAYROLL)

    show = actions.add_parser("show", help="显示一人的期初累计及核对（累计减除费用、应纳税额）")
    show.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    show.add_argument("--year", type=int, metavar="YYYY", help="年度（默认最近有期初累计的年度）")
    show.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    add_user_option(show)
    show.set_defaults(handler=later("run_opening_show"), needs=Action.EXPORT_PAYROLL)

    discard = commands.add_parser(
        "discard",
        help="撤销计算：删除一个已计算、未审核月份的全部工资条（先显示合计，加 --yes 执行）",
    )
    discard.add_argument("--month", required=True, metavar="YYYY-MM", help="工资月份，如 2026-07")
    discard.add_argument("--yes", action="store_true", help="确认撤销")
    add_user_option(discard)
    discard.set_defaults(handler=later("run_discard"), needs=Action.CALCULATE_PAYROLL)
