import { createHash } from "node:crypto";

// 整改档案 package: what its manifest says and how a package is checked against it. Pure,
// so the CLI, the page and the tests judge a package by the same rules.

export const MANIFEST_NAME = "manifest.json";
export const MANIFEST_FORMAT = "rectify-archive/1";

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ArchiveManifest {
  format: typeof MANIFEST_FORMAT;
  roundId: number;
  roundName: string;
  /** ISO time the package's database read began: everything in it is as of this instant. */
  packagedAt: string;
  /** The round's ledger checksum (lib/archive-manifest.ts ledgerChecksumRows) at that read. */
  ledgerChecksum: string;
  files: ManifestFile[];
  /**
   * SHA-256 of this manifest's JSON as written with this field set to "" — a manifest
   * cannot contain its own hash, so the hash is taken over the rest and checked the same way.
   */
  manifestSha256: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function manifestJson(manifest: ArchiveManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest as written into the package, its own hash filled in. */
export function sealManifest(manifest: Omit<ArchiveManifest, "manifestSha256">): { manifest: ArchiveManifest; json: string } {
  const manifestSha256 = sha256Hex(manifestJson({ ...manifest, manifestSha256: "" }));
  const sealed = { ...manifest, manifestSha256 };
  return { manifest: sealed, json: manifestJson(sealed) };
}

export interface VerifyOutcome {
  ok: boolean;
  files: number;
  missing: string[];
  extra: string[];
  altered: string[];
  /** Set when the manifest itself is absent, unreadable or does not match its own hash. */
  manifestProblem?: string;
}

/** Reads a manifest's JSON; a message in Chinese says why one is not acceptable. */
export function parseManifest(json: string): { manifest: ArchiveManifest } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: "manifest.json 不是合法的 JSON" };
  }
  const m = value as Partial<ArchiveManifest>;
  if (!m || m.format !== MANIFEST_FORMAT || !Array.isArray(m.files) || typeof m.manifestSha256 !== "string") {
    return { problem: "manifest.json 不是整改通归档包的清单" };
  }
  if (!m.files.every((f) => f && typeof f.path === "string" && typeof f.sha256 === "string" && typeof f.bytes === "number")) {
    return { problem: "manifest.json 的文件列表格式不对" };
  }
  const manifest = m as ArchiveManifest;
  if (sha256Hex(manifestJson({ ...manifest, manifestSha256: "" })) !== manifest.manifestSha256) {
    return { problem: "manifest.json 已被改动(与其自身的校验值不符)" };
  }
  return { manifest };
}

/**
 * The package's files (path → SHA-256, manifest.json left out) against its manifest:
 * which are missing, extra or altered. `ok` only when none is and the manifest is sound.
 */
export function compareWithManifest(manifestJsonText: string | undefined, actual: ReadonlyMap<string, string>): VerifyOutcome {
  const empty = { missing: [], extra: [], altered: [] };
  // Counted as `archive` counts them: every file in the zip, the manifest included.
  const files = actual.size + (manifestJsonText === undefined ? 0 : 1);
  if (manifestJsonText === undefined) return { ok: false, files, ...empty, manifestProblem: "包中没有 manifest.json" };
  const parsed = parseManifest(manifestJsonText);
  if ("problem" in parsed) return { ok: false, files, ...empty, manifestProblem: parsed.problem };
  const listed = new Map(parsed.manifest.files.map((f) => [f.path, f.sha256]));
  const missing = [...listed.keys()].filter((p) => !actual.has(p));
  const extra = [...actual.keys()].filter((p) => !listed.has(p));
  const altered = [...listed].filter(([p, hash]) => actual.has(p) && actual.get(p) !== hash).map(([p]) => p);
  return { ok: missing.length + extra.length + altered.length === 0, files, missing, extra, altered };
}

/** One line per problem, in Chinese, for the page and the CLI's stderr. */
export function verifyProblems(outcome: VerifyOutcome): string[] {
  return [
    ...(outcome.manifestProblem ? [outcome.manifestProblem] : []),
    ...outcome.missing.map((p) => `缺少文件:${p}`),
    ...outcome.extra.map((p) => `多出文件:${p}`),
    ...outcome.altered.map((p) => `文件已被改动:${p}`),
  ];
}
