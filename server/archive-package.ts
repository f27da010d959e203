import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PassThrough, Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { openReader } from "@/db/client";
import { auditPage, evidenceCount, evidencePage, planVersions, roundLedgerChecksum, roundLookBacks, roundNotices } from "@/db/queries/archive-read";
import { listInstitutions } from "@/db/queries/institutions";
import { ledgerRows } from "@/db/queries/ledger";
import { currentPlanVersion } from "@/db/queries/plan-review";
import { buildProgressReport } from "@/lib/bulletin";
import { reportInput } from "@/db/queries/reports";
import { getReportVersion, publishedReports } from "@/db/queries/report-versions";
import { getRound } from "@/db/queries/rounds";
import { getSnapshot, listSnapshots } from "@/db/queries/snapshots";
import { dateOf, institutionsHtml, lookBacksHtml, noticeHtml, planHtml } from "@/lib/archive-documents";
import { indexHtml, indexWorkbook, type ArchiveKind, type IndexItem } from "@/lib/archive-index";
import { MANIFEST_NAME, MANIFEST_FORMAT, sealManifest, sha256Hex, type ManifestFile } from "@/lib/archive-manifest";
import { evidenceFolder, UniquePaths } from "@/lib/archive-names";
import { auditCsvHeader, auditCsvRows } from "@/lib/archive-audit-csv";
import { reportDocx } from "@/lib/bulletin-docx";
import { reportHtmlFile } from "@/lib/bulletin-html";
import { SUBMISSION_STATE_LABELS, type SubmissionState } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { writeLedgerWorkbook } from "@/lib/ledger-export";
import { parseListFilter } from "@/lib/validations/list-filter";
import { ledgerAsPlan } from "@/server/ledger-transfer";

// 整改资料归档: one zip of a round's whole record, written as a stream. Every database read
// happens on a connection of the package's own inside one read transaction, so the package
// shows one moment even while the server keeps writing; evidence files never change once
// stored and are streamed from disk into the zip, hashed on the way, so memory stays flat
// however large the round. The builder yields to the event loop between files and pages.

export interface ArchiveProgress {
  done: number;
  total: number;
}

export interface ArchiveResult {
  roundId: number;
  out: string;
  files: number;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  ledgerChecksum: string;
}

const PAGE = 500;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
// Already compressed: deflating them again costs time for nothing.
const STORED = /\.(pdf|jpe?g|png|gif|zip|docx|xlsx|pptx|rar|7z|mp4)$/i;

function hashing(onDone: (sha256: string, bytes: number) => void): Transform {
  const hash = createHash("sha256");
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      onDone(hash.digest("hex"), bytes);
      callback();
    },
  });
}

/** The zip being written: each entry hashed for the manifest and listed for the index. */
class PackageWriter {
  readonly zip = new yazl.ZipFile();
  readonly files: ManifestFile[] = [];
  readonly items: IndexItem[] = [];
  readonly paths = new UniquePaths();
  done = 0;

  constructor(
    private readonly mtime: Date,
    private readonly progress: (p: ArchiveProgress) => void,
    public total: number,
  ) {}

  private tick() {
    this.done++;
    this.progress({ done: this.done, total: Math.max(this.total, this.done) });
  }

  addBuffer(item: Omit<IndexItem, "path">, folder: string, name: string, data: Buffer | string, listed = true): string {
    const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const entry = this.paths.claim(folder, name);
    this.files.push({ path: entry, bytes: buffer.length, sha256: sha256Hex(buffer) });
    if (listed) this.items.push({ ...item, path: entry });
    this.zip.addBuffer(buffer, entry, { mtime: this.mtime, compress: !STORED.test(entry) });
    this.tick();
    return entry;
  }

  /** Adds a stream and resolves once the zip has taken all of it (so files go one at a time). */
  addStream(item: Omit<IndexItem, "path">, folder: string, name: string, source: Readable): Promise<void> {
    const entry = this.paths.claim(folder, name);
    this.items.push({ ...item, path: entry });
    return new Promise((resolve, reject) => {
      const hasher = hashing((sha256, bytes) => {
        this.files.push({ path: entry, bytes, sha256 });
        this.tick();
        resolve();
      });
      source.once("error", reject);
      hasher.once("error", reject);
      this.zip.addReadStream(source.pipe(hasher), entry, { mtime: this.mtime, compress: !STORED.test(entry) });
    });
  }
}

/**
 * Writes the package of round `roundId` of the database `databaseFile` to `out` (through
 * `out.partial`, renamed at the end: a half-written package never looks complete).
 */
export async function writeArchivePackage(params: {
  databaseFile: string;
  evidenceDir: string;
  roundId: number;
  out: string;
  now?: Date;
  onProgress?: (progress: ArchiveProgress) => void;
}): Promise<ArchiveResult> {
  const now = params.now ?? new Date();
  const out = path.resolve(params.out);
  const partial = `${out}.partial`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { db: q, sqlite } = openReader(params.databaseFile);
  let zipHash = "";
  let zipBytes = 0;
  let written: Promise<void> | undefined;
  try {
    // BEGIN is deferred: the snapshot is taken by the first read and held until COMMIT.
    sqlite.exec("begin");
    const round = getRound(q, { id: params.roundId });
    if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
    const today = dateOf(now.getTime());
    const packagedAt = now.toISOString();
    const evidenceTotal = evidenceCount(sqlite, { roundId: round.id });
    const writer = new PackageWriter(now, params.onProgress ?? (() => {}), evidenceTotal + 8);
    written = pipeline(writer.zip.outputStream, hashing((sha256, bytes) => ((zipHash = sha256), (zipBytes = bytes))), fs.createWriteStream(partial, { mode: 0o640 }));
    written.catch(() => {});

    const ledgerChecksum = await roundLedgerChecksum(sqlite, { roundId: round.id, pause });
    await addPlan(writer, q, round, today);
    await pause();
    await addLedger(writer, q, round, today);
    await pause();
    await addReports(writer, q, round, today);
    await pause();
    addSupervision(writer, q, sqlite, round);
    await pause();
    await addEvidence(writer, sqlite, round.id, params.evidenceDir);
    await addAuditLog(writer, sqlite, round.id, today);
    sqlite.exec("commit");

    const indexItems = [
      { kind: "目录" as ArchiveKind, title: "整改资料归档目录(表格)", date: today, path: "00-目录/目录.xlsx" },
      { kind: "目录" as ArchiveKind, title: "整改资料归档目录(打印版)", date: today, path: "00-目录/目录.html" },
      ...writer.items,
    ];
    writer.addBuffer({ kind: "目录", title: "", date: today }, "00-目录", "目录.xlsx", await indexWorkbook({ roundName: round.name, packagedAt, items: indexItems }), false);
    writer.addBuffer({ kind: "目录", title: "", date: today }, "00-目录", "目录.html", indexHtml({ roundName: round.name, packagedAt, items: indexItems }), false);
    const { manifest, json } = sealManifest({
      format: MANIFEST_FORMAT,
      roundId: round.id,
      roundName: round.name,
      packagedAt,
      ledgerChecksum,
      files: writer.files,
    });
    writer.zip.addBuffer(Buffer.from(json, "utf8"), MANIFEST_NAME, { mtime: now });
    writer.zip.end();
    await written;
    fs.renameSync(partial, out);
    return { roundId: round.id, out, files: writer.files.length + 1, bytes: zipBytes, sha256: zipHash, manifestSha256: manifest.manifestSha256, ledgerChecksum };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("rollback");
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
}

type Q = ReturnType<typeof openReader>["db"];
type RoundRow = NonNullable<ReturnType<typeof getRound>>;

async function addPlan(writer: PackageWriter, q: Q, round: RoundRow, today: string) {
  const plan = currentPlanVersion(q, { roundId: round.id });
  writer.addBuffer({ kind: "整改方案", title: `${round.name}整改方案(现行)`, date: today }, "01-整改方案", "整改方案(现行).html", planHtml({ title: `${round.name}整改方案`, subtitle: `现行方案,截至 ${today}`, plan }));
  for (const v of planVersions(q, { roundId: round.id })) {
    const state = SUBMISSION_STATE_LABELS[v.state as SubmissionState] ?? v.state;
    const date = dateOf(v.createdAt.getTime());
    writer.addBuffer(
      { kind: "整改方案", title: `整改方案报审第${v.version}版(${state})`, date },
      "01-整改方案",
      `整改方案-报审第${v.version}版-${state}.html`,
      planHtml({ title: `${round.name}整改方案`, subtitle: `报审第${v.version}版 · ${date} 报送 · ${state}`, plan: v.content }),
    );
  }
}

async function addLedger(writer: PackageWriter, q: Q, round: RoundRow, today: string) {
  const rows = ledgerRows(q, { roundId: round.id, filter: parseListFilter({}), today });
  const { problems, aspectOrder } = ledgerAsPlan(rows);
  const ledger = await writeLedgerWorkbook({ title: round.name, date: today, problems, aspectOrder });
  writer.addBuffer({ kind: "整改台账", title: `${round.name}整改台账`, date: today }, "02-整改台账", `整改台账-${today}.xlsx`, ledger);
  for (const listed of listSnapshots(q, { roundId: round.id }).reverse()) {
    const snapshot = getSnapshot(q, { id: listed.id })!;
    const plan = ledgerAsPlan(snapshot.rows);
    const title = snapshot.label ? `${round.name}(${snapshot.label})` : round.name;
    const buffer = await writeLedgerWorkbook({ title, date: snapshot.asOf, problems: plan.problems, aspectOrder: plan.aspectOrder });
    writer.addBuffer({ kind: "台账快照", title: `台账快照${snapshot.label ? `(${snapshot.label})` : ""}`, date: snapshot.asOf }, "02-整改台账", `台账快照-${snapshot.asOf}.xlsx`, buffer);
    await pause();
  }
}

/** Every published 通报; where none was published, the report as it stands on the day. */
async function addReports(writer: PackageWriter, q: Q, round: RoundRow, today: string) {
  const published = publishedReports(q, { roundId: round.id }).reverse();
  for (const p of published) {
    const { document, asOf } = getReportVersion(q, { roundId: round.id, version: p.version })!.content;
    const base = `整改进展情况通报-第${p.version}版-${asOf}`;
    const item = { kind: "整改通报" as const, title: `${document.title}(第${p.version}版,已发布)`, date: asOf };
    writer.addBuffer(item, "03-整改通报", `${base}.docx`, await reportDocx(document));
    writer.addBuffer(item, "03-整改通报", `${base}.html`, reportHtmlFile(document));
  }
  if (published.length > 0) return;
  const input = reportInput(q, { roundId: round.id, today });
  if (!input) return;
  const document = buildProgressReport(input);
  const item = { kind: "整改通报" as const, title: `${document.title}(未发布,截至归档日生成)`, date: today };
  writer.addBuffer(item, "03-整改通报", `整改进展情况通报-${today}.docx`, await reportDocx(document));
  writer.addBuffer(item, "03-整改通报", `整改进展情况通报-${today}.html`, reportHtmlFile(document));
}

function addSupervision(writer: PackageWriter, q: Q, sqlite: ReturnType<typeof openReader>["sqlite"], round: RoundRow) {
  for (const notice of roundNotices(sqlite, { roundId: round.id })) {
    const number = `${notice.year}-${String(notice.sequence).padStart(3, "0")}`;
    writer.addBuffer({ kind: "督办单", title: `督办单 ${notice.unitName}${notice.reply ? "(含回复)" : ""}`, date: dateOf(notice.createdAt) }, "05-督办单", `督办单-${number}-${notice.unitName}.html`, noticeHtml(notice));
  }
  const lookBacks = roundLookBacks(sqlite, { roundId: round.id });
  writer.addBuffer({ kind: "回头看", title: `回头看记录(${lookBacks.length} 条)`, date: "" }, "06-回头看", "回头看记录.html", lookBacksHtml(round.name, lookBacks));
  const institutions = listInstitutions(q, { roundId: round.id });
  writer.addBuffer({ kind: "建章立制", title: `建章立制清单(${institutions.length} 项)`, date: "" }, "07-建章立制", "建章立制清单.html", institutionsHtml(round.name, institutions));
}

async function addEvidence(writer: PackageWriter, sqlite: ReturnType<typeof openReader>["sqlite"], roundId: number, evidenceDir: string) {
  const root = path.resolve(evidenceDir);
  for (let after = 0; ; ) {
    const page = evidencePage(sqlite, { roundId, afterId: after, limit: PAGE });
    for (const e of page) {
      const full = path.resolve(root, e.storedPath);
      if (!full.startsWith(root + path.sep) || !fs.existsSync(full)) {
        throw new AppError("CONFLICT", `佐证材料文件缺失:问题${e.problemNumber} 措施${e.measurePosition} 的“${e.fileName}”,请先从备份恢复证据文件`);
      }
      const title = `问题${e.problemNumber} 措施${e.measurePosition} 佐证材料${e.unitName ? `(${e.unitName})` : ""}`;
      await writer.addStream({ kind: "佐证材料", title, date: e.reportDate, originalName: e.fileName }, `04-佐证材料/${evidenceFolder(e.problemNumber, e.measurePosition)}`, e.fileName, fs.createReadStream(full));
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** The round's audit trail as CSV (UTF-8 with BOM, so Excel reads the Chinese), written page by page. */
async function addAuditLog(writer: PackageWriter, sqlite: ReturnType<typeof openReader>["sqlite"], roundId: number, today: string) {
  const csv = new PassThrough();
  const added = writer.addStream({ kind: "审计日志", title: "本轮次审计日志(谁在何时做了什么)", date: today }, "08-审计日志", "审计日志.csv", csv);
  const write = async (text: string) => {
    if (!csv.write(text)) await new Promise((resolve) => csv.once("drain", resolve));
  };
  await write(auditCsvHeader());
  for (let after = 0; ; ) {
    const page = auditPage(sqlite, { roundId, afterId: after, limit: PAGE * 4 });
    if (page.length) await write(auditCsvRows(page));
    if (page.length < PAGE * 4) break;
    after = page[page.length - 1]!.id;
    await pause();
  }
  csv.end();
  await added;
}
