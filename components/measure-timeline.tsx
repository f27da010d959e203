import { db } from "@/db";
import { measureHistory } from "@/db/queries/audit-log";
import { auditReferenceNames } from "@/db/queries/audit-names";
import { escalationHistory, type EscalationHistoryEntry } from "@/db/queries/escalation";
import { getMeasureDetail } from "@/db/queries/measures";
import { draftsOfMeasure } from "@/db/queries/notice-drafts";
import { actionLabel, auditChanges, auditObject, auditTime } from "@/lib/audit-format";
import { ESCALATION_STEP_LABELS } from "@/lib/domain";
import { lateness, recipientLine } from "@/lib/escalation-messages";
import { noticeNumber } from "@/lib/notice";
import { can } from "@/lib/permissions";
import { getActor } from "@/server/session";
import { AuditChanges } from "./audit-changes";

// Fields that only tie a row to its measure or count edits: noise in the measure's own history.
const HIDDEN_FIELDS = new Set(["measureId", "version", "reportId", "roundId", "problemId", "id"]);

type Entry =
  | { kind: "audit"; at: Date; row: ReturnType<typeof measureHistory>[number] }
  | { kind: "escalation"; at: Date; step: EscalationHistoryEntry };

/**
 * 整改历程: every audit row about a measure (its edits, sign-offs, reopenings, progress
 * reports, look-backs, notices) and every step of the escalation ladder it reached, oldest
 * first. Reads the actor itself so that a unit user sees the history of its own measures
 * only, whoever mounts it.
 */
export async function MeasureTimeline({ measureId }: { measureId: number }) {
  const actor = await getActor();
  const detail = actor ? getMeasureDetail(db, { id: measureId }) : undefined;
  if (!actor || !detail || !can(actor, "measure.read", detail.ownership)) return null;
  const rows = measureHistory(db, { measureId });
  const names = auditReferenceNames(db, rows);
  // Drafts are the office's business until issued; the unit sees the notice itself.
  const drafts = can(actor, "notice.issue") ? draftsOfMeasure(db, { measureId }) : null;
  const steps = escalationHistory(db, { measureId });
  // A draft belongs to the latest climb to the top (an earlier deadline's may have had its own).
  const lastTop = steps.findLast((s) => s.step === "lead_leader")?.id;
  const entries: Entry[] = [
    ...rows.map((row): Entry => ({ kind: "audit", at: row.createdAt, row })),
    ...steps.map((step): Entry => ({ kind: "escalation", at: step.createdAt, step })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <section aria-labelledby="timeline-title" className="mt-8">
      <h2 id="timeline-title" className="mb-3 font-semibold">
        整改历程
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-gray-600">暂无记录。通过导入台账建立的措施,自导入之后的变更才会出现在这里。</p>
      ) : (
        <ol aria-label="整改历程" className="relative space-y-3 border-l border-gray-200 pl-5">
          {entries.map((entry) =>
            entry.kind === "audit" ? (
              <AuditEntry key={`a${entry.row.id}`} row={entry.row} names={names} />
            ) : (
              <EscalationEntry key={`e${entry.step.id}`} step={entry.step} drafts={entry.step.id === lastTop ? drafts : null} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function Dot({ tone = "bg-brand-600" }: { tone?: string }) {
  return <span aria-hidden className={`absolute top-1.5 -left-[25px] h-2.5 w-2.5 rounded-full border-2 border-white ${tone}`} />;
}

function AuditEntry({ row, names }: { row: ReturnType<typeof measureHistory>[number]; names: ReturnType<typeof auditReferenceNames> }) {
  const changes = auditChanges(row.before, row.after, { hide: HIDDEN_FIELDS, names });
  return (
    <li className="relative text-sm">
      <Dot />
      <p className="text-xs text-gray-500">
        <time dateTime={row.createdAt.toISOString()}>{auditTime(row.createdAt)}</time> · {row.actorName ?? (row.actorId ? "已删除的用户" : "系统")}
      </p>
      <p className="mt-0.5 text-gray-900">
        <span className="font-medium">{actionLabel(row.action)}</span>
        {row.entity !== "measure" ? <span className="ml-1 text-xs text-gray-500">({auditObject(row, names)})</span> : null}
      </p>
      <div className="mt-1">
        <AuditChanges changes={changes} />
      </div>
    </li>
  );
}

function EscalationEntry({ step, drafts }: { step: EscalationHistoryEntry; drafts: ReturnType<typeof draftsOfMeasure> | null }) {
  const draft = drafts?.[0];
  return (
    <li className="relative text-sm">
      <Dot tone={step.daysLeft < 0 ? "bg-red-600" : "bg-amber-500"} />
      <p className="text-xs text-gray-500">
        <time dateTime={step.createdAt.toISOString()}>{auditTime(step.createdAt)}</time> · 系统(每日提醒任务,{step.reachedOn})
      </p>
      <p className="mt-0.5 text-gray-900">
        <span className="font-medium">{ESCALATION_STEP_LABELS[step.step]}</span>
        <span className="ml-1 text-xs text-gray-500">(完成时限 {step.deadline},{lateness(step.daysLeft)})</span>
      </p>
      <ul aria-label="本级预警告知" className="mt-1 space-y-0.5 text-xs text-gray-700">
        {step.recipients.map((r) => (
          <li key={r.id}>{recipientLine(r)}</li>
        ))}
        {draft ? (
          <li>
            督办单草稿:
            {draft.state === "pending" ? "已起草,待整改办确认发出" : draft.state === "issued" && draft.year !== null && draft.sequence !== null ? `已确认发出 ${noticeNumber({ year: draft.year, sequence: draft.sequence })}` : "整改办决定不发出"}
          </li>
        ) : null}
      </ul>
    </li>
  );
}
