"""Tests of :mod:`declutter.heuristics.lists`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from declutter import explain
from declutter.document import Document
from declutter.heuristics.lists import (
    _JOIN,
    _headline_joins,
    headline_list,
    list_fill,
    ranked_list,
    run_together_headlines,
    teaser_run,
    teaser_template,
)
from declutter.ruleset import RuleSet
from tests.heuristics import BODY, PROSE, ids


def test_headline_list_needs_an_article_above_it() -> None:
    items = "\n".join(f"Headline number {n} about the council" for n in range(6))
    assert ids(f"Most Read\n{items}\n") == ["REL002"], "above the article only the header label goes"
    assert ids(f"{PROSE}{PROSE}Most Read\n{items}\n").count("REL001") == 6


def test_headline_list_does_not_count_prose_other_rules_removed() -> None:
    # A cookie notice above the menu is prose, but not the article: a list header in the menu under it must
    # not take the menu down into the headline and the dek.
    menu = "".join(f"Section {n}\n" for n in range(5))
    text = f"{PROSE}{PROSE}More from Verge Guidebook\n{menu}Council approves the new budget\nA dek for it\n{PROSE}"
    doc = Document.from_text(text)
    rule = next(r for r in RuleSet.bundled().rules if r.id == "REL001")
    notice = frozenset(b.line for b in doc.blocks[:2])
    assert headline_list(doc.blocks, rule, frozenset(), notice, **rule.params) == []
    assert len(headline_list(doc.blocks, rule, frozenset(), frozenset(), **rule.params)) == 8


def test_headline_list_stops_where_the_article_resumes() -> None:
    teasers = "Storm hits coast\nSchools close early\n"
    resumed = (
        "Yersinia pestis also causes bubonic plague, which affects the lymph nodes of its victims and killed "
        "up to sixty percent of Europe in the fourteenth century.\n"
    )
    text = f"{PROSE}{PROSE}Related articles\n{teasers}{resumed}Short line\n"
    result = explain(text)
    assert resumed.strip() in result.text


_CARDS = "Gooseneck electric kettle\n$89.00\nPour-over stand\n$39.00\nPaper filters\n$9.00\n"
_DESCRIPTION = (
    "The kettle heats a litre of water in under four minutes and holds it at the temperature you set for an hour.\n"
)


def _shop_carousel(text: str) -> int:
    doc = Document.from_text(text)
    rule = next(r for r in RuleSet.bundled().rules if r.id == "REL008")
    return len(headline_list(doc.blocks, rule, frozenset(), frozenset(), **rule.params))


def test_headline_list_takes_a_shop_carousel_above_the_product_text() -> None:
    # No prose above the header: a product page prints its carousel between its price and its description.
    assert _shop_carousel(f"Pour-over kettle\nFrequently bought together\n{_CARDS}{_DESCRIPTION}") == 7


def test_headline_list_leaves_the_heading_of_the_text_under_a_shop_carousel() -> None:
    text = f"Pour-over kettle\nFrequently bought together\n{_CARDS}Made to last\n{_DESCRIPTION}"
    assert _shop_carousel(text) == 7, "the heading over the description is printed once and names no price"
    twice = f"Pour-over kettle\nFrequently bought together\nIn stock\n{_CARDS}In stock\n{_DESCRIPTION}"
    assert _shop_carousel(twice) == 9, "a field every card prints ends the last card"


def test_headline_list_wants_prices_in_a_shop_carousel() -> None:
    links = "Inventory sync\nOrder routing\nReturns portal\nShipping labels\n"
    assert _shop_carousel(f"Related products\n{links}{_DESCRIPTION}") == 0, "a service's own links name no price"


def test_headline_list_leaves_a_shop_carousel_at_the_end_to_the_tail_cut() -> None:
    assert _shop_carousel(f"{_DESCRIPTION}Related products\n{_CARDS}") == 0
    assert _shop_carousel(f"{_DESCRIPTION}Related products\n{_CARDS}Sign up for our newsletter\n") == 0


def test_headline_list_keeps_a_carousel_that_names_the_product_itself() -> None:
    # A card that repeats the page title on the first line is the product: its name and price, under a widget's
    # header that a menu printed above them.
    title = "Gooseneck electric kettle - Kettle Co."
    assert _shop_carousel(f"{title}\nYou may also like\n{_CARDS}{_DESCRIPTION}") == 0
    assert _shop_carousel(f"Kettle Co.\nYou may also like\n{_CARDS}{_DESCRIPTION}") == 7


def test_headline_list_takes_a_short_bulleted_box_between_paragraphs() -> None:
    # Two bulleted headlines under a related header between paragraphs go; the same two lines without bullets,
    # or bulleted sentences (the article's own key points), are too few or too prose-like to be a list.
    box = "* Storm hits the coast again\n* Schools close early on Friday\n"
    text = f"{PROSE}{PROSE}Related news\n{box}{PROSE}"
    assert ids(text) == ["REL002", "REL001", "REL001"], "the header alone is REL002's"
    plain = box.replace("* ", "")
    assert "REL001" not in ids(f"{PROSE}{PROSE}Related news\n{plain}{PROSE}")
    points = "* The storm hit the coast again.\n* Schools closed early on Friday.\n"
    assert "REL001" not in ids(f"{PROSE}{PROSE}Related news\n{points}{PROSE}")
    assert "REL001" not in ids(f"{PROSE}{PROSE}What changes\n{box}{PROSE}"), "a heading is no list header"


def test_headline_list_takes_more_with_a_colon_as_a_header() -> None:
    items = "* The new space race\n* Spacewalking into history\n* China completes a landing test\n"
    assert ids(f"{PROSE}{PROSE}More:\n{items}{PROSE}").count("REL001") >= 3
    assert "REL001" not in ids(f"{PROSE}{PROSE}More\n{items}{PROSE}"), "without its colon 'More' is a menu word"


def test_run_together_headlines_spares_glued_paragraphs() -> None:
    glued = (
        "The council met on Monday. It approved the budget after a long debate.Members then turned to roads "
        "and bridges. The plan was delayed againResidents said they were frustrated. The mayor promised "
        "actionCouncillors left"
    )
    assert run_together_headlines(Document.from_text(glued).blocks, None, frozenset(), frozenset(), min_joins=2) == []
    strip = "Storm hits coastSchools close earlyMayor declares emergencyRoads reopen after floodsMarkets rally"
    assert (
        len(run_together_headlines(Document.from_text(strip).blocks, None, frozenset(), frozenset(), min_joins=4)) == 1
    )


def test_run_together_headlines_spares_flattened_code() -> None:
    jsx = (
        "import { useState } from 'react'; export default function Counter () { const [ count, setCount ] = "
        "useState (0); function handleClick () { setCount (count + 1); } return (< button onClick ={ handleClick }>"
        " { count } </ button >); }"
    )
    yaml = "apiVersion: v1 kind: Service metadata: name: my-service spec: type: NodePort selector: myApp ports: 80"
    for code in (jsx, yaml):
        assert run_together_headlines(Document.from_text(code).blocks, None, frozenset(), frozenset()) == [], code
    strip = "Storm hits coastSchools close in U.K. todayMayor declares emergencyRoads reopen after floodsMarkets rally"
    assert len(run_together_headlines(Document.from_text(strip).blocks, None, frozenset(), frozenset())) == 1


def test_run_together_headlines_spares_a_flattened_log() -> None:
    """A console's log printed on one line repeats its logger's camel-cased name in every record: one glued word,
    however often, where a strip glues a different pair of words at each headline."""
    log = (
        "$ python simple_logging_config.py 2005-03-19 15:38:55,977 - simpleExample - DEBUG - debug message "
        "2005-03-19 15:38:55,979 - simpleExample - INFO - info message 2005-03-19 15:38:56,054 - simpleExample - "
        "WARNING - warn message 2005-03-19 15:38:56,055 - simpleExample - ERROR - error message 2005-03-19 "
        "15:38:56,130 - simpleExample - CRITICAL - critical message"
    )
    assert run_together_headlines(Document.from_text(log).blocks, None, frozenset(), frozenset()) == []
    strip = "Storm hits coastSchools close earlyMayor declares emergencyRoads reopen after floodsMarkets rally"
    assert len(run_together_headlines(Document.from_text(strip).blocks, None, frozenset(), frozenset())) == 1


def test_teaser_template_needs_recurring_labels_and_headlines() -> None:
    units = [("Why the bridge closed again", "News"), ("Did the mayor mislead voters?", "Fact Check")] * 3
    text = "".join(f"{headline}\n{label}\nA short dek about the story.\n" for headline, label in units)
    hits = teaser_template(Document.from_text(text + PROSE).blocks, None, frozenset(), frozenset())
    assert len(hits) == 3 * len(units), "the first headline leads the run, the last dek closes it, the article stays"
    # Distinct short lines are names, not a template's labels.
    names = "".join(f"Headline number {n} here\nName{n}\nA short dek.\n" for n in range(6))
    assert teaser_template(Document.from_text(names).blocks, None, frozenset(), frozenset()) == []
    # Statements between labels are an article's paragraphs, not headlines.
    said = "".join(f"The mayor said so on day {n}.\nNews\nThe council agreed.\n" for n in range(6))
    assert teaser_template(Document.from_text(said).blocks, None, frozenset(), frozenset()) == []


def test_teaser_template_ignores_an_ad_slug_recurring_in_an_article() -> None:
    text = "".join(f"Storm hits coast, day {n}\nAdvertisement\nThe council agreed.\n" for n in range(6))
    doc = Document.from_text(text)
    slugs = frozenset(b.line for b in doc.blocks if b.text == "Advertisement")
    assert teaser_template(doc.blocks, None, frozenset(), slugs) == []
    dated = "".join(f"Storm hits coast, day {n}\nNovember {n + 1}, 2019\n" for n in range(6))
    doc = Document.from_text(dated)
    stamps = frozenset(b.line for b in doc.blocks if b.text.startswith("November"))
    assert len(teaser_template(doc.blocks, None, frozenset(), stamps)) == 12


def test_teaser_template_spares_code_samples_under_their_labels() -> None:
    """Code blocks printed on one line each under a language label or copy button are a docs page's samples."""
    samples = (
        "js\nconst pad = require(left_pad) // pads a string\nThe call returns a promise you can chain\n"
        "js\nexport API_KEY = your_key_here\nThen set the key in your shell before the next step\n"
        "js\nPromise.resolve() .then(step_one)\nEach step waits for the one before it\n"
        "js\nnode index.js // prints the padded string\nThe output shows the padded number\n"
        "js\nnpm install left_pad\nInstall the package before you run the script\n"
    )
    blocks = Document.from_text(PROSE + samples).blocks
    assert teaser_template(blocks, None, frozenset(), frozenset(), code_units=3) == []
    assert len(teaser_template(blocks, None, frozenset(), frozenset())) == 15, "without the guard: taken as teasers"
    heads = ("Council votes on the bridge", "Mayor defends the budget", "Storm closes schools", "A new library opens")
    teasers = "".join(f"News\n{head}\nA short dek about the story\n" for head in (*heads, "Roads reopen"))
    blocks = Document.from_text(PROSE + teasers).blocks
    assert len(teaser_template(blocks, None, frozenset(), frozenset(), code_units=3)) == 15, "no code: teasers"


def test_teaser_template_spares_a_scorecard() -> None:
    """A review's criteria, each over its score out of a scale ('Billing' / '4.4/5'), are no teasers' labels."""
    card = [
        "Invoicing",
        "5/5",
        "Billing",
        "4.4/5",
        "Banking and reconciliation",
        "5/5",
        "Inventory management",
        "4.5/5",
    ]
    card += ["Project costing and accounting", "5/5", "Financial reporting", "5/5", "Ease of use and setup", "4.1/5"]
    doc = Document.from_text(BODY + "\n".join(card) + "\n" + BODY)
    rule = RuleSet.bundled().get("REL006")
    assert teaser_template(doc.blocks, rule, frozenset(), frozenset(), **rule.params) == []


def test_teaser_template_leaves_a_topic_page_whose_first_dek_is_its_only_prose() -> None:
    """A topic page's stories, each a headline, a one-sentence dek and its date, are the page: the first dek
    above the run is no article, so a long run that outweighs the prose around it stays. Under an article it goes,
    and so does a short box of teasers under a one-paragraph brief."""

    def cards(count: int) -> str:
        return "".join(
            f"Researchers release tool number {n} for robots\n"
            f"The new framework helps engineers write clearer and safer code for the robots they build.\n"
            f"March {n + 1}, 2025\n"
            for n in range(count)
        )

    brief = "The council approved the new budget on Wednesday after a debate that lasted more than nine hours.\n"
    rule = RuleSet.bundled().get("REL006")
    for text, taken in (("Topics\n" + cards(10), False), (BODY + cards(10), True), (brief + cards(5), True)):
        doc = Document.from_text(text)
        stamps = frozenset(b.line for b in doc.blocks if b.text.startswith("March"))
        hits = teaser_template(doc.blocks, rule, frozenset(), stamps, **rule.params)
        assert bool(hits) is taken, text[:20]


def test_teaser_template_spares_a_grid_whose_first_cards_stand_above_the_run() -> None:
    """A shop's grid under its introduction: the first cards' makers vary too much to recur, so the chain starts
    on the third card; the two cards above it in the same template tell a grid, not teasers under an article."""
    makers = ["Samsung", "Epson", "Sony", "BenQ"] + ["Optoma", "Hisense"] * 3
    grid = "".join(f"Laser projector model {n} for home cinema\n{m}\nItem {n}\n" for n, m in enumerate(makers))
    rule = RuleSet.bundled().get("REL006")
    doc = Document.from_text(BODY + grid)
    assert teaser_template(doc.blocks, rule, frozenset(), frozenset(), **rule.params) == []
    assert len(teaser_template(doc.blocks, rule, frozenset(), frozenset(), **(rule.params | {"grid_units": 0}))) == 25
    # With one card of the template above the run, it is teasers under the article, and they go.
    doc = Document.from_text(BODY + "\n".join(grid.split("\n")[3:]))
    assert len(teaser_template(doc.blocks, rule, frozenset(), frozenset(), **rule.params)) == 25


def test_teaser_run_needs_residue_above_it_and_no_article_below_it() -> None:
    teasers = "".join(f"Storm hits the coast on day {n}\nJane Doe\nCrews worked through the night.\n" for n in range(6))
    doc = Document.from_text(f"{BODY}Share\n{teasers}")
    share = frozenset({doc.blocks[4].line})
    assert len(teaser_run(doc.blocks, None, frozenset(), share)) == 18
    # Right under the article's last paragraph, with no residue above it, it could be the article's own list.
    assert teaser_run(doc.blocks, None, frozenset(), frozenset()) == []
    # The article resumes below it: a list inside the article.
    doc = Document.from_text(f"{BODY}Share\n{teasers}{BODY}")
    assert teaser_run(doc.blocks, None, frozenset(), share) == []
    # An interview's questions and answers are not headlines and deks.
    qa = "".join(f"Q: What was day {n} like for the crews?\nA: Long.\n" for n in range(6))
    doc = Document.from_text(f"{BODY}Share\n{qa}")
    assert teaser_run(doc.blocks, None, frozenset(), share) == []


def test_teaser_run_starts_after_a_threads_numbered_posts() -> None:
    """A thread's last replies under their posters' names and dates have a teaser's shape; the related topics
    under them are the teasers. With ``after_posts`` the run starts at the first removed line after the last
    post header the thread numbers one after another."""
    replies = "".join(
        f"poster{n} May {n}, 2024, 9:0{n}am {n}\nThanks, that fixed the build for me on day {n}.\n" for n in range(2, 8)
    )
    topics = "".join(
        f"Build fails after the update on day {n} of the week\nSupport\n4 903 July {n}, 2022\n" for n in range(6)
    )
    doc = Document.from_text(f"{BODY}Share\n{replies}Related topics\n{topics}")
    removed = frozenset(b.line for b in doc.blocks if b.text in ("Share", "Related topics"))
    taken = {b.text for b, _ in teaser_run(doc.blocks, None, frozenset(), removed)}
    assert "Thanks, that fixed the build for me on day 7." in taken
    after = {b.text for b, _ in teaser_run(doc.blocks, None, frozenset(), removed, after_posts=True)}
    assert after == {line for line in topics.split("\n") if line}
    # Below the last post, too few topics for a run: nothing goes, neither the topics nor the replies.
    few = "".join(f"Build fails after the update on day {n} of the week\nSupport\n" for n in range(3))
    doc = Document.from_text(f"{BODY}Share\n{replies}Related topics\n{few}")
    removed = frozenset(b.line for b in doc.blocks if b.text in ("Share", "Related topics"))
    assert teaser_run(doc.blocks, None, frozenset(), removed)
    assert teaser_run(doc.blocks, None, frozenset(), removed, after_posts=True) == []


def test_teaser_run_spares_a_list_a_sentence_introduces_across_its_cards_buttons() -> None:
    """'The resources below …' over a resource list whose cards each end in a removed 'Read More' introduces the
    article's own list: the run that abuts it and the run under a card's button stay. A pitch over a form
    ('Use the form below …') leads into no headline, and a run under other residue has no lead-in of the article's."""
    cards = "".join(f"Storm hits the coast on day {n} of the week\nJane Doe\nRead More\n" for n in range(12))
    lead = "The resources below tell more about the storm season.\n"
    doc = Document.from_text(f"{BODY}{lead}{cards}")
    buttons = frozenset(b.line for b in doc.blocks if b.text == "Read More")
    lead_ins = ["(?i)\\bbelow\\b"]
    assert len(teaser_run(doc.blocks, None, frozenset(), buttons)) > 0
    assert teaser_run(doc.blocks, None, frozenset(), buttons, lead_ins=lead_ins) == []
    form = "Use the form below to sign up for our weekly email.\nindicates required\n"
    doc = Document.from_text(f"{BODY}{form}{cards}")
    buttons = frozenset(b.line for b in doc.blocks if b.text == "Read More")
    assert len(teaser_run(doc.blocks, None, frozenset(), buttons, lead_ins=lead_ins)) > 0
    doc = Document.from_text(f"{BODY}{lead}Share\n{cards}")
    residue = frozenset(b.line for b in doc.blocks if b.text in ("Read More", "Share"))
    assert len(teaser_run(doc.blocks, None, frozenset(), residue, lead_ins=lead_ins)) > 0


def test_teaser_run_spares_an_faq_whose_questions_have_their_answers() -> None:
    """Questions each over its answer close an article as its FAQ; teasers whose headlines ask stay teasers."""
    faq = "".join(
        f"Which storm hit the coast on day {n}?\nThe second one, which crews had tracked for a week.\n"
        for n in range(6)
    )
    doc = Document.from_text(f"{BODY}FAQ\n{faq}")
    header = frozenset({doc.blocks[4].line})
    assert len(teaser_run(doc.blocks, None, frozenset(), header)) == 12
    assert teaser_run(doc.blocks, None, frozenset(), header, max_questions=0.5) == []
    asked = "".join(f"Which storm hit the coast on day {n}?\nJane Doe\n" for n in range(6))
    doc = Document.from_text(f"{BODY}Share\n{asked}")
    assert len(teaser_run(doc.blocks, None, frozenset(), header, max_questions=0.5)) == 12


def test_teaser_template_takes_the_header_of_teasers_below_the_article() -> None:
    teasers = "".join(f"Storm hits the coast on day {n}\nNovember {n + 1}, 2019\n" for n in range(5))
    rule = RuleSet.bundled().get("REL006")
    for header, taken in (("LATEST STORM NEWS", True), ("The storms this month were:", False), ("", False)):
        for above, expected in ((BODY, taken), ("", False)):
            doc = Document.from_text(f"{above}{header}\n{teasers}")
            stamps = frozenset(b.line for b in doc.blocks if b.text.startswith("November"))
            hits = [b.text for b, _ in teaser_template(doc.blocks, rule, frozenset(), stamps, **rule.params)]
            assert (header in hits) is expected, (header, bool(above))
            # With no article on the page the list is the page (a listing of stories with their dates).
            assert len(hits) == (10 + expected if above else 0)


def _fill(text: str, removed: set[int]) -> list[int]:
    doc = Document.from_text(text)
    rule = next(r for r in RuleSet.bundled().rules if r.id == "SUR003")
    return [b.line for b, _ in list_fill(doc.blocks, None, frozenset(), frozenset(removed), **rule.params)]


def test_list_fill_takes_the_rest_of_a_half_removed_list() -> None:
    items = "Storm hits the coast\nSchools close early\nMayor defends bike lanes\nRoads reopen at last\n"
    widget = f"Recent posts\n\n{items}"
    text = f"{BODY}{widget}"
    top = text.count("\n", 0, text.index("Storm"))
    assert _fill(text, {top, top + 2}) == [top + 1, top + 3, top - 2], "the rest of the items and the header"
    assert _fill(text, {top}) == [], "one removed item of four is no evidence"
    assert _fill(f"{widget}{BODY}", {0 + 2, 0 + 4}) == [], "above the article it is the head's business"


def test_list_fill_spares_sentences_and_headline_copies() -> None:
    sentences = "Storm hits the coast\nThe council met again.\nMayor defends bike lanes\nIt voted for the plan.\n"
    text = f"{BODY}{sentences}"
    top = text.count("\n", 0, text.index("Storm"))
    assert _fill(text, {top, top + 2}) == [], "a sentence in the group: the article's own lines"
    headline = "Council approves the new budget after a long night"
    copies = f"{headline}\n\n{BODY}Storm hits the coast\n{headline} | City\nMayor defends bike lanes\nShare\n"
    top = copies.count("\n", 0, copies.index("Storm"))
    assert _fill(copies, {top, top + 2}) == [], "the headline with a site suffix stays"


def _ranked(text: str) -> list[int]:
    doc = Document.from_text(text)
    rule = next(r for r in RuleSet.bundled().rules if r.id == "REL007")
    return [b.line for b, _ in ranked_list(doc.blocks, rule, frozenset(), frozenset(), **rule.params)]


def test_ranked_list_takes_numbered_teasers_and_their_header_below_the_article() -> None:
    heads = [
        "Storm hits the coast again",
        "Schools close early on Friday",
        "Mayor defends the bike lanes",
        "Roads reopen",
    ]
    ranking = "".join(f"{n}\n{head}\n" for n, head in enumerate(heads, start=1))
    text = f"{BODY}Most Popular\n{ranking}"
    top = text.count("\n", 0, text.index("Most Popular"))
    assert sorted(_ranked(text)) == list(range(top, top + 9)), "the header, every number and every headline"
    assert _ranked(f"Most Popular\n{ranking}{BODY}") == [], "above the article the count is a menu's business"
    skipped = ranking.replace("3\n", "5\n")
    assert _ranked(f"{BODY}Most Popular\n{skipped}") == [], "2 then 5 is no count from 1 to 4"


def test_ranked_list_reads_only_ascii_numbers() -> None:
    """A digit of another script matches a Unicode \\d but is no number int() reads ('\\U00010d40')."""
    assert _ranked(f"{BODY}\U00010d40\nStorm hits the coast again\n") == []


def test_ranked_list_spares_steps_names_and_numbered_sections() -> None:
    steps = "".join(f"{n}\nFill in line {n} of the form.\n" for n in range(1, 6))
    assert _ranked(f"{BODY}How to apply\n{steps}") == [], "numbered steps are statements"
    names = "".join(
        f"{n}\n{name}\n" for n, name in enumerate(["Kyle Busch", "Joey Logano", "Ryan Blaney", "Denny Hamlin"], 1)
    )
    assert _ranked(f"{BODY}Standings\n{names}") == [], "a standings table's names are too short for headlines"
    section = (
        "The oldest park in the city has a rose garden, a pond and a playground rebuilt last year with new swings."
    )
    sections = "".join(f"{n}\nRiverside park on the east bank\n{section}\n" for n in range(1, 6))
    assert _ranked(f"{BODY}The best parks\n{sections}") == [], "a listicle's sections carry paragraphs"


def test_teaser_template_leaves_a_page_that_is_all_cards() -> None:
    """A shop's or a listing's cards, with no article prose above them and none below to outweigh them,
    are the page's content (an extractor's output of a collection page); below an article they are teasers."""
    cards = "".join(
        f"{name} teapot with saucer and lid\nIn stock\nHand-glazed stoneware, dishwasher safe.\n"
        for name in ("Rosa", "Gray", "Sage", "Ivory", "Ochre")
    )
    blocks = Document.from_text(cards).blocks
    assert teaser_template(blocks, None, frozenset(), frozenset(), min_prose_ratio=1.0) == []
    assert len(teaser_template(blocks, None, frozenset(), frozenset())) == 15, "the shape alone takes them"
    below = Document.from_text(f"{PROSE}{cards}").blocks
    assert len(teaser_template(below, None, frozenset(), frozenset(), min_prose_ratio=1.0)) == 15


def test_teaser_template_leaves_priced_cards_right_under_the_introduction_that_opens_the_text() -> None:
    """A shop's category page as an extractor prints it (its title, one introduction, then name and price, card
    after card) is the page; the same cards under an article's paragraphs are a shop carousel beside it."""
    cards = "".join(f"{name} pot and saucer\nFrom $29.00\n" for name in ("Rosa", "Gray", "Sage", "Ivory", "Ochre"))
    shop = Document.from_text(f"Indoor pots\n{PROSE}{cards}").blocks
    assert teaser_template(shop, None, frozenset(), frozenset(), opening_lines=3) == []
    assert len(teaser_template(shop, None, frozenset(), frozenset())) == 10, "the shape alone takes them"
    article = Document.from_text(f"Indoor pots\n{BODY}{cards}").blocks
    assert len(teaser_template(article, None, frozenset(), frozenset(), opening_lines=3)) == 10


def test_teaser_run_counts_a_german_compound_as_two_words() -> None:
    """A German headline says in four words what English says in five: it stays a headline, and a page whose
    cards are its content ('Haushaltsberatungen' is 'budget talks') is one list from its top, not teasers."""

    def card(head: str, n: int) -> str:
        dek = (
            f"Die Landesregierung kündigte am Dienstag neue Maßnahmen für die Region {n} an, nachdem Bürger "
            "und Verbände seit Wochen Kritik an der Verwaltung geübt hatten."
        )
        return f"{head}\n{dek}\nVon Anna Schmidt • {n}. Nov. 2025\n"

    cards = [card(f"Neue Radwege für Stadtteil {n} geplant", n) for n in range(1, 6)]
    cards.append(card("Stadtrat vertagt Haushaltsberatungen erneut", 6))
    cards += [card(f"Neue Radwege für Stadtteil {n} geplant", n) for n in range(7, 13)]
    doc = Document.from_text("".join(cards))
    bylines = frozenset(b.line for b in doc.blocks if b.text.startswith("Von "))
    rule = RuleSet.bundled().get("STR003")
    assert teaser_run(doc.blocks, rule, frozenset(), bylines, **rule.params) == []


def test_teaser_template_spares_a_list_that_tags_each_item_under_the_text() -> None:
    """One tag over each item ('Winner' / an award's name), right under the text's paragraph, is the text's own
    list: teasers' labels name sections, and a list the text introduces is no box beside it. The same run under
    a menu line goes."""
    awards = "".join(f"Winner\nBest Online Therapy Award of {2015 + n}\n" for n in range(6))
    doc = Document.from_text(BODY + awards + BODY)
    rule = RuleSet.bundled().get("REL006")
    assert teaser_template(doc.blocks, rule, frozenset(), frozenset(), **rule.params) == []
    menu = Document.from_text(BODY + "Shop\n" + awards + BODY)
    hits = teaser_template(menu.blocks, rule, frozenset(), frozenset(), **rule.params)
    assert len(hits) == 13, "the twelve lines, and 'Shop' over them as their header"


@given(st.text(alphabet="abcDEF xyz?!»”.:-_(){}é\u00c9\t\u00a0", max_size=40))
def test_a_lines_joins_are_at_least_its_words_joins(text: str) -> None:
    # run_together_headlines screens a line by its joins before counting its words' joins
    assert len(_JOIN.findall(text)) >= len(_headline_joins(text))
