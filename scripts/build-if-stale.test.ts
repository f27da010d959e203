import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { buildIsStale } from "./build-if-stale.mjs";

// `npm start` rebuilds only when it must: no build yet, or a source newer than the build.

const root = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-stale-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const touch = (file: string, at: number) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), "x");
  fs.utimesSync(path.join(root, file), at, at);
};
const options = { root, distDir: ".next", sources: ["app", "package.json"] };

describe("buildIsStale", () => {
  it("builds when there is no build yet", () => {
    touch("app/page.tsx", 1000);
    expect(buildIsStale(options)).toEqual({ stale: true, first: true });
  });

  it("reuses a build newer than every source", () => {
    touch(".next/BUILD_ID", 2000);
    touch("package.json", 1500);
    expect(buildIsStale(options)).toEqual({ stale: false, first: false });
  });

  it("rebuilds when a source, however deep, changed after the build", () => {
    touch("app/(app)/rounds/[id]/ledger/page.tsx", 3000);
    expect(buildIsStale(options)).toEqual({ stale: true, first: false });
  });
});
