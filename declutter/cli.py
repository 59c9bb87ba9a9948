"""The ``declutter`` command line: a thin layer over the library.

Commands parse options, call :mod:`declutter`, print. Every
:class:`~declutter.errors.DeclutterError` is caught in :func:`main` and printed
with its location and fix; exit codes are 0 (success), 1 (a failed check, a
regression or a document that could not be cleaned) and 2 (usage error).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, TextIO, cast
from urllib.parse import urlsplit

import typer

try:  # typer 0.29 vendors its click; earlier versions use click's
    from typer._click.exceptions import NoSuchOption
except ImportError:  # pragma: no cover
    from click.exceptions import NoSuchOption  # type: ignore[assignment]

from declutter import __version__
from declutter.batch import Selection
from declutter.batchcli import FORMATS, check_writable, interrupted_by, on_interrupt, progress_bar, write_atomic
from declutter.categories import RESIDUE
from declutter.checks import check_rules, lint_breadth
from declutter.decisions import ElementDecision
from declutter.document import normalize_domain, split_lines
from declutter.errors import DeclutterError, did_you_mean
from declutter.goldscore import (
    WcxbSet,
    gold_score,
    load_bodies,
    load_wcxb,
    render_wcxb_table,
    score_wcxb,
    wcxb_json,
    wcxb_text,
)
from declutter.inputs import MAX_BYTES, Encoding, parse_size, read_document, read_source
from declutter.language import nearest_code, normalize_language
from declutter.pipeline import INPUT_FORMATS, Cleaner
from declutter.rules import Kind, default_dir
from declutter.ruleset import RuleSet, SelectionError
from declutter.samples import draft_sample, format_sample, load_samples
from declutter.scoring import (
    Report,
    check_gate,
    render_json,
    render_junit,
    render_table,
    score_samples,
    update_gate,
)
from declutter.text import comma_list, counted

CLOSED_PIPE = 141
"""The exit status when standard output's reader goes away (``declutter clean big.html | head -1``): what a shell
reports for a Unix tool killed by SIGPIPE (128 + 13). Not 0: a batch cut short did not clean everything; nothing is
printed, as ``cat`` prints nothing."""
INTERRUPTED = 130
"""The exit status after Ctrl-C (128 + SIGINT); after SIGTERM, which the batch unwinds on in the same way, it is 143
(128 + SIGTERM), so a supervisor that stopped the run tells it from a user's Ctrl-C, as the shell would for a tool
the signal killed."""


class _InterruptedError(Exception):
    """Ctrl-C or SIGTERM during a command, carried to :func:`main`: typer turns a :class:`KeyboardInterrupt` into a
    silent exit 130, and the user would not be told that the outputs written so far are complete."""


def _closed_stdout() -> DeclutterError:
    return DeclutterError(
        "standard output is closed, so the output has nowhere to go",
        path="<stdout>",
        hint="redirect it (> FILE, or > /dev/null to discard it), or write files with -o",
    )


class _ClosedStdoutBytes(io.RawIOBase):
    """The binary side of :class:`_ClosedStdout`."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data):
            raise _closed_stdout()
        return 0


class _ClosedStdout(io.TextIOBase):
    """Stands in for a standard output the process was started without (``>&-``): Python leaves ``sys.stdout``
    None there, which crashed a command that prints (an 'internal error') and let ``click.echo`` drop the
    output silently with exit 0 (``rules list``). A write of anything now fails naming it; a command that
    writes only files (``clean DIR -o OUT``) runs as before."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = _ClosedStdoutBytes()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            raise _closed_stdout()
        return 0


class _ClosedPipeError(Exception):
    """Standard output or error closed by its reader, carried to :func:`main`: click exits 1 for it."""


_FILE_COMMANDS = frozenset({"clean", "explain", "report", "label", "score", "check"})
"""The commands whose arguments are files (``rules show`` takes a rule id, ``rules list`` none)."""


def _file_not_option(error: NoSuchOption, args: Sequence[str], command: str) -> NoSuchOption:
    """click's 'No such option: -x' for a file named like an option (``-x.txt``), said as a file: the shell passes
    the name as it is, and ``--`` before it (or ``./`` in front) is how to name it. Other errors are returned as
    they are.

    >>> print(_file_not_option(NoSuchOption("-x"), ["clean", "README.md"], "declutter clean").message)
    No such option: -x
    >>> print(_file_not_option(NoSuchOption("-o"), ["explain", "README.md", "-o"], "declutter explain").message)
    No such option: -o
    """
    options = list(args)[: list(args).index("--")] if "--" in args else list(args)
    name = error.option_name  # '-x', or '-.' in '-q.txt': short options run together, '-q' being one

    def spells(arg: str) -> bool:  # only an argument starting with '-' is read as options ('story.txt' holds an 'o')
        return arg.startswith(name) or (arg.startswith("-") and not arg.startswith("--") and name[1:] in arg[1:])

    token = next((arg for arg in options if arg != "-" and spells(arg) and Path(arg).exists()), None)
    if token is None:
        return error
    return NoSuchOption(
        error.option_name,
        message=f"No such option: {error.option_name}; {token!r} is a file named like an option: put -- before "
        f"the files ({command} -- {token}) or write it as ./{token}",
        ctx=error.ctx,
    )


class _Commands(typer.core.TyperGroup):
    """The command group, letting an interrupt and a closed pipe reach :func:`main` as themselves, and naming a file
    named like an option (:func:`_file_not_option`)."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        given = list(args)  # the command's own parse drops them; kept for the message of a file named like an option
        ctx = super().make_context(info_name, args, parent=parent, **extra)
        ctx.meta["declutter.args"] = given
        return ctx

    def invoke(self, ctx: Any) -> Any:  # typer's Context: its click is vendored in typer 0.29, not before
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _InterruptedError from None
        except BrokenPipeError:
            raise _ClosedPipeError from None
        except NoSuchOption as error:
            if error.ctx is None or error.ctx.info_name not in _FILE_COMMANDS:
                raise
            raise _file_not_option(error, ctx.meta.get("declutter.args", ()), error.ctx.command_path) from None


app = typer.Typer(
    cls=_Commands,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and one-line errors: no boxes, flags shown without a value placeholder
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Remove boilerplate residue from scraped article text, and explain every removal.",
)
rules_app = typer.Typer(no_args_is_help=True, help="List, show and check rules.")
app.add_typer(rules_app, name="rules")

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", metavar="PATH", help="Extra rule file or directory, added to the bundled rules (repeatable)."
    ),
]
NoBundledOpt = Annotated[bool, typer.Option("--no-bundled", help="Use only the --rules given, not the bundled rules.")]
KeepOpt = Annotated[str, typer.Option("--keep", help="Categories to leave in, comma-separated (e.g. caption).")]
OnlyOpt = Annotated[
    str,
    typer.Option("--only", help="Remove only these categories or rule ids, comma-separated (e.g. newsletter,social)."),
]
IgnoreOpt = Annotated[
    str,
    typer.Option("--ignore", help="Rule ids, id prefixes or categories to disable, comma-separated (e.g. GLB002,CAP)."),
]
_HOST = re.compile(r"[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+\.?|localhost", re.IGNORECASE)
"""A host name as sites are named: dot-separated labels of letters, digits and hyphens (any script), or localhost;
an IP address is labels of digits."""
_INTRANET_HOST = re.compile(r"[^\W_](?:[\w-]*[^\W_])?|[0-9a-f:]*:[0-9a-f:.]*", re.IGNORECASE)
"""What else a URL's scheme makes a host: one label (an intranet's ``http://wiki/page``) or an IPv6 address."""


def _url(value: str | None) -> str | None:
    """``--url``: a page's address, with its scheme and host (the site's rules are found by its host, and a text's
    headline by its path). Without them nothing said so: ``--url notaurl`` or ``--url example.com/news/a`` named no
    site, and the site's rules did not run. A usage error says what to write instead."""
    if value is None:
        return None
    parts = urlsplit(value.strip())
    host = parts.hostname or ""
    if parts.scheme.lower() in ("http", "https") and (_HOST.fullmatch(host) or _INTRANET_HOST.fullmatch(host)):
        return value
    bare = urlsplit("https://" + value.strip())
    if not parts.scheme and bare.hostname and _HOST.fullmatch(bare.hostname):
        fix = f"write https://{value.strip()} (or --domain {bare.hostname} to name the site alone)"
    else:
        fix = "write the page's address with its scheme and host, e.g. https://example.com/news/story"
    raise typer.BadParameter(f"{value!r} is not a web page's URL: {fix}")


def _domain(value: str | None) -> str | None:
    """``--domain``: a site's host name (a URL is read for its host, as the library does); anything else named no
    site without a word."""
    if value is None:
        return None
    if not _HOST.fullmatch(normalize_domain(value)):
        raise typer.BadParameter(
            f"{value!r} is not a site's host name: write it as in its address, e.g. theglobeandmail.com"
        )
    return value


UrlOpt = Annotated[
    str | None, typer.Option("--url", callback=_url, help="The page's URL (https://…), so its site rules apply.")
]
DomainOpt = Annotated[
    str | None, typer.Option("--domain", callback=_domain, help="The page's site (e.g. theglobeandmail.com).")
]
InputFormatOpt = Annotated[str, typer.Option("--input-format", help="auto (detect HTML), text or html.")]


def _size(value: str | int) -> int:
    """``--max-bytes`` read with its unit ('64M'); a bad one is a usage error saying what the option takes."""
    try:
        return parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        parser=_size,
        metavar="SIZE",
        show_default="64M",
        help="Refuse inputs larger than this: bytes, or with a unit k, M, G (powers of 1024): 500k, 64M, 1G.",
    ),
]


def _language(value: str | None) -> str | None:
    """``--language``: an ISO 639-1 code or a tag ('pt-BR'), given as its code; anything else is a usage error."""
    if value is None:
        return None
    code = normalize_language(value)
    if code is None:
        guess = nearest_code(value)
        raise typer.BadParameter(
            f"{value!r} is not a language: write an ISO 639-1 code ('de') or a tag ('pt-BR')"
            + (f"; did you mean {guess!r}?" if guess else "")
        )
    return code


LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language",
        callback=_language,
        help="The documents' language (ISO 639-1, e.g. de), instead of the page's declared or the detected one.",
    ),
]


def _selection(rules: list[Path] | None, no_bundled: bool, keep: str, only: str, ignore: str) -> Selection:
    """The rule options as plain values; ``--rules`` replaces the bundled rules under ``--no-bundled``, else adds."""
    if no_bundled and not rules:
        raise typer.BadParameter("--no-bundled needs at least one --rules path")  # a usage error: exit 2
    paths = tuple(map(str, rules or ()))
    return Selection(
        paths if no_bundled else None,
        () if no_bundled else paths,
        comma_list(keep),
        comma_list(only),
        comma_list(ignore),
    )


def _build(selection: Selection) -> Cleaner:
    """The cleaner, with a --keep/--only/--ignore value that selects nothing made a usage error (exit 2)."""
    try:
        return selection.cleaner()
    except SelectionError as error:
        raise typer.BadParameter(str(error).split(": ", 1)[1], param_hint=f"'--{error.option}'") from None


def _cleaner(rules: list[Path] | None, no_bundled: bool, keep: str, only: str, ignore: str) -> Cleaner:
    return _build(_selection(rules, no_bundled, keep, only, ignore))


def _note_decoding(name: str | Path, encoding: Encoding, kind: str) -> None:
    """What a reading of a document deserves saying: a warning when bytes were lost or lines read in another
    encoding, a note when a text was read in a code page (a sample, a score's input: the user should know)."""
    if encoding.doubtful:
        _warn(name, f"decoded as {encoding}")
    elif kind == "text" and encoding.codec not in ("utf-8", "ascii"):
        typer.echo(f"{name}: note: decoded as {encoding}", err=True)


def _warn(name: str | Path, warning: str) -> None:
    """A doubt about a document, on stderr: bytes a decoding lost, a near-empty result (a batch's
    :meth:`~declutter.batchcli.ErrorReport.warn` also writes it to the report)."""
    typer.secho(f"warning: {name}: {warning}", fg="yellow", err=True)


def _choice(option: str, value: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices``; else a usage error naming the choices and the nearest one."""
    if value not in choices:
        raise typer.BadParameter(
            f"{value!r} is not one of {', '.join(choices)}{did_you_mean(value, choices)}", param_hint=f"'{option}'"
        )
    return value


def _positive(option: str, value: float | None, extra: str = "") -> None:
    if value is not None and value <= 0:
        raise typer.BadParameter(f"{value:g} is not above 0{extra}", param_hint=f"'{option}'")


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for standard input.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Directory for cleaned files (mirrors the input tree); with --jsonl, the output JSONL file.",
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="text, json (one object per document, one per line, with the Markdown), markdown or html.",
        ),
    ] = "text",
    input_format: InputFormatOpt = "auto",
    url: UrlOpt = None,
    domain: DomainOpt = None,
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
    keep: KeepOpt = "",
    only: OnlyOpt = "",
    ignore: IgnoreOpt = "",
    max_bytes: MaxBytesOpt = MAX_BYTES,
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Worker processes (0: one per core).")] = 1,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Inputs are JSONL streams (.jsonl, .jsonl.gz or -).")] = False,
    field_name: Annotated[str, typer.Option("--field", help="JSONL: the field holding the text or HTML.")] = "text",
    url_field: Annotated[str, typer.Option("--url-field", help="JSONL: the field holding the page URL.")] = "url",
    language: LanguageOpt = None,
    language_field: Annotated[
        str | None,
        typer.Option("--language-field", help="JSONL: the field holding a row's language (e.g. lang)."),
    ] = None,
    removals: Annotated[
        bool, typer.Option("--removals", help="JSONL: add a 'declutter' field with the removals.")
    ] = False,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Overwrite the input files with the cleaned text.")
    ] = False,
    backup: Annotated[
        str | None, typer.Option("--backup", help="With --in-place: keep the original as FILE+SUFFIX.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo outputs that are newer than their inputs.")] = False,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds one document may take.")] = None,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write a JSONL row per failed document here.")] = None,
    fail_on_error: Annotated[bool, typer.Option("--fail-on-error", help="Exit 1 when any document failed.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar and no summary.")] = False,
) -> None:
    """Clean files, directories, standard input or JSONL streams.

    One input is printed (or written under -o); directories and JSONL streams run as a
    batch: worker processes (-j), a progress bar, a summary, and errors that become
    report rows instead of stopping the run.
    """
    from declutter.batch import bad_limit, default_jobs
    from declutter.batchcli import Batch, check_report_path, run_files, run_jsonl

    _choice("--format", fmt, FORMATS)
    _choice("--input-format", input_format, INPUT_FORMATS)
    _positive("--max-bytes", max_bytes)
    bad = bad_limit(jobs, timeout)
    if bad is not None:  # as clean_many refuses it, said with the option's name
        option = "-j" if bad.argument == "jobs_count" else "--timeout"
        unlimited = f" (leave {option} out for no limit)" if bad.unlimited else ""
        raise typer.BadParameter(f"{bad.value:g} {bad.problem}{unlimited}", param_hint=f"'{option}'")
    if backup is not None and not in_place:
        raise typer.BadParameter("--backup goes with --in-place")
    if backup is not None and (not backup.strip() or "/" in backup or os.sep in backup):
        # '' took no backup at all, and 'old/' named a file inside the input, as if it were a folder
        raise typer.BadParameter(
            f"{backup!r} is not a suffix: --backup takes what is added to each file's name, e.g. .orig",
            param_hint="'--backup'",
        )
    for name, key in (("--field", field_name), ("--url-field", url_field), ("--language-field", language_field)):
        if key is not None and not key.strip():
            raise typer.BadParameter("names no field: give the JSON key, e.g. --field text", param_hint=f"'{name}'")
    if in_place and output is not None:
        raise typer.BadParameter("--in-place rewrites the inputs and -o writes the cleaned files elsewhere; pass one")
    if in_place and jsonl:
        raise typer.BadParameter("--in-place rewrites files and directories; with --jsonl, name the output with -o")
    if not jsonl:
        jsonl_options = {
            "--field": field_name != "text",
            "--url-field": url_field != "url",
            "--language-field": language_field is not None,
            "--removals": removals,
        }
        for name in (name for name, given in jsonl_options.items() if given):
            raise typer.BadParameter(f"{name} goes with --jsonl (the documents are the rows of JSONL streams)")
    if errors is not None:
        check_report_path(errors, paths, output)
    selection = _selection(rules, no_bundled, keep, only, ignore)
    _build(selection)  # load the rules once here, so a bad rule file fails before any work starts
    batch = Batch(
        selection=selection,
        jobs=jobs if jobs > 0 else default_jobs(),
        fmt=fmt,
        input_format=input_format,
        url=url,
        domain=domain,
        language=language,
        max_bytes=max_bytes,
        timeout=timeout,
        quiet=quiet,
        force=force,
        errors_path=errors,
    )
    if jsonl:
        summary = run_jsonl(batch, paths, output, field_name, url_field, removals, language_field)
    else:
        summary = run_files(batch, paths, output, in_place, backup)
    if summary.failed and (fail_on_error or summary.single):
        raise typer.Exit(1)


@app.command()
def explain(
    path: Annotated[str, typer.Argument(help="A file, or - for standard input.")],
    url: UrlOpt = None,
    domain: DomainOpt = None,
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
    keep: KeepOpt = "",
    only: OnlyOpt = "",
    ignore: IgnoreOpt = "",
    max_bytes: MaxBytesOpt = MAX_BYTES,
    input_format: InputFormatOpt = "auto",
    language: LanguageOpt = None,
    show_text: Annotated[bool, typer.Option("--text", help="Also print the document, removed lines marked.")] = False,
) -> None:
    """Show every removal in a document: line, action, rule, category and reason."""
    _choice("--input-format", input_format, INPUT_FORMATS)
    _positive("--max-bytes", max_bytes)
    cleaner = _cleaner(rules, no_bundled, keep, only, ignore)
    text, encoding, kind = read_source(path, max_bytes=max_bytes, input_format=input_format)
    if encoding.doubtful:
        _warn(path, f"decoded as {encoding}")
    result = cleaner.explain(text, url=url, domain=domain, input_format=kind, language=language)
    names = {rule.id: rule.name for rule in cleaner.rules}
    quiet: dict[str, list[ElementDecision]] = {}
    for element in result.elements:
        if not element.text or element.category == "other":
            quiet.setdefault(element.rule_id, []).append(element)
    for rule_id, group in sorted(quiet.items(), key=lambda item: -len(item[1])):
        # One line per rule for what has no text to show (one JSON entry may stand for many elements, as
        # its reason says: '12 elements that never hold text').
        first = group[0]
        label = f"{len(group)} elements without text to show" if len(group) > 1 else "without text to show"
        typer.echo(
            typer.style("  dom ", fg="bright_black")
            + typer.style("remove ", fg="red")
            + typer.style(f"{rule_id} ", fg="yellow", bold=True)
            + f"{names.get(rule_id, ''):<24} "
            + typer.style(f"{first.category:<11}", fg="cyan")
            + f" {label}\n"
            + typer.style(f"{'':17}{first.reason} at {first.path}{', …' if len(group) > 1 else ''}", fg="bright_black")
        )
    for element in (e for e in result.elements if e.text and e.category != "other"):
        typer.echo(
            typer.style("  dom ", fg="bright_black")
            + typer.style("remove ", fg="red")
            + typer.style(f"{element.rule_id} ", fg="yellow", bold=True)
            + f"{names.get(element.rule_id, ''):<24} "
            + typer.style(f"{element.category:<11}", fg="cyan")
            + f" {element.text[:60]!r}\n"
            + typer.style(f"{'':17}{element.reason} at {element.path}", fg="bright_black")
        )
    if result.source is not None:
        typer.echo(
            typer.style(
                f"  dom main content: {result.metadata.get('container', '?')}; the line numbers "
                "below count lines of the extracted text",
                fg="bright_black",
            )
        )
        text = result.source
    for d in result.decisions:
        snippet = d.text.strip()
        snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
        typer.echo(
            typer.style(f"{d.line + 1:5d} ", fg="bright_black")
            + typer.style(f"{d.action:<5} ", fg="red")
            + typer.style(f"{d.rule_id} ", fg="yellow", bold=True)
            + f"{names.get(d.rule_id, ''):<24} "
            + typer.style(f"{d.category:<11}", fg="cyan")
            + f" {snippet!r}\n"
            + typer.style(f"{'':17}{d.reason}", fg="bright_black")
        )
    lines = len(split_lines(text))
    removed = sum(len(d.text) for d in result.decisions)
    by_category = Counter(d.category for d in result.decisions)
    summary = ", ".join(f"{category} {count}" for category, count in by_category.most_common())
    page = ""
    if result.source is not None:
        by_element = Counter(e.category for e in result.elements)
        page = (
            f"{counted(len(result.elements), 'element')} removed from the page"
            + (f" ({', '.join(f'{c} {n}' for c, n in by_element.most_common())})" if by_element else "")
            + f"; then {counted(lines, 'line')} extracted, "
        )
    typer.echo(
        f"\n{path}: "
        + (page or f"{counted(lines, 'line')}, ")
        + f"{counted(len(result.decisions), 'removal')}, {removed} of {len(text)} characters"
        + (f" ({summary})" if summary else "")
        + (f"; site {result.domain}" if result.domain else "")
    )
    for warning in result.warnings:
        _warn(path, warning)
    if show_text:
        gone = {d.line for d in result.decisions if d.action != "strip"}
        for number, line in enumerate(split_lines(text)):
            if line.strip():
                typer.echo(typer.style(f"- {line}", fg="red") if number in gone else f"  {line}")


ERRORS_LISTED = 50
"""``score --errors``'s default: how many error lines the table lists."""


@app.command()
def score(
    samples: Annotated[
        list[Path] | None, typer.Argument(help="Sample files or directories (default: samples/).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    junit: Annotated[Path | None, typer.Option("--junit", help="Also write a JUnit XML report here.")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Fail (exit 1) when a metric falls below its pinned floor.")
    ] = False,
    update: Annotated[bool, typer.Option("--update", help="Pin the current metrics as the new floors.")] = False,
    allow_regression: Annotated[bool, typer.Option("--allow-regression", help="Let --update lower a floor.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Baseline file (default: baseline.json in the first samples directory)."),
    ] = None,
    html_report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write an HTML report: every line's label and fate, errors marked."),
    ] = None,
    errors: Annotated[int, typer.Option("--errors", help="How many error lines to list in the table.")] = ERRORS_LISTED,
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold",
            help="Gold-text mode: a ScrapingHub-format gold JSON, or a WCXB folder (its root, dev/, or any folder "
            "holding ground-truth/ and html/; without --pred, declutter cleans its HTML pages).",
        ),
    ] = None,
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred", help="Gold-text mode: predictions in the gold's format (WCXB: a directory of <id>.txt)."
        ),
    ] = None,
    inputs: Annotated[
        Path | None,
        typer.Option("--inputs", help="Gold-text mode: a directory of <id>.txt documents to clean and score."),
    ] = None,
    clean_pred: Annotated[
        bool, typer.Option("--clean", help="Gold-text mode: clean each --pred body first and report before and after.")
    ] = False,
    types: Annotated[str, typer.Option("--types", help="WCXB: only these page types, comma-separated.")] = "",
    limit: Annotated[int | None, typer.Option("--limit", help="WCXB: only the first N pages.")] = None,
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
    keep: KeepOpt = "",
    only: OnlyOpt = "",
    ignore: IgnoreOpt = "",
) -> None:
    """Score the cleaning against labelled samples (or, with --gold, against gold article bodies)."""
    _choice("--format", fmt, ("table", "json"))
    _positive("--limit", limit)
    _score_options(
        gold,
        {"--pred": pred is not None, "--inputs": inputs is not None, "--clean": clean_pred, "--types": bool(types)}
        | {"--limit": limit is not None},
        {"samples": bool(samples), "--check": check, "--update": update, "--allow-regression": allow_regression}
        | {"--baseline": baseline is not None, "--junit": junit is not None, "--report": html_report is not None}
        | {"--errors": errors != ERRORS_LISTED},
    )
    if clean_pred and pred is None:
        raise typer.BadParameter("--clean goes with --pred (it cleans the given predictions before scoring them)")
    if allow_regression and not update:
        raise typer.BadParameter("--allow-regression goes with --update (it lets --update lower a floor)")
    if update and check:
        raise typer.BadParameter("--update pins new floors and --check checks the pinned ones: pass one")
    if errors < 0:
        raise typer.BadParameter(f"{errors} is below 0 (0 lists no error lines)", param_hint="'--errors'")
    roots = list(samples or [Path("samples")])
    for target, option in ((junit, "--junit"), (html_report, "--report")):
        if target is not None:
            _not_a_sample(target, option, roots)
            check_writable(target, option)
    if baseline is not None and baseline.is_dir():
        hint = "'--baseline'"
        raise typer.BadParameter(f"{baseline} is a directory; --baseline names the JSON file", param_hint=hint)
    cleaner = _cleaner(rules, no_bundled, keep, only, ignore)
    if gold is not None and gold.is_dir():
        _score_wcxb(cleaner, load_wcxb(gold, types=comma_list(types), limit=limit), pred, inputs, clean_pred, fmt)
        return
    if gold is not None:
        _score_gold(cleaner, gold, pred, inputs, clean_pred, fmt)
        return
    report = score_samples(load_samples(roots), cleaner)
    typer.echo(render_json(report) if fmt == "json" else render_table(report, errors=errors))
    baseline_path = baseline or (roots[0] if roots[0].is_dir() else roots[0].parent) / "baseline.json"
    gate = None
    if update:
        lowered = update_gate(report, baseline_path, allow_regression=allow_regression)
        typer.echo(
            f"pinned {len(report.metrics())} floors in {baseline_path}"
            + (f" (lowered: {'; '.join(lowered)})" if lowered else ""),
            err=True,
        )
    elif check:
        gate = check_gate(report, baseline_path)
        for message in gate.messages:
            typer.secho(("ok: " if gate.ok else "FAIL: ") + message, fg="green" if gate.ok else "red", err=True)
    if junit is not None:
        write_atomic(junit, render_junit(report, gate))
    if html_report is not None:
        _write_sample_report(html_report, report, cleaner)
    if gate is not None and not gate.ok:
        raise typer.Exit(1)


def _score_options(gold: Path | None, gold_only: dict[str, bool], samples_only: dict[str, bool]) -> None:
    """A usage error for an option of the other mode of ``score``: without --gold, --pred or --limit were
    ignored and the samples scored; with it, --check or --junit were ignored and no gate ran (exit 0)."""
    foreign = [name for name, given in (gold_only if gold is None else samples_only).items() if given]
    if foreign and gold is None:
        raise typer.BadParameter(f"{foreign[0]} goes with --gold (gold-text mode); samples are scored without it")
    if foreign:
        raise typer.BadParameter(f"{foreign[0]} is for scoring samples; it does not go with --gold")


def _not_a_sample(target: Path, option: str, roots: list[Path]) -> None:
    """A usage error when a report would overwrite a sample being scored."""
    if target.is_dir():
        return  # no sample: check_writable names it as a directory
    resolved = target.resolve()
    for root in roots:
        root = root.resolve()
        if resolved == root or (root.is_dir() and resolved.is_relative_to(root) and resolved.suffix == ".sample"):
            raise typer.BadParameter(f"{target} is a sample: the report would overwrite it", param_hint=f"'{option}'")


def _score_gold(
    cleaner: Cleaner, gold: Path, pred: Path | None, inputs: Path | None, clean_pred: bool, fmt: str
) -> None:
    if (pred is None) == (inputs is None):  # the command line first, before the gold file is read
        raise typer.BadParameter("gold-text mode needs exactly one of --pred or --inputs")
    truth = load_bodies(gold)
    if not truth:
        raise DeclutterError("the gold file has no documents", path=gold)
    if pred is not None:
        before = load_bodies(pred)
        results = [("as given", before)]
        if clean_pred:
            results.append(("cleaned", {key: cleaner.clean(text) for key, text in before.items()}))
    else:
        assert inputs is not None
        raw, cleaned = {}, {}
        for file in sorted(inputs.iterdir()):
            key = file.name.split(".")[0]
            if key in truth and file.is_file():
                text, encoding = read_document(file)
                _note_decoding(file, encoding, "text")
                raw[key], cleaned[key] = text, cleaner.clean(text)
        if not cleaned:
            raise DeclutterError(
                "no input file is named after a gold document id",
                path=inputs,
                hint="name inputs <id>.txt with the ids of the gold file",
            )
        truth = {key: truth[key] for key in cleaned}
        results = [("input", raw), ("cleaned", cleaned)]
    scores = [(name, gold_score(truth, bodies)) for name, bodies in results]
    if fmt == "json":
        rows = [
            {"name": name, "documents": r.documents, "precision": r.precision, "recall": r.recall, "f1": r.f1}
            for name, r in scores
        ]
        typer.echo(json.dumps({"metric": "scrapinghub-shingles", "results": rows}, indent=2))
        return
    for name, result in scores:
        typer.echo(
            f"{name:<9} documents {result.documents}  precision {result.precision:.3f}  "
            f"recall {result.recall:.3f}  F1 {result.f1:.3f}"
        )


def _score_wcxb(
    cleaner: Cleaner, dataset: WcxbSet, pred: Path | None, inputs: Path | None, clean_pred: bool, fmt: str
) -> None:
    """WCXB mode: score --pred outputs (before and after --clean), or clean every page's HTML and score that."""
    if inputs is not None:
        raise typer.BadParameter("--inputs is for ScrapingHub gold files; WCXB pages are HTML, cleaned without --pred")
    if pred is not None:
        if pred.is_dir():
            given = {}
            for file in sorted(pred.glob("*.txt")):
                given[file.name.split(".")[0]], encoding = read_document(file)
                _note_decoding(file, encoding, "text")
        else:
            given = load_bodies(pred)
        missing = sum(page.id not in given for page in dataset.pages)
        if missing:
            typer.echo(f"note: {missing} pages have no prediction in {pred}; they score as empty output", err=True)
        results = [("as given", given)]
        if clean_pred:
            results.append(("cleaned", {key: cleaner.clean(text, input_format="text") for key, text in given.items()}))
    else:
        cleaned: dict[str, str] = {}
        progress = progress_bar(len(dataset.pages), label="scoring")
        try:
            for page in dataset.pages:
                try:
                    result = cleaner.explain(page.html(), url=page.url, input_format="html")
                    cleaned[page.id] = wcxb_text(result)
                except DeclutterError as error:  # the page scores as empty output; the run goes on
                    typer.echo(f"{page.id}: {error}", err=True)
                if progress is not None:
                    progress.advance(progress.task_ids[0])
        finally:
            if progress is not None:
                progress.stop()
        results = [("declutter", cleaned)]
    reports = [(name, score_wcxb(dataset, texts)) for name, texts in results]
    if fmt == "json":
        rows = [{"name": name, **wcxb_json(report)} for name, report in reports]
        typer.echo(json.dumps({"metric": "wcxb-word-f1", "root": str(dataset.root), "results": rows}, indent=2))
        return
    for index, (name, report) in enumerate(reports):
        typer.echo(("\n" if index else "") + f"{name}: WCXB {dataset.root} (means over pages)")
        typer.echo(render_wcxb_table(report))


def _write_sample_report(target: Path, report: Report, cleaner: Cleaner) -> None:
    from declutter.report import render_report, sample_entry, summary_line

    entries = [
        sample_entry(
            s.sample.id, [line.text for line in s.sample.lines], [line.label for line in s.sample.lines], s.decisions
        )
        for s in report.samples
    ]
    write_atomic(target, render_report(entries, title=f"declutter score: {len(entries)} samples", rules=cleaner.rules))
    typer.echo(f"wrote {target}: {summary_line(entries)}", err=True)


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (recursive) to clean and show.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML report to write.")] = Path("report.html"),
    input_format: InputFormatOpt = "auto",
    url: UrlOpt = None,
    domain: DomainOpt = None,
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
    keep: KeepOpt = "",
    only: OnlyOpt = "",
    ignore: IgnoreOpt = "",
    max_bytes: MaxBytesOpt = MAX_BYTES,
) -> None:
    """Write one self-contained HTML page showing what was removed from each document, and why.

    Removed lines are highlighted by category (a legend, filters by category and rule), each with its rule
    id and reason; for HTML pages, the elements removed before the text too. Nothing in the page is fetched.
    """
    from declutter.batchcli import TEXT_SUFFIXES, note_not_regular, walk_folder
    from declutter.report import document_entry, render_report, summary_line

    cleaner = _cleaner(rules, no_bundled, keep, only, ignore)
    files: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = [f for f in walk_folder(path) if not f.name.startswith(".") and f.suffix.lower() in TEXT_SUFFIXES]
            files += [str(f) for f in found if f.is_file()]
            # as clean says it: a broken symlink or a pipe was left out of the report without a word
            note_not_regular(path, [str(f) for f in found if not f.is_file() and not f.is_dir()])
        else:
            files.append(path)
    if any(name != "-" and Path(name).resolve() == output.resolve() for name in files):
        raise typer.BadParameter(f"{output} is an input: the report would overwrite it", param_hint="'-o'")
    check_writable(output, "-o")
    entries = []
    unread = 0
    for name in files:
        try:  # as in a clean batch, a document that cannot be read is named and left out
            text, encoding, kind = read_source(name, max_bytes=max_bytes, input_format=input_format)
        except DeclutterError as error:
            typer.secho(f"error: {error}", fg="red", err=True)
            unread += 1
            continue
        if encoding.doubtful:
            _warn(name, f"decoded as {encoding}")
        result = cleaner.explain(text, url=url, domain=domain, input_format=kind)
        entries.append(document_entry(name, result, kind, text))
    if not entries:
        raise DeclutterError("no documents to report on", path=", ".join(paths))
    write_atomic(output, render_report(entries, title=f"declutter: {len(entries)} documents", rules=cleaner.rules))
    unread_note = f"; {unread} document{' could' if unread == 1 else 's could'} not be read" if unread else ""
    typer.echo(f"wrote {output}: {summary_line(entries)}{unread_note}")


@app.command()
def label(
    path: Annotated[Path, typer.Argument(help="A text file to turn into a sample.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Where to write the sample (default: next to the input, .sample)."),
    ] = None,
    split: Annotated[str, typer.Option("--split", help="dev or test.")] = "dev",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing sample.")] = False,
    url: UrlOpt = None,
    domain: DomainOpt = None,
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Write a new sample pre-labelled with today's decisions, for a person to read and correct.

    The sample holds a header ('# key: value') and one line per input line: a label, '|', the
    line. Read every line and correct its label: a residue category (ad, byline, dateline,
    caption, share, crosslink, video, newsletter, social, navigation, taxonomy, comments,
    related, sidebar, sponsored, legal, other) or a content one (title, dek, body, heading,
    quote, list, table, attribution); 'body+dateline' marks residue inside a kept line, a
    trailing '?' a doubt. Then run 'declutter score' on the samples.
    """
    _choice("--split", split, ("dev", "test"))
    stdin = str(path) == "-"
    if stdin and output is None:
        raise typer.BadParameter("a sample of standard input needs a name: pass -o NAME.sample", param_hint="'-o'")
    target = output or path.with_suffix(".sample")
    if not stdin and target.resolve() == path.resolve():
        raise typer.BadParameter(f"{output or path} is the input; the sample goes to another file", param_hint="'-o'")
    if target.is_dir():  # not 'already exists (pass --force)': --force cannot write a file over a directory
        check_writable(target, "-o")
    if target.exists() and not force:
        raise DeclutterError("sample already exists", path=target, hint="pass --force to overwrite it")
    check_writable(target, "-o")
    cleaner = _cleaner(rules, no_bundled, "", "", "")
    text, encoding, kind = read_source(str(path))
    _note_decoding(path, encoding, kind)
    result = cleaner.explain(text, url=url, domain=domain, input_format=kind)
    if result.source is not None:
        # The decisions count the lines the DOM stage extracted: labelled on the page's markup, each landed on
        # another line (a page of one long line was one 'body' line of HTML).
        text = result.source
        typer.echo(
            f"{path}: note: an HTML page; the sample holds the {counted(len(split_lines(text)), 'line')} of text "
            f"extracted from it (what its DOM stage removed before, {counted(len(result.elements), 'element')}, is "
            "not labelled)",
            err=True,
        )
    name = "standard input" if stdin else path.name
    meta = {
        "id": (target if stdin else path).stem,
        "source": f"{name}, pre-labelled by declutter label; review every line",
        "url": url or "",
        "domain": domain or result.domain or "",
        "split": split,
    }
    sample = draft_sample(text, result.decisions, meta={k: v for k, v in meta.items() if v})
    write_atomic(target, format_sample(sample))
    removed = sum(1 for line in sample.lines if line.is_residue)
    typer.echo(
        f"wrote {target}: {counted(len(sample.lines), 'line')}, {removed} pre-labelled residue; read every line, "
        "correct the labels (the categories are in 'declutter label --help'), then run 'declutter score'"
    )


@rules_app.command("list")
def rules_list(
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
    category: Annotated[str, typer.Option("--category", help="Only rules of these categories.")] = "",
) -> None:
    """One line per rule: id, name, kind, category, scope."""
    ruleset = _cleaner(rules, no_bundled, "", "", "").rules
    wanted = set(comma_list(category))
    for name in sorted(wanted):
        _choice("--category", name, list(RESIDUE))
    for rule in ruleset:
        if wanted and rule.category not in wanted:
            continue
        scope = ",".join(sorted(rule.domains)) or "generic"
        typer.echo(f"{rule.id}  {rule.name:<28} {rule.kind:<9} {rule.category:<11} {scope}")


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="A rule id or name.")],
    rules: RulesOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """A rule's description, patterns, scope and examples."""
    rule = _cleaner(rules, no_bundled, "", "", "").rules.get(rule_id)
    typer.secho(f"{rule.id} {rule.name}", bold=True)
    typer.echo(
        f"  kind: {rule.kind}   category: {rule.category}   position: {rule.position}   "
        f"status: {rule.status}\n  defined at: {rule.origin}\n  {rule.description}"
    )
    if rule.domains:
        typer.echo(f"  sites: {', '.join(sorted(rule.domains))}")
    if rule.heuristic:
        typer.echo(f"  heuristic: {rule.heuristic} {dict(rule.params)}")
    for pattern in rule.patterns:
        typer.echo(f"  pattern: {pattern.pattern}")
    for label in ("residue", "article", "protect", "todo_residue", "todo_article"):
        for example in getattr(rule.examples, label):
            typer.echo(f"  {label}: {example!r}")
    for fix in rule.examples.fix:
        typer.echo(f"  fix: {fix.input!r} -> {fix.output!r}")
    if rule.notes:
        typer.echo(f"  notes: {rule.notes}")


@rules_app.command("check")
def rules_check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Rule files or directories (default: bundled).")] = None,
    rules: RulesOpt = None,
    no_bundled: Annotated[
        bool, typer.Option("--no-bundled", help="Do not check the given rules' ids and names against the bundled ones.")
    ] = False,
    samples: Annotated[
        list[Path] | None,
        typer.Option("--samples", help="Also lint each rule alone over these labelled samples (over-broad rules)."),
    ] = None,
) -> None:
    """Validate rule files and run every embedded example; exit 1 naming each failure.

    Rules given as paths or with --rules are checked on their own, and their ids and names
    against the bundled rules', as 'clean --rules' would load them (unless --no-bundled).
    With --samples, rules that remove most lines or many article lines when run alone
    over the samples are reported as warnings (they do not change the exit code).
    """
    own = [*(paths or ()), *(rules or ())]
    ruleset = RuleSet.load(*own) if own else RuleSet.load(bundled=True)
    bundled = default_dir().resolve()
    if own and not no_bundled and not all(path.resolve().is_relative_to(bundled) for path in own):
        RuleSet.load(*own, bundled=True)  # a colliding id or name fails here, naming both rules
    problems = check_rules(ruleset)
    for problem in problems:
        typer.secho(str(problem), fg="red", err=True)
    if samples:
        for warning in lint_breadth(ruleset, load_samples(samples)):
            typer.secho(f"warning: {warning}", fg="yellow", err=True)
    examples = sum(
        len(r.examples.residue) + len(r.examples.article) + len(r.examples.protect) + len(r.examples.fix)
        for r in ruleset
    )
    kinds = Counter(str(rule.kind) for rule in ruleset)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    if problems:
        typer.echo(f"{counted(len(problems), 'problem')} in {counted(len(ruleset), 'rule')}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{counted(len(ruleset), 'rule')} ({summary}), {counted(examples, 'example')}: all pass")
    if any(rule.kind is Kind.SELECTOR for rule in ruleset):
        typer.echo("note: selector rules apply to HTML input only")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"declutter {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Remove boilerplate residue from scraped article text, and explain every removal."""


def _clean_hint(args: Sequence[str]) -> str | None:
    """The usage error for ``declutter page.html``: a first argument that is a file, not a command.

    The commands come first so that a file named like one (``rules``) is never ambiguous; a user who
    types a file's name is told the command that cleans it.

    >>> _clean_hint(["-"])
    "error: '-' is not a command; to clean it: declutter clean -"
    >>> _clean_hint(["clean", "-"]) is None
    True
    """
    first = args[0] if args else ""
    is_input = first == "-" or (first[:1] != "" and Path(first).exists() and first not in ("-h", "--help", "--version"))
    if not is_input or first in typer.main.get_group(app).commands:
        return None
    dashes = "-- " if first.startswith("-") and first != "-" else ""  # '-x.txt' alone would be read as an option
    return f"error: '{first}' is not a command; to clean it: declutter clean {dashes}{' '.join(args)}"


def _silence_closed_streams() -> None:
    """Point a closed standard output or error at /dev/null, so that Python's flush at exit, finding output still
    buffered for it, writes nothing and says nothing ('Exception ignored … BrokenPipeError')."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)


def main() -> None:
    """Entry point: run the app, turning our errors into a message and exit code 1.

    SIGTERM is turned into an exception like Ctrl-C, so a killed batch unwinds through
    its cleanup: temporary files are removed and no partial output is left behind. Both go through
    :func:`~declutter.batchcli.on_interrupt`, which remembers them (Ctrl-C only where Python would have
    raised it: a background job started with it ignored keeps ignoring it).
    """
    import signal

    signal.signal(signal.SIGTERM, on_interrupt)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, on_interrupt)
    if sys.stdout is None:
        sys.stdout = cast(TextIO, _ClosedStdout())
    hint = _clean_hint(sys.argv[1:])
    if hint:
        typer.secho(hint, fg="red", err=True)
        sys.exit(2)
    try:
        app()
    except DeclutterError as error:
        typer.secho(f"error: {error}", fg="red", err=True)
        sys.exit(1)
    except (KeyboardInterrupt, _InterruptedError):
        typer.echo("interrupted: outputs written so far are complete; rerun to continue", err=True)
        sys.exit(128 + signal.SIGTERM if signal.SIGTERM in interrupted_by() else INTERRUPTED)
    except _ClosedPipeError:
        _silence_closed_streams()
        sys.exit(CLOSED_PIPE)
    except OSError as error:  # a full disk, a read-only directory: name the file and stop
        where = f"{error.filename}: " if error.filename else ""
        typer.secho(f"error: {where}{error.strerror or error}", fg="red", err=True)
        sys.exit(1)
    except Exception as error:  # a bug: say so plainly; DECLUTTER_DEBUG=1 shows the traceback
        if os.environ.get("DECLUTTER_DEBUG"):
            raise
        typer.secho(
            f"internal error: {type(error).__name__}: {error} (a bug in declutter; "
            "rerun with DECLUTTER_DEBUG=1 for the traceback and report it)",
            fg="red",
            err=True,
        )
        sys.exit(1)
