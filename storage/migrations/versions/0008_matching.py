"""matching preferences of a programme (weights, in person) and the committee's draft placements

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "programme",
        sa.Column("in_person", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("programme", sa.Column("weights", sa.JSON(), nullable=False, server_default="{}"))
    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("mentee_application_id", sa.Integer(), nullable=False),
        sa.Column("mentor_application_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("moved_reason", sa.String(length=500), nullable=False),
        sa.Column("moved_by_person_id", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_placement_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["mentee_application_id"],
            ["application.id"],
            name=op.f("fk_placement_mentee_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["mentor_application_id"],
            ["application.id"],
            name=op.f("fk_placement_mentor_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["moved_by_person_id"],
            ["person.id"],
            name=op.f("fk_placement_moved_by_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement")),
        sa.UniqueConstraint(
            "programme_id",
            "mentee_application_id",
            name=op.f("uq_placement_programme_id_mentee_application_id"),
        ),
    )
    op.create_index(op.f("ix_placement_programme_id"), "placement", ["programme_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_placement_programme_id"), table_name="placement")
    op.drop_table("placement")
    op.drop_column("programme", "weights")
    op.drop_column("programme", "in_person")
