"""Every action is enforced in its service for every role, as ``ALLOWED`` says (not only by
hiding buttons): a refused role gets 「无权」, an allowed one passes the gate (and may then meet
an ordinary refusal such as "不存在" for the made-up ids used here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from tests.factories import make_worker
from workforce.domain.accounts.permissions import ALLOWED, Action
from workforce.domain.problems import ActionRefused
from workforce.domain.sheet import SheetGrid
from workforce.domain.vocab import Role
from workforce.services.accounts import audit_views, users
from workforce.services.accounts.acting_user import actor_for
from workforce.services.adjustment import apply as adjustment_apply
from workforce.services.adjustment import appraisals
from workforce.services.adjustment import run as adjustment_run
from workforce.services.adjustment import views as adjustment_views
from workforce.services.careers import certificates, pipeline, training
from workforce.services.context import Actor, Database
from workforce.services.payroll import bases as payroll_bases
from workforce.services.payroll import calc as payroll_calc
from workforce.services.payroll import lifecycle as payroll_lifecycle
from workforce.services.roster import dossier, org, workers
from workforce.services.roster import export as roster_export
from workforce.services.roster import importing as roster_import
from workforce.services.scales import allowances
from workforce.services.system import demo

NOWHERE = 999_999
DAY = dt.date(2026, 3, 1)
Call = Callable[[Database, Actor], object]

# one representative service per action; the mutating ones first
CALLS: dict[Action, Call] = {
    Action.EDIT_WORKERS: lambda db, a: workers.create_worker(db, a, make_worker(NOWHERE)),
    Action.IMPORT_ROSTER: lambda db, a: roster_import.apply_roster_import(
        db, a, SheetGrid("花名册", (("姓名",),))
    ),
    Action.EDIT_ORGANISATION: lambda db, a: org.rename_unit(db, a, NOWHERE, "新名称"),
    Action.EDIT_CONFIGURATION: lambda db, a: allowances.set_allowance(
        db, a, "none", "none", Decimal(1), DAY
    ),
    Action.GENERATE_DEMO: lambda db, a: demo.generate_demo(db, a, workers=-1, seed=1),
    Action.MANAGE_USERS: lambda db, a: users.unlock_user(db, a, "nobody"),
    Action.PREPARE_ADJUSTMENT: lambda db, a: adjustment_apply.discard_run(db, a, NOWHERE),
    Action.APPROVE_ADJUSTMENT: lambda db, a: adjustment_run.approve_run(db, a, NOWHERE),
    Action.APPLY_ADJUSTMENT: lambda db, a: adjustment_apply.apply_run(db, a, NOWHERE),
    Action.RECORD_APPRAISALS: lambda db, a: appraisals.record_appraisals(db, a, 1800, []),
    Action.EDIT_PAY_INPUTS: lambda db, a: payroll_bases.override_base(
        db, a, NOWHERE, 2026, Decimal(1), "测试"
    ),
    Action.CALCULATE_PAYROLL: lambda db, a: payroll_calc.calculate_month(db, a, "1800-01"),
    Action.APPROVE_PAYROLL: lambda db, a: payroll_lifecycle.approve_month(db, a, "1800-01"),
    Action.LOCK_PAYROLL: lambda db, a: payroll_lifecycle.lock_month(db, a, "1800-01"),
    Action.RECORD_CERTIFICATES: lambda db, a: certificates.record_certificate(db, a, None),  # type: ignore[arg-type]
    Action.RECORD_TRAINING: lambda db, a: training.create_session(db, a, None),  # type: ignore[arg-type]
    Action.MOVE_PIPELINE: lambda db, a: pipeline.move(
        db, a, NOWHERE, "none", effective_date=DAY, reason="测试"
    ),
    Action.EXPORT_ROSTER: roster_export.roster_for_export,
    Action.VIEW_WORKERS: lambda db, a: dossier.load_dossier(db, a, NOWHERE),
    Action.VIEW_ADJUSTMENT: adjustment_views.list_runs,
    Action.EXPORT_PAYROLL: lambda db, a: payroll_lifecycle.verify_month(db, a, "1800-01"),
    Action.VIEW_AUDIT: audit_views.audit_choices,
}


def test_every_action_has_a_representative_service() -> None:
    assert set(CALLS) == set(Action)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_allowed_or_refused_as_allowed_says(db: Database, role: Role) -> None:
    if role is not Role.ADMIN:
        users.create_user(db, actor_for(db), f"user_{role.value}", "", role)
    actor = actor_for(db, "admin" if role is Role.ADMIN else f"user_{role.value}")
    outcome: dict[Action, bool] = {}
    for action, call in CALLS.items():
        try:
            call(db, actor)
            outcome[action] = True
        except ActionRefused as exc:
            outcome[action] = "无权" not in exc.message
        except Exception:  # past the gate, failing on the made-up input
            outcome[action] = True
    expected = {action: role in ALLOWED[action] for action in CALLS}
    assert outcome == expected
