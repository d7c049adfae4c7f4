"""payroll bonus: 全年一次性奖金 on pay items and the separately taxed bonus on payslips

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pay_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("annual_bonus", sa.String(length=10), nullable=True))
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("bonus_income", sa.BigInteger(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("bonus_tax", sa.BigInteger(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        batch_op.drop_column("bonus_tax")
        batch_op.drop_column("bonus_income")
    with op.batch_alter_table("pay_item", schema=None) as batch_op:
        batch_op.drop_column("annual_bonus")
