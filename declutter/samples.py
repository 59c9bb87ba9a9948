"""Hand-labelled samples: one diff-friendly file per document, a label per line.

A sample file is a header of ``# key: value`` lines followed by one row per line
of the raw text, ``<label> | <text>``. The raw text is recoverable byte for byte
(the ``sha256`` header proves it), so the scorer can clean exactly what the
labeller saw. Labels are a category from :mod:`declutter.categories`, optionally
``content+residue`` for a content line carrying a residue span (a date stamp glued
to a paragraph) and a trailing ``?`` for a doubtful decision. Whitespace-only
lines carry no label.

>>> sample = parse_sample('''# declutter sample 1
... # source: example
... # sha256: 9a3ec4d3fd1ad1dfb0b8c4b4c5fcdba1b1f0e1b1e1ad8e5f2d5b1c0f4c3a2e1d
... title       | Hello
...             |
... share       | Share
... ''', path="x.sample", verify=False)
>>> [(line.label, line.text) for line in sample.lines]
[('title', 'Hello'), ('', ''), ('share', 'Share')]
>>> sample.text
'Hello\\n\\nShare\\n'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from declutter.categories import CONTENT, RESIDUE
from declutter.decisions import Action, Decision, kept_lines
from declutter.document import lines_and_ends, split_lines
from declutter.errors import SampleError, did_you_mean

MAGIC = "# declutter sample 1"
SUFFIX = ".sample"
HEADER_KEYS = ("id", "source", "url", "domain", "split", "notes", "sha256", "final-newline", "cr-lines", "line-end")
_LABEL = re.compile(r"(?P<category>[a-z]+)(?:\+(?P<span>[a-z]+))?(?P<doubt>\?)?")
_ROW = re.compile(r"(?P<label>[a-z+?]*) *\|(?P<rest>.*)", re.DOTALL)
_LABEL_WIDTH = 12
TODO = "todo"


@dataclass(frozen=True, slots=True)
class LabeledLine:
    """One line of a sample's raw text with its label.

    ``category`` is empty for whitespace-only lines; ``span`` names the residue
    category of a span inside a content line (``body+dateline``).
    """

    number: int
    text: str
    category: str
    span: str | None = None
    doubtful: bool = False
    end: str = "\n"
    """What ends the line in the text ('\\n', '\\r\\n', '\\r'; '' for a last line the text does not end)."""

    @property
    def label(self) -> str:
        """The label as written in the file."""
        return self.category + (f"+{self.span}" if self.span else "") + ("?" if self.doubtful else "")

    @property
    def is_residue(self) -> bool:
        """True when the whole line is residue."""
        return self.category in RESIDUE


@dataclass(frozen=True, slots=True)
class Sample:
    """A labelled document."""

    id: str
    lines: tuple[LabeledLine, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def text(self) -> str:
        """The raw text exactly as the labeller saw it: every line with its own end."""
        return "".join(line.text + line.end for line in self.lines)

    @property
    def final_newline(self) -> bool:
        """Whether the text ends with a line end."""
        return bool(self.lines) and bool(self.lines[-1].end)

    @property
    def domain(self) -> str | None:
        return self.meta.get("domain") or None

    @property
    def url(self) -> str | None:
        return self.meta.get("url") or None


def text_sha256(text: str) -> str:
    """The fingerprint a sample header carries for its raw text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_label(label: str, *, path: str, line: int, draft: bool = False) -> tuple[str, str | None, bool]:
    """Split ``body+dateline?`` into (category, span category, doubtful), or fail naming the line.

    ``draft`` admits the placeholder ``todo`` that unfinished drafts carry.
    """
    if draft and label == TODO:
        return TODO, None, False
    match = _LABEL.fullmatch(label)
    if match is None:
        raise SampleError(
            f"malformed label {label!r}",
            path=path,
            line=line,
            hint="write a category, optionally '+residue' and a trailing '?'",
        )
    category, span, doubt = match["category"], match["span"], bool(match["doubt"])
    if category not in RESIDUE and category not in CONTENT:
        raise SampleError(
            f"unknown category {category!r}",
            path=path,
            line=line,
            hint=did_you_mean(category, [*RESIDUE, *CONTENT]).strip(" ()")
            or "the categories are listed in 'declutter label --help'",
        )
    if span is not None and (category not in CONTENT or span not in RESIDUE):
        raise SampleError(f"label {label!r}: '+' joins a content category to a residue category", path=path, line=line)
    return category, span, doubt


def parse_sample(source: str, *, path: str | Path = "<sample>", verify: bool = True, draft: bool = False) -> Sample:
    """Parse the text of a sample file; ``verify`` checks the ``sha256`` header, ``draft`` admits ``todo``."""
    name = str(path)
    rows = source.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    if not rows or rows[0] != MAGIC:
        raise SampleError(f"not a sample file: the first line must be {MAGIC!r}", path=name, line=1)
    meta: dict[str, str] = {}
    index = 1
    while index < len(rows) and rows[index].startswith("#"):
        key, sep, value = rows[index][1:].strip().partition(":")
        key = key.strip()
        if not sep or key not in HEADER_KEYS:
            raise SampleError(
                f"bad header line {rows[index]!r}",
                path=name,
                line=index + 1,
                hint="header lines are '# key: value' with key one of " + ", ".join(HEADER_KEYS),
            )
        value = value.strip()
        meta[key] = f"{meta[key]}\n{value}" if key == "notes" and key in meta else value
        index += 1
    body = rows[index:]
    final_newline = meta.get("final-newline", "yes") != "no"
    cr_rows = range(1, len(body) + 1) if meta.get("line-end") == "cr" else _numbers(meta.get("cr-lines", ""), name)
    lines: list[LabeledLine] = []
    for number, row in enumerate(body, start=1):
        file_line = index + number
        match = _ROW.fullmatch(row)
        if match is None:
            raise SampleError(
                "row without ' | ' separator", path=name, line=file_line, hint="every row is '<label> | <text>'"
            )
        rest = match["rest"]
        if rest and not rest.startswith(" "):
            raise SampleError("the text must follow '| ' (a bar and one space)", path=name, line=file_line)
        text = rest[1:]
        label = match["label"]
        if not text.strip():
            if label:
                raise SampleError(
                    f"blank line labelled {label!r}; leave blank lines unlabelled", path=name, line=file_line
                )
            category, span, doubtful = "", None, False
        elif not label:
            raise SampleError("line has text but no label", path=name, line=file_line)
        else:
            category, span, doubtful = parse_label(label, path=name, line=file_line, draft=draft)
        # A row is a line up to its line feed (a CR-LF line's CR ends its text), or up to a carriage return alone
        # ('cr-lines'); a row holding a CR inside (written before lines ended there) is read as the lines it holds.
        end = "" if number == len(body) and not final_newline else "\r" if number in cr_rows else "\n"
        pieces, ends = lines_and_ends(text + end)
        for piece, piece_end in zip(pieces or [""], ends or [""], strict=True):
            blank = not piece.strip()
            lines.append(
                LabeledLine(
                    len(lines) + 1,
                    piece,
                    "" if blank else category,
                    None if blank else span,
                    doubtful and not blank,
                    piece_end,
                )
            )
    if not lines:
        raise SampleError("sample has no lines", path=name)
    sample = Sample(
        id=meta.get("id") or Path(name).name.removesuffix(SUFFIX),
        lines=tuple(lines),
        meta=meta,
        path=Path(name),
    )
    if verify:
        expected = meta.get("sha256")
        if expected is None:
            raise SampleError(
                "missing '# sha256:' header", path=name, hint="run 'declutter label --refresh' to write it"
            )
        actual = text_sha256(sample.text)
        if actual != expected:
            raise SampleError(
                f"labels do not match the text: sha256 is {actual}, header says {expected}",
                path=name,
                hint="a row's text was edited; restore it or re-create the sample",
            )
    return sample


def format_sample(sample: Sample) -> str:
    """Write a sample back in the file format (the inverse of :func:`parse_sample`): a row per line, a CR-LF line's
    CR at the end of its row, the lines ending in a carriage return alone named in the header (``cr-lines``)."""
    meta = {key: value for key, value in sample.meta.items() if key not in ("line-end", "cr-lines")}
    meta["sha256"] = text_sha256(sample.text)
    meta["final-newline"] = "yes" if sample.final_newline else "no"
    cr_lines = [number for number, line in enumerate(sample.lines, start=1) if line.end == "\r"]
    if cr_lines:
        meta["cr-lines"] = _ranges(cr_lines)
    out = [MAGIC]
    for key in HEADER_KEYS:
        for value in meta.get(key, "").split("\n") if key in meta else ():
            out.append(f"# {key}: {value}")
    for line in sample.lines:
        label = line.label if line.text.strip() else ""
        text = line.text + ("\r" if line.end == "\r\n" else "")
        out.append(f"{label:<{_LABEL_WIDTH}}|" + (f" {text}" if text else ""))
    return "\n".join(out) + "\n"


def _ranges(numbers: Sequence[int]) -> str:
    """Line numbers (ascending) as ranges: '2, 4-6'.

    >>> _ranges([2, 4, 5, 6, 9])
    '2, 4-6, 9'
    """
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _numbers(ranges: str, name: str) -> set[int]:
    """The line numbers a header's ranges name ('2, 4-6'), or fail naming the file.

    >>> sorted(_numbers("2, 4-6", "x.sample"))
    [2, 4, 5, 6]
    """
    numbers: set[int] = set()
    for part in filter(None, (p.strip() for p in ranges.split(","))):
        first, _, last = part.partition("-")
        if not first.isdigit() or not (last or first).isdigit():
            raise SampleError(f"bad line range {part!r} in 'cr-lines'", path=name, hint="write e.g. '2, 4-6'")
        numbers.update(range(int(first), int(last or first) + 1))
    return numbers


def sample_from_text(text: str, labels: Iterable[str], *, meta: Mapping[str, str]) -> Sample:
    """Build a sample from raw text and one label per line (blank lines get '')."""
    raw_lines, ends = lines_and_ends(text)
    lines = []
    for number, (raw, end, label) in enumerate(zip(raw_lines or [""], ends or [""], labels, strict=True), start=1):
        if not raw.strip():
            lines.append(LabeledLine(number, raw, "", end=end))
            continue
        category, span, doubtful = parse_label(label, path=meta.get("id", "<new>"), line=number, draft=True)
        lines.append(LabeledLine(number, raw, category, span, doubtful, end))
    return Sample(id=meta.get("id", ""), lines=tuple(lines), meta=dict(meta))


def draft_sample(text: str, decisions: Iterable[Decision], *, meta: Mapping[str, str]) -> Sample:
    """A sample of ``text`` pre-labelled by cleaning decisions, for a person to correct.

    A dropped line gets its rule's category; a line that only lost a span gets
    ``body+<category>``; every other line is ``body``.

    >>> from declutter.decisions import Decision, Action
    >>> share = Decision(0, Action.DROP, "SHR001", "share", "", 0, 5, "Share")
    >>> [line.label for line in draft_sample("Share\\nText.", [share], meta={"id": "x"}).lines]
    ['share', 'body']
    """
    decisions = list(decisions)
    raw = split_lines(text) or [""]
    remainders = kept_lines(raw, decisions)
    categories: dict[int, str] = {}
    for decision in decisions:
        categories.setdefault(decision.line, decision.category)
    labels = []
    for number, line in enumerate(raw):
        if not line.strip():
            labels.append("")
        elif number not in categories:
            labels.append("body")
        elif remainders.get(number, "").strip() and all(
            d.action is Action.STRIP for d in decisions if d.line == number
        ):
            labels.append(f"body+{categories[number]}")
        else:
            labels.append(categories[number])
    return sample_from_text(text, labels, meta=meta)


def load_sample(path: str | Path) -> Sample:
    """Read and verify one sample file."""
    file = Path(path)
    try:
        source = file.read_bytes().decode("utf-8")  # no newline translation: a '\r' in a line is text
    except UnicodeDecodeError as exc:
        raise SampleError(f"not UTF-8 (byte {exc.start})", path=file) from None
    except OSError as exc:
        raise SampleError(f"cannot read: {exc.strerror}", path=file) from None
    return parse_sample(source, path=file)


def find_samples(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every ``*.sample`` file under the given files and directories, sorted within each directory."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob(f"*{SUFFIX}"))
        elif path.exists():
            yield path
        else:
            raise SampleError("no such file or directory", path=path)


def load_samples(paths: Iterable[str | Path]) -> list[Sample]:
    """Load every sample under ``paths``; refuse an empty set so a gate never passes on nothing."""
    samples = [load_sample(path) for path in find_samples(paths)]
    if not samples:
        raise SampleError(
            "no samples found", path=", ".join(map(str, paths)) or "<none>", hint=f"samples are '*{SUFFIX}' files"
        )
    return samples
