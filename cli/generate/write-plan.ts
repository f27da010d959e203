import { isoOf } from "@/cli/generate/dates";
import type { GeneratedPlan } from "@/cli/generate/plan";
import type { Random } from "@/cli/generate/random";
import type { ScaleName } from "@/cli/generate/scales";
import type { GeneratedUnit, GeneratedUser } from "@/cli/generate/units";
import { json, type Writer } from "@/cli/generate/writer";

// Units, accounts, rounds and their plans, with the audit rows the app writes for them:
// user.create per account, round.create per round and one round.seed_demo naming the
// generator as the source of the plan (as `npm run db:seed` does for the demo).

export function writePlan(params: {
  writer: Writer;
  random: Random;
  plan: GeneratedPlan;
  users: GeneratedUser[];
  units: GeneratedUnit[];
  passwordHash: string;
  setUpAt: number;
  scale: ScaleName;
}): void {
  const { writer, random, plan, setUpAt } = params;
  for (const u of params.units) writer.unit(u.id, u.name, u.kind, u.parentId, setUpAt, setUpAt);
  for (const u of params.users) {
    writer.user(u.id, u.name, `${u.username}@users.rectify.local`, 0, u.username, u.username, u.role, u.unitId, u.isAdmin ? 1 : 0, 0, setUpAt, setUpAt);
    // better-auth's credential account, holding the (shared) scrypt hash.
    writer.account(random.uuid(), u.id, "credential", u.id, params.passwordHash, setUpAt, setUpAt);
    const view = { id: u.id, username: u.username, name: u.name, role: u.role, unitId: u.unitId, isAdmin: u.isAdmin, disabled: false };
    writer.audit(null, "user.create", "user", u.id, null, json(view), setUpAt);
  }
  const officeId = params.users[0]!.id;

  const aspectsOf = new Map<number, typeof plan.aspects>();
  for (const a of plan.aspects) aspectsOf.set(a.roundId, [...(aspectsOf.get(a.roundId) ?? []), a]);
  for (const r of plan.rounds) {
    const archivedAt = r.archived ? r.createdAt + 400 * 86_400_000 : null;
    writer.round(r.id, r.name, r.kind, r.inspectingBody, r.inspectedBody, r.inspectedUnitId, r.inspectionStart, r.inspectionEnd, isoOf(r.feedbackDay), r.deadline, 7, r.reportCycle, 5, archivedAt, r.createdAt, archivedAt ?? r.createdAt);
    writer.audit(officeId, "round.create", "round", String(r.id), null, json({ id: r.id, name: r.name, kind: r.kind, feedbackDate: isoOf(r.feedbackDay) }), r.createdAt);
    writer.audit(officeId, "round.seed_demo", "round", String(r.id), null, json({ name: r.name, source: `npm run cli -- generate --scale ${params.scale}` }), r.createdAt + 1000);
    if (archivedAt) writer.audit(officeId, "round.archive", "round", String(r.id), json({ archivedAt: null }), json({ archivedAt }), archivedAt);
    for (const a of aspectsOf.get(r.id) ?? []) writer.aspect(a.id, a.roundId, a.position, a.name, r.createdAt, r.createdAt);
  }
  const roundCreated = new Map(plan.rounds.map((r) => [r.id, r.createdAt]));
  for (const p of plan.problems) {
    const at = roundCreated.get(p.roundId)!;
    writer.problem(p.id, p.roundId, p.aspectId, p.number, p.title, p.description, p.leadLeader, p.leadUnitId, p.status, at, at);
  }
  for (const m of plan.measures) {
    const updatedAt = m.doneDay === null ? m.createdAt : Math.max(m.createdAt, m.doneDay * 86_400_000);
    const version = 1 + m.signedOff.length;
    writer.measure(m.id, m.roundId, m.problemId, m.position, m.text, m.goal, m.leadUnitId, m.deadline === null ? null : isoOf(m.deadline), m.deadlineKind, m.deadlineText, m.category, m.status, version, m.createdAt, updatedAt);
    for (const unitId of m.coUnitIds) writer.coUnit(m.id, unitId);
  }
}
