## When the database refuses to save anything (a read-only file)

database-read-only = I cannot save anything right now: the database is read-only. Your message was not taken into account; try again once it can be changed again.
