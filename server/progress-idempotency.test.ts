import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { todayISO } from "@/lib/deadline-state";
import { hashApiToken } from "@/server/api-token";
import { seededTestDb } from "@/testing/seeded-db";

// Issue 15 item 4: a progress post that is retried (its answer was lost) is stored once. The
// API route is called as a unit's own system calls it (bearer token, multipart), on the seeded
// demo; the browser's retry is e2e/progress-retry.spec.ts.

const state = vi.hoisted(() => ({ db: undefined as DB | undefined }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));

const { POST } = await import("@/app/api/v1/measures/[id]/progress/route");

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");
const savedDatabasePath = process.env.DATABASE_PATH;
let t: Awaited<ReturnType<typeof seededTestDb>>;
const tokens: Record<string, string> = {};

beforeEach(async () => {
  t = await seededTestDb(todayISO());
  state.db = t.db;
  // Evidence files land next to the test database, not in the repository's data folder.
  process.env.DATABASE_PATH = path.join(path.dirname(t.sqlite.name), "rectify.db");
  const office = t.one<string>("select id from users where username = 'office'");
  for (const username of ["jiaoyu", "xinan"]) {
    tokens[username] = `rt_test_${username}_0123456789`;
    const userId = t.one<string>("select id from users where username = ?", username);
    t.db.transaction((tx) => createApiToken(tx, { actorId: office, userId, name: username, tokenHash: hashApiToken(tokens[username]!) }));
  }
});
afterEach(() => {
  t.cleanup();
  if (savedDatabasePath === undefined) delete process.env.DATABASE_PATH;
  else process.env.DATABASE_PATH = savedDatabasePath;
});

const openMeasureOf = (unit: string) =>
  t.one<number>(
    "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = ? and m.status = 'incomplete' order by m.id limit 1",
    unit,
  );
const counts = () => ({
  reports: t.one<number>("select count(*) from progress_reports"),
  evidence: t.one<number>("select count(*) from evidence_files"),
  audit: t.one<number>("select count(*) from audit_log"),
});

interface Post {
  username?: string;
  key?: string;
  fieldKey?: string;
  text?: string;
  claimedStatus?: string;
  file?: Buffer;
}

async function post(measureId: number, p: Post = {}) {
  const form = new FormData();
  form.set("reportDate", todayISO());
  form.set("text", p.text ?? "已召开专题会议,完成第一阶段排查");
  form.set("percent", "60");
  form.set("claimedStatus", p.claimedStatus ?? "completed");
  form.append("files", new File([new Uint8Array(p.file ?? PDF)], "会议纪要.pdf", { type: "application/pdf" }));
  if (p.fieldKey !== undefined) form.set("idempotencyKey", p.fieldKey);
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[p.username ?? "jiaoyu"]}` };
  if (p.key !== undefined) headers["idempotency-key"] = p.key;
  const response = await POST(new Request(`http://localhost/api/v1/measures/${measureId}/progress`, { method: "POST", headers, body: form }), {
    params: Promise.resolve({ id: String(measureId) }),
  });
  return { status: response.status, text: await response.text(), replayed: response.headers.get("idempotent-replayed") };
}

describe("POST /api/v1/measures/:id/progress with an idempotency key", () => {
  it("a repeat gets the first answer, byte for byte, and stores no second report, file or audit row", async () => {
    const measureId = openMeasureOf("区教育局");
    const before = counts();
    const first = await post(measureId, { key: "3f0c2a4e-9b1d-4c57-8e2a-6d1f0b9c7a11" });
    expect(first.status).toBe(200);
    const report = (JSON.parse(first.text) as { report: { id: number } }).report;
    expect(report).toMatchObject({ isClaim: true, reviewState: "pending", claimedStatus: "completed" });
    expect(counts()).toEqual({ reports: before.reports + 1, evidence: before.evidence + 1, audit: before.audit + 1 });

    const again = await post(measureId, { key: "3f0c2a4e-9b1d-4c57-8e2a-6d1f0b9c7a11" });
    expect(again).toEqual({ status: 200, text: first.text, replayed: "true" });
    expect(counts()).toEqual({ reports: before.reports + 1, evidence: before.evidence + 1, audit: before.audit + 1 });
    expect(t.one("select idempotency_key from progress_reports where id = ?", report.id)).toBe("3f0c2a4e-9b1d-4c57-8e2a-6d1f0b9c7a11");
    // The audit row keeps the key for tracing, not the request digest.
    const after = JSON.parse(t.one<string>("select after from audit_log where entity = 'progress_report' and entity_id = ?", String(report.id)));
    expect(after).toMatchObject({ id: report.id, idempotencyKey: "3f0c2a4e-9b1d-4c57-8e2a-6d1f0b9c7a11" });
    expect(after).not.toHaveProperty("idempotencyDigest");
  });

  it("the key may come as a form field (the page's form) and is the same key as the header", async () => {
    const measureId = openMeasureOf("区教育局");
    const first = await post(measureId, { fieldKey: "form-draft-0001" });
    const again = await post(measureId, { key: "form-draft-0001" });
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(t.one<number>("select count(*) from progress_reports where idempotency_key = 'form-draft-0001'")).toBe(1);
  });

  it.each([
    ["other text", { text: "内容已经改过的另一份报送" }],
    ["another file", { file: Buffer.from("%PDF-1.4\n% another\n%%EOF\n", "latin1") }],
    ["another status", { claimedStatus: "basically_completed" }],
  ])("the same key with different content (%s) is refused in Chinese and stores nothing", async (_name, change) => {
    const measureId = openMeasureOf("区教育局");
    await post(measureId, { key: "reused-key-0001" });
    const before = counts();
    const refused = await post(measureId, { key: "reused-key-0001", ...change });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text).error.message).toContain("请求标识(Idempotency-Key)已用于另一份内容不同的报送");
    expect(counts()).toEqual(before);
  });

  it("the same key on another measure is different content, refused", async () => {
    const [first, second] = t.column<number>(
      "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' and m.status = 'incomplete' order by m.id limit 2",
    );
    await post(first!, { key: "reused-key-0002" });
    expect((await post(second!, { key: "reused-key-0002" })).status).toBe(409);
  });

  it("another unit's same key neither collides with nor reveals this unit's report", async () => {
    const own = await post(openMeasureOf("区教育局"), { key: "shared-key-0001" });
    const other = await post(openMeasureOf("新安街道"), { username: "xinan", key: "shared-key-0001", text: "新安街道自己的报送内容" });
    expect(other.status).toBe(200);
    expect(other.replayed).toBeNull();
    const ownId = (JSON.parse(own.text) as { report: { id: number } }).report.id;
    const otherId = (JSON.parse(other.text) as { report: { id: number } }).report.id;
    expect(otherId).not.toBe(ownId);
    expect(t.column("select u.name from progress_reports p join units u on u.id = p.unit_id where p.idempotency_key = 'shared-key-0001' order by p.id")).toEqual([
      "区教育局",
      "新安街道",
    ]);
  });

  it.each([
    ["too short, header", { key: "abc" }],
    ["spaces and Chinese, form field", { fieldKey: "报送 一次 0001" }],
    ["too long, header", { key: "k".repeat(129) }],
  ])("a malformed key (%s) is refused with a Chinese message and stores nothing", async (_name, key) => {
    const before = counts();
    const refused = await post(openMeasureOf("区教育局"), key);
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).error.message).toMatch(/^请求标识\(Idempotency-Key\)须为 8 至 128 位/);
    expect(counts()).toEqual(before);
  });

  it("a header and a form field that disagree are refused", async () => {
    const refused = await post(openMeasureOf("区教育局"), { key: "header-key-0001", fieldKey: "field-key-0001" });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).error.message).toContain("不一致");
  });

  it("without a key every post is a new report, as before", async () => {
    const measureId = openMeasureOf("区教育局");
    const before = counts();
    await post(measureId);
    await post(measureId);
    expect(counts().reports).toBe(before.reports + 2);
  });
});
