"""Settings are read at call time, with documented defaults."""

from pathlib import Path

import pytest

from comensha_content.core.conf import DEFAULTS, get_setting


def test_default_is_returned_without_a_setting():
    assert get_setting("WORDS_PER_MINUTE") == 200


def test_override_is_seen_at_call_time(settings):
    settings.COMENSHA_CONTENT_WORDS_PER_MINUTE = 150
    assert get_setting("WORDS_PER_MINUTE") == 150


def test_unknown_setting_is_a_clear_error():
    with pytest.raises(KeyError, match="Unknown comensha_content setting: NOPE"):
        get_setting("NOPE")


def test_every_setting_is_documented():
    docs = (Path(__file__).parents[2] / "docs" / "settings.md").read_text()
    for name in DEFAULTS:
        assert f"COMENSHA_CONTENT_{name}" in docs
