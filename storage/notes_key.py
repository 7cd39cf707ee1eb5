"""The notes key: where it lives, and the check that it is the one the database was written with.

- NOTES_KEYS (comma-separated, newest first) wins wherever it is set. PostgreSQL requires it:
  every replica must hold the same key, and a file made on one machine is not on the others.
- Otherwise the key file of a SQLite database sits next to it, `<name>-notes.key` for
  `<name>.db` (NOTES_KEY_FILE moves it; a relative one is taken from the database's folder), so
  the working directory never matters. It is generated for a database that holds no encrypted
  value only: a database that does, and has no key file, stops the start.
- At every start, before the migrations, a constant encrypted at the first start
  (`NotesKeyCheck`) is decrypted, so a wrong key stops the start before anything is written with
  it. A database from before that check has one of its encrypted values tried instead, and gets
  the constant once migrated (`remember_key`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import LargeBinary, column, insert, inspect, select, table
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from storage.crypto import NotesKeyError, cipher_from, create_key_file, read_key_file, split_keys
from storage.models import NotesKeyCheck
from storage.types import utcnow

CHECK_TEXT = b"mentorbot notes key check"
OLD_PLACE = "an older version kept it as mentorbot-notes.key in the folder it was started from"
KEY_CHECK = NotesKeyCheck.__table__  # type: ignore[attr-defined]
# The columns that hold Fernet tokens, as raw bytes (the outbox's ORM type would decrypt them).
TOKEN_COLUMNS = (("privatenote", "ciphertext"), ("outbox", "payload"))


@dataclass(frozen=True)
class NotesKeys:
    """The configured keys, newest first, and the key file they come from (None: NOTES_KEYS,
    or a database in memory, whose key lives as long as the process)."""

    keys: tuple[str, ...]
    file: Path | None = None

    def __post_init__(self) -> None:
        cipher_from(list(self.keys), self.source)  # a malformed key is refused here

    @property
    def source(self) -> str:
        return str(self.file) if self.file is not None else "NOTES_KEYS"

    @property
    def cipher(self) -> MultiFernet:
        return MultiFernet([Fernet(key) for key in self.keys])

    @property
    def newest(self) -> Fernet:
        return Fernet(self.keys[0])


def written_with(key: Fernet, token: bytes) -> bool:
    """Whether `token` was encrypted under `key` (its signature checks; nothing is decrypted)."""
    try:
        key.extract_timestamp(bytes(token))
    except InvalidToken:
        return False
    return True


def key_file_for(database_url: str | URL, configured: str | None) -> Path | None:
    """Where the key file of this SQLite database is; None for a database in memory."""
    database = make_url(database_url).database
    folder = None
    if database and database != ":memory:":
        path = Path(database).expanduser().resolve()
        folder, default = path.parent, f"{path.stem}-notes.key"
    if configured:
        chosen = Path(configured).expanduser()
        return chosen if chosen.is_absolute() or folder is None else folder / chosen
    return folder / default if folder is not None else None


def load_notes_keys(
    engine: Engine, notes_keys: str | None, notes_key_file: str | None
) -> NotesKeys:
    """The keys for this database, the key file created only for one with nothing encrypted."""
    if notes_keys and notes_keys.strip():
        return NotesKeys(tuple(split_keys(notes_keys)))
    if engine.dialect.name != "sqlite":
        raise NotesKeyError(
            "NOTES_KEYS is not set: with PostgreSQL every replica must share the notes key "
            f"through the environment. Set NOTES_KEYS to your key ({OLD_PLACE}) or, for a new "
            "database, to one made by `mentorbot keys new`."
        )
    path = key_file_for(engine.url, notes_key_file)
    if path is None:
        return NotesKeys((Fernet.generate_key().decode("ascii"),))
    if path.exists():
        return NotesKeys(tuple(read_key_file(path)), path)
    if holds_encrypted_values(engine):
        raise NotesKeyError(
            f"The notes key file {path} is missing and the database holds encrypted notes: "
            f"restore the file from your backup, or point NOTES_KEY_FILE or NOTES_KEYS at the key "
            f"({OLD_PLACE}). No new key is made over existing notes."
        )
    return NotesKeys((create_key_file(path),), path)


def holds_encrypted_values(engine: Engine) -> bool:
    """Whether the database (migrated or not yet) holds anything encrypted under a notes key."""
    return _first_sample(engine)[0] is not None


def check_notes_key(engine: Engine, keys: NotesKeys) -> bool:
    """Refuse a key that does not open what the database holds; called before the migrations,
    so nothing is written with a wrong key. Whether the key-check constant is there already."""
    sample, from_check = _first_sample(engine)
    if sample is not None:
        try:
            keys.cipher.decrypt(sample)
        except InvalidToken:
            raise NotesKeyError(
                f"The notes key in {keys.source} is not the one this database's notes were "
                f"written with: set NOTES_KEYS, or restore the key file, to the right key "
                f"({OLD_PLACE}). Nothing was written with the wrong key."
            ) from None
    return from_check


def _first_sample(engine: Engine) -> tuple[bytes | None, bool]:
    """The key-check constant, else one encrypted value, else None; and whether it is the first.

    Works on a database at any revision: the tables and columns are looked up first (the
    outbox's payload was in clear before revision 0004).
    """
    inspector = inspect(engine)
    names = set(inspector.get_table_names())
    found = [("noteskeycheck", "token")] if "noteskeycheck" in names else []
    for name, value in TOKEN_COLUMNS:
        kinds = {c["name"]: c["type"] for c in inspector.get_columns(name)} if name in names else {}
        if isinstance(kinds.get(value), LargeBinary):
            found.append((name, value))
    with engine.connect() as conn:
        for name, value in found:
            sample = _first_token(conn, name, value)
            if sample is not None:
                return sample, name == "noteskeycheck"
    return None, False


def remember_key(engine: Engine, keys: NotesKeys) -> None:
    """Write the constant under the newest key; a database that takes no write now (read-only,
    locked) or another replica's first start leaves it for later."""
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(KEY_CHECK).values(
                    id=1, token=keys.newest.encrypt(CHECK_TEXT), created_at=utcnow()
                )
            )
    except (IntegrityError, OperationalError):
        return


def _first_token(conn: Connection, name: str, value: str) -> bytes | None:
    values = table(name, column(value, LargeBinary))
    found = conn.execute(
        select(values.c[value]).where(values.c[value].is_not(None)).limit(1)
    ).scalar()
    return bytes(found) if found is not None else None
