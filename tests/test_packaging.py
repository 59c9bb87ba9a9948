"""A plain (non-editable) install ships the rules inside the package and finds them from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_rules_and_finds_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr[-300:]}")
    [wheel] = tmp_path.glob("declutter-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "declutter/rules/general/share.toml" in names
    assert "declutter/py.typed" in names
    assert "declutter/report_page.html" in names  # the report's page template
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    deps = sysconfig.get_paths()["purelib"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), deps])}
    probe = (
        "import declutter, declutter.rules as r; print(r.default_dir()); "
        "print(len(declutter.RuleSet.bundled())); print(declutter.clean('Share\\n\\nText.\\n'), end='')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, check=True
    ).stdout.splitlines()
    assert out[0].startswith(str(target)), out
    assert int(out[1]) > 40
    assert out[2] == "Text."
