"""Lighthouse's mobile audit of the demo: a story, the Kompas landing, an instrument and the
tracker, in Dutch and English, each scores at least 90 for performance, 95 for accessibility,
95 for best practices and 90 for SEO.

The pinned lighthouse is installed from the npm registry into .cache/lighthouse on first use
(scripts/npm_cache.py) and drives Debian's chromium; it downloads no browser. One node process
audits the eight pages in turn (scripts/lighthouse_audit.mjs), with Lighthouse's defaults:
mobile form factor, simulated throttling. The JSON reports go to
test-results/e2e/lighthouse/ (COMENSHA_E2E_OUTPUT). Without node or npm the test is skipped,
unless COMENSHA_E2E_REQUIRED=1 (``make e2e``, CI), where it fails.
"""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from scripts.npm_cache import ensure_npm_packages
from tests.e2e.conftest import CHROMIUM, _missing, output_dir

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

#: Pinned: a new Lighthouse scores differently; raise it on purpose.
LIGHTHOUSE_PACKAGES = ("lighthouse@12.2.3",)
RUNNER = Path(__file__).resolve().parents[2] / "scripts" / "lighthouse_audit.mjs"
MINIMUM = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 90}
#: Eight audits of about 15 s each, with room for a busy machine.
TIMEOUT = 600


@pytest.fixture(scope="module")
def lighthouse_modules():
    """The pinned lighthouse's node_modules (before the demo is loaded: a missing node is told
    at once)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        _missing("node and npm are needed for Lighthouse (apt-get install npm)")
    try:
        modules = ensure_npm_packages("lighthouse", LIGHTHOUSE_PACKAGES)
    except subprocess.CalledProcessError as error:
        pytest.fail(f"lighthouse could not be installed from the npm registry: {error}")
    if modules is None:
        _missing("node and npm are needed for Lighthouse")
    return modules


def audited_pages():
    """``[(name, path)]`` per language: the longest live story (most blocks: the one with the
    most images and storytelling blocks), then the first live Kompas landing, instrument and
    tracker."""
    from comensha_content.kompas.models import InstrumentPage, KompasPage
    from comensha_content.longread.models import LongreadPage
    from comensha_content.recommendations.models import RecommendationIndexPage

    pages = []
    for language in ("nl", "en"):
        stories = LongreadPage.objects.live().filter(locale__language_code=language)
        story = max(stories.order_by("path"), key=lambda page: len(page.body))
        pages.append((f"story-{language}", story.get_url()))
        for name, model in (
            ("kompas", KompasPage),
            ("instrument", InstrumentPage),
            ("tracker", RecommendationIndexPage),
        ):
            page = model.objects.live().filter(locale__language_code=language).order_by("path")
            pages.append((f"{name}-{language}", page.first().get_url()))
    return pages


def shortfalls(result):
    """What a developer reads when a page falls short: each low category and its audits."""
    lines = []
    for category, minimum in MINIMUM.items():
        score = result["scores"].get(category)
        if score is None or score < minimum:
            lines.append(f"{result['name']} {result['url']}: {category} {score} < {minimum}")
            lines += [
                f"  {audit['id']} ({audit['title']}): score {audit['score']} "
                f"{audit['displayValue']}".rstrip()
                for audit in result["failing"]
                if audit["category"] == category
            ]
    return lines


def test_lighthouse_mobile_scores(lighthouse_modules, demo_site):
    modules = lighthouse_modules
    if not os.access(CHROMIUM, os.X_OK):
        _missing(f"{CHROMIUM} is missing")
    pages = audited_pages()
    assert len(pages) == 8
    reports = output_dir("lighthouse")
    base = demo_site.live_server.url
    started = time.monotonic()
    completed = subprocess.run(
        ["node", str(RUNNER), *(f"{name}={base}{path}" for name, path in pages)],
        env={
            **os.environ,
            "LIGHTHOUSE_NODE_MODULES": str(modules),
            "LIGHTHOUSE_OUTPUT": str(reports),
            "CHROME_PATH": CHROMIUM,
        },
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    elapsed = time.monotonic() - started
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    summary = {
        "seconds": round(elapsed, 1),
        "pages": {
            result["name"]: {
                "url": result["url"],
                "seconds": result["seconds"],
                "retried": result["retried"],
                **result["scores"],
            }
            for result in results
        },
    }
    (reports / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    assert [result["name"] for result in results] == [name for name, _path in pages]
    assert [result["runtimeError"] for result in results] == [None] * len(pages)
    assert [result["finalUrl"] for result in results] == [result["url"] for result in results]
    problems = [line for result in results for line in shortfalls(result)]
    assert problems == [], "\n".join(problems)
