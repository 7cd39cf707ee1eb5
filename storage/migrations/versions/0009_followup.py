"""follow-up: the programme's pulse rhythm and the coordinators' broadcasts

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "programme",
        sa.Column("pulse_weeks", sa.Integer(), nullable=False, server_default="4"),
    )
    op.create_table(
        "broadcast",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(length=4000), nullable=False),
        sa.Column("sent_by_person_id", sa.Integer(), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_broadcast_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["sent_by_person_id"], ["person.id"], name=op.f("fk_broadcast_sent_by_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast")),
    )
    op.create_index(op.f("ix_broadcast_programme_id"), "broadcast", ["programme_id"])
    op.create_index("ix_paircheck_kind_pair", "paircheck", ["kind", "pair_id"])


def downgrade() -> None:
    op.drop_index("ix_paircheck_kind_pair", table_name="paircheck")
    op.drop_index(op.f("ix_broadcast_programme_id"), table_name="broadcast")
    op.drop_table("broadcast")
    op.drop_column("programme", "pulse_weeks")
