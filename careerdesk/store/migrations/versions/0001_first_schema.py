"""The journal's first schema: every record kind of product.md and the search index.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 10:23:08.737461
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('compensation',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('level', sa.Text(), nullable=True),
    sa.Column('base', sa.Float(), nullable=True),
    sa.Column('bonus', sa.Float(), nullable=True),
    sa.Column('equity', sa.Float(), nullable=True),
    sa.Column('currency', sa.String(length=10), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compensation')),
    sa.UniqueConstraint('uid', name=op.f('uq_compensation_uid'))
    )
    with op.batch_alter_table('compensation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compensation_date'), ['date'], unique=False)

    op.create_table('cycle_event',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('duration_days', sa.Integer(), nullable=True),
    sa.Column('recurrence', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_event')),
    sa.UniqueConstraint('uid', name=op.f('uq_cycle_event_uid'))
    )
    with op.batch_alter_table('cycle_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_event_date'), ['date'], unique=False)

    op.create_table('interaction',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('follow_up', sa.Date(), nullable=True),
    sa.Column('follow_up_action', sa.Text(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction')),
    sa.UniqueConstraint('uid', name=op.f('uq_interaction_uid'))
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_follow_up'), ['follow_up'], unique=False)
        batch_op.create_index('ix_interaction_open_follow_up', ['done', 'follow_up'], unique=False)

    op.create_table('journal_entry',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journal_entry')),
    sa.UniqueConstraint('uid', name=op.f('uq_journal_entry_uid'))
    )
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entry_date'), ['date'], unique=False)

    op.create_table('person',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('influence', sa.Integer(), nullable=True),
    sa.Column('stance', sa.String(length=20), nullable=False),
    sa.Column('relationship', sa.Integer(), nullable=True),
    sa.Column('cadence_days', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('uid', name=op.f('uq_person_uid'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('skill',
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill')),
    sa.UniqueConstraint('name', name=op.f('uq_skill_name')),
    sa.UniqueConstraint('uid', name=op.f('uq_skill_uid'))
    )
    op.create_table('target',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('level', sa.Text(), nullable=True),
    sa.Column('path', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target')),
    sa.UniqueConstraint('uid', name=op.f('uq_target_uid'))
    )
    op.create_table('experience',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('sponsor_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('reflection', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['sponsor_id'], ['person.id'], name=op.f('fk_experience_sponsor_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_experience')),
    sa.UniqueConstraint('uid', name=op.f('uq_experience_uid'))
    )
    with op.batch_alter_table('experience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_experience_sponsor_id'), ['sponsor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_experience_start'), ['start'], unique=False)

    op.create_table('interaction_person',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_interaction_person_interaction_id_interaction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_interaction_person_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', 'person_id', name=op.f('pk_interaction_person'))
    )
    with op.batch_alter_table('interaction_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_person_person_id'), ['person_id'], unique=False)

    op.create_table('opening',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('department', sa.Text(), nullable=True),
    sa.Column('posted', sa.Date(), nullable=True),
    sa.Column('closes', sa.Date(), nullable=True),
    sa.Column('hiring_manager_id', sa.Integer(), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('availability', sa.String(length=30), nullable=False),
    sa.Column('reference', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hiring_manager_id'], ['person.id'], name=op.f('fk_opening_hiring_manager_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_opening_target_id_target'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opening')),
    sa.UniqueConstraint('uid', name=op.f('uq_opening_uid'))
    )
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opening_closes'), ['closes'], unique=False)
        batch_op.create_index(batch_op.f('ix_opening_hiring_manager_id'), ['hiring_manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opening_target_id'), ['target_id'], unique=False)

    op.create_table('plan',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('strategy', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('current', sa.JSON(), nullable=False),
    sa.Column('ask', sa.JSON(), nullable=False),
    sa.Column('benchmarks', sa.JSON(), nullable=False),
    sa.Column('talking_points', sa.JSON(), nullable=False),
    sa.Column('objections', sa.JSON(), nullable=False),
    sa.Column('fallbacks', sa.JSON(), nullable=False),
    sa.Column('walk_away', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.JSON(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_plan_target_id_target'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
    sa.UniqueConstraint('uid', name=op.f('uq_plan_uid'))
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_meeting_date'), ['meeting_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_target_id'), ['target_id'], unique=False)

    op.create_table('target_skill',
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_target_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_target_skill_target_id_target'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('target_id', 'skill_id', name=op.f('pk_target_skill'))
    )
    with op.batch_alter_table('target_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('achievement',
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('story', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('scope', sa.String(length=20), nullable=True),
    sa.Column('experience_id', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('highlight', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['experience_id'], ['experience.id'], name=op.f('fk_achievement_experience_id_experience'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_achievement')),
    sa.UniqueConstraint('uid', name=op.f('uq_achievement_uid'))
    )
    with op.batch_alter_table('achievement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_achievement_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_achievement_experience_id'), ['experience_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_achievement_kind'), ['kind'], unique=False)

    op.create_table('experience_skill',
    sa.Column('experience_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['experience_id'], ['experience.id'], name=op.f('fk_experience_skill_experience_id_experience'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_experience_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('experience_id', 'skill_id', name=op.f('pk_experience_skill'))
    )
    with op.batch_alter_table('experience_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_experience_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('plan_participant',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_plan_participant_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_participant_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'person_id', name=op.f('pk_plan_participant'))
    )
    with op.batch_alter_table('plan_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_participant_person_id'), ['person_id'], unique=False)

    op.create_table('achievement_person',
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement.id'], name=op.f('fk_achievement_person_achievement_id_achievement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_achievement_person_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('achievement_id', 'person_id', name=op.f('pk_achievement_person'))
    )
    with op.batch_alter_table('achievement_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_achievement_person_person_id'), ['person_id'], unique=False)

    op.create_table('achievement_skill',
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement.id'], name=op.f('fk_achievement_skill_achievement_id_achievement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_achievement_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('achievement_id', 'skill_id', name=op.f('pk_achievement_skill'))
    )
    with op.batch_alter_table('achievement_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_achievement_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('metric',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('baseline', sa.Float(), nullable=True),
    sa.Column('result', sa.Float(), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement.id'], name=op.f('fk_metric_achievement_id_achievement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric'))
    )
    with op.batch_alter_table('metric', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metric_achievement_id'), ['achievement_id'], unique=False)

    op.create_table('plan_evidence',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('achievement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement.id'], name=op.f('fk_plan_evidence_achievement_id_achievement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_evidence_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'achievement_id', name=op.f('pk_plan_evidence'))
    )
    with op.batch_alter_table('plan_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_evidence_achievement_id'), ['achievement_id'], unique=False)


    # The full-text index; the same statement as careerdesk.store.search_index.CREATE_TABLE,
    # written out because a migration must not change when the code does.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, kind UNINDEXED, uid UNINDEXED, day UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )

def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    with op.batch_alter_table('plan_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_evidence_achievement_id'))

    op.drop_table('plan_evidence')
    with op.batch_alter_table('metric', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metric_achievement_id'))

    op.drop_table('metric')
    with op.batch_alter_table('achievement_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_achievement_skill_skill_id'))

    op.drop_table('achievement_skill')
    with op.batch_alter_table('achievement_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_achievement_person_person_id'))

    op.drop_table('achievement_person')
    with op.batch_alter_table('plan_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_participant_person_id'))

    op.drop_table('plan_participant')
    with op.batch_alter_table('experience_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_experience_skill_skill_id'))

    op.drop_table('experience_skill')
    with op.batch_alter_table('achievement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_achievement_kind'))
        batch_op.drop_index(batch_op.f('ix_achievement_experience_id'))
        batch_op.drop_index(batch_op.f('ix_achievement_date'))

    op.drop_table('achievement')
    with op.batch_alter_table('target_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_skill_skill_id'))

    op.drop_table('target_skill')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_target_id'))
        batch_op.drop_index(batch_op.f('ix_plan_meeting_date'))

    op.drop_table('plan')
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opening_target_id'))
        batch_op.drop_index(batch_op.f('ix_opening_hiring_manager_id'))
        batch_op.drop_index(batch_op.f('ix_opening_closes'))

    op.drop_table('opening')
    with op.batch_alter_table('interaction_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_person_person_id'))

    op.drop_table('interaction_person')
    with op.batch_alter_table('experience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_experience_start'))
        batch_op.drop_index(batch_op.f('ix_experience_sponsor_id'))

    op.drop_table('experience')
    op.drop_table('target')
    op.drop_table('skill')
    op.drop_table('setting')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))

    op.drop_table('person')
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_entry_date'))

    op.drop_table('journal_entry')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index('ix_interaction_open_follow_up')
        batch_op.drop_index(batch_op.f('ix_interaction_follow_up'))
        batch_op.drop_index(batch_op.f('ix_interaction_date'))

    op.drop_table('interaction')
    with op.batch_alter_table('cycle_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_event_date'))

    op.drop_table('cycle_event')
    with op.batch_alter_table('compensation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compensation_date'))

    op.drop_table('compensation')
