"""html.copies: blocks a page prints twice, and a product page's grids of other products."""

from __future__ import annotations

from declutter.html.copies import _made_of_repeated_text, later_copies, later_twins
from declutter.html.parsing import parse
from declutter.html.tree import Element

from . import story


def test_later_copies_finds_a_second_copy_of_the_text() -> None:
    page = parse(f"<body><div id=shown>{story()}</div><div id=gated><h2>Title</h2>{story()}</div></body>")
    assert [element.get("id") for element in later_copies(page.find("body"))] == ["gated"]


def test_later_copies_finds_a_carousel_of_quotes_printed_twice() -> None:
    quotes = "".join(
        f"<div class=card><blockquote>Quote {i} from a listener, who says the show changed how they sleep.</blockquote>"
        f"<div>Listener {i}</div></div>"
        for i in range(9)
    )
    page = parse(f"<body><div>{story()}</div><div id=slides>{quotes}</div><div id=loop>{quotes}</div></body>")
    assert [element.get("id") for element in later_copies(page.find("body"))] == ["loop"]


def test_later_copies_spares_a_block_that_adds_text_of_its_own() -> None:
    own = "<p>A paragraph only this block holds, which says something new about the story.</p>"
    page = parse(f"<body><div id=shown>{story()}</div><div id=more>{story()}{own}</div></body>")
    assert later_copies(page.find("body")) == []


def test_later_copies_spares_a_pull_quote_and_short_lines() -> None:
    short = "<p>Share this</p>" * 4
    page = parse(f"<body><div>{story()}{short}</div><aside>{story(1)}</aside><div>{short}</div></body>")
    assert later_copies(page.find("body")) == []


def test_later_copies_spares_a_pricing_plan_repeating_a_few_features() -> None:
    plan = "".join(
        f"<li>Feature {i} of every plan, explained in one long sentence with many words.</li>" for i in range(3)
    )
    page = parse(f"<body><ul id=basic>{plan}</ul><ul id=pro><li>Pro</li>{plan}</ul></body>")
    assert later_copies(page.find("body")) == []


_DESCRIPTION = (
    "<p>A wheel thrown mug in a speckled glaze, made by hand in our studio and fired twice for a matte finish.</p>"
    "<ul><li>Size: 9 cm</li><li>Volume: 350 ml</li></ul>"
)


def test_later_twins_finds_a_responsive_layouts_second_copy() -> None:
    page = parse(
        f"<body><div><h1>Mug</h1><div id=wide>{_DESCRIPTION}</div><p>$60.00</p>"
        f"<div id=narrow><div>{_DESCRIPTION}</div></div></div></body>"
    )
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["narrow"]


def test_later_twins_spares_a_wrapper_short_blocks_and_distant_copies() -> None:
    section = "<p>" + " ".join(f"Method {{n}} text word{i}" for i in range(30)) + "</p>"
    page = parse(
        f"<body><div><div id=only>{_DESCRIPTION}</div></div><p>Add to cart</p><p>Add to cart</p>"
        f"<section>{section.format(n=1)}<div>{_DESCRIPTION}</div></section>"
        f"<section>{section.format(n=2)}<div>{_DESCRIPTION}</div></section></body>"
    )
    assert later_twins(page.find("body")) == []


def test_later_twins_on_a_product_page_finds_short_copies_far_apart() -> None:
    note = "<p>Ships the same business day when ordered by 3 PM Central time</p>"
    gallery = "".join(f"<p>Photo {n} of the desk in oak, walnut and white laminate finishes</p>" for n in range(20))
    page = parse(
        f"<body><div><div id=desktop><h1>Desk</h1>{note}</div><div>{gallery}</div>"
        f"<div id=mobile><div>{note}</div></div></div></body>"
    )
    assert later_twins(page.find("body")) == []  # 12 words, and the copies lie 20 paragraphs apart
    assert [element.get("id") for element in later_twins(page.find("body"), product=True)] == ["mobile"]


def test_later_twins_counts_a_copy_in_english_words_so_a_german_twin_is_as_long() -> None:
    """A shipping note of 6 German words says what English says in 8 ('free shipping the same business day the order
    arrives'): a compound (13 letters or more) counts as two, so the German copy is a twin as the English one is."""
    note = "<p>Versandkostenfrei am selben Werktag bei Bestellungseingang</p>"
    gallery = "".join(f"<p>Foto {n} des Schreibtischs in Eiche, Nussbaum und weißem Laminat</p>" for n in range(20))
    page = parse(
        f"<body><div><div id=desktop><h1>Schreibtisch</h1>{note}</div><div>{gallery}</div>"
        f"<div id=mobile><div>{note}</div></div></div></body>"
    )
    assert [element.get("id") for element in later_twins(page.find("body"), product=True)] == ["mobile"]


def test_later_twins_weighs_the_span_in_english_words_too() -> None:
    """A copy's size is counted in English words, so is the text around the copies: 110 German words between and
    with them, 20 of them compounds, are 130 in English, more than 6 copies of 20 words, and the copies are far apart
    as the English ones are."""
    copy = (
        "Unsere Tische werden in der eigenen Werkstatt gefertigt und vor dem Versand von Hand geprüft, "
        "geölt und sorgfältig verpackt, heute"
    )
    filler = " ".join(["Die Tischplattenoberfläche aus Eichenholzdielen hält lange Zeit."] * 10)
    page = parse(f"<body><div id=c><div id=a>{copy}</div> <p>{filler}</p> <div id=b>{copy}</div></div></body>")
    assert later_twins(page.find("body")) == []
    plain = " ".join(["Die Platte aus Eiche hält sehr lange."] * 10)
    page = parse(f"<body><div id=c><div id=a>{copy}</div> <p>{plain}</p> <div id=b>{copy}</div></div></body>")
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["b"]


def test_later_twins_weighs_the_copies_common_ancestor_up_to_the_span() -> None:
    """The common ancestor may hold TWIN_SPAN times a copy's words (here 6 × 20: two copies and 80 words beside
    them), not one word more."""
    copy = " ".join(f"word{i}" for i in range(20))

    def page(beside: int) -> Element:
        filler = " ".join(f"other{i}" for i in range(beside))
        return parse(f"<body><div id=c><div id=a>{copy}</div> <p>{filler}</p> <div id=b>{copy}</div></div></body>")

    assert [element.get("id") for element in later_twins(page(80).find("body"))] == ["b"]
    assert later_twins(page(81).find("body")) == []


def test_later_twins_finds_a_quoted_post_far_apart_but_not_the_post_it_quotes() -> None:
    post = "<p>Reset the router first, then reinstall the driver from the vendor's page</p>"
    replies = "".join(
        f"<div class=post><p>Reply {n}: that did not work on my laptop either, sadly</p></div>" for n in range(20)
    )
    quote = f"<div class=post id=reply><blockquote id=quote>{post}</blockquote><p>Thanks, that fixed it.</p></div>"
    page = parse(f"<body><div><div class=post id=first>{post}</div>{replies}{quote}</div></body>")
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["quote"]
    unquoted = parse(f"<body><div><div class=post>{post}</div>{replies}<div class=post>{post}</div></div></body>")
    assert later_twins(unquoted.find("body")) == []  # 12 words 20 posts apart, and no quote holds the copy
    nearby = parse(f"<body><div><blockquote>{post}<div id=again>{post}</div></blockquote></div></body>")
    assert [element.get("id") for element in later_twins(nearby.find("body"))] == []  # one quote holds both


_OTHER_CARD = (
    "<li class=card><a href='/p/{n}'>Stoneware mug {n}, glazed, dishwasher safe, 350 ml</a><span>$1{n}.00</span></li>"
)


def _other_cards(count: int) -> str:
    return "".join(_OTHER_CARD.format(n=n) for n in range(count))


def test_a_grid_of_other_products_after_the_product_s_price_is_found() -> None:
    from declutter.html.copies import other_products

    page = parse(
        "<body><h1>Mug</h1><div class=buy><span>$14.00</span></div><p>A mug of glazed stoneware for your desk.</p>"
        f"<section id=similar><h2>Similar items</h2><ul id=grid>{_other_cards(8)}</ul></section></body>"
    )
    assert [grid.get("id") for grid in other_products(page)] == ["grid"]


def test_what_is_no_grid_of_other_products_stays() -> None:
    from declutter.html.copies import other_products

    def found(body: str) -> list[str | None]:
        return [grid.get("id") for grid in other_products(parse(f"<body>{body}</body>"))]

    assert found(f"<h1>Mugs</h1><ul id=grid>{_other_cards(8)}</ul>") == [], "a category's grid under its title"
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{_other_cards(2)}</ul>") == [], "two cards are no grid"
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{_other_cards(3)}</ul>") == [], "a small row of 3"
    links = "".join(
        f"<li class=card><a href='/p/{n}'>Stoneware mug {n}, glazed, dishwasher safe</a></li>" for n in range(8)
    )
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{links}</ul>") == [], "cards without prices: a menu"
    prose = " ".join(["The glaze is fired twice for a deep colour."] * 10)
    described = "".join(f"<div class=part><a href='/p/{n}'>Part {n}</a> $5 {prose}</div>" for n in range(4))
    assert found(f"<h1>Mug</h1><p>$14.00</p><div id=grid>{described}</div>") == [], "a description quoting prices"
    assert found(f"<p>$14.00</p><ul id=grid>{_other_cards(8)}</ul>") == [], "no headline, nothing to stand after"


def test_a_grid_of_other_products_above_the_headline_is_found_when_the_product_s_price_follows() -> None:
    from declutter.html.copies import other_products

    def found(body: str) -> list[str | None]:
        return [grid.get("id") for grid in other_products(parse(f"<body>{body}</body>"))]

    above = f"<section><h2>People who viewed this item also viewed</h2><ul id=viewed>{_other_cards(8)}</ul></section>"
    assert found(f"{above}<h1>Mug</h1><p>$14.00</p><p>A mug.</p>") == ["viewed"]
    assert found(f"{above}<h1>Mugs</h1><p>Stoneware for your desk.</p>") == [], "no price of its own: the grid may be"
    after = f"<ul id=similar>{_other_cards(8)}</ul>"
    assert found(f"{above}<h1>Mug</h1><p>$14.00</p>{after}") == ["viewed", "similar"]
    assert found(f"<div id=page>{above}<h1>Mug</h1><p>$14.00</p></div>") == ["viewed"], "never the headline's holder"
    priced_above = f"{above}<div class=buy>EUR 14.00</div><h1>Mug</h1>{after}<p>$14.00</p>"
    assert found(priced_above) == ["viewed", "similar"], "the item's price between the upper grid and its name"
    assert found(f"<p>Free delivery over $50</p><h1>Mugs</h1>{after}") == [], "a price above the title, no grid"


def test_decoys_finds_a_label_spelt_among_machine_ids() -> None:
    from declutter.html.copies import decoys

    ids = [f"{n}aea247-2e76-4905-9b83-15a5a5664cfa" for n in range(10, 14)]
    pairs = zip("Spon", ids, strict=True)
    label = "".join(f"<span class=a>{letter}</span><span class=b>{uuid}</span>" for letter, uuid in pairs)
    page = parse(f"<body><h1>Clutch kit</h1><div id=label>{label}</div><p>EUR 355.58</p></body>")
    assert [block.get("id") for block in decoys(page)] == ["label"]


def test_decoys_spares_an_id_printed_once_or_inside_a_sentence() -> None:
    from declutter.html.copies import decoys

    uuid = "19aea247-2e76-4905-9b83-15a5a5664cfa"
    once = f"<p>Order id: <span>{uuid}</span></p><ul><li>{uuid}</li><li>{uuid}</li><li>{uuid}</li></ul>"
    spoken = "".join(f"<span>Key {uuid} here</span>" for _ in range(4))
    assert decoys(parse(f"<body>{once}<div>{spoken}</div></body>")) == []


def test_made_of_repeated_text_lists_the_candidates_under_the_base_in_document_order() -> None:
    # later_twins walks these alone, in this order, instead of every element of the page: an element is noted at
    # its first text node (here a child's, or a tail after a child) with its ancestors outermost first
    block = "<div><span>Size</span> 9 cm <b>oak <i>and walnut finish</i></b> tail words here</div>"
    page = parse(f"<body><section id=one>{block}<p>Only once</p></section><section id=two>{block}</section></body>")
    body = page.find("body")
    candidates = _made_of_repeated_text(body, 1)
    every_text_repeated = [
        element
        for element in body.iterdescendants()
        if element.xpath("string()").split() and not element.xpath(".//text()[contains(., 'Only once')]")
    ]
    assert candidates == every_text_repeated
    assert body not in candidates
    assert page not in candidates
    assert [element.tag for element in candidates[:5]] == ["div", "span", "b", "i", "section"]
