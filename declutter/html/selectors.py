"""Selector rules compiled for one walk (:mod:`.chrome`): tag names, class names and single attribute tests are
checked as the walk passes each element, the other selectors become one XPath per rule, and class/id tokens are
screened by one literal scan of a class value before it is split."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from declutter.errors import RuleError
from declutter.html.tree import Element
from declutter.literals import LiteralScan
from declutter.rules import Rule


@lru_cache(maxsize=512)
def _css_to_xpath(selector: str) -> str:
    return GenericTranslator().css_to_xpath(selector)


@dataclass(frozen=True)
class CompiledSelector:
    """A selector rule ready to run in one walk: tag names, simple attribute tests, class/id tokens,
    and one XPath for whatever selectors are more complex than that."""

    rule: Rule
    tags: frozenset[str]
    attributes: tuple[tuple[str | None, str, str, str], ...]
    xpath: etree.XPath | None
    tokens: frozenset[str]
    classes: frozenset[tuple[str | None, str]] = frozenset()
    """The rule's class selectors as (tag name or None, whole class name): ``.message-userTitle`` and
    ``dd.usertitle``, matched as written."""

    def matches(self, element: Element, tokens: frozenset[str]) -> str | None:
        """Why the element matches this rule's tags, class names, attribute tests or tokens (None if it does not)."""
        if not self.tokens.isdisjoint(tokens):
            return f"class/id token {min(tokens & self.tokens)!r}"
        if element.tag in self.tags:
            return f"<{element.tag}> element"
        if self.classes:
            own = element.tag
            named = [
                c for c in (element.get("class") or "").split() if (None, c) in self.classes or (own, c) in self.classes
            ]
            if named:
                return f"class {min(named)!r}"
        for tag, name, operator, value in self.attributes:
            if tag is not None and element.tag != tag:
                continue
            actual = element.get(name)
            if actual is None:
                continue
            if (
                operator == ""
                or (operator == "=" and actual == value)
                or (operator == "*=" and value in actual)
                or (operator == "^=" and actual.startswith(value))
                or (operator == "$=" and actual.endswith(value))
                or (operator == "~=" and value in actual.split())
            ):
                return f"[{name}{operator}{value!r}]" if operator else f"[{name}]"
        return None


_SIMPLE = re.compile(r"""([a-z][a-z0-9-]*)?(?:\[([\w-]+)(?:([*^$~]?=)\s*(?:'([^']*)'|"([^"]*)"|([\w-]+)))?\])?""")
_CLASS = re.compile(r"([a-z][a-z0-9-]*)?\.(-?[_a-zA-Z][\w-]*)")
"""A class selector alone, with or without a tag name (``.message-userTitle``, ``dd.usertitle``): one class name,
matched in the walk, not by an XPath that tests every element's class attribute once per selector (three such
selectors in one rule's XPath cost 2.7% of a news page's time)."""
_COMPILED: dict[int, tuple[Rule, CompiledSelector]] = {}


def compile_selector_rule(rule: Rule) -> CompiledSelector:
    """:func:`_compile_selector_rule`, cached per rule object (rules hold dicts, so they are not hashable)."""
    cached = _COMPILED.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    if len(_COMPILED) > 4096:
        _COMPILED.clear()
    compiled = _compile_selector_rule(rule)
    _COMPILED[id(rule)] = (rule, compiled)
    return compiled


def _compile_selector_rule(rule: Rule) -> CompiledSelector:
    """Compile a selector rule so it costs at most one scan of the tree.

    Tag names (``nav``, a custom element's ``i-pwa-install``), class names (``.postcontrols``) and single
    attribute tests (``[hidden]``, ``div[role='menu']``, ``[style*='display:none']``) are checked during the
    walk; other selectors become one XPath; tokens become a set matched against class/id tokens.
    """
    tags: set[str] = set()
    classes: set[tuple[str | None, str]] = set()
    attributes: list[tuple[str | None, str, str, str]] = []
    unions: list[str] = []
    for selector in rule.selectors:
        try:
            xpath = _css_to_xpath(selector)  # validates every selector, simple or not
        except SelectorError as exc:
            raise RuleError(
                f"invalid CSS selector {selector!r}: {exc}",
                path=rule.origin.path,
                line=rule.origin.line,
                rule_id=rule.id,
            ) from None
        simple = _SIMPLE.fullmatch(selector.strip())
        named = _CLASS.fullmatch(selector.strip())
        if named:
            classes.add((named[1], named[2]))
        elif simple and simple[2] is None and simple[1]:
            tags.add(simple[1])
        elif simple and simple[2] is not None:
            value = next((v for v in simple.group(4, 5, 6) if v is not None), "")
            attributes.append((simple[1], simple[2], simple[3] or "", value))
        else:
            unions.append(xpath)
    compiled = etree.XPath(" | ".join(unions)) if unions else None
    tokens = frozenset(str(t).lower() for t in rule.params.get("tokens", ()))
    return CompiledSelector(rule, frozenset(tags), tuple(attributes), compiled, tokens, frozenset(classes))


class TokenScreen:
    """Whether a class/id value may hold one of a walk's tokens, from one literal scan of it: every piece
    :func:`.tree.class_tokens` makes of an ASCII value is a piece of the value lower-cased, so a value holding none
    of the tokens' first pieces holds no token, and is never split.
    """

    def __init__(self, tokens: frozenset[str]) -> None:
        firsts = {token.split("-")[0] for token in tokens}
        self._always = "" in firsts
        self._scan = LiteralScan(firsts)

    def admits(self, raw: str) -> bool:
        return self._always or not raw.isascii() or self._scan.any(raw.lower())


@lru_cache(maxsize=64)
def token_screen(tokens: frozenset[str]) -> TokenScreen:
    """The :class:`TokenScreen` of a walk's tokens, built once per set of tokens: every page's walk (:mod:`.chrome`)
    with the same rules names the same tokens, so the scan is not built again for each page."""
    return TokenScreen(tokens)
