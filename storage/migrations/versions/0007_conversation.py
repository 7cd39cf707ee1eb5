"""where each prompt's buttons were shown (to take them away), chosen time zones, /link codes

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.sealed
import storage.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLEs (SQLite has DROP COLUMN since 3.35): batch mode would rebuild
    # `person`, which other tables' foreign keys refer to.
    op.add_column(
        "prompt", sa.Column("shown_at", storage.types.UTCDateTime(timezone=True), nullable=True)
    )
    op.add_column("prompt", sa.Column("shown", storage.sealed.SealedJSON(), nullable=True))
    op.add_column(
        "person",
        sa.Column("timezone_chosen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "linkcode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_linkcode_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linkcode")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_linkcode_code_hash")),
    )
    op.create_index(op.f("ix_linkcode_person_id"), "linkcode", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_linkcode_person_id"), table_name="linkcode")
    op.drop_table("linkcode")
    op.drop_column("person", "timezone_chosen")
    op.drop_column("prompt", "shown")
    op.drop_column("prompt", "shown_at")
