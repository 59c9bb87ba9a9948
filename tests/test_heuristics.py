from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter import explain
from declutter.document import Document
from declutter.heuristics import (
    _echoes,
    _script,
    bulleted_head_menu,
    comment_thread,
    headline_list,
    run_together_headlines,
    tail_after_residue,
    teaser_run,
    teaser_template,
    title_echo,
)
from declutter.rules import RuleSet

PROSE = (
    "The minister said on Monday that the plan would be announced in the spring, and that the budget would "
    "follow it within weeks, after a round of consultations with every province and territory.\n\n"
)


def ids(text: str) -> list[str]:
    return [d.rule_id for d in explain(text).decisions]


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


def test_menu_run_needs_menu_words() -> None:
    drivers = "\n".join(
        [
            "Kyle Busch",
            "Kevin Harvick",
            "Denny Hamlin",
            "Joey Logano",
            "Ryan Blaney",
            "Kyle Larson",
            "Brad Keselowski",
            "Clint Bowyer",
            "Chase Elliott",
        ]
    )
    assert "NAV006" not in ids(PROSE + drivers + "\n")
    menu = "\n".join(["Home", "News", "Sports", "Business", "Opinion", "Weather", "Obituaries", "Contact us"])
    result = explain(menu + "\n\n" + PROSE)
    assert result.text == PROSE
    assert "NAV006" in [d.rule_id for d in result.decisions]


def test_other_language_run_needs_two_languages() -> None:
    arabic = "ما تأثير حرائق الغابات الهائلة\nعلى النظام البيئي لكوكب الأرض\n"
    assert "SDB001" not in ids(PROSE + arabic + PROSE)
    sidebar = "RCI | Français\nDéfi j'arrête: 6 semaines pour arrêter de fumer\nRCI | 中文\n担心故乡动荡，家人受苦\n"
    assert ids(PROSE + sidebar).count("SDB001") >= 2


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


def test_menu_run_ignores_residue_prose_above_the_menu() -> None:
    """A cookie notice above the menu is residue another rule removed, not the article's first paragraph."""
    cookie = (
        "We use cookies and other tracking technologies to improve your browsing experience on our site, "
        "show personalized content and targeted ads.\n\n"
    )
    menu = "\n".join(["Home", "Fanposts", "Fanshots", "Sections", "Roster", "Schedule", "Masthead", "About", "More"])
    result = explain(cookie + menu + "\n\n" + PROSE)
    assert result.text == PROSE


def test_menu_run_is_not_split_by_residue_and_counts_it() -> None:
    """A long line another rule removed (a follow prompt) does not split a menu; removed short lines are evidence."""
    top = "\n".join(["Home", "Toggle dark mode", "Toggle search", "Gadgets", "Tablets", "Phones", "Laptops"])
    follow = "Follow us on Twitter and Facebook for the latest news, reviews and deals from our editors"
    bottom = "\n".join(["Wearables", "Cameras", "Sign In", "Watches", "About"])
    result = explain(f"{top}\n{follow}\n{bottom}\n\n{PROSE}")
    assert result.text == PROSE


def test_menu_run_spares_a_short_title_on_top() -> None:
    menu = "\n".join(["Home", "News", "Sports", "Business", "Opinion", "Weather", "Obituaries", "Contact us"])
    result = explain(f"Storm hits coast\n{menu}\n\n{PROSE}")
    assert [line for line in result.text.splitlines() if line] == ["Storm hits coast", PROSE.strip()]


def test_menu_run_inside_the_article_span_needs_density_and_residue() -> None:
    """Between two paragraphs only a dense menu next to residue goes (a footer menu above an author's bio)."""
    bio = "Jane Doe covers city hall for the paper and has written about local politics for more than a decade.\n\n"
    menu = "\n".join(["World", "Africa", "Americas", "Europe", "Politics", "Business", "Tech", "Science", "Health"])
    assert explain(f"{PROSE}{menu}\nFacebook Twitter Email\n\n{bio}").text.split() == (PROSE + bio).split()
    # The same lines with no residue among them may be the article's own list: they stay.
    assert menu in explain(f"{PROSE}{menu}\n\n{bio}").text


def test_comment_thread_needs_reply_buttons_not_only_time_stamps() -> None:
    """A live blog's entries carry time stamps too; without 'Reply' or 'says:' lines it is not a comment thread."""
    entries = "".join(
        f"{n} hours ago\nThe committee heard from witness number {n}, who described the events of that night.\n"
        for n in range(1, 6)
    )
    live = f"{PROSE}{PROSE}12 Comments\n{entries}"
    assert "CMT006" not in ids(live)
    thread = "".join(
        f"Reader {n} says:\n{n} hours ago\nI think the committee is wasting its time on this.\nReply\n"
        for n in range(1, 4)
    )
    result = explain(f"{PROSE}{PROSE}3 Comments\n{thread}")
    assert "Reader 2 says:" not in result.text
    assert "wasting its time" not in result.text


def test_comment_thread_takes_the_last_comment_only_up_to_residue_or_the_end() -> None:
    """'Jane said:' comes before its comment: the last comment lies below the last marker."""
    thread = "".join(
        f"Reader {n} on May {n}, 2019 at 4:{n}0 pm said:\nI think the plan is a mistake.\n" for n in (1, 2, 3)
    )
    last = "The province cannot afford it, and the minister knows that very well by now.\n"
    rule = next(r for r in RuleSet.bundled().rules if r.id == "CMT006")
    doc = Document.from_text(f"{PROSE}{PROSE}Comments\n{thread}{last}")
    hits = comment_thread(doc.blocks, rule, frozenset(), frozenset(), **rule.params)
    assert [b.text for b, _ in hits][-1] == last.strip()
    # Article text far below the last marker, with no residue after it, is not the last comment.
    after = "".join(f"Paragraph {n} of the article, which goes on about the plan and its cost.\n" for n in range(9))
    doc = Document.from_text(f"{PROSE}{PROSE}Comments\n{thread}{after}")
    hits = comment_thread(doc.blocks, rule, frozenset(), frozenset(), **rule.params)
    assert "Paragraph" not in " ".join(b.text for b, _ in hits)


BODY = PROSE * 4
CHROME = "Home\nLocal\nFire crews battle blaze on the waterfront\nWeather: sunny, 21 degrees\n"


def test_title_echo_removes_the_chrome_between_the_page_title_and_the_headline() -> None:
    blocks = Document.from_text(
        f"Council approves new budget - The Daily Planet\n{CHROME}Council approves new budget\n{BODY}"
    ).blocks
    hits = title_echo(blocks, None, frozenset(), frozenset())
    assert [b.text for b, _ in hits] == CHROME.split("\n")[:-1], "both copies of the headline stay"


def test_title_echo_needs_a_separator_and_the_article_after_the_echo() -> None:
    assert not _echoes("Council approves budget cuts", "Council approves budget", 3), "a longer headline is no echo"
    assert _echoes("The Daily Planet | Council approves budget", "Council approves budget", 3)
    # The article started before the echo: a main-content text whose headline recurs in a teaser below.
    text = f"Council approves budget - The Daily Planet\n{BODY}{CHROME}Council approves budget\n{BODY}"
    assert title_echo(Document.from_text(text).blocks, None, frozenset(), frozenset()) == []
    # No article after the echo.
    short = f"Council approves new budget - The Daily Planet\n{CHROME}Council approves new budget\nRoads close.\n"
    assert title_echo(Document.from_text(short).blocks, None, frozenset(), frozenset()) == []


def test_title_echo_spares_a_kicker_the_article_names() -> None:
    kicker = "Province and territory"
    text = f"Council approves new budget - Planet\n{CHROME}{kicker}\nCouncil approves new budget\n{BODY}"
    hits = title_echo(Document.from_text(text).blocks, None, frozenset(), frozenset())
    assert kicker not in [b.text for b, _ in hits]
    assert len(hits) == 4


def test_tail_after_residue_needs_a_dense_cluster_right_below_the_article() -> None:
    tail = "Top Posts\nWhy the bridge closed again\nBlog Stats\n"
    doc = Document.from_text(f"{BODY}Share this:\nFacebook\nTwitter\n{tail}")
    claimed = frozenset(b.line for b in doc.blocks[4:7])
    hits = tail_after_residue(doc.blocks, None, frozenset(), claimed)
    assert [b.text for b, _ in hits] == ["Share this:", "Facebook", "Twitter", *tail.split("\n")[:-1]]
    # One removed line (an ad slug) among the article's closing lines is not the end of the article.
    doc = Document.from_text(f"{BODY}Advertisement\nThe vote was 7 to 4.\nShare\nThe next budget is due in March.\n")
    claimed = frozenset({doc.blocks[4].line, doc.blocks[6].line})
    assert tail_after_residue(doc.blocks, None, frozenset(), claimed) == []
    # A cluster far below the last paragraph (after the article's own short lines) does not count.
    closing = "".join(f"Item {n}\n" for n in range(6))
    doc = Document.from_text(f"{BODY}{closing}Share\nFacebook\nTwitter\n")
    claimed = frozenset(b.line for b in doc.blocks[-3:])
    assert tail_after_residue(doc.blocks, None, frozenset(), claimed) == []


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


@given(st.text(st.sampled_from("ab Z1 ,éßДжあ中한ع\u0301"), max_size=30))
def test_script_is_the_majority_script_of_the_letters(text: str) -> None:
    latin = len(regex.findall(r"\p{Latin}", text))
    letters = len(regex.findall(r"\p{L}", text))
    if letters == 0:
        assert _script(text) is None
    elif latin * 2 >= letters:
        assert _script(text) == "Latin"
    else:
        assert _script(text) not in (None, "Latin")


def test_menu_run_never_takes_a_copy_of_the_headline() -> None:
    """A full-page text repeats the headline in its sticky header, among menu items: that copy stays."""
    top = ["Home", "News", "Sports", "Opinion | Storm hits the coast overnight", "Weather", "Subscribe", "Log in"]
    menu = "\n".join([*top, "Contact us", "About us"])
    result = explain(f"{menu}\n\nStorm hits the coast overnight\n\n{PROSE}")
    kept = [line for line in result.text.splitlines() if line]
    assert kept == ["Opinion | Storm hits the coast overnight", "Storm hits the coast overnight", PROSE.strip()]
    # Without the headline below, the same line is just another long menu label.
    assert "Opinion | Storm hits the coast overnight" not in explain(f"{menu}\n\n{PROSE}").text


def test_title_echo_uses_the_last_copy_of_the_headline() -> None:
    """A sticky header repeats the headline inside the chrome; the copy above the article marks where it starts."""
    head = "Council approves the new budget"
    chrome = "\n".join(["Local", head, "Mortgage Rates", "Business Directory", "Jobs", "Menu Sections"])
    text = f"{head} - The Daily Planet\n{chrome}\n\n{head}\n\n{BODY}"
    kept = [line for line in explain(text).text.splitlines() if line]
    assert kept[:3] == [f"{head} - The Daily Planet", head, head]
    assert "Mortgage Rates" not in kept
    assert "Menu Sections" not in kept


MEGA_MENU = (
    "* Sign In\n* Home\n    o Subscribe\n    o Contact Us\n* Local\n    o Traffic\n    o Find a Business in S.A.\n"
    "    o Crime\n      Witness reminds allies in hearing\n      Is your county going dark tonight?\n"
    "* Sports\n    o 49ers\n    o Raiders\n    o Giants\n"
)


def _menu_lines(text: str, claimed: frozenset[int]) -> list[str]:
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in bulleted_head_menu(blocks, None, frozenset(), claimed, min_claimed=2)]


def test_bulleted_head_menu_takes_a_nested_menu_with_teasers_above_the_headline() -> None:
    text = f"*\n*\n{MEGA_MENU}Man stabbed to death on a bay train\n\n{PROSE}"
    taken = _menu_lines(text, frozenset({0, 1}))
    assert "o Traffic" in taken
    assert "Is your county going dark tonight?" in taken, "a teaser between the groups goes with the menu"
    assert "Man stabbed to death on a bay train" not in taken


def test_bulleted_head_menu_needs_residue_and_a_headline_below_it() -> None:
    # Nothing removed above the article: not evidently a page dump.
    assert _menu_lines(f"{MEGA_MENU}Man stabbed to death on a bay train\n\n{PROSE}", frozenset()) == []
    # No line between the list and the first paragraph that could be the headline: the list may be the article's.
    assert _menu_lines(f"*\n*\n{MEGA_MENU}\n{PROSE}", frozenset({0, 1})) == []
