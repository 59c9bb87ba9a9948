from __future__ import annotations

import time

import pytest

from declutter import Job, batch, clean_many, clean_partition
from declutter.batch import Selection, run_job

DOCS = [f"Share\n\nParagraph number {n} of the article, which the council approved on Monday.\n" for n in range(40)]


def test_order_is_kept_with_worker_processes() -> None:
    jobs = [Job(str(n), text) for n, text in enumerate(DOCS)]
    outcomes = list(clean_many(jobs, jobs_count=2, window=2))
    assert [o.key for o in outcomes] == [str(n) for n in range(40)]
    assert all(o.text == text.split("\n\n", 1)[1] for o, text in zip(outcomes, DOCS, strict=True))


def test_errors_become_outcomes_and_do_not_stop_the_batch() -> None:
    jobs = [Job("a", "Share\n\nText.\n"), Job("b", "", error="b: unreadable"), Job("c", "Text.\n")]
    outcomes = list(clean_many(jobs))
    assert [(o.key, o.ok) for o in outcomes] == [("a", True), ("b", False), ("c", True)]
    assert outcomes[1].error == "b: unreadable"


def test_rule_selection_reaches_the_workers() -> None:
    outcomes = list(clean_many([Job("a", "Share\n\nText.\n")], jobs_count=2, selection=Selection(keep=("share",))))
    assert outcomes[0].text == "Share\n\nText.\n"


class SlowCleaner:
    def explain(self, text: str, **_: object) -> object:
        time.sleep(2)
        raise AssertionError("the time limit should have stopped this")


def test_per_document_time_limit_in_the_library() -> None:
    outcome = run_job(Job("slow", "x"), SlowCleaner(), timeout=0.2)  # type: ignore[arg-type]
    assert not outcome.ok
    assert "time limit" in (outcome.error or "")
    assert outcome.seconds < 1.5


def test_clean_partition_is_what_a_distributed_engine_maps() -> None:
    assert clean_partition(["Share\n\nText.\n", "Sign up here\n"]) == ["Text.\n", ""]


def test_a_jobs_language_reaches_the_workers() -> None:
    german = "Werbung\n\nDer Rat hat den Haushalt am Montag beschlossen.\n"
    jobs = [Job("de", german, language="de"), Job("unknown", german), Job("bad", german, language="German")]
    outcomes = list(clean_many(jobs, jobs_count=2))
    assert outcomes[0].text == "Der Rat hat den Haushalt am Montag beschlossen.\n"
    assert outcomes[1].text == german  # too short to detect: German rules stay off
    assert not outcomes[2].ok
    assert "ISO 639-1" in (outcomes[2].error or "")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"jobs_count": -1}, "jobs_count=-1 is below 0"),
        ({"timeout": 0}, "timeout=0 is not above 0"),
        ({"timeout": -2.5}, "timeout=-2.5 is not above 0"),
        ({"timeout": float("nan")}, "timeout=nan is not a number"),
        ({"window": 0}, "window=0 is below 1"),
    ],
)
def test_clean_many_refuses_what_the_command_line_refuses_when_called(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        clean_many([Job("a", "The council met.\n")], **arguments)  # no outcome asked for yet


def test_clean_many_with_jobs_count_0_uses_every_core_as_the_command_line_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []

    def two_cores() -> int:
        asked.append(2)
        return 2

    monkeypatch.setattr(batch, "default_jobs", two_cores)
    jobs = [Job(str(n), f"Share\n\nThe council met on day {n}.\n") for n in range(3)]
    assert [o.text for o in clean_many(jobs, jobs_count=0)] == [f"The council met on day {n}.\n" for n in range(3)]
    assert asked == [2], "0 asks for the cores, as -j 0 does, instead of running in this process"


@pytest.mark.parametrize("timeout", [float("inf"), 1e300])
def test_a_time_limit_beyond_the_timer_is_no_limit_not_a_crash(timeout: float) -> None:
    """A timer signal overflows past about 31 years ('timestamp out of range for platform time_t'): the document,
    and with it the batch, stopped on an OverflowError."""
    cleaner = Selection().cleaner()
    outcome = run_job(Job("a", "Share\n\nThe council met.\n"), cleaner, timeout=timeout)
    assert (outcome.text, outcome.error) == ("The council met.\n", None)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: clean_many(Job("k", "Body.\n")), "jobs must be an iterable of Job, not Job"),  # type: ignore[arg-type]
        (lambda: list(clean_many(["Body.\n"])), r"each of jobs must be a Job \(Job\(key, text\)\), not str"),  # type: ignore[list-item]
        (lambda: clean_many([], jobs_count="2"), "jobs_count must be an int, not str"),  # type: ignore[arg-type]
        (lambda: clean_many([], timeout="30"), "timeout must be a number of seconds or None, not str"),  # type: ignore[arg-type]
        (lambda: clean_many([], window=None), "window must be an int, not None"),  # type: ignore[arg-type]
        (lambda: clean_many([], selection="caption"), "selection must be a Selection or None, not str"),  # type: ignore[arg-type]
        (lambda: clean_partition(5), "texts must be an iterable of str, not 5"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_named_at_the_call(call: object, message: str) -> None:
    """These failed inside ("'<' not supported between 'str' and 'int'", "'str' object has no attribute 'error'")."""
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Job("a", 5), TypeError, r"Job text must be a str \(or bytes\), not 5"),
        (lambda: Job(1, "x"), TypeError, "Job key must be a str, not 1"),
        (lambda: Job("a", "x", url=5), TypeError, "Job url must be a str or None, not 5"),
        (lambda: Job("a", "x", input_format="htm"), ValueError, "Job input_format 'htm' .*did you mean 'html'"),
        (lambda: Job("a", "x", render="md"), ValueError, "Job render 'md' is not one of text, markdown, html"),
        (lambda: Selection(keep=5), TypeError, "Selection keep must be a category"),
        (lambda: Selection(rules=3), TypeError, "Selection rules must be a rule file or folder"),
        (lambda: Selection(extra=[1]), TypeError, r"Selection extra \(an item\) must be a path"),
    ],
)
def test_a_job_or_selection_a_user_builds_is_checked_where_it_is_made(
    make: object, error: type[Exception], message: str
) -> None:
    """Job("a", 5) raised TypeError inside the batch and stopped it; a bad input_format failed every document."""
    with pytest.raises(error, match=message):
        make()  # type: ignore[operator]


def test_a_selection_takes_lists_and_strings_as_explain_does() -> None:
    # a list was unhashable only when clean_partition looked its cleaner up; rules="x" was read as 'x' per character
    selection = Selection(rules="my-rules", keep="caption, share", only=["SOC"])
    assert (selection.rules, selection.keep, selection.only) == (("my-rules",), ("caption", "share"), ("SOC",))
    assert hash(Selection(keep=["caption"])) == hash(Selection(keep=("caption",)))  # type: ignore[arg-type]


def test_a_job_may_carry_bytes() -> None:
    [outcome] = clean_many([Job("a", b"Share\n\nThe council met.\n")])  # type: ignore[arg-type]
    assert (outcome.text, outcome.error) == ("The council met.\n", None)
