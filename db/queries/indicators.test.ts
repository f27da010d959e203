import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildProgressReport } from "@/lib/bulletin";
import { parseListFilter } from "@/lib/validations/list-filter";
import { seededTestDb } from "@/testing/seeded-db";
import { measures as measuresTable } from "../schema";
import { ledgerRows } from "./ledger";
import { updateMeasure } from "./plan-edit";
import { addProgressReport, measureOwners } from "./progress";
import { reportInput } from "./reports";

// 量化指标 end to end below the app: the office sets the figures with the measure, the unit
// reports an actual value, and the ledger and the 通报 carry it.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

const auditCount = () => t.one<number>("select count(*) from audit_log");
const plainMeasure = () =>
  t.one<number>(
    "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' and m.status = 'incomplete' and m.id not in (select measure_id from measure_indicators) order by m.id limit 1",
  );

function setIndicator(measureId: number) {
  const m = t.db.select().from(measuresTable).where(eq(measuresTable.id, measureId)).get()!;
  return t.db.transaction((tx) =>
    updateMeasure(tx, {
      actorId: t.one("select id from users where username = 'office'"),
      roundId: m.roundId,
      measureId,
      version: m.version,
      input: {
        text: m.text,
        goal: m.goal,
        leadUnitId: m.leadUnitId,
        coUnitIds: [],
        deadline: m.deadline,
        deadlineKind: m.deadlineKind,
        deadlineText: m.deadlineText,
        category: m.category,
        indicator: { name: "校外培训机构违规办学数", unit: "家", direction: "lower", baseline: 40, target: 5 },
      },
    }),
  );
}

function report(measureId: number, reportDate: string, indicatorActual: number | null) {
  const owners = measureOwners(t.db, { measureId })!;
  return t.db.transaction((tx) =>
    addProgressReport(tx, {
      actorId: t.one("select id from users where username = 'jiaoyu'"),
      measureId,
      unitId: owners.leadUnitId!,
      isLead: true,
      currentStatus: owners.status,
      input: { reportDate, text: "开展联合执法检查", percent: 70, milestone: null, claimedStatus: "incomplete", indicatorActual },
      evidence: [],
    }),
  );
}

it("the office's figures are stored with the measure in its one audit row", () => {
  const measureId = plainMeasure();
  const audits = auditCount();
  const after = setIndicator(measureId);
  expect(after).toMatchObject({ indicatorName: "校外培训机构违规办学数", indicatorBaseline: 40, indicatorTarget: 5, indicatorActual: null });
  expect(auditCount()).toBe(audits + 1);
  const audit = JSON.parse(t.one<string>("select after from audit_log order by id desc limit 1"));
  expect(audit).toMatchObject({ indicatorName: "校外培训机构违规办学数", indicatorDirection: "lower" });
});

it("the unit's actual value reaches the ledger and the report; an earlier-dated report does not overwrite it", () => {
  const measureId = t.one<number>("select measure_id from measure_indicators where name = '校外培训机构违规办学数'");
  const audits = auditCount();
  report(measureId, "2026-11-20", 4);
  expect(auditCount()).toBe(audits + 1);
  report(measureId, "2026-11-10", 12);
  expect(t.one("select actual from measure_indicators where measure_id = ?", measureId)).toBe(4);

  const roundId = t.one<number>("select round_id from measures where id = ?", measureId);
  const row = ledgerRows(t.db, { roundId, filter: parseListFilter({}), today: TODAY }).find((r) => r.id === measureId)!;
  expect(row).toMatchObject({ indicatorName: "校外培训机构违规办学数", indicatorUnit: "家", indicatorActual: 4, indicatorTarget: 5 });

  const text = JSON.stringify(buildProgressReport(reportInput(t.db, { roundId, today: TODAY })!).sections);
  expect(text).toContain("校外培训机构违规办学数由40家降至4家(目标5家,已达到)");
});

it("an actual value for a measure without an indicator is refused, and nothing is written", () => {
  const measureId = plainMeasure();
  const reports = t.one<number>("select count(*) from progress_reports");
  expect(() => report(measureId, TODAY, 3)).toThrow("该整改措施未设置量化指标");
  expect(t.one<number>("select count(*) from progress_reports")).toBe(reports);
});

it("the seeded demo shows indicators in its report", () => {
  const roundId = t.roundId();
  const text = JSON.stringify(buildProgressReport(reportInput(t.db, { roundId, today: TODAY })!).sections);
  expect(text).toContain("全面消除黑臭水体工程(茅洲河片区)进度由84%升至93%(目标100%,尚未达到)");
});
