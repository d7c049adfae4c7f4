"""A newer version installed over an older one: the first start backs the file up before it
migrates it, and says where the copy is (command line here; the desktop in tests/ui)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from ui.cli.main import main
from workforce.persistence.migrate import alembic_config, current_revision, head_revision
from workforce.services.context import Database
from workforce.services.system.setup import initialise


def _older_file(path: Path) -> str:
    """An embedded file at the schema before the newest, as an older version left it."""
    db = Database.open(f"sqlite:///{path}")
    try:
        config = alembic_config(db.engine)
        command.upgrade(config, "head")
        command.downgrade(config, "-1")
        revision = current_revision(db.engine)
        assert revision is not None
        assert revision != head_revision(db.engine)
        return revision
    finally:
        db.close()


def _revision_of(copy: Path) -> str:
    with sqlite3.connect(copy) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_an_older_file_is_backed_up_as_it_was_before_it_is_migrated(tmp_path: Path) -> None:
    old_revision = _older_file(tmp_path / "workforce.db")
    db = Database.open(f"sqlite:///{tmp_path / 'workforce.db'}")
    try:
        report = initialise(db)
        assert report.migrated
        copy = report.upgrade_backup
        assert copy is not None
        assert copy.parent == tmp_path / "backups"
        assert copy.name.endswith("-升级前.db")
        assert _revision_of(copy) == old_revision  # the file as the older version left it
        assert current_revision(db.engine) == head_revision(db.engine)
        assert initialise(db).upgrade_backup is None  # up to date: no further copy
    finally:
        db.close()


def test_a_new_file_needs_no_copy(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert initialise(db).upgrade_backup is None
        assert not (tmp_path / "backups").exists()
    finally:
        db.close()


def test_the_command_line_says_where_the_copy_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _older_file(tmp_path / "workforce.db")
    assert main(["check", "--db", str(tmp_path / "workforce.db")]) == 0  # check does not migrate
    assert "升级前" not in capsys.readouterr().err
    assert main(["stats", "--json", "--db", str(tmp_path / "workforce.db")]) == 0
    err = capsys.readouterr().err
    assert "数据库已升级到本版本的结构；升级前的文件已备份到" in err
    assert str(tmp_path / "backups") in err
