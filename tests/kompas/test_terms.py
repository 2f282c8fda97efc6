"""Taxonomy terms of a Kompas page resolve to the page's locale."""

from comensha_content.core.locales import localized_terms, terms_for_locale
from comensha_content.models import KaderTheme


def test_terms_resolve_to_the_page_locale_by_code_and_mark_fallbacks(site_context, taxonomy):
    nl, en = site_context.source_locale, site_context.target_locale
    awareness = KaderTheme.objects.get(code="awareness", locale=nl)
    english = awareness.copy_for_translation(en)
    english.name = "Awareness (EN)"
    english.save()
    policy = KaderTheme.objects.get(code="policy-foundation", locale=nl)

    resolved = localized_terms([awareness, policy], en)
    assert [(term.code, term.locale_id, term.is_fallback) for term in resolved] == [
        ("policy-foundation", nl.pk, True),
        ("awareness", en.pk, False),
    ]
    every_theme = terms_for_locale(KaderTheme, en)
    assert [term.number for term in every_theme] == [1, 2, 3, 4, 5]
    assert [term.name for term in every_theme if not term.is_fallback] == ["Awareness (EN)"]
