"""opening figures (期初累计): the year so far of a unit that starts the program mid-year (issue 15)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:00:00

One row per worker and year: the cumulative figures the tax authority's withholding client reports
through ``through_month``; the first calculated month of the year continues from them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payroll_opening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("through_month", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("income", sa.BigInteger(), nullable=False),
        sa.Column("exempt_income", sa.BigInteger(), nullable=False),
        sa.Column("insurance", sa.BigInteger(), nullable=False),
        sa.Column("special_deductions", sa.BigInteger(), nullable=False),
        sa.Column("other_deductions", sa.BigInteger(), nullable=False),
        sa.Column("withheld", sa.BigInteger(), nullable=False),
        sa.Column("basic_deduction", sa.BigInteger(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["app_user.id"], name=op.f("fk_payroll_opening_updated_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_payroll_opening_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payroll_opening")),
        sa.UniqueConstraint("worker_id", "year", name=op.f("uq_payroll_opening_worker_id")),
    )
    with op.batch_alter_table("payroll_opening", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payroll_opening_year"), ["year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payroll_opening", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payroll_opening_year"))
    op.drop_table("payroll_opening")
