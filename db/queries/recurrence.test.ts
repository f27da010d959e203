import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EARLIER_ROUND_NAME } from "@/db/seed/demo-earlier-round";
import { seededTestDb } from "@/testing/seeded-db";
import { createProblem } from "./plan-edit";
import { earlierRoundsOf, laterRecurrences, markRecurrence, recurrenceOf, recurrencesInRound, similarEarlierProblems, unmarkRecurrence } from "./recurrence";
import { createRound } from "./rounds";

// 反弹回潮 on the seeded demo: its archived 2018 round of the same body holds 第2号问题 on
// 八项规定, which the demo round's 第10号问题 repeats in other words.
const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
let officeId = "";

beforeAll(async () => {
  t = await seededTestDb(TODAY);
  officeId = t.one("select id from users where username = 'office'");
});
afterAll(() => t.cleanup());

const demoRound = () => t.roundId();
const earlierRound = () => t.one<number>("select id from rounds where name = ?", EARLIER_ROUND_NAME);
const problemId = (roundId: number, number: number) => t.one<number>("select id from problems where round_id = ? and number = ?", roundId, number);
const auditCount = () => t.one<number>("select count(*) from audit_log");
const links = () => t.one<number>("select count(*) from problem_recurrences");
const mark = (problem: number, earlier: number) => t.db.transaction((tx) => markRecurrence(tx, { actorId: officeId, problemId: problem, earlierProblemId: earlier }));

function newRound(name: string, inspectedBody: string, feedbackDate: string | null) {
  return t.db.transaction((tx) =>
    createRound(tx, {
      actorId: officeId,
      input: { name, kind: "patrol", inspectingBody: "区委第一巡察组", inspectedBody, inspectedUnitId: null, inspectionStart: null, inspectionEnd: null, feedbackDate, deadline: null, dueSoonDays: 7 },
    }),
  ).id;
}
function addProblem(roundId: number, title: string) {
  return t.db.transaction((tx) => createProblem(tx, { actorId: officeId, roundId, input: { number: 1, title, description: "", leadLeader: "", leadUnitId: null, aspectId: null } })).id;
}

describe("similar problems of earlier rounds", () => {
  it("finds the seeded repeat for the demo round's 第10号问题, with what was promised then", () => {
    const repeat = problemId(demoRound(), 10);
    const found = similarEarlierProblems(t.db, { roundId: demoRound(), titles: [{ key: repeat, title: t.one<string>("select title from problems where id = ?", repeat) }] });
    const [best] = found.get(repeat)!;
    expect(best).toMatchObject({ roundName: EARLIER_ROUND_NAME, number: 2, title: "关于违反中央八项规定精神问题禁而未绝的问题", status: "completed" });
    expect(best!.score).toBeGreaterThan(0.6);
    expect(best!.measures.map((m) => m.text)).toEqual([
      "开展违规发放津补贴、公款吃喝专项整治,对发现的问题立查立改。",
      "建立公务用车使用登记和定期检查制度,常态化开展公车使用检查。",
    ]);
  });

  it("matches only the repeat among all the demo round's problems: the threshold keeps the genre's stock phrases out", () => {
    const titles = t.sqlite.prepare("select id as key, title from problems where round_id = ?").all(demoRound()) as { key: number; title: string }[];
    const found = similarEarlierProblems(t.db, { roundId: demoRound(), titles });
    expect([...found.keys()]).toEqual([problemId(demoRound(), 10)]);
  });

  it("looks only at earlier rounds of the same body, and only at those the reader may see", () => {
    expect(earlierRoundsOf(t.db, { roundId: demoRound() }).map((r) => r.name)).toEqual([EARLIER_ROUND_NAME]);
    expect(earlierRoundsOf(t.db, { roundId: earlierRound() })).toEqual([]);
    expect(earlierRoundsOf(t.db, { roundId: demoRound(), visibleRoundIds: [demoRound()] })).toEqual([]);
    const elsewhere = newRound("别处的轮次(反弹测试)", "中共某市某县委员会", "2027-01-10");
    const found = similarEarlierProblems(t.db, { roundId: elsewhere, titles: [{ key: 1, title: "违反中央八项规定精神问题禁而未绝" }] });
    expect(found.size).toBe(0);
  });

  it("orders rounds by feedback date, not by id: a round entered later about an older inspection is earlier", () => {
    const body = "中共某区委员会(反弹排序)";
    const newer = newRound("2024年巡察(反弹排序)", body, "2024-05-01");
    const older = newRound("2020年巡察(反弹排序)", body, "2020-05-01");
    addProblem(older, "村级财务管理混乱、白条入账");
    const found = similarEarlierProblems(t.db, { roundId: newer, titles: [{ key: "a", title: "村级财务管理混乱" }] });
    expect(found.get("a")?.[0]).toMatchObject({ roundName: "2020年巡察(反弹排序)", title: "村级财务管理混乱、白条入账" });
    expect(similarEarlierProblems(t.db, { roundId: older, titles: [{ key: "a", title: "村级财务管理混乱" }] }).size).toBe(0);
  });
});

describe("marking a repeat", () => {
  it("links the problem to the earlier one, shown from both sides and in the round's export, with one audit row", () => {
    const [repeat, earlier] = [problemId(demoRound(), 10), problemId(earlierRound(), 2)];
    const audits = auditCount();
    mark(repeat, earlier);
    expect(auditCount()).toBe(audits + 1);
    expect(t.one<string>("select action from audit_log order by id desc limit 1")).toBe("problem.mark_recurrence");
    expect(recurrenceOf(t.db, { problemId: repeat })).toMatchObject({ id: earlier, roundName: EARLIER_ROUND_NAME, number: 2 });
    expect(recurrenceOf(t.db, { problemId: repeat })!.measures).toHaveLength(2);
    expect(laterRecurrences(t.db, { problemId: earlier }).map((p) => p.id)).toEqual([repeat]);
    expect(recurrencesInRound(t.db, { roundId: demoRound() }).get(repeat)).toMatchObject({ roundName: EARLIER_ROUND_NAME, number: 2 });

    t.db.transaction((tx) => unmarkRecurrence(tx, { actorId: officeId, problemId: repeat }));
    expect(auditCount()).toBe(audits + 2);
    expect(recurrenceOf(t.db, { problemId: repeat })).toBeNull();
    expect(laterRecurrences(t.db, { problemId: earlier })).toEqual([]);
  });

  it.each([
    ["an unknown earlier problem", () => [problemId(demoRound(), 10), 999_999], "未找到所选的历史问题"],
    ["the problem itself", () => [problemId(demoRound(), 10), problemId(demoRound(), 10)], "不能把问题标记为反弹自身"],
    ["a problem of the same round", () => [problemId(demoRound(), 10), problemId(demoRound(), 9)], "同一轮次"],
    ["a problem of a later round", () => [problemId(earlierRound(), 2), problemId(demoRound(), 10)], "不早于本轮次"],
    ["an unknown problem", () => [999_999, problemId(earlierRound(), 2)], "未找到该问题"],
  ])("refuses %s in Chinese and writes nothing", (_, pair, message) => {
    const [audits, before] = [auditCount(), links()];
    const [problem, earlier] = pair();
    expect(() => mark(problem!, earlier!)).toThrow(message);
    expect([auditCount(), links()]).toEqual([audits, before]);
  });

  it("refuses a second mark and an unmark of an unmarked problem", () => {
    const [repeat, earlier] = [problemId(demoRound(), 10), problemId(earlierRound(), 2)];
    mark(repeat, earlier);
    const [audits, before] = [auditCount(), links()];
    expect(() => mark(repeat, problemId(earlierRound(), 1))).toThrow("已标记为反弹回潮");
    expect(() => t.db.transaction((tx) => unmarkRecurrence(tx, { actorId: officeId, problemId: problemId(demoRound(), 9) }))).toThrow("未标记为反弹回潮");
    expect([auditCount(), links()]).toEqual([audits, before]);
    t.db.transaction((tx) => unmarkRecurrence(tx, { actorId: officeId, problemId: repeat }));
  });
});
