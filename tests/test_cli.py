from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from declutter.cli import app

from .conftest import ROOT, write_wcxb

runner = CliRunner()
TEXT = "Skip to main content\n\nThe council approved the budget on Monday.\n\nShare\n"


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "declutter", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_clean_stdin_to_stdout() -> None:
    result = runner.invoke(app, ["clean", "-"], input=TEXT)
    assert result.exit_code == 0
    assert result.stdout == "The council approved the budget on Monday.\n"


def test_clean_json_carries_rule_ids(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    assert [r["rule"] for r in data["removed"]] == ["NAV001", "SHR001"]
    assert data["removed"][0]["line"] == 1


def test_clean_directory_mirrors_the_tree(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Share\n\nText.\n", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "sub" / "a.txt").read_text(encoding="utf-8").startswith("The council")
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "Text.\n"


def test_output_never_overwrites_the_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == TEXT


def test_explain_names_rules_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(path)])
    assert "NAV001" in result.stdout
    assert "skip-link" in result.stdout
    assert "2 removals" in result.stdout


def test_rules_list_show_check() -> None:
    assert "SHR001" in runner.invoke(app, ["rules", "list"]).stdout
    assert "share-label" in runner.invoke(app, ["rules", "show", "SHR001"]).stdout
    assert "all pass" in runner.invoke(app, ["rules", "check"]).stdout


def test_rules_show_suggests_the_closest_id_or_name() -> None:
    assert "did you mean 'SHR001'?" in cli("rules", "show", "shr01").stderr
    assert "did you mean 'share-label'?" in cli("rules", "show", "share-lable").stderr


def test_rules_check_fails_naming_file_and_rule(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        """
file = { prefix = "TST" }
[[rule]]
id = "TST001"
name = "lone-share"
kind = "line"
category = "share"
description = "A share label."
patterns = ['Share']
[rule.examples]
residue = ["Share", "Tweet"]
article = ["Share prices fell."]
""",
        encoding="utf-8",
    )
    result = cli("rules", "check", str(bad))
    assert result.returncode == 1
    assert "bad.toml:3: TST001: does not remove its residue example 'Tweet'" in result.stderr
    assert "1 problem in 1 rule\n" in result.stderr


def test_errors_are_messages_not_tracebacks(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = cli("clean", str(binary))
    assert result.returncode == 1
    assert "looks like a binary file" in result.stderr
    assert "Traceback" not in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]\n", encoding="utf-8")
    result = cli("clean", "-", "--rules", str(bad), stdin="x")
    assert result.returncode == 1
    assert "bad.toml:1: TOML syntax error" in result.stderr
    assert cli("clean").returncode == 2


def test_a_file_in_place_of_a_command_is_told_the_clean_command(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>The council approved the budget.</p>", encoding="utf-8")
    result = cli(str(page))
    assert result.returncode == 2
    assert f"to clean it: declutter clean {page}" in result.stderr
    assert cli("rules", "list").returncode == 0  # a command is still a command
    assert "COMMAND [ARGS]" in cli().stderr  # no argument: the help, as before


def test_score_check_and_junit(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    result = runner.invoke(app, ["score", str(ROOT / "samples"), "--check", "--junit", str(junit)])
    assert result.exit_code == 0, result.output
    assert junit.read_text(encoding="utf-8").startswith("<?xml")


def test_label_writes_a_reviewable_sample(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["label", str(path)])
    assert result.exit_code == 0
    sample = (tmp_path / "a.sample").read_text(encoding="utf-8")
    assert "navigation  | Skip to main content" in sample
    assert "body        | The council" in sample
    assert runner.invoke(app, ["label", str(path)]).exit_code != 0, "never overwrites without --force"


def test_version() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("declutter ")


def test_score_gold_json_output(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"a": {"articleBody": "one two three four five"}, "b": {"articleBody": "six"}}))
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps({"a": {"articleBody": "one two three four five"}, "b": {"articleBody": ""}}))
    result = runner.invoke(app, ["score", "--gold", str(gold), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [given] = data["results"]
    assert (given["name"], given["documents"], given["recall"]) == ("as given", 2, 0.5)


def test_score_wcxb_cleans_the_pages_and_prints_json(tmp_path: Path) -> None:
    write_wcxb(tmp_path)
    result = runner.invoke(app, ["score", "--gold", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    [run] = json.loads(result.stdout)["results"]
    assert run["name"] == "declutter"
    assert run["overall"]["pages"] == 3
    assert set(run["types"]) == {"article", "collection"}
    assert run["skipped"] == ["0004"]
    assert run["pages"][0]["with_found"] == 1, "the page's 'red kettle' is in declutter's output"
    table = runner.invoke(app, ["score", "--gold", str(tmp_path / "dev"), "--types", "article"])
    assert table.exit_code == 0, table.output
    assert "article" in table.stdout
    assert "collection" not in table.stdout
    assert "skipped 1 pages without main_content: 0004" in table.stdout


def test_score_wcxb_scores_a_directory_of_predictions(tmp_path: Path) -> None:
    write_wcxb(tmp_path / "bench")
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "0001.txt").write_text("The red kettle boils fast.", encoding="utf-8")
    (pred / "0002.txt").write_text("Share this\n\nBlue teapots pour slowly.\n", encoding="utf-8")
    args = ["score", "--gold", str(tmp_path / "bench"), "--pred", str(pred), "--clean", "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    given, cleaned = json.loads(result.stdout)["results"]
    assert (given["name"], cleaned["name"]) == ("as given", "cleaned")
    assert given["pages"][0]["f1"] == 1.0
    assert given["pages"][2]["f1"] == 0.0, "a page without a prediction scores as empty output"
    assert cleaned["pages"][1]["precision"] > given["pages"][1]["precision"], "cleaning drops 'Share this'"
    assert "1 pages have no prediction" in result.stderr


def test_language_option_for_clean_and_explain(tmp_path: Path) -> None:
    german = "Werbung\n\nDer Rat hat den Haushalt am Montag beschlossen.\n"
    assert runner.invoke(app, ["clean", "-"], input=german).stdout == german  # too short to detect
    cleaned = runner.invoke(app, ["clean", "-", "--language", "de"], input=german)
    assert cleaned.exit_code == 0, cleaned.output
    assert cleaned.stdout == "Der Rat hat den Haushalt am Montag beschlossen.\n"
    path = tmp_path / "a.txt"
    path.write_text(german, encoding="utf-8")
    explained = runner.invoke(app, ["explain", str(path), "--language", "de-CH"])
    assert explained.exit_code == 0, explained.output
    assert "LDE" in explained.stdout
    assert "'Werbung'" in explained.stdout


def _message(stderr: str) -> str:
    """An error panel's text as one line (the panel wraps it at the terminal's width)."""
    return " ".join(stderr.replace("│", " ").split())


def test_a_bad_language_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    for command in (["clean", "-"], ["explain", str(path)]):
        result = cli(*command, "--language", "deu", stdin=TEXT)
        assert result.returncode == 2, result.stderr
        assert "'deu' is not a language: write an ISO 639-1 code ('de')" in _message(result.stderr)
        assert "did you mean 'de'?" in _message(result.stderr)
    result = cli("clean", "-", "--language", "German", stdin=TEXT)
    assert result.returncode == 2
    assert "'German' is not a language: write an ISO 639-1 code" in _message(result.stderr)
    assert "did you mean" not in result.stderr


def test_unknown_values_are_usage_errors_naming_the_nearest() -> None:
    for args, expected in (
        (["clean", "-", "--keep", "captions"], "did you mean 'caption'"),
        (["clean", "-", "--only", "nonsense"], "--only"),
        (["clean", "-", "--ignore", "ZZZ999"], "--ignore"),
        (["clean", "-", "--input-format", "htm"], "did you mean 'html'"),
        (["clean", "-", "--format", "jsn"], "did you mean 'json'"),
        (["explain", "-", "--keep", "shares"], "did you mean 'share'"),
        (["rules", "list", "--category", "nonsense"], "--category"),
        (["rules", "list", "--category", "navigaton"], "did you mean 'navigation'"),
        (["clean", "-", "-j", "-3"], "-j"),
        (["clean", "-", "--max-bytes", "-5"], "--max-bytes"),
        (["clean", "-", "--timeout", "-1"], "--timeout"),
    ):
        result = runner.invoke(app, args, input=TEXT)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output, (args, result.output)


GOOD_RULE = """
file = {{ prefix = "{prefix}" }}
[[rule]]
id = "{prefix}001"
name = "{name}"
kind = "line"
category = "share"
description = "A share label."
patterns = ['Share this']
examples = {{ residue = ["Share this"], article = ["Share prices fell."] }}
"""


def test_rules_check_with_rules_dir_catches_bundled_collisions_and_empty_dirs(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "mine.toml").write_text(GOOD_RULE.format(prefix="TST", name="my-share"), encoding="utf-8")
    good = cli("rules", "check", "--rules", str(tmp_path / "good"))
    assert good.returncode == 0, good.stderr
    assert "1 rule (" in good.stdout
    assert "all pass" in good.stdout
    (tmp_path / "clash").mkdir()
    (tmp_path / "clash" / "x.toml").write_text(GOOD_RULE.format(prefix="SHR", name="my-share"), encoding="utf-8")
    for args in (["--rules", str(tmp_path / "clash")], [str(tmp_path / "clash")]):
        clash = cli("rules", "check", *args)
        assert clash.returncode == 1, clash.stdout
        assert "x.toml:3: SHR001: duplicate id 'SHR001'" in clash.stderr
        assert "bundled rule" in clash.stderr
    assert cli("rules", "check", "--no-bundled", "--rules", str(tmp_path / "clash")).returncode == 0
    (tmp_path / "empty").mkdir()
    empty = cli("rules", "check", "--rules", str(tmp_path / "empty"))
    assert empty.returncode == 1
    assert "no rule files" in empty.stderr
    assert cli("clean", "-", "--rules", str(tmp_path / "empty"), stdin=TEXT).returncode == 1


def test_readme_ci_snippet_does_not_hide_failures() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "declutter rules check --rules my_rules/" in readme
    assert "|| true" not in readme


EXPLAIN_PAGE = (
    "<html><head><title>Budget passes</title><script>var x = 1;</script></head><body>"
    "<nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
    "<div class='ad-slot'></div><div class='share-bar'><ul><li>Facebook</li><li>Twitter</li></ul></div>"
    "<article><h1>Budget passes</h1><p>The council approved the budget on Monday, after a long debate about "
    "roads, schools and parks in every ward.</p><p>Share</p><p>The mayor said the vote was close but fair, and "
    "that work on the roads would start in the spring.</p></article></body></html>"
)


def test_explain_on_html_tells_the_json_story(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(EXPLAIN_PAGE, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["clean", str(page), "--format", "json"]).stdout)
    elements, removals = len(data["elements_removed"]), len(data["removed"])
    assert elements >= 3
    assert removals == 1
    out = runner.invoke(app, ["explain", str(page)]).stdout
    assert f"{elements} elements removed from the page" in out
    assert "1 removal," in out
    assert "1 removals" not in out
    assert "'Home News Sport'" in out or "'Facebook Twitter'" in out  # words are not run together
    import re

    grouped = [re.search(r"(\d+) elements without text", line) for line in out.splitlines()]
    shown = sum(int(m.group(1)) for m in grouped if m)
    shown += sum(1 for line in out.splitlines() if line.startswith("  dom remove") and "elements without" not in line)
    assert shown == elements  # one JSON entry, one line (or counted in a group's line)
    assert "scripts, styles, hidden or empty" not in out


def test_messages_name_things_once_and_in_one_unit(tmp_path: Path) -> None:
    empty = cli("clean", "-", stdin="")
    assert empty.returncode == 1
    assert "-: <stdin>" not in empty.stderr
    assert "error: <stdin>: standard input is empty" in empty.stderr
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000, encoding="utf-8")
    over = cli("clean", str(big), "--max-bytes", str(1024 * 1024))
    assert "1.4 MiB, over the 1 MiB limit" in over.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(64 MiB)" in readme
    assert "(64 MB)" not in readme
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    labelled = runner.invoke(app, ["label", str(path)])
    assert "samples/README.md" not in labelled.stdout
    assert "declutter label --help" in labelled.stdout
    assert "body" in runner.invoke(app, ["label", "--help"]).stdout


def test_report_and_label_never_write_over_their_input(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(TEXT, encoding="utf-8")
    report = cli("report", str(page), "-o", str(page))
    assert report.returncode == 2
    assert "is an input" in report.stderr
    label = cli("label", str(page), "-o", str(page), "--force")
    assert label.returncode == 2
    assert "is the input" in label.stderr
    assert page.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("command", ["report", "label"])
def test_report_and_label_try_their_output_before_any_work(tmp_path: Path, command: str) -> None:
    """An -o that cannot be written (a read-only folder or file system; /proc here, as root writes anywhere else)
    failed at the write, after every document was cleaned: it is a usage error before the first one is read."""
    missing = tmp_path / "missing.txt"  # read first, it would be named as unreadable
    result = cli(command, str(missing), "-o", "/proc/declutter-out/x.html")
    assert result.returncode == 2, result.stderr
    assert "/proc/declutter-out/x.html cannot be written" in result.stderr
    assert "name a file in a folder you can write to" in result.stderr
    assert "missing.txt" not in result.stderr


def test_report_goes_on_past_a_document_it_cannot_read(tmp_path: Path) -> None:
    """One binary or undecodable file in a crawl is named and left out, as in a clean batch; the rest is shown."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "report.html"
    result = cli("report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "b.txt: looks like a binary file" in result.stderr
    assert "1 document could not be read" in result.stdout
    assert "NAV001" in out.read_text(encoding="utf-8")
    assert cli("report", str(tmp_path / "b.txt"), "-o", str(out)).returncode == 1  # nothing to show


def test_a_write_that_fails_names_the_file_asked_for(tmp_path: Path) -> None:
    """Not the temporary file beside it, which the user never named (the output is tried before any work)."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "a.sample"
    result = cli("label", str(tmp_path / "a.txt"), "-o", str(target))
    assert result.returncode == 2
    assert f"{target} cannot be written" in result.stderr
    assert ".tmp" not in result.stderr
    rows = tmp_path / "in.jsonl"
    rows.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    result = cli("clean", "--jsonl", str(rows), "-o", str(tmp_path / "file" / "out.jsonl"))
    assert result.returncode == 2
    assert f"{tmp_path / 'file' / 'out.jsonl'} cannot be written" in result.stderr
    assert ".tmp" not in result.stderr


@pytest.mark.parametrize(
    "args", [["clean", "big.txt"], ["clean", "many", "--format", "json"], ["explain", "big.txt", "--text"]]
)
def test_a_closed_pipe_exits_quietly(tmp_path: Path, args: list[str]) -> None:
    """``declutter clean big.txt | head -1``: exit 141 as a Unix tool killed by SIGPIPE, nothing on stderr (click
    exited 1; a large single write was cut short without an error and exited 0)."""
    paragraph = "The council approved the budget on Monday after a long debate about the roads.\n\n"
    (tmp_path / "big.txt").write_text("Share\n\n" + paragraph * 4000, encoding="utf-8")
    (tmp_path / "many").mkdir()
    for number in range(40):
        (tmp_path / "many" / f"{number}.txt").write_text(paragraph * 200, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "declutter", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader goes, as head does after its line
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 141, stderr
    assert stderr == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["clean", "-", "--url", "notaurl"], "e.g. https://example.com/news/story"),
        (["clean", "-", "--url", "example.com/news/a"], "write https://example.com/news/a (or --domain example.com"),
        (["explain", "-", "--url", "file:///etc/page.html"], "'--url'"),
        (["clean", "-", "--url", "https://exa mple.com/a"], "'--url'"),
        (["clean", "-", "--domain", "notadomain"], "e.g. theglobeandmail.com"),
        (["clean", "-", "--domain", "a b.com"], "'--domain'"),
        (["clean", "x.txt", "--in-place", "--backup", ""], "e.g. .orig"),
        (["clean", "x.txt", "--in-place", "--backup", "old/"], "'--backup'"),
        (["clean", "--jsonl", "-", "--field", ""], "--field text"),
        (["clean", "--jsonl", "-", "--url-field", " "], "'--url-field'"),
        (["score", "--format", "jsno"], "did you mean 'json'"),
    ],
)
def test_values_that_name_nothing_are_usage_errors(args: list[str], expected: str) -> None:
    """A URL without a scheme and host named no site (its rules did not run), an empty --backup took no backup:
    each was accepted without a word."""
    result = runner.invoke(app, args, input=TEXT)
    assert result.exit_code == 2, result.output
    assert expected in result.output


def test_urls_and_domains_as_sites_name_them_are_taken() -> None:
    for option, value in (
        ("--url", "https://www.theglobeandmail.com/politics/article-x/"),
        ("--url", "http://localhost:8000/page"),
        ("--url", "https://münchen.de/rathaus"),
        ("--url", "https://192.168.0.1/a"),
        ("--url", "http://wiki/Main_Page"),
        ("--url", "http://[::1]:8000/a"),
        ("--domain", "theglobeandmail.com"),
        ("--domain", "https://www.theglobeandmail.com/a"),
        ("--domain", "WWW.Example.COM."),
    ):
        result = runner.invoke(app, ["clean", "-", option, value], input=TEXT)
        assert result.exit_code == 0, (option, value, result.output)


def test_a_classic_mac_text_is_cleaned_line_by_line(tmp_path: Path) -> None:
    """CR-only line ends: cleaned as lines (they were one line, only warned about), in every command."""
    path = tmp_path / "mac.txt"
    path.write_bytes(TEXT.replace("\n", "\r").encode())
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"The council approved the budget on Monday.\r"
    assert result.stderr == ""
    result = runner.invoke(app, ["explain", str(path), "--text"])
    assert "5 lines, 2 removals" in result.stdout
    assert "  The council approved the budget on Monday." in result.stdout
    assert "- Share" in result.stdout
    result = runner.invoke(app, ["label", str(path), "-o", str(tmp_path / "mac.sample")])
    assert result.exit_code == 0, result.output
    sample = (tmp_path / "mac.sample").read_text(encoding="utf-8")
    assert "navigation  | Skip to main content\n" in sample


def test_a_text_mixing_line_ends_is_counted_and_cleaned_line_by_line(tmp_path: Path) -> None:
    """A CR alone among line feeds ends a line too: explain counts it, and clean keeps each line's own end."""
    path = tmp_path / "mixed.txt"
    path.write_bytes(TEXT.replace("\n", "\r", 2).encode())  # 'Skip to main content\r\rThe council …\n\nShare\n'
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"The council approved the budget on Monday.\n"
    result = runner.invoke(app, ["explain", str(path)])
    assert "5 lines, 2 removals" in result.stdout


def test_a_closed_standard_output_is_an_error_not_a_crash_or_silence(tmp_path: Path) -> None:
    """Started with ``>&-``: a command that prints fails naming standard output; one writing files runs."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")

    def closed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "declutter", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            preexec_fn=lambda: os.close(1),
        )

    for args in (["clean", "in/a.txt"], ["rules", "list"], ["explain", "in/a.txt"]):
        result = closed(*args)
        assert result.returncode == 1, args
        assert "<stdout>: standard output is closed" in result.stderr, args
        assert "internal error" not in result.stderr, args
    result = closed("clean", "in", "-o", "out", "-q")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").exists()


def test_a_file_named_like_an_option_is_named_with_the_way_to_pass_it(tmp_path: Path) -> None:
    """click said 'No such option: -x' for a file named '-x.txt', which reads as a typo in an option."""
    (tmp_path / "-x.txt").write_text(TEXT, encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "declutter", *args], capture_output=True, text=True, cwd=tmp_path, check=False
        )

    for command in (["clean"], ["explain"], ["report"], ["rules", "check"]):
        result = run(*command, "-x.txt")
        message = " ".join(result.stderr.split())
        assert result.returncode == 2
        assert "No such option: -x; '-x.txt' is a file named like an option: put -- before the files" in message
        assert f"declutter {' '.join(command)} -- -x.txt) or write it as ./-x.txt" in message
    assert run("clean", "--", "-x.txt").stdout == "The council approved the budget on Monday.\n"
    alone = run("-x.txt")
    assert (alone.returncode, alone.stderr.strip()) == (
        2,
        "error: '-x.txt' is not a command; to clean it: declutter clean -- -x.txt",
    )
    (tmp_path / "-q.txt").write_text(TEXT, encoding="utf-8")  # '-q' is an option: click stops at '-.'
    assert "No such option: -.; '-q.txt' is a file" in " ".join(run("clean", "-q.txt").stderr.split())
    assert run("clean", "-y.txt").stderr.endswith("No such option: -y\n")  # no such file: as before
    assert "is a file" not in run("rules", "show", "-x.txt").stderr  # a rule id, not a file
    # an option the command lacks, after a file holding its letter: 'story.txt' was said to be named like '-o'
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    wrong = run("explain", "story.txt", "-o", "out.txt")
    assert wrong.returncode == 2
    assert wrong.stderr.endswith("No such option: -o\n"), wrong.stderr


def test_a_text_mixing_utf8_and_latin1_lines_is_kept_with_a_warning_naming_the_lines(tmp_path: Path) -> None:
    utf8 = "Der Bürgermeister sagte am Montag, die Straße werde gesperrt.\n"
    latin = "Un café au lait coûte trop cher à Paris, où l'été est chaud.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8.encode() + latin.encode("latin-1"))
    result = cli("clean", str(path))
    assert result.stdout == utf8 + latin
    first = len(utf8.encode()) + 1
    assert (
        f"warning: {path}: decoded as utf-8 (line 2, bytes {first}-{first + len(latin) - 2}, is not UTF-8: read as "
        "cp1252)" in result.stderr
    )


@pytest.mark.parametrize(("value", "message"), [("nan", "nan is not a number"), ("-inf", "-inf is not above 0")])
def test_a_time_limit_that_is_no_number_is_a_usage_error(tmp_path: Path, value: str, message: str) -> None:
    """'--timeout nan' passed the check (nan compares false with 0) and failed every document."""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("clean", str(path), "--timeout", value)
    assert result.returncode == 2
    assert f"{message} (leave --timeout out for no limit)" in result.stderr
    assert cli("clean", str(path), "--timeout", "inf").stdout == "The council approved the budget on Monday.\n"


def test_label_of_an_html_page_labels_the_lines_its_decisions_count(tmp_path: Path) -> None:
    """The decisions count the lines the DOM stage extracted; the sample was the page's markup (one 'body' line of
    HTML, or each label on another line's text)."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Budget</title></head><body><nav>Home News</nav><article><h1>Budget passes</h1><p>The "
        "council approved the budget on Monday, after a long debate.</p><p>Share</p></article></body></html>",
        encoding="utf-8",
    )
    result = cli("label", str(page))
    assert result.returncode == 0, result.stderr
    assert "note: an HTML page; the sample holds the 5 lines of text extracted from it" in result.stderr
    lines = [line for line in (tmp_path / "page.sample").read_text(encoding="utf-8").splitlines() if "|" in line]
    assert [line.split("|")[0].strip() for line in lines if line.split("|")[1].strip()] == ["body", "body", "share"]
    assert "<" not in "".join(lines)
    stdin = cli("label", "-", "-o", str(tmp_path / "in.sample"), stdin=TEXT)
    assert stdin.returncode == 0, stdin.stderr
    assert "# source: standard input, pre-labelled" in (tmp_path / "in.sample").read_text(encoding="utf-8")
    assert cli("label", "-", stdin=TEXT).returncode == 2  # a sample of standard input needs -o


def test_an_empty_gold_file_is_named(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text("{}", encoding="utf-8")
    result = cli("score", "--gold", str(gold), "--pred", str(gold))
    assert f"{gold}: the gold file has no documents" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clean", "-", "--no-bundled"], "--no-bundled needs at least one --rules path"),
        (["clean", "-", "-", "--in-place"], "--in-place cannot rewrite standard input"),
        (["clean", "README.md", "pyproject.toml"], "2 inputs and no output directory"),
        (["score", "--gold", "pyproject.toml"], "gold-text mode needs exactly one of --pred or --inputs"),
    ],
)
def test_options_that_do_not_fit_together_are_usage_errors(args: list[str], message: str) -> None:
    """They exited 1, as a document that failed does: CI could not tell a wrong command line from a bad input."""
    result = cli(*args, stdin=TEXT)
    assert result.returncode == 2, result.stderr
    assert message in " ".join(result.stderr.split())


def test_max_bytes_takes_a_unit(tmp_path: Path) -> None:
    """'--max-bytes 64M' was 'not a valid integer'; a bad unit is a usage error saying what the option takes."""
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000, encoding="utf-8")
    for limit in ("1M", "1MiB", "1024k"):
        result = runner.invoke(app, ["clean", str(big), "--max-bytes", limit])
        assert result.exit_code == 1, (limit, result.output)
        assert "1.4 MiB, over the 1 MiB limit" in result.output
    assert runner.invoke(app, ["clean", str(big), "--max-bytes", "2M"]).exit_code == 0
    bad = runner.invoke(app, ["explain", str(big), "--max-bytes", "64X"])
    assert bad.exit_code == 2
    assert "'64X' is not a size: give bytes or a number with a unit, k, M, G or T" in bad.output
    assert "Value error" not in bad.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pred", "preds"], "--pred goes with --gold"),
        (["--types", "article"], "--types goes with --gold"),
        (["--limit", "3"], "--limit goes with --gold"),
        (["--allow-regression"], "--allow-regression goes with --update"),
        (["--update", "--check"], "--update pins new floors and --check checks the pinned ones: pass one"),
        (["--errors", "-1"], "-1 is below 0"),
        (["--gold", "gold.json", "--pred", "p.json", "--check"], "--check is for scoring samples"),
        (["--gold", "gold.json", "--pred", "p.json", "--junit", "j.xml"], "--junit is for scoring samples"),
        (["--gold", "gold.json", "--inputs", "in", "--clean"], "--clean goes with --pred"),
    ],
)
def test_score_refuses_options_it_would_ignore(args: list[str], message: str) -> None:
    """Each was ignored: without --gold the samples were scored as if --pred or --limit were not there, and with
    --gold a --check ran no gate and exited 0."""
    result = runner.invoke(app, ["score", str(ROOT / "samples"), *args] if "--gold" not in args else ["score", *args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())


def test_score_checks_its_report_files_before_scoring(tmp_path: Path) -> None:
    """A --report or --junit naming a directory, or a sample being scored, failed (or overwrote the sample) after
    all samples were scored."""
    sample = tmp_path / "a.sample"
    sample.write_text((ROOT / "samples" / "dev" / "sh-961bd85c-inscriptis.sample").read_text(encoding="utf-8"))
    kept = sample.read_text(encoding="utf-8")
    for option, target, message in [
        ("--report", tmp_path, "is a directory; --report names the file to write"),
        ("--junit", tmp_path, "is a directory; --junit names the file to write"),
        ("--junit", sample, "is a sample: the report would overwrite it"),
    ]:
        result = runner.invoke(app, ["score", str(tmp_path), option, str(target)])
        assert result.exit_code == 2, result.output
        assert message in " ".join(result.output.split())
    assert sample.read_text(encoding="utf-8") == kept
    result = runner.invoke(app, ["score", str(tmp_path), "--baseline", str(tmp_path)])
    assert result.exit_code == 2
    assert "--baseline names the JSON file" in " ".join(result.output.split())


@pytest.mark.parametrize("command", ["report", "label"])
def test_an_output_file_that_is_a_directory_is_a_usage_error(tmp_path: Path, command: str) -> None:
    """report -o DIR failed with exit 1 after cleaning every document; label -o DIR said 'sample already exists
    (pass --force to overwrite it)', and --force could not."""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    for extra in ([], ["--force"]) if command == "label" else ([],):
        result = runner.invoke(app, [command, str(path), "-o", str(folder), *extra])
        assert result.exit_code == 2, result.output
        assert "is a directory; -o names the file to write" in " ".join(result.output.split())


def test_report_names_the_entries_of_a_folder_it_skips(tmp_path: Path) -> None:
    """clean named a broken symlink or a pipe it skipped under a folder; report left it out without a word."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = runner.invoke(app, ["report", str(folder), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "skipped 1 entry that is not a regular file (broken symlinks, pipes, devices)" in result.stderr
    assert str(folder / "gone.txt") in result.stderr
