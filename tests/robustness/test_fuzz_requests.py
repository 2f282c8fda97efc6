"""Every public URL survives hostile headers, paths and write bodies: never a 5xx (issue #20).

test_fuzz.py sends hostile query strings to the demo's pages and API GET routes; this module
adds, with the same corpus and seeds:

- the other public routes of the URL configuration (sitemap, document downloads, Wagtail's
  password and login views: every route that is no admin, API or page route), with query strings;
- API v3 GET routes as a token user (most answer an anonymous client 401 before reading anything);
- writes (POST, PATCH, PUT, DELETE) to every API v3 route, with hostile JSON bodies and query
  strings: anonymous never above a 4xx and never a success, token users never a 5xx;
- hostile headers a view reads (Accept-Language, If-None-Match, If-Modified-Since, Range, Host,
  X-Forwarded-*, Authorization, X-Preview-Token, Cookie) on one target of each kind;
- hostile path segments below every page and routable sub-URL, and in API detail routes.
"""

import json
import re
import zlib

import pytest
from hypothesis import example, given, seed, settings
from hypothesis import strategies as st

from tests.robustness.test_fuzz import (
    EXAMPLES,
    FUZZ,
    HOSTILE_VALUES,
    OVERFLOWING_ID,
    PAGE_TARGETS,
    RANDOM,
    SUBPAGE_TARGETS,
    WAGTAIL_8,
    _path_values,
    query_strings,
    resolve,
    route_targets,
    url_routes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore")]


#: A regex route's capturing group, with one level of non-capturing groups inside.
GROUP = r"\((?!\?:)[^()]*(?:\([^()]*\)[^()]*)*\)"


def all_routes(*, writes=False):
    """Every route of the URL configuration as a template (``documents/{0}/{1}``); with
    ``writes``, those with a view that writes (Wagtail's ``create_``, ``update_``, ``delete_``
    and action views)."""
    routes = []
    for route, name in url_routes():
        if writes and not re.match(r"(create|update|delete)_|\w+_actions_", name or ""):
            continue
        route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
        groups = iter(range(100))  # regex groups: positional parameters {0}, {1}...
        route = re.sub(GROUP, lambda _match, groups=groups: f"{{{next(groups)}}}", route)
        if route not in routes:
            routes.append(route)
    return routes


#: Public routes that are neither the admin, the APIs nor Wagtail's page serving.
OTHER_ROUTES = [
    route
    for route in all_routes()
    if not route.startswith(("admin/", "api/")) and not route.startswith("{")
]
V3_ROUTES = [route for route in all_routes() if route.startswith("api/v3/")] if WAGTAIL_8 else []
V3_WRITE_ROUTES = [route for route in all_routes(writes=True) if route.startswith("api/v3/")]


def fill(route, *, overflow=False):
    """``route`` with a real value (or an id no database holds) for each parameter."""
    from wagtail.documents import get_document_model

    ids, named = _path_values()
    endpoint = route.split("/")[2] if route.startswith("api/") else ""
    document = get_document_model().objects.first()
    positional = [str(getattr(document, "pk", 1)), getattr(document, "filename", "x.pdf")]
    named = {**named, "restriction_id": 1, "page_view_restriction_id": 1}

    def value(match):
        name = match.group(1)
        if overflow and not name.isdigit() and name not in ("type", "type_name"):
            return OVERFLOWING_ID
        if name.isdigit():
            return positional[int(name) % 2]
        if name == "pk" and endpoint in ids:
            return str(ids[endpoint])
        return str(named.get(name, 1))

    return "/" + re.sub(r"\{(\w+)\}", value, route)


def fuzzed(target, strategy_args, check, examples, fixed=()):
    """Run ``check`` for ``examples`` drawn examples and the ``fixed`` ones, seeded by target."""

    @settings(FUZZ, max_examples=examples)
    @given(**strategy_args)
    def run(**drawn):
        check(**drawn)

    for fixed_example in fixed:
        run = example(**fixed_example)(run)
    (run if RANDOM else seed(zlib.crc32(target.encode()))(run))()


def answer(client, method, url, **extra):
    try:
        return getattr(client, method)(url, **extra)
    except Exception as error:  # the test client re-raises what the view let out
        raise AssertionError(f"{type(error).__name__}: {error} for {method} {url}") from error


@pytest.fixture
def token(superuser):
    """A superuser's API token (Wagtail 8; None before: no token headers are sent)."""
    if not WAGTAIL_8:
        return None
    from wagtail.models import APIToken

    return APIToken.create_token(user=superuser, name="fuzz")[1]


@pytest.fixture
def editor_token(editor_user):
    from wagtail.models import APIToken

    return APIToken.create_token(user=editor_user, name="fuzz")[1]


# --- Other public routes and API v3 as a token user -----------------------------------------


@pytest.mark.parametrize("route", OTHER_ROUTES)
def test_other_public_routes_survive_hostile_query_strings(client, demo, route):
    for overflow in (False, True):
        url = fill(route, overflow=overflow)

        def check(query, url=url):
            response = answer(client, "get", f"{url}?{query}")
            assert response.status_code < 500, f"{response.status_code} for {url}?{query}"

        names = {"p", "next", "return_url", "password", "page"}
        fuzzed(route, {"query": query_strings(names)}, check, EXAMPLES * 2)


@pytest.mark.parametrize("route", [route for route in V3_ROUTES if "/actions/" not in route])
def test_api_v3_reads_as_a_token_user_survive_hostile_query_strings(client, demo, token, route):
    headers = {"authorization": f"Bearer {token}"}
    for overflow in (False, True):
        url = fill(route, overflow=overflow)

        def check(query, url=url):
            response = answer(client, "get", f"{url}?{query}", headers=headers)
            assert response.status_code < 500, f"{response.status_code} for {url}?{query}"

        fuzzed(route, {"query": query_strings(None)}, check, 1 if "openapi" in route else EXAMPLES)


# --- Writes ----------------------------------------------------------------------------------


def json_values():
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(HOSTILE_VALUES),
        st.text(max_size=20),
    )
    keys = st.one_of(st.sampled_from(WRITE_KEYS), st.text(max_size=8))
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=12,
    )


def _write_keys():
    from comensha_content.api.v3_writes import write_field_names
    from comensha_content.schema.discovery import package_page_models

    keys = {"meta", "type", "parent_id", "action", "value", "id", "image", "locale", "title"}
    if not WAGTAIL_8:
        return sorted(keys)
    for model in package_page_models():
        keys.update(write_field_names(model))
        for field in model._meta.get_fields():
            keys.update(getattr(getattr(field, "stream_block", None), "child_blocks", ()))
    return sorted(keys)


WRITE_KEYS = _write_keys()
PAGE_TYPES = ["comensha_content.LongreadPage", "comensha_content.InstrumentPage", "auth.User"]


def bodies():
    """A page-shaped JSON body (meta, fields, StreamField blocks) with hostile values, any JSON
    value, or raw bytes that are no JSON (invalid UTF-8, truncated, nested too deeply)."""
    block = st.fixed_dictionaries({"type": st.sampled_from(WRITE_KEYS), "value": json_values()})
    page = st.fixed_dictionaries(
        {
            "meta": st.fixed_dictionaries(
                {"type": st.sampled_from(PAGE_TYPES), "parent_id": json_values()}
            )
        },
        optional={
            "title": json_values(),
            "body": st.lists(block, max_size=3),
            **{key: json_values() for key in ("lede", "slug", "hero_image", "role", "action")},
        },
    )
    raw = st.sampled_from(
        [
            b"",
            b"{",
            b"\xff\xfe",
            b"\x00",
            b"[" * 3000 + b"]" * 3000,
            b'{"a":' * 3000 + b"1" + b"}" * 3000,
        ]
    )
    return st.one_of(page.map(json.dumps), json_values().map(json.dumps), raw)


WRITE_METHODS = ["post", "patch", "put", "delete"]


@pytest.mark.skipif(not WAGTAIL_8, reason="API v3 exists from Wagtail 8.0 on")
@pytest.mark.parametrize("route", V3_ROUTES)
def test_api_v3_writes_never_give_a_server_error(client, demo, token, editor_token, route):
    """Anonymous: a 4xx where the route writes, never a success; a token: never a 5xx."""
    users = {"anonymous": {}, "editor": editor_token, "superuser": token}

    def check(user, method, overflow, body, query):
        if user == "superuser" and method == "delete":
            method = "patch"  # the superuser deletes nothing: the next examples need the demo
        url = fill(route, overflow=overflow)
        headers = {"authorization": f"Bearer {users[user]}"} if users[user] else {}
        response = answer(
            client,
            method,
            f"{url}?{query}",
            data=body,
            content_type="application/json",
            headers=headers,
        )
        status = response.status_code
        assert status < 500, f"{status} for {user} {method} {url}?{query} {body[:200]!r}"
        if user == "anonymous" and route in V3_WRITE_ROUTES:
            assert 400 <= status, f"{status} for anonymous {method} {url}"

    strategies = {
        "user": st.sampled_from(sorted(users)),
        "method": st.sampled_from(WRITE_METHODS),
        "overflow": st.booleans(),
        "body": bodies(),
        "query": query_strings(None),
    }
    fixed = [
        {"user": user, "method": method, "overflow": False, "body": body, "query": "x=1"}
        for user in ("anonymous", "editor")
        for method in ("post", "patch")
        for body in (b'{"a":' * 3000 + b"1" + b"}" * 3000, b"\xff")
    ]
    if re.search(r"openapi|docs", route):  # a fixed document, slow to build: one example
        fuzzed(route, strategies, check, 1)
    else:
        fuzzed(route, strategies, check, EXAMPLES * 3, fixed)


# --- Headers ---------------------------------------------------------------------------------

HOSTILE_HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": ["*", "x" * 5000, "nl;q=abc", "en;q=1e309", "nl-" * 2000, "en;q=-1"],
    "HTTP_IF_NONE_MATCH": ["*", 'W/"x"', '"' * 5000, ",".join(['"a"'] * 3000), "W/", "x"],
    "HTTP_IF_MODIFIED_SINCE": [
        "Sun, 06 Nov 99999 08:49:37 GMT",
        "Mon, 32 Foo 2026 25:61:61 GMT",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "9" * 5000,
    ],
    "HTTP_RANGE": ["bytes=0-", "bytes=-1", "bytes=999999999999999999999-", "bytes=a-b"],
    "HTTP_HOST": ["evil.example", "localhost:99999999", "a" * 5000, "[::1", "localhost:80:80"],
    "HTTP_X_FORWARDED_HOST": ["evil.example", "a" * 5000],
    "HTTP_X_FORWARDED_PROTO": ["https", "gopher", "https,http"],
    "HTTP_X_FORWARDED_FOR": ["1.1.1.1", "x" * 5000, "::1, 2.2.2.2"],
    "HTTP_AUTHORIZATION": ["Bearer", "Bearer ", "Bearer " + "a" * 5000, "Basic Zm9vOmJhcg=="],
    "HTTP_X_PREVIEW_TOKEN": ["x", "a" * 5000, "a.b.c"],
    "HTTP_COOKIE": ["sessionid=" + "a" * 5000, "django_language=xx", "=;=;=", "csrftoken=\x7f"],
    "HTTP_ACCEPT": ["application/json;q=x", "text/html;" * 500],
}


def header_values():
    return st.one_of(
        st.sampled_from(HOSTILE_VALUES).filter(lambda text: "\n" not in text and "\r" not in text),
        st.text(st.characters(codec="latin-1", exclude_characters="\r\n"), max_size=40),
    )


def header_sets():
    """1-4 of the headers views read, each a known hostile value or random text."""
    name = st.sampled_from(sorted(HOSTILE_HEADERS))
    return st.dictionaries(
        name,
        st.one_of(name.flatmap(lambda key: st.sampled_from(HOSTILE_HEADERS[key])), header_values()),
        min_size=1,
        max_size=4,
    )


HEADER_TARGETS = [
    target
    for target in PAGE_TARGETS + SUBPAGE_TARGETS + route_targets()
    if not target.endswith(":en")
    and not target.startswith("api-overflow:")
    and not re.search(r"openapi|docs", target)
]


@pytest.mark.parametrize("target", HEADER_TARGETS)
def test_hostile_headers_never_give_a_server_error(client, demo, target):
    url = resolve(target)
    if url is None:
        pytest.skip(f"the demo has no {target}")

    def check(headers):
        for method in ("get", "head"):
            response = answer(client, method, url, **headers)
            assert response.status_code < 500, f"{response.status_code} for {url} {headers!r}"

    fixed = [{"headers": {name: values[-1]}} for name, values in HOSTILE_HEADERS.items()]
    fuzzed(target, {"headers": header_sets()}, check, EXAMPLES, fixed)


# --- Paths -----------------------------------------------------------------------------------

HOSTILE_SEGMENTS = [
    "%00/",
    "a%00b/",
    "x" * 5000 + "/",
    "é" * 300 + "/",
    "%E2%80/",
    "%C0%AF/",
    "%ff/",
    "\u202e/",
    "%F0%9F%98%80/",
    "..%2F..%2F/",
    "r/" + OVERFLOWING_ID + "/",
    "r/-1/",
    "r/" + "9" * 5000 + "/",
    "card/%00/",
    "card/download/%00/",
    "export-csv/x/",
    "r/%00/",
    "r/1%00/",
]


def path_segments():
    text = st.text(st.characters(codec="utf-8", exclude_characters="/?#"), min_size=1, max_size=30)
    return st.one_of(
        st.sampled_from(HOSTILE_SEGMENTS),
        st.lists(text.map(lambda part: part + "/"), min_size=1, max_size=3).map("".join),
    )


@pytest.mark.parametrize("target", [t for t in PAGE_TARGETS + SUBPAGE_TARGETS if t.endswith(":nl")])
def test_hostile_path_segments_below_pages_never_give_a_server_error(client, demo, target):
    url = resolve(target)
    if url is None:
        pytest.skip(f"the demo has no {target}")

    def check(segment):
        response = answer(client, "get", url + segment)
        assert response.status_code < 500, f"{response.status_code} for {url}{segment}"

    fixed = [{"segment": segment} for segment in HOSTILE_SEGMENTS]
    fuzzed(target, {"segment": path_segments()}, check, EXAMPLES, fixed)


def test_hostile_ids_in_api_detail_routes_never_give_a_server_error(client, demo, token):
    detail_routes = [t.partition(":")[2] for t in route_targets() if t.startswith("api-overflow:")]
    for route in detail_routes:
        for value in ("%00", "-1", "0", "9" * 5000, "1.5", "%E2%80", "x" * 5000, "١٢٣"):
            url = "/" + re.sub(r"\{\w*(pk|_id)\}", value, route)
            url = fill(url.lstrip("/"))
            for headers in ({}, {"authorization": f"Bearer {token}"} if token else {}):
                response = answer(client, "get", url, headers=headers)
                assert response.status_code < 500, f"{response.status_code} for {url}"


def test_every_kind_of_request_is_fuzzed():
    """The routes derived from the URL configuration hold what issue #20 lists."""
    assert {"sitemap.xml", "documents/{0}/{1}", "_util/login/"} <= set(OTHER_ROUTES)
    if WAGTAIL_8:
        for route in ("api/v3/pages/", "api/v3/pages/{page_id}/", "api/v3/sites/{site_id}/"):
            assert route in V3_ROUTES
        assert "api/v3/pages/{page_id}/actions/publish/" in V3_WRITE_ROUTES
        assert {"api/v3/pages/", "api/v3/images/{image_id}/"} <= set(V3_WRITE_ROUTES)
        assert "api/v3/openapi.json" not in V3_WRITE_ROUTES
    assert len(HEADER_TARGETS) > (30 if WAGTAIL_8 else 20)
