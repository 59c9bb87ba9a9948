"""The batch side of ``declutter clean``: directories, JSONL streams, progress, summary and error report.

Kept apart from :mod:`declutter.cli` so the command stays a thin parser; everything
here is plain functions over a frozen :class:`Batch` configuration.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import typer

from declutter.batch import Job, Outcome, Selection, clean_many, mirror_target, up_to_date
from declutter.errors import DeclutterError
from declutter.inputs import MAX_BYTES, Encoding, mib, read_source, stdin_stream, walk_tree
from declutter.language import normalize_language
from declutter.outputs import Format
from declutter.text import counted

RENDERED: dict[str, Format] = {"json": "markdown", "markdown": "markdown", "html": "html"}
"""What the workers render for each output format (JSON carries the Markdown beside the text)."""
FORMATS = ("text", "json", "markdown", "html")
"""What ``--format`` takes; :func:`declutter.outputs.render` writes each."""
EXTENSIONS = {"text": ".txt", "json": ".json", "html": ".html", "markdown": ".md"}
"""The extension each format's output file takes under ``-o DIR``."""
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".gz", ""}


@dataclass(frozen=True)
class Batch:
    """Everything a batch run needs to know, decided once by the command line."""

    selection: Selection
    jobs: int = 1
    fmt: str = "text"
    input_format: str = "auto"
    url: str | None = None
    domain: str | None = None
    language: str | None = None
    max_bytes: int = MAX_BYTES
    timeout: float | None = None
    quiet: bool = False
    force: bool = False
    errors_path: Path | None = None


@dataclass
class Summary:
    """Counts for the closing line of a batch."""

    documents: int = 0
    failed: int = 0
    skipped: int = 0
    chars_in: int = 0
    chars_out: int = 0
    single: bool = False
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.chars_in += outcome.chars_in
        if outcome.ok:
            self.chars_out += len(outcome.text)
        else:
            self.failed += 1

    def line(self) -> str:
        seconds = max(time.perf_counter() - self.started, 1e-9)
        removed = 1 - self.chars_out / self.chars_in if self.chars_in else 0.0
        return (
            f"{counted(self.documents, 'document')}, {self.chars_in / 1e6:.1f} M characters in, "
            f"{self.chars_out / 1e6:.1f} M out ({removed:.0%} removed), {counted(self.failed, 'error')}, "
            f"{self.skipped} up to date, "
            f"{self.documents / seconds:.1f} documents/s"
        )


def render(fmt: str, source: str, encoding: Encoding, outcome: Outcome) -> str:
    """The output for one document in the chosen format."""
    if fmt == "json":
        return (
            json.dumps(
                {
                    "source": source,
                    "encoding": str(encoding),
                    "domain": outcome.domain,
                    "rules": outcome.rules,
                    **outcome.metadata,
                    **({"warnings": list(outcome.warnings)} if outcome.warnings else {}),
                    "text": outcome.text,
                    "removed": [d.to_dict() for d in outcome.decisions],
                    **({"elements_removed": [e.to_dict() for e in outcome.elements]} if outcome.elements else {}),
                    "markdown": outcome.rendered,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    if fmt in ("markdown", "html"):
        return outcome.rendered
    return outcome.text


def _file_mode(target: Path) -> int:
    """The mode the written file gets: the one it has (an in-place rewrite), else what the umask gives a new file.

    ``mkstemp`` creates files 0600; renamed over a 0644 file, that would quietly make it private.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


_INTERRUPTS = frozenset({signal.SIGINT, signal.SIGTERM})
"""The signals a batch unwinds on (Ctrl-C, a kill): held while a temporary file is made and named."""


_SIGNALLED: set[int] = set()
"""The interrupting signals the process has received (:func:`on_interrupt`)."""


def on_interrupt(signum: int, frame: object) -> None:
    """The CLI's handler for Ctrl-C and SIGTERM: raise :class:`KeyboardInterrupt`, so a batch unwinds through its
    cleanup (no partial output is left), and remember the signal. Python drops an exception raised while a finaliser
    runs ('Exception ignored in: <function SetBase.__del__ …>'), and the batch would go on to its end; between two
    documents :func:`unwind_if_interrupted` raises it again (an interrupted batch test, now and then, on a loaded
    machine)."""
    _SIGNALLED.add(signum)
    raise KeyboardInterrupt


def interrupted_by() -> frozenset[int]:
    """The interrupting signals received so far (:func:`on_interrupt`), for the exit status."""
    return frozenset(_SIGNALLED)


def unwind_if_interrupted() -> None:
    """Raise :class:`KeyboardInterrupt` when an interrupting signal came (:func:`on_interrupt`), even if the
    exception it raised then was dropped."""
    if _SIGNALLED:
        raise KeyboardInterrupt


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends: a temporary file made and its name assigned inside the
    block, within the ``try`` that removes it, is known to that cleanup whenever the signal comes. One arriving
    between the file's creation and the assignment of its name left it behind.

    Blocking the signals in this thread is not enough: the kernel hands a process's signal to any thread that does
    not block it (a progress bar's), and Python then runs the handler in this thread at once, inside the block. So
    the block also runs under a handler that only notes the signal; after it, the handler the process had is called
    here, in this frame, as it is for a signal held in this thread: unblocking runs its handler at once (left to
    Python's next check, it could run inside a finaliser, which drops its exception: 'Exception ignored in').
    Where signals cannot be blocked (Windows) or handled (a thread other than the main one), the block just runs.

    >>> with _interrupts_held():
    ...     fd, name = tempfile.mkstemp()
    >>> os.close(fd), os.unlink(name)
    (None, None)
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    handlers: dict[int, Any] = {signum: signal.getsignal(signum) for signum in _INTERRUPTS}
    holding = True

    def note(signum: int, frame: object) -> None:
        if holding:
            came.append(signum)
        else:  # after the block, before its handler is back: a signal sent to another thread late
            _answer(signum, handlers[signum])

    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)
    try:
        for held in _INTERRUPTS:
            signal.signal(held, note)
        yield
    finally:
        holding = False
        try:  # a signal answered while the handlers go back (note, after the block) must not leave them blocked
            for restored, handler in handlers.items():
                signal.signal(restored, handler)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # Python runs the handler of a held signal here
        if came:
            _answer(came[0], handlers[came[0]])


def _answer(signum: int, handler: Any) -> None:
    """Do what the process's handler for ``signum`` does: call it, or take the default action (end the process)."""
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        signal.raise_signal(signum)


def temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (created if missing), for a rename onto ``target``.

    A failure names ``target``, the file the user asked for, not the temporary name beside it.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from None


def is_stream(target: Path) -> bool:
    """Whether an output names something that is no file to replace: a device (``/dev/null``, ``/dev/stdout``'s
    terminal or pipe), a FIFO, a socket. Renaming a file onto it replaced the device or pipe with a regular file
    (as root, ``report -o /dev/null`` replaced ``/dev/null`` itself); it is written into instead."""
    try:
        mode = Path(target).stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_atomic(target: Path, content: str) -> None:
    """Write through a temporary file in the same directory and rename it: never half a file. A symlink is
    followed (the file it names is replaced, not the link), a stream (:func:`is_stream`) written into, and a
    directory refused by its name."""
    if is_stream(target):
        with Path(target).open("w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        return
    target = Path(os.path.realpath(target))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file to write", str(target))
    tmp: str | None = None
    try:
        with _interrupts_held():  # its name stored before a Ctrl-C can unwind past it
            fd, tmp = temp_beside(target)
        mode = _file_mode(target)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        Path(tmp).chmod(mode)
        Path(tmp).replace(target)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def write_all(sink: IO[bytes], data: bytes) -> None:
    """Write all of ``data``. A large write to a pipe whose reader has gone (``| head -1``) returns short, and
    ``sys.stdout.write`` drops the count: the rest was lost without an error. Writing what is left raises
    :class:`BrokenPipeError`, which the command line turns into a quiet exit (:func:`declutter.cli.main`)."""
    view = memoryview(data)
    while view:
        written = sink.write(view)
        if written is None:  # a raw stream in non-blocking mode: it took all or raised
            return
        if not written:
            raise BrokenPipeError(errno.EPIPE, "nothing more could be written")
        view = view[written:]


def write_stdout(text: str) -> None:
    """Print a document's output whole (:func:`write_all`), in standard output's encoding."""
    sys.stdout.flush()
    write_all(sys.stdout.buffer, text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict"))
    sys.stdout.buffer.flush()


def backup_path(source: Path, suffix: str) -> Path:
    """Where ``--backup`` keeps the original; refuses one that exists, since it may be the only original left."""
    backup = source.with_name(source.name + suffix)
    if backup.exists() or backup.is_symlink():
        raise DeclutterError(
            f"backup {backup} already exists; it may hold the original, so it is not overwritten",
            path=source,
            hint="move it away, or pass another --backup suffix",
        )
    return backup


def make_backup(source: Path, backup: Path) -> None:
    """Copy ``source`` (contents, mode, times) to ``backup``, which must not exist: linked in, never overwritten."""
    fd, tmp = tempfile.mkstemp(dir=backup.parent, prefix=f".{backup.name}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copy2(source, tmp)
        try:
            os.link(tmp, backup)  # fails if the backup appeared meanwhile: never replaces one
        except FileExistsError:
            backup_path(source, backup.name[len(source.name) :])  # raises the usual message
            raise
    finally:
        Path(tmp).unlink(missing_ok=True)


def progress_bar(total: int | None, *, label: str = "cleaning", quiet: bool = False) -> Any:
    """A started rich progress bar on an interactive terminal (``advance`` its first task, then ``stop``
    it); None when quiet or when standard error is piped, so logs and captured output stay clean.

    With ``total`` None (one long document, or a stream of unknown length) the bar pulses and the
    elapsed time runs, so a long run shows it is alive.
    """
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    counts = (MofNCompleteColumn(), TimeRemainingColumn()) if total is not None else (TimeElapsedColumn(),)
    # On stderr: standard output may be the cleaned text (or a file it is redirected to).
    progress = Progress(TextColumn(label), BarColumn(), *counts, transient=True, console=Console(stderr=True))
    progress.start()
    progress.add_task(label, total=total)
    return progress


def _progress(batch: Batch, total: int | None, label: str = "cleaning") -> Any:
    return progress_bar(total, label=label, quiet=batch.quiet)


LONG_DOCUMENT = 1 << 20
"""A single input at least this large (1 MiB) shows a pulsing bar with its name, size and elapsed time
(text cleans at about 0.7 MiB/s)."""


def _single_progress(batch: Batch, inputs: list[tuple[str, Path | None]]) -> Any:
    source = inputs[0][0]
    try:
        size = Path(source).stat().st_size if source != "-" else 0
    except OSError:
        size = 0
    if size < LONG_DOCUMENT:
        return None
    return _progress(batch, None, f"cleaning {source} ({mib(size)})")


class ErrorReport:
    """A JSONL file with one row per failed document or warning (opened only when the first row comes)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def add(self, key: str, error: str) -> None:
        named = error.startswith((key, "<stdin>")) if key == "-" else error.startswith(key)
        typer.secho(f"error: {error if named else f'{key}: {error}'}", fg="red", err=True)
        self._row({"key": key, "error": error})

    def warn(self, key: str, warning: str) -> None:
        """A doubt about a cleaned document (an empty result): on stderr and a report row, never a failure."""
        typer.secho(f"warning: {key}: {warning}", fg="yellow", err=True)
        self._row({"key": key, "warning": warning})

    def _row(self, row: dict[str, str]) -> None:
        if self.path is None:
            return
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = self.path.open("w", encoding="utf-8")
        self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def walk_folder(source: str) -> list[Path]:
    """Every entry under an input folder (:func:`~declutter.inputs.walk_tree`), with a note on stderr naming the
    symlinked folders it did not enter because they lead back into a folder above (a loop)."""
    entries, loops = walk_tree(Path(source))
    if loops:
        more = ", …" if len(loops) > 5 else ""
        typer.echo(
            f"{source}: note: skipped {counted(len(loops), 'symlinked folder')} leading back into a folder above "
            f"(a loop): {', '.join(map(str, loops[:5]))}{more}",
            err=True,
        )
    return entries


def note_not_regular(source: str, entries: list[str]) -> None:
    """A note on stderr naming the entries of a walked folder that look like documents but are no regular file
    (a broken symlink, a pipe, a device): skipped, and said so, by every command that walks a folder."""
    if not entries:
        return
    count = len(entries)
    what = "1 entry that is not a regular file" if count == 1 else f"{count} entries that are not regular files"
    more = ", …" if count > 5 else ""
    typer.echo(
        f"{source}: note: skipped {what} (broken symlinks, pipes, devices): {', '.join(entries[:5])}{more}", err=True
    )


def _walk(paths: list[str]) -> Iterator[tuple[str, Path | None]]:
    """(source, root it was found under) for every input file; directories are walked recursively.

    JSONL streams hold many documents, so they are not cleaned as one text: named, they are a
    usage error saying to pass --jsonl; under a directory, they are skipped with a note.
    """
    for source in paths:
        path = Path(source)
        if source != "-" and path.is_dir():
            streams = 0
            unreadable: list[str] = []
            for file in walk_folder(source):
                if file.name.startswith("."):
                    continue
                if not file.is_file():
                    if file.suffix.lower() in TEXT_SUFFIXES and not file.is_dir():
                        unreadable.append(str(file))
                    continue
                if is_jsonl(file.name):
                    streams += 1
                elif file.suffix.lower() in TEXT_SUFFIXES:
                    yield str(file), path
            note_not_regular(source, unreadable)
            if streams:
                typer.echo(
                    f"{source}: note: skipped {streams} JSONL file{'s' if streams > 1 else ''} "
                    f"(clean them with: declutter clean --jsonl {source} -o cleaned.jsonl)",
                    err=True,
                )
        elif is_jsonl(source):
            raise typer.BadParameter(
                f"{source} is a JSONL stream; pass --jsonl to clean the text field of each row (--field names it)"
            )
        else:
            yield source, None


def check_output_dir(output: Path, paths: list[str]) -> None:
    """``-o`` must be a directory outside every input directory (a re-run would otherwise clean its own outputs), and
    one that can be written to (:func:`check_writable`).

    A new ``-o`` named like a JSONL stream (``out.jsonl``) became a directory of that name: without ``--jsonl``,
    files are cleaned one output file each, and the user is told how to get one JSON line per document.
    """
    if not output.exists() and is_jsonl(output.name):
        raise typer.BadParameter(
            f"{output} names a JSONL file, but -o takes a directory for the cleaned files; for one JSON line per "
            "document, pass --format json and redirect standard output (> FILE), or --jsonl if the inputs are "
            "JSONL streams",
            param_hint="'-o'",
        )
    blocking = next((parent for parent in output.parents if parent.exists() and not parent.is_dir()), None)
    if blocking is not None:  # found at the first write, after the first document's work
        raise typer.BadParameter(
            f"{output} cannot be made: {blocking} is a file; choose a directory elsewhere", param_hint="'-o'"
        )
    if output.exists() and not output.is_dir():
        raise typer.BadParameter(
            f"{output} is a file; -o takes a directory for the cleaned files "
            "(for one input, redirect standard output instead: > FILE)",
            param_hint="'-o'",
        )
    resolved = output.resolve()
    for source in paths:
        if source != "-" and Path(source).is_dir() and resolved.is_relative_to(Path(source).resolve()):
            raise typer.BadParameter(
                f"{output} is inside the input directory {source}: outputs would mix with inputs, and a re-run "
                "would clean them again; choose a directory outside it",
                param_hint="'-o'",
            )
    check_writable(output, "-o", directory=True)


def check_report_path(report: Path, paths: list[str], output: Path | None) -> None:
    """``--errors`` names a file of its own: never an input, the output, or a file inside an input directory.

    The report is written while the inputs are read, so on an input it would replace the document
    being cleaned; on the ``--jsonl`` output, the output's rename would drop the report; inside an
    input directory, a re-run would read it as a document. Its folder is made and tried before any work.
    """
    hint = "'--errors'"
    if report.is_dir():
        raise typer.BadParameter(f"{report} is a directory; --errors names the JSONL file to write", param_hint=hint)
    resolved = report.resolve()
    if output is not None and resolved == output.resolve():
        raise typer.BadParameter(f"{report} is also the -o output; name another file for the report", param_hint=hint)
    for source in paths:
        if source == "-":
            continue
        path = Path(source).resolve()
        if resolved == path:
            raise typer.BadParameter(
                f"{report} is an input: the report would overwrite it; name another file", param_hint=hint
            )
        if path.is_dir() and resolved.is_relative_to(path):
            raise typer.BadParameter(
                f"{report} is inside the input directory {source}: a re-run would read it as input; "
                "write the report outside it",
                param_hint=hint,
            )
    check_writable(report, "--errors")


def check_writable(target: Path, option: str, *, directory: bool = False) -> None:
    """Make the folder ``target`` is written in (``target`` itself, a ``directory``) and write a file there, then
    remove it. A folder that cannot be written to (no permission, a read-only file system) failed only at the first
    write, after the work before it: it is a usage error now, naming ``target`` and how to fix it. So is a file
    ``target`` that is a directory: the probe beside it passed, and the write failed after all the work."""
    if not directory and target.is_dir():
        raise typer.BadParameter(f"{target} is a directory; {option} names the file to write", param_hint=f"'{option}'")
    try:
        if not directory and is_stream(target):  # written into, not replaced: no file is made beside it
            if not os.access(target, os.W_OK):
                raise PermissionError(errno.EACCES, "Permission denied", str(target))
            return
        with _interrupts_held():  # the probe's name stored before a Ctrl-C can unwind past it
            fd, probe = temp_beside(target / "probe" if directory else Path(os.path.realpath(target)))
        os.close(fd)
        Path(probe).unlink()
    except OSError as error:
        fix = "choose a directory you can write to" if directory else "name a file in a folder you can write to"
        raise typer.BadParameter(
            f"{target} cannot be written ({error.strerror or error}); {fix}", param_hint=f"'{option}'"
        ) from None


def plan_targets(inputs: list[tuple[str, Path | None]], output: Path, fmt: str) -> dict[str, Path | DeclutterError]:
    """Each input's output file under ``output``, in the format's extension; no two inputs share one.

    ``page.html`` and ``page.htm`` (or ``page.txt``) would both become ``page.txt``: such inputs
    keep their full names instead (``page.html.txt``, ``page.htm.txt``), with a note saying so;
    an input whose path would escape ``output`` gets the error.
    """
    suffix = EXTENSIONS.get(fmt, "." + fmt)
    planned: dict[str, Path | DeclutterError] = {}
    for source, root in inputs:
        path = Path("stdin") if source == "-" else Path(source)
        try:
            planned[source] = mirror_target(path, root or path.parent, output, suffix)
        except DeclutterError as error:
            planned[source] = error
    roots = dict(inputs)
    claims: dict[Path, list[str]] = {}
    for source, target in planned.items():
        if isinstance(target, Path):
            claims.setdefault(target, []).append(source)
    for target, sources in claims.items():
        if len(sources) < 2:
            continue
        renamed = []
        for source in sources:
            path = Path(source)
            planned[source] = mirror_target(path, roots[source] or path.parent, output, suffix, keep_suffix=True)
            renamed.append(f"{Path(source).name} → {planned[source]}")
        typer.echo(
            f"note: {' and '.join(sources)} would all be written to {target}; each keeps its full name: "
            + ", ".join(renamed),
            err=True,
        )
    return planned


def run_files(batch: Batch, paths: list[str], output: Path | None, in_place: bool, backup: str | None) -> Summary:
    """Clean files and directories; a single input without -o goes to standard output."""
    if output is not None and not in_place:
        check_output_dir(output, paths)
    inputs = list(_walk(paths))
    planned = plan_targets(inputs, output, batch.fmt) if output is not None and not in_place else {}
    summary = Summary(single=len(inputs) == 1 and inputs[0][1] is None)
    if output is None and not in_place and len(inputs) > 1 and batch.fmt != "json":
        raise typer.BadParameter(  # a usage error (exit 2), as the options' other conflicts are
            f"{len(inputs)} inputs and no output directory (pass -o DIR (or --in-place) to write one cleaned file "
            "per input, or --format json)"
        )
    if in_place and any(source == "-" for source, _ in inputs):
        raise typer.BadParameter("--in-place cannot rewrite standard input")
    report = ErrorReport(batch.errors_path)
    targets: dict[str, tuple[Path | None, Encoding]] = {}

    def jobs() -> Iterator[Job]:
        for source, _root in inputs:
            target = None
            try:
                if in_place:
                    target = Path(source)
                    if backup:
                        backup_path(target, backup)
                elif output is not None:
                    planned_target = planned[source]
                    if isinstance(planned_target, DeclutterError):
                        raise planned_target
                    target = planned_target
                    if source != "-" and target.resolve() == Path(source).resolve():
                        raise DeclutterError(
                            "output would overwrite the input",
                            path=source,
                            hint="choose another -o, or pass --in-place",
                        )
                    if not batch.force and source != "-" and up_to_date(Path(source), target):
                        summary.skipped += 1
                        continue
                text, encoding, kind = read_source(source, max_bytes=batch.max_bytes, input_format=batch.input_format)
            except DeclutterError as error:
                yield Job(source, "", error=str(error))
                continue
            if encoding.doubtful:  # bytes lost or lines recoded: a warning, and a row in the --errors report
                report.warn(source, f"decoded as {encoding}")
            elif kind == "text" and encoding.codec not in ("utf-8", "utf-8-sig", "ascii") and not batch.quiet:
                typer.echo(f"{source}: note: decoded as {encoding}", err=True)
            targets[source] = (target, encoding)
            yield Job(
                source, text, batch.url, batch.domain, kind, render=RENDERED.get(batch.fmt), language=batch.language
            )

    progress = _single_progress(batch, inputs) if summary.single else _progress(batch, len(inputs))
    try:
        for outcome in clean_many(jobs(), jobs_count=batch.jobs, selection=batch.selection, timeout=batch.timeout):
            unwind_if_interrupted()
            summary.add(outcome)
            if progress is not None:
                progress.advance(progress.task_ids[0])
            if not outcome.ok:
                report.add(outcome.key, outcome.error or "")
                continue
            for warning in outcome.warnings:
                report.warn(outcome.key, warning)
            target, encoding = targets.pop(outcome.key, (None, Encoding("utf-8")))
            rendered = render(batch.fmt, outcome.key, encoding, outcome)
            if target is None:
                write_stdout(rendered)
            else:
                try:
                    if in_place and backup:
                        make_backup(target, backup_path(target, backup))
                    write_atomic(target, rendered)
                except OSError as error:  # a full disk or a read-only directory: stop, naming the file
                    raise DeclutterError(
                        f"cannot write the output: {error.strerror or error}",
                        path=target,
                        hint="check free space and permissions; outputs written so far are "
                        "complete, and a re-run continues",
                    ) from None
    finally:
        if progress is not None:
            progress.stop()
        report.close()
    if not summary.single and not batch.quiet:
        typer.echo(summary.line(), err=True)
    return summary


def _json_line(obj: dict[str, Any], ending: bytes = b"\n") -> bytes:
    """One JSONL row ending as its input row did (``ending``); text with lone surrogates (valid JSON, not valid
    UTF-8) is written escaped, not lost."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        return line.encode("utf-8") + ending
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True).encode("utf-8") + ending


def line_ending(line: bytes) -> bytes:
    r"""How a row read from a stream ends: ``\r\n`` (a Windows export), ``\n``, or ``\n`` for the last row
    when it has none (the rows after it, from the next stream, start on a line of their own).

    >>> line_ending(b'{"a": 1}\r\n'), line_ending(b'{"a": 1}\n'), line_ending(b'{"a": 1}')
    (b'\r\n', b'\n', b'\n')
    """
    return b"\r\n" if line.endswith(b"\r\n") else b"\n"


def is_jsonl(name: str) -> bool:
    """A JSONL stream by its name: ``.jsonl`` or ``.jsonl.gz``."""
    return name.lower().endswith((".jsonl", ".jsonl.gz"))


def jsonl_sources(paths: list[str], output: Path | None) -> list[str]:
    """The JSONL streams to read: ``-``, files, and every ``.jsonl(.gz)`` under a directory, in a stable order."""
    if output is not None and output.is_dir():
        raise typer.BadParameter(
            f"{output} is a directory; with --jsonl, -o names the output JSONL file (all rows, in input order)",
            param_hint="'-o'",
        )
    sources: list[str] = []
    for source in paths:
        path = Path(source)
        if source != "-" and path.is_dir():
            files = [f for f in walk_folder(source) if f.is_file() and not f.name.startswith(".")]
            found = [str(f) for f in files if is_jsonl(f.name)]
            if not found:
                raise DeclutterError("no .jsonl or .jsonl.gz file in this directory", path=path)
            sources += found
            documents = sum(not is_jsonl(f.name) and f.suffix.lower() in TEXT_SUFFIXES for f in files)
            if documents:  # the mirror of the note a directory walk without --jsonl gives for JSONL files
                typer.echo(
                    f"{source}: note: skipped {documents} text or HTML file{'s' if documents > 1 else ''} "
                    f"(with --jsonl only .jsonl and .jsonl.gz files are read; clean the others with: "
                    f"declutter clean {source} -o DIR)",
                    err=True,
                )
        else:
            sources.append(source)
    if output is not None and any(s != "-" and Path(s).resolve() == output.resolve() for s in sources):
        raise DeclutterError("the output JSONL would overwrite an input", path=output, hint="choose another -o")
    if output is not None:
        check_writable(output, "-o")
    return sources


def _open_jsonl(source: str, stack: ExitStack) -> IO[bytes]:
    if source == "-":
        return stdin_stream()
    path = Path(source)
    if not path.is_file():
        raise DeclutterError("no such JSONL file", path=path)
    if path.suffix == ".gz":
        return stack.enter_context(cast(IO[bytes], gzip.open(path, "rb")))
    return stack.enter_context(path.open("rb"))


def _stream_lines(source: str, stack: ExitStack) -> Iterator[bytes]:
    """A JSONL stream's lines; a gzip stream cut short or not gzip at all stops the run, naming the file and
    the last line read (the rows before it were cleaned; rows after the cut cannot be told from nothing)."""
    number = 0
    try:
        for line in _open_jsonl(source, stack):
            number += 1
            yield line
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        what = "ends early (a truncated download?)" if isinstance(exc, EOFError) else f"is not valid gzip ({exc})"
        where = f"after line {number:,}" if number else "before its first line"
        raise DeclutterError(
            f"the gzip stream {what} {where}; nothing after that was read",
            path=Path(source),
            hint="'gzip -t FILE' checks a file",
        ) from None


def json_kind(value: object) -> str:
    """What JSON calls a parsed value's type (Python's names, 'list' and 'str', are not what the row holds).

    >>> json_kind([1]), json_kind("x"), json_kind(2.5), json_kind(True), json_kind(None)
    ('array', 'string', 'number', 'boolean', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    return "object" if isinstance(value, dict) else type(value).__name__


class _DuplicateKeyError(Exception):
    """A JSON object names a key twice (``json`` would keep the last silently)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) < len(pairs):
        keys = [key for key, _ in pairs]
        raise _DuplicateKeyError(next(key for index, key in enumerate(keys) if key in keys[:index]))
    return obj


def _row_text(raw: bytes, field_name: str) -> tuple[dict[str, Any], str]:
    """The row and the text of its field; raises ValueError saying why a line is not a cleanable row."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start + 1}); kept unchanged") from None
    try:
        obj = json.loads(line.removeprefix("\ufeff"), object_pairs_hook=_unique_keys)
    except _DuplicateKeyError as exc:
        raise ValueError(
            f"key {exc.args[0]!r} appears twice in an object (readers differ on which one counts, and writing the "
            "row back would drop one); kept unchanged"
        ) from None
    except ValueError as exc:
        raise ValueError(f"not JSON ({exc}); kept unchanged") from None
    if not isinstance(obj, dict):
        raise ValueError(f"a JSON {json_kind(obj)}, not an object; kept unchanged")
    head, dot, _ = field_name.partition(".")
    if field_name not in obj and dot and isinstance(obj.get(head), dict):
        raise ValueError(
            f"no {field_name!r} field; kept unchanged (--field names a top-level key: {head!r} holds an object, "
            "and nested fields are not read; flatten the rows first, e.g. with jq)"
        )
    if field_name not in obj:
        texts = [key for key, value in obj.items() if isinstance(value, str)]
        hint = f"; pass --field {texts[0]}?" if len(texts) == 1 else f" (string fields: {', '.join(texts)})"
        raise ValueError(f"no {field_name!r} field; kept unchanged" + (hint if texts else ""))
    text = obj[field_name]
    if not isinstance(text, str):
        what = "null" if text is None else f"a JSON {json_kind(text)}"
        raise ValueError(f"field {field_name!r} is {what}, not a string; kept unchanged")
    return obj, text


def jsonl_fields(fmt: str, field_name: str, outcome: Outcome, removals: bool) -> dict[str, Any]:
    """What a cleaned document puts into its row: the field in the chosen format, and the ``declutter`` field.

    Text and JSON put the cleaned text in the field, other formats their rendering (HTML, ...);
    JSON adds every field its single-file output has (title, url, published, removals, ...) under
    ``declutter``, and ``--removals`` adds at least the removals there.
    """
    fields: dict[str, Any] = {
        field_name: outcome.text if fmt in ("text", "json") else render(fmt, "", Encoding(""), outcome)
    }
    if fmt == "json":
        document = json.loads(render("json", "", Encoding(""), outcome))
        fields["declutter"] = {k: v for k, v in document.items() if k not in ("source", "encoding", "text")}
    elif removals:
        fields["declutter"] = {"rules": outcome.rules, "removed": [d.to_dict() for d in outcome.decisions]}
    return fields


def run_jsonl(
    batch: Batch,
    paths: list[str],
    output: Path | None,
    field_name: str,
    url_field: str,
    removals: bool,
    language_field: str | None = None,
) -> Summary:
    """Clean the ``field_name`` of every object of JSONL streams, writing them back in input order.

    A row's ``url_field`` and ``language_field`` (when given) name its page and its language; a row
    without a usable one (absent, not a string, not a language) gets the batch's.

    Every input line gives exactly one output line: a line that is not a JSON object with a string
    in the field (or whose cleaning failed) is written back byte for byte and reported.
    """
    sources = jsonl_sources(paths, output)
    summary = Summary()
    report = ErrorReport(batch.errors_path)
    objects: dict[str, dict[str, Any]] = {}
    lines: dict[str, bytes] = {}  # each in-flight line as read, for writing back when it cannot be cleaned
    blank: set[str] = set()
    tmp: Path | None = None
    try:
        with ExitStack() as stack:
            if output is None:
                sys.stdout.flush()
                sink: IO[bytes] = sys.stdout.buffer
            elif is_stream(output):  # /dev/null, a FIFO: written into, never replaced by a file
                raw = stack.enter_context(output.open("wb"))
                sink = raw
            else:
                output = Path(os.path.realpath(output))  # a symlink's file is replaced, not the link
                with _interrupts_held():  # its name stored before a Ctrl-C can unwind past it
                    fd, name = temp_beside(output)
                    tmp = Path(name)
                tmp.chmod(_file_mode(output))
                raw = stack.enter_context(os.fdopen(fd, "wb"))
                sink = raw
                if output.suffix == ".gz":
                    sink = stack.enter_context(cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb")))

            def jobs() -> Iterator[Job]:
                for source in sources:
                    for number, line in enumerate(_stream_lines(source, stack), start=1):
                        key = f"{source}:{number}"
                        lines[key] = line if line.endswith(b"\n") else line + b"\n"
                        body = line.rstrip(b"\r\n")
                        if not body.strip():
                            blank.add(key)
                            yield Job(key, "", input_format="text")
                            continue
                        try:
                            obj, text = _row_text(body, field_name)
                        except ValueError as exc:
                            yield Job(key, "", error=str(exc))
                            continue
                        objects[key] = obj
                        url = obj.get(url_field) if isinstance(obj.get(url_field), str) else batch.url
                        tag = obj.get(language_field) if language_field else None
                        language = normalize_language(tag) if isinstance(tag, str) else None
                        yield Job(
                            key,
                            text,
                            url,
                            batch.domain,
                            batch.input_format,
                            render=RENDERED.get(batch.fmt),
                            language=language or batch.language,
                        )

            progress = _progress(batch, None)
            try:
                for outcome in clean_many(
                    jobs(), jobs_count=batch.jobs, selection=batch.selection, timeout=batch.timeout
                ):
                    unwind_if_interrupted()
                    line = lines.pop(outcome.key)
                    obj = objects.pop(outcome.key, None)
                    if outcome.key in blank:
                        blank.discard(outcome.key)
                        write_all(sink, line)
                        continue
                    summary.add(outcome)
                    if progress is not None:
                        progress.advance(progress.task_ids[0])
                    if not outcome.ok or obj is None:
                        report.add(outcome.key, outcome.error or "unreadable")
                        write_all(sink, line)  # the document stays, as it was, so nothing is lost
                        continue
                    for warning in outcome.warnings:
                        report.warn(outcome.key, warning)
                    obj.update(jsonl_fields(batch.fmt, field_name, outcome, removals))
                    write_all(sink, _json_line(obj, line_ending(line)))  # the row's line end, as it came
                sink.flush()
            finally:
                if progress is not None:
                    progress.stop()
                report.close()
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)  # an interrupted run leaves no partial output
        raise
    if tmp is not None and output is not None:
        tmp.replace(output)
    if not batch.quiet:
        typer.echo(summary.line(), err=True)
    return summary
