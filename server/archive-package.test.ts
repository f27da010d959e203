import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundLedgerChecksum } from "@/db/queries/archive-read";
import { addProgressReport, signOffClaim } from "@/db/queries/progress";
import { issueNotice, replyNotice } from "@/db/queries/notice-writes";
import { setRoundArchived } from "@/db/queries/rounds";
import { currentPlanVersion, insertSubmission } from "@/db/queries/plan-review";
import { createSnapshot } from "@/db/queries/snapshots";
import { isSafeEntryName } from "@/lib/archive-names";
import { MANIFEST_NAME, parseManifest, sha256Hex } from "@/lib/archive-manifest";
import { writeArchivePackage } from "@/server/archive-package";
import { verifyArchive } from "@/server/archive-verify";
import { storedPathFor } from "@/server/evidence";
import { seededTestDb } from "@/testing/seeded-db";

// Issue 19: the round's archive package holds the progress with its evidence, the sign-off,
// the 督办单 with its reply and the report, lists them in its index, and verification
// catches one changed byte, a removed file and an added one, naming each.

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let dir: string;
let evidenceDir: string;
let zipFile: string;
let result: Awaited<ReturnType<typeof writeArchivePackage>>;
let zip: JSZip;
let checksumBefore = "";
let auditRowsBefore = 0;

function storeFile(content: string) {
  const data = Buffer.from(content, "utf8");
  const sha256 = sha256Hex(data);
  const storedPath = storedPathFor(sha256);
  fs.mkdirSync(path.join(evidenceDir, path.dirname(storedPath)), { recursive: true });
  fs.writeFileSync(path.join(evidenceDir, storedPath), data);
  return { sha256, storedPath, size: data.length, mimeType: "application/pdf" };
}

const userId = (username: string) => t.one<string>("select id from users where username = ?", username);

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rectify-archive-"));
  evidenceDir = path.join(dir, "evidence");
  const edu = t.unitIdOf("区教育局");
  const measureId = t.one<number>("select id from measures where lead_unit_id = ? and status = 'incomplete' order by id limit 1", edu);
  // Two files uploaded under one name, and one whose name tries to leave the folder.
  const evidence = [
    { fileName: "会议纪要.pdf", ...storeFile("第一份纪要") },
    { fileName: "会议纪要.pdf", ...storeFile("第二份纪要") },
    { fileName: "../../etc/passwd.pdf", ...storeFile("路径穿越") },
  ];
  t.db.transaction((tx) => {
    const report = addProgressReport(tx, {
      actorId: userId("jiaoyu"), measureId, unitId: edu, isLead: true, currentStatus: "incomplete",
      input: { reportDate: TODAY, text: "已建立台账并完成整改", percent: 100, milestone: null, claimedStatus: "completed" },
      evidence,
    });
    signOffClaim(tx, { actorId: userId("office"), reportId: report.id });
    const notice = issueNotice(tx, {
      actorId: userId("office"), today: TODAY,
      input: { roundId: t.roundId(), unitId: edu, measureIds: [measureId], level: "supervise", request: "归档测试督办要求", replyDeadline: "2026-12-01" },
    });
    replyNotice(tx, { actorId: userId("jiaoyu"), unitIds: [edu], noticeId: notice.id, reply: "归档测试督办回复" });
    insertSubmission(tx, { actorId: userId("office"), roundId: t.roundId(), kind: "plan", content: currentPlanVersion(tx, { roundId: t.roundId() }), note: "" });
    createSnapshot(tx, { actorId: userId("office"), roundId: t.roundId(), asOf: TODAY, label: "报送巡视组", today: TODAY });
    setRoundArchived(tx, { actorId: userId("office"), roundId: t.roundId(), archived: true });
  });
  checksumBefore = await roundLedgerChecksum(t.sqlite, { roundId: t.roundId() });
  auditRowsBefore = t.one<number>("select count(*) from audit_log");
  zipFile = path.join(dir, "档案.zip");
  let wroteMeanwhile = false;
  result = await writeArchivePackage({
    databaseFile: t.file,
    evidenceDir,
    roundId: t.roundId(),
    out: zipFile,
    now: new Date(`${TODAY}T02:00:00Z`),
    // A write committed while the package is being built must not reach into it.
    onProgress: () => {
      if (wroteMeanwhile) return;
      wroteMeanwhile = true;
      t.db.transaction((tx) =>
        addProgressReport(tx, {
          actorId: userId("jiaoyu"), measureId, unitId: edu, isLead: false, currentStatus: "completed",
          input: { reportDate: TODAY, text: "打包期间写入的进展", percent: 100, milestone: null, claimedStatus: "incomplete" },
          evidence: [],
        }),
      );
    },
  });
  zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const text = (name: string) => zip.file(name)!.async("string");
async function rezipped(change: (z: JSZip) => void | Promise<void>): Promise<Buffer> {
  const copy = await JSZip.loadAsync(fs.readFileSync(zipFile));
  await change(copy);
  return copy.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("the archive package of a round", () => {
  it("reports what it wrote: the zip's own hash and size, and the files in it", () => {
    const bytes = fs.readFileSync(zipFile);
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(result.bytes).toBe(bytes.length);
    expect(result.files).toBe(Object.values(zip.files).filter((f) => !f.dir).length);
  });

  it("holds the evidence under readable names per problem and measure, de-duplicated and inside its folder", () => {
    const names = Object.keys(zip.files).filter((n) => n.startsWith("04-佐证材料/"));
    expect(names).toHaveLength(3);
    expect(names.every((n) => /^04-佐证材料\/问题\d{2}-措施\d+\/[^/]+$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith("/会议纪要.pdf"))).toBe(true);
    expect(names.some((n) => n.endsWith("/会议纪要(2).pdf"))).toBe(true);
    expect(names.every(isSafeEntryName)).toBe(true);
    expect(names.some((n) => n.split("/").includes(".."))).toBe(false);
  });

  it("lists in its index the evidence with its original names, the sign-off trail, the 督办单 and the report", async () => {
    const index = await text("00-目录/目录.html");
    expect(index).toContain("会议纪要(2).pdf");
    expect(index).toContain("../../etc/passwd.pdf".replace(/\//g, "/"));
    for (const kind of ["整改方案", "整改台账", "整改通报", "佐证材料", "督办单", "回头看", "建章立制", "审计日志"]) expect(index).toContain(`<td class="pre">${kind}</td>`);
    const notices = Object.keys(zip.files).filter((n) => n.startsWith("05-督办单/"));
    expect(notices.length).toBeGreaterThan(0);
    const ours = await Promise.all(notices.map((n) => text(n)));
    expect(ours.some((html) => html.includes("归档测试督办要求") && html.includes("归档测试督办回复"))).toBe(true);
    expect(Object.keys(zip.files).some((n) => /^03-整改通报\/.*\.docx$/.test(n))).toBe(true);
    expect(zip.file("00-目录/目录.xlsx")).not.toBeNull();
  });

  it("holds the plan with its reviewed version, the ledger and its snapshot", () => {
    for (const name of ["01-整改方案/整改方案(现行).html", "01-整改方案/整改方案-报审第1版-待审核.html", "02-整改台账/整改台账-2026-11-21.xlsx", "02-整改台账/台账快照-2026-11-21.xlsx"]) {
      expect(zip.file(name), name).not.toBeNull();
    }
  });

  it("keeps the round's audit log as csv with the sign-off and the archiving in it", async () => {
    const csv = await text("08-审计日志/审计日志.csv");
    expect(csv).toContain("销号");
    expect(csv).toContain("发出督办单");
    expect(csv).toContain("归档轮次");
  });

  it("reads one moment of the database: a write made during packaging is not in it", async () => {
    const manifest = parseManifest(await text(MANIFEST_NAME));
    if (!("manifest" in manifest)) throw new Error(manifest.problem);
    expect(manifest.manifest.ledgerChecksum).toBe(checksumBefore);
    expect(t.one<number>("select count(*) from audit_log")).toBe(auditRowsBefore + 1);
    expect(await text("08-审计日志/审计日志.csv")).not.toContain("打包期间写入的进展");
    expect(await roundLedgerChecksum(t.sqlite, { roundId: t.roundId() })).not.toBe(checksumBefore);
  });

  it("has a manifest that hashes every file and itself", async () => {
    const parsed = parseManifest(await text(MANIFEST_NAME));
    if (!("manifest" in parsed)) throw new Error(parsed.problem);
    for (const file of parsed.manifest.files) expect(sha256Hex(await zip.file(file.path)!.async("nodebuffer"))).toBe(file.sha256);
    expect(parsed.manifest.files).toHaveLength(result.files - 1);
  });
});

describe("verify-archive", () => {
  const evidencePath = () => Object.keys(zip.files).find((n) => n.endsWith("/会议纪要(2).pdf"))!;

  it("passes on the package as written", async () => {
    expect(await verifyArchive(zipFile)).toEqual({ ok: true, files: result.files, missing: [], extra: [], altered: [] });
  });

  it("names the evidence file of which one byte was changed", async () => {
    const buffer = await rezipped(async (z) => {
      const data = await z.file(evidencePath())!.async("nodebuffer");
      data[0] = data[0]! ^ 1;
      z.file(evidencePath(), data);
    });
    expect(await verifyArchive(buffer)).toMatchObject({ ok: false, altered: [evidencePath()], missing: [], extra: [] });
  });

  it("names a removed file", async () => {
    const buffer = await rezipped((z) => void z.remove(evidencePath()));
    expect(await verifyArchive(buffer)).toMatchObject({ ok: false, missing: [evidencePath()], altered: [], extra: [] });
  });

  it("names an added file", async () => {
    const buffer = await rezipped((z) => void z.file("04-佐证材料/补充.pdf", "后加的"));
    expect(await verifyArchive(buffer)).toMatchObject({ ok: false, extra: ["04-佐证材料/补充.pdf"], missing: [], altered: [] });
  });

  it("catches a byte changed inside the zip itself, not only a re-packed one", async () => {
    const bytes = fs.readFileSync(zipFile);
    const at = bytes.indexOf(Buffer.from("第二份纪要", "utf8"));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 1;
    expect(await verifyArchive(bytes)).toMatchObject({ ok: false, altered: [evidencePath()] });
  });

  it("refuses an edited manifest", async () => {
    const buffer = await rezipped(async (z) => void z.file(MANIFEST_NAME, (await z.file(MANIFEST_NAME)!.async("string")).replace(/"roundName": "[^"]*"/, '"roundName": "别的轮次"')));
    expect((await verifyArchive(buffer)).manifestProblem).toMatch(/已被改动/);
  });

  it("refuses what is not a zip in Chinese", async () => {
    await expect(verifyArchive(Buffer.from("这不是压缩包"))).rejects.toThrow(/不是 zip 归档包/);
  });
});
