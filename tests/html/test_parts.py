"""html.parts: the blocks beside the chosen container that are more of the content."""

from __future__ import annotations

from declutter.html.parsing import parse

_INTRO = (
    "<p>Most of us own far more charging cables than we will ever need, and most of them sit in a drawer for years"
    " before anyone looks at them again.</p>"
)
_BODY = "".join(
    f"<p>Step {n}: sort the cables by the plug at each end, then label every bundle you keep.</p>" for n in range(30)
)


def _parts(before: str, *, around: str = "main") -> list[str]:
    """The ids of the content parts of a page whose body column follows ``before`` in a page builder's rows."""
    from declutter.html.parts import content_parts

    root = parse(f"<body><{around}>{before}<div id=row2><div id=col>{_BODY}</div></div></{around}></body>")
    return [part.get("id") for part in content_parts(root)]


def test_an_intro_in_the_row_before_the_body_column_opens_the_content() -> None:
    assert _parts(f"<div id=row1>{_INTRO}</div>") == ["row1", "col"]
    assert _parts(f"<div id=row1><div id=cell>{_INTRO}</div></div>") == ["row1", "col"], "the row, not only its cell"


def test_prose_headings_and_lists_before_the_body_carry_on_back_to_the_first_paragraph() -> None:
    before = f"<div id=first>{_INTRO}</div><h2 id=h>What you need</h2><ul id=l><li>A drawer</li><li>Tape</li></ul>"
    assert _parts(before + f"<div id=second>{_INTRO}</div>") == ["first", "h", "l", "second", "col"]
    assert _parts(before) == ["first", "h", "l", "col"], "a heading between the intro and the body"
    assert _parts(before.replace(f"<div id=first>{_INTRO}</div>", "")) == ["col"], "alone they open nothing"
    cards = "".join(f"<li class=card>{_INTRO}</li>" for _ in range(3))
    assert _parts(f"<div id=first>{_INTRO}</div><ul id=grid>{cards}</ul>") == ["col"], "a grid of cards is not a list"


def test_blocks_beside_the_body_that_are_not_its_opening_stay_out() -> None:
    headline = f"<div id=top><h1>Taming the cable drawer</h1>{_INTRO}</div>"
    assert _parts(headline) == ["col"], "the headline's block: its byline and dek go with it"
    assert _parts(f"<div id=bio data-nosnippet>{_INTRO}</div>") == ["col"], "a site's words about its author"
    quotes = "".join(f"<div class=quote>{_INTRO}</div>" for _ in range(3))
    assert _parts(f"<div id=reviews>{quotes}</div>") == ["col"], "a row of testimonials"
    links = "".join(
        f"<a href='/s/{n}'>Another story about tidy desks and cable trays, number {n}</a> " for n in range(3)
    )
    assert _parts(f"<div id=related><p>{links}</p></div>") == ["col"], "a list of links"
    assert _parts(f"<div id=promo class=newsletter-promo>{_INTRO}</div>") == ["col"], "named as chrome"
    assert _parts("<div id=short><p>Updated on 4 May.</p></div>") == ["col"], "too short to be prose"


def test_an_intro_is_looked_for_only_next_to_the_body() -> None:
    assert _parts(f"<div id=row1>{_INTRO}</div>", around="div") == ["row1", "col"]
    assert _parts(f"<div id=row1>{_INTRO}</div>Loose words between") == ["col"], "text printed between them"
    far = f"<div id=far>{_INTRO}</div><div id=wrap><div id=row2><div id=col>{_BODY}</div></div></div>"
    from declutter.html.parts import content_parts

    root = parse(f"<body><main>{far}</main></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "two levels above the body column: too far"
    root = parse(f"<body><div id=notice>{_INTRO}</div><div id=row2><div id=col>{_BODY}</div></div></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "a block straight in <body>: a site's notice"


def test_a_block_the_body_prints_again_is_not_its_opening() -> None:
    from declutter.html.parts import content_parts

    body = f"<div id=row2><div id=col>{_INTRO}{_BODY}</div></div>"
    root = parse(f"<body><main><div id=teaser>{_INTRO}</div>{body}</main></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "a teaser of its first lines, a pull quote"


_GRID = "".join(f"<li class=card><a href='/w/{n}'>Slim wallet number {n}</a> <span>$95</span></li>" for n in range(8))
_CATEGORY = "Metal wallets designed to carry cards and cash safely, in every colour we make."


def _intro(banner: str, *, grid_first: bool = False) -> list[str]:
    """The text of the paragraphs :func:`headline_intro` takes from a page with ``banner`` and a grid of cards."""
    from declutter.html.parts import headline_intro
    from declutter.html.tree import all_text

    grid = f"<ul id=grid>{_GRID}</ul>"
    root = parse(f"<body><main>{grid if grid_first else ''}{banner}{'' if grid_first else grid}</main></body>")
    return [all_text(paragraph) for paragraph in headline_intro(root, root.find(".//*[@id='grid']"))]


def test_a_listing_s_introduction_beside_its_headline_is_taken() -> None:
    assert _intro(f"<div class=hero><div class=text><h1>Wallets</h1></div><p>{_CATEGORY}</p></div>") == [_CATEGORY]
    assert _intro(f"<header><h1>Wallets</h1><div><div><p>{_CATEGORY}</p></div></div></header>") == [_CATEGORY]


def test_what_is_not_a_listing_s_introduction_stays_out() -> None:
    assert _intro(f"<div><p>{_CATEGORY}</p><h1>Wallets</h1></div>") == [], "above the headline: a kicker"
    assert _intro("<div><h1>Wallets</h1><p>Showing 1-24 of 171 products</p></div>") == [], "a count, not a sentence"
    links = "".join(f"<a href='/c/{n}'>Card holders and money clips {n}</a> " for n in range(3))
    assert _intro(f"<div><h1>Wallets</h1><p>{links}</p></div>") == [], "links to other categories"
    assert _intro(f"<div><h1>Wallets</h1><p>{_CATEGORY}</p></div>", grid_first=True) == [], "after the grid"
    far = f"<section><div><div><div><h1>Wallets</h1></div></div></div><p>{_CATEGORY}</p></section>"
    assert _intro(far) == [], "beyond the headline's own block"


def test_a_paragraph_the_container_prints_again_is_not_its_introduction() -> None:
    from declutter.html.parts import headline_intro

    grid = f"<div id=grid><p>{_CATEGORY}</p><ul>{_GRID}</ul></div>"
    root = parse(f"<body><div><h1>Wallets</h1><p>{_CATEGORY}</p></div>{grid}</body>")
    assert headline_intro(root, root.find(".//*[@id='grid']")) == ()


def test_an_article_s_introduction_needs_more_words_than_a_listing_s() -> None:
    from declutter.html.parts import ARTICLE_INTRO_WORDS, headline_intro

    words = ["word"] * (ARTICLE_INTRO_WORDS - 1)
    for text, taken in ((" ".join(words), []), (" ".join([*words, "more"]), ["p"])):
        root = parse(f"<body><div><h1>Wallets</h1><p>{text}</p></div><ul id=grid>{_GRID}</ul></body>")
        found = headline_intro(root, root.find(".//*[@id='grid']"), min_words=ARTICLE_INTRO_WORDS)
        assert [p.tag for p in found] == taken


def test_an_introduction_s_words_count_a_compound_as_two() -> None:
    from declutter.html.parts import ARTICLE_INTRO_WORDS, headline_intro

    words = ["Wort"] * (ARTICLE_INTRO_WORDS - 2) + ["wettbewerbsbedenken"]  # German says it in one word fewer
    root = parse(f"<body><div><h1>Brieftaschen</h1><p>{' '.join(words)}</p></div><ul id=grid>{_GRID}</ul></body>")
    found = headline_intro(root, root.find(".//*[@id='grid']"), min_words=ARTICLE_INTRO_WORDS)
    assert [p.tag for p in found] == ["p"]


def test_precedes_reads_document_order_from_the_branches_under_the_common_ancestor() -> None:
    from declutter.html.parts import _precedes

    root = parse(
        "<body><div><section><div><p id=a>A</p></div></section><p id=b>B</p></div>"
        "<div><p id=c>C</p><ul><li><span id=d>D</span></li></ul></div></body>"
    )
    ids = ("a", "b", "c", "d")
    for n, first in enumerate(ids):
        for second in ids[n + 1 :]:
            assert _precedes(root.find(f".//*[@id='{first}']"), root.find(f".//*[@id='{second}']")), (first, second)
            assert not _precedes(root.find(f".//*[@id='{second}']"), root.find(f".//*[@id='{first}']")), (second, first)


_CATEGORY_DESCRIPTION = (
    "<p>Quick and healthy air fryer recipes, from breakfast to snacks to dinners, crisp in record time with little"
    " to no oil. We love our air fryer and how it makes everything delicious.</p>"
)


def _posts(count: int, *, excerpt: str = "", title: str = "h2", cls: str = "") -> str:
    cards = "".join(
        f"<article class=post><{title}><a href=/r/{n}>Sticky air fryer salmon bites number {n}</a></{title}>"
        f"{excerpt}</article>"
        for n in range(count)
    )
    return f"<div id=posts class='{cls}'>{cards}</div>"


def _after(page: str) -> str | None:
    from declutter.html.parts import posts_after

    root = parse(page)
    found = posts_after(root.find(".//*[@id='intro']"))
    return None if found is None else found.get("id")


def test_a_category_s_posts_after_its_description_are_taken() -> None:
    intro = (
        f"<div class=archive><div class=wrap><div id=intro><h1>Air fryer</h1>{_CATEGORY_DESCRIPTION}</div></div></div>"
    )
    assert _after(f"<body><div>{intro}{_posts(8)}</div><footer>Footer</footer></body>") == "posts"
    assert _after(f"<body><div>{intro}{_posts(8, title='h3')}</div></body>") == "posts", "three levels up"


def test_what_is_not_a_category_s_grid_of_posts_stays_out() -> None:
    intro = f"<div id=intro>{_CATEGORY_DESCRIPTION}</div>"
    assert _after(f"<body><div>{intro}{_posts(4)}</div></body>") is None, "a row of related posts"
    assert _after(f"<body><div>{intro}{_posts(8, title='b')}</div></body>") is None, "cards without titled links"
    assert _after(f"<body><div>{intro}{_posts(8, cls='related-posts')}</div></body>") is None, "named as chrome"
    body = f"<div id=intro>{_CATEGORY_DESCRIPTION * 12}</div>"
    assert _after(f"<body><div>{body}{_posts(8)}</div></body>") is None, "a river of stories under a long article"
    assert _after(f"<body><div>{intro}<p>More to read</p>{_posts(8)}</div></body>") is None, "not the next block"
