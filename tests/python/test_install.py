"""The README's install line puts a working package where python3 finds
it: `cmake --install build --component python`, here into a fresh prefix."""

import os
import pathlib
import subprocess
import sys

import pytest

from conftest import REPO


def test_the_installed_package_runs_the_readme_example(tmp_path):
    build = os.environ.get("WHOSAID_BUILD_DIR")
    if not build:
        pytest.skip("WHOSAID_BUILD_DIR is not set (run the tests through ctest)")
    prefix = tmp_path / "prefix"
    subprocess.run(
        [os.environ["CMAKE_COMMAND"], "--install", build, "--component", "python",
         "--prefix", str(prefix)],
        check=True, capture_output=True, timeout=120,
    )
    packages = prefix / os.environ["WHOSAID_PYTHON_INSTALL_DIR"]
    # Only the package: nothing of the C++ library or the command line.
    assert sorted(p.name for p in prefix.rglob("*") if p.is_file()) == sorted(
        p.name for p in (packages / "whosaid").iterdir()
    )
    readme_check = (
        "import whosaid; print(whosaid.__file__); "
        "print(whosaid.extract(open('docs/example-article.txt').read()))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(packages)
    done = subprocess.run(
        [sys.executable, "-c", readme_check], cwd=REPO, env=env,
        check=True, capture_output=True, text=True, timeout=120,
    )
    module_file, result = done.stdout.splitlines()
    assert pathlib.Path(module_file).is_relative_to(packages)
    assert "'speaker_name': 'Ana Ruiz'" in result
