"""The cleaning pipeline: segment → match → resolve → apply.

:func:`explain` is the primitive: it returns the cleaned text and one
:class:`~declutter.decisions.Decision` per removal. :func:`clean` is its text.
A :class:`Cleaner` compiles a rule selection once and is safe to share across
threads (it holds only immutable values).

>>> text = "Skip to main content\\n\\nNATO suspended its training mission in Iraq on Saturday.\\n"
>>> clean(text)
'NATO suspended its training mission in Iraq on Saturday.\\n'
>>> [(d.rule_id, d.category) for d in explain(text).decisions]
[('NAV001', 'navigation')]
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

from declutter.decisions import Action, Cleaned, Decision, decision, kept_lines, replay
from declutter.document import Block, Document, domain_of, normalize_domain, read_block
from declutter.errors import did_you_mean, items_of, wrong_type
from declutter.heuristics import HEURISTICS, WANTS_FULL_PAGE, WANTS_INTRODUCED, WANTS_URL
from declutter.heuristics.common import Removed, code_and_tables, indented_code
from declutter.html import extract_page, looks_like_html
from declutter.language import document_language, normalize_language
from declutter.matchers import (
    Hits,
    LineMatcher,
    block_index,
    introduced_items,
    line_matcher,
    listed_items,
    match_blocks,
    match_cutoffs,
    match_keeps,
    match_lines,
    match_strips,
    plain_items,
)
from declutter.rules import FULL_PAGE_ONLY, SPARE_PER_CARD, Kind, PerSelection, Position, Rule
from declutter.ruleset import RuleSet, selectors

RulesArg = RuleSet | str | Path | Sequence[str | Path] | None
INPUT_FORMATS = ("auto", "text", "html")


def resolve_domain(url: str | None, domain: str | None) -> str | None:
    """The site a document comes from: an explicit domain wins over the URL's host."""
    if domain:
        return normalize_domain(domain)
    return domain_of(url) if url else None


CHROME_LINES = 1
"""A text from which whole-line and block rules removed at least this many lines is a page's full text, with
chrome around its article; one they left whole is an extractor's output (WCXB dev: no such line in 899 of 1,495
trafilatura outputs, and in 26 of the same pages' full texts), where the rules marked ``texts = "full-page"`` do
not run."""

UNSEEN_CATEGORIES: frozenset[str] = frozenset({"furniture", "widget"})
"""Removals the heuristics do not read: a thread's per-post furniture (a poster's panel between posts, XenForo's
'Click to expand...' under each quote), removed by a line rule or a heuristic, is printed in the posts' cadence,
and read as removed lines it turns the posts between into islands, fills and list items (WCXB dev html-text:
tail-fill, residue-wall and teaser-run then took whole replies on 4 threads). The heuristics and the runs of
per-card dates (:func:`_spare_card_lines`) judge the page as if those lines were still there; the lines still go,
and their category stays readable (``Removed.categories``). A widget's notices and controls (``widget``: an error
asking to try again, a cart's notice, a gallery's buttons) stand where the widget does, in a buy box, among cards
or in a tail of teasers and forms; read as removed they would join the runs around them, and unlike a post's
furniture they tell nothing of what holds them (tail-fill's ``post_furniture`` names ``furniture`` alone). A Q&A
site's stamp under the question and under each answer ('answered Feb 12, 2011 at 1:01', DAT007) is a widget line too:
it marks the question and every answer alike, so it tells tail-fill nothing of whether a fill below the first answer
is content (the references split on later answers); as furniture it spared those fills (WCXB dev: superuser -0.068)."""


def decide(
    doc: Document,
    rules: Sequence[Rule],
    *,
    full_page: bool | None = True,
    code: frozenset[int] = frozenset(),
    items: frozenset[int] = frozenset(),
) -> tuple[Decision, ...]:
    """Every removal for one document, one decision per dropped line, in line order.

    Order of precedence: keep rules veto drops; strip rules run first and later
    rules see the stripped text; then whole-line rules, block rules, heuristics,
    and last the tail cut-off, which takes only lines nothing else claimed.
    ``full_page``: whether the rules for a page's full text (``texts = "full-page"``) run; None works it out
    from this text (:data:`CHROME_LINES`), as :func:`settle` does for text input.
    ``code``: the lines an HTML page wrote in a ``<pre>`` (:attr:`~declutter.html.extract.Page.code_lines`): the
    heuristics leave them as they leave code-shaped lines, and none is the page's copyright floor (a console's
    boot banner is the article's). Line rules still judge them: a markup leak inside a ``<pre>`` is still one.
    No line rule judges an indented line holding a letter inside a code block of the text itself
    (:func:`~declutter.heuristics.common.indented_code`: a manifest's '  labels:', a form sample's '    Email:').
    ``items``: the lines an HTML page wrote as list items (:attr:`~declutter.html.extract.Page.item_lines`), which
    the line rules and tail cut-offs read as bulleted (:func:`~declutter.matchers.match_lines`' ``item_words``, a
    tail marker inside a list: :func:`~declutter.matchers.match_cutoffs`).
    """
    return _decide(doc, rules, full_page, code, items)[0]


def _decide(
    doc: Document,
    rules: Sequence[Rule],
    full_page: bool | None,
    code: frozenset[int] = frozenset(),
    items: frozenset[int] = frozenset(),
) -> tuple[tuple[Decision, ...], bool]:
    """:func:`decide`, and whether the rules for a page's full text ran (``full_page``, or the verdict taken
    when it is None: a line rule or block rule removed a line that holds a word).

    >>> rules = Cleaner().rules.rules
    >>> _decide(Document.from_text("Skip to main content\\nThe council voted on Tuesday."), rules, None)[1]
    True
    >>> _decide(Document.from_text("The council voted on Tuesday."), rules, None)[1]
    False
    >>> _decide(Document.from_text("| Year | Votes |\\n|---|---|\\n| 2024 | 7 |"), rules, None)[1]
    False
    """
    plan = _plan(rules)
    strips, view = match_strips(doc.blocks, plan.strips)
    hits = plan.matcher.hits(view)
    protected = match_keeps(view, hits)
    introduced = introduced_items(view, hits)  # no line rule's, nor a menu heuristic's
    listed = listed_items(view, hits) | plain_items(view, hits)  # a list's own items, however they read
    in_code = code_and_tables(view)
    decisions = match_lines(view, hits, protected | introduced | listed | indented_code(view, in_code), items)
    claimed = {d.line for d in decisions}
    decisions += match_blocks(view, plan.blocks, hits, protected, claimed)
    if full_page is None:
        full_page = _chrome_lines(view, claimed) >= CHROME_LINES
    if not full_page:
        plan = plan.extracted
    categories = {d.line: d.category for d in reversed(decisions)}  # the first decision on a line wins
    owners = {d.line: d.rule_id for d in reversed(decisions)}
    shielded = protected | code | in_code  # heuristics judge a page's shape; code and tables are content
    unseen = {line for line, category in categories.items() if category in UNSEEN_CATEGORIES}
    # live views: read before the next rule adds
    removed = Removed(claimed - unseen, MappingProxyType(categories), MappingProxyType(owners))
    for rule, name in plan.heuristics:
        heuristic = HEURISTICS[name]
        if len(removed) != len(claimed) - len(unseen):  # the last rule added lines (``claimed`` only grows)
            removed = Removed(claimed - unseen, MappingProxyType(categories), MappingProxyType(owners))
        page: dict[str, object] = {"url": doc.url} if name in WANTS_URL else {}
        if name in WANTS_FULL_PAGE:
            page["full_page"] = full_page
        if name in WANTS_INTRODUCED:
            page["introduced"] = introduced
        for block, reason in heuristic(view, rule, shielded, removed, **page, **rule.params):
            if block.line not in claimed and block.line not in shielded:
                decisions.append(
                    decision(block.line, Action.DROP, rule.id, rule.category, reason, 0, len(block.raw), block.raw)
                )
                claimed.add(block.line)
                categories[block.line] = rule.category
                owners[block.line] = rule.id
                if rule.category in UNSEEN_CATEGORIES:
                    unseen.add(block.line)
    decisions += match_cutoffs(view, plan.cutoffs, hits, protected, claimed, items)
    decisions = _spare_card_lines(decisions, plan.spare, view, hits)
    dropped = {d.line for d in decisions}
    kept_strips = [d for d in strips if d.line not in dropped]
    return tuple(sorted(decisions + kept_strips, key=lambda d: (d.line, d.start))), full_page


class _Plan:
    """A rule selection sorted by kind for :func:`_decide`, once per selection (:func:`_plan`) instead of on every
    document: a page's rules are filtered by kind five times, and the line rules' matcher looked up."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.strips = tuple(r for r in rules if r.kind is Kind.STRIP)
        self.blocks = tuple(r for r in rules if r.kind is Kind.BLOCK)
        self.heuristics = tuple((r, r.heuristic) for r in rules if r.kind is Kind.HEURISTIC and r.heuristic is not None)
        self.cutoffs = tuple(r for r in rules if r.kind is Kind.CUTOFF)
        self.spare = tuple(r for r in rules if SPARE_PER_CARD in r.params)

    @cached_property
    def matcher(self) -> LineMatcher:
        """The keep, line, block and cut-off rules' :class:`~declutter.matchers.LineMatcher`."""
        return line_matcher(self.rules)

    @cached_property
    def extracted(self) -> _Plan:
        """The plan for an extractor's output: without the rules for a page's full text (``texts = "full-page"``
        or ``"full-page-input"``)."""
        return _plan([rule for rule in self.rules if rule.texts not in FULL_PAGE_ONLY])


_plan = PerSelection(_Plan)


_SHAPE_DIGITS = re.compile(r"\d+")
_SHAPE_LETTERS = re.compile(r"[^\W\d_]+")


def _card_shape(text: str) -> str:
    """A line's shape: digit runs as '0', letter runs as 'a' ('3 days ago' and '1 week ago' are one shape).

    >>> _card_shape("3 days ago") == _card_shape("1 week ago") != _card_shape("Nov 19, 2019")
    True
    """
    return _SHAPE_LETTERS.sub("a", _SHAPE_DIGITS.sub("0", text.strip()))


SPARE_GAP_WORDS = 40
"""Kept words between each two lines of a run that make each stretch a post of its own, whatever else went
between them: a thread's text under each date, where a card holds a title and a blurb."""


def _spare_card_lines(
    decisions: list[Decision], rules: Sequence[Rule], blocks: Sequence[Block], hits: Hits
) -> list[Decision]:
    """The removals, less the lines that belong to kept cards.

    A jobs board, a forum's thread list or a news listing prints a date ('3 days ago') once per
    card, always in the same shape. A rule whose lines can be such a part says how many make a run
    (:data:`~declutter.rules.SPARE_PER_CARD`): when that many or more of the lines removed by rules
    giving the same number share one shape, and nothing but those lines was removed from the first
    to the last of them, the cards between them are kept, and those lines are part of them: they
    stay. A teaser list that other rules removed keeps its dates removed with it, and an article's
    one date line has no siblings. A run whose every stretch between two of its lines keeps
    :data:`SPARE_GAP_WORDS` words (of the ``blocks``) stays too, whatever else went between them:
    a thread's per-post dates, once another rule took each poster's 'Posts: 3,760' beside them.
    A run too short counts the lines of its shape that these rules' patterns matched (``hits``) and a
    guard kept: a thread's poster handle printed over each post, most of them kept between two
    paragraphs, still makes the two left under a short reply part of their cards.
    """
    least = {rule.id: rule.params[SPARE_PER_CARD] for rule in rules if SPARE_PER_CARD in rule.params}
    if not least:
        return decisions
    runs: dict[tuple[int, str], list[Decision]] = {}
    for d in decisions:
        if d.rule_id in least and d.action is Action.DROP:
            runs.setdefault((least[d.rule_id], _card_shape(d.text)), []).append(d)
    removed = {d.line for d in decisions if d.category not in UNSEEN_CATEGORIES}  # per-post furniture breaks no run
    kept = _kept_siblings(runs, least, blocks, hits, removed) if any(len(r) < k for (k, _), r in runs.items()) else {}
    spared: set[int] = set()
    words: dict[int, int] = {}  # each line's words, read only for a run that other removals broke up
    for key, run in runs.items():
        lines = {d.line for d in run} | kept.get(key, set())
        if len(lines) < key[0]:
            continue
        first, last = min(lines), max(lines)
        if all(n in lines or n not in removed for n in range(first, last + 1)):
            spared |= lines  # nothing else went between them
        else:
            words = words or {b.line: b.words for b in blocks}
            if all(_kept_words(words, removed, a, b) >= SPARE_GAP_WORDS for a, b in pairwise(sorted(lines))):
                spared |= lines  # a post under each
    if not spared:
        return decisions
    return [d for d in decisions if not (d.line in spared and d.rule_id in least)]


def _kept_siblings(
    runs: Mapping[tuple[int, str], list[Decision]],
    least: Mapping[str, int],
    blocks: Sequence[Block],
    hits: Hits,
    removed: set[int],
) -> dict[tuple[int, str], set[int]]:
    """The kept lines that a rule with :data:`~declutter.rules.SPARE_PER_CARD` matched whole, by the run key
    (the rule's number and the line's shape) of one of ``runs``."""
    kept: dict[tuple[int, str], set[int]] = {}
    for line, matched in hits.items():
        if line in removed:
            continue
        size = next((least[r.id] for r, _ in matched if r.kind is Kind.LINE and r.id in least), 0)
        if size:
            k = block_index(blocks, line)
            if k is not None:
                key = (size, _card_shape(blocks[k].raw))
                if key in runs:
                    kept.setdefault(key, set()).add(line)
    return kept


def _kept_words(words: Mapping[int, int], removed: set[int], first: int, last: int) -> int:
    """The words of the lines strictly between ``first`` and ``last`` that no decision removed."""
    return sum(words.get(n, 0) for n in range(first + 1, last) if n not in removed)


MAX_PASSES = 3
"""Cleaning repeats on its own output until nothing more goes (at most this many passes)."""


def settle(doc: Document, rules: Sequence[Rule]) -> tuple[Decision, ...]:
    """:func:`decide`, repeated on what it leaves until it removes nothing more (idempotence by construction).

    Some shapes only appear once other residue is gone (a menu whose items were split by
    a share bar); a later pass finds them. Each pass sees exactly the blocks that cleaning
    the cleaned text again would see, under their original line numbers, so its decisions
    point at the input.
    """
    # The first pass's verdict holds for the later ones, which no longer see the chrome it removed.
    first, full_page = _decide(doc, rules, None)
    decisions = list(first)
    # A whole-line rule judges a line alone, so on lines it already spared it finds nothing new: later
    # passes only need the rules whose verdict depends on the neighbours (and the keep rules that veto).
    contextual = [r for r in rules if r.kind is not Kind.LINE or r.position is Position.HEAD]
    for _ in range(MAX_PASSES - 1):
        if not decisions:
            break
        more = decide(replace(doc, blocks=_surviving_blocks(doc, decisions)), contextual, full_page=full_page)
        stripped = {d.line for d in decisions if d.action is Action.STRIP}
        added = []
        for found in more:
            raw = doc.lines[found.line]
            if found.action is Action.STRIP:
                if found.line in stripped:
                    continue  # offsets would not fit the original line; keep the first pass's strips only
                added.append(found)
            else:
                added.append(
                    decision(found.line, found.action, found.rule_id, found.category, found.reason, 0, len(raw), raw)
                )
        if not added:
            break
        dropped = {d.line for d in added if d.action is not Action.STRIP}
        decisions = [d for d in decisions if not (d.line in dropped and d.action is Action.STRIP)] + added
    return tuple(sorted(decisions, key=lambda d: (d.line, d.start)))


def _chrome_lines(blocks: Sequence[Block], claimed: set[int]) -> int:
    """How many of the lines in ``claimed`` hold a word: a table's '|---|' row or a rule of underscores that a
    line rule removed is layout, which an extractor's output has too, not chrome."""
    return sum(1 for block in blocks if block.line in claimed and block.words)


def _surviving_blocks(doc: Document, decisions: Sequence[Decision]) -> tuple[Block, ...]:
    """The blocks of the text the decisions leave, numbered by their lines in ``doc`` (stripped lines re-read)."""
    changed = kept_lines(doc.lines, decisions)
    survivors: list[Block] = []
    for block in doc.blocks:
        raw = changed.get(block.line)
        if raw is None:
            survivors.append(replace(block, index=len(survivors)) if block.index != len(survivors) else block)
        elif (survivor := read_block(len(survivors), block.line, raw)) is not None:
            survivors.append(survivor)
    return tuple(survivors)


class Cleaner:
    """A compiled rule selection, reusable across documents and threads.

    >>> cleaner = Cleaner(keep=["caption"])
    >>> cleaner.clean("Share\\n\\nA photo of the lake. (Jane Doe/The Associated Press)\\n")
    'A photo of the lake. (Jane Doe/The Associated Press)\\n'
    """

    def __init__(
        self,
        rules: RulesArg = None,
        *,
        extra: str | Path | Iterable[str | Path] = (),
        keep: str | Iterable[str] = (),
        only: str | Iterable[str] = (),
        ignore: str | Iterable[str] = (),
    ) -> None:
        """``rules``: a RuleSet or rule paths (replacing the bundled rules); ``extra``: paths added to them."""
        base = _ruleset(rules, extra)
        self.rules = base.select(keep=keep, only=only, ignore=ignore)

    def explain(
        self,
        document: Source,
        *,
        url: str | None = None,
        domain: str | None = None,
        input_format: str = "auto",
        language: str | None = None,
    ) -> Cleaned:
        """Clean a document (text or HTML as ``str`` or ``bytes``, or a parsed lxml or BeautifulSoup page;
        see :func:`explain`) and say why.

        ``language`` (an ISO 639-1 code or a tag like 'pt-BR') is the text's language; without it an HTML
        page's declared language is used, else the language is detected from the text's function words.
        Rules tagged with languages run only when the language is known and one of theirs.
        """
        _check_strings(url=url, domain=domain, language=language, input_format=input_format)
        if input_format not in INPUT_FORMATS:
            raise ValueError(
                f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}"
                + did_you_mean(input_format, INPUT_FORMATS)
            )
        code = normalize_language(language)
        if language and code is None:
            raise ValueError(f"language must be an ISO 639-1 code ('de') or a tag ('pt-BR'), not {language!r}")
        text, input_format, read = as_text(document, input_format)
        if input_format == "html" or (input_format == "auto" and looks_like_html(text)):
            result = self._explain_html(text, url=url, domain=domain, language=code)
            return result._replace(warnings=read + result.warnings) if read else result
        doc = self._with_language(Document.from_text(text, domain=resolve_domain(url, domain), url=url), code)
        decisions = settle(doc, self.rules.for_document(doc))
        lines, ends, site, language = doc.lines, doc.ends, doc.domain, doc.language
        words = sum(block.words for block in doc.blocks)
        del doc  # its blocks go before the output is built: a large document's peak memory is lower
        cleaned = replay(text, decisions, lines=lines, ends=ends)
        del lines, ends
        warnings = read + result_warnings(cleaned, words)
        return Cleaned(cleaned, decisions, site, self.rules.fingerprint, language=language, warnings=warnings)

    def _with_language(self, doc: Document, language: str | None) -> Document:
        """The document with its language: the given one, else detected (only when some rule needs it)."""
        if language is None and self.rules.has_languages:
            language = document_language(doc.blocks)
        return replace(doc, language=language) if language is not None else doc

    def _explain_html(self, html: str, *, url: str | None, domain: str | None, language: str | None) -> Cleaned:
        site = resolve_domain(url, domain)
        page = extract_page(html, self.rules.active(), url=url, domain=site)
        site = site or resolve_domain(page.url, None)
        text = page.text
        # The page says its language (html lang, Content-Language, og:locale); its text is the fallback.
        doc = self._with_language(Document.from_text(text, domain=site, url=url or page.url), language or page.language)
        rules = self.rules.for_page(doc, article=page.article, product=page.product)
        # one pass: settling is for text cleaned again
        decisions = decide(doc, rules, code=page.code_lines, items=page.item_lines)
        metadata = {
            key: value
            for key, value in (
                ("title", page.title),
                ("url", page.url),
                ("published", page.published),
                ("author", page.author),
                ("container", page.container),
            )
            if value
        }
        cleaned = replay(text, decisions)
        warnings = page.notes + result_warnings(cleaned, page.words)
        return Cleaned(
            cleaned,
            decisions,
            site,
            self.rules.fingerprint,
            page.removed,
            metadata,
            text,
            doc.language,
            page.shapes,
            warnings,
        )

    def clean(
        self,
        document: Source,
        *,
        url: str | None = None,
        domain: str | None = None,
        input_format: str = "auto",
        language: str | None = None,
    ) -> str:
        """The cleaned text only."""
        return self.explain(document, url=url, domain=domain, input_format=input_format, language=language).text


Source = str | bytes | bytearray | memoryview | object
"""What cleaning takes: text or HTML as ``str``, bytes (decoded as the command line decodes files), or a page
parsed by lxml (an element or element tree) or BeautifulSoup."""


def as_text(document: Source, input_format: str = "auto") -> tuple[str, str, tuple[str, ...]]:
    """(text, input format, warnings) of a document: ``str`` as it is, bytes decoded, a parsed page serialised as
    HTML. The warnings say what decoding bytes lost or read in another encoding, as the command line warns for a
    file: a caller of the library is told its text is not all its bytes held.

    Bytes are decoded by byte-order mark, declared charset (HTML), UTF-8, windows-1252 for Latin-script
    text, then detection, and binary is refused with :class:`~declutter.errors.InputError`, as for files.
    A parsed page is serialised once; BeautifulSoup is recognised by its module, so it is never imported here.

    >>> as_text(b"caf\\xc3\\xa9\\n"), as_text(b"Gr\\xc3\\xb6\\xc3\\x9fere Umleitungen sind geplant. Caf\\xe9\\n")[2]
    (('café\\n', 'text', ()), ('decoded as utf-8 (1 invalid byte replaced)',))
    """
    if isinstance(document, str):
        return document, input_format, ()
    if isinstance(document, bytes | bytearray | memoryview):
        from declutter.inputs import decode_document

        text, encoding, kind = decode_document(bytes(document), "<bytes>", input_format)
        return text, kind, (f"decoded as {encoding}",) if encoding.doubtful else ()
    from lxml import etree

    if isinstance(document, etree._ElementTree):
        document = document.getroot()
    if isinstance(document, etree._Element):
        html = etree.tostring(document, encoding="unicode", method="html")
        return html, "html" if input_format == "auto" else input_format, ()
    if type(document).__module__.split(".")[0] == "bs4" and hasattr(document, "decode"):
        return str(document), "html" if input_format == "auto" else input_format, ()
    raise TypeError(
        "clean() and explain() take str, bytes (decoded as files are) or a parsed lxml or BeautifulSoup "
        f"document, not {type(document).__name__}"
    )


MIN_WORDS_TO_WARN = 20
"""Inputs shorter than this may well be all residue ('Sign up here'); an empty result from them is no surprise."""
KEPT_SHARE_TO_WARN = 0.05
"""A result with less than this share of the input's words is near-empty: worth a warning, not an error."""


def result_warnings(cleaned: str, words: int) -> tuple[str, ...]:
    """A warning when a result is empty or near-empty although its input had ``words`` words (for HTML,
    the words the page shows). The result's words are counted only up to the share that settles the
    question, without making a list of them: memory stays that of the text.

    >>> result_warnings("", 40), result_warnings("Two words", 100), result_warnings("", 5)
    (('empty result from 40 words of input',), ('near-empty result: 2 of 100 words of input kept',), ())
    """
    if words < MIN_WORDS_TO_WARN:
        return ()
    enough = math.ceil(KEPT_SHARE_TO_WARN * words)
    kept = count_words(cleaned, stop=enough)
    if kept >= enough:
        return ()
    if not kept:
        return (f"empty result from {words} words of input",)
    return (f"near-empty result: {kept} of {words} words of input kept",)


_WORD = re.compile(r"\S+")


def count_words(text: str, stop: int | None = None) -> int:
    """How many white-space separated words ``text`` has (``len(text.split())``, without the list), counting
    no further than ``stop``."""
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if count == stop:
            break
    return count


def _ruleset(rules: RulesArg, extra: str | Path | Iterable[str | Path]) -> RuleSet:
    """The rules asked for; ``extra`` may name one file or folder as ``rules`` may (not read as characters)."""
    extra = _paths("extra", extra)
    if isinstance(rules, RuleSet):
        return RuleSet(rules.rules + RuleSet.load(*extra).rules, rules.fingerprint) if extra else rules
    if rules is None:
        return RuleSet.load(*extra, bundled=True) if extra else RuleSet.bundled()
    return RuleSet.load(*_paths("rules", rules, ruleset=True), *extra)


def _paths(parameter: str, value: object, *, ruleset: bool = False) -> tuple[str | Path, ...]:
    """Rule paths given as one path or a list of them, or a ``TypeError`` naming the parameter (not pathlib's own,
    or 'int object is not iterable')."""
    takes = "a rule file or folder (str or Path) or a list of them" + (", or a RuleSet" if ruleset else "")
    if isinstance(value, str | Path):
        return (value,)
    return items_of(parameter, value, (str, Path), takes, "a path (str or Path)")


def _check_strings(**given: object) -> None:
    """``url``, ``domain``, ``language`` (None or a string) and ``input_format`` (a string) of the right type, or a
    ``TypeError`` at the call naming the parameter: a number there failed deep inside ('int' has no 'strip')."""
    for parameter, value in given.items():
        if parameter == "input_format":
            if not isinstance(value, str):
                raise wrong_type(parameter, value, f"one of {', '.join(INPUT_FORMATS)} (a string)")
        elif value is not None and not isinstance(value, str):
            raise wrong_type(parameter, value, "a string or None")


@lru_cache(maxsize=32)
def _cached_cleaner(keep: frozenset[str], only: frozenset[str], ignore: frozenset[str]) -> Cleaner:
    return Cleaner(keep=keep, only=only, ignore=ignore)


def explain(
    document: Source,
    *,
    url: str | None = None,
    domain: str | None = None,
    rules: RulesArg = None,
    extra: str | Path | Iterable[str | Path] = (),
    keep: str | Iterable[str] = (),
    only: str | Iterable[str] = (),
    ignore: str | Iterable[str] = (),
    input_format: str = "auto",
    language: str | None = None,
) -> Cleaned:
    """Clean a document and say why: the cleaned text and one decision per removal.

    ``document``
        Plain text or HTML (detected), as ``str``; ``bytes``, decoded as the command line decodes
        files (byte-order mark, declared charset, UTF-8, windows-1252, detection; binary raises
        :class:`~declutter.errors.InputError`); or a page parsed by lxml or BeautifulSoup.
        Anything else raises ``TypeError``.
    ``url``, ``domain``
        The page's address or site, so that site's rules in ``rules/sites/`` apply
        (``url="https://www.theglobeandmail.com/…"`` or ``domain="theglobeandmail.com"``).
    ``rules``
        Rule files or directories (or a :class:`~declutter.rules.RuleSet`) used *instead of* the
        bundled rules; the command line's ``--rules DIR --no-bundled``.
    ``extra``
        Rule files or directories *added to* the bundled rules (or to ``rules``); the command
        line's ``--rules DIR``.
    ``keep``
        Categories to leave in: ``keep=["caption"]``.
    ``only``
        Remove only these categories, rule ids, id prefixes or names: ``only=["newsletter", "SOC"]``.
    ``ignore``
        Rule ids, id prefixes, names or categories to switch off: ``ignore=["GLB002", "CAP"]``.
        An unknown ``keep``, ``only`` or ``ignore`` value raises ``ValueError`` naming the nearest one.
    ``input_format``
        ``"auto"`` (detect HTML), ``"text"`` or ``"html"``.
    ``language``
        The text's language (ISO 639-1 or a tag like ``"pt-BR"``), overriding the page's declared or the
        detected language that decides which language-tagged rules run.

    >>> result = explain("Share\\n\\nThe council approved the budget on Monday.\\n", keep=["caption"])
    >>> result.text, [(d.rule_id, d.line) for d in result.decisions]
    ('The council approved the budget on Monday.\\n', [('SHR001', 0)])
    """
    if rules is None and not extra:
        cleaner = _cached_cleaner(
            frozenset(selectors(keep, "keep")),
            frozenset(selectors(only, "only")),
            frozenset(selectors(ignore, "ignore")),
        )
    else:
        cleaner = Cleaner(rules, extra=extra, keep=keep, only=only, ignore=ignore)
    return cleaner.explain(document, url=url, domain=domain, input_format=input_format, language=language)


def clean(
    document: Source,
    *,
    url: str | None = None,
    domain: str | None = None,
    rules: RulesArg = None,
    extra: str | Path | Iterable[str | Path] = (),
    keep: str | Iterable[str] = (),
    only: str | Iterable[str] = (),
    ignore: str | Iterable[str] = (),
    input_format: str = "auto",
    language: str | None = None,
) -> str:
    """The cleaned text of a document: ``explain(...).text``, with the same parameters.

    ``document``
        Plain text or HTML (detected), as ``str``; ``bytes``, decoded as the command line decodes
        files; or a page parsed by lxml or BeautifulSoup. Anything else raises ``TypeError``.
    ``url``, ``domain``
        The page's address or site, so its site rules apply.
    ``rules``
        Rule paths or a RuleSet used *instead of* the bundled rules (CLI: ``--rules DIR --no-bundled``).
    ``extra``
        Rule paths *added to* the bundled rules (CLI: ``--rules DIR``).
    ``keep``, ``only``, ``ignore``
        Categories to leave in; categories, ids or prefixes to remove alone; ids, prefixes or
        categories to switch off. Unknown values raise ``ValueError``.
    ``input_format``
        ``"auto"``, ``"text"`` or ``"html"``.

    >>> clean("Share\\n\\nThe council approved the budget on Monday.\\n")
    'The council approved the budget on Monday.\\n'
    >>> clean(b"<html><body><nav>Home</nav><p>The council approved the budget on Monday, after a long debate.</p>"
    ...       b"</body></html>")
    'The council approved the budget on Monday, after a long debate.\\n'
    >>> clean("Share\\n\\nA lake. (Jane Doe/AP)\\n", keep=["caption"], ignore=["SHR001"])
    'Share\\n\\nA lake. (Jane Doe/AP)\\n'
    """
    return explain(
        document,
        url=url,
        domain=domain,
        rules=rules,
        extra=extra,
        keep=keep,
        only=only,
        ignore=ignore,
        input_format=input_format,
        language=language,
    ).text
