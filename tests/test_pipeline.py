"""The pipeline end to end: the seeds, the invariants, selection, sites and threads."""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from declutter import Cleaner, apply, clean, explain, render
from declutter.document import lines_and_ends
from declutter.heuristics import HEURISTICS
from declutter.samples import load_sample

from .conftest import ROOT, SEEDS
from .html import PAGE

SEED_SAMPLES = sorted((ROOT / "samples" / "dev").glob("seed-*.sample"))


@pytest.mark.parametrize("path", SEED_SAMPLES, ids=[p.stem for p in SEED_SAMPLES])
def test_seed_residue_goes_and_every_article_line_stays(path: Path) -> None:
    """Cleaned as plain text with no URL: the labels say exactly which lines must go."""
    sample = load_sample(path)
    kept = set(clean(sample.text).split("\n"))
    for line in sample.lines:
        if line.is_residue:
            assert line.text not in kept, f"{path.name}:{line.number} residue left: {line.text[:60]!r}"
        elif line.category:
            assert line.text in kept, f"{path.name}:{line.number} article line lost: {line.text[:60]!r}"


def test_seed_samples_are_the_shared_seeds() -> None:
    if not SEEDS:
        pytest.skip("../shared/seeds is not beside the checkout")
    texts = {load_sample(path).text for path in SEED_SAMPLES}
    assert {seed.read_text(encoding="utf-8") for seed in SEEDS} == texts


LINES = st.lists(
    st.sampled_from(
        [
            "Share",
            "Most Read",
            "Story continues below advertisement",
            "READ MORE: Something happened",
            "The council approved the budget on Monday after a long debate about roads and schools.",
            "",
            "Skip to main content",
            " date 2020-01-03 advertisement",
            "Home",
            "News",
            "Sports",
            "Contact us",
            "Sponsored content",
            "— With files from The Canadian Press",
            "By Jane Doe",
            "Netiquette",
            "1. Be civil in the comments.",
            "RCI | Français",
            "Défi: 6 semaines pour arrêter de fumer",
        ]
    )
    | st.text(max_size=40),
    max_size=40,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(LINES, st.booleans(), st.lists(st.sampled_from(["\n", "\r\n", "\r"]), max_size=40))
@example(["<!DOCTYPE HTML"], False, [])
@example(["By Jane Doe", "The council approved the budget on Monday.\rShare"], False, [])  # a CR inside a line
@example(["The council approved the budget on Monday.", "Share", "", "Home"], True, ["\r", "\n", "\n"])
def test_invariants(lines: list[str], final_newline: bool, ends: list[str]) -> None:
    """Replay, determinism, idempotence and 'output lines are input lines, each with its own end', whatever mix of
    line ends the text has (a line's end is the drawn one, else a line feed); and the ends change no decision."""
    ends += ["\n"] * len(lines)
    text = "".join(line + end for line, end in zip(lines, ends, strict=False))
    if not final_newline and lines:
        text = text.removesuffix(ends[len(lines) - 1])
    result = explain(text, input_format="text")  # random lines can look like markup ('<!DOCTYPE HTML'): text mode
    assert apply(text, result.decisions) == result.text, "decisions replay to the same output"
    assert explain(text, input_format="text").text == result.text, "deterministic"
    assert clean(result.text, input_format="text") == result.text, "idempotent"
    stripped = {d.line for d in result.decisions if d.action == "strip"}
    read, read_ends = lines_and_ends(text)
    originals = [(line, end) for n, (line, end) in enumerate(zip(read, read_ends, strict=True)) if n not in stripped]
    remaining = iter(originals)
    out, out_ends = lines_and_ends(result.text)
    for n, (line, end) in enumerate(zip(out, out_ends, strict=True)):
        # The last line of a text without a final line end has none: the last line written has none either.
        unended = not end and n == len(out) - 1
        assert not line.strip() or any(line == kept and (unended or end == kept_end) for kept, kept_end in remaining), (
            "kept lines are input lines, in order, each with its own end"
        )
    plain = "\n".join(read) + ("\n" if text.endswith(("\n", "\r")) else "")
    assert explain(plain, input_format="text").decisions == result.decisions, "line ends change no decision"


def test_keep_only_ignore() -> None:
    text = "Share\n\nA lake at dawn. (Jane Doe/The Associated Press)\n\nSign up here\n"
    assert "(Jane Doe" in clean(text, keep=["caption"])
    assert clean(text, only=["newsletter"]) == "Share\n\nA lake at dawn. (Jane Doe/The Associated Press)\n"
    assert "Share" in clean(text, ignore=["SHR001"])


def test_keep_only_ignore_take_a_string_as_the_command_line_does() -> None:
    """A string is a name or a comma-separated list, not its characters ('c', 'a', ...: unknown categories)."""
    text = "Share\n\nA lake at dawn. (Jane Doe/The Associated Press)\n\nSign up here\n"
    assert clean(text, keep="caption") == clean(text, keep=["caption"])
    assert clean(text, only="newsletter") == clean(text, only=["newsletter"])
    assert Cleaner(ignore="SHR001, newsletter").clean(text) == clean(text, ignore=["SHR001", "newsletter"])


def test_site_rules_apply_by_url_or_domain() -> None:
    text = "The article.\n\nInteract with The Globe\n"
    assert clean(text, url="https://www.theglobeandmail.com/a/") == "The article.\n"
    assert clean(text, domain="example.com") == text


def test_extra_rule_directories(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        """
file = { prefix = "USR" }
[[rule]]
id = "USR001"
name = "house-promo"
kind = "line"
category = "other"
description = "Our own promo."
patterns = ['Buy our mugs!']
[rule.examples]
residue = ["Buy our mugs!"]
article = ["Buy our mugs, he said, and you will regret it."]
""",
        encoding="utf-8",
    )
    text = "Buy our mugs!\n\nShare\n\nThe article.\n"
    assert Cleaner(extra=[tmp_path]).clean(text) == "The article.\n"
    assert Cleaner([tmp_path]).clean(text) == "Share\n\nThe article.\n", "replacing the bundled rules"
    assert Cleaner(extra=tmp_path / "mine.toml").clean(text) == "The article.\n", "one path, not its characters"
    assert clean(text, extra=str(tmp_path / "mine.toml")) == "The article.\n"


def test_a_rule_for_articles_runs_on_html_pages_that_call_themselves_articles_and_on_text(tmp_path: Path) -> None:
    """``pages = "articles"``: a listing's teasers are its content; a text does not say what it is."""
    (tmp_path / "mine.toml").write_text(
        """
file = { prefix = "USR" }
[[rule]]
id = "USR001"
name = "teaser"
kind = "line"
category = "related"
description = "A teaser."
pages = "articles"
patterns = ['Storm hits coast']
[rule.examples]
residue = ["Storm hits coast"]
article = ["The storm hit the coast on Monday."]
""",
        encoding="utf-8",
    )
    cleaner = Cleaner([tmp_path])
    body = "<p>The council approved the budget on Monday after a long debate.</p><p>Storm hits coast</p>"
    listing = f"<html><head><title>x</title></head><body><main>{body}</main></body></html>"
    story = listing.replace("<title>", "<meta property='og:type' content='article'><title>")
    assert "Storm hits coast" in cleaner.clean(listing, input_format="html")
    assert "Storm hits coast" not in cleaner.clean(story, input_format="html")
    assert "Storm hits coast" not in cleaner.clean("The article.\n\nStorm hits coast\n")


def _offices_rule(tmp_path: Path, heuristic: str, texts: str) -> None:
    """A user's rule file in ``tmp_path`` with one heuristic rule (USR001) for ``texts``."""
    (tmp_path / "mine.toml").write_text(
        f"""
file = {{ prefix = "USR" }}
[[rule]]
id = "USR001"
name = "offices"
kind = "heuristic"
heuristic = "{heuristic}"
texts = "{texts}"
category = "navigation"
description = "An 'Offices' line."
[rule.examples]
residue = ["Offices"]
article = ["The council voted."]
""",
        encoding="utf-8",
    )


def _patched_to_take_offices(monkeypatch: pytest.MonkeyPatch, heuristic: str) -> list[int]:
    """Patch ``heuristic`` to take every 'Offices' line (after the cleaner is built: the bundled rules' parameters
    are checked against the real heuristic). The list returned grows by one entry each time it runs."""
    seen: list[int] = []

    def offices(blocks, rule, protected, claimed, **params):  # type: ignore[no-untyped-def]
        seen.append(len(blocks))
        return [(block, "an 'Offices' line") for block in blocks if block.text == "Offices"]

    monkeypatch.setitem(HEURISTICS, heuristic, offices)
    return seen


def test_a_rule_for_text_input_runs_on_text_and_never_on_the_html_stage_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``texts = "text-input"``: the HTML stage removed by markup what the rule finds by a flat page's shape."""
    _offices_rule(tmp_path, "footer-columns", "text-input")
    cleaner = Cleaner([tmp_path])
    assert cleaner.rules.get("USR001").texts == "text-input"
    seen = _patched_to_take_offices(monkeypatch, "footer-columns")
    page = "<html><body><main><p>The council approved the budget on Monday.</p><p>Offices</p></main></body></html>"
    assert "Offices" in cleaner.clean(page, input_format="html")
    assert not seen
    assert cleaner.clean("The council approved the budget on Monday.\n\nOffices\n") == (
        "The council approved the budget on Monday.\n"
    )
    assert seen


def test_a_rule_for_full_page_input_runs_only_on_a_full_page_given_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``texts = "full-page-input"``: neither the HTML stage's text (the markup took the boxes of other stories)
    nor an extractor's output (no page around its article), only a page's full text given as text."""
    _offices_rule(tmp_path, "teaser-template", "full-page-input")
    cleaner = Cleaner(extra=[tmp_path], ignore=["REL006"])
    assert cleaner.rules.get("USR001").texts == "full-page-input"
    seen = _patched_to_take_offices(monkeypatch, "teaser-template")
    article = "The council approved the budget on Monday after a long debate."
    page = f"<html><body><main><p>{article}</p><p>Offices</p></main></body></html>"
    assert "Offices" in cleaner.clean(page, input_format="html")
    assert not seen, "not on the HTML stage's text"
    assert cleaner.clean(f"{article}\n\nOffices\n") == f"{article}\n\nOffices\n", "not on an extractor's output"
    assert not seen
    assert cleaner.clean(f"Skip to content\n\n{article}\n\nOffices\n") == f"{article}\n", "a full page"
    assert seen


def test_a_cleaner_is_safe_to_share_across_threads() -> None:
    cleaner = Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] or ["Share\n\nText.\n"]
    expected = [cleaner.clean(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(cleaner.clean, texts * 20))
    assert results == expected * 20


def test_precision_guards_on_article_prose() -> None:
    prose = (
        "Share prices fell 4% on Monday after the company warned that sales would miss forecasts, "
        "analysts said.\n\nMost read the report before the vote, the clerk said.\n"
    )
    assert clean(prose) == prose


def test_fuzz_found_document_is_cleaned_idempotently() -> None:
    """benchmarks/fuzz.py --seed 3 found this after 42,653 documents: a menu run split by a line another rule
    removes was only found by a second cleaning; cleaning now repeats until nothing more goes."""
    import json

    document = json.loads((Path(__file__).parent / "fuzz_menu_run_split.json").read_text(encoding="utf-8"))
    once = clean(document, input_format="text")
    assert clean(once, input_format="text") == once


def test_a_code_block_repeated_in_an_answer_is_no_recurring_menu() -> None:
    """A forum question's code, repeated with a change in the answer below it, was taken for a header menu and
    its footer copy (recurring-menu): code blocks and tables are content to every structural heuristic."""
    code = ["import threading", "import queue", "def worker(jobs):", "for job in iter(jobs.get, None):",
            "handle(job)", "def main():", "jobs = queue.Queue()",
            "threading.Thread(target=worker, args=(jobs,)).start()", "main()"]  # fmt: skip
    text = "\n".join([
        "My program never exits:",
        *code,
        "The thread keeps waiting on the queue after main returns, so the interpreter waits for it forever and I do"
        " not understand why that happens here.",
        "Put a None on the queue when you are done, or start the thread as a daemon, and the loop ends by itself"
        " because the iterator stops at the sentinel value.",
        "When the worker reads the sentinel it leaves the loop, the thread ends, and nothing is left for the"
        " interpreter to wait on at shutdown.",
        *code[:8],
        "jobs.put(None)",
        "",
    ])  # fmt: skip
    removed = [d.text for d in explain(text, input_format="text").decisions]
    assert not set(removed) & set(code), removed


def test_text_rules_run_after_the_dom_stage() -> None:
    result = explain(PAGE)
    assert result.text.startswith("Budget passes\n\nThe council approved")
    assert "Story continues below advertisement" not in result.text
    assert any(d.rule_id == "ADS001" for d in result.decisions)
    assert result.domain == "example.com"
    assert result.metadata["title"] == "Budget passes"


RESIDUE_ONLY = (
    "Skip to main content\n\nSign up for our newsletter\n\nShare this article\n\nFollow us on Twitter\n\n"
    "Advertisement\n\nStory continues below advertisement\n\nRead more: The council met on Monday\n\nMost Read\n\n"
    "Copyright 2024 The Globe. All rights reserved.\n\nPrivacy Policy\n\nTerms of Use\n"
)
CHROME_ONLY = (
    "<html><body><nav><ul>"
    + "".join(f"<li><a href='/{n}'>Section number {n} of the site</a></li>" for n in range(20))
    + "</ul></nav><footer><p>Copyright 2024 The Globe and Mail. All rights reserved.</p></footer></body></html>"
)


def test_an_empty_result_from_real_input_is_a_warning() -> None:
    from declutter import Cleaner

    cleaner = Cleaner()
    assert cleaner.explain(RESIDUE_ONLY).warnings == ("empty result from 42 words of input",)
    [warning] = cleaner.explain(CHROME_ONLY).warnings
    assert warning.startswith("empty result from ")
    assert int(warning.split()[3]) > 100  # the page's visible words, not the (empty) extracted text's
    assert cleaner.explain("Share\n\nThe council approved the budget on Monday.\n").warnings == ()
    assert cleaner.explain("Sign up here\n").warnings == ()  # too little input to judge


def test_lines_ending_in_cr_alone_are_read_as_lines() -> None:
    """A classic Mac OS text was one line that no line rule removed (only a warning said so): its CRs end its lines,
    as Python's universal newlines read them, and the output keeps them as line ends."""
    mac = "Skip to main content\r\rThe council approved the budget on Monday.\r\rShare\r"
    result = Cleaner().explain(mac)
    assert result.text == "The council approved the budget on Monday.\r"
    assert [(d.line, d.rule_id) for d in result.decisions] == [(0, "NAV001"), (4, "SHR001")]
    assert result.warnings == ()
    assert apply(mac, result.decisions) == result.text  # the decisions replay on the input
    assert Cleaner().clean(result.text) == result.text  # and cleaning it again changes nothing
    assert Cleaner().clean(mac.replace("\r", "\r\n")) == result.text + "\n"  # as a CR-LF text is cleaned
    assert render(result, "markdown") == "The council approved the budget on Monday.\n"


def test_a_text_mixing_cr_and_lf_line_ends_is_read_line_by_line() -> None:
    """A text with line feeds was split at them only (a CR-ended line among them was one line with the next, which no
    line rule removed, and a warning said so): every CR alone ends a line now, and each kept line keeps its end."""
    mixed = "Skip to main content\r\rThe council approved the budget on Monday.\r\rShare\rMore text.\n"
    result = Cleaner().explain(mixed)
    assert result.text == "The council approved the budget on Monday.\r\rMore text.\n"
    assert result.warnings == ()
    assert Cleaner().explain(mixed.replace("\r", "\n")).decisions == result.decisions


ARTICLE_PAGE = (
    "<html><head><title>Budget passes</title></head><body><nav>Home News</nav><article><h1>Budget passes</h1>"
    "<p>The council approved the budget on Monday, after a long debate about roads, schools and parks in every "
    "ward.</p></article></body></html>"
)


def test_clean_takes_bytes_text_and_parsed_documents() -> None:
    import lxml.html
    import pytest
    from bs4 import BeautifulSoup

    import declutter

    expected = declutter.clean(ARTICLE_PAGE)
    assert expected.startswith("Budget passes\n\nThe council approved")
    assert declutter.clean(ARTICLE_PAGE.encode("utf-8")) == expected
    assert declutter.clean(ARTICLE_PAGE.encode("cp1252")) == expected
    assert declutter.clean(lxml.html.document_fromstring(ARTICLE_PAGE)) == expected
    assert declutter.clean(lxml.html.document_fromstring(ARTICLE_PAGE).getroottree()) == expected
    assert declutter.clean(BeautifulSoup(ARTICLE_PAGE, "html.parser")) == expected
    assert declutter.clean(b"Share\n\nText.\n") == "Text.\n"
    with pytest.raises(TypeError, match=r"take str, bytes .* not int"):
        declutter.clean(42)
    with pytest.raises(declutter.InputError, match="binary"):
        declutter.clean(b"\x00\x01binary")


def test_clean_and_explain_take_extra_rules_like_cleaner(tmp_path: Path) -> None:
    import declutter

    (tmp_path / "mine.toml").write_text(
        'file = { prefix = "TST" }\n[[rule]]\nid = "TST001"\nname = "house-slogan"\nkind = "line"\n'
        'category = "other"\ndescription = "Our slogan."\npatterns = [\'All the news that fits\']\n'
        'examples = { residue = ["All the news that fits"], article = ["The news fits."] }\n',
        encoding="utf-8",
    )
    text = "All the news that fits\n\nShare\n\nThe council met.\n"
    assert declutter.clean(text, extra=[tmp_path]) == "The council met.\n"  # added to the bundled rules
    assert declutter.clean(text, rules=[tmp_path]) == "Share\n\nThe council met.\n"  # instead of them
    assert [d.rule_id for d in declutter.explain(text, extra=[tmp_path]).decisions] == ["TST001", "SHR001"]
    assert "extra" in (declutter.clean.__doc__ or "")
    assert ">>>" in (declutter.clean.__doc__ or "")


def test_dates_printed_once_per_kept_card_stay_with_the_cards() -> None:
    cards = ["Senior backend engineer at a logistics firm", "Data analyst for a city council", "Frontend developer"]
    stamps = ["3 days ago", "1 week ago", "2 weeks ago"]
    board = "".join(f"{card}\n{stamp}\n\n" for card, stamp in zip(cards, stamps, strict=True))
    kept = clean(board)
    assert all(stamp in kept for stamp in stamps), "the cards stay, and so do their dates"
    assert all(stamp in clean("\n".join(stamps) + "\n") for stamp in stamps), "a list of nothing but dates"
    # One date on an article, or the dates of teasers other rules removed, still go.
    assert "3 days ago" not in clean(f"3 days ago\n\n{PAGE_PROSE}")


def test_a_threads_per_post_dates_stay_when_the_posters_counts_between_them_go() -> None:
    """Each post keeps 40 words or more under its date: the dates are the thread's, though 'Posts: 3,760' went."""
    post = PAGE_PROSE.strip() + " Nobody in the hall expected the vote to pass before the summer break began."
    thread = "".join(f"{date}\nPosts: 3,760\n\n{post}\n\n" for date in ["30 Jun 2024", "1 Jul 2024", "2 Jul 2024"])
    kept = clean(thread)
    assert "Posts: 3,760" not in kept
    assert all(date in kept for date in ["30 Jun 2024", "1 Jul 2024", "2 Jul 2024"])
    short = "".join(
        f"{date}\nPosts: 3,760\n\nA short card.\n\n" for date in ["30 Jun 2024", "1 Jul 2024", "2 Jul 2024"]
    )
    assert "30 Jun 2024" not in clean(short), "cards of a few words with something removed between them"


def test_a_posters_handle_kept_between_replies_keeps_its_copies_under_short_replies() -> None:
    """BYL005 keeps a handle between two paragraphs (a thread's poster); the copies over a short reply ('Yes')
    are matched alone, too few for a run of cards, unless the kept copies count as their siblings."""
    text = (
        "The saved routes do not show up on my laptop after the last update, although the phone still lists them.\n"
        "@luizjr4\nHave you checked that you are signed in as the same premium user on the laptop as on your phone?\n"
        "@luizjr4\nYes\n@luizjr4\n"
        "Then please ask the team to look at your account settings, since the routes are stored with the account."
    )
    assert clean(text, input_format="text") == text
    assert "@luizjr4" not in clean(f"@luizjr4\n\n{PAGE_PROSE}"), "an author's handle over the article still goes"


def test_any_line_rule_spares_its_card_lines_by_parameter(tmp_path: Path) -> None:
    """The pipeline knows how to spare a line printed once per card; the rule file says which lines are such."""
    rule = (
        'file = { prefix = "TST" }\n[[rule]]\nid = "TST001"\nname = "work-mode"\nkind = "line"\n'
        'category = "other"\ndescription = "A work-mode label."\npatterns = [\'Remote|Hybrid\']\n{spare}'
        'examples = { residue = ["Remote"], article = ["Remote areas lost power."] }\n'
    )
    cards = ["Senior backend engineer at a logistics firm", "Data analyst for a city council", "Frontend developer"]
    board = "".join(f"{card}\n{mode}\n\n" for card, mode in zip(cards, ["Remote", "Hybrid", "Remote"], strict=True))
    (tmp_path / "mine.toml").write_text(rule.replace("{spare}", ""), encoding="utf-8")
    assert "Remote" not in Cleaner(rules=[tmp_path]).clean(board), "without the parameter, the labels go"
    (tmp_path / "mine.toml").write_text(rule.replace("{spare}", "spare_per_card = 3\n"), encoding="utf-8")
    assert Cleaner(rules=[tmp_path]).clean(board) == board, "the cards stay, and so do their labels"


PAGE_PROSE = (
    "The minister said on Monday that the plan would be announced in the spring, and that the budget would "
    "follow it within weeks, after a round of consultations with every province and territory.\n"
)


def test_forum_replies_with_a_glued_vote_count_are_prose_not_a_tail() -> None:
    """A forum thread's replies end with their vote count ('… let it go. 0'): read as no sentence, they were
    not paragraphs, so the 'Comments' header above them cut them off as the page's tail."""
    post = (
        "I have now disabled new user registrations on this forum, but have enabled existing members to invite "
        "users if they want, and I expect spam would start to take over within a few months of no updates."
    )
    replies = [
        "mcrouse Admin Hi, I regret that there has been some misunderstanding in our communications about the "
        "open source version, and we will share more updates as they become available. 0",
        "Linc Admin My quote was accurate and my post was strictly factual; neither of us have anything to gain "
        "here, and it is time to let it go. 0",
    ]
    text = "\n".join([post, post, post, "Comments", "- ", replies[0], "- ", replies[1], ""])
    kept = clean(text, input_format="text")
    assert all(reply in kept for reply in replies), kept


_PROSE = (
    "The city council approved the new budget early on Wednesday after a debate that lasted more than nine hours.\n"
    "The budget raises property taxes by two per cent and sets aside money for road repairs and new buses.\n"
) * 3
_BRANDS = ["Aventura", "- organic cotton", "- hemp", "- recycled", "Benetton", "- organic options", "- linen"]
_BRANDS += ["- fair trade", "Cambridge Baby", "- linen sun hats", "- organic cotton sun hats", "- eco packaging"]


def test_an_extract_without_chrome_keeps_the_list_that_closes_it() -> None:
    """Nothing the vocabulary knows as chrome: an extractor's output, whose closing list of brands (the shape of a
    footer's columns) is the article's; the same text under a page's 'Skip to main content' is a full page."""
    extract = _PROSE + "\n".join(_BRANDS) + "\n"
    assert clean(extract, input_format="text") == extract
    page = explain("Skip to main content\n" + extract, input_format="text")
    assert "NAV013" in {d.rule_id for d in page.decisions}
    assert page.text == _PROSE


def test_an_extract_printing_a_run_twice_loses_only_the_later_copy() -> None:
    """The pipeline tells recurring-menu whether the text has chrome: in an extract it keeps the first copy."""
    topics = "Ohm's Law\nBranch Circuits\nGrounding Basics\n"
    text = f"Electrical Work\n{topics}{_PROSE}What you learn\n{topics}"
    gone = [d.text for d in explain(text, input_format="text").decisions if d.rule_id == "NAV010"]
    assert gone == topics.split("\n")[:3]
    page = explain("Skip to main content\n" + text, input_format="text")
    assert [d.text for d in page.decisions if d.rule_id == "NAV010"] == topics.split("\n")[:3] * 2


def test_a_copyright_banner_in_an_articles_pre_is_not_the_pages_floor() -> None:
    """A boot screen quoted in a <pre> keeps the lines below its copyright banner; the same lines as paragraphs
    stand below a copyright line and go with the footer floor."""
    body = "<p>The old workstation boots from its own loader, which reads the disk label and then the kernel.</p>" * 6
    boot = ["(c) Copyright 1990-1994, Hewlett-Packard Company.", "All rights reserved", "Starting Auto boot", "Booting"]
    for block, kept in (("<pre>" + "\n".join(boot) + "</pre>", True), ("".join(f"<p>{b}</p>" for b in boot), False)):
        html = (
            "<html><head><title>T</title><meta property='og:type' content='article'></head><body><article>"
            f"<h1>The scariest boot loader</h1>{body}{block}<p>It then hangs.</p></article></body></html>"
        )
        lines = Cleaner().clean(html, input_format="html").split("\n")
        assert ("Starting Auto boot" in lines) is kept
        assert ("It then hangs." in lines) is kept


_REPLY = (
    "Ich habe einige Supportforen gesehen, die eine erste Antwort geben, indem sie die Frage mit etwas Kontext an "
    "ein Sprachmodell schicken. Meine Erfahrung damit war bisher durchwachsen, denn das Modell versteht nichts.\n"
)


def test_a_german_forum_threads_poster_panels_stay_when_its_dates_carry_seconds() -> None:
    """SMF's German boards print a post's date with seconds ('10. Juni 2024, 08:15:02'). Unread as a date, it is
    one more line between the opening post and the first reply: the opening post fell off the article's span as a
    small edge group (`edge_gap`), and a poster's panel above the first reply and below the last read as a menu
    and its footer copy (NAV010), taking the last post with it. The reply subjects ('Re: …', NAV021) and the
    dates, post numbers, post counts ('Beiträge: 12', LDE014) and SMF's 'Gespeichert' between them are per-post
    furniture, which may go."""
    panel = "Karin\nModeratorin\nForenfreundin\nVielschreiberin\nBeiträge: 7.682\nGespeichert\n"
    head = "Re: Wie nutzt ihr KI in euren Foren?\n"
    text = (
        "Bernd\nStammgast\nBeiträge: 1.204\nGespeichert\nWie nutzt ihr KI in euren Foren?\n09. Juni 2024, 03:29:46\n"
        "Mich interessiert, wie ihr KI wie ChatGPT schon einsetzt, um neue Aktivität in euer Forum zu bringen und "
        "euren Mitgliedern ein besseres Erlebnis zu bieten.\n"
        f"{panel}{head}#1\n10. Juni 2024, 08:15:02\n{_REPLY * 4}"
        f"Olaf\nNeuling\nBeiträge: 12\nGespeichert\n{head}#2\n01. Oktober 2024, 22:05:34\n{_REPLY}"
        f"{panel}{head}#3\n03. Oktober 2024, 12:01:00\nAls ich es um ein Haiku bat, zählte es die Silben falsch.\n"
    )
    cleaned = clean(text, input_format="text", language="de")
    furniture = {head.strip(), "#1", "#2", "#3"}

    def content(t: str) -> list[str]:
        return [
            line
            for line in t.split("\n")
            if line not in furniture and not line[:2].isdigit() and not line.startswith(("Beiträge", "Gespeichert"))
        ]

    assert content(cleaned) == content(text)


@pytest.fixture
def claimed_seen(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[int]]:
    """The lines removed before it that each run of tail-fill saw (``claimed``), with tail-fill itself replaced by a
    spy that removes nothing: what the heuristics read as removed."""
    seen: list[frozenset[int]] = []

    @functools.wraps(HEURISTICS["tail-fill"])  # its signature: the rule file's parameters are checked against it
    def spy(blocks: object, rule: object, protected: object, claimed: frozenset[int], **params: object) -> list[object]:
        seen.append(frozenset(claimed))
        return []

    monkeypatch.setitem(HEURISTICS, "tail-fill", spy)
    return seen


def test_later_heuristics_do_not_read_a_posters_panel_as_removed(claimed_seen: list[frozenset[int]]) -> None:
    """A poster's panel between posts and XenForo's 'Click to expand...' are per-post furniture: the heuristics
    judge the page as if they were still there (read as removed lines, a wall of them turns the posts between
    into fills and list items)."""
    posts = "".join(
        f"poster{n}\nJoined\nMar {n}, 2019\nMessages\n{n}2,345\nI drove over the bridge last week and it was fine.\n"
        "Click to expand...\n"
        for n in range(1, 4)
    )
    prose = "The council voted on Tuesday to close the old bridge for the whole of the coming winter season.\n"
    result = explain(prose * 3 + posts)
    panel = {d.line for d in result.decisions if d.rule_id == "CMT010"}
    assert len(panel) >= 6  # the dates may go by a date rule first
    lines = {d.line for d in result.decisions if d.rule_id == "CMT011"}
    assert len(lines) == 3, "XenForo's fixed lines are furniture too"
    panel |= lines
    assert any(claimed_seen), "the spy saw the lines earlier rules removed"
    assert not any(panel & claimed for claimed in claimed_seen)


def test_a_shop_grids_sort_menu_goes_unseen_by_the_heuristics(claimed_seen: list[frozenset[int]]) -> None:
    """A collection page's sort drop-down, written out on one line between its filters and its grid, goes as
    furniture: read as a removed line it joined the page's header and filters to its cards into one run of short
    lines, which the head-run and menu heuristics then took whole (round fpt's notes on NAV018)."""
    menu = "Featured Best selling Alphabetically, A-Z Alphabetically, Z-A Price, low to high Price, high to low"
    cards = "".join(f"Cast Iron Skillet {n}\n${n}9.95\nAdd to cart\n" for n in range(1, 7))
    prose = "Our cast iron pans are made in Tennessee and come seasoned, ready for the stove, the oven or the fire.\n"
    result = explain(f"Skillets\n{prose}Filter\n{menu}\n{cards}{prose}")
    sort = [d for d in result.decisions if d.text == menu]
    assert [(d.rule_id, d.category) for d in sort] == [("NAV028", "furniture")]
    assert menu not in result.text
    assert "Cast Iron Skillet 6" in result.text
    assert any(claimed_seen), "the spy saw the lines earlier rules removed"
    assert not any(sort[0].line in claimed for claimed in claimed_seen)


def test_a_widgets_notices_go_unseen_by_the_heuristics(claimed_seen: list[frozenset[int]]) -> None:
    """A buy box's script notices (an error asking to try again, a cart's notice, a postcode field, a gallery's
    buttons, a quantity stepper's labels) go as ``widget``: the heuristics judge the page as if they were still
    there, as with a poster's panel (read as removed lines they would join the runs around them), and the
    product's text stays."""
    notices = [
        "Open media 1 in modal",
        "Open media 2 in modal",
        "Oops! Something went wrong. Please try again.",
        "Item added to your cart",
        "Zip Code Apply",
        "{{priceAnchor.priceWrapper.info.totalPrice}}",
        "Decrease quantity for Wool Runner Increase quantity for Wool Runner",
    ]
    prose = "Our wool runners are made from merino and sugarcane, light enough for a summer walk in the city.\n"
    text = "Wool Runner\n" + prose + "".join(f"{n}\n" for n in notices) + "$110\nAdd to Cart\n" + prose
    result = explain(text)
    removed = {d.text: (d.rule_id, d.category) for d in result.decisions}
    assert {n: removed.get(n) for n in notices} == {
        "Open media 1 in modal": ("NAV034", "widget"),
        "Open media 2 in modal": ("NAV034", "widget"),
        "Oops! Something went wrong. Please try again.": ("NAV030", "widget"),
        "Item added to your cart": ("NAV030", "widget"),
        "Zip Code Apply": ("NAV031", "widget"),
        "{{priceAnchor.priceWrapper.info.totalPrice}}": ("NAV033", "widget"),
        "Decrease quantity for Wool Runner Increase quantity for Wool Runner": ("NAV036", "widget"),
    }
    assert "$110" in result.text
    assert prose.strip() in result.text
    lines = {d.line for d in result.decisions if d.category == "widget"}
    assert any(claimed_seen), "the spy saw the cart button NAV014 removed"
    assert not any(lines & claimed for claimed in claimed_seen)


def test_a_qa_sites_post_stamps_go_unseen_as_widget_lines(claimed_seen: list[frozenset[int]]) -> None:
    """Stack Exchange's 'asked …' / 'answered …' / 'edited …' stamps go as ``widget`` lines, not ``furniture``:
    printed under the question and every answer alike, they are no sign for tail-fill that a fill below the
    first answer is a post (as furniture they spared later answers that references leave out)."""
    stamps = ["asked Feb 11, 2011 at 23:49", "edited Nov 9, 2020 at 19:28", "answered Feb 12, 2011 at 1:01"]
    question = "How should I prepare the food for a catering event of sixty guests when I have never done one?\n"
    answer = "Plan the menu around dishes you can cook the day before and reheat, and rent a second oven.\n"
    text = question + stamps[0] + "\n" + stamps[1] + "\n2 Answers\n" + answer + stamps[2] + "\n" + answer
    result = explain(text)
    removed = {d.text: (d.rule_id, d.category) for d in result.decisions}
    assert {s: removed.get(s) for s in stamps} == dict.fromkeys(stamps, ("DAT007", "widget"))
    assert question.strip() in result.text
    assert answer.strip() in result.text
    lines = {d.line for d in result.decisions if d.rule_id == "DAT007"}
    assert not any(lines & claimed for claimed in claimed_seen)


def test_a_key_or_label_indented_inside_a_code_sample_stays() -> None:
    text = (
        "Create the Pod with this manifest, which names the proxy and labels it for the Service.\n"
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app.kubernetes.io/name: proxy\n"
        "spec:\n  containers:\n  - name: nginx\n"
        "The Service then selects the Pod by that label, whatever the Pod's own name is.\n"
        "Tags:\n"
    )
    kept = clean(text)
    assert "  labels:\n" in kept, "the manifest's own key is no tag list's label"
    assert "Tags:" not in kept, "the same rule still takes a label outside code"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Cleaner(keep=None), "keep must be a category, rule id or name, or a list of them .*not None"),
        (lambda: Cleaner(only=5), "only must be .*not 5"),
        (lambda: Cleaner(ignore=[5]), r"ignore \(an item\) must be a string, not 5"),
        (lambda: Cleaner(extra=5), r"extra must be a rule file or folder \(str or Path\).*not 5"),
        (lambda: Cleaner(rules=5.0), "rules must be .*or a RuleSet, not 5.0"),
        (lambda: Cleaner(rules=[None]), r"rules \(an item\) must be a path .*not None"),
        (lambda: clean("Body.\n", url=5), "url must be a string or None, not 5"),
        (lambda: clean("Body.\n", domain=b"x.com"), "domain must be a string or None, not bytes"),
        (lambda: clean("Body.\n", language=5), "language must be a string or None, not 5"),
        (lambda: clean("Body.\n", input_format=None), "input_format must be one of auto, text, html .*not None"),
        (lambda: clean("Body.\n", keep=None), "keep must be .*not None"),
        (lambda: explain("Body.\n", ignore=7), "ignore must be .*not 7"),
        (lambda: explain("Body.\n", extra=[3]), r"extra \(an item\) must be a path .*not 3"),
        (lambda: Cleaner().explain("Body.\n", url=1.5), "url must be a string or None, not 1.5"),
    ],
)
def test_a_public_parameter_of_the_wrong_type_is_named_at_the_call(call: object, message: str) -> None:
    """A wrong type ended in Python's own error from deep inside ('NoneType' object is not iterable, 'int' object
    has no attribute 'strip'): it is a TypeError naming the parameter, what it got and what it takes."""
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


def test_bytes_that_lost_some_or_were_read_line_by_line_say_so_in_the_warnings() -> None:
    """The command line warned 'decoded as utf-8 (4 invalid bytes replaced)'; the library said nothing."""
    body = "Der Bürgermeister sagte, dass die Straße gesperrt wird. Größere Umleitungen sind geplant.\n"
    lost = explain(b"Share\n\n" + body.encode() + b"Caf\xe9 \xed\xa0\x80\n")
    assert lost.warnings == ("decoded as utf-8 (4 invalid bytes replaced)",)
    latin = "Un café au lait coûte trop cher à Paris, où l'été est chaud.\n"
    mixed = explain(body.encode() + latin.encode("latin-1") + body.encode())
    assert len(mixed.warnings) == 1
    assert mixed.warnings[0].startswith("decoded as utf-8 (line 2")
    assert mixed.warnings[0].endswith("read as cp1252)")
    page = "<html><head><meta charset='utf-8'></head><body><p>" + body.strip() + " Café</p></body></html>"
    html = explain(page.encode().replace("é".encode(), b"\xe9"))
    assert html.warnings == ("decoded as utf-8 (1 invalid byte replaced)",)
    assert explain(body.encode()).warnings == ()
    assert explain(body).warnings == ()
