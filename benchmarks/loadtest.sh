#!/usr/bin/env bash
# Load test: gunicorn (2 workers) with PostgreSQL serving the example site and its demo content;
# wrk on 127.0.0.1 against a longread story, its API v2 detail and the tracker, DURATION each.
#
#   make loadtest
#   DURATION=20s CONNECTIONS=16 benchmarks/loadtest.sh
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
export DJANGO_SETTINGS_MODULE=demo_site.settings
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
"${MANAGE[@]}" migrate --noinput -v 0
"${MANAGE[@]}" load_demo >/dev/null
read -r STORY_URL STORY_ID TRACKER_URL < <("${MANAGE[@]}" shell -v 0 -c "
from comensha_content.models import LongreadPage, RecommendationIndexPage
story = LongreadPage.objects.live().filter(locale__language_code='nl').order_by('path').first()
tracker = RecommendationIndexPage.objects.live().filter(locale__language_code='nl').first()
print(story.url, story.pk, tracker.url)" | tail -n 1)

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
echo "gunicorn $WORKERS workers, PostgreSQL, wrk -t$THREADS -c$CONNECTIONS -d$DURATION" \
  "--timeout $TIMEOUT on $(nproc) CPUs, story cache ${COMENSHA_CONTENT_PAGE_CACHE_SECONDS:-0} s"
printf '%-22s %9s %8s %8s %8s %8s %7s\n' "endpoint" "req/s" "p50 ms" "p95 ms" "p99 ms" "max ms" "errors"
first=1
for entry in "story_html $STORY_URL" "story_api_v2 /api/v2/pages/$STORY_ID/" "tracker_html $TRACKER_URL"; do
  read -r name path <<<"$entry"
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"  # warm-up, and fail early on an error
  line="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s "$ROOT/benchmarks/wrk_report.lua" \
    "http://127.0.0.1:$PORT$path" | tail -n 1)"
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
