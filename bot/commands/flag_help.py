"""Help screens that show no type label on flags.

typer 0.29's rich help labels every option with its type, flags included, so `--apply`,
`--demo/--no-demo`, `--help` and `--install-completion` read `<bool>` although they take no
value. `drop_flag_types()` removes that label from flags only; options taking a value keep theirs.
"""

from __future__ import annotations

from typer._click import Context
from typer.core import TyperOption

_typed_label = TyperOption.display_type_rich


def _label(self: TyperOption, ctx: Context) -> str | None:
    return None if self.is_flag else _typed_label(self, ctx)


def drop_flag_types() -> None:
    """Make every flag's help line show no type (safe to call more than once)."""
    TyperOption.display_type_rich = _label  # type: ignore[method-assign]
