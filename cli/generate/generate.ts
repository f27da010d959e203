import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "better-auth/crypto";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { dayOf, officeTime } from "@/cli/generate/dates";
import { storeEvidenceSamples } from "@/cli/generate/evidence-samples";
import { writePlan } from "@/cli/generate/write-plan";
import { generatePlan, generateRounds, type GeneratedMeasure } from "@/cli/generate/plan";
import { reportCounts, writeProgress } from "@/cli/generate/progress";
import { createRandom } from "@/cli/generate/random";
import { SCALES, type ScaleName } from "@/cli/generate/scales";
import { writeSupervision } from "@/cli/generate/supervision";
import { textPools } from "@/cli/generate/texts";
import { generateUnits, generateUsers } from "@/cli/generate/units";
import { createWriter } from "@/cli/generate/writer";

// `npm run cli -- generate --scale province|city|small --out <file>`: a realistic database
// of a given size, written fast (prepared statements in a few big transactions, no journal
// and no fsync while writing, the real migrations first), then switched to WAL like the
// app's own database. It is built under "<out>.partial" and renamed when complete, so an
// interrupted run never leaves a half database under the requested name.

export interface GenerateOptions {
  scale: ScaleName;
  out: string;
  force?: boolean;
  /** "Today" of the data (deadlines are spread around it); defaults to today in China. */
  today?: string;
  seed?: number;
}

export interface GenerateResult {
  scale: ScaleName;
  out: string;
  today: string;
  seed: number;
  ms: number;
  bytes: number;
  counts: Record<string, number>;
}

const COUNTED_TABLES: Record<string, string> = {
  units: "units",
  users: "users",
  rounds: "rounds",
  aspects: "aspects",
  problems: "problems",
  measures: "measures",
  measureCoUnits: "measure_co_units",
  progressReports: "progress_reports",
  evidenceFiles: "evidence_files",
  notices: "supervision_notices",
  lookBacks: "look_backs",
  institutions: "institutions",
  auditLog: "audit_log",
};

function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

function prepareTarget(out: string, force: boolean): void {
  if (fs.existsSync(out)) {
    if (!force) throw new AppError("CONFLICT", `文件“${out}”已存在,未做任何修改;如确需覆盖,请加 --force`);
    if (!fs.statSync(out).isFile()) throw new AppError("VALIDATION", `“${out}”不是文件,无法覆盖`);
  }
  const dir = path.dirname(out);
  try {
    // Non-recursive where it can be: Node's recursive mkdir spins forever under /proc.
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: !fs.existsSync(path.dirname(dir)) });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError("VALIDATION", `无法在目录“${dir}”中写入文件,请检查路径和权限`);
  }
}

export async function generateDatabase(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const scale = SCALES[options.scale];
  const out = path.resolve(options.out);
  const todayIso = options.today ?? todayISO();
  const seed = options.seed ?? 20_260_601;
  prepareTarget(out, options.force ?? false);
  // One scrypt hash for every account: 5,000 of them would take minutes, and all
  // generated accounts share the demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const partial = `${out}.partial`;
  removeDatabaseFiles(partial);
  const sqlite = new Database(partial);
  let counts: Record<string, number>;
  try {
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.pragma("temp_store = MEMORY");
    sqlite.pragma("cache_size = -524288");
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
    // Checked once at the end (the tests run foreign_key_check) rather than per row.
    sqlite.pragma("foreign_keys = OFF");
    // Secondary indexes are built once from the loaded rows (a sort) instead of row by row.
    const indexes = sqlite.prepare("select name, sql from sqlite_master where type = 'index' and sql is not null").all() as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
    // Likewise the full-text indexes: rebuilt once from the loaded rows, not fed row by row
    // through their triggers (migration add_full_text_search).
    const ftsTriggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and name like '%\\_fts\\_%' escape '\\'").all() as { name: string; sql: string }[];
    for (const trigger of ftsTriggers) sqlite.exec(`drop trigger "${trigger.name}"`);

    const random = createRandom(seed);
    const today = dayOf(todayIso);
    const texts = textPools();
    const tree = generateUnits(scale.units);
    if (tree.bodies.length === 0) throw new AppError("VALIDATION", "单位数太少,无法生成被巡视单位");
    const users = generateUsers(random, { count: scale.users, ...tree });
    const rounds = generateRounds(random, { scale, bodies: tree.bodies, today });
    const plan = generatePlan(random, { scale, rounds, texts, today });
    const reports = reportCounts(random, plan.measures, scale.progressReports, today);
    const writer = createWriter(sqlite);
    const setUpAt = officeTime(Math.min(...rounds.map((r) => r.feedbackDay)) - 30, 0);

    sqlite.transaction(() => writePlan({ writer, random, plan, users, units: tree.units, passwordHash, setUpAt, scale: options.scale }))();

    const unitUsers = new Map<number, string[]>();
    for (const u of users.filter((u) => u.role === "unit")) groupInto(unitUsers, u.unitId, u.id);
    const reviewers = users.filter((u) => u.role === "office").map((u) => u.id);
    const archivedRounds = new Set(rounds.filter((r) => r.archived).map((r) => r.id));
    sqlite.transaction(() => writeProgress({ random, writer, texts, today, unitUsers, reviewers, archivedRounds }, plan.measures, reports))();

    const byRound = new Map<number, GeneratedMeasure[]>();
    for (const m of plan.measures) groupInto(byRound, m.roundId, m);
    sqlite.transaction(() =>
      writeSupervision({ random, writer, texts, today, officeUserId: users[0]!.id, unitUsers }, rounds, (id) => byRound.get(id) ?? []),
    )();
    for (const index of indexes) sqlite.exec(index.sql);
    for (const trigger of ftsTriggers) sqlite.exec(trigger.sql);
    const ftsTables = sqlite.prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%USING fts5(%'").pluck().all() as string[];
    for (const table of ftsTables) sqlite.exec(`insert into "${table}"("${table}") values ('rebuild')`);
    storeEvidenceSamples(path.dirname(out));

    counts = Object.fromEntries(
      Object.entries(COUNTED_TABLES).map(([key, table]) => [key, sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number]),
    );
    sqlite.pragma("locking_mode = NORMAL");
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  } catch (error) {
    if (sqlite.open) sqlite.close();
    removeDatabaseFiles(partial);
    throw error;
  }
  removeDatabaseFiles(out);
  fs.renameSync(partial, out);
  return {
    scale: options.scale,
    out,
    today: todayIso,
    seed,
    ms: Math.round(performance.now() - started),
    bytes: fs.statSync(out).size,
    counts,
  };
}
