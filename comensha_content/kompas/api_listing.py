"""API v2 listings of Kompas pages: chapters loaded once for all listed pages (core.bulk_scope).

A Kompas lists its chapters, a chapter links its previous and next sibling: per listed page
that is a query or two; here it is one query for the whole listing, kept in the listing's scope.
"""

from django.db.models import Q
from wagtail.models import Page

from comensha_content.core.bulk_scope import remember


def remember_chapters(parents, name, *, specific=False):
    """Keep, per parent, its live public chapters in reading order under ``(name, path)``."""
    from django.apps import apps

    KompasChapterPage = apps.get_model("comensha_content", "KompasChapterPage")  # noqa: N806
    if not parents:
        return
    conditions = Q()
    for parent in parents:
        conditions |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    chapters = KompasChapterPage.objects.live().public().filter(conditions)
    chapters = chapters.order_by("number", "path")
    grouped = {parent.path: [] for parent in parents}
    for chapter in chapters.specific() if specific else chapters:
        grouped.setdefault(chapter.path[: -Page.steplen], []).append(chapter)
    for path, items in grouped.items():
        remember((name, path), items)


def remember_sibling_chapters(chapters):
    """Keep the sibling chapters of every one of ``chapters`` (their previous/next links)."""
    parents = {chapter.path[: -Page.steplen]: chapter.depth - 1 for chapter in chapters}
    remember_chapters(
        [Page(path=path, depth=depth) for path, depth in parents.items()], "chapter sequence"
    )


def remember_kompas_chapters(kompas_pages):
    """Keep the chapters of every one of ``kompas_pages`` (their sections)."""
    remember_chapters(kompas_pages, "kompas chapters", specific=True)
