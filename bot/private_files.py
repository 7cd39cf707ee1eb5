"""Files that may hold personal data, written readable by their owner only (mode 0600).

Every file the bot writes for a person or a coordinator goes through here: the console's saved
files (`/export`), `mentorbot applications export`, the key file's rewrite by `mentorbot keys
rotate`, and any later export. The content goes to a temporary file that is 0600 from its
creation (whatever the umask), is synced, then renamed over the target: a reader never sees
half a file, and a file that was there with a looser mode is replaced, not reused. Folders
created on the way are 0700.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """`path` as a folder, created owner-only if it does not exist."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    return path


@contextmanager
def private_file(path: Path, mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """A handle to write `path` through; the file appears, whole and 0600, when the block ends
    normally, and not at all when it raises."""
    private_folder(path.parent)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_private(path: Path, content: bytes) -> Path:
    """Write `content` to `path`, owner-only; returns `path`."""
    with private_file(path, "wb") as handle:
        handle.write(content)
    return path
