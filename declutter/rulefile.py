"""Loading and validating rule files (TOML) into :class:`~declutter.rules.Rule` values.

A layer between the rule values (:mod:`declutter.rules`, below) and the :class:`~declutter.ruleset.RuleSet`
(above, which passes in the heuristic registry this module checks heuristic rules against).

Every problem is reported as a :class:`~declutter.errors.RuleError` naming the
file, the line and the rule id, with a hint on how to fix it: a rule file is
written by people, so its errors should read like a linter's.

>>> rules, _ = load_rule_text('''
... file = { prefix = "TST" }
... [[rule]]
... id = "TST001"
... name = "lone-share"
... kind = "line"
... category = "share"
... description = "A share label."
... patterns = ['Share']
... examples = { residue = ["Share"], article = ["Share prices fell."] }
... ''', path="t.toml", heuristics={})
>>> rules[0].id, rules[0].patterns[0].pattern
('TST001', 'Share')
"""

from __future__ import annotations

import difflib
import hashlib
import inspect
import json
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

from declutter.categories import CONTENT, RESIDUE
from declutter.document import normalize_domain
from declutter.errors import RuleError
from declutter.language import ISO_639_1, nearest_code
from declutter.rules import (
    FULL_PAGE_ONLY,
    SPARE_PER_CARD,
    Examples,
    Fix,
    Kind,
    Origin,
    Position,
    Rule,
    Status,
    default_dir,
)

Heuristics = Mapping[str, Callable[..., Any]]
"""The registry heuristic rules are checked against: detector name to function (its keyword-only
parameters are the rule's ``params``). Passed in by the loader, so that parsing rule files does not
import the detectors, which import the rule values."""

ID_PATTERN = regex.compile(r"[A-Z]{3}\d{3}")
NAME_PATTERN = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

FILE_KEYS = {"prefix", "title", "domains", "signatures", "description", "defines", "languages"}
COMMON_KEYS = {
    "id",
    "name",
    "kind",
    "category",
    "description",
    "patterns",
    "domains",
    "languages",
    "position",
    "status",
    "since",
    "source",
    "notes",
    "examples",
    "max_words",
    "max_chars",
    "flags",
    "requires",
    "pages",
    "texts",
}
_PATTERN_KEYS: dict[Kind, tuple[str, ...]] = {
    Kind.LINE: ("unless_above", "unless_beside", "only_beside"),
    Kind.STRIP: ("only_echoed",),
}
"""The settings that hold patterns besides ``patterns``, per kind: compiled as the rule's own are."""

KIND_DEFAULTS: dict[Kind, dict[str, Any]] = {
    Kind.LINE: {
        "max_chars": 1000,
        "item_words": 0,
        "unless_above": [],
        "unless_beside": [],
        "only_beside": [],
        "unless_among_items": 0,
        "unless_heading": 0,
        "unless_between_prose": 0,
        "unless_in_code": 0,
        "unless_listed": 0,
        "only_listed": 0,
        "unless_lead_in": 0,
    },
    Kind.STRIP: {"only_echoed": []},
    Kind.KEEP: {"max_chars": 1000},
    Kind.BLOCK: {"max_chars": 1000, "follow": [], "max_lines": 60, "min_lines": 0, "unless_listed": 0},
    Kind.CUTOFF: {
        "max_chars": 200,
        "min_words_before": 60,
        "min_prose_before": 0,
        "max_tail_ratio": 0,
        "max_prose_after": 25,
    },
    Kind.HEURISTIC: {"heuristic": None, "params": {}},
    Kind.SELECTOR: {
        "selectors": [],
        "tokens": [],
        "guard": True,
        "guard_twins": True,
        "bulk": False,
        "scope": "page",
        "together": "always",
        "frame_apart": False,
        "min_link_density": 0.0,
        "min_links": 0,
        "in_page_links": False,
        "unless_holding": [],
        "unless_tags": [],
        "unless_class_prefix": [],
        "unless_in_card": [],
        "unless_offsite": [],
        "unless_heads_text": [],
        "unless_cards": False,
        "unless_opened": False,
        "unless_card_part": False,
        "unless_linkless": False,
        "unless_introduced": False,
        "unless_answer": False,
        "unless_one_of_posts": False,
        "unless_prose": 0,
        "prose_pages": True,
        "unless_annotated": 0,
        "unless_sectioned": 0,
        "sectioned_pages": True,
        "only_alone": [],
        "box_chars": 0,
    },
}
PAGES = ("any", "articles", "products")
"""Which HTML pages a rule runs on: any, or only those that call themselves articles, or products (text input:
always)."""
CARDS = (False, True, "always", "except-articles")
"""On which pages a selector rule spares a grid of cards (``unless_cards``): never, always, or on pages that do not
call themselves articles."""
PROSE_PAGES = (True, "products")
"""On which pages a selector rule spares a block holding a paragraph (``unless_prose``): every page, or only on pages
that call themselves products (a product's feature blades in a 'gallery' hold its description; elsewhere such a
carousel is other stories' or customers' quotes)."""
SECTIONED_PAGES = (True, "except-articles")
"""On which pages a selector rule spares a list heading a section of a page of heading-and-list sections
(``unless_sectioned``): every page, or only on pages that do not call themselves articles (an article's closing
directories, 'Movers in nearby cities' over its links, are set out the same way)."""
OPENED = (False, True, "except-articles", "other-pages", "except-products")
"""On which pages a selector rule spares what the reader opens (``unless_opened``: a tab panel, an accordion's
content; for a rule stripped in bulk, the buttons heading the panels they open): never, always, not on articles,
only on pages that call themselves neither articles nor products, or not on products; the same choices say where
a selector rule spares a card's own field (``unless_card_part``)."""
TEXTS = ("any", "full-page", "text-input", "full-page-input")
"""Which texts a rule runs on: any, or only a page's full text, with chrome the vocabulary found (HTML: always),
or only text input (never the HTML stage's text, whose page chrome the markup removed), or both: only a page's full
text given as text."""
SCOPES = ("page", "content")
"""Where a selector rule runs: the whole page before the content is found, or only inside it."""
TOGETHER = ("always", "except-articles", False)
"""When a guarded selector rule's matches are judged together (see ``html.chrome.remove_chrome``): always, not
on articles, or never (each match alone: a page's landmarks and dialogs are each what they say)."""
GUARDS = (True, False, "except-articles", "markup")
"""Whether a selector rule spares elements holding the page's text: always, never, or not on articles; or
"markup": only elements holding the headline, <article>, <main> or articleBody, not a share of the paragraphs."""
EXAMPLE_KEYS = {"residue", "article", "protect", "fix", "todo_residue", "todo_article"}


def _suggest(key: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(key, sorted(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else None


def _rule_lines(source: str) -> list[int]:
    """1-based line numbers of each ``[[rule]]`` header, in order."""
    return [n for n, line in enumerate(source.splitlines(), start=1) if line.strip().startswith("[[rule]]")]


def _key_line(source: str, start: int, key: str) -> int:
    """The line of ``key = …`` in the rule starting at ``start`` (falls back to ``start``)."""
    lines = source.splitlines()
    for number in range(start, len(lines) + 1):
        text = lines[number - 1].strip()
        if number > start and text.startswith("[[rule]]"):
            break
        if text.startswith(f"{key} ") or text.startswith(f"{key}="):
            return number
    return start


def _header_line(source: str, key: str) -> int:
    """The line of ``key = …`` in the file header (before the first ``[[rule]]``; falls back to 1)."""
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.strip()
        if text.startswith("[[rule]]"):
            break
        if text.startswith(f"{key} ") or text.startswith(f"{key}="):
            return number
    return 1


_DEFINE = regex.compile(r"\{\{(\w+)\}\}")


def expand(pattern: str, defines: Mapping[str, str], *, path: str, line: int, rule_id: str | None) -> str:
    r"""Replace ``{{name}}`` with the file's ``defines.name`` sub-pattern, as a non-capturing group.

    Defines may refer to other defines.

    >>> expand("Posted: {{date}}", {"date": r"\d{4}"}, path="x", line=1, rule_id=None)
    'Posted: (?:\\d{4})'
    """

    def substitute(match: regex.Match[str]) -> str:
        name = match[1]
        if name not in defines:
            raise RuleError(
                f"undefined sub-pattern {{{{{name}}}}}",
                path=path,
                line=line,
                rule_id=rule_id,
                hint="define it in the file header: [file.defines]",
            )
        return f"(?:{defines[name]})"

    for _ in range(8):  # defines may use other defines; a cycle stops with an undefined-looking error
        expanded = _DEFINE.sub(substitute, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise RuleError("sub-patterns nest too deeply (a cycle in [file.defines]?)", path=path, line=line, rule_id=rule_id)


def compile_pattern(
    pattern: str, *, flags: int, path: str, line: int, rule_id: str | None, defines: Mapping[str, str] | None = None
) -> regex.Pattern[str]:
    """Compile one pattern with ``regex`` (V0 semantics), reporting errors with their location."""
    if not isinstance(pattern, str) or not pattern:
        raise RuleError("patterns must be non-empty strings", path=path, line=line, rule_id=rule_id)
    pattern = expand(pattern, defines or {}, path=path, line=line, rule_id=rule_id)
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise RuleError(
            f"invalid regex {pattern!r}: {exc}",
            path=path,
            line=line,
            rule_id=rule_id,
            hint="patterns use the 'regex' module syntax; escape literal ( ) [ ] . ? * +",
        ) from None


_FLAG_NAMES = {"ignorecase": regex.IGNORECASE, "multiline": regex.MULTILINE, "dotall": regex.DOTALL}


def _strings(value: Any, *, what: str, path: str, line: int, rule_id: str | None) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{what} must be a string or a list of strings", path=path, line=line, rule_id=rule_id)
    return tuple(value)


_TOKEN = regex.compile(r"[^\s_\-\p{Lu}]+(?:-[^\s_\-\p{Lu}]+){0,2}")


def _check_tokens(tokens: tuple[str, ...], *, path: str, line: int, rule_id: str) -> None:
    """A class/id token is one piece of a split class value, or two or three pieces joined by ``-``.

    Class values are split on white space, ``-``, ``_`` and camelCase before matching ("share-bar",
    "share_bar" and "shareBar" give "share", "bar" and "share-bar"): "share_bar" or "shareBar" as a
    token could never match.
    """
    for token in tokens:
        if not _TOKEN.fullmatch(token):
            pieces = [p.lower() for p in regex.split(r"[\s_\-]+|(?<=\p{Ll})(?=\p{Lu})", token) if p]
            raise RuleError(
                f"token {token!r} can never match: class and id values are split on '-', '_', white space and"
                f" camelCase before matching; write it as {'-'.join(pieces[:3])!r} (one to three lower-case"
                " pieces joined by '-') or as a CSS selector",
                path=path,
                line=line,
                rule_id=rule_id,
            )


def _examples(raw: Any, *, path: str, line: int, rule_id: str) -> Examples:
    if not isinstance(raw, Mapping):
        raise RuleError(
            "examples must be a table",
            path=path,
            line=line,
            rule_id=rule_id,
            hint="write [rule.examples] with residue = [...] and article = [...]",
        )
    unknown = set(raw) - EXAMPLE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise RuleError(
            f"unknown example key {key!r}", path=path, line=line, rule_id=rule_id, hint=_suggest(key, EXAMPLE_KEYS)
        )
    fixes = []
    for item in raw.get("fix", []):
        if not isinstance(item, Mapping) or set(item) != {"input", "output"}:
            raise RuleError(
                "each [[rule.examples.fix]] needs exactly 'input' and 'output'", path=path, line=line, rule_id=rule_id
            )
        fixes.append(Fix(str(item["input"]), str(item["output"])))

    def strings(key: str) -> tuple[str, ...]:
        return _strings(raw.get(key, []), what=f"examples.{key}", path=path, line=line, rule_id=rule_id)

    return Examples(
        strings("residue"),
        strings("article"),
        strings("protect"),
        tuple(fixes),
        strings("todo_residue"),
        strings("todo_article"),
    )


def _domains(value: Any, *, path: str, line: int, rule_id: str | None) -> tuple[frozenset[str], frozenset[str]]:
    names = _strings(value, what="domains", path=path, line=line, rule_id=rule_id)
    include = frozenset(normalize_domain(d) for d in names if not d.startswith("~"))
    exclude = frozenset(normalize_domain(d[1:]) for d in names if d.startswith("~"))
    return include, exclude


def _languages(value: Any, *, path: str, line: int, rule_id: str | None) -> frozenset[str]:
    """A rule's ``languages``: ISO 639-1 codes, written as such ('de', not 'de-DE' or 'German')."""
    codes = _strings(value, what="languages", path=path, line=line, rule_id=rule_id)
    if not codes:
        raise RuleError(
            "languages must name at least one language",
            path=path,
            line=line,
            rule_id=rule_id,
            hint="remove the key for a rule that runs in every language",
        )
    for code in codes:
        if code not in ISO_639_1:
            guess = nearest_code(code)
            raise RuleError(
                f"unknown language {code!r}: languages are ISO 639-1 codes (two lower-case letters)",
                path=path,
                line=line,
                rule_id=rule_id,
                hint=f"did you mean {guess!r}?"
                if guess
                else "write the two-letter code, e.g. 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl'",
            )
    return frozenset(codes)


def _toml(value: Any) -> str:
    """A value as a rule file writes it: ``true``, ``"markup"`` (Python's ``True``, ``'markup'`` are not TOML).

    >>> _toml(True), _toml("markup"), _toml(3)
    ('true', '"markup"', '3')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _check_choice(key: str, value: Any, choices: Sequence[Any], *, path: str, line: int, rule_id: str) -> None:
    """A key whose value is one of a few choices: anything else is an error naming the choices and the nearest."""
    if value not in choices:
        raise RuleError(
            f"{key} must be one of {', '.join(map(_toml, choices))}, not {_toml(value)}",
            path=path,
            line=line,
            rule_id=rule_id,
            hint=_suggest(str(value), map(str, choices)),
        )


def _spare_per_card(value: Any, *, path: str, line: int, rule_id: str) -> int:
    """How many same-shaped lines make a run of cards: two at least, as one line alone is no run."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:
        raise RuleError(
            f"{SPARE_PER_CARD} must be an integer of at least 2, not {value!r}",
            path=path,
            line=line,
            rule_id=rule_id,
            hint="the number of same-shaped lines, one per card, that show a run of kept cards: 3, say",
        )
    return value


def _check_heuristic(name: Any, params: Any, heuristics: Heuristics, *, path: str, line: int, rule_id: str) -> None:
    """A heuristic rule names a detector of the registry and gives only the parameters it takes."""
    if name not in heuristics:
        raise RuleError(
            f"unknown heuristic {name!r}",
            path=path,
            line=line,
            rule_id=rule_id,
            hint="one of: " + ", ".join(sorted(heuristics)),
        )
    if not isinstance(params, Mapping):
        raise RuleError("params must be a table", path=path, line=line, rule_id=rule_id)
    signature = inspect.signature(heuristics[name])
    accepted = {p.name: p for p in signature.parameters.values() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    for key, value in params.items():
        if key == "url":
            raise RuleError(
                "parameter 'url' is the document's page address, not a rule setting",
                path=path,
                line=line,
                rule_id=rule_id,
                hint="remove it from params; the pipeline passes the page URL",
            )
        if key not in accepted:
            raise RuleError(
                f"heuristic {name!r} has no parameter {key!r}",
                path=path,
                line=line,
                rule_id=rule_id,
                hint=_suggest(key, accepted) or "parameters: " + ", ".join(accepted),
            )
        default = accepted[key].default
        if (
            default not in (inspect.Parameter.empty, None)
            and not isinstance(value, type(default))
            and not (isinstance(default, float) and isinstance(value, int))
        ):
            raise RuleError(
                f"parameter {key!r} must be {type(default).__name__}, not {type(value).__name__}",
                path=path,
                line=line,
                rule_id=rule_id,
            )
    missing = [k for k, p in accepted.items() if p.default is inspect.Parameter.empty and k not in params]
    if missing:
        raise RuleError(f"heuristic {name!r} needs parameter {missing[0]!r}", path=path, line=line, rule_id=rule_id)


def _build_rule(
    raw: Any, header: Mapping[str, Any], heuristics: Heuristics, *, path: str, line: int, source: str
) -> Rule:
    if not isinstance(raw, Mapping):
        raise RuleError("[[rule]] must be a table", path=path, line=line)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not ID_PATTERN.fullmatch(rule_id):
        raise RuleError(
            f"rule id {rule_id!r} must be three capitals and three digits, like 'SHR001'", path=path, line=line
        )
    prefix = header.get("prefix")
    if prefix and not rule_id.startswith(prefix):
        raise RuleError(f"id does not start with the file prefix {prefix!r}", path=path, line=line, rule_id=rule_id)
    try:
        kind = Kind(str(raw.get("kind")))
    except ValueError:
        raise RuleError(
            f"unknown kind {raw.get('kind')!r}",
            path=path,
            line=_key_line(source, line, "kind"),
            rule_id=rule_id,
            hint="one of: " + ", ".join(k.value for k in Kind),
        ) from None
    allowed = (COMMON_KEYS - {"max_words", "max_chars"} if kind is Kind.HEURISTIC else COMMON_KEYS) | set(
        KIND_DEFAULTS[kind]
    )
    if kind is Kind.LINE:
        allowed.add(SPARE_PER_CARD)
    for key in raw:
        if key not in allowed:
            hint = _suggest(key, allowed)
            if hint is None and any(key in keys for keys in (*KIND_DEFAULTS.values(), {SPARE_PER_CARD})):
                hint = f"{key!r} belongs to another kind of rule"
            raise RuleError(
                f"unknown key {key!r} for a {kind} rule",
                path=path,
                line=_key_line(source, line, key),
                rule_id=rule_id,
                hint=hint,
            )
    for key in ("name", "category", "description"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleError(f"missing {key!r}", path=path, line=line, rule_id=rule_id)
    name = raw["name"]
    if not NAME_PATTERN.fullmatch(name):
        raise RuleError(f"name {name!r} must be kebab-case", path=path, line=line, rule_id=rule_id)
    category = raw["category"]
    vocabulary = CONTENT if kind is Kind.KEEP else RESIDUE
    if category not in vocabulary:
        raise RuleError(
            f"unknown category {category!r}",
            path=path,
            line=_key_line(source, line, "category"),
            rule_id=rule_id,
            hint=_suggest(category, vocabulary) or "see declutter/categories.py",
        )
    try:
        position = Position(raw.get("position", "any"))
        status = Status(raw.get("status", "stable"))
    except ValueError as exc:
        raise RuleError(str(exc), path=path, line=line, rule_id=rule_id) from None
    flags = 0
    for flag in _strings(raw.get("flags", []), what="flags", path=path, line=line, rule_id=rule_id):
        if flag not in _FLAG_NAMES:
            raise RuleError(
                f"unknown flag {flag!r}",
                path=path,
                line=line,
                rule_id=rule_id,
                hint="one of: " + ", ".join(_FLAG_NAMES),
            )
        flags |= _FLAG_NAMES[flag]
    defines = header.get("defines", {})
    pattern_line = _key_line(source, line, "patterns")
    patterns = tuple(
        compile_pattern(p, flags=flags, path=path, line=pattern_line, rule_id=rule_id, defines=defines)
        for p in _strings(raw.get("patterns", []), what="patterns", path=path, line=pattern_line, rule_id=rule_id)
    )
    if not patterns and kind not in (Kind.SELECTOR, Kind.HEURISTIC):
        raise RuleError(f"a {kind} rule needs patterns", path=path, line=line, rule_id=rule_id)
    params: dict[str, Any] = {}
    for key, default in KIND_DEFAULTS[kind].items():
        params[key] = raw.get(key, default)
    for key in ("max_words", "max_chars"):
        if key in raw:
            params[key] = raw[key]
    if "requires" in raw:
        requires = _strings(
            raw["requires"], what="requires", path=path, line=_key_line(source, line, "requires"), rule_id=rule_id
        )
        params["requires"] = tuple(literal.lower() for literal in requires)
    if SPARE_PER_CARD in raw:
        params[SPARE_PER_CARD] = _spare_per_card(
            raw[SPARE_PER_CARD], path=path, line=_key_line(source, line, SPARE_PER_CARD), rule_id=rule_id
        )
    for key in _PATTERN_KEYS.get(kind, ()):
        key_line = _key_line(source, line, key)
        params[key] = tuple(
            compile_pattern(p, flags=flags, path=path, line=key_line, rule_id=rule_id, defines=defines)
            for p in _strings(params[key], what=key, path=path, line=key_line, rule_id=rule_id)
        )
    if kind is Kind.BLOCK:
        follow_line = _key_line(source, line, "follow")
        follow = _strings(params["follow"], what="follow", path=path, line=follow_line, rule_id=rule_id)
        if not follow:
            raise RuleError(
                "a block rule needs 'follow' patterns for the lines that continue it",
                path=path,
                line=line,
                rule_id=rule_id,
            )
        follow = tuple(expand(t, defines, path=path, line=follow_line, rule_id=rule_id) for t in follow)
        for template in follow:  # templates fill {group} from the start match; check they compile
            compile_pattern(
                regex.sub(r"\{\w+\}", "x", template), flags=flags, path=path, line=follow_line, rule_id=rule_id
            )
        params["follow"] = follow
    heuristic = None
    if kind is Kind.HEURISTIC:
        heuristic = raw.get("heuristic")
        _check_heuristic(
            heuristic,
            params["params"],
            heuristics,
            path=path,
            line=_key_line(source, line, "heuristic"),
            rule_id=rule_id,
        )
        params = dict(params["params"])
    selectors: tuple[str, ...] = ()
    if kind is Kind.SELECTOR:
        selectors = _strings(params.pop("selectors"), what="selectors", path=path, line=line, rule_id=rule_id)
        params["tokens"] = _strings(params["tokens"], what="tokens", path=path, line=line, rule_id=rule_id)
        for key in (
            "unless_holding",
            "unless_tags",
            "unless_in_card",
            "unless_offsite",
            "unless_heads_text",
            "unless_class_prefix",
            "only_alone",
        ):
            params[key] = _strings(params[key], what=key, path=path, line=line, rule_id=rule_id)
        if not selectors and not params["tokens"]:
            raise RuleError("a selector rule needs selectors or tokens", path=path, line=line, rule_id=rule_id)
        _check_tokens(params["tokens"], path=path, line=_key_line(source, line, "tokens"), rule_id=rule_id)
        for key, choices in (
            ("scope", SCOPES),
            ("together", TOGETHER),
            ("guard", GUARDS),
            ("guard_twins", (True, False)),
            ("frame_apart", (True, False)),
            ("unless_cards", CARDS),
            ("unless_opened", OPENED),
            ("unless_card_part", OPENED),
            ("unless_linkless", (True, False)),
            ("unless_introduced", (True, False)),
            ("unless_answer", (True, False)),
            ("unless_one_of_posts", (True, False)),
            ("prose_pages", PROSE_PAGES),
            ("sectioned_pages", SECTIONED_PAGES),
        ):
            _check_choice(key, params[key], choices, path=path, line=_key_line(source, line, key), rule_id=rule_id)
    file_domains = header.get("domains", [])
    include, exclude = _domains(raw.get("domains", file_domains), path=path, line=line, rule_id=rule_id)
    languages: frozenset[str] = frozenset()
    if "languages" in raw:
        languages = _languages(raw["languages"], path=path, line=_key_line(source, line, "languages"), rule_id=rule_id)
    elif "languages" in header:
        languages = _languages(header["languages"], path=path, line=_header_line(source, "languages"), rule_id=rule_id)
    signatures = tuple(
        compile_pattern(p, flags=0, path=path, line=1, rule_id=None)
        for p in _strings(header.get("signatures", []), what="signatures", path=path, line=1, rule_id=None)
    )
    examples = _examples(raw.get("examples", {}), path=path, line=_key_line(source, line, "examples"), rule_id=rule_id)
    if status is not Status.REMOVED:
        positive = examples.protect if kind is Kind.KEEP else examples.residue + tuple(f.input for f in examples.fix)
        if (
            not positive
            or (not examples.article and kind is not Kind.KEEP)
            or (kind is Kind.KEEP and not examples.residue)
        ):
            need = "'protect' and 'residue'" if kind is Kind.KEEP else "'residue' (or 'fix') and 'article'"
            raise RuleError(
                f"every rule needs examples: {need}",
                path=path,
                line=line,
                rule_id=rule_id,
                hint="examples run as tests; add [rule.examples]",
            )
        if kind is Kind.STRIP and not examples.fix:
            raise RuleError(
                "a strip rule needs at least one [[rule.examples.fix]] pinning its output",
                path=path,
                line=line,
                rule_id=rule_id,
            )
    for key in (
        "max_words",
        "max_chars",
        "max_lines",
        "min_lines",
        "min_words_before",
        "min_prose_before",
        "max_tail_ratio",
        "max_prose_after",
        "item_words",
        "unless_heading",
        "unless_between_prose",
        "unless_among_items",
        "unless_in_code",
        "unless_listed",
        "only_listed",
        "unless_lead_in",
    ):
        if key in params and params[key] is not None and (not isinstance(params[key], int) or params[key] < 0):
            raise RuleError(f"{key} must be a non-negative integer", path=path, line=line, rule_id=rule_id)
    pages = raw.get("pages", "any")
    _check_choice("pages", pages, PAGES, path=path, line=_key_line(source, line, "pages"), rule_id=rule_id)
    texts = raw.get("texts", "any")
    _check_choice("texts", texts, TEXTS, path=path, line=_key_line(source, line, "texts"), rule_id=rule_id)
    if texts in FULL_PAGE_ONLY and kind not in (Kind.HEURISTIC, Kind.CUTOFF):
        # Whole-line and block rules are what finds the chrome: they cannot wait for it. A line rule may still be
        # for text input only, where the markup it stands in for is gone (a credit line under a picture).
        raise RuleError(
            f"texts = {texts!r} is for heuristic and cutoff rules, not {kind.value} rules",
            path=path,
            line=_key_line(source, line, "texts"),
            rule_id=rule_id,
        )
    return Rule(
        id=rule_id,
        name=name,
        kind=kind,
        category=category,
        description=raw["description"].strip(),
        patterns=patterns,
        selectors=selectors,
        heuristic=heuristic,
        params=params,
        domains=include,
        excluded_domains=exclude,
        languages=languages,
        signatures=signatures,
        position=position,
        status=status,
        examples=examples,
        origin=Origin(path, line),
        since=raw.get("since"),
        source=raw.get("source"),
        notes=raw.get("notes"),
        pages=pages,
        texts=texts,
    )


def load_rule_text(source: str, *, path: str, heuristics: Heuristics) -> tuple[list[Rule], Mapping[str, Any]]:
    """Parse one rule file's text into rules and its file header; heuristic rules are checked against
    ``heuristics``, the registry of detectors by name (:data:`declutter.heuristics.HEURISTICS`)."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = regex.search(r"at line (\d+)", str(exc))
        raise RuleError(
            f"TOML syntax error: {exc}",
            path=path,
            line=int(match[1]) if match else None,
            hint="check quotes, brackets and commas; patterns are easiest in '...' literal strings",
        ) from None
    unknown = set(data) - {"file", "rule"}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleError(f"unknown top-level key {key!r}", path=path, hint="a rule file holds 'file' and [[rule]]")
    header = data.get("file", {})
    if not isinstance(header, Mapping) or set(header) - FILE_KEYS:
        bad = sorted(set(header) - FILE_KEYS)[0] if isinstance(header, Mapping) else "file"
        raise RuleError(f"unknown file key {bad!r}", path=path, line=1, hint=_suggest(bad, FILE_KEYS))
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError("'rule' must be an array of tables: write [[rule]]", path=path)
    lines = _rule_lines(source)
    rules = [
        _build_rule(raw, header, heuristics, path=path, line=lines[n] if n < len(lines) else 1, source=source)
        for n, raw in enumerate(raw_rules)
    ]
    return rules, header


def rule_files(sources: Sequence[Path]) -> list[Path]:
    """Every ``*.toml`` under the given files and directories, in a stable order."""
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            found = sorted(source.rglob("*.toml"))
            if not found:
                raise RuleError(
                    "no rule files (*.toml) in this directory", path=source, hint="check the path given to --rules"
                )
            files.extend(found)
        elif source.is_file():
            files.append(source)
        else:
            raise RuleError("no such rule file or directory", path=source)
    return files


RULE_ID_PARAMS = frozenset({"spare_copies_of"})
"""Heuristic parameters whose value is another rule's id (residue-copy's ``spare_copies_of``): checked against the
rules loaded with it, since a misspelt id would match no removal and change nothing without a word."""


def _check_rule_references(rules: Sequence[Rule], ids: Iterable[str]) -> None:
    """Every id a heuristic's parameter names (:data:`RULE_ID_PARAMS`) is a rule loaded with it."""
    known = set(ids)
    for rule in rules:
        for key, value in rule.params.items():
            if key in RULE_ID_PARAMS and value and value not in known:
                raise RuleError(
                    f"parameter {key!r} names no loaded rule: {value!r}",
                    path=rule.origin.path,
                    line=rule.origin.line,
                    rule_id=rule.id,
                    hint=_suggest(value, known) or "give the id of a rule ('declutter rules list')",
                )


def load_rule_files(sources: Sequence[Path], *, heuristics: Heuristics) -> tuple[tuple[Rule, ...], str]:
    """Load rules from files and directories; ids and names must be unique across all of them, and a parameter
    naming a rule (:data:`RULE_ID_PARAMS`) names one of them.

    ``heuristics``: the detectors heuristic rules may name (see :func:`load_rule_text`).
    """
    rules: list[Rule] = []
    digest = hashlib.sha256()
    seen: dict[str, Rule] = {}
    for file in rule_files(sources):
        try:
            source = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(f"cannot read rule file: {exc}", path=file) from None
        digest.update(file.name.encode() + b"\0" + source.encode() + b"\0")
        loaded, _ = load_rule_text(source, path=str(file), heuristics=heuristics)
        if not loaded:  # an empty or misnamed table would otherwise pass 'rules check' with nothing checked
            raise RuleError(
                "holds no rule", path=file, hint="write each rule as a [[rule]] table; rules/README.md shows one"
            )
        for rule in loaded:
            for key in (rule.id, rule.name):
                if key in seen:
                    other = seen[key]
                    what = f"duplicate {'id' if key == rule.id else 'name'} {key!r}"
                    bundled = Path(other.origin.path).resolve().is_relative_to(default_dir().resolve())
                    raise RuleError(
                        f"{what}: a bundled rule has it ({other.id} {other.name})"
                        if bundled
                        else f"{what}, first defined at {other.origin}",
                        path=rule.origin.path,
                        line=rule.origin.line,
                        rule_id=rule.id,
                        hint="give your rules a file prefix and names no bundled rule uses ('declutter rules list')"
                        if bundled
                        else "ids and names are never reused; pick a new one",
                    )
                seen[key] = rule
            rules.append(rule)
    _check_rule_references(rules, (rule.id for rule in rules))
    return tuple(rules), digest.hexdigest()[:16]
