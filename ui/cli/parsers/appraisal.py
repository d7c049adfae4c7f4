"""The appraisal commands' arguments; their code, ``ui.cli.commands.appraisal``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.appraisal")


def register(sub: Any) -> None:
    appraisal = sub.add_parser("appraisal", help="年度考核结果")
    actions = appraisal.add_subparsers(dest="appraisal_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="导入考核结果（身份证号、姓名、年度、考核结果）")
    imp.add_argument("file", metavar="FILE", help="考核结果表（.xlsx、.xlsm、.xls、.ods 或 .csv）")
    imp.add_argument("--year", type=int, metavar="Y", help="考核年度（表中没有“年度”列时必填）")
    imp.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    add_check_options(imp)
    imp.add_argument("--json", action="store_true", help="在标准输出打印 JSON 结果")
    add_user_option(imp)
    imp.set_defaults(handler=later("run_import"), needs=Action.RECORD_APPRAISALS)
