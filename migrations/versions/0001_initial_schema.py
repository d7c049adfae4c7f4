"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 14:49:18.616598
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('allowance_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('key', sa.String(length=30), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('period', sa.String(length=5), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allowance_rate')),
    sa.UniqueConstraint('kind', 'key', 'effective_date', name=op.f('uq_allowance_rate_kind'))
    )
    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('headcount_norm', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('parent_id', 'kind', 'name', name=op.f('uq_org_unit_parent_id'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_parent_id'), ['parent_id'], unique=False)

    op.create_table('pay_scale',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_scale')),
    sa.UniqueConstraint('effective_date', name=op.f('uq_pay_scale_effective_date'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('training_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('organiser_level', sa.String(length=10), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('hours', sa.BigInteger(), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_session'))
    )
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=50), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('scope_org_id', sa.Integer(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['scope_org_id'], ['org_unit.id'], name=op.f('fk_app_user_scope_org_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('scale_amount',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scale_id', sa.Integer(), nullable=False),
    sa.Column('post', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('monthly_pay', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['scale_id'], ['pay_scale.id'], name=op.f('fk_scale_amount_scale_id_pay_scale')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scale_amount')),
    sa.UniqueConstraint('scale_id', 'post', 'level', name=op.f('uq_scale_amount_scale_id'))
    )
    op.create_table('scale_post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scale_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('aliases', sa.String(length=200), nullable=False),
    sa.Column('min_level', sa.Integer(), nullable=False),
    sa.Column('max_level', sa.Integer(), nullable=False),
    sa.Column('paid_as', sa.String(length=20), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['scale_id'], ['pay_scale.id'], name=op.f('fk_scale_post_scale_id_pay_scale')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scale_post')),
    sa.UniqueConstraint('scale_id', 'code', name=op.f('uq_scale_post_scale_id'))
    )
    op.create_table('worker',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sex', sa.String(length=2), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('political_status', sa.String(length=10), nullable=False),
    sa.Column('party_join_date', sa.Date(), nullable=True),
    sa.Column('fulltime_education', sa.String(length=10), nullable=True),
    sa.Column('highest_education', sa.String(length=10), nullable=True),
    sa.Column('school', sa.String(length=100), nullable=True),
    sa.Column('major', sa.String(length=100), nullable=True),
    sa.Column('work_start_date', sa.Date(), nullable=True),
    sa.Column('community_start_date', sa.Date(), nullable=True),
    sa.Column('recruitment_channel', sa.String(length=10), nullable=True),
    sa.Column('duties', sa.String(length=20), nullable=True),
    sa.Column('is_committee_member', sa.Boolean(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('post', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('level_start_year', sa.Integer(), nullable=True),
    sa.Column('credited_ladder', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('bank_account_name', sa.String(length=50), nullable=True),
    sa.Column('bank_name', sa.String(length=100), nullable=True),
    sa.Column('bank_account', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['org_unit.id'], name=op.f('fk_worker_community_id_org_unit')),
    sa.ForeignKeyConstraint(['grid_id'], ['org_unit.id'], name=op.f('fk_worker_grid_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_worker')),
    sa.UniqueConstraint('id_number', name=op.f('uq_worker_id_number'))
    )
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.create_index('ix_worker_community_status', ['community_id', 'status'], unique=False)

    op.create_table('appraisal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_appraisal_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisal')),
    sa.UniqueConstraint('worker_id', 'year', name=op.f('uq_appraisal_worker_id'))
    )
    op.create_table('certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=50), nullable=True),
    sa.Column('obtained_date', sa.Date(), nullable=True),
    sa.Column('registered_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_certificate_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('number', name=op.f('uq_certificate_number'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_worker_id'), ['worker_id'], unique=False)

    op.create_table('education_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('education', sa.String(length=10), nullable=False),
    sa.Column('fulltime', sa.Boolean(), nullable=False),
    sa.Column('school', sa.String(length=100), nullable=True),
    sa.Column('major', sa.String(length=100), nullable=True),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_education_record_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_education_record'))
    )
    with op.batch_alter_table('education_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_education_record_worker_id'), ['worker_id'], unique=False)

    op.create_table('honour',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('awarded_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_honour_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_honour'))
    )
    with op.batch_alter_table('honour', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_honour_worker_id'), ['worker_id'], unique=False)

    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_import_batch_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch'))
    )
    op.create_table('post_level_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('post', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_post_level_change_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_level_change'))
    )
    with op.batch_alter_table('post_level_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_level_change_worker_id'), ['worker_id'], unique=False)

    op.create_table('status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=4), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_status_change_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_change'))
    )
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_worker_id'), ['worker_id'], unique=False)

    op.create_table('training_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_attendance_session_id_training_session')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_training_attendance_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_attendance')),
    sa.UniqueConstraint('session_id', 'worker_id', name=op.f('uq_training_attendance_session_id'))
    )
    with op.batch_alter_table('training_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_attendance_worker_id'), ['worker_id'], unique=False)

    op.create_table('transfer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('from_community_id', sa.Integer(), nullable=True),
    sa.Column('to_community_id', sa.Integer(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['from_community_id'], ['org_unit.id'], name=op.f('fk_transfer_from_community_id_org_unit')),
    sa.ForeignKeyConstraint(['to_community_id'], ['org_unit.id'], name=op.f('fk_transfer_to_community_id_org_unit')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_transfer_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer'))
    )
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_worker_id'), ['worker_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_audit_log_batch_id_import_batch')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_audit_log_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_worker_id'))

    op.drop_table('transfer')
    with op.batch_alter_table('training_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_attendance_worker_id'))

    op.drop_table('training_attendance')
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_change_worker_id'))

    op.drop_table('status_change')
    with op.batch_alter_table('post_level_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_level_change_worker_id'))

    op.drop_table('post_level_change')
    op.drop_table('import_batch')
    with op.batch_alter_table('honour', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_honour_worker_id'))

    op.drop_table('honour')
    with op.batch_alter_table('education_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_education_record_worker_id'))

    op.drop_table('education_record')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_worker_id'))

    op.drop_table('certificate')
    op.drop_table('appraisal')
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_community_status')

    op.drop_table('worker')
    op.drop_table('scale_post')
    op.drop_table('scale_amount')
    op.drop_table('app_user')
    op.drop_table('training_session')
    op.drop_table('setting')
    op.drop_table('pay_scale')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_parent_id'))

    op.drop_table('org_unit')
    op.drop_table('allowance_rate')

