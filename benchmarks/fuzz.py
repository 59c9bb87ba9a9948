"""Longer fuzzing than the test-suite runs: random text and HTML through the invariants, for a time budget.

    python benchmarks/fuzz.py [--seconds 300] [--seed 1]

Each iteration builds a document from real residue lines, article sentences, random Unicode, and HTML
fragments (tag soup), then checks what the suite checks: cleaning never raises, decisions replay to the
output, the output is deterministic and idempotent (text mode), and kept lines are input lines in order.
It prints the iterations run and the slowest document; a failure prints the document and exits 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from declutter import Cleaner, apply

LINES = [
    "Share",
    "Most Read",
    "Story continues below advertisement",
    "READ MORE: Something happened",
    "",
    "The council approved the budget on Monday after a long debate about roads and schools.",
    "Skip to main content",
    " date 2020-01-03 advertisement",
    "Home",
    "News",
    "Sports",
    "Contact us",
    "Sponsored content",
    "By Jane Doe",
    "— With files from The Canadian Press",
    "Netiquette",
    "1. Be civil in the comments.",
    "RCI | Français",
    "Défi: 6 semaines pour arrêter de fumer",
    "Click to play video: 'A title'",
    "A title",
    "Tags: a, b",
    "Photo: Jane Doe/AP",
    "© 2019 Example",
    "We use cookies to improve your experience.",
    "*",
    "   ",
]
FRAGMENTS = [
    "<p>",
    "</p>",
    "<div class='share'>",
    "</div>",
    "<nav>",
    "</nav>",
    "<script>x()</script>",
    "<br>",
    "<article>",
    "</article>",
    "<h1>",
    "</h1>",
    "<a href='/x'>",
    "</a>",
    "&amp;",
    "&#x0;",
    "<!--",
    "-->",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<figcaption>",
    "</figcaption>",
]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        choice = rng.random()
        if choice < 0.7:
            parts.append(rng.choice(LINES))
        else:
            parts.append("".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 40))))
    return "\n".join(parts) + ("\n" if rng.random() < 0.5 else "")


def random_html(rng: random.Random) -> str:
    body = "".join(
        rng.choice(FRAGMENTS) if rng.random() < 0.5 else rng.choice(LINES) for _ in range(rng.randint(0, 120))
    )
    return "<html><body>" + body + ("</body></html>" if rng.random() < 0.5 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cleaner = Cleaner()
    deadline = time.monotonic() + args.seconds
    iterations = 0
    slowest = (0.0, "")
    while time.monotonic() < deadline:
        html = rng.random() < 0.3
        document = random_html(rng) if html else random_text(rng)
        start = time.perf_counter()
        try:
            result = cleaner.explain(document, input_format="html" if html else "text")
            if not html:
                assert apply(document, result.decisions) == result.text, "replay"
                assert cleaner.clean(result.text, input_format="text") == result.text, "idempotent"
                kept = iter(document.split("\n"))
                stripped = {d.line for d in result.decisions if d.action == "strip"}
                if not stripped:
                    assert all(line in kept for line in result.text.split("\n") if line.strip()), "subsequence"
            assert cleaner.explain(document, input_format="html" if html else "text").text == result.text
        except Exception as error:
            print(f"FAILED after {iterations} iterations ({type(error).__name__}: {error}):\n{document!r}")
            return 1
        elapsed = time.perf_counter() - start
        slowest = max(slowest, (elapsed, document[:60]))
        iterations += 1
    print(
        f"{iterations} documents in {args.seconds:.0f}s (seed {args.seed}), no failure; "
        f"slowest {slowest[0] * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
