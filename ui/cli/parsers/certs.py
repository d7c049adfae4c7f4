"""The certs and reminders commands' arguments; their code, ``ui.cli.commands.certs``, is imported
when one of them runs."""

from __future__ import annotations

from typing import Any

from ui.cli.options import add_check_options, add_unit_option, add_user_option
from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.compliance import ReminderKind

later = handlers("ui.cli.commands.certs")


def register(sub: Any) -> None:
    certs = sub.add_parser("certs", help="社工证：导入、台账、查看、再登记、更正登记日期")
    actions = certs.add_subparsers(dest="certs_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import", help="导入证书（身份证号、姓名、证书等级、证书编号、取得日期、登记日期）"
    )
    imp.add_argument(
        "file",
        metavar="FILE",
        help="证书表（.xlsx、.xlsm、.xls、.ods 或 .csv）；同一证书的首次登记和再登记可各占一行",
    )
    imp.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    add_check_options(imp)
    imp.add_argument("--json", action="store_true", help="在标准输出打印 JSON 结果")
    add_user_option(imp)
    imp.set_defaults(handler=later("run_import"), needs=Action.RECORD_CERTIFICATES)

    exp = actions.add_parser("export", help="导出社工证台账（.xlsx）")
    exp.add_argument("out", metavar="OUT.xlsx")
    exp.add_argument(
        "--date", metavar="YYYY-MM-DD", help="按哪一天判断有效、即将到期、已过期（默认：今天）"
    )
    add_unit_option(exp)
    exp.set_defaults(handler=later("run_export"), needs=Action.VIEW_WORKERS)

    show = actions.add_parser("show", help="查看某人的证书与历次登记")
    show.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    show.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    show.set_defaults(handler=later("run_show"), needs=Action.VIEW_WORKERS)

    renew = actions.add_parser("renew", help="证书再登记（或尚未登记证书的首次登记）")
    renew.add_argument("number", metavar="CERT_NUMBER", help="证书编号")
    renew.add_argument("--date", metavar="YYYY-MM-DD", required=True, help="登记日期")
    add_user_option(renew)
    renew.set_defaults(handler=later("run_renew"), needs=Action.RECORD_CERTIFICATES)

    fix = actions.add_parser("correct", help="更正填错的登记日期（津贴和调级按更正后的日期计）")
    fix.add_argument("number", metavar="CERT_NUMBER", help="证书编号")
    fix.add_argument("--from", dest="old", metavar="YYYY-MM-DD", required=True, help="原登记日期")
    fix.add_argument("--to", dest="new", metavar="YYYY-MM-DD", required=True, help="正确的登记日期")
    fix.add_argument("--reason", required=True, metavar="TEXT", help="更正原因")
    add_user_option(fix)
    fix.set_defaults(handler=later("run_correct"), needs=Action.RECORD_CERTIFICATES)

    rem = sub.add_parser(
        "reminders", help="提醒：登记90天内到期或已过期、继续教育学时不足、年度学时不足"
    )
    rem.add_argument("--date", metavar="YYYY-MM-DD", help="按哪一天提醒（默认：今天）")
    rem.add_argument(
        "--kind",
        choices=sorted(kind.value for kind in ReminderKind),
        action="append",
        help="只看某类提醒（可重复）",
    )
    rem.add_argument("--within", type=int, metavar="N", help="只看 N 天内到期的提醒（含已过期的）")
    add_unit_option(rem)
    rem.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    rem.set_defaults(handler=later("run_reminders"), needs=Action.VIEW_WORKERS)
