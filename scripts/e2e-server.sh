#!/usr/bin/env bash
# A server the Playwright specs share: the production build on a throwaway database, with
# the demo seeded so every run starts from the same known data, or (RECTIFY_DEMO=off)
# empty, for the first-run setup spec.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_PATH="${DATABASE_PATH:-$PWD/data/e2e/rectify.db}"
rm -rf "$(dirname "$DATABASE_PATH")"
if [ "${RECTIFY_DEMO:-}" = off ]; then
  # The other server builds when there is no build; wait for it rather than build twice.
  for _ in $(seq 1 600); do [ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] && break; sleep 1; done
else
  [ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || npx next build
fi
node --conditions=react-server --import tsx db/seed.ts --if-empty
# Structured request logs also go to a file, which a spec reads to check that no password
# is ever logged (and, on the empty server, to read the setup code it prints).
export NODE_ENV=production
exec node scripts/server.mjs > >(tee -a "$(dirname "$DATABASE_PATH")/server.log") 2>&1
