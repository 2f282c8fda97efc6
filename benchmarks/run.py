"""Benchmarks: our pages against a page of Wagtail core blocks with the same content.

    make bench                      # full run: 10/100/1,000 blocks; 100/1,000/10,000 items
    .venv/bin/python benchmarks/run.py --quick
    .venv/bin/python benchmarks/run.py --blocks 10,1000 --items 100 --repeat 21
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/comensha_content make bench

Creates a throwaway test database (SQLite in memory, or ``test_<name>`` on the server that
DATABASE_URL names), fills it with synthetic content (``benchmarks/synthetic.py``), then
requests every page through Django's full request stack in this process and reports the median
time of repeated requests and the number of SQL queries: with a warm cache (the steady state of
a site) and with the cache emptied before the request. Prints a table and writes JSON to
``benchmarks/results/``. On a shared machine single timings are noisy: compare medians.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

#: The story renders within this factor of the baseline's time (wall clock and CPU), every size.
TIME_TARGET = 1.2


def parse_sizes(text):
    return [int(part) for part in text.split(",") if part.strip()]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--blocks", type=parse_sizes, help="story sizes, e.g. 10,100,1000")
    parser.add_argument("--items", type=parse_sizes, help="instruments/recommendations sizes")
    parser.add_argument("--repeat", type=int, help="requests per measurement (median)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results", help="JSON directory"
    )
    args = parser.parse_args(argv)
    if args.blocks is None:
        args.blocks = [10, 100] if args.quick else [10, 100, 1000]
    if args.items is None:
        args.items = [100, 1000] if args.quick else [100, 1000, 10000]
    if args.repeat is None:
        args.repeat = 5 if args.quick else 15
    return args


# --- the baseline page's content ----------------------------------------------------------------


def baseline_body(story):
    """The story's body as core blocks: headings, rich text and images, same words and images."""
    from comensha_content.models import Helpline

    helplines = {h.pk: h for h in Helpline.objects.all()}
    blocks = []
    for child in story.body.raw_data:
        kind, value = child["type"], child["value"]
        if kind == "chapter":
            blocks += [("heading", value["heading"]), ("text", f"<p>{value['intro']}</p>")]
        elif kind == "paragraph":
            blocks.append(("text", value))
        elif kind == "image":
            blocks += [("image", value["image"]), ("heading", value["caption"])]
        elif kind == "testimony":
            blocks.append(("text", f"{value['text']}<p>{value['name']}*</p>"))
        elif kind == "fact":
            blocks.append(("heading", f"{value['value']}–{value['maximum']} {value['label']}"))
        elif kind == "call_to_action":
            link = f'<a linktype="page" id="{value["page"]}">{value["link_label"]}</a>'
            blocks.append(("text", f"<p>{value['text']} {link}</p>"))
        elif kind == "helpline":
            chosen = [
                item["value"] if isinstance(item, dict) else item for item in value["helplines"]
            ]
            lines = "".join(
                f"<li>{helplines[pk].name}: {helplines[pk].phone_number}</li>"
                for pk in chosen
                if pk in helplines
            )
            blocks.append(("text", f"<h2>{value['heading']}</h2><ul>{lines}</ul>"))
        elif kind == "perspective":
            heading = f"{value['domain']}: {value['name']}, {value['job_title']}"
            blocks += [("heading", heading), ("text", value["text"])]
        elif kind == "pull_quote":
            blocks.append(("heading", value["quote"]))
    return [{"type": kind, "value": value} for kind, value in blocks]


def make_baseline(parent, story):
    from benchmarks.baseline.models import BaselinePage
    from benchmarks.synthetic import add_page

    return add_page(
        parent,
        BaselinePage(title=story.title, slug=f"baseline-{story.slug}", body=baseline_body(story)),
    )


# --- measuring -------------------------------------------------------------------------------------


class QueryCounter:
    """Counts the SQL statements run on ``connection`` (an execute wrapper, no debug cursor)."""

    def __init__(self, connection):
        self.connection = connection
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = self.connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def prepare(client, url, *, revalidate=False):
    """Warm ``url`` up and count its queries: ``{url, headers, expected, queries_warm, ...}``.

    ``revalidate``: GET with the ETag of a first answer in ``If-None-Match`` (expects 304).
    """
    from django.core.cache import cache
    from django.db import connection

    headers = {}
    if revalidate:
        headers["HTTP_IF_NONE_MATCH"] = client.get(url)["ETag"]
    expected = 304 if revalidate else 200
    for _ in range(2):  # warm-up: renditions cached, templates compiled
        response = client.get(url, **headers)
        assert response.status_code == expected, (url, response.status_code)
    with QueryCounter(connection) as warm:
        client.get(url, **headers)
    if revalidate:  # an emptied cache renews the content generation: a new ETag
        cold = warm
    else:
        cache.clear()
        with QueryCounter(connection) as cold:
            client.get(url)
    response = client.get(url, **headers)
    assert response.status_code == expected, (url, response.status_code)
    return {
        "url": url,
        "headers": headers,
        "expected": expected,
        "queries_warm": warm.count,
        "queries_cold": cold.count,
        "bytes": len(response.content),
    }


def timed_get(client, item):
    """One request: ``(wall ms, CPU ms)``. CPU is this process's (in-process SQLite's included)."""
    if item.get("cold"):  # the cache emptied before the request (not timed)
        from django.core.cache import cache

        cache.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(item["url"], **item["headers"])
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert response.status_code == item["expected"], (item["url"], response.status_code)
    return wall * 1000, cpu * 1000


def measure_side_by_side(client, items, repeat):
    """Time every prepared item ``repeat`` times, round-robin (``{key: prepared item}``).

    Interleaved, so a change of the machine's load hits every item alike; then the medians of
    wall-clock and CPU time per request.
    """
    timings = {key: [] for key in items}
    for _ in range(repeat):
        for key, item in items.items():
            timings[key].append(timed_get(client, item))
    results = {}
    for key, item in items.items():
        walls = [wall for wall, _cpu in timings[key]]
        cpus = [cpu for _wall, cpu in timings[key]]
        results[key] = {
            **{
                name: value
                for name, value in item.items()
                if name not in ("headers", "expected", "cold")
            },
            "median_ms": round(statistics.median(walls), 2),
            "min_ms": round(min(walls), 2),
            "cpu_median_ms": round(statistics.median(cpus), 2),
            "cpu_min_ms": round(min(cpus), 2),
        }
    return results


def measure(client, url, repeat, *, revalidate=False):
    """One URL alone: ``{median_ms, cpu_median_ms, queries_warm, queries_cold, bytes, ...}``."""
    item = prepare(client, url, revalidate=revalidate)
    return measure_side_by_side(client, {"item": item}, repeat)["item"]


def load_average():
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def machine():
    info = {"python": platform.python_version(), "platform": platform.platform()}
    info["cpus"] = os.cpu_count()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


def run(args):
    import django

    django.setup()
    import wagtail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale, Page

    from benchmarks.synthetic import make_kompas, make_longread, make_tracker

    setup_test_environment()  # Client.get(), ALLOWED_HOSTS for testserver
    started = time.perf_counter()
    load_start = load_average()
    print(f"Creating a throwaway {connection.vendor} database (migrations) ...", flush=True)
    call_command("makemigrations", "baseline", verbosity=0)  # into a temporary package
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    client = Client()
    results = {
        "machine": machine(),
        "database": connection.vendor,
        "wagtail": wagtail.__version__,
        "django": django.__version__,
        "repeat": args.repeat,
        "stories": [],
        "listings": [],
    }
    try:
        Locale.objects.get_or_create(language_code="en")
        home = Page.objects.get(depth=2)
        v3 = wagtail.VERSION >= (8, 0)
        for size in args.blocks:
            print(f"Story of {size} blocks ...", flush=True)
            story = make_longread(home, size)
            baseline = make_baseline(home, story)
            row = {"blocks": size, "load_before": load_average()}
            story_v2, baseline_v2 = f"/api/v2/pages/{story.pk}/", f"/api/v2/pages/{baseline.pk}/"
            items = {
                "ours_html": prepare(client, story.url),
                "baseline_html": prepare(client, baseline.url),
                "ours_api_v2": prepare(client, story_v2),
                "baseline_api_v2": prepare(client, baseline_v2),
            }
            if v3:
                story_v3 = f"/api/v3/pages/{story.pk}/"
                items["ours_api_v3"] = prepare(client, story_v3)
            # Last: counting with an emptied cache renews the content generation (new ETags).
            items["ours_api_v2_304"] = prepare(client, story_v2, revalidate=True)
            if v3:
                items["ours_api_v3_304"] = prepare(client, story_v3, revalidate=True)
            # Every request of a row round-robin: story and baseline side by side in time.
            row.update(measure_side_by_side(client, items, args.repeat))
            # What a render costs without the revision cache: switched off (other caches warm),
            # and with the whole cache emptied before each request (cold), side by side.
            with override_settings(COMENSHA_CONTENT_PAGE_CACHE_SECONDS=0):
                uncached = {
                    "ours_html_uncached": prepare(client, story.url),
                    "ours_api_v2_uncached": prepare(client, story_v2),
                }
                row.update(measure_side_by_side(client, uncached, args.repeat))
            cold = {
                "ours_html_cold": {**prepare(client, story.url), "cold": True},
                "baseline_html_cold": {**prepare(client, baseline.url), "cold": True},
                "ours_api_v2_cold": {**prepare(client, story_v2), "cold": True},
                "baseline_api_v2_cold": {**prepare(client, baseline_v2), "cold": True},
            }
            row.update(measure_side_by_side(client, cold, args.repeat))
            row["load_after"] = load_average()
            results["stories"].append(row)
        listing_url = "/api/v2/pages/?type=comensha_content.LongreadPage&fields=*&limit=20"
        results["story_api_list"] = measure(client, listing_url, args.repeat)
        for size in args.items:
            print(f"Kompas and tracker with {size} items ...", flush=True)
            kompas = make_kompas(home, size)
            tracker = make_tracker(home, size)
            report = tracker.get_children().get()
            row = {"items": size}
            row["finder_html"] = measure(client, kompas.url, args.repeat)
            row["finder_api_v2"] = measure(
                client,
                "/api/v2/pages/?type=comensha_content.InstrumentPage"
                f"&descendant_of={kompas.pk}&fields=*&limit=20",
                args.repeat,
            )
            row["tracker_html"] = measure(client, f"{tracker.url}?report={report.pk}", args.repeat)
            row["tracker_api_v2"] = measure(
                client, f"/api/v2/recommendations/?report={report.pk}&limit=20", args.repeat
            )
            results["listings"].append(row)
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
    results["seconds"] = round(time.perf_counter() - started, 1)
    loads = [load_start, load_average()] + [
        row.get(key) for row in results["stories"] for key in ("load_before", "load_after")
    ]
    loads = [load for load in loads if load is not None]
    results["load_average"] = {"min": min(loads), "max": max(loads)} if loads else None
    return results


# --- reporting -----------------------------------------------------------------------------------


def ratio(ours, baseline, key="median_ms"):
    return round(ours[key] / baseline[key], 2) if baseline.get(key) else None


def report(results):
    load = results.get("load_average") or {}
    lines = [
        f"comensha-content benchmarks: {results['database']}, Wagtail {results['wagtail']}, "
        f"Django {results['django']}, median of {results['repeat']} requests, "
        f"{results['machine'].get('cpus')} CPUs ({results['machine'].get('cpu', '?')}), "
        f"load average {load.get('min')}-{load.get('max')}",
        "",
        "Story (LongreadPage) vs baseline page of core blocks, same content, measured round-robin",
        f"{'blocks':>6} {'what':<14} {'ours ms':>9} {'base ms':>9} {'ratio':>6} "
        f"{'ours cpu':>9} {'base cpu':>9} {'ratio':>6} {'ours q':>7} {'base q':>7} "
        f"{'cold q ours/base':>17}",
    ]
    for row in results["stories"]:
        for what, ours_key, base_key in (
            ("HTML", "ours_html", "baseline_html"),
            ("API v2 detail", "ours_api_v2", "baseline_api_v2"),
            ("HTML uncached", "ours_html_uncached", "baseline_html"),
            ("v2 uncached", "ours_api_v2_uncached", "baseline_api_v2"),
            ("HTML cold", "ours_html_cold", "baseline_html_cold"),
            ("API v2 cold", "ours_api_v2_cold", "baseline_api_v2_cold"),
            ("API v2 304", "ours_api_v2_304", "ours_api_v2"),
            ("v2 304/render", "ours_api_v2_304", "ours_api_v2_uncached"),
            ("API v3 304", "ours_api_v3_304", "ours_api_v3"),
        ):
            if ours_key not in row:
                continue
            ours, base = row[ours_key], row[base_key]
            note = "   (vs its full 200 answer)" if "304" in what else ""
            note = "   (vs an uncached render)" if "render" in what else note
            lines.append(
                f"{row['blocks']:>6} {what:<14} {ours['median_ms']:>9.1f} "
                f"{base['median_ms']:>9.1f} {ratio(ours, base):>6} "
                f"{ours['cpu_median_ms']:>9.1f} {base['cpu_median_ms']:>9.1f} "
                f"{ratio(ours, base, 'cpu_median_ms'):>6} {ours['queries_warm']:>7} "
                f"{base['queries_warm']:>7} {ours['queries_cold']:>8}/{base['queries_cold']:<8}"
                f"{note}"
            )
        for what, key in (("API v3 detail", "ours_api_v3"),):
            if key in row:
                ours = row[key]
                lines.append(
                    f"{row['blocks']:>6} {what:<14} {ours['median_ms']:>9.1f} {'-':>9} {'-':>6} "
                    f"{ours['cpu_median_ms']:>9.1f} {'-':>9} {'-':>6} {ours['queries_warm']:>7} "
                    f"{'-':>7} {ours['queries_cold']:>8}"
                )
        lines.append(f"{'':>6} (load average {row.get('load_before')} -> {row.get('load_after')})")
    listing = results.get("story_api_list")
    if listing:
        lines.append(
            f"{'':>6} {'API v2 list':<14} {listing['median_ms']:>9.1f} (20 stories, fields=*) "
            f"{listing['queries_warm']} queries"
        )
    lines += [
        "",
        "Kompas finder and tracker (finder HTML page 1; API lists limit=20; tracker filtered "
        "on one report)",
        f"{'items':>6} {'what':<16} {'ms':>9} {'cpu ms':>9} {'queries':>8} {'cold q':>7}",
    ]
    for row in results["listings"]:
        for what in ("finder_html", "finder_api_v2", "tracker_html", "tracker_api_v2"):
            item = row[what]
            lines.append(
                f"{row['items']:>6} {what:<16} {item['median_ms']:>9.1f} {item['cpu_median_ms']:>9.1f} "
                f"{item['queries_warm']:>8} {item['queries_cold']:>7}"
            )
    if results["stories"]:
        verdicts = []
        for row in results["stories"]:
            for what, ours_key, base_key in (
                ("HTML", "ours_html", "baseline_html"),
                ("API v2", "ours_api_v2", "baseline_api_v2"),
            ):
                wall = ratio(row[ours_key], row[base_key])
                cpu = ratio(row[ours_key], row[base_key], "cpu_median_ms")
                met = wall is not None and cpu is not None and max(wall, cpu) <= TIME_TARGET
                verdicts.append(met)
                lines.append(
                    f"Target {what} at {row['blocks']} blocks, within {TIME_TARGET}x the "
                    f"baseline: wall {wall}x, CPU {cpu}x: {'met' if met else 'NOT met'}"
                )
        results["target"] = {"ratio": TIME_TARGET, "met": all(verdicts)}
        lines.insert(len(lines) - len(verdicts), "")
    lines.append(f"({results['seconds']} s)")
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    results = run(args)
    text = report(results)
    print()
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (args.out / name).write_text(json.dumps(results, indent=2) + "\n")
    print(f"JSON: {args.out / 'latest.json'}")


if __name__ == "__main__":
    main()
