"""The label vocabulary shared by rule files, samples and the scorer.

Every rule removes one *residue* category; every line of a sample is labelled
with a residue category or a *content* category. Keeping the two vocabularies
in one place is what lets the scorer attribute a removed line to a rule and a
missed line to a category.

>>> "newsletter" in RESIDUE and "body" in CONTENT
True
>>> sorted(set(RESIDUE) & set(CONTENT))
[]
"""

from __future__ import annotations

from typing import Final

RESIDUE: Final[dict[str, str]] = {
    "ad": "advertisement slugs and labels ('Story continues below advertisement', 'Advertisement')",
    "byline": "author lines, e-mail addresses and author bios ('By Marc Montgomery |')",
    "dateline": "date stamps and publication metadata ('Posted: …', 'Last Updated: …', '5 min read')",
    "caption": "photo and video captions and their credits ('(Vahid Salemi/The Associated Press)')",
    "share": "share, print, listen and comment buttons and counters ('Share', '0 Comments ↓')",
    "crosslink": "a single link to another story inside the article ('READ MORE: …', 'Related: …')",
    "video": "video player stubs and their deks ('Click to play video: …', 'WATCH: …')",
    "newsletter": "newsletter, subscription and paywall prompts ('Sign up here', '… to your inbox')",
    "social": "prompts to follow or like the publisher on social networks",
    "navigation": "menus, skip links, breadcrumbs, log-in and search UI, site chrome labels",
    "taxonomy": "category, tag and topic lines ('Tags: …', 'Filed under: …')",
    "furniture": (
        "controls printed among the content that the heuristics do not read: a forum post's per-post furniture,"
        " a poster's panel of fields ('Joined' over 'Nov 4, 2011'), a shop grid's sort menu"
    ),
    "widget": (
        "a script widget's notices and controls printed among the content that the heuristics do not read, and"
        " that set no post apart: an error asking to try again, a cart's notice, a postcode field, a gallery's"
        " buttons, an unrendered template placeholder; a Q&A site's stamp under every post ('answered Feb 12, 2011"
        " at 1:01'), printed under the question and the answers alike"
    ),
    "comments": "comment forms, comment policies ('Netiquette') and reader comments",
    "related": "related, most-read, just-posted and recommended headline lists and their headers",
    "sidebar": "sidebar widgets that are not headline lists (language switchers, other-language teasers)",
    "sponsored": "sponsored and promoted content and the tails that carry it",
    "legal": "copyright, cookie, privacy and terms notices",
    "other": "residue that fits no other category (loading messages, stray symbols)",
}
"""Residue categories: what declutter removes. Rule files must use one of these."""

CONTENT: Final[dict[str, str]] = {
    "title": "the article headline",
    "dek": "the standfirst or subheadline under the headline",
    "body": "a paragraph of the article",
    "heading": "a heading inside the article",
    "quote": "a block quote or pull quote inside the article",
    "list": "a list item inside the article",
    "table": "a table row inside the article",
    "attribution": "an end-of-article attribution ('— With files from …', 'Name, The Canadian Press')",
}
"""Content categories: what declutter keeps. Only sample labels use these."""


def is_residue(category: str) -> bool:
    """Tell whether a label names residue.

    >>> is_residue("share"), is_residue("body")
    (True, False)
    """
    return category in RESIDUE
