"""The command line's conventions (issue 14): ``--db`` before or after the command, strict months,
text results on standard output, counts that agree and say what they count."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.cli.main import main


def test_db_is_accepted_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "after.db"
    assert main(["init", "--db", str(target)]) == 0
    assert target.exists()
    capsys.readouterr()
    assert main(["stats", "--json", "--db", str(target)]) == 0
    assert '"as_of"' in capsys.readouterr().out


def test_db_before_the_command_is_kept_when_not_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert main(["--db", str(before), "init"]) == 0
    assert before.exists()
    assert main(["--db", str(before), "init", "--db", str(after)]) == 0
    assert after.exists()
