import "@/testing/action-mocks";
import { describe, expect, it } from "vitest";
import { advanceClueAction, registerClueAction } from "@/app/(app)/clues/actions";
import { callAction, fingerprint } from "@/testing/action-harness";
import { actionCases } from "@/testing/action-session";

// The register's actions as the discipline staff (纪检监察, the demo's "jijian") and the
// roles the access matrix has no column for in this way: the discipline user writes, its
// writes keep the stage order, and a refused call leaves the database as it was.

const session = actionCases("clue-session");
const as = session.as;

const registration = () => ({
  roundId: String(session.world.targets.round),
  kind: "petition",
  number: "巡视移交信访件第7号",
  title: "群众反映某街道拆迁补偿不公问题",
  handler: "commission",
  handlerUnitId: "",
  receivedDate: "2026-08-31",
  timeLimit: "6",
  dueDate: "",
});

describe("纪检监察账号", () => {
  it("登记一件,办结时限按接收日期加 6 个月(月末取当月最后一天)", async () => {
    const sqlite = await as("jijian");
    const outcome = await callAction(registerClueAction, registration());
    const row = sqlite.prepare("select id, stage, due_date dueDate from clues where number = '巡视移交信访件第7号'").get() as { id: number; stage: string; dueDate: string };
    expect(outcome.redirectTo).toBe(`/clues/${row.id}?registered=1`);
    expect(row).toMatchObject({ stage: "registered", dueDate: "2027-02-28" });
  });

  it("按顺序推进;跳过阶段被拒绝,登记簿不变", async () => {
    const sqlite = await as("jijian");
    const clue = session.world.targets.clue;
    const before = fingerprint(sqlite);
    const skip = await callAction(advanceClueAction, { clueId: String(clue), toStage: "concluded", changeDate: "2026-11-20", note: "" });
    expect(skip.state).toMatchObject({ ok: false, message: "“初步核实”之后只能进入“立案”、“暂存待查”、“予以了结”,不能直接进入“审结”" });
    expect(fingerprint(sqlite)).toBe(before);
    const filed = await callAction(advanceClueAction, { clueId: String(clue), toStage: "filed", changeDate: "2026-11-20", note: "予以立案" });
    expect(filed.state).toEqual({ ok: true, message: "已进入“立案”阶段" });
    expect(sqlite.prepare("select stage from clues where id = ?").pluck().get(clue)).toBe("filed");
  });

  it("处分人数多于处理人数时在字段旁说明,不写入", async () => {
    const sqlite = await as("jijian");
    const before = fingerprint(sqlite);
    const outcome = await callAction(advanceClueAction, {
      clueId: String(session.world.targets.clue), toStage: "filed", changeDate: "2026-11-20", note: "", peopleHandled: "1", disciplined: "3",
    });
    expect(outcome.state).toMatchObject({ ok: false, fieldErrors: { peopleHandled: ["给予党纪政务处分的人数不能多于处理人数"] } });
    expect(fingerprint(sqlite)).toBe(before);
  });
});

describe("登记簿以外的角色", () => {
  it.each(["office2", "jiaoyu", "leader", "ducha"])("%s 不能登记", async (username) => {
    const sqlite = await as(username);
    const before = fingerprint(sqlite);
    const outcome = await callAction(registerClueAction, registration());
    expect(outcome.state).toMatchObject({ ok: false, message: "您没有执行此操作的权限" });
    expect(fingerprint(sqlite)).toBe(before);
  });
});
