"""payslip keeps who was paid, as paid: name, ID number, unit and bank account (issue 13, §8.6)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 10:30:00

A locked month's bank file, workbook and slips read these instead of the worker's current row.
Payslips written before this revision take the worker's data as it stands at the upgrade (the
best record there is of what they were paid with).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = {"name": 50, "id_number": 18, "street_name": 100, "community_name": 100}
OPTIONAL = {"bank_account_name": 50, "bank_name": 100, "bank_account": 40}

BACKFILL = """
UPDATE payslip SET
  name = (SELECT w.name FROM worker w WHERE w.id = payslip.worker_id),
  id_number = (SELECT w.id_number FROM worker w WHERE w.id = payslip.worker_id),
  bank_account_name = (SELECT w.bank_account_name FROM worker w WHERE w.id = payslip.worker_id),
  bank_name = (SELECT w.bank_name FROM worker w WHERE w.id = payslip.worker_id),
  bank_account = (SELECT w.bank_account FROM worker w WHERE w.id = payslip.worker_id),
  community_name = (SELECT c.name FROM org_unit c WHERE c.id = payslip.community_id),
  street_name = COALESCE((
    SELECT s.name FROM org_unit c JOIN org_unit s ON s.id = c.parent_id
    WHERE c.id = payslip.community_id), '')
"""


def upgrade() -> None:
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        for name, length in TEXT.items():
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), server_default="", nullable=False)
            )
        for name, length in OPTIONAL.items():
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))
    op.execute(BACKFILL)


def downgrade() -> None:
    with op.batch_alter_table("payslip", schema=None) as batch_op:
        for name in (*reversed(OPTIONAL), *reversed(TEXT)):
            batch_op.drop_column(name)
