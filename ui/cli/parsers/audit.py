"""The audit commands' arguments; their code, ``ui.cli.commands.audit``, is imported
when one of them runs."""

from __future__ import annotations

import argparse
from typing import Any

from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.audit")


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="起始日期（含）")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="截止日期（含）")
    parser.add_argument("--user", metavar="USERNAME", dest="by", help="只看该用户的操作")
    parser.add_argument("--action", metavar="ACTION", help="操作，如 create、update、approve")
    parser.add_argument("--entity", metavar="ENTITY", help="对象，如 worker、payroll_month")
    parser.add_argument("--entity-id", metavar="N", type=int, help="对象编号")
    parser.add_argument("--id-number", metavar="ID", help="某人的身份证号：其档案及名下各项记录")
    parser.add_argument("--text", metavar="TEXT", help="在原值、新值和备注中查找")
    # --user filters (as the other audit tools spell it); the acting user is --as
    parser.add_argument(
        "--as", metavar="USERNAME", dest="user", help="以该用户身份查询（默认 admin）"
    )


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="审计日志：查询、导出（需审核员或管理员）")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    lst = actions.add_parser("list", help="列出审计记录，最新的在前")
    _filters(lst)
    lst.add_argument("--limit", type=int, default=50, metavar="N", help="最多列出N条（默认50）")
    lst.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    lst.set_defaults(handler=later("run_list"), needs=Action.VIEW_AUDIT)

    export = actions.add_parser("export", help="把符合条件的审计记录导出为 .xlsx")
    export.add_argument("out", metavar="OUT.xlsx", help="输出文件")
    _filters(export)
    export.set_defaults(handler=later("run_export"), needs=Action.VIEW_AUDIT)

    verify = actions.add_parser(
        "verify", help="核验审计日志的哈希链：报告第一处被修改、删除或插入的记录"
    )
    verify.add_argument("--json", action="store_true", help="在标准输出打印 JSON")
    verify.add_argument(
        "--as", metavar="USERNAME", dest="user", help="以该用户身份核验（默认 admin）"
    )
    verify.set_defaults(handler=later("run_verify"), needs=Action.VIEW_AUDIT)
