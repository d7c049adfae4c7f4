"""The card command's arguments; its code, ``ui.cli.commands.reports``, is imported
when it runs."""

from __future__ import annotations

from typing import Any

from ui.cli.parsers.lazy import handlers
from workforce.domain.accounts.permissions import Action

later = handlers("ui.cli.commands.reports")


def register(sub: Any) -> None:
    card = sub.add_parser("card", help="打印某人的个人档案表（PDF）")
    card.add_argument("id_number", metavar="ID_NUMBER", help="身份证号")
    card.add_argument("out", metavar="OUT.pdf")
    card.add_argument("--full-id", action="store_true", help="显示完整身份证号")
    card.set_defaults(handler=later("run_card"), needs=Action.VIEW_WORKERS)
