"""Editors create instruments through Wagtail's admin form; no legal basis, no publication."""

import html
import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from comensha_content.kompas.models import InstrumentPage
from comensha_content.models import FormOfExploitation, KaderTheme, Organisation, Plateau, Role
from tests.kompas.kompas_helpers import ui

pytestmark = pytest.mark.django_db

STREAM_FIELDS = (
    "legal_basis",
    "steps",
    "risks",
    "practice_examples",
    "related_instruments",
    "documents",
)


def add_url(parent):
    return f"/admin/pages/add/comensha_content/instrumentpage/{parent.pk}/"


def instrument_form_data(locale, *, action="action-publish", **streams):
    """POST data of the admin's create form, as the browser sends it."""
    data = {
        "title": "Bestuurlijke rapportage",
        "slug": "bestuurlijke-rapportage",
        "summary": "De politie informeert de burgemeester over signalen van mensenhandel.",
        "competent_body": "burgemeester",
        "kader_plateau": Plateau.objects.get(code="basis", locale=locale).pk,
        "comments": inline_formset([]),
        **{name: streamfield(streams.get(name, [])) for name in STREAM_FIELDS},
    }
    form = nested_form_data(data)
    form["forms_of_exploitation"] = [
        term.pk
        for term in FormOfExploitation.objects.filter(
            locale=locale, code__in=["labour-exploitation", "criminal-exploitation"]
        )
    ]
    form["kader_themes"] = [KaderTheme.objects.get(locale=locale, code="identifying-signals").pk]
    form["partners"] = [Organisation.objects.get(locale=locale, code="riec").pk]
    form["responsible_roles"] = [Role.objects.get(locale=locale, code="mayor").pk]
    if action:
        form[action] = "action"
    return form


LEGAL_BASIS = [
    (
        "legal_basis",
        {"law": "Gemeentewet", "article": "172", "url": "https://wetten.overheid.nl/BWBR0005416"},
    )
]


def test_an_editor_creates_and_publishes_an_instrument(superuser_client, kompas):
    steps = [
        (
            "step",
            {
                "title": "Rapportage opvragen",
                "description": rich_text("<p>Bij de politie.</p>"),
                "responsible": "burgemeester",
            },
        ),
        ("step", {"title": "Maatregel kiezen", "description": rich_text(""), "responsible": ""}),
    ]
    risks = [
        (
            "case_law",
            {
                "ecli": "ecli:nl:rvs:2017:1317",
                "court": "Raad van State",
                "date": "2017-05-17",
                "summary": "Sluiting vernietigd.",
                "url": "",
            },
        )
    ]
    data = instrument_form_data(kompas.locale, legal_basis=LEGAL_BASIS, steps=steps, risks=risks)
    response = superuser_client.post(add_url(kompas), data)
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]

    instrument = InstrumentPage.objects.get(slug="bestuurlijke-rapportage")
    assert instrument.live and instrument.get_parent().pk == kompas.pk
    assert [block.value.citation for block in instrument.legal_basis] == ["Gemeentewet, art. 172"]
    assert [block.value["title"] for block in instrument.steps] == [
        "Rapportage opvragen",
        "Maatregel kiezen",
    ]
    assert instrument.risks[0].value["ecli"] == "ECLI:NL:RVS:2017:1317"  # normalised
    assert sorted(instrument.forms_of_exploitation.values_list("code", flat=True)) == [
        "criminal-exploitation",
        "labour-exploitation",
    ]
    assert list(instrument.partners.values_list("code", flat=True)) == ["riec"]

    page = superuser_client.get(instrument.url).content.decode()
    assert "Gemeentewet, art. 172" in html.unescape(page)
    assert 'href="https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:RVS:2017:1317"' in page


def assert_legal_basis_error_shown(response):
    """The error is in the page: as text, or JSON-encoded in the stream field's error data."""
    expected = str(ui(str(InstrumentPage.legal_basis_required_message)))
    content = html.unescape(response.content.decode())
    assert expected in content or json.dumps(expected)[1:-1] in content


def test_publishing_without_legal_basis_is_refused_with_a_form_error(superuser_client, kompas):
    response = superuser_client.post(add_url(kompas), instrument_form_data(kompas.locale))
    assert response.status_code == 200
    assert_legal_basis_error_shown(response)
    assert not InstrumentPage.objects.filter(slug="bestuurlijke-rapportage").exists()


def test_a_draft_without_legal_basis_may_be_saved_but_not_published(superuser_client, kompas):
    response = superuser_client.post(
        add_url(kompas), instrument_form_data(kompas.locale, action=None)
    )
    assert response.status_code == 302
    draft = InstrumentPage.objects.get(slug="bestuurlijke-rapportage")
    assert not draft.live and not draft.legal_basis

    # Publishing the draft's revision outside the admin form is refused by the model too.
    with pytest.raises(ValidationError) as error:
        draft.get_latest_revision().publish()
    assert "legal_basis" in error.value.message_dict
    draft.refresh_from_db()
    assert not draft.live

    # Publishing from the edit form shows the same form error.
    response = superuser_client.post(
        f"/admin/pages/{draft.pk}/edit/", instrument_form_data(kompas.locale)
    )
    assert response.status_code == 200
    assert_legal_basis_error_shown(response)


def test_api_v3_publish_action_refuses_an_instrument_without_legal_basis(
    client, superuser_client, kompas, django_user_model
):
    from comensha_content.api import v3

    if not v3.is_available():
        pytest.skip("API v3 needs Wagtail 8")
    from tests.api.test_v3_writes import token_for

    superuser_client.post(add_url(kompas), instrument_form_data(kompas.locale, action=None))
    draft = InstrumentPage.objects.get(slug="bestuurlijke-rapportage")
    publisher = django_user_model.objects.create_superuser("publisher", "p@example.org", "x")
    response = client.post(
        f"/api/v3/pages/{draft.pk}/actions/publish/",
        content_type="application/json",
        headers={"authorization": f"Bearer {token_for(publisher)}", "accept-language": "nl"},
    )
    assert response.status_code == 422, response.content
    [error] = response.json()["errors"]  # on the field, so a client can show it there
    assert error["path"] == "legal_basis"
    assert error["msg"] == str(InstrumentPage.legal_basis_required_message)
    draft.refresh_from_db()
    assert not draft.live


def test_scheduled_publishing_skips_an_instrument_without_legal_basis_and_goes_on(
    superuser_client, kompas
):
    """Wagtail's publish_scheduled (the site's cron job) must not stop at one such instrument:
    it stays a draft, leaves the schedule with a history entry, and the others are published."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import PageLogEntry

    past = timezone.now() - datetime.timedelta(minutes=1)
    superuser_client.post(add_url(kompas), instrument_form_data(kompas.locale, action=None))
    refused = InstrumentPage.objects.get(slug="bestuurlijke-rapportage")
    superuser_client.post(
        add_url(kompas),
        {
            **instrument_form_data(kompas.locale, action=None, legal_basis=LEGAL_BASIS),
            "title": "Vergunningplicht",
            "slug": "vergunningplicht",
        },
    )
    ready = InstrumentPage.objects.get(slug="vergunningplicht")
    for page in (refused, ready):
        revision = page.get_latest_revision()
        revision.approved_go_live_at = past
        revision.save()

    call_command("publish_scheduled", verbosity=0)

    refused.refresh_from_db()
    ready.refresh_from_db()
    assert not refused.live and ready.live
    assert refused.get_latest_revision().approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=refused, action="comensha_content.publish_refused")
    assert entry.data["reason"] == str(InstrumentPage.legal_basis_required_message)


@pytest.mark.parametrize(
    "stream,value,message",
    [
        (
            "legal_basis",
            ("legal_basis", {"law": "Gemeentewet", "article": "", "url": "javascript:alert(1)"}),
            "Enter a web address that starts with https:// or http://. Other kinds of links, "
            "such as javascript:, are not allowed.",
        ),
        (
            "legal_basis",
            ("legal_basis", {"law": "", "article": "3", "url": ""}),
            "Name the law or regulation, e.g. 'Gemeentewet'.",
        ),
        (
            "risks",
            (
                "case_law",
                {"ecli": "NL:RVS:2017", "court": "", "date": "", "summary": "Iets.", "url": ""},
            ),
            "Enter a European Case Law Identifier such as ECLI:NL:RVS:2017:1317 "
            "(ECLI, country, court, year and number, separated by colons).",
        ),
    ],
)
def test_bad_block_values_get_clear_form_errors(superuser_client, kompas, stream, value, message):
    streams = {"legal_basis": LEGAL_BASIS, stream: [value]}
    response = superuser_client.post(
        add_url(kompas), instrument_form_data(kompas.locale, **streams)
    )
    assert response.status_code == 200
    assert ui(message) in html.unescape(response.content.decode())
    assert not InstrumentPage.objects.filter(slug="bestuurlijke-rapportage").exists()


def test_the_form_offers_taxonomy_terms_of_the_page_language_only(
    superuser_client, kompas, site_context
):
    english = KaderTheme.objects.get(code="awareness", locale=kompas.locale).copy_for_translation(
        site_context.target_locale
    )
    english.name = "Awareness in English"
    english.save()
    content = html.unescape(superuser_client.get(add_url(kompas)).content.decode())
    dutch_awareness = KaderTheme.objects.get(code="awareness", locale=kompas.locale)
    assert f'value="{dutch_awareness.pk}"' in content
    assert "Awareness in English" not in content
