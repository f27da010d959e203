import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftFrom, toPlan } from "@/lib/document-import/draft";
import { parseDocument } from "@/lib/document-import/parse-document";
import { AppError } from "@/lib/errors";
import { seededTestDb } from "@/testing/seeded-db";
import { documentPlanSchema, type DocumentPlan } from "@/lib/validations/document-import";
import { createPlanFromDocument } from "./document-import";
import { createRound } from "./rounds";
import { roundSummary } from "./summary";

const TODAY = "2026-11-21";
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../../lib/document-import/fixtures", name), "utf8");
const planOf = (text: string): DocumentPlan => documentPlanSchema.parse(toPlan(draftFrom(parseDocument(text))));

let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId = "";
let roundId = 0;

beforeEach(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one<string>("select id from users where username = 'office'");
  roundId = createRound(t.db, {
    actorId: officeId,
    input: {
      name: "省委巡视组反馈意见整改(文档导入)", kind: "inspection", inspectingBody: "省委第二巡视组", inspectedBody: "宝安区委",
      inspectedUnitId: t.unitIdOf("中共深圳市宝安区委员会"), inspectionStart: null, inspectionEnd: null,
      feedbackDate: "2021-01-28", deadline: null, dueSoonDays: 7,
    },
  }).id;
});
afterEach(() => t.cleanup());

const write = (plan: DocumentPlan, id = roundId) =>
  t.db.transaction((tx) => createPlanFromDocument(tx, { actorId: officeId, authorId: officeId, roundId: id, plan, source: "宝安.docx", today: TODAY }));

describe("createPlanFromDocument", () => {
  it("writes the Baoan report's plan: aspects, numbered problems, measures, all 未完成, one audit row", () => {
    const result = write(planOf(fixture("report-baoan-2021.txt")));
    expect(result).toEqual({ roundId, problems: 17, measures: 68, unmatchedUnits: [] });

    const summary = roundSummary(t.db, { roundId, today: TODAY })!;
    expect(summary.problems).toEqual({ total: 17, completed: 0, basicallyCompleted: 0, incomplete: 17 });
    expect(summary.measures).toEqual({ total: 68, completed: 0, basicallyCompleted: 0, incomplete: 68 });
    expect(summary.aspects.map((a) => a.total)).toEqual([6, 5, 3, 3]);
    expect(t.column<number>("select number from problems where round_id = ? order by id", roundId)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(t.one("select title from problems where round_id = ? and number = 15", roundId)).toBe("关于巡视发现的部分问题未整改到位的问题");
    expect(t.column("select text from measures m join problems p on p.id = m.problem_id where p.round_id = ? and p.number = 1 order by m.position", roundId))
      .toHaveLength(4);
    // The report names no units: lead units are left for the office to assign; no one is notified yet.
    expect(t.one("select count(*) from measures where round_id = ? and lead_unit_id is not null", roundId)).toBe(0);
    const audit = t.sqlite.prepare("select action, actor_id as actorId, entity, entity_id as entityId, after from audit_log where action = 'round.import_document'").all();
    expect(audit).toEqual([
      {
        action: "round.import_document", actorId: officeId, entity: "round", entityId: String(roundId),
        after: JSON.stringify({ source: "宝安.docx", roundId, problems: 17, measures: 68, unmatchedUnits: [], aspects: 4 }),
      },
    ]);
  });

  it("takes a closing section's statuses and deadlines, and keeps 有关情况说明 as verified progress", () => {
    const text = `${fixture("report-baoan-2021.txt")}
四、需要进一步整改的事项及措施
(一)关于违法用地、违法建设历史存量较大的问题(基本完成)
有关情况说明:剩余卫片执法图斑正按“一宗一策”推进整改。
完成时限:2022年12月底
(二)关于审计发现的部分问题未整改到位的问题(未完成)
完成时限:2023年6月底,并长期坚持
(三)关于专项督导检查发现的部分问题未整改到位的问题(基本完成)
完成时限:按序时进度推进`;
    write(planOf(text));
    expect(roundSummary(t.db, { roundId, today: TODAY })!.problems).toEqual({ total: 17, completed: 14, basicallyCompleted: 2, incomplete: 1 });
    const measuresOf = (number: number) =>
      t.sqlite
        .prepare(`select m.status, m.deadline, m.deadline_kind as kind, m.deadline_text as text from measures m
                  join problems p on p.id = m.problem_id where p.round_id = ? and p.number = ? order by m.position`)
        .all(roundId, number);
    expect(measuresOf(4)).toEqual(Array(3).fill({ status: "basically_completed", deadline: "2022-12-31", kind: "date", text: "2022年12月底" }));
    expect(measuresOf(16)).toEqual(Array(2).fill({ status: "incomplete", deadline: "2023-06-30", kind: "ongoing", text: "2023年6月底,并长期坚持" }));
    expect(measuresOf(17)[0]).toEqual({ status: "basically_completed", deadline: null, kind: "scheduled", text: "按序时进度推进" });
    // A problem's status agrees with its measures' (the roll-up every list shows).
    expect(t.one("select count(*) from problems p where p.round_id = ? and exists (select 1 from measures m where m.problem_id = p.id and m.status != p.status)", roundId)).toBe(0);
    const progress = t.sqlite
      .prepare(`select r.text, r.claimed_status as claimed, r.review_state as state, r.is_claim as isClaim from progress_reports r
                join measures m on m.id = r.measure_id join problems p on p.id = m.problem_id where p.round_id = ?`)
      .all(roundId);
    expect(progress).toEqual([{ text: "有关情况说明:剩余卫片执法图斑正按“一宗一策”推进整改。", claimed: "basically_completed", state: "signed_off", isClaim: 1 }]);
  });

  it("writes a feedback document's problems without measures, its wording as their description", () => {
    const plan = planOf("一、党建方面\n(一)关于支部建设不规范的问题\n部分支部未按期换届。\n(二)关于党费收缴不规范的问题\n个别党员少交党费。");
    expect(write(plan)).toEqual({ roundId, problems: 2, measures: 0, unmatchedUnits: [] });
    expect(t.sqlite.prepare("select title, description, status from problems where round_id = ? order by number").all(roundId)).toEqual([
      { title: "关于支部建设不规范的问题", description: "部分支部未按期换届。", status: "incomplete" },
      { title: "关于党费收缴不规范的问题", description: "个别党员少交党费。", status: "incomplete" },
    ]);
  });

  it("keeps 整改情况 on the problem when it has no measure to carry it", () => {
    write({
      aspects: [{ name: "", problems: [{ title: "关于台账不全的问题", description: "", status: null, deadlineText: "", progressText: "已补齐台账。", measures: [] }] }],
    });
    expect(t.sqlite.prepare("select aspect_id as aspectId, description from problems where round_id = ?").get(roundId)).toEqual({
      aspectId: null,
      description: "整改情况:已补齐台账。",
    });
    expect(t.one("select count(*) from aspects where round_id = ?", roundId)).toBe(0);
  });

  it("refuses a round that already has a plan, writing nothing", () => {
    const demo = t.roundId();
    const before = t.one<number>("select count(*) from audit_log");
    const problems = t.one<number>("select count(*) from problems");
    expect(() => write(planOf(fixture("report-doumen-2021.txt")), demo)).toThrow(AppError);
    expect(() => write(planOf(fixture("report-doumen-2021.txt")), demo)).toThrow(/该轮次已有方案\(4 个方面、17 个问题\)/);
    expect([t.one("select count(*) from audit_log"), t.one("select count(*) from problems")]).toEqual([before, problems]);
  });

  it("refuses a round that does not exist", () => {
    expect(() => write(planOf(fixture("report-doumen-2021.txt")), 999_999)).toThrow("未找到该轮次");
  });
});
