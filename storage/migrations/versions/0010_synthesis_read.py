"""the last synthesis of a questionnaire wave shown with figures, kept on the wave

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questionnairewave") as batch:
        batch.add_column(
            sa.Column("synthesis_read_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(
            sa.Column("synthesis_answers", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("synthesis_digest", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("questionnairewave") as batch:
        batch.drop_column("synthesis_digest")
        batch.drop_column("synthesis_answers")
        batch.drop_column("synthesis_read_at")
