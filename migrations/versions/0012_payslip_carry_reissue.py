"""net pay is never negative: the payslip's 上月欠扣 and 欠扣转下月; a locked month's re-issued
transfers (issue 15, §8.6)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 13:20:00

``payslip.owed_in`` is the shortfall carried from the previous month and deducted after tax,
``payslip.owed_out`` the part of the month's deductions its pay could not cover (fen; 0 for every
payslip written before). ``pay_reissue`` records each transfer of a locked month sent later, to
an account added after the lock, to a worker on the month's 另行发放/未发放 list.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        for name in ("owed_in", "owed_out"):
            batch_op.add_column(
                sa.Column(name, sa.BigInteger(), server_default="0", nullable=False)
            )
    op.create_table(
        "pay_reissue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("bank_account_name", sa.String(length=50), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["issued_by"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["month_id"], ["payroll_month.id"]),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month_id", "worker_id"),
    )
    with op.batch_alter_table("pay_reissue", schema=None) as batch_op:
        batch_op.create_index("ix_pay_reissue_month_id", ["month_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pay_reissue", schema=None) as batch_op:
        batch_op.drop_index("ix_pay_reissue_month_id")
    op.drop_table("pay_reissue")
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        batch_op.drop_column("owed_out")
        batch_op.drop_column("owed_in")
