"""The roster commands' arguments; their code, ``ui.cli.commands.roster``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.roster")


def register(sub: Any) -> None:
    roster = sub.add_parser("roster", help="花名册：导入、导出、空白模板")
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    imp = actions.add_parser(
        "import", help="导入花名册（先检查全表，有错误则不写入，除非 --valid-only）"
    )
    imp.add_argument("file", metavar="FILE", help="花名册文件（.xlsx、.xlsm、.xls、.ods 或 .csv）")
    imp.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有表头的工作表）")
    imp.add_argument(
        "--district", metavar="NAME", help="表中没有“区/旗县”列时新增人员归入的区（默认：默认区）"
    )
    add_check_options(imp)
    imp.add_argument("--json", action="store_true", help="在标准输出打印 JSON 结果")
    imp.set_defaults(handler=later("run_import"), needs=Action.IMPORT_ROSTER)

    exp = actions.add_parser(
        "export", help="按标准列导出花名册（默认遮挡身份证号，仅供查看；加 --full-id 才可原样导回）"
    )
    exp.add_argument("out", metavar="OUT.xlsx")
    exp.add_argument(
        "--full-id", action="store_true", help="完整身份证号和银行账号（可原样导回；记入日志）"
    )
    exp.add_argument("--unit", metavar="NAME", help="只导出某街道、社区或网格（可写“街道/社区”）")
    exp.set_defaults(handler=later("run_export"), needs=Action.EXPORT_ROSTER)

    pdf = actions.add_parser("pdf", help="打印花名册（PDF，A4 横向，身份证号默认遮挡）")
    pdf.add_argument("out", metavar="OUT.pdf")
    pdf.add_argument(
        "--unit", metavar="NAME", help="只打印某区、街道、社区或网格（可写“街道/社区”）"
    )
    pdf.add_argument("--as-of", metavar="YYYY-MM-DD", help="截至日期（默认：今天）")
    pdf.add_argument("--full-id", action="store_true", help="显示完整身份证号")
    pdf.set_defaults(handler=later("run_pdf"), needs=Action.EXPORT_ROSTER)

    tpl = actions.add_parser("template", help="生成带下拉选项和填表说明的空白花名册模板")
    tpl.add_argument("out", metavar="OUT.xlsx")
    tpl.set_defaults(handler=later("run_template"), needs=None)
