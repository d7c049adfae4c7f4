"""The command line: init on a fresh file, one-line errors, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.cli.main import main


def test_init_creates_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sub" / "w.db"
    assert main(["--db", str(target), "init"]) == 0
    assert target.exists()
    err = capsys.readouterr().err
    assert "已创建管理员账号 admin" in err
    assert main(["--db", str(target), "init"]) == 0
    assert "数据库结构已是最新" in capsys.readouterr().err


def test_unreachable_database_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "init"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("错误：无法打开数据库")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
