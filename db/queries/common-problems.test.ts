import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createCommonProblemSchema } from "@/lib/validations/common-problem";
import { seededTestDb } from "@/testing/seeded-db";
import {
  commonProblemFigures,
  createCommonProblem,
  getCommonProblem,
  listCommonProblems,
  pickableProblems,
  pickableRounds,
} from "./common-problems";
import { listMeasuresForUnits } from "./measures";
import { addProgressReport, signOffClaim } from "./progress";
import { createRound } from "./rounds";
import { createProblem } from "./plan-edit";

// 共性问题 against the seeded Baoan demo, fresh for every test: the 专项治理 is a round of its
// own whose measures the lead unit reports on as on any other.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId: string;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
});
afterEach(() => t.cleanup());

const problemTitled = (words: string) => t.one<number>("select id from problems where instr(title, ?) > 0 order by id limit 1", words);

/** Two problems of the demo round led by different units, and one of a later round. */
function threeProblems() {
  const later = t.db.transaction((tx) =>
    createRound(tx, {
      actorId: officeId,
      input: { name: "2026年区委第一轮巡察", kind: "patrol", inspectingBody: "区委第一巡察组", inspectedBody: "区教育局", inspectedUnitId: null, inspectionStart: null, inspectionEnd: null, feedbackDate: "2026-06-01", deadline: null, dueSoonDays: 7 },
    }),
  );
  const laterProblem = t.db.transaction((tx) =>
    createProblem(tx, { actorId: officeId, roundId: later.id, input: { number: 1, title: "审计发现问题整改不到位", description: "", leadLeader: "", leadUnitId: null, aspectId: null } }),
  );
  return [problemTitled("巡视发现的部分问题未整改到位"), problemTitled("审计发现的部分问题未整改到位"), laterProblem.id];
}

function formFor(problemIds: number[], overrides: Record<string, unknown> = {}) {
  return createCommonProblemSchema.parse({
    title: "发现问题整改不到位、屡改屡犯",
    problemIds: problemIds.map(String),
    leadUnitId: String(t.unitIdOf("区审计局")),
    deadline: "2027-03-31",
    measureText: ["建立巡视、审计、督查发现问题整改销号台账", "开展整改不到位问题专项督查"],
    measureLeadUnitId: [String(t.unitIdOf("区教育局")), String(t.unitIdOf("区审计局"))],
    measureDeadline: ["2027-01-31", "2027-03-31"],
    ...overrides,
  });
}

const create = (input: ReturnType<typeof formFor>) =>
  t.db.transaction((tx) => createCommonProblem(tx, { actorId: officeId, officeName: "区委巡视整改办", today: TODAY, input }));

describe("归并共性问题", () => {
  it("groups problems of two rounds and opens a 专项治理 round whose measures the lead units see in 我的任务", () => {
    const ids = threeProblems();
    const row = create(formFor(ids));
    const item = getCommonProblem(t.db, { id: row.id })!;
    expect(item.members.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(new Set(item.members.map((m) => m.roundId)).size).toBe(2);
    expect(item.measures.map((m) => [m.text, m.leadUnitName, m.deadline, m.status])).toEqual([
      ["建立巡视、审计、督查发现问题整改销号台账", "区教育局", "2027-01-31", "incomplete"],
      ["开展整改不到位问题专项督查", "区审计局", "2027-03-31", "incomplete"],
    ]);
    expect(t.one("select name from rounds where id = ?", row.roundId)).toBe("专项治理:发现问题整改不到位、屡改屡犯");
    expect(t.one("select kind from rounds where id = ?", row.roundId)).toBe("special_check");
    const tasks = listMeasuresForUnits(t.db, { unitIds: [t.unitIdOf("区教育局")] });
    expect(tasks.some((m) => m.text === "建立巡视、审计、督查发现问题整改销号台账")).toBe(true);
    // The lead unit was told, as for any measure assigned to it.
    expect(t.one<number>("select count(*) from notifications where link = ?", `/measures/${item.measures[0]!.id}`)).toBeGreaterThan(0);
    // One audit row for the whole act.
    expect(t.one<number>("select count(*) from audit_log where action = 'common_problem.create' and entity_id = ?", String(row.id))).toBe(1);
  });

  it("refuses unknown problems and the 专项治理 rounds' own, with nothing written", () => {
    const ids = threeProblems();
    const first = create(formFor(ids));
    const before = t.one<number>("select count(*) from rounds");
    const refusal = (problemIds: number[], title: string) => {
      try {
        create(formFor(problemIds, { title }));
        return "ok";
      } catch (error) {
        return error instanceof AppError ? error.code : String(error);
      }
    };
    expect(refusal([ids[0]!, 987654321], "不存在的问题")).toBe("VALIDATION");
    expect(refusal([ids[0]!, first.problemId], "专项治理自身的问题")).toBe("VALIDATION");
    expect(refusal(ids, "发现问题整改不到位、屡改屡犯")).toBe("CONFLICT");
    expect(t.one<number>("select count(*) from rounds")).toBe(before);
    expect(t.one<number>("select count(*) from common_problems")).toBe(1);
  });

  it("validates the form in Chinese: two distinct problems, a measure each with unit and date within the deadline", () => {
    const ids = threeProblems();
    const issues = (overrides: Record<string, unknown>) => {
      const parsed = createCommonProblemSchema.safeParse({ ...formFields(ids), ...overrides });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ problemIds: [String(ids[0]), String(ids[0])] })).toEqual(["请至少选择两个不同的问题归并为共性问题"]);
    expect(issues({ measureText: "", measureLeadUnitId: "", measureDeadline: "" })).toEqual(["请至少填写一项专项治理措施"]);
    expect(issues({ measureDeadline: "2027-05-01" })).toEqual(["第 1 项措施的完成时限不能晚于专项治理的完成时限"]);
    expect(issues({ measureLeadUnitId: "" })).toEqual(["第 1 项措施:请选择措施的牵头单位"]);
    expect(issues({ deadline: "2027-02-30" })[0]).toMatch(/专项治理完成时限/);
  });

  it("lists, counts and picks: status from the 专项治理's measures, overdue by deadline or a late measure", () => {
    const ids = threeProblems();
    const row = create(formFor(ids));
    expect(listCommonProblems(t.db, { roundIds: null, today: TODAY })).toMatchObject([{ id: row.id, members: 3, memberRounds: 2, measures: 2, overdueMeasures: 0, status: "incomplete" }]);
    expect(commonProblemFigures(t.db, { roundIds: null, today: TODAY })).toEqual({ total: 1, byStatus: { incomplete: 1, basically_completed: 0, completed: 0 }, overdue: 0 });
    expect(commonProblemFigures(t.db, { roundIds: null, today: "2027-02-01" }).overdue).toBe(1);
    // A reviewer's scope: only common problems whose 专项治理 round it reviews.
    expect(commonProblemFigures(t.db, { roundIds: [t.roundId()], today: TODAY }).total).toBe(0);

    // Both measures signed off as 已完成: the common problem is completed, never overdue.
    const jiaoyu = t.one<string>("select id from users where username = 'jiaoyu'");
    for (const m of getCommonProblem(t.db, { id: row.id })!.measures) {
      const unitId = t.one<number>("select lead_unit_id from measures where id = ?", m.id);
      const input = { reportDate: TODAY, text: "已完成", percent: 100, milestone: null, claimedStatus: "completed" as const };
      const report = t.db.transaction((tx) => addProgressReport(tx, { actorId: jiaoyu, measureId: m.id, unitId, isLead: true, currentStatus: "incomplete", input, evidence: [] }));
      t.db.transaction((tx) => signOffClaim(tx, { actorId: officeId, reportId: report.id }));
    }
    expect(commonProblemFigures(t.db, { roundIds: null, today: "2027-06-01" })).toMatchObject({ byStatus: { completed: 1 }, overdue: 0 });

    // The picker leaves out the 专项治理 rounds and finds problems by their words.
    expect(pickableRounds(t.db).map((r) => r.id)).not.toContain(row.roundId);
    expect(pickableProblems(t.db, { roundId: t.roundId(), text: "审计发现" }).map((p) => p.id)).toEqual([ids[1]]);
    expect(pickableProblems(t.db, { roundId: row.roundId, text: "" })).toEqual([]);
  });
});

function formFields(ids: number[]) {
  return {
    title: "发现问题整改不到位",
    problemIds: ids.map(String),
    leadUnitId: String(t.unitIdOf("区审计局")),
    deadline: "2027-03-31",
    measureText: "建立整改销号台账",
    measureLeadUnitId: String(t.unitIdOf("区教育局")),
    measureDeadline: "2027-01-31",
  };
}
