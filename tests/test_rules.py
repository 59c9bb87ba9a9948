from declutter import Kind, RuleSet
from declutter.document import Document
from declutter.rules import LOWERED_CHUNK, PerSelection, lowered_chunks


def test_bundled_rules_have_unique_ids_and_names(rules: RuleSet) -> None:
    assert len({r.id for r in rules}) == len(rules) == len({r.name for r in rules})


def test_every_residue_family_is_covered(rules: RuleSet) -> None:
    categories = {r.category for r in rules if r.kind is not Kind.KEEP}
    for family in (
        "ad",
        "byline",
        "caption",
        "comments",
        "crosslink",
        "dateline",
        "navigation",
        "newsletter",
        "related",
        "share",
        "sidebar",
        "social",
        "sponsored",
        "taxonomy",
        "video",
        "legal",
    ):
        assert family in categories


def test_select_keep_only_ignore(rules: RuleSet) -> None:
    assert not [r for r in rules.select(keep=["caption"]) if r.category == "caption"]
    only = rules.select(only=["newsletter", "SOC"])
    assert {r.category for r in only if r.kind is not Kind.KEEP} == {"newsletter", "social"}
    assert "GLB002" not in {r.id for r in rules.select(ignore=["GLB002"])}
    assert not [r for r in rules.select(ignore=["CAP"]) if r.id.startswith("CAP")]
    assert [r for r in rules.select(only=["newsletter"]) if r.kind is Kind.KEEP], "keep rules always stay"


def test_site_rules_need_the_domain_or_a_signature(rules: RuleSet) -> None:
    plain = Document.from_text("Some text.")
    globe = Document.from_text("Some text.", domain="www.theglobeandmail.com".removeprefix("www."))
    signed = Document.from_text("Some text.\nInteract with The Globe")
    assert "GLB002" not in {r.id for r in rules.for_document(plain)}
    assert "GLB002" in {r.id for r in rules.for_document(globe)}
    assert "GLB002" in {r.id for r in rules.for_document(signed)}
    other = Document.from_text("Interact with The Globe", domain="example.com")
    assert "GLB002" not in {r.id for r in rules.for_document(other)}, "a known other domain beats signatures"


def test_pages_of_one_language_and_site_scope_share_one_selection(rules: RuleSet) -> None:
    one = Document.from_text("One.", domain="example.com", language="en")
    two = Document.from_text("Two.", domain="example.org", language="en")
    globe = Document.from_text("Three.", domain="theglobeandmail.com", language="en")
    assert rules.for_document(one) is rules.for_document(two), "listed once, not per page"
    assert "GLB002" in {r.id for r in rules.for_document(globe)}
    assert "GLB002" not in {r.id for r in rules.for_document(one)}, "a site rule's verdict is part of the key"
    for article, product in ((True, False), (False, True), (False, False)):
        page = rules.for_page(one, article=article, product=product)
        assert page == tuple(r for r in rules.for_document(one) if r.runs_on(article=article, product=product))
        assert page is rules.for_page(two, article=article, product=product)


def test_a_per_selection_value_is_built_once_per_selection(rules: RuleSet) -> None:
    built: list[int] = []
    count = PerSelection(lambda selection: built.append(len(selection)) or len(selection))
    some = rules.rules[:3]
    assert count(some) == count(list(some)) == 3
    assert count(rules.rules[1:3]) == 2
    assert built == [3, 2]


def test_a_per_selection_value_is_found_by_the_tuple_passed_and_keeps_few_tuples(rules: RuleSet) -> None:
    built: list[int] = []
    count = PerSelection(lambda selection: built.append(len(selection)) or len(selection), size=4)
    some = rules.rules[:3]
    assert count(some) == count(some) == 3
    for _ in range(10):  # a caller making a new tuple of the same rules for every document
        assert count((*some,)) == 3
    assert built == [3], "the same rules are one selection, whatever tuple holds them"
    assert len(count._tuples) <= 4, "the tuples known by identity are bounded, as the selections are"


def test_signatures_are_screened_a_piece_at_a_time(rules: RuleSet) -> None:
    filler = "A paragraph of the article that says nothing about the site it was published on.\n" * (
        3 * LOWERED_CHUNK // 80
    )
    pieces = list(lowered_chunks(Document.from_text(filler + "Interact with The Globe\n")))
    assert len(pieces) > 2, "a long text is lower-cased in pieces, never whole"
    assert all(len(piece) < 2 * LOWERED_CHUNK for piece in pieces)
    assert pieces[-1].endswith("interact with the globe")
    signed = Document.from_text(filler + "Interact with The Globe\n" + filler)
    unsigned = Document.from_text(filler + "Interact with the world\n" + filler)
    assert "GLB002" in {r.id for r in rules.for_document(signed)}, "a signature in a middle piece is found"
    assert "GLB002" not in {r.id for r in rules.for_document(unsigned)}


def test_select_refuses_unknown_tokens_naming_the_nearest(rules: RuleSet) -> None:
    import pytest

    with pytest.raises(ValueError, match=r"keep: unknown category 'captions' \(did you mean 'caption'\?\)"):
        rules.select(keep=["captions"])
    with pytest.raises(ValueError, match=r"only: no rule or category 'newsleter'.*did you mean 'newsletter'"):
        rules.select(only=["newsleter"])
    with pytest.raises(ValueError, match="ignore: no rule or category 'ZZZ999'"):
        rules.select(ignore=["ZZZ999"])
    assert rules.select(ignore=["share-label", "shr001", "GLB"])  # names, ids in any case and prefixes are known
