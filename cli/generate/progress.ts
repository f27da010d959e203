import type { Status } from "@/lib/domain";
import { isoOf, officeTime } from "@/cli/generate/dates";
import { EVIDENCE_SAMPLES } from "@/cli/generate/evidence-samples";
import type { GeneratedMeasure } from "@/cli/generate/plan";
import { apportion, type Random } from "@/cli/generate/random";
import { RETURN_REASONS, type TextPools } from "@/cli/generate/texts";
import { json, type Writer } from "@/cli/generate/writer";

// 整改动态: weekly-ish progress reports over each measure's active life, ending — for a
// measure the office signed off — in the claim it signed off (with evidence, the audit rows
// of the claim and of the sign-off, which the dashboard's burn-up reads). Some claims were
// returned first; some measures have a claim still waiting in the review queue.

const RETURNED_SHARE = 0.1;
const PENDING_SHARE = 0.05;
const CO_UNIT_REPORT_SHARE = 0.25;

/** Reports per measure: proportional to how long it has been worked on, at least one. */
export function reportCounts(random: Random, measures: readonly GeneratedMeasure[], total: number, today: number): number[] {
  const weights = measures.map((m) => Math.max(1, ((m.doneDay ?? today) - m.feedbackDay) / 7) * (0.5 + random.next()));
  const counts = apportion(total, weights, 1, Math.max(2, Math.ceil((total / measures.length) * 20)));
  // A measure signed off twice needs a report for each claim.
  measures.forEach((m, i) => {
    if (counts[i]! < 2 && m.signedOff.length > 1) m.signedOff = [m.signedOff.at(-1)!];
  });
  return counts;
}

export interface ProgressContext {
  random: Random;
  writer: Writer;
  texts: TextPools;
  today: number;
  /** Users of each unit: a unit's reports are written by one of them. */
  unitUsers: Map<number, string[]>;
  /** Office accounts that review claims. */
  reviewers: string[];
  archivedRounds: Set<number>;
}

export interface ProgressTally {
  reports: number;
  claims: number;
  pendingClaims: number;
  evidence: number;
  audit: number;
}

type Claim = { claimed: Exclude<Status, "incomplete">; verdict: "signed_off" | "returned" | "pending" };

/** Which of a measure's k reports are claims: the last is the final sign-off (or the pending claim). */
function claimsOf(random: Random, m: GeneratedMeasure, k: number, pending: boolean): Map<number, Claim> {
  const claims = new Map<number, Claim>();
  if (m.signedOff.length > 0) {
    claims.set(k - 1, { claimed: m.signedOff.at(-1)!, verdict: "signed_off" });
    if (m.signedOff.length === 2) {
      const at = Math.min(k - 2, Math.floor(((k - 1) * 2) / 3));
      claims.set(at, { claimed: m.signedOff[0]!, verdict: "signed_off" });
    }
    if (k >= 3 && !claims.has(k - 2) && random.chance(RETURNED_SHARE)) claims.set(k - 2, { claimed: m.signedOff.at(-1)!, verdict: "returned" });
  } else if (pending) {
    claims.set(k - 1, { claimed: random.chance(0.6) ? "basically_completed" : "completed", verdict: "pending" });
  }
  return claims;
}

export function writeProgress(ctx: ProgressContext, measures: readonly GeneratedMeasure[], counts: readonly number[]): ProgressTally {
  const { random, writer } = ctx;
  const tally: ProgressTally = { reports: 0, claims: 0, pendingClaims: 0, evidence: 0, audit: 0 };
  let reportId = 0;
  const authorOf = (unitId: number) => {
    const users = ctx.unitUsers.get(unitId);
    return users ? random.pick(users) : random.pick(ctx.reviewers);
  };

  measures.forEach((m, index) => {
    const k = counts[index]!;
    const end = m.doneDay ?? ctx.today - random.int(0, 6);
    const start = Math.min(end, m.feedbackDay + 7);
    const pending = m.status === "incomplete" && !ctx.archivedRounds.has(m.roundId) && random.chance(PENDING_SHARE);
    const claims = claimsOf(random, m, k, pending);
    let official: Status = "incomplete";
    let version = 1;
    for (let j = 0; j < k; j++) {
      const day = start + Math.floor((j * (end - start)) / Math.max(1, k - 1));
      const reportDate = isoOf(day);
      const createdAt = officeTime(day, random.int(0, 540));
      const claim = claims.get(j);
      const id = ++reportId;
      tally.reports++;
      tally.audit++;
      if (!claim) {
        // Updates need no verdict; a co-unit's report carries the measure's current status.
        const byCo = m.coUnitIds.length > 0 && random.chance(CO_UNIT_REPORT_SHARE);
        const unitId = byCo ? random.pick(m.coUnitIds) : m.leadUnitId;
        const author = authorOf(unitId);
        const percent = Math.round(10 + (80 * j) / Math.max(1, k - 1));
        writer.progress(id, m.id, unitId, author, reportDate, random.pick(ctx.texts.progress), percent, null, official, 0, "signed_off", null, null, null, createdAt);
        writer.audit(author, "progress.create", "progress_report", String(id), null, json({ id, measureId: m.id, unitId, reportDate, claimedStatus: official, isClaim: false, percent }), createdAt);
        continue;
      }
      const author = authorOf(m.leadUnitId);
      const reviewer = claim.verdict === "pending" ? null : random.pick(ctx.reviewers);
      const reviewedAt = reviewer ? officeTime(Math.min(ctx.today, day + random.int(1, 4)), random.int(0, 540)) : null;
      const note = claim.verdict === "returned" ? random.pick(RETURN_REASONS) : null;
      const percent = claim.claimed === "completed" ? 100 : 90;
      writer.progress(id, m.id, m.leadUnitId, author, reportDate, random.pick(ctx.texts.progress), percent, null, claim.claimed, 1, claim.verdict, reviewer, note, reviewedAt, createdAt);
      const file = EVIDENCE_SAMPLES[random.int(0, EVIDENCE_SAMPLES.length - 1)]!;
      writer.evidence(id, file.fileName, file.mimeType, file.size, file.sha256, file.storedPath, createdAt);
      const evidence = [{ fileName: file.fileName, sha256: file.sha256, size: file.size }];
      writer.audit(author, "progress.claim", "progress_report", String(id), null, json({ id, measureId: m.id, unitId: m.leadUnitId, reportDate, claimedStatus: claim.claimed, isClaim: true, reviewState: "pending", evidence }), createdAt);
      tally.claims++;
      tally.evidence++;
      if (claim.verdict === "signed_off") {
        writer.audit(reviewer, "measure.sign_off", "measure", String(m.id), json({ status: official, version }), json({ status: claim.claimed, version: version + 1, reason: null, reportId: id, lookBackId: null }), reviewedAt);
        official = claim.claimed;
        version++;
        tally.audit++;
      } else if (claim.verdict === "returned") {
        writer.audit(reviewer, "claim.return", "progress_report", String(id), json({ reviewState: "pending" }), json({ reviewState: "returned", reviewNote: note, measureId: m.id }), reviewedAt);
        tally.audit++;
      } else tally.pendingClaims++;
    }
  });
  return tally;
}
