import Link from "@/components/link";
import { RecordLookBackRowForm, ScheduleLookBackRowForm } from "@/components/look-back-forms";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { institutionsForMeasures } from "@/db/queries/institutions";
import type { LookBackRow, listMeasuresAwaitingLookBack } from "@/db/queries/look-backs";
import { auditTime } from "@/lib/audit-format";
import { DEADLINE_KIND_LABELS, LOOK_BACK_RESULT_LABELS } from "@/lib/domain";
import { LOOK_BACK_VIEW_LABELS, type LookBackView } from "@/lib/validations/look-back";

function MeasureCell({ id, text, problemNumber, position, roundName }: { id: number; text: string; problemNumber: number; position: number; roundName: string }) {
  return (
    <Td className="min-w-72">
      <Link href={`/measures/${id}`} className="text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
        {problemNumber}.{position} {text}
      </Link>
      <p className="mt-0.5 text-xs text-gray-500">{roundName}</p>
    </Td>
  );
}

function Capped({ shown, total }: { shown: number; total: number }) {
  return shown < total ? <p className="mt-2 text-sm text-gray-600">共 {total} 项,仅显示前 {shown} 项,请按轮次筛选。</p> : null;
}

const EMPTY: Record<LookBackView, string> = {
  due: "今天没有到期待查的回头看",
  upcoming: "没有已安排、尚未到期的回头看",
  unscheduled: "没有待安排回头看的措施",
  checked: "尚未记录回头看结果",
};

export function LookBackTable({ view, rows, total, today, roundId, highlight }: {
  view: Exclude<LookBackView, "unscheduled">;
  rows: LookBackRow[];
  total: number;
  today: string;
  roundId?: number;
  highlight: number | null;
}) {
  if (rows.length === 0) return <EmptyState title={EMPTY[view]} />;
  // The rules each due 回头看 asks about, read once for the whole list.
  const asked = view === "due" ? institutionsForMeasures(db, { measureIds: rows.map((row) => row.measureId) }) : null;
  return (
    <>
      <Table caption={LOOK_BACK_VIEW_LABELS[view]}>
        <thead>
          <tr>
            <Th>回头看日期</Th>
            <Th>整改措施</Th>
            <Th>牵头单位</Th>
            <Th>整改状态</Th>
            <Th>{view === "due" ? "记录结果" : view === "checked" ? "结果" : "时限类型"}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.id} className={row.id === highlight ? "bg-brand-50" : undefined}>
              <Td className="whitespace-nowrap">
                {row.scheduledDate}
                {view === "due" && row.scheduledDate < today ? <span className="ml-1 text-xs text-red-700">(已过期)</span> : null}
              </Td>
              <MeasureCell id={row.measureId} text={row.measureText} problemNumber={row.problemNumber} position={row.position} roundName={row.roundName} />
              <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
              <Td>
                <StatusBadge status={row.measureStatus} />
              </Td>
              <Td className={view === "due" ? "min-w-72" : "min-w-48"}>
                {view === "due" ? (
                  <RecordLookBackRowForm lookBackId={row.id} roundId={roundId} institutions={asked?.get(row.measureId) ?? []} />
                ) : view === "checked" && row.result ? (
                  <>
                    <span className={`rounded px-2 py-0.5 text-xs ${row.result === "relapsed" ? "bg-red-100 text-red-800" : "bg-green-100 text-green-800"}`}>
                      {LOOK_BACK_RESULT_LABELS[row.result]}
                    </span>
                    {row.note ? <p className="mt-1 text-xs whitespace-pre-wrap text-gray-700">{row.note}</p> : null}
                    <p className="mt-1 text-xs text-gray-500">
                      {row.checkerName ?? "—"} {row.checkedAt ? auditTime(row.checkedAt) : ""}
                    </p>
                  </>
                ) : (
                  <span className="text-xs">{DEADLINE_KIND_LABELS[row.deadlineKind]}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Capped shown={rows.length} total={total} />
    </>
  );
}

export function AwaitingTable({ rows, total, today, roundId }: {
  rows: ReturnType<typeof listMeasuresAwaitingLookBack>;
  total: number;
  today: string;
  roundId?: number;
}) {
  if (rows.length === 0) return <EmptyState title={EMPTY.unscheduled} />;
  return (
    <>
      <p className="mb-2 text-sm text-gray-600">已完成或“并长期坚持”、目前没有待开展回头看的整改措施。</p>
      <Table caption={LOOK_BACK_VIEW_LABELS.unscheduled}>
        <thead>
          <tr>
            <Th>整改措施</Th>
            <Th>牵头单位</Th>
            <Th>整改状态</Th>
            <Th>完成时限</Th>
            <Th>上次回头看</Th>
            <Th>安排</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.measureId}>
              <MeasureCell id={row.measureId} text={row.measureText} problemNumber={row.problemNumber} position={row.position} roundName={row.roundName} />
              <Td className="whitespace-nowrap">{row.leadUnitName ?? "—"}</Td>
              <Td>
                <StatusBadge status={row.measureStatus} />
              </Td>
              <Td className="whitespace-nowrap">
                {row.deadline ?? "—"}
                <div className="text-xs text-gray-500">{DEADLINE_KIND_LABELS[row.deadlineKind]}</div>
              </Td>
              <Td className="whitespace-nowrap">{row.lastChecked ?? "—"}</Td>
              <Td className="min-w-64">
                <ScheduleLookBackRowForm measureId={row.measureId} today={today} roundId={roundId} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Capped shown={rows.length} total={total} />
    </>
  );
}
