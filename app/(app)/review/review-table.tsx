"use client";

import Link from "@/components/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import { ReproofMark } from "@/components/reproof-mark";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { bulkSignOffAction } from "./actions";
import { ClaimVerdictCell, claimVerdict } from "./claim-verdict";

interface Claim {
  id: number;
  measureId: number;
  measureText: string;
  problemNumber: number;
  position: number;
  roundName: string;
  unitName: string;
  authorName: string;
  reportDate: string;
  claimedStatus: Status;
  isReproof: boolean;
  evidenceCount: number;
  waitingDays: number;
}

/**
 * The queue: each row signed off or returned in place, or several ticked and signed off
 * with one confirmation. The row forms cannot nest in the bulk form, so the checkboxes and
 * its button join it by the `form` attribute.
 */
export function ReviewTable({ claims }: { claims: Claim[] }) {
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkState, action, bulkPending] = useActionState(bulkSignOffAction, null);
  const [rowState, rowAction, rowPending] = useActionState(claimVerdict, null);
  // Whichever was used last speaks; a bulk run clears the row message and vice versa.
  const [last, setLast] = useState<"bulk" | "row">("row");
  const state = last === "bulk" ? bulkState : rowState;
  const pending = bulkPending || rowPending;
  const failedRow = rowState && !rowState.ok ? Number(rowState.values?.reportId) : null;
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  if (claims.length === 0) {
    // After the last claim is signed off the outcome stays on screen above the empty queue.
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <EmptyState title="没有待审核的申报">责任单位申报基本完成或已完成后会出现在这里。</EmptyState>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <form
        id="bulk-sign-off"
        action={action}
        onSubmit={(event) => {
          if (!window.confirm(`确定对选中的 ${selected.length} 项申报销号吗?整改状态将按各自申报更新。`)) event.preventDefault();
          else setLast("bulk");
        }}
      />
      <FormMessage state={state} />
      <div className="no-print flex items-center gap-3">
        <Button type="submit" form="bulk-sign-off" disabled={selected.length === 0 || pending}>
          批量销号({selected.length})
        </Button>
        <span className="text-sm text-gray-600">共 {claims.length} 项待审核,按提交时间从早到晚排列。</span>
      </div>
      <Table caption="待审核的申报">
        <thead>
          <tr>
            <Th>
              <input
                type="checkbox"
                aria-label="全选"
                checked={selected.length === claims.length}
                onChange={(e) => setSelected(e.target.checked ? claims.map((c) => c.id) : [])}
              />
            </Th>
            <Th>报送日期</Th>
            <Th>整改措施</Th>
            <Th>申报单位</Th>
            <Th>申报状态</Th>
            <Th>佐证材料</Th>
            <Th>已等待</Th>
            <Th>审核</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {claims.map((c) => (
            <tr key={c.id}>
              <Td>
                <input
                  type="checkbox"
                  form="bulk-sign-off"
                  name="reportIds"
                  value={c.id}
                  checked={selected.includes(c.id)}
                  onChange={() => toggle(c.id)}
                  aria-label={`选择 ${c.problemNumber}.${c.position} ${c.measureText.slice(0, 20)}`}
                />
              </Td>
              <Td className="whitespace-nowrap">{c.reportDate}</Td>
              <Td className="min-w-72">
                <Link href={`/measures/${c.measureId}#claims`} className="text-gray-900 hover:text-brand-700 hover:underline">
                  {c.problemNumber}.{c.position} {c.measureText}
                </Link>
                <div className="text-xs text-gray-500">{c.roundName}</div>
              </Td>
              <Td className="whitespace-nowrap">
                {c.unitName}
                <div className="text-xs text-gray-500">{c.authorName}</div>
              </Td>
              <Td className="whitespace-nowrap">
                {STATUS_LABELS[c.claimedStatus]}
                {c.isReproof ? <ReproofMark /> : null}
              </Td>
              <Td>{c.evidenceCount} 份</Td>
              <Td className={c.waitingDays > 7 ? "font-medium text-red-700" : ""}>{c.waitingDays} 天</Td>
              <Td>
                <ClaimVerdictCell
                  claim={{ id: c.id, label: `${c.problemNumber}.${c.position} ${c.measureText.slice(0, 20)}`, claimedLabel: STATUS_LABELS[c.claimedStatus] }}
                  action={(formData) => {
                    setLast("row");
                    rowAction(formData);
                  }}
                  pending={pending}
                  reasonErrors={failedRow === c.id ? rowState?.ok === false ? rowState.fieldErrors?.reason : undefined : undefined}
                />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
