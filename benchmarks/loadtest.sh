#!/usr/bin/env bash
# Load test: gunicorn (2 workers) with PostgreSQL and Redis serving the example site and its demo
# content; wrk on 127.0.0.1 against a longread story and, side by side, the same content as a
# plain-Wagtail baseline page (benchmarks/baseline), both API v2 details, the story's API v2
# detail revalidated (304) and the tracker, DURATION each.
#
#   make loadtest
#   DURATION=20s CONNECTIONS=16 benchmarks/loadtest.sh
#   REDIS_URL=redis://127.0.0.1:6379/5 benchmarks/loadtest.sh    # default db 0; REDIS_URL= off
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/other benchmarks/loadtest.sh
#   COMENSHA_CONTENT_PAGE_CACHE_SECONDS=300 benchmarks/loadtest.sh   # with the story cache
#
# A request still unanswered after TIMEOUT (default 10s) counts as an error (wrk "timeout").
# Needs wrk (apt-get install wrk) and the "server" extra (gunicorn). The database is created
# when missing and gets the demo content (load_demo is idempotent). Prints a table and writes
# benchmarks/results/loadtest-<time>.json.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${BIN:-$ROOT/.venv/bin}"
PORT="${PORT:-8765}"
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
TIMEOUT="${TIMEOUT:-10s}"
WORKERS="${WORKERS:-2}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/comensha_loadtest}"
export DJANGO_DEBUG=0
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
# The benchmark settings: the example site plus the baseline page app, DEBUG off.
export DJANGO_SETTINGS_MODULE=benchmarks.settings
export REDIS_URL="${REDIS_URL-redis://127.0.0.1:6379/0}"
export BENCH_MEDIA_ROOT="${BENCH_MEDIA_ROOT:-$ROOT/benchmarks/results/loadtest-media}"
export PYTHONPATH="$ROOT:$ROOT/example_project${PYTHONPATH:+:$PYTHONPATH}"
MANAGE=("$BIN/python" "$ROOT/example_project/manage.py")
RESULTS="$ROOT/benchmarks/results"
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$BIN/gunicorn" ] || { echo "gunicorn is missing: pip install -e '.[server]'" >&2; exit 1; }

"$BIN/python" - <<'PY'
import os
import dj_database_url
import psycopg

config = dj_database_url.parse(os.environ["DATABASE_URL"])
admin = dict(host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
             password=config["PASSWORD"] or None, dbname="postgres", autocommit=True)
with psycopg.connect(**admin) as connection:
    exists = connection.execute(
        "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
    if not exists:
        connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
PY
# One process: the baseline app's migration is written into a temporary package (settings).
read -r STORY_URL STORY_ID BASELINE_URL BASELINE_ID TRACKER_URL < <("$BIN/python" - <<'PY' | tail -n 1
import io, contextlib
import django
django.setup()
from django.core.management import call_command
with contextlib.redirect_stdout(io.StringIO()):
    call_command("makemigrations", "baseline", verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo")
from benchmarks.baseline.models import BaselinePage
from benchmarks.run import make_baseline
from comensha_content.models import LongreadPage, RecommendationIndexPage
story = LongreadPage.objects.live().filter(locale__language_code='nl').order_by('path').first()
baseline = BaselinePage.objects.filter(slug=f"baseline-{story.slug}").first()
baseline = baseline or make_baseline(story.get_parent(), story)
tracker = RecommendationIndexPage.objects.live().filter(locale__language_code='nl').first()
print(story.url, story.pk, baseline.url, baseline.pk, tracker.url)
PY
)
if [ -n "${REDIS_URL}" ]; then "$BIN/python" -c "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).ping()"; fi

LOG="$(mktemp)"
"$BIN/gunicorn" demo_site.wsgi --chdir "$ROOT/example_project" --workers "$WORKERS" \
  --bind "127.0.0.1:$PORT" --log-level warning >"$LOG" 2>&1 &
GUNICORN_PID=$!
trap 'kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$STORY_URL" && break
  sleep 0.2
done

STAMP="$(date -u +%Y%m%d-%H%M%S)"
OUT="$RESULTS/loadtest-$STAMP.json"
echo "{" >"$OUT"
ETAG="$(curl -fsI "http://127.0.0.1:$PORT/api/v2/pages/$STORY_ID/" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
echo "gunicorn $WORKERS workers, PostgreSQL, cache ${REDIS_URL:-local memory}, wrk -t$THREADS -c$CONNECTIONS -d$DURATION" \
  "--timeout $TIMEOUT on $(nproc) CPUs, revision cache ${COMENSHA_CONTENT_PAGE_CACHE_SECONDS:-86400} s"
printf '%-22s %9s %8s %8s %8s %8s %7s\n' "endpoint" "req/s" "p50 ms" "p95 ms" "p99 ms" "max ms" "errors"
first=1
for entry in "story_html $STORY_URL" "baseline_html $BASELINE_URL" \
  "story_api_v2 /api/v2/pages/$STORY_ID/" "baseline_api_v2 /api/v2/pages/$BASELINE_ID/" \
  "story_api_v2_304 /api/v2/pages/$STORY_ID/" "tracker_html $TRACKER_URL"; do
  read -r name path <<<"$entry"
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"  # warm-up, and fail early on an error
  header=()
  [ "$name" = story_api_v2_304 ] && header=(-H "If-None-Match: $ETAG")
  line="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s "$ROOT/benchmarks/wrk_report.lua" \
    "${header[@]}" "http://127.0.0.1:$PORT$path" | tail -n 1)"
  "$BIN/python" -c "
import json, sys
r = json.loads(sys.argv[2])
errors = sum(r['errors'].values())
print(f\"{sys.argv[1]:<22} {r['requests_per_second']:>9.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['max_ms']:>8.1f} {errors:>7}\")
" "$name" "$line"
  [ $first -eq 1 ] || echo "," >>"$OUT"
  first=0
  printf '"%s": {"path": "%s", "result": %s}' "$name" "$path" "$line" >>"$OUT"
done
echo "}" >>"$OUT"
echo "JSON: $OUT"
