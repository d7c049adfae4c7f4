"""What every sheet import command does around its plan and its apply: read the sheet, print the
problems, write the error report (``--errors``), stop on errors or ``--dry-run`` (exit status 2
when errors kept the file out), and after a ``--valid-only`` import hand the rejected rows back in
a workbook to fix and import again (``--rejected``, else beside the file). The options are
``ui.cli.options.add_check_options``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

from reports.roster.errors_xlsx import (
    ERROR_WORD,
    WARNING_WORD,
    write_error_report,
    write_rejected_rows,
)
from ui.cli.common import emit_json, read_sheet, rejected_path, say, xlsx_path
from workforce.domain.problems import Problem, rejected_rows
from workforce.services.sheet_import import RowPlan

REJECTED = 2
"""The exit status when errors kept the file (or all of it) out."""


class _Plan(Protocol):
    @property
    def header_row(self) -> int: ...

    @property
    def problems(self) -> Sequence[Problem]: ...

    @property
    def has_errors(self) -> bool: ...


def problem_document(problem: Problem) -> dict[str, Any]:
    """A problem as ``--json`` prints it: its fields, severity and the sentence a clerk reads."""
    return {**asdict(problem), "severity": problem.severity.value, "text": problem.describe()}


def plan_document(plan: RowPlan[Any], changes: list[dict[str, Any]]) -> dict[str, Any]:
    """A ``RowPlan`` (appraisals, certificates) as ``--json`` prints it."""
    return {
        "sheet": plan.sheet,
        "rows": plan.total_rows,
        "created": plan.created,
        "updated": plan.updated,
        "unchanged": plan.unchanged,
        "changes": changes,
        "problems": [problem_document(p) for p in plan.problems],
        "has_errors": plan.has_errors,
    }


def print_problems(problems: Sequence[Problem]) -> None:
    """The errors, then the 提示 (warnings), each naming row, column and value (standard error)."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if errors:
        say(f"{ERROR_WORD} {len(errors)} 处（有错误时整表不导入；--valid-only 只导入无误的行）：")
        for problem in errors:
            say(problem.describe())
    if warnings:
        say(f"{WARNING_WORD} {len(warnings)} 处（不影响导入，请核对）：")
        for problem in warnings:
            say(problem.describe())


class SheetCheck:
    """One run of an import command: its sheet and where its reports go, checked before the
    database is opened."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.grid = read_sheet(args.file, args.sheet)
        self.errors: Path | None = xlsx_path(args.errors, "错误报告") if args.errors else None
        self.valid_only: bool = args.valid_only
        self.rejected = rejected_path(args.file, args.rejected) if args.valid_only else None

    def stop(self, plan: _Plan, document: Callable[[], Any] | None = None) -> int | None:
        """Print the plan's problems and write the error report; the exit status when nothing
        is to be written (errors, unless ``--valid-only`` can leave their rows out; or
        ``--dry-run``), with ``{"plan": document(), "result": None}`` under ``--json``; None when
        the command goes on to apply."""
        print_problems(plan.problems)
        if self.errors is not None and plan.problems:
            write_error_report(self.errors, self.grid, plan.header_row, plan.problems)
            say(f"错误报告已保存：{self.errors}")
        partial = self.valid_only and rejected_rows(plan.problems) is not None
        if (plan.has_errors and not partial) or self.args.dry_run:
            if document is not None and getattr(self.args, "json", False):
                emit_json({"plan": document(), "result": None})
            say("有错误，未导入任何数据" if plan.has_errors else "试运行：未写入任何数据")
            return REJECTED if plan.has_errors else 0
        return None

    def hand_back(self, plan: _Plan, rejected: Sequence[int]) -> None:
        """After a valid-only import: the rows it left out, unchanged with a 问题 column."""
        if rejected and self.rejected is not None:
            write_rejected_rows(self.rejected, self.grid, plan.header_row, plan.problems)
            say(
                f"有错误的 {len(rejected)} 行未导入，已原样写入：{self.rejected}"
                "（“问题”列说明原因；改正后导入该文件即可）"
            )
