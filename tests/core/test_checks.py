"""System checks turn a misconfigured site into clear messages."""

import pytest
from django.conf import settings as django_settings
from django.core import checks

from comensha_content.core.checks import (
    check_i18n_settings,
    check_locales_exist,
    installed_apps_problems,
)


def ids(messages):
    return sorted(message.id for message in messages)


def test_example_settings_pass_every_check():
    assert checks.run_checks() == []


def test_app_listed_after_snippets_and_images_is_an_error():
    apps = [app for app in django_settings.INSTALLED_APPS if app != "comensha_content"]
    apps.insert(apps.index("wagtail.images") + 1, "comensha_content")
    errors = installed_apps_problems(apps)
    assert ids(errors) == ["comensha_content.E001"] * 5
    messages = " ".join(error.msg for error in errors)
    assert "after 'wagtail.snippets'" in messages and "after 'wagtail.images'" in messages
    assert "Move 'comensha_content' above" in errors[0].hint


def test_both_locales_apps_is_an_error():
    apps = [*django_settings.INSTALLED_APPS, "wagtail.locales"]
    assert "comensha_content.E003" in ids(installed_apps_problems(apps))


def test_missing_wagtail_localize_is_an_error():
    apps = [app for app in django_settings.INSTALLED_APPS if not app.startswith("wagtail_localize")]
    assert ids(installed_apps_problems(apps)) == ["comensha_content.E002", "comensha_content.W001"]


def test_missing_settings_app_is_an_error():
    apps = [app for app in django_settings.INSTALLED_APPS if app != "wagtail.contrib.settings"]
    errors = installed_apps_problems(apps)
    assert ids(errors) == ["comensha_content.E004"]
    assert "quick-exit" in errors[0].hint


def test_i18n_off_is_an_error(settings):
    settings.WAGTAIL_I18N_ENABLED = False
    errors = check_i18n_settings(None)
    assert ids(errors) == ["comensha_content.E010"]
    assert "WAGTAIL_I18N_ENABLED" in errors[0].msg


def test_missing_content_languages_is_an_error(settings):
    del settings.WAGTAIL_CONTENT_LANGUAGES
    assert ids(check_i18n_settings(None)) == ["comensha_content.E012"]


@pytest.mark.django_db
def test_missing_locale_rows_are_reported_with_the_fix(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("nl", "Nederlands"),
        ("en", "English"),
        ("de", "Deutsch"),
        ("ar", "العربية"),
    ]
    errors = check_locales_exist(None, databases=["default"])
    assert ids(errors) == ["comensha_content.E020"]
    assert errors[0].msg.endswith("content language(s): de, ar.")
    assert "comensha_create_locales" in errors[0].hint


@pytest.mark.django_db
def test_create_locales_command_fixes_it(settings):
    from django.core.management import call_command

    settings.WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("ar", "عربى")]
    call_command("comensha_create_locales", verbosity=0)
    assert check_locales_exist(None, databases=["default"]) == []
