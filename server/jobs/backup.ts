import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrationState } from "@/db/migrate";
import { AppError } from "@/lib/errors";

// Backup and restore of everything the app keeps: the SQLite database and the evidence
// files. Evidence is content-addressed and never changes, so a backup only copies the
// files it does not have yet, and many daily backups can share one evidence folder.
//
// Two ways to copy the database, both consistent while the server keeps writing:
// - inside the server (the daily backup), SQLite's online backup API on the server's own
//   connection: it copies in small steps between requests, and the server's writes are
//   carried into the copy as they happen;
// - from another process (`cli backup`), `VACUUM INTO`: one read snapshot. The step-wise
//   API would restart on every commit the server makes and might never finish under load.

export interface BackupResult {
  out: string;
  bytes: number;
  /** Only when asked for: it reads every ledger row, too slow for the server's daily run. */
  ledgerChecksum?: string;
  evidenceFiles: number;
  evidenceCopied: number;
  ms: number;
}

export async function backupDatabase(params: {
  sqlite: Database.Database;
  /** The connection the server writes through (daily backup) rather than a separate one. */
  writerConnection: boolean;
  out: string;
  evidenceFrom: string;
  evidenceTo: string;
  checksum: boolean;
}): Promise<BackupResult> {
  const started = performance.now();
  const out = path.resolve(params.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name and renamed: a half-written backup never looks complete.
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  if (params.writerConnection) await params.sqlite.backup(partial);
  else params.sqlite.prepare("vacuum into ?").run(partial);
  fs.renameSync(partial, out);
  const { files, copied } = await copyMissingFiles(params.evidenceFrom, params.evidenceTo);
  return {
    out,
    bytes: fs.statSync(out).size,
    ...(params.checksum ? { ledgerChecksum: withReadOnly(out, ledgerChecksumOf) } : {}),
    evidenceFiles: files,
    evidenceCopied: copied,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Files under `from` that `to` lacks are copied; nothing is ever deleted or overwritten.
 * Asynchronous, file by file: the daily backup runs inside the server, which keeps serving.
 */
async function copyMissingFiles(from: string, to: string): Promise<{ files: number; copied: number }> {
  if (!fs.existsSync(from)) return { files: 0, copied: 0 };
  let files = 0;
  let copied = 0;
  for (const entry of await fs.promises.readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (await exists(target)) continue;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.copyFile(source, target);
    copied++;
  }
  return { files, copied };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The backup's figures as a restore would bring them back: checked before anything is replaced. */
export function inspectBackup(file: string): { tables: Record<string, number> } {
  if (!fs.existsSync(file)) throw new AppError("NOT_FOUND", `备份文件不存在:${file}`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError("VALIDATION", `不是有效的整改通备份:${file}`);
  }
  try {
    const check = sqlite.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new AppError("VALIDATION", `备份文件已损坏(integrity_check:${String(check)}),未恢复`);
    if (migrationState(sqlite).newer) throw new AppError("VALIDATION", "备份来自更新版本的整改通,请先升级程序再恢复");
    return { tables: tableCounts(sqlite) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION", `不是有效的整改通备份:${file}`);
  } finally {
    sqlite.close();
  }
}

/**
 * A fingerprint of the ledger (rounds, plan, assignments, progress, evidence, audit), the
 * same for a database and any faithful copy of it: printed by backup and restore so that
 * an operator can see the two match.
 */
export function ledgerChecksumOf(sqlite: Database.Database): string {
  const hash = createHash("sha256");
  for (const table of ["rounds", "aspects", "problems", "measures", "measure_co_units", "progress_reports", "evidence_files", "audit_log"]) {
    for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).raw().iterate()) {
      hash.update(`${table}:${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest("hex");
}

function withReadOnly<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  // Not the full-text indexes: derived from the tables counted, and counting a vocabulary
  // reads its whole index (seconds on a province database).
  const names = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%\\_fts' escape '\\' and name not like '%\\_fts\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((name) => [name, sqlite.prepare(`select count(*) from "${name}"`).pluck().get() as number]));
}

/**
 * Puts a backup in place of the database of a stopped instance. The current database is
 * kept beside it (`….before-restore-<time>`), never deleted, so a wrong restore can be undone.
 */
export async function restoreDatabase(params: {
  from: string;
  databaseFile: string;
  evidenceFrom: string;
  evidenceTo: string;
  now?: Date;
}): Promise<{
  databaseFile: string;
  keptAs: string | null;
  tables: Record<string, number>;
  ledgerChecksum: string;
  evidenceCopied: number;
}> {
  const from = path.resolve(params.from);
  const target = path.resolve(params.databaseFile);
  assertServerStopped(path.dirname(target));
  const { tables } = inspectBackup(from);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(from, staging);
  const stamp = `before-restore-${(params.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
  const keptAs = fs.existsSync(target) ? `${target}.${stamp}` : null;
  if (keptAs) fs.renameSync(target, keptAs);
  // A write-ahead log belongs to the database that wrote it, even when that file is gone:
  // left behind, SQLite would replay its commits into the restored one. It is kept beside
  // the old database (or on its own), never deleted.
  for (const suffix of ["-wal", "-shm"]) {
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, `${keptAs ?? `${target}.${stamp}`}${suffix}`);
  }
  fs.renameSync(staging, target);
  const { copied } = await copyMissingFiles(params.evidenceFrom, params.evidenceTo);
  // Read back from the file now in place, so that it can be compared with the backup's.
  const ledgerChecksum = withReadOnly(target, ledgerChecksumOf);
  return { databaseFile: target, keptAs, tables, ledgerChecksum, evidenceCopied: copied };
}

const DAILY_BACKUP_NAME = /^rectify-\d{4}-\d{2}-\d{2}\.db$/;

/** Keeps the newest `keep` daily backups; returns the names removed. */
export function pruneBackups(folder: string, keep: number): string[] {
  const backups = fs
    .readdirSync(folder)
    .filter((name) => DAILY_BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(keep);
  for (const name of removed) fs.rmSync(path.join(folder, name));
  return removed;
}

/** The pid file the server writes while it runs (scripts/server.mjs). */
export function serverPidFile(dataFolder: string): string {
  return path.join(dataFolder, "server.pid");
}

function assertServerStopped(dataFolder: string): void {
  const pidFile = serverPidFile(dataFolder);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new AppError("CONFLICT", `整改通服务仍在运行(进程 ${pid}),请先停止服务再恢复`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
