"""a locked month's payslips change for nobody but the schema's owner (issue 18 §3)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 13:20:00

PostgreSQL only (an embedded file has no roles: who has the file owns it). Triggers on
``payslip`` (INSERT, UPDATE, DELETE) and ``payroll_month`` (UPDATE, DELETE of a locked row)
refuse the change unless the connected role is a member of the table's owner (the owner role of
``workforce server setup``, or a superuser): the clerks' role cannot alter a locked month with
any SQL client. The program itself never changes a locked month.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "已锁定月份的工资条不能修改，只有数据库所有者可以更正 (locked payroll month)"
OWNER = "pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION payslip_locked_month() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN IF {OWNER} THEN RETURN COALESCE(NEW, OLD); END IF;"
        " IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM payroll_month m"
        "  WHERE m.id = OLD.month_id AND m.status = 'locked')"
        f" THEN RAISE EXCEPTION '{MESSAGE}'; END IF;"
        " IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM payroll_month m"
        "  WHERE m.id = NEW.month_id AND m.status = 'locked')"
        f" THEN RAISE EXCEPTION '{MESSAGE}'; END IF;"
        " RETURN COALESCE(NEW, OLD); END $$"
    )
    op.execute(
        "CREATE TRIGGER payslip_locked_month BEFORE INSERT OR UPDATE OR DELETE ON payslip"
        " FOR EACH ROW EXECUTE FUNCTION payslip_locked_month()"
    )
    op.execute(
        "CREATE FUNCTION payroll_month_locked() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN IF OLD.status = 'locked' AND NOT {OWNER}"
        f" THEN RAISE EXCEPTION '{MESSAGE}'; END IF; RETURN COALESCE(NEW, OLD); END $$"
    )
    op.execute(
        "CREATE TRIGGER payroll_month_locked BEFORE UPDATE OR DELETE ON payroll_month"
        " FOR EACH ROW EXECUTE FUNCTION payroll_month_locked()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS payroll_month_locked ON payroll_month")
    op.execute("DROP FUNCTION IF EXISTS payroll_month_locked()")
    op.execute("DROP TRIGGER IF EXISTS payslip_locked_month ON payslip")
    op.execute("DROP FUNCTION IF EXISTS payslip_locked_month()")
