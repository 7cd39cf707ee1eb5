"""a constant encrypted under the notes key, to refuse a start with another key

The row is written at the first start after this version (`storage.notes_key.check_notes_key`),
once an existing note, if any, has shown that the configured key is the right one.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "noteskeycheck",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_noteskeycheck")),
    )


def downgrade() -> None:
    op.drop_table("noteskeycheck")
