"""Build the wheel, check what it ships, install it into a fresh virtualenv, run the example's check.

The example project is run from a copy outside the repository, so `comensha_content` can only
come from the installed wheel, as on a user's site.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUIRED_KINDS = {
    "templates": lambda name: "/templates/comensha_content/" in name and name.endswith(".html"),
    "static files": lambda name: "/static/comensha_content/" in name,
    "migrations": lambda name: "/migrations/0001_" in name,
    "compiled Dutch catalog": lambda name: name.endswith("locale/nl/LC_MESSAGES/django.mo"),
    "compiled English catalog": lambda name: name.endswith("locale/en/LC_MESSAGES/django.mo"),
}


def run(*args, **kwargs):
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def main():
    work = Path(tempfile.mkdtemp(prefix="comensha-wheel-"))
    try:
        run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", ROOT)
        wheel = next((work / "dist").glob("comensha_content-*.whl"))
        names = zipfile.ZipFile(wheel).namelist()
        missing = [kind for kind, test in REQUIRED_KINDS.items() if not any(map(test, names))]
        if missing:
            print(f"The wheel lacks: {', '.join(missing)}", file=sys.stderr)
            return 1
        if any(name.startswith(("tests/", "example_project/")) for name in names):
            print("The wheel ships tests or the example project.", file=sys.stderr)
            return 1
        print(f"{wheel.name}: {len(names)} files, with templates, static, migrations, .mo")

        venv.create(work / "venv", with_pip=True)
        python = work / "venv" / "bin" / "python"
        run(python, "-m", "pip", "install", "--quiet", f"{wheel}[example]")
        example = work / "example_project"
        shutil.copytree(
            ROOT / "example_project", example, ignore=shutil.ignore_patterns("db.sqlite3", "media")
        )
        env_db = {"DATABASE_URL": f"sqlite:///{work / 'check.sqlite3'}"}
        env = {**os.environ, **env_db}
        env.pop("PYTHONPATH", None)
        run(
            python,
            "-c",
            "import comensha_content, sys; print('installed at', comensha_content.__file__)",
            cwd=work,
            env=env,
        )
        run(python, example / "manage.py", "check", cwd=work, env=env)
        run(python, example / "manage.py", "migrate", "--noinput", "-v0", cwd=work, env=env)
        run(python, example / "manage.py", "load_demo", cwd=work, env=env)
        run(python, example / "manage.py", "check", "--database", "default", cwd=work, env=env)
        print("wheel check passed")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
