import { db } from "@/db";
import { measureHistory } from "@/db/queries/audit-log";
import { auditReferenceNames } from "@/db/queries/audit-names";
import { getMeasureDetail } from "@/db/queries/measures";
import { actionLabel, auditChanges, auditObject, auditTime } from "@/lib/audit-format";
import { can } from "@/lib/permissions";
import { getActor } from "@/server/session";
import { AuditChanges } from "./audit-changes";

// Fields that only tie a row to its measure or count edits: noise in the measure's own history.
const HIDDEN_FIELDS = new Set(["measureId", "version", "reportId", "roundId", "problemId", "id"]);

/**
 * 整改历程: every audit row about a measure (its edits, sign-offs, reopenings, progress
 * reports, look-backs, notices) oldest first. Reads the actor itself so that a unit user
 * sees the history of its own measures only, whoever mounts it.
 */
export async function MeasureTimeline({ measureId }: { measureId: number }) {
  const actor = await getActor();
  const detail = actor ? getMeasureDetail(db, { id: measureId }) : undefined;
  if (!actor || !detail || !can(actor, "measure.read", detail.ownership)) return null;
  const entries = measureHistory(db, { measureId });
  const names = auditReferenceNames(db, entries);
  return (
    <section aria-labelledby="timeline-title" className="mt-8">
      <h2 id="timeline-title" className="mb-3 font-semibold">
        整改历程
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-gray-600">暂无记录。通过导入台账建立的措施,自导入之后的变更才会出现在这里。</p>
      ) : (
        <ol aria-label="整改历程" className="relative space-y-3 border-l border-gray-200 pl-5">
          {entries.map((entry) => {
            const changes = auditChanges(entry.before, entry.after, { hide: HIDDEN_FIELDS, names });
            return (
              <li key={entry.id} className="relative text-sm">
                <span aria-hidden className="absolute top-1.5 -left-[25px] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-600" />
                <p className="text-xs text-gray-500">
                  <time dateTime={entry.createdAt.toISOString()}>{auditTime(entry.createdAt)}</time> ·{" "}
                  {entry.actorName ?? (entry.actorId ? "已删除的用户" : "系统")}
                </p>
                <p className="mt-0.5 text-gray-900">
                  <span className="font-medium">{actionLabel(entry.action)}</span>
                  {entry.entity !== "measure" ? (
                    <span className="ml-1 text-xs text-gray-500">({auditObject(entry, names)})</span>
                  ) : null}
                </p>
                <div className="mt-1">
                  <AuditChanges changes={changes} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
