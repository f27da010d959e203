import path from "node:path";

// Where the data lives. Everything the app writes (database, evidence files, the
// generated auth secret) goes under one folder so that a backup is one copy.
export function databasePath(): string {
  // turbopackIgnore: the path is chosen at run time, not a file to bundle.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join("data", "rectify.db"));
}

export function dataDir(): string {
  return path.dirname(databasePath());
}

function megabytes(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Evidence upload limits, configurable per deployment and shown to users before upload. */
export function evidenceLimits() {
  return {
    maxFileBytes: megabytes("RECTIFY_MAX_FILE_MB", 20) * 1024 * 1024,
    maxReportBytes: megabytes("RECTIFY_MAX_REPORT_MB", 50) * 1024 * 1024,
    maxFiles: 20,
  };
}

export function evidenceDir(): string {
  return path.join(dataDir(), "evidence");
}

/** The address users reach the app at (as better-auth is told), for links printed or handed out. */
export function publicUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
