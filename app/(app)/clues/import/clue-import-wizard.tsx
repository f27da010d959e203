"use client";

import { useRouter } from "next/navigation";
import { TableFilePicker } from "@/components/table-file-picker";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { UploadStepsStatus, useUploadSteps } from "@/components/upload-steps";
import type { ClueImportPlan } from "@/lib/clue-import";
import { CLUE_HANDLER_LABELS, CLUE_KIND_LABELS, CLUE_TIME_LIMIT_LABELS } from "@/lib/domain";
import { fileForm, uploadWithProgress } from "@/lib/upload";

type Checked = ClueImportPlan & { added: number };

/** Upload → preview with each row's mistakes → confirm; the file is sent again and checked again. */
export function ClueImportWizard({ roundId, unitNames }: { roundId: number; unitNames: Record<number, string> }) {
  const router = useRouter();
  const url = `/api/v1/rounds/${roundId}/clue-import`;
  const steps = useUploadSteps({
    preview: (file, onProgress) => uploadWithProgress<Checked>(url, fileForm(file, { dryRun: "1" }), onProgress),
    commit: (file, onProgress) => uploadWithProgress<Checked>(url, fileForm(file), onProgress),
    onCommitted: () => {
      router.push(`/clues?round=${roundId}`);
      router.refresh();
    },
  });
  const { busy, preview, commit } = steps;
  const plan = preview.data;
  return (
    <div className="space-y-4">
      <div className="rounded-lg border border-gray-200 bg-white p-4">
        <TableFilePicker id="clue-file" label="信访件、问题线索文件" previewLabel="上传并预览" pendingLabel="正在解析…" {...steps.picker}>
          <a href="/api/v1/clue-template" className="text-sm text-brand-700 underline">
            下载空白模板
          </a>
        </TableFilePicker>
      </div>
      <UploadStepsStatus steps={steps} />
      {plan ? (
        <section aria-label="预览" className="space-y-3">
          {plan.issues.length > 0 ? (
            <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              <p className="font-medium">文件有 {plan.issues.length} 处错误,请修改后重新上传;改正前不会导入任何一件。</p>
              <ul className="mt-1 list-disc pl-5">
                {plan.issues.map((issue, i) => (
                  <li key={i}>
                    第 {issue.line} 行{issue.column ? `“${issue.column}”` : ""}:{issue.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
              共 {plan.rows.length} 件,检查无误,可以导入。
            </p>
          )}
          {plan.rows.length > 0 ? (
            <Table caption="将导入的件">
              <thead>
                <tr>
                  <Th>行</Th>
                  <Th>类别</Th>
                  <Th>编号</Th>
                  <Th>标题</Th>
                  <Th>承办单位</Th>
                  <Th>接收日期</Th>
                  <Th>办理时限</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {plan.rows.map(({ line, fields }) => (
                  <tr key={line}>
                    <Td>{line}</Td>
                    <Td>{CLUE_KIND_LABELS[fields.kind]}</Td>
                    <Td>{fields.number}</Td>
                    <Td>{fields.title}</Td>
                    <Td>{fields.handlerUnitId !== null ? unitNames[fields.handlerUnitId] : CLUE_HANDLER_LABELS[fields.handler]}</Td>
                    <Td>{fields.receivedDate}</Td>
                    <Td>{fields.timeLimit === "date" ? fields.dueDate : CLUE_TIME_LIMIT_LABELS[fields.timeLimit]}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          <Button type="button" disabled={busy || plan.issues.length > 0 || plan.rows.length === 0} onClick={() => commit.mutate()}>
            {commit.isPending ? "正在导入…" : `确认导入 ${plan.rows.length} 件`}
          </Button>
        </section>
      ) : null}
    </div>
  );
}
