"""Browser tests: Playwright for Python driving Debian's chromium against pytest-django's live_server.

``scripts/install_browser.sh`` installs chromium (apt) and axe-core (npm pack, into a cache);
Playwright's own browser downloads are never used. Without chromium or Playwright the tests are
skipped, unless COMENSHA_E2E_REQUIRED=1 (``make e2e``, CI), where they fail instead.

The live server needs committed data, so every test here is transactional: pytest-django
flushes the database after it, including what Wagtail's migrations created (the root page and
collection). ``demo_site`` therefore rebuilds those and loads the demo when they are missing;
the first browser test of a session finds the demo that tests/conftest.py loaded.
"""

import io
import json
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
NEUTRAL_PAGE = "<!DOCTYPE html><html lang='en'><title>Neutral</title><h1>Neutral site</h1></html>"
DEMO_ADMIN = ("admin", "comensha-demo")
AXE_IMPACTS_THAT_FAIL = {"serious", "critical"}
CONTENT_TYPE = "contenttypes.contenttype"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _missing(reason):
    if os.environ.get("COMENSHA_E2E_REQUIRED") == "1":
        pytest.fail(f"{reason} (run scripts/install_browser.sh)")
    pytest.skip(f"{reason}: run scripts/install_browser.sh")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    if not os.access(CHROMIUM, os.X_OK):
        _missing(f"{CHROMIUM} is missing")
    # Playwright's sync API keeps an event loop on this thread; Django's ORM (used by the
    # fixtures) refuses to run next to one unless told that nothing here is async.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


#: The demo as loaded once, serialised like Django's serialized_rollback does (see demo_site).
_demo_snapshot = {}


def _ensure_wagtail_roots():
    """What Wagtail's migrations create and a flush removes: the root page and collection."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _load_demo():
    from home.demo import load_demo

    _ensure_wagtail_roots()
    return load_demo(io.StringIO(), *DEMO_ADMIN)  # idempotent: loads only what is missing


def _snapshot():
    """Every row of every model, as Django's serialize_db_to_string (which skips apps that have
    no migrations, i.e. all of them under --nomigrations)."""
    from django.apps import apps
    from django.core import serializers
    from django.db import connection, router

    app_list = [(config, None) for config in apps.get_app_configs() if config.models_module]

    def rows():
        for model in serializers.sort_dependencies(app_list, allow_cycles=True):
            if model._meta.db_table.endswith("_fts"):
                continue  # SQLite's full-text index: its triggers refill it from IndexEntry
            if model._meta.can_migrate(connection) and router.allow_migrate_model(
                connection.alias, model
            ):
                yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    return serializers.serialize("json", rows(), indent=None)


def _restore_demo(snapshot):
    """Empty the database (as a flush does, without re-seeding) and restore the snapshot.

    Content types go first: Wagtail's Page.__init__ looks up (or creates) the page's content
    type, which would otherwise take the id of another one still to be restored.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction

    records = json.loads(snapshot)
    content_types = [record for record in records if record["model"] == CONTENT_TYPE]
    others = [record for record in records if record["model"] != CONTENT_TYPE]
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    with transaction.atomic(), connection.constraint_checks_disabled():
        for batch in (content_types, others):
            for deserialized in serializers.deserialize("python", batch):
                deserialized.save()
    connection.check_constraints()
    cache.clear()  # Wagtail caches the site's root paths


def _one_request_at_a_time(live_server):
    """Make the live server handle one request at a time.

    Its threads share the test's in-memory SQLite connection; Wagtail's editor sends autosaves
    and editing-session pings alongside the editor's own requests, and concurrent writes on
    that connection fail with "database table is locked". A browser queues; nothing is lost.
    """
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    if getattr(app, "one_at_a_time", False):
        return
    lock = threading.Lock()

    def serialised(environ, start_response):
        with lock:
            result = app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()

    serialised.one_at_a_time = True
    httpd.set_app(serialised)


@pytest.fixture
def demo_site(browser, live_server):
    """The example's demo content, in the database the live server reads.

    The first browser test of a session finds the demo that tests/conftest.py loaded (or loads
    it) and keeps a serialised copy; pytest-django flushes the database after each browser
    test, so the next ones restore that copy (seconds faster than loading the demo again).
    """
    from wagtail.models import Locale

    from home.demo.site import SOURCE_LANGUAGE, TARGET_LANGUAGE, DemoContext
    from home.models import HomePage

    _one_request_at_a_time(live_server)
    if "demo" in _demo_snapshot:
        _restore_demo(_demo_snapshot["demo"])
    else:
        _load_demo()
        _demo_snapshot["demo"] = _snapshot()
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    target = Locale.objects.get(language_code=TARGET_LANGUAGE)
    context = DemoContext(
        io.StringIO(),
        source,
        target,
        HomePage.objects.get(locale=source, depth=2),
        HomePage.objects.get(locale=target, depth=2),
    )
    context.live_server = live_server
    return context


class NetworkGuard:
    """Lets requests to this machine through; answers or aborts every other one, and logs it.

    With ``hold_neutral`` set, the request for the neutral site waits until ``release()``: the
    page being left stays alive meanwhile, so what it reports about itself still arrives.
    """

    def __init__(self, neutral_url):
        self.neutral_url = neutral_url
        self.requests = []
        self.other_hosts = []
        self.hold_neutral = False
        self.held = []
        self.csp = None  # a Content-Security-Policy to add to pages served without one

    def _continue_with_csp(self, route):
        response = route.fetch()
        headers = dict(response.headers)
        if not any(name.lower() == "content-security-policy" for name in headers):
            headers["content-security-policy"] = self.csp
        route.fulfill(response=response, headers=headers)

    def handle(self, route):
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).hostname in LOCAL_HOSTS:
            if self.csp and route.request.resource_type == "document":
                self._continue_with_csp(route)
            else:
                route.continue_()
            return
        self.other_hosts.append(url)
        if url.startswith(self.neutral_url):
            if self.hold_neutral:
                self.held.append(route)
            else:
                route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        else:
            route.abort()

    def release(self):
        held, self.held = self.held, []
        for route in held:
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    def unexpected(self):
        """Requests to other hosts than this machine, except leaving for the neutral site."""
        return [url for url in self.other_hosts if not url.startswith(self.neutral_url)]


#: Collects what a Content-Security-Policy blocked on the page, for the test to read.
CSP_VIOLATION_RECORDER = """
window.ccCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.ccCspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""

#: Reports the quick-exit overlay as the page shows it, while the browser is leaving: the
#: page cannot be inspected from the test once its navigation to the neutral site started.
OVERLAY_OBSERVER = """
document.addEventListener("DOMContentLoaded", () => {
  const overlay = document.querySelector("[data-cc-quick-exit-overlay]");
  if (!overlay) return;
  new MutationObserver(() => {
    if (overlay.hidden) return;
    const box = overlay.getBoundingClientRect();
    const style = getComputedStyle(overlay);
    window.ccQuickExitOverlayShown({
      width: box.width, height: box.height, top: box.top, left: box.left,
      display: style.display, background: style.backgroundColor,
      viewportWidth: innerWidth, viewportHeight: innerHeight,
      location: location.href,
    });
  }).observe(overlay, {attributes: true, attributeFilter: ["hidden"]});
});
"""


@pytest.fixture
def neutral_url():
    from comensha_content.core.conf import get_setting

    return get_setting("QUICK_EXIT_URL")


@pytest.fixture
def new_visitor(browser, live_server, neutral_url):
    """Opens browser pages with the network guard: ``new_visitor(javascript=True, **options)``."""
    contexts = []

    def open_page(javascript=True, **options):
        context = browser.new_context(java_script_enabled=javascript, **options)
        contexts.append(context)
        guard = NetworkGuard(neutral_url)
        context.route("**/*", guard.handle)
        overlays = []
        context.expose_function("ccQuickExitOverlayShown", lambda shown: overlays.append(shown))
        context.add_init_script(OVERLAY_OBSERVER)
        context.add_init_script(CSP_VIOLATION_RECORDER)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.guard = guard
        page.quick_exit_overlays = overlays
        page.base = live_server.url
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visitor(new_visitor):
    return new_visitor()


# -- axe-core ---------------------------------------------------------------------------------


def axe_script():
    """axe.min.js as scripts/install_browser.sh caches it (or COMENSHA_AXE_JS); None if absent."""
    explicit = os.environ.get("COMENSHA_AXE_JS")
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    cache = Path(os.environ.get("COMENSHA_E2E_CACHE", cache / "comensha-content"))
    path = cache / "axe-core" / "axe.min.js"
    return path if path.is_file() else None


def output_dir(*parts):
    """Where browser tests write results (COMENSHA_E2E_OUTPUT, default test-results/e2e)."""
    root = Path(os.environ.get("COMENSHA_E2E_OUTPUT", Path.cwd() / "test-results" / "e2e"))
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def axe(request):
    """``axe(page, name)`` runs axe-core on the page, writes the result and returns violations.

    Returns the violations of serious or critical impact, each as "rule: target (impact)".
    """
    script = axe_script()
    if script is None:
        _missing("axe-core is not in the cache")
    results = {}

    def run(page, name, known=None):
        """``known``: {rule id: reason} of upstream problems that are recorded, not failed."""
        known = known or {}
        page.add_script_tag(path=str(script))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        summary = {
            "name": name,
            "url": page.url,
            "axe_version": result.get("testEngine", {}).get("version"),
            "violations": [
                {
                    "id": violation["id"],
                    "impact": violation["impact"],
                    "help": violation["help"],
                    "targets": [node["target"] for node in violation["nodes"]],
                    "known_upstream": known.get(violation["id"], ""),
                }
                for violation in result["violations"]
            ],
            "passes": len(result["passes"]),
            "incomplete": [item["id"] for item in result["incomplete"]],
        }
        (output_dir("axe") / f"{slug}.json").write_text(json.dumps(summary, indent=2))
        results[name] = summary
        return [
            f"{violation['id']}: {violation['targets']} ({violation['impact']})"
            for violation in summary["violations"]
            if violation["impact"] in AXE_IMPACTS_THAT_FAIL and not violation["known_upstream"]
        ]

    yield run
    _write_axe_summary(request.node.name, results)


def _write_axe_summary(test_name, results):
    """summary-<test>.json: per page, the number of violations of each impact."""
    summary = {
        name: {
            "url": result["url"],
            "violations": {
                impact: sum(1 for v in result["violations"] if v["impact"] == impact)
                for impact in ("critical", "serious", "moderate", "minor")
            },
            "passes": result["passes"],
        }
        for name, result in results.items()
    }
    slug = re.sub(r"[^a-z0-9]+", "-", test_name.lower()).strip("-")
    (output_dir("axe") / f"summary-{slug}.json").write_text(json.dumps(summary, indent=2))


@pytest.fixture
def screenshot():
    """``screenshot(page, name)`` saves what the reader sees under the test output."""

    def take(page, name):
        path = output_dir("screenshots") / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take
