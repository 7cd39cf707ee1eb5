"""The product's texts: Fluent catalogs per language and the default charter."""

from pathlib import Path

HERE = Path(__file__).parent
