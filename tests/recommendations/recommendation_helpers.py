"""Helpers shared by the recommendation tests (no fixtures, no tests: those are in conftest.py).

Importing this module also makes sure the recommendation models, their snippet admin and their
search signal handlers are registered, for as long as the package does not wire them itself
(each step is a no-op once it does).
"""

import re
from html import unescape

#: The demo's recommendations: code -> (report key, themes, addressees, response, status).
DEMO = {
    "4.1.A": (
        "second-class",
        {"agency-work", "enforcement-and-supervision"},
        {"ministerie-szw"},
        "accepted",
        "adopted",
    ),
    "4.2.A": (
        "second-class",
        {"visibility-of-labour-migration"},
        {"ministerie-bzk", "gemeenten"},
        "accepted",
        "in-force",
    ),
    "4.4.B": (
        "second-class",
        {"housing"},
        {"ministerie-bzk", "ministerie-szw"},
        "accepted",
        "bill-in-preparation",
    ),
    "4.5.A": (
        "second-class",
        {"health-and-wellbeing"},
        {"ministerie-vws", "ministerie-szw"},
        "partly",
        "exploring",
    ),
    "4.6.A": (
        "second-class",
        {"enforcement-and-supervision", "housing"},
        {"ministerie-szw", "gemeenten"},
        "accepted",
        "implemented",
    ),
    "4.7.A": (
        "second-class",
        {"institutional-embedding"},
        {"kabinet"},
        "not-accepted",
        "not-adopted",
    ),
    "1": (
        "first-advice",
        {"housing", "health-and-wellbeing"},
        {"kabinet", "gemeenten"},
        "accepted",
        "exploring",
    ),
    "REST-1": ("rest-policy-paper", {"identification"}, {"staten"}, "none-yet", "not-started"),
    "REST-2": (
        "rest-policy-paper",
        {"residence-permit"},
        {"staten", "ministerie-jenv"},
        "none-yet",
        "not-started",
    ),
    "REST-3": (
        "rest-policy-paper",
        {"international-protection"},
        {"staten"},
        "none-yet",
        "not-started",
    ),
}


def expected_codes(report=None, theme=None, addressee=None, status=None, response=None):
    """The demo codes a filter combination must return, computed from DEMO (not from the app)."""
    return {
        code
        for code, (report_key, themes, addressees, code_response, code_status) in DEMO.items()
        if (report is None or report_key == report)
        and (theme is None or themes & set(theme.split(",")))
        and (addressee is None or addressees & set(addressee.split(",")))
        and (status is None or code_status in status.split(","))
        and (response is None or code_response in response.split(","))
    }


def report_param(params, reports):
    """Replace a report key in ``params`` by that report's page id."""
    if "report" in params:
        params = {**params, "report": str(reports[params["report"]].pk)}
    return params


def listed_codes(html):
    """Codes of the recommendations listed on a tracker page, in order."""
    return [
        unescape(code)
        for code in re.findall(r'<span class="cc-recommendation__code">([^<]*)</span>', html)
    ]


def listed_titles(html):
    return [
        unescape(title)
        for title in re.findall(r'<span class="cc-recommendation__name">([^<]*)</span>', html)
    ]


def chart_numbers(html):
    """(label, count) pairs drawn in the SVG chart."""
    svg = re.search(r"<svg class=\"cc-status-chart__svg\".*?</svg>", html, re.S).group(0)
    labels = re.findall(r'<text class="cc-status-chart__label"[^>]*>([^<]*)</text>', svg)
    values = re.findall(r'<text class="cc-status-chart__value"[^>]*>([^<]*)</text>', svg)
    return [(unescape(label), int(value)) for label, value in zip(labels, values, strict=True)]


def table_numbers(html):
    """(label, count) pairs of the status table's body rows."""
    table = re.search(r'<table class="cc-status-table">.*?</table>', html, re.S).group(0)
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.S).group(1)
    rows = re.findall(r'<th scope="row">([^<]*)</th><td>(\d+)</td>', body)
    return [(unescape(label), int(count)) for label, count in rows]
