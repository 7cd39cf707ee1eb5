"""every key of the programme file, revocable roles, imports and personal invitations

Revision ID: 0003
Revises: 0002
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = storage.types.UTCDateTime(timezone=True)


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.add_column(
            sa.Column("timezone", _text(64), nullable=False, server_default="Europe/Paris")
        )
        batch.add_column(sa.Column("ends_at", WHEN, nullable=True))
        batch.add_column(
            sa.Column("other_organisation", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("free_text_in_synthesis", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("retention_months", sa.Integer(), nullable=False, server_default="12")
        )
        batch.add_column(sa.Column("questionnaires", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("application_questions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("matched_at", WHEN, nullable=True))
        batch.add_column(sa.Column("ended_at", WHEN, nullable=True))
        batch.add_column(sa.Column("updated_at", WHEN, nullable=True))
    _carry_programmes_over()
    with op.batch_alter_table("programme") as batch:
        batch.alter_column("questionnaires", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("application_questions", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("updated_at", existing_type=WHEN, nullable=False)
        batch.alter_column("timezone", server_default=None, existing_type=_text(64))
        batch.alter_column("other_organisation", server_default=None, existing_type=sa.Boolean())
        batch.alter_column(
            "free_text_in_synthesis", server_default=None, existing_type=sa.Boolean()
        )
        batch.alter_column("retention_months", server_default=None, existing_type=sa.Integer())
        batch.drop_column("duration_months")
        batch.drop_column("retention_days")

    with op.batch_alter_table("rolegrant") as batch:
        batch.add_column(sa.Column("revoked_at", WHEN, nullable=True))
    with op.batch_alter_table("pair") as batch:
        batch.add_column(
            sa.Column("committee_reason", _text(500), nullable=False, server_default="")
        )
    with op.batch_alter_table("pair") as batch:
        batch.alter_column("committee_reason", server_default=None, existing_type=_text(500))
    with op.batch_alter_table("application") as batch:
        batch.add_column(sa.Column("source", _text(8), nullable=False, server_default="chat"))
    with op.batch_alter_table("application") as batch:
        batch.alter_column("source", server_default=None, existing_type=_text(8))

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", _text(32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("used_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_invitation_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_invitation_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("code", name=op.f("uq_invitation_code")),
    )
    op.create_index(op.f("ix_invitation_person_id"), "invitation", ["person_id"], unique=False)


def _carry_programmes_over() -> None:
    """Ends from the old duration, events from a {kind: date} map to a list, retention in months."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, starts_at, applications_close_at, duration_months, retention_days, "
            "events, created_at FROM programme"
        )
    ).all()
    for row in rows:
        start = _moment(row.starts_at) or _moment(row.applications_close_at)
        ends = start + timedelta(days=30 * int(row.duration_months)) if start else None
        old = row.events if isinstance(row.events, dict) else json.loads(row.events or "{}")
        events = [{"kind": kind, "at": f"{day}T09:00:00", "title": ""} for kind, day in old.items()]
        bind.execute(
            sa.text(
                "UPDATE programme SET ends_at = :ends, events = :events, questionnaires = :q, "
                "application_questions = :aq, retention_months = :months, updated_at = :now "
                "WHERE id = :id"
            ),
            {
                "ends": ends,
                "events": json.dumps(events),
                "q": "{}",
                "aq": "[]",
                "months": max(1, round(int(row.retention_days) / 30)),
                "now": _moment(row.created_at) or datetime.now(UTC),
                "id": row.id,
            },
        )


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def downgrade() -> None:
    op.drop_index(op.f("ix_invitation_person_id"), table_name="invitation")
    op.drop_table("invitation")
    with op.batch_alter_table("application") as batch:
        batch.drop_column("source")
    with op.batch_alter_table("pair") as batch:
        batch.drop_column("committee_reason")
    with op.batch_alter_table("rolegrant") as batch:
        batch.drop_column("revoked_at")
    with op.batch_alter_table("programme") as batch:
        batch.add_column(
            sa.Column("duration_months", sa.Integer(), nullable=False, server_default="7")
        )
        batch.add_column(
            sa.Column("retention_days", sa.Integer(), nullable=False, server_default="365")
        )
        for name in (
            "updated_at",
            "ended_at",
            "matched_at",
            "application_questions",
            "questionnaires",
            "retention_months",
            "free_text_in_synthesis",
            "other_organisation",
            "ends_at",
            "timezone",
        ):
            batch.drop_column(name)
