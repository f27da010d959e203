import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { institutionEditSchema } from "@/lib/validations/institution";
import { lookBackResultSchema } from "@/lib/validations/look-back";
import { codeOf } from "@/testing/app-error";
import { seededTestDb } from "@/testing/seeded-db";
import {
  getInstitution,
  institutionReviewsDue,
  institutionsForMeasure,
  institutionsForMeasures,
  listInstitutions,
  lookBackChecks,
  problemInstitutions,
  updateInstitution,
} from "./institutions";
import { recordLookBackResult } from "./look-backs";
import { addProgressReport } from "./progress";
import { setRoundArchived } from "./rounds";

// Issue 18 part 4b against the seeded Baoan demo: a rule's 复查日期, the problems it answers,
// and 回头看's 是否执行到位 per rule. Fresh for every test: each one writes.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId: string;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
});
afterEach(() => t.cleanup());

/** Every row the feature writes, and the audit log: equal before and after a refusal. */
const snapshot = () =>
  JSON.stringify([
    t.sqlite.prepare("select id, review_date from institutions order by id").all(),
    t.sqlite.prepare("select * from institution_problems order by institution_id, problem_id").all(),
    t.sqlite.prepare("select * from look_back_institution_checks order by look_back_id, institution_id").all(),
    t.sqlite.prepare("select id, result from look_backs order by id").all(),
    t.one<number>("select count(*) from audit_log"),
  ]);
const problemNumbered = (number: number) => t.one<number>("select id from problems where round_id = ? and number = ?", t.roundId(), number);
const seededRule = (title: string) => t.one<number>("select id from institutions where title = ?", title);
const EXTERNAL_DIRECTORS = "区属国企兼职外部董事管理办法";
const FIRST_TOPIC = "宝安区“第一议题”制度实施办法";

describe("登记制度:默认复查日期和针对的问题", () => {
  it("reviews a rule a year after issue (or the report's date) and links it to the reported measure's problem", () => {
    const jiaoyu = t.unitIdOf("区教育局");
    const measure = t.sqlite.prepare("select id, problem_id as problemId from measures where lead_unit_id = ? order by id limit 1").get(jiaoyu) as { id: number; problemId: number };
    t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId: t.one<string>("select id from users where username = 'jiaoyu'"),
        measureId: measure.id,
        unitId: jiaoyu,
        isLead: true,
        currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "印发制度", percent: null, milestone: null, claimedStatus: "incomplete" },
        evidence: [],
        institutions: [
          { title: "学位建设管理办法", documentNumber: "深宝教〔2024〕2号", issuedDate: "2024-02-29" },
          { title: "校外培训监管办法", documentNumber: "", issuedDate: null },
        ],
      }),
    );
    const rows = listInstitutions(t.db, { roundId: t.roundId() });
    const problemNumber = t.one<number>("select number from problems where id = ?", measure.problemId);
    expect(rows.find((r) => r.title === "学位建设管理办法")).toMatchObject({ reviewDate: "2025-02-28", linkedProblems: [{ id: measure.problemId, number: problemNumber }], lastCheck: null });
    expect(rows.find((r) => r.title === "校外培训监管办法")).toMatchObject({ reviewDate: "2027-11-21" });
    expect(problemInstitutions(t.db, { problemId: measure.problemId }).map((r) => r.title)).toEqual(expect.arrayContaining(["学位建设管理办法", "校外培训监管办法"]));
  });
});

describe("updateInstitution", () => {
  it("sets the review date and the problems, with one audit row naming both sides", () => {
    const rule = seededRule(EXTERNAL_DIRECTORS);
    const [six, two] = [problemNumbered(6), problemNumbered(2)];
    expect(getInstitution(t.db, { id: rule })?.problemIds).toEqual([six]);
    const audits = t.one<number>("select count(*) from audit_log");

    t.db.transaction((tx) => updateInstitution(tx, { actorId: officeId, input: { institutionId: rule, reviewDate: "2027-03-31", problemIds: [six, two] } }));

    expect(getInstitution(t.db, { id: rule })).toMatchObject({ reviewDate: "2027-03-31", problemIds: [two, six].sort((a, b) => a - b) });
    expect(problemInstitutions(t.db, { problemId: two }).map((r) => r.title)).toEqual([EXTERNAL_DIRECTORS]);
    expect(t.one<number>("select count(*) from audit_log")).toBe(audits + 1);
    const row = t.sqlite.prepare("select action, before, after from audit_log order by id desc limit 1").get() as { action: string; before: string; after: string };
    expect(row.action).toBe("institution.update");
    expect(JSON.parse(row.before)).toMatchObject({ linkedProblemIds: [six] });
    expect(JSON.parse(row.after)).toMatchObject({ reviewDate: "2027-03-31" });
  });

  it("refuses a problem of another round, an unknown rule and an archived round, leaving everything unchanged", () => {
    const rule = seededRule(EXTERNAL_DIRECTORS);
    const otherRoundProblem = t.one<number>("select id from problems where round_id != ? order by id limit 1", t.roundId());
    const before = snapshot();
    const edit = (input: { institutionId: number; reviewDate: string; problemIds: number[] }) =>
      codeOf(() => t.db.transaction((tx) => updateInstitution(tx, { actorId: officeId, input })));
    expect(edit({ institutionId: rule, reviewDate: "2027-01-01", problemIds: [problemNumbered(6), otherRoundProblem] })).toBe("VALIDATION: 所选问题不属于该制度所在的轮次");
    expect(edit({ institutionId: 999_999, reviewDate: "2027-01-01", problemIds: [problemNumbered(6)] })).toBe("NOT_FOUND: 未找到该制度");
    t.db.transaction((tx) => setRoundArchived(tx, { actorId: officeId, roundId: t.roundId(), archived: true }));
    const archived = snapshot();
    expect(edit({ institutionId: rule, reviewDate: "2027-01-01", problemIds: [problemNumbered(6)] })).toMatch(/^CONFLICT: 该轮次已归档/);
    expect(snapshot()).toBe(archived);
    t.db.transaction((tx) => setRoundArchived(tx, { actorId: officeId, roundId: t.roundId(), archived: false }));
    expect(snapshot().replace(/,\d+\]$/, "")).toBe(before.replace(/,\d+\]$/, ""));
  });

  it("validates the form: a real date, at least one problem, ids only", () => {
    const messages = (value: unknown) => institutionEditSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(institutionEditSchema.parse({ institutionId: "3", reviewDate: "2027-02-28", problemIds: ["5", "5", "7"] })).toEqual({ institutionId: 3, reviewDate: "2027-02-28", problemIds: [5, 7] });
    expect(institutionEditSchema.parse({ institutionId: "3", reviewDate: "2027-02-28", problemIds: "5" }).problemIds).toEqual([5]);
    expect(messages({ institutionId: "3", reviewDate: "2027-02-30", problemIds: ["5"] })).toEqual(["reviewDate: 复查日期不是有效日期"]);
    expect(messages({ institutionId: "3", reviewDate: "", problemIds: [] })).toEqual(["reviewDate: 请填写复查日期", "problemIds: 请至少关联一个该制度所针对的问题"]);
    expect(messages({ institutionId: "3", reviewDate: "2027-01-01", problemIds: ["abc"] })).toEqual(["problemIds.0: 请选择问题"]);
  });
});

describe("催报:制度到期复查", () => {
  it("lists the seed's overdue rule of the open round, not the one months away, and nothing of an archived round", () => {
    const due = institutionReviewsDue(t.db, { today: TODAY, roundIds: null });
    expect(due.map((r) => [r.title, r.state])).toEqual([[FIRST_TOPIC, "overdue"]]);
    expect(due[0]!.linkedProblems.map((p) => p.number)).toEqual([14]);
    expect(institutionReviewsDue(t.db, { today: TODAY, roundIds: [t.roundId() + 1000] })).toEqual([]);
    // Five days before the 外部董事 rule's date it is 即将到期 (the round's 临期 is 7 days).
    const externalDue = t.one<string>("select review_date from institutions where title = ?", EXTERNAL_DIRECTORS);
    const fiveBefore = new Date(`${externalDue}T00:00:00Z`);
    fiveBefore.setUTCDate(fiveBefore.getUTCDate() - 5);
    const later = institutionReviewsDue(t.db, { today: fiveBefore.toISOString().slice(0, 10), roundIds: null });
    expect(later.find((r) => r.title === EXTERNAL_DIRECTORS)?.state).toBe("due_soon");
    t.db.transaction((tx) => setRoundArchived(tx, { actorId: officeId, roundId: t.roundId(), archived: true }));
    expect(institutionReviewsDue(t.db, { today: TODAY, roundIds: null })).toEqual([]);
  });
});

describe("回头看:制度是否执行到位", () => {
  /** A pending look-back on a measure of problem 2, after linking the 外部董事 rule to problem 2. */
  function arrange() {
    const rule = seededRule(EXTERNAL_DIRECTORS);
    t.db.transaction((tx) => updateInstitution(tx, { actorId: officeId, input: { institutionId: rule, reviewDate: "2027-06-30", problemIds: [problemNumbered(6), problemNumbered(2)] } }));
    const lookBack = t.one<number>(
      "select l.id from look_backs l join measures m on m.id = l.measure_id where m.problem_id = ? and l.result is null order by l.id limit 1",
      problemNumbered(2),
    );
    const measureId = t.one<number>("select measure_id from look_backs where id = ?", lookBack);
    return { rule, lookBack, measureId };
  }
  const record = (lookBackId: number, result: "holds" | "relapsed", note: string, checks: { institutionId: number; applied: "applied" | "partly" | "not_applied"; note: string }[]) =>
    codeOf(() => t.db.transaction((tx) => recordLookBackResult(tx, { actorId: officeId, lookBackId, result, note, institutionChecks: checks })));

  it("reads the rules of several measures at once as it reads them one by one (the due list)", () => {
    const { rule, measureId } = arrange();
    // A rule registered with a measure's report and since linked to another problem is still asked of that measure.
    const jiaoyu = t.unitIdOf("区教育局");
    const reported = t.one<number>("select id from measures where lead_unit_id = ? and problem_id not in (?, ?) order by id limit 1", jiaoyu, problemNumbered(2), problemNumbered(6));
    t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId: t.one<string>("select id from users where username = 'jiaoyu'"),
        measureId: reported,
        unitId: jiaoyu,
        isLead: true,
        currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "印发制度", percent: null, milestone: null, claimedStatus: "incomplete" },
        evidence: [],
        institutions: [{ title: "学位建设管理办法", documentNumber: "", issuedDate: null }],
      }),
    );
    const registered = seededRule("学位建设管理办法");
    t.db.transaction((tx) => updateInstitution(tx, { actorId: officeId, input: { institutionId: registered, reviewDate: "2027-06-30", problemIds: [problemNumbered(2)] } }));
    const without = t.one<number>(
      `select m.id from measures m where m.round_id = ? and not exists (select 1 from institution_problems ip where ip.problem_id = m.problem_id)
       and not exists (select 1 from institutions i join progress_reports p on p.id = i.progress_report_id where p.measure_id = m.id) order by m.id limit 1`,
      t.roundId(),
    );

    const measureIds = [measureId, reported, without];
    const together = institutionsForMeasures(t.db, { measureIds });
    for (const id of measureIds) expect(together.get(id) ?? []).toEqual(institutionsForMeasure(t.db, { measureId: id }));
    expect(together.get(measureId)?.map((i) => i.id)).toEqual([rule, registered]);
    expect(together.get(reported)?.map((i) => i.id)).toEqual([registered]);
    expect(together.has(without)).toBe(false);
  });

  it("asks about the rules linked to the measure's problem, and stores the answers with the result in one audit row", () => {
    const { rule, lookBack, measureId } = arrange();
    expect(institutionsForMeasure(t.db, { measureId }).map((i) => i.id)).toEqual([rule]);
    const audits = t.one<number>("select count(*) from audit_log");

    expect(record(lookBack, "holds", "", [{ institutionId: rule, applied: "partly", note: "两家企业尚未委派" }])).toBe("ok");

    expect(lookBackChecks(t.db, { lookBackIds: [lookBack] })).toEqual([
      { lookBackId: lookBack, institutionId: rule, title: EXTERNAL_DIRECTORS, applied: "partly", note: "两家企业尚未委派" },
    ]);
    expect(t.one<number>("select count(*) from audit_log")).toBe(audits + 1);
    const after = JSON.parse(t.one<string>("select after from audit_log order by id desc limit 1"));
    expect(after.institutionChecks).toEqual([{ institutionId: rule, applied: "partly", note: "两家企业尚未委派" }]);
    const listed = listInstitutions(t.db, { roundId: t.roundId() }).find((r) => r.id === rule)!;
    expect(listed.lastCheck).toMatchObject({ applied: "partly", note: "两家企业尚未委派", measureId });
  });

  it("refuses a missing answer, a rule not asked about, and 巩固 while a rule is 未执行, leaving everything unchanged", () => {
    const { rule, lookBack } = arrange();
    const other = seededRule(FIRST_TOPIC);
    const before = snapshot();
    expect(record(lookBack, "holds", "", [])).toBe(`VALIDATION: 请逐项回答制度是否执行到位(尚缺:《${EXTERNAL_DIRECTORS}》)`);
    expect(record(lookBack, "holds", "", [{ institutionId: rule, applied: "applied", note: "" }, { institutionId: other, applied: "applied", note: "" }])).toMatch(
      /^VALIDATION: 所答制度不是该整改措施所针对问题的制度/,
    );
    expect(record(lookBack, "holds", "", [{ institutionId: rule, applied: "not_applied", note: "" }])).toBe(
      `VALIDATION: 《${EXTERNAL_DIRECTORS}》未执行,回头看结果不能记为“巩固”:请督促执行后再记录,或记为“反弹”并说明情况`,
    );
    expect(snapshot()).toBe(before);
  });

  it("lets a rule 未执行 go with a relapse, which reopens the measure and keeps the answers in its audit row", () => {
    const { rule, lookBack, measureId } = arrange();
    expect(record(lookBack, "relapsed", "外部董事制度未落实", [{ institutionId: rule, applied: "not_applied", note: "未委派" }])).toBe("ok");
    expect(t.one<string>("select status from measures where id = ?", measureId)).toBe("incomplete");
    const row = t.sqlite.prepare("select action, after from audit_log order by id desc limit 1").get() as { action: string; after: string };
    expect(row.action).toBe("measure.reopen");
    expect(JSON.parse(row.after).institutionChecks).toEqual([{ institutionId: rule, applied: "not_applied", note: "未委派" }]);
  });

  it("reads the form's per-rule fields into the same list the API sends", () => {
    const parsed = lookBackResultSchema.parse({ lookBackId: "4", result: "holds", note: "", "applied.12": "applied", "appliedNote.12": " 已执行 ", "applied.13": "partly" });
    expect(parsed.institutionChecks).toEqual([
      { institutionId: 12, applied: "applied", note: "已执行" },
      { institutionId: 13, applied: "partly", note: "" },
    ]);
    expect(lookBackResultSchema.safeParse({ lookBackId: "4", result: "holds", "applied.12": "maybe" }).error?.issues[0]?.message).toBe("请选择该制度是否执行到位");
  });
});
