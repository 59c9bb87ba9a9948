import pytest

from declutter import RuleSet
from declutter.ruleset import selectors


def test_ruleset_load_and_select_name_a_wrong_type() -> None:
    """A number or None failed inside (pathlib's 'expected str, bytes or os.PathLike', 'not iterable')."""
    with pytest.raises(TypeError, match=r"each path must be a rule file or folder \(str or Path\), not 5"):
        RuleSet.load(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"keep must be .*not None"):
        RuleSet.bundled().select(keep=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"only must be .*not bytes"):
        selectors(b"caption", "only")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "yes", 1])
def test_ruleset_load_bundled_takes_a_bool(value: object) -> None:
    # bundled=None was read as False and bundled="no" as True: a flag is said, not guessed from a value's truth
    with pytest.raises(TypeError, match=r"^bundled must be True or False, not "):
        RuleSet.load("rules", bundled=value)  # type: ignore[arg-type]
