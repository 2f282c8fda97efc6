"""A chosen page that is not public never shows in the API or the HTML: no title, no id.

A story's related stories, a call to action in its body and a Kompas instrument's related
instruments point, besides a published page, at a never-published draft, a password-protected
page and a page past its expiry date (still live until ``publish_scheduled`` runs). Each hidden
page's title carries a sentinel searched for in the whole response, and its id must not appear
as a link. ``core.visibility.is_publicly_visible`` decides; ``page_link_representation`` gives
None for such a page.
"""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction

from comensha_content.core.representation import page_link_representation, public_page_links
from comensha_content.core.visibility import is_publicly_visible, public_pages
from comensha_content.models import InstrumentPage, LongreadPage
from tests.helpers import record_consent

pytestmark = pytest.mark.django_db

SENTINELS = {
    "draft": "CHOOSEDRAFTb8n2",
    "private": "CHOOSEPRIVATEt4c9",
    "expired": "CHOOSEEXPIREDg6y1",
}


def hidden_copies(page, prefix):
    """A draft, a private and an expired copy of ``page``, titled with the sentinels."""
    copies = {}
    for key, sentinel in SENTINELS.items():
        copy = page.copy(
            update_attrs={"title": f"{page.title} {sentinel}", "slug": f"{prefix}-{key}"},
            keep_live=False,  # a copied story carries no consent: it is always a draft
            copy_revisions=False,
        ).specific
        if key != "draft":
            record_consent(copy)
            copy.save_revision().publish()
            copy.refresh_from_db()
        copies[key] = copy
    PageViewRestriction.objects.create(
        page=copies["private"], restriction_type="password", password="x"
    )
    expired = copies["expired"]
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])
    return copies


@pytest.fixture
def story(demo):
    """Lisa (Dutch) linking to a published story and to the three hidden copies of it."""
    lisa = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    published = LongreadPage.objects.live().filter(locale=lisa.locale).exclude(pk=lisa.pk)[0]
    hidden = hidden_copies(published, "hidden-story")
    lisa.related_stories = [("story", published)] + [("story", page) for page in hidden.values()]
    body = list(lisa.body.raw_data)
    for page in hidden.values():
        body.append(
            {
                "type": "call_to_action",
                "value": {"text": "", "link_label": "Ga verder zq3", "page": page.pk, "url": ""},
            }
        )
    lisa.body = body
    lisa.save_revision().publish()
    return {"page": LongreadPage.objects.get(pk=lisa.pk), "published": published, "hidden": hidden}


@pytest.fixture
def instrument(demo):
    page = InstrumentPage.objects.live().filter(locale__language_code="nl")[0]
    published = InstrumentPage.objects.live().filter(locale=page.locale).exclude(pk=page.pk)[0]
    hidden = hidden_copies(published, "hidden-instrument")
    page.related_instruments = [("instrument", published)] + [
        ("instrument", other) for other in hidden.values()
    ]
    page.save_revision().publish()
    return {
        "page": InstrumentPage.objects.get(pk=page.pk),
        "published": published,
        "hidden": hidden,
    }


def assert_no_sentinel(response):
    assert response.status_code == 200
    body = response.content.decode()
    leaked = [key for key, sentinel in SENTINELS.items() if sentinel in body]
    assert leaked == [], leaked


def test_visibility_rules(story):
    published, hidden = story["published"], story["hidden"]
    assert is_publicly_visible(published)
    assert not any(is_publicly_visible(page) for page in hidden.values())
    request = RequestFactory().get("/")
    assert is_publicly_visible(published, request)
    assert not is_publicly_visible(hidden["private"], request)
    public_ids = set(public_pages().values_list("pk", flat=True))
    assert published.pk in public_ids
    assert not public_ids & {page.pk for page in hidden.values()}


def test_a_private_subtree_is_hidden_below_the_restriction(story):
    private = story["hidden"]["private"]
    child = private.copy(to=private, update_attrs={"slug": "below-private"}, keep_live=False)
    record_consent(child)
    child.save_revision().publish()
    child.refresh_from_db()
    assert child.live and not is_publicly_visible(child.specific)
    assert page_link_representation(child) is None


def test_page_links_of_hidden_pages_are_none(story):
    assert page_link_representation(story["published"])["id"] == story["published"].pk
    for key, page in story["hidden"].items():
        assert page_link_representation(page) is None, key
    links = public_page_links([story["published"], *story["hidden"].values()])
    assert [link["id"] for link in links] == [story["published"].pk]


def test_api_v2_story_shows_no_hidden_related_story_or_call_to_action(client, story):
    response = client.get(f"/api/v2/pages/{story['page'].pk}/")
    assert_no_sentinel(response)
    data = response.json()
    related = [link["id"] for link in data["api_related_stories"] if link is not None]
    assert related == [story["published"].pk]
    calls = [child["value"] for child in data["body"] if child["type"] == "call_to_action"]
    assert len(calls) == len(SENTINELS)
    assert all(call["page"] is None and call["url"] is None for call in calls)


def test_api_v2_hidden_related_stories_are_left_out_not_null(client, story):
    data = client.get(f"/api/v2/pages/{story['page'].pk}/").json()
    assert None not in data["api_related_stories"]


def test_api_v3_story_shows_no_hidden_link(client, story, settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")
    response = client.get(f"/api/v3/pages/{story['page'].pk}/")
    assert_no_sentinel(response)
    related = [link["id"] for link in response.json()["api_related_stories"] if link]
    assert related == [story["published"].pk]


def test_html_story_shows_no_hidden_related_story_or_call_to_action(client, story):
    response = client.get(story["page"].url)
    assert_no_sentinel(response)
    html = response.content.decode()
    assert story["published"].title in html
    for page in story["hidden"].values():
        assert f'href="{page.url}"' not in html
    assert "Ga verder zq3" not in html


def test_kompas_related_instruments_in_api_and_html(client, instrument):
    response = client.get(f"/api/v2/pages/{instrument['page'].pk}/")
    assert_no_sentinel(response)
    related = response.json()["related_instruments"]
    assert [link["id"] for link in related] == [instrument["published"].pk]
    html = client.get(instrument["page"].url)
    assert_no_sentinel(html)
    assert instrument["published"].title in html.content.decode()


def test_recommendations_of_a_report_past_its_expiry_are_not_served(client, demo):
    from comensha_content.models import PolicyReportPage, Recommendation

    recommendation = Recommendation.objects.public().filter(locale__language_code="nl")[0]
    report = PolicyReportPage.objects.get(pk=recommendation.report_id)
    detail = f"/api/v2/recommendations/{recommendation.pk}/"
    assert client.get(detail).status_code == 200
    report.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    report.save(update_fields=["expire_at"])  # still live until publish_scheduled runs
    assert client.get(detail).status_code == 404
    listing = client.get(f"/api/v2/recommendations/?report={report.pk}&locale=nl").json()
    assert listing["items"] == []
