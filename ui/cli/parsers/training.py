"""The training commands' arguments; their code, ``ui.cli.commands.training``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options, add_unit_option, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.compliance import ORGANISER_LEVELS

later = handlers("ui.cli.commands.training")


def register(sub: Any) -> None:
    training = sub.add_parser("training", help="培训：导入签到表、学时达标情况")
    actions = training.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="导入签到表（每行身份证号或姓名；可有“是否合格”列）",
        description="导入某期培训的签到表。已有培训班用 --session；新培训班用 --session-title、"
        "--date、--hours（以及 --end-date、--level、--elective），与签到名单一起写入。",
    )
    imp.add_argument("file", metavar="FILE", help="签到表（.xlsx、.xlsm、.xls、.ods 或 .csv）")
    imp.add_argument("--session", type=int, metavar="ID", help="已有培训班的编号")
    imp.add_argument("--session-title", metavar="T", help="新培训班名称")
    imp.add_argument("--date", metavar="YYYY-MM-DD", help="新培训班开始日期")
    imp.add_argument("--end-date", metavar="YYYY-MM-DD", help="结束日期（默认：与开始日期相同）")
    imp.add_argument("--hours", metavar="H", help="学时（可有一位小数，如 4.5）")
    imp.add_argument(
        "--level", choices=ORGANISER_LEVELS, default="街道", help="主办层级（默认：街道）"
    )
    imp.add_argument("--elective", action="store_true", help="选修（默认：必修）")
    imp.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    add_check_options(imp)
    imp.add_argument("--json", action="store_true", help="在标准输出打印 JSON 结果")
    add_user_option(imp)
    imp.set_defaults(handler=later("run_import"), needs=Action.RECORD_TRAINING)

    comp = actions.add_parser("compliance", help="培训学时达标情况（按社区汇总，列出差多少学时）")
    comp.add_argument("--year", type=int, metavar="Y", help="年度（默认：今年）")
    comp.add_argument("--xlsx", metavar="OUT.xlsx", help="导出汇总表和明细表")
    comp.add_argument("--all", action="store_true", help="列出所有人（默认只列未达标的人）")
    add_unit_option(comp)
    comp.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    comp.set_defaults(handler=later("run_compliance"), needs=Action.VIEW_WORKERS)
