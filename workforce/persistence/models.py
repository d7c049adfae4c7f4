"""All tables, imported in one place so ``Base.metadata`` is complete (Alembic, tests)."""

from workforce.persistence.accounts import AuditEntry, ImportBatch, Setting, User
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun, PostAppointment
from workforce.persistence.base import Base
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import AllowanceRate, PayScale, ScaleAmount, ScalePost
from workforce.persistence.people import (
    Appraisal,
    Certificate,
    EducationRecord,
    Honour,
    PostLevelChange,
    StatusChange,
    TrainingAttendance,
    TrainingSession,
    Transfer,
    Worker,
)

__all__ = [
    "AdjustmentItem",
    "AdjustmentRun",
    "AllowanceRate",
    "Appraisal",
    "AuditEntry",
    "Base",
    "Certificate",
    "EducationRecord",
    "Honour",
    "ImportBatch",
    "OrgUnit",
    "PayScale",
    "PostAppointment",
    "PostLevelChange",
    "ScaleAmount",
    "ScalePost",
    "Setting",
    "StatusChange",
    "TrainingAttendance",
    "TrainingSession",
    "Transfer",
    "User",
    "Worker",
]
