"""The page's head above the article: the chrome between the page title and its echo, the masthead the address
spells, and what stands above the headline the address names."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

import regex

from declutter.document import Block
from declutter.heuristics.common import (
    Hit,
    article_span,
    first_paragraph,
    is_paragraph,
    is_residue,
    is_title_echo,
    prose_words_before,
    title_tokens,
)
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import ends_like_sentence, is_prose


def title_echo(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_words: int = 4,
    max_prose_between: int = 40,
    min_prose_after: int = 100,
    min_lines_between: int = 3,
    quoted_words: int = 2,
    prose_share: float = 0.0,
    long_echo: int = 0,
) -> list[Hit]:
    """The page chrome between a full-page text's first line (the HTML title) and the headline that repeats it.

    A full-page converter writes the page's ``<title>`` first ('Storm hits coast - Daily
    Planet'), then the menus, sidebars and teasers that precede the story on the page, then
    the headline again ('Storm hits coast') and the article. The headline's echo marks where
    the article starts on any site: whatever lies between the two copies is chrome. The echo
    must have ``min_words`` words and be the title itself or the title minus a site name set
    off by a separator; at least ``min_prose_after`` words of prose must follow it, and at
    most ``max_prose_between`` words of prose may lie between (a text whose article starts
    before the echo is not this shape). When the headline recurs there (a sticky header), the last
    copy is the one above the article. Every copy of the headline stays, and so does a line of
    ``quoted_words`` words or more that the article's prose repeats (a kicker naming its topic).

    A mega-menu or a shop's header may give each section a one-sentence blurb, and a cookie text no rule
    took is prose too: past ``max_prose_between`` words the search goes on while the prose between stays
    within ``prose_share`` of the prose below and no two of its paragraphs stand in a row (an article's text
    does). There the first echo is the headline, since a later one may be the article's own (a product's
    name over a card below its specs), and a copy another rule removed ends the search. A headline right under
    the title with no removed line before a later copy starts the article: that is this rule's own output,
    cleaned again, and the lines between the copies are the article's.

    The blurbs of a large mega-menu may outweigh a short article (a publisher's product pitches over a
    300-word insight piece): past that share the search still goes on, while no two paragraphs stand in a
    row, for an echo of ``long_echo`` words or more, a headline as long as a sentence repeated word for word,
    which a menu item or a teaser seldom is by chance.

    >>> from declutter.document import Document
    >>> blurbs = "".join(f"{n}\\nCompare {n} from many providers and find the best rate this week.\\n" for n in "ABCDE")
    >>> body = "The council approved the budget early on Wednesday after a debate of nine hours.\\n" * 5
    >>> head = "Council approves the new budget after a long night"
    >>> blocks = Document.from_text(f"{head} - Planet\\n{blurbs}{head}\\n{body}").blocks
    >>> len(title_echo(blocks, None, frozenset(), frozenset(), min_prose_after=50, prose_share=0.2))
    0
    >>> len(title_echo(blocks, None, frozenset(), frozenset(), min_prose_after=50, prose_share=0.2, long_echo=8))
    10
    """
    if len(blocks) < min_lines_between + 2:
        return []
    top = blocks[0]
    if top.line in claimed or top.words < min_words or _states(top.text):
        return []
    prose_before = prose_words_before(blocks)
    total = prose_before[-1] + (blocks[-1].words if is_prose(blocks[-1].text, words=blocks[-1].words) else 0)
    echoes: list[int] = []
    paired = False  # two paragraphs of prose in a row: an article's text, not the blurbs of a mega-menu
    prose_above = False  # whether the line above is a paragraph of prose no rule removed (never the title)
    for position in range(1, len(blocks)):
        block = blocks[position]
        prose = block.line not in claimed and is_prose(block.text, words=block.words)
        paired = paired or (prose and prose_above)
        prose_above = prose
        beyond = prose_before[position] > max_prose_between
        outweighs = beyond and prose_before[position] > prose_share * (total - prose_before[position])
        if beyond and (echoes or paired or (outweighs and not long_echo)):
            break  # the article, or something like it, started here
        if block.words < min_words or block.words > top.words or (outweighs and block.words < long_echo):
            continue
        if (beyond or block.line not in claimed) and is_title_echo(top.text, block.text, min_words):
            if block.line in claimed:
                break  # another rule took this copy of the headline, and the article may start under it
            echoes.append(position)
            if beyond:
                break  # past the blurbs the first echo is the headline: a later one may be the article's own
    if not echoes:
        return []
    if echoes[0] == 1 and not any(b.line in claimed for b in blocks[1 : echoes[-1]]):
        # The headline right under the title, and no chrome another rule took before a later copy: the article
        # starts at the first copy, and the later one is the article's own (as when cleaning this output again).
        return []
    # The last echo is the headline above the article; earlier ones are copies in the chrome (a sticky header).
    position = echoes[-1]
    block = blocks[position]
    copies = {blocks[at].line for at in echoes}
    between = [
        b
        for b in blocks[1:position]
        if b.line not in protected
        and b.line not in copies
        # Below an earlier copy of the headline, a paragraph may be the dek: only short lines go there.
        and (b.index < blocks[echoes[0]].index or not is_prose(b.text, words=b.words))
    ]
    if len(between) < min_lines_between or total - prose_before[position] < min_prose_after:
        return []
    # A kicker or topic label the article itself names ('Dancing With the Stars') may be the article's own.
    article = " ".join(b.text.lower() for b in blocks[position:] if is_prose(b.text, words=b.words))
    between = [b for b in between if b.words < quoted_words or b.text.lower() not in article]
    return [(b, f"between the page title (line 1) and its echo, the headline (line {block.line + 1})") for b in between]


def menu_echo(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_words: int = 2,
    max_line_words: int = 8,
    min_lines: int = 10,
    leading_part: bool = False,
    max_digit_share: float = 1.0,
    url: str | None = None,
) -> list[Hit]:
    """The header menu between a full-page text's first line (the HTML title) and its echo, on a page no prose
    follows: every kept line up to the echo is a menu's short line.

    :func:`title_echo` anchors by the article under the headline (100 words of prose) and needs a 4-word
    echo: a shop's category page ('Electronics and gadgets | Peace Target') has a short name over a grid of
    cards, a schedule or a docs page a table or a short text, and no prose to weigh. There the shape alone
    tells the head: ``min_lines`` kept lines or more, none of more than ``max_line_words`` words (a mega-menu's
    columns, an account bar), then the first line that is the title less its site name (:func:`is_title_echo`,
    ``min_words`` words): what follows is the page. The echo is shorter than the title: a page's ``<title>``
    names its site, and a first line printed again whole is an extractor's heading ('Recently Visited' over a
    shop's category menu and again above its list). With ``leading_part`` the title's words before its first
    spaced separator echo it too ('NFL Schedule - 2026 Season - ESPN' over 'NFL Schedule', where the section's
    name outweighs the headline), given the page address and unless its host spells them (a site's name leading
    its titles, 'Outdoor Shop | Camp stoves' on outdoorshop.com). At most ``max_digit_share`` of the kept lines
    above the echo may hold a digit: prices and dates are a grid's cards or a table's rows. A longer line before
    the echo (a sentence, a promotion's blurb) stops the search, and so does a first echo with fewer kept lines
    above it (a later copy may be the grid's last card or the footer's). The copies of the title stay. A first
    line that asks or exclaims is a title here too, as :func:`title_echo` reads it (:func:`_states`).

    >>> from declutter.document import Document
    >>> menu = "\\n".join(f"Section {n}" for n in range(10))
    >>> text = f"Camp stoves | Outdoor Shop\\n{menu}\\nCamp stoves\\nTrail Stove 2\\n$49.99"
    >>> hits = menu_echo(Document.from_text(text).blocks, None, frozenset(), frozenset())
    >>> [block.text for block, _ in hits][-1]
    'Section 9'
    """
    if not blocks:
        return []
    top = blocks[0]
    if top.line in claimed or top.words < min_words or _states(top.text):
        return []
    lead = _leading_tokens(top.text) if leading_part and url else None
    if lead is not None and "".join(lead) in _host_name(url):
        lead = None  # 'Outdoor Shop | Camp stoves' on outdoorshop.com: the leading part is the site's name
    kept: list[Block] = []
    for block in blocks[1:]:
        if block.line in claimed:
            continue
        if min_words <= block.words < top.words and (
            is_title_echo(top.text, block.text, min_words)
            or (lead is not None and len(lead) >= min_words and title_tokens(block.text) == lead)
        ):
            if len(kept) < min_lines:
                return []  # the first echo is the page's heading: a later copy is the page's own
            if sum(any(ch.isdigit() for ch in b.text) for b in kept) > max_digit_share * len(kept):
                return []  # prices, counts and dates: a grid's cards or a table, not a menu
            reason = f"a menu's short line between the page title (line 1) and its echo (line {block.line + 1})"
            return [(b, reason) for b in kept if b.line not in protected]
        if block.words > max_line_words:
            return []
        kept.append(block)
    return []


_SPACED_SEPARATOR = regex.compile(r"\s[|–—:»·•/-]\s")


def _leading_tokens(title: str) -> list[str] | None:
    """The words of a page title before its first spaced separator ('NFL Schedule - 2026 Season - ESPN'), or None."""
    found = _SPACED_SEPARATOR.search(title)
    return title_tokens(title[: found.start()]) if found else None


_PROSE_WORD = regex.compile(r"\p{L}{3,}")


def head_strip(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    max_lines: int = 20,
    headline_words: int = 4,
    min_claimed: int = 1,
    max_words: int = 14,
    max_shared: float = 0.5,
    anchor: str = "",
) -> list[Hit]:
    """The small lines between the headline and the first paragraph: share counts, time stamps, bare names.

    Under the headline a page sets its metadata: the author's name (its 'By' an icon),
    a time stamp, share counters ('84.1K', '108'). Other rules remove part of that strip (a
    'By' line, a date, the share buttons); what they leave has a shape but no vocabulary.
    Walking up from the first prose paragraph (of ``prose_words`` words) that no rule
    removed, the strip is the run of lines that other rules removed or that fully match one
    of the rule's shape patterns (a count, a clock time, a run of capitalised names) with at
    most ``max_words`` words; it ends at the first other line, which must be the headline or
    the dek: unremoved, of ``headline_words`` words or more. The headline sits 1 to 17 lines
    above the first paragraph, so the strip has no fixed size, only ``max_lines``. The
    strip goes when it holds ``min_claimed`` lines other rules removed (it is the head's
    metadata, not the article's own short lines), except a line whose words the article
    repeats: of its distinct words of three letters or more (when it has two or more),
    more than ``max_shared`` appear in the article's prose ('Joe Biden Wins Iowa' is a
    headline, 'Anna Menin' a byline). Words without a digit right above the paragraph are its
    heading ('Key Points') and stay too. A line fully matching the ``anchor`` pattern (a share
    button) counts as removed, so the rule can be tested alone; in the pipeline other rules took it.
    """
    if rule is None or not rule.patterns:
        return []
    first = first_paragraph(blocks, claimed, prose_words)
    if first is None or first == 0:
        return []
    anchored = regex.compile(anchor) if anchor else None

    def residue(block: Block) -> bool:
        return block.line in claimed or (anchored is not None and anchored.fullmatch(block.text) is not None)

    strip: list[Block] = []
    top: Block | None = None
    for block in reversed(blocks[:first]):
        if len(strip) >= max_lines:
            return []
        if block.line in protected:
            top = block
            break
        if residue(block) or (block.words <= max_words and fullmatch(rule, block, block.text) is not None):
            strip.append(block)
            continue
        top = block
        break
    if top is None or top.words < headline_words:
        return []
    found = [b for b in strip if not residue(b)]
    if not found or len(strip) - len(found) < min_claimed:
        return []
    article: set[str] | None = None
    hits: list[Hit] = []
    for block in reversed(found):
        words = {w.casefold() for w in _PROSE_WORD.findall(block.text)}
        if block is strip[0] and len(words) >= 2 and not any(ch.isdigit() for ch in block.text):
            continue  # words right above the paragraph, without a time or a count: its heading ('Key Points')
        if len(words) >= 2:
            if article is None:
                article = {
                    w.casefold()
                    for b in blocks[first:]
                    if b.line not in claimed and is_prose(b.text, words=b.words)
                    for w in _PROSE_WORD.findall(b.text)
                }
            if sum(w in article for w in words) > max_shared * len(words):
                continue
        hits.append((block, f"between the headline (line {top.line + 1}) and the first paragraph, beside residue"))
    return hits


_SLUG_TOKEN = regex.compile(r"[^\W_]+")
_SLUG_WORD = regex.compile(r"[^\W\d_]{2,}")
_ALNUM_OR_SPACE = bytes(byte if chr(byte).isalnum() and byte < 128 else 32 for byte in range(256))


def _tokens(text: str) -> frozenset[str]:
    """The runs of letters and digits of the case-folded text (:data:`_SLUG_TOKEN`'s matches). On ASCII they are
    the words left when every other byte is a space: one ``bytes.translate`` and a split, where the regex module's
    ``findall`` took some 600 instructions a character (0.7% of a pass on ScrapingHub's pages).

    >>> sorted(_tokens("Dress Shoes & Socks_2024")), sorted(_tokens("Straße-Ärger"))
    (['2024', 'dress', 'shoes', 'socks'], ['strasse', 'ärger'])
    """
    folded = text.casefold()
    if folded.isascii():
        return frozenset(folded.encode("ascii").translate(_ALNUM_OR_SPACE).decode("ascii").split())
    return frozenset(_SLUG_TOKEN.findall(folded))


def _slug_tokens(url: str | None, ignore: frozenset[str]) -> frozenset[str]:
    """The words of a URL's slug: the path segment with the most words, lower-cased, without bare numbers.

    >>> sorted(_slug_tokens("https://example.com/news/2019/storm-hits-coast-schools-close-14.php", frozenset({"php"})))
    ['close', 'coast', 'hits', 'schools', 'storm']
    """
    if not url:
        return frozenset()
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return frozenset()
    slug = max(segments, key=lambda s: len(_SLUG_WORD.findall(s, None, None, False, False)))
    return frozenset(t for t in _SLUG_TOKEN.findall(slug.casefold()) if not t.isdigit() and t not in ignore)


_LONG_WORD = regex.compile(r"\p{L}{4,}")


def _words(text: str) -> frozenset[str]:
    """The words of four letters or more of ``text``, case-folded (not 'the', 'and')."""
    return frozenset(w.casefold() for w in _LONG_WORD.findall(text))


def _opens_with_intro(
    blocks: Sequence[Block],
    claimed: frozenset[int],
    sources: Sequence[frozenset[str]],
    prose_words: int,
    min_shared: int,
    source_cover: float,
    intro_gap: int = 1,
) -> bool:
    """Whether the text opens with its own heading and, right under it, a paragraph naming the page's topic.

    A page's full text opens with its title or its chrome; a text whose first line is a heading
    sharing a word with a source (the URL's slug) and whose second is a paragraph holding the
    source's words is an extractor's output that starts at the article: a collection's name and
    introduction ('Dress Shoes & Socks' over 'Generation Tux's … collection of dress shoes … and
    socks …'), where a later section heading the slug names ('About our tuxedo shoes and socks')
    is no headline with a page head above it. The paragraph may stand among the ``intro_gap`` lines under the
    heading: on the HTML stage's text a promotion banner's lines and a breadcrumb's last item sit between a
    collection's name and its introduction, and the grid of cards between them and the later heading is the page.

    >>> from declutter.document import Document
    >>> text = ("Dress Shoes & Socks\\nOur collection of dress shoes, tuxedo shoes and socks is designed to "
    ...     "finish your formalwear, whatever the occasion and the season may be.\\nFilters")
    >>> blocks, slug = Document.from_text(text).blocks, [frozenset({"shoes", "and", "socks"})]
    >>> [_opens_with_intro(b, frozenset(), slug, 15, 3, 0.6) for b in (blocks, blocks[1:])]
    [True, False]
    >>> gap = Document.from_text("Dress Shoes & Socks\\nNow $119\\n" + text.split("\\n", 1)[1]).blocks
    >>> [_opens_with_intro(gap, frozenset(), slug, 15, 3, 0.6, n) for n in (1, 2)]
    [False, True]
    """
    if len(blocks) < 2 or blocks[0].line in claimed or ends_like_sentence(blocks[0].text):
        return False
    intros = [b for b in blocks[1 : 1 + intro_gap] if b.words >= prose_words and is_paragraph(b, claimed, prose_words)]
    if not intros:  # most pages: no paragraph under the first line, and nothing to tokenise
        return False
    heading = _tokens(blocks[0].text)
    named = [source for source in sources if heading & source]
    for intro in intros:
        words = _tokens(intro.text)
        for source in named:
            shared = len(words & source)
            if shared >= min_shared and shared >= source_cover * len(source):
                return True
    return False


def headline_anchor(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    url: str | None = None,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
    min_words: int = 3,
    title_words: int = 4,
    min_shared: int = 3,
    source_cover: float = 0.6,
    line_cover: float = 0.35,
    max_gap: int = 25,
    min_claimed: int = 2,
    min_between: int = 3,
    min_prose_after: int = 100,
    quoted_words: int = 2,
    quote_stop_words: int = 5,
    slug_ignore: str = "",
    max_prose_above: int = 1,
    near_gap: int = 2,
    near_between: int = 4,
    intro_gap: int = 1,
) -> list[Hit]:
    """The page chrome above the headline, the headline found by its likeness to the URL's slug or the page title.

    A full-page text holds the headline once above the article, and the page names the same
    headline in its address ('…/storm-hits-coast-schools-close-14848164.php') and, in
    html-text, its ``<title>`` on the first line. What lies above the headline on the page is
    chrome (menus, teasers, log-in and consent prompts), whatever its wording; ``title-echo``
    needs the title on line 1 and its exact echo, and inscriptis texts open with the menu.
    Here the headline is the first unremoved line above the article's first paragraph (of
    ``prose_words`` words; with ``edge_gap`` and ``edge_words``, not a site blurb far above the
    rest, see :func:`~declutter.heuristics.menus.menu_run`) with ``min_words`` words or more, no statement ending, and
    ``min_shared`` words or more in common with a source (the slug's words, or the first line
    when it is an unremoved non-sentence of ``title_words`` words or more) that cover
    ``source_cover`` of the source's words and ``line_cover`` of its own, or whose words are
    those of the page title less its site name or of one of the parts the title strings
    together ('Writing workflows - GitHub Docs', 'Verte Chair | Best Ergonomic Chair | Shop':
    two words are a headline there). The last such line is the headline instead if at most ``near_gap``
    lines separate it from the first paragraph, more than ``near_between`` lines from the first
    such line, and no line of ``prose_words`` words stands between the two: the first was a menu
    item the slug names, and the menu below it is chrome too (a line of paragraph length there
    means the page's own text, a question or a product's details, starts above the later copy).
    Every unremoved line above it goes, except:

    - the page title on the first line, and every line that matches a source the same way
      (copies of the headline: a breadcrumb's last item, a sticky header); a first line that
      shares no word of four letters or more with the headline or the slug is no title but
      chrome (inscriptis texts open with a tag line or a consent notice), and goes;
    - a line of ``quoted_words`` words or more that the article's prose contains (a kicker);
      and below a line of ``quote_stop_words`` words or more that the article contains (a fact
      check's claim card above the headline), nothing goes;
    - everything, when more than ``max_gap`` unremoved lines separate the headline from the
      first paragraph and a paragraph of prose no rule removed stands above it (on the HTML
      stage's text a product's description may precede its spec sheet and the line naming
      it), when fewer than ``min_prose_after`` words of prose follow it, or when
      fewer than ``min_claimed`` different lines above the first paragraph were removed by other
      rules or match the rule's anchor patterns (chrome labels, so the rule can be tested alone): a
      main-content text has no chrome, and its 'headline' may be a caption naming the topic. A
      button printed under each card ('Read More' four times) counts once: a page head's chrome is
      a menu, a search box, a log-in prompt, while one label repeated is the cards' own, which an
      extractor's output of a buyer's guide keeps above a later heading the slug names;
    - everything, when the page title is the source and fewer than ``min_between`` lines
      separate it from the headline (the first line is the headline itself, and the match a
      copy inside the article).

    - everything, when more than ``max_prose_above`` unremoved lines above the headline are
      paragraphs of prose (``prose_words`` words or more, ending like sentences) and they hold as
      many words as the prose below it: a page head is
      chrome, and an extractor's output (a buyer's guide whose product names a later heading
      echoes) holds the article above the line that looks like the headline;
    - everything, when the text opens with a heading and, under it, a paragraph holding the
      source's words among the ``intro_gap`` lines under it (:func:`_opens_with_intro`): an extractor's output
      that starts at the article, or the HTML stage's text of a collection whose name and introduction a
      promotion banner's lines part.

    A slug shorter than ``min_shared`` words ('news_view.html') is no source; ``slug_ignore``
    lists words (file extensions) that are no part of it, separated by spaces. Without a URL only the page title serves.
    """
    if not blocks:
        return []
    sources: list[frozenset[str]] = []
    slug = _slug_tokens(url, frozenset(slug_ignore.split()))
    if len(slug) >= min_shared:
        sources.append(slug)
    top = blocks[0]
    titled = top.line not in claimed and top.words >= title_words and not _states(top.text)
    stems: set[frozenset[str]] = set()
    if titled:
        sources.append(_tokens(top.text))
        suffix = _TITLE_SUFFIX.search(top.text)
        if suffix is not None:
            stems.add(_tokens(top.text[: suffix.start()]))
            parts = _TITLE_PARTS.split(top.text)
            stems.update(_tokens(part) for part in parts[:-1])
        stems = {stem for stem in stems if len(stem) >= 2}
    if not sources:
        return []
    if _opens_with_intro(blocks, claimed, sources, prose_words, min_shared, source_cover, intro_gap):
        return []
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    first = next(p for p, b in enumerate(blocks) if b.index == span.first)

    def likeness(block: Block) -> bool:
        if _states(block.text):
            return False
        own = _tokens(block.text)
        if own in stems:
            return True  # the title without its site name ('Writing workflows - GitHub Docs')
        if block.words < min_words:
            return False
        for source in sources:
            shared = len(own & source)
            if shared >= min_shared and shared >= source_cover * len(source) and shared >= line_cover * len(own):
                return True
        return False

    start = 1 if titled else 0
    named = [p for p in range(start, first) if blocks[p].line not in claimed and likeness(blocks[p])]
    if not named:
        return []
    gaps = [sum(1 for b in blocks[p + 1 : first] if b.line not in claimed) for p in named]
    later = (
        gaps[-1] <= near_gap
        and gaps[0] - gaps[-1] > near_between
        and not any(b.words >= prose_words for b in blocks[named[0] : named[-1]] if b.line not in claimed)
    )
    if later:
        headline = named[-1]
    elif gaps[0] <= max_gap or not any(is_paragraph(b, claimed, prose_words) for b in blocks[start : named[0]]):
        headline = named[0]
    else:
        return []
    if len({b.text.casefold() for b in blocks[:first] if is_residue(rule, b, claimed)}) < min_claimed:
        return []  # no page chrome: a main-content text, whose 'headline' may be a caption naming the topic
    if titled and headline - start < min_between:
        return []  # the first line is the headline itself, and this a copy in the article (a caption)
    prose = [b for b in blocks[first:] if b.line not in claimed and is_prose(b.text, words=b.words)]
    if sum(b.words for b in prose) < min_prose_after:
        return []
    article = " ".join(b.text.casefold() for b in prose)
    if titled and not (_words(top.text) & (_words(blocks[headline].text) | slug)):
        # The first line names nothing of the headline: not the page title but chrome ('Got a tip for us?').
        start, sources, stems = 0, sources[:-1], set()
        if not likeness(blocks[headline]):
            return []
    above = [b for b in blocks[start:headline] if b.line not in claimed and b.line not in protected]
    paragraphs = [b for b in above if b.words >= prose_words and is_prose(b.text, words=b.words)]
    if len(paragraphs) > max_prose_above and sum(b.words for b in paragraphs) >= sum(b.words for b in prose):
        return []  # more prose above the 'headline' than below it: the article, not a page head
    quoted = [b.words >= quoted_words and b.text.casefold() in article for b in above]
    stops = [n for n, b in enumerate(above) if quoted[n] and b.words >= quote_stop_words]
    if stops:
        above, quoted = above[: stops[0]], quoted[: stops[0]]
    line = blocks[headline].line + 1
    return [
        (b, f"above the headline (line {line}), which the page's address or title names")
        for b, named in zip(above, quoted, strict=True)
        if not named and not likeness(b)
    ]


def _states(text: str) -> bool:
    """Whether a first line ends like a statement, and so is no page title: a title may ask a question or
    exclaim ('What Is Digital Marketing?', '7 tax services, reviewed and ready for use!').

    >>> _states("The council voted on Tuesday."), _states("What Is Digital Marketing?"), _states("Storm hits coast")
    (True, False, False)
    >>> _states("Ready for use!"), _states('He asked, "Why?"')
    (False, True)
    """
    return ends_like_sentence(text) and not text.rstrip().endswith(("?", "!"))


_NAME_CHARS = regex.compile(r"[^\p{L}\p{N}]+")


def _host_name(url: str | None) -> str:
    """The site's name as its address spells it: the host without 'www.' and its last label, squashed.

    >>> _host_name("https://www.quantamagazine.org/tuft-cells/"), _host_name("https://news.example.co.uk/a")
    ('quantamagazine', 'newsexampleco')
    """
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.casefold().removeprefix("www.").split(".")[:-1]
    return "".join(labels)


_TITLE_PARTS = regex.compile(r"\s[|–—-]\s+")
_TITLE_SUFFIX = regex.compile(r"\s[|–—-]\s+([^|–—]+?)\s*$")


def _title_suffix(blocks: Sequence[Block], claimed: frozenset[int], max_words: int, min_words: int) -> str:
    """The site name that ends the page title on the first line ('Storm hits coast | Daily Planet'), squashed."""
    if not blocks or blocks[0].line in claimed:
        return ""
    found = _TITLE_SUFFIX.search(blocks[0].text)
    if found is None:
        return ""
    name, rest = found.group(1), blocks[0].text[: found.start()]
    if len(name.split()) > max_words or len(rest.split()) < min_words:
        return ""
    return _NAME_CHARS.sub("", name.casefold())


def site_name(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    url: str | None = None,
    prose_words: int = 15,
    max_words: int = 4,
    min_chars: int = 4,
    min_cover: float = 0.5,
    title_words: int = 3,
    edge_gap: int = 8,
    edge_words: int = 200,
    tail_removed: int = 3,
) -> list[Hit]:
    """Outside the article, a line that is only the site's name, as its address or its page title spells it.

    A full-page text writes the logo's alt text or the masthead ('Quanta Magazine', 'Wccftech',
    "Barron's") above the headline, in words no vocabulary can list for every site; the page names
    itself twice elsewhere: in its address and at the end of its ``<title>``, which html-text writes
    on the first line ('Tuft cells that taste danger | Quanta Magazine'). Above the article's first
    paragraph (of ``prose_words`` words; with ``edge_gap`` and ``edge_words``, not a site blurb far
    above the rest, see :func:`~declutter.heuristics.menus.menu_run`), an unremoved line of at most
    ``max_words`` words goes when its letters and digits, squashed and case-folded, are ``min_chars``
    or more and either a part of the host name (without 'www.' and the last label) covering
    ``min_cover`` of it, or the site name after the last separator of the first line (a title of
    ``title_words`` words or more before it). Below the last paragraph such a line goes only under
    ``tail_removed`` lines other rules removed there (a footer's masthead): right under the article
    'Reuters' on reuters.com is the article's attribution. Nothing inside the article's span goes,
    nor a copy of the headline (:func:`headline_copies`).
    """
    host = _host_name(url)
    suffix = _title_suffix(blocks, claimed, max_words, title_words)
    if len(host) < min_chars and len(suffix) < min_chars:
        return []
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    hits: list[Hit] = []
    copies = span.headlines
    removed_below = 0  # lines other rules removed below the last paragraph, above this one
    for block in blocks:
        if block.index > span.last and block.line in claimed:
            removed_below += 1
        if span.first <= block.index and (block.index <= span.last or removed_below < tail_removed):
            continue
        if block.words > max_words or block.line in claimed or block.line in protected or block.line in copies:
            continue
        name = _NAME_CHARS.sub("", block.text.casefold())
        if len(name) < min_chars:
            continue
        if name == suffix or (name in host and len(name) >= min_cover * len(host)):
            hits.append((block, "the site's name, as its address or page title spells it, above the article"))
    return hits
