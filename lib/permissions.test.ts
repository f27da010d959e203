import { describe, expect, it } from "vitest";
import { ROLES } from "./domain";
import { can, PERMISSIONS, refusalMessage, type Actor, type Ownership, type Permission } from "./permissions";

// Unit ids as in the Baoan demo: the district committee at the top, 区国资局 with its
// investment group below it, and 区教育局 as a sibling that 区国资局 must never reach.
const DISTRICT = 1;
const OFFICE_UNIT = 2;
const GUOZI = 17; // 区国资局
const GUOZI_GROUP = 29; // 深圳市宝安区投资管理集团有限公司, below 区国资局
const JIAOYU = 10; // 区教育局

// The superior office's reviewer is assigned round 5 of two.
const ASSIGNED_ROUND = 5;
const OTHER_ROUND = 6;

type ActorName = "office admin" | "office" | "leader" | "unit" | "reviewer" | "discipline";
const ACTORS: Record<ActorName, Pick<Actor, "role" | "isAdmin" | "unitScope" | "reviewRoundIds">> = {
  "office admin": { role: "office", isAdmin: true, unitScope: [OFFICE_UNIT], reviewRoundIds: [] },
  office: { role: "office", isAdmin: false, unitScope: [OFFICE_UNIT], reviewRoundIds: [] },
  leader: { role: "leader", isAdmin: false, unitScope: [DISTRICT], reviewRoundIds: [] },
  unit: { role: "unit", isAdmin: false, unitScope: [GUOZI, GUOZI_GROUP], reviewRoundIds: [] },
  reviewer: { role: "reviewer", isAdmin: false, unitScope: [DISTRICT + 100], reviewRoundIds: [ASSIGNED_ROUND] },
  discipline: { role: "discipline", isAdmin: false, unitScope: [DISTRICT + 200], reviewRoundIds: [] },
};

type TargetName = "no target" | "own unit" | "sub-unit" | "other unit" | "assigned round" | "other round";
const TARGETS: Record<TargetName, Ownership | undefined> = {
  "no target": undefined,
  "own unit": { unitIds: [GUOZI] },
  "sub-unit": { unitIds: [GUOZI_GROUP] },
  "other unit": { unitIds: [JIAOYU] },
  "assigned round": { unitIds: [JIAOYU], roundId: ASSIGNED_ROUND },
  "other round": { unitIds: [JIAOYU], roundId: OTHER_ROUND },
};

// What each kind of user may do, written from DOMAIN.md rather than copied from
// PERMISSIONS: Y = yes for every target, own = only without a target or for its own
// units, assigned = only without a target or in a round it reviews, N = never. The
// reviewer reads its rounds and writes only comments and decisions.
type Access = "Y" | "own" | "assigned" | "N";
const EXPECTED: Record<Permission, Record<ActorName, Access>> = {
  "round.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "plan.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "ledger.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "measure.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "own", reviewer: "assigned", discipline: "N" },
  "progress.report": { "office admin": "N", office: "N", leader: "N", unit: "own", reviewer: "N", discipline: "N" },
  "claim.review": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  // 申诉: a unit contests its own returns and overdue marks; the office alone decides.
  "appeal.submit": { "office admin": "N", office: "N", leader: "N", unit: "own", reviewer: "N", discipline: "N" },
  "appeal.decide": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "appeal.read": { "office admin": "Y", office: "Y", leader: "N", unit: "own", reviewer: "N", discipline: "N" },
  "notice.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "own", reviewer: "N", discipline: "N" },
  "notice.issue": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "notice.reply": { "office admin": "N", office: "N", leader: "N", unit: "own", reviewer: "N", discipline: "N" },
  "dashboard.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "report.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "audit.read": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "unit.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "own", reviewer: "N", discipline: "N" },
  "admin.manage": { "office admin": "Y", office: "N", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "lookback.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "notification.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "Y", reviewer: "Y", discipline: "Y" },
  "account.self": { "office admin": "Y", office: "Y", leader: "Y", unit: "Y", reviewer: "Y", discipline: "Y" },
  "submission.submit": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "submission.decide": { "office admin": "N", office: "N", leader: "N", unit: "N", reviewer: "assigned", discipline: "N" },
  "review.comment": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "assigned", discipline: "N" },
  "review.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  // 信访件、问题线索: the office's administrator and the discipline staff keep the register;
  // leaders read its counts only; units and reviewers never reach it.
  "clue.manage": { "office admin": "Y", office: "N", leader: "N", unit: "N", reviewer: "N", discipline: "Y" },
  "clue.summary": { "office admin": "Y", office: "N", leader: "Y", unit: "N", reviewer: "N", discipline: "Y" },
  "survey.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "survey.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "search.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "own", reviewer: "assigned", discipline: "N" },
  "archive.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "commonProblem.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "commonProblem.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "evaluation.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
  "evaluation.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  // 反弹回潮: earlier rounds' findings are read like rounds; only the office marks a repeat.
  "recurrence.read": { "office admin": "Y", office: "Y", leader: "Y", unit: "N", reviewer: "assigned", discipline: "N" },
  "recurrence.manage": { "office admin": "Y", office: "Y", leader: "N", unit: "N", reviewer: "N", discipline: "N" },
};

function allowed(access: Access, target: TargetName): boolean {
  if (access === "own") return target === "no target" || target === "own unit" || target === "sub-unit";
  if (access === "assigned") return target === "no target" || target === "assigned round";
  return access === "Y";
}

const cases = Object.entries(EXPECTED).flatMap(([permission, byActor]) =>
  Object.entries(byActor).flatMap(([actor, access]) =>
    (Object.keys(TARGETS) as TargetName[]).map(
      (target) => [actor as ActorName, permission as Permission, target, allowed(access, target)] as const,
    ),
  ),
);

describe("can", () => {
  it.each(cases)("%s × %s × %s → %s", (actor, permission, target, expected) => {
    expect(can(ACTORS[actor], permission, TARGETS[target])).toBe(expected);
  });

  it("lets a unit report on a measure it only co-owns (lead unit elsewhere)", () => {
    const measure = { unitIds: [JIAOYU, GUOZI_GROUP] };
    expect(can(ACTORS.unit, "progress.report", measure)).toBe(true);
    expect(can(ACTORS.unit, "measure.read", measure)).toBe(true);
  });

  it("refuses a unit a measure that has no units at all", () => {
    expect(can(ACTORS.unit, "measure.read", { unitIds: [] })).toBe(false);
  });

  it("gives admin.manage to office staff only, whatever the admin flag says", () => {
    expect(can({ ...ACTORS.leader, isAdmin: true }, "admin.manage")).toBe(false);
    expect(can({ ...ACTORS.unit, isAdmin: true }, "admin.manage")).toBe(false);
  });

  it("does not widen a sub-unit's scope to its parent", () => {
    const groupUser = { role: "unit" as const, isAdmin: false, unitScope: [GUOZI_GROUP] };
    expect(can(groupUser, "measure.read", { unitIds: [GUOZI] })).toBe(false);
    expect(can(groupUser, "measure.read", { unitIds: [GUOZI_GROUP] })).toBe(true);
  });
});

describe("PERMISSIONS", () => {
  it.each(Object.entries(PERMISSIONS))("%s has a valid scope for every role", (_, scopes) => {
    expect(Object.keys(scopes).sort()).toEqual([...ROLES].sort());
    for (const scope of Object.values(scopes)) expect(["all", "own", "assigned", "admin", "none"]).toContain(scope);
  });

  it("is exactly the set of permissions the expectations above describe", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe("an account still on its one-time password", () => {
  it("may change the password and nothing else, whatever its role", () => {
    for (const actor of Object.values(ACTORS)) {
      const pending = { ...actor, mustChangePassword: true };
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        expect(can(pending, permission), permission).toBe(permission === "account.self");
      }
    }
  });

  it("is told to change the password, not that it lacks the right", () => {
    expect(refusalMessage({ mustChangePassword: true })).toMatch(/^请先修改初始密码/);
    expect(refusalMessage({ mustChangePassword: false })).toBe("您没有执行此操作的权限");
  });
});
