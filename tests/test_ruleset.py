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
