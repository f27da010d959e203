import { deadlineState } from "./deadline-state";
import { APPEAL_DECISION_LABELS, type AppealDecision, type AppealSubject, type DeadlineKind, type ReviewState, type Status } from "./domain";

// 申诉 (issue 16 item 5): when a responsible unit may contest a return or an overdue mark,
// and what a granted appeal writes. Pure, so the measure page (which offers the forms) and
// the write (which refuses) apply the same rules.

/** The claim a unit wants to contest, and where it stands among the measure's claims. */
export interface ReturnAppealSubject {
  isClaim: boolean;
  reviewState: ReviewState;
  /** No later claim exists on the measure: a new claim means the unit took the return and moved on. */
  isLatestClaim: boolean;
  /** An appeal against this return is already waiting for the office. */
  hasOpenAppeal: boolean;
  /** The office already decided an appeal against this claim. */
  appealedBefore: boolean;
}

/** Why this return cannot be appealed, or null when it can. */
export function returnAppealRefusal(claim: ReturnAppealSubject): string | null {
  if (!claim.isClaim || claim.reviewState !== "returned") return "只能对被退回的申报提出申诉";
  if (!claim.isLatestClaim) return "该措施此后已重新申报,不能再对之前的退回提出申诉";
  if (claim.hasOpenAppeal) return "已对该退回提出申诉,请等待整改办处理";
  // One appeal per claim: a decision is final, and a claim returned again after a granted
  // appeal was looked at twice. The way on is to answer the return with a new claim.
  if (claim.appealedBefore) return "该申报已申诉过一次,不能再次申诉;请按退回理由补充后重新申报";
  return null;
}

/** The measure whose overdue mark a unit wants to contest. */
export interface OverdueAppealSubject {
  deadline: string | null;
  status: Status;
  today: string;
  /** An appeal against this measure's overdue mark is already waiting for the office. */
  hasOpenAppeal: boolean;
  /** The office already decided an appeal against being overdue on this same deadline. */
  appealedBefore: boolean;
}

/** Why this measure's overdue mark cannot be appealed, or null when it can. */
export function overdueAppealRefusal(measure: OverdueAppealSubject): string | null {
  // dueSoonDays plays no part in whether a measure is overdue.
  const { state } = deadlineState({ deadline: measure.deadline, status: measure.status, today: measure.today, dueSoonDays: 0 });
  if (state !== "overdue") return "该措施未逾期,无需对逾期提出申诉";
  if (measure.hasOpenAppeal) return "已对该措施的逾期提出申诉,请等待整改办处理";
  // A decided appeal settles this deadline; a new deadline (an extension, a plan edit) may be appealed anew.
  if (measure.appealedBefore) return "对该完成时限的逾期已申诉过一次,不能再次申诉";
  return null;
}

/**
 * Why the office's new deadline for a granted overdue appeal (延期) is refused, or null. It
 * must lie after today: a deadline of today or earlier would leave the measure overdue (or
 * overdue again tomorrow) and the appeal granted in name only.
 */
export function newDeadlineRefusal(newDeadline: string | null, today: string): string | null {
  if (!newDeadline) return "申诉成立时须填写延期后的完成时限";
  if (newDeadline <= today) return "延期后的完成时限须晚于今天";
  return null;
}

/**
 * The 完成时限 a granted overdue appeal writes: the new date in the office's own wording,
 * keeping "并长期坚持" for a measure that goes on after its date. lib/deadline-parse reads it
 * back to the same date and kind, so editing the measure later needs no re-typing.
 */
export function extendedDeadline(newDeadline: string, kind: DeadlineKind): { deadline: string; deadlineKind: DeadlineKind; deadlineText: string } {
  const [year, month, day] = newDeadline.split("-").map(Number);
  const ongoing = kind === "ongoing";
  return {
    deadline: newDeadline,
    deadlineKind: ongoing ? "ongoing" : "date",
    deadlineText: `${year}年${month}月${day}日${ongoing ? ",并长期坚持" : ""}`,
  };
}

/** What a decision did, as the office is told after deciding. */
export function decisionOutcome(appeal: { decision: AppealDecision; subject: AppealSubject; newDeadline: string | null }): string {
  const effect =
    appeal.decision === "rejected"
      ? "其他内容不变"
      : appeal.subject === "return"
        ? "该申报已恢复为待审核,可在审核中销号"
        : `完成时限已延至 ${appeal.newDeadline}`;
  return `已处理:${APPEAL_DECISION_LABELS[appeal.decision]},${effect}。已通知申诉单位`;
}
