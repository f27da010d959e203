import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { listMeasuresForUnits } from "./measures";
import { currentPlanVersion, decideSubmission, insertSubmission, pendingSubmission } from "./plan-review";
import { measureOwners } from "./progress";
import { publishedReports, reportVersion } from "./report-versions";
import { getRound, setUnitsSeeUnapprovedPlan } from "./rounds";

// Submitted versions, the plan's approval and what it changes for the units.

let t: Awaited<ReturnType<typeof seededTestDb>>;
let office = "";
let reviewer = "";
beforeEach(async () => {
  t = await seededTestDb("2026-11-21");
  office = t.one<string>("select id from users where username = 'office'");
  reviewer = t.one<string>("select id from users where username = 'ducha'");
});
afterEach(() => t.cleanup());

const submit = (kind: "plan" | "report" = "plan") =>
  t.db.transaction((tx) =>
    insertSubmission(tx, {
      actorId: office,
      roundId: t.roundId(),
      kind,
      content: kind === "plan" ? currentPlanVersion(tx, { roundId: t.roundId() }) : reportVersion(tx, { roundId: t.roundId(), today: "2026-11-21" }),
      note: "",
    }),
  );
const decide = (id: number, approve: boolean) => t.db.transaction((tx) => decideSubmission(tx, { actorId: reviewer, roundId: t.roundId(), id, approve, note: approve ? "" : "请修改" }));

describe("plan versions", () => {
  it("freeze every problem and measure of the plan, numbered per round", () => {
    const first = submit();
    expect(first.version).toBe(1);
    const content = currentPlanVersion(t.db, { roundId: t.roundId() });
    expect(content.problems).toHaveLength(17);
    expect(content.problems.reduce((n, p) => n + p.measures.length, 0)).toBe(68);
    decide(first.id, false);
    expect(submit().version).toBe(2);
  });

  it("allow one pending version at a time, in the database too", () => {
    submit();
    expect(() => submit()).toThrow(/UNIQUE/);
    expect(pendingSubmission(t.db, { roundId: t.roundId(), kind: "plan" })?.version).toBe(1);
  });

  it("are decided once; approval dates the round's plan, a new version clears it", () => {
    const first = submit();
    expect(decide(first.id, true)?.state).toBe("approved");
    expect(decide(first.id, false)).toBeUndefined();
    expect(getRound(t.db, { id: t.roundId() })?.planApprovedAt).toBeInstanceOf(Date);
    submit();
    expect(getRound(t.db, { id: t.roundId() })?.planApprovedAt).toBeNull();
  });
});

describe("a round that keeps its tasks from units until the plan is approved", () => {
  const jiaoyuMeasures = () => listMeasuresForUnits(t.db, { unitIds: [t.unitIdOf("区教育局")] }).length;

  it("hides them from the units' lists and from reporting, and shows them on approval", () => {
    const measureId = t.one<number>("select id from measures where lead_unit_id = ? order by id limit 1", t.unitIdOf("区教育局"));
    const visible = jiaoyuMeasures();
    expect(visible).toBeGreaterThan(0);
    t.db.transaction((tx) => setUnitsSeeUnapprovedPlan(tx, { actorId: office, roundId: t.roundId(), value: false }));
    expect(jiaoyuMeasures()).toBe(0);
    expect(measureOwners(t.db, { measureId })?.unitIds).toEqual([]);
    decide(submit().id, true);
    expect(jiaoyuMeasures()).toBe(visible);
    expect(measureOwners(t.db, { measureId })?.unitIds).toContain(t.unitIdOf("区教育局"));
  });
});

describe("published reports", () => {
  it("are the approved report versions, newest first, with the figures they froze", () => {
    const first = submit("report");
    decide(first.id, true);
    const second = submit("report");
    expect(publishedReports(t.db, { roundId: t.roundId() }).map((p) => p.version)).toEqual([1]);
    decide(second.id, true);
    const published = publishedReports(t.db, { roundId: t.roundId() });
    expect(published.map((p) => [p.version, p.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(published[0]!.asOf).toBe("2026-11-21");
    expect(published[0]!.measuresSentence).toMatch(/^共制定68项整改措施,目前已完成\d+项/);
  });
});
