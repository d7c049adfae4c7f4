"""worker.retirement_age: the original statutory retirement age (50, 55 or 60) of a person
(issue 19, 渐进式延迟法定退休年龄)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:05:00

Empty means the region's default for the person's sex (setting ``retirement_defaults``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retirement_age", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_column("retirement_age")
