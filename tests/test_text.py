import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter.text import (
    _CODE_END,
    _CODE_START,
    CACHED_LINE,
    _ends_like_sentence,
    ends_like_sentence,
    holds_code,
    is_code_shaped,
    is_prose,
    normalize,
    sentence_count,
    starts_with_bullet,
    strip_bullet,
    text_size,
    word_count,
    words,
)

# Text that mixes ASCII with the characters the fast paths must notice: odd spaces, invisible marks,
# controls, curly quotes, combining marks and other scripts.
_TRICKY = st.text(
    st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from("\u00a0\u2009\u3000\u200b\u00ad\ufeff\x1c\x85\t’“é\u0301हिंдля中"),
    ),
    max_size=40,
)


def test_normalize_collapses_every_kind_of_space() -> None:
    assert normalize("\u00a0 Share\u2009this\u200b\tstory \u3000") == "Share this story"


def test_words_keep_inner_apostrophes_and_dots() -> None:
    assert word_count("U.S. officials didn’t say") == 4


def test_sentence_endings_inside_quotes_and_not_ellipses() -> None:
    assert ends_like_sentence("He said: “It is over.”")
    assert ends_like_sentence("Really?")
    assert not ends_like_sentence("Read more...")
    assert not ends_like_sentence("Breaking News")


def test_a_sentence_ends_inside_the_quotes_of_every_language() -> None:
    # German „…“ closes on “ (and ‚…‘ on ‘), German »…« on «, French and Swiss « … » after a no-break space;
    # English read only ” and », so a German or French paragraph ending on a quote was no prose.
    assert ends_like_sentence("Die Bürgermeisterin sagte: „Das ist ein guter Tag für alle Radfahrer.“")
    assert ends_like_sentence("Sie fragte: ‚Warum nicht?‘")
    assert ends_like_sentence("Er sagte: »Wir werden es schaffen.«")
    assert ends_like_sentence(normalize("La maire a déclaré\u00a0: «\u00a0C'est une bonne journée.\u00a0»"))
    assert ends_like_sentence("Un habitant a demandé : « Vraiment ? » 3")
    assert not ends_like_sentence("Lire la suite »")
    assert not ends_like_sentence("Weiterlesen... »")
    assert not ends_like_sentence("Mehr lesen „")


def test_sentences_are_counted_across_the_quotes_of_every_language() -> None:
    assert sentence_count("Er sagte: „Gut.“ Dann ging er. „Nein“, rief sie.") == 3
    assert sentence_count("Il a dit : « Non. » Puis il est parti.") == 2
    assert sentence_count("Er rief: »Halt!« Dann war es still.") == 2


def test_a_post_with_its_vote_count_glued_on_still_ends_like_a_sentence() -> None:
    assert ends_like_sentence("Neither of us have anything to gain here. It's time to let it go. 0")
    assert ends_like_sentence("I agree with every word of this. 12")
    assert not ends_like_sentence("Read more... 3")
    assert not ends_like_sentence("Top stories 12")
    assert not ends_like_sentence("Season 2. 2024")


def test_ends_like_sentence_keeps_no_long_line() -> None:
    _ends_like_sentence.cache_clear()
    long_line = "word " * CACHED_LINE + "end."
    assert ends_like_sentence(long_line)
    assert ends_like_sentence("A short one.")
    assert _ends_like_sentence.cache_info().currsize == 1, "a text without line breaks is answered, not kept"


def test_prose_needs_words_and_an_ending() -> None:
    assert is_prose("The council voted on Monday to approve the budget for the coming fiscal year.")
    assert not is_prose("The council voted.")
    assert not is_prose("Average selling price up 12 per cent with sales numbers not seen since boom of 2017")


def test_bullets_are_stripped_but_not_minus_signs() -> None:
    assert strip_bullet("* + Home") == "Home"
    assert strip_bullet("-5 degrees overnight") == "-5 degrees overnight"


def test_sentence_count() -> None:
    assert sentence_count("") == 0
    assert sentence_count("One. Two? Three!") == 3


def test_normal_text_is_not_copied() -> None:
    line = "The council approved the budget on Monday."
    assert normalize(line) is line, "a large document's lines are not held twice"
    assert normalize(" Share  this ") == "Share this"


@given(_TRICKY)
def test_normalize_fast_path_equals_the_general_one(text: str) -> None:
    general = regex.sub(
        r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+",
        " ",
        regex.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text),
    )
    assert normalize(text) == general.strip()


@given(_TRICKY)
def test_word_count_counts_words_on_either_engine(text: str) -> None:
    assert word_count(text) == len(words(text))


_LINE_STARTS = st.text(st.sampled_from(" \t\u3000\u00a0\x1c*•-–+a1|:"), max_size=8)


@given(_LINE_STARTS)
def test_a_bullet_is_told_by_the_regex_alone_whatever_the_screen_before_it(text: str) -> None:
    expected = regex.match(r"\s*[*•·+▪►◦‣○●■□–-]\s+\S", text) is not None
    assert starts_with_bullet(text) == expected


CODE_PIECES = st.sampled_from(
    [
        "x",
        "Total",
        "print(",
        "run",
        "()",
        "(",
        ")",
        " ",
        "\u00a0",
        ":",
        "=",
        "->",
        "{",
        ";",
        ".",
        "...",
        ">>>",
        "$ ",
        "#include",
        "@app(",
        "</div>",
        "if",
        "else:",
        "for x in y:",
        "é",
        "Ü",
        "1",
        "_",
        "'",
        '"',
        "[",
        "]",
        "-",
        "!",
    ]
)


@given(st.one_of(st.lists(CODE_PIECES, min_size=1, max_size=8).map("".join), _TRICKY))
def test_the_code_screen_answers_as_the_pattern(raw: str) -> None:
    """``is_code_shaped`` skips the regex for lines it cannot match (a capital first, no ')' or ':' last, no '='
    or '->'): its answer is the pattern's all the same."""
    end = raw.rstrip()[-1:]
    expected = (end != "" and end in _CODE_END) or _CODE_START.match(raw) is not None
    assert is_code_shaped(raw) == expected


def test_holds_code_reads_code_printed_on_one_line_not_headlines() -> None:
    """A code block a converter prints on one line keeps its marks inside; headlines and labels carry none."""
    code = (
        "set TWILIO_ACCOUNT_SID = your_account_sid_here",
        "dtparam=eth_led0=4 dtparam=eth_led1=4",
        "let result; for (const f of fs) { result = await f(result); }",
        "fn try_from (value: U) -> Result <T, E>",
        "$ npm run ch04",
    )
    text = (
        "Why the bridge closed again",
        "Read more ->",
        "{{ DiscussionBoard.errors[11797055].message }}",
        "Price: $20; free shipping",
        "What's new in Node.js 22?",
        "https://github.com/raspberrypi/firmware",
    )
    assert all(holds_code(line) for line in code)
    assert not any(holds_code(line) for line in text)


_ANY_WITH_ASCII = st.text(
    st.one_of(st.characters(max_codepoint=0x7F), st.characters(), st.sampled_from("’'.-_²\u0301\u200dß")),
    max_size=40,
)


@given(_ANY_WITH_ASCII)
def test_word_count_and_text_size_read_as_the_regexes_do_whatever_the_characters(text: str) -> None:
    # word_count counts marks of the text's ASCII view, text_size screens it: both must agree with the patterns.
    assert word_count(text) == len(regex.findall(r"\w+(?:['’.-]\w+)*", text))
    compounds = len(regex.findall(r"(?<!\p{L})\p{L}\p{Ll}{12,}(?!\p{L})", text))
    assert text_size(text, 3) == 3 + compounds
    assert text_size(text + "Wettbewerbsbedenken", 0) == len(
        regex.findall(r"(?<!\p{L})\p{L}\p{Ll}{12,}(?!\p{L})", text + "Wettbewerbsbedenken")
    )
