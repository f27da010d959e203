import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditChanges } from "@/lib/audit-format";
import { buildProgressReport } from "@/lib/bulletin";
import { auditReferenceNames } from "./audit-names";
import { seededTestDb } from "@/testing/seeded-db";
import { evaluationOfRound, evaluationSummaries, issueRedCard, scheduleEvaluation, scoreUnit } from "./evaluations";
import { reportInput } from "./reports";
import { createRound } from "./rounds";

// 整改成效评估 on the seeded demo, whose round (feedback 2021-01-28) holds one evaluation ten
// days before today with two units fully graded.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId = "";

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one("select id from users where username = 'office'");
});
afterAll(() => t.cleanup());

const auditCount = () => t.one<number>("select count(*) from audit_log");
const evaluationId = () => t.one<number>("select id from evaluations where round_id = ?", t.roundId());
const newRound = (feedbackDate: string | null) =>
  t.db.transaction((tx) =>
    createRound(tx, {
      actorId: officeId,
      input: {
        name: `待评估${Math.random()}`, kind: "patrol", inspectingBody: "区委第二巡察组", inspectedBody: "区教育局", inspectedUnitId: null,
        inspectionStart: null, inspectionEnd: null, feedbackDate, deadline: null, dueSoonDays: 7,
      },
    }),
  ).id;
const schedule = (roundId: number, scheduledDate: string) =>
  t.db.transaction((tx) => scheduleEvaluation(tx, { actorId: officeId, roundId, templateId: "standard", scheduledDate }));

describe("scheduling", () => {
  it("refuses a date earlier than six months after feedback, in Chinese, and writes nothing", () => {
    const roundId = newRound("2026-08-31");
    const audits = auditCount();
    expect(() => schedule(roundId, "2027-02-27")).toThrow("成效评估应在反馈后至少 6 个月进行,评估日期不能早于 2027-02-28");
    expect(auditCount()).toBe(audits);
    expect(evaluationOfRound(t.db, { roundId })).toBeUndefined();
    schedule(roundId, "2027-02-28");
    expect(auditCount()).toBe(audits + 1);
    expect(evaluationOfRound(t.db, { roundId })?.evaluation.scheduledDate).toBe("2027-02-28");
  });

  it("refuses a round without a feedback date", () => {
    expect(() => schedule(newRound(null), "2027-02-28")).toThrow("该轮次未填写反馈日期");
  });

  it("cannot be moved once grading has started", () => {
    expect(() => schedule(t.roundId(), "2026-12-31")).toThrow("已开始评分");
  });

  it("takes no grade before its day", () => {
    const roundId = newRound("2025-01-01");
    const evaluation = schedule(roundId, "2026-12-31");
    expect(() => t.db.transaction((tx) => scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluation.id, unitId: 1, grades: [] }))).toThrow(
      "成效评估定于 2026-12-31 开展,届时方可评分或亮红牌",
    );
  });
});

describe("scores", () => {
  it("the seeded units have weighted totals and an overall mean", () => {
    const found = evaluationOfRound(t.db, { roundId: t.roundId() })!;
    expect(found.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    const graded = found.units.filter((u) => u.complete);
    expect(graded.map((u) => u.name).sort()).toEqual(["区教育局", "区水务局"].sort());
    expect(found.overall).toBe(Math.round(((graded[0]!.score + graded[1]!.score) / 2) * 10) / 10);
  });

  it("a re-grade replaces the grade, a blank clears it, one audit row", () => {
    const unitId = t.unitIdOf("新安街道");
    const found = evaluationOfRound(t.db, { roundId: t.roundId() })!;
    const [first, second] = found.indicators;
    const best = found.grades[0]!.id;
    const audits = auditCount();
    t.db.transaction((tx) => scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluationId(), unitId, grades: [{ indicatorId: first!.id, gradeId: best }, { indicatorId: second!.id, gradeId: best }] }));
    t.db.transaction((tx) => scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluationId(), unitId, grades: [{ indicatorId: second!.id, gradeId: null }] }));
    expect(auditCount()).toBe(audits + 2);
    const unit = evaluationOfRound(t.db, { roundId: t.roundId() })!.units.find((u) => u.id === unitId)!;
    expect(unit).toMatchObject({ graded: 1, score: first!.weight, complete: false });
  });

  it("refuses a grade of another template and a unit outside the round", () => {
    const found = evaluationOfRound(t.db, { roundId: t.roundId() })!;
    const indicatorId = found.indicators[0]!.id;
    expect(() => t.db.transaction((tx) => scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluationId(), unitId: t.unitIdOf("区教育局"), grades: [{ indicatorId, gradeId: 99999 }] }))).toThrow("所选评价等次不存在");
    const outsider = t.one<number>("select id from units where id not in (select lead_unit_id from measures where lead_unit_id is not null) order by id limit 1");
    expect(() => t.db.transaction((tx) => scoreUnit(tx, { actorId: officeId, today: TODAY, evaluationId: evaluationId(), unitId: outsider, grades: [{ indicatorId, gradeId: found.grades[0]!.id }] }))).toThrow("不在评估范围内");
  });
});

describe("red cards", () => {
  const completedEdu = () =>
    t.one<number>(
      "select m.id from measures m join units u on u.id = m.lead_unit_id where u.name = '区教育局' and m.status = 'completed' and m.round_id = ? order by m.id limit 1",
      t.roundId(),
    );
  const card = (measureId: number) =>
    t.db.transaction((tx) => issueRedCard(tx, { actorId: officeId, today: TODAY, evaluationId: evaluationId(), measureId, kind: "false", reason: "台账数据与现场核查不符" }));

  it("reopen the measure as a relapse does: status back, problem rolled up, unit notified, one audit row naming the card", () => {
    const measureId = completedEdu();
    const audits = auditCount();
    const { card: given } = card(measureId);
    expect(t.one("select status from measures where id = ?", measureId)).toBe("incomplete");
    expect(auditCount()).toBe(audits + 1);
    const audit = t.sqlite.prepare("select action, after from audit_log order by id desc limit 1").get() as { action: string; after: string };
    expect(audit.action).toBe("measure.reopen");
    expect(JSON.parse(audit.after)).toMatchObject({ status: "incomplete", redCardId: given.id, reason: "成效评估认定为虚假整改(红牌):台账数据与现场核查不符" });
    // The log and the timeline read the card by its verdict and measure, not by its id.
    const row = { entity: "measure", entityId: String(measureId), before: null, after: JSON.parse(audit.after) };
    const redCard = auditChanges(null, row.after, { names: auditReferenceNames(t.db, [row]) }).find((c) => c.field === "redCardId");
    expect(redCard?.after).toMatch(/^虚假整改(.+)$/);
    const notified = t.one<number>(
      "select count(*) from notifications n join users u on u.id = n.user_id where u.username = 'jiaoyu' and n.kind = 'red_card' and n.link = ?",
      `/measures/${measureId}`,
    );
    expect(notified).toBe(1);
  });

  it("are refused for a measure still open, and twice for the same measure", () => {
    const open = t.one<number>("select id from measures where status = 'incomplete' and round_id = ? and id not in (select measure_id from evaluation_red_cards) order by id limit 1", t.roundId());
    expect(() => card(open)).toThrow("红牌只用于已完成或基本完成的措施");
    const carded = t.one<number>("select measure_id from evaluation_red_cards order by id limit 1");
    t.sqlite.prepare("update measures set status = 'completed' where id = ?").run(carded);
    expect(() => card(carded)).toThrow("本次评估已对该措施亮过红牌");
  });

  it("appear in the 通报's overview and the dashboard summary", () => {
    const summary = evaluationSummaries(t.db, { roundIds: [t.roundId()] })[0]!;
    expect(summary.redCards.map((c) => c.kind)).toEqual(["false"]);
    const overview = buildProgressReport(reportInput(t.db, { roundId: t.roundId(), today: TODAY })!).sections[0]!.blocks.map((b) => b.text).join("\n");
    expect(overview).toContain(`平均得分${summary.overall}分;发现虚假整改1项,已亮出“红牌”并重新打开整改。`);
  });
});
