"""the programme a person was invited to

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("programme_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_person_programme_id_programme"), "programme", ["programme_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_constraint(batch.f("fk_person_programme_id_programme"), type_="foreignkey")
        batch.drop_column("programme_id")
