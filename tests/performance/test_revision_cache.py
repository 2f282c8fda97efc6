"""The revision cache: a story's article and its API v2 detail kept per live revision.

On by default (COMENSHA_CONTENT_PAGE_CACHE_SECONDS, a day). Every change that renews the API's
ETag renews the key, so each test changes content the way Wagtail does (publishing,
unpublishing, saving a snippet, recording consent) and asserts the reader sees it at once.
A ``QuerySet.update()`` sends no signal and logs nothing: the tests use it only to show that an
answer *was* served from the cache. Every test runs with local memory and with real Redis.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from benchmarks.synthetic import make_longread
from comensha_content.models import Helpline, LongreadPage
from tests.helpers import article_of, record_consent


@pytest.fixture
def story(site_root, cache_backend):
    story = make_longread(site_root, 20)
    for page in story.get_parent().get_children().specific():
        record_consent(page)
    return story


def block_templates(response):
    return [t.name for t in response.templates if t.name and "/blocks/" in t.name]


def test_a_second_anonymous_request_does_not_render_the_body(client, story):
    with CaptureQueriesContext(connection) as rendering:
        first = client.get(story.url)
    assert block_templates(first)
    with CaptureQueriesContext(connection) as from_cache:
        second = client.get(story.url)
    assert block_templates(second) == []
    assert article_of(second.content.decode()) == article_of(first.content.decode())
    assert len(from_cache) < len(rendering) - 5, (len(from_cache), len(rendering))


def test_served_from_the_cache_until_something_renews_it(client, story):
    first = client.get(story.url).content.decode()
    Helpline.objects.update(name="Renamed quietly")  # no signal, no log: the key stays
    assert "Renamed quietly" not in article_of(client.get(story.url).content.decode())
    assert "Helpline 0" in article_of(first)


def test_the_story_republished_with_a_changed_paragraph(client, story):
    client.get(story.url)
    body = story.body.raw_data
    index = next(i for i, block in enumerate(body) if block["type"] == "paragraph")
    body[index]["value"] = "<p>A paragraph the new revision has.</p>"
    story.save_revision().publish()
    assert "A paragraph the new revision has." in article_of(client.get(story.url).content.decode())


def test_a_related_story_unpublished_loses_its_card(client, story):
    linked = LongreadPage.objects.get(pk=story.related_stories[0].value.pk)
    assert linked.title in article_of(client.get(story.url).content.decode())
    linked.unpublish()
    assert linked.title not in article_of(client.get(story.url).content.decode())


def test_a_helpline_edited(client, story):
    client.get(story.url)
    helpline = Helpline.objects.get(name="Helpline 0")
    helpline.name = "Edited helpline"
    helpline.save()  # as the snippet editor does
    html = article_of(client.get(story.url).content.decode())
    assert "Edited helpline" in html and "Helpline 0" not in html


def test_the_english_translation_published(client, story):
    english = Locale.objects.get_or_create(language_code="en")[0]
    dutch_before = client.get(story.url).content.decode()
    translation = story.copy_for_translation(english, copy_parents=True)
    translation.title = "The English story"
    translation.lede = "An English lede."
    translation.save_revision().publish()
    translation.refresh_from_db()
    dutch = client.get(story.url).content.decode()
    assert translation.url not in dutch_before and translation.url in dutch  # hreflang alternate
    english_page = client.get(translation.url)
    assert english_page.status_code == 200
    assert "An English lede." in article_of(english_page.content.decode())
    assert "An English lede." not in article_of(dutch)


def test_consent_withdrawn_takes_the_story_offline_at_once(client, story):
    from comensha_content.safety.consent import StoryConsent

    assert client.get(story.url).status_code == 200
    client.get(story.url)  # cached
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    record.withdrawn_on = record.consent_date
    record.save()
    assert client.get(story.url).status_code == 404
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404


def test_consent_is_checked_before_the_cache_even_when_the_key_stays(client, story):
    """``serve()`` refuses before the template: a stale key cannot bring the article back."""
    from comensha_content.safety.consent import StoryConsent

    client.get(story.url)
    StoryConsent.objects.filter(translation_key=story.translation_key).update(on_web=False)
    assert client.get(story.url).status_code == 404


def test_a_view_restriction_added(client, story):
    client.get(story.url)
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="s3cret")
    answer = client.get(story.url)
    assert answer.status_code == 200
    assert "<article" not in answer.content.decode()  # Wagtail's password form
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404


def test_a_restricted_story_is_never_cached_for_the_reader_who_may_see_it(client, story):
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type="password", password="s3cret"
    )
    from django.urls import reverse

    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, story.id])
    client.post(url, {"password": "s3cret", "return_url": story.url})
    assert block_templates(client.get(story.url))
    assert block_templates(client.get(story.url))  # rendered again: never kept


def test_a_signed_in_editor_never_gets_the_anonymous_answer(client, story, admin_user):
    client.get(story.url)
    Helpline.objects.update(name="Renamed quietly")  # the anonymous answer is now stale
    client.force_login(admin_user)
    html = client.get(story.url).content.decode()
    assert "Renamed quietly" in article_of(html)


def test_a_preview_is_never_served_from_the_cache(client, story):
    client.get(story.url)
    story.lede = "A lede only the draft has."
    draft = story.save_revision().as_object()
    response = draft.make_preview_request()
    assert "A lede only the draft has." in response.content.decode()
    assert "A lede only the draft has." not in client.get(story.url).content.decode()


def test_api_v2_detail_from_the_cache_and_each_fields_its_own_entry(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    with CaptureQueriesContext(connection) as serialising:
        full = client.get(url).json()
    with CaptureQueriesContext(connection) as from_cache:
        again = client.get(url)
    assert again.json() == full and len(from_cache) == 1 < len(serialising)
    titles = client.get(url, {"fields": "-body,-sources"}).json()
    assert "body" not in titles and "lede" in titles
    assert "body" in client.get(url).json()
    Helpline.objects.update(name="Renamed quietly")
    assert "Renamed quietly" not in str(client.get(url).json())  # served from the cache
    assert "Renamed quietly" in str(client.get(url, HTTP_AUTHORIZATION="Bearer x").json())


def test_api_v2_detail_of_a_republished_story(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    client.get(url)
    story.lede = "A republished lede."
    story.save_revision().publish()
    assert client.get(url).json()["lede"] == "A republished lede."


def test_switched_off_every_request_renders(client, story, settings):
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 0
    client.get(story.url)
    assert block_templates(client.get(story.url))
    Helpline.objects.update(name="Renamed quietly")
    assert "Renamed quietly" in article_of(client.get(story.url).content.decode())


def test_the_renew_command_re_renders_after_a_template_change(client, story):
    from django.core.management import call_command

    client.get(story.url)
    Helpline.objects.update(name="Renamed quietly")  # like a changed template: no signal
    assert "Renamed quietly" not in article_of(client.get(story.url).content.decode())
    call_command("comensha_renew_content", stdout=__import__("io").StringIO())
    assert "Renamed quietly" in article_of(client.get(story.url).content.decode())


def test_a_new_release_never_reuses_an_older_entry(client, story, monkeypatch):
    from comensha_content.core import revision_cache

    client.get(story.url)
    Helpline.objects.update(name="Renamed quietly")
    monkeypatch.setattr(revision_cache, "__version__", "99.0.0")
    assert "Renamed quietly" in article_of(client.get(story.url).content.decode())
