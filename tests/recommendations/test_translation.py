"""English translations: text translated, codes, statuses and dates synchronised; demo loader."""

import csv
import datetime
import io
import re

import pytest
from wagtail.models import Locale

from comensha_content.core.translation import translate_instance
from comensha_content.recommendations.models import (
    PolicyReportPage,
    ProgressUpdate,
    Recommendation,
    RecommendationIndexPage,
    RecommendationTheme,
)
from comensha_content.recommendations.tracker import (
    RECOMMENDATION_THEME_SEEDS,
    ensure_recommendation_themes,
)
from comensha_content.taxonomy.models import Organisation
from tests.recommendations.recommendation_helpers import (
    DEMO,
    chart_numbers,
    listed_codes,
    listed_titles,
    table_numbers,
)

pytestmark = pytest.mark.django_db

EN_TRACKER = "/en/recommendations/"


def english(code):
    return Recommendation.objects.get(code=code, locale__language_code="en")


def dutch(code):
    return Recommendation.objects.get(code=code, locale__language_code="nl")


def test_every_page_and_recommendation_has_an_english_translation(tracker_bilingual):
    en = Locale.objects.get(language_code="en")
    for page in [tracker_bilingual, *PolicyReportPage.objects.filter(locale__language_code="nl")]:
        translation = page.get_translation(en)
        assert translation.live, page.title
    for model in (Recommendation, RecommendationTheme):
        assert model.objects.filter(locale=en).count() == model.objects.exclude(locale=en).count()
    assert (
        not Organisation.objects.filter(locale__language_code="nl")
        .exclude(
            translation_key__in=Organisation.objects.filter(locale=en).values("translation_key")
        )
        .exists()
    )


def test_english_recommendation_has_synchronised_codes_statuses_and_dates(tracker_bilingual):
    for code in DEMO:
        source, target = dutch(code), english(code)
        assert target.translation_key == source.translation_key
        assert target.report.locale.language_code == "en"
        assert target.report.translation_key == source.report.translation_key
        assert target.government_response == source.government_response
        assert sorted(target.themes.values_list("code", flat=True)) == sorted(
            source.themes.values_list("code", flat=True)
        )
        assert [(u.date, u.status, u.source_url) for u in target.history] == [
            (u.date, u.status, u.source_url) for u in source.history
        ]
        assert all(u.locale.language_code == "en" for u in target.history)
        assert (target.current_status, target.current_status_date) == (
            source.current_status,
            source.current_status_date,
        )
    assert english("4.4.B").title == "Separate the employment contract from the rental contract"
    assert english("4.1.A").history[-1].explanation.startswith("The Senate adopts")


def test_english_tracker_lists_english_text(client, tracker_bilingual):
    response = client.get(EN_TRACKER)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<h1>Following the recommendations</h1>" in html
    assert sorted(listed_codes(html)) == sorted(DEMO)
    titles = listed_titles(html)
    assert "Separate the employment contract from the rental contract" in titles
    assert "Maak het arbeidscontract los van het huurcontract" not in titles
    assert "Housing</span>" in html and "Huisvesting" not in html
    assert "Municipalities" in html
    dutch_html = client.get("/aanbevelingen/").content.decode()
    assert [count for _label, count in chart_numbers(html)] == [
        count for _label, count in chart_numbers(dutch_html)
    ]
    assert chart_numbers(html) == table_numbers(html)
    assert ("Adopted", 1) in table_numbers(html)


def test_english_filters_use_the_same_codes(client, tracker_bilingual):
    html = client.get(EN_TRACKER, {"theme": "housing", "status": "exploring"}).content.decode()
    assert sorted(listed_codes(html)) == ["1"]
    dutch_report = PolicyReportPage.objects.get(slug="geen-tweederangsburgers")
    html = client.get(EN_TRACKER, {"report": dutch_report.pk}).content.decode()  # language switch
    assert len(listed_codes(html)) == 6
    assert "cc-notice" not in html


def test_english_recommendation_page(client, tracker_bilingual):
    recommendation = english("4.2.A")
    response = client.get(f"{EN_TRACKER}r/{recommendation.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Register labour migrants&#x27; temporary addresses</h1>" in html
    assert "Registration of temporary addresses has been in force since October 2022." in html
    assert re.findall(r'<time datetime="([\d-]+)">', html.split('class="cc-timeline"')[1]) == [
        "2020-12-14",
        "2022-10-01",
    ]
    assert 'href="/en/recommendations/no-second-class-citizens/"' in html
    # The Dutch recommendation is not part of the English tracker.
    assert client.get(f"{EN_TRACKER}r/{dutch('4.2.A').pk}/").status_code == 404


def test_english_csv(client, tracker_bilingual):
    response = client.get(f"{EN_TRACKER}export-csv/", {"theme": "housing"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Code", "Title", "Report"]
    assert sorted(row[0] for row in rows[1:]) == sorted(["1", "4.4.B", "4.6.A"])
    titles = {row[0]: row[1] for row in rows[1:]}
    assert titles["4.4.B"] == "Separate the employment contract from the rental contract"
    assert all("/en/recommendations/r/" in row[8] for row in rows[1:])


def test_untranslated_theme_falls_back_visibly(client, tracker_bilingual):
    nl = Locale.objects.get(language_code="nl")
    theme = RecommendationTheme.objects.create(locale=nl, code="nieuw", name="Nieuw thema")
    recommendation = english("4.4.B")
    recommendation.themes.add(theme)
    recommendation.save()
    html = client.get(EN_TRACKER).content.decode()
    assert '<span class="cc-term" lang="nl">Nieuw thema</span>' in html


def test_changes_to_the_source_reach_the_translation_on_resync(
    tracker_bilingual, django_capture_on_commit_callbacks
):
    source = dutch("4.4.B")
    source.progress_updates.add(
        ProgressUpdate(
            date=datetime.date(2024, 6, 1),
            status="submitted",
            explanation="Het wetsvoorstel is ingediend.",
            sort_order=5,
        )
    )
    source.government_response = "partly"
    source.save()
    en = Locale.objects.get(language_code="en")
    from home.demo.recommendations import _text_catalog

    catalog = {**_text_catalog(), "Het wetsvoorstel is ingediend.": "The bill has been submitted."}
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(source, en, catalog)
    target = english("4.4.B")
    assert target.current_status == "submitted"
    assert target.current_status_date.isoformat() == "2024-06-01"
    assert target.history[-1].explanation == "The bill has been submitted."
    assert target.government_response == "partly"
    assert target.title == "Separate the employment contract from the rental contract"


def snapshot():
    return {
        "pages": list(
            PolicyReportPage.objects.order_by("pk").values_list("pk", "title", "latest_revision_id")
        )
        + list(
            RecommendationIndexPage.objects.order_by("pk").values_list(
                "pk", "title", "latest_revision_id"
            )
        ),
        "recommendations": list(
            Recommendation.objects.order_by("pk").values_list(
                "pk", "code", "title", "report_id", "locale_id"
            )
        ),
        "updates": list(
            ProgressUpdate.objects.order_by("pk").values_list("pk", "date", "status", "explanation")
        ),
        "themes": list(
            RecommendationTheme.objects.order_by("pk").values_list("pk", "code", "name")
        ),
        "organisations": list(
            Organisation.objects.order_by("pk").values_list("pk", "code", "name")
        ),
    }


def test_demo_loader_is_idempotent(
    tracker_bilingual, site_context, django_capture_on_commit_callbacks
):
    from home.demo import recommendations as demo

    before = snapshot()
    assert len(before["recommendations"]) == 2 * len(DEMO)
    site_context.stdout = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(site_context)
    assert snapshot() == before
    assert "Created" not in site_context.stdout.getvalue()


def test_demo_reports_have_the_real_dates_and_references(tracker_bilingual):
    reports = {
        page.slug: (page.publication_date.isoformat(), page.document_type, page.reference)
        for page in PolicyReportPage.objects.filter(locale__language_code="nl")
    }
    assert reports["eerste-advies-aanjaagteam"][:2] == ("2020-06-11", "advies")
    assert reports["kabinetsreactie-eerste-advies"] == (
        "2020-07-03",
        "kabinetsreactie",
        "Kamerstuk 29861 nr. 52",
    )
    assert reports["geen-tweederangsburgers"][:2] == ("2020-10-30", "advies")
    assert reports["kabinetsreactie-geen-tweederangsburgers"] == (
        "2020-12-14",
        "kabinetsreactie",
        "Kamerstuk 29861 nr. 55",
    )
    assert reports["jaarrapportage-arbeidsmigranten-2021"][:2] == (
        "2021-12-17",
        "voortgangsrapportage",
    )
    assert reports["jaarrapportage-arbeidsmigranten-2022"][:2] == (
        "2023-01-11",
        "voortgangsrapportage",
    )
    assert reports["rest-policy-paper"][:2] == ("2021-01-25", "policy-paper")


def test_theme_seed_list(empty_site):
    en, _ = Locale.objects.get_or_create(language_code="en")
    themes = ensure_recommendation_themes(en)
    assert sorted(themes.values_list("code", flat=True)) == sorted(
        code for code, _ in RECOMMENDATION_THEME_SEEDS
    )
    assert themes.get(code="housing").name == "Housing"
    assert len(RECOMMENDATION_THEME_SEEDS) == 9
    ensure_recommendation_themes(en)
    assert RecommendationTheme.objects.count() == 9
