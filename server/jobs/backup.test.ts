import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import {
  backupDatabase,
  inspectBackup,
  ledgerChecksumOf,
  pruneBackups,
  restoreDatabase,
  serverPidFile,
  tableCounts,
} from "@/server/jobs/backup";

let seeded: Awaited<ReturnType<typeof seededTestDb>>;
let work: string;

beforeAll(async () => {
  seeded = await seededTestDb("2026-11-20");
  work = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-backup-"));
  // Two evidence files in the content-addressed layout.
  for (const name of ["ab/ab12", "cd/cd34"]) {
    fs.mkdirSync(path.join(work, "evidence", path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(work, "evidence", name), `证据 ${name}`);
  }
});
afterAll(() => {
  seeded.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

function backupOf(name: string, writerConnection = false) {
  return backupDatabase({
    sqlite: seeded.sqlite,
    writerConnection,
    checksum: true,
    out: path.join(work, "backups", name),
    evidenceFrom: path.join(work, "evidence"),
    evidenceTo: path.join(work, "backups", `${name}.evidence`),
  });
}

describe("backup and restore", () => {
  it("round-trips a populated database: same row counts, same ledger checksum, evidence included", async () => {
    const before = { tables: tableCounts(seeded.sqlite), checksum: ledgerChecksumOf(seeded.sqlite) };
    expect(before.tables.measures).toBeGreaterThan(60);
    const backup = await backupOf("full.db");
    expect(backup).toMatchObject({ ledgerChecksum: before.checksum, evidenceFiles: 2, evidenceCopied: 2 });

    const restoredDb = path.join(work, "restored", "rectify.db");
    const restored = await restoreDatabase({
      from: backup.out,
      databaseFile: restoredDb,
      evidenceFrom: `${backup.out}.evidence`,
      evidenceTo: path.join(work, "restored", "evidence"),
    });
    expect(restored).toMatchObject({ keptAs: null, ledgerChecksum: before.checksum, evidenceCopied: 2 });
    const reopened = new Database(restoredDb, { readonly: true });
    try {
      expect(tableCounts(reopened)).toEqual(before.tables);
      expect(ledgerChecksumOf(reopened)).toBe(before.checksum);
      expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      reopened.close();
    }
    expect(fs.readFileSync(path.join(work, "restored", "evidence", "cd", "cd34"), "utf8")).toBe("证据 cd/cd34");
  });

  it("copies the same ledger through the server's own connection (step-wise online backup)", async () => {
    const backup = await backupOf("writer.db", true);
    expect(backup.ledgerChecksum).toBe(ledgerChecksumOf(seeded.sqlite));
  });

  it("moves away a write-ahead log left without its database, so it is not replayed into the restored one", async () => {
    const backup = await backupOf("orphan.db");
    const target = path.join(work, "orphan", "rectify.db");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}-wal`, "孤立的日志");
    const result = await restoreDatabase({ from: backup.out, databaseFile: target, evidenceFrom: "/x", evidenceTo: "/x" });
    expect(result.keptAs).toBeNull();
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    const kept = fs.readdirSync(path.dirname(target)).filter((name) => /before-restore-.*-wal$/.test(name));
    expect(kept).toHaveLength(1);
    expect(result.ledgerChecksum).toBe(backup.ledgerChecksum);
  });

  it("copies only evidence it does not have yet on the next backup", async () => {
    await backupOf("again.db");
    fs.writeFileSync(path.join(work, "evidence", "ab", "ab99"), "新证据");
    const second = await backupOf("again.db");
    expect(second).toMatchObject({ evidenceFiles: 3, evidenceCopied: 1 });
  });

  it("keeps the database it replaces, and moves its write-ahead log away with it", async () => {
    const backup = await backupOf("keep.db");
    const target = path.join(work, "keep", "rectify.db");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, "旧数据库");
    fs.writeFileSync(`${target}-wal`, "旧日志");
    const result = await restoreDatabase({ from: backup.out, databaseFile: target, evidenceFrom: "/nonexistent", evidenceTo: "/nonexistent", now: new Date("2026-11-21T08:00:00Z") });
    expect(result.keptAs).toMatch(/rectify\.db\.before-restore-2026-11-21T08-00-00-000Z$/);
    expect(fs.readFileSync(result.keptAs!, "utf8")).toBe("旧数据库");
    expect(fs.readFileSync(`${result.keptAs}-wal`, "utf8")).toBe("旧日志");
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
  });

  it("refuses to restore while the server runs, and changes nothing", async () => {
    const backup = await backupOf("running.db");
    const target = path.join(work, "running", "rectify.db");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, "在用的数据库");
    fs.writeFileSync(serverPidFile(path.dirname(target)), String(process.pid));
    await expect(restoreDatabase({ from: backup.out, databaseFile: target, evidenceFrom: "/x", evidenceTo: "/x" })).rejects.toThrow(
      /服务仍在运行/,
    );
    expect(fs.readFileSync(target, "utf8")).toBe("在用的数据库");
  });

  it("refuses a file that is not a backup, and a missing one, with a Chinese message", () => {
    const junk = path.join(work, "junk.db");
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(() => inspectBackup(junk)).toThrow(/不是有效的整改通备份/);
    expect(() => inspectBackup(path.join(work, "missing.db"))).toThrow(/备份文件不存在/);
  });
});

describe("daily backup retention", () => {
  it("keeps the newest backups and nothing else is touched", () => {
    const folder = path.join(work, "daily");
    fs.mkdirSync(folder, { recursive: true });
    for (const day of ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18"]) {
      fs.writeFileSync(path.join(folder, `rectify-${day}.db`), day);
    }
    fs.writeFileSync(path.join(folder, "notes.txt"), "不是备份");
    expect(pruneBackups(folder, 2)).toEqual(["rectify-2026-11-16.db", "rectify-2026-11-15.db"]);
    expect(fs.readdirSync(folder).sort()).toEqual(["notes.txt", "rectify-2026-11-17.db", "rectify-2026-11-18.db"]);
  });
});
