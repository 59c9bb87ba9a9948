"""Chrome removal: selector rules (:mod:`.selectors`) remove page chrome in one walk, unless their guard
(:mod:`.guards`) or what else spares a match (:mod:`.spares`) keeps it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, cast

from lxml import etree

from declutter.decisions import ElementDecision
from declutter.html.guards import (
    PROTECT_SHARE,
    TEXT_FLOOR,
    WHOLE_PAGE_SHARE,
    Holders,
    Mass,
    PageText,
    a_reply,
    applies,
    article_holders,
    frame_part,
    frame_parts,
    guarded,
    holding_as_text,
    judged_together,
    marks_text,
    one_of_twins,
)
from declutter.html.regions import names_body
from declutter.html.selectors import CompiledSelector, token_screen
from declutter.html.spares import (
    CardTest,
    InPageLinks,
    annotated,
    answers,
    card_grid,
    heads_text,
    holds_prose,
    introduced,
    leads_elsewhere,
    link_cluster,
    linked_anchor,
    names_its_heading,
    one_of_posts,
    permalinks_its_heading,
    sectioned,
    stands_alone,
    titles,
)
from declutter.html.tree import (
    Element,
    Paths,
    all_text,
    bounded,
    class_template,
    class_tokens,
    describe,
    drop_tag,
    element_tokens,
    paragraph_sizes,
    preview,
    remove,
    squeeze,
)
from declutter.text import counted, text_size

_NO_TOKENS: frozenset[str] = frozenset()


def _run(xpath: etree.XPath | None, root: Element) -> list[Any]:
    if xpath is None:
        return []
    result = xpath(root)
    return result if isinstance(result, list) else []


def strip_bulk(
    root: Element, selectors: Sequence[CompiledSelector], *, article: bool = False, product: bool = False
) -> tuple[list[ElementDecision], list[CompiledSelector]]:
    """Strip the tags of rules marked ``bulk`` (scripts, styles: elements that never hold text) in one pass
    of lxml's C code, reported with a count per tag; returns those decisions and the other rules.

    Elements of these tags that a page left open around its structure are unwrapped first
    (:func:`_unwrap_misparsed`), and so, where the rule spares what the reader opens (``unless_opened``, by what
    the page calls itself), are the buttons that head the panel they open (:func:`heads_its_panel`).
    """
    decisions: list[ElementDecision] = []
    rest = []
    page = _Page(article, product, None, frozenset())
    for compiled in selectors:
        if compiled.rule.params.get("bulk") and compiled.tags:
            headings = _on_page(compiled.rule.params.get("unless_opened", False), page)
            counts = Counter(_unwrap_misparsed(root, compiled.tags, PANEL_HEADING_WORDS if headings else 0))
            if counts:
                etree.strip_elements(root, *compiled.tags, with_tail=False)
                summary = ", ".join(f"{tag} x{count}" for tag, count in counts.most_common())
                decisions.append(
                    ElementDecision(
                        compiled.rule.id,
                        compiled.rule.category,
                        describe(root),
                        counted(sum(counts.values()), "element") + " that never hold text",
                        summary,
                    )
                )
        else:
            rest.append(compiled)
    return decisions, rest


def remove_chrome(
    root: Element,
    selectors: Sequence[CompiledSelector],
    *,
    article: bool = False,
    product: bool = False,
    site: str | None = None,
    opened: frozenset[str] = frozenset(),
) -> list[ElementDecision]:
    """Apply selector rules (CSS and class/id tokens); removed subtrees are not visited.

    The first rule (in rule order) that matches an element removes it, unless the rule is guarded
    and the element holds the article (see :func:`.guards.protected`), or the rule's matches together hold
    :data:`PROTECT_SHARE` of the page's paragraph text: many sibling posts or sections, each small,
    are the page's text when they go together (the walk is then made again without that rule). On an
    article, the matches inside its <main> or <article> are also weighed by their text outside links: a
    page builder's 'widget' panels write the article in <div>s, and the page's paragraphs (a sidebar's
    blurbs) would not see them; a rail of teasers outside the article's markup is weighed by paragraphs only.
    Rules marked ``bulk`` are stripped first (:func:`strip_bulk`). ``site`` is the page's domain, for the rules
    that spare links to other sites (``unless_offsite``, :func:`leads_elsewhere`); ``opened`` the ids of the
    elements the page's controls open (:func:`controlled_ids`, read before its buttons are stripped), for the rules
    that spare what the reader opens (``unless_opened``, on pages calling themselves ``product`` or not).
    """
    decisions, walked = strip_bulk(root, selectors, article=article, product=product)
    if not walked:
        return decisions
    sizes = paragraph_sizes(root)  # counted before removals
    paragraphed = sum(sizes.values()) >= TEXT_FLOOR
    holders = article_holders(root)
    matched = [(compiled, set(_run(compiled.xpath, root))) for compiled in walked]
    alone = Mass(root, sizes, paragraphs=paragraphed, cards=False, wrapped=True)
    mass = Mass(root, sizes, paragraphs=article and paragraphed, cards=True, wrapped=False)
    page_text = PageText(root)
    vetoed: set[str] = set()
    page = _Page(article, product, site, opened)
    while True:
        found, shielded = _matches(root, [m for m in matched if m[0].rule.id not in vetoed], alone, holders, page)
        threads: dict[tuple[Any, ...], bool] = {}  # a thread's replies share one answer: asked once, not per reply
        judged = [
            (el, compiled.rule.id)
            for el, compiled, _ in found
            if judged_together(compiled.rule, article) or (article and a_reply(el, compiled, threads))
        ]
        if not judged or mass.page < TEXT_FLOOR:  # nothing judged together, or too little text for a share to matter
            break
        together: Counter[str] = Counter()
        for element, rule_id in judged:
            together[rule_id] += mass.of(element)
        holding = {rule_id for rule_id, chars in together.items() if chars >= PROTECT_SHARE * mass.page}
        if article and paragraphed:  # an article's text in <div>s inside its markup (a page builder's panels)
            holding |= holding_as_text(judged, page_text, mass.page)
        if not holding:
            break
        vetoed |= holding  # its matches are the page's text taken together (a forum's posts): none goes
    apart = [m for m in matched if m[0].rule.id in vetoed and m[0].rule.params.get("frame_apart")]
    if apart:  # the page's own header and footer are never its text, whatever the veto spared with them
        found = _with_frame(found, _matches(root, apart, alone, holders, page), frame_parts(root, holders))
    found = [match for match in found if not _spared_once_weighed(match)]
    if shielded:  # after the rules whose matches hold the text together are vetoed: this spares, it never vetoes
        found = _twins_of_text(found, shielded, alone)
    found = _boxed(found, root, holders)
    paths = Paths()  # the walk's removed siblings share their ancestors' part of the path
    for element, compiled, reason in found:
        rule = compiled.rule
        described = describe(element)
        decisions.append(
            ElementDecision(
                rule.id, rule.category, paths.of(element, described), f"{reason} ({described})", preview(element)
            )
        )
        remove(element)
    return decisions


def _with_frame(
    found: list[_Found], vetoed: tuple[list[_Found], list[tuple[Element, str]]], frame: frozenset[Element]
) -> list[_Found]:
    """The walk's matches with those of the rules vetoed together (``vetoed``: their walk's matches and the elements
    their guard kept by share) that are parts of the page's frame (:func:`.guards.frame_part`), for the rules with
    ``frame_apart``: their matches together held the page's text and stay, but a match in the page's own header or
    footer goes, whatever it held with the others. A frame match inside a match goes with it; matches inside a frame
    match go with it.

    A short shop page's header menu, breadcrumbs and footer of notices, all named as navigation, held 40% of its
    text together: the footer now goes, and an FAQ in a 'tabs-menu' inside the page's column stays with the veto.
    """
    if not frame:
        return found
    matches, kept = vetoed
    shielded = set(kept)
    extra = [match for match in matches if frame_part(match[0], match[1].rule.id, frame, shielded)]
    if not extra:
        return found
    taken = {element for element, _, _ in found}
    extra = [
        match
        for match in extra
        if match[0] not in taken and not any(above in taken for above in match[0].iterancestors())
    ]
    going = {element for element, _, _ in extra}
    found = [match for match in found if not any(above in going for above in match[0].iterancestors())]
    return found + extra


def _spared_once_weighed(match: _Found) -> bool:
    """Whether a match's rule spares it once the rules' matches are weighed together, so that sparing it never moves
    another match's veto: an FAQ's hidden answer under the question it shows (``unless_answer``; their rule's
    matches are judged together, answers among them), a list of resources whose items say what their links are
    (``unless_annotated``; a link list beside it is judged as before: a catalogue's subject links go with its
    volumes' list or stay with it)."""
    element, compiled, _ = match
    if compiled.rule.params.get("unless_answer") and answers(element):
        return True
    words = compiled.rule.params.get("unless_annotated", 0)
    return bool(words) and annotated(element, words)


BOX_SHARE = 0.25
"""A box around a match (``box_chars``) holds less than this share of the text the walk runs on: a short article
with a sign-up form below it in one block is not the form's box."""


def _boxed(found: list[_Found], root: Element, holders: Holders) -> list[_Found]:
    """The matches of rules with ``box_chars``, each grown to its box: the highest ancestor below ``root`` whose
    text beside the match is under ``box_chars`` characters and :data:`BOX_SHARE` of ``root``'s text, and that
    holds no markup of the page's text (:class:`Holders`). A sign-up form's box holds its pitch ('Be the first
    to know!'), its title and its fine print ('By signing up, you agree…'), none of them the article's; the
    article's own text around the box is longer. Matches inside a grown box go with it.

    >>> from declutter.html.parsing import parse
    >>> from declutter.ruleset import RuleSet
    >>> from declutter.html.selectors import compile_selector_rule
    >>> page = parse("<div id=c><p>" + "Story. " * 60 + "</p><section id=box><h3>Deals</h3><p>Be the first to know!"
    ...              "</p><form id=f>Email</form></section></div>")
    >>> rule = next(rule for rule in RuleSet.bundled() if rule.id == "DOM020")  # box_chars = 700
    >>> form = page.find(".//*[@id='f']")
    >>> [e.get("id") for e, _, _ in _boxed([(form, compile_selector_rule(rule), "form")], page, article_holders(page))]
    ['box']
    """
    if not any(compiled.rule.params.get("box_chars") for _, compiled, _ in found):
        return found
    total = len(squeeze(all_text(root)))
    grown: list[_Found] = []
    for element, compiled, reason in found:
        limit = compiled.rule.params.get("box_chars", 0)
        if limit:
            own = len(squeeze(all_text(element)))
            parent = element.getparent()
            while parent is not None and parent is not root and not marks_text(parent, holders.any):
                beside = len(squeeze(all_text(parent))) - own
                if beside >= limit or beside >= BOX_SHARE * total:
                    break
                element, parent = parent, parent.getparent()
        grown.append((element, compiled, reason))
    boxes = {element for element, _, _ in grown}
    kept: dict[Element, _Found] = {}  # one decision per element: two forms may share a box
    for match in grown:
        if match[0] not in kept and not any(ancestor in boxes for ancestor in match[0].iterancestors()):
            kept[match[0]] = match
    return list(kept.values())


_STRUCTURE = ("div", "p", "main", "article", "section", "table", "ul", "ol", "h1", "h2", "h3")


def _unwrap_misparsed(root: Element, tags: frozenset[str], heading_words: int = 0) -> list[str]:
    """Unwrap elements of ``tags`` (buttons, labels: elements that never hold text) that hold a page's structure,
    and, when ``heading_words`` is set, the buttons that head their panel (:func:`heads_its_panel`); returns the tag
    of each element of ``tags`` left, in document order (what :func:`strip_bulk` reports), read by the same walk: a
    second walk would build a proxy for each of them again.

    HTML cannot nest a <div> in a <button>; when a page leaves a button open, libxml2 puts the rest of
    the page inside it, and stripping the button would strip the page. Its children are kept instead.

    >>> from declutter.html.parsing import parse
    >>> root = parse("<body><button>Menu<div><p>The council met on Monday.</p></div></body><button>Go</button>")
    >>> _unwrap_misparsed(root, frozenset({"button"})), root.findtext(".//p")
    (['button'], 'The council met on Monday.')
    """
    unwrapped = []
    left = []
    for element in root.iter(*tags):
        tag = element.tag
        if (tag not in ("script", "style") and any(child.tag in _STRUCTURE for child in element)) or (
            heading_words and tag == "button" and heads_its_panel(element, heading_words)
        ):
            unwrapped.append(element)
        else:
            left.append(tag)
    for element in unwrapped:
        drop_tag(element)
    return left


PANEL_HEADING_WORDS = 3
"""A button heads its panel when it says this many words or more: an FAQ's question, a feature's title ('Live classes
and flexible learning'), not a toggle's 'Menu' or 'More'."""

_PANEL_REACH = 3
"""How many levels above an accordion's button its panel may follow: the button itself, its heading, the header box."""


def heads_its_panel(button: Element, min_words: int) -> bool:
    """Whether a button is the heading of the panel it opens: it names the panel (:data:`CONTROL_ATTRIBUTES`), the
    panel follows right after it or after the heading or box holding it (an accordion's question over its answer,
    WAI-ARIA's accordion pattern), it says ``min_words`` words or more (a compound counted as two,
    :func:`declutter.text.text_size`: a German 'Entwickleragilität erhöhen' is as long as 'Increase developer
    agility'), and the panel does not open with the same words (a panel printing its own title). Stripped with the
    other buttons, an FAQ would keep its answers and lose its questions. A carousel's 'Go to slide 3' names a track
    that is not beside it, and a tab list's tabs stand together above their panels.

    >>> from declutter.html.parsing import parse
    >>> root = parse("<div><h3><button aria-controls='a1'>Is the plan free for students?</button></h3>"
    ...              "<div id='a1'><p>Yes, for two years.</p></div></div>")
    >>> heads_its_panel(root.find(".//button"), 3)
    True
    >>> root = parse("<dl><dt><button aria-controls='p1'>Data strategy and governance</button></dt>"
    ...              "<dd id='p1'><h3>Data strategy and governance</h3><p>We map your data.</p></dd></dl>")
    >>> heads_its_panel(root.find(".//button"), 3)
    False
    >>> root = parse("<div id='track'><p>Slide one</p></div>"
    ...              "<div><button aria-controls='track'>Go to slide 3</button></div>")
    >>> heads_its_panel(root.find(".//button"), 3)
    False
    """
    target = next((value for name in CONTROL_ATTRIBUTES if (value := button.get(name))), "").split(" ")[0].lstrip("#")
    words = all_text(button).split()
    if not target or text_size(" ".join(words), len(words)) < min_words:  # a German question's compound counts as two
        return False
    node: Element | None = button
    for _ in range(_PANEL_REACH):
        if node is None:
            return False
        panel = _next_with_text(node)
        if panel is not None:
            opening = " ".join(all_text(panel).split())
            return bool(panel.get("id") == target) and not opening.startswith(" ".join(words))
        node = node.getparent()
    return False


def _next_with_text(element: Element) -> Element | None:
    """The first element after ``element`` among its siblings that holds text (an icon beside a button holds none)."""
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and all_text(sibling).strip():
            return sibling
    return None


@dataclass(frozen=True)
class _Page:
    """What a walk knows of the page beyond its tree: what it calls itself, its site, what its controls open."""

    article: bool
    product: bool
    site: str | None
    opened: frozenset[str]


def _on_page(setting: object, page: _Page) -> bool:
    """:func:`applies`, or ``"other-pages"``: only on pages that call themselves neither articles nor products,
    ``"except-products"``: not on pages that call themselves products, or ``"products"``: only on those."""
    if setting == "products":
        return page.product
    if setting == "other-pages":
        return not page.article and not page.product
    if setting == "except-products":
        return not page.product
    return applies(setting, page.article)


CONTROL_ATTRIBUTES = ("aria-controls", "data-bs-target", "data-target")
"""The attributes naming what a control opens: WAI-ARIA's, Bootstrap 5's and Bootstrap 4's."""

_CONTROLS = cast(
    Callable[[Element], list[str]],
    etree.XPath(" | ".join(f"//*/@{name}" for name in CONTROL_ATTRIBUTES), smart_strings=False),
)
"""The values of the attributes naming what a control opens, read as attributes (no predicate on every element), of
elements only: ``//@name`` also steps through every text node, 12% slower on ScrapingHub's pages for the same values."""


def opened_by_controls(
    root: Element, selectors: Sequence[CompiledSelector], *, article: bool, product: bool
) -> frozenset[str]:
    """:func:`controlled_ids` when a rule spares what the reader opens on this page (``unless_opened``), else
    nothing: reading them costs a scan of the page's attributes, and most pages are articles."""
    page = _Page(article, product, None, frozenset())
    if any(_on_page(s.rule.params.get("unless_opened", False), page) for s in selectors):
        return controlled_ids(root)
    return frozenset()


def controlled_ids(root: Element) -> frozenset[str]:
    """The ids of the elements the page's controls open or show (:data:`CONTROL_ATTRIBUTES`):
    read before the controls, mostly buttons, are stripped with the other elements that never hold text.

    >>> from declutter.html.parsing import parse
    >>> sorted(controlled_ids(parse("<button aria-controls='faq-1 faq-2'>+</button><a data-bs-target='#plan'>x</a>")))
    ['faq-1', 'faq-2', 'plan']
    """
    found = {token.lstrip("#") for value in _CONTROLS(root) for token in value.split()}
    found.discard("")
    return frozenset(found)


def _opened(element: Element, opened: frozenset[str]) -> bool:
    """Whether the reader can open a hidden element: a tab panel, what a closed <details> holds, or an element one
    of the page's controls names (:func:`controlled_ids`)."""
    return (
        element.get("role") == "tabpanel"
        or (element.get("id") or "") in opened
        or next(element.iterancestors("details"), None) is not None
    )


_Found = tuple[Element, "CompiledSelector", str]
"""An element a rule removes, the rule, and why."""


def _matches(
    root: Element,
    matched: Sequence[tuple[CompiledSelector, set[Element]]],
    text: Mass,
    holders: Holders,
    page: _Page,
) -> tuple[list[_Found], list[tuple[Element, str]]]:
    """Every element the first matching rule would remove, with why; the walk does not go below them. And the
    elements a rule matched and its guard kept by share (not by markup), with the rule's id (:func:`_twins_of_text`).

    The walk decides all the children of an element, then goes on below the ones no rule took.
    """
    found: list[_Found] = []
    shielded: list[tuple[Element, str]] = []
    if not matched:
        return found, shielded
    # Most elements match no rule: one test against the union of every rule's tags, tokens, class names,
    # attributes and XPath hits lets them through; the others ask only the rules that name one of them.
    index = _index_of(tuple(compiled for compiled, _ in matched))
    by_tag, by_class, by_attribute, by_token = index.by_tag, index.by_class, index.by_attribute, index.by_token
    by_hit: dict[Element, list[int]] = {}
    in_page = InPageLinks(root)
    for number, (compiled, hits) in enumerate(matched):
        if _in_page_cluster(compiled):  # a table of contents: only what holds enough links to places in the page
            hits = hits.union(in_page.holding(compiled.rule.params["min_links"], compiled.tags))
        for hit in hits:
            by_hit.setdefault(hit, []).append(number)
    all_tokens = index.tokens
    screen = token_screen(all_tokens)
    index.bound_caches()
    named = index.named

    def tokens_of(raw: str) -> frozenset[str]:
        """The tokens of a class/id value that some rule names: :func:`class_tokens` splits each name apart."""
        found = _NO_TOKENS
        for name in raw.split():
            known = named.get(name)
            if known is None:
                known = named[name] = all_tokens.intersection(class_tokens(name)) if screen.admits(name) else _NO_TOKENS
            if known:
                found = found | known if found else known
        return found

    valued = index.valued
    class_names = index.class_names
    in_card = CardTest(root)
    attribute_names = index.attribute_names
    early, late = index.early, index.late
    sections: set[Element] = set()  # blocks spared as a section of the text (`unless_prose`)
    stack = [root]
    while stack:
        parent = stack.pop()
        for element in parent:
            tag = element.tag
            if not isinstance(tag, str):
                continue
            names = element.keys()
            numbers: list[int] | None
            if names:
                tokens = _NO_TOKENS  # the element's class/id tokens that some rule names
                classes = _NO_TOKENS  # and its class names that some rule's class selector names
                raw_class = element.get("class")
                raw_id = element.get("id")
                if raw_class or raw_id:
                    key = (raw_class, raw_id)
                    known = valued.get(key)
                    if known is None:
                        known = valued[key] = _named(raw_class, raw_id, class_names, all_tokens, tokens_of)
                    classes, tokens = known
                    if tokens and raw_id:
                        if in_page(element) and permalinks_its_heading(element):
                            tokens = _NO_TOKENS  # a section of the text by its generator's markup, class and id alike
                        elif names_its_heading(element, raw_id) or (
                            in_page.foreign and linked_anchor(element, raw_id, in_page)
                        ):
                            tokens = tokens_of(raw_class or "")
                    if tokens and element.get("role") == "tabpanel":  # named after the tab that opens it
                        tokens = _NO_TOKENS
                if tokens or classes or element in by_hit or not attribute_names.isdisjoint(names):
                    sources = [by_token[token] for token in tokens] + [by_class[name] for name in classes]
                    if tag in by_tag:
                        sources.append(by_tag[tag])
                    if element in by_hit:
                        sources.append(by_hit[element])
                    sources += [by_attribute[name] for name in names if name in attribute_names]
                    numbers = sources[0] if len(sources) == 1 else sorted(set().union(*sources))
                else:
                    numbers = by_tag.get(tag)
            else:  # no attribute (a third of the elements): named by no rule, by its tag or by an XPath
                tokens = _NO_TOKENS
                numbers = by_tag.get(tag)
                if element in by_hit:
                    numbers = by_hit[element] if numbers is None else sorted({*numbers, *by_hit[element]})
            if numbers is None:  # most elements: named by no rule
                if tag not in CODE:
                    stack.append(element)
                continue
            for number in numbers:
                compiled, hits = matched[number]
                reason = compiled.matches(element, tokens) or ("matches a selector" if element in hits else None)
                if reason is None:
                    continue
                rule = compiled.rule
                twin = False
                if early[number]:  # the rule spares some of its matches before the guard weighs them
                    if tag in rule.params.get("unless_tags", ()):
                        continue  # a heading a 'caption' or 'gallery' class names: a card's title, a section's heading
                    alone = rule.params.get("only_alone")
                    if alone and (
                        tag not in alone
                        or in_card.twin(element)
                        or not stands_alone(element, rule.params.get("max_words", 0))
                    ):
                        continue  # a link inside a sentence, a long one or one of a grid's cards: not a call to action
                    if rule.params.get("min_links", 0) > 0 and next(element.iter("a"), None) is None:
                        continue  # no link, no link cluster: said at once, before the guard sums the paragraphs
                    if rule.params.get("in_page_links", False) and in_page(element) < rule.params.get("min_links", 0):
                        continue  # nor with too few links to places in the page (most <div>s a table of contents names)
                    linkless = rule.params.get("unless_linkless") and next(element.iter("a"), None) is None
                    if linkless and not in_card.twin(element):
                        continue  # a 'teaser' linking nowhere, one of a kind: the article's standfirst, no other's
                    spared = rule.params.get("unless_holding")
                    if spared and (next(element.iterdescendants(*spared), None) is not None or titles(element, spared)):
                        continue  # a <figure> holding a table is the table, no photo's caption; its caption, its title
                    shown = rule.params.get("unless_class_prefix")
                    if shown and any(name.startswith(tuple(shown)) for name in (element.get("class") or "").split()):
                        continue  # 'd-none d-lg-block': hidden on a phone, shown on a desktop
                    if _on_page(rule.params.get("unless_opened", False), page) and _opened(element, page.opened):
                        continue  # a tab, an accordion's panel: the reader opens it (a service page, a shop's category)
                    if rule.params.get("unless_one_of_posts") and one_of_posts(element, compiled.tokens, tokens_of):
                        continue  # the topic author's own post among the thread's (bbPress's 'topic-author'): no byline
                    twin = not rule.params.get("guard_twins", True) and one_of_twins(
                        element, tokens & compiled.tokens, tokens_of
                    )
                if guarded(element, rule, text, holders, page.article, twin=twin):
                    if not marks_text(element, holders.any):
                        shielded.append((element, rule.id))
                    continue
                if late[number]:  # and some of those the guard leaves
                    if rule.params.get("min_link_density") or rule.params.get("min_links"):
                        density = link_cluster(element, rule)
                        if density is None:
                            continue
                        reason += f", {density:.0%} link text"
                    # the spared link clusters, tested on the few elements that are link clusters
                    if tag in rule.params.get("unless_in_card", ()) and in_card(element):
                        continue  # a card's title in a grid of cards, not a link between an article's paragraphs
                    if _on_page(rule.params.get("unless_card_part", False), page) and in_card.holds_as_part(element):
                        continue  # a card's own field its shop names as an ad's: a price module 'commercial'
                    if applies(rule.params.get("unless_cards", False), page.article) and card_grid(element):
                        continue  # a listing's grid of cards (links wrapping a title, a picture, a blurb), no link list
                    if tag in rule.params.get("unless_offsite", ()) and leads_elsewhere(element, page.site):
                        continue  # a list item's heading naming a product or a resource elsewhere, not another story
                    if tag in rule.params.get("unless_heads_text", ()) and heads_text(element):
                        continue  # a round-up's item, a reading list's book: the text after it tells it, no crosslink
                    if rule.params.get("unless_introduced", False) and introduced(element):
                        continue  # an enumeration the text announces ('Here are a few examples:') and goes on after
                    sections_of = rule.params.get("unless_sectioned", 0)
                    if (
                        sections_of
                        and applies(rule.params.get("sectioned_pages", True), page.article)
                        and sectioned(element, sections_of)
                    ):
                        continue  # a topic's links in a page of heading-and-list sections (a wiki's reading list)
                    prose = rule.params.get("unless_prose", 0)
                    if prose and not _on_page(rule.params.get("prose_pages", True), page):
                        prose = (
                            0  # a carousel of other stories' or customers' quotes: only a product's blades are its text
                        )
                    if prose and (holds_prose(element, prose) or any(a in sections for a in element.iterancestors())):
                        sections.add(element)  # its lists are the section's too: the rule leaves the subtree
                        continue  # a section of the text whose lists are links: its paragraph is no card's blurb
                found.append((element, compiled, reason))
                break
            else:
                if tag not in CODE:
                    stack.append(element)
    return found, shielded


def _named(
    raw_class: str | None,
    raw_id: str | None,
    class_names: frozenset[str],
    all_tokens: frozenset[str],
    tokens_of: Callable[[str], frozenset[str]],
) -> tuple[frozenset[str], frozenset[str]]:
    """What the walk reads of a class and id value, whatever the element: the class names that some rule's class
    selector names, and the class/id tokens that some rule names (none if the value also names the article's body:
    :func:`.regions.names_body`)."""
    classes = class_names.intersection(raw_class.split()) if raw_class and class_names else _NO_TOKENS
    tokens = _NO_TOKENS
    if all_tokens:
        raw = f"{raw_class or ''} {raw_id or ''}"
        tokens = tokens_of(raw)
        if tokens and names_body(raw):  # named as the article's body and as chrome: the body
            tokens = _NO_TOKENS
    return classes, tokens


TWIN_PROSE = 0.7
"""A match whose text is at least this share paragraphs (:class:`.guards.Mass`) is prose, not furniture."""

TWIN_CHARS = 150
"""Characters a match needs before it can be the text's twin: a share bar or an empty slot is not."""

TWIN_LEVELS = 4
"""How far up a match and a shielded element may look for the ancestor they share."""


def _twins_of_text(found: list[_Found], shielded: list[tuple[Element, str]], text: Mass) -> list[_Found]:
    """The matches, less the twins of an element their rule named and its guard kept as the page's text.

    A page builder writes an article in several blocks of one template ('articleWidgetHTML_root',
    'elementor-widget-text-editor'), a forum each post in one: a rule naming the template ('widget', 'comment')
    is kept off the block holding :data:`.guards.PROTECT_SHARE` of the text, and took its twins, each too small
    to be kept alone. A twin here is a match of the same rule and tag named by the rule's tokens, whose class
    names (less those with a digit: 'elementor-element-dbec0eb') hold the shielded element's or are held by
    them, near it (an ancestor within :data:`TWIN_LEVELS` in common) and holding prose (:data:`TWIN_PROSE`) or,
    however short, a body marked as a post's text, as the kept twin holds one (:func:`_marked_text`).
    An element holding the page itself (:data:`.guards.WHOLE_PAGE_SHARE`: a footer wrapping a shop's whole
    page) says nothing of its twins, nor does a rule matching by attribute (a hidden modal).

    >>> from declutter.html.parsing import parse
    >>> from declutter.ruleset import RuleSet
    >>> from declutter.html.selectors import compile_selector_rule
    >>> from declutter.html.tree import paragraph_sizes
    >>> page = parse("<div><div class='x-widget' id=a><p>" + "Long body text. " * 40 + "</p></div>"
    ...              "<div class='x-widget' id=b><p>" + "More of the same story. " * 8 + "</p></div>"
    ...              "<div class='x-widget' id=c><div>Weather</div><div>" + "Sun " * 60 + "</div></div></div>")
    >>> rule = compile_selector_rule(next(rule for rule in RuleSet.bundled() if rule.id == "DOM008"))
    >>> text = Mass(page, paragraph_sizes(page), paragraphs=True, cards=False, wrapped=True)
    >>> found = [(page.find(f".//*[@id='{i}']"), rule, "") for i in "bc"]
    >>> [e.get("id") for e, _, _ in _twins_of_text(found, [(page.find(".//*[@id='a']"), "DOM008")], text)]
    ['c']
    """
    by_rule: dict[str, list[Element]] = {}
    for element, rule_id in shielded:
        by_rule.setdefault(rule_id, []).append(element)
    kept = []
    for match in found:
        element, compiled, _ = match
        twins = [other for other in by_rule.get(compiled.rule.id, ()) if _twins(element, other, compiled)]
        if (
            twins
            and any(text.of(twin) < WHOLE_PAGE_SHARE * text.page for twin in twins)
            and (_prose(element, text) or (_marked_text(element) and any(_marked_text(twin) for twin in twins)))
        ):
            continue  # one of a kept block's twins: spared with it
        kept.append(match)
    return kept


def _twins(element: Element, other: Element, compiled: CompiledSelector) -> bool:
    """Whether two matches of a rule are blocks of one template near each other (:func:`_twins_of_text`)."""
    if element.tag != other.tag or element is other:
        return False
    mine, theirs = class_template(element), class_template(other)
    if not mine or not theirs or not (mine <= theirs or theirs <= mine):
        return False
    if any(compiled.tokens.isdisjoint(element_tokens(e)) for e in (element, other)):
        return False
    near = set(islice(element.iterancestors(), TWIN_LEVELS))
    return not near.isdisjoint(islice(other.iterancestors(), TWIN_LEVELS))


def _prose(element: Element, text: Mass) -> bool:
    """Whether a match holds :data:`TWIN_CHARS` characters or more, :data:`TWIN_PROSE` of them the page's text."""
    own = len(squeeze(all_text(element)))
    return own >= TWIN_CHARS and text.of(element) >= TWIN_PROSE * own


_MARKED_TEXT = cast(Callable[[Element], list[str]], etree.XPath("descendant::*/@itemprop[. = 'text']"))
"""The ``itemprop="text"`` attributes below an element: schema.org's mark of a post's or a comment's body."""


def _marked_text(element: Element) -> bool:
    """Whether an element holds a body its page marks as a post's text (``itemprop="text"``): a twin of a kept post
    holding one is a post however short (Khoros' replies, each in a block its 'widget' token names, one a line
    long), where :func:`_prose` asks for :data:`TWIN_CHARS` characters that a one-line reply never has."""
    return bool(_MARKED_TEXT(element))


class _RuleIndex:
    """A walk's rules (by their number in its list) under each tag, class name, attribute and token they name: what
    the walk asks of an element to find the few rules that may take it. A table of contents' rule
    (:func:`_in_page_cluster`) is not under its tags: the walk asks it only about the elements holding its links."""

    def __init__(self, rules: tuple[CompiledSelector, ...]) -> None:
        self.rules = rules  # kept, so that no id in the key it is cached under is reused while it lives
        self.by_tag: dict[str, list[int]] = {}
        self.by_class: dict[str, list[int]] = {}
        self.by_attribute: dict[str, list[int]] = {}
        self.by_token: dict[str, list[int]] = {}
        for number, compiled in enumerate(rules):
            if not _in_page_cluster(compiled):
                for tag in compiled.tags:
                    self.by_tag.setdefault(tag, []).append(number)
            for name in {name for _, name in compiled.classes}:
                self.by_class.setdefault(name, []).append(number)
            for name in {name for _, name, _, _ in compiled.attributes}:
                self.by_attribute.setdefault(name, []).append(number)
            for token in compiled.tokens:
                self.by_token.setdefault(token, []).append(number)
        self.tokens = frozenset(self.by_token)
        # Whether each rule spares some matches before its guard is asked, or after: most matches are of rules that
        # spare none, which then skip two dozen settings read per match (0.4% of a page's instructions).
        self.early = [_spares_early(compiled.rule.params) for compiled in rules]
        self.late = [any(compiled.rule.params.get(name) for name in _LATE) for compiled in rules]
        self.class_names = frozenset(self.by_class)
        self.attribute_names = frozenset(self.by_attribute)
        # What the walk reads of class names and values under these rules, kept from page to page (a site's pages
        # and a theme's or framework's, 'container', 'row', 'entry-content', repeat them): a class name's tokens
        # that some rule names, and a class and id value pair's class names that a class selector names and tokens
        # that some rule names (:func:`_named`), looked up by the pair as lxml reads it: no string is joined for an
        # element whose values were seen before. Each depends on the values alone.
        self.named: dict[str, frozenset[str]] = {}
        self.valued: dict[tuple[str | None, str | None], tuple[frozenset[str], frozenset[str]]] = {}

    def bound_caches(self) -> None:
        """Empty the caches that have grown past :data:`~declutter.html.tree.CACHED_VALUES` (:func:`bounded`)."""
        bounded(self.named)
        bounded(self.valued)


_EARLY = (
    "unless_tags",
    "only_alone",
    "min_links",
    "in_page_links",
    "unless_linkless",
    "unless_holding",
    "unless_class_prefix",
    "unless_opened",
    "unless_one_of_posts",
)
"""The settings by which a rule spares a match before its guard weighs it (:func:`_matches`): each spares nothing
when it is false, empty or zero."""

_LATE = (
    "min_link_density",
    "min_links",
    "unless_in_card",
    "unless_card_part",
    "unless_cards",
    "unless_offsite",
    "unless_heads_text",
    "unless_introduced",
    "unless_sectioned",
    "unless_prose",
)
"""The settings by which a rule spares a match its guard leaves (:func:`_matches`), each false, empty or zero when
it spares nothing."""


def _spares_early(params: Mapping[str, Any]) -> bool:
    """Whether a rule may spare a match before its guard weighs it: one of :data:`_EARLY` is set, or its guard does not
    keep its twins (``guard_twins = false``, which :func:`.guards.one_of_twins` asks of each match)."""
    return any(params.get(name) for name in _EARLY) or not params.get("guard_twins", True)


_INDEXES: dict[tuple[int, ...], _RuleIndex] = {}


def _index_of(rules: tuple[CompiledSelector, ...]) -> _RuleIndex:
    """The :class:`_RuleIndex` of a walk's rules, built once for each list of them: every page of a kind runs the
    same rules (two walks a page, each indexing some thirty rules' names again, cost 0.03 ms a page)."""
    key = tuple(map(id, rules))
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= 256:
            _INDEXES.clear()
        index = _INDEXES[key] = _RuleIndex(rules)
    return index


def _in_page_cluster(compiled: CompiledSelector) -> bool:
    """Whether a rule names tags alone and takes only those holding ``min_links`` links to places in the page
    (``in_page_links``): the walk asks it only about the few elements :meth:`InPageLinks.holding` finds, not every
    <div> (a table of contents' rule names them all, and nearly none holds such links)."""
    params = compiled.rule.params
    return (
        params.get("in_page_links", False)
        and params.get("min_links", 0) > 0
        and compiled.xpath is None
        and not (compiled.tokens or compiled.classes or compiled.attributes)
    )


CODE = frozenset({"pre", "code"})
"""Code is never walked into: a highlighter's spans are named for what they colour ('comment', 'tag', 'nav')."""


NOSCRIPT_WORDS = 50
"""A <noscript> with this many words is the page itself as served without scripts, not a fallback notice."""


def reveal_noscript(root: Element) -> int:
    """Unwrap every <noscript> holding :data:`NOSCRIPT_WORDS` words or more, so its text is read like the rest.

    Forum software renders a thread with scripts and puts the same posts in a <noscript> for crawlers
    and script-less readers (the page's only copy in the HTML); a short <noscript> ("enable JavaScript",
    a tracking pixel) stays and is stripped with the scripts. Returns how many were unwrapped.

    >>> from declutter.html.parsing import parse
    >>> root = parse("<body><noscript><p>" + "word " * 60 + "</p></noscript><noscript>Enable JS</noscript></body>")
    >>> reveal_noscript(root), len(root.findall(".//noscript"))
    (1, 1)
    """
    rich = [element for element in root.iter("noscript") if len(all_text(element).split()) >= NOSCRIPT_WORDS]
    for element in rich:
        drop_tag(element)
    return len(rich)
