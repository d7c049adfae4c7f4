"""All tables, imported in one place so ``Base.metadata`` is complete (Alembic, tests)."""

from workforce.persistence.accounts import AuditEntry, ImportBatch, Setting, User
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun, PostAppointment
from workforce.persistence.base import Base
from workforce.persistence.careers import CertificateRegistration, PipelineTransition
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import AllowanceRate, PayScale, ScaleAmount, ScalePost
from workforce.persistence.payroll import (
    ContributionBase,
    InsuranceBaseBounds,
    InsuranceRate,
    PayArrears,
    PayItem,
    PayrollMonth,
    Payslip,
    SpecialDeduction,
    TaxFlag,
)
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
    "CertificateRegistration",
    "ContributionBase",
    "EducationRecord",
    "Honour",
    "ImportBatch",
    "InsuranceBaseBounds",
    "InsuranceRate",
    "OrgUnit",
    "PayArrears",
    "PayItem",
    "PayScale",
    "PayrollMonth",
    "Payslip",
    "PipelineTransition",
    "PostAppointment",
    "PostLevelChange",
    "ScaleAmount",
    "ScalePost",
    "Setting",
    "SpecialDeduction",
    "StatusChange",
    "TaxFlag",
    "TrainingAttendance",
    "TrainingSession",
    "Transfer",
    "User",
    "Worker",
]
