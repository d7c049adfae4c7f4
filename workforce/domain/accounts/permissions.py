"""Who may do what: each user action names the roles allowed to perform it."""

from __future__ import annotations

from enum import StrEnum

from workforce.domain.vocab import Role

# the first administrator, made at the first start (its password is set at the first sign-in)
DEFAULT_ADMIN = "admin"


class Action(StrEnum):
    EDIT_WORKERS = "edit_workers"
    IMPORT_ROSTER = "import_roster"
    EXPORT_ROSTER = "export_roster"
    VIEW_WORKERS = "view_workers"
    EDIT_ORGANISATION = "edit_organisation"
    EDIT_CONFIGURATION = "edit_configuration"
    GENERATE_DEMO = "generate_demo"
    MANAGE_USERS = "manage_users"
    PREPARE_ADJUSTMENT = "prepare_adjustment"
    APPROVE_ADJUSTMENT = "approve_adjustment"
    VIEW_ADJUSTMENT = "view_adjustment"
    APPLY_ADJUSTMENT = "apply_adjustment"
    RECORD_APPRAISALS = "record_appraisals"
    EDIT_PAY_INPUTS = "edit_pay_inputs"
    CALCULATE_PAYROLL = "calculate_payroll"
    APPROVE_PAYROLL = "approve_payroll"
    LOCK_PAYROLL = "lock_payroll"
    EXPORT_PAYROLL = "export_payroll"
    RECORD_CERTIFICATES = "record_certificates"
    RECORD_TRAINING = "record_training"
    MOVE_PIPELINE = "move_pipeline"
    VIEW_AUDIT = "view_audit"


ALLOWED: dict[Action, frozenset[Role]] = {
    Action.EDIT_WORKERS: frozenset({Role.CLERK, Role.ADMIN}),
    Action.IMPORT_ROSTER: frozenset({Role.CLERK, Role.ADMIN}),
    Action.EXPORT_ROSTER: frozenset({Role.CLERK, Role.APPROVER, Role.FINANCE, Role.ADMIN}),
    Action.VIEW_WORKERS: frozenset(Role),
    Action.EDIT_ORGANISATION: frozenset({Role.CLERK, Role.ADMIN}),
    Action.EDIT_CONFIGURATION: frozenset({Role.ADMIN}),
    Action.GENERATE_DEMO: frozenset({Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.PREPARE_ADJUSTMENT: frozenset({Role.CLERK, Role.ADMIN}),
    Action.APPROVE_ADJUSTMENT: frozenset({Role.APPROVER, Role.ADMIN}),
    # a run shows every person's pay: the roles that may see pay (all four today, named so a
    # future read-only role does not inherit it)
    Action.VIEW_ADJUSTMENT: frozenset({Role.CLERK, Role.APPROVER, Role.FINANCE, Role.ADMIN}),
    Action.APPLY_ADJUSTMENT: frozenset({Role.CLERK, Role.APPROVER, Role.ADMIN}),
    Action.RECORD_APPRAISALS: frozenset({Role.CLERK, Role.ADMIN}),
    Action.EDIT_PAY_INPUTS: frozenset({Role.CLERK, Role.ADMIN}),
    Action.CALCULATE_PAYROLL: frozenset({Role.CLERK, Role.ADMIN}),
    Action.APPROVE_PAYROLL: frozenset({Role.APPROVER, Role.ADMIN}),
    Action.LOCK_PAYROLL: frozenset({Role.FINANCE, Role.ADMIN}),
    Action.EXPORT_PAYROLL: frozenset(Role),
    Action.RECORD_CERTIFICATES: frozenset({Role.CLERK, Role.ADMIN}),
    Action.RECORD_TRAINING: frozenset({Role.CLERK, Role.ADMIN}),
    Action.MOVE_PIPELINE: frozenset({Role.CLERK, Role.ADMIN}),
    # the log shows who changed whose pay: those who check the work, not those who do it
    Action.VIEW_AUDIT: frozenset({Role.APPROVER, Role.ADMIN}),
}


def is_allowed(role: Role, action: Action) -> bool:
    return role in ALLOWED[action]
