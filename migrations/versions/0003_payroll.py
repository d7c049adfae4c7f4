"""payroll

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 15:40:36.623863
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('insurance_base_bounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('floor', sa.BigInteger(), nullable=False),
    sa.Column('ceiling', sa.BigInteger(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_base_bounds')),
    sa.UniqueConstraint('effective_date', name=op.f('uq_insurance_base_bounds_effective_date'))
    )
    op.create_table('insurance_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('employer_rate', sa.BigInteger(), nullable=False),
    sa.Column('individual_rate', sa.BigInteger(), nullable=False),
    sa.Column('rounding', sa.String(length=8), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_insurance_rate')),
    sa.UniqueConstraint('code', 'effective_date', name=op.f('uq_insurance_rate_code'))
    )
    op.create_table('contribution_base',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('base', sa.BigInteger(), nullable=False),
    sa.Column('computed', sa.BigInteger(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['updated_by'], ['app_user.id'], name=op.f('fk_contribution_base_updated_by_app_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_contribution_base_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contribution_base')),
    sa.UniqueConstraint('worker_id', 'year', name=op.f('uq_contribution_base_worker_id'))
    )
    with op.batch_alter_table('contribution_base', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contribution_base_year'), ['year'], unique=False)

    op.create_table('pay_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('taxable', sa.Boolean(), nullable=False),
    sa.Column('insurable', sa.Boolean(), nullable=False),
    sa.Column('after_tax', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_pay_item_created_by_app_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_pay_item_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_item'))
    )
    with op.batch_alter_table('pay_item', schema=None) as batch_op:
        batch_op.create_index('ix_pay_item_period_worker', ['period', 'worker_id'], unique=False)

    op.create_table('payroll_month',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('worker_count', sa.Integer(), nullable=False),
    sa.Column('gross_total', sa.BigInteger(), nullable=False),
    sa.Column('tax_total', sa.BigInteger(), nullable=False),
    sa.Column('net_total', sa.BigInteger(), nullable=False),
    sa.Column('employer_total', sa.BigInteger(), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('inputs_hash', sa.String(length=64), nullable=False),
    sa.Column('runs', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('calculated_by', sa.Integer(), nullable=True),
    sa.Column('calculated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_by', sa.Integer(), nullable=True),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by'], ['app_user.id'], name=op.f('fk_payroll_month_approved_by_app_user')),
    sa.ForeignKeyConstraint(['calculated_by'], ['app_user.id'], name=op.f('fk_payroll_month_calculated_by_app_user')),
    sa.ForeignKeyConstraint(['locked_by'], ['app_user.id'], name=op.f('fk_payroll_month_locked_by_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payroll_month')),
    sa.UniqueConstraint('period', name=op.f('uq_payroll_month_period'))
    )
    op.create_table('special_deduction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('monthly_amount', sa.BigInteger(), nullable=False),
    sa.Column('from_month', sa.Date(), nullable=False),
    sa.Column('to_month', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_special_deduction_created_by_app_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_special_deduction_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_special_deduction'))
    )
    with op.batch_alter_table('special_deduction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_special_deduction_worker_id'), ['worker_id'], unique=False)

    op.create_table('tax_flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('first_income_of_year', sa.Boolean(), nullable=False),
    sa.Column('prior_year_low_income', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_tax_flag_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tax_flag')),
    sa.UniqueConstraint('worker_id', 'year', name=op.f('uq_tax_flag_worker_id'))
    )
    op.create_table('pay_arrears',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('owed_period', sa.Date(), nullable=False),
    sa.Column('paid_month_id', sa.Integer(), nullable=False),
    sa.Column('old_amount', sa.BigInteger(), nullable=False),
    sa.Column('new_amount', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['paid_month_id'], ['payroll_month.id'], name=op.f('fk_pay_arrears_paid_month_id_payroll_month')),
    sa.ForeignKeyConstraint(['run_id'], ['adjustment_run.id'], name=op.f('fk_pay_arrears_run_id_adjustment_run')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_pay_arrears_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_arrears')),
    sa.UniqueConstraint('run_id', 'worker_id', 'owed_period', name=op.f('uq_pay_arrears_run_id'))
    )
    with op.batch_alter_table('pay_arrears', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_arrears_paid_month_id'), ['paid_month_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pay_arrears_run_id'), ['run_id'], unique=False)

    op.create_table('payslip',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('post', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('days_employed', sa.Integer(), nullable=False),
    sa.Column('days_in_month', sa.Integer(), nullable=False),
    sa.Column('gross', sa.BigInteger(), nullable=False),
    sa.Column('taxable_income', sa.BigInteger(), nullable=False),
    sa.Column('insurable_gross', sa.BigInteger(), nullable=False),
    sa.Column('insurance', sa.BigInteger(), nullable=False),
    sa.Column('employer', sa.BigInteger(), nullable=False),
    sa.Column('special_deductions', sa.BigInteger(), nullable=False),
    sa.Column('other_deductions', sa.BigInteger(), nullable=False),
    sa.Column('tax', sa.BigInteger(), nullable=False),
    sa.Column('after_tax', sa.BigInteger(), nullable=False),
    sa.Column('net', sa.BigInteger(), nullable=False),
    sa.Column('tax_first_month', sa.Integer(), nullable=False),
    sa.Column('cum_income', sa.BigInteger(), nullable=False),
    sa.Column('cum_exempt', sa.BigInteger(), nullable=False),
    sa.Column('cum_basic', sa.BigInteger(), nullable=False),
    sa.Column('cum_insurance', sa.BigInteger(), nullable=False),
    sa.Column('cum_special', sa.BigInteger(), nullable=False),
    sa.Column('cum_other', sa.BigInteger(), nullable=False),
    sa.Column('cum_taxable', sa.BigInteger(), nullable=False),
    sa.Column('tax_rate', sa.BigInteger(), nullable=False),
    sa.Column('quick_deduction', sa.BigInteger(), nullable=False),
    sa.Column('cum_tax', sa.BigInteger(), nullable=False),
    sa.Column('withheld_before', sa.BigInteger(), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('contributions', sa.Text(), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('inputs_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['org_unit.id'], name=op.f('fk_payslip_community_id_org_unit')),
    sa.ForeignKeyConstraint(['month_id'], ['payroll_month.id'], name=op.f('fk_payslip_month_id_payroll_month')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_payslip_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payslip')),
    sa.UniqueConstraint('month_id', 'worker_id', name=op.f('uq_payslip_month_id'))
    )
    with op.batch_alter_table('payslip', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payslip_worker_id'), ['worker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('payslip', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payslip_worker_id'))

    op.drop_table('payslip')
    with op.batch_alter_table('pay_arrears', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_arrears_run_id'))
        batch_op.drop_index(batch_op.f('ix_pay_arrears_paid_month_id'))

    op.drop_table('pay_arrears')
    op.drop_table('tax_flag')
    with op.batch_alter_table('special_deduction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_special_deduction_worker_id'))

    op.drop_table('special_deduction')
    op.drop_table('payroll_month')
    with op.batch_alter_table('pay_item', schema=None) as batch_op:
        batch_op.drop_index('ix_pay_item_period_worker')

    op.drop_table('pay_item')
    with op.batch_alter_table('contribution_base', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contribution_base_year'))

    op.drop_table('contribution_base')
    op.drop_table('insurance_rate')
    op.drop_table('insurance_base_bounds')
