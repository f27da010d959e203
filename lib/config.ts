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
