#!/usr/bin/env bash
# `npm test`: everything, in order of speed, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s ==\n' "$1"; }

node scripts/check-node.mjs
step "检查浏览器与中文字体"
bash scripts/ensure-browser.sh
step "类型检查"
npx tsc --noEmit
step "代码检查"
npx eslint .
step "单元测试 (vitest)"
npx vitest run
step "生产构建"
npx next build
step "端到端测试 (Playwright)"
npx playwright test
