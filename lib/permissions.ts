import type { Role } from "./domain";

// The one place that says who may do what. Pages, server actions and API routes ask
// `can()`; queries then filter rows by `actor.unitScope` for "own" permissions, so a
// responsible unit can neither see nor touch another unit's rows even by hand-made requests.

export type Scope =
  | "all" // everything of every round
  | "own" // only what the actor's unit (or a unit below it) answers for
  | "assigned" // only the rounds the actor reviews (a superior office's reviewer)
  | "admin" // office staff with the admin flag
  | "none";

export const PERMISSIONS = {
  "round.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  "plan.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "ledger.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  "measure.read": { office: "all", leader: "all", unit: "own", reviewer: "assigned", discipline: "none" },
  "progress.report": { office: "none", leader: "none", unit: "own", reviewer: "none", discipline: "none" },
  "claim.review": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  // 申诉: the lead unit contests a return or an overdue mark of its own measures; the office
  // decides. The list of appeals is a work queue, not a leader's or a reviewer's view: they
  // read appeals on the measure's page and history, as they read any measure they may see.
  "appeal.submit": { office: "none", leader: "none", unit: "own", reviewer: "none", discipline: "none" },
  "appeal.decide": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "appeal.read": { office: "all", leader: "none", unit: "own", reviewer: "none", discipline: "none" },
  "notice.read": { office: "all", leader: "all", unit: "own", reviewer: "none", discipline: "none" },
  "notice.issue": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "notice.reply": { office: "none", leader: "none", unit: "own", reviewer: "none", discipline: "none" },
  "dashboard.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  "report.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "audit.read": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "lookback.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "notification.read": { office: "all", leader: "all", unit: "all", reviewer: "all", discipline: "all" },
  "unit.read": { office: "all", leader: "all", unit: "own", reviewer: "none", discipline: "none" },
  "admin.manage": { office: "admin", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "account.self": { office: "all", leader: "all", unit: "all", reviewer: "all", discipline: "all" },
  // 整改成效评估: the office schedules, grades and gives red cards; leaders and the round's reviewer read the results.
  // A unit learns of a red card on its measure (reopened, notified), not of others' scores.
  "evaluation.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "evaluation.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  // The chain above the office: the office submits, the reviewer decides; both discuss.
  "submission.submit": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "submission.decide": { office: "none", leader: "none", unit: "none", reviewer: "assigned", discipline: "none" },
  "review.comment": { office: "all", leader: "none", unit: "none", reviewer: "assigned", discipline: "none" },
  "review.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  // 信访件、问题线索 handed over by the inspection team are sensitive (DOMAIN.md): only the
  // office's administrator and the discipline staff keep the register; leaders read its
  // counts, never an item; units and the superior office's reviewers see nothing of it.
  "clue.manage": { office: "admin", leader: "none", unit: "none", reviewer: "none", discipline: "all" },
  "clue.summary": { office: "admin", leader: "all", unit: "none", reviewer: "none", discipline: "all" },
  // 群众满意度测评: the office runs a round's public survey; whoever reads the round reads its
  // results. The public answers without an account (app/survey, outside every permission).
  "survey.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "survey.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  // 全文检索 across rounds: each finds what it could open — the office and leaders every round,
  // a reviewer its assigned rounds, a unit only what it answers for. The discipline staff
  // keep the clue register, which the search does not cover.
  "search.read": { office: "all", leader: "all", unit: "own", reviewer: "assigned", discipline: "none" },
  // 反弹回潮: similar problems of earlier rounds are read by whoever reads rounds (a reviewer
  // only among the rounds it is assigned); a unit sees its own measures, not other rounds'
  // findings. The office alone marks a problem as a repeat.
  "recurrence.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
  "recurrence.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  // 整改资料归档: the office files a closed round's whole record. The package holds every
  // unit's evidence and the full audit trail, so only the office builds, downloads or checks it.
  "archive.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  // 共性问题: the office groups problems across rounds and hands them to a department for
  // 专项治理; leaders read them, a reviewer those whose 专项治理 round it reviews. A unit
  // sees only the 专项治理 measures it answers for, in 我的任务, as any measure of its own.
  "commonProblem.manage": { office: "all", leader: "none", unit: "none", reviewer: "none", discipline: "none" },
  "commonProblem.read": { office: "all", leader: "all", unit: "none", reviewer: "assigned", discipline: "none" },
} as const satisfies Record<string, Record<Role, Scope>>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  id: string;
  name: string;
  username: string;
  role: Role;
  unitId: number;
  unitName: string;
  isAdmin: boolean;
  /** Signed in with a one-time password: nothing but changing it is allowed yet. */
  mustChangePassword?: boolean;
  /** The actor's unit and every unit below it. */
  unitScope: readonly number[];
  /** The rounds a reviewer is assigned to; empty for everyone else. */
  reviewRoundIds: readonly number[];
}

/** Whom a piece of data belongs to: a measure's lead and co-responsible units, its round. */
export interface Ownership {
  unitIds: readonly number[];
  roundId?: number;
}

export function scopeOf(actor: Pick<Actor, "role">, permission: Permission): Scope {
  return PERMISSIONS[permission][actor.role];
}

/** Why `can` said no, in words the user can act on. */
export function refusalMessage(actor: Pick<Actor, "mustChangePassword">): string {
  return actor.mustChangePassword ? "请先修改初始密码:打开“修改密码”设置自己的密码后再操作" : "您没有执行此操作的权限";
}

/**
 * May `actor` do `permission`? Without `target` this answers "at all" (for "own" scopes
 * the caller must then filter by `actor.unitScope`); with a target it answers for that item.
 */
export function can(
  actor: Pick<Actor, "role" | "isAdmin" | "unitScope" | "mustChangePassword"> & Partial<Pick<Actor, "reviewRoundIds">>,
  permission: Permission,
  target?: Ownership,
): boolean {
  // A one-time password (organisation import, new account) opens only the password change:
  // whoever read it off a distribution sheet cannot act as the user with it.
  if (actor.mustChangePassword && permission !== "account.self") return false;
  const scope = scopeOf(actor, permission);
  switch (scope) {
    case "all":
      return true;
    case "admin":
      return actor.role === "office" && actor.isAdmin;
    case "own":
      return target === undefined || target.unitIds.some((id) => actor.unitScope.includes(id));
    case "assigned":
      return target === undefined || (target.roundId !== undefined && (actor.reviewRoundIds ?? []).includes(target.roundId));
    case "none":
      return false;
  }
}

/**
 * May `actor` open round `roundId` under `permission`? For a reviewer only an assigned
 * round; for everyone else whatever `can` says of the permission at all.
 */
export function canOpenRound(
  actor: Pick<Actor, "role" | "isAdmin" | "unitScope" | "mustChangePassword"> & Partial<Pick<Actor, "reviewRoundIds">>,
  permission: Permission,
  roundId: number,
): boolean {
  return scopeOf(actor, permission) === "assigned" ? can(actor, permission, { unitIds: [], roundId }) : can(actor, permission);
}

/** `rounds` without those `actor` may not see under `permission` (a reviewer's unassigned ones). */
export function onlyVisibleRounds<T extends { id: number }>(
  actor: Pick<Actor, "role"> & Partial<Pick<Actor, "reviewRoundIds">>,
  permission: Permission,
  rounds: readonly T[],
): T[] {
  const visible = visibleRoundIds(actor, permission);
  return visible === null ? [...rounds] : rounds.filter((r) => visible.includes(r.id));
}

/** The rounds whose rows `actor` may see under `permission`: null means every round. */
export function visibleRoundIds(actor: Pick<Actor, "role"> & Partial<Pick<Actor, "reviewRoundIds">>, permission: Permission): readonly number[] | null {
  const scope = scopeOf(actor, permission);
  if (scope === "assigned") return actor.reviewRoundIds ?? [];
  return scope === "none" ? [] : null;
}

/**
 * The units whose rows `actor` may see or touch under `permission`, for a query's
 * `where unit_id in (…)`: null means every unit, an empty list none.
 */
export function visibleUnitIds(actor: Pick<Actor, "role" | "isAdmin" | "unitScope">, permission: Permission): readonly number[] | null {
  switch (scopeOf(actor, permission)) {
    case "all":
      return null;
    case "admin":
      return actor.role === "office" && actor.isAdmin ? null : [];
    case "own":
      return actor.unitScope;
    // A reviewer sees whole rounds, not units: the caller filters by visibleRoundIds.
    case "assigned":
      return null;
    case "none":
      return [];
  }
}

/** The responsibility a measure assigns: its 牵头单位 and every unit answering for it. */
export interface MeasureResponsibility {
  leadUnitId: number | null;
  unitIds: readonly number[];
}

/**
 * For whom a unit user reports on a measure, and whether the report may claim 基本完成 or
 * 已完成: only the lead unit (or a unit above it) answers for completion; a co-responsible
 * unit reports its part of the work. Null when the actor answers for none of its units.
 */
export function reportingFor(
  actor: Pick<Actor, "unitScope">,
  measure: MeasureResponsibility,
): { unitId: number; mayClaim: boolean } | null {
  if (measure.leadUnitId !== null && actor.unitScope.includes(measure.leadUnitId)) return { unitId: measure.leadUnitId, mayClaim: true };
  const unitId = measure.unitIds.find((id) => actor.unitScope.includes(id));
  return unitId === undefined ? null : { unitId, mayClaim: false };
}
