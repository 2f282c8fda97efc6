"""Every public URL of the demo survives hostile query strings: never a 5xx (issue #20).

Targets, found from the demo and the URL configuration (a new page type or endpoint is covered
without editing this file): one live page of each page type in every language, the Kompas
cards and their downloads, the tracker's CSV export and a recommendation's page, and every GET
route of API v2 and v3 (listings, details with a real and an overflowing id, ``find``, search,
the OpenAPI document). Query strings, drawn by hypothesis: parameter names the filter sets, API
viewsets and docs use, plus random names; values from a hostile corpus (quotes, NUL, huge and
negative numbers, Unicode controls, full-text operators, 5,000-character strings), real codes,
random text, and sometimes raw malformed percent-encoding.

A response must not be a 5xx, and the test client re-raises any exception a view lets out.
Deterministic: a fixed seed per target (CI on SQLite and PostgreSQL sees the same examples).
Examples per target: COMENSHA_FUZZ_QUERY_EXAMPLES (default 3; listings and searchable pages
get four times as many); COMENSHA_FUZZ_RANDOM=1 draws new ones.
"""

import os
import re
import urllib.parse
import zlib

import pytest
import wagtail
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st

from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet
from comensha_content.kompas.filters import InstrumentFilterSet
from comensha_content.longread.filters import StoryFilterSet
from comensha_content.recommendations.filters import (
    RecommendationAPIFilterSet,
    RecommendationFilterSet,
)
from comensha_content.schema.discovery import package_page_models

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore")]

EXAMPLES = int(os.environ.get("COMENSHA_FUZZ_QUERY_EXAMPLES", "3"))
RANDOM = os.environ.get("COMENSHA_FUZZ_RANDOM") == "1"
FUZZ = settings(
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
OVERFLOWING_ID = "999999999999999999999"
WAGTAIL_8 = wagtail.VERSION >= (8, 0)

# --- Parameter names ---------------------------------------------------------------------------


def _api_field_names():
    return {
        getattr(field, "name", field)
        for model in package_page_models()
        for field in getattr(model, "api_fields", ())
    }


#: Names the package's filter sets, API viewsets and docs (docs/api.md, Wagtail's v2/v3) use.
PARAMETER_NAMES = sorted(
    {
        *InstrumentFilterSet.base_filters,
        *RecommendationFilterSet.base_filters,
        *RecommendationAPIFilterSet.base_filters,
        *StoryFilterSet.base_filters,
        *ComenshaPagesAPIViewSet.known_query_parameters,
        *RecommendationsAPIViewSet.known_query_parameters,
        *_api_field_names(),
        # Wagtail's API v3 and the package's v2 extras
        *("version", "rich_text_format", "token", "revision", "created_at_from", "user_id"),
        *("object_str", "approved_go_live_at_to", "html_path", "id", "page", "format"),
    }
)

# --- Values ------------------------------------------------------------------------------------

HOSTILE_VALUES = [
    # quotes, escapes and markup
    *("", " ", "'", '"', "'\"<", '""', "'';--", "\\", "\\'", "%", "%00", "{{ 7*7 }}", "${7*7}"),
    *("<script>alert(1)</script>", "../../etc/passwd"),
    # NUL and Unicode controls, format characters, odd code points
    *(
        "\x00",
        "a\x00b",
        "\x01\x08\x1b\x7f",
        "\r\n",
        "\t",
        "\u202e\u2066\u2069",
        "\u200b\u200d\ufeff",
    ),
    *("\U0010ffff", "\ufffd", "e\u0301\u0301\u0301", "\U0001f600", "ß" * 3),
    # numbers: huge, negative, not quite integers
    *("0", "-0", "-1", "1.5", "1e309", "NaN", "inf", "0x10", "²", "١٢٣", "2147483648"),
    *(str(2**63 - 1), str(2**63), OVERFLOWING_ID, "-" + OVERFLOWING_ID, "9" * 5000),
    # full-text operators (SQLite FTS5, PostgreSQL tsquery, Elasticsearch)
    *("AND", "OR", "NOT", "*", "NEAR(", "a NEAR b", "(", ")", ":", "^", "-", "!", "&", "|", "<->"),
    *("a & !b | (c", '"unterminated', "title:x", "x*", "*x", "-x", "a:* & b:A", "{1,2}", "~1"),
    # long text
    *("x" * 5000, " ".join(["woord"] * 800), "é" * 5000),
    # API syntax
    *("*,-title", "-title", "_,id", "title,title", "__all__", "null", "true", "[]", "{}"),
    *("and", "or", "nl", "en", "xx", "zh-Hant", "html", "draftail", "localhost:80", "localhost:x"),
    *("wagtailcore.Page", "comensha_content.LongreadPage", "comensha_content.InstrumentPage"),
    *("auth.User", "no.Such", "/", "/longread/lisa/", "//evil.example/"),
    # real codes of the demo, so filters get past their first check
    *("sexual-exploitation", "labour-exploitation", "housing", "exploring", "burgemeester"),
    *("victim", "housing,nope"),
]

#: Malformed query-string fragments, appended raw (not encoded).
RAW_FRAGMENTS = ["%", "%zz", "%ff%fe", "&&", "=x", "a=%", "a==b", "%E2%80", "%C0%AF", ";a=1"]


def names(relevant):
    """Mostly the target's own parameter names, then any the package uses, then random ones."""
    random_name = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
    own = st.sampled_from(sorted(relevant or PARAMETER_NAMES))
    return st.one_of(own, own, own, st.sampled_from(PARAMETER_NAMES), random_name)


#: Pieces of query syntax and odd characters, glued into values with random text.
SYNTAX_ATOMS = list("\"'()*:^-+!&|<>~,;%\\\x00\x1f\u202e\u200b") + [
    " AND ",
    " OR ",
    " NOT ",
    "NEAR(",
]

#: Before the random examples, each parameter the target reads gets each of these (``sweep``):
#: full-text syntax, a NUL, an id or offset no database holds, 800 words.
SWEEP_VALUES = [
    "'\"< NEAR( * -x:^",
    "a\x00b",
    OVERFLOWING_ID,
    " ".join(["woord"] * 800),
]


def values():
    hostile = st.sampled_from(HOSTILE_VALUES)
    glued = st.lists(
        st.one_of(
            st.sampled_from(SYNTAX_ATOMS), st.text(max_size=6), st.sampled_from(HOSTILE_VALUES)
        ),
        min_size=1,
        max_size=5,
    ).map("".join)
    return st.one_of(
        hostile,
        glued,
        glued,
        st.text(st.characters(codec="utf-8"), max_size=40),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )


def query_strings(relevant):
    """Query strings of 1-5 parameters, sometimes with a raw malformed fragment appended."""
    return st.builds(
        lambda pairs, raw: urllib.parse.urlencode(pairs) + "".join("&" + part for part in raw),
        st.lists(st.tuples(names(relevant), values()), min_size=1, max_size=5),
        st.lists(st.sampled_from(RAW_FRAGMENTS), max_size=1),
    )


# --- Targets -----------------------------------------------------------------------------------


def page_models():
    """Every page type of the demo's project (the package's and the site's), not Wagtail's root."""
    from wagtail.models import Page, get_page_models

    return [model for model in get_page_models() if model is not Page]


#: Page types and languages, for one HTML target each (a type the demo lacks is skipped).
PAGE_TARGETS = [
    f"page:{model._meta.label}:{language}" for model in page_models() for language in ("nl", "en")
]


def subpage_routes():
    """``(route, page type label)`` of every sub-URL of a routable page type (RoutablePageMixin)
    but its own URL: routes with parameters as a template (``r/{pk}/``)."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    routes = []
    for model in page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        for pattern in model.get_subpage_urls():
            route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
            if route:
                routes.append((route, model._meta.label))
    return routes


#: Sub-URLs (Kompas cards and their downloads, the tracker's CSV and recommendation pages).
SUBPAGE_TARGETS = [
    f"sub:{route}:{label}:{language}"
    for route, label in subpage_routes()
    for language in ("nl", "en")
]


def url_routes(patterns=None, prefix=""):
    """``(route, name)`` of every URL pattern of the URL configuration, resolvers walked."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from url_routes(pattern.url_patterns, route)
        else:
            yield route, pattern.name


def api_routes():
    """Every GET-able route of API v2 and v3 as a template: ``api/v2/pages/{pk}/``."""
    routes = []
    for route, _name in url_routes():
        if not route.startswith(("api/v2/", "api/v3/")) or "/actions/" in route:
            continue
        route = re.sub(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)", r"{\1\2}", route)
        if route not in routes:
            routes.append(route)
    return routes


def route_targets():
    targets = []
    for route in api_routes():
        targets.append(f"api:{route}")
        if re.search(r"\{\w*(pk|_id)\}", route):
            targets.append(f"api-overflow:{route}")
    return targets


TARGETS = PAGE_TARGETS + SUBPAGE_TARGETS + route_targets()


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def _live(label, language):
    return (
        _model(label)
        .objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


def _path_values():
    """A real value for each path parameter of the API routes (by endpoint and name)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Revision, Site
    from wagtail.snippets.models import get_snippet_models

    from comensha_content.models import LongreadPage, Recommendation

    story = LongreadPage.objects.live().public().order_by("path").first()
    snippet_model = next(
        (model for model in get_snippet_models() if model.objects.exists()), get_snippet_models()[0]
    )
    ids = {
        "pages": story.pk,
        "preview": story.pk,
        "images": getattr(get_image_model().objects.first(), "pk", 1),
        "documents": getattr(get_document_model().objects.first(), "pk", 1),
        "recommendations": Recommendation.objects.public().first().pk,
    }
    return ids, {
        "page_id": story.pk,
        "revision_id": getattr(Revision.objects.filter(object_id=str(story.pk)).first(), "pk", 1),
        "image_id": ids["images"],
        "document_id": ids["documents"],
        "site_id": Site.objects.first().pk,
        "redirect_id": 1,
        "type_name": "comensha_content.LongreadPage",
        "type": snippet_model._meta.label,
        "pk": getattr(snippet_model.objects.first(), "pk", 1),
        "app_label": snippet_model._meta.app_label,
        "model_name": snippet_model._meta.model_name,
    }


def resolve(target):
    """The URL of ``target`` in the demo, or None when the demo has no such page."""
    kind, _, rest = target.partition(":")
    if kind in ("api", "api-overflow"):
        ids, named = _path_values()
        endpoint = rest.split("/")[2]

        def value(match):
            if kind == "api-overflow":
                return OVERFLOWING_ID
            name = match.group(1)
            return str(ids.get(endpoint, 1) if name == "pk" and endpoint in ids else named[name])

        return "/" + re.sub(r"\{(\w+)\}", value, rest)
    if kind == "page":
        label, language = rest.rsplit(":", 1)
        page = _live(label, language)
        return page and page.url
    if kind == "sub":
        subpath, label, language = rest.split(":")
        page = _live(label, language)
        return page and page.url + subpath.format_map(_subpage_values(language))
    raise ValueError(target)


def _subpage_values(language):
    """A real value for each parameter of a sub-URL: a recommendation ``pk`` in ``language``."""
    recommendation = (
        _model("comensha_content.Recommendation")
        .objects.public()
        .filter(locale__language_code=language)
        .first()
    )
    return {"pk": recommendation.pk}


def _v3_parameters(client):
    """{path template: query parameter names} of the served API v3 document (fetched once)."""
    if "v3" not in _V3_PARAMETERS:
        document = client.get("/api/v3/openapi.json").json()
        _V3_PARAMETERS["v3"] = {
            path: {
                parameter["name"]
                for operation in operations.values()
                if isinstance(operation, dict)
                for parameter in operation.get("parameters", ())
                if parameter.get("in") == "query"
            }
            for path, operations in document["paths"].items()
        }
    return _V3_PARAMETERS["v3"]


_V3_PARAMETERS = {}


#: Listing pages read the filters of the model they list.
LISTED_MODELS = {
    "comensha_content.KompasPage": "comensha_content.InstrumentPage",
    "comensha_content.LongreadIndexPage": "comensha_content.LongreadPage",
    "comensha_content.RecommendationIndexPage": "comensha_content.Recommendation",
}


def relevant_names(target, url, client):
    """The query parameters ``target`` reads: its filter set's, its API viewset's or v3's."""
    from django.urls import resolve as resolve_path

    kind, _, rest = target.partition(":")
    if kind in ("page", "sub"):
        label = rest.split(":")[-2]
        if rest.startswith("r/"):  # a recommendation's page links back to the filtered tracker
            label = "comensha_content.Recommendation"
        filterset = getattr(_model(LISTED_MODELS.get(label, label)), "filterset_class", None)
        return {"page", *(filterset.base_filters if filterset else ())}
    if rest.startswith("api/v3/"):
        return _v3_parameters(client).get("/" + rest, set())
    viewset = getattr(resolve_path(url.split("?")[0]).func, "cls", None)
    known = set(getattr(viewset, "known_query_parameters", ()))
    if viewset is ComenshaPagesAPIViewSet and rest == "api/v2/pages/":  # with ?type=: filters
        known |= {*InstrumentFilterSet.base_filters, *StoryFilterSet.base_filters}
        known |= _api_field_names()
    return known


def sweep(relevant):
    """One query per parameter the target reads and sweep value: each parameter on its own,
    so a filter checked first cannot hide one checked later."""
    return [
        urllib.parse.urlencode({name: value}) for name in sorted(relevant) for value in SWEEP_VALUES
    ]


def examples_for(target):
    """Listings and pages that filter or search get more examples than details."""
    searched = ("KompasPage", "RecommendationIndexPage", "LongreadIndexPage", "export-csv")
    if re.search(r"openapi|docs", target):
        return 1  # a fixed document: the query string barely matters, and it is slow to build
    listing = target.startswith("api:") and not re.search(r"\{|find", target)
    return EXAMPLES * 4 if listing or any(name in target for name in searched) else EXAMPLES


@pytest.mark.parametrize("target", TARGETS)
def test_hostile_query_strings_never_give_a_server_error(client, demo, target):
    url = resolve(target)
    if url is None:
        pytest.skip(f"the demo has no {target}")
    plain = client.get(url)
    assert plain.status_code < 500, (target, plain.status_code)

    relevant = relevant_names(target, url, client)

    @settings(FUZZ, max_examples=examples_for(target))
    @given(query=query_strings(relevant))
    def run(query):
        try:
            response = client.get(f"{url}?{query}")
        except Exception as error:  # the test client re-raises what the view let out
            raise AssertionError(f"{type(error).__name__}: {error} for {url}?{query}") from error
        assert response.status_code < 500, f"{response.status_code} for {url}?{query}"

    for query in sweep(relevant):
        run = example(query=query)(run)
    (run if RANDOM else seed(zlib.crc32(target.encode()))(run))()


def test_every_kind_of_target_is_fuzzed():
    """The targets cover what issue #20 lists, so a refactoring cannot quietly drop one."""
    kinds = " ".join(TARGETS)
    for expected in (
        "page:comensha_content.LongreadPage:en",
        "page:comensha_content.KompasPage:nl",
        "page:comensha_content.RecommendationIndexPage:en",
        "page:home.HomePage:nl",
        "sub:card/download/:comensha_content.InstrumentPage:nl",
        "sub:card/:comensha_content.KompasChapterPage:en",
        "sub:export-csv/",
        "sub:r/{pk}/:comensha_content.RecommendationIndexPage:en",
        "api:api/v2/pages/",
        "api:api/v2/pages/find/",
        "api-overflow:api/v2/pages/{pk}/",
        "api:api/v2/recommendations/",
        "api:api/v2/images/{pk}/",
        *(("api:api/v3/pages/", "api-overflow:api/v3/pages/{page_id}/") if WAGTAIL_8 else ()),
    ):
        assert expected in kinds, expected
