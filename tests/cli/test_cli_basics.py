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


def test_version_names_the_version_the_build_and_the_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import sys

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("workforce ")  # from source: not packaged
    # the packaged program reads what the build wrote beside it
    info = {"version": "1.2.3", "built": "2026-12-07 14:00 UTC", "commit": "abc123def456"}
    (tmp_path / "build-info.json").write_text(json.dumps(info), "utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == (
        "workforce 1.2.3（构建于 2026-12-07 14:00 UTC，提交 abc123def456）"
    )
