import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { auditReferenceNames } from "./audit-names";

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

describe("auditReferenceNames", () => {
  it("looks up the units, users, rounds, measures and reports a page of rows points at", () => {
    const edu = t.unitIdOf("区教育局");
    const jiaoyu = t.one<string>("select id from users where username = 'jiaoyu'");
    const report = t.sqlite.prepare("select id, measure_id as measureId, report_date as reportDate from progress_reports order by id limit 1").get() as { id: number; measureId: number; reportDate: string };
    const notice = t.one<number>("select id from supervision_notices order by id limit 1");
    const names = auditReferenceNames(t.db, [
      { entity: "progress_report", entityId: String(report.id), before: null, after: { unitId: edu, authorId: jiaoyu, measureId: report.measureId } },
      { entity: "round", entityId: String(t.roundId()), before: null, after: { coUnitIds: [edu, 999_999], authorId: "no-such-user" } },
      { entity: "notice", entityId: String(notice), before: null, after: null },
    ]);
    expect(names.unit).toEqual({ [String(edu)]: "区教育局" });
    expect(names.user).toEqual({ [jiaoyu]: "林教育" });
    expect(names.round?.[String(t.roundId())]).toBe("省委第二巡视组巡视宝安区反馈意见整改");
    expect(names.measure?.[String(report.measureId)]).toMatch(/^.{1,24}…?$/);
    expect(names.progress_report?.[String(report.id)]).toMatch(new RegExp(`^${report.reportDate} 报送(.+)$`));
    expect(names.notice?.[String(notice)]).toMatch(/^督办〔\d{4}〕\d+号$/);
  });

  it("asks nothing for a page without references", () => {
    expect(auditReferenceNames(t.db, [{ entity: "reminders", entityId: TODAY, before: null, after: { total: 0 } }]).unit).toEqual({});
  });
});
