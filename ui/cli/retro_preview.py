"""``--retroactive`` of the dated changes (§8.6): list the 补发/补扣 lines a change made into
approved or locked months puts into the next open month; they are written only with ``--yes``."""

from __future__ import annotations

import argparse

from ui.cli.common import CliError, say
from workforce.services.payroll.guard import label
from workforce.services.payroll.retro import RetroPlan


def show_plan(plan: RetroPlan) -> None:
    """One line per worker and month: who, which month, what was paid, what is due, the
    difference; then the total and the month it is paid in."""
    for line in plan.lines:
        print(
            f"{line.name}\t{label(line.owed)}\t{line.item}\t已发{line.paid:.2f}\t"
            f"应发{line.due:.2f}\t差额{line.amount:.2f}"
        )
    if plan.pay_in is None or not plan.lines:
        say(f"{plan.change}：不涉及已审核或已锁定月份的补发/补扣")
        return
    say(
        f"{plan.change}：计入{label(plan.pay_in)}补发/补扣 {len(plan.lines)} 笔，"
        f"合计 {plan.total:.2f} 元"
    )


def confirm_or_stop(args: argparse.Namespace, plan: RetroPlan) -> None:
    """After the preview: go on with ``--yes``, else stop with nothing written."""
    show_plan(plan)
    if not args.yes:
        raise CliError("未写入：核对以上补发/补扣无误后加 --yes 再运行")
