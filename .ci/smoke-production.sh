#!/usr/bin/env bash
# `npm start` from a production install, as the Dockerfile's runtime stage makes it: the built dist/, the rule
# packs and the lockfile's production dependencies only (npm ci --omit=dev), NODE_ENV=production, on a fresh
# PostgreSQL database (migrations from nothing). It answers readiness, the console and the API.
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432/test}
PROD=$(mktemp -d)
DB="smoke_prod_$$"
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
cp -r package.json package-lock.json dist rule-packs scripts "$PROD/"
(cd "$PROD" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
if [ -d "$PROD/node_modules/typescript" ]; then echo "smoke-production: typescript installed by --omit=dev"; exit 1; fi
psql "$PGURL" -qc "CREATE DATABASE $DB"
DBURL="${PGURL%/*}/$DB"
LOG="$PROD/server.log"
# Its own process group (npm starts node as a child): the cleanup stops both.
setsid env NODE_ENV=production ID_HASH_KEY="$(head -c 32 /dev/urandom | base64)" DATABASE_URL="$DBURL" PORT="$PORT" \
  npm start --prefix "$PROD" >"$LOG" 2>&1 &
PID=$!
cleanup() {
  kill -- -"$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  psql "$PGURL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$PROD"
}
trap cleanup EXIT
for _ in $(seq 1 90); do
  if curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "smoke-production: server exited:"; cat "$LOG"; exit 1; fi
  sleep 1
done
check() { # path expected-status
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$1")
  if [ "$code" != "$2" ]; then echo "smoke-production: GET $1 answered $code, expected $2"; cat "$LOG"; exit 1; fi
  echo "smoke-production: GET $1 -> $code"
}
check /health/ready 200
check /console/ 200
check /api/v1/packs 401
# Every stdout line is a JSON log line.
if grep -v '^{' "$LOG" | grep -v '^>' | grep -v '^$' | grep -q .; then
  echo "smoke-production: lines that are not JSON on the log stream:"; grep -v '^{' "$LOG" | grep -v '^>' | head; exit 1
fi
echo "smoke-production: ok (production dependencies only, NODE_ENV=production, fresh database)"
