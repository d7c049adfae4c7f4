"""careers: certificate registrations and the promotion pipeline (issue 5)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:51:08.376594
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('certificate_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certificate_id', sa.Integer(), nullable=False),
    sa.Column('registered_date', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['certificate_id'], ['certificate.id'], name=op.f('fk_certificate_registration_certificate_id_certificate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_registration')),
    sa.UniqueConstraint('certificate_id', 'registered_date', name=op.f('uq_certificate_registration_certificate_id'))
    )
    with op.batch_alter_table('certificate_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_registration_certificate_id'), ['certificate_id'], unique=False)

    op.create_table('pipeline_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('target_role', sa.String(length=10), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=50), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['post_appointment.id'], name=op.f('fk_pipeline_transition_appointment_id_post_appointment')),
    sa.ForeignKeyConstraint(['recorded_by'], ['app_user.id'], name=op.f('fk_pipeline_transition_recorded_by_app_user')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_pipeline_transition_worker_id_worker')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pipeline_transition'))
    )
    with op.batch_alter_table('pipeline_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pipeline_transition_worker_id'), ['worker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pipeline_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pipeline_transition_worker_id'))

    op.drop_table('pipeline_transition')
    with op.batch_alter_table('certificate_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_registration_certificate_id'))

    op.drop_table('certificate_registration')
