// `npm start` builds the production app only when it has to: when there is no build yet,
// or when a source file is newer than the build. A restart of unchanged code starts in
// about a second instead of waiting some 90 s for `next build`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const SOURCES = ["app", "components", "lib", "server", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];
const SKIP = new Set(["node_modules", "migrations-meta-cache", ".next"]);

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (SKIP.has(name)) continue;
    latest = Math.max(latest, newest(path.join(entry, name)));
  }
  return latest;
}

/** Does the build in `distDir` miss, or predate a change to one of `sources` (paths from `root`)? */
export function buildIsStale({ root = ".", distDir = DIST_DIR, sources = SOURCES } = {}) {
  const id = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(id)) return { stale: true, first: true };
  const builtAt = fs.statSync(id).mtimeMs;
  return { stale: Math.max(...sources.map((source) => newest(path.join(root, source)))) > builtAt, first: false };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { stale, first } = buildIsStale();
  if (!stale) {
    process.stderr.write(`代码自上次构建以来未改动,沿用已有构建(${DIST_DIR})\n`);
  } else {
    process.stderr.write(first ? "首次启动,正在构建(约 1–2 分钟)…\n" : "代码有改动,正在重新构建(约 1–2 分钟)…\n");
    const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    process.exit(result.status ?? 1);
  }
}
