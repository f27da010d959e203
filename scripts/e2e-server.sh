#!/usr/bin/env bash
# The server the Playwright specs share: the production build on a throwaway database
# with the demo seeded, so every run starts from the same known data.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_PATH="${DATABASE_PATH:-$PWD/data/e2e/rectify.db}"
rm -rf "$(dirname "$DATABASE_PATH")"
[ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || npx next build
node --conditions=react-server --import tsx db/seed.ts
# Structured request logs also go to a file, which a spec reads to check that no password
# is ever logged.
export NODE_ENV=production
exec node scripts/server.mjs > >(tee -a "$(dirname "$DATABASE_PATH")/server.log") 2>&1
