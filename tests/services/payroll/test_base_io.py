"""Contribution bases to and from the social insurance office, on SQLite and PostgreSQL: an
import with any error writes nothing, a clean one sets the bases (clamping with a warning) and
audits each, and an export imported back changes nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from reports.payroll.bases_xlsx import write_bases
from reports.xlsx_reader import read_workbook
from tests.services.payroll_support import close, community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import ContributionBase
from workforce.services.context import Actor, Database
from workforce.services.payroll.base_io import (
    apply_base_import,
    export_bases,
    plan_base_import,
)
from workforce.services.payroll.bases import override_base, stored_bases
from workforce.services.payroll.calc import calculate_month
from workforce.services.roster.workers import load_worker

YEAR = 2026


def _people(db: Database, admin: Actor) -> list[tuple[int, str, str]]:
    unit = community(db, admin)
    ids = [hire(db, admin, unit, n) for n in (1, 2, 3)]
    return [(i, load_worker(db, i).data.id_number, load_worker(db, i).data.name) for i in ids]


def _grid(*rows: tuple[object, ...]) -> SheetGrid:
    return SheetGrid("基数", (("身份证号", "姓名", "缴费基数"), *rows), "基数.xlsx")


def _bases(db: Database) -> dict[int, tuple[Decimal, str]]:
    with db.reading() as session:
        return stored_bases(session, YEAR)


def test_an_import_with_an_error_writes_nothing(db: Database, admin: Actor) -> None:
    (_, n1, name1), (_, n2, _), (_, n3, name3) = _people(db, admin)
    grid = _grid(
        (n1, name1, 6000),
        (n2, "别人", 7000),  # the name is not that person's
        (n3, name3, "12.345"),  # three decimals
        ("110101199001011237", "无此人", 5000),
        (n1, name1, -1),
    )
    plan = plan_base_import(db, admin, grid, YEAR)
    codes = {(p.code, p.where.row, p.where.column) for p in plan.problems if p.is_error}
    assert ("name_mismatch", 3, "姓名") in codes
    assert ("invalid_base", 4, "缴费基数") in codes
    assert ("negative_base", 6, "缴费基数") in codes
    assert any(c == "unknown_person" or c.endswith("_id_number") for c, _, _ in codes)
    with pytest.raises(ActionRefused):
        apply_base_import(db, admin, grid, YEAR)
    assert _bases(db) == {}
    with db.reading() as session:
        audited = select(AuditEntry).where(AuditEntry.entity == "contribution_base")
        assert session.scalars(audited).all() == []


def test_a_clean_import_sets_clamps_and_audits(db: Database, admin: Actor) -> None:
    (w1, n1, name1), (w2, n2, name2), (w3, n3, name3) = _people(db, admin)
    override_base(db, admin, w3, YEAR, "6000", "社保核定")
    grid = _grid((n1, name1, 6000.5), (n2, name2, 0), (n3, name3, "6000"), ("合计", None, 12000.5))
    plan = plan_base_import(db, admin, grid, YEAR)
    assert not plan.has_errors
    assert [p.code for p in plan.problems] == ["base_clamped"]  # 0 → the floor
    assert plan.unchanged == 1 and len(plan.changes) == 2
    assert w1 not in _bases(db)  # the dry run wrote nothing

    result = apply_base_import(db, admin, grid, YEAR)
    assert (result.written, result.unchanged, len(result.warnings)) == (2, 1, 1)
    bases = _bases(db)
    assert bases[w1] == (Decimal("6000.50"), "override")
    assert bases[w2] == (Decimal("4863.00"), "override")
    with db.reading() as session:
        clamped = session.scalar(select(ContributionBase).where(ContributionBase.worker_id == w2))
        assert clamped is not None and clamped.computed == Decimal("0.00")
        entries = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "contribution_base", AuditEntry.batch_id == result.batch_id
            )
        ).all()
    assert sorted(e.changes["base"][1] or "" for e in entries) == ["4863.00", "6000.50"]


def test_an_export_imported_back_changes_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    (w1, n1, _), (w2, n2, _), _ = _people(db, admin)
    override_base(db, admin, w1, YEAR, "6123.45", "社保核定")
    override_base(db, admin, w2, YEAR, "24315", "社保核定")
    rows = export_bases(db, admin, YEAR)
    assert [(r.id_number, r.base, r.source) for r in rows] == [
        (n1, Decimal("6123.45"), "overridden"),
        (n2, Decimal("24315.00"), "overridden"),
    ]
    path = tmp_path / "bases.xlsx"
    assert write_bases(path, YEAR, rows) == Decimal("30438.45")
    before = _bases(db)
    grid = read_workbook(path)[0]
    assert grid.rows[-1][0] == "合计" and grid.rows[-1][3] == pytest.approx(30438.45)
    plan = plan_base_import(db, admin, grid, YEAR)
    assert plan.problems == () and plan.changes == () and plan.unchanged == 2
    result = apply_base_import(db, admin, grid, YEAR)
    assert result.written == 0 and result.batch_id is None
    assert _bases(db) == before


def test_a_base_used_by_a_locked_month_refuses_the_file(db: Database, admin: Actor) -> None:
    (w1, n1, name1), (_, n2, name2), _ = _people(db, admin)
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    before = _bases(db)
    grid = _grid((n1, name1, str(before[w1][0])), (n2, name2, "9000"))
    plan = plan_base_import(db, admin, grid, YEAR)
    assert [(p.code, p.where.row) for p in plan.problems] == [("base_in_use", 3)]
    assert plan.unchanged == 1
    with pytest.raises(ActionRefused):
        apply_base_import(db, admin, grid, YEAR)
    assert _bases(db) == before


def test_set_and_import_clamp_alike(db: Database, admin: Actor) -> None:
    """§8.2: a base is clamped to the floor and ceiling whichever way it is entered; both paths
    keep the written figure, store the clamped one and say so in the same words."""
    (w1, _, _), (w2, n2, name2), (w3, n3, name3) = _people(db, admin)
    above = override_base(db, admin, w1, YEAR, "30000", "社保核定")
    expected = "缴费基数30000.00元超出4863.00–24315.00元，按24315.00元核定"
    assert (above.base, above.warning) == (Decimal("24315.00"), expected)
    below = override_base(db, admin, w3, YEAR, "3000", "社保核定")
    assert below.base == Decimal("4863.00")
    assert below.warning == "缴费基数3000.00元超出4863.00–24315.00元，按4863.00元核定"
    inside = override_base(db, admin, w2, YEAR, "6000", "社保核定")
    assert (inside.base, inside.warning) == (Decimal("6000.00"), None)

    plan = plan_base_import(db, admin, _grid((n2, name2, "30000"), (n3, name3, 3000)), YEAR)
    assert [p.message for p in plan.problems] == [expected, below.warning]
    apply_base_import(db, admin, _grid((n2, name2, "30000"), (n3, name3, 3000)), YEAR)
    bases = _bases(db)
    assert bases[w1] == bases[w2] == (Decimal("24315.00"), "override")
    assert bases[w3] == (Decimal("4863.00"), "override")
    with db.reading() as session:
        written = dict(
            session.execute(select(ContributionBase.worker_id, ContributionBase.computed))
            .tuples()
            .all()
        )
    assert written[w1] == written[w2] == Decimal("30000.00")
