import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { csvText } from "./support/ledger-files";
import { freshDataDir, issueToken, seedDataDir, spawnServer, startServer, type PrivateServer } from "./support/server-process";

// Operating the server: kill -9 in the middle of work, backup while it runs, restore onto
// a stopped instance, and refusing to start on a bad data folder or a newer database.
// Each test runs its own private server (e2e/support/server-process.ts) on its own port.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
let server: PrivateServer | undefined;
test.afterEach(async () => {
  await server?.crash();
  server = undefined;
});

function openDb(file: string) {
  return new Database(file);
}

function integrity(file: string): unknown {
  const db = openDb(file);
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
}

/** A ledger of `problems` × 5 measures, all led by 区教育局 (a unit the demo has). */
function bigLedger(problems: number): Buffer {
  const rows: string[][] = [];
  for (let number = 1; number <= problems; number++) {
    for (let m = 1; m <= 5; m++) {
      rows.push([
        String(number),
        `第${(number % 4) + 1}方面`,
        `关于“学位供给不足”的问题(第${number}项)`,
        `建立学位建设月调度机制,逐项推进第${number}项问题的第${m}条措施`,
        "王区长",
        "区教育局",
        "",
        "2026年12月31日",
        "未完成",
        "",
      ]);
    }
  }
  return Buffer.from(csvText(rows), "utf8");
}

function importRequest(base: string, token: string, roundId: number, file: Buffer) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(file)], { type: "text/csv" }), "大台账.csv");
  return fetch(`${base}/api/v1/rounds/${roundId}/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

function insertRound(databaseFile: string, name: string): number {
  const db = openDb(databaseFile);
  try {
    const now = Date.now();
    return Number(
      db
        .prepare(
          "insert into rounds (name, kind, inspecting_body, inspected_body, feedback_date, created_at, updated_at) values (?, 'inspection', '市委第三巡察组', '区教育局', '2026-03-01', ?, ?)",
        )
        .run(name, now, now).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

const measuresIn = (file: string, roundId: number) => {
  const db = openDb(file);
  try {
    return db.prepare("select count(*) from measures where round_id = ?").pluck().get(roundId) as number;
  } finally {
    db.close();
  }
};

test("大批量导入中途进程被强杀:数据库完好,导入要么全在要么全无,重启后可重新导入", async () => {
  const dataDir = freshDataDir("crash-import");
  seedDataDir(dataDir);
  const databaseFile = path.join(dataDir, "rectify.db");
  const roundId = insertRound(databaseFile, "崩溃导入测试轮次");
  const token = issueToken(databaseFile, "office");
  const ledger = bigLedger(2000);
  server = await startServer(dataDir, PORT);

  // Kill the moment the import starts writing: its transaction is then spilling pages to
  // the write-ahead log, well before it commits.
  const wal = `${databaseFile}-wal`;
  const walBefore = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  let acknowledged = false;
  const request = importRequest(server.baseURL, token, roundId, ledger).then(
    (response) => (acknowledged = response.ok),
    () => false,
  );
  const deadline = Date.now() + 60_000;
  while (!acknowledged && Date.now() < deadline) {
    if (fs.existsSync(wal) && fs.statSync(wal).size > walBefore + 64 * 1024) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await server.crash();
  await request;

  expect(integrity(databaseFile)).toBe("ok");
  const measures = measuresIn(databaseFile, roundId);
  expect([0, 10_000]).toContain(measures);
  if (acknowledged) expect(measures).toBe(10_000);
  test.info().annotations.push({ type: "crash", description: `killed ${acknowledged ? "after" : "before"} the reply; ${measures} measures present` });

  server = await startServer(dataDir, PORT);
  if (measures === 0) {
    const retry = await importRequest(server.baseURL, token, roundId, ledger);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ problems: 2000, measures: 10_000 });
  }
  const summary = await (await fetch(`${server.baseURL}/api/v1/rounds/${roundId}/summary`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(summary.measures.total).toBe(10_000);
});

test("连续写入中途进程被强杀:每一条已确认的报送重启后都在,数据库完好", async () => {
  const dataDir = freshDataDir("crash-writes");
  seedDataDir(dataDir);
  const databaseFile = path.join(dataDir, "rectify.db");
  const token = issueToken(databaseFile, "jiaoyu");
  const db = openDb(databaseFile);
  const measureIds = db
    .prepare("select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' order by m.id limit 8")
    .pluck()
    .all() as number[];
  db.close();
  expect(measureIds.length).toBeGreaterThan(0);
  server = await startServer(dataDir, PORT);

  const acknowledged = new Map<number, string>();
  let sent = 0;
  const post = async (i: number) => {
    const text = `崩溃测试第 ${i} 次报送:学位建设按月调度`;
    const form = new FormData();
    form.set("reportDate", "2026-11-20");
    form.set("text", text);
    form.set("claimedStatus", "incomplete");
    const response = await fetch(`${server!.baseURL}/api/v1/measures/${measureIds[i % measureIds.length]}/progress`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (response.ok) acknowledged.set(((await response.json()) as { report: { id: number } }).report.id, text);
  };
  // 10 writers in parallel until the server dies under them.
  const writers = Array.from({ length: 10 }, async () => {
    while (sent < 2000) {
      try {
        await post(sent++);
      } catch {
        return; // The connection died with the server.
      }
    }
  });
  await expect.poll(() => acknowledged.size, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
  await server.crash();
  await Promise.all(writers);

  expect(integrity(databaseFile)).toBe("ok");
  const check = openDb(databaseFile);
  try {
    const stored = check.prepare("select text from progress_reports where id = ?").pluck();
    for (const [id, text] of acknowledged) expect(stored.get(id)).toBe(text);
  } finally {
    check.close();
  }
  test.info().annotations.push({ type: "crash", description: `${acknowledged.size} acknowledged writes, all present after kill -9` });
  server = await startServer(dataDir, PORT);
  expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
});

/** `npm run cli` against a private data folder, without blocking this process (writes go on meanwhile). */
function cli(dataDir: string, args: string[]): Promise<{ ok: boolean; out: unknown; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "-s", "cli", "--", ...args],
      { env: { ...process.env, DATABASE_PATH: path.join(dataDir, "rectify.db") }, encoding: "utf8" },
      (error, stdout, stderr) => resolve(error ? { ok: false, out: null, stderr } : { ok: true, out: JSON.parse(stdout.trim()), stderr }),
    );
  });
}

test("服务运行且有写入时在线备份;停止服务后恢复,账本校验值和行数一致", async () => {
  const dataDir = freshDataDir("backup");
  seedDataDir(dataDir);
  const databaseFile = path.join(dataDir, "rectify.db");
  const token = issueToken(databaseFile, "jiaoyu");
  const measureId = (() => {
    const db = openDb(databaseFile);
    try {
      return db.prepare("select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' limit 1").pluck().get() as number;
    } finally {
      db.close();
    }
  })();
  server = await startServer(dataDir, PORT);
  const write = async (text: string) => {
    const form = new FormData();
    form.set("reportDate", "2026-11-20");
    form.set("text", text);
    form.set("claimedStatus", "incomplete");
    const response = await fetch(`${server!.baseURL}/api/v1/measures/${measureId}/progress`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(200);
  };
  await write("备份前的报送");
  const backupFile = path.join(dataDir, "..", `${path.basename(dataDir)}-backup.db`);
  // Writes keep coming while the backup runs.
  let writing = true;
  let writtenDuring = 0;
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      await write(`备份期间的报送 ${i}`);
      writtenDuring++;
    }
  })();
  const backup = await cli(dataDir, ["backup", "--out", backupFile]);
  writing = false;
  await writer;
  expect(backup.ok).toBe(true);
  expect(writtenDuring).toBeGreaterThan(0);
  const backedUp = backup.out as { ledgerChecksum: string; bytes: number };
  expect(backedUp.bytes).toBeGreaterThan(100_000);
  expect(integrity(backupFile)).toBe("ok");

  // After the backup, more writes that a restore must roll back.
  await write("备份之后的报送");
  const refused = await cli(dataDir, ["restore", "--from", backupFile]);
  expect(refused.ok).toBe(false);
  expect(refused.stderr).toContain("整改通服务仍在运行");

  await server.stop();
  server = undefined;
  const restored = await cli(dataDir, ["restore", "--from", backupFile]);
  expect(restored.ok).toBe(true);
  expect(restored.out).toMatchObject({ ledgerChecksum: backedUp.ledgerChecksum });
  const after = openDb(databaseFile);
  try {
    expect(after.prepare("select count(*) from progress_reports where text = '备份之后的报送'").pluck().get()).toBe(0);
    expect(after.prepare("select count(*) from progress_reports where text = '备份前的报送'").pluck().get()).toBe(1);
  } finally {
    after.close();
  }
  // The replaced database is kept beside it, never deleted.
  expect(fs.readdirSync(dataDir).some((name) => name.startsWith("rectify.db.before-restore-"))).toBe(true);
  server = await startServer(dataDir, PORT);
  expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
});

test("设置备份目录后,服务启动即写当天的在线备份,并只保留规定份数", async () => {
  const dataDir = freshDataDir("daily");
  seedDataDir(dataDir);
  const backups = path.join(dataDir, "backups");
  fs.mkdirSync(backups);
  for (const day of ["2026-11-01", "2026-11-02", "2026-11-03"]) fs.writeFileSync(path.join(backups, `rectify-${day}.db`), "旧备份");
  server = await startServer(dataDir, PORT, { RECTIFY_BACKUP_DIR: backups, RECTIFY_BACKUP_KEEP: "2" });
  const today = path.join(backups, `rectify-${process.env.RECTIFY_TODAY}.db`);
  await expect.poll(() => fs.existsSync(today), { timeout: 30_000 }).toBe(true);
  expect(integrity(today)).toBe("ok");
  await expect.poll(() => fs.readdirSync(backups).filter((name) => name.endsWith(".db")).sort()).toEqual([
    "rectify-2026-11-03.db",
    `rectify-${process.env.RECTIFY_TODAY}.db`,
  ]);
});

test("数据目录不可写、数据库来自更新版本时,服务拒绝启动并说明原因", async () => {
  const exitOf = async (dataDir: string) => {
    const attempt = spawnServer(dataDir, PORT);
    const code = await new Promise<number | null>((resolve) => attempt.process.once("exit", resolve));
    return { code, output: attempt.output() };
  };
  // A data "folder" that is a file: it can be neither created nor written.
  const blocker = path.join(freshDataDir("unwritable"), "not-a-folder");
  fs.writeFileSync(blocker, "");
  const unwritable = await exitOf(path.join(blocker, "data"));
  expect(unwritable.code).toBe(1);
  expect(unwritable.output).toContain(`数据目录 ${path.join(blocker, "data")} 不可写`);

  const newer = freshDataDir("newer");
  seedDataDir(newer);
  const db = openDb(path.join(newer, "rectify.db"));
  db.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', ?)").run(Date.now() + 365 * 86_400_000);
  db.close();
  const refused = await exitOf(newer);
  expect(refused.code).toBe(1);
  expect(refused.output).toContain("数据库来自更新版本的整改通");

  // The way back: restore a backup over it. restore never opens the database it replaces.
  const source = freshDataDir("older");
  seedDataDir(source);
  const backupFile = path.join(source, "backup.db");
  expect((await cli(source, ["backup", "--out", backupFile])).ok).toBe(true);
  const restored = await cli(newer, ["restore", "--from", backupFile]);
  expect(restored.ok).toBe(true);
  server = await startServer(newer, PORT);
  expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
});
