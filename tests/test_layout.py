"""The apps keep to their lanes: import-linter's contracts (pyproject.toml) hold.

Nothing outside ``demo/`` imports the demo, ``articles`` does not import
``accounts``, and the modules of ``articles`` form no import cycle.
import-linter reads every import, also one inside a function.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
