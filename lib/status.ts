import type { Status } from "./domain";

// The roll-up rules every public report uses (DOMAIN.md §5). Inputs are official
// statuses, i.e. what the office signed off; an unverified claim never reaches here.

/**
 * A measure's official status as sign-off leaves it: the latest claim the office signed off.
 * Pending and returned claims do not count, however recent; plain progress updates are not
 * claims. (A relapse at look-back reopens a measure without a report; the stored status
 * is the record, this is the rule sign-off follows.)
 */
export function officialStatus(
  reports: readonly {
    claimedStatus: Status;
    isClaim: boolean;
    reviewState: "pending" | "signed_off" | "returned";
    reviewedAt: Date | null;
    id: number;
  }[],
): Status {
  let latest: (typeof reports)[number] | undefined;
  for (const report of reports) {
    if (!report.isClaim || report.reviewState !== "signed_off") continue;
    const newer =
      !latest ||
      (report.reviewedAt?.getTime() ?? 0) > (latest.reviewedAt?.getTime() ?? 0) ||
      ((report.reviewedAt?.getTime() ?? 0) === (latest.reviewedAt?.getTime() ?? 0) && report.id > latest.id);
    if (newer) latest = report;
  }
  return latest?.claimedStatus ?? "incomplete";
}

/** A problem is 已完成 when all its measures are, 基本完成 when all are at least that. */
export function problemStatus(measureStatuses: readonly Status[]): Status {
  if (measureStatuses.length === 0) return "incomplete";
  if (measureStatuses.every((s) => s === "completed")) return "completed";
  if (measureStatuses.every((s) => s !== "incomplete")) return "basically_completed";
  return "incomplete";
}

export interface StatusCounts {
  total: number;
  completed: number;
  basicallyCompleted: number;
  incomplete: number;
}

export function countStatuses(statuses: readonly Status[]): StatusCounts {
  const counts: StatusCounts = { total: 0, completed: 0, basicallyCompleted: 0, incomplete: 0 };
  for (const status of statuses) {
    counts.total += 1;
    if (status === "completed") counts.completed += 1;
    else if (status === "basically_completed") counts.basicallyCompleted += 1;
    else counts.incomplete += 1;
  }
  return counts;
}

/** "反馈的17个问题,目前已完成3个、基本完成2个、未完成12个" — the sentence reports open with. */
export function countsSentence(noun: string, counts: StatusCounts, classifier = "个"): string {
  const c = classifier;
  return `${counts.total}${c}${noun},目前已完成${counts.completed}${c}、基本完成${counts.basicallyCompleted}${c}、未完成${counts.incomplete}${c}`;
}

/** Counts from `group by status` rows. */
export function tallyStatuses(rows: readonly { status: Status; n: number }[]): StatusCounts {
  const counts: StatusCounts = { total: 0, completed: 0, basicallyCompleted: 0, incomplete: 0 };
  for (const { status, n } of rows) {
    counts.total += n;
    if (status === "completed") counts.completed += n;
    else if (status === "basically_completed") counts.basicallyCompleted += n;
    else counts.incomplete += n;
  }
  return counts;
}
