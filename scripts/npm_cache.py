"""Pinned npm packages installed from the npm registry into a git-ignored folder on first use.

Shared by the checks that run a node tool: ``scripts/check_schema.py`` (ajv, ``.cache/ajv``) and
the Lighthouse audit (``tests/e2e/test_lighthouse.py``, ``.cache/lighthouse``). A stamp file
records what was installed, so a changed pin installs again and an unchanged one costs nothing.
"""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"


def ensure_npm_packages(name, packages):
    """The node_modules folder of ``.cache/<name>`` with ``packages`` ("pkg@version") in it.

    None when node or npm is missing; raises CalledProcessError when npm fails.
    """
    directory = CACHE / name
    modules = directory / "node_modules"
    stamp = directory / "installed.txt"
    wanted = " ".join(packages)
    if stamp.exists() and stamp.read_text() == wanted and modules.is_dir():
        return modules
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(directory)]
        + list(packages),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    stamp.write_text(wanted)
    return modules
