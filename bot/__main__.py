"""`python -m bot`: the same as the `mentorbot` command."""

from bot.cli import app

app(prog_name="mentorbot")
