import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { surveyResults } from "@/db/queries/surveys";
import { MAX_SURVEY_SUBMISSIONS } from "@/lib/security/survey-limit";
import { overall } from "@/lib/survey";
import { seededTestDb } from "@/testing/seeded-db";
import { dumpTables, expectRefusedUnchanged } from "@/testing/table-dump";

// 群众满意度测评 (issue 17), the use cases on the seeded demo: the office creates, opens and
// closes a round's survey; the public answers once per device, within the rate limit, with
// exactly the survey's questions; nothing stored identifies who answered.

const state = vi.hoisted(() => ({ db: undefined as DB | undefined }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));

const { answerSurvey, createSurvey, setSurveyState } = await import("@/server/surveys");
const { actorOf } = await import("@/server/session");

let t: Awaited<ReturnType<typeof seededTestDb>>;
const as = (username: string) => actorOf(t.one<string>("select id from users where username = ?", username))!;

beforeEach(async () => {
  t = await seededTestDb("2026-11-20");
  state.db = t.db;
});
afterEach(() => t.cleanup());

/** Every row but the rate limiter's counters (a refused answer still counts against its address). */
const NOT_COMPARED = ["survey_attempts", "sqlite_sequence"];
const dump = () => dumpTables(t.sqlite, NOT_COMPARED);
const expectRefused = (write: () => unknown, error: RegExp) => expectRefusedUnchanged(t.sqlite, write, error, NOT_COMPARED);

/** A new round with two aspects and a problem, and an open survey asking about all three. */
function openSurvey(name = "测评用的轮次") {
  const office = as("office");
  t.sqlite.prepare("insert into rounds (name, kind, inspecting_body, inspected_body, created_at, updated_at) values (?, 'patrol', '区委巡察组', '区教育局', 0, 0)").run(name);
  const roundId = t.one<number>("select max(id) from rounds");
  for (const [i, aspect] of ["一、政治建设方面", "二、作风建设方面"].entries()) {
    t.sqlite.prepare("insert into aspects (round_id, position, name, created_at, updated_at) values (?, ?, ?, 0, 0)").run(roundId, i + 1, aspect);
  }
  const aspectIds = t.column<number>("select id from aspects where round_id = ? order by position", roundId);
  t.sqlite.prepare("insert into problems (round_id, aspect_id, number, title, created_at, updated_at) values (?, ?, 1, '学校周边交通拥堵', 0, 0)").run(roundId, aspectIds[1]);
  const problemId = t.one<number>("select max(id) from problems");
  const { id } = createSurvey(office, { roundId, title: `${name}满意度测评`, intro: "", aspectIds, problemIds: [problemId] });
  setSurveyState(office, { surveyId: id, state: "open" });
  const token = t.one<string>("select token from surveys where id = ?", id);
  const questions = t.column<number>("select id from survey_questions where survey_id = ? order by position", id);
  return { roundId, surveyId: id, token, questions };
}

let device = 0;
const newDevice = () => `device-token-${String(++device).padStart(19, "0")}`;
const body = (questions: number[], choice = "satisfied", comment = "") => JSON.stringify({ answers: questions.map((questionId) => ({ questionId, choice })), comment });
const answer = (token: string, text: string, deviceToken: string | null = newDevice(), address = "203.0.113.7") =>
  answerSurvey({ token, deviceToken, address, contentType: "application/json", body: text });

describe("整改办创建、开放、关闭测评", () => {
  it("每个所选的方面或问题一道题,方面在前;每次写入一条操作日志", () => {
    const { surveyId } = openSurvey();
    expect(t.column<string>("select text from survey_questions where survey_id = ? order by position", surveyId)).toEqual([
      "您对“一、政治建设方面”的整改成效是否满意?",
      "您对“二、作风建设方面”的整改成效是否满意?",
      "您对第 1 个问题“学校周边交通拥堵”的整改成效是否满意?",
    ]);
    expect(t.column<string>("select action from audit_log where entity = 'survey' and entity_id = ? order by id", String(surveyId))).toEqual(["survey.create", "survey.open"]);
    setSurveyState(as("office"), { surveyId, state: "closed" });
    expect(t.one<string>("select state from surveys where id = ?", surveyId)).toBe("closed");
    // Reopening a closed survey is allowed; closing a closed one is not.
    expectRefused(() => setSurveyState(as("office"), { surveyId, state: "closed" }), /未在收集中/);
  });

  it("一个轮次只有一份测评;别的轮次的方面或问题不能作为题目;领导和单位不能创建", () => {
    const { roundId } = openSurvey();
    const office = as("office");
    expectRefused(() => createSurvey(office, { roundId, title: "第二份", intro: "", aspectIds: [], problemIds: [t.one<number>("select max(id) from problems")] }), /已有满意度测评/);
    const demoAspect = t.one<number>("select id from aspects where round_id = ? limit 1", t.roundId());
    t.sqlite.prepare("delete from surveys where round_id = ?").run(roundId);
    expectRefused(() => createSurvey(office, { roundId, title: "串轮次", intro: "", aspectIds: [demoAspect], problemIds: [] }), /所选的方面不属于本轮次/);
    expectRefused(() => createSurvey(as("leader"), { roundId, title: "领导", intro: "", aspectIds: [], problemIds: [] }), /没有执行此操作的权限/);
    expectRefused(() => createSurvey(as("jiaoyu"), { roundId, title: "单位", intro: "", aspectIds: [], problemIds: [] }), /没有执行此操作的权限/);
  });
});

describe("群众匿名作答", () => {
  it("记下答卷和一条匿名的操作日志;结果按题汇总", () => {
    const { token, surveyId, questions } = openSurvey();
    answer(token, body(questions, "satisfied", "<script>alert(1)</script>"));
    answer(token, body(questions, "dissatisfied"));
    answer(token, body(questions, "unknown"));
    expect(overall(surveyResults(t.db, { surveyId }))).toMatchObject({ answered: 9, satisfied: 3, dissatisfied: 3, unknown: 3, rate: 0.5 });
    expect(t.column<string>("select comment from survey_responses where survey_id = ? order by id", surveyId)).toEqual(["<script>alert(1)</script>", "", ""]);
    const audit = t.sqlite.prepare("select actor_id as actorId, action from audit_log where entity = 'survey_response' order by id desc limit 3").all();
    expect(audit).toEqual(Array(3).fill({ actorId: null, action: "survey.respond" }));
  });

  it("同一设备第二次提交被礼貌地拒绝", () => {
    const { token, questions } = openSurvey();
    const mine = newDevice();
    answer(token, body(questions), mine);
    expectRefused(() => answer(token, body(questions, "dissatisfied"), mine), /您已提交过本问卷/);
  });

  it("不存储地址、浏览器或设备令牌本身;同一设备在两份测评中的记录无法关联", () => {
    const first = openSurvey("甲轮次");
    const second = openSurvey("乙轮次");
    const mine = newDevice();
    answer(first.token, body(first.questions), mine, "198.51.100.23");
    answer(second.token, body(second.questions), mine, "198.51.100.23");
    const hashes = t.column<string>("select device_hash from survey_responses where survey_id in (?, ?)", first.surveyId, second.surveyId);
    expect(new Set(hashes).size).toBe(2);
    const everything = dump() + JSON.stringify(t.sqlite.prepare("select * from survey_attempts").raw().all());
    for (const secret of [mine, "198.51.100.23"]) expect(everything).not.toContain(secret);
    const columns = t.sqlite.prepare("select name from pragma_table_info('survey_responses')").pluck().all();
    expect(columns).toEqual(["id", "survey_id", "device_hash", "comment", "created_at"]);
  });

  it("拒绝未知的题目、其他测评的题目、漏答和重复作答,数据库不变", () => {
    const mine = openSurvey("本测评");
    const other = openSurvey("另一测评");
    const [q1, q2, q3] = mine.questions as [number, number, number];
    expectRefused(() => answer(mine.token, body([q1, q2, 987654321])), /本问卷没有的题目/);
    expectRefused(() => answer(mine.token, body([q1, q2, other.questions[0]!])), /本问卷没有的题目/);
    expectRefused(() => answer(mine.token, body([q1, q2])), /还有题目未作答/);
    expectRefused(() => answer(mine.token, body([q1, q2, q3, q3])), /同一道题只能作答一次/);
    expectRefused(() => answer(mine.token, JSON.stringify({ answers: [{ questionId: q1, choice: "great" }] })), /请为每道题选择/);
    expectRefused(() => answer(mine.token, "{not json"), /提交的内容不完整/);
    expectRefused(() => answer(mine.token, body(mine.questions), null), /无法识别本设备/);
  });

  it("关闭的、尚未开放的和不存在的测评都不收答卷", () => {
    const { token, surveyId, questions } = openSurvey();
    setSurveyState(as("office"), { surveyId, state: "closed" });
    expectRefused(() => answer(token, body(questions)), /本次测评已结束/);
    expectRefused(() => answer("A".repeat(24), body(questions)), /问卷不存在/);
    expectRefused(() => answer("../../etc/passwd", body(questions)), /问卷不存在/);
  });

  it(`同一地址 10 分钟内最多提交 ${MAX_SURVEY_SUBMISSIONS} 次,被拒的提交也计数;别的地址不受影响`, () => {
    const { token, questions } = openSurvey();
    const flooder = newDevice();
    const now = Date.now();
    for (let i = 0; i < MAX_SURVEY_SUBMISSIONS; i++) {
      try {
        answerSurvey({ token, deviceToken: flooder, address: "192.0.2.1", contentType: "application/json", body: body(questions), now: now + i });
      } catch {
        // The repeats are refused as already answered; each still counts.
      }
    }
    const flood = () => answerSurvey({ token, deviceToken: newDevice(), address: "192.0.2.1", contentType: "application/json", body: body(questions), now: now + 100 });
    expect(flood).toThrow(/提交过于频繁,请 10 分钟后再试/);
    expect(() => answerSurvey({ token, deviceToken: newDevice(), address: "192.0.2.2", contentType: "application/json", body: body(questions), now })).not.toThrow();
  });
});
