"""Helpers shared by the CLI commands: opening the database, progress, clean errors."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workforce.domain.problems import ActionRefused

if TYPE_CHECKING:  # the services load with the first command that opens the database
    from workforce.domain.sheet import SheetGrid
    from workforce.services.context import Actor, Database
    from workforce.services.system.setup import InitReport

PASSWORD_ENV = "WORKFORCE_PASSWORD"


class CliError(Exception):
    """A failure to report as one line on standard error."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def fail(message: str, status: int = 1) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return status


def say(message: str) -> None:
    """Messages for a person go to standard error so standard output stays pipeable."""
    print(message, file=sys.stderr, flush=True)


def shown(args: argparse.Namespace) -> Callable[[str], None]:
    """Where a command's text result goes: standard output (``2>/dev/null`` keeps it), or standard
    error when ``--json`` keeps standard output for the document."""
    return say if getattr(args, "json", False) else print


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{what}「{text}」不是日期，应写作 YYYY-MM-DD（如 2026-01-01）") from None


def read_sheet(path: str, sheet: str | None) -> SheetGrid:
    """The sheet to read from a .xlsx/.xls/.csv file: the one named, else the first with data."""
    from reports.xlsx_reader import pick_roster_sheet, read_workbook

    try:
        return pick_roster_sheet(read_workbook(path), sheet)
    except ActionRefused as exc:
        raise CliError(exc.message) from exc


def xlsx_path(path: str, what: str) -> Path:
    """Where to save an .xlsx the user named; refused when it cannot be one."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"{what}须保存为 .xlsx 文件：{path}")
    if not target.parent.is_dir():
        raise CliError(f"保存{what}的文件夹不存在：{target.parent}")
    return target


LARGE_DOCUMENT = 1000
"""Items (of the document, or of its longest top-level list) above which JSON is written compact."""


def _items(document: Any) -> int:
    if isinstance(document, list | tuple):
        return len(document)
    if isinstance(document, dict):
        return max((_items(v) for v in document.values() if isinstance(v, list | tuple)), default=0)
    return 0


def emit_json(document: Any, *, compact: bool | None = None) -> None:
    """The document on standard output: indented for a person to read, compact (one line, no
    spaces) when it is large or ``compact`` asks for it. Compact text goes through ``json.dumps``
    without ``indent``, the only path on which Python uses its C encoder: ``json.dump`` and any
    ``indent`` fall back to the pure-Python one (96,000 people: seconds instead of tens)."""
    if compact is None:
        compact = _items(document) > LARGE_DOCUMENT
    if compact:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str)
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(text)
    sys.stdout.write("\n")


def open_database(url: str | None, *, unprotected: bool = False) -> tuple[Database, InitReport]:
    """The database of ``--db``, created and migrated when needed. Refused when the audit log's
    triggers are missing, unless ``unprotected`` (commands that check or restore: a warning)."""
    from workforce.services.accounts.audit_chain import AuditUnprotected
    from workforce.services.context import Database
    from workforce.services.system import setup

    db: Database | None = None
    try:
        db = Database.open(url)
        return db, setup.initialise(db)
    except AuditUnprotected as exc:
        if not unprotected or db is None:
            raise CliError(exc.message) from exc
        say(f"警告：{exc.message}")
        return db, setup.InitReport(False, False, False, False)
    except ActionRefused as exc:
        raise CliError(exc.message) from exc
    except Exception as exc:
        first_line = f"{exc.__class__.__name__}: {exc}".splitlines()[0]
        raise CliError(f"无法打开数据库：{first_line}") from exc


def acting_username(args: argparse.Namespace) -> str:
    """``--user`` where the command has it, else the administrator."""
    from workforce.services.system.setup import DEFAULT_ADMIN

    return getattr(args, "user", None) or DEFAULT_ADMIN


def ask_password(username: str) -> str:
    """The acting user's password: ``WORKFORCE_PASSWORD``, else a prompt on the terminal."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError(
            f"用户「{username}」须输入密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}"
        )
    return getpass.getpass(f"用户「{username}」的密码：")


@contextmanager
def opened(
    args: argparse.Namespace, *, unprotected: bool = False
) -> Iterator[tuple[Database, Actor]]:
    """The database of ``--db`` (created and migrated when needed) and the acting user: ``--user``
    where the command has it, else the administrator. The action each command declares when it
    registers (``set_defaults(handler=…, needs=Action.… or None)``) is checked against the user's
    role first; then, once any account has a password, the acting user's password is required
    (a wrong one counts as a failed login). ``unprotected``: see ``open_database``."""
    from workforce.services.accounts.acting_user import sign_in

    db, _report = open_database(args.db, unprotected=unprotected)
    username = acting_username(args)
    try:
        actor = sign_in(
            db, username, lambda: ask_password(username), action=getattr(args, "needs", None)
        )
    except ActionRefused as exc:
        db.close()
        raise CliError(exc.message) from exc
    try:
        yield db, actor
    except ActionRefused as exc:
        raise CliError(exc.message) from exc
    finally:
        db.close()


class Progress:
    """A progress line on standard error, redrawn at most a few times a second; ``unit`` says what
    it counts (``计算 1782/1782 人``), as the result that follows does."""

    def __init__(self, label: str, unit: str = "") -> None:
        self.label = label
        self.unit = f" {unit}" if unit else ""
        self._last = 0.0
        self._tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.25:
            return
        self._last = now
        percent = 100 * done // total if total else 100
        end = "\r" if self._tty and done < total else "\n"
        if self._tty or done >= total:
            print(
                f"{self.label} {done}/{total}{self.unit} ({percent}%)",
                end=end,
                file=sys.stderr,
                flush=True,
            )
