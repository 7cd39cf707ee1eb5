"""Every text exists in every language with the same placeholders."""

from __future__ import annotations

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.domain.hard_rules import RULES
from messages.catalog import LOCALES, MissingText, catalog_files, t


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def entries(locale: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in catalog_files(locale):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path} does not parse: {[j.content[:80] for j in junk]}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} defined twice in {locale}"
                visitor = _Variables()
                visitor.visit(entry)
                found[entry.id.name] = visitor.names
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_the_same_files(locale: str) -> None:
    assert [p.name for p in catalog_files(locale)] == [p.name for p in catalog_files("fr")]


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "fr"])
def test_every_key_and_placeholder_exists_in_every_language(locale: str) -> None:
    source, other = entries("fr"), entries(locale)
    assert sorted(set(source) - set(other)) == [], f"missing in {locale}.ftl"
    assert sorted(set(other) - set(source)) == [], f"in {locale}.ftl but not in fr.ftl"
    differing = {k: (source[k], other[k]) for k in source if source[k] != other[k]}
    assert differing == {}


def test_plural_forms_follow_the_count() -> None:
    assert "tapez 1." in t("fr", "error-pick-option", count=1)
    assert "de 1 à 3" in t("fr", "error-pick-option", count=3)
    assert "type 1." in t("en", "error-pick-option", count=1)


def test_unknown_language_falls_back_to_french_and_unknown_key_raises() -> None:
    assert t("de", "language-set") == t("fr", "language-set")
    with pytest.raises(MissingText):
        t("fr", "no-such-key")


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_every_hard_rule_is_explained_to_the_coordinators(locale: str) -> None:
    """Each rule the engine may name has its "left out" text, and each one a committee's pair
    can break has its refusal (a missing key would crash `mentorbot pair`)."""
    for rule in RULES:
        assert t(locale, f"match-left-{rule}", count=2)
        if rule != "proposed":  # a committee may choose a mentor already proposed
            text = t(locale, f"committee-refused-{rule}", mentee="Léa", mentor="Marc", capacity=1)
            assert "Léa" in text or "Marc" in text, text
