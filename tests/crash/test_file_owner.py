"""One program owns the embedded file (issue 13, part 1).

The scenario that damaged a desktop's file: while the desktop holds the file (a read
transaction in write-ahead-log mode), something in the same process opens and closes the file
through another descriptor — Qt's file dialog does, listing the folder — and every POSIX lock
SQLite held on it and on its ``-shm`` is gone. A second program then believed it was alone. Now
the second program is refused at once, naming the holder, and the file stays intact.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.roster_samples import person_id, simple_roster
from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.persistence import file_lock
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.context import Database
from workforce.services.roster.workers import load_worker, update_worker

ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux /proc/locks")


def _locks(pid: int, *paths: Path) -> list[str]:
    """The kinds of lock (POSIX, FLOCK) ``pid`` holds on ``paths``, from ``/proc/locks``."""
    inodes = {os.stat(p).st_ino for p in paths if p.exists()}
    found = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] == "->":  # a waiter, not a holder
            continue
        if fields[4] == str(pid) and int(fields[5].rsplit(":", 1)[1]) in inodes:
            found.append(fields[1])
    return found


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_a_foreign_close_in_the_owner_does_not_let_a_second_program_write(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = Path(sqlite_db.engine.url.database or "")
    sqlite_db.close()
    monkeypatch.setitem(file_lock._naming, "program", "桌面程序")
    desktop = Database.open(str(live))
    admin = actor_for(desktop)
    worker_id = hire(desktop, admin, community(desktop, admin), 1)
    reader = desktop.engine.connect()  # the desktop's table, reading
    reader.exec_driver_sql("BEGIN")
    reader.execute(select(func.count()).select_from(Worker)).scalar_one()
    shm = Path(f"{live}-shm")
    assert "POSIX" in _locks(os.getpid(), live, shm)

    open(live, "rb").close()  # what QFileSystemModel does when it lists the folder
    os.close(os.open(shm, os.O_RDONLY))
    assert _locks(os.getpid(), live, shm) == [], "SQLite's own locks are gone (the bug)"
    assert _locks(os.getpid(), file_lock.lock_path(live)) == ["FLOCK"], "ours is not"

    sheet = simple_roster(
        tmp_path / "花名册.xlsx",
        ["街道", "社区", "姓名", "身份证号", "岗位", "岗位等级"],
        [["新华街道", "光明社区", "命令行", person_id(901), "其他", 3]],
    )
    refused = _cli("--db", str(live), "roster", "import", str(sheet))
    assert refused.returncode != 0
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.stderr
    for fact in ("桌面程序", f"进程 {os.getpid()}", socket.gethostname(), "关闭", "PostgreSQL"):
        assert fact in lines[0]

    reader.rollback()
    reader.close()
    opened = load_worker(desktop, worker_id)  # the owner goes on writing
    update_worker(desktop, admin, worker_id, replace(opened.data, name="改名"), opened.version)
    desktop.close()
    with closing(sqlite3.connect(live)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = [n for (n,) in connection.execute("SELECT name FROM worker")]
    assert names == ["改名"]


def test_a_killed_owner_leaves_no_stale_lock(sqlite_db: Database) -> None:
    live = Path(sqlite_db.engine.url.database or "")
    sqlite_db.close()
    code = (
        "import sys\nfrom workforce.services.context import Database\n"
        f"db = Database.open({str(live)!r})\nprint('ready', flush=True)\nsys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    with pytest.raises(ActionRefused, match=f"进程 {child.pid}"):
        Database.open(str(live))
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.stdin is not None
    child.stdin.close()
    assert file_lock.lock_path(live).exists()  # the file stays, with the dead holder's facts
    again = Database.open(str(live))
    with again.reading() as session:
        assert session.scalar(select(func.count()).select_from(Worker)) == 0
    again.close()


def test_one_program_may_open_its_file_more_than_once(sqlite_db: Database) -> None:
    live = Path(sqlite_db.engine.url.database or "")
    second = Database.open(str(live))
    second.close()
    assert live.resolve() in file_lock.owned(), "the first is still open"
    sqlite_db.close()
    assert live.resolve() not in file_lock.owned()


@pytest.mark.gui
def test_qts_file_dialog_listing_the_folder_does_not_let_a_second_program_in(
    sqlite_db: Database, qtbot: QtBot
) -> None:
    """The real thing: ``QFileSystemModel`` (the file dialog's, the path completer's) reads the
    files of the folder it lists, and SQLite's locks go; ours stays."""
    from PySide6.QtWidgets import QFileSystemModel

    live = Path(sqlite_db.engine.url.database or "")
    shm = Path(f"{live}-shm")
    reader = sqlite_db.engine.connect()
    reader.exec_driver_sql("BEGIN")
    reader.execute(select(func.count()).select_from(Worker)).scalar_one()
    model = QFileSystemModel()
    model.setRootPath(str(live.parent))
    qtbot.waitUntil(lambda: _locks(os.getpid(), live, shm) == [])
    code = f"from workforce.services.context import Database\nDatabase.open({str(live)!r})"
    second = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert second.returncode != 0 and f"进程 {os.getpid()}" in second.stderr
    reader.rollback()
    reader.close()


def test_check_while_the_desktop_has_the_file_says_so_in_one_line(sqlite_db: Database) -> None:
    """``workforce check`` opens the file itself (no migration, no sign-in): a file in use by
    another program is refused in words, not with a traceback."""
    live = Path(sqlite_db.engine.url.database or "")
    refused = _cli("--db", str(live), "check")
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert lines[0].startswith("错误：") and "关闭" in lines[0]
