import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { addProgressReport, measureOwners, returnClaim, reviewQueue, signOffClaim } from "./progress";

// The claim → verdict loop on the seeded demo: the official status moves only at sign-off,
// and every write leaves exactly one audit row.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId = "";
let jiaoyuId = "";

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one("select id from users where username = 'office'");
  jiaoyuId = t.one("select id from users where username = 'jiaoyu'");
});
afterAll(() => t.cleanup());

const auditCount = () => t.one<number>("select count(*) from audit_log");
const openMeasureOf = (unit: string, offset = 0) =>
  t.one<number>(
    "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = ? and m.status = 'incomplete' order by m.id limit 1 offset ?",
    unit,
    offset,
  );

function claim(measureId: number, status: "completed" | "basically_completed" = "completed") {
  const owners = measureOwners(t.db, { measureId })!;
  return t.db.transaction((tx) =>
    addProgressReport(tx, {
      actorId: jiaoyuId,
      measureId,
      unitId: owners.leadUnitId!,
      isLead: true,
      currentStatus: owners.status,
      input: { reportDate: TODAY, text: "已完成整改,附会议纪要", percent: 100, milestone: null, claimedStatus: status },
      evidence: [{ fileName: "纪要.pdf", mimeType: "application/pdf", size: 10, sha256: "a".repeat(64), storedPath: "aa/aaaa" }],
    }),
  );
}

describe("claims", () => {
  it("wait for review without touching the official status", () => {
    const measureId = openMeasureOf("区教育局");
    const audits = auditCount();
    const report = claim(measureId);
    expect(report).toMatchObject({ isClaim: true, reviewState: "pending", claimedStatus: "completed" });
    expect(t.one("select status from measures where id = ?", measureId)).toBe("incomplete");
    expect(auditCount()).toBe(audits + 1);
    expect(t.one("select action from audit_log order by id desc limit 1")).toBe("progress.claim");
    expect(reviewQueue(t.db, {}).map((c) => c.id)).toContain(report.id);
    expect(reviewQueue(t.db, { unitId: t.unitIdOf("新安街道") }).map((c) => c.id)).not.toContain(report.id);
  });

  it("from a co-responsible unit are progress information, not claims", () => {
    const measureId = t.one<number>("select measure_id from measure_co_units limit 1");
    const owners = measureOwners(t.db, { measureId })!;
    const report = t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId: jiaoyuId,
        measureId,
        unitId: owners.unitIds[1]!,
        isLead: false,
        currentStatus: owners.status,
        input: { reportDate: TODAY, text: "配合完成排查", percent: null, milestone: null, claimedStatus: "completed" },
        evidence: [],
      }),
    );
    expect(report).toMatchObject({ isClaim: false, claimedStatus: owners.status });
    expect(reviewQueue(t.db, {}).map((c) => c.id)).not.toContain(report.id);
  });
});

describe("signOffClaim", () => {
  it("sets the measure's status, bumps its version, rolls the problem up and notifies once", () => {
    const measureId = openMeasureOf("区教育局", 1);
    const report = claim(measureId, "basically_completed");
    const version = t.one<number>("select version from measures where id = ?", measureId);
    const audits = auditCount();
    t.db.transaction((tx) => signOffClaim(tx, { actorId: officeId, reportId: report.id }));
    expect(t.one("select status from measures where id = ?", measureId)).toBe("basically_completed");
    expect(t.one("select version from measures where id = ?", measureId)).toBe(version + 1);
    expect(t.one("select review_state from progress_reports where id = ?", report.id)).toBe("signed_off");
    expect(auditCount()).toBe(audits + 1);
    expect(t.one("select action from audit_log order by id desc limit 1")).toBe("measure.sign_off");
    const problemStatuses = t.column<string>(
      "select status from measures where problem_id = (select problem_id from measures where id = ?)",
      measureId,
    );
    const expected = problemStatuses.every((s) => s === "completed")
      ? "completed"
      : problemStatuses.every((s) => s !== "incomplete")
        ? "basically_completed"
        : "incomplete";
    expect(t.one("select status from problems where id = (select problem_id from measures where id = ?)", measureId)).toBe(expected);
    expect(t.one("select count(*) from notifications where kind = 'claim_signed_off' and user_id = ?", jiaoyuId)).toBe(1);
    expect(() => t.db.transaction((tx) => signOffClaim(tx, { actorId: officeId, reportId: report.id }))).toThrow("已被审核");
  });
});

describe("returnClaim", () => {
  it("records the reason, leaves the status, writes one audit row and tells the unit", () => {
    const measureId = openMeasureOf("新安街道");
    const report = claim(measureId);
    const audits = auditCount();
    t.db.transaction((tx) => returnClaim(tx, { actorId: officeId, reportId: report.id, reason: "佐证材料不全" }));
    expect(t.one("select review_state || ':' || review_note from progress_reports where id = ?", report.id)).toBe("returned:佐证材料不全");
    expect(t.one("select status from measures where id = ?", measureId)).toBe("incomplete");
    expect(auditCount()).toBe(audits + 1);
    const xinanId = t.one<string>("select id from users where username = 'xinan'");
    expect(t.one("select count(*) from notifications where kind = 'claim_returned' and user_id = ?", xinanId)).toBe(1);
  });
});
