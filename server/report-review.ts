import "server-only";
import { db } from "@/db";
import { reportVersion } from "@/db/queries/report-versions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { roundToReview, submitVersion } from "./submissions";

// Report review and publication (通报审核与发布): the office submits the 通报 as generated
// now — its text, its figures and the ledger rows they come from, frozen together — and
// the reviewer's approval publishes exactly that version. Later changes to the ledger do
// not touch it; a newer approved version supersedes it, nothing edits it.

export function submitReport(actor: Actor, input: { roundId: number; note: string; today: string }) {
  return db.transaction((tx) => {
    const round = roundToReview(tx, actor, "submission.submit", input.roundId);
    const content = reportVersion(tx, { roundId: round.id, today: input.today });
    if (!content || content.rows.length === 0) throw new AppError("VALIDATION", "本轮还没有整改措施,不能报送通报");
    return submitVersion(tx, actor, round, "report", content, input.note);
  });
}
