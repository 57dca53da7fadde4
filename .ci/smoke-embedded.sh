#!/usr/bin/env bash
# `npm start` with no DATABASE_URL: the embedded PostgreSQL starts, migrations run, the API answers.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d)
# A port nobody listens on, so an answer can only come from this server.
PORT=${SMOKE_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
LOG="$DATA/server.log"
# Its own process group: npm starts node as a child, and the cleanup must stop both.
setsid env -u DATABASE_URL PORT="$PORT" DATA_DIR="$DATA" npm start -- --demo >"$LOG" 2>&1 &
PID=$!
cleanup() { kill -- -"$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/health" >/dev/null; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "server exited:"; cat "$LOG"; exit 1; fi
  sleep 1
done
# `--demo` prints an admin API key (demo-admin) once: the walk-through sends it.
KEY=$(grep -o 'cse_[0-9a-f]\{8\}_[A-Za-z0-9_-]\{43\}' "$LOG" | head -n 1 || true)
if [ -z "$KEY" ]; then echo "smoke: no demo API key printed"; cat "$LOG"; exit 1; fi
AUTH="Authorization: Bearer $KEY"
check() { # path expected-status [curl options]
  local path=$1 want=$2; shift 2
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "http://127.0.0.1:$PORT$path")
  if [ "$code" != "$want" ]; then echo "smoke: GET $path answered $code, expected $want"; cat "$LOG"; exit 1; fi
  echo "smoke: GET $path -> $code"
}
check /health 200
check /docs 200
check /docs-json 200
check /api/v1/packs 401
check /api/v1/packs 200 -H "$AUTH"
# The README's walk-through: the demo hotel is tiered in the industries that supervise it (分行业) — food, fire and
# tax, not construction — each tier explained, its fire penalties counted in its fire tier only.
ID=$(curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/subjects?code=91500110MA8EEY8N48" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))')
curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/subjects/$ID/tiers" | node -e '
let s=""; process.stdin.on("data", d => s += d).on("end", () => {
  const tiers = JSON.parse(s).tiers;
  const industries = tiers.map(t => t.industry).sort().join(",");
  if (industries !== "fire_safety,food_drug,tax") { console.error("smoke: tiers for", industries); process.exit(1); }
  const by = Object.fromEntries(tiers.map(t => [t.industry, t]));
  if (!(by.fire_safety.score < by.food_drug.score)) { console.error("smoke: fire penalties not in the fire tier alone", by.fire_safety.score, by.food_drug.score); process.exit(1); }
  for (const t of tiers) if (!t.tier || !Array.isArray(t.fired) || !t.inspectionPolicy) { console.error("smoke: unexplained tier", t); process.exit(1); }
  console.log("smoke: demo subject tiers:", tiers.map(t => `${t.industry}=${t.tier}`).join(" "));
});'
# The console: its page, a client route, the key's own identity, and the script the page loads.
check /console 200
check /console/check 200
check /api/v1/me 200 -H "$AUTH"
JS=$(curl -fs "http://127.0.0.1:$PORT/console" | grep -o "/console/assets/index-[A-Za-z0-9_-]*\.js" | head -n 1 || true)
if [ -z "$JS" ]; then echo "smoke: /console loads no script"; cat "$LOG"; exit 1; fi
check "$JS" 200
echo "smoke: embedded default OK"
