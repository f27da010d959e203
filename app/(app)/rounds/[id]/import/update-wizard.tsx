"use client";

import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { TableFilePicker } from "@/components/table-file-picker";
import { Button } from "@/components/ui/button";
import { UploadStepsStatus, useUploadSteps } from "@/components/upload-steps";
import { fileForm, uploadWithProgress } from "@/lib/upload";
import type { LedgerUpdatePreview, LedgerUpdateResult } from "@/server/ledger-update";
import { Issues } from "./preview-summary";
import { UpdateCountsLine, UpdateDiff } from "./update-diff";

/**
 * Upload → the differences from the round's plan → confirm. The same file is sent twice;
 * the preview's token goes with the second send, so the server applies exactly the
 * differences shown here or refuses.
 */
export function UpdateWizard({ roundId }: { roundId: number }) {
  const router = useRouter();
  const url = `/api/v1/rounds/${roundId}/import`;
  const steps = useUploadSteps({
    preview: (file, onProgress) => uploadWithProgress<LedgerUpdatePreview>(url, fileForm(file, { update: "1", dryRun: "1" }), onProgress),
    commit: (file, onProgress, token: string) => uploadWithProgress<LedgerUpdateResult>(url, fileForm(file, { update: "1", token }), onProgress),
    // The round header (a shared layout) shows the counts: refresh it as well.
    onCommitted: () => router.refresh(),
  });
  const { busy, preview, commit } = steps;
  const shown = preview.data;
  const counts = shown?.counts;
  const applicable = shown?.diff && counts && shown.diff.conflicts.length === 0 && counts.added + counts.changed + counts.statusChanges > 0;

  const confirmAndApply = () => {
    if (!shown?.token || !counts) return;
    const message =
      `将按文件更新本轮次:新增 ${counts.added} 项、内容变更 ${counts.changed} 项、状态变更 ${counts.statusChanges} 项。` +
      `状态变更即整改办销号,逐项记入日志;文件中缺少的 ${counts.missing} 项不会删除。确定更新吗?`;
    if (window.confirm(message)) commit.mutate(shown.token);
  };

  return (
    <div className="space-y-4">
      <div className="rounded-lg border border-gray-200 bg-white p-4">
        <TableFilePicker id="ledger-file" label="台账文件" previewLabel="上传并比对差异" pendingLabel="正在比对…" {...steps.picker}>
          <a href={`/api/v1/rounds/${roundId}/export`} className="text-sm text-brand-700 underline">
            导出当前台账
          </a>
        </TableFilePicker>
      </div>

      <UploadStepsStatus steps={steps} checking="上传完成,正在比对…" writing="正在更新,请稍候…" />

      {commit.data ? (
        <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          <p>
            已更新:新增 {commit.data.added} 项,内容变更 {commit.data.changed} 项,状态变更 {commit.data.statusChanges} 项
            {commit.data.createdUnits.length > 0 ? `,新建单位 ${commit.data.createdUnits.join("、")}` : ""}
            {commit.data.missing > 0 ? `;文件中缺少的 ${commit.data.missing} 项未删除` : ""}。
          </p>
          <p className="space-x-3">
            <Link href={`/rounds/${roundId}/ledger`} className="text-brand-700 underline">
              查看整改台账
            </Link>
            <Link href={`/audit?entity=round&entityId=${roundId}`} className="text-brand-700 underline">
              查看日志
            </Link>
          </p>
        </div>
      ) : shown ? (
        <>
          {shown.errors.length > 0 ? (
            <>
              <Issues title={`错误(${shown.errors.length} 处,须修改后重新上传)`} issues={shown.errors} tone="error" />
              <p className="text-sm font-medium text-red-800">请修改文件中的错误后重新上传;本次未写入任何数据。</p>
            </>
          ) : null}
          {shown.diff && counts ? (
            <>
              <UpdateCountsLine counts={counts} />
              {shown.diff.conflicts.length > 0 ? (
                <Issues title={`措施行对不上(${shown.diff.conflicts.length} 处,须修改后重新上传)`} issues={shown.diff.conflicts} tone="error" />
              ) : null}
              {shown.warnings.length > 0 ? <Issues title={`提示(${shown.warnings.length} 处,不影响更新)`} issues={shown.warnings} tone="warning" /> : null}
              {shown.newUnits.length > 0 ? (
                <p className="text-sm text-gray-700">
                  以下单位尚未建立,更新时将新建在本轮次的被巡视(察)单位之下:<strong>{shown.newUnits.join("、")}</strong>
                </p>
              ) : null}
              {applicable ? (
                <div className="flex items-center gap-3">
                  <Button type="button" disabled={busy} onClick={confirmAndApply}>
                    确认更新
                  </Button>
                  <span className="text-sm text-gray-600">整体更新:任何一项写入失败,全部不写入。</span>
                </div>
              ) : shown.diff.conflicts.length === 0 ? (
                <p className="text-sm text-gray-700">文件与本轮次台账没有需要更新的差异。</p>
              ) : null}
              <UpdateDiff diff={shown.diff} counts={counts} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
