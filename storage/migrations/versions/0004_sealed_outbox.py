"""outbox payloads encrypted under the notes key; rows without a nudge key are purgeable

Rows already sent or failed lose their payload (nothing needs it any more); pending rows are
encrypted with the notes key bound to the engine (`storage.sealed.bind_cipher`), which the bot
and `mentorbot db upgrade` do before migrating.

Revision ID: 0004
Revises: 0003
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.crypto import NotesKeyError
from storage.sealed import _ciphers, seal

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("payload", sa.JSON),
        sa.column("sealed", sa.LargeBinary),
    )
    pending = bind.execute(
        sa.select(outbox.c.id, outbox.c.payload).where(outbox.c.status == "pending")
    ).all()
    cipher = _ciphers.get(bind.dialect)
    if pending and cipher is None:  # checked before any change: SQLite's DDL is not undone
        raise NotesKeyError(
            "the outbox holds messages waiting to be sent and must be encrypted with the "
            "notes key: run `mentorbot db upgrade` or `mentorbot run`, which load it"
        )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("sealed", sa.LargeBinary(), nullable=True))
        batch.alter_column(
            "dedup_key", existing_type=sqlmodel.sql.sqltypes.AutoString(200), nullable=True
        )
    for row_id, payload in pending:
        value = json.loads(payload) if isinstance(payload, str) else payload
        bind.execute(
            outbox.update().where(outbox.c.id == row_id).values(sealed=seal(cipher, value))
        )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("payload")
        batch.alter_column("sealed", new_column_name="payload", existing_type=sa.LargeBinary())


def downgrade() -> None:
    raise NotImplementedError("encrypted outbox payloads cannot be turned back into clear text")
