"""The 工资总额测算 PDF's note on the people past their statutory retirement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reports.stats import budget_pdf
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment.projection import budget_projection
from workforce.services.context import Database
from workforce.services.system.demo import generate_demo


def test_the_overdue_are_said_to_be_among_the_people_counted(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """测算人数 counts them (the money leaves them out): the note said 另有, as if on top."""
    admin = actor_for(sqlite_db)
    generate_demo(sqlite_db, admin, workers=80, seed=2, today=dt.date(2026, 6, 30))
    report = budget_projection(sqlite_db, admin, 2027, 1)
    assert report.overdue > 0
    written: list[str] = []
    paragraph = budget_pdf.Paragraph

    def recorded(text: str, *args: Any, **kwargs: Any) -> Any:
        written.append(text)
        return paragraph(text, *args, **kwargs)

    monkeypatch.setattr(budget_pdf, "Paragraph", recorded)
    budget_pdf.write_budget_pdf(tmp_path / "b.pdf", report, today=dt.date(2026, 12, 7))
    assert f"测算人数中有{report.overdue}名在职人员已过法定退休时间，未计入测算。" in written
    assert not any(text.startswith("另有") for text in written)
