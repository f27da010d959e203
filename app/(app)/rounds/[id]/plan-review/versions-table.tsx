import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { SubmissionRow } from "@/db/queries/plan-review";
import { SUBMISSION_STATE_LABELS } from "@/lib/domain";
import type { ReactNode } from "react";
import { reviewTime } from "./review-time";

/** Every submitted version with its decision; `extra` adds a cell per version (downloads). */
export function VersionsTable({ versions, empty, extra }: { versions: SubmissionRow[]; empty: string; extra?: (v: SubmissionRow) => ReactNode }) {
  if (versions.length === 0) return <EmptyState title="还没有报审版本">{empty}</EmptyState>;
  return (
    <Table caption="报审版本">
      <thead>
        <tr>
          <Th>版本</Th>
          <Th>报送</Th>
          <Th>状态</Th>
          <Th wrap>审核</Th>
          {extra ? <Th>文件</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {versions.map((v) => (
          <tr key={v.id}>
            <Td>第 {v.version} 版</Td>
            <Td>
              {reviewTime(v.createdAt)} · {v.submittedByName ?? "—"}
              {v.note ? <p className="text-xs text-gray-600">{v.note}</p> : null}
            </Td>
            <Td>{SUBMISSION_STATE_LABELS[v.state]}</Td>
            <Td className="whitespace-normal">{v.decidedAt ? `${reviewTime(v.decidedAt)} · ${v.decidedByName ?? "—"}${v.decisionNote ? `:${v.decisionNote}` : ""}` : "—"}</Td>
            {extra ? <Td>{extra(v)}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
