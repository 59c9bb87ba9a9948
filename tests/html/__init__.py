"""Tests of :mod:`declutter.html`, one file per module of the DOM stage, and the page and inputs they share."""

from __future__ import annotations

from hypothesis import strategies as st

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Budget passes - The Daily</title>
<link rel="canonical" href="https://www.example.com/news/budget">
<meta property="article:published_time" content="2019-11-20T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
<article><h1>Budget passes</h1>
<div class="byline">By Jane Doe</div>
<p>The council approved the budget on Monday, after a long debate about roads, schools and parks.</p>
<figure><img src="a.jpg"><figcaption>The mayor at city hall. (Jane Doe/AP)</figcaption></figure>
<p>Story continues below advertisement</p>
<p>Spending on roads rises by four percent, while property taxes stay flat for a third straight year.</p>
<div class="newsletter-signup"><p>Get our daily newsletter in your inbox.</p></div>
</article>
<aside><h3>Most popular</h3><a>Storm hits coast</a></aside>
<footer>© 2019 The Daily</footer></body></html>"""
"""A news page with the usual chrome around its article."""

CLASS_CHARS = st.sampled_from("abzAZ_- 0\t\xa0ıİſKéÉǅß")
CLASS_WORDS = st.sampled_from(["article", "Body", "body", "content", "TEXT", "main", "post", "news", "story", "nav"])
CLASS_NAMES = st.lists(CLASS_CHARS | CLASS_WORDS, max_size=12).map("".join)
"""Class attribute values: words the DOM stage looks for, among characters whose case or spacing is tricky."""


def story(paragraphs: int = 8) -> str:
    """An article's text: ``paragraphs`` paragraphs of 14 words each."""
    return "".join(
        f"<p>Paragraph {i} of the story, which goes on for a while with many more words.</p>" for i in range(paragraphs)
    )
