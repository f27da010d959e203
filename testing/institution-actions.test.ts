import "@/testing/action-mocks";
import { describe, expect, it } from "vitest";
import { recordLookBackAction } from "@/app/(app)/look-backs/actions";
import { updateInstitutionAction } from "@/app/(app)/rounds/[id]/institutions/actions";
import { callAction, fingerprint } from "@/testing/action-harness";
import { actionCases } from "@/testing/action-session";

// 建章立制's edit and 回头看's per-rule answers through the server actions, with what the
// generic corpus cannot send: a problem of another round, a rule left unanswered, 巩固 while
// a rule is 未执行, and a unit trying to edit. Each refusal leaves the database unchanged.

const session = actionCases("institution-session");
const as = session.as;

const EXTERNAL_DIRECTORS = "区属国企兼职外部董事管理办法";
type Sqlite = Awaited<ReturnType<typeof as>>;
const ruleOf = (sqlite: Sqlite) => sqlite.prepare("select id from institutions where title = ?").pluck().get(EXTERNAL_DIRECTORS) as number;
const problemOf = (sqlite: Sqlite, number: number) =>
  sqlite.prepare("select id from problems where round_id = ? and number = ?").pluck().get(session.world.targets.round, number) as number;

describe("修改制度的复查日期和针对的问题", () => {
  it("整改办保存复查日期和两个问题", async () => {
    const sqlite = await as("office");
    const rule = ruleOf(sqlite);
    const fields = { institutionId: String(rule), reviewDate: "2027-05-31", problemIds: [String(problemOf(sqlite, 6)), String(problemOf(sqlite, 2))] };
    const outcome = await callAction(updateInstitutionAction, fields);
    expect(outcome.state).toMatchObject({ ok: true, message: `已保存《${EXTERNAL_DIRECTORS}》:复查日期 2027-05-31,针对 2 个问题` });
    expect(sqlite.prepare("select review_date from institutions where id = ?").pluck().get(rule)).toBe("2027-05-31");
    expect(sqlite.prepare("select count(*) from institution_problems where institution_id = ?").pluck().get(rule)).toBe(2);
  });

  it("另一轮次的问题、缺少问题、无效日期被拒绝,提示在字段旁,数据库不变", async () => {
    const sqlite = await as("office");
    const rule = String(ruleOf(sqlite));
    const otherRound = String(sqlite.prepare("select id from problems where round_id != ? order by id limit 1").pluck().get(session.world.targets.round));
    const before = fingerprint(sqlite);
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ institutionId: rule, reviewDate: "2027-05-31", problemIds: [String(problemOf(sqlite, 6)), otherRound] }, "problemIds", "只能关联本轮次的问题"],
      [{ institutionId: rule, reviewDate: "2027-05-31" }, "problemIds", "请至少关联一个该制度所针对的问题"],
      [{ institutionId: rule, reviewDate: "2027-02-30", problemIds: String(problemOf(sqlite, 6)) }, "reviewDate", "复查日期不是有效日期"],
    ];
    for (const [fields, field, message] of cases) {
      const outcome = await callAction(updateInstitutionAction, fields);
      expect(outcome.state).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    expect(fingerprint(sqlite)).toBe(before);
  });

  it("责任单位、领导、纪检监察不能修改", async () => {
    for (const username of ["jiaoyu", "leader", "jijian"]) {
      const sqlite = await as(username);
      const before = fingerprint(sqlite);
      const fields = { institutionId: String(ruleOf(sqlite)), reviewDate: "2027-05-31", problemIds: String(problemOf(sqlite, 6)) };
      expect((await callAction(updateInstitutionAction, fields)).state).toMatchObject({ ok: false, message: "您没有执行此操作的权限" });
      expect(fingerprint(sqlite)).toBe(before);
    }
  });
});

describe("回头看逐项回答制度是否执行到位", () => {
  it("未答的制度和“未执行”时记为巩固被拒绝;逐项作答后记录成功", async () => {
    const sqlite = await as("office");
    const rule = ruleOf(sqlite);
    await callAction(updateInstitutionAction, { institutionId: String(rule), reviewDate: "2027-05-31", problemIds: [String(problemOf(sqlite, 6)), String(problemOf(sqlite, 2))] });
    const lookBack = String(
      sqlite
        .prepare("select l.id from look_backs l join measures m on m.id = l.measure_id where m.problem_id = ? and l.result is null order by l.id limit 1")
        .pluck()
        .get(problemOf(sqlite, 2)),
    );
    const before = fingerprint(sqlite);
    const missing = await callAction(recordLookBackAction, { lookBackId: lookBack, result: "holds", note: "" });
    expect(missing.state).toMatchObject({ ok: false, fieldErrors: { [`applied.${rule}`]: ["请选择该制度是否执行到位"] } });
    const notApplied = await callAction(recordLookBackAction, { lookBackId: lookBack, result: "holds", note: "", [`applied.${rule}`]: "not_applied" });
    expect(notApplied.state).toMatchObject({ ok: false, message: expect.stringContaining("回头看结果不能记为“巩固”") });
    expect(fingerprint(sqlite)).toBe(before);

    const ok = await callAction(recordLookBackAction, { lookBackId: lookBack, result: "holds", note: "", [`applied.${rule}`]: "applied", [`appliedNote.${rule}`]: "9名外部董事均已履职" });
    expect(ok.state).toMatchObject({ ok: true });
    expect(sqlite.prepare("select applied, note from look_back_institution_checks where look_back_id = ?").get(Number(lookBack))).toEqual({ applied: "applied", note: "9名外部董事均已履职" });
  });
});
