"""Cleaning many documents: worker processes, input order kept, memory bounded, errors as rows.

:func:`clean_many` takes an iterator of :class:`Job` and yields one :class:`Outcome`
per job, in input order, while at most a few jobs per worker are in flight (so a
million-line JSONL stream runs in constant memory). Each worker compiles its
rules once. A failing document (undecodable, over the time limit, a rule error)
becomes an outcome with ``error`` set; it never stops the batch.

>>> jobs = [Job("a", "Share\\n\\nThe council met.\\n"), Job("b", "Sign up here\\n")]
>>> [(o.key, o.text, o.error) for o in clean_many(jobs)]
[('a', 'The council met.\\n', None), ('b', '', None)]
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from declutter.decisions import Decision, ElementDecision
from declutter.errors import DeclutterError, did_you_mean, items_of, wrong_type
from declutter.outputs import FORMATS, Format, render
from declutter.pipeline import INPUT_FORMATS, Cleaner
from declutter.ruleset import selectors


@dataclass(frozen=True, slots=True)
class Job:
    """One document to clean: a key to find it again (a path, a line number), its text and its site."""

    key: str
    text: str
    url: str | None = None
    domain: str | None = None
    input_format: str = "auto"
    error: str | None = None
    """Set when the document could not even be read: the job then yields this error as its outcome."""
    render: Format | None = None
    """Also render the result as ``markdown`` or ``html`` (:func:`declutter.outputs.render`), in the worker:
    only it holds the page's structure."""
    language: str | None = None
    """The document's language (ISO 639-1 or a tag like 'pt-BR'); None: declared by the page or detected."""

    def __post_init__(self) -> None:
        """A job a user builds is checked here, where it is made: a ``Job("a", 5)`` raised ``TypeError`` from inside
        a worker and stopped the whole batch, and ``input_format="htm"`` failed every document one by one. A wrong
        type raises ``TypeError``, a wrong value ``ValueError``, each naming the field (one job per document: the
        check costs nothing per line). ``text`` may be bytes, decoded as :func:`declutter.explain` decodes them."""
        if not isinstance(self.key, str):
            raise wrong_type("Job key", self.key, "a str")
        if not isinstance(self.text, str | bytes):
            raise wrong_type("Job text", self.text, "a str (or bytes)")
        for name in ("url", "domain", "error", "language"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise wrong_type(f"Job {name}", value, "a str or None")
        _one_of("Job input_format", self.input_format, INPUT_FORMATS)
        if self.render is not None:
            _one_of("Job render", self.render, FORMATS)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one job: the cleaned text and decisions, or the error that stopped it."""

    key: str
    text: str = ""
    decisions: tuple[Decision, ...] = ()
    elements: tuple[ElementDecision, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    chars_in: int = 0
    seconds: float = 0.0
    domain: str | None = None
    rules: str = ""
    rendered: str = ""
    """The result in the job's ``render`` format, when it asked for one."""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Selection:
    """How a worker builds its cleaner: plain values, so they cross process boundaries."""

    rules: tuple[str, ...] | None = None
    extra: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """Each field as a tuple of strings, checked where the selection is made: a list was unhashable only when
        :func:`clean_partition` looked its cleaner up, and ``rules="my-rules"`` was read as its characters, one
        rule path each. One string is one path (``rules``, ``extra``) or a comma-separated list (``keep``, ``only``,
        ``ignore``, as :func:`declutter.explain` takes them); a list becomes a tuple; anything else raises
        ``TypeError`` naming the field."""
        for name in ("rules", "extra", "keep", "only", "ignore"):
            value = getattr(self, name)
            if name == "rules" and value is None:
                continue
            if name in ("rules", "extra"):
                paths = (value,) if isinstance(value, str | Path) else value
                takes = "a rule file or folder (str or Path) or a list of them"
                items = items_of(f"Selection {name}", paths, (str, Path), takes, "a path (str or Path)")
                value = tuple(str(item) for item in items)
            else:
                value = selectors(value, f"Selection {name}")
            object.__setattr__(self, name, value)

    def cleaner(self) -> Cleaner:
        return Cleaner(
            list(self.rules) if self.rules else None,
            extra=self.extra,
            keep=self.keep,
            only=self.only,
            ignore=self.ignore,
        )


def _one_of(name: str, value: object, choices: tuple[str, ...]) -> None:
    """``value`` is one of ``choices``, or a ``TypeError`` (not a string) or ``ValueError`` naming ``name``."""
    if not isinstance(value, str):
        raise wrong_type(name, value, f"one of {', '.join(choices)} (a string)")
    if value not in choices:
        raise ValueError(f"{name} {value!r} is not one of {', '.join(choices)}{did_you_mean(value, choices)}")


class DocumentTimeoutError(DeclutterError):
    """A document took longer than the per-document time limit."""


_WORKER: dict[str, object] = {}


def _init_worker(selection: Selection) -> None:
    _WORKER["cleaner"] = selection.cleaner()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts the pool down


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise DocumentTimeoutError("over the per-document time limit")


def run_job(job: Job, cleaner: Cleaner, timeout: float | None = None) -> Outcome:
    """Clean one job, turning every failure into an outcome with an error message.

    ``timeout`` (seconds) is enforced with a timer signal, which works in the main
    thread of a process: in worker processes always, in-process only from the main thread.
    """
    if job.error is not None:
        return Outcome(job.key, error=job.error)
    start = time.perf_counter()
    timed = bool(timeout) and hasattr(signal, "setitimer") and _in_main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if timed else None
    try:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, min(float(timeout or 0), LONGEST_TIMER))
        result = cleaner.explain(
            job.text, url=job.url, domain=job.domain, input_format=job.input_format, language=job.language
        )
        return Outcome(
            job.key,
            result.text,
            result.decisions,
            result.elements,
            dict(result.metadata),
            None,
            len(job.text),
            time.perf_counter() - start,
            result.domain,
            result.rules_fingerprint,
            render(result, job.render) if job.render else "",
            result.warnings,
        )
    except DocumentTimeoutError:
        return Outcome(
            job.key,
            error=f"over the {timeout}s time limit",
            chars_in=len(job.text),
            seconds=time.perf_counter() - start,
        )
    except DeclutterError as error:
        return Outcome(job.key, error=str(error), chars_in=len(job.text), seconds=time.perf_counter() - start)
    except (RecursionError, MemoryError, ValueError) as error:
        return Outcome(
            job.key,
            error=f"{type(error).__name__}: {error}",
            chars_in=len(job.text),
            seconds=time.perf_counter() - start,
        )
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _work(job: Job, timeout: float | None) -> Outcome:
    cleaner = _WORKER["cleaner"]
    assert isinstance(cleaner, Cleaner)
    return run_job(job, cleaner, timeout)


LONGEST_TIMER = 10**9
"""The longest time limit a timer signal takes (about 31 years: longer overflows the platform's ``time_t``); a
``timeout`` above it, ``inf`` included, is no limit in practice and is set to it."""


@dataclass(frozen=True, slots=True)
class BadLimit:
    """A worker count or a time limit no run can take, found in one place (:func:`bad_limit`) and said two ways: by
    :func:`clean_many` as a ``ValueError`` naming its argument, by the command line as a usage error naming its
    option. Each adds its own way to ask for no limit (``None``, or leaving ``--timeout`` out)."""

    argument: str
    """The library's name for it: ``jobs_count`` or ``timeout``."""
    value: float
    problem: str
    """What is wrong with the value, and what the valid ones mean: 'is below 0 (0 means one worker per core)'."""
    unlimited: bool = False
    """Whether leaving the argument out means no limit (the time limit)."""

    def __str__(self) -> str:
        return f"{self.argument}={self.value:g} {self.problem}" + (" (None for no limit)" if self.unlimited else "")


def bad_limit(jobs_count: int, timeout: float | None) -> BadLimit | None:
    """What is wrong with a run's worker count and time limit, or None when nothing is.

    A ``nan`` time limit compares false with everything, so it passed a check for 'not above 0' and failed each
    document with 'Invalid value NaN'.

    >>> str(bad_limit(-1, None)), str(bad_limit(2, float("nan"))), bad_limit(0, 30)
    ('jobs_count=-1 is below 0 (0 means one worker per core)', 'timeout=nan is not a number (None for no limit)', None)
    """
    if jobs_count < 0:
        return BadLimit("jobs_count", jobs_count, "is below 0 (0 means one worker per core)")
    if timeout is not None and timeout != timeout:
        return BadLimit("timeout", timeout, "is not a number", unlimited=True)
    if timeout is not None and timeout <= 0:
        return BadLimit("timeout", timeout, "is not above 0", unlimited=True)
    return None


def clean_many(
    jobs: Iterable[Job],
    *,
    jobs_count: int = 1,
    selection: Selection | None = None,
    timeout: float | None = None,
    window: int = 8,
) -> Iterator[Outcome]:
    """Clean every job, yielding outcomes in input order.

    ``jobs_count`` worker processes (1: in this process; 0: one per core, as ``-j 0`` on the command line); at
    most ``window`` jobs per worker are read ahead, so memory stays flat however long the input is. Values the
    command line refuses are refused here too, when called, not at the first outcome:

    >>> clean_many([], timeout=0)
    Traceback (most recent call last):
    ...
    ValueError: timeout=0 is not above 0 (None for no limit)
    """
    _check_types(jobs, selection, jobs_count=jobs_count, window=window)
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float)):
        raise wrong_type("timeout", timeout, "a number of seconds or None")
    bad = bad_limit(jobs_count, timeout)
    if bad is not None:
        raise ValueError(str(bad))
    if window < 1:
        raise ValueError(f"window={window} is below 1 (jobs read ahead per worker)")
    return _outcomes(jobs, jobs_count or default_jobs(), selection or Selection(), timeout, window)


def _check_types(jobs: object, selection: object, name: str = "jobs", **counts: object) -> None:
    """:func:`clean_many`'s arguments of the right type, or a ``TypeError`` at the call naming the parameter (a
    string worker count failed inside as "'<' not supported", a job list given as one Job as 'not iterable')."""
    if isinstance(jobs, str | bytes) or not isinstance(jobs, Iterable):
        raise wrong_type(name, jobs, "an iterable of Job" if name == "jobs" else "an iterable of str")
    if selection is not None and not isinstance(selection, Selection):
        raise wrong_type("selection", selection, "a Selection or None")
    for parameter, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong_type(parameter, value, "an int")


def _job(job: object) -> Job:
    """A job of the list, or a ``TypeError`` naming what stood there instead ('str' has no attribute 'error')."""
    if not isinstance(job, Job):
        raise wrong_type("each of jobs", job, "a Job (Job(key, text))")
    return job


def _outcomes(
    jobs: Iterable[Job], jobs_count: int, selection: Selection, timeout: float | None, window: int
) -> Iterator[Outcome]:
    """:func:`clean_many`'s outcomes, its arguments checked."""
    if jobs_count <= 1:
        cleaner = selection.cleaner()
        for job in jobs:
            yield run_job(_job(job), cleaner, timeout)
        return
    with ProcessPoolExecutor(max_workers=jobs_count, initializer=_init_worker, initargs=(selection,)) as pool:
        pending: deque[Future[Outcome]] = deque()
        try:
            for job in jobs:
                pending.append(pool.submit(_work, _job(job), timeout))
                if len(pending) >= jobs_count * window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


_PARTITION_CLEANERS: dict[Selection, Cleaner] = {}


def clean_partition(texts: Iterable[str], selection: Selection | None = None) -> list[str]:
    """Clean one partition of a distributed collection, compiling the rules once per worker process.

    The unit a distributed engine hands a function: a Dask bag partition
    (``bag.map_partitions(clean_partition)``) or a Spark partition
    (``rdd.mapPartitions(clean_partition)``). A document that fails comes back
    unchanged rather than failing the partition; use :func:`clean_many` to get the errors.

    >>> clean_partition(["Share\\n\\nThe council met.\\n"])
    ['The council met.\\n']
    """
    _check_types(texts, selection, "texts")
    selection = selection or Selection()
    cleaner = _PARTITION_CLEANERS.get(selection)
    if cleaner is None:
        cleaner = _PARTITION_CLEANERS[selection] = selection.cleaner()
    cleaned = []
    for text in texts:
        outcome = run_job(Job("", text), cleaner)
        cleaned.append(outcome.text if outcome.ok else text)
    return cleaned


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def mirror_target(
    source: Path, root: Path, output: Path, suffix: str | None = None, *, keep_suffix: bool = False
) -> Path:
    """Where a file under ``root`` goes under ``output``; refuses paths that would escape ``output``.

    ``.gz`` is dropped (the output is not compressed) and ``suffix`` replaces the file's own
    suffix (``page.html`` → ``page.txt``), or is added after it with ``keep_suffix``
    (``page.html`` → ``page.html.txt``, for two inputs that would otherwise share a name).
    """
    relative = source.relative_to(root) if source != root else Path(source.name)
    if relative.suffix == ".gz":
        relative = relative.with_suffix("")
    if not suffix:
        target = output / relative
    elif keep_suffix:
        target = output / relative.with_name(relative.name + suffix)
    else:
        target = (output / relative).with_suffix(suffix)
    resolved_output = output.resolve()
    if not target.resolve().is_relative_to(resolved_output):
        raise DeclutterError(
            "output would escape the output directory",
            path=source,
            hint="a symlink in the input or output tree points outside it",
        )
    return target


def up_to_date(source: Path, target: Path) -> bool:
    """True when the target exists and is newer than its source (so a re-run can skip it)."""
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


__all__ = [
    "Job",
    "Outcome",
    "Selection",
    "clean_many",
    "clean_partition",
    "default_jobs",
    "mirror_target",
    "run_job",
    "up_to_date",
]
