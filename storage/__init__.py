"""Storage: SQLModel tables, the engine, migrations, encryption of private notes, repositories."""
