"""Editors' bad input gets a clear form error in Wagtail's admin, and nothing is saved."""

import html as html_lib

import pytest
from django.urls import reverse
from wagtail.models import Locale

import tests.recommendations.recommendation_helpers  # noqa: F401  (registers the models' admin and search)
from comensha_content.recommendations.models import (
    PolicyReportPage,
    ProgressUpdate,
    Recommendation,
    RecommendationTheme,
)
from comensha_content.taxonomy.models import Organisation

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_comensha_content_recommendation:add"
EDIT_URL = "wagtailsnippets_comensha_content_recommendation:edit"


def management_form(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def recommendation_form(report, code="9.1.A", updates=(), **fields):
    """POST data of the recommendation snippet form, as the admin sends it (in Dutch)."""
    nl = Locale.objects.get(language_code="nl")
    data = {
        "report": str(report.pk),
        "code": code,
        "title": "Nieuwe aanbeveling",
        "text": "Voorbeeldtekst voor een test.",
        "page_number": "12",
        "themes": [str(RecommendationTheme.objects.get(code="housing", locale=nl).pk)],
        "addressees": [str(Organisation.objects.get(code="gemeenten", locale=nl).pk)],
        "urgency": "urge",
        "government_response": "accepted",
        **management_form("progress_updates", len(updates)),
    }
    for index, update in enumerate(updates):
        for name, value in {
            "id": "",
            "date": "",
            "status": "exploring",
            "explanation": "",
            "source_title": "",
            "source_url": "",
            "ORDER": str(index + 1),
            "DELETE": "",
            **update,
        }.items():
            data[f"progress_updates-{index}-{name}"] = value
    data.update(fields)
    return data


def post_add(client, data, locale="nl"):
    return client.post(reverse(ADD_URL) + f"?locale={locale}", data)


def page_text(response):
    return html_lib.unescape(response.content.decode())


@pytest.fixture
def report(tracker_nl):
    return PolicyReportPage.objects.get(slug="geen-tweederangsburgers")  # 30 October 2020


def test_valid_recommendation_is_saved_with_its_history(english_admin_client, report):
    data = recommendation_form(
        report,
        updates=[
            {"date": "2021-03-01", "status": "exploring", "explanation": "Eerste stap"},
            {"date": "2022-05-01", "status": "submitted", "source_url": "https://example.org/kst"},
        ],
    )
    response = post_add(english_admin_client, data)
    assert response.status_code == 302, page_text(response)[:3000]
    recommendation = Recommendation.objects.get(code="9.1.A")
    assert recommendation.locale.language_code == "nl"
    assert [u.status for u in recommendation.history] == ["exploring", "submitted"]
    assert recommendation.current_status == "submitted"
    assert list(recommendation.themes.values_list("code", flat=True)) == ["housing"]
    assert all(u.locale_id == recommendation.locale_id for u in recommendation.history)


def test_update_dated_before_its_report_is_a_form_error(english_admin_client, report):
    before = Recommendation.objects.count()
    data = recommendation_form(report, updates=[{"date": "2020-10-29", "status": "exploring"}])
    response = post_add(english_admin_client, data)
    assert response.status_code == 200
    text = page_text(response)
    assert (
        "This update is dated before its report “Geen tweederangsburgers” was published (2020-10-30)"
        in text
    )
    assert Recommendation.objects.count() == before
    assert not ProgressUpdate.objects.filter(date="2020-10-29").exists()


def test_update_on_the_report_date_is_accepted(english_admin_client, report):
    data = recommendation_form(report, updates=[{"date": "2020-10-30", "status": "exploring"}])
    assert post_add(english_admin_client, data).status_code == 302


def test_status_outside_the_vocabulary_is_a_form_error(english_admin_client, report):
    before = Recommendation.objects.count()
    data = recommendation_form(report, updates=[{"date": "2021-01-01", "status": "abolished"}])
    response = post_add(english_admin_client, data)
    assert response.status_code == 200
    assert "Select a valid choice. abolished is not one of the available choices." in page_text(
        response
    )
    assert Recommendation.objects.count() == before


def test_duplicate_code_within_a_report_is_a_form_error(english_admin_client, report):
    before = Recommendation.objects.count()
    response = post_add(english_admin_client, recommendation_form(report, code="4.4.B"))
    assert response.status_code == 200
    assert (
        "Recommendation 4.4.B already exists in “Geen tweederangsburgers”. "
        "Each code can occur only once per report." in page_text(response)
    )
    response = post_add(
        english_admin_client, recommendation_form(report, code="4.4.b")
    )  # case-blind
    assert "Recommendation 4.4.b already exists" in page_text(response)
    assert Recommendation.objects.count() == before


def test_same_code_in_another_report_is_allowed(english_admin_client, tracker_nl):
    other = PolicyReportPage.objects.get(slug="rest-policy-paper")
    response = post_add(english_admin_client, recommendation_form(other, code="4.4.B"))
    assert response.status_code == 302
    assert Recommendation.objects.filter(code="4.4.B").count() == 2


def test_editing_into_a_duplicate_code_is_a_form_error(english_admin_client, report):
    recommendation = Recommendation.objects.get(code="4.5.A")
    updates = [
        {"id": str(u.pk), "date": u.date.isoformat(), "status": u.status}
        for u in recommendation.history
    ]
    data = recommendation_form(report, code="4.4.B", updates=updates)
    data.update(management_form("progress_updates", len(updates), initial=len(updates)))
    response = english_admin_client.post(reverse(EDIT_URL, args=[recommendation.pk]), data)
    assert response.status_code == 200
    assert "Recommendation 4.4.B already exists" in page_text(response)
    recommendation.refresh_from_db()
    assert recommendation.code == "4.5.A"


def test_editing_an_update_to_before_the_report_is_a_form_error(english_admin_client, report):
    recommendation = Recommendation.objects.get(code="4.1.A")
    updates = [
        {"id": str(u.pk), "date": u.date.isoformat(), "status": u.status}
        for u in recommendation.history
    ]
    updates[0]["date"] = "2019-01-01"
    data = recommendation_form(report, code="4.1.A", updates=updates)
    data.update(management_form("progress_updates", len(updates), initial=len(updates)))
    response = english_admin_client.post(reverse(EDIT_URL, args=[recommendation.pk]), data)
    assert response.status_code == 200
    assert "This update is dated before its report" in page_text(response)
    assert recommendation.history[0].date.isoformat() == "2020-12-14"
    assert (
        Recommendation.objects.get(pk=recommendation.pk).history[0].date.isoformat() == "2020-12-14"
    )


@pytest.mark.parametrize(
    "url, message",
    [
        ("javascript:alert(1)", "Enter a valid URL."),
        ("data:text/html,<script>alert(1)</script>", "Enter a valid URL."),
        (
            "ftp://example.org/report.pdf",
            "Enter a web address that starts with http:// or https://.",
        ),
    ],
)
def test_unsafe_source_link_is_a_form_error(english_admin_client, report, url, message):
    data = recommendation_form(report, updates=[{"date": "2021-01-01", "source_url": url}])
    response = post_add(english_admin_client, data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not Recommendation.objects.filter(code="9.1.A").exists()


def test_report_in_another_language_is_a_form_error(
    english_admin_client, report, tracker_nl, site_context
):
    english_tracker = tracker_nl.copy_for_translation(site_context.target_locale)
    english_only = english_tracker.add_child(
        instance=PolicyReportPage(
            title="English only",
            slug="english-only",
            publisher="X",
            publication_date="2020-01-01",
            locale=site_context.target_locale,
        )
    )
    response = post_add(english_admin_client, recommendation_form(english_only))
    assert "Choose a report in the same language as the recommendation" in page_text(response)
    assert not Recommendation.objects.filter(code="9.1.A").exists()


def test_translation_of_the_chosen_report_is_used(
    english_admin_client, report, tracker_nl, site_context
):
    tracker_nl.copy_for_translation(site_context.target_locale)
    english_report = report.copy_for_translation(site_context.target_locale)
    response = post_add(english_admin_client, recommendation_form(english_report))
    assert response.status_code == 302
    assert Recommendation.objects.get(code="9.1.A").report_id == report.pk  # the Dutch one


def test_theme_choices_are_in_the_recommendation_language(
    english_admin_client, tracker_nl, site_context
):
    RecommendationTheme.objects.create(
        locale=site_context.target_locale, code="housing", name="Housing EN"
    )
    response = english_admin_client.get(reverse(ADD_URL) + "?locale=nl")
    text = page_text(response)
    assert "Huisvesting" in text
    assert "Housing EN" not in text


def page_form(**fields):
    data = {
        "title": "Nieuw advies",
        "slug": "nieuw-advies",
        "publisher": "Aanjaagteam Bescherming Arbeidsmigranten",
        "publication_date": "2021-02-01",
        "document_type": "advies",
        "reference": "",
        "external_url": "",
        "document": "",
        "summary": "Samenvatting",
        "body-count": "0",
        **management_form("comments", 0),
    }
    data.update(fields)
    return data


def test_report_page_with_unsafe_link_is_a_form_error(english_admin_client, tracker_nl):
    url = reverse(
        "wagtailadmin_pages:add", args=("comensha_content", "policyreportpage", tracker_nl.pk)
    )
    response = english_admin_client.post(url, page_form())
    assert response.status_code == 302, page_text(response)[:2000]  # the form data is complete
    for unsafe, message in [
        ("javascript:alert(document.cookie)", "Enter a valid URL."),
        (
            "ftp://example.org/advies.pdf",
            "Enter a web address that starts with http:// or https://.",
        ),
    ]:
        response = english_admin_client.post(url, page_form(slug="tweede", external_url=unsafe))
        assert response.status_code == 200
        assert message in page_text(response)
        assert not PolicyReportPage.objects.filter(slug="tweede").exists()


def test_report_page_with_unknown_document_type_is_a_form_error(english_admin_client, tracker_nl):
    url = reverse(
        "wagtailadmin_pages:add", args=("comensha_content", "policyreportpage", tracker_nl.pk)
    )
    response = english_admin_client.post(url, page_form(document_type="pamflet"))
    assert response.status_code == 200
    assert "Select a valid choice. pamflet is not one of the available choices." in page_text(
        response
    )


def test_snippet_listing_shows_code_and_current_status(english_admin_client, tracker_nl):
    response = english_admin_client.get(
        reverse("wagtailsnippets_comensha_content_recommendation:list") + "?locale=nl"
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "4.4.B" in text and "Bill in preparation" in text


def test_theme_snippets_are_listed(english_admin_client, tracker_nl):
    response = english_admin_client.get(
        reverse("wagtailsnippets_comensha_content_recommendationtheme:list") + "?locale=nl"
    )
    assert response.status_code == 200
    assert "Huisvesting" in page_text(response)
