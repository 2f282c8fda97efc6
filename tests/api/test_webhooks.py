"""Webhooks for front ends: signed POSTs to a real receiver on 127.0.0.1, retried and logged.

Pages are published, unpublished and deleted through the admin as a superuser, and taken
offline by withdrawn consent as the consent officers' views do (``apply_consent``); the tasks
run on commit, with the immediate backend (tests/settings.py) or the example's database
backend and its worker.
"""

import datetime
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from comensha_content.models import LongreadPage, StoryConsent, WebhookDelivery, WebhookEndpoint
from comensha_content.safety.consent_lifecycle import apply_consent
from tests.api.webhook_helpers import Receiver, verify

pytestmark = pytest.mark.django_db

NOTES_SENTINEL = "CONSENTNOTESw3bh00k"
PAGE_KEYS = {"id", "type", "locale", "translation_key", "url", "full_url", "html_path"}


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Next.js", url=receiver.url)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the transaction's on-commit callbacks (and those they add), as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def english_story(slug="lisa"):
    return LongreadPage.objects.get(slug=slug, locale__language_code="en")


def test_publishing_posts_a_signed_payload_with_the_pages_urls(
    demo, endpoint, receiver, superuser_client, on_commit
):
    page = english_story()
    with on_commit():
        page.save_revision().publish()

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert verify(endpoint.secret, request["headers"], request["body"])
    assert not verify("whsec_another", request["headers"], request["body"])
    assert abs(int(request["headers"]["X-Comensha-Timestamp"]) - time.time()) < 60
    assert request["headers"]["Content-Type"] == "application/json; charset=utf-8"
    assert request["headers"]["X-Comensha-Event"] == "page.published"
    payload = json.loads(request["body"])
    assert payload["event"] == "page.published"
    assert "reason" not in payload
    assert set(payload["page"]) == PAGE_KEYS
    assert payload["page"]["id"] == page.pk
    assert payload["page"]["type"] == "comensha_content.LongreadPage"
    assert payload["page"]["locale"] == "en"
    assert payload["page"]["translation_key"] == str(page.translation_key)
    assert payload["page"]["full_url"] == page.full_url
    assert payload["page"]["html_path"] == urlsplit(page.full_url).path
    assert payload["page"]["html_path"].startswith("/en/")
    assert datetime.datetime.fromisoformat(payload["timestamp"]) <= timezone.now()

    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("delivered", 1, 200)
    assert delivery.response_excerpt == "revalidated"
    assert delivery.payload.encode() == request["body"]
    assert str(delivery.event_id) == payload["id"]
    assert request["headers"]["X-Comensha-Delivery"] == str(delivery.pk)


def test_nothing_is_sent_before_the_commit_nor_after_a_rollback(
    demo, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        english_story().save_revision().publish()
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_unpublishing_in_the_admin_sends_an_unpublish_event(
    demo, endpoint, receiver, superuser_client, on_commit
):
    page = english_story()
    with on_commit():
        response = superuser_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    (payload,) = receiver.events("page.unpublished")
    assert payload["reason"] == "other"
    assert payload["page"]["id"] == page.pk
    assert payload["page"]["html_path"] == urlsplit(page.full_url).path


def test_deleting_in_the_admin_sends_the_last_known_urls(
    demo, endpoint, receiver, superuser_client, on_commit
):
    page = english_story()
    full_url, key = page.full_url, str(page.translation_key)
    with on_commit():
        response = superuser_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not LongreadPage.objects.filter(pk=page.pk).exists()
    (payload,) = receiver.events("page.deleted")
    assert payload["page"]["id"] == page.pk
    assert payload["page"]["type"] == "comensha_content.LongreadPage"
    assert payload["page"]["translation_key"] == key
    assert payload["page"]["full_url"] == full_url
    assert payload["page"]["html_path"] == urlsplit(full_url).path
    assert WebhookDelivery.objects.get(event="page.deleted").status == "delivered"


def test_a_consent_takedown_is_an_unpublish_with_no_consent_data(
    demo, endpoint, receiver, on_commit
):
    dutch = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    record = StoryConsent.objects.get(translation_key=dutch.translation_key)
    record.internal_notes = NOTES_SENTINEL
    # Not a date any timestamp of the payload can carry: today in UTC may be the day before
    # the site's today (before 01:00 in Amsterdam), so two days back.
    record.withdrawn_on = timezone.localdate() - datetime.timedelta(days=2)
    with on_commit():
        record.save()
        apply_consent(record)

    events = receiver.events()
    assert {(p["event"], p["page"]["locale"]) for p in events} == {
        ("page.unpublished", "nl"),
        ("page.unpublished", "en"),
    }
    for payload in events:
        assert payload["reason"] == "consent"
        assert set(payload) == {"id", "event", "timestamp", "reason", "page"}
        assert set(payload["page"]) == PAGE_KEYS
    bodies = b" ".join(request["body"] for request in receiver.requests).decode()
    dates = (record.withdrawn_on, record.review_date, record.consent_date)
    for value in (NOTES_SENTINEL, *(day.isoformat() for day in dates)):
        assert value not in bodies
    assert "withdrawn" not in bodies and "notes" not in bodies
    for request in receiver.requests:
        assert verify(endpoint.secret, request["headers"], request["body"])


def test_endpoints_get_only_their_events_and_language(demo, receiver, on_commit):
    english = Locale.objects.get(language_code="en")
    WebhookEndpoint.objects.create(name="English", url=receiver.url, locale=english)
    WebhookEndpoint.objects.create(name="Deletes", url=receiver.url, events=["page.deleted"])
    WebhookEndpoint.objects.create(name="Off", url=receiver.url, active=False)
    dutch = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    english = english_story()
    with on_commit():
        dutch.save_revision().publish()  # republishes the English translation (translation_sync)
        english.save_revision().publish()
    # The English endpoint hears of both English publications, nothing of the Dutch one.
    events = [(p["page"]["locale"], p["page"]["id"]) for p in receiver.events()]
    assert events == [("en", english.pk), ("en", english.pk)]
    deliveries = WebhookDelivery.objects.values_list("endpoint__name", flat=True)
    assert list(deliveries) == ["English", "English"]


def test_a_failed_delivery_is_retried_with_backoff_and_logged(
    demo, endpoint, receiver, settings, on_commit
):
    """The immediate backend cannot defer: ``send_due_webhooks`` makes the retry when due."""
    settings.COMENSHA_CONTENT_WEBHOOK_RETRY_SECONDS = 30
    receiver.answers = [500]
    with on_commit():
        english_story().save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("retrying", 1, 500)
    assert delivery.error == "HTTP 500"
    assert delivery.response_excerpt == "front end is down"
    first_attempt = datetime.datetime.fromisoformat(delivery.attempt_log[0]["at"])
    wait = (delivery.next_attempt_at - first_attempt).total_seconds()
    assert 29 <= wait <= 31

    call_command("send_due_webhooks", stdout=open("/dev/null", "w"))  # not due yet
    assert len(receiver.requests) == 1
    with time_machine.travel(delivery.next_attempt_at + datetime.timedelta(seconds=1)):
        call_command("send_due_webhooks", stdout=open("/dev/null", "w"))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("delivered", 2, 200)
    assert [a["status_code"] for a in delivery.attempt_log] == [500, 200]
    assert delivery.error == ""
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]
    assert all(verify(endpoint.secret, r["headers"], r["body"]) for r in receiver.requests)


def test_the_database_worker_retries_when_the_backoff_has_passed(
    demo, endpoint, receiver, settings, on_commit, monkeypatch
):
    """The example's backend: the retry is a task deferred by the backoff, run by db_worker."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes connections that are not in autocommit: the test's own transaction is.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.COMENSHA_CONTENT_WEBHOOK_RETRY_SECONDS = 60
    receiver.answers = [503]
    with on_commit():
        english_story().save_revision().publish()
    assert receiver.requests == []  # queued, not sent: the worker sends it

    def work():
        with on_commit():
            call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name=*")

    work()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("retrying", 1, 503)
    deferred = DBTaskResult.objects.filter(
        task_path="comensha_content.api.webhooks.delivery.deliver_webhook", status="READY"
    ).get()
    assert deferred.run_after == delivery.next_attempt_at

    work()  # the backoff has not passed: nothing is attempted
    assert len(receiver.requests) == 1
    with time_machine.travel(delivery.next_attempt_at + datetime.timedelta(seconds=1)):
        work()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("delivered", 2, 200)
    assert [a["status_code"] for a in delivery.attempt_log] == [503, 200]
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]


def test_connection_errors_are_logged_and_the_last_attempt_marks_it_failed(
    demo, settings, on_commit
):
    with Receiver() as closed:
        url = closed.url
    WebhookEndpoint.objects.create(name="Gone", url=url)  # nothing listens there any more
    settings.COMENSHA_CONTENT_WEBHOOK_MAX_ATTEMPTS = 2
    settings.COMENSHA_CONTENT_WEBHOOK_RETRY_SECONDS = 1
    with on_commit():
        english_story().save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == ("retrying", 1, None)
    assert "Connection refused" in delivery.error
    with time_machine.travel(delivery.next_attempt_at + datetime.timedelta(seconds=1)):
        call_command("send_due_webhooks", stdout=open("/dev/null", "w"))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 2, None)
    assert len(delivery.attempt_log) == 2


# --- the admin ---------------------------------------------------------------------------------


def endpoint_form(receiver, **overrides):
    data = {
        "name": "Astro site",
        "url": receiver.url,
        "events": ["page.published", "page.deleted"],
        "locale": "",
        "active": "on",
    }
    data.update(overrides)
    return data


def denied(response):
    """Wagtail refuses with a 403, or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response.url.rstrip("/") == reverse("wagtailadmin_home").rstrip("/")
    )


def test_a_superuser_adds_an_endpoint_and_sees_its_secret_once(demo, receiver, superuser_client):
    response = superuser_client.post(
        reverse("webhook_endpoints:add"), endpoint_form(receiver), follow=True
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get(name="Astro site")
    assert endpoint.events == ["page.published", "page.deleted"]
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) == 70
    messages = [str(message) for message in response.context["messages"]]
    assert any(endpoint.secret in message for message in messages), messages

    edit = superuser_client.get(reverse("webhook_endpoints:edit", args=[endpoint.pk]))
    html = edit.content.decode()
    assert endpoint.secret not in html
    assert endpoint.masked_secret in html
    listing = superuser_client.get(reverse("webhook_endpoints:index")).content.decode()
    assert "Astro site" in listing and endpoint.secret not in listing


def test_a_new_secret_replaces_the_old_one_and_is_shown_once(demo, receiver, superuser_client):
    endpoint = WebhookEndpoint.objects.create(name="Next.js", url=receiver.url)
    old = endpoint.secret
    response = superuser_client.post(
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        endpoint_form(receiver, name="Next.js", regenerate_secret="on"),
        follow=True,
    )
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    messages = [str(message) for message in response.context["messages"]]
    assert any(endpoint.secret in message for message in messages)
    new = endpoint.secret
    again = superuser_client.post(
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        endpoint_form(receiver, name="Next.js"),
        follow=True,
    )
    endpoint.refresh_from_db()
    assert endpoint.secret == new  # kept unless asked for
    assert new not in again.content.decode()


def test_bad_endpoint_input_is_a_form_error(demo, superuser_client):
    response = superuser_client.post(
        reverse("webhook_endpoints:add"),
        {"name": "", "url": "javascript:alert(1)", "events": ["page.moved"], "active": "on"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"name", "url", "events"} <= set(errors)
    assert not WebhookEndpoint.objects.exists()


def test_the_delivery_log_is_read_only_and_shows_each_attempt(
    demo, endpoint, receiver, superuser_client, on_commit
):
    receiver.answers = [500]
    with on_commit():
        english_story().save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    listing = superuser_client.get(reverse("webhook_deliveries:index"))
    assert listing.status_code == 200
    assert reverse("webhook_deliveries:inspect", args=[delivery.pk]) in listing.content.decode()
    inspect = superuser_client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    html = inspect.content.decode()
    assert "HTTP 500" in html and "front end is down" in html
    assert str(delivery.event_id) in html
    assert denied(superuser_client.get(reverse("webhook_deliveries:add")))
    assert denied(superuser_client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])))
    assert WebhookDelivery.objects.get().status == "retrying"


def test_editors_and_moderators_get_no_webhooks(
    client, demo, endpoint, editor_user, moderator_user, superuser
):
    urls = [
        reverse("webhook_endpoints:index"),
        reverse("webhook_endpoints:add"),
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        reverse("webhook_deliveries:index"),
    ]
    client.force_login(superuser)
    assert (
        reverse("webhook_endpoints:index")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    for user in (editor_user, moderator_user):
        client.force_login(user)
        for url in urls:
            assert denied(client.get(url)), (user, url)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("webhook_endpoints:index") not in home
        assert reverse("webhook_deliveries:index") not in home
        assert endpoint.secret not in home


# --- docs/api.md's verification code, on a delivery the receiver got ---------------------------


def documented_snippets():
    """The ```python and ```js blocks of the "Webhooks" section of docs/api.md."""
    docs = (Path(__file__).parents[2] / "docs" / "api.md").read_text()
    section = docs.split("## Webhooks", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"```(python|js)\n(.*?)```", section, re.S))


def test_the_documented_python_and_node_verifiers_accept_a_real_delivery(
    demo, endpoint, receiver, on_commit, tmp_path
):
    with on_commit():
        english_story().save_revision().publish()
    (request,) = receiver.requests
    snippets = documented_snippets()
    namespace = {}
    exec(snippets["python"], namespace)  # noqa: S102  (the documentation's own code)
    assert namespace["verify"](endpoint.secret, request["headers"], request["body"])
    assert not namespace["verify"](endpoint.secret, request["headers"], request["body"] + b" ")
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    module = tmp_path / "verify.mjs"
    module.write_text(
        snippets["js"]
        + "\nconst [secret, headers, body] = JSON.parse(process.argv[2]);"
        + "\nconsole.log(verify(secret, new Headers(headers), body) ? 'valid' : 'invalid');\n"
    )
    for body, expected in ((request["body"], "valid"), (request["body"] + b" ", "invalid")):
        argument = json.dumps([endpoint.secret, request["headers"], body.decode()])
        result = subprocess.run(
            ["node", str(module), argument], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected
