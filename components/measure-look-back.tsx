import { db } from "@/db";
import { institutionsForMeasure, lookBackChecks } from "@/db/queries/institutions";
import { listMeasureLookBacks } from "@/db/queries/look-backs";
import { getMeasureDetail } from "@/db/queries/measures";
import { auditTime } from "@/lib/audit-format";
import { todayISO } from "@/lib/deadline-state";
import { INSTITUTION_APPLIED_LABELS, LOOK_BACK_RESULT_LABELS } from "@/lib/domain";
import { can, type Actor } from "@/lib/permissions";
import { lookBackRefusal } from "@/lib/validations/look-back";
import { MeasureLookBackForms } from "./look-back-forms";

/**
 * 回头看 on a measure's page: its look-backs, and for the office the form to schedule the
 * next one or record the pending one. It checks visibility itself rather than trusting the
 * page that mounts it, so it shows nothing of a measure the actor may not read.
 */
export function MeasureLookBack({ measureId, actor }: { measureId: number; actor: Actor }) {
  const detail = getMeasureDetail(db, { id: measureId });
  if (!detail || !can(actor, "measure.read", detail.ownership)) return null;
  const lookBacks = listMeasureLookBacks(db, { measureId });
  const manage = can(actor, "lookback.manage");
  const pending = lookBacks.find((l) => l.result === null) ?? null;
  const today = todayISO();
  if (lookBacks.length === 0 && !manage) return null;
  const checks = lookBackChecks(db, { lookBackIds: lookBacks.map((l) => l.id) });
  return (
    <section aria-labelledby="look-back-title" className="mt-8">
      <h2 id="look-back-title" className="mb-3 font-semibold">
        回头看
      </h2>
      {lookBacks.length === 0 ? (
        <p className="mb-3 text-sm text-gray-600">尚未安排回头看。</p>
      ) : (
        <ol className="mb-4 space-y-2">
          {lookBacks.map((l) => (
            <li key={l.id} className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{l.scheduledDate}</span>
                <ResultBadge result={l.result} due={l.result === null && l.scheduledDate <= today} />
                {l.checkedAt ? (
                  <span className="text-xs text-gray-500">
                    {l.checkerName ?? "—"} 于 {auditTime(l.checkedAt)} 记录
                  </span>
                ) : null}
              </p>
              {l.note ? <p className="mt-1 whitespace-pre-wrap text-gray-700">{l.note}</p> : null}
              <CheckList checks={checks.filter((c) => c.lookBackId === l.id)} />
            </li>
          ))}
        </ol>
      )}
      {manage ? (
        <div className="no-print rounded-lg border border-gray-200 bg-white p-4">
          <MeasureLookBackForms
            measureId={measureId}
            today={today}
            pendingLookBackId={pending?.id ?? null}
            refusal={lookBackRefusal(detail.measure)}
            institutions={pending ? institutionsForMeasure(db, { measureId }) : []}
          />
        </div>
      ) : null}
    </section>
  );
}

/** What a look-back answered about each rule: 执行到位 / 部分执行 / 未执行, with its note. */
function CheckList({ checks }: { checks: ReturnType<typeof lookBackChecks> }) {
  if (checks.length === 0) return null;
  return (
    <ul aria-label="制度执行情况" className="mt-2 space-y-0.5 border-t border-gray-100 pt-2 text-xs text-gray-700">
      {checks.map((c) => (
        <li key={c.institutionId}>
          《{c.title}》:
          <span className={c.applied === "not_applied" ? "font-medium text-red-700" : c.applied === "partly" ? "text-amber-800" : "text-green-800"}>
            {INSTITUTION_APPLIED_LABELS[c.applied]}
          </span>
          {c.note ? `(${c.note})` : ""}
        </li>
      ))}
    </ul>
  );
}

function ResultBadge({ result, due }: { result: "holds" | "relapsed" | null; due: boolean }) {
  if (result === "relapsed") return <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">{LOOK_BACK_RESULT_LABELS.relapsed}</span>;
  if (result === "holds") return <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{LOOK_BACK_RESULT_LABELS.holds}</span>;
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${due ? "bg-amber-100 text-amber-900" : "bg-gray-100 text-gray-700"}`}>
      {due ? "到期待查" : "待开展"}
    </span>
  );
}
