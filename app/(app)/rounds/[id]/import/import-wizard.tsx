"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ImportRecurrences } from "@/components/import-recurrences";
import { TableFilePicker } from "@/components/table-file-picker";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { UploadStepsStatus, useUploadSteps } from "@/components/upload-steps";
import { STATUS_LABELS } from "@/lib/domain";
import type { ImportRecurrence } from "@/lib/recurrence";
import type { LedgerPreview } from "@/server/ledger-transfer";
import { fileForm, uploadWithProgress } from "@/lib/upload";
import { PreviewSummary, SplitMeasuresChoice } from "./preview-summary";

const PREVIEW_ROWS = 200;

type ImportDone = { problems: number; measures: number; createdUnits: string[] };
type Recurrences = { recurrences?: ImportRecurrence[] };

/** Upload → preview with per-row errors → confirm. The same file is sent twice, so nothing is kept server-side between the steps. */
export function ImportWizard({ roundId }: { roundId: number }) {
  const router = useRouter();
  // Off by default: a cell is split only when the office asks, after seeing both counts.
  const [splitMeasures, setSplitMeasures] = useState(false);
  const url = `/api/v1/rounds/${roundId}/import`;
  const steps = useUploadSteps({
    preview: (file, onProgress) => uploadWithProgress<LedgerPreview & Recurrences>(url, fileForm(file, { dryRun: "1" }), onProgress),
    // The preview stays as written (it reports both counts); the choice applies to the import.
    commit: (file, onProgress) => uploadWithProgress<ImportDone>(url, fileForm(file, splitMeasures ? { splitMeasures: "1" } : {}), onProgress),
    onCommitted: () => {
      // The round header (a shared layout) shows the counts too: refresh it, not just the page.
      router.push(`/rounds/${roundId}/problems`);
      router.refresh();
    },
  });
  const { busy, preview, commit } = steps;
  const plan = preview.data?.plan;

  return (
    <div className="space-y-4">
      <div className="rounded-lg border border-gray-200 bg-white p-4">
        <TableFilePicker
          id="ledger-file"
          label="台账文件"
          previewLabel="上传并预览"
          pendingLabel="正在解析…"
          {...steps.picker}
          onChoose={(chosen) => {
            setSplitMeasures(false);
            steps.picker.onChoose(chosen);
          }}
        >
          <a href="/api/v1/ledger-template" className="text-sm text-brand-700 underline">
            下载空白模板
          </a>
        </TableFilePicker>
      </div>

      <UploadStepsStatus steps={steps} />

      {preview.data && plan ? (
        <>
          <PreviewSummary preview={preview.data} />
          <ImportRecurrences recurrences={preview.data.recurrences} />
          {plan.errors.length === 0 ? (
            <>
              <SplitMeasuresChoice preview={preview.data} checked={splitMeasures} disabled={busy} onChange={setSplitMeasures} />
              <div className="flex items-center gap-3">
                <Button type="button" disabled={busy} onClick={() => commit.mutate()}>
                  确认导入
                </Button>
                <span className="text-sm text-gray-600">
                  将导入 {plan.problems.length} 个问题、{splitMeasures ? preview.data.measuresIfSplit : preview.data.measures} 项整改措施
                  {preview.data.newUnits.length > 0 ? `,并新建 ${preview.data.newUnits.length} 个单位` : ""}。
                </span>
              </div>
            </>
          ) : (
            <p className="text-sm font-medium text-red-800">请修改文件中的错误后重新上传;本次未写入任何数据。</p>
          )}
          <Table caption="导入预览">
            <thead>
              <tr>
                <Th>行</Th>
                <Th>序号</Th>
                <Th>方面</Th>
                <Th>问题</Th>
                <Th>整改措施</Th>
                <Th>牵头单位</Th>
                <Th>责任单位</Th>
                <Th>完成时限</Th>
                <Th>整改状态</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {plan.problems
                .flatMap((p) => p.measures.map((m) => ({ p, m })))
                .slice(0, PREVIEW_ROWS)
                .map(({ p, m }, index) => (
                  // A split row gives several measures on one line.
                  <tr key={`${m.line}-${index}`}>
                    <Td className="text-xs text-gray-500">{m.line}</Td>
                    <Td>{p.number}</Td>
                    <Td className="text-xs">{p.aspect ?? "—"}</Td>
                    <Td className="min-w-40">{p.title}</Td>
                    <Td className="min-w-56">{m.text}</Td>
                    <Td className="whitespace-nowrap">{m.leadUnit ?? "—"}</Td>
                    <Td className="text-xs">{m.coUnits.join("、") || "—"}</Td>
                    <Td className="whitespace-nowrap">
                      {m.deadline ?? "—"}
                      <div className="text-xs text-gray-500">{m.deadlineText}</div>
                    </Td>
                    <Td className="whitespace-nowrap">{STATUS_LABELS[m.status]}</Td>
                  </tr>
                ))}
            </tbody>
          </Table>
          {preview.data.measureCount > PREVIEW_ROWS ? (
            <p className="text-xs text-gray-500">仅显示前 {PREVIEW_ROWS} 行,导入时包含全部 {preview.data.measureCount} 行。</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
