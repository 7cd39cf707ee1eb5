"""programmes purged after their retention period; earlier erasures finished

`programme.purged_at` is set by the retention sweep when it erases a programme's personal data.
People erased before this version lose what that erasure left behind: their charter
signatures, invitations, the messages addressed to them and the text of the objectives they
wrote.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.add_column(
            sa.Column("purged_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    person = sa.table("person", sa.column("id", sa.Integer), sa.column("erased_at"))
    erased = sa.select(person.c.id).where(person.c.erased_at.is_not(None)).scalar_subquery()
    for name in ("charteracceptance", "invitation", "outbox"):
        table = sa.table(name, sa.column("person_id", sa.Integer))
        op.execute(table.delete().where(table.c.person_id.in_(erased)))
    objective = sa.table(
        "objective",
        sa.column("created_by_person_id", sa.Integer),
        sa.column("private", sa.Boolean),
        sa.column("text", sa.String),
    )
    op.execute(
        objective.update()
        .where(objective.c.created_by_person_id.in_(erased), objective.c.private.is_(False))
        .values(text="")
    )


def downgrade() -> None:
    # A plain ALTER TABLE (SQLite has it since 3.35): rebuilding the table, as batch mode
    # would, is refused while other tables' rows point to it.
    op.drop_column("programme", "purged_at")
