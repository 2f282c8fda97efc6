"""Audit the installed dependencies for known vulnerabilities with pip-audit (`make audit`).

Fails on any known vulnerability. pip-audit reports "No known vulnerabilities found" even when
it could look up no package at all (no access to the vulnerability service, or a package index
without PyPI's JSON API); this script counts the packages actually audited and fails when none
were, unless AUDIT_ALLOW_UNAUDITED=1 — an audit that audited nothing must not look green.
"""

import json
import os
import subprocess
import sys


def main():
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except ValueError:
        print(result.stdout, result.stderr, sep="\n")
        print("pip-audit gave no report")
        return 2
    dependencies = report.get("dependencies", [])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    vulnerable = [dep for dep in audited if dep.get("vulns")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in: {fixed})")
    print(f"{len(audited)} of {len(dependencies)} packages audited, {len(vulnerable)} vulnerable")
    if vulnerable:
        return 1
    if not audited and os.environ.get("AUDIT_ALLOW_UNAUDITED") != "1":
        print("No package could be audited (no access to the vulnerability service?).")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
