#!/usr/bin/env bash
# The production image's steps without a Docker engine (`make smoke`, part of `make test`):
# the files the image gets (.dockerignore applied) in a temporary folder, a fresh venv from
# requirements.txt only (no dev packages; pip's cache is reused), production settings (DEBUG
# off, SECRET_KEY, ALLOWED_HOSTS, HTTPS settings on) against a throwaway PostgreSQL server,
# migrate, createcachetable, collectstatic, load_demo, gunicorn started with gunicorn.conf.py and the queue worker;
# then, as a TLS proxy would send it, a member signs in and downloads a published period's
# appendix pack, which must be a real PDF with its charts, built by the worker at publication.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${ASCWEB_SMOKE_IN_POSTGRES:-}" ]; then
  export ASCWEB_SMOKE_IN_POSTGRES=1 ASCWEB_TEST_PG_PORT=${ASCWEB_SMOKE_PG_PORT:-54339}
  exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
PYTHON=${PYTHON:-python3}
port=${ASCWEB_SMOKE_PORT:-58000}
work=$(mktemp -d /tmp/ascweb-smoke.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "smoke (${SECONDS}s): $*"; }

step "the image's files (.dockerignore applied) in $work/app"
mkdir "$work/app"
tar -C "$root" --exclude-from=<(grep -v '^#' "$root/.dockerignore" | sed '/^$/d') -cf - . | tar -C "$work/app" -xf -
# the Node stage's output, as the Dockerfile copies it
[ -f "$root/static/build/app.css" ] || { echo "smoke: static/build/app.css is missing: run make css" >&2; exit 1; }
mkdir -p "$work/app/static/build" "$work/app/node_modules/govuk-frontend/dist"
cp "$root/static/build/app.css" "$work/app/static/build/"
cp -r "$root/node_modules/govuk-frontend/dist/govuk" "$work/app/node_modules/govuk-frontend/dist/"
cp -r "$root/node_modules/plotly.js-basic-dist-min" "$work/app/node_modules/"
cd "$work/app"
for absent in .venv node_modules/.bin db.sqlite3 .git tests staticfiles backups; do
  [ ! -e "$absent" ] || { echo "smoke: $absent would be in the image" >&2; exit 1; }
done

step "a fresh venv from requirements.txt only"
"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check -r requirements.txt
if "$py" -c "import pytest" 2>/dev/null; then echo "smoke: a dev package is in the venv" >&2; exit 1; fi

step "production settings, PostgreSQL"
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$bindir/createdb" -h 127.0.0.1 -p "$ASCWEB_TEST_PG_PORT" -U postgres ascweb
unset DEBUG SECURE_SSL_REDIRECT SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE DJANGO_SETTINGS_MODULE
export SECRET_KEY="smoke-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS="127.0.0.1,localhost" GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=2
export PYTHONDONTWRITEBYTECODE=1 GUNICORN_ACCESS_LOG="$work/access.log"
"$py" manage.py check --deploy --fail-level WARNING
"$py" manage.py migrate --noinput -v 0
"$py" manage.py createcachetable  # the shared cache's table, as the image's command makes it
"$py" manage.py collectstatic --noinput -v 0
"$py" manage.py sync_roles -v 0
"$py" manage.py load_demo > "$work/load_demo.log"

step "gunicorn (gunicorn.conf.py) and the queue worker"
"$work/venv/bin/gunicorn" -c gunicorn.conf.py ascweb.wsgi > "$work/gunicorn.log" 2>&1 &
pids+=($!)
"$py" manage.py db_worker --no-reload --interval 1 > "$work/worker.log" 2>&1 &
pids+=($!)

step "a member downloads Period 10's appendix pack, as the TLS proxy passes it on"
if ! "$py" "$root/scripts/smoke_client.py" "http://127.0.0.1:$port" "$work/pack.pdf"; then
  tail -n 40 "$work/gunicorn.log" "$work/worker.log" >&2
  exit 1
fi
text=$(pdftotext "$work/pack.pdf" -)
grep -q "Table 2.1: Summary by expenditure area" <<<"$text"
grep -q "Total Net Expenditure 261.403 258.901 (2.502)" <<<"$(tr -s ' \n' ' ' <<<"$text")"
# every chart drawn by Chromium: a chart that could not be drawn is printed as this note instead
! grep -q "could not be drawn" <<<"$text" || { echo "smoke: a chart was not drawn" >&2; exit 1; }
grep -q "Forecast variance by expenditure area" <<<"$text"
step "ok: $(wc -c <"$work/pack.pdf") bytes, $(grep -c . <<<"$text") lines of text, charts drawn"
