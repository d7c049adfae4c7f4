"""The payroll inputs commands' arguments; their code, ``ui.cli.commands.payroll_inputs``,
is imported when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options, add_user_option
from ui.cli.parsers.lazy import handlers
from ui.cli.parsers.payroll_deductions import DEDUCTION_KINDS, register_deduction_edits
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.payroll_inputs")


def register_inputs(commands: Any) -> None:
    items = commands.add_parser("items", help="工资项目（取暖补贴、扣款等）")
    item_actions = items.add_subparsers(dest="items_command", metavar="ACTION", required=True)
    imported = item_actions.add_parser(
        "import",
        help="从工作表导入项目：身份证号、月份、项目名称、金额、是否计税、是否计入缴费基数、"
        "税后扣款、全年一次性奖金、计税方式（单独计税/并入综合所得，空为本地区默认）、备注",
    )
    imported.add_argument(
        "file", metavar="FILE", help="工资项目表（.xlsx、.xlsm、.xls、.ods 或 .csv）"
    )
    imported.add_argument("--month", metavar="YYYY-MM", help="表中没有“月份”列时的月份")
    imported.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一张有数据的表）")
    add_check_options(imported)
    _confirm_option(imported)
    add_user_option(imported)
    imported.set_defaults(handler=later("run_items_import"), needs=Action.EDIT_PAY_INPUTS)
    one = item_actions.add_parser("add", help="录入一人的一条项目（如全年一次性奖金）")
    one.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    one.add_argument("--month", required=True, metavar="YYYY-MM")
    one.add_argument("--name", required=True, metavar="TEXT", help="项目名称")
    one.add_argument("--amount", required=True, metavar="AMOUNT", help="金额（元；扣款为负数）")
    one.add_argument("--untaxed", action="store_true", help="不计税")
    one.add_argument("--not-insurable", action="store_true", help="不计入缴费基数")
    one.add_argument("--after-tax", action="store_true", help="税后扣款")
    one.add_argument(
        "--annual-bonus",
        nargs="?",
        const="默认",
        metavar="计税方式",
        help="全年一次性奖金；计税方式：单独计税、并入综合所得（省略则按本地区默认）",
    )
    one.add_argument("--note", default="", metavar="TEXT")
    _confirm_option(one)
    add_user_option(one)
    one.set_defaults(handler=later("run_items_add"), needs=Action.EDIT_PAY_INPUTS)

    bases = commands.add_parser("bases", help="年度社保缴费基数：核定或人工调整")
    base_actions = bases.add_subparsers(dest="bases_command", metavar="ACTION", required=True)
    compute = base_actions.add_parser("compute", help="按上年月平均工资核定全年缴费基数")
    compute.add_argument("--year", type=int, required=True, metavar="Y")
    add_user_option(compute)
    compute.set_defaults(handler=later("run_bases_compute"), needs=Action.EDIT_PAY_INPUTS)
    override = base_actions.add_parser("set", help="人工核定一人的缴费基数（须写理由）")
    override.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    override.add_argument("--year", type=int, required=True, metavar="Y")
    override.add_argument("--base", required=True, metavar="AMOUNT", help="缴费基数（元）")
    override.add_argument("--reason", required=True, metavar="TEXT")
    add_user_option(override)
    override.set_defaults(handler=later("run_bases_set"), needs=Action.EDIT_PAY_INPUTS)
    deduction = commands.add_parser("deduction", help="专项附加扣除申报")
    deduction_actions = deduction.add_subparsers(
        dest="deduction_command", metavar="ACTION", required=True
    )
    declare = deduction_actions.add_parser("add", help="录入一条专项附加扣除申报")
    declare.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    declare.add_argument("--kind", required=True, choices=DEDUCTION_KINDS, help="扣除项目")
    declare.add_argument("--amount", required=True, metavar="AMOUNT", help="每月扣除额（元）")
    declare.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    declare.add_argument("--to", dest="last", metavar="YYYY-MM", help="截止月份（默认长期）")
    declare.add_argument("--note", default="", metavar="TEXT")
    add_user_option(declare)
    declare.set_defaults(handler=later("run_deduction_add"), needs=Action.EDIT_PAY_INPUTS)
    _register_exchange(base_actions, deduction_actions)
    register_deduction_edits(deduction_actions)  # list, correct, end, delete


def _register_exchange(base_actions: Any, deduction_actions: Any) -> None:
    """The sheets exchanged with the social insurance office and the workers' declarations."""
    exported = base_actions.add_parser("export", help="导出全年缴费基数（报社保经办机构）")
    exported.add_argument("--year", type=int, required=True, metavar="Y")
    exported.add_argument("out", metavar="OUT.xlsx")
    add_user_option(exported)
    exported.set_defaults(handler=later("run_bases_export"), needs=Action.EXPORT_PAYROLL)
    base_import = base_actions.add_parser(
        "import",
        help="导入缴费基数（身份证号、姓名、缴费基数）；有错误时整表不导入，除非 --valid-only",
    )
    base_import.add_argument(
        "file", metavar="FILE", help="缴费基数表（.xlsx、.xlsm、.xls、.ods 或 .csv）"
    )
    base_import.add_argument("--year", type=int, required=True, metavar="Y")
    base_import.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一张有数据的表）")
    add_check_options(base_import)
    add_user_option(base_import)
    base_import.set_defaults(handler=later("run_bases_import"), needs=Action.EDIT_PAY_INPUTS)

    deduction_import = deduction_actions.add_parser(
        "import",
        help="导入专项附加扣除申报（身份证号、姓名、类别、每月金额、起始月份、结束月份）；"
        "有错误时整表不导入，除非 --valid-only",
    )
    deduction_import.add_argument(
        "file", metavar="FILE", help="申报表（.xlsx、.xlsm、.xls、.ods 或 .csv）"
    )
    deduction_import.add_argument("--sheet", metavar="NAME", help="工作表名称")
    add_check_options(deduction_import)
    add_user_option(deduction_import)
    deduction_import.set_defaults(
        handler=later("run_deduction_import"), needs=Action.EDIT_PAY_INPUTS
    )


def _confirm_option(parser: Any) -> None:
    parser.add_argument(
        "--confirm",
        "--accept-warnings",
        dest="confirm",
        action="store_true",
        help="确认警告（单条扣款超过本月应发）后录入；不加时有此类警告则不录入",
    )
