#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh machine, then runs every test.
#   1. prerequisites: Debian Chromium (browser test), npm packages from committed lock files
#   2. .NET tests (unit, contract suite on SQLite and on a real Neo4j 3.1.1, API over real HTTP)
#   3. a live `newsgraph serve` checked from outside: graphql-http audit, graphql-ws subscription,
#      Banana Cake Pop, the explorer and the dashboard in headless Chromium
# Every server it starts is stopped on exit. Exit status: non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 SNAPSHOOTER_STRICT_MODE=on

step() { printf '\n==> %s\n' "$*" >&2; }

step "prerequisites"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || { echo "could not install chromium with apt-get" >&2; exit 1; }
  else
    sudo -n apt-get install -y -qq chromium >/dev/null || { echo "chromium is missing: apt-get install chromium" >&2; exit 1; }
  fi
fi
npm ci --prefix tests/web --no-audit --no-fund --loglevel=error >/dev/null

SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  tests/neo4j-server/neo4j-test-server.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

step "Neo4j 3.1.1 test server"
eval "$(tests/neo4j-server/neo4j-test-server.sh start)"
export NEWSGRAPH_NEO4J_URI
echo "NEWSGRAPH_NEO4J_URI=$NEWSGRAPH_NEO4J_URI" >&2

step "build"
dotnet build NewsGraph.sln -c Release --nologo -v quiet

step ".NET tests"
# The Node checks (audit, subscription, browsers) run once, below, against the real executable.
# One test project at a time (-m:1), which keeps this 2-core machine's load predictable for the
# timing-sensitive outage tests. The Neo4j store's tests and the CLI's Neo4j benchmark tests share the
# test server's one database; a plain `dotnet test` runs projects side by side, so each test process
# takes the server's lease first (Neo4jTestServer) — before it, they broke each other's merges
# (a unique-key violation on the same person, 2026-12-07).
NEWSGRAPH_WEB_CHECKS=live dotnet test NewsGraph.sln -c Release --no-build --nologo -v quiet -m:1 --logger "console;verbosity=minimal"

step "live server checks"
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
URL="http://127.0.0.1:$PORT/graphql"
DB=$(mktemp -d)/live.db
NewsGraph__Api__ApiKey=live-test-key dotnet src/NewsGraph.Cli/bin/Release/net10.0/newsgraph.dll serve --db "$DB" --samples --urls "http://127.0.0.1:$PORT" >"$(dirname "$DB")/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$URL" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$(dirname "$DB")/serve.log" >&2; exit 1; }
  sleep 0.5
done
node tests/web/audit.mjs "$URL"
NEWSGRAPH_API_KEY=live-test-key node tests/web/subscribe.mjs "$URL"
node tests/web/bcp.mjs "$URL"
node tests/web/explorer.mjs "http://127.0.0.1:$PORT"
node tests/web/dashboard.mjs "http://127.0.0.1:$PORT" live-test-key

step "all tests passed"
