import "@/testing/action-mocks";
import { describe, expect, it } from "vitest";
import { markRecurrenceAction, unmarkRecurrenceAction } from "@/app/(app)/problems/actions";
import { callAction, fingerprint, type ActionWorld } from "@/testing/action-harness";
import { actionCases } from "@/testing/action-session";

// 反弹回潮's two actions with what the generic corpus cannot send: an "earlier" problem that
// is the problem itself, of the same round, or of a later round; a second mark; an unmark of
// an unmarked problem. Each is refused in Chinese, next to the field, database unchanged.

const session = actionCases("recurrence-session");
const as = session.as;

describe("标记反弹回潮", () => {
  it("整改办把问题关联到此前轮次的问题,写入一行关联和一条日志", async () => {
    const sqlite = await as("office");
    const { recurrenceProblem, earlierProblem } = session.world.targets;
    const outcome = await callAction(markRecurrenceAction, { problemId: String(recurrenceProblem), earlierProblemId: String(earlierProblem) });
    expect(outcome.state).toMatchObject({ ok: true, message: expect.stringContaining("已标记为反弹回潮") });
    expect(sqlite.prepare("select earlier_problem_id from problem_recurrences where problem_id = ?").pluck().get(recurrenceProblem)).toBe(earlierProblem);
  });

  it.each([
    ["本问题自身", (t: ActionWorld["targets"]) => [t.recurrenceProblem, t.recurrenceProblem], "不能把问题标记为反弹自身"],
    ["同一轮次的问题", (t: ActionWorld["targets"]) => [t.recurrenceProblem, t.markedProblem], "同一轮次"],
    ["更晚轮次的问题", (t: ActionWorld["targets"]) => [t.earlierProblem, t.recurrenceProblem], "不早于本轮次"],
    ["已标记过的问题再标记", (t: ActionWorld["targets"]) => [t.markedProblem, t.earlierProblem], "已标记为反弹回潮"],
  ])("%s被拒绝,数据库不变", async (_, pair, message) => {
    const sqlite = await as("office");
    const before = fingerprint(sqlite);
    const [problemId, earlierProblemId] = pair(session.world.targets);
    const outcome = await callAction(markRecurrenceAction, { problemId: String(problemId), earlierProblemId: String(earlierProblemId) });
    expect(outcome.state).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(fingerprint(sqlite)).toBe(before);
  });

  it("取消未标记问题的标记被拒绝;责任单位和领导不能标记或取消", async () => {
    const sqlite = await as("office");
    const before = fingerprint(sqlite);
    const unmarked = await callAction(unmarkRecurrenceAction, { problemId: String(session.world.targets.recurrenceProblem) });
    expect(unmarked.state).toMatchObject({ ok: false, message: "该问题未标记为反弹回潮" });
    for (const username of ["jiaoyu", "leader"]) {
      await as(username);
      const fields = { problemId: String(session.world.targets.recurrenceProblem), earlierProblemId: String(session.world.targets.earlierProblem) };
      expect((await callAction(markRecurrenceAction, fields)).state).toMatchObject({ ok: false, message: "您没有执行此操作的权限" });
      expect((await callAction(unmarkRecurrenceAction, { problemId: String(session.world.targets.markedProblem) })).state).toMatchObject({ ok: false });
    }
    expect(fingerprint(sqlite)).toBe(before);
  });
});

describe("导入预览中的相似历史问题", () => {
  const file = [{ number: 3, title: "违反中央八项规定精神问题仍禁而未绝" }, { number: 4, title: "城市更新项目推进缓慢" }];

  it("整改办看到此前轮次的相似问题;督导只在其轮次中找,责任单位看不到", async () => {
    const { recurrencesForImport } = await import("@/server/recurrence");
    const { actorOf } = await import("@/server/session");
    await as("office");
    const found = recurrencesForImport(actorOf(session.world.userIds.office!)!, session.world.targets.round, file);
    expect(found.map((r) => [r.number, r.matches[0]?.number, r.matches[0]?.measures.length])).toEqual([[3, 2, 2]]);
    // The demo's reviewer is assigned the demo round, not the archived 2018 one.
    expect(recurrencesForImport(actorOf(session.world.userIds.ducha!)!, session.world.targets.round, file)).toEqual([]);
    expect(recurrencesForImport(actorOf(session.world.userIds.jiaoyu!)!, session.world.targets.round, file)).toEqual([]);
  });
});
