"""adjustment runs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:58:54.183333
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('adjustment_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('scale_id', sa.Integer(), nullable=True),
    sa.Column('person_times', sa.Integer(), nullable=False),
    sa.Column('yearly_cost', sa.BigInteger(), nullable=False),
    sa.Column('prepared_by', sa.Integer(), nullable=True),
    sa.Column('prepared_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('applied_by', sa.Integer(), nullable=True),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reverted_by', sa.Integer(), nullable=True),
    sa.Column('reverted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applied_by'], ['app_user.id'], name=op.f('fk_adjustment_run_applied_by_app_user')),
    sa.ForeignKeyConstraint(['approved_by'], ['app_user.id'], name=op.f('fk_adjustment_run_approved_by_app_user')),
    sa.ForeignKeyConstraint(['prepared_by'], ['app_user.id'], name=op.f('fk_adjustment_run_prepared_by_app_user')),
    sa.ForeignKeyConstraint(['reverted_by'], ['app_user.id'], name=op.f('fk_adjustment_run_reverted_by_app_user')),
    sa.ForeignKeyConstraint(['scale_id'], ['pay_scale.id'], name=op.f('fk_adjustment_run_scale_id_pay_scale')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adjustment_run'))
    )
    with op.batch_alter_table('adjustment_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjustment_run_year'), ['year'], unique=False)

    op.create_table('adjustment_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('old_post', sa.String(length=20), nullable=False),
    sa.Column('old_level', sa.Integer(), nullable=False),
    sa.Column('new_post', sa.String(length=20), nullable=False),
    sa.Column('proposed_level', sa.Integer(), nullable=False),
    sa.Column('new_level', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.Column('monthly_delta', sa.BigInteger(), nullable=False),
    sa.Column('yearly_delta', sa.BigInteger(), nullable=False),
    sa.Column('excluded', sa.Boolean(), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.Column('state_before', sa.JSON(), nullable=False),
    sa.Column('state_after', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['adjustment_run.id'], name=op.f('fk_adjustment_item_run_id_adjustment_run')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_adjustment_item_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adjustment_item')),
    sa.UniqueConstraint('run_id', 'worker_id', name=op.f('uq_adjustment_item_run_id'))
    )
    with op.batch_alter_table('adjustment_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjustment_item_worker_id'), ['worker_id'], unique=False)

    op.create_table('post_appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('new_post', sa.String(length=20), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['adjustment_run.id'], name=op.f('fk_post_appointment_run_id_adjustment_run')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_post_appointment_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_appointment'))
    )
    with op.batch_alter_table('post_appointment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_appointment_worker_id'), ['worker_id'], unique=False)

    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.add_column(sa.Column('early_steps_used', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('early_streak_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('credited_honour_kinds', sa.String(length=100), nullable=False, server_default=''))




def downgrade() -> None:

    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_column('credited_honour_kinds')
        batch_op.drop_column('early_streak_start')
        batch_op.drop_column('early_steps_used')

    with op.batch_alter_table('post_appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_appointment_worker_id'))

    op.drop_table('post_appointment')
    with op.batch_alter_table('adjustment_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adjustment_item_worker_id'))

    op.drop_table('adjustment_item')
    with op.batch_alter_table('adjustment_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adjustment_run_year'))

    op.drop_table('adjustment_run')

